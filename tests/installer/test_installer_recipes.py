"""Fast checks of the installers' parts: the self-test, the entry scripts, the recipes.

The slow build-and-install test is in ``test_installer_packages.py``.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses its own platform
    return env


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_selftest_passes_through_the_planner_entry_script():
    done = subprocess.run([sys.executable, str(INSTALLER / "entry_planner.py"), "--selftest"],
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("selftest OK"), done.stdout


def test_selftest_failure_is_one_clear_line_and_exit_1(tmp_path):
    code = (
        "import sys, pathlib, procure.resources as r\n"
        f"r.demo_plan_path = lambda: pathlib.Path({str(tmp_path / 'missing.json')!r})\n"
        "from ui.selftest import run_selftest\n"
        "sys.exit(run_selftest())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout
    assert lines[0].startswith("selftest FAILED: could not read the demo plan"), lines[0]
    assert "missing.json" in lines[0]


def test_cli_entry_script_runs_the_command_line():
    done = subprocess.run([sys.executable, str(INSTALLER / "entry_cli.py"), "--version"],
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (done.stdout + done.stderr).startswith("procure ")


def test_bundle_font_list_matches_the_memo_code():
    from procure.exports.fonts import CJK_FONT_CANDIDATES

    bundle_env = _load("_bundle_env")
    expected = tuple(path for path, _ in CJK_FONT_CANDIDATES)
    listed = bundle_env._SYSTEM_CJK_FONTS
    assert listed == expected


@pytest.fixture
def bundle_env(tmp_path, monkeypatch):
    """_bundle_env inside a fake bundle that carries the CJK font."""
    module = _load("_bundle_env")
    font = tmp_path / "procure" / "_resources" / "fonts" / "wqy-microhei" / "wqy-microhei.ttc"
    font.parent.mkdir(parents=True)
    font.write_bytes(b"font")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("PROCURE_CJK_FONT", raising=False)
    module.font = font
    return module


def test_bundled_font_is_used_when_the_system_has_none(bundle_env, monkeypatch):
    monkeypatch.setattr(bundle_env, "_SYSTEM_CJK_FONTS", ("/nonexistent/font.ttc",))
    bundle_env.configure()
    assert os.environ["PROCURE_CJK_FONT"] == str(bundle_env.font)


def test_system_font_and_user_choice_win_over_the_bundled_one(bundle_env, monkeypatch, tmp_path):
    system_font = tmp_path / "system.ttc"
    system_font.write_bytes(b"font")
    monkeypatch.setattr(bundle_env, "_SYSTEM_CJK_FONTS", (str(system_font),))
    bundle_env.configure()
    assert "PROCURE_CJK_FONT" not in os.environ
    monkeypatch.setattr(bundle_env, "_SYSTEM_CJK_FONTS", ())
    monkeypatch.setenv("PROCURE_CJK_FONT", "/my/font.ttf")
    bundle_env.configure()
    assert os.environ["PROCURE_CJK_FONT"] == "/my/font.ttf"


def test_desktop_entry_follows_the_freedesktop_keys():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(INSTALLER / "linux" / "procure-planner.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == "procure-planner"
    assert section["Exec"].split()[1:] == ["%f"]
    assert section["TryExec"] == "procure-planner"
    assert section["Icon"] == "procure"  # themed name: /usr/share/icons/hicolor/*/apps/procure.*
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";") and "Office" in section["Categories"].split(";")
    assert section["MimeType"] == "application/x-procure-plan;"


def test_mime_type_matches_the_plan_files():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(INSTALLER / "linux" / "procure-mime.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-procure-plan"
    glob = mime.find("m:glob", ns)
    assert glob is not None and glob.get("pattern") == "*.procure"


def test_deb_control_names_the_system_libraries_qt_needs():
    fields = dict(line.split(": ", 1) for line in
                  (INSTALLER / "linux" / "control").read_text().splitlines()
                  if line and not line.startswith(" "))
    for key in ("Package", "Version", "Architecture", "Maintainer", "Depends", "Description"):
        assert key in fields
    depends = {d.strip().split()[0] for d in fields["Depends"].split(",")}
    assert {"libgl1", "libegl1", "libxcb1", "libfontconfig1", "libxkbcommon-x11-0",
            "libdbus-1-3", "libc6"} <= depends


def test_build_script_parses_and_reads_the_version_from_pyproject():
    done = subprocess.run(["bash", "-n", str(INSTALLER / "build.sh")], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    script = (INSTALLER / "build.sh").read_text()
    assert 'tomllib.load(open("pyproject.toml", "rb"))["project"]["version"]' in script
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert any(req.startswith("pyinstaller")
               for req in pyproject["project"]["optional-dependencies"]["installer"])


def test_windows_and_macos_recipes_take_the_same_bundle():
    iss = (INSTALLER / "windows" / "procure.iss").read_text(encoding="utf-8")
    assert "#ifndef AppVersion" in iss
    assert r"dist\procure\*" in iss
    assert "procure-planner.exe" in iss
    spec = (INSTALLER / "procure.spec").read_text()
    assert 'BUNDLE(coll, name="Procure.app"' in spec
