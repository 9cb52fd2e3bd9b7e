"""Award types as analysts write them: a code, a seed name, a synonym or a family word with its
issuer names one award type; a bare "Cờ thi đua" or "Bằng khen" is read by the issuer column or
the organiser's award system and otherwise stays ambiguous with its candidates, never defaulted."""

from __future__ import annotations

import unicodedata

import polars as pl
import pytest

from thidua.ingest.award_types import (
    AwardTypeIndex,
    System,
    is_remaining_units,
    organizer_system,
    parse_issuer,
)

FLAGS = (
    "GOV_FLAG",
    "MIN_FLAG",
    "VGCL_FLAG",
    "FRONT_CENTRAL_FLAG",
    "PROV_FLAG",
    "PARTY_PROV_FLAG",
    "FRONT_PROV_FLAG",
    "PROV_LF_FLAG",
)


@pytest.fixture(scope="module")
def index() -> AwardTypeIndex:
    return AwardTypeIndex.from_tables()


@pytest.mark.parametrize(
    "text",
    [
        "các đơn vị còn lại",
        unicodedata.normalize("NFD", "Các đơn vị còn lại"),
        "CÁC ĐƠN VỊ KHÁC",
        "remaining units",
    ],
)
def test_remaining_units_are_recognised(text: str) -> None:
    assert is_remaining_units(text)


def test_a_unit_name_is_not_remaining_units() -> None:
    assert not is_remaining_units("Sở GD&ĐT")


@pytest.mark.parametrize(
    ("issuer", "system"),
    [
        ("Bộ Tư pháp", System("ministry", "central")),
        ("Bộ trưởng Bộ Tư pháp", System("ministry", "central")),
        ("UBND tỉnh Hoà Bình", System("province", "province")),
        ("Ủy ban nhân dân tỉnh Hòa Bình", System("province", "province")),
        ("Thủ tướng Chính phủ", System("government", "central")),
        ("Tổng LĐLĐVN", System("trade_union", "central")),
        ("LĐLĐ tỉnh Thanh Hóa", System("trade_union", "province")),
        ("Ủy ban MTTQ tỉnh Thanh Hóa", System("front", "province")),
        ("Ủy ban Trung ương MTTQ Việt Nam", System("front", "central")),
        ("Tỉnh ủy Thanh Hóa", System("party", "province")),
        ("Sở GD&ĐT", None),
        ("", None),
        (None, None),
    ],
)
def test_issuer_names_tell_the_award_system(issuer: str | None, system: System | None) -> None:
    assert parse_issuer(issuer) == system


def test_organiser_system_prefers_its_declared_system_then_name_then_level() -> None:
    assert organizer_system("ministry", ["UBND tỉnh Hoà Bình"], None, None) == System(
        "ministry", "central"
    )
    assert organizer_system(None, [None, "UBND tỉnh Nam Định"], None, None) == System(
        "province", "province"
    )
    assert organizer_system(None, ["Hội đồng X"], "party", "Thanh Hóa") == System(
        "party", "province"
    )
    # a trade union named without a tier: the province it belongs to decides
    assert organizer_system("trade_union", ["Hội đồng X"], None, None) == System(
        "trade_union", "central"
    )
    assert organizer_system("other", ["Bộ Tư pháp"], None, None) is None


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("GOV_FLAG", "GOV_FLAG"),
        ("Cờ thi đua của Chính phủ", "GOV_FLAG"),
        (unicodedata.normalize("NFD", "cờ chính phủ"), "GOV_FLAG"),
        ("Bằng khen Thủ tướng", "PM_MERIT"),
        ("Tập thể LĐXS", "EXCELLENT_COLLECTIVE"),
        ("HTXSNV", "EXCELLENT_TASKS"),
        ("Cờ luân lưu của cụm", "ROTATING_FLAG"),
        ("Cờ thi đua của Bộ Tư pháp", "MIN_FLAG"),
        ("Bằng khen của Bộ trưởng Bộ Tư pháp", "MIN_MERIT"),
        ("Cờ thi đua của UBND tỉnh Hoà Bình", "PROV_FLAG"),
    ],
)
def test_values_that_name_one_award_type(index: AwardTypeIndex, value: str, code: str) -> None:
    assert index.read(value, None, None).code == code


def test_a_bare_family_word_is_read_by_the_issuer_column(index: AwardTypeIndex) -> None:
    assert index.read("Bằng khen", "UBND tỉnh", None).code == "PROV_MERIT"
    assert index.read("Cờ thi đua", "Tổng LĐLĐVN", None).code == "VGCL_FLAG"
    assert index.read("Cờ thi đua", "Công đoàn ngành", None).code == "PROV_LF_FLAG"
    assert index.read("Cờ thi đua", "MTTQ tỉnh", None).code == "FRONT_PROV_FLAG"


def test_a_bare_family_word_is_read_by_the_organisers_system(index: AwardTypeIndex) -> None:
    # th-ubnd: Ủy ban nhân dân tỉnh Thanh Hóa gives the province's awards
    assert index.read("Cờ thi đua", None, "th-ubnd").code == "PROV_FLAG"
    # the issuer column wins over the organiser
    assert index.read("Cờ thi đua", "Bộ Tư pháp", "th-ubnd").code == "MIN_FLAG"


def test_a_bare_family_word_without_issuer_is_never_defaulted(index: AwardTypeIndex) -> None:
    reading = index.read("Cờ thi đua", None, None)
    assert reading.code is None
    assert tuple(t.code for t in reading.candidates) == FLAGS


def test_a_value_that_names_no_award_passes_through_for_the_gate(index: AwardTypeIndex) -> None:
    assert index.read("Giấy khen", None, None).code == "Giấy khen"


def test_read_column_gives_codes_and_candidates_per_cell(index: AwardTypeIndex) -> None:
    values = pl.Series("award_type", ["Cờ thi đua", "Bằng khen", None, "Cờ thi đua"])
    issuers = pl.Series("issuer", [None, "UBND tỉnh", None, None])
    organizers = pl.Series("organizer_id", ["no-such", None, None, "th-ubnd"])
    codes, candidates = index.read_column(values, issuers, organizers)
    assert codes.name == "award_type"
    assert codes.to_list() == [None, "PROV_MERIT", None, "PROV_FLAG"]
    first = candidates[0]
    assert first.startswith("GOV_FLAG: Cờ thi đua của Chính phủ / Government emulation flag; ")
    assert first.count("; ") == len(FLAGS) - 1
    assert candidates.to_list()[1:] == [None, None, None]


def test_a_loaded_award_type_is_accepted_and_changes_the_fingerprint(
    index: AwardTypeIndex,
) -> None:
    loaded = pl.DataFrame(
        {
            "award_type_code": ["SGD_MERIT"],
            "name_vi": ["Giấy khen của Giám đốc Sở GD&ĐT"],
            "name_en": [None],
            "issuer_kind": ["other"],
            "award_family": ["certificate_of_merit_local"],
            "level": ["unit"],
        },
        schema_overrides={"name_en": pl.String},
    )
    extended = AwardTypeIndex.from_tables(loaded)
    assert extended.read("giấy khen của giám đốc sở GD&ĐT", None, None).code == "SGD_MERIT"
    assert extended.types["SGD_MERIT"].name_en == "Giấy khen của Giám đốc Sở GD&ĐT"
    assert extended.fingerprint != index.fingerprint
    assert AwardTypeIndex.from_tables().fingerprint == index.fingerprint
