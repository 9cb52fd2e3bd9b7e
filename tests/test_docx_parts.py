"""The Word building blocks of the reports (app/docx_parts.py), read back as a reader sees them.

Every test builds a document with the module, saves it with `to_bytes` and opens the bytes again
with python-docx: the title and core properties, A4 page and administrative margins, Times New
Roman and the proofing language on the styles, Vietnamese text with its diacritics, tables (header
row, shading, repeated header, right-aligned numbers, widths), clickable links (the relationship's
target and the text shown) and the numbering of cited sources.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt

LEADER = "Trưởng cụm/khối"
UNIT = "Sở Ngoại vụ tỉnh Thừa Thiên Huế"


@pytest.fixture
def parts(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/docx_parts.py, imported as Streamlit imports the app's modules."""
    return app_module("docx_parts")


def _reopen(parts: ModuleType, doc: DocumentObject) -> DocumentObject:
    """The document as a reader gets it: saved to bytes and opened again."""
    data: bytes = parts.to_bytes(doc)
    reopened: DocumentObject = docx.Document(io.BytesIO(data))
    return reopened


def _mm(*lengths: Length | None) -> tuple[float, ...]:
    assert all(length is not None for length in lengths)
    return tuple(round(length.mm, 1) for length in lengths if length is not None)


def _style_rpr(doc: DocumentObject, name: str) -> Any:
    rpr = doc.styles[name].element.rPr
    assert rpr is not None, name
    return rpr


# --- the document -------------------------------------------------------------------------------


def test_to_bytes_gives_a_docx_package(parts: ModuleType) -> None:
    data = parts.to_bytes(parts.new_document("vi", "Báo cáo"))
    assert isinstance(data, bytes)
    assert data[:2] == b"PK"  # a .docx is a zip package


def test_new_document_carries_title_language_and_author_in_its_properties(
    parts: ModuleType,
) -> None:
    title = "Báo cáo thi đua Cụm thi đua số 8 năm 2023"
    vi = _reopen(parts, parts.new_document("vi", title)).core_properties
    assert (vi.title, vi.language, vi.author) == (title, "vi-VN", "thidua")
    en = _reopen(parts, parts.new_document("en", "Cluster report")).core_properties
    assert (en.title, en.language) == ("Cluster report", "en-GB")


def test_new_document_is_a4_portrait_with_administrative_margins(parts: ModuleType) -> None:
    section = _reopen(parts, parts.new_document("vi", "x")).sections[0]
    # Word stores lengths in twentieths of a point: compare to a tenth of a millimetre
    assert _mm(section.page_width, section.page_height) == (210, 297)
    assert _mm(section.left_margin, section.right_margin) == (30, 15)
    assert _mm(section.top_margin, section.bottom_margin) == (20, 20)


def test_body_text_is_times_new_roman_13_pt_in_black(parts: ModuleType) -> None:
    doc = _reopen(parts, parts.new_document("vi", "x"))
    normal = doc.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(13))
    assert doc.styles["Heading 1"].font.size == Pt(14)
    assert doc.styles["Heading 2"].font.size == Pt(13)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Number"):
        assert str(doc.styles[name].font.color.rgb) == "000000", name


@pytest.mark.parametrize(("lang", "tag"), [("vi", "vi-VN"), ("en", "en-GB")])
def test_every_style_uses_times_new_roman_for_every_script_and_the_reports_language(
    parts: ModuleType, lang: str, tag: str
) -> None:
    doc = _reopen(parts, parts.new_document(lang, "x"))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Number"):
        rpr = _style_rpr(doc, name)
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts is not None, name
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            assert fonts.get(qn(attr)) == "Times New Roman", (name, attr)
        # a theme font would win over the name (the template's headings have one)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            assert fonts.get(qn(theme)) is None, (name, theme)
        langs = rpr.findall(qn("w:lang"))
        assert [tag_.get(qn("w:val")) for tag_ in langs] == [tag], name


def test_setting_the_font_twice_leaves_one_language_tag(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    run = doc.add_paragraph().add_run("Sở Tư pháp")
    parts._font(run._r, "vi")
    parts._font(run._r, "en")  # a run switched to English is English only
    reopened = _reopen(parts, doc)
    rpr = reopened.paragraphs[-1].runs[0]._r.rPr
    assert rpr is not None
    assert [t.get(qn("w:val")) for t in rpr.findall(qn("w:lang"))] == ["en-GB"]
    assert rpr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"


def test_language_tag_lands_in_schema_order_before_later_properties(parts: ModuleType) -> None:
    # Word refuses run properties out of order: w:lang comes after w:rFonts, w:b and w:sz.
    doc = parts.new_document("vi", "x")
    run = doc.add_paragraph().add_run("Khen thưởng")
    run.bold = True
    run.font.size = Pt(12)
    parts._font(run._r, "vi")
    rpr = _reopen(parts, doc).paragraphs[-1].runs[0]._r.rPr
    assert rpr is not None
    order = [child.tag for child in rpr]
    assert order.index(qn("w:rFonts")) < order.index(qn("w:lang"))
    assert order.index(qn("w:b")) < order.index(qn("w:lang"))
    assert order.index(qn("w:sz")) < order.index(qn("w:lang"))


# --- paragraphs ---------------------------------------------------------------------------------


def test_centered_paragraph_keeps_vietnamese_diacritics_and_its_size(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc"
    parts.centered(doc, text, size=14)
    parts.centered(doc, "Số liệu mô phỏng", size=11, bold=False)
    first, second = _reopen(parts, doc).paragraphs[-2:]
    assert first.text == text
    assert first.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert (first.runs[0].bold, first.runs[0].font.size) == (True, Pt(14))
    assert second.text == "Số liệu mô phỏng"
    assert second.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert (bool(second.runs[0].bold), second.runs[0].font.size) == (False, Pt(11))


def test_every_vietnamese_letter_and_tone_mark_survives_the_round_trip(parts: ModuleType) -> None:
    letters = (
        "ĂÂĐÊÔƠƯăâđêôơư àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ"
    )
    doc = parts.new_document("vi", letters)
    parts.centered(doc, letters, size=13)
    parts.labelled(doc, "Ghi chú", letters)
    parts.add_table(doc, ["Tên"], [[letters]])
    reopened = _reopen(parts, doc)
    assert reopened.core_properties.title == letters
    assert reopened.paragraphs[-3].text == letters
    assert reopened.paragraphs[-2].text == f"Ghi chú: {letters}"
    assert reopened.tables[0].rows[1].cells[0].text == letters
    assert unicodedata.is_normalized("NFC", reopened.paragraphs[-3].text)


def test_labelled_paragraph_has_the_label_in_bold_and_the_text_plain(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.labelled(doc, LEADER, f"{UNIT} [1]")
    paragraph = _reopen(parts, doc).paragraphs[-1]
    assert paragraph.text == f"{LEADER}: {UNIT} [1]"
    label, text = paragraph.runs
    assert (label.text, label.bold) == (f"{LEADER}: ", True)
    assert text.text == f"{UNIT} [1]" and not text.bold


# --- tables -------------------------------------------------------------------------------------


HEADERS = ["Năm", "Đơn vị", "Điểm", "Hạng"]
ROWS = [
    ["2022", "Sở Tư pháp", "95,5", "1"],
    ["2022", "Thanh tra tỉnh", "92", "2"],
    ["2023", "Sở Nội vụ", "88,25", "3"],
]


def _table_doc(parts: ModuleType, **options: Any) -> DocumentObject:
    doc = parts.new_document("vi", "x")
    parts.add_table(doc, HEADERS, ROWS, **options)
    return _reopen(parts, doc)


def test_table_has_the_header_row_then_every_row_in_order(parts: ModuleType) -> None:
    table = _table_doc(parts).tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [HEADERS, *ROWS]


def test_table_rows_may_come_from_any_iterable(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.add_table(doc, ["Đơn vị"], (("Sở " + name,) for name in ("Y tế", "Xây dựng")))
    table = _reopen(parts, doc).tables[0]
    assert [row.cells[0].text for row in table.rows] == ["Đơn vị", "Sở Y tế", "Sở Xây dựng"]


def test_table_header_is_bold_shaded_and_repeats_on_every_page(parts: ModuleType) -> None:
    table = _table_doc(parts).tables[0]
    header, first = table.rows[0], table.rows[1]
    header_props = header._tr.trPr
    assert header_props is not None
    repeat = header_props.find(qn("w:tblHeader"))
    assert repeat is not None and repeat.get(qn("w:val")) == "true"
    assert first._tr.trPr is None or first._tr.trPr.find(qn("w:tblHeader")) is None
    for cell in header.cells:
        assert cell.paragraphs[0].runs[0].bold is True
        cell_props = cell._tc.tcPr
        assert cell_props is not None
        shading = cell_props.find(qn("w:shd"))
        assert shading is not None
        assert shading.get(qn("w:fill")) == "E7EEF5"
    for cell in first.cells:
        assert not cell.paragraphs[0].runs[0].bold
        assert cell._tc.tcPr is None or cell._tc.tcPr.find(qn("w:shd")) is None


def test_table_cells_are_10_5_pt_in_a_bordered_centred_table(parts: ModuleType) -> None:
    table = _table_doc(parts).tables[0]
    assert table.style is not None and table.style.name == "Table Grid"
    assert table._tbl.tblPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    sizes = {run.font.size for row in table.rows for c in row.cells for run in c.paragraphs[0].runs}
    assert sizes == {Pt(10.5)}


def test_only_the_numeric_columns_asked_for_are_right_aligned(parts: ModuleType) -> None:
    table = _table_doc(parts, right=(2, 3)).tables[0]
    for row in table.rows[1:]:
        alignments = [cell.paragraphs[0].alignment for cell in row.cells]
        assert alignments == [None, None, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]
    # the header row keeps the default alignment
    assert [c.paragraphs[0].alignment for c in table.rows[0].cells] == [None] * 4


def test_table_without_right_columns_aligns_nothing_right(parts: ModuleType) -> None:
    table = _table_doc(parts).tables[0]
    alignments = {cell.paragraphs[0].alignment for row in table.rows for cell in row.cells}
    assert alignments == {None}


def test_column_widths_are_set_on_grid_and_cells(parts: ModuleType) -> None:
    widths = [15, 90, 30, 20]
    table = _table_doc(parts, widths_mm=widths).tables[0]
    assert table.autofit is False
    grid = [col.get(qn("w:w")) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert [int(w) for w in grid] == [Mm(w).twips for w in widths]
    for row in table.rows:
        assert _mm(*(cell.width for cell in row.cells)) == tuple(widths)


def test_a_row_with_a_missing_cell_is_refused_not_shifted(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    with pytest.raises(ValueError):
        parts.add_table(doc, HEADERS, [["2022", "Sở Tư pháp", "95,5"]])


def test_a_table_is_followed_by_an_empty_paragraph(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.add_table(doc, HEADERS, ROWS)
    parts.labelled(doc, "Ghi chú", "hết bảng")
    body = list(_reopen(parts, doc).element.body.iterchildren())
    tags = [child.tag for child in body]
    position = tags.index(qn("w:tbl"))
    after = body[position + 1]
    assert after.tag == qn("w:p")
    assert "".join(after.itertext()) == ""


# --- links --------------------------------------------------------------------------------------


URL = "https://tuyenquang.gov.vn/tin-tuc/tong-ket-cum-thi-dua-so-8-nam-2023?id=12&lang=vi"


def _hyperlinks(doc: DocumentObject) -> list[Any]:
    return [h for p in doc.paragraphs for h in p.hyperlinks]


def test_link_points_at_its_url_through_an_external_relationship(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.add_link(doc.add_paragraph("Nguồn: "), URL, "Báo Tuyên Quang, 14/01/2024")
    reopened = _reopen(parts, doc)
    (link,) = _hyperlinks(reopened)
    relationship = reopened.part.rels[link._hyperlink.rId]
    assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
    assert relationship.is_external
    assert relationship.target_ref == URL
    assert link.address == URL


def test_link_shows_its_text_after_the_paragraphs_own_words(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.add_link(doc.add_paragraph("Nguồn: "), URL, "Báo Tuyên Quang, 14/01/2024")
    paragraph = _reopen(parts, doc).paragraphs[-1]
    (link,) = paragraph.hyperlinks
    assert link.text == "Báo Tuyên Quang, 14/01/2024"
    assert paragraph.text == "Nguồn: Báo Tuyên Quang, 14/01/2024"


def test_link_without_text_shows_the_url(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.add_link(doc.add_paragraph(), URL)
    (link,) = _hyperlinks(_reopen(parts, doc))
    assert link.text == URL


def test_link_is_drawn_blue_and_underlined(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    parts.add_link(doc.add_paragraph(), URL, "bài báo")
    (link,) = _hyperlinks(_reopen(parts, doc))
    (run,) = link.runs
    assert str(run.font.color.rgb) == "0B57D0"
    assert run.underline is True


def test_two_links_keep_their_own_targets(parts: ModuleType) -> None:
    doc = parts.new_document("vi", "x")
    paragraph = doc.add_paragraph()
    other = "https://thiduakhenthuong.gov.vn/van-ban/quyet-dinh-123"
    parts.add_link(paragraph, URL, "một")
    parts.add_link(paragraph, other, "hai")
    reopened = _reopen(parts, doc)
    targets = {
        h.text: reopened.part.rels[h._hyperlink.rId].target_ref for h in _hyperlinks(reopened)
    }
    assert targets == {"một": URL, "hai": other}


# --- citations ----------------------------------------------------------------------------------


def test_sources_are_numbered_in_the_order_first_cited(parts: ModuleType) -> None:
    citations = parts.Citations()
    assert citations.cite("article:002") == "[1]"
    assert citations.cite("decision:QĐ-15") == "[2]"
    assert citations.cite("article:001") == "[3]"
    assert citations.cited() == [(1, "article:002"), (2, "decision:QĐ-15"), (3, "article:001")]


def test_a_source_cited_again_keeps_its_number(parts: ModuleType) -> None:
    citations = parts.Citations()
    citations.cite("article:002")
    citations.cite("article:005")
    assert citations.cite("article:002") == "[1]"
    assert citations.cite("  article:005 ") == "[2]"  # spaces around a reference do not count
    assert citations.cited() == [(1, "article:002"), (2, "article:005")]


def test_several_references_are_cited_once_each_in_number_order(parts: ModuleType) -> None:
    citations = parts.Citations()
    citations.cite("b")
    citations.cite("a")
    # "; "-separated lists and several arguments; "b" is listed twice but cited once
    assert citations.cite("a; b", "b") == "[1][2]"
    assert citations.cite("c;a") == "[2][3]"
    assert citations.cited() == [(1, "b"), (2, "a"), (3, "c")]


def test_missing_or_blank_references_cite_nothing(parts: ModuleType) -> None:
    citations = parts.Citations()
    assert citations.cite(None) == ""
    assert citations.cite("", " ; ;") == ""
    assert citations.cited() == []
    assert citations.cite(None, "article:002") == "[1]"


def test_each_report_numbers_its_own_sources(parts: ModuleType) -> None:
    first, second = parts.Citations(), parts.Citations()
    first.cite("article:001", "article:002")
    assert second.cite("article:002") == "[1]"
    assert second.cited() == [(1, "article:002")]


def test_citations_and_their_list_read_back_from_the_document(parts: ModuleType) -> None:
    """As a report uses them: numbers in a labelled line and a table's source column, the list
    under "Nguồn" at the end in number order."""
    doc = parts.new_document("vi", "Báo cáo")
    citations = parts.Citations()
    parts.labelled(doc, LEADER, f"{UNIT} {citations.cite('article:002')}")
    rows = [
        ["Sở Tư pháp", citations.cite("article:005")],
        ["Thanh tra tỉnh", citations.cite("article:002; article:007")],
    ]
    parts.add_table(doc, ["Đơn vị", "Nguồn"], rows)
    doc.add_heading("Nguồn", level=2)
    for number, ref in citations.cited():
        doc.add_paragraph(f"[{number}] {ref}")
    reopened = _reopen(parts, doc)
    texts = [p.text for p in reopened.paragraphs]
    assert f"{LEADER}: {UNIT} [1]" in texts
    assert [row.cells[1].text for row in reopened.tables[0].rows] == ["Nguồn", "[2]", "[1][3]"]
    assert texts[texts.index("Nguồn") + 1 :] == [
        "[1] article:002",
        "[2] article:005",
        "[3] article:007",
    ]
