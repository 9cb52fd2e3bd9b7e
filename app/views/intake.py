"""Nhập dữ liệu (intake): files and documents in, reviewed, previewed, loaded, published.

Record files load as they are; documents go through extraction, which only proposes: a person
ticks the rows that are right (and names an unknown unit from its candidates, which adds a
scoped alias), previews what the loader would do against a scratch copy, loads, then builds and
publishes. The work itself is in intake_flow.py (tests call it directly); this page lays out
widgets. Messages of the loader are the command line's (thidua.ingest.load_report).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import polars as pl
import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

import intake_flow as flow
import presenters_intake as present
from app_context import ViewContext, current_view
from thidua.errors import UserError
from thidua.i18n.messages import fmt_int, fmt_number
from thidua.ingest.load_report import Line
from thidua.ingest.resolve import read_seed
from thidua.paths import home
from thidua.warehouse.build import BuildFailed

STATE = "intake_session"
RESULT = "intake_result"
_VERSION = "intake_editor_version"
_NO_ORGANIZER = ""
_BUILD_LINES = 15

view = current_view()
lang = view.lang
where = home()
st.title(view.t("intake.title"))
st.caption(view.t("intake.caption"))


@contextmanager
def said_in_words(view: ViewContext) -> Iterator[None]:
    """A user's mistake or a busy home as a message in the reader's language, not a traceback."""
    try:
        yield
    except BuildFailed as exc:
        st.error(view.t("intake.build.failed"), icon=":material/error:")
        st.error(exc.message_en if view.lang == "en" else exc.message_vi)
        if exc.details:
            st.code("\n".join(exc.details), language=None)
    except UserError as exc:
        st.error(exc.message_en if view.lang == "en" else exc.message_vi, icon=":material/block:")
    except OSError as exc:
        where_ = f"{exc.filename}: " if exc.filename else ""
        st.error(view.t("intake.os_error", error=f"{where_}{exc.strerror or exc}"))


class LiveLines:
    """A progress area fed by a loader or dbt callback. A click elsewhere during the run must
    not cut a load or build short: Streamlit's stop/rerun signal is held until the work is done,
    then raised."""

    def __init__(self, keep: int | None = None) -> None:
        self.area = st.empty()
        self.lines: deque[str] = deque(maxlen=keep)
        self.held: ScriptControlException | None = None

    def add(self, lines: list[str]) -> None:
        self.lines.extend(lines)
        if self.held is not None:
            return
        try:
            self.area.code("\n".join(self.lines), language=None)
        except ScriptControlException as signal:
            self.held = signal

    def release(self) -> None:
        if self.held is not None:
            raise self.held


def _organizers() -> dict[str, str]:
    seed = read_seed("organizers")
    name = "name_en" if lang == "en" else "name_vi"
    return {
        str(r["organizer_id"]): str(r[name] or r["name_vi"]) for r in seed.iter_rows(named=True)
    }


def _upload_form() -> None:
    organizers = _organizers()
    with st.form("intake_upload", clear_on_submit=False):
        uploads = st.file_uploader(
            view.t("intake.upload"),
            type=list(flow.UPLOAD_TYPES),
            accept_multiple_files=True,
            key="intake_files",
            help=view.t("intake.upload.help", mb=flow.MAX_UPLOAD_BYTES // (1024 * 1024)),
        )
        organizer = st.selectbox(
            view.t("intake.organizer"),
            [_NO_ORGANIZER, *organizers],
            format_func=lambda o: organizers.get(o, o) or view.t("intake.organizer.none"),
            accept_new_options=True,
            key="intake_organizer",
            help=view.t("intake.organizer.help"),
        )
        submitted = st.form_submit_button(view.t("intake.read"), type="primary")
    if not submitted:
        return
    if not uploads:
        st.warning(view.t("intake.no_files"))
        return
    with said_in_words(view):
        files = [flow.Upload(f.name, f.getvalue()) for f in uploads]
        intake = flow.start(where, files, str(organizer or "") or None)
        st.session_state[STATE] = intake
        st.session_state.pop(RESULT, None)
        if intake.documents:
            with st.spinner(view.t("intake.extracting")):
                flow.extract(where, intake)


def _files(intake: flow.Intake) -> None:
    st.caption(view.t("intake.session", folder=str(intake.folder)))
    if intake.files:
        st.write(view.t("intake.files.records", names=", ".join(p.name for p in intake.files)))
    if intake.extraction is not None and intake.extraction.documents:
        names = ", ".join(p.name for p in intake.documents)
        st.write(view.t("intake.files.documents", names=names))
    for refused in intake.refused:
        st.warning(view.t("intake.refused", name=refused.name, reason=view.t(refused.reason)))
    if intake.extraction is not None:
        for bad in intake.extraction.unreadable:
            st.warning(view.t("intake.unreadable", name=bad.path.name, message=bad.message))


def _proposals(intake: flow.Intake) -> list[tuple[str, int, dict[str, Any]]]:
    """One editor per record type; the rows, for the evidence picker."""
    extraction = intake.extraction
    assert extraction is not None
    st.subheader(view.t("intake.proposals.title"))
    frames = {rt: f for rt, f in extraction.frames.items() if rt != "sources"}
    if not frames:
        st.info(view.t("intake.proposals.none"))
        return []
    st.caption(view.t("intake.proposals.caption"))
    version = st.session_state.setdefault(_VERSION, 0)
    rows: list[tuple[str, int, dict[str, Any]]] = []
    for record_type, frame in frames.items():
        flags = flow.accepted_flags(intake, record_type, frame)
        label = present.record_type_label(record_type, lang)
        head, all_, none_ = st.columns([4, 1, 1], vertical_alignment="bottom")
        if all_.button(view.t("intake.accept_all"), key=f"intake_all_{record_type}"):
            flow.set_accepted(intake, record_type, frame, [True] * frame.height)
            _reset_editors()
        if none_.button(view.t("intake.accept_none"), key=f"intake_none_{record_type}"):
            flow.set_accepted(intake, record_type, frame, [False] * frame.height)
            _reset_editors()
        shown = present.editor_frame(frame, flags, lang)
        labels = {c: present.column_label(record_type, c, lang) for c in shown.columns}
        config: dict[str, Any] = {c: st.column_config.Column(labels[c]) for c in shown.columns}
        config[present.ACCEPT] = st.column_config.CheckboxColumn(labels[present.ACCEPT])
        if "confidence" in shown.columns:
            config["confidence"] = st.column_config.NumberColumn(
                labels["confidence"], format="%.2f"
            )
        if "evidence" in shown.columns:
            config["evidence"] = st.column_config.TextColumn(labels["evidence"], width="large")
        edited = st.data_editor(
            shown,
            key=f"intake_editor_{record_type}_{version}",
            column_config=config,
            disabled=[c for c in shown.columns if c != present.ACCEPT],
            hide_index=True,
            num_rows="fixed",
            width="stretch",
        )
        accepted = [bool(v) for v in pl.DataFrame(edited)[present.ACCEPT].to_list()]
        flow.set_accepted(intake, record_type, frame, accepted)
        head.markdown(
            "**"
            + view.tn(
                "intake.proposals.count",
                frame.height,
                label=label,
                rows=fmt_int(frame.height, lang),
                accepted=fmt_int(sum(accepted), lang),
            )
            + "**"
        )
        rows += [(record_type, i, r) for i, r in enumerate(frame.iter_rows(named=True))]
    return rows


def _reset_editors() -> None:
    """Drop the editors' own edits: the accepted rows were just set for the whole table."""
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1
    st.rerun()


def _evidence(intake: flow.Intake, rows: list[tuple[str, int, dict[str, Any]]]) -> None:
    extraction = intake.extraction
    if extraction is None or not rows:
        return
    st.subheader(view.t("intake.evidence.title"))
    picked = st.selectbox(
        view.t("intake.evidence.pick"),
        range(len(rows)),
        format_func=lambda i: present.row_label(rows[i][0], rows[i][2], lang),
        key="intake_evidence",
    )
    row = rows[picked or 0][2]
    doc = present.document_of(extraction, row.get("document"))
    if doc is None:
        st.info(view.t("intake.evidence.missing"))
        return
    start, end = int(row.get("evidence_start") or 0), int(row.get("evidence_end") or 0)
    with st.container(height=280):
        st.html(present.highlighted_html(doc.text, start, end))


def _labelled(labels: dict[str, str], otherwise: str) -> Callable[[str], str]:
    def label(unit_id: str) -> str:
        return labels.get(unit_id, otherwise)

    return label


def _names(intake: flow.Intake) -> None:
    extraction = intake.extraction
    if extraction is None:
        return
    names = flow.unresolved_names(extraction)
    if not names:
        return
    st.subheader(view.t("intake.names.title"))
    st.caption(view.t("intake.names.caption"))
    for number, name in enumerate(names):
        if not name.candidates:
            st.info(view.t("intake.names.no_candidates", name=name.name))
            continue
        options = ["", *(unit_id for _, unit_id in name.candidates)]
        labels = {unit_id: f"{label} ({unit_id})" for label, unit_id in name.candidates}
        pick, scope, button = st.columns([3, 2, 1], vertical_alignment="bottom")
        unit_id = pick.selectbox(
            view.t("intake.names.pick", name=name.name),
            options,
            format_func=_labelled(labels, view.t("intake.names.none_of_these")),
            key=f"intake_name_{number}",
        )
        in_cluster = bool(name.cluster) and scope.checkbox(
            view.t("intake.names.in_cluster", cluster=name.cluster),
            key=f"intake_name_cluster_{number}",
        )
        if button.button(
            view.t("intake.names.add"), key=f"intake_name_add_{number}", disabled=not unit_id
        ):
            with said_in_words(view):
                added = flow.add_alias(where, intake, name, str(unit_id), in_cluster=in_cluster)
                st.session_state[RESULT] = (
                    "alias",
                    view.t(
                        "intake.names.added",
                        alias=added.alias,
                        unit=added.unit_id,
                        scope=added.scope,
                    ),
                    [],
                )
                st.rerun()


def _actions(intake: flow.Intake) -> None:
    st.subheader(view.t("intake.actions.title"))
    accepted = sum(len(keys) for keys in intake.accepted.values())
    if intake.files or accepted:
        st.caption(view.t("intake.actions.what", files=len(intake.files), rows=accepted))
    else:
        st.caption(view.t("intake.actions.nothing"))
    preview_col, load_col, build_col = st.columns(3)
    preview = preview_col.button(
        view.t("intake.preview"), key="intake_preview", help=view.t("intake.preview.help")
    )
    load = load_col.button(
        view.t("intake.load"), key="intake_load", type="primary", help=view.t("intake.load.help")
    )
    build = build_col.button(
        view.t("intake.build"), key="intake_build", help=view.t("intake.build.help")
    )
    if preview:
        _run_preview(intake)
    elif load:
        _run_load(intake)
    elif build:
        _run_build()
    _show_result()


def _run_preview(intake: flow.Intake) -> None:
    st.session_state.pop(RESULT, None)
    with said_in_words(view), st.spinner(view.t("intake.preview.help")):
        outcome = flow.preview(where, flow.load_paths(intake))
        st.session_state[RESULT] = ("preview", view.t("intake.preview.title"), outcome.lines)


def _run_load(intake: flow.Intake) -> None:
    st.session_state.pop(RESULT, None)
    with said_in_words(view), st.status(view.t("intake.loading"), expanded=True) as status:
        live = LiveLines()
        try:
            outcome = flow.load(where, flow.load_paths(intake), lambda ls: live.add(_texts(ls)))
        except BaseException:
            status.update(state="error")
            raise
        report = outcome.report
        status.update(label=view.t("intake.load.title"), state="complete", expanded=False)
        done = view.tn(
            "intake.load.done",
            report.loaded_rows,
            loaded=fmt_int(report.loaded_rows, lang),
            quarantined=fmt_int(report.quarantined_rows, lang),
        )
        st.session_state[RESULT] = ("load", done, outcome.lines)
        live.release()


def _run_build() -> None:
    st.session_state.pop(RESULT, None)
    with said_in_words(view), st.status(view.t("intake.build.running"), expanded=True) as status:
        live = LiveLines(keep=_BUILD_LINES)
        try:
            result = flow.build(where, lambda line: live.add([line]))
        except BaseException:
            status.update(state="error")
            raise
        done = (
            view.t("intake.build.up_to_date")
            if result.up_to_date
            else view.t(
                "intake.build.done",
                tests=fmt_int(result.tests_passed, lang),
                seconds=fmt_number(result.dbt_seconds, 1, lang),
            )
        )
        status.update(label=done, state="complete", expanded=False)
        st.session_state[RESULT] = ("build", done, [])
        live.release()


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def _show_result() -> None:
    result = st.session_state.get(RESULT)
    if not result:
        return
    kind, headline, lines = result
    show: Callable[..., Any] = st.info if kind == "preview" else st.success
    show(headline)
    if lines:
        st.code("\n".join(_texts(lines)), language=None)


_upload_form()
current = st.session_state.get(STATE)
if current is not None:
    _files(current)
    if current.extraction is not None:
        proposal_rows = _proposals(current)
        _evidence(current, proposal_rows)
        _names(current)
    _actions(current)
