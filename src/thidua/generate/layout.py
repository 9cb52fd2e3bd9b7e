"""The Thanh Hóa layout: which clusters and blocks exist in which years, and who sits in them.

UBND tỉnh Thanh Hóa formed 19 clusters and blocks for 2015 (decision 2013/QĐ-UBND of 2/6/2015),
so the layout starts with exactly 19 and grows as departments and blocks are split off. The real
clusters keep their real composition (Cụm 3: the 11 mountain districts; Cụm 5, 7 and 8: the units
the articles list); the rest is a plausible arrangement of real units, written here as roster
periods with the pre-2025 unit ids. The 2025 reorganisation is not written here: rosters follow the
lineage seed (merged units are replaced by their successor), and a district cluster ends with 2024
because the district level was abolished on 1/7/2025.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from thidua.normalize import parse_cluster_ref

ORGANIZER_ID = "th-ubnd"
ORGANIZER_NAME = "UBND tỉnh Thanh Hóa"
FIRST_YEAR = 2015
LAST_YEAR = 2025

# Criteria families: what a cluster's criteria table talks about.
Theme = Literal["district", "agency", "enterprise", "service"]


@dataclass(frozen=True)
class RosterPeriod:
    from_year: int
    to_year: int
    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class ClusterSpec:
    ref: str  # as written in files, e.g. "Cụm thi đua số 3"
    name: str
    description: str
    theme: Theme
    valid_from_year: int
    valid_to_year: int
    periods: tuple[RosterPeriod, ...]

    @property
    def cluster_id(self) -> str:
        parsed = parse_cluster_ref(self.ref)
        if parsed is None:
            raise ValueError(f"cluster reference {self.ref!r} does not parse")
        return parsed.cluster_id(ORGANIZER_ID)

    @property
    def number(self) -> int | None:
        parsed = parse_cluster_ref(self.ref)
        return parsed.number if parsed else None

    def active(self, year: int) -> bool:
        return self.valid_from_year <= year <= self.valid_to_year

    def base_roster(self, year: int) -> tuple[str, ...]:
        for period in self.periods:
            if period.from_year <= year <= period.to_year:
                return period.unit_ids
        raise LookupError(f"{self.ref}: no roster for {year}")


def _always(*unit_ids: str, until: int = LAST_YEAR) -> tuple[RosterPeriod, ...]:
    return (RosterPeriod(FIRST_YEAR, until, unit_ids),)


_MOUNTAIN = tuple(
    f"th-huyen-{slug}"
    for slug in (
        "muong-lat",
        "quan-hoa",
        "quan-son",
        "ba-thuoc",
        "lang-chanh",
        "ngoc-lac",
        "cam-thuy",
        "thach-thanh",
        "thuong-xuan",
        "nhu-xuan",
        "nhu-thanh",
    )
)
_ECONOMIC_CORE = ("th-so-khdt", "th-so-tai-chinh", "th-so-cong-thuong", "th-ban-qlkkt")
_INFRASTRUCTURE = ("th-so-xay-dung", "th-so-gtvt", "th-so-tnmt", "th-so-nnptnt")
_PROJECT_BOARDS = ("th-bqlda-dd-cn", "th-bqlda-giao-thong", "th-bqlda-nn-ptnt")
_STATE_BANKS = ("th-agribank", "th-vietcombank", "th-vietinbank", "th-bidv", "th-nhcsxh")
_LAST_DISTRICT_YEAR = 2024

PROVINCE_LAYOUT: tuple[ClusterSpec, ...] = (
    ClusterSpec(
        "Cụm thi đua số 1",
        "Cụm thi đua số 1 tỉnh Thanh Hóa",
        "các thành phố, thị xã và huyện ven biển",
        "district",
        FIRST_YEAR,
        _LAST_DISTRICT_YEAR,
        (
            RosterPeriod(
                FIRST_YEAR,
                2019,
                (
                    "th-tp-thanh-hoa",
                    "th-tp-sam-son",
                    "th-tx-bim-son",
                    "th-huyen-tinh-gia",
                    "th-huyen-hoang-hoa",
                    "th-huyen-quang-xuong",
                ),
            ),
            RosterPeriod(
                2020,
                _LAST_DISTRICT_YEAR,
                (
                    "th-tp-thanh-hoa",
                    "th-tp-sam-son",
                    "th-tx-bim-son",
                    "th-tx-nghi-son",
                    "th-huyen-hoang-hoa",
                    "th-huyen-quang-xuong",
                ),
            ),
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 2",
        "Cụm thi đua số 2 tỉnh Thanh Hóa",
        "các huyện đồng bằng phía Bắc",
        "district",
        FIRST_YEAR,
        _LAST_DISTRICT_YEAR,
        _always(
            "th-huyen-ha-trung",
            "th-huyen-nga-son",
            "th-huyen-hau-loc",
            "th-huyen-vinh-loc",
            "th-huyen-yen-dinh",
            until=_LAST_DISTRICT_YEAR,
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 3",
        "Cụm thi đua số 3 tỉnh Thanh Hóa",
        "11 huyện miền núi",
        "district",
        FIRST_YEAR,
        _LAST_DISTRICT_YEAR,
        _always(*_MOUNTAIN, until=_LAST_DISTRICT_YEAR),
    ),
    ClusterSpec(
        "Cụm thi đua số 4",
        "Cụm thi đua số 4 tỉnh Thanh Hóa",
        "các huyện đồng bằng phía Nam và trung du",
        "district",
        FIRST_YEAR,
        _LAST_DISTRICT_YEAR,
        _always(
            "th-huyen-tho-xuan",
            "th-huyen-trieu-son",
            "th-huyen-thieu-hoa",
            "th-huyen-dong-son",
            "th-huyen-nong-cong",
            until=_LAST_DISTRICT_YEAR,
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 5",
        "Cụm thi đua số 5 tỉnh Thanh Hóa",
        "các sở, ngành khối văn hóa - xã hội",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-so-gddt",
            "th-so-vhttdl",
            "th-so-ldtbxh",
            "th-so-yte",
            "th-so-khcn",
            "th-so-tttt",
            "th-dai-ptth",
            "th-bao-thanh-hoa",
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 6",
        "Cụm thi đua số 6 tỉnh Thanh Hóa",
        "các sở, ngành khối kinh tế",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        (
            RosterPeriod(FIRST_YEAR, 2016, (*_ECONOMIC_CORE, *_INFRASTRUCTURE, "th-lien-minh-htx")),
            RosterPeriod(2017, 2018, (*_ECONOMIC_CORE, "th-lien-minh-htx", "th-tt-xuc-tien")),
            RosterPeriod(2019, 2024, (*_ECONOMIC_CORE, "th-lien-minh-htx")),
            # Cụm 9 ends with the department mergers; its members return here.
            RosterPeriod(
                2025,
                LAST_YEAR,
                (*_ECONOMIC_CORE, "th-lien-minh-htx", *_INFRASTRUCTURE, *_PROJECT_BOARDS),
            ),
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 7",
        "Cụm thi đua số 7 tỉnh Thanh Hóa",
        "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-ubmttq", "th-ldld", "th-hoi-nong-dan", "th-hoi-lhpn", "th-hoi-ccb", "th-tinh-doan"
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 8",
        "Cụm thi đua số 8 tỉnh Thanh Hóa",
        "các cơ quan khối nội vụ, tổng hợp",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-so-ngoai-vu",
            "th-ban-dan-toc",
            "th-dang-uy-khoi-cqdn",
            "th-vp-doan-dbqh-hdnd",
            "th-vp-ubnd",
            "th-so-noi-vu",
            "th-thanh-tra",
            "th-so-tu-phap",
        ),
    ),
    ClusterSpec(
        "Cụm thi đua số 9",
        "Cụm thi đua số 9 tỉnh Thanh Hóa",
        "các sở, ngành khối kết cấu hạ tầng và các ban quản lý dự án",
        "agency",
        2017,
        2024,
        (RosterPeriod(2017, 2024, (*_INFRASTRUCTURE, *_PROJECT_BOARDS)),),
    ),
    ClusterSpec(
        "Khối thi đua các cơ quan Đảng tỉnh",
        "Khối thi đua các cơ quan Đảng tỉnh",
        "các ban, cơ quan tham mưu của Tỉnh ủy",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-vp-tinh-uy",
            "th-ban-to-chuc",
            "th-ban-tuyen-giao",
            "th-ban-dan-van",
            "th-ubkt-tinh-uy",
            "th-ban-noi-chinh",
            "th-truong-chinh-tri",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các hội đặc thù",
        "Khối thi đua các hội đặc thù",
        "các hội có tính chất đặc thù",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-lh-hoi-khkt",
            "th-hoi-vhnt",
            "th-hoi-nha-bao",
            "th-lh-huu-nghi",
            "th-hoi-luat-gia",
            "th-hoi-khuyen-hoc",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các hội nhân đạo, từ thiện",
        "Khối thi đua các hội nhân đạo, từ thiện",
        "các hội nhân đạo, từ thiện",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-hoi-chu-thap-do",
            "th-hoi-nguoi-cao-tuoi",
            "th-hoi-cuu-tnxp",
            "th-hoi-nan-nhan-da-cam",
            "th-hoi-nguoi-mu",
            "th-hoi-bao-tro-nkt",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các cơ quan Trung ương",
        "Khối thi đua các cơ quan Trung ương đóng trên địa bàn tỉnh",
        "cơ quan Trung ương đóng trên địa bàn; tổ chức lại theo khu vực năm 2025",
        "agency",
        FIRST_YEAR,
        2024,
        _always(
            "th-cuc-thue",
            "th-cuc-hai-quan",
            "th-kbnn",
            "th-bhxh",
            "th-cuc-thong-ke",
            "th-ktnn-kv11",
            "th-dai-kttv",
            "th-cang-vu-hh",
            until=2024,
        ),
    ),
    ClusterSpec(
        "Khối thi đua các ngân hàng",
        "Khối thi đua các ngân hàng",
        "Ngân hàng Nhà nước và các ngân hàng thương mại nhà nước",
        "enterprise",
        FIRST_YEAR,
        LAST_YEAR,
        (
            RosterPeriod(FIRST_YEAR, 2017, ("th-nhnn", *_STATE_BANKS, "th-mb", "th-shb")),
            RosterPeriod(2018, 2024, ("th-nhnn", *_STATE_BANKS)),
            # The State Bank's provincial branch became a regional branch in 2025.
            RosterPeriod(2025, LAST_YEAR, _STATE_BANKS),
        ),
    ),
    ClusterSpec(
        "Khối thi đua các ngân hàng thương mại cổ phần",
        "Khối thi đua các ngân hàng thương mại cổ phần",
        "chi nhánh các ngân hàng thương mại cổ phần",
        "enterprise",
        2018,
        LAST_YEAR,
        (
            RosterPeriod(
                2018,
                LAST_YEAR,
                ("th-mb", "th-shb", "th-techcombank", "th-sacombank", "th-vpbank", "th-acb"),
            ),
        ),
    ),
    ClusterSpec(
        "Khối thi đua các trường đại học, cao đẳng",
        "Khối thi đua các trường đại học, cao đẳng",
        "các trường đại học, cao đẳng",
        "service",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-dh-hong-duc",
            "th-dh-vhttdl",
            "th-cd-y-te",
            "th-cd-tdtt",
            "th-cd-nghe-nghi-son",
            "th-cd-nghe-cong-nghiep",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các bệnh viện tuyến tỉnh",
        "Khối thi đua các bệnh viện tuyến tỉnh",
        "các bệnh viện đa khoa, chuyên khoa tuyến tỉnh",
        "service",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-bvdk-tinh",
            "th-bv-nhi",
            "th-bv-phu-san",
            "th-bv-ung-buou",
            "th-bv-phoi",
            "th-bv-tam-than",
            "th-bv-mat",
            "th-bv-ydct",
            "th-bv-noi-tiet",
            "th-bv-da-lieu",
            "th-bv-phcn",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các khu bảo tồn và di tích",
        "Khối thi đua các khu bảo tồn và di tích",
        "vườn quốc gia, khu bảo tồn thiên nhiên, di sản và di tích",
        "service",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-vqg-ben-en",
            "th-bql-pu-luong",
            "th-bql-xuan-lien",
            "th-bql-pu-hu",
            "th-tt-thanh-nha-ho",
            "th-bql-lam-kinh",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các đơn vị sự nghiệp",
        "Khối thi đua các đơn vị sự nghiệp",
        "các đơn vị sự nghiệp công lập cấp tỉnh",
        "service",
        2019,
        LAST_YEAR,
        (
            RosterPeriod(
                2019,
                LAST_YEAR,
                (
                    "th-tt-xuc-tien",
                    "th-tt-phvhcc",
                    "th-vien-nong-nghiep",
                    "th-nxb-thanh-hoa",
                    "th-cdc",
                ),
            ),
        ),
    ),
    ClusterSpec(
        "Khối thi đua các doanh nghiệp Trung ương",
        "Khối thi đua các doanh nghiệp Trung ương",
        "doanh nghiệp Trung ương trên địa bàn",
        "enterprise",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-dien-luc",
            "th-xang-dau",
            "th-vnpt",
            "th-viettel",
            "th-buu-dien",
            "th-xi-mang-bim-son",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các doanh nghiệp địa phương",
        "Khối thi đua các doanh nghiệp địa phương",
        "doanh nghiệp lớn của tỉnh",
        "enterprise",
        FIRST_YEAR,
        LAST_YEAR,
        _always(
            "th-song-chu",
            "th-thuy-loi-bac-song-ma",
            "th-thuy-loi-nam-song-ma",
            "th-cap-nuoc",
            "th-moi-truong-do-thi",
            "th-mia-duong-lam-son",
            "th-bia-thanh-hoa",
        ),
    ),
    ClusterSpec(
        "Khối thi đua các cơ quan nội chính",
        "Khối thi đua các cơ quan nội chính",
        "lực lượng vũ trang và các cơ quan tư pháp",
        "agency",
        FIRST_YEAR,
        LAST_YEAR,
        (
            RosterPeriod(
                FIRST_YEAR,
                2024,
                ("th-cong-an", "th-bchqs", "th-bdbp", "th-tand", "th-vksnd", "th-cuc-thads"),
            ),
            # Civil judgment enforcement was reorganised in 2025 under a name not in the seeds.
            RosterPeriod(
                2025, LAST_YEAR, ("th-cong-an", "th-bchqs", "th-bdbp", "th-tand", "th-vksnd")
            ),
        ),
    ),
)


def layout(tier: str) -> tuple[ClusterSpec, ...]:
    if tier == "province":
        return PROVINCE_LAYOUT
    raise ValueError(f"unknown tier {tier!r} (available: province)")
