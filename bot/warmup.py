"""Warming up before the first webhook: each loaded plan's parser is built and run once, so the first
message is as fast as the rest."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from bot import texts as bt
from handlers.reporting.conversation import PARSERS
from store.models import PlanRecord, utcnow


def warm_up(engine: sa.Engine) -> int:
    """Build the parser of every loaded plan and parse one message with it, before the first webhook."""
    with Session(engine) as session:
        records = session.exec(select(PlanRecord)).all()
        for record in records:
            parser = PARSERS.get(record, {})
            parser.parse(bt.WARM_UP_REPORT, utcnow().date())
    return len(records)
