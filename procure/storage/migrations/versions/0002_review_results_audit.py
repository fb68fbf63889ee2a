"""Review workflow (status, revisions), solve results and the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GENERATION = 2  # SQLite's user_version after this migration

_AUTOINC = {"sqlite_autoincrement": True}


def upgrade() -> None:
    # Existing plans become revision 1 drafts. ADD COLUMN with a default needs no table
    # rebuild on SQLite, so rows referencing plans are never touched.
    op.add_column("plan", sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))
    op.add_column(
        "plan", sa.Column("status", sa.String(16), nullable=False, server_default="draft")
    )
    op.add_column("plan", sa.Column("parent_revision", sa.Integer()))
    op.add_column("plan", sa.Column("description", sa.Text()))
    op.drop_index("ix_plan_name", table_name="plan")
    op.create_index("ix_plan_name_revision", "plan", ["name", "revision"], unique=True)
    op.create_table(
        "result",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "plan_id", sa.Integer(), sa.ForeignKey("plan.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "scenario_id", sa.Integer(), sa.ForeignKey("scenario.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("variant", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("computed_by", sa.Text(), nullable=False),
        sa.Column("scenario_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("objective", sa.Double()),
        sa.Column("content", sa.Text(), nullable=False),
        **_AUTOINC,
    )
    op.create_index("ix_result_scenario_id", "result", ["scenario_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("plan.id", ondelete="SET NULL")),
        sa.Column("plan_name", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer()),
        sa.Column("variant", sa.Text()),
        sa.Column("change_number", sa.Integer()),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("old_value", sa.Text()),
        sa.Column("new_value", sa.Text()),
        **_AUTOINC,
    )
    op.create_index("ix_audit_entry_plan_id", "audit_entry", ["plan_id", "id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {GENERATION}")


def downgrade() -> None:
    raise NotImplementedError(
        "Procure never downgrades a plan: open the backup written before the upgrade instead"
    )
