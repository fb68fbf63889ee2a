"""Plans with a base scenario and variants: vendors, chips, workloads, fleet, budget, limits.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

GENERATION = 1  # SQLite's user_version after this migration
APPLICATION_ID = 0x50524F43  # "PROC" in the SQLite header: the file is Procure's

_AUTOINC = {"sqlite_autoincrement": True}


def _json(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _scenario_fk() -> sa.Column:
    return sa.Column(
        "scenario_id", sa.Integer(), sa.ForeignKey("scenario.id", ondelete="CASCADE"),
        nullable=False,
    )


def _common(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), primary_key=True),
        _scenario_fk(),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        _json("x"),
        sa.Column("version", sa.Integer(), nullable=False),
        **_AUTOINC,
    )


def upgrade() -> None:
    meta = op.create_table(
        "procure_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        **_AUTOINC,
    )
    op.create_index("ix_plan_name", "plan", ["name"], unique=True)
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id", sa.Integer(), sa.ForeignKey("plan.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("variant", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("derived_from", sa.Text()),
        sa.Column("name", sa.Text()),
        sa.Column("currency", sa.Text()),
        _json("periods", nullable=False),
        _json("hours"),
        _json("energy_price"),
        _json("pue"),
        _json("power_cap_kw"),
        sa.Column("shortfall_penalty", sa.Double()),
        sa.Column("integer_mode", sa.Boolean(), nullable=False),
        _json("x"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        **_AUTOINC,
    )
    op.create_index("ix_scenario_plan_variant", "scenario", ["plan_id", "variant"], unique=True)
    op.create_table(
        "budget",
        sa.Column(
            "scenario_id", sa.Integer(), sa.ForeignKey("scenario.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("total", sa.Double()),
        _json("per_period"),
        _json("x"),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "limits",
        sa.Column(
            "scenario_id", sa.Integer(), sa.ForeignKey("scenario.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("vendor_max_share", sa.Double()),
        _json("category_share", nullable=False),
        sa.Column("max_weighted_risk", sa.Double()),
        sa.Column("outage_coverage", sa.Double(), nullable=False),
        _json("x"),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    _common(
        "vendor",
        sa.Column("ident", sa.Text(), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("risk", sa.Double(), nullable=False),
        sa.Column("max_share", sa.Double()),
    )
    _common(
        "chip",
        sa.Column("ident", sa.Text(), nullable=False),
        sa.Column("vendor", sa.Text(), nullable=False),
        sa.Column("name", sa.Text()),
        sa.Column("peak_pflops", sa.Double(), nullable=False),
        _json("price", nullable=False),
        _json("supply"),
        sa.Column("lead_time", sa.Integer(), nullable=False),
        sa.Column("lifetime", sa.Integer()),
        sa.Column("lot_size", sa.Integer(), nullable=False),
        sa.Column("power_kw", sa.Double(), nullable=False),
        sa.Column("memory_gb", sa.Double()),
    )
    _common(
        "workload",
        sa.Column("ident", sa.Text(), nullable=False),
        sa.Column("name", sa.Text()),
        _json("demand", nullable=False),
        _json("efficiency", nullable=False),
    )
    _common(
        "fleet_entry",
        sa.Column("chip", sa.Text(), nullable=False),
        sa.Column("units", sa.Double(), nullable=False),
        sa.Column("retire_after", sa.Text()),
    )
    for table in ("vendor", "chip", "workload"):
        op.create_index(
            f"ix_{table}_scenario_ident", table, ["scenario_id", "ident"], unique=True
        )
    op.create_index(
        "ix_fleet_entry_scenario_position", "fleet_entry", ["scenario_id", "position"]
    )
    op.bulk_insert(meta, [{"key": "format", "value": "procure-plan"}])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        op.execute(f"PRAGMA user_version = {GENERATION}")


def downgrade() -> None:
    raise NotImplementedError("Procure never downgrades a plan")
