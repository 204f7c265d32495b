"""Leave by chat or by an admin, the acting officer, the monthly cap and the LINE quota."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from linebot.v3.webhooks import Event
from sqlmodel import Session

from handlers.dispatch import EventContext, dispatch
from handlers.nudges.reminders import NudgeSettings, due_now, enqueue
from scoring.fiscal import BANGKOK
from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.models import Person
from tests.conftest import PLANS
from tests.live import text_event

BEFORE5 = datetime(2024, 3, 13, 9, 0, tzinfo=BANGKOK)


def _demo(engine: sa.Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        return {k: p.id or 0 for k, p in load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC)).items()}


def test_leave_by_chat_skips_the_reporter_and_reminds_the_acting_officer(engine: sa.Engine, tmp_path: object) -> None:
    ids = _demo(engine)
    with session_scope(engine) as s:
        head = s.get(Person, ids["pranee"])
        assert head is not None
        head.acting_for_id = ids["wichai"]
        event = Event.from_dict(text_event(demo_line_id("wichai"), "ลาถึง 25 มี.ค. 67"))
        reply = dispatch(EventContext(s, datetime(2024, 3, 1, 3, tzinfo=UTC), tmp_path), event)  # type: ignore[arg-type]
    assert reply.texts[0].startswith("รับทราบค่ะ 🙏 บันทึกว่าลาถึง 25 มี.ค. 2567")
    with Session(engine) as s:
        assert s.get(Person, ids["wichai"]).on_leave_until == date(2024, 3, 25)  # type: ignore[union-attr]
        planned = due_now(s, BEFORE5)
    to = {p.to: p for p in planned}
    assert demo_line_id("wichai") not in to
    stand_in = to[demo_line_id("pranee")]
    assert stand_in.indicators == ["4", "5", "6"] and "ผู้รักษาราชการแทนคุณวิชัย รักงาน" in stand_in.text


def test_the_monthly_cap_per_person(engine: sa.Engine) -> None:
    _demo(engine)
    with session_scope(engine) as s:
        enqueue(s, due_now(s, BEFORE5, NudgeSettings(cap_per_person_month=1)), BEFORE5)
    lastday = datetime(2024, 3, 19, 9, 0, tzinfo=BANGKOK)
    with Session(engine) as s:
        assert due_now(s, lastday, NudgeSettings(cap_per_person_month=1)) == []
        assert len(due_now(s, lastday, NudgeSettings(cap_per_person_month=2))) == 2


def test_over_the_quota_low_priority_reminders_wait_and_admins_are_told(engine: sa.Engine) -> None:
    _demo(engine)
    with Session(engine) as s:
        planned = due_now(s, BEFORE5, NudgeSettings(monthly_quota=1))
    kinds = [p.kind for p in planned]
    assert kinds.count("nudge") == 1 and kinds.count("quota") == 1
    alert = next(p for p in planned if p.kind == "quota")
    assert alert.to == demo_line_id("admin") and "โควตาข้อความ LINE เดือนนี้ (1 ข้อความ)" in alert.text
