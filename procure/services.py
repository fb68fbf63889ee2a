"""The small API the GUI and the command line call to keep plans.

Every function here is one user action: it takes one short transaction, hands
back domain dataclasses and plain records (never ORM rows, nothing that loads
lazily), and reports what it changed as a :class:`Changes` so that each view
refreshes only what it must. Errors are :class:`~procure.errors.ProcureError`\\ s
with a message meant for the planner: :class:`ConflictError` when someone else
changed the same thing first, :class:`ReadOnlyError` for approved plans and files
open elsewhere, :class:`~procure.errors.StorageError` for anything else.

Typical use::

    store = open_store("fleet-2027.procure")          # or "postgresql+psycopg://..."
    doc = open_plan(store)                             # the only plan, base scenario
    changes, undo = apply_edit(doc, SetField(("chips", "h20", "price", "2026Q2"), 90000))
    apply_edit(doc, undo)                              # back as it was
    store.close()
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from procure.domain.edits import Edit
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.domain.validation import ensure_valid
from procure.errors import Problem, ValidationError
from procure.formats.scenario_json import read_scenario
from procure.storage import audit, edit_writer, plans, results, scenario_io, transfer
from procure.storage.codec import scenario_hash
from procure.storage.document import PlanDocument, open_document
from procure.storage.document import refresh as _refresh
from procure.storage.locations import is_url
from procure.storage.locations import open_store as _open_store
from procure.storage.plan_file import create_plan_file as _create_plan_file
from procure.storage.plan_file import save_as as _save_as
from procure.storage.records import (
    AuditEntry,
    ConflictError,
    PlanInfo,
    PlanStatus,
    ReadOnlyError,
    ResultInfo,
    StoredResult,
    UpgradeNeeded,
    needs_new_revision,
    next_statuses,
)
from procure.storage.store import Store, default_user

__all__ = [
    "AuditEntry", "Changes", "ConflictError", "PlanDocument", "PlanInfo", "PlanStatus",
    "ReadOnlyError", "ResultInfo", "Store", "StoredResult", "add_variant", "allowed_statuses",
    "apply_edit", "audit_log", "can_start_revision", "copy_plan", "create_plan",
    "create_plan_file", "default_user", "list_plans", "list_results",
    "load_result", "load_scenario", "new_revision", "open_plan", "open_store", "refresh",
    "remove_variant", "rename_variant", "save_as", "save_result", "set_status",
]


@dataclass(frozen=True)
class Changes:
    """Which parts of the open plan a call changed; views refresh only where a flag is set."""

    settings: bool = False
    vendors: bool = False
    chips: bool = False
    workloads: bool = False
    fleet: bool = False
    budget: bool = False
    limits: bool = False
    results: bool = False
    plans: bool = False  # the plan list, a status or the variants

    @classmethod
    def of(cls, areas: Iterable[str]) -> Changes:
        names = {f.name for f in fields(cls)}
        return cls(**{area: True for area in areas if area in names})

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


# --- stores ----------------------------------------------------------------------------------

def open_store(
    location: str | Path, *, user: str | None = None, read_only: bool = False,
    create: bool = False,
) -> Store:
    """Open a ``.procure`` file or a ``postgresql+psycopg://`` server.

    A file someone else has open for writing opens read-only (``store.read_only_reason``
    says who); an older file is upgraded after a backup copy (``store.backup_path``).
    """
    return _open_store(location, user=user, read_only=read_only, create=create)


def create_plan_file(
    path: str | Path, scenario: Scenario, *, name: str | None = None, user: str | None = None,
    description: str | None = None,
) -> PlanDocument:
    """Create a new plan file holding one plan, and open it."""
    plan_name = name or scenario.name or Path(path).stem

    def populate(store: Store) -> None:
        create_plan(store, plan_name, scenario, description=description)

    return open_plan(_create_plan_file(Path(path), user=user, populate=populate))


def save_as(store: Store, path: str | Path, *, overwrite: bool = False) -> Store:
    """Copy an open plan file to ``path`` (works while it is being edited) and open the copy.

    The caller closes the old store and opens its documents again from the new one.
    """
    return _open_store(_save_as(store, Path(path), overwrite=overwrite), user=store.user)


# --- plans -----------------------------------------------------------------------------------

def list_plans(store: Store) -> list[PlanInfo]:
    """Every plan revision in the file or on the server."""
    with store.read("list the plans") as conn:
        return plans.list_plans(conn)


def create_plan(
    store: Store, name: str, scenario: Scenario, *, description: str | None = None
) -> PlanInfo:
    """A new draft plan (revision 1) whose base scenario is ``scenario``."""
    with store.write("create the plan") as conn:
        return plans.create_plan(conn, user=store.user, name=name, scenario=scenario,
                                 description=description)


def plan_file_in_use(path: Path) -> bool:
    """Whether another Procure holds the plan file open for writing (or it cannot be told)."""
    from procure.storage.lockfile import LockRefused, WriterLock

    lock = WriterLock(path)
    try:
        holder = lock.acquire("recovery check")
    except (OSError, LockRefused):
        return True  # cannot tell: treat it as in use and leave it alone
    lock.release()
    return holder is not None


def open_plan(
    store: Store, plan: str | PlanInfo | None = None, *, variant: str | None = None,
    revision: int | None = None,
) -> PlanDocument:
    """Open a plan's base scenario (or ``variant``); a name means its latest revision."""
    if not isinstance(plan, PlanInfo):
        with store.read("find the plan") as conn:
            plan = plans.find_plan(conn, plan, revision, where=store.location)
    return open_document(store, plan, variant or "")


def add_variant(
    store: Store, plan: PlanInfo, name: str, scenario: Scenario | None = None, *,
    from_variant: str = "",
) -> PlanInfo:
    """Add a variant: a full copy of ``scenario``, else of the stored ``from_variant``."""
    derived_from = from_variant if scenario is None else None
    with store.write("add the variant") as conn:
        if scenario is None:
            sid = plans.scenario_id(conn, plan.id, from_variant)
            scenario = scenario_io.load(conn, sid).scenario
        return plans.add_variant(conn, user=store.user, plan=plan, name=name, scenario=scenario,
                                 derived_from=derived_from)


def rename_variant(store: Store, plan: PlanInfo, old: str, new: str) -> PlanInfo:
    """Rename variant ``old`` to ``new``; its results go with it (the base has no name).

    ``plan`` is the caller's view: if the plan's status or variants changed since it
    was read, a :class:`ConflictError` asks to look again (as :func:`set_status` does).
    """
    with store.write("rename the variant") as conn:
        return plans.rename_variant(conn, user=store.user, plan=plan, old=old, new=new)


def remove_variant(store: Store, plan: PlanInfo, name: str) -> PlanInfo:
    """Delete variant ``name`` and its stored results (the base scenario cannot go).

    Documents still open on the variant fail their next edit with a
    :class:`ConflictError` saying it was deleted.
    """
    with store.write("remove the variant") as conn:
        return plans.remove_variant(conn, user=store.user, plan=plan, name=name)


def set_status(store: Store, plan: PlanInfo, status: PlanStatus | str) -> PlanInfo:
    """draft -> in_review -> approved (or back to draft from review)."""
    with store.write("change the plan's status") as conn:
        return plans.set_status(conn, user=store.user, plan=plan, status=PlanStatus(status))


def allowed_statuses(store: Store, plan: PlanInfo) -> tuple[PlanStatus, ...]:
    """The statuses :func:`set_status` would accept for ``plan`` in ``store`` as last read.

    A window offers exactly these, so it never shows a step the storage layer refuses;
    a store open read-only (a file someone else is writing) allows none.
    """
    return () if store.read_only else next_statuses(plan.status)


def can_start_revision(store: Store, plan: PlanInfo) -> bool:
    """Whether :func:`new_revision` would accept ``plan``: approved, in a writable store."""
    return not store.read_only and needs_new_revision(plan.status)


def new_revision(store: Store, plan: PlanInfo) -> PlanInfo:
    """A draft copy of an approved plan, recording which revision it came from."""
    with store.write("start a new revision") as conn:
        return plans.new_revision(conn, user=store.user, plan=plan)


def copy_plan(source: Store, plan: PlanInfo, target: Store, *, name: str | None = None) -> PlanInfo:
    """Copy a plan with its variants, results and audit log to another file or server."""
    return transfer.copy_plan(source, plan, target, name=name)


# --- editing ---------------------------------------------------------------------------------

def apply_edit(doc: PlanDocument, edit: Edit) -> tuple[Changes, Edit]:
    """Save one edit; return what changed and the edit that undoes it.

    On a conflict nothing is saved, the document is reloaded, and the
    :class:`ConflictError` carries the reload's :class:`Changes` in ``changes``
    (``None`` when the variant itself was removed, so there is nothing to reload).
    """
    try:
        areas, inverse = edit_writer.apply(doc, edit)
    except ConflictError as exc:
        if doc.exists():
            exc.changes = refresh(doc)
        raise
    except ReadOnlyError:
        refresh(doc)  # the plan may have been approved meanwhile
        raise
    return Changes.of(areas), inverse


def refresh(doc: PlanDocument) -> Changes:
    """Catch up with changes others made to the open plan."""
    areas = _refresh(doc)
    return Changes.of(areas) | Changes(results=True) if areas else Changes()


# --- results and audit -----------------------------------------------------------------------

def save_result(
    doc: PlanDocument, result: Result, solved: Scenario | None = None, *,
    computed_at: datetime | None = None,
) -> ResultInfo:
    """Store a result of solving ``solved`` (default: the document's current scenario)."""
    digest = scenario_hash(solved) if solved is not None else doc.scenario_hash()
    with doc.store.write("store the result") as conn:
        result_id = results.save_result(
            conn, user=doc.store.user, plan=doc.plan, variant=doc.variant,
            scenario_id=doc.scenario_id, result=result, scenario_hash=digest,
            computed_at=computed_at,
        )
        return results.load_result(conn, result_id, doc.scenario_hash()).info


def list_results(doc: PlanDocument) -> list[ResultInfo]:
    """The document's results, newest first; ``stale`` ones were computed from other inputs."""
    with doc.store.read("list the results") as conn:
        return results.list_results(conn, doc.scenario_id, doc.scenario_hash())


def save_hedge_result(doc: PlanDocument, content: dict[str, Any], *, status: str,
                      objective: float | None) -> ResultInfo:
    """Store a hedge's result with the plan (``content`` is its ``procure-hedge-result/1``
    object); it goes stale when the plan, its what-ifs or the hedge definition change."""
    from procure.storage.codec import inputs_hash

    digest = inputs_hash(doc.scenario)
    with doc.store.write("store the hedge") as conn:
        results.save_hedge(conn, user=doc.store.user, plan=doc.plan, variant=doc.variant,
                           scenario_id=doc.scenario_id, content=content, status=status,
                           objective=objective, inputs_hash=digest)
        found = results.latest_hedge(conn, doc.scenario_id, digest)
    assert found is not None
    return found[0]


def load_hedge_result(doc: PlanDocument) -> tuple[ResultInfo, dict[str, Any]] | None:
    """The plan's newest stored hedge (info with ``stale``, and its content), or None."""
    from procure.storage.codec import inputs_hash

    with doc.store.read("read the hedge") as conn:
        return results.latest_hedge(conn, doc.scenario_id, inputs_hash(doc.scenario))


def load_result(doc: PlanDocument, result_id: int | None = None) -> StoredResult | None:
    """One stored result with its content (default: the newest; None if there is none)."""
    current = doc.scenario_hash()
    with doc.store.read("read the result") as conn:
        if result_id is None:
            newest = results.list_results(conn, doc.scenario_id, current)
            if not newest:
                return None
            result_id = newest[0].id
        return results.load_result(conn, result_id, current)


def audit_log(
    store: Store, plan: PlanInfo | None = None, *, limit: int | None = None
) -> list[AuditEntry]:
    """The audit log, newest first: of one plan, or of everything in the store."""
    with store.read("read the audit log") as conn:
        return audit.read_log(conn, plan_id=plan.id if plan else None, limit=limit,
                              newest_first=True)


# --- for the command line --------------------------------------------------------------------

def open_for_reading(location: str | Path) -> Store:
    """Open a file or server to read; an older plan file is upgraded (with a backup) first."""
    try:
        return _open_store(location, read_only=True)
    except UpgradeNeeded:
        return _open_store(location)


def load_scenario(source: str, plan: str | None = None, variant: str | None = None) -> Scenario:
    """A scenario from a ``.json`` file, a ``.procure`` plan file or a database URL.

    ``plan`` names the plan (needed when there is more than one; its latest revision is
    used) and ``variant`` one of its variants (default: the base scenario).
    """
    if not is_url(source) and not _is_plan_file(Path(source)):
        if plan is not None or variant is not None:
            problem = Problem("", "a plan and variant can be chosen in plan files and on "
                                  "servers, not in a JSON scenario")
            raise ValidationError([problem], source)
        return read_scenario(source)
    with open_for_reading(source) as store:
        doc = open_plan(store, plan, variant=variant)
    # Stored rows get the same checks as a JSON file: a tampered plan file must not pass.
    where = f"{source} plan {doc.plan.name!r}" + (f" variant {variant!r}" if variant else "")
    return ensure_valid(doc.scenario, where)


def _is_plan_file(path: Path) -> bool:
    if path.suffix.lower() == ".procure":
        return True
    if not path.is_file():  # a pipe or device is never opened here (the readers refuse it)
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
