"""Schema versions: which revision a database has, and upgrading it with Alembic.

The revision lives in the database (Alembic's ``alembic_version`` table); plan files
also carry a *generation* number (SQLite's ``user_version``, one per migration) in
their header, so that a plan made by a newer Procure is recognised from its first
100 bytes, before SQLite ever opens it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS_DIR))


@cache
def revisions() -> tuple[str, ...]:
    """Every revision this Procure knows, oldest first; its generation is its index + 1."""
    return tuple(reversed([r.revision for r in _script().walk_revisions()]))


def head() -> str:
    return revisions()[-1]


def generation(revision: str) -> int:
    return revisions().index(revision) + 1


def current_revision(conn: Connection) -> str | None:
    """The database's revision, or ``None`` when it has no Procure schema at all."""
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(conn: Connection, target: str = "head") -> None:
    """Bring the schema to ``target`` inside the caller's transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    command.upgrade(config, target)
