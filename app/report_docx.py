"""The Word reports: "Báo cáo kết quả thi đua" of one cluster and results year, and "Quá trình thi
đua của đơn vị" of one unit across the years. For the year-end meeting, in Vietnamese or English.

Laid out from thidua.query.dashboard.reports' facts (marts only): nothing here decides a rank, a
leader or a finding, it writes what the marts state. Numbers and dates are written as the dashboard
writes them (thidua.i18n.messages), a value no source states as "chưa có dữ liệu" (never a guess), a
generated value with a "*" and a note at the top naming what is generated, and every fact's source
as a numbered "[n]" listed under "Nguồn" at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from docx.document import Document as DocumentObject
from docx.text.paragraph import Paragraph

from docx_parts import (
    Citations,
    add_link,
    add_table,
    centered,
    labelled,
    new_document,
    to_bytes,
)
from source_words import is_generator_ref, refs_in_words
from thidua.i18n.messages import (
    Lang,
    fmt_date,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_year_range,
    t,
    term,
)
from thidua.query.dashboard.reports import ClusterYearFacts, UnitHistoryFacts

GENERATED_MARK = "*"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class _Writer:
    """What every part of a report shares: the language, the synthetic switch, the numbered
    sources, and the parts that turned out to hold generated values (for the note)."""

    def __init__(self, lang: Lang, include_synthetic: bool) -> None:
        self.lang = lang
        self.include_synthetic = include_synthetic
        self.citations = Citations()
        self.generated_parts: list[str] = []

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def value(self, text: str | None, generated: bool | None, part: str) -> str:
        """A value as the report writes it: unknown in words, hidden or generated said so."""
        if text is None or text == "":
            if self.hidden(generated):
                return self.t("report.hidden")
            return self.t("report.unknown")
        if generated:
            if part not in self.generated_parts:
                self.generated_parts.append(part)
            return f"{text}{GENERATED_MARK}"
        return text

    def cite(self, *refs: str | None) -> str:
        return self.citations.cite(*refs)

    def hidden(self, generated: bool | None) -> bool:
        return bool(generated) and not self.include_synthetic

    def source_of(self, value: object, ref: str | None) -> str | None:
        """A value's source, cited only when the value is there: a blank (unknown or hidden)
        value has no source to cite."""
        return None if value is None else ref

    def whole(self, value: int | None) -> str | None:
        return None if value is None else fmt_int(value, self.lang)

    def percent(self, value: float | None) -> str | None:
        return None if value is None else fmt_percent(value, 1, self.lang)

    def day(self, value: date | None) -> str | None:
        return fmt_date(value, self.lang) if value is not None else None

    def yes_no(self, value: bool | None) -> str | None:
        return None if value is None else self.t("common.yes" if value else "common.no")

    def score(self, final: float | None, maximum: float | None) -> str | None:
        """ "97,79 / 100": the score to two decimals, the maximum as it is (100, 1.000)."""
        if final is None:
            return None
        text = fmt_number(final, 2, self.lang)
        if maximum is not None:
            whole = float(maximum).is_integer()
            text += " / " + fmt_number(maximum, 0 if whole else 2, self.lang)
        return text

    def role(self, code: str | None, order: int | None) -> str:
        label = term("role", code, self.lang)
        return f"{label} {order}" if code == "deputy" and order is not None else label

    def role_value(self, code: str | None, order: int | None, generated: bool | None) -> str:
        """A role; an unstated one says so, a hidden generated one says it is hidden."""
        if code is None and self.hidden(generated):
            return self.value(None, generated, "")
        return self.value(self.role(code, order), generated, self.t("report.part.members"))

    def with_source(self, text: str, *refs: str | None) -> str:
        cited = self.cite(*refs)
        return f"{text} {cited}" if cited else text


def _heading(doc: DocumentObject, text: str) -> None:
    doc.add_heading(text, level=1)


def _legend(doc: DocumentObject, text: str) -> None:
    doc.add_paragraph().add_run(text).italic = True


def _nothing(doc: DocumentObject, w: _Writer) -> None:
    doc.add_paragraph(w.t("report.none"))


def _title_block(
    doc: DocumentObject,
    w: _Writer,
    *,
    title: str,
    subject: str,
    lines: Sequence[tuple[str, str]],
    link: str | None,
    made_on: date,
) -> Paragraph:
    """Title, subject, key lines, the link back to the dashboard; returns the note paragraph,
    filled once the report knows what in it is generated."""
    centered(doc, title.upper(), size=16)
    centered(doc, subject, size=14)
    for label, text in lines:
        labelled(doc, label, text)
    made = doc.add_paragraph(w.t("report.made_on", date=fmt_date(made_on, w.lang)))
    if link:
        made.add_run(" ")
        add_link(made, link, w.t("report.open_online"))
    return doc.add_paragraph()


def _fill_note(note: Paragraph, w: _Writer) -> None:
    """The line that says which values are generated (or that none are, or that they are hidden)."""
    if not w.include_synthetic:
        note.add_run(w.t("report.note.hidden")).italic = True
    elif w.generated_parts:
        note.add_run(
            w.t("report.note.generated", mark=GENERATED_MARK, parts="; ".join(w.generated_parts))
        ).bold = True
    else:
        note.add_run(w.t("report.note.real")).italic = True


def _source_line(row: dict[str, Any], w: _Writer) -> str:
    """One entry of the source list, in words: kind, title, publisher, date, number."""
    ref = str(row["source_id"])
    if row.get("source_kind") == "synthetic" or is_generator_ref(ref):
        return f"{refs_in_words(ref, w.lang)}. {w.t('report.source.generated')}"
    kind = term("value_source", row.get("source_kind") or "other", w.lang)
    pieces = [f"“{row['title']}”" if row.get("title") else None]
    pieces.append(row.get("publisher"))
    if row.get("published_on") is not None:
        pieces.append(fmt_date(row["published_on"], w.lang))
    if row.get("document_no") and row.get("document_no") != row.get("title"):
        pieces.append(w.t("report.source.document_no", number=row["document_no"]))
    described = ", ".join(str(p) for p in pieces if p)
    return f"{kind}: {described or ref}"


def _sources(doc: DocumentObject, w: _Writer, catalogue: list[dict[str, Any]]) -> None:
    _heading(doc, w.t("report.sources"))
    by_id = {str(row["source_id"]): row for row in catalogue}
    cited = w.citations.cited()
    if not cited:
        _nothing(doc, w)
        return
    for number, ref in cited:
        row = by_id.get(ref, {"source_id": ref, "source_kind": None})
        paragraph = doc.add_paragraph(f"[{number}] {_source_line(row, w)}")
        url = row.get("url") or (ref if ref.startswith(("http://", "https://")) else None)
        if url:
            paragraph.add_run(" ")
            add_link(paragraph, str(url))


# --- Báo cáo kết quả thi đua (one cluster, one results year) -------------------------------------


def _cluster_summary(doc: DocumentObject, w: _Writer, facts: ClusterYearFacts) -> None:
    h = facts.header
    _heading(doc, w.t("report.cluster.summary"))
    if not h["has_year"]:
        doc.add_paragraph(w.t("report.cluster.no_year", year=facts.year))
    members = w.whole(h["member_count"])
    if members is not None and h["stated_member_count"] not in (None, h["named_member_count"]):
        members = w.t(
            "report.cluster.members_stated",
            count=members,
            named=w.whole(h["named_member_count"]) or "0",
        )
    part_members = w.t("report.part.member_count")
    labelled(
        doc, w.t("col.members"), w.value(members, h["is_member_count_synthetic"], part_members)
    )
    part_lead = w.t("report.part.leadership")
    leader = w.value(h["leader_name"], h["is_leader_synthetic"], part_lead)
    labelled(
        doc,
        w.t("col.leader"),
        w.with_source(leader, w.source_of(h["leader_name"], h["leader_source_ref"])),
    )
    deputies = w.value(h["deputy_names"], h["is_deputy_synthetic"], part_lead)
    labelled(
        doc,
        w.t("col.deputies"),
        w.with_source(deputies, w.source_of(h["deputy_names"], h["deputy_source_ref"])),
    )
    top = w.value(h["top_unit_name"], h["is_top_unit_synthetic"], w.t("report.part.ranks"))
    if h["top_unit_name"] and h["top_unit_basis"]:
        basis = "declared" if h["top_unit_basis"] == "declared_rank" else "score"
        top += f" ({w.t(f'report.top_basis.{basis}')})"
    labelled(
        doc,
        w.t("col.top_unit"),
        w.with_source(top, w.source_of(h["top_unit_name"], h["top_unit_source_ref"])),
    )
    part_scores = w.t("report.part.scores")
    labelled(
        doc,
        w.t("report.cluster.units_scored"),
        w.value(w.whole(h["units_scored"]), h["is_score_synthetic"], part_scores),
    )
    labelled(
        doc,
        w.t("report.cluster.rank_mismatches"),
        w.value(w.whole(h["rank_mismatches"]), h["is_score_synthetic"], part_scores),
    )
    regime = h["regime_basis_en"] if w.lang == "en" else h["regime_basis_vi"]
    labelled(doc, w.t("report.regime"), regime or w.t("report.unknown"))


def _roster(doc: DocumentObject, w: _Writer, facts: ClusterYearFacts) -> None:
    _heading(doc, w.t("report.cluster.roster"))
    if facts.roster.is_empty():
        _nothing(doc, w)
        return
    part = w.t("report.part.members")
    rows = [
        [
            str(i),
            w.value(r["unit_name"], r["is_synthetic"], part),
            w.value(w.role(r["role"], r["role_order"]), r["is_synthetic"], part),
            w.cite(r["source_ref"]),
        ]
        for i, r in enumerate(facts.roster.iter_rows(named=True), start=1)
    ]
    add_table(
        doc,
        [w.t("report.col.no"), w.t("col.unit"), w.t("col.role"), w.t("col.source")],
        rows,
        widths_mm=(12, 95, 40, 18),
        right=(0,),
    )


def _leadership(doc: DocumentObject, w: _Writer, facts: ClusterYearFacts) -> None:
    _heading(doc, w.t("report.cluster.leadership"))
    this_year = facts.leadership.filter(facts.leadership["results_year"] == facts.year)
    next_year = facts.leadership.filter(facts.leadership["results_year"] == facts.year + 1)
    part = w.t("report.part.leadership")
    if this_year.is_empty():
        _nothing(doc, w)
    else:
        rows = [
            [
                w.value(w.role(r["role"], r["role_order"]), r["is_synthetic"], part),
                w.value(r["unit_name"], r["is_synthetic"], part),
                w.value(
                    w.yes_no(r["was_deputy_previous_year"]), r["is_previous_year_synthetic"], part
                ),
                w.value(w.yes_no(r["is_leader_next_year"]), r["is_next_year_synthetic"], part),
                w.cite(r["source_ref"]),
            ]
            for r in this_year.iter_rows(named=True)
        ]
        add_table(
            doc,
            [
                w.t("col.role"),
                w.t("col.unit"),
                w.t("report.col.deputy_before"),
                w.t("report.col.leads_next"),
                w.t("col.source"),
            ],
            rows,
            widths_mm=(32, 70, 22, 22, 18),
        )
    following = [
        w.with_source(
            f"{w.role(r['role'], r['role_order'])}: "
            + w.value(r["unit_name"], r["is_synthetic"], part),
            r["source_ref"],
        )
        for r in next_year.iter_rows(named=True)
    ]
    labelled(
        doc,
        w.t("report.cluster.next_year", year=facts.year + 1),
        "; ".join(following) if following else w.t("report.unknown"),
    )


def _scores(doc: DocumentObject, w: _Writer, facts: ClusterYearFacts) -> None:
    _heading(doc, w.t("report.cluster.scores"))
    if facts.scores.is_empty():
        _nothing(doc, w)
        return
    scores, ranks = w.t("report.part.scores"), w.t("report.part.ranks")
    with_class = facts.scores["classification"].drop_nulls().len() > 0
    rows = []
    for i, r in enumerate(facts.scores.iter_rows(named=True), start=1):
        row = [
            str(i),
            r["unit_name"],
            w.value(w.score(r["final_score"], r["max_score"]), r["is_score_synthetic"], scores),
            w.value(w.percent(r["share_of_max"]), r["is_score_synthetic"], scores),
            w.value(w.whole(r["effective_rank"]), r["is_effective_rank_synthetic"], ranks),
            w.value(w.whole(r["declared_rank"]), r["is_rank_synthetic"], ranks),
            w.value(w.whole(r["rank_by_score"]), r["is_rank_by_score_synthetic"], ranks),
        ]
        if with_class:
            row.append(w.value(r["classification"], r["is_rank_synthetic"], ranks))
        row.append(
            w.cite(
                w.source_of(r["final_score"], r["score_source_ref"]),
                w.source_of(r["declared_rank"], r["rank_source_ref"]),
            )
        )
        rows.append(row)
    headers = [
        w.t("report.col.no"),
        w.t("col.unit"),
        w.t("col.final_score"),
        w.t("col.share"),
        w.t("col.rank"),
        w.t("col.declared_rank"),
        w.t("col.rank_by_score"),
    ]
    widths: list[float] = [9, 50, 24, 18, 15, 16, 16]
    if with_class:
        headers.append(w.t("col.classification"))
        widths = [9, 38, 22, 16, 12, 13, 13, 25]
    headers.append(w.t("col.source"))
    widths.append(17)
    add_table(doc, headers, rows, widths_mm=widths, right=(0, 2, 3, 4, 5, 6))
    _legend(doc, w.t("report.cluster.rank_legend"))


def _decision(w: _Writer, number: str | None, day: date | None) -> str | None:
    parts = [p for p in (number, w.day(day)) if p]
    return ", ".join(parts) if parts else None


def _award_unit(w: _Writer, row: dict[str, Any]) -> str | None:
    return row["unit_name"] if row["is_unit_known"] else t("fact.award_unknown_unit", w.lang)


def _compliance_rows(
    w: _Writer, frame: Any, *, with_year: bool
) -> tuple[list[str], list[list[str]], list[float]]:
    part = w.t("report.part.compliance")
    headers = [w.t("col.year")] if with_year else []
    headers += [w.t("report.col.severity"), w.t("report.col.rule"), w.t("col.detail")]
    headers.append(w.t("col.source"))
    rows = []
    for r in frame.iter_rows(named=True):
        row = [str(r["results_year"])] if with_year else []
        rule = r["rule_name_en"] if w.lang == "en" else r["rule_name_vi"]
        detail = r["detail_en"] if w.lang == "en" else r["detail_vi"]
        row += [
            w.value(term("severity", r["severity"], w.lang), r["is_synthetic"], part),
            rule or w.t("report.unknown"),
            detail or w.t("report.unknown"),
            w.cite(r["source_ref"]),
        ]
        rows.append(row)
    widths: list[float] = [14, 24, 40, 70, 17] if with_year else [26, 45, 77, 17]
    return headers, rows, widths


def _awards(doc: DocumentObject, w: _Writer, facts: ClusterYearFacts) -> None:
    _heading(doc, w.t("report.cluster.awards"))
    part = w.t("report.part.awards")
    if facts.awards.is_empty():
        _nothing(doc, w)
    else:
        rows = [
            [
                str(i),
                w.value(_award_unit(w, r), r["is_synthetic"], part),
                w.value(
                    r["award_name_en"] if w.lang == "en" else r["award_name_vi"],
                    r["is_synthetic"],
                    part,
                ),
                w.value(term("status", r["status"], w.lang), r["is_synthetic"], part),
                w.value(
                    _decision(w, r["decision_no"], r["decision_date"]), r["is_synthetic"], part
                ),
                w.cite(r["source_ref"]),
            ]
            for i, r in enumerate(facts.awards.iter_rows(named=True), start=1)
        ]
        add_table(
            doc,
            [
                w.t("report.col.no"),
                w.t("col.unit"),
                w.t("col.award"),
                w.t("col.status"),
                w.t("report.col.decision"),
                w.t("col.source"),
            ],
            rows,
            widths_mm=(9, 48, 44, 22, 27, 15),
            right=(0,),
        )
    doc.add_heading(w.t("report.compliance"), level=2)
    if facts.compliance.is_empty():
        doc.add_paragraph(w.t("report.compliance.none"))
        return
    headers, rows, widths = _compliance_rows(w, facts.compliance, with_year=False)
    add_table(doc, headers, rows, widths_mm=widths)


def _event_time(w: _Writer, r: dict[str, Any]) -> str | None:
    """The day (and part of day) held, or the month or year the source gives, as written."""
    if r["event_date"] is not None:
        text = fmt_date(r["event_date"], w.lang)
        if r["end_date"] is not None:
            text += f" – {fmt_date(r['end_date'], w.lang)}"
        if r["part_of_day"]:
            text += f", {term('part_of_day', r['part_of_day'], w.lang)}"
        return text
    period = r["event_period"]
    if period and r["event_date_precision"] == "month":
        year, month = period.split("-")[:2]
        return w.t("report.month", month=int(month), year=year)
    if period and r["event_date_precision"] == "year":
        return w.t("report.year", year=period)
    raw = r["event_date_raw"]
    return str(raw) if raw else None


def _events(doc: DocumentObject, w: _Writer, facts: ClusterYearFacts) -> None:
    _heading(doc, w.t("report.cluster.events"))
    if facts.events.is_empty():
        _nothing(doc, w)
        return
    part = w.t("report.part.events")
    rows = [
        [
            str(i),
            w.value(term("event_type", r["event_type"], w.lang), r["is_synthetic"], part),
            w.value(_event_time(w, r), r["is_synthetic"], part),
            w.value(r["host_name"], r["is_synthetic"], part),
            r["document_no"] or w.t("report.unknown"),
            w.cite(r["source_ref"]),
        ]
        for i, r in enumerate(facts.events.iter_rows(named=True), start=1)
    ]
    add_table(
        doc,
        [
            w.t("report.col.no"),
            w.t("col.event_type"),
            w.t("report.col.when"),
            w.t("col.host"),
            w.t("report.col.document_no"),
            w.t("col.source"),
        ],
        rows,
        widths_mm=(9, 36, 40, 45, 20, 15),
        right=(0,),
    )


def _year_words(w: _Writer, label: str, cycle: str | None) -> str:
    key = "report.school_year" if cycle == "school_year" else "report.year"
    return w.t(key, year=label)


def cluster_year_report(
    facts: ClusterYearFacts, lang: Lang, *, link: str | None = None, made_on: date | None = None
) -> bytes:
    """ "Báo cáo kết quả thi đua" of one cluster and results year, as .docx bytes."""
    w = _Writer(lang, facts.include_synthetic)
    h = facts.header
    subject = f"{h['cluster_name']} — {_year_words(w, h['results_year_label'], h['cluster_cycle'])}"
    doc = new_document(lang, f"{w.t('report.cluster.title')}: {subject}")
    organizer = h["organizer_name_en"] if lang == "en" else h["organizer_name"]
    note = _title_block(
        doc,
        w,
        title=w.t("report.cluster.title"),
        subject=subject,
        lines=[(w.t("filter.organizer"), organizer or w.t("report.unknown"))],
        link=link,
        made_on=made_on or date.today(),
    )
    if h["is_cluster_synthetic"]:
        doc.add_paragraph(w.t("clusters.synthetic_cluster"))
    _cluster_summary(doc, w, facts)
    _roster(doc, w, facts)
    _leadership(doc, w, facts)
    _scores(doc, w, facts)
    _awards(doc, w, facts)
    _events(doc, w, facts)
    _sources(doc, w, facts.sources.to_dicts())
    _fill_note(note, w)
    return to_bytes(doc)


# --- Quá trình thi đua của đơn vị (one unit across the years) ------------------------------------


def _unit_history(doc: DocumentObject, w: _Writer, facts: UnitHistoryFacts) -> None:
    _heading(doc, w.t("report.unit.history"))
    if facts.history.is_empty():
        _nothing(doc, w)
        return
    several_names = facts.history["unit_id"].n_unique() > 1
    scores = w.t("report.part.scores")
    ranks, awards = w.t("report.part.ranks"), w.t("report.part.awards")
    rows = []
    for r in facts.history.iter_rows(named=True):
        rank = w.whole(r["effective_rank"])
        if rank is not None and r["member_count"] is not None:
            rank = w.t("unit.rank_of", rank=rank, size=w.whole(r["member_count"]))
        row = [str(r["results_year"])]
        if several_names:
            row.append(r["unit_name"])
        row += [
            r["cluster_name"] or w.t("report.unknown"),
            w.role_value(r["role"], None, r["is_membership_synthetic"]),
            w.value(w.score(r["final_score"], r["max_score"]), r["is_score_synthetic"], scores),
            w.value(w.percent(r["share_of_max"]), r["is_score_synthetic"], scores),
            w.value(rank, r["is_effective_rank_synthetic"], ranks),
            w.value(r["award_names"], r["is_awards_synthetic"], awards),
            w.cite(
                None if w.hidden(r["is_membership_synthetic"]) else r["membership_source_ref"],
                w.source_of(r["final_score"], r["score_source_ref"]),
                w.source_of(r["declared_rank"], r["rank_source_ref"]),
                w.source_of(r["award_names"], r["awards_source_ref"]),
            ),
        ]
        rows.append(row)
    headers = [w.t("col.year")]
    widths: list[float] = [12]
    if several_names:
        headers.append(w.t("unit.name_then"))
        widths.append(28)
    headers += [
        w.t("col.cluster"),
        w.t("col.role"),
        w.t("col.final_score"),
        w.t("col.share"),
        w.t("col.rank"),
        w.t("col.award"),
        w.t("col.source"),
    ]
    widths += [30, 22, 22, 16, 14, 30, 14] if not several_names else [24, 18, 18, 14, 12, 24, 12]
    add_table(doc, headers, rows, widths_mm=widths)
    _legend(doc, w.t("report.cluster.rank_legend"))


def _unit_awards(doc: DocumentObject, w: _Writer, facts: UnitHistoryFacts) -> None:
    _heading(doc, w.t("report.unit.awards"))
    part = w.t("report.part.awards")
    if facts.awards.is_empty():
        _nothing(doc, w)
    else:
        rows = [
            [
                str(r["results_year"]),
                r["cluster_name"] or w.t("report.unknown"),
                w.value(
                    r["award_name_en"] if w.lang == "en" else r["award_name_vi"],
                    r["is_synthetic"],
                    part,
                ),
                w.value(term("status", r["status"], w.lang), r["is_synthetic"], part),
                w.value(
                    _decision(w, r["decision_no"], r["decision_date"]), r["is_synthetic"], part
                ),
                w.cite(r["source_ref"]),
            ]
            for r in facts.awards.iter_rows(named=True)
        ]
        add_table(
            doc,
            [
                w.t("col.year"),
                w.t("col.cluster"),
                w.t("col.award"),
                w.t("col.status"),
                w.t("report.col.decision"),
                w.t("col.source"),
            ],
            rows,
            widths_mm=(13, 38, 46, 24, 29, 15),
        )
    doc.add_heading(w.t("report.compliance"), level=2)
    if facts.compliance.is_empty():
        doc.add_paragraph(w.t("report.compliance.none"))
        return
    headers, rows, widths = _compliance_rows(w, facts.compliance, with_year=True)
    add_table(doc, headers, rows, widths_mm=widths)


def _lineage_line(w: _Writer, h: dict[str, Any]) -> tuple[str, str] | None:
    """Where the unit went in a reorganisation, as dim_unit states it."""
    if h["successor_unit_id"] in (None, h["unit_id"]):
        return None
    text = f"{term('relation', h['successor_relation'], w.lang)} {h['successor_unit_name']}"
    if h["successor_effective_date"] is not None:
        text += f" ({fmt_date(h['successor_effective_date'], w.lang)})"
    return w.t("report.unit.successor"), text


def unit_history_report(
    facts: UnitHistoryFacts, lang: Lang, *, link: str | None = None, made_on: date | None = None
) -> bytes:
    """ "Quá trình thi đua của đơn vị" over the chosen years, as .docx bytes."""
    w = _Writer(lang, facts.include_synthetic)
    h = facts.header
    doc = new_document(lang, f"{w.t('report.unit.title')}: {h['unit_name']}")
    organizer = h["organizer_name_en"] if lang == "en" else h["organizer_name"]
    lines = [
        (w.t("filter.organizer"), organizer or w.t("report.unknown")),
        (w.t("report.period"), fmt_year_range(facts.years)),
    ]
    successor = _lineage_line(w, h)
    if successor:
        lines.append(successor)
    if facts.history["unit_id"].n_unique() > 1:
        # unit_history lines a unit up by its current successor: the table holds every unit
        # that became it, each under its name then (as the unit page does).
        lines.append((w.t("report.unit.family"), h["successor_unit_name"] or h["unit_name"]))
    note = _title_block(
        doc,
        w,
        title=w.t("report.unit.title"),
        subject=h["unit_name"],
        lines=lines,
        link=link,
        made_on=made_on or date.today(),
    )
    _unit_history(doc, w, facts)
    _unit_awards(doc, w, facts)
    _sources(doc, w, facts.sources.to_dicts())
    _fill_note(note, w)
    return to_bytes(doc)
