"""Telling admins that something needs them, at most once a day per kind, through the outbox."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from handlers.accounts import texts as at
from handlers.replies import Outgoing, outgoing_json
from scoring.fiscal import BANGKOK
from store.models import LineIdentity, Person, Role, RoleGrant
from store.outbox import enqueue


def alert_admins(session: Session, kind: str, text: str, now: datetime) -> int:
    """Push ``text`` to every active admin with a LINE account, once per Bangkok day for ``kind``.

    The outbox key carries the day, so a flood of failures gives one message, not one each.
    """
    day = now.astimezone(BANGKOK).date().isoformat()
    admins = session.exec(
        select(LineIdentity.line_user_id, Person.id)
        .join(Person, Person.id == LineIdentity.person_id)  # type: ignore[arg-type]
        .join(RoleGrant, RoleGrant.person_id == Person.id)  # type: ignore[arg-type]
        .where(RoleGrant.role == Role.admin, Person.active == True)  # noqa: E712
    ).all()
    sent = 0
    for line_user_id, person_id in sorted(set(admins)):
        payload = {"messages": [outgoing_json(Outgoing(text))], "cost": 1}
        if enqueue(
            session,
            key=f"alert:{kind}:{day}:{person_id}",
            kind="push",
            recipient=line_user_id,
            payload=payload,
            now=now,
        ):
            sent += 1
    return sent


def dead_letter_alert(session: Session, error: str, now: datetime) -> int:
    return alert_admins(session, "dead-letter", at.DEAD_LETTER_ALERT.format(error=error[:120]), now)
