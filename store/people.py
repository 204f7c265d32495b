"""Who may do what: roles are granted per unit, and every check reads the grants, never the user id."""

from __future__ import annotations

from sqlmodel import Session, col, select

from store.models import IndicatorRecord, Person, PlanRecord, Role, RoleGrant, Unit, UnitAlias


def roles_of(session: Session, person_id: int) -> list[RoleGrant]:
    return list(session.exec(select(RoleGrant).where(RoleGrant.person_id == person_id)))


def has_role(session: Session, person_id: int, role: Role, unit_id: int | None = None) -> bool:
    """True if granted ``role`` for ``unit_id`` (or for every unit, a grant without a unit)."""
    for grant in roles_of(session, person_id):
        if grant.role == role and (grant.unit_id is None or unit_id is None or grant.unit_id == unit_id):
            return True
    return False


def unit_chain(session: Session, unit_id: int) -> list[int]:
    """A unit and its parents, nearest first (a กลุ่มงาน reports under its ส่วนราชการ's plan)."""
    chain: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in chain:
        chain.append(current)
        unit = session.get(Unit, current)
        current = unit.parent_id if unit else None
    return chain


def plan_for_unit(session: Session, unit_id: int, fiscal_year: int) -> PlanRecord | None:
    """The unit's plan for a fiscal year, else its newest plan (the demo plans are past years)."""
    for uid in unit_chain(session, unit_id):
        rows = session.exec(
            select(PlanRecord)
            .where(PlanRecord.unit_id == uid)
            .order_by(col(PlanRecord.fiscal_year).desc(), col(PlanRecord.version).desc())
        ).all()
        for row in rows:
            if row.fiscal_year == fiscal_year:
                return row
        if rows:
            return rows[0]
    return None


def reporting_unit(session: Session, person: Person) -> int | None:
    """The unit a person reports for: their own unit when they hold a reporter (or head) grant."""
    if person.unit_id is None:
        return None
    for role in (Role.reporter, Role.unit_head):
        if has_role(session, person.id or 0, role, person.unit_id):
            return person.unit_id
    return None


def learnt_aliases(session: Session, unit_id: int, plan_id: int) -> dict[str, list[str]]:
    """Phrases this unit's staff confirmed for the plan's indicators, by indicator code."""
    rows = session.exec(
        select(UnitAlias.phrase, IndicatorRecord.code)
        .join(IndicatorRecord, col(UnitAlias.indicator_id) == col(IndicatorRecord.id))
        .where(UnitAlias.unit_id == unit_id, IndicatorRecord.plan_id == plan_id)
    ).all()
    out: dict[str, list[str]] = {}
    for phrase, code in rows:
        out.setdefault(code, []).append(phrase)
    return out
