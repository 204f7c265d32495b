"""The quarterly report (form สยป.3) as xlsx, with the history as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot import texts as bt
from bot.cli.common import app, database_engine, fail, plan_key


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
    from store.export_quarterly import ExportError

    if out.suffix.lower() != ".xlsx":
        fail(bt.OUT_NOT_XLSX.format(name=out.name))
    history = out.with_suffix(".csv")
    try:
        with database_engine() as engine, Session(engine) as session:
            key = plan_key(session, plan)
            report = write_quarterly_xlsx(session, key, fiscal_year, quarter, out)
            lines = write_reports_csv(session, key, fiscal_year, history)
    except ExportError as exc:
        fail(f"ERROR {exc}")
    except OSError as exc:
        fail(bt.CANNOT_WRITE_EXPORT.format(error=exc))
    typer.echo(bt.WROTE_EXPORT.format(out=out, rows=len(report.rows), quarter=quarter, fiscal_year=fiscal_year))
    typer.echo(f"wrote {history}: {lines} report and history lines")
