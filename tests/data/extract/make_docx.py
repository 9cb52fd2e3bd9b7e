"""Write the Word reports of the extraction corpus (tests/data/extract/corpus/*.docx).

Run from the project root: `.venv/bin/python tests/data/extract/make_docx.py`

Each report is a cluster secretariat's year-end report as it is typed in Word: the organiser and
the national motto side by side, the report's number and date, a title, numbered sections, a
members table and a ranking table (STT | Đơn vị | Điểm | Xếp thứ), the recipients and the
signature. The text is invented for the evaluation corpus; the facts it states are written by
hand into tests/data/extract/truth/<same name>.json.

The files are reproducible byte for byte (fixed document properties and zip timestamps), so
running the script again changes nothing unless the content changed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

CORPUS = Path(__file__).resolve().parent / "corpus"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class Heading:
    """A numbered section heading ("I. ĐẶC ĐIỂM TÌNH HÌNH")."""

    text: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


# A block of a report's body, in order.
Block = Heading | Text | Table


@dataclass(frozen=True)
class Report:
    filename: str
    organiser: tuple[str, str]
    number: str
    place_date: str
    title: tuple[str, str]
    body: tuple[Block, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    written: dt.datetime


def _centered(document: DocumentObject, text: str, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = bold


def _header(document: DocumentObject, report: Report) -> None:
    # organiser left, motto right: a borderless two-column table, as the official template has
    table = document.add_table(rows=3, cols=2)
    left = (*report.organiser, report.number)
    right = (*MOTTO, report.place_date)
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        table.cell(i, 0).text = a
        table.cell(i, 1).text = b


def _table(
    document: DocumentObject, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
) -> None:
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for j, title in enumerate(header):
        table.cell(0, j).text = title
        table.cell(0, j).paragraphs[0].runs[0].bold = True
    for i, cells in enumerate(rows, start=1):
        for j, text in enumerate(cells):
            table.cell(i, j).text = text


def _body(document: DocumentObject, blocks: tuple[Block, ...]) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=2)
        elif isinstance(block, Text):
            document.add_paragraph(block.text)
        else:
            _table(document, block.header, block.rows)


def build(report: Report) -> bytes:
    document = Document()
    properties = document.core_properties
    properties.author = "Văn phòng Cụm thi đua"
    properties.last_modified_by = "Văn phòng Cụm thi đua"
    properties.title = " ".join(report.title)
    properties.created = properties.modified = properties.last_printed = report.written
    properties.revision = 1
    _header(document, report)
    _centered(document, report.title[0], bold=True)
    _centered(document, report.title[1], bold=True)
    _body(document, report.body)
    document.add_paragraph("Nơi nhận:\n" + "\n".join(f"- {r};" for r in report.recipients))
    for line in report.signature:
        _centered(document, line, bold=line.isupper())
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed entry timestamps (python-docx stamps them with the time of
    saving, which would make every run a change)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


SCORE_HEADER = ("STT", "Đơn vị", "Điểm", "Xếp thứ")

LAM_DONG_CUM_2 = Report(
    filename="24_bao-cao-lam-dong-cum2-tong-ket-2023.docx",
    organiser=("UBND TỈNH LÂM ĐỒNG", "CỤM THI ĐUA SỐ 2"),
    number="Số: 12/BC-CTĐ2",
    place_date="Lâm Đồng, ngày 22 tháng 12 năm 2023",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024"
        " của Cụm thi đua số 2",
    ),
    body=(
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Text(
            "Thực hiện Quyết định của UBND tỉnh Lâm Đồng về việc thành lập các cụm, khối thi"
            " đua năm 2023, Cụm thi đua số 2 gồm 6 đơn vị như sau:",
        ),
        Table(
            ("STT", "Đơn vị", "Chức danh trong Cụm"),
            (
                ("1", "Sở Nông nghiệp và Phát triển nông thôn", "Cụm trưởng"),
                ("2", "Sở Tài nguyên và Môi trường", "Cụm phó"),
                ("3", "Sở Xây dựng", "Thành viên"),
                ("4", "Sở Giao thông vận tải", "Thành viên"),
                ("5", "Sở Công Thương", "Thành viên"),
                ("6", "Ban Quản lý các khu công nghiệp tỉnh", "Thành viên"),
            ),
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA NĂM 2023"),
        Text(
            "Năm 2023, các đơn vị trong Cụm đã triển khai nghiêm túc nội dung giao ước thi đua"
            " ký ngày 09/3/2023; tổ chức tốt các phong trào thi đua do UBND tỉnh phát động, gắn"
            " với nhiệm vụ chuyên môn. Giá trị sản xuất nông nghiệp tăng 5,9%; tỷ lệ giải ngân"
            " vốn đầu tư công của các đơn vị đạt bình quân 92%; 100% thủ tục hành chính được"
            " cung cấp dịch vụ công trực tuyến. Công tác quản lý đất đai, trật tự xây dựng và"
            " thu hút đầu tư vào các khu công nghiệp có chuyển biến tích cực.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM, BÌNH XÉT THI ĐUA NĂM 2023"),
        Text(
            "Tại Hội nghị tổng kết của Cụm tổ chức ngày 19/12/2023, trên cơ sở kết quả tự chấm"
            " điểm và kiểm tra chéo theo thang điểm 100, các đơn vị đã thống nhất kết quả như"
            " sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Sở Nông nghiệp và Phát triển nông thôn", "95,8", "2"),
                ("2", "Sở Tài nguyên và Môi trường", "93,6", "5"),
                ("3", "Sở Xây dựng", "96,5", "1"),
                ("4", "Sở Giao thông vận tải", "92,9", "6"),
                ("5", "Sở Công Thương", "95,1", "3"),
                ("6", "Ban Quản lý các khu công nghiệp tỉnh", "94,4", "4"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thi đua số 2 thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Xây dựng, đơn"
            " vị dẫn đầu Cụm năm 2023; đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho Sở Nông"
            " nghiệp và Phát triển nông thôn và Sở Công Thương.",
        ),
        Heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Text(
            "Hội nghị thống nhất bầu Sở Tài nguyên và Môi trường làm Cụm trưởng, Sở Xây dựng làm"
            " Cụm phó Cụm thi đua số 2 năm 2024. Các đơn vị tiếp tục đổi mới nội dung, hình"
            " thức tổ chức phong trào thi đua; chú trọng phát hiện, bồi dưỡng và nhân rộng các"
            " điển hình tiên tiến; thực hiện khen thưởng kịp thời, đúng người, đúng thành tích.",
        ),
    ),
    recipients=("Ban Thi đua - Khen thưởng (Sở Nội vụ)", "Các đơn vị trong Cụm", "Lưu: VT"),
    signature=(
        "TM. CỤM THI ĐUA SỐ 2",
        "CỤM TRƯỞNG",
        "GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
        "(đã ký)",
    ),
    written=dt.datetime(2023, 12, 22, 8, 0, 0),
)

LAM_DONG_SCHOOLS = Report(
    filename="25_bao-cao-cum5-truong-thpt-nam-hoc-2023-2024.docx",
    organiser=("SỞ GD&ĐT LÂM ĐỒNG", "CỤM THI ĐUA SỐ 5"),
    number="Số: 03/BC-CTĐ5",
    place_date="Bảo Lộc, ngày 27 tháng 5 năm 2024",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm học 2023-2024 của Cụm thi đua số 5"
        " các trường THPT",
    ),
    body=(
        Heading("I. THÀNH PHẦN CỦA CỤM"),
        Table(
            ("STT", "Đơn vị", "Ghi chú"),
            (
                ("1", "Trường THPT Bảo Lộc", "Cụm trưởng"),
                ("2", "Trường THPT Lộc Thanh", "Cụm phó"),
                ("3", "Trường THPT Nguyễn Du", ""),
                ("4", "Trường THPT Lộc Phát", ""),
                ("5", "Trường THPT Bảo Lâm", ""),
                ("6", "Trường THCS và THPT Lộc Bắc", ""),
            ),
        ),
        Heading("II. KẾT QUẢ NĂM HỌC 2023-2024"),
        Text(
            "Năm học 2023-2024, các trường trong Cụm thực hiện chương trình giáo dục phổ thông"
            " 2018 ở lớp 10 và lớp 11; tỷ lệ học sinh lên lớp đạt 98,7%; 57 học sinh đạt giải"
            ' học sinh giỏi cấp tỉnh, 2 học sinh đạt giải quốc gia. Phong trào thi đua "Đổi mới,'
            ' sáng tạo trong dạy và học" được các trường hưởng ứng tích cực; nhiều sáng kiến'
            " kinh nghiệm được Hội đồng khoa học ngành công nhận.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM THI ĐUA"),
        Text(
            "Hội nghị tổng kết của Cụm được tổ chức ngày 24/5/2024 tại Trường THPT Bảo Lộc. Kết"
            " quả chấm điểm chéo (thang điểm 1000) như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Trường THPT Lộc Thanh", "968", "1"),
                ("2", "Trường THPT Bảo Lộc", "961", "2"),
                ("3", "Trường THPT Nguyễn Du", "955", "3"),
                ("4", "Trường THPT Bảo Lâm", "940", "4"),
                ("5", "Trường THPT Lộc Phát", "932", "5"),
                ("6", "Trường THCS và THPT Lộc Bắc", "917", "6"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Trường THPT Lộc Thanh; đề nghị"
            " công nhận danh hiệu Tập thể lao động xuất sắc cho Trường THPT Bảo Lộc và Trường"
            " THPT Nguyễn Du.",
        ),
        Heading("V. NHIỆM VỤ NĂM HỌC 2024-2025"),
        Text(
            "Hội nghị thống nhất bầu Trường THPT Lộc Thanh làm Cụm trưởng, Trường THPT Nguyễn Du"
            " làm Cụm phó năm học 2024-2025; tiếp tục đẩy mạnh phong trào thi đua dạy tốt, học"
            " tốt, chuẩn bị tốt các điều kiện thực hiện chương trình mới ở lớp 12.",
        ),
    ),
    recipients=("Sở GD&ĐT (Phòng Tổ chức cán bộ)", "Các trường trong Cụm", "Lưu: VT"),
    signature=("TM. CỤM THI ĐUA SỐ 5", "CỤM TRƯỞNG", "HIỆU TRƯỞNG TRƯỜNG THPT BẢO LỘC", "(đã ký)"),
    written=dt.datetime(2024, 5, 27, 8, 0, 0),
)

NGHE_AN_FRONT = Report(
    filename="26_bao-cao-mttq-nghe-an-cum-i-2022.docx",
    organiser=("ỦY BAN MTTQ VIỆT NAM TỈNH NGHỆ AN", "CỤM THI ĐUA SỐ I"),
    number="Số: 01/BC-CTĐ",
    place_date="Vinh, ngày 10 tháng 01 năm 2023",
    title=("BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm 2022 của Cụm thi đua số I"),
    body=(
        Heading("I. TÌNH HÌNH CHUNG"),
        Text(
            "Cụm thi đua số I gồm 5 đơn vị: UBMTTQ thành phố Vinh (Cụm trưởng), UBMTTQ thị xã"
            " Cửa Lò (Cụm phó), UBMTTQ huyện Nghi Lộc, UBMTTQ huyện Hưng Nguyên và UBMTTQ huyện"
            " Nam Đàn.",
        ),
        Table(
            ("STT", "Đơn vị", "Nhiệm vụ trong Cụm"),
            (
                ("1", "UBMTTQ thành phố Vinh", "Cụm trưởng"),
                ("2", "UBMTTQ thị xã Cửa Lò", "Cụm phó"),
                ("3", "UBMTTQ huyện Nghi Lộc", ""),
                ("4", "UBMTTQ huyện Hưng Nguyên", ""),
                ("5", "UBMTTQ huyện Nam Đàn", ""),
            ),
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN"),
        Text(
            'Năm 2022, Mặt trận các địa phương trong Cụm đã vận động Quỹ "Vì người nghèo" được'
            " trên 11 tỷ đồng, hỗ trợ xây mới, sửa chữa 236 nhà Đại đoàn kết; tổ chức tốt Ngày"
            " hội Đại đoàn kết toàn dân tộc ở 100% khu dân cư; thực hiện 48 cuộc giám sát, 19"
            " hội nghị phản biện xã hội.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM, SUY TÔN"),
        Text(
            "Ngày 06/01/2023, Cụm đã tổ chức hội nghị tổng kết, chấm điểm và bỏ phiếu suy tôn"
            " các đơn vị, kết quả như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "UBMTTQ huyện Nam Đàn", "97,0", "1"),
                ("2", "UBMTTQ thành phố Vinh", "96,2", "2"),
                ("3", "UBMTTQ huyện Hưng Nguyên", "95,5", "3"),
                ("4", "UBMTTQ huyện Nghi Lộc", "94,8", "4"),
                ("5", "UBMTTQ thị xã Cửa Lò", "94,1", "5"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thống nhất đề nghị Ủy ban MTTQ Việt Nam tỉnh tặng Cờ thi đua của Ủy ban MTTQ"
            " Việt Nam tỉnh cho UBMTTQ huyện Nam Đàn; tặng Bằng khen của Ủy ban MTTQ Việt Nam"
            " tỉnh cho UBMTTQ thành phố Vinh và UBMTTQ huyện Hưng Nguyên; đề nghị tặng Bằng"
            " khen của Ủy ban Trung ương MTTQ Việt Nam cho UBMTTQ huyện Nam Đàn.",
        ),
        Heading("V. PHƯƠNG HƯỚNG NĂM 2023"),
        Text(
            "Hội nghị đã bầu UBMTTQ thị xã Cửa Lò làm Cụm trưởng, UBMTTQ huyện Nam Đàn làm Cụm"
            " phó năm 2023. Ngay tại hội nghị, các đơn vị đã ký kết giao ước thi đua năm 2023.",
        ),
    ),
    recipients=("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Các đơn vị trong Cụm", "Lưu"),
    signature=("TM. CỤM THI ĐUA SỐ I", "CỤM TRƯỞNG", "CHỦ TỊCH UBMTTQ THÀNH PHỐ VINH", "(đã ký)"),
    written=dt.datetime(2023, 1, 10, 8, 0, 0),
)

REPORTS = (LAM_DONG_CUM_2, LAM_DONG_SCHOOLS, NGHE_AN_FRONT)


def main() -> None:
    for report in REPORTS:
        path = CORPUS / report.filename
        path.write_bytes(build(report))
        print(path.relative_to(CORPUS.parents[3]))


if __name__ == "__main__":
    main()
