"""drafts carry their conversation's declared state

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 10:05:00

Drafts of the untyped conversation ("open", "details") cannot be read by the declared flows; they
live 30 minutes at most, so they are closed rather than converted.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE draft SET state = 'expired' WHERE state IN ('open', 'details')")


def downgrade() -> None:
    op.execute("UPDATE draft SET state = 'expired' WHERE state LIKE 'ask_%'")
