"""A shock that leaves demand unmet is never shown as a saving: costs compare like with like."""

from __future__ import annotations

import pytest
from factories import build, two_vendor_data, with_chip

from procure.analysis.compare import comparison_of
from procure.analysis.stress import StressOptions, memo_variants, run_stress
from procure.analysis.templates import parse_template
from procure.analysis.variants import Variant
from procure.exports import prose


def _cut_imports(penalty: float | None = None):
    """Base: 10 a at 100 (1,000). An export licence removes a; only 4 b (150) can be had,
    so 6 of the 10 PFLOP/s go unserved: 600 of spend, 60% of demand unmet."""
    data = with_chip(two_vendor_data(), "b", supply=4)
    if penalty is not None:
        data["shortfall_penalty"] = penalty
    data["workloads"][0]["name"] = "inference"
    scenario = build(data)
    spec = "export-licence:start=P1"
    outcome = run_stress(scenario, Variant("no imports", stress=parse_template(spec)),
                         options=StressOptions(answers=("replan",)))
    return scenario, outcome


def test_without_a_price_for_unmet_demand_the_cost_is_not_comparable():
    _scenario, outcome = _cut_imports()
    answer = outcome.replan
    assert answer.total_cost == pytest.approx(600)
    assert answer.shortfall_share == pytest.approx(0.6)
    assert not answer.comparable
    comparison = comparison_of([outcome])
    row = comparison.rows[1]
    assert row.comparable_extra_cost is None  # charts draw no "saving"
    assert row.verdict(comparison.names) == (
        "400 CNY cheaper, but 60.0% of inference demand is not served")
    table = comparison.table()
    header = table.splitlines()[0]
    assert header.index("Unmet demand") < header.index("Total cost")  # unmet demand first
    assert "not comparable" in table and "-400 CNY" not in table
    assert "no imports (re-plan): 400 CNY cheaper, but 60.0% of inference demand" in table
    zh = row.verdict(comparison.names, "zh")
    assert zh.startswith("便宜400元") and "inference需求的60.0%未得到满足" in zh


def test_with_the_plans_own_penalty_unmet_demand_is_part_of_the_cost():
    _scenario, outcome = _cut_imports(penalty=1000)
    answer = outcome.replan
    assert answer.comparable
    assert answer.total_cost == pytest.approx(600 + 6 * 1000)
    row = comparison_of([outcome]).rows[1]
    assert row.comparable_extra_cost == pytest.approx(5600)
    assert row.verdict(comparison_of([outcome]).names).startswith("5,600 CNY dearer, counting")


def test_the_memo_says_the_same_and_never_calls_it_cheaper_alone():
    scenario, outcome = _cut_imports()
    base = outcome.base.result
    sentences = prose.comparison(scenario, base, memo_variants([outcome]), "en")
    text = " ".join(sentences)
    assert "400 CNY cheaper, but 60.0% of inference demand is not served" in text
    assert "less than the recommended plan" not in text


def test_the_cli_table_aligns_chinese_names_and_fits_the_terminal():
    from procure.explain import display_width

    data = with_chip(two_vendor_data(), "b", supply=4)
    spec = "export-licence:start=P1"
    name = "进口芯片出口许可证要求自二零二六年第一季度起生效且持续很长时间的情形"
    outcome = run_stress(build(data), Variant(name, stress=parse_template(spec)),
                         options=StressOptions(answers=("replan", "hold")))
    table = comparison_of([outcome]).table(width=90)
    rows = table.split("\n\n")[0].splitlines()
    assert all(display_width(line) <= 90 for line in rows), rows
    # Columns line up by display width: "Answer" starts at the same column on every row.
    starts = {display_width(line[:line.index(word)]) for line, word in
              zip(rows[2:], ("base plan", "re-plan", "hold"), strict=True)}
    assert len(starts) == 1
