"""The Export menu: the core's Excel, PDF and JSON writers, run off the GUI thread.

Each export names a module and a public function of the core; the module is
imported only when an export runs, so start-up stays fast. A module that fails to
import, or lacks its function, is a bug: the error reaches the log and the user's
error dialog like any other, never a quietly greyed-out entry.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from procure.domain.model import Scenario
from procure.domain.result import Result


@dataclass(frozen=True)
class ExportKind:
    """One entry of the Export menu."""

    key: str
    label: str
    module: str
    function: str
    file_filter: str
    suffix: str
    needs_result: bool = True
    takes_language: bool = False

    def writer(self) -> Callable[..., Any]:
        """The core's writer function (ImportError, AttributeError: a bug of the build)."""
        fn: Callable[..., Any] = getattr(importlib.import_module(self.module), self.function)
        return fn


EXPORTS = (
    ExportKind("xlsx", QT_TRANSLATE_NOOP("Exports", "Excel workbook…"),
               "procure.exports.excel_export", "write_workbook",
               QT_TRANSLATE_NOOP("Exports", "Excel workbooks (*.xlsx)"), ".xlsx"),
    ExportKind("pdf", QT_TRANSLATE_NOOP("Exports", "PDF memo…"), "procure.exports.memo_pdf",
               "write_memo", QT_TRANSLATE_NOOP("Exports", "PDF documents (*.pdf)"), ".pdf",
               takes_language=True),
    ExportKind("scenario", QT_TRANSLATE_NOOP("Exports", "Scenario JSON…"),
               "procure.formats.scenario_json", "write_scenario",
               QT_TRANSLATE_NOOP("Exports", "Scenario files (*.json)"), ".json",
               needs_result=False),
    ExportKind("result", QT_TRANSLATE_NOOP("Exports", "Result JSON…"),
               "procure.formats.result_json", "write_result",
               QT_TRANSLATE_NOOP("Exports", "Result files (*.json)"), ".result.json"),
)


def export_job(kind: ExportKind, scenario: Scenario, result: Result | None, path: Path,
               meta: dict[str, Any]) -> Callable[[Any, Any], Path]:
    """A worker job writing one export; ``meta`` holds the writer's keyword arguments."""

    def job(_progress: Any, _should_stop: Any) -> Path:
        writer = kind.writer()
        if kind.key == "scenario":
            writer(scenario, path)
        elif kind.key == "result":
            writer(result, path)
        else:
            writer(scenario, result, path, **meta)
        return path

    return job


def memo_meta(kind: ExportKind, *, plan: str, solved_at: dt.datetime | None, lang: str,
              variants: list[tuple[str, Result]]) -> dict[str, Any]:
    """Keyword arguments for the Excel and PDF writers."""
    if kind.key == "xlsx":
        return {"solved_at": solved_at, "source": plan}
    if kind.key == "pdf":
        return {"plan": plan, "solved_at": solved_at, "language": lang, "variants": variants}
    return {}
