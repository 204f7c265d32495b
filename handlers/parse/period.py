"""Reporting periods in Thai chat: quarters, months, ranges, รอบ 6 เดือน, relative words, BE/CE years.

pythainlp has no period parser and dateparser reads 2567 as CE (reference/thai-nlp.md §6), so this
is written here. Every match returns its span so the value extractor never reads ``q3/67`` as 3/67.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

from scoring.fiscal import fiscal_quarter_of, fiscal_year_of, quarter_months
from scoring.thai import to_be

_MONTH_FORMS: dict[int, tuple[str, ...]] = {
    1: ("มกราคม", "มกรา", r"ม\.\s?ค\.?", "มค", "jan(?:uary)?"),
    2: ("กุมภาพันธ์", "กุมภา", r"ก\.\s?พ\.?(?!\s?ร)", "กพ", "feb(?:ruary)?"),
    3: ("มีนาคม", "มีนา", r"มี\.\s?ค\.?", "มีค", "mar(?:ch)?"),
    4: ("เมษายน", "เมษา", r"เม\.\s?ย\.?", "เมย", "apr(?:il)?"),
    5: ("พฤษภาคม", "พฤษภา", r"พ\.\s?ค\.?", "พค", "may"),
    6: ("มิถุนายน", "มิถุนา", r"มิ\.\s?ย\.?", "มิย", "jun(?:e)?"),
    7: ("กรกฎาคม", "กรกฎา", "กรกดา", r"ก\.\s?ค\.?", "กค", "jul(?:y)?"),
    8: ("สิงหาคม", "สิงหา", r"ส\.\s?ค\.?", "สค", "aug(?:ust)?"),
    9: ("กันยายน", "กันยา", r"ก\.\s?ย\.?", "กย", "sep(?:tember)?"),
    10: ("ตุลาคม", "ตุลา", r"ต\.\s?ค\.?", "ตค", "oct(?:ober)?"),
    11: ("พฤศจิกายน", "พฤศจิกา", "พฤศจิ", r"พ\.\s?ย\.?", "พย", "nov(?:ember)?"),
    12: ("ธันวาคม", "ธันวา", r"ธ\.\s?ค\.?", "ธค", "dec(?:ember)?"),
}
_DOTLESS = {"มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"}


def _month_alternation() -> tuple[str, dict[str, int]]:
    forms: list[tuple[str, int]] = []
    for month, variants in _MONTH_FORMS.items():
        for v in variants:
            if v[0].isascii() and v[0].isalpha():
                v = rf"(?<![a-z]){v}(?![a-z])"
            elif "\\." in v:
                # "คกก.พัฒนา" hides "ก.พ"; glued to a word, a month needs both dots and its year ("ภาพรวมเม.ย.62")
                full = v.removesuffix("?")
                v = rf"(?:(?<![ก-๙.]){v}|(?<=เดือน){v}|(?<=สิ้น){v}|(?<=[ก-๙]){full}(?=\s?\d{{2}}(?!\d)|\s?\d{{4}}(?!\d)))"
            elif v in _DOTLESS:
                # A dot-less abbreviation hides inside words (ความคืบหน้า ⊃ มค): only as a word of its own.
                v = rf"(?:(?<=\s)|(?<=^)|(?<=เดือน)|(?<=รอบ)|(?<=\d)|(?<=[-–])){v}(?=\s|\d|$|[-–/,.)])"
            forms.append((v, month))
    forms.sort(key=lambda f: -len(f[0]))
    names = {}
    parts = []
    for i, (pattern, month) in enumerate(forms):
        names[f"m{i}"] = month
        parts.append(f"(?P<m{i}>{pattern})")
    # Fail fast where no month can start: re tries every alternative at every position otherwise.
    return "(?=[มกเพสตธjfmasond])(?:" + "|".join(parts) + ")", names


_MONTH_RE, _MONTH_GROUPS = _month_alternation()
# A year, unless the number goes on as a value ("ม.ค. 33.9%", "มกรา 77 เปอเซ็น").
_YEAR = (
    r"(?:(?:พ\.?\s?ศ\.?|ปี(?:งบ(?:ประมาณ)?)?|(?<![a-z])fy|ค\.?ศ\.?)\s*)?(?P<year>\d{4}|\d{2})"
    # "พ.ค. 26 นาที": a count after the month, not the year 2569
    r"(?!\d|\.\d|\s*(?:%|เปอ|percent|นาที|min|ครั้ง|คน|ราย|คะแนน|บาท))"
)
_MONTH_TOKEN = re.compile(rf"(?P<month>{_MONTH_RE})\s*(?:[/,]\s*)?(?:{_YEAR})?", re.IGNORECASE)
_RANGE = re.compile(
    rf"(?P<a>{_MONTH_RE.replace('?P<m', '?P<a')})\s*(?:{_YEAR.replace('?P<year>', '?P<ya>')}\s*)?"
    rf"(?:-|–|ถึง\s*(?:สิ้น)?(?:เดือน)?)\s*(?P<b>{_MONTH_RE.replace('?P<m', '?P<b')})"
    rf"\s*(?:{_YEAR})?",
    re.IGNORECASE,
)
_QUARTER = re.compile(
    # not across a line: "ไตรมาส" heading a table column is not quarter 2 with the row "2.1" below
    r"(?:(?<![a-z])q|ไตรมาส|ไตมาส|ไตรมาท|ตรีมาส|ไตรมาศ|quarter|งวดที่)[^\S\n]*(?:ที่\s*)?(?:(?P<q>[1-4])(?!\d)|(?P<qw>แรก|สุดท้าย))"
    r"(?:\s*(?:/|ปี|ปีงบ(?:ประมาณ)?|(?<![a-z])fy|พ\.?\s?ศ\.?)\s*(?P<year>\d{4}|\d{2})(?!\d))?",
    re.IGNORECASE,
)
_ROUND = re.compile(
    r"(?:รอบ|ผลสะสม|สะสม|สรุปผล)\s*(?P<n>3|6|9|12|สาม|หก|เก้า|สิบสอง)\s*เดือน"  # "รอบหกเดือน", spelled and glued
    r"|ครึ่ง\s*ปี\s*(?:งบ(?:ประมาณ)?\s*)?(?:(?P<first>แรก)|(?P<second>หลัง))"  # the half-years end with Q2 and Q4
)
# The whole fiscal year closed: its fourth quarter ("ปิดปีงบ 61").
# "ขอส่งผล ตช.4 ของเดือน ก.ย. 66", "ผลเดือน พ.ค.": the month reported; "ขึ้นระบบเมื่อ เม.ย.", "ช่วงเดือน พ.ค.
# จัดประชาคม": when something was done, which gives way to a month reported.
# "ถึงเดือน มี.ค. ตรวจไปแล้ว 4 ครั้ง (ธ.ค. ม.ค. ก.พ. มี.ค.)": the month a running count is up to
_REPORTED_MONTH = re.compile(r"(?:ของ|ผล(?:การดำเนินงาน)?(?:ประจำ)?|รายงาน(?:ผล)?|รอบ)\s*เดือน\s*$|ถึง(?:สิ้น)?\s*เดือน\s*$")
_WHEN_DONE = re.compile(r"(?:เมื่อ|ช่วง)\s*(?:เดือน)?\s*$")
_NTH_MONTH_OF_YEAR = re.compile(r"เดือนที่\s*(?P<n>\d{1,2})\s*(?:ของ|ใน)\s*ปีงบ(?:ประมาณ)?")
_CONTRACT_BEFORE = re.compile(r"(?:ส่งมอบ|ตรวจรับ|งาน|สัญญา|จ้าง)\s*$")
_YEAR_END = re.compile(r"(?:ปิด|สิ้น)ปีงบ(?:ประมาณ)?\s*(?:พ\.?\s?ศ\.?)?\s*(?P<year>\d{4}|\d{2})(?!\d)")
_FISCAL_YEAR = re.compile(
    r"(?:ปีงบ(?:ประมาณ)?\s*(?:พ\.?\s?ศ\.?)?|(?<![a-z])fy)\s*(?P<year>\d{4}|\d{2})(?!\d)", re.IGNORECASE
)
_RELATIVE = re.compile(
    r"ไตรมาส(?:นี้|ปัจจุบัน)|ไตรมาส(?:ที่แล้ว|ก่อน(?:หน้า)?)|เดือน(?:นี้)|เดือน(?:ที่แล้ว|ก่อน(?:หน้า)?)|ไตรมาสที่ผ่านมา|"
    r"(?<!\d)(?<!\d )เดือนที่ผ่านมา"  # not "3 เดือนที่ผ่านมา", the past three months
)
_DATE = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\s*/\s*(?P<m>[01]?\d)\s*/\s*(?P<y>\d{4}|\d{2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?:วันที่\s*)?(?<!\d)(?P<d>[0-3]?\d)\s+(?P<month>{_MONTH_RE.replace('?P<m', '?P<dm')})\s*(?:{_YEAR})?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PeriodMatch:
    fiscal_year: int
    quarter: int
    month: int | None
    span: tuple[int, int]
    explicit_year: bool
    source: str  # quarter / installment / month / range / round / year-end / year / relative / default
    # How plainly a month is the one reported: 0 when only when something happened ("เมื่อ เม.ย."),
    # 2 when said as the report's ("ของเดือน ก.ย."), 3 for the data's date ("ข้อมูล ณ 15 มิ.ย.").
    weight: int = 1


_MONTH_ONLY = re.compile(rf"^(?:{_MONTH_RE})$", re.IGNORECASE)


def month_number(word: str) -> int | None:
    """ธ.ค. / ธันวาคม / ธันวา / dec → 12; None if the word is not a month."""
    m = _MONTH_ONLY.match(word.strip().lower())
    return _month_from(m, "m") if m else None


YEARS_AROUND = 5  # a two-digit year further than this from today is a number of something else


def resolve_year(digits: str, today: date) -> int:
    """A BE year from 2 or 4 digits; two digits are BE (2567) or CE (2024), whichever is nearer today."""
    value = int(digits)
    if len(digits) == 4:
        return value if value >= 2400 else to_be(value)
    current = to_be(today.year)
    candidates = (2500 + value, 2543 + value)
    return min(candidates, key=lambda y: abs(y - current))


def _month_from(match: re.Match[str], prefix: str) -> int:
    for name, value in match.groupdict().items():
        if value and name.startswith(prefix) and name[len(prefix) :].isdigit():
            return _MONTH_GROUPS["m" + name[len(prefix) :]]
    raise ValueError("no month group matched")


def _month_period(month: int, be_year: int | None, today: date) -> tuple[int, int, int]:
    if be_year is not None and not MINYEAR <= be_year - 543 <= MAXYEAR:
        be_year = None  # "มค0000": no year a calendar holds, so none said
    if be_year is None:
        # The most recent occurrence of this month not after today's month.
        year = today.year if month <= today.month else today.year - 1
        be_year = to_be(year)
    day = date(be_year - 543, month, 1)
    return fiscal_year_of(day), fiscal_quarter_of(day), month


def _quarter_period(quarter: int, fiscal_year: int | None, today: date) -> tuple[int, int]:
    if fiscal_year is not None:
        return fiscal_year, quarter
    fy = fiscal_year_of(today)
    first_month = quarter_months(quarter)[0]
    start_year = (fy - 543) - (1 if first_month >= 10 else 0)
    if date(start_year, first_month, 1) > today:
        fy -= 1  # that quarter has not started yet: the writer means the last one
    return fy, quarter


# "งบการเงินปีงบ 62": the year the statements are of, not the period reported
_STATEMENTS_OF = re.compile(r"(?:งบการเงิน|งบทรัพย์สิน|บัญชี|งบ)\S{0,6}\s*$")
_AS_OF = re.compile(r"(?:ณ|ถึง|สิ้นสุด|as\s*of|ข้อมูลวันที่)\s*(?:วันที่\s*)?$", re.IGNORECASE)
_LETTER_DATED = re.compile(r"(?:ลว|ลงวันที่)\.?\s*$")  # "กท 0100/0153 ลว. 10 ม.ค. 63": the letter's date
# A month the text plans ahead for ("ขั้นต่อไปจะนำเสนอ … ในเดือน ก.ค.") is not the period reported.
_STATEMENTS_OF = re.compile(r"งบการเงิน\S{0,8}\s*$")
_COMPARED = re.compile(r"(?:เท่ากับ|เทียบ(?:กับ)?|กว่า|จาก)\s*$")
_ROUND_AHEAD = re.compile(r"จะ\S{0,12}\s*$")  # "จะส่งพร้อมรอบ 12 เดือน": a round still to come
_AHEAD_AFTER = re.compile(r"\s*(?:นี้|หน้า)?\s*จะ")
_AHEAD = re.compile(
    # "เวลาเฉลี่ยลดเหลือ 42 นาที เดือน ส.ค.": a figure brought down to, not what is still to come
    r"(?:จะ|ต่อไป|กำหนดการ|ให้ทัน|(?<!ลด)(?<!เฉลี่ย)เหลือ(?:อีก)?(?!\s*[\d.]+\s*(?:นาที|%|ชั่วโมง|ชม))\s*\d*\s*\S{0,6}\s*(?:คือ)?)"
)  # "เหลืออีก 2 ครั้งคือ เม.ย.": ahead
# A month an activity or the data belongs to, said as such, is not the period reported.
_EVENT_MONTH = re.compile(
    r"(?:(?:ค่าไฟ(?:ฟ้า)?|การเงิน|ประชุม\S{0,12})\s*ประจำเดือน|ตั้งแต่(?:เดือน)?|ในเดือน|ค่าไฟ(?:ฟ้า)?(?:เดือน)?|"
    r"เทียบ(?:กับ)?(?:เดือน)?|กว่า(?:เดือน)?|เท่ากับ(?:เดือน)?)\s*$"  # "ช้ากว่า เม.ย. นิดหน่อย": compared with
)
_CODE_BEFORE = re.compile(
    r"(?:kpi|ตชว?\.?|ตัวชี้วัด(?:ที่)?|ตัวชีวัด(?:ที่)?|ข้อ(?:ที่)?|k|\.|ร้อยละ|ร้อยล่ะ|ได้|ที่|คือ|เป็น)\s*$", re.IGNORECASE
)


def find_dates(text: str, codes: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of dates (1/10/2566, 15 ม.ค. 67): when something happened, not a reporting period.

    "ตช.4 ต.ค. 66" is a code and a month, not the 4th of October: a number right after a code word is
    never a day.
    """
    spans = [m.span() for m in _DATE.finditer(text)]
    code_spans = list(codes)
    for m in _DAY_MONTH.finditer(text):
        start = m.start("d")
        before = text[max(0, start - 12) : start]
        if any(a <= start < b for a, b in code_spans):
            continue  # "ตช.เจรจา 5 มิ.ย. 63": the number ends a code the plan has, not a day
        if int(m.group("d")) > 31 or (
            _CODE_BEFORE.search(before) and not m.group(0).startswith("วันที่") and not _LETTER_DATED.search(before)
        ):
            continue
        spans.append(m.span())
    return spans


def find_periods(text: str, today: date, codes: Iterable[tuple[int, int]] = ()) -> list[PeriodMatch]:
    """Every period mention, in text order; date spans are skipped (they say when, not which period).
    ``codes`` are the spans of indicator codes: their numbers are never days."""
    found: list[PeriodMatch] = []
    code_spans = list(codes)
    taken: list[tuple[int, int]] = list(find_dates(text, code_spans))

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    fy_context = None
    fy_span = (0, 0)
    for m in _FISCAL_YEAR.finditer(text):
        if _STATEMENTS_OF.search(text[max(0, m.start() - 16) : m.start()]):
            continue  # "จัดทำงบการเงินปีงบ 61": the year of the statements made, not of the report
        said_year = resolve_year(m.group("year"), today)
        if len(m.group("year")) == 4 or abs(said_year - to_be(today.year)) <= YEARS_AROUND:
            fy_context, fy_span = said_year, m.span()  # "ตั้งแต่ต้นปีงบ 14 จาก 15": a count, not FY 2557
    for m in _QUARTER.finditer(text):
        if not free(m.span()):
            continue
        year = resolve_year(m.group("year"), today) if m.group("year") else fy_context
        said_q = int(m.group("q")) if m.group("q") else (1 if m.group("qw") == "แรก" else 4)  # "ไตรมาสแรก"
        fy, q = _quarter_period(said_q, year, today)
        source = "installment" if m.group(0).startswith("งวด") else "quarter"  # "เงินประจำงวดที่ 1"
        if source == "installment" and _CONTRACT_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
            continue  # "รอส่งมอบงานงวดที่ 1": a contract's installment of work, not a quarter's money
        found.append(PeriodMatch(fy, q, None, m.span(), year is not None, source))
        taken.append(m.span())
    for m in _YEAR_END.finditer(text):
        if free(m.span()):
            found.append(PeriodMatch(resolve_year(m.group("year"), today), 4, None, m.span(), True, "year-end"))
            taken.append(m.span())
    for m in _ROUND.finditer(text):
        if free(m.span()) and not _ROUND_AHEAD.search(text[max(0, m.start() - 16) : m.start()]):
            rounds = {"3": 1, "6": 2, "9": 3, "12": 4, "สาม": 1, "หก": 2, "เก้า": 3, "สิบสอง": 4}
            q = rounds[m.group("n")] if m.group("n") else (2 if m.group("first") else 4)
            # "รอบ 12 เดือน" sent in October is the year just closed, as a quarter not begun yet is
            fy, q = (fy_context, q) if fy_context else _quarter_period(q, None, today)
            found.append(PeriodMatch(fy, q, None, m.span(), fy_context is not None, "round"))
            taken.append(m.span())
    for m in _RANGE.finditer(text):
        if not free(m.span()):
            continue
        a, b = _month_from(m, "a"), _month_from(m, "b")
        year = resolve_year(m.group("year"), today) if m.group("year") else None
        fy_b, q_b, _ = _month_period(b, year, today)
        found.append(PeriodMatch(fy_b, q_b, None, m.span(), year is not None, "range"))
        taken.append(m.span())
        del a
    for m in _MONTH_TOKEN.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        ahead = _AHEAD.search(before) or _AHEAD_AFTER.match(text, m.end())  # "เดือน ก.ย. จะส่งพร้อม…"
        if not free(m.span()) or (not m.group("year") and ahead) or _EVENT_MONTH.search(before):
            continue
        month = _month_from(m, "m")
        year = resolve_year(m.group("year"), today) if m.group("year") else None
        span = m.span()
        if year is not None and abs(year - to_be(today.year)) > YEARS_AROUND and len(m.group("year")) == 2:
            year, span = None, m.span("month")  # "เดือน เม.ย. 40 เรื่อง": a count after the month, not 2540
        fy, q, mo = _month_period(month, year, today)
        weight = 2 if _REPORTED_MONTH.search(before) else 0 if _WHEN_DONE.search(before) else 1
        found.append(PeriodMatch(fy, q, mo, span, year is not None, "month", weight))
        taken.append(span)
    for m in _DATE.finditer(text):
        # "ข้อมูล ณ 31/03/20", "as of 31/12/2023": the data's date gives its month.
        if _AS_OF.search(text[max(0, m.start() - 12) : m.start()]) and 1 <= int(m.group("m")) <= 12:
            fy, q, mo = _month_period(int(m.group("m")), resolve_year(m.group("y"), today), today)
            found.append(PeriodMatch(fy, q, mo, m.span(), True, "as-of", 3))
    for m in _DAY_MONTH.finditer(text):
        if _AS_OF.search(text[max(0, m.start() - 12) : m.start()]) and int(m.group("d")) <= 31:
            month = _month_from(m, "dm")
            year = resolve_year(m.group("year"), today) if m.group("year") else None
            fy, q, mo = _month_period(month, year, today)
            found.append(PeriodMatch(fy, q, mo, m.span(), year is not None, "as-of", 3))
    for m in _NTH_MONTH_OF_YEAR.finditer(text):
        # "ข้อมูลเดือนที่ 6 ของปีงบประมาณ": the fiscal year's sixth month, March
        if free(m.span()) and 1 <= int(m.group("n")) <= 12:
            month = (int(m.group("n")) + 8) % 12 + 1
            calendar_be = None if fy_context is None else fy_context - (month >= 10)  # ต.ค.–ธ.ค. open the year before
            fy, q, mo = _month_period(month, calendar_be, today)
            found.append(PeriodMatch(fy, q, mo, m.span(), fy_context is not None, "month", 2))
            taken.append(m.span())
    for m in _RELATIVE.finditer(text):
        if not free(m.span()) or _COMPARED.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "ยังคงที่ 6% เท่ากับไตรมาสที่แล้ว": the period compared with, not the one reported
        word = m.group(0)
        if word.startswith("ไตรมาส"):
            fy, q = fiscal_year_of(today), fiscal_quarter_of(today)
            if "แล้ว" in word or "ก่อน" in word or "ผ่านมา" in word:
                fy, q = (fy, q - 1) if q > 1 else (fy - 1, 4)
            found.append(PeriodMatch(fy, q, None, m.span(), False, "relative"))
        else:
            month_date = today.replace(day=1)
            if "แล้ว" in word or "ก่อน" in word or "ผ่านมา" in word:
                month_date = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
            found.append(
                PeriodMatch(
                    fiscal_year_of(month_date),
                    fiscal_quarter_of(month_date),
                    month_date.month,
                    m.span(),
                    False,
                    "relative",
                )
            )
        taken.append(m.span())
    statements = _STATEMENTS_OF.search(text[max(0, fy_span[0] - 16) : fy_span[0]])
    if fy_context is not None and not found and fy_context < fiscal_year_of(today) and not statements:
        # "ตัวเลขสุดท้ายเบิกจ่ายปีงบ 2565" sent in October: the year closed, its last quarter
        found.append(PeriodMatch(fy_context, 4, None, fy_span, True, "year"))
    return sorted(found, key=lambda p: p.span)
