"""Storage fixtures: every backend test runs on a plan file and on a real PostgreSQL server.

PostgreSQL comes from ``DATABASE_URL`` (``.ci/run`` starts a server and sets it).
Each test gets its own PostgreSQL schema (via ``search_path``), dropped afterwards,
so tests never see each other's plans and need no cleanup of their own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from storage_helpers import Backend, rich_data

from procure.domain.model import Scenario
from procure.formats.scenario_json import scenario_from_data

DATA = Path(__file__).parent / "data"
NO_SERVER = "DATABASE_URL is not set: PostgreSQL tests need a server (.ci/run starts one)"

@pytest.fixture
def rich() -> Scenario:
    """A scenario using every field: Chinese text, ``x`` at every level, None vs defaults."""
    return scenario_from_data(rich_data())


@pytest.fixture
def small(example_path: Path) -> Scenario:
    from procure.formats.scenario_json import read_scenario

    return read_scenario(example_path)


def server_url() -> str | None:
    return os.environ.get("DATABASE_URL") or None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose connections see only a fresh, private schema."""
    base = server_url()
    if base is None:
        pytest.skip(NO_SERVER)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The same test on a plan file and on a PostgreSQL server."""
    if request.param == "sqlite":
        found = Backend("sqlite", str(tmp_path / "plan.procure"))
        yield found
        found.close_all()
        return
    url = request.getfixturevalue("pg_url")
    found = Backend("postgres", url)
    yield found
    found.close_all()
