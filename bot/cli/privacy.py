"""Admin: a person's personal data under the PDPA: ``people export`` (a copy) and ``people forget``
(erasure). Each run appends an audit line (who, when, which person id; never a name) to AUDIT_LOG."""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path
from typing import Annotated

import typer

from bot import privacy_texts as pt
from bot.cli.common import database, fail
from bot.cli.people import people_app


def _operator() -> str:
    """Who ran the command, as the machine knows them (the audit line's "who")."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = f"uid:{os.getuid()}"
    return f"{user}@{socket.gethostname()}"


def _write_private(out: Path, text: str) -> None:
    """Write ``text`` to a file only its owner may read: it holds a person's data."""
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


@people_app.command("export", help=pt.EXPORT_HELP)
def people_export(
    person: Annotated[str, typer.Argument(help=pt.PERSON_HELP)],
    out: Annotated[Path, typer.Argument(help=pt.OUT_HELP)],
) -> None:
    from bot.settings import get_settings
    from store.admin import AdminError, find_person
    from store.models import utcnow
    from store.personal_data import audit_line, export, to_json

    now = utcnow()
    with database() as session:
        try:
            found = find_person(session, person)
        except AdminError as exc:
            fail(f"ERROR {exc}")
        data = export(session, found, now)
    try:
        _write_private(out, to_json(data))
    except OSError as exc:
        fail(pt.CANNOT_WRITE.format(out=out, error=exc))
    counts = {"reports": len(data["reports"]), "evidence": len(data["evidence"])}
    audit = get_settings().audit_log
    audit_line(audit, action="people export", person_id=found.id or 0, by=_operator(), at=now, counts=counts)
    typer.echo(pt.WROTE.format(person_id=found.id, out=out, **counts))
    typer.echo(pt.AUDITED.format(path=audit))


@people_app.command("forget", help=pt.FORGET_HELP)
def people_forget(
    person: Annotated[str, typer.Argument(help=pt.PERSON_HELP)],
    yes: Annotated[bool, typer.Option("--yes", help=pt.YES_HELP)] = False,
) -> None:
    from sqlmodel import select

    from bot.settings import get_settings
    from store.admin import AdminError, find_person
    from store.models import LineIdentity, Person, utcnow
    from store.personal_data import audit_line, forget

    with database() as session:
        try:
            found = find_person(session, person)
        except AdminError as exc:
            fail(f"ERROR {exc}")
        person_id, name = found.id or 0, found.name
    if not yes:
        typer.confirm(pt.CONFIRM_FORGET.format(person_id=person_id, name=name), abort=True)
    now = utcnow()
    with database() as session:
        target = session.get(Person, person_id)
        if target is None:
            fail(f"ERROR no person {person_id}")
        accounts = sorted(session.exec(select(LineIdentity.line_user_id).where(LineIdentity.person_id == person_id)))
        done = forget(session, target, now)
    counts = done.counts()
    audit = get_settings().audit_log
    audit_line(audit, action="people forget", person_id=person_id, by=_operator(), at=now, counts=counts)
    if any(counts.values()):
        shown = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        typer.echo(pt.FORGOTTEN.format(person_id=person_id, counts=shown))
    else:
        typer.echo(pt.NOTHING_LEFT.format(person_id=person_id))
    typer.echo(pt.AUDITED.format(path=audit))
    _unlink(accounts)


def _unlink(accounts: list[str]) -> None:
    """The forgotten person's LINE accounts lose Tidtam's menu; the erasure stands if LINE fails."""
    from bot.line_menus import LineMenuError, unlink_menus

    try:
        unlinked = unlink_menus(accounts)
    except LineMenuError as exc:
        typer.echo(pt.MENU_UNLINK_FAILED.format(error=exc), err=True)
    else:
        if unlinked:
            typer.echo(pt.MENU_UNLINKED.format(n=len(unlinked)))
