"""Coded values as analysts write them → codes (thidua.contract.vocabulary). A spreadsheet says
"Cụm trưởng", "CỤM TRƯỞNG", "cum truong" or, pasted from a web page, the same word in decomposed
Unicode; each must land as the one code the warehouse counts by. A value the vocabulary does not
know is kept as written, so the quality gate names it instead of a guess hiding it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from thidua.contract.records import RECORD_TYPES, VALUE_LABELS
from thidua.contract.vocabulary import has_vocabulary, to_code
from thidua.normalize import fold


@pytest.mark.parametrize(
    ("field", "written", "code"),
    [
        ("role", "Cụm trưởng", "leader"),
        ("role", "Trưởng khối thi đua", "leader"),
        ("role", "Đơn vị Khối trưởng", "leader"),
        ("role", "Phó Cụm trưởng", "deputy"),
        ("role", "Khối phó", "deputy"),
        ("role", "Đơn vị thành viên", "member"),
        ("rank", "Nhất", "1"),
        ("rank", "xếp thứ Nhì", "2"),
        ("rank", "Hạng Ba", "3"),
        ("rank", "thứ Tư", "4"),
        ("rank", "Thứ Năm", "5"),
        ("event_type", "Ký giao ước thi đua", "covenant_signing"),
        ("event_type", "Sơ kết 6 tháng đầu năm", "mid_year_review"),
        ("event_type", "Hội nghị tổng kết", "year_end_review"),
        ("event_type", "Phát động đợt thi đua", "campaign_launch"),
        ("status", "Dự kiến đề nghị", "proposed"),
        ("status", "Đã duyệt", "approved"),
        ("status", "Đã khen", "decided"),
        ("method", "Bỏ phiếu suy tôn", "vote"),
        ("method", "Bình xét", "vote"),
        ("method", "Chấm điểm và bỏ phiếu", "score_and_vote"),
        ("roster_complete", "Đầy đủ", "yes"),
        ("roster_complete", "Chưa đầy đủ", "no"),
        ("roster_complete", "x", "yes"),
        ("award_system", "Liên đoàn Lao động", "trade_union"),
        ("award_system", "LĐLĐ", "trade_union"),
        ("award_system", "Mặt trận Tổ quốc", "front"),
        ("award_system", "Tỉnh ủy", "party"),
        ("issuer_kind", "Chính phủ", "government"),
        ("issuer_kind", "Ủy ban nhân dân tỉnh", "province"),
        ("award_family", "Cờ thi đua", "emulation_flag"),
        ("award_family", "Cờ luân lưu", "rotating_flag"),
        ("award_family", "Bằng khen", "certificate_of_merit"),
        ("level", "Trung ương", "national"),
        ("part_of_day", "Buổi chiều", "afternoon"),
        ("cycle", "Năm học", "school_year"),
        ("cycle", "Năm dương lịch", "calendar"),
        ("source_kind", "Bài báo", "article"),
        ("source_kind", "Văn bản", "official"),
        ("source_kind", "Dữ liệu mô phỏng", "synthetic"),
    ],
)
def test_a_value_as_analysts_write_it_reads_as_its_code(
    field: str, written: str, code: str
) -> None:
    assert to_code(field, written) == code


@pytest.mark.parametrize(
    "spell",
    [
        str.upper,
        str.lower,
        fold,  # typed without a Vietnamese keyboard
        lambda text: unicodedata.normalize("NFD", text),  # pasted from a web page or a Mac
        lambda text: f"  {text.replace(' ', '   ')} ",
        lambda text: text.replace("Đ", "\u00d0"),  # the look-alike Icelandic eth
    ],
    ids=["upper", "lower", "folded", "nfd", "spaces", "eth"],
)
@pytest.mark.parametrize(
    ("field", "written", "code"),
    [
        ("role", "Cụm phó", "deputy"),
        ("status", "Đề nghị", "proposed"),
        ("method", "Chấm điểm", "score"),
        ("source_kind", "Bài báo", "article"),
    ],
)
def test_case_diacritics_and_unicode_form_do_not_change_the_code(
    field: str, written: str, code: str, spell: Callable[[str], str]
) -> None:
    assert to_code(field, spell(written)) == code


@pytest.mark.parametrize("field", sorted(VALUE_LABELS))
def test_each_code_reads_as_itself(field: str) -> None:
    """Files written by thidua itself (templates, downloads) carry the codes."""
    for code in VALUE_LABELS[field]:
        assert to_code(field, code) == code
        assert to_code(field, code.upper()) == code


@pytest.mark.parametrize(
    ("field", "written"),
    [
        ("role", "Trưởng ban"),
        ("role", "Phó Giám đốc"),
        ("rank", "Khuyến khích"),
        ("status", "Đang xem xét"),
        ("event_type", "Hội nghị giao ban"),
        ("source_kind", "Facebook"),
    ],
)
def test_an_unknown_value_is_kept_exactly_as_written(field: str, written: str) -> None:
    """The gate's message quotes the value the analyst typed, not a folded version of it."""
    assert to_code(field, written) == written
    nfd = unicodedata.normalize("NFD", written)
    assert to_code(field, nfd) == nfd


def test_the_same_word_reads_by_its_column() -> None:
    """ "Năm" is the fifth rank in a rank column and the calendar year in a cycle column;
    "Bộ" is a ministry's award system and a ministry level."""
    assert to_code("rank", "Năm") == "5"
    assert to_code("cycle", "Năm") == "calendar"
    assert to_code("award_system", "Bộ") == "ministry"
    assert to_code("level", "Bộ") == "ministry"
    assert to_code("level", "Tỉnh") == "province"
    assert to_code("issuer_kind", "Tỉnh") == "province"


def test_every_coded_contract_column_but_award_type_has_a_vocabulary() -> None:
    """Award types are read apart (their code depends on the issuer), every other coded column
    accepts Vietnamese spellings."""
    coded = {
        column.name
        for record_type in RECORD_TYPES.values()
        for column in record_type.columns
        if column.allowed and column.name != "award_type"
    }
    assert coded
    for name in coded:
        assert has_vocabulary(name), name
    assert not has_vocabulary("award_type")
    assert not has_vocabulary("unit")
