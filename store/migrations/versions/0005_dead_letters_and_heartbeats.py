"""dead letters, retry backoff and worker heartbeats

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 09:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from store.models import UTCDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbox_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_attempt_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("dead_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("discarded_at", UTCDateTime(), nullable=True))
        batch_op.create_index("ix_inbox_event_dead_at", ["dead_at"], unique=False)
    op.create_table(
        "worker_heartbeat",
        sa.Column("worker", sa.String(), nullable=False),
        sa.Column("beat_at", UTCDateTime(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("worker"),
    )


def downgrade() -> None:
    op.drop_table("worker_heartbeat")
    with op.batch_alter_table("inbox_event", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_event_dead_at")
        batch_op.drop_column("discarded_at")
        batch_op.drop_column("dead_at")
        batch_op.drop_column("next_attempt_at")
