"""What search finds and in what order: names and aliases, then text.

The cases of the issue run on both databases; the trigram and full-text ranking cases
only on PostgreSQL, where those backends exist (CI runs the suite on both).
"""

import pytest
from django.db import connection

from kb.choices import EntryKind
from kb.search import search, search_entries, similar_entries
from tests.factories import GroupFactory
from tests.search.conftest import names

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram and full-text search are PostgreSQL's"
)


@pytest.mark.parametrize(
    ("query", "expected", "match"),
    [
        ("Lashkar-i-Jhangvi", "Lashkar-e-Jhangvi al-Alami", "variant"),
        ("Lashkar e Jhangavi", "Lashkar-e-Jhangvi al-Alami", "variant"),
        ("lashkar e jhangvi", "Lashkar-e-Jhangvi al-Alami", "prefix"),
        ("al Baghdadi", "Abu Bakr al-Baghdadi", "contains"),
        ("Baghdadi", "Abu Bakr al-Baghdadi", "contains"),
        ("Daesh", "Islamic State", "exact"),
        ("ISIL", "Islamic State", "exact"),
        ("IS", "Islamic State", "exact"),
        ("الدولة الاسلامية", "Islamic State", "exact"),
        ("البغدادي", "Abu Bakr al-Baghdadi", "contains"),
    ],
)
def test_spellings_aliases_and_scripts_find_their_entry(named, query, expected, match):
    found = search_entries(query)
    assert found[0].name == expected
    assert found[0].match == match


def test_the_alias_that_matched_is_named(named):
    [found] = search_entries("daesh")
    assert found.matched_alias == "Daesh"
    assert search_entries("IS")[0].matched_alias == "IS"  # the abbreviation
    assert search_entries("Islamic State")[0].matched_alias is None


def test_names_rank_exact_then_prefix_then_contains(named):
    GroupFactory(name="Islamic State Khorasan Province")
    GroupFactory(name="Pakistan Islamic State Network")
    assert names(search_entries("islamic state"))[:3] == [
        "Islamic State", "Islamic State Khorasan Province", "Pakistan Islamic State Network",
    ]
    assert [e.match for e in search_entries("islamic state")][:3] == [
        "exact", "prefix", "contains",
    ]


def test_a_different_name_with_shared_words_is_not_a_variant(named):
    assert "Lashkar-e-Taiba" not in names(search_entries("Lashkar-i-Jhangvi"))


def test_drafts_only_for_the_team_and_kinds_narrow(named, researcher):
    assert "Islamic State draft" not in names(search_entries("islamic"))
    assert "Islamic State draft" in names(search_entries("islamic", user=researcher))
    assert names(search_entries("baghdadi", kinds=[EntryKind.GROUP])) == []


def test_short_queries_match_beginnings_only(named):
    # "al" is inside many names; as a query it means names that begin with it.
    assert search_entries("al") == []
    assert search_entries("  --  ") == []


def test_the_page_puts_names_first_then_text_with_a_marked_passage(named):
    found = search("Islamic State", user=None).results
    assert found[0].name == "Islamic State" and found[0].match == "exact"
    text = [e for e in found if e.match == "text"]
    assert {e.name for e in text} >= {"Abu Bakr al-Baghdadi"}
    assert "<mark>Islamic</mark> <mark>State</mark>" in str(text[0].snippet)


def test_text_matches_find_words_in_the_narrative(named):
    [found] = search("bomber", user=None).results
    assert found.name == "Mastung election rally bombing"
    assert found.match == "text"
    assert "<mark>bomber</mark>" in str(found.snippet)


def test_hostile_queries_find_nothing_and_break_nothing(named):
    hostile = ["'; DROP TABLE kb_entry; --", "<script>alert(1)</script>", '"', "-", "a:b & !c"]
    for query in hostile:
        page = search(query, user=None)
        assert all("<script>" not in str(e.snippet) for e in page.results)
    long = search("x" * 5000, user=None)
    assert long.truncated and len(long.query) == 200 and long.results == []


def test_pages_follow_on(named):
    for i in range(5):
        GroupFactory(name=f"Islamic group {i}")
    first = search("islamic", user=None, per_page=3)
    second = search("islamic", user=None, page=2, per_page=3)
    assert first.has_next and second.has_previous
    assert not {e.pk for e in first.results} & {e.pk for e in second.results}


def test_similar_entries_warn_of_duplicates(named):
    similar = similar_entries(EntryKind.GROUP, ["Lashkar e Jhangvi"], user=None)
    assert names(similar) == ["Lashkar-e-Jhangvi al-Alami"]
    assert similar[0].similar_to == "Lashkar e Jhangvi"
    # A new alias can be the name that resembles: "Daesh" is the Islamic State.
    assert names(similar_entries(EntryKind.GROUP, ["New group", "Daesh"], user=None)) == [
        "Islamic State"
    ]
    # A short word inside a longer name is not a warning.
    assert similar_entries(EntryKind.GROUP, ["State"], user=None) == []
    assert similar_entries(EntryKind.PERSON, ["Lashkar e Jhangvi"], user=None) == []


@postgres_only
def test_trigram_similarity_forgives_a_typing_slip(named):
    [found] = search_entries("Lashkar-e-Jhangvi al-Alani")
    assert (found.name, found.match) == ("Lashkar-e-Jhangvi al-Alami", "similar")


@postgres_only
def test_full_text_ranks_summaries_over_narratives(named):
    GroupFactory(name="Group A", summary="Nothing here.", body="Its fighters use a vest.")
    GroupFactory(name="Group B", summary="Known for the vest its fighters wear.")
    found = names(search("vest", user=None).results)
    assert found[0] == "Group B"
    assert set(found[1:]) == {"Group A", "Mastung election rally bombing"}


@postgres_only
def test_full_text_reads_web_search_syntax(named):
    assert names(search('"election rally"', user=None).results) == [
        "Mastung election rally bombing"
    ]
    assert names(search("bombing -suicide", user=None).results) == []
    assert "Islamic State" in names(search("iraq or punjab", user=None).results)


@postgres_only
def test_the_document_is_kept_by_the_database(named):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_document::text FROM kb_entry WHERE id = %s", [named["mastung"].pk]
        )
        [document] = cursor.fetchone()
    assert "'bomber':" in document and "'mastung':1A" in document


@postgres_only
def test_a_common_word_ranks_a_bounded_sample_and_says_so(named, monkeypatch, client):
    monkeypatch.setattr("kb.search.text.CANDIDATES", 3)
    for i in range(5):
        GroupFactory(name=f"Group {i}", summary="Known for a vest.")
    page = search("vest", user=None)
    assert page.capped and len(page.results) == 3
    assert not search("bomber", user=None).capped
    monkeypatch.setattr("kb.views.search.CANDIDATES", 3)
    assert "More than 3 entries mention these words" in client.get(
        "/search/", {"q": "vest"}
    ).content.decode()
