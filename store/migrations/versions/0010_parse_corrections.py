"""parse corrections: messages the parser read one way and the reporter settled another

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 13:00:00

Kept (without who sent them) so an admin can export them as new labelled cases for the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from store.models import UTCDateTime

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "parse_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("parsed", sa.JSON(), nullable=False),
        sa.Column("settled", sa.JSON(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("parse_correction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parse_correction_plan_key"), ["plan_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("parse_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parse_correction_plan_key"))
    op.drop_table("parse_correction")
