"""Table downloads: CSV that Excel opens with Vietnamese letters intact, and real XLSX workbooks.

No Streamlit here: plain functions from a polars frame to bytes, called lazily by the download
buttons (a callable `data=`), so a page never pays for a file nobody asked for.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

import polars as pl

# Excel caps a sheet name at 31 characters and refuses a few punctuation marks.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _flatten_nested(frame: pl.DataFrame) -> pl.DataFrame:
    """CSV and XLSX have no nested values: lists and structs become JSON text."""
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    if not nested:
        return frame
    return frame.with_columns(
        pl.Series(
            name,
            [
                None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                for v in frame[name].to_list()
            ],
            dtype=pl.String,
        )
        for name in nested
    )


def csv_bytes(frame: pl.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark (Excel reads UTF-8 only with it); ISO dates, '.' decimals.

    CSV is for machines and other tools, so values stay plain; people who want Vietnamese
    formats open the XLSX, whose numbers and dates are typed and shown in the reader's locale.
    """
    return ("\ufeff" + _flatten_nested(frame).write_csv()).encode("utf-8")


def xlsx_bytes(
    frame: pl.DataFrame,
    *,
    sheet: str = "thidua",
    percent_columns: Mapping[str, int] | None = None,
) -> bytes:
    """An .xlsx workbook of the frame: typed cells, a header filter, dates as dd/mm/yyyy.

    `percent_columns` maps a column holding a share (0.907) to its decimals, shown as 90,7%.
    """
    frame = _flatten_nested(frame)
    # Excel has no time zone in its cells: drop it rather than fail.
    frame = frame.with_columns(
        pl.col(name).dt.replace_time_zone(None)
        for name, dtype in frame.schema.items()
        if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None
    )
    formats = {
        name: "0" + ("." + "0" * decimals if decimals else "") + "%"
        for name, decimals in (percent_columns or {}).items()
        if name in frame.columns
    }
    buffer = io.BytesIO()
    frame.write_excel(
        buffer,
        worksheet=(sheet.translate(_SHEET_FORBIDDEN).strip() or "thidua")[:31],
        column_formats=formats or None,  # type: ignore[arg-type]
        dtype_formats={pl.Date: "dd/mm/yyyy", pl.Datetime: "dd/mm/yyyy hh:mm"},
        autofilter=True,
        autofit=True,
        freeze_panes="A2",
        float_precision=4,
    )
    return buffer.getvalue()
