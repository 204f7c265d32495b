"""Admin: people from a roster file, their invite sheets, and taking people or roles off the roster."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from bot.cli.common import database, database_engine, fail
from bot.cli.people import people_app, relink


@people_app.command("import")
def people_import(
    file: Annotated[
        Path, typer.Argument(help="The roster: .xlsx (first sheet) or .csv, a header row, one person a row.")
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report what would change; write nothing.")] = False,
    invites: Annotated[
        Path | None,
        typer.Option(help="Folder for the invite sheets (xlsx + printable PDF cards) of people without LINE."),
    ] = None,
    new_codes: Annotated[
        bool, typer.Option("--new-codes", help="Issue new codes even to people with a pending one (old ones stop).")
    ] = False,
    create_units: Annotated[
        bool, typer.Option("--create-units", help="Create units the roster names that do not exist yet.")
    ] = False,
) -> None:
    """Add and update people from a roster (ชื่อ-สกุล, ตำแหน่ง, หน่วยงาน, บทบาท, ตัวชี้วัด, ผู้รักษาราชการแทน, โทรศัพท์).

    Valid rows are applied in one transaction, bad rows are listed with their row and column; the
    exit code is 1 when any row was refused. Importing the same file again changes nothing.
    """
    from bot.invite_sheet import LAKSAMAN, InviteSheetError, add_friend_url
    from bot.settings import get_settings
    from store import roster_texts as rt
    from store.models import utcnow
    from store.roster import RosterFileError, import_roster, read_roster

    try:
        roster = read_roster(file)
        url = add_friend_url(get_settings().line_bot_basic_id) if invites is not None else ""
        if invites is not None:
            LAKSAMAN.check()
    except RosterFileError as exc:
        fail(f"ERROR {exc}")
    except InviteSheetError as exc:
        fail(str(exc))

    now = utcnow()
    notes: list[str] = []
    try:
        with database_engine() as engine, Session(engine, expire_on_commit=False) as session:
            result = import_roster(session, roster, now=now, create_units=create_units)
            if invites is not None:
                people = [p.person_id for p in result.people]
                notes = _invites(session, people, invites, url=url, now=now, dry_run=dry_run, new_codes=new_codes)
            if dry_run:
                session.rollback()
            else:
                session.commit()
                relink(session, [p.person_id for p in result.people])
    except InviteSheetError as exc:
        fail(str(exc))  # the transaction was rolled back: no code exists that no sheet shows

    for line in result.lines() + notes:
        typer.echo(line)
    if dry_run:
        typer.echo(rt.DRY_RUN)
    if result.errors:
        raise typer.Exit(1)


def _invites(
    session: Session, people: list[int], out_dir: Path, *, url: str, now: datetime, dry_run: bool, new_codes: bool
) -> list[str]:
    """Issue the codes and write the sheets (inside the import's transaction: a sheet that cannot be
    written leaves no code behind), or in a dry run count who would get one."""
    from bot import invite_sheet_texts as it
    from bot.invite_sheet import write_invite_sheets
    from store.roster import issue_invites, plan_invites

    notes: list[str] = []
    if dry_run:
        run = plan_invites(session, people, now=now, new_codes=new_codes)
        notes.append(it.WOULD_ISSUE.format(count=len(run.to_issue)))
    else:
        run = issue_invites(session, people, now=now, new_codes=new_codes)
        if run.invites:
            xlsx, pdf = write_invite_sheets(run.invites, out_dir, url=url, now=now)
            notes.append(it.WROTE.format(count=len(run.invites), xlsx=xlsx, pdf=pdf))
        else:
            notes.append(it.NONE_TO_ISSUE)
    counts = ((it.ALREADY_LINKED, run.linked), (it.PENDING, run.pending), (it.INACTIVE, run.inactive))
    return notes + [text.format(count=count) for text, count in counts if count]


@people_app.command("deactivate")
def people_deactivate(person: Annotated[str, typer.Argument(help="Person id or exact name.")]) -> None:
    """Take a person off duty: no reminders, not heard in chat; roles, indicators and LINE stay."""
    _set_active(person, False)


@people_app.command("activate")
def people_activate(person: Annotated[str, typer.Argument(help="Person id or exact name.")]) -> None:
    """Bring a deactivated person back, as they were."""
    _set_active(person, True)


def _set_active(key: str, active: bool) -> None:
    from store import roster_texts as rt
    from store.models import Unit
    from store.roster import RosterError, find_person, set_active

    with database() as session:
        try:
            found = find_person(session, key)
        except RosterError as exc:
            fail(f"ERROR {exc}")
        unit = session.get(Unit, found.unit_id) if found.unit_id else None
        changed = set_active(session, found, active)
        if changed:
            relink(session, [found.id or 0])  # an inactive person sees no role's menu
        text = (rt.ACTIVATED, rt.ALREADY_ACTIVE) if active else (rt.DEACTIVATED, rt.ALREADY_INACTIVE)
        message = (text[0] if changed else text[1]).format(name=found.name, unit=unit.name if unit else rt.NONE)
    typer.echo(message)


@people_app.command("revoke")
def people_revoke(
    person: Annotated[str, typer.Argument(help="Person id or exact name.")],
    role: Annotated[str, typer.Argument(help="reporter, unit_head, committee, manager, admin (or the Thai name).")],
    unit: Annotated[str | None, typer.Option(help="The unit the role applies to (default: the person's own).")] = None,
) -> None:
    """Remove one role grant (committee and admin apply to every unit)."""
    from store import roster_texts as rt
    from store.admin import AdminError, find_unit
    from store.models import Unit
    from store.roster import RosterError, find_person, revoke, role_name

    with database() as session:
        try:
            found = find_person(session, person)
            scope = find_unit(session, unit) if unit else None
            grant = revoke(session, found, role, scope)
        except (RosterError, AdminError) as exc:
            fail(f"ERROR {exc}")
        where = session.get(Unit, grant.unit_id) if grant.unit_id else None
        scope_text = rt.GRANT_SCOPE.format(unit=where.name) if where else ""
        message = rt.REVOKED.format(role=role_name(grant.role), scope=scope_text, name=found.name)
        relink(session, [found.id or 0])
    typer.echo(message)
