"""Small facts about a result that the workbook and the memo both print.

(That a result belongs to its scenario is checked in the core,
:func:`procure.provenance.ensure_result_matches`, which the analyses use too.)
"""

from __future__ import annotations

from procure.domain.result import Result


def solver_name_of(result: Result) -> str | None:
    """The solver named in the result's extensions (a string, or an object with a name)."""
    solver = (result.x or {}).get("solver")
    if isinstance(solver, dict):
        solver = solver.get("name")
    return solver if isinstance(solver, str) else None
