"""The ``tidtam`` command: plans, scoring, deadlines, database and service entry points."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from bot import render
from bot import texts as bt
from scoring.plan import Plan
from store.plan_files import PlanFileError, find_plan, load_plan

app = typer.Typer(no_args_is_help=True, add_completion=False, help=bt.CLI_HELP)
plans_app = typer.Typer(no_args_is_help=True, help="Plan files: validate and load.")
app.add_typer(plans_app, name="plans")
db_app = typer.Typer(no_args_is_help=True, help="Database schema.")
app.add_typer(db_app, name="db")


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@plans_app.command("check")
def plans_check(files: list[Path]) -> None:
    """Validate plan files and print a summary of groups, indicators and weight sums."""
    failed = False
    for f in files:
        try:
            plan = load_plan(f)
        except PlanFileError as exc:
            typer.echo(f"ERROR {exc}", err=True)
            failed = True
            continue
        typer.echo(f"OK {f}: {plan.id} (FY{plan.fiscal_year}, {plan.unit})")
        for g in plan.groups:
            _print_group(g, depth=1)
        declared = plan.declared_weight()
        groups_text = f", groups {declared:g}" if declared is not None else ""
        count = sum(1 for _ in plan.indicators())
        typer.echo(f"  total weight {plan.weight_sum():g}{groups_text}, {count} indicators")
    if failed:
        raise typer.Exit(1)


def _print_group(group: object, depth: int) -> None:
    from scoring.plan import Group

    assert isinstance(group, Group)
    printed = f"{group.weight:g}" if group.weight is not None else "-"
    typer.echo(
        f"{'  ' * depth}{group.kind} {group.code} {group.name[:50]}: weight {printed}, "
        f"parts {group.weight_of_parts():g}, {len(group.indicators)} indicators"
    )
    for sub in group.groups:
        _print_group(sub, depth + 1)


@plans_app.command("load")
def plans_load(files: list[Path]) -> None:
    """Validate plan files and load them into DATABASE_URL (idempotent)."""
    from bot.settings import get_settings
    from store.db import make_engine, session_scope, upgrade
    from store.plans import PlanImportError, import_plan

    url = get_settings().database_url
    plans = [_plan(f) for f in files]
    upgrade(url)
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            for plan in plans:
                outcome = import_plan(session, plan)
                typer.echo(f"{outcome.action} {outcome.key} v{outcome.version}: {outcome.indicators} indicators")
    except PlanImportError as exc:
        _fail(f"ERROR {exc}")
    finally:
        engine.dispose()


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply the database migrations to DATABASE_URL."""
    from bot.settings import get_settings
    from store.db import upgrade

    upgrade(get_settings().database_url, revision)
    typer.echo(f"database at {revision}")


def _read_mapping(path: Path) -> dict[str, object]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        _fail(f"ERROR {path}: cannot read results: {exc}")
    if not isinstance(data, dict):
        _fail(f"ERROR {path}: results must be a mapping of indicator code to a number or {{value, done}}")
    return data


@app.command("score")
def score(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN")],
    results_file: Annotated[Path, typer.Argument(metavar="RESULTS")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score a plan against a result set (JSON or YAML: code → number or {value, done})."""
    from scoring.results import ResultsError, parse_results
    from scoring.totals import score_plan

    plan = _plan(plan_file)
    try:
        results = parse_results(plan, _read_mapping(results_file))
    except ResultsError as exc:
        _fail(f"ERROR {results_file}: {exc}")
    scored = score_plan(plan, results)
    payload = {
        "total": round(scored.total, 4),
        "max": round(scored.max, 4),
        "indicators": [
            {"code": e.code, "level": e.level, "points": round(e.points, 4), "next": e.next}
            for e in scored.indicators()
        ],
    }
    if as_json:
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    typer.echo(render.scorecard(plan, scored))


@app.command("deadlines")
def deadlines(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The monthly and quarterly deadlines of the plan's fiscal year."""
    from scoring.deadlines import deadlines_for

    plan = _plan(plan_file)
    items = deadlines_for(plan.fiscal_year, plan.deadlines)
    if as_json:
        typer.echo(json.dumps([d.as_json() for d in items], ensure_ascii=False))
        return
    for d in items:
        typer.echo(render.deadline_line(d))


@app.command("parse")
def parse(
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN")],
    text: Annotated[
        str | None, typer.Argument(metavar="[TEXT]", help="A message; without it, one a line from stdin.")
    ] = None,
    today: Annotated[str | None, typer.Option(help="The message's date, YYYY-MM-DD (Bangkok); default today.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object a line.")] = False,
) -> None:
    """Parse Thai progress messages against a plan: indicator, value, period, and what to ask back."""
    from datetime import date

    from handlers.parse.parser import MessageParser
    from scoring.fiscal import bangkok_date
    from store.models import utcnow

    plan = _plan(plan_file)
    try:
        day = date.fromisoformat(today) if today else bangkok_date(utcnow())
    except ValueError:
        _fail(f"ERROR --today {today!r} is not a date (YYYY-MM-DD)")
    parser = MessageParser(plan)
    lines = [text] if text is not None else [line.rstrip("\n") for line in sys.stdin]
    for line in lines:
        if text is None and not line.strip():
            continue
        result = parser.parse(line, day)
        if as_json:
            typer.echo(json.dumps(result.as_json(), ensure_ascii=False))
        else:
            typer.echo(render.parse_summary(result.as_json()))


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
    """Start the service on DATABASE_URL with the sample plans; with TIDTAM_CONSOLE=1, the local console."""
    import logging
    import os

    import uvicorn
    from sqlmodel import Session

    from bot.app import create_app
    from bot.settings import get_settings
    from bot.summary import summary_text
    from bot.supervisor import WorkerSupervisor
    from store.db import make_engine, session_scope, upgrade
    from store.demo import load_demo
    from store.models import utcnow
    from store.plans import import_plan

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # The worker shares the process with the webhook: hand the GIL over often, so acks stay fast.
    sys.setswitchinterval(0.0005)
    settings = get_settings()
    if settings.console_mode and host not in LOOPBACK:
        _fail(bt.CONSOLE_LOOPBACK_ONLY.format(host=host), 2)
    problems = settings.production_problems()
    if problems:
        _fail(bt.CANNOT_START.format(problems="\n  - ".join(problems)), 2)
    if settings.console_mode and settings.link_secret is None:
        # One key for this run, shared with the worker child: links signed there open pages here.
        import secrets

        os.environ["LINK_SECRET"] = secrets.token_hex(32)
        get_settings.cache_clear()
        settings = get_settings()
    if settings.console_mode and "PUBLIC_URL" not in os.environ:
        # The local console: links from chat point at this very server. In production set PUBLIC_URL.
        settings = settings.model_copy(update={"public_url": f"http://{host}:{port}"})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        for path in sorted(settings.plans_dir.glob("*.yaml")):
            import_plan(session, load_plan(path))
        if settings.console_mode:
            load_demo(session, settings.plans_dir, utcnow())
    with Session(engine) as session:
        typer.echo(summary_text(session, utcnow()))
    engine.dispose()
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
    import logging

    from bot.line_client import LineClient
    from bot.settings import get_settings
    from bot.worker import run_worker_process
    from store.db import make_engine, upgrade

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = get_settings()
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    client = LineClient(line_base or settings.line_api_base, settings.access_token())
    try:
        asyncio.run(
            run_worker_process(
                engine,
                client,
                Path(settings.evidence_dir),
                parent_pid=parent_pid,
                link_secret=settings.link_keys(),
                public_url=public_url or settings.public_url,
                can_send=settings.can_send,
            )
        )
    except KeyboardInterrupt:
        pass
    finally:
        engine.dispose()


demo_app = typer.Typer(no_args_is_help=True, help="Demo units, people and plans.")
app.add_typer(demo_app, name="demo")


@demo_app.command("load")
def demo_load() -> None:
    """Load the sample plans, demo units, people, roles and LINE identities into DATABASE_URL (idempotent)."""
    from bot.settings import get_settings
    from store.db import make_engine, session_scope, upgrade
    from store.demo import load_demo
    from store.models import utcnow

    settings = get_settings()
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        people = load_demo(session, settings.plans_dir, utcnow())
    engine.dispose()
    typer.echo(f"demo loaded: {len(people)} people")


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
        _fail(f"ERROR --at {at!r} is not an ISO date-time (e.g. 2024-03-13T09:00+07:00)")
    return moment if moment.tzinfo else moment.replace(tzinfo=BANGKOK)


@nudges_app.command("preview")
def nudges_preview(
    at: Annotated[str | None, typer.Option(help="ISO date-time; Bangkok time when no offset is given.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What would be sent at that moment (a dry run: nothing is written)."""
    from bot.settings import get_settings
    from handlers.nudges.reminders import due_now
    from store.db import make_engine, upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    from sqlmodel import Session

    with Session(engine) as session:
        planned = due_now(session, _moment(at), settings.nudge_settings())
        session.rollback()
    engine.dispose()
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
    from store.db import upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    new = tick(settings.database_url, settings.nudge_settings(), _moment(at))
    if settings.can_send and not settings.console_mode:
        _drain_outbox(settings)
    typer.echo(json.dumps({"sent": new}))


def _drain_outbox(settings: Any) -> None:
    """With LINE credentials, send the queued rows now (the service's worker would, a moment later)."""
    import asyncio
    from pathlib import Path as _Path

    from bot.line_client import LineClient
    from bot.worker import Worker
    from store.db import make_engine

    async def drain() -> None:
        engine = make_engine(settings.database_url)
        client = LineClient(settings.line_api_base, settings.access_token())
        await client.open()
        try:
            worker = Worker(engine, client, _Path(settings.evidence_dir))
            while await worker.send_due():
                pass
        finally:
            await client.close()
            engine.dispose()

    asyncio.run(drain())


inbox_app = typer.Typer(no_args_is_help=True, help="Webhook events the worker gave up on (dead letters).")
app.add_typer(inbox_app, name="inbox")


@inbox_app.command("failed")
def inbox_failed(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Events that failed every attempt: id, LINE event id, chat, when, attempts, and why."""
    from store.inbox import dead_letters

    with _admin_session() as session:
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
        _fail(bt.RETRY_WHICH, 2)
    with _admin_session() as session:
        count = retry(session, None if all_ else [event_id or 0])
    if event_id is not None and count == 0:
        _fail(bt.NOT_A_FAILED_EVENT.format(event_id=event_id))
    typer.echo(f"queued again: {count}")


@inbox_app.command("discard")
def inbox_discard(event_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Give up on a failed event for good; its body (which may hold a message) is deleted."""
    from store.inbox import discard
    from store.models import utcnow

    with _admin_session() as session:
        done = discard(session, event_id, utcnow())
    if not done:
        _fail(bt.NOT_A_FAILED_EVENT.format(event_id=event_id))
    typer.echo(f"discarded {event_id}")


units_app = typer.Typer(no_args_is_help=True, help="Organisation units.")
people_app = typer.Typer(no_args_is_help=True, help="People and their roles.")
app.add_typer(units_app, name="units")
app.add_typer(people_app, name="people")


def _admin_session() -> Any:
    from bot.settings import get_settings
    from store.db import make_engine, session_scope, upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    return session_scope(make_engine(settings.database_url))


@units_app.command("add")
def units_add(
    name: str,
    parent: Annotated[str | None, typer.Option(help="Name of the parent unit.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Other names or abbreviations (repeatable).")] = None,
) -> None:
    """Create a unit (ส่วนราชการ / ฝ่าย / กลุ่มงาน); adding it again changes nothing."""
    from store.admin import AdminError, add_unit

    with _admin_session() as session:
        try:
            unit = add_unit(session, name, parent=parent, aliases=tuple(alias or ()))
        except AdminError as exc:
            _fail(f"ERROR {exc}")
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

    with _admin_session() as session:
        try:
            person = add_person(session, name, unit=unit, roles=tuple(role or ()), position=position)
        except AdminError as exc:
            _fail(f"ERROR {exc}")
        typer.echo(f"person {person.id}: {person.name}")


@people_app.command("grant")
def people_grant(
    person: str,
    role: str,
    unit: Annotated[str | None, typer.Option(help="Scope: the unit this role applies to.")] = None,
) -> None:
    """Grant a role (a manager may be granted several units, one grant each)."""
    from store.admin import AdminError, find_person, grant

    with _admin_session() as session:
        try:
            grant(session, find_person(session, person), role, unit)
        except AdminError as exc:
            _fail(f"ERROR {exc}")
        typer.echo(f"granted {role} to {person}" + (f" for {unit}" if unit else ""))


@people_app.command("leave")
def people_leave(
    person: str,
    until: Annotated[str, typer.Option(help="Last day of leave, YYYY-MM-DD (CE); 'none' to clear.")],
    acting: Annotated[str | None, typer.Option(help=bt.ACTING_HELP)] = None,
) -> None:
    """Set a person's leave; reminders skip them and go to the acting officer instead."""
    from datetime import date

    from store.admin import AdminError, find_person

    with _admin_session() as session:
        try:
            found = find_person(session, person)
            found.on_leave_until = None if until == "none" else date.fromisoformat(until)
            session.add(found)
            if acting:
                stand_in = find_person(session, acting)
                stand_in.acting_for_id = found.id
                session.add(stand_in)
        except (AdminError, ValueError) as exc:
            _fail(f"ERROR {exc}")
        typer.echo(
            f"{found.name}: on leave until {found.on_leave_until or '-'}" + (f", {acting} acting" if acting else "")
        )


@app.command("invite")
def invite(person: Annotated[str, typer.Argument(help="Person id or exact name.")]) -> None:
    """Print a one-time code the person sends to the bot to link their LINE account (valid 7 days)."""
    from bot.settings import get_settings
    from store.admin import AdminError, find_person
    from store.db import make_engine, session_scope, upgrade
    from store.identities import issue_link_code
    from store.models import utcnow

    settings = get_settings()
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        try:
            found = find_person(session, person)
        except AdminError as exc:
            _fail(f"ERROR {exc}")
        code = issue_link_code(session, found, utcnow())
    engine.dispose()
    typer.echo(code)


@app.command("clock")
def clock(
    tick_seconds: Annotated[int, typer.Option(help="Seconds between ticks.")] = 60,
) -> None:
    """The scheduler process (Procfile ``clock``): one APScheduler, never inside web workers."""
    from bot.clock import run_clock
    from bot.settings import get_settings

    run_clock(get_settings(), tick_seconds=tick_seconds)


@app.command("export")
def export(
    plan: Annotated[
        str,
        typer.Option(
            "--plan",
            metavar="PLAN",
            help="A plan loaded in DATABASE_URL: its id (fy2567-governor-secretary), its file's path, "
            "or a file name under plans/.",
        ),
    ],
    fiscal_year: Annotated[int, typer.Option("--fiscal-year", help=bt.FISCAL_YEAR_HELP)],
    quarter: Annotated[int, typer.Option("--quarter", min=1, max=4, help=bt.QUARTER_HELP)],
    out: Annotated[Path, typer.Option("--out", help="The .xlsx to write; the history goes to the same name .csv.")],
) -> None:
    """Write the quarterly report (form สยป.3) as .xlsx, and every report with its history as .csv next to it."""
    from sqlmodel import Session

    from bot.export_xlsx import write_quarterly_xlsx, write_reports_csv
    from bot.settings import get_settings
    from store.db import make_engine, upgrade
    from store.export_quarterly import ExportError

    if out.suffix.lower() != ".xlsx":
        _fail(bt.OUT_NOT_XLSX.format(name=out.name))
    history = out.with_suffix(".csv")
    url = get_settings().database_url
    upgrade(url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            key = _plan_key(session, plan)
            report = write_quarterly_xlsx(session, key, fiscal_year, quarter, out)
            lines = write_reports_csv(session, key, fiscal_year, history)
    except ExportError as exc:
        _fail(f"ERROR {exc}")
    except OSError as exc:
        _fail(bt.CANNOT_WRITE_EXPORT.format(error=exc))
    finally:
        engine.dispose()
    typer.echo(bt.WROTE_EXPORT.format(out=out, rows=len(report.rows), quarter=quarter, fiscal_year=fiscal_year))
    typer.echo(f"wrote {history}: {lines} report and history lines")


def _plan(name: Path | str) -> Plan:
    """A plan named by path, file name or id; a bad one ends the command with a clear message."""
    try:
        return load_plan(_plan_file(str(name)))
    except PlanFileError as exc:
        _fail(f"ERROR {exc}")


def _plan_file(name: str) -> Path:
    """The file a PLAN argument names: a path, a file name under plans/, or a plan's ``id``.

    Files are usually named after their id, but nothing requires it, so an id that is no file name
    is looked for inside the files; a file that cannot be read is skipped here (``plans check``
    reports it), it does not hide the others.
    """
    import yaml

    from bot.settings import get_settings

    plans_dir = get_settings().plans_dir
    try:
        return find_plan(name, plans_dir)
    except PlanFileError:
        for path in sorted([*plans_dir.glob("*.yaml"), *plans_dir.glob("*.yml")]):
            try:
                raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError):
                continue
            if isinstance(raw, dict) and raw.get("id") == name:
                return path
        raise


def _plan_key(session: Any, name: str) -> str:
    """The database key of the plan a PLAN argument names (plans are loaded under their id).

    An id loaded in the database is taken as it is; otherwise the argument names a file (a path or
    a file name under plans/) and the id inside it is the key. A name that is neither is passed on,
    and the export says that no such plan is loaded.
    """
    from store.plans import latest_plan

    if latest_plan(session, name) is not None:
        return name
    try:
        path = _plan_file(name)
    except PlanFileError:
        return name
    try:
        return load_plan(path).id
    except PlanFileError as exc:
        _fail(f"ERROR {exc}")


def main() -> None:
    try:
        app()
    except PlanFileError as exc:
        typer.echo(f"ERROR {exc}", err=True)
        sys.exit(1)
