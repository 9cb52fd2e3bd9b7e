"""Reading documents into text for extraction: real files of each kind, made here (no mocks).

The PDF with a text layer is printed by Debian's headless Chromium, as a person's "Save as PDF"
of a page would be; like the other browser tests it skips without /usr/bin/chromium unless
THIDUA_REQUIRE_BROWSER is set (`make test` sets it).
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import docx
import pypdf
import pytest
from tests.conftest import ARTICLES_DIR
from tests.test_e2e import CHROMIUM, CHROMIUM_ARGS, require_browser

from thidua.errors import FileRejected
from thidua.extract.documents import read_document
from thidua.extract.model import Document

MEMBERS = (
    "Cụm thi đua số 8 gồm các đơn vị: Sở Ngoại vụ (Trưởng Cụm), Ban Dân tộc tỉnh (Phó Trưởng "
    "Cụm), Sở Tư pháp, Thanh tra tỉnh và Sở Nội vụ."
)
SOURCE_URL = "http://baothanhhoa.vn/thoi-su/cum-thi-dua-so-8-ky-ket-giao-uoc/163353.htm"

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Cụm thi đua số 8 ký kết giao ước thi đua năm 2023 - Báo Tỉnh</title>
<link rel="stylesheet" href="/static/main.css">
<link rel="canonical" href="https://baotinh.vn/thoi-su/cum-thi-dua-so-8-ky-ket-giao-uoc-123.htm">
<meta property="og:title" content="Cụm thi đua số 8 ký kết giao ước thi đua năm 2023">
<meta property="article:published_time" content="2023-02-24T09:30:00+07:00">
<script>window.dataLayer = [];</script>
<style>.main-menu {{ display: flex }}</style>
</head>
<body>
<div class="hotline">Đường dây nóng: 0237 3721150</div>
<nav class="main-menu"><ul>
  <li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
</ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
<!-- quảng cáo đầu trang -->
<div class="container">
 <article class="article-detail">
  <h1 class="article-title">Cụm thi đua số 8 ký kết giao ước thi đua năm 2023</h1>
  <div class="article-meta"><time datetime="2023-02-24T09:30">24/02/2023 09:30</time></div>
  <p class="sapo">Sáng 24-2, Cụm thi đua số 8 tổ chức hội nghị ký kết giao ước thi đua
  năm 2023.</p>
  <div class="article-body">
   <p>{MEMBERS}</p>
   <figure class="image"><img src="/anh/hoi-nghi.jpg" alt="">
     <figcaption>Toàn cảnh hội nghị</figcaption></figure>
   <p>Năm 2022, các đơn vị trong Cụm đã hoàn thành tốt nhiệm vụ; Sở Ngoại vụ được
   <b>Ủy ban nhân dân tỉnh</b> tặng Cờ thi đua.</p>
   <!-- quảng cáo giữa bài --><p class="image-caption">Các đại biểu ký giao ước thi đua</p>
   <table>
    <tr><th>Đơn vị</th><th>Chức danh</th></tr>
    <tr><td>Sở Ngoại vụ</td><td>Trưởng Cụm</td></tr>
   </table>
   <p>Hội nghị thống nhất Ban Dân tộc tỉnh làm Trưởng Cụm năm 2023.</p>
   <div class="box-tin-lien-quan"><h3>Tin liên quan</h3><ul>
     <li><a href="/a">Cụm thi đua số 3 tổng kết năm 2022</a></li>
     <li><a href="/b">Khối thi đua các cơ quan Đảng sơ kết 6 tháng</a></li>
   </ul></div>
   <div class="share-buttons">Chia sẻ: Facebook Zalo</div>
   <div class="author">Minh Anh</div>
  </div>
  <div class="tags">Từ khóa: thi đua, khen thưởng</div>
 </article>
 <div id="box-comment"><h3>Bình luận</h3>
  <div class="comment-item"><p>Bài viết rất hay, cảm ơn tác giả!</p></div>
  <form><textarea>Nhập bình luận</textarea><button>Gửi bình luận</button></form>
 </div>
 <aside class="sidebar"><h3>Đọc nhiều</h3><ul><li>Cụm thi đua số 5 sơ kết 6 tháng</li></ul></aside>
</div>
<footer class="site-footer"><p>© Báo Tỉnh. Giấy phép số 123/GP-BTTTT</p></footer>
</body>
</html>
"""

FURNITURE = (
    "Đường dây nóng",
    "Trang chủ",
    "Thời sự",
    "quảng cáo",
    "dataLayer",
    "display",
    "24/02/2023",
    "Toàn cảnh hội nghị",
    "Các đại biểu ký giao ước",
    "Tin liên quan",
    "Cụm thi đua số 3",
    "Khối thi đua các cơ quan Đảng",
    "Chia sẻ",
    "Từ khóa",
    "Bình luận",
    "Bài viết rất hay",
    "Nhập bình luận",
    "Đọc nhiều",
    "Cụm thi đua số 5",
    "Giấy phép",
)


def _read(path: Path) -> Document:
    """Read twice (evidence offsets rely on the same text) and check the text's shape."""
    doc = read_document(path)
    assert read_document(path) == doc
    text = doc.text
    assert text == text.strip()
    assert unicodedata.is_normalized("NFC", text)
    assert "\n\n\n" not in text
    assert all(p and p == p.strip() and "\n" not in p for p in text.split("\n\n"))
    return doc


def _paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


# --- HTML ---------------------------------------------------------------------------------------


def test_news_page_keeps_the_article_and_drops_the_page_furniture(tmp_path: Path) -> None:
    path = tmp_path / "cum-8-giao-uoc.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    doc = _read(path)
    assert _paragraphs(doc) == [
        "Cụm thi đua số 8 ký kết giao ước thi đua năm 2023",
        "Sáng 24-2, Cụm thi đua số 8 tổ chức hội nghị ký kết giao ước thi đua năm 2023.",
        MEMBERS,
        "Năm 2022, các đơn vị trong Cụm đã hoàn thành tốt nhiệm vụ; Sở Ngoại vụ được "
        "Ủy ban nhân dân tỉnh tặng Cờ thi đua.",
        "Đơn vị | Chức danh",
        "Sở Ngoại vụ | Trưởng Cụm",
        "Hội nghị thống nhất Ban Dân tộc tỉnh làm Trưởng Cụm năm 2023.",
        "Minh Anh",
    ]
    for furniture in FURNITURE:
        assert furniture not in doc.text, furniture
    assert doc.kind == "html"
    assert doc.title == "Cụm thi đua số 8 ký kết giao ước thi đua năm 2023"
    assert doc.url == "https://baotinh.vn/thoi-su/cum-thi-dua-so-8-ky-ket-giao-uoc-123.htm"
    assert doc.source == doc.url
    assert doc.published == "2023-02-24"
    assert doc.path == str(path)


def test_page_without_paragraph_tags_reads_its_text_between_line_breaks(tmp_path: Path) -> None:
    """An older portal: a layout table around a <div> of text and <br>s, a photo's caption in
    the photo's paragraph, no <article>, no canonical link, the date only in a <time>."""
    page = """<html><head><meta charset="utf-8">
<meta property="og:url" content="https://tinh.gov.vn/tin-tuc/khoi-2-tong-ket-2023">
<title>Khối thi đua số 2 tổng kết năm 2023 - Cổng thông tin</title></head>
<body>
<div id="header"><h1 class="logo">Cổng thông tin tỉnh</h1>
  <ul class="menu"><li>Giới thiệu</li><li>Tin tức</li></ul></div>
<table id="main"><tr>
 <td class="left-col"><ul class="menu"><li>Văn bản</li><li>Thi đua</li></ul></td>
 <td>
 <div class="news-detail">
  <time datetime="2023-12-20">20/12/2023</time>
  <div class="content">Ngày 20-12, Khối thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua,
  khen thưởng năm 2023 và triển khai nhiệm vụ năm 2024.<br><br>
  <p><img src="/anh/khoi-2.jpg" alt=""><br><em>Các đại biểu dự hội nghị</em></p>
  Khối gồm: Sở Y tế (Khối trưởng), Sở <b>Giáo dục</b> và Đào tạo (Khối phó), Sở Lao động,
  Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch.<br>
  Hội nghị đã bình xét thi đua và suy tôn Sở Y tế là đơn vị dẫn đầu Khối năm 2023.</div>
 </div>
 <div class="tin-khac"><h3>Các tin khác</h3><a href="/x">Cụm thi đua số 4 giao ước</a></div>
 </td>
</tr></table>
<div id="footer">Bản quyền thuộc Cổng thông tin tỉnh</div>
</body></html>"""
    path = tmp_path / "khoi-2.htm"
    path.write_text(page, encoding="utf-8")
    doc = _read(path)
    assert _paragraphs(doc) == [
        "Khối thi đua số 2 tổng kết năm 2023 - Cổng thông tin",
        "20/12/2023",
        "Ngày 20-12, Khối thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua, khen thưởng "
        "năm 2023 và triển khai nhiệm vụ năm 2024.",
        "Khối gồm: Sở Y tế (Khối trưởng), Sở Giáo dục và Đào tạo (Khối phó), Sở Lao động, "
        "Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch.",
        "Hội nghị đã bình xét thi đua và suy tôn Sở Y tế là đơn vị dẫn đầu Khối năm 2023.",
    ]
    assert doc.url == "https://tinh.gov.vn/tin-tuc/khoi-2-tong-ket-2023"
    assert doc.published == "2023-12-20"


# --- Word ---------------------------------------------------------------------------------------


def test_word_report_keeps_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    report = docx.Document()
    report.add_paragraph("BÁO CÁO TỔNG KẾT CỤM THI ĐUA SỐ 8 NĂM 2023")
    report.add_paragraph("")
    intro = report.add_paragraph("Cụm thi đua số 8 gồm các đơn vị")
    intro.add_run().add_break()
    intro.add_run("như sau:")
    table = report.add_table(rows=4, cols=3)
    rows = [
        ("STT", "Đơn vị", "Chức danh"),
        ("1", "Sở Ngoại vụ", "Trưởng Cụm"),
        ("2", "Ban Dân tộc tỉnh", "Phó Trưởng Cụm"),
        ("3", "Sở Tư pháp", ""),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = table.cell(3, 1).merge(table.cell(3, 2))
    merged.text = "Sở Tư pháp (thành viên)"
    report.add_paragraph("Hội nghị thống nhất Ban Dân tộc tỉnh làm Trưởng Cụm năm 2024.")
    path = tmp_path / "bao-cao-cum-8.docx"
    report.save(str(path))

    doc = _read(path)
    assert _paragraphs(doc) == [
        "BÁO CÁO TỔNG KẾT CỤM THI ĐUA SỐ 8 NĂM 2023",
        "Cụm thi đua số 8 gồm các đơn vị như sau:",
        "STT | Đơn vị | Chức danh",
        "1 | Sở Ngoại vụ | Trưởng Cụm",
        "2 | Ban Dân tộc tỉnh | Phó Trưởng Cụm",
        "3 | Sở Tư pháp (thành viên)",
        "Hội nghị thống nhất Ban Dân tộc tỉnh làm Trưởng Cụm năm 2024.",
    ]
    assert doc.kind == "docx"
    assert doc.title == "BÁO CÁO TỔNG KẾT CỤM THI ĐUA SỐ 8 NĂM 2023"
    assert doc.source == "bao-cao-cum-8.docx"
    assert doc.url is None


def test_damaged_word_file_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip archive")
    with pytest.raises(FileRejected, match=r"hong\.docx.*Word.*damaged"):
        read_document(path)


# --- PDF ----------------------------------------------------------------------------------------


@pytest.mark.browser
def test_pdf_text_layer_comes_through_as_nfc_paragraphs(tmp_path: Path) -> None:
    """Printed by Chromium in a narrow column, so the member list wraps over several lines
    (some starting with a capital) and Vietnamese letters come from a fallback font."""
    require_browser()
    page = tmp_path / "bao-cao.html"
    page.write_text(
        f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Báo cáo Cụm thi đua số 8</title>
<style>body {{ width: 9cm; font-size: 12pt }} p {{ margin: 0 0 6pt 0 }}</style></head><body>
<h1>Báo cáo tổng kết Cụm thi đua số 8</h1>
<p>{MEMBERS}</p>
<p>Đồng chí Giám đốc Sở Ngoại vụ phát biểu.</p>
<p>Nguồn Thanh Hóa: {SOURCE_URL}</p>
</body></html>""",
        encoding="utf-8",
    )
    path = tmp_path / "bao-cao.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            *CHROMIUM_ARGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    doc = _read(path)
    paragraphs = _paragraphs(doc)
    assert paragraphs[:3] == [
        "Báo cáo tổng kết Cụm thi đua số 8",
        MEMBERS,
        "Đồng chí Giám đốc Sở Ngoại vụ phát biểu.",
    ]
    assert doc.kind == "pdf"
    assert doc.title == "Báo cáo Cụm thi đua số 8"
    # The URL may wrap in the narrow column; the paragraph that names it starts with "Nguồn".
    assert paragraphs[3].startswith("Nguồn Thanh Hóa: http://baothanhhoa.vn/")
    assert doc.url is not None and doc.source == doc.url


def test_pdf_without_a_text_layer_is_a_user_error(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "ban-quet.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(FileRejected) as raised:
        read_document(path)
    message = str(raised.value)
    assert "ban-quet.pdf" in message
    assert "không có lớp chữ" in message and "no text layer" in message


def test_password_protected_pdf_is_a_user_error(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    path = tmp_path / "mat-khau.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(FileRejected, match=r"mat-khau\.pdf.*mật khẩu.*password"):
        read_document(path)


def test_damaged_pdf_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not a PDF body\n")
    with pytest.raises(FileRejected, match=r"hong\.pdf.*damaged"):
        read_document(path)


# --- plain text ---------------------------------------------------------------------------------


def test_nfd_text_comes_out_nfc_with_its_stated_source(tmp_path: Path) -> None:
    written = (
        f"{MEMBERS}\nHội nghị diễn ra sáng 24-2.\n\n\n  Phong Sắc  \n\n"
        f"Nguồn Thanh Hóa: {SOURCE_URL}\n"
    )
    path = tmp_path / "bai-bao.txt"
    path.write_bytes(unicodedata.normalize("NFD", written).encode("utf-8"))
    doc = _read(path)
    assert _paragraphs(doc) == [
        f"{MEMBERS} Hội nghị diễn ra sáng 24-2.",
        "Phong Sắc",
        f"Nguồn Thanh Hóa: {SOURCE_URL}",
    ]
    assert doc.kind == "text"
    assert doc.url == SOURCE_URL
    assert doc.source == SOURCE_URL


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (b"\xef\xbb\xbf" + MEMBERS.encode("utf-8"), "utf8-bom.txt"),
        (MEMBERS.encode("utf-16"), "utf16.txt"),
        (MEMBERS.encode("utf-8"), "no-extension"),
        (MEMBERS.encode("utf-8"), "ghi-chu.md"),
    ],
)
def test_text_encodings_and_extensions(tmp_path: Path, encoded: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(encoded)
    doc = _read(path)
    assert doc.text == MEMBERS
    assert doc.source == name and doc.url is None


def test_text_typed_on_vietnamese_windows_cp1258(tmp_path: Path) -> None:
    # Code page 1258 has the vowels with their hats and horns, and the tones as combining marks.
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    encoded = b""
    for char in MEMBERS:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        encoded += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    path = tmp_path / "cp1258.txt"
    path.write_bytes(encoded)
    assert _read(path).text == MEMBERS


def test_text_without_blank_lines_has_a_paragraph_per_line(tmp_path: Path) -> None:
    path = tmp_path / "dong.txt"
    path.write_text("Dòng một.\r\nDòng hai, xem https://tinh.gov.vn/tin/1.\r\n", encoding="utf-8")
    doc = _read(path)
    assert _paragraphs(doc) == ["Dòng một.", "Dòng hai, xem https://tinh.gov.vn/tin/1."]
    assert doc.url == "https://tinh.gov.vn/tin/1"


def test_seed_articles_cite_their_stated_url() -> None:
    seeds = sorted(ARTICLES_DIR.glob("*.txt"))
    assert seeds
    for path in seeds:
        doc = _read(path)
        assert doc.source in (doc.url, path.name)
    first = _read(next(ARTICLES_DIR.glob("000_*.txt")))
    assert first.url is not None and first.url.startswith("http://baothanhhoa.vn/")
    assert first.source == first.url


# --- files that cannot be read ------------------------------------------------------------------


def test_unsupported_kind_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(FileRejected) as raised:
        read_document(path)
    rejected = raised.value
    assert rejected.file == "bao-cao.doc"
    for kind in (".html", ".docx", ".pdf", ".txt"):
        assert kind in rejected.message_vi and kind in rejected.message_en


def test_empty_and_missing_files_are_user_errors(tmp_path: Path) -> None:
    empty = tmp_path / "trong.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(FileRejected, match=r"trong\.txt.*empty"):
        read_document(empty)
    with pytest.raises(FileRejected, match=r"khong-co\.html.*cannot open"):
        read_document(tmp_path / "khong-co.html")
