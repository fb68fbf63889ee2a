"""The ``procure-result/1`` and ``/2`` files: writing a result and reading it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from procure.domain.result import (
    RESULT_FORMATS,
    ConstraintReport,
    Cost,
    Relaxation,
    Result,
    SolveStatus,
)
from procure.errors import Problem, ValidationError
from procure.formats import strict_json
from procure.fs import atomic_write_text


def _cost_data(cost: Cost) -> dict[str, float]:
    return {
        "capex": cost.capex,
        "energy_new": cost.energy_new,
        "energy_existing": cost.energy_existing,
        "shortfall_penalty": cost.shortfall_penalty,
    }


def _cost_from(data: Any) -> Cost:
    return Cost(
        capex=float(data["capex"]),
        energy_new=float(data["energy_new"]),
        energy_existing=float(data["energy_existing"]),
        shortfall_penalty=float(data.get("shortfall_penalty", 0.0)),
    )


def result_to_data(result: Result) -> dict[str, Any]:
    """The JSON object of ``result``, with the spec's keys in the spec's order."""
    cost = result.cost
    cost_data: dict[str, Any] | None = None
    if cost is not None:
        cost_data = _cost_data(cost)
        if result.version >= 2:  # always present in a /2 result
            cost_data["present_value"] = _cost_data(result.present_value or cost)
    out: dict[str, Any] = {
        "format": result.format,
        "scenario": result.scenario,
        "status": result.status.value,
        "objective": result.objective,
        "cost": cost_data,
        "buy": result.buy,
        "in_service": result.in_service,
        "assign": result.assign,
    }
    if result.shortfall is not None:
        out["shortfall"] = result.shortfall
    out.update({
        "spend": result.spend,
        "share": result.share,
        "weighted_risk": result.weighted_risk,
        "hhi": result.hhi,
        "constraints": [
            {
                "name": c.name,
                "lhs": c.lhs,
                "rhs": c.rhs,
                "slack": c.slack,
                "shadow_price": c.shadow_price,
                "binding": c.binding,
            }
            for c in result.constraints
        ],
        "diagnosis": [
            {"constraint": d.constraint, "relax_by": d.relax_by, "message": d.message}
            for d in result.diagnosis
        ],
    })
    if result.sensitivity is not None:
        out["sensitivity"] = result.sensitivity
    if result.x is not None:
        out["x"] = result.x
    return out


def dumps_result(result: Result) -> str:
    return strict_json.dumps(result_to_data(result))


def write_result(result: Result, path: str | Path) -> None:
    """Write ``result`` atomically."""
    atomic_write_text(Path(path), dumps_result(result))


def result_from_data(data: Any, source: str | None = None) -> Result:
    """Rebuild a :class:`Result` from its JSON object; raise ValidationError if it is not one."""
    if not isinstance(data, dict):
        raise ValidationError([Problem("", "a result file must hold a JSON object")], source)
    problems: list[Problem] = []
    versions = {name: version for version, name in RESULT_FORMATS.items()}
    if data.get("format") not in versions:
        known = " or ".join(repr(f) for f in versions)
        problems.append(Problem("format", f"must be {known}, got {data.get('format')!r}"))
        raise ValidationError(problems, source)
    try:
        status = SolveStatus(data.get("status"))
    except ValueError:
        problems.append(Problem("status", f"unknown status {data.get('status')!r}"))
        raise ValidationError(problems, source) from None
    cost_data = data.get("cost")
    try:
        cost = None if cost_data is None else _cost_from(cost_data)
        present = (None if cost_data is None or cost_data.get("present_value") is None
                   else _cost_from(cost_data["present_value"]))
        constraints = tuple(
            ConstraintReport(
                name=str(c["name"]),
                lhs=float(c["lhs"]),
                rhs=float(c["rhs"]),
                slack=float(c["slack"]),
                shadow_price=None if c.get("shadow_price") is None else float(c["shadow_price"]),
                binding=bool(c["binding"]),
            )
            for c in data.get("constraints", [])
        )
        diagnosis = tuple(
            Relaxation(str(d["constraint"]), float(d["relax_by"]), str(d.get("message", "")))
            for d in data.get("diagnosis", [])
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problems.append(Problem("", f"malformed result: {exc!r}"))
        raise ValidationError(problems, source) from exc
    objective = data.get("objective")
    return Result(
        scenario=str(data.get("scenario", "")),
        status=status,
        objective=None if objective is None else float(objective),
        cost=cost,
        buy=data.get("buy") or {},
        in_service=data.get("in_service") or {},
        assign=data.get("assign") or {},
        shortfall=data.get("shortfall"),
        spend=data.get("spend") or {},
        share=data.get("share") or {},
        weighted_risk=data.get("weighted_risk"),
        hhi=data.get("hhi"),
        constraints=constraints,
        diagnosis=diagnosis,
        x=data.get("x"),
        version=versions[data["format"]],
        present_value=present,
        sensitivity=data.get("sensitivity"),
    )


def read_result(path: str | Path) -> Result:
    """Read a ``procure-result/1`` or ``/2`` file."""
    return result_from_data(strict_json.load_file(path), str(path))
