"""Tables: who is who, plans and indicators, progress reports with their history, and the queues.

Times are stored as UTC and come back timezone-aware (``UTCDateTime``) on SQLite and PostgreSQL
alike; domain code converts to Bangkok time where it needs a calendar day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; naive values are refused, not guessed."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _ts(nullable: bool = False, index: bool = False) -> Any:
    """A timestamp column; required ones default to now (callers pass the domain's ``now``)."""
    column: sa.Column[datetime] = sa.Column(UTCDateTime(), nullable=nullable, index=index)
    if nullable:
        return Field(default=None, sa_column=column)
    return Field(default_factory=utcnow, sa_column=column)


def _json(default: Any = None) -> Any:
    factory = (lambda: list(default)) if isinstance(default, list) else (lambda: dict(default or {}))
    return Field(default_factory=factory, sa_column=sa.Column(sa.JSON(), nullable=False))


class Role(StrEnum):
    """What a person may do; scoped roles carry the unit they apply to."""

    reporter = "reporter"  # ผู้รับผิดชอบตัวชี้วัด: reports the indicators assigned to them
    unit_head = "unit_head"  # หัวหน้าส่วนราชการ: certifies the unit's reports; escalation step
    committee = "committee"  # คกก.ติดตามประเมินผล: verifies reports, sees every unit
    manager = "manager"  # ผู้บริหาร: asks about the units in scope
    admin = "admin"  # กลุ่มงานแผนงานและประเมินผล: runs the bot


class ReportStatus(StrEnum):
    reported = "reported"  # self-reported by the unit
    confirmed = "confirmed"  # verified by the committee
    returned = "returned"  # sent back by the committee with a reason
    withdrawn = "withdrawn"  # the reporter unsent the message


class Unit(SQLModel, table=True):
    """ส่วนราชการ / ฝ่าย / กลุ่มงาน: an organisation unit; units nest."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    short_name: str | None = None
    parent_id: int | None = Field(default=None, foreign_key="unit.id")
    aliases: list[str] = _json([])


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    position: str | None = None
    phone: str | None = None
    active: bool = True
    on_leave_until: date | None = None
    acting_for_id: int | None = Field(default=None, foreign_key="person.id")  # รักษาราชการแทน


class LineIdentity(SQLModel, table=True):
    """A LINE user id bound to a person through a one-time link code."""

    id: int | None = Field(default=None, primary_key=True)
    line_user_id: str = Field(unique=True, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    display_name: str | None = None
    linked_at: datetime | None = _ts()
    following: bool = True  # false after unfollow (blocked): pushes to them are pointless


class RoleGrant(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("person_id", "role", "unit_id", name="uq_role_grant"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: Role = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    unit_id: int | None = Field(default=None, foreign_key="unit.id")  # None: every unit
    granted_by: int | None = Field(default=None, foreign_key="person.id")
    granted_at: datetime | None = _ts()


class LinkCode(SQLModel, table=True):
    """One-time code an admin issues so a person can bind their LINE account."""

    id: int | None = Field(default=None, primary_key=True)
    code_hash: str = Field(unique=True)
    person_id: int = Field(foreign_key="person.id")
    created_at: datetime | None = _ts()
    expires_at: datetime | None = _ts()
    used_at: datetime | None = _ts(nullable=True)


class PlanRecord(SQLModel, table=True):
    """A plan file as loaded: its full validated content, keyed by plan id and version."""

    __tablename__ = "plan"
    __table_args__ = (sa.UniqueConstraint("key", "version", name="uq_plan_key_version"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True)
    version: int = 1
    fiscal_year: int = Field(index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    title: str
    content_hash: str
    content: dict[str, Any] = _json({})
    loaded_at: datetime | None = _ts()


class PlanVersion(SQLModel, table=True):
    """A version of a plan as loaded (the first, then one per appeal — อุทธรณ์): its content and the
    day it took effect. The plan row holds the newest; these rows are its history."""

    __tablename__ = "plan_version"
    __table_args__ = (sa.UniqueConstraint("plan_id", "version", name="uq_plan_version"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    version: int
    effective_from: date
    content_hash: str
    content: dict[str, Any] = _json({})
    changes: dict[str, Any] = _json({})  # indicator codes added, removed, moved (group) and changed
    loaded_at: datetime | None = _ts()


class ParseCorrection(SQLModel, table=True):
    """A message the parser read one way and the reporter settled another, kept as a labelled case
    for the corpus (``tidtam parse export-corrections``): no person, chat or message id, and the text
    with people's names, phones and LINE ids replaced."""

    __tablename__ = "parse_correction"

    id: int | None = Field(default=None, primary_key=True)
    plan_key: str = Field(index=True)
    said_on: date
    text: str
    parsed: dict[str, Any] = _json({})  # what the parser read: indicator, value, unit, period
    settled: dict[str, Any] = _json({})  # what was saved after the reporter's answers
    created_at: datetime | None = _ts()


class IndicatorRecord(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = (sa.UniqueConstraint("plan_id", "code", name="uq_indicator_plan_code"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    code: str
    name: str
    unit_of_measure: str | None = None
    weight: float | None = None
    group_path: str = ""
    aliases: list[str] = _json([])


class Assignment(SQLModel, table=True):
    """Who reports an indicator (several people may; one is enough)."""

    __table_args__ = (sa.UniqueConstraint("person_id", "indicator_id", name="uq_assignment"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)


class UnitAlias(SQLModel, table=True):
    """A phrase a unit's staff used for an indicator, learnt from a confirmed ask-back."""

    __table_args__ = (sa.UniqueConstraint("unit_id", "phrase", name="uq_unit_alias"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    indicator_id: int = Field(foreign_key="indicator.id")
    phrase: str
    learnt_at: datetime | None = _ts()


class ProgressReport(SQLModel, table=True):
    """ผลการดำเนินงาน: one indicator's progress for one period; changes go to ``ReportChange``."""

    __tablename__ = "progress_report"
    __table_args__ = (
        sa.UniqueConstraint("indicator_id", "period", name="uq_report_indicator_period"),
        # "the latest result of each indicator" (store.progress: by quarter, then as sent) reads this in order.
        sa.Index("ix_progress_report_latest_result", "indicator_id", "fiscal_year", "quarter", "reported_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    fiscal_year: int = Field(index=True)
    quarter: int
    month: int | None = None
    period: str  # FiscalPeriod.label: "2567-Q1" or "2566-10"
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    done: list[str] = _json([])  # conditions / milestones / checklist items recorded as done
    narrative: str = ""
    problems: str = ""
    status: ReportStatus = Field(
        default=ReportStatus.reported, sa_column=sa.Column(sa.String(20), nullable=False, default="reported")
    )
    status_reason: str | None = None
    confirmed_value: float | None = None
    reported_by: int = Field(foreign_key="person.id")
    reported_at: datetime | None = _ts(index=True)
    source_message_id: str | None = None


class ReportChange(SQLModel, table=True):
    """The audit trail of reported data: who changed which field of which report, when, old → new."""

    __tablename__ = "report_change"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="progress_report.id", index=True)
    field: str
    old: Any = Field(default=None, sa_column=sa.Column(sa.JSON(), nullable=True))
    new: Any = Field(default=None, sa_column=sa.Column(sa.JSON(), nullable=True))
    changed_by: int | None = Field(default=None, foreign_key="person.id")
    changed_at: datetime | None = _ts()
    source: str | None = None  # e.g. the LINE message id or "cli"


class ItemMark(SQLModel, table=True):
    """A milestone, condition, checklist item or project step marked done or not done.

    Marks are only ever added (a withdrawal sets ``withdrawn_at``): an item's marks are its history and
    its audit trail (who, when, done → not done), and its state is its newest live mark.
    """

    __tablename__ = "item_mark"
    __table_args__ = (sa.Index("ix_item_mark_indicator_year", "indicator_id", "fiscal_year", "marked_at"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id")
    item: str
    done: bool
    fiscal_year: int
    quarter: int
    month: int | None = None
    period: str
    report_id: int | None = Field(default=None, foreign_key="progress_report.id")
    marked_by: int = Field(foreign_key="person.id")
    marked_at: datetime | None = _ts()
    source: str | None = None
    source_message_id: str | None = Field(default=None, index=True)
    withdrawn_at: datetime | None = _ts(nullable=True)


class Evidence(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    report_id: int | None = Field(default=None, foreign_key="progress_report.id", index=True)
    item_mark_id: int | None = Field(default=None, foreign_key="item_mark.id", index=True)
    draft_id: int | None = Field(default=None, foreign_key="draft.id")
    person_id: int = Field(foreign_key="person.id")
    kind: str  # image / file / document-number
    filename: str | None = None
    content_type: str | None = None
    size: int | None = None
    sha256: str | None = Field(default=None, index=True)
    path: str | None = None
    reference: str | None = None  # e.g. "กท 0100/2796"
    line_message_id: str | None = None
    created_at: datetime | None = _ts()


class Draft(SQLModel, table=True):
    """A report being put together by chat; survives restarts, expires after a timeout."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    chat_id: str = Field(index=True)
    state: str = "expired"  # set by the conversation that owns the draft (handlers.drafts)
    data: dict[str, Any] = _json({})
    created_at: datetime | None = _ts()
    updated_at: datetime | None = _ts()
    expires_at: datetime | None = _ts(index=True)


class InboxEvent(SQLModel, table=True):
    """A webhook event accepted from LINE; the unique event id makes redeliveries harmless."""

    __tablename__ = "inbox_event"
    # claim_next asks "is there an older unprocessed event in this chat?" for every candidate.
    __table_args__ = (sa.Index("ix_inbox_event_chat_pending", "chat_id", "processed_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    webhook_event_id: str = Field(unique=True)
    chat_id: str = Field(index=True)
    body: dict[str, Any] = _json({})
    received_at: datetime | None = _ts()
    processed_at: datetime | None = _ts(nullable=True, index=True)
    attempts: int = 0
    last_error: str | None = None  # the exception's type and where; never message text or SQL parameters
    # A failed event waits until then before it is tried again (its chat waits with it, to keep order).
    next_attempt_at: datetime | None = _ts(nullable=True)
    # Dead letters: given up on (also ``processed_at``, so they never hold back their chat), kept for
    # ``tidtam inbox failed`` until an admin retries or discards them.
    dead_at: datetime | None = _ts(nullable=True, index=True)
    discarded_at: datetime | None = _ts(nullable=True)


class WorkerHeartbeat(SQLModel, table=True):
    """Each worker process says it is alive every few seconds; ``/healthz`` reads the freshest beat."""

    __tablename__ = "worker_heartbeat"

    worker: str = Field(primary_key=True)  # host:pid
    beat_at: datetime | None = _ts()
    started_at: datetime | None = _ts()


class OutboxMessage(SQLModel, table=True):
    """A message to send; the unique key makes every message go out at most once."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    kind: str = Field(index=True)
    recipient: str
    payload: dict[str, Any] = _json({})
    created_at: datetime | None = _ts()
    send_after: datetime | None = _ts(index=True)
    sent_at: datetime | None = _ts(nullable=True, index=True)
    attempts: int = 0
    last_error: str | None = None


class ChatGroup(SQLModel, table=True):
    """A LINE group the bot is in; an admin binds the committee group (คกก.ติดตามประเมินผล) by command."""

    __tablename__ = "chat_group"

    id: int | None = Field(default=None, primary_key=True)
    group_id: str = Field(unique=True)
    kind: str = "other"  # committee / other
    name: str | None = None
    members: int = 1  # known member count (push quota counts one message per member)
    active: bool = True
    bound_by: int | None = Field(default=None, foreign_key="person.id")
    bound_at: datetime | None = _ts(nullable=True)


class DayOff(SQLModel, table=True):
    """A day off declared by the Cabinet or an admin (วันหยุดพิเศษ), on top of public holidays."""

    __tablename__ = "day_off"

    day: date = Field(primary_key=True)
    reason: str = ""
    declared_by: int | None = Field(default=None, foreign_key="person.id")
