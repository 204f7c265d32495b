"""What every ``tidtam`` command shares: the app, failing with a message, opening the database one
way (migrated first, disposed after), and reading a PLAN argument in the three forms the README names."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import sqlalchemy as sa
import typer
from sqlmodel import Session

from bot import texts as bt
from scoring.plan import Plan
from store.plan_files import PlanFileError, find_plan, load_plan

app = typer.Typer(no_args_is_help=True, add_completion=False, help=bt.CLI_HELP)


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@contextmanager
def database_engine() -> Iterator[sa.Engine]:
    """The one way a command opens DATABASE_URL: the schema brought up to date, the engine disposed."""
    from bot.settings import get_settings
    from store.db import make_engine, upgrade

    url = get_settings().database_url
    upgrade(url)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def database() -> Iterator[Session]:
    """A transaction on DATABASE_URL: committed when the command ends well, rolled back otherwise."""
    from store.db import session_scope

    with database_engine() as engine, session_scope(engine) as session:
        yield session


def plan_arg(name: Path | str) -> Plan:
    """A plan named by path, file name or id; a bad one ends the command with a clear message."""
    try:
        return load_plan(plan_file(str(name)))
    except PlanFileError as exc:
        fail(f"ERROR {exc}")


def plan_file(name: str) -> Path:
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


def plan_key(session: Any, name: str) -> str:
    """The database key of the plan a PLAN argument names (plans are loaded under their id).

    An id loaded in the database is taken as it is; otherwise the argument names a file (a path or
    a file name under plans/) and the id inside it is the key. A name that is neither is passed on,
    and the export says that no such plan is loaded.
    """
    from store.plans import latest_plan

    if latest_plan(session, name) is not None:
        return name
    try:
        path = plan_file(name)
    except PlanFileError:
        return name
    try:
        return load_plan(path).id
    except PlanFileError as exc:
        fail(f"ERROR {exc}")
