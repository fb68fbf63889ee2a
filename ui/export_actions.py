"""The Export menu: the core's Excel, PDF and JSON writers, run off the GUI thread.

Each export names a module and a public function of the core. An entry whose
function does not exist (yet) is disabled with a tooltip saying so; the modules
are imported only when the menu first opens, so start-up stays fast.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction

from procure.domain.model import Scenario
from procure.domain.result import Result
from ui.i18n import tr as _tr


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

    def writer(self) -> Callable[..., Any] | None:
        try:
            module = importlib.import_module(self.module)
        except ImportError:
            return None
        fn = getattr(module, self.function, None)
        return fn if callable(fn) else None


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


def check_actions(actions: dict[str, QAction]) -> None:
    """Disable, with a tooltip, the entries whose writer the core does not provide."""
    for kind in EXPORTS:
        action = actions[kind.key]
        if action.property("checked_writer"):
            continue
        action.setProperty("checked_writer", True)
        if kind.writer() is None:
            action.setEnabled(False)
            action.setProperty("missing_writer", True)
            action.setToolTip(_tr("Not available yet: the core has no {fn}() in {module}.")
                              .format(fn=kind.function, module=kind.module))


def export_job(kind: ExportKind, scenario: Scenario, result: Result | None, path: Path,
               meta: dict[str, Any]) -> Callable[[Any, Any], Path]:
    """A worker job writing one export; ``meta`` holds the writer's keyword arguments."""

    def job(_progress: Any, _should_stop: Any) -> Path:
        writer = kind.writer()
        if writer is None:
            raise RuntimeError(f"{kind.module}.{kind.function} is missing")
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
