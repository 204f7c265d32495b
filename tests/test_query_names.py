"""Questions name units and indicators the way people write them: abbreviations with ฯ, a unit's
aliases and short name, an indicator's alias, short name or bare code. A code found in several of
the asker's plans is asked back with the units as buttons; a unit outside the asker's scope, or one
the bot does not know, never gets the asker's own numbers in its place.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
import yaml
from linebot.v3.webhooks import Event
from sqlmodel import Session, select

from handlers import texts as m
from handlers.dispatch import EventContext, dispatch
from handlers.parse.intent import looks_like_query
from handlers.postbacks import BadPostback, PickQueryUnit, decode_postback
from handlers.queries import texts as qt
from handlers.queries.answers import QueryAnswerer
from handlers.replies import Reply
from store.db import session_scope
from store.demo import COUNCIL, GOV, demo_line_id
from store.identities import person_of
from store.models import PlanRecord, Unit
from tests.conftest import ROOT
from tests.test_queries import NOW, _seed, ask, flex_text

GOV_2567 = f"{GOV} · ปีงบประมาณ 2567"
COUNCIL_2565 = f"{COUNCIL} · ปีงบประมาณ 2565"
TRAFFY = "กรณีร้องเรียนผ่านแพลตฟอร์ม Traffy Fondue"  # GOV's indicator 4
INNOVATION = "ความสำเร็จในการพัฒนานวัตกรรม"  # the council's indicator 4


def tap_query(engine: sa.Engine, who: str, data: str, *, now: datetime = NOW) -> Reply:
    """A query button tapped 1:1, through the router as the worker runs it."""
    assert isinstance(decode_postback(data), PickQueryUnit)
    event = {
        "type": "postback",
        "mode": "active",
        "timestamp": 0,
        "source": {"type": "user", "userId": demo_line_id(who)},
        "webhookEventId": f"tap-{abs(hash((who, data, now)))}",
        "deliveryContext": {"isRedelivery": False},
        "replyToken": "r",
        "postback": {"data": data},
    }
    with session_scope(engine) as s:
        return dispatch(EventContext(s, now, ROOT / "var" / "evidence"), Event.from_dict(event))  # type: ignore[arg-type]


def _plan_id(engine: sa.Engine, key: str) -> int:
    with Session(engine) as s:
        return s.exec(select(PlanRecord.id).where(PlanRecord.key == key)).one() or 0


# --- units by name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "สำนักงานเลขานุการสภาฯ เป็นยังไงบ้าง",
        "สภาฯ เป็นยังไงบ้าง",
        "คะแนนสภาฯ เท่าไร",
        "สสส.กทม. ได้กี่คะแนน",  # an alias from the FY2563 plan file
        "สำนักงานเลขาธิการสภา กทม. สรุปผล",
        "the Bangkok Metropolitan Council Secretariat สรุปผล",  # the FY2565 file's alias, any case
    ],
)
def test_a_manager_asks_about_one_of_their_units_by_name(engine: sa.Engine, question: str) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "manager", question))
    assert COUNCIL_2565 in answer and "คะแนนถึงตอนนี้ 0 จาก 70" in answer
    assert GOV_2567 not in answer  # only the unit asked about, not every unit of the manager


@pytest.mark.parametrize("question", ["สพว.กทม. เป็นยังไงบ้าง", "สำนักงานเลขาฯ ผู้ว่าฯ ได้กี่คะแนน"])
def test_the_other_unit_by_its_abbreviation(engine: sa.Engine, question: str) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "manager", question))
    assert GOV_2567 in answer and "คะแนนถึงตอนนี้ 8 จาก 70" in answer and COUNCIL_2565 not in answer


def test_a_units_short_name(engine: sa.Engine) -> None:
    _seed(engine)
    with session_scope(engine) as s:
        council = s.exec(select(Unit).where(Unit.name == COUNCIL)).one()
        council.short_name = "สลส."
        s.add(council)
    answer = flex_text(ask(engine, "manager", "สลส. เป็นยังไงบ้าง"))
    assert COUNCIL_2565 in answer and GOV_2567 not in answer


# --- indicators by name or bare code -----------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "question", "shown"),
    [
        ("manager", "Traffy Fondue ถึงไหนแล้ว", TRAFFY),
        ("manager", "ทราฟฟี่ต้องทำอีกเท่าไรถึงระดับ 5", TRAFFY),
        ("manager", "นวัตกรรมถึงไหนแล้ว", INNOVATION),
        ("manager", "K1 ถึงไหนแล้ว", "การนำข้อมูลความต้องการจากประชาชนเข้าสู่การพิจารณาของสภา"),
        ("manager", "ตัวชี้วัดที่ 4 ของสภาฯ ถึงไหนแล้ว", INNOVATION),  # the unit named: no need to ask
        ("somsri", "4 ถึงไหนแล้ว", TRAFFY),
        ("somsri", "ข้อ 4 เป็นยังไงบ้าง", TRAFFY),
        ("anan", "4 ถึงไหนแล้ว", INNOVATION),
    ],
)
def test_an_indicator_by_alias_short_name_or_bare_code(engine: sa.Engine, who: str, question: str, shown: str) -> None:
    _seed(engine)
    reply = ask(engine, who, question)
    assert reply.messages[0].flex is not None and shown in flex_text(reply)
    assert qt.HELP_TITLE not in flex_text(reply)


def test_an_abbreviated_indicator_name_is_not_taken_for_a_unit(engine: sa.Engine) -> None:
    """ "มติสภาฯ" is the governor's office's indicator 1, not the council (สภาฯ) the reporter may not see."""
    _seed(engine)
    answer = flex_text(ask(engine, "somsri", "มติสภาฯ ถึงไหนแล้ว"))
    assert "ล่าสุด ร้อยละ 92.5" in answer and qt.OUT_OF_SCOPE not in answer


def test_the_card_names_the_unit_when_the_asker_has_several(engine: sa.Engine) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "manager", "Traffy Fondue ถึงไหนแล้ว"))
    assert GOV_2567 in answer


def test_question_words_are_not_read_as_an_indicators_name(engine: sa.Engine) -> None:
    """ "คะแนน" is in an FY2563 indicator's name; a score question is still a summary."""
    _seed(engine)
    reply = ask(engine, "committee", "สรุปผลคะแนนตอนนี้เท่าไร")
    assert reply.messages[0].flex is not None and reply.messages[0].flex["type"] == "carousel"


# --- a code in several of the asker's plans ----------------------------------------------------


def test_a_code_in_two_of_the_askers_plans_is_asked_back_and_the_tap_answers(engine: sa.Engine) -> None:
    _seed(engine)
    reply = ask(engine, "manager", "ตัวชี้วัดที่ 4 ถึงไหนแล้ว")
    assert reply.texts == [qt.WHICH_UNIT.format(what="ตัวชี้วัดที่ 4")]
    assert reply.messages[0].flex is None  # no unit's numbers until the asker chooses
    quick = reply.messages[0].quick_replies
    assert [q.label for q in quick] == ["สพว.กทม.", "สสส.กทม."]
    gov = flex_text(tap_query(engine, "manager", quick[0].data))
    assert TRAFFY in gov and GOV_2567 in gov and INNOVATION not in gov
    council = flex_text(tap_query(engine, "manager", quick[1].data))
    assert INNOVATION in council and COUNCIL_2565 in council and TRAFFY not in council


def test_the_level_asked_about_survives_the_tap(engine: sa.Engine) -> None:
    _seed(engine)
    reply = ask(engine, "manager", "ตัวชี้วัดที่ 1 ของสำนักงานเลขานุการผู้ว่าฯ ต้องทำอีกเท่าไรถึงระดับ 5")
    assert "ถึงระดับ 5 ต้องได้อย่างน้อยร้อยละ 95 (อีกร้อยละ 2.5)" in flex_text(reply)
    # The level named, not the next one: level 4 is reached already.
    assert qt.ALREADY.format(level=4) in flex_text(ask(engine, "somsri", "ตัวชี้วัดที่ 1 ต้องทำอีกเท่าไรถึงระดับ 4"))
    asked = ask(engine, "committee", "ตช.4 ต้องทำอีกเท่าไรถึงระดับ 3")
    data = asked.messages[0].quick_replies[0].data
    assert "ถึงระดับ 3" in flex_text(tap_query(engine, "committee", data))


def test_a_forged_query_button_shows_nothing_out_of_scope(engine: sa.Engine) -> None:
    _seed(engine)
    gov = _plan_id(engine, "fy2567-governor-secretary")
    refused = tap_query(engine, "anan", f"q=status&p={gov}&i=1")
    assert refused.texts == [qt.OUT_OF_SCOPE] and "92.5" not in flex_text(refused)
    assert tap_query(engine, "manager", f"q=status&p={gov}&i=K9").texts == [m.BUTTON_INVALID]
    assert tap_query(engine, "manager", "q=status&p=999999&i=1").texts == [m.BUTTON_INVALID]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("q=status&p=3&i=4", PickQueryUnit("status", 3, "4")),
        ("q=status&p=3&i=3.1+%28%E0%B8%82%29&l=5", PickQueryUnit("status", 3, "3.1 (ข)", 5)),
        ("q=deadline&p=12&i=K1", PickQueryUnit("deadline", 12, "K1")),
    ],
)
def test_query_buttons_decode(data: str, expected: PickQueryUnit) -> None:
    assert decode_postback(data) == expected


@pytest.mark.parametrize(
    "data",
    ["q=status&p=0&i=4", "q=explode&p=3&i=4", "q=status&p=3", "q=status&p=3&i=4&l=9", "q=status&p=3&i=4&d=1"],
)
def test_malformed_query_buttons_are_refused(data: str) -> None:
    with pytest.raises(BadPostback):
        decode_postback(data)


def test_a_unit_the_bot_does_not_know_is_not_answered_with_the_askers_own(engine: sa.Engine) -> None:
    _seed(engine)
    reply = ask(engine, "somsri", "สำนักงานเขตบางรักได้กี่คะแนน")
    assert reply.texts == [qt.UNKNOWN_UNIT.format(name="สำนักงานเขตบางรัก")]
    assert "คะแนนถึงตอนนี้" not in flex_text(reply)
    # "สำนักงาน" alone is the asker's own office, not a unit to look up.
    assert "คะแนนถึงตอนนี้ 8 จาก 70" in flex_text(ask(engine, "somsri", "คะแนนของสำนักงานเท่าไร"))


def test_a_known_unit_without_a_plan_is_not_answered_with_the_askers_own(engine: sa.Engine) -> None:
    _seed(engine)
    outside = ask(engine, "somsri", "กลุ่มงานแผนงานและประเมินผลได้กี่คะแนน")
    assert outside.texts == [qt.OUT_OF_SCOPE]
    planless = ask(engine, "committee", "กลุ่มงานแผนงานและประเมินผลได้กี่คะแนน")
    assert planless.texts == [qt.NO_PLAN_OF_UNIT.format(unit="กลุ่มงานแผนงานและประเมินผล")]


# --- deadlines ------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["ตช.4 ส่งวันไหน", "ตัวชี้วัดที่ 4 กำหนดส่งเมื่อไร", "Traffy ส่งเมื่อไหร่คะ"])
def test_a_deadline_question_is_a_query(question: str) -> None:
    assert looks_like_query(question)


# The corpus labels these "chat" (the parser has nothing to record); the query side answers them.
DEADLINE_QUESTIONS = {"g65-072", "g67-050", "g63-079", "g67-056"}  # labelled chat, answered with the deadline


def test_the_query_side_takes_the_corpus_questions_and_no_report() -> None:
    """The routing entry agrees with the labelled corpus: "5.2 ได้ 55 คะแนน" is a report to save, not a
    question about scores; "One Platform นำเข้าข้อมูลหรือยังคะ" is a question."""
    cases = yaml.safe_load((ROOT / "tests/data/parse_corpus.yaml").read_text(encoding="utf-8"))
    wrong = [
        (case["id"], case["expect"]["kind"], case["text"])
        for case in cases
        if looks_like_query(case["text"]) != (case["expect"]["kind"] == "question" or case["id"] in DEADLINE_QUESTIONS)
    ]
    assert wrong == []


def test_a_deadline_question_gets_the_indicators_next_deadline(engine: sa.Engine) -> None:
    _seed(engine)
    answer = ask(engine, "somsri", "ตช.4 ส่งวันไหน").texts
    assert answer == [
        qt.NEXT_DEADLINE.format(code="4", due="20 เม.ย. 2567", what="รายเดือน เม.ย. 2567")
        + "\n"
        + qt.NEXT_QUARTERLY.format(period="ไตรมาส 3/2567", due="20 มิ.ย. 2567")
    ]


def test_on_the_quarters_deadline_day_both_reports_are_due_today(engine: sa.Engine) -> None:
    _seed(engine)
    with session_scope(engine) as s:
        person = person_of(s, demo_line_id("somsri"))
        day = datetime(2024, 3, 20, 3, 0, tzinfo=UTC)
        answer = QueryAnswerer(s, person, demo_line_id("somsri"), day).answer("ตช.2 กำหนดส่งเมื่อไร").texts
    assert answer == [
        qt.NEXT_DEADLINE.format(code="2", due="20 มี.ค. 2567" + qt.TODAY, what="รายเดือน มี.ค. 2567 และรายไตรมาส 2/2567")
    ]


def test_a_deadline_asked_for_a_code_in_two_plans_is_asked_back(engine: sa.Engine) -> None:
    _seed(engine)
    reply = ask(engine, "manager", "ตช.4 ส่งวันไหน")
    assert reply.texts == [qt.WHICH_UNIT.format(what="ตัวชี้วัดที่ 4")]
    council = tap_query(engine, "manager", reply.messages[0].quick_replies[1].data).texts
    assert council == [qt.NO_MORE_DEADLINES.format(fy=2565, unit=COUNCIL, due="20 ก.ย. 2565")]
