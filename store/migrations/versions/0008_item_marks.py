"""item marks: milestones, conditions, checklist items and project steps done by chat

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 11:50:00

Items are marked done or not done over the year, apart from any one period's number, so they are
their own append-only table; evidence can be attached to the mark that made an item done.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from store.models import UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "item_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("item", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("marked_by", sa.Integer(), nullable=False),
        sa.Column("marked_at", UTCDateTime(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("source_message_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicator.id"]),
        sa.ForeignKeyConstraint(["marked_by"], ["person.id"]),
        sa.ForeignKeyConstraint(["report_id"], ["progress_report.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("item_mark", schema=None) as batch_op:
        batch_op.create_index("ix_item_mark_indicator_year", ["indicator_id", "fiscal_year", "marked_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_mark_source_message_id"), ["source_message_id"], unique=False)
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("item_mark_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_evidence_item_mark_id"), ["item_mark_id"], unique=False)
        batch_op.create_foreign_key("fk_evidence_item_mark_id", "item_mark", ["item_mark_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_constraint("fk_evidence_item_mark_id", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_evidence_item_mark_id"))
        batch_op.drop_column("item_mark_id")
    with op.batch_alter_table("item_mark", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_mark_source_message_id"))
        batch_op.drop_index("ix_item_mark_indicator_year")
    op.drop_table("item_mark")
