"""`thidua quarantine`: every open quarantined row in full, one line per finding.

A load prints its findings grouped by rule; this is the detail behind them: file, sheet, row as
Excel shows it, column, value, rule, the message in Vietnamese and English, and the closest known
names. Only open rows (those nobody has fixed, retried or withdrawn yet) are listed.
"""

from __future__ import annotations

import polars as pl

from thidua.ingest.landing import open_raw
from thidua.ingest.load_state import OPEN_QUARANTINE
from thidua.paths import Home


def open_findings(home: Home, load_id: int | None = None, file: str | None = None) -> pl.DataFrame:
    """The open quarantined findings, of one load (or its retries) or of one file."""
    conditions: list[str] = []
    params: list[object] = []
    if load_id is not None:
        conditions.append("(load_id = ? or base_load_id = ?)")
        params += [load_id, load_id]
    if file is not None:
        conditions.append("(source_file = ? or lower(source_file) = lower(?))")
        params += [file, file]
    where = f"where {' and '.join(conditions)}" if conditions else ""
    with open_raw(home.raw_db) as con:
        found: pl.DataFrame = con.sql(
            f"select * from ({OPEN_QUARANTINE}) {where}"
            " order by load_id, source_file, source_sheet, source_row, column_name",
            params=params,
        ).pl()
    return found


def finding_line(finding: dict[str, object]) -> str:
    """One finding as one line: where, what, the rule, and the closest names if any."""
    sheet = f" [{finding['source_sheet']}]" if finding.get("source_sheet") else ""
    where = (
        f"{finding['source_file']}{sheet} dòng/row {finding['source_row']}, "
        f"cột/column {finding['column_name']}"
    )
    hint = f" — gần nhất / closest: {finding['candidates']}" if finding.get("candidates") else ""
    return f"{where}: {finding['message_vi']} / {finding['message_en']} [{finding['rule']}]{hint}"


def run_quarantine(home: Home, load_id: int | None, file: str | None) -> int:
    if not home.raw_db.exists():
        print("chưa nạp dữ liệu nào / nothing loaded yet")
        return 0
    found = open_findings(home, load_id, file)
    if found.height == 0:
        print("không có dòng nào đang bị cách ly / no quarantined rows are open")
        return 0
    for finding in found.iter_rows(named=True):
        print(f"{finding['load_id']:>5}  {finding_line(finding)}")
    rows = found.select("load_id", "source_file", "source_sheet", "source_row").unique().height
    print(
        f"{rows} dòng đang bị cách ly, {found.height} lỗi / "
        f"{rows} row(s) quarantined, {found.height} finding(s)"
    )
    return 0
