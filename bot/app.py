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
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlmodel import Session

from bot import texts as bt
from bot.dashboard import dashboard_router
from bot.line_client import LineClient
from bot.runtime import Runtime
from bot.security_headers import install_security_headers
from bot.settings import CONSOLE_TOKEN, Settings
from bot.supervisor import WorkerSupervisor
from bot.warmup import warm_up
from bot.webhook import webhook_router
from bot.worker import Worker
from store.db import make_engine
from store.inbox import last_beat, oldest_pending
from store.models import utcnow

log = logging.getLogger("tidtam.app")


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
    line = LineClient(settings.line_base(port), settings.access_token())
    links = settings.link_keys()
    worker = Worker(
        engine,
        line,
        evidence_dir or Path(settings.evidence_dir),
        link_secret=links,
        public_url=settings.public_url,
        privacy=settings.privacy_terms(),
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
        return bt.INDEX

    if console:
        from bot.dev.console import console_router
        from bot.dev.fakeline.app import create_fake_line

        fake_app = create_fake_line(CONSOLE_TOKEN, monthly_quota=None)
        app.mount("/_line", fake_app)
        app.include_router(console_router(runtime, fake_app))
    return app
