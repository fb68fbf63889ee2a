"""Benchmark: save and open a big plan (600 chips x 40 workloads x 20 periods, 50,000 fleet rows).

Run:  .venv/bin/python benchmarks/bench_storage.py [--url postgresql+psycopg://...] [--repeat 3]

Reports wall-clock times for creating the plan file (bulk insert), opening it
(probe + lock + load), one edit, save-as (online backup) and, with ``--url``,
copying the plan to a PostgreSQL server and opening it there.
The scenario is generated here with a seeded RNG, so every run measures the same plan.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from procure import services
from procure.domain.edits import SetField
from procure.domain.model import (
    Budget,
    CategoryShare,
    Chip,
    FleetEntry,
    Limits,
    Scenario,
    Vendor,
    Workload,
)
from procure.formats.scenario_json import dumps_scenario


def big_scenario(seed: int = 20261128, chips: int = 600, workloads: int = 40, periods: int = 20,
                 fleet: int = 50_000) -> Scenario:
    """A plan of the benchmark's size with varied, realistic-looking values."""
    rng = random.Random(seed)
    labels = tuple(f"{2026 + q // 4}Q{q % 4 + 1}" for q in range(periods))
    categories = ("imported", "domestic", "in-house")
    vendors = tuple(
        Vendor(id=f"v{i}", category=categories[i % 3], name=f"供应商 {i}",
               risk=round(rng.random(), 3), max_share=rng.choice([None, 0.4, 0.6]))
        for i in range(24)
    )
    chip_list = tuple(
        Chip(
            id=f"c{i}", vendor=f"v{i % len(vendors)}", name=f"加速卡 {i}",
            peak_pflops=round(rng.uniform(0.1, 2.5), 4),
            price=tuple(round(rng.uniform(2e4, 3e5), 2) for _ in labels),
            supply=tuple(float(rng.randrange(0, 5000)) for _ in labels) if i % 3 else None,
            lead_time=rng.randrange(0, 4), lifetime=rng.choice([None, 12, 16]),
            lot_size=rng.choice([1, 8]), power_kw=round(rng.uniform(0.3, 1.5), 3),
            memory_gb=rng.choice([None, 64.0, 96.0, 141.0]),
            x={"source": "bench"} if i % 50 == 0 else None,
        )
        for i in range(chips)
    )
    workload_list = tuple(
        Workload(
            id=f"w{j}", name=f"工作负载 {j}",
            demand=tuple(round(rng.uniform(10, 5000), 3) for _ in labels),
            efficiency={c.id: round(rng.uniform(0.2, 0.9), 3) for c in chip_list
                        if rng.random() < 0.5},
        )
        for j in range(workloads)
    )
    fleet_list = tuple(
        FleetEntry(chip=f"c{rng.randrange(chips)}", units=float(rng.randrange(1, 500)),
                   retire_after=rng.choice([None, *labels]),
                   x={"site": rng.choice(["北京", "上海"])} if k % 1000 == 0 else None)
        for k in range(fleet)
    )
    return Scenario(
        periods=labels, vendors=vendors, chips=chip_list, workloads=workload_list,
        fleet=fleet_list, name="基准 benchmark plan", currency="CNY",
        hours=(2190.0,) * periods, energy_price=(0.65,) * periods, pue=(1.3,) * periods,
        budget=Budget(total=5e11, per_period=(3e10,) * periods),
        power_cap_kw=(5e6,) * periods,
        limits=Limits(vendor_max_share=0.5,
                      category_share={"in-house": CategoryShare(min=0.1)},
                      max_weighted_risk=0.6, outage_coverage=0.2),
    )


def timed(label: str, repeat: int, action: Callable[[int], Any]) -> Any:
    times, value = [], None
    for i in range(repeat):
        start = time.perf_counter()
        value = action(i)
        times.append(time.perf_counter() - start)
    print(f"  {label:<42} {statistics.median(times):8.3f} s   (min {min(times):.3f}, "
          f"n={repeat})")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a throwaway PostgreSQL database for the team-mode "
                        "numbers (the plan is copied into it and left there)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    scenario = big_scenario()
    eff = sum(len(w.efficiency) for w in scenario.workloads)
    print(f"plan: {len(scenario.chips)} chips x {len(scenario.workloads)} workloads x "
          f"{len(scenario.periods)} periods, {len(scenario.fleet)} fleet rows, {eff} "
          f"efficiencies; generated in {time.perf_counter() - start:.2f} s")
    print(f"  canonical JSON: {len(dumps_scenario(scenario)) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("plan file (SQLite):")

        def create(i: int) -> None:
            services.create_plan_file(folder / f"new{i}.procure", scenario).store.close()

        timed("save: create plan file with the plan", args.repeat, create)
        path = folder / "new0.procure"
        print(f"  file size: {path.stat().st_size / 1e6:.1f} MB")

        def open_plan(_: int) -> services.PlanDocument:
            store = services.open_store(path)
            doc = services.open_plan(store)
            store.close()
            return doc

        doc = timed("open: open file and load the plan", args.repeat, open_plan)
        assert doc.scenario == scenario, "the loaded plan differs from the saved one"
        store = services.open_store(path)
        doc = services.open_plan(store)
        timed("edit: one price cell (commit, fsync)", args.repeat,
              lambda i: services.apply_edit(doc, SetField(("chips", "c7", "price", "2026Q2"),
                                                          1000.0 + i)))
        timed("edit: one fleet row", args.repeat,
              lambda i: services.apply_edit(doc, SetField(("fleet", 40_000, "units"), 7.0 + i)))
        timed("save as (online backup while open)", args.repeat,
              lambda i: services.save_as(store, folder / f"copy{i}.procure").close())
        if args.url:
            print(f"team server ({args.url.split('@')[-1]}):")
            server = services.open_store(args.url)
            plan = timed("save: copy plan file -> server", 1,
                         lambda _: services.copy_plan(store, doc.plan, server,
                                                      name=f"bench {time.time()}"))
            remote = timed("open: load the plan from the server", args.repeat,
                           lambda _: services.open_plan(server, plan))
            assert remote.scenario == doc.scenario, "the server's copy differs"
            server.close()
        store.close()


if __name__ == "__main__":
    main()
