"""The year-end scoring sheet as analysts keep it → scores (and stated ranks) batches.

The sheet: a title ("BẢNG TỔNG HỢP ĐIỂM CHẤM THI ĐUA NĂM 2023", "CỤM THI ĐUA SỐ III", maybe the
organiser "BỘ TƯ PHÁP"), a header row (STT, Đơn vị, one column per criterion, Tổng điểm,
Điểm thưởng, Xếp hạng), a row of maximum points per criterion ("Điểm tối đa"), one row per unit,
then signatures ("NGƯỜI LẬP BIỂU", "TM. CỤM TRƯỞNG", a place and date, names).

The contract's scores record is one criterion of one unit, so each criterion column becomes a
batch of its own (one row per unit: the Excel row the analyst sees, once per batch, which is
what the loader counts and quarantines by). Each batch's sheet is named like an Excel column
reference (`Tổng hợp!C:C`), so a finding names file, sheet, row and column, and loading the
same sheet again finds each batch's earlier load. The stated rank becomes a rankings batch.

Nothing here restates another source: only cells the sheet fills become records (a blank
criterion cell is left out, not read as 0; a unit without a stated rank has no rankings row),
and provenance is left to the load's defaults.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from thidua.contract.records import RECORD_TYPES, RecordType
from thidua.errors import FileRejected
from thidua.ingest.readers import CONFLICT, ROW, UNPLACED, RawBatch, _sheet_xml_paths
from thidua.normalize import clean_text, fold

# A reader-made finding for coercion to report (a check across cells of a row, such as a stated
# total that is not the sum of its criteria): JSON {column, rule, value, vi, en}.
SHEET_CHECK = "_sheet_check"

_SCAN_ROWS = 200
_STT = {"stt", "tt", "so tt", "so thu tu"}
_UNIT = {
    "don vi",
    "ten don vi",
    "co quan",
    "ten co quan",
    "don vi duoc cham",
    "ten don vi duoc cham",
}
_TOTAL = {"tong diem", "tong cong", "tong", "cong", "tong so diem", "tong diem dat duoc"}
_BONUS_PREFIXES = ("diem thuong", "diem cong")
_RANK = {"xep hang", "xep thu", "thu hang", "hang", "thu tu xep hang", "ket qua xep hang"}
_CLASSIFICATION = {"xep loai", "danh hieu", "ket qua xep loai"}
_MAX_PREFIXES = ("diem toi da", "diem chuan", "thang diem", "khung diem", "muc diem toi da")
# Rows under the units that total or average them: not a unit.
_SUMMARY = {"tong", "tong cong", "cong", "trung binh", "binh quan", "diem trung binh", "tong so"}
# Lines of a title that name the organiser (never the national motto or the compiling office).
_ORGANIZER_PREFIXES = (
    "bo ",
    "ubnd ",
    "uy ban nhan dan",
    "tinh uy",
    "thanh uy",
    "dang uy",
    "tong lien doan",
    "lien doan lao dong",
    "uy ban mat tran",
    "uy ban mttq",
    "ub mttq",
    "tong cong ty",
    "tap doan",
)
_CLUSTER_NUMBERED = re.compile(r"\b(cum|khoi)(?: thi dua)?(?: so)? ?([0-9]+|[ivxlc]+)\b")
_CLUSTER_NAMED = re.compile(r"(?i)\b(cụm|khối)\s+thi\s+đua\s+(?!số\b)\S.*")
_TITLE_YEAR = re.compile(r"\bnam (hoc )?((?:19|20)\d{2}(?: ?- ?(?:19|20)\d{2})?)\b")
_SHEET_YEAR = re.compile(r"\b((?:19|20)\d{2}(?: ?- ?(?:19|20)\d{2})?)\b")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$")


@dataclass(frozen=True)
class SheetDefaults:
    """`thidua load --cluster/--year/--organizer`: what a scoring sheet's title does not say."""

    cluster: str | None = None
    year: str | None = None
    organizer: str | None = None


@dataclass
class _Layout:
    header_at: int
    max_at: int
    unit_col: int
    criteria: list[int]
    labels: dict[int, str]
    groups: dict[int, str]
    total_col: int | None = None
    total_label: str = ""
    bonus_col: int | None = None
    rank_col: int | None = None
    classification_col: int | None = None
    ignored: list[str] = field(default_factory=list)


def _text(value: object) -> str:
    return clean_text(str(value)) if value is not None else ""


def number(text: str) -> float | None:
    """A cell as a number: "9,5" (decimal comma) and "9.5" both; None when it is not one."""
    compact = text.replace(" ", "")
    return float(compact.replace(",", ".")) if _NUMBER.match(compact) else None


def _is_max_label(text: str) -> bool:
    return fold(text).startswith(_MAX_PREFIXES)


def _kind(text: str) -> str | None:
    folded = fold(text)
    if folded in _STT:
        return "stt"
    if folded in _UNIT:
        return "unit"
    if folded in _TOTAL or folded.startswith("tong diem"):
        return "total"
    if folded.startswith(_BONUS_PREFIXES):
        return "bonus"
    if folded in _RANK:
        return "rank"
    if folded in _CLASSIFICATION:
        return "classification"
    if folded in ("ghi chu", "ghi chu khac"):
        return "note"
    return None


def detect(grid: pl.DataFrame) -> _Layout | None:
    """Where the scoring sheet's parts are, or None when the grid is not one (a record file)."""
    rows = [[_text(c) for c in row] for row in grid.head(_SCAN_ROWS).iter_rows()]
    for at, cells in enumerate(rows):
        unit_col = next((i for i, c in enumerate(cells) if _kind(c) == "unit"), None)
        if unit_col is None:
            continue
        # the max row: the next rows (one sub-header row may sit between), labelled at the left
        for max_at in range(at + 1, min(at + 4, len(rows))):
            left = rows[max_at][: unit_col + 1]
            if any(_is_max_label(c) for c in left):
                layout = _layout(rows, at, max_at, unit_col)
                if layout is not None:
                    return layout
    return None


def _layout(rows: list[list[str]], at: int, max_at: int, unit_col: int) -> _Layout | None:
    header, maxima = rows[at], rows[max_at]
    between = rows[at + 1 : max_at]
    labels: dict[int, str] = {}
    groups: dict[int, str] = {}
    group = ""
    layout = _Layout(at, max_at, unit_col, [], labels, groups)
    for col in range(unit_col + 1, len(header)):
        top = header[col]
        sub = next((r[col] for r in reversed(between) if col < len(r) and r[col]), "")
        label = sub or top
        # a group header merged over its criteria (only its first cell holds the text)
        group = top if top and sub else (group if not top and sub else "")
        kind = _kind(label) or _kind(top)
        if not label:
            continue
        if kind == "total":
            layout.total_col, layout.total_label = col, label
        elif kind == "bonus":
            layout.bonus_col = col
        elif kind == "rank":
            layout.rank_col = col
        elif kind == "classification":
            layout.classification_col = col
        elif kind is None and (number(maxima[col]) is not None or _has_numbers(rows, max_at, col)):
            layout.criteria.append(col)
            labels[col] = label
            if group and group != label:
                groups[col] = group
        else:
            layout.ignored.append(label)
    return layout if layout.criteria else None


def _has_numbers(rows: list[list[str]], max_at: int, col: int) -> bool:
    return any(col < len(r) and number(r[col]) is not None for r in rows[max_at + 1 :])


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_VALUE_CELL = re.compile(r'<c r="([A-Z]+)\d+"[^>]*>(?=(?:(?!</c>).)*<(?:v|is)>)', re.S)


def first_column(path: Path, sheet: str) -> int:
    """The worksheet column of the grid's first column: the reader's grid starts at the first
    column holding a value, and findings must name columns as Excel shows them."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = _sheet_xml_paths(archive).get(sheet)
            if member is None:
                return 0
            xml = archive.read(member).decode("utf-8", errors="replace")
    except (KeyError, zipfile.BadZipFile):
        return 0
    columns = [_letters_to_index(letters) for letters in _VALUE_CELL.findall(xml)]
    return min(columns, default=0)


def _letters_to_index(letters: str) -> int:
    value = 0
    for letter in letters:
        value = value * 26 + ord(letter) - ord("A") + 1
    return value - 1


@dataclass(frozen=True)
class _Scope:
    cluster: str
    year: str
    organizer: str | None


def _cluster_in(line: str) -> str | None:
    """A cluster reference inside a longer line, as the cluster column would hold it."""
    numbered = _CLUSTER_NUMBERED.search(fold(line))
    if numbered:
        kind = "Cụm" if numbered.group(1) == "cum" else "Khối"
        return f"{kind} thi đua số {numbered.group(2).upper()}"
    named = _CLUSTER_NAMED.search(clean_text(line))
    if named:
        # "Khối thi đua các cơ quan Đảng tỉnh năm 2023" → the block's name only
        return re.split(r"(?i)\s+(?:-|–|năm)\s+", named.group(0))[0].strip()
    return None


def _year_in_title(line: str) -> str | None:
    folded = fold(line)
    if _DATE_LINE.search(folded):
        return None  # "Hà Nội, ngày 20 tháng 12 năm 2023": the document's date, not the year
    found = _TITLE_YEAR.search(folded)
    return found.group(2).replace(" ", "") if found else None


def _scope(
    path: Path, sheet: str, title: list[str], defaults: SheetDefaults | None
) -> tuple[_Scope, list[str]]:
    """Cluster, results year and organiser: from the title, else the sheet name, else the load's
    options; the sheet is rejected, saying which option to pass, when none says."""
    defaults = defaults or SheetDefaults()
    cluster = next((c for line in title if (c := _cluster_in(line))), None)
    year = next((y for line in title if (y := _year_in_title(line))), None)
    organizer = next(
        (
            line
            for line in title
            if fold(line).startswith(_ORGANIZER_PREFIXES) and not _cluster_in(line)
        ),
        None,
    )
    origin = {"cluster": "tiêu đề / title", "year": "tiêu đề / title"}
    if cluster is None and (cluster := _cluster_in(sheet)):
        origin["cluster"] = "tên trang tính / sheet name"
    if year is None and (found := _SHEET_YEAR.search(fold(sheet))):
        year = found.group(1).replace(" ", "")
        origin["year"] = "tên trang tính / sheet name"
    if cluster is None and defaults.cluster:
        cluster, origin["cluster"] = defaults.cluster, "--cluster"
    if year is None and defaults.year:
        year, origin["year"] = defaults.year, "--year"
    if organizer is None and defaults.organizer:
        organizer = defaults.organizer
    if cluster is None or year is None:
        asked = [
            (what_vi, what_en, option)
            for what_vi, what_en, option, value in (
                ("cụm/khối", "cluster", '--cluster "Cụm thi đua số …"', cluster),
                ("năm", "year", "--year 2023", year),
            )
            if value is None
        ]
        options = " ".join(option for _, _, option in asked)
        missing_vi = " và ".join(f"{vi} ({option.split()[0]})" for vi, _, option in asked)
        missing_en = " and ".join(f"{en} ({option.split()[0]})" for _, en, option in asked)
        raise FileRejected(
            path.name,
            sheet,
            f"bảng tổng hợp điểm không ghi {missing_vi} trong tiêu đề hay tên trang tính: hãy "
            f"thêm vào tiêu đề, hoặc nạp với {options}",
            f"the scoring sheet does not give its {missing_en} in its title or sheet name: add "
            f"it to the title, or load with {options}",
        )
    said = [
        f"cụm/khối ‘{cluster}’ ({origin['cluster']}), năm {year} ({origin['year']})"
        + (f", cơ quan tổ chức ‘{organizer}’" if organizer else "")
        + f" / cluster ‘{cluster}’, year {year}"
        + (f", organiser ‘{organizer}’" if organizer else "")
    ]
    return _Scope(cluster, year, organizer), said


def read_scoring_sheet(
    path: Path,
    sheet: str,
    grid: pl.DataFrame,
    layout: _Layout,
    defaults: SheetDefaults | None,
    forced: RecordType | None,
) -> list[RawBatch]:
    """The sheet as one scores batch per criterion column and a rankings batch of the stated
    ranks (when the sheet has a rank column). Excel rows are grid rows + 1."""
    rows = [[_text(c) for c in row] for row in grid.iter_rows()]
    title = [" ".join(c for c in row if c) for row in rows[: layout.header_at]]
    title = [line for line in title if line]
    scope, said = _scope(path, sheet, title, defaults)
    offset = first_column(path, sheet)

    def letter(col: int) -> str:
        return _column_letter(offset + col)

    def cell(row: list[str], col: int | None) -> str:
        return row[col] if col is not None and col < len(row) else ""

    maxima = rows[layout.max_at]
    body = list(enumerate(rows))[layout.max_at + 1 :]
    numeric_cols = [*layout.criteria, layout.total_col, layout.bonus_col]

    def has_values(row: list[str]) -> bool:
        # numbers, or a stated rank: signature blocks spread names and dates over these columns
        return bool(cell(row, layout.rank_col)) or any(
            number(cell(row, c)) is not None for c in numeric_cols if c is not None
        )

    last = max((i for i, row in body if cell(row, layout.unit_col) and has_values(row)), default=-1)
    units = [
        (i, row)
        for i, row in body
        if i <= last and cell(row, layout.unit_col) and fold(row[layout.unit_col]) not in _SUMMARY
    ]
    skipped_title = len(title)
    skipped_tail = sum(1 for i, row in body if i > last and any(row))
    skipped_summary = sum(
        1 for i, row in body if i <= last and any(row) and i not in {u for u, _ in units}
    )
    checks = _total_checks(units, layout, letter(layout.total_col or 0), cell)
    notes = [*said]
    notes.append(
        f"bỏ qua {skipped_title} dòng tiêu đề, {skipped_tail} dòng chữ ký/ghi chú dưới bảng"
        + (
            f", {skipped_summary} dòng không phải đơn vị (tổng, trung bình)"
            if skipped_summary
            else ""
        )
        + f" / skipped {skipped_title} title row(s), {skipped_tail} signature/footnote row(s)"
        + (f", {skipped_summary} row(s) that are not units (totals)" if skipped_summary else "")
    )
    if layout.ignored:
        notes.append(f"cột không dùng / columns not used: {', '.join(layout.ignored)}")
    batches: list[RawBatch] = []
    if forced is None or forced.name == "scores":
        scores = RECORD_TYPES["scores"]
        bonus_placed: set[int] = set()
        for col in layout.criteria:
            filled = [(i, row) for i, row in units if cell(row, col)]
            blank = [i + 1 for i, row in units if not cell(row, col)]
            records = []
            for i, row in filled:
                bonus = None
                if (
                    layout.bonus_col is not None
                    and i not in bonus_placed
                    and cell(row, layout.bonus_col)
                ):
                    # the unit's bonus rides on its first criterion row: the warehouse sums the
                    # bonus of a unit's rows
                    bonus = cell(row, layout.bonus_col)
                    bonus_placed.add(i)
                records.append(
                    {
                        "organizer": scope.organizer,
                        "cluster": scope.cluster,
                        "results_year": scope.year,
                        "unit": cell(row, layout.unit_col),
                        "criterion": layout.labels[col],
                        "criterion_group": layout.groups.get(col),
                        "points": cell(row, col),
                        "max_points": cell(maxima, col) or None,
                        "bonus": bonus,
                        SHEET_CHECK: checks.get(i),
                        ROW: i + 1,
                    }
                )
            label = f"{sheet}!{letter(col)}:{letter(col)}"
            column_notes = [
                f"tiêu chí ‘{layout.labels[col]}’ (cột {letter(col)}, tối đa "
                f"{cell(maxima, col) or '?'}) / criterion ‘{layout.labels[col]}’ (column "
                f"{letter(col)}, max {cell(maxima, col) or '?'})"
            ]
            if blank:
                rows_text = ", ".join(str(r) for r in blank)
                column_notes.append(
                    f"ô trống không nạp (không tính là 0): dòng {rows_text} / blank cells not "
                    f"loaded (not counted as 0): row(s) {rows_text}"
                )
            batch_notes = (notes if not batches else []) + column_notes
            batches.append(
                RawBatch(path, label, scores, _frame(scores, records), [], notes=batch_notes)
            )
    if layout.rank_col is not None and (forced is None or forced.name == "rankings"):
        rankings = RECORD_TYPES["rankings"]
        stated = [
            (i, row)
            for i, row in units
            if cell(row, layout.rank_col) or cell(row, layout.classification_col)
        ]
        records = [
            {
                "organizer": scope.organizer,
                "cluster": scope.cluster,
                "results_year": scope.year,
                "unit": cell(row, layout.unit_col),
                "rank": cell(row, layout.rank_col) or None,
                "classification": cell(row, layout.classification_col) or None,
                ROW: i + 1,
            }
            for i, row in stated
        ]
        label = f"{sheet}!{letter(layout.rank_col)}:{letter(layout.rank_col)}"
        rank_notes = (notes if not batches else []) + [
            f"thứ hạng công bố trong bảng điểm (cột {letter(layout.rank_col)}) / ranks as the "
            f"scoring sheet states them (column {letter(layout.rank_col)})"
        ]
        batches.append(
            RawBatch(path, label, rankings, _frame(rankings, records), [], notes=rank_notes)
        )
    return batches


def _total_checks(
    units: list[tuple[int, list[str]]],
    layout: _Layout,
    total_letter: str,
    cell: Callable[[list[str], int | None], str],
) -> dict[int, str]:
    """Rows whose stated total is not the sum of their criteria (+ bonus) beyond the rounding
    the total is written with: grid row → the finding, given to every criterion batch of the
    row (the unit's scores are held back together, never loaded as a total the sheet denies)."""
    if layout.total_col is None:
        return {}
    found: dict[int, str] = {}
    with_bonus = layout.bonus_col is not None
    for i, row in units:
        stated_text = cell(row, layout.total_col)
        stated = number(stated_text)
        parts = [cell(row, c) for c in layout.criteria if cell(row, c)]
        if with_bonus and cell(row, layout.bonus_col):
            parts.append(cell(row, layout.bonus_col))
        values = [number(p) for p in parts]
        if stated is None or not parts or any(v is None for v in values):
            continue  # an unreadable cell is coercion's finding; nothing to add up
        total = sum(v for v in values if v is not None)
        decimals = len(stated_text.replace(",", ".").partition(".")[2])
        if abs(total - stated) <= 0.5 * 10**-decimals + 1e-9:
            continue
        shown = f"{total:.4f}".rstrip("0").rstrip(".")
        found[i] = json.dumps(
            {
                "column": f"{layout.total_label} ({total_letter})",
                "rule": "total_mismatch",
                "value": stated_text,
                "vi": f"tổng điểm ghi ‘{stated_text}’ khác tổng các tiêu chí"
                f"{' và điểm thưởng' if with_bonus else ''} ({shown}): sửa ô sai rồi nạp lại",
                "en": f"the stated total ‘{stated_text}’ is not the sum of the criteria"
                f"{' and bonus' if with_bonus else ''} ({shown}): correct the wrong cell and "
                "load again",
            },
            ensure_ascii=False,
        )
    return found


def _frame(record_type: RecordType, records: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """Rows in the reader's shape: every contract column (text), ROW, and the reader's columns."""
    columns = [c.name for c in record_type.columns]
    schema: dict[str, pl.DataType] = {
        **dict.fromkeys(columns, pl.Utf8()),
        UNPLACED: pl.Utf8(),
        CONFLICT: pl.Utf8(),
        SHEET_CHECK: pl.Utf8(),
        ROW: pl.Int64(),
    }
    return pl.DataFrame(
        [{name: record.get(name) for name in schema} for record in records],
        schema=schema,
        orient="row",
    )


def sheet_check_findings(raw: pl.DataFrame) -> pl.DataFrame:
    """The reader's row checks as coercion's findings (see SHEET_CHECK)."""
    shape = pl.Struct(
        {"column": pl.Utf8, "rule": pl.Utf8, "value": pl.Utf8, "vi": pl.Utf8, "en": pl.Utf8}
    )
    return (
        raw.filter(pl.col(SHEET_CHECK).is_not_null())
        .select(pl.col(ROW), pl.col(SHEET_CHECK).str.json_decode(shape).alias("_c"))
        .unnest("_c")
        .select(
            pl.col(ROW),
            pl.col("column").alias("column_name"),
            pl.col("value"),
            pl.col("rule"),
            pl.col("vi").alias("message_vi"),
            pl.col("en").alias("message_en"),
            pl.lit(None, dtype=pl.Utf8).alias("candidates"),
        )
    )
