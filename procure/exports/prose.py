"""Plain-language sentences about a result, for the memo (English or Simplified Chinese).

Everything the memo says in words is made here from the Scenario and the Result,
so it can be reconciled with ``procure.explain`` in one place: rounded money
("36.1 million CNY", "3,611.6 万元"), shadow prices turned into what relaxing a
limit is worth, limits named by what they are ("the cap on Nvidia's share of new
spend"). Plain text only; the memo escapes it for the PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from procure import wording
from procure.domain import constraints as K
from procure.domain.model import Scenario
from procure.domain.result import ConstraintReport, Result
from procure.exports.prose_strings import CATEGORY_NAMES, STATUS_NAMES, STRINGS
from procure.exports.whole_units import whole_orders
from procure.levers import levers_of
from procure.metrics import weakest_outage
from procure.phrases import LANGUAGES, Lang, money, percent
from procure.ranking import ranked_limits

__all__ = ["LANGUAGES", "Lang", "money", "percent"]  # shared with procure.wording

# The limits the memo lists when they bind: those a planner sets, but demand (which is
# what the plan serves, not a limit on it).
_NOT_LISTED = (K.Group.DEMAND, K.Group.DERIVED)


def t(key: str, lang: Lang, **values: object) -> str:
    """The string ``key`` in ``lang`` with its placeholders filled."""
    return STRINGS[lang][key].format(**values)


def count(value: float) -> str:
    """Units: whole numbers with separators; fractional plans show one decimal."""
    return f"{value:,.0f}" if abs(value - round(value)) < 0.05 else f"{value:,.1f}"


def ratio(value: float) -> str:
    """A computed 0..1 figure (risk, HHI) to three significant digits, as its limit beside
    it is said (:func:`procure.wording.figure`): 0.360 against a limit of 0.500."""
    return wording.figure(value, entered=False)


def long_date(day: dt.date, lang: Lang) -> str:
    if lang == "zh":
        return t("long_date", lang, year=day.year, month=day.month, day=day.day)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def status_name(status: str, lang: Lang) -> str:
    return STATUS_NAMES[lang].get(status, status)


class Names:
    """Display names of a scenario's entities: the name if given, else the id."""

    def __init__(self, s: Scenario, lang: Lang) -> None:
        self.lang = lang
        shared = wording.Names.of(s)
        self.vendors = shared.vendor
        self.chips = shared.chip
        self.workloads = shared.workload
        self.groups = shared.group
        self.chip_vendor = {c.id: c.vendor for c in s.chips}

    def category(self, name: str) -> str:
        return CATEGORY_NAMES[self.lang].get(name, name)

    def constraint(self, name: str) -> str:
        """A constraint named by what it limits, e.g. "the power cap in 2026Q3": the
        phrase ``c_{kind}`` of the row's kind, filled with the names of its ids."""
        try:
            kind, ids = K.parse_name(name)
        except (KeyError, ValueError):
            return t("c_other", self.lang, name=name)
        lookup = {"chip": self.chips, "vendor": self.vendors, "workload": self.workloads,
                  "group": self.groups}
        words = {
            field: self.category(value) if field == "category"
            else lookup[field].get(value, value) if field in lookup else value
            for field, value in ids.items()
        }
        return t(f"c_{kind.key}", self.lang, **words)


_UNIT_PER = {
    K.Unit.UNITS: "unit", K.Unit.PFLOPS: "PFLOP/s", K.Unit.TB: "TB", K.Unit.KW: "kW",
}


def shadow_price_unit(kind: str, currency: str) -> str:
    """What one unit of a constraint's shadow price means (workbook column, English).

    ``kind`` is a row name's first part (``budget`` covers ``budget:total`` too)."""
    found = next((k for k in K.KINDS if k.prefix == kind), None)
    if found is None or found.share:
        return f"{currency} per 1.0 of the limit (÷100 per point)"
    if found is K.CAPACITY:
        return f"{currency} per unit in service"
    if found.group is K.Group.COVERAGE:
        return f"{currency} per PFLOP/s of cover"
    if found.unit is K.Unit.MONEY:
        return f"{currency} per {currency}"
    return f"{currency} per {_UNIT_PER[found.unit]}"


@dataclass(frozen=True)
class LimitNote:
    """A binding limit in words: what it is, what relaxing it is worth, and how much that is."""

    constraint: ConstraintReport
    label: str
    effect: str
    worth: float  # objective saved by a natural step of relaxation, for ranking


def binding_limits(s: Scenario, r: Result, lang: Lang) -> list[LimitNote]:
    """Binding budget, power, supply, share, risk and outage limits, costliest first."""
    names = Names(s, lang)
    cur = s.currency_code
    notes = []
    for con in r.constraints:
        kind = K.find_kind(con.name)
        if (not con.binding or kind is None or kind.group in _NOT_LISTED
                or con.shadow_price is None):
            continue
        sp = abs(con.shadow_price)
        if kind.share:
            worth = sp * kind.step  # per percentage point, or per 0.01 of risk
            key = ("eff_risk_up" if kind.unit is K.Unit.RISK
                   else "eff_share_up" if kind.loosen_up else "eff_share_down")
            effect = t(key, lang, cost=money(worth, cur, lang))
        elif kind.unit is K.Unit.MONEY:
            step = 1e6 if abs(con.rhs) >= 1e7 else 1.0
            worth = sp * step
            effect = t(
                "eff_budget", lang, step=money(step, cur, lang), cost=money(worth, cur, lang)
            )
        else:  # per kW, unit or PFLOP/s, as the window's and the CLI's sentences say it
            worth = sp
            key = {K.Unit.KW: "eff_power", K.Unit.UNITS: "eff_supply"}.get(kind.unit,
                                                                            "eff_outage")
            effect = t(key, lang, cost=money(worth, cur, lang))
        if worth < 0.005:
            effect, worth = t("eff_free", lang), 0.0
        notes.append(LimitNote(con, names.constraint(con.name), effect, worth))
    order = {r.report.name: i for i, r in enumerate(ranked_limits(r))}  # the one ranking
    notes.sort(key=lambda n: order.get(n.constraint.name, len(order)))
    return notes


def sentences(parts: Sequence[str], lang: Lang) -> str:
    """Sentences as one paragraph: spaced in English, run together in Chinese."""
    return ("" if lang == "zh" else " ").join(parts)


def _join(items: Sequence[str], lang: Lang) -> str:
    if lang == "zh":
        return t("list_sep", lang).join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def recommendation(s: Scenario, r: Result, lang: Lang) -> list[str]:
    """The memo's opening paragraph: what to buy, what it costs, what shaped it."""
    if not r.status.has_plan or r.cost is None:
        return [t("rec_infeasible", lang)]
    names, cur = Names(s, lang), s.currency_code
    whole = whole_orders(s, r)  # a decision maker orders whole lots
    units = whole.total_units
    out = []
    if units < 0.5:
        out.append(t("rec_none", lang))
    else:
        out.append(
            t(
                "rec_buy",
                lang,
                units=count(units),
                first=s.periods[0],
                last=s.periods[-1],
                capex=money(r.cost.capex, cur, lang),
            )
        )
    if r.cost.shortfall_penalty > 0:
        out.append(
            t(
                "rec_total_penalty",
                lang,
                total=money(r.cost.objective, cur, lang),
                penalty=money(r.cost.shortfall_penalty, cur, lang),
            )
        )
    else:
        out.append(t("rec_total", lang, total=money(r.cost.objective, cur, lang)))
    from procure.exports.prose_v2 import v2_sentences  # version 2: PV, shared risk, memory

    out += v2_sentences(s, r, lang)
    by_chip = dict(r.spend.get("by_chip", {}))
    capex = sum(by_chip.values())
    top = [c for c in sorted(by_chip, key=lambda c: -by_chip[c]) if by_chip[c] > 0][:3]
    if top and capex > 0:
        items = [
            t(
                "rec_order_item",
                lang,
                units=count(whole.units_of(c)),
                chip=names.chips.get(c, c),
                vendor=names.vendors.get(names.chip_vendor.get(c, ""), "?"),
                share=percent(by_chip[c] / capex),
            )
            for c in top
        ]
        out.append(t("rec_orders", lang, items=_join(items, lang)))
        shares = r.share.get("by_category", {})
        split = [
            t("rec_split_item", lang, share=percent(v), category=names.category(k))
            for k, v in sorted(shares.items(), key=lambda kv: -kv[1])
            if v > 0.0005
        ]
        if split:
            out.append(t("rec_split", lang, items=_join(split, lang)))
    out.append(_demand_sentence(s, r, names))
    limits = [n for n in binding_limits(s, r, lang) if n.worth > 0]
    if limits:
        out.append(t("rec_tightest", lang, limit=limits[0].label, effect=limits[0].effect))
    marginal = _marginal_demand(s, r, names)
    if marginal:
        out.append(marginal)
    return out


def _demand_sentence(s: Scenario, r: Result, names: Names) -> str:
    shortfall = r.shortfall or {}
    total = sum(sum(p.values()) for p in shortfall.values())
    if total < 1e-6:
        return t("rec_met", names.lang)
    worst = max(
        ((w, p, v) for w, per in shortfall.items() for p, v in per.items()), key=lambda x: x[2]
    )
    return t(
        "rec_short",
        names.lang,
        amount=f"{total:,.1f}",
        workload=names.workloads.get(worst[0], worst[0]),
        period=worst[1],
    )


def _marginal_demand(s: Scenario, r: Result, names: Names) -> str | None:
    rows = [c for c in r.constraints if K.find_kind(c.name) is K.DEMAND and c.shadow_price]
    if not rows:
        return None
    top = max(rows, key=lambda c: abs(c.shadow_price or 0.0))
    workload, period = ((*top.parts, "", ""))[:2]
    return t(
        "rec_marginal",
        names.lang,
        workload=names.workloads.get(workload, workload),
        period=period,
        cost=money(abs(top.shadow_price or 0.0), s.currency_code, names.lang),
    )


def relaxation_amount(kind: str, amount: float, currency: str, lang: Lang) -> str:
    """A diagnosis' ``relax_by`` in the limit's own terms; ``kind`` is the row's name."""
    found = K.find_kind(kind) or next((k for k in K.KINDS if k.prefix == kind), None)
    unit = None if found is None else found.unit
    if found is not None and found.share:
        return t("relax_points", lang, amount=f"{amount * 100:.1f}")
    if unit is K.Unit.MONEY:
        return money(amount, currency, lang)
    if unit is K.Unit.KW:
        return f"{amount:,.0f} kW"
    if unit in (K.Unit.PFLOPS, K.Unit.TB):
        return f"{amount:,.2f} {unit.value}"
    return t("relax_units", lang, amount=count(amount))


def diagnosis(s: Scenario, r: Result, lang: Lang) -> list[str]:
    """The relaxations that would make an infeasible scenario feasible, one sentence each."""
    names = Names(s, lang)
    return [
        t(
            "rec_relax_item",
            lang,
            limit=names.constraint(d.constraint),
            amount=relaxation_amount(d.constraint, d.relax_by, s.currency_code, lang),
        )
        for d in r.diagnosis
    ]


def rounding_note(s: Scenario, r: Result, lang: Lang) -> str:
    """How the orders shown were rounded to whole lots, and what that adds; empty when
    the plan is whole already (integer mode)."""
    whole = whole_orders(s, r)
    if not whole.rounded:
        return ""
    return t("rounding_note", lang, units=count(whole.added_units),
             capex=money(whole.added_capex, s.currency_code, lang))


def single_levers(s: Scenario, r: Result, lang: Lang) -> list[str]:
    """Each limit of the diagnosis changed alone: the change that suffices, or that it
    cannot (see :mod:`procure.optimiser.single_lever`); those that suffice first."""
    names = wording.Names.of(s)
    return [wording.lever_sentence(lever.rows, lever.changes, names, lang=lang, scenario=s)
            for lever in levers_of(r.x)]


def risk_paragraphs(s: Scenario, r: Result, lang: Lang) -> list[str]:
    """Weighted risk, concentration and outage cover in words."""
    if not r.status.has_plan:
        return []
    names = Names(s, lang)
    out = []
    risk = ratio(r.weighted_risk or 0.0)
    limit = s.limits.max_weighted_risk
    out.append(
        t("risk_weighted", lang, risk=risk, limit=wording.figure(limit))
        if limit is not None
        else t("risk_weighted_nolimit", lang, risk=risk)
    )
    shares = r.share.get("by_vendor", {})
    if shares and max(shares.values()) > 0:
        top = max(shares, key=lambda v: shares[v])
        hhi = r.hhi or 0.0
        meaning = t("hhi_low" if hhi < 0.15 else "hhi_mid" if hhi < 0.25 else "hhi_high", lang)
        out.append(
            t(
                "risk_hhi",
                lang,
                hhi=ratio(hhi),
                meaning=meaning,
                vendor=names.vendors.get(top, top),
                share=percent(shares[top]),
            )
        )
    case = weakest_outage(s, r)
    if case is not None:
        values = {
            "vendor": names.vendors.get(case.vendor, case.vendor),
            "workload": names.workloads.get(case.workload, case.workload),
            "period": case.period,
            "achieved": percent(max(case.remaining, 0.0)),
        }
        delta = s.limits.outage_coverage
        out.append(
            t("risk_outage", lang, required=wording.limit_percent(delta), **values)
            if delta > 0
            else t("risk_outage_none", lang, **values)
        )
    return out


def unmet_shares(s: Scenario, r: Result) -> dict[str, float]:
    """Each workload's share of its demand that ``r`` leaves unserved (only those > 0)."""
    out = {}
    for w in s.workloads:
        demand = float(sum(w.demand))
        short = float(sum((r.shortfall or {}).get(w.id, {}).values()))
        if demand > 0 and short > 1e-9 * demand:
            out[w.id] = short / demand
    return out


def comparison(
    s: Scenario, base: Result, variants: Sequence[tuple[str, Result]], lang: Lang
) -> list[str]:
    """How each variant differs from the recommended plan, in a sentence or two."""
    cur = s.currency_code
    out = []
    for name, other in variants:
        if not other.status.has_plan or other.objective is None or base.objective is None:
            out.append(t("cmp_infeasible", lang, variant=name))
            continue
        diff = other.objective - base.objective
        pct = percent(abs(diff) / base.objective, 1) if base.objective else "-"
        unmet = unmet_shares(s, other)
        if unmet and not (other.cost and other.cost.shortfall_penalty > 0):
            # Its cost leaves out the demand it does not serve: never call that a saving.
            words = wording.unmet_demand_words(unmet, wording.Names.of(s), lang=lang)
            words = t("cmp_unmet_is" if len(unmet) == 1 else "cmp_unmet_are", lang,
                      unmet=words)
            key = "cmp_cheaper_unmet" if diff < 0 else "cmp_dearer_unmet"
            out.append(t(key, lang, variant=name, diff=money(abs(diff), cur, lang),
                         unmet=words))
        elif abs(diff) < 0.5:
            out.append(t("cmp_same", lang, variant=name))
        else:
            key = "cmp_cheaper" if diff < 0 else "cmp_dearer"
            out.append(t(key, lang, variant=name, diff=money(abs(diff), cur, lang), pct=pct))
        out.append(
            t(
                "cmp_risk",
                lang,
                risk=ratio(other.weighted_risk or 0.0),
                base=ratio(base.weighted_risk or 0.0),
            )
        )
    return out
