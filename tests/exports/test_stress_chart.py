"""The stress workbook's chart reads in LibreOffice: titles, labels, money in bn (#15 item 9)."""

from __future__ import annotations

from openpyxl import load_workbook

from procure.analysis.compare import Comparison, ComparisonRow
from procure.exports.analysis_sheets import COMPARISON, write_analysis_workbook


def _row(scenario: str, answer: str, cost: float, extra: float | None) -> ComparisonRow:
    return ComparisonRow(scenario, answer, "optimal", cost, extra, 0.0, 0.0, 0.0, 0.0,
                         0.4, 0.3)


def _comparison() -> Comparison:
    return Comparison((
        _row("base", "base", 197.93e9, None),
        _row("Nvidia export ban", "replan", 204.1e9, 6.17e9),
        _row("Nvidia export ban", "hold", 209.3e9, 11.37e9),
        _row("In-house slip", "replan", 199.0e9, 1.07e9),
    ))


def test_the_stress_chart_has_titles_labels_and_a_bn_axis(tmp_path):
    path = tmp_path / "stress.xlsx"
    write_analysis_workbook(path, comparison=_comparison())
    ws = load_workbook(path)[COMPARISON]
    (chart,) = ws._charts

    def title(t) -> str:
        return "".join(r.t for p in t.tx.rich.p for r in (p.r or []))

    assert "bn CNY" in title(chart.title)
    assert "bn CNY" in title(chart.y_axis.title)
    assert title(chart.x_axis.title)
    assert chart.y_axis.numFmt.sourceLinked is False
    assert chart.dataLabels.showVal
    # the charted values are the extra costs in bn, labelled "bn" by their cells' format
    data = chart.series[0].val.numRef.f
    vcol = data.split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
    assert "bn CNY" in ws[f"{vcol}4"].value
    assert [ws[f"{vcol}{r}"].value for r in range(5, 9)] == [None, 6.17, 11.37, 1.07]
    assert ws[f"{vcol}6"].number_format.endswith('" bn"')
    # categories: one text column naming scenario and answer (not two-level A:B)
    assert chart.series[0].cat.numRef is None
    ref = chart.series[0].cat.strRef.f
    col = ref.split("!")[1].split(":")[0].strip("$").rstrip("0123456789").strip("$")
    texts = [ws[f"{col}{r}"].value for r in range(5, 9)]
    assert texts[1] == "Nvidia export ban (re-plan)" or "Nvidia export ban" in texts[1]
    assert len(set(texts)) == 4 and all(texts)
