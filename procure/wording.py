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
from procure.domain import constraints as K
from procure.domain.edits import get_in
from procure.domain.model import Scenario
from procure.domain.result import Relaxation
from procure.errors import ProcureError
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
    found = _parsed(name)
    if found is None or not found[0].share:
        return None
    kind, ids = found
    if kind is K.VENDOR_SHARE:
        vendor = next((v for v in scenario.vendors if v.id == ids["vendor"]), None)
        return float(scenario.vendor_cap(vendor)) if vendor is not None else None
    if kind is K.GROUP_SHARE:
        group = next((g for g in scenario.risk_groups if g.id == ids["group"]), None)
        if group is None:
            return None
        return 1.0 if group.max_share is None else group.max_share
    try:
        value = get_in(scenario, kind.path(ids), scenario.periods)
    except ProcureError:
        return None
    return None if value is None else float(value)


def _parsed(name: str) -> tuple[K.RowKind, dict[str, str]] | None:
    try:
        return K.parse_name(name)
    except (KeyError, ValueError):
        return None


def _words(ids: Mapping[str, str], names: Names, lang: str) -> dict[str, str]:
    """A row's ids as a planner reads them: display names, categories in ``lang``."""
    lookup = {"chip": names.chip, "vendor": names.vendor, "workload": names.workload,
              "group": names.group}
    out: dict[str, str] = {}
    for field, value in ids.items():
        if field == "category":
            out[field] = phrases.category_name(value, lang)
        else:
            out[field] = lookup[field].get(value, value) if field in lookup else value
    return out


def _amount(kind: K.RowKind, amount: float, names: Names, lang: str) -> str:
    """A relaxation's amount in its row's unit (not for share rows)."""
    if kind.unit is K.Unit.MONEY:
        return names.money(amount, lang)
    if kind.unit is K.Unit.UNITS:
        return quantity(amount, say("more_units", lang))
    return quantity(amount, kind.unit.value)


def relaxation_message(
    name: str, relax_by: float, current: float | None, names: Names, *, lang: str = "en"
) -> str:
    """A sentence telling the planner how to relax constraint ``name`` by ``relax_by``.

    ``current`` is the limit's present value (for shares and risk, the limit
    itself), used to say "41% instead of 30%". ``lang`` is ``en`` or ``zh``. The
    sentence is the phrase ``relax_{kind}``, filled from the row's ids.
    """
    found = _parsed(name)
    if found is None:
        return say("relax_other", lang, name=name, amount=f"{relax_by:g}")
    kind, ids = found
    words = _words(ids, names, lang)
    if not kind.share:
        return say(f"relax_{kind.key}", lang, amount=_amount(kind, relax_by, names, lang),
                   **words)
    if lang == "zh" and current is None:
        amount = (figure(relax_by, entered=False) if kind.unit is K.Unit.RISK
                  else say("points", lang, value=_as_entered(relax_by * 100, entered=False)))
        return say("relax_other", lang, name=say(f"lim_share_{kind.key}", lang, **words),
                   amount=amount)
    target = None
    if current is not None:
        target = current + relax_by if kind.loosen_up else max(current - relax_by, 0.0)
    show = figure if kind.unit is K.Unit.RISK else limit_percent
    # The limit as entered, the target to the same care: "43.5% instead of 40.0%".
    instead = (say("instead", lang, target=show(target, entered=False), current=show(current))
               if target is not None else "")
    return say(f"relax_{kind.key}", lang, instead=instead, **words)


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
    supply of H20"): what a single lever moves (:mod:`procure.optimiser.single_lever`).
    The phrase is ``lim_{kind}``; an outage row of a group names the one coverage level."""
    found = _parsed(row)
    if found is None:
        return row
    kind, ids = found
    key = "outage" if kind is K.OUTAGE_GROUP else kind.key
    if kind in (K.CATEGORY_MIN, K.CATEGORY_MAX):
        key = "category"  # one phrase for a category's share limits
    return say(f"lim_{key}", lang, **_words(ids, names, lang))


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
        said.append(text.rstrip(phrases.SENTENCE_ENDS))
    return say("lever_alone", lang, changes=say("lever_join", lang).join(said))


def shadow_price_sentence(
    name: str, shadow: float, names: Names, limit: float | None = None, *, lang: str = "en"
) -> str:
    """What one more unit of a binding limit is worth, as a planner would say it.

    ``shadow`` is the spec's shadow price (change of total cost per unit of the
    right-hand side; for share and risk limits per 1.0 of the limit) and
    ``limit`` the limit's present value for those. ``lang`` is ``en`` or ``zh``.
    The sentence is the phrase ``sp_{kind}``; a share or risk limit is priced per
    its kind's step (one percentage point, 0.01 of risk).
    """
    found = _parsed(name)
    if found is None:
        key = "sp_other_saves" if shadow < 0 else "sp_other_costs"
        return say(key, lang, name=name, amount=names.money(abs(shadow), lang))
    kind, ids = found
    words = _words(ids, names, lang)
    if kind in (K.BUDGET, K.BUDGET_TOTAL):
        budget = (say("sp_budget_total", lang) if kind is K.BUDGET_TOTAL
                  else say("sp_budget_period", lang, period=ids["period"]))
        return say("sp_budget", lang, currency=names.unit(lang), budget=budget,
                   ratio=f"{-shadow:.3g}")
    step = kind.step if kind.share else 1.0
    now = ""
    if limit is not None:
        shown = figure(limit) if kind.unit is K.Unit.RISK else limit_percent(limit)
        now = say("now", lang, value=shown)
    return say(f"sp_{kind.key}", lang, gain=names.money(-shadow * step, lang),
               cost=names.money(shadow * step, lang), now=now, **words)
