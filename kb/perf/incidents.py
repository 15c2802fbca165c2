"""Attacks, in the shape of the Global Terrorism Database, with their claims and sources.

About 45 % have no known perpetrator; the others name one to three groups, picked with
the skewed group weights, and mostly happen in the group's home country during its
active years. A few "rich" attacks carry dozens of sources, three groups and several
people: the detail page must cost the same number of queries for them as for any other.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from itertools import accumulate

from kb.choices import (
    AttributionBy,
    Certainty,
    ClaimMode,
    Confidence,
    DatePrecision,
    EntryKind,
    PersonAttackRoleKind,
)
from kb.models import (
    Alias,
    Attack,
    Attribution,
    Citation,
    Claim,
    Entry,
    ExternalIdentifier,
    PersonAttackRole,
)
from kb.partial_dates import PartialDate
from kb.perf.snapshots import SnapshotMaker
from kb.perf.text import TARGET_WORDS, WEAPON_WORDS

# GTD codes with their share of incidents.
ATTACK_TYPES = [(3, 48), (2, 24), (1, 10), (6, 6), (7, 6), (9, 4), (5, 1), (8, 0.6), (4, 0.4)]
TARGET_TYPES = [(14, 25), (3, 14), (4, 14), (2, 12), (1, 11), (19, 4), (15, 3), (8, 3),
                (21, 3), (20, 3), (17, 2), (7, 2), (10, 2), (22, 1), (13, 1)]
WEAPON_TYPES = [(6, 50), (5, 32), (13, 8), (8, 6), (9, 2), (12, 1), (10, 0.5), (2, 0.3)]
YEARS = [(range(1970, 1978), 0.5), (range(1978, 1992), 2.5), (range(1992, 1998), 2.0),
         (range(1998, 2004), 0.9), (range(2004, 2012), 2.2), (range(2012, 2018), 6.0),
         (range(2018, 2021), 4.0)]
NOUNS = {3: "bombing", 2: "armed assault", 1: "assassination", 6: "kidnapping",
         7: "arson attack", 9: "attack", 5: "hostage siege", 8: "assault", 4: "hijacking"}
RICH_SOURCES, RICH_PEOPLE = 40, 8
# Plain strings: reading a member of a Choices enum costs a descriptor call per row.
DAY, YEAR = str(DatePrecision.DAY.value), str(DatePrecision.YEAR.value)
CLAIM_MODES, CONFIDENCES = list(ClaimMode.values), list(Confidence.values)
ATTRIBUTED_BY, CERTAINTIES = list(AttributionBy.values), list(Certainty.values)
ATTACK_ROLES = list(PersonAttackRoleKind.values)


class _Weighted:
    def __init__(self, pairs):
        self.values = [v for v, _ in pairs]
        self.cum = list(accumulate(w for _, w in pairs))

    def pick(self, rng, k: int = 1) -> list:
        return list(dict.fromkeys(rng.choices(self.values, cum_weights=self.cum, k=k)))


def _year_weights():
    pairs = [(y, w) for years, w in YEARS for y in years]
    return _Weighted(pairs)


class AttackBuilder:
    """One attack at a time, with every row it owns, into the caller's batch buffers."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.maker = SnapshotMaker(Attack, ctx.writer)
        self.attack_types = _Weighted(ATTACK_TYPES)
        self.target_types = _Weighted(TARGET_TYPES)
        self.weapon_types = _Weighted(WEAPON_TYPES)
        self.years = _year_weights()
        self.gtd_seq: dict[str, int] = {}
        self.through = {}
        for name in ("attack_types", "target_types", "weapon_types"):
            field = Attack._meta.get_field(name)
            self.through[name] = (field.remote_field.through, field.m2m_reverse_name())

    def build(self, aid: int, rich: bool, hot: int | None, parents: list, buffers: dict):
        ctx, rng = self.ctx, self.ctx.rng
        if rich:
            groups = list(dict.fromkeys(ctx.pick_group() for _ in range(20)))[:3]
        elif rng.random() < 0.45:
            groups = []
        else:
            groups = list(dict.fromkeys(
                ctx.pick_group() for _ in range(rng.choices((1, 2, 3), (80, 15, 5))[0])))
        home = groups[0] if groups else None
        country = home.country if home and rng.random() < 0.85 else ctx.pick_country()
        year = rng.randint(home.start, home.end) if home else self.years.pick(rng)[0]
        occurred, precision = ctx.partial_date(year, 0.9)
        cities = ctx.cities_by_country[country]
        city, province, lat, lon, city_name = cities[min(int(rng.expovariate(0.25)),
                                                         len(cities) - 1)]
        types = {
            "attack_types": self.attack_types.pick(rng, rng.choices((1, 2, 3), (85, 12, 3))[0]),
            "target_types": self.target_types.pick(rng, rng.choices((1, 2, 3), (80, 15, 5))[0]),
            "weapon_types": self.weapon_types.pick(rng, rng.choices((1, 2, 3), (80, 15, 5))[0]),
        }
        when = str(PartialDate(occurred, precision))
        name = f"{NOUNS[types['attack_types'][0]].capitalize()} in {city_name}, {when}"
        who = f"militants of {ctx.group_names[home.id]}" if home else "unknown assailants"
        lead = (f"On {when} {who} attacked a {rng.choice(TARGET_WORDS)} in {city_name}, "
                f"{ctx.place_names[country]}, with {rng.choice(WEAPON_WORDS)}.")
        summary = lead + " " + ctx.pool.text(rng, rng.randint(30, 120))
        body = ctx.pool.markdown(rng, rng.randint(50, 300)) if rng.random() < 0.1 else ""
        values = ctx.entry(aid, EntryKind.ATTACK, name, summary, body)
        values.update(entry_ptr_id=aid, occurred_on=occurred, occurred_on_precision=precision,
                      place_id=city, country_id=country, province_id=province,
                      success=rng.random() < 0.9, suicide=rng.random() < 0.05)
        self._figures(values)
        if precision == DAY and rng.random() < 0.03:
            values["ended_on"] = occurred + dt.timedelta(days=rng.randint(1, 5))
            values["ended_on_precision"] = DAY
        if rng.random() < 0.85:
            values["latitude"] = Decimal(f"{lat + rng.uniform(-0.05, 0.05):.6f}")
            values["longitude"] = Decimal(f"{lon + rng.uniform(-0.05, 0.05):.6f}")
            values["coordinate_precision"] = rng.choices((1, 2, 3, 4, 5), (40, 40, 10, 7, 3))[0]
        if parents and rng.random() < 0.02:
            values["parent_event_id"] = rng.choice(parents)
        elif not rich:
            parents.append(aid)
        rows = self._relations(aid, groups, (occurred, precision), rich)
        self._identifiers(aid, name, (occurred, precision), rows, city_name)
        m2m = {k: [self._category(k, c) for c in codes] for k, codes in types.items()}
        data = self.maker.make(values, m2m, rows)
        published = rich or rng.random() > 0.02
        values.update(ctx.history.chain(aid, data, created=ctx.created_at(year),
                                         approved=hot or ctx.revision_count(),
                                         published=published))
        if published:
            ctx.published_entries.append(aid)
        put = buffers.setdefault
        put(Entry, []).append(values)
        put(Attack, []).append(values)
        for collection, codes in types.items():
            through, column = self.through[collection]
            put(through, []).extend({"attack_id": aid, column: self._category(collection, c)}
                                    for c in codes)
        for model, key in ((Claim, "claims"), (Attribution, "attributions"),
                           (PersonAttackRole, "people_roles"), (Alias, "aliases"),
                           (ExternalIdentifier, "external_ids"), (Citation, "citations")):
            put(model, []).extend(rows[key])

    def _category(self, name: str, code: int) -> int:
        return self.ctx.categories[name][code]

    def _figures(self, values: dict) -> None:
        rng = self.ctx.rng
        for figure, known in (("killed", 0.7), ("wounded", 0.6)):
            if rng.random() > known:
                continue
            best = 0 if rng.random() < 0.4 else int(rng.paretovariate(1.1))
            values[figure] = best
            if best and rng.random() < 0.1:
                values[f"{figure}_low"] = max(0, best - rng.randint(0, best))
                values[f"{figure}_high"] = best + rng.randint(0, best)
        if rng.random() < 0.1:
            values["perpetrators_killed"] = rng.randint(0, 5)

    def _relations(self, aid, groups, when, rich) -> dict:
        """Claims and attributions by the perpetrator groups, people, and the sources."""
        ctx, rng, ct = self.ctx, self.ctx.rng, self.ctx.content_types
        claims, attributions, citations = [], [], []
        for g in groups:
            roll = rng.random()
            if roll < 0.6 or rich:
                # Claimed as soon as it happened, so known as precisely as the attack.
                claim = {"id": ctx.writer.allocate(Claim, 1)[0], "attack_id": aid,
                         "group_id": g.id, "mode": rng.choice(CLAIM_MODES),
                         "confidence": rng.choice(CONFIDENCES),
                         "started_on": when[0], "started_on_precision": when[1]}
                claims.append(claim)
                if rng.random() < 0.2 or rich:
                    citations.append({"entry_id": aid, "source_id": ctx.pick_sources(1)[0],
                                      "locator": f"claim {len(claims)}",
                                      "target_type_id": ct[Claim], "target_id": claim["id"],
                                      "_target": ("claims", claim)})
            if roll >= 0.4 or rich:
                attributions.append({
                    "attack_id": aid, "group_id": g.id,
                    "attributed_by": rng.choice(ATTRIBUTED_BY),
                    "attributed_by_name": rng.choice(("", "", "PIPS", "GTD", "Police")),
                    "certainty": rng.choice(CERTAINTIES),
                })
        people = []
        if groups and (rich or rng.random() < 0.05):
            pool = ctx.members_by_group.get(groups[0].id) or ctx.person_ids
            chosen = {rng.choice(pool) for _ in range(RICH_PEOPLE if rich else rng.randint(1, 3))}
            people = [{"attack_id": aid, "person_id": p,
                       "role": rng.choice(ATTACK_ROLES)} for p in sorted(chosen)]
        n_sources = RICH_SOURCES if rich else rng.choices((1, 2, 3), (30, 40, 30))[0]
        citations += ctx.citations(aid, n_sources, ("killed", "wounded", "occurred_on"))
        return {"claims": claims, "attributions": attributions, "people_roles": people,
                "citations": citations, "aliases": [], "external_ids": []}

    def _identifiers(self, aid, name, when, rows, city_name) -> None:
        """A GTD event id (date, then a serial; 00 for an unknown day or month)."""
        rng, (occurred, precision) = self.ctx.rng, when
        if rng.random() < 0.9:
            day = occurred.day if precision == DAY else 0
            month = occurred.month if precision != YEAR else 0
            stem = f"{occurred.year}{month:02d}{day:02d}"
            n = self.gtd_seq[stem] = self.gtd_seq.get(stem, 0) + 1
            rows["external_ids"].append(
                {"entry_id": aid, "scheme": "gtd", "value": f"{stem}{n:04d}"})
        if rng.random() < 0.01:
            rows["aliases"] = self.ctx.aliases(aid, name, [(f"{city_name} massacre", "other")])


def create_attacks(ctx, total: int, batch: int, hot: dict, rich: int) -> list[float]:
    """Write ``total`` attacks in batches; return the seconds each full batch took."""
    builder = AttackBuilder(ctx)
    ids = ctx.writer.allocate(Entry, total)
    timings, buffers, parents = [], {}, []
    started = time.perf_counter()
    for i, aid in enumerate(ids):
        builder.build(aid, i < rich, hot.get(i), parents, buffers)
        if (i + 1) % batch == 0 or i == total - 1:
            ctx.flush(buffers)
            parents.clear()
            now = time.perf_counter()
            if (i + 1) % batch == 0:
                timings.append(now - started)
            started = now
            ctx.progress.say(f"attacks {i + 1:,}/{total:,}")
    return timings
