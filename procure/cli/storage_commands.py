"""``procure import``, ``export`` and ``plans``: scenarios in and out of plan files and servers.

A plan location is a ``.procure`` file or a ``postgresql+psycopg://`` URL. Import
never overwrites: it creates a new plan (or, with ``--variant``, a new variant of
an existing one) and fails if the name is taken.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from procure.cli.main import EXIT_OK
from procure.formats.scenario_json import dumps_scenario, read_scenario, write_scenario

LOCATION = "PLAN.procure|URL"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="store a scenario JSON file as a plan",
        description="Store a procure-scenario/1 file as a new plan in a plan file (created if "
        "missing) or on a team server, or with --variant as a new variant of an existing plan. "
        "Nothing is ever overwritten. Exit 0 on success, 2 on bad input or a name in use.",
    )
    p.add_argument("file", type=Path, help="scenario JSON file")
    p.add_argument("--to", required=True, metavar=LOCATION, help="plan file or database URL")
    p.add_argument("--plan", metavar="NAME",
                   help="plan name (default: the scenario's name, else the file name)")
    p.add_argument("--variant", metavar="NAME",
                   help="add the scenario as this variant of the existing plan --plan")
    p.add_argument("--user", help="name for the audit log (default: your login name)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser(
        "export", help="write a plan's scenario as JSON",
        description="Write the scenario of a plan (its latest revision, base scenario unless "
        "--variant) as a procure-scenario/1 file; to stdout without -o.",
    )
    p.add_argument("source", metavar=LOCATION, help="plan file or database URL")
    p.add_argument("--plan", metavar="NAME", help="plan name (needed if there are several)")
    p.add_argument("--revision", type=int, metavar="N", help="revision (default: the latest)")
    p.add_argument("--variant", metavar="NAME", help="variant (default: the base scenario)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE.json", help="file to write")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "plans", help="list the plans in a plan file or on a server",
        description="List every plan revision with its status, variants and last change.",
    )
    p.add_argument("source", metavar=LOCATION, help="plan file or database URL")
    p.set_defaults(handler=cmd_plans)


def cmd_import(args: argparse.Namespace) -> int:
    """Read and validate the JSON first, so a bad file creates nothing."""
    from procure import services  # SQLAlchemy loads only for these commands

    scenario = read_scenario(args.file)
    name = args.plan or scenario.name or args.file.stem
    target = str(args.to)
    if args.variant is None and not services.is_url(target) and not Path(target).exists():
        doc = services.create_plan_file(target, scenario, name=name, user=args.user)
        doc.store.close()
        print(f"Created {target} with plan {name!r}.", file=sys.stderr)
        return EXIT_OK
    with services.open_store(target, user=args.user) as store:
        if args.variant is None:
            services.create_plan(store, name, scenario)
            print(f"Added plan {name!r} to {store.location}.", file=sys.stderr)
            return EXIT_OK
        plan = services.open_plan(store, args.plan).plan
        services.add_variant(store, plan, args.variant, scenario)
        print(f"Added variant {args.variant!r} to plan {plan.name!r} in {store.location}.",
              file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Read-only, so it works while a planner has the plan open."""
    from procure import services  # SQLAlchemy loads only for these commands

    with services.open_for_reading(args.source) as store:
        scenario = services.open_plan(store, args.plan, variant=args.variant,
                                      revision=args.revision).scenario
    if args.output is None:
        sys.stdout.write(dumps_scenario(scenario))
    else:
        write_scenario(scenario, args.output)
    return EXIT_OK


def cmd_plans(args: argparse.Namespace) -> int:
    """One line per plan revision, tab-separated for scripts."""
    from procure import services  # SQLAlchemy loads only for these commands

    with services.open_for_reading(args.source) as store:
        plans = services.list_plans(store)
    for plan in plans:
        variants = ", ".join(v for v in plan.variants if v) or "-"
        print(f"{plan.name}\trevision {plan.revision}\t{plan.status.value}\t"
              f"variants: {variants}\tchanged {plan.updated_at:%Y-%m-%d %H:%M} UTC by "
              f"{plan.updated_by}")
    return EXIT_OK
