"""Property tests of the scoring core over generated rubrics and result sets.

Points never decrease as a result improves (or falls, for lower-is-better); points never exceed
the weight; group and plan totals equal the sum of their parts.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.plan import Direction, Group, Indicator, Plan, Rubric, RubricLevel
from scoring.rubric import Result, evaluate
from scoring.totals import GroupScore, score_plan

EXAMPLES = settings(max_examples=3000, deadline=None)
OPS_HIGHER = (">=", ">")
OPS_LOWER = ("<=", "<")


@st.composite
def threshold_rubrics(draw: st.DrawFn) -> Rubric:
    direction = draw(st.sampled_from(list(Direction)))
    bounds = sorted(draw(st.lists(st.floats(0, 200, allow_nan=False), min_size=5, max_size=5)))
    if direction is Direction.higher_is_better:
        by_level = dict(zip(range(1, 6), bounds, strict=True))
    else:
        by_level = dict(zip(range(1, 6), reversed(bounds), strict=True))
    ops = OPS_HIGHER if direction is Direction.higher_is_better else OPS_LOWER
    floor = draw(st.booleans())
    with_condition = draw(st.booleans())
    levels = []
    for n in range(1, 6):
        if n == 1 and floor:
            op = "<" if direction is Direction.higher_is_better else ">"
            levels.append(RubricLevel(level=1, op=op, value=by_level[2]))
            continue
        requires = ("c",) if with_condition and n == 5 else ()
        levels.append(RubricLevel(level=n, op=draw(st.sampled_from(ops)), value=by_level[n], requires=requires))
    conditions: Any = ({"id": "c", "text": "รายงานผู้บริหาร"},) if with_condition else ()
    return Rubric(direction=direction, levels=tuple(levels), conditions=conditions)


def _indicator(code: str, rubric: Rubric, weight: float) -> Indicator:
    return Indicator(code=code, name=f"ตัวชี้วัด {code}", weight=weight, rubric=rubric, unit="ร้อยละ")


@EXAMPLES
@given(
    threshold_rubrics(),
    st.floats(0, 250, allow_nan=False),
    st.floats(0, 250, allow_nan=False),
    st.sampled_from([5, 10, 20, 30]),
    st.frozensets(st.just("c")),
    st.booleans(),
)
def test_points_monotone_and_bounded(
    rubric: Rubric, a: float, b: float, weight: float, done: frozenset[str], interpolate: bool
) -> None:
    ind = _indicator("1", rubric, weight)
    worse, better = sorted((a, b))
    if rubric.direction is Direction.lower_is_better:
        worse, better = better, worse
    e_worse = evaluate(ind, Result(worse, done), interpolate=interpolate)
    e_better = evaluate(ind, Result(better, done), interpolate=interpolate)
    assert e_better.points >= e_worse.points - 1e-9
    assert e_better.level >= e_worse.level
    for e in (e_worse, e_better):
        assert 0 <= e.points <= weight + 1e-9
        assert 0 <= e.level <= 5
        if not interpolate:
            assert abs(e.points - weight * e.level / 5) < 1e-9


@EXAMPLES
@given(threshold_rubrics(), st.floats(0, 250, allow_nan=False))
def test_doing_a_condition_never_costs_points(rubric: Rubric, value: float) -> None:
    ind = _indicator("1", rubric, 10)
    assert evaluate(ind, Result(value, frozenset({"c"}))).points >= evaluate(ind, Result(value)).points


@EXAMPLES
@given(threshold_rubrics())
def test_a_level_needing_a_condition_is_not_reached_without_it(rubric: Rubric) -> None:
    top = max(rubric.levels, key=lambda lv: lv.level)
    if not top.requires:
        return
    ind = _indicator("1", rubric, 10)
    best = 1e9 if rubric.direction is Direction.higher_is_better else -1e9
    assert evaluate(ind, Result(best)).level < 5
    assert evaluate(ind, Result(best, frozenset(top.requires))).level == 5


@st.composite
def plans_with_results(draw: st.DrawFn) -> tuple[Plan, dict[str, Result]]:
    groups = []
    results: dict[str, Result] = {}
    n = 0
    for g in range(draw(st.integers(1, 4))):
        indicators = []
        for _ in range(draw(st.integers(0, 5))):
            n += 1
            code = str(n)
            weight = draw(st.one_of(st.none(), st.sampled_from([5.0, 10.0, 20.0])))
            indicators.append(
                Indicator(
                    code=code,
                    name=f"ตัวชี้วัด {code}",
                    weight=weight,
                    scale=100 if weight is None else None,
                    rubric=draw(threshold_rubrics()),
                )
            )
            if draw(st.booleans()):
                results[code] = Result(draw(st.floats(0, 250, allow_nan=False)), frozenset(draw(st.sets(st.just("c")))))
        sub = Group(code=f"{g}.1", name="ย่อย", indicators=tuple(indicators[: len(indicators) // 2]))
        groups.append(
            Group(code=str(g), name="กลุ่ม", groups=(sub,), indicators=tuple(indicators[len(indicators) // 2 :]))
        )
    plan = Plan(id="p", title="t", unit="u", fiscal_year=2567, groups=tuple(groups), interpolate=draw(st.booleans()))
    return plan, results


def _check_group(g: GroupScore) -> None:
    parts = sum(e.points for e in g.indicators if e.counted) + sum(s.points for s in g.groups)
    assert abs(g.points - parts) < 1e-9
    assert g.points <= g.max_points + 1e-9
    for s in g.groups:
        _check_group(s)


@settings(max_examples=1500, deadline=None)
@given(plans_with_results())
def test_totals_equal_the_sum_of_parts(case: tuple[Plan, dict[str, Result]]) -> None:
    plan, results = case
    scored = score_plan(plan, results)
    assert abs(scored.total - sum(g.points for g in scored.groups)) < 1e-9
    assert abs(scored.total - sum(e.points for e in scored.indicators() if e.counted)) < 1e-9
    assert abs(scored.max - plan.weight_sum()) < 1e-9
    assert 0 <= scored.total <= scored.max + 1e-9
    for g in scored.groups:
        _check_group(g)


def test_advice_on_a_strict_threshold_says_the_value_sits_on_it() -> None:
    """ "มากกว่าร้อยละ 50" at exactly 50: the gap is not "อีกมากกว่าร้อยละ 0"."""
    from scoring.rubric import next_level_needs
    from store.plan_files import load_plan
    from tests.conftest import PLANS

    indicator = load_plan(PLANS / "fy2567-governor-secretary.yaml").indicator("3")
    result = Result.of(50.0)
    advice = next_level_needs(indicator, result, evaluate(indicator, result).level) or ""
    assert "ร้อยละ 0" not in advice and "ตอนนี้ร้อยละ 50 พอดี" in advice, advice
