"""Text cells → typed, normalised, resolved values, with one finding per cell that fails.

Work is done per distinct value, not per row (a million score rows hold a few hundred distinct
unit names), so normalising and resolving stay cheap at any size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import polars as pl

from thidua.contract.raw_schema import raw_table_columns
from thidua.contract.records import Column, RecordType
from thidua.contract.vocabulary import has_vocabulary, to_code
from thidua.ingest.award_types import AMBIGUOUS_EN, AMBIGUOUS_VI, AwardTypeIndex, is_remaining_units
from thidua.ingest.periods import parse_partial_date, parse_results_year
from thidua.ingest.readers import CONFLICT, ROW, UNPLACED, RawBatch
from thidua.ingest.resolve import AliasIndex
from thidua.ingest.scoring_sheet import SHEET_CHECK, sheet_check_findings
from thidua.normalize import (
    ClusterRef,
    clean_text,
    fold,
    match_key,
    parse_cluster_ref,
    parse_date,
    roman_to_int,
)

FINDING_SCHEMA = {
    ROW: pl.Int64,
    "column_name": pl.Utf8,
    "value": pl.Utf8,
    "rule": pl.Utf8,
    "message_vi": pl.Utf8,
    "message_en": pl.Utf8,
    "candidates": pl.Utf8,
}

# How findings name the cells of a row longer than its header (readers keep them under UNPLACED).
NO_HEADER = "(ngoài tiêu đề / no header)"

_INT = re.compile(r"^[+-]?\d+(?:\.0+)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$")
# "1.000,5": Vietnamese thousands dots with a decimal comma.
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$")
# "1.000" or "1,000": one thousand in one convention, one in the other. Never guessed.
_AMBIGUOUS_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:[.,]\d{3})+$")


ROLE_ORDER_IN_ROLE = "_role_order_in_role"
# "Phó khối 2", "Phó cụm II", "Phó khối thứ 2": a role word, then the deputy's order.
_ROLE_WITH_ORDER = re.compile(r"^(.+?)\s+(?:thu\s+|so\s+)?(\d|[ivx]{1,4})$")


def split_role_order(text: str) -> tuple[str, int | None]:
    """A role cell → (the role as written without its order, the order), when the role words
    name a known role; otherwise the cell unchanged and no order."""
    match = _ROLE_WITH_ORDER.match(fold(text))
    if match is None:
        return text, None
    words, number = match.group(1), match.group(2)
    order = int(number) if number.isdigit() else roman_to_int(number.upper())
    if order is None or to_code("role", words) != "deputy":
        return text, None  # only deputies are numbered; anything else is left for the gate
    return words, order


def _results_year(text: str) -> int | None:
    cleaned = clean_text(text)
    year = parse_results_year(cleaned) if cleaned else None
    return year.year if year else None


def _partial_date(part: str, text: str) -> object:
    cleaned = clean_text(text)
    known = parse_partial_date(cleaned) if cleaned else None
    if known is None:
        return None
    return known.period if part == "period" else known.day


@dataclass(frozen=True)
class Context:
    """What coercion needs besides the batch: reference data and defaults."""

    aliases: AliasIndex
    organizers: dict[str, str]  # match_key(name or id) → organizer_id
    default_organizer_id: str
    default_source_kind: str
    # `thidua load --complete-roster`: a memberships row that does not say counts as declaring
    # its cluster-year's roster complete
    complete_roster: bool = False
    # award types (seed and loaded) and the award system of each organiser: how award_type
    # cells are read
    award_types: AwardTypeIndex = field(default_factory=AwardTypeIndex.from_tables)

    @property
    def fingerprint(self) -> str:
        """Changes whenever a name could resolve differently (units, aliases, organisers or
        award types)."""
        organizers = "|".join(f"{k}={v}" for k, v in sorted(self.organizers.items()))
        digest = hashlib.sha256(
            f"{self.aliases.fingerprint}|{organizers}|{self.award_types.fingerprint}".encode()
        )
        return digest.hexdigest()[:16]


def _int(text: str) -> int | None:
    text = text.replace(" ", "")
    return int(float(text)) if _INT.match(text) else None


def _word_to_number(field: str, text: str) -> str:
    return text if any(ch.isdigit() for ch in text) else to_code(field, text)


def _float(text: str) -> float | None:
    text = text.replace(" ", "")
    if _GROUPED_NUMBER.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _AMBIGUOUS_NUMBER.match(text):
        return None
    # Vietnamese writes the decimal comma ("85,5"); a dot is a decimal point too (exports).
    return float(text.replace(",", ".")) if _NUMBER.match(text) else None


def _map_unique(series: pl.Series, fn: Callable[[str], object], dtype: pl.DataType) -> pl.Series:
    values = series.drop_nulls().unique().to_list()
    mapping = {v: fn(v) for v in values}
    if dtype == pl.Utf8:
        # Text that is already clean maps to itself: rewrite only the values that change
        # (most cells of a machine export change not at all, and a full remap copies them all).
        changed = {k: v for k, v in mapping.items() if k != v}
        return series.replace(changed) if changed else series
    return series.replace_strict(mapping, default=None, return_dtype=dtype)


def _findings(
    frame: pl.DataFrame,
    failed: pl.Expr,
    column: str,
    rule: str,
    message_vi: str,
    message_en: str,
    candidates: pl.Expr | None = None,
    label: str | None = None,
) -> pl.DataFrame:
    """One finding per row where `failed`; `{value}` in the messages becomes the cell text.

    `label` is the column as the analyst should read it, when `column` is an internal name.
    """
    rows = frame.filter(failed)
    value = pl.col(column).cast(pl.Utf8).fill_null("")
    return rows.select(
        pl.col(ROW),
        pl.lit(label or column).alias("column_name"),
        value.alias("value"),
        pl.lit(rule).alias("rule"),
        pl.format(message_vi.replace("{value}", "{}"), value).alias("message_vi")
        if "{value}" in message_vi
        else pl.lit(message_vi).alias("message_vi"),
        pl.format(message_en.replace("{value}", "{}"), value).alias("message_en")
        if "{value}" in message_en
        else pl.lit(message_en).alias("message_en"),
        (candidates if candidates is not None else pl.lit(None, dtype=pl.Utf8)).alias("candidates"),
    )


def _read_cell(
    read: Callable[[str], object], words: Callable[[str], str] | None, text: str
) -> object:
    """One cell as typed: cleaned, words turned into digits where the column has a vocabulary,
    then read. Cleaning and reading in one pass over the distinct cells of a column."""
    cleaned = clean_text(text)
    if not cleaned:
        return None
    return read(words(cleaned) if words else cleaned)


def _clean(series: pl.Series) -> pl.Series:
    return _map_unique(series, lambda text: clean_text(text) or None, pl.Utf8())


def coerce_batch(batch: RawBatch, context: Context) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The landed shape of the batch (see raw_schema) and the findings of cells that failed."""
    raw = batch.frame
    out: dict[str, pl.Series] = {ROW: raw[ROW]}
    findings: list[pl.DataFrame] = []
    rt = batch.record_type

    def check(
        column: str, typed: pl.Series, rule: str, vi: str, en: str, mask: pl.Series | None = None
    ) -> None:
        # A cell of only spaces is as blank as an empty one (the reader treats it so too).
        failed = _clean(raw[column]).is_not_null() & typed.is_null()
        if mask is not None:
            failed = failed & mask
        if failed.any():
            findings.append(
                _findings(raw.with_columns(failed.alias("_f")), pl.col("_f"), column, rule, vi, en)
            )

    # Error cells first: each is named once, then read as empty, so no other rule reports the
    # same cell again (the row is quarantined for the error all the same).
    errors, raw = _spreadsheet_errors(raw, rt)
    findings.extend(errors)

    # Organiser first: clusters and names are scoped by it. Blank means the default organiser.
    if not any(c.kind == "organizer" for c in rt.columns):
        # an organisers file defines organisers: nothing to resolve
        organizer_text = pl.Series("organizer", [None] * raw.height, dtype=pl.Utf8)
    else:
        organizer_text = _clean(raw["organizer"])
    resolved_organizer = _map_unique(
        organizer_text, lambda v: context.organizers.get(match_key(v)), pl.Utf8()
    )
    if "organizer" in raw.columns:
        check(
            "organizer",
            resolved_organizer,
            "unknown_organizer",
            "không nhận ra cơ quan tổ chức ‘{value}’ (xem bảng organizers)",
            "unknown organiser ‘{value}’ (see the organizers reference table)",
        )
    organizer_id = pl.select(
        pl.when(organizer_text.is_null())
        .then(pl.lit(context.default_organizer_id))
        .otherwise(resolved_organizer)
    ).to_series()
    if "organizer" in raw.columns:
        out["organizer_raw"] = raw["organizer"]
        out["organizer_id"] = organizer_id

    for column in rt.columns:
        name = column.name
        if column.kind == "organizer":
            continue
        cells = raw[name]
        if column.kind == "cluster":
            cleaned = _clean(cells)
            refs = {c: parse_cluster_ref(c) for c in cleaned.drop_nulls().unique().to_list()}
            keys = pl.DataFrame({"c": cleaned, "o": organizer_id})
            cluster_id = _map_rows(keys, partial(_cluster_id, refs))
            check(
                name,
                cluster_id,
                "unparseable_cluster",
                "không nhận ra cụm/khối ‘{value}’ (ví dụ đúng: “Cụm thi đua số 5”)",
                "cannot read the cluster ‘{value}’ (expected e.g. “Cụm thi đua số 5”)",
                # With an unknown organiser the id cannot be built, but a cluster no organiser
                # could read is still named now, not on the next load.
                mask=organizer_id.is_not_null()
                | cleaned.is_in([c for c, ref in refs.items() if ref is None]),
            )
            out[f"{name}_raw"] = cells
            out[f"{name}_id"] = cluster_id
            if rt.name == "clusters":
                kinds = {c: (r.kind if r else None) for c, r in refs.items()}
                numbers = {c: (r.number if r else None) for c, r in refs.items()}
                out["cluster_kind"] = cleaned.replace_strict(
                    kinds, default=None, return_dtype=pl.Utf8
                )
                out["cluster_number"] = cleaned.replace_strict(
                    numbers, default=None, return_dtype=pl.Int32
                )
        elif column.kind == "unit":
            continue  # needs cluster and year: resolved below
        elif column.kind == "int":
            # ranks are also written in words ("Nhất", "thứ Nhì", "Ba"); numbers stay numbers
            # ("-1" must not fold to "1")
            words = partial(_word_to_number, name) if has_vocabulary(name) else None
            typed = _map_unique(cells, partial(_read_cell, _int, words), pl.Int32())
            check(
                name,
                typed,
                "not_a_whole_number",
                "‘{value}’ không phải số nguyên",
                "‘{value}’ is not a whole number",
            )
            out[name] = typed
        elif column.kind == "float":
            typed = _map_unique(cells, partial(_read_cell, _float, None), pl.Float64())
            out[name] = typed
            if not (cells.is_not_null() & typed.is_null()).any():
                continue  # every cell read as a number: no finding to name
            cleaned = _clean(cells)
            ambiguous = _map_unique(
                cleaned,
                lambda text: _AMBIGUOUS_NUMBER.match(text.replace(" ", "")) is not None,
                pl.Boolean(),
            ).fill_null(False)
            check(
                name,
                typed,
                "ambiguous_number",
                "‘{value}’ có thể là một nghìn hoặc là 1: hãy viết 1000 hoặc 1,0",
                "‘{value}’ could be one thousand or one: write 1000 or 1.0",
                mask=ambiguous,
            )
            check(
                name,
                typed,
                "not_a_number",
                "‘{value}’ không phải là số",
                "‘{value}’ is not a number",
                mask=~ambiguous,
            )
        elif column.kind == "year":
            typed = _map_unique(cells, _results_year, pl.Int32())
            check(
                name,
                typed,
                "not_a_results_year",
                "‘{value}’ không phải năm thi đua (ví dụ 2022, hoặc năm học 2021-2022)",
                "‘{value}’ is not a results year (e.g. 2022, or a school year 2021-2022)",
            )
            out[name] = typed
            out[f"{name}_raw"] = _clean(cells)
        elif column.kind == "partial_date":
            period = _map_unique(cells, partial(_partial_date, "period"), pl.Utf8())
            check(
                name,
                period,
                "not_a_date",
                "‘{value}’ không phải ngày hợp lệ (ngày/tháng/năm như 14/01/2022, hoặc tháng/năm"
                " như 3/2022, hoặc năm như 2022)",
                "‘{value}’ is not a valid date (day/month/year such as 14/01/2022, or month/year"
                " such as 3/2022, or a year such as 2022)",
            )
            out[name] = _map_unique(cells, partial(_partial_date, "day"), pl.Date())
            out[f"{name}_period"] = period
            # a day is held to the plausible range by the suite (on `name`); a month or a year
            # alone has no date to hold, so its year is checked here
            year = period.str.slice(0, 4).cast(pl.Int32, strict=False)
            implausible = (
                period.is_not_null()
                & (period.str.len_chars() < 10)
                & ((year < 2000) | (year > dt.date.today().year + 1))
            )
            if implausible.any():
                findings.append(
                    _findings(
                        raw.with_columns(period.alias("_period"), implausible.alias("_bad")),
                        pl.col("_bad"),
                        "_period",
                        "implausible_date",
                        f"năm của ‘{{value}}’ ở cột {name} nằm ngoài khoảng hợp lý (từ 2000 đến"
                        " năm sau)",
                        f"the year of ‘{{value}}’ in column {name} is outside the plausible range"
                        " (2000 to next year)",
                        label=name,
                    )
                )
            out[f"{name}_raw"] = _clean(cells)
        elif column.kind == "date":
            typed = _map_unique(cells, partial(_read_cell, parse_date, None), pl.Date())
            check(
                name,
                typed,
                "not_a_date",
                "‘{value}’ không phải ngày hợp lệ (dùng ngày/tháng/năm, ví dụ 14/01/2022)",
                "‘{value}’ is not a valid date (use day/month/year, e.g. 14/01/2022)",
            )
            out[name] = typed
        else:
            cleaned = _clean(cells)
            if name == "role":
                # "Phó khối 2": the role and the deputy's order in one cell
                out[ROLE_ORDER_IN_ROLE] = _map_unique(
                    cleaned, lambda text: split_role_order(text)[1], pl.Int32()
                )
                cleaned = _map_unique(cleaned, lambda text: split_role_order(text)[0], pl.Utf8())
            if has_vocabulary(name):
                cleaned = _map_unique(cleaned, partial(to_code, name), pl.Utf8())
            out[name] = cleaned

    if CONFLICT in raw.columns and raw[CONFLICT].is_not_null().any():
        findings.append(
            _findings(
                raw,
                pl.col(CONFLICT).is_not_null(),
                CONFLICT,
                "conflicting_columns",
                "hai cột cùng nghĩa ghi khác nhau: {value}; hãy giữ một cột hoặc sửa cho khớp",
                "two columns that mean the same disagree: {value}; keep one or make them agree",
                label=", ".join(sorted({c.split(" ")[0] for c in raw[CONFLICT].drop_nulls()})),
            )
        )
    unplaced = raw[UNPLACED]
    if unplaced.is_not_null().any():
        findings.append(
            _findings(
                raw,
                pl.col(UNPLACED).is_not_null(),
                UNPLACED,
                "value_without_header",
                "dòng có ô ngoài các cột có tiêu đề: ‘{value}’",
                "the row has cells beyond the header's columns: ‘{value}’",
                label=NO_HEADER,
            )
        )
    if SHEET_CHECK in raw.columns and raw[SHEET_CHECK].is_not_null().any():
        # checks the reader made across a row's cells (a scoring sheet's stated total)
        findings.append(sheet_check_findings(raw))
    if rt.name == "awards":
        out["award_type"], candidates = context.award_types.read_column(
            out["award_type"], out.get("issuer"), organizer_id
        )
        findings.extend(_ambiguous_award_types(raw, out["award_type"], candidates))
    if ROLE_ORDER_IN_ROLE in out:
        written = out.pop(ROLE_ORDER_IN_ROLE)
        if "role_order" in out:
            out["role_order"] = pl.select(pl.coalesce(out["role_order"], written)).to_series()
    if rt.name == "sources":
        # Facts cite a source by its id; a source written without one is cited by its URL, else
        # its document number, so the landed row always carries the id its facts use.
        out["source_id"] = pl.select(
            pl.coalesce(out["source_id"], out["url"], out["document_no"])
        ).to_series()
    if out.get("source_kind") is not None:
        out["source_kind"] = out["source_kind"].fill_null(context.default_source_kind)
    if context.complete_roster and out.get("roster_complete") is not None:
        out["roster_complete"] = out["roster_complete"].fill_null("yes")
    if rt.name == "unit_aliases":
        findings.extend(_unknown_unit_ids(raw, out["unit_id"], context))
    frame = pl.DataFrame(out)
    frame = _resolve_units(frame, raw, batch, context, findings)
    frame = frame.with_columns((pl.col("source_kind") == "synthetic").alias("is_synthetic"))
    landed = [name for name, _ in raw_table_columns(rt) if name in frame.columns]
    frame = frame.select(ROW, *landed)
    found = pl.concat(findings, how="vertical") if findings else pl.DataFrame(schema=FINDING_SCHEMA)
    return frame, found


# What a spreadsheet shows instead of a value: an error (#N/A, #DIV/0!…), or a formula the
# readers found saved without its computed value (written as "=<formula>"). Loading such a cell
# as empty would be wrong (a blank scorer means "agreed score"), and as text meaningless.
_SPREADSHEET_ERROR = (
    r"^\s*(?:#(?:N/A|DIV/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!"
    r"|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA|ERROR)|=[A-Za-z_$(][^\s]*.*)\s*$"
)


def _spreadsheet_errors(
    raw: pl.DataFrame, record_type: RecordType
) -> tuple[list[pl.DataFrame], pl.DataFrame]:
    """The findings of error cells, and the rows with those cells emptied."""
    found = []
    blanked = []
    columns = [c.name for c in record_type.columns]
    # A cheap look at the first character before the pattern, every column in one query (polars
    # runs its columns in parallel; one by one, this look cost ~11 s of a 48 M-row load).
    looked = raw.select(pl.col(columns).str.contains(r"^\s*[#=]").any()).row(0)
    for column in (c for c, suspect in zip(columns, looked, strict=True) if suspect):
        cells = raw[column]
        failed = cells.str.contains(_SPREADSHEET_ERROR).fill_null(False)
        if failed.any():
            found.append(
                _findings(
                    raw.with_columns(failed.alias("_f")),
                    pl.col("_f"),
                    column,
                    "spreadsheet_error",
                    "ô ghi ‘{value}’: lỗi hoặc công thức chưa có giá trị của Excel; sửa ô trong "
                    "Excel (mở tệp, tính lại, lưu) rồi nạp lại",
                    "the cell holds ‘{value}’: a spreadsheet error or a formula without a "
                    "computed value; fix it in Excel (open, recalculate, save) and load again",
                )
            )
            blanked.append(pl.when(failed).then(None).otherwise(cells).alias(column))
    return found, raw.with_columns(blanked) if blanked else raw


def _ambiguous_award_types(
    raw: pl.DataFrame, codes: pl.Series, candidates: pl.Series
) -> list[pl.DataFrame]:
    """A bare “Cờ thi đua” or “Bằng khen” that neither the issuer nor the organiser decides."""
    failed = codes.is_null() & raw["award_type"].is_not_null()
    if not failed.any():
        return []
    rows = (
        raw.select(ROW, pl.col("award_type").alias("value"))
        .with_columns(candidates.alias("candidates"))
        .filter(failed)
    )
    # one message per row: each names its own value and candidates (a few rows at most)
    cells = list(zip(rows["value"].to_list(), rows["candidates"].to_list(), strict=True))
    return [
        rows.with_columns(
            pl.lit("award_type").alias("column_name"),
            pl.lit("ambiguous_award_type").alias("rule"),
            pl.Series("message_vi", [AMBIGUOUS_VI.format(value=v, candidates=c) for v, c in cells]),
            pl.Series("message_en", [AMBIGUOUS_EN.format(value=v, candidates=c) for v, c in cells]),
        ).select(list(FINDING_SCHEMA))
    ]


def _unknown_unit_ids(
    raw: pl.DataFrame, unit_ids: pl.Series, context: Context
) -> list[pl.DataFrame]:
    """An alias must point at a unit the warehouse knows (the seed or a loaded units file)."""
    unknown = unit_ids.is_not_null() & ~unit_ids.is_in(list(context.aliases.unit_names))
    if not unknown.any():
        return []
    hints = {
        unit_id: "; ".join(context.aliases.candidates(unit_id)) or None
        for unit_id in unit_ids.filter(unknown).unique().to_list()
    }
    probe = raw.select(ROW).with_columns(
        unit_ids.alias("unit_id"),
        unknown.alias("_unknown"),
        unit_ids.replace_strict(hints, default=None, return_dtype=pl.Utf8).alias("_cand"),
    )
    return [
        _findings(
            probe,
            pl.col("_unknown"),
            "unit_id",
            "unknown_unit_id",
            "không có đơn vị mã ‘{value}’ (seeds/units.csv và các tệp danh mục đơn vị đã nạp)",
            "no unit with id ‘{value}’ (seeds/units.csv and loaded units files)",
            pl.col("_cand"),
        )
    ]


def _cluster_id(
    refs: dict[str, ClusterRef | None], text: str | None, organizer: str | None
) -> str | None:
    """The id of a cleaned cluster reference under its row's organiser, if both are known."""
    ref = refs.get(text) if text is not None else None
    return ref.cluster_id(organizer) if ref is not None and organizer is not None else None


_KEY = "_key"


def _spread(keys: pl.DataFrame, per_key: pl.DataFrame) -> pl.DataFrame:
    """`per_key` (the distinct rows of `keys` with their computed columns) joined back onto
    every row of `keys`, in order. The key columns travel as one struct, which joins about twice
    as fast as several columns and matches nulls as equal (a blank cluster is still a key)."""
    columns = keys.columns
    computed = [c for c in per_key.columns if c not in columns]
    return (
        keys.select(pl.struct(columns).alias(_KEY))
        .join(
            per_key.select(pl.struct(columns).alias(_KEY), *computed),
            on=_KEY,
            how="left",
            maintain_order="left",
        )
        .drop(_KEY)
    )


def _map_rows(
    keys: pl.DataFrame, fn: Callable[..., object], dtype: pl.DataType | None = None
) -> pl.Series:
    """fn applied once per distinct key row, spread back onto every row in order."""
    distinct = keys.unique()
    values = [fn(*row) for row in distinct.iter_rows()]
    mapped = distinct.with_columns(pl.Series("_v", values, dtype=dtype or pl.Utf8()))
    return _spread(keys, mapped)["_v"]


def _remaining_units(raw: pl.DataFrame, findings: list[pl.DataFrame]) -> pl.Series:
    """Which awards rows say “các đơn vị còn lại” for their unit; such a row needs its cluster
    (the phrase means the members of that cluster-year)."""
    said = _map_unique(_clean(raw["unit"]), is_remaining_units, pl.Boolean()).fill_null(False)
    no_cluster = said & raw["cluster"].is_null()
    if no_cluster.any():
        findings.append(
            _findings(
                raw.with_columns(no_cluster.alias("_f")),
                pl.col("_f"),
                "unit",
                "remaining_units_without_cluster",
                "‘{value}’ là các thành viên còn lại của một cụm/khối: ghi cột “Cụm” của dòng này",
                "‘{value}’ means the remaining members of a cluster: write this row's cluster",
            )
        )
    return said


def _resolve_units(
    frame: pl.DataFrame,
    raw: pl.DataFrame,
    batch: RawBatch,
    context: Context,
    findings: list[pl.DataFrame],
) -> pl.DataFrame:
    unit_columns: list[Column] = [c for c in batch.record_type.columns if c.kind == "unit"]
    year = (
        frame["results_year"]
        if "results_year" in frame.columns
        else pl.Series([None] * len(frame), dtype=pl.Int32)
    )
    cluster = (
        frame["cluster_id"]
        if "cluster_id" in frame.columns
        else pl.Series([None] * len(frame), dtype=pl.Utf8)
    )
    # awards: the unit cell may say “the remaining units” of the row's cluster-year
    remaining = None
    if batch.record_type.name == "awards":
        remaining = _remaining_units(raw, findings)
        frame = frame.with_columns(remaining.alias("is_remaining_units"))
    for column in unit_columns:
        name = column.name
        cleaned = _clean(raw[name])
        keys = pl.DataFrame({"n": cleaned, "o": frame["organizer_id"], "c": cluster, "y": year})
        distinct = keys.unique()
        resolved_rows: list[tuple[object, ...]] = []
        for n, o, c, y in distinct.iter_rows():
            if n is None or (remaining is not None and is_remaining_units(n)):
                # “các đơn vị còn lại” names no unit: dbt expands it to the cluster's members
                resolved_rows.append((n, o, c, y, None, None, None))
                continue
            result = context.aliases.resolve(n, o, c, y)
            resolved_rows.append(
                (n, o, c, y, result.unit_id, result.reason, "; ".join(result.candidates) or None)
            )
        resolved = pl.DataFrame(
            resolved_rows,
            schema={
                "n": pl.Utf8,
                "o": pl.Utf8,
                "c": pl.Utf8,
                "y": pl.Int32,
                "id": pl.Utf8,
                "why": pl.Utf8,
                "cand": pl.Utf8,
            },
            orient="row",
        )
        joined = _spread(keys, resolved)
        frame = frame.with_columns(
            raw[name].alias(f"{name}_raw"),
            joined["id"].alias(f"{name}_id"),
        )
        if resolved["why"].is_null().all():
            continue  # every name resolved: no finding to look for row by row
        probe = raw.select(ROW, name).with_columns(
            joined["why"].alias("_why"), joined["cand"].alias("_cand")
        )
        unknown = _findings(
            probe,
            pl.col("_why") == "unknown",
            name,
            "unresolved_name",
            "không tìm thấy đơn vị ‘{value}’ trong danh mục; "
            "thêm bí danh bằng `thidua aliases add`",
            "unit ‘{value}’ is not in the reference list; add an alias with `thidua aliases add`",
            pl.col("_cand"),
        )
        ambiguous = _findings(
            probe,
            pl.col("_why") == "ambiguous",
            name,
            "ambiguous_name",
            "tên ‘{value}’ khớp nhiều đơn vị; thêm bí danh theo cụm bằng `thidua aliases add`",
            "name ‘{value}’ matches several units; "
            "add a cluster-scoped alias with `thidua aliases add`",
            pl.col("_cand"),
        )
        findings.extend(f for f in (unknown, ambiguous) if f.height)
    return frame
