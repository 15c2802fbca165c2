"""The filter's knowledge as the live site has it, shared across web processes.

Three layers of counts make the classifier: the shipped base model (a file in the
package, read once per process), the site's own published text (read from the
database, refreshed every few minutes) and what moderators taught it (the
``LearnedFeature`` table). Each process keeps them in memory; a version number in the
cache, bumped by every lesson, tells it to fetch the rows that changed, so a decision
costs one cache read and no query in the steady state, and a lesson reaches every
process at its next comment.
"""

import threading
import time
from dataclasses import replace
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Q

from kb.spam import features, training
from kb.spam.classifier import Classifier, Counts
from kb.spam.lessons import LessonIndex
from kb.spam.models import FilterState, LearnedFeature, Lesson
from kb.spam.pipeline import Knowledge, Thresholds

VERSION_KEY = "kb:spam:learned-version"
# Lessons a process keeps in memory when it starts: the most recent ones.
LESSONS_IN_MEMORY = 5000
SITE_REFRESH_SECONDS = 600
_UPSERT_BATCH = 400


def spam_settings() -> dict:
    return settings.KB["SPAM"]


def thresholds() -> Thresholds:
    conf = spam_settings()
    return Thresholds(hold=conf["HOLD_AT"], spam=conf["SPAM_AT"],
                      rate_soft=conf["RATE_SOFT_PER_HOUR"])


@lru_cache(maxsize=1)
def base_counts() -> Counts:
    return training.load_model()


# The site's own text ---------------------------------------------------------------


class SiteText:
    """Ham evidence, names, vocabulary and cited domains read from the database."""

    def __init__(self):
        from kb.models import Alias, Citation, Entry, Group, Place, Source

        limit = spam_settings()["SITE_TEXT_ENTRIES"]
        entries = Entry.objects.published().order_by(F("published_at").desc(nulls_last=True))
        texts, names = [], list(entries.values_list("name", flat=True)[:5000])
        for summary, body in entries.values_list("summary", "body")[:limit]:
            texts.extend((summary, body))
        sections = [field for field, _ in Group.SECTIONS if field != "body"]
        for row in Group.objects.published().order_by("-published_at").values_list(
            *sections
        )[:limit]:
            texts.extend(row)
        texts += Citation.objects.filter(entry__published_at__isnull=False).exclude(quote="") \
            .order_by("-pk").values_list("quote", flat=True)[:limit * 5]
        for title, note in Source.objects.order_by("-pk").values_list("title", "note")[:limit]:
            texts.extend((title, note))
        names += Alias.objects.filter(entry__published_at__isnull=False).values_list(
            "name", flat=True
        )[:5000]
        names += Place.objects.values_list("name", flat=True)[:5000]
        self._texts = [t for t in texts if t]
        self.counts, found, vocabulary = training.site_counts(self._texts)
        found |= training.site_counts((), names)[1]
        base = base_counts()
        self.site_terms = training.site_terms(found, base)
        self.topic_words = training.site_terms(vocabulary | found, base)
        cited = set()
        for url, archived in Source.objects.filter(~Q(url="") | ~Q(archived_url="")) \
                .values_list("url", "archived_url").iterator():
            cited.update(features.host_of(u) for u in (url, archived) if u)
        cited.discard("")
        self.cited_domains = frozenset(cited)
        self.loaded_at = time.monotonic()


def _knowledge(site: SiteText, layers) -> Knowledge:
    conf = spam_settings()
    return Knowledge(
        classifier=Classifier(layers),
        cited_domains=site.cited_domains | features.REFERENCE_DOMAINS
        | frozenset(d.lower() for d in conf["TRUSTED_DOMAINS"]),
        site_terms=site.site_terms,
        topic_words=site.topic_words,
        expected_scripts=frozenset(conf["EXPECTED_SCRIPTS"]),
    )


def fresh_knowledge() -> Knowledge:
    """What a new installation knows: the shipped model and this site's text, no lessons."""
    site = SiteText()
    return _knowledge(site, [base_counts(), site.counts])


# The live, learning knowledge ------------------------------------------------------


class _Live:
    def __init__(self):
        self.lock = threading.Lock()
        self.version = -1
        self.learned = Counts()
        self.lessons = LessonIndex()
        self.site: SiteText | None = None
        self.knowledge: Knowledge | None = None


_live = _Live()


def current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = FilterState.objects.filter(pk=1).values_list("version", flat=True).first()
        version = version or 0
        cache.set(VERSION_KEY, version, None)
    return version


def knowledge() -> Knowledge:
    """The live knowledge, brought up to date with the latest lessons and site text."""
    version = current_version()
    live = _live
    with live.lock:
        stale_site = live.site is None or \
            time.monotonic() - live.site.loaded_at > SITE_REFRESH_SECONDS
        if version == live.version and not stale_site and live.knowledge is not None:
            return live.knowledge
        if version != live.version:
            _catch_up(live, version)
        if stale_site:
            live.site = SiteText()
        live.knowledge = _knowledge(live.site, [base_counts(), live.site.counts, live.learned])
        live.knowledge = replace(live.knowledge, lessons=live.lessons)
        return live.knowledge


def _catch_up(live: _Live, version: int) -> None:
    if version < live.version:  # the table was reset (tests, a restore): read it all
        live.learned, live.lessons, live.version = Counts(), LessonIndex(), -1
    state = FilterState.objects.filter(pk=1).first()
    rows = LearnedFeature.objects.filter(version__gt=live.version).values_list(
        "feature", "spam", "ham"
    )
    for feature, spam, ham in rows.iterator():
        live.learned.features[feature] = [spam, ham]
    lessons = Lesson.objects.filter(version__gt=live.version).order_by("-version")
    if live.version < 0:
        lessons = lessons[:LESSONS_IN_MEMORY]
    for key, label, shingles in lessons.values_list("comment_id", "label", "shingles"):
        live.lessons.put(key, label, shingles)
    if state is not None:
        live.learned.spam_docs, live.learned.ham_docs = state.spam_docs, state.ham_docs
    live.version = state.version if state is not None else version


def reset() -> None:
    """Forget everything held in memory (tests; after a restore of the database)."""
    global _live
    _live = _Live()
    cache.delete(VERSION_KEY)


# Learning ------------------------------------------------------------------------


def teach(text: str, *, label: str, previous: str = "", comment_id: int | None = None) -> int:
    """Learn that ``text`` is ``label`` ("spam" or "ham"), unlearning ``previous`` if set.

    The classifier's counts change with one upsert per batch of features, atomically on
    SQLite and PostgreSQL, so concurrent lessons add up; the comment is remembered as a
    lesson. Returns the new version, which every process picks up at its next comment.
    """
    weight = spam_settings()["LEARN_WEIGHT"]
    found = sorted(features.tokens(features.normalise(text)))
    with transaction.atomic():
        state, _ = FilterState.objects.select_for_update().get_or_create(pk=1)
        state.version += 1
        changes = [(previous, -weight)] if previous else []
        for name, delta in [*changes, (label, weight)]:
            if name == "spam":
                state.spam_docs = max(0.0, state.spam_docs + delta)
            else:
                state.ham_docs = max(0.0, state.ham_docs + delta)
            _upsert(found, delta * (name == "spam"), delta * (name == "ham"), state.version)
        state.save()
        if comment_id is not None:
            Lesson.objects.update_or_create(comment_id=comment_id, defaults={
                "label": label, "version": state.version,
                "shingles": sorted(features.shingles(text)),
            })
    # Announce now, and again once committed: a process that reloads in between finds
    # the old rows, keeps the old version and reloads at the next comment.
    cache.set(VERSION_KEY, state.version, None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, state.version, None))
    return state.version


def _upsert(found: list[str], spam: float, ham: float, version: int) -> None:
    table = connection.ops.quote_name(LearnedFeature._meta.db_table)
    for start in range(0, len(found), _UPSERT_BATCH):
        batch = found[start:start + _UPSERT_BATCH]
        values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
        params = []
        for feature in batch:
            params.extend((feature[:64], spam, ham, version))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (feature, spam, ham, version) VALUES {values} "
                f"ON CONFLICT (feature) DO UPDATE SET spam = {table}.spam + excluded.spam, "
                f"ham = {table}.ham + excluded.ham, version = excluded.version",
                params,
            )
