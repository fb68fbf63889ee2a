"""Applying a diagnosis's relaxations to a scenario.

The GUI's "apply" button and the tests use this: each relaxation names a
constraint and an amount in its right-hand-side units (for share and risk
limits, in units of the limit), and becomes the matching change of the
scenario's inputs. :func:`relaxation_edit` gives that change as the one field
it sets, so the plan's audit log and undo record exactly what moved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from procure.domain import constraints as K
from procure.domain.edits import EditPath, SetField, get_in
from procure.domain.model import CategoryShare, PerPeriod, Scenario
from procure.domain.result import Relaxation
from procure.errors import ProcureError


def _bump(values: PerPeriod, index: int, delta: float, low: float = 0.0) -> PerPeriod:
    out = list(values)
    out[index] = max(out[index] + delta, low)
    return tuple(out)


def apply_relaxation(s: Scenario, relaxation: Relaxation) -> Scenario:
    """``s`` with one limit moved by ``relaxation.relax_by`` in the relaxing direction."""
    kind, *parts = relaxation.constraint.split(":")
    by = relaxation.relax_by
    try:
        if kind == "budget" and parts == ["total"]:
            return replace(s, budget=replace(s.budget, total=(s.budget.total or 0.0) + by))
        if kind == "budget":
            t = s.periods.index(parts[0])
            per_period = _bump(s.budget.per_period or (0.0,) * len(s.periods), t, by)
            return replace(s, budget=replace(s.budget, per_period=per_period))
        if kind == "power":
            t = s.periods.index(parts[0])
            return replace(s, power_cap_kw=_bump(s.power_cap_kw or (0.0,) * len(s.periods), t, by))
        if kind == "supply":
            t = s.periods.index(parts[1])
            chips = tuple(
                replace(c, supply=_bump(c.supply, t, by)) if c.id == parts[0] and c.supply else c
                for c in s.chips
            )
            return replace(s, chips=chips)
        if kind == "demand":
            t = s.periods.index(parts[1])
            workloads = tuple(
                replace(w, demand=_bump(w.demand, t, -by)) if w.id == parts[0] else w
                for w in s.workloads
            )
            return replace(s, workloads=workloads)
        if kind == "memory":
            t = s.periods.index(parts[1])
            workloads = tuple(
                replace(w, memory_demand=_bump(w.memory_demand, t, -by))
                if w.id == parts[0] and w.memory_demand is not None else w
                for w in s.workloads
            )
            return replace(s, workloads=workloads)
        if kind in ("outage", "outage_group"):
            return _lower_outage_coverage(s, parts, by)
        if kind == "group_share":
            groups = tuple(
                replace(g, max_share=min((1.0 if g.max_share is None else g.max_share) + by, 1.0))
                if g.id == parts[0] else g
                for g in s.risk_groups
            )
            return replace(s, risk_groups=groups)
        if kind == "vendor_share":
            vendors = tuple(
                replace(v, max_share=min(s.vendor_cap(v) + by, 1.0)) if v.id == parts[0] else v
                for v in s.vendors
            )
            return replace(s, vendors=vendors)
        if kind in ("category_min", "category_max"):
            shares = dict(s.limits.category_share)
            share = shares.get(parts[0], CategoryShare())
            if kind == "category_min":
                share = replace(share, min=max((share.min or 0.0) - by, 0.0))
            else:
                share = replace(share, max=min((share.max if share.max is not None else 1.0) + by,
                                               1.0))
            shares[parts[0]] = share
            return replace(s, limits=replace(s.limits, category_share=shares))
        if kind == "weighted_risk":
            rho = s.limits.max_weighted_risk if s.limits.max_weighted_risk is not None else 1.0
            return replace(s, limits=replace(s.limits, max_weighted_risk=min(rho + by, 1.0)))
    except (ValueError, IndexError, TypeError) as exc:
        raise ProcureError(
            f"The relaxation of {relaxation.constraint} does not fit this scenario."
        ) from exc
    raise ProcureError(f"Procure cannot relax {relaxation.constraint!r} automatically.")


def _lower_outage_coverage(s: Scenario, parts: list[str], by: float) -> Scenario:
    """Outage coverage is one number for all rows: lower it enough for this row."""
    workload = next(w for w in s.workloads if w.id == parts[1])
    demand = workload.demand[s.periods.index(parts[2])]
    delta = s.limits.outage_coverage
    if demand > 0:
        delta = max(min(delta, (delta * demand - by) / demand), 0.0)
    return replace(s, limits=replace(s.limits, outage_coverage=delta))


def apply_relaxations(s: Scenario, relaxations: Iterable[Relaxation]) -> Scenario:
    """``s`` with every relaxation applied."""
    for relaxation in relaxations:
        s = apply_relaxation(s, relaxation)
    return s


def _field_of(constraint: str) -> EditPath:
    """The scenario field :func:`apply_relaxation` changes for ``constraint`` (the registry's
    relax path; for a category limit the whole entry, which may not exist yet)."""
    try:
        kind, ids = K.parse_name(constraint)
    except (KeyError, ValueError):
        kind = None
    if kind is None or not kind.relaxable:
        raise ProcureError(f"Procure cannot relax {constraint!r} automatically.")
    return kind.path(ids)


def relaxation_edit(s: Scenario, relaxation: Relaxation) -> SetField:
    """The relaxation as an edit of the one field it moves (same result as
    :func:`apply_relaxation`), so applying it is an exact, auditable, undoable step."""
    relaxed = apply_relaxation(s, relaxation)
    path = _field_of(relaxation.constraint)
    return SetField(path, get_in(relaxed, path, relaxed.periods))


def relaxation_edits(s: Scenario, relaxations: Iterable[Relaxation]) -> list[SetField]:
    """One edit per relaxation, each computed on the scenario the previous ones left."""
    edits = []
    for relaxation in relaxations:
        edit = relaxation_edit(s, relaxation)
        s, _ = edit.apply(s)
        edits.append(edit)
    return edits
