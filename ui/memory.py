"""Keeping Python's garbage collector from pausing the window.

A big plan holds hundreds of thousands of objects. A full collection scanning
them can pause whichever thread triggers it for 100 ms or more, which shows as a
stall of the window while the optimiser works. The open plan's objects live as
long as the plan is open, so they are frozen (left out of collections) once it is
loaded, and collected when it closes.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Leave every object alive now (the open plan, its result) out of full collections."""
    gc.freeze()


def release_memory() -> None:
    """Collect a closed plan's objects now, while the planner waits for the next one."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


_saved_thresholds: tuple[int, int, int] | None = None


def hold_full_collections() -> None:
    """No full collection while the optimiser runs (young objects are still collected).

    The solve creates many short-lived objects on the worker thread; a full collection
    they trigger would scan everything alive and hold the interpreter for tens of ms.
    """
    global _saved_thresholds
    if _saved_thresholds is None:
        _saved_thresholds = gc.get_threshold()
        gc.set_threshold(_saved_thresholds[0], _saved_thresholds[1], 1_000_000)


def resume_full_collections() -> None:
    """Back to Python's usual collection schedule."""
    global _saved_thresholds
    if _saved_thresholds is not None:
        gc.set_threshold(*_saved_thresholds)
        _saved_thresholds = None
