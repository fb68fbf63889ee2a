"""A plan's hedge as it is stored with the plan: its definition under ``x.procure.hedge``.

The definition names the plan's own what-ifs with their probabilities, the horizon
and the risk attitude, so the hedge can be run again after an edit and shown as
stale meanwhile (its last result is stored beside the plan's solve results, see
:func:`procure.services.save_hedge_result`). Like the what-ifs, the definition is not
an input of the plan's own solve: storing it does not make the plan's result stale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from procure.analysis.hedge_definition import Hedge
from procure.analysis.hedge_plan import hedge_from_what_ifs
from procure.analysis.variants import X_KEY, variants_of
from procure.domain.model import Scenario
from procure.errors import Problem, ValidationError

HEDGE_KEY = "hedge"
_KEYS = ("what_ifs", "base_probability", "decide_through", "cvar_alpha", "cvar_weight",
         "reference", "unmet_demand_price")


@dataclass(frozen=True)
class HedgeDefinition:
    """What a planner chose on the Hedge tab or with ``procure hedge PLAN --what-if``."""

    what_ifs: tuple[tuple[str, float], ...]
    decide_through: str | None = None
    base_probability: float | None = None
    cvar_alpha: float | None = None
    cvar_weight: float = 0.0
    reference: str | None = None
    unmet_demand_price: float | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"what_ifs": [{"name": n, "probability": p}
                                            for n, p in self.what_ifs]}
        for key in _KEYS[1:]:
            value = getattr(self, key)
            if value is not None and not (key == "cvar_weight" and value == 0.0):
                out[key] = value
        return out

    @classmethod
    def from_data(cls, data: Any, location: str = "x.procure.hedge") -> HedgeDefinition:
        """Read a stored definition strictly: a tampered plan file gets a located message."""
        problems: list[Problem] = []
        if not isinstance(data, Mapping):
            raise ValidationError([Problem(location, "must be an object")], "hedge")
        for key in data:
            if key not in _KEYS:
                problems.append(Problem(f"{location}.{key}", "unknown field"))
        entries = data.get("what_ifs")
        what_ifs: list[tuple[str, float]] = []
        if not isinstance(entries, list) or not entries:
            problems.append(Problem(f"{location}.what_ifs", "must be a non-empty list"))
            entries = []
        for i, entry in enumerate(entries):
            name = entry.get("name") if isinstance(entry, Mapping) else None
            prob = entry.get("probability") if isinstance(entry, Mapping) else None
            if not isinstance(name, str) or not _number(prob) or not 0 < prob <= 1:
                problems.append(Problem(f"{location}.what_ifs[{i}]",
                                        "needs a name and a probability in (0, 1]"))
            else:
                what_ifs.append((name, float(prob)))
        numbers = {k: data.get(k) for k in ("base_probability", "cvar_alpha", "cvar_weight",
                                            "unmet_demand_price")}
        for key, value in numbers.items():
            if value is not None and not _number(value):
                problems.append(Problem(f"{location}.{key}", "must be a number"))
        for key in ("decide_through", "reference"):
            if data.get(key) is not None and not isinstance(data.get(key), str):
                problems.append(Problem(f"{location}.{key}", "must be text"))
        if problems:
            raise ValidationError(problems, "hedge")
        return cls(
            tuple(what_ifs), data.get("decide_through"), numbers["base_probability"],
            numbers["cvar_alpha"], float(numbers["cvar_weight"] or 0.0), data.get("reference"),
            numbers["unmet_demand_price"],
        )

    def hedge(self, plan: Scenario) -> Hedge:
        """The hedge of ``plan`` this definition describes (checked as every hedge is)."""
        return hedge_from_what_ifs(
            plan, list(self.what_ifs), base_probability=self.base_probability,
            decide_through=self.decide_through, cvar_alpha=self.cvar_alpha,
            cvar_weight=self.cvar_weight, reference=self.reference,
            unmet_demand_price=self.unmet_demand_price,
        )


def _number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def stored_hedge(scenario: Scenario) -> HedgeDefinition | None:
    """The plan's stored hedge definition, or None."""
    data = ((scenario.x or {}).get(X_KEY) or {}).get(HEDGE_KEY)
    return None if data is None else HedgeDefinition.from_data(data)


def with_hedge(scenario: Scenario, definition: HedgeDefinition | None) -> Scenario:
    """``scenario`` storing ``definition`` (None removes it). Every what-if it names must be
    one of the plan's stored what-ifs."""
    x = dict(scenario.x or {})
    ours = dict(x.get(X_KEY) or {})
    if definition is None:
        ours.pop(HEDGE_KEY, None)
    else:
        known = {v.name for v in variants_of(scenario)}
        missing = [n for n, _ in definition.what_ifs if n not in known]
        if missing:
            raise ValidationError([Problem("what_ifs", f"no stored what-if named {n!r}")
                                   for n in missing], "hedge")
        ours[HEDGE_KEY] = definition.to_data()
    if ours:
        x[X_KEY] = ours
    else:
        x.pop(X_KEY, None)
    return replace(scenario, x=x or None)


__all__ = ["HedgeDefinition", "stored_hedge", "with_hedge"]
