"""A work-around for PySide6 6.12.0: ``emit()`` and ``disconnect()`` return borrowed bools.

In PySide6 6.12.0 every ``SignalInstance.emit()`` from Python, and every
``disconnect()``, returns ``True``/``False`` without a reference of its own, so each
call lowers the interpreter's count of ``True`` by one. A window that emits a
signal per edit and per progress report crashes after some hours with "Fatal
Python error: bool_dealloc" (6.11.3 does not have the bug). Every emit and
disconnect in ``ui`` goes through the helpers below, which give the reference back
when a probe at import time finds the bug, and do nothing otherwise.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
_PROBES = 32


class _Probe(QObject):
    fired = Signal()


def _repay(value: bool, times: int) -> None:
    for _ in range(times):
        _incref(value)


def _steals(call: Callable[[], object]) -> bool:
    """Whether ``call`` lowers the count of True or False; the loss is given back."""
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(_PROBES):
        call()
    lost_true = before_true - sys.getrefcount(True)
    lost_false = before_false - sys.getrefcount(False)
    _repay(True, max(lost_true, 0))
    _repay(False, max(lost_false, 0))
    return lost_true >= _PROBES // 2 or lost_false >= _PROBES // 2


def _noop() -> None:
    """A slot for the probe."""


_probe = _Probe()


def _connect_and_disconnect() -> None:
    _probe.fired.connect(_noop)
    _probe.fired.disconnect(_noop)


EMIT_STEALS = _steals(_probe.fired.emit)
DISCONNECT_STEALS = _steals(_connect_and_disconnect)


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the interpreter's bools intact."""
    result = signal.emit(*args)
    if EMIT_STEALS and isinstance(result, bool):
        _incref(result)


def disconnect(signal: Any, slot: Any = None) -> None:
    """``signal.disconnect(slot)`` (or every slot), keeping the interpreter's bools intact."""
    result = signal.disconnect() if slot is None else signal.disconnect(slot)
    if DISCONNECT_STEALS and isinstance(result, bool):
        _incref(result)
