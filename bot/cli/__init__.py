"""The ``tidtam`` command: plans, scoring, deadlines, database, service, admin and export.

Each module registers its commands on the one app in ``common``; importing them here builds it.
"""

from __future__ import annotations

import sys

import typer

from bot.cli import export, inbox, line, nudges, people, plan_workbook, plan_years, plans, privacy, roster, service  # noqa: F401  (register commands)
from bot.cli.common import app
from store.plan_files import PlanFileError

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except PlanFileError as exc:
        typer.echo(f"ERROR {exc}", err=True)
        sys.exit(1)
