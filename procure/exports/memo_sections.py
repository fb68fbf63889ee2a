"""The memo's sections as reportlab flowables: words from :mod:`prose`, layout here.

Every piece of user text (names, ids, the subject) goes through
:func:`procure.exports.fonts.markup`, which escapes it and picks a font that
can draw it; nothing else builds Paragraph markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from procure import phrases
from procure.colours import OTHER, category_colour, vendor_colours
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports import prose
from procure.exports.charts import category_bars, fold_small, vendor_pie
from procure.exports.fonts import FontSet, markup
from procure.exports.prose import Lang, Names, t
from procure.exports.whole_units import whole_orders
from procure.metrics import weakest_outage
from procure.ranking import binding_count

NAVY = colors.HexColor("#1F3864")
GRID = colors.HexColor("#BFBFBF")
BAND = colors.HexColor("#F2F2F2")


@dataclass(frozen=True)
class MemoContext:
    """What every section needs: the plan, the language and the fonts."""

    scenario: Scenario
    result: Result
    lang: Lang
    fonts: FontSet

    @property
    def cur(self) -> str:
        return self.scenario.currency_code

    def money(self, value: float) -> str:
        return prose.money(value, self.cur, self.lang)


def styles(fonts: FontSet, lang: Lang) -> dict[str, ParagraphStyle]:
    """Paragraph styles; Chinese text wraps between any two characters, not only at spaces."""
    base = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=9.5,
        leading=13.5,
        spaceAfter=4,
        wordWrap="CJK" if lang == "zh" else None,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, spaceAfter=0),
        "small_right": ParagraphStyle(
            "small_right", parent=base, fontSize=8, leading=10.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=base,
            fontName=fonts.bold,
            fontSize=8,
            leading=10.5,
            spaceAfter=0,
            textColor=colors.white,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=18,
            leading=22,
            textColor=NAVY,
            spaceAfter=0,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=12,
            leading=15,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontName=fonts.bold, fontSize=9, spaceAfter=0
        ),
        "stamp": ParagraphStyle(
            "stamp",
            parent=base,
            fontName=fonts.bold,
            fontSize=14,
            leading=18,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
    }


def para(text: str, style: ParagraphStyle, fonts: FontSet) -> Paragraph:
    """A paragraph of plain text; the text is escaped, never read as markup."""
    return Paragraph(markup(text, fonts), style)


def grid_table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    st: dict[str, ParagraphStyle],
    fonts: FontSet,
    numeric: Sequence[int] = (),
) -> Table:
    """A table with a navy header row, banded body rows and right-aligned numeric columns."""
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            style = (
                st["cell_head"] if r == 0 else st["small_right"] if c in numeric else st["small"]
            )
            cells.append(para(text, style, fonts))
        body.append(cells)
    table = Table(body, colWidths=list(widths), repeatRows=1)
    commands: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), BAND) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return table


def headline(ctx: MemoContext, st: dict[str, ParagraphStyle]) -> list[Any]:
    """The figures a decision maker asks for first, as a two-column table."""
    r, s, lang = ctx.result, ctx.scenario, ctx.lang
    if r.cost is None:
        return []
    units = whole_orders(s, r).total_units  # as ordered: whole lots
    limit = s.limits.max_weighted_risk
    case = weakest_outage(s, r)
    achieved = prose.percent(max(case.remaining, 0.0)) if case else "-"
    binding = binding_count(r)  # the count the window, the CLI and the workbook give
    pairs = [
        (t("fig_total", lang), ctx.money(r.cost.objective)),
        (t("fig_capex", lang), ctx.money(r.cost.capex)),
        (t("fig_energy_new", lang), ctx.money(r.cost.energy_new)),
        (t("fig_shortfall", lang), ctx.money(r.cost.shortfall_penalty)),
        (t("fig_energy_existing", lang), ctx.money(r.cost.energy_existing)),
        (t("fig_units", lang), prose.count(units)),
        (
            t("fig_risk", lang),
            f"{prose.ratio(r.weighted_risk or 0.0)} ("
            + (prose.ratio(limit) if limit is not None else t("no_limit", lang))
            + ")",
        ),
        (t("fig_hhi", lang), f"{r.hhi or 0.0:.2f}"),
        (t("fig_outage", lang), f"{prose.percent(s.limits.outage_coverage)} / {achieved}"),
        (t("fig_binding", lang), str(binding)),
    ]
    half = (len(pairs) + 1) // 2
    rows = [[t("col_item", lang), t("col_value", lang), t("col_item", lang), t("col_value", lang)]]
    for i in range(half):
        right = pairs[half + i] if half + i < len(pairs) else ("", "")
        rows.append([pairs[i][0], pairs[i][1], right[0], right[1]])
    return [grid_table(rows, (128, 110, 138, 110), st, ctx.fonts, numeric=(1, 3))]


def _chart_scale(ctx: MemoContext, peak: float) -> tuple[float, str]:
    """Axis unit from the tallest column (the one rule of :func:`procure.phrases.axis_scale`)."""
    return phrases.axis_scale(peak, ctx.cur, ctx.lang, words=True)


def spend_charts(ctx: MemoContext) -> list[Any]:
    """Spend by category per period (stacked) beside each vendor's share."""
    s, r, lang = ctx.scenario, ctx.result, ctx.lang
    names = Names(s, lang)
    category_of = {v.id: v.category for v in s.vendors}
    vendor_of = {c.id: c.vendor for c in s.chips}
    price = {c.id: c.price for c in s.chips}
    series: dict[str, list[float]] = {k: [0.0] * len(s.periods) for k in s.categories()}
    for chip, per in r.buy.items():
        cat = category_of.get(vendor_of.get(chip, ""), "")
        for j, label in enumerate(s.periods):
            if cat in series and chip in price:
                series[cat][j] += per.get(label, 0.0) * price[chip][j]
    peak = max((sum(col) for col in zip(*series.values(), strict=True)), default=0.0)
    scale, unit = _chart_scale(ctx, peak)
    series = {k: [v / scale for v in values] for k, values in series.items()}
    known = list(series)
    bars = category_bars(
        s.periods,
        [(names.category(k), v) for k, v in series.items()],
        t("chart_category", lang, cur=unit),
        ctx.fonts,
        colours=[category_colour(k, known) for k in series],  # as in the window
    )
    shares = [
        (names.vendors.get(v, v)[:24], share) for v, share in r.share.get("by_vendor", {}).items()
    ]
    by_name = {names.vendors.get(v, v)[:24]: c for v, c in vendor_colours(s).items()}
    items = fold_small(shares, 6, t("other", lang))
    pie = vendor_pie(items, t("chart_vendor", lang), ctx.fonts,
                     colours=[by_name.get(name, OTHER) for name, _ in items])
    table = Table([[bars, pie]], colWidths=[260, 230])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [table]


def largest_orders(ctx: MemoContext, st: dict[str, ParagraphStyle], limit: int = 8) -> list[Any]:
    s, r, lang = ctx.scenario, ctx.result, ctx.lang
    names = Names(s, lang)
    by_chip = r.spend.get("by_chip", {})
    capex = sum(by_chip.values())
    top = [c for c in sorted(by_chip, key=lambda c: -by_chip[c]) if by_chip[c] > 0][:limit]
    if not top or capex <= 0:
        return []
    rows = [
        [
            t("col_chip", lang),
            t("col_vendor", lang),
            t("col_units", lang),
            t("col_spend", lang),
            t("col_share", lang),
        ]
    ]
    whole = whole_orders(s, r)
    for chip in top:
        rows.append(
            [
                names.chips.get(chip, chip),
                names.vendors.get(names.chip_vendor.get(chip, ""), "?"),
                prose.count(whole.units_of(chip)),
                ctx.money(by_chip[chip]),
                prose.percent(by_chip[chip] / capex, 1),
            ]
        )
    out: list[Any] = [grid_table(rows, (150, 120, 60, 100, 56), st, ctx.fonts,
                                 numeric=(2, 3, 4))]
    note = prose.rounding_note(s, r, lang)
    if note:
        out.append(para(note, st["small"], ctx.fonts))
    return out


def risk(ctx: MemoContext, st: dict[str, ParagraphStyle], limit: int = 8) -> list[Any]:
    """Risk figures in words, then the binding limits and what relaxing each is worth."""
    s, r, lang = ctx.scenario, ctx.result, ctx.lang
    out: list[Any] = [
        para(prose.sentences(prose.risk_paragraphs(s, r, lang), lang), st["body"], ctx.fonts)
    ]
    notes = [n for n in prose.binding_limits(s, r, lang) if n.worth > 0]
    if not notes:
        out.append(para(t("risk_binding_none", lang), st["body"], ctx.fonts))
        return out
    out.append(para(t("risk_binding_intro", lang), st["body"], ctx.fonts))
    rows = [[t("col_limit", lang), t("col_cost", lang)]]
    rows += [[n.label, n.effect] for n in notes[:limit]]
    if len(notes) > limit:
        more = len(notes) - limit
        rows.append(["…", t("more_rows", lang, count=more)])
    out.append(grid_table(rows, (220, 266), st, ctx.fonts))
    return out


def comparison(
    ctx: MemoContext,
    st: dict[str, ParagraphStyle],
    variants: Sequence[tuple[str, Result]],
    plan_name: str,
) -> list[Any]:
    lang = ctx.lang
    rows = [
        [
            t("col_variant", lang),
            t("col_status", lang),
            t("col_total", lang),
            t("col_capex", lang),
            t("col_risk", lang),
            t("col_hhi", lang),
        ]
    ]
    for name, res in [(f"{plan_name} ({t('recommended', lang)})", ctx.result), *variants]:
        has = res.status.has_plan and res.cost is not None
        rows.append(
            [
                name,
                prose.status_name(res.status.value, lang),
                ctx.money(res.cost.objective) if has and res.cost else "-",
                ctx.money(res.cost.capex) if has and res.cost else "-",
                prose.ratio(res.weighted_risk or 0.0) if has else "-",
                f"{res.hhi or 0.0:.2f}" if has else "-",
            ]
        )
    text = prose.sentences(prose.comparison(ctx.scenario, ctx.result, variants, lang), lang)
    return [
        grid_table(rows, (140, 70, 88, 88, 50, 50), st, ctx.fonts, numeric=(2, 3, 4, 5)),
        Spacer(1, 6),
        para(text, st["body"], ctx.fonts),
    ]


def diagnosis(ctx: MemoContext, st: dict[str, ParagraphStyle]) -> list[Any]:
    lang = ctx.lang
    items = prose.diagnosis(ctx.scenario, ctx.result, lang)
    out: list[Any] = [para(t("rec_relax_intro", lang), st["body"], ctx.fonts)]
    out += [para("• " + item, st["body"], ctx.fonts) for item in items]
    if lang == "en":
        out += [
            para("– " + d.message, st["small"], ctx.fonts)
            for d in ctx.result.diagnosis
            if d.message
        ]
    levers = prose.single_levers(ctx.scenario, ctx.result, lang)
    if levers:
        out.append(para(t("rec_levers_intro", lang), st["body"], ctx.fonts))
        out += [para("• " + item, st["body"], ctx.fonts) for item in levers]
    return out
