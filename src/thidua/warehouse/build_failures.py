"""A failed dbt build in words: which rule broke, on which table and column, for how many rows.

dbt reports a failing test by a generated name and a hash (`relationships_fct_…_.938526b392`).
This module reads what dbt wrote about the run (target/run_results.json: status, failing row
count, compiled SQL) and about the project (target/manifest.json: the test's rule, its arguments,
the model and column it is attached to) and says each failure as one Vietnamese and one English
sentence. Every rule name is translated here and nowhere else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua.warehouse.failing_rows import Sample, format_row

FAILED_STATUSES = ("fail", "error", "runtime error")
MAX_FAILURES_SHOWN = 20


@dataclass(frozen=True)
class Failure:
    """One failing dbt node, said in words."""

    unique_id: str
    rule: str  # not_null, relationships, …, singular, unit_test, model_error, test_error
    title: str  # the node as a reader finds it: the test name and the file that declares it
    sentence_vi: str
    sentence_en: str
    failing_rows: int | None  # what dbt counted (rows, or values for unique / accepted_values)
    compiled_sql: str | None  # the test's query, to show its first offending rows
    detail: str | None = None  # dbt's own message when it says more (an error, a unit test diff)


@dataclass(frozen=True)
class RunSummary:
    failures: list[Failure]
    skipped: int  # nodes dbt did not run because something upstream failed


def read_run(target_dir: Path) -> RunSummary:
    """The failures of the last dbt run in `target_dir` (empty when it wrote no results)."""
    results_file = target_dir / "run_results.json"
    manifest_file = target_dir / "manifest.json"
    if not results_file.exists():
        return RunSummary([], 0)
    results = json.loads(results_file.read_text(encoding="utf-8")).get("results", [])
    manifest: dict[str, Any] = (
        json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.exists() else {}
    )
    failures = [
        describe(result, manifest) for result in results if result.get("status") in FAILED_STATUSES
    ]
    skipped = sum(1 for result in results if result.get("status") == "skipped")
    return RunSummary(failures, skipped)


def describe(result: dict[str, Any], manifest: dict[str, Any]) -> Failure:
    """One failing result of run_results.json, in words."""
    unique_id = str(result["unique_id"])
    resource_type = unique_id.split(".", 1)[0]
    node = _node(manifest, unique_id)
    count = result.get("failures")
    message = _clean_message(result.get("message"))
    if resource_type == "unit_test":
        return _unit_test(unique_id, node, message)
    if resource_type != "test":
        return _build_error(unique_id, resource_type, node, message)
    title = f"{node.get('name') or unique_id} ({node.get('original_file_path', '?')})"
    if result.get("status") != "fail":
        # The test's query itself failed: no rows were judged.
        vi, en = _test_error(node, manifest)
        return Failure(unique_id, "test_error", title, vi, en, None, None, message)
    rule, vi, en = _test_sentences(node, manifest, int(count or 0))
    return Failure(unique_id, rule, title, vi, en, int(count or 0), result.get("compiled_code"))


# ---------------------------------------------------------------------------- the manifest


def _node(manifest: dict[str, Any], unique_id: str) -> dict[str, Any]:
    for section in ("nodes", "unit_tests", "sources"):
        found = manifest.get(section, {}).get(unique_id)
        if found is not None:
            return dict(found)
    return {}


def _table(manifest: dict[str, Any], unique_id: str | None) -> str:
    """A model, seed or source as users query it: `marts.fct_memberships`, `reference.sources`."""
    if not unique_id:
        return "?"
    node = _node(manifest, unique_id)
    if not node:
        return unique_id.rsplit(".", 1)[-1]
    if unique_id.startswith("source."):
        return f"{node.get('source_name')}.{node.get('identifier') or node.get('name')}"
    return f"{node.get('schema')}.{node.get('alias') or node.get('name')}"


def _ref_target(manifest: dict[str, Any], ref_text: str) -> str:
    """`ref('dim_source')` (a relationships test's `to`) as the table it names."""
    match = re.search(r"""ref\(\s*['"]([^'"]+)['"]""", ref_text or "")
    if match is None:
        return ref_text
    name = match.group(1)
    for unique_id, node in manifest.get("nodes", {}).items():
        if node.get("name") == name and node.get("resource_type") in ("model", "seed", "snapshot"):
            return _table(manifest, unique_id)
    return name


def _tested_table(node: dict[str, Any], manifest: dict[str, Any]) -> str:
    attached = node.get("attached_node")
    if attached:
        return _table(manifest, attached)
    parents = node.get("depends_on", {}).get("nodes", [])
    return ", ".join(_table(manifest, parent) for parent in parents) or "?"


def singular_rule_text(raw_code: str) -> str:
    """What a singular test checks: the first sentence of the comment it opens with."""
    lines: list[str] = []
    for line in raw_code.splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            if lines or stripped:
                break
            continue
        text = stripped.lstrip("-").strip()
        if not text:
            if lines:
                break
            continue
        lines.append(text)
    comment = " ".join(lines)
    first = re.split(r"(?<=[.!?])\s", comment, maxsplit=1)[0]
    return first if len(first) <= 300 else first[:299] + "…"


# ---------------------------------------------------------------------------- sentences


def _rows_en(count: int, noun: str = "row") -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _where(node: dict[str, Any]) -> tuple[str, str]:
    """A test scoped by `where:` says so: the rule holds only on those rows."""
    where = (node.get("config") or {}).get("where")
    if not where:
        return "", ""
    if "__latest_build__" in where:
        return " (xét các năm vừa xây dựng lại)", " (among the results years this build rebuilt)"
    return f" (xét các dòng có {where})", f" (among rows where {where})"


def _listed(values: list[Any]) -> str:
    return ", ".join(str(v) for v in values)


def _test_sentences(
    node: dict[str, Any], manifest: dict[str, Any], count: int
) -> tuple[str, str, str]:
    """The rule of a failing data test and the sentences that say it."""
    metadata = node.get("test_metadata") or {}
    table = _tested_table(node, manifest)
    if not metadata:
        rule_text = singular_rule_text(str(node.get("raw_code") or "")) or str(node.get("name"))
        file = node.get("original_file_path", "")
        return (
            "singular",
            f"Kiểm thử riêng {file} không đạt: “{rule_text}” sai ở {count} dòng kết quả "
            f"(bảng {table}).",
            f"Singular test {file} failed: “{rule_text}” is broken by "
            f"{_rows_en(count, 'result row')} (table {table}).",
        )
    rule = str(metadata.get("name"))
    kwargs: dict[str, Any] = metadata.get("kwargs") or {}
    column = str(kwargs.get("column_name") or node.get("column_name") or "")
    where_vi, where_en = _where(node)
    wording = _GENERIC.get(rule)
    if wording is None:
        column_vi = f"cột {column} của " if column else ""
        column_en = f"column {column} of " if column else ""
        description = node.get("description") or ""
        said = f": {description}" if description else ""
        return (
            rule,
            f"Kiểm thử {rule} trên {column_vi}bảng {table}{where_vi} không đạt{said}: "
            f"{count} dòng vi phạm.",
            f"Test {rule} on {column_en}table {table}{where_en} failed{said}: "
            f"{_rows_en(count)} break it.",
        )
    vi, en = wording(table, column, kwargs, manifest, count)
    return rule, vi.replace("{where}", where_vi), en.replace("{where}", where_en)


def _not_null(
    table: str, column: str, _kwargs: dict[str, Any], _manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    return (
        f"Cột {column} của bảng {table} không được để trống{{where}}, nhưng {n} dòng để trống.",
        f"Column {column} of table {table} must not be empty{{where}}, "
        f"but {_rows_en(n)} {'is' if n == 1 else 'are'}.",
    )


def _unique(
    table: str, column: str, _kwargs: dict[str, Any], _manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    return (
        f"Cột {column} của bảng {table} không được trùng lặp{{where}}, "
        f"nhưng {n} giá trị xuất hiện nhiều lần.",
        f"Column {column} of table {table} must be unique{{where}}, "
        f"but {_rows_en(n, 'value')} occur{'s' if n == 1 else ''} more than once.",
    )


def _accepted_values(
    table: str, column: str, kwargs: dict[str, Any], _manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    allowed = _listed(list(kwargs.get("values") or []))
    return (
        f"Cột {column} của bảng {table} chỉ được nhận các giá trị ({allowed}){{where}}, "
        f"nhưng có {n} giá trị khác.",
        f"Column {column} of table {table} may only hold ({allowed}){{where}}, "
        f"but {_rows_en(n, 'other value')} occur{'s' if n == 1 else ''}.",
    )


def _relationships(
    table: str, column: str, kwargs: dict[str, Any], manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    target = _ref_target(manifest, str(kwargs.get("to") or ""))
    field = kwargs.get("field")
    return (
        f"Mỗi giá trị của cột {column} trong bảng {table} phải có trong cột {field} của bảng "
        f"{target}{{where}}, nhưng {n} dòng có giá trị không tìm thấy.",
        f"Every value of column {column} in table {table} must exist in column {field} of "
        f"table {target}{{where}}, but {_rows_en(n)} hold{'s' if n == 1 else ''} a value "
        "not found there.",
    )


def _unique_combination(
    table: str, _column: str, kwargs: dict[str, Any], _manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    columns = _listed(list(kwargs.get("combination_of_columns") or []))
    return (
        f"Tổ hợp cột ({columns}) của bảng {table} không được trùng lặp{{where}}, "
        f"nhưng {n} tổ hợp xuất hiện nhiều lần.",
        f"The combination ({columns}) of table {table} must be unique{{where}}, "
        f"but {_rows_en(n, 'combination')} occur{'s' if n == 1 else ''} more than once.",
    )


def _accepted_range(
    table: str, column: str, kwargs: dict[str, Any], _manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    strict = kwargs.get("inclusive") is False
    if low is not None and high is not None:
        bounds_vi, bounds_en = f"từ {low} đến {high}", f"between {low} and {high}"
    elif low is not None:
        bounds_vi, bounds_en = (
            (f"lớn hơn {low}", f"above {low}")
            if strict
            else (
                f"không nhỏ hơn {low}",
                f"at least {low}",
            )
        )
    else:
        bounds_vi, bounds_en = (
            (f"nhỏ hơn {high}", f"below {high}")
            if strict
            else (
                f"không lớn hơn {high}",
                f"at most {high}",
            )
        )
    return (
        f"Cột {column} của bảng {table} phải {bounds_vi}{{where}}, nhưng {n} dòng nằm ngoài.",
        f"Column {column} of table {table} must be {bounds_en}{{where}}, "
        f"but {_rows_en(n)} {'is' if n == 1 else 'are'} outside.",
    )


def _expression_is_true(
    table: str, _column: str, kwargs: dict[str, Any], _manifest: dict[str, Any], n: int
) -> tuple[str, str]:
    expression = kwargs.get("expression")
    return (
        f"Điều kiện “{expression}” phải đúng với mọi dòng của bảng {table}{{where}}, "
        f"nhưng sai ở {n} dòng.",
        f"The condition “{expression}” must hold on every row of table {table}{{where}}, "
        f"but fails on {_rows_en(n)}.",
    )


_GENERIC = {
    "not_null": _not_null,
    "unique": _unique,
    "accepted_values": _accepted_values,
    "relationships": _relationships,
    # the project's own generic tests (macros/test_*.sql)
    "unique_combination_of_columns": _unique_combination,
    "accepted_range": _accepted_range,
    "expression_is_true": _expression_is_true,
}


def _test_error(node: dict[str, Any], manifest: dict[str, Any]) -> tuple[str, str]:
    table = _tested_table(node, manifest)
    return (
        f"Kiểm thử {node.get('name')} trên bảng {table} không chạy được (lỗi SQL, không phải dữ "
        "liệu sai).",
        f"Test {node.get('name')} on table {table} could not run (an SQL error, not bad data).",
    )


def _unit_test(unique_id: str, node: dict[str, Any], message: str | None) -> Failure:
    name = node.get("name") or unique_id.rsplit(".", 1)[-1]
    model = node.get("model") or "?"
    description = " ".join(str(node.get("description") or "").split())
    said_vi = f" Kiểm thử này khẳng định: “{description}”" if description else ""
    said_en = f" It states: “{description}”" if description else ""
    return Failure(
        unique_id,
        "unit_test",
        f"{name} ({node.get('original_file_path', '?')})",
        f"Kiểm thử đơn vị {name} của mô hình {model} cho kết quả khác mong đợi.{said_vi}",
        f"Unit test {name} of model {model} gave other rows than expected.{said_en}",
        None,
        None,
        message,
    )


# DuckDB's words when a row breaks a NOT NULL constraint, e.g. "NOT NULL constraint failed:
# fct_awards.award_id".
_NOT_NULL_CONSTRAINT = re.compile(r"NOT NULL constraint failed: (?:\w+\.)*?\w+\.(?P<column>\w+)")
_KINDS = {
    "model": ("Mô hình", "Model"),
    "seed": ("Bảng tham chiếu (seed)", "Seed"),
    "snapshot": ("Ảnh chụp (snapshot)", "Snapshot"),
}


def _build_error(
    unique_id: str, resource_type: str, node: dict[str, Any], message: str | None
) -> Failure:
    kind_vi, kind_en = _KINDS.get(resource_type, ("Bước", "Node"))
    name = node.get("name") or unique_id.rsplit(".", 1)[-1]
    where = f"{node.get('schema')}.{node.get('alias') or name}" if node else name
    empty = _NOT_NULL_CONSTRAINT.search(message or "")
    if empty is not None:
        # A mart's contract declares its never-empty columns as constraints: DuckDB refused a
        # row while building the table, so the rule is said as the not_null test would say it.
        column = empty.group("column")
        return Failure(
            unique_id,
            "not_null",
            f"{name} ({node.get('original_file_path', '?')})",
            f"Cột {column} của bảng {where} không được để trống (ràng buộc của hợp đồng mô hình), "
            "nhưng có dòng để trống: bảng không được xây dựng; các bước phụ thuộc bị bỏ qua.",
            f"Column {column} of table {where} must not be empty (a constraint of the model's "
            "contract), but a row is: the table was not built; what depends on it was skipped.",
            None,
            None,
            message,
        )
    return Failure(
        unique_id,
        f"{resource_type}_error",
        f"{name} ({node.get('original_file_path', '?')})",
        f"{kind_vi} {name} ({where}) không xây dựng được; các bước phụ thuộc vào nó bị bỏ qua.",
        f"{kind_en} {name} ({where}) could not be built; what depends on it was skipped.",
        None,
        None,
        message,
    )


def _clean_message(message: object) -> str | None:
    """dbt's message without blank lines; long diffs and stack details cut to what helps."""
    if not message:
        return None
    lines = [line.rstrip() for line in str(message).splitlines() if line.strip()]
    shown = lines[:25]
    if len(lines) > len(shown):
        shown.append(f"… ({len(lines) - len(shown)} more lines in the dbt log)")
    return "\n".join(shown)


# ---------------------------------------------------------------------------- the report


def headline(summary: RunSummary, exit_code: int) -> tuple[str, str]:
    """The first line: how many tests failed and how many nodes could not be built."""
    tests = sum(1 for f in summary.failures if f.failing_rows is not None or f.rule == "unit_test")
    errors = len(summary.failures) - tests
    if not summary.failures:
        return (
            f"dbt build thất bại (mã thoát {exit_code}) trước khi chạy kiểm thử nào; "
            "kho đã công bố giữ nguyên",
            f"dbt build failed (exit code {exit_code}) before any test ran; "
            "the published warehouse is unchanged",
        )
    return (
        f"dbt build thất bại: {tests} kiểm thử không đạt, {errors} bước lỗi; "
        "kho đã công bố giữ nguyên",
        f"dbt build failed: {tests} test(s) failed, {errors} node(s) in error; "
        "the published warehouse is unchanged",
    )


def report_lines(summary: RunSummary, samples: Mapping[str, Sample]) -> list[str]:
    """Every failure: its rule and test, the two sentences, its first offending rows."""
    lines: list[str] = []
    for failure in summary.failures[:MAX_FAILURES_SHOWN]:
        lines.append(f"✗ [{failure.rule}] {failure.title}")
        lines.append(f"  vi: {failure.sentence_vi}")
        lines.append(f"  en: {failure.sentence_en}")
        found = samples.get(failure.unique_id)
        if found is not None:
            lines.extend(_sample_lines(found, failure.failing_rows))
        if failure.detail:
            lines.append("  dbt:")
            lines.extend(f"    {line}" for line in failure.detail.splitlines())
    hidden = len(summary.failures) - MAX_FAILURES_SHOWN
    if hidden > 0:
        lines.append(f"… {hidden} lỗi khác / more failures (run_results.json in the dbt target)")
    if summary.skipped:
        lines.append(
            f"{summary.skipped} bước bị bỏ qua vì phụ thuộc vào bước lỗi / "
            f"{summary.skipped} nodes skipped because they depend on a failure"
        )
    return lines


def _sample_lines(found: Sample, failing_rows: int | None) -> list[str]:
    if found.error is not None:
        return [f"  (không đọc được các dòng / rows not readable: {found.error})"]
    if not found.rows:
        return []
    total = f" / {failing_rows}" if failing_rows is not None else ""
    lines = [f"  dòng đầu / first rows ({len(found.rows)}{total}):"]
    lines.extend(f"    {format_row(found.columns, row)}" for row in found.rows)
    return lines
