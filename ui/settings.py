"""The user's preferences, kept in QSettings so they survive restarts.

One small typed facade keeps the keys and their defaults in one place; widgets
never spell a QSettings key themselves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "Procure"
APPLICATION = "Procure Planner"

LANGUAGES = ("system", "en", "zh_CN")
NUMBER_FORMATS = ("grouped", "plain", "locale")
CURRENCY_DISPLAYS = ("compact", "full", "symbol")
THEMES = ("system", "light", "dark")
MAX_RECENT = 10


class AppSettings:
    """Typed access to the application's QSettings.

    ``QSettings`` with no arguments uses the organisation and application names
    set on the QApplication, so tests can point it at a temporary folder with
    ``QSettings.setPath``.
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(ORGANISATION, APPLICATION)

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = str(self._s.value(key, choices[0]))
        return value if value in choices else choices[0]

    @property
    def language(self) -> str:
        return self._choice("ui/language", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def number_format(self) -> str:
        return self._choice("ui/number_format", NUMBER_FORMATS)

    @number_format.setter
    def number_format(self, value: str) -> None:
        self._s.setValue("ui/number_format", value)

    @property
    def currency_display(self) -> str:
        return self._choice("ui/currency_display", CURRENCY_DISPLAYS)

    @currency_display.setter
    def currency_display(self, value: str) -> None:
        self._s.setValue("ui/currency_display", value)

    @property
    def theme(self) -> str:
        return self._choice("ui/theme", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("ui/theme", value)

    @property
    def server_url(self) -> str:
        """The last team server, without any password (see ``ui.team.connect_dialog``)."""
        return str(self._s.value("team/server_url", ""))

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._s.setValue("team/server_url", value)

    def recent_plans(self) -> list[Path]:
        raw = self._s.value("files/recent", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(p) for p in items if p]

    def add_recent_plan(self, path: Path) -> None:
        """Move ``path`` to the top of the recent list (existing files only are shown)."""
        path = Path(path).resolve()
        items = [p for p in self.recent_plans() if p != path]
        self._s.setValue("files/recent", [str(p) for p in [path, *items][:MAX_RECENT]])

    def remove_recent_plan(self, path: Path) -> None:
        items = [p for p in self.recent_plans() if p != Path(path).resolve()]
        self._s.setValue("files/recent", [str(p) for p in items])

    def window_state(self) -> tuple[bytes | None, bytes | None]:
        geometry = self._s.value("window/geometry")
        state = self._s.value("window/state")
        return geometry, state  # type: ignore[return-value]

    def save_window_state(self, geometry: bytes, state: bytes) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
