"""Write the Word reports 49-52 of the extraction corpus (tests/data/extract/corpus/*.docx).

Run from the project root: `.venv/bin/python tests/data/extract/make_more_docx.py`

Same construction as make_docx.py (organiser and national motto, number and date, title,
numbered sections, tables, recipients, signature; fixed document properties and zip
timestamps, so the files are reproducible byte for byte). One report puts the header in plain
paragraphs instead of the two-column table, as some secretariats type it. The text is invented;
the facts it states are written by hand into tests/data/extract/truth/<same name>.json.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_docx import (
    SCORE_HEADER,
    Heading,
    Report,
    Table,
    Text,
    build,
)

CORPUS = Path(__file__).resolve().parent / "corpus"


NAM_DINH_PHONG_GD = Report(
    filename="49_bao-cao-nam-dinh-cum-4-phong-gddt-nam-hoc-2023-2024.docx",
    organiser=("SỞ GIÁO DỤC VÀ ĐÀO TẠO NAM ĐỊNH", "CỤM THI ĐUA SỐ 4"),
    number="Số: 05/BC-CTĐ4",
    place_date="Hải Hậu, ngày 10 tháng 6 năm 2024",
    title=(
        "BÁO CÁO",
        "Tổng kết công tác thi đua, khen thưởng năm học 2023-2024 của Cụm thi đua số 4"
        " (các Phòng Giáo dục và Đào tạo)",
    ),
    body=(
        Heading("I. ĐẶC ĐIỂM, TÌNH HÌNH"),
        Text(
            "Thực hiện Quyết định số 1125/QĐ-SGDĐT ngày 12/9/2023 của Giám đốc Sở GD&ĐT Nam"
            " Định về việc phân chia cụm thi đua năm học 2023-2024, Cụm thi đua số 4 gồm 5"
            " Phòng GD&ĐT các huyện ven biển, cụ thể như sau:",
        ),
        Table(
            ("STT", "Đơn vị", "Nhiệm vụ trong Cụm"),
            (
                ("1", "Phòng GD&ĐT huyện Hải Hậu", "Cụm trưởng"),
                ("2", "Phòng GD&ĐT huyện Giao Thủy", "Cụm phó"),
                ("3", "Phòng GD&ĐT huyện Xuân Trường", "Thành viên"),
                ("4", "Phòng GD&ĐT huyện Trực Ninh", "Thành viên"),
                ("5", "Phòng GD&ĐT huyện Nghĩa Hưng", "Thành viên"),
            ),
        ),
        Text(
            "Năm học 2022-2023, Phòng GD&ĐT huyện Nghĩa Hưng là đơn vị dẫn đầu Cụm. Bước vào"
            " năm học 2023-2024, toàn Cụm có 312 trường mầm non, tiểu học, trung học cơ sở với"
            " trên 118.000 học sinh; tỷ lệ trường đạt chuẩn quốc gia đạt 96,8%.",
        ),
        Heading("II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA"),
        Text(
            "Các đơn vị trong Cụm đã triển khai hiệu quả Chương trình giáo dục phổ thông 2018"
            ' đối với các lớp 4, 8 và 9; phong trào thi đua "Đổi mới, sáng tạo trong dạy và'
            ' học" được duy trì với 1.246 sáng kiến được công nhận cấp huyện. Chất lượng mũi'
            " nhọn tiếp tục giữ vững: 214 học sinh đạt giải học sinh giỏi lớp 9 cấp tỉnh; tỷ lệ"
            " học sinh lớp 9 tốt nghiệp THCS đạt 99,7%. Các đơn vị chuẩn bị chu đáo cho kỳ thi"
            " tuyển sinh vào lớp 10 THPT năm học 2024-2025.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM, BÌNH XÉT THI ĐUA"),
        Text(
            "Hội nghị tổng kết công tác thi đua năm học 2023-2024 của Cụm được tổ chức ngày"
            " 07/6/2024 tại Phòng GD&ĐT huyện Hải Hậu. Trên cơ sở kết quả tự chấm điểm và chấm"
            " chéo theo thang điểm 100, Cụm thống nhất kết quả xếp thứ như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Phòng GD&ĐT huyện Giao Thủy", "96,50", "1"),
                ("2", "Phòng GD&ĐT huyện Hải Hậu", "95,75", "2"),
                ("3", "Phòng GD&ĐT huyện Nghĩa Hưng", "94,00", "3"),
                ("4", "Phòng GD&ĐT huyện Xuân Trường", "93,25", "4"),
                ("5", "Phòng GD&ĐT huyện Trực Ninh", "92,50", "5"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thi đua số 4 thống nhất đề nghị Bộ trưởng Bộ GD&ĐT tặng Cờ thi đua cho Phòng"
            " GD&ĐT huyện Giao Thủy; đề nghị UBND tỉnh tặng Cờ thi đua cho Phòng GD&ĐT huyện"
            " Hải Hậu; các đơn vị còn lại được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.",
        ),
        Heading("V. NHIỆM VỤ NĂM HỌC 2024-2025"),
        Text(
            "Hội nghị nhất trí bầu Phòng GD&ĐT huyện Xuân Trường làm Cụm trưởng, Phòng GD&ĐT"
            " huyện Trực Ninh làm Cụm phó năm học 2024-2025. Các đơn vị tiếp tục thực hiện"
            " chương trình giáo dục phổ thông mới ở các lớp 5 và 9, đẩy mạnh chuyển đổi số"
            " trong quản lý, dạy học.",
        ),
    ),
    recipients=("Sở GD&ĐT (Văn phòng Sở)", "Các Phòng GD&ĐT trong Cụm", "Lưu: VT"),
    signature=(
        "TM. CỤM THI ĐUA SỐ 4",
        "CỤM TRƯỞNG",
        "TRƯỞNG PHÒNG GD&ĐT HUYỆN HẢI HẬU",
        "(đã ký)",
    ),
    written=dt.datetime(2024, 6, 10, 8, 0, 0),
    author="Phòng GD&ĐT Hải Hậu",
)

NHCSXH_CUM_9 = Report(
    filename="50_bao-cao-nhcsxh-cum-9-tong-ket-2023.docx",
    organiser=("NGÂN HÀNG CHÍNH SÁCH XÃ HỘI", "CỤM THI ĐUA SỐ 9"),
    number="Số: 08/BC-CTĐ9",
    place_date="Cà Mau, ngày 28 tháng 12 năm 2023",
    title=(
        "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua năm 2023 và phương hướng năm 2024"
        " của Cụm thi đua số 9",
    ),
    body=(
        Heading("I. KHÁI QUÁT CHUNG"),
        Text(
            "Cụm thi đua số 9 được thành lập theo Quyết định số 2174/QĐ-NHCS ngày 05/6/2019"
            " của Tổng Giám đốc Ngân hàng Chính sách xã hội. Năm 2023, Cụm gồm 5 chi nhánh,"
            " trong đó Chi nhánh NHCSXH tỉnh Cà Mau là Cụm trưởng, Chi nhánh NHCSXH tỉnh Bạc"
            " Liêu là Cụm phó:",
        ),
        Table(
            ("STT", "Đơn vị", "Ghi chú"),
            (
                ("1", "Chi nhánh NHCSXH tỉnh Cà Mau", "Cụm trưởng"),
                ("2", "Chi nhánh NHCSXH tỉnh Bạc Liêu", "Cụm phó"),
                ("3", "Chi nhánh NHCSXH tỉnh Sóc Trăng", ""),
                ("4", "Chi nhánh NHCSXH tỉnh Hậu Giang", ""),
                ("5", "Chi nhánh NHCSXH tỉnh Kiên Giang", ""),
            ),
        ),
        Heading("II. KẾT QUẢ HOẠT ĐỘNG VÀ PHONG TRÀO THI ĐUA"),
        Text(
            "Đến 30/11/2023, tổng dư nợ các chương trình tín dụng chính sách của 5 chi nhánh"
            " đạt 27.560 tỷ đồng, tăng 3.102 tỷ đồng so với đầu năm; tỷ lệ nợ quá hạn chỉ còn"
            " 0,18% tổng dư nợ; trên 96.000 lượt hộ nghèo, hộ cận nghèo và đối tượng chính"
            " sách được vay vốn. Các chi nhánh tiếp tục thực hiện Chỉ thị số 40-CT/TW ngày"
            " 22/11/2014 của Ban Bí thư và Kết luận số 06-KL/TW ngày 10/6/2021, tranh thủ"
            " nguồn vốn ngân sách địa phương ủy thác đạt 1.845 tỷ đồng.",
        ),
        Text(
            'Phong trào thi đua "Ngân hàng Chính sách xã hội chung tay vì người nghèo" và'
            " phong trào xây dựng Điểm giao dịch xã kiểu mẫu được triển khai sâu rộng; đã có"
            " 126 Điểm giao dịch xã đạt tiêu chuẩn kiểu mẫu.",
        ),
        Heading("III. KẾT QUẢ CHẤM ĐIỂM THI ĐUA"),
        Text(
            "Hội nghị tổng kết của Cụm được tổ chức ngày 26/12/2023 tại Chi nhánh NHCSXH tỉnh"
            " Cà Mau. Căn cứ bảng tiêu chí chấm điểm thi đua (tối đa 1.000 điểm), kết quả chấm"
            " điểm và xếp thứ năm 2023 như sau:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "Chi nhánh NHCSXH tỉnh Sóc Trăng", "985", "1"),
                ("2", "Chi nhánh NHCSXH tỉnh Hậu Giang", "978", "2"),
                ("3", "Chi nhánh NHCSXH tỉnh Cà Mau", "971", "3"),
                ("4", "Chi nhánh NHCSXH tỉnh Kiên Giang", "966", "4"),
                ("5", "Chi nhánh NHCSXH tỉnh Bạc Liêu", "960", "5"),
            ),
        ),
        Heading("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
        Text(
            "Cụm thống nhất đề nghị Tổng Giám đốc NHCSXH trình Thủ tướng Chính phủ tặng Cờ thi"
            " đua của Chính phủ cho Chi nhánh NHCSXH tỉnh Sóc Trăng; đề nghị Thủ tướng Chính"
            " phủ tặng Bằng khen cho Chi nhánh NHCSXH tỉnh Hậu Giang; đề nghị công nhận danh"
            " hiệu Tập thể lao động xuất sắc cho Chi nhánh NHCSXH tỉnh Cà Mau và Chi nhánh"
            " NHCSXH tỉnh Kiên Giang.",
        ),
        Heading("V. PHƯƠNG HƯỚNG NĂM 2024"),
        Text(
            "Hội nghị thống nhất đơn vị Cụm trưởng năm 2024 là Chi nhánh NHCSXH tỉnh Bạc Liêu,"
            " đơn vị Cụm phó năm 2024 là Chi nhánh NHCSXH tỉnh Hậu Giang. Các chi nhánh phấn"
            " đấu tăng trưởng tín dụng tối thiểu 10%, giữ tỷ lệ nợ quá hạn dưới 0,2%.",
        ),
    ),
    recipients=("Ban Thi đua - Khen thưởng NHCSXH", "Các chi nhánh trong Cụm", "Lưu: VT"),
    signature=(
        "TM. CỤM THI ĐUA SỐ 9",
        "CỤM TRƯỞNG",
        "GIÁM ĐỐC CHI NHÁNH NHCSXH TỈNH CÀ MAU",
        "(đã ký)",
    ),
    written=dt.datetime(2023, 12, 28, 9, 30, 0),
    author="NHCSXH Cà Mau",
)

NINH_BINH_CUM_1_2 = Report(
    filename="51_bao-cao-ninh-binh-cum-1-2-binh-xet-2023.docx",
    organiser=("SỞ NỘI VỤ TỈNH NINH BÌNH", "BAN THI ĐUA - KHEN THƯỞNG"),
    number="Số: 21/BC-BTĐKT",
    place_date="Ninh Bình, ngày 25 tháng 01 năm 2024",
    title=(
        "BÁO CÁO",
        "Kết quả tổng kết, bình xét thi đua năm 2023 của Cụm thi đua số 1 và Cụm thi đua"
        " số 2 (UBND các huyện, thành phố)",
    ),
    body=(
        Heading("I. THÀNH PHẦN CÁC CỤM THI ĐUA"),
        Text(
            "Thực hiện Quyết định số 1892/QĐ-UBND ngày 30/12/2022 của UBND tỉnh Ninh Bình về"
            " việc phân chia cụm, khối thi đua năm 2023, UBND 8 huyện, thành phố được chia"
            " thành 2 cụm thi đua như sau:",
        ),
        Table(
            ("STT", "Đơn vị", "Cụm thi đua", "Chức danh trong Cụm"),
            (
                ("1", "UBND thành phố Ninh Bình", "Cụm số 1", "Cụm trưởng"),
                ("2", "UBND thành phố Tam Điệp", "Cụm số 1", "Cụm phó"),
                ("3", "UBND huyện Hoa Lư", "Cụm số 1", ""),
                ("4", "UBND huyện Gia Viễn", "Cụm số 1", ""),
                ("5", "UBND huyện Yên Khánh", "Cụm số 2", "Cụm trưởng"),
                ("6", "UBND huyện Kim Sơn", "Cụm số 2", "Cụm phó"),
                ("7", "UBND huyện Nho Quan", "Cụm số 2", ""),
                ("8", "UBND huyện Yên Mô", "Cụm số 2", ""),
            ),
        ),
        Heading("II. KẾT QUẢ TỔNG KẾT, CHẤM ĐIỂM"),
        Text(
            "1. Cụm thi đua số 1 tổ chức hội nghị tổng kết ngày 20/12/2023 tại thành phố Tam"
            " Điệp. Kết quả chấm điểm, xếp thứ năm 2023:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "UBND huyện Hoa Lư", "97,8", "1"),
                ("2", "UBND thành phố Ninh Bình", "97,1", "2"),
                ("3", "UBND huyện Gia Viễn", "96,4", "3"),
                ("4", "UBND thành phố Tam Điệp", "95,9", "4"),
            ),
        ),
        Text(
            "2. Cụm thi đua số 2 tổ chức hội nghị tổng kết ngày 22/12/2023 tại huyện Kim Sơn."
            " Kết quả chấm điểm, xếp thứ năm 2023:",
        ),
        Table(
            SCORE_HEADER,
            (
                ("1", "UBND huyện Yên Khánh", "98,2", "1"),
                ("2", "UBND huyện Kim Sơn", "96,7", "2"),
                ("3", "UBND huyện Yên Mô", "96,0", "3"),
                ("4", "UBND huyện Nho Quan", "95,3", "4"),
            ),
        ),
        Heading("III. KẾT QUẢ KHEN THƯỞNG"),
        Text(
            "Căn cứ kết quả bình xét của các cụm và đề nghị của Hội đồng Thi đua - Khen thưởng"
            " tỉnh, Chủ tịch UBND tỉnh đã tặng Cờ thi đua cho UBND huyện Hoa Lư (dẫn đầu Cụm thi"
            " đua số 1) và UBND huyện Yên Khánh (dẫn đầu Cụm thi đua số 2) theo Quyết định số"
            " 95/QĐ-UBND ngày 18/01/2024; tặng Bằng khen cho UBND thành phố Ninh Bình và UBND"
            " huyện Kim Sơn theo Quyết định số 96/QĐ-UBND ngày 18/01/2024.",
        ),
        Text(
            "UBND tỉnh đã có Tờ trình số 07/TTr-UBND ngày 22/01/2024 đề nghị Thủ tướng Chính"
            " phủ tặng Cờ thi đua của Chính phủ cho UBND huyện Yên Khánh.",
        ),
        Heading("IV. TỔ CHỨC CÁC CỤM NĂM 2024"),
        Text(
            "Tại hội nghị tổng kết, Cụm thi đua số 1 đã bầu UBND thành phố Tam Điệp làm Cụm"
            " trưởng, UBND huyện Hoa Lư làm Cụm phó năm 2024; Cụm thi đua số 2 bầu UBND huyện"
            " Kim Sơn làm Cụm trưởng, UBND huyện Nho Quan làm Cụm phó năm 2024.",
        ),
    ),
    recipients=(
        "Hội đồng Thi đua - Khen thưởng tỉnh (để b/c)",
        "Giám đốc Sở Nội vụ (để b/c)",
        "UBND các huyện, thành phố",
        "Lưu: VT, NV",
    ),
    signature=("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "(đã ký)"),
    written=dt.datetime(2024, 1, 25, 14, 0, 0),
    author="Ban Thi đua - Khen thưởng",
)

BAC_GIANG_YTE_CUM_1 = Report(
    filename="52_bao-cao-cong-doan-y-te-bac-giang-cum-1-so-ket-2024.docx",
    organiser=("CÔNG ĐOÀN NGÀNH Y TẾ BẮC GIANG", "CỤM THI ĐUA SỐ 1"),
    number="Số: 04/BC-CTĐ1",
    place_date="Bắc Giang, ngày 22 tháng 7 năm 2024",
    title=(
        "BÁO CÁO",
        "Sơ kết phong trào thi đua 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm"
        " 2024 của Cụm thi đua số 1",
    ),
    body=(
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Text(
            "Thực hiện Quyết định số 18/QĐ-CĐN ngày 22/01/2024 của Ban Thường vụ Công đoàn"
            " ngành Y tế Bắc Giang về việc phân chia cụm thi đua và phân công cụm trưởng, cụm"
            " phó năm 2024, Cụm thi đua số 1 gồm 6 công đoàn cơ sở. Công đoàn Bệnh viện Đa"
            " khoa tỉnh được phân công làm Cụm trưởng; Công đoàn Bệnh viện Sản Nhi làm Phó"
            " Cụm trưởng thứ nhất; Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh làm Phó Cụm"
            " trưởng thứ hai.",
        ),
        Table(
            ("STT", "Công đoàn cơ sở", "Số đoàn viên", "Nhiệm vụ trong Cụm"),
            (
                ("1", "Công đoàn Bệnh viện Đa khoa tỉnh", "1.126", "Cụm trưởng"),
                ("2", "Công đoàn Bệnh viện Sản Nhi", "684", "Phó Cụm trưởng 1"),
                ("3", "Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh", "213", "Phó Cụm trưởng 2"),
                ("4", "Công đoàn Bệnh viện Y học cổ truyền", "245", "Thành viên"),
                ("5", "Công đoàn Bệnh viện Phổi", "198", "Thành viên"),
                ("6", "Công đoàn Bệnh viện Tâm thần", "156", "Thành viên"),
            ),
        ),
        Text(
            "Năm 2023, Công đoàn Bệnh viện Sản Nhi được suy tôn dẫn đầu Cụm và đã được Ban"
            " Chấp hành LĐLĐ tỉnh tặng Cờ thi đua theo Quyết định số 65/QĐ-LĐLĐ ngày"
            " 26/01/2024.",
        ),
        Heading("II. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024"),
        Text(
            "Hội nghị sơ kết của Cụm được tổ chức ngày 19/7/2024 tại Bệnh viện Phổi tỉnh. Sáu"
            " tháng đầu năm, các công đoàn cơ sở trong Cụm đã phối hợp với chuyên môn tổ chức"
            " hội nghị viên chức, người lao động; hưởng ứng Tháng Công nhân năm 2024 với chủ"
            ' đề "Công nhân có việc làm, thu nhập ổn định"; chăm lo, thăm hỏi 312 lượt đoàn'
            " viên ốm đau, có hoàn cảnh khó khăn với tổng số tiền 286 triệu đồng. Phong trào"
            ' "Đổi mới phong cách, thái độ phục vụ của người làm công tác y tế hướng tới sự hài'
            ' lòng của người bệnh" đạt nhiều kết quả; 57 sáng kiến cải tiến kỹ thuật đã được'
            " Hội đồng khoa học ngành công nhận.",
        ),
        Heading("III. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM 2024"),
        Text(
            "Tiếp tục tổ chức các hoạt động chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn"
            " Việt Nam (28/7/1929 - 28/7/2024); triển khai Nghị quyết Đại hội Công đoàn ngành"
            " Y tế Bắc Giang lần thứ V, nhiệm kỳ 2023-2028; hoàn thành tự chấm điểm thi đua"
            " trước ngày 30/11/2024 để Cụm tổ chức chấm chéo, bình xét cuối năm.",
        ),
    ),
    recipients=("Ban Thường vụ Công đoàn ngành Y tế", "Các công đoàn cơ sở trong Cụm", "Lưu"),
    signature=(
        "TM. CỤM THI ĐUA SỐ 1",
        "CỤM TRƯỞNG",
        "CHỦ TỊCH CÔNG ĐOÀN BỆNH VIỆN ĐA KHOA TỈNH",
        "(đã ký)",
    ),
    written=dt.datetime(2024, 7, 22, 10, 0, 0),
    author="Công đoàn BVĐK tỉnh",
    header_as_table=False,
)

REPORTS = (NAM_DINH_PHONG_GD, NHCSXH_CUM_9, NINH_BINH_CUM_1_2, BAC_GIANG_YTE_CUM_1)


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for report in REPORTS:
        path = CORPUS / report.filename
        path.write_bytes(build(report))
        print(path.relative_to(CORPUS.parents[3]))


if __name__ == "__main__":
    main()
