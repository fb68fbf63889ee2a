"""Undo commands over data-only edits.

Every change of a plan is a :mod:`procure.domain.edits` edit. ``ApplyEditCommand``
applies it through the document and keeps the inverse the core returns, so undo is
"apply the inverse" and holds no Qt-specific logic. Typing into the same cell again
merges into one step; a paste or a multi-row delete is one macro.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from procure.domain.edits import Edit, SetField
from procure.errors import ProcureError
from ui.qt_compat import emit

if TYPE_CHECKING:
    from ui.document import PlanDocument

MERGE_ID = 0x5052  # "PR": the id of mergeable single-cell edits


class ApplyEditCommand(QUndoCommand):
    """Apply one procure edit on redo, its inverse on undo."""

    def __init__(
        self,
        document: PlanDocument,
        variant: str,
        edit: Edit,
        text: str | None = None,
    ) -> None:
        super().__init__(text or edit.label)
        self._document = document
        self._variant = variant
        self.edit = edit
        self._inverse: Edit | None = None

    def retarget(self, variant: str) -> None:
        """The variant was renamed: its history now applies under the new name."""
        self._variant = variant

    def redo(self) -> None:
        try:
            self._inverse = self._document.apply(self._variant, self.edit)
        except ProcureError as exc:
            # Someone else changed the plan under us (team mode): drop the command.
            self.setObsolete(True)
            emit(self._document.failed, exc)

    def undo(self) -> None:
        if self._inverse is None:
            return
        try:
            self._document.apply(self._variant, self._inverse)
        except ProcureError as exc:
            self.setObsolete(True)
            emit(self._document.failed, exc)

    def id(self) -> int:
        """Single-value edits merge; an id change renames the row, and a change of the
        stored what-ifs (the whole ``x`` object) is a step of its own: neither merges."""
        if isinstance(self.edit, SetField) and self.edit.path[-1:] != ("id",) \
                and tuple(self.edit.path) != ("x",):
            return MERGE_ID
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing into the same cell again is one step: keep the first inverse."""
        if not isinstance(other, ApplyEditCommand) or other._variant != self._variant:
            return False
        mine, theirs = self.edit, other.edit
        if not (isinstance(mine, SetField) and isinstance(theirs, SetField)):
            return False
        if mine.path != theirs.path:
            return False
        self.edit = theirs
        self.setText(other.text())
        return True


class EditMacroCommand(QUndoCommand):
    """Several edits applied as one undo step (a paste, a multi-row delete).

    The edits are applied in order on redo and their inverses in reverse on undo,
    inside one :meth:`PlanDocument.batch`, so views refresh once per step. (Qt child
    commands would do the same, but PySide does not hand the ownership of a child
    command to its parent, and the two then delete it twice.)
    """

    def __init__(self, document: PlanDocument, variant: str, edits: Sequence[Edit],
                 text: str) -> None:
        super().__init__(text)
        self._document = document
        self._variant = variant
        self.edits = tuple(edits)
        self._inverses: list[Edit] = []

    def retarget(self, variant: str) -> None:
        """The variant was renamed: its history now applies under the new name."""
        self._variant = variant

    def redo(self) -> None:
        done: list[Edit] = []
        with self._document.batch():
            try:
                for edit in self.edits:
                    done.append(self._document.apply(self._variant, edit))
            except ProcureError as exc:
                for inverse in reversed(done):  # all or nothing
                    self._document.apply(self._variant, inverse)
                self.setObsolete(True)
                emit(self._document.failed, exc)
                return
        self._inverses = done

    def undo(self) -> None:
        redone: list[Edit] = []
        with self._document.batch():
            try:
                for inverse in reversed(self._inverses):
                    redone.append(self._document.apply(self._variant, inverse))
            except ProcureError as exc:
                for edit in reversed(redone):  # all or nothing, as redo
                    self._document.apply(self._variant, edit)
                self.setObsolete(True)
                emit(self._document.failed, exc)
