"""The dashboard's pages as the AppTests open them: url path → view file (under app/)."""

from __future__ import annotations

# What an AppTest run may take before it counts as hung (nothing asserts how long a page takes).
RUN_TIMEOUT_S = 120

# The pages that read the published warehouse; the intake page reads none.
PAGES = {
    "tong-quan": "views/overview.py",
    "cum-khoi": "views/clusters.py",
    "don-vi": "views/units.py",
    "khen-thuong": "views/awards.py",
    "so-sanh": "views/compare.py",
    "thay-doi": "views/changes.py",
    "chat-luong": "views/quality.py",
    "sql": "views/sql.py",
}
INTAKE_PAGE = {"nhap-du-lieu": "views/intake.py"}
