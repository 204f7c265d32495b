"""The operator's scorecard printed when the service starts: each plan of the current fiscal year
(or the newest) with its score, how many of its items (milestones, conditions, checklist items,
project steps) are done, and the next deadlines. Printed to the terminal, never served."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from bot import render
from bot import texts as bt
from handlers.queries import texts as qt
from handlers.queries.cards import items_count
from scoring.deadlines import next_deadlines
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.totals import score_plan
from store import progress
from store.models import PlanRecord
from store.plans import plan_from_record


def summary_text(session: Session, now: datetime) -> str:
    """The scorecard of each plan of the current fiscal year (or the newest) and the next deadlines."""
    records = session.exec(select(PlanRecord).order_by(col(PlanRecord.fiscal_year).desc())).all()
    if not records:
        return bt.NO_PLANS
    current = FiscalPeriod.of_moment(now).fiscal_year
    chosen = [r for r in records if r.fiscal_year == current] or [
        r for r in records if r.fiscal_year == records[0].fiscal_year
    ]
    parts = []
    results = progress.latest_results(session=session, plans=chosen)
    for record in chosen:
        plan = plan_from_record(record)
        if plan.weight_sum() == 0:
            continue
        scorecard = render.scorecard(plan, score_plan(plan, results[record.id or 0]))
        done, total = items_count(plan, results[record.id or 0])
        if total:
            scorecard += "\n" + qt.ITEMS_DONE.format(done=done, total=total)
        parts.append(scorecard)
        today = now.astimezone(BANGKOK).date()
        upcoming = next_deadlines(FiscalPeriod.of_moment(now).fiscal_year, today, plan.deadlines, count=3)
        parts.append(bt.NEXT_DEADLINES + "\n" + "\n".join(render.deadline_line(d) for d in upcoming))
    return "\n\n".join(parts)
