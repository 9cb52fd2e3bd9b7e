"""Normalisation: real Vietnamese variants must become equal, and every step must be idempotent."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.normalize import clean_text, fold, match_key, parse_cluster_ref, parse_date

SAME_NAME = [
    ("Hoà", "Hòa"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("Văn hoá", "Văn hóa"),
    ("Uỷ ban MTTQ", "Ủy ban MTTQ"),
    ("Sở GD&ĐT", "Sở GD-ĐT"),
    ("Sở GD&ĐT", "Sở GD và ĐT"),
    ("Sở LĐ-TB&XH", "Sở LĐTBXH"),
    ("Sở Công thương", "Sở Công Thương"),
    ("Ðài PT&TH", "Đài PT&TH"),  # Icelandic eth look-alike
    ("Ea H’leo", "Ea H'leo"),
    ("  Sở   Y tế ", "Sở Y tế"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hoá Thể thao và Du lịch"),
]


@pytest.mark.parametrize(("left", "right"), SAME_NAME)
def test_variants_of_one_name_share_a_match_key(left: str, right: str) -> None:
    assert match_key(left) == match_key(right)


def test_nfd_and_nfc_are_one_name() -> None:
    name = "Sở Giáo dục và Đào tạo"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    assert clean_text(decomposed) == name
    assert match_key(decomposed) == match_key(name)


def test_tone_marks_move_only_in_open_syllables() -> None:
    # "hoàng" and "hoàn" carry the mark on "a" in every convention: they must not change.
    assert match_key("Hoàng") == "hoàng"
    assert match_key("Hoàn") == "hoàn"
    assert match_key("quý") == "quý"


def test_different_names_stay_different() -> None:
    assert match_key("Sở Tư pháp") != match_key("Sở Tài chính")
    assert match_key("Hòa") != match_key("Hoa")


def test_clean_text_keeps_what_a_reader_sees() -> None:
    assert clean_text("Sở\u00a0Y tế\u200b") == "Sở Y tế"
    assert clean_text("Ðài") == "Đài"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Cụm thi đua số 5", "th-ubnd:cum-05"),
        ("Cụm thi đua số V", "th-ubnd:cum-05"),
        ("cụm thi đua số 05", "th-ubnd:cum-05"),
        ("Cum thi dua so 5", "th-ubnd:cum-05"),
        ("Cụm thi đua số 5 tỉnh Thanh Hóa", "th-ubnd:cum-05"),
        ("Khối IV", "th-ubnd:khoi-04"),
        ("Khối thi đua các cơ quan Đảng tỉnh", "th-ubnd:khoi-cac-co-quan-dang-tinh"),
        ("Khối thi đua các cơ quan Ðảng tỉnh", "th-ubnd:khoi-cac-co-quan-dang-tinh"),
    ],
)
def test_cluster_references(written: str, expected: str) -> None:
    ref = parse_cluster_ref(written)
    assert ref is not None
    assert ref.cluster_id("th-ubnd") == expected


@pytest.mark.parametrize("written", ["", "Sở Y tế", "Cụm thi đua số 0", "số 5"])
def test_non_cluster_references_are_refused(written: str) -> None:
    assert parse_cluster_ref(written) is None


@pytest.mark.parametrize(
    "written",
    ["14/01/2022", "14/1/2022", "14-01-2022", "14.01.2022", "2022-01-14", "2022-01-14 00:00:00"],
)
def test_dates_in_every_accepted_form(written: str) -> None:
    assert parse_date(written) == dt.date(2022, 1, 14)


@pytest.mark.parametrize("written", ["31/02/2022", "14/13/2022", "hôm qua", "2022", "01/14/2022"])
def test_impossible_or_foreign_dates_are_refused(written: str) -> None:
    assert parse_date(written) is None


def test_fold_is_ascii() -> None:
    assert fold("Đơn vị") == "don vi"
    assert fold("Điểm tối đa") == "diem toi da"


vietnamese_text = st.text(
    alphabet=st.sampled_from(
        [
            *"aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ hgnktcmlp&-,.’'",
            *("\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u00d0", "\u00a0"),
        ]
    ),
    max_size=40,
)


@given(vietnamese_text)
def test_normalisation_is_idempotent(text: str) -> None:
    assert clean_text(clean_text(text)) == clean_text(text)
    assert match_key(match_key(text)) == match_key(text)
    assert fold(fold(text)) == fold(text)


UNICODE_FORMS: tuple[Literal["NFC", "NFD", "NFKC", "NFKD"], ...] = ("NFC", "NFD", "NFKC", "NFKD")


@given(vietnamese_text)
def test_every_unicode_form_of_a_name_is_equal(text: str) -> None:
    forms = {unicodedata.normalize(form, text) for form in UNICODE_FORMS}
    assert len({match_key(f) for f in forms}) == 1
    assert len({clean_text(unicodedata.normalize(f, text)) for f in UNICODE_FORMS[:2]}) == 1


_OLD_TO_NEW = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
}


@given(st.sampled_from(sorted(_OLD_TO_NEW)), st.sampled_from(["h", "t", "x", "kh", "th"]))
def test_old_and_new_tone_placement_are_one_name(old: str, onset: str) -> None:
    assert match_key(f"Sở {onset}{old}") == match_key(f"Sở {onset}{_OLD_TO_NEW[old]}")


# Real names with their words separated by single spaces; none holds "và", which is itself one of
# the connectors below.
_NAMES = st.sampled_from(
    [
        "Sở Giáo dục Đào tạo",
        "Sở GD ĐT",
        "Sở Văn hóa Thể thao Du lịch",
        "Sở Lao động Thương binh Xã hội",
        "Ủy ban MTTQ tỉnh Thanh Hóa",
        "Đài PT TH tỉnh",
        "Huyện ủy Ea H'leo",
        "Xuân Hòa",
        "Công ty Thủy lợi Nam Sông Mã",
        "Tòa án nhân dân tỉnh",
    ]
)
_CONNECTORS = st.sampled_from([" ", " và ", " & ", "&", "-", " - ", ", ", " – ", "  ", "\u00a0"])


@st.composite
def _name_and_variant(draw: st.DrawFn) -> tuple[str, str]:
    """A name, and the same name as people type it: other connectors ("&", "và", "-"), case,
    Unicode form, "Ð" for "Đ", "’" for "'", stray spaces, old-style tone marks."""
    name = draw(_NAMES)
    words = name.split(" ")
    variant = words[0]
    for word in words[1:]:
        variant += draw(_CONNECTORS) + word
    if draw(st.booleans()):
        variant = variant.upper()
    for old, new in (("Đ", "\u00d0"), ("'", "\u2019"), ("òa", "oà"), ("óa", "oá"), ("ủy", "uỷ")):
        if draw(st.booleans()):
            variant = variant.replace(old, new)
    variant = " " * draw(st.integers(0, 2)) + variant + draw(st.sampled_from(["", " ", "\u200b"]))
    form = draw(st.sampled_from(UNICODE_FORMS[:2]))
    return name, unicodedata.normalize(form, variant)


@given(_name_and_variant())
def test_every_written_variant_of_a_name_has_its_match_key(pair: tuple[str, str]) -> None:
    name, variant = pair
    assert match_key(variant) == match_key(name)
    assert match_key(clean_text(variant)) == match_key(variant)


def _roman(number: int) -> str:
    digits = (
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = ""
    for value, letters in digits:
        while number >= value:
            out, number = out + letters, number - value
    return out


@given(
    st.integers(1, 99),
    st.sampled_from(["Cụm thi đua số {}", "Cum thi dua so {}", "CỤM {}", "cụm số {}"]),
    st.sampled_from(["{n}", "{n:02d}", "{n:03d}", "{roman}"]),
)
def test_every_way_of_writing_a_cluster_number_is_one_cluster(
    number: int, template: str, digits: str
) -> None:
    written = template.format(digits.format(n=number, roman=_roman(number)))
    ref = parse_cluster_ref(written)
    assert ref is not None, written
    assert ref.cluster_id("th-ubnd") == f"th-ubnd:cum-{number:02d}"


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
def test_every_accepted_date_form_reads_as_the_same_day(day: dt.date) -> None:
    d, m, y = day.day, day.month, day.year
    forms = [f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}", f"{d}.{m:02d}.{y}", day.isoformat()]
    assert {parse_date(f) for f in forms} == {day}


@given(
    st.integers(2000, 2100),
    st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)]),
)
def test_days_a_month_does_not_have_are_refused(year: int, month_day: tuple[int, int]) -> None:
    month, day = month_day
    assert parse_date(f"{day}/{month}/{year}") is None
