"""The store on real SQLite and PostgreSQL: migrations, plan import, the audit trail, the queues."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from store.audit import MissingActor, acting_as
from store.db import session_scope, upgrade
from store.models import (
    InboxEvent,
    IndicatorRecord,
    OutboxMessage,
    Person,
    PlanRecord,
    ProgressReport,
    ReportChange,
    Unit,
)
from store.plan_files import load_plan
from store.plans import PlanImportError, import_plan, plan_from_record
from tests.conftest import PLANS

FY2567 = PLANS / "fy2567-governor-secretary.yaml"
NOW = datetime(2024, 3, 18, 3, 0, tzinfo=UTC)


def test_upgrade_twice_is_harmless(db_url: str, engine: sa.Engine) -> None:
    upgrade(db_url)
    tables = set(sa.inspect(engine).get_table_names())
    assert {"unit", "person", "plan", "indicator", "progress_report", "report_change", "outbox", "draft"} <= tables


def test_plan_import_is_idempotent(engine: sa.Engine) -> None:
    plan = load_plan(FY2567)
    with session_scope(engine) as s:
        first = import_plan(s, plan, now=NOW)
    with session_scope(engine) as s:
        second = import_plan(s, plan, now=NOW)
    assert (first.action, second.action) == ("created", "unchanged")
    with Session(engine) as s:
        assert len(s.exec(select(PlanRecord)).all()) == 1
        codes = sorted(r.code for r in s.exec(select(IndicatorRecord)).all())
        assert codes == ["1", "2", "3", "4", "5", "6"]
        record = s.exec(select(PlanRecord)).one()
        assert plan_from_record(record) == plan  # the stored content is the whole validated plan
        unit = s.exec(select(Unit).where(Unit.name == plan.unit)).one()
        assert "สพว.กทม." in unit.aliases


def test_plan_import_updates_a_changed_plan(engine: sa.Engine) -> None:
    plan = load_plan(FY2567)
    with session_scope(engine) as s:
        import_plan(s, plan, now=NOW)
    renamed = plan.model_copy(update={"title": plan.title + " (ฉบับปรับปรุง)"})
    with session_scope(engine) as s:
        assert import_plan(s, renamed, now=NOW).action == "updated"
    with Session(engine) as s:
        assert s.exec(select(PlanRecord)).one().title.endswith("(ฉบับปรับปรุง)")


def _seed_report(engine: sa.Engine) -> tuple[int, int]:
    with session_scope(engine) as s:
        import_plan(s, load_plan(FY2567), now=NOW)
        person = Person(name="สมศรี ใจดี")
        s.add(person)
        s.flush()
        indicator = s.exec(select(IndicatorRecord).where(IndicatorRecord.code == "4")).one()
        with acting_as(s, person.id, source="line:msg-1", now=NOW):
            report = ProgressReport(
                indicator_id=indicator.id,
                fiscal_year=2567,
                quarter=2,
                month=3,
                period="2567-03",
                value=72.5,
                numerator=725,
                denominator=1000,
                narrative="ลงพื้นที่ตรวจสอบเรื่องร้องเรียนร่วมกับสำนักงานเขต",
                reported_by=person.id,
                reported_at=NOW,
                source_message_id="msg-1",
            )
            s.add(report)
            s.flush()
        assert report.id is not None and person.id is not None
        return report.id, person.id


def test_every_change_to_a_report_is_audited(engine: sa.Engine) -> None:
    report_id, person_id = _seed_report(engine)
    later = NOW + timedelta(days=1)
    with session_scope(engine) as s:
        report = s.get(ProgressReport, report_id)
        assert report is not None
        with acting_as(s, person_id, source="line:msg-2", now=later):
            report.value = 80.0
            report.done = ["central-report"]
            s.add(report)
            s.flush()
    with Session(engine) as s:
        changes = s.exec(select(ReportChange).order_by(ReportChange.id)).all()
    created = [(c.field, c.old, c.new) for c in changes if c.source == "line:msg-1"]
    assert ("value", None, 72.5) in created
    assert ("numerator", None, 725) in created
    edited = [(c.field, c.old, c.new, c.changed_by, c.changed_at) for c in changes if c.source == "line:msg-2"]
    assert ("value", 72.5, 80.0, person_id, later) in edited
    assert ("done", [], ["central-report"], person_id, later) in edited
    assert len(edited) == 2  # unchanged fields are not logged


def test_a_report_change_without_an_actor_is_refused(engine: sa.Engine) -> None:
    report_id, _ = _seed_report(engine)
    with pytest.raises(MissingActor), session_scope(engine) as s:
        report = s.get(ProgressReport, report_id)
        assert report is not None
        report.value = 10.0
        s.add(report)
        s.flush()
    with Session(engine) as s:
        report = s.get(ProgressReport, report_id)
        assert report is not None and report.value == 72.5  # rolled back, nothing lost


def test_times_come_back_aware_utc(engine: sa.Engine) -> None:
    bangkok = timezone(timedelta(hours=7))
    sent = datetime(2024, 3, 20, 9, 0, tzinfo=bangkok)
    with session_scope(engine) as s:
        s.add(OutboxMessage(key="k1", kind="nudge", recipient="U1", payload={"text": "สวัสดีค่ะ"}, send_after=sent))
    with Session(engine) as s:
        row = s.exec(select(OutboxMessage)).one()
    assert row.send_after == sent
    assert row.send_after is not None and row.send_after.utcoffset() == timedelta(0)
    assert row.payload == {"text": "สวัสดีค่ะ"}


def test_naive_times_are_refused(engine: sa.Engine) -> None:
    with pytest.raises(sa.exc.StatementError, match="naive"), session_scope(engine) as s:
        s.add(OutboxMessage(key="k2", kind="nudge", recipient="U1", send_after=datetime(2024, 1, 1)))
        s.flush()


def test_outbox_key_and_inbox_event_id_are_unique(engine: sa.Engine) -> None:
    with session_scope(engine) as s:
        s.add(OutboxMessage(key="nudge:1:4:2567-Q2:before5", kind="nudge", recipient="U1"))
        s.add(InboxEvent(webhook_event_id="01H0000000", chat_id="U1", body={"type": "message"}))
    with pytest.raises(sa.exc.IntegrityError), session_scope(engine) as s:
        s.add(OutboxMessage(key="nudge:1:4:2567-Q2:before5", kind="nudge", recipient="U1"))
    with pytest.raises(sa.exc.IntegrityError), session_scope(engine) as s:
        s.add(InboxEvent(webhook_event_id="01H0000000", chat_id="U1", body={}))


def test_removing_an_indicator_with_reports_is_refused(engine: sa.Engine) -> None:
    _seed_report(engine)
    plan = load_plan(FY2567)
    component = plan.groups[0]
    joint = component.groups[1].model_copy(update={"indicators": ()})
    trimmed = plan.model_copy(
        update={"groups": (component.model_copy(update={"groups": (component.groups[0], joint, component.groups[2])}),)}
    )
    with pytest.raises(PlanImportError, match="indicator 4 has progress reports"), session_scope(engine) as s:
        import_plan(s, trimmed, now=NOW)
