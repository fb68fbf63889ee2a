"""``procure hedge``: from a hedge file and from a plan's what-ifs; exit codes as solve.

The plan is the hand case of ``test_hedge.py`` over three periods: chip a at 100
in P1 and 150 after, demand 10 from P2 ("base plan", 40%) or 20 from P2 (the
what-if "high", 60%), news in P2, so P1's orders are here-and-now: the hedge
buys 10 in P1 and costs 1000 or 2500 (expected 1900); betting on "high" (20 in
P1) costs 2000 in both; wait-and-see 1600.
"""

from __future__ import annotations

import json

import pytest
from analysis_factories import hedge_plan_data as plan_data

from procure.analysis.hedge_plan import hedge_from_what_ifs, suggested_decide_through
from procure.cli.main import main
from procure.errors import ValidationError
from procure.formats.scenario_json import scenario_from_data, write_scenario


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.json"
    write_scenario(scenario_from_data(plan_data()), path)
    return path


def test_a_hedge_of_the_plans_what_ifs_prints_the_planners_summary(plan, tmp_path, capsys):
    out = tmp_path / "hedge.json"
    code = main(["hedge", str(plan), "--what-if", "high=60%", "-o", str(out)])
    assert code == 0
    text = capsys.readouterr().out
    assert "Orders to place now (through P1)" in text
    assert "Alpha: 10 units in P1 (unhedged plan: 20)" in text
    assert "base plan (40%): 1,000 CNY hedged, 2,000 CNY betting on high" in text
    assert "high (60%): 2,500 CNY hedged, 2,000 CNY betting on high" in text
    assert "Hedging costs 500 CNY more than betting on high if high happens, and saves 100 CNY " \
           "on average." in text
    assert "worth 300 CNY on average" in text
    data = json.loads(out.read_text())
    assert data["format"] == "procure-hedge-result/1"
    assert data["expected_cost"] == pytest.approx(1900)
    assert data["reference"]["name"] == "high"
    assert [s["name"] for s in data["scenarios"]] == ["base plan", "high"]


def test_the_what_ifs_event_suggests_the_horizon():
    base = scenario_from_data(plan_data())
    assert suggested_decide_through(base, ["high"]) == "P1"
    hedge = hedge_from_what_ifs(base, [("high", 0.25)])
    assert hedge.decide_through == "P1"
    assert [(e.name, e.probability) for e in hedge.scenarios] == [("base plan", 0.75),
                                                                  ("high", 0.25)]


def test_a_hedge_file_gives_the_same_answer_and_json(plan, tmp_path, capsys):
    base = plan_data()
    high = plan_data()
    high["workloads"][0]["demand"] = [0, 20, 20]
    for d in (base, high):
        del d["x"]
    hedge = {"format": "procure-hedge/1", "decide_through": "P1", "scenarios": [
        {"name": "low", "probability": 0.4, "scenario": base},
        {"name": "high", "probability": 0.6, "scenario": high}]}
    path = tmp_path / "h.json"
    path.write_text(json.dumps(hedge))
    assert main(["hedge", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["expected_cost"] == pytest.approx(1900)
    assert data["value_of_hedging"] == pytest.approx(100)


def test_an_infeasible_hedge_exits_1_with_its_diagnosis(plan, capsys):
    code = main(["hedge", str(plan), "--what-if", "broke=0.5", "--decide-through", "P1"])
    assert code == 1
    text = capsys.readouterr().out
    assert "No single set of orders through P1 serves every future" in text
    assert "'broke' cannot be served even on its own" in text


def test_a_reference_infeasible_elsewhere_is_said_in_words(tmp_path, capsys):
    data = plan_data()
    data["x"]["procure"]["variants"] = [{"name": "short", "overrides": [
        {"path": ["chips", "a", "supply"], "op": "set", "value": 5, "from": "P1", "to": "P1"}],
        "event": "P2"}]
    path = tmp_path / "p.json"
    write_scenario(scenario_from_data(data), path)
    # "short" can ship only 5 in P1: betting on the base plan (10 in P1) cannot be carried
    # through there; the hedge buys 5 in P1 and the rest in P2.
    code = main(["hedge", str(path), "--what-if", "short=0.4"])
    assert code == 0
    text = capsys.readouterr().out
    assert "Betting on base plan cannot be carried through if 'short' happens" in text
    assert "Alpha: 5 units in P1 (unhedged plan: 10)" in text


def test_input_errors_exit_2_naming_the_problem(plan, tmp_path, capsys):
    assert main(["hedge", str(plan), "--what-if", "nobody=0.3"]) == 2
    assert "no variant 'nobody'" in capsys.readouterr().err
    assert main(["hedge", str(plan), "--what-if", "high"]) == 2
    assert "must be NAME=PROB" in capsys.readouterr().err
    assert main(["hedge", str(plan), "--what-if", "high=0.3", "--base-probability", "0.5"]) == 2
    assert "add up to 1" in capsys.readouterr().err
    assert main(["hedge", str(plan), "--what-if", "high=0.3", "--decide-through", "Q9"]) == 2
    assert "decide_through" in capsys.readouterr().err
    assert main(["hedge", str(plan), "--decide-through", "P1"]) == 2
    assert "go with --what-if" in capsys.readouterr().err
    missing = tmp_path / "none.json"
    assert main(["hedge", str(missing)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_what_if_names_keep_their_equals_signs():
    from procure.cli.hedge_commands import parse_what_if

    assert parse_what_if("a=b=0.25", 0) == ("a=b", 0.25)
    with pytest.raises(ValidationError):
        parse_what_if("x=2", 0)


def licence_plan():
    """``three_periods`` (a: imported, 100, lead 1; b: domestic, 150; demand 0, 10, 10) with
    the what-if "cut": an export licence from P2, so a ordered in P1 is in transit at P2
    and stranded (paid, never delivered): a vintage copy a@P1 in that future."""
    from analysis_factories import three_periods

    from procure.analysis.variants import Variant, put_variant

    cut = Variant.from_data({"name": "cut",
                             "stress": {"template": "export-licence", "start": "P2"}})
    return put_variant(three_periods(), cut)


@pytest.mark.parametrize(("p_cut", "units_of_a", "expected"), [
    # x units of a in P1 cost 100 each and save 150 each in the base plan only: worth it
    # when 100 < 150 (1 - p_cut). p 0.2: x = 10, base 1000, cut 1000 + 1500: 1300.
    (0.2, 10.0, 0.8 * 1000 + 0.2 * 2500),
    # p 0.5: not worth it; buy b (150) in P2 in both futures: 1500.
    (0.5, 0.0, 1500.0),
])
def test_early_orders_are_shared_through_the_stressed_futures_vintage_copies(
        p_cut, units_of_a, expected):
    from procure.analysis.hedge import solve_hedge

    base = licence_plan()
    hedge = hedge_from_what_ifs(base, [("cut", p_cut)])
    assert hedge.decide_through == "P1"
    r = solve_hedge(hedge)
    assert r.expected_cost == pytest.approx(expected)
    assert r.here_and_now["a"]["P1"] == pytest.approx(units_of_a)
    base_plan, cut = (f.result for f in r.scenarios)
    assert base_plan.buy["a"]["P1"] == pytest.approx(units_of_a)
    assert cut.buy["a@P1"]["P1"] == pytest.approx(units_of_a)  # the same order, stranded
    assert r.wait_and_see == pytest.approx((1 - p_cut) * 1000 + p_cut * 1500)
    # betting on the base plan (10 a in P1): base 1000, cut 2500
    assert r.reference.expected_cost == pytest.approx((1 - p_cut) * 1000 + p_cut * 2500)


def test_the_workbook_sheet_reads_back(plan, tmp_path):
    import openpyxl

    xlsx = tmp_path / "hedge.xlsx"
    assert main(["hedge", str(plan), "--what-if", "high=0.6", "--xlsx", str(xlsx)]) == 0
    ws = openpyxl.load_workbook(xlsx)["Hedge"]
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    figures = {r[0]: r[1] for r in rows if r and r[0]}
    assert figures["Expected cost (CNY)"] == pytest.approx(1900)
    assert figures["Value of hedging (CNY)"] == pytest.approx(100)
    assert figures["Value of perfect information (CNY)"] == pytest.approx(300)
    futures = {r[0]: r[1:4] for r in rows if r and r[0] in ("base plan", "high")}
    assert futures["base plan"] == pytest.approx((0.4, 1000, 2000))
    assert futures["high"] == pytest.approx((0.6, 2500, 2000))
    orders = [tuple(r[:4]) for r in rows if r and r[0] == "Alpha"]
    assert orders == [("Alpha", "P1", pytest.approx(10), pytest.approx(20))]
    assert len(ws._charts) == 1


def test_a_reference_as_good_as_the_hedge_is_said_so(plan, capsys):
    # with "high" at 20% the hedge and the base plan's own orders agree (10 a in P1)
    assert main(["hedge", str(plan), "--what-if", "high=0.2"]) == 0
    text = capsys.readouterr().out
    assert "Betting on base plan is already as good as the hedge on average" in text
    assert "saves" not in text


def _pdf_text(pdf) -> str:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_the_memo_section_states_the_hedge_in_prose(plan, tmp_path):
    pdf = tmp_path / "hedge.pdf"
    assert main(["hedge", str(plan), "--what-if", "high=0.6", "--pdf", str(pdf)]) == 0
    text = _pdf_text(pdf)
    assert "Recommendation under uncertainty" in text
    assert "Place the orders below now (through P1)" in text
    assert "saves 100 CNY on average" in text
    assert "base plan 40% 1,000 CNY 2,000 CNY" in text
    assert "Alpha P1 10 20" in text


def test_the_memo_of_an_infeasible_hedge_gives_the_diagnosis(plan, tmp_path):
    pdf = tmp_path / "hedge.pdf"
    assert main(["hedge", str(plan), "--what-if", "broke=0.5", "--decide-through", "P1",
                 "--pdf", str(pdf)]) == 1
    text = _pdf_text(pdf)
    assert "No single set of orders through P1 serves every future." in text
    assert "'broke' cannot be served even on its own" in text
