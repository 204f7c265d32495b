"""A whole fiscal year (FY2567) of the clock with frozen time over the demo data.

Somsri reports on time (the 15th), Wichai late (the 27th) and is on leave in March with the unit head
acting for him, and 20 Jun 2024 is declared a day off. The exact list of messages is in
``tests/data/year_simulation.golden`` (regenerate with UPDATE_GOLDEN=1 and review the diff); the
rules are asserted too: no duplicates, none at night, none on weekends or days off, late names only
to the unit head and the committee. Two clock processes, or a clock restarted mid-morning, send the
same messages, each once.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from handlers.nudges.reminders import NudgeSettings, calendar_for, due_now, enqueue
from scoring.fiscal import BANGKOK, FiscalPeriod
from store import progress
from store.db import session_scope
from store.demo import COMMITTEE_GROUP, load_demo
from store.models import DayOff, IndicatorRecord, LineIdentity, OutboxMessage, Person
from store.progress import ReportInput
from tests.conftest import PLANS

GOLDEN = Path(__file__).parent / "data" / "year_simulation.golden"
TICKS = (time(2, 0), time(8, 30), time(13, 0))
DAY_OFF = date(2024, 6, 20)
LEAVE = (date(2024, 3, 1), date(2024, 3, 25))
SETTINGS = NudgeSettings()


def _setup(engine: sa.Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
        s.add(DayOff(day=DAY_OFF, reason="วันหยุดพิเศษ (ประกาศเพิ่ม)"))
        head = people["pranee"]
        head.acting_for_id = people["wichai"].id
        s.add(head)
        return {k: p.id or 0 for k, p in people.items()}


def _report(engine: sa.Engine, person_id: int, codes: tuple[str, ...], at: datetime) -> None:
    day = at.astimezone(BANGKOK).date()
    with session_scope(engine) as s:
        for code in codes:
            indicator = s.exec(select(IndicatorRecord).where(IndicatorRecord.code == code)).first()
            assert indicator is not None and indicator.id is not None
            progress.record(
                s,
                data=ReportInput(
                    indicator_id=indicator.id,
                    period=FiscalPeriod.of_day(day),
                    value=50.0 + day.month,
                    narrative="ประชุมติดตามร่วมกับสำนักงานเขต",
                ),
                by=person_id,
                now=at,
                source="simulation",
            )


def _set_leave(engine: sa.Engine, person_id: int, until: date | None) -> None:
    with session_scope(engine) as s:
        person = s.get(Person, person_id)
        assert person is not None
        person.on_leave_until = until
        s.add(person)


def simulate(engine: sa.Engine, ids: dict[str, int], *, clocks: int = 1, down: set[datetime] | None = None) -> None:
    day = date(2023, 10, 1)
    while day <= date(2024, 9, 30):
        if day == LEAVE[0]:
            _set_leave(engine, ids["wichai"], LEAVE[1])
        for tick in TICKS:
            at = datetime.combine(day, tick, tzinfo=BANGKOK)
            if day.day == 15 and tick == time(13, 0):
                _report(engine, ids["somsri"], ("1", "2", "3"), at - timedelta(hours=2))
            if day.day == 27 and tick == time(13, 0):
                _report(engine, ids["wichai"], ("4", "5", "6"), at - timedelta(hours=2))
            if down and at in down:
                continue
            for _ in range(clocks):  # a second clock process ticking at the same moment
                with session_scope(engine) as s:
                    enqueue(s, due_now(s, at, SETTINGS), at)
        day += timedelta(days=1)


def _sent(engine: sa.Engine) -> list[tuple[datetime, str, str, str]]:
    with Session(engine) as s:
        names = {i.line_user_id: s.get(Person, i.person_id).name for i in s.exec(select(LineIdentity)).all()}  # type: ignore[union-attr]
        rows = s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()  # type: ignore[arg-type]
    names[COMMITTEE_GROUP] = "กลุ่มคณะกรรมการ"
    return [(r.created_at, r.kind, names.get(r.recipient, r.recipient), r.key) for r in rows]  # type: ignore[misc]


def _lines(engine: sa.Engine) -> list[str]:
    out = []
    for created, kind, who, key in _sent(engine):
        local = created.astimezone(BANGKOK)
        out.append(f"{local:%Y-%m-%d %a %H:%M} {kind:<17} {who:<16} {key.split(':', 2)[2]}")
    return out


@pytest.fixture
def year(engine: sa.Engine) -> tuple[sa.Engine, dict[str, int]]:
    ids = _setup(engine)
    simulate(engine, ids)
    return engine, ids


def test_the_year_sends_exactly_the_golden_messages(year: tuple[sa.Engine, dict[str, int]]) -> None:
    engine, _ = year
    lines = _lines(engine)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == GOLDEN.read_text(encoding="utf-8").splitlines()


def test_the_year_keeps_the_rules(year: tuple[sa.Engine, dict[str, int]]) -> None:
    engine, _ = year
    sent = _sent(engine)
    keys = [key for *_, key in sent]
    assert len(keys) == len(set(keys)), "a message was sent twice"
    with Session(engine) as s:
        calendar = calendar_for(s, [2023, 2024])
    for created, kind, who, key in sent:
        local = created.astimezone(BANGKOK)
        assert time(8, 30) <= local.time() < time(16, 30), f"{key} sent at night"
        assert calendar.is_working_day(local.date()), f"{key} sent on a day off ({local.date()})"
        assert local.date() != DAY_OFF
        if kind == "nudge":
            assert who in ("สมศรี ใจดี", "วิชัย รักงาน", "ปราณี สุขสม")
    by_kind = {(kind, who) for _, kind, who, _ in sent}
    assert ("nudge", "สมศรี ใจดี") in by_kind and not any(
        k.endswith(":overdue") and who == "สมศรี ใจดี" for _, _, who, k in sent
    ), "the punctual reporter is reminded before the deadline, never as overdue"
    assert any(k.endswith(":overdue") for _, _, who, k in sent if who == "วิชัย รักงาน")
    assert ("head", "ปราณี สุขสม") in by_kind
    march = [(who, k) for c, kind, who, k in sent if kind == "nudge" and c.astimezone(BANGKOK).month == 3]
    assert all(who != "วิชัย รักงาน" for who, _ in march), "nobody nudges a person on leave"
    assert any(who == "ปราณี สุขสม" and ":for" in k for who, k in march), "the acting officer is reminded"
    # One card after each of the 12 monthly deadlines (those on a quarterly date are the quarterly card),
    # plus the quarterly card after 15 Sep.
    summaries = [kind for _, kind, _, _ in sent if kind.startswith("summary")]
    assert len(summaries) == 13 and summaries.count("summary-quarterly") == 4


def test_two_clocks_or_a_restart_send_the_same_messages_once(engine: sa.Engine, tmp_path: Path) -> None:
    ids = _setup(engine)
    down = {
        datetime.combine(date(2024, 3, 13), time(8, 30), tzinfo=BANGKOK),
        datetime.combine(date(2024, 3, 21), time(8, 30), tzinfo=BANGKOK),
    }
    simulate(engine, ids, clocks=2, down=down)
    what = sorted(line[21:] for line in _lines(engine))  # kind, recipient, deadline and step; not the time
    golden = sorted(line[21:] for line in GOLDEN.read_text(encoding="utf-8").splitlines())
    # The same messages, each once; the ones the clock missed at 08:30 went out at its next tick.
    assert what == golden
    keys = [key for *_, key in _sent(engine)]
    assert len(keys) == len(set(keys))
