"""What a sentence names (thidua.extract.mentions): clusters, lists of units, roles and ranks.

Documents reach these readers as `read_document` delivers them: NFC, look-alike letters fixed
(`clean_text`); the tests that start from decomposed text pass it through `clean_text` first.
"""

from __future__ import annotations

import unicodedata

import pytest

from thidua.extract.mentions import (
    clusters,
    from_first_head,
    opens_with_head,
    ordinal,
    rank_in,
    role_in,
    split_units,
)
from thidua.normalize import clean_text, match_key, parse_cluster_ref


def _names(text: str) -> list[str]:
    return [m.name for m in split_units(text)]


# --- clusters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Cụm thi đua số 5 tỉnh Thanh Hóa tổ chức hội nghị", "Cụm thi đua số 5"),
        ("Cụm thi đua số IV tỉnh Nghệ An gồm", "Cụm thi đua số IV"),
        ("Khối thi đua số 05 đã họp", "Khối thi đua số 05"),
        ("khối thi đua số 12 đã họp", "Khối thi đua số 12"),
        ("các đơn vị Khối IV", "Khối số IV"),
        ("trong Cụm 3 có", "Cụm số 3"),
    ],
)
def test_a_numbered_cluster_is_written_as_the_contract_reads_it(text: str, written: str) -> None:
    """The province after the number is the organiser's, not part of the cluster's name."""
    found = clusters(text)
    assert [c.written for c in found] == [written]
    assert parse_cluster_ref(found[0].written) is not None


@pytest.mark.parametrize(
    ("roman", "arabic"), [("Cụm thi đua số IV", "Cụm thi đua số 4"), ("Khối V", "Khối số 05")]
)
def test_a_roman_cluster_number_names_the_same_cluster_as_its_arabic_number(
    roman: str, arabic: str
) -> None:
    ref_roman = parse_cluster_ref(clusters(roman)[0].written)
    ref_arabic = parse_cluster_ref(clusters(arabic)[0].written)
    assert ref_roman is not None and ref_arabic is not None
    assert ref_roman.cluster_id("ubnd-thanh-hoa") == ref_arabic.cluster_id("ubnd-thanh-hoa")


def test_a_deputys_order_is_no_cluster_number() -> None:
    assert clusters("Sở Y tế được bầu làm Phó khối 2 năm 2023") == []


def test_each_cluster_of_a_sentence_is_found_with_its_offsets() -> None:
    text = "Cụm thi đua số 5 và Cụm thi đua số VIII cùng tổng kết"
    found = clusters(text)
    assert [c.written for c in found] == ["Cụm thi đua số 5", "Cụm thi đua số VIII"]
    assert [text[c.start : c.end] for c in found] == ["Cụm thi đua số 5", "Cụm thi đua số VIII"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "Khối thi đua các cơ quan Đảng tỉnh đã tổ chức sơ kết",
            "Khối thi đua các cơ quan Đảng tỉnh",
        ),
        ("Khối thi đua Kinh tế - Tổng hợp tổ chức hội nghị", "Khối thi đua Kinh tế - Tổng hợp"),
        (
            "Khối thi đua các huyện miền núi tỉnh Nghệ An tổ chức hội nghị",
            "Khối thi đua các huyện miền núi",
        ),
        ("Cụm các trường THPT gồm 6 trường", "Cụm các trường THPT"),
    ],
)
def test_a_named_block_ends_where_the_sentence_goes_on(text: str, written: str) -> None:
    assert [c.written for c in clusters(text)] == [written]


def test_clusters_in_decomposed_text_are_found_once_cleaned() -> None:
    text = clean_text(unicodedata.normalize("NFD", "Cụm thi đua số IV tỉnh Nghệ An họp"))
    assert [c.written for c in clusters(text)] == ["Cụm thi đua số IV"]


# --- ordinals, ranks, roles -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("Nhất", 1),
        ("NHẤT", 1),
        ("nhì", 2),
        ("Ba", 3),
        ("Tư", 4),
        ("Năm", 5),
        ("mười", 10),
        ("3", 3),
        ("III", 3),
        ("IV", 4),
        ("Khuyến khích", None),
    ],
)
def test_an_ordinal_is_read_in_words_digits_or_roman(word: str, number: int | None) -> None:
    assert ordinal(word) == number
    assert ordinal(unicodedata.normalize("NFD", word)) == number


@pytest.mark.parametrize(
    ("phrase", "rank"),
    [
        ("xếp thứ Nhất", 1),
        ("đứng thứ 2", 2),
        ("xếp hạng Ba", 3),
        ("XẾP THỨ BA", 3),
        ("đạt giải Nhì", 2),
        ("xếp thứ IV", 4),
        ("đơn vị dẫn đầu Cụm", 1),
        ("đứng đầu Khối thi đua", 1),
        ("hoàn thành xuất sắc nhiệm vụ", None),
    ],
)
def test_a_rank_is_read_from_its_phrase(phrase: str, rank: int | None) -> None:
    assert rank_in(phrase) == rank


@pytest.mark.parametrize(
    ("phrase", "role", "order"),
    [
        ("Cụm trưởng", "leader", None),
        ("Trưởng khối", "leader", None),
        ("Cụm phó", "deputy", None),
        ("Khối phó", "deputy", None),
        ("Phó Cụm trưởng", "deputy", None),
        ("Phó khối 2", "deputy", 2),
        ("phó khối II", "deputy", 2),
        ("Phó trưởng khối 1", "deputy", 1),
        ("thành viên", None, None),
        ("Trưởng phòng", None, None),
        ("Cụm thi đua số 5", None, None),
    ],
)
def test_a_role_and_a_deputys_order_are_read_from_their_phrase(
    phrase: str, role: str | None, order: int | None
) -> None:
    assert role_in(phrase) == (role, order)
    assert role_in(unicodedata.normalize("NFD", phrase)) == (role, order)


@pytest.mark.parametrize("phrase", ["Khối phó 2", "Cụm phó 2", "Phó khối thứ 2"])
def test_a_deputys_order_is_read_however_the_role_is_worded(phrase: str) -> None:
    """A block with two deputies ("Phó khối 1", "Phó khối 2") needs both orders; the loader
    reads all these spellings as the second deputy, so a reviewed extraction must too."""
    assert role_in(phrase) == ("deputy", 2)


# --- organisation names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Sở Y tế",
        "Sở GD&ĐT",
        "Sở NN&PTNT",
        "KBNN Quảng Ngãi",
        "BHXH tỉnh Nghệ An",
        "Cục Thuế",
        "Liên đoàn Lao động tỉnh",
        "LĐLĐ tỉnh",
        "Hội Nông dân",
        "Thanh tra tỉnh",
        "Công an tỉnh",
        "Đài PT&TH",
        "Huyện ủy Krông Pắc",
        unicodedata.normalize("NFD", "Sở Giáo dục và Đào tạo"),
    ],
)
def test_an_organisations_name_opens_with_a_head_word(name: str) -> None:
    assert opens_with_head(name)


@pytest.mark.parametrize(
    "words", ["sở dĩ", "hội nghị", "ban hành", "Xã hội", "Nguyễn Văn An", "bộ phận"]
)
def test_common_words_that_share_a_head_word_open_no_name(words: str) -> None:
    """Single-word heads are also common words: a name goes on with a capital or a place."""
    assert not opens_with_head(words)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hội nghị đã bỏ phiếu suy tôn Huyện ủy Ea H'leo", "Huyện ủy Ea H'leo"),
        ("Hiệu trưởng Trường THPT Trưng Vương", "Trường THPT Trưng Vương"),
        ("thống nhất giới thiệu BHXH tỉnh Nghệ An", "BHXH tỉnh Nghệ An"),
        ("không có tên đơn vị nào", "không có tên đơn vị nào"),
    ],
)
def test_the_name_starts_at_the_first_capitalised_head_word(text: str, name: str) -> None:
    assert from_first_head(text) == name


# --- unit lists -------------------------------------------------------------------------------


def test_names_holding_commas_and_va_stay_whole() -> None:
    text = (
        "Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và "
        "Xã hội, Sở Y tế và Báo Thanh Hóa"
    )
    assert _names(text) == [
        "Sở Giáo dục và Đào tạo",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Y tế",
        "Báo Thanh Hóa",
    ]


def test_abbreviated_names_of_other_provinces_units_are_cut_at_their_heads() -> None:
    text = "Sở GD&ĐT, Sở NN&PTNT, Cục Thuế tỉnh, Liên đoàn Lao động tỉnh và BHXH tỉnh Nghệ An"
    assert _names(text) == [
        "Sở GD&ĐT",
        "Sở NN&PTNT",
        "Cục Thuế tỉnh",
        "Liên đoàn Lao động tỉnh",
        "BHXH tỉnh Nghệ An",
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "KBNN Quảng Ngãi, Bình Định và Phú Yên",
            ["KBNN Quảng Ngãi", "KBNN Bình Định", "KBNN Phú Yên"],
        ),
        (
            "Huyện ủy Ea H'leo, Krông Pắc và Thị ủy Buôn Hồ",
            ["Huyện ủy Ea H'leo", "Huyện ủy Krông Pắc", "Thị ủy Buôn Hồ"],
        ),
        (
            "Sở Tư pháp tỉnh Nam Định, Ninh Bình",
            ["Sở Tư pháp tỉnh Nam Định", "Sở Tư pháp tỉnh Ninh Bình"],
        ),
        (
            "Cục Thuế các tỉnh: Nghệ An, Hà Tĩnh và Quảng Bình",
            ["Cục Thuế tỉnh Nghệ An", "Cục Thuế tỉnh Hà Tĩnh", "Cục Thuế tỉnh Quảng Bình"],
        ),
        (
            "UBND các huyện Quỳnh Lưu, Diễn Châu và thị xã Hoàng Mai",
            ["UBND huyện Quỳnh Lưu", "UBND huyện Diễn Châu", "UBND thị xã Hoàng Mai"],
        ),
    ],
    ids=["kind-prefix", "party-committees", "place-word", "covering-các", "mixed-places"],
)
def test_a_prefix_covers_the_bare_places_after_it(text: str, names: list[str]) -> None:
    """Each bare place stands for its own unit: "Bình Định" here is KBNN Bình Định. A name
    that took a prefix says so, and still points at the words as written."""
    found = split_units(text)
    assert [m.name for m in found] == names
    assert [m.distributed for m in found] == [text[m.start : m.end] != m.name for m in found]
    assert any(m.distributed for m in found)


def test_a_covered_name_points_at_the_place_as_written() -> None:
    text = "KBNN Quảng Ngãi, Bình Định và Phú Yên"
    assert [text[m.start : m.end] for m in split_units(text)] == [
        "KBNN Quảng Ngãi",
        "Bình Định",
        "Phú Yên",
    ]


def test_a_fixed_phrase_joined_by_va_is_one_name() -> None:
    assert _names("Văn phòng Đoàn ĐBQH và HĐND tỉnh, Sở Nội vụ") == [
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Sở Nội vụ",
    ]


def test_a_name_the_warehouse_knows_whole_is_not_cut() -> None:
    """Where the words alone read two units, the warehouse's knowledge of the whole wins."""
    text = "Văn phòng HĐND và UBND huyện Quỳnh Lưu, Phòng Nội vụ huyện"
    assert _names(text) == ["Văn phòng HĐND", "UBND huyện Quỳnh Lưu", "Phòng Nội vụ huyện"]
    known = {match_key("Văn phòng HĐND và UBND huyện Quỳnh Lưu")}
    found = split_units(text, 0, lambda name: match_key(name) in known)
    assert [m.name for m in found] == [
        "Văn phòng HĐND và UBND huyện Quỳnh Lưu",
        "Phòng Nội vụ huyện",
    ]


def test_brackets_give_roles_ranks_and_a_units_own_cluster() -> None:
    text = (
        "Sở GD&ĐT (Cụm trưởng), Sở Y tế (Phó khối 2), Ban Dân tộc (xếp thứ Nhất), "
        "Cục Thuế (dẫn đầu Cụm thi đua số 1) và Sở Nội vụ"
    )
    found = split_units(text)
    assert [(m.name, m.role, m.role_order, m.rank, m.cluster) for m in found] == [
        ("Sở GD&ĐT", "leader", None, None, None),
        ("Sở Y tế", "deputy", 2, None, None),
        ("Ban Dân tộc", None, None, 1, None),
        ("Cục Thuế", None, None, 1, "Cụm thi đua số 1"),
        ("Sở Nội vụ", None, None, None, None),
    ]


def test_a_role_or_a_standing_after_a_dash_is_read_and_left_out_of_the_name() -> None:
    found = split_units("Sở Y tế - Cụm phó, Sở GD&ĐT - đơn vị dẫn đầu Khối")
    assert [(m.name, m.role, m.rank) for m in found] == [
        ("Sở Y tế", "deputy", None),
        ("Sở GD&ĐT", None, 1),
    ]


def test_numbered_items_on_one_line_are_one_unit_each() -> None:
    assert _names("1. Văn phòng Tỉnh ủy 2. Ban Tổ chức Tỉnh ủy 3. Báo Nghệ An") == [
        "Văn phòng Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        "Báo Nghệ An",
    ]


def test_offsets_are_in_the_sentence_the_list_was_cut_from() -> None:
    sentence = "Cụm thi đua số 5 gồm: Sở Y tế và Sở Tư pháp tỉnh Hòa Bình"
    at = sentence.index("Sở Y tế")
    found = split_units(sentence[at:], at)
    assert [sentence[m.start : m.end] for m in found] == ["Sở Y tế", "Sở Tư pháp tỉnh Hòa Bình"]


def test_a_decomposed_list_reads_as_its_composed_spelling_once_cleaned() -> None:
    text = "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hoá, Huyện ủy Ea H’leo, Krông Pắc"
    decomposed = clean_text(unicodedata.normalize("NFD", text))
    assert _names(decomposed) == [
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Thanh Hoá",
        "Huyện ủy Ea H'leo",
        "Huyện ủy Krông Pắc",
    ]
