"""Fuzzing the readers and the coercion: whatever the bytes, the encoding, the sheets or the
headers, a file is read or rejected in words, and every row read is loaded or quarantined.

Hypothesis draws the inputs; the examples run here are few (the suite must stay fast), and
`make fuzz` runs many more (THIDUA_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from thidua.errors import FileRejected
from thidua.ingest.loader import load_files
from thidua.ingest.readers import read_file
from thidua.paths import Home

EXAMPLES = int(os.environ.get("THIDUA_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = [".csv", ".tsv", ".json", ".jsonl", ".xlsx", ".parquet"]
# Headers as analysts write them, and some they should not: the contract's and noise.
HEADERS = [
    "Cụm",
    "Cụm thi đua",
    "Năm",
    "Đơn vị",
    "Tên đơn vị",
    "Vai trò",
    "ro\u00adle",
    "Điểm",
    "Điểm tối đa",
    "Tiêu chí",
    "Xếp hạng",
    "unit",
    "cluster",
    "results_year",
    "STT",
    "Ghi chú",
    "",
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "Cụm thi đua số 8",
            "Cụm 5",
            "Khối IV",
            "2022",
            "2021-2022",
            "Sở Tư pháp",
            "Sở GD&ĐT",
            "Sở Giáo dục và Đào tạo",
            "Ban Dân tộc tỉnh",
            "Cụm trưởng",
            "Phó khối 1",
            "9,5",
            "1.000",
            "-1",
            "#N/A",
            "=A1*2",
            "Nhất",
            "",
            "14/01/2022",
        ]
    ),
    st.text(max_size=12),
)
# A workbook cannot hold control characters at all (Excel refuses them too).
XLSX_CELLS = CELLS.filter(lambda text: not ILLEGAL_CHARACTERS_RE.search(text))
# Encodings Vietnamese files arrive in; TCVN3 and VNI have no codec here, so their bytes are
# stood for by Latin-1 text in those fonts' letters (what such a file shows once decoded).
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]


def _outcome_is_words(path: Path) -> None:
    try:
        batches = read_file(path)
    except FileRejected as rejected:
        assert str(rejected).strip()
        return
    for batch in batches:
        if isinstance(batch, FileRejected):
            assert str(batch).strip()


@FUZZ
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_rejected_in_words(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"records{suffix}"
        path.write_bytes(data)
        _outcome_is_words(path)


def _table(headers: list[str], rows: list[list[str]], separator: str) -> str:
    return "\n".join(separator.join(line) for line in [headers, *rows]) + "\n"


def _ledger_balances(home: Home) -> None:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        ledger = con.execute(
            "select status, rows_read, rows_loaded, rows_quarantined from load_ledger"
        ).fetchall()
        quarantined_rows = con.execute(
            "select load_id, count(distinct source_row) from quarantine group by all"
        ).fetchall()
    finally:
        con.close()
    for status, read, loaded, quarantined in ledger:
        assert read == loaded + quarantined, ledger
        if status == "rejected":
            assert read == 0
    assert sum(n for _, n in quarantined_rows) == sum(q for *_, q in ledger)


@FUZZ
@given(
    headers=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=7), max_size=6),
    separator=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(ENCODINGS),
)
def test_text_tables_in_any_encoding_load_or_are_rejected_and_balance(
    headers: list[str], rows: list[list[str]], separator: str, encoding: str
) -> None:
    text = _table(headers, rows, separator)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.csv"
        path.write_bytes(text.encode(encoding, errors="replace"))
        _outcome_is_words(path)
        home = Home(Path(folder) / "home")
        report = load_files([path], home)
        for batch in report.batches:
            assert batch.rows_read == batch.rows_loaded + batch.rows_quarantined
        _ledger_balances(home)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 4))
@given(
    sheets=st.lists(
        st.tuples(
            st.sampled_from(["Thành viên", "Điểm", "Xếp hạng", "Nháp", "Sheet1"]),
            st.sampled_from(["visible", "hidden", "veryHidden"]),
            st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5),
            st.lists(st.lists(XLSX_CELLS, max_size=6), max_size=5),
            st.integers(min_value=0, max_value=40),
        ),
        min_size=1,
        max_size=3,
        unique_by=lambda sheet: sheet[0],
    )
)
def test_workbooks_with_any_sheets_load_or_are_rejected_and_balance(
    sheets: list[tuple[str, str, list[str], list[list[str]], int]],
) -> None:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, state, headers, rows, title_rows in sheets:
        sheet = workbook.create_sheet(name)
        for _ in range(title_rows):  # a title block above the header
            sheet.append(["BÁO CÁO KẾT QUẢ THI ĐUA"])
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = state
    if all(state != "visible" for _, state, *_ in sheets):
        workbook[sheets[0][0]].sheet_state = "visible"  # Excel keeps one sheet visible
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.xlsx"
        workbook.save(path)
        _outcome_is_words(path)
        home = Home(Path(folder) / "home")
        report = load_files([path], home)
        for batch in report.batches:
            assert batch.rows_read == batch.rows_loaded + batch.rows_quarantined
        _ledger_balances(home)


@pytest.mark.parametrize("depth", [10, 100_000])
def test_nested_json_is_rejected_not_a_traceback(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "records.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    _outcome_is_words(path)
