"""A batch's findings as an analyst reads them after a load: one block per rule and column.

Each block opens with a line that says how many rows, what is wrong and what to do, in
Vietnamese then English (the words live in the i18n catalogue, `finding.<rule>`); then the rows,
compactly ("4, 7, 9–12"), and the distinct values with their message, or, for a name nobody
knows yet, the exact `thidua aliases add` command with the row's organiser and the closest known
names. Long lists are cut and say how many more there are; every row in full stays in the
quarantine table (`thidua quarantine`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import polars as pl

from thidua.contract.records import RECORD_TYPES, VALUE_LABELS
from thidua.i18n.messages import message_keys, t
from thidua.ingest.readers import ROW
from thidua.normalize import covers, fold

# Row numbers or ranges shown per rule, and distinct values (or commands) shown per rule.
MAX_ROW_ITEMS = 15
MAX_DETAILS = 5
_NAME_RULES = ("unresolved_name", "ambiguous_name")
_IN_SET = "expect_column_values_to_be_in_set"
_NOT_NULL = "expect_column_values_to_not_be_null"
_INDENT = "    "


@dataclass(frozen=True)
class RuleGroup:
    """The findings of one rule on one column of a batch."""

    rule: str
    column: str
    findings: pl.DataFrame

    @property
    def rows(self) -> list[int]:
        return sorted({int(r) for r in self.findings[ROW]})


def groups(findings: pl.DataFrame) -> list[RuleGroup]:
    """The findings by (rule, column): the rules touching most rows first; on a tie, what the
    cells say (names, numbers) before the gate's rules, as fixing a cell may settle the rest."""
    found = [
        RuleGroup(str(rule), str(column or ""), part)
        for (rule, column), part in findings.group_by(["rule", "column_name"], maintain_order=True)
    ]
    return sorted(
        found, key=lambda g: (-len(g.rows), g.rule.startswith("expect_"), g.rows[0], g.rule)
    )


def row_ranges(rows: Sequence[int], limit: int = MAX_ROW_ITEMS) -> str:
    """Row numbers as "4, 7, 9–12", at most `limit` items, then how many rows are left out."""
    items: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if items and row == items[-1][1] + 1:
            items[-1] = (items[-1][0], row)
        else:
            items.append((row, row))
    shown = items[:limit]
    text = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in shown)
    left = sum(b - a + 1 for a, b in items[limit:])
    if left:
        text += f" … (+{left} dòng nữa / {left} more rows)"
    return text


def _rows_label(rows: Sequence[int]) -> str:
    return f"dòng/row {rows[0]}" if len(rows) == 1 else f"dòng/rows {row_ranges(rows)}"


def allowed_values(record_type: str | None, column: str, lang: str) -> str | None:
    """A coded column's allowed values in words: "Cụm trưởng (leader), …" in Vietnamese, the
    English words (with the code where they differ) in English. None for a free column."""
    if column == "award_type":
        return _award_types(lang)
    rt = RECORD_TYPES.get(record_type or "")
    names = {c.name for c in rt.columns} if rt else set()
    if rt is None or column not in names or not rt.column(column).allowed:
        return None
    labels = VALUE_LABELS.get(column, {})
    words = []
    for code in rt.column(column).allowed:
        vi, en = labels.get(code, (code, code))
        if lang == "vi":
            words.append(f"{vi} ({code})")
        else:
            words.append(en if en == code else f"{en} ({code})")
    return ", ".join(words)


@cache
def _award_types(lang: str) -> str:
    """Award types are reference data: the seed's names with their codes."""
    from thidua.ingest.resolve import read_seed

    seed = read_seed("award_types")
    name = "name_vi" if lang == "vi" else "name_en"
    return ", ".join(
        f"{row[name]} ({row['award_type_code']})" for row in seed.iter_rows(named=True)
    )


def _summary(group: RuleGroup, record_type: str | None, lang: str) -> str:
    count = len(group.rows)
    plural = "row" if count == 1 else "rows"
    head = f"{count} dòng" if lang == "vi" else f"{count} {plural}"
    key = f"finding.{group.rule}"
    values: dict[str, object] = {"column": group.column}
    if key not in message_keys():
        key, values["rule"] = "finding.other", group.rule
    elif group.rule == _IN_SET:
        values["allowed"] = allowed_values(record_type, group.column, lang) or (
            "xem thông báo từng giá trị dưới đây"
            if lang == "vi"
            else "see the message for each value below"
        )
    return f"{head}: {t(key, lang, **values)}"


def _quoted(name: str) -> str:
    return '"' + name.strip().replace('"', '\\"') + '"'


def _best_unit(name: str, candidates: str | None) -> str | None:
    """The unit to put in the printed command, when the candidates name exactly one unit whose
    name accounts for every word written ("Sở TP Ninh Binh" → Sở Tư pháp tỉnh Ninh Bình). A
    command is copied and run as shown: a merely similar name ("Sở Lạ" beside "Sở LĐ-TB&XH"),
    or a name several units share ("Sở Tư pháp" in a ministry's cluster of provinces), keeps a
    placeholder and the candidates stay a suggestion."""
    if not candidates:
        return None
    written = fold(name).split()
    if len(written) < 2:
        return None
    units = set()
    for candidate in candidates.split("; "):
        label, _, unit_id = candidate.rpartition(" → ")
        if covers(fold(label).split(), written):
            units.add(unit_id.strip())
    return units.pop() if len(units) == 1 else None


def _name_lines(group: RuleGroup) -> list[str]:
    """One line per name and organiser: the command that fixes it and the closest names."""
    by_name = (
        group.findings.group_by(["value", "organizer_id"], maintain_order=True)
        .agg(pl.col(ROW).unique().sort(), pl.col("candidates").drop_nulls().first())
        .sort(pl.col(ROW).list.len(), descending=True, maintain_order=True)
    )
    lines = []
    for name, organizer, rows, candidates in by_name.head(MAX_DETAILS).iter_rows():
        ambiguous = group.rule == "ambiguous_name"
        # The closest name is offered as the command's unit; an ambiguous name has no closest.
        best = None if ambiguous else _best_unit(name or "", candidates)
        unit = best or "<mã đơn vị / unit id>"
        command = f"thidua aliases add {_quoted(name or '')} {unit}"
        if organizer:
            command += f" --organizer {organizer}"
        if ambiguous:
            command += ' --cluster "<cụm / cluster>"'
        lines.append(f"{_INDENT * 2}‘{(name or '').strip()}’ ({_rows_label(rows)}): {command}")
        if candidates:
            said = (
                "khớp / matches"
                if ambiguous
                else "gần nhất (xem đúng đơn vị trước khi chạy) / closest (check the unit first)"
            )
            lines.append(f"{_INDENT * 3}{said}: {candidates}")
    lines.extend(_more(by_name.height, "tên", "names"))
    return lines


def _message_lines(group: RuleGroup) -> list[str]:
    """One line per distinct message (it names the value and, where there is one, the limit)."""
    by_message = (
        group.findings.group_by(["message_vi", "message_en"], maintain_order=True)
        .agg(pl.col(ROW).unique().sort())
        .sort(pl.col(ROW).list.len(), descending=True, maintain_order=True)
    )
    lines = [
        f"{_INDENT * 2}{_rows_label(rows)}: {vi} / {en}"
        for vi, en, rows in by_message.head(MAX_DETAILS).iter_rows()
    ]
    lines.extend(_more(by_message.height, "giá trị", "values"))
    return lines


def _value_lines(group: RuleGroup) -> list[str]:
    """One line per distinct value: the summary already says what is allowed."""
    by_value = (
        group.findings.group_by("value", maintain_order=True)
        .agg(pl.col(ROW).unique().sort())
        .sort(pl.col(ROW).list.len(), descending=True, maintain_order=True)
    )
    lines = [
        f"{_INDENT * 2}‘{value}’ ({_rows_label(rows)})"
        for value, rows in by_value.head(MAX_DETAILS).iter_rows()
    ]
    lines.extend(_more(by_value.height, "giá trị", "values"))
    return lines


def _details(group: RuleGroup) -> list[str]:
    if group.rule in _NAME_RULES:
        return _name_lines(group)
    if group.rule == _IN_SET:
        return _value_lines(group)
    if group.rule == _NOT_NULL:
        return []  # an empty cell: the rows say it all
    return _message_lines(group)


def _more(total: int, what_vi: str, what_en: str) -> list[str]:
    left = total - MAX_DETAILS
    if left <= 0:
        return []
    return [f"{_INDENT * 2}… +{left} {what_vi} khác / {left} more {what_en}"]


def report_lines(findings: pl.DataFrame, record_type: str | None) -> list[str]:
    """The lines a load prints for one batch's findings, grouped by rule."""
    if "organizer_id" not in findings.columns:
        findings = findings.with_columns(pl.lit(None, dtype=pl.Utf8).alias("organizer_id"))
    lines = []
    for group in groups(findings):
        lines.append(
            f"{_INDENT}✗ {_summary(group, record_type, 'vi')} / "
            f"{_summary(group, record_type, 'en')} [{group.rule}]"
        )
        lines.append(f"{_INDENT * 2}cột/column {group.column}, {_rows_label(group.rows)}")
        lines.extend(_details(group))
    return lines
