"""One colour per category and per vendor, the same in every chart of the window."""

from __future__ import annotations

from procure.colours import CATEGORY_COLOURS, vendor_colours
from procure.domain.result import SolveStatus
from ui.plan_store import PlanStore


def test_a_vendor_is_a_shade_of_its_category_and_never_anothers(demo_scenario):
    colours = vendor_colours(demo_scenario)
    assert len(set(colours.values())) == len(colours)  # every vendor its own
    first = {}
    for vendor in demo_scenario.vendors:
        first.setdefault(vendor.category, vendor.id)
    for category, vendor in first.items():
        if category in CATEGORY_COLOURS:
            assert colours[vendor] == CATEGORY_COLOURS[category]


def test_the_charts_of_the_window_agree(window, qtbot, demo_scenario):
    window.set_store(PlanStore.new(demo_scenario))
    with qtbot.waitSignal(window.optimiser.solved, timeout=120_000) as blocker:
        window.optimiser.optimise()
    assert blocker.args[0].status is SolveStatus.OPTIMAL
    view = window.workspace.result_view
    bars = view.spend_chart.chart().series()[0].barSets()
    by_label = {b.label(): b.color().name().upper() for b in bars}
    assert by_label["imported"] == CATEGORY_COLOURS["imported"]
    assert by_label["in-house"] == CATEGORY_COLOURS["in-house"]
    colours = vendor_colours(demo_scenario)
    names = {v.name or v.id: colours[v.id] for v in demo_scenario.vendors}
    pie = view.share_chart.chart().series()[0]
    for piece in pie.slices():
        name = piece.label().rsplit(" ", 1)[0]
        if name in names:
            assert piece.color().name().upper() == names[name], name


def test_categories_are_named_in_chinese_in_chinese_mode(document):
    from ui import i18n
    from ui.models.category_share_model import CategoryShareModel
    from ui.models.vendor_table_model import category_choices

    i18n.install("zh_CN")
    try:
        labels = dict(category_choices(document.scenario))
        header = CategoryShareModel(document).row_header(0)
    finally:
        i18n.install("en")
    assert labels["imported"] == "进口" and labels["in-house"] == "自研"
    assert header in ("进口", "国产", "自研")
