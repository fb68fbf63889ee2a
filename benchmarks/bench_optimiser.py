"""Optimiser benchmark: model size, time and memory per scenario size, against HiGHS alone
and against a straightforward PuLP model.

Run from the repository root::

    .venv/bin/python benchmarks/bench_optimiser.py                   # all four sizes
    .venv/bin/python benchmarks/bench_optimiser.py --sizes 20x4x8,100x10x12 --pulp-max 100x10x12
    .venv/bin/python benchmarks/bench_optimiser.py --write           # also results/optimiser.md

For each size (chips x workloads x periods) a fresh subprocess generates the
scenario (:func:`benchmarks.scenarios.generate`) and measures:

* **linprog alone**: ``scipy.optimize.linprog(method="highs")`` on the arrays of
  the already-built model, with the arguments ``procure/optimiser/highs.py``
  uses: what a solve costs with no Procure around it.
* **procure solve()**, end to end, with each stage it calls (validation,
  index, LP build, ``solve_programme``, result extraction) timed by wrapping
  those functions in ``procure.optimiser.solver`` for the one call, so the
  split and the total come from the same run.
* **HiGHS run()**: the solver's own time, timed around ``Highs.run()`` inside
  scipy's wrapper, both in the linprog-alone run and inside ``solve()``. The
  overhead is ``solve() total - HiGHS run()`` of that same call, as a share of
  that ``run()`` (no run-to-run noise); the brief's cross-run figure
  ``(total - linprog alone) / linprog alone`` is printed as well.
* **memory**: peak RSS growth during ``solve()`` (the high-water mark is reset
  just before, so it includes HiGHS's C++ memory) and the Python-side peak
  from ``tracemalloc`` in a second ``solve()``, each per nonzero of the model.

In the parent process it then builds and solves the same scenario as a PuLP
model written the way a planner would (one ``LpVariable`` per variable,
``lpSum`` rows exactly as the spec writes them), checks that the objectives
agree to 1e-6 relative, and times ``procure solve`` on the 100x10x12 scenario
from process start to result file (median of 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.scenarios import generate  # noqa: E402

SIZES = ("20x4x8", "100x10x12", "300x20x16", "600x40x20")
DEFAULT_PULP_MAX = "300x20x16"
CLI_SIZE = "100x10x12"
CLI_RUNS = 3
OBJECTIVE_RTOL = 1e-6
OVERHEAD_TARGET = 0.25
CLI_TARGET_S = 2.0
RESULTS = REPO / "benchmarks" / "results" / "optimiser.md"
# The stages of procure.optimiser.solver.solve, by the module-level names it calls.
STAGES = (
    ("validate", "ensure_valid"),
    ("index", "index_scenario"),
    ("build", "build_lp"),
    ("solve_programme", "solve_programme"),
    ("extract", "build_result"),
)


def parse_size(text: str) -> tuple[int, int, int]:
    """``"300x20x16"`` -> ``(300, 20, 16)``."""
    parts = text.lower().split("x")
    if len(parts) != 3 or not all(p.isdigit() and int(p) > 0 for p in parts):
        raise argparse.ArgumentTypeError(f"size {text!r} is not CHIPSxWORKLOADSxPERIODS")
    c, w, t = (int(p) for p in parts)
    return c, w, t


def volume(size: tuple[int, int, int]) -> int:
    return size[0] * size[1] * size[2]


# --- measurements in a fresh process, one per size ---------------------------------------

class HighsRunTimer:
    """Times ``Highs.run()`` inside scipy's HiGHS wrapper: the solver's own solve."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0

    def install(self) -> HighsRunTimer:
        from scipy.optimize._highspy import _highs_wrapper

        core = _highs_wrapper._h
        timer = self

        class TimedHighs(core._Highs):  # type: ignore[misc, name-defined]
            def run(self) -> Any:
                start = time.perf_counter()
                try:
                    return super().run()
                finally:
                    timer.seconds += time.perf_counter() - start
                    timer.calls += 1

        core._Highs = TimedHighs
        return self

    def reset(self) -> None:
        self.seconds, self.calls = 0.0, 0


@contextmanager
def timed_stages(module: Any) -> Iterator[dict[str, float]]:
    """Wrap the stage functions ``module`` calls; yields seconds per stage."""
    seconds: dict[str, float] = {}
    originals: dict[str, Callable[..., Any]] = {}

    def wrap(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start
        return timed

    for stage, name in STAGES:
        fn = getattr(module, name, None)
        if fn is not None:
            originals[name] = fn
            setattr(module, name, wrap(stage, fn))
    try:
        yield seconds
    finally:
        for name, fn in originals.items():
            setattr(module, name, fn)


def _proc_status_kib(field: str) -> int:
    text = Path("/proc/self/status").read_text()
    match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


def _reset_peak_rss() -> bool:
    """Reset the kernel's high-water mark of this process (Linux); False if not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def measure_size(size: tuple[int, int, int], seed: int, python_peak: bool) -> dict[str, Any]:
    """Everything measured in this process for one size (call in a fresh process)."""
    from scipy.optimize import linprog

    from procure.optimiser import solve
    from procure.optimiser import solver as solver_module
    from procure.optimiser.index import index_scenario
    from procure.optimiser.lp import build_lp

    highs = HighsRunTimer().install()
    scenario = generate(*size, seed=seed)
    linprog([1.0], bounds=(0, None), method="highs")  # load HiGHS and scipy's lazy imports

    # (a) procure's solve() on a fresh heap, stage by stage, and its peak RSS
    gc.collect()
    peak_reset = _reset_peak_rss()
    rss_before = _proc_status_kib("VmRSS")
    highs.reset()
    with timed_stages(solver_module) as stages:
        start = time.perf_counter()
        result = solve(scenario)
        total = time.perf_counter() - start
    peak_rss = _proc_status_kib("VmHWM")
    out: dict[str, Any] = {
        "size": size, "model": result.x.get("model") if result.x else None,
        "total_s": total, "run_s": highs.seconds, "highs_calls": highs.calls,
        "stages": dict(stages), "reported": result.x.get("timings") if result.x else None,
        "status": str(result.status.value), "objective": result.objective,
        "binding": _binding_counts(result), "rss_before": rss_before * 1024,
        "rss_growth": (peak_rss - rss_before) * 1024 if peak_reset else None,
        "peak_rss": peak_rss * 1024 if peak_reset else None,
    }
    del result
    gc.collect()

    # (b) linprog alone on the built model
    lp = build_lp(index_scenario(scenario))
    highs.reset()
    start = time.perf_counter()
    res = linprog(lp.cost, A_ub=lp.a_ub, b_ub=lp.b_ub, A_eq=lp.a_eq, b_eq=lp.b_eq,
                  bounds=(0, None), method="highs", options={})
    out.update(
        linprog_s=time.perf_counter() - start, linprog_run_s=highs.seconds,
        linprog_status=int(res.status),
        linprog_objective=float(res.fun) * lp.money_scale if res.status == 0 else None,
        model={"rows": lp.n_rows, "columns": len(lp.cost), "nonzeros": lp.nnz},
    )
    del lp, res
    gc.collect()

    # (c) the Python-side peak (numpy arrays included; HiGHS's C++ memory is not seen)
    if python_peak:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        solve(scenario)
        out["python_peak"] = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
    return out


def _binding_counts(result: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in result.constraints:
        if c.binding:
            kind = c.name.split(":")[0]
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def run_child(size: tuple[int, int, int], seed: int, python_peak: bool) -> dict[str, Any]:
    """Run :func:`measure_size` in a fresh interpreter and return what it measured."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "x".join(map(str, size)),
           "--seed", str(seed)]
    if not python_peak:
        cmd.append("--no-python-peak")
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"measuring {size} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the straightforward PuLP model ---------------------------------------------------------

def build_pulp(s: Any) -> Any:
    """The scenario as a planner would write it in PuLP, row by row from the spec."""
    import pulp

    periods = range(len(s.periods))
    prob = pulp.LpProblem("procure_scenario", pulp.LpMinimize)
    chips = {c.id: c for c in s.chips}
    vendor = {v.id: v for v in s.vendors}
    b = {(c, t): pulp.LpVariable(f"b_{c}_{t}", lowBound=0) for c in chips for t in periods}
    eligible = [(c, w.id, e) for w in s.workloads for c, e in w.efficiency.items() if e > 0]
    x = {(c, w, t): pulp.LpVariable(f"x_{c}_{w}_{t}", lowBound=0)
         for c, w, _ in eligible for t in periods}
    short = ({(w.id, t): pulp.LpVariable(f"s_{w.id}_{t}", lowBound=0)
              for w in s.workloads for t in periods}
             if s.shortfall_penalty is not None else {})

    existing = {(c, t): 0.0 for c in chips for t in periods}
    for f in s.fleet:
        last = s.periods.index(f.retire_after) if f.retire_after is not None else len(periods) - 1
        for t in range(last + 1):
            existing[f.chip, t] += f.units
    new = {}
    for c, chip in chips.items():
        life = chip.lifetime if chip.lifetime is not None else len(periods) + 1
        for t in periods:
            new[c, t] = pulp.lpSum(
                b[c, tau] for tau in periods
                if tau + chip.lead_time <= t < tau + chip.lead_time + life
            )
    energy = s.energy_cost_per_kw()
    spend = {c: pulp.lpSum(chip.price[t] * b[c, t] for t in periods) for c, chip in chips.items()}
    total_spend = pulp.lpSum(spend.values())

    prob += (
        total_spend
        + pulp.lpSum(energy[t] * chip.power_kw * new[c, t] for c, chip in chips.items()
                     for t in periods)
        + (s.shortfall_penalty or 0.0) * pulp.lpSum(short.values())
    )
    for c in chips:
        for t in periods:
            prob += pulp.lpSum(x[c2, w, t] for c2, w, _ in eligible if c2 == c) <= (
                existing[c, t] + new[c, t])
    for wl in s.workloads:
        for t in periods:
            prob += pulp.lpSum(
                chips[c].peak_pflops * e * x[c, w, t] for c, w, e in eligible if w == wl.id
            ) + (short[wl.id, t] if short else 0) >= wl.demand[t]
    for c, chip in chips.items():
        if chip.supply is not None:
            for t in periods:
                prob += b[c, t] <= chip.supply[t]
    if s.budget.per_period is not None:
        for t in periods:
            prob += pulp.lpSum(chip.price[t] * b[c, t] for c, chip in chips.items()) <= (
                s.budget.per_period[t])
    if s.budget.total is not None:
        prob += total_spend <= s.budget.total
    if s.power_cap_kw is not None:
        for t in periods:
            prob += pulp.lpSum(
                chip.power_kw * (existing[c, t] + new[c, t]) for c, chip in chips.items()
            ) <= s.power_cap_kw[t]
    by_vendor = {v: pulp.lpSum(spend[c] for c, chip in chips.items() if chip.vendor == v)
                 for v in vendor}
    for v in s.vendors:
        cap = s.vendor_cap(v)
        if cap < 1:
            prob += by_vendor[v.id] <= cap * total_spend
    for k, share in s.limits.category_share.items():
        spend_k = pulp.lpSum(by_vendor[v] for v in vendor if vendor[v].category == k)
        if share.min is not None and share.min > 0:
            prob += spend_k >= share.min * total_spend
        if share.max is not None and share.max < 1:
            prob += spend_k <= share.max * total_spend
    rho = s.limits.max_weighted_risk
    if rho is not None and rho < 1:
        prob += pulp.lpSum(vendor[v].risk * by_vendor[v] for v in vendor) <= rho * total_spend
    delta = s.limits.outage_coverage
    if delta > 0:
        for v in vendor:
            for wl in s.workloads:
                for t in periods:
                    prob += pulp.lpSum(
                        chips[c].peak_pflops * e * x[c, w, t] for c, w, e in eligible
                        if w == wl.id and chips[c].vendor != v
                    ) >= delta * wl.demand[t]
    return prob


def pulp_solver(choice: str) -> tuple[Any, str]:
    import pulp

    if choice in ("auto", "highs"):
        highs = pulp.HiGHS(msg=False)
        if highs.available():
            return highs, "HiGHS (highspy) via PuLP"
        if choice == "highs":
            raise SystemExit("PuLP's HiGHS interface needs highspy, which is not installed")
    return pulp.PULP_CBC_CMD(msg=0), "CBC (bundled with PuLP)"


def run_pulp(size: tuple[int, int, int], seed: int, solver_choice: str) -> dict[str, Any]:
    import pulp

    scenario = generate(*size, seed=seed)
    solver, name = pulp_solver(solver_choice)
    start = time.perf_counter()
    prob = build_pulp(scenario)
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    prob.solve(solver)
    solve_s = time.perf_counter() - start
    status = pulp.LpStatus[prob.status]
    return {
        "solver": name, "build_s": build_s, "solve_s": solve_s, "status": status,
        "objective": pulp.value(prob.objective) if status == "Optimal" else None,
        "rows": len(prob.constraints), "columns": len(prob.variables()),
    }


# --- procure solve on the command line -----------------------------------------------------

def time_cli(size: tuple[int, int, int], seed: int, runs: int) -> dict[str, Any]:
    """Wall time of ``python -m procure.cli.main solve`` from process start to result file."""
    from procure.formats.scenario_json import write_scenario

    times: list[float] = []
    cpu: list[float] = []
    load = os.getloadavg()[0]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]))
    with tempfile.TemporaryDirectory(prefix="procure-bench-") as tmp:
        path = Path(tmp) / "scenario.json"
        write_scenario(generate(*size, seed=seed), path)
        for i in range(runs):
            out = Path(tmp) / f"result-{i}.json"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "procure.cli.main", "solve", str(path), "-o", str(out)],
                capture_output=True, text=True, cwd=tmp, env=env, check=False,
            )
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0 or not out.exists():
                last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
                return {"error": f"exit code {proc.returncode}: {last}"}
            times.append(elapsed)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {"median_s": statistics.median(times), "runs_s": times,
            "cpu_s": statistics.median(cpu), "load": load}


# --- tables --------------------------------------------------------------------------------

def _s(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 2**20:.1f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def timing_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    head = ["size", "rows", "columns", "nonzeros", "validate s", "index+build s",
            "HiGHS run() s", "scipy wrapper s", "extract s", "solve() total s",
            "overhead / run()", "linprog alone s", "(total-linprog)/linprog"]
    body = []
    for r in rows:
        st, m = r["stages"], r["model"]
        wrapper = st.get("solve_programme", 0.0) - r["run_s"]
        overhead = (r["total_s"] - r["run_s"]) / r["run_s"] if r["run_s"] > 0 else None
        vs_linprog = (r["total_s"] - r["linprog_s"]) / r["linprog_s"]
        body.append([
            "x".join(map(str, r["size"])), str(m["rows"]), str(m["columns"]), str(m["nonzeros"]),
            _s(st.get("validate")), _s(st.get("index", 0.0) + st.get("build", 0.0)),
            _s(r["run_s"]), _s(wrapper), _s(st.get("extract")), _s(r["total_s"]),
            _pct(overhead), _s(r["linprog_s"]), _pct(vs_linprog),
        ])
    return head, body


def memory_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """Memory per size; the marginal columns are (this - previous size) / (nnz difference)."""
    head = ["size", "nonzeros", "RSS before MB", "RSS growth in solve() MB", "bytes/nnz",
            "marginal bytes/nnz", "Python peak MB", "Python bytes/nnz",
            "Python marginal bytes/nnz", "peak RSS MB"]
    body = []
    prev: dict[str, Any] | None = None
    for r in rows:
        nnz = r["model"]["nonzeros"]
        growth, py = r.get("rss_growth"), r.get("python_peak")
        body.append([
            "x".join(map(str, r["size"])), str(nnz), _mb(r["rss_before"]), _mb(growth),
            _per(growth, nnz), _marginal(prev, r, "rss_growth"), _mb(py), _per(py, nnz),
            _marginal(prev, r, "python_peak"), _mb(r.get("peak_rss")),
        ])
        prev = r
    return head, body


def _per(value: float | None, nnz: int) -> str:
    return "n/a" if value is None else f"{value / nnz:.0f}"


def _marginal(prev: dict[str, Any] | None, r: dict[str, Any], key: str) -> str:
    if prev is None or prev.get(key) is None or r.get(key) is None:
        return ""
    d_nnz = r["model"]["nonzeros"] - prev["model"]["nonzeros"]
    return f"{(r[key] - prev[key]) / d_nnz:.0f}" if d_nnz > 0 else ""


def pulp_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    head = ["size", "PuLP rows", "PuLP build s", "PuLP solve s", "PuLP total s",
            "procure total s", "PuLP / procure", "objective (procure)", "rel. difference"]
    body = []
    for r in rows:
        p = r.get("pulp")
        label = "x".join(map(str, r["size"]))
        if p is None:
            body.append([label, "skipped (too slow; --pulp-max)", "", "", "",
                         _s(r["total_s"]), "", "", ""])
            continue
        pulp_total = p["build_s"] + p["solve_s"]
        body.append([
            label, str(p["rows"]), _s(p["build_s"]), _s(p["solve_s"]), _s(pulp_total),
            _s(r["total_s"]), f"{pulp_total / r['total_s']:.1f}x",
            f"{r['objective']:,.2f}" if r["objective"] is not None else "n/a",
            "n/a" if r.get("pulp_rel_diff") is None else f"{r['pulp_rel_diff']:.1e}",
        ])
    return head, body


def text_table(head: list[str], body: list[list[str]]) -> str:
    widths = [max(len(h), *(len(row[i]) for row in body)) for i, h in enumerate(head)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    return "\n".join(lines)


def markdown_table(head: list[str], body: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" ---: " for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def machine() -> str:
    import numpy
    import pulp
    import scipy
    from scipy.optimize._highspy import _core

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    highs = f"{_core.HIGHS_VERSION_MAJOR}.{_core.HIGHS_VERSION_MINOR}.{_core.HIGHS_VERSION_PATCH}"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} CPUs, load average at start {load}; Python "
            f"{platform.python_version()}, numpy {numpy.__version__}, scipy {scipy.__version__} "
            f"(HiGHS {highs}), PuLP {pulp.__version__}")


# --- main ----------------------------------------------------------------------------------

def checks(rows: list[dict[str, Any]], cli: dict[str, Any] | None) -> list[str]:
    """The requirement's targets and the correctness checks, one line each."""
    lines = []
    for r in rows:
        label = "x".join(map(str, r["size"]))
        if r["status"] != "optimal":
            lines.append(f"!! {label}: procure status {r['status']} (the generator must give "
                         "feasible scenarios)")
        lp_obj = r.get("linprog_objective")
        if r["objective"] is not None and lp_obj is not None:
            diff = abs(r["objective"] - lp_obj) / max(1.0, abs(lp_obj))
            if diff > OBJECTIVE_RTOL:
                lines.append(f"!! {label}: procure objective {r['objective']:,.2f} differs from "
                             f"linprog's {lp_obj:,.2f} by {diff:.1e} relative")
        p = r.get("pulp")
        if p is not None and (p["status"] != "Optimal" or r.get("pulp_rel_diff") is None
                              or r["pulp_rel_diff"] > OBJECTIVE_RTOL):
            lines.append(f"!! OBJECTIVE MISMATCH at {label}: PuLP ({p['solver']}) says "
                         f"{p['status']} {p['objective']}, procure {r['status']} "
                         f"{r['objective']} (relative difference {r.get('pulp_rel_diff')})")
        if volume(r["size"]) >= volume(parse_size("300x20x16")) and r["run_s"] > 0:
            overhead = (r["total_s"] - r["run_s"]) / r["run_s"]
            verdict = "ok" if overhead <= OVERHEAD_TARGET else "OVER TARGET"
            lines.append(f"{label}: overhead {100 * overhead:.1f}% of HiGHS's own solve "
                         f"(target <= {100 * OVERHEAD_TARGET:.0f}%): {verdict}")
    if cli is not None:
        if "error" in cli:
            lines.append(f"procure solve {CLI_SIZE}: not measured ({cli['error']})")
        else:
            verdict = "ok" if cli["median_s"] < CLI_TARGET_S else "OVER TARGET"
            lines.append(f"procure solve {CLI_SIZE}, process start to result file: median "
                         f"{cli['median_s']:.2f} s of {len(cli['runs_s'])} (CPU "
                         f"{cli['cpu_s']:.2f} s; 1-min load average {cli['load']:.2f} on "
                         f"{os.cpu_count()} CPUs; target < {CLI_TARGET_S:.0f} s on 2 cores): "
                         f"{verdict}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES),
                        help="comma-separated CHIPSxWORKLOADSxPERIODS (default: %(default)s)")
    parser.add_argument("--pulp-max", default=DEFAULT_PULP_MAX,
                        help="largest size to also solve with PuLP, or 'none' (default: "
                             "%(default)s)")
    parser.add_argument("--pulp-solver", choices=("auto", "cbc", "highs"), default="auto",
                        help="auto: HiGHS through PuLP if highspy is installed, else CBC")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-python-peak", action="store_true",
                        help="skip the tracemalloc pass (it costs one more solve per size)")
    parser.add_argument("--no-cli", action="store_true", help="skip the `procure solve` timing")
    parser.add_argument("--write", action="store_true",
                        help=f"also write {RESULTS.relative_to(REPO)}")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(measure_size(parse_size(args.child), args.seed,
                                      not args.no_python_peak)))
        return 0

    sizes = [parse_size(s) for s in args.sizes.split(",") if s]
    pulp_max = 0 if args.pulp_max.lower() == "none" else volume(parse_size(args.pulp_max))
    about = machine()
    started = dt.datetime.now().astimezone()
    print(about, flush=True)
    rows = []
    for size in sizes:
        label = "x".join(map(str, size))
        print(f"{label}: measuring in a fresh process ...", flush=True)
        r = run_child(size, args.seed, not args.no_python_peak)
        print(f"  {r['model']['nonzeros']} nonzeros, solve() {r['total_s']:.3f} s, of which "
              f"HiGHS run() {r['run_s']:.3f} s; binding: {r['binding']}", flush=True)
        if volume(size) <= pulp_max:
            print(f"{label}: PuLP ...", flush=True)
            r["pulp"] = p = run_pulp(size, args.seed, args.pulp_solver)
            if p["objective"] is not None and r["objective"] is not None:
                r["pulp_rel_diff"] = abs(p["objective"] - r["objective"]) / max(
                    1.0, abs(r["objective"]))
            print(f"  {p['solver']}: build {p['build_s']:.2f} s, solve {p['solve_s']:.2f} s, "
                  f"{p['status']}", flush=True)
        rows.append(r)
    cli = None
    if not args.no_cli:
        print(f"procure solve {CLI_SIZE} ...", flush=True)
        cli = time_cli(parse_size(CLI_SIZE), args.seed, CLI_RUNS)

    tables = [("Time (seconds)", *timing_table(rows)), ("Memory", *memory_table(rows)),
              ("Against a straightforward PuLP model", *pulp_table(rows))]
    notes = checks(rows, cli)
    print()
    for title, head, body in tables:
        print(title)
        print(text_table(head, body))
        print()
    print("\n".join(notes))

    if args.write:
        solver = next((r["pulp"]["solver"] for r in rows if r.get("pulp")), "none")
        md = [
            "# Optimiser benchmark",
            "",
            f"Run {started:%Y-%m-%d %H:%M %Z}: `.venv/bin/python benchmarks/bench_optimiser.py"
            + "".join(f" {a}" for a in (sys.argv[1:] if argv is None else argv)) + "`.",
            "",
            f"Machine: {about}. PuLP solver: {solver}. Seed {args.seed}.",
            "",
        ]
        for title, head, body in tables:
            md += [f"## {title}", "", markdown_table(head, body), ""]
        md += ["## Checks", "", *(f"* {n}" for n in notes), ""]
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text("\n".join(md), encoding="utf-8")
        print(f"\nwrote {RESULTS.relative_to(REPO)}")
    return 1 if any(n.startswith("!!") for n in notes) else 0


if __name__ == "__main__":
    sys.exit(main())
