"""The things a reporter can finish for an indicator, whatever the rubric calls them.

Most BMA indicators are not percentages: a success ladder (level n = milestones 1…n), conditions a
threshold level requires (a report to the executives), an additive checklist, or a project's step
table. Chat, cards, nudges and exports all need the same list of them with the same ids, so the
list is made here, from the plan alone:

* ladder milestone: the level number ("1" … "5"), as ``Result.done`` already counts it;
* condition: its id in the rubric ("use-system");
* checklist item: its id ("s1-1", "2");
* project step: ``"step-" + no`` ("step-3"); steps are reported but never scored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from scoring.plan import Indicator, RubricKind
from scoring.rubric import Result, evaluate
from scoring.thai import MONTHS_ABBR

Kind = Literal["milestone", "condition", "checklist", "step"]
_STEP = "step-"


@dataclass(frozen=True)
class PlanItem:
    """One milestone, condition, checklist item or project step of an indicator."""

    id: str
    kind: Kind
    text: str
    no: str | None = None  # the number the plan prints for it, when it numbers its items
    points: float | None = None
    evidence: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    percent: float | None = None
    cumulative: float | None = None
    due: str | None = None

    @property
    def scored(self) -> bool:
        """Steps are progress to report; the others change the indicator's level or points."""
        return self.kind != "step"


def step_id(no: str) -> str:
    return f"{_STEP}{no}"


def _checklist_no(item_id: str) -> str | None:
    """Only ids that are plain numbers ("1", "2") are numbers a reporter would say ("ข้อ 2")."""
    return item_id if item_id.isdigit() else None


def items_of(indicator: Indicator) -> tuple[PlanItem, ...]:
    """Every item of an indicator, scored ones first, each in the plan's own order."""
    out: list[PlanItem] = []
    rubric = indicator.rubric
    fallback = indicator.evidence
    if rubric is not None:
        if rubric.kind is RubricKind.ladder:
            for lv in rubric.ordered_levels():
                out.append(
                    PlanItem(str(lv.level), "milestone", lv.text, str(lv.level), evidence=lv.evidence or fallback)
                )
        for c in rubric.conditions:
            out.append(PlanItem(c.id, "condition", c.text, evidence=c.evidence or fallback))
        for item in rubric.items:
            out.append(
                PlanItem(
                    item.id,
                    "checklist",
                    item.text,
                    _checklist_no(item.id),
                    points=item.points,
                    evidence=item.evidence or fallback,
                    due=item.due,
                )
            )
    for project in indicator.projects:
        for s in project.steps:
            out.append(
                PlanItem(
                    step_id(s.no),
                    "step",
                    s.text,
                    s.no,
                    months=s.months,
                    percent=s.percent,
                    cumulative=s.cumulative,
                )
            )
    return tuple(out)


def item_of(indicator: Indicator, item_id: str) -> PlanItem | None:
    return next((i for i in items_of(indicator) if i.id == item_id), None)


def level_items(indicator: Indicator, level: int) -> tuple[PlanItem, ...]:
    """What "ระดับ n" claims: on a ladder the milestones 1…n; on a threshold rubric the conditions
    levels up to n require (the number itself is reported, not claimed)."""
    rubric = indicator.rubric
    if rubric is None or level < 1:
        return ()
    wanted: list[str] = []
    for lv in rubric.ordered_levels():
        if lv.level > level:
            break
        if rubric.kind is RubricKind.ladder:
            wanted.append(str(lv.level))
        wanted += [c for c in lv.requires if c not in wanted]
    by_id = {i.id: i for i in items_of(indicator)}
    return tuple(by_id[w] for w in wanted if w in by_id)


def points_items(indicator: Indicator, points: float) -> tuple[PlanItem, ...]:
    """What "ได้ 35 คะแนน" claims on a checklist: the first items, in plan order, that add up to it
    exactly; none when no run of first items does (then the reporter is asked which ones)."""
    rubric = indicator.rubric
    if rubric is None or rubric.kind is not RubricKind.checklist:
        return ()
    total = 0.0
    run: list[PlanItem] = []
    checklist = [i for i in items_of(indicator) if i.kind == "checklist"]
    for item in checklist:
        total += item.points or 0
        run.append(item)
        if abs(total - points) < 1e-9:
            return tuple(run)
        if total > points:
            break
    return ()


def next_items(indicator: Indicator, done: Iterable[str], limit: int = 4) -> tuple[PlanItem, ...]:
    """The open items that would raise the score next, in order; steps when nothing is scored."""
    finished = set(done)
    items = items_of(indicator)
    scored = [i for i in items if i.scored and i.id not in finished]
    rubric = indicator.rubric
    if scored and rubric is not None and rubric.kind is not RubricKind.checklist:
        level = evaluate(indicator, Result.of(None, finished), advice=False).level
        needed = {i.id for i in level_items(indicator, level + 1)} if level < 5 else set()
        first = [i for i in scored if i.id in needed]
        scored = first + [i for i in scored if i.id not in needed]
    pool = scored or [i for i in items if not i.scored and i.id not in finished]
    return tuple(pool[:limit])


def planned_in(indicator: Indicator, month: int) -> tuple[PlanItem, ...]:
    """The project steps the step table plans in a calendar month (1–12): what a monthly reminder
    names, since the 20th's monthly report is where step-by-step progress is due."""
    name = MONTHS_ABBR[month - 1]
    return tuple(i for i in items_of(indicator) if i.kind == "step" and name in i.months)
