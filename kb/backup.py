"""Logical backups of the whole knowledge base, portable between SQLite and PostgreSQL.

A backup is a gzip-compressed file of JSON lines:

* a header: format name and version, when and from which database vendor it was made,
  whether password hashes are included, and the applied migrations (the schema state);
* content types, permissions and roles (auth groups) by natural key, because their
  primary keys differ from one database to the next;
* one section per table of the project's apps (``kb``, ``accounts``, ``spam`` ...) and
  the admin history: a ``{"table": ..., "columns": [...]}`` line, then one JSON array per
  row, ordered by primary key, with primary keys kept as they are;
* a trailer with the row count of every section, so a truncated file is refused.

Everything is read in one transaction (REPEATABLE READ on PostgreSQL) and streamed in
batches, so the copy is consistent and memory stays flat however large the tables are.
Restoring writes raw rows (no ``save()``, no signals) into an empty, migrated database
of the same schema, in one transaction, and resets the primary-key sequences after.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import gzip
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.duration import duration_iso_string

FORMAT = "kb-backup"
VERSION = 1
BATCH = 500  # rows per fetch and per insert: revisions carry whole snapshots
# Tables outside the project's apps that are part of its record.
EXTRA_MODELS = ("admin.LogEntry",)
# Rows in any of these mean the database holds real data and must not be restored over.
# Other tables may hold rows the migrations seeded (GTD categories, roles); those are
# replaced by the backup's.
CONTENT_MODELS = (settings.AUTH_USER_MODEL, "kb.Entry", "kb.Source", "kb.Place", "kb.Comment")
NATURAL = {ContentType: "contenttypes", Permission: "permissions", AuthGroup: "roles"}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says what to do."""


# Which tables ----------------------------------------------------------------------------


def backed_up_models() -> list[type[models.Model]]:
    """Every concrete table of the project's own apps (many-to-many tables included)."""
    base = Path(settings.BASE_DIR).resolve()
    chosen = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if base not in path.parents or ".venv" in path.parts:
            continue
        chosen += [
            model for model in config.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        ]
    return chosen + [apps.get_model(label) for label in EXTRA_MODELS]


def _columns(model) -> list[models.Field]:
    return [field for field in model._meta.local_concrete_fields if not field.generated]


def _label(model) -> str:
    return model._meta.label_lower


# Values ---------------------------------------------------------------------------------


def _encode(value):
    """JSON for what a column holds; restored through the field's own ``to_python``."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.timedelta):
        return duration_iso_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"Cannot back up a value of type {type(value).__name__}")


def _dumps(value, sort_keys: bool = False) -> str:
    return json.dumps(
        value, default=_encode, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys
    )


# Writing -------------------------------------------------------------------------------


@contextmanager
def _snapshot(using: str):
    """One read transaction; REPEATABLE READ on PostgreSQL so every table is of one moment."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def applied_migrations(using: str = "default") -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(applied.items())}


def write_backup(stream, *, with_password_hashes: bool = False, using: str = "default",
                 progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Write a backup to a binary ``stream``; return the row count of every section."""
    counts: dict[str, int] = {}
    user_label = _label(apps.get_model(settings.AUTH_USER_MODEL))
    with gzip.GzipFile(fileobj=stream, mode="wb", compresslevel=6) as gz, _snapshot(using):
        def line(value):
            gz.write(_dumps(value).encode("utf-8") + b"\n")

        line({
            "format": FORMAT, "version": VERSION, "created_at": timezone.now(),
            "vendor": connections[using].vendor, "password_hashes": with_password_hashes,
            "migrations": applied_migrations(using),
        })
        for name, rows in _natural_sections(using):
            line({"natural": name})
            counts[name] = 0
            for row in rows:
                line(row)
                counts[name] += 1
        for model in backed_up_models():
            label, columns = _label(model), _columns(model)
            names = [field.attname for field in columns]
            line({"table": label, "columns": [field.column for field in columns]})
            hiding = label == user_label and not with_password_hashes
            hide = names.index("password") if hiding else None
            rows = model._base_manager.using(using).order_by("pk").values_list(*names)
            counts[label] = 0
            for row in rows.iterator(chunk_size=BATCH):
                if hide is not None:
                    row = (*row[:hide], "", *row[hide + 1:])
                line(row)
                counts[label] += 1
            if progress:
                progress(label, counts[label])
        line({"end": counts})
    return counts


def _natural_sections(using: str) -> Iterator[tuple[str, Iterator[list]]]:
    content_types = ContentType.objects.using(using).order_by("pk")
    yield "contenttypes", ([ct.pk, ct.app_label, ct.model] for ct in content_types.iterator())
    permissions = Permission.objects.using(using).select_related("content_type").order_by("pk")
    yield "permissions", (
        [p.pk, p.content_type.app_label, p.content_type.model, p.codename, p.name]
        for p in permissions.iterator(chunk_size=BATCH)
    )
    roles = AuthGroup.objects.using(using).order_by("pk").prefetch_related(
        models.Prefetch("permissions", Permission.objects.select_related("content_type"))
    )
    yield "roles", (
        [role.pk, role.name, sorted(
            [p.content_type.app_label, p.content_type.model, p.codename]
            for p in role.permissions.all()
        )]
        for role in roles
    )


# Checksums -----------------------------------------------------------------------------


def checksums(using: str = "default", ignore: frozenset[str] = frozenset()) -> dict[str, str]:
    """A SHA-256 of every backed-up table, all columns, rows by primary key.

    References to content types, permissions and roles count by natural key, so two
    databases holding the same knowledge base agree although those keys differ.
    ``ignore`` names columns to leave out, as ``"accounts.user.password"``.
    """
    keys = _natural_keys(using)
    result = {}
    for name, mapping in keys.items():
        result[name] = hashlib.sha256(_dumps(sorted(mapping.values())).encode()).hexdigest()
    for model in backed_up_models():
        label, digest = _label(model), hashlib.sha256()
        columns = [f for f in _columns(model) if f"{label}.{f.attname}" not in ignore]
        natural = [keys.get(NATURAL.get(f.related_model, ""), None) for f in columns]
        rows = model._base_manager.using(using).order_by("pk")
        for row in rows.values_list(*[f.attname for f in columns]).iterator(chunk_size=BATCH):
            row = [
                m[v] if m is not None and v is not None else v
                for v, m in zip(row, natural, strict=True)
            ]
            # Sorted keys: PostgreSQL's jsonb keeps its own key order.
            digest.update(_dumps(row, sort_keys=True).encode() + b"\n")
        result[label] = digest.hexdigest()
    return result


def _natural_keys(using: str) -> dict[str, dict[int, str]]:
    keys: dict[str, dict[int, str]] = {}
    for name, rows in _natural_sections(using):
        keys[name] = {row[0]: _dumps(row[1:]) for row in rows}
    return keys


# Restoring -----------------------------------------------------------------------------


def read_backup(stream, *, using: str = "default",
                progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Load a backup from a binary ``stream`` into an empty, migrated database.

    Raises ``BackupError``, with nothing written, when the file is not a backup, is
    damaged or truncated, was made at another schema, or the database holds data.
    """
    connection = connections[using]
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as gz:
            lines = (json.loads(raw) for raw in gz)
            header = next(lines, None)
            _check_header(header, using)
            with transaction.atomic(using=using):
                if connection.vendor == "postgresql":
                    # Rows arrive table by table; references are checked once all are in.
                    with connection.cursor() as cursor:
                        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
                loader = _Loader(header, using, progress)
                loader.clear_seeded_tables()
                counts = loader.load(lines)
                connection.check_constraints()
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), loader.models):
                        cursor.execute(sql)
    except (OSError, EOFError, ValueError) as error:
        raise BackupError(f"This file is not a readable backup, or it is damaged: {error}") \
            from error
    return counts


def _check_header(header, using: str) -> None:
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("This file is not a backup made by `manage.py backup`.")
    if header.get("version") != VERSION:
        raise BackupError(
            f"This backup is in format version {header.get('version')}; this code reads "
            f"version {VERSION}. Restore it with the version of the code that made it."
        )
    here = applied_migrations(using)
    relevant = {model._meta.app_label for model in backed_up_models()} | {"auth", "contenttypes"}
    differences = []
    for app_label in sorted(relevant):
        theirs, ours = set(header["migrations"].get(app_label, [])), set(here.get(app_label, []))
        if theirs - ours:
            names = ", ".join(sorted(theirs - ours))
            differences.append(f"{app_label} {names} applied in the backup, not here")
        if ours - theirs:
            names = ", ".join(sorted(ours - theirs))
            differences.append(f"{app_label} {names} applied here, not in the backup")
    if differences:
        raise BackupError(
            "The backup was made at another schema than this database's ("
            + "; ".join(differences) + "). Restore into a database migrated by the version "
            "of the code that made the backup, then run `manage.py migrate`."
        )


class _Loader:
    """Reads sections one after the other and writes their rows in batches."""

    def __init__(self, header: dict, using: str, progress):
        self.header, self.using, self.progress = header, using, progress
        self.connection = connections[using]
        self.maps: dict[str, dict] = {name: {} for name in NATURAL.values()}
        self.models: list[type[models.Model]] = []
        self.tables: dict[str, tuple[type[models.Model], list[models.Field]]] = {}
        self.permission_keys: dict[tuple[str, str, str], int] = {}
        self.user_label = _label(apps.get_model(settings.AUTH_USER_MODEL))

    def clear_seeded_tables(self) -> None:
        """Refuse a database holding data; empty the tables its migrations seeded."""
        for label in CONTENT_MODELS:
            count = apps.get_model(label)._base_manager.using(self.using).count()
            if count:
                raise BackupError(
                    f"The database is not empty ({count} rows in {label}). Restore into a new "
                    "database: create it, run `manage.py migrate`, then `manage.py restore`."
                )
        for model in reversed(backed_up_models()):
            model._base_manager.using(self.using).all().delete()

    def load(self, lines) -> dict[str, int]:
        counts: dict[str, int] = {}
        name, rows, trailer = None, [], None
        for item in lines:
            if isinstance(item, list):
                if name is None:
                    raise BackupError("The backup file is damaged: a row precedes any table.")
                rows.append(item)
                counts[name] += 1
                if len(rows) >= BATCH and name in self.tables:
                    self._insert(name, rows)
                    rows = []
                continue
            if name is not None:
                self._finish(name, rows, counts[name])
                rows = []
            if "end" in item:
                trailer = item["end"]
                break
            name = item.get("natural") or self._start_table(item["table"], item["columns"])
            counts[name] = 0
        if trailer is None:
            raise BackupError("The backup file is truncated: it has no trailer.")
        if trailer != counts:
            raise BackupError("The backup file is damaged: its row counts do not match.")
        return counts

    def _start_table(self, label: str, columns: list[str]) -> str:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise BackupError(f"The backup holds a table this code does not know: {label}.") \
                from error
        fields = {field.column: field for field in _columns(model)}
        if set(columns) != set(fields):
            raise BackupError(f"The columns of {label} in the backup differ from this schema's.")
        ordered = [fields[column] for column in columns]
        self.tables[label] = (model, ordered)
        self.models.append(model)
        return label

    def _finish(self, name: str, rows: list, count: int) -> None:
        if name in self.tables:
            if rows:
                self._insert(name, rows)
            if self.progress:
                self.progress(name, count)
        else:
            self._load_natural(name, rows)

    def _insert(self, label: str, rows: list[list]) -> None:
        model, fields = self.tables[label]
        connection, quote = self.connection, self.connection.ops.quote_name
        converters = [self._converter(label, field) for field in fields]
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields),
            ", ".join(["%s"] * len(fields)),
        )
        params = [
            [convert(value) for convert, value in zip(converters, row, strict=True)]
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)

    def _converter(self, label: str, field):
        connection = self.connection
        mapping = self.maps.get(NATURAL.get(field.related_model, ""))
        hashes = self.header.get("password_hashes")
        if (label, field.attname) == (self.user_label, "password") and not hashes:
            return lambda value: make_password(None)

        def convert(value):
            if value is None:
                return None
            if mapping is not None:
                value = mapping[value]
            return field.get_db_prep_save(field.to_python(value), connection)

        return convert

    def _load_natural(self, name: str, rows: list[list]) -> None:
        """Match content types, permissions and roles by natural key; create what is missing."""
        db = self.using
        if name == "contenttypes":
            for old, app_label, model in rows:
                content_type, _ = ContentType.objects.using(db).get_or_create(
                    app_label=app_label, model=model
                )
                self.maps[name][old] = content_type.pk
        elif name == "permissions":
            known = {
                (p.content_type.app_label, p.content_type.model, p.codename): p.pk
                for p in Permission.objects.using(db).select_related("content_type")
            }
            for old, app_label, model, codename, title in rows:
                key = (app_label, model, codename)
                if key not in known:
                    content_type = ContentType.objects.using(db).get_by_natural_key(*key[:2])
                    known[key] = Permission.objects.using(db).create(
                        content_type=content_type, codename=codename, name=title
                    ).pk
                self.maps[name][old] = known[key]
            self.permission_keys = known
        elif name == "roles":
            for old, role_name, permissions in rows:
                role, _ = AuthGroup.objects.using(db).get_or_create(name=role_name)
                role.permissions.set([self.permission_keys[tuple(p)] for p in permissions])
                self.maps[name][old] = role.pk
        else:
            raise BackupError(f"The backup holds an unknown section: {name}.")
