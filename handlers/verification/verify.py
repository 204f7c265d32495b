"""The committee confirms or returns a report (buttons on the report card); the reporter is told.

Only a person granted the committee (or admin) role may do it, whatever chat the button is tapped in.
Self-reported and confirmed values stay apart (``value`` and ``confirmed_value``), both audited. When
a reporter later changes or withdraws what the committee confirmed, the confirmation no longer holds
(``store.progress``) and the bound committee group is told, so it can look again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlmodel import Session, col, select

from handlers.drafts import DRAFT_TIMEOUT, ReasonState, ReturnDraft, set_state, waiting
from handlers.drafts import store as store_draft
from handlers.flow import Flow, Input, Says, step
from handlers.parse.normalize import normalize_text
from handlers.parse.parser import is_cancel
from handlers.replies import Outgoing, Reply, outgoing_json
from handlers.verification import texts as vt
from store import progress
from store.models import ChatGroup, Draft, IndicatorRecord, LineIdentity, Person, PlanRecord, Role, Unit
from store.outbox import enqueue
from store.people import has_role


def _may_verify(session: Session, person: Person) -> bool:
    return has_role(session, person.id or 0, Role.committee) or has_role(session, person.id or 0, Role.admin)


def _tell_reporter(session: Session, report: progress.Report, text: str, key: str, now: datetime) -> None:
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
        return Reply().say(vt.NOT_COMMITTEE)
    found = progress.get(session, report_id=report_id)
    if found is None or not found.counts_on("reported"):
        return Reply().say(vt.REPORT_GONE)
    code = found.code
    shown = f"{found.value:g}" if found.value is not None else "-"
    if action == "confirm":
        report = progress.confirm(session, report_id=report_id, by=person.id or 0, now=now).report
        _tell_reporter(
            session,
            report,
            vt.TOLD_CONFIRMED.format(code=code, value=shown),
            f"verify:{report.id}:confirmed:{now.isoformat()}",
            now,
        )
        return Reply().say(vt.CONFIRMED.format(code=code, value=shown))
    draft = Draft(person_id=person.id or 0, chat_id=chat_id, created_at=now)
    store_draft(session, draft, ReturnDraft(report_id=found.id, code=code), now, ReasonState.ask_reason)
    return Reply().say(vt.ASK_RETURN_REASON.format(code=code))


def pending_return(session: Session, person: Person, chat_id: str, now: datetime) -> Draft | None:
    """A committee member's return reason still waited for in this chat (the next text is it)."""
    return waiting(session, person.id or 0, chat_id, now, kind="return")


_R = ReasonState.ask_reason
# The committee's return reason: the next text of the member who tapped "ส่งกลับแก้ไข" is the reason
# (a reason may well end in "หรือยัง"), "ยกเลิก" keeps the report as it is.
RETURN_FLOW = Flow(
    "return reason",
    ReasonState,
    {
        (_R.value, Input.answer): step("_return", Says.saved, ReasonState.saved),
        (_R.value, Input.cancel): step("_cancel", Says.cancelled, ReasonState.cancelled),
    },
    fallback=step("_return", Says.saved, ReasonState.saved),
    timeout=DRAFT_TIMEOUT,
    final=frozenset({ReasonState.saved, ReasonState.cancelled, ReasonState.expired}),
)


def finish_return(session: Session, person: Person, draft: Draft, text: str, now: datetime) -> Reply:
    """Run the return-reason flow for the text typed while the reason waits."""
    reason = normalize_text(text)
    kind = Input.cancel if is_cancel(reason) else Input.answer
    before = draft.state
    reply = Reply()
    if kind is Input.cancel:
        set_state(session, draft, ReasonState.cancelled, now)
        reply.say(vt.RETURN_CANCELLED)
        says = Says.cancelled
    else:
        says = _return(session, person, draft, reason, now, reply)
    RETURN_FLOW.check(before, kind, draft.state, says)
    return reply


def _return(session: Session, person: Person, draft: Draft, reason: str, now: datetime, reply: Reply) -> Says:
    set_state(session, draft, ReasonState.saved, now)
    try:
        written = progress.return_(
            session, report_id=draft.data["report_id"], by=person.id or 0, now=now, reason=reason
        )
    except progress.ReportGone:
        reply.say(vt.REPORT_GONE)
        return Says.saved
    report = written.report
    code = str(draft.data.get("code", "?"))
    _tell_reporter(
        session,
        report,
        vt.TOLD_RETURNED.format(code=code, reason=reason),
        f"verify:{report.id}:returned:{now.isoformat()}",
        now,
    )
    reply.say(vt.RETURNED.format(code=code))
    return Says.saved


def tell_committee(session: Session, written: progress.Written, now: datetime) -> None:
    """A reporter changed or withdrew a result the committee had confirmed: the confirmation is gone
    (``store.progress``), so each bound committee group hears what changed and can confirm again."""
    before, after = written.before, written.report
    if not written.unconfirmed or before is None:
        return
    indicator = session.get(IndicatorRecord, after.indicator_id)
    plan = session.get(PlanRecord, indicator.plan_id) if indicator else None
    unit = session.get(Unit, plan.unit_id) if plan else None
    confirmed = before.confirmed_value if before.confirmed_value is not None else before.value
    words = {
        "unit": unit.name if unit else "-",
        "code": after.code,
        "period": after.fiscal_period.thai,
        "confirmed": f"{confirmed:g}" if confirmed is not None else "-",
        "value": f"{after.value:g}" if after.value is not None else "-",
    }
    withdrawn = not after.counts_on("reported")
    text = (vt.TOLD_COMMITTEE_WITHDRAWN if withdrawn else vt.TOLD_COMMITTEE_CHANGED).format(**words)
    groups = session.exec(select(ChatGroup).where(ChatGroup.kind == "committee", col(ChatGroup.active))).all()
    for group in groups:
        enqueue(
            session,
            key=f"unconfirmed:{after.id}:{group.group_id}:{now.isoformat()}",
            kind="verify",
            recipient=group.group_id,
            payload={"messages": [outgoing_json(Outgoing(text))], "cost": group.members},
            now=now,
        )
