"""How each stage's cost grows with the data: the same tier at several scales, one table.

For every stage, its wall time at each scale and the growth exponent k between the smallest and
the largest scale, from t ∝ rowsᵏ over the rows loaded: k ≈ 1 is linear, k < 1 means fixed costs
still dominate at the small scale, and k > 1.2 is a stage that grows faster than its data (a bug
to find, unless its work is inherently more than linear).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.measure import Stage
from benchmarks.run import BENCH_DIR, Report
from thidua.errors import UserError

LOAD_STAGE = "load (normalise, resolve, GX gate)"
SUPERLINEAR = 1.2


@dataclass(frozen=True)
class Growth:
    stage: str
    seconds: dict[float, float]  # scale → wall seconds
    exponent: float | None

    @property
    def verdict(self) -> str:
        if self.exponent is None:
            return ""
        if self.exponent > SUPERLINEAR:
            return "faster than linear"
        return "linear" if self.exponent >= 0.8 else "sub-linear (fixed costs)"


def growth(reports: list[Report]) -> tuple[dict[float, int], list[Growth]]:
    """Rows loaded per scale, and each stage's growth over the scales where it ran to the end.

    A stage's size is its own row count where it has one (the GX stages validate one file),
    else the rows the run loaded. A stage that failed at a scale (the pandas peer out of memory)
    has no time there.
    """
    ordered = sorted(reports, key=lambda r: r.scale)
    rows = {r.scale: _loaded(r) for r in ordered}
    names = list(dict.fromkeys(s.name for r in ordered for s in r.stages))
    table = []
    for name in names:
        runs = {
            r.scale: (stage.wall_s, stage.rows or rows[r.scale])
            for r in ordered
            for stage in r.stages
            if stage.name == name and stage.extra.get("outcome", "ok") == "ok"
        }
        seconds = {scale: wall for scale, (wall, _) in runs.items()}
        exponent = None
        if len(runs) >= 2:
            (low_s, low_rows), (high_s, high_rows) = runs[min(runs)], runs[max(runs)]
            if low_s > 0 and high_s > 0 and low_rows and high_rows > low_rows:
                exponent = math.log(high_s / low_s) / math.log(high_rows / low_rows)
        table.append(Growth(name, seconds, exponent))
    return rows, table


def _loaded(report: Report) -> int:
    return next((s.rows or 0 for s in report.stages if s.name == LOAD_STAGE), 0)


def saved_report(tier: str, scale: float) -> Report:
    """A run saved by `thidua bench` (build/bench/<tier>-scale<F>.json), to tabulate again."""
    path = BENCH_DIR / f"{tier}-scale{scale:g}.json"
    if not path.exists():
        raise UserError(
            f"chưa có lần đo {tier} ở tỉ lệ {scale:g} ({path}); chạy `thidua bench` trước",
            f"no saved {tier} run at scale {scale:g} ({path}); run `thidua bench` first",
        )
    data = json.loads(path.read_text(encoding="utf-8"))
    report = Report(tier, scale)
    known = {"wall_seconds", "peak_memory_mb", "floor_seconds", "floor", "ratio", "rows"}
    for name, stage in data["stages"].items():
        report.stages.append(
            Stage(
                name,
                stage["wall_seconds"],
                stage["peak_memory_mb"],
                stage["floor_seconds"],
                stage["floor"],
                # runs saved before the peer's fact counts had a key of their own kept them here
                stage["rows"] if isinstance(stage["rows"], int) else None,
                {k: v for k, v in stage.items() if k not in known},
            )
        )
    return report


def format_growth(rows: dict[float, int], table: list[Growth]) -> str:
    scales = list(rows)
    header = f"{'stage':<44}" + "".join(f" {'×' + format(s, 'g'):>9}" for s in scales)
    header += f" {'k':>6}  verdict"
    lines = [
        header,
        f"{'rows loaded':<44}" + "".join(f" {rows[s] / 1e6:8.2f}M" for s in scales),
        "-" * len(header),
    ]
    for item in table:
        cells = "".join(
            f" {item.seconds[s]:8.2f}s" if s in item.seconds else f" {'failed':>9}" for s in scales
        )
        exponent = "" if item.exponent is None else f"{item.exponent:6.2f}"
        lines.append(f"{item.stage:<44}{cells} {exponent:>6}  {item.verdict}")
    return "\n".join(lines)


def run_growth(
    tier: str,
    scales: list[float],
    run: Callable[[float], Report],
    say: Callable[[str], None] = print,
) -> list[Growth]:
    """Run the tier at every scale (smallest first), then print and save the growth table."""
    if len(scales) < 2:
        raise ValueError("growth needs at least two scales")
    reports = [run(scale) for scale in sorted(scales)]
    rows, table = growth(reports)
    say(format_growth(rows, table))
    out = BENCH_DIR / f"{tier}-growth.json"
    out.write_text(
        json.dumps(
            {
                "tier": tier,
                "rows_loaded": {format(s, "g"): n for s, n in rows.items()},
                "stages": {
                    g.stage: {
                        "seconds": {format(s, "g"): round(t, 3) for s, t in g.seconds.items()},
                        "exponent": None if g.exponent is None else round(g.exponent, 2),
                        "verdict": g.verdict,
                    }
                    for g in table
                },
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    say(f"→ {out}")
    return table
