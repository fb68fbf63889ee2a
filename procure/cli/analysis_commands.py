"""``procure stress``, ``sweep``, ``simulate`` and ``variants``: scenario analysis.

Each command prints a readable table (``--json`` prints the JSON instead), writes
the JSON file with ``-o`` (format ``procure-analysis/1``) and, on request, an Excel
workbook of the analysis, a chart (.svg/.pdf/.png) and, for stresses, the memo with
its scenario-comparison section. The analysis modules are imported only when a
command runs, so ``procure --help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from procure.cli.export_commands import load_any_scenario
from procure.cli.main import EXIT_BAD_INPUT, EXIT_OK
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from procure.explain import fit, terminal_width
from procure.formats.result_json import read_result
from procure.fs import atomic_write_text

ANALYSIS_FORMAT = "procure-analysis/1"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stress", help="stress-test a plan: re-plan and hold answers to market shocks",
        description="Apply stress templates (-t) or stored variants to a plan and answer each "
        "twice: re-plan (the best plan had we known) and hold (orders placed before the event "
        "kept). Prints the comparison; see docs/analysis.md. Templates: "
        "--list-templates.",
    )
    p.add_argument("scenario", type=Path, nargs="?", help="scenario file (.json or .xlsx)")
    _result_argument(p)
    p.add_argument("-t", "--template", action="append", default=[], metavar="SPEC",
                   help="a stress, e.g. export-licence:start=2026Q3 (repeatable)")
    p.add_argument("--variant", action="append", default=[], metavar="NAME",
                   help="a variant stored in the scenario (repeatable; default: all of them "
                   "when no -t is given)")
    p.add_argument("--answers", default="replan,hold", help="replan, hold or both (default)")
    p.add_argument("--hard-demand", action="store_true",
                   help="keep demand hard (a shock may then be infeasible) instead of "
                   "reporting unmet demand")
    p.add_argument("--list-templates", action="store_true", help="list the templates and exit")
    _common(p)
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf",
                   help="also write the memo with the scenario comparison")
    p.set_defaults(handler=cmd_stress)

    p = sub.add_parser(
        "sweep", help="trade-off curve: total cost against one limit",
        description="Solve the plan at each value of one limit and print cost against it, "
        "with the current plan marked. LIMIT: category_max:CATEGORY, category_min:CATEGORY, "
        "weighted_risk, outage_coverage, budget_total, vendor_max_share, vendor_share:VENDOR.",
    )
    p.add_argument("scenario", type=Path, help="scenario file (.json or .xlsx)")
    p.add_argument("--limit", required=True, help="which limit to sweep")
    p.add_argument("--from", dest="start", type=float, help="first value")
    p.add_argument("--to", dest="stop", type=float, help="last value")
    p.add_argument("--points", type=int, default=20, help="number of values (default 20)")
    p.add_argument("--values", help="explicit comma-separated values")
    _common(p)
    p.set_defaults(handler=cmd_sweep)

    p = sub.add_parser(
        "simulate", help="Monte Carlo: shortfall risk under vendor disruptions",
        description="Simulate futures in which vendors are disrupted (probabilities from "
        "their risk scores, or --probability) and report per workload the probability and "
        "expected size of unmet demand.",
    )
    p.add_argument("scenario", type=Path, help="scenario file (.json or .xlsx)")
    _result_argument(p)
    p.add_argument("--futures", type=int, default=1000, help="number of futures (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--mode", choices=("outage", "supply-cut"), default="outage")
    p.add_argument("--probability", action="append", default=[], metavar="VENDOR=P",
                   help="disruption probability per period of a vendor (repeatable)")
    p.add_argument("--per-year", type=int, help="periods per year for the risk scores "
                   "(default: from the period labels)")
    p.add_argument("--redispatch", action="store_true",
                   help="re-assign surviving units optimally (one LP per situation)")
    p.add_argument("--bins", type=int, default=20, help="histogram bins (default 20)")
    _common(p)
    p.set_defaults(handler=cmd_simulate)

    p = sub.add_parser(
        "variants", help="list, add, remove or apply the variants stored in a scenario",
        description="Variants live in the scenario file under x.procure.variants. Without "
        "options, list them. --add/--remove write the scenario to -o; --apply writes the "
        "variant's full scenario to -o (default stdout).",
    )
    p.add_argument("scenario", type=Path, help="scenario file (.json)")
    p.add_argument("--add", metavar="NAME", help="add (or replace) a variant")
    p.add_argument("-t", "--template", metavar="SPEC", help="the variant's stress template")
    p.add_argument("--override", nargs="+", action="append", default=[],
                   metavar="ARG", help="PATH OP VALUE [FROM..TO], e.g. "
                   "chips/h20/supply scale 0.5 2026Q3..2027Q4 (repeatable)")
    p.add_argument("--event", help="the quarter the variant's news arrives (for hold)")
    p.add_argument("--description", help="what the variant is about")
    p.add_argument("--remove", metavar="NAME", help="remove a variant")
    p.add_argument("--apply", metavar="NAME", help="write the variant's scenario")
    p.add_argument("-o", "--output", type=Path, help="file to write")
    # --add/--remove edit the scenario file: writing it back in place (-o the same JSON file)
    # is the point, not an accident; --apply writes another scenario and may not.
    p.set_defaults(handler=cmd_variants, edits_in_place=lambda a: bool(a.add or a.remove))


def _result_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("-r", "--result", type=Path,
                   help="the plan's result file (default: solve the scenario)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, help="processes for the solves (default: automatic)")
    p.add_argument("--time-limit", type=float, metavar="SECONDS", help="per solve")
    p.add_argument("-o", "--output", type=Path, help="write the analysis as JSON")
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="also write a workbook")
    p.add_argument("--chart", type=Path, metavar="OUT.svg", help="also write the chart "
                   "(.svg, .pdf, or .png with rlPyCairo installed)")


def _progress(pct: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{pct:3d}% {message[:70]:<70}", end="", file=sys.stderr, flush=True)
        if pct >= 100:
            print(file=sys.stderr)


def _base(args: argparse.Namespace, scenario: Scenario) -> Result | None:
    """The plan's result file when one was given (else the command solves the scenario);
    refused (exit 2) when it was computed from other inputs."""
    if not getattr(args, "result", None):
        return None
    from procure.provenance import check_matches

    result = read_result(args.result)
    note = check_matches(scenario, result, scenario_name=str(args.scenario),
                         result_name=str(args.result))
    if note:
        print(f"procure: note: {note}", file=sys.stderr)
    return result


def _emit(args: argparse.Namespace, kind: str, scenario: Scenario, data: dict[str, Any],
          table: str) -> None:
    document = {"format": ANALYSIS_FORMAT, "kind": kind, "scenario": scenario.display_name,
                **data}
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if args.output is not None:
        atomic_write_text(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
    sys.stdout.write(text if args.json else table)


def _chart(args: argparse.Namespace, drawing: Any) -> None:
    if args.chart is not None:
        from procure.exports.analysis_charts import save_drawing

        save_drawing(drawing, args.chart)
        print(f"wrote {args.chart}", file=sys.stderr)


def _workbook(args: argparse.Namespace, **analyses: Any) -> None:
    if args.xlsx is not None:
        from procure.exports.analysis_sheets import write_analysis_workbook

        write_analysis_workbook(args.xlsx, **analyses)
        print(f"wrote {args.xlsx}", file=sys.stderr)


def _list_templates() -> int:
    from procure.analysis.templates import TEMPLATES, template_fields

    for kind, cls in TEMPLATES.items():
        print(f"{kind}: {cls.title}")
        for f in template_fields(kind):
            need = "required" if f["required"] else f"default {f['default']!r}"
            print(f"    {f['name']:<18} {f['label']} ({f['kind']}; {need})")
    return EXIT_OK


def cmd_stress(args: argparse.Namespace) -> int:
    from procure.analysis.compare import comparison_of
    from procure.analysis.stress import StressOptions, memo_variants, run_stresses
    from procure.analysis.templates import parse_template
    from procure.analysis.variants import Variant, find_variant, variants_of
    from procure.exports.analysis_charts import comparison_chart

    if args.list_templates:
        return _list_templates()
    if args.scenario is None:
        raise ProcureError("stress needs a scenario file (or --list-templates)")
    scenario = load_any_scenario(args.scenario)
    variants = [find_variant(scenario, name) for name in args.variant]
    for spec in args.template:
        template = parse_template(spec)
        variants.append(Variant(template.label(scenario), stress=template))
    if not variants:
        variants = list(variants_of(scenario))
    if not variants:
        raise ProcureError("nothing to stress: give -t TEMPLATE (see --list-templates) or store "
                           "variants in the scenario (procure variants --add)")
    options = StressOptions(
        answers=tuple(a.strip() for a in args.answers.split(",") if a.strip()),
        demand="hard" if args.hard_demand else "penalty", time_limit=args.time_limit,
        workers=args.workers,
    )
    outcomes = run_stresses(scenario, variants, _base(args, scenario), options,
                            progress=_progress)
    comparison = comparison_of(outcomes, scenario.currency_code)
    notes = "".join(f"note ({o.name}): {n}\n" for o in outcomes for n in o.notes)
    _emit(args, "stress", scenario, {"outcomes": [o.to_data() for o in outcomes],
                                     "comparison": comparison.to_data()},
          comparison.table(terminal_width()) + notes)
    _workbook(args, comparison=comparison)
    _chart(args, comparison_chart(comparison))
    if args.pdf is not None:
        from procure.exports import write_memo

        solved_at = (dt.datetime.fromtimestamp(args.result.stat().st_mtime).astimezone()
                     if getattr(args, "result", None) else dt.datetime.now().astimezone())
        write_memo(scenario, outcomes[0].base.result, args.pdf, source=str(args.scenario),
                   variants=memo_variants(outcomes), solved_at=solved_at)
        print(f"wrote {args.pdf}", file=sys.stderr)
    return EXIT_OK


def _floats(text: str) -> list[float]:
    try:
        return [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise ProcureError(f"not a list of numbers: {text!r}") from None


def cmd_sweep(args: argparse.Namespace) -> int:
    from procure.analysis.tradeoff import SweepLimit, grid, sweep
    from procure.exports.analysis_charts import tradeoff_chart

    scenario = load_any_scenario(args.scenario)
    limit = SweepLimit.parse(args.limit)
    values: list[float] | tuple[float, ...] | None = None
    if args.values:
        values = _floats(args.values)
    elif args.start is not None or args.stop is not None:
        if args.start is None or args.stop is None:
            raise ProcureError("give both --from and --to")
        values = grid(args.start, args.stop, args.points)
    result = sweep(scenario, limit, values, workers=args.workers, time_limit=args.time_limit,
                   progress=_progress)
    _emit(args, "sweep", scenario, {"sweep": result.to_data()}, _sweep_table(result))
    _workbook(args, sweep=result)
    _chart(args, tradeoff_chart(result))
    return EXIT_OK


def _sweep_table(result: Any) -> str:
    from procure.wording import money

    cur = result.currency
    lines = [f"Total cost against the {result.limit.label()} "
             f"({len(result.points)} points, {result.seconds:.2f} s, "
             f"{result.workers} process{'es' if result.workers > 1 else ''})",
             f"{'limit':>12}  {'status':<10}  {'total cost':>14}  {'one step tighter':>18}  "
             f"{'marginal per 1.0':>18}"]
    for p in result.points:
        cost = money(p.total_cost, cur) if p.total_cost is not None else "-"
        extra = result.step_cost(p)
        step = ("+" if extra and extra > 0 else "") + money(extra, cur) if extra is not None \
            else "-"
        marginal = money(p.marginal, cur) if p.marginal is not None else "-"
        lines.append(f"{p.value:>12.6g}  {p.status:<10}  {cost:>14}  {step:>18}  "
                     f"{marginal:>18}")
    if result.current_cost is not None:
        value = "not set" if result.current_value is None else f"{result.current_value:g}"
        lines.append(f"current plan: limit {value}, total cost {money(result.current_cost, cur)}")
    return "\n".join(lines) + "\n"


def cmd_simulate(args: argparse.Namespace) -> int:
    from procure.analysis.montecarlo import disruption_model, simulate
    from procure.exports.analysis_charts import histogram_chart
    from procure.optimiser import solve

    scenario = load_any_scenario(args.scenario)
    result = _base(args, scenario) or solve(scenario)
    explicit: dict[str, float] = {}
    for item in args.probability:
        vendor, sep, value = item.partition("=")
        if not sep:
            raise ProcureError(f"--probability takes VENDOR=P, got {item!r}")
        explicit[vendor] = _floats(value)[0] if value else 0.0
    model = disruption_model(scenario, explicit, per_year=args.per_year)
    sim = simulate(scenario, result, futures=args.futures, seed=args.seed, model=model,
                   mode=args.mode, redispatch=args.redispatch, bins=args.bins,
                   workers=args.workers or 1, progress=_progress)
    lines = [f"{sim.futures:,} futures (seed {sim.seed}, {sim.mode}, "
             f"{'re-dispatch' if sim.redispatch else 'planned assignment'}), "
             f"{sim.seconds:.2f} s; unmet demand in PFLOP/s x periods",
             f"{'workload':<40} {'P(any)':>8} {'+/-':>6} {'expected':>12} {'share':>7} "
             f"{'if any':>12} {'P95':>12}"]
    for w in (*sim.workloads, sim.total):
        # Names by display width (a Chinese character takes two columns), cut to fit.
        lines.append(f"{fit(w.name, 40)} {w.probability:>8.1%} {w.probability_se:>6.1%} "
                     f"{w.expected:>12,.0f} {w.expected_share:>7.2%} {w.conditional:>12,.0f} "
                     f"{w.p95:>12,.0f}")
    _emit(args, "simulation", scenario, {"simulation": sim.to_data()}, "\n".join(lines) + "\n")
    _workbook(args, simulation=sim)
    _chart(args, histogram_chart(sim))
    return EXIT_OK


def parse_override(parts: list[str], periods: tuple[str, ...]) -> Any:
    """``PATH OP VALUE [FROM..TO]`` from the command line as an Override."""
    from procure.analysis.overrides import parse_override as parse

    if len(parts) not in (3, 4):
        raise ProcureError(f"--override takes PATH OP VALUE [FROM..TO], got {' '.join(parts)!r}")
    start = end = None
    if len(parts) == 4:
        first, dots, last = parts[3].partition("..")
        start, end = first or None, (last or None) if dots else None
    return parse(parts[0], parts[1], parts[2], start, end)


def cmd_variants(args: argparse.Namespace) -> int:
    from procure.analysis.templates import parse_template
    from procure.analysis.variants import (
        Variant,
        apply_variant,
        find_variant,
        variants_of,
        with_variants,
    )
    from procure.formats.scenario_json import dumps_scenario, write_scenario

    scenario = load_any_scenario(args.scenario)
    stored = list(variants_of(scenario))
    if args.apply:
        applied = apply_variant(scenario, find_variant(scenario, args.apply))
        if args.output is None:
            sys.stdout.write(dumps_scenario(applied))
        else:
            write_scenario(applied, args.output)
            print(f"wrote {args.output}", file=sys.stderr)
        return EXIT_OK
    if args.add or args.remove:
        if args.output is None:
            print("procure: --add/--remove write the scenario to -o FILE", file=sys.stderr)
            return EXIT_BAD_INPUT
        if args.remove:
            find_variant(scenario, args.remove)
            stored = [v for v in stored if v.name != args.remove]
        if args.add:
            variant = Variant(
                args.add, tuple(parse_override(o, scenario.periods) for o in args.override),
                parse_template(args.template) if args.template else None, args.event,
                args.description)
            apply_variant(scenario, variant)  # check it applies before storing it
            stored = [v for v in stored if v.name != args.add] + [variant]
        write_scenario(with_variants(scenario, stored), args.output)
        print(f"wrote {args.output} ({len(stored)} variants)", file=sys.stderr)
        return EXIT_OK
    if not stored:
        print("no variants stored (add one with --add NAME -t SPEC -o FILE)")
    for v in stored:
        what = [v.stress.label(scenario)] if v.stress else []
        what += [o.describe() for o in v.overrides]
        event = f" [event {v.event}]" if v.event else ""
        print(f"{v.name}{event}: {'; '.join(what) or 'no change'}")
    return EXIT_OK
