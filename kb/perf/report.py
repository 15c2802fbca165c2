"""The benchmark's output: a table for people, JSON for the next run, and the comparison.

A later run may not worsen a ratio by more than 25 % (BENCHMARK.md, "Gates"); query
counts must not change at all. ``compare`` prints both, case by case, and the scale
sweep reads the same way: the 5x run compared with the 1x run.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from kb.perf.bench import Result

RATIO_GATE = 1.25
SWEEP_GATE = 1.5


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}" if value < 10 else f"{value:,.1f}"


def _met(result: Result) -> str:
    if result.met is None:
        return "—"
    return "yes" if result.met else "NO"


def table(results: list[Result]) -> str:
    """One line per case: the figures, the baseline, the ratio and the target."""
    header = ("op", "case", "p50 ms", "p95 ms", "queries", "base p50", "ratio", "bytes",
              "met", "target")
    rows = []
    for r in results:
        if r.na or r.error:
            status = f"n/a: {r.na}" if r.na else f"error: {r.error}"
            rows.append((r.op, r.case, status, "", "", "", "", "", "", r.target))
            continue
        ratio = "—" if r.ratio is None else f"{r.ratio:.1f}x"
        p50 = _ms(r.p50) + ("*" if r.noisy else "")
        rows.append((r.op, r.case, p50, _ms(r.p95), str(r.queries), _ms(r.baseline_p50),
                     ratio, "—" if r.bytes is None else f"{r.bytes:,}", _met(r), r.target))
    measured = [row for row in rows if not row[2].startswith(("n/a", "error"))]
    widths = [max(len(str(row[i])) for row in [header, *measured]) for i in range(2, 9)]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in (0, 1)] + widths
    lines = []
    for row in [header, *rows]:
        if row[2].startswith(("n/a", "error")):
            lines.append(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")
            continue
        cells = [f"{row[0]:<{widths[0]}}", f"{row[1]:<{widths[1]}}"]
        cells += [f"{cell:>{widths[i + 2]}}" for i, cell in enumerate(row[2:-1])]
        lines.append("  ".join(cells) + f"  {row[-1]}")
    notes = [f"{r.op} {r.case}: {note}" for r in results for note in r.notes]
    if any(r.noisy for r in results):
        notes.append("* rounds differed by more than 10 %: a noisy figure, run again.")
    return "\n".join(lines + (["", *notes] if notes else []))


def markdown(results: list[Result]) -> str:
    """The table as Markdown, for the README."""
    lines = ["| op | case | p50 ms | p95 ms | queries | baseline p50 ms | ratio | target | met |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in results:
        if r.na or r.error:
            status = f"n/a: {r.na}" if r.na else f"error: {r.error}"
            lines.append(f"| {r.op} | {r.case} | {status} | | | | | {r.target} | |")
            continue
        ratio = "—" if r.ratio is None else f"{r.ratio:.1f}x"
        lines.append(
            f"| {r.op} | {r.case} | {_ms(r.p50)}{'*' if r.noisy else ''} | {_ms(r.p95)} | "
            f"{r.queries} | {_ms(r.baseline_p50)} | {ratio} | {r.target} | {_met(r)} |"
        )
    return "\n".join(lines)


def write_json(path: Path, results: list[Result], meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "results": [asdict(r) for r in results]}
    for entry in payload["results"]:
        entry.pop("sql", None)
    path.write_text(json.dumps(payload, indent=1) + "\n")


def read_json(path: Path) -> tuple[dict, list[Result]]:
    payload = json.loads(path.read_text())
    fields = set(Result.__dataclass_fields__)
    results = [Result(**{k: v for k, v in r.items() if k in fields}) for r in payload["results"]]
    return payload.get("meta", {}), results


def compare(old: list[Result], new: list[Result], *, sweep: bool = False) -> str:
    """Case by case: p95 then and now, query counts, ratios, and the gates broken."""
    before = {(r.op, r.case): r for r in old}
    lines = [f"{'op':<4} {'case':<34} {'p95 then':>9} {'p95 now':>9} {'change':>7} "
             f"{'queries':>9} {'ratio then':>10} {'ratio now':>9}  verdict"]
    for r in new:
        o = before.get((r.op, r.case))
        if o is None or r.na or r.error or o.na or o.error:
            continue
        change = r.p95 / o.p95 if o.p95 else float("inf")
        verdicts = []
        if r.queries != o.queries:
            verdicts.append(f"queries {o.queries} -> {r.queries}")
        if sweep and change > SWEEP_GATE:
            verdicts.append(f"p95 grew more than {SWEEP_GATE}x")
        if not sweep and r.ratio and o.ratio and r.ratio > o.ratio * RATIO_GATE:
            verdicts.append("ratio worse by more than 25 %")
        queries = f"{o.queries}->{r.queries}" if r.queries != o.queries else str(r.queries)
        lines.append(
            f"{r.op:<4} {r.case[:34]:<34} {_ms(o.p95):>9} {_ms(r.p95):>9} {change:>6.2f}x "
            f"{queries:>9} {_ratio(o.ratio):>10} {_ratio(r.ratio):>9}  "
            f"{'; '.join(verdicts) or 'ok'}"
        )
    return "\n".join(lines)


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}x"
