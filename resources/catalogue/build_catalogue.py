"""Regenerate ``accelerators.json`` from the reference CSV (standard library only).

Usage::

    python resources/catalogue/build_catalogue.py path/to/accelerators.csv [-o out.json]

The CSV is the team's reference table (27 rows; columns ``vendor, category,
model, year, bf16_dense_tflops, fp8_dense_tflops, int8_tops, memory_gb,
memory_type, mem_bw_tbps, tdp_w, approx_unit_price_usd, price_note, source``).
Every row becomes one catalogue entry. Empty cells stay ``null``: no figure is
ever filled in here. The CSV has no confidence column, so the tags of the
"Conf." column of market-and-tools.md, section 1, are copied into
``CONFIDENCE_TAGS`` below, keyed by (vendor, model) exactly as the CSV spells
them. The output keeps the CSV's row order and a fixed layout, so a re-run on the
same CSV gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

FORMAT = "procure-catalogue/1"
RETRIEVED = "2026-11-28"
SOURCE = (
    "Procure reference data: accelerators.csv (27 rows) and market-and-tools.md, "
    "section 1 'Accelerator data table' (Conf. column), retrieved 2026-11-28"
)
NOTES = (
    "Units: bf16_dense_tflops and fp8_dense_tflops in TFLOPS and int8_tops in TOPS, all dense "
    "(no 2:4 sparsity); where a source quotes only FP16 the figure sits in the BF16 column "
    "(flagged in sources); memory_gb in GB; mem_bw_tbps in TB/s; tdp_w in W; price_usd is an "
    "approximate unit price of the accelerator alone in US dollars, {low, high} from a "
    "'low-high' range (one figure gives low = high), null when no price was found. "
    "Empty reference cells are null: no figure is invented. "
    "confidence: {tag, compute, price}. 'tag' is the Conf. cell of market-and-tools.md "
    "section 1 verbatim (null where that table shows '-'). 'compute' applies to every "
    "technical figure (compute, memory, bandwidth, TDP) and 'price' to price_usd; each is "
    "'V' (vendor datasheet or several independent reports agree), 'P' (one press/analyst "
    "report) or 'L' (low confidence, unverified or conflicting), and null when the entry "
    "has no figure in that group. Rules: 'X (price Y)' gives compute X, price Y; a compound "
    "tag 'X/Y' is read conservatively as the lower grade Y; a figure marked [L] in the table "
    "lowers its group to L. sources: the CSV source cell split on ' ; '; a trailing "
    "' | ...' is a remark of the reference table kept with the last source. "
    "Regenerate with build_catalogue.py (same folder) from the CSV."
)

# (vendor, model) -> (Conf. cell of market-and-tools.md section 1, compute, price).
# compute/price are given here only for the figure groups the table grades
# separately; the others follow from the tag (see NOTES). None = no tag ("-").
CONFIDENCE_TAGS: dict[tuple[str, str], tuple[str | None, str | None, str | None]] = {
    ("Nvidia", "H100 SXM"): ("V (price P)", "V", "P"),
    ("Nvidia", "H200 SXM"): ("V (price P)", "V", "P"),
    ("Nvidia", "H20"): ("V (price P)", "V", "P"),
    ("Nvidia", "B200 (HGX, 1000 W)"): ("V (price P)", "V", "P"),
    ("Nvidia", "B30A (China Blackwell, reported)"): ("L", "L", "L"),
    # memory 84 GB and ~420 W are marked [L]; the price range is a rumour.
    ("Nvidia", "RTX Pro 6000D (B40)"): ("L", "L", "L"),
    # BF16 figure is a press FP16 figure; bandwidth/TDP conflicting and not recorded.
    ("Huawei", "Ascend 910B"): ("P/L", "L", "L"),
    ("Huawei", "Ascend 910C"): ("P", "P", "P"),
    ("Huawei", "Ascend 950PR (roadmap)"): ("P", "P", "L"),
    ("Huawei", "Ascend 950DT (roadmap)"): ("P", "P", "P"),
    ("Huawei", "Ascend 960 (roadmap)"): ("P", "P", "P"),
    ("Cambricon", "MLU370-X8"): ("P (launch data)", "P", "P"),
    ("Cambricon", "MLU590 (Siyuan 590)"): ("L", "L", "L"),
    ("Cambricon", "MLU690"): ("L", "L", "L"),
    ("Baidu Kunlunxin", "P800"): ("L", "L", "L"),
    ("Enflame (Tencent-backed)", "S60"): (None, None, None),
    ("Enflame (Tencent-backed)", "L600"): (None, None, None),
    ("Iluvatar CoreX", "Tiangai 100 (BI)"): ("P", "P", "P"),
    ("Iluvatar CoreX", "Tiangai 150 (BI-V150)"): (None, None, None),
    ("Hygon", "DCU K100 (K100-AI)"): (None, None, None),
    ("Hygon", "BW1000"): (None, None, None),
    ("MetaX", "Xiyun C500"): ("P", "P", "P"),
    ("MetaX", "Xiyun C600"): ("P", "P", "P"),
    ("Moore Threads", "MTT S4000"): ("P", "P", "P"),
    ("Moore Threads", "MTT S5000"): ("L", "L", "L"),
    ("Alibaba T-Head", "PPU (Zhenwu)"): ("P", "P", "P"),
    ("ByteDance", "SeedChip (inference ASIC)"): ("P", "P", "P"),
}

SPEC_FIELDS = (
    "bf16_dense_tflops",
    "fp8_dense_tflops",
    "int8_tops",
    "memory_gb",
    "memory_type",
    "mem_bw_tbps",
    "tdp_w",
)

_PRICE_RANGE = re.compile(r"^\s*([0-9][0-9,.]*)\s*(?:-\s*([0-9][0-9,.]*)\s*)?$")


def slug(text: str) -> str:
    """Lower-case ASCII slug; parenthesised qualifiers are dropped ("B200 (HGX)" -> "b200")."""
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^a-z0-9]+", "-", text.lower())
    return text.strip("-")


def number(cell: str) -> int | float | None:
    """A figure from a cell: int when whole, float otherwise, None when empty."""
    cell = cell.strip()
    if not cell:
        return None
    value = float(cell)
    return int(value) if value.is_integer() else value


def price_range(cell: str) -> dict[str, int | float] | None:
    """'25000-30000' -> {'low': 25000, 'high': 30000}; '27000' -> low = high; '' -> None."""
    if not cell.strip():
        return None
    match = _PRICE_RANGE.match(cell)
    if match is None:
        raise ValueError(f"cannot read price {cell!r}")
    low = number(match.group(1).replace(",", ""))
    high = number((match.group(2) or match.group(1)).replace(",", ""))
    if low is None or high is None or low > high:
        raise ValueError(f"bad price range {cell!r}")
    return {"low": low, "high": high}


def text_or_none(cell: str) -> str | None:
    cell = cell.strip()
    return cell or None


def confidence(row: dict[str, str], entry: dict[str, object]) -> dict[str, str | None]:
    key = (row["vendor"].strip(), row["model"].strip())
    if key not in CONFIDENCE_TAGS:
        raise KeyError(f"no confidence tag for {key}: add it to CONFIDENCE_TAGS")
    tag, compute, price = CONFIDENCE_TAGS[key]
    has_specs = any(entry[field] is not None for field in SPEC_FIELDS)
    return {
        "tag": tag,
        "compute": compute if has_specs else None,
        "price": price if entry["price_usd"] is not None else None,
    }


def entry_from_row(row: dict[str, str]) -> dict[str, object]:
    """One catalogue entry from one CSV row (fields in the order of the CSV)."""
    vendor = row["vendor"].strip()
    model = row["model"].strip()
    year = number(row["year"])
    entry: dict[str, object] = {
        "id": f"{slug(vendor)}-{slug(model)}",
        "vendor": vendor,
        "vendor_id": slug(vendor),
        "category": row["category"].strip(),
        "model": model,
        "year": int(year) if year is not None else None,
        "bf16_dense_tflops": number(row["bf16_dense_tflops"]),
        "fp8_dense_tflops": number(row["fp8_dense_tflops"]),
        "int8_tops": number(row["int8_tops"]),
        "memory_gb": number(row["memory_gb"]),
        "memory_type": text_or_none(row["memory_type"]),
        "mem_bw_tbps": number(row["mem_bw_tbps"]),
        "tdp_w": number(row["tdp_w"]),
        "price_usd": price_range(row["approx_unit_price_usd"]),
        "price_note": text_or_none(row["price_note"]),
        "sources": [s.strip() for s in row["source"].split(" ; ") if s.strip()],
    }
    entry["confidence"] = confidence(row, entry)
    return entry


def build(csv_path: Path) -> dict[str, object]:
    """The whole catalogue document for the CSV at ``csv_path``."""
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    entries = [entry_from_row(row) for row in rows]
    ids = [e["id"] for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate catalogue ids: {duplicates}")
    if any(":" in str(i) for i in ids):
        raise ValueError("catalogue ids must not contain ':'")
    return {
        "header": {
            "format": FORMAT,
            "source": SOURCE,
            "retrieved": RETRIEVED,
            "notes": NOTES,
        },
        "accelerators": entries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, help="path to accelerators.csv")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).with_name("accelerators.json"),
        help="output file (default: accelerators.json next to this script)",
    )
    args = parser.parse_args(argv)
    catalogue = build(args.csv)
    text = json.dumps(catalogue, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(catalogue['accelerators'])} accelerators to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
