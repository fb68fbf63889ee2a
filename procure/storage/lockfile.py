"""Who has a plan file open for writing: an OS lock on a small file next to it.

SQLite's own locks only last for a transaction, so they cannot tell whether another
Procure has the plan *open* for editing. The writer therefore holds an exclusive,
non-blocking ``flock`` on ``.NAME.procure.lock`` for as long as the plan is open
and writes its user, host and process id into it. The operating system drops the
lock when the process ends, even on SIGKILL or a power cut, so a stale lock file
never blocks anyone; a second opener (another process, or the same one twice) sees
the lock taken and opens the plan read-only, naming who holds it.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


def lock_path_for(plan_path: Path) -> Path:
    return plan_path.with_name(f".{plan_path.name}.lock")


class WriterLock:
    """The exclusive right to write one plan file, held until :meth:`release`."""

    def __init__(self, plan_path: Path) -> None:
        self.path = lock_path_for(plan_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, owner: str) -> str | None:
        """Take the lock; return ``None`` on success, else a description of the holder.

        Raises OSError when the lock file cannot be created (a read-only folder).
        """
        for _ in range(5):  # the file may be unlinked by its releasing holder under us
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                return holder or "another program"
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{owner} on {socket.gethostname()} (process {os.getpid()})".encode())
                self._fd = fd
                return None
            os.close(fd)
        return "another program"

    def release(self) -> None:
        """Give the lock up and remove the lock file (while still holding it, so no one
        else can have locked the file that is removed)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows: lock a byte far beyond the holder text
            os.lseek(fd, 1 << 20, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 500).decode("utf-8", "replace").strip()
    except OSError:
        return ""
