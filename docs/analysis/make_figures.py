"""Regenerate the scenario-analysis figures under docs/analysis/ from the shipped demo plan.

    .venv/bin/python docs/analysis/make_figures.py

Writes, for the README and docs/analysis.md: the trade-off curve of the weighted-risk
cap, the stress comparison of the demo's shocks and the Monte Carlo histogram, each as
SVG and PNG. The PNG is rendered from a PDF of the same drawing by ``pdftoppm``
(poppler-utils), so no raster backend for reportlab is needed; without pdftoppm only
the SVGs are written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from procure.analysis.compare import comparison_of  # noqa: E402
from procure.analysis.montecarlo import simulate  # noqa: E402
from procure.analysis.stress import run_stresses  # noqa: E402
from procure.analysis.templates import parse_template  # noqa: E402
from procure.analysis.tradeoff import SweepLimit, sweep  # noqa: E402
from procure.analysis.variants import Variant  # noqa: E402
from procure.exports.analysis_charts import (  # noqa: E402
    comparison_chart,
    histogram_chart,
    save_drawing,
    tradeoff_chart,
)
from procure.formats.scenario_json import read_scenario  # noqa: E402
from procure.optimiser import solve  # noqa: E402
from procure.resources import demo_plan_path  # noqa: E402

OUT = REPO / "docs" / "analysis"
SHOCKS = (
    "export-licence:start=2026Q3",
    "licence-fee:start=2026Q3,fee=0.25,volume_share=0.5",
    "supplier-exit:vendor=cambricon,start=2026Q4,support_quarters=2",
    "slip:quarters=2",
    "hbm-shortage:start=2026Q3,cut=0.3",
    "price-shock:start=2026Q3,vendors=nvidia,change=0.3",
)


def _write(drawing: object, stem: str) -> None:
    save_drawing(drawing, OUT / f"{stem}.svg")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.stderr.write(f"pdftoppm not found: {stem}.png not regenerated\n")
        return
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{stem}.pdf"
        save_drawing(drawing, pdf)
        subprocess.run([pdftoppm, "-png", "-r", "144", "-singlefile", str(pdf),
                        str(OUT / stem)], check=True)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    scenario = read_scenario(demo_plan_path())
    base = solve(scenario)
    _write(tradeoff_chart(sweep(scenario, SweepLimit.parse("weighted_risk"), base_result=base)),
           "tradeoff-weighted-risk")
    _write(tradeoff_chart(sweep(scenario, SweepLimit.parse("category_max:imported"),
                                base_result=base)), "tradeoff-imported-share")
    variants = [Variant(parse_template(s).label(scenario), stress=parse_template(s))
                for s in SHOCKS]
    outcomes = run_stresses(scenario, variants, base)
    comparison = comparison_of(outcomes, scenario.currency_code)
    _write(comparison_chart(comparison), "stress-comparison")
    (OUT / "stress-comparison.txt").write_text(comparison.table(), encoding="utf-8")
    _write(histogram_chart(simulate(scenario, base, futures=1000, seed=0)), "montecarlo-outage")
    for path in sorted(OUT.iterdir()):
        sys.stdout.write(f"{path.relative_to(REPO)}  {path.stat().st_size / 1024:.0f} KiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
