"""The PDF memo read back with poppler and qpdf: figures, Chinese text, structure, escaping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from exports.tools import need, run
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from procure.exports import write_memo


def _text(pdf: Path) -> str:
    done = run(need("pdftotext"), "-enc", "UTF-8", "-layout", str(pdf), "-")
    assert done.returncode == 0, done.stderr
    return re.sub(r"\s+", " ", done.stdout)


def _pages(pdf: Path) -> int:
    info = run(need("pdfinfo"), str(pdf)).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def small_memo(small: tuple[Scenario, Result], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("memo") / "memo.pdf"
    scenario, result = small
    write_memo(
        scenario,
        result,
        path,
        to="CFO office",
        sender="Li Wei",
        date=dt.date(2026, 12, 1),
        status="approved",
        source="example-small.json",
        variants=[("No imports", result)],
    )
    return path


def test_memo_states_the_plan_in_words_and_figures(small_memo: Path) -> None:
    text = _text(small_memo)
    for expected in (
        "Procurement memo",
        "APPROVED",
        "CFO office",
        "Li Wei",
        "1 December 2026",
        "Accelerator purchases for 2026Q1–2026Q4",
        "example-small.json",
        # 80.3 + 128.8 + 232.4 units as solved: ordered as 81 + 129 + 233 whole units.
        "We recommend buying 443 new accelerators between 2026Q1 and 2026Q4, "
        "for a capital spend of 36.1 million CNY.",
        "Orders are in whole units, each rounded up to whole lots where a chip is sold in "
        "lots: 1.6 units and 184,120 CNY of capex more than the optimiser's continuous plan",
        "the plan costs 36.7 million CNY in all",
        "New spend is split 60% in-house and 40% domestic.",
        "the cap on In-house ASIC's share of new spend: raising it by one percentage point "
        "would save about 310,829 CNY.",
        "one more PFLOP/s of LLM inference in 2026Q4 would cost about 326,323 CNY",
        "Spend-weighted vendor risk is 0.360 against a limit of 0.500.",
        "Vendor concentration (HHI) is 0.52",
        "Scenario comparison",
        "No imports costs the same as the recommended plan.",
        "Appendix: assumptions and data sources",
        "Page 1 of 3",
        "Page 3 of 3",
    ):
        assert expected in text, expected


def test_memo_is_a_sound_pdf_of_two_to_four_pages(small_memo: Path, tmp_path: Path) -> None:
    check = run(need("qpdf"), "--check", str(small_memo))
    assert check.returncode == 0, check.stdout + check.stderr
    pages = _pages(small_memo)
    assert 2 <= pages <= 4
    run(need("pdftoppm"), "-png", "-r", "40", str(small_memo), str(tmp_path / "p"))
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == pages
    assert all(p.stat().st_size > 5_000 for p in images)  # rendered, not blank


def test_chinese_memo(demo: tuple[Scenario, Result], tmp_path: Path) -> None:
    scenario, result = demo
    path = tmp_path / "zh.pdf"
    write_memo(scenario, result, path, language="zh", date=dt.date(2026, 12, 1))
    text = _text(path)
    for expected in (
        "采购备忘录",
        "草稿",
        "2026年12月1日",
        "建议",
        "主要数据",
        "风险",
        "附录：假设与数据来源",
        "自研推理芯片",
        "第 1 页，共",
    ):
        assert expected in text, expected
    assert "亿元" in text
    assert 2 <= _pages(path) <= 4
    fonts = run(need("pdffonts"), str(path)).stdout
    # the CJK font is embedded as a subset (emb = yes, sub = yes), so any viewer shows it
    assert re.search(r"\+WenQuanYi\S*\s+TrueType\s+\S+\s+yes\s+yes", fonts), fonts


def test_english_memo_shows_chinese_names(demo: tuple[Scenario, Result], tmp_path: Path) -> None:
    scenario, result = demo
    path = tmp_path / "en.pdf"
    write_memo(scenario, result, path)
    text = _text(path)
    assert "自研推理芯片" in text
    assert "We recommend buying" in text
    assert 2 <= _pages(path) <= 4


def test_user_text_is_escaped_not_markup(small: tuple[Scenario, Result], tmp_path: Path) -> None:
    scenario, result = small
    evil = '<b>Evil</b> & <font size="40">Co</font>'
    vendors = (
        scenario.vendors[0],
        dataclasses.replace(scenario.vendors[1], name=evil),
        scenario.vendors[2],
    )
    path = tmp_path / "evil.pdf"
    write_memo(
        dataclasses.replace(scenario, vendors=vendors),
        result,
        path,
        subject="<i>R&D</i> budget",
        to="x<y>z",
    )
    text = _text(path)
    assert evil in text
    assert "<i>R&D</i> budget" in text and "x<y>z" in text


def test_infeasible_memo_explains_why(infeasible: tuple[Scenario, Result], tmp_path: Path) -> None:
    scenario, result = infeasible
    path = tmp_path / "infeasible.pdf"
    write_memo(scenario, result, path)
    text = _text(path)
    assert "No plan meets every limit of this scenario" in text
    assert "Why no plan is possible" in text
    assert "relax the floor on in-house spend by" in text or "relax the cap on" in text
    assert _pages(path) >= 2
    # ... and each limit alone: the change that suffices, or that it cannot.
    assert "Or change a single limit and nothing else:" in text
    assert "(alone enough)" in text or "alone cannot make the plan feasible" in text


def test_bad_status_and_language_are_refused(
    small: tuple[Scenario, Result], tmp_path: Path
) -> None:
    with pytest.raises(ProcureError, match="status"):
        write_memo(*small, tmp_path / "x.pdf", status="final")
    with pytest.raises(ProcureError, match="language"):
        write_memo(*small, tmp_path / "x.pdf", language="fr")  # type: ignore[arg-type]
    assert not (tmp_path / "x.pdf").exists()


def test_reproducible_memo_is_byte_identical(
    small: tuple[Scenario, Result], tmp_path: Path
) -> None:
    for name in ("a.pdf", "b.pdf"):
        write_memo(*small, tmp_path / name, date=dt.date(2026, 12, 1), reproducible=True)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_the_appendix_says_when_a_stress_memo_was_solved(tmp_path: Path) -> None:
    """``procure stress --pdf`` solves the base plan itself: the memo says when."""
    from exports.tools import example_file
    from procure.cli.main import main

    pdf = tmp_path / "stress.pdf"
    assert main(["stress", str(example_file("example-small.json")), "-t",
                 "export-licence:start=2026Q3", "--pdf", str(pdf)]) == 0
    text = _text(pdf)
    assert "Solved -" not in text and "Solved: -" not in text
    assert re.search(r"Solved \d{4}-\d\d-\d\d \d\d:\d\d", text), text[-600:]


def _v2_plan(memory: tuple[float, ...] | None = None) -> tuple[Scenario, Result]:
    from exports.tools import example_file
    from procure.formats.scenario_json import read_scenario
    from procure.optimiser import solve

    scenario = read_scenario(example_file("example-v2.json"))
    if memory is not None:
        w = dataclasses.replace(scenario.workloads[0], memory_demand=memory)
        scenario = dataclasses.replace(scenario, workloads=(w,))
    return scenario, solve(scenario)


def test_v2_memo_states_present_value_nominal_and_shared_risk(tmp_path: Path) -> None:
    scenario, result = _v2_plan()
    path = tmp_path / "v2.pdf"
    write_memo(scenario, result, path, date=dt.date(2026, 12, 1))
    text = _text(path)
    assert result.objective == pytest.approx(23852390.61, abs=0.01)
    assert "the plan costs 23.9 million CNY in present value (24.6 million CNY nominal)" in text
    # the spec's example caps the shared foundry at 80% and the cap binds
    assert "80% of new spend depends on one shared supplier: Shared domestic foundry" in text
    assert "held at its limit of 80%" in text
    assert "Accelerator memory binds" not in text  # the example's memory is ample


def test_v2_memo_says_where_memory_binds(tmp_path: Path) -> None:
    scenario, result = _v2_plan(memory=(40.0, 60.0, 80.0, 420.0))
    binding = [c.name for c in result.constraints if c.name.startswith("memory:") and c.binding]
    assert binding == ["memory:infer:2026Q4"]
    path = tmp_path / "v2.pdf"
    write_memo(scenario, result, path, language="zh", date=dt.date(2026, 12, 1))
    text = _text(path)
    assert "LLM inference在2026Q4受加速器显存约束" in text
    assert "所需的420 TB" in text
    assert "现值为" in text
