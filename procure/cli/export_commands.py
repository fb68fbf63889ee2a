"""``procure export-xlsx``, ``export-pdf``, ``import-xlsx`` and ``template-xlsx``.

Exports take a scenario (JSON, or a Procure workbook) and its result file; with
no ``--result`` the scenario is solved first. The export modules (openpyxl,
reportlab) are imported only when a command runs, so ``procure --help`` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from procure.cli.main import EXIT_OK
from procure.domain.model import Scenario
from procure.domain.result import Result
from procure.errors import ProcureError
from procure.formats.result_json import read_result
from procure.formats.scenario_json import dumps_scenario, read_scenario, write_scenario


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-xlsx",
        help="write a solved plan as an Excel workbook",
        description="Write the plan as an .xlsx workbook: summary with charts, purchases, "
        "spend, capacity, assignment, constraints and every input. Without --result the "
        "scenario is solved first.",
    )
    _plan_arguments(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="workbook to write (.xlsx)")
    p.set_defaults(handler=cmd_export_xlsx)

    p = sub.add_parser(
        "export-pdf",
        help="write a solved plan as a PDF procurement memo",
        description="Write a 2-4 page procurement memo (PDF) for the plan. Without --result "
        "the scenario is solved first.",
    )
    _plan_arguments(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="memo to write (.pdf)")
    p.add_argument("--to", help="addressee (default: the hardware planning committee)")
    p.add_argument("--from", dest="sender", help="author (default: the hardware planning team)")
    p.add_argument("--subject", help="subject line (default: names the planning horizon)")
    p.add_argument(
        "--date", type=dt.date.fromisoformat, help="memo date, YYYY-MM-DD (default: today)"
    )
    p.add_argument("--status", choices=("draft", "approved"), default="draft")
    p.add_argument(
        "--language", choices=("en", "zh"), default="en", help="en or zh (Simplified Chinese)"
    )
    p.add_argument("--plan", help="the plan's name (default: the scenario's name)")
    p.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar="NAME=RESULT",
        help="a variant to compare with, as its name and result file (repeatable)",
    )
    p.set_defaults(handler=cmd_export_pdf)

    p = sub.add_parser(
        "import-xlsx",
        help="read a scenario from a Procure workbook",
        description="Read the input sheets of a Procure workbook (an export or a filled-in "
        "template) and write the scenario as procure-scenario/1 JSON. Every problem is listed "
        "with its sheet and cell, and nothing is written unless the workbook is valid.",
    )
    p.add_argument("workbook", type=Path, help="workbook to read (.xlsx)")
    p.add_argument("-o", "--output", type=Path, help="scenario file to write (default: stdout)")
    p.set_defaults(handler=cmd_import_xlsx)

    p = sub.add_parser(
        "template-xlsx",
        help="write a blank input workbook to fill in",
        description="Write a workbook with the input sheets only, blank or holding a scenario, "
        "for planners to fill in and read back with import-xlsx.",
    )
    p.add_argument("output", type=Path, help="workbook to write (.xlsx)")
    p.add_argument("--periods", help="comma-separated period labels (default: 2027Q1..2027Q4)")
    p.add_argument("--scenario", type=Path, help="fill the template with this scenario")
    p.set_defaults(handler=cmd_template_xlsx)


def _plan_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("scenario", type=Path, help="scenario file (.json, or a Procure .xlsx workbook)")
    p.add_argument(
        "-r", "--result", type=Path, help="result file of that scenario (default: solve it)"
    )


def load_any_scenario(path: Path) -> Scenario:
    """A scenario from JSON or from a Procure workbook, chosen by the file's extension."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from procure.exports.excel_import import read_workbook

        return read_workbook(path)
    return read_scenario(path)


def _plan(args: argparse.Namespace) -> tuple[Scenario, Result, dt.datetime | None]:
    scenario = load_any_scenario(args.scenario)
    if args.result is not None:
        from procure.provenance import check_matches

        solved_at = dt.datetime.fromtimestamp(args.result.stat().st_mtime).astimezone()
        result = read_result(args.result)
        # Never print one plan's inputs beside another plan's result (exit 2 if so).
        note = check_matches(scenario, result, scenario_name=str(args.scenario),
                             result_name=str(args.result))
        if note:
            print(f"procure: note: {note}", file=sys.stderr)
        return scenario, result, solved_at
    from procure.optimiser import solve

    result = solve(scenario)
    return scenario, result, dt.datetime.now().astimezone()


def _parse_variant(text: str) -> tuple[str, Result]:
    name, sep, path = text.partition("=")
    if not sep or not name or not path:
        raise ProcureError(f"--variant takes NAME=RESULT_FILE, got {text!r}")
    return name, read_result(Path(path))


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from procure.exports.excel_export import write_workbook

    scenario, result, solved_at = _plan(args)
    write_workbook(
        scenario,
        result,
        args.output,
        source=str(args.scenario),
        result_source=str(args.result) if args.result else None,
        solved_at=solved_at,
    )
    print(f"wrote {args.output} ({result.status.value} plan)", file=sys.stderr)
    return EXIT_OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from procure.exports.memo_pdf import write_memo

    variants = [_parse_variant(v) for v in args.variant]
    scenario, result, solved_at = _plan(args)
    write_memo(
        scenario,
        result,
        args.output,
        to=args.to,
        sender=args.sender,
        date=args.date,
        subject=args.subject,
        status=args.status,
        language=args.language,
        variants=variants,
        plan=args.plan,
        source=str(args.scenario),
        solved_at=solved_at,
    )
    print(f"wrote {args.output} ({result.status.value} plan)", file=sys.stderr)
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from procure.exports.excel_import import read_workbook

    scenario = read_workbook(args.workbook)
    if args.output is None:
        sys.stdout.write(dumps_scenario(scenario))
    else:
        write_scenario(scenario, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_template_xlsx(args: argparse.Namespace) -> int:
    from procure.exports.excel_export import write_template

    scenario = load_any_scenario(args.scenario) if args.scenario else None
    periods = [p.strip() for p in args.periods.split(",") if p.strip()] if args.periods else None
    write_template(args.output, periods=periods, scenario=scenario)
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK
