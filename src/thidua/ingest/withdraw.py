"""`thidua withdraw` / `thidua restore`: take a load's rows out of the warehouse, or put them back.

Nothing is deleted: each withdrawal or restoration is a row in `load_actions` (who, when, why),
the rows stay in their raw tables, and staging leaves out the rows of loads whose latest action is
a withdrawal. A load and the retries of its quarantined rows are one family: they are withdrawn
and restored together, so a retry never outlives the load it completes.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import duckdb

from thidua import work_lock
from thidua.errors import UserError
from thidua.ingest.aliases import os_user
from thidua.ingest.landing import file_transaction, open_raw
from thidua.ingest.load_state import (
    LedgerRow,
    ledger_row,
    loads_of_family,
    loads_of_file,
    withdrawn_load_ids,
)
from thidua.logs import event
from thidua.paths import Home

_log = logging.getLogger(__name__)

WITHDRAW = "withdraw"
RESTORE = "restore"


@dataclass(frozen=True)
class ActionResult:
    action: str
    load_ids: list[int]
    files: list[str]


def act(home: Home, target: str, action: str, reason: str | None) -> ActionResult:
    """Withdraw or restore the loads `target` names (a load id, or a file path or name)."""
    if action == WITHDRAW and not (reason and reason.strip()):
        raise UserError(
            'hãy ghi lý do rút: --reason "…"', 'say why the load is withdrawn: --reason "…"'
        )
    if not home.raw_db.exists():
        raise UserError(
            f"chưa nạp dữ liệu nào ({home.raw_db})", f"nothing loaded yet ({home.raw_db})"
        )
    # a withdrawal changes what the next build reads: never while a load or build runs
    with work_lock.held(home, action), open_raw(home.raw_db) as con:
        loads = _targets(con, target)
        withdrawn = withdrawn_load_ids(con)
        # Only loads whose state changes get an action: history records what happened.
        changing = [load for load in loads if (load.load_id in withdrawn) == (action == RESTORE)]
        if not changing:
            ids = ", ".join(str(load.load_id) for load in loads)
            if action == WITHDRAW:
                raise UserError(
                    f"lần nạp {ids} đã được rút rồi", f"load(s) {ids} already withdrawn"
                )
            raise UserError(
                f"lần nạp {ids} chưa bị rút, không có gì để khôi phục",
                f"load(s) {ids} not withdrawn: nothing to restore",
            )
        with file_transaction(con):
            _record(con, [load.load_id for load in changing], action, reason)
    event(
        _log,
        f"load.{action}",
        load_ids=",".join(str(load.load_id) for load in changing),
        reason=reason,
        raw_db=home.raw_db,
    )
    return ActionResult(
        action,
        [load.load_id for load in changing],
        sorted({load.label for load in changing}),
    )


def _record(
    con: duckdb.DuckDBPyConnection, load_ids: list[int], action: str, reason: str | None
) -> None:
    now, user = dt.datetime.now(), os_user()
    for load_id in load_ids:
        con.execute(
            """
            insert into load_actions (action_id, load_id, action, acted_at, acted_by, reason)
            values (nextval('load_action_id_seq'), ?, ?, ?, ?, ?)
            """,
            [load_id, action, now, user, reason.strip() if reason else None],
        )


def _targets(con: duckdb.DuckDBPyConnection, target: str) -> list[LedgerRow]:
    """Every load of the families `target` names, in load order."""
    if target.strip().isdigit():
        base = _load(con, int(target))
        bases = [base.base_load_id]
    else:
        bases = sorted({load.base_load_id for load in _loads_of(con, target)})
    return sorted(
        (load for base_id in bases for load in loads_of_family(con, base_id)),
        key=lambda load: load.load_id,
    )


def _load(con: duckdb.DuckDBPyConnection, load_id: int) -> LedgerRow:
    load = ledger_row(con, load_id)
    if load is None:
        raise UserError(
            f"không có lần nạp {load_id} (xem quality.load_ledger)",
            f"no load {load_id} (see quality.load_ledger)",
        )
    if load.status != "loaded":
        raise UserError(
            f"lần nạp {load_id} ({load.label}) bị từ chối, không có dòng nào để rút",
            f"load {load_id} ({load.label}) was rejected: it landed no rows",
        )
    return load


def _loads_of(con: duckdb.DuckDBPyConnection, target: str) -> list[LedgerRow]:
    """The loads of a file: by its path as given when it was loaded (or the same file from
    here), else by its name when only one file of that name was loaded."""
    name = Path(target).name
    candidates = loads_of_file(con, name)
    same_file = [load for load in candidates if _same_path(load.file_path, target)]
    if same_file:
        return same_file
    paths = sorted({load.file_path for load in candidates})
    if len(paths) > 1:
        listed = "; ".join(paths)
        raise UserError(
            f"nhiều tệp tên {name} đã được nạp ({listed}): ghi rõ đường dẫn hoặc số lần nạp",
            f"several files named {name} were loaded ({listed}): give the path or the load id",
        )
    if not candidates:
        raise UserError(
            f"chưa nạp tệp nào tên {target} (xem quality.load_ledger)",
            f"no file {target} was loaded (see quality.load_ledger)",
        )
    return candidates


def _same_path(loaded: str, given: str) -> bool:
    return loaded == given or Path(loaded).resolve() == Path(given).resolve()
