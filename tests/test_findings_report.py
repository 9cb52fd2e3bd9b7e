"""What a load prints about a batch's findings: one block per rule and column, the rules
touching most rows first, each with a bilingual line saying what to do, its rows, and its values,
messages or `thidua aliases add` commands, cut to a few with a count of the rest."""

from __future__ import annotations

import polars as pl

from thidua.ingest.findings_report import MAX_DETAILS, allowed_values, groups, report_lines

IN_SET = "expect_column_values_to_be_in_set"
NOT_NULL = "expect_column_values_to_not_be_null"


def _findings(rows: list[tuple[int, str, str, str | None, str | None]]) -> pl.DataFrame:
    """(row, rule, column, value, candidates) with messages naming the value."""
    return pl.DataFrame(
        {
            "_row": [r[0] for r in rows],
            "rule": [r[1] for r in rows],
            "column_name": [r[2] for r in rows],
            "value": [r[3] for r in rows],
            "candidates": [r[4] for r in rows],
            "message_vi": [f"giá trị ‘{r[3]}’" for r in rows],
            "message_en": [f"value ‘{r[3]}’" for r in rows],
        },
        schema={
            "_row": pl.Int64,
            "rule": pl.String,
            "column_name": pl.String,
            "value": pl.String,
            "candidates": pl.String,
            "message_vi": pl.String,
            "message_en": pl.String,
        },
    )


def test_groups_put_most_rows_first_and_cell_rules_before_gate_rules_on_a_tie() -> None:
    findings = _findings(
        [
            (5, NOT_NULL, "unit", None, None),
            (6, NOT_NULL, "unit", None, None),
            (7, "unresolved_name", "unit", "Sở GD&ĐT", None),
            (8, "unresolved_name", "unit", "Sở GD&ĐT", None),
            (2, IN_SET, "role", "trưởng cụm", None),
            (3, IN_SET, "role", "trưởng cụm", None),
            (4, IN_SET, "role", "phó", None),
        ]
    )
    order = [(g.rule, g.column, g.rows) for g in groups(findings)]
    assert order == [
        (IN_SET, "role", [2, 3, 4]),
        ("unresolved_name", "unit", [7, 8]),  # ties with the not-null rows but comes first
        (NOT_NULL, "unit", [5, 6]),
    ]


def test_a_block_for_values_not_allowed_lists_the_allowed_roles_and_each_value() -> None:
    findings = _findings(
        [
            (2, IN_SET, "role", "trưởng cụm", None),
            (3, IN_SET, "role", "trưởng cụm", None),
            (9, IN_SET, "role", "phó", None),
        ]
    )
    lines = report_lines(findings, "memberships")
    assert lines[0].startswith("    ✗ 3 dòng: ")
    assert "Cụm trưởng (leader), Cụm phó (deputy), Thành viên (member)" in lines[0]
    assert (
        "3 rows: a value that is not allowed in column role — use one of: leader, deputy"
        in (lines[0])
    )
    assert lines[0].endswith(f"[{IN_SET}]")
    assert lines[1] == "        cột/column role, dòng/rows 2–3, 9"
    assert lines[2:] == [
        "        ‘trưởng cụm’ (dòng/rows 2–3)",
        "        ‘phó’ (dòng/row 9)",
    ]


def test_an_empty_required_cell_shows_its_rows_only() -> None:
    findings = _findings([(4, NOT_NULL, "unit", None, None)])
    lines = report_lines(findings, "memberships")
    assert len(lines) == 2
    assert "1 dòng: thiếu giá trị bắt buộc ở cột unit — điền ô đó" in lines[0]
    assert "1 row: " in lines[0]
    assert lines[1] == "        cột/column unit, dòng/row 4"


def test_an_ambiguous_name_gets_a_command_with_a_cluster_placeholder_and_its_matches() -> None:
    matches = "Sở Tư pháp tỉnh Nam Định → btp-stp-nam-dinh; Sở Tư pháp tỉnh Ninh Bình → x"
    findings = _findings([(3, "ambiguous_name", "unit", " Sở Tư pháp ", matches)]).with_columns(
        pl.lit("bo-tu-phap").alias("organizer_id")
    )
    lines = report_lines(findings, "memberships")
    assert lines[2] == (
        '        ‘Sở Tư pháp’ (dòng/row 3): thidua aliases add "Sở Tư pháp" '
        '<mã đơn vị / unit id> --organizer bo-tu-phap --cluster "<cụm / cluster>"'
    )
    assert lines[3] == f"            khớp / matches: {matches}"


def test_an_unknown_name_without_organiser_column_gets_a_command_without_organiser() -> None:
    findings = _findings([(2, "unresolved_name", "unit", 'Sở "Hoà Bình"', None)])
    lines = report_lines(findings, None)
    assert lines[2] == (
        '        ‘Sở "Hoà Bình"’ (dòng/row 2): thidua aliases add "Sở \\"Hoà Bình\\"" '
        "<mã đơn vị / unit id>"
    )


def test_long_lists_are_cut_and_say_how_many_more() -> None:
    findings = _findings([(i + 2, "score_out_of_range", "score", str(i), None) for i in range(8)])
    lines = report_lines(findings, "rankings")
    details = lines[2:]
    assert len(details) == MAX_DETAILS + 1
    assert details[-1] == "        … +3 giá trị khác / 3 more values"
    assert details[0] == "        dòng/row 2: giá trị ‘0’ / value ‘0’"


def test_a_rule_without_its_own_words_names_the_rule() -> None:
    findings = _findings([(2, "some_new_rule", "note", "x", None)])
    lines = report_lines(findings, "rankings")
    assert "some_new_rule in column note — see the message for each value below" in lines[0]


def test_award_types_are_offered_by_their_seed_names_and_codes() -> None:
    vi = allowed_values(None, "award_type", "vi")
    en = allowed_values(None, "award_type", "en")
    assert vi is not None and en is not None
    assert vi.startswith("Cờ thi đua của Chính phủ (GOV_FLAG), ")
    assert "Bằng khen của Thủ tướng Chính phủ (PM_MERIT)" in vi
    assert en.startswith("Government emulation flag (GOV_FLAG), ")
