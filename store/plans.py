"""Plans in the database: import from validated plan files, idempotently, and read them back."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlmodel import Session, select

from scoring.plan import Group, Indicator, Plan
from store import progress
from store.models import IndicatorRecord, PlanRecord, Unit, utcnow


class PlanImportError(Exception):
    """Importing would lose data (e.g. an indicator with reports disappeared from the file)."""


@dataclass(frozen=True)
class ImportOutcome:
    key: str
    version: int
    action: Literal["created", "updated", "unchanged"]
    indicators: int


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


def import_plan(session: Session, plan: Plan, *, now: datetime | None = None) -> ImportOutcome:
    """Create or update a plan and its indicators; loading the same file twice changes nothing."""
    now = now or utcnow()
    digest = content_hash(plan)
    record = session.exec(
        select(PlanRecord).where(PlanRecord.key == plan.id, PlanRecord.version == plan.version)
    ).first()
    indicators = _indicator_paths(plan)
    if record is not None and record.content_hash == digest:
        return ImportOutcome(plan.id, plan.version, "unchanged", len(indicators))

    unit = ensure_unit(session, plan.unit, aliases=plan.unit_aliases)
    assert unit.id is not None
    for sub in plan.units:
        ensure_unit(session, sub, parent_id=unit.id)

    action: Literal["created", "updated"] = "created" if record is None else "updated"
    if record is None:
        record = PlanRecord(
            key=plan.id,
            version=plan.version,
            fiscal_year=plan.fiscal_year,
            unit_id=unit.id,
            title=plan.title,
            content_hash=digest,
            content={},
            loaded_at=now,
        )
    record.fiscal_year, record.unit_id, record.title = plan.fiscal_year, unit.id, plan.title
    record.content_hash, record.content, record.loaded_at = digest, plan.model_dump(mode="json"), now
    session.add(record)
    session.flush()
    assert record.id is not None

    existing = {r.code: r for r in session.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id))}
    for code, (ind, path) in indicators.items():
        row = existing.pop(code, None) or IndicatorRecord(plan_id=record.id, code=code, name=ind.name)
        row.name, row.unit_of_measure, row.weight = ind.name, ind.unit, ind.weight
        row.group_path, row.aliases = path, list(ind.aliases)
        session.add(row)
    for code, row in existing.items():
        if progress.has_reports(session=session, indicator_id=row.id or 0):
            raise PlanImportError(
                f"{plan.id}: indicator {code} has progress reports but is no longer in the plan file; "
                "keep it in the file or raise the plan's version"
            )
        session.delete(row)
    session.flush()
    return ImportOutcome(plan.id, plan.version, action, len(indicators))


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
