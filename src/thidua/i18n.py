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
    "page.changes": ("Thay đổi", "Changes"),
    "page.quality": ("Chất lượng dữ liệu", "Data quality"),
    "page.sql": ("SQL", "SQL"),
    "page.intake": ("Nhập dữ liệu", "Intake"),
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
    # where one value comes from (a row can be real while some of its values are generated)
    "value_source.synthetic": ("Mô phỏng", "Synthetic"),
    "value_source.mixed": (
        "Hỗn hợp: thật ({refs}) và mô phỏng",
        "Mixed: real ({refs}) and synthetic",
    ),
    "value_source.mixed_unknown": ("Hỗn hợp: thật và mô phỏng", "Mixed: real and synthetic"),
    "value_source.mixed_real": ("Nhiều nguồn thật", "Several real sources"),
    "value_source.article": ("Bài báo", "News article"),
    "value_source.official": ("Văn bản chính thức", "Official record"),
    "value_source.other": ("Nguồn khác", "Other source"),
    "source_mix.real": ("Thật", "Real"),
    "source_mix.synthetic": ("Mô phỏng", "Synthetic"),
    "source_mix.mixed": ("Hỗn hợp", "Mixed"),
    "metric.origin.generated": ("gồm giá trị mô phỏng", "includes generated values"),
    "metric.origin.real": ("chỉ dữ liệu thật", "real data only"),
    "metric.origin.ratio": (
        "tính trên mọi dòng, kể cả mô phỏng",
        "counted over all rows, generated ones included",
    ),
    "metric.origin.none": ("chưa có giá trị", "no value"),
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
        "thật là hình thoi đậm. Nguồn thuộc về từng giá trị, không chỉ từng dòng: một dòng thật "
        "(thành viên do bài báo nêu) có thể mang điểm mô phỏng; di chuột trên biểu đồ hoặc xem cột "
        "nguồn cạnh giá trị trong bảng. Tắt “Hiện dữ liệu mô phỏng” ở thanh bên để chỉ xem dữ "
        "liệu thật.",
        "**Synthetic data** is shown: on the charts synthetic points are pale circles and real "
        "ones are solid diamonds. Sources belong to each value, not only to each row: a real row "
        "(a membership an article states) can carry a generated score; hover a chart or read the "
        "source column next to a value in a table. Switch off “Show synthetic data” in the "
        "sidebar to see only real data.",
    ),
    "overview.synthetic_off": (
        "Dữ liệu mô phỏng đang ẩn: bỏ các dòng mà mọi giá trị đều do bộ sinh dữ liệu tạo, và để "
        "trống các giá trị mô phỏng trong dòng thật (điểm, tỷ lệ điểm tối đa, thứ hạng theo điểm, "
        "thứ hạng và đơn vị dẫn đầu khi xét theo điểm, số sự kiện và số khen thưởng tổng hợp có "
        "phần mô phỏng, Trưởng/Phó cụm không có nguồn thật). Mọi giá trị còn hiện đều đến từ nguồn "
        "thật; số liệu tổng hợp chỉ tính trên các giá trị đó.",
        "Synthetic data is hidden: rows whose every value was generated are left out, and the "
        "generated values of real rows are blank (scores, share of maximum, rank by score, rank "
        "and leading unit when they rest on scores, event and award totals with a generated part, "
        "leaders and deputies no real source names). Every value still shown comes from a real "
        "source; totals and means count only those values.",
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
        "Cụm/khối đã chọn được tô màu, các cụm/khối khác màu xám; rê chuột lên một điểm để xem "
        "tên.",
        "Clusters are compared on the share of the maximum because their scales (100 or 1000) "
        "differ. The chosen cluster is drawn in colour, the others in grey; hover over a point "
        "for its name.",
    ),
    "chart.share.highlight": ("Cụm/khối tô màu", "Cluster in colour"),
    # what the share of the maximum is (fct_unit_year_scores.final_score / max_score; a
    # cluster's is mean_share_of_max), wherever it is shown
    "share.explained": (
        "Tỷ lệ điểm tối đa = điểm cuối cùng của đơn vị (điểm thống nhất; nếu không có thì điểm "
        "các đơn vị khác chấm chéo; nếu không có nữa thì điểm tự chấm), cộng điểm thưởng, chia "
        "cho tổng điểm tối đa của các tiêu chí được chấm; điểm thưởng có thể đưa tỷ lệ vượt 100%. "
        "Tỷ lệ của cụm/khối là trung bình của các đơn vị được chấm.",
        "Share of maximum = the unit's final score (the agreed score; without one, the score "
        "the other units gave it; without that, its own score), plus its bonus, over the "
        "maximum of the criteria scored; the bonus can take it past 100 %. A cluster's share is "
        "the mean over its scored units.",
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
        "công bố. Các bảng nằm trong các lược đồ `marts`, `quality`, `meta`, `reference`. Tối "
        "đa {rows} dòng, {seconds} giây; không được đọc/ghi tệp hay đổi cấu hình. Bộ lọc ở "
        "thanh bên không áp dụng cho trang này.",
        "Write one read query (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) over the published "
        "warehouse. Tables live in the schemas `marts`, `quality`, `meta`, `reference`. At "
        "most {rows} rows and {seconds} s; no file access or setting changes. The sidebar "
        "filters do not apply here.",
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
    "sql.ex.leaders": (
        "Trưởng, phó và đơn vị dẫn đầu Cụm thi đua số 8 qua các năm",
        "Leader, deputies and leading unit of cluster no. 8 by year",
    ),
    "sql.ex.mismatch": (
        "Thứ hạng công bố khác thứ hạng theo điểm",
        "Declared rank differs from the rank by score",
    ),
    "sql.ex.sources": ("Các nguồn bài báo và số dữ kiện", "Article sources and their facts"),
    "sql.no_rows": ("Truy vấn không trả về dòng nào.", "The query returned no rows."),
    "sql.schema.title": ("Cấu trúc dữ liệu", "Schema"),
    "sql.schema.table": ("Bảng", "Table"),
    "sql.schema.rows": ("Khoảng {rows} dòng", "About {rows} rows"),
    "sql.schema.no_description": ("(chưa có mô tả)", "(no description)"),
    "sql.schema.docs_source": (
        "Mô tả lấy từ chú thích lưu trong kho (dbt persist_docs); nếu kho chưa lưu thì đọc từ "
        "các tệp YAML của dbt trong dự án (models/**/*.yml, seeds/_seeds.yml).",
        "Descriptions come from the comments stored in the warehouse (dbt persist_docs); where "
        "none are stored, from the project's dbt YAML files (models/**/*.yml, seeds/_seeds.yml).",
    ),
    "sql.col.column": ("Cột", "Column"),
    "sql.col.type": ("Kiểu", "Type"),
    "sql.col.description": ("Mô tả", "Description"),
    "sql.col.rows": ("Số dòng (ước tính)", "Rows (estimate)"),
    # shared: tables, downloads, states
    "table.csv": ("Tải CSV", "Download CSV"),
    "table.open": ("Xem", "Open"),
    "col.unit_page": ("Trang đơn vị", "Unit page"),
    "col.cluster_page": ("Trang cụm/khối", "Cluster page"),
    "table.xlsx": ("Tải Excel (XLSX)", "Download Excel (XLSX)"),
    "table.excel_csv": ("Tải CSV cho Excel tiếng Việt", "Download CSV for Vietnamese Excel"),
    "table.excel_csv.help": (
        "Phân cách bằng “;”, dấu thập phân “,”, ngày dd/mm/yyyy: Excel cài đặt tiếng Việt mở "
        "thẳng, mỗi cột đúng chỗ.",
        "“;” between fields, “,” before decimals, dd/mm/yyyy dates: Excel set to Vietnamese "
        "opens it directly, each column in its place.",
    ),
    "table.truncated": (
        "Chỉ hiển thị {rows} dòng đầu; thu hẹp bộ lọc hoặc dùng trang SQL để xem toàn bộ.",
        "Only the first {rows} rows are shown; narrow the filters or use the SQL page for all.",
    ),
    "state.mart_missing": (
        "Kho dữ liệu đã công bố chưa có bảng `{table}` (bản dựng cũ hơn). Hãy chạy `thidua build` "
        "(hoặc `thidua demo --no-serve`) để dựng lại; các phần khác của trang vẫn dùng được.",
        "The published warehouse has no `{table}` table yet (an older build). Run `thidua build` "
        "(or `thidua demo --no-serve`) to rebuild; the rest of the page still works.",
    ),
    "source.file_row": ("{file}, dòng {row}", "{file}, row {row}"),
    "source.synthetic": ("Bộ sinh dữ liệu mô phỏng", "Synthetic data generator"),
    # the generator's reference (synthetic:province:seed=1) in words, in files for people
    "source.generator_run": (
        "{tier}, giá trị khởi tạo {seed}",
        "{tier}, seed {seed}",
    ),
    "source.tier.province": ("bộ dữ liệu cấp tỉnh", "province data set"),
    "source.tier.national": ("bộ dữ liệu toàn quốc", "national data set"),
    "common.yes": ("Có", "Yes"),
    "common.no": ("Không", "No"),
    # column headers
    "col.unit": ("Đơn vị", "Unit"),
    "col.units": ("Số đơn vị", "Units"),
    "col.role": ("Vai trò", "Role"),
    "col.name_as_written": ("Tên như nguồn ghi", "Name as written"),
    "col.origin": ("Nguồn dữ liệu", "Data origin"),
    "col.row_origin": ("Nguồn dữ liệu của dòng", "Row's data origin"),
    "col.row_origin.help": (
        "Thật: mọi giá trị của dòng đến từ nguồn thật; Mô phỏng: mọi giá trị đều do bộ sinh dữ "
        "liệu tạo; Hỗn hợp: dòng thật có giá trị mô phỏng (xem các cột nguồn cạnh từng giá trị).",
        "Real: every value of the row comes from a real source; Synthetic: every value was "
        "generated; Mixed: a real row with generated values (see the source next to each value).",
    ),
    "col.role_source": ("Nguồn vai trò", "Role source"),
    "col.role_source_ref": ("Mã nguồn vai trò", "Role source reference"),
    "col.role_link": ("Liên kết nguồn vai trò", "Role source link"),
    "col.role_file_row": ("Tệp, dòng của vai trò", "Role file, row"),
    "col.score_source": ("Nguồn điểm", "Score source"),
    "col.score_source.help": (
        "Nguồn của điểm, tỷ lệ điểm tối đa và thứ hạng theo điểm.",
        "Source of the scores, the share of maximum and the rank by score.",
    ),
    "col.score_source_ref": ("Mã nguồn điểm", "Score source reference"),
    "col.score_link": ("Liên kết nguồn điểm", "Score source link"),
    "col.score_file_row": ("Tệp, dòng của điểm", "Score file, row"),
    "col.rank_source": ("Nguồn thứ hạng công bố", "Declared rank source"),
    "col.rank_source_ref": ("Mã nguồn thứ hạng công bố", "Declared rank source reference"),
    "col.rank_link": ("Liên kết nguồn thứ hạng công bố", "Declared rank source link"),
    "col.rank_file_row": ("Tệp, dòng của thứ hạng công bố", "Declared rank file, row"),
    "col.leader_source": ("Nguồn Trưởng cụm/khối", "Leader source"),
    "col.leader_source_ref": ("Mã nguồn Trưởng cụm/khối", "Leader source reference"),
    "col.leader_link": ("Liên kết nguồn Trưởng cụm/khối", "Leader source link"),
    "col.deputy_source": ("Nguồn Phó cụm/khối", "Deputies source"),
    "col.deputy_source_ref": ("Mã nguồn Phó cụm/khối", "Deputies source reference"),
    "col.deputy_link": ("Liên kết nguồn Phó cụm/khối", "Deputies source link"),
    "col.top_unit_source": ("Nguồn đơn vị dẫn đầu", "Leading unit source"),
    "col.top_unit_source_ref": ("Mã nguồn đơn vị dẫn đầu", "Leading unit source reference"),
    "col.top_unit_link": ("Liên kết nguồn đơn vị dẫn đầu", "Leading unit source link"),
    "col.awards_source": ("Nguồn khen thưởng", "Awards source"),
    "col.awards_source_ref": ("Mã nguồn khen thưởng", "Awards source reference"),
    "col.awards_link": ("Liên kết nguồn khen thưởng", "Awards source link"),
    "col.values_origin": ("Giá trị", "Values"),
    "col.file_row": ("Tệp, dòng", "File, row"),
    "col.leader": ("Trưởng cụm/khối", "Leader"),
    "col.school_year": ("Năm học", "School year"),
    "col.school_year.help": (
        "Năm học kết thúc trong năm thi đua: các cụm/khối ngành giáo dục tính theo năm học "
        "(ví dụ năm học 2021-2022).",
        "The school year ending in the results year: education-sector clusters count by school "
        "year (e.g. 2021-2022).",
    ),
    "col.deputies": ("Phó cụm/khối", "Deputies"),
    "col.top_unit": ("Đơn vị dẫn đầu", "Leading unit"),
    "col.rank_basis": ("Căn cứ xếp hạng", "Rank basis"),
    "col.streak": ("Số năm liên tiếp dẫn đầu", "Years leading in a row"),
    "col.members": ("Số thành viên", "Members"),
    "col.members_mean": ("Thành viên (trung bình)", "Members (mean)"),
    "col.deputy_to_leader": ("Luân phiên", "Rotation"),
    "col.rank": ("Thứ hạng", "Rank"),
    "col.declared_rank": ("Thứ hạng công bố", "Declared rank"),
    "col.rank_by_score": ("Thứ hạng theo điểm", "Rank by score"),
    "col.share": ("Tỷ lệ điểm tối đa", "Share of maximum"),
    "col.final_score": ("Điểm", "Score"),
    "col.max_score": ("Điểm tối đa", "Maximum"),
    "col.self_score": ("Điểm tự chấm", "Self score"),
    "col.peer_score": ("Điểm chấm chéo", "Peer score"),
    "col.classification": ("Xếp loại", "Classification"),
    "col.check": ("Kiểm tra", "Check"),
    "col.criterion": ("Tiêu chí", "Criterion"),
    "col.scorer_kind": ("Người chấm", "Scored by"),
    "col.points": ("Điểm / tối đa", "Points / maximum"),
    "col.event_type": ("Loại sự kiện", "Event type"),
    "col.part_of_day": ("Buổi", "Part of day"),
    "col.host": ("Đơn vị đăng cai", "Host"),
    "col.award": ("Hình thức khen thưởng", "Award"),
    "col.status": ("Trạng thái", "Status"),
    "col.issuer": ("Cấp khen", "Issuer"),
    "col.decision_no": ("Số quyết định", "Decision no."),
    "col.decision_date": ("Ngày quyết định", "Decision date"),
    "col.awards_decided": ("Khen thưởng đã quyết định", "Awards decided"),
    "col.real_rows": ("Từ nguồn thật", "From real sources"),
    "col.rule": ("Quy định", "Rule"),
    "col.regime": ("Căn cứ pháp lý", "Legal basis"),
    "col.years": ("Các năm", "Years"),
    "col.years_n": ("Số năm", "Years"),
    "col.rule.prior_flag": (
        "Cờ Chính phủ cần đã có cờ tỉnh",
        "Government flag needs a prior provincial flag",
    ),
    "col.rule.max_share": ("Tỷ lệ đề nghị Cờ Chính phủ tối đa", "Max share of Government flags"),
    "col.rule.leading_unit": (
        "Cờ Chính phủ chỉ cho đơn vị dẫn đầu",
        "Government flag only for leading units",
    ),
    "col.rule.flags_per_leader": ("Số cờ tỉnh / đơn vị dẫn đầu", "Provincial flags per leader"),
    "col.note": ("Ghi chú", "Note"),
    "col.effective_date": ("Ngày hiệu lực", "Effective date"),
    "col.from_unit": ("Từ đơn vị", "From"),
    "col.to_unit": ("Thành đơn vị", "Into"),
    "col.relation": ("Hình thức", "Change"),
    "col.resource_type": ("Loại", "Type"),
    "col.name": ("Tên", "Name"),
    "col.seconds": ("Giây", "Seconds"),
    "col.message": ("Thông báo", "Message"),
    "col.version": ("Phiên bản", "Version"),
    "col.load_id": ("Lần nạp", "Load"),
    "col.loaded_at": ("Thời điểm nạp", "Loaded at"),
    "col.file": ("Tệp", "File"),
    "col.sheet": ("Trang tính", "Sheet"),
    "col.record_type": ("Loại bản ghi", "Record type"),
    "col.rows_read": ("Dòng đọc", "Rows read"),
    "col.rows_loaded": ("Dòng nạp", "Rows loaded"),
    "col.rows_quarantined": ("Dòng cách ly", "Rows quarantined"),
    "col.files": ("Số tệp", "Files"),
    "col.expectations": ("Số kiểm tra", "Expectations"),
    "col.expectation": ("Kiểm tra", "Expectation"),
    "col.failed": ("Không đạt", "Failed"),
    "col.rows_checked": ("Dòng được kiểm tra", "Rows checked"),
    "col.unexpected": ("Dòng không đạt", "Failing rows"),
    "col.validated_at": ("Kiểm tra lúc", "Validated at"),
    "col.column": ("Cột", "Column"),
    "col.row": ("Dòng", "Row"),
    "col.value": ("Giá trị", "Value"),
    "col.candidates": ("Tên gần nhất", "Closest known names"),
    "col.rows": ("Số dòng", "Rows"),
    # vocabulary added for the pages
    "scorer_kind.self": ("Tự chấm", "Self"),
    "scorer_kind.peer": ("Chấm chéo", "Peers"),
    "scorer_kind.agreed": ("Thống nhất", "Agreed"),
    "relation.merged_into": ("sáp nhập vào", "merged into"),
    "relation.split_into": ("tách, phần chính vào", "split, mainly into"),
    "relation.renamed_to": ("đổi tên thành", "renamed to"),
    "severity.error": ("Trái quy định", "Breach"),
    "severity.warning": ("Cần xem lại", "To review"),
    "severity.info": ("Không kiểm tra được", "Cannot be checked"),
    "rule_kind.legal": ("Quy định pháp luật", "Legal rule"),
    "rule_kind.practice": ("Thông lệ", "Practice"),
    "rule_kind.coverage": ("Thiếu dữ liệu", "Data coverage"),
    "rule_kind.consistency": ("Nhất quán dữ liệu", "Consistency"),
    "col.severity": ("Mức độ", "Severity"),
    "col.rule_kind": ("Loại quy định", "Kind of rule"),
    "col.applicability": ("Áp dụng khi", "Applies to"),
    "awards.rules.caption": (
        "Các quy định kho dữ liệu kiểm tra tự động (bảng tham chiếu compliance_rules).",
        "The rules the warehouse checks automatically (reference table compliance_rules).",
    ),
    "rank_basis.declared": ("Công bố (suy tôn)", "Declared (acclaimed)"),
    "rank_basis.score": ("Theo điểm", "By score"),
    "stage.proposed": ("Đề nghị", "Proposed"),
    "stage.approved": ("Được chấp thuận", "Approved"),
    "stage.decided": ("Đã có quyết định", "Decided"),
    "dbt_status.pass": ("Đạt", "Pass"),
    "dbt_status.success": ("Thành công", "Success"),
    "dbt_status.fail": ("Không đạt", "Fail"),
    "dbt_status.error": ("Lỗi", "Error"),
    "dbt_status.warn": ("Cảnh báo", "Warning"),
    "dbt_status.skipped": ("Bỏ qua", "Skipped"),
    "dbt_resource.model": ("Bảng (model)", "Model"),
    "dbt_resource.seed": ("Dữ liệu tham chiếu (seed)", "Seed"),
    "dbt_resource.test": ("Kiểm thử dữ liệu", "Data test"),
    "dbt_resource.unit_test": ("Kiểm thử đơn vị", "Unit test"),
    "dbt_resource.snapshot": ("Snapshot", "Snapshot"),
    "load_status.loaded": ("Đã nạp", "Loaded"),
    "load_status.rejected": ("Bị từ chối", "Rejected"),
    "load_status.skipped_duplicate": ("Bỏ qua (trùng nội dung)", "Skipped (same content)"),
    # charts shared by pages
    "chart.rank": ("Thứ hạng", "Rank"),
    "chart.role": ("Vai trò", "Role"),
    "chart.events_held": ("Số sự kiện", "Events held"),
    "chart.events_list": ("Đã tổ chức", "Held"),
    "chart.median": ("Trung vị", "Median"),
    "chart.band": ("Một nửa số cụm/khối nằm trong", "Middle half of the clusters"),
    "chart.coverage.share": ("Tỷ lệ cụm/khối đã tổ chức", "Share of clusters that held it"),
    "chart.many_clusters": (
        "Có hơn {max} cụm/khối trong lựa chọn: biểu đồ cho thấy trung vị và khoảng phân bố giữa "
        "các cụm (dải đậm: một nửa số cụm, dải nhạt: 80%). Chọn một cơ quan tổ chức hoặc một loại "
        "ở thanh bên để xem từng cụm/khối.",
        "More than {max} clusters are selected: the chart shows the median and the spread across "
        "clusters (dark band: the middle half, light band: 80 %). Pick an organiser or a kind in "
        "the sidebar to see each cluster.",
    ),
    "chart.coverage.title": (
        "Sự kiện đã tổ chức theo cụm/khối và năm thi đua",
        "Events held by cluster and results year",
    ),
    "chart.coverage.caption": (
        "Mỗi ô là một cụm/khối trong một năm thi đua: màu đậm hơn là nhiều sự kiện hơn (ký giao "
        "ước, sơ kết 6 tháng, tổng kết năm); di chuột để xem các sự kiện đã tổ chức.",
        "Each cell is a cluster in a results year: darker means more events (covenant signing, "
        "mid-year review, year-end review); hover to see which were held.",
    ),
    # pickers
    "picker.cluster": ("Cụm/khối thi đua", "Cluster or block"),
    "picker.cluster.help": (
        "Chỉ liệt kê cụm/khối có dữ liệu trong các năm và bộ lọc đang chọn; gõ để tìm.",
        "Only clusters with data in the selected years and filters are listed; type to search.",
    ),
    "picker.cluster.too_many": (
        "Có hơn {cap} cụm/khối: danh sách chỉ gồm {cap} cụm đầu tiên; chọn một cơ quan tổ chức "
        "hoặc một loại ở thanh bên để thu hẹp.",
        "More than {cap} clusters: the list holds the first {cap}; pick an organiser or a kind "
        "in the sidebar to narrow it.",
    ),
    "picker.clusters": ("Các cụm/khối cần so sánh", "Clusters to compare"),
    "picker.clusters.help": ("Chọn từ 2 đến {max} cụm/khối.", "Pick 2 to {max} clusters."),
    "picker.clusters.placeholder": ("Chọn cụm/khối…", "Pick clusters…"),
    "picker.unit": ("Đơn vị", "Unit"),
    "picker.unit.help": (
        "Đơn vị có tên mũi tên (→) đã được sắp xếp lại năm 2025: lịch sử của nó nối tiếp vào đơn "
        "vị kế thừa.",
        "A unit shown with an arrow (→) was reorganised in 2025: its history continues in its "
        "successor.",
    ),
    "picker.unit.search": ("Tìm đơn vị", "Find a unit"),
    "picker.unit.search.placeholder": ("gõ một phần tên, có dấu hoặc không", "part of the name"),
    "picker.unit.too_many": (
        "Có hơn {cap} đơn vị: hãy gõ tên vào ô tìm kiếm để thu hẹp danh sách.",
        "More than {cap} units: type in the search box to narrow the list.",
    ),
    # metrics shared by pages
    "metric.years": ("Số năm có dữ liệu", "Years with data"),
    "metric.members_last": ("Thành viên (năm gần nhất)", "Members (latest year)"),
    "metric.members_last.help": ("Năm thi đua {year}", "Results year {year}"),
    "metric.share_last": ("Tỷ lệ điểm tối đa (năm gần nhất)", "Share of maximum (latest year)"),
    "clusters.latest": (
        "Năm thi đua {year}: Trưởng cụm/khối **{leader}**; Phó: {deputies}; dẫn đầu: {top}.",
        "Results year {year}: leader **{leader}**; deputies: {deputies}; leading unit: {top}.",
    ),
    "metric.streak": ("Dẫn đầu liên tiếp dài nhất", "Longest leading streak"),
    "metric.streak.value": ("{years} năm", "{years} years"),
    "metric.mean_share": ("Tỷ lệ điểm tối đa (trung bình)", "Mean share of maximum"),
    "metric.firsts": ("Số lần xếp thứ Nhất", "Times ranked first"),
    "metric.approval_rate": ("Tỷ lệ được chấp thuận", "Approval rate"),
    "metric.approval_rate.help": (
        "Số khen thưởng được chấp thuận hoặc đã có quyết định, trên tổng số đề nghị.",
        "Awards approved or decided, over all proposals.",
    ),
    "metric.decision_rate": ("Tỷ lệ có quyết định", "Decision rate"),
    # cluster page
    "clusters.title": ("Cụm / Khối thi đua", "Cluster or block"),
    "clusters.profile": (
        "{kind} · Cơ quan tổ chức: {organizer} · Có ghi nhận {years} · Nguồn: {source}",
        "{kind} · Organiser: {organizer} · Attested {years} · Source: {source}",
    ),
    "clusters.synthetic_cluster": (
        "Cụm/khối này không có nguồn thật nào xác nhận: toàn bộ dữ liệu của nó là mô phỏng.",
        "No real source attests this cluster: all of its data is synthetic.",
    ),
    "clusters.tab.members": ("Thành viên", "Members"),
    "clusters.tab.leaders": ("Lãnh đạo cụm", "Leadership"),
    "clusters.tab.rank": ("Xếp hạng và điểm", "Ranks and scores"),
    "clusters.tab.criteria": ("Tiêu chí", "Criteria"),
    "clusters.tab.events": ("Sự kiện", "Events"),
    "clusters.tab.awards": ("Khen thưởng", "Awards"),
    "clusters.roster.title": ("Thành viên theo năm thi đua", "Members by results year"),
    "clusters.roster.caption": (
        "Mỗi hàng là một đơn vị, mỗi cột một năm: đỏ là Trưởng, cam là Phó, xanh là thành viên, "
        "xám là nguồn không nêu vai trò; ô nhạt là dữ liệu mô phỏng.",
        "One row per unit, one column per year: red = leader, orange = deputy, blue = member, "
        "grey = role not stated; pale cells are synthetic.",
    ),
    "clusters.leaders.title": ("Luân phiên Trưởng, Phó cụm/khối", "Leader and deputy rotation"),
    "clusters.leaders.none": (
        "Nguồn chưa nêu Trưởng, Phó cho các năm đã chọn.",
        "No source names a leader or deputy for the selected years.",
    ),
    "clusters.leaders.rotation": (
        "Trưởng cụm/khối từng là Phó năm trước: {rotated} trên {known} năm (ô có dấu ↑).",
        "The leader was deputy the year before in {rotated} of {known} years (cells marked ↑).",
    ),
    "clusters.top.title": ("Lãnh đạo và đơn vị dẫn đầu theo năm", "Leadership and leading unit"),
    "clusters.top.caption": (
        "Đơn vị dẫn đầu là đơn vị xếp thứ Nhất: theo thứ hạng công bố khi có, nếu không thì theo "
        "điểm; để trống khi không rõ hoặc đồng hạng.",
        "The leading unit is the one ranked first: by declared rank where published, else by "
        "score; blank when unknown or tied.",
    ),
    "clusters.bump.title": ("Thứ hạng qua các năm", "Rank over the years"),
    "clusters.bump.none": ("Chưa có thứ hạng cho các năm đã chọn.", "No ranks for these years."),
    "clusters.bump.caption": (
        "Thứ hạng công bố khi có, nếu không thì thứ hạng theo điểm. Đơn vị đã chọn được tô màu, "
        "các đơn vị khác màu xám; rê chuột lên một điểm để xem tên.",
        "Declared rank where published, else rank by score. The chosen unit is drawn in colour, "
        "the others in grey; hover over a point for its name.",
    ),
    "clusters.bump.highlight": ("Đơn vị tô màu", "Unit in colour"),
    # did the cluster's flag go to the unit ranked first (fct_cluster_year.is_flag_to_top_unit)
    "clusters.flag.tally": (
        "Cờ thi đua của cụm/khối (của UBND tỉnh, của Bộ) trao cho đơn vị xếp thứ Nhất: ✓ {yes} "
        "năm, ✗ {no} năm, chưa rõ (?) {unknown} năm; các năm còn lại chưa ghi nhận Cờ.",
        "The cluster's flag (provincial or ministry) to the unit ranked first: ✓ {yes} years, "
        "✗ {no}, unknown (?) {unknown}; no flag is recorded for the other years.",
    ),
    "col.flag_to_top": ("Cờ cho đơn vị thứ Nhất", "Flag to the first"),
    "col.flag_to_top.help": (
        "✓: Cờ thi đua của cụm/khối (của UBND tỉnh hoặc của Bộ, kể cả khi mới đề nghị) trao cho "
        "đơn vị xếp thứ Nhất; ✗: trao cho đơn vị khác; ?: chưa biết (nguồn không nêu đơn vị, "
        "hoặc chưa biết ai xếp thứ Nhất); để trống khi chưa ghi nhận Cờ.",
        "✓: the cluster's flag (provincial or ministry, even when only proposed) went to the "
        "unit ranked first; ✗: to another unit; ?: not known (the source names no unit, or who "
        "ranked first is not known); blank when no flag is recorded.",
    ),
    "col.flag_units": ("Đơn vị nhận Cờ", "Flag went to"),
    "col.flag_reason": ("Căn cứ", "Basis"),
    "flag_check.flag_to_top_unit": (
        "Cờ trao cho đơn vị xếp thứ Nhất",
        "The flag went to the unit ranked first",
    ),
    "flag_check.flag_to_other_unit": (
        "Cờ trao cho đơn vị không xếp thứ Nhất",
        "The flag went to a unit not ranked first",
    ),
    "flag_check.no_flag_recorded": ("Chưa ghi nhận Cờ thi đua", "No flag recorded"),
    "flag_check.flag_unit_not_named": (
        "Nguồn không nêu tên đơn vị nhận Cờ",
        "The source does not name the unit",
    ),
    "flag_check.first_place_unknown": (
        "Chưa biết đơn vị xếp thứ Nhất",
        "The unit ranked first is not known",
    ),
    "clusters.spread.title": ("Phân bố điểm theo năm", "Score spread by year"),
    "clusters.spread.caption": (
        "Hộp: từ thấp nhất đến cao nhất và trung vị của tỷ lệ điểm tối đa; mỗi chấm là một đơn vị.",
        "Box: lowest to highest and median share of the maximum; each dot is a unit.",
    ),
    "clusters.checks.title": ("Kiểm tra nhất quán", "Consistency checks"),
    "clusters.checks.none": (
        "Không phát hiện điểm bất thường: thứ hạng công bố khớp điểm, đơn vị được chấm đều là "
        "thành viên và Trưởng cụm/khối được chấm điểm hoặc xếp hạng.",
        "Nothing to flag: declared ranks match the scores, every scored unit is a member and the "
        "leader is scored or ranked.",
    ),
    "check.rank_mismatch": ("Thứ hạng công bố khác điểm", "Declared rank differs from score"),
    "check.rank_mismatch.detail": (
        "Công bố xếp thứ {declared}, theo điểm xếp thứ {by_score}; kho giữ cả hai, không tự xếp "
        "lại.",
        "Declared rank {declared}, rank by score {by_score}; both are kept, nothing is re-ranked.",
    ),
    "check.not_member": ("Được chấm nhưng không có trong danh sách", "Scored but not on roster"),
    "check.not_member.detail": (
        "Đơn vị có điểm hoặc thứ hạng nhưng không có bản ghi thành viên của năm này.",
        "The unit has a score or rank but no membership record for the year.",
    ),
    "check.leader_not_member": ("Trưởng cụm không là thành viên", "Leader not a member"),
    "check.leader_not_member.detail": (
        "Trưởng cụm/khối của năm không được chấm điểm hay xếp hạng, trong khi mọi đơn vị khác "
        "đều có (cùng quy tắc với phát hiện ở trang Khen thưởng).",
        "The year's leader was neither scored nor ranked while every other unit was (the same "
        "rule as the finding on the Awards page).",
    ),
    "clusters.results.title": ("Điểm và thứ hạng từng đơn vị", "Scores and ranks of each unit"),
    "clusters.criteria.title": ("Điểm theo tiêu chí", "Scores by criterion"),
    "clusters.criteria.year": ("Năm thi đua", "Results year"),
    "clusters.criteria.caption": (
        "Tỷ lệ trên điểm tối đa của từng tiêu chí, theo người chấm: tự chấm, chấm chéo, thống "
        "nhất. Thanh tự chấm dài hơn chấm chéo là nơi đơn vị tự đánh giá cao hơn đồng nghiệp.",
        "Share of each criterion's maximum by who scored it: self, peers, agreed. A self bar "
        "longer than the peer bar is where units rate themselves above their peers.",
    ),
    "clusters.criteria.units.title": (
        "Từng đơn vị theo tiêu chí (điểm dùng để xếp hạng)",
        "Each unit by criterion (the score used for ranking)",
    ),
    "clusters.events.title": ("Lịch sự kiện", "Events calendar"),
    "clusters.events.caption": (
        "Trong {years} năm đã chọn: {covenant} lần ký giao ước, {mid} lần sơ kết 6 tháng, {end} "
        "lần tổng kết năm. Hội nghị tổng kết tháng 1 báo cáo năm thi đua trước đó.",
        "In the {years} selected years: {covenant} covenant signings, {mid} mid-year reviews, "
        "{end} year-end reviews. A January year-end review reports the previous results year.",
    ),
    "clusters.awards.title": ("Khen thưởng của cụm/khối", "Awards through the cluster"),
    "clusters.awards.caption": (
        "{total} khen thưởng, {decided} đã có quyết định ({share}).",
        "{total} awards, {decided} decided ({share}).",
    ),
    "leadership.was_deputy": ("là Phó năm trước", "deputy the year before"),
    "leadership.leads_next": ("làm Trưởng năm sau", "leads the next year"),
    # unit page
    "units.title": ("Đơn vị", "Unit"),
    "units.none": (
        "Không có đơn vị nào khớp bộ lọc hoặc từ khóa; hãy mở rộng khoảng năm hoặc xóa từ khóa.",
        "No unit matches the filters or the search; widen the years or clear the search.",
    ),
    "units.profile": (
        "Tên viết tắt: {short} · Loại: {kind} · Hệ thống thi đua: {organizer}",
        "Short name: {short} · Type: {kind} · Cluster system: {organizer}",
    ),
    "unit.family.became": (
        "{unit} {relation} {successor} ({date}): các năm sau đó tiếp tục dưới tên đơn vị kế "
        "thừa, nên xu hướng không bị cắt ngang.",
        "{unit} was {relation} {successor} ({date}): later years continue under the successor, "
        "so the trend carries on.",
    ),
    "unit.family.absorbed": (
        "{unit} tiếp nhận: {others}. Lịch sử của các đơn vị đó được xếp chung để xu hướng liền "
        "mạch qua đợt sắp xếp năm 2025.",
        "{unit} took over: {others}. Their histories are lined up with it so the trend continues "
        "across the 2025 reorganisation.",
    ),
    "unit.rank_of": ("{rank}/{size}", "{rank} of {size}"),
    "unit.name_then": ("Tên đơn vị khi đó", "Unit as then named"),
    "unit.merge_marker": ("sắp xếp lại", "reorganised"),
    "units.share.title": ("Tỷ lệ điểm tối đa qua các năm", "Share of maximum over the years"),
    "units.rank.title": ("Thứ hạng trong cụm/khối", "Rank in its clusters"),
    "units.merge.caption": (
        "Đường đứt nét: năm sắp xếp lại tổ chức; trước đó là số liệu của đơn vị tiền thân (xem tên "
        "khi di chuột).",
        "Dashed line: the reorganisation; before it, the figures are the predecessor's (hover for "
        "the name then).",
    ),
    "units.history.title": ("Lịch sử qua các cụm/khối", "History across clusters"),
    "units.awards.title": ("Khen thưởng", "Awards"),
    "units.awards.none": (
        "Đơn vị chưa có khen thưởng nào trong các năm và bộ lọc đang chọn.",
        "The unit has no awards in the selected years and filters.",
    ),
    "units.lineage.title": ("Sắp xếp lại tổ chức", "Reorganisations"),
    # awards page
    "awards.title": ("Khen thưởng", "Awards"),
    "awards.tab.funnel": ("Quy trình đề nghị → quyết định", "Proposal → decision"),
    "awards.tab.compliance": ("Tuân thủ quy định", "Compliance"),
    "awards.tab.list": ("Danh sách khen thưởng", "All awards"),
    "awards.funnel.title": (
        "Đề nghị → chấp thuận → quyết định",
        "Proposed → approved → decided",
    ),
    "awards.funnel.caption": (
        "Mọi khen thưởng đều bắt đầu từ đề nghị; “được chấp thuận” gồm cả những khen thưởng đã có "
        "quyết định.",
        "Every award starts as a proposal; “approved” includes those already decided.",
    ),
    "awards.stage_dropped": (
        "Không hiển thị giai đoạn “{stage}”: trong lựa chọn này số lượng của nó luôn bằng giai "
        "đoạn liền kề (không khen thưởng nào dừng ở đó), nên không cho thêm thông tin.",
        "The “{stage}” stage is not shown: in this selection its count always equals the next "
        "or previous stage's (no award stopped there), so it tells nothing more.",
    ),
    "awards.compliance.year": ("Năm thi đua của phát hiện", "Results year of the findings"),
    "awards.compliance.cluster": ("Cụm/khối của phát hiện", "Cluster of the findings"),
    "col.reason": ("Lý do", "Reason"),
    "awards.by": ("Xem theo", "Group by"),
    "awards.by.year": ("Năm thi đua", "Results year"),
    "awards.by.type": ("Hình thức khen thưởng", "Award type"),
    "awards.by.cluster": ("Cụm/khối", "Cluster"),
    "awards.stage": ("Bước", "Stage"),
    "awards.no_cluster": ("(không qua cụm/khối)", "(no cluster)"),
    "awards.compliance.title": ("Phát hiện về tuân thủ", "Compliance findings"),
    "awards.compliance.caption": (
        "Mỗi dòng là một trường hợp trái quy định của chế độ pháp lý có hiệu lực cho năm thi đua "
        "đó (Luật 2003 đến 2017, Nghị định 91/2017 từ 2018, Luật 06/2022 từ 2024).",
        "Each row is one break of a rule of the legal regime in force for its results year (Law "
        "2003 to 2017, Decree 91/2017 from 2018, Law 06/2022 from 2024).",
    ),
    "awards.compliance.none": (
        "Không có trường hợp trái quy định trong các năm đã chọn.",
        "No rule breaks in the selected years.",
    ),
    "awards.regimes.title": ("Các chế độ pháp lý và quy định kiểm tra được", "Legal regimes"),
    "awards.list.title": ("Danh sách khen thưởng", "All awards"),
    # compare page
    "compare.title": ("So sánh cụm/khối", "Compare clusters"),
    "compare.too_few": (
        "Cần ít nhất hai cụm/khối có dữ liệu; hãy mở rộng khoảng năm hoặc bỏ bớt bộ lọc.",
        "At least two clusters with data are needed; widen the years or relax the filters.",
    ),
    "compare.pick_two": (
        "Chọn từ 2 đến {max} cụm/khối để so sánh.",
        "Pick 2 to {max} clusters to compare.",
    ),
    "compare.summary.title": ("Tóm tắt", "Summary"),
    "compare.summary.caption": (
        "Trung bình trên các năm đã chọn. So sánh bằng tỷ lệ trên điểm tối đa, không bằng điểm "
        "thô, vì thang điểm các cụm khác nhau (100 hay 1000 điểm).",
        "Means over the selected years. Compared on the share of the maximum, never raw points, "
        "because scales differ (100 or 1000 points).",
    ),
    "compare.mean_share": ("Tỷ lệ điểm tối đa (TB)", "Mean share of maximum"),
    "compare.share_spread": ("Dao động giữa các năm", "Year-to-year spread"),
    "compare.rank_change": ("Thay đổi thứ hạng (TB)", "Mean rank change"),
    "compare.rank_change.help": (
        "Trung bình mức thay đổi thứ hạng (tuyệt đối) của một đơn vị từ năm này sang năm sau; "
        "càng nhỏ thì bảng xếp hạng càng ổn định.",
        "Mean absolute change of a unit's rank from one year to the next; smaller means a more "
        "stable ranking.",
    ),
    "compare.award_rate": ("Tỷ lệ khen thưởng", "Award rate"),
    "compare.award_rate.help": (
        "Số khen thưởng đã có quyết định trên số thành viên của cụm/khối; để trống những năm "
        "chưa ghi nhận khen thưởng nào.",
        "Decided awards per member of the cluster; blank for a year with no award recorded.",
    ),
    "compare.share.title": ("Tỷ lệ điểm tối đa", "Share of maximum"),
    "compare.stability.title": ("Độ ổn định thứ hạng", "Rank stability"),
    "compare.awards.title": ("Tỷ lệ khen thưởng", "Award rate"),
    "compare.years.title": ("Số liệu theo năm", "By year"),
    # changes page (mart_cluster_changes, mart_unit_changes)
    "changes.title": ("Thay đổi qua các năm", "Changes over the years"),
    "changes.too_few_years": (
        "Cần ít nhất hai năm thi đua có dữ liệu để so sánh; hãy mở rộng khoảng năm ở thanh bên.",
        "At least two results years with data are needed; widen the years in the sidebar.",
    ),
    "changes.base": ("Từ năm (năm gốc)", "From (base year)"),
    "changes.end": ("Đến năm", "To (end year)"),
    "changes.sort": ("Xếp theo", "Sort by"),
    "changes.sort.share": ("Thay đổi tỷ lệ điểm tối đa", "Change in share of maximum"),
    "changes.sort.rank": ("Thay đổi thứ hạng", "Change in rank"),
    "changes.caption": (
        "Năm {end} so với năm {base}: tỷ lệ điểm tối đa tăng hay giảm bao nhiêu điểm phần trăm, "
        "thứ hạng lên (+) hay xuống (−) bao nhiêu bậc. Cụm/khối được xếp với các cụm/khối cùng "
        "loại của cùng cơ quan tổ chức; đơn vị được so trong cùng một cụm/khối, kể cả qua sắp "
        "xếp lại tổ chức (đơn vị kế thừa).",
        "{end} against {base}: how many percentage points the share of the maximum rose or "
        "fell, how many places the rank moved up (+) or down (−). Clusters are placed among the "
        "same organiser's clusters of their kind; units are compared within one cluster, "
        "followed through reorganisations (to their successor).",
    ),
    "changes.points": ("{value} điểm %", "{value} pts"),
    "changes.gain": ("Tăng", "Gain"),
    "changes.loss": ("Giảm", "Loss"),
    "changes.no_measure": (
        "Chưa có giá trị “{measure}” cho hai năm này.",
        "No “{measure}” for these two years.",
    ),
    "changes.clusters.title": ("Cụm/khối tiến bộ nhiều nhất", "Clusters that improved most"),
    "changes.clusters.best": (
        "Từ {base} đến {end}, tiến bộ nhiều nhất là **{name}** ({change}).",
        "From {base} to {end}, **{name}** improved most ({change}).",
    ),
    "changes.units.title": ("Đơn vị tiến bộ nhiều nhất", "Units that improved most"),
    "changes.units.best": (
        "Từ {base} đến {end}, tiến bộ nhiều nhất là **{name}** ({change}).",
        "From {base} to {end}, **{name}** improved most ({change}).",
    ),
    "changes.units.caption": (
        "{shown} đơn vị ở cùng một cụm/khối cả hai năm; biểu đồ cho thấy các mức tăng và giảm "
        "lớn nhất.",
        "{shown} units sat in the same cluster in both years; the chart shows the largest gains "
        "and losses.",
    ),
    "changes.col.share_change": ("Tỷ lệ thay đổi (điểm %)", "Share change (pts)"),
    "changes.col.base_share": ("Tỷ lệ năm gốc", "Share, base year"),
    "changes.col.end_share": ("Tỷ lệ năm cuối", "Share, end year"),
    "changes.col.place_change": ("Số bậc tăng", "Places gained"),
    "changes.place.help": (
        "Vị trí của cụm/khối giữa các cụm/khối cùng loại của cơ quan tổ chức, xếp theo tỷ lệ "
        "điểm tối đa trung bình; +3 là từ thứ 5 lên thứ 2.",
        "The cluster's place among its organiser's clusters of its kind by mean share of the "
        "maximum; +3 is from 5th to 2nd.",
    ),
    "changes.col.base_place": ("Vị trí năm gốc", "Place, base year"),
    "changes.col.end_place": ("Vị trí năm cuối", "Place, end year"),
    "changes.stability.help": (
        "Trung bình mức thay đổi thứ hạng (tuyệt đối) của các đơn vị có thứ hạng ở cả hai năm; "
        "càng nhỏ thì thứ tự càng giữ nguyên.",
        "Mean absolute change of the rank of the units ranked in both years; smaller means the "
        "order held.",
    ),
    "changes.col.units_compared": ("Số đơn vị so được", "Units compared"),
    "changes.col.rank_change": ("Số bậc tăng", "Places gained"),
    "changes.rank.help": (
        "Thứ hạng được tính (thứ hạng công bố khi có, nếu không thì theo điểm) trong cụm/khối; "
        "+3 là từ thứ 5 lên thứ 2, số âm là tụt hạng.",
        "The rank that counts (declared where published, else by score) in the cluster; +3 is "
        "from 5th to 2nd, a negative number a fall.",
    ),
    "changes.col.base_rank": ("Hạng năm gốc", "Rank, base year"),
    "changes.col.end_rank": ("Hạng năm cuối", "Rank, end year"),
    # data-quality page
    "quality.title": ("Chất lượng dữ liệu", "Data quality"),
    "quality.caption": (
        "Dữ liệu đã nạp, đã kiểm tra, bị cách ly và đã công bố. Bộ lọc ở thanh bên không áp dụng "
        "cho trang này.",
        "What was loaded, checked, quarantined and published. The sidebar filters do not apply "
        "here.",
    ),
    "quality.published_at": ("Công bố lúc", "Published at"),
    "quality.version": ("Phiên bản thidua: {version}", "thidua version: {version}"),
    "quality.tests_passed": ("Kiểm thử đạt", "Tests passed"),
    "quality.tests_failed": ("Kiểm thử không đạt", "Tests failed"),
    "quality.dbt_seconds": ("Thời gian dbt (giây)", "dbt time (s)"),
    "quality.tab.build": ("Bản công bố và kiểm thử dbt", "Publish and dbt tests"),
    "quality.tab.loads": ("Nhật ký nạp", "Load ledger"),
    "quality.tab.checks": ("Kiểm tra Great Expectations", "Great Expectations"),
    "quality.tab.quarantine": ("Cách ly và tên chưa nhận ra", "Quarantine and unknown names"),
    "quality.dbt.title": ("Kết quả dựng của bản đang công bố", "The published build"),
    "quality.dbt.ok": (
        "Mọi kiểm thử đều đạt ({tests}); {models} bảng và dữ liệu tham chiếu được dựng.",
        "Every test passed ({tests}); {models} models and seeds were built.",
    ),
    "quality.dbt.problems": (
        "{n} mục không đạt hoặc lỗi: xem đầu bảng.",
        "{n} nodes failed or errored: see the top of the table.",
    ),
    "quality.publishes.title": ("Lịch sử công bố", "Publish history"),
    "quality.ledger.title": ("Các tệp đã nạp", "Files loaded"),
    "quality.ledger.caption": (
        "{files} lần nạp: đọc {read} dòng = nạp {loaded} + cách ly {quarantined}.",
        "{files} loads: {read} rows read = {loaded} loaded + {quarantined} quarantined.",
    ),
    "quality.ledger.unbalanced": (
        "{n} lần nạp không cân (dòng đọc ≠ dòng nạp + dòng cách ly).",
        "{n} loads do not balance (read ≠ loaded + quarantined).",
    ),
    "quality.gx.title": ("Kết quả kiểm tra theo loại bản ghi", "Results per record type"),
    "quality.gx.caption": (
        "Great Expectations kiểm tra mỗi tệp trước khi nạp; bảng lấy lần kiểm tra mới nhất của "
        "từng tệp.",
        "Great Expectations checks each file before it lands; the table uses the latest check of "
        "each file.",
    ),
    "quality.gx.detail.title": ("Chi tiết lần kiểm tra mới nhất", "Latest checks in detail"),
    "quality.names.title": ("Tên đơn vị chưa nhận ra", "Unresolved unit names"),
    "quality.names.caption": (
        "Tên không khớp đơn vị nào thì không bao giờ bị đoán: dòng bị cách ly kèm các tên gần "
        'nhất. Thêm bí danh bằng `thidua aliases add "<tên>" <unit_id>` rồi nạp lại tệp.',
        "A name that matches no unit is never guessed: the row is quarantined with the closest "
        'names. Add an alias with `thidua aliases add "<name>" <unit_id>` and load the file '
        "again.",
    ),
    "quality.names.none": ("Không còn tên nào chưa nhận ra.", "No unresolved names."),
    "quality.quarantine.title": ("Dòng bị cách ly", "Quarantined rows"),
    "quality.quarantine.none": (
        "Không có dòng nào bị cách ly: mọi dòng đọc được đều đã nạp.",
        "No quarantined rows: every row read was loaded.",
    ),
    # intake page: upload, review what documents propose, preview, load, build and publish
    "intake.title": ("Nhập dữ liệu", "Intake"),
    "intake.caption": (
        "Tải lên tệp bản ghi (CSV, XLSX, JSON, Parquet) để nạp nguyên trạng, hoặc tài liệu (báo "
        "cáo Word, PDF, trang web đã lưu, văn bản) để trích các bản ghi chúng nêu; duyệt, xem "
        "trước, nạp rồi xây dựng và công bố. Bộ lọc ở thanh bên không áp dụng cho trang này.",
        "Upload record files (CSV, XLSX, JSON, Parquet) to load as they are, or documents (Word "
        "reports, PDFs, saved web pages, plain text) to extract the records they state; review, "
        "preview, load, then build and publish. The sidebar filters do not apply here.",
    ),
    "intake.upload": ("Tệp cần nhập", "Files to take in"),
    "intake.upload.help": (
        "Tối đa {mb} MB mỗi tệp. Tệp được lưu trong thư mục dữ liệu, mỗi lần nhập một thư mục.",
        "At most {mb} MB per file. Files are kept in the data folder, one folder per intake.",
    ),
    "intake.organizer": (
        "Cơ quan tổ chức của các tài liệu (không bắt buộc)",
        "The documents' organiser (optional)",
    ),
    "intake.organizer.help": (
        "Dùng thay cho điều văn bản nêu; có thể gõ một tên khác danh sách.",
        "Used instead of what the text says; you may type a name not in the list.",
    ),
    "intake.organizer.none": ("Theo nội dung tài liệu", "As the documents say"),
    "intake.read": ("Đọc các tệp", "Read the files"),
    "intake.no_files": ("Hãy chọn ít nhất một tệp.", "Choose at least one file."),
    "intake.extracting": ("Đang đọc tài liệu…", "Reading the documents…"),
    "intake.session": ("Lần nhập này được lưu tại {folder}", "This intake is kept in {folder}"),
    "intake.files.records": (
        "Tệp bản ghi, nạp nguyên trạng: {names}",
        "Record files, loaded as they are: {names}",
    ),
    "intake.files.documents": ("Tài liệu đã đọc: {names}", "Documents read: {names}"),
    "intake.refused": ("Không lưu ‘{name}’: {reason}", "Not saved ‘{name}’: {reason}"),
    "intake.refused.name": (
        "tên tệp trống sau khi bỏ thư mục và dấu chấm đầu",
        "the name is empty once folders and leading dots are removed",
    ),
    "intake.refused.kind": (
        "chỉ nhận tệp bản ghi (CSV, XLSX, JSON, Parquet) và tài liệu (.txt, .html, .htm, "
        ".docx, .pdf)",
        "only record files (CSV, XLSX, JSON, Parquet) and documents (.txt, .html, .htm, "
        ".docx, .pdf) are taken",
    ),
    "intake.refused.size": ("tệp lớn hơn giới hạn", "the file is larger than the limit"),
    "intake.unreadable": ("Không đọc được {name}: {message}", "Cannot read {name}: {message}"),
    "intake.proposals.title": ("Bản ghi đề xuất từ tài liệu", "Records the documents propose"),
    "intake.proposals.caption": (
        "Đánh dấu cột “Chấp nhận” ở những dòng đúng; chỉ những dòng đó được nạp.",
        "Tick “Accept” on the rows that are right; only those are loaded.",
    ),
    "intake.proposals.none": (
        "Tài liệu không nêu bản ghi nào nhận ra được.",
        "The documents state no record that could be recognised.",
    ),
    "intake.proposals.count": (
        "{label}: {rows} dòng, đã chấp nhận {accepted}",
        "{label}: {rows} rows, {accepted} accepted",
    ),
    "intake.accept_all": ("Chấp nhận tất cả", "Accept all"),
    "intake.accept_none": ("Bỏ chấp nhận tất cả", "Accept none"),
    "intake.unresolved": ("chưa nhận ra", "not recognised"),
    "intake.evidence.title": ("Câu trích trong tài liệu", "The evidence in its document"),
    "intake.evidence.pick": ("Dòng đề xuất", "Proposed row"),
    "intake.evidence.missing": (
        "Không còn văn bản của tài liệu này.",
        "This document's text is no longer at hand.",
    ),
    "intake.names.title": ("Tên đơn vị chưa nhận ra", "Unit names not recognised"),
    "intake.names.caption": (
        "Chọn đúng đơn vị trong các gợi ý: một bí danh được thêm cho cơ quan tổ chức của dòng "
        "(như lệnh `thidua aliases add`), rồi tài liệu được đọc lại để tên được nhận ra.",
        "Pick the right unit among the candidates: an alias is added for the row's organiser "
        "(as `thidua aliases add` does), then the documents are read again so the name "
        "resolves.",
    ),
    "intake.names.pick": ("Đơn vị đúng cho ‘{name}’", "The right unit for ‘{name}’"),
    "intake.names.none_of_these": ("không có trong danh sách", "none of these"),
    "intake.names.no_candidates": (
        "Không có gợi ý nào gần cho ‘{name}’: hãy nạp tệp đơn vị có đơn vị này, hoặc thêm bí danh "
        "bằng dòng lệnh.",
        "No close candidate for ‘{name}’: load a units file that has the unit, or add an alias "
        "on the command line.",
    ),
    "intake.names.in_cluster": ("Chỉ trong {cluster}", "Only within {cluster}"),
    "intake.names.add": ("Thêm bí danh", "Add alias"),
    "intake.names.added": (
        "Đã thêm bí danh ‘{alias}’ → {unit} (trong {scope}); tài liệu đã được đọc lại.",
        "Alias ‘{alias}’ → {unit} added (within {scope}); the documents were read again.",
    ),
    "intake.actions.title": ("Xem trước, nạp và công bố", "Preview, load and publish"),
    "intake.actions.what": (
        "Sẽ nạp {files} tệp bản ghi và {rows} dòng đề xuất đã chấp nhận.",
        "To load: {files} record files and {rows} accepted proposed rows.",
    ),
    "intake.actions.nothing": (
        "Chưa có gì để nạp: tải lên tệp bản ghi hoặc chấp nhận ít nhất một dòng đề xuất.",
        "Nothing to load yet: upload record files or accept at least one proposed row.",
    ),
    "intake.preview": ("Xem trước", "Preview"),
    "intake.preview.help": (
        "Chạy bộ nạp trên một bản sao tạm của cơ sở dữ liệu nạp: thấy điều sẽ được nạp và mọi "
        "phát hiện, không ghi gì vào dữ liệu thật.",
        "Runs the loader against a scratch copy of the landing database: what would load and "
        "every finding, nothing written to the real one.",
    ),
    "intake.preview.title": ("Xem trước: điều sẽ được nạp", "Preview: what would load"),
    "intake.load": ("Nạp", "Load"),
    "intake.load.help": (
        "Nạp vào cơ sở dữ liệu nạp qua cổng kiểm tra chất lượng, như lệnh `thidua load`.",
        "Loads into the landing database through the quality gate, as `thidua load` does.",
    ),
    "intake.loading": ("Đang nạp…", "Loading…"),
    "intake.load.title": ("Kết quả nạp", "Load result"),
    "intake.load.done": (
        "Đã nạp {loaded} dòng, cách ly {quarantined}. Hãy xây dựng và công bố để các trang "
        "phân tích thấy dữ liệu mới.",
        "{loaded} rows loaded, {quarantined} quarantined. Build and publish so the analysis "
        "pages show the new data.",
    ),
    "intake.build": ("Xây dựng và công bố", "Build and publish"),
    "intake.build.help": (
        "Dựng kho dữ liệu vào một bản riêng, kiểm thử rồi thay bản đang công bố; mọi người vẫn "
        "đọc được bản cũ trong lúc dựng.",
        "Builds the warehouse into a separate copy, tests it, then swaps it for the published "
        "one; everyone keeps reading the old one meanwhile.",
    ),
    "intake.build.running": ("Đang xây dựng và kiểm thử…", "Building and testing…"),
    "intake.build.done": (
        "Đã công bố: {tests} kiểm thử đạt, dựng trong {seconds} giây.",
        "Published: {tests} tests passed, built in {seconds} s.",
    ),
    "intake.build.failed": (
        "Xây dựng không thành công; bản đang công bố giữ nguyên.",
        "The build failed; the published warehouse is unchanged.",
    ),
    "intake.os_error": (
        "Không đọc hoặc ghi được tệp: {error}",
        "Cannot read or write a file: {error}",
    ),
    # a load's findings, one line per rule (findings_report): what is wrong — what to do
    "finding.unresolved_name": (
        'không nhận ra tên đơn vị ở cột {column} — chạy `thidua aliases add "<tên>" <mã đơn vị>'
        " --organizer <mã tổ chức>` (lệnh cho từng tên ở dưới), rồi `thidua load"
        " --retry-quarantine`",
        'unit name not known in column {column} — run `thidua aliases add "<name>" <unit id>'
        " --organizer <organiser id>` (one command per name below), then `thidua load"
        " --retry-quarantine`",
    ),
    "finding.ambiguous_name": (
        'tên ở cột {column} khớp nhiều đơn vị — chạy `thidua aliases add "<tên>" <mã đơn vị>'
        ' --organizer <mã tổ chức> --cluster "<cụm>"` để chọn một đơn vị trong cụm',
        'the name in column {column} matches several units — run `thidua aliases add "<name>"'
        ' <unit id> --organizer <organiser id> --cluster "<cluster>"` to pick one in the cluster',
    ),
    "finding.unknown_organizer": (
        "không nhận ra cơ quan tổ chức — sửa tên trong tệp, hoặc nạp trước một tệp organizers"
        " (to_chuc.csv) có cơ quan này",
        "organiser not known — correct the name in the file, or first load an organizers file"
        " (to_chuc.csv) that has it",
    ),
    "finding.unparseable_cluster": (
        "không đọc được cụm/khối — viết như “Cụm thi đua số 5” hoặc “Khối thi đua …”",
        "the cluster cannot be read — write it like “Cụm thi đua số 5” or “Khối thi đua …”",
    ),
    "finding.not_a_whole_number": (
        "không phải số nguyên ở cột {column} — sửa ô thành một số nguyên",
        "not a whole number in column {column} — make the cell a whole number",
    ),
    "finding.not_a_number": (
        "không phải số ở cột {column} — viết số như 9,5 hoặc 9.5",
        "not a number in column {column} — write a number such as 9,5 or 9.5",
    ),
    "finding.ambiguous_number": (
        "số ở cột {column} có thể là một nghìn hoặc là 1 — viết 1000 hoặc 1,0",
        "the number in column {column} could be one thousand or one — write 1000 or 1.0",
    ),
    "finding.not_a_date": (
        "không phải ngày hợp lệ ở cột {column} — dùng ngày/tháng/năm, ví dụ 14/01/2022",
        "not a valid date in column {column} — use day/month/year, e.g. 14/01/2022",
    ),
    "finding.not_a_results_year": (
        "không phải năm thi đua ở cột {column} — viết 2022, hoặc năm học 2021-2022",
        "not a results year in column {column} — write 2022, or a school year 2021-2022",
    ),
    "finding.spreadsheet_error": (
        "ô lỗi hoặc công thức chưa có giá trị ở cột {column} — mở tệp trong Excel, tính lại,"
        " lưu rồi nạp lại",
        "a spreadsheet error or a formula without its value in column {column} — open the file"
        " in Excel, recalculate, save and load it again",
    ),
    "finding.conflicting_columns": (
        "hai cột cùng nghĩa ghi khác nhau ({column}) — giữ một cột hoặc sửa cho khớp",
        "two columns that mean the same disagree ({column}) — keep one or make them agree",
    ),
    "finding.value_without_header": (
        "ô nằm ngoài các cột có tiêu đề — thêm tiêu đề cho cột đó hoặc xóa ô",
        "cells beyond the header's columns — give that column a header or clear the cells",
    ),
    "finding.unknown_unit_id": (
        "không có đơn vị mã này ở cột {column} — dùng mã trong seeds/units.csv hoặc nạp trước"
        " một tệp units (don_vi.csv) có đơn vị đó",
        "no unit has this id in column {column} — use an id of seeds/units.csv or first load a"
        " units file (don_vi.csv) that has the unit",
    ),
    "finding.expect_column_values_to_not_be_null": (
        "thiếu giá trị bắt buộc ở cột {column} — điền ô đó",
        "a required value is missing in column {column} — fill in the cell",
    ),
    "finding.expect_column_values_to_be_in_set": (
        "giá trị không được phép ở cột {column} — dùng một trong: {allowed}",
        "a value that is not allowed in column {column} — use one of: {allowed}",
    ),
    "finding.expect_column_values_to_be_between": (
        "giá trị ngoài khoảng cho phép ở cột {column} — xem giới hạn ở từng giá trị dưới đây",
        "a value outside the allowed range in column {column} — see the limit for each value below",
    ),
    "finding.expect_column_pair_values_a_to_be_greater_than_b": (
        "cột {column} mâu thuẫn với cột đi cùng — xem từng giá trị dưới đây",
        "column {column} contradicts the column it goes with — see each value below",
    ),
    "finding.expect_column_values_to_be_unique": (
        "trùng khóa ({column}) với dòng khác trong cùng tệp — giữ một dòng cho mỗi khóa",
        "duplicate key ({column}) with another row of the same file — keep one row per key",
    ),
    "finding.expect_column_values_to_be_null": (
        "cụm đã có cụm trưởng khác cùng năm ({column}) — mỗi cụm một cụm trưởng; nếu đã đổi,"
        " rút lần nạp cũ (`thidua withdraw`) hoặc nạp cả danh sách với “Danh sách đầy đủ” = có",
        "the cluster already has another leader that year ({column}) — one leader per cluster;"
        " if it changed, withdraw the earlier load (`thidua withdraw`) or load the whole roster"
        " with “roster_complete” = yes",
    ),
    "finding.other": (
        "{rule} ở cột {column} — xem thông báo từng giá trị dưới đây",
        "{rule} in column {column} — see the message for each value below",
    ),
    # Word reports (app/report_docx.py): a cluster's year, a unit's record
    "report.download.cluster": ("Tải báo cáo năm (Word)", "Download the year's report (Word)"),
    "report.download.cluster.help": (
        "Báo cáo kết quả thi đua của cụm/khối trong năm đã chọn: thành viên, trưởng và phó, điểm "
        "và thứ hạng, khen thưởng và đối chiếu quy định, sự kiện, nguồn của từng dữ kiện.",
        "The cluster's emulation results for the chosen year: members, leader and deputies, "
        "scores and ranks, awards and their compliance, events, and each fact's source.",
    ),
    "report.download.unit": ("Tải quá trình thi đua (Word)", "Download the unit's record (Word)"),
    "report.download.unit.help": (
        "Quá trình thi đua của đơn vị trong các năm đang lọc: cụm/khối, vai trò, điểm, thứ hạng, "
        "khen thưởng và đối chiếu quy định, nguồn của từng dữ kiện.",
        "The unit's emulation record over the filtered years: clusters, roles, scores, ranks, "
        "awards and their compliance, and each fact's source.",
    ),
    "report.year_picker": ("Năm của báo cáo", "Report year"),
    "report.unknown": ("chưa có dữ liệu", "no data"),
    "report.none": ("Chưa có dữ liệu.", "No data."),
    "report.hidden": ("(đã ẩn: dữ liệu mô phỏng)", "(hidden: synthetic)"),
    "report.made_on": (
        "Lập ngày {date} từ kho dữ liệu thi đua (thidua).",
        "Made on {date} from the emulation warehouse (thidua).",
    ),
    "report.open_online": ("Xem trên bảng điều khiển", "Open in the dashboard"),
    "report.note.generated": (
        "Lưu ý: giá trị có dấu {mark} là dữ liệu mô phỏng do bộ sinh dữ liệu tạo ra để minh họa, "
        "không phải số liệu thật. Báo cáo này có giá trị mô phỏng ở: {parts}.",
        "Note: values marked {mark} are synthetic, made by the data generator for illustration, "
        "not real figures. This report has synthetic values in: {parts}.",
    ),
    "report.note.real": (
        "Mọi giá trị trong báo cáo này đều từ nguồn thật.",
        "Every value in this report comes from a real source.",
    ),
    "report.note.hidden": (
        "Dữ liệu mô phỏng đang ẩn (bộ lọc “Hiện dữ liệu mô phỏng” tắt): báo cáo chỉ có giá trị từ "
        "nguồn thật; chỗ của giá trị mô phỏng ghi “(đã ẩn: dữ liệu mô phỏng)”.",
        "Synthetic data is hidden (“Show synthetic data” is off): the report holds only values "
        "from real sources; where a synthetic value would be it says “(hidden: synthetic)”.",
    ),
    "report.part.member_count": ("số thành viên", "member count"),
    "report.part.members": ("thành viên và vai trò", "members and roles"),
    "report.part.leadership": ("trưởng, phó cụm/khối", "leader and deputies"),
    "report.part.scores": ("điểm", "scores"),
    "report.part.ranks": ("thứ hạng", "ranks"),
    "report.part.awards": ("khen thưởng", "awards"),
    "report.part.compliance": ("đối chiếu quy định", "compliance findings"),
    "report.part.events": ("sự kiện", "events"),
    "report.sources": ("Nguồn", "Sources"),
    "report.source.generated": (
        "Dữ liệu mô phỏng, không phải số liệu thật.",
        "Synthetic data, not real figures.",
    ),
    "report.source.document_no": ("số {number}", "no. {number}"),
    "report.regime": ("Quy định khen thưởng áp dụng", "Award rules in force"),
    "report.period": ("Giai đoạn", "Period"),
    "report.month": ("tháng {month}/{year}", "{month}/{year}"),
    "report.year": ("năm {year}", "{year}"),
    "report.school_year": ("năm học {year}", "school year {year}"),
    "report.col.no": ("STT", "No."),
    "report.col.deputy_before": ("Là phó năm trước", "Deputy the year before"),
    "report.col.leads_next": ("Làm trưởng năm sau", "Leads the year after"),
    "report.col.decision": ("Quyết định", "Decision"),
    "report.col.severity": ("Mức độ", "Severity"),
    "report.col.rule": ("Quy định", "Rule"),
    "report.col.when": ("Thời gian", "When"),
    "report.col.document_no": ("Số văn bản", "Document no."),
    "report.compliance": ("Đối chiếu quy định khen thưởng", "Compliance with the award rules"),
    "report.compliance.none": (
        "Kho dữ liệu không ghi nhận phát hiện nào: không có khen thưởng trái quy định hay cần "
        "xem lại.",
        "The warehouse records no finding: no award breaks a rule or needs review.",
    ),
    "report.cluster.title": ("Báo cáo kết quả thi đua", "Emulation results report"),
    "report.cluster.summary": ("1. Tóm tắt", "1. Summary"),
    "report.cluster.no_year": (
        "Kho dữ liệu chưa có bản ghi nào của cụm/khối này cho năm {year}.",
        "The warehouse holds no record of this cluster for {year}.",
    ),
    "report.cluster.members_stated": ("{count} (nguồn nêu tên {named})", "{count} ({named} named)"),
    "report.top_basis.declared": ("theo thứ hạng công bố", "by the declared rank"),
    "report.top_basis.score": ("theo điểm", "by score"),
    "report.cluster.units_scored": ("Số đơn vị được chấm điểm", "Units scored"),
    "report.cluster.rank_mismatches": (
        "Số đơn vị có thứ hạng công bố khác thứ hạng theo điểm",
        "Units whose declared rank differs from their rank by score",
    ),
    "report.cluster.roster": ("2. Thành viên", "2. Members"),
    "report.cluster.leadership": ("3. Trưởng, phó cụm/khối", "3. Leader and deputies"),
    "report.cluster.next_year": (
        "Trưởng, phó cụm/khối năm {year}",
        "Leader and deputies for {year}",
    ),
    "report.cluster.scores": ("4. Điểm và thứ hạng", "4. Scores and ranks"),
    "report.cluster.rank_legend": (
        "“Thứ hạng” là thứ hạng dùng để xét khen thưởng, như kho dữ liệu ghi: thứ hạng công bố "
        "khi cụm/khối công bố xếp hạng, nếu không thì thứ hạng theo điểm.",
        "“Rank” is the rank that counts for awards, as the warehouse records it: the declared "
        "rank where the cluster declared a ranking, else the rank by score.",
    ),
    "report.cluster.awards": ("5. Khen thưởng", "5. Awards"),
    "report.cluster.events": ("6. Sự kiện", "6. Events"),
    "report.unit.title": ("Quá trình thi đua của đơn vị", "A unit's emulation record"),
    "report.unit.history": ("1. Kết quả qua các năm", "1. Results by year"),
    "report.unit.awards": ("2. Khen thưởng", "2. Awards"),
    "report.unit.successor": ("Sắp xếp lại", "Reorganised"),
    "report.unit.family": (
        "Theo dõi qua đơn vị hiện nay (gồm các đơn vị đã sắp xếp vào, với tên khi đó)",
        "Followed through the unit as it is now (with the units reorganised into it, as then "
        "named)",
    ),
}

# Codes that come from data (event types, roles...) and are looked up with `term()`.
_TERM_GROUPS: Final = frozenset(
    {
        "kind",
        "origin",
        "role",
        "event_type",
        "status",
        "part_of_day",
        "fact",
        "scorer_kind",
        "relation",
        "dbt_status",
        "dbt_resource",
        "load_status",
        "severity",
        "rule_kind",
        "source_mix",
        "value_source",
        "flag_check",
    }
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


_VI_DAYS: Final = ("Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy")


def vega_locale(lang: str = DEFAULT_LANG) -> dict[str, object]:
    """Vega's `config.locale` for charts: decimal comma and Vietnamese month names in Vietnamese.

    Without it Vega formats every axis and tooltip the US way ("90.5%", "Jan 2022").
    """
    if lang == "en":
        return {
            "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", ""]},
            "time": {
                "dateTime": "%a %e %b %Y %X",
                "date": "%d %b %Y",
                "time": "%H:%M:%S",
                "periods": ["AM", "PM"],
                "days": [
                    "Sunday",
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                ],
                "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
                "months": [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ],
                "shortMonths": list(_EN_MONTHS),
            },
        }
    return {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
        "time": {
            "dateTime": "%A, %d/%m/%Y, %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["SA", "CH"],
            "days": list(_VI_DAYS),
            "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
            "months": [f"tháng {m}" for m in range(1, 13)],
            "shortMonths": [f"Th{m}" for m in range(1, 13)],
        },
    }
