"""A hedge over a plan's stored what-ifs, the base plan being one of the futures.

The Scenarios page and ``procure hedge PLAN --what-if ...`` both start here: each
what-if (``x.procure.variants``, a stress template and/or overrides) becomes a
future, the base plan takes the probability left over, and the earliest news
among the what-ifs suggests the horizon: what must be ordered before any of
them is known is here-and-now.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from procure.analysis.hedge_definition import Hedge, HedgeScenario, ensure_valid_hedge
from procure.analysis.variants import find_variant, stress_case
from procure.analysis.vintages import StressCase
from procure.domain.model import Scenario
from procure.errors import Problem, ValidationError

BASE_NAME = "base plan"


def suggested_decide_through(base: Scenario, what_ifs: Sequence[str]) -> str | None:
    """The period before the earliest event of ``what_ifs`` (None if news comes at once)."""
    events = [stress_case(base, find_variant(base, name)).event for name in what_ifs]
    first = min(events, default=0)
    return base.periods[first - 1] if first > 0 else None


def order_map(case: StressCase) -> dict[tuple[str, str], str | None] | None:
    """Where the stressed future keeps each early order: its vintage copy, or nowhere
    (cancelled by the event: not delivered, not paid, so not linked)."""
    found: dict[tuple[str, str], str | None] = {
        (v.source, v.period): v.chip for v in case.vintages}
    for chip, t in case.cancelled:
        found[(chip, case.scenario.periods[t])] = None
    return found or None


def hedge_from_what_ifs(
    base: Scenario,
    what_ifs: Sequence[tuple[str, float]],
    *,
    base_probability: float | None = None,
    decide_through: str | None = None,
    cvar_alpha: float | None = None,
    cvar_weight: float = 0.0,
    reference: str | None = None,
    unmet_demand_price: float | None = None,
) -> Hedge:
    """The hedge of ``base`` against its what-ifs ``(name, probability)``.

    ``base_probability`` defaults to what the what-ifs leave (it must then be more
    than 0; a base plan given 0 is left out); ``decide_through`` to
    :func:`suggested_decide_through`. ``unmet_demand_price`` (currency per PFLOP/s per
    period) becomes the shortfall penalty of every future that has none, so a shock that
    leaves demand unmet is priced (and counted in the cost) instead of infeasible.
    """
    if unmet_demand_price is not None and base.shortfall_penalty is None:
        base = replace(base, shortfall_penalty=unmet_demand_price)
    names = [name for name, _ in what_ifs]
    problems: list[Problem] = []
    given = math.fsum(p for _, p in what_ifs)
    if base_probability is None:
        base_probability = max(0.0, 1.0 - given)
        if base_probability < 1e-12:
            base_probability = 0.0
    entries = []
    if base_probability != 0.0:
        entries.append(HedgeScenario(BASE_NAME, base_probability, base, "base plan"))
    for i, (name, p) in enumerate(what_ifs):
        case = stress_case(base, find_variant(base, name))
        entries.append(HedgeScenario(name, p, case.scenario, f"what-if {name!r}",
                                     order_map=order_map(case)))
        if name == BASE_NAME:
            problems.append(Problem(f"what_ifs[{i}]", f"{BASE_NAME!r} is the base plan's name"))
    if decide_through is None:
        decide_through = suggested_decide_through(base, names)
        if decide_through is None:
            problems.append(Problem("decide_through", "the what-ifs' news arrives in the first "
                                    "period, so no horizon can be suggested: give one"))
    if problems:
        raise ValidationError(problems, "hedge")
    hedge = Hedge(tuple(entries), decide_through or base.periods[0], base.name, cvar_alpha,
                  cvar_weight, reference)
    return ensure_valid_hedge(hedge)


__all__ = ["BASE_NAME", "hedge_from_what_ifs", "suggested_decide_through"]
