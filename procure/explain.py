"""A result in plain language: what ``procure explain`` and ``procure demo`` print.

Works from the result alone (display names travel in its ``x``), so a result
file explains itself without the scenario it came from.
"""

from __future__ import annotations

import unicodedata

from procure import phrases
from procure.domain.constraints import SHARE_KINDS
from procure.domain.result import ConstraintReport, Result, SolveStatus
from procure.levers import levers_of
from procure.phrases import say
from procure.ranking import ranked_limits
from procure.wording import (
    Names,
    figure,
    lever_sentence,
    percent,
    quantity,
    relaxation_message,
    shadow_price_sentence,
)


def names_of(result: Result) -> Names:
    return Names.from_data((result.x or {}).get("names"))


def limit_value(report: ConstraintReport, result: Result) -> float | None:
    """The share or risk limit of a share row (its rhs is limit x total spend)."""
    if report.kind not in SHARE_KINDS:
        return None
    total = sum(result.spend.get("by_vendor", {}).values())
    return report.rhs / total if total > 0 else None


def binding_limits(
    result: Result, top: int | None = None, *, lang: str = "en"
) -> list[tuple[ConstraintReport, str]]:
    """Binding limits with a price in :func:`procure.ranking.ranked_limits`'s order (the
    planner's limits first, costliest first; then capacity), in words.

    ``lang`` is ``en`` or ``zh``; the order does not depend on it.
    """
    names = names_of(result)
    hot = ranked_limits(result)
    if top is not None:
        hot = hot[:top]
    return [
        (r.report, shadow_price_sentence(r.report.name, r.price, names,
                                         limit_value(r.report, result), lang=lang))
        for r in hot
    ]


def display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int, *, left: bool = True) -> str:
    """``text`` in exactly ``width`` terminal columns: cut with "…" if wider, padded if
    narrower (on the right for ``left``), counting CJK characters as two."""
    if display_width(text) > width:
        out, used = "", 0
        for ch in text:
            w = display_width(ch)
            if used + w > width - 1:
                break
            out, used = out + ch, used + w
        text = out + "…"
    gap = " " * max(width - display_width(text), 0)
    return text + gap if left else gap + text


def terminal_width(default: int = 120) -> int:
    """Columns of the terminal the CLI prints to (``default`` when not a terminal)."""
    import shutil

    return shutil.get_terminal_size((default, 24)).columns


def _table(rows: list[tuple[str, float]], total: float, names: Names, lang: str) -> list[str]:
    width = max((display_width(label) for label, _ in rows), default=0)
    return [
        f"  {label}{' ' * (width - display_width(label))}  {names.money(amount, lang):>16}"
        f"  {percent(share):>5}"
        for label, amount in rows
        for share in [amount / total if total else 0.0]
    ]


def explain(result: Result, *, top: int = 10, lang: str = "en") -> str:
    """A few paragraphs a planner can read in a minute, in English or Chinese (``zh``)."""
    names = names_of(result)
    title = result.scenario or say("ex_untitled", lang)
    status = (phrases.status_name(result.status.value, lang) if lang == "zh"
              else result.status.value)
    if result.status is SolveStatus.INFEASIBLE:
        return _explain_infeasible(result, title, names, lang)
    if not result.status.has_plan or result.cost is None:
        note = (result.x or {}).get("error") or (result.x or {}).get("solver_message", "")
        return say("ex_no_plan", lang, title=title, status=status, note=note).strip()
    cost = result.cost

    def cash(amount: float) -> str:
        return names.money(amount, lang)

    penalty = (say("ex_penalty", lang, penalty=cash(cost.shortfall_penalty))
               if cost.shortfall_penalty else "")
    present = result.present_value
    cost_key = "ex_cost" if present is None or present == cost else "ex_cost_pv"
    lines = [
        say("ex_title", lang, title=title, status=status),
        say(cost_key, lang, total=cash(result.objective or 0.0), capex=cash(cost.capex),
            energy=cash(cost.energy_new), penalty=penalty, existing=cash(cost.energy_existing),
            nominal=cash(cost.objective)),
    ]
    if result.status is SolveStatus.FEASIBLE:
        gap = (result.x or {}).get("mip_gap")
        lines.append(say("ex_gap", lang, gap=percent(gap or 0, 2)))
    total = cost.capex
    spend = result.spend
    if total > 0:
        categories = [(phrases.category_name(k, lang) if lang == "zh" else k, a)
                      for k, a in spend["by_category"].items()]
        lines += ["", say("ex_by_category", lang)]
        lines += _table(sorted(categories, key=lambda kv: -kv[1]), total, names, lang)
        lines += ["", say("ex_by_vendor", lang)]
        vendor_rows = [(names.vendor.get(v, v), a) for v, a in spend["by_vendor"].items()]
        lines += _table(sorted(vendor_rows, key=lambda kv: -kv[1]), total, names, lang)
        groups = spend.get("by_group")
        if groups:
            lines += ["", say("ex_by_group", lang)]
            group_rows = [(names.group.get(g, g), a) for g, a in groups.items()]
            lines += _table(sorted(group_rows, key=lambda kv: -kv[1]), total, names, lang)
        lines += ["", say("ex_risk", lang, risk=figure(result.weighted_risk or 0.0, entered=False),
                          hhi=figure(result.hhi or 0.0, entered=False))]
    else:
        lines += ["", say("ex_no_purchases", lang)]
    lines += ["", say("ex_purchases", lang), *_purchases(result, names, lang)]
    hot = binding_limits(result, top, lang=lang)
    lines += ["", say("ex_binding", lang)]
    lines += [f"  - {sentence}" for _, sentence in hot] or [say("ex_binding_none", lang)]
    lines += ["", *_shortfalls(result, names, lang)]
    return "\n".join(lines).rstrip() + "\n"


def _purchases(result: Result, names: Names, lang: str = "en") -> list[str]:
    out = []
    for chip, by_period in result.buy.items():
        bought = [(p, u) for p, u in by_period.items() if u > 1e-6]
        if bought:
            when = say("ex_list_sep", lang).join(
                say("ex_bought", lang, units=quantity(u, say("units", lang)), period=p)
                for p, u in bought)
            out.append(f"  {names.chip.get(chip, chip)}: {when}")
    return out or [say("ex_none", lang)]


def _shortfalls(result: Result, names: Names, lang: str = "en") -> list[str]:
    short = [
        (w, p, v) for w, by_period in (result.shortfall or {}).items()
        for p, v in by_period.items() if v > 1e-6
    ]
    if not short:
        return [say("ex_all_met", lang)]
    return [say("ex_unmet", lang)] + [
        say("ex_unmet_item", lang, workload=names.workload.get(w, w), period=p,
            amount=quantity(v, "PFLOP/s"))
        for w, p, v in short
    ]


def _explain_infeasible(result: Result, title: str, names: Names, lang: str = "en") -> str:
    lines = [say("ex_infeasible", lang, title=title), say("ex_relax_intro", lang)]
    if lang == "zh":  # the stored messages are English; say them again without their limits
        messages = [relaxation_message(d.constraint, d.relax_by, None, names, lang=lang)
                    for d in result.diagnosis]
    else:
        messages = [d.message for d in result.diagnosis]
    lines += [f"  - {m}" for m in messages] or [say("ex_no_diagnosis", lang)]
    levers = levers_of(result.x)
    if levers:
        lines += ["", say("ex_levers_intro", lang)]
        lines += [f"  - {lever_sentence(lever.rows, lever.changes, names, lang=lang)}"
                  for lever in levers]
    return "\n".join(lines) + "\n"
