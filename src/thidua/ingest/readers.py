"""Readers: a file as analysts have it → batches of text cells under canonical column names.

No value is interpreted here (that is `coerce`'s job); a reader only finds the header row, maps the
headers to the contract in `records`, numbers the rows as the analyst sees them (the row number in
Excel, the line number in a text editor) and decides which record type each sheet holds.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import polars as pl

from thidua.contract.records import ACCEPTED, RECORD_TYPES, REVIEW_COLUMNS, RecordType
from thidua.errors import FileRejected
from thidua.normalize import clean_text, encoding_hint, fold

if TYPE_CHECKING:
    from thidua.ingest.scoring_sheet import SheetDefaults

ROW = "_row"
UNPLACED = "_unplaced"
# Two columns that mean the same field ("Đơn vị" and "Tên đơn vị") and disagree on a row: the
# row is quarantined with both values, never loaded with the first one in silence.
CONFLICT = "_conflict"
# ".txt" (Excel's "Unicode text" export) is read when named on the command line, but not picked
# up from a folder, where it is far more often a README than records.
SUPPORTED_SUFFIXES = (
    ".csv",
    ".tsv",
    ".xlsx",
    ".xlsm",
    ".json",
    ".jsonl",
    ".ndjson",
    ".parquet",
)
# Spreadsheet formats that cannot be read here: picked up from a folder all the same, so the
# analyst is told to save them as .xlsx instead of seeing them skipped without a word.
UNREADABLE_SPREADSHEETS = (".xls", ".xlsb", ".ods", ".numbers")
# Titles, logos and signature blocks above the header: official forms carry dozens of rows.
_HEADER_SCAN_ROWS = 200
_KEEP = "_keep"
# A template's hint row (under the header, a column's description) starts with this mark: it
# tells the analyst what to write and is never a record.
HINT_MARKER = "↳"
# The template's hidden sheet of dropdown lists: not records, skipped without a word.
LISTS_SHEET = "thidua_danh_muc"
# A review's columns by their headers in either language; "accept" gates the rows.
_REVIEW_HEADERS = {
    fold(label): name for name, labels in REVIEW_COLUMNS.items() for label in (name, *labels)
}
_ACCEPTED_SPELLINGS = frozenset(v for a in ACCEPTED for v in (a, fold(a)) if v)
_ACCEPT = "_accept"
# "Cơ quan tổ chức: Bộ Tư pháp" above the header: the organiser of the rows that name none.
ORGANIZER_LINE = "Cơ quan tổ chức"


@dataclass
class RawBatch:
    """One record type's rows from one file or sheet, every cell still text."""

    path: Path
    sheet: str | None
    record_type: RecordType
    frame: pl.DataFrame  # canonical column names + ROW, all Utf8
    ignored_columns: list[str] = field(default_factory=list)
    # what the reader did that the load report should say (rows skipped, cells left out)
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.path.name if self.sheet is None else f"{self.path.name} [{self.sheet}]"


def _header_index() -> dict[str, dict[str, str]]:
    """record type → folded header → canonical column name."""
    index: dict[str, dict[str, str]] = {}
    for name, record_type in RECORD_TYPES.items():
        mapping: dict[str, str] = {}
        for column in record_type.columns:
            mapping[fold(column.name)] = column.name
            for header in column.headers:
                mapping[fold(header)] = column.name
        index[name] = mapping
    return index


HEADERS = _header_index()


def type_from_name(name: str) -> RecordType | None:
    """The record type a sheet or file name suggests ("Xếp hạng", "thanh_vien_cum_8.csv").

    The longest synonym found wins, so "thanh vien cum 8" is memberships (not clusters, which
    "cum" alone would suggest): names like "Cum 5 - diem.csv" are how analysts save files.
    """
    folded = fold(name)
    words = folded.split(" ")
    best: tuple[int, RecordType] | None = None
    for record_type in RECORD_TYPES.values():
        for synonym in (record_type.name, *record_type.sheet_names):
            key = fold(synonym)
            found = key in words if " " not in key else f" {key} " in f" {folded} "
            if found and (best is None or len(key) > best[0]):
                best = (len(key), record_type)
    return best[1] if best else None


def _match_count(cells: list[str | None], record_type: str) -> int:
    mapping = HEADERS[record_type]
    return len({mapping[fold(c)] for c in cells if c and fold(c) in mapping})


def _find_header(
    rows: pl.DataFrame, forced: RecordType | None, hinted: RecordType | None
) -> tuple[int, RecordType]:
    """The header row (0-based within `rows`) and the record type its headers fit best.

    A forced type (`--type`) is the only candidate. A type suggested by the sheet or file name is
    only preferred: headers that hold every required column of another type win over a name.
    """
    candidates = [forced] if forced else list(RECORD_TYPES.values())
    best: tuple[int, int, RecordType] | None = None
    for index, row in enumerate(rows.head(_HEADER_SCAN_ROWS).iter_rows()):
        cells = [c for c in row if c is not None]
        for candidate in candidates:
            matched = _match_count(cells, candidate.name)
            found = {HEADERS[candidate.name].get(fold(c)) for c in cells}
            required_found = all(req in found for req in candidate.required_columns)
            score = matched + (100 if required_found else 0)
            score += 50 if candidate is hinted and matched else 0
            if matched >= 2 and (best is None or score > best[0]):
                best = (score, index, candidate)
    if best is None:
        raise LookupError
    return best[1], best[2]


def _has_text(column: str) -> pl.Expr:
    return pl.col(column).is_not_null() & (pl.col(column).str.strip_chars() != "")


def batch_from_rows(
    path: Path,
    sheet: str | None,
    rows: pl.DataFrame,
    first_row_number: int,
    record_type: RecordType | None,
) -> RawBatch:
    """Turn a header-less grid of text (as read) into a batch under canonical names."""
    label = path.name
    if rows.height == 0 or all(
        all(v is None or clean_text(v) == "" for v in r)
        for r in rows.head(_HEADER_SCAN_ROWS).iter_rows()
    ):
        raise FileRejected(
            label, sheet, "tệp trống, không có dòng tiêu đề", "the file is empty (no header row)"
        )
    hinted = record_type or type_from_name(sheet or "") or type_from_name(path.stem)
    try:
        header_at, detected = _find_header(rows, record_type, hinted)
    except LookupError:
        expected = f" ({', '.join(hinted.required_columns)})" if hinted else ""
        seen = [str(c) for r in rows.head(_HEADER_SCAN_ROWS).iter_rows() for c in r if c]
        hint = encoding_hint(seen)
        raise FileRejected(
            label,
            sheet,
            hint[0]
            if hint
            else f"không tìm thấy dòng tiêu đề với các cột cần có{expected} trong "
            f"{_HEADER_SCAN_ROWS} dòng đầu; xem `thidua load --help`",
            hint[1]
            if hint
            else f"no header row with the required columns{expected} in the "
            f"first {_HEADER_SCAN_ROWS} rows; see `thidua load --help`",
        ) from None
    header = [clean_text(c) if c is not None else "" for c in rows.row(header_at)]
    body_at = header_at + (2 if _is_hint_row(rows, header_at + 1) else 1)
    mapping = HEADERS[detected.name]
    rename: dict[str, str] = {}
    ignored: list[str] = []
    # canonical column → the other columns whose header also means it: (grid column, header)
    repeated: dict[str, list[tuple[str, str]]] = {}
    accept_column: str | None = None
    for position, text in enumerate(header):
        canonical = mapping.get(fold(text)) if text else None
        source = rows.columns[position]
        review = _REVIEW_HEADERS.get(fold(text)) if text and not canonical else None
        if review == "accept" and accept_column is None:
            accept_column = source
        elif review:
            continue  # the reviewer's aids (evidence, candidates): not data
        elif canonical and canonical not in rename.values():
            rename[source] = canonical
        elif canonical:
            repeated.setdefault(canonical, []).append((source, text))
        elif text:
            ignored.append(text)
    unnamed = [
        rows.columns[i]
        for i, text in enumerate(header)
        if not text and rows.slice(body_at)[rows.columns[i]].is_not_null().any()
    ]
    missing = [c for c in detected.required_columns if c not in rename.values()]
    if missing:
        raise FileRejected(
            label,
            sheet,
            f"thiếu cột bắt buộc: {', '.join(missing)} (bản ghi {detected.title_vi})",
            f"required column(s) missing: {', '.join(missing)} ({detected.title_en} records)",
        )
    # One lazy plan, collected once: on a million rows every eager step would copy the grid.
    extra = [source for copies in repeated.values() for source, _ in copies]
    gate = [accept_column] if accept_column else []
    body_plan = (
        rows.lazy()
        .slice(body_at)
        .select(list(rename) + unnamed + extra + gate)
        .rename({**rename, **({accept_column: _ACCEPT} if accept_column else {})})
    )
    body_plan = _merge_repeated(body_plan, repeated)
    # Cells under no header (a row longer than the header) cannot be placed: the row is
    # quarantined rather than loaded without them.
    # concat_str gives "" (not null) when every cell is empty: only rows that really hold such a
    # cell may be flagged.
    body_plan = body_plan.with_columns(
        pl.concat_str([pl.col(c) for c in unnamed], separator=" | ", ignore_nulls=True)
        .replace("", None)
        .alias(UNPLACED)
        if unnamed
        else pl.lit(None, dtype=pl.Utf8).alias(UNPLACED),
        pl.int_range(pl.len(), dtype=pl.Int64).alias(ROW) + (first_row_number + body_at),
        *(
            pl.lit(None, dtype=pl.Utf8).alias(column.name)
            for column in detected.columns
            if column.name not in rename.values()
        ),
    ).drop(unnamed)
    # Blank lines (every cell empty) are not records; Excel users leave them between blocks.
    # A required column with text already proves a line is not blank; only the other lines need
    # every cell looked at (on a million rows that is most of the reading time).
    cells = [*rename.values(), UNPLACED]
    probe = next((c for c in detected.required_columns if c in rename.values()), None)
    quick = _has_text(probe) if probe else pl.lit(False)
    body = body_plan.with_columns(quick.alias(_KEEP)).collect()
    if not body[_KEEP].all():
        body = body.filter(pl.col(_KEEP) | pl.any_horizontal([_has_text(c) for c in cells]))
    body = body.drop(_KEEP)
    notes: list[str] = []
    if accept_column:
        body, notes = _accepted_only(body)
    organizer = _organizer_line(rows, header_at) if "organizer" in body.columns else None
    if organizer is not None:
        body = body.with_columns(
            pl.when(_has_text("organizer")).then(pl.col("organizer")).otherwise(pl.lit(organizer))
        )
    return RawBatch(path, sheet, detected, body, ignored, notes)


def _accepted_only(body: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """The rows a reviewer accepted; the others are proposals nobody accepted, not records."""
    said = pl.col(_ACCEPT).str.normalize("NFC").str.strip_chars().str.to_lowercase()
    accepted = body.filter(said.is_in(list(_ACCEPTED_SPELLINGS)).fill_null(False)).drop(_ACCEPT)
    left = body.height - accepted.height
    if not left:
        return accepted, []
    return accepted, [
        f"{left} dòng chưa được chấp nhận (cột “Chấp nhận”), không nạp / "
        f"{left} row(s) not accepted (accept column), not loaded"
    ]


def _organizer_line(rows: pl.DataFrame, header_at: int) -> str | None:
    """The organiser a line above the header names for the whole sheet, if one does."""
    key = fold(ORGANIZER_LINE)
    for row in rows.head(header_at).iter_rows():
        for value in row:
            text = clean_text(value) if value is not None else ""
            label, colon, named = text.partition(":")
            if colon and fold(label) == key and named.strip():
                return named.strip()
    return None


def _is_hint_row(rows: pl.DataFrame, at: int) -> bool:
    """Whether row `at` is a template's hint row (its first filled cell starts with the mark)."""
    if at >= rows.height:
        return False
    first = next((c for c in rows.row(at) if c is not None and clean_text(c)), None)
    return first is not None and clean_text(first).startswith(HINT_MARKER)


def _merge_repeated(plan: pl.LazyFrame, repeated: dict[str, list[tuple[str, str]]]) -> pl.LazyFrame:
    """One value per field: a repeated column fills the first where it is empty, and a row where
    they disagree gets CONFLICT (both headers and values) for coercion to quarantine."""
    if not repeated:
        return plan.with_columns(pl.lit(None, dtype=pl.Utf8).alias(CONFLICT))
    conflicts = []
    fills = []
    for canonical, copies in repeated.items():
        first = pl.col(canonical)
        for source, header in copies:
            other = pl.col(source)
            differ = (
                _has_text(canonical)
                & _has_text(source)
                & (
                    first.str.strip_chars().str.to_lowercase()
                    != other.str.strip_chars().str.to_lowercase()
                )
            )
            conflicts.append(
                pl.when(differ).then(
                    pl.format("{} ‘{}’ ≠ {} ‘{}’", pl.lit(canonical), first, pl.lit(header), other)
                )
            )
        fills.append(
            pl.coalesce(
                pl.when(_has_text(canonical)).then(first),
                *(pl.when(_has_text(s)).then(pl.col(s)) for s, _ in copies),
                first,
            ).alias(canonical)
        )
    sources = [source for copies in repeated.values() for source, _ in copies]
    return plan.with_columns(
        pl.concat_str(conflicts, separator="; ", ignore_nulls=True)
        .replace("", None)
        .alias(CONFLICT),
        *fills,
    ).drop(sources)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise FileRejected(
            path.name,
            None,
            "không phải tệp văn bản CSV (có ký tự nhị phân)",
            "not a text CSV file (binary content)",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileRejected(
            path.name,
            None,
            f"không đọc được mã hóa ở dòng {line}: hãy lưu tệp dạng CSV UTF-8",
            f"cannot decode line {line}: save the file as CSV UTF-8",
        ) from None


def _utf8(path: Path, data: bytes) -> bytes:
    """The file's bytes as UTF-8 (BOM dropped, UTF-16 converted), without decoding UTF-8 files
    whole: the CSV parser checks UTF-8 as it goes, and `_decode` finds the line of a bad byte."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").encode("utf-8")
    if b"\x00" in data[:4096]:
        _decode(path, data)  # rejects binary content with its message
    return data


def _sniff_separator(data: bytes) -> str:
    sample = "\n".join(data[:65536].decode("utf-8", errors="ignore").splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _csv_grid_exact(path: Path, text: str, separator: str) -> tuple[pl.DataFrame, list[int]]:
    """The slow, exact reader: line numbers survive quoted line breaks; errors name the line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[list[str]] = []
    line_numbers: list[int] = []
    start = 1
    try:
        for row in reader:
            rows.append(row)
            line_numbers.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileRejected(
            path.name,
            None,
            f"tệp CSV hỏng ở dòng {reader.line_num} ({exc}); tệp có thể bị cắt dở",
            f"malformed CSV at line {reader.line_num} ({exc}); the file may be truncated",
        ) from None
    width = max((len(r) for r in rows), default=0)
    grid = pl.DataFrame(
        [r + [""] * (width - len(r)) for r in rows],
        schema=[f"c{i}" for i in range(width)],
        orient="row",
    )
    return grid.with_columns(pl.all().replace("", None)), line_numbers


def read_csv(path: Path, record_type: RecordType | None) -> list[RawBatch]:
    data = _utf8(path, path.read_bytes())
    if re.search(rb"\S", data) is None:
        raise FileRejected(path.name, None, "tệp trống", "the file is empty")
    separator = _sniff_separator(data)
    lines: list[int] = []
    try:
        grid = pl.read_csv(
            data,
            has_header=False,
            infer_schema=False,
            separator=separator,
            truncate_ragged_lines=False,
            raise_if_empty=False,
        )
        if grid.height != data.count(b"\n") + (0 if data.endswith(b"\n") else 1):
            # Quoted line breaks shift the rows: only the exact reader knows the line numbers
            # then. (Blank lines do not: they come back as empty rows.)
            grid, lines = _csv_grid_exact(path, _decode(path, data), separator)
    except pl.exceptions.ComputeError:
        # Counted only when parsing failed: on a large file the count costs as much as a parse.
        if data.count(b'"') % 2 == 1:
            raise FileRejected(
                path.name,
                None,
                "tệp CSV kết thúc giữa chừng hoặc có dấu ngoặc kép chưa đóng",
                "the CSV file ends mid-record or has an unclosed quote",
            ) from None
        # Not UTF-8 (`_decode` names the line) or ragged rows (the exact reader keeps them).
        grid, lines = _csv_grid_exact(path, _decode(path, data), separator)
    batch = batch_from_rows(path, None, grid, 1, record_type)
    if lines:
        # csv's line numbers are exact even with quoted line breaks; use them in messages.
        starts = [lines[i] for i in (batch.frame[ROW] - 1).to_list()]
        batch.frame = batch.frame.with_columns(pl.Series(ROW, starts, dtype=pl.Int64))
    return [batch]


_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other Office files


def _check_workbook_bytes(path: Path) -> None:
    """An .xlsx is a zip archive: say what the file really is when it is not one."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise FileRejected(path.name, None, "tệp trống (0 byte)", "the file is empty (0 bytes)")
    if head.startswith(_OLE2_MAGIC):
        raise FileRejected(
            path.name,
            None,
            "đây là sổ Excel 97-2003 (.xls) mang đuôi .xlsx: mở trong Excel và lưu lại dạng "
            "“Excel Workbook (.xlsx)”",
            "this is an Excel 97-2003 (.xls) workbook named .xlsx: open it in Excel and save "
            "it as “Excel Workbook (.xlsx)”",
        )
    if not head.startswith(_ZIP_MAGIC):
        raise FileRejected(
            path.name,
            None,
            "không phải sổ Excel .xlsx (tệp có thể là định dạng khác bị đổi đuôi, hoặc bị hỏng)",
            "not an .xlsx workbook (the file may be another format renamed, or damaged)",
        )


_EXCEL_ERRORS = {
    "NA": "#N/A",
    "Div0": "#DIV/0!",
    "Ref": "#REF!",
    "Value": "#VALUE!",
    "Name": "#NAME?",
    "Num": "#NUM!",
    "Null": "#NULL!",
    "GettingData": "#GETTING_DATA",
}
_CELL_ERROR = re.compile(r"Error\((\w+)\)")


def _with_excel_errors(grid: pl.DataFrame, errors: Sequence[object]) -> pl.DataFrame:
    """Error cells (#N/A, #DIV/0!…) come back empty; put Excel's own text back in them, so the
    row is quarantined for its error instead of loading an empty cell (a blank scorer means
    "agreed score", a blank role "not stated")."""
    if not errors:
        return grid
    by_column: dict[int, dict[int, str]] = {}
    for error in errors:
        row, column = error.offset_position  # type: ignore[attr-defined]
        found = _CELL_ERROR.search(str(error.detail))  # type: ignore[attr-defined]
        text = _EXCEL_ERRORS.get(found.group(1), "#" + found.group(1)) if found else "#ERROR"
        by_column.setdefault(column, {})[row] = text
    return _with_cells(grid, by_column)


def _with_cells(grid: pl.DataFrame, by_column: dict[int, dict[int, str]]) -> pl.DataFrame:
    updates = []
    for column, cells in by_column.items():
        if column >= grid.width:
            continue
        name = grid.columns[column]
        values = grid[name].to_list()
        for row, text in cells.items():
            if row < len(values):
                values[row] = text
        updates.append(pl.Series(name, values, dtype=pl.Utf8))
    return grid.with_columns(updates) if updates else grid


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_FORMULA_CELL = re.compile(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)\d+')
_CACHED_VALUE = re.compile(r"<v>[^<]+</v>")  # `<v/>` or `<v></v>`: saved without a value


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def _sheet_xml_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its worksheet XML inside the archive."""
    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships",
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.findall("p:Relationship", ns)}
    paths = {}
    for sheet in workbook.iter(f"{{{ns['m']}}}sheet"):
        target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "")
        paths[sheet.get("name", "")] = (
            target.lstrip("/") if target.startswith("/") else ("xl/" + target)
        )
    return paths


def _has_formulas(archive: zipfile.ZipFile, member: str) -> bool:
    """Whether a worksheet's XML holds any formula element, read a megabyte at a time."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if b"<f>" in window or b"<f " in window:
                return True
            tail = window[-2:]
    return False


def _uncached_formulas(path: Path) -> dict[str, dict[int, dict[int, str]]]:
    """Formula cells saved without a computed value (a workbook written by a program, never
    opened in Excel): sheet → column → row → "=formula", positions as the grid counts them."""
    found: dict[str, dict[int, dict[int, str]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for sheet, member in _sheet_xml_paths(archive).items():
                if not _has_formulas(archive, member):
                    continue  # most sheets: read in chunks, never held whole
                xml = archive.read(member).decode("utf-8", errors="replace")
                dimension = _DIMENSION.search(xml)
                first_column = _column_number(dimension.group(1)) if dimension else 0
                for ref, body in _FORMULA_CELL.findall(xml):
                    if "<f" not in body or _CACHED_VALUE.search(body):
                        continue
                    formula = re.search(r"<f[^>]*>(.*?)</f>", body, re.S)
                    letters, number = _CELL_REF.match(ref).groups()  # type: ignore[union-attr]
                    column = _column_number(letters) - first_column
                    text = "=" + html.unescape(formula.group(1) if formula else "")
                    found.setdefault(sheet, {}).setdefault(column, {})[int(number) - 1] = text
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}  # an unusual layout: calamine reads the values, the check is skipped
    return found


def read_excel(
    path: Path, record_type: RecordType | None, defaults: SheetDefaults | None = None
) -> list[RawBatch | FileRejected]:
    import fastexcel

    from thidua.ingest import scoring_sheet

    _check_workbook_bytes(path)
    try:
        workbook = fastexcel.read_excel(path)
    except Exception as exc:  # fastexcel raises its own error types per failure
        raise FileRejected(
            path.name,
            None,
            f"không mở được tệp Excel ({exc})",
            f"cannot open the Excel file ({exc})",
        ) from None
    batches: list[RawBatch | FileRejected] = []
    formulas = _uncached_formulas(path)
    for sheet_name in workbook.sheet_names:
        # skip_rows=0 keeps leading blank rows, so grid row i is Excel row i + 1.
        sheet = workbook.load_sheet(sheet_name, header_row=None, dtypes="string", skip_rows=0)
        if sheet.visible != "visible" and sheet_name == LISTS_SHEET:
            continue  # a template's dropdown lists
        if sheet.visible != "visible":
            # A hidden sheet is a draft or a lookup list far more often than records; loading
            # it would land rows nobody sees. Said, never skipped in silence.
            batches.append(
                FileRejected(
                    path.name,
                    sheet_name,
                    "trang tính đang ẩn nên không được nạp; nếu nó chứa bản ghi, hãy bỏ ẩn "
                    "(Unhide) rồi nạp lại",
                    "the sheet is hidden, so it is not loaded; if it holds records, unhide it "
                    "and load again",
                )
            )
            continue
        table, errors = sheet.to_arrow_with_errors()
        grid = pl.from_arrow(table)
        assert isinstance(grid, pl.DataFrame)
        if grid.height == 0:
            continue
        grid = _with_excel_errors(grid, errors.errors if errors is not None else [])
        grid = _with_cells(grid, formulas.get(sheet_name, {}))
        # A year-end scoring sheet (units × criteria under a row of maximum points) is not one
        # record per row: it has a reader of its own.
        layout = (
            scoring_sheet.detect(grid)
            if record_type is None or record_type.name in ("scores", "rankings")
            else None
        )
        try:
            if layout is not None:
                batches.extend(
                    scoring_sheet.read_scoring_sheet(
                        path, sheet_name, grid, layout, defaults, record_type
                    )
                )
                continue
            batches.append(batch_from_rows(path, sheet_name, grid, 1, record_type))
        except FileRejected as rejected:
            # Reported, never dropped in silence: the other sheets still load.
            batches.append(rejected)
    if not batches:
        raise FileRejected(
            path.name, None, "tệp Excel không có dữ liệu", "the workbook holds no data"
        )
    if len(batches) == 1 and isinstance(batches[0], FileRejected):
        raise batches[0]
    return batches


def _json_lines(path: Path, text: str) -> tuple[list[object], list[int]]:
    """The records of a JSON Lines file and the line each one is on (blank lines skipped)."""
    records: list[object] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            raise _too_deep(path, number) from None
        except json.JSONDecodeError as exc:
            # exc.lineno counts inside the one line; the analyst needs the file's line.
            raise FileRejected(
                path.name,
                None,
                f"JSON không hợp lệ ở dòng {number}: {exc.msg}",
                f"invalid JSON at line {number}: {exc.msg}",
            ) from None
        if not isinstance(record, dict):
            raise FileRejected(
                path.name,
                None,
                f"dòng {number} không phải một bản ghi JSON {{…}} (mà là {_json_kind(record)})",
                f"line {number} is not a JSON record {{…}} (it is {_json_kind(record, 'en')})",
            )
        records.append(record)
        lines.append(number)
    return records, lines


def _json_kind(value: object, lang: str = "vi") -> str:
    kinds = {
        list: ("một danh sách […]", "a list […]"),
        str: ("một chuỗi", "a string"),
        bool: ("true/false", "true/false"),
        int: ("một số", "a number"),
        float: ("một số", "a number"),
        type(None): ("null", "null"),
    }
    vi, en = kinds.get(type(value), ("một giá trị khác", "another value"))
    return en if lang == "en" else vi


def _too_deep(path: Path, line: int | None = None) -> FileRejected:
    where_vi = f" ở dòng {line}" if line else ""
    where_en = f" at line {line}" if line else ""
    return FileRejected(
        path.name,
        None,
        f"JSON lồng nhau quá sâu{where_vi}: mỗi bản ghi phải là đối tượng phẳng {{cột: giá trị}}",
        f"JSON nested too deeply{where_en}: each record must be a flat object {{column: value}}",
    )


def _json_document(path: Path, text: str) -> list[object]:
    try:
        loaded = json.loads(text)
    except RecursionError:
        raise _too_deep(path) from None
    except json.JSONDecodeError as exc:
        raise FileRejected(
            path.name,
            None,
            f"JSON không hợp lệ ở dòng {exc.lineno}: {exc.msg}",
            f"invalid JSON at line {exc.lineno}: {exc.msg}",
        ) from None
    if isinstance(loaded, dict):
        # {"records": [...]} or {"<type>": [...]} as portals export them
        lists = {k: v for k, v in loaded.items() if isinstance(v, list)}
        if len(lists) > 1:
            # {"unit": [...], "rank": [...]}: columns as arrays, or several tables in one file
            raise FileRejected(
                path.name,
                None,
                f"JSON là một đối tượng có {len(lists)} danh sách ({', '.join(list(lists)[:5])}): "
                "hãy lưu mỗi loại bản ghi thành một danh sách [{cột: giá trị}, …] riêng",
                f"the JSON is an object of {len(lists)} lists ({', '.join(list(lists)[:5])}): "
                "save each record type as its own list [{column: value}, …]",
            )
        loaded = next(iter(lists.values())) if lists else None
    if not isinstance(loaded, list):
        raise FileRejected(
            path.name, None, "JSON phải là danh sách các bản ghi", "JSON must be a list of records"
        )
    for position, record in enumerate(loaded, start=1):
        if not isinstance(record, dict):
            raise FileRejected(
                path.name,
                None,
                f"phần tử thứ {position} của danh sách không phải bản ghi {{…}} "
                f"(mà là {_json_kind(record)})",
                f"item {position} of the list is not a record {{…}} "
                f"(it is {_json_kind(record, 'en')})",
            )
    return loaded


def read_json(path: Path, record_type: RecordType | None) -> list[RawBatch]:
    text = _decode(path, path.read_bytes())
    line_numbers: list[int] = []
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        records, line_numbers = _json_lines(path, text)
    else:
        records = _json_document(path, text)
    if not all(isinstance(r, dict) for r in records):
        raise FileRejected(
            path.name, None, "JSON phải là danh sách các bản ghi", "JSON must be a list of records"
        )
    objects = [r for r in records if isinstance(r, dict)]
    keys: list[str] = []
    for record in objects:
        keys.extend(k for k in record if k not in keys)
    rows = [keys] + [["" if r.get(k) is None else str(r.get(k)) for k in keys] for r in objects]
    grid = pl.DataFrame(rows, schema=[f"c{i}" for i in range(len(keys))], orient="row")
    grid = grid.with_columns(pl.all().replace("", None))
    # In a JSON document the n-th record is "row n+1", as if it were a table under one header
    # row; in JSON Lines it is the line it is on, as a text editor shows it.
    batch = batch_from_rows(path, None, grid, 1, record_type)
    if line_numbers:
        starts = [line_numbers[i] for i in (batch.frame[ROW] - 2).to_list()]
        batch.frame = batch.frame.with_columns(pl.Series(ROW, starts, dtype=pl.Int64))
    return [batch]


def read_parquet(path: Path, record_type: RecordType | None) -> list[RawBatch]:
    try:
        frame = pl.read_parquet(path)
    except Exception as exc:  # polars raises ComputeError/OSError for unreadable parquet
        raise FileRejected(
            path.name, None, f"không đọc được tệp Parquet ({exc})", f"cannot read Parquet ({exc})"
        ) from None
    header = pl.DataFrame(
        [frame.columns], schema=[f"c{i}" for i in range(frame.width)], orient="row"
    )
    body = frame.with_columns(_parquet_as_text(path, frame))
    body.columns = header.columns
    return [batch_from_rows(path, None, pl.concat([header, body]), 1, record_type)]


def _parquet_as_text(path: Path, frame: pl.DataFrame) -> list[pl.Series]:
    """Every column as text, or the file rejected naming the column that cannot be text: a
    list or struct (one cell, many values) or bytes that are not UTF-8 text."""
    columns = []
    for name, dtype in frame.schema.items():
        if dtype.is_nested():
            raise FileRejected(
                path.name,
                None,
                f"cột ‘{name}’ chứa danh sách/cấu trúc ({dtype}), không phải một giá trị mỗi ô: "
                "hãy tách thành các cột hoặc dòng riêng",
                f"column ‘{name}’ holds lists or structs ({dtype}), not one value per cell: "
                "split it into columns or rows",
            )
        if dtype == pl.Binary:
            try:
                columns.append(frame[name].cast(pl.Utf8, strict=True))
            except pl.exceptions.PolarsError:
                raise FileRejected(
                    path.name,
                    None,
                    f"cột ‘{name}’ chứa dữ liệu nhị phân không phải văn bản UTF-8",
                    f"column ‘{name}’ holds binary data that is not UTF-8 text",
                ) from None
            continue
        columns.append(frame[name].cast(pl.Utf8))
    return columns


def read_file(
    path: Path, record_type: RecordType | None = None, defaults: SheetDefaults | None = None
) -> Sequence[RawBatch | FileRejected]:
    """The batches of a file; a workbook may also hold sheets that were rejected on their own.
    `defaults` give a scoring sheet the cluster, year and organiser its title does not."""
    suffix = path.suffix.lower()
    if not path.is_file():
        # A device (a link to /dev/zero), a pipe or a socket would be read forever.
        raise FileRejected(
            path.name,
            None,
            "không phải một tệp thường (có thể là liên kết tới thiết bị hoặc ống dẫn)",
            "not a regular file (perhaps a link to a device or a pipe)",
        )
    if suffix in UNREADABLE_SPREADSHEETS:
        raise FileRejected(
            path.name,
            None,
            f"định dạng {suffix} không đọc được: mở trong Excel (hoặc LibreOffice) và lưu lại "
            "dạng “Excel Workbook (.xlsx)” hoặc CSV UTF-8",
            f"{suffix} workbooks cannot be read: open it in Excel (or LibreOffice) and save it "
            "as “Excel Workbook (.xlsx)” or CSV UTF-8",
        )
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv(path, record_type)
    if suffix in (".xlsx", ".xlsm"):
        return read_excel(path, record_type, defaults)
    if suffix in (".json", ".jsonl", ".ndjson"):
        return read_json(path, record_type)
    if suffix == ".parquet":
        return read_parquet(path, record_type)
    raise FileRejected(
        path.name,
        None,
        f"định dạng không hỗ trợ ({suffix or 'không có đuôi'}); dùng CSV, XLSX, JSON hoặc Parquet",
        f"unsupported format ({suffix or 'no extension'}); use CSV, XLSX, JSON or Parquet",
    )


def iter_input_files(paths: list[Path]) -> Iterator[Path]:
    """Files to load: each given file, and every supported file inside a given folder, sorted."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                # "~$…" are Excel's lock files and ".…" hidden files: never records.
                if (
                    child.is_file()
                    and child.suffix.lower() in (*SUPPORTED_SUFFIXES, *UNREADABLE_SPREADSHEETS)
                    and not child.name.startswith(("~$", "."))
                ):
                    yield child
        else:
            yield path
