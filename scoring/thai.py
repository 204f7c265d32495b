"""Thai digits, Buddhist Era years and Thai dates: the small text rules every layer shares."""

from __future__ import annotations

from datetime import date

BE_OFFSET = 543

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def thai_to_arabic_digits(text: str) -> str:
    """๒๕๖๗ → 2567; other characters are kept."""
    return text.translate(_THAI_DIGITS)


def arabic_to_thai_digits(text: str) -> str:
    return text.translate(_ARABIC_TO_THAI)


def to_be(ce_year: int) -> int:
    """พ.ศ. of a Common Era year."""
    return ce_year + BE_OFFSET


def to_ce(be_year: int) -> int:
    """Common Era year of a พ.ศ. year."""
    return be_year - BE_OFFSET


def thai_date(d: date, *, abbreviated: bool = True, thai_digits: bool = False, short_year: bool = False) -> str:
    """A date as Thai people write it: ``20 มี.ค. 2567``, ``๒๐ มี.ค. ๖๗`` or ``20 มีนาคม 2567``."""
    month = MONTHS_ABBR[d.month - 1] if abbreviated else MONTHS_FULL[d.month - 1]
    year = to_be(d.year)
    year_text = f"{year % 100:02d}" if short_year else str(year)
    text = f"{d.day} {month} {year_text}"
    return arabic_to_thai_digits(text) if thai_digits else text
