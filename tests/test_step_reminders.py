"""Project steps in the monthly reminder: the steps the step table plans this month and not yet done
are named under their indicator, each with a "ทำแล้ว" button that reports it done in one tap.

The FY2562 plan of the permanent secretary's office prints its step table with months (ต.ค. … ก.ค.):
indicator ก.1's steps 3 (ธ.ค.–พ.ค.) and 4 (ม.ค., พ.ค.) are planned in January 2562.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from handlers.nudges.reminders import Planned, due_now
from scoring.fiscal import BANGKOK
from store.admin import add_person, grant
from store.db import session_scope
from store.identities import bind
from store.item_marks import log
from store.models import Assignment, IndicatorRecord
from store.plan_files import load_plan
from store.plans import import_plan, latest_plan
from tests.chat_driver import ChatDriver
from tests.conftest import PLANS

PLAN = "fy2562-permanent-secretary-office"
REPORTER = "U" + "2562" * 8


def _setup(engine: sa.Engine) -> None:
    with session_scope(engine) as s:
        plan = load_plan(PLANS / f"{PLAN}.yaml")
        import_plan(s, plan, now=datetime(2018, 9, 1, tzinfo=UTC))
        person = add_person(s, "ทดสอบ รายงานผล", unit=plan.unit)
        grant(s, person, "reporter", plan.unit)
        # An action plan weighs no indicator, so duties come from assignments (as a roster gives them).
        record = latest_plan(s, PLAN)
        assert record is not None
        indicator = s.exec(
            select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id, IndicatorRecord.code == "ก.1")
        ).one()
        s.add(Assignment(person_id=person.id or 0, indicator_id=indicator.id or 0))
        bind(s, person, REPORTER, datetime(2018, 9, 1, tzinfo=UTC))


def _first_reminder(engine: sa.Engine, start: datetime) -> tuple[datetime, Planned]:
    at = start
    with Session(engine) as s:
        for _ in range(40):
            mine = [p for p in due_now(s, at) if p.to == REPORTER and p.kind == "nudge"]
            if mine:
                return at, mine[0]
            at += timedelta(days=1)
    raise AssertionError("no reminder in 40 days")


def test_the_january_reminder_names_the_steps_planned_in_january(engine: sa.Engine, tmp_path: Path) -> None:
    _setup(engine)
    at, planned = _first_reminder(engine, datetime(2019, 1, 2, 9, 0, tzinfo=BANGKOK))
    text = planned.text
    assert "ก.1" in text
    assert "แผนเดือน ม.ค.: ขั้นตอนที่ 3 ตรวจติดตาม" in text and "แผนเดือน ม.ค.: ขั้นตอนที่ 4 รายงานผล" in text, text
    assert "ขั้นตอนที่ 5 ประเมินผล" not in text and "ขั้นตอนที่ 1 เวียนแจ้ง" not in text  # planned in ก.ค. and ต.ค.
    buttons = planned.messages[0].quick_replies
    step3 = next(q for q in buttons if q.label.startswith("ทำแล้ว: ขั้น 3"))

    reporter = ChatDriver(engine, REPORTER, tmp_path, at.astimezone(UTC))
    reporter.tap_data(step3.data)
    assert "บันทึกแล้ว" in reporter.text, reporter.text
    with Session(engine) as s:
        record = latest_plan(s, PLAN)
        assert record is not None
        assert [(m.code, m.item, m.done) for m in log(s, plan=record)] == [("ก.1", "step-3", True)]

    # The tap was January's report of ก.1: no more January reminders; February's (step 3 runs
    # ธ.ค.–พ.ค.) no longer lists the step now done.
    when, later = _first_reminder(engine, at + timedelta(days=1))
    assert when.month == 2 and "20 ก.พ. 2562" in later.text, later.text
    assert "ตรวจติดตามการนำเข้าสู่ข้อมูลเป็นประจำ" not in later.text, later.text
