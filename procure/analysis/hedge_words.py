"""A hedge's result in a planner's words: the orders to place now and what they buy.

One wording for the command line now and for the memo and the GUI later, so that
"Hedging costs 1.2 bn CNY more than betting on no ban if nothing happens, and
saves 9.8 bn CNY on average" is said the same way everywhere.
"""

from __future__ import annotations

from procure.analysis.hedge import HedgeResult
from procure.analysis.hedge_definition import Hedge
from procure.domain.result import SolveStatus
from procure.phrases import percent
from procure.wording import Names, money, quantity

SMALL = 1e-6
NEGLIGIBLE = 1e-7  # relative to the expected cost: a value of hedging below this is zero


def _orders_lines(result: HedgeResult, names: Names) -> list[str]:
    lines = []
    ref = result.reference.here_and_now or {}
    for chip, by_period in (result.here_and_now or {}).items():
        label = names.chip.get(chip, chip)
        for period, units in by_period.items():
            theirs = ref.get(chip, {}).get(period)
            if units <= SMALL and (theirs is None or theirs <= SMALL):
                continue
            line = f"  {label}: {quantity(units, 'units')} in {period}"
            if theirs is not None:
                line += f" (unhedged plan: {quantity(theirs)})"
            lines.append(line)
    return lines or ["  nothing: no order needs to be placed this early"]


def _futures_lines(result: HedgeResult, money_of: str) -> list[str]:
    lines = []
    held = result.reference.objectives
    for f in result.scenarios:
        cost = "-" if f.objective is None else money(f.objective, money_of)
        theirs = held.get(f.name)
        other = "cannot be carried through" if theirs is None else money(theirs, money_of)
        lines.append(f"  {f.name} ({percent(f.probability)}): {cost} hedged, "
                     f"{other} betting on {result.reference.name}")
    return lines


def _verdict(result: HedgeResult, money_of: str) -> list[str]:
    ref = result.reference
    lines = []
    if ref.expected_cost is None:
        where = ", ".join(repr(n) for n in ref.infeasible_in)
        lines.append(f"Betting on {ref.name} cannot be carried through if {where} happens: its "
                     "early orders leave no workable plan there, so the value of hedging is "
                     "not a number: the hedge is the only plan that serves every future.")
    elif result.value_of_hedging is not None:
        own = next((f for f in result.scenarios if f.name == ref.name), None)
        extra = None if own is None or own.objective is None or ref.objectives.get(ref.name) \
            is None else own.objective - (ref.objectives[ref.name] or 0.0)
        saving = result.value_of_hedging
        if abs(saving) <= NEGLIGIBLE * max(1.0, abs(result.expected_cost or 0.0)):
            lines.append(f"Betting on {ref.name} is already as good as the hedge on average: "
                         "its early orders hold up in every future.")
            return lines + _information(result, money_of)
        verb = "saves" if saving >= 0 else "costs"
        head = (f"Hedging costs {money(extra, money_of)} more than betting on {ref.name} if "
                f"{ref.name} happens, and " if extra is not None and extra > SMALL else
                "Hedging ")
        lines.append(f"{head}{verb} {money(abs(saving), money_of)} on average.")
    return lines + _information(result, money_of)


def _information(result: HedgeResult, money_of: str) -> list[str]:
    if result.value_of_perfect_information is None:
        return []
    return ["Knowing the future before ordering would be worth "
            f"{money(result.value_of_perfect_information, money_of)} on average "
            "(value of perfect information)."]


def hedge_summary(hedge: Hedge, result: HedgeResult) -> list[str]:
    """The lines ``procure hedge`` prints."""
    names = Names.of(hedge.scenarios[0].scenario)
    cur = result.currency
    title = f"Hedge {result.name!r}: {result.status.value}" if result.name else \
        f"Hedge: {result.status.value}"
    lines = [title]
    if result.status is SolveStatus.INFEASIBLE:
        lines.append(f"No single set of orders through {result.decide_through} serves every "
                     "future:")
        lines += [f"  - {c.message}" for c in result.diagnosis]
        return lines
    if result.expected_cost is None:
        error = (result.x or {}).get("error")
        return lines + ([error] if error else [])
    lines.append(f"Orders to place now (through {result.decide_through}), the same in every "
                 "future:")
    lines += _orders_lines(result, names)
    lines.append("Cost in each future:")
    lines += _futures_lines(result, cur)
    line = f"Expected cost: {money(result.expected_cost, cur)}"
    if result.reference.expected_cost is not None:
        held = money(result.reference.expected_cost, cur)
        line += f" (betting on {result.reference.name}: {held})"
    if result.cvar is not None:
        line += f"; CVaR {money(result.cvar, cur)}"
    lines.append(line)
    return lines + _verdict(result, cur)


__all__ = ["hedge_summary"]
