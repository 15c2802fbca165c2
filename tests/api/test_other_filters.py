"""Filters of the group, people, source and place lists, and the FilterSets on their own."""

import datetime as dt

import pytest
from django.utils import timezone

from kb.choices import (
    AliasKind,
    DatePrecision,
    GroupStatus,
    Ideology,
    PersonGroupRoleKind,
    PersonStatus,
    PlaceKind,
    Reliability,
    Script,
    SourceKind,
)
from kb.filtersets import AttackFilterSet, GroupFilterSet
from kb.models import Attack, Group, Person, Place, Source
from tests.factories import (
    AliasFactory,
    AttackFactory,
    GroupFactory,
    PersonFactory,
    PersonGroupRoleFactory,
    PlaceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def names(api, endpoint, key="name", **params):
    response = api.get(f"/api/v1/{endpoint}/", params)
    assert response.status_code == 200, response.json()
    return {row[key] for row in response.json()["results"]}


@pytest.fixture
def groups():
    pakistan = PlaceFactory(name="Pakistan", slug="pakistan")
    balochistan = PlaceFactory(name="Balochistan", slug="balochistan",
                               kind=PlaceKind.PROVINCE, parent=pakistan)
    iskp = GroupFactory(name="Islamic State Khorasan Province", ideology=Ideology.SALAFI_JIHADIST,
                        founded_on=dt.date(2015, 1, 1), founded_on_precision=DatePrecision.MONTH)
    iskp.areas.add(pakistan)
    mml = GroupFactory(name="Milli Muslim League", status=GroupStatus.DISSOLVED,
                       ideology=Ideology.ISLAMIST_POLITICAL, founded_on=dt.date(2017, 8, 7),
                       founded_on_precision=DatePrecision.DAY, dissolved_on=dt.date(2018, 1, 1),
                       dissolved_on_precision=DatePrecision.YEAR)
    bla = GroupFactory(name="Baloch Liberation Army", ideology=Ideology.ETHNONATIONALIST)
    bla.areas.add(balochistan)
    AliasFactory(entry=iskp, name="ISKP", kind=AliasKind.ACRONYM)
    AliasFactory(entry=iskp, name="ولایت خراسان", kind=AliasKind.NATIVE, script=Script.ARABIC)
    AliasFactory(entry=bla, name="Balochistan Liberation Army")
    return {"iskp": iskp, "mml": mml, "bla": bla}


@pytest.mark.parametrize(("params", "expected"), [
    ({"status": "dissolved"}, {"Milli Muslim League"}),
    ({"status": ["active", "dissolved"]}, {"Islamic State Khorasan Province",
                                           "Milli Muslim League", "Baloch Liberation Army"}),
    ({"ideology": "salafi_jihadist"}, {"Islamic State Khorasan Province"}),
    ({"area": "pakistan"}, {"Islamic State Khorasan Province"}),
    ({"area": ["pakistan", "balochistan"]}, {"Islamic State Khorasan Province",
                                             "Baloch Liberation Army"}),
    # Founding unknown counts as possibly active; dissolved in 2018 was active in 2018.
    ({"active_in": "2018"}, {"Islamic State Khorasan Province", "Milli Muslim League",
                             "Baloch Liberation Army"}),
    ({"active_in": "2019"}, {"Islamic State Khorasan Province", "Baloch Liberation Army"}),
    ({"active_in": "2014"}, {"Baloch Liberation Army"}),
    ({"alias": "iskp"}, {"Islamic State Khorasan Province"}),
    ({"alias": "ولایت خراسان"}, {"Islamic State Khorasan Province"}),
    ({"alias": "balochistan-liberation army"}, {"Baloch Liberation Army"}),
    ({"alias": "Milli Muslim League"}, {"Milli Muslim League"}),
    ({"alias": "ISK"}, set()),
])
def test_group_filters(api, groups, params, expected):
    assert names(api, "groups", **params) == expected


def test_group_ordering(api, groups):
    results = api.get("/api/v1/groups/", {"ordering": "-founded"}).json()["results"]
    assert [g["name"] for g in results] == [
        "Milli Muslim League", "Islamic State Khorasan Province", "Baloch Liberation Army",
    ]


@pytest.fixture
def people():
    lej = GroupFactory(name="LeJ", slug="lej")
    iskp = GroupFactory(name="ISKP", slug="iskp")
    pakistan = PlaceFactory(name="Pakistan", slug="pakistan")
    brohi = PersonFactory(name="Brohi", status=PersonStatus.KILLED, nationality=pakistan)
    saeed = PersonFactory(name="Saeed", status=PersonStatus.ARRESTED)
    badini = PersonFactory(name="Badini")
    PersonGroupRoleFactory(person=brohi, group=iskp, role=PersonGroupRoleKind.LEADER)
    PersonGroupRoleFactory(person=brohi, group=lej, role=PersonGroupRoleKind.MEMBER)
    PersonGroupRoleFactory(person=badini, group=lej, role=PersonGroupRoleKind.LEADER)
    PersonGroupRoleFactory(person=saeed, group=GroupFactory(name="Draft", slug="draft",
                                                            published_at=None))
    return {"brohi": brohi, "saeed": saeed, "badini": badini}


@pytest.mark.parametrize(("params", "expected"), [
    ({"group": "lej"}, {"Brohi", "Badini"}),
    ({"group": ["lej", "iskp"]}, {"Brohi", "Badini"}),
    ({"role": "leader"}, {"Brohi", "Badini"}),
    # Group and role narrow the same role: the leader of ISKP, not a leader anywhere.
    ({"group": "iskp", "role": "leader"}, {"Brohi"}),
    ({"group": "lej", "role": "member"}, {"Brohi"}),
    ({"group": "iskp", "role": "member"}, set()),
    ({"status": "killed"}, {"Brohi"}),
    ({"status": ["killed", "arrested"]}, {"Brohi", "Saeed"}),
    ({"nationality": "pakistan"}, {"Brohi"}),
])
def test_people_filters(api, people, params, expected):
    assert names(api, "people", **params) == expected


def test_people_cannot_be_filtered_by_an_unpublished_group(api, people):
    response = api.get("/api/v1/people/", {"group": "draft"})
    assert response.status_code == 400
    assert response.json() == {"group": ["No published group has the slug “draft”."]}


def test_source_filters(api):
    SourceFactory(title="Court file", kind=SourceKind.COURT_RECORD, reliability=Reliability.A,
                  published_on=dt.date(2019, 1, 1), published_on_precision=DatePrecision.YEAR)
    SourceFactory(title="Claim video", kind=SourceKind.CLAIM, reliability=Reliability.E)
    assert names(api, "sources", key="title", kind="court_record") == {"Court file"}
    assert names(api, "sources", key="title", reliability=["A", "E"]) == {
        "Court file", "Claim video",
    }
    ordered = api.get("/api/v1/sources/", {"ordering": "-title"}).json()["results"]
    assert [s["title"] for s in ordered] == ["Court file", "Claim video"]
    later = timezone.now() + dt.timedelta(seconds=1)
    Source.objects.filter(title="Claim video").update(updated_at=later)
    assert names(api, "sources", key="title", updated_since=later.isoformat()) == {"Claim video"}


def test_place_filters(api):
    pakistan = PlaceFactory(name="Pakistan", slug="pakistan")
    PlaceFactory(name="Sindh", slug="sindh", kind=PlaceKind.PROVINCE, parent=pakistan)
    PlaceFactory(name="India", slug="india")
    assert names(api, "places", kind="country") == {"Pakistan", "India"}
    assert names(api, "places", parent="pakistan") == {"Sindh"}


def test_updated_since_on_places(api):
    PlaceFactory(name="Pakistan", slug="pakistan")
    PlaceFactory(name="India", slug="india")
    later = timezone.now() + dt.timedelta(seconds=1)
    Place.objects.filter(slug="india").update(updated_at=later)
    assert names(api, "places", updated_since=later.isoformat()) == {"India"}


@pytest.mark.parametrize("kind", ["groups", "people"])
def test_updated_since_on_entry_lists(api, kind):
    model = {"groups": Group, "people": Person}[kind]
    factory = {"groups": GroupFactory, "people": PersonFactory}[kind]
    factory(name="Old")
    factory(name="Changed")
    later = timezone.now() + dt.timedelta(seconds=1)
    model.objects.filter(name="Changed").update(updated_at=later)
    assert names(api, kind, updated_since=later.isoformat()) == {"Changed"}
    assert names(api, kind, updated_since=later.strftime("%Y-%m-%dT%H:%M:%S.%fZ")) == {"Changed"}


# The FilterSets on their own, as the site's browse pages will use them ------------


def test_filtersets_work_without_the_api():
    AttackFactory(name="Counted", occurred_on=dt.date(2016, 5, 1),
                  occurred_on_precision=DatePrecision.MONTH)
    filterset = AttackFilterSet({"date_from": "2016-05-20"}, queryset=Attack.objects.published())
    assert filterset.is_valid()
    assert [a.name for a in filterset.qs] == ["Counted"]


def test_filtersets_report_every_bad_field_with_its_reason():
    filterset = GroupFilterSet(
        {"status": "sleeping", "active_in": "-3", "area": "atlantis", "alias": "--"},
        queryset=Group.objects.published(),
    )
    assert not filterset.is_valid()
    assert set(filterset.errors) == {"status", "active_in", "area", "alias"}
    assert filterset.errors["area"] == ["No place has the slug “atlantis”."]


def test_the_alias_filter_knows_abbreviations(api, groups):
    groups["mml"].abbreviation = "MML"
    groups["mml"].save()
    assert names(api, "groups", alias="mml") == {"Milli Muslim League"}
