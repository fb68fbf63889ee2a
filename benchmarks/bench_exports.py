"""Benchmark: export a 600 x 40 x 20 plan (chips x workloads x periods) to Excel and to PDF.

Targets (issue 5): the workbook in under 10 s, the memo in under 3 s. The
scenario comes from the shared seeded generator (``benchmarks/scenarios.py``).
Its result is synthetic by default: a plan with the shape and sizes the
optimiser produces (every chip and period bought, every eligible pair
assigned, every constraint row the spec names), built from a seeded RNG in a
fraction of a second, so the benchmark measures the exports and not the
solver. ``--solve`` solves the scenario with ``procure.optimiser.solve``
instead (about 4-5 minutes at this size) and keeps the result in the output
folder, so later runs can use it with ``--result``.

    .venv/bin/python benchmarks/bench_exports.py [--solve | --result FILE] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scenarios import generate
from procure.domain.model import Scenario
from procure.domain.result import ConstraintReport, Cost, Result, SolveStatus

SIZE = (600, 40, 20)


def synthetic_result(s: Scenario, seed: int = 0) -> Result:
    """A plan-shaped result: consistent spend and shares, realistic constraint count."""
    rng = np.random.default_rng(seed)
    periods = s.periods
    buy = {
        c.id: {p: float(rng.choice([0.0, rng.uniform(0, 400)])) for p in periods} for c in s.chips
    }
    in_service = {c.id: {p: float(rng.uniform(0, 2000)) for p in periods} for c in s.chips}
    # An LP plan uses few eligible pairs: ~11% in a solved 600x40x20 plan, ~70% of their cells.
    assign = {
        c.id: {
            w.id: {
                p: float(rng.uniform(0, 50)) if used and rng.random() < 0.7 else 0.0
                for p in periods
            }
            for w in s.workloads
            if w.efficiency.get(c.id, 0) > 0
            for used in [rng.random() < 0.11]
        }
        for c in s.chips
    }
    by_chip = {c.id: sum(buy[c.id][p] * c.price[j] for j, p in enumerate(periods)) for c in s.chips}
    vendor_of = {c.id: c.vendor for c in s.chips}
    category_of = {v.id: v.category for v in s.vendors}
    by_vendor = {v.id: 0.0 for v in s.vendors}
    for chip, spend in by_chip.items():
        by_vendor[vendor_of[chip]] += spend
    by_category = dict.fromkeys(s.categories(), 0.0)
    for vendor, spend in by_vendor.items():
        by_category[category_of[vendor]] += spend
    by_period = {p: sum(buy[c.id][p] * c.price[j] for c in s.chips) for j, p in enumerate(periods)}
    total = sum(by_chip.values())
    share_v = {v: x / total for v, x in by_vendor.items()}
    risk = {v.id: v.risk for v in s.vendors}
    names = [f"capacity:{c.id}:{p}" for c in s.chips for p in periods]
    names += [f"demand:{w.id}:{p}" for w in s.workloads for p in periods]
    names += [f"supply:{c.id}:{p}" for c in s.chips if c.supply is not None for p in periods]
    names += [f"budget:{p}" for p in periods] + ["budget:total"] + [f"power:{p}" for p in periods]
    names += [f"vendor_share:{v.id}" for v in s.vendors] + ["weighted_risk"]
    names += [f"category_{b}:{k}" for k in s.limits.category_share for b in ("min", "max")]
    names += [f"outage:{v.id}:{w.id}:{p}" for v in s.vendors for w in s.workloads for p in periods]
    constraints = tuple(
        ConstraintReport(
            n,
            float(lhs),
            float(lhs + slack),
            float(slack),
            float(-rng.uniform(0, 1e5)) if slack == 0 else 0.0,
            bool(slack == 0),
        )
        for n, lhs, slack in zip(
            names,
            rng.uniform(0, 1e6, len(names)),
            np.where(rng.random(len(names)) < 0.1, 0.0, rng.uniform(1, 1e5, len(names))),
            strict=True,
        )
    )
    return Result(
        scenario=s.display_name,
        status=SolveStatus.OPTIMAL,
        objective=total * 1.02,
        cost=Cost(total, total * 0.02, total * 0.01, 0.0),
        buy=buy,
        in_service=in_service,
        assign=assign,
        spend={
            "by_vendor": by_vendor,
            "by_category": by_category,
            "by_period": by_period,
            "by_chip": by_chip,
        },
        share={"by_vendor": share_v, "by_category": {k: x / total for k, x in by_category.items()}},
        weighted_risk=sum(risk[v] * x for v, x in share_v.items()),
        hhi=sum(x * x for x in share_v.values()),
        constraints=constraints,
    )


def timed(label: str, func: object, *args: object, **kwargs: object) -> float:
    start = time.perf_counter()
    func(*args, **kwargs)  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:7.2f} s")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--solve", action="store_true", help="solve instead of a synthetic result")
    parser.add_argument(
        "--result", type=Path, help="a saved result of this scenario (from --solve)"
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from procure.exports import read_workbook, write_memo, write_workbook
    from procure.formats.result_json import read_result, write_result

    scenario = generate(*SIZE, seed=0)
    if args.solve:
        from procure.optimiser import solve

        start = time.perf_counter()
        result = solve(scenario)
        print(
            f"{'solve (not an export)':<34} {time.perf_counter() - start:7.2f} s  {result.status}"
        )
        write_result(result, args.out / "bench.result.json")
    elif args.result is not None:
        result = read_result(args.result)
    else:
        result = synthetic_result(scenario)
    pairs = sum(len(v) for v in result.assign.values())
    print(
        f"plan: {len(scenario.chips)} chips x {len(scenario.workloads)} workloads x "
        f"{len(scenario.periods)} periods; {len(scenario.vendors)} vendors; {pairs} assigned "
        f"pairs; {len(result.constraints)} constraints"
    )
    xlsx = timed(
        "Excel workbook (write-only mode)",
        write_workbook,
        scenario,
        result,
        args.out / "bench.xlsx",
    )
    pdf = timed("PDF memo", write_memo, scenario, result, args.out / "bench.pdf")
    timed("Excel import (read-only mode)", read_workbook, args.out / "bench.xlsx")
    size = (args.out / "bench.xlsx").stat().st_size / 1e6
    print(f"workbook size {size:.1f} MB; targets: Excel < 10 s, memo < 3 s")
    return 0 if xlsx < 10 and pdf < 3 else 1


if __name__ == "__main__":
    sys.exit(main())
