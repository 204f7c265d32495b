"""An admin sets up a unit, a person with roles, and a link code; the person binds LINE with it."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from handlers.dispatch import EventContext, dispatch
from store.db import make_engine
from store.models import LineIdentity, Person, Role, RoleGrant, utcnow


def run(*args: str) -> str:
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code == 0, out.output
    return out.stdout


def test_units_people_roles_and_invite(cli_db: str, tmp_path: object) -> None:
    run("units", "add", "สำนักงานเขตบางรัก", "--alias", "เขตบางรัก")
    run("units", "add", "ฝ่ายปกครอง", "--parent", "เขตบางรัก")
    run("people", "add", "สุดา ทำดี", "--unit", "ฝ่ายปกครอง", "--role", "reporter")
    run("people", "grant", "สุดา ทำดี", "manager", "--unit", "สำนักงานเขตบางรัก")
    run("people", "add", "สุดา ทำดี", "--unit", "ฝ่ายปกครอง", "--role", "reporter")  # again: nothing new
    code = run("invite", "สุดา ทำดี").strip()
    assert code.startswith("TT-") and len(code) == 12
    engine = make_engine(cli_db)
    with Session(engine) as s:
        person = s.exec(select(Person).where(Person.name == "สุดา ทำดี")).one()
        grants = {(g.role, g.unit_id is not None) for g in s.exec(select(RoleGrant)).all()}
        assert grants == {(Role.reporter, True), (Role.manager, True)}
        assert len(s.exec(select(Person)).all()) == 1
    # The person sends the code to the bot from LINE: their account is bound, once.
    from linebot.v3.webhooks import Event

    from tests.live import text_event

    user = "U" + "1" * 32
    with Session(engine) as s:
        reply = dispatch(EventContext(s, utcnow(), tmp_path), Event.from_dict(text_event(user, code)))  # type: ignore[arg-type]
        s.commit()
        assert reply.texts[0].startswith("เชื่อมบัญชีเรียบร้อยแล้วค่ะ สวัสดีคุณสุดา ทำดี")
        assert s.exec(select(LineIdentity)).one().person_id == person.id
    engine.dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("people", "add", "x", "--unit", "ไม่มีหน่วยนี้"), "no unit named"),
        (("people", "grant", "ไม่มีใคร", "reporter"), "no person"),
        (("invite", "ไม่มีใคร"), "no person"),
    ],
)
def test_admin_errors_are_clear(cli_db: str, args: tuple[str, ...], message: str) -> None:
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code == 1 and message in out.output


def test_unknown_role_is_refused(cli_db: str) -> None:
    run("units", "add", "สำนักงานเขตบางรัก")
    out = CliRunner().invoke(app, ["people", "add", "ก", "--unit", "สำนักงานเขตบางรัก", "--role", "boss"])
    assert out.exit_code == 1 and "unknown role 'boss'" in out.output


def test_a_name_two_people_share_is_refused_and_nobody_is_forgotten(cli_db: str) -> None:
    run("units", "add", "สำนักงานเขตบางรัก")
    run("units", "add", "สำนักงานเขตบางกอกน้อย")
    run("people", "add", "สุดา ทำดี", "--unit", "สำนักงานเขตบางรัก", "--role", "reporter")
    run("people", "add", "สุดา ทำดี", "--unit", "สำนักงานเขตบางกอกน้อย", "--role", "reporter")
    out = CliRunner().invoke(app, ["people", "forget", "สุดา ทำดี", "--yes"])
    assert out.exit_code != 0 and "give the id" in out.output, out.output
    with Session(make_engine(cli_db)) as s:
        assert [p.name for p in s.exec(select(Person)).all()] == ["สุดา ทำดี", "สุดา ทำดี"]


def test_grant_reads_roles_in_thai_as_revoke_and_the_roster_do(cli_db: str) -> None:
    run("units", "add", "สำนักงานเขตบางรัก")
    run("people", "add", "สุดา ทำดี", "--unit", "สำนักงานเขตบางรัก")
    run("people", "grant", "สุดา ทำดี", "ผู้รายงาน", "--unit", "สำนักงานเขตบางรัก")
    with Session(make_engine(cli_db)) as s:
        assert [g.role for g in s.exec(select(RoleGrant)).all()] == [Role.reporter]
    run("people", "revoke", "สุดา ทำดี", "ผู้รายงาน", "--unit", "สำนักงานเขตบางรัก")
    with Session(make_engine(cli_db)) as s:
        assert s.exec(select(RoleGrant)).all() == []
