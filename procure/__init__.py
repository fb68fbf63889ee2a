"""Procure: accelerator procurement planning.

The core package never imports Qt; the desktop application lives in ``ui``.
"""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("procure")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
