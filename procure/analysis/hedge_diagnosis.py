"""Why no one set of early orders serves every future, in a planner's words.

A future that is infeasible on its own is reported with its own diagnosis (the
limit to relax and by how much). Otherwise every pair of futures is tried with
the early orders shared: a pair that fails is a conflict, and the latest
decision horizon that would let the pair be served is what reconciles it.
When every pair can be served but not all futures together, the conflict is
reported for all of them (a conflict may involve more than two futures).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from procure.analysis.hedge_definition import Hedge
from procure.domain.result import Result
from procure.optimiser.extensive import build_extensive_form
from procure.optimiser.highs import RawSolution, RawStatus
from procure.optimiser.index import index_scenario
from procure.optimiser.lp import LinearProgramme, build_lp
from procure.wording import Names, quantity

Runner = Callable[[LinearProgramme], RawSolution]


@dataclass(frozen=True)
class Conflict:
    """One diagnosis entry: futures that cannot be served together, and why."""

    scenarios: tuple[str, ...]
    message: str
    constraint: str | None = None
    relax_by: float | None = None


def _feasible_together(hedge: Hedge, picks: Sequence[int], through: int, run: Runner) -> bool:
    entries = [hedge.scenarios[i] for i in picks]
    ixs = [index_scenario(e.scenario) for e in entries]
    share = 1.0 / len(entries)
    form = build_extensive_form(ixs, [build_lp(ix) for ix in ixs], [share] * len(entries),
                                through, order_maps=[e.order_map for e in entries])
    raw = run(form.lp)
    return raw.status in (RawStatus.OPTIMAL, RawStatus.FEASIBLE)


def _latest_workable(hedge: Hedge, picks: Sequence[int], run: Runner) -> int | None:
    """The latest horizon before ``decide_through`` at which the futures can share orders."""
    for through in range(hedge.decide_position() - 1, -1, -1):
        if _feasible_together(hedge, picks, through, run):
            return through
    return None


def _own_orders_contrast(hedge: Hedge, alone: Sequence[Result], i: int, j: int) -> str:
    """Where the two futures' own plans differ most in the early orders."""
    a, b = hedge.scenarios[i], hedge.scenarios[j]
    names = Names.of(a.scenario)
    early = a.scenario.periods[: hedge.decide_position() + 1]
    diffs = []
    for chip in (c.id for c in a.scenario.chips if c.id not in a.copies()):
        for p in early:
            ca, cb = a.order_chip(chip, p), b.order_chip(chip, p)
            ua = 0.0 if ca is None else alone[i].buy[ca][p]
            ub = 0.0 if cb is None else alone[j].buy[cb][p]
            if abs(ua - ub) > 1e-6 * max(1.0, abs(ua), abs(ub)):
                diffs.append((abs(ua - ub), chip, p, ua, ub))
    if not diffs:
        return ""
    _, chip, p, ua, ub = max(diffs)
    label = names.chip.get(chip, chip)
    return (f" On its own, {a.name!r} orders {quantity(ua)} {label} in {p} where "
            f"{b.name!r} orders {quantity(ub)}.")


def _pair_message(hedge: Hedge, alone: Sequence[Result], i: int, j: int, run: Runner) -> str:
    a, b = hedge.scenarios[i].name, hedge.scenarios[j].name
    periods = hedge.scenarios[0].scenario.periods
    text = (f"No single set of orders through {hedge.decide_through} lets both {a!r} and "
            f"{b!r} be served: what one future needs ordered early, the other cannot "
            f"take or afford.{_own_orders_contrast(hedge, alone, i, j)}")
    latest = _latest_workable(hedge, (i, j), run)
    if latest is not None:
        return text + (f" Committing orders only through {periods[latest]} would let both "
                       "be served.")
    return text + (" Both can be served only if no order is committed before the news "
                   f"(decide before {periods[0]}), or if a limit of one of them is relaxed.")


def explain_infeasible_hedge(hedge: Hedge, alone: Sequence[Result], run: Runner
                             ) -> list[Conflict]:
    """The diagnosis of an infeasible hedge; ``alone`` are the futures solved on their own."""
    found: list[Conflict] = []
    for entry, result in zip(hedge.scenarios, alone, strict=True):
        if result.status.has_plan:
            continue
        if not result.diagnosis:
            found.append(Conflict((entry.name,), f"{entry.name!r} cannot be served even on "
                                  f"its own ({result.status.value})."))
        for relax in result.diagnosis:
            found.append(Conflict((entry.name,), f"{entry.name!r} cannot be served even on its "
                                  f"own: {relax.message}", relax.constraint, relax.relax_by))
    if found:
        return found
    n = len(hedge.scenarios)
    for i, j in combinations(range(n), 2):
        if not _feasible_together(hedge, (i, j), hedge.decide_position(), run):
            found.append(Conflict((hedge.scenarios[i].name, hedge.scenarios[j].name),
                                  _pair_message(hedge, alone, i, j, run)))
    if found:
        return found
    names = hedge.names
    latest = _latest_workable(hedge, range(n), run)
    periods = hedge.scenarios[0].scenario.periods
    reconcile = (f"Committing orders only through {periods[latest]} would let all be served."
                 if latest is not None else
                 "They can all be served only if no order is committed before the news.")
    listed = ", ".join(repr(x) for x in names)
    return [Conflict(names, f"Any two of {listed} can share orders through "
                            f"{hedge.decide_through}, but not all of them together. {reconcile}")]


__all__ = ["Conflict", "explain_infeasible_hedge"]
