"""The report conversation: a parsed message becomes a draft, the bot asks one question at a time,
and only what is certain or confirmed is saved.

Three conversations share the chat, each declared as a table (``REPORT_FLOW``, ``NO_PROGRESS_FLOW``,
``CORRECTION_FLOW``): for a draft's state and the kind of input (a new report, an answer, a
correction, a cancel, a button), the handler that runs, the states it may end in and the kind of
reply. Drafts are typed (``handlers.drafts``) and kept in the store, so a restart between a question
and its answer loses nothing; they expire after ``DRAFT_TIMEOUT``. A message that names an
indicator and a value is a new report wherever it comes: a waiting question never absorbs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from handlers import drafts as d
from handlers import texts as m
from handlers.drafts import (
    DRAFT_TIMEOUT,
    CorrectionDraft,
    CorrectionState,
    DraftItem,
    Learnt,
    NoProgressDraft,
    PeriodPick,
    ReasonState,
    ReportDraft,
    ReportState,
    ReturnDraft,
)
from handlers.flow import Flow, Input, Says, Step, step
from handlers.parse import questions as q
from handlers.parse.items import ItemClaims, takes_back
from handlers.parse.normalize import match_key, normalize_text
from handlers.parse.parser import (
    SURE_INDICATOR,
    SURE_VALUE,
    MessageParser,
    ParsedItem,
    ParseResult,
    asks_before_saving,
)
from handlers.parse.period import find_periods
from handlers.parse.questions import item_label
from handlers.parse.sections import references
from handlers.parse.value import ValueMatch, find_value
from handlers.postbacks import (
    AcceptLower,
    AnswerConfirm,
    AnswerUnit,
    BadPostback,
    CancelDraft,
    DraftTap,
    ItemDone,
    NoProgress,
    NudgeTap,
    PickIndicator,
    PickItem,
    PickPeriod,
    QueryTap,
    ResumeDraft,
    Verify,
    decode_postback,
)
from handlers.replies import QuickReply, Reply
from handlers.reporting import texts as rt
from handlers.verification.verify import tell_committee
from scoring.fiscal import BANGKOK, FiscalPeriod, bangkok_date, fiscal_year_bounds
from scoring.items import PlanItem, items_of, level_items, next_items
from scoring.plan import Indicator, Plan, RubricKind
from scoring.rubric import Result, evaluate
from scoring.thai import thai_date
from store import item_marks, parse_corrections, progress
from store.evidence import loose_evidence
from store.models import Draft, Evidence, IndicatorRecord, Person, PlanRecord, UnitAlias
from store.people import learnt_aliases, plan_for_unit, reporting_unit
from store.plans import plan_from_record
from store.progress import Report, ReportInput

__all__ = ["DRAFT_TIMEOUT", "PARSERS", "ReportConversation", "Speaker", "open_draft", "pending_draft"]

CORRECTION_WINDOW = timedelta(hours=24)  # "ตัวชี้วัดที่ 2 แก้เป็น 80" names its report: a day back
RECENT_SAVE = timedelta(minutes=30)  # "แก้เป็น 80" names none: only a report saved just now
_NUMBER_ONLY = re.compile(r"^\s*(?:แก้เป็น|เป็น|ได้)?\s*(\d+(?:\.\d+)?)\s*(?:ค่ะ|ครับ|คะ)?\s*$")
_NOT_CODE = re.compile(r"^ไม่ใช่")
_POLITE_END = re.compile(r"(?:\s*(?:นะคะ|นะครับ|ค่ะ|คะ|ครับ|จ้า|จ้ะ|ฮะ|นะ))+\s*$")
_ALL_OF_THEM = re.compile(r"\s*(?:ทั้งหมด|ทุกข้อ|ทุกอัน)$")
_DRAFT = "{draft}"  # quick replies are built before the draft has an id; ``_bind`` fills it in

R = ReportState
_ASKING = (R.ask_period, R.ask_indicator, R.ask_value, R.ask_unit, R.ask_lower, R.ask_items, R.ask_confirm, R.ask_edit)
_ANY_ASK = frozenset(s.value for s in _ASKING)
# The button field that answers each question (after "แก้ไข" the confirmation buttons still stand).
_TAP_FIELD = {
    R.ask_period: "period",
    R.ask_indicator: "indicator",
    R.ask_unit: "unit",
    R.ask_lower: "lower",
    R.ask_items: "item",
    R.ask_confirm: "confirm",
    R.ask_edit: "confirm",
}


def _report_table() -> dict[tuple[str, Input], Step]:
    ask_or_save = (*_ASKING, R.saved, R.ask_details)
    table: dict[tuple[str, Input], Step] = {}
    for state in _ASKING:
        table[(state.value, Input.answer)] = step("_answer", (Says.question, Says.saved), *ask_or_save)
        table[(state.value, Input.correction)] = step("_answer", (Says.question, Says.saved), *ask_or_save)
        if state in _TAP_FIELD:  # a value is typed: no button answers it
            table[(state.value, Input.tap)] = step("_tap", (Says.question, Says.saved, Says.refused), *ask_or_save)
        table[(state.value, Input.report)] = step("_hand_on", Says.handed_on, state, R.superseded)
        table[(state.value, Input.cancel)] = step("_cancel", Says.cancelled, R.cancelled)
        table[(state.value, Input.resume)] = step("_resume", (Says.question, Says.saved), *ask_or_save)
        table[(state.value, Input.stale)] = step("_refuse", Says.refused, state)
    for state in (R.ask_confirm, R.ask_edit):  # one indicator of several said again: that part is changed
        table[(state.value, Input.report)] = step(
            "_edit_part", (Says.question, Says.saved, Says.handed_on), *ask_or_save, R.superseded
        )
    table[(R.ask_details.value, Input.answer)] = step("_add_details", Says.saved, R.done)
    table[(R.ask_details.value, Input.report)] = step("_close_details", Says.handed_on, R.done)
    table[(R.ask_details.value, Input.correction)] = step("_close_details", Says.handed_on, R.done)
    table[(R.ask_details.value, Input.cancel)] = step("_skip_details", Says.cancelled, R.done)
    table[(R.ask_details.value, Input.resume)] = step("_refuse", Says.refused, R.ask_details)
    table[(R.ask_details.value, Input.stale)] = step("_refuse", Says.refused, R.ask_details)
    return table


REPORT_FLOW = Flow(
    "report",
    ReportState,
    _report_table(),
    fallback=step("_refuse", Says.refused, *ReportState),  # e.g. a tap on the 5W follow-up
    timeout=DRAFT_TIMEOUT,
    final=frozenset({R.saved, R.done, R.superseded, R.cancelled, R.expired, R.withdrawn}),
)
_W = ReasonState.ask_reason
NO_PROGRESS_FLOW = Flow(
    "no-progress reason",
    ReasonState,
    {
        (_W.value, Input.answer): step("_save_no_progress", Says.saved, ReasonState.saved),
        (_W.value, Input.correction): step("_save_no_progress", Says.saved, ReasonState.saved),
        (_W.value, Input.report): step("_hand_on", Says.handed_on, _W),
        (_W.value, Input.cancel): step("_cancel", Says.cancelled, ReasonState.cancelled),
        (_W.value, Input.resume): step("_resume", Says.question, _W),
        (_W.value, Input.stale): step("_refuse", Says.refused, _W),
    },
    fallback=step("_refuse", Says.refused, *ReasonState),
    timeout=DRAFT_TIMEOUT,
    final=frozenset({ReasonState.saved, ReasonState.cancelled, ReasonState.expired}),
)
_C = CorrectionState.ask_confirm
CORRECTION_FLOW = Flow(
    "correction",
    CorrectionState,
    {
        (_C.value, Input.tap): step(
            "_finish_correction", (Says.saved, Says.cancelled), CorrectionState.saved, CorrectionState.cancelled
        ),
        (_C.value, Input.answer): step(
            "_confirm_correction_typed", (Says.saved, Says.cancelled), CorrectionState.saved, CorrectionState.cancelled
        ),
        (_C.value, Input.report): step("_drop_correction", Says.handed_on, CorrectionState.cancelled),
        (_C.value, Input.correction): step("_drop_correction", Says.handed_on, CorrectionState.cancelled),
        (_C.value, Input.cancel): step("_cancel", Says.cancelled, CorrectionState.cancelled),
        (_C.value, Input.resume): step("_resume", Says.question, _C),
        (_C.value, Input.stale): step("_refuse", Says.refused, _C),
    },
    fallback=step("_refuse", Says.refused, *CorrectionState),
    timeout=DRAFT_TIMEOUT,
    final=frozenset({CorrectionState.saved, CorrectionState.cancelled, CorrectionState.expired}),
)
FLOWS: dict[str, Flow] = {"report": REPORT_FLOW, "noprogress": NO_PROGRESS_FLOW, "correction": CORRECTION_FLOW}

AnyDraft = ReportDraft | NoProgressDraft | CorrectionDraft | ReturnDraft


@dataclass(frozen=True)
class Speaker:
    """Who wrote, in which chat: ``chat_id`` is the user id in 1:1 chats, the group id in groups."""

    person: Person
    chat_id: str


@dataclass(frozen=True)
class Turn:
    """One input to a conversation: a text (parsed) or a decoded button."""

    text: str = ""
    parsed: ParseResult | None = None
    tap: DraftTap | None = None
    message_id: str | None = None


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


def open_draft(session: Session, person_id: int, chat_id: str) -> Draft | None:
    return d.listening(session, person_id, chat_id)


def pending_draft(session: Session, person_id: int, chat_id: str, now: datetime) -> Draft | None:
    return d.waiting(session, person_id, chat_id, now)


def draft_label(draft: Draft) -> str:
    """ " ตัวชี้วัดที่ 2 " for the note that a draft is kept (spaced apart from the Thai around it); "" when no
    indicator is known yet."""
    model = d.load(draft)
    codes: list[str] = []
    if isinstance(model, ReportDraft):
        codes = [i.code for i in model.items if i.code]
    elif isinstance(model, NoProgressDraft):
        codes = list(model.codes)
    return " " + m.INDICATOR.format(code=", ".join(dict.fromkeys(codes))) + " " if codes else ""


def classify(parsed: ParseResult) -> Input:
    """What a typed message is to a waiting conversation (the router has served other intents)."""
    if parsed.intent == "cancel":
        return Input.cancel
    item = parsed.first
    if (
        parsed.intent == "report"
        and item is not None
        and (item.indicator is not None or bool(item.candidates))
        and (item.value is not None or item.pending or not item.claims.empty)
    ):
        return Input.report
    if parsed.intent == "correction":
        return Input.correction
    return Input.answer


def plan_day(fiscal_year: int, today: date) -> date:
    """The day periods are read against: today, kept inside the plan's fiscal year.

    A plan of a past year (late reports, the demo plans) reads "ไตรมาส 2" as that year's Q2.
    """
    start, end = fiscal_year_bounds(fiscal_year)
    return min(max(today, start), end)


def _bind(quick: tuple[QuickReply, ...], draft: Draft) -> tuple[QuickReply, ...]:
    return tuple(QuickReply(qr.label, qr.data.replace("%7Bdraft%7D", str(draft.id)), qr.display_text) for qr in quick)


def _item(item: ParsedItem) -> DraftItem:
    v = None if item.value_is_share else item.value  # the step table's share is no result to save
    return DraftItem(
        code=item.indicator,
        candidates=list(item.candidates),
        confidence=item.indicator_confidence,
        via=item.via,
        value=v.value if v else None,
        numerator=v.numerator if v else None,
        denominator=v.denominator if v else None,
        unit=v.unit if v else None,
        value_source=v.source if v else None,
        value_sure=not (item.unread and item.claims.empty) if v is None else item.value_confidence >= SURE_VALUE,
        pending=item.pending,
        phrase=_phrase(item.text),
        done=list(item.claims.done),
        undone=list(item.claims.undone),
        proposed=list(item.claims.proposed),
        proposed_undone=list(item.claims.proposed_undone),
        options=list(item.claims.options),
        claim=item.claims.claim,
        claimed=item.claims.claimed,
        period=PeriodPick.of(item.period) if item.period is not None else None,
    )


def _only_button(n: int, item: DraftItem, items: list[DraftItem]) -> QuickReply:
    """ "เฉพาะ 4" saves that part alone; when the indicator has several parts (a month each), its month says which."""
    twice = sum(i.code == item.code for i in items) > 1
    if twice and item.period is not None:
        period = item.period.period.thai
        label = rt.ONLY_THIS_IN.format(code=item.code, period=period)
        said = rt.ONLY_THIS_IN_SAID.format(code=item.code, period=period)
    else:
        label, said = rt.ONLY_THIS.format(code=item.code), rt.ONLY_THIS_SAID.format(code=item.code)
    return QuickReply.of(label, said, f="confirm", v=f"only:{n}", d=_DRAFT)


def _reading(model: ReportDraft) -> dict[str, Any]:
    """The first indicator's reading as the parser's corpus labels it: what was parsed, then what was saved."""
    item = model.items[0] if model.items else DraftItem()
    period = model.period
    return {
        "indicator": item.code,
        "value": item.value,
        "numerator": item.numerator,
        "denominator": item.denominator,
        "unit": item.unit,
        "period": (
            {"fiscal_year": period.fiscal_year, "quarter": period.quarter, "month": period.month} if period else None
        ),
    }


def _phrase(segment: str) -> str:
    """The words a reporter used for an indicator: the segment without numbers, periods and particles."""
    words = re.sub(r"\d+(?:\.\d+)?\s*%?|ร้อยละ|ค่ะ|ครับ|คะ|นะ|ได้|แล้ว|ผล|[^\wก-๙ ]", " ", segment)
    words = re.sub(r"\s+", " ", words).strip()
    return words if 3 <= len(words) <= 40 else ""


_shown = q.shown


# --- the conversation --------------------------------------------------------------------------


class ReportConversation:
    """Handles one reporter's text and postbacks against the store; the caller owns the transaction."""

    def __init__(self, session: Session, speaker: Speaker, now: datetime) -> None:
        self.session = session
        self.speaker = speaker
        self.person = speaker.person
        self.now = now
        self.today: date = bangkok_date(now)
        self._ctx: tuple[PlanRecord, MessageParser, int] | None = None
        self._parsed: tuple[str, tuple[tuple[int, int], ...], ParseResult] | None = None  # the text read last
        # The last transition run (flow, state before, input, state after, reply kind): for logs and tests.
        self.last: tuple[str, str, Input, str, Says] | None = None

    def _context(self) -> tuple[PlanRecord, MessageParser, int] | None:
        if self._ctx is not None:
            return self._ctx
        unit_id = reporting_unit(self.session, self.person)
        if unit_id is None:
            return None
        record = plan_for_unit(self.session, unit_id, FiscalPeriod.of_day(self.today).fiscal_year)
        if record is None:
            return None
        assert record.id is not None
        self._ctx = record, PARSERS.get(record, learnt_aliases(self.session, unit_id, record.id)), unit_id
        return self._ctx

    def _read(self, text: str, spans: tuple[tuple[int, int], ...]) -> ParseResult:
        """The reporter's parse of a text, read once: the router asks first (``reads_as_report``), then the
        report is handled from the same reading."""
        context = self._context()
        assert context is not None  # both callers return before reading when there is no plan to read against
        record, parser, _ = context
        if self._parsed is None or self._parsed[:2] != (text, spans):
            self._parsed = (
                text,
                spans,
                parser.parse(text, plan_day(record.fiscal_year, bangkok_date(self.now)), spans=spans),
            )
        return self._parsed[2]

    # entry points ----------------------------------------------------------------------------

    def reads_as_report(self, text: str, spans: tuple[tuple[int, int], ...] = ()) -> bool:
        """Asked by the router before it serves a question: words a question also uses ("สรุปผล", "สถานะ")
        in work the reporter tells done ("สรุปผลแบบสอบถามเสร็จแล้วค่ะ") make a report, as this reporter's
        parser reads it; one place decides, so the report is neither answered as a question nor lost."""
        context = self._context()
        if context is None:
            return False
        return self._read(text, spans).intent in ("report", "correction")

    def on_text(self, text: str, *, message_id: str | None = None, spans: tuple[tuple[int, int], ...] = ()) -> Reply:
        reply = Reply()
        context = self._context()
        if context is None:
            no_role = reporting_unit(self.session, self.person) is None
            return reply.say(rt.NOT_A_REPORTER if no_role else rt.NO_PLAN)
        record, parser, unit_id = context
        self.today = plan_day(record.fiscal_year, bangkok_date(self.now))
        parsed = self._read(text, spans)
        kind = classify(parsed)
        draft = self._listening(reply)
        if draft is not None:
            says = self._run(draft, kind, Turn(text, parsed, None, message_id), reply)
            if says is not Says.handed_on:
                return reply
        if kind is Input.cancel:
            return reply if reply.messages else reply.say(rt.NOTHING_PENDING)
        if parsed.intent in ("correction", "report"):
            taken_back = self._taken_back_from_last(parsed, text, record, parser)
            if taken_back is not parsed:
                return self._start(taken_back, text, message_id, record, unit_id, reply)
        if parsed.intent == "correction":
            return self._correct_last(parsed, record, reply)
        if parsed.intent in ("chat", "query"):
            return reply.say(m.HELP)
        return self._start(self._only_done_taken_back(parsed, record), text, message_id, record, unit_id, reply)

    def _only_done_taken_back(self, parsed: ParseResult, record: PlanRecord) -> ParseResult:
        """ "❌ Infographic ลงเว็บ" on a status list of an item never marked done: nothing to take back, so
        nothing to ask about it; an item this plan has as done is asked about as before."""
        if not any(i.indicator and i.claims.proposed_undone for i in parsed.items):
            return parsed
        states = item_marks.plan_states(self.session, plans=[record]).get(record.id or 0, {})
        for item in parsed.items:
            if item.indicator and item.claims.proposed_undone:
                done = item_marks.done_items(states.get(item.indicator))
                item.claims = replace(
                    item.claims, proposed_undone=tuple(i for i in item.claims.proposed_undone if i in done)
                )
        return parsed

    def _taken_back_from_last(
        self, parsed: ParseResult, text: str, record: PlanRecord, parser: MessageParser
    ) -> ParseResult:
        """ "ขอแก้ค่ะ ขั้นตอนที่ 4 ที่แจ้งว่าเสร็จ ยังไม่เสร็จ" right after a report, naming no indicator: it
        takes back an item of the report this person saved just now (within ``RECENT_SAVE``), asked
        to be confirmed like any item named without its indicator."""
        if len(parsed.items) != 1 or parsed.items[0].indicator is not None or not takes_back(text):
            return parsed
        item = parsed.items[0]
        report = progress.last_reported_by(
            session=self.session, person_id=self.person.id or 0, since=self.now - RECENT_SAVE, plan=record
        )
        if report is None or (item.candidates and report.code not in item.candidates):
            return parsed
        claims = parser.item_matcher.claims(report.code, text)
        if not (claims.undone or claims.proposed_undone):
            return parsed
        item = replace(item, indicator=report.code, candidates=[report.code], indicator_confidence=0.8, via="recent")
        item.claims = claims.confirmed_first()
        period = FiscalPeriod(report.fiscal_year, report.quarter, report.month)  # the report's own period
        return replace(
            parsed,
            intent="report",
            items=[item],
            period=period,
            period_defaulted=False,
            ask=None,
            ask_field=None,
            options=[],
        )

    def on_postback(self, data: str) -> Reply:
        """A button's raw data: decoded, then handled as ``on_tap``; data no button makes is refused."""
        try:
            tap = decode_postback(data)
        except BadPostback:
            return Reply().say(m.BUTTON_INVALID)
        if isinstance(tap, Verify | QueryTap):
            return Reply().say(m.BUTTON_INVALID)  # the router gives these to verification and queries
        return self.on_tap(tap)

    def on_tap(self, tap: DraftTap | NudgeTap | QueryTap) -> Reply:
        """A decoded button: it must belong to the tapper's own draft and answer what that draft waits for."""
        reply = Reply()
        if isinstance(tap, NudgeTap):
            return self._from_nudge(tap, reply)
        if isinstance(tap, QueryTap):
            return reply.say(m.BUTTON_INVALID)  # the router gives these to the query answerer
        draft = self.session.get(Draft, tap.draft_id)
        if draft is None:
            return reply.say(rt.DRAFT_GONE)
        if draft.person_id != self.person.id:
            return reply.say(rt.NOT_YOUR_DRAFT)  # someone else tapped in a group: their draft is untouched
        expired = draft.expires_at is not None and draft.expires_at <= self.now
        if draft.state not in d.LISTENING_STATES or expired:
            return reply.say(rt.DRAFT_GONE)
        if isinstance(tap, CancelDraft):
            kind = Input.cancel
        elif isinstance(tap, ResumeDraft):
            kind = Input.resume
        else:
            kind = Input.tap if self._answers_question(draft, tap) else Input.stale
        self._run(draft, kind, Turn(tap=tap), reply)
        return reply

    # the runner ----------------------------------------------------------------------------

    def _listening(self, reply: Reply) -> Draft | None:
        """The draft this chat's next text goes to; an expired one is closed (and said so if it asked)."""
        draft = d.listening(self.session, self.person.id or 0, self.speaker.chat_id)
        if draft is None:
            return None
        if draft.expires_at is not None and draft.expires_at <= self.now:
            if draft.state in d.QUESTION_STATES:
                when = draft.created_at.astimezone(BANGKOK).strftime(rt.CLOCK) if draft.created_at else ""
                reply.say(rt.EXPIRED.format(when=when))
            d.set_state(self.session, draft, ReportState.expired, self.now)
            return None
        if d.load(draft) is None:  # written by an older version: not guessed at
            d.set_state(self.session, draft, ReportState.expired, self.now)
            return None
        return draft

    def _run(self, draft: Draft, kind: Input, turn: Turn, reply: Reply) -> Says:
        model = d.load(draft)
        if model is None or isinstance(model, ReturnDraft):
            reply.say(rt.DRAFT_GONE)
            return Says.refused
        flow = FLOWS[model.kind]
        before = draft.state
        chosen = flow.step(before, kind)
        says: Says = getattr(self, chosen.handler)(draft, model, turn, reply)
        flow.check(before, kind, draft.state, says)
        self.last = (flow.name, before, kind, draft.state, says)
        return says

    def _answers_question(self, draft: Draft, tap: DraftTap) -> bool:
        """Old buttons stay in the chat and data can be forged: a tap counts only as the answer to the
        question its draft waits for now (else it could skip the lower-value or confirmation question)."""
        model = d.load(draft)
        if isinstance(model, CorrectionDraft):
            return isinstance(tap, AnswerConfirm)
        if not isinstance(model, ReportDraft):
            return False
        wanted = _TAP_FIELD.get(ReportState(draft.state)) if draft.state in _ANY_ASK else None
        return wanted is not None and tap.field == wanted

    # handlers shared by the flows ------------------------------------------------------------

    def _refuse(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        reply.say(m.BUTTON_INVALID if turn.tap is not None else rt.NOTHING_PENDING)
        return Says.refused

    def _cancel(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        if isinstance(model, CorrectionDraft):
            d.set_state(self.session, draft, CorrectionState.cancelled, self.now)
            reply.say(rt.CORRECTION_DROPPED)
        elif isinstance(model, NoProgressDraft):
            d.set_state(self.session, draft, ReasonState.cancelled, self.now)
            reply.say(rt.CANCELLED)
        else:
            d.set_state(self.session, draft, ReportState.cancelled, self.now)
            reply.say(rt.CANCELLED)
        return Says.cancelled

    def _hand_on(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """A new report while a question waits: the same indicator again replaces the draft; another
        one is served and the waiting draft kept, said in one line."""
        assert turn.parsed is not None
        if isinstance(model, ReportDraft) and self._same_indicators(model, turn.parsed):
            d.set_state(self.session, draft, ReportState.superseded, self.now)
            reply.say(rt.SUPERSEDED)
        else:
            reply.say(rt.PENDING_KEPT_NEW.format(what=draft_label(draft)))
        return Says.handed_on

    def _edit_part(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """ "ตช.3 ร้อยละ 50" while several indicators wait for their confirmation: only that part is
        changed, the others are kept, and the whole is shown again; anything else is a new report."""
        parsed = turn.parsed
        assert parsed is not None
        codes = [i.code for i in model.items] if isinstance(model, ReportDraft) else []
        said = [i for i in parsed.items if i.indicator is not None]
        if not (isinstance(model, ReportDraft) and len(codes) > 1 and said and len(said) == len(parsed.items)):
            return self._hand_on(draft, model, turn, reply)
        if not all(i.indicator in codes for i in said):
            return self._hand_on(draft, model, turn, reply)
        for part in said:
            item = model.items[codes.index(part.indicator)]
            fresh = _item(part)
            item.value, item.numerator, item.denominator, item.unit = (
                fresh.value,
                fresh.numerator,
                fresh.denominator,
                fresh.unit,
            )
            item.value_source, item.value_sure = "answer", True
            if not parsed.period_defaulted and parsed.period is not None:
                item.period = fresh.period or PeriodPick.of(parsed.period)
        model.confirmed = False
        context = self._context()
        assert context is not None
        record, parser, _ = context
        return self._advance(draft, model, record, parser, reply)

    def _resume(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """Back to a kept draft: its question again, and it is the current draft from now on."""
        if isinstance(model, NoProgressDraft):
            d.store(self.session, draft, model, self.now, ReasonState.ask_reason)
            reply.say(rt.ASK_REASON, _bind((QuickReply.of(rt.CANCEL, f="cancel", d=_DRAFT),), draft))
            return Says.question
        if isinstance(model, CorrectionDraft):
            d.store(self.session, draft, model, self.now, CorrectionState.ask_confirm)
            reply.say(rt.CORRECT_AGAIN, _bind(self._correction_buttons(), draft))
            return Says.question
        context = self._context()
        assert isinstance(model, ReportDraft) and context is not None
        record, parser, _ = context
        return self._advance(draft, model, record, parser, reply)

    @staticmethod
    def _same_indicators(model: ReportDraft, parsed: ParseResult) -> bool:
        old: set[str] = set()
        for item in model.items:
            old |= {item.code} if item.code else set(item.candidates)
        new: set[str] = set()
        for parsed_item in parsed.items:
            new |= {parsed_item.indicator} if parsed_item.indicator else set(parsed_item.candidates)
        return bool(old & new) or not old

    # the report flow -----------------------------------------------------------------------

    def _start(
        self, parsed: ParseResult, text: str, message_id: str | None, record: PlanRecord, unit_id: int, reply: Reply
    ) -> Reply:
        period = parsed.period
        model = ReportDraft(
            plan_id=record.id or 0,
            unit_id=unit_id,
            message_id=message_id,
            text=text,
            items=[_item(i) for i in parsed.items],
            period=PeriodPick.of(period) if period is not None else None,
            period_defaulted=parsed.period_defaulted,
            period_question=parsed.ask if parsed.ask_field == "period" else None,
            narrative=parsed.sections.narrative,
            has_narrative=parsed.sections.has_substance,
            problems=parsed.sections.problems,
            missing_5w=list(parsed.sections.missing_five_w()),
        )
        model.parsed = _reading(model)
        draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, created_at=self.now)
        parser = PARSERS.get(record, learnt_aliases(self.session, unit_id, record.id or 0))
        self._advance(draft, model, record, parser, reply)
        return reply

    def _advance(
        self, draft: Draft, model: ReportDraft, record: PlanRecord, parser: MessageParser, reply: Reply
    ) -> Says:
        """Ask the next question, or save when nothing is left to ask."""
        question = self._next_question(model, parser)
        if question is not None:
            text, quick, state, idx = question
            model.item = idx
            d.store(self.session, draft, model, self.now, state)
            reply.say(text, _bind((*quick, QuickReply.of(rt.CANCEL, f="cancel", d=_DRAFT)), draft))
            return Says.question
        self._save(draft, model, record, parser.plan, reply)
        return Says.saved

    def _next_question(
        self, model: ReportDraft, parser: MessageParser
    ) -> tuple[str, tuple[QuickReply, ...], ReportState, int] | None:
        if model.period_question and not model.period_ok:
            return model.period_question, self._period_options(parser.plan.fiscal_year), R.ask_period, 0
        for idx, item in enumerate(model.items):
            if item.code is None:
                cands = [c for c in item.candidates if c in parser.indicators][:3]
                text = (
                    q.CODE_CONFLICT.format(code=cands[0], other=cands[1])
                    if item.via == "conflict" and len(cands) > 1
                    else q.WHICH_INDICATOR_OF.format(options=", ".join(cands))
                    if cands
                    else q.WHICH_INDICATOR
                )
                quick = (
                    *(
                        QuickReply.of(
                            self._short_label(parser.plan, c), m.INDICATOR.format(code=c), f="indicator", v=c, d=_DRAFT
                        )
                        for c in cands
                    ),
                    QuickReply.of(rt.OTHER, f="indicator", v="*", d=_DRAFT),
                )
                return text, quick, R.ask_indicator, idx
            indicator = parser.indicators[item.code]
            if item.value is None:
                if item.pending or item.has_items or (model.has_narrative and not model.value_refused):
                    continue
                return q.WHAT_VALUE.format(code=item.code), (), R.ask_value, idx
            if item.unit is None:
                problem = parser.value_problem(indicator, ValueMatch(item.value, None))
                quick = (
                    QuickReply.of(rt.YES, f="unit", v="yes", d=_DRAFT),
                    QuickReply.of(rt.NO, f="unit", v="no", d=_DRAFT),
                )
                return problem or q.WHAT_VALUE.format(code=item.code), quick, R.ask_unit, idx
            problem = parser.value_problem(indicator, ValueMatch(item.value, item.unit))
            if problem:
                return problem, (), R.ask_value, idx
            lower = self._lower_than_last(model, item)
            if lower is not None and idx not in model.lower_ok:
                quick = (QuickReply.of(f"{rt.CONFIRM_YES} {item.value:g}", f="lower", v="yes", d=_DRAFT),)
                return lower, quick, R.ask_lower, idx
        for idx, item in enumerate(model.items):
            if item.code is not None and item.items_open:
                return self._items_question(parser, item, idx)
        unsure = model.must_confirm or asks_before_saving(
            parts=len(model.items),
            all_sure=all(i.confidence >= SURE_INDICATOR and i.value_sure for i in model.items),
            bare_fraction=any(i.value_source == "fraction" and i.numerator is None for i in model.items),
            text=model.text,
        )
        if unsure and not model.confirmed:
            only = (
                tuple(_only_button(n, i, model.items) for n, i in enumerate(model.items[:3]))
                if len(model.items) > 1
                else ()
            )
            quick = (
                QuickReply.of(rt.CONFIRM_YES, f="confirm", v="yes", d=_DRAFT),
                *only,
                QuickReply.of(rt.EDIT, f="confirm", v="no", d=_DRAFT),
            )
            parts = [
                (
                    i.code or "",
                    parser.indicators[i.code].name if i.code and i.confidence < 0.9 else "",
                    i.value,
                    i.unit,
                    i.period.period.thai if i.period else None,
                )
                for i in model.items
            ]
            period = model.period.period.thai if model.period else None
            return q.confirm_question(parts, period), quick, R.ask_confirm, 0
        return None

    def _items_question(
        self, parser: MessageParser, item: DraftItem, idx: int
    ) -> tuple[str, tuple[QuickReply, ...], ReportState, int]:
        """Confirm what was matched by words or claimed; one tap per item, or all at once."""
        code = item.code or ""
        claims = ItemClaims(
            tuple(item.done),
            tuple(item.undone),
            tuple(item.proposed),
            tuple(item.proposed_undone),
            tuple(item.options),
            "level" if item.claim == "level" else "points" if item.claim == "points" else None,
            item.claimed,
        )
        text = parser.items_question(code, claims, named=item.confidence < SURE_INDICATOR) or ""
        by_id = {i.id: i for i in items_of(parser.indicators[code])}
        offered = item.proposed or item.options
        if not offered and item.claim == "points":
            offered = [i.id for i in next_items(parser.indicators[code], item.done, 6)]
            item.options = list(offered)
        quick: list[QuickReply] = []
        if item.proposed or item.proposed_undone:
            quick.append(QuickReply.of(rt.CONFIRM_ALL, f="item", v="all", d=_DRAFT))
        if len(offered) > 1 or item.options:
            quick += [QuickReply.of(item_label(by_id[i]), f="item", v=i, d=_DRAFT) for i in offered[:10] if i in by_id]
        quick.append(QuickReply.of(rt.NOT_THESE, f="item", v="none", d=_DRAFT))
        return text, tuple(quick), R.ask_items, idx

    def _take_items(self, item: DraftItem, choice: str) -> None:
        """ "all": everything proposed is confirmed; an id: that item; "none": nothing of it."""
        if choice == "all":
            item.done += [i for i in item.proposed if i not in item.done]
            item.undone += [i for i in item.proposed_undone if i not in item.undone]
            item.proposed, item.proposed_undone, item.options = [], [], []
        elif choice == "none":
            item.proposed, item.proposed_undone, item.options = [], [], []
        else:
            if choice not in item.done:
                item.done.append(choice)
            item.proposed = [i for i in item.proposed if i != choice]
            item.options = []
        if item.claim == "points":
            item.claim = None  # answered: the items stand for the points now
        item.confidence = max(item.confidence, 0.9)  # the reporter confirmed the indicator with its items

    def _tap(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """A button that answers the waiting question."""
        tap = turn.tap
        context = self._context()
        if context is None or not isinstance(model, ReportDraft) or tap is None:
            reply.say(rt.NOT_A_REPORTER)
            return Says.refused
        record, parser, _ = context
        item = model.items[model.item] if model.item < len(model.items) else None
        if isinstance(tap, PickIndicator):
            if item is None:
                return self._refuse(draft, model, turn, reply)
            if tap.code is None:
                self._list_indicators(draft, parser.plan, reply)
                return Says.question
            if tap.code not in parser.indicators:
                reply.say(rt.NOT_IN_PLAN.format(code=tap.code))
                return Says.refused
            self._choose_indicator(model, model.item, tap.code)
        elif isinstance(tap, AnswerUnit):
            if item is None or item.code not in parser.indicators:
                return self._refuse(draft, model, turn, reply)
            if tap.yes:
                item.unit, item.value_sure = parser.indicators[item.code].unit, True
            else:
                item.value, item.unit = None, None
                model.value_refused = True
        elif isinstance(tap, AcceptLower):
            model.lower_ok.append(model.item)
        elif isinstance(tap, PickPeriod):
            plan_record = self.session.get(PlanRecord, model.plan_id) or record
            if tap.period.fiscal_year != plan_record.fiscal_year:
                return self._refuse(draft, model, turn, reply)  # scored in the plan's own year
            model.period = PeriodPick.of(tap.period)
            model.period_ok = True
        elif isinstance(tap, PickItem):
            if item is None or item.code not in parser.indicators:
                return self._refuse(draft, model, turn, reply)
            known = {i.id for i in items_of(parser.indicators[item.code])}
            if tap.item not in ("all", "none") and tap.item not in known:
                return self._refuse(draft, model, turn, reply)
            self._take_items(item, tap.item)
        elif isinstance(tap, AnswerConfirm):
            if not tap.yes:
                d.store(self.session, draft, model, self.now, R.ask_edit)
                reply.say(rt.EDIT_HOW)
                return Says.question
            if tap.only is not None:
                return self._save_only(draft, model, tap.only, reply)
            model.confirmed = True
        return self._advance(draft, model, record, parser, reply)

    def _save_only(self, draft: Draft, model: ReportDraft, idx: int, reply: Reply) -> Says:
        """ "เฉพาะ ตช.1" under several indicators: that one is saved now, the others wait in a draft of
        their own for their confirmation, each with its own buttons."""
        context = self._context()
        if context is None or not 0 <= idx < len(model.items) or len(model.items) < 2:
            reply.say(m.BUTTON_INVALID)
            return Says.refused
        record, parser, _ = context
        rest = [i for n, i in enumerate(model.items) if n != idx]
        model.items, model.confirmed = [model.items[idx]], True
        says = self._advance(draft, model, record, parser, reply)
        left = model.model_copy(
            update={"items": rest, "confirmed": False, "must_confirm": True, "report_ids": [], "learn": []}
        )
        later = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, created_at=self.now)
        self._advance(later, left, record, parser, reply)
        return says

    def _answer(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """A text while a question waits: an answer, a correction of the draft, or a yes/no."""
        context = self._context()
        assert isinstance(model, ReportDraft) and context is not None and turn.parsed is not None
        record, parser, _ = context
        state = ReportState(draft.state)
        parsed, text = turn.parsed, turn.text
        idx = model.item
        items = model.items
        norm = normalize_text(text).lower()
        code = parsed.first.indicator if parsed.first else None
        explicit = parser.matcher.find_codes(norm)
        if explicit:
            code = explicit[-1].code
        value = find_value(norm)
        yes = self._is_yes(norm)
        no = self._is_no(norm) and not explicit
        understood = False
        if code and (state in (R.ask_indicator, R.ask_edit, R.ask_confirm) or _NOT_CODE.match(norm)):
            self._choose_indicator(model, idx if state is R.ask_indicator else 0, code)
            model.confirmed = state is R.ask_indicator or model.confirmed
            understood = True
        number_only = _NUMBER_ONLY.match(norm)
        if value is not None or number_only:
            number = value.value if value else float(number_only.group(1))  # type: ignore[union-attr]
            target = items[idx] if state in (R.ask_value, R.ask_unit, R.ask_lower) else items[0]
            unit = value.unit if value and value.unit else None
            if unit is None and state in (R.ask_value, R.ask_unit, R.ask_lower, R.ask_edit, R.ask_confirm):
                unit = parser.indicators[target.code].unit if target.code else None
            target.value, target.unit = number, unit
            target.numerator = value.numerator if value else None
            target.denominator = value.denominator if value else None
            target.value_source = "answer"
            target.value_sure = True
            model.value_refused = False
            understood = True
        if state is R.ask_period:
            periods = find_periods(norm, self.today)
            if periods and periods[0].fiscal_year == record.fiscal_year:
                found = periods[0]
                model.period = PeriodPick(fiscal_year=found.fiscal_year, quarter=found.quarter, month=found.month)
                model.period_ok = True
                understood = True
        if not understood and state is R.ask_unit and (yes or no) and items[idx].code:
            if yes:
                items[idx].unit, items[idx].value_sure = parser.indicators[items[idx].code or ""].unit, True
            else:
                items[idx].value, items[idx].unit = None, None
                model.value_refused = True
            understood = True
        if not understood and state is R.ask_lower and yes:
            model.lower_ok.append(idx)
            understood = True
        if not understood and state is R.ask_items and (yes or no):
            self._take_items(items[idx], "all" if yes else "none")
            understood = True
        if not understood and state is R.ask_confirm and (yes or no):
            if no:
                d.store(self.session, draft, model, self.now, R.ask_edit)
                reply.say(rt.EDIT_HOW)
                return Says.question
            model.confirmed = True
            understood = True
        if not understood and state is R.ask_indicator:
            cands = parser.matcher.candidates(text)
            if cands.ranked and cands.ranked[0][1] >= 60 and cands.margin() >= 15:
                self._choose_indicator(model, idx, cands.ranked[0][0])
                understood = True
        if not understood:
            question = self._next_question(model, parser)
            again = question[0] if question else ""
            quick = question[1] if question else ()
            d.store(self.session, draft, model, self.now, state)
            reply.say(
                rt.ASK_AGAIN.format(question=again).strip(),
                _bind((*quick, QuickReply.of(rt.CANCEL, f="cancel", d=_DRAFT)), draft),
            )
            return Says.question
        return self._advance(draft, model, record, parser, reply)

    def _choose_indicator(self, model: ReportDraft, idx: int, code: str) -> None:
        item = model.items[idx]
        asked = item.code is None and bool(item.candidates)
        item.code, item.confidence, item.via = code, 1.0, "chosen"
        if asked and item.phrase:
            model.learn.append(Learnt(phrase=item.phrase, code=code))

    def _lower_than_last(self, model: ReportDraft, item: DraftItem) -> str | None:
        indicator = self._indicator_record(model.plan_id, item.code or "")
        if indicator is None or item.value is None:
            return None
        pick = item.period or model.period
        if pick is None:
            return None
        last = progress.latest_report(
            session=self.session, indicator_id=indicator.id or 0, fiscal_year=pick.fiscal_year
        )
        if last is None or last.value is None or last.value <= item.value:
            return None
        record = self.session.get(PlanRecord, model.plan_id)
        assert record is not None
        plan_indicator = plan_from_record(record).indicator(item.code or "")
        if plan_indicator.rubric is not None and plan_indicator.rubric.direction == "lower":
            return None  # minutes going down is progress
        when = thai_date(last.reported_at.astimezone(BANGKOK).date()) if last.reported_at else "-"
        return rt.LOWER_THAN_LAST.format(
            code=item.code, last=_shown(last.value, item.unit), when=when, value=_shown(item.value, item.unit)
        )

    def _indicator_record(self, plan_id: int, code: str) -> IndicatorRecord | None:
        return self.session.exec(
            select(IndicatorRecord).where(IndicatorRecord.plan_id == plan_id, IndicatorRecord.code == code)
        ).first()

    def _save(self, draft: Draft, model: ReportDraft, record: PlanRecord, plan: Plan, reply: Reply) -> None:
        assert model.period is not None
        period = model.period.period
        written_items: list[tuple[DraftItem, FiscalPeriod, Report, list[item_marks.Marked], bool]] = []
        report_ids: list[int] = []
        for item in model.items:
            item_period = item.period.period if item.period is not None else period
            indicator = self._indicator_record(record.id or 0, item.code or "")
            assert indicator is not None and indicator.id is not None
            written = progress.record(
                self.session,
                data=ReportInput(
                    indicator_id=indicator.id,
                    period=item_period,
                    value=item.value,
                    numerator=item.numerator,
                    denominator=item.denominator,
                    narrative=model.narrative,
                    problems=model.problems,
                    source_message_id=model.message_id,
                    keeps_values=item.value is None and item.numerator is None and item.has_items,
                ),
                by=self.person.id or 0,
                now=self.now,
                source=f"line:{model.message_id or 'chat'}",
            )
            tell_committee(self.session, written, self.now)
            report = written.report
            report_ids.append(report.id)
            marked = self._mark_items(indicator, item, item_period, report.id, model.message_id, model.text)
            written_items.append((item, item_period, report, marked, written.unconfirmed))
        # Read once, after everything is written: the level now, with the items just marked.
        results = progress.latest_results(session=self.session, plans=[record])[record.id or 0]
        saved: list[str] = []
        next_up: list[tuple[str, PlanItem]] = []
        for item, item_period, report, marked, unconfirmed in written_items:
            line, needed = self._saved_line(plan, item, item_period, results.get(item.code or ""), marked)
            saved.append(line)
            next_up += [(item.code or "", n) for n in needed]
            if unconfirmed:
                saved.append(rt.COMMITTEE_TOLD.format(code=report.code, period=item_period.thai))
        self._attach_evidence(draft, report_ids)
        if model.parsed:
            parse_corrections.record(
                self.session,
                plan_key=record.key,
                said_on=self.today,
                text=model.text,
                parsed=model.parsed,
                settled=_reading(model),
                now=self.now,
            )
        for learn in model.learn:
            self._learn(model.unit_id, record.id or 0, learn.phrase, learn.code)
        follow_up = len(model.missing_5w) >= 2
        model.report_ids = report_ids
        d.store(self.session, draft, model, self.now, R.ask_details if follow_up else R.saved)
        did_it = self._did_it_buttons(next_up, period)
        if follow_up:
            names = " ".join(q.FIVE_W_NAMES[k] for k in model.missing_5w)
            reply.say(rt.SAVED.format(summary="\n".join(saved)))
            reply.say(q.FIVE_W_FOLLOW_UP.format(missing=names), did_it)
        else:
            reply.say(rt.SAVED.format(summary="\n".join(saved)), did_it)

    @staticmethod
    def _did_it_buttons(next_up: list[tuple[str, PlanItem]], period: FiscalPeriod) -> tuple[QuickReply, ...]:
        """ "ทำแล้ว" under what the next level needs: one tap reports that item done. Several items
        needed get a button each, named by their short label (LINE shows at most 13 buttons)."""
        if len(next_up) == 1:
            code, only = next_up[0]
            return (
                QuickReply.of(
                    rt.DID_IT,
                    rt.DID_IT_SAID.format(name=item_label(only, full=True)),
                    n="done",
                    p=period.label,
                    i=code,
                    v=only.id,
                ),
            )
        return tuple(
            QuickReply.of(
                rt.DID_IT_ITEM.format(name=item_label(n)),
                rt.DID_IT_SAID.format(name=item_label(n, full=True)),
                n="done",
                p=period.label,
                i=code,
                v=n.id,
            )
            for code, n in next_up[:12]
        )

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

    def _mark_items(
        self,
        indicator: IndicatorRecord,
        item: DraftItem,
        period: FiscalPeriod,
        report_id: int,
        message_id: str | None,
        text: str,
    ) -> list[item_marks.Marked]:
        """The confirmed items of a saved report, done and not done, each in the items' audit trail."""
        marked: list[item_marks.Marked] = []
        for ids, done in ((item.done, True), (item.undone, False)):
            marked += item_marks.mark(
                self.session,
                indicator=indicator,
                items=ids,
                done=done,
                period=period,
                by=self.person.id or 0,
                now=self.now,
                source=f"line:{message_id or 'chat'}",
                source_message_id=message_id,
                report_id=report_id,
            )
        first_done = next((m for m in marked if m.done), None)
        if first_done is not None:
            # A letter number or a link in the message is the evidence of what it marked done.
            for kind, reference in references(text):
                self.session.add(
                    Evidence(
                        person_id=self.person.id or 0,
                        kind=kind,
                        reference=reference,
                        report_id=report_id,
                        item_mark_id=first_done.mark_id,
                        line_message_id=message_id,
                        created_at=self.now,
                    )
                )
        return marked

    def _saved_line(
        self,
        plan: Plan,
        item: DraftItem,
        period: FiscalPeriod,
        result: Result | None,
        marked: list[item_marks.Marked],
    ) -> tuple[str, list[PlanItem]]:
        """What was saved for one indicator, and the items its next level still needs."""
        indicator = plan.indicator(item.code or "")
        by_id = {i.id: i for i in items_of(indicator)}
        lines: list[str] = []
        if item.value is not None:
            lines.append(rt.SAVED_ITEM.format(code=item.code, value=_shown(item.value, item.unit), period=period.thai))
        done = [by_id[i] for i in item.done if i in by_id]
        undone = [by_id[i] for i in item.undone if i in by_id]
        if done:
            names = "\n".join(rt.ITEM_LINE_DONE.format(name=item_label(i, full=True)) for i in done)
            lines.append(rt.ITEMS_DONE.format(code=item.code, period=period.thai, lines=names))
        if undone:
            names = "\n".join(rt.ITEM_LINE_UNDONE.format(name=item_label(i, full=True)) for i in undone)
            lines.append(rt.ITEMS_UNDONE.format(code=item.code, period=period.thai, lines=names))
        if not lines:
            return rt.SAVED_NO_VALUE.format(code=item.code, period=period.thai), []
        needed: list[PlanItem] = []
        if indicator.rubric is not None:
            if item.value is not None and (result is None or result.value is None):
                result = Result.of(
                    item.value, result.done if result else (), numerator=item.numerator, denominator=item.denominator
                )
            e = evaluate(indicator, result)
            lines.append(rt.LEVEL_NOW.format(level=e.level, points=e.points, max_points=e.max_points))
            needed = self._next_needed(indicator, e.level, result)
            if needed:
                lines.append(
                    rt.NEXT_ITEM.format(level=e.level + 1, text="; ".join(item_label(i, full=True) for i in needed))
                )
            elif e.next:
                lines.append(e.next)
        if any(m.done for m in marked):
            evidence = "; ".join(dict.fromkeys(ev for i in done for ev in i.evidence[:1]))
            if evidence:
                lines.append(rt.EVIDENCE_ASK.format(evidence=evidence))
        return "\n".join(lines), needed

    @staticmethod
    def _next_needed(indicator: Indicator, level: int, result: Result | None) -> list[PlanItem]:
        """The items the next level still needs ("ถึงระดับ 4: นำข้อมูลที่ได้รับนำเสนอ… (ขั้นที่ 4)"), so the
        reporter reads the next step in their own terms; none where the next level is a number to reach."""
        rubric = indicator.rubric
        if rubric is None or level >= 5 or rubric.kind is RubricKind.checklist:
            return []
        needed = [i for i in level_items(indicator, level + 1) if i.id not in (result.done if result else ())]
        if rubric.kind is RubricKind.threshold and any(
            lv.level == level + 1 and lv.op is not None for lv in rubric.levels
        ):
            return []
        return needed

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

    def _add_details(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """The answer to the 5W follow-up: appended to the narrative of the reports just saved."""
        assert isinstance(model, ReportDraft)
        addition = normalize_text(turn.text)
        for report_id in model.report_ids:
            report = progress.get(self.session, report_id=report_id)
            if report is None:
                continue
            narrative = (report.narrative + "\n" + addition).strip()
            progress.correct(
                self.session,
                report_id=report_id,
                by=self.person.id or 0,
                now=self.now,
                source="line:details",
                narrative=narrative,
            )
        d.set_state(self.session, draft, R.done, self.now)
        reply.say(rt.DETAILS_ADDED)
        return Says.saved

    def _close_details(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """A new report or a correction instead of the 5W details: the follow-up is dropped, not fed."""
        d.set_state(self.session, draft, R.done, self.now)
        return Says.handed_on

    def _skip_details(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        d.set_state(self.session, draft, R.done, self.now)
        reply.say(rt.DETAILS_SKIPPED)
        return Says.cancelled

    # the no-progress flow ------------------------------------------------------------------

    def _from_nudge(self, tap: NudgeTap, reply: Reply) -> Reply:
        """The buttons under a reminder: "รายงานเลย" explains how; "ยังไม่มีความก้าวหน้า" asks why.

        The reminder's period and indicators come back in the button's data, so they are checked
        again: a plan of that fiscal year, and indicators the tapper answers for.
        """
        if isinstance(tap, ItemDone):
            return self._item_done(tap, reply)
        if not isinstance(tap, NoProgress):
            return reply.say(rt.REPORT_HINT)
        target = self._duty_target(tap.period, tap.codes)
        if target is None:
            return reply.say(m.BUTTON_INVALID)
        record, unit_id = target
        model = NoProgressDraft(
            plan_id=record.id or 0, unit_id=unit_id, codes=list(tap.codes), period_label=tap.period.label
        )
        draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, created_at=self.now)
        d.store(self.session, draft, model, self.now, ReasonState.ask_reason)
        return reply.say(rt.ASK_REASON, _bind((QuickReply.of(rt.CANCEL, f="cancel", d=_DRAFT),), draft))

    def _item_done(self, tap: ItemDone, reply: Reply) -> Reply:
        """ "ทำแล้ว": a report of that one item done, saved at once through the same path as a typed
        one (the mark, the audit trail, the level now and what comes next). Checked again first: an
        indicator the tapper answers for, in a plan of the tap's year, and an item of it."""
        target = self._duty_target(tap.period, (tap.code,))
        if target is None:
            return reply.say(m.BUTTON_INVALID)
        record, unit_id = target
        plan = plan_from_record(record)
        if tap.item not in {i.id for i in items_of(plan.indicator(tap.code))}:
            return reply.say(m.BUTTON_INVALID)
        model = ReportDraft(
            plan_id=record.id or 0,
            unit_id=unit_id,
            text="",
            items=[DraftItem(code=tap.code, confidence=1.0, via="button", done=[tap.item])],
            period=PeriodPick.of(tap.period),
            period_ok=True,
            confirmed=True,
        )
        draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, created_at=self.now)
        parser = PARSERS.get(record, learnt_aliases(self.session, unit_id, record.id or 0))
        self._advance(draft, model, record, parser, reply)
        return reply

    def _duty_target(self, period: FiscalPeriod, codes: tuple[str, ...]) -> tuple[PlanRecord, int] | None:
        """The plan of the tap's fiscal year whose indicators the tapper answers for, with its unit.

        The tapper's own unit first; an acting officer may also answer for the absent colleague's.
        """
        from handlers.nudges.reminders import duties_of

        units = [reporting_unit(self.session, self.person)]
        if self.person.acting_for_id is not None:
            absent = self.session.get(Person, self.person.acting_for_id)
            units.append(absent.unit_id if absent else None)
        for unit_id in dict.fromkeys(u for u in units if u is not None):
            record = plan_for_unit(self.session, unit_id, period.fiscal_year)
            if record is None or record.fiscal_year != period.fiscal_year:
                continue
            if set(codes) <= duties_of(self.session, record, self.person):
                return record, unit_id
        return None

    def _save_no_progress(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        assert isinstance(model, NoProgressDraft)
        reason = normalize_text(turn.text)
        period = FiscalPeriod.from_label(model.period_label)
        saved: list[str] = []
        told: list[str] = []
        for code in model.codes:
            indicator = self._indicator_record(model.plan_id, code)
            if indicator is None or indicator.id is None:
                continue
            written = progress.record(
                self.session,
                data=ReportInput(
                    indicator_id=indicator.id, period=period, narrative=f"{m.NO_PROGRESS}: {reason}", problems=reason
                ),
                by=self.person.id or 0,
                now=self.now,
                source="line:no-progress",
            )
            tell_committee(self.session, written, self.now)
            saved.append(code)
            if written.unconfirmed:
                told.append(code)
        d.set_state(self.session, draft, ReasonState.saved, self.now)
        reply.say(rt.NO_PROGRESS_SAVED.format(codes=", ".join(saved), reason=reason))
        if told:
            reply.say(rt.COMMITTEE_TOLD.format(code=", ".join(told), period=period.thai))
        return Says.saved

    # corrections after saving --------------------------------------------------------------

    def _correct_last(self, parsed: ParseResult, record: PlanRecord, reply: Reply) -> Reply:
        """ "แก้เป็น 80" after saving: corrects the report it is about, never another indicator's.

        It is about the indicator it names, else the report this person saved last, within
        ``RECENT_SAVE``. A value in another unit than the indicator's ("46 ข้อ" for a percentage) is
        read as the new count of a saved ratio (46 of 50 → 92 %) and confirmed before it is saved;
        one that cannot be read so is refused with what the indicator measures.
        """
        item = parsed.first
        if item is None or item.value is None or item.value.value is None:
            return reply.say(rt.NO_REPORT_TO_CORRECT)
        new_value: float = item.value.value
        since = self.now - (CORRECTION_WINDOW if item.indicator else RECENT_SAVE)
        report = progress.last_reported_by(
            session=self.session, person_id=self.person.id or 0, since=since, plan=record, code=item.indicator
        )
        if report is None:
            return reply.say(rt.NO_REPORT_TO_CORRECT)
        period = FiscalPeriod(report.fiscal_year, report.quarter, report.month)
        value = item.value
        indicator_unit = plan_from_record(record).indicator(report.code).unit or ""
        if value.unit in (None, "", indicator_unit) or value.numerator is not None:
            self._apply_correction(report, new_value, value.numerator, value.denominator, reply)
            return reply
        if indicator_unit == q.PERCENT and report.denominator:
            numerator, denominator = new_value, report.denominator
            new = round(100 * numerator / denominator, 2)
            model = CorrectionDraft(report_id=report.id, value=new, numerator=numerator, denominator=denominator)
            draft = Draft(person_id=self.person.id or 0, chat_id=self.speaker.chat_id, created_at=self.now)
            d.store(self.session, draft, model, self.now, CorrectionState.ask_confirm)
            text = rt.CORRECT_CONVERTED.format(
                code=report.code,
                new=_shown(new, q.PERCENT),
                numerator=numerator,
                denominator=denominator,
                unit=value.unit,
                old=_shown(report.value, q.PERCENT),
                period=period.thai,
            )
            return reply.say(text, _bind(self._correction_buttons(), draft))
        return reply.say(
            rt.CORRECT_UNIT_MISMATCH.format(
                code=report.code, period=period.thai, indicator_unit=indicator_unit, unit=value.unit
            )
        )

    @staticmethod
    def _correction_buttons() -> tuple[QuickReply, ...]:
        return (
            QuickReply.of(rt.CONFIRM_YES, f="confirm", v="yes", d=_DRAFT),
            QuickReply.of(rt.CANCEL, f="cancel", d=_DRAFT),
        )

    def _apply_correction(
        self, report: Report, value: float, numerator: float | None, denominator: float | None, reply: Reply
    ) -> None:
        written = progress.correct(
            self.session,
            report_id=report.id,
            by=self.person.id or 0,
            now=self.now,
            source="line:correction",
            value=value,
            numerator=numerator,
            denominator=denominator,
        )
        tell_committee(self.session, written, self.now)
        period = FiscalPeriod(report.fiscal_year, report.quarter, report.month)
        old = report.value
        reply.say(
            rt.CORRECTED.format(
                code=report.code, old=f"{old:g}" if old is not None else "-", new=f"{value:g}", period=period.thai
            )
        )
        if written.unconfirmed:
            reply.say(rt.COMMITTEE_TOLD.format(code=report.code, period=period.thai))

    def _finish_correction(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        yes = isinstance(turn.tap, AnswerConfirm) and turn.tap.yes
        return self._decide_correction(draft, model, yes, reply)

    def _decide_correction(self, draft: Draft, model: AnyDraft, yes: bool, reply: Reply) -> Says:
        assert isinstance(model, CorrectionDraft)
        report = progress.get(self.session, report_id=model.report_id)
        if not yes or report is None or report.reported_by != self.person.id:
            d.set_state(self.session, draft, CorrectionState.cancelled, self.now)
            reply.say(rt.CORRECTION_DROPPED)
            return Says.cancelled
        d.set_state(self.session, draft, CorrectionState.saved, self.now)
        self._apply_correction(report, model.value, model.numerator, model.denominator, reply)
        return Says.saved

    def _confirm_correction_typed(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        """ "ใช่" / "ไม่" typed instead of tapped; anything else drops the correction."""
        norm = normalize_text(turn.text).lower()
        if self._is_yes(norm) or self._is_no(norm):
            return self._decide_correction(draft, model, self._is_yes(norm), reply)
        d.set_state(self.session, draft, CorrectionState.cancelled, self.now)
        reply.say(rt.CORRECTION_DROPPED)
        return Says.cancelled

    def _drop_correction(self, draft: Draft, model: AnyDraft, turn: Turn, reply: Reply) -> Says:
        d.set_state(self.session, draft, CorrectionState.cancelled, self.now)
        reply.say(rt.CORRECTION_DROPPED)
        return Says.handed_on

    # presentation ----------------------------------------------------------------------------

    def _list_indicators(self, draft: Draft, plan: Plan, reply: Reply) -> None:
        quick = tuple(
            QuickReply.of(
                self._short_label(plan, i.code),
                m.INDICATOR.format(code=i.code),
                f="indicator",
                v=i.code,
                d=draft.id or 0,
            )
            for i in list(plan.indicators())[:12]
        )
        lines = [f"{i.code}. {i.name}" for i in plan.indicators()]
        reply.say(
            rt.PICK_INDICATOR + "\n" + "\n".join(lines), (*quick, QuickReply.of(rt.CANCEL, f="cancel", d=draft.id or 0))
        )

    @staticmethod
    def _short_label(plan: Plan, code: str) -> str:
        indicator = plan.indicator(code)
        short = next(
            (a for a in indicator.aliases if 2 < len(a) <= 16 and not re.search(r"\d", a)),
            indicator.name[:12],
        )
        return f"{code} {short}"

    @staticmethod
    def _period_options(fiscal_year: int) -> tuple[QuickReply, ...]:
        """The plan's quarters: a report is scored in its plan's year, even when the message named another."""
        return tuple(
            QuickReply.of(
                rt.QUARTER_OPTION.format(n=n, fiscal_year=fiscal_year), f="period", v=f"{fiscal_year}-{n}", d=_DRAFT
            )
            for n in range(1, 5)
        )

    @staticmethod
    def _is_yes(norm: str) -> bool:
        word = _POLITE_END.sub("", norm).strip(" .!✅👍") or norm.strip(" .!✅👍")
        word = _ALL_OF_THEM.sub("", word) or word  # "ยืนยันทั้งหมด", a button's label typed: yes to all listed
        return any(word == w or word.startswith(w + " ") for w in rt.YES_WORDS) and not word.startswith(
            rt.NEGATION_WORD
        )

    @staticmethod
    def _is_no(norm: str) -> bool:
        word = _POLITE_END.sub("", norm).strip(" .!") or norm.strip(" .!")
        return any(word == w or word.startswith(w) for w in rt.NO_WORDS)
