"""Every validation problem can be said in Simplified Chinese; the English stays as it was."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from factories import two_vendor

from procure.domain import validation
from procure.domain.model import CategoryShare, FleetEntry, Limits, RiskGroup, Scenario
from procure.domain.validation import validate_scenario
from procure.errors import Problem, ValidationError
from procure.phrases import SENTENCES, Term


def _chip(s: Scenario, **fields: object) -> Scenario:
    return replace(s, chips=(replace(s.chips[0], **fields), *s.chips[1:]))


def _vendor(s: Scenario, **fields: object) -> Scenario:
    return replace(s, vendors=(replace(s.vendors[0], **fields), *s.vendors[1:]))


def _v2(s: Scenario, **fields: object) -> Scenario:
    return replace(s, version=2, **fields)


def _unknown_category(s: Scenario, *, vendors: bool) -> Scenario:
    limits = Limits(category_share={"exotic": CategoryShare(min=0.1)})
    return replace(s, limits=limits, vendors=s.vendors if vendors else ())


# One broken scenario per message, with the exact English it must produce (what the
# command line and older tests print) and the phrase that words it.
CASES: dict[str, tuple[object, str, str]] = {
    "finite": (lambda s: _chip(s, peak_pflops=float("nan")), "chips[0].peak_pflops",
               "must be a finite number, got nan"),
    "gt": (lambda s: _chip(s, peak_pflops=0.0), "chips[0].peak_pflops", "must be > 0, got 0"),
    "magnitude": (lambda s: _chip(s, price=(1e20,)), 'chips[0].price["P1"]',
                  "is too large to plan with (at most 1e+15 in size), got 1e+20"),
    "whole_magnitude": (lambda s: _chip(s, lot_size=10**15), "chips[0].lot_size",
                        "must be at most 1000000, got 1e+15"),
    "ge": (lambda s: _vendor(s, risk=-0.5), "vendors[0].risk", "must be >= 0, got -0.5"),
    "le": (lambda s: _vendor(s, risk=1.5), "vendors[0].risk", "must be <= 1, got 1.5"),
    "count": (lambda s: _chip(s, price=(1.0, 2.0)), "chips[0].price",
              "needs 1 values (one per period), got 2"),
    "whole": (lambda s: _chip(s, lead_time=-1), "chips[0].lead_time",
              "must be a whole number >= 0, got -1"),
    "id_empty": (lambda s: _chip(s, id=""), "chips[0].id", "chip id must not be empty"),
    "id_colon": (lambda s: _vendor(s, id="A:1"), "vendors[0].id",
                 "vendor id 'A:1' must not contain ':'"),
    "duplicate_id": (lambda s: replace(s, workloads=s.workloads * 2), "workloads[1].id",
                     "duplicate workload id 'w' (first at workloads[0])"),
    "no_periods": (lambda s: replace(s, periods=()), "periods", "must list at least one period"),
    "duplicate_period": (lambda s: replace(s, periods=("P1", "P1")), "periods[1]",
                         "duplicate period 'P1'"),
    "no_vendors": (lambda s: replace(s, vendors=()), "vendors", "must list at least one vendor"),
    "empty": (lambda s: _vendor(s, category=""), "vendors[0].category", "must not be empty"),
    "unknown_vendor": (lambda s: _chip(s, vendor="Z"), "chips[0].vendor", "unknown vendor 'Z'"),
    "unknown_chip": (lambda s: replace(s, fleet=(FleetEntry("z", 1.0),)), "fleet[0].chip",
                     "unknown chip 'z'"),
    "not_a_period": (lambda s: replace(s, fleet=(FleetEntry("a", 1.0, "P9"),)),
                     "fleet[0].retire_after", "'P9' is not one of the periods"),
    "unknown_category": (lambda s: _unknown_category(s, vendors=True),
                         'limits.category_share["exotic"]',
                         "no vendor has category 'exotic' (categories: domestic, imported)"),
    "needs_v2": (lambda s: replace(s, discount_rate=0.08), "discount_rate",
                 'is a version-2 field: the file must say "format": "procure-scenario/2"'),
    "in_service_order": (
        lambda s: _v2(s, periods=("P1", "P2"),
                      fleet=(FleetEntry("a", 1.0, "P1", in_service_from="P2"),),
                      chips=tuple(replace(c, price=(1.0, 1.0)) for c in s.chips),
                      workloads=tuple(replace(w, demand=(1.0, 1.0)) for w in s.workloads)),
        "fleet[0].in_service_from", "in_service_from 'P2' is after retire_after 'P1'"),
    "needs_currency": (lambda s: _v2(s, currency=None, fx={"USD": (7.0,)}), "currency",
                       'needs the plan\'s currency (set "currency")'),
    "fx_is_plan_currency": (lambda s: _v2(s, currency="CNY", fx={"CNY": (1.0,)}), 'fx["CNY"]',
                            "is the plan's own currency 'CNY'; list other currencies only"),
    "unknown_currency": (lambda s: _v2(s, currency="CNY", chips=(
        replace(s.chips[0], price_currency="EUR"), *s.chips[1:])), "chips[0].price_currency",
        "currency 'EUR' has no rate in \"fx\" (rates: none)"),
    "group_id_vendor": (lambda s: _v2(s, risk_groups=(RiskGroup("A", vendors=("A",)),)),
                        "risk_groups[0].id", "group id 'A' is also a vendor id"),
    "group_empty": (lambda s: _v2(s, risk_groups=(RiskGroup("g", vendors=()),)),
                    "risk_groups[0]", "the group has no chip (list vendors or chips)"),
}
# The same sentences with their other words (a term of the phrase table inside them).
VARIANTS: dict[str, tuple[object, str, str]] = {
    "period label": (lambda s: replace(s, periods=("",)), "periods[0]",
                     "period label must not be empty"),
    "workload id": (lambda s: replace(s, workloads=(replace(s.workloads[0], id="w:1"),)),
                    "workloads[0].id", "workload id 'w:1' must not contain ':'"),
    "duplicate chip": (lambda s: replace(s, chips=(s.chips[0], s.chips[0])), "chips[1].id",
                       "duplicate chip id 'a' (first at chips[0])"),
    "duplicate vendor": (lambda s: replace(s, vendors=(s.vendors[0], s.vendors[0])),
                         "vendors[1].id", "duplicate vendor id 'A' (first at vendors[0])"),
    "no categories": (lambda s: _unknown_category(s, vendors=False),
                      'limits.category_share["exotic"]',
                      "no vendor has category 'exotic' (categories: none)"),
    "duplicate group": (lambda s: _v2(s, risk_groups=(RiskGroup("g", chips=("a",)),) * 2),
                        "risk_groups[1].id",
                        "duplicate risk group id 'g' (first at risk_groups[0])"),
    "group id": (lambda s: _v2(s, risk_groups=(RiskGroup("g:1", chips=("a",)),)),
                 "risk_groups[0].id", "risk group id 'g:1' must not contain ':'"),
}


def _problem(case: tuple[object, str, str]) -> Problem:
    make, location, message = case
    problems = validate_scenario(make(two_vendor()))  # type: ignore[operator]
    found = [p for p in problems if p.location == location and p.message == message]
    assert found, f"{message!r} not among {[str(p) for p in problems]}"
    return found[0]


def _phrase_keys_in_validation() -> set[str]:
    """Every phrase key validation.py names, sentences and terms alike."""
    source = Path(validation.__file__).read_text(encoding="utf-8")
    return set(re.findall(r'"(v_[a-z_]+)"', source))


ALL = {**CASES, **VARIANTS}


@pytest.mark.parametrize("name", list(ALL))
def test_the_english_is_unchanged(name: str) -> None:
    problem = _problem(ALL[name])
    assert problem.text() == problem.text("en") == problem.message == ALL[name][2]
    assert problem == Problem(problem.location, problem.message)  # phrases take no part


def test_every_sentence_of_validation_is_triggered_and_translated() -> None:
    used = _phrase_keys_in_validation()
    sentences = {_problem(case).key for case in CASES.values()}
    terms = {value.key for case in ALL.values() for _, value in _problem(case).values
             if isinstance(value, Term)}
    assert None not in sentences
    assert sentences | terms == used, "a validation message has no broken scenario here"
    for key in used:
        assert key in SENTENCES["en"] and key in SENTENCES["zh"], key
        assert SENTENCES["zh"][key] != SENTENCES["en"][key], key


@pytest.mark.parametrize("name", list(ALL))
def test_the_chinese_has_no_english_left_but_ids_and_numbers(name: str) -> None:
    problem = _problem(ALL[name])
    zh = problem.text("zh")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
    rest = zh
    for _, value in problem.values:
        if not isinstance(value, Term):
            rest = rest.replace(str(value), " ")
    assert not re.search(r"[A-Za-z]", rest), f"English left in {zh!r}"


def test_examples_in_chinese() -> None:
    assert _problem(CASES["ge"]).text("zh") == "必须大于或等于 0，当前为 -0.5"
    assert _problem(CASES["count"]).text("zh") == "需要 1 个值（每期一个），当前为 2 个"
    assert _problem(VARIANTS["duplicate chip"]).text("zh") == (
        "芯片标识 'a' 重复（首次出现在 chips[0]）")
    assert _problem(VARIANTS["no categories"]).text("zh") == (
        "没有供应商属于类别 'exotic'（现有类别：无）")


def test_unphrased_problems_and_the_error_message_stay_english() -> None:
    plain = Problem("x", "must be a list")
    assert plain.text("zh") == "must be a list"
    problems = validate_scenario(_chip(two_vendor(), peak_pflops=0.0))
    with pytest.raises(ValidationError) as err:
        validation.ensure_valid(_chip(two_vendor(), peak_pflops=0.0), "plan.json")
    assert err.value.message == (
        "plan.json: 1 problem found\n  chips[0].peak_pflops: must be > 0, got 0")
    assert str(problems[0]) == "chips[0].peak_pflops: must be > 0, got 0"
