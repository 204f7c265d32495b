"""Seed 002 (FY2565) rubric kinds: milestone ladder, lower-is-better minutes, checklists, printed points."""

from __future__ import annotations

import pytest

from scoring.rubric import Result, evaluate
from scoring.totals import score_plan
from store.plan_files import load_plan
from tests.conftest import PLANS

PLAN = load_plan(PLANS / "fy2565-council-secretariat.yaml")


@pytest.mark.parametrize(
    ("done", "level", "points"),
    [
        ((), 0, 0),
        (("1",), 1, 6),
        (("1", "2", "3"), 3, 18),
        (("1", "2", "4", "5"), 2, 12),
        (("1", "2", "3", "4", "5"), 5, 30),
    ],
)
def test_k1_ladder_counts_only_the_first_milestones_in_a_row(done: tuple[str, ...], level: int, points: float) -> None:
    e = evaluate(PLAN.indicator("K1"), Result.of(None, done))
    assert (e.level, e.points) == (level, points)


@pytest.mark.parametrize(
    ("minutes", "done", "level"),
    [
        (19.99, ("use-system", "design-system"), 5),
        (20.0, ("use-system", "design-system"), 4),
        (30.0, ("use-system", "design-system"), 4),
        (30.01, ("use-system", "design-system"), 3),
        (50.0, ("use-system", "design-system"), 2),
        (55.0, ("use-system", "design-system"), 1),
        (10.0, ("design-system",), 1),  # fast, but the system is not in use yet
        (None, (), 0),
    ],
)
def test_k2_average_minutes_lower_is_better(minutes: float | None, done: tuple[str, ...], level: int) -> None:
    e = evaluate(PLAN.indicator("K2"), Result.of(minutes, done))
    assert e.level == level
    assert e.points == pytest.approx(20 * level / 5)


def test_k2_mean_from_total_minutes_and_count_has_no_times_100() -> None:
    # Σ minutes / n = 450 / 25 = 18 minutes → level 5 (the printed "× 100" is a template error).
    e = evaluate(PLAN.indicator("K2"), Result.of(None, ("use-system", "design-system"), numerator=450, denominator=25))
    assert e.level == 5


def test_lower_is_better_advice_says_how_much_faster() -> None:
    e = evaluate(PLAN.indicator("K2"), Result.of(35, ("use-system", "design-system")))
    assert e.level == 3
    assert e.next == "ถึงระดับ 4 ต้องได้ไม่เกิน 30 นาที (ลดลงอีก 5 นาที)"


def test_innovation_checklist_adds_points_of_items_done() -> None:
    c4 = PLAN.indicator("4")
    assert c4.rubric is not None
    ids = [i.id for i in c4.rubric.items]
    e = evaluate(c4, Result.of(None, ids[:3]))  # 10 + 10 + 30
    assert e.points == pytest.approx(50)
    assert e.max_points == 100 and not e.counted
    assert e.next is not None and e.next.startswith("ขั้นต่อไป:")
    assert evaluate(c4, Result.of(None, ids)).points == pytest.approx(100)


def test_budget_disbursement_uses_printed_points() -> None:
    c51 = PLAN.indicator("5.1")
    assert evaluate(c51, Result.of(89.9)).points == 0
    assert evaluate(c51, Result.of(90)).points == pytest.approx(60)
    assert evaluate(c51, Result.of(96)).points == pytest.approx(80)
    assert evaluate(c51, Result.of(100)).points == pytest.approx(100)


def test_unweighted_components_do_not_change_the_plan_total() -> None:
    c4_items = [i.id for i in PLAN.indicator("4").rubric.items]  # type: ignore[union-attr]
    scored = score_plan(
        PLAN,
        {"K1": Result.of(None, ["1", "2", "3", "4", "5"]), "4": Result.of(None, c4_items), "5.1": Result.of(100)},
    )
    assert scored.total == 30 and scored.max == 70


def test_interpolation_is_a_per_plan_option() -> None:
    fy2567 = load_plan(PLANS / "fy2567-governor-secretary.yaml")
    kpi1 = fy2567.indicator("1")
    assert evaluate(kpi1, Result.of(92.5)).points == pytest.approx(8)
    # Half-way from 90 (level 4) to 95 (level 5): 4.5 / 5 × 10 points.
    assert evaluate(kpi1, Result.of(92.5), interpolate=True).points == pytest.approx(9)
    interpolating = fy2567.model_copy(update={"interpolate": True})
    assert score_plan(interpolating, {"1": Result.of(92.5)}).total == pytest.approx(9)
    # A level-5 condition not done blocks interpolation towards level 5 (KPI 5: ≥90 + report).
    kpi5 = fy2567.indicator("5")
    assert evaluate(kpi5, Result.of(75), interpolate=True).points == pytest.approx(7)  # 3.5 / 5 × 10
    assert evaluate(kpi5, Result.of(89), interpolate=True).points == pytest.approx(8)
    assert evaluate(kpi5, Result.of(89, ["executive-report"]), interpolate=True).points == pytest.approx(9.8)
