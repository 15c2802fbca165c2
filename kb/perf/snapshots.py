"""Revision data for generated entries, in exactly the shape ``snapshot.capture`` writes.

Capturing 230,000 entries through the ORM would take longer than generating them, so the
snapshot is built from the same row dicts that are written to the tables, reading the
models' ``Snapshot`` declarations (which fields, which owned rows, which natural keys).
The test suite checks the result against ``capture()`` of the generated entries, so the
revisions that approval, diffs and merges read are real snapshots.

The approved history of an entry differs only in its summary, which grew word by word:
one JSON encoding per entry then serves every revision, with the summary spliced in.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.db import models

from kb.editorial.snapshot import SCHEMA_VERSION, declaration

_SUMMARY_MARK = "\x00summary\x00"
COMPACT = (",", ":")  # jsonb keeps no whitespace; sending none saves parsing it


def _converter(f: models.Field):
    if f.is_relation:
        return None
    if isinstance(f, models.DecimalField):
        quantum = Decimal(1).scaleb(-f.decimal_places)
        return lambda v: None if v is None else format(Decimal(str(v)).quantize(quantum), "f")
    if isinstance(f, models.DateField):
        return lambda v: None if v is None else v.isoformat()
    return None


def _specs(fields, defaults: dict) -> list[tuple]:
    return [(f.name, f.attname, _converter(f), defaults.get(f.attname)) for f in fields]


def _dump(specs, values: dict) -> dict:
    out = {}
    for name, attname, convert, default in specs:
        value = values.get(attname, default)
        out[name] = convert(value) if convert else value
    return out


class SnapshotMaker:
    """Builds the snapshot of one kind of entry from its generated rows."""

    def __init__(self, model: type[models.Model], writer):
        from kb.models import Entry

        decl = declaration(model)
        self.kind = model._entry_kind
        defaults = {**writer.table(Entry).defaults, **writer.table(model).defaults}
        self.fields = _specs(decl.fields, defaults)
        self.m2m = decl.decl.m2m
        self.owned = []
        for owned in decl.owned:
            row_defaults = writer.table(owned.model).defaults
            self.owned.append((owned, _specs(owned.fields, row_defaults)))

    def make(self, values: dict, m2m: dict, rows: dict) -> dict:
        """The snapshot of an entry whose own columns are ``values``.

        ``rows`` maps an owned collection's name to its row dicts; a citation row may
        carry ``_target = (collection name, row dict)`` naming the relation it supports.
        """
        dumped_rows: dict[str, list] = {}
        dumped_by_id: dict[int, tuple] = {}
        for owned, specs in self.owned:
            out = []
            for row in rows.get(owned.name, ()):
                dumped = _dump(specs, row)
                if owned.is_citations:
                    target = row.get("_target")
                    if target:
                        relation, relation_row = dumped_by_id[id(target[1])]
                        dumped["target"] = [target[0], relation.row_key(relation_row)]
                    else:
                        dumped["target"] = None
                else:
                    dumped_by_id[id(row)] = (owned, dumped)
                out.append(dumped)
            if len(out) > 1:
                out.sort(key=owned.row_key)
            dumped_rows[owned.name] = out
        return {
            "schema": SCHEMA_VERSION,
            "kind": self.kind,
            "fields": _dump(self.fields, values),
            "m2m": {name: sorted(m2m.get(name, ())) for name in self.m2m},
            "rows": dumped_rows,
        }


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=COMPACT)


class SummaryTemplate:
    """One JSON encoding of a snapshot, reused for versions that differ in the summary."""

    def __init__(self, data: dict):
        summary = data["fields"]["summary"]
        marked = {**data, "fields": {**data["fields"], "summary": _SUMMARY_MARK}}
        self.before, self.after = to_json(marked).split(
            json.dumps(_SUMMARY_MARK), 1
        )
        # JSON escaping never produces a space, so the escaped text splits into words.
        self.words = json.dumps(summary, ensure_ascii=False)[1:-1].split(" ")

    def version(self, steps_back: int) -> str:
        """The snapshot as it stood ``steps_back`` edits ago, as JSON text."""
        words = self.words
        if steps_back > 0:
            keep = max(3, len(words) - steps_back % max(1, len(words) - 3))
            words = words[:keep]
        return f'{self.before}"{" ".join(words)}"{self.after}'
