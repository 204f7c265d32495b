"""Milestones, conditions, checklist items and steps reported in words, confirmed by taps, scored.

The acceptance script of the issue: the FY2565 council reporter reports K1's milestones 1–3 and
K2's system in use at 27 minutes → 34/70 (K1 level 3 = 18, K2 level 4 = 16), and a manager's
"คะแนนตอนนี้" shows it; the FY2567 ตช.4 reporter reports 82 % and both level-5 conditions → 20/20;
"One Platform ข้อ 1 และ 2 เสร็จแล้ว" → 35 points for 5.2.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from scoring.rubric import evaluate
from scoring.totals import score_plan
from store import progress
from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.item_marks import log
from store.models import PlanRecord
from store.plans import plan_from_record
from tests.chat_driver import T0, ChatDriver
from tests.conftest import PLANS


@pytest.fixture
def demo(engine: sa.Engine) -> Iterator[sa.Engine]:
    with session_scope(engine) as s:
        load_demo(s, PLANS, T0)
    yield engine


def _plan(engine: sa.Engine, fiscal_year: int) -> PlanRecord:
    with Session(engine) as s:
        record = s.exec(select(PlanRecord).where(PlanRecord.fiscal_year == fiscal_year)).one()
        s.expunge(record)
        return record


def _scores(engine: sa.Engine, fiscal_year: int) -> tuple[dict[str, tuple[int, float]], float, float]:
    record = _plan(engine, fiscal_year)
    plan = plan_from_record(record)
    with Session(engine) as s:
        results = progress.latest_results(session=s, plans=[record])[record.id or 0]
    per = {}
    for ind in plan.indicators():
        e = evaluate(ind, results.get(ind.code))
        per[ind.code] = (e.level, e.points)
    total = score_plan(plan, results)
    return per, total.total, total.max


def test_council_reporter_reports_milestones_and_the_system_in_words(demo: sa.Engine, tmp_path: Path) -> None:
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("ตัวชี้วัดที่ 1 ไตรมาส 2 อยู่ระดับ 3 แล้ว วิเคราะห์ข้อมูลความคิดเห็นและจัดทำเอกสารเสร็จ")
    assert "ระดับ 3" in anan.text and "ขั้นที่ 1" in anan.text and "ขั้นที่ 3" in anan.text
    before = _scores(demo, 2565)[0]["K1"]
    assert before == (0, 0.0), "nothing is marked before the reporter confirms the items"
    anan.tap("ยืนยันทั้งหมด")
    assert "บันทึกแล้ว" in anan.text, anan.text
    assert "ถึงระดับ 4" in anan.text and "ขั้นที่ 4" in anan.text, anan.text

    anan.say("ระบบติดตามญัตติ ใช้งานระบบแล้ว ส่งข้อมูลเฉลี่ย 27 นาที ไตรมาส 2")
    assert "ใช้งานระบบ" in anan.text
    anan.tap("ยืนยันทั้งหมด")
    assert "หลักฐาน" in anan.text, "the evidence the plan lists for the condition is asked for once"
    assert "บันทึกแล้ว" in anan.text, anan.text

    per, points, max_points = _scores(demo, 2565)
    assert per["K1"] == (3, 18.0)
    assert per["K2"] == (4, 16.0)
    assert (points, max_points) == (34.0, 70.0)

    manager = ChatDriver(demo, demo_line_id("manager"), tmp_path, anan.now)
    manager.say("คะแนนตอนนี้")
    shown = " ".join(manager.last.texts) + " ".join(str(m) for m in manager.last.messages)
    assert "34" in shown, shown

    with Session(demo) as s:
        lines = log(s, plan=_plan(demo, 2565))
    assert {(line.code, line.item, line.done) for line in lines} >= {
        ("K1", "1", True),
        ("K1", "2", True),
        ("K1", "3", True),
        ("K2", "use-system", True),
    }
    assert all(line.by and line.at for line in lines)


def test_one_platform_items_by_number_score_35(demo: sa.Engine, tmp_path: Path) -> None:
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("One Platform ข้อ 1 และ 2 เสร็จแล้ว")
    assert "บันทึกแล้ว" in anan.text, anan.text
    per, _, _ = _scores(demo, 2565)
    assert per["5.2"][1] == 35.0


def test_an_item_undone_by_chat_lowers_the_level_and_is_audited(demo: sa.Engine, tmp_path: Path) -> None:
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("K1 ทำถึงขั้น 3 แล้วค่ะ")
    assert _scores(demo, 2565)[0]["K1"][0] == 3
    anan.say("K1 ขั้นที่ 3 ยังไม่เสร็จ ขอแก้ค่ะ")
    assert _scores(demo, 2565)[0]["K1"][0] == 2
    with Session(demo) as s:
        lines = [(line.item, line.done) for line in log(s, plan=_plan(demo, 2565), code="K1")]
    assert lines == [("1", True), ("2", True), ("3", True), ("3", False)]


def test_governor_office_reporter_reaches_level_5_with_both_conditions(demo: sa.Engine, tmp_path: Path) -> None:
    wichai = ChatDriver(demo, demo_line_id("wichai"), tmp_path)
    wichai.say("ตช.4 ไตรมาส 2 ได้ร้อยละ 82 ค่ะ")
    per, _, _ = _scores(demo, 2567)
    assert per["4"][0] == 4
    wichai.say("ตช.4 ส่งรายงานภาพรวมเสนอผู้บริหารแล้ว และเขตรายงานรายเขตเสนอผู้บริหารแล้ว")
    assert "สำนักงานเขต" in wichai.text
    wichai.tap("ยืนยันทั้งหมด")
    per, _, _ = _scores(demo, 2567)
    assert per["4"] == (5, 20.0)


def test_a_points_claim_lists_the_items_and_nothing_is_marked_on_a_no(demo: sa.Engine, tmp_path: Path) -> None:
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("One Platform ได้ 35 คะแนนแล้วค่ะ")
    assert "35 คะแนน" in anan.text and "ข้อ 1" in anan.text and "ข้อ 2" in anan.text
    assert "• ข้อ 1 แต่งตั้งคณะทำงาน" in anan.text  # the plan's "1." is not said twice
    anan.tap("ไม่ใช่")
    assert _scores(demo, 2565)[0]["5.2"] == (0, 0.0)
    with Session(demo) as s:
        assert log(s, plan=_plan(demo, 2565), code="5.2") == []


def test_a_letter_number_in_the_message_is_the_marked_items_evidence(demo: sa.Engine, tmp_path: Path) -> None:
    from store.item_marks import evidence_counts, plan_states

    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("One Platform ข้อ 1 เสร็จแล้ว คำสั่งแต่งตั้งที่ กท 0100/2796 ลว. 12 ธ.ค. 64")
    assert "บันทึกแล้ว" in anan.text, anan.text
    record = _plan(demo, 2565)
    with Session(demo) as s:
        state = plan_states(s, plans=[record])[record.id or 0]["5.2"]["1"]
        assert evidence_counts(s, [state.mark_id]) == {state.mark_id: 1}


def test_did_it_under_the_next_level_marks_that_item_in_one_tap(demo: sa.Engine, tmp_path: Path) -> None:
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("K1 ทำถึงขั้น 2 แล้วค่ะ ไตรมาส 2")
    assert "ถึงระดับ 3" in anan.text, anan.text
    assert _scores(demo, 2565)[0]["K1"][0] == 2
    anan.tap("ทำแล้ว")
    assert "บันทึกแล้ว" in anan.text and "ถึงระดับ 4" in anan.text, anan.text
    assert _scores(demo, 2565)[0]["K1"][0] == 3
    anan.tap("ทำแล้ว")  # the next one's button came with the answer
    assert _scores(demo, 2565)[0]["K1"][0] == 4
    with Session(demo) as s:
        lines = [(line.item, line.done, line.period) for line in log(s, plan=_plan(demo, 2565), code="K1")]
    assert lines == [("1", True, "2565-Q2"), ("2", True, "2565-Q2"), ("3", True, "2565-Q2"), ("4", True, "2565-Q2")]


def test_a_forged_did_it_for_someone_elses_indicator_marks_nothing(demo: sa.Engine, tmp_path: Path) -> None:
    somsri = ChatDriver(demo, demo_line_id("somsri"), tmp_path)  # the governor's office: not the council's K1
    somsri.tap_data("n=done&p=2565-Q2&i=K1&v=3")
    assert "บันทึกแล้ว" not in somsri.text
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.tap_data("n=done&p=2565-Q2&i=K1&v=9")  # no such milestone
    assert "บันทึกแล้ว" not in anan.text
    with Session(demo) as s:
        assert log(s, plan=_plan(demo, 2565), code="K1") == []


def test_an_item_button_for_a_step_printed_twice_is_a_valid_tap() -> None:
    """K3 prints step 3 twice; its second row's id has a space ("step-3 (ซ้ำ)") and its button must work."""
    from urllib.parse import urlencode

    from handlers.postbacks import PickItem, decode_postback

    assert decode_postback(urlencode({"f": "item", "d": "5", "v": "step-3 (ซ้ำ)"})) == PickItem(5, "step-3 (ซ้ำ)")
    assert decode_postback(urlencode({"f": "item", "d": "5", "v": "all"})) == PickItem(5, "all")


def test_a_step_taken_back_right_after_a_report_is_that_report_s(demo: sa.Engine, tmp_path: Path) -> None:
    """ "ขอแก้ค่ะ ขั้นที่ 3 ที่แจ้งว่าเสร็จ ยังไม่เสร็จนะคะ" names no indicator: just after K1 was reported
    it is K1's milestone 3, confirmed by a tap; an hour later the reporter is asked to name the indicator."""
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("K1 ทำถึงขั้น 3 แล้วค่ะ")
    assert _scores(demo, 2565)[0]["K1"][0] == 3
    anan.say("ขอแก้ค่ะ ขั้นที่ 3 ที่แจ้งว่าเสร็จ ยังไม่เสร็จนะคะ เอกสารยังแยกไม่ครบ")
    assert "K1" in anan.text and "ขั้นที่ 3" in anan.text, anan.text
    assert _scores(demo, 2565)[0]["K1"][0] == 3, "nothing is taken back before the tap"
    anan.tap("ยืนยันทั้งหมด")
    assert _scores(demo, 2565)[0]["K1"][0] == 2
    anan.say("ขอแก้ค่ะ ขั้นที่ 2 ที่แจ้งว่าเสร็จ ยังไม่เสร็จนะคะ", after=timedelta(hours=1))
    assert _scores(demo, 2565)[0]["K1"][0] == 2
    assert "ระบุตัวชี้วัด" in anan.text, anan.text  # no report just now: the reporter is asked to name it


def test_a_cross_on_an_item_never_marked_done_asks_nothing_about_it(demo: sa.Engine, tmp_path: Path) -> None:
    """ "❌ Infographic" on a pasted status list: there is nothing to take back unless the item is marked
    done; once it is, the same cross asks the reporter to confirm it is not done."""
    wichai = ChatDriver(demo, demo_line_id("wichai"), tmp_path)
    status = "ตช.6 สัญจรชุมชน\n✅ ลงพื้นที่ชุมชนครบ 50 เขต\n❌ Infographic ลงเว็บ/FB"
    wichai.say(status)
    assert "ขั้นตอนที่ 1" in wichai.text and "ยังไม่เสร็จ" not in wichai.text, wichai.text
    wichai.tap("ยืนยันทั้งหมด")
    assert "บันทึกแล้ว" in wichai.text, wichai.text
    wichai.say("ตช.6 ขั้นตอนที่ 5 Infographic ลงเว็บเสร็จแล้วค่ะ")
    assert "บันทึกแล้ว" in wichai.text, wichai.text
    wichai.say(status)
    assert "ยังไม่เสร็จ" in wichai.text and "ขั้นตอนที่ 5" in wichai.text, wichai.text  # shown, not taken silently
    wichai.tap("ยืนยันทั้งหมด")
    with Session(demo) as s:
        lines = [(line.item, line.done) for line in log(s, plan=_plan(demo, 2567), code="6")]
    assert lines[-1] == ("step-5", False)


def test_work_told_done_in_words_a_question_also_uses_is_a_report(demo: sa.Engine, tmp_path: Path) -> None:
    """ "สรุปผล" and "สถานะ" also ask for a status; in a reporter's work told done they are the work. The
    router decides as the reporter's parser reads the message, so the report is asked to be confirmed
    and saved, not answered with the indicator's status and lost. Asked, they still get the status."""
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("ตช.2 ทอดแบบสอบถามผู้รับบริการเรื่องระบบไปแล้ว สรุปผลแบบสอบถามเสร็จเมื่อ 18 ก.พ. ค่ะ")
    assert "ขั้นตอนที่ 4" in anan.text and "ถูกต้องไหม" in anan.text, anan.text
    anan.tap("ยืนยันทั้งหมด")
    assert "บันทึกแล้ว" in anan.text, anan.text
    with Session(demo) as s:
        marked = {(line.code, line.item) for line in log(s, plan=_plan(demo, 2565)) if line.done}
    assert {("K2", "step-3"), ("K2", "step-4")} <= marked

    anan.say("ขอแก้ไขค่ะ ตช.2 ขั้นตอนที่ 4 สรุปผลแบบสอบถาม ยังไม่เสร็จ")
    assert "ขั้นตอนที่ 4" in anan.text and "ระดับ 0 (0/20 คะแนน)" not in anan.text, anan.text

    anan.say("สถานะ ตช.2 ตอนนี้เป็นยังไงคะ")
    assert "ตัวชี้วัดที่ K2: ระดับ" in anan.text, anan.text
    manager = ChatDriver(demo, demo_line_id("manager"), tmp_path, anan.now)
    manager.say("สรุปผล K3")
    assert "ตัวชี้วัดที่ K3: ระดับ" in manager.text, manager.text


def test_work_on_the_dashboard_or_an_export_told_done_is_a_report_not_a_link_asked(
    demo: sa.Engine, tmp_path: Path
) -> None:
    """KPI 5's step 4 is a Dashboard: told done, it is reported and asked to be confirmed; asked for, the
    dashboard still comes as a link."""
    somsri = ChatDriver(demo, demo_line_id("somsri"), tmp_path)
    somsri.say(
        "ขั้นตอนที่ 4 กับ 5 ของ ตช.5 เสร็จแล้วครับ Dashboard วิเคราะห์ผลตามข้อสั่งการนำเสนอผู้บริหารแล้ว "
        "Infographic ก็ลงเว็บไซต์กับเพจ Facebook ของสำนักงานแล้ว"
    )
    assert "http" not in somsri.text and "ถูกต้องไหม" in somsri.text, somsri.text
    somsri.tap("ยกเลิก")
    somsri.say("ตช.2 ปิดปีงบ 67 ครับ ข้อมูลรายงานผลโครงการนำเข้าระบบครบทุกเดือนแล้ว export ข้อมูลแนบมาครับ")
    assert "ส่งออกไฟล์" not in somsri.text and "ถูกต้องไหม" in somsri.text, somsri.text
    somsri.tap("ยกเลิก")
    somsri.say("ขอแดชบอร์ดค่ะ")
    assert "/dashboard?t=" in somsri.text, somsri.text


def test_the_step_table_s_share_told_beside_a_ladder_s_steps_is_not_asked_in_its_unit(
    demo: sa.Engine, tmp_path: Path
) -> None:
    """K1 is scored by its milestones: "สะสมร้อยละ 30" beside a step done is the step table's share, so the
    step is saved and no level is asked for in place of the percentage."""
    anan = ChatDriver(demo, demo_line_id("anan"), tmp_path)
    anan.say("K1 ขั้นตอนที่ 4 เสร็จแล้ว สะสมร้อยละ 30 ธ.ค. 64")
    assert "บันทึกแล้ว" in anan.text and "หน่วยของตัวชี้วัด" not in anan.text, anan.text
    with Session(demo) as s:
        marked = {(line.code, line.item) for line in log(s, plan=_plan(demo, 2565)) if line.done}
    assert ("K1", "1") in marked
