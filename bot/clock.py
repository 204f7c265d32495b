"""The clock process: one APScheduler that asks, every tick, what is due now.

Each tick reads the database and the calendar only; what it sends goes through the outbox with a
unique key, so a restart or a second clock sends nothing twice. Missed ticks coalesce into one.
"""

from __future__ import annotations

import logging
from datetime import datetime

from apscheduler.schedulers.blocking import BlockingScheduler
from sqlmodel import Session, select

from bot.settings import Settings
from scoring.deadlines import next_deadlines
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.workdays import thai_work_calendar
from store.db import make_engine, upgrade
from store.models import DayOff, utcnow

log = logging.getLogger("tidtam.clock")


def due_soon(session: Session, now: datetime, *, working_days: int = 5) -> list[str]:
    """Deadlines within ``working_days`` working days of now, as log lines (Thai calendar)."""
    today = now.astimezone(BANGKOK).date()
    days_off = [d.day for d in session.exec(select(DayOff)).all()]
    calendar = thai_work_calendar([today.year, today.year + 1], days_off)
    fiscal_year = FiscalPeriod.of_day(today).fiscal_year
    lines = []
    for deadline in next_deadlines(fiscal_year, today, count=4):
        remaining = calendar.working_days_between(today, deadline.due)
        if remaining <= working_days:
            lines.append(f"{deadline.kind} {deadline.period.label} due {deadline.due} ({remaining} working days)")
    return lines


def tick(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            for line in due_soon(session, utcnow()):
                log.info(line)
    finally:
        engine.dispose()


def run_clock(settings: Settings, *, tick_seconds: int = 60) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    upgrade(settings.database_url)
    scheduler = BlockingScheduler(timezone=BANGKOK)
    scheduler.add_job(
        tick,
        "interval",
        seconds=tick_seconds,
        args=[settings],
        id="tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        next_run_time=utcnow(),
    )
    log.info("clock started: a tick every %s s", tick_seconds)
    scheduler.start()
