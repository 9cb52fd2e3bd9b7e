"""`thidua bench`: every stage of the pipeline on one tier, each beside its floor, in one run.

Stages: generate → load (normalise, resolve, GX gate) → dbt build (full) → dbt build (incremental,
after one new results year) → publish → the dashboard's page queries. Each stage's floor is
measured in the same run on the same files: DuckDB reading the files with no checks (load), the
same SQL as plain statements in one DuckDB session (build), the bare query on an open connection
(dashboard). Ratios, not seconds, are what compare across machines.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from benchmarks.floor_build import run_floor
from benchmarks.load_formats import DEFAULT_ROWS, read_into_table, run_load_formats
from benchmarks.measure import Stage, percentiles, timed
from benchmarks.minimal_floor import run_minimal_floor
from thidua import warm_command
from thidua.generate import generate
from thidua.ingest.aliases import add_alias
from thidua.ingest.landing import open_raw
from thidua.ingest.loader import load_files
from thidua.paths import PROJECT_ROOT, SAMPLE_DIR, Home
from thidua.query.dashboard.pages import page_queries
from thidua.query.read import read_query
from thidua.warehouse import warm_dbt
from thidua.warehouse.build import BuildResult, build_and_publish

BENCH_DIR = PROJECT_ROOT / "build" / "bench"
DASHBOARD_REPEATS = 20


@dataclass
class Report:
    tier: str
    scale: float
    stages: list[Stage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, stage: Stage, say: Callable[[str], None]) -> None:
        self.stages.append(stage)
        ratio = "" if stage.ratio is None else f"  ×{stage.ratio:.2f} of floor"
        minimal = "" if stage.ratio_to_minimal is None else f", ×{stage.ratio_to_minimal:.1f} min"
        say(f"  {stage.name}: {stage.wall_s:.2f}s, peak {stage.peak_mb:.0f} MB{ratio}{minimal}")

    def as_json(self) -> dict[str, object]:
        return {
            "tier": self.tier,
            "scale": self.scale,
            "machine": machine(),
            "stages": {s.name: s.as_json() for s in self.stages},
            "notes": self.notes,
        }


def machine() -> dict[str, object]:
    import os

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "duckdb": duckdb.__version__,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1),
    }


def _record_files(folder: Path) -> list[Path]:
    """Record files under a generated folder (the national tier keeps Thanh Hóa in a subfolder)."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".csv", ".parquet"))


def _floor_read(files: list[Path]) -> None:
    """DuckDB reading the same files into tables, no checks: the load floor."""
    con = duckdb.connect()
    try:
        for index, path in enumerate(files):
            read_into_table(con, path, f"t{index}")
    finally:
        con.close()


def next_year_files(source: Path, target: Path) -> int:
    """The last results year of a generated sample, relabelled as the year after: one new year
    of records with the same shape, for the incremental build."""
    target.mkdir(parents=True, exist_ok=True)
    rows = 0
    files = [p for p in source.iterdir() if p.suffix in (".csv", ".parquet")]
    yearly_scores = sorted(p for p in files if p.stem.startswith("scores_"))
    if yearly_scores:  # scores split per year: only the last year's file matters
        files = [p for p in files if not p.stem.startswith("scores_")] + yearly_scores[-1:]
    for path in sorted(files):
        if path.stem in ("clusters", "organizers", "units"):
            continue
        frame = (
            pl.read_csv(path, infer_schema=False)
            if path.suffix == ".csv"
            else pl.read_parquet(path).with_columns(pl.all().cast(pl.Utf8))
        )
        last = frame["results_year"].cast(pl.Int32).max()
        year = frame.filter(pl.col("results_year").cast(pl.Int32) == last).with_columns(
            (pl.col("results_year").cast(pl.Int32) + 1).cast(pl.Utf8).alias("results_year")
        )
        for column in ("event_date", "end_date", "decision_date"):
            if column in year.columns:
                year = year.with_columns(
                    pl.col(column)
                    .str.to_date(strict=False)
                    .dt.offset_by("1y")
                    .dt.strftime("%Y-%m-%d")
                    .alias(column)
                )
        year.write_csv(target / f"{path.stem.split('_')[0]}.csv")
        rows += year.height
    return rows


PEER_MEMORY_LIMIT_GB = 16


def _peer_stage(folder: Path, floor_s: float) -> Stage:
    """The pandas peer in a child process with an address-space limit; its peak from wait4."""
    import resource

    limit = PEER_MEMORY_LIMIT_GB * 1024**3

    def _limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.peer", str(folder)],
        cwd=PROJECT_ROOT,  # where the benchmarks package is found
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limit,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    out = child.stdout.read().decode() if child.stdout else ""
    err = child.stderr.read().decode() if child.stderr else ""
    stage = Stage(
        "peer: pandas yearly facts", wall, usage.ru_maxrss / 1024, floor_s, "load + build floors"
    )
    if child.returncode != 0:
        reason = "out of memory" if "MemoryError" in err or child.returncode < 0 else "failed"
        stage.extra = {"outcome": f"{reason} (limit {PEER_MEMORY_LIMIT_GB} GB)"}
    else:
        stage.extra = {"outcome": "ok", "fact_rows": out.strip()}
    return stage


# Written by tests/test_e2e.py: each page's times in a real browser.
BROWSER_TIMINGS = PROJECT_ROOT / "build" / "screenshots" / "timings.json"


def browser_stages(path: Path) -> list[Stage]:
    """Each page's time from navigation to its main visual (chart, table or tiles) drawn, in
    headless Chromium, as the last browser test measured it (the benchmark itself starts no
    browser): the pages one after another in one tab, each a new session. A page without a
    main visual reports the end of the app's run instead. Then the median of the same pages
    each opened in a new tab, which adds the browser's own start of a tab."""
    if not path.exists():
        return []
    pages = json.loads(path.read_text(encoding="utf-8")).get("pages", {})
    stages = []
    for name, timing in pages.items():
        visual = timing.get("main_visual_s")
        what = "main visual" if visual is not None else "ready"
        stages.append(
            Stage(
                f"browser: {name} {what}{' (cold server)' if timing.get('cold_server') else ''}",
                float(visual if visual is not None else timing["ready_s"]),
                0.0,
                extra={
                    key: timing.get(key) or ""
                    for key in (
                        "first_contentful_paint_s",
                        "title_visible_s",
                        "ready_s",
                        "main_visual_new_tab_s",
                    )
                },
            )
        )
    new_tab = [
        float(t["main_visual_new_tab_s"]) for t in pages.values() if t.get("main_visual_new_tab_s")
    ]
    if new_tab:
        stages.append(
            Stage(
                f"browser: main visual, each page in a new tab (median of {len(new_tab)})",
                statistics.median(new_tab),
                0.0,
                extra={"slowest_s": max(new_tab)},
            )
        )
    return stages


def restated_roster(generated: Path, target: Path) -> Path:
    """One cluster-year's roster as an analyst corrects it: the last cluster-year of the
    generated memberships, its leader written down as a plain member."""
    path = next(p for p in _record_files(generated) if p.stem.startswith("memberships"))
    frame = (
        pl.read_csv(path, infer_schema=False)
        if path.suffix == ".csv"
        else pl.read_parquet(path).with_columns(pl.all().cast(pl.Utf8))
    )
    last = frame.tail(1)
    roster = frame.join(
        last.select("organizer", "cluster", "results_year"),
        on=[
            "organizer",
            "cluster",
            "results_year",
        ],
    )
    target.mkdir(parents=True, exist_ok=True)
    out = target / "memberships.csv"
    roster.with_columns(pl.lit("member").alias("role")).write_csv(out)
    return out


def _new_alias_stage(home: Home, full: BuildResult, minimal_s: float) -> Stage:
    """An alias added (`thidua aliases add`, the intake page): every model is rebuilt
    (build_scope), its data tests judged in one batch from the SQL dbt compiled in the full build,
    and the unit tests not run again (they passed in that build, on the same project)."""
    unit = read_query(home.published_db, "select min(unit_id) as unit_id from marts.dim_unit")
    with open_raw(home.raw_db) as raw:
        add_alias(raw, "Đơn vị thử tên khác", str(unit.item()), None, None, None, None, None)
    whole, _, peak = timed(lambda: build_and_publish(home))
    return Stage(
        "dbt build (whole, after a new alias: tests in one batch)",
        whole.dbt_seconds,
        max(peak, whole.dbt_peak_mb),
        full.dbt_seconds,
        "the full build",
        extra={
            "narrowed": whole.narrowed,
            "unit_tests_passed_before": whole.unit_tests_passed_before,
            "nodes": len(whole.nodes),
        },
        minimal_s=minimal_s,
    )


def _analyst_loop_stages(generated: Path, target: Path, home: Home) -> list[Stage]:
    """The analyst's loop: one corrected roster loaded, built and published (the build redoes
    only what memberships feed), timed from the load's start to the published warehouse; once
    with dbt started and parsed ahead by the build before it (warm_dbt, as an analyst finds it
    who takes more than a few seconds to correct a file), once with a dbt command."""
    correction = restated_roster(generated, target)
    stages = []
    for warm in (True, False):
        os.environ[warm_dbt.SWITCH] = "1" if warm else "0"
        waited = 0.0
        if warm:
            warm_dbt.start(home)
            started = time.perf_counter()
            warm_dbt.wait_ready(home, warm_dbt.READY_WAIT_SECONDS)
            waited = time.perf_counter() - started
        started = time.perf_counter()
        load_files([correction], home, force=True)
        built = build_and_publish(home)
        wall = time.perf_counter() - started
        # the loop's build started the next waiting process: it would run beside the stages
        # after this one
        warm_dbt.stop(home)
        os.environ[warm_dbt.SWITCH] = "0"
        name = "kept warm" if warm else "as a command"
        stages.append(
            Stage(
                f"analyst loop: one corrected roster, load to published (dbt {name})",
                wall,
                built.dbt_peak_mb,
                rows=pl.read_csv(correction).height,
                extra={
                    "narrowed_to": (",".join(built.narrowed_to) or "bookkeeping")
                    if built.narrowed
                    else "everything",
                    "dbt_warm": built.dbt_warm,
                    "warm_process_ready_after_s": round(waited, 2),
                },
            )
        )
    stages += [_terminal_loop_stage(correction, home, waiting) for waiting in (True, False)]
    return stages


def _terminal_loop_stage(correction: Path, home: Home, thidua_waiting: bool) -> Stage:
    """The same loop as an analyst types it: `thidua load --build <file>`, a new process, with
    dbt waiting ready as the build before left it. With `thidua_waiting`, the thidua process the
    load before left waiting runs it (thidua.warm_command, imports done); without, the command
    starts Python and thidua and imports Great Expectations itself. Timed from the command's
    start to its exit, the warehouse published."""
    os.environ[warm_dbt.SWITCH] = "1"
    os.environ[warm_command.SWITCH] = "1" if thidua_waiting else "0"
    warm_dbt.start(home)
    warm_dbt.wait_ready(home, warm_dbt.READY_WAIT_SECONDS)
    if thidua_waiting:
        warm_command.start(os.environ)
        if not warm_command.wait_ready(warm_command.READY_WAIT_SECONDS):
            raise RuntimeError("no thidua process was ready to run `thidua load --build`")
    thidua = Path(sys.executable).with_name("thidua")
    command = [str(thidua), "--home", str(home.root), "load", "--build", "--force"]
    log = correction.with_suffix(".log")
    try:
        with log.open("wb") as out:
            started = time.perf_counter()
            child = subprocess.Popen(
                [*command, str(correction)], stdout=out, stderr=subprocess.STDOUT
            )
            _, status = os.waitpid(child.pid, 0)
            wall = time.perf_counter() - started
    finally:
        # what the command left waiting would run beside the stages after this one
        warm_dbt.stop(home)
        warm_command.stop()
        os.environ[warm_dbt.SWITCH] = "0"
        os.environ[warm_command.SWITCH] = "0"
    code = os.waitstatus_to_exitcode(status)
    said = log.read_text(encoding="utf-8", errors="replace")
    if code != 0:
        raise RuntimeError(f"`thidua load --build` exited with {code}:\n{said}")
    if (warm_command.READY_LINE in said) != thidua_waiting:
        raise RuntimeError(f"`thidua load --build` did not run where it was meant to:\n{said}")
    how = "thidua and dbt kept warm" if thidua_waiting else "a new process, dbt kept warm"
    return Stage(
        f"analyst loop through the terminal: `thidua load --build <file>` ({how})",
        wall,
        # not measured: a child's peak resident size starts at this process's own (it is
        # kept across exec), and with thidua waiting the work ran in another process
        0.0,
        rows=pl.read_csv(correction).height,
        extra={"command": "thidua load --build --force <corrected roster>"},
    )


def _gate_backends_stage(
    folder: Path, home: Home, say: Callable[[str], None], report: Report
) -> None:
    """The same GX suite on the same rows (the generated scores), through SQL on DuckDB and
    through pandas. Names resolve against the loaded home, as in a load: against an empty one
    every row would fail resolution, and the stage would time writing a finding for each."""
    from thidua.gate import expectations as gate
    from thidua.ingest.coerce import coerce_batch
    from thidua.ingest.landing import open_raw
    from thidua.ingest.loader import build_context
    from thidua.ingest.readers import read_file

    path = next(p for p in _record_files(folder) if p.stem.startswith("scores"))
    batch = next(b for b in read_file(path) if not isinstance(b, Exception))
    with open_raw(home.raw_db) as con:
        context = build_context(con, "synthetic")
    typed, _ = coerce_batch(batch, context)
    typed = gate.derive("scores", typed, None)
    _, sql_s, sql_peak = timed(lambda: gate.validate("scores", typed, backend="sql"))
    _, pandas_s, pandas_peak = timed(lambda: gate.validate("scores", typed, backend="pandas"))
    report.add(Stage("GX gate via SQL on DuckDB (scores)", sql_s, sql_peak, rows=typed.height), say)
    report.add(
        Stage(
            "GX gate via pandas (scores)",
            pandas_s,
            pandas_peak,
            sql_s,
            "the same suite via SQL",
            rows=typed.height,
        ),
        say,
    )


def _dashboard_stage(published_db: Path) -> Stage:
    """Every page's queries: cold (fresh read-only attach per query, as the app does) against the
    bare query on one open connection."""
    pages = {
        page: [(q.sql, q.params) for q in queries]
        for page, queries in page_queries(str(published_db)).items()
    }
    open_con = duckdb.connect()
    open_con.execute(f"attach '{published_db}' as wh (read_only)")
    open_con.execute("use wh")
    per_page: dict[str, dict[str, float]] = {}
    worst_p95 = 0.0
    floor_total = 0.0
    cold_total = 0.0
    for page, queries in pages.items():
        cold: list[float] = []
        bare: list[float] = []
        for _ in range(DASHBOARD_REPEATS):
            started = time.perf_counter()
            for sql, params in queries:
                read_query(published_db, sql, params)
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            for sql, params in queries:
                open_con.execute(sql, params or []).fetchall()
            bare.append(time.perf_counter() - started)
        p50, p95 = percentiles(cold)
        floor50, _ = percentiles(bare)
        per_page[page] = {"p50_ms": round(p50 * 1000, 1), "p95_ms": round(p95 * 1000, 1)}
        worst_p95 = max(worst_p95, p95)
        floor_total += floor50
        cold_total += p50
    open_con.close()
    stage = Stage("dashboard queries (all pages, p50)", cold_total, 0.0, floor_total, "bare query")
    stage.extra = {"worst_page_p95_ms": round(worst_p95 * 1000, 1)}
    stage.extra.update({f"page {k} p95_ms": v["p95_ms"] for k, v in per_page.items()})
    return stage


def run_bench(
    tier: str,
    *,
    scale: float = 1.0,
    seed: int = 1,
    load_rows: int = DEFAULT_ROWS,
    keep: bool = False,
    say: Callable[[str], None] = print,
) -> Report:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    # no dbt process parsing in the background of a measured stage: the analyst's loop is
    # measured with and without one (_analyst_loop_stages)
    os.environ[warm_dbt.SWITCH] = "0"
    # A folder of this run's own: two benches at once never delete each other's files.
    work = Path(tempfile.mkdtemp(prefix=f"{tier}-work-", dir=BENCH_DIR))
    try:
        report = _run_stages(tier, scale, seed, load_rows, work, say)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return report


def _run_stages(
    tier: str, scale: float, seed: int, load_rows: int, work: Path, say: Callable[[str], None]
) -> Report:
    report = Report(tier, scale)
    home = Home(work / "home")
    generated = work / "generated"
    say(f"thidua bench --tier {tier} (scale {scale}) in {work}")

    fmt = "parquet" if tier == "national" else "csv"
    counts, wall, peak = timed(lambda: generate(tier, seed, generated, fmt, scale=scale))
    report.add(Stage("generate", wall, peak, rows=sum(counts.values())), say)

    # The minimal floor first, on cold files as every stage after it reads them.
    minimal, _, peak = timed(lambda: run_minimal_floor(generated))
    minimal_s = minimal.seconds
    report.add(
        Stage(
            "minimal floor: headline facts, one DuckDB session",
            minimal_s,
            peak,
            rows=minimal.unit_years,
            extra={
                "cluster_years": minimal.cluster_years,
                "award_status_rows": minimal.award_rows,
            },
            minimal_s=minimal_s,
        ),
        say,
    )

    # GX is imported once per process: its import is start-up cost, not per-file work.
    from thidua.gate import expectations as gate

    _, import_s, _ = timed(gate.warm_up)
    report.notes.append(
        f"Great Expectations import and context: {import_s:.2f}s (once per process)"
    )

    _, floor_s, _ = timed(lambda: _floor_read(_record_files(generated)))
    load, load_wall, peak = timed(lambda: load_files([SAMPLE_DIR / "real", generated], home))
    report.add(
        Stage(
            "load (normalise, resolve, GX gate)",
            load_wall,
            peak,
            floor_s,
            "DuckDB reading the same files, no checks",
            rows=load.loaded_rows + load.quarantined_rows,
            minimal_s=minimal_s,
        ),
        say,
    )

    full, wall, peak = timed(lambda: build_and_publish(home, full_refresh=True))
    peak = max(peak, full.dbt_peak_mb)
    floor = run_floor(home.dbt_target_dir / "manifest.json", home.raw_db, work / "floor")
    report.add(
        Stage(
            "dbt build (full)",
            full.dbt_seconds,
            peak,
            floor.total_seconds,
            "the same models and tests as plain SQL in one DuckDB session",
            extra={
                "floor_models_seconds": round(floor.models_seconds, 3),
                "floor_tests_seconds": round(floor.tests_seconds, 3),
                "nodes": len(full.nodes),
            },
            minimal_s=minimal_s,
        ),
        say,
    )

    pipeline_floor = floor_s + floor.total_seconds
    report.add(
        Stage(
            "pipeline: load + full build + publish",
            load_wall + full.dbt_seconds + full.copy_seconds + full.publish_seconds,
            0.0,
            pipeline_floor,
            "load floor + build floor",
            minimal_s=minimal_s,
        ),
        say,
    )
    peer = _peer_stage(generated, pipeline_floor)
    peer.minimal_s = minimal_s
    report.add(peer, say)
    _gate_backends_stage(generated, home, say, report)

    next_year = work / "next-year"
    new_rows = next_year_files(generated, next_year)
    load_files([next_year], home)
    incremental, wall, peak = timed(lambda: build_and_publish(home))
    peak = max(peak, incremental.dbt_peak_mb)
    stage = Stage(
        "dbt build (incremental, one new year)",
        incremental.dbt_seconds,
        peak,
        full.dbt_seconds,
        "the full build",
        rows=new_rows,
        minimal_s=minimal_s,
    )
    report.add(stage, say)
    report.add(_new_alias_stage(home, full, minimal_s), say)

    for stage in _analyst_loop_stages(generated, work / "correction", home):
        report.add(stage, say)

    report.add(
        Stage(
            "publish (copy in, stamp, atomic swap)",
            incremental.copy_seconds + incremental.publish_seconds,
            0.0,
            extra={"warehouse_mb": round(home.published_db.stat().st_size / 1024**2, 1)},
        ),
        say,
    )

    report.add(_dashboard_stage(home.published_db), say)

    if tier != "province":
        # the browser test walks the province sample: its times say nothing of this warehouse
        report.notes.append(
            "browser: not measured at this tier (the browser test walks the province sample)"
        )
    elif BROWSER_TIMINGS.exists():
        for stage in browser_stages(BROWSER_TIMINGS):
            report.add(stage, say)
        report.notes.append(
            f"browser: from {BROWSER_TIMINGS.relative_to(PROJECT_ROOT)}, written by the browser"
            " test of `make test` (province sample; the pages one after another in one tab, each"
            " a new session, the first also a cold server; then each in a new tab); target: each"
            " page's main visual within 1.5 s"
        )
    else:
        report.notes.append("browser: no timings yet (run `make test` to write them)")

    if load_rows:
        for stage in run_load_formats(work, load_rows, seed, say):
            report.add(stage, say)

    text = json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n"
    out = BENCH_DIR / f"{tier}.json"
    out.write_text(text)
    # also kept per scale, for the growth table
    (BENCH_DIR / f"{tier}-scale{scale:g}.json").write_text(text)
    say(format_table(report))
    say(f"→ {out}")
    return report


def format_table(report: Report) -> str:
    """The table `make bench` prints: each stage beside its own floor, and beside the minimal
    floor (× min: how many times the bare headline-facts query it costs)."""
    header = f"{'stage':<50} {'wall s':>8} {'peak MB':>8} {'× min':>7} {'floor s':>8} {'ratio':>7}"
    lines = [header, "-" * len(header)]
    for stage in report.stages:
        floor = "" if stage.floor_s is None else f"{stage.floor_s:8.2f}"
        ratio = "" if stage.ratio is None else f"{stage.ratio:7.2f}"
        minimal = "" if stage.ratio_to_minimal is None else f"{stage.ratio_to_minimal:7.1f}"
        lines.append(
            f"{stage.name:<50} {stage.wall_s:8.2f} {stage.peak_mb:8.0f} {minimal:>7}"
            f" {floor:>8} {ratio:>7}"
        )
    lines.extend(f"note: {note}" for note in report.notes)
    return "\n".join(lines)
