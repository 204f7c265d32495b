"""Reminders and committee summaries: what the clock would send, and sending it now."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from bot.cli.common import app, database_engine, fail

nudges_app = typer.Typer(no_args_is_help=True, help="Reminders and committee summaries.")
app.add_typer(nudges_app, name="nudges")


def _moment(at: str | None) -> Any:
    from datetime import datetime

    from scoring.fiscal import BANGKOK
    from store.models import utcnow

    if at is None:
        return utcnow()
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        fail(f"ERROR --at {at!r} is not an ISO date-time (e.g. 2024-03-13T09:00+07:00)")
    return moment if moment.tzinfo else moment.replace(tzinfo=BANGKOK)


@nudges_app.command("preview")
def nudges_preview(
    at: Annotated[str | None, typer.Option(help="ISO date-time; Bangkok time when no offset is given.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What would be sent at that moment (a dry run: nothing is written)."""
    from sqlmodel import Session

    from bot.settings import get_settings
    from handlers.nudges.reminders import due_now

    settings = get_settings()
    with database_engine() as engine, Session(engine) as session:
        planned = due_now(session, _moment(at), settings.nudge_settings())
        session.rollback()
    if as_json:
        typer.echo(json.dumps([p.as_json() for p in planned], ensure_ascii=False))
        return
    for p in planned:
        typer.echo(f"[{p.kind}] → {p.to}\n{p.text}\n")
    typer.echo(f"{len(planned)} message(s)")


@nudges_app.command("run")
def nudges_run(
    at: Annotated[str | None, typer.Option(help="ISO date-time; Bangkok time when no offset is given.")] = None,
) -> None:
    """Send what is due at that moment through the outbox; prints {"sent": N} (new messages) last."""
    from bot.clock import tick
    from bot.settings import get_settings

    settings = get_settings()
    with database_engine() as engine:
        new = tick(engine, settings.nudge_settings(), _moment(at))
    if settings.can_send and not settings.console_mode:
        _drain_outbox(settings)
    typer.echo(json.dumps({"sent": new}))


def _drain_outbox(settings: Any) -> None:
    """With LINE credentials, send the queued rows now (the service's worker would, a moment later)."""
    import asyncio
    from pathlib import Path as _Path

    from bot.line_client import LineClient
    from bot.worker import Worker

    async def drain(engine: Any) -> None:
        client = LineClient(settings.line_api_base, settings.access_token())
        await client.open()
        try:
            worker = Worker(engine, client, _Path(settings.evidence_dir))
            while await worker.send_due():
                pass
        finally:
            await client.close()

    with database_engine() as engine:
        asyncio.run(drain(engine))
