"""Sources as reference data: a URL or a document number cited in `source_ref` becomes a source,
a `sources` file gives it a title, and `marts.dim_source` counts the facts each source supports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

from thidua.ingest.loader import load_files
from thidua.paths import SAMPLE_DIR, Home
from thidua.query.read import read_query
from thidua.warehouse.build import build_and_publish

REAL = SAMPLE_DIR / "real"
ARTICLE_URL = "https://baothanhhoa.vn/thoi-su/cum-thi-dua-so-5-tong-ket-nam-2023.htm"
REPORT_NO = "Báo cáo số 12/BC-CTĐ5"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _raw(home: Home, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _published(home: Home, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in read_query(home.published_db, sql).rows()]


def _cluster_5_in_2023(folder: Path) -> None:
    """Three members of Cụm 5 for 2023: two cite an article by its URL, one a report by number;
    the sources file (a Vietnamese name and headers, no id) gives the URL its title."""
    folder.mkdir()
    _write(
        folder / "thanh_vien_2023.csv",
        "Cụm thi đua,Năm,Đơn vị,Vai trò,Loại nguồn,Nguồn\n"
        f"Cụm thi đua số 5,2023,Sở Giáo dục và Đào tạo,Cụm trưởng,bài báo,{ARTICLE_URL}\n"
        f"Cụm thi đua số 5,2023,Sở Y tế,Cụm phó,bài báo,{ARTICLE_URL}\n"
        f'Cụm thi đua số 5,2023,"Sở Văn hóa, Thể thao và Du lịch",,văn bản,{REPORT_NO}\n',
    )
    _write(
        folder / "nguon.csv",
        "Đường dẫn,Tiêu đề,Cơ quan đăng,Ngày đăng,Loại\n"
        f"{ARTICLE_URL},Cụm thi đua số 5 tổng kết năm 2023,Báo Thanh Hóa,12/01/2024,bài báo\n",
    )


def test_a_sources_file_loads_first_and_takes_its_id_from_the_url_or_the_document(
    fresh_home: Home, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    _cluster_5_in_2023(folder)
    _write(
        folder / "nguon_khac.csv",
        "Nguồn,Tiêu đề,Đường dẫn,Số hiệu,Ngày đăng\n"
        ",Quyết định khen thưởng năm 2023,,123/QĐ-UBND,20/01/2024\n"
        "qd-2024-01,Quyết định năm 2024,,45/QĐ-UBND,\n"
        ",Không có mã,,,\n",
    )
    report = load_files([folder], fresh_home)
    # both sources files before the memberships that cite them, whatever the folder order
    assert [b.record_type for b in report.batches] == ["sources", "sources", "memberships"]
    assert _raw(fresh_home, "select source_id, title, source_kind from sources order by 1") == [
        ("123/QĐ-UBND", "Quyết định khen thưởng năm 2023", "official"),
        (ARTICLE_URL, "Cụm thi đua số 5 tổng kết năm 2023", "article"),
        ("qd-2024-01", "Quyết định năm 2024", "official"),
    ]
    # a source with neither an id, a URL nor a document number cannot be cited: quarantined
    assert _raw(fresh_home, "select source_file, source_row, column_name from quarantine") == [
        ("nguon_khac.csv", 4, "source_id")
    ]


@pytest.mark.integration
def test_a_cited_url_builds_and_dim_source_lists_it_with_its_title_and_facts(
    fresh_home: Home, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    _cluster_5_in_2023(folder)
    # an awards record citing the same article, so the count spans two fact tables
    _write(
        folder / "khen_thuong.csv",
        "cluster,results_year,unit,award_type,status,source_kind,source_ref\n"
        f"Cụm thi đua số 5,2023,Sở Y tế,PROV_MERIT,proposed,article,{ARTICLE_URL}\n",
    )
    report = load_files([REAL, folder], fresh_home)
    assert not report.rejected and report.quarantined_rows == 0

    build_and_publish(fresh_home)

    rows = _published(
        fresh_home,
        "select source_id, source_kind, title, publisher, published_on, url, document_no, "
        "reference_source, n_memberships, n_awards, n_facts from marts.dim_source "
        "where reference_source <> 'seed' order by source_id",
    )
    assert rows == [
        (REPORT_NO, "official", None, None, None, None, REPORT_NO, "mentioned", 1, 0, 1),
        (
            ARTICLE_URL,
            "article",
            "Cụm thi đua số 5 tổng kết năm 2023",
            "Báo Thanh Hóa",
            dt.date(2024, 1, 12),
            ARTICLE_URL,
            None,
            "loaded",
            2,
            1,
            3,
        ),
    ]
    # the seed articles keep their ids, titles and the facts they support
    assert _published(
        fresh_home,
        "select source_id, n_memberships, n_rankings, n_events from marts.dim_source "
        "where source_id = 'article:002'",
    ) == [("article:002", 16, 3, 2)]
    # and the facts that cite the URL are in the published marts
    assert _published(
        fresh_home,
        f"select count(*) from marts.fct_memberships where source_ref = '{ARTICLE_URL}'",
    ) == [(2,)]
