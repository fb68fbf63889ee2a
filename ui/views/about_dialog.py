"""About Procure: version, the libraries it stands on, and their licences."""

from __future__ import annotations

from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from procure import __version__
from ui.i18n import tr as _tr

COMPONENTS = (
    ("Qt", "LGPL-3.0", "https://www.qt.io/licensing/"),
    ("PySide6 (Qt for Python)", "LGPL-3.0", "https://doc.qt.io/qtforpython-6/licenses.html"),
    ("HiGHS", "MIT", "https://highs.dev/"),
    ("SciPy", "BSD-3-Clause", "https://scipy.org/"),
    ("NumPy", "BSD-3-Clause", "https://numpy.org/"),
    ("SQLAlchemy", "MIT", "https://www.sqlalchemy.org/"),
    ("Alembic", "MIT", "https://alembic.sqlalchemy.org/"),
    ("psycopg", "LGPL-3.0", "https://www.psycopg.org/"),
    ("openpyxl", "MIT", "https://openpyxl.readthedocs.io/"),
    ("ReportLab", "BSD-3-Clause", "https://www.reportlab.com/"),
)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


class AboutDialog(QDialog):
    """Version and licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("About Procure"))
        self.resize(560, 460)
        head = QLabel(f"<h2>Procure {__version__}</h2><p>"
                      + _tr("Accelerator procurement planning: the least-cost purchase plan "
                            "within your risk limits, explained.") + "</p>", self)
        head.setWordWrap(True)
        rows = "".join(
            f"<tr><td>{name}</td><td>{licence}</td><td><a href='{url}'>{url}</a></td></tr>"
            for name, licence, url in COMPONENTS
        )
        self.licences = QTextBrowser(self)
        self.licences.setOpenExternalLinks(True)
        components = _tr("Open-source components and their licences")
        own = _tr("Procure itself is proprietary software of its authors.")
        self.licences.setHtml(
            f"<p>Qt {qVersion()}, PySide6 {pyside_version}, SciPy {_version('scipy')}</p>"
            f"<p><b>{components}</b></p><table cellspacing='6'>{rows}</table><p>{own}</p>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
