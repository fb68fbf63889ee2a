"""Running HiGHS (through scipy) on a :class:`LinearProgramme`.

This is the only module that talks to the solver, and the one place where its
status codes are mapped to Procure's. A solve can be stopped from another
thread: when the caller passes ``should_stop``, HiGHS runs in a child process
that is terminated on request (HiGHS, called through scipy, offers no way to
interrupt it in-process); without it, HiGHS runs in this process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import numpy as np

from procure import processes
from procure.errors import Cancelled, OptimisationError
from procure.optimiser.lp import LinearProgramme

POLL_SECONDS = 0.05


class RawStatus(Enum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"  # a plan, but the time limit stopped the search
    INFEASIBLE = "infeasible"
    TIME_LIMIT = "time_limit"
    ERROR = "error"


@dataclass
class RawSolution:
    """What the solver said, in model units."""

    status: RawStatus
    x: np.ndarray | None = None
    duals_ub: np.ndarray | None = None  # d objective / d b_ub, model units
    duals_eq: np.ndarray | None = None
    mip_gap: float | None = None
    message: str = ""


def _linprog(lp: LinearProgramme, options: dict[str, Any], method: str) -> RawSolution:
    from scipy.optimize import linprog

    res = linprog(
        lp.cost, A_ub=lp.a_ub, b_ub=lp.b_ub, A_eq=lp.a_eq, b_eq=lp.b_eq,
        bounds=np.column_stack(lp.bounds()), method=method, options=options,
    )
    if res.status == 0:
        return RawSolution(
            RawStatus.OPTIMAL, res.x, np.asarray(res.ineqlin.marginals),
            None if lp.a_eq is None else np.asarray(res.eqlin.marginals), message=res.message,
        )
    if res.status == 1:
        return RawSolution(RawStatus.TIME_LIMIT, message=res.message)
    if "model error" in str(res.message).lower():
        return RawSolution(RawStatus.ERROR, message=res.message)
    if res.status in (2, 3):
        # Costs are >= 0 on variables >= 0, so the objective is bounded below: HiGHS's
        # "unbounded" (or "infeasible or unbounded" after presolve) can only mean infeasible,
        # which the elastic re-solve then confirms or refutes.
        return RawSolution(RawStatus.INFEASIBLE, message=res.message)
    return RawSolution(RawStatus.ERROR, message=res.message)  # 4: numerical failure


def _milp(lp: LinearProgramme, options: dict[str, Any]) -> RawSolution:
    from scipy.optimize import Bounds, LinearConstraint, milp

    constraints = [LinearConstraint(lp.a_ub, -np.inf, lp.b_ub)]
    if lp.a_eq is not None:
        constraints.append(LinearConstraint(lp.a_eq, lp.b_eq, lp.b_eq))
    res = milp(
        lp.cost, constraints=constraints, integrality=lp.integrality,
        bounds=Bounds(*lp.bounds()), options=options,
    )
    gap = getattr(res, "mip_gap", None)
    if res.status == 0:
        return RawSolution(RawStatus.OPTIMAL, res.x, mip_gap=gap, message=res.message)
    if res.status == 1:
        if res.x is not None:
            return RawSolution(RawStatus.FEASIBLE, res.x, mip_gap=gap, message=res.message)
        return RawSolution(RawStatus.TIME_LIMIT, message=res.message)
    if "model error" in str(res.message).lower():
        return RawSolution(RawStatus.ERROR, message=res.message)
    if res.status in (2, 3):  # see _linprog: unbounded is impossible here
        return RawSolution(RawStatus.INFEASIBLE, message=res.message)
    return RawSolution(RawStatus.ERROR, message=res.message)


def solve_programme(
    lp: LinearProgramme,
    *,
    time_limit: float | None = None,
    mip_gap: float = 1e-6,
    integer: bool | None = None,
    method: str = "highs",
    settings: dict[str, Any] | None = None,
) -> RawSolution:
    """Solve in this process; ``integer`` defaults to whether the LP has integer columns.

    ``settings`` are further HiGHS options (``presolve``, feasibility tolerances), used
    when a plan is solved again because the first answer failed the core's re-check."""
    integer = lp.integrality is not None if integer is None else integer
    if len(lp.cost) == 0:
        return _solve_empty(lp)
    options: dict[str, Any] = dict(settings or {})
    if time_limit is not None:
        options["time_limit"] = max(float(time_limit), 0.01)
    if integer:
        options["mip_rel_gap"] = mip_gap
        return _milp(lp, options)
    return _linprog(lp, options, method)


def _solve_empty(lp: LinearProgramme) -> RawSolution:
    """A plan with nothing to decide (no chips): feasible exactly when every row holds at 0."""
    holds = bool(np.all(lp.b_ub >= -1e-9)) and (lp.b_eq is None or bool(np.all(lp.b_eq == 0)))
    if not holds:
        return RawSolution(RawStatus.INFEASIBLE, message="no variables and a limit that fails")
    n_eq = 0 if lp.a_eq is None else lp.a_eq.shape[0]
    return RawSolution(
        RawStatus.OPTIMAL, np.zeros(0), np.zeros(lp.a_ub.shape[0]), np.zeros(n_eq),
        message="nothing to decide",
    )


def _child(conn: Any, lp: LinearProgramme, kwargs: dict[str, Any]) -> None:
    try:
        conn.send(("ok", solve_programme(lp, **kwargs)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", repr(exc)))
    finally:
        conn.close()


def solve_stoppable(
    lp: LinearProgramme, should_stop: Callable[[], bool], **kwargs: Any
) -> RawSolution:
    """Solve in a child process that is terminated as soon as ``should_stop()`` is true."""
    if should_stop():
        raise Cancelled()
    # Never fork this process: its other threads (Qt's) may hold locks the child would need.
    ctx = processes.context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, lp, kwargs), daemon=True)
    proc.start()
    child.close()
    try:
        while not parent.poll(POLL_SECONDS):
            if should_stop():
                raise Cancelled()
            if not proc.is_alive() and not parent.poll(0):
                raise OptimisationError(
                    f"The solver process ended unexpectedly (exit code {proc.exitcode})."
                )
        kind, payload = parent.recv()
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join(5)
        parent.close()
    if kind != "ok":
        raise OptimisationError(f"The solver failed: {payload}")
    return payload
