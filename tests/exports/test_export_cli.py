"""``procure export-xlsx / export-pdf / import-xlsx / template-xlsx`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exports.tools import example_file
from procure.cli.main import main
from procure.formats.scenario_json import read_scenario


@pytest.fixture
def files() -> tuple[Path, Path]:
    return example_file("example-small.json"), example_file("example-small.result.json")


def test_export_then_import_gives_the_same_scenario(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario, result = files
    book = tmp_path / "plan.xlsx"
    assert main(["export-xlsx", str(scenario), "--result", str(result), "-o", str(book)]) == 0
    assert "wrote" in capsys.readouterr().err
    out = tmp_path / "back.json"
    assert main(["import-xlsx", str(book), "-o", str(out)]) == 0
    assert read_scenario(out) == read_scenario(scenario)
    assert main(["import-xlsx", str(book)]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Example plan"


def test_export_pdf_with_variant_and_options(files: tuple[Path, Path], tmp_path: Path) -> None:
    scenario, result = files
    memo = tmp_path / "memo.pdf"
    code = main(
        [
            "export-pdf",
            str(scenario),
            "-r",
            str(result),
            "-o",
            str(memo),
            "--status",
            "approved",
            "--language",
            "zh",
            "--to",
            "董事会",
            "--date",
            "2026-12-01",
            "--variant",
            f"Alternative={result}",
        ]
    )
    assert code == 0
    assert memo.read_bytes().startswith(b"%PDF")


def test_export_solves_when_no_result_is_given(files: tuple[Path, Path], tmp_path: Path) -> None:
    book = tmp_path / "solved.xlsx"
    assert main(["export-xlsx", str(files[0]), "-o", str(book)]) == 0
    assert book.stat().st_size > 10_000


def test_import_of_an_invalid_workbook_writes_nothing(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "blank.xlsx"
    assert main(["template-xlsx", str(template), "--periods", "2027Q1,2027Q2"]) == 0
    out = tmp_path / "scenario.json"
    assert main(["import-xlsx", str(template), "-o", str(out)]) == 2
    assert "Vendors: must list at least one vendor" in capsys.readouterr().err
    assert not out.exists()


def test_template_from_a_scenario_and_workbook_as_scenario_input(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    template = tmp_path / "filled.xlsx"
    assert main(["template-xlsx", str(template), "--scenario", str(files[0])]) == 0
    memo = tmp_path / "from-xlsx.pdf"
    assert main(["export-pdf", str(template), "-r", str(files[1]), "-o", str(memo)]) == 0
    assert memo.is_file()


def test_bad_variant_argument(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "export-pdf",
            str(files[0]),
            "-r",
            str(files[1]),
            "-o",
            str(tmp_path / "m.pdf"),
            "--variant",
            "no-equals-sign",
        ]
    )
    assert code == 2
    assert "NAME=RESULT_FILE" in capsys.readouterr().err
