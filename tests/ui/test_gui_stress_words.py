"""The Scenarios page never shows a shock that leaves demand unmet as a saving."""

from __future__ import annotations

from factories import build, two_vendor_data, with_chip
from PySide6.QtCore import Qt

from procure.analysis.compare import comparison_of
from procure.analysis.stress import StressOptions, run_stress
from procure.analysis.templates import parse_template
from procure.analysis.variants import Variant
from ui.models.comparison_model import ComparisonModel
from ui.views.charts.comparison_chart import ComparisonChart


def _comparison():
    """Imports cut, only 4 of the 10 units can be had: 400 cheaper, 60% unmet."""
    data = with_chip(two_vendor_data(), "b", supply=4)
    data["workloads"][0]["name"] = "inference"
    spec = "export-licence:start=P1"
    outcome = run_stress(build(data), Variant("no imports", stress=parse_template(spec)),
                         options=StressOptions(answers=("replan",)))
    return comparison_of([outcome])


def test_the_table_puts_unmet_demand_first_and_words_the_cost(qapp):
    model = ComparisonModel()
    model.set_comparison(_comparison())
    keys = [c.key for c in model.COLUMNS]
    assert keys.index("shortfall_share") < keys.index("total_cost")

    def cell(key: str) -> str:
        return model.data(model.index(1, keys.index(key)), Qt.ItemDataRole.DisplayRole)

    assert cell("extra_cost") == "not comparable"
    assert cell("shortfall_share") == "60.0%"
    assert cell("verdict") == "400 CNY cheaper, but 60.0% of inference demand is not served"


def test_the_cost_chart_draws_no_saving(qtbot):
    chart = ComparisonChart("extra_cost")
    qtbot.addWidget(chart)
    chart.set_comparison(_comparison())
    bars = chart.chart().series()[0].barSets()
    assert all(bar.at(i) >= 0 for bar in bars for i in range(bar.count()))
