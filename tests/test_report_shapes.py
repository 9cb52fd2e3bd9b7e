"""What real reports say, recordable: files typed the way analysts type them from the reports of
a trade-union federation's cluster, a provincial education department's cluster and a
provincial Party committee's block.

- ordered deputies ("Phó khối 1", "Phó khối 2") keep their order;
- next year's leadership, elected at the year-end review, is a leadership record: no membership
  row for the coming year, no "no year-end review" warning for it;
- a stated member count with unnamed members ("6 members", five named);
- events dated to the day, the month or not at all, with a plan number;
- a results year written as a school year ("năm học 2021-2022") and the cluster's cycle;
- a unit of the federation's system declared the same unit as one of the province's;
- a Party block's acclaimed ranking in words (Nhất, Nhì, Ba), names with either apostrophe.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import duckdb
import pytest

from thidua.ingest.loader import load_files
from thidua.paths import Home
from thidua.query.dashboard.common import Filters
from thidua.query.dashboard.units import q_unit_family, q_unit_history
from thidua.query.read import read_query
from thidua.warehouse.build import build_and_publish

pytestmark = pytest.mark.integration


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


FILES = {
    "to_chuc.csv": (
        "Mã tổ chức,Tên,Tên tiếng Anh,Tên viết tắt,Cấp\n"
        "tld,Tổng Liên đoàn Lao động Việt Nam,Vietnam General Confederation of Labour,"
        "Tổng LĐLĐVN,mass_org\n"
        "na-sgddt,Sở Giáo dục và Đào tạo tỉnh Nghệ An,Nghệ An Department of Education,"
        "Sở GD&ĐT Nghệ An,province\n"
        "dl-tu,Tỉnh ủy Đắk Lắk,Đắk Lắk Provincial Party Committee,Tỉnh ủy Đắk Lắk,party\n"
    ),
    "don_vi.csv": (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại,Cơ quan tổ chức,Cùng đơn vị với\n"
        "tld-ldld-thanh-hoa,Liên đoàn Lao động tỉnh Thanh Hóa,LĐLĐ Thanh Hoá,mass_org,"
        "Tổng Liên đoàn Lao động Việt Nam,th-ldld\n"
        "tld-ldld-nghe-an,Liên đoàn Lao động tỉnh Nghệ An,LĐLĐ Nghệ An,mass_org,Tổng LĐLĐVN,\n"
        "tld-ldld-ha-tinh,Liên đoàn Lao động tỉnh Hà Tĩnh,LĐLĐ Hà Tĩnh,mass_org,Tổng LĐLĐVN,\n"
        "tld-ldld-quang-binh,Liên đoàn Lao động tỉnh Quảng Bình,LĐLĐ Quảng Bình,mass_org,"
        "Tổng LĐLĐVN,\n"
        "tld-ldld-quang-tri,Liên đoàn Lao động tỉnh Quảng Trị,LĐLĐ Quảng Trị,mass_org,"
        "Tổng LĐLĐVN,\n"
        "na-thpt-ha-huy-tap,Trường THPT Huỳnh Thúc Kháng,THPT HTK,school,Sở GD&ĐT Nghệ An,\n"
        "na-thpt-phan-boi-chau,Trường THPT chuyên Phan Bội Châu,THPT PBC,school,"
        "Sở GD&ĐT Nghệ An,\n"
        "dl-hu-ea-hleo,Huyện ủy Ea H'leo,HU Ea H'leo,party,Tỉnh ủy Đắk Lắk,\n"
        "dl-hu-krong-pac,Huyện ủy Krông Pắc,HU Krông Pắc,party,Tỉnh ủy Đắk Lắk,\n"
        "dl-tu-buon-ho,Thị ủy Buôn Hồ,TU Buôn Hồ,party,Tỉnh ủy Đắk Lắk,\n"
    ),
    "cum.csv": (
        "Cơ quan tổ chức,Cụm,Tên,Từ năm,Chu kỳ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,Cụm thi đua số 6 các LĐLĐ tỉnh Bắc Trung Bộ,2020,\n"
        "Sở GD&ĐT Nghệ An,Cụm thi đua số 1,Cụm thi đua số 1 các trường THPT,2020,Năm học\n"
        'Tỉnh ủy Đắk Lắk,Khối thi đua số 2,"Khối thi đua các huyện ủy, thị ủy phía Bắc",2021,\n'
    ),
    "thanh_vien.csv": (
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Vai trò,Số thành viên,Nguồn\n"
        f"Tổng LĐLĐVN,Cụm thi đua số VI,2022,{nfd('LĐLĐ Thanh Hoá')},Cụm trưởng,6,"
        "123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,LĐLĐ Nghệ An,Phó khối 1,6,123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,LĐLĐ Hà Tĩnh,Phó khối 2,6,123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,LĐLĐ Quảng Bình,Thành viên,6,123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,LĐLĐ Quảng Trị,Thành viên,6,123/QĐ-TLĐ\n"
        "Sở GD&ĐT Nghệ An,Cụm thi đua số 1,năm học 2021-2022,THPT HTK,Cụm trưởng,,\n"
        "Sở GD&ĐT Nghệ An,Cụm thi đua số 1,năm học 2021-2022,THPT PBC,Thành viên,,\n"
        # a typographic apostrophe, as word processors write it
        "Tỉnh ủy Đắk Lắk,Khối 2,2022,Huyện ủy Ea H\u2019leo,Khối trưởng,,\n"
        "Tỉnh ủy Đắk Lắk,Khối 2,2022,Huyện ủy Krông Pắc,Khối phó,,\n"
        "Tỉnh ủy Đắk Lắk,Khối 2,2022,Thị ủy Buôn Hồ,Thành viên,,\n"
    ),
    "xep_hang.csv": (
        "Cơ quan tổ chức,Khối,Năm,Đơn vị,Xếp hạng,Hình thức\n"
        "Tỉnh ủy Đắk Lắk,Khối 2,2022,Thị ủy Buôn Hồ,Nhất,Suy tôn\n"
        "Tỉnh ủy Đắk Lắk,Khối 2,2022,Huyện ủy Ea H'leo,Nhì,Suy tôn\n"
        "Tỉnh ủy Đắk Lắk,Khối 2,2022,Huyện ủy Krông Pắc,Ba,Suy tôn\n"
    ),
    # elected at the year-end review of 2022 (12/01/2023) to lead in 2023
    "bau_cum_truong.csv": (
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Vai trò,Ngày bầu,Nguồn\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2023,LĐLĐ Nghệ An,Cụm trưởng,12/01/2023,123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2023,LĐLĐ Quảng Trị,Phó cụm 1,12/01/2023,123/QĐ-TLĐ\n"
    ),
    "su_kien.csv": (
        "Cơ quan tổ chức,Cụm,Năm,Loại sự kiện,Ngày,Số kế hoạch,Nguồn\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,Ký giao ước,,,123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,Sơ kết,tháng 7/2022,45/KH-CTĐ,123/QĐ-TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,Tổng kết,12/01/2023,,123/QĐ-TLĐ\n"
    ),
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Home:
    root = tmp_path_factory.mktemp("reports")
    folder = root / "records"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    home = Home(root / "home")
    report = load_files([folder], home)
    problems = [(b.label, b.findings) for b in report.batches if b.rows_quarantined]
    assert problems == []
    assert [b.label for b in report.batches][:3] == ["to_chuc.csv", "don_vi.csv", "cum.csv"]
    built = build_and_publish(home)
    assert built.tests_failed == 0
    return home


def query(home: Home, sql: str) -> list[dict[str, object]]:
    return read_query(home.published_db, sql).rows(named=True)


def test_deputies_keep_their_order_and_a_stated_count_counts_unnamed_members(home: Home) -> None:
    [year] = query(
        home,
        "select leader_unit_id, deputy_unit_ids, member_count, named_member_count,"
        " stated_member_count from marts.fct_cluster_year"
        " where cluster_id = 'tld:cum-06' and results_year = 2022",
    )
    assert year == {
        "leader_unit_id": "tld-ldld-thanh-hoa",
        # deputy 1 before deputy 2, though "Hà Tĩnh" sorts before "Nghệ An"
        "deputy_unit_ids": "tld-ldld-nghe-an; tld-ldld-ha-tinh",
        "member_count": 6,
        "named_member_count": 5,
        "stated_member_count": 6,
    }
    orders = query(
        home,
        "select unit_id, role_order from marts.fct_leadership"
        " where cluster_id = 'tld:cum-06' and results_year = 2022 and role = 'deputy'"
        " order by role_order",
    )
    assert orders == [
        {"unit_id": "tld-ldld-nghe-an", "role_order": 1},
        {"unit_id": "tld-ldld-ha-tinh", "role_order": 2},
    ]


def test_next_years_leadership_needs_no_roster_and_raises_no_review_warning(home: Home) -> None:
    [year] = query(
        home,
        "select leader_unit_id, deputy_unit_ids, member_count, leader_source_ref"
        " from marts.fct_cluster_year where cluster_id = 'tld:cum-06' and results_year = 2023",
    )
    assert year == {
        "leader_unit_id": "tld-ldld-nghe-an",
        "deputy_unit_ids": "tld-ldld-quang-tri",
        "member_count": None,  # nobody listed 2023's members: unknown, not two
        "leader_source_ref": "123/QĐ-TLĐ",
    }
    assert query(
        home,
        "select count(*) as n from marts.fct_memberships where results_year = 2023",
    ) == [{"n": 0}]
    assert (
        query(
            home,
            "select rule_code, results_year from marts.mart_award_compliance"
            " where cluster_id = 'tld:cum-06' and rule_code = 'NO_YEAR_END_REVIEW'",
        )
        == []
    )
    # the deputy of 2022 leads in 2023: the rotation reads across the two kinds of record
    [nghe_an] = query(
        home,
        "select is_leader_next_year, record_type from marts.fct_leadership"
        " where unit_id = 'tld-ldld-nghe-an' and results_year = 2022",
    )
    assert nghe_an == {"is_leader_next_year": True, "record_type": "memberships"}


def test_events_keep_the_date_as_precise_as_the_report_gives_it(home: Home) -> None:
    events = query(
        home,
        "select event_type, event_date, event_period, event_date_precision, event_date_raw,"
        " document_no from marts.fct_events where cluster_id = 'tld:cum-06'"
        " order by event_type",
    )
    assert [(e["event_type"], e["event_period"], e["event_date_precision"]) for e in events] == [
        ("covenant_signing", None, None),
        ("mid_year_review", "2022-07", "month"),
        ("year_end_review", "2023-01-12", "day"),
    ]
    mid_year = events[1]
    assert mid_year["event_date"] is None  # no day is invented
    assert mid_year["event_date_raw"] == "tháng 7/2022"
    assert mid_year["document_no"] == "45/KH-CTĐ"


def test_a_school_year_counts_as_its_end_year_and_the_cluster_keeps_its_cycle(home: Home) -> None:
    [year] = query(
        home,
        "select results_year, results_year_label, cluster_cycle, leader_unit_id"
        " from marts.fct_cluster_year where cluster_id = 'na-sgddt:cum-01'",
    )
    assert year == {
        "results_year": 2022,
        "results_year_label": "2021-2022",
        "cluster_cycle": "school_year",
        "leader_unit_id": "na-thpt-ha-huy-tap",
    }
    # the landing database keeps the year as written beside the year it counts as
    with duckdb.connect(str(home.raw_db), read_only=True) as raw:
        written = raw.sql(
            "select distinct results_year, results_year_raw from memberships"
            " where cluster_id = 'na-sgddt:cum-01'"
        ).fetchall()
    assert written == [(2022, "năm học 2021-2022")]


def test_a_unit_in_two_organisers_systems_is_one_entity(home: Home) -> None:
    units = query(
        home,
        "select unit_id, organizer_id, entity_unit_id from marts.dim_unit"
        " where entity_unit_id = 'th-ldld' order by unit_id",
    )
    assert units == [
        {"unit_id": "th-ldld", "organizer_id": "th-ubnd", "entity_unit_id": "th-ldld"},
        {"unit_id": "tld-ldld-thanh-hoa", "organizer_id": "tld", "entity_unit_id": "th-ldld"},
    ]


def test_a_deputy_order_beyond_reason_is_named(tmp_path: Path, home: Home) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "bau_cum_truong.csv").write_text(
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Vai trò,Thứ tự\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2024,LĐLĐ Hà Tĩnh,Cụm phó,12\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2021-2023,LĐLĐ Nghệ An,Cụm phó,\n",
        encoding="utf-8",
    )
    report = load_files([folder], home)
    [batch] = report.batches
    assert batch.findings is not None
    found = {(f["column_name"], f["rule"]) for f in batch.findings.to_dicts()}
    assert ("role_order", "expect_column_values_to_be_between") in found
    assert ("results_year", "not_a_results_year") in found
    assert batch.rows_loaded == 0


def test_the_unit_page_follows_a_unit_across_organisers(home: Home) -> None:
    db = str(home.published_db)
    unit_history = q_unit_history(Filters(years=(2000, 2100)), "th-ldld")
    # asked for the province's unit, the page shows its years in the federation's cluster
    history = read_query(db, unit_history.sql, unit_history.params)
    assert history.select("unit_id", "organizer_id", "cluster_id", "results_year").rows() == [
        ("tld-ldld-thanh-hoa", "tld", "tld:cum-06", 2022)
    ]
    unit_family = q_unit_family("th-ldld")
    family = read_query(db, unit_family.sql, unit_family.params)
    assert set(family["unit_id"]) >= {"th-ldld", "tld-ldld-thanh-hoa"}


def test_a_party_blocks_acclaimed_ranking_is_its_own(home: Home) -> None:
    ranks = query(
        home,
        "select unit_id, declared_rank, effective_rank, rank_source_kind"
        " from marts.fct_unit_year_scores where cluster_id = 'dl-tu:khoi-02'"
        " order by declared_rank",
    )
    assert [(r["unit_id"], r["declared_rank"]) for r in ranks] == [
        ("dl-tu-buon-ho", 1),
        ("dl-hu-ea-hleo", 2),
        ("dl-hu-krong-pac", 3),
    ]
    [year] = query(
        home,
        "select top_unit_id, leader_unit_id, member_count from marts.fct_cluster_year"
        " where cluster_id = 'dl-tu:khoi-02'",
    )
    assert year == {
        "top_unit_id": "dl-tu-buon-ho",
        "leader_unit_id": "dl-hu-ea-hleo",
        "member_count": 3,
    }


def test_two_leaders_elected_in_one_file_are_named(tmp_path: Path, home: Home) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "bau_cum_truong.csv").write_text(
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Vai trò\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2025,LĐLĐ Hà Tĩnh,Cụm trưởng\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2025,LĐLĐ Quảng Bình,Cụm trưởng\n",
        encoding="utf-8",
    )
    [batch] = load_files([folder], home).batches
    assert batch.rows_loaded == 0
    assert batch.findings is not None
    messages = batch.findings["message_en"].to_list()
    assert any("another leader" in m and "LĐLĐ Quảng Bình" in m for m in messages)


def test_a_partial_date_outside_the_plausible_years_is_named(tmp_path: Path, home: Home) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "su_kien.csv").write_text(
        "Cơ quan tổ chức,Cụm,Năm,Loại sự kiện,Ngày\n"
        "Tổng LĐLĐVN,Cụm thi đua số VI,2022,Sơ kết,tháng 7/1922\n",
        encoding="utf-8",
    )
    [batch] = load_files([folder], home).batches
    assert batch.rows_loaded == 0
    assert batch.findings is not None
    [finding] = batch.findings.to_dicts()
    assert finding["column_name"] == "event_date"
    assert "1922-07" in finding["message_vi"]
