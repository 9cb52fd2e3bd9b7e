"""Every label of the dashboard in Vietnamese (the default) and English; number and date formats.

The analysts work in Vietnamese; English is there for visitors and reviewers. Keys are
dotted message ids grouped by page (`sidebar.*`, `overview.*`, `sql.*`) or by vocabulary
(`event_type.*`, `role.*`, ...). `t()` raises on an unknown key so a typo fails a test instead of
showing a raw id to a user; `term()` is for codes that come from data and may be new.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal, TypeGuard

Lang = Literal["vi", "en"]
LANGS: Final[tuple[Lang, ...]] = ("vi", "en")
DEFAULT_LANG: Final[Lang] = "vi"
LANG_NAMES: Final[dict[Lang, str]] = {"vi": "Tiếng Việt", "en": "English"}

# key -> (Vietnamese, English). Placeholders use str.format names.
_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # app and navigation
    "app.title": ("Thi đua Thanh Hóa", "Thanh Hóa emulation"),
    "app.subtitle": (
        "Cụm, khối thi đua tỉnh Thanh Hóa",
        "Emulation clusters and blocks of Thanh Hóa province",
    ),
    "nav.section.analysis": ("Phân tích", "Analysis"),
    "nav.section.tools": ("Công cụ", "Tools"),
    "page.overview": ("Tổng quan", "Overview"),
    "page.clusters": ("Cụm/Khối", "Clusters"),
    "page.units": ("Đơn vị", "Units"),
    "page.awards": ("Khen thưởng", "Awards"),
    "page.compare": ("So sánh", "Compare"),
    "page.quality": ("Chất lượng dữ liệu", "Data quality"),
    "page.sql": ("SQL", "SQL"),
    # sidebar
    "sidebar.language": ("Ngôn ngữ / Language", "Ngôn ngữ / Language"),
    "sidebar.filters": ("Bộ lọc", "Filters"),
    "filter.years": ("Năm thi đua", "Results years"),
    "filter.years.help": (
        "Năm mà kết quả thi đua nói tới, không phải ngày họp (hội nghị tháng 1/2022 tổng kết "
        "năm 2021).",
        "The year the results are about, not the meeting date (a January 2022 meeting reviews "
        "2021).",
    ),
    "filter.organizer": ("Cơ quan tổ chức", "Organiser"),
    "filter.kind": ("Loại", "Kind"),
    "filter.all": ("Tất cả", "All"),
    "filter.synthetic": ("Hiện dữ liệu mô phỏng", "Show synthetic data"),
    "filter.synthetic.help": (
        "Dữ liệu mô phỏng do bộ sinh dữ liệu tạo ra để minh họa xu hướng; không bao giờ mâu "
        "thuẫn với dữ kiện thật. Tắt để chỉ xem dữ kiện từ nguồn thật.",
        "Synthetic rows are made by the generator to show trends; they never contradict a real "
        "fact. Switch off to see only facts from real sources.",
    ),
    "sidebar.published": (
        "Công bố lúc {when} · phiên bản {version}",
        "Published {when} · version {version}",
    ),
    "sidebar.not_published": ("Chưa có bản công bố.", "Nothing published yet."),
    # vocabulary: cluster kinds, data origin
    "kind.cum": ("Cụm", "Cluster"),
    "kind.khoi": ("Khối", "Block"),
    "origin.title": ("Nguồn dữ liệu", "Data origin"),
    "origin.real": ("Thật", "Real"),
    "origin.synthetic": ("Mô phỏng", "Synthetic"),
    # vocabulary: roles, events, award statuses, fact kinds
    "role.leader": ("Trưởng cụm/khối", "Leader"),
    "role.deputy": ("Phó cụm/khối", "Deputy"),
    "role.member": ("Thành viên", "Member"),
    "role.unknown": ("Thành viên (không nêu vai trò)", "Member (role not stated)"),
    "event_type.covenant_signing": ("Ký giao ước thi đua", "Covenant signing"),
    "event_type.mid_year_review": ("Sơ kết 6 tháng", "Mid-year review"),
    "event_type.year_end_review": ("Tổng kết năm", "Year-end review"),
    "event_type.campaign_launch": ("Phát động đợt thi đua", "Campaign launch"),
    "status.proposed": ("Đề nghị", "Proposed"),
    "status.approved": ("Được chấp thuận", "Approved"),
    "status.decided": ("Đã có quyết định", "Decided"),
    "part_of_day.morning": ("buổi sáng", "morning"),
    "part_of_day.afternoon": ("buổi chiều", "afternoon"),
    "part_of_day.evening": ("buổi tối", "evening"),
    "fact.membership": ("Thành viên", "Membership"),
    "fact.ranking": ("Xếp hạng", "Ranking"),
    "fact.event": ("Sự kiện", "Event"),
    "fact.award": ("Khen thưởng", "Award"),
    "fact.rank_detail": ("{unit} xếp thứ {rank}", "{unit} ranked {rank}"),
    "fact.host": ("đơn vị đăng cai: {host}", "host: {host}"),
    "fact.award_unknown_unit": ("đơn vị không được nêu", "unit not named"),
    # states
    "state.no_warehouse.title": ("Chưa có kho dữ liệu", "No warehouse yet"),
    "state.no_warehouse.body": (
        "Không tìm thấy tệp `{path}`. Hãy chạy `make run` hoặc `thidua demo --no-serve` để dựng "
        "kho từ dữ liệu mẫu (hoặc `thidua build` sau khi nạp dữ liệu của bạn), rồi tải lại trang.",
        "The file `{path}` does not exist. Run `make run` or `thidua demo --no-serve` to build "
        "the warehouse from the bundled sample (or `thidua build` after loading your files), "
        "then reload this page.",
    ),
    "state.broken_warehouse": (
        "Không đọc được kho dữ liệu ({error}). Hãy dựng lại bằng `thidua build` hoặc "
        "`thidua demo --no-serve`.",
        "The warehouse could not be read ({error}). Rebuild it with `thidua build` or "
        "`thidua demo --no-serve`.",
    ),
    "state.empty": (
        "Không có dữ liệu cho bộ lọc đang chọn; hãy mở rộng khoảng năm hoặc bật dữ liệu mô phỏng.",
        "No data for the current filters; widen the years or show synthetic data.",
    ),
    # overview
    "overview.title": ("Tổng quan", "Overview"),
    "overview.scope": (
        "Năm thi đua {years} · Cơ quan tổ chức: {organizer} · Loại: {kind}",
        "Results years {years} · Organiser: {organizer} · Kind: {kind}",
    ),
    "overview.synthetic_on": (
        "Đang hiện cả **dữ liệu mô phỏng**: trên biểu đồ, điểm mô phỏng là hình tròn nhạt, điểm "
        "thật là hình thoi đậm. Tắt “Hiện dữ liệu mô phỏng” ở thanh bên để chỉ xem dữ liệu thật.",
        "**Synthetic data** is shown: on the charts synthetic points are pale circles and real "
        "ones are solid diamonds. Switch off “Show synthetic data” in the sidebar to see only "
        "real data.",
    ),
    "overview.synthetic_off": (
        "Chỉ hiển thị dữ kiện từ nguồn thật (dữ liệu mô phỏng đang ẩn).",
        "Only facts from real sources are shown (synthetic data hidden).",
    ),
    "metric.clusters": ("Cụm/khối", "Clusters/blocks"),
    "metric.units": ("Đơn vị", "Units"),
    "metric.events": ("Sự kiện", "Events"),
    "metric.awards": ("Khen thưởng", "Awards"),
    "metric.real_share": ("Tỷ lệ dữ liệu thật", "Share of real rows"),
    "metric.split.help": (
        "Thật: {real} · mô phỏng: {synthetic}",
        "Real: {real} · synthetic: {synthetic}",
    ),
    "metric.real_share.help": (
        "{real} trên {total} dòng dữ kiện (thành viên, điểm, sự kiện, khen thưởng) trong các năm "
        "đã chọn đến từ nguồn thật; phần còn lại là dữ liệu mô phỏng.",
        "{real} of {total} fact rows (memberships, scores, events, awards) in the selected years "
        "come from real sources; the rest is synthetic.",
    ),
    "chart.share.title": (
        "Điểm trung bình theo tỷ lệ điểm tối đa, theo cụm/khối",
        "Mean score as a share of the maximum, by cluster",
    ),
    "chart.share.caption": (
        "So sánh giữa các cụm dùng tỷ lệ trên điểm tối đa vì thang điểm (100 hay 1000) khác nhau. "
        "Bấm vào tên cụm ở chú giải để làm nổi bật (giữ Shift để chọn nhiều cụm).",
        "Clusters are compared on the share of the maximum because their scales (100 or 1000) "
        "differ. Click a cluster in the legend to highlight it (shift-click for several).",
    ),
    "chart.events.title": ("Số sự kiện theo năm thi đua", "Events per results year"),
    "chart.awards.title": ("Khen thưởng theo loại", "Awards by type"),
    "chart.year": ("Năm thi đua", "Results year"),
    "chart.share": ("Tỷ lệ điểm tối đa", "Share of maximum"),
    "chart.cluster": ("Cụm/khối", "Cluster"),
    "chart.count": ("Số lượng", "Count"),
    "chart.event_type": ("Loại sự kiện", "Event type"),
    "chart.award_type": ("Loại khen thưởng", "Award type"),
    "chart.status": ("Trạng thái", "Status"),
    "chart.no_scores": (
        "Chưa có điểm cho bộ lọc này (các nguồn thật thường chỉ công bố thứ hạng).",
        "No scores for these filters (real sources often publish only the ranking).",
    ),
    "real.title": ("Dữ kiện từ nguồn thật", "Facts from real sources"),
    "real.caption": (
        "Mỗi dòng là một dữ kiện do nguồn thật (bài báo, văn bản) nêu, kèm đường dẫn nguồn; "
        "những gì nguồn không nêu để trống.",
        "Each row is a fact stated by a real source (article, document) with its link; what a "
        "source does not state is left blank.",
    ),
    "col.fact": ("Loại dữ kiện", "Fact"),
    "col.year": ("Năm thi đua", "Results year"),
    "col.cluster": ("Cụm/khối", "Cluster"),
    "col.detail": ("Nội dung", "Detail"),
    "col.date": ("Ngày", "Date"),
    "col.source": ("Nguồn", "Source"),
    "col.link": ("Liên kết", "Link"),
    # SQL page
    "sql.title": ("Truy vấn SQL", "SQL query"),
    "sql.intro": (
        "Viết một câu truy vấn đọc (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) trên kho dữ liệu đã "
        "công bố. Các bảng nằm trong các lược đồ `marts`, `quality`, `meta`. Tối đa {rows} dòng, "
        "{seconds} giây; không được đọc/ghi tệp hay đổi cấu hình. Bộ lọc ở thanh bên không áp "
        "dụng cho trang này.",
        "Write one read query (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) over the published "
        "warehouse. Tables live in the schemas `marts`, `quality`, `meta`. At most {rows} rows "
        "and {seconds} s; no file access or setting changes. The sidebar filters do not apply "
        "here.",
    ),
    "sql.example": ("Truy vấn mẫu", "Example query"),
    "sql.example.none": ("— chọn một truy vấn mẫu —", "— pick an example —"),
    "sql.editor": ("Câu SQL", "SQL"),
    "sql.run": ("Chạy truy vấn", "Run query"),
    "sql.rows": ("{rows} dòng · {seconds} giây", "{rows} rows · {seconds} s"),
    "sql.truncated": (
        "Kết quả bị cắt ở {rows} dòng đầu; thêm điều kiện hoặc LIMIT để xem phần cần thiết.",
        "The result was cut at the first {rows} rows; add conditions or LIMIT.",
    ),
    "sql.download": ("Tải về CSV", "Download CSV"),
    "sql.refused": ("Truy vấn không được chạy", "Query not run"),
    "sql.detail": ("Thông báo của DuckDB", "DuckDB's message"),
    "sql.tables": ("Các bảng và cột", "Tables and columns"),
    "sql.col.table": ("Bảng", "Table"),
    "sql.col.columns": ("Cột", "Columns"),
    "sql.ex.members": ("Thành viên Cụm thi đua số 8 năm 2021", "Members of cluster no. 8 in 2021"),
    "sql.ex.real_facts": ("Sự kiện từ nguồn thật", "Events from real sources"),
    "sql.ex.trend": ("Tỷ lệ điểm trung bình theo cụm và năm", "Mean share of maximum by cluster"),
    "sql.ex.awards": ("Khen thưởng theo trạng thái", "Awards by status"),
    "sql.ex.tables": ("Danh sách bảng", "List of tables"),
}

# Codes that come from data (event types, roles...) and are looked up with `term()`.
_TERM_GROUPS: Final = frozenset(
    {"kind", "origin", "role", "event_type", "status", "part_of_day", "fact"}
)


def is_lang(value: object) -> TypeGuard[Lang]:
    return value in LANGS


def as_lang(value: object) -> Lang:
    """Any value to a supported language, falling back to Vietnamese."""
    return value if is_lang(value) else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message `key` in `lang`, with `{placeholders}` filled from `values`."""
    vi, en = _MESSAGES[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def term(group: str, code: str | None, lang: str = DEFAULT_LANG) -> str:
    """A label for a data code (e.g. `term("event_type", "mid_year_review")`).

    An unknown code is returned as it is: new codes in the data must not break the dashboard.
    """
    if group not in _TERM_GROUPS:
        raise KeyError(group)
    if code is None:
        code = "unknown"
    key = f"{group}.{code}"
    return t(key, lang) if key in _MESSAGES else code


def message_keys() -> frozenset[str]:
    return frozenset(_MESSAGES)


# --- formats -------------------------------------------------------------------------------------


def fmt_number(value: float | None, decimals: int = 0, lang: str = DEFAULT_LANG) -> str:
    """1234.5 -> "1.234,5" in Vietnamese, "1,234.5" in English; None -> "—"."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    # Swap the separators: Vietnamese groups thousands with "." and marks decimals with ",".
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_int(value: int | None, lang: str = DEFAULT_LANG) -> str:
    return fmt_number(value, 0, lang)


def fmt_percent(share: float | None, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """0.4567 -> "45,7%" (Vietnamese) or "45.7%" (English)."""
    if share is None:
        return "—"
    return fmt_number(share * 100, decimals, lang) + "%"


_EN_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def fmt_date(value: date | None, lang: str = DEFAULT_LANG) -> str:
    """dd/mm/yyyy in Vietnamese ("14/01/2022"); "14 Jan 2022" in English; None -> ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if lang == "en":
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    return value.strftime("%d/%m/%Y")


def fmt_datetime(value: datetime | None, lang: str = DEFAULT_LANG) -> str:
    """ "02/01/2025 08:30" in Vietnamese, "2 Jan 2025 08:30" in English; None -> ""."""
    if value is None:
        return ""
    return f"{fmt_date(value.date(), lang)} {value:%H:%M}"


def fmt_year_range(years: tuple[int, int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}–{last}"
