"""State shared by the phases of the generator, and the small builders they all use."""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from dataclasses import dataclass, field

from django.utils.text import slugify

from kb.choices import AliasKind, Script
from kb.names import name_key, normalize_name
from kb.perf.bulk import Progress
from kb.perf.history import revision_count
from kb.perf.text import TextPool
from kb.perf.writer import Writer

_ARABIC = dict(zip(
    "abcdefghijklmnopqrstuvwxyz",
    "ابكديفغهيجكلمنوپقرستووكسيز",
    strict=True,
))


def arabic_script(name: str) -> str:
    """A rough Arabic-script rendering of a Latin name, for native-script aliases."""
    return "".join(_ARABIC.get(ch, " " if not ch.isalnum() else "") for ch in name.lower())


@dataclass(frozen=True)
class GroupInfo:
    id: int
    country: int
    start: int
    end: int


@dataclass
class Context:
    rng: random.Random
    pool: TextPool
    writer: Writer
    progress: Progress
    users: dict[str, list[int]] = field(default_factory=dict)
    countries: list[tuple[int, float]] = field(default_factory=list)
    country_cum: list[float] = field(default_factory=list)
    provinces_by_country: dict[int, list[int]] = field(default_factory=dict)
    cities_by_country: dict[int, list[tuple]] = field(default_factory=dict)
    source_ids: list[int] = field(default_factory=list)
    source_cum: list[float] = field(default_factory=list)
    groups: list[GroupInfo] = field(default_factory=list)
    group_cum: list[float] = field(default_factory=list)
    members_by_group: dict[int, list[int]] = field(default_factory=dict)
    person_ids: list[int] = field(default_factory=list)
    published_entries: list[int] = field(default_factory=list)
    slugs: set[str] = field(default_factory=set)
    place_names: dict[int, str] = field(default_factory=dict)
    group_names: dict[int, str] = field(default_factory=dict)
    categories: dict[str, dict[int, int]] = field(default_factory=dict)
    history: object = None
    content_types: dict[type, int] = field(default_factory=dict)

    def revision_count(self) -> int:
        return revision_count(self.rng)

    def flush(self, buffers: dict) -> None:
        """Write a batch of rows and their revisions in one transaction."""
        with self.writer.batch():
            for model, rows in buffers.items():
                self.writer.write(model, rows)
            self.history.flush()
        buffers.clear()

    # Picks, each skewed the way the real data is ------------------------------------

    def pick_country(self) -> int:
        i = bisect(self.country_cum, self.rng.random() * self.country_cum[-1])
        return self.countries[min(i, len(self.countries) - 1)][0]

    def pick_group(self) -> GroupInfo:
        i = bisect(self.group_cum, self.rng.random() * self.group_cum[-1])
        return self.groups[min(i, len(self.groups) - 1)]

    def pick_sources(self, n: int) -> list[int]:
        chosen: list[int] = []
        cum, top = self.source_cum, self.source_cum[-1]
        for _ in range(n * 3):
            sid = self.source_ids[min(bisect(cum, self.rng.random() * top), len(cum) - 1)]
            if sid not in chosen:
                chosen.append(sid)
                if len(chosen) == n:
                    break
        return chosen

    # Builders -------------------------------------------------------------------

    def slug(self, name: str) -> str:
        """A slug no other entry has, as ``unique_slug`` would make it."""
        base = slugify(name)[:300] or "entry"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def entry(self, eid: int, kind: str, name: str, summary: str, body: str) -> dict:
        return {
            "id": eid, "kind": kind, "name": name, "slug": self.slug(name),
            "search_name": normalize_name(name), "search_key": name_key(name),
            "summary": summary, "body": body,
        }

    def partial_date(self, year: int, day_share: float = 0.7) -> tuple[dt.date, str]:
        """A date in ``year`` known to the day, the month or only the year."""
        roll = self.rng.random()
        if roll < day_share:
            return dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28)), "day"
        if roll < day_share + (1 - day_share) / 2:
            return dt.date(year, self.rng.randint(1, 12), 1), "month"
        return dt.date(year, 1, 1), "year"

    def created_at(self, year: int) -> dt.datetime:
        """When an entry was first written: the knowledge base began in 2019."""
        start = dt.datetime(max(2019, min(year, 2024)), 1, 1, tzinfo=dt.UTC)
        return start + dt.timedelta(minutes=self.rng.randint(0, 360 * 24 * 60))

    def aliases(self, eid: int, name: str, variants: list[tuple[str, str]]) -> list[dict]:
        """Alias rows for the (name, kind) pairs that differ from the name and each other."""
        seen = {normalize_name(name)}
        rows = []
        for alias, kind in variants:
            folded = normalize_name(alias)
            if not folded or folded in seen:
                continue
            seen.add(folded)
            native = kind == AliasKind.NATIVE
            rows.append({
                "entry_id": eid, "name": alias, "search_name": folded,
                "search_key": name_key(alias), "kind": kind,
                "language": self.rng.choice(("ur", "ar", "ps")) if native else "en",
                "script": Script.ARABIC if native else Script.LATIN,
            })
        return rows

    def citations(self, eid: int, n: int, fields: tuple[str, ...] = ()) -> list[dict]:
        rows = []
        for k, sid in enumerate(self.pick_sources(n)):
            field_name = self.rng.choice(fields) if fields and self.rng.random() < 0.3 else ""
            rows.append({
                "entry_id": eid, "source_id": sid, "field": field_name,
                "locator": f"p. {k + 1}" if self.rng.random() < 0.6 else f"para. {k + 1}",
                "quote": self.pool.text(self.rng, 12) if self.rng.random() < 0.2 else "",
            })
        return rows
