"""Benchmark answering "คะแนนตอนนี้" for a department of 30 units × 30 indicators with two years of
monthly reports (two fiscal-year plans a unit, 21,600 reports a year). Prints the median answer time
for a manager of the whole department and for one unit's reporter. Never asserts.

Run: .venv/bin/python bench/query.py [--units 30] [--indicators 30] [--repeat 9]
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
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.clock import synthetic_plan
from handlers.queries.answers import QueryAnswerer
from scoring.fiscal import FiscalPeriod, fiscal_quarter_of
from store.db import make_engine, session_scope, upgrade
from store.models import Person, ProgressReport, Role, RoleGrant
from store.plans import import_plan

NOW = datetime(2024, 6, 25, 3, 0, tzinfo=UTC)


def build(url: str, units: int, indicators: int) -> tuple[int, int]:
    upgrade(url)
    engine = make_engine(url)
    with session_scope(engine) as s:
        for fy in (2566, 2567):
            for u in range(units):
                plan = synthetic_plan(u, indicators).model_copy(update={"id": f"fy{fy}-unit-{u}", "fiscal_year": fy})
                import_plan(s, plan, now=NOW)
        manager = Person(name="ผู้บริหาร")
        s.add(manager)
        s.flush()
        unit_ids = [row[0] for row in s.execute(sa.text("SELECT id FROM unit ORDER BY id"))]
        for uid in unit_ids:
            s.add(RoleGrant(person_id=manager.id or 0, role=Role.manager, unit_id=uid))
        reporter = Person(name="ผู้รายงาน", unit_id=unit_ids[0])
        s.add(reporter)
        s.flush()
        s.add(RoleGrant(person_id=reporter.id or 0, role=Role.reporter, unit_id=unit_ids[0]))
        rows = []
        for ind_id, plan_fy in s.execute(
            sa.text("SELECT i.id, p.fiscal_year FROM indicator i JOIN plan p ON p.id = i.plan_id")
        ):
            for month in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9):
                year = plan_fy - 543 - (1 if month >= 10 else 0)
                when = datetime(year, month, 18, 3, tzinfo=UTC)
                rows.append(
                    {
                        "indicator_id": ind_id,
                        "fiscal_year": plan_fy,
                        "quarter": fiscal_quarter_of(when.date()),
                        "month": month,
                        "period": FiscalPeriod(plan_fy, fiscal_quarter_of(when.date()), month).label,
                        "value": 40.0 + month * 4,
                        "done": [],
                        "narrative": "",
                        "problems": "",
                        "status": "reported",
                        "reported_by": reporter.id,
                        "reported_at": when,
                    }
                )
        s.execute(sa.insert(ProgressReport.__table__), rows)  # type: ignore[attr-defined]
        ids = (manager.id or 0, reporter.id or 0)
    engine.dispose()
    return ids


def timed(engine: sa.Engine, person_id: int, repeat: int) -> tuple[float, str]:
    timings = []
    text = ""
    for _ in range(repeat):
        with Session(engine) as s:
            person = s.get(Person, person_id)
            start = time.perf_counter()
            reply = QueryAnswerer(s, person, "U" + "0" * 32, NOW).answer("คะแนนตอนนี้เท่าไร")
            timings.append(time.perf_counter() - start)
            text = reply.messages[0].text
    return statistics.median(timings), text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--indicators", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='tidtam-query-')) / 'q.db'}"
    manager, reporter = build(url, args.units, args.indicators)
    engine = make_engine(url)
    with engine.connect() as conn:
        reports = conn.execute(sa.text("SELECT count(*) FROM progress_report")).scalar_one()
    department, _ = timed(engine, manager, args.repeat)
    one_unit, sample = timed(engine, reporter, args.repeat)
    print(f"{'what':<46}{'value':>12}")
    print(f"{'units × indicators, reports stored':<46}{f'{args.units}×{args.indicators}, {reports}':>12}")
    print(f"{'median ms, manager of all units (carousel)':<46}{department * 1000:>12.1f}")
    print(f"{'median ms, one unit (reporter)':<46}{one_unit * 1000:>12.1f}")
    print(f"{'answer (one unit)':<46} {sample}")


if __name__ == "__main__":
    main()
