"""Three-way merge of entry snapshots: nothing is ever silently overwritten.

A proposal was edited from ``base``; meanwhile ``live`` may have moved on. Every field,
every many-to-many set and every owned row (by natural key, then field by field) merges
on its own: what changed on one side only is taken from that side; what changed on both
sides to different values is a conflict the reviewer resolves.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from kb.editorial.snapshot import declaration_for_kind

LIVE, PROPOSED = "live", "proposed"


@dataclass(frozen=True)
class Conflict:
    """One place where live and proposal changed the same thing differently.

    ``path`` is ("fields", name) for an entry field, or ("rows", collection, key) for a
    whole owned row (added, removed or changed on both sides).
    """

    path: tuple[str, ...]
    base: object
    live: object
    proposed: object

    @property
    def id(self) -> str:
        return ":".join(self.path)


@dataclass
class MergeResult:
    merged: dict
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _pick(base, live, proposed):
    """The merged value, or a sentinel when both sides changed it differently."""
    if proposed == base or live == proposed:
        return live, False
    if live == base:
        return proposed, False
    return None, True


def three_way(*, base: dict, live: dict, proposed: dict) -> MergeResult:
    """Merge ``proposed`` onto ``live``, both descended from ``base``."""
    merged = copy.deepcopy(live)
    result = MergeResult(merged)
    merged["schema"] = proposed.get("schema", live.get("schema"))

    names = set(live.get("fields", {})) | set(proposed.get("fields", {}))
    for name in sorted(names):
        b = base.get("fields", {}).get(name)
        lv = live.get("fields", {}).get(name)
        p = proposed.get("fields", {}).get(name, b)
        value, conflict = _pick(b, lv, p)
        if conflict:
            result.conflicts.append(Conflict(("fields", name), b, lv, p))
        else:
            merged.setdefault("fields", {})[name] = value

    for name in set(live.get("m2m", {})) | set(proposed.get("m2m", {})):
        b = set(base.get("m2m", {}).get(name, []))
        lv = set(live.get("m2m", {}).get(name, b))
        p = set(proposed.get("m2m", {}).get(name, b))
        merged.setdefault("m2m", {})[name] = sorted((lv | (p - b)) - (b - p))

    kind = live.get("kind") or proposed.get("kind")
    decl = declaration_for_kind(kind)
    for owned in decl.owned:
        if owned.name not in proposed.get("rows", {}):
            continue
        merged.setdefault("rows", {})[owned.name] = _merge_rows(
            owned,
            base.get("rows", {}).get(owned.name, []),
            live.get("rows", {}).get(owned.name, []),
            proposed["rows"][owned.name],
            result,
        )
    return result


def _merge_rows(owned, base_rows, live_rows, proposed_rows, result: MergeResult) -> list[dict]:
    b = {owned.row_key(r): r for r in base_rows}
    lv = {owned.row_key(r): r for r in live_rows}
    p = {owned.row_key(r): r for r in proposed_rows}
    out = []
    for key in sorted(set(b) | set(lv) | set(p)):
        rb, rl, rp = b.get(key), lv.get(key), p.get(key)
        if rl is not None and rp is not None and rb is not None:
            row, conflict = _merge_row_fields(rb, rl, rp)
            if conflict:
                result.conflicts.append(Conflict(("rows", owned.name, key), rb, rl, rp))
                row = rl
            out.append(row)
            continue
        value, conflict = _pick(rb, rl, rp)
        if conflict:
            result.conflicts.append(Conflict(("rows", owned.name, key), rb, rl, rp))
            value = rl
        if value is not None:
            out.append(value)
    return out


def _merge_row_fields(base: dict, live: dict, proposed: dict) -> tuple[dict, bool]:
    """A row kept on both sides merges column by column; any clash makes it a conflict."""
    row = {}
    for name in set(base) | set(live) | set(proposed):
        value, conflict = _pick(base.get(name), live.get(name), proposed.get(name))
        if conflict:
            return live, True
        row[name] = value
    return row, False


def resolve(result: MergeResult, choices: dict[str, str]) -> dict:
    """Apply the reviewer's choice (``live`` or ``proposed``) for every conflict.

    Raises ``KeyError`` naming the first conflict left without a choice.
    """
    merged = copy.deepcopy(result.merged)
    for conflict in result.conflicts:
        choice = choices.get(conflict.id)
        if choice not in (LIVE, PROPOSED):
            raise KeyError(conflict.id)
        value = conflict.live if choice == LIVE else conflict.proposed
        if conflict.path[0] == "fields":
            merged["fields"][conflict.path[1]] = value
            continue
        _, collection, key = conflict.path
        decl = declaration_for_kind(merged["kind"])
        owned = decl.owned_by_name(collection)
        rows = [r for r in merged["rows"][collection] if owned.row_key(r) != key]
        if value is not None:
            rows.append(value)
        merged["rows"][collection] = sorted(rows, key=owned.row_key)
    return merged
