"""Core sentences in Simplified Chinese; English stays as it was."""

from __future__ import annotations

from factories import build, two_vendor_data

from procure.domain.result import Relaxation, Result, SolveStatus
from procure.explain import binding_limits, explain
from procure.optimiser import solve
from procure.wording import Names, current_limit, relaxation_message, shadow_price_sentence

NAMES = Names("CNY", {"nv": "Nvidia"}, {"h200": "H200"}, {"train": "训练"})


def test_demand_relaxation_in_chinese_and_english():
    zh = relaxation_message("demand:train:2026Q3", 12.5, None, NAMES, lang="zh")
    assert zh == "接受2026Q3的训练算力减少 12.5 PFLOP/s（或允许需求缺口）。"
    en = relaxation_message("demand:train:2026Q3", 12.5, None, NAMES)
    assert en == "Accept 12.5 PFLOP/s less 训练 compute in 2026Q3 (or allow a shortfall)."


def test_vendor_share_relaxation_says_the_new_and_old_cap():
    zh = relaxation_message("vendor_share:nv", 0.11, 0.30, NAMES, lang="zh")
    assert zh == "允许Nvidia占新增支出的41.0%（原为30.0%）。"
    assert relaxation_message("vendor_share:nv", 0.11, 0.30, NAMES) == (
        "Let Nvidia take 41.0% instead of 30.0% of new spend.")
    # without the present cap (a result file explained on its own): percentage points
    assert "11.0 个百分点" in relaxation_message("vendor_share:nv", 0.11, None, NAMES, lang="zh")


def test_budget_relaxation_uses_the_memo_money():
    zh = relaxation_message("budget:total", 1.23e9, None, NAMES, lang="zh")
    assert zh == "将总预算提高12.30 亿元。"
    assert relaxation_message("budget:2026Q1", 3.5e7, None, NAMES, lang="zh") == (
        "将2026Q1预算提高3,500.0 万元。")
    assert relaxation_message("budget:total", 1.23e9, None, NAMES) == (
        "Raise the total budget by 1.23 bn CNY.")


def test_shadow_prices_in_chinese():
    demand = shadow_price_sentence("demand:train:2026Q3", 2.5e6, NAMES, lang="zh")
    assert demand == "2026Q3的训练需求每增加 1 PFLOP/s，成本增加250.0 万元。"
    share = shadow_price_sentence("vendor_share:nv", -5e8, NAMES, 0.35, lang="zh")
    assert share == "Nvidia的新增支出份额上限（目前为35.0%）每提高一个百分点，可节省500.0 万元。"
    budget = shadow_price_sentence("budget:total", -0.25, NAMES, lang="zh")
    assert budget == "总预算每增加 1 元，总成本可减少 0.25 元。"
    assert shadow_price_sentence("budget:total", -0.25, NAMES) == (
        "Each extra CNY of the total budget saves 0.25 CNY of total cost.")


def test_current_limit_reads_the_scenario():
    data = two_vendor_data()
    data["limits"] = {"category_share": {"imported": {"min": 0.6}}, "max_weighted_risk": 0.4}
    scenario = build(data)
    assert current_limit(scenario, "category_min:imported") == 0.6
    assert current_limit(scenario, "weighted_risk") == 0.4
    assert current_limit(scenario, "budget:total") is None


def test_explain_and_binding_limits_in_chinese_keep_english_as_default():
    data = two_vendor_data()
    data["limits"] = {"vendor_max_share": 0.6}
    result = solve(build(data))
    english = [s for _, s in binding_limits(result)]
    chinese = binding_limits(result, lang="zh")
    assert chinese
    assert [r for r, _ in chinese] == [r for r, _ in binding_limits(result)]
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in s) for s in english)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s) for _, s in chinese)
    assert explain(result) == explain(result, lang="en")
    text = explain(result, lang="zh")
    assert "总成本" in text and "采购：" in text and "Total cost" not in text


def test_an_infeasible_result_is_explained_in_chinese():
    result = Result("测试", SolveStatus.INFEASIBLE, diagnosis=(
        Relaxation("budget:total", 2e6, "Raise the total budget by 2 m CNY."),))
    assert "  - Raise the total budget by 2 m CNY." in explain(result)
    text = explain(result, lang="zh")
    assert "不可行" in text and "将总预算提高200.0 万元。" in text


def test_both_languages_have_the_same_sentences_and_placeholders():
    from string import Formatter

    from procure.phrases import SENTENCES

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in Formatter().parse(text) if f}

    assert SENTENCES["en"].keys() == SENTENCES["zh"].keys()
    for key, text in SENTENCES["en"].items():
        assert fields(text) == fields(SENTENCES["zh"][key]), key
