"""Award systems as data: a ministry's, the trade-union federation's, a Front committee's and a
province's awards, typed the way analysts type them, read by their issuer or organiser, checked
only by the rules of their own system, and "các đơn vị còn lại" written out as the units it
stands for. One warehouse is loaded and built for the whole module.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import polars as pl
import pytest

from thidua.ingest.loader import LoadReport, load_files
from thidua.paths import Home
from thidua.query.read import read_query
from thidua.warehouse.build import build_and_publish

pytestmark = pytest.mark.integration

NFD_FRONT = unicodedata.normalize("NFD", "Ủy ban MTTQ Việt Nam tỉnh Thanh Hóa")

FILES = {
    "to_chuc.csv": (
        "Mã tổ chức,Tên,Tên tiếng Anh,Tên viết tắt,Cấp,Tỉnh\n"
        "bo-tu-phap,Bộ Tư pháp,Ministry of Justice,BTP,ministry,\n"
        "tldldvn,Tổng Liên đoàn Lao động Việt Nam,Vietnam General Confederation of Labour,"
        "Tổng LĐLĐVN,mass_org,\n"
        # "Hoá" here, "Hóa" (and NFD) in the awards file: the same name
        "th-mttq,Ủy ban MTTQ Việt Nam tỉnh Thanh Hoá,Thanh Hóa Fatherland Front Committee,"
        "MTTQ tỉnh Thanh Hoá,mass_org,Thanh Hoá\n"
        "th-lhh,Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thanh Hóa,Thanh Hóa Union of"
        " Science and Technology Associations,LHH tỉnh,mass_org,Thanh Hóa\n"
    ),
    "don_vi.csv": (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại,Cơ quan tổ chức\n"
        "btp-stp-nam-dinh,Sở Tư pháp tỉnh Nam Định,STP Nam Định,department,Bộ Tư pháp\n"
        "btp-stp-ninh-binh,Sở Tư pháp tỉnh Ninh Bình,STP Ninh Bình,department,Bộ Tư pháp\n"
        "btp-stp-thai-binh,Sở Tư pháp tỉnh Thái Bình,STP Thái Bình,department,Bộ Tư pháp\n"
        "tld-nghe-an,Liên đoàn Lao động tỉnh Nghệ An,LĐLĐ Nghệ An,mass_org,Tổng LĐLĐVN\n"
        "tld-ha-tinh,Liên đoàn Lao động tỉnh Hà Tĩnh,LĐLĐ Hà Tĩnh,mass_org,Tổng LĐLĐVN\n"
        "tld-quang-binh,Liên đoàn Lao động tỉnh Quảng Bình,LĐLĐ Quảng Bình,mass_org,Tổng LĐLĐVN\n"
        "mttq-nhu-xuan,Ủy ban MTTQ huyện Như Xuân,MTTQ Như Xuân,mass_org,MTTQ tỉnh Thanh Hoá\n"
        "lhh-hoi-y-hoc,Hội Y học tỉnh Thanh Hóa,Hội Y học,association,LHH tỉnh\n"
    ),
    "loai_khen_thuong.csv": (
        "Mã khen thưởng,Tên,Tên tiếng Anh,Cấp,Hệ thống khen thưởng,Nhóm\n"
        "LHH_MERIT,Bằng khen của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh,Certificate of"
        " merit of the provincial Union of Science and Technology Associations,province,other,"
        "certificate_of_merit\n"
    ),
    "cum.csv": (
        "Cơ quan tổ chức,Cụm,Tên,Từ năm\n"
        "Bộ Tư pháp,Cụm thi đua số 3,Cụm thi đua số 3 các Sở Tư pháp,2020\n"
        "Tổng LĐLĐVN,Cụm thi đua số 6,Cụm thi đua số 6 các LĐLĐ tỉnh,2020\n"
        "MTTQ tỉnh Thanh Hóa,Cụm thi đua số 1,Cụm thi đua số 1 MTTQ các huyện,2020\n"
        "LHH tỉnh,Cụm thi đua số 1,Cụm thi đua số 1 các hội,2020\n"
    ),
    "thanh_vien.csv": (
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị\n"
        "Bộ Tư pháp,Cụm thi đua số III,2023,STP Nam Định\n"
        "Bộ Tư pháp,Cụm thi đua số III,2023,Sở Tư pháp tỉnh Ninh Bình\n"
        "Bộ Tư pháp,Cụm thi đua số III,2023,Sở Tư pháp tỉnh Thái Bình\n"
        "Tổng LĐLĐVN,Cụm thi đua số 6,2022,LĐLĐ Nghệ An\n"
        "Tổng LĐLĐVN,Cụm thi đua số 6,2022,LĐLĐ Hà Tĩnh\n"
        "Tổng LĐLĐVN,Cụm thi đua số 6,2022,LĐLĐ Quảng Bình\n"
    ),
    "khen_thuong.csv": (
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Hình thức khen thưởng,Cấp khen,Trạng thái,Nguồn\n"
        # 2: a bare "Cờ thi đua" with its issuer: the ministry's flag
        "Bộ Tư pháp,Cụm thi đua số 3,2023,STP Nam Định,Cờ thi đua,Bộ Tư pháp,Đề nghị,"
        "123/QĐ-BTP\n"
        # 3: a lower award does not take a unit out of "the remaining units"
        "Bộ Tư pháp,Cụm thi đua số 3,2023,STP Thái Bình,Tập thể lao động xuất sắc,,Đề nghị,"
        "123/QĐ-BTP\n"
        # 4: the minister's certificate for the remaining units (its full name says whose)
        "Bộ Tư pháp,Cụm thi đua số 3,2023,(Các đơn vị còn lại),"
        "Bằng khen của Bộ trưởng Bộ Tư pháp,,Đề nghị,123/QĐ-BTP\n"
        # 5-7: the federation's Government-flag proposals; its own flags are not recorded
        "Tổng LĐLĐVN,Cụm thi đua số 6,2022,LĐLĐ Nghệ An,Cờ thi đua của Chính phủ,,Đề nghị,"
        "45/TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số 6,2022,LĐLĐ Hà Tĩnh,Cờ thi đua của Chính phủ,,Đề nghị,"
        "45/TLĐ\n"
        "Tổng LĐLĐVN,Cụm thi đua số 6,2022,LĐLĐ Quảng Bình,Cờ thi đua của Chính phủ,,Đề nghị,"
        "45/TLĐ\n"
        # 8: "Cờ thi đua" with no issuer, organised by the provincial Front (NFD, "Hóa")
        f"{NFD_FRONT},Cụm thi đua số 1,2023,MTTQ Như Xuân,Cờ thi đua,,Quyết định,12/QĐ-MTTQ\n"
        # 9: nothing tells whose flag this is: quarantined
        "LHH tỉnh,Cụm thi đua số 1,2023,Hội Y học,Cờ thi đua,,Đề nghị,7/LHH\n"
        # 10: an award type an analyst added without code
        "LHH tỉnh,Cụm thi đua số 1,2023,Hội Y học,"
        "Bằng khen của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh,,Quyết định,7/LHH\n"
        # 11-13: the province (the default organiser): 2 Government-flag nominees for one
        # provincial flag in 2022 break the 20 % quota
        ",Cụm thi đua số 8,2022,Sở Nội vụ,Cờ thi đua của Chính phủ,,Đề nghị,99/UBND\n"
        ",Cụm thi đua số 8,2022,Thanh tra tỉnh,Cờ thi đua của Chính phủ,,Đề nghị,99/UBND\n"
        ",Cụm thi đua số 8,2022,Sở Ngoại vụ,Cờ thi đua xuất sắc,,Đề nghị,99/UBND\n"
    ),
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Home, LoadReport]:
    root = tmp_path_factory.mktemp("award-systems")
    folder = root / "files"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    home = Home(root / "home")
    report = load_files([folder], home)
    built = build_and_publish(home)
    assert built.tests_failed == 0
    return home, report


def _query(home: Home, sql: str) -> pl.DataFrame:
    return read_query(home.published_db, sql)


def _awards_batch(report: LoadReport) -> pl.DataFrame:
    (batch,) = [b for b in report.batches if b.label == "khen_thuong.csv"]
    assert batch.findings is not None
    return batch.findings


def test_every_file_loads_and_only_the_undecidable_flag_is_quarantined(
    loaded: tuple[Home, LoadReport],
) -> None:
    _, report = loaded
    statuses = {b.label: (b.status, b.rows_quarantined) for b in report.batches}
    assert statuses == {
        "to_chuc.csv": ("loaded", 0),
        "don_vi.csv": ("loaded", 0),
        "loai_khen_thuong.csv": ("loaded", 0),
        "cum.csv": ("loaded", 0),
        "thanh_vien.csv": ("loaded", 0),
        "khen_thuong.csv": ("loaded", 1),
    }
    # reference files (award types among them) load before the records that name them
    labels = [b.label for b in report.batches]
    assert labels.index("loai_khen_thuong.csv") < labels.index("khen_thuong.csv")


def test_a_flag_nothing_decides_is_quarantined_with_its_candidates(
    loaded: tuple[Home, LoadReport],
) -> None:
    home, report = loaded
    (finding,) = _awards_batch(report).rows(named=True)
    assert finding["rule"] == "ambiguous_award_type"
    assert finding["column_name"] == "award_type"
    assert finding["value"] == "Cờ thi đua"
    assert (
        "Cấp khen" in finding["message_vi"] and "Cờ thi đua của Chính phủ" in finding["message_vi"]
    )
    assert "issuer column" in finding["message_en"] and "full award name" in finding["message_en"]
    candidates = finding["candidates"]
    for label in (
        "GOV_FLAG: Cờ thi đua của Chính phủ / Government emulation flag",
        "MIN_FLAG: Cờ thi đua của Bộ / Ministry emulation flag",
        "FRONT_PROV_FLAG: Cờ thi đua của Ủy ban MTTQ Việt Nam tỉnh",
    ):
        assert label in candidates
    assert "Bằng khen" not in candidates  # only flags: the value says it is a flag
    # the quarantine names the file and the row as the analyst sees it
    row = _query(
        home,
        "select source_file, source_row, column_name, value, rule from quality.quarantine"
        " where rule = 'ambiguous_award_type'",
    ).rows()
    assert row == [("khen_thuong.csv", 9, "award_type", "Cờ thi đua", "ambiguous_award_type")]


def test_each_award_is_read_by_its_issuer_or_organiser(loaded: tuple[Home, LoadReport]) -> None:
    home, _ = loaded
    awards = _query(
        home,
        "select organizer_id, unit_id, award_type_code, award_issuer_kind from marts.fct_awards"
        " where not is_expanded_from_remaining order by organizer_id, unit_id, award_type_code",
    ).rows()
    assert awards == [
        ("bo-tu-phap", "btp-stp-nam-dinh", "MIN_FLAG", "ministry"),
        ("bo-tu-phap", "btp-stp-thai-binh", "EXCELLENT_COLLECTIVE", "province"),
        ("th-lhh", "lhh-hoi-y-hoc", "LHH_MERIT", "other"),
        ("th-mttq", "mttq-nhu-xuan", "FRONT_PROV_FLAG", "front"),
        ("th-ubnd", "th-so-ngoai-vu", "PROV_FLAG", "province"),
        ("th-ubnd", "th-so-noi-vu", "GOV_FLAG", "government"),
        ("th-ubnd", "th-thanh-tra", "GOV_FLAG", "government"),
        ("tldldvn", "tld-ha-tinh", "GOV_FLAG", "government"),
        ("tldldvn", "tld-nghe-an", "GOV_FLAG", "government"),
        ("tldldvn", "tld-quang-binh", "GOV_FLAG", "government"),
    ]
    loaded_type = _query(
        home,
        "select award_name_en, issuer_kind, is_certificate, reference_source"
        " from marts.dim_award_type where award_type_code = 'LHH_MERIT'",
    ).rows()
    assert loaded_type == [
        (
            "Certificate of merit of the provincial Union of Science and Technology Associations",
            "other",
            True,
            "loaded",
        )
    ]


def test_the_remaining_units_are_the_members_no_award_of_equal_or_higher_rank_names(
    loaded: tuple[Home, LoadReport],
) -> None:
    home, _ = loaded
    expanded = _query(
        home,
        "select unit_id, award_type_code, unit_name_raw, source_file, source_row, source_ref"
        " from marts.fct_awards where is_expanded_from_remaining order by unit_id",
    ).rows()
    # Nam Định holds the ministry's flag; Thái Bình's excellent-collective title ranks lower
    assert expanded == [
        (
            "btp-stp-ninh-binh",
            "MIN_MERIT",
            "(Các đơn vị còn lại)",
            "khen_thuong.csv",
            4,
            "123/QĐ-BTP",
        ),
        (
            "btp-stp-thai-binh",
            "MIN_MERIT",
            "(Các đơn vị còn lại)",
            "khen_thuong.csv",
            4,
            "123/QĐ-BTP",
        ),
    ]
    unnamed = _query(
        home,
        "select count(*) from marts.fct_awards"
        " where organizer_id = 'bo-tu-phap' and unit_id is null",
    ).item()
    assert unnamed == 0


def test_the_federations_government_flag_proposals_break_no_state_rule(
    loaded: tuple[Home, LoadReport],
) -> None:
    home, _ = loaded
    findings = _query(
        home,
        "select rule_code, rule_kind, severity, results_year, observed_value"
        " from marts.mart_award_compliance"
        " where organizer_id = 'tldldvn' and award_type_code is not null",
    ).rows()
    # no "3 nominees for 0 provincial-flag holders": the federation gives no provincial flag,
    # and its own flags are not in the records, so the quota cannot be checked
    assert findings == [("GOV_FLAG_ELIGIBILITY_UNKNOWN", "coverage", "info", 2022, 3.0)]
    legal = _query(
        home,
        "select count(*) from marts.mart_award_compliance"
        " where organizer_id = 'tldldvn' and rule_kind = 'legal'",
    ).item()
    assert legal == 0


def test_no_state_rule_checks_a_fronts_or_associations_own_awards(
    loaded: tuple[Home, LoadReport],
) -> None:
    home, _ = loaded
    findings = _query(
        home,
        "select count(*) from marts.mart_award_compliance"
        " where organizer_id in ('th-mttq', 'th-lhh') and award_id is not null",
    ).item()
    assert findings == 0


def test_a_provinces_rules_still_fire_for_a_province(loaded: tuple[Home, LoadReport]) -> None:
    home, _ = loaded
    quota = _query(
        home,
        "select rule_kind, severity, observed_value, allowed_value, detail, regime_id"
        " from marts.mart_award_compliance"
        " where organizer_id = 'th-ubnd' and rule_code = 'GOV_FLAG_OVER_QUOTA'",
    ).rows()
    assert quota == [
        (
            "legal",
            "error",
            2.0,
            pytest.approx(0.2),
            "2 Government-flag nominees for 1 holders of the provincial emulation flag:"
            " over the 20.0% quota",
            "decree91",
        )
    ]


def test_organisers_and_award_types_carry_their_award_system(
    loaded: tuple[Home, LoadReport],
) -> None:
    home, _ = loaded
    seeded = _query(
        home, "select award_system from marts.dim_organizer where organizer_id = 'th-ubnd'"
    ).item()
    assert seeded == "province"
    systems = dict(
        _query(
            home,
            "select award_type_code, issuer_kind from marts.dim_award_type"
            " where award_type_code in ('VGCL_FLAG', 'PARTY_PROV_FLAG', 'ROTATING_FLAG')",
        ).rows()
    )
    assert systems == {
        "VGCL_FLAG": "trade_union",
        "PARTY_PROV_FLAG": "party",
        "ROTATING_FLAG": "other",
    }


def test_reading_needs_no_warehouse(tmp_path: Path) -> None:
    """The reading itself, for the spellings the loader meets (no build)."""
    from thidua.ingest.award_types import AwardTypeIndex

    index = AwardTypeIndex.from_tables()
    read = index.read
    assert read("Cờ thi đua", "Chính phủ", None).code == "GOV_FLAG"
    assert read("Bằng khen", "Tổng LĐLĐVN", None).code == "VGCL_MERIT"
    assert read("Cờ thi đua", "Ban Thường vụ Tỉnh ủy", None).code == "PARTY_PROV_FLAG"
    assert read("Cờ thi đua", "LĐLĐ tỉnh", None).code == "PROV_LF_FLAG"
    assert read("Cờ thi đua", "MTTQ tỉnh", None).code == "FRONT_PROV_FLAG"
    assert read("Cờ thi đua", "UBND tỉnh", None).code == "PROV_FLAG"
    assert read("cờ luân lưu", None, None).code == "ROTATING_FLAG"
    assert read("Hoàn thành xuất sắc nhiệm vụ", None, None).code == "EXCELLENT_TASKS"
    assert read(unicodedata.normalize("NFD", "Cờ thi đua xuất sắc"), None, "th-ubnd").code == (
        "PROV_FLAG"
    )
    assert read("Cờ thi đua", None, None).code is None


def test_a_units_history_counts_the_flag_of_its_own_award_system(
    loaded: tuple[Home, LoadReport],
) -> None:
    # A ministry's Cờ thi đua is its units' flag as a province's is a department's: the unit's
    # history counts it; a lower award (Thái Bình: its own and the remaining units' certificate)
    # is an award, not a flag.
    home, _ = loaded
    history = _query(
        home,
        "select current_unit_id, awards_count, flags_count from marts.unit_history"
        " where results_year = 2023 and current_unit_id like 'btp-%'"
        " order by current_unit_id",
    ).rows()
    assert history == [
        ("btp-stp-nam-dinh", 1, 1),
        ("btp-stp-ninh-binh", 1, 0),
        ("btp-stp-thai-binh", 2, 0),
    ]
