"""Saving one edit: targeted row writes, optimistic locking, and an audit entry per change.

Each edit is one transaction:

1. ``change_count`` of the scenario row is bumped (``UPDATE ... RETURNING``). The row
   lock this takes serialises edits of one scenario on PostgreSQL (SQLite writes are
   serial anyway), and the new count tells whether anyone else changed the scenario
   since the document last saw it.
2. The plan must not be approved (:func:`procure.storage.plans.touch`).
3. Each row the edit touches is written with ``UPDATE ... WHERE id = :id AND
   version = :seen``. If the version moved, the value this edit changes is compared
   as the document saw it with its value now: unchanged, the edit is applied to the
   current row (a merge: two planners changing different things both win);
   changed, a :class:`ConflictError` names the value, who changed it and when.
   Nothing a planner has not seen is ever overwritten.
4. Audit entries go in with the change; then the document is updated in place (in
   sync) or reloaded from the same transaction (someone else was there too).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from procure.domain.edits import (
    COLLECTIONS,
    KEYED,
    AddRows,
    DeleteRows,
    Edit,
    EditGroup,
    EditPath,
    InsertPeriod,
    RemovePeriod,
    RenameId,
    ReplaceScenario,
    SetField,
    get_in,
    path_text,
    set_in,
)
from procure.domain.model import Scenario
from procure.errors import ValidationError
from procure.storage import audit, plans, scenario_io
from procure.storage.codec import FROM_ROW, ROW_OF, jsonable, summary
from procure.storage.document import PlanDocument, changed_areas
from procure.storage.records import ConflictError
from procure.storage.scenario_io import SINGLE_TABLE_OF, TABLE_OF, Loaded
from procure.storage.schema import scenario_t
from procure.storage.types import to_json, utc_now

_CHUNK = 500  # ids per IN (...) list, well inside SQLite's variable limit
_UNSET: Any = object()


def apply(doc: PlanDocument, edit: Edit) -> tuple[frozenset[str], Edit]:
    """Save ``edit`` to the document's plan; return the areas changed and the inverse edit."""
    new_scenario, inverse = edit.apply(doc.scenario)  # a bad edit fails before any I/O
    now = utc_now()
    with doc.store.write("save the change") as conn:
        row = conn.execute(
            update(scenario_t).where(scenario_t.c.id == doc.scenario_id)
            .values(change_count=scenario_t.c.change_count + 1)
            .returning(scenario_t.c.change_count, scenario_t.c.variant)
        ).one_or_none()
        if row is None:
            raise ConflictError(f"This variant of plan {doc.plan.title!r} was deleted.")
        count, doc.variant = row  # the variant may have been renamed meanwhile
        plans.touch(conn, doc.plan.id, doc.store.user, now)
        work = _Work(conn, doc, in_sync=count == doc.change_count + 1, change_number=count,
                     now=now)
        work.write(edit, doc.scenario)
        audit.record(conn, work.audit)
        if work.in_sync and not work.reloaded:
            loaded = Loaded(new_scenario, count, work.single, work.ids, work.versions)
        else:
            loaded = scenario_io.load(conn, doc.scenario_id)
    old = doc.scenario
    doc.adopt(loaded)
    if loaded.scenario is new_scenario:
        return edit.areas, inverse
    return edit.areas | changed_areas(old, loaded.scenario), inverse


def _target(path: EditPath, scenario: Scenario) -> tuple[str, int | None, EditPath]:
    """(area, row index or None, path inside that row) for a SetField path."""
    head = path[0]
    if head in COLLECTIONS:
        rows = getattr(scenario, str(head))
        if head == "fleet":
            return "fleet", int(path[1]), path[2:]
        return str(head), next(i for i, r in enumerate(rows) if r.id == path[1]), path[2:]
    if head in ("budget", "limits"):
        return str(head), None, path[1:]
    return "settings", None, path


def _part(scenario: Scenario, area: str, index: int | None) -> Any:
    if index is not None:
        return getattr(scenario, area)[index]
    return scenario if area == "settings" else getattr(scenario, area)


def _show(value: Any) -> str:
    text = to_json(jsonable(value))
    return text if len(text) <= 60 else text[:57] + "..."


class _Work:
    """One edit's writes, and the document's row identities as they will be after it."""

    def __init__(self, conn: Connection, doc: PlanDocument, *, in_sync: bool,
                 change_number: int, now: datetime) -> None:
        self.conn, self.doc, self.in_sync, self.now = conn, doc, in_sync, now
        self.change_number = change_number
        self.reloaded = False
        self.ids = {k: list(v) for k, v in doc.loaded.ids.items()}
        self.versions = {k: list(v) for k, v in doc.loaded.versions.items()}
        self.single = dict(doc.loaded.single_versions)
        self.audit: list[dict[str, Any]] = []

    def write(self, edit: Edit, before: Scenario) -> Scenario:
        if isinstance(edit, EditGroup):
            for sub in edit.edits:
                before = self.write(sub, before)
            return before
        if isinstance(edit, RenameId):  # the row and each reference: one audit entry each
            return self.write(EditGroup(edit.steps(before)), before)
        after, _ = edit.apply(before)
        if isinstance(edit, SetField):
            self._set_field(edit, before, after)
        elif isinstance(edit, AddRows):
            self._add_rows(edit)
        elif isinstance(edit, DeleteRows):
            self._delete_rows(edit, before)
        elif isinstance(edit, ReplaceScenario):
            self._replace(before, after)
        elif isinstance(edit, (InsertPeriod, RemovePeriod)):
            # A period is a column through every row: rewrite them all, but log it as what
            # the planner did, with the periods before and after.
            action = "add_period" if isinstance(edit, InsertPeriod) else "remove_period"
            self._replace(before, after, (action, "periods", list(before.periods),
                                          list(after.periods)))
        else:  # a new kind of edit needs its writes here; saving nothing would lose it
            raise TypeError(f"no storage writer for the edit {type(edit).__name__}")
        return after

    def _log(self, action: str, path: str, old: Any, new: Any) -> None:
        plan = self.doc.plan
        self.audit.append(audit.entry(
            at=self.now, user=self.doc.store.user, plan_id=plan.id, plan_name=plan.name,
            revision=plan.revision, variant=self.doc.variant, action=action, path=path,
            old=jsonable(old), new=jsonable(new), change_number=self.change_number,
        ))

    # --- one value --------------------------------------------------------------------

    def _set_field(self, edit: SetField, before: Scenario, after: Scenario) -> None:
        area, index, inner = _target(edit.path, before)
        seen_entity = _part(before, area, index)
        new_entity = _part(after, area, index)
        self._log("edit", path_text(edit.path), get_in(seen_entity, inner, before.periods),
                  get_in(new_entity, inner, after.periods))
        table, key_column, key = self._row(area, index)
        if area in KEYED and new_entity.id != seen_entity.id:  # a new id must still be free
            self._check_free(area, [new_entity.id])
        seen = self.versions[area][index] if index is not None else self.single[area]
        if self._update(table, key_column, key, seen, ROW_OF[area](new_entity)):
            self._set_version(area, index, seen + 1)
            return
        self.in_sync = False  # someone else changed this row: merge or refuse
        current = self.conn.execute(select(table).where(key_column == key)).one_or_none()
        if current is None:
            raise self._conflict(edit.path, "was deleted")
        now_entity = FROM_ROW[area](current)
        periods = self._periods_now()
        try:
            theirs = get_in(now_entity, inner, periods)
            unchanged = theirs == get_in(seen_entity, inner, before.periods)
            merged = set_in(now_entity, inner, edit.value, periods) if inner else new_entity
        except ValidationError:
            raise self._conflict(edit.path, "was changed") from None
        if not unchanged:
            raise self._conflict(edit.path, "was changed", theirs)
        if not self._update(table, key_column, key, current.version, ROW_OF[area](merged)):
            raise self._conflict(edit.path, "was changed")

    def _row(self, area: str, index: int | None) -> tuple[Table, Any, int]:
        if index is not None:
            table = TABLE_OF[area]
            return table, table.c.id, self.ids[area][index]
        table = SINGLE_TABLE_OF[area]
        key_column = table.c.id if area == "settings" else table.c.scenario_id
        return table, key_column, self.doc.scenario_id

    def _update(self, table: Table, key_column: Any, key: int, seen: int,
                values: dict[str, Any]) -> bool:
        result = self.conn.execute(
            update(table).where(key_column == key, table.c.version == seen)
            .values(version=seen + 1, **values)
        )
        return result.rowcount == 1

    def _set_version(self, area: str, index: int | None, version: int) -> None:
        if index is None:
            self.single[area] = version
        else:
            self.versions[area][index] = version

    def _periods_now(self) -> tuple[str, ...]:
        periods = self.conn.execute(select(scenario_t.c.periods)
                                    .where(scenario_t.c.id == self.doc.scenario_id)).scalar_one()
        return tuple(periods)

    # --- rows -------------------------------------------------------------------------

    def _add_rows(self, edit: AddRows) -> None:
        name, table = edit.collection, TABLE_OF[edit.collection]
        ids, versions, sid = self.ids[name], self.versions[name], self.doc.scenario_id
        if name in KEYED:
            self._check_free(name, [row.id for _, row in edit.rows])
        for run in _runs(edit.rows):
            first = run[0][0]
            if first < len(ids):  # insert before the row the document shows at that index
                position = self.conn.execute(select(table.c.position)
                                             .where(table.c.id == ids[first])).scalar()
                if position is None:
                    raise self._conflict((name, first), "was deleted")
                self.conn.execute(update(table).where(
                    table.c.scenario_id == sid, table.c.position >= position,
                ).values(position=table.c.position + len(run)))
            else:
                last = self.conn.execute(select(func.max(table.c.position))
                                         .where(table.c.scenario_id == sid)).scalar()
                position = 0 if last is None else last + 1
            params = [{"scenario_id": sid, "position": position + k, "version": 1,
                       **ROW_OF[name](row)} for k, (_, row) in enumerate(run)]
            new_ids = self.conn.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True), params
            ).scalars().all()
            ids[first:first] = new_ids
            versions[first:first] = [1] * len(run)
        for index, row in edit.rows:
            key = row.id if name in KEYED else index
            self._log("add", path_text((name, key)), None, row)

    def _check_free(self, name: str, idents: list[str]) -> None:
        """Refuse ids that someone else has given to a row meanwhile (the document had none)."""
        table = TABLE_OF[name]
        for chunk in _chunks(idents):
            taken = self.conn.execute(select(table.c.ident).where(
                table.c.scenario_id == self.doc.scenario_id, table.c.ident.in_(chunk),
            )).scalars().first()
            if taken is not None:
                self.in_sync = False
                raise self._conflict((name, taken), "was added")

    def _delete_rows(self, edit: DeleteRows, before: Scenario) -> None:
        name, table = edit.collection, TABLE_OF[edit.collection]
        ids, versions = self.ids[name], self.versions[name]
        indices = sorted(set(edit.indices))
        rows = getattr(before, name)
        found: dict[int, int] = {}
        for chunk in _chunks([ids[i] for i in indices]):
            found.update(self.conn.execute(
                select(table.c.id, table.c.version).where(table.c.id.in_(chunk))).all())
        for i in indices:
            key = rows[i].id if name in KEYED else i
            if ids[i] not in found:
                self.in_sync = False
                raise self._conflict((name, key), "was already deleted")
            if found[ids[i]] != versions[i]:
                self.in_sync = False
                raise self._conflict((name, key), "was changed")
            self._log("delete", path_text((name, key)), rows[i], None)
        for chunk in _chunks([ids[i] for i in indices]):
            self.conn.execute(delete(table).where(table.c.id.in_(chunk)))
        for i in reversed(indices):
            del ids[i], versions[i]

    def _replace(self, before: Scenario, after: Scenario,
                 log: tuple[str, str, Any, Any] | None = None) -> None:
        if not self.in_sync:
            raise self._conflict((), "was changed")
        sid = self.doc.scenario_id
        scenario_io.delete_rows(self.conn, sid)
        scenario_io.insert_rows(self.conn, sid, after)
        scenario_io.replace_singles(self.conn, sid, after)
        loaded = scenario_io.load(self.conn, sid)
        self.ids, self.versions, self.single = loaded.ids, loaded.versions, loaded.single_versions
        self.reloaded = True
        self._log(*(log or ("replace", "", summary(before), summary(after))))

    # --- telling the planner ----------------------------------------------------------

    def _conflict(self, path: EditPath, what: str, theirs: Any = _UNSET) -> ConflictError:
        """A conflict naming the value, and who last changed it since the document's view."""
        row_path = path[:2] if path and path[0] in COLLECTIONS else path[:1]
        entries = audit.read_log(
            self.conn, plan_id=self.doc.plan.id, variant=self.doc.variant,
            after_change=self.doc.change_count, path_prefix=path_text(row_path) or None,
            limit=3, newest_first=True,
        )
        name = path_text(path) or "The plan"
        by = entries[0].user if entries else None
        at = entries[0].at if entries else None
        who = f" by {by} at {at:%Y-%m-%d %H:%M} UTC" if by and at else ""
        detail = f" (it is now {_show(theirs)})" if theirs is not _UNSET else ""
        if not path and entries:
            detail = " (" + ", ".join(e.path or e.action for e in entries) + ")"
        return ConflictError(
            f"{name} {what}{who} since you loaded plan {self.doc.plan.title!r}{detail}; your "
            "change was not saved. The plan now shows the current values.",
            path=path_text(path), theirs=None if theirs is _UNSET else jsonable(theirs),
            by=by, at=at,
        )


def _chunks(values: list[Any]) -> list[list[Any]]:
    return [values[i:i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def _runs(rows: tuple[tuple[int, Any], ...]) -> list[list[tuple[int, Any]]]:
    """Split ascending ``(index, row)`` pairs into runs of consecutive indices."""
    runs: list[list[tuple[int, Any]]] = []
    for pair in rows:
        if runs and runs[-1][-1][0] + 1 == pair[0]:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs
