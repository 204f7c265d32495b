"""The Thai fiscal calendar at its edges: year and quarter turns, Bangkok midnight, holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.deadlines import deadlines_for, next_deadlines
from scoring.fiscal import (
    FiscalPeriod,
    bangkok_date,
    fiscal_month_index,
    fiscal_quarter_of,
    fiscal_year_bounds,
    fiscal_year_of,
    quarter_bounds,
)
from scoring.plan import DeadlineRules
from scoring.thai import thai_date, to_be, to_ce
from scoring.workdays import WorkCalendar, thai_work_calendar


def test_be_ce_round_trip() -> None:
    assert to_be(2024) == 2567
    assert to_ce(2567) == 2024


@given(st.integers(min_value=1900, max_value=2200))
def test_be_ce_inverse(year: int) -> None:
    assert to_ce(to_be(year)) == year


@pytest.mark.parametrize(
    ("day", "fy", "quarter"),
    [
        (date(2023, 9, 30), 2566, 4),
        (date(2023, 10, 1), 2567, 1),
        (date(2023, 12, 31), 2567, 1),
        (date(2024, 1, 1), 2567, 2),
        (date(2024, 3, 31), 2567, 2),
        (date(2024, 4, 1), 2567, 3),
        (date(2024, 6, 30), 2567, 3),
        (date(2024, 7, 1), 2567, 4),
        (date(2024, 9, 30), 2567, 4),
    ],
)
def test_fiscal_year_and_quarter_turns(day: date, fy: int, quarter: int) -> None:
    assert fiscal_year_of(day) == fy
    assert fiscal_quarter_of(day) == quarter


def test_bangkok_midnight_is_1700_utc() -> None:
    # 16:59 UTC on 30 Sep is still 30 Sep in Bangkok (FY2566); 17:00 UTC is 1 Oct (FY2567).
    assert FiscalPeriod.of_moment(datetime(2023, 9, 30, 16, 59, tzinfo=UTC)) == FiscalPeriod(2566, 4, 9)
    assert FiscalPeriod.of_moment(datetime(2023, 9, 30, 17, 0, tzinfo=UTC)) == FiscalPeriod(2567, 1, 10)
    # 31 Dec 16:59 UTC → Q1; 17:00 UTC → 1 Jan, Q2.
    assert FiscalPeriod.of_moment(datetime(2023, 12, 31, 16, 59, tzinfo=UTC)).quarter == 1
    assert FiscalPeriod.of_moment(datetime(2023, 12, 31, 17, 0, tzinfo=UTC)).quarter == 2


def test_machine_timezone_does_not_matter() -> None:
    new_york = timezone(timedelta(hours=-5))
    moment = datetime(2023, 9, 30, 12, 30, tzinfo=new_york)  # 17:30 UTC = 00:30 on 1 Oct in Bangkok
    assert bangkok_date(moment) == date(2023, 10, 1)


def test_naive_datetime_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        bangkok_date(datetime(2024, 1, 1, 12, 0))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)))
def test_every_day_lies_in_its_fiscal_year_and_quarter(day: date) -> None:
    fy, q = fiscal_year_of(day), fiscal_quarter_of(day)
    start, end = fiscal_year_bounds(fy)
    assert start <= day <= end
    q_start, q_end = quarter_bounds(fy, q)
    assert q_start <= day <= q_end
    assert fiscal_month_index(day.month) == (q - 1) * 3 + (day.month - q_start.month) % 12 + 1


def test_period_labels_and_thai() -> None:
    assert FiscalPeriod(2567, 1).label == "2567-Q1"
    assert FiscalPeriod(2567, 1, 10).label == "2566-10"
    assert FiscalPeriod(2567, 2, 3).thai == "มี.ค. 2567"
    assert FiscalPeriod(2567, 2).thai == "ไตรมาส 2/2567"


def test_thai_date_forms() -> None:
    assert thai_date(date(2024, 3, 20)) == "20 มี.ค. 2567"
    assert thai_date(date(2024, 3, 20), thai_digits=True, short_year=True) == "๒๐ มี.ค. ๖๗"
    assert thai_date(date(2024, 3, 20), abbreviated=False) == "20 มีนาคม 2567"


def test_default_deadlines_fy2567() -> None:
    items = deadlines_for(2567)
    quarterly = [(d.due, d.period.label) for d in items if d.kind == "quarterly"]
    assert quarterly == [
        (date(2023, 12, 20), "2567-Q1"),
        (date(2024, 3, 20), "2567-Q2"),
        (date(2024, 6, 20), "2567-Q3"),
        (date(2024, 9, 15), "2567-Q4"),
    ]
    monthly = [d.due for d in items if d.kind == "monthly"]
    assert len(monthly) == 12
    assert monthly[0] == date(2023, 10, 20) and monthly[-1] == date(2024, 9, 20)
    assert all(d.day == 20 for d in monthly)
    assert [d.due for d in items] == sorted(d.due for d in items)


def test_plan_sets_its_own_deadlines() -> None:
    rules = DeadlineRules(monthly_day=25, quarterly=("12-25", "03-25", "06-25", "09-10"))
    items = deadlines_for(2565, rules)
    assert [d.due for d in items if d.kind == "quarterly"][-1] == date(2022, 9, 10)
    assert {d.due.day for d in items if d.kind == "monthly"} == {25}


def test_next_deadlines_cross_the_fiscal_year() -> None:
    upcoming = next_deadlines(2567, date(2024, 9, 16), count=2)
    assert [d.due for d in upcoming] == [date(2024, 9, 20), date(2024, 10, 20)]
    assert upcoming[1].period.fiscal_year == 2568


CAL = thai_work_calendar([2023, 2024])


def test_weekend_deadline_reminder_moves_earlier() -> None:
    due = date(2024, 4, 20)  # a Saturday
    assert not CAL.is_working_day(due)
    assert CAL.last_working_day_on_or_before(due) == date(2024, 4, 19)
    assert CAL.nth_working_day_before(due, 1) == date(2024, 4, 19)


def test_bridge_holiday_is_not_a_working_day() -> None:
    # Friday 29 Dec 2023 was a Cabinet bridge holiday before the New Year.
    assert not CAL.is_working_day(date(2023, 12, 29))
    assert CAL.nth_working_day_before(date(2024, 1, 2), 1) == date(2023, 12, 28)
    assert CAL.why_off(date(2023, 12, 29)) is not None


def test_declared_day_off_overrides() -> None:
    extra = thai_work_calendar([2024], days_off=[date(2024, 3, 19)])
    assert CAL.is_working_day(date(2024, 3, 19))
    assert not extra.is_working_day(date(2024, 3, 19))
    assert extra.nth_working_day_before(date(2024, 3, 20), 1) == date(2024, 3, 18)
    assert extra.why_off(date(2024, 3, 19)) == "วันหยุดที่ประกาศเพิ่ม"


def test_nth_working_day_before_skips_songkran() -> None:
    # 5 working days before Mon 22 Apr 2024: 19, 18, 17, 11, 10 (12–16 Apr are bridge + Songkran).
    assert CAL.nth_working_day_before(date(2024, 4, 22), 5) == date(2024, 4, 10)


def test_working_days_between_counts_after_start() -> None:
    assert CAL.working_days_between(date(2024, 3, 20), date(2024, 3, 25)) == 3  # Thu, Fri, Mon
    assert CAL.working_days_between(date(2024, 3, 25), date(2024, 3, 20)) == -3
    assert CAL.nth_working_day_after(date(2024, 3, 20), 3) == date(2024, 3, 25)


@given(st.dates(min_value=date(2023, 2, 1), max_value=date(2024, 11, 30)), st.integers(min_value=1, max_value=10))
def test_nth_working_day_before_is_a_working_day_n_back(day: date, n: int) -> None:
    found = CAL.nth_working_day_before(day, n)
    assert found < day
    assert CAL.is_working_day(found)
    # (found, day) holds exactly n − 1 working days; ``day`` itself counts when it is one.
    assert CAL.working_days_between(found, day) == n - 1 + CAL.is_working_day(day)


def test_empty_calendar_has_only_weekends() -> None:
    plain = WorkCalendar()
    assert plain.is_working_day(date(2024, 1, 1))
    assert not plain.is_working_day(date(2024, 1, 6))
