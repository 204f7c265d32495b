"""Benchmark one clock tick: 50 units × 30 indicators × 500 people (10 reporters a unit), on SQLite
or --database-url. Prints the median time to plan a tick and the SQL queries it issues. Never asserts.

Run: .venv/bin/python bench/clock.py [--units 50] [--indicators 30] [--people 500] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from handlers.nudges.reminders import NudgeSettings, due_now
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.plan import Group, Indicator, Plan, Rubric, RubricLevel
from store import progress
from store.db import make_engine, session_scope, upgrade
from store.identities import bind
from store.models import ChatGroup, Person, Role, RoleGrant
from store.plans import import_plan
from store.progress import ReportInput

NOW = datetime(2024, 3, 13, 9, 0, tzinfo=BANGKOK)  # 5 working days before 20 Mar 2567


def synthetic_plan(unit: int, indicators: int) -> Plan:
    rubric = Rubric(levels=tuple(RubricLevel(level=n, op=">=", value=50 + 10 * n) for n in range(1, 6)))
    inds = tuple(
        Indicator(code=str(i + 1), name=f"ตัวชี้วัดที่ {i + 1} ของหน่วยงาน {unit}", weight=1.0, unit="ร้อยละ", rubric=rubric)
        for i in range(indicators)
    )
    return Plan(
        id=f"fy2567-unit-{unit}",
        title="แผน",
        unit=f"หน่วยงานทดสอบ {unit}",
        fiscal_year=2567,
        groups=(Group(code="1", name="องค์ประกอบที่ 1", indicators=inds),),
    )


def build(url: str, units: int, indicators: int, people: int) -> None:
    upgrade(url)
    engine = make_engine(url)
    per_unit = max(1, people // units)
    at = datetime(2024, 2, 1, tzinfo=UTC)
    with session_scope(engine) as s:
        for u in range(units):
            plan = synthetic_plan(u, indicators)
            import_plan(s, plan, now=at)
        unit_ids = {row[0]: row[1] for row in s.execute(sa.text("SELECT name, id FROM unit"))}
        indicator_ids = [row[0] for row in s.execute(sa.text("SELECT id FROM indicator ORDER BY id"))]
        n = 0
        for u in range(units):
            uid = unit_ids[f"หน่วยงานทดสอบ {u}"]
            for k in range(per_unit):
                person = Person(name=f"คนที่ {n}", unit_id=uid)
                s.add(person)
                s.flush()
                s.add(RoleGrant(person_id=person.id or 0, role=Role.reporter if k else Role.unit_head, unit_id=uid))
                bind(s, person, f"U{n:032x}", at)
                if k == 1:  # one reporter a unit already reported a third of the indicators
                    for ind in indicator_ids[u * indicators : u * indicators + indicators // 3]:
                        progress.record(
                            s,
                            data=ReportInput(indicator_id=ind, period=FiscalPeriod(2567, 2, 3), value=70.0),
                            by=person.id or 0,
                            now=at,
                            source="bench",
                        )
                n += 1
        s.add(ChatGroup(group_id="C" + "0" * 32, kind="committee", members=20))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=30)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='tidtam-clock-')) / 'clock.db'}"
    build(url, args.units, args.indicators, args.people)
    engine = make_engine(url)
    queries = 0

    @sa.event.listens_for(engine, "before_cursor_execute")
    def count(*_: object) -> None:
        nonlocal queries
        queries += 1

    from sqlmodel import Session

    timings = []
    planned = []
    for _ in range(args.repeat):
        with Session(engine) as s:
            queries = 0
            start = time.perf_counter()
            planned = due_now(s, NOW, NudgeSettings())
            timings.append(time.perf_counter() - start)
            issued = queries
    print(f"{'what':<40}{'value':>12}")
    print(f"{'units × indicators × people':<40}{f'{args.units}×{args.indicators}×{args.people}':>12}")
    print(f"{'messages planned in the tick':<40}{len(planned):>12}")
    print(f"{'median ms per tick':<40}{statistics.median(timings) * 1000:>12.1f}")
    print(f"{'first tick ms (cold caches)':<40}{timings[0] * 1000:>12.1f}")
    print(f"{'SQL queries per tick':<40}{issued:>12}")


if __name__ == "__main__":
    main()
