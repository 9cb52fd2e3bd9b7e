"""Coercion on its own: one batch of text cells in, typed rows and findings out.

Each test builds a batch the way a reader hands it over (canonical columns, every cell text or
empty, the row number the analyst sees) and checks what `coerce_batch` makes of it: ranks written
in words, decimal commas, school years, deputies numbered in the role cell, decomposed (NFD)
text, and the finding of every cell it cannot read, naming the row, the column, the value and the
rule in Vietnamese and English. No row is ever dropped: a row with a finding still comes out, in
its place, with the unreadable cell empty. End-to-end loads of whole files are in test_corpus.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl
import pytest

from thidua.contract.records import RECORD_TYPES
from thidua.ingest.coerce import Context, coerce_batch, split_role_order
from thidua.ingest.readers import CONFLICT, ROW, UNPLACED, RawBatch, read_file
from thidua.ingest.resolve import load_alias_index, load_organizer_lookup

DEFAULT_ORGANIZER = "th-ubnd"
CUM_8 = {"cluster": "Cụm thi đua số 8", "results_year": "2023"}
Rows = Sequence[Mapping[str, str | None]]  # cells by canonical column; None is an empty cell


@pytest.fixture(scope="module")
def context() -> Context:
    """The shipped seeds (Thanh Hóa's units and organisers), as `thidua load` starts from."""
    return Context(
        aliases=load_alias_index(),
        organizers=load_organizer_lookup(),
        default_organizer_id=DEFAULT_ORGANIZER,
        default_source_kind="article",
    )


def _batch(record_type: str, rows: Rows, first_row: int = 2) -> RawBatch:
    """Rows as a reader hands them over: every column of the type, text or empty."""
    return _batch_at(record_type, rows, list(range(first_row, first_row + len(rows))))


def _batch_at(record_type: str, rows: Rows, row_numbers: list[int]) -> RawBatch:
    rt = RECORD_TYPES[record_type]
    schema: dict[str, pl.DataType] = {ROW: pl.Int64()}
    schema.update({c.name: pl.Utf8() for c in rt.columns})
    schema.update({UNPLACED: pl.Utf8(), CONFLICT: pl.Utf8()})
    data: dict[str, list[object]] = {ROW: list(row_numbers)}
    data.update({c.name: [r.get(c.name) for r in rows] for c in rt.columns})
    data.update({UNPLACED: [None] * len(rows), CONFLICT: [None] * len(rows)})
    return RawBatch(Path(f"{record_type}.csv"), None, rt, pl.DataFrame(data, schema=schema))


def _found(findings: pl.DataFrame) -> list[tuple[int, str, str, str]]:
    """(row, column, value, rule) of every finding, in row order."""
    return sorted(
        (row, column, value, rule)
        for row, column, value, rule in findings.select(
            ROW, "column_name", "value", "rule"
        ).iter_rows()
    )


def test_ranks_written_in_words_read_as_numbers(context: Context) -> None:
    written = ["Nhất", "thứ Nhì", "Hạng Ba", "XẾP THỨ TƯ", "2", "1.0", "-1", "Nhất nhì"]
    batch = _batch("rankings", [{**CUM_8, "unit": "Sở Nội vụ", "rank": w} for w in written])
    typed, findings = coerce_batch(batch, context)
    # "-1" stays minus one (the gate rejects it by range): a word never swallows a sign
    assert typed["rank"].to_list() == [1, 2, 3, 4, 2, 1, -1, None]
    assert _found(findings) == [(9, "rank", "Nhất nhì", "not_a_whole_number")]


def test_decimal_commas_and_grouped_thousands_read_one_way_ambiguous_ones_are_named(
    context: Context,
) -> None:
    written = ["85,5", "1.000,5", "1 000", ",5", "9.5", "1.000", "1,000", "chín"]
    rows = [
        {**CUM_8, "unit": "Sở Nội vụ", "criterion": "TC1", "points": w, "max_points": "10"}
        for w in written
    ]
    typed, findings = coerce_batch(_batch("scores", rows), context)
    assert typed["points"].to_list() == [85.5, 1000.5, 1000.0, 0.5, 9.5, None, None, None]
    assert _found(findings) == [
        (7, "points", "1.000", "ambiguous_number"),
        (8, "points", "1,000", "ambiguous_number"),
        (9, "points", "chín", "not_a_number"),
    ]
    said = {
        row: (vi, en) for row, vi, en in findings.select(ROW, "message_vi", "message_en").rows()
    }
    assert said[7] == (
        "‘1.000’ có thể là một nghìn hoặc là 1: hãy viết 1000 hoặc 1,0",
        "‘1.000’ could be one thousand or one: write 1000 or 1.0",
    )
    assert said[9] == ("‘chín’ không phải là số", "‘chín’ is not a number")


def test_a_bad_year_is_named_by_row_column_value_and_rule_in_both_languages(
    context: Context,
) -> None:
    rows = [
        {**CUM_8, "unit": "Sở Nội vụ", "results_year": "năm học 2021-2022"},
        {**CUM_8, "unit": "Sở Tư pháp", "results_year": "2021-2023"},  # two years apart
        {**CUM_8, "unit": "Thanh tra tỉnh", "results_year": "NH 2022-23"},
    ]
    typed, findings = coerce_batch(_batch("memberships", rows), context)
    # a school year counts as the year its results are reviewed; the text as written is kept
    assert typed["results_year"].to_list() == [2022, None, 2023]
    assert typed["results_year_raw"].to_list() == ["năm học 2021-2022", "2021-2023", "NH 2022-23"]
    assert findings.rows() == [
        (
            3,
            "results_year",
            "2021-2023",
            "not_a_results_year",
            "‘2021-2023’ không phải năm thi đua (ví dụ 2022, hoặc năm học 2021-2022)",
            "‘2021-2023’ is not a results year (e.g. 2022, or a school year 2021-2022)",
            None,
        )
    ]


def test_empty_cells_mean_not_stated_never_an_error(context: Context) -> None:
    rows: list[dict[str, str | None]] = [
        {**CUM_8, "unit": "Sở Nội vụ", "rank": None, "method": None, "organizer": None},
        {**CUM_8, "unit": "Sở Tư pháp", "rank": "Nhì", "source_kind": "Văn bản"},
    ]
    typed, findings = coerce_batch(_batch("rankings", rows), context)
    assert findings.height == 0
    assert typed["rank"].to_list() == [None, 2]
    assert typed["method"].to_list() == [None, None]
    # a blank organiser is the default one, a blank source kind the load's default
    assert typed["organizer_id"].to_list() == [DEFAULT_ORGANIZER, DEFAULT_ORGANIZER]
    assert typed["source_kind"].to_list() == ["article", "official"]


def test_a_cell_holding_only_spaces_is_as_blank_as_an_empty_one(
    context: Context, tmp_path: Path
) -> None:
    path = tmp_path / "xep_hang.csv"
    path.write_text(
        "Cụm,Năm,Đơn vị,Xếp hạng\n"
        "Cụm 8,2023,Sở Nội vụ,\n"  # empty
        "Cụm 8,2023,Sở Tư pháp, \n"  # a space typed into the cell: looks just as empty
        "Cụm 8,2023,Thanh tra tỉnh,\u00a0\n",  # a no-break space pasted from a web page
        encoding="utf-8",
    )
    (batch,) = read_file(path)
    assert isinstance(batch, RawBatch)
    typed, findings = coerce_batch(batch, context)
    assert typed["rank"].to_list() == [None, None, None]
    assert _found(findings) == []


def test_every_row_comes_out_in_its_place_and_findings_name_only_bad_cells(
    context: Context,
) -> None:
    # row numbers with gaps, as a reader leaves them after blank lines
    rows = [
        {**CUM_8, "unit": "Sở Nội vụ", "rank": "1"},
        {**CUM_8, "unit": "Sở Tư pháp", "rank": "một"},
        {**CUM_8, "unit": "Thanh tra tỉnh", "results_year": "2O23", "rank": "3"},
        {**CUM_8, "unit": "Sở Tư pháp", "rank": "Ba"},
        {**CUM_8, "unit": "Sở Ngoại vụ", "rank": "5"},
    ]
    typed, findings = coerce_batch(_batch_at("rankings", rows, [4, 5, 9, 10, 15]), context)
    assert typed[ROW].to_list() == [4, 5, 9, 10, 15]
    assert typed["unit_raw"].to_list() == [r["unit"] for r in rows]
    assert typed["rank"].to_list() == [1, None, 3, 3, 5]
    assert typed["results_year"].to_list() == [2023, 2023, None, 2023, 2023]
    assert _found(findings) == [
        (5, "rank", "một", "not_a_whole_number"),
        (9, "results_year", "2O23", "not_a_results_year"),
    ]


def test_decomposed_text_is_stored_composed_and_the_name_as_written_is_kept(
    context: Context,
) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    rows = [
        {
            **CUM_8,
            "unit": nfd("Ban Dân tộc tỉnh"),
            "role": nfd("Cụm phó"),
            "note": nfd("Đã   xác nhận"),
        }
    ]
    typed, findings = coerce_batch(_batch("memberships", rows), context)
    assert findings.height == 0
    assert typed["unit_id"].to_list() == ["th-ban-dan-toc"]
    assert typed["unit_raw"].to_list() == [nfd("Ban Dân tộc tỉnh")]  # the original, byte for byte
    assert typed["role"].to_list() == ["deputy"]
    assert typed["note"].to_list() == ["Đã xác nhận"]
    assert unicodedata.is_normalized("NFC", typed["note"][0])


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Phó khối 2", ("pho khoi", 2)),
        ("Phó cụm II", ("pho cum", 2)),
        ("Phó khối thứ 3", ("pho khoi", 3)),
        ("phó cụm số IV", ("pho cum", 4)),
        ("Phó cụm", ("Phó cụm", None)),  # no order written
        ("Cụm trưởng 2", ("Cụm trưởng 2", None)),  # only deputies are numbered
        ("Thành viên 3", ("Thành viên 3", None)),
        ("Phó khối 12", ("Phó khối 12", None)),  # not a single digit: left for the gate
    ],
)
def test_split_role_order_takes_the_deputys_number_from_the_role(
    written: str, expected: tuple[str, int | None]
) -> None:
    assert split_role_order(written) == expected


def test_a_deputy_number_in_the_role_cell_fills_role_order_unless_one_is_stated(
    context: Context,
) -> None:
    rows = [
        {**CUM_8, "unit": "Sở Nội vụ", "role": "Phó khối 2"},
        {**CUM_8, "unit": "Sở Tư pháp", "role": "Phó cụm II", "role_order": "1"},
        {**CUM_8, "unit": "Thanh tra tỉnh", "role": "Cụm trưởng"},
    ]
    typed, findings = coerce_batch(_batch("memberships", rows), context)
    assert findings.height == 0
    assert typed["role"].to_list() == ["deputy", "deputy", "leader"]
    assert typed["role_order"].to_list() == [2, 1, None]  # the role_order column wins


def test_an_unknown_organiser_is_named_and_a_readable_cluster_is_not_blamed_for_it(
    context: Context,
) -> None:
    rows = [
        {**CUM_8, "unit": "Sở Nội vụ", "organizer": "Bộ Không Có"},
        {**CUM_8, "unit": "Sở Nội vụ", "organizer": "UBND tỉnh Thanh Hóa", "cluster": "Nhóm 3"},
        {**CUM_8, "unit": "Sở Tư pháp", "organizer": "UBND tỉnh Thanh Hoá", "cluster": "Khối IV"},
    ]
    typed, findings = coerce_batch(_batch("memberships", rows), context)
    assert typed["organizer_id"].to_list() == [None, DEFAULT_ORGANIZER, DEFAULT_ORGANIZER]
    assert typed["cluster_id"].to_list() == [None, None, "th-ubnd:khoi-04"]
    assert _found(findings) == [
        (2, "organizer", "Bộ Không Có", "unknown_organizer"),
        (3, "cluster", "Nhóm 3", "unparseable_cluster"),
    ]


def test_an_unreadable_cluster_is_named_even_when_the_organiser_is_unknown_too(
    context: Context,
) -> None:
    rows = [{**CUM_8, "unit": "Sở Nội vụ", "organizer": "Bộ Không Có", "cluster": "Nhóm 3"}]
    _, findings = coerce_batch(_batch("memberships", rows), context)
    assert _found(findings) == [
        (2, "cluster", "Nhóm 3", "unparseable_cluster"),
        (2, "organizer", "Bộ Không Có", "unknown_organizer"),
    ]


def test_the_remaining_units_need_the_rows_cluster(context: Context) -> None:
    award = {"results_year": "2023", "award_type": "Bằng khen của UBND tỉnh", "status": "Đề nghị"}
    rows = [
        {**award, "unit": "Các đơn vị còn lại"},
        {**award, "unit": "các đơn vị còn lại", "cluster": "Cụm 8"},
    ]
    typed, findings = coerce_batch(_batch("awards", rows), context)
    assert typed["is_remaining_units"].to_list() == [True, True]
    assert typed["unit_id"].to_list() == [None, None]  # no unit named: expanded later
    assert typed["award_type"].to_list() == ["PROV_MERIT", "PROV_MERIT"]
    assert _found(findings) == [
        (2, "unit", "Các đơn vị còn lại", "remaining_units_without_cluster")
    ]
    assert "write this row's cluster" in findings["message_en"][0]
    assert "ghi cột “Cụm” của dòng này" in findings["message_vi"][0]
