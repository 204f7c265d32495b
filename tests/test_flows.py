"""Every declared (state, input kind) pair of every conversation, driven through the real conversation
and store: the state it ends in and the kind of reply, as this table says.

A pair declared in a flow but missing here fails (``test_every_declared_pair_is_specified``), so the
declaration and its specification cannot drift apart.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select

from handlers.flow import Input, Says
from handlers.replies import Reply
from handlers.reporting.conversation import (
    CORRECTION_FLOW,
    FLOWS,
    NO_PROGRESS_FLOW,
    REPORT_FLOW,
    ReportConversation,
    Speaker,
)
from store.db import make_engine, session_scope
from store.models import Draft, Person

T0 = datetime(2024, 1, 15, 3, 0, tzinfo=UTC)  # FY2567 Q2
WORDS = "ประชุมติดตามกับสำนักงานเขตทั้ง 50 เขตที่ศาลาว่าการ"


class Chat:
    """Somsri chatting 1:1; each step is its own transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.now = T0
        self.last: Reply = Reply()
        self.transition: tuple[str, str, Input, str, Says] | None = None

    def _convo(self, s: Session) -> ReportConversation:
        person = s.exec(select(Person).where(Person.name == "สมศรี ใจดี")).one()
        return ReportConversation(s, Speaker(person, "Usomsri"), self.now)

    def say(self, text: str) -> Reply:
        self.now += timedelta(minutes=1)
        with session_scope(self.engine) as s:
            convo = self._convo(s)
            self.last = convo.on_text(text, message_id=f"m{self.now.timestamp():.0f}")
            self.transition = convo.last
        return self.last

    def tap_data(self, data: str) -> Reply:
        self.now += timedelta(seconds=20)
        with session_scope(self.engine) as s:
            convo = self._convo(s)
            self.last = convo.on_postback(data)
            self.transition = convo.last
        return self.last

    def tap(self, label_start: str) -> Reply:
        quick = self.last.messages[-1].quick_replies
        return self.tap_data(next(q.data for q in quick if q.label.startswith(label_start)))

    def draft(self) -> Draft:
        with Session(self.engine) as s:
            return s.exec(select(Draft).order_by(col(Draft.updated_at).desc(), col(Draft.id).desc())).first()  # type: ignore[return-value]


# How to reach each state from a fresh chat.
REACH: dict[str, Callable[[Chat], None]] = {
    "ask_period": lambda c: c.say(f"ตช.2 ได้ 9 โครงการ ไตรมาส 1 และไตรมาส 2 {WORDS}"),
    "ask_indicator": lambda c: c.say("ผู้ว่าสัญจร 85% ค่ะ"),
    "ask_value": lambda c: c.say("ตช.2 ร้อยละ 60 ไตรมาส 2"),
    "ask_unit": lambda c: c.say("KPI 6 ผล 80"),
    "ask_lower": lambda c: (c.say(f"ตช.1 ร้อยละ 90 ไตรมาส 2 {WORDS}"), c.say(f"ตช.1 ร้อยละ 80 ไตรมาส 2 {WORDS}")),
    "ask_confirm": lambda c: c.say("ปฏิทินผู้ว่า 85% ไตรมาส 2"),  # a fuzzy name: confirmed before saving
    "ask_edit": lambda c: (c.say("ปฏิทินผู้ว่า 85% ไตรมาส 2"), c.tap("แก้ไข")),
    # an item matched by words: confirmed by a tap before it is marked
    "ask_items": lambda c: c.say("ตช.2 คัดเลือกโครงการตามนโยบายสำคัญครบแล้วค่ะ ไตรมาส 2"),
    "ask_details": lambda c: c.say("ตช.4 ร้อยละ 82 ไตรมาส 2"),
}
_OTHER_FIELD = {"ask_lower": "f=unit&v=yes&d={d}"}
_TAPS = {  # the button that answers each question
    "ask_period": "ไตรมาส 2",
    "ask_indicator": "5 ",
    "ask_unit": "ใช่",
    "ask_lower": "ยืนยัน",
    "ask_confirm": "ยืนยัน",
    "ask_edit": "ยืนยัน",
    "ask_items": "ยืนยันทั้งหมด",
}


def send(chat: Chat, kind: Input, state: str) -> None:
    draft_id = chat.draft().id
    if kind is Input.answer:
        chat.say("ขอคิดดูก่อนนะคะ" if state != "ask_details" else "ร่วมกับสำนักงานเขตผ่านการประชุมออนไลน์ที่ศาลาว่าการ")
    elif kind is Input.correction:
        chat.say("แก้เป็น 85")
    elif kind is Input.report:  # another indicator than the draft's (the same one replaces the draft)
        chat.say(f"ตช.{1 if state in ('ask_confirm', 'ask_edit') else 3} ร้อยละ 95 ไตรมาส 2 {WORDS}")
    elif kind is Input.cancel:
        chat.say("ยกเลิก")
    elif kind is Input.resume:
        chat.tap_data(f"f=resume&d={draft_id}")
    elif kind is Input.stale:
        chat.tap_data(_OTHER_FIELD.get(state, "f=lower&v=yes&d={d}").format(d=draft_id))
    elif kind is Input.tap:
        if state == "ask_edit":
            chat.tap_data(f"f=confirm&v=yes&d={draft_id}")
        else:
            chat.tap(_TAPS[state])


# (state, input) → (state after, reply kind) for the report conversation, with the inputs above.
REPORT_SPEC: dict[tuple[str, Input], tuple[str, Says]] = {
    **{(s, Input.answer): (s, Says.question) for s in REACH if s != "ask_details"},
    **{(s, Input.cancel): ("cancelled", Says.cancelled) for s in REACH if s != "ask_details"},
    **{(s, Input.report): (s, Says.handed_on) for s in REACH if s != "ask_details"},
    **{(s, Input.resume): (s, Says.question) for s in REACH if s not in ("ask_details", "ask_edit")},
    ("ask_edit", Input.resume): ("ask_confirm", Says.question),  # the confirmation is asked again
    **{(s, Input.stale): (s, Says.refused) for s in REACH if s != "ask_details"},
    ("ask_period", Input.correction): ("ask_period", Says.question),
    ("ask_indicator", Input.correction): ("ask_indicator", Says.question),
    ("ask_value", Input.correction): ("ask_details", Says.saved),  # 85 in the indicator's own unit
    ("ask_unit", Input.correction): ("ask_details", Says.saved),
    ("ask_lower", Input.correction): ("ask_lower", Says.question),  # 85 is still below 90: asked again
    ("ask_confirm", Input.correction): ("ask_confirm", Says.question),
    ("ask_edit", Input.correction): ("ask_confirm", Says.question),
    ("ask_items", Input.correction): ("ask_unit", Says.question),  # "85" of a count: its unit first
    ("ask_period", Input.tap): ("ask_details", Says.saved),
    ("ask_indicator", Input.tap): ("ask_details", Says.saved),  # choosing is confirming
    ("ask_unit", Input.tap): ("ask_details", Says.saved),
    ("ask_lower", Input.tap): ("ask_details", Says.saved),
    ("ask_confirm", Input.tap): ("ask_details", Says.saved),
    ("ask_edit", Input.tap): ("ask_details", Says.saved),
    ("ask_items", Input.tap): ("ask_details", Says.saved),
    ("ask_details", Input.answer): ("done", Says.saved),
    ("ask_details", Input.report): ("done", Says.handed_on),
    ("ask_details", Input.correction): ("done", Says.handed_on),
    ("ask_details", Input.cancel): ("done", Says.cancelled),
    ("ask_details", Input.resume): ("ask_details", Says.refused),
    ("ask_details", Input.stale): ("ask_details", Says.refused),
}


def test_every_declared_pair_is_specified() -> None:
    assert set(REPORT_FLOW.pairs()) == set(REPORT_SPEC)
    assert set(FLOWS) == {"report", "noprogress", "correction"}


@pytest.fixture
def chat(template: Path, tmp_path: Path) -> Iterator[Chat]:
    path = tmp_path / "case.db"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield Chat(engine)
    engine.dispose()


@pytest.mark.parametrize(("state", "kind"), sorted(REPORT_SPEC), ids=lambda v: str(v))
def test_report_flow_pair(chat: Chat, state: str, kind: Input) -> None:
    REACH[state](chat)
    assert chat.draft().state == state, chat.last.texts
    send(chat, kind, state)
    assert chat.transition is not None, "the conversation ran no transition"
    flow, before, ran, after, says = chat.transition
    assert (flow, before, ran) == ("report", state, kind)
    assert (after, says) == REPORT_SPEC[(state, kind)], chat.last.texts
    assert chat.last.messages, "every transition answers"


NO_PROGRESS_SPEC: dict[Input, tuple[str, Says]] = {
    Input.answer: ("saved", Says.saved),
    Input.correction: ("saved", Says.saved),
    Input.report: ("ask_reason", Says.handed_on),
    Input.cancel: ("cancelled", Says.cancelled),
    Input.resume: ("ask_reason", Says.question),
    Input.stale: ("ask_reason", Says.refused),
}


def test_no_progress_pairs_are_specified() -> None:
    assert set(NO_PROGRESS_FLOW.pairs()) == {("ask_reason", k) for k in NO_PROGRESS_SPEC}


@pytest.mark.parametrize("kind", sorted(NO_PROGRESS_SPEC), ids=str)
def test_no_progress_flow_pair(chat: Chat, kind: Input) -> None:
    chat.tap_data("n=noprogress&i=1,2&p=2567-Q2")
    assert chat.draft().state == "ask_reason", chat.last.texts
    draft_id = chat.draft().id
    {
        Input.answer: lambda: chat.say("รอผลการจัดซื้อจัดจ้าง"),
        Input.correction: lambda: chat.say("แก้เป็น รอผลการจัดซื้อ"),
        Input.report: lambda: chat.say(f"ตช.3 ร้อยละ 95 ไตรมาส 2 {WORDS}"),
        Input.cancel: lambda: chat.say("ยกเลิก"),
        Input.resume: lambda: chat.tap_data(f"f=resume&d={draft_id}"),
        Input.stale: lambda: chat.tap_data(f"f=lower&v=yes&d={draft_id}"),
    }[kind]()
    assert chat.transition is not None
    _, before, ran, after, says = chat.transition
    assert (before, ran) == ("ask_reason", kind)
    assert (after, says) == NO_PROGRESS_SPEC[kind], chat.last.texts


CORRECTION_SPEC: dict[Input, tuple[str, Says]] = {
    Input.tap: ("saved", Says.saved),
    Input.answer: ("saved", Says.saved),  # "ใช่ค่ะ" typed
    Input.report: ("cancelled", Says.handed_on),
    Input.correction: ("cancelled", Says.handed_on),
    Input.cancel: ("cancelled", Says.cancelled),
    Input.resume: ("ask_confirm", Says.question),
    Input.stale: ("ask_confirm", Says.refused),
}


def test_correction_pairs_are_specified() -> None:
    assert set(CORRECTION_FLOW.pairs()) == {("ask_confirm", k) for k in CORRECTION_SPEC}


@pytest.mark.parametrize("kind", sorted(CORRECTION_SPEC), ids=str)
def test_correction_flow_pair(chat: Chat, kind: Input) -> None:
    chat.say(f"ตช.5 ข้อสั่งการ 50 ข้อ เสร็จ 45 ข้อ ไตรมาส 2 {WORDS}")
    chat.say("แก้เป็น 46 ข้อ")
    assert chat.draft().state == "ask_confirm" and chat.draft().data["kind"] == "correction", chat.last.texts
    draft_id = chat.draft().id
    {
        Input.tap: lambda: chat.tap("ยืนยัน"),
        Input.answer: lambda: chat.say("ใช่ค่ะ"),
        Input.report: lambda: chat.say(f"ตช.3 ร้อยละ 95 ไตรมาส 2 {WORDS}"),
        Input.correction: lambda: chat.say("แก้เป็น 47 ข้อ"),
        Input.cancel: lambda: chat.say("ยกเลิก"),
        Input.resume: lambda: chat.tap_data(f"f=resume&d={draft_id}"),
        Input.stale: lambda: chat.tap_data(f"f=lower&v=yes&d={draft_id}"),
    }[kind]()
    assert chat.transition is not None
    _, before, ran, after, says = chat.transition
    assert (before, ran) == ("ask_confirm", kind)
    assert (after, says) == CORRECTION_SPEC[kind], chat.last.texts


RETURN_SPEC: dict[Input, tuple[str, str]] = {
    Input.answer: ("saved", "returned"),  # the reason is saved and the report goes back
    Input.cancel: ("cancelled", "reported"),
}


def test_return_reason_pairs_are_specified() -> None:
    from handlers.verification.verify import RETURN_FLOW

    assert set(RETURN_FLOW.pairs()) == {("ask_reason", k) for k in RETURN_SPEC}


@pytest.mark.parametrize("kind", sorted(RETURN_SPEC), ids=str)
def test_return_flow_pair(template: Path, tmp_path: Path, kind: Input) -> None:
    from store.demo import demo_line_id
    from store.models import ProgressReport
    from tests.chat_driver import ChatDriver

    path = tmp_path / "case.db"
    shutil.copy(template, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        somsri = ChatDriver(engine, demo_line_id("somsri"), tmp_path)
        somsri.say(f"ตช.1 ร้อยละ 91 ไตรมาส 2 {WORDS}")
        committee = ChatDriver(engine, demo_line_id("committee"), tmp_path, somsri.now)
        with Session(engine) as s:
            report_id = s.exec(select(ProgressReport.id)).one()
        committee.tap_data(f"v=return&r={report_id}")
        assert Chat(engine).draft().state == "ask_reason"
        committee.say("ยกเลิก" if kind is Input.cancel else "ยังไม่แนบหนังสือแจ้งเขต")
        draft_state, report_status = RETURN_SPEC[kind]
        assert Chat(engine).draft().state == draft_state
        with Session(engine) as s:
            assert s.exec(select(ProgressReport)).one().status == report_status
    finally:
        engine.dispose()
