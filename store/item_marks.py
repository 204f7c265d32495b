"""Items done by chat: the one place that writes and reads ``item_mark``.

An item (a ladder milestone, a condition, a checklist item, a project step) is done over the year,
not in one period's number, so its marks live apart from the reports: each mark says who marked
which item done or not done, when, for which period, and from which message. Marks are only added,
so they are the item's audit trail as well as its history; the item's state is its newest live mark
(an unsent message withdraws the marks it made). ``store.progress`` folds the states into every
result it reads, so a card, a summary and an export score the same items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from scoring.fiscal import FiscalPeriod
from store.models import Evidence, IndicatorRecord, ItemMark, PlanRecord


@dataclass(frozen=True)
class ItemState:
    """An item's state: its newest live mark."""

    item: str
    done: bool
    at: datetime
    by: int
    mark_id: int
    period: str
    quarter: int


@dataclass(frozen=True)
class Marked:
    """A mark written: the item, its new state, and whether it was done before."""

    code: str
    item: str
    done: bool
    was_done: bool
    mark_id: int


def _state(row: ItemMark) -> ItemState:
    assert row.id is not None and row.marked_at is not None
    return ItemState(row.item, row.done, row.marked_at, row.marked_by, row.id, row.period, row.quarter)


def states_of(
    session: Session, *, indicator_id: int, fiscal_year: int, as_of: int | None = None
) -> dict[str, ItemState]:
    """Each item's newest live mark for one indicator row (up to quarter ``as_of``)."""
    query = select(ItemMark).where(
        ItemMark.indicator_id == indicator_id, ItemMark.fiscal_year == fiscal_year, col(ItemMark.withdrawn_at).is_(None)
    )
    if as_of is not None:
        query = query.where(col(ItemMark.quarter) <= as_of)
    out: dict[str, ItemState] = {}
    for row in session.exec(query.order_by(col(ItemMark.marked_at), col(ItemMark.id))).all():
        out[row.item] = _state(row)
    return out


def plan_states(
    session: Session, *, plans: Sequence[PlanRecord], as_of: int | None = None
) -> dict[int, dict[str, dict[str, ItemState]]]:
    """Item states of several plans in one query: plan id → indicator code → item → state.

    Marks made against an earlier version of a plan count, matched by indicator code, as reports do.
    """
    if not plans:
        return {}
    query = (
        select(ItemMark, IndicatorRecord.code, PlanRecord.key, PlanRecord.fiscal_year)
        .join(IndicatorRecord, col(ItemMark.indicator_id) == col(IndicatorRecord.id))
        .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
        .where(
            col(PlanRecord.key).in_(sorted({p.key for p in plans})),
            col(PlanRecord.fiscal_year).in_(sorted({p.fiscal_year for p in plans})),
            col(ItemMark.withdrawn_at).is_(None),
            col(ItemMark.fiscal_year) == col(PlanRecord.fiscal_year),
        )
        .order_by(col(ItemMark.marked_at), col(ItemMark.id))
    )
    if as_of is not None:
        query = query.where(col(ItemMark.quarter) <= as_of)
    by_key: dict[tuple[str, int], dict[str, dict[str, ItemState]]] = {}
    for row, code, key, year in session.exec(query).all():
        by_key.setdefault((key, year), {}).setdefault(code, {})[row.item] = _state(row)
    return {p.id or 0: by_key.get((p.key, p.fiscal_year), {}) for p in plans}


def done_items(states: dict[str, ItemState] | None) -> frozenset[str]:
    return frozenset(i for i, s in (states or {}).items() if s.done)


def undone_items(states: dict[str, ItemState] | None) -> frozenset[str]:
    return frozenset(i for i, s in (states or {}).items() if not s.done)


def mark(
    session: Session,
    *,
    indicator: IndicatorRecord,
    items: Iterable[str],
    done: bool,
    period: FiscalPeriod,
    by: int,
    now: datetime,
    source: str,
    source_message_id: str | None = None,
    report_id: int | None = None,
) -> list[Marked]:
    """Mark items done (or not done); an item already in that state gets no new mark."""
    assert indicator.id is not None
    current = states_of(session, indicator_id=indicator.id, fiscal_year=period.fiscal_year)
    out: list[Marked] = []
    for item in dict.fromkeys(items):
        before = current.get(item)
        was_done = before is not None and before.done
        if before is not None and before.done == done:
            continue
        if before is None and not done:
            continue  # "not done" of an item never marked is how it already stands
        row = ItemMark(
            indicator_id=indicator.id,
            item=item,
            done=done,
            fiscal_year=period.fiscal_year,
            quarter=period.quarter,
            month=period.month,
            period=period.label,
            report_id=report_id,
            marked_by=by,
            marked_at=now,
            source=source,
            source_message_id=source_message_id,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        out.append(Marked(indicator.code, item, done, was_done, row.id))
    return out


def withdraw_message(session: Session, *, by: int, source_message_id: str, now: datetime) -> int:
    """An unsent message takes back the marks it made; the item returns to its state before them."""
    rows = session.exec(
        select(ItemMark).where(
            ItemMark.source_message_id == source_message_id,
            ItemMark.marked_by == by,
            col(ItemMark.withdrawn_at).is_(None),
        )
    ).all()
    for row in rows:
        row.withdrawn_at = now
        session.add(row)
    session.flush()
    return len(rows)


@dataclass(frozen=True)
class MarkLine:
    """One mark as the audit trail shows it."""

    code: str
    item: str
    done: bool
    period: str
    by: int
    at: datetime
    source: str | None
    withdrawn: bool


def log(session: Session, *, plan: PlanRecord, code: str | None = None) -> list[MarkLine]:
    """Every mark of a plan's fiscal year, withdrawn ones too, oldest first: the items' audit trail."""
    query = (
        select(ItemMark, IndicatorRecord.code)
        .join(IndicatorRecord, col(ItemMark.indicator_id) == col(IndicatorRecord.id))
        .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
        .where(PlanRecord.key == plan.key, PlanRecord.fiscal_year == plan.fiscal_year)
        .order_by(col(ItemMark.marked_at), col(ItemMark.id))
    )
    if code is not None:
        query = query.where(IndicatorRecord.code == code)
    return [
        MarkLine(c, r.item, r.done, r.period, r.marked_by, r.marked_at, r.source, r.withdrawn_at is not None)  # type: ignore[arg-type]
        for r, c in session.exec(query).all()
    ]


def evidence_counts(session: Session, mark_ids: Iterable[int]) -> dict[int, int]:
    """How many files or references are attached to each mark."""
    ids = sorted(set(mark_ids))
    if not ids:
        return {}
    query = (
        sa.select(Evidence.item_mark_id, sa.func.count())  # type: ignore[call-overload]
        .where(col(Evidence.item_mark_id).in_(ids))
        .group_by(Evidence.item_mark_id)
    )
    return {mid: n for mid, n in session.execute(query)}


def last_done_mark(session: Session, *, person_id: int, since: datetime) -> ItemMark | None:
    """The item a person marked done last, since ``since``: a photo sent right after is its evidence."""
    return session.exec(
        select(ItemMark)
        .where(
            ItemMark.marked_by == person_id,
            ItemMark.done == True,  # noqa: E712  (SQL, not Python truth)
            col(ItemMark.withdrawn_at).is_(None),
            col(ItemMark.marked_at) >= since,
        )
        .order_by(col(ItemMark.marked_at).desc(), col(ItemMark.id).desc())
    ).first()


def done_between(
    session: Session, *, plans: Sequence[PlanRecord], start: datetime, end: datetime
) -> dict[int, list[tuple[str, str, datetime]]]:
    """Items marked done in a time window that are still done: plan id → (code, item, when)."""
    states = plan_states(session, plans=plans)
    out: dict[int, list[tuple[str, str, datetime]]] = {}
    for plan_id, codes in states.items():
        for code, items in codes.items():
            for item, state in items.items():
                if state.done and start <= state.at < end:
                    out.setdefault(plan_id, []).append((code, item, state.at))
    for rows in out.values():
        rows.sort(key=lambda r: r[2])
    return out
