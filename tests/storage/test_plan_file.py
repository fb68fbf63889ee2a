"""Plan files: create, open, save-as, close; writer lock; refusing what is not ours to open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storage_helpers import assert_same

from procure import services
from procure.domain.edits import SetField
from procure.domain.model import FleetEntry, Scenario
from procure.errors import StorageError
from procure.storage import migrate
from procure.storage.records import ReadOnlyError
from procure.storage.schema import APPLICATION_ID


def _pragma(path: Path, name: str) -> object:
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return con.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        con.close()


def test_new_file_is_marked_and_closes_to_one_file(tmp_path: Path, rich: Scenario) -> None:
    path = tmp_path / "plan.procure"
    doc = services.create_plan_file(path, rich, user="alice")
    assert (tmp_path / ".plan.procure.lock").exists()
    with doc.store.read("check") as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    doc.store.close()
    assert sorted(os.listdir(tmp_path)) == ["plan.procure"]  # WAL folded back, lock gone
    assert _pragma(path, "application_id") == APPLICATION_ID
    assert _pragma(path, "user_version") == migrate.generation(migrate.head())
    assert doc.plan.name == rich.name and doc.plan.created_by == "alice"


def test_create_never_overwrites(tmp_path: Path, rich: Scenario) -> None:
    path = tmp_path / "plan.procure"
    path.write_bytes(b"precious")
    with pytest.raises(StorageError, match="already exists"):
        services.create_plan_file(path, rich)
    assert path.read_bytes() == b"precious"
    assert sorted(os.listdir(tmp_path)) == ["plan.procure"]


def test_second_opener_is_read_only_and_names_the_writer(tmp_path: Path, rich: Scenario) -> None:
    path = tmp_path / "plan.procure"
    writer_doc = services.create_plan_file(path, rich, user="alice")
    reader = services.open_store(path, user="bob")
    try:
        assert reader.read_only
        assert "alice" in (reader.read_only_reason or "")
        reader_doc = services.open_plan(reader)
        with pytest.raises(ReadOnlyError, match="alice"):
            services.apply_edit(reader_doc, SetField(("name",), "bob's"))
        services.apply_edit(writer_doc, SetField(("name",), "alice's"))
        services.refresh(reader_doc)
        assert reader_doc.scenario.name == "alice's"  # a reader sees committed edits (WAL)
    finally:
        reader.close()
        writer_doc.store.close()
    again = services.open_store(path, user="bob")
    assert not again.read_only  # the writer is gone
    again.close()


def test_a_writer_in_another_process_makes_us_read_only(tmp_path: Path, rich: Scenario) -> None:
    path = tmp_path / "plan.procure"
    services.create_plan_file(path, rich).store.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from procure import services
            store = services.open_store({str(path)!r}, user="carol")
            assert not store.read_only
            print("open", flush=True)
            sys.stdin.read()
            store.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        store = services.open_store(path, user="dave")
        assert store.read_only and "carol" in (store.read_only_reason or "")
        assert_same(services.open_plan(store).scenario, rich)
        store.close()
    finally:
        holder.communicate("", timeout=30)
    assert holder.returncode == 0
    store = services.open_store(path, user="dave")
    assert not store.read_only
    store.close()


def test_save_as_copies_an_open_plan(tmp_path: Path, rich: Scenario) -> None:
    doc = services.create_plan_file(tmp_path / "a.procure", rich)
    services.apply_edit(doc, SetField(("chips", "h20", "price", "2027Q2"), 1.5))
    copy = services.save_as(doc.store, tmp_path / "b.procure")
    try:
        assert not copy.read_only
        assert_same(services.open_plan(copy).scenario, doc.scenario)
        services.apply_edit(doc, SetField(("name",), "only in a"))  # the original stays usable
        with pytest.raises(StorageError, match="already exists"):
            services.save_as(doc.store, tmp_path / "b.procure")
        assert services.open_plan(copy).scenario.name == rich.name
    finally:
        copy.close()
        doc.store.close()
    again = services.save_as(services.open_store(tmp_path / "a.procure"), tmp_path / "b.procure",
                             overwrite=True)
    assert services.open_plan(again).scenario.name == "only in a"
    again.close()


def test_save_as_refuses_to_replace_a_file_open_elsewhere(tmp_path: Path, rich: Scenario) -> None:
    first = services.create_plan_file(tmp_path / "a.procure", rich)
    second = services.create_plan_file(tmp_path / "b.procure", rich)
    before = (tmp_path / "b.procure").read_bytes()
    with pytest.raises(StorageError, match="has it open"):
        services.save_as(first.store, tmp_path / "b.procure", overwrite=True)
    assert (tmp_path / "b.procure").read_bytes() == before
    first.store.close()
    second.store.close()


# --- refusing files ---------------------------------------------------------------------------

def _plan_bytes(tmp_path: Path, rich: Scenario) -> bytes:
    """A closed plan file big enough to span many pages."""
    fleet = tuple(FleetEntry(chip="h20", units=float(i)) for i in range(3000))
    path = tmp_path / "source.procure"
    services.create_plan_file(path, Scenario(**{**rich.__dict__, "fleet": fleet})).store.close()
    data = path.read_bytes()
    path.unlink()
    return data


def _with_sqlite(data: bytes, tmp_path: Path, *statements: str) -> bytes:
    scratch = tmp_path / "scratch.db"
    scratch.write_bytes(data)
    con = sqlite3.connect(scratch)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    out = scratch.read_bytes()
    scratch.unlink()
    return out


def _corrupt(data: bytes) -> bytes:
    middle = len(data) // 2 // 4096 * 4096
    return data[:middle] + bytes(range(256)) * 16 + data[middle + 4096:]


def _other_sqlite(tmp_path: Path) -> bytes:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('not a plan')")
    con.commit()
    con.close()
    data = path.read_bytes()
    path.unlink()
    return data


REFUSALS = {
    "text file": (lambda tmp, plan: b"format,procure-scenario/1\n" * 40, "not a database at all"),
    "empty file": (lambda tmp, plan: b"", "not a database at all"),
    "other database": (lambda tmp, plan: _other_sqlite(tmp), "not a Procure plan"),
    "marker missing": (lambda tmp, plan: _with_sqlite(plan, tmp, "DELETE FROM procure_meta"),
                       "not a Procure plan"),
    "corrupt": (lambda tmp, plan: _corrupt(plan), "damaged"),
    "truncated": (lambda tmp, plan: plan[: len(plan) // 2], "damaged"),
    "newer format": (lambda tmp, plan: _with_sqlite(plan, tmp, "PRAGMA user_version = 99"),
                     "newer version of Procure"),
    "newer revision": (lambda tmp, plan: _with_sqlite(
        plan, tmp, "UPDATE alembic_version SET version_num = '0099_future'"),
        "newer version of Procure"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refused_files_are_left_untouched(tmp_path: Path, rich: Scenario, case: str) -> None:
    make, message = REFUSALS[case]
    data = make(tmp_path, _plan_bytes(tmp_path, rich))
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "plan.procure"
    path.write_bytes(data)
    for read_only in (False, True):
        with pytest.raises(StorageError, match=message) as caught:
            services.open_store(path, read_only=read_only)
        assert str(path) in caught.value.message
    with pytest.raises(StorageError, match=message):
        services.load_scenario(str(path))
    assert path.read_bytes() == data
    assert os.listdir(folder) == ["plan.procure"]  # no -wal, -shm or lock file left behind


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no such plan file"):
        services.open_store(tmp_path / "nope.procure")
    assert not (tmp_path / "nope.procure").exists()
