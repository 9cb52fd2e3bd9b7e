"""`thidua demo`: the whole pipeline on the bundled sample (what `make run` calls).

Real facts (data/sample/real) and the deterministic synthetic province are loaded, validated,
built and published. A second run finds the same file contents already loaded and publishes the
same warehouse again: nothing is duplicated.
"""

from __future__ import annotations

from collections.abc import Callable

from thidua.errors import UserError
from thidua.generate import generate
from thidua.ingest.loader import BatchReport, load_files
from thidua.paths import SAMPLE_DIR, Home
from thidua.warehouse.build import build_and_publish

REAL_SAMPLE = SAMPLE_DIR / "real"


def run_demo(
    home: Home, *, seed: int = 1, progress: Callable[[str], None] = print, quiet_dbt: bool = False
) -> None:
    generated = home.generated_dir / f"province-seed{seed}"
    progress(f"[1/3] sinh dữ liệu mô phỏng / generating synthetic records → {generated}")
    counts = generate("province", seed, generated)
    progress("      " + ", ".join(f"{k} {v}" for k, v in counts.items()))

    progress("[2/3] nạp và kiểm tra / loading through the quality gate")

    def show(report: BatchReport) -> None:
        if report.status == "rejected":
            progress(f"      ✗ {report.message}")
        elif report.status == "unchanged":
            progress(f"      = {report.label}: đã nạp trước đó / already loaded")
        else:
            progress(
                f"      ✓ {report.label}: {report.rows_loaded} nạp / loaded, "
                f"{report.rows_quarantined} cách ly / quarantined"
            )

    report = load_files([REAL_SAMPLE, generated], home, progress=show)
    if report.rejected:
        raise UserError(
            f"{len(report.rejected)} tệp mẫu bị từ chối",
            f"{len(report.rejected)} sample file(s) rejected",
        )

    progress("[3/3] dbt build, kiểm thử và công bố / dbt build, tests and publish")
    result = build_and_publish(home, progress=None if quiet_dbt else progress)
    if result.up_to_date:
        progress(
            "      không có gì mới, kho đã công bố giữ nguyên / nothing new, the published "
            f"warehouse stands: {result.published_db}"
        )
    else:
        progress(
            f"      đã công bố / published {result.published_db} "
            f"({result.tests_passed} tests passed, dbt {result.dbt_seconds:.1f}s)"
        )
