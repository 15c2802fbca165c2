"""Operations that do editorial or filtering work: O7-O9 and O11, and O12's load figures.

Writes (saving a draft, approving) run inside a transaction rolled back after every
iteration, so the data set is the same after the bench as before, and the baseline
replays the same statements inside a rolled-back transaction too.
"""

from __future__ import annotations

import copy
import json
import random
import socket
from contextlib import contextmanager
from pathlib import Path

from django.core.cache import cache
from django.db.models.functions import Length

from kb.editorial import workflow
from kb.editorial.diff import diff
from kb.editorial.snapshot import capture
from kb.models import Group
from kb.perf.bench import Case, NotAvailable, Result, Target
from kb.perf.profiles import SECTION_SHARES
from kb.perf.subjects import Subjects
from kb.perf.text import TextPool

O7 = Target(p95=100, text="p95<=100")
O8 = Target(p95=150, text="p95<=150, one transaction")
O9 = {2_000: Target(p95=50, text="p95<=50"), 10_000: Target(p95=50, text="p95<=50"),
      50_000: Target(p95=300, text="p95<=300")}
O9_CACHED = Target(p95=5, text="cached p95<=5")
O11 = Target(p95=5, text="p95<=5, no network")
SECTIONS = [name for name, _ in SECTION_SHARES]
PROFILE_WORDS = 5_000


def _words(group: Group) -> int:
    return sum(len(getattr(group, name).split()) for name in SECTIONS)


def _pool() -> TextPool:
    return TextPool(seed=7, sentences=6_000)


def draft(s: Subjects, web) -> list[Case]:
    """O7: saving a draft of a 5,000-word profile through the workflow."""
    size = Length(SECTIONS[0])
    for name in SECTIONS[1:]:
        size = size + Length(name)
    # Between about 4,500 and 6,500 words, whatever the length of the words.
    candidates = list(Group.objects.published().annotate(size=size).filter(
        size__gte=PROFILE_WORDS * 4, size__lte=PROFILE_WORDS * 8).order_by("size")[:300])
    if not candidates:
        raise NotAvailable("no group has a 5,000-word profile; generate scale 0.01 or more")
    group = min(candidates, key=lambda g: abs(_words(g) - PROFILE_WORDS))
    data = capture(group)
    data["fields"]["summary"] += " Revised after the latest reports."
    author = s.user("researcher")

    def run():
        return workflow.propose(entry=group, author=author, data=data, summary="Bench draft",
                                base=group.live_revision)

    words = sum(len(str(data["fields"][name]).split()) for name in SECTIONS)
    return [Case("O7", f"{words:,}-word profile", run, O7, rollback=True)]


def approve(s: Subjects, web) -> list[Case]:
    """O8: approving a proposal made on the live version, and one that must be merged."""
    editor = s.user("editor")
    cases = []
    for label, stale in (("on the live version", False), ("stale, merged", True)):
        revision = s.pending(stale=stale)

        def run(revision=revision):
            return workflow.approve(revision=revision, reviewer=editor)

        cases.append(Case("O8", label, run, O8, rollback=True))
    return cases


def _profile(base: dict, pool: TextPool, words: int, rng: random.Random) -> dict:
    data = copy.deepcopy(base)
    for name, share in SECTION_SHARES:
        data["fields"][name] = pool.markdown(rng, max(20, round(words * share)))
    return data


def _edited(old: dict, rng: random.Random, pool: TextPool) -> dict:
    """Three paragraphs rewritten in three sections, as a typical revision does."""
    new = copy.deepcopy(old)
    for name in rng.sample(SECTIONS, 3):
        paragraphs = new["fields"][name].split("\n\n")
        i = rng.randrange(len(paragraphs))
        paragraphs[i] = pool.text(rng, len(paragraphs[i].split()))
        new["fields"][name] = "\n\n".join(paragraphs)
    return new


def diffs(s: Subjects, web) -> list[Case]:
    """O9: two versions of a 2k, 10k and 50k-word profile, uncached then cached."""
    pool, rng = _pool(), random.Random(9)
    base = capture(s.median_group)
    cases = []
    for words, target in O9.items():
        old = _profile(base, pool, words, rng)
        new = _edited(old, rng, pool)
        label = f"{words // 1000}k words"
        cases.append(Case("O9", label, lambda o=old, n=new: diff(o, n), target,
                          before=cache.clear))
        cases.append(Case("O9", f"{label}, cached", lambda o=old, n=new: diff(o, n), O9_CACHED))
    return cases


@contextmanager
def _no_network():
    def refuse(*args, **kwargs):
        raise OSError("the spam decision opened a network connection")

    saved = socket.socket.connect, socket.create_connection
    socket.socket.connect, socket.create_connection = refuse, refuse
    try:
        yield
    finally:
        socket.socket.connect, socket.create_connection = saved


def spam(s: Subjects, web) -> list[Case]:
    """O11: the filter's decision on one comment of 50, 500 and 5,000 characters, 10 links."""
    try:
        from kb.spam import pipeline, store
    except ImportError:
        raise NotAvailable("the spam filter (kb.spam) does not exist yet") from None
    if not all(hasattr(m, n) for m, n in ((pipeline, "decide"), (store, "knowledge"))):
        raise NotAvailable("the spam filter has no decide(submission, knowledge, thresholds)")
    pool, rng = _pool(), random.Random(11)
    links = " ".join(f"https://shop{i}.example.xyz/deal" for i in range(10))
    texts = {
        "50 chars": "Thanks, the casualty figures match the Dawn report.",
        "500 chars": pool.text(rng, 120)[:500],
        "5,000 chars": pool.text(rng, 1200)[:5000],
        "10 links": f"Best offers here {links} call now",
    }

    def decide(text):
        return pipeline.decide(pipeline.Submission(text=text), store.knowledge(),
                               store.thresholds())

    with _no_network():
        for text in texts.values():
            decide(text)
    return [Case("O11", label, lambda t=text: decide(t), O11, baseline=False)
            for label, text in texts.items()]


def load_figures(report: Path | None) -> list[Result]:
    """O12 as ``generate_data --report`` recorded it: batch and whole-set times, memory."""
    if report is None or not report.exists():
        reason = "pass --load-report FILE, written by generate_data --report FILE"
        return [Result("O12", "4,000-attack batch", na=reason),
                Result("O12", "whole data set", na=reason)]
    load = json.loads(report.read_text())
    batches = sorted(load["attack_batch_seconds"]) or [0.0]
    scale = load["plan"]["scale"]
    batch = Result("O12", f"{load['plan']['batch']:,}-attack batch",
                   p50=batches[len(batches) // 2] * 1000, p95=batches[-1] * 1000,
                   target="<=10 s", met=batches[-1] <= 10)
    whole = Result(
        "O12", f"scale {scale:g}, {load['rows']:,} rows", p50=load["seconds"] * 1000,
        p95=load["seconds"] * 1000, target="1x <=120 s, peak <=1 GB",
        met=load["peak_memory_mb"] <= 1024 and (scale != 1 or load["seconds"] <= 120),
        notes=[f"{load['rows_per_second']:,} rows/s, peak memory {load['peak_memory_mb']} MB, "
               f"CPU {load.get('cpu_seconds')} s in Python"
               + (f" + {load['server_cpu_seconds']} s in PostgreSQL"
                  if load.get("server_cpu_seconds") else "")],
    )
    return [batch, whole]
