"""Side-by-side comparison of scenarios and stress answers.

One row per plan: the base, each stress answer (re-plan, hold), or any scenario
solved as it is. The same rows feed the command line's table, the JSON file, the
workbook's Comparison sheet and the comparison chart, so every view shows the same
numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from procure.analysis.parallel import run_tasks
from procure.analysis.stress import Answer, StressOutcome, summarise
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.explain import display_width
from procure.wording import money, percent

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

    @classmethod
    def of(cls, scenario: str, answer: Answer, event: str | None = None) -> ComparisonRow:
        return cls(
            scenario, answer.kind, answer.status, answer.total_cost, answer.extra_cost,
            answer.shortfall_total, answer.shortfall_share, answer.stranded_spend,
            answer.cancelled_spend, answer.weighted_risk, answer.hhi,
            dict(answer.share_by_category), event,
        )

    def to_data(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in (
            "scenario", "answer", "status", "total_cost", "extra_cost", "shortfall",
            "shortfall_share", "stranded_spend", "cancelled_spend", "weighted_risk", "hhi",
            "event")}
        out["share_by_category"] = dict(self.share_by_category)
        return out


@dataclass(frozen=True)
class Comparison:
    """Rows to show side by side; the first is the reference ("base")."""

    rows: tuple[ComparisonRow, ...]
    currency: str = "CNY"

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for r in self.rows for k in r.share_by_category))

    def to_data(self) -> dict[str, Any]:
        return {"currency": self.currency, "rows": [r.to_data() for r in self.rows]}

    def table(self) -> str:
        """A fixed-width text table for the terminal (CJK names aligned)."""
        head = ("Scenario", "Answer", "Status", "Total cost", "vs base", "Unmet demand",
                "Stranded", "Risk", "HHI")
        lines = [head]
        for r in self.rows:
            has = r.total_cost is not None
            lines.append((
                r.scenario, ANSWER_NAMES.get(r.answer, r.answer), r.status,
                money(r.total_cost, self.currency) if has else "-",
                _signed(r.extra_cost, self.currency) if has and r.answer != "base" else "",
                f"{percent(r.shortfall_share, 1)}" if has else "-",
                money(r.stranded_spend, self.currency) if r.stranded_spend else "",
                f"{r.weighted_risk:.3f}" if r.weighted_risk is not None else "-",
                f"{r.hhi:.3f}" if r.hhi is not None else "-",
            ))
        widths = [max(display_width(row[i]) for row in lines) for i in range(len(head))]
        out = []
        for k, row in enumerate(lines):
            cells = [_pad(text, widths[i], left=i < 3) for i, text in enumerate(row)]
            out.append("  ".join(cells).rstrip())
            if k == 0:
                out.append("  ".join("-" * w for w in widths))
        return "\n".join(out) + "\n"


def _signed(amount: float | None, currency: str) -> str:
    if amount is None:
        return "-"
    return ("+" if amount > 0 else "") + money(amount, currency)


def _pad(text: str, width: int, *, left: bool) -> str:
    gap = " " * (width - display_width(text))
    return text + gap if left else gap + text


def comparison_of(outcomes: Sequence[StressOutcome], currency: str = "CNY") -> Comparison:
    """The base plan, then each stress's re-plan and hold answers."""
    if not outcomes:
        return Comparison((), currency)
    rows = [ComparisonRow.of("Base plan", outcomes[0].base)]
    for o in outcomes:
        rows += [ComparisonRow.of(o.name, a, o.event) for a in o.answers()]
    return Comparison(tuple(rows), currency)


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
    return Comparison(tuple(rows), currency), plans


__all__ = ["Comparison", "ComparisonRow", "compare_scenarios", "comparison_of"]
