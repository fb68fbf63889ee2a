"""Entry script of the bundled ``procure-planner`` desktop application.

``procure-planner --selftest [--platform NAME]`` runs :mod:`ui.selftest` (offscreen
by default) and exits 0 or 1; anything else goes to ``ui.app.main``.
"""

from __future__ import annotations

import multiprocessing
import sys


def _selftest(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="procure-planner --selftest")
    parser.add_argument("--selftest", action="store_true")
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform plugin to test (default: offscreen; e.g. xcb)")
    args = parser.parse_args(argv)
    from ui.selftest import run_selftest

    return run_selftest(platform=args.platform)


def main() -> int:
    import _bundle_env

    _bundle_env.configure()
    argv = sys.argv[1:]
    if "--selftest" in argv:
        return _selftest(argv)
    from ui.app import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    # The optimiser solves in a child process; frozen spawn-based children need this.
    multiprocessing.freeze_support()
    sys.exit(main())
