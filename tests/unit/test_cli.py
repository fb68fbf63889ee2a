"""The command line: exit codes, outputs, messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from factories import two_vendor_data

from procure.cli.main import main
from procure.formats.result_json import read_result


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_validate_ok_and_bad(tmp_path, capsys):
    good = write(tmp_path, "good.json", two_vendor_data())
    assert main(["validate", str(good)]) == 0
    assert "valid" in capsys.readouterr().err
    data = two_vendor_data()
    data["chips"][0]["price"] = -5
    data["vendors"][1]["risk"] = 3
    bad = write(tmp_path, "bad.json", data)
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "2 problems found" in err
    assert 'chips[0].price["P1"]: must be >= 0, got -5' in err
    assert "vendors[1].risk: must be <= 1, got 3" in err


def test_solve_writes_result_file(tmp_path, capsys, example_path):
    out = tmp_path / "result.json"
    assert main(["solve", str(example_path), "-o", str(out)]) == 0
    assert "optimal: total cost 36.7 m CNY" in capsys.readouterr().err
    assert read_result(out).objective == pytest.approx(36_732_599.05, rel=1e-6)


def test_solve_to_stdout(tmp_path, capsys):
    path = write(tmp_path, "s.json", two_vendor_data())
    assert main(["solve", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "procure-result/1" and data["objective"] == pytest.approx(1000)


def test_infeasible_exit_code_still_writes_the_diagnosis(tmp_path, capsys):
    path = write(tmp_path, "s.json", two_vendor_data(budget={"total": 600}))
    out = tmp_path / "r.json"
    assert main(["solve", str(path), "-o", str(out)]) == 1
    assert "infeasible: 1 relaxation suggested" in capsys.readouterr().err
    assert main(["explain", str(out)]) == 0
    assert "Raise the total budget by 400 CNY." in capsys.readouterr().out


def test_bad_input_exit_code_changes_nothing(tmp_path, capsys):
    path = write(tmp_path, "s.json", "{not json")
    out = tmp_path / "r.json"
    assert main(["solve", str(path), "-o", str(out)]) == 2
    assert "line 1, column 2" in capsys.readouterr().err
    assert not out.exists()


def test_explain_reports_binding_limits(tmp_path, capsys, example_path):
    out = tmp_path / "r.json"
    main(["solve", str(example_path), "-o", str(out)])
    capsys.readouterr()
    assert main(["explain", str(out)]) == 0
    text = capsys.readouterr().out
    assert "New spend by category:" in text
    assert "Raising In-house ASIC's cap on new spend (now 60.0%) by one percentage point" in text
    assert "Each extra PFLOP/s of LLM inference demand in 2026Q4 costs 326,323 CNY." in text


def test_explain_rejects_a_scenario_file(capsys, example_path):
    assert main(["explain", str(example_path)]) == 2
    assert "must be 'procure-result/1'" in capsys.readouterr().err


def test_bad_flags_exit_2(capsys, example_path):
    with pytest.raises(SystemExit) as info:
        main(["solve", str(example_path), "--time-limit", "soon"])
    assert info.value.code == 2
    assert "not a number of seconds" in capsys.readouterr().err


def test_time_limit_exit_code(tmp_path, capsys, monkeypatch):
    from procure.optimiser import highs

    def out_of_time(lp, **kwargs):
        return highs.RawSolution(highs.RawStatus.TIME_LIMIT, message="time limit reached")

    monkeypatch.setattr("procure.optimiser.solver.solve_programme", out_of_time)
    path = write(tmp_path, "s.json", two_vendor_data())
    assert main(["solve", str(path), "--time-limit", "1", "-o", str(tmp_path / "r.json")]) == 3
    assert "time_limit" in capsys.readouterr().err


def test_a_bug_prints_one_line_and_the_log(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PROCURE_LOG_DIR", str(tmp_path / "logs"))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("procure.cli.solve_commands.read_scenario", broken)
    assert main(["validate", "whatever.json"]) == 70
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err
    assert "RuntimeError: boom" in (tmp_path / "logs" / "procure.log").read_text()


def test_demo_runs_as_a_real_process(tmp_path):
    out = tmp_path / "demo.json"
    proc = subprocess.run(
        [sys.executable, "-m", "procure.cli.main", "demo", "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "optimal" in proc.stdout and "New spend by vendor:" in proc.stdout
    assert read_result(out).status.value == "optimal"


@pytest.mark.parametrize("command", [[], ["validate"], ["solve"], ["explain"], ["demo"]])
def test_help_everywhere(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    assert "usage: procure" in capsys.readouterr().out


def test_solve_writes_workbook_and_memo(tmp_path, capsys, example_path):
    from procure.exports import read_workbook
    from procure.formats.scenario_json import read_scenario

    xlsx, pdf = tmp_path / "plan.xlsx", tmp_path / "memo.pdf"
    code = main(["solve", str(example_path), "-o", str(tmp_path / "r.json"),
                 "--xlsx", str(xlsx), "--pdf", str(pdf)])
    assert code == 0
    assert read_workbook(xlsx) == read_scenario(example_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"wrote {pdf}" in capsys.readouterr().err


def test_solve_a_plan_file_and_its_variant(tmp_path, capsys, example_path):
    from dataclasses import replace

    from procure import services
    from procure.formats.scenario_json import read_scenario

    scenario = read_scenario(example_path)
    plan = tmp_path / "fleet.procure"
    doc = services.create_plan_file(plan, scenario, name="Fleet")
    cheaper = replace(scenario, limits=replace(scenario.limits, vendor_max_share=None))
    services.add_variant(doc.store, doc.plan, "no vendor cap", cheaper)
    doc.store.close()

    assert main(["solve", str(plan), "-o", str(tmp_path / "base.json")]) == 0
    assert read_result(tmp_path / "base.json").objective == pytest.approx(36_732_599.05, rel=1e-6)
    assert main(["solve", str(plan), "--variant", "no vendor cap",
                 "-o", str(tmp_path / "variant.json")]) == 0
    assert read_result(tmp_path / "variant.json").objective < 36_732_599.05
    assert main(["validate", str(plan), "--variant", "nope"]) == 2
    capsys.readouterr()


def test_explain_in_chinese(tmp_path, capsys, example_path):
    out = tmp_path / "r.json"
    main(["solve", str(example_path), "-o", str(out)])
    capsys.readouterr()
    assert main(["explain", str(out), "--lang", "zh"]) == 0
    text = capsys.readouterr().out
    assert "按类别的新增支出" in text
    assert "New spend" not in text
