"""Limits and shares are said with the precision they were entered with, everywhere."""

from __future__ import annotations

from factories import build, two_vendor_data

from procure.explain import explain
from procure.optimiser import solve
from procure.wording import Names, figure, limit_percent, relaxation_message


def test_figures_keep_three_significant_digits_or_more_when_entered():
    assert figure(0.435) == "0.435" and figure(0.4351) == "0.4351"
    assert figure(0.2) == "0.200"
    assert figure(0.43498123, entered=False) == "0.435"
    assert limit_percent(0.435) == "43.5%" and limit_percent(0.4351) == "43.51%"
    assert limit_percent(0.3) == "30.0%"


def test_the_diagnosis_names_a_risk_limit_of_0_435_as_such():
    text = relaxation_message("weighted_risk", 0.035, 0.435, Names())
    assert text == "Allow a spend-weighted vendor risk of 0.470 instead of 0.435."


def test_explain_says_the_weighted_risk_to_three_digits():
    """Risk 0.5 (a) and 0.1 (b): at a limit of 0.435 the plan sits exactly on it."""
    scenario = build(two_vendor_data(limits={"max_weighted_risk": 0.435}))
    text = explain(solve(scenario))
    assert "Spend-weighted vendor risk 0.435" in text
    assert "(now 0.435)" in text
