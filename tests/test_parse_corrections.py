"""Parses a reporter corrected are kept without who sent them, and export as labelled corpus cases."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
import yaml
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.models import ParseCorrection
from tests.chat_driver import T0, ChatDriver
from tests.conftest import PLANS


def test_a_corrected_parse_is_kept_without_names_and_exports_as_a_case(
    engine: sa.Engine, cli_db: str, tmp_path: Path
) -> None:
    with session_scope(engine) as s:
        load_demo(s, PLANS, T0)
    somsri = ChatDriver(engine, demo_line_id("somsri"), tmp_path)
    somsri.say("ตช.4 ไตรมาส 2 ได้ร้อยละ 70 ค่ะ")  # read as said and saved as read: nothing to learn
    somsri.say("KPI 6 ผล 80 ประชุมกับวิชัย รักงาน โทร 081-234-5678")  # "80": asked as a percentage
    assert "80" in somsri.text
    somsri.say("แก้เป็น 85")
    assert "บันทึกแล้ว" in somsri.text, somsri.text

    with Session(engine) as s:
        rows = s.exec(select(ParseCorrection)).all()
    assert len(rows) == 1
    [row] = rows
    assert row.parsed["value"] == 80 and row.settled["value"] == 85 and row.settled["indicator"] == "6"
    assert "วิชัย" not in row.text and "รักงาน" not in row.text and "081" not in row.text
    assert "<ชื่อ>" in row.text and "<โทรศัพท์>" in row.text

    out = tmp_path / "fixes.yaml"
    result = CliRunner().invoke(app, ["parse", "export-corrections", str(out)])
    assert result.exit_code == 0, result.output
    [case] = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert case["plan"] == "fy2567-governor-secretary" and case["today"] == "2024-01-15"
    assert case["expect"]["indicator"] == "6" and case["expect"]["value"] == 85
    assert case["expect"]["period"] == {"fiscal_year": 2567, "quarter": 2, "month": None}
    assert "วิชัย" not in out.read_text(encoding="utf-8")
