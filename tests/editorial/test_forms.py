"""The generic entry editor: partial dates, references, rows, and the snapshot it builds."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict

from kb.choices import DatePrecision
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.forms import EntryEditor, PartialDateField
from kb.forms import partial_dates as pd
from kb.models import AttackType, Group
from kb.partial_dates import PartialDate
from tests import factories
from tests.editorial.aggregates import KINDS, make_aggregate
from tests.editorial.form_data import editor_data

pytestmark = pytest.mark.django_db


def editor_for(entry, data=None, **kwargs):
    entry = entry.specific
    return EntryEditor(type(entry), start=capture(entry), data=data, **kwargs)


def submitted(entry, **changes):
    """A bound editor: the untouched form of ``entry`` with ``changes`` applied."""
    data = editor_data(editor_for(entry), **changes)
    query = QueryDict(mutable=True)
    for name, value in data.items():
        if isinstance(value, list):
            query.setlist(name, value)
        else:
            query[name] = value
    return editor_for(entry, query)


# Partial dates -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("2015", dt.date(2015, 1, 1), DatePrecision.YEAR),
    ("May 2015", dt.date(2015, 5, 1), DatePrecision.MONTH),
    ("13 May 2015", dt.date(2015, 5, 13), DatePrecision.DAY),
    ("c. 1996", dt.date(1996, 1, 1), DatePrecision.CIRCA),
])
def test_one_text_box_reads_a_date_as_precisely_as_it_is_written(text, date, precision):
    value = PartialDateField(required=False).clean(text)
    assert value == PartialDate(date, precision)
    assert pd.dump(value) == (date.isoformat(), precision)
    assert pd.text_of(*pd.dump(value)) == str(value)


def test_an_unreadable_date_says_how_to_write_one():
    with pytest.raises(ValidationError, match="May 2015"):
        PartialDateField(required=False).clean("spring of 2015")


def test_an_empty_optional_date_is_none_and_a_required_one_is_refused():
    assert PartialDateField(required=False).clean("") is None
    with pytest.raises(ValidationError):
        PartialDateField(required=True).clean("  ")


# The snapshot the editor builds ------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_an_untouched_form_gives_back_the_snapshot_it_started_from(kind):
    entry = make_aggregate(kind)
    editor = submitted(entry)
    assert editor.is_valid(), (editor.form.errors, [f.errors for f in editor.formsets])
    assert editor.data == capture(entry.specific)


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_entry_form_builds_a_snapshot_the_workflow_accepts(kind, researcher):
    from kb.views.editorial_common import blank_snapshot

    model = type(make_aggregate(kind).specific)
    start = blank_snapshot(kind)
    data = editor_data(EntryEditor(model, start=start, creating=True),
                       name="Tehreek-e-Test", occurred_on="12 May 2017")
    editor = EntryEditor(model, start=start, data=data, creating=True)
    assert editor.is_valid(), editor.form.errors
    revision = workflow.create_entry(kind=kind, author=researcher, data=editor.data,
                                     summary="New")
    assert revision.entry.name == "Tehreek-e-Test"


def test_changing_a_field_changes_only_that_field():
    group = make_aggregate("group")
    before = capture(group.specific)
    editor = submitted(group, summary="Rewritten.", founded_on="c. 2013")
    assert editor.is_valid()
    after = editor.data
    assert after["fields"]["summary"] == "Rewritten."
    assert (after["fields"]["founded_on"], after["fields"]["founded_on_precision"]) == (
        "2013-01-01", "circa")
    for name in set(before["fields"]) - {"summary", "founded_on", "founded_on_precision"}:
        assert after["fields"][name] == before["fields"][name]
    assert after["rows"] == before["rows"]


def test_text_sent_with_crlf_line_endings_is_not_a_change():
    group = make_aggregate("group")
    body = group.body.replace("\n", "\r\n")
    editor = submitted(group, body=body)
    assert editor.is_valid()
    assert editor.data["fields"]["body"] == group.body


def test_rows_are_added_in_the_empty_row_and_removed_with_their_box():
    group = make_aggregate("group")
    editor = submitted(group, **{"aliases-2-name": "Daesh", "aliases-2-kind": "nickname",
                                 "aliases-0-DELETE": "on"})
    assert editor.is_valid(), [f.errors for f in editor.formsets]
    names = {row["name"] for row in editor.data["rows"]["aliases"]}
    first = capture(group.specific)["rows"]["aliases"][0]["name"]
    assert "Daesh" in names and first not in names


def test_references_are_typed_as_slugs_or_exact_names():
    group = make_aggregate("group")
    other = factories.GroupFactory(name="Lashkar-e-Jhangvi")
    editor = submitted(group, **{"relations-1-kind": "allied_with",
                                 "relations-1-object": "lashkar e jhangvi"})
    assert editor.is_valid(), [f.errors for f in editor.formsets]
    assert {"kind": "allied_with", "object": other.pk}.items() <= next(
        r for r in editor.data["rows"]["relations"] if r["object"] == other.pk).items()


@pytest.mark.parametrize(("typed", "message"), [
    ("no-such-group", "No militant group"),
    ("person-slug", "is a person"),
])
def test_a_reference_to_nothing_or_to_the_wrong_kind_is_refused_on_its_row(typed, message):
    group = make_aggregate("group")
    factories.PersonFactory(name="Someone", slug="person-slug")
    editor = submitted(group, **{"relations-1-kind": "allied_with", "relations-1-object": typed})
    assert not editor.is_valid()
    errors = editor.formsets[[f.prefix for f in editor.formsets].index("relations")].errors
    assert message in str(errors[1]["object"])


def test_a_citation_follows_the_relation_it_supports_when_its_key_changes():
    group = make_aggregate("group")
    editor = submitted(group, **{"relations-0-kind": "splinter_of"})
    assert editor.is_valid(), [f.errors for f in editor.formsets]
    relation = editor.data["rows"]["relations"][0]
    cited = [c["target"] for c in editor.data["rows"]["citations"] if c["target"]]
    assert cited == [["relations", f'["splinter_of", {relation["object"]}]']]


def test_removing_a_cited_relation_asks_to_remove_its_citation_too():
    group = make_aggregate("group")
    editor = submitted(group, **{"relations-0-DELETE": "on"})
    assert not editor.is_valid()
    citations = editor.formsets[-1]
    assert any("no longer part of the entry" in str(form.errors) for form in citations.forms)


def test_two_rows_with_the_same_natural_key_are_refused():
    group = make_aggregate("group")
    first = capture(group.specific)["rows"]["aliases"][0]["name"]
    editor = submitted(group, **{"aliases-2-name": first})
    assert not editor.is_valid()
    assert "Another row has the same name" in str(editor.formsets[0].forms[2].errors)


def test_an_attack_has_at_most_three_attack_types():
    attack = make_aggregate("attack")
    codes = [str(pk) for pk in AttackType.objects.values_list("pk", flat=True)[:4]]
    editor = submitted(attack, attack_types=codes)
    assert not editor.is_valid()
    assert "at most 3" in str(editor.form.errors["attack_types"])


def test_workflow_errors_land_on_the_field_or_row_they_are_about(researcher):
    group = make_aggregate("group")
    editor = submitted(group)
    assert editor.is_valid()
    alias = editor.data["rows"]["aliases"][0]["name"]
    editor.add_errors(ValidationError({
        "founded_on_precision": ["Say how precisely the date is known."],
        "name": [f"aliases ({alias}): An alias must differ from the entry's own name."],
        "__all__": ["Something about the whole entry."],
    }))
    assert "precisely" in str(editor.form.errors["founded_on"])
    assert "Something about the whole entry." in editor.form.non_field_errors()
    alias_form = editor.formsets[0].forms[0]
    assert alias_form.errors["name"] == ["An alias must differ from the entry's own name."]


def test_preview_is_the_sanitised_html_the_public_page_shows():
    group = make_aggregate("group")
    editor = submitted(group, body="**Bold** <script>alert(1)</script>",
                       history="## Origins\n\nText")
    titles = [title for title, _ in editor.preview()]
    html = "".join(str(h) for _, h in editor.preview())
    assert titles == ["Overview", "History"]
    assert "<strong>Bold</strong>" in html and "<script>" not in html and "<h4>Origins" in html


def test_building_the_editor_costs_a_bounded_number_of_queries(django_assert_max_num_queries):
    small, big = make_aggregate("group"), factories.GroupFactory(name="Big")
    big.areas.add(factories.PlaceFactory(name="Afghanistan"))
    for i in range(15):
        relation = factories.GroupRelationFactory(subject=big)
        factories.AliasFactory(entry=big, name=f"Big {i}")
        factories.CitationFactory(entry=big, target=relation, locator=f"p. {i}")
    counts = []
    for group in (small, big):
        start = capture(Group.objects.get(pk=group.pk))
        with django_assert_max_num_queries(8) as captured:
            editor = EntryEditor(Group, start=start)
            str(editor.form) + "".join(str(f) for f in editor.formsets)
        counts.append(len(captured))
    assert counts[0] == counts[1]
