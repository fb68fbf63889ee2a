"""File-system helpers shared by every reader and writer: the one place files are guarded.

Every file Procure reads or writes may come from someone else, so:

* :func:`read_bounded` reads regular files only (never a device, pipe or folder; a
  symlink to ``/dev/zero`` is refused), and no more than a size limit;
* :func:`atomic_write_bytes` writes a temporary file in the target's folder and renames
  it over a regular file only. A character device or pipe (``/dev/null``,
  ``/dev/stdout``) is written through, never replaced; a folder, a block device or a
  symlink to a regular file (possibly planted) is refused. New files get the modes the
  umask allows, and a replaced file keeps its own;
* :func:`refuse_output_over_inputs` stops an output from overwriting one of the
  command's inputs, comparing real paths (symlinks resolved).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from procure.errors import Problem, ProcureError, ValidationError

MiB = 1024 * 1024
# Written through as given: names of the process's own streams, which are symlinks.
_STREAM_PREFIXES = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")


def read_bounded(path: str | Path, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused (exit 2) beyond ``limit`` bytes.

    Opened non-blocking, so a named pipe cannot hang the caller before it is refused.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _unreadable(path, f"cannot read the file: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device or pipe"
            raise _unreadable(path, f"is {kind}, not a regular file; Procure reads only files")
        if info.st_size > limit:
            raise _unreadable(path, _too_big(what, info.st_size, limit))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(MiB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise _unreadable(path, _too_big(what, total, limit))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_big(what: str, size: int, limit: int) -> str:
    return (f"the {what} is larger than {limit // MiB} MB ({size / MiB:.1f} MB or more); "
            "no real plan is this large")


def _unreadable(path: Path, message: str) -> ValidationError:
    return ValidationError([Problem("", message)], str(path))


def refuse_output_over_inputs(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Raise (exit 2) when ``output`` is, after resolving symlinks, one of ``inputs``."""
    out = Path(output)
    if not out.exists() or not out.is_file():
        return
    real = os.path.realpath(out)
    for source in inputs:
        if "://" in str(source):
            continue
        path = Path(source)
        if path.exists() and os.path.realpath(path) == real:
            raise ProcureError(f"{output} is also an input ({source}); writing it would destroy "
                               "the input. Choose another output file.")


def _umask() -> int:
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # no /proc: read it by setting it (put back at once)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same directory, are flushed to disk,
    and replace the target in one rename; see the module docstring for what is
    written through and what is refused.
    """
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ProcureError(f"Cannot write {path}: {exc.strerror}") from exc
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, info, data)
        return
    _replace(path, data, None if info is None else stat.S_IMODE(info.st_mode))


def _write_through(path: Path, info: os.stat_result, data: bytes) -> None:
    """Write a device, pipe or stream in place; refuse what must not be replaced."""
    try:
        target = os.stat(path)  # follows links
    except OSError:
        target = None
    is_link = stat.S_ISLNK(info.st_mode)
    stream = str(path).startswith(_STREAM_PREFIXES)
    if target is not None and (
        stat.S_ISCHR(target.st_mode) or stat.S_ISFIFO(target.st_mode)
        or stat.S_ISSOCK(target.st_mode) or (stream and stat.S_ISREG(target.st_mode))
    ):
        try:
            fd = os.open(path, os.O_WRONLY | (os.O_TRUNC if stat.S_ISREG(target.st_mode) else 0))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise ProcureError(f"Cannot write {path}: {exc.strerror}") from exc
        return
    if target is not None and stat.S_ISDIR(target.st_mode):
        raise ProcureError(f"Cannot write {path}: it is a folder; name a file inside it.")
    if is_link:
        raise ProcureError(f"Cannot write {path}: it is a symbolic link; Procure does not write "
                           "through links. Name the real file instead.")
    raise ProcureError(f"Cannot write {path}: it is a device, not a file; Procure only writes "
                       "files (or /dev/null, /dev/stdout and pipes).")


def _replace(path: Path, data: bytes, mode: int | None) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ProcureError(f"Cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            # mkstemp makes 0600; an export is meant for colleagues: the umask decides.
            with contextlib.suppress(AttributeError, OSError):
                os.fchmod(handle.fileno(), mode if mode is not None else 0o666 & ~_umask())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ProcureError(f"Cannot write {path}: {exc.strerror}") from exc


def atomic_write_text(path: Path, text: str) -> None:
    """UTF-8 text version of :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"))
