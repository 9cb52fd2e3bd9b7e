"""The quality gate on its own: a check that cannot run must never pass for good or bad data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from thidua.gate import expectations as gate
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
