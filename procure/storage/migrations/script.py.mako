"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

GENERATION = 0  # set: SQLite's user_version after this migration (one more than the last)


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {GENERATION}")


def downgrade() -> None:
    raise NotImplementedError("Procure never downgrades a plan")
