"""What an entry's revision holds, declared once per kind, and how to capture and apply it.

A snapshot is the JSON form of an entry *aggregate*: the entry's own fields, its
many-to-many choices and the rows it owns (aliases, relations, claims, citations …),
each owned row identified by a natural key instead of a database id, so that two
snapshots can be compared and merged row by row. ``Snapshot`` declarations on the models
are the only place that knows which fields and rows these are; capture, apply, diff and
merge all read them.

Shape of the data::

    {"schema": 1, "kind": "group",
     "fields": {"name": "…", "founded_on": "2014-01-01", "founded_on_precision": "circa"},
     "m2m": {"areas": [3, 7]},
     "rows": {"aliases": [{"name": "ISIL", "kind": "acronym", …}, …], …}}

Snapshots written by an older schema still apply: unknown keys are ignored and missing
keys leave the live value alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

SCHEMA_VERSION = 1

# Columns no snapshot carries: ids, the owner link, derived and audit columns.
_NEVER = {"id", "search_name", "search_key", "created_at", "updated_at"}


@dataclass(frozen=True)
class Owned:
    """Rows an entry owns through a reverse foreign key, identified by ``key``."""

    name: str
    key: tuple[str, ...]
    label: str = ""

    def resolve(self, model: type[models.Model]) -> OwnedRows:
        return OwnedRows(self, model._meta.get_field(self.name))


@dataclass(frozen=True)
class OwnedRows:
    """An ``Owned`` declaration bound to its models."""

    decl: Owned
    relation: models.ForeignObjectRel

    @property
    def name(self) -> str:
        return self.decl.name

    @property
    def key(self) -> tuple[str, ...]:
        return self.decl.key

    @property
    def model(self) -> type[models.Model]:
        return self.relation.related_model

    @property
    def owner_field(self) -> str:
        return self.relation.field.name

    @property
    def label(self) -> str:
        return self.decl.label or str(self.model._meta.verbose_name_plural)

    @cached_property
    def fields(self) -> tuple[models.Field, ...]:
        """The row's own columns: everything editable but the id and the owner link."""
        return tuple(
            f for f in self.model._meta.concrete_fields
            if f.editable and f.name not in _NEVER and f.name != self.owner_field
            and f.name not in ("target_type", "target_id")
        )

    @property
    def is_citations(self) -> bool:
        return self.name == "citations"

    def row_key(self, row: dict) -> str:
        """The natural key of a row dict as a string, for indexing and comparison."""
        return json.dumps([row.get(name) for name in self.key], ensure_ascii=False)


@dataclass(frozen=True)
class Snapshot:
    """Which fields, choices and owned rows an entry kind's revisions hold."""

    fields: tuple[str, ...]
    m2m: tuple[str, ...] = ()
    owned: tuple[Owned, ...] = field(default_factory=tuple)

    def bind(self, model: type[models.Model]) -> BoundSnapshot:
        return BoundSnapshot(self, model)


@dataclass(frozen=True)
class BoundSnapshot:
    decl: Snapshot
    model: type[models.Model]

    @cached_property
    def fields(self) -> tuple[models.Field, ...]:
        return tuple(self.model._meta.get_field(name) for name in self.decl.fields)

    @cached_property
    def owned(self) -> tuple[OwnedRows, ...]:
        # Citations come last: they may point at rows of the other collections.
        rows = [o.resolve(self.model) for o in self.decl.owned]
        return tuple(sorted(rows, key=lambda o: o.is_citations))

    def owned_by_name(self, name: str) -> OwnedRows:
        return next(o for o in self.owned if o.name == name)


def declaration(entry_or_model) -> BoundSnapshot:
    model = entry_or_model if isinstance(entry_or_model, type) else type(entry_or_model)
    return model.snapshot.bind(model)


# Values ------------------------------------------------------------------------------


def dump_value(f: models.Field, obj: models.Model):
    """A column's value as JSON: ids for foreign keys, ISO dates, decimals as strings."""
    value = getattr(obj, f.attname)
    return dump_raw(f, value)


def dump_raw(f: models.Field, value):
    if value is None:
        return None
    if f.is_relation:
        return value.pk if isinstance(value, models.Model) else value
    if isinstance(f, models.DecimalField):
        quantum = Decimal(1).scaleb(-f.decimal_places)
        return format(Decimal(str(value)).quantize(quantum), "f")
    if isinstance(f, models.DateField):
        return value.isoformat()
    return value


def load_value(f: models.Field, raw):
    if raw is None:
        return None
    if f.is_relation:
        return raw
    return f.to_python(raw)


# Capture -----------------------------------------------------------------------------


class RowIndex:
    """The owned rows of one entry, findable by database identity and by natural key.

    Citations name the relation they support by collection and key; this index turns
    one into the other without a query per citation.
    """

    def __init__(self):
        self.by_identity: dict[tuple[int, int], list] = {}
        self.by_key: dict[tuple[str, str], models.Model] = {}

    def add(self, owned: OwnedRows, key: str, row: models.Model) -> None:
        content_type = ContentType.objects.get_for_model(row)
        self.by_identity[(content_type.pk, row.pk)] = [owned.name, key]
        self.by_key[(owned.name, key)] = row

    def reference(self, citation) -> list | None:
        if not citation.target_type_id:
            return None
        return self.by_identity.get((citation.target_type_id, citation.target_id))


def capture(entry) -> dict:
    """The snapshot of an entry as its tables hold it now."""
    decl = declaration(entry)
    data = {
        "schema": SCHEMA_VERSION,
        "kind": entry.kind,
        "fields": {f.name: dump_value(f, entry) for f in decl.fields},
        "m2m": {
            name: sorted(getattr(entry, name).values_list("pk", flat=True))
            for name in decl.decl.m2m
        },
        "rows": {},
    }
    index = RowIndex()
    for owned in decl.owned:
        captured = [(row, _capture_row(owned, row, index)) for row in _rows_of(entry, owned)]
        for row, values in captured:
            if not owned.is_citations:
                index.add(owned, owned.row_key(values), row)
        data["rows"][owned.name] = sorted((v for _, v in captured), key=owned.row_key)
    return data


def _rows_of(entry, owned: OwnedRows):
    return getattr(entry, owned.name).all()


def _capture_row(owned: OwnedRows, row, index: RowIndex) -> dict:
    captured = {f.name: dump_value(f, row) for f in owned.fields}
    if owned.is_citations:
        captured["target"] = index.reference(row)
    return captured


# Apply -------------------------------------------------------------------------------


def apply(entry, data: dict, *, validate: bool = True) -> None:
    """Make the entry's tables hold ``data``, validating every row like a form would.

    Raises ``ValidationError`` with the messages of the first invalid row; callers run
    this inside a transaction so that nothing is half-applied.
    """
    decl = declaration(entry)
    fields = data.get("fields", {})
    for f in decl.fields:
        if f.name in fields:
            setattr(entry, f.attname, load_value(f, fields[f.name]))
    if validate:
        entry.full_clean()
    entry.save()

    for name in decl.decl.m2m:
        if name in data.get("m2m", {}):
            getattr(entry, name).set(data["m2m"][name])

    index = RowIndex()
    rows = data.get("rows", {})
    for owned in decl.owned:
        if owned.name in rows:
            _apply_rows(entry, owned, rows[owned.name], index, validate)
        elif not owned.is_citations:
            for row in _rows_of(entry, owned):
                index.add(owned, owned.row_key(_capture_row(owned, row, index)), row)


def _apply_rows(entry, owned: OwnedRows, wanted_rows: list[dict], index: RowIndex, validate):
    existing = {
        owned.row_key(_capture_row(owned, row, index)): row for row in _rows_of(entry, owned)
    }
    wanted = {owned.row_key(row): row for row in wanted_rows}
    for key, row in existing.items():
        if key not in wanted:
            row.delete()
    for key, values in wanted.items():
        row = existing.get(key) or owned.model(**{owned.owner_field: entry})
        for f in owned.fields:
            if f.name in values:
                setattr(row, f.attname, load_value(f, values[f.name]))
        if owned.is_citations:
            _set_target(row, values.get("target"), index)
        if validate:
            try:
                row.full_clean()
            except ValidationError as exc:
                raise ValidationError(_row_errors(owned, values, exc)) from exc
        row.save()
        if not owned.is_citations:
            index.add(owned, key, row)


def _set_target(citation, reference, index: RowIndex) -> None:
    if not reference:
        citation.target_type, citation.target_id = None, None
        return
    target = index.by_key.get((reference[0], reference[1]))
    if target is None:
        raise ValidationError(
            {"target_id": "The cited relation is not part of this version of the entry."}
        )
    citation.target_type = ContentType.objects.get_for_model(target)
    citation.target_id = target.pk


def _row_errors(owned: OwnedRows, values: dict, exc: ValidationError) -> dict:
    """Name the row in each message, since a form may show them away from the row."""
    label = ", ".join(str(values.get(name)) for name in owned.key)
    return {
        field_name: [f"{owned.label} ({label}): {message}" for message in messages]
        for field_name, messages in exc.message_dict.items()
    }


def declaration_for_kind(kind: str) -> BoundSnapshot:
    from django.apps import apps

    model = {"group": "Group", "person": "Person", "attack": "Attack"}[kind]
    return declaration(apps.get_model("kb", model))
