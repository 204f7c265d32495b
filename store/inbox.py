"""The durable inbox of webhook events: accepted once (UNIQUE webhookEventId), processed once, in order.

An event is marked processed in the same transaction as everything its handler writes, so a crash
(even ``kill -9``) either leaves it unprocessed, to be handled again from scratch, or fully done.
An event that keeps failing waits with a growing delay (its chat waits with it, so order holds), and
after ``MAX_ATTEMPTS`` becomes a dead letter: marked processed so it holds back nobody, kept with its
error until an admin retries or discards it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, func, select

from store.models import InboxEvent, WorkerHeartbeat
from store.text_safety import clean_event, clean_text

_TABLE = InboxEvent.__table__  # type: ignore[attr-defined]
MAX_ATTEMPTS = 5
_FIRST_DELAY = timedelta(seconds=0.5)
_MAX_DELAY = timedelta(seconds=8)


def chat_of(event: dict[str, Any]) -> str:
    """The conversation an event belongs to: a group, a room, or a user; order is kept per chat."""
    source = event.get("source")
    if not isinstance(source, dict):
        return "-"
    for key in ("groupId", "roomId", "userId"):
        value = source.get(key)
        if isinstance(value, str) and value:
            return value
    return "-"


def event_id_of(event: dict[str, Any]) -> str:
    """LINE's ``webhookEventId``; older or odd bodies without one get a stable id from their content,
    so a redelivery of the same body is still recognised."""
    given = event.get("webhookEventId")
    if isinstance(given, str) and given:
        return given
    digest = hashlib.sha256(json.dumps(event, sort_keys=True, ensure_ascii=False).encode("utf-8", "replace"))
    return "sha256:" + digest.hexdigest()[:40]


def accept(session: Session, events: Sequence[dict[str, Any]], now: datetime) -> int:
    """Store new events; redeliveries (same ``webhookEventId``) are skipped. Returns how many were new."""
    rows = []
    for raw in events:
        event = clean_event(raw)
        rows.append(
            {
                "webhook_event_id": clean_text(event_id_of(raw)),
                "chat_id": chat_of(event),
                "body": event,
                "received_at": now,
                "attempts": 0,
            }
        )
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(_TABLE).values(rows).on_conflict_do_nothing(index_elements=["webhook_event_id"])
    result = session.execute(stmt)
    return int(getattr(result, "rowcount", 0) or 0)


def claim_next(session: Session, now: datetime) -> InboxEvent | None:
    """The oldest unprocessed event that is due and whose chat has no older unprocessed event, taken
    for this transaction alone.

    An event waiting out its retry delay keeps the later events of its chat waiting too (order per
    chat); other chats go on. On PostgreSQL the row is locked with SKIP LOCKED so several workers
    share the inbox. SQLite reads without locks, so two workers may select the same event: a no-op
    write then takes SQLite's one write lock and sees the committed state, and a worker that lost
    the race looks again (now inside its write transaction, so it sees the winner's commit).
    """
    inner = _TABLE.alias("older")
    older = sa.select(sa.literal(1)).where(
        inner.c.chat_id == _TABLE.c.chat_id, inner.c.processed_at.is_(None), inner.c.id < _TABLE.c.id
    )
    due = sa.or_(_TABLE.c.next_attempt_at.is_(None), _TABLE.c.next_attempt_at <= now)
    stmt = (
        sa.select(InboxEvent)
        .where(_TABLE.c.processed_at.is_(None), due, ~sa.exists(older))
        .order_by(_TABLE.c.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        locked = stmt.with_for_update(skip_locked=True, of=_TABLE)
        return session.exec(locked).scalars().first()  # type: ignore[call-overload]
    for _ in range(2):
        row: InboxEvent | None = session.exec(stmt).scalars().first()  # type: ignore[call-overload]
        if row is None:
            return None
        taken = session.execute(
            sa.update(_TABLE)
            .where(_TABLE.c.id == row.id, _TABLE.c.processed_at.is_(None))
            .values(attempts=_TABLE.c.attempts)
        )
        if getattr(taken, "rowcount", 0):
            return row
        session.expire(row)
    return None


def mark_processed(session: Session, event: InboxEvent, now: datetime, note: str | None = None) -> None:
    event.processed_at = now
    event.last_error = note
    event.next_attempt_at = None
    session.add(event)


def retry_delay(attempts: int) -> timedelta:
    """0.5 s, 1 s, 2 s, 4 s …: short enough that a chat waits seconds, not minutes, behind a failure."""
    return min(_FIRST_DELAY * (2 ** max(0, attempts - 1)), _MAX_DELAY)


def record_failure(session: Session, event_id: int, error: str, now: datetime) -> InboxEvent | None:
    """Count a failed attempt (in a transaction of its own, so the count survives the failure).

    Returns the row when this failure made it a dead letter; the caller then tells the chat and admins.
    """
    row = session.get(InboxEvent, event_id)
    if row is None or row.processed_at is not None:
        return None
    row.attempts += 1
    row.last_error = error[:500]
    if row.attempts >= MAX_ATTEMPTS:
        bury(session, row, error, now)
        return row
    row.next_attempt_at = now + retry_delay(row.attempts)
    session.add(row)
    return None


def bury(session: Session, row: InboxEvent, error: str, now: datetime) -> None:
    """Make ``row`` a dead letter: done as far as ordering goes, kept with its reason."""
    row.processed_at = now
    row.dead_at = now
    row.next_attempt_at = None
    row.last_error = error[:500]
    session.add(row)


def dead_letters(session: Session) -> Sequence[InboxEvent]:
    return session.exec(
        select(InboxEvent)
        .where(col(InboxEvent.dead_at).is_not(None), col(InboxEvent.discarded_at).is_(None))
        .order_by(col(InboxEvent.id))
    ).all()


def retry(session: Session, event_ids: Sequence[int] | None) -> int:
    """Put dead letters back in the queue (all of them when ``event_ids`` is None). Returns how many."""
    rows = [r for r in dead_letters(session) if event_ids is None or r.id in event_ids]
    for row in rows:
        row.processed_at = row.dead_at = row.next_attempt_at = None
        row.attempts = 0
        session.add(row)
    return len(rows)


def discard(session: Session, event_id: int, now: datetime) -> bool:
    """Give up on a dead letter for good; its body is dropped (it may hold someone's message)."""
    row = session.get(InboxEvent, event_id)
    if row is None or row.dead_at is None or row.discarded_at is not None:
        return False
    row.discarded_at = now
    row.body = {}
    session.add(row)
    return True


def oldest_pending(session: Session) -> datetime | None:
    """When the oldest event still waiting to be handled arrived (None: nothing waits)."""
    return session.exec(select(func.min(InboxEvent.received_at)).where(col(InboxEvent.processed_at).is_(None))).one()


def beat(session: Session, worker: str, now: datetime, started: datetime) -> None:
    row = session.get(WorkerHeartbeat, worker)
    if row is None:
        row = WorkerHeartbeat(worker=worker, beat_at=now, started_at=started)
    row.beat_at = now
    session.add(row)


def last_beat(session: Session) -> datetime | None:
    return session.exec(select(func.max(WorkerHeartbeat.beat_at))).one()
