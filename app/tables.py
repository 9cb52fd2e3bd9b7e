"""One way to show a table: translated headers, Vietnamese numbers and dates, CSV and XLSX.

Why a pandas Styler: Streamlit's grid formats numbers with printf patterns or the browser's locale,
neither of which gives "1.234,5" and "14/01/2022" for every analyst. A Styler carries the display
text next to the typed value, so cells read the Vietnamese way while sorting a column still sorts
numbers and dates, not strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal

import polars as pl
import streamlit as st

from downloads import FileColumn, csv_bytes, excel_csv_bytes, xlsx_bytes
from public_url import base_url
from thidua.i18n.messages import Lang, fmt_date, fmt_datetime, fmt_int, fmt_number, fmt_percent, t

ColKind = Literal[
    "text", "long", "year", "int", "number", "percent", "date", "datetime", "link", "page"
]
Width = Literal["small", "medium", "large"] | int | None


@dataclass(frozen=True)
class Col:
    """A displayed column: the frame's column, its i18n label key and how to show it."""

    name: str
    label: str
    kind: ColKind = "text"
    width: Width = None
    decimals: int = 1
    help: str | None = None  # i18n key of a tooltip for the header
    # In the downloads only: the grid stays readable, the files carry every detail (a value's
    # source reference, link, file and row).
    export_only: bool = False


def _formatter(col: Col, lang: Lang) -> Callable[[Any], str] | None:
    def missing(value: Any) -> bool:
        # pandas turns a null in a numeric column into NaN (a float that is not equal to itself).
        return value is None or (isinstance(value, float) and value != value)

    def year(value: Any) -> str:
        return "" if missing(value) else str(int(value))

    def whole(value: Any) -> str:
        return "" if missing(value) else fmt_int(int(value), lang)

    def number(value: Any) -> str:
        return "" if missing(value) else fmt_number(float(value), col.decimals, lang)

    def percent(value: Any) -> str:
        return "" if missing(value) else fmt_percent(float(value), col.decimals, lang)

    def day(value: Any) -> str:
        if missing(value) or not isinstance(value, date):
            return ""
        return fmt_date(value, lang)

    def moment(value: Any) -> str:
        if missing(value) or not isinstance(value, datetime):
            return ""
        return fmt_datetime(value, lang)

    return {
        "year": year,
        "int": whole,
        "number": number,
        "percent": percent,
        "date": day,
        "datetime": moment,
    }.get(col.kind)


def _label(col: Col, lang: Lang, raw: bool) -> str:
    return col.label if raw else t(col.label, lang)


# Streamlit's named column widths, in pixels.
_PRESET_PX = {"small": 75, "medium": 200, "large": 400}
# A header's width: ~7.5 px per character of the grid's header font, its padding, and the help
# icon when it has one. A column narrower than its header shows "Năm thi đu…".
_HEADER_CHAR_PX = 7.5
_HEADER_PADDING_PX = 26
_HELP_ICON_PX = 20


def header_px(label: str, has_help: bool = False) -> int:
    """The width (px) a column needs to show its whole header."""
    return round(
        len(label) * _HEADER_CHAR_PX + _HEADER_PADDING_PX + (_HELP_ICON_PX if has_help else 0)
    )


def fitted_width(width: Width, label: str, has_help: bool = False) -> Width:
    """The column's width, widened to its header when that is wider (None stays automatic:
    the grid then sizes the column to its header and cells itself)."""
    if width is None:
        return None
    px = _PRESET_PX[width] if isinstance(width, str) else width
    need = header_px(label, has_help)
    return need if need > px else width


def _column_config(col: Col, lang: Lang, raw: bool = False) -> Any:
    label = _label(col, lang, raw)
    help_text = t(col.help, lang) if col.help else None
    preset: Width = "small" if col.kind == "page" else "large" if col.kind == "long" else None
    col = replace(col, width=fitted_width(col.width or preset, label, help_text is not None))
    if col.kind == "link":
        # The domain is enough to tell sources apart; the whole address is in the downloads.
        return st.column_config.LinkColumn(
            label, width=col.width, help=help_text, display_text=r"https?://(?:www\.)?([^/]+).*"
        )
    if col.kind == "page":
        # A link to another page of the dashboard (e.g. the unit's own page), opened in a new tab.
        return st.column_config.LinkColumn(
            label, width=col.width or "small", help=help_text, display_text=t("table.open", lang)
        )
    if col.kind in ("year", "int", "number", "percent"):
        return st.column_config.NumberColumn(label, width=col.width, help=help_text)
    if col.kind == "long":
        return st.column_config.TextColumn(label, width=col.width or "large", help=help_text)
    return st.column_config.Column(label, width=col.width, help=help_text)


def export_frame(
    frame: pl.DataFrame, cols: Sequence[Col], lang: Lang, raw: bool = False
) -> pl.DataFrame:
    """The columns as shown, under their translated headers (what the downloads contain)."""
    labels: list[str] = []
    for col in cols:
        label = _label(col, lang, raw)
        while label in labels:  # two columns may share a label; a frame may not
            label += " "
        labels.append(label)
    return frame.select(pl.col(c.name).alias(label) for c, label in zip(cols, labels, strict=True))


def show_table(
    frame: pl.DataFrame,
    cols: Sequence[Col],
    *,
    key: str,
    lang: Lang,
    file_stem: str,
    cap: int | None = None,
    empty: str = "state.empty",
    height: int | Literal["auto"] = "auto",
    raw_labels: bool = False,
) -> None:
    """Draw the table with its CSV and XLSX downloads, or say why it is empty.

    `cap`: the query asked for cap + 1 rows; when they came, show cap rows and say it was cut.
    `raw_labels`: the labels are the headers themselves, not i18n keys (user SQL results).
    """
    if frame.is_empty():
        st.caption(t(empty, lang))
        return
    truncated = cap is not None and frame.height > cap
    if truncated and cap is not None:
        frame = frame.head(cap)
    shown = frame.select([c.name for c in cols])
    formats = {c.name: f for c in cols if (f := _formatter(c, lang)) is not None}
    data: Any = shown.to_pandas()
    if formats:
        data = data.style.format(formats, na_rep="")
    st.dataframe(
        data,
        hide_index=True,
        height=height,
        placeholder="—",  # a value the source does not state stays visibly unknown
        column_config={c.name: _column_config(c, lang, raw_labels) for c in cols},
        column_order=[c.name for c in cols if not c.export_only],
        key=f"{key}_grid",
    )
    if truncated and cap is not None:
        st.caption(t("table.truncated", lang, rows=fmt_int(cap, lang)))
    _downloads(shown, cols, key=key, lang=lang, file_stem=file_stem, raw=raw_labels)


def _downloads(
    frame: pl.DataFrame,
    cols: Sequence[Col],
    *,
    key: str,
    lang: Lang,
    file_stem: str,
    raw: bool,
) -> None:
    # Links to the dashboard's pages are relative in the grid; a file needs the whole address.
    base = base_url()

    def exported() -> tuple[pl.DataFrame, dict[str, FileColumn]]:
        out = export_frame(frame, cols, lang, raw)
        kinds = {
            label: FileColumn(c.kind, c.decimals)
            for c, label in zip(cols, out.columns, strict=True)
        }
        return out, kinds

    def as_csv() -> bytes:
        return csv_bytes(*exported(), base_url=base)

    def as_excel_csv() -> bytes:
        return excel_csv_bytes(*exported(), lang=lang, base_url=base)

    def as_xlsx() -> bytes:
        return xlsx_bytes(*exported(), sheet=file_stem, lang=lang, base_url=base)

    with st.container(horizontal=True, gap="small"):
        # Callables: the file is made only when someone clicks, never on every rerun.
        st.download_button(
            t("table.csv", lang),
            data=as_csv,
            file_name=f"thidua-{file_stem}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"{key}_csv",
            type="tertiary",
        )
        st.download_button(
            t("table.xlsx", lang),
            data=as_xlsx,
            file_name=f"thidua-{file_stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/table_view:",
            key=f"{key}_xlsx",
            type="tertiary",
        )
        st.download_button(
            t("table.excel_csv", lang),
            data=as_excel_csv,
            file_name=f"thidua-{file_stem}-excel.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/download:",
            key=f"{key}_excel_csv",
            type="tertiary",
            help=t("table.excel_csv.help", lang),
        )


# Provenance columns, added to a frame by presenters.with_provenance(): right for tables whose row
# is one record (a membership, an event, an award), where the row's source is each value's.
PROVENANCE: tuple[Col, ...] = (
    Col("origin", "col.origin", width="small"),
    Col("source", "col.source", width="medium"),
    Col("link", "col.link", "link", width="small"),
    Col("file_row", "col.file_row", width="medium"),
)

# The row's mix (presenters.with_mix) in a table whose values carry their own sources.
ROW_ORIGIN = Col("origin", "col.row_origin", width="small", help="col.row_origin.help")


def value_source(group: str, *, file_row: bool = False, help: str | None = None) -> list[Col]:
    """The source of one value group (presenters.with_value_source), to put next to its values.

    The grid shows the source in words; the downloads add the reference, the link and (where the
    mart has them) the file and row: `<group>_source`, `_source_ref`, `_link`, `_file_row`.
    """
    cols = [
        Col(f"{group}_source", f"col.{group}_source", width="medium", help=help),
        Col(f"{group}_source_ref", f"col.{group}_source_ref", export_only=True),
        Col(f"{group}_link", f"col.{group}_link", "link", export_only=True),
    ]
    if file_row:
        cols.append(Col(f"{group}_file_row", f"col.{group}_file_row", export_only=True))
    return cols
