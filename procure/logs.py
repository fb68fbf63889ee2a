"""Where Procure writes its log: the user's log directory, never the terminal."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from procure.redact import mask_secrets


class _MaskingFormatter(logging.Formatter):
    """Masks URL passwords in the whole record, traceback included: a command line or an
    exception may carry a team URL, and the log file outlives the session."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


def log_dir() -> Path:
    """The per-user log directory (XDG on Linux, the platform's own elsewhere)."""
    override = os.environ.get("PROCURE_LOG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "Procure" / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "Procure"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "procure"


def log_file() -> Path:
    return log_dir() / "procure.log"


def setup_logging(level: int = logging.INFO) -> None:
    """Send Procure's log records to the log file; harmless if the directory is not writable."""
    root = logging.getLogger("procure")
    target = str(log_file())
    for old in [h for h in root.handlers if getattr(h, "_procure", False)]:
        if getattr(old, "baseFilename", None) == target:
            return
        root.removeHandler(old)
        old.close()
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler._procure = True  # type: ignore[attr-defined]
    handler.setFormatter(_MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
