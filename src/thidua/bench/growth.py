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

from thidua.bench.run import BENCH_DIR, Report

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
    """Rows loaded per scale, and each stage's growth from the smallest to the largest scale."""
    ordered = sorted(reports, key=lambda r: r.scale)
    rows = {r.scale: _rows(r) for r in ordered}
    first, last = ordered[0], ordered[-1]
    names = [s.name for s in last.stages if s.name in {t.name for t in first.stages}]
    table = []
    for name in names:
        seconds = {
            r.scale: next(s.wall_s for s in r.stages if s.name == name)
            for r in ordered
            if any(s.name == name for s in r.stages)
        }
        low, high = seconds.get(first.scale), seconds.get(last.scale)
        spread = rows[last.scale] / rows[first.scale] if rows[first.scale] else 0
        exponent = (
            math.log(high / low) / math.log(spread)
            if low and high and low > 0 and spread > 1
            else None
        )
        table.append(Growth(name, seconds, exponent))
    return rows, table


def _rows(report: Report) -> int:
    return next((s.rows or 0 for s in report.stages if s.name == LOAD_STAGE), 0)


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
            f" {item.seconds[s]:8.2f}s" if s in item.seconds else f" {'':>9}" for s in scales
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
