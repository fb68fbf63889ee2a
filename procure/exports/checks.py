"""Guards shared by the workbook and the memo.

A result file passed with the wrong scenario would produce a workbook whose
formulas multiply one plan's units by another plan's prices; refusing the pair
up front is kinder than a plausible-looking wrong document.
"""

from __future__ import annotations

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError


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


def solver_name_of(result: Result) -> str | None:
    """The solver named in the result's extensions (a string, or an object with a name)."""
    solver = (result.x or {}).get("solver")
    if isinstance(solver, dict):
        solver = solver.get("name")
    return solver if isinstance(solver, str) else None
