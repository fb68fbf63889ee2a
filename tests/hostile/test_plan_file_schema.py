"""#16 item 10: a plan file carrying triggers, views or extra tables is refused, untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hostile_helpers import snapshot

from procure import services
from procure.errors import StorageError

PLANTS = {
    "trigger": "CREATE TRIGGER t AFTER INSERT ON scenario BEGIN DELETE FROM audit_entry; END",
    "view": "CREATE VIEW v AS SELECT * FROM plan",
    "table": "CREATE TABLE payload (x)",
    "index on a foreign table": "CREATE TABLE payload (x); CREATE INDEX ix_p ON payload (x)",
}


@pytest.fixture
def plan(tmp_path: Path, scenario_file: Path, run) -> Path:
    target = tmp_path / "plan.procure"
    assert run("import", scenario_file, "--to", target)[0] == 0
    return target


def _plant(plan: Path, sql: str) -> None:
    conn = sqlite3.connect(plan)
    try:
        conn.executescript(sql)
        conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in; no side files left
    finally:
        conn.close()


@pytest.mark.parametrize("kind", list(PLANTS))
@pytest.mark.parametrize("command", ["import", "validate", "export", "plans"])
def test_foreign_schema_objects_are_refused_and_the_file_left_alone(
    tmp_path: Path, plan: Path, scenario_file: Path, run, kind: str, command: str
) -> None:
    _plant(plan, PLANTS[kind])
    before = snapshot(tmp_path)
    argv = {
        "import": ("import", scenario_file, "--to", plan, "--plan", "Example plan",
                   "--variant", "v"),
        "validate": ("validate", plan),
        "export": ("export", plan),
        "plans": ("plans", plan),
    }[command]
    code, out, err = run(*argv)
    assert code == 2, err
    assert out == ""
    assert "Procure did not create" in err and "It was not changed" in err
    assert snapshot(tmp_path) == before  # byte-identical, no -wal or -shm appeared


def test_service_api_refuses_a_trigger(plan: Path) -> None:
    _plant(plan, PLANTS["trigger"])
    with pytest.raises(StorageError, match="trigger 't'"):
        services.open_store(plan)


def test_a_clean_plan_still_opens(plan: Path) -> None:
    with services.open_store(plan) as store:
        assert not store.read_only
        with store.read("check") as conn:
            assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
