"""The clock process (Procfile ``clock``): one APScheduler, never inside web workers.

Each tick asks the store and the calendar what is due now and writes outbox rows with unique keys;
the worker of ``tidtam serve`` sends them. A restart, a second clock or a tick run twice sends
nothing twice; missed ticks are coalesced into one run at start. Once a day (and at start, so a
clock that was down catches up) the retention rules of personal data run; running them twice
deletes nothing more.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import datetime

import sqlalchemy as sa
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler

from bot.settings import Settings
from handlers.nudges.reminders import NudgeSettings, due_now, enqueue
from scoring.fiscal import BANGKOK
from store.db import make_engine, session_scope, upgrade
from store.models import utcnow
from store.personal_data import Retention, clear_old_inbox_bodies, delete_stale_drafts

log = logging.getLogger("tidtam.clock")
RETENTION_AT = {"hour": 3, "minute": 15}  # Bangkok time: at night, when no reminder goes out


def tick(engine: sa.Engine, settings: NudgeSettings, at: datetime | None = None) -> int:
    """Plan and enqueue what is due at ``at``; returns how many messages were new."""
    at = at or utcnow()
    with session_scope(engine) as session:
        planned = due_now(session, at, settings)
        new = enqueue(session, planned, at)
    if new:
        log.info("tick %s: %d new messages", at.isoformat(), new)
    return new


def apply_retention(engine: sa.Engine, rules: Retention, at: datetime | None = None) -> dict[str, int]:
    """Clear raw webhook bodies and delete stale drafts (with files never attached) as of ``at``."""
    at = at or utcnow()
    with session_scope(engine) as session:
        bodies = clear_old_inbox_bodies(session, now=at, days=rules.inbox_days)
        drafts = delete_stale_drafts(session, now=at, days=rules.drafts_days)
    done = {"inbox_bodies": bodies, **asdict(drafts)}
    log.info("retention %s: %s", at.isoformat(), done)
    return done


def add_jobs(scheduler: BaseScheduler, engine: sa.Engine, settings: Settings, *, tick_seconds: int = 60) -> None:
    """The clock's jobs: the tick, and the daily retention run; both also run once at start."""
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
    scheduler.add_job(
        apply_retention,
        "cron",
        **RETENTION_AT,
        args=[engine, settings.retention()],
        id="retention",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        next_run_time=utcnow(),
    )


def run_clock(settings: Settings, *, tick_seconds: int = 60) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)  # one pool for the process, not one per tick
    scheduler = BlockingScheduler(timezone=BANGKOK)
    add_jobs(scheduler, engine, settings, tick_seconds=tick_seconds)
    log.info("clock started: a tick every %s s, retention daily at %02d:%02d", tick_seconds, *RETENTION_AT.values())
    try:
        scheduler.start()
    finally:
        engine.dispose()
