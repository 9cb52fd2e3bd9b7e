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
    organiser: tuple[str, ...]
    number: str
    place_date: str
    title: tuple[str, str]
    body: tuple[Block, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    written: dt.datetime
    author: str = "Văn phòng Cụm thi đua"
    motto: tuple[str, str] = MOTTO
    # some secretariats type the header as paragraphs, not as the two-column table
    header_as_table: bool = True
    # a second signature column (left of the main one), as minutes have: secretary | chair
    second_signature: tuple[str, ...] = ()


def _centered(document: DocumentObject, text: str, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = bold


def _header(document: DocumentObject, report: Report) -> None:
    if not report.header_as_table:
        for line in report.organiser:
            document.add_paragraph(line).runs[0].bold = True
        document.add_paragraph(report.number)
        _centered(document, report.motto[0], bold=True)
        _centered(document, report.motto[1], bold=True)
        document.add_paragraph(report.place_date).runs[0].italic = True
        return
    # organiser left, motto right: a borderless two-column table, as the official template has
    left: tuple[str, ...] = (*report.organiser, report.number)
    right: tuple[str, ...] = (*report.motto, report.place_date)
    rows = max(len(left), len(right))
    left = left + ("",) * (rows - len(left))
    right = right[:-1] + ("",) * (rows - len(right)) + right[-1:]
    table = document.add_table(rows=rows, cols=2)
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        table.cell(i, 0).text = a
        table.cell(i, 1).text = b


def _signatures(document: DocumentObject, report: Report) -> None:
    if not report.second_signature:
        for line in report.signature:
            _centered(document, line, bold=line.isupper())
        return
    rows = max(len(report.signature), len(report.second_signature))
    table = document.add_table(rows=rows, cols=2)
    for i in range(rows):
        for j, column in enumerate((report.second_signature, report.signature)):
            text = column[i] if i < len(column) else ""
            table.cell(i, j).text = text
            if text.isupper() and table.cell(i, j).paragraphs[0].runs:
                table.cell(i, j).paragraphs[0].runs[0].bold = True


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
    properties.author = report.author
    properties.last_modified_by = report.author
    properties.title = " ".join(report.title)
    properties.created = properties.modified = properties.last_printed = report.written
    properties.revision = 1
    _header(document, report)
    _centered(document, report.title[0], bold=True)
    _centered(document, report.title[1], bold=True)
    _body(document, report.body)
    document.add_paragraph("Nơi nhận:\n" + "\n".join(f"- {r};" for r in report.recipients))
    _signatures(document, report)
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

HOA_BINH_KHOI_KINH_TE = Report(
    filename="62_bao-cao-hoa-binh-khoi-kinh-te-tong-hop-2023.docx",
    organiser=("UBND TỈNH HÒA BÌNH", "KHỐI THI ĐUA CÁC CƠ QUAN KINH TẾ - TỔNG HỢP"),
    number="Số: 09/BC-KTĐ",
    place_date="Hòa Bình, ngày 18 tháng 12 năm 2023",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024"
        " của Khối thi đua các cơ quan kinh tế - tổng hợp",
    ),
    body=(
        Heading("I. ĐẶC ĐIỂM, TÌNH HÌNH"),
        Text(
            "Căn cứ Quyết định số 318/QĐ-UBND ngày 20/02/2023 của UBND tỉnh Hòa Bình về việc"
            " thành lập các cụm, khối thi đua thuộc tỉnh năm 2023, Khối thi đua các cơ quan kinh"
            " tế - tổng hợp gồm 07 đơn vị, cụ thể như sau:",
        ),
        Table(
            ("STT", "Tên đơn vị", "Vai trò trong Khối"),
            (
                ("1", "Sở Kế hoạch và Đầu tư", "Khối trưởng"),
                ("2", "Sở Tài chính", "Khối phó"),
                ("3", "Sở Công Thương", "Thành viên"),
                ("4", "Sở Giao thông vận tải", "Thành viên"),
                ("5", "Sở Xây dựng", "Thành viên"),
                ("6", "Sở Tài nguyên và Môi trường", "Thành viên"),
                ("7", "Ban Quản lý các khu công nghiệp tỉnh", "Thành viên"),
            ),
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM 2023"),
        Text(
            "1. Ngay từ đầu năm, ngày 23/02/2023, các đơn vị trong Khối đã tổ chức ký kết giao"
            " ước thi đua năm 2023 với 7 nội dung chủ yếu. Ngày 14/7/2023, Khối tổ chức hội nghị"
            " sơ kết công tác thi đua 6 tháng đầu năm tại Sở Tài chính, thống nhất các giải pháp"
            " hoàn thành chỉ tiêu, nhiệm vụ 6 tháng cuối năm.",
        ),
        Text(
            "2. Các đơn vị đã tham mưu UBND tỉnh điều hành hoàn thành các chỉ tiêu kinh tế chủ"
            " yếu: tốc độ tăng trưởng GRDP ước đạt 5,12%; tổng thu ngân sách nhà nước trên địa bàn"
            " đạt 5.350 tỷ đồng, bằng 104% dự toán; giải ngân vốn đầu tư công đạt 91,6% kế hoạch;"
            " thu hút 26 dự án đầu tư mới với tổng vốn đăng ký trên 9.700 tỷ đồng; tỷ lệ lấp đầy"
            " các khu công nghiệp đạt 62%. Công tác cải cách hành chính, chuyển đổi số được đẩy"
            " mạnh; 100% văn bản được ký số và gửi, nhận trên môi trường mạng.",
        ),
        Text(
            "3. Phát huy kết quả năm 2022 - năm Sở Kế hoạch và Đầu tư dẫn đầu Khối và đã được"
            " Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ theo Quyết định số 215/QĐ-TTg"
            " ngày 10/3/2023 - các đơn vị tiếp tục đổi mới nội dung, hình thức thi đua, gắn với"
            " thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới"
            " công tác thi đua, khen thưởng.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM, BÌNH XÉT THI ĐUA NĂM 2023"),
        Text(
            "Tại Hội nghị tổng kết của Khối tổ chức ngày 15/12/2023, trên cơ sở kết quả tự chấm"
            " điểm, kiểm tra chéo và bỏ phiếu kín (thang điểm 100), các đơn vị thống nhất kết quả"
            " như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Sở Kế hoạch và Đầu tư", "96,8", "2"),
                ("2", "Sở Tài chính", "97,5", "1"),
                ("3", "Sở Công Thương", "96,2", "3"),
                ("4", "Sở Giao thông vận tải", "94,6", "5"),
                ("5", "Sở Xây dựng", "95,0", "4"),
                ("6", "Sở Tài nguyên và Môi trường", "94,1", "6"),
                ("7", "Ban Quản lý các khu công nghiệp tỉnh", "93,3", "7"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Khối thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Tài chính, đơn vị dẫn đầu"
            " Khối năm 2023; đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho Sở Kế hoạch và Đầu tư"
            " và Sở Công Thương; đề nghị công nhận danh hiệu Tập thể lao động xuất sắc cho Sở Xây"
            " dựng và Sở Giao thông vận tải.",
        ),
        Heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Text(
            "Hội nghị thống nhất bầu Sở Tài chính làm Khối trưởng; Sở Công Thương làm Khối phó"
            " thứ nhất và Sở Xây dựng làm Khối phó thứ hai của Khối thi đua các cơ quan kinh tế -"
            " tổng hợp năm 2024. Các đơn vị tiếp tục thực hiện Luật Thi đua, khen thưởng năm 2022"
            " (có hiệu lực từ ngày 01/01/2024), chú trọng phát hiện, nhân rộng điển hình"
            " tiên tiến.",
        ),
    ),
    recipients=(
        "Ban Thi đua - Khen thưởng (Sở Nội vụ)",
        "Các đơn vị trong Khối",
        "Lưu: VT, Khối",
    ),
    signature=(
        "TM. KHỐI THI ĐUA",
        "KHỐI TRƯỞNG",
        "GIÁM ĐỐC SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "(đã ký)",
    ),
    written=dt.datetime(2023, 12, 18, 9, 0, 0),
)

THOAI_SON_MAM_NON = Report(
    filename="63_bao-cao-thoai-son-cum-02-mam-non-nam-hoc-2023-2024.docx",
    organiser=("PHÒNG GD&ĐT HUYỆN THOẠI SƠN", "CỤM THI ĐUA SỐ 02 - BẬC MẦM NON"),
    number="Số: 04/BC-CTĐ02",
    place_date="Thoại Sơn, ngày 24 tháng 5 năm 2024",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm học 2023-2024 của Cụm thi đua số 02"
        " các trường mầm non, mẫu giáo",
    ),
    body=(
        Heading("I. THÀNH PHẦN CỤM THI ĐUA"),
        Text(
            "Thực hiện Kế hoạch của Phòng Giáo dục và Đào tạo huyện Thoại Sơn về tổ chức phong"
            " trào thi đua năm học 2023-2024, Cụm thi đua số 02 gồm Trường Mẫu giáo Vọng Thê,"
            " Vọng Đông, Thoại Giang, Định Mỹ và Trường Mầm non Núi Sập, cụ thể:",
        ),
        Table(
            ("STT", "Đơn vị", "Nhiệm vụ trong Cụm"),
            (
                ("1", "Trường Mầm non Núi Sập", "Cụm trưởng"),
                ("2", "Trường Mẫu giáo Vọng Thê", "Cụm phó"),
                ("3", "Trường Mẫu giáo Vọng Đông", "Thành viên"),
                ("4", "Trường Mẫu giáo Thoại Giang", "Thành viên"),
                ("5", "Trường Mẫu giáo Định Mỹ", "Thành viên"),
            ),
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM HỌC 2023-2024"),
        Text(
            "Ngày 29/9/2023, tại Trường Mầm non Núi Sập, các trường trong Cụm đã ký kết giao ước"
            " thi đua năm học 2023-2024. Ngày 12/01/2024, Cụm tổ chức sơ kết học kỳ I tại Trường"
            " Mẫu giáo Vọng Thê, kiểm tra chéo hồ sơ và dự giờ hoạt động của 10 nhóm, lớp.",
        ),
        Text(
            "Năm học 2023-2024, các trường trong Cụm huy động 1.236 trẻ ra lớp; tỷ lệ huy động"
            " trẻ mẫu giáo 5 tuổi đạt 99,6%; tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân giảm còn 3,1%;"
            " 100% trẻ 5 tuổi hoàn thành chương trình giáo dục mầm non. Tại Hội thi giáo viên dạy"
            " giỏi cấp huyện, Cụm có 7 giáo viên đạt giải, trong đó Trường Mẫu giáo Vọng Đông có"
            ' 01 giáo viên đạt giải Nhất. Phong trào "Xây dựng trường mầm non lấy trẻ làm trung'
            ' tâm" được các trường hưởng ứng tích cực.',
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM THI ĐUA"),
        Text(
            "Hội nghị tổng kết của Cụm được tổ chức ngày 21/5/2024 tại Trường Mẫu giáo Định Mỹ."
            " Kết quả chấm điểm chéo theo thang điểm 1000 như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Trường Mầm non Núi Sập", "972", "1"),
                ("2", "Trường Mẫu giáo Vọng Thê", "958", "3"),
                ("3", "Trường Mẫu giáo Vọng Đông", "965", "2"),
                ("4", "Trường Mẫu giáo Thoại Giang", "941", "5"),
                ("5", "Trường Mẫu giáo Định Mỹ", "949", "4"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho Trường Mầm non Núi"
            " Sập; đề nghị công nhận danh hiệu Tập thể lao động xuất sắc cho Trường Mầm non Núi"
            " Sập và Trường Mẫu giáo Vọng Đông; các đơn vị còn lại đề nghị Chủ tịch UBND huyện"
            " công nhận danh hiệu Tập thể lao động tiên tiến.",
        ),
        Heading("V. NHIỆM VỤ NĂM HỌC 2024-2025"),
        Text(
            "Hội nghị thống nhất bầu Trường Mẫu giáo Vọng Đông làm Cụm trưởng, Trường Mẫu giáo"
            " Định Mỹ làm Cụm phó năm học 2024-2025; tiếp tục nâng cao chất lượng chăm sóc, giáo"
            " dục trẻ, phấn đấu có thêm 01 trường đạt chuẩn quốc gia mức độ 1.",
        ),
    ),
    recipients=("Phòng GD&ĐT huyện Thoại Sơn", "Các trường trong Cụm", "Lưu: VT"),
    signature=(
        "TM. CỤM THI ĐUA SỐ 02",
        "CỤM TRƯỞNG",
        "HIỆU TRƯỞNG TRƯỜNG MẦM NON NÚI SẬP",
        "(đã ký)",
    ),
    written=dt.datetime(2024, 5, 24, 8, 0, 0),
)

BO_GTVT_CUM_IV = Report(
    filename="64_bien-ban-bo-gtvt-cum-iv-tong-ket-2024.docx",
    organiser=("BỘ GIAO THÔNG VẬN TẢI", "CỤM THI ĐUA SỐ IV"),
    number="Số: 01/BB-CTĐIV",
    place_date="Ninh Bình, ngày 09 tháng 01 năm 2025",
    title=(
        "BIÊN BẢN",
        "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và ký kết giao ước thi đua"
        " năm 2025 Cụm thi đua số IV - các Sở GTVT khu vực đồng bằng sông Hồng",
    ),
    body=(
        Heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"),
        Text(
            "1. Thời gian: hồi 08 giờ 30 phút, ngày 09/01/2025. Địa điểm: Hội trường Sở GTVT"
            " Ninh Bình.",
        ),
        Text(
            "2. Thành phần: đại diện Vụ Tổ chức cán bộ, Bộ Giao thông vận tải; lãnh đạo và cán"
            " bộ làm công tác thi đua của các Sở GTVT: Bắc Ninh, Hưng Yên, Hà Nam, Ninh Bình và"
            " Vĩnh Phúc.",
        ),
        Text(
            "3. Chủ trì: đồng chí Giám đốc Sở GTVT Ninh Bình, đơn vị Cụm trưởng Cụm thi đua số IV"
            " năm 2024; đồng chủ trì: đại diện lãnh đạo Sở GTVT Hà Nam, đơn vị Cụm phó năm 2024."
            " Thư ký: chuyên viên Văn phòng Sở GTVT Ninh Bình.",
        ),
        Heading("II. NỘI DUNG HỘI NGHỊ"),
        Text(
            "1. Hội nghị nghe báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của Cụm."
            " Năm 2024, các Sở GTVT trong Cụm giải ngân vốn đầu tư công đạt bình quân 95,6%; cứng"
            " hóa 1.842 km đường giao thông nông thôn; tai nạn giao thông giảm 7,8% về số vụ so"
            " với năm 2023. Các đơn vị triển khai thực hiện Nghị quyết số 18-NQ/TW của Ban Chấp"
            " hành Trung ương (khóa XII), chuẩn bị phương án hợp nhất Sở GTVT và Sở Xây dựng dự"
            " kiến từ ngày 01/3/2025; đồng thời chuẩn bị các hoạt động kỷ niệm 80 năm Ngày truyền"
            " thống ngành Giao thông vận tải (28/8/1945 - 28/8/2025).",
        ),
        Text(
            "2. Trên cơ sở kết quả tự chấm điểm và kiểm tra chéo, Hội nghị thống nhất kết quả"
            " chấm điểm, xếp thứ năm 2024 như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Sở GTVT Bắc Ninh", "95,40", "Ba"),
                ("2", "Sở GTVT Hưng Yên", "97,15", "Nhất"),
                ("3", "Sở GTVT Hà Nam", "94,80", "Tư"),
                ("4", "Sở GTVT Ninh Bình", "96,30", "Nhì"),
                ("5", "Sở GTVT Vĩnh Phúc", "94,25", "Năm"),
            ),
        ),
        Text(
            "3. Hội nghị thống nhất đề nghị Bộ trưởng Bộ Giao thông vận tải tặng Cờ thi đua cho"
            " Sở GTVT Hưng Yên; tặng Bằng khen cho Sở GTVT Ninh Bình và Sở GTVT Bắc Ninh. Sở GTVT"
            " Hưng Yên hoàn thiện hồ sơ để Bộ xem xét, trình Thủ tướng Chính phủ tặng Cờ thi đua"
            " của Chính phủ. Hội nghị ghi nhận Sở GTVT Ninh Bình đã được Bộ trưởng tặng Cờ thi đua"
            " năm 2023 theo Quyết định số 289/QĐ-BGTVT ngày 06/3/2024.",
        ),
        Text(
            "4. Theo nguyên tắc luân phiên, Hội nghị biểu quyết nhất trí 100%: Sở GTVT Hưng Yên"
            " là Cụm trưởng, Sở GTVT Vĩnh Phúc là Cụm phó Cụm thi đua số IV năm 2025.",
        ),
        Text(
            "5. Lãnh đạo 05 Sở GTVT trong Cụm đã ký kết giao ước thi đua năm 2025 với các nội"
            " dung: hoàn thành kế hoạch giải ngân vốn đầu tư công; bảo đảm trật tự, an toàn giao"
            " thông dịp Tết Nguyên đán Ất Tỵ; thực hiện tốt việc sắp xếp tổ chức bộ máy.",
        ),
        Text(
            "Hội nghị kết thúc hồi 11 giờ 45 phút cùng ngày. Biên bản đã được đọc lại cho các đại"
            " biểu dự hội nghị nghe và nhất trí thông qua.",
        ),
    ),
    recipients=("Vụ Tổ chức cán bộ - Bộ GTVT", "Các Sở GTVT trong Cụm", "Lưu: VT"),
    signature=("CHỦ TRÌ HỘI NGHỊ", "GIÁM ĐỐC SỞ GTVT NINH BÌNH", "(đã ký)"),
    written=dt.datetime(2025, 1, 9, 14, 0, 0),
)


REPORTS = (
    LAM_DONG_CUM_2,
    LAM_DONG_SCHOOLS,
    NGHE_AN_FRONT,
    HOA_BINH_KHOI_KINH_TE,
    THOAI_SON_MAM_NON,
    BO_GTVT_CUM_IV,
)


def main() -> None:
    for report in REPORTS:
        path = CORPUS / report.filename
        path.write_bytes(build(report))
        print(path.relative_to(CORPUS.parents[3]))


if __name__ == "__main__":
    main()
