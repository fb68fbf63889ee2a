"""Scenario variants stored with the plan, under ``x.procure.variants`` of the scenario file.

A variant is a name, an optional stress template and a list of overrides, applied
in that order to the base scenario by the pure function :func:`apply_variant`.
Stored in the scenario JSON (the spec allows any extension under ``x``)::

    "x": {"procure": {"variants": [
      {"name": "Nvidia cut in Q3",
       "stress": {"template": "export-licence", "start": "2026Q3"},
       "overrides": [{"path": ["chips", "910c", "supply"], "op": "scale", "value": 1.2,
                      "from": "2026Q3"}],
       "event": "2026Q3",
       "description": "..."}
    ]}}

``event`` (optional) is the quarter the variant's news arrives, which "hold" needs;
it defaults to the template's event, else the first period any override changes.
Other keys under ``x`` and ``x.procure`` are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from procure.analysis.overrides import Override, apply_overrides
from procure.analysis.templates import StressTemplate, template_from_data
from procure.analysis.vintages import StressCase, TemplatePlan, build_case
from procure.domain.model import Scenario
from procure.errors import Problem, ValidationError

X_KEY = "procure"
VARIANTS_KEY = "variants"
_DATA_KEYS = ("name", "stress", "overrides", "event", "description")


@dataclass(frozen=True)
class Variant:
    """A named what-if of the base plan."""

    name: str
    overrides: tuple[Override, ...] = ()
    stress: StressTemplate | None = None
    event: str | None = None
    description: str | None = None

    def label(self, base: Scenario | None = None) -> str:
        return self.name or (self.stress.label(base) if self.stress else "variant")

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.stress is not None:
            out["stress"] = self.stress.to_data()
        if self.overrides:
            out["overrides"] = [o.to_data() for o in self.overrides]
        if self.event is not None:
            out["event"] = self.event
        if self.description:
            out["description"] = self.description
        return out

    @classmethod
    def from_data(cls, data: Any, location: str = "variant") -> Variant:
        if not isinstance(data, Mapping):
            raise ValidationError([Problem(location, "must be an object")], "variants")
        unknown = sorted(set(data) - set(_DATA_KEYS))
        name = data.get("name")
        problems = []
        if unknown:
            problems.append(Problem(location, f"unknown keys {unknown}"))
        if not isinstance(name, str) or not name:
            problems.append(Problem(f"{location}.name", "must be non-empty text"))
        overrides = data.get("overrides", [])
        if not isinstance(overrides, list):
            problems.append(Problem(f"{location}.overrides", "must be a list"))
        if problems:
            raise ValidationError(problems, "variants")
        stress = data.get("stress")
        return cls(
            name=str(name),
            overrides=tuple(Override.from_data(o, f"{location}.overrides[{i}]")
                            for i, o in enumerate(overrides)),
            stress=None if stress is None else template_from_data(stress),
            event=data.get("event"),
            description=data.get("description"),
        )


def variants_of(scenario: Scenario) -> tuple[Variant, ...]:
    """The variants stored in ``scenario.x.procure.variants`` (none if there are none)."""
    stored = ((scenario.x or {}).get(X_KEY) or {}).get(VARIANTS_KEY) or []
    if not isinstance(stored, list):
        raise ValidationError([Problem("x.procure.variants", "must be a list")], "variants")
    variants = tuple(Variant.from_data(v, f"x.procure.variants[{i}]")
                     for i, v in enumerate(stored))
    names = [v.name for v in variants]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValidationError([Problem("x.procure.variants", f"duplicate names {dupes}")],
                              "variants")
    return variants


def with_variants(scenario: Scenario, variants: Iterable[Variant]) -> Scenario:
    """``scenario`` storing exactly ``variants`` (other extensions kept; none: key removed)."""
    x = dict(scenario.x or {})
    ours = dict(x.get(X_KEY) or {})
    data = [v.to_data() for v in variants]
    if data:
        ours[VARIANTS_KEY] = data
    else:
        ours.pop(VARIANTS_KEY, None)
    if ours:
        x[X_KEY] = ours
    else:
        x.pop(X_KEY, None)
    return replace(scenario, x=x or None)


def put_variant(scenario: Scenario, variant: Variant, replacing: str | None = None) -> Scenario:
    """``scenario`` storing ``variant``: in place of ``replacing`` (an edit, perhaps a
    rename), else appended. The variant is checked against the scenario first, so a
    form that names an unknown chip or period never reaches the plan file."""
    if not variant.name.strip():
        raise ValidationError([Problem("name", "a variant needs a name")], "variant")
    stored = list(variants_of(scenario))
    names = [v.name for v in stored]
    if variant.name in names and variant.name != replacing:
        raise ValidationError(
            [Problem("name", f"there is already a variant called {variant.name!r}")], "variant")
    stress_case(scenario, variant)  # raises ValidationError naming the bad parameter
    if replacing is None:
        stored.append(variant)
    elif replacing in names:
        stored[names.index(replacing)] = variant
    else:
        raise ValidationError([Problem("name", f"no variant {replacing!r}")], "variant")
    return with_variants(scenario, stored)


def drop_variant(scenario: Scenario, name: str) -> Scenario:
    """``scenario`` without the variant ``name`` (an error if there is none)."""
    find_variant(scenario, name)
    return with_variants(scenario, [v for v in variants_of(scenario) if v.name != name])


def free_name(scenario: Scenario, stem: str) -> str:
    """``stem``, or ``stem (2)``, ``stem (3)``... whichever no stored variant has."""
    taken = {v.name for v in variants_of(scenario)}
    name, n = stem, 1
    while name in taken:
        n += 1
        name = f"{stem} ({n})"
    return name


def find_variant(scenario: Scenario, name: str) -> Variant:
    for v in variants_of(scenario):
        if v.name == name:
            return v
    known = ", ".join(v.name for v in variants_of(scenario)) or "none stored"
    raise ValidationError([Problem("x.procure.variants", f"no variant {name!r} ({known})")],
                          "variants")


def _first_touched(base: Scenario, overrides: Sequence[Override]) -> int:
    firsts = []
    for o in overrides:
        labels = [o.start] + [p for p in o.path if isinstance(p, str) and p in base.periods]
        labels = [p for p in labels if p is not None]
        firsts.append(min(base.periods.index(p) for p in labels) if labels else 0)
    return min(firsts, default=0)


def stress_case(base: Scenario, variant: Variant) -> StressCase:
    """The stressed scenario of ``variant`` and what "hold" needs (event, vintage copies)."""
    plan = variant.stress.plan(base) if variant.stress else TemplatePlan(0)
    if variant.event is not None:
        if variant.event not in base.periods:
            raise ValidationError(
                [Problem("event", f"{variant.event!r} is not one of the periods")], "variant")
        plan = replace(plan, event=base.periods.index(variant.event))
    elif variant.stress is None:
        plan = replace(plan, event=_first_touched(base, variant.overrides))
    description = variant.to_data()
    case = build_case(base, plan, name=variant.label(base), extra=variant.overrides,
                      description=description)
    scenario = _mark(case.scenario, variant.name)
    return replace(case, scenario=scenario)


def _mark(s: Scenario, name: str) -> Scenario:
    """The stressed scenario keeps no stored variants and says what it is."""
    s = with_variants(s, ())
    x = dict(s.x or {})
    x[X_KEY] = {**dict(x.get(X_KEY) or {}), "variant": name}
    return replace(s, x=x, name=f"{s.display_name} - {name}")


def apply_variant(base: Scenario, variant: Variant) -> Scenario:
    """The scenario of ``variant``: a pure function of the base scenario."""
    return stress_case(base, variant).scenario


__all__ = [
    "Variant", "apply_overrides", "apply_variant", "drop_variant", "find_variant", "free_name",
    "put_variant", "stress_case", "variants_of", "with_variants",
]
