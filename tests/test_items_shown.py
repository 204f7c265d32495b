"""Items done by chat (ladder milestones, conditions, checklist items, project steps) show wherever
progress is shown: the indicator card (done with the day and the evidence attached, or that evidence
is still missing; open ones; at most ten, then "และอีก N ข้อ"), the unit summary in chat and on the
terminal (how many are done), the dashboard's indicator page (a table of the items, and the marks in
its audit trail), the quarterly form สยป.3 (under the quarter each was done in) and the committee's
summary after a deadline (those finished in the round).

The marks are written the way chat writes them (``store.item_marks.mark``), on the demo's plans:
FY2565 council K1 (a ladder: milestones "1" … "5" and nine steps) and 5.2 (a checklist whose items
expect no evidence), and FY2567's 4 (conditions central-report and district-report).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlmodel import Session, select

from bot.dashboard import dashboard_router
from bot.export_xlsx import HEADER_ROW, quarter_texts, quarterly_workbook
from bot.summary import summary_text
from handlers.accounts.links import LinkSigner
from handlers.nudges.reminders import plan_tick
from handlers.queries.cards import MAX_ITEMS, ItemView, items_section, shown_items
from handlers.replies import Reply
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.items import items_of
from store import item_marks
from store.db import session_scope
from store.demo import COMMITTEE_GROUP, load_demo
from store.export_quarterly import quarterly_report
from store.models import Evidence, IndicatorRecord, PlanRecord, utcnow
from store.plan_files import load_plan
from store.plans import plan_from_record
from tests.conftest import PLANS
from tests.live import free_port, serve_app
from tests.test_queries import ask, flex_text

COUNCIL = "fy2565-council-secretariat"
GOV = "fy2567-governor-secretary"
LINKS = "items-link-secret"


@dataclass(frozen=True)
class Seeded:
    people: dict[str, int]
    council_plan: int


def _row(session: Session, plan_key: str, code: str) -> IndicatorRecord:
    plan = session.exec(select(PlanRecord).where(PlanRecord.key == plan_key)).one()
    return session.exec(
        select(IndicatorRecord).where(IndicatorRecord.plan_id == plan.id, IndicatorRecord.code == code)
    ).one()


def _mark(
    session: Session,
    plan_key: str,
    code: str,
    items: tuple[str, ...],
    at: datetime,
    by: int,
    files: int = 0,
    *,
    done: bool = True,
    message: str | None = None,
) -> None:
    marked = item_marks.mark(
        session,
        indicator=_row(session, plan_key, code),
        items=items,
        done=done,
        period=FiscalPeriod.of_moment(at),
        by=by,
        now=at,
        source="line:test",
        source_message_id=message,
    )
    for m in marked:
        for n in range(files):
            session.add(
                Evidence(
                    item_mark_id=m.mark_id,
                    person_id=by,
                    kind="file",
                    filename=f"{code}-{m.item}-{n + 1}.pdf",
                    created_at=at,
                )
            )
    session.flush()


def seed(engine: sa.Engine) -> Seeded:
    """K1: milestone 1 on 15 Nov 2021 (Q1, two files), 2 on 10 Jan 2022 (no file: missing), 3 on
    14 Feb 2022 (one file); 4 marked and then unsent. 5.2: items 1 and 2 (no evidence expected).
    FY2567 4: district-report on 10 Jan 2024 (no file), central-report on 5 Feb 2024 (one file)."""
    with session_scope(engine) as s:
        people = {k: p.id or 0 for k, p in load_demo(s, PLANS, datetime(2021, 9, 1, tzinfo=UTC)).items()}
        anan, wichai = people["anan"], people["wichai"]
        _mark(s, COUNCIL, "K1", ("1",), datetime(2021, 11, 15, 3, tzinfo=UTC), anan, files=2)
        _mark(s, COUNCIL, "K1", ("2",), datetime(2022, 1, 10, 3, tzinfo=UTC), anan)
        _mark(s, COUNCIL, "K1", ("3",), datetime(2022, 2, 14, 3, tzinfo=UTC), anan, files=1)
        _mark(s, COUNCIL, "K1", ("4",), datetime(2022, 2, 15, 3, tzinfo=UTC), anan, message="m-unsent")
        item_marks.withdraw_message(s, by=anan, source_message_id="m-unsent", now=datetime(2022, 2, 15, 4, tzinfo=UTC))
        _mark(s, COUNCIL, "5.2", ("1", "2"), datetime(2022, 1, 20, 3, tzinfo=UTC), anan)
        _mark(s, GOV, "4", ("district-report",), datetime(2024, 1, 10, 3, tzinfo=UTC), wichai)
        _mark(s, GOV, "4", ("central-report",), datetime(2024, 2, 5, 3, tzinfo=UTC), wichai, files=1)
        council = s.exec(select(PlanRecord).where(PlanRecord.key == COUNCIL)).one()
        return Seeded(people, council.id or 0)


def _card(reply: Reply) -> dict[str, Any]:
    (message,) = reply.messages
    assert message.flex is not None
    return message.flex


def _lines(card: dict[str, Any]) -> list[str]:
    """The texts of the card's body, in order."""
    body = card["body"]
    assert isinstance(body, dict)
    return [c["text"] for c in body["contents"] if c.get("type") == "text"]


# --- the indicator card ----------------------------------------------------------------------------


def test_the_card_lists_the_ladder_milestones_with_dates_and_evidence(engine: sa.Engine) -> None:
    seed(engine)
    reply = ask(engine, "manager", "ตัวชี้วัด K1 ถึงไหนแล้ว")
    card = _card(reply)
    lines = _lines(card)
    assert "ระดับ 3" in "\n".join(lines)  # three milestones marked: level 3 without a report
    assert "งานตามขั้นตอน/เงื่อนไข: เสร็จ 3 จาก 14" in lines
    items = [line for line in lines if line.startswith(("✓", "○"))]
    assert items[0].startswith("✓ ขั้นที่ 1 เสนอแนวทาง") and items[0].endswith("· 15 พ.ย. 2564 · 📎 2")
    assert items[1].startswith("✓ ขั้นที่ 2 ") and items[1].endswith("· 10 ม.ค. 2565 · ยังขาดหลักฐาน")
    assert items[2].startswith("✓ ขั้นที่ 3 ") and items[2].endswith("· 14 ก.พ. 2565 · 📎 1")
    assert items[3].startswith("○ ขั้นที่ 4 ")  # its mark was unsent
    assert items[5].startswith("○ ขั้นตอนที่ 1 ")
    assert len(items) == MAX_ITEMS and "และอีก 4 ข้อ" in lines
    assert reply.messages[0].text.endswith(" · งานเสร็จ 3/14 ข้อ")
    assert "ยังไม่มีผลรายงาน" not in lines  # items say how far it got
    # LINE refuses a bubble over 30 KB; the list keeps the card far from it.
    assert len(json.dumps(card, ensure_ascii=False).encode()) < 10_000


def test_the_card_shows_conditions_and_the_evidence_still_missing(engine: sa.Engine) -> None:
    seed(engine)
    lines = _lines(_card(ask(engine, "wichai", "ตัวชี้วัดที่ 4 ถึงไหนแล้ว")))
    assert "งานตามขั้นตอน/เงื่อนไข: เสร็จ 2 จาก 2" in lines
    central = next(line for line in lines if line.startswith("✓ สำนักงานเลขานุการผู้ว่า"))
    district = next(line for line in lines if line.startswith("✓ สำนักงานเขต"))
    assert central.endswith("· 5 ก.พ. 2567 · 📎 1")
    assert district.endswith("· 10 ม.ค. 2567 · ยังขาดหลักฐาน")
    assert not any(line.startswith("และอีก") for line in lines)


def test_a_checklist_without_evidence_expected_misses_nothing(engine: sa.Engine) -> None:
    seed(engine)
    lines = _lines(_card(ask(engine, "manager", "ตัวชี้วัด 5.2 ถึงไหนแล้ว")))
    done = [line for line in lines if line.startswith("✓")]
    assert [line.split(" ")[1:3] for line in done] == [["ข้อ", "1"], ["ข้อ", "2"]]
    assert done[0].startswith("✓ ข้อ 1 แต่งตั้งคณะทำงาน")  # the plan's "1." is not repeated
    assert not any("ยังขาดหลักฐาน" in line or "📎" in line for line in done)
    assert "งานตามขั้นตอน/เงื่อนไข: เสร็จ 2 จาก 5" in lines


def test_a_long_list_keeps_what_the_score_depends_on() -> None:
    """Over the limit: the scored items, then steps done, then open steps, shown in plan order."""
    indicator = load_plan(PLANS / f"{COUNCIL}.yaml").indicator("K1")
    items = items_of(indicator)
    views = [ItemView(i, i.id in {"1", "step-9"}, date(2022, 1, 1) if i.id in {"1", "step-9"} else None) for i in items]
    shown = [v.item.id for v in shown_items(views, 7)]
    assert shown == ["1", "2", "3", "4", "5", "step-1", "step-9"]
    section = items_section(views, 7)
    assert section[-1]["text"] == "และอีก 7 ข้อ"


# --- the unit summary ------------------------------------------------------------------------------


def _council_items_total() -> int:
    return sum(len(items_of(i)) for i in load_plan(PLANS / f"{COUNCIL}.yaml").indicators())


def test_the_unit_summary_counts_the_items(engine: sa.Engine) -> None:
    seed(engine)
    total = _council_items_total()
    assert total == 51  # K1 14, K2 12, K3 13, 4: 7, 5.2: 5
    answer = flex_text(ask(engine, "manager", "สรุปผลสำนักงานเลขานุการสภากรุงเทพมหานคร"))
    assert "งานตามขั้นตอน/เงื่อนไข เสร็จ 5 จาก 51" in answer
    with Session(engine) as s:
        printed = summary_text(s, datetime(2022, 3, 1, 3, tzinfo=UTC))  # FY2565: the council's plan
    assert "งานตามขั้นตอน/เงื่อนไข เสร็จ 5 จาก 51" in printed


# --- the dashboard ---------------------------------------------------------------------------------


def test_the_dashboard_indicator_page_shows_items_and_their_marks(engine: sa.Engine) -> None:
    seeded = seed(engine)
    app = FastAPI()
    app.include_router(dashboard_router(engine, lambda: LINKS))
    token = LinkSigner.from_secret(LINKS).sign(seeded.people["manager"], "dashboard", utcnow(), purpose="dashboard")
    with serve_app(app, free_port()) as base:
        page = httpx.get(f"{base}/dashboard/indicator", params={"t": token, "plan": seeded.council_plan, "code": "K1"})
    assert page.status_code == 200, page.text
    html = page.text
    assert "งานตามขั้นตอน/เงื่อนไข (เสร็จ 3 จาก 14)" in html
    row = _table_row(html, "data-item='1'")
    assert "class='done'" in row and "✓ เสร็จแล้ว" in row and "15 พ.ย. 2564" in row and "📎 2 ไฟล์" in row
    row = _table_row(html, "data-item='2'")
    assert "10 ม.ค. 2565" in row and "<td class='missing'>ยังขาดหลักฐาน</td>" in row
    row = _table_row(html, "data-item='4'")
    assert "class='open'" in row and "○ ยังไม่เสร็จ" in row
    marks = [r for r in html.split("<tr") if r.startswith(" class='mark'")]
    assert len(marks) == 4  # 1, 2, 3 and the unsent 4, oldest first
    assert "15/11/2021 10:00" in marks[0] and "อนันต์ มั่นคง" in marks[0] and "ขั้นที่ 1 เสนอแนวทาง" in marks[0]
    assert "<td>ยังไม่เสร็จ</td><td>เสร็จแล้ว</td>" in marks[0]
    assert "ขั้นที่ 4" in marks[3] and "<td>ยังไม่เสร็จ</td><td>เสร็จแล้ว (ถอนแล้ว)</td>" in marks[3]


def _table_row(html: str, marker: str) -> str:
    start = html.rindex("<tr", 0, html.index(marker))
    return html[start : html.index("</tr>", start)]


# --- the quarterly export --------------------------------------------------------------------------


def test_the_quarterly_form_lists_items_under_their_quarter(engine: sa.Engine) -> None:
    seed(engine)
    with Session(engine) as s:
        q1 = {r.code: r for r in quarterly_report(s, COUNCIL, 2565, 1).rows}
        q2 = {r.code: r for r in quarterly_report(s, COUNCIL, 2565, 2).rows}
    assert [i.item for i in q1["K1"].items] == ["1"] and q1["K1"].level == 1
    q1_k1 = quarter_texts(q1["K1"])[0]
    assert q1_k1.startswith("✓ ขั้นที่ 1 เสนอแนวทาง") and q1_k1.endswith("(15 พ.ย. 2564)")
    k1 = q2["K1"]
    assert [i.item for i in k1.items] == ["1", "2", "3"] and k1.level == 3
    q1_text, q2_text = quarter_texts(k1)
    assert "ขั้นที่ 1" in q1_text and "ขั้นที่ 2" not in q1_text
    lines = q2_text.split("\n")
    assert lines[0].startswith("✓ ขั้นที่ 2 ") and lines[0].endswith("(10 ม.ค. 2565)")
    assert lines[1].startswith("✓ ขั้นที่ 3 ") and lines[1].endswith("(14 ก.พ. 2565)")
    assert "ขั้นที่ 4" not in q2_text  # unsent
    assert set(k1.attachments) == {"K1-1-1.pdf", "K1-1-2.pdf", "K1-3-1.pdf"}
    assert quarter_texts(q2["5.2"])[1].startswith("✓ ข้อ 1 แต่งตั้งคณะทำงาน")
    # … and the workbook's narrative column prints them.
    sheet = load_workbook(io.BytesIO(_xlsx(engine))).active
    assert sheet is not None
    cells = [str(sheet.cell(row=r, column=10).value) for r in range(HEADER_ROW + 1, sheet.max_row + 1)]
    k1_cell = next(c for c in cells if "ขั้นที่ 1" in c)
    assert k1_cell.startswith("(ไตรมาส 1) ✓ ขั้นที่ 1 ") and "(ไตรมาส 2) ✓ ขั้นที่ 2 " in k1_cell


def _xlsx(engine: sa.Engine) -> bytes:
    with Session(engine) as s:
        report = quarterly_report(s, COUNCIL, 2565, 2)
    out = io.BytesIO()
    quarterly_workbook(report, date(2022, 4, 5)).save(out)
    return out.getvalue()


# --- the committee's summary -----------------------------------------------------------------------


def test_the_committee_summary_lists_the_items_done_in_the_round(engine: sa.Engine) -> None:
    """The day after February's deadline (20 Feb 2024): central-report (5 Feb) is in the round,
    district-report (10 Jan, before January's deadline) was in January's."""
    seed(engine)
    with Session(engine) as s:
        planned = plan_tick(s, datetime(2024, 2, 21, 10, 0, tzinfo=BANGKOK))
        gov = s.exec(select(PlanRecord).where(PlanRecord.key == GOV)).one()
        unit = plan_from_record(gov).unit
    (summary,) = [p for p in planned if p.kind.startswith("summary") and p.to == COMMITTEE_GROUP and GOV in p.key]
    message = summary.messages[0]
    texts = flex_text_of(message.flex)
    heading = next(t for t in texts if t.startswith("งานที่เสร็จในรอบนี้"))
    assert heading.endswith("– 20 ก.พ. 2567)")
    done = [t for t in texts if t.startswith("• ตช.4 ")]
    assert len(done) == 1 and done[0].startswith("• ตช.4 สำนักงานเลขานุการผู้ว่า") and done[0].endswith("(5 ก.พ. 2567)")
    assert "งานที่เสร็จในรอบนี้: 1 ข้อ" in message.text
    assert unit in texts


def test_the_previous_round_had_the_earlier_item(engine: sa.Engine) -> None:
    seed(engine)
    with Session(engine) as s:
        planned = plan_tick(s, datetime(2024, 1, 22, 10, 0, tzinfo=BANGKOK))
    summaries = [p for p in planned if p.kind.startswith("summary") and GOV in p.key]
    assert summaries, [p.key for p in planned]
    texts = flex_text_of(summaries[0].messages[0].flex)
    assert any(t.startswith("• ตช.4 สำนักงานเขต") and t.endswith("(10 ม.ค. 2567)") for t in texts)


def flex_text_of(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["text"]] if node.get("type") == "text" else []
        return own + [t for v in node.values() for t in flex_text_of(v)]
    if isinstance(node, list):
        return [t for v in node for t in flex_text_of(v)]
    return []
