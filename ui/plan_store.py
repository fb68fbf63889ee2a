"""Persistence behind one small adapter: the window never touches files or databases.

``PlanStore`` is the only class in ``ui`` that calls :mod:`procure.services`. It
holds one open plan (a ``.procure`` file or a plan on a team server), one service
document per variant, and the latest result of each. A new plan, or an imported
scenario, lives in an untitled plan file (see :mod:`ui.unsaved_plans`) until *Save
As* gives it a place, so every edit is saved as it is made from the first one on, and
a crash leaves it to be recovered at the next start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from procure import services
from procure.domain.edits import Edit
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from ui import unsaved_plans

BASE = ""
"""The base scenario's variant name (variants are named copies of it)."""

PLAN_SUFFIX = ".procure"
SCENARIO_SUFFIX = ".json"
WORKBOOK_SUFFIX = ".xlsx"
OPENABLE = (PLAN_SUFFIX, SCENARIO_SUFFIX, WORKBOOK_SUFFIX)


@dataclass(frozen=True)
class Changes:
    """What one operation changed, so each view refreshes only what it shows.

    ``areas`` uses :data:`procure.domain.edits.AREAS`; ``edit`` is the edit that was
    applied, when it is one (views use it to insert or remove rows instead of
    resetting); ``results`` means the result, or whether it is stale, changed.
    """

    areas: frozenset[str] = frozenset()
    results: bool = False
    variant: str = BASE
    edit: Edit | None = None

    @classmethod
    def of(cls, changes: services.Changes, variant: str, edit: Edit | None = None) -> Changes:
        areas = frozenset(a for a in ("settings", "vendors", "chips", "workloads", "fleet",
                                      "budget", "limits") if getattr(changes, a))
        return cls(areas, changes.results, variant, edit)


@dataclass(frozen=True)
class StoredRun:
    """The latest result of a variant and whether its inputs changed since."""

    result: Result
    info: services.ResultInfo

    @property
    def stale(self) -> bool:
        return self.info.stale


class PlanStore:
    """One open plan: its variants, their documents and their latest results."""

    def __init__(self, store: services.Store, plan: services.PlanInfo,
                 untitled_dir: Path | None = None) -> None:
        self._store = store
        self.plan = plan
        self._untitled_dir = untitled_dir
        self._docs: dict[str, services.PlanDocument] = {}
        self._runs: dict[str, StoredRun | None] = {}
        self._moved: dict[str, str | None] = {}  # variants renamed (new name) or removed (None)
        self._changed = False  # since it was created, imported or recovered (untitled only)

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def new(cls, scenario: Scenario) -> PlanStore:
        """A new plan in an untitled plan file (moved by the first Save As)."""
        folder = unsaved_plans.new_folder()
        try:
            doc = services.create_plan_file(unsaved_plans.plan_file(folder), scenario,
                                            name=scenario.display_name)
        except BaseException:
            unsaved_plans.discard(folder)
            raise
        store = cls(doc.store, doc.plan, folder)
        store._docs[BASE] = doc
        return store

    @classmethod
    def recover(cls, folder: Path) -> PlanStore:
        """Open an unsaved plan left by a Procure that ended without closing it.

        It stays untitled (Save As gives it a place) and counts as changed: all it
        holds is work that was never saved.
        """
        store = services.open_store(unsaved_plans.plan_file(folder))
        try:
            plans = services.list_plans(store)
            if not plans:
                raise ProcureError(f"The unsaved plan in {folder} holds no plan.")
            newest = max(plans, key=lambda p: (p.updated_at, p.revision))
            opened = cls(store, newest, folder)
            opened._doc(BASE)
        except BaseException:
            store.close()
            raise
        opened._changed = True
        return opened

    @classmethod
    def open(cls, path: Path) -> PlanStore:
        """Open a plan file; a scenario ``.json`` or an Excel workbook becomes a new plan."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == SCENARIO_SUFFIX:
            from procure.formats.scenario_json import read_scenario

            return cls.new(read_scenario(path))
        if suffix == WORKBOOK_SUFFIX:
            from procure.exports.excel_import import read_workbook

            return cls.new(read_workbook(path))
        store = services.open_store(path)
        try:
            plans = services.list_plans(store)
            if not plans:
                raise ProcureError(f"{path.name} holds no plan.")
            newest = max(plans, key=lambda p: (p.updated_at, p.revision))
            return cls.open_plan(store, newest)
        except BaseException:
            store.close()
            raise

    @classmethod
    def open_plan(cls, store: services.Store, plan: services.PlanInfo) -> PlanStore:
        """Open ``plan`` of an already open store (a file, or a team server)."""
        opened = cls(store, plan)
        opened._doc(BASE)
        return opened

    # --- reading -------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The plan file, or None for an untitled plan or a team server."""
        return None if self._untitled_dir is not None else self._store.path

    @property
    def is_untitled(self) -> bool:
        return self._untitled_dir is not None

    @property
    def has_unsaved_work(self) -> bool:
        """An untitled plan that was edited, optimised or given variants since it was
        created or imported: closing it without Save As loses that work."""
        return self.is_untitled and self._changed

    @property
    def location(self) -> str:
        return self._store.location

    @property
    def is_server(self) -> bool:
        return self._store.kind == "server"

    @property
    def services_store(self) -> services.Store:
        return self._store

    @property
    def read_only(self) -> bool:
        return self._doc(BASE).read_only

    @property
    def read_only_reason(self) -> str | None:
        return self._doc(BASE).read_only_reason

    @property
    def title(self) -> str:
        return self.plan.title

    @property
    def status(self) -> services.PlanStatus:
        return self.plan.status

    def allowed_statuses(self) -> tuple[services.PlanStatus, ...]:
        """The review steps the core accepts from here (the menu offers only these)."""
        return services.allowed_statuses(self._store, self.plan)

    def can_start_revision(self) -> bool:
        return services.can_start_revision(self._store, self.plan)

    def variants(self) -> tuple[str, ...]:
        """Variant names, the base (``""``) first."""
        return self.plan.variants

    def _doc(self, variant: str) -> services.PlanDocument:
        if variant not in self._docs:
            if variant not in self.plan.variants:
                raise ProcureError(f"There is no scenario variant called {variant!r}.")
            self._docs[variant] = services.open_plan(self._store, self.plan, variant=variant)
        return self._docs[variant]

    def scenario(self, variant: str) -> Scenario:
        return self._doc(variant).scenario

    def latest_run(self, variant: str) -> StoredRun | None:
        """The variant's newest stored result; read once, then kept until it changes."""
        if variant not in self._runs:
            stored = services.load_result(self._doc(variant))
            self._runs[variant] = None if stored is None else StoredRun(stored.result,
                                                                        stored.info)
        return self._runs[variant]

    def is_stale(self, variant: str) -> bool:
        run = self.latest_run(variant)
        if run is None:
            return False
        return run.info.scenario_hash != self._doc(variant).scenario_hash()

    def audit_log(self, limit: int | None = 500) -> list[services.AuditEntry]:
        return services.audit_log(self._store, self.plan, limit=limit)

    # --- changing ------------------------------------------------------------------------------

    def apply(self, variant: str, edit: Edit) -> tuple[Changes, Edit]:
        """Save ``edit`` to ``variant``; returns what changed and the edit that undoes it."""
        changes, inverse = services.apply_edit(self._doc(variant), edit)
        self._changed = True
        ui_changes = Changes.of(changes, variant, edit)
        if self._runs.get(variant) is not None:  # the result may have become stale
            ui_changes = replace(ui_changes, results=True)
        return ui_changes, inverse

    def add_variant(self, name: str, source: str = BASE) -> Changes:
        """A named copy of ``source``; names are unique and not empty."""
        name = name.strip()
        if not name:
            raise ProcureError("A scenario variant needs a name.")
        if name in self.plan.variants:
            raise ProcureError(f"There is already a scenario variant called {name!r}.")
        self.plan = services.add_variant(self._store, self.plan, name, from_variant=source)
        self._changed = True
        return Changes(variant=name)

    def rename_variant(self, old: str, new: str) -> Changes:
        """Give variant ``old`` the name ``new`` (the core checks both names)."""
        new = new.strip()
        self.plan = services.rename_variant(self._store, self.plan, old, new)
        self._changed = True
        self._forget(old)
        return Changes(variant=new)

    def remove_variant(self, name: str) -> Changes:
        """Delete variant ``name`` and its results (never the base scenario)."""
        self.plan = services.remove_variant(self._store, self.plan, name)
        self._changed = True
        self._forget(name)
        return Changes(variant=BASE)

    def _forget(self, variant: str) -> None:
        """Drop what is kept of a variant that was renamed or removed: a renamed one is
        opened again under its new name when it is next read."""
        self._docs.pop(variant, None)
        self._runs.pop(variant, None)
        for doc in self._docs.values():
            doc.plan = self.plan  # so their next refresh does not report our own change

    def pop_moved(self) -> dict[str, str | None]:
        """Variants :meth:`refresh` found renamed by someone else (old name -> new name) or
        removed (old name -> None), since the last call."""
        moved, self._moved = self._moved, {}
        return moved

    def set_status(self, status: services.PlanStatus) -> dict[str, Changes]:
        """Move the plan along the review workflow, then catch up with the stored plan.

        Returns what changed per open variant, as :meth:`refresh` does: the documents
        reread the plan so that their ``read_only`` follows the new status (and, in team
        mode, so that edits others saved meanwhile are shown too).
        """
        self.plan = services.set_status(self._store, self.plan, status)
        self._changed = True
        return self.refresh()

    def start_new_revision(self) -> None:
        """Make a draft revision of the approved plan and continue in it.

        Every variant is copied by the core; results are not (they belong to the
        approved revision), so each variant's result is read again, lazily.
        """
        revised = services.new_revision(self._store, self.plan)
        self._changed = True
        self.plan, self._docs, self._runs = revised, {}, {}
        self._doc(BASE)

    def record_result(self, variant: str, scenario: Scenario, result: Result) -> Changes:
        """Store ``result`` as the variant's newest, computed from ``scenario``."""
        return self.adopt_result(variant, result, self.save_result(variant, scenario, result))

    def save_result(self, variant: str, scenario: Scenario,
                    result: Result) -> services.ResultInfo:
        """Write ``result`` to the plan; safe on a worker thread (the store's engine pools
        thread-safe connections and this changes nothing the window reads)."""
        return services.save_result(self._doc(variant), result, scenario)

    def adopt_result(self, variant: str, result: Result,
                     info: services.ResultInfo) -> Changes:
        """Make a stored result the variant's newest (on the GUI thread)."""
        self._runs[variant] = StoredRun(result, info)
        self._changed = True
        return Changes(results=True, variant=variant)

    def refresh(self) -> dict[str, Changes]:
        """Catch up with other people's changes (team mode); what changed per variant.

        Keys are the variants' current names: a variant someone renamed is followed to
        its new name, one someone removed is dropped (see :meth:`pop_moved`).
        """
        out = {}
        docs: dict[str, services.PlanDocument] = {}
        for variant, doc in self._docs.items():
            if variant != BASE and not doc.exists():
                self._runs.pop(variant, None)
                self._moved[variant] = None
                continue
            changes = services.refresh(doc)
            docs[doc.variant] = doc
            if doc.variant != variant:
                self._runs.pop(variant, None)
                self._moved[variant] = doc.variant
            if changes.any:
                self._runs.pop(doc.variant, None)
                out[doc.variant] = Changes.of(changes, doc.variant)
                self.plan = doc.plan
        self._docs = docs
        return out

    # --- saving --------------------------------------------------------------------------------

    def save_as(self, path: Path) -> None:
        """Copy the plan to ``path`` and continue there (the old file stays as it was)."""
        path = Path(path)
        if path.suffix.lower() != PLAN_SUFFIX:
            path = path.with_suffix(PLAN_SUFFIX)
        new_store = services.save_as(self._store, path, overwrite=True)
        old_store, old_dir = self._store, self._untitled_dir
        variants = list(self._docs)
        self._store, self._untitled_dir = new_store, None
        self._docs = {BASE: services.open_plan(new_store, self.plan)}
        self.plan = self._docs[BASE].plan
        self._runs = {}
        for variant in variants:
            self._doc(variant)  # reopen what was open, from the new file
        old_store.close()
        if old_dir is not None:
            unsaved_plans.discard(old_dir)

    def close_keeping_file(self) -> None:
        """Close without removing an untitled plan's folder (a recovery not taken now)."""
        self._store.close()

    def close(self) -> None:
        """Close the file or connection; an untitled plan's temporary file goes with it."""
        self._store.close()
        if self._untitled_dir is not None:
            unsaved_plans.discard(self._untitled_dir)
