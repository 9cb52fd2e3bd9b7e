"""The intake page (Nhập dữ liệu, /nhap-du-lieu): its work in app/intake_flow.py called directly,
and the page driven with AppTest as test_app.py drives the others.

Uploads cannot be made in AppTest, so the tests that need them build the session the way the
page does (intake_flow.start, then extract) and hand it to the page through session state. The
homes are fresh and empty (the page needs no published warehouse), so every test owns its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from thidua.ingest.landing import open_raw
from thidua.paths import APP_ENTRY, PROJECT_ROOT, Home
from thidua.work_lock import WorkBusy, held

# Generous: the first run imports the loader and polars. A hang guard, not a timing test.
RUN_TIMEOUT_S = 180
PAGE = "views/intake.py"
REPORT = (
    "Ngày 20/12/2023, Cụm thi đua số 8 tỉnh Thanh Hóa gồm các đơn vị: Sở Ngoại vụ (Cụm trưởng), "
    "Sở Tư pháp, Sở Nội vụ và Sở Lạ Hoắc đã tổ chức hội nghị tổng kết công tác thi đua năm 2023."
)
UNKNOWN = "Sở Lạ Hoắc"
EDITOR = "intake_editor_memberships_0"
BUSY_VI = "Đang có một lần nạp hoặc xây dựng khác chạy"


@pytest.fixture
def flow(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """app/intake_flow.py, imported as Streamlit imports the app's modules (app/ on sys.path)."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))
    import intake_flow

    return intake_flow


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Home:
    """An empty home, where the app looks for it (THIDUA_HOME)."""
    root = tmp_path / "home"
    root.mkdir()
    monkeypatch.setenv("THIDUA_HOME", str(root))
    return Home(root)


def _report_intake(flow: ModuleType, home: Home) -> Any:
    intake = flow.start(home, [flow.Upload("bao-cao-cum-8.txt", REPORT.encode("utf-8"))])
    flow.extract(home, intake)
    return intake


@contextmanager
def held_elsewhere(home: Home, what: str) -> Iterator[None]:
    """The home's lock held by another thread (another analyst's session) for the block."""
    taken, done = threading.Event(), threading.Event()

    def hold() -> None:
        with held(home, what, wait=0):
            taken.set()
            done.wait(RUN_TIMEOUT_S)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(RUN_TIMEOUT_S)
    try:
        yield
    finally:
        done.set()
        thread.join(RUN_TIMEOUT_S)


def _files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def _raw(home: Home, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        rows: list[tuple[Any, ...]] = con.execute(sql).fetchall()
    finally:
        con.close()
    return rows


# --- uploads: only ever under the intake folder --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "saved_as"),
    [
        ("../../evil.csv", "evil.csv"),
        ("/etc/passwd.csv", "passwd.csv"),
        ("..\\..\\Windows\\evil.csv", "evil.csv"),
        ("C:\\Users\\an\\bao-cao.docx", "bao-cao.docx"),
        (".hidden.csv", "hidden.csv"),
        ("  ..thanh_vien.xlsx", "thanh_vien.xlsx"),
        ("Báo cáo tổng kết.pdf", "Báo cáo tổng kết.pdf"),
    ],
)
def test_an_upload_lands_inside_the_intake_folder_under_its_base_name(
    flow: ModuleType, home: Home, tmp_path: Path, name: str, saved_as: str
) -> None:
    outside = _files_under(tmp_path)
    intake = flow.start(home, [flow.Upload(name, b"a,b\n1,2\n")])
    written: list[Path] = [*intake.files, *intake.documents]
    assert len(written) == 1
    saved = written[0]
    assert saved.name == saved_as
    assert saved.resolve().is_relative_to(flow.intake_root(home).resolve())
    assert saved.parent.parent == intake.folder
    assert _files_under(tmp_path) - outside == {saved}  # nothing written anywhere else


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/passwd", "intake.refused.kind"),
        ("../..", "intake.refused.name"),
        ("...", "intake.refused.name"),
        ("", "intake.refused.name"),
        ("notes.exe", "intake.refused.kind"),
    ],
)
def test_an_upload_without_a_usable_name_or_kind_is_refused_and_not_written(
    flow: ModuleType, home: Home, tmp_path: Path, name: str, reason: str
) -> None:
    outside = _files_under(tmp_path)
    intake = flow.start(home, [flow.Upload(name, b"root:x:0:0\n")])
    assert intake.files == intake.documents == []
    assert [r.reason for r in intake.refused] == [reason]
    assert _files_under(tmp_path) == outside
    assert Path("/etc/passwd").read_bytes() != b"root:x:0:0\n"


def test_uploads_over_the_size_limit_are_refused_and_same_names_kept_apart(
    flow: ModuleType, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flow, "MAX_UPLOAD_BYTES", 10)
    intake = flow.start(
        home,
        [
            flow.Upload("big.csv", b"x" * 11),
            flow.Upload("a/diem.csv", b"1"),
            flow.Upload("b/diem.csv", b"2"),
        ],
    )
    assert [r.reason for r in intake.refused] == ["intake.refused.size"]
    assert [p.name for p in intake.files] == ["diem.csv", "diem-2.csv"]
    assert [p.read_bytes() for p in intake.files] == [b"1", b"2"]


# --- documents: proposals, evidence, aliases -----------------------------------------------------


def test_the_evidence_is_marked_in_its_escaped_document(flow: ModuleType) -> None:
    import presenters_intake as present

    text = "Mở đầu <script>alert(1)</script> *đậm* & `mã`. Cụm 8 gồm Sở Tư pháp. Hết."
    start = text.index("Cụm 8")
    end = text.index(" Hết")
    shown = present.highlighted_html(text, start, end)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "<mark>Cụm 8 gồm Sở Tư pháp.</mark>" in shown
    assert "&amp;" in shown and "*đậm*" in shown
    assert present.highlighted_html("abc", 5, 99).endswith("abc<mark></mark></div>")


def test_picking_a_candidate_adds_the_alias_the_command_line_would_and_resolves_the_name(
    flow: ModuleType, home: Home
) -> None:
    intake = _report_intake(flow, home)
    [name] = flow.unresolved_names(intake.extraction)
    assert name.name == UNKNOWN and name.cluster == "Cụm thi đua số 8"
    assert ("Sở Giáo dục và Đào tạo", "th-so-gddt") in name.candidates
    memberships = intake.extraction.frames["memberships"]
    flow.set_accepted(intake, "memberships", memberships, [True] * memberships.height)

    added = flow.add_alias(home, intake, name, "th-so-gddt", in_cluster=True)

    assert (added.organizer_id, added.cluster_id) == ("th-ubnd", "th-ubnd:cum-08")
    assert _raw(home, "select alias, unit_id, organizer_id, cluster_id from user_aliases") == [
        (UNKNOWN, "th-so-gddt", "th-ubnd", "th-ubnd:cum-08")
    ]
    assert flow.unresolved_names(intake.extraction) == []
    again = intake.extraction.frames["memberships"]
    assert "th-so-gddt" in again["resolved_unit"].to_list()
    # What was accepted before the documents were read again stays accepted.
    assert flow.accepted_flags(intake, "memberships", again) == [True] * again.height


def test_only_accepted_rows_are_marked_and_the_document_source_goes_with_them(
    flow: ModuleType, home: Home
) -> None:
    intake = _report_intake(flow, home)
    assert flow.write_review(intake) is None  # nothing accepted: nothing to load
    memberships = intake.extraction.frames["memberships"]
    units = memberships["unit"].to_list()
    flow.set_accepted(intake, "memberships", memberships, [u == "Sở Tư pháp" for u in units])
    frames = flow.review_frames(intake)
    assert list(frames) == ["sources", "memberships"]  # no event accepted
    marked = dict(zip(frames["memberships"]["unit"], frames["memberships"]["accept"], strict=True))
    assert marked == {u: ("x" if u == "Sở Tư pháp" else None) for u in units}
    assert frames["sources"]["accept"].to_list() == ["x"]
    review = flow.write_review(intake)
    assert review is not None and review.parent == intake.folder
    assert sorted(p.name for p in review.iterdir()) == ["memberships.csv", "sources.csv"]


# --- preview, load ------------------------------------------------------------------------------


def test_preview_says_what_the_command_line_says_and_writes_nothing_real(
    flow: ModuleType, home: Home, tmp_path: Path
) -> None:
    with open_raw(home.raw_db):
        pass
    records = tmp_path / "thanh_vien.csv"
    records.write_text(
        "Cụm,Năm,Đơn vị,Vai trò\n"
        "Cụm thi đua số 8,2023,Sở Ngoại vụ,Cụm trưởng\n"
        f"Cụm thi đua số 8,2023,{UNKNOWN},Thành viên\n"
        "Cụm thi đua số 8,2023,Sở Tư pháp,Trưởng nhóm\n",
        encoding="utf-8",
    )
    intake = flow.start(home, [flow.Upload(records.name, records.read_bytes())])
    before = home.raw_db.read_bytes()

    outcome = flow.preview(home, flow.load_paths(intake))

    assert home.raw_db.read_bytes() == before
    assert not [p for p in (flow.intake_root(home) / "preview").rglob("*") if p.is_file()]
    shown = [line.text for line in outcome.lines]
    assert any("thidua aliases add" in line and UNKNOWN in line for line in shown)
    # The same words as `thidua load` on a copy of the same home (bar the quarantine command,
    # whose load id exists only in the preview's scratch copy).
    copy = Home(tmp_path / "copy")
    copy.root.mkdir()
    copy.raw_db.write_bytes(before)
    cli = subprocess.run(
        [str(Path(sys.executable).with_name("thidua")), "--home", str(copy.root), "load"]
        + [str(p) for p in intake.files],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
        cwd=PROJECT_ROOT,
        env=dict(os.environ, THIDUA_HOME=str(copy.root)),
    )
    printed = [line for line in cli.stdout.splitlines() if "thidua quarantine --load" not in line]
    assert shown == printed


def test_load_is_refused_while_another_load_or_build_runs(flow: ModuleType, home: Home) -> None:
    intake = _report_intake(flow, home)
    memberships = intake.extraction.frames["memberships"]
    flow.set_accepted(intake, "memberships", memberships, [True] * memberships.height)
    with held_elsewhere(home, "build"), pytest.raises(WorkBusy, match=BUSY_VI):
        flow.load(home, flow.load_paths(intake))
    assert not home.raw_db.exists()  # refused before it opened anything


# --- the page, in AppTest ------------------------------------------------------------------------


def _app(**state: Any) -> AppTest:
    at = AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)
    for key, value in state.items():
        at.session_state[key] = value
    return at


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _open(at: AppTest) -> AppTest:
    _run(at)
    at.switch_page(PAGE)
    return _run(at)


def _texts(at: AppTest, kind: str) -> str:
    return "\n".join(str(getattr(e, "value", "")) for e in at.get(kind))


def test_the_page_renders_in_vietnamese_and_english(home: Home) -> None:
    at = _open(_app())
    assert [e.value for e in at.title] == ["Nhập dữ liệu"]
    assert not at.error
    assert "Đọc các tệp" in [b.label for b in at.button]
    at.radio(key="lang").set_value("en")
    _run(at)
    assert [e.value for e in at.title] == ["Intake"]
    assert "Read the files" in [b.label for b in at.button]


def test_the_page_shows_the_sessions_proposals_evidence_and_candidates(
    flow: ModuleType, home: Home
) -> None:
    intake = _report_intake(flow, home)
    at = _open(_app(intake_session=intake))
    assert len(at.data_editor) == 2  # events, memberships
    memberships = next(e.value for e in at.data_editor if "unit" in e.value.columns)
    assert UNKNOWN in memberships["unit"].to_list()
    assert not memberships["accept"].any()  # nothing accepted until a person says so
    resolved = dict(zip(memberships["unit"], memberships["resolved_unit"], strict=True))
    assert resolved[UNKNOWN] == "chưa nhận ra" and resolved["Sở Tư pháp"] == "th-so-tu-phap"
    assert "Cụm trưởng" in memberships["role"].to_list()  # codes shown in words
    assert "<mark>" in _texts(at, "html")
    pick = at.selectbox(key="intake_name_0")
    assert pick.options[0] == "không có trong danh sách"
    assert "Sở Giáo dục và Đào tạo (th-so-gddt)" in pick.options
    at.radio(key="lang").set_value("en")
    _run(at)
    assert at.selectbox(key="intake_name_0").options[0] == "none of these"
    memberships = next(e.value for e in at.data_editor if "unit" in e.value.columns)
    assert "leader" in memberships["role"].to_list()


def test_picking_the_unit_on_the_page_adds_the_alias_and_reads_again(
    flow: ModuleType, home: Home
) -> None:
    intake = _report_intake(flow, home)
    at = _open(_app(intake_session=intake))
    at.selectbox(key="intake_name_0").set_value("th-so-gddt")
    _run(at)
    at.checkbox(key="intake_name_cluster_0").check()
    at.button(key="intake_name_add_0").click()
    _run(at)
    assert "Đã thêm bí danh ‘Sở Lạ Hoắc’ → th-so-gddt (trong th-ubnd:cum-08)" in _texts(
        at, "success"
    )
    assert not [s for s in at.selectbox if s.key == "intake_name_0"]  # nothing left to name
    memberships = next(e.value for e in at.data_editor if "unit" in e.value.columns)
    assert "th-so-gddt" in memberships["resolved_unit"].to_list()


def test_accepting_rows_and_pressing_load_lands_them(flow: ModuleType, home: Home) -> None:
    intake = _report_intake(flow, home)
    units = intake.extraction.frames["memberships"]["unit"].to_list()
    accepted = {units.index("Sở Ngoại vụ"), units.index("Sở Tư pháp")}
    edits = {"edited_rows": {i: {"accept": True} for i in accepted}}
    at = _open(
        _app(intake_session=intake, **{EDITOR: {**edits, "added_rows": [], "deleted_rows": []}})
    )
    assert "2 dòng đề xuất đã chấp nhận" in _texts(at, "caption")
    at.button(key="intake_load").click()
    _run(at)
    assert not at.error, _texts(at, "error")
    assert "Đã nạp 3 dòng, cách ly 0" in _texts(at, "success")  # two members and the source
    assert "memberships.csv (memberships): đọc 2, nạp 2, cách ly 0" in _texts(at, "code")
    landed = _raw(home, "select unit_id, role from memberships order by unit_id")
    assert landed == [("th-so-ngoai-vu", "leader"), ("th-so-tu-phap", None)]


def test_accept_all_then_preview_shows_every_row_without_loading(
    flow: ModuleType, home: Home
) -> None:
    intake = _report_intake(flow, home)
    at = _open(_app(intake_session=intake))
    at.button(key="intake_all_memberships").click()
    _run(at)
    memberships = next(e.value for e in at.data_editor if "unit" in e.value.columns)
    assert memberships["accept"].all()
    at.button(key="intake_preview").click()
    _run(at)
    assert "Xem trước: điều sẽ được nạp" in _texts(at, "info")
    assert "memberships.csv (memberships): đọc 4, nạp 3, cách ly 1" in _texts(at, "code")
    assert f'thidua aliases add "{UNKNOWN}"' in _texts(at, "code")
    assert not home.raw_db.exists()  # a preview writes nothing to the real landing database


def test_a_busy_home_is_said_in_words_on_the_page(flow: ModuleType, home: Home) -> None:
    intake = _report_intake(flow, home)
    at = _open(_app(intake_session=intake))
    at.button(key="intake_all_memberships").click()
    _run(at)
    with held_elsewhere(home, "build"):
        at.button(key="intake_load").click()
        _run(at)
    assert BUSY_VI in _texts(at, "error")
    assert not home.raw_db.exists()


def test_the_uploader_refuses_what_the_page_refuses(flow: ModuleType) -> None:
    """Streamlit's own limit (.streamlit/config.toml) is the page's, so the uploader's hint and
    the page's check name the same size."""
    import tomllib

    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == flow.MAX_UPLOAD_BYTES
