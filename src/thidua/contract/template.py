"""`thidua template`: a workbook analysts fill in and `thidua load` reads back as it is.

One sheet per record type, named and headed in Vietnamese the way the reader recognises; a hint
row under the header (the column's description, marked so the reader skips it); required columns
in bold with "*"; dropdowns for coded columns offering only spellings the loader accepts; and,
for one organiser, its units on the unit columns and its name written once above the header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from thidua.contract.display_names import column_header, sheet_name
from thidua.contract.records import INPUT_ORDER, RECORD_TYPES, VALUE_LABELS, Column, RecordType
from thidua.contract.vocabulary import has_vocabulary, to_code
from thidua.errors import UserError
from thidua.ingest.readers import HINT_MARKER, LISTS_SHEET, ORGANIZER_LINE
from thidua.ingest.resolve import load_organizer_lookup, read_seed
from thidua.normalize import fold, match_key
from thidua.paths import Home

# Rows a dropdown covers below the header: far more than one cluster-year needs.
_ROWS = 1000
_REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
_HINT_FONT = Font(italic=True, color="808080")


def template_types(names: Sequence[str]) -> list[RecordType]:
    """The record types asked for (by name or a sheet name the reader knows, e.g. "thanh vien"),
    or every type, reference types first, in load order."""
    if not names:
        ordered = [n for n in INPUT_ORDER if n in RECORD_TYPES]
        return [RECORD_TYPES[n] for n in (*ordered, *(n for n in RECORD_TYPES if n not in ordered))]
    chosen: list[RecordType] = []
    unknown: list[str] = []
    for name in names:
        found = RECORD_TYPES.get(name) or next(
            (
                rt
                for rt in RECORD_TYPES.values()
                if fold(name) in {fold(rt.name), *(fold(s) for s in rt.sheet_names)}
            ),
            None,
        )
        if found is None:
            unknown.append(name)
        elif found not in chosen:
            chosen.append(found)
    if unknown:
        valid = ", ".join(RECORD_TYPES)
        raise UserError(
            f"loại bản ghi không hợp lệ: {', '.join(unknown)} (chọn trong: {valid})",
            f"unknown record type: {', '.join(unknown)} (choose from: {valid})",
        )
    return chosen


@dataclass
class _Lists:
    """The hidden sheet of dropdown values: one column per list (lists of unit names hold
    commas, which an inline list cannot)."""

    sheet: Worksheet
    ranges: dict[tuple[str, ...], str] = field(default_factory=dict)

    def range_of(self, values: tuple[str, ...]) -> str:
        if values not in self.ranges:
            column = get_column_letter(len(self.ranges) + 1)
            for row, value in enumerate(values, start=1):
                self.sheet[f"{column}{row}"] = value
            self.ranges[values] = f"{LISTS_SHEET}!${column}$1:${column}${len(values)}"
        return self.ranges[values]


def coded_values(column: Column) -> tuple[str, ...]:
    """The Vietnamese spellings a dropdown offers for a coded column, each one the loader reads
    as the code it stands for (a label it would not read is offered as the code itself)."""
    if column.name == "award_type":
        # the seed's names are the vocabulary's own spellings of its codes
        return tuple(read_seed("award_types")["name_vi"].drop_nulls().to_list())
    if not column.allowed:
        return ()  # free text, though another type's column of the same name may be coded
    labels = VALUE_LABELS.get(column.name)
    if labels is None:
        return column.allowed
    offered = []
    for code, (label_vi, _label_en) in labels.items():
        if column.allowed and code not in column.allowed:
            continue
        accepted = has_vocabulary(column.name) and to_code(column.name, label_vi) == code
        offered.append(label_vi if accepted else code)
    return tuple(offered)


@dataclass(frozen=True)
class OrganizerUnits:
    organizer_id: str
    name: str
    units: tuple[str, ...]


def organizer_units(organizer: str, home: Home) -> OrganizerUnits:
    """The organiser (by id or name) and the names of its units: the seeds' and the units
    loaded into this home's landing database, when there is one."""
    organizers = read_seed("organizers").select("organizer_id", "name_vi")
    units = read_seed("units").select("unit_id", "name_vi", "organizer_id")
    loaded_organizers, loaded_units = _loaded_reference(home)
    lookup = load_organizer_lookup(extra=loaded_organizers)
    organizer_id = lookup.get(match_key(organizer))
    if organizer_id is None:
        known = sorted(set(lookup.values()))
        raise UserError(
            f"không nhận ra cơ quan tổ chức ‘{organizer}’ (đã biết: {', '.join(known)}); nạp "
            "danh mục cơ quan tổ chức trước",
            f"unknown organiser ‘{organizer}’ (known: {', '.join(known)}); load an organisers "
            "file first",
        )
    if loaded_organizers is not None:
        organizers = pl.concat([organizers, loaded_organizers.select(organizers.columns)])
    if loaded_units is not None:
        units = pl.concat([units, loaded_units.select(units.columns)])
    name = organizers.filter(pl.col("organizer_id") == organizer_id)["name_vi"].to_list()
    names = units.filter(pl.col("organizer_id") == organizer_id)["name_vi"].drop_nulls()
    return OrganizerUnits(
        organizer_id, name[-1] if name else organizer, tuple(sorted(set(names.to_list())))
    )


def _loaded_reference(home: Home) -> tuple[pl.DataFrame | None, pl.DataFrame | None]:
    """Organisers and units in force in the landing database (none when there is none yet)."""
    if not home.raw_db.exists():
        return None, None
    from thidua.ingest.loader import rows_in_force

    try:
        con = duckdb.connect(str(home.raw_db), read_only=True)
    except duckdb.IOException:
        raise UserError(
            f"không đọc được {home.raw_db}: đang có tiến trình khác ghi vào (chờ rồi chạy lại)",
            f"cannot read {home.raw_db}: another process is writing to it (wait, then run again)",
        ) from None
    try:
        organizers = rows_in_force(
            con, "organizers", "organizer_id", "organizer_id, name as name_vi, name_en, short_name"
        )
        units = rows_in_force(
            con, "units", "unit_id", "unit_id, name as name_vi, short_name, organizer_id"
        )
    finally:
        con.close()
    return organizers, units


def write_template(
    out: Path,
    types: Sequence[RecordType],
    organizer: OrganizerUnits | None = None,
) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    lists = _Lists(workbook.create_sheet(LISTS_SHEET))
    lists.sheet.sheet_state = "hidden"
    for record_type in types:
        _write_sheet(workbook.create_sheet(sheet_name(record_type)), record_type, lists, organizer)
    # the lists sheet last: the first sheet is the one a workbook opens on
    workbook.move_sheet(LISTS_SHEET, offset=len(workbook.sheetnames) - 1)
    workbook.active = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(out)
    return out


def _write_sheet(
    sheet: Worksheet, record_type: RecordType, lists: _Lists, organizer: OrganizerUnits | None
) -> None:
    header_row = 1
    if organizer is not None and any(c.kind == "organizer" for c in record_type.columns):
        # written once for the sheet: rows that leave the column blank belong to this organiser
        sheet["A1"] = f"{ORGANIZER_LINE}: {organizer.name}"
        sheet["A1"].font = Font(bold=True)
        header_row = 3
    for position, column in enumerate(record_type.columns, start=1):
        letter = get_column_letter(position)
        header = column_header(column) + (" *" if column.required else "")
        cell = sheet.cell(header_row, position, header)
        cell.font = Font(bold=column.required)
        if column.required:
            cell.fill = _REQUIRED_FILL
        hint = column.description_vi
        sheet.cell(header_row + 1, position, f"{HINT_MARKER} {hint}" if position == 1 else hint)
        sheet.cell(header_row + 1, position).font = _HINT_FONT
        sheet.column_dimensions[letter].width = max(14, min(40, len(header) + 4))
        values = _dropdown(column, organizer)
        if values:
            validation = DataValidation(
                type="list", formula1=lists.range_of(values), allow_blank=True
            )
            validation.error = "Chọn một giá trị trong danh sách / pick a value from the list"
            validation.showErrorMessage = column.kind != "unit"  # a unit may be new: warn only
            sheet.add_data_validation(validation)
            first = header_row + 2
            validation.add(f"{letter}{first}:{letter}{first + _ROWS - 1}")
    sheet.freeze_panes = sheet.cell(header_row + 2, 1)


def _dropdown(column: Column, organizer: OrganizerUnits | None) -> tuple[str, ...]:
    if column.kind == "unit":
        return organizer.units if organizer is not None else ()
    if column.kind == "organizer":
        return (organizer.name,) if organizer is not None else ()
    return coded_values(column)
