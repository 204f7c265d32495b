"""Admin: demo data, units, people, roles, leave and invite codes."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlmodel import Session

from bot import texts as bt
from bot.cli.common import app, database, fail

demo_app = typer.Typer(no_args_is_help=True, help="Demo units, people and plans.")
app.add_typer(demo_app, name="demo")


@demo_app.command("load")
def demo_load() -> None:
    """Load the sample plans, demo units, people, roles and LINE identities into DATABASE_URL (idempotent)."""
    from bot.settings import get_settings
    from store.demo import load_demo
    from store.models import utcnow

    with database() as session:
        people = load_demo(session, get_settings().plans_dir, utcnow())
    typer.echo(f"demo loaded: {len(people)} people")


units_app = typer.Typer(no_args_is_help=True, help="Organisation units.")
people_app = typer.Typer(no_args_is_help=True, help="People and their roles.")
app.add_typer(units_app, name="units")
app.add_typer(people_app, name="people")


@units_app.command("add")
def units_add(
    name: str,
    parent: Annotated[str | None, typer.Option(help="Name of the parent unit.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Other names or abbreviations (repeatable).")] = None,
) -> None:
    """Create a unit (ส่วนราชการ / ฝ่าย / กลุ่มงาน); adding it again changes nothing."""
    from store.admin import AdminError, add_unit

    with database() as session:
        try:
            unit = add_unit(session, name, parent=parent, aliases=tuple(alias or ()))
        except AdminError as exc:
            fail(f"ERROR {exc}")
        typer.echo(f"unit {unit.id}: {unit.name}")


@people_app.command("add")
def people_add(
    name: str,
    unit: Annotated[str, typer.Option(help="The person's unit (name).")],
    role: Annotated[list[str] | None, typer.Option(help="reporter, unit_head, committee, manager, admin.")] = None,
    position: Annotated[str | None, typer.Option(help=bt.POSITION_HELP)] = None,
) -> None:
    """Create a person in a unit with roles scoped to that unit (committee and admin: every unit)."""
    from store.admin import AdminError, add_person

    with database() as session:
        try:
            person = add_person(session, name, unit=unit, roles=tuple(role or ()), position=position)
        except AdminError as exc:
            fail(f"ERROR {exc}")
        typer.echo(f"person {person.id}: {person.name}")


@people_app.command("grant")
def people_grant(
    person: str,
    role: str,
    unit: Annotated[str | None, typer.Option(help="Scope: the unit this role applies to.")] = None,
) -> None:
    """Grant a role (a manager may be granted several units, one grant each); their LINE menu follows."""
    from store.admin import AdminError, find_person, grant

    with database() as session:
        try:
            found = find_person(session, person)
            grant(session, found, role, unit)
        except AdminError as exc:
            fail(f"ERROR {exc}")
        typer.echo(f"granted {role} to {person}" + (f" for {unit}" if unit else ""))
        relink(session, [found.id or 0])


def relink(session: Session, person_ids: list[int]) -> None:
    """Whenever roles change, each person's LINE menu follows; a LINE failure leaves the change standing
    (the menu catches up at the next ``tidtam line setup``)."""
    from bot import line_setup_texts as lt
    from bot.line_menus import LineMenuError, relink_menus

    try:
        relinked = relink_menus(session, person_ids)
    except LineMenuError as exc:
        typer.echo(lt.MENU_RELINK_FAILED.format(error=exc), err=True)
    else:
        if relinked:
            typer.echo(lt.MENU_RELINKED.format(n=len(relinked)))


@people_app.command("leave")
def people_leave(
    person: str,
    until: Annotated[str, typer.Option(help="Last day of leave, YYYY-MM-DD (CE); 'none' to clear.")],
    acting: Annotated[str | None, typer.Option(help=bt.ACTING_HELP)] = None,
) -> None:
    """Set a person's leave; reminders skip them and go to the acting officer instead."""
    from datetime import date

    from store.admin import AdminError, find_person

    with database() as session:
        try:
            found = find_person(session, person)
            found.on_leave_until = None if until == "none" else date.fromisoformat(until)
            session.add(found)
            if acting:
                stand_in = find_person(session, acting)
                stand_in.acting_for_id = found.id
                session.add(stand_in)
        except (AdminError, ValueError) as exc:
            fail(f"ERROR {exc}")
        typer.echo(
            f"{found.name}: on leave until {found.on_leave_until or '-'}" + (f", {acting} acting" if acting else "")
        )


@app.command("invite")
def invite(person: Annotated[str, typer.Argument(help="Person id or exact name.")]) -> None:
    """Print a one-time code the person sends to the bot to link their LINE account (valid 7 days)."""
    from store.admin import AdminError, find_person
    from store.identities import issue_link_code
    from store.models import utcnow

    with database() as session:
        try:
            found = find_person(session, person)
        except AdminError as exc:
            fail(f"ERROR {exc}")
        code = issue_link_code(session, found, utcnow())
    typer.echo(code)
