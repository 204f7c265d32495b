"""What a conversation keeps between two messages: its state and a typed draft.

A draft row (``Draft``) holds the state in ``state`` and the draft itself, validated by the model of
its kind, in ``data``. Every conversation's states are an enum, so a state no transition declares
cannot be written; a draft whose data no longer fits its model (written by an older version) is
treated as expired rather than guessed at.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from sqlmodel import Session, col, select

from scoring.fiscal import FiscalPeriod
from store.models import Draft

DRAFT_TIMEOUT = timedelta(minutes=30)


class ReportState(StrEnum):
    """The report conversation: one question at a time, then saved; the 5W follow-up once after."""

    ask_period = "ask_period"
    ask_indicator = "ask_indicator"
    ask_value = "ask_value"
    ask_unit = "ask_unit"
    ask_lower = "ask_lower"
    ask_confirm = "ask_confirm"
    ask_edit = "ask_edit"  # "แก้ไข" tapped: the next text says what to change
    ask_items = "ask_items"  # items matched by words or making up a stated level: tapped to confirm
    ask_details = "ask_details"  # saved; the 5W follow-up question waits (asked once)
    saved = "saved"
    done = "done"  # saved and the follow-up answered or passed
    superseded = "superseded"
    cancelled = "cancelled"
    expired = "expired"
    withdrawn = "withdrawn"


class ReasonState(StrEnum):
    """A typed reason: why there is no progress (a reporter), why a report goes back (the committee)."""

    ask_reason = "ask_reason"
    saved = "saved"
    cancelled = "cancelled"
    expired = "expired"


class CorrectionState(StrEnum):
    """A correction that had to be read (a count for a ratio) waits for the reporter's yes."""

    ask_confirm = "ask_confirm"
    saved = "saved"
    cancelled = "cancelled"
    expired = "expired"


QUESTION_STATES = frozenset(
    {
        *(s.value for s in ReportState if s.value.startswith("ask_") and s is not ReportState.ask_details),
        ReasonState.ask_reason.value,
        CorrectionState.ask_confirm.value,
    }
)
# Where the next text of the chat goes: a waiting question, or the 5W follow-up.
LISTENING_STATES = QUESTION_STATES | {ReportState.ask_details.value}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class PeriodPick(_Model):
    fiscal_year: int
    quarter: int = Field(ge=1, le=4)
    month: int | None = Field(default=None, ge=1, le=12)

    @classmethod
    def of(cls, period: FiscalPeriod) -> PeriodPick:
        return cls(fiscal_year=period.fiscal_year, quarter=period.quarter, month=period.month)

    @property
    def period(self) -> FiscalPeriod:
        return FiscalPeriod(self.fiscal_year, self.quarter, self.month)


class DraftItem(_Model):
    """One indicator of a report as parsed, then as answered."""

    code: str | None = None
    candidates: list[str] = []
    confidence: float = 0.0
    via: str = ""
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    unit: str | None = None
    value_source: str | None = None
    value_sure: bool = True  # the parser's value clears the auto-save threshold, or the reporter gave it
    pending: bool = False
    phrase: str = ""
    done: list[str] = []  # items named by number: marked as said
    undone: list[str] = []
    proposed: list[str] = []  # matched by words, or making up a stated level/points: confirmed by tap
    proposed_undone: list[str] = []
    options: list[str] = []  # equally likely items: the reporter picks
    claim: str | None = None  # "level" / "points" stated
    claimed: float | None = None
    period: PeriodPick | None = None  # its clause's own period, when the message's clauses name different ones

    @property
    def has_items(self) -> bool:
        return bool(self.done or self.undone or self.proposed or self.proposed_undone or self.options or self.claim)

    @property
    def items_open(self) -> bool:
        """Items still waiting for the reporter's tap."""
        return bool(self.proposed or self.proposed_undone or self.options) or (
            self.claim == "points" and not self.done and not self.proposed
        )


class Learnt(_Model):
    phrase: str
    code: str


class ReportDraft(_Model):
    kind: Literal["report"] = "report"
    plan_id: int
    unit_id: int
    message_id: str | None = None
    text: str = ""
    items: list[DraftItem] = []
    period: PeriodPick | None = None
    period_defaulted: bool = False
    period_question: str | None = None
    period_ok: bool = False
    narrative: str = ""
    has_narrative: bool = False
    problems: str = ""
    missing_5w: list[str] = []
    item: int = 0  # which item the waiting question is about
    confirmed: bool = False
    must_confirm: bool = False  # parts left after "เฉพาะ …": asked again, however sure
    value_refused: bool = False
    lower_ok: list[int] = []
    learn: list[Learnt] = []
    report_ids: list[int] = []
    parsed: dict[str, Any] = {}  # the parser's reading, kept to learn from what the reporter corrects


class NoProgressDraft(_Model):
    kind: Literal["noprogress"] = "noprogress"
    plan_id: int
    unit_id: int
    codes: list[str]
    period_label: str


class CorrectionDraft(_Model):
    kind: Literal["correction"] = "correction"
    report_id: int
    value: float
    numerator: float | None = None
    denominator: float | None = None


class ReturnDraft(_Model):
    kind: Literal["return"] = "return"
    report_id: int
    code: str = "?"


AnyDraft = Annotated[ReportDraft | NoProgressDraft | CorrectionDraft | ReturnDraft, Field(discriminator="kind")]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(AnyDraft)


def load(draft: Draft) -> ReportDraft | NoProgressDraft | CorrectionDraft | ReturnDraft | None:
    """The typed draft, or None when the stored data does not fit (then the draft is dropped)."""
    data = dict(draft.data or {})
    data.setdefault("kind", "report")
    try:
        loaded: ReportDraft | NoProgressDraft | CorrectionDraft | ReturnDraft = _ADAPTER.validate_python(data)
    except ValidationError:
        return None
    return loaded


def store(
    session: Session,
    draft: Draft,
    model: ReportDraft | NoProgressDraft | CorrectionDraft | ReturnDraft,
    now: datetime,
    state: StrEnum,
) -> None:
    """Write the model and the state; every write restarts the timeout."""
    draft.data = model.model_dump(mode="json")
    draft.state = state.value
    draft.updated_at = now
    draft.expires_at = now + DRAFT_TIMEOUT
    session.add(draft)
    session.flush()


def set_state(session: Session, draft: Draft, state: StrEnum, now: datetime) -> None:
    draft.state = state.value
    draft.updated_at = now
    session.add(draft)
    session.flush()


def listening(session: Session, person_id: int, chat_id: str) -> Draft | None:
    """The draft the chat's next text goes to: the one touched last (a kept draft becomes current again
    when the reporter goes back to it)."""
    return session.exec(
        select(Draft)
        .where(Draft.person_id == person_id, Draft.chat_id == chat_id, col(Draft.state).in_(LISTENING_STATES))
        .order_by(col(Draft.updated_at).desc(), col(Draft.id).desc())
    ).first()


def waiting(session: Session, person_id: int, chat_id: str, now: datetime, kind: str | None = None) -> Draft | None:
    """A draft whose question is still waiting (not the 5W follow-up, not expired), of ``kind`` if given."""
    draft = listening(session, person_id, chat_id)
    if draft is None or draft.state not in QUESTION_STATES:
        return None
    if draft.expires_at is not None and draft.expires_at <= now:
        return None
    if kind is not None and (draft.data or {}).get("kind", "report") != kind:
        return None
    return draft
