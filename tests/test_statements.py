"""What one sentence states about units (thidua.extract.statements): member lists, roles, ranks
and awards, each unit as written with where it stands in the sentence. The reviewer accepts
these as records, so a rank given to the wrong unit or an award proposed read as given would
land as a false fact."""

from __future__ import annotations

import pytest

from thidua.extract.statements import awards, member_list, member_lists, ranks, roles
from thidua.normalize import match_key


def _unknown(_name: str) -> bool:
    return False


def _at(text: str, start: int, end: int) -> str:
    return text[start:end]


# --- member lists -----------------------------------------------------------------------------


def test_a_clusters_list_gives_its_members_and_the_count_it_states() -> None:
    text = (
        "Cụm thi đua số 3 gồm 4 đơn vị: Sở Y tế, Sở GD&ĐT, Cục Thuế tỉnh và BHXH tỉnh Nghệ An "
        "đã tổ chức hội nghị tổng kết."
    )
    listed = member_list(text, _unknown)
    assert listed is not None
    assert [m.name for m in listed.members] == [
        "Sở Y tế",
        "Sở GD&ĐT",
        "Cục Thuế tỉnh",
        "BHXH tỉnh Nghệ An",
    ]
    assert [_at(text, m.start, m.end) for m in listed.members] == [m.name for m in listed.members]
    assert listed.stated_count == 4


def test_a_list_in_brackets_ends_at_its_bracket() -> None:
    text = (
        "Cụm thi đua số 7 (gồm: UB MTTQ tỉnh, Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh) đã "
        "tổ chức tổng kết năm 2016 tại Sở Nội vụ."
    )
    listed = member_list(text, _unknown)
    assert listed is not None
    assert [m.name for m in listed.members] == [
        "UB MTTQ tỉnh",
        "Liên đoàn Lao động tỉnh",
        "Hội Nông dân tỉnh",
    ]
    assert listed.stated_count is None


def test_each_cluster_of_a_sentence_gives_its_own_list() -> None:
    text = (
        "Cụm thi đua số 3 gồm Sở Y tế, Sở Nội vụ; Cụm thi đua số 4 gồm KBNN Quảng Ngãi, Bình "
        "Định và Phú Yên đã tổng kết năm 2023."
    )
    found = member_lists(text, _unknown)
    assert [[m.name for m in listed.members] for listed in found] == [
        ["Sở Y tế", "Sở Nội vụ"],
        ["KBNN Quảng Ngãi", "KBNN Bình Định", "KBNN Phú Yên"],
    ]


def test_a_covering_prefix_before_the_colon_is_the_list_and_its_statement_is_left_out() -> None:
    text = (
        "Cụm thi đua số 3 gồm UBND các huyện: Lạc Dương, Đam Rông và Lâm Hà, trong đó UBND "
        "huyện Lạc Dương là Cụm trưởng."
    )
    listed = member_list(text, _unknown)
    assert listed is not None
    assert [m.name for m in listed.members] == [
        "UBND huyện Lạc Dương",
        "UBND huyện Đam Rông",
        "UBND huyện Lâm Hà",
    ]


def test_the_members_may_be_the_subject() -> None:
    text = "Năm 2023, các thành viên gồm Sở Y tế, Sở Nội vụ và Sở Tư pháp."
    listed = member_list(text, _unknown)
    assert listed is not None and len(listed.members) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Cụm thi đua số 1 gồm Sở Y tế.",  # one name is no list
        "Hội nghị gồm các đại biểu của Sở Y tế và Sở Nội vụ.",  # not a cluster's members
        "Sở Y tế và Sở Nội vụ đã tổ chức hội nghị.",
    ],
)
def test_no_roster_is_read_where_the_sentence_lists_no_clusters_members(text: str) -> None:
    assert member_lists(text, _unknown) == []


# --- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hội nghị đã bầu Ban Dân tộc tỉnh làm Cụm trưởng, Sở Tư pháp làm Cụm phó năm 2022.",
            [("Ban Dân tộc tỉnh", "leader", True), ("Sở Tư pháp", "deputy", True)],
        ),
        (
            "Hội nghị thống nhất giới thiệu BHXH tỉnh Nghệ An làm Khối trưởng năm 2024.",
            [("BHXH tỉnh Nghệ An", "leader", True)],
        ),
        (
            "Cụm thi đua số 8 gồm 8 đơn vị, do Sở Ngoại vụ làm Cụm trưởng.",
            [("Sở Ngoại vụ", "leader", False)],
        ),
        ("Năm 2023, Sở NN&PTNT là Cụm phó.", [("Sở NN&PTNT", "deputy", False)]),
        (
            "Tại TP. Quy Nhơn, KBNN Bình Định, đơn vị Trưởng khối, đã tổ chức hội nghị.",
            [("KBNN Bình Định", "leader", False)],
        ),
        (
            "Đơn vị trưởng cụm là Sở Tư pháp, cụm phó là Sở Y tế.",
            [("Sở Tư pháp", "leader", False), ("Sở Y tế", "deputy", False)],
        ),
    ],
    ids=["elected", "introduced", "do-X-lam", "la", "appositive", "role-first"],
)
def test_a_role_goes_to_the_unit_the_sentence_gives_it_to(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    """Elected roles are for the coming year, described ones for the year reported."""
    found = roles(text, _unknown)
    assert [(r.unit.name, r.role, r.elected) for r in found] == expected
    assert all(_at(text, r.unit.start, r.unit.end) == r.unit.name for r in found)


def test_a_year_named_with_the_role_is_kept() -> None:
    text = "Cụm trưởng năm 2025 là Sở Y tế, Cụm phó là Sở Nội vụ."
    found = roles(text, _unknown)
    assert [(r.unit.name, r.role, r.year) for r in found] == [
        ("Sở Y tế", "leader", 2025),
        ("Sở Nội vụ", "deputy", None),
    ]


def test_a_numbered_deputy_keeps_its_order() -> None:
    text = "Hội nghị bầu Sở Tư pháp làm Phó khối 1, Sở Nội vụ làm Phó khối 2."
    assert [(r.unit.name, r.role, r.role_order) for r in roles(text, _unknown)] == [
        ("Sở Tư pháp", "deputy", 1),
        ("Sở Nội vụ", "deputy", 2),
    ]


def test_a_clusters_own_name_is_no_role() -> None:
    assert roles("Cụm thi đua số 3 là cụm có nhiều thành viên nhất.", _unknown) == []


# --- ranks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kết quả suy tôn: Ban Dân tộc (xếp thứ Nhất), Sở Tư pháp (xếp thứ Nhì) và Sở Nội vụ "
            "(xếp thứ Ba).",
            [("Ban Dân tộc", 1), ("Sở Tư pháp", 2), ("Sở Nội vụ", 3)],
        ),
        (
            "Kết quả xếp hạng: 1. Sở Y tế; 2. Sở Nội vụ; 3. Cục Thuế tỉnh.",
            [("Sở Y tế", 1), ("Sở Nội vụ", 2), ("Cục Thuế tỉnh", 3)],
        ),
        (
            "Xếp thứ Nhất: Sở Tư pháp; xếp thứ Nhì: Sở Y tế.",
            [("Sở Tư pháp", 1), ("Sở Y tế", 2)],
        ),
        (
            "Sở Y tế, Sở GD&ĐT và Cục Thuế lần lượt xếp thứ Nhất, Nhì, Ba.",
            [("Sở Y tế", 1), ("Sở GD&ĐT", 2), ("Cục Thuế", 3)],
        ),
        (
            "Ban Dân tộc xếp thứ Nhất, Sở Tư pháp xếp thứ Nhì.",
            [("Ban Dân tộc", 1), ("Sở Tư pháp", 2)],
        ),
        (
            "BHXH tỉnh Nghệ An được suy tôn dẫn đầu Khối; xếp thứ Nhì là Cục Thuế tỉnh.",
            [("Cục Thuế tỉnh", 2), ("BHXH tỉnh Nghệ An", 1)],
        ),
        (
            "Năm 2023, dẫn đầu Cụm thi đua số 5 là Sở Giáo dục và Đào tạo.",
            [("Sở Giáo dục và Đào tạo", 1)],
        ),
        (
            "Hội nghị đề nghị UBND tỉnh tặng Cờ thi đua cho Liên đoàn Lao động tỉnh là đơn vị "
            "dẫn đầu Cụm.",
            [("Liên đoàn Lao động tỉnh", 1)],
        ),
    ],
    ids=["brackets", "numbered", "ordinal-first", "in-turn", "each", "leads", "lead-is", "award"],
)
def test_each_rank_goes_to_the_unit_the_sentence_ranks(
    text: str, expected: list[tuple[str, int]]
) -> None:
    found = ranks(text, _unknown)
    assert [(r.unit.name, r.rank) for r in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dẫn đầu Cụm thi đua số 5 là Sở Giáo dục và Đào tạo.",
        "Dẫn đầu Khối là BHXH tỉnh Nghệ An.",
    ],
)
def test_the_leader_is_read_from_a_sentence_opening_with_dan_dau(text: str) -> None:
    """Reports often open the results with the leading unit; "Xếp thứ Nhì là …" is read there."""
    assert [r.rank for r in ranks(text, _unknown)] == [1]


def test_a_cluster_is_never_ranked_as_a_unit() -> None:
    assert ranks("Cụm thi đua số 5 xếp thứ Nhất toàn tỉnh.", _unknown) == []


# --- awards -----------------------------------------------------------------------------------


def _awards(text: str) -> list[tuple[str | None, str, str | None, str]]:
    return [
        (a.unit.name if a.unit else None, a.award, a.issuer, a.status)
        for a in awards(text, _unknown)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hội nghị thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế và Sở Tư pháp.",
            [
                ("Sở Y tế", "Cờ thi đua của UBND tỉnh", "UBND tỉnh", "proposed"),
                ("Sở Tư pháp", "Cờ thi đua của UBND tỉnh", "UBND tỉnh", "proposed"),
            ],
        ),
        (
            "Hội đồng đã xét duyệt, thông qua đề nghị tặng Cờ thi đua của UBND tỉnh cho Liên "
            "đoàn Lao động tỉnh.",
            [("Liên đoàn Lao động tỉnh", "Cờ thi đua của UBND tỉnh", "UBND tỉnh", "approved")],
        ),
        (
            "Sở Y tế vinh dự đón nhận Cờ thi đua của Chính phủ.",
            [("Sở Y tế", "Cờ thi đua của Chính phủ", "Chính phủ", "decided")],
        ),
        (
            "Chủ tịch UBND tỉnh đã tặng Bằng khen cho Sở GD&ĐT.",
            [("Sở GD&ĐT", "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "decided")],
        ),
        (
            "Cụm đề nghị tặng danh hiệu Tập thể lao động xuất sắc cho Trường THPT Lam Kinh.",
            [("Trường THPT Lam Kinh", "Tập thể lao động xuất sắc", None, "proposed")],
        ),
    ],
    ids=["proposed", "approved", "received", "given", "title"],
)
def test_an_award_is_read_with_its_unit_issuer_and_status(
    text: str, expected: list[tuple[str | None, str, str | None, str]]
) -> None:
    assert _awards(text) == expected


def test_two_givers_proposed_at_once_each_give_the_award() -> None:
    text = "Cụm đề nghị Thủ tướng Chính phủ, UBND tỉnh tặng Bằng khen cho Cục Thuế."
    assert _awards(text) == [
        ("Cục Thuế", "Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "proposed"),
        ("Cục Thuế", "Bằng khen của UBND tỉnh", "UBND tỉnh", "proposed"),
    ]


def test_a_second_award_after_a_semicolon_is_given_by_the_same_body() -> None:
    text = (
        "Đề nghị Ban Thường vụ Tỉnh ủy tặng Cờ thi đua cho Ban Tổ chức Tỉnh ủy; tặng Bằng khen "
        "cho Văn phòng Tỉnh ủy."
    )
    assert [(u, issuer) for u, _, issuer, _ in _awards(text)] == [
        ("Ban Tổ chức Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("Văn phòng Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
    ]


def test_a_rotating_flag_belongs_to_its_cluster_not_an_issuer() -> None:
    text = "Cờ luân lưu của Cụm thi đua số 3 đã được trao cho Cục Thống kê Yên Bái."
    assert _awards(text) == [("Cục Thống kê Yên Bái", "Cờ luân lưu", None, "decided")]


def test_the_unit_may_be_named_before_the_award() -> None:
    text = (
        "Đối với UBND huyện Quỳnh Lưu, UBND tỉnh đã có tờ trình đề nghị Thủ tướng Chính phủ "
        "tặng Bằng khen."
    )
    found = awards(text, _unknown)
    assert [(a.unit.name if a.unit else None, a.status) for a in found] == [
        ("UBND huyện Quỳnh Lưu", "proposed")
    ]
    assert found[0].unit is not None
    assert _at(text, found[0].unit.start, found[0].unit.end) == "UBND huyện Quỳnh Lưu"


def test_unnamed_units_and_the_remaining_units_are_said_so() -> None:
    """An award to units the article does not name is still a fact (units unknown); "các đơn vị
    còn lại" is expanded to the roster by the warehouse."""
    assert _awards("Hội nghị suy tôn các đơn vị đề nghị UBND tỉnh tặng Cờ thi đua.") == [
        (None, "Cờ thi đua của UBND tỉnh", "UBND tỉnh", "proposed")
    ]
    assert _awards("Đề nghị UBND tỉnh tặng Bằng khen cho các đơn vị còn lại.") == [
        ("các đơn vị còn lại", "Bằng khen của UBND tỉnh", "UBND tỉnh", "proposed")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Các đơn vị phấn đấu đạt Cờ thi đua của Chính phủ.",
        "Tiêu chuẩn xét tặng Cờ thi đua của UBND tỉnh đã được sửa đổi.",
        "Cờ thi đua là phần thưởng cao quý.",
    ],
    ids=["aim", "standard", "no-status"],
)
def test_an_award_aimed_at_or_described_is_no_award(text: str) -> None:
    assert awards(text, _unknown) == []


def test_a_known_name_joined_by_va_receives_one_award() -> None:
    """The warehouse's knowledge keeps a merged office whole, so it gets one award, not two."""
    text = "Chủ tịch UBND tỉnh đã tặng Bằng khen cho Văn phòng HĐND và UBND huyện Quỳnh Lưu."
    whole = match_key("Văn phòng HĐND và UBND huyện Quỳnh Lưu")
    assert [a.unit.name for a in awards(text, _unknown) if a.unit] == [
        "Văn phòng HĐND",
        "UBND huyện Quỳnh Lưu",
    ]
    found = awards(text, lambda name: match_key(name) == whole)
    assert [a.unit.name for a in found if a.unit] == ["Văn phòng HĐND và UBND huyện Quỳnh Lưu"]
