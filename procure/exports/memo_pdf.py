"""The procurement memo: a 2-4 page PDF that a decision maker reads instead of the workbook.

Order follows how such memos are read: who it is for and whether it is
approved, then the recommendation in sentences, the headline figures, where
the money goes, the risk, a comparison with the variants considered, and the
assumptions in an appendix. The memo is built in memory and written
atomically; page numbers ("Page 2 of 3") need the page count, so the canvas
keeps the pages and stamps them when the document is finished.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from procure import __version__
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from procure.exports import memo_sections as sec
from procure.exports import prose
from procure.exports.checks import solver_name_of
from procure.exports.fonts import FontSet, font_for, memo_fonts
from procure.exports.prose import LANGUAGES, Lang, t
from procure.fs import atomic_write_bytes
from procure.provenance import ensure_result_matches

STATUSES = ("draft", "approved")
_STAMP_COLOUR = {"draft": "#C00000", "approved": "#548235"}


def _canvas_class(footer_left: str, fonts: FontSet, lang: Lang) -> type[Canvas]:
    """A canvas that holds pages back until the end so each can say "page n of m"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width = A4[0]
            self.setStrokeColor(colors.HexColor("#BFBFBF"))
            self.setLineWidth(0.5)
            self.line(18 * mm, 14 * mm, width - 18 * mm, 14 * mm)
            self.setFillColor(colors.HexColor("#595959"))
            self.setFont(font_for(footer_left, fonts), 7.5)
            self.drawString(18 * mm, 10 * mm, footer_left)
            page = t("page", lang, n=number, m=total)
            self.setFont(font_for(page, fonts), 7.5)
            self.drawRightString(width - 18 * mm, 10 * mm, page)

    return NumberedCanvas


def _header(ctx: sec.MemoContext, st: dict[str, ParagraphStyle], meta: dict[str, Any]) -> list[Any]:
    lang, fonts = ctx.lang, ctx.fonts
    status = meta["status"]
    stamp_style = ParagraphStyle(
        "stamp_c", parent=st["stamp"], textColor=colors.HexColor(_STAMP_COLOUR[status])
    )
    title = Table(
        [
            [
                sec.para(t("memo_title", lang), st["h1"], fonts),
                sec.para(t(status, lang), stamp_style, fonts),
            ]
        ],
        colWidths=[330, 156],
    )
    title.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    rows = [
        ("to", meta["to"]),
        ("from", meta["sender"]),
        ("date", prose.long_date(meta["date"], lang)),
        ("subject", meta["subject"]),
        ("plan", meta["plan"]),
        ("scenario", meta["source"] or ctx.scenario.display_name),
        ("status", f"{t(status, lang)} · {prose.status_name(ctx.result.status.value, lang)}"),
    ]
    table = Table(
        [
            [sec.para(t(k, lang), st["label"], fonts), sec.para(v, st["body"], fonts)]
            for k, v in rows
        ],
        colWidths=[70, 416],
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    rule = HRFlowable(width="100%", thickness=1.2, color=sec.NAVY, spaceBefore=4, spaceAfter=6)
    return [title, Spacer(1, 6), table, rule]


def _span(values: Sequence[float], fmt: Callable[[float], str]) -> str:
    """One value, or "lowest – highest" when it changes over the periods."""
    low, high = min(values), max(values)
    return fmt(low) if low == high else f"{fmt(low)} – {fmt(high)}"


def _kw(value: float) -> str:
    return f"{value:,.0f} kW"


def _appendix(
    ctx: sec.MemoContext, st: dict[str, ParagraphStyle], meta: dict[str, Any]
) -> list[Any]:
    s, r, lang = ctx.scenario, ctx.result, ctx.lang
    names = prose.Names(s, lang)
    energy = s.energy_cost_per_kw()
    per_period_budget = s.budget.per_period
    total_budget = ctx.money(s.budget.total) if s.budget.total is not None else t("no_limit", lang)
    per_budget = _span(per_period_budget, ctx.money) if per_period_budget else t("no_limit", lang)
    cats = [
        f"{names.category(k)} {prose.percent(v.min or 0)}–"
        f"{prose.percent(v.max if v.max is not None else 1)}"
        for k, v in s.limits.category_share.items()
    ]
    cap = s.limits.vendor_max_share
    cats.append(
        t(
            "app_vendor_cap",
            lang,
            cap=prose.percent(cap) if cap is not None else t("no_limit", lang),
        )
    )
    fleet_units = sum(f.units for f in s.fleet)
    rows = [
        [t("col_item", lang), t("col_value", lang)],
        [t("app_periods", lang), f"{s.periods[0]} – {s.periods[-1]} ({len(s.periods)})"],
        [t("app_currency", lang), ctx.cur],
        [t("app_counts", lang), f"{len(s.vendors)} / {len(s.chips)} / {len(s.workloads)}"],
        [t("app_energy", lang), _span(energy, ctx.money)],
        [
            t("app_budget", lang),
            t("app_budget_value", lang, total=total_budget, per_period=per_budget),
        ],
        [
            t("app_power", lang),
            _span(s.power_cap_kw, _kw) if s.power_cap_kw else t("no_limit", lang),
        ],
        [t("app_limits", lang), "; ".join(cats)],
        [
            t("app_fleet", lang),
            t(
                "app_fleet_value",
                lang,
                units=prose.count(fleet_units),
                chips=len({f.chip for f in s.fleet}),
            ),
        ],
        [t("app_mode", lang), t("app_mode_int" if s.integer else "app_mode_lp", lang)],
        [
            t("app_penalty", lang),
            t("app_penalty_hard", lang)
            if s.shortfall_penalty is None
            else t("app_penalty_value", lang, penalty=ctx.money(s.shortfall_penalty)),
        ],
        [t("app_source", lang), meta["source"] or "-"],
        [
            t("app_solved", lang),
            meta["solved_at"].isoformat(sep=" ", timespec="minutes")
            if isinstance(meta["solved_at"], dt.datetime)
            else "-",
        ],
        [t("app_solver", lang), solver_name_of(r) or "-"],
        [t("app_status", lang), prose.status_name(r.status.value, lang)],
        [t("app_version", lang), f"Procure {__version__}"],
    ]
    out: list[Any] = [
        sec.para(t("appendix_heading", lang), st["h2"], ctx.fonts),
        sec.grid_table(rows, (150, 336), st, ctx.fonts),
        Spacer(1, 8),
    ]
    vendor_rows = [
        [
            t("col_vendor", lang),
            t("col_name", lang),
            t("col_category", lang),
            t("col_risk", lang),
            t("col_cap", lang),
        ]
    ]
    for v in s.vendors[:15]:
        vendor_rows.append(
            [
                v.id,
                v.name or "",
                names.category(v.category),
                f"{v.risk:.2f}",
                prose.percent(s.vendor_cap(v)),
            ]
        )
    if len(s.vendors) > 15:
        vendor_rows.append(["…", f"+{len(s.vendors) - 15}", "", "", ""])
    out += [
        sec.para(t("app_vendors", lang), st["label"], ctx.fonts),
        Spacer(1, 3),
        sec.grid_table(vendor_rows, (90, 170, 90, 60, 76), st, ctx.fonts, numeric=(3, 4)),
        Spacer(1, 8),
        sec.para(t("app_note", lang), st["small"], ctx.fonts),
    ]
    return out


def _story(
    ctx: sec.MemoContext, meta: dict[str, Any], variants: Sequence[tuple[str, Result]],
    hedge: tuple[Any, Any] | None = None,
) -> list[Any]:
    st = sec.styles(ctx.fonts, ctx.lang)
    lang, fonts = ctx.lang, ctx.fonts
    story = _header(ctx, st, meta)
    story.append(sec.para(t("recommendation", lang), st["h2"], fonts))
    story.append(
        sec.para(
            prose.sentences(prose.recommendation(ctx.scenario, ctx.result, lang), lang),
            st["body"],
            fonts,
        )
    )
    if ctx.result.status.has_plan and ctx.result.cost is not None:
        story += [
            KeepTogether([sec.para(t("headline", lang), st["h2"], fonts), *sec.headline(ctx, st)]),
            KeepTogether(
                [sec.para(t("spend_heading", lang), st["h2"], fonts), *sec.spend_charts(ctx)]
            ),
        ]
        orders = sec.largest_orders(ctx, st)
        if orders:
            story.append(
                KeepTogether([sec.para(t("purchases_heading", lang), st["h2"], fonts), *orders])
            )
        story += [sec.para(t("risk_heading", lang), st["h2"], fonts), *sec.risk(ctx, st)]
    else:
        story += [sec.para(t("diagnosis_heading", lang), st["h2"], fonts), *sec.diagnosis(ctx, st)]
    if variants:
        story.append(
            KeepTogether(
                [
                    sec.para(t("comparison_heading", lang), st["h2"], fonts),
                    *sec.comparison(ctx, st, variants, meta["plan"]),
                ]
            )
        )
    if hedge is not None:  # (Hedge, HedgeResult): "Recommendation under uncertainty"
        from procure.exports.hedge_memo import hedge_section

        story += hedge_section(hedge[0], hedge[1], st, fonts, lang)
    story.append(PageBreak())
    story += _appendix(ctx, st, meta)
    return story


def write_memo(
    scenario: Scenario,
    result: Result,
    path: str | Path,
    *,
    to: str | None = None,
    sender: str | None = None,
    date: dt.date | None = None,
    subject: str | None = None,
    status: str = "draft",
    language: Lang = "en",
    variants: Sequence[tuple[str, Result]] = (),
    plan: str | None = None,
    source: str | None = None,
    solved_at: dt.datetime | None = None,
    reproducible: bool = False,
    hedge: tuple[Any, Any] | None = None,
) -> None:
    """Write the procurement memo for ``result`` as a PDF at ``path`` (atomically).

    ``to``/``sender``/``subject`` default to the planning committee, team and a subject
    naming the horizon; ``status`` is "draft" or "approved"; ``language`` "en" or "zh";
    ``variants`` are (name, Result) pairs of alternative scenarios to compare;
    ``plan`` names the plan (default: the scenario's name), ``source`` the scenario file.
    ``reproducible`` fixes the PDF's timestamps and id so the bytes depend only on the input.
    ``hedge`` (a ``Hedge`` and its ``HedgeResult``) adds the section "Recommendation under
    uncertainty".
    """
    if status not in STATUSES:
        raise ProcureError(f"memo status must be one of {', '.join(STATUSES)}, got {status!r}")
    if language not in LANGUAGES:
        raise ProcureError(f"memo language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    ensure_result_matches(scenario, result)
    fonts = memo_fonts().for_language(language)
    ctx = sec.MemoContext(scenario, result, language, fonts)
    s = scenario
    meta = {
        "to": to or t("default_to", language),
        "sender": sender or t("default_from", language),
        "date": date or dt.date.today(),
        "status": status,
        "plan": plan or s.display_name,
        "subject": subject
        or t("default_subject", language, first=s.periods[0], last=s.periods[-1]),
        "source": source,
        "solved_at": solved_at,
    }
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=20 * mm,
        title=meta["subject"],
        author=meta["sender"],
        subject=f"{t('memo_title', language)}: {meta['plan']}",
        creator=f"Procure {__version__}",
        invariant=1 if reproducible else 0,
        lang="zh-CN" if language == "zh" else "en-GB",
    )
    footer = f"Procure · {meta['plan']} · {t(status, language)}"
    doc.build(_story(ctx, meta, variants, hedge),
              canvasmaker=_canvas_class(footer, fonts, language))
    atomic_write_bytes(Path(path), buffer.getvalue())
