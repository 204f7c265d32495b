"""Webhook events the worker gave up on (dead letters): list, retry, discard."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from bot import texts as bt
from bot.cli.common import app, database, fail

inbox_app = typer.Typer(no_args_is_help=True, help="Webhook events the worker gave up on (dead letters).")
app.add_typer(inbox_app, name="inbox")


@inbox_app.command("failed")
def inbox_failed(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Events that failed every attempt: id, LINE event id, chat, when, attempts, and why."""
    from store.inbox import dead_letters

    with database() as session:
        rows = [
            {
                "id": r.id,
                "event": r.webhook_event_id,
                "type": str(r.body.get("type", "?")),
                "chat": r.chat_id,
                "received_at": r.received_at.isoformat() if r.received_at else None,
                "dead_at": r.dead_at.isoformat() if r.dead_at else None,
                "attempts": r.attempts,
                "error": r.last_error,
            }
            for r in dead_letters(session)
        ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        typer.echo(
            f"{row['id']}\t{row['type']}\t{row['event']}\tchat {row['chat']}\t{row['received_at']}\t"
            f"{row['attempts']} attempts\t{row['error']}"
        )
    typer.echo(f"{len(rows)} failed event(s)")


@inbox_app.command("retry")
def inbox_retry(
    event_id: Annotated[int | None, typer.Argument(metavar="[ID]", help="A failed event's id.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every failed event.")] = False,
) -> None:
    """Queue failed events again (after a fix); the worker handles them at once."""
    from store.inbox import retry

    if (event_id is None) == (not all_):
        fail(bt.RETRY_WHICH, 2)
    with database() as session:
        count = retry(session, None if all_ else [event_id or 0])
    if event_id is not None and count == 0:
        fail(bt.NOT_A_FAILED_EVENT.format(event_id=event_id))
    typer.echo(f"queued again: {count}")


@inbox_app.command("discard")
def inbox_discard(event_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Give up on a failed event for good; its body (which may hold a message) is deleted."""
    from store.inbox import discard
    from store.models import utcnow

    with database() as session:
        done = discard(session, event_id, utcnow())
    if not done:
        fail(bt.NOT_A_FAILED_EVENT.format(event_id=event_id))
    typer.echo(f"discarded {event_id}")
