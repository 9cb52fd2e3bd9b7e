"""The benchmark's own logic: the load stages run end to end on a small file, and the growth table
reads its verdicts right (timings are never asserted)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from benchmarks.growth import LOAD_STAGE, format_growth, growth
from benchmarks.load_formats import FORMATS, prepare, run_load_formats
from benchmarks.measure import Stage
from benchmarks.run import Report

ROWS = 3000


@pytest.mark.slow
@pytest.mark.integration
def test_each_format_loads_every_row_beside_its_floor(tmp_path: Path) -> None:
    said: list[str] = []
    stages = run_load_formats(tmp_path / "work", ROWS, 1, said.append, tmp_path / "files")

    assert [stage.name for stage in stages] == [
        f"load {fmt.upper()}, {ROWS:,} score rows" for fmt in FORMATS
    ]
    for stage in stages:
        assert stage.rows == ROWS
        assert stage.floor_s is not None and stage.floor_s > 0
        assert stage.ratio is not None and stage.peak_mb > 0
    # the three files hold the same rows: the formats are compared on equal terms
    files = prepare(ROWS, 1, said.append, tmp_path / "files")
    con = duckdb.connect()
    try:
        csv_rows = con.execute(
            f"select count(*), sum(points) from read_csv('{files.scores['csv']}')"
        ).fetchall()
        parquet_rows = con.execute(
            f"select count(*), sum(points) from read_parquet('{files.scores['parquet']}')"
        ).fetchall()
    finally:
        con.close()
    assert csv_rows == parquet_rows and csv_rows[0][0] == ROWS
    # written once: a second run reuses the files instead of writing them again
    assert sum("writing" in line for line in said) == 1


def _report(scale: float, rows: int, stages: dict[str, float], failed: str = "") -> Report:
    report = Report("national", scale)
    report.stages.append(Stage(LOAD_STAGE, stages.pop(LOAD_STAGE), 0.0, rows=rows))
    for name, seconds in stages.items():
        stage = Stage(name, seconds, 0.0)
        if name == failed:
            stage.extra = {"outcome": "out of memory (limit 16 GB)"}
        report.stages.append(stage)
    return report


def test_growth_tells_linear_from_fixed_cost_and_faster_than_linear_stages() -> None:
    reports = [
        _report(0.1, 1_000_000, {LOAD_STAGE: 10.0, "build": 30.0, "join": 1.0, "peer": 2.0}),
        _report(
            1.0,
            10_000_000,
            {LOAD_STAGE: 100.0, "build": 40.0, "join": 100.0, "peer": 9.0},
            failed="peer",
        ),
    ]
    rows, table = growth(reports)
    assert rows == {0.1: 1_000_000, 1.0: 10_000_000}
    exponents = {g.stage: g.exponent for g in table}
    verdicts = {g.stage: g.verdict for g in table}
    assert exponents[LOAD_STAGE] == pytest.approx(1.0) and verdicts[LOAD_STAGE] == "linear"
    assert verdicts["build"] == "sub-linear (fixed costs)"
    assert exponents["join"] == pytest.approx(2.0) and verdicts["join"] == "faster than linear"
    # a stage that failed at a scale has no time there, and no growth from one point
    peer = next(g for g in table if g.stage == "peer")
    assert peer.seconds == {0.1: 2.0} and peer.exponent is None
    assert "failed" in format_growth(rows, table)


@pytest.mark.integration
def test_the_minimal_floor_computes_the_peers_headline_facts(tmp_path: Path) -> None:
    """The minimal floor is only a fair yardstick if it answers the same questions: the same
    unit-years with the same share of maximum and rank as the pandas peer, from the same files."""
    from benchmarks.minimal_floor import build_headline_facts, run_minimal_floor
    from benchmarks.peer import yearly_facts
    from thidua.generate import generate

    folder = tmp_path / "generated"
    generate("province", 1, folder, "csv", scale=1.0)
    peer = yearly_facts(folder)
    floor = run_minimal_floor(folder)
    assert floor.unit_years == len(peer["unit_year_scores"]) > 0
    assert floor.cluster_years == len(peer["cluster_year"])

    con = duckdb.connect()
    try:
        build_headline_facts(con, folder)
        ours = {
            (o, c, int(y), u): (round(share, 6), int(rank))
            for o, c, y, u, share, rank in con.execute(
                "select organizer, cluster, results_year, unit, share_of_max, rank_by_score"
                " from unit_year"
            ).fetchall()
        }
    finally:
        con.close()
    theirs = {
        (r.organizer, r.cluster, int(r.results_year), r.unit): (
            round(r.share_of_max, 6),
            int(r.rank_by_score),
        )
        for r in peer["unit_year_scores"].itertuples()
    }
    assert ours == theirs
    stage = Stage("load", 2 * floor.seconds, 0.0, minimal_s=floor.seconds)
    assert stage.ratio_to_minimal == 2.0


def test_the_browser_timings_the_e2e_test_writes_become_bench_rows(tmp_path: Path) -> None:
    import json

    from benchmarks.run import browser_stages

    timings = tmp_path / "timings.json"
    assert browser_stages(timings) == []  # no browser run yet: nothing made up
    timings.write_text(
        json.dumps(
            {
                "pages": {
                    "tong-quan": {
                        "cold_server": True,
                        "ready_s": 2.5,
                        "first_contentful_paint_s": 0.4,
                    },
                    "cum-khoi": {
                        "cold_server": False,
                        "ready_s": 1.2,
                        "main_visual_s": 1.1,
                        "main_visual_new_tab_s": 2.1,
                    },
                    "don-vi": {
                        "cold_server": False,
                        "ready_s": 1.0,
                        "main_visual_s": 0.9,
                        "main_visual_new_tab_s": 1.9,
                    },
                }
            }
        ),
        encoding="utf-8",
    )
    stages = browser_stages(timings)
    assert [(s.name, s.wall_s) for s in stages] == [
        ("browser: tong-quan ready (cold server)", 2.5),
        ("browser: cum-khoi main visual", 1.1),
        ("browser: don-vi main visual", 0.9),
        # the pages that were also opened in a new tab each: their median, the slowest beside
        ("browser: main visual, each page in a new tab (median of 2)", 2.0),
    ]
    assert stages[-1].extra["slowest_s"] == 2.1
    assert stages[1].extra["ready_s"] == 1.2  # the end of the run stays beside it
