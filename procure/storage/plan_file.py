"""Plan files: a plan (with its variants, revisions, results and audit log) in one SQLite file.

Opening is careful in a fixed order, so that a file Procure must refuse is never
changed, not even by SQLite creating its ``-wal``/``-shm`` side files:

1. the first 100 bytes are read as plain bytes: the SQLite magic, Procure's
   ``application_id`` and the schema generation (``user_version``), so a foreign
   file or one from a newer Procure is refused before SQLite opens it;
2. SQLite opens it *immutable* (no locks, no side files) to run ``quick_check``
   and read the marker row and the Alembic revision;
3. only then is the writer lock taken (:mod:`procure.storage.lockfile`) and, for
   an older schema, a backup copy written next to the file before migrating it.

Copies (save-as, backups) use SQLite's online backup, so they are consistent even
while the plan is open and being edited.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError

from procure.errors import StorageError
from procure.storage import migrate
from procure.storage.lockfile import WriterLock
from procure.storage.records import UpgradeNeeded
from procure.storage.schema import APPLICATION_ID, FILE_FORMAT, meta_t, metadata
from procure.storage.store import Store, default_user, describe_error, sqlite_engine

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".procure"


def probe(path: Path) -> str:
    """Check that ``path`` is a plan this Procure can open; return its schema revision.

    Raises StorageError with a planner-readable reason otherwise; the file is left
    exactly as it was.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a pipe must not hang
    except FileNotFoundError:
        raise StorageError(f"{path}: no such plan file.") from None
    except OSError as exc:
        raise StorageError(f"Cannot read {path}: {exc.strerror}.") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StorageError(f"{path} is not a Procure plan file (it is a device, pipe or "
                               "folder, not a regular file).")
        header = os.read(fd, 100)
    finally:
        os.close(fd)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StorageError(f"{path} is not a Procure plan file (it is not a database at all).")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise StorageError(f"{path} is a database, but not a Procure plan file.")
    newest = len(migrate.revisions())
    file_generation = int.from_bytes(header[60:64], "big")
    if file_generation > newest:
        raise StorageError(_newer(path, f"plan format {file_generation}, this version reads up "
                                        f"to {newest}"))
    wal = Path(f"{path}-wal")
    # Immutable needs no side files; with a -wal left by a crash, its content is needed.
    engine = sqlite_engine(path, query_only=True, immutable=not wal.exists())
    try:
        with engine.connect() as conn:
            check = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").all()]
            if check != ["ok"]:
                raise StorageError(f"{path} is damaged ({'; '.join(check[:3])}). "
                                   "Open a backup copy instead.")
            marker = conn.execute(select(meta_t.c.value).where(meta_t.c.key == "format"))
            if marker.scalar_one_or_none() != FILE_FORMAT:
                raise StorageError(f"{path} is a database, but not a Procure plan file.")
            foreign = _foreign_schema_objects(conn)
            if foreign:
                raise StorageError(
                    f"{path} holds database objects Procure did not create ({', '.join(foreign)})"
                    "; they could change the plan behind your back, so the file is refused. "
                    "It was not changed.")
            revision = migrate.current_revision(conn)
    except DBAPIError as exc:
        text = describe_error(str(path), "open the plan", exc.orig)
        if "no such table" in str(exc.orig):
            text = f"{path} is a database, but not a Procure plan file."
        raise StorageError(text) from exc
    finally:
        engine.dispose()
    if revision not in migrate.revisions():
        raise StorageError(_newer(path, f"schema revision {revision!r} is unknown here"))
    return revision


# Tables SQLite itself may add next to Procure's (AUTOINCREMENT counters, ANALYZE statistics).
_SQLITE_TABLES = frozenset({"alembic_version", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})


def _foreign_schema_objects(conn: Connection) -> list[str]:
    """Triggers, views and tables that Procure's schema (at any revision) does not have.

    A trigger or view runs SQL written by whoever made the file the next time
    Procure writes or reads it, so a plan file may hold only tables and indexes.
    """
    allowed = set(metadata.tables) | _SQLITE_TABLES
    rows = conn.exec_driver_sql("SELECT type, name, tbl_name FROM sqlite_master").all()
    foreign = [f"{kind} {name!r}" for kind, name, table in rows
               if kind not in ("table", "index") or table not in allowed]
    return sorted(foreign)[:5]


def _newer(path: Path, detail: str) -> str:
    return (f"{path} was saved by a newer version of Procure ({detail}). "
            "Update Procure to open it; the file was not changed.")


def open_plan_file(path: Path, *, user: str | None = None, read_only: bool = False) -> Store:
    """Open a plan file: for writing if no one else is writing it, else read-only.

    An older plan is upgraded after a backup copy is written next to it.
    """
    path = Path(path)
    revision = probe(path)
    lock: WriterLock | None = None
    reason = "it was opened read-only" if read_only else None
    if not read_only:
        lock = WriterLock(path)
        try:
            holder = lock.acquire(user or default_user())
        except OSError:
            holder, reason = None, f"the folder {path.parent} cannot be written to"
        if holder is not None:
            reason = f"{holder} has it open for writing"
        elif reason is None and not os.access(path, os.W_OK):
            reason = "the file is read-only"
        if reason is not None:
            lock.release()
            lock = None
    try:
        backup = None
        if revision != migrate.head():
            if reason is not None:
                raise UpgradeNeeded(f"{path} was saved by an older version of Procure and "
                                    f"needs upgrading, which is not possible now: {reason}.")
            backup = backup_copy(path, f"before-upgrade-{revision}")
            _upgrade(path, user)
        # Where SQLite cannot create its side files, read the file as immutable instead.
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        engine = sqlite_engine(path, query_only=reason is not None, immutable=not writable)
        store = Store(
            engine, location=str(path), kind="file",
            user=user, read_only_reason=reason and f"{path.name} is read-only: {reason}",
            lock=lock, path=path,
        )
        store.upgraded_from = revision if backup else None
        store.backup_path = backup
        return store
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _upgrade(path: Path, user: str | None) -> None:
    store = Store(sqlite_engine(path, query_only=False), location=str(path), kind="file", user=user)
    try:
        with store.write("upgrade the plan file") as conn:
            migrate.upgrade(conn)
    finally:
        store.close()


def create_plan_file(
    path: Path, *, user: str | None = None, populate: Callable[[Store], None] | None = None
) -> Store:
    """Create a new plan file (never over an existing one) and open it for writing.

    The file is built under a temporary name and appears complete or not at all;
    ``populate`` fills it (e.g. with the first plan) before it appears.
    """
    path = Path(path)
    if path.exists():
        raise StorageError(f"{path} already exists; Procure never overwrites a plan file.")
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        try:
            sqlite3.connect(tmp).close()
        except sqlite3.Error as exc:
            raise StorageError(f"Cannot create {path}: {exc}.") from exc
        store = Store(sqlite_engine(tmp, query_only=False), location=str(path), kind="file",
                      user=user)
        try:
            with store.write("create the plan file") as conn:
                migrate.upgrade(conn)
            if populate is not None:
                populate(store)
        finally:
            store.close()
        _publish(tmp, path, overwrite=False)
    except OSError as exc:
        raise StorageError(f"Cannot create {path}: {exc.strerror}.") from exc
    finally:
        _remove_with_side_files(tmp)
    return open_plan_file(path, user=user)


def backup_copy(path: Path, label: str) -> Path:
    """Copy a plan file next to itself as ``NAME.LABEL.procure`` (never over an existing file)."""
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    target = path.with_name(f"{stem}.{label}{SUFFIX}")
    counter = 2
    while target.exists():
        target = path.with_name(f"{stem}.{label}-{counter}{SUFFIX}")
        counter += 1
    try:
        source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(describe_error(str(path), "back up the plan", exc)) from exc
    try:
        copy_database(source, target, overwrite=False)
    finally:
        source.close()
    return target


def save_as(store: Store, target: Path, *, overwrite: bool = False) -> Path:
    """Copy the open plan file to ``target`` with SQLite's online backup."""
    target = Path(target)
    if store.kind != "file":
        raise StorageError("Save as works on plan files; to copy a plan from a server, export "
                           "or copy it to a file.")
    if store.path is not None and target.resolve() == store.path.resolve():
        raise StorageError(f"{target} is the file that is open; choose another name.")
    if target.exists() and not overwrite:
        raise StorageError(f"{target} already exists.")
    if target.exists():
        lock = WriterLock(target)
        try:
            holder = lock.acquire(store.user)
        except OSError as exc:
            raise StorageError(f"Cannot write to {target.parent}: {exc.strerror}.") from exc
        if holder is not None:
            raise StorageError(f"Cannot replace {target}: {holder} has it open.")
        lock.release()
    raw = store.engine.raw_connection()
    try:
        copy_database(raw.driver_connection, target, overwrite=overwrite)  # type: ignore[arg-type]
    finally:
        raw.close()
    return target


def copy_database(source: sqlite3.Connection, target: Path, *, overwrite: bool) -> None:
    """SQLite online backup of ``source`` into a new file, published in one step."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
        finally:
            dest.close()
        _publish(tmp, target, overwrite=overwrite)
    except sqlite3.Error as exc:
        raise StorageError(describe_error(str(target), "copy the plan", exc)) from exc
    except OSError as exc:
        raise StorageError(f"Cannot write {target}: {exc.strerror}.") from exc
    finally:
        _remove_with_side_files(tmp)


def _publish(tmp: Path, target: Path, *, overwrite: bool) -> None:
    """Give a finished temporary file its real name; without ``overwrite`` never replace one."""
    if overwrite:
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise StorageError(f"Cannot replace {target}: it is not a regular file (a link, "
                               "folder or device); Procure replaces only plain files.")
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if target exists, unlike rename
    except FileExistsError:
        raise StorageError(f"{target} already exists; Procure never overwrites it.") from None
    except OSError:  # a file system without hard links (FAT on a USB stick)
        if target.exists():
            raise StorageError(f"{target} already exists; Procure never overwrites it.") from None
        os.replace(tmp, target)


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
