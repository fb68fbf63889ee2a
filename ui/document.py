"""The open plan as the window sees it: current variant, undo stacks, problems, results.

``PlanDocument`` sits between the views and :class:`ui.plan_store.PlanStore`. Views
never change a scenario themselves: they hand an edit to :meth:`PlanDocument.push`,
which puts an :class:`ui.commands.ApplyEditCommand` on the variant's undo stack, and
they refresh when :attr:`PlanDocument.changed` tells them their area changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMetaMethod, QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from procure.domain.edits import AREAS, Edit, EditGroup
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.domain.validation import validate_scenario
from procure.errors import ProcureError
from procure.services import ConflictError, PlanStatus, ReadOnlyError, ResultInfo
from ui.commands import ApplyEditCommand, EditMacroCommand
from ui.i18n import tr as _tr
from ui.plan_store import BASE, Changes, PlanStore, StoredRun
from ui.problem_index import ProblemIndex
from ui.qt_compat import disconnect, emit


class PlanDocument(QObject):
    """One open plan.

    Signals
    -------
    changed(Changes)
        The current variant's inputs changed (after an edit, an undo or a redo).
    variant_switched(str)
        Another variant became current; views reload everything.
    variants_changed()
        A variant was added, renamed or removed.
    result_changed()
        The current variant has a new result (or another variant became current).
        Whether the result is stale can change with any ``changed``.
    problems_changed()
        The validation problems were recomputed.
    failed(object)
        An operation raised; the window shows it with ``show_error``.
    messaged(str)
        A short note for the status bar (a pasted value that could not be read).
    saved()
        The plan moved to a new file (Save As).
    status_changed()
        The plan's review status changed (here, by someone else, or a new revision was
        started); whether it can be edited may have changed with it.
    """

    changed = Signal(object)
    variant_switched = Signal(str)
    variants_changed = Signal()
    result_changed = Signal()
    problems_changed = Signal()
    failed = Signal(object)
    messaged = Signal(str)
    saved = Signal()
    status_changed = Signal()

    def __init__(self, store: PlanStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self._variant = BASE
        self._batch_depth = 0
        self._pending: list[Changes] = []
        self._problems = ProblemIndex(validate_scenario(self.scenario))
        self.undo_group.setActiveStack(self._stack(BASE))

    # --- reading -----------------------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self.store.scenario(self._variant)

    @property
    def variant(self) -> str:
        return self._variant

    @property
    def read_only(self) -> bool:
        """An approved plan, or a file someone else has open, cannot be edited."""
        return bool(getattr(self.store, "read_only", False))

    @property
    def status(self) -> PlanStatus:
        """Where the plan is in review (draft, in review, approved)."""
        return self.store.status

    @property
    def undo_stack(self) -> QUndoStack:
        return self._stack(self._variant)

    @property
    def problems(self) -> ProblemIndex:
        return self._problems

    @property
    def latest_run(self) -> StoredRun | None:
        return self.store.latest_run(self._variant)

    @property
    def is_stale(self) -> bool:
        return self.store.is_stale(self._variant)

    def _stack(self, variant: str) -> QUndoStack:
        if variant not in self._stacks:
            self._stacks[variant] = QUndoStack(self.undo_group)
        return self._stacks[variant]

    # --- edits ---------------------------------------------------------------------------------

    def push(self, edit: Edit, text: str | None = None) -> bool:
        """Apply ``edit`` as one undoable step; False (and ``failed``) if it does not fit."""
        if self._refuse_if_read_only():
            return False
        try:
            edit.apply(self.scenario)  # pure: check before it reaches the undo stack
        except ProcureError as exc:
            emit(self.failed, exc)
            return False
        self.undo_stack.push(ApplyEditCommand(self, self._variant, edit, text))
        return True

    def push_many(self, edits: Sequence[Edit], text: str) -> bool:
        """Apply several edits as one undo step (a paste, a multi-row delete)."""
        if not edits:
            return False
        if len(edits) == 1:
            return self.push(edits[0], text)
        if self._refuse_if_read_only():
            return False
        try:
            EditGroup(tuple(edits)).apply(self.scenario)
        except ProcureError as exc:
            emit(self.failed, exc)
            return False
        self.undo_stack.push(EditMacroCommand(self, self._variant, edits, text))
        return True

    def _refuse_if_read_only(self) -> bool:
        """Say why a read-only plan cannot change, before an edit reaches the undo stack
        (buttons such as "Add vendor" stay enabled; the core would refuse it anyway)."""
        if not self.read_only:
            return False
        reason = self.store.read_only_reason or _tr("This plan is read-only.")
        emit(self.failed, ReadOnlyError(reason))
        return True

    def apply(self, variant: str, edit: Edit) -> Edit:
        """Apply ``edit`` now (commands call this); returns its inverse."""
        try:
            changes, inverse = self.store.apply(variant, edit)
        except ProcureError as exc:
            if getattr(exc, "changes", None) is not None:
                # A conflict: nothing was saved, but the plan was reloaded with the other
                # planner's change, so every view catches up before the dialog shows.
                self._after_change(Changes(frozenset(AREAS), True, variant))
            raise
        self._after_change(changes)
        return inverse

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Coalesce the change signals of several edits into one (macros use this)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                pending, self._pending = self._pending, []
                areas = frozenset().union(*(c.areas for c in pending))
                edit = pending[0].edit if len(pending) == 1 else None
                self._emit_change(Changes(areas, any(c.results for c in pending),
                                          pending[0].variant, edit))

    def _after_change(self, changes: Changes) -> None:
        if self._batch_depth:
            self._pending.append(changes)
        else:
            self._emit_change(changes)

    def _emit_change(self, changes: Changes) -> None:
        if changes.variant != self._variant:
            return  # an undo of another variant's stack is not possible; stay defensive
        self._problems = ProblemIndex(validate_scenario(self.scenario))
        emit(self.changed, changes)
        emit(self.problems_changed)

    # --- variants ------------------------------------------------------------------------------

    def switch_variant(self, name: str) -> None:
        if name == self._variant:
            return
        self.store.scenario(name)  # raises for an unknown name before anything changes
        self._variant = name
        self.undo_group.setActiveStack(self._stack(name))
        self._problems = ProblemIndex(validate_scenario(self.scenario))
        emit(self.variant_switched, name)
        emit(self.problems_changed)
        emit(self.result_changed)

    def add_variant(self, name: str, source: str | None = None) -> bool:
        """Copy ``source`` (default: the current variant) as ``name`` and switch to it."""
        try:
            changes = self.store.add_variant(name, self._variant if source is None else source)
        except ProcureError as exc:
            emit(self.failed, exc)
            return False
        emit(self.variants_changed)
        self.switch_variant(changes.variant)
        return True

    def rename_variant(self, old: str, new: str) -> bool:
        """Rename variant ``old`` to ``new``; its undo history and results go with it."""
        if new.strip() == old:
            return True
        try:
            changes = self.store.rename_variant(old, new)
        except ProcureError as exc:
            self._variant_change_failed(exc)
            return False
        self._follow_moves({old: changes.variant})
        return True

    def remove_variant(self, name: str) -> bool:
        """Delete variant ``name`` and its results; if it was shown, the base is shown next.

        Not undoable (like a solve): the planner confirms first.
        """
        try:
            self.store.remove_variant(name)
        except ProcureError as exc:
            self._variant_change_failed(exc)
            return False
        self._follow_moves({name: None})
        return True

    def _variant_change_failed(self, exc: ProcureError) -> None:
        if isinstance(exc, ConflictError):
            self.refresh()  # show the variants as they are now
        emit(self.failed, exc)

    def _follow_moves(self, moved: dict[str, str | None]) -> None:
        """Keep the undo stacks and the current variant in step with variants renamed
        (old name -> new name) or removed (old name -> None), here or by someone else."""
        if not moved:
            return
        stacks = {old: self._stacks.pop(old, None) for old in moved}  # all out, then back in
        current = self._variant
        for old, new in moved.items():
            stack = stacks[old]
            if new is not None and stack is not None:
                for i in range(stack.count()):
                    command = stack.command(i)
                    if isinstance(command, (ApplyEditCommand, EditMacroCommand)):
                        command.retarget(new)
                self._stacks[new] = stack
            if current == old:
                current = BASE if new is None else new
        switched = current != self._variant
        self._variant = current
        self.undo_group.setActiveStack(self._stack(current))
        for old, new in moved.items():
            stack = stacks[old]
            if new is None and stack is not None:
                self.undo_group.removeStack(stack)
                stack.deleteLater()
        emit(self.variants_changed)
        if switched:
            self._problems = ProblemIndex(validate_scenario(self.scenario))
            emit(self.variant_switched, current)
            emit(self.problems_changed)
            emit(self.result_changed)

    # --- results -------------------------------------------------------------------------------

    def record_result(self, variant: str, scenario: Scenario, result: Result,
                      info: ResultInfo | None = None) -> None:
        """Keep a finished solve's result for ``variant`` (solves are not undoable).

        ``info`` is given when the worker already stored the result.
        """
        try:
            if info is None:
                self.store.record_result(variant, scenario, result)
            else:
                self.store.adopt_result(variant, result, info)
        except ProcureError as exc:
            emit(self.failed, exc)
            return
        if variant == self._variant:
            emit(self.result_changed)

    # --- saving and closing -------------------------------------------------------------------

    def save_as(self, path: Path) -> bool:
        """Move the plan to ``path`` (every edit is already saved where it lives)."""
        try:
            self.store.save_as(path)
        except ProcureError as exc:
            emit(self.failed, exc)
            return False
        emit(self.saved)
        return True

    # --- review workflow ---------------------------------------------------------------------

    def set_status(self, status: PlanStatus) -> bool:
        """Move the plan along draft -> in review -> approved; False (and ``failed``) if the
        core refuses, for instance because someone else changed the status first."""
        before = (self.status, self.read_only)
        try:
            changed = self.store.set_status(status)
        except ProcureError as exc:
            if isinstance(exc, ConflictError):
                self.refresh()  # show the status the other planner chose
            emit(self.failed, exc)
            return False
        self._follow_moves(self.store.pop_moved())  # the store refreshed: as in refresh()
        self._show_refreshed(changed, before)
        return True

    def start_new_revision(self) -> bool:
        """Continue in a new draft revision of the approved plan, on the same variant.

        The undo history is dropped: its steps belong to the approved revision, which
        can no longer change.
        """
        try:
            self.store.start_new_revision()
        except ProcureError as exc:
            emit(self.failed, exc)
            return False
        self._clear_history()
        if self._variant not in self.store.variants():
            self._variant = BASE
        self.undo_group.setActiveStack(self._stack(self._variant))
        self._problems = ProblemIndex(validate_scenario(self.scenario))
        emit(self.variants_changed)
        emit(self.variant_switched, self._variant)  # another plan row: views reload all
        emit(self.status_changed)
        emit(self.problems_changed)
        emit(self.result_changed)
        return True

    def _clear_history(self) -> None:
        for stack in self._stacks.values():
            stack.clear()

    def _show_refreshed(self, changed: dict[str, Changes],
                        before: tuple[PlanStatus, bool]) -> None:
        """Tell the views what a refresh changed, including the review status."""
        if self._variant in changed:
            self._emit_change(changed[self._variant])
            emit(self.result_changed)  # someone may have optimised meanwhile
        if any(c for c in changed.values()):
            emit(self.variants_changed)
        if (self.status, self.read_only) == before:
            return
        if self.read_only != before[1]:
            if self.read_only:
                self._clear_history()  # undoing into an approved plan is refused anyway
            # The models' flags follow read_only at once; reloading every view also closes
            # a cell editor left open on a plan that has just become read-only.
            emit(self.variant_switched, self._variant)
        emit(self.status_changed)

    def refresh(self) -> None:
        """Catch up with other planners' changes (team mode)."""
        before = (self.status, self.read_only)
        try:
            changed = self.store.refresh()
        except ProcureError as exc:
            emit(self.failed, exc)
            return
        self._follow_moves(self.store.pop_moved())  # variants others renamed or removed
        self._show_refreshed(changed, before)

    def detach_views(self) -> None:
        """Cut every connection to this document's signals and to its undo group's.

        A window being rebuilt hands the document to its successor: the old window's
        widgets are only deleted later, and must not hear the new window's edits.
        """
        for sender in (self, self.undo_group):
            meta = sender.metaObject()
            first = QObject.staticMetaObject.methodCount()
            for i in range(first, meta.methodCount()):
                method = meta.method(i)
                if method.methodType() == QMetaMethod.MethodType.Signal \
                        and sender.isSignalConnected(method):
                    disconnect(getattr(sender, bytes(method.name()).decode()))

    def close(self) -> None:
        self.store.close()
