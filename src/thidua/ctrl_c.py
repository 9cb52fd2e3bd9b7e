"""Ctrl-C that is never lost, even when a library swallows it.

DuckDB turns a Ctrl-C that arrives during a statement into its own "Query interrupted" error,
and Great Expectations records errors of its queries as results instead of raising them. A
Ctrl-C during validation could then end as an ordinary finished load. While a load runs, every
Ctrl-C is also remembered here, and a file's transaction asks before it commits.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_pressed = threading.Event()


@contextmanager
def remembered() -> Iterator[None]:
    """Within the block, a Ctrl-C raises KeyboardInterrupt as usual and is also remembered."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:
        yield  # started with Ctrl-C ignored (in the background): it stays ignored
        return

    def handle(signum: int, frame: FrameType | None) -> None:
        _pressed.set()
        if callable(previous):
            previous(signum, frame)
        else:
            raise KeyboardInterrupt

    _pressed.clear()
    signal.signal(signal.SIGINT, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def was_pressed() -> bool:
    """Whether Ctrl-C was pressed since the block began (whatever a library made of it)."""
    return _pressed.is_set()


def raise_if_pressed() -> None:
    """KeyboardInterrupt if Ctrl-C was pressed since the block began, even if it was swallowed."""
    if _pressed.is_set():
        raise KeyboardInterrupt
