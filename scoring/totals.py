"""Group and plan totals: a unit's score is the weighted sum over its plan's tree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring.plan import Group, Plan
from scoring.rubric import Evaluation, Result, evaluate


@dataclass(frozen=True)
class GroupScore:
    code: str
    name: str
    points: float
    max_points: float
    groups: tuple[GroupScore, ...]
    indicators: tuple[Evaluation, ...]


@dataclass(frozen=True)
class PlanScore:
    plan_id: str
    total: float
    max: float
    groups: tuple[GroupScore, ...]

    def indicators(self) -> list[Evaluation]:
        out: list[Evaluation] = []

        def walk(g: GroupScore) -> None:
            out.extend(g.indicators)
            for sub in g.groups:
                walk(sub)

        for g in self.groups:
            walk(g)
        return out


def score_group(group: Group, results: Mapping[str, Result], *, interpolate: bool, advice: bool = True) -> GroupScore:
    evaluations = tuple(
        evaluate(i, results.get(i.code), interpolate=interpolate, advice=advice) for i in group.indicators
    )
    subs = tuple(score_group(g, results, interpolate=interpolate, advice=advice) for g in group.groups)
    points = sum(e.points for e in evaluations if e.counted) + sum(s.points for s in subs)
    max_points = sum(e.max_points for e in evaluations if e.counted) + sum(s.max_points for s in subs)
    return GroupScore(group.code, group.name, points, max_points, subs, evaluations)


def score_plan(plan: Plan, results: Mapping[str, Result], *, advice: bool = True) -> PlanScore:
    """Score every indicator; indicators without a result score 0 (the score so far).

    ``advice=False`` skips the Thai "what the next level needs" texts when only numbers are shown.
    """
    groups = tuple(score_group(g, results, interpolate=plan.interpolate, advice=advice) for g in plan.groups)
    return PlanScore(
        plan_id=plan.id,
        total=sum(g.points for g in groups),
        max=sum(g.max_points for g in groups),
        groups=groups,
    )
