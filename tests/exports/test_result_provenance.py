"""A result is never exported beside inputs it was not computed from (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exports.tools import example_file
from procure.cli.main import main
from procure.formats.result_json import read_result
from procure.formats.scenario_json import read_scenario, write_scenario
from procure.provenance import ResultMismatchError, check_matches, fingerprint
from procure.storage.codec import scenario_hash


@pytest.fixture
def solved(tmp_path: Path) -> tuple[Path, Path]:
    """The small example and its result, written by ``procure solve``."""
    scenario = tmp_path / "plan.json"
    write_scenario(read_scenario(example_file("example-small.json")), scenario)
    result = tmp_path / "plan.result.json"
    assert main(["solve", str(scenario), "-o", str(result)]) in (0, 1)
    return scenario, result


def _other_plan(solved: tuple[Path, Path], tmp_path: Path) -> Path:
    """The same plan with a budget of 5 bn: same ids, other inputs."""
    data = json.loads(solved[0].read_text(encoding="utf-8"))
    data["budget"] = {"total": 5e9}
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    return other


def test_solve_writes_the_fingerprint_of_its_inputs(solved: tuple[Path, Path]) -> None:
    scenario, result = solved
    assert fingerprint(read_result(result)) == scenario_hash(read_scenario(scenario))


@pytest.mark.parametrize("command", ["export-xlsx", "export-pdf"])
def test_an_export_refuses_a_result_of_other_inputs(
    command: str, solved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _other_plan(solved, tmp_path)
    out = tmp_path / ("x.xlsx" if command == "export-xlsx" else "x.pdf")
    assert main([command, str(other), "-r", str(solved[1]), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "was computed from other inputs than" in err and str(other) in err
    assert "Traceback" not in err
    assert not out.exists()
    assert main([command, str(solved[0]), "-r", str(solved[1]), "-o", str(out)]) == 0
    assert out.exists()


def test_stress_refuses_a_base_result_of_other_inputs(
    solved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _other_plan(solved, tmp_path)
    assert main(["stress", str(other), "-r", str(solved[1]),
                 "-t", "export-licence:start=2026Q3"]) == 2
    assert "was computed from other inputs" in capsys.readouterr().err


def test_an_old_result_without_fingerprint_is_checked_by_its_ids(tmp_path: Path) -> None:
    scenario = read_scenario(example_file("example-small.json"))
    old = read_result(example_file("example-small.result.json"))
    assert fingerprint(old) is None
    note = check_matches(scenario, old)
    assert note is not None and "does not say which inputs" in note
    data = json.loads(example_file("example-small.json").read_text(encoding="utf-8"))
    data["chips"] = [dict(c, id=c["id"] + "-x") for c in data["chips"]]
    for w in data["workloads"]:
        w["efficiency"] = {k + "-x": v for k, v in w["efficiency"].items()}
    data["fleet"] = [dict(f, chip=f["chip"] + "-x") for f in data.get("fleet", [])]
    path = tmp_path / "renamed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResultMismatchError, match="buys chips the scenario does not have"):
        check_matches(read_scenario(path), old)
