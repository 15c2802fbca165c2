"""What each endpoint shows: lists light, records complete, every object linked."""

import datetime as dt

import pytest

from kb.choices import DatePrecision, GroupRelationKind, PlaceKind
from kb.models import Citation, Claim, Revision
from tests.api.builders import rich_attack, rich_group, rich_person
from tests.factories import (
    AttackFactory,
    AttributionFactory,
    GroupFactory,
    GroupRelationFactory,
    PersonFactory,
    PlaceFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def test_attack_record_carries_date_place_types_casualties_and_responsibility(api):
    attack = rich_attack(2)
    body = api.get(f"/api/v1/attacks/{attack.slug}/").json()
    assert body["date"] == {"date": "2016-08-08", "precision": "day", "label": "8 August 2016"}
    assert body["place"]["label"] == "Harbour City, North Province, Testland"
    assert (body["place"]["latitude"], body["place"]["longitude"]) == (25.1264, 62.3225)
    assert (body["latitude"], body["coordinate_precision"]) == (25.1264, 2)
    assert body["country"]["slug"] == "testland"
    assert body["province"]["slug"] == "north-province"
    assert [t["code"] for t in body["attack_types"]] == [1, 2]
    assert body["target_types"][0] == {"code": 1, "name": "Business"}
    assert body["casualties"] == {
        "killed": {"best": 10, "low": 8, "high": 12},
        "wounded": {"best": 20, "low": None, "high": None},
        "perpetrators_killed": None,
    }
    assert (body["suicide"], body["success"], body["hostages"]) == (True, True, None)
    assert [c["group"]["name"] for c in body["claims"]] == [
        "Rich attack claimant 0", "Rich attack claimant 1",
    ]
    assert {a["certainty"] for a in body["attributions"]} == {"confirmed"}
    assert [p["role"] for p in body["people"]] == ["planner", "planner"]
    assert len(body["aliases"]) == 2
    assert body["external_ids"][0] == {"scheme": "other", "value": "Rich attack-0", "url": ""}
    assert body["parent_event"]["slug"] == "rich-attack-parent-event"
    assert [a["name"] for a in body["sub_attacks"]] == ["Rich attack part 0", "Rich attack part 1"]
    assert body["sub_attacks"][0]["date"]["precision"] == "day"


def test_relation_rows_point_at_the_citations_that_support_them(api):
    attack = rich_attack(1)
    body = api.get(f"/api/v1/attacks/{attack.slug}/").json()
    claim = body["claims"][0]
    [cited] = [c for c in body["citations"] if c["id"] in claim["citations"]]
    assert cited["supports"] == {"type": "claim", "id": claim["id"]}
    assert cited["source"]["api_url"].startswith(f"{HOST}/api/v1/sources/")
    assert cited["locator"] == "p. 1"
    figure = [c for c in body["citations"] if c["field"] == "killed"]
    assert figure and figure[0]["supports"] is None


def test_group_record_shows_aliases_ties_both_ways_designations_and_counts(api):
    group = rich_group(2)
    body = api.get(f"/api/v1/groups/{group.slug}/").json()
    native = [a for a in body["aliases"] if a["script"] == "Arab"]
    assert native == [{
        "name": "ولایت خراسان", "kind": "native", "language": "ar", "script": "Arab",
        "used_from": None, "used_until": None,
    }]
    assert body["founded"] == {"date": "2015-05", "precision": "month", "label": "May 2015"}
    outgoing = [t for t in body["relations"] if t["direction"] == "outgoing"]
    incoming = [t for t in body["relations"] if t["direction"] == "incoming"]
    assert {t["label"] for t in outgoing} == {"affiliate of"}
    assert {(t["label"], t["kind"]) for t in incoming} == {("splinters", "splinter_of")}
    assert all(t["citations"] for t in outgoing)
    assert incoming[0]["group"]["web_url"].startswith(f"{HOST}/groups/")
    assert incoming[0]["confidence"] == "reported"
    assert [d["authority"] for d in body["designations"]] == ["Authority 0", "Authority 1"]
    assert body["designations"][0]["date"]["label"] == "2016"
    assert [s["year"] for s in body["size_estimates"]] == [2015, 2016]
    assert {a["slug"] for a in body["areas"]} == {"testland", "north-province"}
    assert len(body["members"]) == 2
    assert (body["attack_count"], body["claimed_attack_count"]) == (2, 2)
    assert body["narrative"]["overview"] == group.body


def test_person_record_shows_roles_attacks_and_ties(api):
    person = rich_person(2)
    body = api.get(f"/api/v1/people/{person.slug}/").json()
    assert body["born"] == {"date": "1980", "precision": "circa", "label": "c. 1980"}
    assert body["status"] == "arrested"
    assert [g["role"] for g in body["groups"]] == ["commander", "commander"]
    assert body["attacks"][0]["attack"]["date"]["date"] == "2016-08-08"
    assert body["attacks"][0]["role"] == "perpetrator"
    assert sorted(t["direction"] for t in body["relations"]) == [
        "incoming", "incoming", "outgoing", "outgoing",
    ]


def test_every_entry_shows_its_live_revision_and_times(api):
    author = UserFactory()
    group = GroupFactory()
    revision = Revision.objects.create(entry=group, author=author, summary="First",
                                       state="approved", reviewed_at=dt.datetime.now(dt.UTC))
    group.live_revision = revision
    group.save()
    body = api.get(f"/api/v1/groups/{group.slug}/").json()
    assert body["live_revision"] == revision.pk
    assert body["published_at"] and body["updated_at"]
    listed = api.get("/api/v1/groups/").json()["results"][0]
    assert listed["live_revision"] == revision.pk


def test_lists_are_lighter_than_records(api):
    attack = rich_attack(1)
    item = api.get("/api/v1/attacks/").json()["results"]
    item = next(a for a in item if a["slug"] == attack.slug)
    assert "claims" not in item and "citations" not in item and "body" not in item
    assert item["claimed_by"][0]["name"] == "Rich attack claimant 0"
    assert item["attributed_to"][0]["name"] == "Rich attack suspect 0"
    assert item["attack_types"] == [{"code": 1, "name": "Assassination"}]


def test_records_are_addressed_by_slug_or_id(api):
    group = GroupFactory(name="Addressed group")
    by_slug = api.get(f"/api/v1/groups/{group.slug}/").json()
    by_id = api.get(f"/api/v1/groups/{group.pk}/").json()
    assert by_slug == by_id
    assert by_slug["api_url"] == f"{HOST}/api/v1/groups/addressed-group/"
    assert by_slug["web_url"] == f"{HOST}/groups/addressed-group/"


def test_a_slug_that_looks_like_an_id_wins_over_the_id(api):
    older = GroupFactory(name="Older")
    numbered = GroupFactory(name=str(older.pk))
    assert api.get(f"/api/v1/groups/{older.pk}/").json()["id"] == numbered.pk


def test_unknown_records_are_404_in_json(api):
    response = api.get("/api/v1/attacks/no-such-attack/")
    assert response.status_code == 404
    assert "no-such-attack" in response.json()["detail"]
    assert api.get("/api/v1/nothing-here/").json()["detail"].startswith("No such address")


def test_a_merged_entry_redirects_to_the_one_it_was_merged_into(api):
    target = PersonFactory(name="Kept person")
    PersonFactory(name="Duplicate person", redirect_to=target)
    response = api.get("/api/v1/people/duplicate-person/")
    assert response.status_code == 301
    assert response["Location"] == f"{HOST}/api/v1/people/kept-person/"


def test_sources_and_places(api):
    country = PlaceFactory(name="Pakistan", slug="pakistan", country_code="PK")
    province = PlaceFactory(name="Balochistan", slug="balochistan", kind=PlaceKind.PROVINCE,
                            parent=country)
    source = SourceFactory(title="A report", published_on=dt.date(2019, 11, 1),
                           published_on_precision=DatePrecision.MONTH, url="https://x.example/r")
    Citation.objects.create(entry=GroupFactory(), source=source, locator="p. 4")
    Citation.objects.create(entry=GroupFactory(published_at=None), source=source, locator="p. 5")
    body = api.get(f"/api/v1/sources/{source.slug}/").json()
    assert body["published"]["label"] == "November 2019"
    assert body["document_url"] == "https://x.example/r"
    assert body["cited_by_count"] == 1
    place = api.get("/api/v1/places/pakistan/").json()
    assert place["children"][0]["slug"] == "balochistan"
    assert place["country_code"] == "PK"
    child = api.get(f"/api/v1/places/{province.pk}/").json()
    assert child["ancestors"][0]["slug"] == "pakistan"
    assert child["label"] == "Balochistan, Pakistan"


def test_group_counts_ignore_unpublished_attacks(api):
    group = GroupFactory()
    Claim.objects.create(attack=AttackFactory(), group=group)
    Claim.objects.create(attack=AttackFactory(published_at=None), group=group)
    item = api.get("/api/v1/groups/").json()["results"][0]
    assert (item["attack_count"], item["claimed_attack_count"]) == (1, 1)


def test_group_ties_read_from_the_other_side(api):
    parent = GroupFactory(name="Parent")
    GroupRelationFactory(subject=GroupFactory(name="Front"), object=parent,
                         kind=GroupRelationKind.FRONT_FOR)
    body = api.get(f"/api/v1/groups/{parent.slug}/").json()
    assert [(t["label"], t["group"]["name"]) for t in body["relations"]] == [("fronts", "Front")]


def test_an_attack_both_claimed_and_attributed_counts_once(api):
    group = GroupFactory()
    both, claimed_only = AttackFactory(), AttackFactory()
    Claim.objects.create(attack=both, group=group)
    Claim.objects.create(attack=claimed_only, group=group, mode="video")
    Claim.objects.create(attack=claimed_only, group=group, mode="statement")
    AttributionFactory(attack=both, group=group)
    item = api.get(f"/api/v1/groups/{group.slug}/").json()
    assert (item["attack_count"], item["claimed_attack_count"],
            item["attributed_attack_count"]) == (2, 2, 1)
