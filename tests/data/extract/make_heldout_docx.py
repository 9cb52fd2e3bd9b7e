"""Write the Word reports of the blind held-out set (tests/data/extract/heldout/k*.docx).

Run from the project root: `.venv/bin/python tests/data/extract/make_heldout_docx.py`

The reports reuse the building blocks of make_docx.py (sections, paragraphs, tables, fixed zip
timestamps) and add what these documents need: a Party document's header ("ĐẢNG CỘNG SẢN VIỆT
NAM" instead of the national motto) and a two-column signature block as a minutes
("biên bản") has. The text is invented; the facts it states are written by hand into
tests/data/extract/heldout_truth/<same name>.json.

The files are reproducible byte for byte (fixed document properties and zip timestamps). The
script writes only the k*.docx files listed in REPORTS.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # leave no __pycache__ next to the test data
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_docx import (  # noqa: E402  (the sibling script, imported for its helpers)
    SCORE_HEADER,
    Heading,
    Report,
    Table,
    Text,
    build,
)

HELDOUT = Path(__file__).resolve().parent / "heldout"
PARTY_MOTTO = ("ĐẢNG CỘNG SẢN VIỆT NAM", "")


VAN_CHAN_THCS = Report(
    filename="k10_van-chan-cum-3-thcs-nam-hoc-2023-2024.docx",
    organiser=("PHÒNG GD&ĐT HUYỆN VĂN CHẤN", "CỤM THI ĐUA SỐ 3 - KHỐI THCS"),
    number="Số: 05/BC-CTĐ3",
    place_date="Văn Chấn, ngày 27 tháng 5 năm 2024",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm học 2023-2024 của Cụm thi đua số 3"
        " - khối trung học cơ sở",
    ),
    body=(
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Text(
            "Căn cứ Kế hoạch số 128/KH-PGDĐT ngày 15/9/2023 của Phòng Giáo dục và Đào tạo huyện"
            " Văn Chấn về tổ chức phong trào thi đua năm học 2023-2024, Cụm thi đua số 3 gồm 06"
            " trường THCS thuộc vùng giữa của huyện, được phân công nhiệm vụ như sau:",
        ),
        Table(
            ("STT", "Tên trường", "Nhiệm vụ trong Cụm"),
            (
                ("1", "Trường THCS Sơn Thịnh", "Cụm trưởng"),
                ("2", "Trường THCS Đồng Khê", "Cụm phó"),
                ("3", "Trường THCS Chấn Thịnh", "Thành viên"),
                ("4", "Trường THCS Tân Thịnh", "Thành viên"),
                ("5", "Trường THCS Thượng Bằng La", "Thành viên"),
                ("6", "Trường PTDTBT THCS Suối Giàng", "Thành viên"),
            ),
        ),
        Text(
            "Tổng số học sinh toàn Cụm là 2.418 em, trong đó học sinh người dân tộc thiểu số"
            " chiếm 46,2%; tổng số cán bộ, giáo viên, nhân viên là 187 người. Trường PTDTBT THCS"
            " Suối Giàng có 212 học sinh ở bán trú, điều kiện cơ sở vật chất còn nhiều khó khăn.",
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA"),
        Text(
            "1. Ngày 28/9/2023, tại Trường THCS Sơn Thịnh, 06 trường trong Cụm đã ký kết giao ước"
            ' thi đua năm học 2023-2024 với chủ đề "Đổi mới, sáng tạo trong dạy và học". Ngày'
            " 16/01/2024, Cụm tổ chức sơ kết học kỳ I tại Trường THCS Đồng Khê, kiểm tra chéo hồ"
            " sơ chuyên môn và dự 12 tiết dạy minh họa.",
        ),
        Text(
            "2. Năm học 2023-2024, các trường thực hiện chương trình giáo dục phổ thông 2018 ở"
            " các lớp 6, 7, 8; tỷ lệ học sinh lớp 9 được công nhận tốt nghiệp THCS đạt 99,4%;"
            " 31 học sinh đạt giải học sinh giỏi cấp huyện, 6 học sinh đạt giải cấp tỉnh. Trường"
            " THCS Chấn Thịnh được công nhận lại đạt chuẩn quốc gia (lần đầu đạt chuẩn năm 2018)."
            ' Phong trào "Trường học xanh - sạch - đẹp - an toàn" được duy trì; 100% trường có'
            " vườn trường, góc thư viện mở.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM, XẾP THỨ"),
        Text(
            "Hội nghị tổng kết của Cụm được tổ chức ngày 22/5/2024 tại Trường THCS Chấn Thịnh."
            " Căn cứ kết quả tự đánh giá và chấm điểm chéo theo thang điểm 100, các trường thống"
            " nhất kết quả như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Trường THCS Sơn Thịnh", "95,50", "2"),
                ("2", "Trường THCS Đồng Khê", "93,00", "4"),
                ("3", "Trường THCS Chấn Thịnh", "96,25", "1"),
                ("4", "Trường THCS Tân Thịnh", "92,50", "5"),
                ("5", "Trường THCS Thượng Bằng La", "94,00", "3"),
                ("6", "Trường PTDTBT THCS Suối Giàng", "91,75", "6"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thống nhất đề nghị Chủ tịch UBND tỉnh Yên Bái tặng Bằng khen cho Trường THCS"
            " Chấn Thịnh; đề nghị Chủ tịch UBND tỉnh công nhận danh hiệu Tập thể lao động xuất"
            " sắc cho Trường THCS Chấn Thịnh và Trường THCS Sơn Thịnh; các đơn vị còn lại đề"
            " nghị Chủ tịch UBND huyện công nhận danh hiệu Tập thể lao động tiên tiến.",
        ),
        Heading("V. PHƯƠNG HƯỚNG NĂM HỌC 2024-2025"),
        Text(
            "Hội nghị thống nhất bầu Trường THCS Chấn Thịnh làm Cụm trưởng, Trường THCS Thượng"
            " Bằng La làm Cụm phó năm học 2024-2025. Các trường tiếp tục thực hiện chương trình"
            " giáo dục phổ thông 2018 ở lớp 9, nâng cao chất lượng giáo dục mũi nhọn, giảm tỷ lệ"
            " học sinh bỏ học ở vùng đặc biệt khó khăn.",
        ),
    ),
    recipients=("Phòng GD&ĐT huyện Văn Chấn", "Các trường trong Cụm", "Lưu: VT"),
    signature=(
        "TM. CỤM THI ĐUA SỐ 3",
        "CỤM TRƯỞNG",
        "HIỆU TRƯỞNG TRƯỜNG THCS SƠN THỊNH",
        "(đã ký)",
        "Hà Thị Hương",
    ),
    written=dt.datetime(2024, 5, 27, 8, 0, 0),
)

NINH_THUAN_KHOI_DANG = Report(
    filename="k11_ninh-thuan-khoi-co-quan-tham-muu-tinh-uy-bien-ban-2023.docx",
    organiser=(
        "ĐẢNG BỘ TỈNH NINH THUẬN",
        "KHỐI THI ĐUA CÁC CƠ QUAN THAM MƯU,",
        "GIÚP VIỆC TỈNH ỦY",
        "*",
    ),
    number="Số 01-BB/KTĐ",
    place_date="Phan Rang - Tháp Chàm, ngày 10 tháng 01 năm 2024",
    motto=PARTY_MOTTO,
    title=(
        "BIÊN BẢN",
        "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023 và ký kết giao ước thi đua"
        " năm 2024 của Khối thi đua các cơ quan tham mưu, giúp việc Tỉnh ủy",
    ),
    body=(
        Heading("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"),
        Text("1. Thời gian: bắt đầu lúc 14 giờ 00 phút, ngày 10/01/2024."),
        Text("2. Địa điểm: Hội trường Ban Dân vận Tỉnh ủy."),
        Text(
            "3. Thành phần: đại diện lãnh đạo và cán bộ phụ trách công tác thi đua, khen thưởng"
            " của 08 cơ quan, đơn vị thành viên Khối thi đua các cơ quan tham mưu, giúp việc"
            " Tỉnh ủy (được phân chia theo Quyết định số"
            " 2150-QĐ/TU ngày 15/02/2023 của Ban Thường vụ Tỉnh ủy Ninh Thuận), gồm:",
        ),
        Table(
            ("STT", "Cơ quan, đơn vị", "Vai trò năm 2023"),
            (
                ("1", "Ban Dân vận Tỉnh ủy", "Khối trưởng"),
                ("2", "Trường Chính trị tỉnh", "Khối phó"),
                ("3", "Văn phòng Tỉnh ủy", "Thành viên"),
                ("4", "Ban Tổ chức Tỉnh ủy", "Thành viên"),
                ("5", "Ủy ban Kiểm tra Tỉnh ủy", "Thành viên"),
                ("6", "Ban Tuyên giáo Tỉnh ủy", "Thành viên"),
                ("7", "Ban Nội chính Tỉnh ủy", "Thành viên"),
                ("8", "Báo Ninh Thuận", "Thành viên"),
            ),
        ),
        Text(
            "4. Chủ trì: đồng chí Phó Trưởng Ban Dân vận Tỉnh ủy (đơn vị Khối trưởng năm 2023)."
            " Thư ký: đồng chí chuyên viên Văn phòng Ban Dân vận Tỉnh ủy.",
        ),
        Heading("II. NỘI DUNG HỘI NGHỊ"),
        Text(
            "1. Hội nghị nghe dự thảo báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 của"
            " Khối. Năm 2023, các cơ quan trong Khối đã tham mưu Ban Chấp hành, Ban Thường vụ Tỉnh"
            " ủy ban hành 26 nghị quyết, chỉ thị, kết luận; tổ chức sơ kết giữa nhiệm kỳ thực hiện"
            " Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025; kết nạp 1.214 đảng viên mới"
            " trong toàn Đảng bộ tỉnh; chuẩn bị các hoạt động kỷ niệm 50 năm Ngày giải phóng tỉnh"
            " Ninh Thuận (16/4/1975 - 16/4/2025).",
        ),
        Text(
            "2. Kết quả chấm điểm và bỏ phiếu suy tôn: trên cơ sở tự chấm điểm, thẩm định chéo"
            " (thang điểm 100) và bỏ phiếu kín, Hội nghị thống nhất kết quả như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Ban Tổ chức Tỉnh ủy", "97,6", "1"),
                ("2", "Ủy ban Kiểm tra Tỉnh ủy", "96,9", "2"),
                ("3", "Văn phòng Tỉnh ủy", "96,4", "3"),
                ("4", "Ban Dân vận Tỉnh ủy", "95,8", "4"),
                ("5", "Ban Tuyên giáo Tỉnh ủy", "95,2", "5"),
                ("6", "Trường Chính trị tỉnh", "94,7", "6"),
                ("7", "Ban Nội chính Tỉnh ủy", "94,1", "7"),
                ("8", "Báo Ninh Thuận", "93,5", "8"),
            ),
        ),
        Text(
            "3. Đề nghị khen thưởng: Hội nghị thống nhất đề nghị Ban Thường vụ Tỉnh ủy tặng Cờ"
            " thi đua cho Ban Tổ chức Tỉnh ủy - đơn vị dẫn đầu Khối năm 2023; tặng Bằng khen cho"
            " Ủy ban Kiểm tra Tỉnh ủy và Văn phòng Tỉnh ủy. Hội nghị ghi nhận Ban Tổ chức Tỉnh ủy"
            " cũng là đơn vị dẫn đầu Khối năm 2022, đã được Ban Thường vụ Tỉnh ủy tặng Cờ thi đua"
            " tại Quyết định số 1520-QĐ/TU ngày 16/01/2023.",
        ),
        Text(
            "4. Bầu Khối trưởng, Khối phó năm 2024: Hội nghị bỏ phiếu, kết quả 8/8 đơn vị nhất"
            " trí: Ban Tổ chức Tỉnh ủy làm Khối trưởng; Văn phòng Tỉnh ủy làm Khối phó thứ nhất;"
            " Báo Ninh Thuận làm Khối phó thứ hai của Khối năm 2024.",
        ),
        Text(
            "5. Thủ trưởng 08 cơ quan, đơn vị đã ký kết giao ước thi đua năm 2024 với 7 nội dung,"
            " trọng tâm là tham mưu tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu Đảng"
            " bộ tỉnh lần thứ XV, nhiệm kỳ 2025 - 2030.",
        ),
        Text(
            "Hội nghị kết thúc lúc 16 giờ 30 phút cùng ngày. Biên bản đã được thông qua trước"
            " Hội nghị và được các đại biểu nhất trí.",
        ),
    ),
    recipients=(
        "Thường trực Tỉnh ủy (b/c)",
        "Ban Thi đua - Khen thưởng tỉnh",
        "Các cơ quan, đơn vị trong Khối",
        "Lưu Khối",
    ),
    signature=("CHỦ TRÌ HỘI NGHỊ", "PHÓ TRƯỞNG BAN DÂN VẬN TỈNH ỦY", "(đã ký)"),
    second_signature=("THƯ KÝ", "", "(đã ký)"),
    written=dt.datetime(2024, 1, 10, 17, 0, 0),
)

DA_NANG_KHOI_QUAN_HUYEN = Report(
    filename="k12_da-nang-khoi-quan-huyen-bao-cao-2024.docx",
    organiser=("UBND THÀNH PHỐ ĐÀ NẴNG", "KHỐI THI ĐUA CÁC QUẬN, HUYỆN"),
    number="Số: 08/BC-KTĐQH",
    place_date="Đà Nẵng, ngày 24 tháng 12 năm 2024",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm 2024 và phương hướng, nhiệm vụ năm 2025"
        " của Khối thi đua các quận, huyện",
    ),
    body=(
        Heading("I. ĐẶC ĐIỂM, TÌNH HÌNH"),
        Text(
            "Căn cứ Quyết định số 415/QĐ-UBND ngày 26/02/2024 của UBND thành phố Đà Nẵng về việc"
            " thành lập các cụm, khối thi đua thuộc thành phố năm 2024, Khối thi đua các quận,"
            " huyện gồm 07 đơn vị:",
        ),
        Table(
            ("STT", "Đơn vị", "Chức danh trong Khối"),
            (
                ("1", "UBND quận Sơn Trà", "Khối trưởng"),
                ("2", "UBND huyện Hòa Vang", "Khối phó"),
                ("3", "UBND quận Hải Châu", "Thành viên"),
                ("4", "UBND quận Thanh Khê", "Thành viên"),
                ("5", "UBND quận Ngũ Hành Sơn", "Thành viên"),
                ("6", "UBND quận Liên Chiểu", "Thành viên"),
                ("7", "UBND quận Cẩm Lệ", "Thành viên"),
            ),
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA NĂM 2024"),
        Text(
            "1. Ngày 05/3/2024, tại UBND quận Sơn Trà, 07 đơn vị trong Khối đã ký kết giao ước"
            " thi đua năm 2024. Ngày 12/7/2024, Khối tổ chức hội nghị sơ kết công tác thi đua 6"
            " tháng đầu năm tại UBND huyện Hòa Vang, thống nhất các giải pháp hoàn thành chỉ tiêu"
            " 6 tháng cuối năm.",
        ),
        Text(
            "2. Các địa phương trong Khối đã tập trung thực hiện các nhiệm vụ phát triển kinh tế -"
            " xã hội: tổng thu ngân sách trên địa bàn các quận, huyện ước đạt 9.870 tỷ đồng, bằng"
            " 103,6% dự toán; giải ngân vốn đầu tư công đạt 92,4%; hoàn thành sắp xếp đơn vị hành"
            " chính cấp xã giai đoạn 2023 - 2025; 100% hồ sơ thủ tục hành chính được tiếp nhận,"
            " giải quyết trên môi trường điện tử. Các đơn vị đã triển khai chương trình thi đua"
            " chào mừng kỷ niệm 50 năm Ngày giải phóng thành phố Đà Nẵng (29/3/1975 - 29/3/2025).",
        ),
        Text(
            "3. Phát huy thành tích năm 2023 - năm UBND quận Hải Châu dẫn đầu Khối và được Thủ"
            " tướng Chính phủ tặng Cờ thi đua của Chính phủ theo Quyết định số 318/QĐ-TTg ngày"
            " 15/4/2024 - các đơn vị tiếp tục đổi mới nội dung, hình thức thi đua, bám sát Luật"
            " Thi đua, khen thưởng năm 2022 và Nghị định số 98/2023/NĐ-CP.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM, BÌNH XÉT THI ĐUA NĂM 2024"),
        Text(
            "Hội nghị tổng kết của Khối được tổ chức ngày 20/12/2024 tại UBND quận Sơn Trà. Trên"
            " cơ sở tự chấm điểm, chấm chéo (thang 1.000 điểm) và bỏ phiếu suy tôn, các đơn vị"
            " thống nhất kết quả như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "UBND quận Hải Châu", "962", "2"),
                ("2", "UBND quận Thanh Khê", "948", "4"),
                ("3", "UBND quận Sơn Trà", "951", "3"),
                ("4", "UBND quận Ngũ Hành Sơn", "939", "6"),
                ("5", "UBND quận Liên Chiểu", "944", "5"),
                ("6", "UBND quận Cẩm Lệ", "968", "1"),
                ("7", "UBND huyện Hòa Vang", "935", "7"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Khối thống nhất đề nghị UBND thành phố tặng Cờ thi đua cho UBND quận Cẩm Lệ - đơn vị"
            " dẫn đầu Khối năm 2024, đồng thời đề nghị UBND thành phố xem xét, trình Thủ tướng"
            " Chính phủ tặng Cờ thi đua của Chính phủ cho đơn vị này; đề nghị Chủ tịch UBND thành"
            " phố tặng Bằng khen cho UBND quận Hải Châu và UBND quận Sơn Trà.",
        ),
        Heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"),
        Text(
            "Hội nghị thống nhất bầu UBND huyện Hòa Vang làm Khối trưởng, UBND quận Cẩm Lệ làm"
            " Khối phó năm 2025. Năm 2025, các đơn vị tập trung thi đua hoàn thành thắng lợi các"
            " chỉ tiêu của nhiệm kỳ 2020 - 2025, chuẩn bị tốt cho đại hội đảng bộ các cấp; thực"
            " hiện nghiêm chủ trương sắp xếp, tinh gọn tổ chức bộ máy.",
        ),
    ),
    recipients=(
        "Ban Thi đua - Khen thưởng thành phố (Sở Nội vụ)",
        "Các đơn vị trong Khối",
        "Lưu: VT",
    ),
    signature=("TM. KHỐI THI ĐUA", "KHỐI TRƯỞNG", "CHỦ TỊCH UBND QUẬN SƠN TRÀ", "(đã ký)"),
    written=dt.datetime(2024, 12, 24, 9, 0, 0),
)


REPORTS = (VAN_CHAN_THCS, NINH_THUAN_KHOI_DANG, DA_NANG_KHOI_QUAN_HUYEN)


def main() -> None:
    for report in REPORTS:
        assert report.filename.startswith("k") and report.filename.endswith(".docx")
        path = HELDOUT / report.filename
        path.write_bytes(build(report))
        print(path.relative_to(HELDOUT.parents[3]))


if __name__ == "__main__":
    main()
