"""Applying a diagnosis's relaxations to a scenario.

The GUI's "apply" button and the tests use this: each relaxation names a
constraint and an amount in its right-hand-side units (for share and risk
limits, in units of the limit), and becomes the matching change of the
scenario's inputs. :func:`relaxation_edit` gives that change as the one field
it sets, so the plan's audit log and undo record exactly what moved.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from procure.domain import constraints as K
from procure.domain.edits import EditPath, SetField, get_in, set_in
from procure.domain.model import CategoryShare, Scenario
from procure.domain.result import Relaxation
from procure.errors import ProcureError


def apply_relaxation(s: Scenario, relaxation: Relaxation) -> Scenario:
    """``s`` with one limit moved by ``relaxation.relax_by`` in the relaxing direction.

    Which value moves, and which way, is the row kind's (``relax_path``, ``loosen_up`` in
    :mod:`procure.domain.constraints`); limits in units of a share stay within [0, 1], every
    amount stays >= 0. Outage coverage is one level for all its rows, lowered far enough
    for the named row."""
    kind, ids = _relaxable(relaxation.constraint)
    by = relaxation.relax_by
    try:
        if kind in (K.OUTAGE, K.OUTAGE_GROUP):
            return _lower_outage_coverage(s, ids, by)
        path = kind.path(ids)
        if kind in (K.CATEGORY_MIN, K.CATEGORY_MAX) and ids["category"] not in (
            s.limits.category_share
        ):  # the entry may not exist yet
            s = set_in(s, kind.field_path(ids), CategoryShare(), s.periods)
        current = _current(s, kind, ids, path)
        moved = current + by if kind.loosen_up else current - by
        high = 1.0 if kind.unit in (K.Unit.SHARE, K.Unit.RISK) else math.inf
        return set_in(s, path, min(max(moved, 0.0), high), s.periods)
    except (ValueError, IndexError, TypeError, ProcureError) as exc:
        raise ProcureError(
            f"The relaxation of {relaxation.constraint} does not fit this scenario."
        ) from exc


def _relaxable(constraint: str) -> tuple[K.RowKind, dict[str, str]]:
    try:
        kind, ids = K.parse_name(constraint)
    except (KeyError, ValueError):
        kind = None
    if kind is None or not kind.relaxable:
        raise ProcureError(f"Procure cannot relax {constraint!r} automatically.")
    return kind, ids


def _current(s: Scenario, kind: K.RowKind, ids: dict[str, str], path: EditPath) -> float:
    """The value a relaxation moves, with the meaning an absent value has for that row."""
    if kind is K.VENDOR_SHARE:
        return s.vendor_cap(next(v for v in s.vendors if v.id == ids["vendor"]))
    value = get_in(s, path, s.periods)
    if value is None:  # an absent cap is 1 (shares, risk); an absent amount 0
        return 1.0 if kind.unit in (K.Unit.SHARE, K.Unit.RISK) and kind.loosen_up else 0.0
    return float(value)


def _lower_outage_coverage(s: Scenario, ids: dict[str, str], by: float) -> Scenario:
    """Outage coverage is one number for all rows: lower it enough for this row."""
    workload = next(w for w in s.workloads if w.id == ids["workload"])
    demand = workload.demand[s.periods.index(ids["period"])]
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
    """The scenario field :func:`apply_relaxation` changes for ``constraint`` (for a
    per-period value the whole series, for a category limit its whole entry)."""
    kind, ids = _relaxable(constraint)
    return kind.field_path(ids)


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
