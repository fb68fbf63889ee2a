"""Build the bundle, the tarball and the .deb; install the .deb, run it, remove it.

Opt-in (see ``conftest.py``): ``PROCURE_INSTALLER_TESTS=1 .venv/bin/python -m pytest
-m installer tests/installer``. The install test needs root and dpkg, and refuses to
touch a machine where a ``procure`` package is already installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.installer

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
DIST = INSTALLER / "dist"
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
DEB_VERSION = re.sub(r"^([0-9]+(?:\.[0-9]+)*)\.?(a|b|rc|dev)", r"\1~\2", VERSION)
BUILD_TIMEOUT = 1500
# Libraries the bundle may need but that a build host need not have: Wayland support
# (Qt falls back to X11 without it); all are in the package's Recommends.
OPTIONAL_LIBRARIES = {"libwayland-client.so.0", "libwayland-cursor.so.0", "libwayland-egl.so.1"}


@dataclass(frozen=True)
class Built:
    bundle: Path
    tarball: Path
    deb: Path


def _run(*cmd: str | Path, timeout: float = 300, **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          timeout=timeout, **kwargs)  # type: ignore[call-overload]


def _app_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses its own platform
    env.pop("PYTHONPATH", None)
    return env


@pytest.fixture(scope="module")
def built() -> Built:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is missing: the .deb cannot be built here")
    if os.environ.get("PROCURE_INSTALLER_PREBUILT") != "1":
        done = _run("bash", INSTALLER / "build.sh", timeout=BUILD_TIMEOUT, cwd=REPO)
        assert done.returncode == 0, f"build.sh failed:\n{done.stdout}\n{done.stderr}"
    arch = _run("uname", "-m").stdout.strip()
    deb_arch = _run("dpkg", "--print-architecture").stdout.strip()
    result = Built(DIST / "procure", DIST / f"procure-{VERSION}-linux-{arch}.tar.gz",
                   DIST / f"procure_{DEB_VERSION}_{deb_arch}.deb")
    for path in (result.bundle, result.tarball, result.deb):
        assert path.exists(), f"{path} was not built"
    return result


def test_bundle_holds_resources_migrations_and_qt_plugins(built):
    internal = built.bundle / "_internal"
    for source in (REPO / "resources").rglob("*"):
        if source.is_file() and source.name != "build_catalogue.py":
            relative = source.relative_to(REPO / "resources")
            assert (internal / "procure" / "_resources" / relative).is_file(), relative
    migrations = REPO / "procure" / "storage" / "migrations"
    for source in migrations.rglob("*"):
        if source.is_file() and "__pycache__" not in source.parts:
            relative = source.relative_to(REPO / "procure")
            assert (internal / "procure" / relative).is_file(), relative
    qt = internal / "PySide6" / "Qt"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so",
                   "iconengines/libqsvgicon.so", "imageformats/libqsvg.so"):
        assert (qt / "plugins" / plugin).is_file(), plugin
    assert (qt / "lib" / "libQt6Charts.so.6").is_file()
    assert list(internal.glob("procure/_resources/fonts/*/*.ttc")), "no CJK font bundled"
    assert not list(built.bundle.rglob("__pycache__"))


def test_bundle_selftest_on_a_real_x11_display(built):
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is missing (apt-get install xvfb xauth): xcb not tested")
    done = _run("xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                built.bundle / "procure-planner", "--selftest", "--platform", "xcb",
                env=_app_env())
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("selftest OK")


def test_tarball_holds_the_bundle_in_a_versioned_folder(built):
    top = f"procure-{VERSION}"
    with tarfile.open(built.tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert {name.split("/")[0] for name in members} == {top}
    for exe in ("procure", "procure-planner"):
        member = members[f"{top}/{exe}"]
        assert member.isfile() and member.mode & 0o111
    assert f"{top}/README.txt" in members
    assert f"{top}/share/applications/procure-planner.desktop" in members
    assert all(m.uid == 0 and m.gid == 0 for m in members.values())


def _deb_field(deb: Path, name: str) -> str:
    return _run("dpkg-deb", "-f", deb, name).stdout.strip()


def _package_names(relation: str) -> set[str]:
    return {alt.strip().split()[0] for part in relation.split(",") for alt in part.split("|")
            if alt.strip()}


def test_deb_layout_and_metadata(built):
    assert _deb_field(built.deb, "Package") == "procure"
    assert _deb_field(built.deb, "Version") == DEB_VERSION
    listing = _run("dpkg-deb", "-c", built.deb).stdout.splitlines()
    paths = {line.split()[5]: line for line in listing}
    assert "./usr/share/applications/procure-planner.desktop" in paths
    assert "./usr/share/icons/hicolor/256x256/apps/procure.png" in paths
    assert "./usr/share/icons/hicolor/scalable/apps/procure.svg" in paths
    assert "./usr/share/mime/packages/procure.xml" in paths
    for exe in ("procure", "procure-planner"):
        assert paths[f"./usr/bin/{exe}"].endswith(f"-> /opt/procure/{exe}")
        assert f"./opt/procure/{exe}" in paths
    outside = [p for p in paths if not p.startswith(("./opt/procure", "./usr/bin/",
                                                       "./usr/share/"))]
    assert set(outside) <= {"./", "./opt/", "./usr/"}, outside


def test_deb_depends_cover_the_libraries_the_bundle_does_not_ship(built):
    if shutil.which("readelf") is None or shutil.which("dpkg") is None:
        pytest.skip("readelf or dpkg is missing")
    files = [p for p in built.bundle.rglob("*")
             if p.is_file() and not p.is_symlink() and (".so" in p.name or os.access(p, os.X_OK))]
    shipped = {p.name for p in built.bundle.rglob("*.so*")}
    needed: set[str] = set()
    for path in files:
        dynamic = _run("readelf", "-d", path).stdout
        needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))
    declared = (_package_names(_deb_field(built.deb, "Depends"))
                | _package_names(_deb_field(built.deb, "Recommends")))
    problems = []
    for library in sorted(needed - shipped):
        owner = _run("dpkg", "-S", f"*/{library}")
        if owner.returncode != 0:
            if library not in OPTIONAL_LIBRARIES:
                problems.append(f"{library}: not installed here and not known to be optional")
            continue
        packages = {line.split(":")[0] for line in owner.stdout.splitlines()}
        if not packages & declared:
            problems.append(f"{library}: from {sorted(packages)}, which the .deb does not name")
    assert problems == []


def _installed(package: str) -> bool:
    status = _run("dpkg-query", "-W", "-f=${Status}", package)
    return status.returncode == 0 and "installed" in status.stdout.split()[-1:]


def test_deb_installs_runs_and_removes_cleanly(built, tmp_path):
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg is missing")
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root")
    if _installed("procure") or Path("/opt/procure").exists():
        pytest.skip("a procure package or /opt/procure is already on this machine; "
                    "not touching it")
    listing = _run("dpkg-deb", "-c", built.deb).stdout.splitlines()
    package_paths = [Path(line.split()[5].lstrip(".") or "/") for line in listing]
    existed_before = {p for p in package_paths if p.exists() or p.is_symlink()}
    try:
        done = _run("dpkg", "-i", built.deb, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        assert shutil.which("procure") == "/usr/bin/procure"
        assert shutil.which("procure-planner") == "/usr/bin/procure-planner"
        assert Path("/usr/share/applications/procure-planner.desktop").is_file()
        assert Path("/usr/share/icons/hicolor/256x256/apps/procure.png").is_file()

        selftest = _run("procure-planner", "--selftest", cwd=tmp_path, env=_app_env())
        assert selftest.returncode == 0, selftest.stdout + selftest.stderr
        assert selftest.stdout.startswith("selftest OK")

        demo = _run("procure", "demo", "-o", tmp_path / "demo-result.json", cwd=tmp_path,
                    env=_app_env())
        assert demo.returncode == 0, demo.stdout + demo.stderr
        assert demo.stdout.strip(), "procure demo printed nothing"
        assert (tmp_path / "demo-result.json").stat().st_size > 0
        version = _run("procure", "--version", env=_app_env())
        assert (version.stdout + version.stderr).strip() == f"procure {VERSION}"
    finally:
        removed = _run("dpkg", "-r", "procure", timeout=600)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not _installed("procure")
    assert not Path("/opt/procure").exists(), "removing the package left /opt/procure behind"
    left = sorted(str(p) for p in package_paths
                  if (p.exists() or p.is_symlink()) and p not in existed_before)
    assert left == [], f"left behind after removal: {left}"
