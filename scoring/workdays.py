"""Working days on the Thai government calendar: weekends, public holidays and declared days off.

Holiday data comes in as a value (``WorkCalendar``) so the rules stay testable; ``thai_work_calendar``
builds one from the ``holidays`` package (Thailand, which already carries Cabinet bridge days it
knows of) plus the days off an admin declared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays as holidays_lib

# Calendar searches are bounded: no real calendar has a month without a working day.
_MAX_SCAN_DAYS = 60


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are days off: weekends, ``holidays`` (with their names) and ``days_off``."""

    holidays: Mapping[date, str] = field(default_factory=dict)
    days_off: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays and day not in self.days_off

    def why_off(self, day: date) -> str | None:
        if day in self.days_off:
            return "วันหยุดที่ประกาศเพิ่ม"
        if day in self.holidays:
            return self.holidays[day]
        if day.weekday() >= 5:
            return "วันเสาร์" if day.weekday() == 5 else "วันอาทิตย์"
        return None

    def nth_working_day_before(self, day: date, n: int) -> date:
        """The n-th working day strictly before ``day`` (n = 1 is the last working day before it)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        current = day
        for _ in range(n):
            current = self._step(current, -1)
        return current

    def nth_working_day_after(self, day: date, n: int) -> date:
        if n < 1:
            raise ValueError("n must be at least 1")
        current = day
        for _ in range(n):
            current = self._step(current, +1)
        return current

    def last_working_day_on_or_before(self, day: date) -> date:
        return day if self.is_working_day(day) else self._step(day, -1)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many working days ``end`` is after ``start``."""
        if end <= start:
            return -self.working_days_between(end, start) if end < start else 0
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=i)))

    def _step(self, day: date, direction: int) -> date:
        current = day
        for _ in range(_MAX_SCAN_DAYS):
            current += timedelta(days=direction)
            if self.is_working_day(current):
                return current
        raise ValueError(f"no working day within {_MAX_SCAN_DAYS} days of {day}")


def thai_work_calendar(years: Iterable[int], days_off: Iterable[date] = ()) -> WorkCalendar:
    """Thai public holidays (Thai names) for the CE ``years``, plus declared days off."""
    data = holidays_lib.country_holidays("TH", years=sorted(set(years)), language="th")
    return WorkCalendar(holidays=dict(data.items()), days_off=frozenset(days_off))
