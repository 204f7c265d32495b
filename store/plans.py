"""Plans in the database: import from validated plan files, idempotently, as versions, and read them back.

A plan changes during its year: an appeal (อุทธรณ์, twice a year) may change targets, rubrics,
weights, add or drop an indicator or move it to another group. Loading the changed file again makes
a new version of the plan, effective from a day (``effective``; by default today, kept inside the
plan's fiscal year). The plan row is updated in place to the newest version and its indicator rows
stay the same rows, matched by code, so the reports, item marks, assignments and learnt aliases that
point at them stay with the indicators whose codes persist; each version's content, the day it took
effect and what it changed are kept in ``plan_version``.

Scoring uses the newest version for every period: an approved appeal revises the agreement for the
whole year, and the year is assessed against it, so the cards, summaries, reminders and exports all
read the plan row's content; a report sent under the earlier version counts on the same indicator.
The earlier versions are the record of what the plan said before, not a second way to score.

An indicator that leaves the plan is deleted with its assignments when nothing was reported or
marked for it; one with reports or marks may not leave (its history would lose its indicator): an
appeal that cancels it keeps it in the file without a weight. A file that declares a ``version``
above the stored one is loaded as a plan row of its own, as before versions were counted here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlmodel import Session, col, select

from scoring.fiscal import bangkok_date, fiscal_year_bounds
from scoring.plan import Group, Indicator, Plan
from store import item_marks, progress
from store.models import Assignment, IndicatorRecord, PlanRecord, PlanVersion, Unit, UnitAlias, utcnow


class PlanImportError(Exception):
    """Importing would lose data or contradict the plan's history; nothing was changed."""


class IndicatorsWithHistory(PlanImportError):
    """Indicators with reports or item marks are missing from the new version of the plan."""

    def __init__(self, key: str, codes: tuple[str, ...]) -> None:
        self.key, self.codes = key, codes
        which = f"indicator {codes[0]} has" if len(codes) == 1 else f"indicators {', '.join(codes)} have"
        super().__init__(
            f"{key}: {which} progress reports or marked items but is no longer in the plan file; "
            "keep it in the file (without a weight if the appeal cancelled it)"
        )


class EffectiveDateRefused(PlanImportError):
    """The day a new version would take effect is outside the plan's year or before its last version."""

    def __init__(self, key: str, effective: date, earliest: date, latest: date) -> None:
        self.key, self.effective, self.earliest, self.latest = key, effective, earliest, latest
        super().__init__(f"{key}: a new version can take effect from {earliest} to {latest}, not {effective}")


@dataclass(frozen=True)
class Moved:
    """An indicator whose group changed between versions (group paths such as ``1/1.2``)."""

    code: str
    old_group: str
    new_group: str


@dataclass(frozen=True)
class ImportOutcome:
    key: str
    version: int
    action: Literal["created", "updated", "unchanged"]
    indicators: int
    effective_from: date | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    moved: tuple[Moved, ...] = ()
    changed: tuple[str, ...] = ()  # kept their group, but their name, target, rubric or weight changed


def content_hash(plan: Plan) -> str:
    canonical = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def ensure_unit(session: Session, name: str, *, aliases: tuple[str, ...] = (), parent_id: int | None = None) -> Unit:
    unit = session.exec(select(Unit).where(Unit.name == name)).first()
    if unit is None:
        unit = Unit(name=name, aliases=list(aliases), parent_id=parent_id)
        session.add(unit)
        session.flush()
    elif aliases and set(aliases) - set(unit.aliases):
        unit.aliases = sorted(set(unit.aliases) | set(aliases))
        session.add(unit)
    return unit


def _indicator_paths(plan: Plan) -> dict[str, tuple[Indicator, str]]:
    out: dict[str, tuple[Indicator, str]] = {}

    def walk(group: Group, prefix: str) -> None:
        path = f"{prefix}/{group.code}" if prefix else group.code
        for ind in group.indicators:
            out[ind.code] = (ind, path)
        for sub in group.groups:
            walk(sub, path)

    for g in plan.groups:
        walk(g, "")
    return out


def _fiscal_day(plan: Plan, day: date) -> date:
    start, end = fiscal_year_bounds(plan.fiscal_year)
    return min(max(day, start), end)


def import_plan(
    session: Session, plan: Plan, *, now: datetime | None = None, effective: date | None = None
) -> ImportOutcome:
    """Create a plan, or make a changed one its next version effective from ``effective``; loading the
    same content again changes nothing. Raises ``PlanImportError`` (and changes nothing) when the new
    version would drop an indicator with history or take effect outside its year or before the last."""
    now = now or utcnow()
    current = latest_plan(session, plan.id)
    if current is None or plan.version > current.version:
        return _create(session, plan, now)
    if content_hash(plan.model_copy(update={"version": current.version})) == current.content_hash:
        return ImportOutcome(plan.id, current.version, "unchanged", sum(1 for _ in plan.indicators()))
    return _new_version(session, current, plan, now, effective)


def _set_unit(session: Session, record: PlanRecord, plan: Plan) -> None:
    unit = ensure_unit(session, plan.unit, aliases=plan.unit_aliases)
    assert unit.id is not None
    for sub in plan.units:
        ensure_unit(session, sub, parent_id=unit.id)
    record.unit_id = unit.id


def _store(session: Session, record: PlanRecord, plan: Plan, now: datetime) -> None:
    _set_unit(session, record, plan)
    record.version, record.fiscal_year, record.title = plan.version, plan.fiscal_year, plan.title
    record.content_hash, record.content, record.loaded_at = content_hash(plan), plan.model_dump(mode="json"), now
    session.add(record)
    session.flush()


def _version_row(record: PlanRecord, effective: date, changes: dict[str, object], now: datetime) -> PlanVersion:
    assert record.id is not None
    return PlanVersion(
        plan_id=record.id,
        version=record.version,
        effective_from=effective,
        content_hash=record.content_hash,
        content=record.content,
        changes=changes,
        loaded_at=now,
    )


def _create(session: Session, plan: Plan, now: datetime) -> ImportOutcome:
    """A plan's first version, effective for its whole fiscal year."""
    record = PlanRecord(key=plan.id, fiscal_year=plan.fiscal_year, unit_id=0, title=plan.title, content_hash="")
    _store(session, record, plan, now)
    assert record.id is not None
    paths = _indicator_paths(plan)
    for code, (ind, path) in paths.items():
        session.add(_indicator_row(IndicatorRecord(plan_id=record.id, code=code, name=ind.name), ind, path))
    start, _ = fiscal_year_bounds(plan.fiscal_year)
    session.add(_version_row(record, start, {}, now))
    session.flush()
    return ImportOutcome(plan.id, plan.version, "created", len(paths), start)


def _indicator_row(row: IndicatorRecord, ind: Indicator, path: str) -> IndicatorRecord:
    row.name, row.unit_of_measure, row.weight = ind.name, ind.unit, ind.weight
    row.group_path, row.aliases = path, list(ind.aliases)
    return row


def _versions(session: Session, record: PlanRecord, now: datetime) -> list[PlanVersion]:
    """The plan's versions, oldest first; a plan loaded before versions were kept gets its first."""
    rows = list(
        session.exec(select(PlanVersion).where(PlanVersion.plan_id == record.id).order_by(col(PlanVersion.version)))
    )
    if not rows:
        start, _ = fiscal_year_bounds(record.fiscal_year)
        rows = [_version_row(record, start, {}, record.loaded_at or now)]
        session.add(rows[0])
    return rows


def _has_history(session: Session, record: PlanRecord, row: IndicatorRecord) -> bool:
    return progress.has_reports(session=session, indicator_id=row.id or 0) or bool(
        item_marks.log(session, plan=record, code=row.code)
    )


def _new_version(
    session: Session, record: PlanRecord, loaded: Plan, now: datetime, effective: date | None
) -> ImportOutcome:
    versions = _versions(session, record, now)
    start, end = fiscal_year_bounds(loaded.fiscal_year)
    earliest = max(start, versions[-1].effective_from)
    day = effective if effective is not None else max(_fiscal_day(loaded, bangkok_date(now)), earliest)
    if not earliest <= day <= end:
        raise EffectiveDateRefused(loaded.id, day, earliest, end)
    old = plan_from_record(record)
    plan = loaded.model_copy(update={"version": record.version + 1})
    old_paths, paths = _indicator_paths(old), _indicator_paths(plan)
    rows = {r.code: r for r in session.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id))}
    removed = tuple(code for code in rows if code not in paths)
    kept_history = tuple(code for code in removed if _has_history(session, record, rows[code]))
    if kept_history:
        raise IndicatorsWithHistory(loaded.id, kept_history)
    added = tuple(code for code in paths if code not in rows)
    moved = tuple(
        Moved(code, rows[code].group_path, path)
        for code, (_, path) in paths.items()
        if code in rows
        if rows[code].group_path != path
    )
    changed = tuple(
        code
        for code, (ind, _) in paths.items()
        if code in old_paths and code not in {m.code for m in moved} and old_paths[code][0] != ind
    )
    _store(session, record, plan, now)
    assert record.id is not None
    for code, (ind, path) in paths.items():
        row = rows.get(code) or IndicatorRecord(plan_id=record.id, code=code, name=ind.name)
        session.add(_indicator_row(row, ind, path))
    for code in removed:
        _delete_indicator(session, rows[code])
    changes = {
        "added": list(added),
        "removed": list(removed),
        "moved": [{"code": m.code, "from": m.old_group, "to": m.new_group} for m in moved],
        "changed": list(changed),
    }
    session.add(_version_row(record, day, changes, now))
    session.flush()
    return ImportOutcome(plan.id, plan.version, "updated", len(paths), day, added, removed, moved, changed)


def _delete_indicator(session: Session, row: IndicatorRecord) -> None:
    """An indicator without history leaves with who was assigned to it and the phrases learnt for it."""
    for linked in (Assignment, UnitAlias):
        for dependant in session.exec(select(linked).where(linked.indicator_id == row.id)).all():
            session.delete(dependant)
    session.flush()
    session.delete(row)


def plan_from_record(record: PlanRecord) -> Plan:
    """The validated plan of a stored record; cached by content hash (validation is not free)."""
    return _plan_of(record.content_hash, record)


_PLANS: dict[str, Plan] = {}


def _plan_of(content_hash: str, record: PlanRecord) -> Plan:
    plan = _PLANS.get(content_hash)
    if plan is None:
        if len(_PLANS) > 256:
            _PLANS.clear()
        plan = Plan.model_validate(record.content)
        _PLANS[content_hash] = plan
    return plan


def latest_plan(session: Session, key: str) -> PlanRecord | None:
    return session.exec(
        select(PlanRecord).where(PlanRecord.key == key).order_by(PlanRecord.version.desc())  # type: ignore[attr-defined]
    ).first()
