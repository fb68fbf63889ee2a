"""How Procure says numbers and limits in words.

One vocabulary for the diagnosis, ``procure explain``, the GUI and the memo:
money as "1.2 bn CNY", shares as "41%", and a sentence for each kind of
constraint, so that a limit is described the same way wherever it appears.
The sentences are templates in :mod:`procure.phrases`, in English (the
default) or Simplified Chinese (``lang="zh"``, money as the memo says it,
"3,611.6 万元").
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from procure import phrases
from procure.domain.model import Scenario
from procure.domain.result import Relaxation
from procure.phrases import say


def money(amount: float, currency: str = "CNY") -> str:
    """``1.2 bn CNY``, ``350 m CNY``, ``41,000 CNY``: the precision a planner reads."""
    sign = "-" if amount < 0 else ""
    a = abs(amount)
    if a >= 1e9:
        text = f"{a / 1e9:,.3g} bn" if a < 1e11 else f"{a / 1e9:,.0f} bn"
    elif a >= 1e6:
        text = f"{a / 1e6:,.3g} m"
    elif a >= 100:
        text = f"{a:,.0f}"
    else:
        text = f"{a:,.2f}".rstrip("0").rstrip(".") if a else "0"
    return f"{sign}{text} {currency}"


def percent(share: float, digits: int = 0) -> str:
    """``0.413`` as ``41%`` (or ``41.3%`` with ``digits=1``)."""
    return phrases.percent(share, digits)


MIN_DIGITS = 3
MAX_DIGITS = 6


def _decimals(value: float, digits: int) -> int:
    """Decimals that give ``value`` ``digits`` significant digits."""
    if value == 0:
        return digits - 1
    return max(digits - 1 - math.floor(math.log10(abs(value))), 0)


def _as_entered(value: float, *, entered: bool) -> str:
    """At least three significant digits; an entered figure keeps every digit it was typed
    with (up to six), so a limit of 0.435 is never shown as 0.43 or 0.44."""
    digits = MIN_DIGITS
    if entered:
        exact = round(value, _decimals(value, MAX_DIGITS))
        while digits < MAX_DIGITS and round(value, _decimals(value, digits)) != exact:
            digits += 1
    return f"{value:,.{_decimals(value, digits)}f}"


def figure(value: float, *, entered: bool = True) -> str:
    """A 0..1 figure (a risk score or limit, HHI) as a planner entered it: ``0.435``,
    ``0.200``, ``0.4351``; ``entered=False`` for a computed one (three digits)."""
    return _as_entered(value, entered=entered)


def limit_percent(share: float, *, entered: bool = True) -> str:
    """A share limit as a percentage with the precision it was entered with: ``43.5%``,
    ``30.0%``, ``43.51%`` (never rounded to whole percent)."""
    return _as_entered(share * 100, entered=entered) + "%"


def quantity(value: float, unit: str = "") -> str:
    """Thousands separated, sensible decimals: ``12,345 units``, ``0.25 PFLOP/s``."""
    a = abs(value)
    text = f"{value:,.0f}" if a >= 100 else f"{value:,.3g}" if a >= 0.01 else f"{value:.2g}"
    return f"{text} {unit}".rstrip()


class Names:
    """Display names of a scenario's ids (the name if there is one, else the id)."""

    def __init__(
        self,
        currency: str = "CNY",
        vendor: Mapping[str, str] | None = None,
        chip: Mapping[str, str] | None = None,
        workload: Mapping[str, str] | None = None,
        group: Mapping[str, str] | None = None,
    ) -> None:
        self.currency = currency
        self.vendor = dict(vendor or {})
        self.chip = dict(chip or {})
        self.workload = dict(workload or {})
        self.group = dict(group or {})

    @classmethod
    def of(cls, scenario: Scenario) -> Names:
        return cls(
            scenario.currency_code,
            {v.id: v.name or v.id for v in scenario.vendors},
            {c.id: c.name or c.id for c in scenario.chips},
            {w.id: w.name or w.id for w in scenario.workloads},
            {g.id: g.name or g.id for g in scenario.risk_groups},
        )

    def to_data(self) -> dict[str, Any]:
        """Kept in a result's ``x`` so a result file can be explained without its scenario."""
        data = {"currency": self.currency, "vendor": self.vendor, "chip": self.chip,
                "workload": self.workload}
        if self.group:
            data["group"] = self.group
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None) -> Names:
        data = data or {}
        return cls(data.get("currency", "CNY"), data.get("vendor"), data.get("chip"),
                   data.get("workload"), data.get("group"))

    def money(self, amount: float, lang: str = "en") -> str:
        """In English ``1.2 bn CNY``; in Chinese as the memo says it, ``12.00 亿元``."""
        if lang == "zh":
            return phrases.money(amount, self.currency, "zh")
        return money(amount, self.currency)

    def unit(self, lang: str = "en") -> str:
        """The currency as a unit after a number: ``CNY`` (``元`` in Chinese)."""
        return phrases.currency_unit(self.currency, "zh" if lang == "zh" else "en").strip()


def current_limit(scenario: Scenario, name: str) -> float | None:
    """The present value of a share or risk limit ``name`` (None for other limits)."""
    kind, *parts = name.split(":")
    limits = scenario.limits
    if kind == "vendor_share":
        vendor = next((v for v in scenario.vendors if v.id == parts[0]), None)
        return float(scenario.vendor_cap(vendor)) if vendor is not None else None
    if kind in ("category_min", "category_max"):
        share = limits.category_share.get(parts[0])
        if share is None:
            return None
        return share.min if kind == "category_min" else share.max
    if kind == "weighted_risk":
        return limits.max_weighted_risk
    if kind == "group_share":
        group = next((g for g in scenario.risk_groups if g.id == parts[0]), None)
        if group is None:
            return None
        return 1.0 if group.max_share is None else group.max_share
    return None


def relaxation_message(
    name: str, relax_by: float, current: float | None, names: Names, *, lang: str = "en"
) -> str:
    """A sentence telling the planner how to relax constraint ``name`` by ``relax_by``.

    ``current`` is the limit's present value (for shares and risk, the limit
    itself), used to say "41% instead of 30%". ``lang`` is ``en`` or ``zh``.
    """
    kind, *parts = name.split(":")
    zh = lang == "zh"
    if kind == "budget" and parts == ["total"]:
        return say("relax_budget_total", lang, amount=names.money(relax_by, lang))
    if kind == "budget":
        return say("relax_budget", lang, period=parts[0], amount=names.money(relax_by, lang))
    if kind == "power":
        return say("relax_power", lang, period=parts[0], amount=quantity(relax_by, "kW"))
    if kind == "supply":
        chip = names.chip.get(parts[0], parts[0])
        more = quantity(relax_by, "张" if zh else "more units")
        return say("relax_supply", lang, amount=more, chip=chip, period=parts[1])
    if kind == "demand":
        workload = names.workload.get(parts[0], parts[0])
        return say("relax_demand", lang, amount=quantity(relax_by, "PFLOP/s"),
                   workload=workload, period=parts[1])
    if kind == "outage":
        vendor = names.vendor.get(parts[0], parts[0])
        workload = names.workload.get(parts[1], parts[1])
        return say("relax_outage", lang, amount=quantity(relax_by, "PFLOP/s"),
                   workload=workload, vendor=vendor, period=parts[2])
    if kind == "memory":
        workload = names.workload.get(parts[0], parts[0])
        return say("relax_memory", lang, amount=quantity(relax_by, "TB"), workload=workload,
                   period=parts[1])
    if kind == "outage_group":
        group = names.group.get(parts[0], parts[0])
        workload = names.workload.get(parts[1], parts[1])
        return say("relax_outage_group", lang, amount=quantity(relax_by, "PFLOP/s"),
                   workload=workload, group=group, period=parts[2])
    share_kinds = ("vendor_share", "category_max", "category_min", "weighted_risk",
                   "group_share")
    if zh and kind in share_kinds and current is None:
        amount = (figure(relax_by, entered=False) if kind == "weighted_risk"
                  else f"{_as_entered(relax_by * 100, entered=False)} 个百分点")
        return say("relax_other", lang, name=_limit_label(kind, parts, names, lang),
                   amount=amount)
    target = current + relax_by if current is not None else None
    # The limit as entered, the target to the same care: "43.5% instead of 40.0%".
    instead = (say("instead", lang, target=limit_percent(target, entered=False),
                   current=limit_percent(current)) if target is not None else "")
    category = phrases.category_name(parts[0], lang) if parts else ""
    if kind == "vendor_share":
        vendor = names.vendor.get(parts[0], parts[0])
        return say("relax_vendor_share", lang, vendor=vendor, instead=instead)
    if kind == "group_share":
        group = names.group.get(parts[0], parts[0])
        return say("relax_group_share", lang, group=group, instead=instead)
    if kind == "category_max":
        return say("relax_category_max", lang, category=category, instead=instead)
    if kind == "category_min":
        lowered = max(current - relax_by, 0.0) if current is not None else None
        floor = (say("instead", lang, target=limit_percent(lowered, entered=False),
                     current=limit_percent(current)) if lowered is not None else "")
        return say("relax_category_min", lang, category=category, instead=floor)
    if kind == "weighted_risk":
        limit = (say("instead", lang, target=figure(target, entered=False),
                     current=figure(current)) if target is not None else "")
        return say("relax_weighted_risk", lang, instead=limit)
    return say("relax_other", lang, name=name, amount=f"{relax_by:g}")


def unmet_demand_words(shares: Mapping[str, float], names: Names, *, lang: str = "en") -> str:
    """``7.6% of inference demand`` (and more, largest first): ``shares`` are each
    workload's share of its demand that is not served."""
    ranked = sorted(((w, v) for w, v in shares.items() if v > 0), key=lambda kv: -kv[1])
    return say("unmet_and", lang).join(
        say("unmet_part", lang, share=percent(v, 1), workload=names.workload.get(w, w))
        for w, v in ranked)


def cost_verdict(extra: float, unmet: Mapping[str, float], names: Names, *,
                 valued: bool, lang: str = "en") -> str:
    """What a stress answer costs against the base plan, in words that cannot be misread.

    ``unmet`` holds each workload's share of demand left unserved; ``valued`` says
    whether the cost counts that demand at the plan's own shortfall penalty. When it
    does not, a lower cost is not a saving: "3.87 bn CNY cheaper, but 7.6% of
    inference demand is not served".
    """
    if abs(extra) < 0.5:
        head = say("verdict_same", lang)
    else:
        head = say("verdict_cheaper" if extra < 0 else "verdict_dearer", lang,
                   diff=names.money(abs(extra), lang))
    short = {w: v for w, v in unmet.items() if v > 0}
    if not short:
        return head
    words = unmet_demand_words(short, names, lang=lang)
    if valued:
        return say("verdict_unmet_valued", lang, head=head, unmet=words)
    return say("verdict_unmet" if len(short) == 1 else "verdict_unmet_many", lang,
               head=head, unmet=words)


def limit_label(row: str, names: Names, *, lang: str = "en") -> str:
    """The limit a row belongs to, as a planner names it ("the total budget", "the
    supply of H20"): what a single lever moves (:mod:`procure.optimiser.single_lever`)."""
    kind, *parts = row.split(":")
    if kind == "budget":
        return say("lim_budget_total" if parts == ["total"] else "lim_budget", lang)
    if kind == "supply":
        return say("lim_supply", lang, chip=names.chip.get(parts[0], parts[0]))
    if kind in ("demand", "memory"):
        return say(f"lim_{kind}", lang, workload=names.workload.get(parts[0], parts[0]))
    if kind == "vendor_share":
        return say("lim_vendor_share", lang, vendor=names.vendor.get(parts[0], parts[0]))
    if kind in ("category_min", "category_max"):
        return say("lim_category", lang, category=phrases.category_name(parts[0], lang))
    if kind == "group_share":
        return say("lim_group_share", lang, group=parts[0])
    if kind in ("outage", "outage_group"):
        return say("lim_outage", lang)
    if kind in ("power", "weighted_risk"):
        return say(f"lim_{kind}", lang)
    return row


def lever_sentence(rows: Sequence[str], changes: Sequence[Relaxation], names: Names, *,
                   lang: str = "en", scenario: Scenario | None = None) -> str:
    """One limit changed alone: "Raise the total budget by 233 CNY (alone enough).", or
    that it cannot fix the plan by itself. ``rows`` name the limit; ``changes`` are
    the relaxations that suffice (none: it cannot)."""
    if not changes:
        label = limit_label(rows[0], names, lang=lang) if rows else "?"
        return say("lever_cannot", lang, limit=label)
    said = []
    for change in changes:
        if lang == "en" and change.message:
            text = change.message
        else:
            current = (current_limit(scenario, change.constraint)
                       if scenario is not None else None)
            text = relaxation_message(change.constraint, change.relax_by, current, names,
                                      lang=lang)
        said.append(text.rstrip(".。"))
    return say("lever_alone", lang, changes=say("lever_join", lang).join(said))


def _limit_label(kind: str, parts: list[str], names: Names, lang: str) -> str:
    """A share or risk limit named in Chinese, for sentences without its present value."""
    if kind == "vendor_share":
        return f"{names.vendor.get(parts[0], parts[0])}的新增支出份额上限"
    if kind == "group_share":
        return f"风险组“{names.group.get(parts[0], parts[0])}”的新增支出份额上限"
    if kind == "weighted_risk":
        return "加权供应商风险上限"
    bound = "下限" if kind == "category_min" else "上限"
    return f"{phrases.category_name(parts[0], lang)}支出份额{bound}"


def shadow_price_sentence(
    name: str, shadow: float, names: Names, limit: float | None = None, *, lang: str = "en"
) -> str:
    """What one more unit of a binding limit is worth, as a planner would say it.

    ``shadow`` is the spec's shadow price (change of total cost per unit of the
    right-hand side; for share and risk limits per 1.0 of the limit) and
    ``limit`` the limit's present value for those. ``lang`` is ``en`` or ``zh``.
    """
    kind, *parts = name.split(":")
    gain, loss = names.money(-shadow, lang), names.money(shadow, lang)
    now = say("now", lang, value=limit_percent(limit)) if limit is not None else ""
    if kind == "demand":
        workload = names.workload.get(parts[0], parts[0])
        return say("sp_demand", lang, workload=workload, period=parts[1], cost=loss)
    if kind in ("capacity", "supply"):
        chip = names.chip.get(parts[0], parts[0])
        return say(f"sp_{kind}", lang, chip=chip, period=parts[1], gain=gain)
    if kind == "budget":
        budget = (say("sp_budget_total", lang) if parts == ["total"]
                  else say("sp_budget_period", lang, period=parts[0]))
        return say("sp_budget", lang, currency=names.unit(lang), budget=budget,
                   ratio=f"{-shadow:.3g}")
    if kind == "power":
        return say("sp_power", lang, period=parts[0], gain=gain)
    if kind == "vendor_share":
        vendor = names.vendor.get(parts[0], parts[0])
        return say("sp_vendor_share", lang, vendor=vendor, now=now,
                   gain=names.money(-shadow / 100, lang))
    if kind == "category_min":
        return say("sp_category_min", lang, category=phrases.category_name(parts[0], lang),
                   now=now, cost=names.money(shadow / 100, lang))
    if kind == "category_max":
        return say("sp_category_max", lang, category=phrases.category_name(parts[0], lang),
                   now=now, gain=names.money(-shadow / 100, lang))
    if kind == "weighted_risk":
        level = say("now", lang, value=figure(limit)) if limit is not None else ""
        return say("sp_weighted_risk", lang, now=level, gain=names.money(-shadow / 100, lang))
    if kind == "outage":
        vendor = names.vendor.get(parts[0], parts[0])
        workload = names.workload.get(parts[1], parts[1])
        return say("sp_outage", lang, workload=workload, vendor=vendor, period=parts[2],
                   cost=loss)
    if kind == "memory":
        workload = names.workload.get(parts[0], parts[0])
        return say("sp_memory", lang, workload=workload, period=parts[1], cost=loss)
    if kind == "group_share":
        group = names.group.get(parts[0], parts[0])
        return say("sp_group_share", lang, group=group, now=now,
                   gain=names.money(-shadow / 100, lang))
    if kind == "outage_group":
        group = names.group.get(parts[0], parts[0])
        workload = names.workload.get(parts[1], parts[1])
        return say("sp_outage_group", lang, workload=workload, group=group, period=parts[2],
                   cost=loss)
    key = "sp_other_saves" if shadow < 0 else "sp_other_costs"
    return say(key, lang, name=name, amount=names.money(abs(shadow), lang))
