"""Solve results: the whole ``procure-result/1`` object, with when and from what it was computed.

A result stores the SHA-256 of the canonical JSON of the scenario that was solved.
Comparing it with the hash of the scenario as it is now tells whether the result
is stale, however the scenario got there (edits, undo, import).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from procure.domain.result import Result
from procure.errors import StorageError
from procure.formats.result_json import result_from_data, result_to_data
from procure.storage import audit
from procure.storage.records import PlanInfo, ResultInfo, StoredResult
from procure.storage.schema import result_t
from procure.storage.types import utc_now

_INFO_COLUMNS = [c for c in result_t.c if c.name != "content"]


def save_result(
    conn: Connection, *, user: str, plan: PlanInfo, variant: str, scenario_id: int,
    result: Result, scenario_hash: str, computed_at: datetime | None = None,
) -> int:
    """Store ``result``; return its id."""
    computed_at = computed_at or utc_now()
    result_id: int = conn.execute(insert(result_t).returning(result_t.c.id).values(
        plan_id=plan.id, scenario_id=scenario_id, variant=variant, computed_at=computed_at,
        computed_by=user, scenario_hash=scenario_hash, status=result.status.value,
        objective=result.objective, content=result_to_data(result),
    )).scalar_one()
    audit.record(conn, [audit.entry(
        at=utc_now(), user=user, plan_id=plan.id, plan_name=plan.name, revision=plan.revision,
        variant=variant, action="result", path="results",
        new={"id": result_id, "status": result.status.value, "objective": result.objective,
             "scenario_sha256": scenario_hash},
    )])
    return result_id


def _info(row: Any, current_hash: str | None) -> ResultInfo:
    return ResultInfo(
        id=row.id, plan_id=row.plan_id, variant=row.variant, computed_at=row.computed_at,
        computed_by=row.computed_by, scenario_hash=row.scenario_hash, status=row.status,
        objective=row.objective,
        stale=current_hash is not None and row.scenario_hash != current_hash,
    )


def list_results(conn: Connection, scenario_id: int, current_hash: str | None) -> list[ResultInfo]:
    """The (solve) results of one scenario, newest first, without their content."""
    rows = conn.execute(select(*_INFO_COLUMNS).where(result_t.c.scenario_id == scenario_id)
                        .where(result_t.c.kind.is_(None))
                        .order_by(result_t.c.id.desc()))
    return [_info(row, current_hash) for row in rows]


HEDGE = "hedge"


def save_hedge(
    conn: Connection, *, user: str, plan: PlanInfo, variant: str, scenario_id: int,
    content: dict[str, Any], status: str, objective: float | None, inputs_hash: str,
) -> int:
    """Store a hedge's result (its ``procure-hedge-result/1`` object, with its definition
    inside); ``inputs_hash`` is of the whole plan, what-ifs and hedge definition included."""
    result_id: int = conn.execute(insert(result_t).returning(result_t.c.id).values(
        plan_id=plan.id, scenario_id=scenario_id, variant=variant, computed_at=utc_now(),
        computed_by=user, scenario_hash=inputs_hash, status=status, objective=objective,
        content=content, kind=HEDGE,
    )).scalar_one()
    audit.record(conn, [audit.entry(
        at=utc_now(), user=user, plan_id=plan.id, plan_name=plan.name, revision=plan.revision,
        variant=variant, action="result", path="hedge",
        new={"id": result_id, "status": status, "objective": objective,
             "inputs_sha256": inputs_hash},
    )])
    return result_id


def latest_hedge(conn: Connection, scenario_id: int, current_hash: str | None
                 ) -> tuple[ResultInfo, dict[str, Any]] | None:
    """The newest stored hedge of a scenario and its content; None if there is none."""
    row = conn.execute(select(result_t).where(result_t.c.scenario_id == scenario_id)
                       .where(result_t.c.kind == HEDGE)
                       .order_by(result_t.c.id.desc()).limit(1)).one_or_none()
    if row is None:
        return None
    return _info(row, current_hash), row.content


def load_result(conn: Connection, result_id: int, current_hash: str | None) -> StoredResult:
    """One result with its content; ``stale`` is judged against ``current_hash``."""
    row = conn.execute(select(result_t).where(result_t.c.id == result_id)).one_or_none()
    if row is None:
        raise StorageError(f"There is no stored result {result_id}.")
    return StoredResult(_info(row, current_hash), result_from_data(row.content))
