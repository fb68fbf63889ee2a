"""Planning model version 2: the new scenario, chip, workload and fleet fields; hedge results.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Every new column is nullable and NULL means what an older plan meant (a version-1
scenario, no discounting, prices in the plan's currency, no memory row, the fleet
in service from the first period), so the upgrade rewrites no row and a plan keeps
its meaning. Per-period values, fx rates and risk groups are JSON, read and
written whole like the other per-period fields.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENERATION = 3  # SQLite's user_version after this migration


def upgrade() -> None:
    op.add_column("scenario", sa.Column("model_version", sa.Integer()))
    op.add_column("scenario", sa.Column("discount_rate", sa.Double()))
    op.add_column("scenario", sa.Column("periods_per_year", sa.Integer()))
    op.add_column("scenario", sa.Column("fx", sa.Text()))
    op.add_column("scenario", sa.Column("risk_groups", sa.Text()))
    op.add_column("chip", sa.Column("price_currency", sa.Text()))
    op.add_column("workload", sa.Column("memory_demand", sa.Text()))
    op.add_column("fleet_entry", sa.Column("in_service_from", sa.Text()))
    # What a stored result is: NULL a plan's solve, "hedge" a hedged plan's.
    op.add_column("result", sa.Column("kind", sa.String(16)))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {GENERATION}")


def downgrade() -> None:
    op.drop_column("result", "kind")
    op.drop_column("fleet_entry", "in_service_from")
    op.drop_column("workload", "memory_demand")
    op.drop_column("chip", "price_currency")
    for column in ("risk_groups", "fx", "periods_per_year", "discount_rate", "model_version"):
        op.drop_column("scenario", column)
