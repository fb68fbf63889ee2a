"""``procure hedge``: one set of early orders for several futures.

Two ways in: a ``procure-hedge/1`` file, or a plan with its stored what-ifs
(``--what-if NAME=PROB``), the base plan taking the probability left over. Prints
the summary in planner's words (``--json``: the result instead), writes
``procure-hedge-result/1`` with ``-o``. Exit codes as ``solve``: 0 optimal,
1 infeasible, 2 bad input, 3 solver error or time limit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from procure.cli.main import EXIT_SOLVER
from procure.errors import OptimisationError, Problem, ValidationError

if TYPE_CHECKING:
    from procure.analysis.hedge_definition import Hedge
    from procure.domain.model import Scenario


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "hedge", help="choose early orders that hold up in every future (a hedged plan)",
        description="Choose the orders to place through --decide-through so that every future "
        "can still be served at the least expected cost, and say what hedging and knowing the "
        "future are worth. SOURCE is a procure-hedge/1 file, or a plan (.json or .procure) "
        "with --what-if NAME=PROB for its stored what-ifs. Exit 0 optimal, 1 infeasible (the "
        "diagnosis is printed), 2 bad input, 3 solver error or time limit.",
    )
    p.add_argument("source", help="hedge file (procure-hedge/1), or a plan with --what-if")
    p.add_argument("-o", "--output", type=Path, help="write the procure-hedge-result/1 file")
    p.add_argument("--json", action="store_true", help="print the result instead of the summary")
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx",
                   help="also write the hedge's workbook sheet (futures, costs, early orders)")
    p.add_argument("--what-if", action="append", default=[], metavar="NAME=PROB",
                   help="a stored what-if of the plan and its probability, e.g. "
                   "'Nvidia cut in Q3=0.3' or =30%% (repeatable)")
    p.add_argument("--base-probability", type=_probability, metavar="P",
                   help="probability of the base plan (default: what the what-ifs leave)")
    p.add_argument("--decide-through", metavar="PERIOD",
                   help="last period whose orders are placed now (default: the period before "
                   "the what-ifs' earliest news)")
    p.add_argument("--cvar-alpha", type=_probability, metavar="A",
                   help="CVaR level, e.g. 0.9: the worst 10%% of outcomes")
    p.add_argument("--cvar-weight", type=_probability, default=0.0, metavar="L",
                   help="0 risk-neutral (default) .. 1 minimise the CVaR only")
    p.add_argument("--reference", metavar="NAME",
                   help="the future whose own plan the hedge is compared with (default: the "
                   "most probable)")
    p.add_argument("--unmet-demand-price", metavar="PRICE|auto",
                   help="price of one PFLOP/s of unmet demand per period, for a plan without "
                   "a shortfall penalty ('auto': ten times the dearest way to buy compute, as "
                   "stress tests use); counted in every future's cost")
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf",
                   help="also write the memo section 'Recommendation under uncertainty'")
    p.add_argument("--plan", help="the plan to use in a plan file with several")
    p.add_argument("--time-limit", type=float, metavar="SECONDS", help="per solver run")
    p.set_defaults(handler=cmd_hedge)


def _probability(text: str) -> float:
    raw = text.strip()
    try:
        value = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a probability: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (or 0%..100%), got {text}")
    return value


def parse_what_if(text: str, index: int) -> tuple[str, float]:
    """``NAME=PROB``; the name may itself contain '=' (the last one separates)."""
    name, sep, prob = text.rpartition("=")
    where = f"--what-if[{index}]"
    if not sep or not name.strip():
        raise ValidationError([Problem(where, f"must be NAME=PROB, got {text!r}")], "hedge")
    try:
        return name.strip(), _probability(prob)
    except argparse.ArgumentTypeError as exc:
        raise ValidationError([Problem(where, str(exc))], "hedge") from None


def load_hedge(args: argparse.Namespace) -> Hedge:
    """The hedge the command line describes."""
    if not args.what_if:
        if args.base_probability is not None or args.decide_through or args.cvar_alpha \
                is not None or args.cvar_weight or args.reference or args.plan \
                or args.unmet_demand_price:
            raise ValidationError([Problem("", "--base-probability, --decide-through, the "
                                           "risk, --reference and --plan go with --what-if; a "
                                           "hedge file carries its own")], args.source)
        from procure.formats.hedge_json import read_hedge

        return read_hedge(args.source)
    from procure.analysis.hedge_plan import hedge_from_what_ifs
    from procure.services import load_scenario

    base = load_scenario(args.source, args.plan)
    what_ifs = [parse_what_if(text, i) for i, text in enumerate(args.what_if)]
    return hedge_from_what_ifs(
        base, what_ifs, base_probability=args.base_probability,
        decide_through=args.decide_through, cvar_alpha=args.cvar_alpha,
        cvar_weight=args.cvar_weight, reference=args.reference,
        unmet_demand_price=_unmet_price(args.unmet_demand_price, base))


def _unmet_price(text: str | None, base: Scenario) -> float | None:
    if text is None:
        return None
    if text.strip().lower() == "auto":
        from procure.analysis.stress import analysis_penalty

        return analysis_penalty(base)
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise ValidationError([Problem("--unmet-demand-price", "must be a price >= 0 or "
                                       f"'auto', got {text!r}")], "hedge")
    return value


def cmd_hedge(args: argparse.Namespace) -> int:
    from procure.analysis.hedge import solve_hedge
    from procure.analysis.hedge_words import hedge_summary
    from procure.cli.solve_commands import EXIT_FOR_STATUS
    from procure.formats.hedge_json import dumps_hedge_result, write_hedge_result

    hedge = load_hedge(args)
    try:
        result = solve_hedge(hedge, time_limit=args.time_limit)
    except OptimisationError as exc:
        print(f"procure: {exc.message}", file=sys.stderr)
        return EXIT_SOLVER
    if args.output is not None:
        write_hedge_result(result, args.output)
    if args.json:
        sys.stdout.write(dumps_hedge_result(result))
    else:
        print("\n".join(hedge_summary(hedge, result)))
    if args.output is not None:
        print(f"wrote {args.output}", file=sys.stderr)
    if args.xlsx is not None:
        from procure.exports.hedge_sheet import write_hedge_workbook

        write_hedge_workbook(args.xlsx, result)
        print(f"wrote {args.xlsx}", file=sys.stderr)
    if args.pdf is not None:
        from procure.exports.hedge_memo import write_hedge_memo

        write_hedge_memo(args.pdf, hedge, result)
        print(f"wrote {args.pdf}", file=sys.stderr)
    return EXIT_FOR_STATUS.get(result.status, EXIT_SOLVER)


__all__ = ["cmd_hedge", "load_hedge", "parse_what_if", "register"]
