"""Planning model version 2: what its rows cost, and that version-1 plans did not slow down.

Run from the repository root::

    .venv/bin/python benchmarks/bench_model_v2.py [--size 300x20x16] [--repeat 2]
        [--baseline REV] [--write]

Measured in one run, each solve in a fresh subprocess (so no solve warms the next):

* **v1, before and after**: the synthetic plan (``benchmarks/scenarios.py``) solved by the
  code of ``--baseline`` (default: the commit before version 2 landed, checked out into a
  temporary git worktree) and by this checkout. Both use the same scenario file.
* **v2 rows**: the same plan as ``procure-scenario/2`` with memory per chip, memory demand
  for every workload (80% of what the reference plan's chips hold, so the rows are real) and
  four risk groups (two capped at 60% of spend), against the same plan as ``/2`` without them.
* **overhead**: ``procure solve()`` total minus HiGHS's own ``run()`` inside it, as a share
  of that ``run()``.

Ratios are medians over ``--repeat`` runs. ``--write`` writes ``results/model-v2.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "42c444c"  # the last commit before planning-model version 2

CHILD = r"""
import json, sys, time
from scipy.optimize._highspy import _highs_wrapper
from procure.formats.scenario_json import read_scenario
from procure.optimiser import solver

core = _highs_wrapper._h
seconds = {"highs": 0.0}

class TimedHighs(core._Highs):
    def run(self):
        start = time.perf_counter()
        try:
            return super().run()
        finally:
            seconds["highs"] += time.perf_counter() - start

core._Highs = TimedHighs
s = read_scenario(sys.argv[1])
t = time.perf_counter()
r = solver.solve(s)
total = time.perf_counter() - t
print(json.dumps({"total": total, "highs": seconds["highs"], "objective": r.objective,
                  "status": r.status.value}))
"""


def _run(python_path: Path, scenario: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(scenario)], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(python_path), "PATH": "/usr/bin:/bin"}, cwd=python_path,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _with_version_2(scenario, *, rows: bool):
    """The plan as /2; with ``rows``, memory everywhere and four risk groups."""
    from procure.domain.model import RiskGroup

    s = dataclasses.replace(scenario, version=2)
    if not rows:
        return s
    chips = tuple(dataclasses.replace(c, memory_gb=float(64 + 32 * (i % 4)))
                  for i, c in enumerate(s.chips))
    s = dataclasses.replace(s, chips=chips)
    # 80% of the memory the demand-weighted chips would hold: binding in places, feasible.
    memory = {c.id: (c.memory_gb or 0.0) for c in s.chips}
    workloads = []
    for w in s.workloads:
        per_pflops = sum(memory[c] / 1000 / max(next(ch.peak_pflops for ch in s.chips
                                                          if ch.id == c), 1e-9)
                         for c in w.efficiency) / max(len(w.efficiency), 1)
        workloads.append(dataclasses.replace(
            w, memory_demand=tuple(0.2 * d * per_pflops for d in w.demand)))
    vendors = [v.id for v in s.vendors]
    groups = (
        RiskGroup("foundry-a", vendors=tuple(vendors[0::4])),
        RiskGroup("foundry-b", vendors=tuple(vendors[1::4]), max_share=0.6),
        RiskGroup("hbm-x", chips=tuple(c.id for c in s.chips[0::3])),
        RiskGroup("regime", vendors=tuple(v.id for v in s.vendors if v.category == "imported"),
                  max_share=0.6),
    )
    return dataclasses.replace(s, workloads=tuple(workloads), risk_groups=groups)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="300x20x16")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.scenarios import generate
    from procure.formats.scenario_json import write_scenario

    n_c, n_w, n_t = (int(v) for v in args.size.split("x"))
    base = generate(n_c, n_w, n_t)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            "v1": folder / "v1.json",
            "v2 plain": folder / "v2-plain.json",
            "v2 rows": folder / "v2-rows.json",
        }
        write_scenario(base, files["v1"])
        write_scenario(_with_version_2(base, rows=False), files["v2 plain"])
        write_scenario(_with_version_2(base, rows=True), files["v2 rows"])
        old = folder / "baseline"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(old), args.baseline],
                       cwd=ROOT, check=True)
        try:
            runs: dict[str, list[dict[str, float]]] = {k: [] for k in
                                                       ("v1 before", "v1 after", "v2 plain",
                                                        "v2 rows")}
            for _ in range(args.repeat):
                runs["v1 before"].append(_run(old, files["v1"]))
                runs["v1 after"].append(_run(ROOT, files["v1"]))
                runs["v2 plain"].append(_run(ROOT, files["v2 plain"]))
                runs["v2 rows"].append(_run(ROOT, files["v2 rows"]))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT,
                           check=False)
    med = {k: statistics.median(r["total"] for r in v) for k, v in runs.items()}
    over = {k: statistics.median((r["total"] - r["highs"]) / r["highs"] for r in v)
            for k, v in runs.items()}
    lines = [
        f"# Planning model version 2 ({args.size}, median of {args.repeat}, same run)",
        "",
        "| case | solve() s | HiGHS run() s | overhead | objective | status |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for k, v in runs.items():
        highs_s = statistics.median(r["highs"] for r in v)
        lines.append(f"| {k} | {med[k]:.2f} | {highs_s:.2f} | {over[k]:.1%} | "
                     f"{v[0]['objective']:.6e} | {v[0]['status']} |")
    lines += [
        "",
        f"- v1 after / before: **{med['v1 after'] / med['v1 before']:.2f}x** "
        "(version 2 must not slow version-1 plans down)",
        f"- v2 with memory rows and 4 risk groups / without: "
        f"**{med['v2 rows'] / med['v2 plain']:.2f}x** (target <= 1.3x)",
        f"- overhead over HiGHS's own run at {args.size}: "
        f"{over['v1 after']:.1%} (v1), {over['v2 rows']:.1%} (v2 rows) (target < 10%)",
        "- the v1 objectives before and after are "
        + ("identical" if runs["v1 before"][0]["objective"] == runs["v1 after"][0]["objective"]
           else "different"),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        (ROOT / "benchmarks" / "results" / "model-v2.md").write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
