"""Questions by chat: indicator status, unit summary, who has not reported, the score, what the next
level needs, a quarter's score. Every answer is limited to the asker's scope: a manager sees the units
they were granted, a reporter or unit head their own unit, the committee (and its group) every unit.

The chat limits it too: everyone in a group reads the answer, so only the committee group that an
admin bound gets answers (the committee's); in any other group or room nothing scoped to the
asker is shown, and the bot asks to continue 1:1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from handlers import messages as m
from handlers import query_texts as qt
from handlers.parse.normalize import normalize_text
from handlers.replies import Outgoing, Reply
from handlers.summary_card import AMBER, GREEN, GREY, RED, _bar, _text
from scoring.fiscal import BANGKOK, FiscalPeriod, bangkok_date
from scoring.plan import Plan
from scoring.rubric import Result, evaluate, next_level_needs
from scoring.thai import thai_date
from scoring.totals import score_plan
from store.models import ChatGroup, IndicatorRecord, Person, PlanRecord, ProgressReport, ReportStatus, Role, Unit
from store.people import roles_of, unit_chain
from store.plans import plan_from_record

_QUERY = re.compile(
    r"ถึงไหน|เท่าไร|เท่าไหร่|กี่คะแนน|กี่เปอร์|ได้กี่|ใครยังไม่ส่ง|ใครยังไม่รายงาน|ยังไม่ส่ง|สรุปผล|สถานะ|คะแนน|"
    r"ต้องทำอีก|ต้องได้อีก|ถึงระดับ|\?\s*$"
)
_WHO_LATE = re.compile(r"ใคร.*ยังไม่(?:ส่ง|รายงาน)|ยังไม่(?:ส่ง|รายงาน).*ใคร|ค้างส่ง")
_SCORE = re.compile(r"คะแนน")
_NEXT = re.compile(r"ต้อง(?:ทำ|ได้)อีก|ถึงระดับ\s*([1-5])")
_SUMMARY = re.compile(r"สรุปผล|ภาพรวม")
_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])")
MAX_CAROUSEL = 10
_CONFIRMED = re.compile(r"ยืนยันแล้ว|ที่ยืนยัน|ผลยืนยัน|confirmed", re.IGNORECASE)
_CODE = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|kpi|ข้อ)\s*([kK]?\d+(?:\.\d+)*)", re.IGNORECASE)


def looks_like_query(text: str) -> bool:
    norm = normalize_text(text)
    return bool(_QUERY.search(norm)) and not re.search(r"\d+(?:\.\d+)?\s*%|ร้อยละ\s*\d", norm)


@dataclass(frozen=True)
class Scope:
    """The units whose numbers an asker may see; ``everything`` for the committee and admins.

    ``shared`` marks a group or room other than the committee group: its members are not known, so
    nothing is in scope there whoever asks.
    """

    everything: bool
    unit_ids: frozenset[int]
    shared: bool = False

    def allows(self, unit_id: int) -> bool:
        return self.everything or unit_id in self.unit_ids


def is_group_chat(chat_id: str) -> bool:
    """LINE group ids start with C, room ids with R, user ids with U."""
    return chat_id.startswith(("C", "R"))


def committee_chat(session: Session, chat_id: str) -> bool:
    """Is this the group an admin bound as the committee's (``ผูกกลุ่มคณะกรรมการ``)?"""
    group = session.exec(select(ChatGroup).where(ChatGroup.group_id == chat_id)).first()
    return group is not None and group.kind == "committee" and group.active


def scope_of(session: Session, person: Person | None, chat_id: str) -> Scope:
    if is_group_chat(chat_id):
        if committee_chat(session, chat_id):
            return Scope(True, frozenset())
        return Scope(False, frozenset(), shared=True)
    if person is None:
        return Scope(False, frozenset())
    units: set[int] = set()
    for grant in roles_of(session, person.id or 0):
        if grant.role in (Role.committee, Role.admin):
            return Scope(True, frozenset())
        if grant.unit_id is not None:
            units.add(grant.unit_id)
    return Scope(False, frozenset(units))


def plans_in_scope(session: Session, scope: Scope, today: date) -> list[PlanRecord]:
    # The plan JSON is loaded only if the validated plan is not cached yet (plan_from_record).
    records = session.exec(
        select(PlanRecord).options(defer(PlanRecord.content)).order_by(col(PlanRecord.fiscal_year).desc())  # type: ignore[arg-type]
    ).all()
    newest: dict[int, PlanRecord] = {}
    for r in records:
        if not scope.allows(r.unit_id) and not any(scope.allows(u) for u in unit_chain(session, r.unit_id)):
            continue
        newest.setdefault(r.unit_id, r)
    return list(newest.values())


def _named_unit(session: Session, text: str) -> Unit | None:
    norm = normalize_text(text)
    for unit in session.exec(select(Unit)).all():
        names = [unit.name, *(unit.aliases or []), *([unit.short_name] if unit.short_name else [])]
        if any(n and n in norm for n in names):
            return unit
    return None


def reports_of(session: Session, record: PlanRecord, until: date | None = None) -> dict[str, list[ProgressReport]]:
    rows = session.exec(
        select(ProgressReport, IndicatorRecord.code)
        .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
        .where(IndicatorRecord.plan_id == record.id, ProgressReport.status != ReportStatus.withdrawn)
        .order_by(col(ProgressReport.reported_at))
    ).all()
    out: dict[str, list[ProgressReport]] = {}
    for report, code in rows:
        when = report.reported_at.astimezone(BANGKOK).date() if report.reported_at else None
        if until is not None and (report.fiscal_year, report.quarter) > (record.fiscal_year, _quarter_of(until)):
            continue
        if until is not None and when is not None and when > until and report.fiscal_year != record.fiscal_year:
            continue
        out.setdefault(code, []).append(report)
    return out


def latest_results(
    session: Session, records: list[PlanRecord], quarter: int | None = None, *, confirmed: bool = False
) -> dict[int, dict[str, Result]]:
    """The newest report of every indicator of several plans in one query (self-reported values).

    Each indicator's newest row is one index seek (indicator_id, reported_at), so a department of 30
    units with years of monthly reports costs one round trip, not thousands of objects.
    """
    if not records:
        return {}
    report, indicator = ProgressReport.__table__, IndicatorRecord.__table__  # type: ignore[attr-defined]
    status = (
        report.c.status == ReportStatus.confirmed.value
        if confirmed
        else report.c.status != ReportStatus.withdrawn.value
    )
    newest = sa.select(report.c.id).where(report.c.indicator_id == indicator.c.id, status)
    if quarter is not None:
        newest = newest.where(report.c.quarter <= quarter)
    newest_id = newest.order_by(report.c.reported_at.desc()).limit(1).correlate(indicator).scalar_subquery()
    query = (
        sa.select(
            indicator.c.plan_id,
            indicator.c.code,
            report.c.value,
            report.c.done,
            report.c.numerator,
            report.c.denominator,
        )
        .select_from(indicator.join(report, report.c.id == newest_id))
        .where(indicator.c.plan_id.in_([r.id for r in records]))
    )
    out: dict[int, dict[str, Result]] = {r.id or 0: {} for r in records}
    for plan_id, code, value, done, numerator, denominator in session.execute(query):
        out[plan_id][code] = Result.of(value, done or (), numerator=numerator, denominator=denominator)
    return out


def _quarter_of(day: date) -> int:
    return FiscalPeriod.of_day(day).quarter


def _result(report: ProgressReport, confirmed: bool) -> Result:
    value = report.confirmed_value if confirmed and report.confirmed_value is not None else report.value
    return Result.of(value, report.done, numerator=report.numerator, denominator=report.denominator)


def results_of(reports: dict[str, list[ProgressReport]], confirmed: bool) -> dict[str, Result]:
    out = {}
    for code, rows in reports.items():
        usable = [r for r in rows if not confirmed or r.status == ReportStatus.confirmed]
        if usable:
            out[code] = _result(usable[-1], confirmed)
    return out


class QueryAnswerer:
    """Answers one question for one asker; refuses politely outside their scope."""

    def __init__(self, session: Session, person: Person | None, chat_id: str, now: datetime) -> None:
        self.session, self.person, self.chat_id, self.now = session, person, chat_id, now
        self.today = bangkok_date(now)
        self.scope = scope_of(session, person, chat_id)
        self.committee = self.scope.everything
        self.confirmed_only = False

    def answer(self, text: str) -> Reply:
        if self.scope.shared:
            return Reply().say(m.GROUP_ASK_PRIVATELY)
        norm = normalize_text(text)
        named = _named_unit(self.session, norm)
        plans = plans_in_scope(self.session, self.scope, self.today)
        if named is not None:
            chain_plans = [p for p in self._all_plans() if p.unit_id in unit_chain(self.session, named.id or 0)]
            allowed = [p for p in chain_plans if p in plans]
            if chain_plans and not allowed:
                return Reply().say(qt.OUT_OF_SCOPE)
            plans = allowed or plans
        if not plans:
            return Reply().say(qt.OUT_OF_SCOPE if named else qt.NO_PLAN)
        if _WHO_LATE.search(norm):
            return self.who_late(plans)
        code = _CODE.search(norm)
        quarter = _QUARTER.search(norm)
        if code:
            record, plan = self._plan_with(plans, code.group(1))
            if record is None or plan is None:
                return Reply().say(qt.NO_SUCH_INDICATOR.format(code=code.group(1)))
            target = _NEXT.search(norm)
            return self._indicator(record, plan, self._code_in(plan, code.group(1)), target)
        if _SCORE.search(norm) or _SUMMARY.search(norm) or quarter:
            q = int(quarter.group(1)) if quarter else None
            self.confirmed_only = bool(_CONFIRMED.search(norm))
            if len(plans) == 1:
                return self._summary(plans[0], q)
            return self._summaries(plans, q)
        return self._help()

    def _all_plans(self) -> list[PlanRecord]:
        return list(self.session.exec(select(PlanRecord)).all())

    @staticmethod
    def _code_in(plan: Plan, raw: str) -> str:
        codes = {i.code for i in plan.indicators()}
        return raw if raw in codes else f"K{raw}" if f"K{raw}" in codes else raw.upper()

    def _plan_with(self, plans: list[PlanRecord], raw: str) -> tuple[PlanRecord | None, Plan | None]:
        for record in plans:
            plan = plan_from_record(record)
            if self._code_in(plan, raw) in {i.code for i in plan.indicators()}:
                return record, plan
        return None, None

    # --- answers ----------------------------------------------------------------------------

    def _indicator(self, record: PlanRecord, plan: Plan, code: str, target: re.Match[str] | None) -> Reply:
        indicator = plan.indicator(code)
        reports = reports_of(self.session, record).get(code, [])
        latest = reports[-1] if reports else None
        e = evaluate(indicator, _result(latest, False) if latest else None)
        confirmed = [r for r in reports if r.status == ReportStatus.confirmed]
        e_conf = evaluate(indicator, _result(confirmed[-1], True)) if confirmed else None
        trend = " → ".join(
            f"{FiscalPeriod(r.fiscal_year, r.quarter, r.month).thai}: {r.value:g}"
            for r in reports[-4:]
            if r.value is not None
        )
        who = self.session.get(Person, latest.reported_by) if latest else None
        body: list[dict[str, Any]] = [
            _text(f"ตัวชี้วัดที่ {code}", weight="bold", size="sm"),
            _text(indicator.name, size="xs", color=GREY),
            _text(
                f"ระดับ {e.level} · {e.points:g}/{e.max_points:g} คะแนน",
                size="sm",
                margin="md",
                color=GREEN if e.level >= 4 else AMBER if e.level >= 2 else RED,
            ),
            _bar(e.fraction),
        ]
        if latest is not None:
            body.append(
                _text(
                    qt.LAST_REPORT.format(
                        value=_value(latest.value, indicator.unit),
                        when=_when(latest),
                        who=who.name if who else "-",
                        status=qt.STATUS[latest.status],
                    ),
                    size="xs",
                    margin="md",
                )
            )
            if latest.narrative:
                body.append(_text(latest.narrative[:160], size="xs", color=GREY))
        else:
            body.append(_text(qt.NO_REPORT, size="xs", margin="md"))
        if e_conf is not None:
            body.append(_text(qt.CONFIRMED_SCORE.format(level=e_conf.level, points=e_conf.points), size="xs"))
        if trend:
            body.append(_text(qt.TREND.format(trend=trend), size="xs", color=GREY))
        advice = self._advice(plan, code, latest, target)
        if advice:
            body.append(_text(advice, size="xs", margin="md", weight="bold"))
        card: dict[str, Any] = {
            "type": "bubble",
            "body": {"type": "box", "layout": "vertical", "spacing": "xs", "contents": body},
        }
        if self.committee and latest is not None and latest.status == ReportStatus.reported:
            card["footer"] = {
                "type": "box",
                "layout": "horizontal",
                "spacing": "sm",
                "contents": [
                    _button(qt.CONFIRM, f"v=confirm&r={latest.id}", qt.CONFIRM),
                    _button(qt.RETURN, f"v=return&r={latest.id}", qt.RETURN),
                ],
            }
        fallback = f"ตัวชี้วัดที่ {code}: ระดับ {e.level} ({e.points:g}/{e.max_points:g} คะแนน)"
        if latest is not None:
            fallback += f" ล่าสุด {_value(latest.value, indicator.unit)} ({_when(latest)})"
        return Reply([Outgoing(fallback, flex=card)])

    def _advice(self, plan: Plan, code: str, latest: ProgressReport | None, target: re.Match[str] | None) -> str | None:
        """What the next level needs, or a named level ("ต้องทำอีกเท่าไรถึงระดับ 5")."""
        indicator = plan.indicator(code)
        result = _result(latest, False) if latest else Result()
        level = evaluate(indicator, result).level
        if target and target.group(1):
            wanted = int(target.group(1))
            if level >= wanted:
                return qt.ALREADY.format(level=wanted)
            return next_level_needs(indicator, result, wanted - 1)
        return evaluate(indicator, result).next

    def _summary(self, record: PlanRecord, quarter: int | None, results: dict[str, Result] | None = None) -> Reply:
        plan = plan_from_record(record)
        if results is None:
            results = latest_results(self.session, [record], quarter, confirmed=self.confirmed_only)[record.id or 0]
        scored = score_plan(plan, results, advice=False)
        title = (
            qt.SUMMARY_TITLE.format(unit=plan.unit, fy=record.fiscal_year)
            + (f" · ไตรมาส {quarter}" if quarter else "")
            + (qt.CONFIRMED_ONLY if self.confirmed_only else "")
        )
        body: list[dict[str, Any]] = [
            _text(title, weight="bold", size="sm"),
            _text(qt.SCORE.format(score=scored.total, max=scored.max), size="sm", margin="md"),
            _bar(scored.total / scored.max if scored.max else 0.0),
            {"type": "separator", "margin": "md"},
        ]
        for e in scored.indicators():
            if not e.counted:
                continue
            body.append(
                {
                    "type": "box",
                    "layout": "horizontal",
                    "contents": [
                        _text(f"ตช.{e.code}", size="xs", flex=2),
                        _text(
                            f"ระดับ {e.level}",
                            size="xs",
                            flex=2,
                            color=GREEN if e.level >= 4 else AMBER if e.level >= 2 else RED,
                        ),
                        _text(f"{e.points:g}/{e.max_points:g}", size="xs", flex=2, align="end"),
                    ],
                }
            )
        card = {"type": "bubble", "body": {"type": "box", "layout": "vertical", "spacing": "xs", "contents": body}}
        fallback = f"{title}: {scored.total:g}/{scored.max:g} คะแนน"
        return Reply([Outgoing(fallback, flex=card)])

    def _summaries(self, plans: list[PlanRecord], quarter: int | None) -> Reply:
        """Several units in scope: one card each in a carousel (LINE shows up to 12), best first."""
        results = latest_results(self.session, plans, quarter, confirmed=self.confirmed_only)
        cards = [self._summary(record, quarter, results[record.id or 0]).messages[0] for record in plans]
        cards.sort(key=lambda m: m.text)
        shown = cards[:MAX_CAROUSEL]
        carousel = {"type": "carousel", "contents": [m.flex for m in shown]}
        text = "\n".join(m.text for m in shown)
        if len(cards) > MAX_CAROUSEL:
            text += "\n" + qt.MORE_UNITS.format(n=len(cards) - MAX_CAROUSEL)
        return Reply([Outgoing(text, flex=carousel)])

    def who_late(self, plans: list[PlanRecord]) -> Reply:
        """Who has not reported for the latest deadline passed.

        Names only to those who may see them (the committee, the unit's head and managers); anyone
        else sees their own pending indicators, and those of a colleague they act for, so a reporter
        is never told that everyone has reported while the committee's list names them.
        """
        from handlers.nudges import is_reported, load_units
        from scoring.deadlines import deadlines_for

        me = self.person.id if self.person else None
        acting_for = self.person.acting_for_id if self.person else None
        named: list[str] = []
        own: list[str] = []
        hidden_units = False
        for record in plans:
            sees_names = self.committee or self._may_see_names(record.unit_id)
            hidden_units = hidden_units or not sees_names
            units = [u for u in load_units(self.session, record.fiscal_year) if u.record.id == record.id]
            for unit in units:
                past = [
                    d
                    for d in deadlines_for(record.fiscal_year, unit.plan.deadlines)
                    if d.due <= self._plan_today(record)
                ]
                if not past:
                    continue
                last = past[-1]
                group = [d for d in past if d.due == last.due]  # monthly and quarterly on one date: both
                previous = max((d.due for d in past if d.kind == "monthly" and d.due < last.due), default=None)
                due = thai_date(last.due)
                for person_id, codes in unit.reporters.items():
                    missing = [c for c in codes if not all(is_reported(unit, c, d, previous) for d in group)]
                    if not missing:
                        continue
                    person = self.session.get(Person, person_id) if sees_names or person_id == acting_for else None
                    name = person.name if person else "-"
                    if sees_names:
                        named.append(qt.LATE_LINE.format(name=name, codes=", ".join(missing), due=due))
                    elif person_id == me:
                        own.append(m.OWN_LATE_LINE.format(codes=", ".join(missing), due=due))
                    elif person_id == acting_for:
                        own.append(m.ACTING_LATE_LINE.format(name=name, codes=", ".join(missing), due=due))
        parts = []
        if named:
            parts.append(qt.LATE_HEAD + "\n" + "\n".join(named))
        if own:
            parts.append(m.OWN_LATE_HEAD + "\n" + "\n".join(own))
        if parts:
            return Reply().say("\n".join(parts))
        return Reply().say(m.OWN_NOTHING_LATE if hidden_units else qt.NOBODY_LATE)

    def _plan_today(self, record: PlanRecord) -> date:
        from handlers.conversation import plan_day

        return plan_day(record.fiscal_year, self.today)

    def _may_see_names(self, unit_id: int) -> bool:
        """Names of late people: the unit head and managers of that unit, the committee; not other reporters."""
        grants = roles_of(self.session, self.person.id or 0) if self.person else []
        return any(g.role in (Role.unit_head, Role.manager) and g.unit_id == unit_id for g in grants)

    def _help(self) -> Reply:
        card = {
            "type": "bubble",
            "body": {
                "type": "box",
                "layout": "vertical",
                "spacing": "sm",
                "contents": [
                    _text(qt.HELP_TITLE, weight="bold", size="sm"),
                    *[_message_button(label, example) for label, example in qt.EXAMPLES],
                ],
            },
        }
        return Reply([Outgoing(qt.HELP_TITLE + ": " + " / ".join(e for _, e in qt.EXAMPLES), flex=card)])


def _value(value: float | None, unit: str | None) -> str:
    if value is None:
        return "อยู่ระหว่างดำเนินการ"
    return f"ร้อยละ {value:g}" if unit == "ร้อยละ" else f"{value:g} {unit or ''}".strip()


def _when(report: ProgressReport) -> str:
    return thai_date(report.reported_at.astimezone(BANGKOK).date()) if report.reported_at else "-"


def _button(label: str, data: str, display: str) -> dict[str, Any]:
    return {
        "type": "button",
        "style": "secondary",
        "height": "sm",
        "action": {"type": "postback", "label": label, "data": data, "displayText": display},
    }


def _message_button(label: str, text: str) -> dict[str, Any]:
    return {
        "type": "button",
        "style": "link",
        "height": "sm",
        "action": {"type": "message", "label": label, "text": text},
    }
