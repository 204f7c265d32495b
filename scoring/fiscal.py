"""The Thai fiscal calendar: FY N (พ.ศ.) runs 1 Oct (N−1) to 30 Sep N; Q1 = Oct–Dec.

All domain time is Asia/Bangkok (UTC+7, no DST) whatever the machine's TZ: Bangkok midnight is
17:00 UTC the day before, so a report sent at 17:30 UTC on 30 Sep belongs to the next fiscal year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from scoring.thai import MONTHS_ABBR, to_be, to_ce

BANGKOK = ZoneInfo("Asia/Bangkok")


def bangkok_date(moment: datetime) -> date:
    """The Bangkok calendar day of an aware moment; naive datetimes are refused (they hide bugs)."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required (naive times have no Bangkok date)")
    return moment.astimezone(BANGKOK).date()


def fiscal_year_of(day: date) -> int:
    """ปีงบประมาณ (พ.ศ.) of a calendar day: October–December belong to the next BE year's FY."""
    return to_be(day.year) + (1 if day.month >= 10 else 0)


def fiscal_quarter_of(day: date) -> int:
    return (day.month - 10) % 12 // 3 + 1


def fiscal_month_index(month: int) -> int:
    """1 for October … 12 for September."""
    return (month - 10) % 12 + 1


def calendar_year_of(fiscal_year: int, month: int) -> int:
    """The CE year in which calendar ``month`` of a fiscal year falls."""
    return to_ce(fiscal_year) - (1 if month >= 10 else 0)


def fiscal_year_bounds(fiscal_year: int) -> tuple[date, date]:
    ce = to_ce(fiscal_year)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def quarter_months(quarter: int) -> tuple[int, int, int]:
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    first = (quarter - 1) * 3 + 10
    return tuple(((first + i - 1) % 12) + 1 for i in range(3))  # type: ignore[return-value]


def quarter_bounds(fiscal_year: int, quarter: int) -> tuple[date, date]:
    months = quarter_months(quarter)
    first = date(calendar_year_of(fiscal_year, months[0]), months[0], 1)
    last_month = months[2]
    last_year = calendar_year_of(fiscal_year, last_month)
    next_first = date(last_year + (last_month == 12), last_month % 12 + 1, 1)
    return first, date.fromordinal(next_first.toordinal() - 1)


@dataclass(frozen=True, order=True)
class FiscalPeriod:
    """A reporting period: a fiscal quarter, optionally narrowed to one calendar month of it."""

    fiscal_year: int
    quarter: int
    month: int | None = None

    @classmethod
    def of_day(cls, day: date) -> FiscalPeriod:
        return cls(fiscal_year_of(day), fiscal_quarter_of(day), day.month)

    @classmethod
    def of_moment(cls, moment: datetime) -> FiscalPeriod:
        return cls.of_day(bangkok_date(moment))

    def quarter_only(self) -> FiscalPeriod:
        return FiscalPeriod(self.fiscal_year, self.quarter)

    @classmethod
    def from_label(cls, label: str) -> FiscalPeriod:
        """The inverse of ``label``: ``2567-Q2`` → FY2567 Q2; ``2567-03`` (BE year-month) → March 2024."""
        year_text, _, rest = label.partition("-")
        if rest.upper().startswith("Q"):
            return cls(int(year_text), int(rest[1:]))
        month = int(rest)
        day = date(to_ce(int(year_text)), month, 1)
        return cls(fiscal_year_of(day), fiscal_quarter_of(day), month)

    @property
    def label(self) -> str:
        """Machine label: ``2567-Q1`` for a quarter, ``2566-10`` (BE year-month) for a month."""
        if self.month is None:
            return f"{self.fiscal_year}-Q{self.quarter}"
        return f"{to_be(calendar_year_of(self.fiscal_year, self.month))}-{self.month:02d}"

    @property
    def thai(self) -> str:
        """ไตรมาส 1/2567 or ต.ค. 2566."""
        if self.month is None:
            return f"ไตรมาส {self.quarter}/{self.fiscal_year}"
        return f"{MONTHS_ABBR[self.month - 1]} {to_be(calendar_year_of(self.fiscal_year, self.month))}"
