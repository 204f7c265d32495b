"""Managers, reporters and the committee ask by chat; answers stay within each asker's scope, and the
committee confirms or returns reports from the report card."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from linebot.v3.webhooks import Event
from sqlmodel import Session, select

from bot.ulid import new_ulid
from handlers.dispatch import EventContext, dispatch
from handlers.replies import Reply, parse_postback
from scoring.fiscal import FiscalPeriod
from store import progress
from store.db import session_scope
from store.demo import COMMITTEE_GROUP, demo_line_id, load_demo
from store.models import IndicatorRecord, OutboxMessage, ProgressReport, ReportChange, ReportStatus
from store.progress import ReportInput
from tests.conftest import PLANS
from tests.live import text_event

NOW = datetime(2024, 3, 25, 3, 0, tzinfo=UTC)


def _seed(engine: sa.Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        ids = {k: p.id or 0 for k, p in people.items()}
        plan_ind = {i.code: i.id for i in s.exec(select(IndicatorRecord)).all() if i.plan_id == 1}
        for month, value in ((1, 88.0), (2, 92.5)):
            progress.record(
                s,
                data=ReportInput(
                    indicator_id=plan_ind["1"] or 0,
                    period=FiscalPeriod(2567, 2, month),
                    value=value,
                    narrative="ติดตามมติสภาผ่านระบบ e-saraban ร่วมกับสำนักงานเขต",
                ),
                by=ids["somsri"],
                now=datetime(2024, month, 15, 3, tzinfo=UTC),
                source="test",
            )
    return ids


def ask(engine: sa.Engine, who: str, text: str, *, group: str | None = None, tmp: Path = Path("/tmp")) -> Reply:
    with session_scope(engine) as s:
        event = text_event(
            demo_line_id(who), ("@Tidtam " if group else "") + text, group_id=group, mention_self=bool(group)
        )
        return dispatch(EventContext(s, NOW, tmp), Event.from_dict(event))  # type: ignore[arg-type]


def tap(engine: sa.Engine, who: str, data: str, group: str | None = None) -> Reply:
    source = (
        {"type": "group", "groupId": group, "userId": demo_line_id(who)}
        if group
        else {"type": "user", "userId": demo_line_id(who)}
    )
    event = {
        "type": "postback",
        "mode": "active",
        "timestamp": 0,
        "source": source,
        "webhookEventId": new_ulid(),
        "deliveryContext": {"isRedelivery": False},
        "replyToken": "r",
        "postback": {"data": data},
    }
    with session_scope(engine) as s:
        return dispatch(EventContext(s, NOW, Path("/tmp")), Event.from_dict(event))  # type: ignore[arg-type]


def flex_text(reply: Reply) -> str:
    def walk(node: object) -> list[str]:
        if isinstance(node, dict):
            return ([node["text"]] if node.get("type") == "text" else []) + [t for v in node.values() for t in walk(v)]
        if isinstance(node, list):
            return [t for v in node for t in walk(v)]
        return []

    return "\n".join(t for m in reply.messages for t in [m.text, *walk(m.flex)])


def test_indicator_status_for_a_manager(engine: sa.Engine) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "manager", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว"))
    assert "ระดับ 4" in answer and "8/10 คะแนน" in answer
    assert "ล่าสุด ร้อยละ 92.5 · 15 ก.พ. 2567 · สมศรี ใจดี (รายงานเอง)" in answer
    assert "ม.ค. 2567: 88 → ก.พ. 2567: 92.5" in answer
    assert "ถึงระดับ 5 ต้องได้อย่างน้อยร้อยละ 95 (อีกร้อยละ 2.5)" in answer


def test_unit_summary_score_and_quarter(engine: sa.Engine) -> None:
    _seed(engine)
    summary = flex_text(ask(engine, "manager", "สรุปผลสำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร"))
    assert "คะแนนถึงตอนนี้ 8 จาก 70" in summary
    assert "คะแนนถึงตอนนี้ 8 จาก 70" in flex_text(ask(engine, "somsri", "คะแนนตอนนี้เท่าไร"))
    assert "คะแนนถึงตอนนี้ 0 จาก 70" in flex_text(ask(engine, "somsri", "ไตรมาส 1 ได้กี่คะแนน"))


def test_what_level_5_needs(engine: sa.Engine) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "somsri", "ตัวชี้วัดที่ 1 ต้องทำอีกเท่าไรถึงระดับ 5"))
    assert "ถึงระดับ 5 ต้องได้อย่างน้อยร้อยละ 95 (อีกร้อยละ 2.5)" in answer


def test_who_has_not_reported(engine: sa.Engine) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "committee", "ใครยังไม่ส่ง"))
    assert "วิชัย รักงาน: ตัวชี้วัดที่ 4, 5, 6 (กำหนดส่ง 20 มี.ค. 2567)" in answer
    assert "สมศรี ใจดี: ตัวชี้วัดที่ 1, 2, 3" in answer  # no March report yet


def test_a_reporter_gets_no_numbers_of_another_unit(engine: sa.Engine) -> None:
    _seed(engine)
    answer = ask(engine, "anan", "สรุปผลสำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร")
    assert answer.texts == ["ขออภัยค่ะ ข้อมูลของหน่วยงานนี้อยู่นอกสิทธิ์การดูของบัญชีนี้"]
    assert "92.5" not in flex_text(ask(engine, "anan", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว"))


def test_the_committee_group_sees_all_and_unknown_questions_get_help(engine: sa.Engine) -> None:
    _seed(engine)
    answer = flex_text(ask(engine, "committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว", group=COMMITTEE_GROUP))
    assert "92.5" in answer
    help_card = ask(engine, "manager", "สถานะเป็นยังไงบ้าง?")
    assert help_card.messages[0].flex is not None and "ใครยังไม่ส่ง" in flex_text(help_card)


def test_committee_confirms_and_returns_and_the_reporter_is_told(engine: sa.Engine) -> None:
    _seed(engine)
    card = ask(engine, "committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว")
    footer = card.messages[0].flex["footer"]["contents"]  # type: ignore[index]
    confirm, give_back = (parse_postback(b["action"]["data"]) for b in footer)
    assert tap(engine, "somsri", f"v=confirm&r={confirm['r']}").texts[0].startswith("ขออภัยค่ะ เฉพาะคณะกรรมการ")
    assert tap(engine, "committee", f"v=confirm&r={confirm['r']}").texts[0].startswith("ยืนยันผลตัวชี้วัดที่ 1")
    with Session(engine) as s:
        report = s.get(ProgressReport, int(confirm["r"]))
        assert report is not None and report.status == ReportStatus.confirmed and report.confirmed_value == 92.5
        told = s.exec(select(OutboxMessage).where(OutboxMessage.recipient == demo_line_id("somsri"))).all()
        assert "คณะกรรมการยืนยันผล" in told[0].payload["messages"][0]["text"]
        assert s.exec(select(ReportChange).where(ReportChange.field == "confirmed_value")).one().new == 92.5
    assert "ตามผลที่ยืนยันแล้ว: ระดับ 4" in flex_text(ask(engine, "manager", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว"))
    confirmed = flex_text(ask(engine, "somsri", "คะแนนตอนนี้เท่าไร เฉพาะที่ยืนยันแล้ว"))
    assert "เฉพาะผลที่ยืนยันแล้ว" in confirmed and "คะแนนถึงตอนนี้ 8 จาก 70" in confirmed
    assert tap(engine, "committee", f"v=return&r={give_back['r']}").texts[0].startswith("ขอเหตุผลที่ส่งกลับ")
    assert ask(engine, "committee", "ขอหลักฐานหนังสือรายงานผลด้วยค่ะ").texts[0].startswith("ส่งกลับรายงาน")
    with Session(engine) as s:
        report = s.get(ProgressReport, int(give_back["r"]))
        assert report is not None and report.status == ReportStatus.returned
        assert report.status_reason == "ขอหลักฐานหนังสือรายงานผลด้วยค่ะ"
