"""Questions by chat: indicator status, unit summary, who has not reported, the score, what the next
level needs, a quarter's score. Every answer is limited to the asker's scope: a manager sees the units
they were granted, a reporter or unit head their own unit, the committee (and its group) every unit.

The chat limits it too: everyone in a group reads the answer, so only the committee group that an
admin bound gets answers (the committee's); in any other group or room nothing scoped to the
asker is shown, and the bot asks to continue 1:1.

Units and indicators are named the way people write them (``handlers.queries.names``). A unit named
outside the asker's scope is refused, and one the bot does not know is said so: neither is ever
answered with the asker's own unit. An indicator found in several of the asker's plans is asked
back, the units as buttons (``PickQueryUnit``), rather than answered for one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from handlers import texts as m
from handlers.parse.intent import DEADLINE_ASKED
from handlers.parse.normalize import normalize_text
from handlers.postbacks import PickQueryUnit
from handlers.queries import texts as qt
from handlers.queries.cards import (
    AMBER,
    GREEN,
    GREY,
    RED,
    ItemView,
    _bar,
    _text,
    item_views,
    items_count,
    items_section,
)
from handlers.queries.names import (
    IndicatorHit,
    UnitMention,
    indicator_hits,
    indicator_keys,
    named_units,
    subject_of,
    unit_label,
)
from handlers.replies import Outgoing, QuickReply, Reply
from scoring.fiscal import BANGKOK, bangkok_date
from scoring.items import items_of
from scoring.plan import Indicator, Plan
from scoring.rubric import Result, evaluate, next_level_needs
from scoring.thai import thai_date
from scoring.totals import score_plan
from store import item_marks, progress
from store.item_marks import ItemState
from store.models import ChatGroup, Person, PlanRecord, ReportStatus, Role, Unit
from store.people import roles_of, unit_chain
from store.plans import plan_from_record

_DEADLINE = re.compile(rf"{DEADLINE_ASKED}|กำหนดส่ง")
MAX_QUICK_REPLIES = 13  # LINE's limit
_WHO_LATE = re.compile(r"(?:ใคร|หน่วยงานไหน).*ยังไม่(?:ส่ง|รายงาน)|ยังไม่(?:ส่ง|รายงาน).*(?:ใคร|หน่วยงานไหน)|ค้างส่ง")
_SCORE = re.compile(r"คะแนน")
_LEVEL = re.compile(r"ถึงระดับ\s*([1-5])")  # "ต้องทำอีกเท่าไรถึงระดับ 5": that level, not just the next
_SUMMARY = re.compile(r"สรุปผล|ภาพรวม")
_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])")
MAX_CAROUSEL = 10
_CONFIRMED = re.compile(r"ยืนยันแล้ว|ที่ยืนยัน|ผลยืนยัน|confirmed", re.IGNORECASE)
_CODE = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|kpi|ข้อ)\s*([kK]?\d+(?:\.\d+)*)", re.IGNORECASE)


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


class QueryAnswerer:
    """Answers one question for one asker; refuses politely outside their scope."""

    def __init__(self, session: Session, person: Person | None, chat_id: str, now: datetime) -> None:
        self.session, self.person, self.chat_id, self.now = session, person, chat_id, now
        self.today = bangkok_date(now)
        self.scope = scope_of(session, person, chat_id)
        self.committee = self.scope.everything
        self.confirmed_only = False

    def answer(self, text: str) -> Reply:
        """In order: the chat, the units named (refused outside the scope, or unknown), who is late,
        the indicator named (asked back when several plans have it), a deadline, a summary, help."""
        if self.scope.shared:
            return Reply().say(m.GROUP_ASK_PRIVATELY)
        norm = normalize_text(text)
        plans = plans_in_scope(self.session, self.scope, self.today)
        named = named_units(self.session, norm, lambda: indicator_keys(plans))
        if named.unknown:
            return Reply().say(qt.UNKNOWN_UNIT.format(name=named.unknown))
        if named.mentions:
            chosen = self._plans_named(named.mentions, plans)
            if isinstance(chosen, Reply):
                return chosen
            plans = chosen
        if not plans:
            return Reply().say(qt.NO_PLAN)
        if _WHO_LATE.search(norm):
            return self.who_late(plans)
        subject = subject_of(norm, named.mentions)
        hits = indicator_hits(self.session, subject, plans, self.today)
        deadline = bool(_DEADLINE.search(norm))
        target = _LEVEL.search(norm)
        level = int(target.group(1)) if target else None
        if len(hits) > 1:
            return self._which_unit(hits, "deadline" if deadline else "status", level)
        if hits:
            record = hits[0].record
            if deadline:
                return self._deadline(record, hits[0].code)
            return self._indicator(record, plan_from_record(record), hits[0].code, level)
        code = _CODE.search(subject)
        if code:
            return Reply().say(qt.NO_SUCH_INDICATOR.format(code=code.group(1)))
        if subject and not named.mentions and self._named_elsewhere(subject, plans):
            return Reply().say(qt.OUT_OF_SCOPE)
        if deadline:
            return Reply().say("\n".join(t for record in plans for t in self._deadline(record, None).texts))
        quarter = _QUARTER.search(norm)
        if _SCORE.search(norm) or _SUMMARY.search(norm) or quarter or named.mentions:
            q = int(quarter.group(1)) if quarter else None
            self.confirmed_only = bool(_CONFIRMED.search(norm))
            if len(plans) == 1:
                return self._summary(plans[0], q)
            return self._summaries(plans, q)
        return self._help()

    def on_tap(self, tap: PickQueryUnit) -> Reply:
        """A unit chosen under "which unit?": the data is checked like typed text would be (the plan in
        the tapper's scope, the code in the plan), since any client can send any data."""
        if self.scope.shared:
            return Reply().say(m.GROUP_ASK_PRIVATELY)
        record = self.session.get(PlanRecord, tap.plan_id)
        if record is None:
            return Reply().say(m.BUTTON_INVALID)
        if not self._may_see(record.unit_id):
            return Reply().say(qt.OUT_OF_SCOPE)
        plan = plan_from_record(record)
        if tap.code not in {i.code for i in plan.indicators()}:
            return Reply().say(m.BUTTON_INVALID)
        if tap.ask == "deadline":
            return self._deadline(record, tap.code)
        return self._indicator(record, plan, tap.code, tap.level)

    def _named_elsewhere(self, subject: str, plans: list[PlanRecord]) -> bool:
        """Does the subject name, by alias, an indicator of a unit outside the asker's scope?

        "Traffy Fondue ถึงไหนแล้ว" from the council's reporter: refused, not answered with the help
        card as if the name meant nothing. Codes are not checked: "ตช.6" is more likely a slip about
        their own plan than a question about another unit's. Nor is a name that an earlier plan of
        the asker's own unit knows ("เว็บไซต์สภา", FY2563), even if another unit's alias matches too.
        """
        if self.scope.everything:
            return False
        mine = {r.unit_id for r in plans}
        newest = {r.id for r in plans}
        records = self.session.exec(select(PlanRecord).options(defer(PlanRecord.content))).all()  # type: ignore[arg-type]
        others = [
            r for r in plans_in_scope(self.session, Scope(True, frozenset()), self.today) if r.unit_id not in mine
        ]
        earlier = [r for r in records if r.unit_id in mine and r.id not in newest]
        hits = indicator_hits(self.session, subject, others + earlier, self.today)
        return bool(hits) and hits[0].rank >= 1 and all(h.record.unit_id not in mine for h in hits)

    def _may_see(self, unit_id: int) -> bool:
        """The rule of ``plans_in_scope``: a grant on the unit or on a unit above it."""
        return any(self.scope.allows(u) for u in unit_chain(self.session, unit_id))

    def _plans_named(self, mentions: tuple[UnitMention, ...], plans: list[PlanRecord]) -> list[PlanRecord] | Reply:
        """The asker's plans of the units the question names, or the reply that refuses it.

        Each mention stands for the units whose plans it reaches (a กลุ่มงาน reports under its
        ส่วนราชการ's plan). A mention that reaches one plan must be in scope; an abbreviation that
        reaches several ("สำนักงานเลขาฯ") keeps those in scope and is refused only if none is.
        """
        with_plans = set(self.session.exec(select(PlanRecord.unit_id).distinct()).all())
        in_scope = {r.unit_id for r in plans}
        wanted: set[int] = set()
        for mention in mentions:
            owners = {self._plan_unit(u.id or 0, with_plans) for u in mention.units}
            reached = {o for o in owners if o is not None}
            if not reached:
                unit = mention.units[0]
                return Reply().say(
                    qt.NO_PLAN_OF_UNIT.format(unit=unit.name) if self._may_see(unit.id or 0) else qt.OUT_OF_SCOPE
                )
            allowed = reached & in_scope
            if not allowed or (len(reached) == 1 and reached != allowed):
                return Reply().say(qt.OUT_OF_SCOPE)
            wanted |= allowed
        return [r for r in plans if r.unit_id in wanted]

    def _plan_unit(self, unit_id: int, with_plans: set[int]) -> int | None:
        return next((u for u in unit_chain(self.session, unit_id) if u in with_plans), None)

    def _which_unit(self, hits: list[IndicatorHit], ask: str, level: int | None) -> Reply:
        """The indicator is in several of the asker's plans: which unit's? The units as buttons.

        More units than LINE shows as buttons: the asker is asked to name the unit instead.
        """
        codes = {h.code for h in hits}
        what = m.INDICATOR.format(code=next(iter(codes))) if len(codes) == 1 else qt.ASKED_INDICATOR
        units = {h.record.unit_id: self.session.get(Unit, h.record.unit_id) for h in hits}
        named = sorted(hits, key=lambda h: plan_from_record(h.record).unit)
        if len(named) > MAX_QUICK_REPLIES:
            example = unit_label(units[named[0].record.unit_id], plan_from_record(named[0].record).unit)
            return Reply().say(qt.WHICH_UNIT_NAMED.format(what=what, n=len(named), unit=example))
        buttons = []
        for hit in named:
            unit_name = plan_from_record(hit.record).unit
            data: dict[str, str | int] = {"q": ask, "p": hit.record.id or 0, "i": hit.code}
            if level is not None:
                data["l"] = level
            buttons.append(
                QuickReply.of(
                    unit_label(units[hit.record.unit_id], unit_name),
                    qt.INDICATOR_IN.format(code=hit.code, unit=unit_name),
                    **data,
                )
            )
        return Reply().say(qt.WHICH_UNIT.format(what=what), tuple(buttons))

    # --- answers ----------------------------------------------------------------------------

    def _indicator(self, record: PlanRecord, plan: Plan, code: str, level: int | None = None) -> Reply:
        """The indicator's card; ``level`` is the one asked about ("ต้องทำอีกเท่าไรถึงระดับ 5").

        Items done by chat count as the summary counts them (folded into the latest result), and the
        card lists them: done with the date and the evidence attached (or missing), or open.
        """
        indicator = plan.indicator(code)
        reports = progress.history(session=self.session, plan=record).get(code, [])
        # The card shows the latest result; a newer report that only says "in progress" when there is none.
        latest = progress.latest(reports) or (reports[-1] if reports else None)
        items = indicator_items(self.session, record, indicator, latest)
        e = evaluate(indicator, items.result)
        confirmed = progress.latest(reports, "confirmed")
        e_conf = (
            evaluate(indicator, progress.with_items(confirmed.result("confirmed"), items.states)) if confirmed else None
        )
        trend = " → ".join(f"{r.fiscal_period.thai}: {r.value:g}" for r in reports[-4:] if r.value is not None)
        who = self.session.get(Person, latest.reported_by) if latest else None
        body: list[dict[str, Any]] = [
            _text(m.INDICATOR.format(code=code), weight="bold", size="sm"),
            _text(indicator.name, size="xs", color=GREY),
            # Whose indicator: a manager's units may each have a 4.
            _text(qt.SUMMARY_TITLE.format(unit=plan.unit, fy=record.fiscal_year), size="xs", color=GREY),
            _text(
                qt.LEVEL_POINTS.format(level=e.level, points=e.points, max_points=e.max_points),
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
                        value=qt.shown_value(latest.value, indicator.unit),
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
        elif not items.states:
            body.append(_text(qt.NO_REPORT, size="xs", margin="md"))
        if e_conf is not None:
            body.append(_text(qt.CONFIRMED_SCORE.format(level=e_conf.level, points=e_conf.points), size="xs"))
        if trend:
            body.append(_text(qt.TREND.format(trend=trend), size="xs", color=GREY))
        body += items_section(items.views)
        advice = self._advice(indicator, items.result, level)
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
        fallback = qt.INDICATOR_ALT.format(code=code, level=e.level, points=e.points, max_points=e.max_points)
        if latest is not None:
            fallback += qt.INDICATOR_ALT_LATEST.format(
                value=qt.shown_value(latest.value, indicator.unit), when=_when(latest)
            )
        if items.views:
            fallback += qt.INDICATOR_ALT_ITEMS.format(done=sum(v.done for v in items.views), total=len(items.views))
        return Reply([Outgoing(fallback, flex=card)])

    def _advice(self, indicator: Indicator, result: Result | None, wanted: int | None) -> str | None:
        """What the next level needs, or a named level ("ต้องทำอีกเท่าไรถึงระดับ 5")."""
        result = result or Result()
        level = evaluate(indicator, result).level
        if wanted is not None:
            if level >= wanted:
                return qt.ALREADY.format(level=wanted)
            return next_level_needs(indicator, result, wanted - 1)
        return evaluate(indicator, result).next

    def _deadline(self, record: PlanRecord, code: str | None) -> Reply:
        """The next reporting deadline of the indicator (all of a plan's indicators share the plan's).

        A monthly round whose quarter ends later also names the next quarterly one, the round the
        committee scores. A past plan (the demo's) has none left, and says when its last one was.
        """
        from scoring.deadlines import deadlines_for

        plan = plan_from_record(record)
        day = self._plan_today(record)
        rounds = deadlines_for(record.fiscal_year, plan.deadlines)
        upcoming = [d for d in rounds if d.due >= day]
        if not upcoming:
            last = max(d.due for d in rounds)
            return Reply().say(qt.NO_MORE_DEADLINES.format(fy=record.fiscal_year, unit=plan.unit, due=thai_date(last)))
        due = upcoming[0].due
        group = [d for d in upcoming if d.due == due]
        what = qt.AND.join(
            qt.QUARTERLY_ROUND.format(period=d.period.thai)
            if d.kind == "quarterly"
            else qt.MONTHLY_ROUND.format(period=d.period.thai)
            for d in group
        )
        when = thai_date(due) + (qt.TODAY if due == day else "")
        text = (
            qt.NEXT_DEADLINE.format(code=code, due=when, what=what)
            if code is not None
            else qt.PLAN_NEXT_DEADLINE.format(unit=plan.unit, due=when, what=what)
        )
        quarterly = next((d for d in upcoming if d.kind == "quarterly"), None)
        if quarterly is not None and quarterly not in group:
            text += "\n" + qt.NEXT_QUARTERLY.format(period=quarterly.period.thai, due=thai_date(quarterly.due))
        return Reply().say(text)

    def _summary(self, record: PlanRecord, quarter: int | None, results: dict[str, Result] | None = None) -> Reply:
        plan = plan_from_record(record)
        if results is None:
            results = self._latest_results([record], quarter)[record.id or 0]
        scored = score_plan(plan, results, advice=False)
        title = (
            qt.SUMMARY_TITLE.format(unit=plan.unit, fy=record.fiscal_year)
            + (qt.IN_QUARTER.format(quarter=quarter) if quarter else "")
            + (qt.CONFIRMED_ONLY if self.confirmed_only else "")
        )
        body: list[dict[str, Any]] = [
            _text(title, weight="bold", size="sm"),
            _text(qt.SCORE.format(score=scored.total, max=scored.max), size="sm", margin="md"),
            _bar(scored.total / scored.max if scored.max else 0.0),
        ]
        done, total = items_count(plan, results)
        if total:
            body.append(_text(qt.ITEMS_DONE.format(done=done, total=total), size="xs", color=GREY))
        body.append({"type": "separator", "margin": "md"})
        for e in scored.indicators():
            if not e.counted:
                continue
            body.append(
                {
                    "type": "box",
                    "layout": "horizontal",
                    "contents": [
                        _text(qt.CODE_SHORT.format(code=e.code), size="xs", flex=2),
                        _text(
                            qt.LEVEL.format(level=e.level),
                            size="xs",
                            flex=2,
                            color=GREEN if e.level >= 4 else AMBER if e.level >= 2 else RED,
                        ),
                        _text(f"{e.points:g}/{e.max_points:g}", size="xs", flex=2, align="end"),
                    ],
                }
            )
        card = {"type": "bubble", "body": {"type": "box", "layout": "vertical", "spacing": "xs", "contents": body}}
        fallback = qt.SCORE_ALT.format(title=title, score=scored.total, max=scored.max)
        if total:
            fallback += " · " + qt.ITEMS_DONE.format(done=done, total=total)
        return Reply([Outgoing(fallback, flex=card)])

    def _summaries(self, plans: list[PlanRecord], quarter: int | None) -> Reply:
        """Several units in scope: one card each in a carousel (LINE shows up to 12), best first."""
        results = self._latest_results(plans, quarter)
        cards = [self._summary(record, quarter, results[record.id or 0]).messages[0] for record in plans]
        cards.sort(key=lambda m: m.text)
        shown = cards[:MAX_CAROUSEL]
        carousel = {"type": "carousel", "contents": [m.flex for m in shown]}
        text = "\n".join(m.text for m in shown)
        if len(cards) > MAX_CAROUSEL:
            text += "\n" + qt.MORE_UNITS.format(n=len(cards) - MAX_CAROUSEL)
        return Reply([Outgoing(text, flex=carousel)])

    def _latest_results(self, plans: list[PlanRecord], quarter: int | None) -> dict[int, dict[str, Result]]:
        basis: progress.Basis = "confirmed" if self.confirmed_only else "reported"
        return progress.latest_results(session=self.session, plans=plans, as_of=quarter, basis=basis)

    def who_late(self, plans: list[PlanRecord]) -> Reply:
        """Who has not reported for the latest deadline passed.

        Names only to those who may see them (the committee, the unit's head and managers); anyone
        else sees their own pending indicators, and those of a colleague they act for, so a reporter
        is never told that everyone has reported while the committee's list names them.
        """
        from handlers.nudges.reminders import is_reported, load_units
        from scoring.deadlines import Deadline, deadlines_for

        me = self.person.id if self.person else None
        acting_for = self.person.acting_for_id if self.person else None
        named: list[str] = []
        own: list[str] = []
        hidden_units = False
        coming: list[Deadline] = []
        for record in plans:
            sees_names = self.committee or self._may_see_names(record.unit_id)
            hidden_units = hidden_units or not sees_names
            units = [u for u in load_units(self.session, record.fiscal_year) if u.record.id == record.id]
            today = self._plan_today(record)
            for unit in units:
                schedule = deadlines_for(record.fiscal_year, unit.plan.deadlines)
                past = [d for d in schedule if d.due <= today]
                coming += [d for d in schedule if d.due > today]
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
                        own.append(qt.OWN_LATE_LINE.format(codes=", ".join(missing), due=due))
                    elif person_id == acting_for:
                        own.append(qt.ACTING_LATE_LINE.format(name=name, codes=", ".join(missing), due=due))
        parts = []
        if named:
            parts.append(qt.LATE_HEAD + "\n" + "\n".join(named))
        if own:
            parts.append(qt.OWN_LATE_HEAD + "\n" + "\n".join(own))
        if not parts:
            parts.append(qt.OWN_NOTHING_LATE if hidden_units else qt.NOBODY_LATE)
        if coming:
            # What falls due next, so the answer also says what to prepare for.
            first = min(d.due for d in coming)
            rounds = dict.fromkeys(d.period.thai for d in sorted(coming, key=lambda d: d.kind) if d.due == first)
            parts.append(qt.NEXT_DUE.format(due=thai_date(first), rounds=", ".join(rounds)))
        return Reply().say("\n".join(parts))

    def _plan_today(self, record: PlanRecord) -> date:
        from handlers.reporting.conversation import plan_day

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


@dataclass(frozen=True)
class IndicatorItems:
    """An indicator's latest result with its items' states folded in (what is scored), the states,
    and the items as the card and the dashboard list them."""

    result: Result | None
    states: dict[str, ItemState]
    views: list[ItemView]


def indicator_items(
    session: Session, record: PlanRecord, indicator: Indicator, latest: progress.Report | None
) -> IndicatorItems:
    """The items of one indicator of a plan (marks of every version of the plan count, by code)."""
    states = item_marks.plan_states(session, plans=[record]).get(record.id or 0, {}).get(indicator.code, {})
    result = progress.with_items(latest.result() if latest else None, states)
    if not items_of(indicator):
        return IndicatorItems(result, states, [])
    evidence = item_marks.evidence_counts(session, [s.mark_id for s in states.values() if s.done])
    reported_on = bangkok_date(latest.reported_at) if latest is not None else None
    done = result.done if result is not None else frozenset()
    return IndicatorItems(result, states, item_views(indicator, done, states, evidence, reported_on))


def _when(report: progress.Report) -> str:
    return thai_date(report.reported_at.astimezone(BANGKOK).date())


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
