"""Where plans live: a ``.procure`` file or a team server URL, opened the same way.

Team mode is the same schema on PostgreSQL (``postgresql+psycopg://user@host/db``).
The first Procure to connect to an empty database creates the schema; an older
schema is upgraded; one from a newer Procure is refused. Both happen under a
PostgreSQL advisory lock, so two planners starting at once cannot race.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import NoSuchModuleError as _NoDriver

from procure.errors import StorageError
from procure.redact import mask_secrets
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
    engine, location = _server_engine(url)
    store = Store(engine, location=location, kind="server", user=user,
                  read_only_reason="it was opened read-only" if read_only else None)
    try:
        _prepare(store)
    except BaseException:
        store.close()
        raise
    return store


# Drivers Procure ships; ``postgresql://`` alone means psycopg here, not SQLAlchemy's psycopg2.
_DRIVERS = {"postgresql": "postgresql+psycopg", "postgresql+psycopg": "postgresql+psycopg"}


def _server_engine(url: str) -> tuple[Engine, str]:
    """The engine and the password-free name of a team URL, or a StorageError saying why not.

    Everything about the URL is checked before any connection, and no message
    carries its password (:func:`procure.redact.mask_secrets`).
    """
    location = mask_secrets(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        detail = "the port must be a number" if "int()" in str(exc) else "it cannot be parsed"
        if "[" in url and "]" not in url:
            detail = "an IPv6 address needs its closing ']'"
        raise StorageError(f"{location} is not a database URL: {detail}.") from exc
    if "@" in (parsed.host or "") or "/" in (parsed.host or ""):
        raise StorageError(f"{location} is not a database URL: the password holds an @ or / "
                           "that must be written %40 or %2F (better: keep it in ~/.pgpass).")
    driver = _DRIVERS.get(parsed.drivername)
    if driver is None:
        what = ("another driver" if parsed.drivername.startswith("postgresql")
                else "not PostgreSQL")
        raise StorageError(f"Team mode needs a PostgreSQL URL with Procure's driver, "
                           f"postgresql+psycopg://... ({parsed.drivername!r} is {what}).")
    try:
        return server_engine(parsed.set(drivername=driver)), location
    except (_NoDriver, ImportError) as exc:
        raise StorageError(f"No database driver for {location}: {exc}.") from exc
    except (ArgumentError, ValueError, TypeError) as exc:
        raise StorageError(f"{location} is not a usable database URL: "
                           f"{mask_secrets(str(exc))}.") from exc


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
