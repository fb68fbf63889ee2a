"""``procure stress / sweep / simulate / variants``, and the files they write."""

from __future__ import annotations

import json

import openpyxl
import pytest
from analysis_factories import three_periods
from factories import two_vendor_data

from procure.cli.main import main
from procure.errors import ProcureError
from procure.exports.analysis_charts import comparison_chart, histogram_chart, save_drawing
from procure.formats.scenario_json import read_scenario, write_scenario


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.json"
    write_scenario(three_periods(), path)
    return path


def test_stress_prints_the_comparison_and_writes_every_file(plan, tmp_path, capsys):
    out, xlsx, chart = tmp_path / "s.json", tmp_path / "s.xlsx", tmp_path / "s.svg"
    code = main(["stress", str(plan), "-t", "export-licence:start=P2", "-o", str(out),
                 "--xlsx", str(xlsx), "--chart", str(chart)])
    assert code == 0
    table = capsys.readouterr().out
    assert "Export licence: A cut from P2" in table
    assert "+500 CNY" in table and "+1,500 CNY" in table  # re-plan and hold
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "procure-analysis/1" and data["kind"] == "stress"
    hold = data["outcomes"][0]["hold"]
    assert hold["stranded_spend"] == pytest.approx(1000)
    assert [r["answer"] for r in data["comparison"]["rows"]] == ["base", "replan", "hold"]
    sheet = openpyxl.load_workbook(xlsx)["Scenario comparison"]
    assert sheet["G4"].value == "vs base (CNY)"
    assert sheet["G7"].value == pytest.approx(1500)  # hold's extra cost
    assert sheet["K7"].value == "1,500 CNY dearer"
    assert chart.read_text(encoding="utf-8").startswith("<?xml")


def test_stress_memo_has_the_comparison(plan, tmp_path):
    pdf = tmp_path / "memo.pdf"
    assert main(["stress", str(plan), "-t", "export-licence:start=P2", "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_sweep_and_simulate(plan, tmp_path, capsys):
    out = tmp_path / "sweep.json"
    assert main(["sweep", str(plan), "--limit", "category_max:imported", "--values",
                 "0,0.5,1", "-o", str(out), "--xlsx", str(tmp_path / "w.xlsx")]) == 0
    assert "Total cost against the cap on imported share" in capsys.readouterr().out
    points = json.loads(out.read_text(encoding="utf-8"))["sweep"]["points"]
    assert [p["total_cost"] for p in points] == pytest.approx([1500, 1200 * 1, 1000], rel=1e-6)
    assert openpyxl.load_workbook(tmp_path / "w.xlsx")["Trade-off"]["A5"].value == 0
    assert main(["simulate", str(plan), "--futures", "400", "--seed", "3", "--probability",
                 "A=0.5", "--probability", "B=0", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["simulation"]["futures"] == 400
    assert data["simulation"]["disruption"]["source"]["A"] == "explicit"


def test_variants_add_list_apply_and_stress(plan, tmp_path, capsys):
    stored = tmp_path / "with-variants.json"
    assert main(["variants", str(plan), "--add", "cut", "-t", "export-licence:start=P2",
                 "--override", "chips/b/price", "scale", "1.2", "P2..P3", "-o",
                 str(stored)]) == 0
    assert main(["variants", str(stored)]) == 0
    assert "cut: Export licence: A cut from P2; chips/b/price x1.2 (P2 to P3)" in \
        capsys.readouterr().out
    applied = tmp_path / "applied.json"
    assert main(["variants", str(stored), "--apply", "cut", "-o", str(applied)]) == 0
    s = read_scenario(applied)
    assert [c.id for c in s.chips] == ["a", "b", "a@P1"]
    assert s.chips[1].price == (150, 180, 180)
    capsys.readouterr()
    assert main(["stress", str(stored)]) == 0  # runs the stored variants
    assert "cut" in capsys.readouterr().out
    before = stored.read_bytes()
    assert main(["variants", str(stored), "--apply", "cut", "-o", str(stored)]) == 2
    assert "also an input" in capsys.readouterr().err  # --apply would replace the plan
    assert stored.read_bytes() == before
    assert main(["variants", str(stored), "--remove", "cut", "-o", str(stored)]) == 0
    assert read_scenario(stored).x is None  # editing in place is what --remove is for


def test_bad_input_is_a_message_not_a_traceback(plan, capsys):
    assert main(["stress", str(plan), "-t", "export-licence:start=P9"]) == 2
    assert "'P9' is not one of the periods" in capsys.readouterr().err
    assert main(["stress", str(plan)]) == 2
    assert "nothing to stress" in capsys.readouterr().err
    assert main(["sweep", str(plan), "--limit", "weighted_risk", "--from", "0.2"]) == 2
    assert main(["stress", "--list-templates"]) == 0
    assert "supplier-exit" in capsys.readouterr().out


def test_charts_build_and_save(tmp_path):
    from procure.analysis.compare import comparison_of
    from procure.analysis.montecarlo import simulate
    from procure.analysis.stress import run_stresses
    from procure.analysis.templates import parse_template
    from procure.analysis.variants import Variant
    from procure.formats.scenario_json import scenario_from_data
    from procure.optimiser import solve

    s = scenario_from_data(two_vendor_data())
    outcomes = run_stresses(s, [Variant("cut", stress=parse_template("export-licence:start=P1"))])
    save_drawing(comparison_chart(comparison_of(outcomes)), tmp_path / "c.pdf")
    save_drawing(histogram_chart(simulate(s, solve(s), futures=50)), tmp_path / "h.svg")
    assert (tmp_path / "c.pdf").stat().st_size > 1000
    with pytest.raises(ProcureError, match=r"\.svg, \.pdf or \.png"):
        save_drawing(comparison_chart(comparison_of(outcomes)), tmp_path / "c.gif")


def test_monte_carlo_and_trade_off_sheets_line_up_with_their_charts(tmp_path):
    from procure.analysis.montecarlo import disruption_model, simulate
    from procure.analysis.tradeoff import SweepLimit, sweep
    from procure.exports.analysis_sheets import write_analysis_workbook
    from procure.formats.scenario_json import scenario_from_data
    from procure.optimiser import solve

    s = scenario_from_data(two_vendor_data())
    sim = simulate(s, solve(s), futures=200, bins=5, model=disruption_model(s, {"A": 0.5}))
    curve = sweep(s, SweepLimit.parse("category_max:imported"), [0.0, 0.5, 1.0])
    path = tmp_path / "analysis.xlsx"
    write_analysis_workbook(path, sweep=curve, simulation=sim)
    wb = openpyxl.load_workbook(path)
    mc = wb["Monte Carlo"]
    header = 8 + len(sim.workloads)
    assert mc.cell(header, 1).value == "Up to (PFLOP/s x periods)"
    assert mc.cell(header + 1, 1).value == "none"
    assert mc.cell(header + 1, 2).value == sim.total.histogram.zero
    assert sum(mc.cell(header + 2 + i, 2).value for i in range(5)) + \
        sim.total.histogram.zero == 200
    trade = wb["Trade-off"]
    assert trade["C2"].value == pytest.approx(1000)  # the current plan's cost
    assert [trade.cell(5 + i, 3).value for i in range(3)] == pytest.approx([1500, 1200, 1000])
