"""The operations of BENCHMARK.md, in order, and the run that measures them all."""

from __future__ import annotations

import platform
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings

from kb.perf import ops_read, ops_work
from kb.perf.bench import NotAvailable, Result, Settings, measure
from kb.perf.subjects import Subjects

OPERATIONS = {
    "O1": ("API list of attacks, filtered", ops_read.api_lists),
    "O2": ("API list of groups with attack counts", ops_read.api_groups),
    "O3": ("API detail of an attack", ops_read.api_attack),
    "O4": ("search, ranked top 20", ops_read.search),
    "O5": ("name autocomplete", ops_read.autocomplete),
    "O6": ("group profile page", ops_read.profiles),
    "O7": ("saving a draft", ops_work.draft),
    "O8": ("approving a proposal", ops_work.approve),
    "O9": ("diff of two revisions", ops_work.diffs),
    "O10": ("history page", ops_read.history),
    "O11": ("spam decision", ops_work.spam),
    "O12": ("bulk load", None),
    "O13": ("admin list of attacks", ops_read.admin_lists),
}

def _bench_kb() -> dict:
    """The product settings for a run: the anonymous API rate limit lifted (it would answer
    429 after a few hundred requests) and the page cache on as production has it with
    Redis; in this one process a local-memory cache is as shared as Redis would be."""
    return {
        **settings.KB, "API_ANON_RATE": "1000000/s",
        "PAGE_CACHE_SECONDS": settings.KB["PAGE_CACHE_SECONDS"] or 600,
    }

# Hashed static names need `collectstatic`, which a bench on a fresh checkout lacks;
# looking a name up in the manifest costs a dict access, so nothing is lost.
PLAIN_STATIC = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def run(bench: Settings, *, only: set[str] | None = None, load_report: Path | None = None,
        progress=None) -> list[Result]:
    subjects, web = Subjects(), ops_read.Web()
    results: list[Result] = []
    with override_settings(KB=_bench_kb(), STORAGES=PLAIN_STATIC):
        for op, (title, build) in OPERATIONS.items():
            if only and op not in only:
                continue
            if build is None:
                found = ops_work.load_figures(load_report)
            else:
                found = _measure_op(op, build, subjects, web, bench)
            results += found
            if progress:
                progress(op, title, found)
    _relate(results)
    return results


def _measure_op(op, build, subjects, web, bench) -> list[Result]:
    try:
        cases = build(subjects, web)
    except NotAvailable as exc:
        return [Result(op, "", na=str(exc))]
    except Exception as exc:  # a broken operation must not hide the others' figures
        first_line = str(exc).splitlines()[0] if str(exc) else ""
        return [Result(op, "", error=f"{type(exc).__name__}: {first_line}")]
    return [measure(case, bench) for case in cases]


def _relate(results: list[Result]) -> None:
    """Figures that compare cases: deep page against page 1, rich detail against plain."""
    by_op: dict[str, list[Result]] = {}
    for r in results:
        if not (r.na or r.error):
            by_op.setdefault(r.op, []).append(r)
    o1 = by_op.get("O1", [])
    for first, deep in zip(o1[::2], o1[1::2], strict=False):
        if first.p50 and deep.case.rsplit(", ", 1)[0] == first.case.rsplit(", ", 1)[0]:
            factor = deep.p50 / first.p50
            deep.notes.append(f"deep page / page 1 = {factor:.2f}x (target <= 1.5x)")
            if factor > 1.5:
                deep.met = False
    o3 = by_op.get("O3", [])
    if len({r.queries for r in o3}) > 1:
        for r in o3:
            r.notes.append("query count depends on the number of related rows")
            r.met = False


def meta(bench: Settings) -> dict:
    from kb.models import Attack, Entry, Revision

    return {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "database": connection.vendor,
        "debug": settings.DEBUG,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {_cpus()} CPUs",
        "entries": Entry.objects.count(),
        "attacks": Attack.objects.count(),
        "revisions_estimate": _estimate(Revision),
        "rounds": bench.rounds,
        "iterations": bench.iterations,
        "warmup": bench.warmup,
    }


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


def _estimate(model) -> int:
    if connection.vendor != "postgresql":
        return model.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(%s)",
                       [model._meta.db_table])
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] and row[0] > 0 else model.objects.count()
