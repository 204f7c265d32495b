"""latest result index: by quarter, then as sent

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 10:40:00

The latest result of an indicator is the report of its latest quarter, and within a quarter the one
sent last (values are cumulative, so a late report for an earlier quarter does not replace a later
one). This index serves that order as the old one (indicator, reported_at) served "the newest".
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_report_indicator_latest")
        batch_op.create_index(
            "ix_progress_report_latest_result", ["indicator_id", "fiscal_year", "quarter", "reported_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_report_latest_result")
        batch_op.create_index("ix_progress_report_indicator_latest", ["indicator_id", "reported_at"], unique=False)
