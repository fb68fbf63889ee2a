"""The audit log: who changed what in which plan, when, from what to what.

Entries are written in the same transaction as the change they describe, so the
log and the plan never disagree. Values are stored as JSON text; a whole scenario
(import, replace) is logged by its hash and size rather than its full content.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select

from procure.storage.records import AuditEntry
from procure.storage.schema import audit_t


def entry(
    *, at: datetime, user: str, plan_id: int, plan_name: str, revision: int | None,
    variant: str | None, action: str, path: str = "", old: Any = None, new: Any = None,
    change_number: int | None = None,
) -> dict[str, Any]:
    """One row for :func:`record`."""
    return {
        "at": at, "user_name": user, "plan_id": plan_id, "plan_name": plan_name,
        "revision": revision, "variant": variant, "change_number": change_number,
        "action": action, "path": path, "old_value": old, "new_value": new,
    }


def record(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Write entries made by :func:`entry`, in the caller's transaction."""
    if entries:
        conn.execute(insert(audit_t), entries)


def _to_entry(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row.id, at=row.at, user=row.user_name, plan_name=row.plan_name,
        revision=row.revision, variant=row.variant, change_number=row.change_number,
        action=row.action, path=row.path, old=row.old_value, new=row.new_value,
    )


def read_log(
    conn: Connection, *, plan_id: int | None = None, variant: str | None = None,
    after_change: int | None = None, path_prefix: str | None = None, limit: int | None = None,
    newest_first: bool = False,
) -> list[AuditEntry]:
    """Audit entries, oldest first unless ``newest_first``; every filter is optional."""
    query = select(audit_t)
    if plan_id is not None:
        query = query.where(audit_t.c.plan_id == plan_id)
    if variant is not None:
        query = query.where(audit_t.c.variant == variant)
    if after_change is not None:
        query = query.where(audit_t.c.change_number > after_change)
    if path_prefix:
        query = query.where(or_(
            audit_t.c.path == path_prefix,
            audit_t.c.path.startswith(path_prefix + ".", autoescape=True),
            audit_t.c.path.startswith(path_prefix + "[", autoescape=True),
        ))
    query = query.order_by(audit_t.c.id.desc() if newest_first else audit_t.c.id)
    if limit is not None:
        query = query.limit(limit)
    return [_to_entry(row) for row in conn.execute(query)]
