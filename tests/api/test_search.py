"""Search by name and alias: ``kb.search.search_entries`` and the API's search/."""

import pytest

from kb.choices import AliasKind, EntryKind, Script
from kb.search import search_entries
from tests.factories import AliasFactory, AttackFactory, GroupFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    iskp = GroupFactory(name="Islamic State Khorasan Province")
    AliasFactory(entry=iskp, name="ISKP", kind=AliasKind.ACRONYM)
    AliasFactory(entry=iskp, name="ولایت خراسان", kind=AliasKind.NATIVE, script=Script.ARABIC)
    isis = GroupFactory(name="Islamic State")
    AliasFactory(entry=isis, name="Daesh")
    lej = GroupFactory(name="Lashkar-e-Jhangvi")
    AliasFactory(entry=lej, name="Lashkar-i-Jhangvi")
    GroupFactory(name="Lashkar-e-Taiba")
    PersonFactory(name="Abu Bakr al-Baghdadi")
    AttackFactory(name="Islamic State attack on Sehwan")
    GroupFactory(name="Islamic State draft", published_at=None)
    return {"iskp": iskp, "isis": isis, "lej": lej}


def names(results):
    return [entry.name for entry in results]


def test_exact_beats_prefix_beats_contains(entries):
    found = search_entries("islamic state")
    assert names(found) == [
        "Islamic State", "Islamic State attack on Sehwan", "Islamic State Khorasan Province",
    ]
    assert [e.match for e in found] == ["exact", "prefix", "prefix"]
    assert names(search_entries("state"))[0] == "Islamic State"
    assert search_entries("state")[0].match == "contains"


def test_aliases_find_their_entry_and_say_so(entries):
    [found] = search_entries("iskp")
    assert found.name == "Islamic State Khorasan Province"
    assert (found.match, found.matched_alias) == ("exact", "ISKP")
    assert names(search_entries("daesh")) == ["Islamic State"]
    assert names(search_entries("ولایت")) == ["Islamic State Khorasan Province"]


def test_spelling_variants_meet(entries):
    assert names(search_entries("lashkar e jhangvi")) == ["Lashkar-e-Jhangvi"]
    assert names(search_entries("Lashkar-i-Jhangvi")) == ["Lashkar-e-Jhangvi"]
    assert names(search_entries("al baghdadi")) == ["Abu Bakr al-Baghdadi"]


def test_kinds_limit_and_unpublished(entries, researcher):
    assert names(search_entries("islamic", kinds=[EntryKind.ATTACK])) == [
        "Islamic State attack on Sehwan"
    ]
    assert len(search_entries("islamic", limit=1)) == 1
    assert "Islamic State draft" not in names(search_entries("islamic"))
    assert "Islamic State draft" in names(search_entries("islamic", user=researcher))
    assert search_entries("  --  ") == []
    with pytest.raises(ValueError, match="source"):
        search_entries("x", kinds=["source"])


def test_the_search_endpoint(api, entries):
    body = api.get("/api/v1/search/", {"q": "ISKP"}).json()
    [result] = body["results"]
    assert result == {
        "id": entries["iskp"].pk, "slug": entries["iskp"].slug,
        "name": "Islamic State Khorasan Province",
        "web_url": f"http://testserver/groups/{entries['iskp'].slug}/",
        "api_url": f"http://testserver/api/v1/groups/{entries['iskp'].slug}/",
        "kind": "group", "summary": "A militant group.", "match": "exact",
        "matched_alias": "ISKP",
    }
    people = api.get("/api/v1/search/", {"q": "baghdadi", "kind": "person"}).json()
    assert people["results"][0]["api_url"].startswith("http://testserver/api/v1/people/")
    assert len(api.get("/api/v1/search/", {"q": "isl", "limit": 2}).json()["results"]) == 2
