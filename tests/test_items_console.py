"""The items acceptance script, played through the local console as a newcomer would: each message goes
to ``/console/api/send`` (a signed webhook into the inbox, the worker, the handlers, the SDK client,
the fake LINE platform), each tap to ``/console/api/tap`` with the data of a quick reply the bot sent.

The council reporter (FY2565) reports K1's milestones 1–3 in words and K2's system in use at 27
minutes, tapping only confirmations → the unit's score is 34/70 and the manager's "คะแนนตอนนี้" shows
it; the FY2567 ตช.4 reporter reports 82 % and both level-5 conditions in words → 20/20; "One Platform
ข้อ 1 และ 2 เสร็จแล้ว" → 35 points for 5.2.
"""

from __future__ import annotations

from typing import Any

import httpx
from sqlmodel import Session, select

from scoring.rubric import evaluate
from scoring.totals import score_plan
from store import progress
from store.models import PlanRecord
from store.plans import plan_from_record
from tests.webhook_service import Service


class Console:
    """One persona at the console page: what it sends, what it taps, what the bot said."""

    def __init__(self, service: Service, persona: str) -> None:
        self.service, self.persona, self.seen = service, persona, 0

    def _bot(self) -> list[dict[str, Any]]:
        lines = httpx.get(f"{self.service.base}/console/api/messages", params={"persona": self.persona}).json()
        return [line["message"] for line in lines if line["from"] == "bot"]

    def _after(self, path: str, body: dict[str, str]) -> list[dict[str, Any]]:
        before = len(self._bot())
        assert httpx.post(f"{self.service.base}/console/api/{path}", json=body, timeout=10).status_code == 200
        self.service.wait(lambda: self.service.idle() and len(self._bot()) > before)
        return self._bot()[before:]

    def say(self, text: str) -> str:
        self.last = self._after("send", {"persona": self.persona, "text": text})
        return self.text

    def tap(self, label_start: str) -> str:
        items = (self.last[-1].get("quickReply") or {}).get("items", [])
        actions = [i["action"] for i in items]
        action = next((a for a in actions if a["label"].startswith(label_start)), None)
        assert action is not None, f"no button {label_start!r} in {[a['label'] for a in actions]}"
        body = {"persona": self.persona, "data": action["data"], "display_text": action.get("displayText", "")}
        self.last = self._after("tap", body)
        return self.text

    @property
    def text(self) -> str:
        return "\n".join(str(m.get("text") or m.get("altText") or "") for m in self.last)


def _scores(service: Service, fiscal_year: int) -> tuple[dict[str, tuple[int, float]], float, float]:
    with Session(service.engine) as s:
        record = s.exec(select(PlanRecord).where(PlanRecord.fiscal_year == fiscal_year)).one()
        results = progress.latest_results(session=s, plans=[record])[record.id or 0]
    plan = plan_from_record(record)
    per = {
        i.code: (evaluate(i, results.get(i.code)).level, evaluate(i, results.get(i.code)).points)
        for i in plan.indicators()
    }
    total = score_plan(plan, results)
    return per, total.total, total.max


def test_the_items_acceptance_script_through_the_console(service: Service) -> None:
    anan = Console(service, "anan")
    said = anan.say("ตัวชี้วัดที่ 1 ไตรมาส 2/2565 อยู่ระดับ 3 แล้ว วิเคราะห์ข้อมูลความคิดเห็นและจัดทำเอกสารเสร็จ")
    assert "ระดับ 3" in said and "ขั้นที่ 1" in said, said
    assert _scores(service, 2565)[0]["K1"] == (0, 0.0), "nothing is marked before the reporter confirms"
    said = anan.tap("ยืนยันทั้งหมด")
    assert "บันทึกแล้ว" in said and "ถึงระดับ 4" in said, said

    said = anan.say("ระบบติดตามญัตติ ใช้งานระบบแล้ว ส่งข้อมูลเฉลี่ย 27 นาที ไตรมาส 2/2565")
    assert "ใช้งานระบบ" in said, said
    said = anan.tap("ยืนยันทั้งหมด")
    assert "บันทึกแล้ว" in said, said

    per, points, max_points = _scores(service, 2565)
    assert per["K1"] == (3, 18.0) and per["K2"] == (4, 16.0)
    assert (points, max_points) == (34.0, 70.0)

    manager = Console(service, "manager")
    shown = manager.say("คะแนนตอนนี้ ปีงบ 2565")
    assert "ปีงบประมาณ 2565: 34/70" in shown, shown

    anan.say("One Platform ข้อ 1 และ 2 เสร็จแล้ว ไตรมาส 2/2565")
    assert _scores(service, 2565)[0]["5.2"][1] == 35.0

    wichai = Console(service, "wichai")
    wichai.say("ตช.4 ไตรมาส 2/2567 ได้ร้อยละ 82 ค่ะ")
    assert _scores(service, 2567)[0]["4"][0] == 4
    said = wichai.say("ตช.4 ส่งรายงานภาพรวมเสนอผู้บริหารแล้ว และเขตรายงานรายเขตเสนอผู้บริหารแล้ว ไตรมาส 2/2567")
    assert "สำนักงานเขต" in said, said
    wichai.tap("ยืนยันทั้งหมด")
    assert _scores(service, 2567)[0]["4"] == (5, 20.0)
