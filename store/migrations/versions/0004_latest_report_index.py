"""latest report index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 04:40:11.576367
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        batch_op.create_index("ix_progress_report_indicator_latest", ["indicator_id", "reported_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_report_indicator_latest")
