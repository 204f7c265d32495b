"""The reported value: percentages, fractions, counts, levels, minutes and baht.

Runs after periods, dates, document numbers and indicator codes are blanked, so ``q3/67``,
``1/10/2566`` and ``กท 0100/2796`` never become fractions (reference/thai-nlp.md §13).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NUM = r"(\d+(?:\.\d+)?)"
# Things a count is of; the report parser reads a count in the indicator's own unit among them.
COUNT_WORDS = (
    "โครงการ",
    "เรื่อง",
    "ครั้ง",
    "ราย",
    "คน",
    "ท่าน",
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
    "เขต",
    "ชิ้น",
    "คำร้อง",
    "หลักสูตร",
    "หน่วยงาน",
    "ประเด็น",
)
_NOT_A_COUNT = {
    "ราย": "(?!งาน|ละเอียด|การ|ชื่อ)",  # "ตช.6 รายงาน…" is a code before a report, not 6 of anything
    "ประเด็น": "(?!(?!ค่ะ|ครับ|คะ|นะ|แล้ว|ที่)[ก-๙])",  # "4 ประเด็น", not "1 ประเด็นข้อคิดเห็น" (a name)
}
COUNT_NOUNS = "|".join(word + _NOT_A_COUNT.get(word, "") for word in COUNT_WORDS)
_PERCENT_WORD = r"(?:%|เปอร์เซ็นต์|เปอร์เซ็นท์|เปอร์เซ็น|เปอร์เซนต์|เปอร์เซนท์|เปอร์เซน|เปอร์เซ้น|เปอเซ็น|เปอเซน|percent|pct)"

# "จาก", "จากทั้งหมด", "จากที่ได้รับจัดสรร", "จากงบประมาณ": out of a whole.
_FROM = (
    r"จาก(?:ที่[ก-๙]{0,14}|การ)?(?:จัดสรร|งบ\S*|วงเงิน(?:ที่[ก-๙]{0,14})?|ผู้[ก-๙]{1,20})?(?:ทั้งหมด|ทั้งสิ้น)?"  # "จากที่เปิดสอน 20"
)
_PERCENT_BEFORE = re.compile(rf"(?:ร้อยละ|ร้อยล่ะ|ร้อยล่า|รัอยละ)\s*(?:ที่\s*)?{NUM}")
_PERCENT_AFTER = re.compile(rf"{NUM}\s*{_PERCENT_WORD}", re.IGNORECASE)
ANY_PERCENT = re.compile(rf"(?:ร้อยละ|ร้อยล่ะ)\s*(?:ที่\s*)?{NUM}|{NUM}\s*{_PERCENT_WORD}", re.IGNORECASE)
_FRACTION = re.compile(
    rf"{NUM}\s*(?:{COUNT_NOUNS}|คะแนน|บาท|[ก-๙]{{2,12}}(?=\s*จาก))?(?:\s*(?:{_FROM}|ใน|ต่อ|of)\s*|[^\S\n]{{0,2}}/[^\S\n]{{0,2}})"
    rf"(?:ทั้งหมด\s*)?{NUM}"
    rf"(?:\s*(?P<noun>{COUNT_NOUNS}|คะแนน|บาท))?",
    re.IGNORECASE,
)
_REVERSED_ANY = re.compile(
    rf"{NUM}\s*(?P<noun>[ก-ฮ][ก-๙]{{1,11}})(?P<between>[^\d]{{0,45}}?|[^\n]{{0,90}}?){NUM}\s*(?P=noun)"
)
# "45 คน จากผู้สูงอายุที่ขึ้นทะเบียน 60 คน", "17 ญัตติ จากที่สภามีมติให้ ผว.กทม. พิจารณา 20 ญัตติ": the part, then
# the whole it is out of, in the same noun, with the whole's description between
_PART_OF_WHOLE = re.compile(rf"{NUM}\s*(?P<noun>[ก-ฮ][ก-๙]{{1,11}})\s*จาก[^\d\n]{{2,45}}?{NUM}\s*(?P=noun)")
_REVERSED = re.compile(rf"{NUM}\s*(?P<noun>{COUNT_NOUNS})(?P<between>[^\d]{{0,90}}?){NUM}\s*(?P=noun)")
# "ญัตติที่ต้องรายงาน 20 เรื่อง หน่วยงานรายงานผลแล้ว 19 ค่ะ": the part done closes the sentence, its noun unsaid
_REVERSED_BARE = re.compile(
    rf"{NUM}\s*(?P<noun>{COUNT_NOUNS})(?P<between>[^\d]{{0,45}}?)"
    r"(?<![\d.,])(?<!ระดับ)(?<!ระดับ )(?<!ขั้น)(?<!ขั้น )(?<!ข้อ)(?<!ข้อ )"  # not a level's or an item's number
    rf"{NUM}(?![\d.,%])(?=\s*(?:ค่ะ|คะ|ครับ|คับ|นะ|จ้า|$|\n|[⏳❌✅📍]))"  # "เสร็จ 23 ⏳ ค้าง 2"
)
# Money out of money, in millions or in full ("12.5 ล้านบาท จาก 25 ล้าน"): the share spent, in percent.
_MONEY_RATIO = re.compile(
    rf"{NUM}\s*(?P<am>ล้าน|แสน|หมื่น)?\s*บาท\s*(?:{_FROM}|/\s*(?:ได้รับ)?(?:การ)?(?:จัดสรร|งบ\S*|วงเงิน\S*)?)\s*:?\s*"
    rf"{NUM}\s*(?P<bm>ล้าน|แสน|หมื่น)?"
)
_LEFT_OVER = re.compile(r"เหลือ|ขาด|อีก")  # "ได้ 60 คะแนน เหลืออีก 40 คะแนน": a remainder, not a part
_DONE_WORDS = re.compile(
    r"ดำเนินการแล้ว|แล้วเสร็จ|เสร็จแล้ว|เสร็จสิ้น|เสร็จ|แก้ไขแล้ว|แก้ไขได้|แก้ได้|สำเร็จ|ปิด|รายงาน(?:ผล)?แล้ว|ทำแล้ว|"
    r"พึงพอใจ|พอใจ|ผ่าน|ตามแผน|ตรง|ครบ|ได้|แล้ว|สูงขึ้น|เพิ่มขึ้น|ดีขึ้น"  # "คะแนน Post-test สูงขึ้น 131 คน"
)
# A survey: who answered (the questionnaires returned, not those sent) and who was satisfied, in
# either order; the satisfied share of those who answered is the value.
# Those who answered, most telling first: the questionnaires returned, then who answered or took the
# test, then who took part, then a stated total.
_ANSWERED = (
    re.compile(rf"(?:ได้(?:รับ)?คืน|ตอบกลับ|ส่งคืน)\D{{0,10}}?{NUM}"),
    re.compile(
        rf"(?:ผู้ตอบ|คนตอบ|ตอบแบบ|ทำแบบ(?:ทดสอบ|สอบถาม|ประเมิน)|ผู้ทำแบบ|ผู้ประเมิน)\D{{0,40}}?{NUM}"
    ),  # "ทำแบบทดสอบครบทั้ง pre-test และ post-test 172 คน"
    re.compile(rf"ผู้เข้า(?:อบรม|ร่วม)\D{{0,16}}?{NUM}"),  # who took part, when no one is said to have answered
    re.compile(rf"ทั้งหมด\D{{0,10}}?{NUM}"),
)
_GOOD = r"(?:(?:พึง)?พอใจ|ดีขึ้นไป|เหมาะสม|สูงกว่า|สูงขึ้น|ผ่านเกณฑ์|ระดับมาก|มากที่สุด|มากขึ้นไป)"
_SATISFIED = re.compile(rf"{_GOOD}\D{{0,18}}?{NUM}|{NUM}\s*(?:คน|ราย|ท่าน)?\s*(?:ที่|ซึ่ง)?\s*{_GOOD}")
# A duration: hours, minutes and seconds compose ("47 นาที 30 วินาที" = 47.5 minutes).
_DURATION = re.compile(
    rf"(?:{NUM}\s*(?:ชั่วโมง|ชม\.?|hrs?\b|hours?\b)\s*)?(?:{NUM}\s*(?:นาที|min(?:ute)?s?\b)\s*)?"
    rf"(?:{NUM}\s*(?:วินาที|วิ(?![ก-๙])|sec(?:ond)?s?\b))?",
    re.IGNORECASE,
)
# One number on its own, when nothing else in the text is a value ("ตช.3.3 ไตรมาสที่แล้ว 90").
_NUMBERED_BEFORE = re.compile(r"(?:ขั้น(?:ตอน)?|ข้อ|ส่วน|ระดับ|ครั้ง|รอบ|ฉบับ|งวด|ที่|level|lv\.?)\s*(?:ที่)?\s*$", re.IGNORECASE)
_LONE = re.compile(r"(?<![\d.,/])\d+(?:\.\d+)?(?![\d.,/])")
# "ระดับ 3", and a mean level on a five-point scale ("ความพึงพอใจได้ระดับ 4.21"), not "ระดับ 3.5 เท่า…"
_LEVEL = re.compile(r"(?:ระดับ|level|lv\.?)\s*(?:ที่\s*)?([1-4](?:\.\d{1,2})?|5(?:\.0{1,2})?)(?![\d.])", re.IGNORECASE)
# "เฉลี่ย 378/14 = 27 นาที": the mean worked out, before any other mean said beside it ("(ปี 64 เฉลี่ย 55 นาที)")
_MEAN_WORKED = re.compile(rf"เฉลี่ย[^\n=]{{0,24}}=\s*{NUM}\s*(?:นาที|min)", re.IGNORECASE)
_MINUTES = re.compile(rf"{NUM}\s*(?:นาที|min(?:ute)?s?\b)", re.IGNORECASE)
_MEAN_MINUTES = re.compile(rf"เฉลี่ย\S{{0,10}}?\s*(?:ที่\s*|อยู่ที่\s*|ประมาณ\s*)?{NUM}\s*(?:นาที|min)", re.IGNORECASE)
_POINTS = re.compile(
    rf"{NUM}(?:\s*/\s*\d+)?\s*คะแนน|คะแนน(?:สะสม|รวม)\s*(?:ตอนนี้|ขณะนี้)?\s*(?:ได้|เป็น|อยู่ที่|=|:)?\s*{NUM}(?![\d.]|\s*%)"
    rf"|{NUM}\s*เต็ม\s*100(?![\d.])"  # "๗๐ เต็ม ๑๐๐": points out of the checklist's hundred
)
_TIME_OF_DAY = re.compile(
    r"\d{1,2}[.:]\d{2}\s*(?:น\.|นาฬิกา|hrs?)|\d{1,2}\s*(?:โมง|ทุ่ม)|ห้อง(?:ประชุม)?\s*(?:ที่\s*)?\S+", re.IGNORECASE
)
_BAHT = re.compile(rf"{NUM}\s*(ล้าน|แสน|หมื่น|พัน)?\s*(?:บาท|฿)")
_COUNT = re.compile(rf"{NUM}\s*(?P<noun>{COUNT_NOUNS})(?!สำคัญ)")
_BARE_AFTER = re.compile(
    rf"(?:ได้|คืบหน้า|ความคืบหน้า|ความก้าวหน้า|ก้าวหน้า|ผลการดำเนินงาน|ผลงาน|ผลสะสม|ผล|สะสม|ภาพรวม\S{{0,10}}|สำเร็จ|"
    rf"เบิกจ่าย(?:ได้|แล้ว|ไป)?|แก้เป็น|เป็น|=|ตอนนี้|ขณะนี้|ล่าสุด|ไปแล้ว)"
    rf"\s*(?:ที่|อยู่ที่|แล้ว|ประมาณ)?\s*:?\s*{NUM}(?![\d.]|\s*(?:{COUNT_NOUNS}|นาที|บาท|วัน|คน|%|มิติ|ด้าน|ตัวชี้วัด))"
)
# "…ผิด ที่ถูก 45", "98% → 89%", "ที่รายงานไปว่า 5 ครั้ง จริงๆ เป็น 4 ครั้ง", "… คำนวณใหม่แล้วได้ 23 นาที"
_RIGHT_LEAD = (
    r"(?:ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ต้องเป็น|แก้เป็น|จริง\s*ๆ?\s*(?:แล้ว)?(?:เป็น|คือ|ได้)|"
    r"จริง\s*ๆ(?=\s*\d)|คำนวณใหม่\S{0,6}(?:ได้|เป็น)|→|->|=>)"
)
_RIGHT_ONE = re.compile(
    rf"(?:{_RIGHT_LEAD}|จาก[^\n]{{0,24}}?\s(?:ขอ)?(?:เปลี่ยน)?เป็น)\s*:?\s*"
    rf"(?:ร้อยละ\s*|ระดับ\s*)?{NUM}"
    # "ต้องเป็น 23 จาก 24" is a ratio and "แก้เป็น 46 ข้อ" a count: each read as such, not here
    rf"(?![\d.]|\s*(?:{COUNT_NOUNS})?\s*(?:/|จาก|ใน|of)\s*\d|\s*(?:{COUNT_NOUNS}|นาที|บาท|คะแนน))\s*({_PERCENT_WORD})?",
    re.IGNORECASE,
)
# "8 โครงการ เอ้ย ไม่ใช่ค่ะ 9 โครงการ", "317 คน ขอแก้ค่ะ 371 คน": the figure put right within the message;
# the one before it is blanked ("27 นาที ไม่ใช่ 72" is the other way round, read elsewhere)
_SELF_FIXED = re.compile(
    rf"(?<![\d.]){NUM}\s*(?:{COUNT_NOUNS}|%|นาที)?\s*(?:เอ้ย|ขอแก้(?:ไข)?|พิมพ์ผิด)\S{{0,6}}\s*(?:ไม่ใช่\S{{0,6}}\s*)?"
    rf"(?:เป็น\s*)?(?P<right>\d+(?:\.\d+)?)"
)
_RIGHT_COUNT = re.compile(
    rf"{_RIGHT_LEAD}\s*:?\s*{NUM}\s*(?P<noun>{COUNT_NOUNS})(?!\s*(?:/|จาก|ใน|of)\s*(?:ทั้งหมด\s*)?\d)"
)
_RIGHT_MINUTES = re.compile(rf"{_RIGHT_LEAD}\s*:?\s*(?:เฉลี่ย\s*)?{NUM}\s*(?:นาที|min)", re.IGNORECASE)
_RIGHT_NOT_WRONG = re.compile(rf"(?<![\d.]){NUM}\s*ไม่ใช่\s*\d")
_PENDING = re.compile(r"อยู่ระหว่าง|กำลังดำเนินการ|ยังไม่(?:มี)?ความ(?:คืบหน้า|ก้าวหน้า)|ยังไม่ได้เริ่ม")
_MULTIPLIER = {"ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3}
_TOTAL_BEFORE = re.compile(r"รวม(?:สะสม|เป็น|ทั้งหมด|ทั้งสิ้น|แล้ว)?\s*(?:ได้|=|:)?\s*(?:ร้อยละ)?\s*$")
_NAMED_PERCENT = re.compile(rf"\W*ร้อยละ[^\n\d:=]{{3,160}}?\s*[:=]\s*{NUM}(?![\d.])")
_FROM_BEFORE = re.compile(r"จาก\s*$")
_PROGRESS_NEAR = re.compile(r"(?:ก้าวหน้า|คืบหน้า)\S{0,14}(?<!จาก)\s*(?:ร้อยละ)?\s*$")  # not "คืบหน้าจาก 13%"
_CHANGED_FROM = re.compile(r"(?:ลดลง|เพิ่มขึ้น)\s*จาก\S{0,12}\s*$")  # "ลดลงจากปีก่อน 8.5%": a change
_CHANGE_BEFORE = re.compile(r"(?:ลดลง|เพิ่มขึ้น|ลด|เพิ่ม|ต่างกัน|น้อยกว่า|มากกว่า)\s*(?:ได้|อีก)?\s*(?:ร้อยละ)?\s*$")
# "8 ล้าน 4 แสน 5 หมื่นบาท": the parts of one amount, written out
_AMOUNT_PARTS = re.compile(r"(\d+)\s*ล้าน\s*(?:(\d+)\s*แสน)?\s*(?:(\d+)\s*หมื่น)?\s*(?:(\d+)\s*พัน)?(?=\s*(?:บาท|$|\s))")
_MULTIPLIED = re.compile(r"(\d+(?:\.\d+)?)\s*(ล้าน|แสน|หมื่น)(?=\s*(?:บาท|เรื่อง|ราย|คน|ครั้ง|ชุด|\s|$))")
_MIN_SEC = re.compile(r"(?<![\d:])(\d{1,3}):([0-5]\d)(?![\d:])\s*(?:นาที|min)")
# A running total said as such ("ตรวจแล้ว 1 ครั้ง สะสม 2 ครั้ง"): the indicator counts the year.
_CUMULATIVE = re.compile(rf"สะสม\s*(?:ได้|เป็น|รวม)?\s*{NUM}\s*(?P<noun>{COUNT_NOUNS})")


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


def _share(part: float, whole: float) -> tuple[float, float] | None:
    """A part out of a whole, or None when it cannot be one (no whole, or more than it)."""
    return None if whole == 0 or part > whole * 1.0001 else (part, whole)


def _fraction_of(m: re.Match[str], part: int = 1, whole: int = 2) -> tuple[float, float] | None:
    return None if _mean_score(m, part, whole) else _share(float(m.group(part)), float(m.group(whole)))


def _mean_score(m: re.Match[str], part: int = 1, whole: int = 2) -> bool:
    """ "ค่าเฉลี่ย 4.62/5.00", "ได้ 4.21 จาก 5 คะแนน": a mean on a five-point scale, not a share of a whole."""
    said = (m.group(part), m.group(whole))
    return float(said[1]) in (5.0, 10.0) and any("." in n for n in said)


def _baht(m: re.Match[str], number: int, multiplier: str) -> float:
    return float(m.group(number)) * _MULTIPLIER.get(m.group(multiplier) or "", 1.0)


def _money_of(m: re.Match[str]) -> tuple[float, float] | None:
    return _share(_baht(m, 1, "am"), _baht(m, 3, "bm"))


def _spent_of(m: re.Match[str]) -> tuple[float, float] | None:
    """ "งบที่ได้รับจัดสรร 23,450,000 บาท เบิกจ่ายแล้ว 17,820,500 บาท": the whole first, then what was spent."""
    return _share(_baht(m, 3, "bm"), _baht(m, 1, "am"))


def _reversed_of(m: re.Match[str]) -> tuple[float, float] | None:
    """ "ญัตติ 40 เรื่อง รายงานผลแล้ว 38 เรื่อง": total first, the part done second."""
    total, done = float(m.group(1)), float(m.group(4))
    between = m.group("between")
    if total == 0 or done > total or not _DONE_WORDS.search(between) or _LEFT_OVER.search(between):
        return None
    return done, total


def find_values(text: str) -> tuple[ValueMatch, ...]:
    """Every value the text states, most telling first (a stated % before a count, a mean before a total).

    Kept for the last few texts: one message part is read for its value, then again once its indicator
    is known, then for the rival numbers around it."""
    return _find_values(text)


@lru_cache(maxsize=64)
def _find_values(text: str) -> tuple[ValueMatch, ...]:
    text = _TIME_OF_DAY.sub(lambda m: " " * len(m.group(0)), text)
    text = with_thai_nouns(text)
    text = _AMOUNT_PARTS.sub(_amount_in_full, text)
    text = _MULTIPLIED.sub(_expanded, text)
    out: list[ValueMatch] = []
    right = _RIGHT_ONE.search(text)
    if right is not None:
        # "ที่ถูกคือ 70.84", "98% → 89%", "เมื่อกี้ 86 ที่ถูก 85.83": the number said to be right
        in_percent = bool(right.group(2)) or bool(
            _PERCENT_BEFORE.search(text[max(0, right.start() - 30) : right.end()])
        )
        unit = "ร้อยละ" if in_percent else None
        out.append(ValueMatch(float(right.group(1)), unit, span=right.span(1), confidence=0.6, source="answer"))
        text = text[: right.start()] + " " * (right.end() - right.start()) + text[right.end() :]
    elif (minutes := _RIGHT_MINUTES.search(text)) is not None:
        # "ที่แจ้งไป 54 นาที ผิด ที่ถูก 45 นาที": the right mean, in its minutes
        out.append(ValueMatch(float(minutes.group(1)), "นาที", span=minutes.span(1), confidence=0.6, source="answer"))
        text = text[: minutes.start()] + " " * (minutes.end() - minutes.start()) + text[minutes.end() :]
    text = _SELF_FIXED.sub(lambda m: " " * (m.start("right") - m.start()) + m.group("right"), text)
    right_count = _RIGHT_COUNT.search(text)
    if right_count is not None:
        # "เมื่อวานพิมพ์ 5 ครั้ง ที่ถูกคือ 4 ครั้ง": the count said to be right, before the one it replaces
        noun = right_count.group("noun")
        out.append(
            ValueMatch(float(right_count.group(1)), noun, span=right_count.span(1), confidence=0.6, source="answer")
        )
    cumulative = _CUMULATIVE.search(text)
    if cumulative:
        noun = cumulative.group("noun")
        out.append(
            ValueMatch(float(cumulative.group(1)), noun, span=cumulative.span(), confidence=0.85, source="count")
        )
    fraction = next(((m, f) for m in _FRACTION.finditer(text) if (f := _fraction_of(m))), None)
    reversed_ = next(((m, f) for m in _REVERSED.finditer(text) if (f := _reversed_of(m))), None)
    reversed_ = reversed_ or next(((m, f) for m in _REVERSED_BARE.finditer(text) if (f := _reversed_of(m))), None)
    any_noun = next(((m, f) for m in _REVERSED_ANY.finditer(text) if (f := _reversed_of(m))), None)
    money = next(((m, f) for m in _MONEY_RATIO.finditer(text) if (f := _money_of(m))), None)
    money = money or next(((m, f) for m in _MONEY_SPENT_AFTER.finditer(text) if (f := _spent_of(m))), None)
    part_of = next(((m, f) for m in _PART_OF_WHOLE.finditer(text) if (f := _fraction_of(m, 1, 3))), None)
    ratio = _survey(text) or money or fraction or part_of or reversed_ or any_noun or _received_solved(text)
    percents = sorted((*_PERCENT_BEFORE.finditer(text), *_PERCENT_AFTER.finditer(text)), key=lambda p: p.start())
    changes = [p for p in percents if _CHANGE_BEFORE.search(text[max(0, p.start() - 12) : p.start()])]
    changes += [
        p for p in percents if p not in changes and _CHANGED_FROM.search(text[max(0, p.start() - 24) : p.start()])
    ]
    # "ข้อ 1 (25%) ข้อ 2 (10%) และข้อ 3 (20%) แล้ว รวม 55%": the total, not its first part
    # "… ลดลงจากปีก่อน 8.5% … รวมความก้าวหน้าตัวชี้วัดร้อยละ 55": the indicator's progress, over the rest
    percents.sort(
        key=lambda p: (
            bool(_FROM_BEFORE.search(text[max(0, p.start() - 6) : p.start()])),  # "จาก 13% ขยับเป็น 45%": the old one
            not _TOTAL_BEFORE.search(text[max(0, p.start() - 16) : p.start()]),
            not _PROGRESS_NEAR.search(text[max(0, p.start() - 24) : p.start()]),
        )
    )
    # "ค่าไฟลดลง 8% … ภาพรวมโครงการก้าวหน้า 45%": a change said beside the progress is not it
    for percent in [p for p in percents if p not in changes] or changes:
        value = float(percent.group(1))
        num = den = None
        if ratio and abs(_pct(*ratio[1]) - value) <= 1.0:
            num, den = ratio[1]
        # "ราวๆ 45-48%": a range, not one number; asked about
        ranged = bool(_RANGE_BEFORE.search(text[max(0, percent.start() - 12) : percent.start()]))
        out.append(ValueMatch(value, "ร้อยละ", num, den, percent.span(), 0.4 if ranged else 0.95, "percent"))
        break
    if ratio:
        (m, (n, d)), source = ratio, "fraction"
        # A ratio in a noun the reader knows is likelier than one in any word ("2,016 ชุมชน … 1,210 ชุมชน"),
        # which is asked about before it is saved.
        conf = 0.75 if ratio is fraction else 0.65 if ratio is any_noun else 0.7
        out.append(ValueMatch(_pct(n, d), "ร้อยละ", n, d, m.span(), conf, source))
    duration = _duration(text)
    if duration is not None:
        out.append(duration)
    level = _LEVEL.search(text)
    if level:
        out.append(ValueMatch(float(level.group(1)), "ระดับ", span=level.span(), confidence=0.9, source="level"))
    mean = next((m for m in _FRACTION.finditer(text) if _mean_score(m)), None) or _OUT_OF_FIVE.search(text)
    if mean is not None and ratio is None:
        # after a level, and asked about: the plan's measure is a share or a level, not this mean
        out.append(ValueMatch(float(mean.group(1)), "คะแนน", span=mean.span(), confidence=0.4, source="mean-score"))
    points = _POINTS.search(text)
    if points:
        said = next(g for g in points.groups() if g is not None)
        out.append(ValueMatch(float(said), "คะแนน", span=points.span(), confidence=0.85, source="points"))
    baht = _BAHT.search(text)
    if baht:
        amount = float(baht.group(1)) * _MULTIPLIER.get(baht.group(2) or "", 1.0)
        out.append(ValueMatch(amount, "บาท", span=baht.span(), confidence=0.9, source="baht"))
    for count in _COUNT.finditer(text):
        out.append(
            ValueMatch(float(count.group(1)), count.group("noun"), span=count.span(), confidence=0.85, source="count")
        )
    if not out:
        right = _RIGHT_NOT_WRONG.search(text)
        if right is not None:  # "๘๖ ไม่ใช่ ๖๘": the first is the right one
            out.append(ValueMatch(float(right.group(1)), None, span=right.span(1), confidence=0.4, source="bare"))
    if not out and (named := _NAMED_PERCENT.match(text)) is not None:
        # "ร้อยละความสำเร็จของแผนปฏิบัติราชการ… : 74.5": the indicator's name says the unit, asked to confirm
        out.append(ValueMatch(float(named.group(1)), "ร้อยละ", span=named.span(1), confidence=0.6, source="named"))
    if not out:
        bare = _BARE_AFTER.search(text)
        if bare:
            out.append(ValueMatch(float(bare.group(1)), None, span=bare.span(1), confidence=0.4, source="bare"))
    return tuple(out)


_TOTAL_TIME = re.compile(
    rf"(?:รวม|ทั้งหมด|ทั้งสิ้น)\s*(?:เวลา)?\s*(?:ทั้งสิ้น|ทั้งหมด)?\s*(?P<time>{NUM}\s*(?:ชั่วโมง|ชม\.?|นาที|min))",
    re.IGNORECASE,  # "รวมเวลา 9 ชม. 10 นาที"
)
_REQUESTS = re.compile(rf"{NUM}\s*(?:เรื่อง|ครั้ง|ญัตติ|คำร้อง|ราย(?!งาน)|คำขอ)")


def mean_of_total(text: str) -> ValueMatch | None:
    """ "40 เรื่อง ใช้เวลารวม 1,120 นาที" for an indicator measured as a mean: 28 minutes a request.
    Only a total said as such and one count; a stated mean ("เฉลี่ย 28 นาที") is read as it is."""
    if _MEAN_MINUTES.search(text):
        return None
    totals, counts = list(_TOTAL_TIME.finditer(text)), list(_REQUESTS.finditer(text))
    if len(totals) != 1 or len(counts) != 1:
        return None
    # "ใช้เวลารวม 6 ชม. 18 นาที": the total in minutes, however it is written
    duration = _DURATION.match(text, totals[0].start("time"))
    hours, minutes, seconds = (float(g) if g else 0.0 for g in duration.groups()) if duration else (0.0, 0.0, 0.0)
    total, count = hours * 60 + minutes + seconds / 60, float(counts[0].group(1))
    if count <= 0 or total <= 0:
        return None
    span = (min(totals[0].start(), counts[0].start()), max(totals[0].end(), counts[0].end()))
    return ValueMatch(round(total / count, 2), "นาที", total, count, span, 0.8, "mean")


def lone_number(text: str) -> ValueMatch | None:
    """The only number left in a text that names its indicator by code ("ตช.3.3 ไตรมาสที่แล้ว 90"):
    a value whose unit the reporter is asked to confirm."""
    lone = list(_LONE.finditer(text))
    if len(lone) != 1 or _NUMBERED_BEFORE.search(text[: lone[0].start()]):
        return None  # "ทำถึงขั้น 3": the number of an item, not a value
    return ValueMatch(float(lone[0].group(0)), None, span=lone[0].span(), confidence=0.3, source="bare")


_RECEIVED = re.compile(rf"(?:ได้รับ|รับ(?:เรื่อง)?|เข้ามา|ทั้งหมด|received|rec'?d|total)\D{{0,8}}?{NUM}", re.IGNORECASE)
_SOLVED = re.compile(
    rf"(?:แก้(?:ไข)?(?:ได้|แล้ว|เสร็จ|สำเร็จ)|เสร็จ(?:สิ้น)?|ปิด(?:เรื่อง|งาน)?(?:ได้|แล้ว)?|resolved|solved|closed)\D{{0,8}}?{NUM}",
    re.IGNORECASE,
)


def _received_solved(text: str) -> tuple[re.Match[str], tuple[float, float]] | None:
    """ "รับเรื่อง 72,350 แก้ได้ 58,602", in either order: those solved out of those received (a
    complaints indicator's formula), when neither number says its noun."""
    received, solved = _RECEIVED.search(text), _SOLVED.search(text)
    if received is None or solved is None or received.start(1) == solved.start(1):
        return None
    whole, part = float(received.group(1)), float(solved.group(1))
    if whole == 0 or part > whole:
        return None
    return (solved if solved.start() > received.start() else received), (part, whole)


def _survey(text: str) -> tuple[re.Match[str], tuple[float, float]] | None:
    answered = next((m for rx in _ANSWERED if (m := rx.search(text))), None)
    if answered is None:
        return None

    def number_at(m: re.Match[str]) -> int:
        return m.start(1) if m.group(1) is not None else m.start(2)

    satisfied = next((m for m in _SATISFIED.finditer(text) if number_at(m) != answered.start(1)), None)
    if satisfied is None:
        return None
    whole = float(answered.group(1))
    part = float(satisfied.group(1) or satisfied.group(2))
    if whole == 0 or part > whole:
        return None
    return (satisfied if satisfied.start() > answered.start() else answered), (part, whole)


# Counts said in English ("10 of 12 projects on track"), read as the Thai nouns, the same length so
# that every span still points at the message as written.
_MONEY_SPENT_AFTER = re.compile(
    rf"(?:จัดสรร|วงเงิน|งบ(?:ประมาณ)?(?:ทั้งหมด|ทั้งสิ้น)?)\s*:?\s*{NUM}\s*(?P<am>ล้าน|แสน|หมื่น)?\s*บาท"
    rf"[^\d\n]{{0,20}}?เบิก(?:จ่าย)?(?:แล้ว|ไป(?:แล้ว)?|ได้)?\s*:?\s*{NUM}\s*(?P<bm>ล้าน|แสน|หมื่น)?\s*บาท"
)
_RANGE_BEFORE = re.compile(r"(?<![\d/])\d+(?:\.\d+)?\s*%?\s*(?:-|–|~|ถึง)\s*$")
_OUT_OF_FIVE = re.compile(rf"(?<=เฉลี่ย)\s*{NUM}\s*\(?\s*(?:เต็ม|จาก)\s*5(?:\.0+)?\s*\)?")  # "คะแนนเฉลี่ย 4.35 (เต็ม 5)"
_ENGLISH_NOUNS = {"projects": "โครงการ", "project": "โครงการ", "points": "คะแนน", "cases": "เรื่อง"}
_ENGLISH_NOUN = re.compile(r"(?<=\d)(\s*)(projects?|points|cases)\b", re.IGNORECASE)


def _in_thai(m: re.Match[str]) -> str:
    thai = _ENGLISH_NOUNS[m.group(2).lower()]
    return (m.group(1) + thai).ljust(len(m.group(0)))


def with_thai_nouns(text: str) -> str:
    """ "12 projects" → "12 โครงการ ", the same length."""
    return _ENGLISH_NOUN.sub(_in_thai, text)


def _amount_in_full(m: re.Match[str]) -> str:
    """ "8 ล้าน 4 แสน 5 หมื่น" → "8450000", padded to the same length (only when it has parts after ล้าน)."""
    if not any(m.group(i) for i in (2, 3, 4)):
        return m.group(0)
    scales = (1_000_000, 100_000, 10_000, 1_000)
    full = str(sum(int(m.group(i + 1) or 0) * scale for i, scale in enumerate(scales)))
    return full.ljust(len(m.group(0))) if len(full) <= len(m.group(0)) else m.group(0)


def _expanded(m: re.Match[str]) -> str:
    """ "1.12 แสน" → "112000  ": the number in full, padded to the same length so every span still
    points at the message as written; left as it is when the full number is longer."""
    full = f"{float(m.group(1)) * _MULTIPLIER[m.group(2)]:.0f}"
    return full.ljust(len(m.group(0))) if len(full) <= len(m.group(0)) else m.group(0)


def _duration(text: str) -> ValueMatch | None:
    """The mean when one is said ("เฉลี่ย 19 นาที 45 วินาที"), else the first duration, in minutes."""
    clock = _MIN_SEC.search(text)
    if clock is not None:  # "เฉลี่ย 45:30 นาที"
        value = round(int(clock.group(1)) + int(clock.group(2)) / 60, 2)
        return ValueMatch(value, "นาที", span=clock.span(), confidence=0.9, source="minutes")
    found = [m for m in _DURATION.finditer(text) if m.group(0).strip() and any(m.groups())]
    if not found:
        return None
    mean = _MEAN_WORKED.search(text) or _MEAN_MINUTES.search(text)
    best = next((m for m in found if mean is not None and m.start() >= mean.start()), found[0])
    hours, minutes, seconds = (float(g) if g else 0.0 for g in best.groups())
    value = round(hours * 60 + minutes + seconds / 60, 2)
    return ValueMatch(value, "นาที", span=best.span(), confidence=0.9, source="minutes")


_ANY_VALUE = (_PERCENT_BEFORE, _PERCENT_AFTER, _FRACTION, _MINUTES, _LEVEL, _POINTS, _BAHT, _COUNT)  # cut points


def value_spans(text: str) -> list[tuple[int, int]]:
    """Where values stand, in text order, overlaps merged: the cut points of a multi-indicator message."""
    text = _TIME_OF_DAY.sub(lambda m: " " * len(m.group(0)), text)
    spans = sorted(m.span() for rx in _ANY_VALUE for m in rx.finditer(text))
    spans += [m.span() for m in _DURATION.finditer(text) if m.group(0).strip() and any(m.groups())]
    spans.sort()  # "19 นาที 45 วินาที" is one value
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def find_value(text: str) -> ValueMatch | None:
    """The one value a report states, with numerator/denominator kept for fractions."""
    values = find_values(text)
    return values[0] if values else None


def is_pending(text: str) -> bool:
    """ "อยู่ระหว่างดำเนินการ": progress without a number yet."""
    return _PENDING.search(text) is not None
