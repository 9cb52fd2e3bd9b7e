"""Name resolution's suggestions: the closest known names, kept up to date as names are added."""

from __future__ import annotations

from thidua.ingest.resolve import AliasIndex, load_alias_index


def test_suggestions_follow_the_names_the_index_knows() -> None:
    index = AliasIndex()
    index.add("Sở Nội vụ", "th-so-noi-vu")
    misspelt = "So Tu phap tinh"  # typed without Vietnamese input
    before = index.resolve(misspelt)
    assert before.reason == "unknown"
    assert not any("th-so-tu-phap" in c for c in before.candidates)

    index.add("Sở Tư pháp", "th-so-tu-phap")
    # asked again after a name was added: the new name is among the suggestions
    after = index.resolve(misspelt)
    assert after.candidates[0] == "Sở Tư pháp → th-so-tu-phap"
    assert index.resolve("Sở Tư pháp").unit_id == "th-so-tu-phap"


def test_the_same_unknown_name_gets_the_same_suggestions_in_every_scope() -> None:
    index = AliasIndex()
    index.add("Sở Giáo dục và Đào tạo", "th-so-gddt", "th-ubnd")
    index.add("Sở GD&ĐT", "th-so-gddt", "th-ubnd")
    first = index.resolve("So Giao duc Dao tao tinh", "th-ubnd", "th-ubnd:cum-05", 2021)
    again = index.resolve("So Giao duc Dao tao tinh", "th-ubnd", "th-ubnd:cum-08", 2024)
    assert first.candidates == again.candidates
    assert first.candidates and all(c.endswith("→ th-so-gddt") for c in first.candidates)


def test_a_name_may_carry_its_organisers_province_but_no_other() -> None:
    index = load_alias_index()  # the seeds: Thanh Hóa's committee, whose province is Thanh Hóa
    for written in ("Sở Tư Pháp Thanh Hoá", "Sở Tư pháp tỉnh Thanh Hóa", "SỞ TƯ PHÁP THANH HÓA"):
        assert index.resolve(written, "th-ubnd").unit_id == "th-so-tu-phap", written
    # another province's department is not Thanh Hóa's, and never becomes it
    other = index.resolve("Sở Tư pháp tỉnh Nghệ An", "th-ubnd")
    assert other.unit_id is None and other.reason == "unknown"
    # the province alone names no unit
    assert index.resolve("Tỉnh Thanh Hóa", "th-ubnd").unit_id is None
    # an organiser of another province does not drop Thanh Hóa from a name
    index.set_province("na-ubnd", "Nghệ An")
    assert index.resolve("Sở Tư pháp Thanh Hóa", "na-ubnd").unit_id is None
