"""Which inputs a result was computed from, so a result is never shown beside other inputs.

A workbook or a memo prints the scenario's inputs (budgets, limits, prices) next to
the result's plan. Given a result of another plan, or of this plan before it was
edited, it would print a 5 bn budget next to 197 bn of capex, marked optimal. So a
result file written by Procure carries the fingerprint of its inputs under
``x.inputs.sha256`` (the same SHA-256 the plan files keep with each stored result,
:func:`procure.storage.codec.scenario_hash`), and :func:`check_matches` refuses a
pair whose fingerprints differ.

A result written before fingerprints existed cannot be proven to match: it is
accepted only when its ids and display names agree with the scenario's, and
:func:`check_matches` says it could not be confirmed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from procure.storage.codec import scenario_hash

KEY = "inputs"


class ResultMismatchError(ProcureError):
    """A result that was not computed from the scenario it is combined with."""

    default_message = "The result was not computed from this scenario."


def stamp(result: Result, scenario: Scenario | None = None, *,
          digest: str | None = None) -> Result:
    """``result`` with the fingerprint of the inputs it was computed from: ``scenario``'s,
    or ``digest`` when it is known already (a plan file stores it with each result)."""
    if digest is None:
        if scenario is None:
            raise ValueError("stamp() needs the scenario or its digest")
        digest = scenario_hash(scenario)
    return replace(result, x={**(result.x or {}), KEY: {"sha256": digest}})


def fingerprint(result: Result) -> str | None:
    """The SHA-256 of the inputs ``result`` was computed from, when it says."""
    inputs = (result.x or {}).get(KEY)
    digest = inputs.get("sha256") if isinstance(inputs, dict) else None
    return digest if isinstance(digest, str) else None


def check_matches(scenario: Scenario, result: Result, *, scenario_name: str = "the scenario",
                  result_name: str = "the result") -> str | None:
    """Raise :class:`ResultMismatchError` unless ``result`` was computed from ``scenario``.

    Returns a note when the match could not be proven (a result without a
    fingerprint whose ids agree), else None. The names are the files, for messages.
    """
    digest = fingerprint(result)
    if digest is not None:
        if digest != scenario_hash(scenario):
            raise ResultMismatchError(
                f"{result_name} was computed from other inputs than {scenario_name} (a "
                f"different plan, or this one before it was changed). Solve it again, e.g. "
                f"`procure solve {scenario_name} -o RESULT.json`, and export that result.")
        return None
    differences = _differences(scenario, result)
    if differences:
        raise ResultMismatchError(
            f"{result_name} does not belong to {scenario_name}: "
            + "; ".join(differences) + ". Solve the scenario again and export that result.")
    return (f"{result_name} does not say which inputs it was computed from (written by an "
            f"older Procure); its chips and periods match {scenario_name}, but its figures "
            f"may not. Solve again to be sure.")


def _differences(scenario: Scenario, result: Result) -> list[str]:
    """What shows that an unstamped result is of another scenario."""
    out = []
    chips = {c.id for c in scenario.chips}
    periods = set(scenario.periods)
    bought = set(result.buy)
    if bought - chips:
        out.append("it buys chips the scenario does not have (" +
                   ", ".join(sorted(bought - chips)) + ")")
    seen = {p for by_period in result.buy.values() for p in by_period}
    if seen - periods:
        out.append("it has periods the scenario does not have (" +
                   ", ".join(sorted(seen - periods)) + ")")
    names: dict[str, Any] = (result.x or {}).get("names") or {}
    currency = names.get("currency")
    if isinstance(currency, str) and currency != scenario.currency_code:
        out.append(f"it is in {currency}, the scenario in {scenario.currency_code}")
    if result.scenario and scenario.name and result.scenario != scenario.name:
        out.append(f"it is of plan {result.scenario!r}, the scenario is {scenario.name!r}")
    return out


def ensure_result_matches(scenario: Scenario, result: Result) -> None:
    """Raise :class:`ProcureError` unless ``result`` plans ``scenario``'s chips and periods."""
    if not result.status.has_plan:
        return
    chips = {c.id for c in scenario.chips}
    periods = set(scenario.periods)
    unknown = sorted(set(result.buy) - chips)
    missing = sorted(chips - set(result.buy))
    bad_periods = sorted({p for per in result.buy.values() for p in per} - periods)
    problems = []
    if unknown:
        problems.append(f"chips not in the scenario: {', '.join(unknown[:5])}")
    if missing:
        problems.append(f"chips of the scenario missing from the result: {', '.join(missing[:5])}")
    if bad_periods:
        problems.append(f"periods not in the scenario: {', '.join(bad_periods[:5])}")
    if problems:
        raise ProcureError(
            f"the result is not a plan of scenario {scenario.display_name!r} "
            f"({'; '.join(problems)})"
        )
