"""The first offending rows of a failing dbt test (thidua.warehouse.failing_rows): the build
error an analyst reads names the rows to fix, read from the build copy the test judged, and a
query that cannot run never hides the error message it would have illustrated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from thidua.warehouse import failing_rows
from thidua.warehouse.failing_rows import (
    MAX_VALUE_CHARS,
    ROWS_PER_TEST,
    build_reader,
    format_row,
    sample,
)

# a singular test as written in data-tests/, ending in a comment
NOT_NULL = """
select unit_raw, results_year
from main.stg_raw__memberships
where unit_id is null
order by results_year  -- the unit could not be resolved
"""


@pytest.fixture
def build(tmp_path: Path) -> tuple[Path, Path]:
    build_db, raw_db = tmp_path / "build.duckdb", tmp_path / "raw.duckdb"
    with duckdb.connect(str(raw_db)) as con:
        con.execute("create table memberships (unit_raw varchar, results_year integer)")
        con.execute("insert into memberships values ('Sở GD&DDT', 2022), ('KBNN Quảng Ngãi', 2023)")
    with duckdb.connect(str(build_db)) as con:
        con.execute(
            "create table stg_raw__memberships as select * from (values "
            "('Sở GD&DDT', 2022, null), ('Sở Y tế', 2022, 'th-so-yte'), "
            "('BHXH tỉnh Nghệ An', 2021, null)) as t(unit_raw, results_year, unit_id)"
        )
        con.execute(
            "create table many as select range as n, null::varchar as unit_id from range(50)"
        )
    return build_db, raw_db


def test_the_failing_rows_are_the_tests_own_query_limited(build: tuple[Path, Path]) -> None:
    with build_reader(*build) as con:
        found = sample(con, NOT_NULL)
        many = sample(con, "select n from many where unit_id is null")
    assert found.error is None
    assert found.columns == ["unit_raw", "results_year"]
    assert found.rows == [("BHXH tỉnh Nghệ An", 2021), ("Sở GD&DDT", 2022)]
    assert len(many.rows) == ROWS_PER_TEST


def test_a_query_may_end_in_a_semicolon(build: tuple[Path, Path]) -> None:
    with build_reader(*build) as con:
        found = sample(con, "select unit_raw from stg_raw__memberships where unit_id is null;\n")
    assert sorted(found.rows) == [("BHXH tỉnh Nghệ An",), ("Sở GD&DDT",)]


def test_a_test_reading_the_landing_database_sees_it_as_raw(build: tuple[Path, Path]) -> None:
    """Staging views read the landing tables as `raw.<table>`; their tests must too."""
    with build_reader(*build) as con:
        found = sample(con, "select unit_raw from raw.memberships order by 1", limit=1)
    assert found.rows == [("KBNN Quảng Ngãi",)]


def test_the_build_copy_is_read_only(build: tuple[Path, Path]) -> None:
    with build_reader(*build) as con:
        assert con is not None
        with pytest.raises(duckdb.Error):
            con.execute("delete from stg_raw__memberships")


def test_tests_on_the_marts_still_answer_without_the_landing_database(
    build: tuple[Path, Path], tmp_path: Path
) -> None:
    """A loader may hold the landing database: the marts' failing rows are still shown."""
    build_db, _ = build
    with build_reader(build_db, tmp_path / "missing" / "raw.duckdb") as con:
        assert con is not None
        assert sample(con, NOT_NULL).rows[0] == ("BHXH tỉnh Nghệ An", 2021)
        missing = sample(con, "select * from raw.memberships")
    assert missing.rows == [] and missing.error


def test_a_build_copy_that_cannot_be_opened_gives_a_reason_not_a_traceback(
    tmp_path: Path,
) -> None:
    damaged = tmp_path / "build.duckdb"
    damaged.write_bytes(b"not a database at all" * 100)
    for path in (damaged, tmp_path / "never-built.duckdb"):
        with build_reader(path, tmp_path / "raw.duckdb") as con:
            assert con is None
            found = sample(con, NOT_NULL)
        assert found.rows == [] and found.error == "the build copy could not be opened"


def test_a_query_that_fails_gives_its_first_error_line(build: tuple[Path, Path]) -> None:
    with build_reader(*build) as con:
        found = sample(con, "select no_such_column from stg_raw__memberships")
    assert found.rows == [] and found.columns == []
    assert found.error is not None and "no_such_column" in found.error
    assert "\n" not in found.error


def test_a_slow_query_is_interrupted(
    build: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(failing_rows, "QUERY_SECONDS", 0.2)
    with build_reader(*build) as con:
        found = sample(con, "select count(*) from range(1000000000000) as a")
    assert found.rows == [] and found.error


def test_a_row_reads_as_column_value_pairs() -> None:
    row = ("Sở GD&ĐT", None, dt.date(2022, 7, 15), 2022, 87.5)
    columns = ["unit_raw", "unit_id", "event_date", "results_year", "points"]
    assert format_row(columns, row) == (
        "unit_raw=Sở GD&ĐT | unit_id=∅ | event_date=2022-07-15 | results_year=2022 | points=87.5"
    )


def test_a_value_is_shown_on_one_short_line() -> None:
    note = "Cụm thi đua số 5\n  tỉnh Thanh Hóa " + "rất dài " * 30
    shown = format_row(["note", "at"], (note, dt.datetime(2024, 7, 30, 8, 15)))
    value = shown.split(" | ")[0].removeprefix("note=")
    assert "\n" not in shown and value.startswith("Cụm thi đua số 5 tỉnh Thanh Hóa rất dài")
    assert len(value) == MAX_VALUE_CHARS and value.endswith("…")
    assert shown.endswith("at=2024-07-30T08:15:00")


def test_a_row_and_its_columns_must_agree() -> None:
    with pytest.raises(ValueError):
        format_row(["unit_raw"], ("Sở Y tế", 2022))
