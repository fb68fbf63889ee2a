"""Where plans live: a ``.procure`` file or a team server URL, opened the same way.

Team mode is the same schema on PostgreSQL (``postgresql+psycopg://user@host/db``).
The first Procure to connect to an empty database creates the schema; an older
schema is upgraded; one from a newer Procure is refused. Both happen under a
PostgreSQL advisory lock, so two planners starting at once cannot race.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import NoSuchModuleError as _NoDriver

from procure.errors import StorageError
from procure.storage import migrate
from procure.storage.plan_file import create_plan_file, open_plan_file
from procure.storage.schema import FILE_FORMAT, meta_t, metadata
from procure.storage.store import Store, server_engine

_MIGRATION_LOCK = 0x50524F43  # advisory lock key shared by every Procure


def is_url(location: str | Path) -> bool:
    return "://" in str(location)


def open_store(
    location: str | Path, *, user: str | None = None, read_only: bool = False,
    create: bool = False,
) -> Store:
    """Open a plan file or a team server; ``create`` makes a missing file (or empty database)."""
    if is_url(location):
        return open_server(str(location), user=user, read_only=read_only)
    path = Path(location)
    if create and not path.exists():
        return create_plan_file(path, user=user)
    return open_plan_file(path, user=user, read_only=read_only)


def open_server(url: str, *, user: str | None = None, read_only: bool = False) -> Store:
    """Connect to a team database, creating or upgrading Procure's schema when needed."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"{url!r} is not a database URL ({exc}).") from exc
    if not parsed.drivername.startswith("postgresql"):
        raise StorageError(f"Team mode needs a PostgreSQL URL (postgresql+psycopg://...), "
                           f"not {parsed.drivername!r}.")
    location = parsed.render_as_string(hide_password=True)
    try:
        engine = server_engine(url)
    except _NoDriver as exc:
        raise StorageError(f"No database driver for {location}: {exc}.") from exc
    store = Store(engine, location=location, kind="server", user=user,
                  read_only_reason="it was opened read-only" if read_only else None)
    try:
        _prepare(store)
    except BaseException:
        store.close()
        raise
    return store


def _prepare(store: Store) -> None:
    with store.read("connect to the server") as conn:
        revision = migrate.current_revision(conn)
    if revision == migrate.head():
        _check_marker(store)
        return
    if revision is not None and revision not in migrate.revisions():
        raise StorageError(f"The database at {store.location} was set up by a newer version of "
                           f"Procure (schema revision {revision!r}). Update Procure.")
    if store.read_only:
        raise StorageError(f"The database at {store.location} needs setting up or upgrading, "
                           "which a read-only connection cannot do.")
    with store.write("set up the database") as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        revision = migrate.current_revision(conn)  # someone may have done it meanwhile
        if revision is None:
            ours = set(metadata.tables) & set(inspect(conn).get_table_names())
            if ours:
                raise StorageError(
                    f"The database at {store.location} has tables named like Procure's "
                    f"({', '.join(sorted(ours))}) but no Procure schema version; use an empty "
                    "database for Procure.")
        if revision != migrate.head():
            migrate.upgrade(conn)
    _check_marker(store)


def _check_marker(store: Store) -> None:
    with store.read("connect to the server") as conn:
        marker = conn.execute(meta_t.select().where(meta_t.c.key == "format")).one_or_none()
    if marker is None or marker.value != FILE_FORMAT:
        raise StorageError(f"The database at {store.location} is not a Procure database.")
