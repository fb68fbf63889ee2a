"""#16 item 9 and #15 item 2: outputs never replace a device, follow a link or an input."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hostile_helpers import snapshot

from procure.errors import ProcureError
from procure.fs import atomic_write_bytes


@pytest.fixture
def plan(tmp_path: Path, scenario_file: Path, run) -> Path:
    target = tmp_path / "plan.procure"
    assert run("import", scenario_file, "--to", target)[0] == 0
    return target


def test_export_onto_its_own_plan_is_refused(tmp_path: Path, plan: Path, run) -> None:
    before = snapshot(tmp_path)
    code, _, err = run("export", plan, "-o", plan)
    assert code == 2 and "is also an input" in err
    assert snapshot(tmp_path) == before


def test_output_through_a_link_to_the_input_is_refused(tmp_path: Path, plan: Path, run) -> None:
    link = tmp_path / "sub" / "other-name.json"
    link.parent.mkdir()
    link.symlink_to(plan)
    before = snapshot(tmp_path)
    code, _, err = run("export", plan, "-o", link)
    assert code == 2 and "is also an input" in err
    assert snapshot(tmp_path) == before


def test_import_xlsx_output_over_its_workbook_is_refused(tmp_path: Path, run) -> None:
    book = tmp_path / "t.xlsx"
    assert run("template-xlsx", book)[0] == 0
    before = snapshot(tmp_path)
    code, _, err = run("import-xlsx", book, "-o", book)
    assert code == 2 and "is also an input" in err
    assert snapshot(tmp_path) == before


def test_dev_null_is_written_through_not_replaced(plan: Path, run) -> None:
    code, _, err = run("export", plan, "-o", "/dev/null")
    assert code == 0, err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_pipe_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write_bytes(fifo, b"hello")
        assert os.read(reader, 100) == b"hello"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_folder_and_planted_link_are_refused(tmp_path: Path, plan: Path, run) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    before = snapshot(tmp_path)
    code, _, err = run("export", plan, "-o", link)
    assert code == 2 and "symbolic link" in err
    code, _, err = run("export", plan, "-o", tmp_path)
    assert code == 2 and "folder" in err
    assert snapshot(tmp_path) == before


def test_block_device_is_refused(tmp_path: Path) -> None:
    devices = [Path("/dev") / n for n in ("loop0", "sda", "vda", "nvme0n1")]
    device = next((d for d in devices if d.exists() and stat.S_ISBLK(d.stat().st_mode)), None)
    if device is None:
        pytest.skip("no block device to point at")
    link = tmp_path / "disk.json"
    link.symlink_to(device)
    with pytest.raises(ProcureError, match="device"):
        atomic_write_bytes(link, b"x")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_new_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        atomic_write_bytes(tmp_path / "memo.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "memo.pdf").st_mode) == mode


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]  # no temporary left
