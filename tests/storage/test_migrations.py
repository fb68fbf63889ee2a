"""Schema versions: old plans are upgraded after a backup; migrations build the models' schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from storage_helpers import assert_same

from procure import services
from procure.domain.edits import SetField
from procure.errors import StorageError
from procure.formats.scenario_json import read_scenario
from procure.storage import migrate
from procure.storage.records import PlanStatus, UpgradeNeeded
from procure.storage.schema import metadata
from procure.storage.store import Store, sqlite_engine

DATA = Path(__file__).parent / "data"
V1 = DATA / "plan-v1.procure"


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def old_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan-v1.procure"
    shutil.copyfile(V1, path)
    return path


def test_old_plan_is_upgraded_after_a_backup(old_plan: Path) -> None:
    original = _dump(old_plan)
    store = services.open_store(old_plan, user="li")
    try:
        assert store.upgraded_from == "0001"
        backup = store.backup_path
        assert backup is not None and backup.parent == old_plan.parent
        assert backup.name == "plan-v1.before-upgrade-0001.procure"
        assert _dump(backup) == original  # the backup is the old plan, row for row
        plans = services.list_plans(store)
        assert [(p.name, p.revision, p.status, p.created_by) for p in plans] == [
            ("二〇二六年 算力采购计划", 1, PlanStatus.DRAFT, "wang")]
        doc = services.open_plan(store)
        assert_same(doc.scenario, read_scenario(DATA / "plan-v1.expected.json"))
        services.apply_edit(doc, SetField(("chips", "910c", "price", "2026Q2"), 170000))
        assert services.audit_log(store, doc.plan)[0].path == 'chips["910c"].price["2026Q2"]'
    finally:
        store.close()
    con = sqlite3.connect(old_plan)
    assert con.execute("PRAGMA user_version").fetchone() == (migrate.generation(migrate.head()),)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrate.head(),)]
    con.close()
    again = services.open_store(old_plan)  # no second upgrade, no second backup
    assert again.upgraded_from is None and again.backup_path is None
    again.close()
    with pytest.raises(UpgradeNeeded):  # the backup itself is still an old plan
        services.open_store(backup, read_only=True)


def test_old_plan_opened_read_only_is_not_touched(old_plan: Path) -> None:
    before = old_plan.read_bytes()
    with pytest.raises(UpgradeNeeded, match="older version"):
        services.open_store(old_plan, read_only=True)
    assert old_plan.read_bytes() == before
    assert sorted(p.name for p in old_plan.parent.iterdir()) == ["plan-v1.procure"]


def test_reading_an_old_plan_upgrades_it_with_a_backup(old_plan: Path) -> None:
    scenario = services.load_scenario(str(old_plan))
    assert_same(scenario, read_scenario(DATA / "plan-v1.expected.json"))
    assert (old_plan.parent / "plan-v1.before-upgrade-0001.procure").exists()


def test_each_migration_sets_its_generation(tmp_path: Path) -> None:
    path = tmp_path / "steps.db"
    sqlite3.connect(path).close()
    store = Store(sqlite_engine(path, query_only=False), location=str(path), kind="file")
    try:
        for revision in migrate.revisions():
            with store.write("migrate") as conn:
                migrate.upgrade(conn, revision)
            with store.read("check") as conn:
                assert migrate.current_revision(conn) == revision
                generation = conn.exec_driver_sql("PRAGMA user_version").scalar()
            assert generation == migrate.generation(revision)
    finally:
        store.close()


def _schema_differences(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn)
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def test_migrations_build_the_models_schema_on_sqlite(tmp_path: Path) -> None:
    assert _schema_differences(f"sqlite:///{tmp_path / 'fresh.db'}") == []


@pytest.mark.postgres
def test_migrations_build_the_models_schema_on_postgres(pg_url: str) -> None:
    assert _schema_differences(pg_url) == []


@pytest.mark.postgres
def test_old_server_schema_is_upgraded_and_keeps_its_plans(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        sql = conn.exec_driver_sql
        sql("INSERT INTO plan (id, name, created_at, created_by, updated_at, updated_by, version)"
            " VALUES (1, '旧计划', now(), 'wang', now(), 'wang', 1)")
        sql("INSERT INTO scenario (id, plan_id, variant, position, periods, integer_mode, "
            "version, change_count) VALUES (1, 1, '', 0, '[\"P1\"]', false, 1, 0)")
        sql("INSERT INTO budget (scenario_id, version) VALUES (1, 1)")
        sql("INSERT INTO limits (scenario_id, category_share, outage_coverage, version) "
            "VALUES (1, '{}', 0, 1)")
        sql("INSERT INTO vendor (scenario_id, position, ident, category, risk, version) "
            "VALUES (1, 0, 'v', 'domestic', 0.25, 1)")
    engine.dispose()
    store = services.open_store(pg_url, user="li")
    try:
        [plan] = services.list_plans(store)
        assert (plan.name, plan.revision, plan.status) == ("旧计划", 1, PlanStatus.DRAFT)
        scenario = services.open_plan(store, plan).scenario
        assert scenario.periods == ("P1",) and scenario.vendors[0].risk == 0.25
        with store.read("check") as conn:
            assert migrate.current_revision(conn) == migrate.head()
    finally:
        store.close()


@pytest.mark.postgres
def test_server_from_a_newer_procure_is_refused(pg_url: str) -> None:
    services.open_store(pg_url).close()
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_future'")
    engine.dispose()
    with pytest.raises(StorageError, match="newer version of Procure"):
        services.open_store(pg_url)


@pytest.mark.postgres
def test_server_with_foreign_tables_of_our_names_is_refused(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE plan (id integer primary key, what text)")
    engine.dispose()
    with pytest.raises(StorageError, match="tables named like Procure's"):
        services.open_store(pg_url)


def test_a_plan_saved_before_model_version_2_opens_migrates_and_keeps_its_meaning(
    tmp_path: Path,
) -> None:
    """``plan-gen2.procure`` was written by the Procure before planning-model version 2
    (schema 0002): the demo plan as its base and the spec's small example as variant
    ``small``. It is upgraded after a backup and means exactly what it meant."""
    path = tmp_path / "plan-gen2.procure"
    shutil.copy(DATA / "plan-gen2.procure", path)
    original = _dump(path)
    store = services.open_store(path, user="li")
    try:
        assert store.upgraded_from == "0002"
        assert store.backup_path is not None and _dump(store.backup_path) == original
        base = services.open_plan(store)
        demo = Path(__file__).resolve().parents[2] / "resources" / "demo" / "demo-plan.json"
        assert_same(base.scenario, read_scenario(demo))
        assert base.scenario.version == 1
        small = services.open_plan(store, variant="small")
        example = Path(__file__).resolve().parents[3] / "shared" / "examples"
        assert_same(small.scenario, read_scenario(example / "example-small.json"))
    finally:
        store.close()
