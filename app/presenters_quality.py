"""Frames of the data-quality page: statuses in words, messages in the reader's language."""

from __future__ import annotations

import re

import polars as pl

from presenters import with_terms
from thidua.contract.artifacts import checked_column
from thidua.contract.display_names import column_header
from thidua.contract.records import RECORD_TYPES
from thidua.i18n.messages import Lang, fmt_int, t, term, tn


def dbt_results(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    return with_terms(
        frame.with_columns(
            pl.Series(
                "message_label",
                [dbt_message(m, lang) for m in frame["message"].to_list()],
                dtype=pl.String,
            )
        ),
        lang,
        status_label=("dbt_status", "status"),
        type_label=("dbt_resource", "resource_type"),
    )


def dbt_counts(frame: pl.DataFrame) -> dict[str, int]:
    """Tests (data and unit tests) by outcome, and models/seeds built."""
    tests = frame.filter(pl.col("resource_type").is_in(["test", "unit_test"]))
    return {
        "tests_passed": tests.filter(pl.col("status") == "pass").height,
        "tests_failed": tests.filter(pl.col("status").is_in(["fail", "error"])).height,
        "tests_warned": tests.filter(pl.col("status") == "warn").height,
        "models": frame.filter(pl.col("resource_type").is_in(["model", "seed"])).height,
        "problems": frame.filter(pl.col("is_problem")).height,
    }


def ledger(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    labels = pl.Series(
        "record_type_label",
        [record_type_label(r, lang) for r in frame["record_type"].to_list()],
        dtype=pl.String,
    )
    return with_terms(frame.with_columns(labels), lang, status_label=("load_status", "status"))


def quarantine(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    message = "message_en" if lang == "en" else "message_vi"
    return with_check_words(frame.with_columns(pl.col(message).alias("message")), lang, "rule")


def unresolved(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Unresolved names: the rule by name (the query gives no record type: the column as is)."""
    return with_terms(frame, lang, rule_label=("check_rule", "rule"))


def quarantine_tally(frame: pl.DataFrame, lang: Lang) -> str:
    """ "Tên đơn vị chưa nhận ra (Thành viên cụm/khối): 3, …" from quarantine_by_rule."""
    return ", ".join(
        f"{term('check_rule', rule, lang)} ({record_type_label(record, lang)}): {fmt_int(n, lang)}"
        for record, rule, n in frame.iter_rows()
    )


def gx_summary(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    labels = pl.Series(
        "record_type_label",
        [record_type_label(r, lang) for r in frame["record_type"].to_list()],
        dtype=pl.String,
    )
    return frame.with_columns(labels)


def gx(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    frame = with_check_words(frame, lang, "expectation")
    return with_terms(
        frame.with_columns(
            pl.when(pl.col("is_success"))
            .then(pl.lit("pass"))
            .otherwise(pl.lit("fail"))
            .alias("outcome")
        ),
        lang,
        outcome_label=("dbt_status", "outcome"),
    )


# --- codes of the input contract and the quality gate, in words -------------------------------


def record_type_label(code: str | None, lang: Lang) -> str | None:
    """A record type by its title in the contract ("Thành viên cụm/khối" for memberships)."""
    if code is None:
        return None
    record_type = RECORD_TYPES.get(code)
    if record_type is None:
        return code
    return record_type.title_en if lang == "en" else record_type.title_vi


def column_label(record_type: str | None, column: str | None, lang: Lang) -> str | None:
    """An input or landed column by its header in the contract (Vietnamese as the templates
    write it, English as the readers take it); a column the gate adds by its own label."""
    if column is None:
        return None
    contract = RECORD_TYPES.get(record_type or "")
    for col in contract.columns if contract else ():
        if column in (col.name, checked_column(col)):
            return col.headers[0].capitalize() if lang == "en" else column_header(col)
    return term("gx_column", column, lang)


def with_check_words(frame: pl.DataFrame, lang: Lang, rule: str) -> pl.DataFrame:
    """Add `record_type_label`, `column_label` and `rule_label` (the check by name)."""
    added = [
        pl.Series(
            "record_type_label",
            [record_type_label(r, lang) for r in frame["record_type"].to_list()],
            dtype=pl.String,
        ),
    ]
    if "column_name" in frame.columns:
        added.append(
            pl.Series(
                "column_label",
                [
                    column_label(r, c, lang)
                    for r, c in frame.select("record_type", "column_name").iter_rows()
                ],
                dtype=pl.String,
            )
        )
    return with_terms(frame.with_columns(added), lang, rule_label=("check_rule", rule))


_DBT_ROWS = re.compile(r"(?:INSERT|UPDATE|DELETE|COPY|SELECT) (\d+)")
_DBT_FAILING = re.compile(r"Got (\d+) results?, configured to (?:fail|warn) if")


def dbt_message(message: str | None, lang: Lang) -> str | None:
    """dbt's message for a node in words: "OK" -> "Đã dựng", "INSERT 20" -> "Đã ghi 20 dòng".

    A message it does not know (an error's text) is shown as dbt wrote it: it is the detail a
    developer needs.
    """
    if message is None or message.upper() == "NO-OP":
        return None
    if message.upper() in ("OK", "SUCCESS", "CREATE TABLE", "CREATE VIEW"):
        return t("dbt_message.ok", lang)
    if (rows := _DBT_ROWS.fullmatch(message)) is not None:
        written = int(rows[1])
        return tn("dbt_message.rows", written, lang, rows=fmt_int(written, lang))
    if (failing := _DBT_FAILING.match(message)) is not None:
        return t("dbt_message.failing", lang, rows=fmt_int(int(failing[1]), lang))
    return message
