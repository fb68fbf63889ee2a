"""What the storage layer hands out: plain frozen values, never ORM rows.

A GUI thread may keep these as long as it likes; nothing lazy-loads and nothing
is tied to a database session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from procure.domain.result import Result
from procure.errors import StorageError


class PlanStatus(StrEnum):
    """Where a plan is in review; an approved plan is read-only."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


ALLOWED_STATUS_CHANGES = {
    PlanStatus.DRAFT: (PlanStatus.IN_REVIEW,),
    PlanStatus.IN_REVIEW: (PlanStatus.DRAFT, PlanStatus.APPROVED),
    PlanStatus.APPROVED: (),
}


def next_statuses(status: PlanStatus | str) -> tuple[PlanStatus, ...]:
    """The statuses a plan in ``status`` may move to: the one rule both the storage
    layer (which refuses anything else) and the GUI (which offers only these) follow."""
    return ALLOWED_STATUS_CHANGES[PlanStatus(status)]


def needs_new_revision(status: PlanStatus | str) -> bool:
    """Whether a plan in ``status`` changes only through a new revision (it is approved)."""
    return PlanStatus(status) is PlanStatus.APPROVED


@dataclass(frozen=True)
class PlanInfo:
    """One plan revision as the plan list shows it; ``version`` guards status changes."""

    id: int
    name: str
    revision: int
    status: PlanStatus
    parent_revision: int | None
    description: str | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    version: int
    variants: tuple[str, ...]  # "" is the base scenario, first

    @property
    def read_only(self) -> bool:
        return self.status is PlanStatus.APPROVED

    @property
    def title(self) -> str:
        return self.name if self.revision == 1 else f"{self.name} (revision {self.revision})"


@dataclass(frozen=True)
class ResultInfo:
    """A stored result without its content; ``stale`` when the scenario changed since."""

    id: int
    plan_id: int
    variant: str
    computed_at: datetime
    computed_by: str
    scenario_hash: str
    status: str
    objective: float | None
    stale: bool


@dataclass(frozen=True)
class StoredResult:
    """A stored result with its content."""

    info: ResultInfo
    result: Result


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log; ``old`` and ``new`` are the JSON values (None = absent)."""

    id: int
    at: datetime
    user: str
    plan_name: str
    revision: int | None
    variant: str | None
    change_number: int | None
    action: str
    path: str
    old: Any
    new: Any


class ConflictError(StorageError):
    """Someone else changed what this edit would change; nothing was saved.

    ``path`` names the value, ``theirs`` is what it is now, ``by``/``at`` who changed
    it and when (when the audit log knows).
    """

    default_message = "The plan was changed by someone else; your change was not saved."

    def __init__(
        self, message: str | None = None, *, path: str = "", theirs: Any = None,
        by: str | None = None, at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.path, self.theirs, self.by, self.at = path, theirs, by, at
        self.changes: Any = None  # what reloading the plan after the conflict changed


class ReadOnlyError(StorageError):
    """The plan or file cannot be changed here (approved, or open elsewhere for writing)."""


class UpgradeNeeded(StorageError):
    """A plan file from an older Procure that cannot be upgraded in this mode (read-only)."""
