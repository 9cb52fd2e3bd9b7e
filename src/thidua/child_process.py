"""Child processes that end with the thidua process that started them.

A `thidua build` or `thidua serve` killed outright (kill -9, the machine's out-of-memory killer, a
closed terminal) cannot stop its child itself: without this, dbt would go on writing a build copy
nobody publishes, and a Streamlit server would keep its port with nobody to stop it.
"""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """For `preexec_fn`: in the child, before it runs, be killed when its parent dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the line above: nothing to run for
        os._exit(1)
