"""The words Procure's core says, in English and Simplified Chinese.

One vocabulary for :mod:`procure.wording` (diagnosis and shadow-price sentences),
:mod:`procure.explain` and the memo (:mod:`procure.exports.prose`): money as a
memo states it ("36.1 million CNY", "3,611.6 万元"), percentages, the names of
spend categories and solve statuses, the sentence templates of
:mod:`procure.wording`, and the validation problems of
:mod:`procure.domain.validation` (a :class:`~procure.errors.Problem` keeps its
phrase key and values, so it can be said again in Chinese). Plain Python: no Qt,
no export libraries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "zh"]
LANGUAGES: tuple[Lang, ...] = ("en", "zh")


def money(value: float, currency: str, lang: Lang) -> str:
    """Money rounded the way a memo states it: 36.1 million CNY / 3,611.6 万元."""
    v = abs(value)
    sign = "-" if value < 0 else ""
    if lang == "zh":
        unit = currency_unit(currency, lang)
        if v >= 1e8:
            return f"{sign}{v / 1e8:,.2f} 亿{unit}"
        if v >= 1e4:
            return f"{sign}{v / 1e4:,.1f} 万{unit}"
        return f"{sign}{v:,.2f}{unit}" if v < 100 else f"{sign}{v:,.0f}{unit}"
    if v >= 1e9:
        return f"{sign}{v / 1e9:,.2f} billion {currency}"
    if v >= 1e6:
        return f"{sign}{v / 1e6:,.1f} million {currency}"
    return f"{sign}{v:,.2f} {currency}" if v < 100 else f"{sign}{v:,.0f} {currency}"


def currency_unit(currency: str, lang: Lang) -> str:
    """What follows an amount: ``元`` for yuan in Chinese, else `` CUR``."""
    return "元" if lang == "zh" and currency == "CNY" else f" {currency}"


def axis_scale(peak: float, currency: str, lang: Lang, *, words: bool = False
               ) -> tuple[float, str]:
    """The divisor and the title of a money axis whose largest value is ``peak``: one rule
    for every chart of the window, the memo and the analyses. In Chinese the memo's
    units (``(1e8, "亿元")``, ``(1e4, "万元")``); in English ``(1e9, "bn CNY")``, or with
    ``words`` ``(1e9, "billion CNY")``."""
    peak = abs(peak)
    if lang == "zh":
        unit = currency_unit(currency, "zh").strip()
        for divisor, prefix in ((1e8, "亿"), (1e4, "万")):
            if peak >= divisor:
                return divisor, prefix + unit
        return 1.0, unit
    names = ("billion", "million", "thousand") if words else ("bn", "m", "k")
    for divisor, name in zip((1e9, 1e6, 1e3), names, strict=True):
        if peak >= divisor:
            return divisor, f"{name} {currency}"
    return 1.0, currency


NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
"""Tick steps a reader can add up in their head, times a power of ten."""


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """At most about ``n`` + 1 ticks on a round step (1, 2, 2.5 or 5 x 10^k) covering
    [lo, hi]: the first at or below ``lo``, the last at or above ``hi``. One rule for
    the window's and the files' axes, so a reader never meets 0.4375 as a tick; an
    empty range is widened so there is always a step."""
    if lo > hi:
        lo, hi = hi, lo
    if hi - lo <= 1e-12 * max(abs(lo), abs(hi), 1.0):
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / max(n, 1)
    mag = 10.0 ** math.floor(math.log10(raw))
    step = next(m * mag for m in NICE_STEPS if m * mag >= raw * (1 - 1e-9))
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return [round(k * step, digits) + 0.0 for k in range(first, last + 1)]


def tick_decimals(ticks: list[float]) -> int:
    """Decimals that print every tick exactly (2.5 needs one, 0.25 two, 20 none)."""
    for digits in range(7):
        if all(abs(t - round(t, digits)) < 1e-9 * max(abs(t), 1.0) for t in ticks):
            return digits
    return 6


SENTENCE_ENDS = ".。"
"""What ends a sentence in either language (to join sentences into one)."""
HEADING_ENDS = ":："
"""What ends a line that introduces a list, in either language."""


def percent(share: float, digits: int | None = None) -> str:
    """A share as a percentage; without ``digits``, whole percentages lose their decimals."""
    pct = share * 100
    if digits is None:
        digits = 0 if abs(pct - round(pct)) < 0.05 else 1
    return f"{pct:.{digits}f}%"


@dataclass(frozen=True)
class Term:
    """A placeholder value that is itself a phrase (``Term("v_chip_id")``).

    Lets a sentence be stored once with its values and said later in either
    language: :func:`say` words the term in the sentence's language, so "chip id"
    becomes "芯片标识" in a Chinese sentence.
    """

    key: str


def say(key: str, lang: str, **values: object) -> str:
    """The sentence ``key`` of :data:`SENTENCES` in ``lang`` with its placeholders filled.

    Values that are :class:`Term` are worded in ``lang`` first.
    """
    table = SENTENCES["zh" if lang == "zh" else "en"]
    worded = {k: table[v.key] if isinstance(v, Term) else v for k, v in values.items()}
    return table[key].format(**worded)


def category_name(name: str, lang: str) -> str:
    return CATEGORY_NAMES["zh" if lang == "zh" else "en"].get(name, name)


def status_name(status: str, lang: str) -> str:
    return STATUS_NAMES["zh" if lang == "zh" else "en"].get(status, status)


CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "en": {"imported": "imported", "domestic": "domestic", "in-house": "in-house"},
    "zh": {"imported": "进口", "domestic": "国产", "in-house": "自研"},
}

STATUS_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "optimal": "optimal",
        "feasible": "feasible (time limit)",
        "infeasible": "infeasible",
        "time_limit": "no plan (time limit)",
        "error": "error",
    },
    "zh": {
        "optimal": "最优",
        "feasible": "可行（达到时间上限）",
        "infeasible": "不可行",
        "time_limit": "无方案（达到时间上限）",
        "error": "出错",
    },
}

# Sentences of procure.wording and procure.explain. Numbers come in already worded
# (money, percentages, quantities with their unit).
SENTENCES: dict[str, dict[str, str]] = {
    "en": {
        # relaxations (diagnosis of an infeasible plan)
        "relax_budget_total": "Raise the total budget by {amount}.",
        "relax_budget": "Raise the {period} budget by {amount}.",
        "relax_power": "Provide {amount} more power in {period}.",
        "relax_supply": "Secure {amount} of {chip} in {period} (supply allocation).",
        "relax_demand": "Accept {amount} less {workload} compute in {period} "
        "(or allow a shortfall).",
        "relax_outage": "Accept that {amount} less of {workload} survives an outage "
        "of {vendor} in {period} (lower the outage coverage).",
        "relax_vendor_share": "Let {vendor} take {instead} of new spend.",
        "relax_category_max": "Let {category} vendors take {instead} of new spend.",
        "relax_category_min": "Lower the {category} floor to {instead} of new spend.",
        "relax_weighted_risk": "Allow a spend-weighted vendor risk of {instead}.",
        "relax_memory": "{workload} lacks {amount} of accelerator memory in {period}: buy "
        "chips with more memory, or accept {amount} less memory demand.",
        "relax_group_share": "Let the {group} group take {instead} of new spend.",
        "relax_outage_group": "Accept that {amount} less of {workload} survives losing the "
        "{group} group in {period} (lower the outage coverage).",
        "relax_other": "Relax {name} by {amount}.",
        # a stress answer against the base plan (procure.wording.cost_verdict)
        "verdict_same": "as costly as the base plan",
        "verdict_cheaper": "{diff} cheaper",
        "verdict_dearer": "{diff} dearer",
        "verdict_unmet": "{head}, but {unmet} is not served",
        "verdict_unmet_many": "{head}, but {unmet} are not served",
        "verdict_unmet_valued": "{head}, counting unmet demand at the plan's shortfall "
        "penalty ({unmet} not served)",
        "unmet_part": "{share} of {workload} demand",
        "unmet_and": " and ",
        "not_comparable": "not comparable",
        # one limit at a time (procure.optimiser.single_lever)
        "lever_alone": "{changes} (alone enough).",
        "lever_cannot": "Changing {limit} alone cannot make the plan feasible.",
        "lever_join": "; ",
        "lim_budget_total": "the total budget",
        "lim_budget": "the per-period budgets",
        "lim_power": "the power cap",
        "lim_supply": "the supply of {chip}",
        "lim_demand": "the demand of {workload}",
        "lim_memory": "the memory demand of {workload}",
        "lim_vendor_share": "{vendor}'s share cap",
        "lim_category": "the {category} share limits",
        "lim_group_share": "the share cap of risk group {group}",
        "lim_weighted_risk": "the weighted-risk limit",
        # hedged plans (procure.analysis.hedge_words)
        "hedge_title": "Hedge '{name}': {status}",
        "hedge_title_unnamed": "Hedge: {status}",
        "hedge_infeasible": "No single set of orders through {period} serves every future:",
        "hedge_orders_now": "Orders to place now (through {period}), the same in every future:",
        "hedge_order": "{chip}: {units} units in {period}{unhedged}",
        "hedge_unhedged": " (unhedged plan: {units})",
        "hedge_no_orders": "nothing: no order needs to be placed this early",
        "hedge_cost_each": "Cost in each future:",
        "hedge_future": "{future} ({probability}): {cost} hedged, {other} betting on {reference}",
        "hedge_not_carried": "cannot be carried through",
        "hedge_expected": "Expected cost: {cost}",
        "hedge_expected_ref": " (betting on {reference}: {cost})",
        "hedge_cvar": "; CVaR {cost}",
        "hedge_reference_fails": "Betting on {reference} cannot be carried through if {where} "
        "happens: its early orders leave no workable plan there, so the value of hedging is not "
        "a number: the hedge is the only plan that serves every future.",
        "hedge_reference_as_good": "Betting on {reference} is already as good as the hedge on "
        "average: its early orders hold up in every future.",
        "hedge_saves_if": "Hedging costs {extra} more than betting on {reference} if "
        "{reference} happens, and saves {amount} on average.",
        "hedge_saves": "Hedging saves {amount} on average.",
        "hedge_costs_more_if": "Hedging costs {extra} more than betting on {reference} if "
        "{reference} happens, and costs {amount} on average.",
        "hedge_costs_more": "Hedging costs {amount} on average.",
        "hedge_information": "Knowing the future before ordering would be worth {amount} on "
        "average (value of perfect information).",
        "list_sep": ", ",
        "lim_outage": "the outage coverage",
        "lim_share_vendor_share": "{vendor}'s cap on new spend",
        "lim_share_group_share": "the {group} group's cap on new spend",
        "lim_share_weighted_risk": "the spend-weighted vendor risk limit",
        "lim_share_category_min": "the {category} floor on new spend",
        "lim_share_category_max": "the {category} cap on new spend",
        "more_units": "more units",
        "points": "{value} percentage points",
        "instead": "{target} instead of {current}",
        # shadow prices (binding limits)
        "sp_demand": "Each extra PFLOP/s of {workload} demand in {period} costs {cost}.",
        "sp_capacity": "One more {chip} unit in service in {period} would save {gain}.",
        "sp_supply": "One more {chip} unit of supply in {period} would save {gain}.",
        "sp_budget": "Each extra {currency} of the {budget} saves {ratio} {currency} "
        "of total cost.",
        "sp_budget_total": "total budget",
        "sp_budget_period": "{period} budget",
        "sp_power": "Each extra kW of power in {period} would save {gain}.",
        "sp_vendor_share": "Raising {vendor}'s cap on new spend{now} by one percentage point "
        "would save {gain}.",
        "sp_category_min": "Each percentage point of the {category} floor{now} costs {cost}.",
        "sp_category_max": "Raising the {category} cap{now} by one percentage point would save "
        "{gain}.",
        "sp_weighted_risk": "Allowing 0.01 more spend-weighted vendor risk{now} would save "
        "{gain}.",
        "sp_outage": "Each extra PFLOP/s of {workload} that must survive an outage of {vendor} "
        "in {period} costs {cost}.",
        "sp_memory": "Each extra TB of {workload} memory in {period} costs {cost}.",
        "sp_group_share": "Raising the {group} group's cap on new spend{now} by one "
        "percentage point would save {gain}.",
        "sp_outage_group": "Each extra PFLOP/s of {workload} that must survive losing the "
        "{group} group in {period} costs {cost}.",
        "sp_other_saves": "One more unit of {name} saves {amount}.",
        "sp_other_costs": "One more unit of {name} costs {amount}.",
        "now": " (now {value})",
        # procure explain
        "ex_title": 'Plan "{title}": {status}.',
        "ex_untitled": "Untitled plan",
        "ex_no_plan": 'Plan "{title}": no plan was found ({status}). {note}',
        "ex_cost": "Total cost {total}: capex {capex}, energy of new units {energy}"
        "{penalty}. (The existing fleet's energy, {existing}, is not part of it.)",
        "ex_penalty": ", shortfall penalty {penalty}",
        "ex_cost_pv": "Total cost {total} in present value ({nominal} nominal: capex {capex}, "
        "energy of new units {energy}{penalty}). (The existing fleet's energy, {existing} "
        "nominal, is not part of it.)",
        "ex_by_group": "New spend by risk group (groups may overlap):",
        "ex_gap": "The time limit stopped the search; the plan is within {gap} "
        "of the best possible.",
        "ex_by_category": "New spend by category:",
        "ex_by_vendor": "New spend by vendor:",
        "ex_risk": "Spend-weighted vendor risk {risk}; concentration (HHI) {hhi}.",
        "ex_no_purchases": "No new purchases are needed: the existing fleet covers the demand.",
        "ex_purchases": "Purchases:",
        "ex_bought": "{units} in {period}",
        "ex_list_sep": ", ",
        "ex_none": "  none.",
        "ex_binding": "Limits that bind, and what they cost:",
        "ex_binding_none": "  none with a price.",
        "ex_all_met": "Every workload's demand is met in every period.",
        "ex_unmet": "Unmet demand (paid for by the shortfall penalty):",
        "ex_unmet_item": "  {workload} in {period}: {amount}",
        "ex_infeasible": 'Plan "{title}" is infeasible: no purchase plan satisfies every limit '
        "at once.",
        "ex_relax_intro": "Relaxing these limits together would make it feasible:",
        "ex_levers_intro": "Or change one limit only:",
        "ex_no_diagnosis": "  (no diagnosis was computed)",
        "units": "units",
        # validation problems (procure.domain.validation); values come in already
        # written as in the file (numbers as typed, ids quoted)
        "v_finite": "must be a finite number, got {value}",
        "v_magnitude": "is too large to plan with (at most {limit} in size), got {value}",
        "v_whole_magnitude": "must be at most {limit}, got {value}",
        "v_gt": "must be > {low}, got {value}",
        "v_ge": "must be >= {low}, got {value}",
        "v_le": "must be <= {high}, got {value}",
        "v_count": "needs {count} values (one per period), got {got}",
        "v_whole": "must be a whole number >= {low}, got {value}",
        "v_id_empty": "{what} must not be empty",
        "v_id_colon": "{what} {value} must not contain ':'",
        "v_duplicate_id": "duplicate {what} id {value} (first at {first})",
        "v_no_periods": "must list at least one period",
        "v_duplicate_period": "duplicate period {value}",
        "v_no_vendors": "must list at least one vendor",
        "v_empty": "must not be empty",
        "v_unknown_vendor": "unknown vendor {value}",
        "v_unknown_chip": "unknown chip {value}",
        "v_not_a_period": "{value} is not one of the periods",
        "v_unknown_category": "no vendor has category {value} (categories: {known})",
        # words inside validation problems (phrases.Term)
        "v_period_label": "period label",
        "v_vendor_id": "vendor id",
        "v_chip_id": "chip id",
        "v_workload_id": "workload id",
        "v_vendor": "vendor",
        "v_chip": "chip",
        "v_workload": "workload",
        "v_none": "none",
        "v_version_two_field": "is a version-2 field: the file must say {format}",
        "v_in_service_order": "{field} {start} is after {other} {end}",
        "v_needs_currency": "needs the plan's currency (set {field})",
        "v_fx_is_plan_currency": "is the plan's own currency {value}; list other currencies only",
        "v_unknown_currency": "currency {value} has no rate in {field} (rates: {known})",
        "v_group_id_vendor": "group id {value} is also a vendor id",
        "v_group_empty": "the group has no chip (list vendors or chips)",
        "v_group": "risk group",
        "v_group_id": "risk group id",
    },
    "zh": {
        "relax_budget_total": "将总预算提高{amount}。",
        "relax_budget": "将{period}预算提高{amount}。",
        "relax_power": "为{period}多提供 {amount} 电力。",
        "relax_supply": "在{period}多争取 {amount} {chip}（供货配额）。",
        "relax_demand": "接受{period}的{workload}算力减少 {amount}（或允许需求缺口）。",
        "relax_outage": "接受{period}期间{vendor}断供时{workload}保留的算力减少 {amount}"
        "（降低断供保底要求）。",
        "relax_vendor_share": "允许{vendor}占新增支出的{instead}。",
        "relax_category_max": "允许{category}供应商占新增支出的{instead}。",
        "relax_category_min": "将{category}支出份额下限降至{instead}。",
        "relax_weighted_risk": "允许按支出加权的供应商风险达到{instead}。",
        "relax_memory": "{period}的{workload}缺少 {amount} 加速卡显存：购买显存更大的芯片，"
        "或将显存需求降低 {amount}。",
        "relax_group_share": "允许风险组“{group}”占新增支出的{instead}。",
        "relax_outage_group": "接受{period}期间失去风险组“{group}”时{workload}保留的算力减少 "
        "{amount}（降低断供保底要求）。",
        "relax_other": "将{name}放宽 {amount}。",
        "verdict_same": "与基础计划成本相同",
        "verdict_cheaper": "便宜{diff}",
        "verdict_dearer": "贵{diff}",
        "verdict_unmet": "{head}，但{unmet}未得到满足",
        "verdict_unmet_many": "{head}，但{unmet}未得到满足",
        "verdict_unmet_valued": "{head}（未满足的需求按计划的缺口罚金计入；{unmet}未得到满足）",
        "unmet_part": "{workload}需求的{share}",
        "unmet_and": "、",
        "not_comparable": "不可比",
        "lever_alone": "{changes}（仅此一项即可）。",
        "lever_cannot": "仅调整{limit}无法使方案可行。",
        "lever_join": "；",
        "lim_budget_total": "总预算",
        "lim_budget": "各期预算",
        "lim_power": "电力上限",
        "lim_supply": "{chip}的供货量",
        "lim_demand": "{workload}的需求",
        "lim_memory": "{workload}的显存需求",
        "lim_vendor_share": "{vendor}的份额上限",
        "lim_category": "{category}支出份额限制",
        "lim_group_share": "风险组{group}的份额上限",
        "lim_weighted_risk": "加权风险上限",
        "hedge_title": "对冲“{name}”：{status}",
        "hedge_title_unnamed": "对冲：{status}",
        "hedge_infeasible": "没有一组截至{period}（含）的订单能满足所有未来情景：",
        "hedge_orders_now": "现在就要下的订单（截至{period}，含），在每种未来情景中都相同：",
        "hedge_order": "{chip}：{period}下单 {units} 张{unhedged}",
        "hedge_unhedged": "（不对冲的计划：{units} 张）",
        "hedge_no_orders": "无：不需要这么早下任何订单",
        "hedge_cost_each": "每种未来情景的成本：",
        "hedge_future": "{future}（{probability}）：对冲 {cost}，押注“{reference}” {other}",
        "hedge_not_carried": "无法执行",
        "hedge_expected": "期望成本：{cost}",
        "hedge_expected_ref": "（押注“{reference}”：{cost}）",
        "hedge_cvar": "；CVaR {cost}",
        "hedge_reference_fails": "如果发生{where}，押注“{reference}”的计划无法执行：其早期订单"
        "在该情景下没有可行方案，因此对冲价值无法用数字表示——对冲是唯一能应对所有未来情景的计划。",
        "hedge_reference_as_good": "押注“{reference}”平均而言已与对冲一样好：其早期订单在每种"
        "未来情景中都站得住。",
        "hedge_saves_if": "如果“{reference}”发生，对冲比押注“{reference}”多花{extra}，"
        "但平均可节省{amount}。",
        "hedge_saves": "对冲平均可节省{amount}。",
        "hedge_costs_more_if": "如果“{reference}”发生，对冲比押注“{reference}”多花{extra}，"
        "平均多花{amount}。",
        "hedge_costs_more": "对冲平均多花{amount}。",
        "hedge_information": "若能在下单前知道未来，平均价值{amount}（完全信息价值）。",
        "list_sep": "、",
        "lim_outage": "断供覆盖要求",
        "lim_share_vendor_share": "{vendor}的新增支出份额上限",
        "lim_share_group_share": "风险组“{group}”的新增支出份额上限",
        "lim_share_weighted_risk": "加权供应商风险上限",
        "lim_share_category_min": "{category}支出份额下限",
        "lim_share_category_max": "{category}支出份额上限",
        "more_units": "张",
        "points": "{value} 个百分点",
        "instead": "{target}（原为{current}）",
        "sp_demand": "{period}的{workload}需求每增加 1 PFLOP/s，成本增加{cost}。",
        "sp_capacity": "{period}的{chip}每多一张在役，可节省{gain}。",
        "sp_supply": "{period}的{chip}每多供应一张，可节省{gain}。",
        "sp_budget": "{budget}每增加 1 {currency}，总成本可减少 {ratio} {currency}。",
        "sp_budget_total": "总预算",
        "sp_budget_period": "{period}预算",
        "sp_power": "{period}电力每增加 1 kW，可节省{gain}。",
        "sp_vendor_share": "{vendor}的新增支出份额上限{now}每提高一个百分点，可节省{gain}。",
        "sp_category_min": "{category}支出份额下限{now}每一个百分点的代价为{cost}。",
        "sp_category_max": "{category}支出份额上限{now}每提高一个百分点，可节省{gain}。",
        "sp_weighted_risk": "加权供应商风险上限{now}每放宽 0.01，可节省{gain}。",
        "sp_outage": "{period}期间{vendor}断供时{workload}须保留的算力每增加 1 PFLOP/s，"
        "成本增加{cost}。",
        "sp_memory": "{period}的{workload}显存需求每增加 1 TB，成本增加{cost}。",
        "sp_group_share": "风险组“{group}”的新增支出份额上限{now}每提高一个百分点，可节省{gain}。",
        "sp_outage_group": "{period}期间失去风险组“{group}”时{workload}须保留的算力每增加 "
        "1 PFLOP/s，成本增加{cost}。",
        "sp_other_saves": "{name}每多一个单位，可节省{amount}。",
        "sp_other_costs": "{name}每多一个单位，成本增加{amount}。",
        "now": "（目前为{value}）",
        "ex_title": "方案“{title}”：{status}。",
        "ex_untitled": "未命名方案",
        "ex_no_plan": "方案“{title}”：未找到方案（{status}）。{note}",
        "ex_cost": "总成本{total}：资本支出{capex}，新增设备电费{energy}"
        "{penalty}。（现有设备的电费{existing}不计入其中。）",
        "ex_penalty": "，缺口罚金{penalty}",
        "ex_cost_pv": "总成本现值{total}（名义值{nominal}：资本支出{capex}，新增设备电费{energy}"
        "{penalty}）。（现有设备的电费名义值{existing}不计入其中。）",
        "ex_by_group": "按风险组的新增支出（风险组可能重叠）：",
        "ex_gap": "求解因达到时间上限而停止；该方案与最优解的差距在{gap}以内。",
        "ex_by_category": "按类别的新增支出：",
        "ex_by_vendor": "按供应商的新增支出：",
        "ex_risk": "按支出加权的供应商风险为{risk}；集中度（HHI）为{hhi}。",
        "ex_no_purchases": "无需新增采购：现有设备即可满足需求。",
        "ex_purchases": "采购：",
        "ex_bought": "{period} {units}",
        "ex_list_sep": "，",
        "ex_none": "  无。",
        "ex_binding": "起约束作用的限制及其代价：",
        "ex_binding_none": "  没有带代价的限制。",
        "ex_all_met": "各工作负载在每一期的需求均得到满足。",
        "ex_unmet": "未满足的需求（以缺口罚金计价）：",
        "ex_unmet_item": "  {period}的{workload}：{amount}",
        "ex_infeasible": "方案“{title}”不可行：没有能同时满足全部限制的采购方案。",
        "ex_relax_intro": "同时放宽以下限制即可使方案可行：",
        "ex_levers_intro": "或只调整一项限制：",
        "ex_no_diagnosis": "  （未计算诊断）",
        "units": "张",
        "v_finite": "必须是有限的数值，当前为 {value}",
        "v_magnitude": "数值过大，无法用于规划（绝对值至多为 {limit}），当前为 {value}",
        "v_whole_magnitude": "不能大于 {limit}，当前为 {value}",
        "v_gt": "必须大于 {low}，当前为 {value}",
        "v_ge": "必须大于或等于 {low}，当前为 {value}",
        "v_le": "必须小于或等于 {high}，当前为 {value}",
        "v_count": "需要 {count} 个值（每期一个），当前为 {got} 个",
        "v_whole": "必须是大于或等于 {low} 的整数，当前为 {value}",
        "v_id_empty": "{what}不能为空",
        "v_id_colon": "{what} {value} 不能包含“:”",
        "v_duplicate_id": "{what}标识 {value} 重复（首次出现在 {first}）",
        "v_no_periods": "至少需要一个期间",
        "v_duplicate_period": "期间 {value} 重复",
        "v_no_vendors": "至少需要一家供应商",
        "v_empty": "不能为空",
        "v_unknown_vendor": "未知的供应商 {value}",
        "v_unknown_chip": "未知的芯片 {value}",
        "v_not_a_period": "{value} 不是计划中的期间",
        "v_unknown_category": "没有供应商属于类别 {value}（现有类别：{known}）",
        "v_period_label": "期间标签",
        "v_vendor_id": "供应商标识",
        "v_chip_id": "芯片标识",
        "v_workload_id": "工作负载标识",
        "v_vendor": "供应商",
        "v_chip": "芯片",
        "v_workload": "工作负载",
        "v_none": "无",
        "v_version_two_field": "是第 2 版字段：文件必须写明 {format}",
        "v_in_service_order": "{field} {start} 晚于 {other} {end}",
        "v_needs_currency": "需要计划货币（请设置 {field}）",
        "v_fx_is_plan_currency": "{value} 是计划本身的货币；这里只列其他货币",
        "v_unknown_currency": "货币 {value} 在 {field} 中没有汇率（现有：{known}）",
        "v_group_id_vendor": "风险组标识 {value} 与供应商标识相同",
        "v_group_empty": "该风险组没有芯片（请列出供应商或芯片）",
        "v_group": "风险组",
        "v_group_id": "风险组标识",
    },
}
