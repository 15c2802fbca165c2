"""Field-by-field comparison of two snapshots, readable by a reviewer.

Long texts are compared line by line first and word by word only inside the lines that
changed, so a 50,000-word profile with one edited paragraph costs one paragraph's worth
of word diffing. Ids are shown as names (one query per related model).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kb.editorial.snapshot import declaration_for_kind
from kb.partial_dates import PartialDate

_WORDS = re.compile(r"\s+|[^\s]+")
CACHE_SECONDS = 24 * 3600


@dataclass
class FieldChange:
    name: str
    label: str
    old: object
    new: object
    html: SafeString = field(default_factory=lambda: mark_safe(""))


@dataclass
class RowChange:
    state: str  # "added", "removed" or "changed"
    label: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class CollectionChanges:
    name: str
    label: str
    rows: list[RowChange]


@dataclass
class Diff:
    fields: list[FieldChange]
    collections: list[CollectionChanges]

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.collections


def text_diff_html(old: str, new: str) -> SafeString:
    """``<del>``/``<ins>`` markup of the change from old to new text, escaped."""
    old_lines, new_lines = (old or "").splitlines(True), (new or "").splitlines(True)
    out = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(old_lines[i1:i2])))
        elif op == "replace":
            out.append(_word_diff("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])))
        elif op == "delete":
            out.append(f"<del>{escape(''.join(old_lines[i1:i2]))}</del>")
        else:
            out.append(f"<ins>{escape(''.join(new_lines[j1:j2]))}</ins>")
    return mark_safe("".join(out))  # every piece is escaped above


def _word_diff(old: str, new: str) -> str:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


class Labels:
    """Display names for the ids a snapshot holds, fetched in one query per model."""

    def __init__(self):
        self.wanted: dict[type, set] = {}
        self.names: dict[tuple[type, object], str] = {}

    def want(self, f, value):
        if f is not None and f.is_relation and value is not None:
            self.wanted.setdefault(f.related_model, set()).add(value)

    def fetch(self):
        for model, ids in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=ids):
                self.names[(model, obj.pk)] = str(obj)

    def show(self, f, value) -> str:
        if value is None or value == "":
            return "—"
        if f is not None and f.is_relation:
            return self.names.get((f.related_model, value), f"#{value} (deleted)")
        if f is not None and f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)


def diff(old: dict, new: dict) -> Diff:
    """What changed from ``old`` to ``new`` (cached: snapshots are compared often)."""
    key = "kb:diff:" + hashlib.sha1(
        json.dumps([old, new], sort_keys=True, default=str).encode()
    ).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = _diff(old, new)
        cache.set(key, cached, CACHE_SECONDS)
    return cached


def _diff(old: dict, new: dict) -> Diff:
    kind = new.get("kind") or old.get("kind")
    decl = declaration_for_kind(kind)
    model = decl.model
    labels = Labels()
    field_pairs = []
    dates = []
    for name in decl.decl.fields:
        a, b = old.get("fields", {}).get(name), new.get("fields", {}).get(name)
        if f"{name}_precision" in decl.decl.fields:
            dates.append(name)
            continue
        if name.endswith("_precision") and name[: -len("_precision")] in decl.decl.fields:
            continue
        if a != b:
            f = model._meta.get_field(name)
            labels.want(f, a)
            labels.want(f, b)
            field_pairs.append((f, a, b))
    m2m_pairs = []
    for name in decl.decl.m2m:
        a, b = old.get("m2m", {}).get(name, []), new.get("m2m", {}).get(name, [])
        if sorted(a) != sorted(b):
            f = model._meta.get_field(name)
            for value in [*a, *b]:
                labels.want(f, value)
            m2m_pairs.append((f, a, b))

    row_sets = []
    for owned in decl.owned:
        a_rows = {owned.row_key(r): r for r in old.get("rows", {}).get(owned.name, [])}
        b_rows = {owned.row_key(r): r for r in new.get("rows", {}).get(owned.name, [])}
        changed = [k for k in sorted(set(a_rows) | set(b_rows)) if a_rows.get(k) != b_rows.get(k)]
        if not changed:
            continue
        columns = {f.name: f for f in owned.fields}
        for k in changed:
            for row in (a_rows.get(k), b_rows.get(k)):
                for name, value in (row or {}).items():
                    labels.want(columns.get(name), value)
        row_sets.append((owned, columns, a_rows, b_rows, changed))

    labels.fetch()
    fields = [_field_change(f, a, b, labels) for f, a, b in field_pairs]
    for name in dates:
        shown_a, shown_b = _partial_date(old, name), _partial_date(new, name)
        if shown_a != shown_b:
            label = str(model._meta.get_field(name).verbose_name).capitalize()
            fields.append(FieldChange(name, label, shown_a, shown_b, _value_html(shown_a, shown_b)))
    for f, a, b in m2m_pairs:
        shown_a = ", ".join(sorted(labels.show(f, v) for v in a)) or "—"
        shown_b = ", ".join(sorted(labels.show(f, v) for v in b)) or "—"
        fields.append(
            FieldChange(f.name, str(f.verbose_name).capitalize(), shown_a, shown_b,
                        _value_html(shown_a, shown_b))
        )
    collections = [
        CollectionChanges(owned.name, owned.label.capitalize(),
                          [_row_change(owned, columns, a_rows.get(k), b_rows.get(k), labels)
                           for k in changed])
        for owned, columns, a_rows, b_rows, changed in row_sets
    ]
    return Diff(fields, collections)


def _partial_date(snapshot: dict, name: str) -> str:
    """A date and its precision shown together, as readers see them ("c. 2014")."""
    fields = snapshot.get("fields", {})
    raw, precision = fields.get(name), fields.get(f"{name}_precision")
    if not raw:
        return "—"
    try:
        return str(PartialDate(dt.date.fromisoformat(raw), precision))
    except (TypeError, ValueError):
        return f"{raw} ({precision or 'no precision'})"


def _field_change(f, a, b, labels: Labels) -> FieldChange:
    label = str(f.verbose_name).capitalize()
    if isinstance(a or b, str) and not f.choices and not f.is_relation and _is_text(f):
        return FieldChange(f.name, label, a, b, text_diff_html(a or "", b or ""))
    shown_a, shown_b = labels.show(f, a), labels.show(f, b)
    return FieldChange(f.name, label, shown_a, shown_b, _value_html(shown_a, shown_b))


def _is_text(f) -> bool:
    return f.get_internal_type() in ("TextField", "CharField")


def _value_html(a: str, b: str) -> SafeString:
    return mark_safe(f"<del>{escape(a)}</del> <ins>{escape(b)}</ins>")


def _row_label(owned, columns, row: dict, labels: Labels) -> str:
    parts = []
    for name in owned.key:
        if name == "target":
            continue
        shown = labels.show(columns.get(name), row.get(name))
        if shown != "—":
            parts.append(shown)
    return " · ".join(parts) or "(row)"


def _row_change(owned, columns, a: dict | None, b: dict | None, labels: Labels) -> RowChange:
    if a is None:
        return RowChange("added", _row_label(owned, columns, b, labels),
                         _row_fields(columns, {}, b, labels))
    if b is None:
        return RowChange("removed", _row_label(owned, columns, a, labels),
                         _row_fields(columns, a, {}, labels))
    return RowChange("changed", _row_label(owned, columns, b, labels),
                     _row_fields(columns, a, b, labels))


def _row_fields(columns, a: dict, b: dict, labels: Labels) -> list[FieldChange]:
    changes = []
    for name in sorted(set(a) | set(b)):
        if a.get(name) == b.get(name) or name == "target":
            continue
        f = columns.get(name)
        if f is None:
            continue
        if a.get(name) in (None, "") and b.get(name) in (None, ""):
            continue
        changes.append(_field_change(f, a.get(name), b.get(name), labels))
    return changes
