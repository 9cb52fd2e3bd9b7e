"""The units a province's People's Committee (UBND) shares out among its clusters and blocks.

The kinds of unit are real and common to every province (departments, central agencies based in
the province, party and mass organisations, associations, hospitals, colleges, enterprises,
banks, project boards); which of them a given province has is not modelled: every province gets
the full list. The 2025 department reorganisation (Decree 45/2025/NĐ-CP pattern, 1/3/2025) is:
Kế hoạch và Đầu tư → Tài chính; Tài nguyên và Môi trường + Nông nghiệp và PTNT → Nông nghiệp và
Môi trường (a new unit); Giao thông vận tải → Xây dựng; Thông tin và Truyền thông → Khoa học và
Công nghệ; Lao động, Thương binh và Xã hội → Nội vụ; Ban Dân tộc → Sở Dân tộc và Tôn giáo;
the provincial newspaper and radio-TV station → one media unit. As in the Thanh Hóa seeds, a
department that absorbs another (Tài chính, Xây dựng, …) keeps its identity.

Templates: {level} "tỉnh"/"thành phố", {place}, {prov}, {party} "Tỉnh"/"Thành",
{partyc} "Tỉnh ủy"/"Thành ủy".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.generate.national_criteria import Theme

MERGED_ON = dt.date(2025, 3, 1)


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    short: str | None = None
    unit_type: str = "department"
    successor: str | None = None  # key of the unit it merges into on MERGED_ON
    new: bool = False  # formed on MERGED_ON


@dataclass(frozen=True)
class PoolTemplate:
    key: str
    label: str
    theme: Theme
    units: tuple[Template, ...]
    block_name: str | None = None


def _t(key: str, name: str, short: str | None = None, unit_type: str = "department") -> Template:
    return Template(key, name, short, unit_type)


def _merged(
    key: str, name: str, short: str, successor: str, unit_type: str = "department"
) -> Template:
    return Template(key, name, short, unit_type, successor=successor)


def _formed(key: str, name: str, short: str, unit_type: str = "department") -> Template:
    return Template(key, name, short, unit_type, new=True)


DEPARTMENTS = PoolTemplate(
    "so-nganh",
    "các sở, ban, ngành",
    "agency",
    (
        _t("vp-ubnd", "Văn phòng UBND {level}", "VP UBND {level}", "office"),
        _t(
            "vp-doan-dbqh-hdnd",
            "Văn phòng Đoàn ĐBQH và HĐND {level}",
            "VP Đoàn ĐBQH và HĐND",
            "office",
        ),
        _t("so-noi-vu", "Sở Nội vụ", "Sở NV"),
        _t("so-tu-phap", "Sở Tư pháp", "Sở TP"),
        _merged("so-khdt", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "so-tai-chinh"),
        _t("so-tai-chinh", "Sở Tài chính", "Sở TC"),
        _t("so-cong-thuong", "Sở Công Thương", "Sở CT"),
        _merged("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "so-nnmt"),
        _merged("so-tnmt", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "so-nnmt"),
        _formed("so-nnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
        _merged("so-gtvt", "Sở Giao thông vận tải", "Sở GTVT", "so-xay-dung"),
        _t("so-xay-dung", "Sở Xây dựng", "Sở XD"),
        _merged("so-tttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", "so-khcn"),
        _t("so-khcn", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
        _merged("so-ldtbxh", "Sở Lao động, Thương binh và Xã hội", "Sở LĐTBXH", "so-noi-vu"),
        _t("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"),
        _t("so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
        _t("so-y-te", "Sở Y tế"),
        _t("thanh-tra", "Thanh tra {level}", "TT {level}"),
        _t("so-ngoai-vu", "Sở Ngoại vụ", "Sở NgV"),
        _merged(
            "ban-dan-toc", "Ban Dân tộc {level}", "BDT {level}", "so-dan-toc-ton-giao", "board"
        ),
        _formed("so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo", "Sở DT&TG"),
        _t("ban-ql-kcn", "Ban Quản lý các khu công nghiệp {prov}", "BQL các KCN", "board"),
        Template("bao", "Báo {prov}", None, "media", successor="bao-ptth"),
        _merged(
            "dai-ptth",
            "Đài Phát thanh và Truyền hình {prov}",
            "Đài PT&TH {prov}",
            "bao-ptth",
            "media",
        ),
        _formed(
            "bao-ptth", "Báo và Phát thanh, Truyền hình {prov}", "Báo và PT-TH {prov}", "media"
        ),
        _t("lien-minh-htx", "Liên minh Hợp tác xã {level}", "LMHTX {level}", "association"),
        _t("truong-chinh-tri", "Trường Chính trị {level}", "Trường CT {level}", "school"),
    ),
)

OTHER_POOLS: tuple[PoolTemplate, ...] = (
    PoolTemplate(
        "co-quan-tw",
        "các cơ quan Trung ương đóng trên địa bàn",
        "agency",
        tuple(
            _t(key, name, short, "central_agency")
            for key, name, short in (
                ("cuc-thue", "Cục Thuế {place}", "Cục Thuế {level}"),
                ("kbnn", "Kho bạc Nhà nước {prov}", "KBNN {prov}"),
                ("bhxh", "Bảo hiểm xã hội {place}", "BHXH {level}"),
                ("cuc-hai-quan", "Cục Hải quan {place}", "Cục Hải quan {level}"),
                ("cuc-thong-ke", "Cục Thống kê {place}", "Cục Thống kê {level}"),
                ("nhnn", "Ngân hàng Nhà nước chi nhánh {place}", "NHNN chi nhánh {prov}"),
                ("cong-an", "Công an {place}", "Công an {level}"),
                ("bchqs", "Bộ Chỉ huy Quân sự {place}", "Bộ CHQS {level}"),
                ("tand", "Tòa án nhân dân {place}", "TAND {level}"),
                ("vksnd", "Viện kiểm sát nhân dân {place}", "VKSND {level}"),
                ("cuc-thads", "Cục Thi hành án dân sự {place}", "Cục THADS {level}"),
                ("dai-kttv", "Đài Khí tượng Thủy văn {place}", "Đài KTTV {level}"),
                ("cuc-qltt", "Cục Quản lý thị trường {place}", "Cục QLTT {level}"),
            )
        ),
    ),
    PoolTemplate(
        "dang-doan-the",
        "các cơ quan Đảng, Mặt trận và đoàn thể",
        "agency",
        (
            _t("ban-to-chuc", "Ban Tổ chức {partyc}", "Ban TC {partyc}", "party_body"),
            _t("ban-tuyen-giao", "Ban Tuyên giáo {partyc}", "Ban TG {partyc}", "party_body"),
            _t("ban-dan-van", "Ban Dân vận {partyc}", "Ban DV {partyc}", "party_body"),
            _t("ubkt", "Ủy ban Kiểm tra {partyc}", "UBKT {partyc}", "party_body"),
            _t("van-phong-tu", "Văn phòng {partyc}", "VP {partyc}", "party_body"),
            _t("ban-noi-chinh", "Ban Nội chính {partyc}", "Ban NC {partyc}", "party_body"),
            _t("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam {level}", "UB MTTQ {level}", "mass_org"),
            _t("ldld", "Liên đoàn Lao động {level}", "LĐLĐ {level}", "mass_org"),
            _t("hnd", "Hội Nông dân {level}", "HND {level}", "mass_org"),
            _t("hlhpn", "Hội Liên hiệp Phụ nữ {level}", "Hội LHPN {level}", "mass_org"),
            _t("doan", "{party} đoàn {prov}", "Đoàn TN {level}", "mass_org"),
            _t("hccb", "Hội Cựu chiến binh {level}", "Hội CCB {level}", "mass_org"),
        ),
    ),
    PoolTemplate(
        "hoi-dac-thu",
        "các hội đặc thù",
        "agency",
        tuple(
            _t(key, name, None, "association")
            for key, name in (
                ("hoi-chu-thap-do", "Hội Chữ thập đỏ {level}"),
                ("lh-hoi-khkt", "Liên hiệp các Hội Khoa học và Kỹ thuật {level}"),
                ("lh-hoi-vhnt", "Liên hiệp các Hội Văn học nghệ thuật {level}"),
                ("hoi-nha-bao", "Hội Nhà báo {level}"),
                ("hoi-luat-gia", "Hội Luật gia {level}"),
                ("hoi-khuyen-hoc", "Hội Khuyến học {level}"),
                ("hoi-nguoi-cao-tuoi", "Hội Người cao tuổi {level}"),
                ("hoi-cuu-tnxp", "Hội Cựu Thanh niên xung phong {level}"),
                ("hoi-nguoi-mu", "Hội Người mù {level}"),
                ("hoi-dong-y", "Hội Đông y {level}"),
                ("hoi-bao-tro", "Hội Bảo trợ người khuyết tật và trẻ mồ côi {level}"),
                ("hoi-nan-nhan-da-cam", "Hội Nạn nhân chất độc da cam/dioxin {level}"),
                ("lh-huu-nghi", "Liên hiệp các tổ chức hữu nghị {level}"),
            )
        ),
        "Khối thi đua các hội đặc thù",
    ),
    PoolTemplate(
        "y-te",
        "các bệnh viện và đơn vị y tế tuyến tỉnh",
        "service",
        tuple(
            _t(key, name, short, "hospital")
            for key, name, short in (
                ("bvdk", "Bệnh viện Đa khoa {place}", "BVĐK {level}"),
                ("bv-san-nhi", "Bệnh viện Sản - Nhi {prov}", None),
                ("bv-yhct", "Bệnh viện Y dược cổ truyền {prov}", "BV YDCT {prov}"),
                ("bv-phcn", "Bệnh viện Phục hồi chức năng {prov}", "BV PHCN {prov}"),
                ("bv-phoi", "Bệnh viện Phổi {prov}", None),
                ("bv-tam-than", "Bệnh viện Tâm thần {prov}", None),
                ("bv-mat", "Bệnh viện Mắt {prov}", None),
                ("bv-da-lieu", "Bệnh viện Da liễu {prov}", None),
                ("bv-noi-tiet", "Bệnh viện Nội tiết {prov}", None),
                ("bv-ung-buou", "Bệnh viện Ung bướu {prov}", None),
                ("cdc", "Trung tâm Kiểm soát bệnh tật {place}", "CDC {prov}"),
                ("tt-phap-y", "Trung tâm Pháp y {prov}", None),
                ("tt-kiem-nghiem", "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm {prov}", None),
                ("tt-giam-dinh-yk", "Trung tâm Giám định y khoa {prov}", None),
                ("tt-cap-cuu", "Trung tâm Cấp cứu 115 {prov}", None),
            )
        ),
    ),
    PoolTemplate(
        "truong-van-hoa",
        "các trường và đơn vị sự nghiệp văn hóa",
        "service",
        tuple(
            _t(key, name, short, "school")
            for key, name, short in (
                ("cd-y-te", "Trường Cao đẳng Y tế {prov}", "CĐ Y tế {prov}"),
                ("cd-su-pham", "Trường Cao đẳng Sư phạm {prov}", "CĐSP {prov}"),
                ("cd-ktcn", "Trường Cao đẳng Kỹ thuật Công nghiệp {prov}", None),
                ("cd-nghe", "Trường Cao đẳng Nghề {prov}", None),
                ("cd-vhnt", "Trường Cao đẳng Văn hóa Nghệ thuật {prov}", None),
                ("cd-nong-lam", "Trường Cao đẳng Nông Lâm {prov}", None),
                ("tc-ktkt", "Trường Trung cấp Kinh tế - Kỹ thuật {prov}", None),
                ("truong-nang-khieu", "Trường Năng khiếu Thể dục Thể thao {prov}", None),
                ("thu-vien", "Thư viện {place}", None),
                ("bao-tang", "Bảo tàng {place}", None),
                ("tt-van-hoa", "Trung tâm Văn hóa {place}", None),
                ("nha-hat", "Nhà hát Nghệ thuật truyền thống {prov}", None),
            )
        ),
    ),
    PoolTemplate(
        "doanh-nghiep",
        "các doanh nghiệp",
        "enterprise",
        tuple(
            _t(key, name, short, "enterprise")
            for key, name, short in (
                ("ct-thuy-loi", "Công ty TNHH MTV Thủy lợi {prov}", None),
                ("ct-thuy-loi-bac", "Công ty TNHH MTV Thủy lợi Bắc {prov}", None),
                ("ct-thuy-loi-nam", "Công ty TNHH MTV Thủy lợi Nam {prov}", None),
                ("ct-cap-nuoc", "Công ty Cổ phần Cấp nước {prov}", None),
                ("ct-moi-truong", "Công ty Cổ phần Môi trường đô thị {prov}", None),
                ("dien-luc", "Công ty Điện lực {prov}", "PC {prov}"),
                ("vnpt", "Viễn thông {prov}", "VNPT {prov}"),
                ("viettel", "Viettel {prov}", None),
                ("buu-dien", "Bưu điện {place}", None),
                ("xo-so", "Công ty TNHH MTV Xổ số kiến thiết {prov}", None),
                ("ct-duoc", "Công ty Cổ phần Dược - Vật tư y tế {prov}", None),
                ("ct-sach", "Công ty Cổ phần Sách và Thiết bị trường học {prov}", None),
                ("ct-ctgt", "Công ty Cổ phần Công trình giao thông {prov}", None),
                ("ct-van-tai", "Công ty Cổ phần Vận tải {prov}", None),
                ("ct-du-lich", "Công ty Cổ phần Du lịch {prov}", None),
                ("ct-lam-nghiep", "Công ty TNHH MTV Lâm nghiệp {prov}", None),
                ("ct-luong-thuc", "Công ty Cổ phần Lương thực {prov}", None),
                ("ct-in", "Công ty Cổ phần In {prov}", None),
                ("ct-giong", "Công ty Cổ phần Giống cây trồng {prov}", None),
                ("ct-ben-xe", "Công ty Cổ phần Bến xe {prov}", None),
                ("quy-dtpt", "Quỹ Đầu tư phát triển {prov}", None),
                ("ct-khoang-san", "Công ty Cổ phần Khoáng sản {prov}", None),
            )
        ),
    ),
    PoolTemplate(
        "ngan-hang",
        "các ngân hàng và tổ chức tín dụng",
        "enterprise",
        tuple(
            _t(key, name, short, "bank")
            for key, name, short in (
                (
                    "agribank",
                    "Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh {prov}",
                    "Agribank {prov}",
                ),
                (
                    "vietcombank",
                    "Ngân hàng TMCP Ngoại thương Việt Nam chi nhánh {prov}",
                    "Vietcombank {prov}",
                ),
                (
                    "vietinbank",
                    "Ngân hàng TMCP Công Thương Việt Nam chi nhánh {prov}",
                    "VietinBank {prov}",
                ),
                (
                    "bidv",
                    "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam chi nhánh {prov}",
                    "BIDV {prov}",
                ),
                ("nhcsxh", "Ngân hàng Chính sách xã hội chi nhánh {prov}", "NHCSXH {prov}"),
                ("vdb", "Ngân hàng Phát triển Việt Nam chi nhánh {prov}", "VDB {prov}"),
                ("bao-viet", "Công ty Bảo Việt {prov}", None),
                ("co-opbank", "Ngân hàng Hợp tác xã Việt Nam chi nhánh {prov}", "Co-opBank {prov}"),
            )
        ),
        "Khối thi đua các ngân hàng",
    ),
    PoolTemplate(
        "ban-qlda-trung-tam",
        "các ban quản lý dự án và trung tâm trực thuộc",
        "service",
        tuple(
            _t(key, name, None, "board")
            for key, name in (
                (
                    "bqlda-dd-cn",
                    "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng "
                    "và công nghiệp {prov}",
                ),
                (
                    "bqlda-giao-thong",
                    "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông {prov}",
                ),
                (
                    "bqlda-nn-ptnt",
                    "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp "
                    "và phát triển nông thôn {prov}",
                ),
                ("tt-xuc-tien", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch {prov}"),
                ("tt-hcc", "Trung tâm Phục vụ hành chính công {place}"),
                ("quy-bvmt", "Quỹ Bảo vệ môi trường {prov}"),
                ("tt-quy-dat", "Trung tâm Phát triển quỹ đất {prov}"),
                ("vp-dkdd", "Văn phòng Đăng ký đất đai {prov}"),
                ("tt-viec-lam", "Trung tâm Dịch vụ việc làm {prov}"),
                ("tt-cntt", "Trung tâm Công nghệ thông tin và Truyền thông {prov}"),
                ("tt-khuyen-nong", "Trung tâm Khuyến nông {prov}"),
                ("ban-ql-kkt", "Ban Quản lý Khu kinh tế {prov}"),
            )
        ),
    ),
)
