"""The public pages: what they show, to whom, and at a bounded number of queries."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from kb.choices import (
    AliasKind,
    Certainty,
    CoordinatePrecision,
    DatePrecision,
    GroupRelationKind,
    PersonGroupRoleKind,
    PersonRelationKind,
    PlaceKind,
    Script,
)
from kb.models import (
    AttackType,
    Claim,
    Designation,
    Entry,
    ExternalIdentifier,
    GroupRelation,
    TargetType,
    WeaponType,
)
from kb.models.entries import visible_q
from tests.factories import (
    AliasFactory,
    AttackFactory,
    AttributionFactory,
    CitationFactory,
    CityFactory,
    ClaimFactory,
    GroupFactory,
    GroupRelationFactory,
    PersonAttackRoleFactory,
    PersonFactory,
    PersonGroupRoleFactory,
    PersonRelationFactory,
    PlaceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def page(client, name, **kwargs):
    return client.get(reverse(name, kwargs=kwargs or None))


# Builders: one entry with ``n`` rows of every kind of related row ------------------


def rich_group(n: int, name: str):
    country = PlaceFactory(name=f"Land of {name}")
    group = GroupFactory(
        name=name, abbreviation="RG", founded_on=dt.date(2015, 5, 1),
        founded_on_precision=DatePrecision.MONTH, dissolved_on=dt.date(2019, 1, 1),
        dissolved_on_precision=DatePrecision.CIRCA,
        body="The **overview** of the group.", history="A *history* section.",
    )
    group.areas.add(country)
    AliasFactory(
        entry=group, name="ولایت خراسان", kind=AliasKind.NATIVE, script=Script.ARABIC,
        language="ar",
    )
    for i in range(n):
        AliasFactory(entry=group, name=f"{name} alias {i}")
        parent = GroupFactory(name=f"{name} parent {i}")
        relation = GroupRelationFactory(subject=group, object=parent)
        GroupRelationFactory(
            subject=GroupFactory(name=f"{name} splinter {i}"), object=group,
            kind=GroupRelationKind.SPLINTER_OF,
        )
        PersonGroupRoleFactory(group=group, person=PersonFactory(name=f"{name} member {i}"))
        ClaimFactory(group=group, attack=AttackFactory(name=f"{name} claimed {i}"))
        AttributionFactory(group=group, attack=AttackFactory(name=f"{name} blamed {i}"))
        CitationFactory(entry=group, source=SourceFactory(title=f"{name} source {i}"))
        CitationFactory(
            entry=group, source=SourceFactory(title=f"{name} relation source {i}"),
            target_type=ContentType.objects.get_for_model(GroupRelation), target_id=relation.pk,
        )
        Designation.objects.create(group=group, authority=f"Authority {i}", reference=f"R{i}")
        ExternalIdentifier.objects.create(entry=group, scheme="other", value=f"{name}-{i}")
    return group


def rich_person(n: int, name: str):
    person = PersonFactory(
        name=name, born_on=dt.date(1971, 1, 1), born_on_precision=DatePrecision.CIRCA,
        nationality=PlaceFactory(name=f"Homeland of {name}"), body="A *biography*.",
    )
    for i in range(n):
        AliasFactory(entry=person, name=f"{name} alias {i}")
        PersonGroupRoleFactory(
            person=person, group=GroupFactory(name=f"{name} group {i}"),
            role=PersonGroupRoleKind.COMMANDER, started_on=dt.date(2014 + i, 1, 1),
            started_on_precision=DatePrecision.YEAR,
        )
        PersonAttackRoleFactory(person=person, attack=AttackFactory(name=f"{name} attack {i}"))
        PersonRelationFactory(person=person, other=PersonFactory(name=f"{name} cousin {i}"))
        PersonRelationFactory(
            person=PersonFactory(name=f"{name} parent {i}"), other=person,
            kind=PersonRelationKind.PARENT,
        )
        CitationFactory(entry=person, source=SourceFactory(title=f"{name} source {i}"))
    return person


def rich_attack(n: int, name: str):
    city = CityFactory(name=f"City of {name}")
    parent = AttackFactory(name=f"{name} campaign")
    attack = AttackFactory(
        name=name, place=city, country=city.parent.parent, province=city.parent,
        latitude="30.183300", longitude="66.996700",
        coordinate_precision=CoordinatePrecision.CITY, killed=46, killed_low=43,
        killed_high=47, wounded=100, suicide=True, success=True, parent_event=parent,
    )
    attack.attack_types.add(AttackType.objects.get(code=3))
    attack.target_types.add(TargetType.objects.get(code=15))
    attack.weapon_types.add(WeaponType.objects.get(code=6))
    for i in range(n):
        AliasFactory(entry=attack, name=f"{name} alias {i}")
        ClaimFactory(attack=attack, group=GroupFactory(name=f"{name} claimant {i}"))
        AttributionFactory(
            attack=attack, group=GroupFactory(name=f"{name} suspect {i}"),
            certainty=Certainty.CONFIRMED, attributed_by_name="Provincial government",
        )
        PersonAttackRoleFactory(attack=attack, person=PersonFactory(name=f"{name} planner {i}"))
        AttackFactory(name=f"{name} part {i}", parent_event=attack)
        CitationFactory(
            entry=attack, source=SourceFactory(title=f"{name} source {i}"),
            field="occurred_on" if i == 0 else "killed",
        )
    return attack


def rich_source(n: int, title: str):
    source = SourceFactory(title=title)
    for i in range(n):
        citer = GroupFactory(name=f"{title} citer {i}")
        CitationFactory(entry=citer, source=source, locator=f"p. {i}")
        CitationFactory(entry=AttackFactory(name=f"{title} attack {i}"), source=source)
    return source


def rich_place(n: int, name: str):
    country = PlaceFactory(name=name)
    province = PlaceFactory(name=f"{name} province", kind=PlaceKind.PROVINCE, parent=country)
    for i in range(n):
        city = PlaceFactory(name=f"{name} city {i}", kind=PlaceKind.CITY, parent=province)
        AttackFactory(name=f"{name} attack {i}", place=city, province=province, country=country)
        GroupFactory(name=f"{name} group {i}").areas.add(province)
    return province


# Content -------------------------------------------------------------------------


def test_home_explains_the_site_and_lists_latest_entries(client):
    GroupFactory(name="Lashkar-e-Jhangvi al-Alami")
    AttackFactory(name="Mastung rally bombing", occurred_on=dt.date(2018, 7, 13))
    AttackFactory(name="Draft attack", published_at=None)
    response = page(client, "kb:home")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Militancy Knowledge Base" in html
    assert "Lashkar-e-Jhangvi al-Alami" in html and "Mastung rally bombing" in html
    assert "Draft attack" not in html
    assert response.context["attack_count"] == 1 and response.context["group_count"] == 1


def test_group_page_shows_profile_relations_both_ways_and_numbered_sources(client):
    group = rich_group(2, "Wilayat Khorasan")
    hidden = GroupFactory(name="Draft front", published_at=None)
    GroupRelationFactory(subject=group, object=hidden, kind=GroupRelationKind.FRONT_FOR)
    html = page(client, "kb:group-detail", slug=group.slug).content.decode()
    assert "May 2015" in html and "c. 2019" in html
    assert '<strong>overview</strong>' in html and "<em>history</em>" in html
    assert 'dir="rtl"' in html and 'lang="ar"' in html and "ولایت خراسان" in html
    assert "affiliate of" in html and "splinters" in html
    assert "Wilayat Khorasan splinter 1" in html and "Wilayat Khorasan member 1" in html
    assert "Wilayat Khorasan claimed 0" in html and "Wilayat Khorasan blamed 0" in html
    assert "Authority 1" in html and "Wilayat Khorasan-1" in html
    assert "Draft front" not in html
    assert html.count('id="ref-') == 4  # one number per distinct source
    assert 'href="#ref-4"' in html  # the relation's own source, beside the relation


def test_person_page_shows_roles_ties_and_dates(client):
    person = rich_person(2, "Hafeez Pindrani")
    html = page(client, "kb:person-detail", slug=person.slug).content.decode()
    assert "c. 1971" in html and "Homeland of Hafeez Pindrani" in html
    assert "Commander" in html and "from 2015" in html
    assert "cousin of" in html and "Hafeez Pindrani cousin 1" in html
    assert "child of" in html and "Hafeez Pindrani parent 1" in html  # read from this side
    assert "Hafeez Pindrani attack 1" in html and "<em>biography</em>" in html


def test_attack_page_separates_claims_from_attributions(client):
    attack = rich_attack(2, "Quetta hospital bombing")
    html = page(client, "kb:attack-detail", slug=attack.slug).content.decode()
    assert "8 August 2016" in html
    assert re.search(r"46(\[\d+\])* \(range 43–47\)", re.sub(r"<[^>]+>", "", html))
    assert "City of Quetta hospital bombing, Province A, Country A" in html
    assert "30.1833° N, 66.9967° E" in html and "city or village centroid" in html
    assert "Bombing/Explosion" in html and "Explosives" in html
    assert "Religious Figures/Institutions" in html
    claims = html.index('id="claims-title"')
    attributions = html.index('id="attributions-title"')
    assert claims < html.index("claimant 1", claims) < attributions
    assert html.index("claimant 1", claims) < attributions < html.index("suspect 1", attributions)
    assert "Provincial government" in html and "Confirmed" in html
    assert "Quetta hospital bombing planner 1" in html
    assert "Quetta hospital bombing campaign" in html and "Quetta hospital bombing part 1" in html
    assert "date" in html and 'title="occurred_on"' in html


def test_source_page_lists_every_entry_citing_it(client):
    source = rich_source(2, "Dawn report")
    GroupFactory(name="Unpublished citer", published_at=None)
    CitationFactory(entry=GroupFactory(name="Draft citer", published_at=None), source=source)
    html = page(client, "kb:source-detail", slug=source.slug).content.decode()
    assert "Dawn report citer 1" in html and "Dawn report attack 1" in html and "p. 1" in html
    assert "Draft citer" not in html


def test_place_page_shows_chain_children_and_published_attacks(client):
    province = rich_place(2, "Pakistan")
    AttackFactory(name="Hidden attack", place=province, province=province, published_at=None)
    html = page(client, "kb:place-detail", slug=province.slug).content.decode()
    assert ">Pakistan</a>" in html  # the parent chain
    assert "Pakistan city 1" in html and "Pakistan attack 1" in html and "Pakistan group 1" in html
    assert "Hidden attack" not in html


@pytest.mark.parametrize(
    ("name", "factory"),
    [("kb:group-list", GroupFactory), ("kb:person-list", PersonFactory),
     ("kb:attack-list", AttackFactory)],
)
def test_lists_show_only_published_entries_and_paginate(client, settings, name, factory):
    settings.KB = {**settings.KB, "PAGE_SIZE": 2}
    for i in range(3):
        factory(name=f"Entry {i}")
    factory(name="Draft entry", published_at=None)
    first, second = page(client, name), client.get(reverse(name) + "?page=2")
    assert len(first.context["object_list"]) == 2 and len(second.context["object_list"]) == 1
    assert 'rel="next"' in first.content.decode()
    assert "Draft entry" not in first.content.decode() + second.content.decode()
    assert client.get(reverse(name) + "?page=3").status_code == 404
    assert client.get(reverse(name) + "?page=x").status_code == 404


def test_attack_list_is_newest_first_and_filters_by_group(client):
    old = AttackFactory(name="Safoora Chowrangi", occurred_on=dt.date(2015, 5, 13))
    new = AttackFactory(name="Sehwan shrine", occurred_on=dt.date(2017, 2, 16))
    claim = ClaimFactory(attack=old)
    response = page(client, "kb:attack-list")
    assert list(response.context["object_list"]) == [new, old]
    filtered = client.get(reverse("kb:attack-list") + f"?group={claim.group.slug}")
    assert list(filtered.context["object_list"]) == [old]
    assert client.get(reverse("kb:attack-list") + "?group=nobody").status_code == 400


def test_stored_urls_other_than_web_addresses_are_not_linked(client):
    source = SourceFactory(url="javascript:alert(1)", archived_url="https://archive.org/x")
    CitationFactory(entry=GroupFactory(), source=source)
    html = page(client, "kb:source-detail", slug=source.slug).content.decode()
    assert "javascript:" not in html and "https://archive.org/x" in html


def test_source_list_answers(client):
    SourceFactory(title="Dawn, 13 May 2015")
    assert "Dawn, 13 May 2015" in page(client, "kb:source-list").content.decode()


# Visibility ----------------------------------------------------------------------

DRAFTS = [
    ("kb:group-detail", GroupFactory),
    ("kb:person-detail", PersonFactory),
    ("kb:attack-detail", AttackFactory),
]


@pytest.mark.parametrize(("name", "factory"), DRAFTS)
def test_unpublished_entry_is_404_for_anonymous_and_readers(client, reader, name, factory):
    draft = factory(published_at=None)
    assert page(client, name, slug=draft.slug).status_code == 404
    client.force_login(reader)
    assert page(client, name, slug=draft.slug).status_code == 404


@pytest.mark.parametrize(("name", "factory"), DRAFTS)
def test_researcher_sees_unpublished_entry_marked_as_such(client, researcher, name, factory):
    draft = factory(name="Work in progress", published_at=None)
    client.force_login(researcher)
    response = page(client, name, slug=draft.slug)
    assert response.status_code == 200
    assert "badge-unpublished" in response.content.decode()


def test_researcher_sees_unpublished_related_entries_marked(client, researcher):
    group = GroupFactory()
    GroupRelationFactory(subject=group, object=GroupFactory(name="Draft front", published_at=None))
    client.force_login(researcher)
    html = page(client, "kb:group-detail", slug=group.slug).content.decode()
    assert "Draft front" in html and "badge-unpublished" in html


def test_archived_entry_is_404(client):
    group = GroupFactory(is_archived=True)
    assert page(client, "kb:group-detail", slug=group.slug).status_code == 404


def test_unknown_slugs_are_404(client):
    for name in ("kb:group-detail", "kb:person-detail", "kb:attack-detail",
                 "kb:source-detail", "kb:place-detail"):
        assert page(client, name, slug="no-such-thing").status_code == 404


@pytest.mark.parametrize("archived", [True, False])
def test_merged_entry_redirects_permanently_to_its_target(client, researcher, archived):
    target = GroupFactory(name="Islamic State Khorasan Province")
    merged = GroupFactory(name="ISIS-K duplicate", redirect_to=target, is_archived=archived)
    for user in (None, researcher):
        if user:
            client.force_login(user)
        response = page(client, "kb:group-detail", slug=merged.slug)
        assert response.status_code == 301
        assert response["Location"] == target.get_absolute_url()


def test_wrong_kind_of_entry_is_404(client):
    group = GroupFactory()
    assert page(client, "kb:person-detail", slug=group.slug).status_code == 404


# Query counts --------------------------------------------------------------------


def _count(client, url, limit, assert_max):
    # SQLite tests its JSON support (kb.profiles.short_lists) with three queries the
    # first time a connection needs it; not a cost of the page.
    connection.features.supports_json_field  # noqa: B018
    with assert_max(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# Profiles include one query for their published comments (kb.selectors.published_comments);
# tests/site/test_profiles.py counts what each profile's queries are for.
DETAILS = [
    ("kb:group-detail", rich_group, 9),
    ("kb:person-detail", rich_person, 7),
    ("kb:attack-detail", rich_attack, 8),
    ("kb:source-detail", rich_source, 5),
    ("kb:place-detail", rich_place, 5),
]


@pytest.mark.parametrize(("name", "build", "limit"), DETAILS)
def test_detail_queries_do_not_grow_with_related_rows(
    client, django_assert_max_num_queries, name, build, limit
):
    small, large = build(5, "Small"), build(10, "Large")
    counts = [
        _count(client, reverse(name, kwargs={"slug": obj.slug}), limit,
               django_assert_max_num_queries)
        for obj in (small, large)
    ]
    assert counts[0] == counts[1]


@pytest.mark.parametrize(("name", "build", "limit"), DETAILS[:3])
def test_detail_queries_are_bounded_for_researchers(
    client, researcher, django_assert_max_num_queries, name, build, limit
):
    small, large = build(5, "Small"), build(10, "Large")
    client.force_login(researcher)
    # Four more than for anonymous readers: the session, the user and their permissions.
    counts = [
        _count(client, reverse(name, kwargs={"slug": obj.slug}), limit + 4,
               django_assert_max_num_queries)
        for obj in (small, large)
    ]
    assert counts[0] == counts[1]


# Lists whose filter form offers a select of countries load them in one more query; on
# PostgreSQL an unfiltered list asks the planner for the table's size first.
ESTIMATE = int(connection.vendor == "postgresql")
LISTS = [
    ("kb:home", 4),
    ("kb:group-list", 2 + ESTIMATE),
    ("kb:person-list", 3 + ESTIMATE),
    ("kb:attack-list", 4 + ESTIMATE),
    ("kb:source-list", 2 + ESTIMATE),
]


def _populate(i: int):
    group = GroupFactory(name=f"Group {i}")
    attack = AttackFactory(name=f"Attack {i}", place=CityFactory(name=f"City {i}"))
    ClaimFactory(attack=attack, group=group)
    PersonFactory(name=f"Person {i}", nationality=PlaceFactory(name=f"Country {i}"))
    SourceFactory(title=f"Source {i}")


@pytest.mark.parametrize(("name", "limit"), LISTS)
def test_list_queries_do_not_grow_with_rows(client, django_assert_max_num_queries, name, limit):
    counts = []
    for start, stop in ((0, 5), (5, 10)):
        for i in range(start, stop):
            _populate(i)
        counts.append(_count(client, reverse(name), limit, django_assert_max_num_queries))
    assert counts[0] == counts[1]


def test_attacks_on_a_group_page_are_capped_with_a_link_to_the_rest(client, monkeypatch):
    monkeypatch.setattr("kb.profiles.ATTACK_LIMIT", 2)
    group = GroupFactory()
    for i in range(3):
        ClaimFactory(group=group, attack=AttackFactory(occurred_on=dt.date(2015 + i, 1, 1)))
    ClaimFactory(group=group, attack=AttackFactory(published_at=None))
    response = page(client, "kb:group-detail", slug=group.slug)
    assert len(response.context["attacks"]) == 2 and response.context["attack_total"] == 3
    assert f"?group={group.slug}" in response.content.decode()
    assert Claim.objects.filter(group=group).count() == 4


@pytest.mark.parametrize("persona", [None, "reader", "researcher"])
def test_related_rows_filter_agrees_with_visible_to(request, persona):
    user = request.getfixturevalue(persona) if persona else AnonymousUser()
    live = GroupFactory()
    GroupFactory(published_at=None)
    GroupFactory(is_archived=True)
    GroupFactory(redirect_to=live)
    GroupFactory(redirect_to=live, is_archived=True, published_at=None)
    assert set(Entry.objects.filter(visible_q(user))) == set(Entry.objects.visible_to(user))
