"""The committee confirms or returns a report (buttons on the report card); the reporter is told.

Only a person granted the committee (or admin) role may do it, whatever chat the button is tapped in.
Self-reported and confirmed values stay apart (``value`` and ``confirmed_value``), both audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from sqlmodel import Session, col, select

from handlers import query_texts as qt
from handlers.parse.normalize import normalize_text
from handlers.replies import Outgoing, Reply, outgoing_json
from store.audit import acting_as
from store.models import Draft, IndicatorRecord, LineIdentity, Person, ProgressReport, ReportStatus, Role
from store.outbox import enqueue
from store.people import has_role

RETURN_TIMEOUT = timedelta(minutes=30)


def _may_verify(session: Session, person: Person) -> bool:
    return has_role(session, person.id or 0, Role.committee) or has_role(session, person.id or 0, Role.admin)


def _code(session: Session, report: ProgressReport) -> str:
    indicator = session.get(IndicatorRecord, report.indicator_id)
    return indicator.code if indicator else "?"


def _tell_reporter(session: Session, report: ProgressReport, text: str, key: str, now: datetime) -> None:
    identity = session.exec(select(LineIdentity).where(LineIdentity.person_id == report.reported_by)).first()
    if identity is None or not identity.following:
        return
    enqueue(
        session,
        key=key,
        kind="verify",
        recipient=identity.line_user_id,
        payload={"messages": [outgoing_json(Outgoing(text))], "cost": 1},
        now=now,
    )


def on_verify(
    session: Session, person: Person, chat_id: str, action: Literal["confirm", "return"], report_id: int, now: datetime
) -> Reply:
    """A tap on "ยืนยันผล" / "ส่งกลับแก้ไข", decoded by ``handlers.postbacks`` (so ``action`` is one of two)."""
    if not _may_verify(session, person):
        return Reply().say(qt.NOT_COMMITTEE)
    report = session.get(ProgressReport, report_id)
    if report is None or report.status == ReportStatus.withdrawn:
        return Reply().say("รายงานนี้ถูกถอนหรือไม่มีอยู่แล้วค่ะ")
    code = _code(session, report)
    shown = f"{report.value:g}" if report.value is not None else "-"
    if action == "confirm":
        with acting_as(session, person.id, source="line:verify", now=now):
            report.status = ReportStatus.confirmed
            report.confirmed_value = report.value
            session.add(report)
            session.flush()
        _tell_reporter(
            session,
            report,
            qt.TOLD_CONFIRMED.format(code=code, value=shown),
            f"verify:{report.id}:confirmed:{now.isoformat()}",
            now,
        )
        return Reply().say(qt.CONFIRMED.format(code=code, value=shown))
    data = {"kind": "return", "report_id": report.id, "code": code, "awaiting": {"field": "reason"}}
    session.add(
        Draft(
            person_id=person.id or 0,
            chat_id=chat_id,
            data=data,
            created_at=now,
            updated_at=now,
            expires_at=now + RETURN_TIMEOUT,
        )
    )
    return Reply().say(qt.ASK_RETURN_REASON.format(code=code))


def pending_return(session: Session, person: Person, chat_id: str, now: datetime) -> Draft | None:
    draft = session.exec(
        select(Draft)
        .where(Draft.person_id == person.id, Draft.chat_id == chat_id, Draft.state == "open")
        .order_by(col(Draft.id).desc())
    ).first()
    if draft is None or (draft.data or {}).get("kind") != "return":
        return None
    if draft.expires_at is not None and draft.expires_at <= now:
        return None
    return draft


def finish_return(session: Session, person: Person, draft: Draft, text: str, now: datetime) -> Reply:
    reason = normalize_text(text)
    report = session.get(ProgressReport, draft.data["report_id"])
    draft.state = "saved"
    session.add(draft)
    if report is None:
        return Reply().say("รายงานนี้ไม่มีอยู่แล้วค่ะ")
    with acting_as(session, person.id, source="line:verify", now=now):
        report.status = ReportStatus.returned
        report.status_reason = reason
        session.add(report)
        session.flush()
    code = draft.data.get("code", "?")
    _tell_reporter(
        session,
        report,
        qt.TOLD_RETURNED.format(code=code, reason=reason),
        f"verify:{report.id}:returned:{now.isoformat()}",
        now,
    )
    return Reply().say(qt.RETURNED.format(code=code))
