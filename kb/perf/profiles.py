"""Groups and people: long narrative profiles, aliases, relations, designations, roles.

A few groups carry most attacks (the weights set here drive the attack phase): the top
30 % of groups share them along a Zipf curve, steep enough that the top 20 carry about
half, and the other 70 % have about one each. The 20 best-known groups have the 20,000 to
50,000-word profiles; other profiles run from 500 to 5,000 words over eight sections.
"""

from __future__ import annotations

import math
from itertools import accumulate

from kb.choices import (
    AliasKind,
    Confidence,
    EntryKind,
    GroupRelationKind,
    GroupStatus,
    Ideology,
    PersonGroupRoleKind,
    PersonRelationKind,
    PersonStatus,
)
from kb.models import (
    Alias,
    Citation,
    Designation,
    Entry,
    ExternalIdentifier,
    Group,
    GroupRelation,
    Person,
    PersonGroupRole,
    PersonRelation,
    SizeEstimate,
)
from kb.perf.context import GroupInfo, arabic_script
from kb.perf.snapshots import SnapshotMaker
from kb.perf.world import GIVEN_NAMES, GROUP_PATTERNS, TRANSLITERATIONS

SECTION_SHARES = (
    ("body", 0.15), ("history", 0.3), ("leadership", 0.1), ("ideology_and_goals", 0.1),
    ("size_and_resources", 0.05), ("geography", 0.1), ("targets_and_tactics", 0.15),
    ("relationships", 0.05),
)
AUTHORITIES = (
    "United Nations Security Council", "US Department of State", "UK Home Office",
    "European Union", "Government of Pakistan", "Government of India",
)
ROLE_WEIGHTS = [
    (PersonGroupRoleKind.MEMBER, 60), (PersonGroupRoleKind.COMMANDER, 15),
    (PersonGroupRoleKind.LEADER, 5), (PersonGroupRoleKind.FOUNDER, 3),
    (PersonGroupRoleKind.SPOKESPERSON, 4), (PersonGroupRoleKind.FINANCIER, 4),
    (PersonGroupRoleKind.RECRUITER, 4), (PersonGroupRoleKind.IDEOLOGUE, 3),
    (PersonGroupRoleKind.OTHER, 2),
]
HEAD_SHARE, HEAD_EXPONENT, TAIL_LINKS = 0.3, 1.2, 1.3
LONG_PROFILES = 20


def group_weights(n: int, expected_links: float) -> list[float]:
    head = max(1, round(n * HEAD_SHARE))
    weights = [1.0 / (r + 3) ** HEAD_EXPONENT for r in range(head)]
    tail = n - head
    if tail:
        head_links = max(1.0, expected_links - TAIL_LINKS * tail)
        each = sum(weights) * (TAIL_LINKS / head_links)
        weights += [each] * tail
    return weights


def _profile_words(ctx, rank: int, long_profiles: int) -> int:
    if rank < long_profiles:
        return ctx.rng.randint(20_000, 50_000)
    return round(math.exp(ctx.rng.uniform(math.log(500), math.log(5_000))))


def _group_name(ctx, country_name: str) -> str:
    core = ctx.rng.choice(ctx.pool.vocabulary[300:6000]).capitalize()
    subject = country_name.split()[0] if country_name and ctx.rng.random() < 0.3 else core
    return ctx.rng.choice(GROUP_PATTERNS).format(a=subject)


def _designations(ctx, gid: int, info: GroupInfo) -> list[dict]:
    rows = []
    for k, authority in enumerate(ctx.rng.sample(AUTHORITIES, ctx.rng.randint(1, 3))):
        on, precision = ctx.partial_date(ctx.rng.randint(max(info.start, 1997), 2020))
        rows.append({"group_id": gid, "authority": authority, "designated_on": on,
                     "designated_on_precision": precision, "reference": f"QDe.{gid % 1000}.{k}"})
    return rows


def _initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    return "".join(p[0].upper() if len(p) > 3 else p[0].lower() for p in parts)


def create_groups(ctx, total: int, expected_links: float, batch: int, hot: dict) -> None:
    """``total`` groups, largest first; ``hot`` maps a rank to its number of revisions.

    Each group gets a home country and active years, which the attack phase reads to
    place and date the group's attacks.
    """
    rng, writer = ctx.rng, ctx.writer
    maker = SnapshotMaker(Group, writer)
    ids = writer.allocate(Entry, total)
    for gid in ids:
        country = ctx.pick_country()
        start = rng.randint(1960, 2016)
        end = min(2020, start + rng.randint(3, 45)) if rng.random() < 0.3 else 2020
        ctx.groups.append(GroupInfo(gid, country, max(1970, start), max(1970, end)))
    ctx.group_cum = list(accumulate(group_weights(total, expected_links)))
    long_profiles = min(LONG_PROFILES, max(1, round(total * LONG_PROFILES / 3500)))

    buffers: dict = {}
    relations: list[dict] = []
    for rank, info in enumerate(ctx.groups):
        gid, name = info.id, _group_name(ctx, ctx.place_names[info.country])
        ctx.group_names[gid] = name
        words = _profile_words(ctx, rank, long_profiles)
        sections = {f: ctx.pool.markdown(rng, max(40, round(words * s))) for f, s in SECTION_SHARES}
        values = ctx.entry(gid, EntryKind.GROUP, name, ctx.pool.text(rng, rng.randint(20, 50)),
                           sections.pop("body"))
        founded, founded_p = ctx.partial_date(max(1960, info.start - rng.randint(0, 5)), 0.3)
        dissolved = info.end < 2020
        values.update(sections, entry_ptr_id=gid, abbreviation=_initials(name)[:40],
                      founded_on=founded, founded_on_precision=founded_p,
                      status=GroupStatus.DISSOLVED if dissolved else rng.choice(
                          (GroupStatus.ACTIVE, GroupStatus.ACTIVE, GroupStatus.INACTIVE,
                           GroupStatus.UNKNOWN)),
                      ideology=rng.choice(Ideology.values))
        if dissolved:
            values["dissolved_on"], values["dissolved_on_precision"] = ctx.partial_date(
                max(info.end, founded.year + 1), 0.2)
        rows = _group_rows(ctx, info, rank, name)
        areas = [info.country, *rng.sample(ctx.provinces_by_country[info.country],
                                           min(2, len(ctx.provinces_by_country[info.country])))]
        m2m = {"areas": areas[:rng.randint(1, 3)]}
        data = maker.make(values, m2m, rows)
        published = rank < 100 or rng.random() > 0.02
        approved = hot.get(rank) or ctx.revision_count()
        values.update(ctx.history.chain(gid, data, created=ctx.created_at(info.start),
                                    approved=approved, published=published))
        if published:
            ctx.published_entries.append(gid)
        _buffer(buffers, Entry, values)
        _buffer(buffers, Group, values)
        for area in m2m["areas"]:
            _buffer(buffers, Group.areas.through, {"group_id": gid, "place_id": area})
        for model, key in ((Alias, "aliases"), (ExternalIdentifier, "external_ids"),
                           (Designation, "designations"), (SizeEstimate, "size_estimates"),
                           (Citation, "citations")):
            for row in rows[key]:
                _buffer(buffers, model, row)
        relations.extend(rows["relations"])
        if (rank + 1) % batch == 0 or rank == total - 1:
            ctx.flush(buffers)
            ctx.progress.say(f"groups {rank + 1:,}/{total:,}")
    # Relations name groups of later batches: they go in once every group is in.
    ctx.flush({GroupRelation: relations})


def _group_rows(ctx, info: GroupInfo, rank: int, name: str) -> dict[str, list[dict]]:
    """What a group's revision owns: aliases, identifiers, designations, sizes, relations,
    citations. The best-known groups (low ranks) are the best documented."""
    rng, gid = ctx.rng, info.id
    variants = [(_initials(name), AliasKind.ACRONYM),
                (name.replace("-e-", "-i-").replace(" al-", " al "), AliasKind.TRANSLITERATION),
                (arabic_script(name), AliasKind.NATIVE)]
    if rng.random() < 0.3:
        variants.append((_group_name(ctx, ""), AliasKind.FORMER_NAME))
    rows = {
        "aliases": ctx.aliases(gid, name, variants),
        "external_ids": [],
        "designations": _designations(ctx, gid, info)
        if rank < 200 or rng.random() < 0.05 else [],
        "size_estimates": _size_estimates(ctx, info) if rank < 300 or rng.random() < 0.1 else [],
        "relations": [],
        "citations": ctx.citations(gid, rng.randint(3, 12),
                                   ("founded_on", "history", "leadership", "status")),
    }
    if rng.random() < 0.4:
        qid = f"Q{7_000_000 + gid}"
        rows["external_ids"].append({"entry_id": gid, "scheme": "wikidata", "value": qid,
                                     "url": f"https://www.wikidata.org/wiki/{qid}"})
    if rng.random() < 0.25 and len(ctx.groups) > 1:
        objects = {ctx.pick_group().id for _ in range(rng.randint(1, 3))} - {gid}
        rows["relations"] = [
            {"subject_id": gid, "object_id": o, "kind": rng.choice(GroupRelationKind.values),
             "confidence": rng.choice(Confidence.values)} for o in sorted(objects)
        ]
    for relation in rows["relations"][:1]:
        relation["id"] = ctx.writer.allocate(GroupRelation, 1)[0]
        rows["citations"].append({
            "entry_id": gid, "source_id": ctx.pick_sources(1)[0], "locator": "relation",
            "target_type_id": ctx.content_types[GroupRelation], "target_id": relation["id"],
            "_target": ("relations", relation),
        })
    return rows


def _size_estimates(ctx, info: GroupInfo) -> list[dict]:
    span = range(info.start, info.end + 1)
    years = sorted(ctx.rng.sample(span, min(len(span), ctx.rng.randint(1, 3))))
    rows = []
    for year in years:
        best = ctx.rng.randint(20, 20_000)
        rows.append({"group_id": info.id, "year": year, "low": best // 2, "best": best,
                     "high": best * 2})
    return rows


def _buffer(buffers: dict, model, row: dict) -> None:
    buffers.setdefault(model, []).append(row)


def _person_name(ctx) -> str:
    rng = ctx.rng
    given = rng.choice(GIVEN_NAMES)
    family = rng.choice(ctx.pool.vocabulary[200:8000]).capitalize()
    roll = rng.random()
    if roll < 0.15:
        return f"Abu {given} al-{family}"
    if roll < 0.3:
        return f"{given} {rng.choice(GIVEN_NAMES)} {family}"
    return f"{given} {family}"


def create_people(ctx, total: int, batch: int, hot: dict) -> None:
    """People with zero to three roles in groups (big groups have more members), aliases
    in transliteration variants, and now and then a tie to another person."""
    rng, writer = ctx.rng, ctx.writer
    maker = SnapshotMaker(Person, writer)
    ids = writer.allocate(Entry, total)
    roles, role_cum = [r for r, _ in ROLE_WEIGHTS], list(accumulate(w for _, w in ROLE_WEIGHTS))
    buffers: dict = {}
    for i, pid in enumerate(ids):
        name = _person_name(ctx)
        values = ctx.entry(pid, EntryKind.PERSON, name, ctx.pool.text(rng, rng.randint(10, 30)),
                           ctx.pool.markdown(rng, rng.randint(50, 400)))
        born = rng.randint(1940, 1995)
        values.update(entry_ptr_id=pid, status=PersonStatus.UNKNOWN,
                      nationality_id=ctx.pick_country() if rng.random() < 0.8 else None)
        if rng.random() < 0.6:
            values["born_on"], values["born_on_precision"] = ctx.partial_date(born, 0.2)
        if rng.random() < 0.3:
            values["died_on"], values["died_on_precision"] = ctx.partial_date(
                rng.randint(born + 18, 2020), 0.8)
            values["status"] = rng.choice((PersonStatus.KILLED, PersonStatus.DECEASED))
        elif rng.random() < 0.4:
            values["status"] = rng.choice((PersonStatus.ACTIVE, PersonStatus.ARRESTED,
                                           PersonStatus.IMPRISONED))
        first = name.split()[0] if not name.startswith("Abu") else name.split()[1]
        variants = [(f"Abu {rng.choice(GIVEN_NAMES)}", AliasKind.NICKNAME)] \
            if rng.random() < 0.3 else []
        if first in TRANSLITERATIONS:
            variants.append((name.replace(first, TRANSLITERATIONS[first], 1),
                             AliasKind.TRANSLITERATION))
        if rng.random() < 0.2:
            variants.append((arabic_script(name), AliasKind.NATIVE))
        memberships = rng.choices((0, 1, 2, 3), weights=(25, 40, 25, 10))[0]
        groups = list(dict.fromkeys(ctx.pick_group().id for _ in range(memberships)))
        group_roles = []
        for gid in groups:
            role = {"person_id": pid, "group_id": gid,
                    "role": rng.choices(roles, cum_weights=role_cum)[0]}
            if rng.random() < 0.6:
                role["started_on"], role["started_on_precision"] = ctx.partial_date(
                    rng.randint(born + 16, 2020), 0.1)
            group_roles.append(role)
            ctx.members_by_group.setdefault(gid, []).append(pid)
        relations = []
        if ctx.person_ids and rng.random() < 0.1:
            relations.append({"person_id": pid, "other_id": rng.choice(ctx.person_ids),
                              "kind": rng.choice(PersonRelationKind.values)})
        rows = {"aliases": ctx.aliases(pid, name, variants), "external_ids": [],
                "group_roles": group_roles, "relations": relations,
                "citations": ctx.citations(pid, rng.randint(1, 3), ("born_on", "status"))}
        data = maker.make(values, {}, rows)
        published = rng.random() > 0.02
        values.update(ctx.history.chain(pid, data, created=ctx.created_at(2019),
                                    approved=hot.get(i) or ctx.revision_count(),
                                    published=published))
        ctx.person_ids.append(pid)
        if published:
            ctx.published_entries.append(pid)
        _buffer(buffers, Entry, values)
        _buffer(buffers, Person, values)
        for model, key in ((Alias, "aliases"), (PersonGroupRole, "group_roles"),
                           (PersonRelation, "relations"), (Citation, "citations")):
            for row in rows[key]:
                _buffer(buffers, model, row)
        if (i + 1) % batch == 0 or i == total - 1:
            ctx.flush(buffers)
            ctx.progress.say(f"people {i + 1:,}/{total:,}")
