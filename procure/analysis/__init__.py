"""Scenario analysis: variants, stress tests, comparison, trade-off curves, Monte Carlo.

Every analysis is a pure function of its inputs with ``progress(percent, message)``
and ``should_stop()`` callables, so the GUI can run it in a worker with Cancel:

* :mod:`~procure.analysis.overrides` and :mod:`~procure.analysis.variants`: changes
  of a base plan as data, stored under the scenario's ``x.procure.variants``;
* :mod:`~procure.analysis.templates`: the market's shocks as parameterised forms;
* :mod:`~procure.analysis.stress`: re-plan and hold answers to a shock;
* :mod:`~procure.analysis.compare`: side-by-side rows of any set of plans;
* :mod:`~procure.analysis.tradeoff`: cost against one limit (the function ``sweep``; the
  module is not called ``sweep``, or importing it would hide the function);
* :mod:`~procure.analysis.montecarlo`: shortfall risk under vendor disruptions;
* their charts and workbook sheets are files, so they live with the exports
  (:mod:`procure.exports.analysis_charts`, :mod:`procure.exports.analysis_sheets`):
  the analyses never import the exports.

The public names are re-exported here and loaded on first use, so importing the
package costs nothing until an analysis runs.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "Override": "overrides", "apply_overrides": "overrides",
    "Variant": "variants", "apply_variant": "variants", "stress_case": "variants",
    "variants_of": "variants", "with_variants": "variants", "find_variant": "variants",
    "put_variant": "variants", "drop_variant": "variants", "free_name": "variants",
    "TEMPLATES": "templates", "parse_template": "templates", "template_fields": "templates",
    "template_from_data": "templates",
    "StressOptions": "stress", "StressOutcome": "stress", "Answer": "stress",
    "run_stress": "stress", "run_stresses": "stress", "memo_variants": "stress",
    "Comparison": "compare", "comparison_of": "compare", "compare_scenarios": "compare",
    "SweepLimit": "tradeoff", "SweepResult": "tradeoff", "sweep": "tradeoff",
    "grid": "tradeoff", "default_values": "tradeoff", "sweep_limits": "tradeoff",
    "DisruptionModel": "montecarlo", "SimulationResult": "montecarlo",
    "disruption_model": "montecarlo", "simulate": "montecarlo",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"procure.analysis.{_HOMES[name]}"), name)
    raise AttributeError(name)
