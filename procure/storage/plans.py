"""Plans, their variants and their review workflow (draft -> in review -> approved).

An approved plan is frozen: changing it means :func:`new_revision`, a new plan
row with the same name, the next revision number, status draft and a note of the
revision it came from. Status changes use the ORM's ``version_id_col`` on the plan
row, so two reviewers acting at once cannot overwrite each other's decision; renaming
and removing a variant take the same version, so neither acts on a stale list of variants.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from procure.domain.model import Scenario
from procure.errors import StorageError
from procure.storage import audit, scenario_io
from procure.storage.codec import summary
from procure.storage.records import (
    ConflictError,
    PlanInfo,
    PlanStatus,
    ReadOnlyError,
    needs_new_revision,
    next_statuses,
)
from procure.storage.schema import Plan, plan_t, result_t, scenario_t
from procure.storage.types import utc_now


def _info(row: Any, variants: tuple[str, ...]) -> PlanInfo:
    return PlanInfo(
        id=row.id, name=row.name, revision=row.revision, status=PlanStatus(row.status),
        parent_revision=row.parent_revision, description=row.description,
        created_at=row.created_at, created_by=row.created_by, updated_at=row.updated_at,
        updated_by=row.updated_by, version=row.version, variants=variants,
    )


def _variants(conn: Connection, plan_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {i: [] for i in plan_ids}
    rows = conn.execute(
        select(scenario_t.c.plan_id, scenario_t.c.variant)
        .where(scenario_t.c.plan_id.in_(plan_ids)).order_by(scenario_t.c.position)
    )
    for plan_id, variant in rows:
        found[plan_id].append(variant)
    return {k: tuple(v) for k, v in found.items()}


def list_plans(conn: Connection) -> list[PlanInfo]:
    """Every plan revision, by name then revision."""
    rows = conn.execute(select(plan_t).order_by(plan_t.c.name, plan_t.c.revision)).all()
    variants = _variants(conn, [r.id for r in rows])
    return [_info(r, variants[r.id]) for r in rows]


def plan_info(conn: Connection, plan_id: int) -> PlanInfo:
    """The plan as it is now (status, version, variants)."""
    row = conn.execute(select(plan_t).where(plan_t.c.id == plan_id)).one_or_none()
    if row is None:
        raise StorageError("The plan no longer exists.")
    return _info(row, _variants(conn, [plan_id])[plan_id])


def find_plan(
    conn: Connection, name: str | None = None, revision: int | None = None, where: str = ""
) -> PlanInfo:
    """The plan called ``name`` (its latest revision unless one is given); with no name,
    the only plan there is."""
    plans = list_plans(conn)
    if not plans:
        raise StorageError(f"There are no plans{' in ' + where if where else ''} yet.")
    if name is None:
        names = sorted({p.name for p in plans})
        if len(names) != 1:
            listed = ", ".join(repr(n) for n in names) or "none"
            raise StorageError(f"Name the plan{' in ' + where if where else ''}; plans: {listed}.")
        name = names[0]
    matches = [p for p in plans if p.name == name and revision in (None, p.revision)]
    if not matches:
        which = f"{name!r}" + (f" revision {revision}" if revision is not None else "")
        raise StorageError(f"There is no plan {which}{' in ' + where if where else ''}.")
    return matches[-1]


def scenario_id(conn: Connection, plan_id: int, variant: str) -> int:
    """The row id of a plan's base scenario (``""``) or named variant."""
    found = conn.execute(
        select(scenario_t.c.id).where(scenario_t.c.plan_id == plan_id,
                                      scenario_t.c.variant == variant)
    ).scalar_one_or_none()
    if found is None:
        raise StorageError(f"The plan has no variant {variant!r}." if variant
                           else "The plan has no base scenario.")
    return int(found)


def create_plan(
    conn: Connection, *, user: str, name: str, scenario: Scenario,
    description: str | None = None, revision: int = 1, parent_revision: int | None = None,
) -> PlanInfo:
    """A new draft plan whose base scenario is ``scenario``."""
    if not name.strip():
        raise StorageError("A plan needs a name.")
    taken = conn.execute(select(plan_t.c.id).where(plan_t.c.name == name,
                                                   plan_t.c.revision == revision)).first()
    if taken is not None:
        raise StorageError(f"There is already a plan called {name!r} (revision {revision}).")
    now = utc_now()
    plan_id: int = conn.execute(plan_t.insert().returning(plan_t.c.id).values(
        name=name, revision=revision, status=PlanStatus.DRAFT.value,
        parent_revision=parent_revision, description=description, created_at=now,
        created_by=user, updated_at=now, updated_by=user, version=1,
    )).scalar_one()
    scenario_io.insert_scenario(conn, plan_id=plan_id, variant="", position=0, scenario=scenario)
    audit.record(conn, [audit.entry(
        at=now, user=user, plan_id=plan_id, plan_name=name, revision=revision, variant="",
        action="create", new=summary(scenario),
    )])
    return plan_info(conn, plan_id)


def add_variant(
    conn: Connection, *, user: str, plan: PlanInfo, name: str, scenario: Scenario,
    derived_from: str | None,
) -> PlanInfo:
    """Add a named variant holding a full copy of ``scenario``."""
    current = plan_info(conn, plan.id)
    if current.read_only:
        raise ReadOnlyError(f"Plan {plan.title!r} is approved and read-only; start a new "
                            "revision to change it.")
    if not name.strip():
        raise StorageError("A variant needs a name (the base scenario has none).")
    if name in current.variants:
        raise StorageError(f"Plan {plan.title!r} already has a variant called {name!r}.")
    position = conn.execute(select(func.max(scenario_t.c.position))
                            .where(scenario_t.c.plan_id == plan.id)).scalar_one()
    scenario_io.insert_scenario(conn, plan_id=plan.id, variant=name, position=position + 1,
                                scenario=scenario, derived_from=derived_from)
    audit.record(conn, [audit.entry(
        at=utc_now(), user=user, plan_id=plan.id, plan_name=plan.name, revision=plan.revision,
        variant=name, action="add_variant", old=derived_from, new=summary(scenario),
    )])
    return plan_info(conn, plan.id)


def rename_variant(
    conn: Connection, *, user: str, plan: PlanInfo, old: str, new: str
) -> PlanInfo:
    """Give variant ``old`` the name ``new``; its rows, results and derivations follow.

    The scenario row keeps its id, so documents open on it stay valid. Variants
    derived from ``old`` now say they derive from ``new``; the audit log keeps the
    names as they were when each entry was written (it is a record of the past).
    """
    current = _check_variant(conn, plan, old, "renamed")
    if not new.strip():
        raise StorageError("A variant needs a name (the base scenario has none).")
    if new == old:
        return current
    if new in current.variants:
        raise StorageError(f"Plan {plan.title!r} already has a variant called {new!r}.")
    now = utc_now()
    _bump(conn, plan, user, now)
    conn.execute(update(scenario_t).where(scenario_t.c.plan_id == plan.id,
                                          scenario_t.c.variant == old).values(variant=new))
    conn.execute(update(scenario_t).where(scenario_t.c.plan_id == plan.id,
                                          scenario_t.c.derived_from == old)
                 .values(derived_from=new))
    conn.execute(update(result_t).where(result_t.c.plan_id == plan.id,
                                        result_t.c.variant == old).values(variant=new))
    audit.record(conn, [audit.entry(
        at=now, user=user, plan_id=plan.id, plan_name=plan.name, revision=plan.revision,
        variant=new, action="rename_variant", path="variant", old=old, new=new,
    )])
    return plan_info(conn, plan.id)


def remove_variant(conn: Connection, *, user: str, plan: PlanInfo, name: str) -> PlanInfo:
    """Delete variant ``name`` with everything it holds, its stored results included.

    Variants derived from it keep the name in ``derived_from``: it records where they
    came from, not a live link. The audit entry keeps the removed scenario's summary.
    """
    _check_variant(conn, plan, name, "removed")
    now = utc_now()
    _bump(conn, plan, user, now)
    sid = scenario_id(conn, plan.id, name)
    removed = scenario_io.load(conn, sid).scenario
    # The schema cascades these deletes; saying them keeps a file whose foreign keys were
    # off when it was written (another SQLite tool) from keeping orphans.
    conn.execute(delete(result_t).where(result_t.c.scenario_id == sid))
    scenario_io.delete_rows(conn, sid)
    for table in scenario_io.SINGLE_TABLE_OF.values():
        if table is not scenario_t:
            conn.execute(delete(table).where(table.c.scenario_id == sid))
    conn.execute(delete(scenario_t).where(scenario_t.c.id == sid))
    audit.record(conn, [audit.entry(
        at=now, user=user, plan_id=plan.id, plan_name=plan.name, revision=plan.revision,
        variant=name, action="remove_variant", path="variant", old=summary(removed),
    )])
    return plan_info(conn, plan.id)


def _check_variant(conn: Connection, plan: PlanInfo, name: str, what: str) -> PlanInfo:
    """The plan as it is now, if variant ``name`` of it may be renamed or removed."""
    current = plan_info(conn, plan.id)
    if current.read_only:
        raise ReadOnlyError(f"Plan {plan.title!r} is approved and read-only; start a new "
                            "revision to change it.")
    if name == "":
        raise StorageError(f"The base scenario of plan {plan.title!r} cannot be {what}; "
                           "only named variants can.")
    if name not in current.variants:
        raise StorageError(f"Plan {plan.title!r} has no variant {name!r}.")
    return current


def _bump(conn: Connection, plan: PlanInfo, user: str, now: datetime) -> None:
    """Take the plan row's next version, refusing if it moved since ``plan`` was read.

    The same optimistic lock as :func:`set_status`: renaming or removing a variant
    changes what the plan is, so a reviewer (or another planner renaming variants)
    holding the older view is told to look again instead of acting on a stale list.
    """
    done = conn.execute(
        plan_t.update().where(plan_t.c.id == plan.id, plan_t.c.version == plan.version)
        .values(version=plan.version + 1, updated_at=now, updated_by=user)
    ).rowcount
    if not done:
        row = plan_info(conn, plan.id)
        listed = ", ".join(repr(v) for v in row.variants if v) or "none"
        raise ConflictError(
            f"Plan {plan.title!r} was changed by {row.updated_by} since you read it "
            f"(variants now: {listed}); look again before renaming or removing a variant.",
            path="variants", theirs=list(row.variants), by=row.updated_by, at=row.updated_at)


def set_status(conn: Connection, *, user: str, plan: PlanInfo, status: PlanStatus) -> PlanInfo:
    """Move a plan along the review workflow; refuse if it changed since ``plan`` was read."""
    status = PlanStatus(status)
    with Session(bind=conn) as session:
        row = session.get(Plan, plan.id)
        if row is None:
            raise StorageError(f"Plan {plan.title!r} no longer exists.")
        if row.version != plan.version:
            raise ConflictError(
                f"Plan {plan.title!r} was changed by {row.updated_by} since you read it "
                f"(status now {PlanStatus(row.status).value}); look again before deciding.",
                path="status", theirs=row.status, by=row.updated_by, at=row.updated_at)
        old = PlanStatus(row.status)
        if status not in next_statuses(old):
            raise StorageError(f"Plan {plan.title!r} is {old.value}; it cannot become "
                               f"{status.value}.")
        now = utc_now()
        row.status, row.updated_at, row.updated_by = status.value, now, user
        try:
            session.flush()
        except StaleDataError as exc:
            raise ConflictError(f"Plan {plan.title!r} was changed by someone else just now; "
                                "look again before deciding.", path="status") from exc
    audit.record(conn, [audit.entry(
        at=now, user=user, plan_id=plan.id, plan_name=plan.name, revision=plan.revision,
        variant=None, action="status", path="status", old=old.value, new=status.value,
    )])
    return plan_info(conn, plan.id)


def new_revision(conn: Connection, *, user: str, plan: PlanInfo) -> PlanInfo:
    """A draft copy of an approved plan (every variant) as its next revision."""
    current = plan_info(conn, plan.id)
    if not needs_new_revision(current.status):
        raise StorageError(f"Plan {plan.title!r} is {current.status.value}; only an approved "
                           "plan needs a new revision (a draft can be changed directly).")
    latest = conn.execute(select(func.max(plan_t.c.revision))
                          .where(plan_t.c.name == plan.name)).scalar_one()
    scenarios = [
        (row.variant, row.derived_from, scenario_io.load(conn, row.id).scenario)
        for row in conn.execute(select(scenario_t).where(scenario_t.c.plan_id == plan.id)
                                .order_by(scenario_t.c.position)).all()
    ]
    base = next(s for v, _, s in scenarios if v == "")
    revised = create_plan(conn, user=user, name=plan.name, scenario=base,
                          description=current.description, revision=latest + 1,
                          parent_revision=current.revision)
    for position, (variant, derived, scenario) in enumerate(scenarios):
        if variant:
            scenario_io.insert_scenario(conn, plan_id=revised.id, variant=variant,
                                        position=position, scenario=scenario,
                                        derived_from=derived)
    return plan_info(conn, revised.id)


def touch(conn: Connection, plan_id: int, user: str, now: datetime) -> None:
    """Note the latest change on the plan row, refusing if the plan is approved."""
    done = conn.execute(
        plan_t.update().where(plan_t.c.id == plan_id,
                              plan_t.c.status != PlanStatus.APPROVED.value)
        .values(updated_at=now, updated_by=user)
    ).rowcount
    if not done:
        info = plan_info(conn, plan_id)
        raise ReadOnlyError(f"Plan {info.title!r} is approved and read-only; start a new "
                            "revision to change it.")
