"""Spelled Thai numbers (สี่สิบห้า, เจ็ดสิบห้าจุดห้า) in the places where staff spell them.

``pythainlp.util.text_to_num`` drops trailing numerals and builds a second trie, so only
``thaiword_to_num`` is used, on pieces this module cuts out itself (reference/thai-nlp.md §4).
"""

from __future__ import annotations

import re

from pythainlp.util import thaiword_to_num

NUMBER_WORDS = "ศูนย์|หนึ่ง|เอ็ด|สอง|ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน"
SPELLED = rf"(?:(?:{NUMBER_WORDS})+(?:จุด(?:{NUMBER_WORDS})+)?)"
# After a code word, "สอง" before "สิบ" is the code and the start of the next number ("ตัวชี้วัดที่สองสิบสอง
# โครงการ" is indicator 2 and its twelve projects): twenty is said "ยี่สิบ".
_CODE_SPELLED = rf"(?:สอง(?=สิบ)|(?!ร้อยล)(?:{SPELLED}))"
_DIGIT_WORDS = {
    "ศูนย์": 0,
    "หนึ่ง": 1,
    "เอ็ด": 1,
    "สอง": 2,
    "สาม": 3,
    "สี่": 4,
    "ห้า": 5,
    "หก": 6,
    "เจ็ด": 7,
    "แปด": 8,
    "เก้า": 9,
}


def spelled_to_number(words: str) -> float | None:
    """เจ็ดสิบห้าจุดห้า → 75.5; None when the words are not one number."""
    whole, _, fraction = words.partition("จุด")
    try:
        value = float(thaiword_to_num(whole)) if whole else 0.0
    except (ValueError, KeyError, IndexError):
        return None
    if fraction:
        digits = re.findall(NUMBER_WORDS, fraction)
        if not digits or any(d not in _DIGIT_WORDS for d in digits):
            return None
        value += float("0." + "".join(str(_DIGIT_WORDS[d]) for d in digits))
    return value


def _fmt(value: float) -> str:
    return f"{value:g}"


_PERCENT_AFTER = re.compile(rf"(ร้อยละ|ร้อยล่ะ)\s*({SPELLED})")
_PERCENT_BEFORE = re.compile(
    rf"({SPELLED})\s*(เปอร์เซ็นต์|เปอร์เซ็น|เปอร์เซนต์|เปอร์เซนท์|เปอร์เซ็นท์|เปอร์เซน|เปอร์เซ้น|เปอเซ็น|เปอเซน)"
)
# Dictated by voice, every number comes as words: "ตช สาม ขั้นที่หกเสร็จ", "ส่งมอบงวดที่หนึ่ง".
_AFTER_WORD = re.compile(
    rf"(ไตรมาส(?:ที่)?|ไตมาส(?:ที่)?|ตัวชี้วัดที่|ตัวชีวัดที่|ข้อ(?:ที่)?|ระดับ(?:ที่)?|ขั้น(?:ตอน)?(?:ที่)?|"
    rf"(?<![ก-๙])ตช\.?|ส่วนที่|ครั้งที่|งวดที่|รอบที่)\s*({_CODE_SPELLED})"
)
# "ขั้นตอนที่ 1 ถึงสี่", "ข้อ 1 กับสอง": the next number of a run of item numbers, spelled after the first.
_RUN_NEXT = re.compile(rf"(?<=\d)(\s*(?:ถึง|กับ|และ|-)\s*)({_CODE_SPELLED})(?![ก-๙]*(?:คน|ชุด|ครั้ง|เรื่อง|วัน|นาที))")
# Dictated, the letter of a code is said by its name: "กอหนึ่ง" is ก.1, "ขอสอง" ข.2, "คอหนึ่ง" ค.1.
_LETTER_CODE = re.compile(
    r"(?<![ก-๙])([กขค])อ\s*(หนึ่ง|สอง|สาม|สี่|ห้า)(?!สิบ|ร้อย|\s*(?:วัน|คน|ชุด|ครั้ง|เรื่อง|ท่าน|สัปดาห์|อาทิตย์|เดือน|ชั่วโมง|นาที|รอบ|ข้อ))"
)
_LETTER_DIGITS = {"หนึ่ง": "1", "สอง": "2", "สาม": "3", "สี่": "4", "ห้า": "5"}
# Not after a digit: "1.12 แสนเรื่อง" is a multiplier on a number, which the value reader expands.
# Also glued to the word before it when that word says a value follows ("ครบสิบสองโครงการ",
# "เฉลี่ยห้าสิบนาที"); elsewhere a number word inside a word is part of it.
_VALUE_LEAD = (
    "(?:(?<=ครบ)|(?<=เฉลี่ย)|(?<=ได้)|(?<=แล้ว)|(?<=รวม)|(?<=ทั้งหมด)|(?<=ทั้งสิ้น)|(?<=เสร็จ)|(?<=อีก)|(?<=เหลือ)|(?<=รอบ))"
)
_BEFORE_NOUN = re.compile(
    # "ศูนย์เรื่องราวร้องทุกข์", "ศูนย์ข้อมูล": a centre, not nought before a noun
    rf"(?:(?<![ก-๙\d.])(?<![\d.]\s)|{_VALUE_LEAD})(?!ศูนย์(?!จุด))({SPELLED})\s*(โครงการ|เรื่อง|ครั้ง|นาที|ราย|คน|ชุด|คะแนน|ข้อสั่งการ|ข้อ(?![ก-๙])|เขต|แห่ง|ขั้น|เดือน)"
)
_PART_OF = re.compile(rf"(?<![ก-๙])({SPELLED})(?=\s*(?:ใน|จาก)\s*\d)")
_HUNDRED_PERCENT = re.compile(r"ร้อยเปอร์เซ็น(?:ต์|ท์)?|ร้อยเปอร์เซนต์|เต็มร้อย")
_THAI_NEXT = re.compile(r"[ก-๙]")  # "ขั้นที่หกประสาน": the number said, then the words of the step
_SAID_POINT = re.compile(r"(?<![\d.])(\d+)\s*จุด\s*(\d+)(?![\d.])")
_HALF = re.compile(r"ครึ่ง(?:หนึ่ง|นึง|ทาง)")
# Dictated speech spaces every word: "แปด สิบ เจ็ด จุด ห้า" is one number, "สาม สิบ ห้า คน" too.
_SPACED = re.compile(rf"(?<![ก-๙])(?:{NUMBER_WORDS})(?:\s+(?:{NUMBER_WORDS}|จุด))*\s+(?:{NUMBER_WORDS})(?![ก-๙])")
# A spelled decimal standing alone is a number wherever it stands: "เจรจา หนึ่งจุดหนึ่ง" is code 1.1.
_SPELLED_DECIMAL = re.compile(rf"(?<![ก-๙])((?:{NUMBER_WORDS})+จุด(?:{NUMBER_WORDS})+)(?![ก-๙])")


def _joined(m: re.Match[str]) -> str:
    words = re.sub(r"\s+", "", m.group(0))
    return words if spelled_to_number(words) is not None else m.group(0)


def spell_out_numbers(text: str) -> str:
    """Rewrite spelled numbers in value, quarter and code positions as digits; leave words alone."""

    def sub_number(match: re.Match[str], group: int) -> str:
        value = spelled_to_number(match.group(group))
        if value is None:
            return match.group(0)
        parts = [match.group(i) for i in range(1, (match.lastindex or 0) + 1)]
        parts[group - 1] = _fmt(value)
        return " ".join(parts)

    text = _SPACED.sub(_joined, text)
    text = _SPELLED_DECIMAL.sub(lambda m: sub_number(m, 1), text)
    text = _SAID_POINT.sub(r"\1.\2", text)  # "71 จุด 4 เปอร์เซ็นต์" as dictated: 71.4
    text = _HUNDRED_PERCENT.sub(" 100% ", text)
    text = _HALF.sub(" 50% ", text)
    text = _PERCENT_AFTER.sub(lambda m: sub_number(m, 2), text)
    text = _PERCENT_BEFORE.sub(lambda m: sub_number(m, 1), text)
    text = _LETTER_CODE.sub(lambda m: f"{m.group(1)}.{_LETTER_DIGITS[m.group(2)]} ", text)
    text = _AFTER_WORD.sub(lambda m: sub_number(m, 2) + (" " if _THAI_NEXT.match(text, m.end()) else ""), text)
    text = _RUN_NEXT.sub(lambda m: sub_number(m, 2) + (" " if _THAI_NEXT.match(text, m.end()) else ""), text)
    text = _BEFORE_NOUN.sub(lambda m: " " + sub_number(m, 1), text)
    return _PART_OF.sub(lambda m: sub_number(m, 1), text)  # "เก้า ใน 12 คน": the part, once its whole is a number
