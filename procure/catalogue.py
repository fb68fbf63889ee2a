"""The shipped accelerator catalogue, and how its entries become a plan's chips.

The catalogue (``resources/catalogue/accelerators.json``, format
``procure-catalogue/1``) describes the accelerator alone in its own units:
TFLOPS, watts, a US-dollar price range, with ``null`` where no figure was found.
A plan needs PFLOP/s, kW per unit *with its server share*, and a price per
period in the plan's currency. The conversion takes two assumptions (exchange
rate, power overhead) and fills what the catalogue lacks with zeros, so it
returns, next to the vendors and chips, every assumption it made as data: the
GUI can show them, and a test can check them. Plain Python, no Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procure.domain.model import Chip, Scenario, Vendor
from procure.resources import catalogue_path

Entry = Mapping[str, Any]

DEFAULT_RATE = 7.2  # plan currency per US$, the demo plan's assumption
DEFAULT_OVERHEAD = 1.5  # server, network and cooling share per accelerator watt
DEFAULT_CATEGORY = "imported"


def load_catalogue(path: Path | None = None) -> list[dict[str, Any]]:
    """The catalogue's accelerators (the shipped file unless ``path`` is given).

    Raises ``OSError`` or ``ValueError`` (bad JSON) for a file that cannot be read;
    callers that can do without the catalogue catch them.
    """
    data = json.loads((path or catalogue_path()).read_text(encoding="utf-8"))
    return list(data.get("accelerators", []))


def mid_price_usd(entry: Entry) -> float | None:
    """The middle of the entry's US$ price range; None when the catalogue has no price."""
    price = entry.get("price_usd") or {}
    low, high = price.get("low"), price.get("high")
    if low is None or high is None:
        return None
    return (low + high) / 2


@dataclass(frozen=True)
class Assumption:
    """One rule or default the conversion applied, with the figure it used.

    ``key`` names the kind: ``peak``, ``power``, ``price`` and ``not_in_catalogue``
    apply to every chip (``chip`` is None); ``missing_peak``, ``missing_power``,
    ``missing_price``, ``default_category`` and ``renamed`` concern one chip (or, for
    ``default_category``, one new vendor) named by ``chip``. ``text`` says it in
    English for logs and notes; the GUI words the general rules itself.
    """

    key: str
    value: float | str | None
    text: str
    chip: str | None = None


@dataclass(frozen=True)
class CatalogueChips:
    """What adding catalogue entries to a plan means: new vendors, new chips, assumptions."""

    vendors: tuple[Vendor, ...]
    chips: tuple[Chip, ...]
    assumptions: tuple[Assumption, ...]


def chips_from_entries(
    entries: Iterable[Entry],
    scenario: Scenario,
    rate: float = DEFAULT_RATE,
    overhead: float = DEFAULT_OVERHEAD,
) -> CatalogueChips:
    """New vendors (those the plan lacks) and chips for the chosen catalogue entries.

    Chip ids stay unique against the plan's chips and each other (``id-2``,
    ``id-3``...). Prices are the middle of the US$ range x ``rate``, the same in
    every period; power per unit is TDP x ``overhead``; peak PFLOP/s is BF16 dense
    TFLOPS / 1000. A figure the catalogue lacks becomes 0 and is listed among the
    assumptions, so the planner is told which chips need it typed in.
    """
    vendor_ids = {v.id for v in scenario.vendors}
    chip_ids = {c.id for c in scenario.chips}
    vendors: list[Vendor] = []
    chips: list[Chip] = []
    notes: list[Assumption] = []
    n = len(scenario.periods)
    currency = scenario.currency_code
    for entry in entries:
        vendor_id = str(entry.get("vendor_id") or entry.get("vendor") or "vendor")
        if vendor_id not in vendor_ids:
            vendor_ids.add(vendor_id)
            category = entry.get("category")
            if not category:
                notes.append(Assumption(
                    "default_category", DEFAULT_CATEGORY,
                    f"vendor {vendor_id} has no category in the catalogue: "
                    f"{DEFAULT_CATEGORY}", vendor_id))
            vendors.append(Vendor(vendor_id, str(category or DEFAULT_CATEGORY),
                                  name=entry.get("vendor")))
        wanted = str(entry.get("id") or entry.get("model") or "chip")
        chip_id, k = wanted, 2
        while chip_id in chip_ids:
            chip_id, k = f"{wanted}-{k}", k + 1
        chip_ids.add(chip_id)
        if chip_id != wanted:
            notes.append(Assumption("renamed", chip_id,
                                    f"the plan already has a chip {wanted}: added as {chip_id}",
                                    chip_id))
        notes += _missing(entry, chip_id)
        mid = mid_price_usd(entry)
        memory = entry.get("memory_gb")
        chips.append(Chip(
            id=chip_id, vendor=vendor_id,
            name=f"{entry.get('vendor', '')} {entry.get('model', '')}".strip(),
            peak_pflops=float(entry.get("bf16_dense_tflops") or 0.0) / 1000,
            price=(float(round((mid or 0.0) * rate)),) * n,
            power_kw=float(entry.get("tdp_w") or 0.0) / 1000 * overhead,
            memory_gb=float(memory) if memory is not None else None,
            x={"catalogue_id": entry.get("id"), "assumption":
               f"price = catalogue mid US$ x {rate}; power = TDP x {overhead}"},
        ))
    rules = (
        Assumption("peak", 1000.0, "peak PFLOP/s = BF16 dense TFLOPS / 1000"),
        Assumption("power", overhead,
                   f"power per unit = TDP x {overhead} (server, network and cooling share)"),
        Assumption("price", rate, f"price = middle of the catalogue's US$ range x {rate} "
                                  f"{currency}/US$, the same in every period"),
        Assumption("not_in_catalogue", None,
                   "supply unlimited, lead time 0, lot size 1, in service to the end of the "
                   "plan, and no efficiencies (no workload runs on the chip yet): set them "
                   "in the plan"),
    )
    assumptions = (*rules, *notes) if chips else ()
    return CatalogueChips(tuple(vendors), tuple(chips), assumptions)


def _missing(entry: Entry, chip_id: str) -> list[Assumption]:
    """The figures this entry lacks, each set to 0 in the chip."""
    out = []
    if not entry.get("bf16_dense_tflops"):
        out.append(Assumption("missing_peak", 0.0,
                              "no BF16 figure in the catalogue: peak set to 0", chip_id))
    if not entry.get("tdp_w"):
        out.append(Assumption("missing_power", 0.0,
                              "no TDP in the catalogue: power set to 0", chip_id))
    if mid_price_usd(entry) is None:
        out.append(Assumption("missing_price", 0.0,
                              "no price in the catalogue: price set to 0", chip_id))
    return out
