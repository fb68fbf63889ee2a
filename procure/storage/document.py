"""An open plan variant as a GUI window holds it: the scenario last seen, and row identities.

A :class:`PlanDocument` is a plain object (no session, no ORM rows). It always
equals the stored scenario as of its ``change_count``; edits go through
:func:`procure.storage.edit_writer.apply` and keep it that way, and
:func:`refresh` catches up with other people's changes.
"""

from __future__ import annotations

from sqlalchemy import select

from procure.domain.edits import AREAS
from procure.domain.model import Scenario
from procure.storage import plans, scenario_io
from procure.storage.codec import scenario_hash
from procure.storage.records import PlanInfo
from procure.storage.scenario_io import Loaded
from procure.storage.schema import scenario_t
from procure.storage.store import Store


class PlanDocument:
    """One variant of one plan, open in one store."""

    def __init__(self, store: Store, plan: PlanInfo, variant: str, scenario_id: int,
                 loaded: Loaded) -> None:
        self.store = store
        self.plan = plan
        self.variant = variant
        self.scenario_id = scenario_id
        self._hash: tuple[int, str] | None = None
        self.adopt(loaded)

    def adopt(self, loaded: Loaded) -> None:
        """Take a freshly read state (internal: used by loading and the edit writer)."""
        self.loaded = loaded

    @property
    def scenario(self) -> Scenario:
        return self.loaded.scenario

    @property
    def change_count(self) -> int:
        return self.loaded.change_count

    @property
    def read_only(self) -> bool:
        return self.store.read_only or self.plan.read_only

    @property
    def read_only_reason(self) -> str | None:
        if self.store.read_only:
            return self.store.read_only_reason
        if self.plan.read_only:
            return f"Plan {self.plan.title!r} is approved; start a new revision to change it."
        return None

    def exists(self) -> bool:
        """Whether the variant is still stored (someone may have removed it)."""
        with self.store.read("look for the variant") as conn:
            return conn.execute(select(scenario_t.c.id)
                                .where(scenario_t.c.id == self.scenario_id)).first() is not None

    def scenario_hash(self) -> str:
        """The hash results are compared with; computed once per change."""
        if self._hash is None or self._hash[0] != self.change_count:
            self._hash = (self.change_count, scenario_hash(self.scenario))
        return self._hash[1]

    def __repr__(self) -> str:
        variant = f" variant {self.variant!r}" if self.variant else ""
        return f"<PlanDocument {self.plan.title!r}{variant} in {self.store.location}>"


def open_document(store: Store, plan: PlanInfo, variant: str = "") -> PlanDocument:
    """Load one variant (``""``: the base scenario) of ``plan`` in one read transaction."""
    with store.read("open the plan") as conn:
        info = plans.plan_info(conn, plan.id)
        sid = plans.scenario_id(conn, plan.id, variant)
        loaded = scenario_io.load(conn, sid)
    return PlanDocument(store, info, variant, sid, loaded)


def changed_areas(old: Scenario, new: Scenario) -> frozenset[str]:
    """Which areas differ between two scenarios (for views to refresh)."""
    if old.periods != new.periods:
        return frozenset(AREAS)
    changed = {a for a in ("vendors", "chips", "workloads", "fleet", "budget", "limits")
               if getattr(old, a) != getattr(new, a)}
    settings = ("name", "currency", "hours", "energy_price", "pue", "power_cap_kw",
                "shortfall_penalty", "integer", "x")
    if any(getattr(old, f) != getattr(new, f) for f in settings):
        changed.add("settings")
    return frozenset(changed)


def refresh(doc: PlanDocument) -> frozenset[str]:
    """Catch up with changes made elsewhere; return the areas that changed."""
    with doc.store.read("reload the plan") as conn:
        info = plans.plan_info(conn, doc.plan.id)
        loaded = scenario_io.load(conn, doc.scenario_id)
        # Someone may have renamed the variant: the row (and this document) stay the same.
        variant = conn.execute(select(scenario_t.c.variant)
                               .where(scenario_t.c.id == doc.scenario_id)).scalar_one()
    old = doc.scenario
    status_changed = info.status != doc.plan.status or info.variants != doc.plan.variants
    doc.plan = info
    doc.variant = variant
    doc.adopt(loaded)
    return changed_areas(old, loaded.scenario) | ({"plans"} if status_changed else set())
