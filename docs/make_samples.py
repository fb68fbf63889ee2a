"""Regenerate the sample exports under docs/samples/ from the shipped demo plan.

    .venv/bin/python docs/make_samples.py

Solves ``resources/demo/demo-plan.json`` and two variants of it (no imported
chips; a tighter risk limit), then writes the workbook, the memo in English
and in Chinese, and a PNG of the English memo's first page for the README
(the PNG needs ``pdftoppm`` from poppler-utils). Dates are fixed so that a
rerun changes the samples only when the plan or the exports change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from procure.domain.model import CategoryShare, Scenario  # noqa: E402
from procure.exports import write_memo, write_workbook  # noqa: E402
from procure.formats.scenario_json import read_scenario  # noqa: E402
from procure.optimiser import solve  # noqa: E402

DEMO = REPO / "resources" / "demo" / "demo-plan.json"
OUT = REPO / "docs" / "samples"
SOLVED_AT = dt.datetime(2026, 11, 30, 9, 0)
MEMO_DATE = dt.date(2026, 12, 1)


def _variant_no_imports(s: Scenario) -> Scenario:
    shares = {**s.limits.category_share, "imported": CategoryShare(max=0.0)}
    return dataclasses.replace(s, limits=dataclasses.replace(s.limits, category_share=shares))


def _variant_tighter_risk(s: Scenario) -> Scenario:
    return dataclasses.replace(s, limits=dataclasses.replace(s.limits, max_weighted_risk=0.42))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    scenario = read_scenario(DEMO)
    result = solve(scenario)
    variants = [
        ("No imported chips", solve(_variant_no_imports(scenario))),
        ("Weighted risk at most 0.42", solve(_variant_tighter_risk(scenario))),
    ]
    source = "resources/demo/demo-plan.json"
    write_workbook(
        scenario,
        result,
        OUT / "demo-plan.xlsx",
        source=source,
        solved_at=SOLVED_AT,
        exported_at=SOLVED_AT,
    )
    common = {
        "source": source,
        "solved_at": SOLVED_AT,
        "date": MEMO_DATE,
        "variants": variants,
        "reproducible": True,
    }
    write_memo(
        scenario,
        result,
        OUT / "demo-memo.pdf",
        to="Hardware investment committee",
        sender="Hardware planning team",
        **common,
    )
    write_memo(
        scenario,
        result,
        OUT / "demo-memo-zh.pdf",
        language="zh",
        to="硬件投资委员会",
        sender="硬件规划组",
        **common,
    )
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.stderr.write("pdftoppm not found: the README image was not regenerated\n")
    else:
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(OUT / "demo-memo.pdf"),
                str(OUT / "demo-memo-page1"),
            ],
            check=True,
        )
    for path in sorted(OUT.iterdir()):
        sys.stdout.write(f"{path.relative_to(REPO)}  {path.stat().st_size / 1024:.0f} KiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
