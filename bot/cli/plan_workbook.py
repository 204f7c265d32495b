"""``tidtam plans template | import | export``: plans to and from the Excel workbook staff fill in.

Plan-and-evaluation staff work in Excel, so a plan can start as the template, come back as a filled
workbook and leave again as one. The import writes nothing until the workbook holds a valid plan,
and then writes the YAML ``plans check`` and ``plans load`` read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import fail, plan_arg, plan_file
from bot.cli.plans import plans_app
from scoring.plan import Group, Plan
from store import plan_workbook_texts as T
from store.plan_files import PlanFileError, load_plan
from store.plan_workbook import PlanWorkbookError, read_plan_workbook, write_plan_workbook
from store.plan_yaml import plan_yaml

EXAMPLE_PLAN = "fy2567-governor-secretary"
# A plan id names its file under plans/ only when it cannot climb out of it ("../x") or hide ("/x").
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@plans_app.command("template", help=T.TEMPLATE_HELP)
def plans_template(out: Annotated[Path, typer.Argument(metavar="OUT.xlsx")]) -> None:
    """The template carries the FY2567 plan as its example rows: a real plan shows more than any prose."""
    _must_be_xlsx(out)
    try:
        example: Plan | None = load_plan(plan_file(EXAMPLE_PLAN))
    except PlanFileError:
        example = None  # a deployment without the sample plans still gets the empty template
    _write(out, example, example=True)
    message = T.WROTE_TEMPLATE if example is not None else T.WROTE_EMPTY_TEMPLATE
    typer.echo(message.format(out=out, example=EXAMPLE_PLAN))


@plans_app.command("export", help=T.EXPORT_HELP)
def plans_export(
    plan_name: Annotated[str, typer.Argument(metavar="PLAN")],
    out: Annotated[Path, typer.Argument(metavar="OUT.xlsx")],
) -> None:
    """Export → edit → import is how a plan is amended after an appeal."""
    _must_be_xlsx(out)
    plan = plan_arg(plan_name)
    _write(out, plan, example=False)
    count = sum(1 for _ in plan.indicators())
    typer.echo(T.WROTE_WORKBOOK.format(plan=plan.id, out=out, indicators=count, weight=f"{plan.weight_sum():g}"))


@plans_app.command("import", help=T.IMPORT_HELP)
def plans_import(
    workbook: Annotated[Path, typer.Argument(metavar="FILE.xlsx")],
    out: Annotated[Path | None, typer.Option("--out", metavar="plans/NAME.yaml", help=T.OUT_HELP)] = None,
    force: Annotated[bool, typer.Option("--force", help=T.FORCE_HELP)] = False,
) -> None:
    """Every problem is listed at once, by sheet, row and column, so one round of fixes is enough."""
    try:
        plan = read_plan_workbook(workbook)
    except PlanWorkbookError as exc:
        typer.echo(T.IMPORT_FAILED.format(count=len(exc.problems)), err=True)
        for problem in exc.problems:
            typer.echo(f"  - {problem}", err=True)
        raise typer.Exit(1) from exc
    from bot.settings import get_settings

    if out is None and not _SAFE_FILE_NAME.fullmatch(plan.id):
        fail(T.ID_NOT_A_FILE_NAME.format(id=plan.id))
    target = out if out is not None else get_settings().plans_dir / f"{plan.id}.yaml"
    if target.exists() and not force:
        fail(T.OUT_EXISTS.format(out=target))
    text = plan_yaml(plan, comment=f"Imported from {workbook.name} by `tidtam plans import` (format: plans/FORMAT.md).")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)  # a reader never sees half a plan
    except OSError as exc:
        partial.unlink(missing_ok=True)
        fail(T.CANNOT_WRITE.format(out=target, error=exc))
    count = sum(1 for _ in plan.indicators())
    typer.echo(
        T.IMPORTED.format(
            plan=plan.id,
            unit=plan.unit,
            fiscal_year=plan.fiscal_year,
            indicators=count,
            weight=f"{plan.weight_sum():g}",
            out=target,
        )
    )
    for group in plan.groups:
        _echo_group(group)


def _echo_group(group: Group) -> None:
    weight = f"{group.weight:g}" if group.weight is not None else T.NO_WEIGHT
    count = sum(1 for _ in group.walk())
    typer.echo(
        T.GROUP_LINE.format(kind=group.kind, code=group.code, name=group.name[:50], weight=weight, indicators=count)
    )


def _must_be_xlsx(out: Path) -> None:
    if out.suffix.lower() != ".xlsx":
        fail(T.NOT_XLSX.format(name=out.name))


def _write(out: Path, plan: Plan | None, *, example: bool) -> None:
    try:
        write_plan_workbook(out, plan, example=example)
    except OSError as exc:
        fail(T.CANNOT_WRITE.format(out=out, error=exc))
