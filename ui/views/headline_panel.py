"""The figures a decision maker asks for first, as a row of cards above the result."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.metrics import OutageCase
from ui import formatting
from ui.i18n import tr as _tr

CATEGORIES = ("imported", "domestic", "in-house")


class FigureCard(QFrame):
    """A title, a big number, and a line of context."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title, self)
        self.title.setObjectName("figureTitle")
        self.value = QLabel("—", self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setObjectName("figureValue")
        self.caption = QLabel("", self)
        self.caption.setObjectName("figureCaption")
        self.caption.setWordWrap(True)
        for label in (self.title, self.caption):
            # Long captions wrap instead of widening their column; the tooltip has it all.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        for label in (self.title, self.value, self.caption):
            layout.addWidget(label)

    def show_figure(self, value: str, caption: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setToolTip(f"{self.title.text()}: {value}" + (f"\n{caption}" if caption else ""))


class HeadlinePanel(QWidget):
    """Total cost, capex, energy, category shares, risk, concentration, outage cover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {
            "total": FigureCard(_tr("Total cost"), self),
            "capex": FigureCard(_tr("Capital spend"), self),
            "energy": FigureCard(_tr("Energy (new units)"), self),
            "imported": FigureCard(_tr("Imported share"), self),
            "domestic": FigureCard(_tr("Domestic share"), self),
            "in-house": FigureCard(_tr("In-house share"), self),
            "risk": FigureCard(_tr("Weighted risk"), self),
            "hhi": FigureCard(_tr("Concentration (HHI)"), self),
            "outage": FigureCard(_tr("Outage coverage"), self),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 5, i % 5)
        for column in range(5):
            grid.setColumnStretch(column, 1)

    def set_result(self, result: Result, scenario: Scenario,
                   outage: OutageCase | None = None) -> None:
        cost = result.cost
        cur = scenario.currency_code
        c = self.cards
        if cost is None:
            for card in c.values():
                card.show_figure("—")
            return
        c["total"].show_figure(formatting.money(result.objective, cur),
                               _tr("capex + energy of new units + shortfall"))
        c["capex"].show_figure(formatting.money(cost.capex, cur))
        c["energy"].show_figure(formatting.money(cost.energy_new, cur),
                                _tr("existing fleet: {m}").format(
                                    m=formatting.money(cost.energy_existing, cur)))
        shares = result.share.get("by_category", {})
        for key in CATEGORIES:
            limit = scenario.limits.category_share.get(key)
            bounds = []
            if limit is not None and limit.min is not None:
                bounds.append(_tr("min {p}").format(p=formatting.percent(limit.min)))
            if limit is not None and limit.max is not None:
                bounds.append(_tr("max {p}").format(p=formatting.percent(limit.max)))
            c[key].show_figure(formatting.percent(shares.get(key, 0.0)), ", ".join(bounds))
        rho = scenario.limits.max_weighted_risk
        c["risk"].show_figure(f"{result.weighted_risk or 0.0:.3f}",
                              _tr("limit {v}").format(v=f"{rho:.3f}") if rho is not None else "")
        c["hhi"].show_figure(f"{result.hhi or 0.0:.3f}", _tr("0 spread out, 1 one vendor"))
        self._show_outage(outage, scenario)

    def _show_outage(self, case: OutageCase | None, scenario: Scenario) -> None:
        required = scenario.limits.outage_coverage
        caption = _tr("required {p}").format(p=formatting.percent(required)) if required else ""
        if case is None:
            self.cards["outage"].show_figure("—", caption)
            return
        vendor = {v.id: v.name or v.id for v in scenario.vendors}.get(case.vendor, case.vendor)
        worst = _tr("worst: without {v}, {p}").format(v=vendor, p=case.period)
        self.cards["outage"].show_figure(formatting.percent(max(case.remaining, 0.0)),
                                         f"{caption}; {worst}" if caption else worst)
