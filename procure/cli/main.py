"""Entry point of the ``procure`` command.

Each group of subcommands lives in its own module with a ``register(subparsers)``
function that adds its parsers and sets ``handler`` (``args -> exit code``).
Errors a user can cause (:class:`~procure.errors.ProcureError`) are printed as
their message; anything else is a bug, logged with its traceback to a file and
reported in one line, so no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from procure.errors import Cancelled, ProcureError, ValidationError
from procure.logs import log_file, setup_logging

EXIT_OK = 0
EXIT_INFEASIBLE = 1
EXIT_BAD_INPUT = 2
EXIT_SOLVER = 3

# Modules that contribute subcommands, in the order their help lists them.
COMMAND_MODULES = (
    "procure.cli.solve_commands",
    "procure.cli.export_commands",
    "procure.cli.storage_commands",
    "procure.cli.analysis_commands",
    "procure.cli.hedge_commands",
)

log = logging.getLogger("procure.cli")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line hint, as every Procure error does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


class _VersionAction(argparse.Action):
    """Looks the version up only when asked (importlib.metadata is slow to load)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        import procure

        parser.exit(0, f"procure {procure.__version__}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="procure",
        description="Plan accelerator purchases: validate, solve and explain scenarios.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    setup_logging()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        _refuse_output_over_inputs(args)
        return int(args.handler(args))
    except ValidationError as exc:
        print(f"procure: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Cancelled:
        print("procure: cancelled", file=sys.stderr)
        return EXIT_SOLVER
    except ProcureError as exc:
        print(f"procure: {exc.message}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        print("procure: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        log.exception("unexpected error in %s", " ".join(sys.argv))
        print(
            f"procure: internal error (a bug in Procure); details were written to {log_file()}",
            file=sys.stderr,
        )
        return 70


def _refuse_output_over_inputs(args: argparse.Namespace) -> None:
    """Every command's ``-o`` is checked here, so no command can overwrite its own input."""
    from procure.fs import refuse_output_over_inputs

    output = getattr(args, "output", None)
    if output is None:
        return
    edits = getattr(args, "edits_in_place", None)
    if edits is not None and edits(args) and Path(output).suffix.lower() == ".json":
        return  # a JSON scenario edited and written back in its own format, atomically
    candidates: list[object] = []
    for key, value in vars(args).items():
        if key != "output":
            candidates.extend(value if isinstance(value, list) else [value])
    inputs = [str(v).partition("=")[2] or str(v) if isinstance(v, str) and "=" in v else v
              for v in candidates if isinstance(v, (str, Path))]
    refuse_output_over_inputs(output, inputs)


if __name__ == "__main__":
    sys.exit(main())
