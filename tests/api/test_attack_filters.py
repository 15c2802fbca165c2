"""Every filter of the attack list, on a small set of attacks built to tell them apart."""

import datetime as dt

import pytest
from django.utils import timezone

from kb.choices import CoordinatePrecision, DatePrecision, PlaceKind
from kb.models import Attack, AttackType, TargetType, WeaponType
from tests.factories import (
    AttackFactory,
    AttributionFactory,
    ClaimFactory,
    GroupFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def attacks():
    """Five attacks in two countries, with different dates, figures and responsibility."""
    pakistan = PlaceFactory(name="Pakistan", slug="pakistan")
    balochistan = PlaceFactory(name="Balochistan", slug="balochistan",
                               kind=PlaceKind.PROVINCE, parent=pakistan)
    sindh = PlaceFactory(name="Sindh", slug="sindh", kind=PlaceKind.PROVINCE, parent=pakistan)
    lanka = PlaceFactory(name="Sri Lanka", slug="sri-lanka")
    isis = GroupFactory(name="Islamic State", slug="islamic-state")
    bla = GroupFactory(name="Baloch Liberation Army", slug="bla")

    def attack(name, date, precision, **fields):
        return AttackFactory(name=name, occurred_on=date, occurred_on_precision=precision,
                             **fields)

    quetta = attack("Quetta", dt.date(2016, 8, 8), DatePrecision.DAY, country=pakistan,
                    province=balochistan, killed=70, wounded=112, latitude="30.18",
                    longitude="66.97", coordinate_precision=CoordinatePrecision.CITY)
    mastung = attack("Mastung", dt.date(2018, 7, 1), DatePrecision.MONTH, country=pakistan,
                     province=balochistan, killed=149)
    karachi = attack("Karachi", dt.date(2018, 1, 1), DatePrecision.YEAR, country=pakistan,
                     province=sindh, killed=4, wounded=None)
    easter = attack("Easter", dt.date(2019, 4, 21), DatePrecision.DAY, country=lanka,
                    killed=269, wounded=500)
    unknown = attack("Undated", dt.date(2015, 1, 1), DatePrecision.CIRCA)
    quetta.attack_types.set([AttackType.objects.get(code=3)])
    quetta.weapon_types.set([WeaponType.objects.get(code=6)])
    easter.attack_types.set([AttackType.objects.get(code=3), AttackType.objects.get(code=2)])
    easter.target_types.set([TargetType.objects.get(code=15)])
    karachi.attack_types.set([AttackType.objects.get(code=2)])
    ClaimFactory(attack=quetta, group=isis)
    ClaimFactory(attack=mastung, group=isis)
    ClaimFactory(attack=easter, group=isis)
    AttributionFactory(attack=karachi, group=bla)
    AttributionFactory(attack=easter, group=GroupFactory(name="NTJ", slug="ntj"))
    ClaimFactory(attack=unknown, group=GroupFactory(name="Draft", slug="draft", published_at=None))
    return {"quetta": quetta, "mastung": mastung, "karachi": karachi, "easter": easter,
            "unknown": unknown}


def names(api, **params):
    response = api.get("/api/v1/attacks/", params)
    assert response.status_code == 200, response.json()
    return {a["name"] for a in response.json()["results"]}


@pytest.mark.parametrize(("params", "expected"), [
    ({}, {"Quetta", "Mastung", "Karachi", "Easter", "Undated"}),
    ({"date_from": "2018"}, {"Mastung", "Karachi", "Easter"}),
    ({"date_to": "2017"}, {"Quetta", "Undated"}),
    ({"date_from": "2016-08-08", "date_to": "2016-08-08"}, {"Quetta"}),
    # A month or a year overlapping the range counts: July 2018 may hold 15 July 2018.
    ({"date_from": "2018-07-15", "date_to": "2018-07-20"}, {"Mastung", "Karachi"}),
    ({"date_from": "July 2018", "date_to": "2018-12"}, {"Mastung", "Karachi"}),
    ({"date_from": "2015", "date_to": "2015"}, {"Undated"}),
    ({"country": "pakistan"}, {"Quetta", "Mastung", "Karachi"}),
    ({"country": ["pakistan", "sri-lanka"]}, {"Quetta", "Mastung", "Karachi", "Easter"}),
    ({"province": "balochistan"}, {"Quetta", "Mastung"}),
    ({"attack_type": "3"}, {"Quetta", "Easter"}),
    ({"attack_type": ["2", "3"]}, {"Quetta", "Easter", "Karachi"}),
    ({"target_type": "15"}, {"Easter"}),
    ({"weapon_type": "6"}, {"Quetta"}),
    ({"group": "islamic-state"}, {"Quetta", "Mastung", "Easter"}),
    ({"group": "bla"}, {"Karachi"}),
    ({"claimed_by": "islamic-state", "province": "balochistan"}, {"Quetta", "Mastung"}),
    ({"attributed_to": "ntj"}, {"Easter"}),
    ({"attributed_to": ["ntj", "bla"]}, {"Easter", "Karachi"}),
    # A claim by a group that is not published does not make an attack claimed.
    ({"claimed": "true"}, {"Quetta", "Mastung", "Easter"}),
    ({"claimed": "false"}, {"Karachi", "Undated"}),
    ({"killed_min": "70"}, {"Quetta", "Mastung", "Easter"}),
    ({"killed_min": "70", "killed_max": "149"}, {"Quetta", "Mastung"}),
    ({"wounded_min": "113"}, {"Easter"}),
    ({"wounded_max": "112"}, {"Quetta"}),
    ({"has_coordinates": "true"}, {"Quetta"}),
    ({"has_coordinates": "false"}, {"Mastung", "Karachi", "Easter", "Undated"}),
    ({"country": "", "claimed": "", "date_from": ""}, {"Quetta", "Mastung", "Karachi", "Easter",
                                                       "Undated"}),
])
def test_attack_filters(api, attacks, params, expected):
    assert names(api, **params) == expected


def test_filters_combine(api, attacks):
    assert names(api, group="islamic-state", country="pakistan", date_from="2017",
                 date_to="2018-12-31", killed_min="100") == {"Mastung"}


def test_updated_since_lists_only_what_changed(api, attacks):
    later = timezone.now() + dt.timedelta(seconds=1)
    Attack.objects.filter(pk=attacks["easter"].pk).update(updated_at=later)
    assert names(api, updated_since=later.isoformat()) == {"Easter"}
    assert len(names(api, updated_since="2000-01-01")) == 5
    assert names(api, updated_since=(later + dt.timedelta(seconds=1)).isoformat()) == set()


@pytest.mark.parametrize(("ordering", "first", "last"), [
    ("date", "Undated", "Easter"),
    ("-date", "Easter", "Undated"),
    ("name", "Easter", "Undated"),
    ("-name", "Undated", "Easter"),
    ("killed", "Karachi", "Undated"),
    ("-killed", "Easter", "Undated"),
])
def test_ordering(api, attacks, ordering, first, last):
    results = api.get("/api/v1/attacks/", {"ordering": ordering}).json()["results"]
    assert (results[0]["name"], results[-1]["name"]) == (first, last)


def test_default_order_is_newest_first(api, attacks):
    results = api.get("/api/v1/attacks/").json()["results"]
    assert [a["name"] for a in results] == ["Easter", "Mastung", "Karachi", "Quetta", "Undated"]
