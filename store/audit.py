"""The audit trail of reported data, written automatically on every flush.

Any insert or update of a ``ProgressReport`` writes one ``ReportChange`` row per changed field
(who, when, old → new). The actor is declared on the session with ``acting_as``; a change with no
actor is refused, so no code path can alter reported data anonymously.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session

from store.models import ProgressReport, ReportChange, utcnow

AUDITED_FIELDS = (
    "value",
    "numerator",
    "denominator",
    "done",
    "narrative",
    "problems",
    "status",
    "status_reason",
    "confirmed_value",
    "period",
    "indicator_id",
)


class MissingActor(RuntimeError):
    """Reported data changed without ``acting_as``: every change must name who made it."""


@contextmanager
def acting_as(session: Session, person_id: int | None, *, source: str, now: datetime | None = None) -> Iterator[None]:
    """Declare who changes reported data in this block (``person_id`` None only for system jobs)."""
    previous = {k: session.info.get(k) for k in ("actor", "source", "now")}
    session.info.update(actor=person_id, source=source, now=now)
    session.info["actor_set"] = True
    try:
        yield
    finally:
        session.info.update(previous)
        session.info["actor_set"] = previous["source"] is not None


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value.value if hasattr(value, "value") and not isinstance(value, int | float | str) else value


@event.listens_for(OrmSession, "after_flush")
def _record_changes(session: OrmSession, _ctx: Any) -> None:
    rows: list[dict[str, Any]] = []
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, ProgressReport):
            continue
        state = inspect(obj)
        is_new = obj in session.new
        for name in AUDITED_FIELDS:
            hist = state.attrs[name].history
            if not is_new and not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = getattr(obj, name)
            if is_new and new in (None, "", []):
                continue
            if not is_new and _plain(old) == _plain(new):
                continue
            rows.append({"report_id": obj.id, "field": name, "old": _plain(old), "new": _plain(new)})
    if not rows:
        return
    if not session.info.get("actor_set"):
        raise MissingActor("progress report changed without acting_as(): the audit trail needs an actor")
    when = session.info.get("now") or utcnow()
    for row in rows:
        row.update(changed_by=session.info.get("actor"), changed_at=when, source=session.info.get("source"))
    session.connection().execute(sa.insert(ReportChange), rows)
