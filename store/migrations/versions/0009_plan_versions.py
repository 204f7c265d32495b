"""plan versions: each version of a plan as loaded, with the day it took effect

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 19:30:00

A plan loaded again with changes (an appeal, twice a year) becomes a new version effective from a
day; the plan row keeps the newest and its indicator rows stay (reports point at them), so the
versions before it are kept here. Plans already loaded get their version row, effective from the
first day of their fiscal year.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
import sqlmodel
from alembic import op

from store.models import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    versions = op.create_table(
        "plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("content_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("loaded_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "version", name="uq_plan_version"),
    )
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_version_plan_id"), ["plan_id"], unique=False)
    assert versions is not None
    plans = sa.table(
        "plan",
        sa.column("id", sa.Integer()),
        sa.column("version", sa.Integer()),
        sa.column("fiscal_year", sa.Integer()),
        sa.column("content_hash", sa.String()),
        sa.column("content", sa.JSON()),
        sa.column("loaded_at", UTCDateTime()),
    )
    bind = op.get_bind()
    rows = [
        {
            "plan_id": r.id,
            "version": r.version,
            "effective_from": date(r.fiscal_year - 544, 10, 1),  # 1 Oct of the year before, CE
            "content_hash": r.content_hash,
            "content": r.content,
            "changes": {},
            "loaded_at": r.loaded_at,
        }
        for r in bind.execute(sa.select(plans)).all()
    ]
    if rows:
        op.bulk_insert(versions, rows)


def downgrade() -> None:
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_version_plan_id"))
    op.drop_table("plan_version")
