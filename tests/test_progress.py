"""One model of progress: the committee's confirmation holds only for the numbers it confirmed.

A reporter who corrects a confirmed result (or reports the period again, or unsends it) puts the
report back to "reported": the indicator card, the confirmed-only score and every other reader
agree, the old confirmed number stays in the audit trail, and the committee group is told.
Through the real dispatcher and store, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
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
from store.models import IndicatorRecord, OutboxMessage, PlanRecord, ProgressReport, ReportChange, ReportStatus
from store.progress import ReportInput
from tests.conftest import PLANS
from tests.live import text_event

NOW = datetime(2024, 3, 25, 3, 0, tzinfo=UTC)  # 10:00 Bangkok, FY2567 Q2
GOV_PLAN = "fy2567-governor-secretary"


class Chat:
    """Events through ``dispatch`` as the worker runs them: one transaction per event, time moving on."""

    def __init__(self, engine: sa.Engine, tmp: Path) -> None:
        self.engine, self.tmp, self.now = engine, tmp, NOW

    def _run(self, event: dict[str, Any]) -> Reply:
        self.now += timedelta(seconds=30)
        with session_scope(self.engine) as s:
            return dispatch(EventContext(s, self.now, self.tmp), Event.from_dict(event))  # type: ignore[arg-type]

    def say(self, who: str, text: str, *, message_id: str | None = None) -> Reply:
        return self._run(text_event(demo_line_id(who), text, message_id=message_id))

    def tap(self, who: str, data: str) -> Reply:
        return self._run(
            {
                "type": "postback",
                "mode": "active",
                "timestamp": 0,
                "source": {"type": "user", "userId": demo_line_id(who)},
                "webhookEventId": new_ulid(),
                "deliveryContext": {"isRedelivery": False},
                "replyToken": "r",
                "postback": {"data": data},
            }
        )

    def unsend(self, who: str, message_id: str) -> Reply:
        return self._run(
            {
                "type": "unsend",
                "mode": "active",
                "timestamp": 0,
                "source": {"type": "user", "userId": demo_line_id(who)},
                "webhookEventId": new_ulid(),
                "deliveryContext": {"isRedelivery": False},
                "unsend": {"messageId": message_id},
            }
        )


def flex_text(reply: Reply) -> str:
    def walk(node: object) -> list[str]:
        if isinstance(node, dict):
            return ([node["text"]] if node.get("type") == "text" else []) + [t for v in node.values() for t in walk(v)]
        if isinstance(node, list):
            return [t for v in node for t in walk(v)]
        return []

    return "\n".join(t for msg in reply.messages for t in [msg.text, *walk(msg.flex)])


def _indicator_id(session: Session, code: str) -> int:
    plan = session.exec(select(PlanRecord).where(PlanRecord.key == GOV_PLAN)).one()
    row = session.exec(
        select(IndicatorRecord).where(IndicatorRecord.plan_id == plan.id, IndicatorRecord.code == code)
    ).one()
    assert row.id is not None
    return row.id


def _seed(engine: sa.Engine) -> dict[str, int]:
    """Somsri reported KPI 1: 88 in January, 92.5 for March an hour ago (so she may still correct it);
    message "m3" carried the March report."""
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        kpi1 = _indicator_id(s, "1")
        for month, value, at in ((1, 88.0, datetime(2024, 1, 15, 3, tzinfo=UTC)), (3, 92.5, NOW - timedelta(hours=1))):
            progress.record(
                s,
                data=ReportInput(
                    kpi1, FiscalPeriod(2567, 2, month), value=value, narrative="ติดตามมติ", source_message_id=f"m{month}"
                ),
                by=people["somsri"].id or 0,
                now=at,
                source="test",
            )
        return {k: p.id or 0 for k, p in people.items()}


def _confirm_latest(chat: Chat) -> int:
    """The committee opens KPI 1's card and taps "ยืนยันผล"; returns the confirmed report's id."""
    card = chat.say("committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว")
    footer = card.messages[0].flex["footer"]["contents"]  # type: ignore[index]
    confirm = parse_postback(footer[0]["action"]["data"])
    assert chat.tap("committee", f"v=confirm&r={confirm['r']}").texts[0].startswith("ยืนยันผลตัวชี้วัดที่ 1")
    return int(confirm["r"])


def _committee_group_texts(engine: sa.Engine) -> list[str]:
    with Session(engine) as s:
        rows = s.exec(select(OutboxMessage).where(OutboxMessage.recipient == COMMITTEE_GROUP)).all()
    return [msg["text"] for row in rows for msg in row.payload["messages"]]


def test_a_correction_after_confirmation_is_no_longer_confirmed(engine: sa.Engine, tmp_path: Path) -> None:
    _seed(engine)
    chat = Chat(engine, tmp_path)
    report_id = _confirm_latest(chat)
    corrected = chat.say("somsri", "ตัวชี้วัดที่ 1 แก้เป็น 40").texts
    assert corrected[0].startswith("แก้ไขแล้วค่ะ") and "92.5 เป็น 40" in corrected[0]

    card = flex_text(chat.say("manager", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว"))
    assert "ล่าสุด ร้อยละ 40" in card and "(รายงานเอง)" in card
    assert "คณะกรรมการยืนยันแล้ว" not in card and "ตามผลที่ยืนยันแล้ว" not in card
    confirmed_only = flex_text(chat.say("somsri", "คะแนนตอนนี้เท่าไร เฉพาะที่ยืนยันแล้ว"))
    assert "เฉพาะผลที่ยืนยันแล้ว" in confirmed_only and "คะแนนถึงตอนนี้ 0 จาก 70" in confirmed_only
    committee_card = chat.say("committee", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว").messages[0].flex
    assert committee_card is not None and "footer" in committee_card, "the committee can confirm the new value"

    with Session(engine) as s:
        report = s.get(ProgressReport, report_id)
        assert report is not None and report.value == 40
        assert report.status == ReportStatus.reported and report.confirmed_value is None
        cleared = s.exec(
            select(ReportChange).where(ReportChange.report_id == report_id, ReportChange.field == "confirmed_value")
        ).all()
        assert [(c.old, c.new, c.source) for c in cleared] == [
            (None, 92.5, "line:verify"),
            (92.5, None, "line:correction"),
        ]
    assert any("แจ้งคณะกรรมการ" in t for t in corrected), "the reporter learns the committee will look again"
    told = _committee_group_texts(engine)
    assert len(told) == 1 and "ตัวชี้วัดที่ 1" in told[0] and "92.5" in told[0] and "40" in told[0]


def test_unsending_a_confirmed_report_tells_the_committee(engine: sa.Engine, tmp_path: Path) -> None:
    _seed(engine)
    chat = Chat(engine, tmp_path)
    report_id = _confirm_latest(chat)
    chat.unsend("somsri", "m3")
    with Session(engine) as s:
        report = s.get(ProgressReport, report_id)
        assert report is not None and report.status == ReportStatus.withdrawn and report.confirmed_value is None
    told = _committee_group_texts(engine)
    assert len(told) == 1 and "ยกเลิกรายงานตัวชี้วัดที่ 1" in told[0] and "92.5" in told[0]
    confirmed_only = flex_text(chat.say("somsri", "คะแนนตอนนี้เท่าไร เฉพาะที่ยืนยันแล้ว"))
    assert "คะแนนถึงตอนนี้ 0 จาก 70" in confirmed_only  # a withdrawn report counts for nothing


def test_what_each_write_does_to_the_confirmation(engine: sa.Engine) -> None:
    """Words keep it, a new number or a new record of the period clears it, a fix of a returned report
    is pending again; every step is in the audit trail."""
    ids = _seed(engine)
    somsri, committee, when = ids["somsri"], ids["committee"], NOW
    with session_scope(engine) as s:
        march = progress.latest_report(session=s, indicator_id=_indicator_id(s, "1"), fiscal_year=2567)
        assert march is not None and march.value == 92.5
        progress.confirm(s, report_id=march.id, by=committee, now=when)
        words = progress.correct(s, report_id=march.id, by=somsri, now=when, source="t", narrative="ติดตามครบ")
        assert not words.unconfirmed and words.report.confirmed_value == 92.5
        again = progress.record(
            s, data=ReportInput(march.indicator_id, march.fiscal_period, value=93.0), by=somsri, now=when, source="t"
        )
        assert again.unconfirmed and again.report.status == ReportStatus.reported
        assert again.report.confirmed_value is None and again.report.narrative == "ติดตามครบ"
        progress.return_(s, report_id=march.id, by=committee, now=when, reason="ขอหลักฐาน")
        fixed = progress.correct(s, report_id=march.id, by=somsri, now=when, source="t", value=94.0)
        assert fixed.report.status == ReportStatus.reported and not fixed.unconfirmed
        with pytest.raises(progress.PeriodTaken):  # January has its own report
            progress.correct(s, report_id=march.id, by=somsri, now=when, source="t", period=FiscalPeriod(2567, 2, 1))
        statuses = s.exec(
            select(ReportChange.new).where(ReportChange.report_id == march.id, ReportChange.field == "status")
        ).all()
    assert statuses == ["reported", "confirmed", "reported", "returned", "reported"]
    assert _committee_group_texts(engine) == []  # the chat tells the committee; these calls alone do not
