"""The user guide inside the application (F1): the Markdown rendered, screenshots included.

Opening the guide with the desktop's default program fails where no program is set
up for ``.md`` files (a bare Linux desktop, a locked-down laptop); rendering it here
always works. The guide ships with the application (``procure/_resources/guide`` in
a wheel, ``docs/`` in a source checkout).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from procure.resources import resource_path
from ui.i18n import tr as _tr

GUIDE = "user-guide.md"


def guide_path() -> Path | None:
    """The shipped guide, else the source tree's, else None."""
    for candidate in (resource_path("guide", GUIDE),
                      Path(__file__).resolve().parents[2] / "docs" / GUIDE):
        if candidate.is_file():
            return candidate
    return None


class HelpWindow(QDialog):
    """A non-modal window showing the user guide; links to the web open outside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Procure user guide"))
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        path = guide_path()
        if path is None:
            self.browser.setPlainText(_tr("The user guide is missing from this installation."))
        else:
            # Relative image paths (screenshots/…) resolve against the guide's folder.
            self.browser.setSource(QUrl.fromLocalFile(str(path)),
                                   QTextDocument.ResourceType.MarkdownResource)

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        else:
            self.browser.setSource(url)
