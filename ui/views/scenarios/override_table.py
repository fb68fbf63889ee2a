"""The changes (overrides) of a what-if variant as an editable table.

One row per override: the path as text (``chips/910c/supply``), the operation, the
value and an optional range of periods. The core reads each row
(:func:`procure.analysis.overrides.parse_override`) and says what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from procure.analysis.overrides import OPS, Override, parse_override
from procure.domain.model import Scenario
from procure.errors import Problem, ValidationError
from ui.i18n import tr as _tr

PATH, OP, VALUE, FROM, TO = range(5)

OP_LABELS = {
    "set": "set to", "scale": "multiply by", "add": "add", "min": "at most", "max": "at least",
}


def path_hints(s: Scenario) -> list[str]:
    """Paths a planner commonly changes, offered as examples in the path cell."""
    hints = [f"chips/{c.id}/{f}" for c in s.chips[:3] for f in ("price", "supply")]
    hints += [f"workloads/{w.id}/demand" for w in s.workloads[:2]]
    hints += ["budget/per_period", "limits/max_weighted_risk", "limits/outage_coverage"]
    return hints


class OverrideTable(QWidget):
    """Edit a list of :class:`~procure.analysis.overrides.Override`."""

    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._periods = scenario.periods
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("overrideTable")
        self.table.setHorizontalHeaderLabels(
            [_tr("Value to change"), _tr("Operation"), _tr("Value"), _tr("From"), _tr("To")])
        self.table.horizontalHeader().setSectionResizeMode(PATH, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setToolTip(_tr(
            "The path names a value: chips/ID/price, chips/ID/supply, workloads/ID/demand, "
            "vendors/ID/risk, budget/per_period, limits/max_weighted_risk, fleet/0/units; "
            "* for every row (chips/*/price). A list value gives one number per period of "
            "the range."))
        self._hints = path_hints(scenario)
        add = QPushButton(_tr("Add change"), self)
        add.setObjectName("addOverride")
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(_tr("Remove change"), self)
        remove.setObjectName("removeOverride")
        remove.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_overrides(self, overrides: Sequence[Override]) -> None:
        self.table.setRowCount(0)
        for o in overrides:
            value = ", ".join(f"{v:g}" for v in o.value) if isinstance(o.value, tuple) \
                else ("" if o.value is None else
                      f"{o.value:g}" if isinstance(o.value, float) else str(o.value))
            self.add_row("/".join(str(p) for p in o.path), o.op, value, o.start, o.end)

    def add_row(self, path: str = "", op: str = "set", value: str = "",
                start: str | None = None, end: str | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(path)
        if not path and self._hints:
            item.setToolTip(_tr("For example: {examples}").format(
                examples=", ".join(self._hints[:4])))
        self.table.setItem(row, PATH, item)
        ops = QComboBox(self.table)
        for name in OPS:
            ops.addItem(_tr(OP_LABELS[name]), name)
        ops.setCurrentIndex(max(ops.findData(op), 0))
        self.table.setCellWidget(row, OP, ops)
        self.table.setItem(row, VALUE, QTableWidgetItem(value))
        for column, label in ((FROM, start), (TO, end)):
            combo = QComboBox(self.table)
            combo.addItem(_tr("(all)"), None)
            for p in self._periods:
                combo.addItem(p, p)
            combo.setCurrentIndex(max(combo.findData(label), 0) if label else 0)
            self.table.setCellWidget(row, column, combo)
        self.table.setCurrentCell(row, PATH)
        return row

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)

    def overrides(self) -> tuple[Override, ...]:
        """The rows as overrides; a ValidationError names the row that cannot be read.

        Rows left completely empty are skipped.
        """
        out, problems = [], []
        for row in range(self.table.rowCount()):
            path = (self.table.item(row, PATH).text() if self.table.item(row, PATH) else "")
            value = (self.table.item(row, VALUE).text() if self.table.item(row, VALUE) else "")
            if not path.strip() and not value.strip():
                continue
            op = self.table.cellWidget(row, OP).currentData()
            start = self.table.cellWidget(row, FROM).currentData()
            end = self.table.cellWidget(row, TO).currentData()
            try:
                out.append(parse_override(path, op, value, start, end))
            except ValidationError as exc:
                problems += [Problem(_tr("change {n}").format(n=row + 1) + f" ({p.location})",
                                     p.message) for p in exc.problems]
        if problems:
            raise ValidationError(problems, "changes")
        return tuple(out)
