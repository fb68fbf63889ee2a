"""Per-period values as a grid: one row per series, one column per period.

The same model shows chip prices, chip supply, workload demand and the plan's own
series (hours, energy price, PUE, budget per period, power cap); a *row source*
function lists the series of the current scenario. An optional series that is
not set (no supply limit) shows "unlimited"; typing into it sets every period to
that value, which is how a spreadsheet user starts a row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from procure.domain.edits import Edit, SetField
from procure.domain.model import PerPeriod, Scenario
from ui.document import PlanDocument
from ui.i18n import tr as _tr
from ui.models.column import Column, Kind
from ui.models.editing import cell_edits
from ui.models.grid_model import GridModel, Index, number_column
from ui.problem_index import Parts


@dataclass(frozen=True)
class SeriesRow:
    """One per-period field: where it is edited, where validation names it, its values."""

    label: str
    path: tuple[str | int, ...]
    parts: Parts
    values: PerPeriod | None
    optional: bool = False
    kind: Kind = Kind.NUMBER
    empty_text: str = ""
    tooltip: str = ""


def _column_text(text: str) -> str:
    """A label declared with ``QT_TRANSLATE_NOOP("Columns", ...)``."""
    return QCoreApplication.translate("Columns", text) if text else ""


RowSource = Callable[[Scenario], list[SeriesRow]]


def chip_series(field: str, optional: bool = False, kind: Kind = Kind.NUMBER) -> RowSource:
    """Rows for ``chips[].<field>`` (price, supply)."""

    def rows(s: Scenario) -> list[SeriesRow]:
        empty = QT_TRANSLATE_NOOP("Columns", "unlimited") if optional else ""
        return [
            SeriesRow(c.name or c.id, ("chips", c.id, field), ("chips", i, field),
                      getattr(c, field), optional, kind, empty)
            for i, c in enumerate(s.chips)
        ]

    return rows


def workload_demand(s: Scenario) -> list[SeriesRow]:
    return [
        SeriesRow(w.name or w.id, ("workloads", w.id, "demand"), ("workloads", i, "demand"),
                  w.demand)
        for i, w in enumerate(s.workloads)
    ]


PLAN_SERIES = (
    (QT_TRANSLATE_NOOP("Columns", "Capital budget"), ("budget", "per_period"), Kind.MONEY,
     QT_TRANSLATE_NOOP("Columns", "unlimited")),
    (QT_TRANSLATE_NOOP("Columns", "Power cap kW"), ("power_cap_kw",), Kind.NUMBER,
     QT_TRANSLATE_NOOP("Columns", "unlimited")),
    (QT_TRANSLATE_NOOP("Columns", "Hours"), ("hours",), Kind.NUMBER, "0"),
    (QT_TRANSLATE_NOOP("Columns", "Energy price per kWh"), ("energy_price",), Kind.NUMBER, "0"),
    (QT_TRANSLATE_NOOP("Columns", "PUE"), ("pue",), Kind.NUMBER, "1"),
)


def plan_series(s: Scenario) -> list[SeriesRow]:
    """The plan-wide per-period series: budgets, power, energy."""
    rows = []
    for label, path, kind, empty in PLAN_SERIES:
        node: Any = s
        for key in path:
            node = getattr(node, key)
        rows.append(SeriesRow(label, path, path, node, True, kind, empty))
    return rows


class PeriodGridModel(GridModel):
    """Rows from a :data:`RowSource`, columns are the scenario's periods."""

    def __init__(
        self,
        document: PlanDocument,
        source: RowSource,
        areas: frozenset[str],
        parent: QObject | None = None,
    ) -> None:
        self._source = source
        self.areas = areas | {"settings"}  # renaming periods is a settings change
        self._rows = source(document.scenario)
        super().__init__(document, parent)

    def _current_shape(self) -> tuple[int, int]:
        self._rows = self._source(self._document.scenario)
        return len(self._rows), len(self._document.scenario.periods)

    def series(self, row: int) -> SeriesRow:
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return len(self.scenario.periods)

    def row_header(self, row: int) -> str:
        return _column_text(self._rows[row].label)

    def column_header(self, column: int) -> str:
        return self.scenario.periods[column]

    def value(self, row: int, column: int) -> float | None:
        values = self._rows[row].values
        return None if values is None else values[column]

    def empty_text(self, row: int, column: int) -> str:
        text = self._rows[row].empty_text
        return _column_text(text)

    def cell_column(self, row: int, column: int) -> Column:
        series = self._rows[row]
        return number_column(series.kind, series.optional)

    def parts(self, row: int, column: int) -> Parts:
        return (*self._rows[row].parts, self.scenario.periods[column])

    def edit_for(self, index: Index, value: Any) -> Edit | None:
        series = self._rows[index.row()]
        new = self.cell_column(index.row(), index.column()).parse(value)
        if new is None:
            raise ValueError(_tr("To remove this limit, select its whole row and press Delete"))
        if series.values is None:
            # Nothing set yet: the first value typed applies to every period.
            return SetField(series.path, (new,) * len(self.scenario.periods))
        if new == series.values[index.column()]:
            return None
        return SetField((*series.path, self.scenario.periods[index.column()]), new)

    def clear_edits(self, indexes: Sequence[Index]) -> list[Edit]:
        """Delete over whole rows of optional series removes them; other cells become 0."""
        by_row: dict[int, set[int]] = {}
        for index in indexes:
            by_row.setdefault(index.row(), set()).add(index.column())
        edits: list[Edit] = []
        periods = self.scenario.periods
        for row, columns in sorted(by_row.items()):
            series = self._rows[row]
            if series.values is None:
                continue
            if series.optional:
                if len(columns) == len(periods):
                    edits.append(SetField(series.path, None))
                continue
            edits += [
                SetField((*series.path, periods[c]), 0.0)
                for c in sorted(columns) if series.values[c] != 0.0
            ]
        return edits

    def paste_edits(self, cells: Sequence[tuple[Index, str]]) -> tuple[list[Edit], list[str]]:
        """Like typing, except that a row with no values yet takes the pasted values as a
        whole (its other periods get the row's first pasted value)."""
        unset = [(i, t) for i, t in cells if self._rows[i.row()].values is None]
        edits, errors = cell_edits(self, [(i, t) for i, t in cells
                                          if self._rows[i.row()].values is not None])
        by_row: dict[int, dict[int, float]] = {}
        for index, text in unset:
            try:
                value = self.cell_column(index.row(), index.column()).parse(text)
            except ValueError as exc:
                errors.append(str(exc))
                continue
            if value is not None:
                by_row.setdefault(index.row(), {})[index.column()] = value
        n = len(self.scenario.periods)
        for row, values in sorted(by_row.items()):
            first = values[min(values)]
            edits.append(SetField(self._rows[row].path,
                                  tuple(values.get(c, first) for c in range(n))))
        return edits, errors
