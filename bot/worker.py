"""The worker: drains the inbox (one event, one transaction) and the outbox (one send, one record).

It runs as asyncio tasks inside the web process; database work goes to threads. An event is marked
processed in the transaction that writes its effects and its reply (as an outbox row), so a crash
never loses an accepted event and never handles one twice. Sends are separate: a row is leased
before its HTTP call and marked after, and LINE's retry key makes a resend after a crash harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from linebot.v3.webhooks import Event
from sqlmodel import Session, select

from bot.line_client import LineClient, outgoing_to_json
from handlers import messages as m
from handlers.dispatch import EventContext, chat_id_of, dispatch, needs_content
from handlers.replies import Reply
from store.db import session_scope
from store.inbox import claim_next, mark_processed
from store.models import ChatGroup, InboxEvent, OutboxMessage, utcnow
from store.outbox import due, enqueue, mark_failed, mark_retry, mark_sent

log = logging.getLogger("tidtam.worker")
MAX_EVENT_ATTEMPTS = 3
LEASE = timedelta(seconds=60)


@dataclass
class WorkerStats:
    processed: int = 0
    failed: int = 0
    sent: int = 0


class Worker:
    """Owns the inbox and outbox loops of one process."""

    def __init__(
        self,
        engine: sa.Engine,
        line: LineClient,
        evidence_dir: Path,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.line = line
        self.evidence_dir = evidence_dir
        self.clock = clock
        self.stats = WorkerStats()
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopping:
            try:
                worked = await self.step()
            except Exception:
                log.exception("worker step failed")
                worked = False
            if not worked:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=1.0)

    async def step(self) -> bool:
        """Handle one inbox event if any, then send what is due; True if anything was done."""
        handled = await self.handle_next_event()
        sent = await self.send_due()
        return handled or sent > 0

    # --- inbox ----------------------------------------------------------------------------

    async def handle_next_event(self) -> bool:
        peeked = await asyncio.to_thread(self._peek)
        if peeked is None:
            return False
        row_id, body = peeked
        content: tuple[bytes, str | None] | None = None
        try:
            event = Event.from_dict(body)
            if needs_content(event):
                content = await self.line.content(event.message.id)
        except Exception as exc:
            await asyncio.to_thread(self._failed, row_id, body, exc)
            return True
        try:
            await asyncio.to_thread(self._process, row_id, event, body, content)
        except Exception as exc:
            await asyncio.to_thread(self._failed, row_id, body, exc)
        return True

    def _peek(self) -> tuple[int, dict[str, Any]] | None:
        with Session(self.engine) as session:
            row = claim_next(session)
            return (row.id or 0, dict(row.body)) if row is not None else None

    def _process(
        self, row_id: int, event: Event, body: dict[str, Any], content: tuple[bytes, str | None] | None
    ) -> None:
        now = self.clock()
        with session_scope(self.engine) as session:
            row = claim_next(session)
            if row is None or row.id != row_id:
                return  # another worker took it, or it was done meanwhile
            ctx = EventContext(session, now, self.evidence_dir, *(content or (None, None)))
            reply = dispatch(ctx, event)
            self._queue_reply(session, body, reply, now)
            mark_processed(session, row, now)
        self.stats.processed += 1

    def _failed(self, row_id: int, body: dict[str, Any], exc: BaseException) -> None:
        """Our error: log the trace, retry a few times, then apologise in the chat and move on."""
        log.error("event %s failed: %s", body.get("webhookEventId"), "".join(traceback.format_exception(exc)))
        now = self.clock()
        with session_scope(self.engine) as session:
            row = session.get(InboxEvent, row_id)
            if row is None or row.processed_at is not None:
                return
            row.attempts += 1
            row.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if row.attempts >= MAX_EVENT_ATTEMPTS:
                mark_processed(session, row, now, row.last_error)
                self._queue_reply(session, body, Reply().say(m.SORRY), now)
                self.stats.failed += 1
            session.add(row)

    def _queue_reply(self, session: Session, body: dict[str, Any], reply: Reply, now: datetime) -> None:
        if not reply.messages:
            return
        chat = chat_id_of(Event.from_dict(body)) if body.get("source") else "-"
        event_id = str(body.get("webhookEventId"))
        chunks = [reply.messages[i : i + 5] for i in range(0, len(reply.messages), 5)]
        for n, chunk in enumerate(chunks):
            payload: dict[str, Any] = {
                "messages": [outgoing_to_json(msg) for msg in chunk],
                "cost": len(chunk) * self._members(session, chat),
            }
            if n == 0 and body.get("replyToken"):
                payload.update(reply_token=body["replyToken"], received_at=now.isoformat(), cost=0)
            enqueue(
                session,
                key=f"reply:{event_id}:{n}",
                kind="reply" if n == 0 and body.get("replyToken") else "push",
                recipient=chat,
                payload=payload,
                now=now,
            )

    @staticmethod
    def _members(session: Session, chat: str) -> int:
        if not chat.startswith(("C", "R")):
            return 1
        group = session.exec(select(ChatGroup).where(ChatGroup.group_id == chat)).first()
        return group.members if group else 1

    # --- outbox ---------------------------------------------------------------------------

    async def send_due(self, limit: int = 20) -> int:
        rows = await asyncio.to_thread(self._lease, limit)
        for row in rows:
            outcome = await self.line.send(row, self.clock())
            await asyncio.to_thread(self._record, row.id or 0, outcome.status, outcome.note)
        return len(rows)

    def _lease(self, limit: int) -> list[OutboxMessage]:
        """Take due rows by pushing their ``send_after`` forward; a row leased elsewhere is skipped."""
        now = self.clock()
        leased = []
        with session_scope(self.engine) as session:
            for row in due(session, now, limit):
                table = OutboxMessage.__table__  # type: ignore[attr-defined]
                result = session.execute(
                    sa.update(table)
                    .where(table.c.id == row.id, table.c.send_after == row.send_after, table.c.sent_at.is_(None))
                    .values(send_after=now + LEASE)
                )
                if getattr(result, "rowcount", 0) == 1:
                    leased.append(row)
        return leased

    def _record(self, row_id: int, status: str, note: str) -> None:
        now = self.clock()
        with session_scope(self.engine) as session:
            row = session.get(OutboxMessage, row_id)
            if row is None or row.sent_at is not None:
                return
            if status in ("sent", "push"):
                if status == "push" and row.kind == "reply":
                    # The reply token had expired: it went out as a push, which the quota counts.
                    row.kind = "push"
                    payload = dict(row.payload or {})
                    payload["cost"] = len(payload.get("messages", [])) * self._members(session, row.recipient)
                    row.payload = payload
                mark_sent(session, row, now, note)
                self.stats.sent += 1
            elif status == "retry":
                mark_retry(session, row, now, note)
            else:
                mark_failed(session, row, note)
