"""How BENCHMARK.md's operations are measured: warm up, interleave, repeat, compare.

Each operation contributes ``Case`` objects: a callable doing the work the way the site
does it (an in-process request, a workflow call). A case is run a few times to warm
caches, once more while its SQL is captured, then in rounds that alternate the
application and a *baseline*: the same SQL replayed through the raw DB-API connection,
rows fetched and encoded as JSON. ``ratio = app / baseline`` says how much the
framework, serialisation and templates add to what the database must do, a figure that
survives machine noise where milliseconds do not. Rounds whose medians differ by more
than 10 % mark the figure as noisy.
"""

from __future__ import annotations

import json
import math
import statistics
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

NOISE_LIMIT = 0.10
# Statements that only delimit transactions: not counted as queries. SQLite's atomic()
# issues BEGIN itself; PostgreSQL's driver does so implicitly.
_TRANSACTION_CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


class NotAvailable(Exception):
    """The feature an operation measures does not exist (yet) in this code base."""


class _Rollback(Exception):
    pass


@dataclass
class Target:
    """BENCHMARK.md's target for a case; unset figures are not judged."""

    p50: float | None = None
    p95: float | None = None
    queries: int | None = None
    ratio: float | None = None
    text: str = ""

    def judge(self, result: Result) -> bool | None:
        checks = []
        if self.p50 is not None:
            checks.append(result.p50 <= self.p50)
        if self.p95 is not None:
            checks.append(result.p95 <= self.p95)
        if self.queries is not None:
            checks.append(result.queries <= self.queries)
        if self.ratio is not None and result.ratio is not None:
            checks.append(result.ratio <= self.ratio)
        return all(checks) if checks else None


@dataclass
class Case:
    op: str
    name: str
    run: Callable[[], object]
    target: Target = field(default_factory=Target)
    # Writes are measured inside a transaction that is rolled back, so the data set
    # stays as it was; the baseline replays the same statements the same way.
    rollback: bool = False
    before: Callable[[], None] | None = None
    check: Callable[[object], str | None] | None = None
    # Reads the captured SQL and returns notes ("computes to_tsvector", "COUNT(*)").
    inspect: Callable[[list[str]], list[str]] | None = None
    baseline: bool = True


@dataclass
class Result:
    op: str
    case: str
    p50: float = 0.0
    p95: float = 0.0
    queries: int = 0
    baseline_p50: float | None = None
    baseline_p95: float | None = None
    ratio: float | None = None
    bytes: int | None = None
    spread: float = 0.0
    target: str = ""
    met: bool | None = None
    notes: list[str] = field(default_factory=list)
    na: str | None = None
    error: str | None = None
    sql: list[str] = field(default_factory=list)

    @property
    def noisy(self) -> bool:
        return self.spread > NOISE_LIMIT


@dataclass
class Settings:
    warmup: int = 3
    rounds: int = 5
    iterations: int = 10
    keep_sql: bool = False
    # Seconds one case may take; a slow one gets fewer iterations (noted), so that one
    # 10-second query does not hold the whole run for half an hour.
    budget: float = 30.0


@contextmanager
def _maybe_rollback(enabled: bool):
    if not enabled:
        yield
        return
    try:
        with transaction.atomic():
            yield
            raise _Rollback
    except _Rollback:
        pass


def _timed(case: Case) -> tuple[float, object]:
    if case.before:
        case.before()
    with _maybe_rollback(case.rollback):
        started = time.perf_counter()
        outcome = case.run()
        elapsed = time.perf_counter() - started
    return elapsed * 1000, outcome


class Replay:
    """The captured SQL, replayed on the raw connection with rows encoded as JSON.

    The transaction's own BEGIN / COMMIT / ROLLBACK are dropped; statements that need a
    transaction (savepoints, writes to undo) run inside one that is rolled back.
    """

    def __init__(self, statements: list[str], rollback: bool):
        self.statements = [s for s in statements if s not in ("BEGIN", "COMMIT", "ROLLBACK")]
        self.wrap = rollback or any(s.startswith(_TRANSACTION_CONTROL) for s in self.statements)

    def __call__(self) -> float:
        connection.ensure_connection()
        # Inside an enclosing transaction (a test's), a savepoint stands in for BEGIN.
        nested = connection.in_atomic_block
        begin, end = (("SAVEPOINT kb_replay", "ROLLBACK TO SAVEPOINT kb_replay")
                      if nested else ("BEGIN", "ROLLBACK"))
        cursor = connection.connection.cursor()
        try:
            if self.wrap:
                cursor.execute(begin)
            started = time.perf_counter()
            for sql in self.statements:
                cursor.execute(sql)
                if cursor.description is not None:
                    json.dumps(cursor.fetchall(), default=str)
            elapsed = time.perf_counter() - started
        finally:
            if self.wrap:
                cursor.execute(end)
                if nested:
                    cursor.execute("RELEASE SAVEPOINT kb_replay")
            cursor.close()
        return elapsed * 1000


class _TemplateQueries:
    """Counts the queries run from inside template rendering (lazy querysets, tags)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        if any("/django/template/" in frame.filename for frame in traceback.extract_stack()):
            self.count += 1
        return execute(sql, params, many, context)


def _percentile(samples: list[float], share: float) -> float:
    """The nearest-rank percentile: no interpolation between two measured values."""
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))]


def _size(outcome) -> int | None:
    content = getattr(outcome, "content", None)
    return len(content) if isinstance(content, bytes) else None


def measure(case: Case, settings: Settings) -> Result:
    result = Result(op=case.op, case=case.name, target=case.target.text)
    try:
        for _ in range(settings.warmup):
            _timed(case)
        started = time.perf_counter()
        from_templates = _TemplateQueries()
        with CaptureQueriesContext(connection) as captured, \
                connection.execute_wrapper(from_templates):
            _, outcome = _timed(case)
        problem = case.check(outcome) if case.check else None
        if problem:
            result.error = problem
            return result
        result.bytes = _size(outcome)
        statements = [q["sql"] for q in captured.captured_queries if q["sql"]]
        work = [s for s in statements
                if not s.startswith(_TRANSACTION_CONTROL) and s not in ("COMMIT", "ROLLBACK")]
        result.queries = len(work)
        if from_templates.count:
            result.notes.append(f"{from_templates.count} queries while rendering templates")
        if case.inspect:
            result.notes += case.inspect(work)
        if settings.keep_sql:
            result.sql = work
        replay = Replay(statements, case.rollback) if case.baseline and work else None
        once = time.perf_counter() - started
        _rounds(case, replay, _within_budget(settings, once, result), result)
    except NotAvailable as exc:
        result.na = str(exc)
    except Exception as exc:  # one broken operation must not hide the others' figures
        result.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        where = traceback.extract_tb(exc.__traceback__)[-1]
        result.notes.append(f"raised at {where.filename}:{where.lineno}")
    return result


def _within_budget(settings: Settings, once: float, result: Result) -> Settings:
    planned = settings.rounds * settings.iterations
    affordable = int(settings.budget / max(once * 2, 1e-6))
    if affordable >= planned:
        return settings
    rounds = min(settings.rounds, max(1, affordable // 2) if affordable >= 2 else 1)
    iterations = max(1, affordable // rounds) if affordable else 1
    result.notes.append(f"slow: {rounds} x {iterations} samples instead of "
                        f"{settings.rounds} x {settings.iterations}")
    return Settings(warmup=0, rounds=rounds, iterations=iterations, budget=settings.budget)


def _rounds(case: Case, replay: Replay | None, settings: Settings, result: Result) -> None:
    app_samples, base_samples, round_medians = [], [], []
    for _ in range(settings.rounds):
        this_round = []
        for _ in range(settings.iterations):
            elapsed, _outcome = _timed(case)
            this_round.append(elapsed)
            if replay is not None:
                base_samples.append(replay())
        app_samples += this_round
        round_medians.append(statistics.median(this_round))
    result.p50 = statistics.median(round_medians)
    result.p95 = _percentile(app_samples, 0.95)
    if len(round_medians) > 1 and result.p50 > 0:
        result.spread = (max(round_medians) - min(round_medians)) / result.p50
    if base_samples:
        result.baseline_p50 = statistics.median(base_samples)
        result.baseline_p95 = _percentile(base_samples, 0.95)
        if result.baseline_p50 > 0:
            result.ratio = result.p50 / result.baseline_p50
    result.met = case.target.judge(result)
