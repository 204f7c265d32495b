"""The web service: webhook, worker, health, and (with ``TIDTAM_CONSOLE=1`` only) the local console.

``create_app`` wires settings to parts; the lifespan opens the SDK client inside the running loop,
warms the parser up (so the first message is as fast as the rest) and starts the worker.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlmodel import Session, col, select

from bot import render
from bot.dashboard import dashboard_router
from bot.line_client import LineClient
from bot.security_headers import install_security_headers
from bot.settings import Settings
from bot.supervisor import WorkerSupervisor
from bot.webhook import webhook_router
from bot.worker import Worker
from handlers.conversation import PARSERS
from scoring.deadlines import next_deadlines
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.totals import score_plan
from store import progress
from store.db import make_engine
from store.inbox import last_beat, oldest_pending
from store.models import PlanRecord, utcnow
from store.plans import plan_from_record

log = logging.getLogger("tidtam.app")
CONSOLE_TOKEN = "console-access-token"


def line_base(settings: Settings, port: int) -> str:
    """Where the SDK client sends: LINE, or the fake platform the console mounts at ``/_line``."""
    return f"http://127.0.0.1:{port}/_line" if settings.console_mode else settings.line_api_base


def link_secret(settings: Settings) -> str:
    """The link signing keys; never the channel secret (one leaked key must not open the other door).

    Production refuses to start without ``LINK_SECRET``; elsewhere (console, tests) a key for this
    process only, so links die with it.
    """
    return settings.link_secret.get_secret_value() if settings.link_secret else secrets.token_hex(32)


def access_token(settings: Settings) -> str:
    """The console's fake platform takes its own token; without a real one nothing is sent to LINE."""
    if settings.console_mode:
        return CONSOLE_TOKEN
    token = settings.line_channel_access_token
    return token.get_secret_value() if token else ""


@dataclass
class Runtime:
    """What the running service shares between routes: engine, secret, client, worker."""

    engine: sa.Engine
    channel_secret: str
    line: LineClient
    worker: Worker
    port: int
    console: bool
    supervisor: WorkerSupervisor | None = None
    ready: bool = False
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


def summary_text(session: Session, now: datetime) -> str:
    """The scorecard of each plan of the current fiscal year (or the newest) and the next deadlines."""
    records = session.exec(select(PlanRecord).order_by(col(PlanRecord.fiscal_year).desc())).all()
    if not records:
        return "ยังไม่มีแผนในฐานข้อมูล: ใช้คำสั่ง tidtam plans load plans/*.yaml"
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
        parts.append(render.scorecard(plan, score_plan(plan, results[record.id or 0])))
        today = now.astimezone(BANGKOK).date()
        upcoming = next_deadlines(FiscalPeriod.of_moment(now).fiscal_year, today, plan.deadlines, count=3)
        parts.append("กำหนดส่งที่ใกล้ที่สุด:\n" + "\n".join(render.deadline_line(d) for d in upcoming))
    return "\n\n".join(parts)


def warm_up(engine: sa.Engine) -> int:
    """Build the parser of every loaded plan and parse one message with it, before the first webhook."""
    with Session(engine) as session:
        records = session.exec(select(PlanRecord)).all()
        for record in records:
            parser = PARSERS.get(record, {})
            parser.parse("ตัวชี้วัดที่ 1 ร้อยละ 80 ไตรมาส 1 ประชุมร่วมกับสำนักงานเขต", utcnow().date())
    return len(records)


def create_app(
    settings: Settings,
    *,
    port: int = 8000,
    evidence_dir: Path | None = None,
    inline_worker: bool = True,
    supervisor: WorkerSupervisor | None = None,
) -> FastAPI:
    """``inline_worker=False`` leaves the inbox to ``tidtam worker`` processes (what ``tidtam serve`` runs
    and supervises: pass its ``supervisor`` so ``/healthz`` knows when one is down)."""
    engine = make_engine(settings.database_url)
    console = settings.console_mode
    secret = settings.line_channel_secret.get_secret_value() if settings.line_channel_secret else secrets.token_hex(16)
    line = LineClient(line_base(settings, port), access_token(settings))
    links = link_secret(settings)
    worker = Worker(
        engine, line, evidence_dir or Path(settings.evidence_dir), link_secret=links, public_url=settings.public_url
    )
    worker.can_send = settings.can_send
    runtime = Runtime(engine, secret, line, worker, port, console, supervisor)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await line.open()
        if inline_worker:
            plans = await asyncio.to_thread(warm_up, engine)
            runtime.tasks.append(asyncio.create_task(worker.run(), name="tidtam-worker"))
            log.info("worker inline: %d plans warmed up", plans)
        runtime.ready = True
        log.info("ready (console=%s)", console)
        try:
            yield
        finally:
            runtime.ready = False
            worker.stop()
            for task in runtime.tasks:
                task.cancel()
            await asyncio.gather(*runtime.tasks, return_exceptions=True)
            await line.close()
            engine.dispose()

    app = FastAPI(title="Tidtam", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    install_security_headers(app)
    app.state.runtime = runtime
    wake = worker.wake if inline_worker else (lambda: None)
    app.include_router(webhook_router(engine, lambda: runtime.channel_secret, wake))

    app.include_router(dashboard_router(engine, lambda: links))

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        """200 only when webhooks are being handled: a worker beats and the inbox is not falling behind."""
        if not runtime.ready:
            return JSONResponse({"status": "starting"}, status_code=503)
        now = utcnow()
        with Session(engine) as session:
            beat, oldest = last_beat(session), oldest_pending(session)
        lag = max(0.0, (now - oldest).total_seconds()) if oldest else 0.0
        silence = (now - beat).total_seconds() if beat else None
        problems = list(supervisor.problems()) if supervisor else []
        if silence is None or silence > settings.health_worker_timeout_s:
            problems.append(f"no worker heartbeat for {silence:.0f} s" if silence else "no worker heartbeat yet")
        worker_down = bool(problems)
        if lag > settings.health_inbox_lag_s:
            problems.append(f"oldest unhandled event is {lag:.0f} s old")
        body: dict[str, object] = {
            "status": "unhealthy" if problems else "ok",
            "worker": "down" if worker_down else "alive",
            "inbox_lag_s": round(lag, 1),
            "sending": "on" if settings.can_send else "off: LINE_CHANNEL_ACCESS_TOKEN is not set",
        }
        if problems:
            body["reason"] = "; ".join(problems)
        return JSONResponse(body, status_code=503 if problems else 200)

    @app.get("/", response_class=PlainTextResponse)
    def index() -> str:
        """Anyone may reach this port: say what runs here, and nothing about anyone's indicators."""
        return "Tidtam (ติดตาม) กำลังให้บริการค่ะ — LINE webhook: POST /webhook · สถานะ: /healthz"

    if console:
        from bot.console import console_router
        from bot.fakeline.app import create_fake_line

        fake_app = create_fake_line(CONSOLE_TOKEN, monthly_quota=None)
        app.mount("/_line", fake_app)
        app.include_router(console_router(runtime, fake_app))
    return app
