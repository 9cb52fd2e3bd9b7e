"""A load's report in words, line by line: what `thidua load` prints and the intake page shows.

One home for the wording, so the dashboard says exactly what the command line says: per batch
a status line (read / loaded / quarantined), the findings grouped by rule (findings_report), and
where to see every row; then the total.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.ingest.findings_report import report_lines
from thidua.ingest.loader import BatchReport, LoadReport


@dataclass(frozen=True)
class Line:
    text: str
    problem: bool = False  # a rejected file: the command line prints it on stderr


def batch_lines(report: BatchReport, *, quarantine_hint: bool = True) -> list[Line]:
    """The lines of one batch. `quarantine_hint`: end with the `thidua quarantine --load N`
    command (left out of a dry run, whose load ids exist only in its scratch copy)."""
    if report.status == "rejected":
        return [Line(f"✗ {report.message}", problem=True)]
    if report.status == "unchanged":
        mark = "!" if report.rows_quarantined else "="
        return [Line(f"{mark} {report.label}: {report.message}")]
    lines = []
    mark = "✓" if report.rows_quarantined == 0 else "!"
    if report.message:
        lines.append(Line(f"  {report.label}: {report.message}"))
    lines.append(
        Line(
            f"{mark} {report.label} ({report.record_type}): "
            f"đọc {report.rows_read}, nạp {report.rows_loaded}, "
            f"cách ly {report.rows_quarantined} / "
            f"read {report.rows_read}, loaded {report.rows_loaded}, "
            f"quarantined {report.rows_quarantined}"
        )
    )
    if report.findings is not None and report.findings.height:
        # Grouped by rule, so one load tells what to fix in every row; each row in full is a
        # command away (and in the quarantine table of raw.duckdb and the dashboard).
        lines += [Line(text) for text in report_lines(report.findings, report.record_type)]
        if quarantine_hint:
            lines.append(
                Line(
                    "    chi tiết từng dòng / every row in detail: "
                    f"thidua quarantine --load {report.load_id}"
                )
            )
    return lines


def total_line(report: LoadReport) -> str:
    return (
        f"tổng / total: nạp {report.loaded_rows} dòng, cách ly {report.quarantined_rows}, "
        f"{len(report.rejected)} tệp bị từ chối / {report.loaded_rows} rows loaded, "
        f"{report.quarantined_rows} quarantined, {len(report.rejected)} file(s) rejected"
    )
