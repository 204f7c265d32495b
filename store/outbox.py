"""The outbox: every message we send is a row with a unique key, so nothing is sent twice.

Rows written in the same transaction as the work that caused them; a sender drains them. A push
carries ``X-Line-Retry-Key`` derived from the row, so even a resend after a crash is accepted once
by LINE (409 = already sent).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from store.models import OutboxMessage

_TABLE = OutboxMessage.__table__  # type: ignore[attr-defined]
MAX_ATTEMPTS = 8
_NAMESPACE = uuid.UUID("5a1f0c52-7d43-4a5e-9a53-7469647461d0")


def retry_key(key: str) -> str:
    """A stable UUID per outbox row: LINE's ``X-Line-Retry-Key`` must be a UUID."""
    return str(uuid.uuid5(_NAMESPACE, key))


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    recipient: str,
    payload: dict[str, Any],
    now: datetime,
    send_after: datetime | None = None,
) -> bool:
    """Add a message unless one with ``key`` exists; True if added."""
    row = {
        "key": key,
        "kind": kind,
        "recipient": recipient,
        "payload": payload,
        "created_at": now,
        "send_after": send_after or now,
        "attempts": 0,
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    result = session.execute(insert(_TABLE).values(row).on_conflict_do_nothing(index_elements=["key"]))
    return bool(getattr(result, "rowcount", 0))


def due(session: Session, now: datetime, limit: int = 50) -> list[OutboxMessage]:
    rows = session.exec(
        select(OutboxMessage)
        .where(
            col(OutboxMessage.sent_at).is_(None),
            col(OutboxMessage.send_after) <= now,
            OutboxMessage.attempts < MAX_ATTEMPTS,
        )
        .order_by(col(OutboxMessage.id))
        .limit(limit)
    ).all()
    return list(rows)


def mark_sent(session: Session, row: OutboxMessage, now: datetime, note: str | None = None) -> None:
    row.sent_at = now
    row.attempts += 1
    row.last_error = note
    session.add(row)


def mark_retry(session: Session, row: OutboxMessage, now: datetime, error: str) -> None:
    """Back off exponentially (2, 4, 8 … s, at most 10 min); give up after ``MAX_ATTEMPTS``."""
    row.attempts += 1
    row.last_error = error[:500]
    row.send_after = now + timedelta(seconds=min(600, 2**row.attempts))
    session.add(row)


def mark_failed(session: Session, row: OutboxMessage, error: str) -> None:
    row.attempts = MAX_ATTEMPTS
    row.last_error = error[:500]
    session.add(row)


def pushes_this_month(session: Session, now: datetime) -> int:
    """Messages counted against LINE's monthly quota: pushes only (replies are free), recipients × messages."""
    start = now.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    rows = session.exec(
        select(OutboxMessage.payload).where(
            OutboxMessage.kind != "reply", col(OutboxMessage.sent_at) >= start, col(OutboxMessage.sent_at).is_not(None)
        )
    ).all()
    return sum(int((p or {}).get("cost", 1)) for p in rows)
