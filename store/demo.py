"""Demo units and people for the sample plans, so a newcomer (and the tests) can chat at once.

Idempotent: loading twice adds nothing. Names are fictional.

The sample plans are of past years (FY2567 and before), and the tests read them there. A newcomer
starting the service wants this year instead: ``load_demo(..., as_of=now)`` also loads the newest
sample plan of each unit re-dated to the fiscal year of ``as_of`` (``scoring.plan_years``: the files
on disk stay as they are) and the reports its people would have sent by then (``store.demo_reports``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from scoring.fiscal import FiscalPeriod
from scoring.plan import Plan
from scoring.plan_years import rollover
from store.demo_reports import add_sample_reports
from store.identities import bind
from store.models import Assignment, ChatGroup, IndicatorRecord, Person, PlanRecord, Role, RoleGrant, Unit
from store.plan_files import load_plan
from store.plans import import_plan, latest_plan

DEMO_PLANS = ("fy2567-governor-secretary", "fy2565-council-secretariat", "fy2563-council-secretariat")


@dataclass(frozen=True)
class DemoPerson:
    key: str
    name: str
    unit: str
    roles: tuple[tuple[Role, str | None], ...]  # (role, unit name or None for every unit)
    position: str = ""


GOV = "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร"
COUNCIL = "สำนักงานเลขานุการสภากรุงเทพมหานคร"
PLANNING = "กลุ่มงานแผนงานและประเมินผล"

PEOPLE = (
    DemoPerson("somsri", "สมศรี ใจดี", GOV, ((Role.reporter, GOV),), "นักวิเคราะห์นโยบายและแผน"),
    DemoPerson("wichai", "วิชัย รักงาน", GOV, ((Role.reporter, GOV),), "เจ้าพนักงานธุรการ"),
    DemoPerson("pranee", "ปราณี สุขสม", GOV, ((Role.unit_head, GOV),), "เลขานุการผู้ว่าราชการกรุงเทพมหานคร"),
    DemoPerson("anan", "อนันต์ มั่นคง", COUNCIL, ((Role.reporter, COUNCIL),), "นักจัดการงานทั่วไป"),
    DemoPerson("kanya", "กันยา ตั้งใจ", COUNCIL, ((Role.unit_head, COUNCIL),), "เลขานุการสภากรุงเทพมหานคร"),
    DemoPerson("manager", "ธนพล บริหารดี", GOV, ((Role.manager, GOV), (Role.manager, COUNCIL)), "รองปลัดกรุงเทพมหานคร"),
    DemoPerson("committee", "มาลี ติดตามผล", PLANNING, ((Role.committee, None),), "กรรมการติดตามประเมินผล"),
    DemoPerson("admin", "ผู้ดูแลระบบ", PLANNING, ((Role.admin, None),), "นักวิเคราะห์นโยบายและแผน"),
)


def demo_line_id(key: str, prefix: str = "U") -> str:
    """A stable, realistic LINE id for a demo persona (the console and tests chat as them)."""
    return prefix + hashlib.sha256(f"tidtam-demo:{key}".encode()).hexdigest()[:32]


COMMITTEE_GROUP = demo_line_id("committee-group", "C")
COMMITTEE_GROUP_NAME = "คกก.ติดตามประเมินผล"


def _unit(session: Session, name: str) -> Unit:
    unit = session.exec(select(Unit).where(Unit.name == name)).first()
    if unit is None:
        unit = Unit(name=name)
        session.add(unit)
        session.flush()
    return unit


# Who reports which indicator of which plan (everyone else in the unit is not nudged for it).
ASSIGNMENTS = {
    "somsri": ("fy2567-governor-secretary", ("1", "2", "3")),
    "wichai": ("fy2567-governor-secretary", ("4", "5", "6")),
    "anan": ("fy2565-council-secretariat", ("K1", "K2", "K3", "4", "5.1", "5.2")),
}


def _assign(session: Session, person: Person, plan_key: str, codes: tuple[str, ...]) -> None:
    plan = session.exec(select(PlanRecord).where(PlanRecord.key == plan_key)).first()
    if plan is None:
        return
    for indicator in session.exec(
        select(IndicatorRecord).where(IndicatorRecord.plan_id == plan.id, col(IndicatorRecord.code).in_(codes))
    ).all():
        exists = session.exec(
            select(Assignment).where(Assignment.person_id == person.id, Assignment.indicator_id == indicator.id)
        ).first()
        if exists is None:
            session.add(Assignment(person_id=person.id or 0, indicator_id=indicator.id or 0))


def _current_plans(plans: list[Plan], fiscal_year: int, plans_dir: Path) -> dict[str, Plan]:
    """The newest sample plan of each unit re-dated to ``fiscal_year``, by the key of the plan it came
    from; a file of that year already under ``plans_dir`` (``tidtam plans rollover``) is used as it is,
    so the service does not load two contents under one id in turn."""
    newest: dict[str, Plan] = {}
    for plan in plans:
        if plan.unit not in newest or plan.fiscal_year > newest[plan.unit].fiscal_year:
            newest[plan.unit] = plan
    current: dict[str, Plan] = {}
    for plan in newest.values():
        rolled = rollover(plan, fiscal_year)
        written = plans_dir / f"{rolled.id}.yaml"
        current[plan.id] = load_plan(written) if written.exists() else rolled
    return current


def load_demo(session: Session, plans_dir: Path, now: datetime, *, as_of: datetime | None = None) -> dict[str, Person]:
    """Import the sample plans and create the demo people with their grants; returns people by key.

    With ``as_of`` (an aware moment), the demo runs in that moment's fiscal year: the newest sample
    plan of each unit is loaded re-dated to it, with its assignments and sample reports up to ``as_of``.
    """
    samples = [load_plan(plans_dir / f"{key}.yaml") for key in DEMO_PLANS]
    for plan in samples:
        import_plan(session, plan, now=now)
    current: dict[str, Plan] = {}
    if as_of is not None:
        current = _current_plans(samples, FiscalPeriod.of_moment(as_of).fiscal_year, plans_dir)
        for plan in current.values():
            import_plan(session, plan, now=now)
    people: dict[str, Person] = {}
    for demo in PEOPLE:
        unit = _unit(session, demo.unit)
        person = session.exec(select(Person).where(Person.name == demo.name)).first()
        if person is None:
            person = Person(name=demo.name, unit_id=unit.id, position=demo.position)
            session.add(person)
            session.flush()
        for role, unit_name in demo.roles:
            scope = _unit(session, unit_name).id if unit_name else None
            exists = session.exec(
                select(RoleGrant).where(
                    RoleGrant.person_id == person.id, RoleGrant.role == role, RoleGrant.unit_id == scope
                )
            ).first()
            if exists is None:
                session.add(RoleGrant(person_id=person.id or 0, role=role, unit_id=scope, granted_at=now))
        people[demo.key] = person
        bind(session, person, demo_line_id(demo.key), now)
        if demo.key in ASSIGNMENTS:
            source_key, codes = ASSIGNMENTS[demo.key]
            _assign(session, person, source_key, codes)
            if source_key in current:
                _assign(session, person, current[source_key].id, codes)
    group = session.exec(select(ChatGroup).where(ChatGroup.group_id == COMMITTEE_GROUP)).first()
    if group is None:
        session.add(
            ChatGroup(
                group_id=COMMITTEE_GROUP,
                kind="committee",
                name=COMMITTEE_GROUP_NAME,
                members=4,
                bound_by=people["admin"].id,
                bound_at=now,
            )
        )
    session.flush()
    if as_of is not None:
        records = {source: latest_plan(session, plan.id) for source, plan in current.items()}
        add_sample_reports(
            session, records={k: r for k, r in records.items() if r is not None}, people=people, as_of=as_of
        )
    return people
