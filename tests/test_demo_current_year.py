"""The demo in the current fiscal year, as a newcomer meets it.

Tried as a new user in FY2570, the demo used to file every report as "ไตรมาส 4/2567" and list the
deadlines of 2567. Loaded "as of" a day (``tidtam serve`` with the console passes now), the sample
plans are re-dated to that day's fiscal year with a few months of reports, so a manager's first
"คะแนนตอนนี้" shows this year's scores, "ใครยังไม่ส่ง" names this year's deadline, a report is filed
in this year's quarter, and loading again changes nothing. Without ``as_of`` the demo stays in FY2567,
where the rest of the suite reads it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from bot.summary import summary_text
from scoring.deadlines import deadlines_for
from scoring.fiscal import bangkok_date, fiscal_year_bounds
from scoring.thai import thai_date
from store import item_marks, progress
from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.export_quarterly import quarterly_report
from store.models import Assignment, IndicatorRecord, PlanRecord, PlanVersion
from store.plan_files import load_plan
from store.plans import plan_from_record
from tests.chat_driver import ChatDriver
from tests.conftest import PLANS
from tests.test_progress import flex_text

AS_OF = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)  # 12:00 in Bangkok: FY2570, Q1
FY = 2570
GOV, COUNCIL = "fy2570-governor-secretary", "fy2570-council-secretariat"


def _load(engine: sa.Engine, as_of: datetime | None = AS_OF) -> None:
    with session_scope(engine) as s:
        load_demo(s, PLANS, AS_OF, as_of=as_of)


def _chat(engine: sa.Engine, who: str, tmp_path: Path) -> ChatDriver:
    return ChatDriver(engine, demo_line_id(who), tmp_path, now=AS_OF)


def test_the_managers_first_question_shows_this_fiscal_year_with_scores(engine: sa.Engine, tmp_path: Path) -> None:
    _load(engine)
    answer = flex_text(_chat(engine, "manager", tmp_path).say("คะแนนตอนนี้"))
    scores = dict(re.findall(r"(สำนักงานเลขานุการ\S+) · ปีงบประมาณ 2570: ([0-9.]+)/70 คะแนน", answer))
    assert set(scores) == {"สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร", "สำนักงานเลขานุการสภากรุงเทพมหานคร"}
    assert all(float(score) > 0 for score in scores.values()), answer
    assert "2567" not in answer


def test_who_is_late_names_a_deadline_of_this_fiscal_year(engine: sa.Engine, tmp_path: Path) -> None:
    _load(engine)
    answer = _chat(engine, "manager", tmp_path).say("ใครยังไม่ส่ง").texts[0]
    today = bangkok_date(AS_OF)
    latest = [d for d in deadlines_for(FY) if d.due <= today][-1]  # 20 Nov 2026, the November report
    start, end = fiscal_year_bounds(FY)
    assert start <= latest.due <= end
    assert "อนันต์ มั่นคง" in answer and f"กำหนดส่ง {thai_date(latest.due)}" in answer
    assert "สมศรี" not in answer and "วิชัย" not in answer  # the governor's office sent November's on time
    coming = next(d for d in deadlines_for(FY) if d.due > today)  # and what falls due next: 20 Dec 2026
    assert f"กำหนดส่งถัดไป {thai_date(coming.due)}" in answer, answer
    assert "2567" not in answer


def test_a_report_sent_now_is_filed_in_this_years_quarter(engine: sa.Engine, tmp_path: Path) -> None:
    _load(engine)
    reply = _chat(engine, "somsri", tmp_path).say("ตัวชี้วัดที่ 1 ร้อยละ 84 ติดตามญัตติครบทุกเรื่องแล้วค่ะ")
    assert "ไตรมาส 1/2570" in reply.texts[0]


def test_the_sample_reports_are_this_years_months_through_progress_and_item_marks(engine: sa.Engine) -> None:
    _load(engine)
    with Session(engine) as s:
        records = {r.key: r for r in s.exec(select(PlanRecord).where(PlanRecord.fiscal_year == FY))}
        assert set(records) == {GOV, COUNCIL}  # the newest sample plan of each unit, re-dated
        gov = progress.history(session=s, plan=records[GOV])
        assert {r.period for reports in gov.values() for r in reports} == {"2569-10", "2569-11"}
        assert all(r.reported_at < AS_OF for reports in gov.values() for r in reports)
        assert len(gov) >= 5
        results = progress.latest_results(session=s, plans=list(records.values()))
        assert results[records[GOV].id or 0]["4"].value == 68.6
        council_marks = item_marks.log(s, plan=records[COUNCIL])
        assert {(m.code, m.item) for m in council_marks} >= {("K1", "1"), ("K1", "2"), ("5.2", "1")}
        # The files on disk stay as they are: the FY2567 plan is loaded as written, beside its re-dated copy.
        original = s.exec(select(PlanRecord).where(PlanRecord.key == "fy2567-governor-secretary")).one()
        assert plan_from_record(original) == load_plan(PLANS / "fy2567-governor-secretary.yaml")
        form = {row.code: row.value for row in quarterly_report(s, GOV, FY, 1).rows}
    assert form["1"] == 82 and form["4"] == 68.6  # the export of this quarter has them too


def test_the_startup_scorecard_is_this_years_with_its_coming_deadlines(engine: sa.Engine) -> None:
    _load(engine)
    with Session(engine) as s:
        text = summary_text(s, AS_OF)
    assert "ปีงบประมาณ 2570" in text and "ปีงบประมาณ 2567" not in text
    assert "ไตรมาส 1/2570" in text and "20 ธ.ค. 2569" in text  # the coming quarterly deadline
    assert "จาก 70 คะแนน" in text and "รวม ░░░░░░░░░░ 0 จาก" not in text


def _snapshot(engine: sa.Engine) -> dict[str, object]:
    with Session(engine) as s:
        records = list(s.exec(select(PlanRecord).order_by(col(PlanRecord.key))))
        histories = {
            r.key: {
                c: [(x.period, x.value, x.reported_at) for x in xs]
                for c, xs in progress.history(session=s, plan=r).items()
            }
            for r in records
        }
        return {
            "plans": [(r.key, r.version, r.content_hash) for r in records],
            "versions": len(s.exec(select(PlanVersion)).all()),
            "indicators": len(s.exec(select(IndicatorRecord)).all()),
            "assignments": len(s.exec(select(Assignment)).all()),
            "reports": histories,
            "marks": {r.key: item_marks.log(s, plan=r) for r in records},
        }


def test_loading_the_demo_again_the_same_day_changes_nothing(engine: sa.Engine) -> None:
    _load(engine)
    first = _snapshot(engine)
    _load(engine)
    assert _snapshot(engine) == first


def test_without_as_of_the_demo_stays_in_fy2567(engine: sa.Engine) -> None:
    _load(engine, as_of=None)
    with Session(engine) as s:
        assert {r.fiscal_year for r in s.exec(select(PlanRecord))} == {2567, 2565, 2563}
        assert not any(progress.history(session=s, plan=r) for r in s.exec(select(PlanRecord)))


def test_a_plan_already_rolled_over_into_the_plans_folder_is_the_one_the_demo_uses(
    engine: sa.Engine, tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for path in PLANS.glob("*.yaml"):
        (plans / path.name).write_bytes(path.read_bytes())
    run = CliRunner().invoke(app, ["plans", "rollover", str(plans / "fy2567-governor-secretary.yaml"), "--to", "2570"])
    assert run.exit_code == 0, run.output
    written = plans / f"{GOV}.yaml"
    written.write_text(written.read_text("utf-8").replace("title: ", "title: (ฉบับหน่วยงาน) ", 1), "utf-8")
    for _ in range(2):
        with session_scope(engine) as s:
            load_demo(s, plans, AS_OF, as_of=AS_OF)
    with Session(engine) as s:
        record = s.exec(select(PlanRecord).where(PlanRecord.key == GOV)).one()
        assert record.title.startswith("(ฉบับหน่วยงาน)") and record.version == 1  # no second content in turn
        assert progress.history(session=s, plan=record)  # its sample reports are there
