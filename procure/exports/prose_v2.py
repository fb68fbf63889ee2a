"""The memo's sentences on what version 2 adds: present value, shared risks, memory.

A version-2 plan is judged in present value, its biggest risks are shared by
several vendors (a foundry, an HBM source) and LLM inference can be bound by
memory rather than compute; the memo says each where it matters, in both languages.
"""

from __future__ import annotations

from procure.domain import constraints as K
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.exports.prose import t
from procure.phrases import Lang, money, percent


def _t(key: str, lang: Lang, **values: object) -> str:
    """The sentence ``v2_{key}`` of the memo's catalogue (:mod:`procure.exports.prose_strings`)."""
    return t(f"v2_{key}", lang, **values)


def present_value_sentence(s: Scenario, r: Result, lang: Lang) -> str | None:
    """Present value next to nominal; None for a version-1 plan or without a plan."""
    if s.version != 2 or r.cost is None or r.present_value is None:
        return None
    cur = s.currency_code
    nominal = money(r.cost.objective, cur, lang)
    if not s.discount_rate:
        return _t("pv_flat", lang, nominal=nominal)
    return _t("pv", lang, rate=percent(s.discount_rate), pv=money(r.present_value.objective, cur,
              lang), nominal=nominal)


def group_exposure_sentence(s: Scenario, r: Result, lang: Lang) -> str | None:
    """The risk group that most new spend depends on ("38% of new spend depends on ...")."""
    shares = r.share.get("by_group", {})
    if s.version != 2 or not shares:
        return None
    gid = max(shares, key=lambda g: shares[g])
    if shares[gid] < 0.0005:
        return None
    group = next(g for g in s.risk_groups if g.id == gid)
    text = _t("group", lang, share=percent(shares[gid]), what=_t("group_what", lang),
              name=group.name or group.id)
    row = next((c for c in r.constraints if c.name == f"group_share:{gid}"), None)
    if row is not None and row.binding and group.max_share is not None:
        text += _t("group_cap", lang, cap=percent(group.max_share))
    return text


def memory_sentences(s: Scenario, r: Result, lang: Lang) -> list[str]:
    """One sentence per workload whose memory row binds, naming its periods."""
    binding: dict[str, list[tuple[str, float]]] = {}
    for row in r.constraints:
        kind = K.find_kind(row.name)
        if kind is not K.MEMORY or not row.binding or row.rhs <= 0:
            continue
        ids = kind.parse(row.name)
        binding.setdefault(ids["workload"], []).append((ids["period"], row.rhs))
    names = {w.id: w.name or w.id for w in s.workloads}
    out = []
    for wid, rows in binding.items():
        periods = _t("sep", lang).join(p for p, _ in rows)
        tb = f"{max(v for _, v in rows):,.0f}"
        out.append(_t("memory", lang, workload=names.get(wid, wid), periods=periods, tb=tb))
    return out


def v2_sentences(s: Scenario, r: Result, lang: Lang) -> list[str]:
    """The version-2 sentences of the memo's recommendation, in reading order."""
    if s.version != 2 or r.cost is None:
        return []
    out = [present_value_sentence(s, r, lang), group_exposure_sentence(s, r, lang)]
    return [x for x in out if x] + memory_sentences(s, r, lang)
