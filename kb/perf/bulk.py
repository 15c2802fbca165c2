"""Rows as plain dicts, completed with each model field's default; progress lines.

``bulk_create`` cannot insert the child rows of multi-table inheritance (``Attack`` is an
``Entry``) in bulk, and it builds a model instance per row. Here a row is a dict of
column values keyed by attribute name; ``Table`` fills in each model field's own default,
so a row left short gets what ``Model()`` would have given it, and a required column left
out fails loudly instead of reaching the database as NULL.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
from operator import itemgetter

from django.db import models
from django.utils import timezone

REQUIRED = object()


def peak_memory_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _default(f: models.Field, now: dt.datetime):
    if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
        return now
    if f.has_default():
        return f.get_default()
    if f.null:
        return None
    if f.primary_key:
        return REQUIRED
    if f.empty_strings_allowed and f.blank:
        return ""
    return REQUIRED


class Table:
    """The columns of one model's own table, in order, with each field's default."""

    def __init__(self, model: type[models.Model], now: dt.datetime | None = None):
        now = now or timezone.now()
        self.model = model
        self.name = model._meta.db_table
        fields = list(model._meta.local_concrete_fields)
        self.attnames = [f.attname for f in fields]
        self.columns = [f.column for f in fields]
        self.defaults = {f.attname: _default(f, now) for f in fields}
        self.pk = model._meta.pk.attname
        # JSON travels as text, so one row format serves COPY and executemany alike.
        for f in fields:
            if isinstance(f, models.JSONField) and self.defaults[f.attname] is not REQUIRED:
                self.defaults[f.attname] = json.dumps(self.defaults[f.attname])
        self._getter = itemgetter(*self.attnames)
        # Rows whose id nothing points at leave it to the database's identity column.
        auto = isinstance(model._meta.pk, models.AutoField)
        self.columns_without_pk = [c for c, a in zip(self.columns, self.attnames, strict=True)
                                   if not (auto and a == self.pk)]
        self._getter_without_pk = itemgetter(*[a for a in self.attnames
                                               if not (auto and a == self.pk)])

    def values(self, row: dict, with_pk: bool = True) -> tuple:
        merged = {**self.defaults, **row}
        values = (self._getter if with_pk else self._getter_without_pk)(merged)
        if REQUIRED in values:
            missing = [a for a in self.attnames if merged[a] is REQUIRED]
            raise ValueError(f"{self.name}: no value for {', '.join(missing)}")
        return values


class Progress:
    """One line per step on ``stream``, with rows per second and peak memory."""

    def __init__(self, stream=None, quiet: bool = False):
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.started = time.perf_counter()
        self.rows: dict[str, int] = {}

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def count(self, table: str, n: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + n

    def say(self, message: str) -> None:
        if self.quiet:
            return
        rate = self.total_rows / self.elapsed if self.elapsed else 0.0
        self.stream.write(
            f"[{self.elapsed:6.1f} s] {message:<44} {self.total_rows:>11,} rows "
            f"{rate:>9,.0f} rows/s  peak {peak_memory_mb():,.0f} MB\n"
        )
        self.stream.flush()
