"""Running independent solves on the machine's cores, cancellably.

Sweep points and stress answers are independent LPs. HiGHS (through scipy) runs
one solve on one core, so the only way to use a second core is a second process.
A :class:`multiprocessing.pool.Pool` is used rather than
``concurrent.futures.ProcessPoolExecutor`` because ``Pool.terminate()`` stops
running workers at once, which is what a Cancel button needs (the executor can
only cancel solves that have not started).

The data every task shares (the base scenario) is sent once per worker through the
pool's initializer, not once per task. Errors a user can cause are sent back as
text and raised again here as the same kind of :class:`~procure.errors.ProcureError`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from procure import processes
from procure.errors import Cancelled, OptimisationError, ProcureError, ValidationError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

POLL_SECONDS = 0.05
Task = Callable[[Any, Any, Any], Any]

_worker_fn: Task | None = None
_worker_shared: Any = None


def available_cores() -> int:
    """Cores this process may use (the affinity mask where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return max(os.cpu_count() or 1, 1)


def default_workers() -> int:
    return min(available_cores(), 4)


# An LP with fewer nonzeros than this solves in well under a second (the demo plan:
# ~2,000, 10 ms), so starting worker processes would cost more than it saves.
PARALLEL_ABOVE_NONZEROS = 30_000


def worth_parallel(result: Any) -> bool:
    """Whether solves the size of ``result``'s model are worth spreading over processes."""
    model = (getattr(result, "x", None) or {}).get("model") or {}
    nonzeros = model.get("nonzeros")
    return isinstance(nonzeros, int) and nonzeros > PARALLEL_ABOVE_NONZEROS


def _init(fn: Task, shared: Any) -> None:
    global _worker_fn, _worker_shared
    _worker_fn, _worker_shared = fn, shared


def _call(item: Any) -> tuple[bool, Any]:
    assert _worker_fn is not None
    try:
        return True, _worker_fn(_worker_shared, item, None)
    except ValidationError as exc:  # its problems keep their locations
        return False, ("ValidationError", (exc.problems, exc.source))
    except ProcureError as exc:
        return False, (type(exc).__name__, exc.message)


def _raise(kind: str, detail: Any) -> None:
    if kind == "Cancelled":
        raise Cancelled()
    if kind == "ValidationError":
        problems, source = detail
        raise ValidationError(problems, source)
    if kind == "OptimisationError":
        raise OptimisationError(detail)
    raise ProcureError(detail)


def run_tasks(
    fn: Callable[[S, T, Callable[[], bool] | None], R],
    items: Sequence[T],
    *,
    shared: S,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    stop_inside: bool = False,
) -> list[R]:
    """``[fn(shared, item, stop) for item in items]``, on ``workers`` processes when more than 1.

    ``fn`` must be a module-level function (it is sent to the workers by name).
    ``progress(done, total)`` is called in this thread as tasks finish;
    ``should_stop()`` is polled between tasks (sequential) or every 50 ms
    (parallel, where it terminates the workers), and stops everything with
    :class:`~procure.errors.Cancelled`. With ``stop_inside`` a sequential run also
    hands ``should_stop`` to each task (``stop``), so that a long solve can be stopped
    midway; otherwise ``stop`` is None.
    """
    stop = should_stop or (lambda: False)
    report = progress or (lambda _done, _total: None)
    n = len(items)
    if workers <= 1 or n <= 1:
        out = []
        for i, item in enumerate(items):
            if stop():
                raise Cancelled()
            out.append(fn(shared, item, should_stop if stop_inside else None))
            report(i + 1, n)
        return out
    ctx = processes.context()  # never fork(): the window's Qt threads hold locks
    pool = ctx.Pool(min(workers, n), initializer=_init, initargs=(fn, shared))
    try:
        pending = [pool.apply_async(_call, (item,)) for item in items]
        done = 0
        while done < n:
            if stop():
                raise Cancelled()
            pending[done].wait(POLL_SECONDS)
            now = sum(1 for p in pending if p.ready())
            if now != done:
                done = now
                report(done, n)
        results = []
        for p in pending:
            ok, value = p.get()
            if not ok:
                _raise(*value)
            results.append(value)
        pool.close()
        return results
    finally:
        pool.terminate()
        pool.join()


__all__ = ["available_cores", "default_workers", "run_tasks", "worth_parallel"]
