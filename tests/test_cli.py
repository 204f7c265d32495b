"""The ``tidtam`` command as other checks call it: exact JSON shapes, exit codes, idempotent loads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import get_settings
from store.db import make_engine
from tests.conftest import PLANS, ROOT

FY2567 = PLANS / "fy2567-governor-secretary.yaml"


def test_deadlines_json_shape() -> None:
    out = CliRunner().invoke(app, ["deadlines", str(FY2567), "--json"])
    assert out.exit_code == 0, out.output
    items = json.loads(out.stdout)
    assert len(items) == 16
    assert all(set(i) == {"kind", "period", "due"} for i in items)
    quarterly = [(i["period"], i["due"]) for i in items if i["kind"] == "quarterly"]
    assert quarterly == [
        ("2567-Q1", "2023-12-20"),
        ("2567-Q2", "2024-03-20"),
        ("2567-Q3", "2024-06-20"),
        ("2567-Q4", "2024-09-15"),
    ]
    assert {"kind": "monthly", "period": "2566-10", "due": "2023-10-20"} in items


def test_plan_can_be_named_by_id() -> None:
    out = CliRunner().invoke(app, ["deadlines", "fy2565-council-secretariat", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)[0] == {"kind": "monthly", "period": "2564-10", "due": "2021-10-20"}


@pytest.mark.parametrize("command", [["deadlines"], ["parse", "--today", "2024-01-15"], ["score"]])
def test_plan_id_finds_a_file_named_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """PLAN as an id is the plan's ``id:``, not only a file name: a renamed file is still found."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(FY2567, plans / "governor-secretary.yaml")
    (plans / "broken.yaml").write_text("id: [", encoding="utf-8")  # one bad file does not hide the rest
    monkeypatch.setenv("PLANS_DIR", str(plans))
    get_settings.cache_clear()
    try:
        args = [command[0], "fy2567-governor-secretary", *command[1:]]
        if command[0] == "score":
            results = tmp_path / "results.yaml"
            results.write_text("'1': 92.5\n", encoding="utf-8")
            args.append(str(results))
        elif command[0] == "parse":
            args.append("ตช.1 ร้อยละ 90")
        out = CliRunner().invoke(app, [*args, "--json"])
        assert out.exit_code == 0, out.output
        for named in ("governor-secretary", "governor-secretary.yaml", str(plans / "governor-secretary.yaml")):
            again = CliRunner().invoke(app, [command[0], named, *args[2:], "--json"])
            assert again.exit_code == 0, again.output
            assert again.stdout == out.stdout
    finally:
        get_settings.cache_clear()


def test_unknown_plan_is_a_clear_error() -> None:
    out = CliRunner().invoke(app, ["deadlines", "fy2599-nowhere", "--json"])
    assert out.exit_code == 1
    assert "fy2599-nowhere: no such plan file" in out.output


def test_score_accepts_yaml_results(tmp_path: Path) -> None:
    results = tmp_path / "results.yaml"
    results.write_text("1: 95\n2: 12\n4:\n  value: 76\n  done: [central-report, district-report]\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["score", str(FY2567), str(results), "--json"])
    assert out.exit_code == 0, out.output
    payload = json.loads(out.stdout)
    assert set(payload) == {"total", "max", "indicators"}
    assert payload["total"] == 40 and payload["max"] == 70
    assert all(set(i) == {"code", "level", "points", "next"} for i in payload["indicators"])


def _tidtam(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("tidtam")
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_plans_load_through_the_console_script_is_idempotent(db_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": db_url}
    files = [str(p) for p in sorted(PLANS.glob("*.yaml"))]
    first = _tidtam("plans", "load", *files, env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("created") == 5
    second = _tidtam("plans", "load", *files, env=env)
    assert second.returncode == 0, second.stderr
    assert second.stdout.count("unchanged") == 5
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM plan")).scalar_one() == 5
        indicators = conn.execute(sa.text("SELECT count(*) FROM indicator")).scalar_one()
    engine.dispose()
    assert indicators == 16 + 15 + 16 + 6 + 6


def test_plans_check_exit_code_and_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(FY2567.read_text(encoding="utf-8").replace("weight: 20", "weight: -20", 1), encoding="utf-8")
    env = dict(os.environ)
    result = _tidtam("plans", "check", str(bad), env=env)
    assert result.returncode == 1
    assert str(bad) in result.stderr and "weight" in result.stderr


@pytest.mark.parametrize("command", [["db", "upgrade"]])
def test_db_upgrade_on_default_sqlite(tmp_path: Path, command: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("tidtam")), *command], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tidtam.db").exists()  # the default is a SQLite file under the working directory


def test_parse_contract_one_json_object_a_line_from_stdin() -> None:
    messages = "ตช.4 traffy แก้ไขแล้ว 1,234 จาก 1,500 เรื่อง ไตรมาส 1/67\nผู้ว่าสัญจร 85% ค่ะ\n\nสวัสดีค่ะ\n"
    out = CliRunner().invoke(app, ["parse", str(FY2567), "--today", "2024-01-15", "--json"], input=messages)
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 3
    keys = {"indicator", "candidates", "value", "numerator", "denominator", "unit", "period", "missing", "ask"}
    assert all(keys <= set(obj) for obj in lines)
    first, second, third = lines
    assert (first["indicator"], first["value"], first["numerator"], first["denominator"]) == ("4", 82.27, 1234, 1500)
    assert first["period"] == {"fiscal_year": 2567, "quarter": 1, "month": None}
    assert first["ask"] is None
    assert second["indicator"] is None and second["candidates"][:2] == ["5", "6"] and second["ask"]
    assert third["indicator"] is None and third["value"] is None and third["period"] is None


def test_parse_contract_text_argument_and_thai_digits() -> None:
    out = CliRunner().invoke(
        app, ["parse", "fy2567-governor-secretary", "--today", "2024-03-19", "--json", "ตัวชี้วัดที่ ๒ ได้ ๙ โครงการ"]
    )
    assert out.exit_code == 0, out.output
    obj = json.loads(out.stdout)
    assert (obj["indicator"], obj["value"], obj["unit"]) == ("2", 9, "โครงการ")
    assert obj["period"] == {"fiscal_year": 2567, "quarter": 2, "month": None}
    assert "period" in obj["missing"]  # defaulted to this quarter, to be confirmed in the reply


def test_parse_rejects_a_bad_date() -> None:
    out = CliRunner().invoke(app, ["parse", str(FY2567), "--today", "15/01/2024", "--json", "x"])
    assert out.exit_code == 1
    assert "--today" in out.output


@pytest.mark.parametrize(
    ("message", "code", "level", "points"),
    [
        ("One Platform ข้อ 1 และ 2 เสร็จแล้ว", "5.2", 1, 35.0),
        ("K1 ทำถึงขั้น 3 แล้วค่ะ", "K1", 3, 18.0),
        ("ตัวชี้วัดที่ 1 ไตรมาส 2 อยู่ระดับ 3 แล้ว", "K1", 3, 18.0),
    ],
)
def test_parse_done_items_feed_score_and_agree(
    tmp_path: Path, message: str, code: str, level: int, points: float
) -> None:
    """`tidtam parse` gives the items a message says are done; `tidtam score` scores those same ids."""
    plan = PLANS / "fy2565-council-secretariat.yaml"
    parsed = CliRunner().invoke(app, ["parse", str(plan), "--today", "2022-02-15", "--json", message])
    assert parsed.exit_code == 0, parsed.output
    obj = json.loads(parsed.stdout)
    assert obj["indicator"] == code and obj["done"] and obj["undone"] == []
    results = tmp_path / "results.json"
    results.write_text(json.dumps({code: {"value": obj["value"], "done": obj["done"]}}), encoding="utf-8")
    scored = CliRunner().invoke(app, ["score", str(plan), str(results), "--json"])
    assert scored.exit_code == 0, scored.output
    row = next(i for i in json.loads(scored.stdout)["indicators"] if i["code"] == code)
    assert (row["level"], row["points"]) == (level, points)
