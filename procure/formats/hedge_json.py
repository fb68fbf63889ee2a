"""The ``procure-hedge/1`` input and ``procure-hedge-result/1`` output files.

Strict like the scenario files: unknown keys are errors, every problem is
reported with its location in the hedge's own paths
(``scenarios[1].scenario.chips[0].price``), and a future given by ``file`` is
read relative to the hedge file's folder, with a bounded size so that a wrong
path to a huge file fails quickly instead of filling memory.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from procure.analysis.hedge import (
    HEDGE_RESULT_FORMAT,
    FutureOutcome,
    HedgeResult,
    ReferenceOutcome,
)
from procure.analysis.hedge_definition import Hedge, HedgeScenario, hedge_problems
from procure.analysis.hedge_diagnosis import Conflict
from procure.domain.model import Scenario
from procure.domain.result import SolveStatus
from procure.errors import Problem, ValidationError
from procure.formats import strict_json
from procure.formats.result_json import result_from_data, result_to_data
from procure.formats.scenario_json import scenario_from_data, scenario_to_data
from procure.fs import atomic_write_text

HEDGE_FORMAT = "procure-hedge/1"
MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any real plan; a guard against wrong paths

_TOP_KEYS = ("format", "name", "decide_through", "scenarios", "risk", "reference", "x")
_ENTRY_KEYS = ("name", "probability", "scenario", "file", "x")
_RISK_KEYS = ("cvar_alpha", "cvar_weight", "x")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", str: "text", list: "a list", dict: "an object"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__)


class _Reader:
    def __init__(self, base: Path | None) -> None:
        self.base = base
        self.problems: list[Problem] = []

    def fail(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def obj(self, value: Any, location: str, keys: tuple[str, ...],
            required: tuple[str, ...] = ()) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(location, f"must be an object, got {_kind(value)}")
            return None
        for key in value:
            if key not in keys:
                where = f"{location}.{key}" if location else key
                self.fail(where, f"unknown key (allowed: {', '.join(keys)})")
        for key in required:
            if key not in value:
                self.fail(f"{location}.{key}" if location else key, "is required")
        return value

    def number(self, value: Any, location: str) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value):
            self.fail(location, f"must be a number, got {_kind(value)}")
            return None
        return float(value)

    def text(self, value: Any, location: str) -> str | None:
        if not isinstance(value, str):
            self.fail(location, f"must be text, got {_kind(value)}")
            return None
        return value

    def extensions(self, value: Any, location: str) -> dict[str, Any] | None:
        if value is not None and not isinstance(value, dict):
            self.fail(location, f"must be an object, got {_kind(value)}")
            return None
        return value

    def scenario(self, entry: dict[str, Any], location: str) -> tuple[Scenario | None, str]:
        has_inline, has_file = "scenario" in entry, "file" in entry
        if has_inline == has_file:
            self.fail(location, "needs exactly one of 'scenario' (inline) and 'file' (a path)")
            return None, location
        if has_inline:
            where = f"{location}.scenario"
            try:
                return scenario_from_data(entry["scenario"]), where
            except ValidationError as exc:
                for p in exc.problems:
                    self.fail(f"{where}.{p.location}" if p.location else where, p.message)
                return None, where
        where = f"{location}.file"
        name = self.text(entry["file"], where)
        if name is None:
            return None, where
        return self._scenario_file(name, where), f"{location} ({name})"

    def _scenario_file(self, name: str, where: str) -> Scenario | None:
        if self.base is None:
            self.fail(where, "a future given by file needs the hedge to be read from a file")
            return None
        path = self.base / name
        try:
            size = path.stat().st_size
        except OSError as exc:
            self.fail(where, f"cannot read {name}: {exc.strerror}")
            return None
        if size > MAX_FILE_BYTES:
            self.fail(where, f"{name} is {size / 1e6:.0f} MB, more than a scenario file can be "
                             f"({MAX_FILE_BYTES // 2**20} MiB)")
            return None
        try:
            return scenario_from_data(strict_json.load_file(path), str(path))
        except ValidationError as exc:
            for p in exc.problems:
                self.fail(where, f"{name}: {p}")
            return None


def _read_risk(r: _Reader, value: Any) -> tuple[float | None, float, dict[str, Any] | None]:
    if value is None:
        return None, 0.0, None
    d = r.obj(value, "risk", _RISK_KEYS)
    if d is None:
        return None, 0.0, None
    alpha = None if d.get("cvar_alpha") is None else r.number(d["cvar_alpha"], "risk.cvar_alpha")
    weight = 0.0 if d.get("cvar_weight") is None else r.number(d["cvar_weight"],
                                                                 "risk.cvar_weight")
    return alpha, weight if weight is not None else 0.0, r.extensions(d.get("x"), "risk.x")


def _read_entries(r: _Reader, value: Any) -> list[HedgeScenario] | None:
    if not isinstance(value, list):
        r.fail("scenarios", f"must be a list, got {_kind(value)}")
        return None
    if not value:
        r.fail("scenarios", "needs at least one future")
        return None
    entries: list[HedgeScenario] = []
    broken = False
    for i, raw in enumerate(value):
        loc = f"scenarios[{i}]"
        d = r.obj(raw, loc, _ENTRY_KEYS, ("name", "probability"))
        if d is None:
            broken = True
            continue
        name = r.text(d.get("name"), f"{loc}.name") if "name" in d else None
        prob = r.number(d.get("probability"), f"{loc}.probability") \
            if "probability" in d else None
        ext = r.extensions(d.get("x"), f"{loc}.x")
        scenario, where = r.scenario(d, loc)
        if name is None or prob is None or scenario is None:
            broken = True
            continue
        entries.append(HedgeScenario(name, prob, scenario, where, ext))
    return None if broken else entries


def hedge_from_data(data: Any, base: Path | None = None, source: str | None = None) -> Hedge:
    """A hedge from parsed JSON; ``base`` is the folder ``file`` paths are relative to."""
    r = _Reader(base)
    d = r.obj(data, "", _TOP_KEYS, ("format", "decide_through", "scenarios"))
    if d is None:
        raise ValidationError(r.problems, source)
    if "format" in d and d["format"] != HEDGE_FORMAT:
        r.fail("format", f"must be {HEDGE_FORMAT!r}, got {d['format']!r}")
    name = None if d.get("name") is None else r.text(d["name"], "name")
    through = r.text(d.get("decide_through"), "decide_through") if "decide_through" in d \
        else None
    reference = None if d.get("reference") is None else r.text(d["reference"], "reference")
    alpha, weight, risk_x = _read_risk(r, d.get("risk"))
    ext = r.extensions(d.get("x"), "x")
    entries = _read_entries(r, d.get("scenarios")) if "scenarios" in d else None
    if r.problems or entries is None or through is None:
        raise ValidationError(r.problems, source)
    hedge = Hedge(tuple(entries), through, name, alpha, weight, reference, ext, risk_x)
    problems = hedge_problems(hedge)
    if problems:
        raise ValidationError(problems, source)
    return hedge


def loads_hedge(text: str, base: Path | None = None, source: str | None = None) -> Hedge:
    return hedge_from_data(strict_json.loads(text, source), base, source)


def read_hedge(path: str | Path) -> Hedge:
    """Read a ``procure-hedge/1`` file (its ``file`` futures relative to its folder)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError([Problem("", f"cannot read the file: {exc.strerror}")],
                              str(path)) from exc
    if size > MAX_FILE_BYTES:
        raise ValidationError([Problem("", f"the file is {size / 1e6:.0f} MB, too large for "
                                       "a hedge")], str(path))
    return hedge_from_data(strict_json.load_file(path), path.parent, str(path))


def hedge_to_data(hedge: Hedge) -> dict[str, Any]:
    """The hedge as one self-contained file (every future inline)."""
    out: dict[str, Any] = {"format": HEDGE_FORMAT}
    if hedge.name is not None:
        out["name"] = hedge.name
    out["decide_through"] = hedge.decide_through
    entries = []
    for e in hedge.scenarios:
        entry: dict[str, Any] = {"name": e.name, "probability": e.probability,
                                 "scenario": scenario_to_data(e.scenario)}
        if e.x:
            entry["x"] = dict(e.x)
        entries.append(entry)
    out["scenarios"] = entries
    if hedge.cvar_alpha is not None or hedge.cvar_weight:
        risk: dict[str, Any] = {"cvar_weight": hedge.cvar_weight}
        if hedge.cvar_alpha is not None:
            risk = {"cvar_alpha": hedge.cvar_alpha, **risk}
        out["risk"] = risk
    if hedge.reference is not None:
        out["reference"] = hedge.reference
    if hedge.x:
        out["x"] = dict(hedge.x)
    return out


def hedge_result_to_data(result: HedgeResult) -> dict[str, Any]:
    """The ``procure-hedge-result/1`` object, keys in the spec's order."""
    futures = []
    for f in result.scenarios:
        entry: dict[str, Any] = {"name": f.name, "probability": f.probability,
                                 "objective": f.objective}
        if f.result is not None:
            entry["result"] = result_to_data(f.result)
        futures.append(entry)
    ref = result.reference
    diagnosis = []
    for c in result.diagnosis:
        item: dict[str, Any] = {"scenarios": list(c.scenarios), "message": c.message}
        if c.constraint is not None:
            item["constraint"] = c.constraint
            item["relax_by"] = c.relax_by
        diagnosis.append(item)
    out: dict[str, Any] = {
        "format": HEDGE_RESULT_FORMAT,
        "name": result.name,
        "status": result.status.value,
        "objective": result.objective,
        "expected_cost": result.expected_cost,
        "cvar": result.cvar,
        "here_and_now": result.here_and_now,
        "scenarios": futures,
        "reference": {
            "name": ref.name,
            "here_and_now": ref.here_and_now,
            "expected_cost": ref.expected_cost,
            "feasible_in": list(ref.feasible_in),
            "infeasible_in": list(ref.infeasible_in),
        },
        "wait_and_see": result.wait_and_see,
        "value_of_hedging": result.value_of_hedging,
        "value_of_perfect_information": result.value_of_perfect_information,
        "diagnosis": diagnosis,
    }
    if result.x:
        out["x"] = dict(result.x)
    return out


_RESULT_KEYS = ("format", "name", "status", "objective", "expected_cost", "cvar",
                "here_and_now", "scenarios", "reference", "wait_and_see", "value_of_hedging",
                "value_of_perfect_information", "diagnosis", "x")


def _optional_number(r: _Reader, data: dict[str, Any], key: str, location: str) -> float | None:
    value = data.get(key)
    return None if value is None else r.number(value, location)


def _orders(r: _Reader, value: Any, location: str) -> dict[str, dict[str, float]] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        r.fail(location, "must be an object of chips, each an object of periods")
        return None
    return {c: {p: r.number(u, f"{location}.{c}.{p}") or 0.0 for p, u in by.items()}
            for c, by in value.items()}


def _reference_from(r: _Reader, value: Any, x: dict[str, Any]) -> ReferenceOutcome:
    d = r.obj(value, "reference", ("name", "here_and_now", "expected_cost", "feasible_in",
                                   "infeasible_in"), ("name",)) or {}
    return ReferenceOutcome(
        str(d.get("name", "")), _orders(r, d.get("here_and_now"), "reference.here_and_now"),
        _optional_number(r, d, "expected_cost", "reference.expected_cost"),
        tuple(d.get("feasible_in") or ()), tuple(d.get("infeasible_in") or ()),
        dict(x.get("reference_objectives") or {}))


def _futures_from(r: _Reader, value: Any) -> tuple[FutureOutcome, ...]:
    if not isinstance(value, list):
        r.fail("scenarios", f"must be a list, got {_kind(value)}")
        return ()
    out = []
    for i, raw in enumerate(value):
        loc = f"scenarios[{i}]"
        d = r.obj(raw, loc, ("name", "probability", "objective", "result"),
                  ("name", "probability")) or {}
        result = None
        if d.get("result") is not None:
            try:
                result = result_from_data(d["result"])
            except ValidationError as exc:
                for p in exc.problems:
                    r.fail(f"{loc}.result.{p.location}" if p.location else f"{loc}.result",
                           p.message)
        out.append(FutureOutcome(str(d.get("name", "")),
                                 r.number(d.get("probability"), f"{loc}.probability") or 0.0,
                                 _optional_number(r, d, "objective", f"{loc}.objective"), result))
    return tuple(out)


def _diagnosis_from(r: _Reader, value: Any) -> tuple[Conflict, ...]:
    out = []
    for i, raw in enumerate(value or []):
        loc = f"diagnosis[{i}]"
        d = r.obj(raw, loc, ("scenarios", "message", "constraint", "relax_by"),
                  ("scenarios", "message")) or {}
        out.append(Conflict(tuple(d.get("scenarios") or ()), str(d.get("message", "")),
                            d.get("constraint"),
                            _optional_number(r, d, "relax_by", f"{loc}.relax_by")))
    return tuple(out)


def hedge_result_from_data(data: Any, source: str | None = None) -> HedgeResult:
    """A ``procure-hedge-result/1`` read back (for storage and reports), checked strictly."""
    r = _Reader(None)
    d = r.obj(data, "", _RESULT_KEYS, ("format", "status", "scenarios", "reference"))
    if d is None:
        raise ValidationError(r.problems, source)
    if d.get("format") != HEDGE_RESULT_FORMAT:
        r.fail("format", f"must be {HEDGE_RESULT_FORMAT!r}, got {d.get('format')!r}")
    try:
        status = SolveStatus(str(d.get("status")))
    except ValueError:
        r.fail("status", f"unknown status {d.get('status')!r}")
        status = SolveStatus.ERROR
    x = r.extensions(d.get("x"), "x") or {}
    result = HedgeResult(
        name=None if d.get("name") is None else r.text(d["name"], "name"),
        status=status,
        objective=_optional_number(r, d, "objective", "objective"),
        expected_cost=_optional_number(r, d, "expected_cost", "expected_cost"),
        cvar=_optional_number(r, d, "cvar", "cvar"),
        here_and_now=_orders(r, d.get("here_and_now"), "here_and_now"),
        scenarios=_futures_from(r, d.get("scenarios")),
        reference=_reference_from(r, d.get("reference"), x),
        wait_and_see=_optional_number(r, d, "wait_and_see", "wait_and_see"),
        value_of_hedging=_optional_number(r, d, "value_of_hedging", "value_of_hedging"),
        value_of_perfect_information=_optional_number(
            r, d, "value_of_perfect_information", "value_of_perfect_information"),
        diagnosis=_diagnosis_from(r, d.get("diagnosis")),
        decide_through=str(x.get("decide_through", "")),
        currency=str(x.get("currency", "CNY")),
        x=x or None,
    )
    if r.problems:
        raise ValidationError(r.problems, source)
    return result


def read_hedge_result(path: str | Path) -> HedgeResult:
    return hedge_result_from_data(strict_json.load_file(path), str(path))


def dumps_hedge_result(result: HedgeResult) -> str:
    return strict_json.dumps(hedge_result_to_data(result))


def write_hedge_result(result: HedgeResult, path: str | Path) -> None:
    atomic_write_text(Path(path), dumps_hedge_result(result))


__all__ = ["HEDGE_FORMAT", "dumps_hedge_result", "hedge_from_data", "hedge_result_from_data",
           "hedge_result_to_data", "hedge_to_data", "loads_hedge", "read_hedge",
           "read_hedge_result", "write_hedge_result"]
