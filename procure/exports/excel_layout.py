"""The workbook layout that export, template and import share.

One declaration of every input sheet (name, header row, what each column
holds) is what makes export -> import lossless: the writer lays cells out from
these tables and the reader checks the header row and each cell against the
same tables, so the two can never drift apart. Result sheets are written only;
their names live here too so the importer can tell them from unknown sheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Result sheets (written, never read back).
SUMMARY = "Summary"
PURCHASES = "Purchases"
SPEND_BY_CHIP = "Spend by chip"
SPEND = "Spend"
ASSIGNMENT = "Assignment"
CAPACITY = "Capacity"
IN_SERVICE = "In service"
CONSTRAINTS = "Constraints"
DIAGNOSIS = "Diagnosis"
ABOUT = "About"

# Input sheets (written and read back).
SCENARIO = "Scenario"
PERIODS = "Periods"
VENDORS = "Vendors"
CHIPS = "Chips"
PRICES = "Prices"
SUPPLY = "Supply"
WORKLOADS = "Workloads"
DEMAND = "Demand"
EFFICIENCY = "Efficiency"
FLEET = "Fleet"
CATEGORY_LIMITS = "Category limits"

INPUT_SHEETS = (
    SCENARIO,
    PERIODS,
    VENDORS,
    CHIPS,
    PRICES,
    SUPPLY,
    WORKLOADS,
    DEMAND,
    EFFICIENCY,
    FLEET,
    CATEGORY_LIMITS,
)

Kind = Literal["text", "number", "whole", "json", "bool"]

# Number formats, named by what they show rather than by Excel's codes.
FMT_MONEY = "#,##0;[Red]-#,##0"
FMT_MONEY_EXACT = "#,##0.00;[Red]-#,##0.00"
FMT_UNITS = "#,##0.0"
FMT_PFLOPS = "#,##0.00"
FMT_PERCENT = "0.0%"
FMT_RATIO = "0.000"
# Limits, shares and scores a planner types keep the digits they were typed with (at least
# three significant ones): 43.5%, 43.51%; 0.435, 0.4351 (as procure.wording says them).
FMT_LIMIT_PERCENT = "0.0##%"
FMT_LIMIT_RATIO = "0.000###"
FMT_PLAIN = "General"


@dataclass(frozen=True)
class Column:
    """One column of a record sheet: the field it maps to and how its cells read."""

    key: str
    header: str
    kind: Kind
    width: float = 14.0
    fmt: str = FMT_PLAIN
    required: bool = False
    note: str = ""


@dataclass(frozen=True)
class RecordSheet:
    """A sheet with a header row and one record per row (vendors, chips, ...)."""

    name: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


_X = Column("x", "Extensions (JSON)", "json", 22, note="free-form JSON object, kept verbatim")

VENDOR_SHEET = RecordSheet(
    VENDORS,
    (
        Column("id", "ID", "text", 14, required=True),
        Column("name", "Name", "text", 24),
        Column("category", "Category", "text", 14, required=True),
        Column("risk", "Risk (0-1)", "number", 11, FMT_LIMIT_RATIO),
        Column("max_share", "Max share", "number", 11, FMT_LIMIT_PERCENT,
               note="blank: the global cap"),
        _X,
    ),
)

CHIP_SHEET = RecordSheet(
    CHIPS,
    (
        Column("id", "ID", "text", 14, required=True),
        Column("vendor", "Vendor", "text", 14, required=True),
        Column("name", "Name", "text", 24),
        Column("peak_pflops", "Peak PFLOP/s", "number", 13, "0.000", required=True),
        Column("memory_gb", "Memory (GB)", "number", 12, "#,##0"),
        Column("power_kw", "Power (kW)", "number", 11, "0.00"),
        Column("lead_time", "Lead time (periods)", "whole", 12, "0"),
        Column(
            "lifetime", "Lifetime (periods)", "whole", 12, "0", note="blank: beyond the horizon"
        ),
        Column("lot_size", "Lot size", "whole", 10, "0"),
        _X,
    ),
)

WORKLOAD_SHEET = RecordSheet(
    WORKLOADS,
    (
        Column("id", "ID", "text", 14, required=True),
        Column("name", "Name", "text", 30),
        _X,
    ),
)

EFFICIENCY_SHEET = RecordSheet(
    EFFICIENCY,
    (
        Column("workload", "Workload", "text", 16, required=True),
        Column("chip", "Chip", "text", 16, required=True),
        Column("efficiency", "Efficiency (0-1)", "number", 14, "0.00", required=True),
    ),
)

FLEET_SHEET = RecordSheet(
    FLEET,
    (
        Column("chip", "Chip", "text", 16, required=True),
        Column("units", "Units", "number", 12, FMT_UNITS, required=True),
        Column("retire_after", "Retire after", "text", 14, note="blank: stays through the horizon"),
        _X,
    ),
)

CATEGORY_SHEET = RecordSheet(
    CATEGORY_LIMITS,
    (
        Column("category", "Category", "text", 16, required=True),
        Column("min", "Min share", "number", 11, FMT_LIMIT_PERCENT),
        Column("max", "Max share", "number", 11, FMT_LIMIT_PERCENT),
        _X,
    ),
)

PERIOD_SHEET = RecordSheet(
    PERIODS,
    (
        Column("period", "Period", "text", 12, required=True),
        Column("hours", "Hours", "number", 10, "#,##0"),
        Column("energy_price", "Energy price (per kWh)", "number", 14, "0.000"),
        Column("pue", "PUE", "number", 8, "0.00"),
        Column("budget", "Capital budget", "number", 16, FMT_MONEY),
        Column("power_cap_kw", "Power cap (kW)", "number", 14, "#,##0"),
    ),
)
"""Per-period scalars: each column is filled for every period or left empty."""


@dataclass(frozen=True)
class WideSheet:
    """A sheet with one row per entity and one column per period (prices, supply, demand)."""

    name: str
    key_header: str
    fmt: str
    every_entity: bool  # True: each chip / workload needs a row; False: rows are optional


PRICE_SHEET = WideSheet(PRICES, "Chip", FMT_MONEY, every_entity=True)
SUPPLY_SHEET = WideSheet(SUPPLY, "Chip", "#,##0", every_entity=False)
DEMAND_SHEET = WideSheet(DEMAND, "Workload", FMT_PFLOPS, every_entity=True)


@dataclass(frozen=True)
class Field:
    """One row of the key/value Scenario sheet."""

    key: str
    kind: Kind
    fmt: str = FMT_PLAIN
    note: str = ""


SCENARIO_FIELDS = (
    Field("format", "text", note="always procure-scenario/1"),
    Field("name", "text", note="the plan's name"),
    Field("currency", "text", note="blank: CNY"),
    Field("integer", "bool", note="TRUE: whole lots only (integer mode)"),
    Field("shortfall_penalty", "number", FMT_MONEY, "blank: demand is a hard constraint"),
    Field("budget.total", "number", FMT_MONEY, "blank: no total budget"),
    Field("limits.vendor_max_share", "number", FMT_LIMIT_PERCENT, "blank: no global vendor cap"),
    Field("limits.max_weighted_risk", "number", FMT_LIMIT_RATIO, "blank: no risk limit"),
    Field(
        "limits.outage_coverage", "number", FMT_LIMIT_PERCENT,
        "share of demand kept if a vendor fails",
    ),
    Field("x", "json", note="extensions of the scenario (JSON)"),
    Field("budget.x", "json", note="extensions of the budget (JSON)"),
    Field("limits.x", "json", note="extensions of the limits (JSON)"),
)
SCENARIO_HEADERS = ("Field", "Value", "Meaning")

UNSAFE_TEXT_PREFIXES = ("=", "+", "-", "@")
"""Text starting with these would be taken for a formula if typed into a spreadsheet."""
