"""Create or edit a what-if variant: a name, a shock from the templates, and changes.

The dialog stays open until the core accepts the variant
(:func:`procure.analysis.put_variant` checks every parameter against the plan), so
a variant that names an unknown chip or a period outside the plan never reaches
the plan file; the reason is shown in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from procure.analysis import TEMPLATES, Variant, free_name, put_variant, template_from_data
from procure.domain.model import Scenario
from procure.errors import ProcureError, ValidationError
from ui.i18n import tr as _tr
from ui.views.scenarios.override_table import OverrideTable
from ui.views.scenarios.template_form import TemplateForm


def template_title(kind: str) -> str:
    return QCoreApplication.translate("Templates", TEMPLATES[kind].title)


class VariantDialog(QDialog):
    """Edit ``variant`` (None: a new one) of ``base``; :attr:`scenario` holds the outcome."""

    def __init__(self, base: Scenario, variant: Variant | None = None, *,
                 template: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("variantDialog")
        self.setWindowTitle(_tr("Edit what-if") if variant else _tr("New what-if"))
        self.resize(720, 640)
        self.base = base
        self.original = variant
        self.scenario: Scenario | None = None  # the base storing the accepted variant
        self.variant: Variant | None = None
        self._generated = ""
        self.name = QLineEdit(self)
        self.name.setObjectName("variantName")
        self.description = QLineEdit(self)
        self.template = QComboBox(self)
        self.template.setObjectName("templateCombo")
        self.template.addItem(_tr("(no shock: only the changes below)"), "")
        for kind in TEMPLATES:
            self.template.addItem(template_title(kind), kind)
        self.event = QComboBox(self)
        self.event.addItem(_tr("(the shock's own quarter)"), None)
        for p in base.periods:
            self.event.addItem(p, p)
        self.event.setToolTip(_tr("When the news arrives: orders placed before it are kept "
                                  "in the \u201chold\u201d answer."))
        self.form = TemplateForm(self)
        shock = QGroupBox(_tr("Shock parameters"), self)
        QVBoxLayout(shock).addWidget(self.form)
        self.overrides = OverrideTable(base, self)
        changes = QGroupBox(_tr("Changes (applied after the shock)"), self)
        QVBoxLayout(changes).addWidget(self.overrides)
        self.error = QLabel(self)
        self.error.setObjectName("variantError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C00000;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow(_tr("Name"), self.name)
        top.addRow(_tr("Description"), self.description)
        top.addRow(_tr("Shock"), self.template)
        top.addRow(_tr("News arrives"), self.event)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(shock)
        layout.addWidget(changes, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.template.currentIndexChanged.connect(self._on_template_changed)
        self._fill(variant, template)

    def _fill(self, variant: Variant | None, template: str) -> None:
        if variant is None:
            self.template.setCurrentIndex(max(self.template.findData(template), 0))
            self._on_template_changed()
            return
        self.name.setText(variant.name)
        self.description.setText(variant.description or "")
        kind = variant.stress.kind if variant.stress else ""
        self.template.blockSignals(True)
        self.template.setCurrentIndex(max(self.template.findData(kind), 0))
        self.template.blockSignals(False)
        values = variant.stress.to_data() if variant.stress else {}
        self.form.set_template(kind, self.base, values)
        self.event.setCurrentIndex(max(self.event.findData(variant.event), 0)
                                   if variant.event else 0)
        self.overrides.set_overrides(variant.overrides)

    def _on_template_changed(self) -> None:
        kind = self.template.currentData() or ""
        self.form.set_template(kind, self.base)
        # A name the planner has not typed follows the shock ("Export licence requirement").
        if not self.name.text().strip() or self.name.text() == self._generated:
            self.name.setText(free_name(self.base, template_title(kind)) if kind else "")
            self._generated = self.name.text()

    def build(self) -> Variant:
        """The variant the form describes (the core reads every part; errors name it)."""
        data = self.form.data()
        try:
            stress = template_from_data(data) if data is not None else None
        except ValueError as exc:
            raise ProcureError(str(exc)) from exc
        return Variant(self.name.text().strip(), self.overrides.overrides(), stress,
                       self.event.currentData(), self.description.text().strip() or None)

    def accept(self) -> None:
        try:
            variant = self.build()
            replacing = self.original.name if self.original else None
            self.scenario = put_variant(self.base, variant, replacing)
        except ValidationError as exc:
            self._show_error("\n".join(str(p) for p in exc.problems))
            return
        except ProcureError as exc:
            self._show_error(exc.message)
            return
        self.variant = variant
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
