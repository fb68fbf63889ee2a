"""Shared fixtures. Qt runs offscreen: the platform must be set before any QApplication."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROCURE_LOG_DIR", str(Path(__file__).parent / ".." / ".pytest-logs"))

sys.path.insert(0, str(Path(__file__).parent))  # tests' own helpers (plan_checker, factories)

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def example_path() -> Path:
    """The spec's example scenario (falls back to a copy kept in the tests)."""
    path = SHARED / "examples" / "example-small.json"
    return path if path.is_file() else Path(__file__).parent / "data" / "example-small.json"
