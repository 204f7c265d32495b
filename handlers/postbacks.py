"""Postback data from the bot's buttons, decoded in one place into typed values.

A postback's ``data`` comes back from the user's LINE client, and any client can send whatever
string it likes; nothing in it is trusted. ``decode_postback`` checks the shape: a known kind with
exactly its fields, ids that are positive integers a database column can hold, quarters 1–4,
months 1–12 inside their quarter. What only the store can tell (the draft is the tapper's and waits
for this answer, the period lies in the plan's fiscal year, the indicators are the tapper's own or
those of the colleague they act for) the handlers check next. Anything that fails either check
gets one short polite reply and changes nothing.

The buttons themselves are still built where they are shown (``QuickReply.of``); the field names
below are the ones those buttons use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Literal
from urllib.parse import parse_qsl

from scoring.fiscal import FiscalPeriod, quarter_months

MAX_DATA = 300  # LINE's limit for postback data
MAX_ID = 2**31 - 1  # PostgreSQL ``integer``: a larger id would be a database error, not "not found"
_PERIOD_LABEL = re.compile(r"(?P<fy>\d{4})-(?:[Qq](?P<q>\d)|(?P<m>\d{2}))")
_DRAFT_PERIOD = re.compile(r"(?P<fy>\d{4})-(?P<q>\d)(?:-(?P<m>\d{1,2}))?")
_CODE = re.compile(r"[^\s,&=]{1,32}")
_ITEM_ID = re.compile(r"[\w.\-]{1,32}(?: \([^()&=,]{1,12}\))?")  # "4", "use-system", "s1-1", "step-3 (ซ้ำ)"
_ONLY = re.compile(r"only:(\d{1,2})")
_QUERY_CODE = re.compile(r"[^\s,&=]{1,32}(?: \([กขคง]\))?")  # "3.1 (ข)" keeps its space


class BadPostback(ValueError):
    """Postback data no button of ours makes; the message says why (for the log, never the chat)."""


# --- the kinds of postback ----------------------------------------------------------------------


@dataclass(frozen=True)
class Verify:
    """ "ยืนยันผล" / "ส่งกลับแก้ไข" under a report card (``v=confirm&r=12``)."""

    action: Literal["confirm", "return"]
    report_id: int


@dataclass(frozen=True)
class CancelDraft:
    """ "ยกเลิก" under any question of a draft (``f=cancel&d=7``)."""

    field: ClassVar[str] = "cancel"
    draft_id: int


@dataclass(frozen=True)
class ResumeDraft:
    """ "กลับไปที่รายงาน" under the note that a report waits while something else was answered."""

    field: ClassVar[str] = "resume"
    draft_id: int


@dataclass(frozen=True)
class PickIndicator:
    """An indicator chosen for the item asked about; ``code`` None is "อื่น ๆ" (list them all)."""

    field: ClassVar[str] = "indicator"
    draft_id: int
    code: str | None


@dataclass(frozen=True)
class AnswerUnit:
    """ "80 หมายถึงร้อยละ 80 ใช่ไหมคะ": yes takes the indicator's unit, no drops the number."""

    field: ClassVar[str] = "unit"
    draft_id: int
    yes: bool


@dataclass(frozen=True)
class AcceptLower:
    """ "ยืนยัน 70" when the value is lower than the last one reported."""

    field: ClassVar[str] = "lower"
    draft_id: int


@dataclass(frozen=True)
class PickPeriod:
    """A quarter (or a month of it) chosen when the message's period was unclear."""

    field: ClassVar[str] = "period"
    draft_id: int
    period: FiscalPeriod


@dataclass(frozen=True)
class AnswerConfirm:
    """ "ยืนยัน" / "แก้ไข" under the summary read back before saving."""

    field: ClassVar[str] = "confirm"
    draft_id: int
    yes: bool
    only: int | None = None  # "เฉพาะ ตช.1": save this part (its index) now, confirm the rest after


@dataclass(frozen=True)
class PickItem:
    """An item under "ขอยืนยันว่าเสร็จแล้ว": ``item`` one item's id, "all" (ยืนยันทั้งหมด) or "none" (ไม่ใช่)."""

    field: ClassVar[str] = "item"
    draft_id: int
    item: str


@dataclass(frozen=True)
class ReportNow:
    """ "รายงานเลย" under a reminder."""

    period: FiscalPeriod


@dataclass(frozen=True)
class NoProgress:
    """ "ยังไม่มีความก้าวหน้า" under a reminder: these indicators, this period, a reason to follow."""

    period: FiscalPeriod
    codes: tuple[str, ...]


@dataclass(frozen=True)
class PickQueryUnit:
    """A unit chosen for a question whose indicator is in several of the asker's plans
    (``q=status&p=3&i=4``; ``l=5`` for "ต้องทำอีกเท่าไรถึงระดับ 5"): the plan, the code, what was asked."""

    ask: Literal["status", "deadline"]
    plan_id: int
    code: str
    level: int | None = None


@dataclass(frozen=True)
class ItemDone:
    """ "ทำแล้ว" under what the next level needs (or under a reminder's steps planned this month): that
    item of that indicator is done in that period (``n=done&p=2570-Q1&i=K1&v=4``). The tap is the
    reporter's own statement, so nothing more is asked before it is marked."""

    period: FiscalPeriod
    code: str
    item: str


DraftTap = CancelDraft | ResumeDraft | PickIndicator | AnswerUnit | AcceptLower | PickPeriod | AnswerConfirm | PickItem
NudgeTap = ReportNow | NoProgress | ItemDone
QueryTap = PickQueryUnit
Postback = Verify | DraftTap | NudgeTap | QueryTap


# --- decoding -------------------------------------------------------------------------------


def decode_postback(data: str) -> Postback:
    """The typed postback ``data`` stands for, or ``BadPostback``."""
    if len(data) > MAX_DATA:
        raise BadPostback("longer than LINE allows")
    try:
        pairs = parse_qsl(data, keep_blank_values=True, strict_parsing=True)
    except ValueError as exc:
        raise BadPostback(f"not a query string: {exc}") from None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise BadPostback("a field given twice")
    if "r" in fields:
        return _verify(fields)
    if "n" in fields:
        return _nudge(fields)
    if "q" in fields:
        return _query(fields)
    if "f" in fields or "d" in fields:
        return _draft(fields)
    raise BadPostback("no known kind")


def _only(fields: dict[str, str], *names: str) -> None:
    if set(fields) != set(names):
        raise BadPostback(f"fields {sorted(fields)}, expected {sorted(names)}")


def _id(raw: str) -> int:
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise BadPostback("an id that is not a positive integer")
    return int(raw)


def _yes(raw: str) -> bool:
    if raw not in ("yes", "no"):
        raise BadPostback("expected yes or no")
    return raw == "yes"


def _verify(fields: dict[str, str]) -> Verify:
    _only(fields, "v", "r")
    action = fields["v"]
    if action == "confirm":
        return Verify("confirm", _id(fields["r"]))
    if action == "return":
        return Verify("return", _id(fields["r"]))
    raise BadPostback("an unknown verification action")


def _query(fields: dict[str, str]) -> QueryTap:
    ask = fields["q"]
    if ask not in ("status", "deadline"):
        raise BadPostback("an unknown query button")
    level = None
    if "l" in fields:
        _only(fields, "q", "p", "i", "l")
        if fields["l"] not in ("1", "2", "3", "4", "5"):
            raise BadPostback("a level outside 1–5")
        level = int(fields["l"])
    else:
        _only(fields, "q", "p", "i")
    if not _QUERY_CODE.fullmatch(fields["i"]):
        raise BadPostback("not an indicator code")
    return PickQueryUnit("status" if ask == "status" else "deadline", _id(fields["p"]), fields["i"], level)


def _draft(fields: dict[str, str]) -> DraftTap:
    kind = fields.get("f", "")
    if kind == "cancel":
        _only(fields, "f", "d")
        return CancelDraft(_id(fields["d"]))
    if kind == "resume":
        _only(fields, "f", "d")
        return ResumeDraft(_id(fields["d"]))
    _only(fields, "f", "v", "d")
    draft_id, value = _id(fields["d"]), fields["v"]
    if kind == "indicator":
        if value == "*":
            return PickIndicator(draft_id, None)
        if not _CODE.fullmatch(value):
            raise BadPostback("not an indicator code")
        return PickIndicator(draft_id, value)
    if kind == "unit":
        return AnswerUnit(draft_id, _yes(value))
    if kind == "lower":
        if value != "yes":
            raise BadPostback("a lower value can only be accepted")
        return AcceptLower(draft_id)
    if kind == "period":
        return PickPeriod(draft_id, _draft_period(value))
    if kind == "confirm":
        only = _ONLY.fullmatch(value)
        if only is not None:
            return AnswerConfirm(draft_id, True, int(only.group(1)))
        return AnswerConfirm(draft_id, _yes(value))
    if kind == "item":
        if not _ITEM_ID.fullmatch(value):  # "all", "none" and every item id ("step-3 (ซ้ำ)" has a space)
            raise BadPostback("not an item id")
        return PickItem(draft_id, value)
    raise BadPostback("an unknown draft field")


def _draft_period(value: str) -> FiscalPeriod:
    """ "2567-2" (FY2567 Q2) or "2567-2-3" (March of it)."""
    found = _DRAFT_PERIOD.fullmatch(value)
    if found is None:
        raise BadPostback("not a period")
    fiscal_year, quarter = int(found["fy"]), int(found["q"])
    month = int(found["m"]) if found["m"] else None
    return _period(fiscal_year, quarter, month)


def _period(fiscal_year: int, quarter: int, month: int | None) -> FiscalPeriod:
    if not 1 <= quarter <= 4:
        raise BadPostback("a quarter outside 1–4")
    if month is not None and month not in quarter_months(quarter):
        raise BadPostback("a month outside 1–12 or outside its quarter")
    return FiscalPeriod(fiscal_year, quarter, month)


def _nudge_period(label: str) -> FiscalPeriod:
    """A period label as reminders carry it: "2567-Q2", or "2567-03" (BE year and month)."""
    found = _PERIOD_LABEL.fullmatch(label)
    if found is None:
        raise BadPostback("not a period label")
    if found["q"] is not None:
        return _period(int(found["fy"]), int(found["q"]), None)
    if not 1 <= int(found["m"]) <= 12:
        raise BadPostback("a month outside 1–12")
    return FiscalPeriod.from_label(label)


def _nudge(fields: dict[str, str]) -> NudgeTap:
    kind = fields["n"]
    if kind == "report":
        _only(fields, "n", "p")
        return ReportNow(_nudge_period(fields["p"]))
    if kind == "noprogress":
        _only(fields, "n", "p", "i")
        codes = tuple(dict.fromkeys(c.strip() for c in fields["i"].split(",")))
        if not codes or not all(_CODE.fullmatch(c) for c in codes):
            raise BadPostback("no indicator codes, or not codes")
        return NoProgress(_nudge_period(fields["p"]), codes)
    if kind == "done":
        _only(fields, "n", "p", "i", "v")
        if not _QUERY_CODE.fullmatch(fields["i"]) or not _ITEM_ID.fullmatch(fields["v"]):
            raise BadPostback("not an indicator code and an item id")
        return ItemDone(_nudge_period(fields["p"]), fields["i"], fields["v"])
    raise BadPostback("an unknown reminder button")
