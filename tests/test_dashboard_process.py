"""The dashboard's server process imports the app's modules before it listens
(thidua.dashboard_process), so its first visitor does not wait for them."""

from __future__ import annotations

import subprocess
import sys

from thidua.paths import APP_ENTRY
from thidua.serve import streamlit_command

# Only there so a broken test cannot hang CI; nothing asserts how long anything takes.
HANG_GUARD_S = 120


def test_every_module_beside_the_entry_script_is_imported_before_the_server_starts() -> None:
    code = (
        "import sys\n"
        "from thidua.dashboard_process import preload_app_modules\n"
        "names = preload_app_modules()\n"
        "print(' '.join(n for n in names if n in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    expected = sorted(p.stem for p in APP_ENTRY.parent.glob("*.py") if p != APP_ENTRY)
    # a module added to the app later is preloaded too; the entry script, which draws the
    # page as it runs, is not
    assert done.stdout.split() == expected
    assert {"charts", "data_access", "tables"} <= set(expected)
    assert APP_ENTRY.stem not in done.stdout.split()
    # nothing Streamlit says when a page is drawn outside a running app
    assert "ScriptRunContext" not in done.stderr
    assert "Traceback" not in done.stderr


def test_thidua_serve_runs_streamlit_through_it() -> None:
    command = streamlit_command(8599, "127.0.0.1")
    assert command[:3] == [sys.executable, "-m", "thidua.dashboard_process"]
    assert command[3:5] == ["run", str(APP_ENTRY)]
    assert command[command.index("--server.port") + 1] == "8599"
