"""One Thai chat message → a structured progress update, with a confidence per field.

Pipeline (reference/thai-nlp.md §12): normalise → intent → periods and dates (spans blanked) →
document numbers blanked → indicator codes → per-indicator segments → value → indicator by
alias/fuzzy when no code → sections and 5W → decide: save, or ask one question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from handlers.parse import questions as q
from handlers.parse.indicator import CodeMatch, IndicatorMatcher
from handlers.parse.normalize import normalize_text, remove_spans
from handlers.parse.numbers import spell_out_numbers
from handlers.parse.period import PeriodMatch, find_dates, find_periods
from handlers.parse.sections import DOC_NUMBER, Sections, split_sections
from handlers.parse.value import ValueMatch, find_value, is_pending
from scoring.fiscal import FiscalPeriod, fiscal_quarter_of, fiscal_year_of
from scoring.plan import Indicator, Plan

Intent = Literal["report", "query", "correction", "cancel", "chat"]

AUTO_SCORE, AUTO_MARGIN, REJECT_SCORE = 60.0, 15.0, 35.0
PERCENT_UNITS = {"ร้อยละ", "%"}
COUNT_UNITS = {
    "โครงการ",
    "เรื่อง",
    "ครั้ง",
    "ราย",
    "คน",
    "ข้อ",
    "แห่ง",
    "ชุดข้อมูล",
    "ชุด",
    "ระบบ",
    "แนวทาง",
    "ฉบับ",
    "กิจกรรม",
    "ญัตติ",
    "ข้อสั่งการ",
    "ชิ้น",
    "คำร้อง",
}

_CORRECTION = re.compile(
    r"^(?:แก้(?:ไข)?(?:เป็น|ค่า|ตัวเลข|ให้เป็น)|ขอแก้|เปลี่ยนเป็น|ไม่ใช่|ผิด(?:ค่ะ|ครับ)?\s*(?:แก้|ต้องเป็น)|ต้องเป็น)"
)
_CANCEL = re.compile(r"^(?:ยกเลิก|cancel|ไม่บันทึก|ลบ(?:ทิ้ง)?(?:รายงาน)?)\s*(?:ค่ะ|ครับ|นะ|จ้า)?\s*$", re.IGNORECASE)
_QUERY = re.compile(
    r"ถึงไหน|เท่าไร|เท่าไหร่|กี่คะแนน|กี่เปอร์|ใครยังไม่ส่ง|ใครยังไม่รายงาน|สรุปผล|สถานะ|หรือยัง|ได้ยัง|ยังไง|อย่างไรคะ|"
    r"ยังไม่ส่ง|ส่งภายใน|ส่งวันไหน|ส่งเมื่อไร|ภายในวันไหน|วันไหน|ไหม(?:คะ|ครับ)|มั้ย|\?\s*$"
)
_FILLER = re.compile(r"^[\s\W_]*(?:ค่ะ|ครับ|คับ|จ้า|นะคะ|นะครับ)?[\s\W_]*$")


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
            "period": (
                {"fiscal_year": self.period.fiscal_year, "quarter": self.period.quarter, "month": self.period.month}
                if self.period
                else None
            ),
            "missing": self.missing,
            "ask": self.ask,
            "intent": self.intent,
            "items": [
                {
                    "indicator": i.indicator,
                    "value": i.value.value if i.value else None,
                    "unit": i.value.unit if i.value else None,
                }
                for i in self.items
            ],
        }


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


class MessageParser:
    """Parses messages for one plan; build once (it precomputes the plan's trigram index)."""

    def __init__(self, plan: Plan, extra_aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        self.plan = plan
        self.matcher = IndicatorMatcher(plan, extra_aliases)
        self.indicators = {i.code: i for i in plan.indicators()}

    # --- public -----------------------------------------------------------------------------

    def parse(self, raw: str, today: date, *, spans: Iterable[tuple[int, int]] = ()) -> ParseResult:
        text = spell_out_numbers(normalize_text(remove_spans(raw, spans)))
        low = text.lower()
        intent = self._intent(low)
        periods = find_periods(low, today)
        blanked = _blank(
            low, [p.span for p in periods] + find_dates(low) + [m.span() for m in DOC_NUMBER.finditer(low)]
        )
        codes = self.matcher.find_codes(blanked)
        items = self._items(blanked, codes)
        sections = split_sections(text)
        has_signal = any(i.indicator or i.candidates or i.value for i in items) or bool(periods)
        if intent == "report" and not has_signal:
            intent = "chat"
        if intent in ("chat", "cancel"):
            return ParseResult(text, intent, [], None, 0.0, False, sections)
        if intent == "query":
            kept = [ParsedItem(i.indicator, i.candidates, i.indicator_confidence, i.via, None) for i in items[:1]]
            return ParseResult(text, intent, kept, None, 0.0, False, sections)
        if intent == "correction":
            return self._correction(text, items, periods, today, sections)
        return self._report(text, items, periods, today, sections)

    # --- steps ------------------------------------------------------------------------------

    def _intent(self, low: str) -> Intent:
        if _CANCEL.match(low):
            return "cancel"
        if _CORRECTION.match(low):
            return "correction"
        if _FILLER.match(low):
            return "chat"
        if _QUERY.search(low) and find_value(low) is None:
            return "query"
        return "report"

    def _items(self, blanked: str, codes: list[CodeMatch]) -> list[ParsedItem]:
        distinct = list(dict.fromkeys(c.code for c in codes))
        if len(distinct) >= 2:
            return [self._item(seg, code) for seg, code in self._segments(blanked, codes)]
        if not codes:
            multi = self._alias_lines(blanked)
            if multi:
                return multi
        code = codes[0].code if codes else None
        body = _blank(blanked, [c.span for c in codes])
        return [self._item(body, code)]

    def _segments(self, blanked: str, codes: list[CodeMatch]) -> list[tuple[str, str]]:
        """Cut the text at each code: the words after a code (up to the next) belong to it."""
        out: list[tuple[str, str]] = []
        for n, c in enumerate(codes):
            end = codes[n + 1].span[0] if n + 1 < len(codes) else len(blanked)
            segment = blanked[c.span[1] : end]
            if out and out[-1][1] == c.code:
                out[-1] = (out[-1][0] + " " + segment, c.code)
            else:
                out.append((segment, c.code))
        return out

    def _alias_lines(self, blanked: str) -> list[ParsedItem] | None:
        """Several lines, each naming a different indicator by alias with its own value."""
        lines = [line for line in blanked.split("\n") if line.strip()]
        if len(lines) < 2:
            return None
        items = []
        for line in lines:
            hits = self.matcher.alias_hits(line)
            if len(hits) == 1 and find_value(line):
                items.append(self._item(line, next(iter(hits)), via="alias"))
        codes = [i.indicator for i in items]
        return items if len(items) >= 2 and len(set(codes)) == len(codes) else None

    def _item(self, segment: str, code: str | None, via: str = "code") -> ParsedItem:
        value = find_value(segment)
        pending = value is None and is_pending(segment)
        if code is not None:
            cands = self.matcher.candidates(segment)
            conflict = [c for c, s in cands.ranked[:1] if cands.via == "alias" and c != code and s >= 100]
            if conflict and code not in self.matcher.alias_hits(segment):
                return ParsedItem(None, [code, conflict[0]], 0.5, "conflict", value, pending, segment)
            return ParsedItem(code, [code], 0.95 if via == "code" else 0.9, via, value, pending, segment)
        value_free = _blank(segment, [value.span]) if value else segment
        cands = self.matcher.candidates(value_free)
        ranked = [(c, s) for c, s in cands.ranked if s >= REJECT_SCORE]
        top3 = [c for c, _ in ranked[:3]]
        if not ranked:
            return ParsedItem(None, [], 0.0, "none", value, pending, segment)
        if cands.via == "alias" and len([s for _, s in ranked if s >= 100]) == 1:
            return ParsedItem(ranked[0][0], top3, 0.9, "alias", value, pending, segment)
        if cands.via == "fuzzy" and ranked[0][1] >= AUTO_SCORE and cands.margin() >= AUTO_MARGIN:
            return ParsedItem(ranked[0][0], top3, 0.8, "fuzzy", value, pending, segment)
        return ParsedItem(None, top3, 0.4, cands.via, value, pending, segment)

    def _resolve_period(
        self, periods: list[PeriodMatch], today: date
    ) -> tuple[FiscalPeriod | None, float, bool, str | None]:
        """The report's period; defaults to today's quarter; a conflict returns a question."""
        if not periods:
            return FiscalPeriod(fiscal_year_of(today), fiscal_quarter_of(today)), 0.5, True, None
        quarters = {(p.fiscal_year, p.quarter) for p in periods}
        months = {(p.fiscal_year, p.quarter, p.month) for p in periods if p.month is not None}
        if len(quarters) > 1:
            first, second = sorted(quarters)[:2]
            question = q.PERIOD_CONFLICT.format(first=FiscalPeriod(*first).thai, second=FiscalPeriod(*second).thai)
            return FiscalPeriod(periods[0].fiscal_year, periods[0].quarter), 0.3, False, question
        fy, quarter = next(iter(quarters))
        whole_quarter = any(p.month is None for p in periods)
        if len(months) == 1 and not whole_quarter:
            month = next(iter(months))[2]
            return FiscalPeriod(fy, quarter, month), 0.9, False, None
        return FiscalPeriod(fy, quarter), 0.9, False, None

    def _report(
        self, text: str, items: list[ParsedItem], periods: list[PeriodMatch], today: date, sections: Sections
    ) -> ParseResult:
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
        return result

    def _correction(
        self, text: str, items: list[ParsedItem], periods: list[PeriodMatch], today: date, sections: Sections
    ) -> ParseResult:
        period = None
        if periods:
            period = self._resolve_period(periods, today)[0]
        result = ParseResult(text, "correction", items, period, 0.9 if period else 0.0, False, sections)
        return result

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
        value = item.value
        if value is None:
            if not item.pending and not result.sections.narrative.strip():
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
