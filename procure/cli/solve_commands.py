"""``procure validate``, ``solve``, ``explain``, ``demo`` and ``upgrade``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from procure.cli.main import EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_OK, EXIT_SOLVER
from procure.domain.model import Scenario
from procure.domain.result import Result, SolveStatus
from procure.errors import ProcureError
from procure.formats.result_json import dumps_result, read_result, write_result
from procure.formats.scenario_json import dumps_scenario, read_scenario, write_scenario
from procure.provenance import stamp
from procure.resources import demo_plan_path

EXIT_FOR_STATUS = {
    SolveStatus.OPTIMAL: EXIT_OK,
    SolveStatus.FEASIBLE: EXIT_SOLVER,
    SolveStatus.INFEASIBLE: EXIT_INFEASIBLE,
    SolveStatus.TIME_LIMIT: EXIT_SOLVER,
    SolveStatus.ERROR: EXIT_SOLVER,
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="check a scenario file and list every problem",
        description="Check a procure-scenario/1 file. Exit 0 if it is valid, 2 with every "
        "problem listed (each with its location) if not.",
    )
    _source_arguments(p)
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser(
        "solve", help="optimise a scenario and write its result",
        description="Optimise a scenario and write the procure-result/1 file (to stdout without "
        "-o); a short summary goes to stderr. Exit 0 optimal, 1 infeasible (the result, with its "
        "diagnosis, is still written), 2 bad input, 3 solver error or time limit.",
    )
    _source_arguments(p)
    p.add_argument("-o", "--output", type=Path, help="result file to write (default: stdout)")
    p.add_argument(
        "--time-limit", type=_positive_seconds, metavar="SECONDS",
        help="stop the solver after this many seconds",
    )
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="also write the Excel workbook")
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="also write the PDF memo")
    p.set_defaults(handler=cmd_solve)

    p = sub.add_parser(
        "upgrade", help="rewrite a version-1 scenario file as version 2 (same meaning)",
        description="Rewrite a procure-scenario/1 file as procure-scenario/2, so that the "
        "version-2 fields (memory, ramps, orders placed, discounting, currencies, risk groups) "
        "can be added. The scenario means exactly what it meant: it has the same optimum. "
        "Writes to stdout without -o. Exit 0, 2 if the file is not a valid scenario.",
    )
    p.add_argument("file", type=Path, help="scenario JSON file")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    p.set_defaults(handler=cmd_upgrade)

    p = sub.add_parser(
        "explain", help="describe a result in plain language",
        description="Print a plain-language summary of a procure-result/1 file: spend by "
        "category and vendor, binding limits and their shadow prices in words, shortfalls, and "
        "the diagnosis of an infeasible plan.",
    )
    p.add_argument("file", type=Path, help="result JSON file")
    p.add_argument("--top", type=int, default=10, help="how many binding limits to list")
    p.add_argument("--lang", choices=("en", "zh"), default="en",
                   help="language of the summary: en or zh (Simplified Chinese)")
    p.set_defaults(handler=cmd_explain)

    p = sub.add_parser(
        "demo", help="solve the shipped demo plan and explain it",
        description="Solve the demo plan shipped with Procure (2026Q1-2027Q4) and print the "
        "summary. Use -o to keep the result file.",
    )
    p.add_argument("-o", "--output", type=Path, help="also write the result file here")
    p.set_defaults(handler=cmd_demo)


def _source_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", help="scenario JSON file, plan file (.procure) or team database URL"
    )
    p.add_argument("--plan", help="the plan to use in a plan file or database with several")
    p.add_argument("--variant", help="a scenario variant of the plan (default: the base)")


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got {text}")
    return value


def load_scenario(args: argparse.Namespace) -> Scenario:
    """The scenario the user named: a JSON file, or a plan in a plan file or database."""
    source = str(args.file)
    if source.lower().endswith(".json") and args.plan is None and args.variant is None:
        return read_scenario(source)  # the common case, without loading the storage layer
    from procure.services import load_scenario as load_stored

    return load_stored(source, args.plan, args.variant)


def cmd_validate(args: argparse.Namespace) -> int:
    scenario = load_scenario(args)
    print(
        f"{args.file}: valid ({len(scenario.periods)} periods, {len(scenario.vendors)} vendors, "
        f"{len(scenario.chips)} chips, {len(scenario.workloads)} workloads)",
        file=sys.stderr,
    )
    from procure.optimiser.recheck import fragile_inputs

    for warning in fragile_inputs(scenario):
        print(f"warning: {warning}; the solver may struggle (Procure re-checks every plan)",
              file=sys.stderr)
    return EXIT_OK


def summary_line(result: Result) -> str:
    if result.status.has_plan and result.objective is not None:
        from procure.wording import money

        currency = ((result.x or {}).get("names") or {}).get("currency", "CNY")
        return f"{result.status.value}: total cost {money(result.objective, currency)}"
    if result.status is SolveStatus.INFEASIBLE:
        n = len(result.diagnosis)
        plural = "s" if n != 1 else ""
        return f"infeasible: {n} relaxation{plural} suggested (see 'procure explain')"
    error = (result.x or {}).get("error")
    if result.status is SolveStatus.ERROR and error:
        return f"error: {error}"
    return result.status.value


def solve_and_write(scenario: Scenario, output: Path | None, time_limit: float | None) -> Result:
    from procure.optimiser import SolveOptions, solve

    result = stamp(solve(scenario, SolveOptions(time_limit=time_limit)), scenario)
    if output is None:
        sys.stdout.write(dumps_result(result))
        sys.stdout.flush()
    else:
        write_result(result, output)
    return result


def cmd_solve(args: argparse.Namespace) -> int:
    scenario = load_scenario(args)
    try:
        result = solve_and_write(scenario, args.output, args.time_limit)
    except ProcureError as exc:
        print(f"procure: {exc.message}", file=sys.stderr)
        return EXIT_SOLVER if not hasattr(exc, "problems") else EXIT_BAD_INPUT
    print(summary_line(result), file=sys.stderr)
    write_exports(scenario, result, args.file, args.xlsx, args.pdf)
    return EXIT_FOR_STATUS[result.status]


def write_exports(
    scenario: Scenario, result: Result, source: Path, xlsx: Path | None, pdf: Path | None
) -> None:
    """The workbook and memo asked for with ``--xlsx`` / ``--pdf``."""
    if xlsx is not None:
        from procure.exports import write_workbook

        write_workbook(scenario, result, xlsx, source=str(source))
        print(f"wrote {xlsx}", file=sys.stderr)
    if pdf is not None:
        from procure.exports import write_memo

        write_memo(scenario, result, pdf, source=str(source))
        print(f"wrote {pdf}", file=sys.stderr)


def cmd_upgrade(args: argparse.Namespace) -> int:
    import dataclasses

    scenario = read_scenario(args.file)
    note = ("already version 2, written unchanged" if scenario.version >= 2
            else "upgraded to procure-scenario/2 (same meaning)")
    upgraded = dataclasses.replace(scenario, version=max(scenario.version, 2))
    if args.output is None:
        sys.stdout.write(dumps_scenario(upgraded))
        sys.stdout.flush()
    else:
        write_scenario(upgraded, args.output)
    print(f"{args.file}: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from procure.explain import explain

    result = read_result(args.file)
    sys.stdout.write(explain(result, top=max(args.top, 0), lang=args.lang))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from procure.explain import explain
    from procure.optimiser import solve

    path = demo_plan_path()
    if not path.is_file():
        print(f"procure: the demo plan is missing from this installation ({path})",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    demo = read_scenario(path)
    result = stamp(solve(demo), demo)
    if args.output is not None:
        write_result(result, args.output)
    sys.stdout.write(explain(result))
    return EXIT_FOR_STATUS[result.status]
