"""The report conversation through the real handlers and the real store (SQLite and PostgreSQL).

Time is frozen per step; each step runs in its own session, as each LINE event would, so a draft
that survives between steps has survived a restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from handlers.replies import Reply
from handlers.reporting.conversation import ReportConversation, Speaker
from store.db import session_scope
from store.demo import load_demo
from store.models import Draft, IndicatorRecord, Person, ProgressReport, ReportChange, UnitAlias
from tests.conftest import PLANS

T0 = datetime(2024, 1, 15, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok, FY2567 Q2


@pytest.fixture
def people(engine: sa.Engine) -> Iterator[dict[str, int]]:
    with session_scope(engine) as s:
        loaded = load_demo(s, PLANS, T0)
        ids = {k: p.id or 0 for k, p in loaded.items()}
    yield ids


class Chat:
    """A person chatting 1:1 with the bot; every call is a fresh session (a fresh process, even)."""

    def __init__(self, engine: sa.Engine, person_id: int, chat_id: str | None = None) -> None:
        self.engine, self.person_id = engine, person_id
        self.chat_id = chat_id or f"U{person_id:032d}"
        self.now = T0

    def _run(self, action: str, payload: str) -> Reply:
        with session_scope(self.engine) as s:
            person = s.get(Person, self.person_id)
            assert person is not None
            convo = ReportConversation(s, Speaker(person, self.chat_id), self.now)
            if action == "text":
                return convo.on_text(payload, message_id=f"m{self.now.timestamp():.0f}")
            return convo.on_postback(payload)

    def say(self, text: str, *, after: timedelta = timedelta(minutes=1)) -> Reply:
        self.now += after
        return self._run("text", text)

    def tap(self, reply: Reply, label_start: str, *, after: timedelta = timedelta(seconds=20)) -> Reply:
        self.now += after
        quick = reply.messages[-1].quick_replies
        choice = next(q for q in quick if q.label.startswith(label_start))
        return self._run("postback", choice.data)


def reports(engine: sa.Engine) -> list[tuple[str, float | None, str]]:
    with Session(engine) as s:
        rows = s.exec(
            select(IndicatorRecord.code, ProgressReport.value, ProgressReport.period).join(
                IndicatorRecord,
                ProgressReport.indicator_id == IndicatorRecord.id,  # type: ignore[arg-type]
            )
        ).all()
    return [(c, v, p) for c, v, p in rows]


def test_clear_report_is_saved_at_once(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.4 traffy แก้ไขแล้ว 1,234 จาก 1,500 เรื่อง ไตรมาส 2 ประชุมร่วมกับสำนักงานเขต")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert "ร้อยละ 82.27" in reply.texts[0] and "ไตรมาส 2/2567" in reply.texts[0]
    assert "ระดับ 4" in reply.texts[0]  # 82.27 ≥ 70 → level 4; level 5 needs the two reports
    assert reports(engine) == [("4", 82.27, "2567-Q2")]
    with Session(engine) as s:
        report = s.exec(select(ProgressReport)).one()
        assert (report.numerator, report.denominator) == (1234, 1500)


def test_ambiguous_indicator_choose_then_saved_and_phrase_learnt(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ผู้ว่าสัญจร 85% ค่ะ")
    assert "ตัวชี้วัดไหน" in reply.texts[0]
    labels = [q.label for q in reply.messages[0].quick_replies]
    assert labels[0].startswith("5") and labels[1].startswith("6")
    assert labels[-2:] == ["อื่น ๆ", "ยกเลิก"]
    assert reports(engine) == []
    reply = chat.tap(reply, "5")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert reports(engine) == [("5", 85.0, "2567-Q2")]
    with Session(engine) as s:
        assert [a.phrase for a in s.exec(select(UnitAlias)).all()] == ["ผู้ว่าสัญจร"]
    # Next time the same words go straight to indicator 5 for this unit.
    reply = chat.say("ผู้ว่าสัญจร 88%", after=timedelta(days=1))
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert ("5", 88.0, "2567-Q2") in reports(engine)


def test_missing_value_is_asked(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตัวชี้วัดที่ 1 ค่ะ")
    assert reply.texts == ["ตัวชี้วัดที่ 1 ได้ผลเท่าไรแล้วคะ (เช่น ร้อยละ 80 หรือ 8 จาก 10)"]
    reply = chat.say("96")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert reports(engine) == [("1", 96.0, "2567-Q2")]


def test_bare_number_is_confirmed_before_save(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("KPI 6 ผล 80")
    assert reply.texts[0] == "80 หมายถึงร้อยละ 80 ใช่ไหมคะ"
    assert reports(engine) == []
    reply = chat.tap(reply, "ใช่")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert reports(engine) == [("6", 80.0, "2567-Q2")]


def test_correction_while_asking_and_after_saving(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("KPI 6 ผล 80")
    reply = chat.say("แก้เป็น 85")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ") and "ร้อยละ 85" in reply.texts[0]
    reply = chat.say("แก้เป็น 87", after=timedelta(minutes=40))
    assert "ช่วยระบุตัวชี้วัด" in reply.texts[0]  # 40 minutes on, a bare number is about no report in particular
    assert reports(engine) == [("6", 85.0, "2567-Q2")]
    reply = chat.say("ตัวชี้วัดที่ 6 แก้เป็น 87")
    assert reply.texts == ["แก้ไขแล้วค่ะ ✅ ตัวชี้วัดที่ 6 จาก 85 เป็น 87 (ไตรมาส 2/2567)"]
    assert reports(engine) == [("6", 87.0, "2567-Q2")]
    with Session(engine) as s:
        change = s.exec(select(ReportChange).where(ReportChange.source == "line:correction")).one()
    assert (change.field, change.old, change.new, change.changed_by) == ("value", 85.0, 87.0, people["somsri"])


def test_not_indicator_x_switches_the_indicator(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ผู้ว่าสัญจร 85%")
    reply = chat.say("ไม่ใช่ ตัวชี้วัดที่ 6")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert reports(engine) == [("6", 85.0, "2567-Q2")]


def test_timeout_expires_the_draft(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    chat.say("ผู้ว่าสัญจร 85%")
    reply = chat.say("5", after=timedelta(minutes=31))
    assert reply.texts[0].startswith("รายงานที่ค้างไว้เมื่อ 10:01 น. หมดเวลาแล้ว")
    assert reports(engine) == []
    with Session(engine) as s:
        assert [d.state for d in s.exec(select(Draft)).all()] == ["expired"]


def test_lower_cumulative_value_asks_back(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    chat.say("ตช.1 ร้อยละ 90 มกราคม 67 ติดตามมติร่วมกับสำนักงานเขตผ่านระบบ e-saraban")
    reply = chat.say("ตช.1 ร้อยละ 70 กุมภาพันธ์ 67", after=timedelta(days=20))
    assert "ครั้งก่อนรายงาน ร้อยละ 90" in reply.texts[0] and "ต่ำกว่า" in reply.texts[0]
    assert reports(engine) == [("1", 90.0, "2567-01")]
    reply = chat.tap(reply, "ยืนยัน 70")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert sorted(reports(engine)) == [("1", 70.0, "2567-02"), ("1", 90.0, "2567-01")]


def test_cancel_saves_nothing(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ผู้ว่าสัญจร 85%")
    reply = chat.tap(reply, "ยกเลิก")
    assert reply.texts == ["ยกเลิกรายงานที่ค้างอยู่แล้วค่ะ ไม่มีการบันทึกข้อมูล"]
    assert chat.say("ยกเลิก").texts == ["ตอนนี้ไม่มีรายงานที่ค้างอยู่ค่ะ"]
    assert reports(engine) == []


def test_someone_elses_tap_does_not_touch_the_draft(engine: sa.Engine, people: dict[str, int]) -> None:
    group = "C" + "0" * 32
    somsri = Chat(engine, people["somsri"], chat_id=group)
    wichai = Chat(engine, people["wichai"], chat_id=group)
    reply = somsri.say("ผู้ว่าสัญจร 85%")
    stolen = wichai.tap(reply, "6")
    assert stolen.texts == ["ขออภัยค่ะ ตัวเลือกนี้เป็นของรายงานของผู้อื่น"]
    assert reports(engine) == []
    with Session(engine) as s:
        draft = s.exec(select(Draft)).one()
        assert draft.state == "ask_indicator" and draft.data["items"][0]["code"] is None
    assert somsri.tap(reply, "5").texts[0].startswith("บันทึกแล้วค่ะ")
    assert reports(engine) == [("5", 85.0, "2567-Q2")]


def test_five_w_follow_up_is_asked_once_and_appended(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.5 ร้อยละ 91")
    assert len(reply.texts) == 2 and "ร่วมกับใคร" in reply.texts[1]
    reply = chat.say("ลงพื้นที่ติดตามกับสำนักงานเขตบางรัก เมื่อ 12 ม.ค. โดยประชุมออนไลน์")
    assert reply.texts == ["ขอบคุณค่ะ เพิ่มรายละเอียดในรายงานแล้ว 🙏"]
    with Session(engine) as s:
        report = s.exec(select(ProgressReport)).one()
    assert "สำนักงานเขตบางรัก" in report.narrative
    assert chat.say("ขอบคุณค่ะ").texts[0].startswith("สวัสดีค่ะ")  # asked once: now it is just chat


def test_a_person_without_a_reporter_grant_cannot_report(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["committee"])
    reply = chat.say("ตช.4 ร้อยละ 80")
    assert reply.texts[0].startswith("ขออภัยค่ะ บัญชีนี้ยังไม่ได้รับมอบหมายให้รายงานตัวชี้วัด")
    assert reports(engine) == []


def test_each_indicator_keeps_the_quarter_its_clause_names(engine: sa.Engine, people: dict[str, int]) -> None:
    """Two indicators, each with its own quarter: one confirmation lists both, each saved in its quarter."""
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.1 ไตรมาส 1 ได้ร้อยละ 80 ส่วน ตช.3 ไตรมาส 2 ร้อยละ 45 ค่ะ")
    assert reply.texts[0].splitlines()[1:3] == [
        "• ตัวชี้วัดที่ 1 ร้อยละ 80 (ไตรมาส 1/2567)",
        "• ตัวชี้วัดที่ 3 ร้อยละ 45 (ไตรมาส 2/2567)",
    ]
    assert reports(engine) == []
    reply = chat.tap(reply, "ยืนยัน")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert sorted(reports(engine)) == [("1", 80.0, "2567-Q1"), ("3", 45.0, "2567-Q2")]


def test_a_value_for_each_month_is_saved_in_each_month(engine: sa.Engine, people: dict[str, int]) -> None:
    """One indicator reported month by month in one message: a part a month, confirmed together."""
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.4 ย้อนหลังค่ะ ต.ค. 66 ร้อยละ 70 / พ.ย. 66 ร้อยละ 75 / ธ.ค. 66 ร้อยละ 80")
    assert reply.texts[0].splitlines()[1:4] == [
        "• ตัวชี้วัดที่ 4 ร้อยละ 70 (ต.ค. 2566)",
        "• ตัวชี้วัดที่ 4 ร้อยละ 75 (พ.ย. 2566)",
        "• ตัวชี้วัดที่ 4 ร้อยละ 80 (ธ.ค. 2566)",
    ]
    assert reports(engine) == []
    only = [q.label for q in reply.messages[-1].quick_replies if q.label.startswith("เฉพาะ")]
    assert only == ["เฉพาะ 4 ต.ค. 2566", "เฉพาะ 4 พ.ย. 2566", "เฉพาะ 4 ธ.ค. 2566"]  # one button a month
    reply = chat.tap(reply, "ยืนยัน")
    assert reply.texts[0].startswith("บันทึกแล้วค่ะ")
    assert sorted(reports(engine)) == [("4", 70.0, "2566-10"), ("4", 75.0, "2566-11"), ("4", 80.0, "2566-12")]


def test_one_month_of_several_is_saved_alone(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.4 ย้อนหลังค่ะ ต.ค. 66 ร้อยละ 70 / พ.ย. 66 ร้อยละ 75")
    chat.tap(reply, "เฉพาะ 4 พ.ย.")
    assert reports(engine) == [("4", 75.0, "2566-11")]


def test_a_quarter_in_the_heading_is_every_clauses(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("รายงานไตรมาส 1 ค่ะ ตช.1 ร้อยละ 70 ตช.3 ร้อยละ 40")
    assert "ไตรมาส 1/2567" in reply.texts[0] and "•" not in reply.texts[0]
    chat.tap(reply, "ยืนยัน")
    assert sorted(reports(engine)) == [("1", 70.0, "2567-Q1"), ("3", 40.0, "2567-Q1")]


def test_changing_one_indicator_of_several_keeps_the_others(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.1 ร้อยละ 80 ตช.3 ร้อยละ 45 ค่ะ")
    reply = chat.tap(reply, "แก้ไข")
    reply = chat.say("ตช.3 ร้อยละ 50")
    assert "ตัวชี้วัดที่ 1 ร้อยละ 80, ตัวชี้วัดที่ 3 ร้อยละ 50" in reply.texts[0]
    assert reports(engine) == []
    reply = chat.tap(reply, "ยืนยัน")
    assert sorted(reports(engine)) == [("1", 80.0, "2567-Q2"), ("3", 50.0, "2567-Q2")]


def test_another_indicator_while_several_wait_is_a_report_of_its_own(engine: sa.Engine, people: dict[str, int]) -> None:
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.1 ร้อยละ 80 ตช.3 ร้อยละ 45 ค่ะ")
    reply = chat.say("ตช.2 ได้ 5 โครงการ")
    assert reply.texts[0] != "" and ("2", 5.0, "2567-Q2") in reports(engine)
    assert ("1", 80.0, "2567-Q2") not in reports(engine)  # still waiting for its confirmation


def test_one_indicator_of_several_is_saved_alone_and_the_rest_asked_again(
    engine: sa.Engine, people: dict[str, int]
) -> None:
    """Each indicator of a message is confirmed on its own when the reporter wants: "เฉพาะ 1" saves
    indicator 1, and indicator 3 waits for its own "ยืนยัน" (nothing saved for it before)."""
    chat = Chat(engine, people["somsri"])
    reply = chat.say("ตช.1 ร้อยละ 80 ตช.3 ร้อยละ 45 ค่ะ")
    assert [q.label for q in reply.messages[-1].quick_replies][:3] == ["ยืนยัน", "เฉพาะ 1", "เฉพาะ 3"]
    reply = chat.tap(reply, "เฉพาะ 1")
    assert reports(engine) == [("1", 80.0, "2567-Q2")]
    assert reply.texts[-1].startswith("ขอยืนยันก่อนบันทึกนะคะ: ตัวชี้วัดที่ 3 ร้อยละ 45")
    reply = chat.tap(reply, "ยืนยัน")
    assert sorted(reports(engine)) == [("1", 80.0, "2567-Q2"), ("3", 45.0, "2567-Q2")]
