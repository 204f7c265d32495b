"""Benchmark: score 50 units × 30 indicators (synthetic plans and results).

Prints the median time of a full recomputation (every unit's plan) and per indicator. Never asserts.
Run: .venv/bin/python bench/score.py [--units 50] [--indicators 30] [--repeat 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from scoring.plan import Direction, Group, Indicator, Plan, Rubric, RubricKind, RubricLevel
from scoring.rubric import Result
from scoring.totals import score_plan


def synthetic_rubric(rng: random.Random, n: int) -> Rubric:
    kind = n % 4
    if kind == 0:  # percentage, higher is better, ≥
        return Rubric(levels=tuple(RubricLevel(level=lv, op=">=", value=55 + 10 * lv) for lv in range(1, 6)))
    if kind == 1:  # strict thresholds with a level-5 condition
        return Rubric(
            levels=tuple(
                RubricLevel(level=lv, op=">", value=30 + 10 * lv, requires=("report",) if lv == 5 else ())
                for lv in range(1, 6)
            ),
            conditions=({"id": "report", "text": "รายงานผู้บริหาร"},),  # type: ignore[arg-type]
        )
    if kind == 2:  # average minutes, lower is better
        return Rubric(
            direction=Direction.lower_is_better,
            levels=tuple(RubricLevel(level=lv, op="<=", value=70 - 10 * lv) for lv in range(1, 6)),
        )
    return Rubric(kind=RubricKind.ladder, levels=tuple(RubricLevel(level=lv, text=f"ขั้น {lv}") for lv in range(1, 6)))


def synthetic_unit(rng: random.Random, unit: int, indicators: int) -> tuple[Plan, dict[str, Result]]:
    inds = [
        Indicator(code=str(i + 1), name=f"ตัวชี้วัด {i + 1}", weight=100 / indicators, rubric=synthetic_rubric(rng, i))
        for i in range(indicators)
    ]
    groups = tuple(Group(code=str(g + 1), name=f"มิติ {g + 1}", indicators=tuple(inds[g::3])) for g in range(3))
    plan = Plan(id=f"unit-{unit}", title="แผน", unit=f"หน่วยงาน {unit}", fiscal_year=2567, groups=groups)
    results = {
        ind.code: Result.of(rng.uniform(0, 100), rng.sample(["report", "1", "2", "3", "4", "5"], rng.randint(0, 6)))
        for ind in inds
    }
    return plan, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(2567)
    units = [synthetic_unit(rng, u, args.indicators) for u in range(args.units)]
    for plan, results in units[:3]:  # warm-up
        score_plan(plan, results)
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        totals = [score_plan(plan, results).total for plan, results in units]
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    count = args.units * args.indicators
    print(f"{'what':<40}{'median':>14}")
    label = f"full recomputation ({args.units} units × {args.indicators})"
    print(f"{label:<40}{median * 1e3:>11.2f} ms")
    print(f"{'per indicator':<40}{median / count * 1e6:>11.2f} µs")
    print(f"{'per unit plan':<40}{median / args.units * 1e3:>11.3f} ms")
    print(f"{'runs':<40}{args.repeat:>14}")
    print(f"{'mean unit total (sanity)':<40}{statistics.mean(totals):>14.2f}")


if __name__ == "__main__":
    main()
