"""app/data_access.py, the dashboard's one door to the published warehouse.

What is tested here, against a warehouse the real pipeline published (and private copies of it
for the tests that change the file):

- `run` gives a polars frame with the columns the page reads, parameters bound;
- the readers' shaping of answers (year bounds and their fallback, the last publish, the
  key figures as integers, the results years as a list);
- the publish stamp as the cache key: a cached answer stays until the stamp changes, and the
  file swapped on disk by a publish is read as soon as the new stamp is asked for;
- a query the warehouse cannot answer (an unknown table, a missing mart) fails with DuckDB's
  catalog error naming the table, and the next query still works;
- no published file: every door raises `WarehouseMissing` saying what to run, and a page shows it
  as a warning, never as a traceback;
- the user's own SQL through `run_user_sql`: the dashboard's row cap, refusals in words.

The query registry of the pages (`page_queries`) and `run` over every cluster are covered in
tests/test_app.py; `read_query` itself in tests/test_query.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import duckdb
import polars as pl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from tests.conftest import copy_warehouse

from thidua.paths import Home
from thidua.query.dashboard.common import Filters, Query
from thidua.query.dashboard.sidebar import FALLBACK_YEARS, PublishInfo
from thidua.query.dashboard.sql import SQL_ROW_CAP
from thidua.query.read import WarehouseMissing, publish_stamp
from thidua.query.sandbox import QueryRefused

CUM_8 = "th-ubnd:cum-08"
ALL_YEARS = Filters(years=(2000, 2100))


@pytest.fixture
def da(app_module: Callable[[str], ModuleType]) -> Iterator[ModuleType]:
    """app/data_access.py, imported as Streamlit imports it, with empty caches on both sides."""
    st.cache_data.clear()
    yield app_module("data_access")
    st.cache_data.clear()


@pytest.fixture
def live(published_home: Home, tmp_path: Path) -> Path:
    """A private copy of the published warehouse, for tests that publish over it."""
    return copy_warehouse(published_home, tmp_path / "live" / "thidua.duckdb")


def _publish(live: Path, *statements: str) -> None:
    """What `thidua build` does, in small: change a copy elsewhere, then os.replace it in."""
    staged = live.parent.parent / "build" / live.name
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(live, staged)
    con = duckdb.connect(str(staged))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
    staged.replace(live)  # os.replace: atomic on one file system


# --- running queries ----------------------------------------------------------------------------


def test_run_returns_a_polars_frame_with_the_querys_columns(
    da: ModuleType, published_home: Home
) -> None:
    db = str(published_home.published_db)
    frame = da.run(db, da.q_organizers())
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == ["organizer_id", "organizer_name", "organizer_name_en"]
    assert frame.schema["organizer_name"] == pl.String
    assert frame.height >= 1
    assert "Ủy ban nhân dân tỉnh Thanh Hóa" in frame["organizer_name"].to_list()


def test_run_binds_the_querys_parameters(da: ModuleType, published_home: Home) -> None:
    db = str(published_home.published_db)
    profile = da.run(db, da.q_cluster_profile(CUM_8))
    assert profile.height == 1
    assert profile.row(0, named=True)["cluster_name"] == "Cụm thi đua số 8"
    nobody = da.run(db, da.q_cluster_profile("th-ubnd:no-such-cluster"))
    assert nobody.is_empty()
    assert nobody.columns == profile.columns  # an empty answer keeps its columns


def test_run_runs_a_query_that_takes_no_parameters(da: ModuleType, published_home: Home) -> None:
    db = str(published_home.published_db)
    frame = da.run(db, Query("plain", "select 41 + 1 as answer"))
    assert frame.to_dicts() == [{"answer": 42}]


def test_filtered_readers_answer_with_the_columns_their_pages_read(
    da: ModuleType, published_home: Home
) -> None:
    db = str(published_home.published_db)
    stamp = publish_stamp(db)
    options = da.cluster_options(db, stamp, ALL_YEARS)
    assert {"cluster_id", "cluster_name", "cluster_kind", "first_year", "last_year"} <= set(
        options.columns
    )
    assert CUM_8 in options["cluster_id"].to_list()
    roster = da.cluster_roster(db, stamp, ALL_YEARS, CUM_8)
    assert roster.height > 0
    assert {"unit_name", "results_year"} <= set(roster.columns)
    narrow = da.cluster_roster(db, stamp, Filters(years=(2021, 2021)), CUM_8)
    assert set(narrow["results_year"]) == {2021}


def test_readers_shape_their_answers_for_the_page(da: ModuleType, published_home: Home) -> None:
    db = str(published_home.published_db)
    stamp = publish_stamp(db)
    first, last = da.year_bounds(db, stamp)
    assert isinstance(first, int) and isinstance(last, int)
    assert 2000 <= first <= 2021 <= last
    figures = da.key_figures(db, stamp, ALL_YEARS)
    assert figures and all(isinstance(v, int) for v in figures.values())
    assert 0 < figures["rows_real"] <= figures["rows_total"]
    years = da.change_years(db, stamp, ALL_YEARS)
    assert years == sorted(years) and 2021 in years
    assert all(isinstance(y, int) for y in years)
    publish = da.last_publish(db, stamp)
    assert isinstance(publish, PublishInfo)
    assert isinstance(publish.published_at, dt.datetime) and publish.version


# --- errors the warehouse answers with ----------------------------------------------------------


def test_a_query_on_an_unknown_table_names_the_table(da: ModuleType, published_home: Home) -> None:
    db = str(published_home.published_db)
    with pytest.raises(duckdb.CatalogException, match="no_such_mart"):
        da.run(db, Query("broken", "select * from marts.no_such_mart"))
    # the failed query leaves nothing behind that the next one trips over
    assert da.run(db, da.q_organizers()).height >= 1


def test_a_warehouse_without_a_mart_fails_only_the_readers_of_that_mart(
    da: ModuleType, live: Path
) -> None:
    """An older build without mart_cluster_changes: the changes page's reader raises the catalog
    error the page's mart_section turns into a message; the other readers keep working."""
    _publish(live, "drop table marts.mart_cluster_changes")
    db, stamp = str(live), publish_stamp(live)
    with pytest.raises(duckdb.CatalogException, match="mart_cluster_changes"):
        da.cluster_changes(db, stamp, ALL_YEARS, 2021, 2023, "share")
    assert da.change_years(db, stamp, ALL_YEARS)
    assert da.organizers(db, stamp).height >= 1


# --- a publish swaps the file -------------------------------------------------------------------


def test_a_swapped_warehouse_is_read_by_the_next_query(da: ModuleType, live: Path) -> None:
    db = str(live)
    assert da.run(db, da.q_last_publish())["thidua_version"].to_list() != ["9.9.9"]
    _publish(
        live,
        "insert into meta.publish_log values (timestamp '2099-01-01 00:00:00', '9.9.9', 1.0, 1, 0)",
    )
    assert da.run(db, da.q_last_publish())["thidua_version"].to_list() == ["9.9.9"]


def test_a_cached_answer_lasts_until_the_publish_stamp_changes(da: ModuleType, live: Path) -> None:
    db = str(live)
    before = publish_stamp(live)
    old = da.last_publish(db, before)
    assert old.version != "9.9.9"
    _publish(
        live,
        "insert into meta.publish_log values (timestamp '2099-01-01 00:00:00', '9.9.9', 1.0, 1, 0)",
    )
    after = publish_stamp(live)
    assert after != before
    # asked with the stamp the page had, the cache answers (no read of the file)
    assert da.last_publish(db, before) == old
    # the page's next run computes the new stamp: every reader reads the new file
    assert da.last_publish(db, after) == PublishInfo(dt.datetime(2099, 1, 1), "9.9.9")


def test_year_bounds_follow_the_facts_and_fall_back_when_there_are_none(
    da: ModuleType, live: Path
) -> None:
    db = str(live)
    facts = ("fct_cluster_year", "fct_memberships", "fct_events", "fct_awards")
    _publish(
        live,
        *(f"delete from marts.{t} where results_year not between 2020 and 2022" for t in facts),
    )
    assert da.year_bounds(db, publish_stamp(live)) == (2020, 2022)
    _publish(live, *(f"delete from marts.{t}" for t in facts))
    assert da.year_bounds(db, publish_stamp(live)) == FALLBACK_YEARS


def test_a_warehouse_never_published_has_no_last_publish(da: ModuleType, live: Path) -> None:
    _publish(live, "delete from meta.publish_log")
    assert da.last_publish(str(live), publish_stamp(live)) == PublishInfo(None, None)


# --- no warehouse -------------------------------------------------------------------------------


def _assert_says_what_to_run(error: WarehouseMissing, path: Path) -> None:
    for message in (error.message("vi"), error.message("en")):
        assert str(path) in message
        assert "thidua demo --no-serve" in message
        assert "Traceback" not in message
    assert error.message("vi") != error.message("en")


def test_without_a_warehouse_run_says_what_to_run(da: ModuleType, tmp_path: Path) -> None:
    missing = tmp_path / "thidua.duckdb"
    with pytest.raises(WarehouseMissing) as info:
        da.run(str(missing), da.q_organizers())
    _assert_says_what_to_run(info.value, missing)
    assert not missing.exists()  # reading never creates an empty warehouse


def test_without_a_warehouse_cached_readers_raise_the_same_error(
    da: ModuleType, tmp_path: Path
) -> None:
    missing = tmp_path / "thidua.duckdb"
    stamp = publish_stamp(missing)
    assert stamp == "missing"
    with pytest.raises(WarehouseMissing) as info:
        da.year_bounds(str(missing), stamp)
    _assert_says_what_to_run(info.value, missing)
    with pytest.raises(WarehouseMissing):
        da.cluster_years(str(missing), stamp, ALL_YEARS, CUM_8)
    assert not missing.exists()


def test_without_a_warehouse_user_sql_is_not_run(da: ModuleType, tmp_path: Path) -> None:
    missing = tmp_path / "thidua.duckdb"
    with pytest.raises(WarehouseMissing) as info:
        da.run_user_sql(str(missing), "select 1")
    _assert_says_what_to_run(info.value, missing)


def test_a_failure_is_not_cached_once_the_warehouse_appears(
    da: ModuleType, published_home: Home, tmp_path: Path
) -> None:
    path = tmp_path / "home" / "thidua.duckdb"
    with pytest.raises(WarehouseMissing):
        da.organizers(str(path), "missing")
    copy_warehouse(published_home, path)
    # same arguments as the failed call: a missing warehouse was not remembered as an answer
    assert da.organizers(str(path), "missing").height >= 1


def _page_reading_a_vanished_warehouse(db_path: str) -> None:
    """A page whose query finds the warehouse gone (removed after the sidebar looked)."""
    import streamlit as st

    import data_access
    from app_context import ViewContext, warehouse_errors
    from thidua.query.dashboard.common import Filters
    from thidua.query.dashboard.sidebar import q_organizers

    view = ViewContext(
        db_path=db_path,
        stamp="stamp-before-the-reset",
        lang="vi",
        filters=Filters(years=(2000, 2100)),
        organizer_label="",
        publish=None,
    )
    with warehouse_errors(view):
        data_access.run(db_path, q_organizers())
    st.write("page drawn")


def test_a_page_shows_a_vanished_warehouse_as_a_warning_not_a_traceback(
    app_module: Callable[[str], ModuleType], tmp_path: Path
) -> None:
    app_module("data_access")  # puts app/ on sys.path for the script
    missing = tmp_path / "thidua.duckdb"
    at = AppTest.from_function(
        _page_reading_a_vanished_warehouse, args=(str(missing),), default_timeout=60
    ).run()
    assert not at.exception
    assert not at.error
    (warning,) = at.warning
    assert str(missing) in warning.value
    assert "thidua demo --no-serve" in warning.value
    # the page stopped there instead of drawing on without data
    assert "page drawn" not in [m.value for m in at.markdown]


# --- the user's own SQL -------------------------------------------------------------------------


def test_user_sql_comes_back_capped_at_the_dashboards_row_cap(
    da: ModuleType, published_home: Home
) -> None:
    db = str(published_home.published_db)
    result = da.run_user_sql(db, f"select range as n from range({SQL_ROW_CAP + 5})")
    assert result.truncated
    assert result.frame.height == SQL_ROW_CAP
    small = da.run_user_sql(db, "select organizer_id from marts.dim_organizer")
    assert not small.truncated
    assert small.frame.height >= 1


def test_user_sql_that_writes_is_refused_in_words(da: ModuleType, published_home: Home) -> None:
    db = str(published_home.published_db)
    with pytest.raises(QueryRefused) as info:
        da.run_user_sql(db, "delete from marts.dim_organizer")
    assert info.value.reason == "not_read_only"
    assert "Traceback" not in info.value.message("vi")
    assert "Traceback" not in info.value.message("en")
    # the warehouse is untouched
    assert da.run(db, da.q_organizers()).height >= 1


def test_synthetic_in_view_follows_the_scope_not_the_switch(
    da: ModuleType, published_home: Home
) -> None:
    """The sample's Thanh Hóa years are generated data: in view whichever way the switch is set.
    Years before any record, or an organiser with no records, hold nothing generated."""
    db = str(published_home.published_db)
    stamp = publish_stamp(published_home.published_db)
    assert da.synthetic_in_view(db, stamp, ALL_YEARS)
    assert da.synthetic_in_view(db, stamp, Filters(years=(2000, 2100), include_synthetic=False))
    assert not da.synthetic_in_view(db, stamp, Filters(years=(1990, 1999)))
    assert not da.synthetic_in_view(db, stamp, Filters(years=(2000, 2100), organizer_id="bo-khac"))
    assert da.synthetic_in_view(db, stamp, Filters(years=(2000, 2100), cluster_kind="cum"))
