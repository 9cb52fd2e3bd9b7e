"""The quality gate on its own (thidua.gate.expectations): a check that cannot run must never pass
for good or bad data; the suites and their parameters; the columns derived for them; and the
findings of real GX runs on small hand-made batches, each naming the row, the column as the analyst
wrote it, the rule, the value and a message in Vietnamese and English."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from thidua.contract.records import RECORD_TYPES
from thidua.gate import expectations as gate
from thidua.ingest.coerce import FINDING_SCHEMA
from thidua.ingest.loader import load_files
from thidua.ingest.readers import ROW
from thidua.paths import Home


@pytest.mark.integration
def test_a_check_that_cannot_run_stops_the_load_instead_of_judging_rows() -> None:
    # The organisers suite checks `name`; a batch without it cannot be judged either way.
    batch = pl.DataFrame(
        {
            ROW: [2, 3],
            "organizer_id": ["th-a", "th-b"],
            "source_kind": ["official", "official"],
            "natural_key": ["th-a", "th-b"],
        }
    )
    with pytest.raises(RuntimeError, match=r"could not run: .*name"):
        gate.validate("organizers", batch)


@pytest.mark.integration
def test_a_clean_batch_passes_every_expectation_with_every_row_counted() -> None:
    batch = pl.DataFrame(
        {
            ROW: [2, 3, 4],
            "organizer_id": ["th-a", "th-b", "th-c"],
            "name": ["Sở A", "Sở B", "Sở C"],
            "source_kind": ["official", "article", "official"],
            "award_system": ["province", None, "ministry"],
            "natural_key": ["th-a", "th-b", "th-c"],
        }
    )
    findings, outcomes = gate.validate("organizers", batch)
    assert findings.is_empty()
    suite = gate.load_suite_definition("organizers")
    assert len(outcomes) == len(suite["expectations"])
    assert all(o.success and (o.element_count, o.unexpected_count) == (3, 0) for o in outcomes)


@pytest.mark.integration
def test_thousands_of_failing_rows_are_all_quarantined_and_every_count_agrees(
    tmp_path: Path,
) -> None:
    # GX itself lists at most 20 failing rows through SQL; every one of 3,000 must be stopped,
    # and the ledger, the quarantine and the validation results must say the same numbers.
    lines = ["cluster,results_year,unit,criterion,points,max_points"]
    lines += [f"Cụm thi đua số 8,2023,Sở Nội vụ,TC{i},-1,10" for i in range(3_000)]  # negative
    lines += [f"Cụm thi đua số 8,2023,Sở Tư pháp,TC{i},12,10" for i in range(1_500)]  # > max
    lines += [f"Cụm thi đua số 8,2023,Thanh tra tỉnh,TC{i},9,10" for i in range(500)]  # clean
    scores = tmp_path / "scores.csv"
    scores.write_text("\n".join(lines) + "\n", encoding="utf-8")
    home = Home(tmp_path / "home")
    report = load_files([scores], home)
    assert [(b.rows_read, b.rows_loaded, b.rows_quarantined) for b in report.batches] == [
        (5_000, 500, 4_500)
    ]
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        (load_id, quarantined) = con.execute(
            "select load_id, rows_quarantined from load_ledger"
        ).fetchall()[0]
        by_rule = dict(
            con.execute(
                "select rule, count(distinct source_row) from quarantine where load_id = ?"
                " group by rule",
                [load_id],
            ).fetchall()
        )
        unexpected = dict(
            con.execute(
                "select expectation || ':' || column_name, unexpected_count"
                " from validation_results where load_id = ? and not success",
                [load_id],
            ).fetchall()
        )
        landed = con.execute("select count(*), min(points) from scores").fetchall()[0]
    finally:
        con.close()
    assert quarantined == 4_500 == sum(by_rule.values())
    assert unexpected["expect_column_values_to_be_between:points"] == 3_000
    assert by_rule["expect_column_values_to_be_between"] == 3_000
    assert by_rule["expect_column_pair_values_a_to_be_greater_than_b"] == 1_500
    assert unexpected["expect_column_pair_values_a_to_be_greater_than_b:points"] == 1_500
    assert landed == (500, 9.0)


# --- the suites and their parameters ------------------------------------------------------------

# A fixed day: the plausible years and dates move with the calendar, these tests must not.
TODAY = dt.date(2024, 6, 1)
PARAMETERS = gate.suite_parameters(TODAY, award_type_codes=["PROV_FLAG"])


@pytest.mark.parametrize("record_type", sorted(RECORD_TYPES))
def test_every_record_type_has_a_suite_with_messages_in_both_languages(record_type: str) -> None:
    suite = gate.load_suite_definition(record_type)
    assert suite["name"] == f"thidua.{record_type}"
    assert suite["expectations"]
    for item in suite["expectations"]:
        assert item["type"].startswith("expect_")
        assert item["meta"]["message_vi"] and item["meta"]["message_en"], item
        assert item["meta"]["message_vi"] != item["meta"]["message_en"], item


def test_a_suite_is_read_from_the_directory_given(tmp_path: Path) -> None:
    definition = {"name": "thidua.tiny", "expectations": [{"type": "x", "kwargs": {}}]}
    (tmp_path / "tiny.json").write_text(json.dumps(definition), encoding="utf-8")
    assert gate.load_suite_definition("tiny", tmp_path) == definition
    with pytest.raises(FileNotFoundError):
        gate.load_suite_definition("scores", tmp_path)


def test_suite_parameters_allow_results_and_events_up_to_a_year_ahead() -> None:
    parameters = gate.suite_parameters(dt.date(2024, 6, 1), award_type_codes=["A", "B"])
    assert parameters == {
        "max_results_year": 2025,
        "max_event_date": "2025-06-01",
        "award_type_codes": ["A", "B"],
    }


def test_suite_parameters_on_a_leap_day_end_on_the_28th_of_next_february() -> None:
    parameters = gate.suite_parameters(dt.date(2024, 2, 29), award_type_codes=[])
    assert parameters["max_event_date"] == "2025-02-28"
    assert parameters["max_results_year"] == 2025
    assert parameters["award_type_codes"] == []  # none given is not "use the seed's"


def test_suite_parameters_default_to_the_seeds_award_types() -> None:
    codes = gate.suite_parameters(TODAY)["award_type_codes"]
    assert {"GOV_FLAG", "PROV_FLAG", "PROV_MERIT"} <= set(codes)
    assert len(codes) == len(set(codes))


def test_suite_columns_lists_every_column_read_once_in_order_of_first_use() -> None:
    definition = {
        "expectations": [
            {"type": "a", "kwargs": {"column": "unit_id"}},
            {"type": "b", "kwargs": {"column_A": "max_points", "column_B": "points"}},
            {"type": "c", "kwargs": {"column": "points", "min_value": 0}},
            {"type": "d", "kwargs": {"column_list": ["unit_id", "criterion", "scorer_id"]}},
            {"type": "e", "kwargs": {}},
        ]
    }
    assert gate.suite_columns(definition) == [
        "unit_id",
        "max_points",
        "points",
        "criterion",
        "scorer_id",
    ]


def test_suite_columns_of_the_scores_suite_include_the_derived_key() -> None:
    columns = gate.suite_columns(gate.load_suite_definition("scores"))
    assert columns[:3] == ["cluster_id", "results_year", "unit_id"]
    assert {"points", "max_points", "bonus", "source_kind", "natural_key"} <= set(columns)
    assert len(columns) == len(set(columns))


@pytest.mark.parametrize(
    ("record_type", "landed", "written"),
    [
        ("scores", "unit_id", "unit"),
        ("scores", "cluster_id", "cluster"),
        ("scores", "scorer_id", "scorer"),
        ("scores", "organizer_id", "organizer"),
        ("scores", "points", "points"),
        ("scores", "results_year", "results_year"),
        ("scores", "natural_key", "natural_key"),
        ("memberships", "other_leader", "role"),
        ("leadership", "other_leader", "role"),
        ("events", "source_id", "source_id"),  # no input column `source`: the name stays
    ],
)
def test_input_column_names_the_column_as_the_analyst_wrote_it(
    record_type: str, landed: str, written: str
) -> None:
    assert gate.input_column(record_type, landed) == written


# --- derived columns ----------------------------------------------------------------------------

CLUSTER = "th-ubnd:cum-08"
ScoreRow = tuple[int, str | None, int | None, str | None, str, float | None, float, str | None]


def _scores(*rows: ScoreRow) -> pl.DataFrame:
    """Typed score rows as coercion hands them to the gate:
    (row, unit_id, year, scorer_id, criterion, points, max_points, source_kind)."""
    frame = pl.DataFrame(
        rows,
        schema={
            ROW: pl.Int64,
            "unit_id": pl.Utf8,
            "results_year": pl.Int32,
            "scorer_id": pl.Utf8,
            "criterion": pl.Utf8,
            "points": pl.Float64,
            "max_points": pl.Float64,
            "source_kind": pl.Utf8,
        },
        orient="row",
    )
    return frame.with_columns(
        pl.lit("th-ubnd").alias("organizer_id"),
        pl.lit(CLUSTER).alias("cluster_id"),
        pl.col("unit_id").alias("unit_raw"),
        pl.lit(None, dtype=pl.Float64).alias("bonus"),
    )


GOOD_SCORES: list[ScoreRow] = [
    (2, "th-ubnd:so-tu-phap", 2023, None, "TC1", 9.5, 10.0, "official"),
    (3, "th-ubnd:so-tu-phap", 2023, None, "TC2", 10.0, 10.0, "official"),
    (4, "th-ubnd:thanh-tra", 2023, None, "TC1", 0.0, 10.0, "synthetic"),
    (5, "th-ubnd:thanh-tra", 2023, "th-ubnd:so-noi-vu", "TC1", 8.0, 10.0, None),
]


def test_derive_joins_the_natural_key_with_a_blank_for_a_missing_part() -> None:
    derived = gate.derive("scores", _scores(*GOOD_SCORES), None)
    keys = derived["natural_key"].to_list()
    sep = "\u241f"
    assert keys[0] == sep.join(["th-ubnd", CLUSTER, "2023", "th-ubnd:so-tu-phap", "TC1", ""])
    assert keys[3].endswith(sep + "TC1" + sep + "th-ubnd:so-noi-vu")
    assert len(set(keys)) == 4  # the scorer tells rows 4 and 5 apart
    assert derived.drop("natural_key").equals(_scores(*GOOD_SCORES))  # nothing else changes


def test_derive_keys_an_unread_cell_by_its_text_as_written() -> None:
    # Two rows whose unit did not resolve: the same name written twice is still a duplicate.
    frame = _scores(
        (2, None, 2023, None, "TC1", 9.0, 10.0, "official"),
        (3, None, 2023, None, "TC1", 8.0, 10.0, "official"),
        (4, None, 2023, None, "TC1", 7.0, 10.0, "official"),
    )
    written = pl.DataFrame({ROW: [2, 3, 4], "unit": ["Sở Mới ", "Sở Mới", "Sở Khác"]})
    keys = gate.derive("scores", frame, None, written=written)["natural_key"].to_list()
    assert keys[0] == keys[1] != keys[2]
    assert "Sở Mới" in keys[0] and "Sở Khác" in keys[2]


def _rankings(*rows: tuple[int, str | None, int | None]) -> pl.DataFrame:
    frame = pl.DataFrame(
        rows, schema={ROW: pl.Int64, "unit_id": pl.Utf8, "rank": pl.Int32}, orient="row"
    )
    return frame.with_columns(
        pl.lit("th-ubnd").alias("organizer_id"),
        pl.lit(CLUSTER).alias("cluster_id"),
        pl.lit(2023, dtype=pl.Int32).alias("results_year"),
        pl.col("unit_id").alias("unit_raw"),
        pl.lit("score").alias("method"),
        pl.lit("official").alias("source_kind"),
    )


def test_derive_sizes_a_cluster_by_the_units_named_or_the_members_known() -> None:
    frame = _rankings((2, "u-a", 1), (3, "u-b", 2), (4, "u-c", 3))
    alone = gate.derive("rankings", frame, None)
    assert alone[gate.CLUSTER_SIZE].to_list() == [3, 3, 3]
    known = pl.DataFrame(
        {
            "organizer_id": ["th-ubnd"],
            "cluster_id": [CLUSTER],
            "results_year": [2023],
            "members": [12],
        }
    )
    assert gate.derive("rankings", frame, known)[gate.CLUSTER_SIZE].to_list() == [12] * 3
    fewer = known.with_columns(pl.lit(2).alias("members"))  # the file names more: it counts
    assert gate.derive("rankings", frame, fewer)[gate.CLUSTER_SIZE].to_list() == [3] * 3


def _memberships(*rows: tuple[int, str, str]) -> pl.DataFrame:
    frame = pl.DataFrame(
        rows, schema={ROW: pl.Int64, "unit_id": pl.Utf8, "role": pl.Utf8}, orient="row"
    )
    return frame.with_columns(
        pl.lit("th-ubnd").alias("organizer_id"),
        pl.lit(CLUSTER).alias("cluster_id"),
        pl.lit(2023, dtype=pl.Int32).alias("results_year"),
        pl.col("unit_id").str.replace("th-ubnd:", "").alias("unit_raw"),
        pl.lit(None, dtype=pl.Int32).alias("role_order"),
        pl.lit(None, dtype=pl.Int32).alias("stated_member_count"),
        pl.lit(None, dtype=pl.Utf8).alias("roster_complete"),
        pl.lit("official").alias("source_kind"),
    )


def test_derive_names_the_other_leader_of_the_same_cluster_year() -> None:
    frame = _memberships(
        (2, "th-ubnd:so-a", "leader"),
        (3, "th-ubnd:so-b", "member"),
        (4, "th-ubnd:so-c", "leader"),
    )
    derived = gate.derive("memberships", frame, None)
    assert derived[gate.OTHER_LEADER].to_list() == [
        "so-c (dòng/row 4)",
        None,
        "so-a (dòng/row 2)",
    ]
    one = gate.derive("memberships", frame.filter(pl.col(ROW) != 4), None)
    assert one[gate.OTHER_LEADER].is_null().all()


# --- validate: findings on hand-made batches ----------------------------------------------------


def _validate(record_type: str, frame: pl.DataFrame) -> tuple[pl.DataFrame, list[Any]]:
    findings, outcomes = gate.validate(
        record_type, gate.derive(record_type, frame, None), PARAMETERS
    )
    return findings, outcomes


@pytest.mark.integration
def test_a_good_score_batch_yields_no_finding() -> None:
    findings, outcomes = _validate("scores", _scores(*GOOD_SCORES))
    assert findings.is_empty()
    assert findings.schema == pl.Schema(FINDING_SCHEMA)
    assert outcomes and all(o.success and o.unexpected_count == 0 for o in outcomes)
    assert {o.suite_name for o in outcomes} == {"thidua.scores"}


@pytest.mark.integration
def test_an_empty_batch_yields_no_finding_and_no_outcome() -> None:
    findings, outcomes = _validate("scores", _scores(*GOOD_SCORES).clear())
    assert findings.is_empty() and outcomes == []


@pytest.mark.integration
def test_a_negative_score_is_a_finding_naming_row_column_rule_and_value() -> None:
    bad = (6, "th-ubnd:so-y-te", 2023, None, "TC1", -1.0, 10.0, "official")
    findings, outcomes = _validate("scores", _scores(*GOOD_SCORES, bad))
    assert findings.to_dicts() == [
        {
            ROW: 6,
            "column_name": "points",
            "value": "-1",
            "rule": "expect_column_values_to_be_between",
            "message_vi": "điểm ‘-1’ không được âm",
            "message_en": "points ‘-1’ must not be negative",
            "candidates": None,
        }
    ]
    failed = [o for o in outcomes if not o.success]
    assert [(o.expectation, o.column_name, o.unexpected_count) for o in failed] == [
        ("expect_column_values_to_be_between", "points", 1)
    ]
    assert failed[0].element_count == 5


@pytest.mark.integration
def test_a_year_out_of_the_plausible_range_names_the_year() -> None:
    bad = (6, "th-ubnd:so-y-te", 1999, None, "TC1", 5.0, 10.0, "official")
    findings, _ = _validate("scores", _scores(*GOOD_SCORES, bad))
    (finding,) = findings.to_dicts()
    assert (finding[ROW], finding["column_name"], finding["value"]) == (6, "results_year", "1999")
    assert finding["message_vi"] == (
        "năm ‘1999’ ở cột results_year nằm ngoài khoảng hợp lý (từ 2000 đến năm sau)"
    )
    assert "outside the plausible range" in finding["message_en"]


@pytest.mark.integration
def test_a_missing_unit_is_a_finding_on_the_column_as_written() -> None:
    bad = (6, None, 2023, None, "TC1", 5.0, 10.0, "official")
    findings, _ = _validate("scores", _scores(*GOOD_SCORES, bad))
    (finding,) = findings.to_dicts()
    assert finding[ROW] == 6
    assert finding["column_name"] == "unit"  # not the landed unit_id
    assert finding["rule"] == "expect_column_values_to_not_be_null"
    assert finding["value"] == ""
    assert finding["message_vi"] == "thiếu giá trị bắt buộc ở cột unit"
    assert finding["message_en"] == "a required value is missing in column unit"


@pytest.mark.integration
def test_a_score_above_its_maximum_names_both_numbers() -> None:
    bad = (6, "th-ubnd:so-y-te", 2023, None, "TC1", 12.0, 10.0, "official")
    findings, _ = _validate("scores", _scores(*GOOD_SCORES, bad))
    (finding,) = findings.to_dicts()
    assert (finding[ROW], finding["column_name"], finding["value"]) == (6, "points", "12")
    assert finding["rule"] == "expect_column_pair_values_a_to_be_greater_than_b"
    assert finding["message_vi"] == "điểm 12 lớn hơn điểm tối đa 10"
    assert finding["message_en"] == "points 12 exceed the maximum 10"


@pytest.mark.integration
def test_every_bad_row_is_reported_not_just_the_first() -> None:
    bad = [
        (6, "th-ubnd:so-y-te", 2023, None, "TC1", -1.0, 10.0, "official"),
        (7, "th-ubnd:so-y-te", 2023, None, "TC2", -2.5, 10.0, "official"),
        (8, None, 2023, None, "TC3", 4.0, 10.0, "official"),
        (9, "th-ubnd:so-xay-dung", 2023, None, "TC1", 3.0, 10.0, "rumour"),
        (10, "th-ubnd:so-xay-dung", 2023, None, "TC2", 3.0, 10.0, "article"),
        (11, None, 2023, None, "TC4", -4.0, 10.0, "official"),
    ]
    findings, outcomes = _validate("scores", _scores(*GOOD_SCORES, *bad))
    found = {(r[ROW], r["column_name"], r["value"]) for r in findings.to_dicts()}
    assert found == {
        (6, "points", "-1"),
        (7, "points", "-2.5"),
        (8, "unit", ""),
        (9, "source_kind", "rumour"),
        (11, "unit", ""),
        (11, "points", "-4"),  # a row with two problems is reported for both
    }
    assert findings.height == 6
    by_rule = {(o.expectation, o.column_name): o.unexpected_count for o in outcomes}
    assert by_rule[("expect_column_values_to_be_between", "points")] == 3
    assert by_rule[("expect_column_values_to_not_be_null", "unit_id")] == 2
    assert by_rule[("expect_column_values_to_be_in_set", "source_kind")] == 1
    rumour = findings.filter(pl.col(ROW) == 9).row(0, named=True)
    assert rumour["message_vi"].startswith("‘rumour’ không phải giá trị cho phép")
    assert rumour["message_en"].startswith("‘rumour’ is not an allowed value")


@pytest.mark.integration
def test_both_rows_of_a_duplicate_key_are_reported_with_the_key_as_written() -> None:
    twice = (6, "th-ubnd:so-tu-phap", 2023, None, "TC1", 9.0, 10.0, "official")
    findings, _ = _validate("scores", _scores(*GOOD_SCORES, twice))
    assert sorted(findings[ROW].to_list()) == [2, 6]
    assert set(findings["column_name"]) == {
        "organizer, cluster, results_year, unit, criterion, scorer"
    }
    assert set(findings["value"]) == {f"th-ubnd, {CLUSTER}, 2023, th-ubnd:so-tu-phap, TC1, "}
    assert set(findings["rule"]) == {"expect_column_values_to_be_unique"}


@pytest.mark.integration
def test_a_rank_above_the_cluster_size_names_rank_and_size() -> None:
    findings, _ = _validate("rankings", _rankings((2, "u-a", 1), (3, "u-b", 2), (4, "u-c", 5)))
    (finding,) = findings.to_dicts()
    assert (finding[ROW], finding["column_name"], finding["value"]) == (4, "rank", "5")
    assert finding["message_vi"] == "thứ hạng 5 lớn hơn số đơn vị của cụm trong năm (3)"
    assert finding["message_en"] == (
        "rank 5 is greater than the number of units of the cluster in that year (3)"
    )


@pytest.mark.integration
def test_two_leaders_in_one_cluster_year_are_both_reported_on_the_role_column() -> None:
    frame = _memberships(
        (2, "th-ubnd:so-a", "leader"),
        (3, "th-ubnd:so-b", "member"),
        (4, "th-ubnd:so-c", "leader"),
    )
    findings, _ = _validate("memberships", frame)
    assert findings.select(ROW, "column_name").rows() == [(2, "role"), (4, "role")]
    assert "so-c (dòng/row 4)" in findings["message_vi"][0]
    assert "so-a (dòng/row 2)" in findings["message_en"][1]


@pytest.mark.integration
def test_the_pandas_backend_finds_the_same_rows_as_sql() -> None:
    bad = [
        (6, "th-ubnd:so-y-te", 2023, None, "TC1", -1.0, 10.0, "official"),
        (7, None, 2023, None, "TC2", 12.0, 10.0, "official"),
    ]
    frame = gate.derive("scores", _scores(*GOOD_SCORES, *bad), None)
    sql, _ = gate.validate("scores", frame, PARAMETERS, backend="sql")
    pandas, _ = gate.validate("scores", frame, PARAMETERS, backend="pandas")
    columns = [ROW, "column_name", "value", "rule", "message_en"]
    assert sorted(pandas.select(columns).rows()) == sorted(sql.select(columns).rows())
    assert sql.height == 3
