"""The browse pages: filters, sorting, pagination, chips, bad input and visibility."""

import datetime as dt
import html
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.urls import reverse

from kb import browse
from kb.choices import (
    DatePrecision,
    GroupStatus,
    Ideology,
    PersonGroupRoleKind,
    PersonStatus,
    PlaceKind,
    Reliability,
    SourceKind,
)
from kb.models import Attack, AttackType, Group, Place, TargetType, WeaponType
from tests.factories import (
    AliasFactory,
    AttackFactory,
    AttributionFactory,
    ClaimFactory,
    GroupFactory,
    PersonFactory,
    PersonGroupRoleFactory,
    PlaceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

URLS = {
    "attacks": reverse("kb:attack-list"),
    "groups": reverse("kb:group-list"),
    "people": reverse("kb:person-list"),
    "sources": reverse("kb:source-list"),
}


def names(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[:2000]
    rows = response.context["object_list"]
    return [getattr(row, "name", None) or row.title for row in rows]


def query(response) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(response["Location"]).query)


def place(slug: str) -> Place:
    return Place.objects.get(slug=slug)


# A small world -------------------------------------------------------------------


@pytest.fixture
def world(db):
    pakistan = PlaceFactory(name="Pakistan", slug="pakistan")
    afghanistan = PlaceFactory(name="Afghanistan", slug="afghanistan")
    balochistan = PlaceFactory(
        name="Balochistan", slug="balochistan", kind=PlaceKind.PROVINCE, parent=pakistan
    )
    sindh = PlaceFactory(name="Sindh", slug="sindh", kind=PlaceKind.PROVINCE, parent=pakistan)
    iskp = GroupFactory(
        name="Islamic State Khorasan Province", slug="iskp", abbreviation="ISKP",
        status=GroupStatus.ACTIVE, ideology=Ideology.SALAFI_JIHADIST,
        founded_on=dt.date(2015, 1, 1), founded_on_precision=DatePrecision.YEAR,
    )
    iskp.areas.add(afghanistan)
    ttp = GroupFactory(
        name="Tehrik-i-Taliban Pakistan", slug="ttp", abbreviation="TTP",
        status=GroupStatus.ACTIVE, ideology=Ideology.JIHADIST,
        founded_on=dt.date(2007, 12, 1), founded_on_precision=DatePrecision.MONTH,
    )
    ttp.areas.add(balochistan)
    AliasFactory(entry=ttp, name="Pakistani Taliban")
    GroupFactory(
        name="Jundallah", slug="jundallah", status=GroupStatus.DISSOLVED,
        ideology=Ideology.SECTARIAN, founded_on=dt.date(2003, 1, 1),
        founded_on_precision=DatePrecision.YEAR, dissolved_on=dt.date(2010, 1, 1),
        dissolved_on_precision=DatePrecision.YEAR,
    )
    quetta = AttackFactory(
        name="Quetta hospital bombing", occurred_on=dt.date(2016, 8, 8), killed=70, wounded=112,
        country=pakistan, province=balochistan,
    )
    quetta.attack_types.add(AttackType.objects.get(code=3))
    quetta.target_types.add(TargetType.objects.get(code=14))
    quetta.weapon_types.add(WeaponType.objects.get(code=6))
    ClaimFactory(attack=quetta, group=iskp)
    AttributionFactory(attack=quetta, group=ttp)
    sehwan = AttackFactory(
        name="Sehwan shrine bombing", occurred_on=dt.date(2017, 2, 16), killed=90, wounded=300,
        country=pakistan, province=sindh,
    )
    sehwan.attack_types.add(AttackType.objects.get(code=3))
    sehwan.target_types.add(TargetType.objects.get(code=15))
    sehwan.weapon_types.add(WeaponType.objects.get(code=6))
    ClaimFactory(attack=sehwan, group=iskp)
    kabul = AttackFactory(
        name="Kabul raid", occurred_on=dt.date(2015, 5, 1), occurred_on_precision="month",
        killed=4, wounded=None, country=afghanistan,
    )
    kabul.attack_types.add(AttackType.objects.get(code=2))
    kabul.target_types.add(TargetType.objects.get(code=4))
    kabul.weapon_types.add(WeaponType.objects.get(code=5))
    AttributionFactory(attack=kabul, group=ttp)
    leader = PersonFactory(
        name="Hafiz Saeed Khan", status=PersonStatus.KILLED, nationality=pakistan
    )
    PersonGroupRoleFactory(person=leader, group=iskp, role=PersonGroupRoleKind.LEADER)
    PersonGroupRoleFactory(person=leader, group=ttp, role=PersonGroupRoleKind.COMMANDER)
    member = PersonFactory(
        name="Abdul Rahman", status=PersonStatus.ARRESTED, nationality=afghanistan
    )
    PersonGroupRoleFactory(person=member, group=iskp, role=PersonGroupRoleKind.MEMBER)
    PersonFactory(name="Unaffiliated Person", status=PersonStatus.UNKNOWN)
    SourceFactory(title="Dawn report", kind=SourceKind.NEWS, reliability=Reliability.B)
    SourceFactory(title="UN monitoring report", kind=SourceKind.REPORT, reliability=Reliability.A)
    SourceFactory(title="Amaq statement", kind=SourceKind.CLAIM, reliability=Reliability.F)


QUETTA, SEHWAN, KABUL = "Quetta hospital bombing", "Sehwan shrine bombing", "Kabul raid"


# Every filter of every list ------------------------------------------------------


@pytest.mark.parametrize(("params", "expected"), [
    ("", [SEHWAN, QUETTA, KABUL]),
    ("date_from=2016", [SEHWAN, QUETTA]),
    ("date_from=2015-05-20", [SEHWAN, QUETTA, KABUL]),  # May 2015 may fall after the 20th
    ("date_to=2016-08", [QUETTA, KABUL]),
    ("date_from=13+May+2015&date_to=2016", [QUETTA, KABUL]),
    ("country=afghanistan", [KABUL]),
    ("country=afghanistan&country=pakistan", [SEHWAN, QUETTA, KABUL]),
    ("province=sindh", [SEHWAN]),
    ("attack_type=2", [KABUL]),
    ("attack_type=2&attack_type=3", [SEHWAN, QUETTA, KABUL]),
    ("target_type=15", [SEHWAN]),
    ("weapon_type=6", [SEHWAN, QUETTA]),
    ("group=iskp", [SEHWAN, QUETTA]),
    ("group=ttp", [QUETTA, KABUL]),  # attributions count as well as claims
    ("group=ttp&attack_type=3", [QUETTA]),
    ("claimed=true", [SEHWAN, QUETTA]),
    ("claimed=false", [KABUL]),
    ("killed_min=70", [SEHWAN, QUETTA]),
    ("killed_max=70", [QUETTA, KABUL]),
    ("killed_min=5&killed_max=80", [QUETTA]),
    ("wounded_min=200", [SEHWAN]),
    ("wounded_max=200", [QUETTA]),
    ("claimed_by=iskp", [SEHWAN, QUETTA]),  # not on the form, still applied
    ("attributed_to=ttp", [QUETTA, KABUL]),
])
def test_every_attack_filter_narrows_the_list(client, world, params, expected):
    assert names(client.get(f"{URLS['attacks']}?{params}")) == expected


@pytest.mark.parametrize(("params", "expected"), [
    ("", ["Islamic State Khorasan Province", "Jundallah", "Tehrik-i-Taliban Pakistan"]),
    ("status=dissolved", ["Jundallah"]),
    ("status=active&status=dissolved",
     ["Islamic State Khorasan Province", "Jundallah", "Tehrik-i-Taliban Pakistan"]),
    ("ideology=jihadist", ["Tehrik-i-Taliban Pakistan"]),
    ("area=afghanistan", ["Islamic State Khorasan Province"]),
    ("area=balochistan", ["Tehrik-i-Taliban Pakistan"]),
    ("active_in=2009", ["Jundallah", "Tehrik-i-Taliban Pakistan"]),
    ("active_in=2016", ["Islamic State Khorasan Province", "Tehrik-i-Taliban Pakistan"]),
    ("alias=pakistani+taliban", ["Tehrik-i-Taliban Pakistan"]),
    ("alias=ISKP", ["Islamic State Khorasan Province"]),
])
def test_every_group_filter_narrows_the_list(client, world, params, expected):
    assert names(client.get(f"{URLS['groups']}?{params}")) == expected


@pytest.mark.parametrize(("params", "expected"), [
    ("", ["Abdul Rahman", "Hafiz Saeed Khan", "Unaffiliated Person"]),
    ("group=iskp", ["Abdul Rahman", "Hafiz Saeed Khan"]),
    ("role=leader", ["Hafiz Saeed Khan"]),
    ("group=ttp&role=leader", []),  # group and role narrow the same role
    ("group=ttp&role=commander", ["Hafiz Saeed Khan"]),
    ("status=arrested&status=unknown", ["Abdul Rahman", "Unaffiliated Person"]),
    ("nationality=pakistan", ["Hafiz Saeed Khan"]),
])
def test_every_person_filter_narrows_the_list(client, world, params, expected):
    assert names(client.get(f"{URLS['people']}?{params}")) == expected


@pytest.mark.parametrize(("params", "expected"), [
    ("", ["Amaq statement", "Dawn report", "UN monitoring report"]),
    ("kind=news&kind=report", ["Dawn report", "UN monitoring report"]),
    ("reliability=F", ["Amaq statement"]),
    ("kind=report&reliability=B", []),
])
def test_every_source_filter_narrows_the_list(client, world, params, expected):
    assert names(client.get(f"{URLS['sources']}?{params}")) == expected


def test_an_empty_result_says_no_entries_match(client, world):
    response = client.get(f"{URLS['attacks']}?killed_min=1000")
    assert response.status_code == 200
    assert "No attacks match these filters." in response.content.decode()
    assert "0 attacks match these filters" in response.content.decode()


def test_the_attack_list_shows_claimants_and_a_group_in_its_heading(client, world):
    body = client.get(f"{URLS['attacks']}?group=iskp").content.decode()
    assert "claimed by or attributed to" in body and "ISKP</a>" in body
    assert "2 attacks match these filters." in body


# Sorting and pagination ----------------------------------------------------------


@pytest.mark.parametrize(("ordering", "expected"), [
    ("date", [KABUL, QUETTA, SEHWAN]),
    ("-killed", [SEHWAN, QUETTA, KABUL]),
    ("killed", [KABUL, QUETTA, SEHWAN]),
    ("-wounded", [SEHWAN, QUETTA, KABUL]),  # unknown figures last, both ways
    ("wounded", [QUETTA, SEHWAN, KABUL]),
    ("name", [KABUL, QUETTA, SEHWAN]),
    ("-name", [SEHWAN, QUETTA, KABUL]),
])
def test_attacks_sort_by_each_offered_key(client, world, ordering, expected):
    response = client.get(f"{URLS['attacks']}?ordering={ordering}")
    assert names(response) == expected
    assert f'<option value="{ordering}" selected>' in response.content.decode()


@pytest.mark.parametrize(("kind", "ordering", "expected"), [
    ("groups", "founded", ["Jundallah", "Tehrik-i-Taliban Pakistan",
                           "Islamic State Khorasan Province"]),
    ("groups", "-name", ["Tehrik-i-Taliban Pakistan", "Jundallah",
                         "Islamic State Khorasan Province"]),
    ("people", "-name", ["Unaffiliated Person", "Hafiz Saeed Khan", "Abdul Rahman"]),
    ("sources", "-title", ["UN monitoring report", "Dawn report", "Amaq statement"]),
])
def test_other_lists_sort_too(client, world, kind, ordering, expected):
    assert names(client.get(f"{URLS[kind]}?ordering={ordering}")) == expected


@pytest.mark.parametrize("listing", [browse.ATTACKS, browse.GROUPS, browse.PEOPLE, browse.SOURCES])
def test_the_sort_menu_offers_every_ordering_the_api_accepts(listing):
    accepted = {value for value, _ in listing.filterset().form.fields["ordering"].choices}
    offered = set(listing.filterset.sorts) - {""} | {listing.filterset.default_sort}
    assert offered == accepted


def test_the_default_order_named_explicitly_redirects_to_the_plain_address(client, world):
    response = client.get(f"{URLS['attacks']}?ordering=-date&country=pakistan")
    assert response.status_code == 302 and query(response) == [("country", "pakistan")]


def test_pages_keep_the_filters_and_the_order(client, world, settings):
    settings.KB = {**settings.KB, "PAGE_SIZE": 2}
    for i in range(3):
        AttackFactory(name=f"Extra {i}", killed=i, country=place("afghanistan"))
    url = f"{URLS['attacks']}?country=afghanistan&ordering=killed"
    first = client.get(url)
    assert names(first) == ["Extra 0", "Extra 1"]
    body = first.content.decode()
    assert 'href="?country=afghanistan&amp;ordering=killed&amp;page=2"' in body
    second = client.get(f"{url}&page=2")
    assert names(second) == ["Extra 2", KABUL]
    assert client.get(f"{url}&page=3").status_code == 404


# Chips ---------------------------------------------------------------------------


def chips(response) -> dict[str, str]:
    """Each chip's words, mapped to the address it links to."""
    return {f"{c.label}: {c.value}": c.query for c in response.context["chips"]}


def test_each_chip_removes_one_value_and_clear_all_keeps_the_order(client, world):
    response = client.get(
        f"{URLS['attacks']}?attack_type=2&attack_type=3&group=iskp&ordering=date&page=1"
    )
    found = chips(response)
    assert set(found) == {
        "Attack type: Armed Assault", "Attack type: Bombing/Explosion",
        "Group: Islamic State Khorasan Province",
    }
    assert found["Attack type: Armed Assault"] == "attack_type=3&group=iskp&ordering=date"
    assert found["Group: Islamic State Khorasan Province"] == (
        "attack_type=2&attack_type=3&ordering=date"
    )
    assert response.context["clear_url"] == f"{URLS['attacks']}?ordering=date"
    body = response.content.decode()
    assert 'href="/attacks/?attack_type=3&amp;group=iskp&amp;ordering=date"' in body
    assert "Attack type:</span> Armed Assault" in body and "(remove)" in body


def test_chips_name_places_booleans_and_dates_in_words(client, world):
    response = client.get(
        f"{URLS['attacks']}?country=pakistan&claimed=no&date_from=2015-05&has_coordinates=1"
    )
    assert set(chips(response)) == {
        "Country: Pakistan", "Claimed: Not claimed", "From: May 2015", "Has coordinates: yes",
    }


def test_filters_not_on_the_form_survive_its_resubmission(client, world):
    body = client.get(f"{URLS['attacks']}?claimed_by=iskp").content.decode()
    assert '<input type="hidden" name="claimed_by" value="iskp">' in body
    assert '<input type="hidden" name="ordering"' not in body


def test_the_form_shows_the_values_in_effect(client, world):
    body = client.get(
        f"{URLS['attacks']}?group=iskp&group=ttp&country=pakistan&weapon_type=6&claimed=yes"
    ).content.decode()
    assert 'name="group" value="iskp, ttp"' in body
    assert '<option value="pakistan" selected>Pakistan</option>' in body
    assert 'value="6" id="id_weapon_type_5" checked' in body
    assert '<option value="true" selected>Claimed</option>' in body


# Canonical addresses -------------------------------------------------------------


def test_blank_fields_commas_and_repeats_redirect_to_one_address(client, world):
    response = client.get(
        f"{URLS['attacks']}?date_from=&group=iskp,+ttp&group=iskp&killed_min=+5+&ordering="
    )
    assert response.status_code == 302
    assert query(response) == [("group", "iskp"), ("group", "ttp"), ("killed_min", "5")]


@pytest.mark.parametrize(("kind", "typed", "slug"), [
    ("attacks", "group=Pakistani+Taliban", ("group", "ttp")),
    ("attacks", "province=SINDH", ("province", "sindh")),
    ("groups", "area=Afghanistan", ("area", "afghanistan")),
    ("people", "group=Tehrik-i-Taliban+Pakistan", ("group", "ttp")),
])
def test_a_name_typed_for_a_slug_redirects_to_the_slug(client, world, kind, typed, slug):
    response = client.get(f"{URLS[kind]}?{typed}")
    assert response.status_code == 302 and query(response) == [slug]
    assert client.get(response["Location"]).status_code == 200


def test_names_and_slugs_typed_together_end_at_one_address(client, world):
    response = client.get(f"{URLS['attacks']}?group=ttp,+ISKP&killed_min=", follow=True)
    assert [url for url, _ in response.redirect_chain] == [
        f"{URLS['attacks']}?group=ttp&group=ISKP", f"{URLS['attacks']}?group=ttp&group=iskp",
    ]
    assert names(response) == [SEHWAN, QUETTA, KABUL]


def test_a_slug_is_never_taken_for_a_name(client, world):
    GroupFactory(name="ttp", slug="another-group")  # a group called like another's slug
    assert names(client.get(f"{URLS['attacks']}?group=ttp")) == [QUETTA, KABUL]


def test_a_name_of_several_places_lists_their_slugs(client, world):
    india = PlaceFactory(name="India", slug="india")
    PlaceFactory(name="Punjab", slug="punjab-in", kind=PlaceKind.PROVINCE, parent=india)
    PlaceFactory(name="Punjab", slug="punjab-pk", kind=PlaceKind.PROVINCE,
                 parent=place("pakistan"))
    response = client.get(f"{URLS['attacks']}?province=Punjab")
    assert response.status_code == 400
    assert "punjab-in, punjab-pk" in response.content.decode()


# Bad input -----------------------------------------------------------------------

LONG = "x" * 5000
SQL = "1' OR '1'='1'; DROP TABLE kb_entry; --"
TAG = "<script>alert(1)</script>"


@pytest.mark.parametrize(("kind", "name", "value", "message"), [
    ("attacks", "date_from", "2015-13-45", "is not a real date"),
    ("attacks", "date_to", "yesterday", "is not a date this site reads"),
    ("attacks", "date_from", "000", "out of range"),
    ("attacks", "killed_min", "-1", "greater than or equal to 0"),
    ("attacks", "killed_max", "99999999999", "less than or equal to"),
    ("attacks", "wounded_min", "lots", "Enter a whole number"),
    ("attacks", "attack_type", "99", "not one of the available choices"),
    ("attacks", "target_type", "abc", "not one of the available choices"),
    ("attacks", "country", "atlantis", "No country has the slug"),
    ("attacks", "group", SQL, "No published group has the slug"),
    ("attacks", "group", TAG, "No published group has the slug"),
    ("attacks", "province", "bad\x00slug", "Null characters are not allowed"),
    ("attacks", "claimed", "maybe", "Must be true or false"),
    ("attacks", "ordering", "killed; DROP TABLE", "not one of the available choices"),
    ("attacks", "weapon_type", LONG, "at most 300 characters"),
    ("attacks", "date_from", LONG, "at most 300 characters"),
    ("groups", "status", "banned", "not one of the available choices"),
    ("groups", "active_in", "0", "greater than or equal to 1"),
    ("groups", "area", TAG, "No place has the slug"),
    ("groups", "alias", "!!!", "at least one letter or digit"),
    ("people", "role", "boss", "not one of the available choices"),
    ("people", "nationality", SQL, "No country has the slug"),
    ("sources", "reliability", "Z", "not one of the available choices"),
    ("sources", "kind", TAG, "not one of the available choices"),
])
def test_bad_input_answers_400_with_the_message_and_the_value_escaped(
    client, world, kind, name, value, message
):
    response = client.get(URLS[kind], {name: value})
    assert response.status_code == 400
    body = response.content.decode()
    assert message in html.unescape(body)
    assert response.context["page_obj"] is None and "<table" not in body
    assert "<script>alert" not in body
    if "\x00" not in value and len(value) < 300:
        assert html.escape(value) in body
    if name != "ordering":  # a sort order is no filter: no chip
        [chip] = response.context["chips"]
        assert chip.invalid and chip.value == value


def test_a_5000_character_value_is_refused_without_being_echoed_whole(client, world):
    body = client.get(URLS["attacks"], {"group": LONG}).content.decode()
    assert "A value may be at most 300 characters long; this one has 5,000." in body
    assert "x" * 300 not in body.split('name="group" value="')[0]  # only the input echoes it


def test_too_many_values_of_one_filter_are_refused(client, world):
    response = client.get(URLS["attacks"], {"group": [f"g{i}" for i in range(60)]})
    assert response.status_code == 400
    assert "Give at most 50 values; there are 60." in response.content.decode()


def test_a_range_upside_down_is_an_error(client, world):
    response = client.get(URLS["attacks"], {"killed_min": "10", "killed_max": "5"})
    assert response.status_code == 400
    assert "killed_max lies before killed_min." in response.content.decode()


def test_sql_in_a_name_filter_is_just_a_name_that_matches_nothing(client, world):
    response = client.get(URLS["groups"], {"alias": SQL})
    assert names(response) == []
    assert html.escape(SQL) in response.content.decode()


def test_unknown_parameters_and_pages_are_left_alone(client, world):
    assert names(client.get(URLS["attacks"], {"utm_source": "x"})) == [SEHWAN, QUETTA, KABUL]
    assert client.get(URLS["attacks"], {"page": "x"}).status_code == 404


# Visibility ----------------------------------------------------------------------


@pytest.fixture
def drafts(world):
    draft_group = GroupFactory(name="Draft front", slug="draft-front", published_at=None)
    draft_attack = AttackFactory(name="Draft attack", published_at=None)
    ClaimFactory(attack=draft_attack, group=draft_group)
    ClaimFactory(attack=Attack.objects.get(name=QUETTA), group=draft_group)
    return draft_group


@pytest.mark.parametrize("persona", [None, "reader"])
def test_readers_see_no_draft_and_cannot_filter_by_one(client, drafts, request, persona):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    body = client.get(URLS["attacks"]).content.decode()
    assert "Draft attack" not in body and "Draft front" not in body
    assert "Draft front" not in client.get(URLS["groups"]).content.decode()
    response = client.get(URLS["attacks"], {"group": "draft-front"})
    assert response.status_code == 400
    assert "No published group has the slug “draft-front”" in response.content.decode()


@pytest.mark.parametrize("persona", ["researcher", "editor"])
def test_the_team_sees_drafts_marked_and_filters_by_them(client, drafts, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(URLS["attacks"], {"group": "draft-front"})
    assert names(response) == ["Draft attack", QUETTA]
    body = response.content.decode()
    assert "badge-unpublished" in body and "Draft front" in body
    assert "Draft front" in client.get(URLS["groups"]).content.decode()


def test_only_the_team_gets_suggestions_for_group_inputs(client, world, researcher):
    assert "data-autocomplete" not in client.get(URLS["attacks"]).content.decode()
    assert "autocomplete.js" not in client.get(URLS["attacks"]).content.decode()
    client.force_login(researcher)
    body = client.get(URLS["attacks"]).content.decode()
    assert 'data-autocomplete="/autocomplete/?type=group"' in body and "autocomplete.js" in body


# Counting ------------------------------------------------------------------------


def test_an_unfiltered_list_of_a_large_table_counts_by_the_estimate(client, world, monkeypatch):
    # As on PostgreSQL: an estimate for a whole table, none for a filtered query.
    monkeypatch.setattr(
        "kb.browse.lists.estimated_row_count", lambda qs: None if qs.query.where else 250_000
    )
    body = client.get(URLS["attacks"]).content.decode()
    assert "About 250,000 attacks; 1–50 shown." in body
    filtered = client.get(URLS["attacks"], {"country": "pakistan"}).content.decode()
    assert "2 attacks match these filters." in filtered


# Query counts --------------------------------------------------------------------


def _grow(n: int, start: int):
    country = place("pakistan")
    group = GroupFactory(name=f"Extra group {start}")
    for i in range(start, start + n):
        attack = AttackFactory(name=f"More {i}", country=country, killed=i)
        attack.attack_types.add(AttackType.objects.get(code=3))
        ClaimFactory(attack=attack, group=group)
        ClaimFactory(attack=attack, group=Group.objects.get(slug="iskp"))
        PersonGroupRoleFactory(person=PersonFactory(name=f"More person {i}", nationality=country),
                               group=Group.objects.get(slug="iskp"))
        SourceFactory(title=f"More source {i}", kind=SourceKind.NEWS)


# The list, its count, the rows' claims, the countries of the form and one query for each
# slug filter; the session, the user and their permissions for a signed-in researcher.
FILTERED = [
    ("attacks", {"group": "iskp", "country": "pakistan", "attack_type": "3", "killed_min": "1",
                 "claimed": "true", "ordering": "-killed"}, 6),
    ("groups", {"status": "active", "area": "afghanistan", "active_in": "2016",
                "alias": "ISKP"}, 3),
    ("people", {"group": "iskp", "role": "member", "nationality": "pakistan"}, 5),
    ("sources", {"kind": "news", "reliability": "F", "ordering": "-published"}, 2),
]


@pytest.mark.parametrize(("kind", "params", "expected"), FILTERED)
def test_filtered_lists_take_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, kind, params, expected
):
    for start in (100, 200):
        _grow(4, start)
        with django_assert_num_queries(expected):
            assert client.get(URLS[kind], params).status_code == 200


@pytest.mark.parametrize(("kind", "params", "expected"), FILTERED)
def test_filtered_lists_take_a_fixed_number_of_queries_for_the_team(
    client, world, researcher, django_assert_num_queries, kind, params, expected
):
    client.force_login(researcher)
    for start in (100, 200):
        _grow(4, start)
        with django_assert_num_queries(expected + 4):
            assert client.get(URLS[kind], params).status_code == 200


@pytest.mark.parametrize(("kind", "limit"), [
    ("attacks", 4), ("groups", 2), ("people", 3), ("sources", 2),
])
def test_unfiltered_lists_take_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries, kind, limit
):
    # PostgreSQL asks the planner for the table's size first.
    limit += connection.vendor == "postgresql"
    counts = []
    for start in (100, 200):
        _grow(4, start)
        with django_assert_max_num_queries(limit) as captured:
            assert client.get(URLS[kind]).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_bad_input_takes_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    params = {"group": ["iskp", "Nobody at all", "x" * 400], "country": "atlantis",
              "date_from": "2015-13-45"}
    with django_assert_max_num_queries(6):
        assert client.get(URLS["attacks"], params).status_code == 400
