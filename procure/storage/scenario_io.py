"""Writing a whole scenario to its rows and reading it back, in bulk.

Writes are Core ``INSERT``s with one parameter set per row (``executemany``), never
one ORM flush per row; reads are one ``SELECT`` per table. Together with the JSON
columns for per-period values this is what opens a 50,000-row plan in well under a
second. A :class:`Loaded` also carries each row's id and version, which the edit
writer needs to address rows and detect concurrent changes.
"""

from __future__ import annotations

import dataclasses
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, Text, delete, insert, select, type_coerce

from procure.domain.model import FleetEntry, Scenario
from procure.errors import StorageError
from procure.storage.codec import FROM_ROW, ROW_OF, settings_row
from procure.storage.schema import (
    budget_t,
    chip_t,
    fleet_t,
    limits_t,
    scenario_t,
    vendor_t,
    workload_t,
)

TABLE_OF: dict[str, Table] = {
    "vendors": vendor_t, "chips": chip_t, "workloads": workload_t, "fleet": fleet_t,
}
SINGLE_TABLE_OF: dict[str, Table] = {
    "settings": scenario_t, "budget": budget_t, "limits": limits_t,
}


@dataclass
class Loaded:
    """A scenario as stored, with the identity of each of its rows."""

    scenario: Scenario
    change_count: int
    single_versions: dict[str, int]  # settings, budget, limits
    ids: dict[str, list[int]]  # per list, aligned with the scenario's tuples
    versions: dict[str, list[int]]


def insert_scenario(
    conn: Connection, *, plan_id: int, variant: str, position: int, scenario: Scenario,
    derived_from: str | None = None, change_count: int = 0,
) -> int:
    """Insert ``scenario`` as a new base scenario or variant of a plan; return its row id."""
    scenario_id: int = conn.execute(
        insert(scenario_t).returning(scenario_t.c.id).values(
            plan_id=plan_id, variant=variant, position=position, derived_from=derived_from,
            version=1, change_count=change_count, **settings_row(scenario),
        )
    ).scalar_one()
    conn.execute(insert(budget_t).values(scenario_id=scenario_id, version=1,
                                         **ROW_OF["budget"](scenario.budget)))
    conn.execute(insert(limits_t).values(scenario_id=scenario_id, version=1,
                                         **ROW_OF["limits"](scenario.limits)))
    insert_rows(conn, scenario_id, scenario)
    return scenario_id


def insert_rows(conn: Connection, scenario_id: int, scenario: Scenario) -> None:
    """Insert the four lists of ``scenario`` (positions 0, 1, ...) with executemany."""
    for collection, table in TABLE_OF.items():
        to_row = ROW_OF[collection]
        with _paused_gc():
            rows = [
                {"scenario_id": scenario_id, "position": i, "version": 1, **to_row(entity)}
                for i, entity in enumerate(getattr(scenario, collection))
            ]
            if rows:
                conn.execute(insert(table), rows)


def delete_rows(conn: Connection, scenario_id: int) -> None:
    """Delete the four lists of a scenario (its settings, budget and limits rows stay)."""
    for table in TABLE_OF.values():
        conn.execute(delete(table).where(table.c.scenario_id == scenario_id))


def replace_singles(conn: Connection, scenario_id: int, scenario: Scenario) -> None:
    """Overwrite settings, budget and limits, each as a new version."""
    values = {"settings": settings_row(scenario), "budget": ROW_OF["budget"](scenario.budget),
              "limits": ROW_OF["limits"](scenario.limits)}
    for area, table in SINGLE_TABLE_OF.items():
        key = table.c.id if area == "settings" else table.c.scenario_id
        conn.execute(
            table.update().where(key == scenario_id)
            .values(version=table.c.version + 1, **values[area])
        )


def load(conn: Connection, scenario_id: int) -> Loaded:
    """Read one scenario and its row identities in the current transaction."""
    with _paused_gc():
        try:
            return _load(conn, scenario_id)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError,
                RecursionError) as exc:
            # The rows are data from outside (a plan file anyone may have edited): text in a
            # JSON column that is not JSON, a text where a number belongs, a list too deep.
            raise StorageError(f"The stored scenario is damaged and cannot be read "
                               f"({type(exc).__name__}: {str(exc)[:200]}).") from exc


def _load(conn: Connection, scenario_id: int) -> Loaded:
    settings = conn.execute(select(scenario_t).where(scenario_t.c.id == scenario_id)).one_or_none()
    if settings is None:
        raise StorageError("The scenario no longer exists (it was deleted by someone else).")
    budget = conn.execute(select(budget_t).where(budget_t.c.scenario_id == scenario_id)).one()
    limits = conn.execute(select(limits_t).where(limits_t.c.scenario_id == scenario_id)).one()
    lists: dict[str, Any] = {}
    ids: dict[str, list[int]] = {}
    versions: dict[str, list[int]] = {}
    for collection, table in TABLE_OF.items():
        if collection == "fleet":
            continue
        rows = conn.execute(
            select(table).where(table.c.scenario_id == scenario_id)
            .order_by(table.c.position, table.c.id)
        ).all()
        from_row = FROM_ROW[collection]
        lists[collection] = tuple(from_row(r) for r in rows)
        ids[collection] = [r.id for r in rows]
        versions[collection] = [r.version for r in rows]
    lists["fleet"], ids["fleet"], versions["fleet"] = _load_fleet(conn, scenario_id)
    scenario = dataclasses.replace(
        FROM_ROW["settings"](settings), budget=FROM_ROW["budget"](budget),
        limits=FROM_ROW["limits"](limits), **lists,
    )
    return Loaded(
        scenario=scenario, change_count=settings.change_count,
        single_versions={"settings": settings.version, "budget": budget.version,
                         "limits": limits.version},
        ids=ids, versions=versions,
    )


def _load_fleet(
    conn: Connection, scenario_id: int
) -> tuple[tuple[FleetEntry, ...], list[int], list[int]]:
    """The fleet, which can have tens of thousands of rows: read as plain tuples, built
    positionally, ``x`` parsed only where present (almost nowhere)."""
    rows = conn.execute(
        select(fleet_t.c.id, fleet_t.c.version, fleet_t.c.chip, fleet_t.c.units,
               fleet_t.c.retire_after, type_coerce(fleet_t.c.x, Text), fleet_t.c.in_service_from)
        .where(fleet_t.c.scenario_id == scenario_id).order_by(fleet_t.c.position, fleet_t.c.id)
    ).all()
    entries = tuple(FleetEntry(chip, float(units), retire, None if x is None else json.loads(x),
                               arrives)
                    for _, _, chip, units, retire, x, arrives in rows)
    return entries, [r[0] for r in rows], [r[1] for r in rows]


@contextmanager
def _paused_gc() -> Iterator[None]:
    """Building ~100,000 objects triggers many full collections that find nothing to free;
    pausing the collector for the load halves its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
