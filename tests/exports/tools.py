"""Helpers shared by the export tests: example files, external programs, LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"
DEMO = REPO / "resources" / "demo" / "demo-plan.json"


def example_file(name: str) -> Path:
    path = SHARED_EXAMPLES / name
    return path if path.is_file() else TESTS / "data" / name


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


class LibreOffice:
    """Recalculates a workbook in LibreOffice and saves it with the computed values."""

    def __init__(self, exe: str, profile: Path) -> None:
        self.exe = exe
        self.profile = profile

    def recalculate(self, workbook: Path, out_dir: Path) -> Path:
        out_dir.mkdir(parents=True, exist_ok=True)
        done = run(
            self.exe,
            f"-env:UserInstallation=file://{self.profile}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out_dir),
            str(workbook),
            timeout=180,
        )
        out = out_dir / workbook.name
        assert out.is_file(), f"LibreOffice failed: {done.stdout} {done.stderr}"
        return out


def need(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} is not installed; .ci/run installs poppler-utils and qpdf")
    return exe
