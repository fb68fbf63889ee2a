"""The window's actions, menus and tool bar, declared in one place.

Shortcuts use ``QKeySequence`` standard keys where the platform has one (Ctrl+O,
Ctrl+Z, ...), so Procure feels native on every desktop; F5 optimises, Escape
cancels a running solve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from ui.export_actions import EXPORTS
from ui.i18n import tr as _tr

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Std = QKeySequence.StandardKey
SP = QStyle.StandardPixmap
FALLBACK_KEYS = {Std.Preferences: "Ctrl+,", Std.Quit: "Ctrl+Q"}
"""Keys for standard actions the platform has no binding for (some Linux desktops)."""


@dataclass
class Actions:
    """Every action of the main window, by name."""

    new_empty: QAction
    new_demo: QAction
    open: QAction
    save_as: QAction
    close_plan: QAction
    quit: QAction
    undo: QAction | None
    redo: QAction | None
    copy: QAction
    paste: QAction
    clear: QAction
    settings: QAction
    optimise: QAction
    cancel: QAction
    new_variant: QAction
    show_problems: QAction
    audit_log: QAction
    connect: QAction
    copy_to_server: QAction
    about: QAction
    user_guide: QAction
    submit_for_review: QAction
    approve: QAction
    back_to_draft: QAction
    new_revision: QAction
    exports: dict[str, QAction] = field(default_factory=dict)
    recent_menu: QMenu | None = None
    export_menu: QMenu | None = None
    edit_menu: QMenu | None = None
    plan_only: list[QAction] = field(default_factory=list)
    rename_variant: QAction | None = None  # enabled by the variant switcher, not plan_only
    delete_variant: QAction | None = None


def _action(w: MainWindow, text: str, slot: object,
            shortcut: QKeySequence | Std | str | None = None,
            icon: SP | None = None, tip: str = "") -> QAction:
    action = QAction(text, w)
    if isinstance(shortcut, Std):
        action.setShortcuts(shortcut)  # every platform binding (Ctrl+Y and Ctrl+Shift+Z)
        if not action.shortcuts() and shortcut in FALLBACK_KEYS:
            action.setShortcut(QKeySequence(FALLBACK_KEYS[shortcut]))
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(w.style().standardIcon(icon))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def build_actions(w: MainWindow) -> Actions:
    """Create the actions, wired to the window's slots."""
    a = Actions(
        new_empty=_action(w, _tr("&New Empty Plan"), w.files.new_empty, Std.New,
                          SP.SP_FileIcon),
        new_demo=_action(w, _tr("New Plan from the &Demo"), w.files.new_demo),
        open=_action(w, _tr("&Open…"), w._on_open_triggered, Std.Open, SP.SP_DialogOpenButton,
                     _tr("Open a .procure plan, or import a scenario .json or Excel workbook")),
        save_as=_action(w, _tr("Save &As…"), w._on_save_as_triggered, Std.SaveAs,
                        SP.SP_DialogSaveButton,
                        _tr("Every change is saved as you make it; Save As moves the plan to a "
                            "file of your choice")),
        close_plan=_action(w, _tr("&Close Plan"), w._on_close_plan_triggered, Std.Close),
        quit=_action(w, _tr("&Quit"), w.close, Std.Quit),
        undo=None, redo=None,
        copy=_action(w, _tr("&Copy"), w._on_copy_triggered, Std.Copy),
        paste=_action(w, _tr("&Paste"), w._on_paste_triggered, Std.Paste),
        clear=_action(w, _tr("C&lear Cells"), w._on_clear_triggered, Std.Delete),
        settings=_action(w, _tr("&Settings…"), w._on_settings_triggered, Std.Preferences),
        optimise=_action(w, _tr("&Optimise"), w._on_optimise_triggered, "F5", SP.SP_MediaPlay,
                         _tr("Find the least-cost plan within the limits (F5)")),
        cancel=_action(w, _tr("&Cancel Optimisation"), w._on_cancel_triggered, "Esc",
                       SP.SP_BrowserStop, _tr("Stop the running optimisation (Esc)")),
        new_variant=_action(w, _tr("New Scenario &Variant…"), w._on_new_variant_triggered,
                            "Ctrl+Shift+V", None,
                            _tr("Copy the current scenario under a new name to try changes")),
        show_problems=_action(w, _tr("&Problems"), w._on_show_problems_triggered, "Ctrl+Shift+P"),
        audit_log=_action(w, _tr("&Audit Log…"), w._on_audit_log_triggered, None, None,
                          _tr("Who changed what in this plan")),
        connect=_action(w, _tr("Connect to a &Team Server…"), w._on_connect_triggered),
        copy_to_server=_action(w, _tr("Copy Plan to a Team Server…"),
                               w._on_copy_to_server_triggered),
        about=_action(w, _tr("&About Procure"), w._on_about_triggered),
        user_guide=_action(w, _tr("&User Guide"), w._on_user_guide_triggered, Std.HelpContents),
        submit_for_review=_action(w, _tr("&Submit for Review"), w._on_submit_for_review_triggered,
                                  None, None,
                                  _tr("Ask for the plan to be reviewed (it stays editable)")),
        approve=_action(w, _tr("Approv&e…"), w._on_approve_triggered, None, None,
                        _tr("Approve the plan in review; it becomes read-only")),
        back_to_draft=_action(w, _tr("&Back to Draft"), w._on_back_to_draft_triggered, None,
                              None, _tr("Return the plan in review to its authors")),
        new_revision=_action(w, _tr("New &Revision"), w._on_new_revision_triggered, None, None,
                             _tr("Continue in an editable copy of the approved plan")),
    )
    a.cancel.setIconText(_tr("Cancel"))
    a.cancel.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    a.cancel.setEnabled(False)
    for kind in EXPORTS:
        a.exports[kind.key] = _action(w, QCoreApplication.translate("Exports", kind.label),
                                      lambda _=False, k=kind: w.export(k))
    a.plan_only = [a.save_as, a.close_plan, a.copy, a.paste, a.clear, a.optimise,
                   a.new_variant, a.show_problems, a.audit_log, a.copy_to_server,
                   *a.exports.values()]
    a.rename_variant = _action(w, _tr("&Rename Scenario Variant…"),
                               lambda _=False: w.variants.ask_rename_variant(), None, None,
                               _tr("Give the current scenario variant another name"))
    a.delete_variant = _action(w, _tr("&Delete Scenario Variant…"),
                               lambda _=False: w.variants.ask_delete_variant(), None, None,
                               _tr("Delete the current scenario variant and its results"))
    return a


def build_menus(w: MainWindow, a: Actions) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    file_menu.addActions([a.new_empty, a.new_demo, a.open])
    a.recent_menu = file_menu.addMenu(_tr("Open &Recent"))
    a.recent_menu.aboutToShow.connect(lambda: w.files.fill_recent_menu(a.recent_menu))
    file_menu.addAction(a.save_as)
    a.export_menu = file_menu.addMenu(_tr("&Export"))
    a.export_menu.addActions(list(a.exports.values()))
    file_menu.addSeparator()
    file_menu.addActions([a.connect, a.copy_to_server])
    file_menu.addSeparator()
    file_menu.addActions([a.close_plan, a.quit])
    a.edit_menu = bar.addMenu(_tr("&Edit"))
    plan_menu = bar.addMenu(_tr("&Plan"))
    plan_menu.addActions([a.optimise, a.cancel])
    plan_menu.addSeparator()
    plan_menu.addActions([a.new_variant, a.show_problems, a.audit_log])
    plan_menu.addSeparator()  # the review workflow; ReviewController enables these
    plan_menu.addActions([a.submit_for_review, a.approve, a.back_to_draft, a.new_revision])
    variant_actions = [x for x in (a.rename_variant, a.delete_variant) if x is not None]
    plan_menu.insertActions(a.show_problems, variant_actions)  # after "New Scenario Variant"
    help_menu = bar.addMenu(_tr("&Help"))
    help_menu.addActions([a.user_guide, a.about])


def fill_edit_menu(a: Actions) -> None:
    """The Edit menu, rebuilt when a plan opens (undo and redo follow its stacks)."""
    menu = a.edit_menu
    if menu is None:
        return
    menu.clear()
    if a.undo is not None and a.redo is not None:
        menu.addActions([a.undo, a.redo])
        menu.addSeparator()
    menu.addActions([a.copy, a.paste, a.clear])
    menu.addSeparator()
    menu.addAction(a.settings)


def build_tool_bar(w: MainWindow, a: Actions) -> QToolBar:
    bar = QToolBar(_tr("Main"), w)
    bar.setObjectName("mainToolBar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setMovable(False)
    bar.addActions([a.open, a.save_as])
    bar.addSeparator()
    bar.addActions([a.optimise, a.cancel])
    bar.addSeparator()
    w.addToolBar(bar)
    return bar


def app_icon() -> QIcon:
    from procure.resources import resource_path

    return QIcon(str(resource_path("icons", "procure.svg")))
