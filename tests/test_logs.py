"""Structured logs (thidua.logs): a scheduler running `thidua load` unattended gets one event per
batch and one per load, with the same numbers the command prints; an analyst at the terminal,
who asked for nothing, sees the command's output and no log lines."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.logs import LEVEL_VARIABLE, ROOT_LOGGER, JsonLines, KeyValues, configure
from thidua.paths import SAMPLE_DIR

THIDUA = Path(sys.executable).parent / "thidua"
EVENTS = SAMPLE_DIR / "real" / "events.csv"


def _load(home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(THIDUA), "--home", str(home), "load", str(EVENTS)],
        capture_output=True,
        text=True,
        timeout=300,  # a hang guard only
        check=False,
        env={**os.environ, **env},
    )


def test_a_load_logs_each_batch_and_its_totals_as_json_lines(tmp_path: Path) -> None:
    result = _load(tmp_path / "home", THIDUA_LOG_LEVEL="info", THIDUA_LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    batches = [e for e in events if e["event"] == "load.batch"]
    finished = [e for e in events if e["event"] == "load.finished"]
    assert len(batches) == 1 and len(finished) == 1, events
    batch, total = batches[0], finished[0]
    assert batch["record_type"] == "events" and batch["status"] == "loaded"
    assert batch["file"] == str(EVENTS) and isinstance(batch["load_id"], int)
    assert batch["rows_read"] == batch["rows_loaded"] + batch["rows_quarantined"] > 0
    assert total["rows_loaded"] == batch["rows_loaded"] and total["rejected"] == 0
    assert all(e["level"] == "info" and e["ts"].endswith("+00:00") for e in events)
    # the numbers are the ones the command tells its user
    assert f"{batch['rows_loaded']}" in result.stdout


def test_the_terminal_shows_no_log_line_unless_asked(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_LOG_")}
    result = subprocess.run(
        [str(THIDUA), "--home", str(tmp_path / "home"), "load", str(EVENTS)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "load.batch" not in result.stderr and "load.finished" not in result.stderr


def _record(message: str, **fields: object) -> logging.LogRecord:
    record = logging.LogRecord("thidua.test", logging.INFO, __file__, 1, message, None, None)
    record.thidua_fields = fields
    return record


def test_json_lines_write_any_value_and_keep_vietnamese_readable() -> None:
    line = JsonLines().format(_record("load.batch", file=Path("/dữ liệu/thành viên.csv"), rows=3))
    parsed = json.loads(line)
    assert parsed["file"] == "/dữ liệu/thành viên.csv" and parsed["rows"] == 3
    assert "thành viên" in line  # not \\u escapes: the log is read by people too


def test_key_values_quote_what_has_spaces() -> None:
    line = KeyValues().format(_record("load.withdraw", reason="sai vai trò", load_ids="4,5"))
    assert line.endswith('info load.withdraw reason="sai vai trò" load_ids=4,5')


def test_unset_level_writes_not_even_a_failure_and_a_named_level_turns_events_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A failed build says so in its own bilingual words; a log line before them would push the
    # message a user reads first off its first line.
    logger = logging.getLogger(ROOT_LOGGER)
    monkeypatch.delenv(LEVEL_VARIABLE, raising=False)
    configure()
    try:
        assert not logger.isEnabledFor(logging.ERROR)
        monkeypatch.setenv(LEVEL_VARIABLE, "error")
        configure()
        assert logger.isEnabledFor(logging.ERROR) and not logger.isEnabledFor(logging.INFO)
        monkeypatch.setenv(LEVEL_VARIABLE, "INFO")
        configure()
        assert logger.isEnabledFor(logging.INFO)
    finally:
        monkeypatch.delenv(LEVEL_VARIABLE, raising=False)
        configure()  # the other tests' terminal stays silent
