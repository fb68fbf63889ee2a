"""A relaxation as the one field it moves: the same scenario as apply_relaxation, undoable."""

from __future__ import annotations

import pytest
from factories import two_vendor

from procure.domain.edits import SetField
from procure.domain.result import Relaxation
from procure.errors import ProcureError
from procure.relaxation import (
    apply_relaxation,
    apply_relaxations,
    relaxation_edit,
    relaxation_edits,
)


def _plan():
    return two_vendor(
        periods=["P1", "P2"],
        chips=[{"id": "a", "vendor": "A", "peak_pflops": 1, "price": 100, "supply": [5, 5]},
               {"id": "b", "vendor": "B", "peak_pflops": 1, "price": 150}],
        workloads=[{"id": "w", "demand": [10, 12], "efficiency": {"a": 1, "b": 1}}],
        budget={"total": 5000, "per_period": [2000, 3000]},
        power_cap_kw=[100, 100],
        limits={"max_weighted_risk": 0.3, "outage_coverage": 0.5,
                "category_share": {"imported": {"max": 0.4}}},
        vendors=[{"id": "A", "category": "imported", "risk": 0.5, "max_share": 0.6},
                 {"id": "B", "category": "domestic", "risk": 0.1}],
    )


@pytest.mark.parametrize(("constraint", "by", "path"), [
    ("budget:total", 100.0, ("budget", "total")),
    ("budget:P2", 250.0, ("budget", "per_period")),
    ("power:P1", 10.0, ("power_cap_kw",)),
    ("supply:a:P2", 3.0, ("chips", "a", "supply")),
    ("demand:w:P1", 2.0, ("workloads", "w", "demand")),
    ("outage:A:w:P1", 1.0, ("limits", "outage_coverage")),
    ("vendor_share:A", 0.1, ("vendors", "A", "max_share")),
    ("category_max:imported", 0.2, ("limits", "category_share", "imported")),
    ("category_min:domestic", 0.1, ("limits", "category_share", "domestic")),
    ("weighted_risk", 0.05, ("limits", "max_weighted_risk")),
])
def test_the_edit_sets_exactly_what_apply_relaxation_changes(constraint, by, path):
    s = _plan()
    relaxation = Relaxation(constraint, by, "")
    edit = relaxation_edit(s, relaxation)
    assert isinstance(edit, SetField) and edit.path == path
    changed, inverse = edit.apply(s)
    assert changed == apply_relaxation(s, relaxation)
    assert changed != s
    assert inverse.apply(changed)[0] == s


def test_several_relaxations_build_on_each_other():
    s = _plan()
    relaxations = [Relaxation("budget:total", 100.0, ""), Relaxation("budget:total", 50.0, ""),
                   Relaxation("weighted_risk", 0.1, "")]
    edits = relaxation_edits(s, relaxations)
    out = s
    for edit in edits:
        out, _ = edit.apply(out)
    assert out == apply_relaxations(s, relaxations)
    assert out.budget.total == pytest.approx(5150)


def test_an_unknown_constraint_is_refused():
    with pytest.raises(ProcureError, match="cannot relax"):
        relaxation_edit(_plan(), Relaxation("hhi", 0.1, ""))
