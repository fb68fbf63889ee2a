"""Column types that keep values exactly as the domain holds them, on SQLite and PostgreSQL.

JSON goes into plain text columns rather than PostgreSQL's ``jsonb``: ``jsonb``
reorders object keys, and key order is part of a scenario (it decides the order of
the written file and so the scenario's hash). Python's ``json`` writes floats with
``repr``, which reads back to the identical float. Timestamps are always UTC.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Text
from sqlalchemy.types import TypeDecorator


def _plain(value: Any) -> Any:
    """``json.dumps`` fallback: any mapping (e.g. a read-only proxy) is written as an object."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} cannot be stored as JSON")


def to_json(value: Any) -> str:
    """Compact, key-order-preserving JSON; NaN and infinity are refused rather than mangled."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=_plain)


class Json(TypeDecorator[Any]):
    """A JSON value in a text column; ``None`` is SQL NULL, never the text ``null``."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else to_json(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC timestamp; SQLite keeps no zone, so one is attached on the way out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must carry a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)
