"""The memo's "Recommendation under uncertainty": a hedge stated in prose, with its chart.

:func:`hedge_section` gives the flowables (heading, the recommendation in the
summary's own sentences, a chart of the cost in each future hedged and betting on
the reference, the futures and the orders to place now) so the plan memo can carry
them; :func:`write_hedge_memo` writes them as a one- or two-page PDF of their own.
In English or Simplified Chinese: the sentences are those of
:mod:`procure.analysis.hedge_words`, the headings the memo's own (``hedge_*``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from procure import __version__
from procure.analysis.hedge import HedgeResult
from procure.analysis.hedge_definition import Hedge
from procure.analysis.hedge_words import hedge_summary
from procure.exports import memo_sections as sec
from procure.exports.fonts import FontSet, font_for, memo_fonts
from procure.exports.prose import t
from procure.fs import atomic_write_bytes
from procure.phrases import HEADING_ENDS, SENTENCE_ENDS, Lang, axis_scale, percent
from procure.wording import Names, quantity

HEDGED, BET = "#1F3864", "#A6A6A6"


def _prose(hedge: Hedge, result: HedgeResult, lang: Lang) -> str:
    """The summary's verdict sentences (the lines that are not list items or headings)."""
    stop = t("hedge_stop", lang)
    if result.diagnosis:
        return " ".join([t("hedge_no_single", lang, period=result.decide_through)]
                        + [c.message for c in result.diagnosis])
    lines = hedge_summary(hedge, result, lang=lang)[1:]
    kept = [line.strip().lstrip("- ") for line in lines
            if not line.startswith("  ") and not line.rstrip().endswith(tuple(HEADING_ENDS))]
    if result.here_and_now is not None:
        kept.insert(0, t("hedge_place_now", lang, period=result.decide_through))
    return ("" if lang == "zh" else " ").join(
        line if line.endswith(tuple(SENTENCE_ENDS)) else line + stop for line in kept)


def cost_chart(result: HedgeResult, fonts: FontSet, width: float = 480,
               height: float = 200, lang: Lang = "en") -> Drawing:
    """Columns per future: the hedged cost beside the cost of betting on the reference."""
    names = [f.name for f in result.scenarios]
    hedged = [f.objective or 0.0 for f in result.scenarios]
    bet = [result.reference.objectives.get(n) or 0.0 for n in names]
    top = max([*hedged, *bet, 1.0])
    scale, label = axis_scale(top, result.currency, lang)
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 40, width - 60, height - 60
    chart.data = [[v / scale for v in hedged], [v / scale for v in bet]]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = font_for("".join(names), fonts)
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.1f}"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#D9D9D9")
    for i, colour in enumerate((HEDGED, BET)):
        chart.bars[i].fillColor = colors.HexColor(colour)
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y, legend.alignment, legend.columnMaximum = 50, 10, "right", 1
    legend.fontName, legend.fontSize, legend.deltax = fonts.regular, 7, 150
    legend.fontName = font_for(result.reference.name + t("hedge_col_hedged", lang), fonts)
    legend.colorNamePairs = [
        (colors.HexColor(HEDGED), f"{t('hedge_col_hedged', lang)} ({label})"),
        (colors.HexColor(BET),
         f"{t('hedge_col_betting', lang, reference=result.reference.name)} ({label})")]
    d.add(legend)
    return d


def hedge_section(hedge: Hedge, result: HedgeResult, st: dict[str, ParagraphStyle],
                  fonts: FontSet, lang: Lang = "en") -> list[Any]:
    """The section's flowables (see the module docstring)."""
    out: list[Any] = [sec.para(t("hedge_heading", lang), st["h2"], fonts),
                      sec.para(_prose(hedge, result, lang), st["body"], fonts)]
    if result.expected_cost is None:
        return out
    names = Names.of(hedge.scenarios[0].scenario)
    names.currency = result.currency
    out += [Spacer(1, 4), cost_chart(result, fonts, lang=lang), Spacer(1, 6)]
    reference = result.reference.name
    rows = [[t("hedge_col_future", lang), t("hedge_col_probability", lang),
             t("hedge_col_hedged", lang), t("hedge_col_betting", lang, reference=reference)]]
    for f in result.scenarios:
        theirs = result.reference.objectives.get(f.name)
        rows.append([f.name, percent(f.probability),
                     "-" if f.objective is None else names.money(f.objective, lang),
                     t("hedge_not_carried", lang) if theirs is None
                     else names.money(theirs, lang)])
    out += [sec.grid_table(rows, (170, 70, 110, 124), st, fonts, numeric=(1, 2, 3)),
            Spacer(1, 8)]
    ref = result.reference.here_and_now or {}
    orders = [[t("hedge_col_order", lang), t("hedge_col_period", lang),
               t("hedge_col_units", lang), t("hedge_col_units_ref", lang, reference=reference)]]
    for chip, by_period in (result.here_and_now or {}).items():
        for period, units in by_period.items():
            theirs = ref.get(chip, {}).get(period)
            if units > 1e-6 or (theirs or 0.0) > 1e-6:
                orders.append([names.chip.get(chip, chip), period, quantity(units),
                               "-" if theirs is None else quantity(theirs)])
    if len(orders) > 1:
        out.append(sec.grid_table(orders, (190, 70, 100, 114), st, fonts, numeric=(2, 3)))
    return out


def write_hedge_memo(path: str | Path, hedge: Hedge, result: HedgeResult, *,
                     reproducible: bool = False, language: Lang = "en") -> None:
    """The section as a PDF of its own, written atomically."""
    fonts = memo_fonts().for_language(language)
    st = sec.styles(fonts, language)
    title = t("hedge_memo_title", language, name=result.name or "")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=20 * mm, title=title,
                            creator=f"Procure {__version__}",
                            invariant=1 if reproducible else 0,
                            lang="zh-CN" if language == "zh" else "en-GB")
    doc.build([sec.para(title, st["h2"], fonts),
               *hedge_section(hedge, result, st, fonts, language)])
    atomic_write_bytes(Path(path), buffer.getvalue())


__all__ = ["cost_chart", "hedge_section", "write_hedge_memo"]
