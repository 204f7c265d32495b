"""The web service. For now: health and a plain summary; the webhook and console build on it."""

from __future__ import annotations

from datetime import datetime

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from sqlmodel import Session, select

from bot import render
from bot.settings import Settings
from scoring.deadlines import next_deadlines
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.totals import score_plan
from store.db import make_engine
from store.models import PlanRecord, utcnow
from store.plans import plan_from_record
from store.reports import latest_results


def summary_text(session: Session, now: datetime) -> str:
    """The scorecard of each plan of the current fiscal year (or the newest) and the next deadlines."""
    records = session.exec(select(PlanRecord).order_by(PlanRecord.fiscal_year.desc())).all()  # type: ignore[attr-defined]
    if not records:
        return "ยังไม่มีแผนในฐานข้อมูล: ใช้คำสั่ง tidtam plans load plans/*.yaml"
    current = FiscalPeriod.of_moment(now).fiscal_year
    chosen = [r for r in records if r.fiscal_year == current] or [
        r for r in records if r.fiscal_year == records[0].fiscal_year
    ]
    parts = []
    for record in chosen:
        plan = plan_from_record(record)
        if plan.weight_sum() == 0:
            continue
        parts.append(render.scorecard(plan, score_plan(plan, latest_results(session, record))))
        today = now.astimezone(BANGKOK).date()
        upcoming = next_deadlines(FiscalPeriod.of_moment(now).fiscal_year, today, plan.deadlines, count=3)
        parts.append("กำหนดส่งที่ใกล้ที่สุด:\n" + "\n".join(render.deadline_line(d) for d in upcoming))
    return "\n\n".join(parts)


def create_app(settings: Settings) -> FastAPI:
    engine = make_engine(settings.database_url)
    app = FastAPI(title="Tidtam", docs_url=None, redoc_url=None)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        with Session(engine) as session:
            session.exec(select(PlanRecord.id).limit(1)).first()
        return {"status": "ok"}

    @app.get("/", response_class=PlainTextResponse)
    def index() -> str:
        with Session(engine) as session:
            return summary_text(session, utcnow())

    return app
