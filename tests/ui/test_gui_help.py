"""F1 shows the user guide inside the application, screenshots included."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QApplication

from ui.views.help_window import HelpWindow, guide_path


def test_f1_opens_the_guide_in_a_window_without_a_desktop_launcher(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    window.actions_.user_guide.trigger()
    helps = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow)]
    assert len(helps) == 1 and helps[0].isVisible()
    assert opened == []  # nothing handed to a launcher that may not exist
    text = helps[0].browser.toPlainText()
    assert "Your work is always saved" in text
    document = helps[0].browser.document()
    image = document.resource(QTextDocument.ResourceType.ImageResource,
                              helps[0].browser.source().resolved("screenshots/start-page.png"))
    assert image is not None and not image.isNull()
    window.actions_.user_guide.trigger()  # F1 again: the same window, raised
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow)]) == 1


def test_the_guide_ships_with_the_application():
    path = guide_path()
    assert path is not None and (path.parent / "screenshots" / "start-page.png").is_file()


def test_the_explanation_tab_is_monospaced(window):
    view = window.workspace.result_view if window.workspace else None
    if view is None:
        window.start_page.demo_button.click()
        view = window.workspace.result_view
    assert view.explanation.font().fixedPitch() or \
        view.explanation.fontInfo().fixedPitch()
