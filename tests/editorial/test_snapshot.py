"""Capture and apply: the snapshot of an aggregate restores exactly that aggregate."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.choices import DatePrecision, GroupStatus, Ideology
from kb.editorial.snapshot import apply, capture, declaration
from kb.models import Citation, GroupRelation
from tests import factories
from tests.editorial.aggregates import KINDS, make_aggregate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", KINDS)
def test_capture_holds_fields_rows_and_citations_of_relations(kind):
    entry = make_aggregate(kind)
    data = capture(entry)
    assert data["kind"] == kind
    assert data["fields"]["name"] == entry.name
    assert len(data["rows"]["aliases"]) == 2
    targets = [c["target"] for c in data["rows"]["citations"] if c["target"]]
    assert len(targets) == 1 and targets[0][0] in data["rows"]


@pytest.mark.parametrize("kind", KINDS)
def test_apply_of_a_capture_restores_the_aggregate(kind):
    entry = make_aggregate(kind)
    before = capture(entry)
    changed = {**before, "fields": {**before["fields"], "summary": "Changed"},
               "rows": {**before["rows"], "aliases": [], "citations": []}}
    apply(entry, changed)
    assert capture(entry)["rows"]["aliases"] == []
    apply(entry, before)
    assert capture(entry) == before


def test_citations_follow_their_relation_to_a_new_row():
    group = make_aggregate("group")
    data = capture(group)
    apply(group, {**data, "rows": {**data["rows"], "relations": [], "citations": []}})
    apply(group, data)
    citation = Citation.objects.get(entry=group, locator="p. 2")
    assert isinstance(citation.target, GroupRelation)
    assert citation.target.subject_id == group.pk


def test_a_snapshot_from_an_older_schema_still_applies():
    group = make_aggregate("group")
    data = capture(group)
    old = {"kind": "group", "fields": {"summary": "Old schema", "retired_field": 1}}
    apply(group, old)
    now = capture(group)
    assert now["fields"]["summary"] == "Old schema"
    assert now["rows"] == data["rows"]


def test_invalid_data_is_refused_with_the_row_named():
    attack = make_aggregate("attack")
    data = capture(attack)
    data["fields"]["killed_low"] = 99
    with pytest.raises(ValidationError) as caught:
        apply(attack, data)
    assert "killed_low" in caught.value.message_dict


def test_a_citation_of_a_relation_missing_from_the_snapshot_is_refused():
    attack = make_aggregate("attack")
    data = capture(attack)
    data["rows"]["claims"] = []
    with pytest.raises(ValidationError, match="cited relation"):
        apply(attack, data)


def test_a_misdeclared_snapshot_fails_the_system_check(monkeypatch):
    from kb.editorial.snapshot import Owned, Snapshot
    from kb.models import Person

    monkeypatch.setattr(
        Person, "snapshot", Snapshot(fields=("name", "nickname"), owned=(Owned("kin", key=("x",)),))
    )
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match=r"kb\.E001"):
        call_command("check")


_texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80
)
_partial = st.sampled_from([
    (None, ""),
    (dt.date(2014, 1, 1), DatePrecision.CIRCA),
    (dt.date(2015, 5, 1), DatePrecision.MONTH),
    (dt.date(2015, 5, 13), DatePrecision.DAY),
])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    summary=_texts, body=_texts, founded=_partial,
    status=st.sampled_from(GroupStatus.values), ideology=st.sampled_from(Ideology.values),
    aliases=st.sets(st.text(alphabet="abcdefghij -", min_size=1, max_size=12).map(str.strip)
                    .filter(lambda s: s and s != "x"), max_size=4),
)
def test_apply_capture_is_the_identity_for_any_group(summary, body, founded, status, ideology,
                                                      aliases):
    group = factories.GroupFactory(name="x")
    data = capture(group)
    data["fields"].update(
        summary=summary, body=body, status=status, ideology=ideology,
        founded_on=founded[0].isoformat() if founded[0] else None, founded_on_precision=founded[1],
    )
    owned = declaration(group).owned_by_name("aliases")
    data["rows"]["aliases"] = sorted(
        ({"name": a, "kind": "other", "language": "", "script": "Latn", "used_from": None,
          "used_from_precision": "", "used_until": None, "used_until_precision": ""}
         for a in aliases),
        key=owned.row_key,
    )
    apply(group, data)
    assert capture(group) == data
