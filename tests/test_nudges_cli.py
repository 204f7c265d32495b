"""``tidtam nudges preview/run`` as contracts: the JSON shape, a Saturday, and a second run sending 0."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import get_settings
from store.db import make_engine, session_scope
from store.demo import load_demo
from tests.conftest import PLANS


@pytest.fixture
def demo_db(cli_db: str) -> str:
    engine = make_engine(cli_db)
    with session_scope(engine) as s:
        load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
    engine.dispose()
    return cli_db


def invoke(*args: str) -> str:
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code == 0, out.output
    return out.stdout


def test_preview_five_working_days_before_the_deadline(demo_db: str) -> None:
    items = json.loads(invoke("nudges", "preview", "--at", "2024-03-13T09:00", "--json"))
    assert [set(i) for i in items] == [{"to", "kind", "indicators", "text"}] * 2
    by_codes = {tuple(i["indicators"]): i for i in items}
    assert set(by_codes) == {("1", "2", "3"), ("4", "5", "6")}
    text = by_codes[("1", "2", "3")]["text"]
    assert text.startswith("สวัสดีค่ะ คุณสมศรี ใจดี 🙏 อีก 5 วันทำการ") and "20 มี.ค. 2567" in text
    assert "ตัวชี้วัดที่ 2" in text and "ยังไม่มีผลรายงาน" in text


def test_preview_on_a_saturday_or_at_night_lists_nothing(demo_db: str) -> None:
    assert json.loads(invoke("nudges", "preview", "--at", "2024-03-16T10:00", "--json")) == []
    assert json.loads(invoke("nudges", "preview", "--at", "2024-03-13T20:00", "--json")) == []


def test_a_dry_run_writes_nothing_and_a_second_run_sends_0(demo_db: str) -> None:
    invoke("nudges", "preview", "--at", "2024-03-13T09:00", "--json")
    first = invoke("nudges", "run", "--at", "2024-03-13T09:00").strip().splitlines()[-1]
    assert json.loads(first) == {"sent": 2}
    again = invoke("nudges", "run", "--at", "2024-03-13T09:00").strip().splitlines()[-1]
    assert json.loads(again) == {"sent": 0}
    assert json.loads(invoke("nudges", "preview", "--at", "2024-03-13T11:00", "--json")) == []


def test_thai_digit_dates_are_a_setting(demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NUDGE_THAI_DIGITS", "true")
    get_settings.cache_clear()
    items = json.loads(invoke("nudges", "preview", "--at", "2024-03-13T09:00", "--json"))
    assert "๒๐ มี.ค. ๖๗" in items[0]["text"]


def test_bad_moment_is_a_clear_error(demo_db: str) -> None:
    out = CliRunner().invoke(app, ["nudges", "preview", "--at", "next tuesday", "--json"])
    assert out.exit_code == 1 and "--at" in out.output
