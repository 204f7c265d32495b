"""Leave by chat: "ลาถึง 15 ธ.ค. ค่ะ" sets the last day of leave, so reminders skip the person
and go to the acting officer."""

from __future__ import annotations

import re
from datetime import date, datetime

from handlers.parse.normalize import normalize_text
from handlers.parse.period import month_number, resolve_year
from scoring.fiscal import bangkok_date

_DAY_MONTH_YEAR = re.compile(r"(?P<d>[0-3]?\d)\s*(?P<m>[^\d\s]+\.?\s?[^\d\s]*?\.?)\s*(?P<y>\d{2,4})?\s*$")

_LEAVE = re.compile(r"^\s*(?:ขอ)?ลา(?:พักผ่อน|ป่วย|กิจ|คลอด|ศึกษาต่อ)?\s*(?:จนถึงวันที่|ถึงวันที่|จนถึง|ถึง|-)\s*")

_PARTICLES = re.compile(r"(?:\s*(?:นะคะ|นะครับ|ค่ะ|คะ|ครับ|นะ|จ้า|จ้ะ|ฮะ|[.!🙏]))+\s*$")


def leave_until(text: str, now: datetime) -> date | None:
    """ "ลาถึง 15 ธ.ค. ค่ะ" / "ลาพักผ่อนถึงวันที่ 3 ม.ค. 67": the last day of leave (the next such date)."""
    norm = _PARTICLES.sub("", normalize_text(text))
    m_ = _LEAVE.match(norm)
    if m_ is None:
        return None
    rest = norm[m_.end() :].lower()
    found = _DAY_MONTH_YEAR.match(rest)
    if found is None:
        return None
    day, month = int(found.group("d")), month_number(found.group("m"))
    if month is None:
        return None
    today = bangkok_date(now)
    year = resolve_year(found.group("y"), today) - 543 if found.group("y") else today.year
    try:
        until = date(year, month, day)
    except ValueError:
        return None
    if not found.group("y") and until < today:
        until = date(year + 1, month, day)
    return until
