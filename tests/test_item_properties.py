"""Items and scores over random done sets, for every indicator of the sample plans that has items."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.items import items_of, level_items
from scoring.plan import Indicator, RubricKind
from scoring.rubric import Result, evaluate
from store.plan_files import load_plan

PLANS = Path(__file__).resolve().parent.parent / "plans"
WITH_ITEMS: list[Indicator] = [
    ind
    for path in sorted(PLANS.glob("*.yaml"))
    for ind in load_plan(path).indicators()
    if ind.rubric is not None and any(i.scored for i in items_of(ind))
]
VALUES = st.one_of(st.none(), st.floats(min_value=0, max_value=120, allow_nan=False))


@st.composite
def indicator_and_done(draw: st.DrawFn) -> tuple[Indicator, frozenset[str], str]:
    indicator = draw(st.sampled_from(WITH_ITEMS))
    ids = [i.id for i in items_of(indicator)]
    done = frozenset(draw(st.sets(st.sampled_from(ids))))
    extra = draw(st.sampled_from(ids))
    return indicator, done, extra


@settings(max_examples=400, deadline=None)
@given(indicator_and_done(), VALUES)
def test_the_level_never_exceeds_what_the_items_support(
    case: tuple[Indicator, frozenset[str], str], value: float | None
) -> None:
    indicator, done, _ = case
    level = evaluate(indicator, Result.of(value, done)).level
    rubric = indicator.rubric
    assert rubric is not None
    if level > 0 and rubric.kind is not RubricKind.checklist:
        # A ladder's level needs its milestones 1…n; a threshold level its own conditions.
        needed = (
            {i.id for i in level_items(indicator, level)}
            if rubric.kind is RubricKind.ladder
            else {c for lv in rubric.levels if lv.level == level for c in lv.requires}
        )
        assert needed <= done, (indicator.code, level, sorted(done))
    if rubric.kind is RubricKind.ladder:
        prefix = 0
        while str(prefix + 1) in done:
            prefix += 1
        assert level == min(prefix, 5)


@settings(max_examples=400, deadline=None)
@given(indicator_and_done(), VALUES)
def test_points_never_decrease_as_items_are_added(
    case: tuple[Indicator, frozenset[str], str], value: float | None
) -> None:
    indicator, done, extra = case
    before = evaluate(indicator, Result.of(value, done))
    after = evaluate(indicator, Result.of(value, done | {extra}))
    assert after.points >= before.points - 1e-9
    assert after.level >= before.level
