"""Scenario-analysis benchmark: a 20-point sweep, a stress suite and 1,000 Monte Carlo futures,
on the demo plan and on the synthetic 300x20x16 plan, with one process and with every core.

Run from the repository root::

    .venv/bin/python benchmarks/bench_analysis.py              # demo and 300x20x16
    .venv/bin/python benchmarks/bench_analysis.py --quick      # demo only
    .venv/bin/python benchmarks/bench_analysis.py --write      # also results/analysis.md

The base plan is solved first (and not timed in the analyses), so every timing is the
analysis itself: 20 LPs for a sweep, two per stress, none for Monte Carlo (vectorised
over futures, planned assignment). "Speed-up" is one process's wall time over N
processes'; "cores used" is CPU seconds (this process and its workers) over wall seconds,
which shows how much of the machine the run actually got when others share it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.scenarios import generate  # noqa: E402
from procure.analysis.montecarlo import simulate  # noqa: E402
from procure.analysis.parallel import available_cores  # noqa: E402
from procure.analysis.stress import StressOptions, run_stresses  # noqa: E402
from procure.analysis.templates import parse_template  # noqa: E402
from procure.analysis.tradeoff import SweepLimit, grid, sweep  # noqa: E402
from procure.analysis.variants import Variant  # noqa: E402
from procure.domain.model import Scenario  # noqa: E402
from procure.formats.scenario_json import read_scenario  # noqa: E402
from procure.optimiser import solve  # noqa: E402
from procure.resources import demo_plan_path  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "analysis.md"


CPU: dict[str, float] = {}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall seconds of ``fn()``; its CPU seconds (this process and its workers) go to CPU."""
    start, before = time.perf_counter(), os.times()
    out = fn()
    after = os.times()
    CPU["last"] = sum(getattr(after, k) - getattr(before, k) for k in (
        "user", "system", "children_user", "children_system"))
    return time.perf_counter() - start, out


def stresses(s: Scenario) -> list[Variant]:
    """Seven shocks at the third period, one per template."""
    p = s.periods[min(2, len(s.periods) - 1)]
    imported = next(v.id for v in s.vendors if v.category == "imported")
    domestic = next(v.id for v in s.vendors if v.category == "domestic")
    specs = [f"export-licence:start={p}", f"licence-fee:start={p}",
             f"import-ban:start={p},vendors={imported}",
             f"supplier-exit:vendor={domestic},start={p},support_quarters=2", "slip:quarters=2",
             f"hbm-shortage:start={p},cut=0.3,chips={s.chips[0].id}",
             f"price-shock:start={p},change=0.3,vendors={imported}"]
    return [Variant(spec, stress=parse_template(spec)) for spec in specs]


def load() -> float:
    """The one-minute load average: other work on the machine slows the parallel runs."""
    return os.getloadavg()[0]


def bench(name: str, s: Scenario, cores: int, futures: int,
          parts: set[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    base_seconds, base = timed(lambda: solve(s))
    print(f"{name}: base plan {base_seconds:.2f} s ({base.x['model']['nonzeros']:,} nonzeros)",
          flush=True)
    limit = SweepLimit.parse("weighted_risk")
    rho = s.limits.max_weighted_risk or 0.5
    values = grid(max(rho - 0.05, 0.0), min(rho + 0.15, 1.0), 20)  # mostly feasible points
    for workers in sorted({1, cores}) if "sweep" in parts else ():
        before = load()
        seconds, result = timed(lambda w=workers: sweep(s, limit, values, base_result=base,
                                                         workers=w))
        feasible = sum(p.total_cost is not None for p in result.points)
        rows.append({"plan": name, "analysis": f"sweep, 20 points ({feasible} feasible)",
                     "workers": workers, "seconds": seconds, "load": before,
                     "cpu": CPU["last"]})
        print(f"  sweep x{workers}: {seconds:.2f} s (load {before:.1f})", flush=True)
    variants = stresses(s)
    for workers in sorted({1, cores}) if "stress" in parts else ():
        before = load()
        seconds, _ = timed(lambda w=workers: run_stresses(
            s, variants, base, StressOptions(workers=w)))
        rows.append({"plan": name, "analysis": f"stress suite, {len(variants)} shocks x 2 answers",
                     "workers": workers, "seconds": seconds, "load": before,
                     "cpu": CPU["last"]})
        print(f"  stresses x{workers}: {seconds:.2f} s (load {before:.1f})", flush=True)
    for mode in ("outage", "supply-cut") if "mc" in parts else ():
        seconds, sim = timed(lambda m=mode: simulate(s, base, futures=futures, seed=0, mode=m))
        rows.append({"plan": name, "analysis": f"Monte Carlo, {futures:,} futures, {mode}",
                     "workers": 1, "seconds": seconds, "load": load(), "cpu": CPU["last"],
                     "note": f"P(any shortfall) {sim.total.probability:.1%}"})
        print(f"  Monte Carlo {mode}: {seconds:.3f} s", flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    one = {(r["plan"], r["analysis"]): r["seconds"] for r in rows if r["workers"] == 1}
    lines = ["| plan | analysis | processes | seconds | CPU seconds | cores used | speed-up "
             "| load before |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        base = one.get((r["plan"], r["analysis"]))
        speed = base / r["seconds"] if base and r["workers"] > 1 else None
        lines.append(
            f"| {r['plan']} | {r['analysis']} | {r['workers']} | {r['seconds']:.3f} | "
            f"{r['cpu']:.2f} | {r['cpu'] / r['seconds']:.2f} | "
            + (f"{speed:.2f}x |" if speed else " |") + f" {r['load']:.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the demo plan only")
    parser.add_argument("--futures", type=int, default=1000)
    parser.add_argument("--parts", default="sweep,stress,mc",
                        help="which analyses (default: sweep,stress,mc)")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()
    cores = available_cores()
    parts = set(args.parts.split(","))
    rows = bench("demo", read_scenario(demo_plan_path()), cores, args.futures, parts)
    if not args.quick:
        rows += bench("300x20x16", generate(300, 20, 16, seed=0), cores, args.futures, parts)
    text = table(rows)
    print(text)
    if args.write:
        load_end = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        RESULTS.write_text(
            "# Scenario-analysis benchmark\n\n"
            f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC: "
            "`.venv/bin/python benchmarks/bench_analysis.py --write`.\n\n"
            f"Machine: {platform.machine()}, {cores} cores available, load average at end "
            f"{load_end}; Python {platform.python_version()}. The machine is shared: "
            "'load before' is the one-minute load average when each run started; with other "
            "work running, a second process cannot get a whole core.\n\n"
            "The sweep moves the weighted-risk cap over 20 values from 0.05 below to 0.15 "
            "above the plan's own; the stress suite is one shock per template, each answered "
            "by re-plan and hold. Monte Carlo runs in one process (vectorised over futures).\n\n"
            + text + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
