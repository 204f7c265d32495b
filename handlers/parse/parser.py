"""One Thai chat message → a structured progress update, with a confidence per field.

Pipeline (reference/thai-nlp.md §12): normalise → intent → periods and dates (spans blanked) →
document numbers blanked → indicator codes → per-indicator segments → value → indicator by
alias/fuzzy when no code → sections and 5W → decide: save, or ask one question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from typing import Any, Literal

from handlers.parse import questions as q
from handlers.parse.indicator import ALIAS_SCORE, CodeMatch, IndicatorMatcher, _expand, _grams
from handlers.parse.intent import SENTENCE, asked_outright, looks_like_query, said_by_sender
from handlers.parse.item_words import NOT_OURS_SAID
from handlers.parse.items import ItemClaims, ItemMatcher, asks, item_clauses, says_finished
from handlers.parse.normalize import blank, match_key, normalize_text, quoted_lines, remove_spans
from handlers.parse.numbers import spell_out_numbers
from handlers.parse.period import PeriodMatch, find_dates, find_periods
from handlers.parse.sections import DOC_NUMBER, Sections, split_sections
from handlers.parse.table import Table, read_table
from handlers.parse.value import ANY_PERCENT as _ANY_PERCENT
from handlers.parse.value import (
    COUNT_WORDS,
    ValueMatch,
    find_values,
    is_pending,
    lone_number,
    mean_of_total,
    value_spans,
    with_thai_nouns,
)
from scoring.fiscal import FiscalPeriod, fiscal_quarter_of, fiscal_year_of
from scoring.items import next_items
from scoring.plan import Indicator, Plan, RubricKind

Intent = Literal["report", "query", "correction", "cancel", "chat"]

AUTO_SCORE, AUTO_MARGIN, REJECT_SCORE = 60.0, 15.0, 15.0
# "ถ้าเฉลี่ย 45 นาทีพอดี ได้ระดับ 4 หรือ 5 ครับ": what a result would score, asked, not a level reached
_IF_ASKED = re.compile(r"ถ้า[^\n]{0,80}(?:หรือ|ไหม|มั้ย|บ้าง|เท่าไ|(?<!เ)กี่)")
HEADING_OWN, HEADING_RIVAL = 0.7, 0.3  # a topic heading's share in the one name it leans to, and in any other
# Items two indicators print alike go to the one whose name the words lean to by this much
LEAN_SCORE, LEAN_RATIO = 30.0, 1.1
CLEAR_SCORE = 40.0  # a moderate score with no rival (second ≤ a third of it) is clear enough
DISTINCT_UNITS = {"นาที", "บาท", "คะแนน", "ระดับ"}
PERCENT_UNITS = {"ร้อยละ", "%"}
COUNT_UNITS = set(COUNT_WORDS)
_WORDS = re.compile(r"[ก-๙a-z]{3,}")
_UNSPACED = re.compile(r"[\sฯ.]+")
_CLOSING = re.compile(r"\s*(?:ค่ะ|คะ|ครับ|คับ|นะคะ|นะครับ|จ้า|%)?\s*$")
_NOT_A_RESULT_BEFORE = re.compile(r"(?:ปี|พ\.ศ\.|ห้อง|ข้อ|[ก-ฮ]\.\s?[ก-ฮ]\.?)\s*\(?\s*$")
# "ความก้าวหน้าร้อยละ 55", "สรุปความคืบหน้าตัวชี้วัดยุทธศาสตร์ 3 ไตรมาสนี้ประมาณ 30%" (code and period blanked)
_PROGRESS_BEFORE = re.compile(r"(?:ก้าวหน้า|คืบหน้า)[^\d\n]{0,40}?(?:ประมาณ|ราวๆ|ราว|อยู่ที่|ได้|คือ|เป็น|=|:)?\s*(?:ร้อยละ)?\s*$")

# A number that is not an item's, a round's or a letter's ("ขั้นที่ 3", "ครั้งที่ 2", "ที่ 45/2564").
_LOOSE_NUMBER = re.compile(r"(?<![\d./])(?<!ที่)(?<!ที่ )(?<!ขั้น)(?<!ขั้น )(?<!ข้อ)(?<!ข้อ )\d+(?:\.\d+)?(?![\d/])")
_NTH_TIME = re.compile(r"(?:เป็น)?ครั้งที่\s*(\d{1,2})(?![\d/.])")
_NOT_THIS = re.compile(r"ไม่ใช่\s*$")
_PART_SAID = re.compile(r"ส่วนที่\s*\d")
_PART_BEFORE = re.compile(r"ส่วน(?:ที่)?\s*\d+\s*$")  # an item number inside a part follows it
_CORRECTION = re.compile(
    r"^(?:แก้(?:ไข)?\s*(?:นิดนึง|นิดหน่อย|หน่อย|ด่วน)|แก้ไข\s*นะ(?:คะ|ครับ)?|แก้(?:ไข)?\s*(?:[:：]|เป็น|ค่า|ตัวเลข|ให้เป็น|ตช|ตัวชี้วัด|kpi|k\d)|แก้\s*\S{0,12}\s*เป็น|ขอแก้|"
    r"เปลี่ยนเป็น|ไม่ใช่|ผิด(?:ค่ะ|ครับ)?\s*(?:แก้|ต้องเป็น)|ต้องเป็น|พิมพ์ผิด|ตัวเลข\S{0,12}ผิด|ที่ถูก(?:คือ|ต้อง)|"
    r"(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|kpi)\s*[\d.]{1,5}\s*(?:ขอ)?(?:แก้(?:ไข)?(?:ค่า)?\s*เป็น|ต้องเป็น)|"
    # "แก้ไข 5.1 เป็น 76.5%", "สัญจรประจำเขต แก้เป็น ๘๔.๒": a code or a short name before "แก้เป็น"
    r"แก้(?:ไข)?\s*[\d.]{1,6}\s*เป็น|(?:\S{1,30}\s+){1,2}(?:ขอ)?แก้(?:ไข)?(?:ค่า)?\s*เป็น|"
    # an apology or "แก้ค่ะ" first, or the right number said within the first words
    r"(?:ขอ)?แก้(?:ไข)?\s*(?:ค่ะ|ครับ|คะ|นะ)|(?:ขออภัย|ขอโทษ)(?!\S{0,6}(?:ส่ง)?(?:ช้า|ล่าช้า))|.{0,40}?(?:พิมพ์ผิด|ที่ถูก(?:คือ|ต้อง)?\s*[\d๐-๙]|"
    r"\S{0,30}แก้(?:ไข)?(?:ค่า)?\s*เป็น)|"
    # "แก้ไข ข.1 ค่ะ 162/180 ไม่ใช่ 126/180", "พิมพ์ผิด ๘๖ ไม่ใช่ ๖๘": a code to fix, or the right number before the wrong
    r"แก้(?:ไข)?\s*(?:[กขคง]\.\d|ข้อ\s*\d)|(?:ขอ)?โทษ(?:ค่ะ|ครับ|ที(?!่))(?!\s*\S{0,6}(?:ส่ง)?(?:ช้า|ล่าช้า))|sorry|correction|แก้ไขข้อมูล|"
    r".{0,60}?[\d.]+\s*%?\s*not\s*[\d.]+|"
    # "เมื่อวานที่แจ้ง 3.2 … 45% ขอแก้เป็น 54%", "แก้ไข One Platform เป็น 55%", "ขอโทษค่ะ พิมพ์สลับ ที่ถูกต้องคือ…"
    r"[\s\S]{0,100}?(?:ขอแก้(?:ไข)?(?:ค่า)?\s*เป็น|พิมพ์สลับ|สลับหลัก|ที่ส่ง\S{0,20}สลับกัน|ผิด\S{0,6}\s*คำนวณใหม่|แก้(?:ไข)?\s+(?:\S+\s+){1,3}?เป็น\s*[\d๐-๙])|"
    r".{0,80}?(?:ผิด\S{0,8}\s*(?:ต้องเป็น|ที่ถูก)|ที่ถูก(?:ต้อง)?(?:คือ|เป็น)\s*(?:ร้อยละ\s*)?[\d๐-๙])|.{0,60}?[\d๐-๙][^\s]*\s*(?:\S{1,10}\s*)?ไม่ใช่\s*[\d๐-๙])",
    re.IGNORECASE,
)


def is_cancel(text: str) -> bool:
    """ "ยกเลิก", "ไม่บันทึก" …: the one cancel word list, for every conversation."""
    return bool(_CANCEL.match(text.strip().lower()))


_RUNNING_TOTAL = re.compile(r"สะสม")
_DONE_JUST_BEFORE = re.compile(r"(?:แล้ว|ได้|เสร็จ|ครบ)\s*$")
# A notice of leave or of a meeting: an aside even when it names an indicator ("ระหว่างลา ตช.4.1 ให้ติดต่อ…")
_NOTICE = re.compile(r"ลา(?:ป่วย|กิจ|พักร้อน|พักผ่อน|คลอด|บวช)|(?:แจ้ง)?เลื่อนประชุม|แจ้งประชุม|(?:วันนี้|พรุ่งนี้)\s*(?:มี)?ประชุม")
_EVIDENCE = r"(?:ส่ง|แนบ)\S{0,4}(?:ไฟล์)?หลักฐาน"  # evidence sent or attached
# Said beside the work, not about its progress: thanks, leave, a meeting to come, a notice passed on.
_ASIDE = re.compile(
    rf"{_NOTICE.pattern}|ขอบคุณ|พรุ่งนี้|มะรืน|สัปดาห์หน้า|อาทิตย์หน้า|ได้รับไฟล์|ขอให้ทุกหน่วย|"
    r"ฝาก\S{0,6}ส่ง|\d{1,2}[.:]\d{2}\s*น\.|"
    rf"{_EVIDENCE}"  # "ส่งไฟล์หลักฐานทางอีเมลแล้ว": the evidence sent, not a result
)
_EVIDENCE_SENT = re.compile(  # by a channel: "ส่งไฟล์หลักฐาน K1 ทางอีเมลแล้ว", not "4.1 ส่งหลักฐานครบแล้ว รอประเมิน"
    rf"{_EVIDENCE}[^\n]{{0,20}}?ทาง\s*(?:อีเมล|เมล|e-?mail|ไลน์|line|drive|ไดรฟ์)", re.IGNORECASE
)
_PROMISE = re.compile(
    r"เดี๋ยว(?:ส่ง|รายงาน)|จะส่ง|จะรายงาน|จะ(?:รวบรวม|สรุป)[^\n]{0,40}?ส่ง|ขอส่ง(?:พรุ่งนี้|ช้า)|ส่งพรุ่งนี้|ขอเลื่อน|ส่งช้า|ยังไม่ได้ส่ง"
)
# Numbers that are never a result: an order's or meeting's number ("ครั้งที่ 1/2562", "คำสั่งที่ 12/2564"), a form,
# a time allowed, a target.
_NEVER_A_RESULT = re.compile(
    r"(?:ครั้งที่|สมัย(?:ที่)?|คำสั่ง(?:ที่)?|ประกาศ(?:ที่)?)\s*\d+\s*/\s*(?:25)?\d{2}(?!\d)|"
    r"แบบฟอร์ม(?:ที่)?\s*\d+|"  # "แบบฟอร์ม 4": a form's number
    # "โทร 0-2224-1234 ต่อ 2217", "0 2521 0560 ต่อ 6512", "08 1234 5678": a phone number
    r"(?<![\d.,])0\d?[-\s]?\d{3,4}[-\s]?\d{4}(?![\d.,])(?:\s*ต่อ\s*\d{2,5})?|"
    r"(?<![\d.])\d{1,3}\s*/\s*(?:25[4-9]\d|20[0-4]\d)(?!\d)|"  # "ภาคเรียนที่ 1/2563": a term of a year
    r"ทั้ง\s*\d+\s*ท่าน|"  # "นำเรียนรองผู้ว่าฯ ทั้ง 4 ท่าน": the people addressed
    # "(งบประมาณ 14,700,000 บาท)": a project's budget in brackets beside its name, not what was spent
    r"\(\s*(?:งบประมาณ|งบ|วงเงิน)\s*:?\s*\d[\d,]*(?:\.\d+)?\s*(?:ล้าน)?\s*บาท\s*\)|"
    r"ผู้เข้าร่วม(?:ประชุม)?\s*\d+\s*(?:คน|ท่าน|ราย)|"  # a meeting's attendance, never a result here
    r"(?:ภายใน\s*)?\d+\s*วัน(?:ทำการ)?(?![ก-๙])|"  # "ภายใน 15 วัน": a time allowed, never a result here
    # "(เป้า 10 ประเด็น)": the target, not the result ("สำเร็จตามเป้า 18/24" is a result)
    r"(?<!ตาม)(?<!ตาม )(?<!กลุ่ม)เป้า(?:หมาย)?(?:ทั้งปี|ปีนี้|รายปี|ของปี|ไว้)?\s*:?\s*(?:ร้อยละ\s*)?"
    r"\d+(?:\.\d+)?(?!\s*/)\s*(?:%|[ก-๙]{1,10})?"
)
# "ญัตติ: …", "กก.สามัญ: …", "ญัตติครับ — …": the topic first
_TOPIC_HEADING = re.compile(r"\s*([^\s:：—]{2,20}?)\s*(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)?\s*(?:[:：]|\s[—–-]\s)")
# Where a message gives the next indicator its part: a new line, or " / " between parts of one line.
_PART_BREAK = re.compile(r"\n|[^\S\n]+/[^\S\n]+")
_BULLET_LEAD = re.compile(r"^[\s\-•*▪·]*(?:\d{1,2}[).]\s*)?")
_BARE_NUMBER = re.compile(r"[\d.]+")
PART_HEAD = 24  # letters at a part's opening where the indicator it is about is named
_LISTED_LINE = re.compile(r"\n(?=\s*(?:[-•*]|\d+[).])\s*)")
_NEXT_LINE = re.compile(r"\n(?=[^\S\n]*\S)")
_LEADING_NUMBER = re.compile(r"\s*(\d+(?:\.\d+)*)\s+\S")
_WHO_IS_LATE = re.compile(
    r"ใคร(?:ยัง)?ไม่(?:ได้)?(?:ส่ง|รายงาน)|ยังไม่ส่งกี่|หน่วยไหนยังไม่|(?:ส่วนราชการ|หน่วยงาน|เขต|ฝ่าย|กลุ่มงาน)ไหน(?:บ้าง)?ยังไม่|"
    r"ยังขาด\s*(?:ส่วนราชการ|หน่วยงาน|เขต|ฝ่าย|กลุ่มงาน|ใคร)"  # "ยังขาดส่วนราชการไหนบ้างคะ"
)
_CANCEL = re.compile(r"^(?:ยกเลิก|cancel|ไม่บันทึก|ลบ(?:ทิ้ง)?(?:รายงาน)?)\s*(?:ค่ะ|ครับ|นะ|จ้า)?\s*$", re.IGNORECASE)
_GROUP = re.compile(r"มิติ(?:ที่)?\s*(\d+)|องค์ประกอบ(?:ที่)?\s*(\d+(?:\.\d+)?)")
_FILLER = re.compile(r"^[\s\W_]*(?:ค่ะ|ครับ|คับ|จ้า|นะคะ|นะครับ)?[\s\W_]*$")


# Auto-save thresholds, chosen on the blind dev corpus so that nothing there is saved wrongly without
# a question (``python -m tests.corpus_eval blind_dev`` prints the wrong saves and the ask rate).
SURE_INDICATOR = 0.9
SURE_VALUE = 0.7
RIVAL_FACTOR = 0.7


@dataclass
class ParsedItem:
    """One indicator's part of a message."""

    indicator: str | None
    candidates: list[str]
    indicator_confidence: float
    via: str
    value: ValueMatch | None
    pending: bool = False
    text: str = ""
    claims: ItemClaims = field(default_factory=ItemClaims)
    rivals: int = 0  # other numbers in the text that could be the value (neither its parts nor a date)
    unread: bool = False  # no value read, yet a number is left that no date, code or name explains
    span: tuple[int, int] | None = None  # where its clause lies in the message, when cut into clauses
    period: FiscalPeriod | None = None  # its clause's own period, when clauses name different ones
    # a percentage told beside the steps of an indicator scored by its items ("… ✔ / สะสม ๒๐%"): the step
    # table's share, which the message states but which is no result of that indicator to save or ask about
    value_is_share: bool = False

    @property
    def value_confidence(self) -> float:
        """How sure the value is, from its evidence: the kind of match (a stated % above a bare
        number), lowered for each rival number the text also states."""
        if self.value is None:
            return 1.0
        return self.value.confidence * RIVAL_FACTOR**self.rivals

    @property
    def sure(self) -> bool:
        """Saved without asking: a known indicator named by code or exact alias, and a value whose
        confidence clears the threshold chosen on the blind corpus (no wrong save there)."""
        if self.value is None and self.unread and self.claims.empty:
            return False  # "เฉลี่ย 4.21 คะแนน" unread: a number the reader missed is asked about, not lost
        return (
            self.indicator is not None
            and self.indicator_confidence >= SURE_INDICATOR
            and (self.value is None or self.value_confidence >= SURE_VALUE)
        )


@dataclass
class ParseResult:
    text: str
    intent: Intent
    items: list[ParsedItem]
    period: FiscalPeriod | None
    period_confidence: float
    period_defaulted: bool
    sections: Sections
    missing: list[str] = field(default_factory=list)
    ask: str | None = None
    ask_field: str | None = None
    options: list[str] = field(default_factory=list)  # indicator codes offered with the question

    @property
    def first(self) -> ParsedItem | None:
        return self.items[0] if self.items else None

    def as_json(self) -> dict[str, Any]:
        """The ``tidtam parse --json`` contract (plus ``intent`` and ``items`` for multi-indicator messages)."""
        item = self.first
        value = item.value if item else None
        return {
            "indicator": item.indicator if item else None,
            "candidates": item.candidates if item else [],
            "value": value.value if value else None,
            "numerator": value.numerator if value else None,
            "denominator": value.denominator if value else None,
            "unit": value.unit if value else None,
            "period": _period_json(self.period),
            "missing": self.missing,
            "ask": self.ask,
            "intent": self.intent,
            # Items the message says are finished or not: sure ones and those the reporter confirms.
            "done": [*item.claims.done, *item.claims.proposed] if item else [],
            "undone": [*item.claims.undone, *item.claims.proposed_undone] if item else [],
            "item_claims": item.claims.as_json() if item else None,
            "items": [
                {
                    "indicator": i.indicator,
                    "value": i.value.value if i.value else None,
                    "unit": i.value.unit if i.value else None,
                    "done": [*i.claims.done, *i.claims.proposed],
                    "undone": [*i.claims.undone, *i.claims.proposed_undone],
                    "period": _period_json(i.period or self.period),
                }
                for i in self.items
            ],
        }


def _one_ratio(valued: str, spans: list[tuple[int, int]]) -> bool:
    """ "ขึ้นทะเบียนไว้ 40 ท่าน ได้ไปถ่ายทอดแล้ว 28 ท่าน": two of the numbers make one ratio, so one part."""
    ratio = next((v for v in find_values(valued) if v.denominator is not None), None)
    return ratio is not None and sum(ratio.span[0] <= a and b <= ratio.span[1] for a, b in spans) >= 2


class MessageParser:
    """Parses messages for one plan; build once (it precomputes the plan's trigram index)."""

    def __init__(self, plan: Plan, extra_aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        self.plan = plan
        self.matcher = IndicatorMatcher(plan, extra_aliases)
        self.item_matcher = ItemMatcher(plan)
        self.indicators = {i.code: i for i in plan.indicators()}
        # Indicators whose checklist is grouped in parts ("ส่วนที่ 3"): read once, asked per message.
        # The office owning each indicator, by the words it goes by in chat: "กลุ่มงานประชุมสภาและกรรมการ
        # วิสามัญ" is said "กลุ่มงานประชุมสภาฯ"; an office owning every indicator tells none apart.
        owned: dict[str, set[str]] = {}
        for ind in plan.indicators():
            offices = {*ind.owners, *(p.owner for p in ind.projects if p.owner)}
            owned[ind.code] = {_UNSPACED.sub("", o.split("และ")[0]) for o in offices}
        common = set.intersection(*owned.values()) if owned else set()
        unit = _UNSPACED.sub("", plan.unit)  # the unit itself names no one indicator
        self._owner_words = {
            c: tuple(w for w in ws - common if len(w) >= 8 and w not in unit and not any(ch.isdigit() for ch in w))
            for c, ws in owned.items()
        }
        self.parted = [c for c, items in self.item_matcher.items.items() if any("ส่วนที่" in i.text for i in items)]

    # --- public -----------------------------------------------------------------------------

    def parse(self, raw: str, today: date, *, spans: Iterable[tuple[int, int]] = ()) -> ParseResult:
        text = spell_out_numbers(normalize_text(said_by_sender(remove_spans(raw, spans))))
        low = text.lower()
        # Numbers that belong to indicator names ("12 โครงการสำคัญ", "พ.ศ. 2562") are neither periods nor values.
        named = self.matcher.name_number_spans(low)
        unnamed = blank(low, named)
        word_codes = self.matcher.word_code_spans(unnamed)  # "เจรจา 5 มิ.ย.": 5 ends the code, not a day
        periods = find_periods(unnamed, today, word_codes)
        blanked = blank(
            low,
            [p.span for p in periods]
            + find_dates(unnamed, word_codes)
            + [m.span() for pattern in (DOC_NUMBER, _NEVER_A_RESULT) for m in pattern.finditer(low)],
        )
        codes = self._not_item_numbers(self.matcher.find_codes(blanked), blanked)
        if len(codes) > 1:  # "ตัวชี้วัดเจรจา 3.2 นะคะ ไม่ใช่ ตช.3.2": the code said not to be meant is dropped
            codes = [c for c in codes if not _NOT_THIS.search(blanked[max(0, c.span[0] - 10) : c.span[0]])] or codes
        valued = blank(blanked, named)
        intent = self._intent(low, blank(valued, [c.span for c in codes]))
        items = self._items(blanked, valued, codes)
        items = self._month_series(items, blanked, valued, periods) or items
        sections = split_sections(text)
        undo = intent == "correction"
        asked = asks(low) or bool(_IF_ASKED.search(low))
        if (intent in ("report", "chat") or (intent == "query" and not asked) or undo) and says_finished(low):
            # "ขั้นที่ 3 เสร็จแล้ว", "ได้ 35 คะแนน" on a checklist: items done, not a question about scores;
            # "ขอแก้ไข ขั้นที่ 5 ยังไม่เสร็จ": an item taken back, not a number to correct.
            items, intent = self._with_items(items, blanked, intent, blank(low, [c.span for c in codes]))
        if (
            intent == "report"
            and _PROMISE.search(low)
            and not any(i.value or i.pending or not i.claims.empty for i in items)
        ):
            intent = "chat"  # "เดี๋ยวส่ง ตช.4 พรุ่งนี้": a promise, not a report
        notice = bool(_NOTICE.search(low) or _EVIDENCE_SENT.search(low))  # "ส่งไฟล์หลักฐาน K1 ทางอีเมลแล้ว"
        if (
            intent == "report"
            and _ASIDE.search(low)
            and not any(
                (i.value and not (notice and i.value.source in ("bare", "answer")))
                or i.pending
                or (i.via == "code" and not notice)
                or not i.claims.empty
                for i in items
            )
        ):
            intent = "chat"  # "พรุ่งนี้ประชุมคณะทำงาน One Platform 09.30 น.", "ขอบคุณครับ ได้รับไฟล์แล้ว"
        if intent == "report" and not any(
            i.value or i.pending or i.via in ("code", "alias", "partial", "conflict", "item") or not i.claims.empty
            for i in items
        ):
            intent = "chat"  # no number, no code, no alias: a greeting or a meeting note, not a report
        if intent in ("chat", "cancel"):
            return ParseResult(text, intent, [], None, 0.0, False, sections)
        if intent == "query":
            kept = [ParsedItem(i.indicator, i.candidates, i.indicator_confidence, i.via, None) for i in items[:1]]
            if _WHO_IS_LATE.search(low) and kept and kept[0].via not in ("code", "alias"):
                kept = []  # "ใครยังไม่ส่งผลไตรมาส 2 บ้างคะ … สรุปเสนอท่านเลขาฯ": the whole unit, not an indicator
            return ParseResult(text, intent, kept, None, 0.0, False, sections)
        if intent == "correction":
            items = self._named_in_quote(remove_spans(raw, spans), self._one_corrected(items))
            return self._correction(text, items, periods, today, sections)
        return self._report(text, items, periods, today, sections)

    # --- steps ------------------------------------------------------------------------------

    def _intent(self, low: str, without_codes: str) -> Intent:
        if _CANCEL.match(low):
            return "cancel"
        if _CORRECTION.match(low):
            return "correction"
        if _FILLER.match(low):
            return "chat"
        if looks_like_query(low):
            return "query"
        return "report"

    def _items(self, blanked: str, valued: str, codes: list[CodeMatch]) -> list[ParsedItem]:
        """One item per indicator reported: cut at codes, else at values each naming its own indicator.

        ``blanked`` keeps name numbers for matching indicators; ``valued`` has them blanked for values.
        """
        table = read_table(blanked)
        if table is not None:
            rows = self._table_items(table)
            if rows:
                return rows
        distinct = list(dict.fromkeys(c.code for c in codes))
        parts = self._named_parts(blanked, valued)
        if parts is not None and {i.indicator for i in parts} - set(distinct):  # an indicator no code names
            return parts
        if len(distinct) >= 2 and not any(c.alternatives for c in codes):
            out: list[ParsedItem] = []
            for seg, vseg, said, span in self._segments(blanked, valued, codes):
                out += self._with_listed(seg, vseg, said, span)
            return out
        if not codes:
            listed = self._listed_lines(blanked, valued)
            if listed:
                return listed
            group = _GROUP.search(blanked)
            members = (
                self.matcher.group_members(group.group(1) or group.group(2), "มิติ" if group.group(1) else "องค์ประกอบ")
                if group
                else []
            )
            if not members:
                members = self.matcher.group_named(blanked)
                group = None
            if members:
                spans = [group.span()] if group else []
                return [
                    self._item(
                        blank(blanked, spans),
                        None,
                        alternatives=tuple(members[:3]),
                        valued=blank(valued, spans),
                    )
                ]
            multi = self._value_segments(blanked, valued)
            if multi:
                return multi
        if len(distinct) == 1 and not codes[0].alternatives:
            spans = [c.span for c in codes]
            listed = self._with_listed(blank(blanked, spans), blank(valued, spans), codes[0].code, (0, len(blanked)))
            if len(listed) > 1:
                return listed  # "1) ตัวชี้วัดที่ 1 … ระดับ 4\n2) การเบิกจ่ายงบประมาณ 84.21%": a line an indicator
            mixed = self._code_and_alias_segments(blanked, valued, codes)
            if mixed:
                return mixed
        code = codes[0].code if codes else None
        spans = [c.span for c in codes]
        return [
            self._item(
                blank(blanked, spans),
                code,
                alternatives=codes[0].alternatives if codes else (),
                valued=blank(valued, spans),
            )
        ]

    def _month_series(
        self, items: list[ParsedItem], blanked: str, valued: str, periods: list[PeriodMatch]
    ) -> list[ParsedItem] | None:
        """ "K2 ย้อนหลังค่ะ เม.ย. 28 นาที / พ.ค. 26 นาที / มิ.ย. 24.5 นาที": one indicator, a value for each
        month said; a part a month, each saved in its own month once the reporter confirms."""
        if len(items) != 1 or items[0].indicator is None:
            return None
        months = sorted((p for p in periods if p.source == "month"), key=lambda p: p.span[0])
        if len(months) < 2 or len({(p.fiscal_year, p.month) for p in months}) != len(months):
            return None
        code, out = items[0].indicator, []
        ends = [p.span[0] for p in months[1:]] + [len(blanked)]
        for month, end in zip(months, ends, strict=True):
            start = month.span[1]
            value = self._pick_value(valued[start:end], code)
            if value is None or blanked[start : value.span[0] + start].strip(" \t=:-–") != "":
                return None  # each month's value right after it, or it is not a series
            shifted = replace(value, span=(value.span[0] + start, value.span[1] + start))
            out.append(replace(items[0], value=shifted, text=blanked[month.span[0] : end], span=(month.span[0], end)))
        # "(สะสม) ต.ค. 62.5% / พ.ย. 70% / ธ.ค. 78.9%": running totals, the latest heads the report
        return out[::-1] if _RUNNING_TOTAL.search(blanked) else out

    def _table_items(self, table: Table) -> list[ParsedItem]:
        """One part per row of a pasted table: the indicator its first cell names (a code, else its
        words), the value its result cell says, in percent when the column is headed so."""
        out: list[ParsedItem] = []
        for row in table.rows:
            if not _LOOSE_NUMBER.search(row.result):
                continue  # "3 ปฏิทินผู้ว่าฯ\t80\t-": no result in this row yet
            found = self.matcher.find_codes(row.name)
            code = found[0].code if found and not found[0].alternatives else self.matcher.resolve_code(row.name)
            if code is None and (lead := _LEADING_NUMBER.match(row.name)) is not None:
                code = self.matcher.resolve_code(lead.group(1))  # "5 สัญจรเขต": the code, then its short name
            item = (
                ParsedItem(code, [code], 0.95, "code", None, text=row.name)
                if code is not None
                else self._item(row.name, None)
            )
            values = find_values(row.result)
            number = _LOOSE_NUMBER.search(row.result)
            value = values[0] if values else None
            if value is None and number is not None:
                value = ValueMatch(
                    float(number.group(0)), "ร้อยละ" if table.percent else None, confidence=0.6, source="table"
                )
            if value is not None and value.unit is None and item.indicator is not None:
                # a result column of the sheet is in each indicator's own unit; the whole table is confirmed
                value = replace(value, unit=self.indicators[item.indicator].unit or "ร้อยละ")
            if value is not None:
                a = row.result_at + value.span[0]
                value = replace(value, span=(a, a + value.span[1] - value.span[0]))
            out.append(replace(item, value=value, span=row.span, rivals=0, unread=False))
        return out if any(i.indicator for i in out) else []

    def _with_items(
        self, items: list[ParsedItem], blanked: str, intent: Intent, whole: str
    ) -> tuple[list[ParsedItem], Intent]:
        """Each indicator's item claims; a message naming no indicator may name one by its items.

        A stated level or points on a ladder or checklist is a claim about items, not a value: it is
        checked against the items that make it, never saved as a number.
        """
        out: list[ParsedItem] = []
        tail = self._tail_owner(items, whole)
        for item in items:
            if item.indicator is None:
                # a question ("…ยังไม่ส่งผลไตรมาส 3 ตัวไหนบ้าง") is not leant into a report on one indicator; words a
                # question also uses ("แก้ตารางญัตติ … ขั้น 10 สรุปผลการใช้งาน ❌") do not make one
                found = self._indicator_by_items(item, blanked, lean=intent != "query" or not asked_outright(whole))
                if found is not None:
                    item = found
            elif (
                item.via == "fuzzy"
                and len(items) == 1
                # "ขอแก้ไข เมื่อวานแจ้งว่าขั้นที่ 4 เสร็จ จริงๆ ยังไม่ได้นำเรียนประธานสภา": an item taken back
                # names its indicator as well as one reported; a number put right does not
                and (intent != "correction" or item.value is None)
                and (item.value is None or item.value.unit != self.indicators[item.indicator].unit)
            ):
                item = self._named_by_its_items(item, blanked)
            if item.indicator is not None:
                # One indicator: its items are read in the whole message, periods and dates left in
                # ("ตรวจติดตามรอบเดือน ม.ค. เรียบร้อย" is one round of a monthly step, not the step).
                said = whole if len(items) == 1 else item.text
                if tail is not None and tail[0] is item:
                    said = f"{said}\n{tail[1]}"
                claims = self.item_matcher.claims(item.indicator, said)
                rubric = self.indicators[item.indicator].rubric
                on_ladder = rubric is not None and rubric.kind is RubricKind.ladder
                if (
                    intent == "correction"
                    and item.value is not None
                    and item.value.unit == self.indicators[item.indicator].unit
                    and not (claims.undone or claims.proposed_undone)
                ):
                    # "แก้ไข ก.1 … ต้องเป็น 4 ครั้ง ไม่ใช่ 3 ครั้ง": a number in the indicator's unit put right,
                    # not items done
                    claims = ItemClaims()
                if (
                    intent == "correction"
                    and claims.claim is not None
                    and not (claims.claim == "level" and on_ladder)
                    and not (claims.undone or claims.proposed_undone)
                ):
                    # "ขอแก้ไข นวัตกรรม เป็น 30 คะแนน": the number is corrected, as said; "ขอแก้เป็นระดับ 3" on a
                    # ladder is its milestones, and so are the points put right beside the item that made them
                    # wrong ("ที่ถูกคือ 55 คะแนน ข้อ 4 ยังไม่ครบ")
                    claims = ItemClaims()
                if item.via not in ("code", "alias"):
                    claims = claims.confirmed_first()  # the indicator was guessed: nothing marked before a tap
                if not claims.empty:
                    item.claims = claims
                    scored_by_items = rubric is not None and rubric.kind in ("ladder", "checklist")
                    if claims.claim and item.value is not None and scored_by_items:
                        item.value = None
                    elif (
                        scored_by_items
                        and item.value is not None
                        and item.value.unit in PERCENT_UNITS
                        and (self.indicators[item.indicator].unit or "") not in PERCENT_UNITS
                    ):
                        item.value_is_share = True
                    elif item.value is not None and self._not_its_measure(item.indicator, item.value):
                        item.value = None  # "ผู้แทน 50 เขต … 2 ครั้ง": numbers of the item's own text
            out.append(item)
        if any(not i.claims.empty for i in out):
            intent = "report"
        return out, intent

    def _tail_owner(self, items: list[ParsedItem], whole: str) -> tuple[ParsedItem, str] | None:
        """A message cut at its values ("…ตอบแบบประเมิน 126 คน พึงพอใจ 88.6% และกำหนดแผน…ปีงบ 63 แล้ว") leaves
        the words after the last value to no part; they tell the items of the one indicator whose items
        they name, and are lost to none."""
        ends = [i.span[1] for i in items if i.span is not None]
        if len(items) < 2 or len(ends) != len(items) or max(ends) >= len(whole):
            return None
        tail = whole[max(ends) :]
        if not _WORDS.search(tail):
            return None
        owners = [
            i
            for i in items
            if i.indicator is not None
            and i.indicator in self.item_matcher.items
            and not self.item_matcher.claims(i.indicator, tail).empty
        ]
        return (owners[-1], tail) if len({i.indicator for i in owners}) == 1 else None

    def _not_item_numbers(self, codes: list[CodeMatch], blanked: str) -> list[CodeMatch]:
        """ "One Platform ข้อ 1 และ 2 เสร็จแล้ว": "ข้อ n" numbers the items of the checklist the message
        names, not indicators."""
        named = self.matcher.alias_hits(blanked) | {
            c.code for c in codes if not blanked[c.span[0] : c.span[1]].lstrip().startswith("ข้อ")
        }
        codes = [c for c in codes if not _PART_BEFORE.search(blanked[: c.span[0]])]  # "ส่วนที่ 3 ข้อ 1"
        numbered = [c for c in named if any(i.kind == "checklist" and i.no for i in self.item_matcher.items.get(c, ()))]
        if not numbered and any(blanked[c.span[0] : c.span[1]].lstrip().startswith("ข้อ") for c in codes):
            # "ทำ data dictionary + cleansing ครบแล้วค่ะ ข้อ 3 ✅": no name said, but the words are an item of a
            # checklist that numbers its items, and "ข้อ 3" is its number
            by_items = {c.split("/", 1)[0] for c in self.item_matcher.by_words(None, blanked)[0]}
            numbered = [
                c for c in by_items if any(i.kind == "checklist" and i.no for i in self.item_matcher.items.get(c, ()))
            ]
        if not numbered:
            return codes
        return [c for c in codes if not blanked[c.span[0] : c.span[1]].lstrip().startswith("ข้อ")]

    def _not_its_measure(self, code: str, value: ValueMatch) -> bool:
        unit = self.indicators[code].unit or ""
        if value.unit is None or value.unit == unit or value.unit in PERCENT_UNITS:
            return False  # a percentage may be the project's cumulative progress ("สะสมร้อยละ 30")
        same_kind = (unit in PERCENT_UNITS and value.unit in PERCENT_UNITS) or (
            unit in COUNT_UNITS and value.unit in COUNT_UNITS
        )
        return not same_kind

    def _indicator_by_items(self, item: ParsedItem, blanked: str, lean: bool = True) -> ParsedItem | None:
        """ "ประชุมออนไลน์กับผู้แทน 50 เขตครบ 2 ครั้งแล้ว": the only indicator with such an item."""
        said = item.text or blanked
        if (parted := self._parted_named(said)) is not None and item.via not in ("alias", "partial", "conflict"):
            # "ส่วนที่ 3 ครบทุกข้อแล้ว": the only indicator whose checklist is grouped in parts
            return ParsedItem(parted, self.parted, 0.8, "item", item.value, item.pending, item.text)
        chosen, options = self.item_matcher.by_words(None, said)
        if not chosen and "\n" in said.strip() and item.via in ("fuzzy", "none"):
            # "ประชุม zoom … ครบ 2 ครั้งแล้ว\nคลิปกับสรุปรายงานอยู่ใน drive": the work is told in one line, the
            # evidence in another; each line is read on its own
            lines = [self.item_matcher.by_words(None, line)[0] for line in said.splitlines() if line.strip()]
            if any(lines):
                chosen, options = [c for got in lines for c in got], []
        by_clause: set[str] = set()
        if not chosen and not options and item.via in ("fuzzy", "none"):
            # "ขอแก้ไขรายงานเมื่อวานครับ ขั้นตอนที่ 2 คัดเลือกโครงการ ยังไม่เสร็จ ท่านรองฯ ขอเปลี่ยน…": the item is
            # named in one clause, the rest of the account drowns it; one indicator's items named, clause by
            # clause, and no other's
            named = {
                c.split("/", 1)[0] for clause in item_clauses(said) for c in self.item_matcher.by_words(None, clause)[0]
            }
            by_clause = named if len(named) == 1 else set()
        codes = {c.split("/", 1)[0] for c in chosen} or by_clause
        torn = list(dict.fromkeys(c.split("/", 1)[0] for c in options))
        fitting = sorted(codes) if codes else torn
        if len(fitting) >= 2 and (headed := self._topic_heading(said, fitting)) is not None:
            # "ญัตติ: ประชุมคณะทำงาน แจ้งผลแบบสอบถาม…": steps K2 and K3 both print, under a heading that is
            # a word of one of their names only; confirmed before saving
            rest = [c for c in fitting if c != headed]
            return ParsedItem(headed, [headed, *rest], 0.6, "item", item.value, item.pending, item.text)
        if len(fitting) >= 2 and (owner := self._owner_named(said, fitting)) is not None:
            # "กลุ่มงานญัตติฯ แจ้งครับ ประชุมคณะทำงาน… วิเคราะห์กระบวนงานและออกแบบระบบ…": steps K2 and K3 both
            # print, told by the office that owns one of them; confirmed before saving
            rest = [c for c in fitting if c != owner]
            return ParsedItem(owner, [owner, *rest], 0.6, "item", item.value, item.pending, item.text)
        if lean and len(fitting) >= 2 and (leaning := self._leaning(said, fitting)) is not None:
            # "ขอโทษค่ะ … สรุปผลการใช้ระบบนัดประชุมยังไม่ได้ทำ ที่เสร็จคือทดสอบระบบ": K2 and K3 print the same
            # steps; the words of one's name ("นัดประชุม") lean to it; confirmed before saving
            rest = [c for c in fitting if c != leaning]
            return ParsedItem(leaning, [leaning, *rest], 0.6, "item", item.value, item.pending, item.text)
        if (
            lean
            and len(fitting) >= 2
            and item.via not in ("alias", "partial", "conflict")  # a name said is asked about, not overruled
            and (own := self.item_matcher.own_items_said(said, fitting)) is not None
        ):
            # "ประชุมคณะทำงาน…วิเคราะห์กระบวนงานและออกแบบระบบแล้ว ส่วนการพัฒนาระบบอยู่ระหว่างประสานฝ่ายบริหารงาน
            # ทั่วไป": K2 and K3 print the same steps, but only K2's name that office; confirmed before saving
            rest = [c for c in fitting if c != own]
            return ParsedItem(own, [own, *rest], 0.6, "item", item.value, item.pending, item.text)
        if 2 <= len(codes) <= 3 and not item.candidates:
            # "สรุปข้อมูลโครงการนำเรียนรองผู้ว่าฯ แล้ว": items of two indicators fit; the reporter picks
            return ParsedItem(None, sorted(codes), 0.4, "item", item.value, item.pending, item.text)
        if not chosen and 2 <= len(torn) <= 3 and not item.candidates:
            # "ทอดแบบสอบถามเสร็จแล้ว": a step both K2 and K3 print; the reporter picks the indicator
            return ParsedItem(None, torn, 0.4, "item", item.value, item.pending, item.text)
        if not codes and len(torn) == 1 and self._named_ahead(said, torn[0]):
            # "e-สารบรรณ ครับ ลงนามสัญญาจ้างแล้ว…": rival items of one indicator, the one its name's words lead to
            codes = {torn[0]}
        elif not codes and len(torn) == 1:
            # "ตรวจสอบและวิเคราะห์ความคิดเห็น…เสร็จแล้ว … เสนอ คกก.กิจการสภา…แล้ว": the whole account fits rival
            # items of one indicator; read clause by clause, its items are named, none of another's
            codes = self._named_clause_by_clause(said, torn[0])
        if len(codes) != 1:
            return None
        code = next(iter(codes))
        if item.via in ("alias", "partial", "conflict") and code not in item.candidates:
            return None  # the message names another indicator: asked, not overruled by item words
        return ParsedItem(code, [code], 0.8, "item", item.value, item.pending, item.text)

    def _named_clause_by_clause(self, said: str, code: str) -> set[str]:
        """``{code}`` when at least two clauses name its items and none names another's."""
        named = [self.item_matcher.by_words(None, clause)[0] for clause in item_clauses(said)]
        codes = {c.split("/", 1)[0] for chosen in named for c in chosen}
        return {code} if codes == {code} and sum(1 for chosen in named if chosen) >= 2 else set()

    def _owner_named(self, text: str, codes: list[str]) -> str | None:
        """The one of ``codes`` whose owning office the message names ("กลุ่มงานญัตติฯ" for the
        กลุ่มงานญัตติและกระทู้), when no other of them is owned by an office it names."""
        said = _UNSPACED.sub("", text)
        named = [c for c in codes if any(o in said for o in self._owner_words.get(c, ()))]
        return named[0] if len(named) == 1 else None

    def _named_ahead(self, text: str, code: str) -> bool:
        """The words of ``code``'s name are said, ahead of every other indicator's."""
        return self._leaning(text, [code, *(c for c in self.indicators if c != code)]) == code

    def _leaning(self, text: str, codes: list[str]) -> str | None:
        """The one of ``codes`` the words of their names lean to, though not clearly enough to name it alone."""
        scores = dict(self.matcher.candidates(text).ranked)
        ranked = sorted(codes, key=lambda c: -scores.get(c, 0.0))
        top, second = scores.get(ranked[0], 0.0), scores.get(ranked[1], 0.0)
        return ranked[0] if top >= LEAN_SCORE and top >= LEAN_RATIO * second else None

    def _parted_named(self, text: str) -> str | None:
        """ "ส่วนที่ 2 …": the indicator whose checklist is grouped in parts, when the plan has just one."""
        return self.parted[0] if len(self.parted) == 1 and _PART_SAID.search(text) else None

    def _topic_heading(self, text: str, codes: list[str]) -> str | None:
        """The one of ``codes`` whose name holds the topic the message opens with ("ญัตติ:", "กก.สามัญ:")."""
        heading = _TOPIC_HEADING.match(text)
        if heading is None:
            return None
        said = _grams(match_key(_expand(heading.group(1).replace("กก.", "กรรมการ"))))  # "กก.สามัญ"
        if not said:
            return None
        shares = {c: len(said & self.item_matcher.name_grams.get(c, set())) / len(said) for c in codes}
        named = [c for c, share in shares.items() if share >= HEADING_OWN]
        return (
            named[0] if len(named) == 1 and all(v < HEADING_RIVAL for c, v in shares.items() if c != named[0]) else None
        )

    def _named_by_its_items(self, item: ParsedItem, blanked: str) -> ParsedItem:
        """ "วิเคราะห์ความคิดเห็นประชาชน จัดทำเอกสารแยกตามภารกิจกรรมการสามัญ 12 คณะเสร็จแล้ว": the name
        words ("กรรมการสามัญ") lean to K3, but the words are K1's third milestone, said almost as
        printed. An indicator guessed from its name gives way to the only indicator whose item the
        words clearly name; confirmed before saving."""
        said = item.text or blanked
        if (parted := self._parted_named(said)) is not None and item.indicator != parted:
            # "ส่วนที่ 2 ที่แจ้งไปว่าผ่านแล้ว ยังไม่ผ่าน": the only checklist grouped in parts, not a name's word
            return replace(
                item, indicator=parted, candidates=[parted, *item.candidates[:2]], indicator_confidence=0.8, via="item"
            )
        chosen, options = self.item_matcher.by_words(None, said)
        codes = {c.split("/", 1)[0] for c in (*chosen, *options)}  # rival items of one indicator still name it
        if len(codes) > 1 and item.indicator not in codes:
            codes = self._claimed_by(said, [item.indicator or "", *sorted(codes)])
        if len(codes) != 1 or item.indicator in codes:
            return item
        code = next(iter(codes))
        if self.item_matcher.lacks_step_said(code, said) and not self.item_matcher.lacks_step_said(
            item.indicator or "", said
        ):
            # "ตรวจติดตามศูนย์ข้อมูลข่าวสาร ขอแก้ ขั้นตอนที่ 5 ประเมินผล…": the item words fit ข.2's step 3,
            # but ข.2 has no step 5; the named one has
            return item
        return replace(
            item, indicator=code, candidates=[code, *item.candidates[:2]], indicator_confidence=0.8, via="item"
        )

    def _claimed_by(self, said: str, codes: list[str]) -> set[str]:
        """ "ประชุมออนไลน์กับตัวแทนเขต…ครบ 2 ครั้งแล้ว ตอนนี้กำลังไล่อ่านความเห็น แยกตามคณะกรรมการสามัญอยู่": the
        whole text's words fit items of several indicators, but only K1's are said done; the name words
        of K3 are in the clause still under way."""
        return {c for c in codes if c in self.item_matcher.items and not self.item_matcher.claims(c, said).empty}

    def _segments(
        self, blanked: str, valued: str, codes: list[CodeMatch]
    ) -> list[tuple[str, str, str, tuple[int, int]]]:
        """Cut the text at each code: the words after a code (up to the next) belong to it."""
        out: list[tuple[str, str, str, tuple[int, int]]] = []
        for n, c in enumerate(codes):
            end = codes[n + 1].span[0] if n + 1 < len(codes) else len(blanked)
            seg, vseg = blanked[c.span[1] : end], valued[c.span[1] : end]
            if out and out[-1][2] == c.code:
                last = out[-1]
                out[-1] = (last[0] + " " + seg, last[1] + " " + vseg, c.code, (last[3][0], end))
            else:
                out.append((seg, vseg, c.code, (c.span[0], end)))
        return out

    def _with_listed(self, seg: str, vseg: str, code: str, span: tuple[int, int]) -> list[ParsedItem]:
        """ "- K3 เฉลี่ย 51 นาที\n- นวัตกรรม 50 คะแนน": listed lines after a code's that each name another
        indicator by its alias, with a value of their own, are those indicators' parts, not the code's."""
        whole = [replace(self._item(seg, code, valued=vseg), span=span)]
        offset = span[1] - len(seg)
        # "K3 เฉลี่ย 43 นาที\nนวัตกรรม 100 คะแนน": lines without bullets are a list too, when they end it
        cuts = [m.start() + 1 for m in _LISTED_LINE.finditer(seg)] or [m.start() + 1 for m in _NEXT_LINE.finditer(seg)]
        if not cuts:
            return whole
        others: list[ParsedItem] = []
        for a, b in zip(cuts, [*cuts[1:], len(seg)], strict=True):
            named = self._item(seg[a:b], None, valued=vseg[a:b])
            if named.via == "alias" and named.indicator not in (None, code) and named.value is not None:
                others.append(replace(named, span=(offset + a, offset + b)))
            elif others:
                return whole  # a line after them that names none: the list is not one indicator a line
        if not others:
            return whole
        first = cuts[len(cuts) - len(others)]  # the others are the listed lines to the end
        own = replace(self._item(seg[:first], code, valued=vseg[:first]), span=(span[0], offset + first))
        return [own, *others]

    def _named_parts(self, blanked: str, valued: str) -> list[ParsedItem] | None:
        """ "ตช.1 ทำ Action Plan…แล้ว / ตช.2 สรุปผล…เรียบร้อย / เบิกจ่ายงบประมาณ… 48.75%", "1) นวัตกรรม …\n2)
        ตัวชี้วัดที่ 1 …\n3) OP …": a message giving each indicator a part of its own (a line, or a part
        between " / ") that opens with its code or alias; each part is that indicator's, and a part naming
        none goes with the one before it."""
        cuts = [0, *(m.end() for m in _PART_BREAK.finditer(blanked)), len(blanked)]
        spans = [(a, b) for a, b in pairwise(cuts) if blanked[a:b].strip()]
        if len(spans) < 2:
            return None
        opened = [self._opened_by(blanked[a:b]) for a, b in spans]
        named = [c for c, _ in opened if c is not None]
        if len(set(named)) < 2 or len(set(named)) != len(named):
            return None  # one indicator, or one told in two places: not a part each
        merged: list[tuple[int, int, str, str]] = []
        for (a, b), (code, via) in zip(spans, opened, strict=True):
            if code is None and (value_spans(valued[a:b]) or self._names_any(blanked[a:b])):
                # a value no part names, or an indicator named further in: read as a whole message is
                return None
            if code is not None:
                merged.append((a if merged else 0, b, code, via))
            elif merged:
                start, _, last, how = merged[-1]
                merged[-1] = (start, b, last, how)
        items = [
            replace(self._item(blanked[a:b], code, via=via, valued=valued[a:b]), span=(a, b))
            for a, b, code, via in merged
        ]
        # "ปฏิทินฯ ยังไม่ได้สรุปรอบนี้": a part with neither a value nor an item said is no report on its own
        told = [
            i
            for i in items
            if i.value is not None
            or i.pending
            or (
                i.indicator in self.item_matcher.items and not self.item_matcher.claims(i.indicator or "", i.text).empty
            )
        ]
        return told if len(told) >= 2 else None

    def _opened_by(self, part: str) -> tuple[str | None, str]:
        """The indicator a part opens with, by its code or an alias, and how it was named."""
        head = _BULLET_LEAD.sub("", part)[:PART_HEAD]
        # "ข้อ 2 ✅ เสนอ…": a line of a checklist numbered by its items, not an indicator's
        # ("4 ครั้ง" once a month before it is blanked is a count, not indicator 4)
        codes = [
            c
            for c in self.matcher.find_codes(head)
            if not c.alternatives
            and not head[c.span[0] :].startswith("ข้อ")
            and not _BARE_NUMBER.fullmatch(head[c.span[0] : c.span[1]].strip())
        ]
        if codes:
            return min(codes, key=lambda c: c.span[0]).code, "code"
        hits = self.matcher.alias_hits(head)
        return (next(iter(hits)), "alias") if len(hits) == 1 else (None, "")

    def _names_any(self, part: str) -> bool:
        """Whether a part names an indicator anywhere in it, by a code or an alias."""
        codes = [c for c in self.matcher.find_codes(part) if not part[c.span[0] :].startswith("ข้อ")]
        return bool(codes or self.matcher.alias_hits(part))

    def _listed_lines(self, blanked: str, valued: str) -> list[ParsedItem] | None:
        """ "สรุปจากที่ประชุม (ผู้เข้าร่วม 14 คน)\n- มติสภา: … 37 จาก 38 ญัตติ\n- Traffy: … 81.2%": bullet lines
        each naming its own indicator by name with a value are those indicators' parts, whatever the lines
        around them say."""
        cuts = [m.start() + 1 for m in _LISTED_LINE.finditer(blanked)]
        if len(cuts) < 2:
            return None
        items: list[ParsedItem] = []
        for a in cuts:
            b = blanked.find("\n", a)
            b = len(blanked) if b < 0 else b
            item = self._item(blanked[a:b], None, valued=valued[a:b])
            if item.value is None:
                continue
            if item.indicator is None or item.via not in ("alias", "fuzzy"):
                return None  # a line torn between indicators: the parts are read together, or asked
            items.append(replace(item, span=(a, b)))
        codes = [i.indicator for i in items]
        return items if len(items) >= 2 and len(set(codes)) == len(codes) else None

    def _code_and_alias_segments(self, blanked: str, valued: str, codes: list[CodeMatch]) -> list[ParsedItem] | None:
        """ "ตช.1 ร้อยละ 23.5 ฐานข้อมูล ร้อยละ 25 อาชีวอนามัย ร้อยละ 20": one indicator by code, the others
        by their own names, each with the value after it; only when every part names its own."""
        spans = value_spans(valued)
        if len(spans) < 2:
            return None
        if _one_ratio(valued, spans):
            return None
        items: list[ParsedItem] = []
        start = 0
        for n, (_, end) in enumerate(spans):
            end = len(blanked) if n == len(spans) - 1 else end
            inside = [c for c in codes if start <= c.span[0] < end]
            if inside:
                cut = [c.span for c in inside]
                item = self._item(
                    blank(blanked[start:end], [(a - start, b - start) for a, b in cut]),
                    inside[0].code,
                    valued=blank(valued[start:end], [(a - start, b - start) for a, b in cut]),
                )
            else:
                item = self._item(blanked[start:end], None, valued=valued[start:end])
            item.span = (start, end)
            start = end
            if item.indicator is None or item.value is None:
                return None
            items.append(item)
        found = [i.indicator for i in items]
        fits = all(
            i.value is not None
            and i.indicator is not None
            and i.value.unit in {self.indicators[i.indicator].unit or "ร้อยละ"}
            for i in items
        )  # each part's value in its own indicator's unit: "10 ชุด" in 5.2's story is not a part of its own
        return items if fits and len(set(found)) == len(found) and any(i.via == "code" for i in items) else None

    def _value_segments(self, blanked: str, valued: str) -> list[ParsedItem] | None:
        """ "เว็บไซต์สภา 82.5% และความพึงพอใจ… 78%": each value with the words before it, when each part
        names a different indicator on its own."""
        spans = value_spans(valued)
        if len(spans) < 2:
            return None
        if _one_ratio(valued, spans):
            return None
        items: list[ParsedItem] = []
        start = 0
        for _, end in spans:
            item = self._item(blanked[start:end], None, valued=valued[start:end])
            item.span = (start, end)
            start = end
            if item.value is None or (item.indicator is None and not item.candidates):
                return None
            items.append(item)
        # A part torn between indicators another part names for sure takes the one left ("ญัตติเฉลี่ย 19
        # นาที … ประชุมกรรมการสามัญเฉลี่ย 44 นาที": K3 is the second's, so the first is K2); confirmed.
        named = {i.indicator for i in items if i.indicator is not None}
        guessed = False
        for n, item in enumerate(items):
            left = [c for c in item.candidates if c not in named]
            fits = len(left) == 1 and item.value is not None and item.value.unit == self.indicators[left[0]].unit
            if item.indicator is None and fits:
                items[n] = replace(item, indicator=left[0], indicator_confidence=0.8, via="fuzzy")
                named.add(left[0])
                guessed = True
        if guessed and not all(
            i.indicator and i.value and i.value.unit == self.indicators[i.indicator].unit for i in items
        ):
            return None  # a part left over is only another indicator's when every part is in its own unit
        codes = [i.indicator for i in items]
        return items if None not in codes and len(set(codes)) == len(codes) else None

    def _pick_value(self, segment: str, code: str | None) -> ValueMatch | None:
        """The value in the indicator's own unit when the text gives several (100% แล้ว 6 โครงการ)."""
        values = find_values(segment)
        if not values:
            return None
        if code is not None:
            unit = self.indicators[code].unit
            formula = self.indicators[code].formula
            if formula is not None and formula.kind == "mean" and unit == "นาที":
                mean = mean_of_total(segment)
                if mean is not None:
                    return mean
            if unit in COUNT_UNITS:
                # "ผ่านแผนแล้ว 6 จาก 12 โครงการ" on an indicator that counts projects: the count is 6.
                part = next(
                    (
                        v
                        for v in values
                        if v.source == "fraction"
                        and v.numerator is not None
                        and unit in with_thai_nouns(segment)[v.span[0] : v.span[1]]
                    ),
                    None,
                )
                if part is not None and part.numerator is not None:
                    return ValueMatch(part.numerator, unit, span=part.span, confidence=part.confidence, source="count")
            same = [v for v in values if v.unit == unit]
            # "(12 โครงการ) … ทำได้ตามแผนแล้ว 8 โครงการ": of counts in the plan's unit, the one said done
            done = [v for v in same if _DONE_JUST_BEFORE.search(segment[max(0, v.span[0] - 8) : v.span[0]])]
            running = [v for v in same if _RUNNING_TOTAL.search(segment[max(0, v.span[0] - 12) : v.span[0]])]
            if len(same) > 1 and unit in COUNT_UNITS and (running or done):
                return (running or done)[0]  # "ตรวจแล้ว 1 ครั้ง สะสม 2 ครั้ง": the running total first
            if same:
                return same[0]
            # "นำเข้าข้อบัญญัติแล้ว 312 ฉบับ ความก้าวหน้าร้อยละ 55": of counts in other units than the
            # plan's, the progress the quarterly form asks for is the result
            progress = next(
                (v for v in values if v.unit == "ร้อยละ" and _PROGRESS_BEFORE.search(segment[: v.span[0]])), None
            )
            if progress is not None:
                return progress
            for v in values:
                if unit in COUNT_UNITS and v.unit in COUNT_UNITS:
                    return v
        return values[0]

    def _item(
        self,
        segment: str,
        code: str | None,
        via: str = "code",
        alternatives: tuple[str, ...] = (),
        valued: str | None = None,
    ) -> ParsedItem:
        valued = segment if valued is None else valued
        item = self._item_of(segment, code, via, alternatives, valued)
        unit = self.indicators[item.indicator].unit if item.indicator else None
        if item.value is None and unit == "ครั้ง" and (nth := _NTH_TIME.search(valued)) is not None:
            # "ตรวจ… เดือน ก.พ. เป็นครั้งที่ 3 แล้ว": three so far, for the reporter to confirm
            item.value = ValueMatch(float(nth.group(1)), "ครั้ง", span=nth.span(1), confidence=0.6, source="count")
        item.rivals = _rivals(item.value, valued, unit)
        item.unread = item.value is None and _LOOSE_NUMBER.search(valued) is not None
        return item

    def _item_of(
        self, segment: str, code: str | None, via: str, alternatives: tuple[str, ...], valued: str
    ) -> ParsedItem:
        if alternatives:
            value = self._pick_value(valued, None)
            return ParsedItem(None, list(alternatives), 0.4, "partial", value, False, segment)
        value = self._pick_value(valued, code)
        if value is None and code is not None and via == "code":
            value = lone_number(valued)
        pending = value is None and is_pending(valued)
        if code is not None:
            cands = self.matcher.candidates(segment)
            conflict = [c for c, s in cands.ranked[:1] if cands.via == "alias" and c != code and s >= ALIAS_SCORE]
            if (
                conflict
                and _DISOWNED.search(segment)
                and conflict[0] not in self.matcher.alias_hits(_DISOWNED.sub(" ", segment))
            ):
                conflict = []  # "ส่วนระบบติดตามญัตติของกลุ่มงานญัตติฯ … อันนั้นไม่ใช่ของเรา": another's, said so
            if conflict and code not in self.matcher.alias_hits(segment):
                return ParsedItem(None, [code, conflict[0]], 0.5, "conflict", value, pending, segment)
            return ParsedItem(code, [code], 0.95 if via == "code" else 0.9, via, value, pending, segment)
        value_free = _without_value(segment, value)
        cands = self.matcher.candidates(value_free)
        if value is not None and cands.via != "alias" and not segment[: value.span[0]].strip(" \t\n:-•*"):
            named = self._named_by_its_number(segment, valued, value, pending)
            if named is not None:
                return named
        ranked = [(c, s) for c, s in cands.ranked if s >= REJECT_SCORE]
        top3 = [c for c, _ in ranked[:3]]
        if not ranked:
            return ParsedItem(None, self._with_unit_candidates([], value), 0.0, "none", value, pending, segment)
        if cands.via == "alias":
            hits = [c for c, s in ranked if s >= ALIAS_SCORE]
            if len(hits) == 1:
                sure = 0.85 if self.matcher.generic_alias(value_free, hits[0]) else 0.9  # confirmed when generic
                return self._resolved(ParsedItem(hits[0], top3, sure, "alias", value, pending, segment), valued)
            fuzzy = dict(self.matcher.fuzzy(value_free))
            by_fuzzy = sorted(hits, key=lambda c: -fuzzy.get(c, 0.0))
            first, second = fuzzy.get(by_fuzzy[0], 0.0), fuzzy.get(by_fuzzy[1], 0.0)
            if first - second >= AUTO_MARGIN and first >= 1.5 * second:
                return self._resolved(
                    ParsedItem(by_fuzzy[0], by_fuzzy[:3], 0.85, "alias", value, pending, segment), valued
                )
            return ParsedItem(None, by_fuzzy[:3], 0.4, "alias", value, pending, segment)
        top, second = ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0
        clear = (top >= AUTO_SCORE and top - second >= AUTO_MARGIN and top >= 1.5 * second) or (
            top >= CLEAR_SCORE and second <= top / 3
        )
        if clear:
            return self._resolved(ParsedItem(ranked[0][0], top3, 0.8, "fuzzy", value, pending, segment), valued)
        headed = (
            self._named_by_one_line(value_free, top3)
            or self.matcher.by_project(value_free, top3)
            or self.matcher.named_whole(value_free, top3[:2])
        )
        if headed is not None:
            return self._resolved(ParsedItem(headed, top3, 0.8, "fuzzy", value, pending, segment), valued)
        return ParsedItem(None, self._with_unit_candidates(top3, value), 0.4, cands.via, value, pending, segment)

    def _named_by_one_line(self, text: str, top3: list[str]) -> str | None:
        """ "อัปเดตงานนำข้อมูลความต้องการประชาชนเข้าสภาค่ะ" over lines of work: the whole text leans
        nowhere (the work's words are shared by several indicators' names), but one line or sentence
        names one indicator clearly and any other line that names another (the reporter's own work
        group, "หนูเพิ่งย้ายมาอยู่กลุ่มงานประชุมสภา…") does so far more weakly."""
        named: dict[str, float] = {}
        for line in SENTENCE.split(text):
            ranked = self.matcher.fuzzy(line)
            if not ranked:
                continue
            top, second = ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0.0
            if top >= AUTO_SCORE and top - second >= AUTO_MARGIN and top >= 3 * second:
                named[ranked[0][0]] = max(top, named.get(ranked[0][0], 0.0))
        if not named:
            return None
        best = max(named, key=lambda c: named[c])
        others = [s for c, s in named.items() if c != best]
        if best not in top3 or (others and named[best] < 1.5 * max(others)):
            return None
        return best

    def _named_by_its_number(self, segment: str, valued: str, value: ValueMatch, pending: bool) -> ParsedItem | None:
        """ "๑๒ โครงการ ขั้นตอน ๑–๓ ดำเนินการแล้ว": a count opening the message that is one indicator's
        alias ("12 โครงการ" names KPI 2) is its name, not a value; confirmed before saving."""
        full = self.matcher.candidates(segment)
        hits = [c for c, s in full.ranked if s >= ALIAS_SCORE] if full.via == "alias" else []
        if len(hits) != 1:
            return None
        rest = blank(valued, [value.span])
        item = ParsedItem(hits[0], [hits[0]], 0.85, "alias", self._pick_value(rest, hits[0]), pending, segment)
        return self._resolved(item, rest)

    def _resolved(self, item: ParsedItem, valued: str) -> ParsedItem:
        """Once the indicator is known, prefer the value in its unit (seen only now for alias/fuzzy).
        A lone number closing the message, on a percentage indicator named by its alias ("เบิกจ่ายสะสม
        … 62.35 ครับ", "ทราฟฟี่ เม.ย. 74.2"), is its value, for the reporter to confirm."""
        if item.indicator is not None and item.value is None and self.indicators[item.indicator].unit == "ร้อยละ":
            lone = lone_number(valued)
            if (
                lone is not None
                and _CLOSING.match(valued, lone.span[1])
                and not _NOT_A_RESULT_BEFORE.search(item.text[: lone.span[0]])
            ):
                return replace(item, value=lone)
        if item.indicator is None or item.value is None:
            return item
        better = self._pick_value(valued, item.indicator)
        return (
            item
            if better is None
            else ParsedItem(
                item.indicator, item.candidates, item.indicator_confidence, item.via, better, item.pending, item.text
            )
        )

    def _with_unit_candidates(self, top3: list[str], value: ValueMatch | None) -> list[str]:
        """Minutes, baht or points narrow the choice to the indicators measured that way."""
        if value is None or value.unit not in DISTINCT_UNITS:
            return top3
        same_unit = [c for c, ind in self.indicators.items() if ind.unit == value.unit]
        if not same_unit or len(same_unit) > 3:
            return top3
        return (same_unit + [c for c in top3 if c not in same_unit])[:3]

    def _resolve_period(
        self, periods: list[PeriodMatch], today: date
    ) -> tuple[FiscalPeriod | None, float, bool, str | None]:
        """The report's period; defaults to today's quarter; a conflict returns a question."""
        if not periods:
            return FiscalPeriod(fiscal_year_of(today), fiscal_quarter_of(today)), 0.5, True, None
        if any(p.source in ("month", "as-of") for p in periods):
            # "เบิกจ่ายงวดที่ 1 ต.ค. 62": the month says the period, the quarterly installment what was paid;
            # "…สะสมถึงสิ้นเดือน พ.ค. … ลงชื่อ OT เดือนนี้": a month named beats one only pointed at
            periods = [p for p in periods if p.source not in ("installment", "relative")]
            # the month reported, or the data's date, beats a month only when something was done
            top = max(p.weight for p in periods if p.source in ("month", "as-of"))
            periods = [p for p in periods if p.source not in ("month", "as-of") or p.weight == top]
        quarters = {(p.fiscal_year, p.quarter) for p in periods}
        months = {(p.fiscal_year, p.quarter, p.month) for p in periods if p.month is not None}
        if len(quarters) > 1:
            first, second = sorted(quarters)[:2]
            question = q.PERIOD_CONFLICT.format(first=FiscalPeriod(*first).thai, second=FiscalPeriod(*second).thai)
            return FiscalPeriod(periods[0].fiscal_year, periods[0].quarter), 0.3, False, question
        fy, quarter = next(iter(quarters))
        # "ปิดปีงบ 65 … ณ 30 ก.ย. 65": the year closed is its last quarter, and the date says its month
        as_of = any(p.source == "as-of" for p in periods)
        whole_quarter = any(p.month is None and not (as_of and p.source == "year-end") for p in periods)
        if len(months) == 1 and not whole_quarter:
            month = next(iter(months))[2]
            return FiscalPeriod(fy, quarter, month), 0.9, False, None
        return FiscalPeriod(fy, quarter), 0.9, False, None

    def _clause_periods(self, items: list[ParsedItem], periods: list[PeriodMatch], today: date) -> bool:
        """ "ตช.1 ไตรมาส 1 ได้ 80% ตช.2 ไตรมาส 2 ได้ 60%": each clause keeps the period it names; a period
        outside every clause (a heading) is shared by the clauses that name none. Only when clauses
        name different quarters, each at most one."""
        if len(items) < 2 or any(i.span is None for i in items):
            return False
        own: list[list[PeriodMatch]] = [[] for _ in items]
        shared: list[PeriodMatch] = []
        for p in periods:
            at = next((n for n, i in enumerate(items) if i.span and i.span[0] <= p.span[0] < i.span[1]), None)
            (shared if at is None else own[at]).append(p)
        # Clauses in different quarters, or in different months ("เม.ย. 28 นาที / พ.ค. 26 นาที")
        said = [{(p.fiscal_year, p.quarter, p.month) for p in mine} for mine in own]
        if any(len(ps) > 1 for ps in said) or len(set().union(*said)) < 2:
            return False
        for item, mine in zip(items, own, strict=True):
            item.period = self._resolve_period(mine or shared, today)[0]
        return True

    def _report(
        self, text: str, items: list[ParsedItem], periods: list[PeriodMatch], today: date, sections: Sections
    ) -> ParseResult:
        if self._clause_periods(items, periods, today):
            first = items[0].period
            period, p_conf, defaulted, period_question = first, 0.9, False, None
        else:
            period, p_conf, defaulted, period_question = self._resolve_period(periods, today)
        result = ParseResult(text, "report", items, period, p_conf, defaulted, sections)
        result.missing = self._missing(result)
        if period_question:
            result.ask, result.ask_field = period_question, "period"
        elif period is not None and period.fiscal_year != self.plan.fiscal_year and not defaulted:
            result.ask, result.ask_field = (
                q.PERIOD_OUTSIDE.format(period=period.thai, fiscal_year=self.plan.fiscal_year),
                "period",
            )
        for item in items:
            if result.ask:
                break
            self._ask_for(item, result)
        if not result.ask:
            self._ask_items(result)
        if not result.ask and self.needs_confirmation(items):
            # Matched by name, not by code, or a fraction read without its parts: the reporter
            # confirms before anything is saved.
            parts = [
                (
                    i.indicator or "",
                    self._confirm_name(i),
                    i.value.value if i.value else None,
                    i.value.unit if i.value else None,
                    i.period.thai if i.period else None,
                )
                for i in items
            ]
            result.ask = q.confirm_question(parts, period.thai if period else None)
            result.ask_field, result.options = "confirm", [i.indicator or "" for i in items]
        return result

    def _ask_items(self, result: ParseResult) -> None:
        """Items matched by words, or making up a stated level or points, are confirmed first."""
        for item in result.items:
            if item.indicator is None or item.claims.empty:
                continue
            question = self.items_question(
                item.indicator, item.claims, named=item.indicator_confidence < SURE_INDICATOR
            )
            if question is not None:
                result.ask, result.ask_field = question, "items"
                return

    def items_question(self, code: str, claims: ItemClaims, named: bool = False) -> str | None:
        """The question for the items a reporter confirms; the conversation asks exactly this. ``named``: the
        indicator was guessed (from its items, or words of its name), so the question says its name too, for
        the reporter to see a wrong guess ("ตัวชี้วัดที่ 6 (ผู้ว่าฯ สัญจรชุมชน…)")."""
        by_id = {i.id: i for i in self.item_matcher.items.get(code, ())}
        code_text = f"{code} ({known_as(self.indicators[code])})" if named and code in self.indicators else code

        def lines(ids: tuple[str, ...] | list[str]) -> str:
            return q.item_lines([(by_id[i].kind, by_id[i].no, by_id[i].text) for i in ids if i in by_id])

        if claims.proposed:
            if claims.claim == "level":
                return q.CONFIRM_LEVEL.format(code=code_text, level=f"{claims.claimed:g}", lines=lines(claims.proposed))
            if claims.claim == "points":
                return q.CONFIRM_POINTS.format(
                    code=code_text, points=f"{claims.claimed:g}", lines=lines(claims.proposed)
                )
            undone = (*claims.undone, *claims.proposed_undone)
            if undone:
                return q.CONFIRM_DONE_AND_UNDONE.format(
                    code=code_text, lines=lines(claims.proposed), undone=lines(undone)
                )
            return q.CONFIRM_DONE.format(code=code_text, lines=lines(claims.proposed))
        if claims.claim == "points" and not claims.done:
            indicator = self.indicators[code]
            return q.POINTS_WHICH.format(
                code=code_text, points=f"{claims.claimed:g}", lines=lines([i.id for i in next_items(indicator, (), 6)])
            )
        if claims.options:
            return q.WHICH_ITEM.format(code=code_text, lines=lines(claims.options))
        if claims.proposed_undone:
            return q.CONFIRM_UNDONE.format(code=code_text, lines=lines(claims.proposed_undone))
        return None

    @staticmethod
    def needs_confirmation(items: list[ParsedItem]) -> bool:
        """Asked before saving: an unsure part, a fraction read without its parts, a message about
        several indicators (each part shown with its own value, so a value never moves to a neighbour),
        or a row pasted from a spreadsheet (which of its numbers is the result, the target or a code
        is for the reporter to say)."""
        return asks_before_saving(
            parts=len(items),
            all_sure=all(i.indicator is None or i.sure for i in items),
            bare_fraction=any(
                i.value is not None and i.value.source == "fraction" and i.value.numerator is None for i in items
            ),
            text="".join(i.text for i in items),
        )

    def _confirm_name(self, item: ParsedItem) -> str:
        """The indicator's name where it was matched by name (a code the reporter typed needs none)."""
        if item.indicator is None or item.indicator_confidence >= 0.9:
            return ""
        return self.indicators[item.indicator].name

    @staticmethod
    def _one_corrected(items: list[ParsedItem]) -> list[ParsedItem]:
        """ "…เฉลี่ย 25 นาที ผิดค่ะ คำนวณใหม่ได้ 28.6 นาที": the wrong figure and the right one are one
        indicator's, not two parts; the right one is the value, on the part that names its indicator
        by code or alias, or else on the first part (the wrong figure told with the indicator's words)."""
        if len(items) < 2:
            return items
        right = next((i.value for i in items if i.value is not None and i.value.source == "answer"), None)
        named = [i for i in items if i.via in ("code", "alias")]
        if right is None or len(named) > 1 or (not named and items[0].indicator is None):
            return items
        return [replace((named or items)[0], value=right)]

    def _named_in_quote(self, raw: str, items: list[ParsedItem]) -> list[ParsedItem]:
        """ "> KPI 5 ไตรมาส 1 = 83%\nพิมพ์ผิดครับ ต้องเป็น 88 เปอร์เซ็นต์": a correction that names no indicator
        of its own corrects the one its quoted line names."""
        if len(items) != 1 or items[0].indicator is not None:
            return items
        quoted = spell_out_numbers(normalize_text(quoted_lines(raw))).lower()
        if not quoted.strip():
            return items
        codes = {c.code for c in self.matcher.find_codes(quoted)} or self.matcher.alias_hits(quoted)
        if len(codes) != 1:
            return items
        code = next(iter(codes))
        return [replace(items[0], indicator=code, candidates=[code], indicator_confidence=0.9, via="code")]

    def _correction(
        self, text: str, items: list[ParsedItem], periods: list[PeriodMatch], today: date, sections: Sections
    ) -> ParseResult:
        # A correction changes a report already filed: its period is that report's, so none is read
        # here (a month named, "ขอแก้ผลเบิกจ่าย มิ.ย. เป็น …", only helps find which report).
        del periods, today
        return ParseResult(text, "correction", items, None, 0.0, False, sections)

    def _missing(self, result: ParseResult) -> list[str]:
        missing = []
        item = result.first
        if item is None or item.indicator is None:
            missing.append("indicator")
        if item is None or item.value is None:
            missing.append("value")
        if result.period_defaulted:
            missing.append("period")
        if not result.sections.problems and not result.sections.no_problem:
            missing.append("problems")
        missing += result.sections.missing_five_w()
        return missing

    def _ask_for(self, item: ParsedItem, result: ParseResult) -> None:
        if item.indicator is None:
            if item.via == "conflict":
                result.ask = q.CODE_CONFLICT.format(code=item.candidates[0], other=item.candidates[1])
            elif item.candidates:
                result.ask = q.WHICH_INDICATOR_OF.format(options=", ".join(item.candidates))
            else:
                result.ask = q.WHICH_INDICATOR
            result.ask_field, result.options = "indicator", item.candidates
            return
        indicator = self.indicators[item.indicator]
        value = None if item.value_is_share else item.value
        if value is None:
            if not item.pending and not result.sections.has_substance and item.claims.empty:
                result.ask, result.ask_field = q.WHAT_VALUE.format(code=item.indicator), "value"
            return
        problem = self.value_problem(indicator, value)
        if problem:
            result.ask, result.ask_field = problem, "value"

    def value_problem(self, indicator: Indicator, value: ValueMatch) -> str | None:
        expected = indicator.unit or ""
        if value.unit is None:
            phrase = f"ร้อยละ {value.value:g}" if expected == "ร้อยละ" else f" {value.value:g} {expected}".rstrip()
            return q.BARE_NUMBER.format(value=f"{value.value:g}", unit_phrase=phrase)
        if value.unit in PERCENT_UNITS and value.value is not None and value.value > 100:
            return q.OVER_100.format(value=f"{value.value:g}")
        if not expected or value.unit == expected:
            return None
        if expected in PERCENT_UNITS and value.unit in PERCENT_UNITS:
            return None
        if expected in COUNT_UNITS and value.unit in COUNT_UNITS:
            return None
        if expected == "ระดับ" and indicator.rubric is not None and indicator.rubric.kind == "ladder":
            return (
                None
                if value.unit == "ระดับ"
                else q.UNIT_MISMATCH.format(code=indicator.code, expected=expected, given=value.unit)
            )
        return q.UNIT_MISMATCH.format(code=indicator.code, expected=expected, given=value.unit)


_CODE_FORM = re.compile(r"^\s*(?:ตช\.?|kpi|ตัวชี้วัด(?:ที่)?|[กขคง]\.)\s*\d", re.IGNORECASE)


# The words before "not ours" in a line ("ส่วนระบบ…ของกลุ่มงานญัตติฯ เขายังทดสอบอยู่ อันนั้นไม่ใช่ของเรา"): what
# they name is another unit's work, not the indicator the message reports
_DISOWNED = re.compile(rf"[^\n]{{0,90}}?{NOT_OURS_SAID}", re.I)


def known_as(indicator: Indicator) -> str:
    """What people call an indicator: its shortest alias that is a name, not a code ("สัญจรชุมชน" for
    "ร้อยละความสำเร็จของการผลักดันให้หน่วยงาน…", whose first words KPI 5 shares)."""
    names = [a for a in indicator.aliases if 4 <= len(a) <= 48 and not _CODE_FORM.match(a)]
    return min(names, key=len) if names else indicator.name[:40]


def asks_before_saving(*, parts: int, all_sure: bool, bare_fraction: bool, text: str) -> bool:
    """The one rule for saving without asking, used by the parser on its reading and by the report
    conversation on the draft as answered so far."""
    return parts > 1 or "\t" in text or not all_sure or bare_fraction


def _without_value(segment: str, value: ValueMatch | None) -> str:
    """The words left to name the indicator: the value blanked, but of a ratio said across a sentence
    ("12 โครงการ: คัดเลือก… ครบ 12 โครงการ") only its numbers, so the words between still count."""
    if value is None:
        return segment
    a, b = value.span
    if value.source == "fraction" and b - a > 25:
        return segment[:a] + re.sub(r"[\d.,]", " ", segment[a:b]) + segment[b:]
    return blank(segment, [value.span])


def _period_json(period: FiscalPeriod | None) -> dict[str, int | None] | None:
    if period is None:
        return None
    return {"fiscal_year": period.fiscal_year, "quarter": period.quarter, "month": period.month}


def _rivals(value: ValueMatch | None, text: str, unit: str | None) -> int:
    """Numbers stated as values besides the chosen one and its parts ("ลดลง 8% … ความก้าวหน้า 35%"):
    for a percentage, other percentages and ratios ("ทั้ง 50 เขต" is not one); for a count, the
    same count noun or a percentage ("มี 1 ระบบ … 100%")."""
    if value is None:
        return 0
    own = {round(x, 2) for x in (value.value, value.numerator, value.denominator) if x is not None}
    percent = unit in PERCENT_UNITS or (unit is None and value.unit == "ร้อยละ")
    others = {
        round(v.value, 2)
        for v in find_values(text)
        if v.value is not None and (v.unit == "ร้อยละ" or (not percent and v.unit == unit) or v.unit == value.unit)
    }
    others |= {round(float(m.group(1) or m.group(2)), 2) for m in _ANY_PERCENT.finditer(text)}
    return len(others - own)
