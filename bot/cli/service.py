"""The processes: the web service with its supervised workers, a worker alone, the clock."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from bot import texts as bt
from bot.cli.common import app, database, database_engine, fail
from store.plan_files import load_plan

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    inline_worker: Annotated[
        bool, typer.Option(help="Run the worker inside the web process instead of a child process.")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, max=16, help="Worker processes to run and supervise.")] = 1,
) -> None:
    """Start the service on DATABASE_URL with the sample plans; with TIDTAM_CONSOLE=1, the local console
    and the demo in the current fiscal year."""
    import logging
    import os

    import uvicorn

    from bot.app import create_app
    from bot.settings import get_settings
    from bot.summary import summary_text
    from bot.supervisor import WorkerSupervisor
    from store.demo import load_demo
    from store.models import utcnow
    from store.plans import import_plan

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The worker shares the process with the webhook: hand the GIL over often, so acks stay fast.
    sys.setswitchinterval(0.0005)
    settings = get_settings()
    if settings.console_mode and host not in LOOPBACK:
        fail(bt.CONSOLE_LOOPBACK_ONLY.format(host=host), 2)
    problems = settings.production_problems()
    if problems:
        fail(bt.CANNOT_START.format(problems="\n  - ".join(problems)), 2)
    if settings.console_mode and settings.link_secret is None:
        # One key for this run, shared with the worker child: links signed there open pages here.
        import secrets

        os.environ["LINK_SECRET"] = secrets.token_hex(32)
        get_settings.cache_clear()
        settings = get_settings()
    if settings.console_mode and "PUBLIC_URL" not in os.environ:
        # The local console: links from chat point at this very server. In production set PUBLIC_URL.
        settings = settings.model_copy(update={"public_url": f"http://{host}:{port}"})
    with database() as session:
        for path in sorted(settings.plans_dir.glob("*.yaml")):
            import_plan(session, load_plan(path))
        now = utcnow()
        if settings.console_mode:
            # The demo runs in this fiscal year (the sample plans re-dated, with reports so far).
            load_demo(session, settings.plans_dir, now, as_of=now)
        typer.echo(summary_text(session, now))
    typer.echo(bt.SERVING.format(host=host, port=port))
    if settings.console_mode:
        typer.echo(bt.CONSOLE_AT.format(host=host, port=port))
    elif not settings.can_send:
        typer.echo(bt.NO_ACCESS_TOKEN, err=True)
    supervisor = None
    if not inline_worker:
        exe = str(Path(sys.executable).with_name("tidtam"))
        command = [exe, "worker", "--line-base", settings.line_base(port), "--parent-pid", str(os.getpid())]
        supervisor = WorkerSupervisor([*command, "--public-url", settings.public_url], workers)
        supervisor.start()
    try:
        uvicorn.run(
            create_app(settings, port=port, inline_worker=inline_worker, supervisor=supervisor),
            host=host,
            port=port,
            log_level="warning",
            server_header=False,
        )
    finally:
        if supervisor is not None:
            supervisor.stop()


@app.command("worker")
def worker(
    line_base: Annotated[str | None, typer.Option(help="LINE API base URL (default LINE_API_BASE).")] = None,
    parent_pid: Annotated[int | None, typer.Option(help="Exit when this process is gone.")] = None,
    public_url: Annotated[str | None, typer.Option(help="Base URL of links sent in chat.")] = None,
) -> None:
    """The inbox/outbox worker as a process (``tidtam serve`` starts and supervises them)."""
    import asyncio
    import contextlib
    import logging

    from bot.line_client import LineClient
    from bot.settings import get_settings
    from bot.worker import run_worker_process

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = get_settings()
    client = LineClient(line_base or settings.line_api_base, settings.access_token())
    with database_engine() as engine, contextlib.suppress(KeyboardInterrupt):
        asyncio.run(
            run_worker_process(
                engine,
                client,
                Path(settings.evidence_dir),
                parent_pid=parent_pid,
                link_secret=settings.link_keys(),
                public_url=public_url or settings.public_url,
                can_send=settings.can_send,
                privacy=settings.privacy_terms(),
            )
        )


@app.command("clock")
def clock(
    tick_seconds: Annotated[int, typer.Option(help="Seconds between ticks.")] = 60,
) -> None:
    """The scheduler process (Procfile ``clock``): one APScheduler, never inside web workers."""
    from bot.clock import run_clock
    from bot.settings import get_settings

    run_clock(get_settings(), tick_seconds=tick_seconds)
