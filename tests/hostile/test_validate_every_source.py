"""#16 items 4 and 6: ``validate`` checks what solve, exports and storage need, for every source.

Tampered plan-file rows, lone surrogates, control characters and overlong names are
refused at validation (exit 2, with where), never later as an internal error.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hostile_helpers import example_data, snapshot

from procure import services
from procure.errors import ProcureError


@pytest.fixture
def plan(tmp_path: Path, scenario_file: Path, run) -> Path:
    target = tmp_path / "plan.procure"
    assert run("import", scenario_file, "--to", target)[0] == 0
    return target


def _tamper(plan: Path, sql: str) -> None:
    conn = sqlite3.connect(plan)
    try:
        conn.executescript(sql)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


@pytest.mark.parametrize(("sql", "message"), [
    ("UPDATE chip SET price = '[NaN, 1, 2, 3]' WHERE ident = 'h20'", "chips[0].price"),
    ("UPDATE chip SET price = '[1]' WHERE ident = 'h20'", "chips[0].price"),
    ("UPDATE chip SET lot_size = 'eight' WHERE ident = 'h20'", ""),
    ("UPDATE chip SET price = 'not json' WHERE ident = 'h20'", "damaged"),
])
@pytest.mark.parametrize("command", ["validate", "solve"])
def test_tampered_plan_file_is_refused(
    tmp_path: Path, plan: Path, run, sql: str, message: str, command: str
) -> None:
    _tamper(plan, sql)
    before = snapshot(tmp_path)
    code, out, err = run(command, plan)
    assert code == 2, err
    assert out == "" and "internal error" not in err
    assert message in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("spoil", "message"), [
    (lambda d: d["vendors"][0].update(name="Nvidia \ud83d"), "vendors[0].name: contains an "
     "invalid character (a lone surrogate U+D83D)"),
    (lambda d: d["vendors"][0].update(name="ok\tapproved\nfake"), "vendors[0].name: contains a "
     "control character (U+0009)"),
    (lambda d: d["chips"][0].update(name="\x00"), "chips[0].name: contains a control character"),
    (lambda d: d["workloads"][0].update(name="W" * 10_000), "workloads[0].name: is 10,000 "
     "characters long; at most 200"),
    (lambda d: d["chips"][0].update(x={"note": "\udc00"}), "chips[0].x.note: contains an "
     "invalid character"),
])
def test_bad_text_is_refused_at_validation(tmp_path: Path, run, spoil, message: str) -> None:
    data = example_data()
    spoil(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # \\u escapes keep lone surrogates
    before = snapshot(tmp_path)
    for command in ("validate", "solve"):
        code, out, err = run(command, path)
        assert code == 2 and out == "", err
        assert message in err
    assert snapshot(tmp_path) == before


def test_number_too_large_inside_x_is_refused(tmp_path: Path, run) -> None:
    data = example_data()
    data["chips"][0]["x"] = {"deep": ["@@"]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data).replace('"@@"', "1e400"))
    code, _, err = run("validate", path)
    assert code == 2 and "chips[0].x.deep[0]: the number is too large" in err


def test_service_api_validates_stored_plans(plan: Path) -> None:
    _tamper(plan, "UPDATE chip SET price = '[NaN, 1, 2, 3]'")
    with pytest.raises(ProcureError, match="plan 'Example plan'"):
        services.load_scenario(str(plan))
