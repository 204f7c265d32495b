"""Plan files and what they compute without a database: check, load, score, deadlines, parse."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot import render
from bot.cli.common import app, database, fail, plan_arg
from store.plan_files import PlanFileError, load_plan

plans_app = typer.Typer(no_args_is_help=True, help="Plan files: validate and load.")
app.add_typer(plans_app, name="plans")
db_app = typer.Typer(no_args_is_help=True, help="Database schema.")
app.add_typer(db_app, name="db")


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
def plans_load(
    files: list[Path],
    effective: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The day a changed plan's new version takes effect (an appeal); default today.",
        ),
    ] = None,
) -> None:
    """Validate plan files and load them into DATABASE_URL (idempotent); a changed plan becomes a new
    version effective from --effective."""
    from datetime import date

    from bot.cli.plan_years import import_failure, outcome_lines
    from bot.cli.plan_years_texts import NOT_A_DAY
    from store.plans import PlanImportError, import_plan

    try:
        day = date.fromisoformat(effective) if effective is not None else None
    except ValueError:
        fail(NOT_A_DAY.format(text=effective))
    plans = [plan_arg(f) for f in files]
    try:
        with database() as session:
            for plan in plans:
                for line in outcome_lines(import_plan(session, plan, effective=day)):
                    typer.echo(line)
    except PlanImportError as exc:
        fail(import_failure(exc))


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
        fail(f"ERROR {path}: cannot read results: {exc}")
    if not isinstance(data, dict):
        fail(f"ERROR {path}: results must be a mapping of indicator code to a number or {{value, done}}")
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

    plan = plan_arg(plan_file)
    try:
        results = parse_results(plan, _read_mapping(results_file))
    except ResultsError as exc:
        fail(f"ERROR {results_file}: {exc}")
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

    plan = plan_arg(plan_file)
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
    """Parse Thai progress messages against a plan: indicator, value, period, and what to ask back.

    ``tidtam parse export-corrections OUT.yaml`` instead writes the parses reporters corrected in
    chat (from DATABASE_URL) as labelled cases in the corpus format, for a labeller to review.
    """
    from datetime import date

    from handlers.parse.parser import MessageParser
    from scoring.fiscal import bangkok_date
    from store.models import utcnow

    if str(plan_file) == EXPORT_CORRECTIONS:
        if text is None:
            fail(f"ERROR usage: tidtam parse {EXPORT_CORRECTIONS} OUT.yaml")
        export_corrections(Path(text))
        return
    plan = plan_arg(plan_file)
    try:
        day = date.fromisoformat(today) if today else bangkok_date(utcnow())
    except ValueError:
        fail(f"ERROR --today {today!r} is not a date (YYYY-MM-DD)")
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


EXPORT_CORRECTIONS = "export-corrections"


def export_corrections(out: Path) -> None:
    """The corrected parses as corpus cases (YAML); no names or ids are in them."""
    import yaml

    from store.parse_corrections import as_cases

    with database() as session:
        cases = as_cases(session)
    out.write_text(yaml.safe_dump(cases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    typer.echo(f"{len(cases)} corrected parses written to {out}")
