"""The memo's sentences: string tables, number wording, limits in words."""

from __future__ import annotations

import string

import pytest

from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import prose
from procure.exports.fonts import FontSet, markup
from procure.exports.prose_strings import STRINGS
from procure.metrics import weakest_outage


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_define_the_same_strings_and_placeholders() -> None:
    assert STRINGS["en"].keys() == STRINGS["zh"].keys()
    for key, english in STRINGS["en"].items():
        assert _fields(english) == _fields(STRINGS["zh"][key]), key


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (36_115_879.8, "en", "36.1 million CNY"),
        (201_194_584_344.85, "en", "201.19 billion CNY"),
        (310_828.87, "en", "310,829 CNY"),
        (0.3, "en", "0.30 CNY"),
        (36_115_879.8, "zh", "3,611.6 万元"),
        (201_194_584_344.85, "zh", "2,011.95 亿元"),
        (-5_000.0, "zh", "-5,000元"),
        (1_500_000.0, "zh", "150.0 万 USD"),
    ],
)
def test_money_is_worded_as_a_memo_states_it(value: float, lang: prose.Lang, expected: str) -> None:
    currency = "USD" if "USD" in expected else "CNY"
    assert prose.money(value, currency, lang) == expected


def test_percent_ratio_and_count() -> None:
    assert prose.percent(0.4) == "40%"
    assert prose.percent(0.2381) == "23.8%"
    assert prose.ratio(0.435) == "0.435"
    assert prose.ratio(0.36) == "0.360"  # three digits, as the limit beside it
    assert prose.count(441.4163) == "441.4"
    assert prose.count(1_117_539.0) == "1,117,539"


def test_binding_limits_named_and_priced(small: tuple[Scenario, Result]) -> None:
    scenario, result = small
    notes = prose.binding_limits(scenario, result, "en")
    costly = [n for n in notes if n.worth > 0]
    assert [n.constraint.name for n in costly] == ["vendor_share:own"]
    assert costly[0].label == "the cap on In-house ASIC's share of new spend"
    assert costly[0].worth == pytest.approx(310_828.87, rel=1e-6)
    zh = prose.binding_limits(scenario, result, "zh")[0]
    assert zh.label == "In-house ASIC的支出份额上限"
    assert "31.1 万元" in zh.effect


def test_constraint_names_in_words(small: tuple[Scenario, Result]) -> None:
    names = prose.Names(small[0], "en")
    assert names.constraint("budget:2026Q2") == "the capital budget for 2026Q2"
    assert names.constraint("budget:total") == "the total capital budget"
    assert names.constraint("category_min:in-house") == "the floor on in-house spend"
    assert names.constraint("outage:huawei:infer:2026Q3") == (
        "outage cover for LLM inference if Huawei fails in 2026Q3"
    )
    assert prose.Names(small[0], "zh").constraint("category_max:imported") == "进口支出份额上限"


def test_weakest_outage_matches_the_outage_rows(small: tuple[Scenario, Result]) -> None:
    scenario, result = small
    case = weakest_outage(scenario, result)
    assert case is not None
    rows = [c for c in result.constraints if c.kind == "outage"]
    demand = {c.parts: c.rhs / 0.3 for c in rows}
    worst = min(rows, key=lambda c: c.lhs / demand[c.parts])
    assert (case.vendor, case.workload, case.period) == worst.parts
    assert case.remaining == pytest.approx(worst.lhs / demand[worst.parts])


def test_markup_escapes_and_switches_font_for_chinese() -> None:
    fonts = FontSet("Helvetica", "Helvetica-Bold", "CJK", True)
    assert markup("R&D <b>", fonts) == "R&amp;D &lt;b&gt;"
    assert markup("Huawei 华为 Ascend", fonts) == 'Huawei <font name="CJK">华为</font> Ascend'
    assert markup("Café", fonts) == "Café"
    assert markup("华为 & co", fonts.for_language("zh")) == "华为 &amp; co"
