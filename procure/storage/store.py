"""An open database, a plan file or a team server, and one transaction per user action.

:class:`Store` owns the SQLAlchemy engine. Every service call takes one short
transaction from it (:meth:`Store.read` or :meth:`Store.write`) and turns every
database error into a :class:`~procure.errors.StorageError` that names the file or
server, so no SQLAlchemy or driver exception, and no traceback, reaches a user.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from procure.errors import StorageError
from procure.redact import mask_secrets
from procure.storage.lockfile import WriterLock
from procure.storage.records import ReadOnlyError

BUSY_SECONDS = 10.0  # how long a writer waits for another transaction on the same file


def default_user() -> str:
    """The login name the audit log records when the caller names no one."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers and services)
        return "unknown"


class Store:
    """A plan file or a team server opened by one user; close it when done."""

    def __init__(
        self, engine: Engine, *, location: str, kind: str, user: str | None = None,
        read_only_reason: str | None = None, lock: WriterLock | None = None,
        path: Path | None = None,
    ) -> None:
        self.engine = engine
        self.location = location  # a path, or a URL without its password
        self.kind = kind  # "file" or "server"
        self.user = user or default_user()
        self.read_only_reason = read_only_reason
        self.path = path
        self._lock = lock
        self.closed = False
        self.upgraded_from: str | None = None  # the revision a plan file was upgraded from
        self.backup_path: Path | None = None  # the copy written before that upgrade

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def __repr__(self) -> str:
        mode = " read-only" if self.read_only else ""
        return f"<Store {self.kind} {self.location}{mode}>"

    @contextmanager
    def read(self, what: str) -> Iterator[Connection]:
        """A transaction that only reads (a consistent snapshot)."""
        with self._guard(what), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self, what: str) -> Iterator[Connection]:
        """A transaction that writes: committed on success, rolled back on any error."""
        if self.read_only:
            raise ReadOnlyError(f"Cannot {what}: {self.read_only_reason}")
        with self._guard(what), self.engine.connect() as conn:
            conn.execution_options(procure_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        if self.closed:
            raise StorageError(f"Cannot {what}: {self.location} is closed.")
        try:
            yield
        except DBAPIError as exc:
            raise StorageError(describe_error(self.location, what, exc.orig)) from exc
        except SQLAlchemyError as exc:
            raise StorageError(f"Cannot {what} in {self.location}: {exc}") from exc
        except sqlite3.Error as exc:
            raise StorageError(describe_error(self.location, what, exc)) from exc

    def close(self) -> None:
        """Close the connections (SQLite then folds its WAL back into the file) and the lock."""
        if self.closed:
            return
        self.closed = True
        try:
            self.engine.dispose()
        finally:
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def describe_error(location: str, what: str, error: Any) -> str:
    """A sentence for a driver error, naming the file or server."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    text = mask_secrets(text)
    lowered = text.lower()
    if what.startswith("connect"):
        return f"Cannot connect to {location}: {text}"
    if "locked" in lowered or "busy" in lowered:
        return (f"Cannot {what}: {location} is busy (another program is writing to it). "
                "Try again in a moment.")
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return f"Cannot {what}: {location} is damaged ({text})."
    if "readonly" in lowered or "read-only" in lowered:
        return f"Cannot {what}: {location} is read-only here."
    if "disk" in lowered and "full" in lowered:
        return f"Cannot {what}: the disk holding {location} is full."
    return f"Cannot {what} in {location}: {text}"


def sqlite_engine(path: Path, *, query_only: bool, immutable: bool = False) -> Engine:
    """An engine on an existing plan file with Procure's settings on every connection.

    * WAL journal: readers never block the writer, and a crash leaves a log that
      SQLite replays on the next open.
    * ``synchronous=FULL``: in WAL mode, NORMAL may lose the last commits on a power
      cut; FULL syncs the log at each commit, so an edit shown as done stays done.
      Edits are a few per second at most, so the extra sync costs nothing noticeable.
    * ``foreign_keys=ON`` (SQLite's default is off) and ``BEGIN IMMEDIATE`` for
      writes, so a writer takes the write lock up front instead of failing halfway.
    * ``query_only`` for read-only use: SQLite itself refuses any write.
    """
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=rw")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )

    engine = create_engine(
        "sqlite+pysqlite://", creator=connect, poolclass=QueuePool, pool_size=2, max_overflow=6
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # A plan file comes from outside: SQL stored in its schema may not call functions
        # with side effects or virtual tables (probe refuses triggers and views outright).
        cursor.execute("PRAGMA trusted_schema = OFF")
        if query_only or immutable:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("procure_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def server_engine(url: str | URL) -> Engine:
    """An engine on a PostgreSQL server; stale pooled connections are replaced quietly, and
    an unreachable server is reported after 10 s instead of hanging the application."""
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=6,
                         connect_args={"connect_timeout": 10})
