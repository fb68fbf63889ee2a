"""Side-by-side comparison of scenarios and stress answers.

One row per plan: the base, each stress answer (re-plan, hold), or any scenario
solved as it is. The same rows feed the command line's table, the JSON file, the
workbook's Comparison sheet and the comparison chart, so every view shows the same
numbers.

Costs are compared like with like: an answer that leaves demand unmet without a
price for it (the analysis's own penalty is a device, not a price) is cheaper only
because it serves less, so its "vs base" is marked not comparable, unmet demand
comes before cost, and :meth:`ComparisonRow.verdict` says it in words ("3.87 bn CNY
cheaper, but 7.6% of inference demand is not served").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from procure.analysis.parallel import run_tasks
from procure.analysis.stress import Answer, StressOutcome, summarise
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.explain import display_width, fit
from procure.wording import Names, cost_verdict, money, percent

ANSWER_NAMES = {"base": "base plan", "replan": "re-plan", "hold": "hold", "solved": "solved"}


@dataclass(frozen=True)
class ComparisonRow:
    """One plan in the comparison."""

    scenario: str
    answer: str  # "base", "replan", "hold" or "solved"
    status: str
    total_cost: float | None
    extra_cost: float | None
    shortfall: float
    shortfall_share: float
    stranded_spend: float
    cancelled_spend: float
    weighted_risk: float | None
    hhi: float | None
    share_by_category: Mapping[str, float] = field(default_factory=dict)
    event: str | None = None
    comparable: bool = True  # extra_cost compares like with like (see Answer.comparable)
    unmet_valued: bool = True
    unmet_by_workload: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, scenario: str, answer: Answer, event: str | None = None) -> ComparisonRow:
        return cls(
            scenario, answer.kind, answer.status, answer.total_cost, answer.extra_cost,
            answer.shortfall_total, answer.shortfall_share, answer.stranded_spend,
            answer.cancelled_spend, answer.weighted_risk, answer.hhi,
            dict(answer.share_by_category), event, answer.comparable, answer.unmet_valued,
            dict(answer.unmet_by_workload),
        )

    @property
    def comparable_extra_cost(self) -> float | None:
        """``extra_cost`` where it means something (charts draw only these)."""
        return self.extra_cost if self.comparable else None

    def verdict(self, names: Names, lang: str = "en") -> str:
        """This answer against the base in words; empty for the base or without a plan."""
        if self.answer == "base" or self.extra_cost is None:
            return ""
        return cost_verdict(self.extra_cost, self.unmet_by_workload, names,
                            valued=self.unmet_valued, lang=lang)

    def to_data(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in (
            "scenario", "answer", "status", "total_cost", "extra_cost", "shortfall",
            "shortfall_share", "stranded_spend", "cancelled_spend", "weighted_risk", "hhi",
            "event", "comparable", "unmet_valued")}
        out["share_by_category"] = dict(self.share_by_category)
        out["unmet_by_workload"] = dict(self.unmet_by_workload)
        return out


@dataclass(frozen=True)
class Comparison:
    """Rows to show side by side; the first is the reference ("base")."""

    rows: tuple[ComparisonRow, ...]
    currency: str = "CNY"
    workload_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def names(self) -> Names:
        return Names(self.currency, workload=self.workload_names)

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for r in self.rows for k in r.share_by_category))

    def to_data(self) -> dict[str, Any]:
        return {"currency": self.currency, "rows": [
            r.to_data() | {"verdict": r.verdict(self.names)} for r in self.rows]}

    def verdicts(self, lang: str = "en") -> list[str]:
        """One line per answer: what it costs against the base, in words."""
        return [f"{r.scenario} ({ANSWER_NAMES.get(r.answer, r.answer)}): "
                f"{r.verdict(self.names, lang)}" for r in self.rows if r.verdict(self.names, lang)]

    def table(self, width: int | None = None) -> str:
        """A fixed-width text table for the terminal (CJK names aligned), then each
        answer in words. Unmet demand comes before cost: a cost that leaves demand
        unserved is not comparable with the base's. With ``width``, long scenario names
        are cut so that the table is no wider than that."""
        head = ("Scenario", "Answer", "Status", "Unmet demand", "Total cost", "vs base",
                "Stranded", "Risk", "HHI")
        lines = [head]
        for r in self.rows:
            has = r.total_cost is not None
            vs_base = ("" if not has or r.answer == "base" else
                       _signed(r.extra_cost, self.currency) if r.comparable else
                       "not comparable")
            lines.append((
                r.scenario, ANSWER_NAMES.get(r.answer, r.answer), r.status,
                f"{percent(r.shortfall_share, 1)}" if has else "-",
                money(r.total_cost, self.currency) if has else "-",
                vs_base,
                money(r.stranded_spend, self.currency) if r.stranded_spend else "",
                f"{r.weighted_risk:.3f}" if r.weighted_risk is not None else "-",
                f"{r.hhi:.3f}" if r.hhi is not None else "-",
            ))
        keep = [i for i in range(len(head)) if i < 3 or any(row[i] for row in lines[1:])]
        lines = [tuple(row[i] for i in keep) for row in lines]  # no column of blanks
        head = lines[0]
        widths = [max(display_width(row[i]) for row in lines) for i in range(len(head))]
        if width is not None:
            others = sum(widths[1:]) + 2 * (len(widths) - 1)
            widths[0] = max(min(widths[0], width - others), len(head[0]))
        out = []
        for k, row in enumerate(lines):
            cells = [fit(text, widths[i], left=i < 3) for i, text in enumerate(row)]
            out.append("  ".join(cells).rstrip())
            if k == 0:
                out.append("  ".join("-" * w for w in widths))
        words = self.verdicts()
        if words:
            out += ["", *words]
        return "\n".join(out) + "\n"


def _signed(amount: float | None, currency: str) -> str:
    if amount is None:
        return "-"
    return ("+" if amount > 0 else "") + money(amount, currency)


def comparison_of(outcomes: Sequence[StressOutcome], currency: str = "CNY") -> Comparison:
    """The base plan, then each stress's re-plan and hold answers."""
    if not outcomes:
        return Comparison((), currency)
    rows = [ComparisonRow.of("Base plan", outcomes[0].base)]
    for o in outcomes:
        rows += [ComparisonRow.of(o.name, a, o.event) for a in o.answers()]
    case = outcomes[0].case
    workloads = {w.id: w.name or w.id for w in case.base.workloads} if case else {}
    return Comparison(tuple(rows), currency, workloads)


def _solve_task(_shared: None, scenario: Scenario, stop: Callable[[], bool] | None) -> Result:
    from procure.optimiser import solve

    return solve(scenario, should_stop=stop)


def compare_scenarios(
    entries: Sequence[tuple[str, Scenario]],
    *,
    results: Sequence[Result | None] | None = None,
    workers: int = 1,
    progress: Callable[[int, str], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[Comparison, tuple[Result, ...]]:
    """Solve any set of scenarios (the first is the reference) and compare them as they are.

    ``results`` may give some of the plans already solved (None where not).
    """
    report = progress or (lambda _pct, _msg: None)
    known = list(results) if results is not None else [None] * len(entries)
    todo = [i for i, r in enumerate(known) if r is None]
    solved = run_tasks(
        _solve_task, [entries[i][1] for i in todo], shared=None, workers=workers,
        progress=lambda done, total: report(int(100 * done / max(total, 1)),
                                            f"Solved {done} of {total} plans"),
        should_stop=should_stop, stop_inside=should_stop is not None,
    )
    for i, r in zip(todo, solved, strict=True):
        known[i] = r
    plans = tuple(r for r in known if r is not None)
    rows: list[ComparisonRow] = []
    base_cost = None
    for k, ((name, scenario), result) in enumerate(zip(entries, plans, strict=True)):
        answer = summarise("base" if k == 0 else "solved", result, scenario,
                           analysis_penalty_added=False, base_cost=base_cost)
        if k == 0:
            base_cost = answer.total_cost
        rows.append(ComparisonRow.of(name, answer))
    currency = entries[0][1].currency_code if entries else "CNY"
    workloads = {w.id: w.name or w.id for w in entries[0][1].workloads} if entries else {}
    return Comparison(tuple(rows), currency, workloads), plans


__all__ = ["Comparison", "ComparisonRow", "compare_scenarios", "comparison_of"]
