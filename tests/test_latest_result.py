""" "The latest result" of an indicator is one rule (``store.progress``) and every reader uses it: the
indicator card, the unit summary, the confirmed-only summary, the quarterly export, and the SQL and
history readings of the rule agree with each other on every quarter and both bases.

The cases the readers used to disagree on: a late fix of an earlier quarter sent after a later
quarter's report (values are cumulative: the later quarter's stands), a "no progress" report after a
value (it does not wipe it), a committee confirming a different number than the one reported, and a
new version of the plan (its reports stay on the old version's indicator rows).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, select

from scoring.fiscal import FiscalPeriod
from scoring.rubric import Result
from scoring.totals import score_plan
from store import progress
from store.db import session_scope
from store.demo import load_demo
from store.export_quarterly import quarterly_report
from store.models import PlanRecord
from store.plan_files import load_plan
from store.plans import import_plan, plan_from_record
from store.progress import ReportInput
from tests.conftest import PLANS
from tests.test_progress import GOV_PLAN, Chat, _indicator_id, flex_text

FY = 2567


def _at(month: int, day: int) -> datetime:
    return datetime(2023 if month >= 10 else 2024, month, day, 3, tzinfo=UTC)


def _seed(engine: sa.Engine) -> None:
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        somsri, committee = people["somsri"].id or 0, people["committee"].id or 0

        def report(code: str, period: FiscalPeriod, value: float | None, when: datetime, narrative: str = "") -> int:
            data = ReportInput(_indicator_id(s, code), period, value=value, narrative=narrative or "ประชุมติดตาม")
            return progress.record(s, data=data, by=somsri, now=when, source="test").report.id

        report("1", FiscalPeriod(FY, 1), 60.0, _at(12, 15))
        report("1", FiscalPeriod(FY, 2, 2), 80.0, _at(2, 10))
        report("1", FiscalPeriod(FY, 1), 65.0, _at(2, 20))  # Q1 fixed late, after February's report
        report("2", FiscalPeriod(FY, 2, 2), 9.0, _at(2, 12))
        report("2", FiscalPeriod(FY, 2, 3), None, _at(3, 15), "ยังไม่มีความก้าวหน้า: รออนุมัติงบประมาณ")
        kpi3 = report("3", FiscalPeriod(FY, 2), 55.0, _at(2, 14))
        progress.confirm(s, report_id=kpi3, by=committee, now=_at(3, 1), value=50.0)


def _values(results: dict[str, Result]) -> dict[str, float | None]:
    return {code: r.value for code, r in sorted(results.items())}


def _plans(session: Session) -> list[PlanRecord]:
    return list(session.exec(select(PlanRecord).where(PlanRecord.key == GOV_PLAN).order_by(PlanRecord.version)))


def test_the_readers_agree_on_the_latest_result(engine: sa.Engine, tmp_path: Path) -> None:
    _seed(engine)
    with Session(engine) as s:
        (record,) = _plans(s)
        reported = progress.latest_results(session=s, plans=[record])[record.id or 0]
        confirmed = progress.latest_results(session=s, plans=[record], basis="confirmed")[record.id or 0]
        assert _values(reported) == {"1": 80.0, "2": 9.0, "3": 55.0}
        assert _values(confirmed) == {"3": 50.0}
        plan = plan_from_record(record)
        score, confirmed_score = score_plan(plan, reported).total, score_plan(plan, confirmed).total
        form = {row.code: row for row in quarterly_report(s, GOV_PLAN, FY, 2).rows}
    assert (score, confirmed_score) == (14, 2)
    assert [(form[c].value, form[c].confirmed_value) for c in ("1", "2", "3")] == [(80, None), (9, None), (55, 50)]

    chat = Chat(engine, tmp_path)
    assert "ล่าสุด ร้อยละ 80" in flex_text(chat.say("manager", "ตัวชี้วัดที่ 1 ถึงไหนแล้ว"))
    assert "ล่าสุด 9 โครงการ" in flex_text(chat.say("manager", "ตัวชี้วัดที่ 2 ถึงไหนแล้ว"))
    assert "ตามผลที่ยืนยันแล้ว: ระดับ 1" in flex_text(chat.say("manager", "ตัวชี้วัดที่ 3 ถึงไหนแล้ว"))
    assert f"คะแนนถึงตอนนี้ {score:g} จาก 70" in flex_text(chat.say("somsri", "คะแนนตอนนี้เท่าไร"))
    answer = flex_text(chat.say("somsri", "คะแนนตอนนี้เท่าไร เฉพาะที่ยืนยันแล้ว"))
    assert f"คะแนนถึงตอนนี้ {confirmed_score:g} จาก 70" in answer


def test_the_query_and_the_history_read_the_same_rule(engine: sa.Engine) -> None:
    _seed(engine)
    with Session(engine) as s:
        (record,) = _plans(s)
        for until in (None, 1, 2, 3, 4):
            history = progress.history(session=s, plan=record, until=until)
            for basis in ("reported", "confirmed"):
                sql = progress.latest_results(session=s, plans=[record], as_of=until, basis=basis)[record.id or 0]
                read = {
                    code: latest.result(basis) for code, rs in history.items() if (latest := progress.latest(rs, basis))
                }
                assert sql == read, (until, basis)
        q1 = progress.latest_results(session=s, plans=[record], as_of=1)[record.id or 0]
    assert _values(q1) == {"1": 65.0}  # up to Q1, the late fix is the latest


def test_a_new_version_of_the_plan_keeps_the_results_reported_against_the_old(engine: sa.Engine) -> None:
    _seed(engine)
    appealed = load_plan(PLANS / f"{GOV_PLAN}.yaml").model_copy(update={"version": 2})
    with session_scope(engine) as s:
        import_plan(s, appealed, now=_at(3, 20))
    with Session(engine) as s:
        old, new = _plans(s)
        results = progress.latest_results(session=s, plans=[old, new])
        assert results[new.id or 0] == results[old.id or 0] and _values(results[new.id or 0])["1"] == 80.0
        assert [r.value for r in progress.history(session=s, plan=new)["1"]] == [65.0, 80.0]
        assert {row.code: row.value for row in quarterly_report(s, GOV_PLAN, FY, 2).rows}["1"] == 80
