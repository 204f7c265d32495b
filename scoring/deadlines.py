"""Reporting deadlines of a fiscal year: monthly on the 20th, quarterly 20 Dec/Mar/Jun and 15 Sep.

A deadline never moves later because of a holiday; reminders move earlier instead (``workdays``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from scoring.fiscal import FiscalPeriod, calendar_year_of, fiscal_quarter_of
from scoring.plan import DeadlineRules

FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)


@dataclass(frozen=True, order=True)
class Deadline:
    due: date
    kind: Literal["monthly", "quarterly"]
    period: FiscalPeriod

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "period": self.period.label, "due": self.due.isoformat()}


def deadlines_for(fiscal_year: int, rules: DeadlineRules | None = None) -> list[Deadline]:
    """Every monthly and quarterly deadline of a fiscal year, in date order (monthly first on ties)."""
    rules = rules or DeadlineRules()
    out: list[Deadline] = []
    for month in FISCAL_MONTHS:
        year = calendar_year_of(fiscal_year, month)
        due = date(year, month, rules.monthly_day)
        out.append(Deadline(due, "monthly", FiscalPeriod(fiscal_year, fiscal_quarter_of(due), month)))
    for quarter, month_day in enumerate(rules.quarterly, start=1):
        month, day = (int(x) for x in month_day.split("-"))
        out.append(
            Deadline(
                date(calendar_year_of(fiscal_year, month), month, day), "quarterly", FiscalPeriod(fiscal_year, quarter)
            )
        )
    return sorted(out, key=lambda d: (d.due, d.kind != "monthly"))


def next_deadlines(fiscal_year: int, today: date, rules: DeadlineRules | None = None, count: int = 3) -> list[Deadline]:
    upcoming = [d for d in deadlines_for(fiscal_year, rules) + deadlines_for(fiscal_year + 1, rules) if d.due >= today]
    return upcoming[:count]
