"""The report conversation: a parsed message becomes a draft, the bot asks one question at a time,
and only what is certain or confirmed is saved.

The draft lives in the store (``Draft``), so a restart between a question and its answer loses
nothing; it expires after ``DRAFT_TIMEOUT``. States, like a ConversationHandler's:

    (new message) ──parse──► awaiting indicator / value / unit / period / lower / confirm ──► saved
                                          │                                      └─► details (5W, once)
                                          └── "ยกเลิก" / timeout ──► cancelled / expired
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from handlers import messages as m
from handlers import nudge_texts as nt
from handlers.parse import questions as q
from handlers.parse.normalize import match_key, normalize_text
from handlers.parse.parser import MessageParser, ParsedItem, ParseResult
from handlers.parse.period import find_periods
from handlers.parse.value import find_value
from handlers.postbacks import (
    AcceptLower,
    AnswerConfirm,
    AnswerUnit,
    BadPostback,
    CancelDraft,
    DraftTap,
    NoProgress,
    NudgeTap,
    PickIndicator,
    PickPeriod,
    ResumeDraft,
    Verify,
    decode_postback,
)
from handlers.replies import QuickReply, Reply
from scoring.fiscal import BANGKOK, FiscalPeriod, bangkok_date, fiscal_year_bounds
from scoring.plan import Plan
from scoring.rubric import Result, evaluate
from scoring.thai import thai_date
from store.evidence import loose_evidence
from store.models import Draft, Evidence, IndicatorRecord, Person, PlanRecord, ProgressReport, ReportStatus, UnitAlias
from store.people import learnt_aliases, plan_for_unit, reporting_unit
from store.plans import plan_from_record
from store.reports import ReportInput, record_report

DRAFT_TIMEOUT = timedelta(minutes=30)
CORRECTION_WINDOW = timedelta(hours=24)  # "ตัวชี้วัดที่ 2 แก้เป็น 80" names its report: a day back
RECENT_SAVE = timedelta(minutes=30)  # "แก้เป็น 80" names none: only a report saved just now
_NUMBER_ONLY = re.compile(r"^\s*(?:แก้เป็น|เป็น|ได้)?\s*(\d+(?:\.\d+)?)\s*(?:ค่ะ|ครับ|คะ)?\s*$")
_NOT_CODE = re.compile(r"^ไม่ใช่")


@dataclass(frozen=True)
class Speaker:
    """Who wrote, in which chat: ``chat_id`` is the user id in 1:1 chats, the group id in groups."""

    person: Person
    chat_id: str


class ParserCache:
    """Parsers keyed by plan content and the unit's learnt aliases; building one is cheap but not free."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, str, frozenset[tuple[str, str]]], MessageParser] = {}

    def get(self, record: PlanRecord, aliases: dict[str, list[str]]) -> MessageParser:
        key = (record.id or 0, record.content_hash, frozenset((c, p) for c, ps in aliases.items() for p in ps))
        parser = self._cache.get(key)
        if parser is None:
            if len(self._cache) > 64:
                self._cache.clear()
            parser = MessageParser(plan_from_record(record), aliases)
            self._cache[key] = parser
        return parser


PARSERS = ParserCache()


# --- draft storage ---------------------------------------------------------------------------


def open_draft(session: Session, person_id: int, chat_id: str) -> Draft | None:
    """The draft the next answer goes to: the one touched last (a kept draft becomes current again when
    the reporter goes back to it)."""
    return session.exec(
        select(Draft)
        .where(Draft.person_id == person_id, Draft.chat_id == chat_id, col(Draft.state).in_(("open", "details")))
        .order_by(col(Draft.updated_at).desc(), col(Draft.id).desc())
    ).first()


def pending_draft(session: Session, person_id: int, chat_id: str, now: datetime) -> Draft | None:
    """A draft whose question is still waiting (not the 5W follow-up, not expired)."""
    draft = open_draft(session, person_id, chat_id)
    if draft is None or draft.state != "open" or (draft.expires_at is not None and draft.expires_at <= now):
        return None
    return draft


def draft_label(draft: Draft) -> str:
    """ " ตัวชี้วัดที่ 2" for the note that a draft is kept; "" when no indicator is known yet."""
    codes = [i.get("code") for i in (draft.data or {}).get("items", []) if i.get("code")]
    codes += list((draft.data or {}).get("codes", []))
    return f" ตัวชี้วัดที่ {', '.join(dict.fromkeys(codes))}" if codes else ""


def _save_draft(session: Session, draft: Draft, data: dict[str, Any], now: datetime, state: str | None = None) -> None:
    draft.data = dict(data)  # a new object, so the JSON column is written
    draft.updated_at = now
    draft.expires_at = now + DRAFT_TIMEOUT
    if state:
        draft.state = state
    session.add(draft)
    session.flush()


def _item_json(item: ParsedItem) -> dict[str, Any]:
    v = item.value
    return {
        "code": item.indicator,
        "candidates": item.candidates,
        "confidence": item.indicator_confidence,
        "via": item.via,
        "value": v.value if v else None,
        "numerator": v.numerator if v else None,
        "denominator": v.denominator if v else None,
        "unit": v.unit if v else None,
        "value_source": v.source if v else None,
        "pending": item.pending,
        "phrase": _phrase(item.text),
    }


def plan_day(fiscal_year: int, today: date) -> date:
    """The day periods are read against: today, kept inside the plan's fiscal year.

    A plan of a past year (late reports, the demo plans) reads "ไตรมาส 2" as that year's Q2.
    """
    start, end = fiscal_year_bounds(fiscal_year)
    return min(max(today, start), end)


def _bind(quick: tuple[QuickReply, ...], draft: Draft) -> tuple[QuickReply, ...]:
    """Quick replies are built before the draft has an id; fill it in once it is stored."""
    return tuple(QuickReply(qr.label, qr.data.replace("%7Bdraft%7D", str(draft.id)), qr.display_text) for qr in quick)


_CODE_WORDS = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|kpi|ข้อ)\s*\S+|ค่ะ|ครับ|คะ|นะ|จ้า|[^\wก-๙ ]", re.IGNORECASE)


def _has_substance(narrative: str) -> bool:
    """Does the message tell what was done, beyond naming the indicator? ("ตัวชี้วัดที่ 1 ค่ะ" does not)."""
    return len(re.sub(r"\s+", "", _CODE_WORDS.sub(" ", narrative))) >= 12


def _phrase(segment: str) -> str:
    """The words a reporter used for an indicator: the segment without numbers, periods and particles."""
    words = re.sub(r"\d+(?:\.\d+)?\s*%?|ร้อยละ|ค่ะ|ครับ|คะ|นะ|ได้|แล้ว|ผล|[^\wก-๙ ]", " ", segment)
    words = re.sub(r"\s+", " ", words).strip()
    return words if 3 <= len(words) <= 40 else ""


# --- the conversation --------------------------------------------------------------------------


class ReportConversation:
    """Handles one reporter's text and postbacks against the store; the caller owns the transaction."""

    def __init__(self, session: Session, speaker: Speaker, now: datetime) -> None:
        self.session = session
        self.speaker = speaker
        self.person = speaker.person
        self.now = now
        self.today: date = bangkok_date(now)

    # context ---------------------------------------------------------------------------------

    def _context(self) -> tuple[PlanRecord, MessageParser, int] | None:
        unit_id = reporting_unit(self.session, self.person)
        if unit_id is None:
            return None
        record = plan_for_unit(self.session, unit_id, FiscalPeriod.of_day(self.today).fiscal_year)
        if record is None:
            return None
        assert record.id is not None
        return record, PARSERS.get(record, learnt_aliases(self.session, unit_id, record.id)), unit_id

    # entry points ----------------------------------------------------------------------------

    def on_text(self, text: str, *, message_id: str | None = None, spans: tuple[tuple[int, int], ...] = ()) -> Reply:
        reply = Reply()
        context = self._context()
        if context is None:
            no_role = reporting_unit(self.session, self.person) is None
            return reply.say(m.NOT_A_REPORTER if no_role else m.NO_PLAN)
        record, parser, unit_id = context
        self.today = plan_day(record.fiscal_year, bangkok_date(self.now))
        draft = open_draft(self.session, self.person.id or 0, self.speaker.chat_id)
        if draft is not None and draft.expires_at is not None and draft.expires_at <= self.now:
            when = draft.created_at.astimezone(BANGKOK).strftime("%H:%M น.") if draft.created_at else ""
            if draft.state == "open":
                reply.say(m.EXPIRED.format(when=when))
            draft.state = "expired"
            self.session.add(draft)
            draft = None
        parsed = parser.parse(text, self.today, spans=spans)
        if parsed.intent == "cancel":
            if draft is None or draft.state != "open":
                return reply.say(m.NOTHING_PENDING)
            _save_draft(self.session, draft, draft.data, self.now, "cancelled")
            return reply.say(m.CANCELLED)
        kind = (draft.data or {}).get("kind") if draft is not None else None
        if draft is not None and draft.state == "open" and kind == "correction":
            if parsed.intent != "report" and not self._names_indicator_and_value(parsed):
                return self._confirm_correction_typed(draft, text, parsed, reply)
            _save_draft(self.session, draft, draft.data, self.now, "cancelled")
            draft = None
        if draft is not None and draft.state == "open" and kind == "noprogress":
            if not self._names_indicator_and_value(parsed):
                return self._save_no_progress(draft, text, reply)
            reply.say(m.PENDING_KEPT_NEW.format(what=draft_label(draft)))  # the reason can still come
        elif draft is not None and draft.state == "open":
            if not self._names_indicator_and_value(parsed):
                return self._answer(draft, parsed, text, record, parser, reply)
            if self._same_indicators(draft, parsed):
                _save_draft(self.session, draft, draft.data, self.now, "superseded")
                reply.say(m.SUPERSEDED)
            else:
                reply.say(m.PENDING_KEPT_NEW.format(what=draft_label(draft)))
        elif draft is not None and draft.state == "details":
            if parsed.intent in ("chat", "report") and not self._names_indicator_and_value(parsed):
                return self._add_details(draft, text, reply)
            _save_draft(self.session, draft, draft.data, self.now, "done")
        if parsed.intent == "correction":
            return self._correct_last(parsed, record, reply)
        if parsed.intent in ("chat", "query"):
            return reply.say(m.HELP)
        return self._start(parsed, text, message_id, record, unit_id, reply)

    def on_postback(self, data: str) -> Reply:
        """A button's raw data: decoded, then handled as ``on_tap``; data no button makes is refused."""
        try:
            tap = decode_postback(data)
        except BadPostback:
            return Reply().say(m.BUTTON_INVALID)
        if isinstance(tap, Verify):
            return Reply().say(m.BUTTON_INVALID)  # the committee's buttons are handled in verification
        return self.on_tap(tap)

    def on_tap(self, tap: DraftTap | NudgeTap) -> Reply:
        """A decoded button: it must answer the question the tapper's own open draft waits for."""
        reply = Reply()
        if isinstance(tap, NudgeTap):
            return self._from_nudge(tap, reply)
        draft = self.session.get(Draft, tap.draft_id)
        if draft is None:
            return reply.say(m.DRAFT_GONE)
        if draft.person_id != self.person.id:
            return reply.say(m.NOT_YOUR_DRAFT)  # someone else tapped in a group: their draft is untouched
        if draft.state != "open" or (draft.expires_at is not None and draft.expires_at <= self.now):
            return reply.say(m.DRAFT_GONE)
        data_ = dict(draft.data)
        if isinstance(tap, CancelDraft):
            _save_draft(self.session, draft, data_, self.now, "cancelled")
            return reply.say(m.CORRECTION_DROPPED if data_.get("kind") == "correction" else m.CANCELLED)
        if isinstance(tap, ResumeDraft):
            return self._resume(draft, reply)
        if data_.get("kind") == "correction":
            if not isinstance(tap, AnswerConfirm):
                return reply.say(m.BUTTON_INVALID)
            return self._finish_correction(draft, tap.yes, reply)
        if not self._answers_question(data_, tap):
            return reply.say(m.BUTTON_INVALID)
        context = self._context()
        if context is None:
            return reply.say(m.NOT_A_REPORTER)
        record, parser, _ = context
        idx = int((data_.get("awaiting") or {}).get("item", 0))
        item = data_["items"][idx] if idx < len(data_.get("items") or []) else None
        if isinstance(tap, PickIndicator):
            if item is None:
                return reply.say(m.BUTTON_INVALID)
            if tap.code is None:
                return self._list_indicators(draft, parser.plan, reply)
            if tap.code not in parser.indicators:
                return reply.say(m.NOT_IN_PLAN.format(code=tap.code))
            self._choose_indicator(data_, idx, tap.code)
        elif isinstance(tap, AnswerUnit):
            if item is None or item.get("code") not in parser.indicators:
                return reply.say(m.BUTTON_INVALID)
            if tap.yes:
                item["unit"] = parser.indicators[item["code"]].unit
            else:
                item["value"], item["unit"] = None, None
                data_["value_refused"] = True
        elif isinstance(tap, AcceptLower):
            if item is None:
                return reply.say(m.BUTTON_INVALID)
            data_.setdefault("lower_ok", []).append(idx)
        elif isinstance(tap, PickPeriod):
            plan_record = self.session.get(PlanRecord, data_.get("plan_id") or 0) or record
            if tap.period.fiscal_year != plan_record.fiscal_year:
                return reply.say(m.BUTTON_INVALID)  # the plan's indicators are scored in its own year
            period = tap.period
            data_["period"] = {"fiscal_year": period.fiscal_year, "quarter": period.quarter, "month": period.month}
            data_["period_ok"] = True
        elif isinstance(tap, AnswerConfirm):
            if tap.yes:
                data_["confirmed"] = True
            else:
                data_["awaiting"] = {"field": "edit"}
                _save_draft(self.session, draft, data_, self.now)
                return reply.say(m.EDIT_HOW)
        return self._advance(draft, data_, record, parser, reply)

    @staticmethod
    def _answers_question(data: dict[str, Any], tap: DraftTap) -> bool:
        """A button answers only the question its draft waits for, and only a report draft has buttons.

        Old buttons stay in the chat and data can be forged: an answer to another question would skip
        a check (the lower-value or the confirmation question) or land on an item that has no code.
        After "แก้ไข" the bot waits for typed text, and the confirmation buttons are still right.
        """
        if data.get("kind") is not None:
            return False  # a no-progress reason or a committee's return reason is typed, not tapped
        waiting = (data.get("awaiting") or {}).get("field")
        return tap.field == waiting or (tap.field == "confirm" and waiting == "edit")

    # steps -------------------------------------------------------------------------------

    def _from_nudge(self, tap: NudgeTap, reply: Reply) -> Reply:
        """The buttons under a reminder: "รายงานเลย" explains how; "ยังไม่มีความก้าวหน้า" asks why.

        The reminder's period and indicators come back in the button's data, so they are checked
        again: a plan of that fiscal year, and indicators the tapper answers for.
        """
        if not isinstance(tap, NoProgress):
            return reply.say(nt.REPORT_HINT)
        target = self._no_progress_target(tap)
        if target is None:
            return reply.say(m.BUTTON_INVALID)
        record, unit_id = target
        data = {
            "kind": "noprogress",
            "plan_id": record.id,
            "unit_id": unit_id,
            "codes": list(tap.codes),
            "period_label": tap.period.label,
            "awaiting": {"field": "reason"},
        }
        draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, data=data, created_at=self.now)
        _save_draft(self.session, draft, data, self.now, "open")
        return reply.say(nt.ASK_REASON, _bind((QuickReply.of(m.CANCEL, f="cancel", d="{draft}"),), draft))

    def _no_progress_target(self, tap: NoProgress) -> tuple[PlanRecord, int] | None:
        """The plan of the tap's fiscal year whose indicators the tapper answers for, with its unit.

        The tapper's own unit first; an acting officer may also answer for the absent colleague's.
        """
        from handlers.nudges import duties_of

        units = [reporting_unit(self.session, self.person)]
        if self.person.acting_for_id is not None:
            absent = self.session.get(Person, self.person.acting_for_id)
            units.append(absent.unit_id if absent else None)
        for unit_id in dict.fromkeys(u for u in units if u is not None):
            record = plan_for_unit(self.session, unit_id, tap.period.fiscal_year)
            if record is None or record.fiscal_year != tap.period.fiscal_year:
                continue
            if set(tap.codes) <= duties_of(self.session, record, self.person):
                return record, unit_id
        return None

    def _save_no_progress(self, draft: Draft, text: str, reply: Reply) -> Reply:
        data = dict(draft.data)
        reason = normalize_text(text)
        period = FiscalPeriod.from_label(data["period_label"])
        saved = []
        for code in data["codes"]:
            indicator = self._indicator_record(data["plan_id"], code)
            if indicator is None or indicator.id is None:
                continue
            record_report(
                self.session,
                ReportInput(
                    indicator_id=indicator.id, period=period, narrative=f"{nt.NO_PROGRESS}: {reason}", problems=reason
                ),
                by=self.person.id or 0,
                now=self.now,
                source="line:no-progress",
            )
            saved.append(code)
        _save_draft(self.session, draft, data, self.now, "saved")
        return reply.say(nt.NO_PROGRESS_SAVED.format(codes=", ".join(saved), reason=reason))

    @staticmethod
    def _names_indicator_and_value(parsed: ParseResult) -> bool:
        """A new report, not an answer: it names an indicator (or indicators it could be) and gives a
        value or a status. Such a message is never absorbed by a waiting question."""
        item = parsed.first
        return (
            parsed.intent == "report"
            and item is not None
            and (item.indicator is not None or bool(item.candidates))
            and (item.value is not None or item.pending)
        )

    @staticmethod
    def _same_indicators(draft: Draft, parsed: ParseResult) -> bool:
        """The new message reports what the waiting draft is about (so it replaces it)."""
        old: set[str] = set()
        for item in (draft.data or {}).get("items", []):
            old |= {item["code"]} if item.get("code") else set(item.get("candidates") or [])
        new: set[str] = set()
        for parsed_item in parsed.items:
            new |= {parsed_item.indicator} if parsed_item.indicator else set(parsed_item.candidates)
        return bool(old & new) or not old

    def _resume(self, draft: Draft, reply: Reply) -> Reply:
        """Back to a kept draft: its question again, and it is the current draft from now on."""
        data = dict(draft.data)
        if data.get("kind") == "noprogress":
            _save_draft(self.session, draft, data, self.now)
            return reply.say(nt.ASK_REASON, _bind((QuickReply.of(m.CANCEL, f="cancel", d="{draft}"),), draft))
        context = self._context()
        if context is None or data.get("kind") is not None:
            return reply.say(m.DRAFT_GONE)
        record, parser, _ = context
        return self._advance(draft, data, record, parser, reply)

    def _start(
        self, parsed: ParseResult, text: str, message_id: str | None, record: PlanRecord, unit_id: int, reply: Reply
    ) -> Reply:
        period = parsed.period
        data: dict[str, Any] = {
            "plan_id": record.id,
            "unit_id": unit_id,
            "message_id": message_id,
            "text": text,
            "items": [_item_json(i) for i in parsed.items],
            "period": None
            if period is None
            else {"fiscal_year": period.fiscal_year, "quarter": period.quarter, "month": period.month},
            "period_defaulted": parsed.period_defaulted,
            "period_question": parsed.ask if parsed.ask_field == "period" else None,
            "narrative": parsed.sections.narrative,
            "has_narrative": _has_substance(parsed.sections.narrative),
            "problems": parsed.sections.problems,
            "missing_5w": parsed.sections.missing_five_w(),
        }
        draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, data=data, created_at=self.now)
        parser = PARSERS.get(record, learnt_aliases(self.session, unit_id, record.id or 0))
        return self._advance(draft, data, record, parser, reply)

    def _advance(
        self, draft: Draft, data: dict[str, Any], record: PlanRecord, parser: MessageParser, reply: Reply
    ) -> Reply:
        """Ask the next question, or save when nothing is left to ask."""
        data["awaiting"] = None
        plan = parser.plan
        question = self._next_question(data, parser)
        if question is not None:
            text, quick, awaiting = question
            data["awaiting"] = awaiting
            _save_draft(self.session, draft, data, self.now, "open")
            return reply.say(text, _bind((*quick, QuickReply.of(m.CANCEL, f="cancel", d="{draft}")), draft))
        return self._save(draft, data, record, plan, reply)

    def _next_question(
        self, data: dict[str, Any], parser: MessageParser
    ) -> tuple[str, tuple[QuickReply, ...], dict[str, Any]] | None:
        draft_id = "{draft}"
        if data.get("period_question") and not data.get("period_ok"):
            options = self._period_options(parser.plan.fiscal_year)
            return data["period_question"], options, {"field": "period"}
        for idx, item in enumerate(data["items"]):
            if item["code"] is None:
                cands = [c for c in item["candidates"] if c in parser.indicators][:3]
                text = (
                    q.CODE_CONFLICT.format(code=cands[0], other=cands[1])
                    if item["via"] == "conflict" and len(cands) > 1
                    else q.WHICH_INDICATOR_OF.format(options=", ".join(cands))
                    if cands
                    else q.WHICH_INDICATOR
                )
                quick = (
                    *(
                        QuickReply.of(self._short_label(parser.plan, c), f"ตัวชี้วัดที่ {c}", f="indicator", v=c, d=draft_id)
                        for c in cands
                    ),
                    QuickReply.of(m.OTHER, f="indicator", v="*", d=draft_id),
                )
                return text, quick, {"field": "indicator", "item": idx}
            indicator = parser.indicators[item["code"]]
            if item["value"] is None:
                if item["pending"] or (data.get("has_narrative") and not data.get("value_refused")):
                    continue
                return q.WHAT_VALUE.format(code=item["code"]), (), {"field": "value", "item": idx}
            if item["unit"] is None:
                from handlers.parse.value import ValueMatch

                problem = parser.value_problem(indicator, ValueMatch(item["value"], None))
                quick = (
                    QuickReply.of(m.YES, f="unit", v="yes", d=draft_id),
                    QuickReply.of(m.NO, f="unit", v="no", d=draft_id),
                )
                return problem or q.WHAT_VALUE.format(code=item["code"]), quick, {"field": "unit", "item": idx}
            from handlers.parse.value import ValueMatch

            problem = parser.value_problem(indicator, ValueMatch(item["value"], item["unit"]))
            if problem:
                return problem, (), {"field": "value", "item": idx}
            lower = self._lower_than_last(data, item)
            if lower is not None and idx not in data.get("lower_ok", []):
                quick = (QuickReply.of(f"{m.CONFIRM_YES} {item['value']:g}", f="lower", v="yes", d=draft_id),)
                return lower, quick, {"field": "lower", "item": idx}
        unsure = any(i["confidence"] < 0.9 for i in data["items"]) or any(
            i.get("value_source") == "fraction" and i["numerator"] is None for i in data["items"]
        )
        if unsure and not data.get("confirmed"):
            quick = (
                QuickReply.of(m.CONFIRM_YES, f="confirm", v="yes", d=draft_id),
                QuickReply.of(m.EDIT, f="confirm", v="no", d=draft_id),
            )
            return m.CONFIRM.format(summary=self._summary(data, parser.plan)), quick, {"field": "confirm"}
        return None

    def _answer(
        self, draft: Draft, parsed: ParseResult, text: str, record: PlanRecord, parser: MessageParser, reply: Reply
    ) -> Reply:
        """A text while a question is open: an answer, a correction, or a yes/no."""
        data = dict(draft.data)
        awaiting = data.get("awaiting") or {}
        field = awaiting.get("field")
        idx = int(awaiting.get("item", 0))
        items = data["items"]
        norm = normalize_text(text).lower()
        code = next((c for c in (parsed.first.indicator,) if c), None) if parsed.first else None
        explicit = parser.matcher.find_codes(norm)
        if explicit:
            code = explicit[-1].code
        value = find_value(norm)
        yes = self._is_yes(norm)
        no = self._is_no(norm) and not explicit
        understood = False
        if code and (field in ("indicator", "edit", "confirm") or _NOT_CODE.match(norm)):
            self._choose_indicator(data, idx if field == "indicator" else 0, code)
            data["confirmed"] = field == "indicator" or data.get("confirmed", False)
            understood = True
        if value is not None or _NUMBER_ONLY.match(norm):
            number = value.value if value else float(_NUMBER_ONLY.match(norm).group(1))  # type: ignore[union-attr]
            target = items[idx] if field in ("value", "unit", "lower") else items[0]
            unit = value.unit if value and value.unit else None
            if unit is None and field in ("value", "unit", "lower", "edit", "confirm"):
                unit = parser.indicators[target["code"]].unit if target["code"] else None
            target.update(
                value=number,
                unit=unit,
                numerator=value.numerator if value else None,
                denominator=value.denominator if value else None,
                value_source="answer",
            )
            data.pop("value_refused", None)
            if field == "lower":
                data.setdefault("lower_ok", [])
            understood = True
        if field in ("period",):
            periods = find_periods(norm, self.today)
            if periods:
                p = periods[0]
                data["period"] = {"fiscal_year": p.fiscal_year, "quarter": p.quarter, "month": p.month}
                data["period_ok"] = True
                understood = True
        if not understood and field == "unit" and (yes or no):
            if yes:
                items[idx]["unit"] = parser.indicators[items[idx]["code"]].unit
            else:
                items[idx]["value"], items[idx]["unit"] = None, None
                data["value_refused"] = True
            understood = True
        if not understood and field == "lower" and yes:
            data.setdefault("lower_ok", []).append(idx)
            understood = True
        if not understood and field == "confirm" and (yes or no):
            if yes:
                data["confirmed"] = True
            else:
                data["awaiting"] = {"field": "edit"}
                _save_draft(self.session, draft, data, self.now)
                return reply.say(m.EDIT_HOW)
            understood = True
        if not understood and field == "indicator":
            cands = parser.matcher.candidates(text)
            if cands.ranked and cands.ranked[0][1] >= 60 and cands.margin() >= 15:
                self._choose_indicator(data, idx, cands.ranked[0][0])
                understood = True
        if not understood:
            question = self._next_question(data, parser)
            again = question[0] if question else ""
            _save_draft(self.session, draft, data, self.now)
            quick = question[1] if question else ()
            return reply.say(
                m.ASK_AGAIN.format(question=again).strip(),
                _bind((*quick, QuickReply.of(m.CANCEL, f="cancel", d="{draft}")), draft),
            )
        return self._advance(draft, data, record, parser, reply)

    def _choose_indicator(self, data: dict[str, Any], idx: int, code: str) -> None:
        item = data["items"][idx]
        asked = item["code"] is None and item.get("candidates")
        item.update(code=code, confidence=1.0, via="chosen")
        if asked and item.get("phrase"):
            data.setdefault("learn", []).append({"phrase": item["phrase"], "code": code})

    def _lower_than_last(self, data: dict[str, Any], item: dict[str, Any]) -> str | None:
        indicator = self._indicator_record(data["plan_id"], item["code"])
        if indicator is None or item["value"] is None:
            return None
        period = data.get("period") or {}
        last = self.session.exec(
            select(ProgressReport)
            .where(
                ProgressReport.indicator_id == indicator.id,
                ProgressReport.fiscal_year == period.get("fiscal_year"),
                ProgressReport.status != ReportStatus.withdrawn,
            )
            .order_by(col(ProgressReport.reported_at).desc())
        ).first()
        if last is None or last.value is None or last.value <= item["value"]:
            return None
        record = self.session.get(PlanRecord, data["plan_id"])
        assert record is not None
        plan_indicator = plan_from_record(record).indicator(item["code"])
        if plan_indicator.rubric is not None and plan_indicator.rubric.direction == "lower":
            return None  # minutes going down is progress
        when = thai_date(last.reported_at.astimezone(BANGKOK).date()) if last.reported_at else "-"
        unit = item["unit"] or ""
        fmt = (lambda v: f"ร้อยละ {v:g}") if unit == "ร้อยละ" else (lambda v: f"{v:g} {unit}".strip())
        return m.LOWER_THAN_LAST.format(code=item["code"], last=fmt(last.value), when=when, value=fmt(item["value"]))

    def _indicator_record(self, plan_id: int, code: str) -> IndicatorRecord | None:
        return self.session.exec(
            select(IndicatorRecord).where(IndicatorRecord.plan_id == plan_id, IndicatorRecord.code == code)
        ).first()

    def _save(self, draft: Draft, data: dict[str, Any], record: PlanRecord, plan: Plan, reply: Reply) -> Reply:
        period_d = data["period"]
        period = FiscalPeriod(period_d["fiscal_year"], period_d["quarter"], period_d.get("month"))
        saved: list[str] = []
        report_ids: list[int] = []
        for item in data["items"]:
            indicator = self._indicator_record(record.id or 0, item["code"])
            assert indicator is not None and indicator.id is not None
            report = record_report(
                self.session,
                ReportInput(
                    indicator_id=indicator.id,
                    period=period,
                    value=item["value"],
                    numerator=item["numerator"],
                    denominator=item["denominator"],
                    narrative=data.get("narrative") or "",
                    problems=data.get("problems") or "",
                    source_message_id=data.get("message_id"),
                ),
                by=self.person.id or 0,
                now=self.now,
                source=f"line:{data.get('message_id') or 'chat'}",
            )
            report_ids.append(report.id or 0)
            saved.append(self._saved_line(plan, item, period, report))
        self._attach_evidence(draft, report_ids)
        for learn in data.get("learn", []):
            self._learn(data["unit_id"], record.id or 0, learn["phrase"], learn["code"])
        missing = data.get("missing_5w") or []
        follow_up = len(missing) >= 2
        data["report_ids"] = report_ids
        _save_draft(self.session, draft, data, self.now, "details" if follow_up else "saved")
        reply.say(m.SAVED.format(summary="\n".join(saved)))
        if follow_up:
            names = " ".join(q.FIVE_W_NAMES[k] for k in missing)
            reply.say(q.FIVE_W_FOLLOW_UP.format(missing=names))
        return reply

    def _attach_evidence(self, draft: Draft, report_ids: list[int]) -> None:
        """Photos sent with the draft, or shortly before the report, go to the (first) saved report."""
        if not report_ids:
            return
        rows = list(loose_evidence(self.session, self.person.id or 0, self.now))
        if draft.id is not None:
            rows += self.session.exec(select(Evidence).where(Evidence.draft_id == draft.id)).all()
        for row in rows:
            row.report_id = report_ids[0]
            self.session.add(row)

    def _saved_line(self, plan: Plan, item: dict[str, Any], period: FiscalPeriod, report: ProgressReport) -> str:
        if item["value"] is None:
            return m.SAVED_NO_VALUE.format(code=item["code"], period=period.thai)
        unit = item["unit"] or ""
        shown = f"ร้อยละ {item['value']:g}" if unit == "ร้อยละ" else f"{item['value']:g} {unit}".strip()
        line = m.SAVED_ITEM.format(code=item["code"], value=shown, period=period.thai)
        indicator = plan.indicator(item["code"])
        e = evaluate(
            indicator,
            Result.of(item["value"], report.done, numerator=item["numerator"], denominator=item["denominator"]),
        )
        if indicator.rubric is not None:
            line += "\n" + m.LEVEL_NOW.format(level=e.level, points=e.points, max_points=e.max_points)
            if e.next:
                line += "\n" + e.next
        return line

    def _learn(self, unit_id: int, plan_id: int, phrase: str, code: str) -> None:
        indicator = self._indicator_record(plan_id, code)
        key = match_key(phrase)
        if indicator is None or len(key) < 3:
            return
        exists = self.session.exec(
            select(UnitAlias).where(UnitAlias.unit_id == unit_id, UnitAlias.phrase == phrase)
        ).first()
        if exists is None:
            self.session.add(
                UnitAlias(unit_id=unit_id, indicator_id=indicator.id or 0, phrase=phrase, learnt_at=self.now)
            )

    def _add_details(self, draft: Draft, text: str, reply: Reply) -> Reply:
        """The answer to the 5W follow-up: appended to the narrative of the reports just saved."""
        data = dict(draft.data)
        addition = normalize_text(text)
        for report_id in data.get("report_ids", []):
            report = self.session.get(ProgressReport, report_id)
            if report is None:
                continue
            from store.audit import acting_as

            with acting_as(self.session, self.person.id, source="line:details", now=self.now):
                report.narrative = (report.narrative + "\n" + addition).strip()
                self.session.add(report)
                self.session.flush()
        _save_draft(self.session, draft, data, self.now, "done")
        return reply.say(m.DETAILS_ADDED)

    def _correct_last(self, parsed: ParseResult, record: PlanRecord, reply: Reply) -> Reply:
        """ "แก้เป็น 80" after saving: corrects the report it is about, never another indicator's.

        It is about the indicator it names, else the report this person saved last, within
        ``RECENT_SAVE``. A value in another unit than the indicator's ("46 ข้อ" for a percentage) is
        read as the new count of a saved ratio (46 of 50 → 92 %) and confirmed before it is saved;
        one that cannot be read so is refused with what the indicator measures.
        """
        item = parsed.first
        if item is None or item.value is None:
            return reply.say(m.NO_REPORT_TO_CORRECT)
        query = (
            select(ProgressReport, IndicatorRecord)
            .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
            .where(ProgressReport.reported_by == self.person.id, IndicatorRecord.plan_id == record.id)
            .order_by(col(ProgressReport.reported_at).desc())
        )
        if item.indicator:
            query = query.where(
                IndicatorRecord.code == item.indicator,
                col(ProgressReport.reported_at) >= self.now - CORRECTION_WINDOW,
            )
        else:
            query = query.where(col(ProgressReport.reported_at) >= self.now - RECENT_SAVE)
        row = self.session.exec(query).first()
        if row is None:
            return reply.say(m.NO_REPORT_TO_CORRECT)
        report, indicator = row
        period = FiscalPeriod(report.fiscal_year, report.quarter, report.month)
        value = item.value
        if value.value is None:
            return reply.say(m.NO_REPORT_TO_CORRECT)
        indicator_unit = plan_from_record(record).indicator(indicator.code).unit or ""
        if value.unit in (None, "", indicator_unit) or value.numerator is not None:
            return self._apply_correction(
                report, indicator.code, value.value, value.numerator, value.denominator, reply
            )
        if indicator_unit == "ร้อยละ" and report.denominator:
            numerator, denominator = value.value, report.denominator
            new = round(100 * numerator / denominator, 2)
            data = {
                "kind": "correction",
                "report_id": report.id,
                "value": new,
                "numerator": numerator,
                "denominator": denominator,
                "awaiting": {"field": "confirm"},
            }
            draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, data=data, created_at=self.now)
            _save_draft(self.session, draft, data, self.now, "open")
            text = m.CORRECT_CONVERTED.format(
                code=indicator.code,
                new=f"ร้อยละ {new:g}",
                numerator=numerator,
                denominator=denominator,
                unit=value.unit,
                old=f"ร้อยละ {report.value:g}" if report.value is not None else "-",
                period=period.thai,
            )
            quick = (
                QuickReply.of(m.CONFIRM_YES, f="confirm", v="yes", d="{draft}"),
                QuickReply.of(m.CANCEL, f="cancel", d="{draft}"),
            )
            return reply.say(text, _bind(quick, draft))
        return reply.say(
            m.CORRECT_UNIT_MISMATCH.format(
                code=indicator.code, period=period.thai, indicator_unit=indicator_unit, unit=value.unit
            )
        )

    def _apply_correction(
        self,
        report: ProgressReport,
        code: str,
        value: float,
        numerator: float | None,
        denominator: float | None,
        reply: Reply,
    ) -> Reply:
        old = report.value
        from store.audit import acting_as

        with acting_as(self.session, self.person.id, source="line:correction", now=self.now):
            report.value = value
            report.numerator, report.denominator = numerator, denominator
            self.session.add(report)
            self.session.flush()
        period = FiscalPeriod(report.fiscal_year, report.quarter, report.month)
        return reply.say(
            m.CORRECTED.format(
                code=code, old=f"{old:g}" if old is not None else "-", new=f"{value:g}", period=period.thai
            )
        )

    def _finish_correction(self, draft: Draft, yes: bool, reply: Reply) -> Reply:
        data = dict(draft.data)
        report = self.session.get(ProgressReport, data.get("report_id") or 0)
        if not yes or report is None or report.reported_by != self.person.id:
            _save_draft(self.session, draft, data, self.now, "cancelled")
            return reply.say(m.CORRECTION_DROPPED)
        indicator = self.session.get(IndicatorRecord, report.indicator_id)
        _save_draft(self.session, draft, data, self.now, "saved")
        code = indicator.code if indicator else "?"
        return self._apply_correction(report, code, data["value"], data["numerator"], data["denominator"], reply)

    def _confirm_correction_typed(self, draft: Draft, text: str, parsed: ParseResult, reply: Reply) -> Reply:
        """ "ใช่" / "ไม่" typed instead of tapped; anything else drops the correction and is read anew."""
        norm = normalize_text(text).lower()
        if self._is_yes(norm) or self._is_no(norm):
            return self._finish_correction(draft, self._is_yes(norm), reply)
        _save_draft(self.session, draft, dict(draft.data), self.now, "cancelled")
        reply.say(m.CORRECTION_DROPPED)
        return reply

    # presentation ----------------------------------------------------------------------------

    def _list_indicators(self, draft: Draft, plan: Plan, reply: Reply) -> Reply:
        quick = tuple(
            QuickReply.of(self._short_label(plan, i.code), f"ตัวชี้วัดที่ {i.code}", f="indicator", v=i.code, d=draft.id or 0)
            for i in list(plan.indicators())[:12]
        )
        lines = [f"{i.code}. {i.name}" for i in plan.indicators()]
        return reply.say(
            m.PICK_INDICATOR + "\n" + "\n".join(lines), (*quick, QuickReply.of(m.CANCEL, f="cancel", d=draft.id or 0))
        )

    @staticmethod
    def _short_label(plan: Plan, code: str) -> str:
        indicator = plan.indicator(code)
        short = next(
            (a for a in indicator.aliases if 2 < len(a) <= 16 and not re.search(r"\d", a)),
            indicator.name[:12],
        )
        return f"{code} {short}"

    def _summary(self, data: dict[str, Any], plan: Plan) -> str:
        period_d = data.get("period") or {}
        period = FiscalPeriod(period_d["fiscal_year"], period_d["quarter"], period_d.get("month")) if period_d else None
        parts = []
        for item in data["items"]:
            unit = item["unit"] or ""
            value = (
                "-"
                if item["value"] is None
                else (f"ร้อยละ {item['value']:g}" if unit == "ร้อยละ" else f"{item['value']:g} {unit}".strip())
            )
            parts.append(f"ตัวชี้วัดที่ {item['code']} {value}")
        return ", ".join(parts) + (f" ({period.thai})" if period else "")

    @staticmethod
    def _period_options(fiscal_year: int) -> tuple[QuickReply, ...]:
        """The plan's quarters: a report is scored in its plan's year, even when the message named another."""
        return tuple(
            QuickReply.of(f"ไตรมาส {n}/{fiscal_year}", f="period", v=f"{fiscal_year}-{n}", d="{draft}")
            for n in range(1, 5)
        )

    @staticmethod
    def _is_yes(norm: str) -> bool:
        word = norm.strip(" .!✅👍")
        return any(word == w or word.startswith(w + " ") for w in m.YES_WORDS) and not word.startswith("ไม่")

    @staticmethod
    def _is_no(norm: str) -> bool:
        word = norm.strip(" .!")
        return any(word == w or word.startswith(w) for w in m.NO_WORDS)
