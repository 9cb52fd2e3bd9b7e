"""The input contract (thidua.contract.records) holds together: what the loader, the quality gate
and the templates take from it can be relied on. A natural key names landed columns, every
header an analyst may write means one column, references load before the facts resolved
against them, and the headers named in the design ("Đơn vị", "Năm", "Điểm", "Xếp hạng") are read
in Vietnamese and English alike."""

from __future__ import annotations

import unicodedata

import pytest

from thidua.contract.raw_schema import raw_table_columns
from thidua.contract.records import (
    ACCEPTED,
    INPUT_ORDER,
    LOAD_ORDER,
    RECORD_TYPES,
    REFERENCE_TYPES,
    REVIEW_COLUMNS,
    RecordType,
)
from thidua.ingest.readers import HEADERS
from thidua.normalize import fold

TYPES = sorted(RECORD_TYPES)


def _column_for(record_type: str, header: str) -> str | None:
    """The column a header means, read as the loader reads it."""
    return HEADERS[record_type].get(fold(header))


@pytest.mark.parametrize("name", TYPES)
def test_every_natural_key_column_is_a_landed_column(name: str) -> None:
    """Restatements are found by natural key in the landed rows (`unit` lands as `unit_id`)."""
    record_type = RECORD_TYPES[name]
    landed = {column for column, _ in raw_table_columns(record_type)}
    assert record_type.natural_key
    assert set(record_type.natural_key) <= landed, name
    assert len(set(record_type.natural_key)) == len(record_type.natural_key)


@pytest.mark.parametrize("name", TYPES)
def test_each_header_spelling_means_one_column_of_its_record_type(name: str) -> None:
    """Headers are compared folded ("Đơn vị" = "don vi" = "ĐƠN VỊ"): two columns sharing a
    folded spelling would make a file's column land in whichever was declared last."""
    record_type = RECORD_TYPES[name]
    names = [column.name for column in record_type.columns]
    assert len(names) == len(set(names)), name
    meaning: dict[str, str] = {}
    for column in record_type.columns:
        for header in (column.name, *column.headers):
            key = fold(header)
            assert key, (name, column.name, header)
            assert meaning.setdefault(key, column.name) == column.name, (name, header)


@pytest.mark.parametrize("name", TYPES)
def test_the_loader_reads_every_declared_header(name: str) -> None:
    record_type = RECORD_TYPES[name]
    for column in record_type.columns:
        for header in (column.name, *column.headers):
            assert _column_for(name, header) == column.name
            assert _column_for(name, header.upper()) == column.name


@pytest.mark.parametrize(
    ("record_type", "header", "column"),
    [
        ("memberships", "Đơn vị", "unit"),
        ("memberships", "Tên đơn vị", "unit"),
        ("memberships", "Năm", "results_year"),
        ("memberships", "Năm học", "results_year"),
        ("memberships", "Cụm/khối", "cluster"),
        ("memberships", "Khối thi đua", "cluster"),
        ("memberships", "Vai trò", "role"),
        ("scores", "Điểm", "points"),
        ("scores", "points", "points"),
        ("rankings", "Xếp hạng", "rank"),
        ("rankings", "rank", "rank"),
        ("clusters", "Từ năm", "valid_from_year"),
        ("events", "Loại sự kiện", "event_type"),
        ("events", "Ngày tổ chức", "event_date"),
        ("awards", "Số quyết định", "decision_no"),
        ("unit_aliases", "Cụm thi đua", "cluster"),
    ],
)
def test_vietnamese_and_english_headers_name_their_column(
    record_type: str, header: str, column: str
) -> None:
    assert _column_for(record_type, header) == column
    # typed on a Mac or pasted from the web: decomposed letters, the same header
    assert _column_for(record_type, unicodedata.normalize("NFD", header)) == column


def test_references_load_before_clusters_and_clusters_before_the_facts() -> None:
    """A fact's unit, organiser and award type resolve against reference rows loaded first; a
    folder loaded in one go must not quarantine a roster for a unit the same folder adds."""
    position = {name: INPUT_ORDER.index(name) for name in INPUT_ORDER}
    assert len(position) == len(INPUT_ORDER) == len(RECORD_TYPES)
    for reference in REFERENCE_TYPES:
        assert position[reference] < position["clusters"], reference
    for fact in set(RECORD_TYPES) - set(REFERENCE_TYPES) - {"clusters"}:
        assert position["clusters"] < position[fact], fact
    facts_in_order = [name for name in INPUT_ORDER if name in LOAD_ORDER]
    assert facts_in_order == list(LOAD_ORDER)


def test_reference_types_and_facts_are_apart() -> None:
    assert not set(REFERENCE_TYPES) & set(LOAD_ORDER)
    assert set(REFERENCE_TYPES) | set(LOAD_ORDER) | {"leadership"} == set(RECORD_TYPES)


def test_a_sheet_name_belongs_to_one_record_type() -> None:
    owner: dict[str, str] = {}
    for record_type in RECORD_TYPES.values():
        for sheet in (record_type.name, *record_type.sheet_names):
            key = fold(sheet)
            assert owner.setdefault(key, record_type.name) == record_type.name, sheet


@pytest.mark.parametrize("name", TYPES)
def test_every_column_is_described_in_both_languages(name: str) -> None:
    """`thidua load --help`, the templates and the README show these."""
    record_type = RECORD_TYPES[name]
    assert record_type.title_vi and record_type.title_en and record_type.grain
    for column in record_type.columns:
        assert column.description_vi.strip() and column.description_en.strip(), column.name
        assert len(set(column.allowed)) == len(column.allowed), column.name


def test_a_review_column_is_never_read_as_a_contract_column() -> None:
    """A reviewed extraction keeps its evidence columns beside the contract's; a clash would
    land a sentence of evidence as a value."""
    for name in TYPES:
        for key, (vi, en) in REVIEW_COLUMNS.items():
            for header in (key, vi, en):
                assert _column_for(name, header) is None, (name, header)


def test_an_accept_cell_is_recognised_with_or_without_diacritics() -> None:
    folded = {fold(value) for value in ACCEPTED}
    for written in ("Đồng ý", "dong y", "Chấp nhận", "CÓ", "x"):
        assert fold(written) in folded


def test_required_columns_and_lookup_by_name() -> None:
    memberships: RecordType = RECORD_TYPES["memberships"]
    assert memberships.required_columns == ("cluster", "results_year", "unit")
    assert memberships.column("role").allowed == ("leader", "deputy", "member")
    assert memberships.column("results_year").kind == "year"
    with pytest.raises(KeyError):
        memberships.column("Đơn vị")


@pytest.mark.parametrize("name", LOAD_ORDER)
def test_every_fact_says_its_results_year(name: str) -> None:
    """Facts are counted by results year (a January meeting reviews the year before), never by
    the date the meeting was held or the file was loaded."""
    record_type = RECORD_TYPES[name]
    if name == "clusters":
        assert "valid_from_year" in record_type.required_columns
    else:
        assert "results_year" in record_type.required_columns
        assert "results_year" in record_type.natural_key
