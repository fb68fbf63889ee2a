"""The installer tests: fast checks of the recipes, and the opt-in build-and-install test.

Tests marked ``installer`` build the PyInstaller bundle, the tarball and the .deb
(about 2 minutes) and install the package into this machine, so they run only when
asked: ``PROCURE_INSTALLER_TESTS=1 .venv/bin/python -m pytest -m installer tests/installer``
(``.ci/run`` does this). ``PROCURE_INSTALLER_PREBUILT=1`` tests what
``installer/build.sh`` last left in ``installer/dist`` instead of building again.
"""

from __future__ import annotations

import os

import pytest

OPT_IN = "PROCURE_INSTALLER_TESTS"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "installer: builds the installers and installs the .deb (opt-in, ~2 min)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(OPT_IN) == "1":
        return
    skip = pytest.mark.skip(reason=f"builds and installs the packages (~2 min); set {OPT_IN}=1 "
                                   "to run (see installer/README.md)")
    for item in items:
        if item.get_closest_marker("installer") is not None:
            item.add_marker(skip)
