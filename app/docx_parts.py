"""Word building blocks the reports share: a document set up for Vietnamese, tables, citations.

python-docx writes real .docx files but has no footnotes, so sources work as in many printed
reports: each is numbered where it is first cited ("[1]" in the text or a table's source
column) and listed with its number under "Nguồn" at the end (`Citations`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from thidua.i18n.messages import Lang

# The typeface and margins of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP:
# Times New Roman 13-14 pt; left margin 30-35 mm, right 15-20 mm, top and bottom 20-25 mm).
FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 10.5
_LANG_TAGS = {"vi": "vi-VN", "en": "en-GB"}
_HEADER_FILL = "E7EEF5"


def _font(element: Any, lang: Lang) -> None:
    """Times New Roman for every script, and the language Word checks spelling in.

    Through python-docx's own calls where it has them, so each property lands where the schema
    orders it (Word refuses a file whose run properties are out of order).
    """
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    # a theme font would win over the name
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), _LANG_TAGS[lang])
    rpr.insert_element_before(tag, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def new_document(lang: Lang, title: str) -> DocumentObject:
    """An empty A4 document in Times New Roman 13 pt with the administrative margins."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Number"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.color.rgb = RGBColor(0, 0, 0)
        _font(style.element, lang)
    doc.styles["Normal"].font.size = Pt(BODY_PT)
    doc.styles["Heading 1"].font.size = Pt(14)
    doc.styles["Heading 2"].font.size = Pt(13)
    doc.core_properties.title = title
    doc.core_properties.language = _LANG_TAGS[lang]
    doc.core_properties.author = "thidua"
    return doc


def centered(doc: DocumentObject, text: str, *, size: float, bold: bool = True) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return paragraph


def labelled(doc: DocumentObject, label: str, text: str) -> Paragraph:
    """ "Trưởng cụm/khối: Sở Ngoại vụ [1]" with the label in bold."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)
    return paragraph


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _write(cell: _Cell, text: str, *, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(TABLE_PT)


def add_table(
    doc: DocumentObject,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    widths_mm: Sequence[float] | None = None,
    right: Iterable[int] = (),
) -> Table:
    """A bordered table; the header row is shaded and repeats on every page.

    `right`: indexes of the columns aligned right (numbers, ranks).
    """
    aligned = set(right)
    body = [list(values) for values in rows]
    table: Table = doc.add_table(rows=1 + len(body), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, headers, strict=True):
        _write(cell, text, bold=True)
        _shade(cell, _HEADER_FILL)
    for row, values in zip(table.rows[1:], body, strict=True):
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            _write(cell, text, right=index in aligned)
    if widths_mm:
        # Word reads the cells' widths, other readers the grid's: set both.
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)
    doc.add_paragraph()
    return table


def add_link(paragraph: Paragraph, url: str, text: str | None = None) -> None:
    """A clickable link (python-docx has no call for one: the relationship and the run by hand)."""
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0B57D0")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([color, underline])
    run.append(props)
    label = OxmlElement("w:t")
    label.text = text or url
    run.append(label)
    link.append(run)
    paragraph._p.append(link)


class Citations:
    """Sources numbered in the order the report first cites them."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def cite(self, *refs: str | None) -> str:
        """ "[1]" or "[1][3]" for the references (each may list several, "; "-separated)."""
        numbers: list[int] = []
        for value in refs:
            for ref in (value or "").split(";"):
                ref = ref.strip()
                if not ref:
                    continue
                number = self._numbers.setdefault(ref, len(self._numbers) + 1)
                if number not in numbers:
                    numbers.append(number)
        return "".join(f"[{n}]" for n in sorted(numbers))

    def cited(self) -> list[tuple[int, str]]:
        """(number, reference) in number order."""
        return [(n, ref) for ref, n in self._numbers.items()]


def to_bytes(doc: DocumentObject) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
