"""Three-way merge laws and readable diffs."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.editorial.diff import diff, text_diff_html
from kb.editorial.merge import three_way
from kb.editorial.snapshot import capture
from tests.editorial.aggregates import make_aggregate

_values = st.one_of(st.none(), st.integers(-5, 5), st.text(max_size=5))
_fields = st.dictionaries(st.sampled_from(["name", "summary", "body", "slug"]), _values)
_alias_rows = st.lists(
    st.builds(lambda n, lang: {"name": n, "language": lang}, st.sampled_from("abcde"),
              st.sampled_from(["", "en", "ar"])),
    unique_by=lambda r: r["name"], max_size=4,
)


def snapshot(fields, aliases=()):
    return {"kind": "group", "fields": fields, "m2m": {"areas": []},
            "rows": {"aliases": sorted(aliases, key=lambda r: r["name"])}}


@given(_fields, _fields, _alias_rows, _alias_rows)
def test_a_proposal_on_the_live_base_merges_to_itself(base_fields, proposed_fields, base_rows,
                                                      proposed_rows):
    base = snapshot(base_fields, base_rows)
    proposed = snapshot({**base_fields, **proposed_fields}, proposed_rows)
    result = three_way(base=base, live=base, proposed=proposed)
    assert result.clean
    assert result.merged["fields"] == proposed["fields"]
    assert result.merged["rows"]["aliases"] == proposed["rows"]["aliases"]


@given(_fields, _fields, _alias_rows)
def test_an_unchanged_proposal_keeps_the_live_version(base_fields, live_fields, live_rows):
    base = snapshot(base_fields)
    live = snapshot({**base_fields, **live_fields}, live_rows)
    result = three_way(base=base, live=live, proposed=base)
    assert result.clean
    assert result.merged["fields"] == live["fields"]
    assert result.merged["rows"]["aliases"] == live["rows"]["aliases"]


def test_a_row_edited_in_different_columns_merges_column_by_column():
    base = snapshot({}, [{"name": "a", "language": "", "kind": "other"}])
    live = snapshot({}, [{"name": "a", "language": "ar", "kind": "other"}])
    proposed = snapshot({}, [{"name": "a", "language": "", "kind": "acronym"}])
    result = three_way(base=base, live=live, proposed=proposed)
    assert result.clean
    assert result.merged["rows"]["aliases"] == [{"name": "a", "language": "ar", "kind": "acronym"}]


def test_a_row_removed_on_one_side_and_changed_on_the_other_is_a_conflict():
    base = snapshot({}, [{"name": "a", "language": ""}])
    live = snapshot({}, [])
    proposed = snapshot({}, [{"name": "a", "language": "ar"}])
    result = three_way(base=base, live=live, proposed=proposed)
    assert [c.id for c in result.conflicts] == ['rows:aliases:["a"]']


def test_many_to_many_choices_merge_as_sets():
    base = {**snapshot({}), "m2m": {"areas": [1, 2]}}
    live = {**snapshot({}), "m2m": {"areas": [1, 2, 3]}}
    proposed = {**snapshot({}), "m2m": {"areas": [2, 4]}}
    assert three_way(base=base, live=live, proposed=proposed).merged["m2m"]["areas"] == [2, 3, 4]


def test_text_diffs_mark_only_the_changed_words():
    html = text_diff_html("The group was founded in Iraq.\nSecond line.",
                          "The group was founded in Syria.\nSecond line.")
    assert "<del>Iraq.</del><ins>Syria.</ins>" in html
    assert "Second line." in html and "<del>Second" not in html


def test_text_diffs_escape_what_they_show():
    assert "<script>" not in text_diff_html("a", "<script>alert(1)</script>")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["group", "person", "attack"])
def test_diff_shows_fields_and_rows_with_readable_labels(kind):
    entry = make_aggregate(kind)
    old = capture(entry)
    new = capture(entry)
    new["fields"]["summary"] = "A new summary"
    new["rows"]["citations"].pop()
    new["rows"]["aliases"][0]["language"] = "ur"
    result = diff(old, new)
    assert [f.name for f in result.fields] == ["summary"]
    collections = {c.name: c for c in result.collections}
    assert collections["aliases"].rows[0].state == "changed"
    citation = collections["citations"].rows[0]
    assert citation.state == "removed"
    assert str(entry.citations.first().source) in citation.label
    assert "#" not in citation.label  # ids are shown as names


def test_identical_snapshots_have_an_empty_diff(db):
    entry = make_aggregate("group")
    assert diff(capture(entry), capture(entry)).is_empty


def test_diff_shows_a_partial_date_with_its_precision(db):
    entry = make_aggregate("group")
    old, new = capture(entry), capture(entry)
    new["fields"].update(founded_on="2014-01-01", founded_on_precision="circa")
    [change] = diff(old, new).fields
    assert (change.name, change.old, change.new) == ("founded_on", "—", "c. 2014")
