"""Edits of a scenario as data: apply one, get the new scenario and the edit that undoes it.

The GUI's undo stack, the storage layer and the audit log share this one vocabulary
of changes. ``edit.apply(scenario) -> (new_scenario, inverse)`` is pure, and the
inverse gives back the old scenario exactly (mapping order included), which is what
makes undo trustworthy. A value is addressed by a path, read left to right:
``("name",)``, ``("hours", "2026Q2")``, ``("budget", "total")``,
``("limits", "category_share", "imported", "min")``, ``("chips", "h20", "price", "2026Q2")``
(vendors, chips and workloads by id), ``("workloads", "w", "efficiency", "h20")``
(``None`` removes the entry), ``("fleet", 12, "units")`` (fleet entries by index).

Edits check types (a number where a number belongs, one value per period), not ranges
or references: that is :mod:`procure.domain.validation`'s job, so a plan may pass through
invalid states while a planner works on it. Ids must stay unique: paths and the
database address rows by them. :class:`RenameId` renames an id together with every
reference to it; :class:`~procure.domain.period_edits.InsertPeriod` and
:class:`~procure.domain.period_edits.RemovePeriod` add and remove a period column.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from procure.domain import model
from procure.domain.model import Scenario
from procure.domain.period_edits import InsertPeriod, RemovePeriod
from procure.domain.validation import period_key
from procure.errors import Problem, ValidationError

PathKey = str | int
EditPath = tuple[PathKey, ...]

KEYED = ("vendors", "chips", "workloads")
COLLECTIONS = (*KEYED, "fleet")
GROUPS = "risk_groups"
"""(v2) Risk groups: rows keyed by id like the collections, but one field of the plan's
settings (they are few and always read and written whole), so their area is ``settings``."""
AREAS = ("settings", "vendors", "chips", "workloads", "fleet", "budget", "limits")
"""The parts of a scenario an edit can touch; views refresh per area."""

ENTITY_TYPES: dict[str, type] = {
    "vendors": model.Vendor, "chips": model.Chip, "workloads": model.Workload,
    "fleet": model.FleetEntry, GROUPS: model.RiskGroup,
}
_KINDS = {  # what each field holds; "?" marks fields that may be None
    "float": "risk peak_pflops power_kw units outage_coverage",
    "float?": "max_share memory_gb total vendor_max_share max_weighted_risk shortfall_penalty "
              "min max discount_rate",
    "int": "lead_time lot_size version", "int?": "lifetime periods_per_year",
    "text": "id category vendor chip",
    "text?": "name retire_after currency price_currency in_service_from",
    "periods": "price demand",
    "periods?": "supply hours energy_price pue power_cap_kw per_period memory_demand",
}
_KIND = {name: kind for kind, names in _KINDS.items() for name in names.split()}
PER_PERIOD = frozenset(f for f, kind in _KIND.items() if kind.startswith("periods"))
_MAPPINGS = frozenset({"efficiency", "category_share", "fx"})
_CONTAINER_FIELDS = frozenset((*COLLECTIONS, GROUPS)) | PER_PERIOD | _MAPPINGS


def path_text(path: EditPath) -> str:
    """``chips["h20"].price["2026Q2"]``: a path as planners read it and the audit log keeps it."""
    out: list[str] = []
    keyed = False  # whether this part is a key inside the container the previous part named
    for part in path:
        if keyed:
            out.append(f"[{part}]" if isinstance(part, int) else period_key(str(part)))
            keyed = False
        else:
            out.append(("." if out else "") + str(part))
            keyed = part in _CONTAINER_FIELDS
    return "".join(out)


def _fail(path: EditPath, message: str) -> ValidationError:
    return ValidationError([Problem(path_text(path), message)])


def _row_index(rows: Sequence[Any], collection: str, key: PathKey, path: EditPath) -> int:
    if collection == "fleet":
        if isinstance(key, bool) or not isinstance(key, int) or not 0 <= key < len(rows):
            raise _fail(path, f"no fleet entry {key!r} (there are {len(rows)})")
        return key
    for i, row in enumerate(rows):
        if row.id == key:
            return i
    raise _fail(path, f"no {collection[:-1]} with id {key!r}")


def _period_slot(
    values: Any, key: PathKey, rest: EditPath, periods: Sequence[str], path: EditPath
) -> int:
    """The index of period ``key`` in a per-period tuple."""
    if values is None:
        raise _fail(path, "has no per-period values (set the whole field first)")
    if rest:
        raise _fail(path, "a per-period value has no parts")
    if isinstance(key, str) and key in periods:
        return list(periods).index(key)
    raise _fail(path, f"{key!r} is not one of the periods")


def get_in(node: Any, path: EditPath, periods: Sequence[str], owner: str | None = None) -> Any:
    """The value at ``path`` below ``node`` (a scenario or a part); a missing entry is None."""
    return _get(node, path, periods, owner, path)


def _get(
    node: Any, path: EditPath, periods: Sequence[str], owner: str | None, full: EditPath
) -> Any:
    if not path:
        return node
    key, rest = path[0], path[1:]
    if owner in COLLECTIONS or owner == GROUPS:
        return _get(node[_row_index(node, owner, key, full)], rest, periods, None, full)
    if owner in PER_PERIOD:
        return node[_period_slot(node, key, rest, periods, full)]
    if owner in _MAPPINGS:
        value = node.get(key)
        if rest and value is None:
            raise _fail(full, f"no entry {key!r}")
        return _get(value, rest, periods, None, full)
    _check_field(node, key, full)
    return _get(getattr(node, str(key)), rest, periods, str(key), full)


def _check_field(node: Any, key: PathKey, path: EditPath) -> None:
    if not dataclasses.is_dataclass(node) or key not in {f.name for f in dataclasses.fields(node)}:
        raise _fail(path, f"unknown field {key!r}")


def set_in(
    node: Any, path: EditPath, value: Any, periods: Sequence[str], owner: str | None = None
) -> Any:
    """A copy of ``node`` with ``value`` at ``path`` (type-checked and normalised)."""
    return _set(node, path, value, periods, owner, path)


def _set(
    node: Any, path: EditPath, value: Any, periods: Sequence[str], owner: str | None, full: EditPath
) -> Any:
    if not path:
        return _coerce(owner, value, periods, node, full)
    key, rest = path[0], path[1:]
    if owner in COLLECTIONS or owner == GROUPS:
        i = _row_index(node, owner, key, full)
        new = (_set(node[i], rest, value, periods, None, full) if rest
               else _typed(value, ENTITY_TYPES[owner], full))
        return (*node[:i], new, *node[i + 1:])
    if owner in PER_PERIOD:
        i = _period_slot(node, key, rest, periods, full)
        return (*node[:i], _number(value, full), *node[i + 1:])
    if owner in _MAPPINGS:
        entries = dict(node)
        if rest:
            if entries.get(key) is None:
                raise _fail(full, f"no entry {key!r}")
            entries[key] = _set(entries[key], rest, value, periods, None, full)
        elif value is None:
            entries.pop(key, None)
        else:
            entries[key] = _item(owner, value, full, periods)
        return entries
    _check_field(node, key, full)
    if isinstance(node, model.RiskGroup) and key in ("vendors", "chips"):
        if rest:
            raise _fail(full, "set the whole list of a group's members")
        return dataclasses.replace(node, **{str(key): _ids(value, full)})
    new = _set(getattr(node, str(key)), rest, value, periods, str(key), full)
    return dataclasses.replace(node, **{str(key): new})


def _ids(value: Any, path: EditPath) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise _fail(path, f"must be a list of ids, got {value!r}")
    return tuple(_typed(v, str, path) for v in value)


def _number(value: Any, path: EditPath) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _fail(path, f"must be a finite number, got {value!r}")
    return float(value)


def _typed(value: Any, kind: type, path: EditPath) -> Any:
    if not isinstance(value, kind):
        raise _fail(path, f"must be a {kind.__name__}, got {type(value).__name__}")
    return value


def _item(mapping: str, value: Any, path: EditPath, periods: Sequence[str] = ()) -> Any:
    if mapping == "efficiency":  # a number, or (v2) one number per period
        if isinstance(value, (tuple, list)):
            return _per_period_values(value, periods, path)
        return _number(value, path)
    if mapping == "fx":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (_number(value, path),) * len(periods)
        return _per_period_values(value, periods, path)
    return _typed(value, model.CategoryShare, path)


def _per_period_values(value: Any, periods: Sequence[str], path: EditPath) -> tuple[float, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != len(periods):
        raise _fail(path, f"needs {len(periods)} numbers (one per period), got {value!r}")
    return tuple(_number(v, path) for v in value)


_TYPED: dict[str, type] = {
    "x": Mapping, "integer": bool, "budget": model.Budget, "limits": model.Limits,
}


def _coerce(field: str | None, value: Any, periods: Sequence[str], old: Any, path: EditPath) -> Any:
    """Check and normalise a whole field's new value (ints to floats, lists to tuples)."""
    kind = _KIND.get(field or "", "")
    if value is None and (kind.endswith("?") or field == "x"):
        return None
    kind = kind.rstrip("?")
    if kind == "float":
        return _number(value, path)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise _fail(path, f"must be a whole number, got {value!r}")
        return int(value)
    if kind == "text":
        return _typed(value, str, path)
    if kind == "periods":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return (_number(value, path),) * len(periods)
        if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != len(periods):
            raise _fail(path, f"needs {len(periods)} numbers (one per period), got {value!r}")
        return tuple(_number(v, path) for v in value)
    if field == "fx" and value is None:
        return None
    if field == GROUPS:
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise _fail(path, "must be a list of risk groups")
        return tuple(_typed(g, model.RiskGroup, path) for g in value)
    if field in _MAPPINGS:
        return {str(k): _item(field, v, path, periods)
                for k, v in _typed(value, Mapping, path).items()}
    if field in _TYPED:
        return _typed(value, _TYPED[field], path)
    if field == "periods":
        return _periods(value, old, path)
    if field in COLLECTIONS:
        raise _fail(path, "add or delete rows, or replace the scenario, to change a whole list")
    raise _fail(path, "cannot be set this way")


def _periods(value: Any, old: Sequence[str], path: EditPath) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or len(value) != len(old):
        raise _fail(path, f"renaming periods keeps their number ({len(old)}); to add or "
                          "remove periods, use InsertPeriod or RemovePeriod")
    labels = tuple(value)
    if not all(isinstance(v, str) for v in labels) or len(set(labels)) != len(labels):
        raise _fail(path, "period labels must be unique text")
    return labels


def _check_unique(scenario: Scenario, collection: str, path: EditPath) -> None:
    if collection in KEYED:
        seen: set[str] = set()
        for row in getattr(scenario, collection):
            if row.id in seen:
                raise _fail(path, f"duplicate {collection[:-1]} id {row.id!r}")
            seen.add(row.id)


def area_of(path: EditPath) -> frozenset[str]:
    """The areas a change at ``path`` touches (renaming periods touches every area)."""
    head = str(path[0]) if path else "periods"
    if head == "periods":
        return frozenset(AREAS)
    return frozenset({head if head in (*COLLECTIONS, "budget", "limits") else "settings"})


@dataclass(frozen=True)
class SetField:
    """Set the value at ``path``; ``None`` clears an optional field or removes a mapping entry."""

    path: EditPath
    value: Any

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        if not self.path:
            raise _fail(self.path, "an empty path names the whole scenario; use ReplaceScenario")
        periods = scenario.periods
        old = get_in(scenario, self.path, periods)
        new = set_in(scenario, self.path, self.value, periods)
        head = str(self.path[0])
        inverse_path = self.path
        if head in KEYED:
            _check_unique(new, head, self.path)
            if len(self.path) == 2 or self.path[2] == "id":  # the row's id may have changed
                i = _row_index(getattr(scenario, head), head, self.path[1], self.path)
                inverse_path = (head, getattr(new, head)[i].id, *self.path[2:])
        parent = self.path[:-1]
        if len(parent) >= 1 and parent[-1] in _MAPPINGS and old is not None and self.value is None:
            # Re-adding a removed entry would append it; restoring the mapping keeps its order.
            return new, SetField(parent, get_in(scenario, parent, periods))
        return new, SetField(inverse_path, old)

    @property
    def areas(self) -> frozenset[str]:
        return area_of(self.path)

    @property
    def label(self) -> str:
        return f"Change {path_text(self.path)}"


@dataclass(frozen=True)
class AddRows:
    """Insert rows into a list; each ``(index, row)`` says where the row ends up (ascending)."""

    collection: str
    rows: tuple[tuple[int, Any], ...]

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        rows = list(_collection(scenario, self.collection))
        indices = [i for i, _ in self.rows]
        if indices != sorted(set(indices)):
            raise _fail((self.collection,), "row indices must be unique and ascending")
        for index, row in self.rows:
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= len(rows):
                raise _fail((self.collection,), f"cannot insert at row {index} of {len(rows)}")
            rows.insert(index, _typed(row, ENTITY_TYPES[self.collection], (self.collection, index)))
        changed: dict[str, Any] = {self.collection: tuple(rows)}
        new = dataclasses.replace(scenario, **changed)
        _check_unique(new, self.collection, (self.collection,))
        return new, DeleteRows(self.collection, tuple(indices))

    @property
    def areas(self) -> frozenset[str]:
        return frozenset({self.collection})

    @property
    def label(self) -> str:
        return f"Add {len(self.rows)} {_noun(self.collection, len(self.rows))}"


@dataclass(frozen=True)
class DeleteRows:
    """Delete the rows at ``indices`` of a list."""

    collection: str
    indices: tuple[int, ...]

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        rows = _collection(scenario, self.collection)
        indices = sorted(set(self.indices))
        for i in indices:
            if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(rows):
                raise _fail((self.collection,), f"no row {i} (there are {len(rows)})")
        gone = set(indices)
        changed: dict[str, Any] = {
            self.collection: tuple(r for i, r in enumerate(rows) if i not in gone)
        }
        new = dataclasses.replace(scenario, **changed)
        return new, AddRows(self.collection, tuple((i, rows[i]) for i in indices))

    @property
    def areas(self) -> frozenset[str]:
        return frozenset({self.collection})

    @property
    def label(self) -> str:
        return f"Delete {len(self.indices)} {_noun(self.collection, len(self.indices))}"


@dataclass(frozen=True)
class ReplaceScenario:
    """Replace the whole scenario (import, or adding and removing periods)."""

    scenario: Scenario

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        _typed(self.scenario, Scenario, ())
        for collection in KEYED:
            _check_unique(self.scenario, collection, (collection,))
        return self.scenario, ReplaceScenario(scenario)

    @property
    def areas(self) -> frozenset[str]:
        return frozenset(AREAS)

    @property
    def label(self) -> str:
        return "Replace the scenario"


@dataclass(frozen=True)
class EditGroup:
    """Several edits applied in order as one (a paste, or a rename that updates references)."""

    edits: tuple[Edit, ...]
    text: str = ""

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        inverses: list[Edit] = []
        for edit in self.edits:
            scenario, inverse = edit.apply(scenario)
            inverses.append(inverse)
        return scenario, EditGroup(tuple(reversed(inverses)), self.text)

    @property
    def areas(self) -> frozenset[str]:
        return frozenset().union(*(e.areas for e in self.edits))

    @property
    def label(self) -> str:
        return self.text or f"{len(self.edits)} changes"


@dataclass(frozen=True)
class RenameId:
    """Rename a vendor, chip or workload and every reference to it, as one edit.

    Setting the id alone (``SetField``) would leave chips naming a vendor that no
    longer exists; a planner renaming a row means the row, wherever it is used.
    References followed: a vendor's chips (``chips[].vendor``); a chip's efficiency
    entries (``workloads[].efficiency`` keys, renamed in place so their order stays)
    and fleet rows (``fleet[].chip``). Nothing refers to a workload. Limits name
    categories, not ids, and a vendor's own cap is on its row, so limits never change.
    Ids inside free-form ``x`` objects, such as the override paths of
    ``x.procure.variants``, are the planner's own data and are not rewritten.

    References that already named ``new`` (a chip typed in before its vendor existed)
    now name the renamed row; the inverse then restores them one by one, otherwise it is
    ``RenameId(collection, new, old)``. Storage writes and audits the rename as the
    single-value edits of :meth:`steps`.
    """

    collection: str
    old: str
    new: str

    def steps(self, scenario: Scenario) -> tuple[SetField, ...]:
        """The rename as single-value edits, in the order they are applied."""
        path: EditPath = (self.collection, self.old, "id")
        if self.collection not in KEYED:
            raise _fail((self.collection,), f"ids are renamed in {', '.join(KEYED)}")
        rows = getattr(scenario, self.collection)
        _row_index(rows, self.collection, self.old, path)
        if not isinstance(self.new, str) or not self.new.strip():
            raise _fail(path, f"a {self.collection[:-1]} id must not be empty")
        if self.new == self.old:
            return ()
        if any(row.id == self.new for row in rows):
            raise _fail(path, f"there is already a {self.collection[:-1]} with id {self.new!r}")
        steps = [SetField(path, self.new)]
        if self.collection == "vendors":
            steps += [SetField(("chips", c.id, "vendor"), self.new)
                      for c in scenario.chips if c.vendor == self.old]
        elif self.collection == "chips":
            for w in scenario.workloads:
                if self.old not in w.efficiency:
                    continue
                if self.new in w.efficiency:
                    raise _fail(("workloads", w.id, "efficiency", self.new),
                                f"already has an entry; remove it before renaming {self.old!r}")
                renamed = {(self.new if k == self.old else k): v for k, v in w.efficiency.items()}
                steps.append(SetField(("workloads", w.id, "efficiency"), renamed))
            steps += [SetField(("fleet", i, "chip"), self.new)
                      for i, f in enumerate(scenario.fleet) if f.chip == self.old]
        return tuple(steps)

    def apply(self, scenario: Scenario) -> tuple[Scenario, Edit]:
        steps = self.steps(scenario)
        new = scenario
        undo: list[Edit] = []
        for step in steps:
            new, inverse = step.apply(new)
            undo.append(inverse)
        reverse = RenameId(self.collection, self.new, self.old)
        if len(reverse.steps(new)) == len(steps):  # nothing else named the new id before
            return new, reverse
        return new, EditGroup(tuple(reversed(undo)), reverse.label)

    @property
    def areas(self) -> frozenset[str]:
        return frozenset(_REFERRED_FROM.get(self.collection, (self.collection,)))

    @property
    def label(self) -> str:
        return f"Rename {self.collection[:-1]} {self.old} to {self.new}"


_REFERRED_FROM = {"vendors": ("vendors", "chips"), "chips": ("chips", "workloads", "fleet"),
                  "workloads": ("workloads",)}


Edit = (SetField | AddRows | DeleteRows | ReplaceScenario | EditGroup | RenameId
        | InsertPeriod | RemovePeriod)


def _collection(scenario: Scenario, name: str) -> tuple[Any, ...]:
    if name not in COLLECTIONS:
        raise _fail((name,), f"not a list of rows (one of {', '.join(COLLECTIONS)})")
    return tuple(getattr(scenario, name))


def _noun(collection: str, count: int) -> str:
    singular, plural = ("fleet entry", "fleet entries") if collection == "fleet" else (
        collection[:-1], collection)
    return singular if count == 1 else plural
