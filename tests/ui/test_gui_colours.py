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
