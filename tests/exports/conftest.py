"""Fixtures for the export tests: solved plans, and LibreOffice / poppler helpers."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from exports.tools import DEMO, LibreOffice, example_file
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.formats.result_json import read_result
from procure.formats.scenario_json import read_scenario


@pytest.fixture(scope="session")
def small() -> tuple[Scenario, Result]:
    """The spec's example with its independently computed optimal result."""
    return (
        read_scenario(example_file("example-small.json")),
        read_result(example_file("example-small.result.json")),
    )


@pytest.fixture(scope="session")
def demo() -> tuple[Scenario, Result]:
    """The shipped demo plan (CJK names, x extensions everywhere), solved by the optimiser."""
    from procure.optimiser import solve

    scenario = read_scenario(DEMO)
    return scenario, solve(scenario)


@pytest.fixture(scope="session")
def infeasible(small: tuple[Scenario, Result]) -> tuple[Scenario, Result]:
    """The example with an in-house floor above the vendor cap: no plan exists."""
    from procure.domain.model import CategoryShare
    from procure.optimiser import solve

    scenario, _ = small
    limits = dataclasses.replace(
        scenario.limits,
        category_share={**scenario.limits.category_share, "in-house": CategoryShare(min=0.9)},
    )
    bad = dataclasses.replace(scenario, limits=limits)
    result = solve(bad)
    assert not result.status.has_plan
    return bad, result


@pytest.fixture(scope="session")
def soffice(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"
        )
    return LibreOffice(exe, tmp_path_factory.mktemp("lo-profile"))
