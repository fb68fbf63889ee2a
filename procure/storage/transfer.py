"""Copying a plan between stores (file to server and back) without losing anything.

Everything that belongs to the plan travels: its name, revision, status, parent
revision, description and timestamps; every variant as a full scenario; every
stored result with its hash and time; and its audit log. The copy adds one audit
entry saying where it came from. An approved plan stays approved, so a plan
cannot be made editable by copying it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from procure.errors import StorageError
from procure.storage import audit, plans, scenario_io
from procure.storage.records import PlanInfo
from procure.storage.schema import audit_t, plan_t, result_t, scenario_t
from procure.storage.store import Store
from procure.storage.types import utc_now

_SKIP = {"id", "plan_id", "scenario_id"}


def copy_plan(source: Store, plan: PlanInfo, target: Store, *, name: str | None = None) -> PlanInfo:
    """Copy one plan revision from ``source`` to ``target``; return it as stored there."""
    with source.read("read the plan to copy") as conn:
        info = plans.plan_info(conn, plan.id)
        scenarios = []
        for row in conn.execute(select(scenario_t).where(scenario_t.c.plan_id == plan.id)
                                .order_by(scenario_t.c.position)).all():
            loaded = scenario_io.load(conn, row.id)
            scenarios.append((row, loaded.scenario))
        results = conn.execute(select(result_t).where(result_t.c.plan_id == plan.id)
                               .order_by(result_t.c.id)).all()
        entries = conn.execute(select(audit_t).where(audit_t.c.plan_id == plan.id)
                               .order_by(audit_t.c.id)).all()
    name = name or info.name
    with target.write("copy the plan") as conn:
        taken = conn.execute(select(plan_t.c.id).where(
            plan_t.c.name == name, plan_t.c.revision == info.revision)).first()
        if taken is not None:
            raise StorageError(f"{target.location} already has a plan called {name!r} "
                               f"(revision {info.revision}); copy it under another name.")
        plan_id: int = conn.execute(plan_t.insert().returning(plan_t.c.id).values(
            name=name, revision=info.revision, status=info.status.value,
            parent_revision=info.parent_revision, description=info.description,
            created_at=info.created_at, created_by=info.created_by,
            updated_at=info.updated_at, updated_by=info.updated_by, version=1,
        )).scalar_one()
        scenario_ids: dict[str, int] = {}
        for row, scenario in scenarios:
            scenario_ids[row.variant] = scenario_io.insert_scenario(
                conn, plan_id=plan_id, variant=row.variant, position=row.position,
                scenario=scenario, derived_from=row.derived_from, change_count=row.change_count,
            )
        if results:
            conn.execute(insert(result_t), [
                {**_fields(r), "plan_id": plan_id, "scenario_id": scenario_ids[r.variant]}
                for r in results
            ])
        if entries:
            conn.execute(insert(audit_t), [{**_fields(e), "plan_id": plan_id} for e in entries])
        audit.record(conn, [audit.entry(
            at=utc_now(), user=target.user, plan_id=plan_id, plan_name=name,
            revision=info.revision, variant=None, action="copy", path="",
            old=source.location, new=target.location,
        )])
        return plans.plan_info(conn, plan_id)


def _fields(row: Any) -> dict[str, Any]:
    return {k: v for k, v in row._mapping.items() if k not in _SKIP}
