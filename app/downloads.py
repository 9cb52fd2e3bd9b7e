"""Table downloads: a plain CSV for other tools, a CSV Vietnamese Excel opens as it is, and XLSX.

No Streamlit here: plain functions from a polars frame to bytes, called lazily by the download
buttons (a callable `data=`), so a page never pays for a file nobody asked for.

A column may come with a `FileColumn`: the kind the grid shows it as (tables.Col.kind) and its
decimals. They decide how it is written, in every file:

- years as whole numbers with no thousands separator (2015, never 2,015);
- scores and other numbers rounded to FILE_DECIMALS places (more where the table shows more),
  shares of the maximum to as many places as a percentage with FILE_DECIMALS (0.9071 = 90,71%);
- links to the dashboard's own pages, relative in the grid, made whole against `base_url`: a
  file has no page to resolve them against.

The files for people (XLSX, Excel CSV) also write the generator's reference in words
(source_words): a generated value stays labelled generated, without a code in the cell. The plain
CSV keeps the reference as it is in `marts.dim_source`, so other tools can join on it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import polars as pl
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from source_words import refs_in_words
from thidua.i18n.messages import Lang, fmt_percent

FILE_DECIMALS = 2

# Excel caps a sheet name at 31 characters and refuses a few punctuation marks.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
# Excel's own limits: characters in a cell, characters in a link, links in a sheet.
_CELL_MAX = 32_767
_URL_MAX = 2_079
_URLS_PER_SHEET = 65_530
# Column widths in characters: wide enough for the usual value, never a screen of one column.
_WIDTH_MIN, _WIDTH_TEXT_MAX, _WIDTH_LINK_MAX = 6, 60, 45
_WIDTH_SAMPLE_ROWS = 1_000


@dataclass(frozen=True)
class FileColumn:
    """How a column is written: its kind (tables.ColKind: text, long, year, int, number,
    percent, date, datetime, link, page) and the decimals the table shows it with."""

    kind: str = "text"
    decimals: int = 1

    @property
    def file_decimals(self) -> int:
        return max(self.decimals, FILE_DECIMALS)


Columns = Mapping[str, FileColumn]


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


def _column(columns: Columns | None, name: str, dtype: pl.DataType) -> FileColumn:
    """The column's FileColumn, else one guessed from its type (never a thousands-separated
    year: an unknown integer is written plain)."""
    if columns and name in columns:
        return columns[name]
    if dtype.is_integer():
        return FileColumn("year")
    if dtype.is_float() or dtype.is_decimal():
        return FileColumn("number")
    return FileColumn("text")


def _prepared(frame: pl.DataFrame, columns: Columns | None, base_url: str | None) -> pl.DataFrame:
    """The values every file writes: flat, rounded, whole links, no time zones."""
    frame = _flatten_nested(frame)
    exprs: list[pl.Expr] = []
    for name, dtype in frame.schema.items():
        col = _column(columns, name, dtype)
        value = pl.col(name)
        if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
            exprs.append(value.dt.replace_time_zone(None))  # Excel cells have no time zone
        elif not dtype.is_numeric():
            if col.kind == "page" and base_url and dtype == pl.String:
                exprs.append(
                    value.map_elements(lambda h: urljoin(base_url, h), return_dtype=pl.String)
                )
        elif col.kind in ("year", "int"):
            exprs.append(
                value.cast(pl.Float64).round(0).cast(pl.Int64) if dtype.is_float() else value
            )
        elif col.kind == "percent":
            exprs.append(value.cast(pl.Float64).round(col.file_decimals + 2))
        elif dtype.is_float() or dtype.is_decimal():
            exprs.append(value.cast(pl.Float64).round(col.file_decimals))
    return frame.with_columns(exprs) if exprs else frame


def _in_words(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Text cells with the generator's reference written out (source_words.refs_in_words)."""
    changed = [
        pl.Series(
            name,
            [None if v is None else refs_in_words(v, lang) for v in frame[name].to_list()],
            dtype=pl.String,
        )
        for name, dtype in frame.schema.items()
        if dtype == pl.String and frame[name].str.contains("synthetic:", literal=True).any()
    ]
    return frame.with_columns(changed) if changed else frame


def csv_bytes(
    frame: pl.DataFrame, columns: Columns | None = None, *, base_url: str | None = None
) -> bytes:
    """Plain CSV for other tools: ",", "." decimals, ISO dates, rounded numbers, UTF-8 with BOM.

    The byte-order mark is there because Excel reads UTF-8 only with it. Values stay plain
    (codes included); people who want Vietnamese formats open the Excel CSV or the XLSX.
    """
    text = _prepared(frame, columns, base_url).write_csv(float_scientific=False)
    return ("\ufeff" + text).encode("utf-8")


def excel_csv_bytes(
    frame: pl.DataFrame,
    columns: Columns | None = None,
    *,
    lang: Lang = "vi",
    base_url: str | None = None,
) -> bytes:
    """CSV that Excel set to Vietnamese opens with a double click, every column in its place.

    Vietnamese Excel reads ";" between fields and "," before decimals (its list separator is
    ";" because "," is the decimal mark), dd/mm/yyyy dates, and UTF-8 only after a byte-order
    mark. Shares are written as Excel would show them ("90,71%"), which it reads back as numbers.
    """
    prepared = _in_words(_prepared(frame, columns, base_url), lang)
    percents = [
        pl.Series(
            name,
            [
                None if v is None else fmt_percent(v, _column(columns, name, dtype).file_decimals)
                for v in prepared[name].to_list()
            ],
            dtype=pl.String,
        )
        for name, dtype in prepared.schema.items()
        if dtype.is_numeric() and _column(columns, name, dtype).kind == "percent"
    ]
    if percents:
        prepared = prepared.with_columns(percents)
    text = prepared.write_csv(
        separator=";",
        decimal_comma=True,
        float_scientific=False,
        date_format="%d/%m/%Y",
        datetime_format="%d/%m/%Y %H:%M",
        line_terminator="\r\n",
    )
    return ("\ufeff" + text).encode("utf-8")


# --- XLSX ----------------------------------------------------------------------------------------


def _number_format(col: FileColumn, values: pl.Series) -> str:
    """Excel's format code; Excel shows it with the reader's own separators (1.234,5 in Vietnam)."""
    if col.kind == "year":
        return "0"
    if col.kind == "int":
        return "#,##0"
    if col.kind == "percent":
        return "0" + ("." + "0" * col.decimals if col.decimals else "") + "%"
    whole = values.drop_nulls().is_empty() or bool((values.drop_nulls() % 1 == 0).all())
    return "#,##0" if whole else "#,##0." + "0" * col.file_decimals


def _width(header: str, values: pl.Series, col: FileColumn) -> int:
    """Characters wide: the longer of the usual value and the header's longest word (the
    header wraps), within bounds."""
    if col.kind in ("year",):
        content = 4
    elif col.kind == "date":
        content = 10
    elif col.kind == "datetime":
        content = 16
    else:
        sample = values.head(_WIDTH_SAMPLE_ROWS).drop_nulls()
        lengths = [len(str(v)) for v in sample.to_list()]
        content = max(lengths, default=0)
        if values.dtype.is_numeric():
            content += content // 3 + 1  # thousands separators and a decimal mark
    longest_word = max((len(w) for w in header.split()), default=0)
    cap = _WIDTH_LINK_MAX if col.kind in ("link", "page") else _WIDTH_TEXT_MAX
    return min(max(content, longest_word, _WIDTH_MIN), cap) + 2


CellWriter = Callable[[Worksheet, int, int, Any], None]


def _cell_writer(col: FileColumn, dtype: pl.DataType, cell: Format, link: Format) -> CellWriter:
    """How one column's values go into cells: typed, never a formula or a guessed link."""
    links_left = [_URLS_PER_SHEET]

    def text(ws: Worksheet, row: int, c: int, value: Any) -> None:
        ws.write_string(row, c, str(value)[:_CELL_MAX])

    def number(ws: Worksheet, row: int, c: int, value: Any) -> None:
        ws.write_number(row, c, value, cell)

    def moment(ws: Worksheet, row: int, c: int, value: Any) -> None:
        ws.write_datetime(row, c, value, cell)

    def url(ws: Worksheet, row: int, c: int, value: Any) -> None:
        address = str(value)
        if (
            address.startswith(("http://", "https://"))
            and len(address) <= _URL_MAX
            and links_left[0] > 0
        ):
            links_left[0] -= 1
            ws.write_url(row, c, address, link, string=address)
        else:
            text(ws, row, c, value)

    if dtype == pl.Boolean:
        return lambda ws, row, c, value: ws.write_boolean(row, c, value)
    if dtype.is_numeric() and not dtype.is_decimal():
        return number
    if dtype.is_decimal():
        return lambda ws, row, c, value: number(ws, row, c, float(value))
    if dtype in (pl.Date, pl.Datetime) or isinstance(dtype, pl.Datetime):
        return moment
    if col.kind in ("link", "page"):
        return url
    return text


def xlsx_bytes(
    frame: pl.DataFrame,
    columns: Columns | None = None,
    *,
    sheet: str = "thidua",
    lang: Lang = "vi",
    base_url: str | None = None,
) -> bytes:
    """An .xlsx workbook of the frame, laid out to read and to filter.

    Typed cells with number formats (years plain, scores to two decimals, shares as percent,
    dates dd/mm/yyyy), a filter on the header row, the header frozen, columns as wide as their
    usual value, whole links that open on a click, the generator's references in words.
    """
    prepared = _in_words(_prepared(frame, columns, base_url), lang)
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            # Text stays text: a cell reading "=…" or "0912" or "http…" is not reinterpreted.
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    ws = workbook.add_worksheet((sheet.translate(_SHEET_FORBIDDEN).strip() or "thidua")[:31])
    header = workbook.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E7EEF5", "bottom": 1}
    )
    link = workbook.add_format({"font_color": "#0B57D0", "underline": 1})
    writers: list[CellWriter] = []
    for c, (name, dtype) in enumerate(prepared.schema.items()):
        col = _column(columns, name, dtype)
        values = prepared[name]
        if dtype == pl.Date:
            code = "dd/mm/yyyy"
        elif isinstance(dtype, pl.Datetime):
            code = "dd/mm/yyyy hh:mm"
        elif dtype.is_numeric():
            code = _number_format(col, values)
        else:
            code = "@"
        cell = workbook.add_format({"num_format": code})
        writers.append(_cell_writer(col, dtype, cell, link))
        ws.write_string(0, c, name, header)
        ws.set_column(c, c, _width(name, values, col))
    for r, row in enumerate(prepared.iter_rows(), start=1):
        for c, value in enumerate(row):
            if value is not None:
                writers[c](ws, r, c, value)
    if prepared.width:
        ws.autofilter(0, 0, max(prepared.height, 1), prepared.width - 1)
    ws.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()
