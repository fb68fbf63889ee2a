"""Where the shipped data lives: the catalogue, the demo plan, templates, translations.

In a source checkout that is the repository's ``resources/`` folder; in an
installed wheel or a PyInstaller bundle it is copied to ``procure/_resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The first of: the bundle's, the installed package's, the source tree's folder."""
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "procure" / "_resources",
        _PACKAGE / "_resources",
        _PACKAGE.parent / "resources",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resource_path(*parts: str) -> Path:
    """A path inside the resources folder (which may not exist)."""
    return resources_dir().joinpath(*parts)


def demo_plan_path() -> Path:
    return resource_path("demo", "demo-plan.json")


def catalogue_path() -> Path:
    return resource_path("catalogue", "accelerators.json")
