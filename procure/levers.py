"""The diagnosis one limit at a time, as a result carries it (see
:mod:`procure.optimiser.single_lever`, which computes it).

Kept apart from the optimiser so that ``procure explain``, the window and the memo
read it without importing scipy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from procure.domain.constraints import find_kind
from procure.domain.result import Relaxation

KEY = "single_levers"
"""Where the levers travel in a result's ``x`` (a list of :meth:`Lever.to_data`)."""

Limit = tuple[str, ...]
"""A limit as the planner sets it: the scenario field its rows relax (``("budget",
"total")``, ``("chips", "h20", "supply")``)."""


@dataclass(frozen=True)
class Lever:
    """One limit and the change of it alone that makes the plan feasible.

    ``changes`` is empty when no change of this limit alone is enough.
    """

    limit: Limit
    rows: tuple[str, ...]  # the limit's rows in the combined diagnosis (to name it)
    changes: tuple[Relaxation, ...]

    @property
    def enough_alone(self) -> bool:
        return bool(self.changes)

    def to_data(self) -> dict[str, Any]:
        return {
            "limit": list(self.limit),
            "rows": list(self.rows),
            "enough_alone": self.enough_alone,
            "changes": [{"constraint": r.constraint, "relax_by": r.relax_by,
                         "message": r.message} for r in self.changes],
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Lever:
        changes = tuple(Relaxation(str(c["constraint"]), float(c["relax_by"]),
                                   str(c.get("message", ""))) for c in data.get("changes", ()))
        return cls(tuple(str(p) for p in data.get("limit", ())),
                   tuple(str(r) for r in data.get("rows", ())), changes)


def limit_of(row: str) -> Limit:
    """The limit a row belongs to: rows of one limit move together in a single lever."""
    kind = find_kind(row)
    if kind is None or not kind.relax_path:
        return (row,)
    return kind.path(kind.parse(row))


def levers_of(x: Mapping[str, Any] | None) -> list[Lever]:
    """The levers stored in a result's ``x``, those enough alone first (none for a
    result computed without them)."""
    levers = [Lever.from_data(item) for item in (x or {}).get(KEY, ())]
    return sorted(levers, key=lambda lever: not lever.enough_alone)
