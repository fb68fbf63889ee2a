"""Who has a plan file open for writing: an OS lock on a small file next to it.

SQLite's own locks only last for a transaction, so they cannot tell whether another
Procure has the plan *open* for editing. The writer therefore holds an exclusive,
non-blocking ``flock`` on ``.NAME.procure.lock`` for as long as the plan is open
and writes its user, host and process id into it. The operating system drops the
lock when the process ends, even on SIGKILL or a power cut, so a stale lock file
never blocks anyone; a second opener (another process, or the same one twice) sees
the lock taken and opens the plan read-only, naming who holds it.

The lock file sits in a folder other people may write to, so it is treated as
hostile: it is named after the plan's real path (symlinks resolved, so two names
of one plan share one lock), created with ``O_EXCL`` or opened with ``O_NOFOLLOW``,
and refused unless it is a regular file with a single name. A planted symlink or
hard link to some other file is therefore never written into.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
from pathlib import Path

from procure.errors import StorageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class LockRefused(StorageError):
    """The lock path is not a lock file Procure could have made (a symlink, a folder...)."""


def lock_path_for(plan_path: Path) -> Path:
    """The lock of the plan's real file, so every name of one plan shares one lock."""
    real = Path(os.path.realpath(plan_path))
    return real.with_name(f".{real.name}.lock")


def _open_lock_file(path: Path) -> int:
    """Create the lock file exclusively, or open the existing one without following a link.

    Raises :class:`LockRefused` for anything that is not a plain, singly linked file.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    except FileExistsError:
        try:
            fd = os.open(path, os.O_RDWR | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            if path.is_symlink() or exc.errno == errno.ELOOP:
                raise LockRefused(_refusal(path, "a symbolic link")) from exc
            if path.is_dir():
                raise LockRefused(_refusal(path, "a folder")) from exc
            raise
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        kind = "a second name of another file" if stat.S_ISREG(info.st_mode) else "not a file"
        raise LockRefused(_refusal(path, kind))
    return fd


def _refusal(path: Path, kind: str) -> str:
    return (f"The lock file {path} is {kind}, not a lock Procure made; Procure will not "
            "write through it. Remove it if no one has the plan open.")


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

        Raises OSError when the lock file cannot be created (a read-only folder) and
        :class:`LockRefused` when the lock path is a symlink, folder, device or hard link.
        """
        for _ in range(5):  # the file may be unlinked by its releasing holder under us
            fd = _open_lock_file(self.path)
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                return holder or "another program"
            try:
                same = os.fstat(fd).st_ino == os.lstat(self.path).st_ino
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
