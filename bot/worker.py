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
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from bot.events import ContentUnavailable, Decoded, decode_event, describe_error
from bot.line_client import LineClient
from bot.quiet_traces import QuietTraces
from handlers import texts as m
from handlers.accounts.alerts import dead_letter_alert
from handlers.accounts.privacy import PrivacyTerms
from handlers.dispatch import EventContext, dispatch, needs_content
from handlers.replies import Outgoing, Reply, outgoing_json
from store.db import session_scope
from store.inbox import beat, bury, chat_of, claim_next, mark_processed, record_failure
from store.models import ChatGroup, InboxEvent, OutboxMessage, utcnow
from store.outbox import due, enqueue, mark_failed, mark_retry, mark_sent
from store.text_safety import MAX_TEXT

log = logging.getLogger("tidtam.worker")
LEASE = timedelta(seconds=60)
BATCH = 20
HEARTBEAT_EVERY = 5.0  # seconds; /healthz calls a worker dead after 30 s without one


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
        privacy: PrivacyTerms | None = None,
    ) -> None:
        self.idle_poll = idle_poll
        self.link_secret, self.public_url = link_secret, public_url
        self.privacy = privacy or PrivacyTerms()
        self.engine = engine
        self.line = line
        self.evidence_dir = evidence_dir
        self.clock = clock
        self.stats = WorkerStats()
        self._wake = asyncio.Event()
        self._sends = asyncio.Event()
        self._beat_stop = asyncio.Event()
        self._stopping = False
        self.name = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.started = clock()
        self.traces = QuietTraces(log)
        self.can_send = True  # False without an access token: rows wait in the outbox, nothing is lost

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self._sends.set()
        self._beat_stop.set()

    async def run(self) -> None:
        """Two loops: handling events never waits for LINE to answer a send, and sending never waits
        for a batch of events to be handled."""
        loops = [self._loop(self._wake, self._handle_batch, self._sends), self._heartbeat()]
        if self.can_send:
            loops.append(self._loop(self._sends, self.send_due, None))
        await asyncio.gather(*loops)

    async def _heartbeat(self) -> None:
        """Tell ``/healthz`` this worker lives; a worker stuck in a handler stops beating."""
        while not self._stopping:
            try:
                await asyncio.to_thread(self.beat)
            except Exception as exc:
                self.traces.error("heartbeat failed", exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._beat_stop.wait(), timeout=HEARTBEAT_EVERY)

    def beat(self) -> None:
        with session_scope(self.engine) as session:
            beat(session, self.name, self.clock(), self.started)

    async def _loop(self, wake: asyncio.Event, work: Callable[[], Awaitable[int]], then: asyncio.Event | None) -> None:
        failures = 0
        while not self._stopping:
            wake.clear()  # before the work: a wake-up during it is not lost
            try:
                done = await work()
                failures = 0
            except Exception as exc:
                # The database is down or similar: say so (a trace at most once a minute), back off.
                failures += 1
                self.traces.error("worker loop failed", exc)
                await asyncio.sleep(min(0.1 * 2**failures, 5.0))
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
        row_id, decoded = outcome
        if decoded is None or decoded.event is None:
            return True  # handled, ignored, or failed and recorded
        try:
            content = await self.line.content(decoded.event.message.id)
        except Exception as exc:
            status = getattr(exc, "status", None)
            if isinstance(status, int) and 400 <= status < 500 and status != 429:
                # LINE says the content is gone or never was: trying again cannot help.
                reason = describe_error(ContentUnavailable(f"LINE answered {status}"))
                await asyncio.to_thread(self._bury_now, row_id, reason)
            else:
                await asyncio.to_thread(self._failed, row_id, exc)
            return True
        await asyncio.to_thread(self._process_next, (row_id, content))
        return True

    def _process_next(self, fetched: tuple[int, tuple[bytes, str | None]] | None) -> tuple[int, Decoded | None] | None:
        """Claim the next event and handle it; returns (id, decoded) when content must be fetched first."""
        now = self.clock()
        row_id = 0
        try:
            with session_scope(self.engine) as session:
                row = claim_next(session, now)
                if row is None:
                    return None
                row_id, body = row.id or 0, dict(row.body)
                if fetched is not None and fetched[0] != row_id:
                    return (row_id, None)  # the queue moved on meanwhile: next round
                decoded = decode_event(body)
                if decoded.ignored is not None:
                    log.info("event %s ignored: %s", row.webhook_event_id, decoded.ignored)
                    mark_processed(session, row, now, decoded.ignored)
                    return (row_id, None)
                if decoded.error is not None or decoded.event is None:
                    self._bury(session, row, decoded.error or "undecodable", now, body)
                    return (row_id, None)
                event = decoded.event
                content = fetched[1] if fetched is not None else None
                if content is None and needs_content(event):
                    return (row_id, decoded)
                data, content_type = content or (None, None)
                ctx = EventContext(
                    session,
                    now,
                    self.evidence_dir,
                    data,
                    content_type,
                    link_secret=self.link_secret,
                    public_url=self.public_url,
                    privacy=self.privacy,
                )
                reply = dispatch(ctx, event)
                if decoded.truncated_from and reply.messages:
                    note = m.TEXT_TRUNCATED.format(limit=MAX_TEXT, length=decoded.truncated_from)
                    reply.messages.insert(0, Outgoing(note))
                self._queue_reply(session, row.webhook_event_id, body, reply, now)
                mark_processed(session, row, now)
            self.stats.processed += 1
        except Exception as exc:
            if not row_id:
                raise
            self._failed(row_id, exc)
        return (row_id, None)

    def _bury(self, session: Session, row: InboxEvent, error: str, now: datetime, body: dict[str, Any]) -> None:
        """A dead letter: kept with its reason, the chat told its message was not saved, admins told once."""
        log.warning("event %s dead-lettered: %s", row.webhook_event_id, error)
        bury(session, row, error, now)
        chat = chat_of(body)
        if body.get("type") in ("message", "postback") and chat.startswith("U"):
            self._queue_reply(session, row.webhook_event_id, body, Reply().say(m.UNREADABLE_EVENT), now)
        dead_letter_alert(session, error, now)
        self.stats.failed += 1

    def _bury_now(self, row_id: int, error: str) -> None:
        with session_scope(self.engine) as session:
            row = session.get(InboxEvent, row_id)
            if row is not None and row.processed_at is None:
                self._bury(session, row, error, self.clock(), dict(row.body))

    def _failed(self, row_id: int, exc: BaseException) -> None:
        """Our error: one log line (and a trace now and then), try again later, at last a dead letter."""
        error = describe_error(exc)
        now = self.clock()
        self.traces.error(f"event {row_id} failed", exc)
        with session_scope(self.engine) as session:
            dead = record_failure(session, row_id, error, now)  # the count commits even if what follows fails
        if dead is None:
            return
        log.warning("event %s dead-lettered after %d attempts: %s", dead.webhook_event_id, dead.attempts, error)
        try:
            with session_scope(self.engine) as session:
                row = session.get(InboxEvent, row_id)
                if row is not None:
                    body = dict(row.body)
                    self._queue_reply(session, row.webhook_event_id, body, Reply().say(m.SORRY), now)
                    dead_letter_alert(session, error, now)
                    self.stats.failed += 1
        except Exception as follow_up:
            self.traces.error(f"event {row_id}: telling the chat and admins failed", follow_up)

    def _queue_reply(self, session: Session, event_id: str, body: dict[str, Any], reply: Reply, now: datetime) -> None:
        if not reply.messages:
            return
        chat = chat_of(body)
        if chat == "-":
            return
        token = body.get("replyToken") if isinstance(body.get("replyToken"), str) else None
        chunks = [reply.messages[i : i + 5] for i in range(0, len(reply.messages), 5)]
        for n, chunk in enumerate(chunks):
            payload: dict[str, Any] = {
                "messages": [outgoing_json(msg) for msg in chunk],
                "cost": len(chunk) * self._members(session, chat),
            }
            if n == 0 and token:
                payload.update(reply_token=token, received_at=now.isoformat(), cost=0)
            enqueue(
                session,
                key=f"reply:{event_id}:{n}",
                kind="reply" if n == 0 and token else "push",
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
    can_send: bool = True,
    privacy: PrivacyTerms | None = None,
) -> None:
    """``tidtam worker``: the worker in a process of its own, polling the inbox (the web process only acks).

    It exits when its parent (``tidtam serve``) is gone, so a killed service leaves no orphan behind.
    """
    import os

    from bot.warmup import warm_up

    await line.open()
    worker = Worker(
        engine, line, evidence_dir, idle_poll=0.05, link_secret=link_secret, public_url=public_url, privacy=privacy
    )
    worker.can_send = can_send
    if not can_send:
        log.warning("LINE_CHANNEL_ACCESS_TOKEN is not set: events are handled, replies wait in the outbox")
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
