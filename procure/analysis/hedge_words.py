"""A hedge's result in a planner's words: the orders to place now and what they buy.

One wording for the command line, the memo and the window, in English or Simplified
Chinese (the sentences are the ``hedge_*`` phrases of :mod:`procure.phrases`), so that
"Hedging costs 1.2 bn CNY more than betting on no ban if nothing happens, and saves
9.8 bn CNY on average" is said the same way everywhere.
"""

from __future__ import annotations

from procure.analysis.hedge import HedgeResult
from procure.analysis.hedge_definition import Hedge
from procure.domain.result import SolveStatus
from procure.phrases import Lang, percent, say, status_name
from procure.wording import Names, quantity

SMALL = 1e-6
NEGLIGIBLE = 1e-7  # relative to the expected cost: a value of hedging below this is zero


def _orders_lines(result: HedgeResult, names: Names, lang: Lang) -> list[str]:
    lines = []
    ref = result.reference.here_and_now or {}
    for chip, by_period in (result.here_and_now or {}).items():
        label = names.chip.get(chip, chip)
        for period, units in by_period.items():
            theirs = ref.get(chip, {}).get(period)
            if units <= SMALL and (theirs is None or theirs <= SMALL):
                continue
            unhedged = ("" if theirs is None
                        else say("hedge_unhedged", lang, units=quantity(theirs)))
            lines.append("  " + say("hedge_order", lang, chip=label, period=period,
                                    units=quantity(units), unhedged=unhedged))
    return lines or ["  " + say("hedge_no_orders", lang)]


def _futures_lines(result: HedgeResult, names: Names, lang: Lang) -> list[str]:
    lines = []
    held = result.reference.objectives
    for f in result.scenarios:
        cost = "-" if f.objective is None else names.money(f.objective, lang)
        theirs = held.get(f.name)
        other = (say("hedge_not_carried", lang) if theirs is None
                 else names.money(theirs, lang))
        lines.append("  " + say("hedge_future", lang, future=f.name,
                                probability=percent(f.probability), cost=cost, other=other,
                                reference=result.reference.name))
    return lines


def _verdict(result: HedgeResult, names: Names, lang: Lang) -> list[str]:
    ref = result.reference
    lines = []
    if ref.expected_cost is None:
        where = say("list_sep", lang).join(repr(n) for n in ref.infeasible_in)
        lines.append(say("hedge_reference_fails", lang, reference=ref.name, where=where))
    elif result.value_of_hedging is not None:
        own = next((f for f in result.scenarios if f.name == ref.name), None)
        extra = None if own is None or own.objective is None or ref.objectives.get(ref.name) \
            is None else own.objective - (ref.objectives[ref.name] or 0.0)
        saving = result.value_of_hedging
        if abs(saving) <= NEGLIGIBLE * max(1.0, abs(result.expected_cost or 0.0)):
            lines.append(say("hedge_reference_as_good", lang, reference=ref.name))
            return lines + _information(result, names, lang)
        key = "hedge_saves" if saving >= 0 else "hedge_costs_more"
        amount = names.money(abs(saving), lang)
        if extra is not None and extra > SMALL:
            key += "_if"
        lines.append(say(key, lang, reference=ref.name, amount=amount,
                         extra=names.money(extra or 0.0, lang)))
    return lines + _information(result, names, lang)


def _information(result: HedgeResult, names: Names, lang: Lang) -> list[str]:
    if result.value_of_perfect_information is None:
        return []
    return [say("hedge_information", lang,
                amount=names.money(result.value_of_perfect_information, lang))]


def hedge_summary(hedge: Hedge, result: HedgeResult, *, lang: Lang = "en") -> list[str]:
    """The lines ``procure hedge`` prints (and the memo and the window say)."""
    names = Names.of(hedge.scenarios[0].scenario)
    names.currency = result.currency
    status = status_name(result.status.value, lang) if lang == "zh" else result.status.value
    title = (say("hedge_title", lang, name=result.name, status=status) if result.name
             else say("hedge_title_unnamed", lang, status=status))
    lines = [title]
    if result.status is SolveStatus.INFEASIBLE:
        lines.append(say("hedge_infeasible", lang, period=result.decide_through))
        lines += [f"  - {c.message}" for c in result.diagnosis]
        return lines
    if result.expected_cost is None:
        error = (result.x or {}).get("error")
        return lines + ([error] if error else [])
    lines.append(say("hedge_orders_now", lang, period=result.decide_through))
    lines += _orders_lines(result, names, lang)
    lines.append(say("hedge_cost_each", lang))
    lines += _futures_lines(result, names, lang)
    line = say("hedge_expected", lang, cost=names.money(result.expected_cost, lang))
    if result.reference.expected_cost is not None:
        line += say("hedge_expected_ref", lang, reference=result.reference.name,
                    cost=names.money(result.reference.expected_cost, lang))
    if result.cvar is not None:
        line += say("hedge_cvar", lang, cost=names.money(result.cvar, lang))
    lines.append(line)
    return lines + _verdict(result, names, lang)


__all__ = ["hedge_summary"]
