"""The reported value: percentages, fractions, counts, levels, minutes and baht.

Runs after periods, dates, document numbers and indicator codes are blanked, so ``q3/67``,
``1/10/2566`` and ``กท 0100/2796`` never become fractions (reference/thai-nlp.md §13).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUM = r"(\d+(?:\.\d+)?)"
COUNT_NOUNS = "โครงการ|เรื่อง|ครั้ง|ราย|คน|ข้อ|แห่ง|ชุดข้อมูล|ชุด|ระบบ|แนวทาง|ฉบับ|กิจกรรม|ญัตติ|ข้อสั่งการ|เขต|ชิ้น|คำร้อง"
_PERCENT_WORD = r"(?:%|เปอร์เซ็นต์|เปอร์เซ็นท์|เปอร์เซ็น|เปอร์เซนต์|เปอร์เซนท์|เปอเซ็น|percent|pct)"

_PERCENT_BEFORE = re.compile(rf"(?:ร้อยละ|ร้อยล่ะ|ร้อยล่า|รัอยละ)\s*(?:ที่\s*)?{NUM}")
_PERCENT_AFTER = re.compile(rf"{NUM}\s*{_PERCENT_WORD}", re.IGNORECASE)
_FRACTION = re.compile(
    rf"{NUM}\s*(?:{COUNT_NOUNS}|คะแนน)?\s*(?:จากทั้งหมด|จากทั้งสิ้น|จากที่ได้รับ|จาก|ใน|/|ต่อ|of)\s*(?:ทั้งหมด\s*)?{NUM}"
    rf"(?:\s*(?P<noun>{COUNT_NOUNS}|คะแนน))?",
    re.IGNORECASE,
)
_REVERSED = re.compile(
    rf"(?:ทั้งหมด|ได้รับ|รับเรื่อง|มี)?\s*{NUM}\s*(?P<noun>{COUNT_NOUNS})[^\d\n]{{0,40}}?"
    rf"(?:ดำเนินการแล้ว(?:เสร็จ)?|แล้วเสร็จ|เสร็จแล้ว|เสร็จสิ้น|แก้ไขแล้ว|แก้ไขได้|แก้ได้|สำเร็จ|ปิดได้|ปิดเรื่องแล้ว|รายงานแล้ว|ทำแล้ว)"
    rf"\s*{NUM}\s*(?P=noun)"
)
_LEVEL = re.compile(r"(?:ระดับ|level|lv\.?)\s*(?:ที่\s*)?([1-5])(?!\d|\.\d)", re.IGNORECASE)
_MINUTES = re.compile(rf"{NUM}\s*(?:นาที|min(?:ute)?s?\b)", re.IGNORECASE)
_BAHT = re.compile(rf"{NUM}\s*(ล้าน|แสน|หมื่น|พัน)?\s*(?:บาท|฿)")
_COUNT = re.compile(rf"{NUM}\s*(?P<noun>{COUNT_NOUNS})(?!สำคัญ)")
_BARE_AFTER = re.compile(
    rf"(?:ได้|คืบหน้า|ความคืบหน้า|ความก้าวหน้า|ก้าวหน้า|ผลการดำเนินงาน|ผลงาน|ผลสะสม|ผล|สำเร็จ|เบิกจ่าย(?:ได้|แล้ว|ไป)?|แก้เป็น|เป็น)"
    rf"\s*(?:ที่|อยู่ที่|แล้ว|ประมาณ)?\s*:?\s*{NUM}(?![\d.]|\s*(?:{COUNT_NOUNS}|นาที|บาท|วัน|คน|%))"
)
_PENDING = re.compile(r"อยู่ระหว่าง(?:ดำเนินการ|การดำเนินการ|ดำเนินงาน)|ยังไม่(?:มี)?ความ(?:คืบหน้า|ก้าวหน้า)|ยังไม่ได้เริ่ม")
_MULTIPLIER = {"ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3}


@dataclass(frozen=True)
class ValueMatch:
    value: float | None
    unit: str | None
    numerator: float | None = None
    denominator: float | None = None
    span: tuple[int, int] = (0, 0)
    confidence: float = 0.0
    source: str = ""


def _pct(n: float, d: float) -> float:
    return round(n * 100 / d, 2)


def find_value(text: str) -> ValueMatch | None:
    """The one value a report states, with numerator/denominator kept for fractions."""
    percent = _PERCENT_BEFORE.search(text) or _PERCENT_AFTER.search(text)
    fraction = _FRACTION.search(text)
    reversed_ = _REVERSED.search(text)
    if fraction:
        n, d = float(fraction.group(1)), float(fraction.group(2))
        if d == 0 or n > d * 1.0001:
            fraction = None
    if reversed_:
        total, done = float(reversed_.group(1)), float(reversed_.group(3))
        if total == 0 or done > total:
            reversed_ = None
    if percent:
        value = float(percent.group(1))
        num: float | None = None
        den: float | None = None
        if fraction:
            num, den = float(fraction.group(1)), float(fraction.group(2))
        elif reversed_:
            num, den = float(reversed_.group(3)), float(reversed_.group(1))
        if num is not None and den is not None and abs(_pct(num, den) - value) > 1.0:
            num = den = None  # the fraction is about something else
        return ValueMatch(value, "ร้อยละ", num, den, percent.span(), 0.95, "percent")
    if fraction:
        n, d = float(fraction.group(1)), float(fraction.group(2))
        return ValueMatch(_pct(n, d), "ร้อยละ", n, d, fraction.span(), 0.75, "fraction")
    if reversed_:
        total, done = float(reversed_.group(1)), float(reversed_.group(3))
        return ValueMatch(_pct(done, total), "ร้อยละ", done, total, reversed_.span(), 0.7, "fraction")
    level = _LEVEL.search(text)
    if level:
        return ValueMatch(float(level.group(1)), "ระดับ", span=level.span(), confidence=0.9, source="level")
    minutes = _MINUTES.search(text)
    if minutes:
        return ValueMatch(float(minutes.group(1)), "นาที", span=minutes.span(), confidence=0.9, source="minutes")
    baht = _BAHT.search(text)
    if baht:
        amount = float(baht.group(1)) * _MULTIPLIER.get(baht.group(2) or "", 1.0)
        return ValueMatch(amount, "บาท", span=baht.span(), confidence=0.9, source="baht")
    count = _COUNT.search(text)
    if count:
        return ValueMatch(
            float(count.group(1)), count.group("noun"), span=count.span(), confidence=0.85, source="count"
        )
    bare = _BARE_AFTER.search(text)
    if bare:
        return ValueMatch(float(bare.group(1)), None, span=bare.span(), confidence=0.4, source="bare")
    return None


def is_pending(text: str) -> bool:
    """ "อยู่ระหว่างดำเนินการ": progress without a number yet."""
    return _PENDING.search(text) is not None
