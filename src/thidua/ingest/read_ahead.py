"""The next file read, and its batches prepared, while this one is checked and landed.

Reading a file (parsing it, every cell as text) depends on nothing the load writes, so it can run
beside the gate and the inserts of the file before it; so can coercion, against the reference
data the load has at the time (the caller checks that it still has the same before it uses what
was prepared). At the national tier reading and coercion were ~60 s of a 48 M-row load spent
with the other core idle. Only one file is read ahead, so at most two files' cells are held.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from thidua.errors import FileRejected
from thidua.ingest.readers import RawBatch

Prepared = TypeVar("Prepared")


@dataclass(frozen=True)
class FileRead(Generic[Prepared]):
    """A file's batches (or why it could not be read), what was prepared for each batch (None
    where preparing failed: the caller does it again, and meets the failure in its place), and
    the file's size and modification time from just before the read: compared again once the
    file is hashed, a change means the rows read and the bytes hashed may differ."""

    stamp_before: tuple[int, int] | None
    batches: Sequence[RawBatch | FileRejected] | FileRejected
    prepared: dict[int, Prepared | None] = field(default_factory=dict)  # by id of the batch

    def prepared_for(self, batch: RawBatch) -> Prepared | None:
        return self.prepared.get(id(batch))


def read_in_background(
    path: Path,
    read: Callable[[Path], Sequence[RawBatch | FileRejected]],
    stamp: Callable[[Path], tuple[int, int] | None],
    prepare: Callable[[RawBatch], Prepared] | None,
) -> Future[FileRead[Prepared]]:
    """`read(path)`, then `prepare` of each batch read (if given), on a daemon thread. Daemon,
    so a Ctrl-C that ends the load does not wait for a file the load will never land (a large
    workbook takes a minute to parse)."""
    future: Future[FileRead[Prepared]] = Future()

    def work() -> None:
        if not future.set_running_or_notify_cancel():
            return
        before = stamp(path)
        try:
            batches = read(path)
        except FileRejected as exc:
            future.set_result(FileRead(before, exc))
            return
        except BaseException as exc:  # re-raised where the result is taken
            future.set_exception(exc)
            return
        prepared: dict[int, Prepared | None] = {}
        for batch in batches:
            if prepare is not None and isinstance(batch, RawBatch):
                try:
                    prepared[id(batch)] = prepare(batch)
                except Exception:  # done again, and raised, in its place
                    prepared[id(batch)] = None
        future.set_result(FileRead(before, batches, prepared))

    threading.Thread(target=work, name=f"thidua-read:{path.name}", daemon=True).start()
    return future
