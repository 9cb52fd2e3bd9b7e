"""End to end through the intake page, in a real browser: a report in, the unknown name given
its unit, the rows accepted, loaded, built and published, and the cluster page showing them.

A copy of the sample home is served by `thidua serve` (test_e2e's helpers: Debian chromium under
playwright, never a downloaded browser). The report is a Thanh Hóa cluster report written here,
with one unit name nobody knows ("Sở Lạ Hoắc"). Every wait is on what the page says next; the
timeouts are hang guards, never timing assertions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from tests.test_e2e import (
    READY_TIMEOUT_MS,
    VIEWPORT,
    copy_home,
    launch_browser,
    page_problems,
    require_browser,
    start_server,
    stop_server,
    wait_ready,
)

from thidua.paths import Home

pytestmark = pytest.mark.browser

REPORT = (
    "Ngày 20/12/2023, Cụm thi đua số 8 tỉnh Thanh Hóa gồm các đơn vị: Sở Ngoại vụ (Cụm trưởng), "
    "Sở Tư pháp, Sở Nội vụ và Sở Lạ Hoắc đã tổ chức hội nghị tổng kết công tác thi đua năm 2023."
)
UNKNOWN = "Sở Lạ Hoắc"
RIGHT_UNIT = "Sở Giáo dục và Đào tạo (th-so-gddt)"
# A build of the sample takes well under a minute here; on a loaded CI machine it may take more.
BUILD_GUARD_MS = 900_000


def _says(page: Any, text: str, timeout: int = READY_TIMEOUT_MS) -> None:
    """Wait until the page shows `text`, then until the script has finished running."""
    page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=timeout)
    wait_ready(page)
    assert not page_problems(page), page_problems(page)


def _click(page: Any, name: str, nth: int = 0) -> None:
    page.get_by_role("button", name=name, exact=True).nth(nth).click()


def test_a_report_goes_from_upload_to_the_published_cluster_page(
    published_home: Home, tmp_path: Path
) -> None:
    require_browser()
    home = copy_home(published_home, tmp_path / "home")
    report = tmp_path / "bao-cao-cum-8-2023.txt"
    report.write_text(REPORT + "\n", encoding="utf-8")
    server = start_server(home, tmp_path / "serve.log")
    try:
        with launch_browser() as chromium:
            context = chromium.new_context(viewport=VIEWPORT, locale="vi-VN", accept_downloads=True)
            page = context.new_page()
            page.goto(server.url + "/nhap-du-lieu", wait_until="domcontentloaded")
            wait_ready(page)
            assert page.locator("h1").first.inner_text().strip() == "Nhập dữ liệu"

            # Upload the report and read it.
            page.locator('input[type="file"]').first.set_input_files(str(report))
            # uploaded: its chip is drawn (the name may be shortened in the middle)
            page.locator('[data-testid="stFileChip"]').first.wait_for(timeout=READY_TIMEOUT_MS)
            _click(page, "Đọc các tệp")
            _says(page, f"Đơn vị đúng cho ‘{UNKNOWN}’")
            assert page.locator('[data-testid="stDataFrame"]').count() >= 2  # the two editors
            assert page.locator("mark").first.inner_text().startswith("Ngày 20/12/2023")

            # The unknown name: its candidates are offered; pick the unit, scoped to cluster 8.
            combo = page.get_by_role("combobox", name=f"Đơn vị đúng cho ‘{UNKNOWN}’")
            combo.click()
            combo.press("ArrowDown")  # the list opens from the keyboard as a person would open it
            options = page.get_by_role("option")
            options.first.wait_for(timeout=READY_TIMEOUT_MS)
            offered = options.all_inner_texts()
            assert "không có trong danh sách" in offered and RIGHT_UNIT in offered
            options.filter(has_text=RIGHT_UNIT).first.click()
            wait_ready(page)
            page.get_by_text("Chỉ trong Cụm thi đua số 8").first.click()
            wait_ready(page)
            _click(page, "Thêm bí danh")
            _says(page, f"Đã thêm bí danh ‘{UNKNOWN}’ → th-so-gddt")
            assert page.get_by_text(f"Đơn vị đúng cho ‘{UNKNOWN}’").count() == 0

            # Accept every proposed row (events, then members), load, build and publish.
            _click(page, "Chấp nhận tất cả", 0)
            _says(page, "đã chấp nhận 1")
            _click(page, "Chấp nhận tất cả", 1)
            _says(page, "đã chấp nhận 4")
            _click(page, "Nạp")
            _says(page, "Đã nạp 6 dòng, cách ly 0")
            _click(page, "Xây dựng và công bố")
            _says(page, "Đã công bố", timeout=BUILD_GUARD_MS)

            # The cluster page, real data only: 2023's roster is the report's.
            page.goto(
                server.url + "/cum-khoi?cluster=th-ubnd:cum-08&synth=0",
                wait_until="domcontentloaded",
            )
            wait_ready(page)
            assert not page_problems(page), page_problems(page)
            with page.expect_download(timeout=READY_TIMEOUT_MS) as info:
                page.get_by_role("button", name="Tải CSV").first.click()
            roster_file = tmp_path / "roster.csv"
            info.value.save_as(roster_file)
            context.close()
    finally:
        stop_server(server)
    roster = pl.read_csv(roster_file, encoding="utf8-lossy", infer_schema=False)
    year_2023 = roster.filter(pl.col("Năm thi đua") == "2023")
    assert sorted(year_2023["Đơn vị"].to_list()) == sorted(
        ["Sở Ngoại vụ", "Sở Tư pháp", "Sở Nội vụ", "Sở Giáo dục và Đào tạo"]
    )
    roles = dict(zip(year_2023["Đơn vị"], year_2023["Vai trò"], strict=True))
    assert roles["Sở Ngoại vụ"] == "Trưởng cụm/khối"
