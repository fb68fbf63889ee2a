"""Connect to a team server: the URL and who you are; the password is never stored.

The server address is remembered without any password. The password is asked
each time and only lives in memory while the connection is made.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from procure.services import default_user
from ui.i18n import tr as _tr

PLACEHOLDER = "postgresql+psycopg://planner@db.example.com:5432/procure"


def strip_password(url: str) -> str:
    """``scheme://user:secret@host/db`` -> ``scheme://user@host/db`` (what settings keep)."""
    parts = urlsplit(url.strip())
    if parts.password is None:
        return url.strip()
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{quote(parts.username or '', safe='')}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def with_password(url: str, password: str) -> str:
    """The URL to connect with: ``password`` put into it (never written anywhere)."""
    if not password:
        return url
    parts = urlsplit(strip_password(url))
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = quote(parts.username or "", safe="")
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


class ConnectDialog(QDialog):
    """Asks for the server URL, the user name for the audit log, and the password."""

    def __init__(self, last_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Connect to a team server"))
        self.resize(560, 200)
        self.url = QLineEdit(strip_password(last_url), self)
        self.url.setPlaceholderText(PLACEHOLDER)
        self.user = QLineEdit(default_user(), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        note = QLabel(_tr("The password is used for this connection only and is never saved."),
                      self)
        note.setObjectName("hint")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_tr("Server"), self.url)
        form.addRow(_tr("Your name"), self.user)
        form.addRow(_tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def connection_url(self) -> str:
        return with_password(self.url.text(), self.password.text())

    def remembered_url(self) -> str:
        return strip_password(self.url.text())
