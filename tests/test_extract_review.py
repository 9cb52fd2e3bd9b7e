"""The review a person does between extraction and load: a workbook with Vietnamese headers and
an accept column, a CSV folder named as the contract names it; only accepted rows load, and a
document that cannot be read is named without stopping the others."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from thidua.cli import main
from thidua.paths import Home

pytestmark = pytest.mark.integration

REPORT = (
    "Sở Nội vụ tỉnh Thanh Hóa\n\n"
    "Ngày 20/12/2023, Cụm thi đua số 8 tỉnh Thanh Hóa gồm các đơn vị: Sở Ngoại vụ (Cụm trưởng), "
    "Sở Tư pháp (Cụm phó), Sở Nội vụ và Sở Khoa Học Vũ Trụ đã tổ chức hội nghị tổng kết công "
    "tác thi đua năm 2023. Hội nghị suy tôn Sở Tư pháp xếp thứ Nhất.\n\n"
    "Nguồn: https://example.gov.vn/tin-tuc/cum-8-tong-ket-2023.htm\n"
)


def _cli(home: Home, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--home", str(home.root), *args])
    return code, out.getvalue() + err.getvalue()


def test_the_review_workbook_loads_only_the_rows_a_person_accepted(tmp_path: Path) -> None:
    report = tmp_path / "bao_cao.txt"
    report.write_text(REPORT, encoding="utf-8")
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    home = Home(tmp_path / "home")
    workbook = tmp_path / "duyet.xlsx"
    code, said = _cli(
        home, "extract", str(report), str(broken), "--out", str(tmp_path / "csv"),
        "--review", str(workbook),
    )  # fmt: skip
    assert code == 0, said
    # the unknown name is shown with the closest known names; the broken file is named
    assert "‘Sở Khoa Học Vũ Trụ’ chưa nhận ra / not known" in said
    assert "hong.pdf" in said
    # the page's URL is the source, registered by a sources row to review with the rest
    sources = (tmp_path / "csv" / "sources.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(sources) == 2
    assert sources[1].startswith("https://example.gov.vn/tin-tuc/cum-8-tong-ket-2023.htm,")

    book = load_workbook(workbook)
    assert book.sheetnames == ["Nguồn", "Sự kiện", "Thành viên", "Xếp hạng"]
    members = book["Thành viên"]
    header = [c.value for c in members[1]]
    assert header[0] == "Chấp nhận" and "Câu trích" in header and "Gợi ý" in header
    unit_at = next(i for i, h in enumerate(header) if h and h.startswith("Đơn vị"))
    roles = {row[unit_at].value: row for row in members.iter_rows(min_row=2)}
    assert set(roles) == {"Sở Ngoại vụ", "Sở Tư pháp", "Sở Nội vụ", "Sở Khoa Học Vũ Trụ"}
    # Vietnamese values, as the loader reads them back
    assert "Cụm trưởng" in [c.value for c in roles["Sở Ngoại vụ"]]
    for name in ("Sở Ngoại vụ", "Sở Tư pháp", "Sở Nội vụ"):
        roles[name][0].value = "Có"  # the reviewer accepts three rows, leaves the unknown one
    for sheet in book.worksheets:
        if sheet.title != members.title:
            for row in sheet.iter_rows(min_row=2):
                row[0].value = "x"
    book.save(workbook)

    code, said = _cli(home, "load", str(workbook))
    assert code == 0, said
    assert "1 row(s) not accepted (accept column), not loaded" in said
    with duckdb.connect(str(home.raw_db), read_only=True) as con:
        loaded = con.execute(
            "select unit_id, role, source_kind, source_ref from memberships order by unit_id"
        ).fetchall()
        quarantined = con.execute("select count(*) from quarantine").fetchall()
    assert loaded == [
        (
            "th-so-ngoai-vu",
            "leader",
            "article",
            "https://example.gov.vn/tin-tuc/cum-8-tong-ket-2023.htm",
        ),
        ("th-so-noi-vu", None, "article", "https://example.gov.vn/tin-tuc/cum-8-tong-ket-2023.htm"),
        (
            "th-so-tu-phap",
            "deputy",
            "article",
            "https://example.gov.vn/tin-tuc/cum-8-tong-ket-2023.htm",
        ),
    ]
    assert quarantined == [(0,)]


def test_extract_with_nothing_readable_says_why_and_fails(tmp_path: Path) -> None:
    broken = tmp_path / "scan.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    code, said = _cli(Home(tmp_path / "home"), "extract", str(broken), "--out", str(tmp_path / "o"))
    assert code == 1
    assert "scan.pdf" in said and "Traceback" not in said
