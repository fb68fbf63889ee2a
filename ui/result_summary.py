"""Everything the result view shows that takes time to work out, computed in one pure step.

:func:`summarise` runs on the optimiser's worker thread right after the solve (and
on the GUI thread for a stored result), so that receiving a big result costs the
window only the filling of its tables and charts.
"""

from __future__ import annotations

from dataclasses import dataclass

from procure.domain.model import Scenario
from procure.domain.result import ConstraintReport, Relaxation, Result
from procure.explain import binding_limits, explain, names_of
from procure.exports import prose
from procure.metrics import OutageCase, weakest_outage
from procure.ranking import ranked_limits
from procure.wording import Names, current_limit, relaxation_message
from ui.models.result_series import Series, served_and_demand, spend_by_category_period

LimitRow = tuple[ConstraintReport, str, str, float]  # report, label, sentence, its price


@dataclass(frozen=True)
class ResultSummary:
    """The derived figures of one result, in the planner's language."""

    limits: list[LimitRow]
    explanation: str
    outage: OutageCase | None
    spend: Series
    served: list[tuple[str, list[float], list[float]]]
    shares: list[tuple[str, float]]


def limit_rows(result: Result, scenario: Scenario, lang: str) -> list[LimitRow]:
    """Binding limits, named with the scenario's display names, most expensive first.

    The sentences come from :func:`procure.explain.binding_limits` in ``lang``; in
    Chinese the memo's shorter wording (:mod:`procure.exports.prose`) is used where
    it has one.
    """
    labels = prose.Names(scenario, lang)
    local = ({n.constraint.name: n.effect for n in prose.binding_limits(scenario, result, lang)}
             if lang != "en" else {})
    rows = []
    prices = {r.report.name: r.price for r in ranked_limits(result)}  # as the sentences say
    for report, sentence in binding_limits(result, lang=lang):
        label = labels.constraint(report.name)
        rows.append((report, label[:1].upper() + label[1:], local.get(report.name, sentence),
                     prices.get(report.name, report.shadow_price or 0.0)))
    return rows


def summarise(result: Result, scenario: Scenario, lang: str = "en") -> ResultSummary | None:
    """The summary of a result with a plan; None when there is no plan to summarise."""
    if not result.status.has_plan:
        return None
    names = names_of(result)
    shares = [(names.vendor.get(v, v), s) for v, s in result.share.get("by_vendor", {}).items()]
    return ResultSummary(
        limits=limit_rows(result, scenario, lang),
        explanation=explain(result, lang=lang),
        outage=weakest_outage(scenario, result),
        spend=spend_by_category_period(result, scenario),
        served=served_and_demand(result),
        shares=shares,
    )


def relaxation_text(relaxation: Relaxation, scenario: Scenario | None, lang: str) -> str:
    """The relaxation's sentence in ``lang``: its stored (English) message, or said again."""
    if lang == "en":
        return relaxation.message
    names = Names.of(scenario) if scenario is not None else Names()
    current = current_limit(scenario, relaxation.constraint) if scenario is not None else None
    return relaxation_message(relaxation.constraint, relaxation.relax_by, current, names,
                              lang=lang)
