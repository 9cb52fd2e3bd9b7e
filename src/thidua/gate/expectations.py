"""The quality gate: the Great Expectations suite of a record type, run on a batch before it lands.

Suites are plain JSON in `expectations/` (one per record type, no generated ids, so diffs stay
readable). Each failing row becomes a finding that names the expectation; the summary of every
expectation is kept so the dashboard can show the latest results per record type.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import polars as pl

from thidua.contract.records import RECORD_TYPES
from thidua.gate.findings import Unread
from thidua.ingest.arrow_frames import registered
from thidua.ingest.coerce import FINDING_SCHEMA
from thidua.ingest.readers import ROW
from thidua.paths import EXPECTATIONS_DIR

# GX phones home and draws progress bars unless told not to; neither belongs in a CLI.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass(frozen=True)
class ExpectationOutcome:
    suite_name: str
    expectation: str
    column_name: str | None
    success: bool
    element_count: int | None
    unexpected_count: int | None
    details_json: str


def load_suite_definition(record_type: str, directory: Path = EXPECTATIONS_DIR) -> dict[str, Any]:
    path = directory / f"{record_type}.json"
    with path.open(encoding="utf-8") as handle:
        definition: dict[str, Any] = json.load(handle)
    return definition


def suite_parameters(
    today: dt.date | None = None, award_type_codes: list[str] | None = None
) -> dict[str, Any]:
    """Values the suites refer to as {"$PARAMETER": …}: plausible years and dates, award codes
    (the seed's, or those given: the seed's and the loaded award types', see loader)."""
    from thidua.ingest.resolve import read_seed

    today = today or dt.date.today()
    return {
        "max_results_year": today.year + 1,
        "max_event_date": today.replace(year=today.year + 1).isoformat()
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year + 1, day=28).isoformat(),
        "award_type_codes": award_type_codes
        if award_type_codes is not None
        else read_seed("award_types")["award_type_code"].to_list(),
    }


@cache
def _context() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


Backend = Literal["sql", "pandas"]

# GX computes through SQL on DuckDB by default: the batch stays columnar and the checks are pushed
# down (≈3× faster and far lighter than pandas at a million rows). GX reads results after closing
# a connection, which DuckDB's streaming results do not survive, so DuckDB gets the persistent
# connection GX already keeps for SQLite; and one named in-memory database is shared between the
# loader (which writes the batch) and GX (which reads it).
_GATE_DB_URL = "duckdb:///:memory:thidua_gate"


class _DuckDBDialect:
    """Stands for DuckDB in GX's tuple of dialects that need a persistent connection."""

    value = "duckdb"

    def __eq__(self, other: object) -> bool:
        return str(getattr(other, "value", other)).lower() == "duckdb"

    def __hash__(self) -> int:
        return hash(self.value)


@cache
def _gate_database() -> Any:
    """A live connection to the shared in-memory database (it lives as long as one does)."""
    import sqlalchemy
    from great_expectations.execution_engine import sqlalchemy_execution_engine as engine_module

    if not any(d == "duckdb" for d in engine_module._PERSISTED_CONNECTION_DIALECTS):
        engine_module._PERSISTED_CONNECTION_DIALECTS = (  # type: ignore[assignment]
            *engine_module._PERSISTED_CONNECTION_DIALECTS,
            _DuckDBDialect(),
        )
    return sqlalchemy.create_engine(_GATE_DB_URL).raw_connection()


def warm_up() -> None:
    """Import GX and open its context and the shared database now, not at the first batch.

    Both are made once per process (cached); a process that loads many times, or that measures
    the gate apart from its start-up, pays for them here."""
    _context()
    _gate_database()


@cache
def _sql_batch_definition(record_type: str) -> Any:
    source_name = "thidua_sql"
    sources = _context().data_sources
    source = sources.get(source_name) if source_name in sources.all() else None
    if source is None:
        source = sources.add_sql(source_name, connection_string=_GATE_DB_URL)
    asset = source.add_table_asset(f"incoming_{record_type}", table_name=f"incoming_{record_type}")
    return asset.add_batch_definition_whole_table("whole_batch")


@cache
def _pandas_batch_definition() -> Any:
    source = _context().data_sources.add_pandas("thidua_batches")
    asset = source.add_dataframe_asset("incoming")
    return asset.add_batch_definition_whole_dataframe("whole_batch")


def suite_columns(definition: dict[str, Any]) -> list[str]:
    """The columns a suite's expectations read, in the order they first appear."""
    columns: list[str] = []
    for item in definition["expectations"]:
        kwargs = item["kwargs"]
        named = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
        for column in (*named, *kwargs.get("column_list", [])):
            if column not in columns:
                columns.append(str(column))
    return columns


def _batch(
    record_type: str, definition: dict[str, Any], frame: pl.DataFrame, backend: Backend
) -> Any:
    # Only what the suite reads (and the row number findings point at) goes to the validator:
    # the raw text beside every resolved value would be copied for nothing.
    wanted = [ROW, *suite_columns(definition)]
    frame = frame.select([c for c in wanted if c in frame.columns])
    if backend == "pandas":
        return _pandas_batch_definition().get_batch(
            batch_parameters={"dataframe": _for_pandas(frame)}
        )
    database = _gate_database().driver_connection
    with registered(database, "incoming_frame", frame):
        database.execute(
            f"create or replace table incoming_{record_type} as select * from incoming_frame"
        )
    return _sql_batch_definition(record_type).get_batch()


def _suite(definition: dict[str, Any]) -> Any:
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    suite = gx.ExpectationSuite(name=definition["name"])
    for item in definition["expectations"]:
        suite.add_expectation_configuration(
            ExpectationConfiguration(
                type=item["type"], kwargs=item["kwargs"], meta=item.get("meta")
            )
        )
    return suite


def _for_pandas(frame: pl.DataFrame) -> Any:
    # GX turns the ISO dates of the suites into datetime.date and compares cell by cell, so date
    # columns must hold datetime.date objects too (not pandas timestamps).
    dates = [name for name, dtype in frame.schema.items() if dtype == pl.Date]
    pandas_frame = frame.drop(dates).to_pandas()
    for name in dates:
        pandas_frame[name] = pd.Series(frame[name].to_list(), dtype=object)
    return pandas_frame


def _raised(exception_info: Any) -> str | None:
    """GX reports errors flat or keyed by metric; a broken check must never pass for bad data."""
    if not isinstance(exception_info, dict):
        return None
    if exception_info.get("raised_exception"):
        return str(exception_info.get("exception_message"))
    for value in exception_info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message"))
    return None


def _column_of(kwargs: dict[str, Any]) -> str | None:
    if "column" in kwargs:
        return str(kwargs["column"])
    if "column_B" in kwargs:
        return str(kwargs["column_B"])
    if "column_list" in kwargs:
        return ", ".join(kwargs["column_list"])
    return None


CLUSTER_SIZE = "cluster_size"
_CLUSTER_YEAR = ["organizer_id", "cluster_id", "results_year"]


def derive(
    record_type: str,
    frame: pl.DataFrame,
    known_members: pl.DataFrame | None,
    earlier_units: pl.DataFrame | None = None,
    landed_leaders: pl.DataFrame | None = None,
    written: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Columns the suites check that no input has (they are never landed).

    Rankings get `cluster_size`, the number of units in the row's cluster and year, so the suite
    can hold rank ≤ members as a plain column-pair expectation. It counts the units named in this
    file for that cluster-year or the units of the raw memberships already loaded (`known_members`:
    organizer_id, cluster_id, results_year, members), whichever is larger: a ranking file often
    names only the leading units, and memberships may not have been loaded yet.

    A retry re-reads only the rows its load quarantined: `earlier_units` (organizer_id,
    cluster_id, results_year, unit) are the units the rest of that file named, which count as
    named in the file.

    `written` are the rows coercion had findings on, as read (text): a key cell it could not
    read is keyed by its text as written (see finding_merge).
    """
    frame = _with_natural_key(record_type, frame, written)
    if record_type == "memberships":
        return _with_other_leader(frame, landed_leaders)
    if record_type == "leadership":
        # a later leadership file restates an earlier one (staging keeps the latest), so only
        # two leaders elected in one file are a contradiction
        return _with_other_leader(frame, None)
    if record_type != "rankings":
        return frame
    named = frame.select(
        *_CLUSTER_YEAR, pl.coalesce(pl.col("unit_id"), pl.col("unit_raw")).alias("_unit")
    )
    if earlier_units is not None:
        named = pl.concat(
            [
                named,
                earlier_units.select(
                    *(pl.col(c).cast(frame.schema[c]) for c in _CLUSTER_YEAR),
                    pl.col("unit").cast(pl.Utf8).alias("_unit"),
                ),
            ]
        )
    in_file = named.group_by(_CLUSTER_YEAR).agg(
        pl.col("_unit").drop_nulls().n_unique().alias("_in_file")
    )
    known = (
        known_members.select(
            *(pl.col(c).cast(frame.schema[c]) for c in _CLUSTER_YEAR),
            pl.col("members").alias("_known"),
        )
        if known_members is not None
        else in_file.clear().select(*_CLUSTER_YEAR, pl.lit(None, pl.Int64).alias("_known"))
    )
    sizes = in_file.join(
        known,
        on=_CLUSTER_YEAR,
        how="left",
        nulls_equal=False,
    ).select(
        *_CLUSTER_YEAR,
        pl.max_horizontal("_in_file", "_known").cast(pl.Int64).alias(CLUSTER_SIZE),
    )
    return frame.join(sizes, on=_CLUSTER_YEAR, how="left", nulls_equal=False, maintain_order="left")


OTHER_LEADER = "other_leader"


def _with_other_leader(frame: pl.DataFrame, landed: pl.DataFrame | None) -> pl.DataFrame:
    """`other_leader` on a leader row: another unit that leads the same cluster-year, named in
    this file or already loaded, so the suite can hold one leader per cluster-year.

    A unit this file lists again is restated by it (its landed row does not count), and when the
    file declares the roster complete, none of the landed units count.
    """
    if "role" not in frame.columns:
        return frame.with_columns(pl.lit(None, dtype=pl.Utf8).alias(OTHER_LEADER))
    here = frame.filter(pl.col("role") == "leader").select(
        *_CLUSTER_YEAR,
        pl.col("unit_id").alias("_other"),
        pl.col(ROW).alias("_other_row"),
        pl.format("{} (dòng/row {})", pl.col("unit_raw"), pl.col(ROW)).alias("_where"),
    )
    candidates = [here]
    if landed is not None and landed.height:
        listed = frame.select(*_CLUSTER_YEAR, "unit_id").unique()
        complete = (
            frame.filter(pl.col("roster_complete") == "yes").select(_CLUSTER_YEAR).unique()
            if "roster_complete" in frame.columns
            else frame.clear().select(_CLUSTER_YEAR)
        )
        kept = (
            landed.with_columns(*(pl.col(c).cast(frame.schema[c]) for c in _CLUSTER_YEAR))
            .join(listed, on=[*_CLUSTER_YEAR, "unit_id"], how="anti", nulls_equal=False)
            .join(complete, on=_CLUSTER_YEAR, how="anti", nulls_equal=False)
        )
        candidates.append(
            kept.select(
                *_CLUSTER_YEAR,
                pl.col("unit_id").alias("_other"),
                pl.lit(None, dtype=here.schema["_other_row"]).alias("_other_row"),
                pl.format(
                    "{} ({}{}, dòng/row {})",
                    pl.coalesce("unit_raw", "unit_id"),
                    pl.col("source_file"),
                    pl.format(" [{}]", pl.col("source_sheet")).fill_null(""),
                    pl.col("source_row"),
                ).alias("_where"),
            )
        )
    others = pl.concat(candidates, how="vertical")
    rows = frame.select(ROW, *_CLUSTER_YEAR, "unit_id", "role").filter(pl.col("role") == "leader")
    clashes = (
        rows.join(others, on=_CLUSTER_YEAR, how="inner", nulls_equal=False)
        .filter(
            pl.col("_other_row").is_null() | (pl.col("_other_row") != pl.col(ROW)),
            # the same unit twice is the duplicate-key rule's to report, not this one
            pl.col("_other").is_null()
            | pl.col("unit_id").is_null()
            | (pl.col("_other") != pl.col("unit_id")),
        )
        .group_by(ROW)
        .agg(pl.col("_where").unique().sort().str.join("; ").alias(OTHER_LEADER))
    )
    return frame.join(clashes, on=ROW, how="left", maintain_order="left")


NATURAL_KEY = "natural_key"
_KEY_SEPARATOR = "\u241f"  # ␟, never typed in a record


def _key_columns(record_type: str) -> list[str]:
    definition = load_suite_definition(record_type)
    for item in definition["expectations"]:
        if item["kwargs"].get("column") == NATURAL_KEY:
            return [str(c) for c in item["meta"]["key_columns"]]
    return []


def _with_natural_key(
    record_type: str, frame: pl.DataFrame, written: pl.DataFrame | None = None
) -> pl.DataFrame:
    columns = [c for c in _key_columns(record_type) if c in frame.columns]
    if not columns:
        return frame
    parts = [pl.col(c).cast(pl.Utf8) for c in columns]
    helpers: list[str] = []
    if written is not None and written.height:
        # A key cell coercion could not read (a name not known yet) is empty here: keyed by its
        # text as written, two rows that write the same name still collide, and neither takes
        # the key of a row whose cell is blank (a blank scorer is an agreed score).
        sources = {c: _written_column(c, written) for c in columns}
        helpers = [f"_written_{c}" for c, source in sources.items() if source]
        frame = frame.join(
            written.select(
                ROW,
                *(
                    pl.col(source).str.strip_chars().alias(f"_written_{c}")
                    for c, source in sources.items()
                    if source
                ),
            ),
            on=ROW,
            how="left",
            maintain_order="left",
        )
        parts = [
            pl.coalesce(part, pl.col(f"_written_{c}")) if sources[c] else part
            for c, part in zip(columns, parts, strict=True)
        ]
    key = pl.concat_str([part.fill_null("") for part in parts], separator=_KEY_SEPARATOR)
    return frame.with_columns(key.alias(NATURAL_KEY)).drop(helpers)


def _written_column(landed: str, written: pl.DataFrame) -> str | None:
    """The input column a landed key column is read from (`unit` for `unit_id`)."""
    for name in (landed, landed.removesuffix("_id"), landed.removesuffix("_period")):
        if name in written.columns:
            return name
    return None


def _display(value: Any) -> str:
    """A cell as the analyst wrote it: 12 not 12.0, dates as ISO, nothing for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "item"):  # numpy scalars, as GX hands them back
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def input_column(record_type: str, landed: str) -> str:
    """The column as the analyst knows it: "unit" for the landed "unit_id", "cluster" for
    "cluster_id", "role" for the derived other leader; other names stay as they are."""
    if landed == OTHER_LEADER:
        return "role"
    names = {c.name for c in RECORD_TYPES[record_type].columns}
    for suffix in ("_id", "_period"):
        base = landed.removesuffix(suffix)
        if landed.endswith(suffix) and base in names:
            return base
    return landed


class _Fields(dict[str, str]):
    """Placeholders of a suite message; one the row does not carry renders as nothing."""

    def __missing__(self, key: str) -> str:
        return ""


def _finding(
    record_type: str,
    expectation: str,
    kwargs: dict[str, Any],
    meta: dict[str, Any],
    row: dict[str, str],
) -> dict[str, Any]:
    """One quarantine finding from one unexpected row: input column names, the offending value,
    and the suite's message with its {placeholders} filled from the row."""
    if kwargs.get("column") == NATURAL_KEY:
        columns = [str(c) for c in meta["key_columns"]]
        value = row.get(NATURAL_KEY, "").replace(_KEY_SEPARATOR, ", ")
    elif "column_list" in kwargs:
        columns = [str(c) for c in kwargs["column_list"]]
        value = ", ".join(row.get(c, "") for c in columns)
    else:
        columns = [str(kwargs.get("column") or kwargs["column_B"])]
        value = row.get(columns[0], "")
    fields = _Fields(row)
    fields["value"] = value
    return {
        ROW: int(row[ROW]),
        "column_name": ", ".join(input_column(record_type, c) for c in columns),
        "value": value,
        "rule": expectation,
        "message_vi": str(meta.get("message_vi", expectation)).format_map(fields),
        "message_en": str(meta.get("message_en", expectation)).format_map(fields),
        "candidates": None,
    }


def _key(config: Any) -> tuple[str, str | None]:
    return str(config.type), _column_of(config.kwargs)


def _run(
    batch: Any, definition: dict[str, Any], result_format: str, parameters: dict[str, Any]
) -> list[Any]:
    """The suite's results on the batch; an expectation that could not run raises."""
    result = batch.validate(
        _suite(definition),
        result_format={"result_format": result_format, "unexpected_index_column_names": [ROW]},
        expectation_parameters=parameters,
    )
    for item in result.results:
        raised = _raised(item.exception_info)
        if raised:
            # A broken suite must never look like bad data (GX reports it as a failed expectation).
            config = item.expectation_config
            raise RuntimeError(f"expectation {config.type} could not run: {raised}")
    return list(result.results)


def validate(
    record_type: str,
    frame: pl.DataFrame,
    parameters: dict[str, Any] | None = None,
    backend: Backend = "sql",
    unread: Unread | None = None,
) -> tuple[pl.DataFrame, list[ExpectationOutcome]]:
    """Row findings (same shape as coercion findings) and one outcome per expectation.

    `unread`: the cells coercion could not read; a finding that only restates one of them is
    left out, and not counted in its expectation's outcome (see finding_merge).
    """
    definition = load_suite_definition(record_type)
    messages = {
        json.dumps([e["type"], e["kwargs"]], sort_keys=True): e.get("meta", {})
        for e in definition["expectations"]
    }
    if frame.height == 0:
        return pl.DataFrame(schema=FINDING_SCHEMA), []
    batch = _batch(record_type, definition, frame, backend)
    parameters = parameters or suite_parameters()
    # Pass/fail first (a third of the queries); the failing rows are then asked for only from
    # the expectations that failed. A clean million-row batch costs half as much.
    verdicts = _run(batch, definition, "BOOLEAN_ONLY", parameters)
    failed = {_key(item.expectation_config) for item in verdicts if not item.success}
    details = {}
    if failed:
        failing = {
            **definition,
            "expectations": [
                e
                for e in definition["expectations"]
                if (e["type"], _column_of(e["kwargs"])) in failed
            ],
        }
        details = {
            _key(item.expectation_config): item
            for item in _run(batch, failing, "COMPLETE", parameters)
        }
    findings: list[dict[str, Any]] = []
    outcomes: list[ExpectationOutcome] = []
    for verdict in verdicts:
        config = verdict.expectation_config
        item = details.get(_key(config), verdict)
        original_kwargs = next(
            (
                e["kwargs"]
                for e in definition["expectations"]
                if e["type"] == config.type and _column_of(e["kwargs"]) == _column_of(config.kwargs)
            ),
            config.kwargs,
        )
        meta = messages.get(json.dumps([config.type, original_kwargs], sort_keys=True), {})
        column = _column_of(config.kwargs)
        # A passing expectation was asked for its verdict only: every row was checked, none
        # was unexpected (the suites hold no `mostly`).
        stats = item.result or {}
        unexpected = stats.get("unexpected_count", 0)
        for index in _unexpected_rows(stats, backend):
            row = {k: _display(v) for k, v in index.items()}
            finding = _finding(record_type, config.type, config.kwargs, meta, row)
            if unread is not None and unread.restates(
                config.type, finding[ROW], finding["column_name"].split(", ")
            ):
                unexpected -= 1
                continue
            findings.append(finding)
        outcomes.append(
            ExpectationOutcome(
                suite_name=definition["name"],
                expectation=config.type,
                column_name=column,
                success=bool(item.success) or unexpected == 0,
                element_count=stats.get("element_count", frame.height),
                unexpected_count=unexpected,
                details_json=json.dumps(
                    {"partial_unexpected_list": stats.get("partial_unexpected_list", [])[:20]},
                    default=str,
                    ensure_ascii=False,
                ),
            )
        )
    return pl.DataFrame(findings, schema=FINDING_SCHEMA), outcomes


def _unexpected_rows(stats: dict[str, Any], backend: Backend) -> list[dict[str, Any]]:
    """Every failing row of an expectation, however many.

    Through SQL, GX caps `unexpected_index_list` at 20 rows even in the COMPLETE result format
    (the rows past the twentieth would land); it also returns the query that selects them all,
    which is run here on the gate's database. The count must match what GX counted.
    """
    expected = int(stats.get("unexpected_count") or 0)
    if expected == 0:
        return []
    query = stats.get("unexpected_index_query")
    if backend == "sql" and isinstance(query, str):
        relation = _gate_database().driver_connection.sql(query)
        rows: list[dict[str, Any]] = [
            dict(zip(relation.columns, values, strict=True)) for values in relation.fetchall()
        ]
    else:
        rows = [i for i in stats.get("unexpected_index_list") or [] if isinstance(i, dict)]
    if len(rows) != expected:
        # Never let a failing row through unnoticed: a gate that cannot name every row stops.
        raise RuntimeError(f"the gate named {len(rows)} of {expected} failing rows")
    return rows
