"""What reporters typed in the console, as they typed it: each transcript once went wrong."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.models import IndicatorRecord, Person, PlanRecord, ProgressReport
from tests.chat_driver import T0, ChatDriver
from tests.conftest import PLANS


@pytest.fixture
def somsri(engine: sa.Engine, tmp_path: Path) -> Iterator[ChatDriver]:
    with session_scope(engine) as s:
        load_demo(s, PLANS, T0)
    yield ChatDriver(engine, demo_line_id("somsri"), tmp_path)


def saved(engine: sa.Engine) -> dict[str, tuple[float | None, float | None, float | None]]:
    """code → (value, numerator, denominator) of the FY2567 plan's reports."""
    with Session(engine) as s:
        rows = s.exec(
            select(IndicatorRecord.code, ProgressReport.value, ProgressReport.numerator, ProgressReport.denominator)
            .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
            .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
            .where(PlanRecord.fiscal_year == 2567)
        ).all()
    return {code: (value, num, den) for code, value, num, den in rows}


def test_a_new_report_after_saving_is_not_swallowed_as_details(somsri: ChatDriver, engine: sa.Engine) -> None:
    """ตช.5 was answered "เพิ่มรายละเอียดในรายงานแล้ว" and lost; "แก้เป็น 46 ข้อ" then changed ตช.4 to 46."""
    somsri.say("ตช.4 ร้อยละ 82 ไตรมาส 2")
    assert "บันทึกแล้วค่ะ" in somsri.text and "ตัวชี้วัดที่ 4" in somsri.text
    assert "ใคร" in somsri.text or "ที่ไหน" in somsri.text  # the 5W follow-up question
    somsri.say("ผู้ว่าสัญจรเขต ข้อสั่งการ 50 ข้อ เสร็จ 45 ข้อ")
    assert "เพิ่มรายละเอียด" not in somsri.text
    if "บันทึกแล้วค่ะ" not in somsri.text:  # 5 or 6 (both are ผู้ว่าฯ สัญจร): the bot may ask
        somsri.tap("5 ")
        if "ใช่ไหม" in somsri.text or "ถูกต้อง" in somsri.text:
            somsri.tap("ยืนยัน")
    assert saved(engine)["5"] == (90.0, 45.0, 50.0)
    assert saved(engine)["4"][0] == 82.0

    somsri.say("แก้เป็น 46 ข้อ")
    assert saved(engine)["4"][0] == 82.0, "a correction in ข้อ never lands on ตช.4 (ร้อยละ)"
    assert "ร้อยละ 92" in somsri.text and "ตัวชี้วัดที่ 5" in somsri.text  # 46 of 50 ข้อ, asked first
    assert saved(engine)["5"][0] == 90.0, "confirmed before saving"
    somsri.tap("ยืนยัน")
    assert saved(engine)["5"] == (92.0, 46.0, 50.0)
    assert saved(engine)["4"][0] == 82.0


def test_a_pending_question_does_not_trap_the_reporter(somsri: ChatDriver, engine: sa.Engine) -> None:
    """After a unit question, "ลาถึง 15 ธ.ค. ค่ะ" got "ยังไม่เข้าใจคำตอบ" until she typed ยกเลิก."""
    somsri.say("ตช.2 ร้อยละ 60 ไตรมาส 2")
    question = somsri.text
    assert "โครงการ" in question  # ตช.2 counts projects: the bot asks about the unit
    somsri.say("ลาถึง 15 ธ.ค. ค่ะ")
    assert "ยังไม่เข้าใจ" not in somsri.text
    assert "ลาถึง" in somsri.text and "15 ธ.ค." in somsri.text
    assert "ค้างไว้" in somsri.text  # one short line: the pending report is kept
    with Session(engine) as s:
        person = s.exec(select(Person).where(Person.name == "สมศรี ใจดี")).one()
        assert person.on_leave_until is not None and (person.on_leave_until.month, person.on_leave_until.day) == (
            12,
            15,
        )
    somsri.tap("กลับไป")  # the quick reply back to the pending report asks its question again
    assert "โครงการ" in somsri.text


def test_a_query_while_a_question_waits_is_answered_and_the_draft_kept(somsri: ChatDriver) -> None:
    somsri.say("ตช.2 ร้อยละ 60 ไตรมาส 2")
    somsri.say("ใครยังไม่ส่ง")
    assert "ยังไม่เข้าใจ" not in somsri.text and "ค้างไว้" in somsri.text
    somsri.say("2 โครงการ")
    assert "บันทึกแล้วค่ะ" in somsri.text


def test_a_return_reason_can_be_cancelled_and_takes_any_text(somsri: ChatDriver, engine: sa.Engine) -> None:
    """ "ยกเลิก" was saved as the reason; a reason ending in "หรือยัง" is still the reason, not a query."""
    somsri.say("ตช.1 ร้อยละ 91 ไตรมาส 2 ประชุมร่วมกับสำนักงานเขตที่ศาลาว่าการเมื่อต้นเดือน ทางออนไลน์")
    with Session(engine) as s:
        report = s.exec(select(ProgressReport)).one()
    committee = ChatDriver(engine, demo_line_id("committee"), somsri.evidence_dir, somsri.now)
    committee.tap_data(f"v=return&r={report.id}")
    assert "เหตุผล" in committee.text
    committee.say("ยกเลิก")
    assert "ยกเลิกการส่งกลับ" in committee.text
    with Session(engine) as s:
        assert s.exec(select(ProgressReport)).one().status == "reported"
    committee.tap_data(f"v=return&r={report.id}")
    committee.say("แนบหนังสือแจ้งเขตแล้วหรือยัง")
    with Session(engine) as s:
        returned = s.exec(select(ProgressReport)).one()
    assert (returned.status, returned.status_reason) == ("returned", "แนบหนังสือแจ้งเขตแล้วหรือยัง")


def test_reporting_a_confirmed_period_again_tells_the_reporter_the_committee_will_look_again(
    somsri: ChatDriver, engine: sa.Engine
) -> None:
    words = "ประชุมร่วมกับสำนักงานเขตที่ศาลาว่าการเมื่อต้นเดือน ทางออนไลน์"
    somsri.say(f"ตช.1 ร้อยละ 91 ไตรมาส 2 {words}")
    with Session(engine) as s:
        report = s.exec(select(ProgressReport)).one()
    committee = ChatDriver(engine, demo_line_id("committee"), somsri.evidence_dir, somsri.now)
    committee.tap_data(f"v=confirm&r={report.id}")
    somsri.say(f"ตช.1 ร้อยละ 93 ไตรมาส 2 {words}")
    assert "บันทึกแล้วค่ะ" in somsri.text and "แจ้งคณะกรรมการ" in somsri.text
    with Session(engine) as s:
        again = s.exec(select(ProgressReport)).one()
    assert (again.value, again.status, again.confirmed_value) == (93.0, "reported", None)
