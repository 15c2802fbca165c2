"""Profiles a researcher can cite: what each shows, in what order, and at what cost.

The group, person, attack and source pages each get their own section; the query
counts at the end hold whatever the number of related rows, and no query runs while a
template renders.
"""

import datetime as dt
import re
from html import unescape

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kb import profiles
from kb.choices import (
    AliasKind,
    Certainty,
    ClaimMode,
    CoordinatePrecision,
    DatePrecision,
    GroupRelationKind,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonRelationKind,
    RevisionState,
    Script,
)
from kb.models import (
    AttackType,
    Designation,
    ExternalIdentifier,
    GroupRelation,
    PersonAttackRole,
    PersonRelation,
    SizeEstimate,
    TargetType,
)
from kb.views.presenting import attack_years, sort_columns
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
    RevisionFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def get(client, name, slug, query=""):
    response = client.get(reverse(name, kwargs={"slug": slug}) + query)
    assert response.status_code == 200
    return response


INLINE = r"</?(?:a|span|sup|time|em|strong|q|b|i|abbr)\b[^>]*>"


def text(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces squeezed."""
    html = re.sub(INLINE, "", response.content.decode())
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def day(year, month=1, dom=1):
    return dt.date(year, month, dom)


def ct(model):
    return ContentType.objects.get_for_model(model)


# Groups --------------------------------------------------------------------------


def test_group_page_lists_its_narrative_sections_in_a_table_of_contents(client):
    group = GroupFactory(body="The overview.", history="The history.", geography="")
    html = get(client, "kb:group-detail", group.slug).content.decode()
    toc = html[html.index('<nav class="toc"'):html.index("</nav>", html.index('<nav class="toc"'))]
    assert '<a href="#section-body">Overview</a>' in toc
    assert '<a href="#section-history">History</a>' in toc
    assert "Geography" not in toc and 'id="section-geography"' not in html
    assert 'id="section-history"' in html and '<a href="#comments-title">' in toc


def test_group_facts_show_status_dates_areas_and_designations(client):
    group = GroupFactory(
        founded_on=day(2015, 1), founded_on_precision=DatePrecision.MONTH,
        dissolved_on=day(2019), dissolved_on_precision=DatePrecision.CIRCA,
    )
    group.areas.add(PlaceFactory(name="Balochistan land"))
    Designation.objects.create(
        group=group, authority="UN Security Council", reference="QDe.161",
        designated_on=day(2016, 7, 14), designated_on_precision=DatePrecision.DAY,
    )
    SizeEstimate.objects.create(group=group, year=2018, low=2000, best=3000, high=4000)
    page = text(get(client, "kb:group-detail", group.slug))
    assert "Founded January 2015" in page and "Dissolved c. 2019" in page
    assert "Areas of operation Balochistan land" in page
    assert "Designated by UN Security Council" in page and "14 July 2016 — QDe.161" in page
    assert "2018: 3,000 (2000–4000)" in page


def test_relations_read_both_ways_with_dates_confidence_and_the_other_side_sources(client):
    group = GroupFactory(name="Islamic State")
    splinter = GroupFactory(name="Jamaat-ul-Ahrar")
    relation = GroupRelationFactory(
        subject=splinter, object=group, kind=GroupRelationKind.SPLINTER_OF,
        started_on=day(2014, 8), started_on_precision=DatePrecision.MONTH, confidence="probable",
    )
    GroupRelationFactory(subject=group, object=GroupFactory(name="Al-Qaeda"),
                         kind=GroupRelationKind.RIVAL_OF)
    # The splinter's profile owns the relation, and holds its source.
    source = SourceFactory(title="Splinter report")
    CitationFactory(entry=splinter, source=source, target_type=ct(GroupRelation),
                    target_id=relation.pk)
    response = get(client, "kb:group-detail", group.slug)
    page = text(response)
    assert "splinters Jamaat-ul-Ahrar" in page and "from August 2014 Probable" in page
    assert "rival of Al-Qaeda" in page
    html = response.content.decode()
    row = html[html.index("Jamaat-ul-Ahrar"):html.index("</tr>", html.index("Jamaat-ul-Ahrar"))]
    assert 'href="#ref-1"' in row
    assert 'id="ref-1"' in html and "Splinter report" in html


def test_member_list_puts_leaders_first_then_recent_roles_and_is_capped(client, monkeypatch):
    monkeypatch.setattr("kb.profiles.MEMBER_LIMIT", 3)
    group = GroupFactory()
    for year in (2010, 2012, 2014, 2016):
        PersonGroupRoleFactory(
            group=group, person=PersonFactory(name=f"Member since {year}"),
            started_on=day(year), started_on_precision=DatePrecision.YEAR,
        )
    PersonGroupRoleFactory(
        group=group, person=PersonFactory(name="The founder"), role=PersonGroupRoleKind.FOUNDER,
        started_on=day(2000), started_on_precision=DatePrecision.YEAR,
    )
    PersonGroupRoleFactory(
        group=group, person=PersonFactory(name="Hidden member", published_at=None),
        started_on=day(2020), started_on_precision=DatePrecision.YEAR,
    )
    response = get(client, "kb:group-detail", group.slug)
    names = [role.person.name for role in response.context["members"]]
    assert names == ["The founder", "Member since 2016", "Member since 2014"]
    assert reverse("kb:group-people", kwargs={"slug": group.slug}) in response.content.decode()

    everyone = get(client, "kb:group-people", group.slug)
    assert [role.person.name for role in everyone.context["members"]] == [
        "The founder", "Member since 2016", "Member since 2014", "Member since 2012",
        "Member since 2010",
    ]
    assert "Hidden member" not in everyone.content.decode()


def test_group_attacks_are_one_table_of_claims_and_attributions_with_certainty(client):
    group = GroupFactory(name="Islamic State")
    claimed = AttackFactory(name="Claimed attack", occurred_on=day(2019, 4, 21))
    ClaimFactory(attack=claimed, group=group, mode=ClaimMode.VIDEO)
    ClaimFactory(attack=claimed, group=group, mode=ClaimMode.STATEMENT)  # claimed twice
    ClaimFactory(attack=claimed, group=GroupFactory(name="A rival"))
    blamed = AttackFactory(name="Blamed attack", occurred_on=day(2017, 2, 16))
    AttributionFactory(attack=blamed, group=group, certainty=Certainty.SUSPECTED,
                       attributed_by_name="PIPS")
    both = AttackFactory(name="Both attack", occurred_on=day(2018, 7, 13))
    ClaimFactory(attack=both, group=group, is_retracted=True)
    AttributionFactory(attack=both, group=group, certainty=Certainty.CONFIRMED)
    ClaimFactory(attack=AttackFactory(name="Draft attack", published_at=None), group=group)

    response = get(client, "kb:group-detail", group.slug)
    rows = response.context["attacks"]
    assert [row.attack.name for row in rows] == ["Claimed attack", "Both attack", "Blamed attack"]
    assert [c.mode for c in rows[0].claims] == [ClaimMode.VIDEO, ClaimMode.STATEMENT]
    assert rows[0].contested and not rows[1].contested
    page = text(response)
    assert "claimed (Video) claimed (Written statement) competing claim" in page
    assert "Both attack retracted (Through a news agency (e.g. Amaq)) confirmed (Authorities)" in (
        page
    )
    assert "suspected (Authorities: PIPS)" in page
    assert "Draft attack" not in page
    assert "3 claimed by or attributed to the group, 1 of them claimed" in page


def test_group_attacks_sort_by_date_and_casualties_through_the_query_string(client):
    group = GroupFactory()
    for name, year, killed in (("Old", 2010, 50), ("Mid", 2014, None), ("New", 2018, 5)):
        ClaimFactory(group=group, attack=AttackFactory(name=name, occurred_on=day(year),
                                                       killed=killed))

    def order(query):
        response = get(client, "kb:group-detail", group.slug, query)
        return [row.attack.name for row in response.context["attacks"]], response

    assert order("")[0] == ["New", "Mid", "Old"]
    assert order("?sort=date")[0] == ["Old", "Mid", "New"]
    assert order("?sort=-killed")[0] == ["Old", "New", "Mid"]  # unknown figures last
    assert order("?sort=killed")[0] == ["New", "Old", "Mid"]
    assert order("?sort=nonsense")[0] == ["New", "Mid", "Old"]
    html = order("?sort=-killed")[1].content.decode()
    assert 'aria-sort="descending"><a class="sort" href="?sort=killed#attacks-title"' in html
    assert 'href="?sort=-date#attacks-title"' in html


def test_capped_attack_table_is_exact_even_when_an_attack_is_claimed_twice(client, monkeypatch):
    monkeypatch.setattr("kb.profiles.ATTACK_LIMIT", 3)
    group = GroupFactory()
    twice = AttackFactory(name="Claimed twice", occurred_on=day(2020))
    ClaimFactory(attack=twice, group=group, mode=ClaimMode.VIDEO)
    ClaimFactory(attack=twice, group=group, mode=ClaimMode.STATEMENT)
    ClaimFactory(attack=AttackFactory(name="Claimed 2019", occurred_on=day(2019)), group=group)
    ClaimFactory(attack=AttackFactory(name="Claimed 2016", occurred_on=day(2016)), group=group)
    for year in (2018, 2017, 2015):
        AttributionFactory(attack=AttackFactory(name=f"Blamed {year}", occurred_on=day(year)),
                           group=group)
    response = get(client, "kb:group-detail", group.slug)
    names = [row.attack.name for row in response.context["attacks"]]
    # The three claim rows end at 2019: nothing after it is certain, so the table stops
    # there rather than skip "Claimed 2016" in favour of a later attribution.
    assert names == ["Claimed twice", "Claimed 2019"]
    assert response.context["attack_total"] == 6


def test_years_count_every_attack_once_and_show_years_without_attacks(client):
    group = GroupFactory()
    both = AttackFactory(occurred_on=day(2015, 5, 13))
    ClaimFactory(attack=both, group=group)
    AttributionFactory(attack=both, group=group)
    ClaimFactory(attack=AttackFactory(occurred_on=day(2015), occurred_on_precision="circa"),
                 group=group)
    AttributionFactory(attack=AttackFactory(occurred_on=day(2018, 2, 1)), group=group)
    AttributionFactory(attack=AttackFactory(occurred_on=day(2018), published_at=None),
                       group=group)
    response = get(client, "kb:group-detail", group.slug)
    years = [(y.year, y.attacks, y.claimed) for y in response.context["years"]]
    assert years == [(2015, 2, 2), (2016, 0, 0), (2017, 0, 0), (2018, 1, 0)]
    html = response.content.decode()
    assert '<th scope="row">2016</th>' in html
    assert '<rect class="bar-all" width="100.0"' in html and 'width="50.0"' in html


def test_attack_years_fills_gaps_and_scales_bars_to_the_busiest_year():
    years = attack_years([
        {"year": 2001, "attacks": 4, "claimed": 1}, {"year": 2003, "attacks": 2, "claimed": 2},
    ])
    assert [(y.year, y.attacks, y.share, y.claimed_share) for y in years] == [
        (2001, 4, 100.0, 25.0), (2002, 0, 0.0, 0.0), (2003, 2, 50.0, 50.0),
    ]
    assert attack_years([]) == []


def test_sort_columns_link_to_the_other_direction_of_the_current_sort():
    columns = sort_columns("-killed")
    assert (columns["killed"].link, columns["killed"].aria_sort) == ("killed", "descending")
    assert (columns["date"].link, columns["date"].aria_sort) == ("-date", "")
    assert sort_columns("date")["date"].link == "-date"
    assert sort_columns("date")["date"].aria_sort == "ascending"


# Last review -------------------------------------------------------------------------


def _reviewed(entry, reviewer):
    revision = RevisionFactory(
        entry=entry, state=RevisionState.APPROVED, reviewer=reviewer,
        reviewed_at=timezone.make_aware(dt.datetime(2025, 3, 3, 12)),
    )
    type(entry).objects.filter(pk=entry.pk).update(live_revision=revision)
    return revision


@pytest.mark.parametrize(
    ("name", "factory"),
    [("kb:group-detail", GroupFactory), ("kb:person-detail", PersonFactory),
     ("kb:attack-detail", AttackFactory)],
)
def test_every_profile_says_when_it_was_last_reviewed_and_links_to_its_history(
    client, researcher, name, factory
):
    entry = factory()
    revision = _reviewed(entry, UserFactory(username="eddie", display_name="Eddie Editor"))
    anonymous = get(client, name, entry.slug)
    assert "Last reviewed 3 March 2025 by an editor." in text(anonymous)
    html = anonymous.content.decode()
    assert reverse("kb:revision-detail", args=[revision.pk]) in html
    assert reverse("kb:entry-history", args=[entry.pk]) in html
    assert "Eddie Editor" not in html  # the team's names stay with the team
    client.force_login(researcher)
    assert "Last reviewed 3 March 2025 by Eddie Editor." in text(get(client, name, entry.slug))


def test_a_draft_says_it_has_not_been_reviewed(client, researcher):
    draft = GroupFactory(published_at=None)
    client.force_login(researcher)
    assert "Not yet reviewed" in text(get(client, "kb:group-detail", draft.slug))


# People -----------------------------------------------------------------------------


def test_person_page_shows_memberships_over_time_attacks_and_kin(client):
    person = PersonFactory(
        name="Hafeez Brohi", status="killed", born_on=day(1975),
        born_on_precision=DatePrecision.CIRCA, died_on=day(2018, 6),
        died_on_precision=DatePrecision.MONTH,
    )
    AliasFactory(entry=person, name="حفیظ بروہی", kind=AliasKind.NATIVE, script=Script.ARABIC,
                 language="ur")
    for year, name in ((2016, "Later group"), (2009, "First group")):
        PersonGroupRoleFactory(
            person=person, group=GroupFactory(name=name), role=PersonGroupRoleKind.COMMANDER,
            started_on=day(year), started_on_precision=DatePrecision.YEAR,
        )
    role = PersonAttackRoleFactory(person=person, role=PersonAttackRoleKind.MASTERMIND,
                                   attack=AttackFactory(name="Mastung bombing"))
    kin = PersonRelationFactory(person=PersonFactory(name="His brother"), other=person,
                                kind=PersonRelationKind.SIBLING)
    # Sources held by the attack (for the role) and by the brother (for the tie).
    CitationFactory(entry=role.attack, source=SourceFactory(title="Role source"),
                    target_type=ct(PersonAttackRole), target_id=role.pk)
    CitationFactory(entry=kin.person, source=SourceFactory(title="Kin source"),
                    target_type=ct(PersonRelation), target_id=kin.pk)
    response = get(client, "kb:person-detail", person.slug)
    page = text(response)
    assert "Status Killed" in page and "Born c. 1975" in page and "Died June 2018" in page
    assert 'dir="rtl"' in response.content.decode() and "حفیظ بروہی" in page
    assert page.index("from 2009 First group") < page.index("from 2016 Later group")
    assert "Mastung bombing Mastermind" in page and "sibling of His brother" in page
    assert "Role source" in page and "Kin source" in page
    assert response.content.decode().count('id="ref-') == 2


# Attacks ---------------------------------------------------------------------------


def test_attack_page_shows_partial_dates_place_precision_and_types(client):
    city = CityFactory(name="Quetta")
    attack = AttackFactory(
        occurred_on=day(2018, 4), occurred_on_precision=DatePrecision.MONTH, place=city,
        latitude="30.183300", longitude="66.996700",
        coordinate_precision=CoordinatePrecision.DISTRICT,
    )
    attack.attack_types.add(AttackType.objects.get(code=2))
    attack.target_types.add(TargetType.objects.get(code=14), TargetType.objects.get(code=3))
    page = text(get(client, "kb:attack-detail", attack.slug))
    assert "Date April 2018 (day unknown)" in page
    assert "Quetta, Province A, Country A" in page
    assert "30.1833° N, 66.9967° E (precision: district centroid)" in page
    assert "Attack type Armed Assault" in page
    assert "Target type Police, Private Citizens & Property" in page  # in GTD code order


def test_each_casualty_figure_links_to_its_own_sources(client):
    attack = AttackFactory(killed=46, killed_low=43, killed_high=47, wounded=None,
                           wounded_low=10, wounded_high=20)
    for i, field in enumerate(("killed", "killed_low", "killed_high", "wounded_low")):
        CitationFactory(entry=attack, source=SourceFactory(title=f"Figure source {i}"),
                        field=field)
    html = get(client, "kb:attack-detail", attack.slug).content.decode()
    killed = html[html.index("<dt>Killed</dt>"):html.index("<dt>Wounded</dt>")]
    assert re.sub(r"<[^>]+>", "", killed).strip() == "Killed46[1] (range 43[2]–47[3])"
    wounded = html[html.index("<dt>Wounded</dt>"):html.index("</dd>", html.index("<dt>Wounded"))]
    assert re.sub(r"<[^>]+>", "", wounded).strip() == "Wounded10[4]–20"
    assert '<span title="killed_low">killed low</span>' in html  # in the list of sources


def test_competing_claims_are_flagged_and_kept_apart_from_attributions(client):
    attack = AttackFactory()
    ClaimFactory(attack=attack, group=GroupFactory(name="Islamic State"),
                 started_on=day(2019, 4, 23), started_on_precision=DatePrecision.DAY)
    ClaimFactory(attack=attack, group=GroupFactory(name="Another claimant"))
    ClaimFactory(attack=attack, group=GroupFactory(name="Withdrew"), is_retracted=True)
    AttributionFactory(attack=attack, group=GroupFactory(name="NTJ"),
                       certainty=Certainty.CONFIRMED)
    page = text(get(client, "kb:attack-detail", attack.slug))
    assert "Competing claims: 2 groups claimed this attack." in page
    assert "Claimed by Islamic State, Another claimant competing claims" in page
    assert "Attributed to NTJ (confirmed)" in page
    assert "23 April 2019" in page and "Withdrew retracted" in page


def test_single_claim_is_not_called_competing(client):
    attack = AttackFactory()
    ClaimFactory(attack=attack)
    ClaimFactory(attack=attack, is_retracted=True)
    assert "ompeting claim" not in text(get(client, "kb:attack-detail", attack.slug))


def test_attack_page_shows_its_parent_event_and_sibling_attacks(client):
    event = AttackFactory(name="Easter bombings")
    attack = AttackFactory(name="Shrine bombing", parent_event=event)
    AttackFactory(name="Church bombing", parent_event=event, occurred_on=day(2019, 4, 21))
    AttackFactory(name="Draft sibling", parent_event=event, published_at=None)
    page = text(get(client, "kb:attack-detail", attack.slug))
    assert "Part of Easter bombings" in page
    assert "Other attacks in this event" in page and "Church bombing 21 April 2019" in page
    assert "Draft sibling" not in page
    parent = text(get(client, "kb:attack-detail", event.slug))
    assert "Attacks in this coordinated event" in parent
    assert "Shrine bombing" in parent and "Church bombing" in parent


def test_an_unpublished_parent_event_is_not_named(client):
    event = AttackFactory(name="Unreviewed event", published_at=None)
    attack = AttackFactory(parent_event=event)
    AttackFactory(name="Sibling", parent_event=event)
    page = text(get(client, "kb:attack-detail", attack.slug))
    assert "Unreviewed event" not in page
    assert "The other parts of the same coordinated event" in page and "Sibling" in page


# Sources ---------------------------------------------------------------------------


def test_source_page_says_what_it_supports_on_every_entry_citing_it(client):
    source = SourceFactory(title="Dawn report")
    attack = AttackFactory(name="Mastung bombing")
    claim = ClaimFactory(attack=attack)
    CitationFactory(entry=attack, source=source, field="killed", locator="para. 3",
                    quote="at least 128 people")
    CitationFactory(entry=attack, source=source, target_type=ct(type(claim)),
                    target_id=claim.pk, locator="para. 4")
    CitationFactory(entry=GroupFactory(name="Citing group"), source=source, locator="p. 1")
    CitationFactory(entry=GroupFactory(name="Draft group", published_at=None), source=source)
    page = text(get(client, "kb:source-detail", source.slug))
    assert "1 militant group · 1 attack" in page
    assert "killed (para. 3) at least 128 people" in page  # the quote, in <q>
    assert "the claim of responsibility (para. 4)" in page
    assert "Citing group the entry (p. 1)" in page and "Draft group" not in page


# Hostile text ----------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_names_aliases_and_notes_are_escaped_everywhere(client):
    group = GroupFactory(name=f"Group {HOSTILE}", abbreviation="<b>", summary=HOSTILE)
    AliasFactory(entry=group, name=f"Alias {HOSTILE}", language='a" x="y')
    other = GroupFactory(name=f"Other {HOSTILE}")
    GroupRelationFactory(subject=group, object=other, note=HOSTILE)
    person = PersonFactory(name=f"Person {HOSTILE}")
    PersonGroupRoleFactory(group=group, person=person, title=HOSTILE)
    attack = AttackFactory(name=f"Attack {HOSTILE}")
    ClaimFactory(attack=attack, group=group, note=HOSTILE)
    AttributionFactory(attack=attack, group=other, attributed_by_name=HOSTILE)
    Designation.objects.create(group=group, authority=HOSTILE, reference=HOSTILE)
    ExternalIdentifier.objects.create(entry=group, scheme="other", value=HOSTILE)
    CitationFactory(entry=group, source=SourceFactory(title=HOSTILE), locator=HOSTILE,
                    quote=HOSTILE)
    for name, slug in (("kb:group-detail", group.slug), ("kb:attack-detail", attack.slug),
                       ("kb:person-detail", person.slug), ("kb:group-people", group.slug)):
        html = get(client, name, slug).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, name
        assert 'x="y' not in html and "<b>" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, name


# Query counts ----------------------------------------------------------------------


def _rich_group(n: int, name: str):
    group = GroupFactory(name=name, body="Overview.", history="History.")
    group.areas.add(PlaceFactory(name=f"{name} land"))
    AliasFactory(entry=group, name=f"{name} native", script=Script.ARABIC, kind=AliasKind.NATIVE)
    for i in range(n):
        AliasFactory(entry=group, name=f"{name} alias {i}")
        Designation.objects.create(group=group, authority=f"Authority {i}", reference=f"R{i}")
        SizeEstimate.objects.create(group=group, year=2000 + i, best=100 * i + 1)
        ExternalIdentifier.objects.create(entry=group, scheme="other", value=f"{name}-{i}")
        relation = GroupRelationFactory(subject=GroupFactory(name=f"{name} splinter {i}"),
                                        object=group, kind=GroupRelationKind.SPLINTER_OF)
        CitationFactory(entry=relation.subject, source=SourceFactory(), target_id=relation.pk,
                        target_type=ct(GroupRelation))
        GroupRelationFactory(subject=group, object=GroupFactory(name=f"{name} ally {i}"))
        PersonGroupRoleFactory(group=group, person=PersonFactory(name=f"{name} member {i}"),
                               started_on=day(2000 + i), started_on_precision=DatePrecision.YEAR)
        attack = AttackFactory(name=f"{name} attack {i}", occurred_on=day(2000 + i),
                               place=CityFactory(name=f"{name} city {i}"))
        ClaimFactory(attack=attack, group=group)
        ClaimFactory(attack=attack, group=GroupFactory(name=f"{name} rival {i}"))
        AttributionFactory(attack=AttackFactory(name=f"{name} blamed {i}"), group=group)
        CitationFactory(entry=group, source=SourceFactory())
    return group


def _rich_person(n: int, name: str):
    person = PersonFactory(name=name, nationality=PlaceFactory(name=f"{name} land"))
    for i in range(n):
        AliasFactory(entry=person, name=f"{name} alias {i}")
        PersonGroupRoleFactory(person=person, group=GroupFactory(name=f"{name} group {i}"))
        PersonAttackRoleFactory(person=person, attack=AttackFactory(name=f"{name} attack {i}"))
        PersonRelationFactory(person=person, other=PersonFactory(name=f"{name} cousin {i}"))
        kin = PersonRelationFactory(person=PersonFactory(name=f"{name} parent {i}"), other=person)
        CitationFactory(entry=kin.person, source=SourceFactory(), target_id=kin.pk,
                        target_type=ct(PersonRelation))
    return person


def _rich_attack(n: int, name: str):
    event = AttackFactory(name=f"{name} event")
    attack = AttackFactory(name=name, parent_event=event, place=CityFactory(name=f"{name} city"))
    attack.attack_types.add(AttackType.objects.get(code=3))
    for i in range(n):
        AliasFactory(entry=attack, name=f"{name} alias {i}")
        ClaimFactory(attack=attack, group=GroupFactory(name=f"{name} claimant {i}"))
        AttributionFactory(attack=attack, group=GroupFactory(name=f"{name} suspect {i}"))
        PersonAttackRoleFactory(attack=attack, person=PersonFactory(name=f"{name} planner {i}"))
        AttackFactory(name=f"{name} sibling {i}", parent_event=event)
        CitationFactory(entry=attack, source=SourceFactory(), field="killed")
    return attack


# Anonymous readers; researchers add four: the session, the user and their permissions
# (two queries: their own and their roles').
PROFILES = [
    ("kb:group-detail", _rich_group, 9),
    ("kb:person-detail", _rich_person, 7),
    ("kb:attack-detail", _rich_attack, 8),
    ("kb:group-people", _rich_group, 3),
]


def _queries(client, url):
    connection.features.supports_json_field  # noqa: B018  SQLite checks it once per connection
    rendering = []

    def note(sender, **kwargs):
        rendering.append(len(queries.captured_queries))

    template_rendered.connect(note)
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    finally:
        template_rendered.disconnect(note)
    assert response.status_code == 200
    return queries.captured_queries, rendering[0] if rendering else None


@pytest.mark.parametrize(("name", "build", "limit"), PROFILES)
@pytest.mark.parametrize("persona", [None, "researcher"])
def test_profiles_take_a_fixed_number_of_queries_none_from_templates(
    request, client, name, build, limit, persona
):
    small, large = build(3, "Small"), build(12, "Large")
    if persona:
        client.force_login(request.getfixturevalue(persona))
        limit += 4
    counts = []
    for entry in (small, large):
        queries, first_render = _queries(client, reverse(name, kwargs={"slug": entry.slug}))
        assert len(queries) <= limit, [q["sql"][:80] for q in queries]
        assert first_render == len(queries), "a template queried the database"
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_group_years_are_one_group_by_query(client):
    group = _rich_group(5, "Counted")
    queries, _ = _queries(client, reverse("kb:group-detail", kwargs={"slug": group.slug}))
    grouped = [q["sql"] for q in queries if "GROUP BY" in q["sql"]]
    assert len(grouped) == 1 and "kb_claim" in grouped[0] and "kb_attribution" in grouped[0]


def test_short_lists_come_back_as_typed_sorted_instances_from_one_query(
    django_assert_num_queries,
):
    group = GroupFactory()
    Designation.objects.create(group=group, authority="Later", designated_on=day(2020),
                               designated_on_precision=DatePrecision.YEAR)
    Designation.objects.create(group=group, authority="Undated")
    Designation.objects.create(group=group, authority="Earlier", designated_on=day(2016, 7, 14),
                               designated_on_precision=DatePrecision.DAY)
    AliasFactory(entry=group, name="Zeta", kind=AliasKind.ACRONYM)
    AliasFactory(entry=group, name="Alpha", kind=AliasKind.ACRONYM)
    connection.features.supports_json_field  # noqa: B018
    with django_assert_num_queries(1):
        lists = profiles.group_lists(group)
    assert [d.authority for d in lists["designations"]] == ["Earlier", "Later", "Undated"]
    assert lists["designations"][0].designated_date.isoformat() == "2016-07-14"
    assert [a.name for a in lists["aliases"]] == ["Alpha", "Zeta"]
    assert lists["areas"] == [] and lists["size_estimates"] == []
    assert lists["aliases"][0].pk and not lists["aliases"][0]._state.adding
