"""The one way Procure starts a helper process (a stoppable solve, a parallel sweep).

``fork`` copies the calling process as it is, including locks held at that moment by
its other threads (Qt's, a log handler's, the thread pool's): a child that then takes
such a lock waits for ever. The window always runs Qt threads, so Procure never
forks itself. On POSIX a fork server is started once, from a clean interpreter that
has already imported the solver and scipy, and each helper is forked from it in
milliseconds; elsewhere helpers are spawned. Either way the main module is imported
in the helper as ``__mp_main__``, so a script that starts solves needs the usual
``if __name__ == "__main__":`` guard (and ``freeze_support()`` in a frozen build).
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

PRELOAD = ["__main__", "procure.optimiser.solver", "procure.analysis.parallel", "scipy.optimize"]
"""Imported once by the fork server, so that each helper starts without importing them."""


def start_method() -> str:
    """``forkserver`` where the platform has it (Linux, macOS), else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def context() -> BaseContext:
    """The multiprocessing context every helper process of Procure is started with."""
    ctx = multiprocessing.get_context(start_method())
    if start_method() == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)  # type: ignore[attr-defined]  # forkserver only
    return ctx
