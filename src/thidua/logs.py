"""Structured logs: what happened, one event per line, for whoever runs thidua unattended.

A command's own output (progress, tables, errors in words) is for the person at the terminal and
stays what it is. The log is for schedulers, CI and whoever reads it afterwards: each event has a
name ("load.batch", "build.published"...) and fields (load_id, file, rows...), so a line can be
filtered and counted without parsing sentences.

- `THIDUA_LOG_LEVEL`: unset, no event is written (the terminal shows only what the command says,
  a failed build included: its own bilingual message says it); `ERROR` logs failures only, `INFO`
  every load, build and publish, `DEBUG` the steps between.
- `THIDUA_LOG_FORMAT`: `text` (default: `event key=value ...`) or `json` (one JSON object per
  line: `ts`, `level`, `event` and the fields).

Logs go to stderr. The standard library's logging does the work; this module only names the
events' fields and formats them.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from typing import Final

ROOT_LOGGER: Final = "thidua"
LEVEL_VARIABLE: Final = "THIDUA_LOG_LEVEL"
FORMAT_VARIABLE: Final = "THIDUA_LOG_FORMAT"
_FIELDS: Final = "thidua_fields"
# Above every level: with no THIDUA_LOG_LEVEL, every event is dropped before it is formatted.
_SILENT: Final = logging.CRITICAL + 1


def event(logger: logging.Logger, name: str, level: int = logging.INFO, **fields: object) -> None:
    """Log the event `name` with its fields (values that JSON cannot hold are written as text)."""
    if logger.isEnabledFor(level):
        logger.log(level, name, extra={_FIELDS: fields})


def _fields(record: logging.LogRecord) -> dict[str, object]:
    fields = getattr(record, _FIELDS, None)
    return dict(fields) if isinstance(fields, dict) else {}


class JsonLines(logging.Formatter):
    """One JSON object per event: ts (UTC, ISO 8601), level, event, then the fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class KeyValues(logging.Formatter):
    """`HH:MM:SS level event key=value ...`, for a person reading a terminal or a file."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        pairs = " ".join(f"{key}={_text(value)}" for key, value in _fields(record).items())
        line = f"{when} {record.levelname.lower()} {record.getMessage()} {pairs}".rstrip()
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def _text(value: object) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (" " in text or not text) else text


def configure() -> None:
    """Send the package's events to stderr at the level and in the format the environment asks
    for. Called once by each entry point (the CLI, the dashboard); calling it again replaces its
    own handler, never another's."""
    logger = logging.getLogger(ROOT_LOGGER)
    level_name = os.environ.get(LEVEL_VARIABLE, "").strip().upper()
    level = logging.getLevelName(level_name) if level_name else _SILENT
    logger.setLevel(level if isinstance(level, int) else logging.WARNING)
    for handler in [h for h in logger.handlers if getattr(h, "thidua_owned", False)]:
        logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.thidua_owned = True  # type: ignore[attr-defined]
    as_json = os.environ.get(FORMAT_VARIABLE, "text").strip().lower() == "json"
    handler.setFormatter(JsonLines() if as_json else KeyValues())
    logger.addHandler(handler)
    # The events are the package's own: they do not also go to whatever the root logger prints.
    logger.propagate = False
