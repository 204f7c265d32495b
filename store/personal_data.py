"""Personal data under the PDPA (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562): a person's copy, their
erasure, and how long the bot keeps what it needs only for a while.

* ``export``: everything held about one person, for a request for a copy (มาตรา 30).
* ``forget``: erasure (มาตรา 33) as far as the agency's duty to keep its records allows. The reports
  are the unit's performance record and stay, so the person row stays too (reports point at it), with
  a placeholder for a name. Their name, phone and LINE id are replaced wherever they were copied: in
  every text and JSON column of every table (the reports' own texts through ``store.progress``). What
  exists only for them goes: LINE links, roles, assignments, link codes, drafts, evidence no saved
  report holds (and its file), their raw webhook bodies, messages not yet sent to them. A second run
  finds nothing left to do.
* Retention, applied daily by the clock: raw webhook bodies of handled events, drafts nobody touched,
  and files never attached to a report are kept for a number of days.

Everything runs in the caller's transaction; the caller commits.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from store import progress
from store.models import (
    Assignment,
    Draft,
    Evidence,
    InboxEvent,
    IndicatorRecord,
    ItemMark,
    LineIdentity,
    LinkCode,
    OutboxMessage,
    Person,
    PlanRecord,
    PlanVersion,
    ReportChange,
    RoleGrant,
    Unit,
)
from store.personal_data_texts import ERASED_PERSON

ERASED_LINE_ID = "forgotten:{person_id}"  # where a forgotten person's LINE id was (never shown to anyone)
ERASED_NOTE = "erased: the sender's personal data was forgotten"  # an event of theirs nobody handled yet
# Shorter strings are not replaced: "สม" or "Nok" would be cut out of other people's words.
MIN_NEEDLE = 4
PHONE_DIGITS = 9  # a Thai phone number has 9 (landline) or 10 (mobile) digits; "1555" is a hotline
_INBOX: sa.Table = InboxEvent.__table__  # type: ignore[attr-defined]
_PERSON: sa.Table = Person.__table__  # type: ignore[attr-defined]
_PLAN_TABLES: tuple[sa.Table, ...] = (PlanRecord.__table__, PlanVersion.__table__)  # type: ignore[attr-defined]
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class Retention:
    """How many days the bot keeps what it needs only for a while (RETENTION_INBOX_DAYS, RETENTION_DRAFTS_DAYS)."""

    inbox_days: int = 30
    drafts_days: int = 30


@dataclass(frozen=True)
class Forgotten:
    """What one ``forget`` did (all zero the second time)."""

    person_id: int
    profile: int = 0  # 1 when the person row's name, phone or position was still there
    line_ids: int = 0
    roles: int = 0
    assignments: int = 0
    link_codes: int = 0
    drafts: int = 0
    evidence: int = 0
    files: int = 0
    inbox_bodies: int = 0
    unsent_messages: int = 0
    rows_rewritten: int = 0
    reports_rewritten: int = 0

    def counts(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "person_id"}


@dataclass(frozen=True)
class Swept:
    """What a drafts retention run deleted."""

    drafts: int = 0
    evidence: int = 0
    files: int = 0


# --- a copy --------------------------------------------------------------------------------------


def export(session: Session, person: Person, now: datetime) -> dict[str, Any]:
    """Everything held about ``person``: profile, LINE accounts, roles, assignments, the reports they
    sent, drafts, evidence files, item marks, the changes they made, and raw webhook bodies still kept."""
    pid = person.id or 0
    unit_names = {u.id: u.name for u in session.exec(select(Unit)).all()}
    identities = session.exec(select(LineIdentity).where(LineIdentity.person_id == pid)).all()
    line_ids = [i.line_user_id for i in identities]
    indicators = session.exec(
        select(Assignment, IndicatorRecord, PlanRecord)
        .join(IndicatorRecord, col(Assignment.indicator_id) == col(IndicatorRecord.id))
        .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
        .where(Assignment.person_id == pid)
    ).all()
    data = {
        "exported_at": now,
        "person": {
            "id": pid,
            "name": person.name,
            "position": person.position,
            "phone": person.phone,
            "unit": unit_names.get(person.unit_id),
            "active": person.active,
            "on_leave_until": person.on_leave_until,
            "acting_for_id": person.acting_for_id,
        },
        "line_accounts": [
            {
                "line_user_id": i.line_user_id,
                "display_name": i.display_name,
                "linked_at": i.linked_at,
                "following": i.following,
            }
            for i in identities
        ],
        "roles": [
            {"role": g.role, "unit": unit_names.get(g.unit_id), "granted_at": g.granted_at}
            for g in session.exec(select(RoleGrant).where(RoleGrant.person_id == pid)).all()
        ],
        "assignments": [
            {"plan": p.key, "fiscal_year": p.fiscal_year, "code": i.code, "indicator": i.name} for _, i, p in indicators
        ],
        "reports": progress.reports_by(session=session, person_id=pid),
        "drafts": _rows(session.exec(select(Draft).where(Draft.person_id == pid).order_by(col(Draft.id))).all()),
        "evidence": [
            {
                "id": e.id,
                "kind": e.kind,
                "filename": e.filename,
                "content_type": e.content_type,
                "size": e.size,
                "reference": e.reference,
                "report_id": e.report_id,
                "created_at": e.created_at,
            }
            for e in session.exec(select(Evidence).where(Evidence.person_id == pid).order_by(col(Evidence.id))).all()
        ],
        "item_marks": _rows(
            session.exec(select(ItemMark).where(ItemMark.marked_by == pid).order_by(col(ItemMark.id))).all()
        ),
        "changes_made": _rows(
            session.exec(
                select(ReportChange).where(ReportChange.changed_by == pid).order_by(col(ReportChange.id))
            ).all()
        ),
        "webhook_events": [
            {"received_at": row.received_at, "body": row.body} for row in _own_events(session, line_ids)
        ],
    }
    return plain(data)


def _rows(rows: Iterable[SQLModel]) -> list[dict[str, Any]]:
    return [row.model_dump() for row in rows]


def plain(value: Any) -> Any:
    """``value`` as JSON can hold it: dates in ISO form, enums by value, report copies as objects."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return plain(asdict(value))
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def to_json(data: Any) -> str:
    """UTF-8 JSON a Thai reader can read as it is (no ``\\u0e2a`` escapes)."""
    return json.dumps(plain(data), ensure_ascii=False, indent=2) + "\n"


# --- erasure -------------------------------------------------------------------------------------


def erased_name(person_id: int) -> str:
    return ERASED_PERSON.format(person_id=person_id)


def forget(session: Session, person: Person, now: datetime) -> Forgotten:
    """Erase ``person`` as far as the agency's records allow (see the module's docstring)."""
    pid = person.id or 0
    identities = session.exec(select(LineIdentity).where(LineIdentity.person_id == pid)).all()
    line_ids = sorted({i.line_user_id for i in identities})
    replacements = _replacements(person, identities)

    inbox_bodies = _erase_own_events(session, line_ids, now)
    unsent = _delete(
        session,
        sa.delete(OutboxMessage).where(
            col(OutboxMessage.recipient).in_(line_ids), col(OutboxMessage.sent_at).is_(None)
        ),
    )
    own_drafts = list(session.exec(select(Draft.id).where(Draft.person_id == pid)).all())
    unattached = session.exec(
        select(Evidence).where(
            Evidence.person_id == pid, col(Evidence.report_id).is_(None), col(Evidence.item_mark_id).is_(None)
        )
    ).all()
    paths = _delete_evidence(session, unattached)
    drafts = _delete_drafts(session, own_drafts)
    counts = {
        "line_ids": _delete(session, sa.delete(LineIdentity).where(col(LineIdentity.person_id) == pid)),
        "roles": _delete(session, sa.delete(RoleGrant).where(col(RoleGrant.person_id) == pid)),
        "assignments": _delete(session, sa.delete(Assignment).where(col(Assignment.person_id) == pid)),
        "link_codes": _delete(session, sa.delete(LinkCode).where(col(LinkCode.person_id) == pid)),
    }
    profile = int((person.name, person.phone, person.position) != (erased_name(pid), None, None))
    person.name, person.phone, person.position = erased_name(pid), None, None
    person.active, person.on_leave_until, person.acting_for_id = False, None, None
    session.add(person)
    session.flush()

    rewritten = sum(
        _rewrite(session, table, replacements)
        for table in SQLModel.metadata.sorted_tables
        # namesakes keep their names; plans are the agency's documents, loaded from files and cached by
        # their content hash, so they are not rewritten (a plan names units and indicators, not people)
        if not progress.owns(table) and table is not _PERSON and table not in _PLAN_TABLES
    )
    reports = progress.anonymise(
        session, replacements=replacements, by=None, now=now, source=f"privacy:forget:person:{pid}"
    )
    return Forgotten(
        person_id=pid,
        profile=profile,
        drafts=drafts,
        evidence=len(unattached),
        files=_remove_files(session, paths),
        inbox_bodies=inbox_bodies,
        unsent_messages=unsent,
        rows_rewritten=rewritten,
        reports_rewritten=reports,
        **counts,
    )


def _replacements(person: Person, identities: Sequence[LineIdentity]) -> dict[str, str]:
    """What to look for (name, phone, LINE display names and ids) and what goes in its place."""
    pid = person.id or 0
    placeholder = erased_name(pid)
    human = [person.name, re.sub(r"\s+", "", person.name), *(i.display_name or "" for i in identities)]
    digits = _NOT_DIGIT.sub("", person.phone or "")
    if len(digits) >= PHONE_DIGITS:
        human += [person.phone or "", digits]
    out = {text: placeholder for text in human if len(text) >= MIN_NEEDLE and placeholder not in text}
    out |= {i.line_user_id: ERASED_LINE_ID.format(person_id=pid) for i in identities}
    return out


def _own_events(session: Session, line_ids: Sequence[str]) -> list[InboxEvent]:
    """Webhook events a person sent: in their 1:1 chat, or from them in a group."""
    if not line_ids:
        return []
    mentioned = sa.or_(*(sa.cast(_INBOX.c.body, sa.Text).contains(i, autoescape=True) for i in line_ids))
    rows = session.exec(
        select(InboxEvent).where(sa.or_(col(InboxEvent.chat_id).in_(line_ids), mentioned)).order_by(col(InboxEvent.id))
    ).all()
    return [r for r in rows if r.chat_id in line_ids or _sender(r.body) in line_ids]


def _sender(body: dict[str, Any]) -> str | None:
    source = body.get("source") if isinstance(body, dict) else None
    return source.get("userId") if isinstance(source, dict) else None


def _erase_own_events(session: Session, line_ids: Sequence[str], now: datetime) -> int:
    """Their raw webhook bodies go; one nobody handled yet is marked handled (there is nobody to answer),
    and a dead letter of theirs is discarded (there is nothing left to retry)."""
    erased = 0
    for row in _own_events(session, line_ids):
        if row.body:
            erased += 1
        row.body = {}
        if row.processed_at is None:
            row.processed_at, row.next_attempt_at, row.last_error = now, None, ERASED_NOTE
        if row.dead_at is not None and row.discarded_at is None:
            row.discarded_at = now
        session.add(row)
    session.flush()
    return erased


def _delete(session: Session, statement: sa.Delete) -> int:
    return int(getattr(session.execute(statement), "rowcount", 0) or 0)


def _delete_evidence(session: Session, rows: Sequence[Evidence]) -> list[str]:
    """Delete evidence rows; returns their files, to remove once no other row points at them."""
    paths = [r.path for r in rows if r.path]
    for row in rows:
        session.delete(row)
    session.flush()
    return paths


def _delete_drafts(session: Session, draft_ids: Sequence[int | None]) -> int:
    """Delete drafts; evidence a saved report holds stays with the report, no longer with the draft."""
    ids = [i for i in draft_ids if i is not None]
    if not ids:
        return 0
    session.execute(sa.update(Evidence).where(col(Evidence.draft_id).in_(ids)).values(draft_id=None))
    return _delete(session, sa.delete(Draft).where(col(Draft.id).in_(ids)))


def _remove_files(session: Session, paths: Iterable[str]) -> int:
    """Remove evidence files no remaining row points at (the same photo sent twice is one file).

    Done inside the transaction: should the commit fail, the rows stay and point at no file, and the
    next run (erasure or retention) deletes them; the other order could leave files nobody knows of.
    """
    removed = 0
    wanted = sorted(set(paths))
    kept = set(session.exec(select(Evidence.path).where(col(Evidence.path).in_(wanted))).all()) if wanted else set()
    for path in wanted:
        if path in kept:
            continue
        try:
            Path(path).unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def _text_columns(table: sa.Table) -> list[sa.Column[Any]]:
    """Columns that hold text or JSON (SQLModel's strings are a decorated ``String``)."""

    def stored(type_: sa.types.TypeEngine[Any]) -> sa.types.TypeEngine[Any]:
        return stored(type_.impl_instance) if isinstance(type_, sa.types.TypeDecorator) else type_

    return [c for c in table.columns if isinstance(stored(c.type), sa.String | sa.JSON) and not c.primary_key]


def _rewrite(session: Session, table: sa.Table, replacements: Mapping[str, str]) -> int:
    """Replace every occurrence of the keys of ``replacements`` in the text and JSON columns of
    ``table``; returns the rows changed. The database finds the candidate rows (JSON is searched as
    stored, with ``\\u`` escapes, and as written); Python replaces, so JSON stays JSON."""
    columns = _text_columns(table)
    if not replacements or not columns:
        return 0
    keys = list(table.primary_key.columns)
    olds = sorted(replacements, key=len, reverse=True)

    def mentions(column: sa.Column[Any]) -> list[sa.ColumnElement[bool]]:
        if isinstance(column.type, sa.JSON):
            forms = {f for old in olds for f in (old, json.dumps(old)[1:-1])}
            return [sa.cast(column, sa.Text).contains(f, autoescape=True) for f in forms]
        return [column.contains(old, autoescape=True) for old in olds]

    def replace(value: Any) -> Any:
        if isinstance(value, str):
            for old in olds:
                value = value.replace(old, replacements[old])
            return value
        if isinstance(value, dict):
            return {replace(k): replace(v) for k, v in value.items()}
        if isinstance(value, list):
            return [replace(v) for v in value]
        return value

    found = session.execute(sa.select(*keys, *columns).where(sa.or_(*(m for c in columns for m in mentions(c))))).all()
    changed = 0
    for row in found:
        key, values = row[: len(keys)], row[len(keys) :]
        new = {}
        for column, value in zip(columns, values, strict=True):
            if (cleaned := replace(value)) != value:
                new[column.name] = cleaned
        if new:
            session.execute(sa.update(table).where(*(k == v for k, v in zip(keys, key, strict=True))).values(**new))
            changed += 1
    return changed


def audit_line(path: Path, *, action: str, person_id: int, by: str, at: datetime, counts: Mapping[str, int]) -> str:
    """Append one line to the audit log: who did what to which person id, when; never a name.

    The file is created readable by its owner only.
    """
    line = json.dumps(
        {"at": at.isoformat(), "action": action, "person_id": person_id, "by": by, "counts": dict(counts)},
        ensure_ascii=False,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as out:
        out.write(line + "\n")
    return line


# --- retention -----------------------------------------------------------------------------------


def clear_old_inbox_bodies(session: Session, *, now: datetime, days: int) -> int:
    """Empty the raw bodies of handled webhook events received more than ``days`` ago; returns how many.

    The row stays, so its unique event id still recognises a late redelivery. Its chat (a LINE user id,
    for a 1:1 chat) goes with the body: only events still waiting are ordered by chat. A dead letter
    nobody retried in that time is discarded, as ``tidtam inbox discard`` would: with no body there is
    nothing left to retry.
    """
    old = sa.and_(_INBOX.c.processed_at.is_not(None), _INBOX.c.received_at < now - timedelta(days=days))
    session.execute(
        sa.update(_INBOX)
        .where(old, _INBOX.c.dead_at.is_not(None), _INBOX.c.discarded_at.is_(None))
        .values(discarded_at=now)
    )
    kept = sa.or_(sa.cast(_INBOX.c.body, sa.Text) != "{}", _INBOX.c.chat_id != "-")
    result = session.execute(sa.update(_INBOX).where(old, kept).values(body={}, chat_id="-"))
    return int(getattr(result, "rowcount", 0) or 0)


def delete_stale_drafts(session: Session, *, now: datetime, days: int) -> Swept:
    """Delete drafts nobody touched for ``days``, and photos and files no saved report or item holds that
    are as old (a draft's, or sent before a report that never came), with their files."""
    cutoff = now - timedelta(days=days)
    touched = sa.func.coalesce(col(Draft.updated_at), col(Draft.created_at))
    stale = list(session.exec(select(Draft.id).where(touched < cutoff)).all())
    unattached = sa.and_(col(Evidence.report_id).is_(None), col(Evidence.item_mark_id).is_(None))
    of_stale = col(Evidence.draft_id).in_([i for i in stale if i is not None])
    loose = sa.and_(col(Evidence.draft_id).is_(None), col(Evidence.created_at) < cutoff)
    orphans = session.exec(select(Evidence).where(unattached, sa.or_(of_stale, loose))).all()
    paths = _delete_evidence(session, orphans)
    drafts = _delete_drafts(session, stale)
    return Swept(drafts=drafts, evidence=len(orphans), files=_remove_files(session, paths))
