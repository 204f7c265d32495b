"""The clock process (Procfile ``clock``): one APScheduler, never inside web workers.

Each tick asks the store and the calendar what is due now and writes outbox rows with unique keys;
the worker of ``tidtam serve`` sends them. A restart, a second clock or a tick run twice sends
nothing twice; missed ticks are coalesced into one run at start.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlalchemy as sa
from apscheduler.schedulers.blocking import BlockingScheduler

from bot.settings import Settings
from handlers.nudges.reminders import NudgeSettings, due_now, enqueue
from scoring.fiscal import BANGKOK
from store.db import make_engine, session_scope, upgrade
from store.models import utcnow

log = logging.getLogger("tidtam.clock")


def tick(engine: sa.Engine, settings: NudgeSettings, at: datetime | None = None) -> int:
    """Plan and enqueue what is due at ``at``; returns how many messages were new."""
    at = at or utcnow()
    with session_scope(engine) as session:
        planned = due_now(session, at, settings)
        new = enqueue(session, planned, at)
    if new:
        log.info("tick %s: %d new messages", at.isoformat(), new)
    return new


def run_clock(settings: Settings, *, tick_seconds: int = 60) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)  # one pool for the process, not one per tick
    scheduler = BlockingScheduler(timezone=BANGKOK)
    scheduler.add_job(
        tick,
        "interval",
        seconds=tick_seconds,
        args=[engine, settings.nudge_settings()],
        id="tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        next_run_time=utcnow(),
    )
    log.info("clock started: a tick every %s s", tick_seconds)
    try:
        scheduler.start()
    finally:
        engine.dispose()
