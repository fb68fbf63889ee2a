"""What the window shows with no plan open: new, open, recent plans, team server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from procure.resources import demo_plan_path, resource_path
from ui.i18n import tr as _tr
from ui.qt_compat import emit


def templates() -> list[Path]:
    folder = resource_path("templates")
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


class StartPage(QWidget):
    """The start page.

    Signals
    -------
    new_requested(object)
        A new plan from this scenario file (a template or the demo).
    open_requested()
        The planner wants to choose a file to open.
    recent_chosen(object)
        A recent plan's path.
    connect_requested()
        The planner wants to connect to a team server.
    """

    new_requested = Signal(object)
    open_requested = Signal()
    recent_chosen = Signal(object)
    connect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_tr("Procure"), self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(_tr("Plan accelerator purchases at the least cost, within your risk "
                              "limits, with every answer explained."), self)
        subtitle.setWordWrap(True)
        self.empty_button = self._button(_tr("New empty plan"),
                                         _tr("Four quarters, one vendor: add chips and "
                                             "workloads"))
        empty = next((p for p in templates() if p.stem == "empty-plan"), None)
        self.empty_button.clicked.connect(lambda: emit(self.new_requested, empty))
        self.demo_button = self._button(_tr("New plan from the demo"),
                                        _tr("A 2026-27 plan with Nvidia, domestic and in-house "
                                            "chips"))
        self.demo_button.clicked.connect(lambda: emit(self.new_requested, demo_plan_path()))
        self.open_button = self._button(_tr("Open…"),
                                        _tr("A .procure plan, or import a scenario .json or an "
                                            "Excel workbook"))
        self.open_button.clicked.connect(self.open_requested)
        self.connect_button = self._button(_tr("Connect to a team server…"),
                                           _tr("Browse and edit the team's shared plans"))
        self.connect_button.clicked.connect(self.connect_requested)
        self.recent = QListWidget(self)
        self.recent.itemActivated.connect(self._on_recent_item_activated)
        recent_label = QLabel(_tr("Recent plans"), self)
        recent_label.setObjectName("sectionTitle")

        actions = QVBoxLayout()
        for button in (self.empty_button, self.demo_button, self.open_button,
                       self.connect_button):
            actions.addWidget(button)
        actions.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(recent_label)
        recent.addWidget(self.recent)
        grid = QGridLayout()
        grid.addLayout(actions, 0, 0)
        grid.addLayout(recent, 0, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(24)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(16)
        column.addLayout(grid, 1)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(900)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addWidget(holder, 1, Qt.AlignmentFlag.AlignHCenter)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setMinimumHeight(38)
        button.setMinimumWidth(260)
        return button

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            if path.exists():
                item = QListWidgetItem(f"{path.name}  —  {path.parent}")
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                item.setToolTip(str(path))
                self.recent.addItem(item)
        if self.recent.count() == 0:
            item = QListWidgetItem(_tr("No recent plans yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _on_recent_item_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            emit(self.recent_chosen, Path(path))
