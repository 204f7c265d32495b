"""Shared fixtures: real databases (SQLite files and PostgreSQL), the repo's plan files."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from handlers.parse.parser import MessageParser
from store.db import make_engine, upgrade
from store.plan_files import load_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")


@functools.cache
def _postgres_url() -> str:
    """``TIDTAM_TEST_PG_URL``, or under pytest-xdist a database of this worker's own next to it
    (``tidtam_test_gw0`` …), created on first use: workers reset their schema independently."""
    url = os.environ.get("TIDTAM_TEST_PG_URL", "")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker:
        return url
    base = sa.engine.make_url(url)
    mine = base.set(database=f"{base.database}_{worker}")
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": mine.database})
            if exists.first() is None:
                conn.execute(sa.text(f'CREATE DATABASE "{mine.database}"'))
    finally:
        admin.dispose()
    return mine.render_as_string(hide_password=False)


def _reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database of each kind; PostgreSQL is required in CI, optional elsewhere."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tidtam.db'}"
    else:
        url = _postgres_url()
        if not url:
            if os.environ.get("CI"):
                pytest.fail("TIDTAM_TEST_PG_URL is not set in CI: the PostgreSQL half of the suite cannot be skipped")
            pytest.skip("TIDTAM_TEST_PG_URL not set")
        _reset_postgres(url)
    upgrade(url)
    yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def cli_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL pointing at the test database for in-process ``tidtam`` commands (no LINE token)."""
    from bot.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.delenv("LINE_CHANNEL_ACCESS_TOKEN", raising=False)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file with the demo loaded (as of 15 Jan 2024), for tests that copy it per case:
    conversation logic does not depend on the database kind, and a copy is far faster than a load."""
    from datetime import UTC, datetime

    from store.db import session_scope
    from store.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "template.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    eng = make_engine(url)
    with session_scope(eng) as s:
        load_demo(s, PLANS, datetime(2024, 1, 15, 3, 0, tzinfo=UTC))
    eng.dispose()
    return path


# The parser on each plan the parse tests read, built once a session.
@pytest.fixture(scope="session")
def fy2562() -> MessageParser:
    return MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))


@pytest.fixture(scope="session")
def fy2563_council() -> MessageParser:
    return MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))


@pytest.fixture(scope="session")
def fy2563_social() -> MessageParser:
    return MessageParser(load_plan(PLANS / "fy2563-social-development.yaml"))


@pytest.fixture(scope="session")
def fy2565() -> MessageParser:
    return MessageParser(load_plan(PLANS / "fy2565-council-secretariat.yaml"))


@pytest.fixture(scope="session")
def fy2567() -> MessageParser:
    return MessageParser(load_plan(PLANS / "fy2567-governor-secretary.yaml"))


from tests.webhook_service import service  # noqa: E402,F401  (the running-service fixture, shared)
