"""A warehouse of another organiser's records only: a ministry's cluster of provincial
departments, typed the way an analyst types it (Vietnamese file names and headers), loads in one
pass, builds and publishes, without the bundled sample and without its article checks.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import RUN_TIMEOUT_S
from thidua.i18n.messages import t
from thidua.ingest.loader import LoadReport, load_files
from thidua.paths import APP_ENTRY, Home
from thidua.query.read import read_query
from thidua.warehouse.build import BuildResult, build_and_publish

pytestmark = pytest.mark.integration

FILES = {
    # the records first in the folder's order, the reference files last: the loader sorts them
    "thanh_vien.csv": (
        "Cơ quan tổ chức,Cụm,Năm,Đơn vị,Vai trò,Loại nguồn,Nguồn\n"
        "Bộ Tư pháp,Cụm thi đua số III,2023,STP Nam Định,Cụm trưởng,official,123/QĐ-BTP\n"
        "Bộ Tư pháp,Cụm thi đua số III,2023,Sở Tư pháp tỉnh Ninh Bình,Cụm phó,official,123/QĐ-BTP\n"
        "Bộ Tư pháp,Cụm thi đua số III,2023,Sở Tư pháp tỉnh Thái Bình,Thành viên,official,"
        "123/QĐ-BTP\n"
    ),
    "cum.csv": (
        "Cơ quan tổ chức,Cụm,Tên,Từ năm\n"
        "Bộ Tư pháp,Cụm thi đua số 3,Cụm thi đua số 3 các Sở Tư pháp,2020\n"
    ),
    "don_vi.csv": (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại,Cơ quan tổ chức\n"
        "btp-stp-nam-dinh,Sở Tư pháp tỉnh Nam Định,STP Nam Định,department,Bộ Tư pháp\n"
        "btp-stp-ninh-binh,Sở Tư pháp tỉnh Ninh Bình,STP Ninh Bình,department,Bộ Tư pháp\n"
        "btp-stp-thai-binh,Sở Tư pháp tỉnh Thái Bình,STP Thái Bình,department,Bộ Tư pháp\n"
    ),
    "to_chuc.csv": (
        "Mã tổ chức,Tên,Tên tiếng Anh,Tên viết tắt,Cấp\n"
        "bo-tu-phap,Bộ Tư pháp,Ministry of Justice,BTP,ministry\n"
    ),
}


@dataclass(frozen=True)
class Ministry:
    home: Home
    report: LoadReport
    built: BuildResult


@pytest.fixture(scope="module")
def ministry(tmp_path_factory: pytest.TempPathFactory) -> Ministry:
    """The ministry's files loaded into a home of their own, built and published."""
    root = tmp_path_factory.mktemp("any-organiser")
    folder = root / "bo-tu-phap"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    home = Home(root / "home")
    report = load_files([folder], home)
    return Ministry(home, report, build_and_publish(home))


def test_a_ministrys_own_records_load_in_one_pass_build_and_publish(ministry: Ministry) -> None:
    home, report, built = ministry.home, ministry.report, ministry.built
    assert [(b.label, b.status, b.rows_quarantined) for b in report.batches] == [
        ("to_chuc.csv", "loaded", 0),
        ("don_vi.csv", "loaded", 0),
        ("cum.csv", "loaded", 0),
        ("thanh_vien.csv", "loaded", 0),
    ]
    assert built.tests_failed == 0
    year = read_query(
        home.published_db,
        "select organizer_id, cluster_id, leader_unit_id, deputy_unit_ids, member_count,"
        " source_mix, leader_source_kind, leader_source_ref from marts.fct_cluster_year",
    ).rows(named=True)
    assert year == [
        {
            "organizer_id": "bo-tu-phap",
            "cluster_id": "bo-tu-phap:cum-03",
            "leader_unit_id": "btp-stp-nam-dinh",
            "deputy_unit_ids": "btp-stp-ninh-binh",
            "member_count": 3,
            "source_mix": "real",
            "leader_source_kind": "official",
            "leader_source_ref": "123/QĐ-BTP",
        }
    ]
    # the decision cited is a source of its own, with the facts it supports
    source = read_query(
        home.published_db,
        "select document_no, n_memberships from marts.dim_source where source_id = '123/QĐ-BTP'",
    ).rows()
    assert source == [("123/QĐ-BTP", 3)]


@pytest.mark.parametrize("synth", ["1", "0"])
def test_a_warehouse_of_real_records_says_it_holds_no_synthetic_data(
    ministry: Ministry, monkeypatch: pytest.MonkeyPatch, synth: str
) -> None:
    """Nothing generated is in this warehouse: whichever way the switch is set, the note under the
    title says so, never "synthetic data is shown" or "synthetic data is hidden"."""
    monkeypatch.setenv("THIDUA_HOME", str(ministry.home.root))
    at = AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)
    at.query_params["synth"] = synth
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    notes = [e.value for e in at.success] + [e.value for e in at.info]
    assert t("overview.synthetic_none", "vi") in notes
    assert t("overview.synthetic_on", "vi") not in notes
    assert t("overview.synthetic_off", "vi") not in notes
