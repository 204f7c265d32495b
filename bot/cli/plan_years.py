"""Plans across years and versions: ``plans rollover`` writes next year's file, and what ``plans load``
says about a new version (the day it takes effect, the indicators moved, removed, added, changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli import plan_years_texts as t
from bot.cli.common import fail, plan_arg, plan_file
from bot.cli.plans import plans_app
from scoring.plan import Plan
from scoring.thai import thai_date
from store.plans import EffectiveDateRefused, ImportOutcome, IndicatorsWithHistory, PlanImportError


def outcome_lines(outcome: ImportOutcome) -> list[str]:
    """The lines ``plans load`` prints for a plan: what happened, and for a new version what changed."""
    lines = [f"{outcome.action} {outcome.key} v{outcome.version}: {outcome.indicators} indicators"]
    if outcome.action != "updated" or outcome.effective_from is None:
        return lines
    day = outcome.effective_from
    lines.append(t.VERSION_FROM.format(version=outcome.version, day=thai_date(day), iso=day.isoformat()))
    if outcome.moved:
        lines.append(
            t.MOVED_HEAD
            + ", ".join(t.MOVED_ONE.format(code=m.code, old=m.old_group, new=m.new_group) for m in outcome.moved)
        )
    for template, codes in ((t.REMOVED, outcome.removed), (t.ADDED, outcome.added), (t.CHANGED, outcome.changed)):
        if codes:
            lines.append(template.format(codes=", ".join(codes)))
    return lines


def import_failure(exc: PlanImportError) -> str:
    """The message for a plan that could not be loaded, in Thai first where the reason is known."""
    if isinstance(exc, IndicatorsWithHistory):
        return t.KEEPS_HISTORY.format(codes=", ".join(exc.codes), key=exc.key, english=exc)
    if isinstance(exc, EffectiveDateRefused):
        return t.EFFECTIVE_REFUSED.format(
            key=exc.key,
            earliest=thai_date(exc.earliest),
            latest=thai_date(exc.latest),
            effective=thai_date(exc.effective),
            english=exc,
        )
    return f"ERROR {exc}"


def _to_review(plan: Plan) -> list[str]:
    return [i.code for i in plan.indicators() if any(v is None for v in i.baseline.values())]


@plans_app.command("rollover", help=t.ROLLOVER_HELP)
def plans_rollover(
    plan_name: Annotated[str, typer.Argument(metavar="PLAN")],
    to: Annotated[int, typer.Option("--to", min=2500, max=2700, help=t.TO_HELP)],
    out: Annotated[Path | None, typer.Option(help=t.OUT_HELP)] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the file if it exists.")] = False,
) -> None:
    from scoring.plan_years import rollover
    from store.plan_files import PlanFileError, load_plan
    from store.plan_yaml import plan_yaml

    source = plan_arg(plan_name)
    if to == source.fiscal_year:
        fail(t.SAME_YEAR.format(key=source.id, year=to))
    rolled = rollover(source, to)
    target = out or plan_file(plan_name).parent / f"{rolled.id}.yaml"
    if target.exists() and not force:
        fail(t.OUT_EXISTS.format(out=target))
    text = t.HEADER.format(source=source.id, year=to) + plan_yaml(rolled)  # the plan files' one writer
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(t.CANNOT_WRITE.format(out=target, error=exc.strerror or exc))
    try:
        written = load_plan(target)
    except PlanFileError as exc:  # the rollover made a plan its own validator refuses: a bug, say so loudly
        fail(f"ERROR {exc}")
    count = sum(1 for _ in written.indicators())
    review = _to_review(written)
    template = t.WROTE if review else t.WROTE_NOTHING_TO_REVIEW
    typer.echo(
        template.format(
            out=target, key=written.id, year=written.fiscal_year, indicators=count, review=", ".join(review)
        )
    )
