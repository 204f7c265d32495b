"""Rubric evaluation: a result (value and conditions done) → level, points and what the next level needs.

Pure functions over ``scoring.plan``; the same code scores a chat report, a quarterly export and a
year-end projection, so nothing here reads a clock, a database or a file.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from scoring.plan import Direction, Indicator, Rubric, RubricKind, RubricLevel

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
}

# Float noise from numerator × 100 / denominator (e.g. 19 × 100 / 20 = 94.99999…) must not cost a level.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Result:
    """What a unit has achieved for one indicator: a value and the ids of conditions/milestones done."""

    value: float | None = None
    done: frozenset[str] = field(default_factory=frozenset)
    numerator: float | None = None
    denominator: float | None = None

    @classmethod
    def of(
        cls,
        value: float | None = None,
        done: Iterable[str] = (),
        *,
        numerator: float | None = None,
        denominator: float | None = None,
    ) -> Result:
        return cls(value, frozenset(str(d) for d in done), numerator, denominator)


def result_value(indicator: Indicator, result: Result) -> float | None:
    """The value to score: as reported, or numerator × multiplier / denominator by the formula.

    A mean (seed 002 K2/K3: Σ minutes / n) uses no multiplier, whatever the printed formula says.
    """
    if result.value is not None:
        return result.value
    if result.numerator is None or not result.denominator:
        return None
    formula = indicator.formula
    multiplier = 1.0 if formula is not None and formula.kind == "mean" else (formula.multiplier if formula else 100.0)
    return result.numerator * multiplier / result.denominator


@dataclass(frozen=True)
class Evaluation:
    """One indicator's score: level 0–5, the fraction of its points earned, and the advice for more."""

    code: str
    level: int
    fraction: float  # 0 … 1 of the indicator's points
    points: float
    max_points: float
    counted: bool  # adds to the plan total (it has a printed weight)
    next: str | None  # Thai: what the next level needs, or None at the top


def _compare(op: str, value: float, bound: float) -> bool:
    if op in (">=", "<="):
        return _OPS[op](value + (_EPSILON if op == ">=" else -_EPSILON), bound)
    return _OPS[op](value, bound)


def level_holds(rubric: Rubric, lv: RubricLevel, result: Result) -> bool:
    """Does this level's threshold hold and are all its conditions recorded as done?"""
    if any(cid not in result.done for cid in lv.requires):
        return False
    if lv.op is None or lv.value is None:
        return True
    if result.value is None:
        return False
    if rubric.is_floor(lv):
        return True  # "น้อยกว่าร้อยละ 80" on level 1 catches every result below the level above
    return _compare(lv.op, result.value, lv.value)


def rubric_level(rubric: Rubric, result: Result) -> int:
    """The highest level reached; 0 when none is (below level 1 earns nothing)."""
    if rubric.kind is RubricKind.ladder:
        reached = 0
        for lv in rubric.ordered_levels():
            if str(lv.level) not in result.done:
                break
            reached = lv.level
        return reached
    if rubric.kind is RubricKind.checklist:
        return _checklist_level(rubric, result)
    for lv in reversed(rubric._ordered):
        if level_holds(rubric, lv, result):
            return lv.level
    return 0


def checklist_earned(rubric: Rubric, result: Result) -> float:
    return sum(item.points for item in rubric.items if item.id in result.done)


def _checklist_level(rubric: Rubric, result: Result) -> int:
    """A checklist's level: its printed levels on the earned points, else fifths of its total."""
    earned = checklist_earned(rubric, result)
    if rubric.levels:
        return rubric_level(rubric.model_copy(update={"kind": RubricKind.threshold}), Result(earned, result.done))
    total = rubric.checklist_total
    return int(5 * earned / total + _EPSILON) if total else 0


def _level_fraction(rubric: Rubric, level: int) -> float:
    if level <= 0:
        return 0.0
    printed = {lv.level: lv.points for lv in rubric.levels if lv.points is not None}
    if printed:
        return printed.get(level, 0.0) / max(printed.values())
    return level / 5


def _interpolated(rubric: Rubric, result: Result, level: int) -> float:
    """Linear share of the way from this level's bound to the next one's (plans that opt in)."""
    if level >= 5 or result.value is None or rubric.kind is not RubricKind.threshold:
        return 0.0
    by_level = {lv.level: lv for lv in rubric.levels}
    here, nxt = by_level.get(level), by_level.get(level + 1)
    if here is None or nxt is None or here.value is None or nxt.value is None or rubric.is_floor(here):
        return 0.0
    if any(cid not in result.done for cid in nxt.requires):
        return 0.0
    span = nxt.value - here.value
    if span == 0:
        return 0.0
    share = (result.value - here.value) / span
    return min(max(share, 0.0), 0.999999)


def evaluate(
    indicator: Indicator, result: Result | None, *, interpolate: bool = False, advice: bool = True
) -> Evaluation:
    """Score one indicator; an indicator with no result yet scores 0 and says what level 1 needs."""
    result = result or Result()
    if result.value is None and result.numerator is not None:
        result = Result(result_value(indicator, result), result.done, result.numerator, result.denominator)
    rubric = indicator.rubric
    max_points = indicator.weight if indicator.weight is not None else (indicator.scale or 0.0)
    if rubric is None:
        return Evaluation(indicator.code, 0, 0.0, 0.0, max_points, indicator.counted, None)
    level = rubric_level(rubric, result)
    if rubric.kind is RubricKind.checklist and not rubric.levels:
        total = rubric.checklist_total
        fraction = checklist_earned(rubric, result) / total if total else 0.0
    else:
        fraction = _level_fraction(rubric, level)
        if interpolate and level > 0:
            step = _level_fraction(rubric, level + 1) - fraction if level < 5 else 0.0
            fraction += step * _interpolated(rubric, result, level)
    fraction = min(fraction, 1.0)
    return Evaluation(
        code=indicator.code,
        level=level,
        fraction=fraction,
        points=max_points * fraction,
        max_points=max_points,
        counted=indicator.counted,
        next=next_level_needs(indicator, result, level) if advice else None,
    )


# --- what the next level needs -------------------------------------------------------------------


def _fmt(x: float) -> str:
    """2.5 → "2.5", 3.0 → "3", 1234.5 → "1,234.5"."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _amount(indicator: Indicator, x: float) -> str:
    """ร้อยละ 95 / 12 โครงการ / 30 นาที: a number with its unit as Thai writes it."""
    unit = indicator.unit or ""
    if unit == "ร้อยละ":
        return f"ร้อยละ {_fmt(x)}"
    return f"{_fmt(x)} {unit}".strip()


def _join(words: str, amount: str) -> str:
    """Thai runs words together but sets numbers apart: "อย่างน้อยร้อยละ 95", "อย่างน้อย 8 โครงการ"."""
    return f"{words} {amount}" if amount[:1].isdigit() else f"{words}{amount}"


def _gap_text(indicator: Indicator, rubric: Rubric, lv: RubricLevel, value: float | None) -> str | None:
    if lv.op is None or lv.value is None or rubric.is_floor(lv):
        return None
    wording = {">=": "อย่างน้อย", ">": "มากกว่า", "<=": "ไม่เกิน", "<": "น้อยกว่า"}[lv.op]
    need = _join(f"ต้องได้{wording}", _amount(indicator, lv.value))
    if value is None:
        return need
    gap = lv.value - value if rubric.direction is Direction.higher_is_better else value - lv.value
    if gap < 0 or (gap == 0 and lv.op in (">=", "<=")):
        return None  # the number already holds; only conditions are missing
    if gap == 0:  # exactly on a strict threshold: "ต้องได้มากกว่าร้อยละ 50 (ตอนนี้ร้อยละ 50 พอดี)"
        return f"{need} ({_join('ตอนนี้', _amount(indicator, value))} พอดี)"
    verb = "อีก" if rubric.direction is Direction.higher_is_better else "ลดลงอีก"
    more = "มากกว่า" if lv.op in (">", "<") else ""
    return f"{need} ({_join(verb + more, _amount(indicator, gap))})"


def next_level_needs(indicator: Indicator, result: Result, level: int) -> str | None:
    """Thai advice such as "ถึงระดับ 4 ต้องได้อย่างน้อย 10 โครงการ (อีก 3 โครงการ)"; None at level 5."""
    rubric = indicator.rubric
    if rubric is None or level >= 5:
        return None
    if rubric.kind is RubricKind.checklist and not rubric.levels:
        todo = [i for i in rubric.items if i.id not in result.done]
        if not todo:
            return None
        item = todo[0]
        return f"ขั้นต่อไป: {item.text} ({_fmt(item.points)} คะแนน)"
    target = next((lv for lv in rubric.ordered_levels() if lv.level > level), None)
    if target is None:
        return None
    head = f"ถึงระดับ {target.level}"
    if rubric.kind is RubricKind.ladder:
        missing_levels = [
            lv for lv in rubric.ordered_levels() if lv.level <= target.level and str(lv.level) not in result.done
        ]
        steps = "; ".join(lv.text.strip() or f"ขั้นที่ {lv.level}" for lv in missing_levels)
        return f"{head} ต้องทำให้เสร็จ: {steps}"
    parts = []
    gap = _gap_text(indicator, rubric, target, result.value)
    if gap:
        parts.append(gap)
    conditions = {c.id: c.text for c in rubric.conditions}
    missing = [conditions[cid] for cid in target.requires if cid not in result.done]
    if missing:
        parts.append("และต้องมี: " + "; ".join(missing))
    if not parts:
        return f"{head} เมื่อรายงานผล (ยังไม่มีผลรายงาน)" if result.value is None else None
    text = " ".join(parts)
    if text.startswith("และ"):
        text = "ต้องมี: " + "; ".join(missing)
    return f"{head} {text}"
