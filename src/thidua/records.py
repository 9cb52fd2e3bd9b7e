"""The input contract: the six raw record types, their columns and natural keys.

Everything that reads, validates, lands or documents raw records takes its column list from
here, so a column added here reaches the loader, the GX suites and `thidua load --help`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal["text", "name", "unit", "cluster", "organizer", "int", "float", "date"]


@dataclass(frozen=True)
class Column:
    """One accepted input column.

    `kind` says how the loader treats the value:
    - text: normalised string (NFC, whitespace)
    - unit: a unit name, resolved to `<name>_id` with the original kept in `<name>_raw`
    - cluster: a cluster reference ("Cụm thi đua số V"), parsed to `cluster_id`
    - organizer: an organiser name, resolved to `organizer_id`
    - int / float / date: typed values (dates accept d/m/yyyy, d-m-yyyy, d.m.yyyy and ISO)
    """

    name: str
    kind: ColumnKind
    required: bool
    headers: tuple[str, ...]
    description_vi: str
    description_en: str
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordType:
    name: str
    title_vi: str
    title_en: str
    grain: str
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...]
    sheet_names: tuple[str, ...] = field(default=())

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


ROLES = ("leader", "deputy", "member")
EVENT_TYPES = ("covenant_signing", "mid_year_review", "year_end_review", "campaign_launch")
AWARD_STATUSES = ("proposed", "approved", "decided")
RANK_METHODS = ("score", "vote", "score_and_vote")
PARTS_OF_DAY = ("morning", "afternoon", "evening")
ROSTER_FLAGS = ("yes", "no")
SOURCE_KINDS = ("official", "article", "synthetic", "other")

# Award type codes are reference data (seeds/award_types.csv); the loader checks values against the
# seed, this tuple only documents the codes shipped with the project.
AWARD_TYPE_CODES = (
    "GOV_FLAG",
    "PROV_FLAG",
    "PM_MERIT",
    "PROV_MERIT",
    "EXCELLENT_COLLECTIVE",
    "ADVANCED_COLLECTIVE",
)

_ORGANIZER = Column(
    "organizer",
    "organizer",
    False,
    ("organizer", "organiser", "co quan to chuc", "don vi to chuc", "cap to chuc", "to chuc"),
    "Cơ quan tổ chức cụm/khối (mặc định: UBND tỉnh Thanh Hóa)",
    "Who runs the cluster system (default: Thanh Hóa provincial People's Committee)",
)
_CLUSTER = Column(
    "cluster",
    "cluster",
    True,
    (
        "cluster",
        "cluster code",
        "cum",
        "khoi",
        "cum khoi",
        "cum thi dua",
        "khoi thi dua",
        "cum/khoi",
    ),
    "Cụm/khối thi đua, ví dụ “Cụm thi đua số 5”, “Khối thi đua các cơ quan Đảng tỉnh”",
    "The cluster or block, e.g. “Cụm thi đua số 5”",
)
_YEAR = Column(
    "results_year",
    "int",
    True,
    ("results year", "year", "nam", "nam thi dua", "nam ket qua"),
    "Năm thi đua mà bản ghi nói về (không phải ngày họp)",
    "The results year the record is about (not the meeting date)",
)
_UNIT = Column(
    "unit",
    "unit",
    True,
    ("unit", "unit name", "don vi", "ten don vi", "co quan"),
    "Tên đơn vị như được ghi",
    "The unit's name as written",
)
_PROVENANCE = (
    Column(
        "source_kind",
        "text",
        False,
        ("source kind", "loai nguon"),
        "Loại nguồn: official, article, synthetic, other",
        "Kind of source: official, article, synthetic, other",
        SOURCE_KINDS,
    ),
    Column(
        "source_ref",
        "text",
        False,
        ("source", "source ref", "source url", "nguon", "nguon tin"),
        "Nguồn: đường dẫn bài báo hoặc số văn bản",
        "Source: article URL or document reference",
    ),
    Column("note", "text", False, ("note", "notes", "ghi chu"), "Ghi chú", "Free note"),
)

CLUSTERS = RecordType(
    name="clusters",
    title_vi="Cụm/khối thi đua",
    title_en="Clusters and blocks",
    grain="one cluster or block over a range of years",
    columns=(
        _ORGANIZER,
        _CLUSTER,
        Column(
            "name",
            "text",
            False,
            ("name", "cluster name", "ten", "ten cum", "ten khoi", "ten cum khoi"),
            "Tên đầy đủ",
            "Full name",
        ),
        Column(
            "valid_from_year",
            "int",
            True,
            ("valid from", "valid from year", "from year", "tu nam"),
            "Năm đầu tiên cụm/khối tồn tại",
            "First results year of the cluster",
        ),
        Column(
            "valid_to_year",
            "int",
            False,
            ("valid to", "valid to year", "to year", "den nam"),
            "Năm cuối (trống: còn hoạt động)",
            "Last results year (blank: still active)",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id"),
    sheet_names=("clusters", "cum khoi", "cum", "khoi"),
)

MEMBERSHIPS = RecordType(
    name="memberships",
    title_vi="Thành viên cụm/khối",
    title_en="Memberships",
    grain="one unit's place in a cluster for one results year",
    columns=(
        _ORGANIZER,
        _CLUSTER,
        _YEAR,
        _UNIT,
        Column(
            "role",
            "text",
            False,
            ("role", "vai tro", "chuc danh", "nhiem vu"),
            "Vai trò: cụm trưởng / cụm phó / thành viên (trống: nguồn không nêu)",
            "Role: leader, deputy or member (blank: the source does not say)",
            ROLES,
        ),
        # A roster declared complete replaces the cluster-year's roster: units earlier loads
        # listed and this one does not leave it (staging, and the rank bound at load).
        Column(
            "roster_complete",
            "text",
            False,
            (
                "roster complete",
                "complete roster",
                "full roster",
                "danh sach day du",
                "danh sach du",
                "du danh sach",
                "day du",
            ),
            "Tệp liệt kê đủ thành viên của cụm-năm này: có / không (trống: không nói)",
            "The file lists the cluster-year's whole roster: yes / no (blank: not stated)",
            ROSTER_FLAGS,
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "unit_id"),
    sheet_names=("memberships", "thanh vien", "thanh vien cum"),
)

SCORES = RecordType(
    name="scores",
    title_vi="Điểm chấm theo tiêu chí",
    title_en="Criterion scores",
    grain="one criterion score of one unit in one results year, by one scorer (blank: agreed)",
    columns=(
        _ORGANIZER,
        _CLUSTER,
        _YEAR,
        _UNIT,
        Column(
            "criterion",
            "text",
            True,
            ("criterion", "criterion code", "tieu chi", "ma tieu chi", "noi dung"),
            "Tiêu chí (mã hoặc tên)",
            "Criterion code or name",
        ),
        Column(
            "criterion_group",
            "text",
            False,
            ("criterion group", "group", "nhom tieu chi", "nhom"),
            "Nhóm tiêu chí",
            "Criteria group",
        ),
        Column(
            "points",
            "float",
            True,
            ("points", "score", "diem", "diem cham", "so diem"),
            "Điểm đạt được",
            "Points scored",
        ),
        Column(
            "max_points",
            "float",
            True,
            ("max points", "maximum", "diem toi da", "diem chuan", "thang diem"),
            "Điểm tối đa của tiêu chí",
            "Maximum points of the criterion",
        ),
        Column(
            "bonus",
            "float",
            False,
            ("bonus", "bonus points", "diem thuong", "diem cong"),
            "Điểm thưởng",
            "Bonus points",
        ),
        Column(
            "scorer",
            "unit",
            False,
            ("scorer", "scored by", "don vi cham", "nguoi cham"),
            "Đơn vị chấm (trùng đơn vị: tự chấm; trống: điểm thống nhất)",
            "Scoring unit (same as unit: self score; blank: agreed score)",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "unit_id", "criterion", "scorer_id"),
    sheet_names=("scores", "diem", "cham diem", "bang diem"),
)

RANKINGS = RecordType(
    name="rankings",
    title_vi="Xếp hạng, suy tôn",
    title_en="Rankings",
    grain="one unit's declared rank or classification in a cluster for one results year",
    columns=(
        _ORGANIZER,
        _CLUSTER,
        _YEAR,
        _UNIT,
        Column(
            "rank",
            "int",
            False,
            ("rank", "xep hang", "thu hang", "xep thu", "hang"),
            "Thứ hạng được suy tôn (1 = Nhất)",
            "Declared rank (1 = first)",
        ),
        Column(
            "method",
            "text",
            False,
            ("method", "phuong thuc", "hinh thuc"),
            "Cách xếp: score (chấm điểm), vote (bỏ phiếu), score_and_vote",
            "How the rank was set: score, vote or score_and_vote",
            RANK_METHODS,
        ),
        Column(
            "classification",
            "text",
            False,
            ("classification", "xep loai", "danh hieu"),
            "Xếp loại, ví dụ “Hoàn thành xuất sắc nhiệm vụ”",
            "Classification, e.g. completed tasks excellently",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "unit_id"),
    sheet_names=("rankings", "xep hang", "suy ton"),
)

AWARDS = RecordType(
    name="awards",
    title_vi="Khen thưởng",
    title_en="Awards",
    grain="one award proposed, approved or decided for one unit (or for a unit not named) and year",
    columns=(
        _ORGANIZER,
        Column(
            "cluster",
            "cluster",
            False,
            _CLUSTER.headers,
            "Cụm/khối đề nghị (nếu có)",
            "Proposing cluster, if any",
        ),
        _YEAR,
        Column(
            "unit",
            "unit",
            False,
            _UNIT.headers,
            "Đơn vị được khen (trống: nguồn không nêu tên)",
            "Awarded unit (blank: the source does not name it)",
        ),
        Column(
            "award_type",
            "text",
            True,
            ("award type", "award", "hinh thuc khen thuong", "loai khen thuong", "khen thuong"),
            "Loại khen thưởng (mã trong bảng award_types)",
            "Award type code (see award_types)",
            AWARD_TYPE_CODES,
        ),
        Column(
            "issuer",
            "text",
            False,
            ("issuer", "cap khen", "co quan khen"),
            "Cấp khen",
            "Issuing authority",
        ),
        Column(
            "status",
            "text",
            True,
            ("status", "trang thai", "tinh trang"),
            "Trạng thái: proposed (đề nghị), approved (xét duyệt), decided (quyết định)",
            "Status: proposed, approved or decided",
            AWARD_STATUSES,
        ),
        Column(
            "decision_no",
            "text",
            False,
            ("decision", "decision no", "so quyet dinh"),
            "Số quyết định",
            "Decision number",
        ),
        Column(
            "decision_date",
            "date",
            False,
            ("decision date", "ngay quyet dinh"),
            "Ngày quyết định",
            "Decision date",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "unit_key", "award_type"),
    sheet_names=("awards", "khen thuong"),
)

EVENTS = RecordType(
    name="events",
    title_vi="Sự kiện (ký giao ước, sơ kết, tổng kết)",
    title_en="Events",
    grain="one covenant signing, review or campaign launch of a cluster",
    columns=(
        _ORGANIZER,
        _CLUSTER,
        _YEAR,
        Column(
            "event_type",
            "text",
            True,
            ("event type", "event", "loai su kien", "su kien", "hoi nghi"),
            "Loại: ký giao ước, sơ kết 6 tháng, tổng kết, phát động đợt thi đua",
            "Type: covenant_signing, mid_year_review, year_end_review, campaign_launch",
            EVENT_TYPES,
        ),
        Column(
            "event_date",
            "date",
            True,
            ("event date", "date", "ngay", "ngay to chuc", "thoi gian"),
            "Ngày tổ chức",
            "Date held",
        ),
        Column(
            "end_date",
            "date",
            False,
            ("end date", "den ngay", "ngay ket thuc"),
            "Ngày kết thúc (đợt thi đua)",
            "End date (campaigns)",
        ),
        Column(
            "part_of_day",
            "text",
            False,
            ("part of day", "buoi"),
            "Buổi: sáng (morning) / chiều (afternoon) / tối (evening)",
            "Morning, afternoon or evening",
            PARTS_OF_DAY,
        ),
        Column(
            "host",
            "unit",
            False,
            ("host", "host unit", "don vi dang cai", "dia diem", "noi to chuc"),
            "Đơn vị đăng cai",
            "Host unit",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "event_type", "event_date"),
    sheet_names=("events", "su kien", "hoi nghi"),
)

# Reference records: organisers and units beyond the ones in seeds/ (a whole country's units do
# not belong in a seed file). They load before the records that name them, and from then on the
# loader resolves names against them as it does against the seeds.
ORGANIZERS = RecordType(
    name="organizers",
    title_vi="Cơ quan tổ chức cụm/khối",
    title_en="Organisers",
    grain="one organiser of a cluster system (a province, ministry or mass organisation)",
    columns=(
        Column(
            "organizer_id",
            "text",
            True,
            ("organizer id", "organiser id", "ma to chuc", "ma co quan to chuc"),
            "Mã cơ quan tổ chức, ví dụ “nd-ubnd”",
            "Organiser code, e.g. “nd-ubnd”",
        ),
        Column(
            "name",
            "text",
            True,
            ("name", "organizer name", "ten", "ten co quan to chuc"),
            "Tên đầy đủ",
            "Full name",
        ),
        Column(
            "name_en",
            "text",
            False,
            ("name en", "english name", "ten tieng anh"),
            "Tên tiếng Anh",
            "English name",
        ),
        Column(
            "short_name",
            "text",
            False,
            ("short name", "ten viet tat", "ten ngan"),
            "Tên viết tắt",
            "Short name",
        ),
        Column(
            "level",
            "text",
            False,
            ("level", "cap"),
            "Cấp: province, ministry, mass_org, party",
            "Level: province, ministry, mass_org, party",
        ),
        Column(
            "province", "text", False, ("province", "tinh"), "Tỉnh (nếu có)", "Province, if any"
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id",),
    sheet_names=("organizers", "co quan to chuc", "to chuc", "don vi to chuc", "danh muc to chuc"),
)

UNITS = RecordType(
    name="units",
    title_vi="Danh mục đơn vị",
    title_en="Units",
    grain="one unit (an agency, locality or organisation) over its validity period",
    columns=(
        Column(
            "unit_id",
            "text",
            True,
            ("unit id", "ma don vi"),
            "Mã đơn vị, ví dụ “nd-so-gddt”",
            "Unit code, e.g. “nd-so-gddt”",
        ),
        Column(
            "name",
            "text",
            True,
            ("name", "canonical name", "ten", "ten chuan", "ten day du", "ten don vi"),
            "Tên chuẩn",
            "Canonical name",
        ),
        Column(
            "short_name",
            "text",
            False,
            ("short name", "ten viet tat", "ten ngan"),
            "Tên viết tắt",
            "Short name",
        ),
        Column(
            "unit_type",
            "text",
            False,
            ("unit type", "loai don vi", "loai"),
            "Loại: department, district, mass_org…",
            "Type: department, district, mass_org…",
        ),
        _ORGANIZER,
        Column(
            "valid_from", "date", False, ("valid from", "tu ngay"), "Hiệu lực từ ngày", "Valid from"
        ),
        Column(
            "valid_to", "date", False, ("valid to", "den ngay"), "Hiệu lực đến ngày", "Valid to"
        ),
        *_PROVENANCE,
    ),
    natural_key=("unit_id",),
    sheet_names=("units", "danh muc don vi", "don vi"),
)

# Sources: the articles and documents facts cite in `source_ref`. The seed lists the five news
# articles; a sources file gives any other reference its title, publisher and date. A fact may
# also cite a URL or a document number with no sources row at all: the build registers it.
SOURCES = RecordType(
    name="sources",
    title_vi="Nguồn (bài báo, văn bản)",
    title_en="Sources",
    grain="one cited source (a news article or a document), known by the id facts cite",
    columns=(
        Column(
            "source_id",
            "text",
            False,
            ("source id", "source", "ma nguon", "nguon"),
            "Mã nguồn mà cột source_ref của bản ghi dùng (trống: đường dẫn, không có thì số hiệu)",
            "Id the records' source_ref cites (blank: the URL, else the document number)",
        ),
        Column(
            "url",
            "text",
            False,
            ("url", "link", "source url", "duong dan", "lien ket"),
            "Đường dẫn trang bài báo hoặc văn bản",
            "Address of the article or document",
        ),
        Column(
            "document_no",
            "text",
            False,
            (
                "document no",
                "document number",
                "so van ban",
                "so hieu",
                "so hieu van ban",
                "so ky hieu",
            ),
            "Số, ký hiệu văn bản, ví dụ “123/QĐ-UBND”",
            "Document number, e.g. “123/QĐ-UBND”",
        ),
        Column(
            "title",
            "text",
            True,
            ("title", "headline", "tieu de", "ten bai", "ten bai viet", "trich yeu", "ten van ban"),
            "Tiêu đề bài báo hoặc trích yếu văn bản",
            "Headline of the article or subject of the document",
        ),
        Column(
            "publisher",
            "text",
            False,
            ("publisher", "published by", "co quan dang", "noi dang", "co quan ban hanh"),
            "Cơ quan đăng hoặc ban hành",
            "Who published or issued it",
        ),
        Column(
            "published_date",
            "date",
            False,
            ("published date", "published on", "date published", "ngay dang", "ngay ban hanh"),
            "Ngày đăng hoặc ngày ban hành",
            "Date published or issued",
        ),
        Column(
            "source_kind",
            "text",
            False,
            ("kind", "source kind", "loai", "loai nguon", "loai tai lieu"),
            "Loại nguồn: article (bài báo), official (văn bản), other",
            "Kind of source: article, official (a document) or other",
            SOURCE_KINDS,
        ),
        Column("note", "text", False, ("note", "notes", "ghi chu"), "Ghi chú", "Free note"),
    ),
    natural_key=("source_id",),
    sheet_names=("sources", "nguon", "nguon tin", "danh muc nguon"),
)

# Aliases: other names of a unit, in the shape of seeds/unit_aliases.csv (what `thidua aliases
# export` writes), so aliases analysts added can be kept in version control and loaded into any
# warehouse. They load after the units they point to and before the records that use them.
UNIT_ALIASES = RecordType(
    name="unit_aliases",
    title_vi="Bí danh đơn vị",
    title_en="Unit aliases",
    grain="one other name of a unit, within an organiser, a cluster and a range of years",
    columns=(
        Column(
            "alias",
            "text",
            True,
            ("alias", "other name", "bi danh", "ten goi khac", "ten khac"),
            "Tên khác của đơn vị, như được viết trong tài liệu",
            "Another name of the unit, as documents write it",
        ),
        Column(
            "unit_id",
            "text",
            True,
            ("unit id", "ma don vi"),
            "Mã đơn vị mà tên này chỉ tới, ví dụ “th-so-gddt”",
            "Id of the unit the name means, e.g. “th-so-gddt”",
        ),
        Column(
            "organizer",
            "organizer",
            False,
            (*_ORGANIZER.headers, "organizer id", "organiser id", "ma to chuc"),
            _ORGANIZER.description_vi,
            "Organiser the name is used in (default: Thanh Hóa provincial People's Committee)",
        ),
        Column(
            "cluster",
            "cluster",
            False,
            (*_CLUSTER.headers, "cluster id", "ma cum"),
            "Chỉ trong cụm/khối này (trống: mọi cụm của cơ quan tổ chức)",
            "Only within this cluster (blank: every cluster of the organiser)",
        ),
        Column(
            "valid_from_year",
            "int",
            False,
            ("valid from year", "valid from", "from year", "tu nam"),
            "Năm đầu tiên tên này được dùng (trống: luôn luôn)",
            "First results year the name applies to (blank: always)",
        ),
        Column(
            "valid_to_year",
            "int",
            False,
            ("valid to year", "valid to", "to year", "den nam"),
            "Năm cuối cùng tên này được dùng (trống: vẫn dùng)",
            "Last results year the name applies to (blank: still)",
        ),
        Column(
            "source_note",
            "text",
            False,
            ("source note", "ghi chu nguon"),
            "Tên này từ đâu ra",
            "Where the name comes from",
        ),
        *_PROVENANCE,
    ),
    natural_key=("alias", "organizer_id", "cluster_id", "valid_from_year", "valid_to_year"),
    sheet_names=("unit aliases", "aliases", "bi danh", "bi danh don vi", "ten goi khac"),
)

RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt
    for rt in (
        ORGANIZERS,
        UNITS,
        SOURCES,
        UNIT_ALIASES,
        CLUSTERS,
        MEMBERSHIPS,
        SCORES,
        RANKINGS,
        AWARDS,
        EVENTS,
    )
}

# The record types of the yearly facts; the generator writes one file for each.
LOAD_ORDER = ("clusters", "memberships", "scores", "rankings", "awards", "events")
# Reference first (names in the facts resolve against it), then clusters, then the facts.
REFERENCE_TYPES = ("organizers", "units", "sources", "unit_aliases")
