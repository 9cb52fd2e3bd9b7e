"""The name search behind the dashboard's search box (thidua.query.name_search), on names written
here: every spelling an analyst may type finds the unit or cluster it means, ranked as
documented."""

from __future__ import annotations

import unicodedata

from thidua.query.name_search import CLOSE, EXACT, PART, WORDS, Hit, Name, NameSearch

TH, ND = "Thanh Hóa", "Nam Định"


def _unit(target: str, label: str, *spellings: str, province: str = TH) -> list[Name]:
    return [Name("unit", target, label, s, province) for s in (label, target, *spellings)]


def _cluster(target: str, label: str, kind: str, number: int | None, province: str) -> list[Name]:
    return [Name("cluster", target, label, s, province, kind, number) for s in (label, target)]


NAMES = [
    *_unit("th-so-tu-phap", "Sở Tư pháp"),
    *_unit("th-so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "Sở GD-ĐT"),
    *_unit("th-so-tai-chinh", "Sở Tài chính"),
    *_unit("th-huyen-hoang-hoa", "Ủy ban nhân dân huyện Hoằng Hóa", "UBND huyện Hoằng Hóa"),
    *_unit("th-ldld", "Liên đoàn Lao động tỉnh Thanh Hóa", "LĐLĐ tỉnh"),
    *_unit("nd-so-tu-phap", "Sở Tư pháp", province=ND),
    *_cluster("th-ubnd:cum-08", "Cụm thi đua số 8", "cum", 8, TH),
    *_cluster("th-ubnd:cum-05", "Cụm thi đua số 5", "cum", 5, TH),
    *_cluster(
        "th-ubnd:khoi-cac-co-quan-dang-tinh", "Khối thi đua các cơ quan Đảng tỉnh", "khoi", None, TH
    ),
    *_cluster("nd-ubnd:cum-08", "Cụm thi đua số 8", "cum", 8, ND),
]
INDEX = NameSearch(NAMES)


def _first(text: str) -> Hit:
    hits = INDEX.search(text)
    assert hits, text
    return hits[0]


def _ids(text: str) -> list[str]:
    return [h.target_id for h in INDEX.search(text)]


def test_a_name_is_found_however_its_unicode_and_tone_marks_are_written() -> None:
    nfd = unicodedata.normalize("NFD", "Sở Giáo dục và Đào tạo")
    assert nfd != "Sở Giáo dục và Đào tạo"
    assert _first(nfd).target_id == "th-so-gddt"
    assert _first(nfd).tier == EXACT
    # the old tone-mark placement ("Hoà") and the official one ("Hòa") are one name
    assert _first("UBND huyện Hoằng Hoá").target_id == "th-huyen-hoang-hoa"
    assert _first("UBND huyện Hoằng Hoá").tier == EXACT


def test_a_name_is_found_without_diacritics() -> None:
    hit = _first("so giao duc va dao tao")
    assert (hit.target_id, hit.tier) == ("th-so-gddt", WORDS)
    assert _first("SO TAI CHINH").target_id == "th-so-tai-chinh"


def test_short_forms_and_aliases_find_their_unit() -> None:
    assert _first("STP").target_id in {"th-so-tu-phap", "nd-so-tu-phap"}
    assert {"th-so-tu-phap", "nd-so-tu-phap"} == set(_ids("STP")[:2])
    assert _first("Sở GD&ĐT").target_id == "th-so-gddt"
    # "&", "-" and "và" are one separator: an alias written another way is the same alias
    assert _first("Sở GD và ĐT").target_id == "th-so-gddt"
    assert _first("Sở GD-ĐT").spelling in {"Sở GD-ĐT", "Sở GD&ĐT"}
    assert _first("LĐLĐ").target_id == "th-ldld"


def test_the_province_narrows_to_that_provinces_unit() -> None:
    for text in ("Sở Tư pháp Thanh Hóa", "Sở Tư pháp tỉnh Thanh Hoá", "so tu phap thanh hoa"):
        assert _ids(text) == ["th-so-tu-phap"], text
    assert _ids("Sở Tư pháp Nam Định") == ["nd-so-tu-phap"]
    # a name that holds the province itself is found with it too
    assert _first("Liên đoàn Lao động tỉnh Thanh Hóa").target_id == "th-ldld"


def test_clusters_are_found_by_number_roman_numeral_and_name() -> None:
    for text in ("Cụm 8", "cum 08", "Cụm thi đua số 8", "cụm thi đua số VIII", "CỤM VIII"):
        hits = INDEX.search(text)
        assert {h.target_id for h in hits if h.tier == EXACT} == {
            "th-ubnd:cum-08",
            "nd-ubnd:cum-08",
        }, text
    assert _ids("Cụm thi đua số 8 tỉnh Thanh Hóa") == ["th-ubnd:cum-08"]
    assert _first("Khối các cơ quan Đảng").target_id == "th-ubnd:khoi-cac-co-quan-dang-tinh"
    assert _first("khối thi đua các cơ quan đảng tỉnh").tier == EXACT


def test_candidates_are_ranked_same_name_then_words_then_part_then_close() -> None:
    hits = INDEX.search("Sở Tư pháp")
    assert [h.tier for h in hits] == sorted(h.tier for h in hits)
    assert hits[0].tier == EXACT
    typing = _first("so tu ph")  # a word not finished yet
    assert typing.target_id in {"th-so-tu-phap", "nd-so-tu-phap"} and typing.tier == PART
    typo = _first("So Tai Chinhh")  # only when nothing matches by words or part
    assert (typo.target_id, typo.tier) == ("th-so-tai-chinh", CLOSE)
    assert INDEX.search("zzzz qqqq") == []


def test_one_letter_finds_nothing_and_every_target_appears_once() -> None:
    assert INDEX.search("S") == []
    hits = INDEX.search("Sở", limit=50)
    assert len({(h.kind, h.target_id) for h in hits}) == len(hits)
