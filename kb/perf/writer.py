"""Writing many rows fast: ``COPY`` on PostgreSQL, ``executemany`` on SQLite.

Ids are allocated up front from each table's identity sequence, so parents, children
and rows that point at each other can be written in any order inside one transaction:
the project's foreign keys are ``DEFERRABLE INITIALLY DEFERRED`` and are checked when
the batch commits.

On PostgreSQL the rows of a batch are formatted into ``COPY`` text in the calling thread
and handed to a second thread that streams them to the server and commits. Python
builds batch n+1 on one core while PostgreSQL parses and indexes batch n on the other,
so a load takes about as long as the slower of the two rather than their sum. Inside an
enclosing transaction (the test suite's), everything runs synchronously on the caller's
connection instead.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import queue
import threading

from django.db import DatabaseError, connections, models, transaction
from django.utils import timezone
from psycopg.copy import Copy, FileWriter

from kb.perf.bulk import Progress, Table

ID_BLOCK = 20_000
QUEUED_BATCHES = 2


class Writer:
    """Allocates ids and writes rows, batch by batch, each batch one transaction."""

    def __init__(self, connection, progress: Progress):
        self.connection = connection
        self.alias = connection.alias
        self.vendor = connection.vendor
        self.progress = progress
        self.tables: dict[type[models.Model], Table] = {}
        self.now = timezone.now()
        self._blocks: dict[str, tuple[int, int]] = {}
        self._sqlite_next: dict[str, int] = {}
        self._pending: list[tuple[str, bytes]] | None = None
        self._thread: threading.Thread | None = None
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUED_BATCHES)
        self._error: BaseException | None = None
        self.server_cpu_seconds: float | None = None
        self.triggers_disabled = False
        self.threaded = self.vendor == "postgresql" and not connection.in_atomic_block

    def table(self, model: type[models.Model]) -> Table:
        if model not in self.tables:
            self.tables[model] = Table(model, self.now)
        return self.tables[model]

    # Ids ------------------------------------------------------------------------

    def allocate(self, model: type[models.Model], n: int) -> range:
        """``n`` fresh, consecutive ids for ``model``'s table.

        Ids are reserved from the table's sequence in blocks, so allocating the id of
        one claim costs no round trip; the unused end of a block is a gap, as a rolled
        back insert leaves.
        """
        table = self.table(model)
        start, stop = self._blocks.get(table.name, (0, 0))
        if stop - start < n:
            start, stop = self._reserve(table, max(n, ID_BLOCK))
        self._blocks[table.name] = (start + n, stop)
        return range(start, start + n)

    def _reserve(self, table: Table, n: int) -> tuple[int, int]:
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table.name, table.pk])
                sequence = cursor.fetchone()[0]
                cursor.execute("SELECT nextval(%s)", [sequence])
                first = cursor.fetchone()[0]
                cursor.execute("SELECT setval(%s, %s)", [sequence, first + n - 1])
                return first, first + n
            first = self._sqlite_next.get(table.name)
            if first is None:
                quoted = self.connection.ops.quote_name(table.name)
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quoted}")
                first = cursor.fetchone()[0]
            self._sqlite_next[table.name] = first + n
            return first, first + n

    # Rows -----------------------------------------------------------------------

    def batch(self):
        """Rows written inside this block commit together."""
        if self.vendor != "postgresql":
            return transaction.atomic(using=self.alias)
        return _Batch(self)

    def write(self, model: type[models.Model], rows: list[dict]) -> None:
        table = self.table(model)
        with_ids = [r for r in rows if table.pk in r]
        if len(with_ids) not in (0, len(rows)):
            self._write(table, with_ids, True)
            self._write(table, [r for r in rows if table.pk not in r], False)
        elif rows:
            self._write(table, rows, bool(with_ids))

    def _write(self, table: Table, rows: list[dict], with_pk: bool) -> None:
        quote = self.connection.ops.quote_name
        names = table.columns if with_pk else table.columns_without_pk
        columns = ", ".join(quote(c) for c in names)
        if self.vendor == "postgresql":
            buffer = io.BytesIO()
            with self.connection.cursor() as cursor, Copy(
                cursor.cursor, binary=False, writer=FileWriter(buffer)
            ) as copy:
                for row in rows:
                    copy.write_row(table.values(row, with_pk))
            item = (f"COPY {quote(table.name)} ({columns}) FROM STDIN", buffer.getvalue())
            if self._pending is None:
                self._submit([item])
            else:
                self._pending.append(item)
        else:
            marks = ", ".join(["%s"] * len(names))
            sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"
            adapt = self.connection.ops.adapt_datetimefield_value
            values = [
                tuple(adapt(v) if isinstance(v, dt.datetime) else v
                      for v in table.values(row, with_pk))
                for row in rows
            ]
            with self.connection.cursor() as cursor:
                cursor.executemany(sql, values)
        self.progress.count(table.name, len(rows))

    # PostgreSQL batches -----------------------------------------------------------

    def _submit(self, items: list[tuple[str, bytes]]) -> None:
        if not self.threaded:
            self._copy(self.connection, items)
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="kb-copy", daemon=True)
            self._thread.start()
        self._raise_if_failed()
        self._queue.put(items)

    def _copy(self, connection, items) -> None:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for sql, data in items:
                with cursor.cursor.copy(sql) as copy:
                    copy.write(data)

    def _work(self) -> None:
        connection = connections[self.alias]
        backend = None
        try:
            backend = self._prepare(connection)
        except BaseException as exc:  # re-raised in the generating thread
            self._error = exc
        try:
            # Keeps taking batches after an error, so the generating thread never blocks
            # on a full queue; it raises the error at its next batch.
            while (items := self._queue.get()) is not None:
                if self._error is None:
                    try:
                        self._copy(connection, items)
                    except BaseException as exc:
                        self._error = exc
        finally:
            self.server_cpu_seconds = _process_cpu_seconds(backend) if backend else None
            connection.close()

    def _prepare(self, connection) -> int:
        """Session settings for the load; returns the server process id."""
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
            # lz4 compresses the large revision snapshots several times faster than the
            # default pglz; values of either kind read back transparently.
            cursor.execute("SET default_toast_compression TO 'lz4'")
        self.triggers_disabled = _disable_triggers(connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            return cursor.fetchone()[0]

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def close(self) -> None:
        """Wait for every batch to be committed; raise the first error of the thread."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        self._raise_if_failed()

    def finish(self) -> None:
        """Wait for the last batch, check the references the triggers skipped, ANALYZE."""
        self.close()
        if self.triggers_disabled:
            tables = sorted(t.name for t in self.tables.values())
            broken = verify_references(self.connection, tables)
            if broken:
                raise DatabaseError("Broken references in the generated data: " + "; ".join(broken))
            self.progress.say("checked every foreign key")
        with self.connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _disable_triggers(connection) -> bool:
    """Skip the per-row foreign-key triggers, as ``pg_restore --disable-triggers`` does.

    Checking each of millions of references row by row at commit costs about 40 % of the
    server's work; ``verify_references`` checks them all afterwards with one anti-join
    per foreign key instead. Only a superuser may do this; others keep the triggers.
    """
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
    except DatabaseError:
        return False
    return True


def verify_references(connection, tables: list[str]) -> list[str]:
    """Every foreign key of ``tables`` whose column names a row that does not exist."""
    broken = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, f.attname
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(%s)
            """,
            [tables],
        )
        for child, column, parent, key in cursor.fetchall():
            cursor.execute(
                f"SELECT count(*) FROM {quote(child)} c WHERE c.{quote(column)} IS NOT NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {quote(parent)} p "
                f"WHERE p.{quote(key)} = c.{quote(column)})"
            )
            missing = cursor.fetchone()[0]
            if missing:
                broken.append(f"{child}.{column}: {missing:,} rows name no {parent}")
    return broken


def _process_cpu_seconds(pid: int) -> float | None:
    """CPU time a local process has used (Linux), to tell load from machine noise."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


class _Batch:
    """Collects the ``COPY`` data of a batch; an inner batch joins the outer one."""

    def __init__(self, writer: Writer):
        self.writer = writer
        self.outermost = False

    def __enter__(self):
        if self.writer._pending is None:
            self.writer._pending = []
            self.outermost = True

    def __exit__(self, exc_type, exc, tb):
        if not self.outermost:
            return
        items, self.writer._pending = self.writer._pending, None
        if exc_type is None and items:
            self.writer._submit(items)
