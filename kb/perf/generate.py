"""The synthetic "GTD scale" data set of BENCHMARK.md, from a fixed seed.

Scale 1 is the size of the Global Terrorism Database (3,500 groups, 210,000 attacks,
20,000 people, about 1.2 million revisions, 100,000 comments); scale 5 the stress set of
BENCHMARK.md; small fractions serve tests. The same seed and scale always give the same
content (ids follow the database's sequences), so benchmark runs on different machines
compare like with like.

Rows go in with ``COPY`` (PostgreSQL) or ``executemany`` (SQLite) in batches, each batch
one transaction, so memory stays flat whatever the scale; ``ANALYZE`` runs at the end so
the planner knows the new sizes.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import asdict, dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction

from accounts.models import User
from kb import models as kb_models
from kb import page_cache
from kb.models import AttackType, Claim, Entry, GroupRelation, TargetType, WeaponType
from kb.perf import catalog, incidents, profiles
from kb.perf.bulk import Progress, peak_memory_mb
from kb.perf.context import Context
from kb.perf.history import History, write_comments
from kb.perf.text import TextPool
from kb.perf.writer import Writer

SEED = 20240501
BATCH = 4_000  # attacks per transaction; BENCHMARK.md's O12 times one such batch
# Entity: (count at 1x, count at 5x, minimum for tiny test scales).
SIZES = {
    "groups": (3_500, 10_000, 8),
    "people": (20_000, 100_000, 20),
    "attacks": (210_000, 1_000_000, 60),
    "sources": (25_000, 125_000, 30),
    "comments": (100_000, 500_000, 30),
}
HOT_REVISIONS = (3_000, 2_500, 2_000, 1_500, 1_000)
RICH_ATTACKS = 10
# Attack-to-group links expected at 1x: 55 % of attacks name 1.25 groups on average.
LINKS_PER_ATTACK = 0.55 * 1.25


class GenerationError(Exception):
    pass


def scaled(entity: str, scale: float) -> int:
    one, five, minimum = SIZES[entity]
    count = one * scale if scale <= 1 else one + (five - one) * (scale - 1) / 4
    return max(minimum, round(count))


@dataclass
class Plan:
    scale: float
    seed: int = SEED
    batch: int = BATCH
    groups: int = 0
    people: int = 0
    attacks: int = 0
    sources: int = 0
    comments: int = 0
    hot: list[int] = field(default_factory=list)
    rich: int = 0

    @classmethod
    def for_scale(cls, scale: float, *, seed: int = SEED, batch: int = BATCH) -> Plan:
        if scale <= 0:
            raise GenerationError("The scale must be positive.")
        sizes = {name: scaled(name, scale) for name in SIZES}
        share = min(1.0, scale)
        hot = [max(3, round(n * share)) for n in HOT_REVISIONS]
        rich = max(2, round(RICH_ATTACKS * share))
        return cls(scale=scale, seed=seed, batch=batch, hot=hot, rich=rich, **sizes)


@dataclass
class Report:
    plan: dict
    vendor: str
    seconds: float
    rows: int
    rows_per_second: float
    peak_memory_mb: float
    cpu_seconds: float
    server_cpu_seconds: float | None
    attack_batch_seconds: list[float]
    tables: dict[str, int]
    revisions: int
    pending_revisions: int

    def as_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def _hot_positions(plan: Plan) -> dict[str, dict[int, int]]:
    """Where the hot entries sit: a median group, a median person, and some attacks."""
    hot = list(plan.hot)
    return {
        "groups": {plan.groups // 2: hot[0]},
        "people": {plan.people // 2: hot[1]},
        "attacks": {plan.rich + 10 * k: n for k, n in enumerate(hot[2:])},
    }


def wipe(alias: str = "default") -> None:
    """Remove every entry, source, place, comment and the generator's accounts."""
    connection = connections[alias]
    tables = [
        m._meta.db_table for m in _kb_models() if m not in (AttackType, TargetType, WeaponType)
    ]
    with transaction.atomic(using=alias):
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(t) for t in tables)
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {quoted} CASCADE")
        else:
            Entry.objects.using(alias).update(live_revision=None)
            for model in reversed(_kb_models()):
                if model not in (AttackType, TargetType, WeaponType):
                    model._base_manager.using(alias).all()._raw_delete(alias)
        User.objects.using(alias).filter(username__startswith=catalog.USER_PREFIX).delete()


def _kb_models():
    """The knowledge base's tables, parents before children."""
    from django.apps import apps

    ordered = [kb_models.Place, kb_models.Source, kb_models.Revision, Entry,
               kb_models.Group, kb_models.Person, kb_models.Attack]
    rest = [m for m in apps.get_app_config("kb").get_models(include_auto_created=True)
            if m not in ordered]
    return ordered + rest


def _drop_gin_indexes(connection) -> list[str]:
    """Drop the knowledge base's GIN (search) indexes, returning the DDL to rebuild them.

    Building a GIN index once over the loaded rows takes a fraction of the time of
    updating it row by row during the load: the usual way to bulk-load a table.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename LIKE 'kb\\_%%' AND indexdef LIKE '%% USING gin %%'"
        )
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in found]


def _create_indexes(connection, definitions: list[str]) -> None:
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            # Inside a caller's transaction, deferred foreign-key checks must run first:
            # PostgreSQL builds no index on a table with pending trigger events.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET maintenance_work_mem TO '256MB'")
        for definition in definitions:
            cursor.execute(definition)


def generate(
    plan: Plan, *, stdout=None, alias: str = "default", replace: bool = False,
    quiet: bool = False,
) -> Report:
    connection = connections[alias]
    progress = Progress(stdout, quiet=quiet)
    if Entry.objects.using(alias).exists() or User.objects.using(alias).filter(
        username__startswith=catalog.USER_PREFIX
    ).exists():
        if not replace:
            raise GenerationError(
                "The database already holds entries; pass --replace to delete every entry, "
                "source, place and comment first."
            )
        wipe(alias)
        progress.say("removed the previous data")
    gin_indexes = []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Losing the last commits in a crash costs nothing here: the data is synthetic.
            cursor.execute("SET synchronous_commit TO off")
        gin_indexes = _drop_gin_indexes(connection)

    rng = random.Random(plan.seed)
    pool = TextPool(plan.seed)
    progress.say("vocabulary and sentence pool")
    ctx = Context(rng=rng, pool=pool, writer=Writer(connection, progress), progress=progress)
    ctx.history = History(ctx)
    ctx.content_types = {
        m: ContentType.objects.get_for_model(m).pk for m in (Claim, GroupRelation)
    }
    ctx.categories = {
        name: dict(model.objects.using(alias).values_list("code", "pk"))
        for name, model in (("attack_types", AttackType), ("target_types", TargetType),
                            ("weapon_types", WeaponType))
    }
    if not all(ctx.categories.values()):
        raise GenerationError("The GTD categories are missing: run `manage.py migrate` first.")
    hot = _hot_positions(plan)

    try:
        catalog.create_users(ctx)
        with ctx.writer.batch():
            catalog.create_places(ctx)
            catalog.create_sources(ctx, plan.sources, batch=10_000)
        profiles.create_groups(ctx, plan.groups, LINKS_PER_ATTACK * plan.attacks,
                               batch=500, hot=hot["groups"])
        profiles.create_people(ctx, plan.people, batch=5_000, hot=hot["people"])
        timings = incidents.create_attacks(
            ctx, plan.attacks, batch=plan.batch, hot=hot["attacks"], rich=plan.rich
        )
        write_comments(ctx, ctx.published_entries, plan.comments, batch=20_000)
    finally:
        ctx.writer.close()
        if gin_indexes:  # also after a failure: the schema must stay as migrated
            progress.say("search indexes")
            _create_indexes(connection, gin_indexes)
    ctx.writer.finish()
    page_cache.invalidate()  # the rows went in without the model's signals
    progress.say("ANALYZE")
    return Report(
        plan=asdict(plan), vendor=connection.vendor, seconds=round(progress.elapsed, 1),
        rows=progress.total_rows,
        rows_per_second=round(progress.total_rows / max(progress.elapsed, 1e-9)),
        peak_memory_mb=round(peak_memory_mb()),
        cpu_seconds=round(time.process_time(), 1),
        server_cpu_seconds=ctx.writer.server_cpu_seconds,
        attack_batch_seconds=[round(t, 2) for t in timings],
        tables=dict(sorted(progress.rows.items())), revisions=ctx.history.total,
        pending_revisions=ctx.history.pending,
    )

