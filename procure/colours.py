"""One colour per spend category and per vendor, the same in every chart.

A planner learns a chart's colours once: blue must not mean "imported" in one chart
and Huawei in the next. So each category has its colour (imported blue, domestic
red-orange, in-house green), and each vendor a shade of its category's colour, chosen
by its place among that category's vendors in the scenario: the window's charts and
the memo's read alike, and a vendor keeps its colour from one result to the next.
Plain hex strings: the window (Qt) and the memo (reportlab) turn them into colours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from procure.domain.model import Scenario

CATEGORY_COLOURS: Mapping[str, str] = {
    "imported": "#2E75B6",
    "domestic": "#C55A11",
    "in-house": "#548235",
}
OTHER_CATEGORY_COLOURS = ("#7030A0", "#7F6000", "#1F3864", "#A5A5A5")
OTHER = "#A5A5A5"  # "Other" (small vendors folded together)
# Workloads are not vendors or categories: colours none of those use.
WORKLOAD_COLOURS = ("#7030A0", "#00838F", "#7F6000", "#1F3864", "#AD1457", "#5D4037")
# Shades of a category's colour for its 1st, 2nd, ... vendor: darker and lighter in turn.
SHADES = (0.0, -0.28, 0.32, -0.48, 0.52, -0.14, 0.18)


def category_colour(category: str, known: Sequence[str] = ()) -> str:
    """The category's colour; a category beyond the usual three by its place in ``known``."""
    if category in CATEGORY_COLOURS:
        return CATEGORY_COLOURS[category]
    extra = [c for c in dict.fromkeys(known) if c not in CATEGORY_COLOURS]
    index = extra.index(category) if category in extra else len(extra)
    return OTHER_CATEGORY_COLOURS[index % len(OTHER_CATEGORY_COLOURS)]


def vendor_colours(scenario: Scenario) -> dict[str, str]:
    """Vendor id -> colour: a shade of its category's colour, by its place in it."""
    categories = [v.category for v in scenario.vendors]
    seen: dict[str, int] = {}
    out = {}
    for vendor in scenario.vendors:
        rank = seen.get(vendor.category, 0)
        seen[vendor.category] = rank + 1
        base = category_colour(vendor.category, categories)
        out[vendor.id] = shade(base, SHADES[rank % len(SHADES)])
    return out


def workload_colour(index: int) -> str:
    """The colour of the ``index``-th workload (in the scenario's order)."""
    return WORKLOAD_COLOURS[index % len(WORKLOAD_COLOURS)]


def shade(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed towards white (``amount`` > 0) or black (< 0)."""
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    target = 255 if amount > 0 else 0
    mixed = [round(c + (target - c) * abs(amount)) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)
