"""Long work off the GUI thread, with progress, cancel, and "a new run supersedes the old".

A :class:`Worker` runs a plain function ``fn(progress, should_stop)`` on a thread
pool; the function never sees Qt. :class:`JobRunner` owns the current job (a solve, an export):
starting another one cancels the old run *and disconnects it*, so a result that
arrives late from a superseded run never reaches the window.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from procure.errors import Cancelled
from ui.qt_compat import disconnect, emit

log = logging.getLogger("procure.ui")

Progress = Callable[[int, str], None]
ShouldStop = Callable[[], bool]
Job = Callable[[Progress, ShouldStop], Any]
Discard = Callable[[Any], None]

_RUNNERS: weakref.WeakSet[JobRunner] = weakref.WeakSet()


def wait_for_all_jobs(msecs: int = 30_000) -> bool:
    """Block until the jobs of every live runner have ended (tests check none is left)."""
    done = True
    for runner in list(_RUNNERS):
        try:
            done = runner.wait_for_done(msecs) and done
        except RuntimeError:  # its Qt object is gone; a pool waits for its jobs as it dies
            continue
    return done


class WorkerSignals(QObject):
    """What a worker tells the GUI thread (queued across threads).

    Signals
    -------
    progressed(int, str)
        Percent done and what is happening; emitted only when the percent changes.
    finished(object)
        The function's return value.
    failed(object)
        The exception it raised.
    cancelled()
        It stopped because it was asked to.
    """

    progressed = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Worker(QRunnable):
    """Run ``job(progress, should_stop)`` once on a pool thread.

    A result nobody will take (the run was cancelled after the job returned it, or
    before the GUI thread received it) is handed to ``discard``, so that a job that
    returns something to close (an open store) never leaks it.
    """

    def __init__(self, job: Job, discard: Discard | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals are done
        self.signals = WorkerSignals()
        self._job = job
        self._discard = discard
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._result: Any = None
        self._delivered = False  # a result was emitted and not yet taken
        self._last_percent = -1
        self.done = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop; it raises ``Cancelled`` at its next check."""
        with self._lock:
            self._stop.set()
            delivered, self._delivered = self._delivered, False
            result, self._result = self._result, None
        if delivered:
            self._throw_away(result)

    def take(self) -> Any:
        """The result, which the caller now owns (None when it was thrown away)."""
        with self._lock:
            result, self._result, self._delivered = self._result, None, False
        return result

    def _throw_away(self, result: Any) -> None:
        if self._discard is not None and result is not None:
            try:
                self._discard(result)
            except Exception:  # nobody to tell: the run was cancelled
                log.exception("discarding the result of a cancelled run failed")

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def _progress(self, percent: int, message: str) -> None:
        if percent != self._last_percent and not self._stop.is_set():
            self._last_percent = percent
            emit(self.signals.progressed, int(percent), message)

    def run(self) -> None:
        try:
            result = self._job(self._progress, self._stop.is_set)
        except Cancelled:
            emit(self.signals.cancelled)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            emit(self.signals.failed, exc)
        else:
            with self._lock:
                stopped = self._stop.is_set()
                if not stopped:
                    self._result, self._delivered = result, True
            if stopped:
                self._throw_away(result)
                emit(self.signals.cancelled)
            else:
                emit(self.signals.finished, result)
        finally:
            self.done.set()


class JobRunner(QObject):
    """Runs one job at a time; a new start cancels and disconnects the previous one.

    Signals
    -------
    started()
        A run began.
    progressed(int, str)
        Progress of the current run.
    finished(object, object)
        The current run's result and the context given to :meth:`start`.
    failed(object)
        The current run raised.
    cancelled()
        The current run was cancelled.
    busy_changed(bool)
        Whether a run is in progress.
    """

    started = Signal()
    progressed = Signal(int, str)
    finished = Signal(object, object)
    failed = Signal(object)
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        # A private pool: a superseded run that is still stopping never blocks the new one.
        self._pool = pool or QThreadPool(self)
        self._pool.setMaxThreadCount(max(self._pool.maxThreadCount(), 2))
        self._current: Worker | None = None
        self._context: Any = None
        self._retired: list[Worker] = []
        _RUNNERS.add(self)

    @property
    def is_busy(self) -> bool:
        return self._current is not None

    def start(self, job: Job, context: Any = None, discard: Discard | None = None) -> Worker:
        """Run ``job``; ``context`` comes back with its result (e.g. the solved scenario).

        ``discard(result)`` releases a result that arrives after the run was cancelled."""
        self._retire_current()
        worker = Worker(job, discard)
        # Each slot checks that its worker is still the current one: an event queued
        # just before a disconnect must not deliver a superseded run's result.
        signals = worker.signals
        signals.progressed.connect(lambda p, m, w=worker: self._on_worker_progressed(w, p, m))
        signals.finished.connect(lambda r, w=worker: self._on_worker_finished(w, r))
        signals.failed.connect(lambda e, w=worker: self._on_worker_failed(w, e))
        signals.cancelled.connect(lambda w=worker: self._on_worker_cancelled(w))
        self._current, self._context = worker, context
        self._pool.start(worker)
        emit(self.started)
        emit(self.busy_changed, True)
        return worker

    def cancel(self) -> None:
        """Stop the current run; ``cancelled`` is emitted at once (the thread winds down)."""
        if self._current is None:
            return
        self._retire_current()
        emit(self.cancelled)
        emit(self.busy_changed, False)

    def _retire_current(self) -> None:
        worker = self._current
        if worker is None:
            return
        worker.cancel()
        for signal in (worker.signals.progressed, worker.signals.finished,
                       worker.signals.failed, worker.signals.cancelled):
            disconnect(signal)
        self._retired = [w for w in self._retired if not w.done.is_set()] + [worker]
        self._current, self._context = None, None

    def _end(self) -> Any:
        context = self._context
        self._current, self._context = None, None
        emit(self.busy_changed, False)
        return context

    def _on_worker_progressed(self, worker: Worker, percent: int, message: str) -> None:
        if worker is self._current:
            emit(self.progressed, percent, message)

    def _on_worker_finished(self, worker: Worker, result: object) -> None:
        if worker is self._current:
            context = self._end()
            emit(self.finished, worker.take(), context)

    def _on_worker_failed(self, worker: Worker, exc: object) -> None:
        if worker is self._current:
            self._end()
            emit(self.failed, exc)

    def _on_worker_cancelled(self, worker: Worker) -> None:
        if worker is self._current:
            self._end()
            emit(self.cancelled)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until every run, including superseded ones, has ended (closing, tests)."""
        return self._pool.waitForDone(msecs)
