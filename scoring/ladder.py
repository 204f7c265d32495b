"""The polite nudge ladder around a deadline, on working days only.

For each deadline: a reminder 5 working days before, one on the last working day before it, one the
working day after it (overdue), and a note to the unit head on the 3rd working day after it. Each
step may go out from its day until the next step's day (a clock that was down catches up once).
"""

from __future__ import annotations

from datetime import date, time
from typing import Literal

from scoring.workdays import WorkCalendar

Step = Literal["before5", "lastday", "overdue", "head"]
STEPS: tuple[Step, ...] = ("before5", "lastday", "overdue", "head")
PRIORITY: dict[str, int] = {"before5": 1, "lastday": 2, "overdue": 3, "head": 4, "summary": 5}
WINDOW_START = time(8, 30)
WINDOW_END = time(16, 30)
HEAD_WINDOW_DAYS = 2


def step_days(due: date, calendar: WorkCalendar) -> dict[Step, date]:
    return {
        "before5": calendar.nth_working_day_before(due, 5),
        "lastday": calendar.nth_working_day_before(due, 1),
        "overdue": calendar.nth_working_day_after(due, 1),
        "head": calendar.nth_working_day_after(due, 3),
    }


def due_step(due: date, today: date, calendar: WorkCalendar) -> Step | None:
    """The step whose window holds ``today`` (a working day), or None."""
    if not calendar.is_working_day(today):
        return None
    days = step_days(due, calendar)
    ends = {
        "before5": days["lastday"],
        "lastday": due if calendar.is_working_day(due) else calendar.nth_working_day_after(due, 1),
        "overdue": days["head"],
        "head": calendar.nth_working_day_after(days["head"], HEAD_WINDOW_DAYS),
    }
    for step in STEPS:
        if days[step] <= today < ends[step]:
            return step
    return None


def in_sending_hours(clock: time) -> bool:
    """08:30–16:30 Bangkok: nobody is nudged at night."""
    return WINDOW_START <= clock < WINDOW_END
