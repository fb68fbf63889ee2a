"""``procure import`` / ``export`` / ``plans`` and ``load_scenario`` on files and servers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import assert_same, rich_data

from procure import services
from procure.cli import main as cli
from procure.errors import StorageError, ValidationError
from procure.formats.scenario_json import read_scenario, scenario_from_data


@pytest.fixture(autouse=True)
def only_storage_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test these commands on their own, whatever other command modules need."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("procure.cli.storage_commands",))


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(rich_data(), ensure_ascii=False), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_export_a_plan_file(tmp_path: Path, scenario_file: Path, capsys) -> None:
    plan = tmp_path / "plan.procure"
    code, _, err = _run(capsys, "import", str(scenario_file), "--to", str(plan), "--user", "li")
    assert code == 0 and "Created" in err
    code, _, _ = _run(capsys, "export", str(plan), "-o", str(tmp_path / "out.json"))
    assert code == 0
    assert_same(read_scenario(tmp_path / "out.json"), read_scenario(scenario_file))
    code, out, _ = _run(capsys, "export", str(plan))  # to stdout
    assert code == 0 and json.loads(out)["name"] == "华东 推理集群 2027"
    with services.open_store(plan) as store:
        assert [e.user for e in services.audit_log(store)] == ["li"]


def test_import_never_overwrites(tmp_path: Path, scenario_file: Path, capsys) -> None:
    plan = tmp_path / "plan.procure"
    assert _run(capsys, "import", str(scenario_file), "--to", str(plan))[0] == 0
    code, _, err = _run(capsys, "import", str(scenario_file), "--to", str(plan))
    assert code == 2 and "already a plan called" in err
    assert _run(capsys, "import", str(scenario_file), "--to", str(plan), "--plan", "B")[0] == 0
    code, _, err = _run(capsys, "export", str(plan))
    assert code == 2 and "Name the plan" in err and "'B'" in err
    code, out, _ = _run(capsys, "plans", str(plan))
    assert code == 0 and out.count("revision 1\tdraft") == 2


def test_import_and_export_a_variant(tmp_path: Path, scenario_file: Path, capsys) -> None:
    plan = tmp_path / "plan.procure"
    _run(capsys, "import", str(scenario_file), "--to", str(plan))
    other = tmp_path / "other.json"
    data = rich_data()
    data["chips"] = data["chips"][:1]
    data["workloads"], data["fleet"] = [], []
    other.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = _run(capsys, "import", str(other), "--to", str(plan), "--variant", "精简")
    assert code == 0, err
    assert _run(capsys, "export", str(plan), "--variant", "精简", "-o",
                str(tmp_path / "v.json"))[0] == 0
    assert_same(read_scenario(tmp_path / "v.json"), scenario_from_data(data))
    code, _, err = _run(capsys, "export", str(plan), "--variant", "nope")
    assert code == 2 and "no variant 'nope'" in err


def test_bad_input_is_exit_2_and_creates_nothing(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "procure-scenario/1", "periods": []}', encoding="utf-8")
    code, _, err = _run(capsys, "import", str(bad), "--to", str(tmp_path / "p.procure"))
    assert code == 2 and "problem" in err
    assert not (tmp_path / "p.procure").exists()
    code, _, err = _run(capsys, "export", str(bad), "-o", str(tmp_path / "x.json"))
    assert code == 2 and "not a database at all" in err and "Traceback" not in err


def test_export_while_the_plan_is_open_for_writing(tmp_path: Path, scenario_file: Path,
                                                   capsys) -> None:
    plan = tmp_path / "plan.procure"
    _run(capsys, "import", str(scenario_file), "--to", str(plan))
    with services.open_store(plan) as writer:
        assert not writer.read_only
        assert _run(capsys, "export", str(plan), "-o", str(tmp_path / "o.json"))[0] == 0
        code, _, err = _run(capsys, "import", str(scenario_file), "--to", str(plan),
                            "--plan", "other")
        assert code == 2 and "open for writing" in err


@pytest.mark.postgres
def test_import_and_export_on_a_server(pg_url: str, tmp_path: Path, scenario_file: Path,
                                       capsys) -> None:
    assert _run(capsys, "import", str(scenario_file), "--to", pg_url, "--plan", "团队")[0] == 0
    code, out, _ = _run(capsys, "plans", pg_url)
    assert code == 0 and out.startswith("团队\trevision 1\tdraft")
    assert _run(capsys, "export", pg_url, "--plan", "团队", "-o", str(tmp_path / "o.json"))[0] == 0
    assert_same(read_scenario(tmp_path / "o.json"), read_scenario(scenario_file))
    assert_same(services.load_scenario(pg_url, "团队"), read_scenario(scenario_file))


def test_load_scenario_reads_json_and_plan_files(tmp_path: Path, scenario_file: Path) -> None:
    expected = read_scenario(scenario_file)
    assert_same(services.load_scenario(str(scenario_file)), expected)
    with pytest.raises(ValidationError, match="not in a JSON scenario"):
        services.load_scenario(str(scenario_file), plan="x")
    path = tmp_path / "plan.file"  # recognised by content, whatever its name
    services.create_plan_file(path, expected, name="n").store.close()
    assert_same(services.load_scenario(str(path)), expected)
    assert_same(services.load_scenario(str(path), "n", None), expected)


def test_unreachable_or_unsupported_servers_are_clear_errors() -> None:
    with pytest.raises(StorageError, match="Cannot connect to postgresql") as caught:
        services.open_store("postgresql+psycopg://nobody:secret@127.0.0.1:1/procure")
    assert "secret" not in caught.value.message  # passwords never appear in messages
    with pytest.raises(StorageError, match="needs a PostgreSQL URL"):
        services.open_store("mysql://someone@host/db")
