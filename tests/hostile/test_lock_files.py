"""#16 item 8: a planted lock file (symlink, hard link, folder) is never written through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_helpers import snapshot

from procure import services
from procure.errors import StorageError
from procure.storage.lockfile import LockRefused, WriterLock, lock_path_for


@pytest.fixture
def plan(tmp_path: Path, scenario_file: Path, run) -> Path:
    target = tmp_path / "plan.procure"
    assert run("import", scenario_file, "--to", target)[0] == 0
    assert not lock_path_for(target).exists()
    return target


def _plant(kind: str, lock: Path, victim: Path) -> None:
    if kind == "symlink":
        lock.symlink_to(victim)
    elif kind == "dangling symlink":
        lock.symlink_to(victim.with_name("nowhere"))
    elif kind == "hard link":
        os.link(victim, lock)
    elif kind == "folder":
        lock.mkdir()
    else:
        os.mkfifo(lock)


KINDS = ["symlink", "dangling symlink", "hard link", "folder", "fifo"]


@pytest.mark.parametrize("kind", KINDS)
def test_cli_import_variant_refuses_a_planted_lock(
    kind: str, tmp_path: Path, plan: Path, scenario_file: Path, run
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    _plant(kind, lock_path_for(plan), victim)
    before = snapshot(tmp_path)
    code, _, err = run("import", scenario_file, "--to", plan, "--plan", "Example plan",
                       "--variant", "v")
    assert code == 2, err
    assert "lock file" in err and "not a lock Procure made" in err
    assert victim.read_text() == "precious\n"
    assert snapshot(tmp_path) == before


def test_service_open_refuses_a_symlinked_lock(tmp_path: Path, plan: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    lock_path_for(plan).symlink_to(victim)
    with pytest.raises(StorageError, match="symbolic link"):
        services.open_store(plan)
    assert victim.read_text() == "precious\n"
    assert services.plan_file_in_use(plan)  # cannot tell safely: leave it alone


def test_lock_is_named_after_the_real_file(tmp_path: Path, plan: Path, scenario_file: Path,
                                           run) -> None:
    link = tmp_path / "link.procure"
    link.symlink_to(plan)
    assert lock_path_for(link) == lock_path_for(plan)
    with services.open_store(plan) as holder:
        assert not holder.read_only
        code, _, err = run("import", scenario_file, "--to", link, "--plan", "Example plan",
                           "--variant", "v")
        assert code == 2 and "has it open for writing" in err
    with services.open_for_reading(plan) as store:
        assert all("v" not in p.variants for p in services.list_plans(store))


def test_a_real_lock_is_still_taken_and_released(tmp_path: Path, plan: Path) -> None:
    lock = WriterLock(plan)
    assert lock.acquire("li") is None
    other = WriterLock(plan)
    assert "li on" in (other.acquire("wang") or "")
    lock.release()
    assert not lock_path_for(plan).exists()


def test_refusal_is_a_storage_error() -> None:
    assert issubclass(LockRefused, StorageError)
