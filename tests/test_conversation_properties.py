"""Random chats of 1–8 messages through the real router and store: nothing is ever saved for an
indicator the message did not name or the reporter did not confirm, and a report that needs no
question is saved, at once, whatever was waiting before it."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, col, select

from handlers import drafts as d
from store.db import make_engine
from store.demo import demo_line_id
from store.models import IndicatorRecord, Person, PlanRecord, ProgressReport
from tests.chat_driver import ChatDriver

WORDS = "ประชุมร่วมกับสำนักงานเขตที่ศาลาว่าการเมื่อต้นเดือน ทางออนไลน์ โดยกลุ่มงานแผน"


@dataclass(frozen=True)
class Msg:
    text: str | None  # None: tap the first button of the last reply (not "ยกเลิก")
    names: frozenset[str] = frozenset()  # indicators the message names (codes, or the candidates of a name)
    certain: tuple[str, float] | None = None  # saved at once: (code, value)
    correction: bool = False


POOL = [
    Msg(f"ตช.1 ร้อยละ 91 ไตรมาส 2 {WORDS}", frozenset({"1"}), ("1", 91.0)),
    Msg(f"ตช.3 ร้อยละ 95 ไตรมาส 2 {WORDS}", frozenset({"3"}), ("3", 95.0)),
    Msg(f"ตช.4 ร้อยละ 82 ไตรมาส 2 {WORDS}", frozenset({"4"}), ("4", 82.0)),
    Msg("ผู้ว่าสัญจร 85% ค่ะ", frozenset({"5", "6"})),
    Msg(f"สัญจรประจำเขต ร้อยละ 88 ไตรมาส 2 {WORDS}", frozenset({"5", "6"}), ("5", 88.0)),
    Msg("KPI 6 ผล 80", frozenset({"6"})),
    Msg("ตช.2 ร้อยละ 60 ไตรมาส 2", frozenset({"2"})),
    Msg("ปฏิทินผู้ว่า 85% ไตรมาส 2", frozenset({"3"})),
    Msg("แก้เป็น 77", correction=True),
    Msg("ตัวชี้วัดที่ 3 แก้เป็น 88", frozenset({"3"}), correction=True),
    Msg("ใครยังไม่ส่ง"),
    Msg("คะแนนตอนนี้เท่าไร"),
    Msg("ลาถึง 15 ธ.ค. ค่ะ"),
    Msg("ยกเลิก"),
    Msg("สวัสดีค่ะ"),
    Msg("ขอบคุณค่ะ"),
    Msg("ใช่ค่ะ"),
    Msg(None),
    Msg(None),
]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _reports(engine: sa.Engine) -> dict[str, float | None]:
    with Session(engine) as s:
        rows = s.exec(
            select(IndicatorRecord.code, ProgressReport.value)
            .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
            .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
            .where(PlanRecord.fiscal_year == 2567)
        ).all()
    return dict(rows)


def _waiting_about(engine: sa.Engine, user: str) -> set[str]:
    """The indicators of the draft the chat's next input goes to (what a tap or an answer confirms)."""
    with Session(engine) as s:
        person = s.exec(select(Person).where(Person.name == "สมศรี ใจดี")).one()
        about: set[str] = set()
        for draft in s.exec(
            select(d.Draft).where(d.Draft.person_id == person.id, col(d.Draft.state).in_(d.LISTENING_STATES))
        ).all():
            model = d.load(draft)
            if isinstance(model, d.ReportDraft):
                for item in model.items:
                    about |= {item.code} if item.code else set(item.candidates)
            elif isinstance(model, d.CorrectionDraft):
                report = s.get(ProgressReport, model.report_id)
                indicator = s.get(IndicatorRecord, report.indicator_id) if report else None
                about |= {indicator.code} if indicator else set()
    return about


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=8))
def test_only_named_or_confirmed_values_are_saved(template: Path, tmp_path: Path, chat: list[Msg]) -> None:
    path = tmp_path / f"case-{abs(hash(tuple(chat)))}.db"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    driver = ChatDriver(engine, demo_line_id("somsri"), tmp_path)
    typed_numbers: set[float] = set()
    saved_by_reporter: set[str] = set()
    try:
        for msg in chat:
            before = _reports(engine)
            about = _waiting_about(engine, driver.user)
            if msg.text is None:
                buttons = [q for q in (driver.last.messages[-1].quick_replies if driver.last.messages else ())]
                buttons = [q for q in buttons if q.label != "ยกเลิก"]
                if not buttons:
                    continue
                driver.tap(buttons[0].label)
            else:
                typed_numbers |= {float(n) for n in _NUMBER.findall(msg.text)}
                driver.say(msg.text)
            after = _reports(engine)
            for code, value in after.items():
                if before.get(code, "new") == value:
                    continue
                named = code in msg.names
                confirmed = code in about  # a tap or an answer to the question waiting about it
                corrected = msg.correction and code in saved_by_reporter
                assert named or confirmed or corrected, (
                    f"{code} saved as {value} after {msg.text!r} (waiting about {about})"
                )
                assert (
                    value is None
                    or value in typed_numbers
                    or round(value, 2) in {round(100 * a / b, 2) for a in typed_numbers for b in typed_numbers if b}
                ), f"{value} for {code} was never typed"
                saved_by_reporter.add(code)
            if msg.certain is not None:
                code, value = msg.certain
                assert after.get(code) == value, f"{msg.text!r} was not saved at once: {driver.last.texts}"
    finally:
        engine.dispose()
