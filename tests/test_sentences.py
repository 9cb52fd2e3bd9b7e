"""A document's body and its sentences (thidua.extract.sentences). Every proposed record quotes
the sentence it came from with its offsets, so the reviewer can find it in the document; a
sentence cut at "TP." or inside a numbered list would split one statement into two, and a page's
"related news" read as the article would propose records of other clusters."""

from __future__ import annotations

import unicodedata

import pytest

from thidua.extract.sentences import MAX_SENTENCE, Sentence, body_end, sentences

# An article body longer than a page menu (a marker this far in ends the article).
BODY = (
    "Chiều 15/7/2022, Cụm thi đua số 5 tỉnh Thanh Hóa tổ chức hội nghị sơ kết công tác thi đua "
    "6 tháng đầu năm 2022. Dự hội nghị có đại diện Ban Thi đua - Khen thưởng tỉnh và lãnh đạo "
    "các đơn vị trong cụm. Hội nghị đã thống nhất các nội dung trọng tâm 6 tháng cuối năm."
)


def _texts(text: str, end: int | None = None) -> list[str]:
    return [s.text for s in sentences(text, end)]


def _assert_offsets(text: str, found: list[Sentence]) -> None:
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_paragraph_is_cut_at_each_full_stop_question_and_exclamation() -> None:
    text = (
        "Ngày 14/01/2022, Cụm thi đua số 8 tổng kết năm 2021. Ban Dân tộc xếp thứ Nhất! "
        "Ai dẫn đầu năm 2022? Đó là Ban Dân tộc… Sở Tư pháp làm Cụm phó."
    )
    assert _texts(text) == [
        "Ngày 14/01/2022, Cụm thi đua số 8 tổng kết năm 2021.",
        "Ban Dân tộc xếp thứ Nhất!",
        "Ai dẫn đầu năm 2022?",
        "Đó là Ban Dân tộc…",
        "Sở Tư pháp làm Cụm phó.",
    ]
    _assert_offsets(text, sentences(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị diễn ra tại TP. Hồ Chí Minh vào ngày 20/12/2023.",
        "Hội nghị diễn ra tại Tp. Thanh Hóa vào ngày 20/12/2023.",
        "PGS. TS. Nguyễn Văn An phát biểu tại hội nghị tổng kết.",
        "Kết quả như sau: 1. Sở Y tế; 2. Sở GD&ĐT; 3. Cục Thuế tỉnh.",
        "Tổng kết năm 2021 theo điểm a. khoản 2 của quy chế.",
    ],
    ids=["TP", "Tp", "titles", "list-numbers", "lower-case-after-stop"],
)
def test_abbreviations_list_numbers_and_lower_case_words_end_no_sentence(text: str) -> None:
    assert _texts(text) == [text]


def test_a_sentence_may_open_with_a_date() -> None:
    text = "Cụm đã họp. 15/7/2022 là ngày sơ kết."
    assert _texts(text) == ["Cụm đã họp.", "15/7/2022 là ngày sơ kết."]


def test_decomposed_text_is_cut_as_composed_text_is() -> None:
    composed = "Hội nghị đã diễn ra. Ổn định tổ chức. Đúng vậy."
    decomposed = unicodedata.normalize("NFD", composed)
    found = sentences(decomposed)
    assert [unicodedata.normalize("NFC", s.text) for s in found] == _texts(composed)
    _assert_offsets(decomposed, found)


def test_paragraphs_are_numbered_and_a_line_break_stays_inside_one() -> None:
    text = "Cụm thi đua số 5\ntỉnh Thanh Hóa họp.\n\nHội nghị bầu Cụm trưởng.\n\n\nKết thúc."
    found = sentences(text)
    assert [(s.paragraph, s.text) for s in found] == [
        (0, "Cụm thi đua số 5\ntỉnh Thanh Hóa họp."),
        (1, "Hội nghị bầu Cụm trưởng."),
        (2, "Kết thúc."),
    ]
    _assert_offsets(text, found)


def test_a_list_after_a_colon_is_one_statement_with_its_lead() -> None:
    """The roster "khối có 4 thành viên:" is stated by the lead and its items together."""
    text = (
        "Năm 2023, khối có 3 thành viên:\n\n1. Văn phòng Tỉnh ủy\n\n2. Ban Tổ chức Tỉnh ủy"
        "\n\n3. Báo Nghệ An\n\nHội nghị kết thúc."
    )
    found = sentences(text)
    assert [s.text for s in found] == [
        "Năm 2023, khối có 3 thành viên:\n\n1. Văn phòng Tỉnh ủy\n\n2. Ban Tổ chức Tỉnh ủy"
        "\n\n3. Báo Nghệ An",
        "Hội nghị kết thúc.",
    ]
    assert found[0].start == 0 and found[0].paragraph == 3
    _assert_offsets(text, found)


@pytest.mark.parametrize("marker", ["- ", "a) ", "+ "])
def test_a_list_ends_where_items_marked_otherwise_begin(marker: str) -> None:
    """ "4. Bầu Cụm trưởng" after the "- " items of point 3 is the next point, not an item."""
    text = f"3. Đề nghị khen thưởng:\n\n{marker}Sở Y tế\n\n{marker}Sở Nội vụ\n\n4. Bầu Cụm trưởng"
    assert _texts(text) == [
        f"3. Đề nghị khen thưởng:\n\n{marker}Sở Y tế\n\n{marker}Sở Nội vụ",
        "4. Bầu Cụm trưởng",
    ]


def test_items_without_a_colon_before_them_stay_apart() -> None:
    text = "Hội nghị đã họp.\n\n1. Sở Y tế\n\n2. Sở Nội vụ"
    assert _texts(text) == ["Hội nghị đã họp.", "1. Sở Y tế", "2. Sở Nội vụ"]


def test_a_text_without_full_stops_is_read_in_pieces_cut_at_a_comma() -> None:
    """A pasted table with no full stop must not become one 20,000-character sentence that
    every reader's pattern scans in full."""
    text = "Sở Giáo dục và Đào tạo, " * 400
    found = sentences(text)
    assert len(found) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in found)
    assert all(s.text.endswith(",") for s in found[:-1])
    _assert_offsets(text, found)
    assert "".join(s.text + " " for s in found).strip() == text.strip()


def test_a_text_without_any_break_is_cut_at_the_longest_length() -> None:
    text = "x" * (2 * MAX_SENTENCE + 10)
    assert [len(s.text) for s in sentences(text)] == [MAX_SENTENCE, MAX_SENTENCE, 10]


def test_only_the_text_before_the_end_is_read() -> None:
    text = BODY + "\n\nTin liên quan\n\nCụm thi đua số 8 tổng kết năm 2021."
    end = body_end(text)
    assert all("Cụm thi đua số 8" not in s for s in _texts(text, end))
    assert _texts(text, end)[-1].endswith("6 tháng cuối năm.")


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nTin liên quan\n\nCụm thi đua số 8 tổng kết năm 2021.",
        "\n\nTIN CÙNG CHUYÊN MỤC\n\nKhối thi đua số 2 họp.",
        "\n\n  Bình luận (0)",
        "\n\nÝ kiến bạn đọc",
        "Liên kết website",
        " Thống kê truy cập: 1.532",
    ],
    ids=["related", "upper-case-heading", "comments", "readers", "glued", "counter"],
)
def test_the_article_ends_at_the_first_page_marker(tail: str) -> None:
    text = BODY + tail
    assert text[: body_end(text)].rstrip() == BODY


def test_a_marker_within_the_prose_or_in_the_page_menu_ends_nothing() -> None:
    """ "xem thêm" inside a sentence is prose; "Tin mới" above the article is the site's menu."""
    prose = BODY + " Các đơn vị có thể xem thêm kế hoạch trên cổng thông tin."
    assert body_end(prose) == len(prose)
    menu = "Tin mới\n\nTin đọc nhiều\n\n" + BODY
    assert body_end(menu) == len(menu)


def test_the_earliest_of_several_markers_ends_the_article() -> None:
    text = BODY + "\n\nBình luận\n\nTin liên quan\n\nXem thêm"
    assert body_end(text) == len(BODY) + 2
