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
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from linebot.v3.webhooks import Event
from sqlmodel import Session, select

from bot.line_client import LineClient
from handlers import messages as m
from handlers.dispatch import EventContext, chat_id_of, dispatch, needs_content
from handlers.replies import Reply, outgoing_json
from store.db import session_scope
from store.inbox import claim_next, mark_processed
from store.models import ChatGroup, InboxEvent, OutboxMessage, utcnow
from store.outbox import due, enqueue, mark_failed, mark_retry, mark_sent

log = logging.getLogger("tidtam.worker")
MAX_EVENT_ATTEMPTS = 3
LEASE = timedelta(seconds=60)
BATCH = 20


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
        idle_poll: float = 1.0,
        link_secret: str | None = None,
        public_url: str = "http://127.0.0.1:8000",
    ) -> None:
        self.idle_poll = idle_poll
        self.link_secret, self.public_url = link_secret, public_url
        self.engine = engine
        self.line = line
        self.evidence_dir = evidence_dir
        self.clock = clock
        self.stats = WorkerStats()
        self._wake = asyncio.Event()
        self._sends = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self._sends.set()

    async def run(self) -> None:
        """Two loops: handling events never waits for LINE to answer a send, and sending never waits
        for a batch of events to be handled."""
        await asyncio.gather(
            self._loop(self._wake, self._handle_batch, self._sends), self._loop(self._sends, self.send_due, None)
        )

    async def _loop(self, wake: asyncio.Event, work: Callable[[], Awaitable[int]], then: asyncio.Event | None) -> None:
        while not self._stopping:
            wake.clear()  # before the work: a wake-up during it is not lost
            try:
                done = await work()
            except Exception:
                log.exception("worker loop failed")
                done = 0
            if done and then is not None:
                then.set()
            if not done:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), timeout=self.idle_poll)

    async def _handle_batch(self) -> int:
        handled = 0
        for _ in range(BATCH):
            if not await self.handle_next_event():
                break
            handled += 1
        return handled

    async def step(self) -> bool:
        """Handle a batch of inbox events, then send what is due; True if anything was done."""
        handled = await self._handle_batch()
        sent = await self.send_due()
        return handled > 0 or sent > 0

    # --- inbox ----------------------------------------------------------------------------

    async def handle_next_event(self) -> bool:
        """Most events are handled in one transaction; images and files are fetched first, outside it."""
        outcome = await asyncio.to_thread(self._process_next, None)
        if outcome is None:
            return False
        row_id, body, event = outcome
        if event is None:
            return True  # handled (or failed and recorded)
        try:
            content = await self.line.content(event.message.id)
        except Exception as exc:
            await asyncio.to_thread(self._failed, row_id, body, exc)
            return True
        await asyncio.to_thread(self._process_next, (row_id, content))
        return True

    def _process_next(
        self, fetched: tuple[int, tuple[bytes, str | None]] | None
    ) -> tuple[int, dict[str, Any], Event | None] | None:
        """Claim the next event and handle it; returns (id, body, event) when content must be fetched first."""
        now = self.clock()
        row_id, body = 0, {}
        try:
            with session_scope(self.engine) as session:
                row = claim_next(session)
                if row is None:
                    return None
                row_id, body = row.id or 0, dict(row.body)
                if fetched is not None and fetched[0] != row_id:
                    return (row_id, body, None)  # the queue moved on meanwhile: next round
                event = Event.from_dict(body)
                content = fetched[1] if fetched is not None else None
                if content is None and needs_content(event):
                    return (row_id, body, event)
                data, content_type = content or (None, None)
                ctx = EventContext(
                    session,
                    now,
                    self.evidence_dir,
                    data,
                    content_type,
                    link_secret=self.link_secret,
                    public_url=self.public_url,
                )
                reply = dispatch(ctx, event)
                self._queue_reply(session, body, reply, now)
                mark_processed(session, row, now)
            self.stats.processed += 1
        except Exception as exc:
            if row_id:
                self._failed(row_id, body, exc)
            else:
                raise
        return (row_id, body, None)

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
                "messages": [outgoing_json(msg) for msg in chunk],
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
        if not rows:
            return 0
        now = self.clock()
        outcomes = await asyncio.gather(*(self.line.send(row, now) for row in rows))
        await asyncio.to_thread(
            self._record_all, [(row.id or 0, o.status, o.note) for row, o in zip(rows, outcomes, strict=True)]
        )
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

    def _record_all(self, outcomes: list[tuple[int, str, str]]) -> None:
        now = self.clock()
        with session_scope(self.engine) as session:
            for row_id, status, note in outcomes:
                self._record(session, row_id, status, note, now)

    def _record(self, session: Session, row_id: int, status: str, note: str, now: datetime) -> None:
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


async def run_worker_process(
    engine: sa.Engine,
    line: LineClient,
    evidence_dir: Path,
    *,
    parent_pid: int | None = None,
    link_secret: str | None = None,
    public_url: str = "http://127.0.0.1:8000",
) -> None:
    """``tidtam worker``: the worker in a process of its own, polling the inbox (the web process only acks).

    It exits when its parent (``tidtam serve``) is gone, so a killed service leaves no orphan behind.
    """
    import os

    from bot.app import warm_up

    await line.open()
    worker = Worker(engine, line, evidence_dir, idle_poll=0.05, link_secret=link_secret, public_url=public_url)
    plans = await asyncio.to_thread(warm_up, engine)
    log.info("worker process ready: %d plans warmed up", plans)

    async def watch_parent() -> None:
        while parent_pid is not None and os.getppid() == parent_pid:
            await asyncio.sleep(0.5)
        if parent_pid is not None:
            log.warning("parent %s is gone: worker exits", parent_pid)
            worker.stop()

    watcher = asyncio.create_task(watch_parent())
    try:
        await worker.run()
    finally:
        watcher.cancel()
        await line.close()
