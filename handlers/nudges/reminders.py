"""What the clock sends at a given moment: the nudge ladder, unit-head notes, committee summaries.

Items done by chat (milestones, conditions, checklist items, project steps) count in the results
here as everywhere (``progress.with_items``), and the committee's summary lists those finished in the
round: since the day after the previous monthly deadline, up to this one.

``plan_tick`` reads the store and the calendar and returns planned messages, each with a unique
outbox key (kind, recipient, deadline, step); ``enqueue`` writes the new ones. A tick run twice, a
second clock process, or a restart therefore sends nothing twice. Nothing here sends or sleeps.
Privacy: reminders go 1:1 to the reporter; names of late people go only to their unit head and to
the committee summary, never to a group before that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlmodel import Session, col, select

from handlers import texts as m
from handlers.nudges import texts as t
from handlers.parse.questions import item_label as step_label
from handlers.parse.questions import shown
from handlers.queries.cards import item_label, summary_card
from handlers.replies import Outgoing, QuickReply, outgoing_json
from scoring.deadlines import Deadline, deadlines_for
from scoring.fiscal import BANGKOK, fiscal_year_bounds, fiscal_year_of
from scoring.items import PlanItem, item_of, planned_in
from scoring.ladder import PRIORITY, due_step, in_sending_hours
from scoring.plan import Plan
from scoring.rubric import Result, evaluate
from scoring.thai import MONTHS_ABBR, thai_date
from scoring.totals import score_plan
from scoring.workdays import WorkCalendar, thai_work_calendar
from store import item_marks, progress
from store.item_marks import ItemState
from store.models import (
    Assignment,
    ChatGroup,
    DayOff,
    IndicatorRecord,
    LineIdentity,
    OutboxMessage,
    Person,
    PlanRecord,
    Role,
    RoleGrant,
)
from store.outbox import enqueue as enqueue_row
from store.outbox import pushes_this_month
from store.plans import plan_from_record

SUMMARY_FROM_HOUR = 9


@dataclass(frozen=True)
class NudgeSettings:
    cap_per_person_month: int = 6
    monthly_quota: int | None = None  # LINE push budget; None: unlimited
    thai_digits: bool = False  # dates as ๒๐ มี.ค. ๖๗ instead of 20 มี.ค. 2567


@dataclass
class Planned:
    key: str
    kind: str  # nudge / head / summary / quota
    to: str  # LINE user or group id
    person_id: int | None
    indicators: list[str]
    messages: list[Outgoing]
    priority: int
    cost: int = 1

    @property
    def text(self) -> str:
        return "\n\n".join(m.text for m in self.messages)

    def as_json(self) -> dict[str, Any]:
        return {"to": self.to, "kind": self.kind, "indicators": self.indicators, "text": self.text}


@dataclass
class UnitDuty:
    """A plan with who reports what and what has been reported, loaded once per tick."""

    record: PlanRecord
    plan: Plan
    indicator_ids: dict[str, int]
    reporters: dict[int, list[str]] = field(default_factory=dict)  # person → indicator codes
    heads: list[int] = field(default_factory=list)
    reports: dict[str, list[progress.Report]] = field(default_factory=dict)  # code → live reports, in order
    items: dict[str, dict[str, ItemState]] = field(default_factory=dict)  # code → item → its state


def calendar_for(session: Session, years: Iterable[int]) -> WorkCalendar:
    days_off = frozenset(d.day for d in session.exec(select(DayOff)).all())
    return _calendar(tuple(sorted(set(years))), days_off)


@lru_cache(maxsize=32)
def _calendar(years: tuple[int, ...], days_off: frozenset[date]) -> WorkCalendar:
    return thai_work_calendar(years, days_off)


def load_units(session: Session, fiscal_year: int) -> list[UnitDuty]:
    """Only active people are on duty: a deactivated reporter is neither reminded nor listed as late
    to the unit head or the committee, and a deactivated head hears nothing."""
    records = session.exec(select(PlanRecord).where(PlanRecord.fiscal_year == fiscal_year)).all()
    on_duty = set(session.exec(select(Person.id).where(col(Person.active).is_(True))).all())
    marks = item_marks.plan_states(session, plans=records)
    units: list[UnitDuty] = []
    for record in records:
        plan = plan_from_record(record)
        rows = session.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id)).all()
        unit = UnitDuty(record, plan, {r.code: r.id or 0 for r in rows})
        code_of = {r.id or 0: r.code for r in rows}
        grants = session.exec(select(RoleGrant).where(RoleGrant.unit_id == record.unit_id)).all()
        reporters = [g.person_id for g in grants if g.role == Role.reporter and g.person_id in on_duty]
        unit.reporters = _duties(session, plan, code_of, reporters)
        unit.heads = [g.person_id for g in grants if g.role == Role.unit_head and g.person_id in on_duty]
        unit.reports = progress.history(session=session, plan=record)
        unit.items = marks.get(record.id or 0, {})
        units.append(unit)
    return units


def _duties(session: Session, plan: Plan, code_of: dict[int, str], reporters: list[int]) -> dict[int, list[str]]:
    """Reporter → the indicator codes they answer for: those assigned to them; when nobody in the
    plan has an assignment, every scored indicator (a small unit shares them all)."""
    assigned: dict[int, list[str]] = defaultdict(list)
    for a in session.exec(select(Assignment).where(col(Assignment.indicator_id).in_(list(code_of)))).all():
        assigned[a.person_id].append(code_of[a.indicator_id])
    all_codes = [i.code for i in plan.indicators() if i.weight is not None or i.rubric is not None]
    out: dict[int, list[str]] = {}
    for person_id in reporters:
        codes = assigned.get(person_id) or ([] if assigned else all_codes)
        if codes:
            out[person_id] = sorted(set(codes), key=all_codes.index if all_codes else None)
    return out


def duties_of(session: Session, record: PlanRecord, person: Person) -> set[str]:
    """The codes of a plan a person may answer for by button: their own duties and, when they act
    for a colleague (รักษาราชการแทน), that colleague's, whose reminders come to them."""
    rows = session.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id)).all()
    reporters = session.exec(
        select(RoleGrant.person_id).where(RoleGrant.unit_id == record.unit_id, RoleGrant.role == Role.reporter)
    ).all()
    duties = _duties(session, plan_from_record(record), {r.id or 0: r.code for r in rows}, list(reporters))
    codes = set(duties.get(person.id or 0, []))
    if person.acting_for_id is not None:
        codes |= set(duties.get(person.acting_for_id, []))
    return codes


def is_reported(unit: UnitDuty, code: str, deadline: Deadline, previous_due: date | None) -> bool:
    return progress.reported_for(unit.reports.get(code, ()), deadline=deadline, previous_due=previous_due)


def _latest(unit: UnitDuty, code: str) -> progress.Report | None:
    return progress.latest(unit.reports.get(code, ()))


def _result(unit: UnitDuty, code: str) -> Result | None:
    """The latest result with the items' states folded in, as ``progress.latest_results`` reads it."""
    latest = _latest(unit, code)
    return progress.with_items(latest.result() if latest else None, unit.items.get(code))


def _deadlines_around(plan: Plan, fiscal_year: int, today: date) -> list[tuple[date, list[Deadline], date | None]]:
    """Deadlines grouped by due date near today, with the previous monthly due date of each group."""
    items = deadlines_for(fiscal_year - 1, plan.deadlines) + deadlines_for(fiscal_year, plan.deadlines)
    by_due: dict[date, list[Deadline]] = defaultdict(list)
    for d in items:
        if abs((d.due - today).days) <= 20:
            by_due[d.due].append(d)
    monthly = sorted(d.due for d in items if d.kind == "monthly")
    out = []
    for due, group in sorted(by_due.items()):
        previous = max((m for m in monthly if m < due), default=None)
        out.append((due, group, previous))
    return out


def plan_tick(session: Session, at: datetime, settings: NudgeSettings | None = None) -> list[Planned]:
    """Everything due at ``at`` (aware), before de-duplication against what was already sent."""
    settings = settings or NudgeSettings()
    local = at.astimezone(BANGKOK)
    today = local.date()
    calendar = calendar_for(session, [today.year - 1, today.year, today.year + 1])
    if not calendar.is_working_day(today) or not in_sending_hours(local.time()):
        return []
    fiscal_year = fiscal_year_of(today)
    units = load_units(session, fiscal_year)
    people = {p.id: p for p in session.exec(select(Person)).all()}
    line_ids = {i.person_id: i.line_user_id for i in session.exec(select(LineIdentity)).all() if i.following}
    acting: dict[int | None, Person] = {
        p.acting_for_id: p for p in people.values() if p.acting_for_id is not None and p.active
    }
    planned: list[Planned] = []
    for unit in units:
        for due, group, previous_due in _deadlines_around(unit.plan, fiscal_year, today):
            step = due_step(due, today, calendar)
            if step is not None:
                planned += _ladder(unit, due, group, previous_due, step, today, people, line_ids, acting, settings)
            planned += _summary(session, unit, due, group, previous_due, local, calendar, people, settings)
    return planned


def _ladder(
    unit: UnitDuty,
    due: date,
    group: list[Deadline],
    previous_due: date | None,
    step: str,
    today: date,
    people: dict[int | None, Person],
    line_ids: dict[int, str],
    acting: dict[int | None, Person],
    settings: NudgeSettings,
) -> list[Planned]:
    out: list[Planned] = []
    late: dict[int, list[str]] = {}
    for person_id, codes in unit.reporters.items():
        missing = [c for c in codes if not all(is_reported(unit, c, d, previous_due) for d in group)]
        if not missing:
            continue
        late[person_id] = missing
        if step == "head":
            continue
        person = people.get(person_id)
        if person is None or not person.active:
            continue
        recipient, on_behalf = person, None
        if person.on_leave_until is not None and person.on_leave_until >= today:
            stand_in = acting.get(person_id)
            if stand_in is None:
                continue  # on leave and nobody acting: the unit head hears at the "head" step
            recipient, on_behalf = stand_in, person
        line_id = line_ids.get(recipient.id or 0)
        if line_id is None:
            continue
        out.append(
            Planned(
                key=f"nudge:{recipient.id}:{unit.record.key}:{due.isoformat()}:{step}"
                + (f":for{person_id}" if on_behalf else ""),
                kind="nudge",
                to=line_id,
                person_id=recipient.id,
                indicators=missing,
                messages=[_nudge_message(unit, recipient, on_behalf, missing, due, group, step, settings)],
                priority=PRIORITY[step],
            )
        )
    if step == "head" and late:
        for head_id in unit.heads:
            line_id = line_ids.get(head_id)
            head = people.get(head_id)
            if line_id is None or head is None:
                continue
            lines = [
                t.HEAD_LINE.format(name=people[p].name if people.get(p) else "-", codes=", ".join(codes))
                for p, codes in late.items()
            ]
            text = t.HEAD_NOTE.format(name=head.name, due=_date(due, settings), count=len(late), lines="\n".join(lines))
            out.append(
                Planned(
                    key=f"head:{head_id}:{unit.record.key}:{due.isoformat()}",
                    kind="head",
                    to=line_id,
                    person_id=head_id,
                    indicators=sorted({c for codes in late.values() for c in codes}),
                    messages=[Outgoing(text)],
                    priority=PRIORITY["head"],
                )
            )
    return out


def _date(day: date, settings: NudgeSettings) -> str:
    return thai_date(day, thai_digits=settings.thai_digits, short_year=settings.thai_digits)


def _value_text(report: progress.Report | None, unit_word: str | None) -> str:
    if report is None or report.value is None:
        return t.NO_REPORT_YET
    value = shown(report.value, unit_word)
    when = thai_date(report.reported_at.astimezone(BANGKOK).date())
    return t.LAST_VALUE.format(value=value, when=when)


def _nudge_message(
    unit: UnitDuty,
    person: Person,
    on_behalf: Person | None,
    codes: list[str],
    due: date,
    group: list[Deadline],
    step: str,
    settings: NudgeSettings,
) -> Outgoing:
    lines = []
    period = group[0].period
    month = period.month or due.month
    steps: list[tuple[str, PlanItem]] = []
    for code in codes:
        indicator = unit.plan.indicator(code)
        latest = _latest(unit, code)
        result = _result(unit, code)
        advice = evaluate(indicator, result).next if indicator.rubric is not None and result is not None else None
        states = unit.items.get(code, {})
        open_steps = [i for i in planned_in(indicator, month) if not (i.id in states and states[i.id].done)]
        steps += [(code, i) for i in open_steps]
        lines.append(
            t.INDICATOR_LINE.format(code=code, name=t.short(indicator.name), last=_value_text(latest, indicator.unit))
            + (f"\n   {advice}" if advice else "")
            + "".join(
                f"\n   {t.STEP_PLANNED.format(month=MONTHS_ABBR[month - 1], name=step_label(i, full=True))}"
                for i in open_steps
            )
        )
    opening = {"before5": t.BEFORE5, "lastday": t.LASTDAY, "overdue": t.OVERDUE}[step]
    kinds = t.KINDS_JOIN.join(sorted({m.QUARTERLY if d.kind == "quarterly" else m.MONTHLY for d in group}))
    text = opening.format(name=person.name, due=_date(due, settings), kinds=kinds)
    if on_behalf is not None:
        text += "\n" + t.ON_BEHALF.format(name=on_behalf.name)
    text += "\n" + "\n".join(lines) + "\n" + t.CLOSING
    label = period.label
    quick = (
        QuickReply.of(t.REPORT_NOW, n="report", p=label),
        QuickReply.of(m.NO_PROGRESS, n="noprogress", p=label, i=",".join(codes)),
        # One tap reports a step planned this month done (LINE shows 13 quick replies at most).
        *(
            QuickReply.of(
                t.STEP_DONE.format(name=step_label(i)),
                t.STEP_DONE_SAID.format(code=code, name=step_label(i, full=True)),
                n="done",
                p=label,
                i=code,
                v=i.id,
            )
            for code, i in steps[:11]
        ),
    )
    return Outgoing(text, quick)


# --- the committee summary ----------------------------------------------------------------------


def _summary(
    session: Session,
    unit: UnitDuty,
    due: date,
    group: list[Deadline],
    previous_due: date | None,
    local: datetime,
    calendar: WorkCalendar,
    people: dict[int | None, Person],
    settings: NudgeSettings,
) -> list[Planned]:
    """The day after a deadline, from 09:00: one Flex card to each bound committee group."""
    first_day = calendar.nth_working_day_after(due, 1)
    last_day = calendar.nth_working_day_after(due, 3)
    today = local.date()
    if not (first_day <= today < last_day) or local.hour < SUMMARY_FROM_HOUR:
        return []
    groups = session.exec(select(ChatGroup).where(ChatGroup.kind == "committee", ChatGroup.active == True)).all()  # noqa: E712
    if not groups:
        return []
    quarterly = next((d for d in group if d.kind == "quarterly"), None)
    deadline = quarterly or group[0]
    late = {
        person_id: [c for c in codes if not is_reported(unit, c, deadline, previous_due)]
        for person_id, codes in unit.reporters.items()
    }
    late = {p: c for p, c in late.items() if c}
    first = previous_due + timedelta(days=1) if previous_due else fiscal_year_bounds(unit.record.fiscal_year)[0]
    results = {code: result for code in {*unit.reports, *unit.items} if (result := _result(unit, code)) is not None}
    scored = score_plan(unit.plan, results)
    at_risk = _at_risk(unit.plan, results)
    everything = [r for reports in unit.reports.values() for r in reports]
    problems = [r.problems for r in sorted(everything, key=lambda r: r.reported_at, reverse=True) if r.problems][:3]
    card, fallback = summary_card(
        unit_name=unit.plan.unit,
        period=deadline.period.thai,
        quarterly=quarterly is not None,
        reported=len(unit.reporters) - len(late),
        total=len(unit.reporters),
        late=[(people[p].name if people.get(p) else "-", codes) for p, codes in late.items()],
        at_risk=at_risk,
        score=scored.total,
        max_score=scored.max,
        problems=problems,
        due=_date(due, settings),
        done_items=_done_items(session, unit, first, due, settings),
        window=(_date(first, settings), _date(due, settings)),
    )
    kind = "summary-quarterly" if quarterly else "summary-monthly"
    return [
        Planned(
            key=f"{kind}:{g.group_id}:{unit.record.key}:{deadline.period.label}",
            kind=kind,
            to=g.group_id,
            person_id=None,
            indicators=at_risk,
            messages=[Outgoing(fallback, flex=card)],
            priority=PRIORITY["summary"],
            cost=g.members,
        )
        for g in groups
    ]


def _done_items(
    session: Session, unit: UnitDuty, first: date, last: date, settings: NudgeSettings
) -> list[tuple[str, str, str]]:
    """The items marked done from ``first`` (the day after the previous monthly deadline) through
    ``last`` (this deadline) and still done: (code, item label, day), oldest first. Rounds meet
    end to end, so an item finished after one summary is in the next."""
    start = datetime.combine(first, time(), BANGKOK)
    end = datetime.combine(last + timedelta(days=1), time(), BANGKOK)
    found = item_marks.done_between(session, plans=[unit.record], start=start, end=end)
    out = []
    for code, item_id, at in found.get(unit.record.id or 0, []):
        item = item_of(unit.plan.indicator(code), item_id) if code in unit.indicator_ids else None
        if item is not None:
            out.append((code, item_label(item), _date(at.astimezone(BANGKOK).date(), settings)))
    return out


def _at_risk(plan: Plan, results: dict[str, Result]) -> list[str]:
    """Indicators whose level so far is below the level their target would earn."""
    out = []
    for indicator in plan.indicators():
        if indicator.rubric is None or indicator.weight is None:
            continue
        target_value = indicator.target.value if indicator.target else None
        everything = (
            frozenset(c.id for c in indicator.rubric.conditions)
            | frozenset(str(lv.level) for lv in indicator.rubric.levels)
            | frozenset(i.id for i in indicator.rubric.items)
        )
        target_level = evaluate(indicator, Result(target_value, everything)).level if target_value is not None else 5
        if evaluate(indicator, results.get(indicator.code)).level < max(target_level, 1):
            out.append(indicator.code)
    return out


# --- writing them ---------------------------------------------------------------------------------


def already_sent(session: Session, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    rows = session.exec(select(OutboxMessage.key).where(col(OutboxMessage.key).in_(keys))).all()
    return set(rows)


def _month_counts(session: Session, at: datetime) -> dict[str, int]:
    start = at.astimezone(BANGKOK).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    rows = session.exec(
        select(OutboxMessage.recipient).where(OutboxMessage.kind == "nudge", col(OutboxMessage.created_at) >= start)
    ).all()
    counts: dict[str, int] = defaultdict(int)
    for recipient in rows:
        counts[recipient] += 1
    return counts


def due_now(session: Session, at: datetime, settings: NudgeSettings | None = None) -> list[Planned]:
    """What would go out at ``at``: planned, minus what was sent, within caps and the quota."""
    settings = settings or NudgeSettings()
    planned = plan_tick(session, at, settings)
    sent = already_sent(session, [p.key for p in planned])
    fresh = [p for p in planned if p.key not in sent]
    counts = _month_counts(session, at)
    capped = []
    for p in sorted(fresh, key=lambda p: -p.priority):
        if p.kind == "nudge":
            if counts[p.to] >= settings.cap_per_person_month:
                continue
            counts[p.to] += 1
        capped.append(p)
    return _within_quota(session, at, capped, settings)


def _within_quota(session: Session, at: datetime, planned: list[Planned], settings: NudgeSettings) -> list[Planned]:
    if settings.monthly_quota is None:
        return planned
    budget = settings.monthly_quota - pushes_this_month(session, at)
    kept: list[Planned] = []
    spent = 0
    dropped = 0
    for p in sorted(planned, key=lambda p: -p.priority):
        cost = p.cost * len(p.messages)
        if spent + cost <= budget:
            kept.append(p)
            spent += cost
        else:
            dropped += 1
    if dropped:
        kept += _quota_alert(session, at, dropped, settings)
    return kept


def _quota_alert(session: Session, at: datetime, dropped: int, settings: NudgeSettings) -> list[Planned]:
    month = at.astimezone(BANGKOK).strftime("%Y-%m")
    admins = session.exec(
        select(RoleGrant.person_id)
        .join(Person, col(Person.id) == col(RoleGrant.person_id))
        .where(RoleGrant.role == Role.admin, col(Person.active).is_(True))
    ).all()
    out = []
    for admin_id in set(admins):
        identity = session.exec(select(LineIdentity).where(LineIdentity.person_id == admin_id)).first()
        if identity is None:
            continue
        out.append(
            Planned(
                key=f"quota:{admin_id}:{month}",
                kind="quota",
                to=identity.line_user_id,
                person_id=admin_id,
                indicators=[],
                messages=[Outgoing(t.QUOTA_ALERT.format(dropped=dropped, quota=settings.monthly_quota))],
                priority=9,
            )
        )
    return out


def enqueue(session: Session, planned: list[Planned], at: datetime) -> int:
    """Write planned messages to the outbox; returns how many were new (the rest were sent before)."""
    new = 0
    for p in planned:
        payload = {"messages": [outgoing_json(m) for m in p.messages], "cost": p.cost * len(p.messages)}
        if enqueue_row(session, key=p.key, kind=p.kind, recipient=p.to, payload=payload, now=at):
            new += 1
    return new
