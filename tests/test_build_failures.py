"""A failed build in words: `thidua build` names each broken rule, its table and row count in
Vietnamese and English, shows the first offending rows, and leaves the published warehouse."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from thidua.cli import main
from thidua.paths import PROJECT_ROOT, SAMPLE_DIR, Home
from thidua.query.read import read_query
from thidua.warehouse import warm_dbt
from thidua.warehouse.build_failures import describe, singular_rule_text
from thidua.warehouse.warm_dbt import READY_LINE

REAL = SAMPLE_DIR / "real"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_singular_test_opens_with_the_rule_it_checks() -> None:
    """The rule text of a failing singular test is the first sentence of its opening comment."""
    files = sorted((PROJECT_ROOT / "data-tests").glob("*.sql"))
    assert files
    for path in files:
        text = singular_rule_text(path.read_text(encoding="utf-8"))
        assert len(text) > 20 and text.endswith((".", ":", ")")), (path.name, text)
    one_leader = PROJECT_ROOT / "data-tests" / "assert_one_leader_per_cluster_year.sql"
    assert singular_rule_text(one_leader.read_text(encoding="utf-8")) == (
        "A cluster (or block) has at most one leader (cụm/khối trưởng) in a results year."
    )


def test_an_empty_never_empty_mart_column_is_said_as_the_not_null_rule() -> None:
    """A mart's not-null columns are constraints of its contract: DuckDB refuses the row while the
    table is built, and the report names the column and table as the not_null test did."""
    con = duckdb.connect()
    con.execute("create schema marts; create table marts.fct_awards (award_id varchar not null)")
    with pytest.raises(duckdb.ConstraintException) as refused:
        con.execute("insert into marts.fct_awards values (null)")
    result = {
        "unique_id": "model.thidua.fct_awards",
        "status": "error",
        "message": f"Runtime Error in model fct_awards\n  {refused.value}",
    }
    node = {
        "name": "fct_awards",
        "schema": "marts",
        "original_file_path": "models/marts/fct_awards.sql",
    }
    failure = describe(result, {"nodes": {"model.thidua.fct_awards": node}})
    assert failure.rule == "not_null"
    assert "Cột award_id của bảng marts.fct_awards không được để trống" in failure.sentence_vi
    assert "Column award_id of table marts.fct_awards must not be empty" in failure.sentence_en
    assert failure.detail is not None and "NOT NULL constraint failed" in failure.detail


@pytest.mark.integration
@pytest.mark.parametrize("warm", ["0", "1"], ids=["dbt-command", "dbt-kept-warm"])
def test_a_failed_build_says_each_rule_table_and_rows_and_publishes_nothing(
    fresh_home: Home,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    warm: str,
) -> None:
    """The same report whether dbt ran as a command or in the process the build before left
    waiting (thidua.warehouse.warm_dbt)."""
    monkeypatch.setenv(warm_dbt.SWITCH, warm)
    try:
        _fail_a_build_and_read_its_report(fresh_home, tmp_path, capsys, warm == "1")
    finally:
        warm_dbt.stop(fresh_home)


def _fail_a_build_and_read_its_report(
    fresh_home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str], warm: bool
) -> None:
    home = ["--home", str(fresh_home.root)]
    assert main([*home, "load", "--quiet", str(REAL)]) == 0
    assert main([*home, "build", "--quiet"]) == 0
    published = _digest(fresh_home.published_db)
    capsys.readouterr()
    # nothing loaded since: the build says so and leaves the warehouse as it is
    assert main([*home, "build", "--quiet"]) == 0
    assert "the published warehouse is up to date, nothing new to build" in capsys.readouterr().out
    assert _digest(fresh_home.published_db) == published

    # Two leaders for one cluster-year (a singular test) and an award citing a catalogue id no
    # catalogue holds (a relationships test). The loader now stops a second leader itself, so
    # the second one is written the way a landing database of an earlier version could hold it.
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "thanh_vien.csv").write_text(
        "cluster,results_year,unit,role\n"
        "Cụm thi đua số 5,2023,Sở Giáo dục và Đào tạo,leader\n"
        "Cụm thi đua số 5,2023,Sở Y tế,member\n",
        encoding="utf-8",
    )
    (broken / "khen_thuong.csv").write_text(
        "cluster,results_year,unit,award_type,status,source_kind,source_ref\n"
        "Cụm thi đua số 5,2023,Sở Y tế,PROV_MERIT,proposed,article,article:099\n",
        encoding="utf-8",
    )
    assert main([*home, "load", "--quiet", str(broken)]) == 0
    raw = duckdb.connect(str(fresh_home.raw_db))
    raw.execute(
        "update memberships set role = 'leader' where unit_id = 'th-so-yte'"
        " and cluster_id = 'th-ubnd:cum-05' and results_year = 2023"
    )
    raw.close()
    capsys.readouterr()

    if warm:
        assert warm_dbt.wait_ready(fresh_home, 120) is not None
    code = main([*home, "build"])
    out, err = capsys.readouterr()
    said = out + err
    assert (READY_LINE in out) == warm

    assert code == 1
    assert "Traceback" not in said
    assert err.startswith("lỗi / error: dbt build thất bại: ")
    assert "kho đã công bố giữ nguyên / dbt build failed: " in said
    assert "the published warehouse is unchanged" in said

    # the singular test: its rule (the file's opening comment), its table and row count, its row
    assert "✗ [singular] assert_one_leader_per_cluster_year" in said
    rule = "“A cluster (or block) has at most one leader (cụm/khối trưởng) in a results year.”"
    assert (
        f"vi: Kiểm thử riêng data-tests/assert_one_leader_per_cluster_year.sql không đạt: {rule} "
        "sai ở 1 dòng kết quả (bảng marts.fct_memberships)."
    ) in said
    assert (
        f"en: Singular test data-tests/assert_one_leader_per_cluster_year.sql failed: {rule} "
        "is broken by 1 result row (table marts.fct_memberships)."
    ) in said
    assert (
        "organizer_id=th-ubnd | cluster_id=th-ubnd:cum-05 | results_year=2023 | n_leaders=2 | "
        "leader_unit_ids=th-so-gddt, th-so-yte | "
        "leader_records=th-so-gddt (thanh_vien.csv, row 2); th-so-yte (thanh_vien.csv, row 3)"
    ) in said

    # the relationships test on source_ref: column, both tables, row count and the value
    assert "✗ [relationships] relationships_fct_awards_source_ref" in said
    assert (
        "vi: Mỗi giá trị của cột source_ref trong bảng marts.fct_awards phải có trong cột "
        "source_id của bảng intermediate.int_sources_registered, nhưng 1 dòng có giá trị không "
        "tìm thấy."
    ) in said
    assert (
        "en: Every value of column source_ref in table marts.fct_awards must exist in column "
        "source_id of table intermediate.int_sources_registered, but 1 row holds a value not "
        "found there."
    ) in said
    assert "from_field=article:099" in said

    # nothing was published: same file, still without the broken rows
    assert _digest(fresh_home.published_db) == published
    rows = read_query(
        fresh_home.published_db,
        "select count(*) from marts.fct_memberships "
        "where cluster_id = 'th-ubnd:cum-05' and results_year = 2023",
    ).rows()
    assert [tuple(r) for r in rows] == [(0,)]


@pytest.mark.integration
def test_load_with_build_publishes_in_one_command_unless_the_load_failed(
    fresh_home: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`thidua load --build`: the analyst's one command from a corrected file to the dashboard.
    A file the gate refuses stops it before the build: nothing is published."""
    home = ["--home", str(fresh_home.root)]
    refused = tmp_path / "in" / "thanh_vien.csv"
    refused.parent.mkdir()
    refused.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert main([*home, "load", "--build", "--type", "memberships", str(refused)]) == 1
    said = capsys.readouterr()
    assert "not built: the load did not pass" in said.err
    assert not fresh_home.published_db.exists()

    assert main([*home, "load", "--build", "--quiet", str(REAL)]) == 0
    assert "đã công bố / published" in capsys.readouterr().out
    members = read_query(fresh_home.published_db, "select count(*) from marts.fct_memberships")
    assert members.item() > 0
