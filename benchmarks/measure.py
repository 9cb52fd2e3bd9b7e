"""Wall time and peak memory of one stage, measured in this process and its children."""

from __future__ import annotations

import contextlib
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


@dataclass
class Stage:
    """One row of the benchmark table."""

    name: str
    wall_s: float
    peak_mb: float
    floor_s: float | None = None
    floor_what: str = ""
    rows: int | None = None
    extra: dict[str, float | int | str] = field(default_factory=dict)
    # the minimal floor (benchmarks.minimal_floor): the headline facts from the raw files
    minimal_s: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.floor_s is None or self.floor_s <= 0:
            return None
        return self.wall_s / self.floor_s

    @property
    def ratio_to_minimal(self) -> float | None:
        if self.minimal_s is None or self.minimal_s <= 0:
            return None
        return self.wall_s / self.minimal_s

    def as_json(self) -> dict[str, object]:
        return {
            "wall_seconds": round(self.wall_s, 3),
            "peak_memory_mb": round(self.peak_mb, 1),
            "floor_seconds": None if self.floor_s is None else round(self.floor_s, 3),
            "floor": self.floor_what,
            "ratio": None if self.ratio is None else round(self.ratio, 2),
            "ratio_to_minimal": (
                None if self.ratio_to_minimal is None else round(self.ratio_to_minimal, 2)
            ),
            "rows": self.rows,
            **self.extra,
        }


def _high_water_mark_kb() -> int:
    for line in _STATUS.read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _reset_high_water_mark() -> None:
    # Linux resets VmHWM to the current RSS when "5" is written to clear_refs: a per-stage peak.
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5")


def timed(run: Callable[[], T]) -> tuple[T, float, float]:
    """run() → (its result, wall seconds, peak MB of this process or of a child it waited for)."""
    _reset_high_water_mark()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = run()
    wall = time.perf_counter() - started
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    own_peak_kb = _high_water_mark_kb()
    # RUSAGE_CHILDREN only ever grows: a child counts when it set a new maximum in this stage.
    child_peak_kb = children_after if children_after > children_before else 0
    return result, wall, max(own_peak_kb, child_peak_kb) / 1024


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 of a list of timings."""
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    index = min(len(ordered) - 1, max(0, round(0.95 * (len(ordered) - 1))))
    return p50, ordered[index]
