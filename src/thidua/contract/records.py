"""The input contract: the six raw record types, their columns and natural keys.

Everything that reads, validates, lands or documents raw records takes its column list from
here, so a column added here reaches the loader, the GX suites and `thidua load --help`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal[
    "text", "name", "unit", "cluster", "organizer", "int", "float", "date", "year", "partial_date"
]


@dataclass(frozen=True)
class Column:
    """One accepted input column.

    `kind` says how the loader treats the value:
    - text: normalised string (NFC, whitespace)
    - unit: a unit name, resolved to `<name>_id` with the original kept in `<name>_raw`
    - cluster: a cluster reference ("Cụm thi đua số V"), parsed to `cluster_id`
    - organizer: an organiser name, resolved to `organizer_id`
    - int / float / date: typed values (dates accept d/m/yyyy, d-m-yyyy, d.m.yyyy and ISO)
    - year: a results year, 2022 or a school year "2021-2022" (counted as 2022), the text as
      written kept in `<name>_raw`
    - partial_date: a day, or only its month ("3/2023") or year ("2023"), as reports give it:
      `<name>` holds the day when known, `<name>_period` the known part, `<name>_raw` the text
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
LEADING_ROLES = ("leader", "deputy")
CYCLES = ("calendar", "school_year")
EVENT_TYPES = ("covenant_signing", "mid_year_review", "year_end_review", "campaign_launch")
AWARD_STATUSES = ("proposed", "approved", "decided")
RANK_METHODS = ("score", "vote", "score_and_vote")
PARTS_OF_DAY = ("morning", "afternoon", "evening")
ROSTER_FLAGS = ("yes", "no")
SOURCE_KINDS = ("official", "article", "synthetic", "other")

_AWARD_SYSTEM_LABELS = {
    "province": ("UBND tỉnh", "provincial People's Committee"),
    "ministry": ("Bộ", "ministry"),
    "front": ("Mặt trận Tổ quốc", "Fatherland Front"),
    "party": ("Đảng", "Party committee"),
    "trade_union": ("Công đoàn", "trade union"),
    "other": ("Khác", "other"),
}

# Columns a review workbook or folder adds beside the contract's (`thidua extract`), Vietnamese
# and English. The loader reads the accept column (only rows a person accepted load) and leaves
# the others, which show the reviewer where each record came from.
REVIEW_COLUMNS: dict[str, tuple[str, str]] = {
    "accept": ("Chấp nhận", "accept"),
    "resolved_unit": ("Đơn vị nhận ra", "resolved unit"),
    "candidates": ("Gợi ý", "candidates"),
    "confidence": ("Độ tin cậy", "confidence"),
    "evidence": ("Câu trích", "evidence"),
    "evidence_start": ("Từ ký tự", "evidence start"),
    "evidence_end": ("Đến ký tự", "evidence end"),
    "document": ("Tài liệu", "document"),
}
# What an accept cell says when a person accepted the row (compared without diacritics).
ACCEPTED = ("x", "có", "yes", "y", "1", "true", "đồng ý", "chấp nhận", "ok", "✓", "✔")


# Coded values as analysts read them, Vietnamese and English. The loader accepts these spellings
# and more (vocabulary.py); messages and templates show these.
VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "role": {
        "leader": ("Cụm trưởng", "leader"),
        "deputy": ("Cụm phó", "deputy"),
        "member": ("Thành viên", "member"),
    },
    "event_type": {
        "covenant_signing": ("Ký giao ước", "covenant signing"),
        "mid_year_review": ("Sơ kết", "mid-year review"),
        "year_end_review": ("Tổng kết", "year-end review"),
        "campaign_launch": ("Phát động", "campaign launch"),
    },
    "status": {
        "proposed": ("Đề nghị", "proposed"),
        "approved": ("Xét duyệt", "approved"),
        "decided": ("Quyết định", "decided"),
    },
    "method": {
        "score": ("Chấm điểm", "score"),
        "vote": ("Bỏ phiếu suy tôn", "vote"),
        "score_and_vote": ("Chấm điểm và suy tôn", "score and vote"),
    },
    "part_of_day": {
        "morning": ("Sáng", "morning"),
        "afternoon": ("Chiều", "afternoon"),
        "evening": ("Tối", "evening"),
    },
    "roster_complete": {"yes": ("Có", "yes"), "no": ("Không", "no")},
    "source_kind": {
        "official": ("Văn bản", "official"),
        "article": ("Bài báo", "article"),
        "synthetic": ("Mô phỏng", "synthetic"),
        "other": ("Khác", "other"),
    },
    "cycle": {"calendar": ("Năm", "calendar year"), "school_year": ("Năm học", "school year")},
    "award_system": _AWARD_SYSTEM_LABELS,
    # who gives an award: an organiser's award system, or the Government above them all
    "issuer_kind": {"government": ("Chính phủ", "Government"), **_AWARD_SYSTEM_LABELS},
    "award_family": {
        "emulation_flag": ("Cờ thi đua", "emulation flag"),
        "certificate_of_merit": ("Bằng khen", "certificate of merit"),
        "collective_title": ("Danh hiệu tập thể", "collective title"),
        "classification": ("Xếp loại", "classification"),
        "rotating_flag": ("Cờ luân lưu", "rotating flag"),
    },
    "level": {
        "national": ("Trung ương", "national"),
        "ministry": ("Bộ", "ministry"),
        "province": ("Tỉnh", "province"),
        "unit": ("Đơn vị", "unit"),
        "cluster": ("Cụm", "cluster"),
        "any": ("Bất kỳ", "any"),
    },
}

# Award type codes are reference data (seeds/award_types.csv and loaded `award_types` records);
# the loader checks values against both, this tuple only documents the codes shipped in the seed.
AWARD_TYPE_CODES = (
    "GOV_FLAG",
    "PM_MERIT",
    "MIN_FLAG",
    "VGCL_FLAG",
    "FRONT_CENTRAL_FLAG",
    "PROV_FLAG",
    "MIN_MERIT",
    "VGCL_MERIT",
    "FRONT_CENTRAL_MERIT",
    "PROV_MERIT",
    "PARTY_PROV_FLAG",
    "PARTY_PROV_MERIT",
    "FRONT_PROV_FLAG",
    "FRONT_PROV_MERIT",
    "PROV_LF_FLAG",
    "PROV_LF_MERIT",
    "EXCELLENT_COLLECTIVE",
    "ADVANCED_COLLECTIVE",
    "EXCELLENT_TASKS",
    "ROTATING_FLAG",
)
# Whose awards: the award system an award type belongs to (award_types.issuer_kind), and the
# one an organiser's clusters give when a row names no issuer (organizers.award_system).
ISSUER_KINDS = ("government", "ministry", "province", "front", "party", "trade_union", "other")
AWARD_SYSTEMS = ("province", "ministry", "front", "party", "trade_union", "other")
AWARD_FAMILIES = (
    "emulation_flag",
    "certificate_of_merit",
    "collective_title",
    "classification",
    "rotating_flag",
)
AWARD_LEVELS = ("national", "ministry", "province", "unit", "cluster", "any")

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
    "year",
    True,
    ("results year", "year", "nam", "nam thi dua", "nam ket qua", "nam hoc"),
    "Năm thi đua mà bản ghi nói về (không phải ngày họp); năm học “2021-2022” tính là 2022",
    "The results year the record is about (not the meeting date); a school year “2021-2022”"
    " counts as 2022",
)
_UNIT = Column(
    "unit",
    "unit",
    True,
    ("unit", "unit name", "don vi", "ten don vi", "co quan"),
    "Tên đơn vị như được ghi",
    "The unit's name as written",
)
_ROLE_ORDER = Column(
    "role_order",
    "int",
    False,
    ("role order", "order", "thu tu", "thu tu vai tro", "thu tu pho", "pho thu"),
    "Thứ tự phó: 1 cho “Phó khối 1”, 2 cho “Phó khối 2” (cũng đọc được từ cột vai trò)",
    "Deputy order: 1 for “Phó khối 1”, 2 for “Phó khối 2” (also read from the role column)",
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
        Column(
            "cycle",
            "text",
            False,
            ("cycle", "chu ky", "chu ky thi dua", "ky thi dua"),
            "Chu kỳ thi đua: năm (calendar) hoặc năm học (school_year); trống: năm",
            "Emulation cycle: calendar year or school year (blank: calendar year)",
            CYCLES,
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
        _ROLE_ORDER,
        Column(
            "stated_member_count",
            "int",
            False,
            (
                "stated member count",
                "member count",
                "so thanh vien",
                "so don vi thanh vien",
                "tong so thanh vien",
                "tong so don vi",
            ),
            "Số thành viên của cụm-năm mà nguồn nêu, kể cả đơn vị không được nêu tên",
            "The cluster-year's member count as the source states it, unnamed members included",
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
        # "các đơn vị còn lại" stands for the cluster-year's members that no other award of the
        # same or a higher rank names (expanded in dbt: int_awards_expanded)
        Column(
            "unit",
            "unit",
            False,
            _UNIT.headers,
            "Đơn vị được khen (trống: nguồn không nêu tên); “các đơn vị còn lại” (cần ghi cụm):"
            " mọi thành viên của cụm-năm chưa có khen thưởng cùng hạng hoặc cao hơn",
            "Awarded unit (blank: the source does not name it); “các đơn vị còn lại” (the"
            " remaining units; needs the cluster): every member of the cluster-year that no award"
            " of the same or a higher rank names",
        ),
        Column(
            "award_type",
            "text",
            True,
            ("award type", "award", "hinh thuc khen thuong", "loai khen thuong", "khen thuong"),
            "Loại khen thưởng: mã hoặc tên trong bảng award_types; “Cờ thi đua”, “Bằng khen” không"
            " ghi cấp được đọc theo cột cấp khen, không có thì theo cơ quan tổ chức",
            "Award type: a code or name of award_types; a bare “Cờ thi đua” or “Bằng khen” is read"
            " by the issuer column, else by the organiser",
            AWARD_TYPE_CODES,
        ),
        Column(
            "issuer",
            "text",
            False,
            ("issuer", "cap khen", "co quan khen"),
            "Cấp khen, ví dụ “Bộ Tư pháp”, “UBND tỉnh”, “Tổng LĐLĐVN”, “MTTQ tỉnh”",
            "Issuing authority, e.g. “Bộ Tư pháp”, “UBND tỉnh”, “Tổng LĐLĐVN”, “MTTQ tỉnh”",
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
    # an award to a unit not named keys on the missing unit as a value of its own (staging's
    # unit_key), so one unnamed flag per cluster-year and type is one record
    natural_key=("organizer_id", "cluster_id", "results_year", "unit_id", "award_type"),
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
            "partial_date",
            False,
            ("event date", "date", "ngay", "ngay to chuc", "thoi gian"),
            "Ngày tổ chức; “3/2023” hoặc “2023” khi nguồn chỉ nêu tháng hoặc năm; trống: không rõ",
            "Date held; “3/2023” or “2023” when the source gives only the month or the year;"
            " blank: not known",
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
        Column(
            "document_no",
            "text",
            False,
            (
                "document no",
                "document number",
                "plan no",
                "so van ban",
                "so hieu van ban",
                "so ke hoach",
                "ke hoach so",
                "so quyet dinh",
                "so ky hieu",
            ),
            "Số kế hoạch, quyết định hoặc văn bản về sự kiện, ví dụ “45/KH-CTĐ”",
            "Number of the plan, decision or document about the event, e.g. “45/KH-CTĐ”",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "event_type", "event_date_period"),
    sheet_names=("events", "su kien", "hoi nghi"),
)

# Leadership as elected, apart from the roster: a year-end review elects next year's leader and
# deputies before anyone lists next year's members, and a roster row for them would make a
# seven-member cluster look like a two-member one.
LEADERSHIP = RecordType(
    name="leadership",
    title_vi="Cụm trưởng, cụm phó được bầu",
    title_en="Elected leadership",
    grain="one unit elected leader or deputy of a cluster for one results year",
    columns=(
        _ORGANIZER,
        _CLUSTER,
        Column(
            "results_year",
            "year",
            True,
            (*_YEAR.headers, "nam lam cum truong", "nhiem ky", "cho nam"),
            "Năm thi đua đơn vị giữ vai trò (năm được bầu cho, thường là năm sau hội nghị)",
            "The results year the unit leads in (the year elected for, usually the next one)",
        ),
        _UNIT,
        Column(
            "role",
            "text",
            True,
            ("role", "vai tro", "chuc danh", "nhiem vu"),
            "Vai trò: cụm trưởng (leader) / cụm phó (deputy), “Phó khối 2” ghi cả thứ tự",
            "Role: leader or deputy; “Phó khối 2” gives the order too",
            LEADING_ROLES,
        ),
        _ROLE_ORDER,
        Column(
            "elected_on",
            "partial_date",
            False,
            ("elected on", "election date", "ngay bau", "bau ngay", "ngay hoi nghi"),
            "Ngày bầu (thường là ngày hội nghị tổng kết)",
            "Date elected (usually the year-end review)",
        ),
        *_PROVENANCE,
    ),
    natural_key=("organizer_id", "cluster_id", "results_year", "unit_id"),
    sheet_names=(
        "leadership",
        "cum truong cum pho",
        "khoi truong khoi pho",
        "bau cum truong",
        "bau khoi truong",
        "lanh dao cum",
        "lanh dao khoi",
    ),
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
        Column(
            "award_system",
            "text",
            False,
            ("award system", "he thong khen thuong", "khen thuong theo"),
            "Hệ thống khen thưởng của cụm: province, ministry, front (MTTQ), party, trade_union"
            " (công đoàn), other; trống: suy ra từ tên, không có thì từ cấp",
            "Whose awards its clusters give: province, ministry, front, party, trade_union,"
            " other; blank: read from the name, else from the level",
            AWARD_SYSTEMS,
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
            "same_as",
            "text",
            False,
            ("same as", "same unit as", "cung don vi voi", "la don vi", "ma don vi tuong ung"),
            "Mã của cùng đơn vị trong hệ thống của cơ quan tổ chức khác, ví dụ LĐLĐ tỉnh trong"
            " cụm của tỉnh và trong cụm của Tổng Liên đoàn",
            "Id of the same unit in another organiser's system, e.g. a provincial trade union in"
            " the province's cluster and in the federation's",
        ),
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

# Award types beyond seeds/award_types.csv: an analyst adds one without code. A type loaded here
# never counts as the flag that qualifies for the Government flag (that stays in the reviewed
# seed), and the seed wins for a code it knows.
AWARD_TYPES = RecordType(
    name="award_types",
    title_vi="Danh mục loại khen thưởng",
    title_en="Award types",
    grain="one award type (a flag, certificate of merit, title or classification) and its issuer",
    columns=(
        Column(
            "award_type_code",
            "text",
            True,
            ("award type code", "code", "ma khen thuong", "ma loai khen thuong", "ma hinh thuc"),
            "Mã loại khen thưởng, ví dụ “BO_CONG_AN_FLAG”",
            "Award type code, e.g. “BO_CONG_AN_FLAG”",
        ),
        Column(
            "name_vi",
            "text",
            True,
            ("name vi", "name", "ten", "ten khen thuong", "ten hinh thuc khen thuong"),
            "Tên tiếng Việt, như văn bản ghi",
            "Vietnamese name, as documents write it",
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
            "level",
            "text",
            False,
            ("level", "cap"),
            "Cấp: national, ministry, province, unit, cluster, any",
            "Tier: national, ministry, province, unit, cluster, any",
            AWARD_LEVELS,
        ),
        Column(
            "issuer_kind",
            "text",
            True,
            ("issuer kind", "award system", "he thong khen thuong", "loai co quan khen"),
            "Hệ thống khen thưởng: government, ministry, province, front, party, trade_union,"
            " other",
            "Award system: government, ministry, province, front, party, trade_union, other",
            ISSUER_KINDS,
        ),
        Column(
            "award_family",
            "text",
            True,
            ("award family", "family", "nhom khen thuong", "nhom"),
            "Nhóm: emulation_flag (cờ thi đua), certificate_of_merit (bằng khen),"
            " collective_title, classification, rotating_flag",
            "Family: emulation_flag, certificate_of_merit, collective_title, classification,"
            " rotating_flag",
            AWARD_FAMILIES,
        ),
        Column(
            "issuer_vi",
            "text",
            False,
            ("issuer", "issuer vi", "co quan khen", "cap khen"),
            "Cơ quan, người khen",
            "Who confers it (Vietnamese)",
        ),
        Column(
            "issuer_en", "text", False, ("issuer en",), "Cơ quan khen (tiếng Anh)", "Who confers it"
        ),
        Column(
            "rank_order",
            "int",
            False,
            ("rank order", "thu tu", "thu bac"),
            "Thứ bậc (1 = cao nhất; trống: sau các loại đã có)",
            "Prestige order (1 = highest; blank: after the known types)",
        ),
        *_PROVENANCE,
    ),
    natural_key=("award_type_code",),
    sheet_names=(
        "award types",
        "loai khen thuong",
        "danh muc khen thuong",
        "danh muc loai khen thuong",
    ),
)

RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt
    for rt in (
        ORGANIZERS,
        UNITS,
        SOURCES,
        UNIT_ALIASES,
        AWARD_TYPES,
        CLUSTERS,
        MEMBERSHIPS,
        SCORES,
        RANKINGS,
        AWARDS,
        EVENTS,
        LEADERSHIP,
    )
}

# The record types of the yearly facts; the generator writes one file for each.
LOAD_ORDER = ("clusters", "memberships", "scores", "rankings", "awards", "events")
# Reference first (names in the facts resolve against it), then clusters, then the facts.
REFERENCE_TYPES = ("organizers", "units", "sources", "unit_aliases", "award_types")
# The order files and sheets load in, as far as their names tell their type.
INPUT_ORDER = (*REFERENCE_TYPES, *LOAD_ORDER, "leadership")
