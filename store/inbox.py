"""The durable inbox of webhook events: accepted once (UNIQUE webhookEventId), processed once, in order.

An event is marked processed in the same transaction as everything its handler writes, so a crash
(even ``kill -9``) either leaves it unprocessed, to be handled again from scratch, or fully done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from store.models import InboxEvent

_TABLE = InboxEvent.__table__  # type: ignore[attr-defined]


def chat_of(event: dict[str, Any]) -> str:
    """The conversation an event belongs to: a group, a room, or a user; order is kept per chat."""
    source = event.get("source") or {}
    return str(source.get("groupId") or source.get("roomId") or source.get("userId") or "-")


def accept(session: Session, events: Sequence[dict[str, Any]], now: datetime) -> int:
    """Store new events; redeliveries (same ``webhookEventId``) are skipped. Returns how many were new."""
    rows = [
        {
            "webhook_event_id": str(e["webhookEventId"]),
            "chat_id": chat_of(e),
            "body": e,
            "received_at": now,
            "attempts": 0,
        }
        for e in events
    ]
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(_TABLE).values(rows).on_conflict_do_nothing(index_elements=["webhook_event_id"])
    result = session.execute(stmt)
    return int(getattr(result, "rowcount", 0) or 0)


def claim_next(session: Session) -> InboxEvent | None:
    """The oldest unprocessed event whose chat has no older unprocessed event (order per chat).

    On PostgreSQL the row is locked with SKIP LOCKED so several workers can share the inbox.
    """
    inner = _TABLE.alias("older")
    older = sa.select(sa.literal(1)).where(
        inner.c.chat_id == _TABLE.c.chat_id, inner.c.processed_at.is_(None), inner.c.id < _TABLE.c.id
    )
    stmt = (
        sa.select(InboxEvent).where(_TABLE.c.processed_at.is_(None), ~sa.exists(older)).order_by(_TABLE.c.id).limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=_TABLE)
    return session.exec(stmt).scalars().first()  # type: ignore[call-overload]


def mark_processed(session: Session, event: InboxEvent, now: datetime, error: str | None = None) -> None:
    event.processed_at = now
    event.last_error = error
    session.add(event)
