"""The core never imports Qt or the GUI package (also enforced by import-linter in CI)."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy", "ui")
CORE = Path(__file__).resolve().parents[2] / "procure"


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_does_not_import_qt_or_ui():
    offenders = [
        f"{path.relative_to(CORE.parent)} imports {name}"
        for path in CORE.rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_check_sees_an_offender(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport ui.app\n")
    assert [n.split(".")[0] for n in imported_modules(sample)] == ["PySide6", "ui"]


def test_scipy_is_imported_only_by_the_optimiser():
    offenders = [
        str(path.relative_to(CORE.parent))
        for path in CORE.rglob("*.py")
        if "optimiser" not in path.parts
        and any(name.split(".")[0] == "scipy" for name in imported_modules(path))
    ]
    assert offenders == []
