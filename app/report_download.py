"""The Word report buttons of the cluster and unit pages (the reports themselves: report_docx.py).

Like the table downloads, a button holds a callable: the report's queries run and the file is
made only when someone clicks, never on each rerun of the page. What the callable needs from the
page (the filters, the language, the link back) is read while the page runs, since the click is
served outside it.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

import url_state
from app_context import ViewContext
from public_url import absolute, base_url
from report_docx import DOCX_MIME, cluster_year_report, unit_history_report
from thidua.query.dashboard.reports import cluster_year_facts, unit_history_facts


def _report_year(view: ViewContext, years: Sequence[int]) -> int:
    """The results year to report on: the one a link names (`?year=`), else the latest."""
    options = sorted(set(years), reverse=True)
    wanted = url_state.wanted("year", "url_year")
    default = int(wanted) if wanted and wanted.isdigit() and int(wanted) in options else options[0]
    picked = st.selectbox(
        view.t("report.year_picker"),
        options,
        index=options.index(default),
        key="report_year",
        width=180,
    )
    return int(picked) if picked is not None else default


def cluster_report(view: ViewContext, cluster_id: str, years: Sequence[int]) -> None:
    """A year picker and the download of "Báo cáo kết quả thi đua" for that cluster and year."""
    if not years:
        return
    db, filters, lang = view.db_path, view.filters, view.lang
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        year = _report_year(view, years)
        link = absolute(
            url_state.page_href("cum-khoi", cluster=cluster_id, year=str(year)), base_url()
        )

        def make() -> bytes:
            facts = cluster_year_facts(db, filters, cluster_id, year)
            return cluster_year_report(facts, lang, link=link)

        st.download_button(
            view.t("report.download.cluster"),
            data=make,
            file_name=f"bao-cao-thi-dua-{cluster_id.split(':')[-1]}-{year}.docx",
            mime=DOCX_MIME,
            on_click="ignore",
            icon=":material/description:",
            key="cluster_report_docx",
            help=view.t("report.download.cluster.help"),
        )


def unit_report(view: ViewContext, unit_id: str) -> None:
    """The download of "Quá trình thi đua của đơn vị" over the years the sidebar selects."""
    db, filters, lang = view.db_path, view.filters, view.lang
    link = absolute(url_state.page_href("don-vi", unit=unit_id), base_url())

    def make() -> bytes:
        return unit_history_report(unit_history_facts(db, filters, unit_id), lang, link=link)

    st.download_button(
        view.t("report.download.unit"),
        data=make,
        file_name=f"qua-trinh-thi-dua-{unit_id}.docx",
        mime=DOCX_MIME,
        on_click="ignore",
        icon=":material/description:",
        key="unit_report_docx",
        help=view.t("report.download.unit.help"),
    )
