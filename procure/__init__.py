"""Procure: accelerator procurement planning.

The core package never imports Qt; the desktop application lives in ``ui``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    # importlib.metadata costs ~0.1 s at start-up; look the version up only when asked.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("procure")
        except metadata.PackageNotFoundError:  # a source tree that is not installed
            return "0.0.0+source"
    raise AttributeError(name)
