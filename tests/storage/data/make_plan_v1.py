"""Make ``plan-v1.procure``: a plan file as Procure wrote it with schema revision 0001.

Run once (``.venv/bin/python tests/storage/data/make_plan_v1.py``); the file is kept
in the repository as the fixture of the migration tests, so that they always test
an upgrade from a real old file rather than from whatever the current code writes.
The rows are written with plain SQL in the 0001 layout, and the scenario they hold
is written next to it as ``plan-v1.expected.json``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from procure.storage import migrate
from procure.storage.store import Store, sqlite_engine

HERE = Path(__file__).parent
TARGET = HERE / "plan-v1.procure"
NOW = "2026-01-15 09:30:00.000000"

EXPECTED = {
    "format": "procure-scenario/1",
    "name": "二〇二六年 算力采购计划",
    "currency": "CNY",
    "periods": ["2026Q1", "2026Q2", "2026Q3"],
    "hours": 2190,
    "pue": [1.3, 1.25, 1.2],
    "vendors": [
        {"id": "nvidia", "name": "英伟达", "category": "imported", "risk": 0.7, "max_share": 0.5},
        {"id": "huawei", "name": "华为昇腾", "category": "domestic", "risk": 0.3,
         "x": {"contact": "采购部", "tags": ["a", 1]}},
    ],
    "chips": [
        {"id": "h20", "vendor": "nvidia", "name": "H20", "peak_pflops": 0.148, "memory_gb": 96,
         "power_kw": 0.6, "price": [95000, 94000.5, 93000], "supply": [2000, 0, 0],
         "lead_time": 1, "lot_size": 8},
        {"id": "910c", "vendor": "huawei", "peak_pflops": 0.78, "price": 180000,
         "lifetime": 12},
    ],
    "workloads": [
        {"id": "infer", "name": "推理", "demand": [100, 150.25, 220],
         "efficiency": {"910c": 0.35, "h20": 0.45}},
    ],
    "fleet": [
        {"chip": "h20", "units": 2000, "retire_after": "2026Q2"},
        {"chip": "910c", "units": 200.5, "x": {"site": "贵安"}},
    ],
    "budget": {"total": 2e9},
    "limits": {"vendor_max_share": 0.6, "category_share": {"domestic": {"min": 0.2}},
               "outage_coverage": 0.3},
    "shortfall_penalty": 1e6,
    "x": {"owner": "planning"},
}


def j(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def main() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{TARGET}{suffix}").unlink(missing_ok=True)
    sqlite3.connect(TARGET).close()
    store = Store(sqlite_engine(TARGET, query_only=False), location=str(TARGET), kind="file")
    with store.write("make the fixture") as conn:
        migrate.upgrade(conn, "0001")
        sql = conn.exec_driver_sql
        sql("INSERT INTO plan (id, name, created_at, created_by, updated_at, updated_by, "
            "version) VALUES (1, ?, ?, 'wang', ?, 'wang', 1)", (EXPECTED["name"], NOW, NOW))
        sql("INSERT INTO scenario (id, plan_id, variant, position, name, currency, periods, "
            "hours, pue, shortfall_penalty, integer_mode, x, version, change_count) VALUES "
            "(1, 1, '', 0, ?, 'CNY', ?, ?, ?, 1000000.0, 0, ?, 3, 7)",
            (EXPECTED["name"], j(["2026Q1", "2026Q2", "2026Q3"]), j([2190.0] * 3),
             j([1.3, 1.25, 1.2]), j({"owner": "planning"})))
        sql("INSERT INTO budget (scenario_id, total, version) VALUES (1, 2000000000.0, 1)")
        sql("INSERT INTO limits (scenario_id, vendor_max_share, category_share, "
            "outage_coverage, version) VALUES (1, 0.6, ?, 0.3, 2)",
            (j({"domestic": {"min": 0.2, "max": None, "x": None}}),))
        sql("INSERT INTO vendor (scenario_id, position, ident, name, category, risk, max_share, "
            "x, version) VALUES (1, 0, 'nvidia', '英伟达', 'imported', 0.7, 0.5, NULL, 1), "
            "(1, 1, 'huawei', '华为昇腾', 'domestic', 0.3, NULL, ?, 1)",
            (j({"contact": "采购部", "tags": ["a", 1]}),))
        sql("INSERT INTO chip (scenario_id, position, ident, vendor, name, peak_pflops, price, "
            "supply, lead_time, lifetime, lot_size, power_kw, memory_gb, version) VALUES "
            "(1, 0, 'h20', 'nvidia', 'H20', 0.148, ?, ?, 1, NULL, 8, 0.6, 96.0, 2), "
            "(1, 1, '910c', 'huawei', NULL, 0.78, ?, NULL, 0, 12, 1, 0.0, NULL, 1)",
            (j([95000.0, 94000.5, 93000.0]), j([2000.0, 0.0, 0.0]), j([180000.0] * 3)))
        sql("INSERT INTO workload (scenario_id, position, ident, name, demand, efficiency, "
            "version) VALUES (1, 0, 'infer', '推理', ?, ?, 1)",
            (j([100.0, 150.25, 220.0]), j({"910c": 0.35, "h20": 0.45})))
        sql("INSERT INTO fleet_entry (scenario_id, position, chip, units, retire_after, x, "
            "version) VALUES (1, 0, 'h20', 2000.0, '2026Q2', NULL, 1), "
            "(1, 1, '910c', 200.5, NULL, ?, 1)", (j({"site": "贵安"}),))
    store.close()
    (HERE / "plan-v1.expected.json").write_text(
        json.dumps(EXPECTED, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
