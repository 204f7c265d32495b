"""The plan model: a performance agreement (คำรับรองการปฏิบัติราชการ) as validated data.

A plan is a tree of weighted groups (มิติ / องค์ประกอบ / sub-component) holding indicators.
Plans are transcribed from the seed documents into YAML under ``plans/``; this module only
validates the parsed mapping, so it stays free of I/O like the rest of ``scoring/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scoring.thai import thai_to_arabic_digits


class _Strict(BaseModel):
    """Unknown keys are typos in a hand-written plan: refuse them rather than ignore them."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Direction(StrEnum):
    """Whether a larger result is better (ร้อยละความสำเร็จ) or worse (average minutes)."""

    higher_is_better = "higher"
    lower_is_better = "lower"


class RubricKind(StrEnum):
    """How a result becomes a level; see ``domain.md`` for the eight kinds in the seeds."""

    threshold = "threshold"  # percentages, counts, minutes, baht; each level has op + value (+ conditions)
    ladder = "ladder"  # level n = the first n milestones (the levels themselves) done
    checklist = "checklist"  # additive points of completed items


Op = Literal[">=", ">", "<=", "<"]


class Condition(_Strict):
    """A condition or milestone a level needs besides its threshold (e.g. a report to executives)."""

    id: str
    text: str
    evidence: tuple[str, ...] = ()  # หลักฐาน of this condition; the indicator's list when empty


class RubricLevel(_Strict):
    """One row of เกณฑ์การให้คะแนน, with the comparison operator exactly as printed."""

    level: Annotated[int, Field(ge=1, le=5)]
    op: Op | None = None
    value: float | None = None
    requires: tuple[str, ...] = ()
    points: float | None = None  # printed points when they are not weight × level / 5 (seed 002 5.1)
    criterion: str | None = None  # เกณฑ์ร้อยละความสำเร็จ column, e.g. "ร้อยละ 80"
    text: str = ""
    evidence: tuple[str, ...] = ()  # หลักฐาน of a ladder milestone; the indicator's list when empty

    @model_validator(mode="after")
    def _op_and_value_together(self) -> RubricLevel:
        if (self.op is None) != (self.value is None):
            raise ValueError("op and value must be given together")
        return self


class ChecklistItem(_Strict):
    """An activity of an additive checklist and the points it earns when done."""

    id: str
    text: str
    points: float
    due: str | None = None  # กำหนดเวลา as printed, e.g. "ธันวาคม 2564"
    evidence: tuple[str, ...] = ()


class Rubric(_Strict):
    """เกณฑ์การให้คะแนน: turns a result (value and conditions done) into a level 0–5."""

    kind: RubricKind = RubricKind.threshold
    direction: Direction = Direction.higher_is_better
    title: str | None = None
    levels: tuple[RubricLevel, ...] = ()
    conditions: tuple[Condition, ...] = ()
    items: tuple[ChecklistItem, ...] = ()
    total: float | None = None  # checklist scale, e.g. 100 คะแนน
    notes: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        numbers = [lv.level for lv in self.levels]
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"levels repeat: {sorted(numbers)}")
        known = {c.id for c in self.conditions}
        for lv in self.levels:
            for cid in lv.requires:
                if cid not in known:
                    raise ValueError(f"level {lv.level} requires unknown condition {cid!r}")
        if self.kind is RubricKind.checklist:
            if not self.items:
                raise ValueError("a checklist rubric needs items")
            ids = [i.id for i in self.items]
            if len(set(ids)) != len(ids):
                raise ValueError("checklist item ids repeat")
        elif not self.levels:
            raise ValueError(f"a {self.kind} rubric needs levels")
        if self.kind is RubricKind.threshold:
            for lv in self.levels:
                if lv.op is None and not lv.requires:
                    raise ValueError(f"level {lv.level} has neither a threshold nor a condition")
            self._check_thresholds_monotone()
        return self

    def _check_thresholds_monotone(self) -> None:
        """A higher level must never be easier to reach than a lower one: that keeps scores monotone."""
        bounds = [
            (lv.level, lv.value) for lv in self.ordered_levels() if lv.value is not None and not self.is_floor(lv)
        ]
        for (lo_level, lo), (hi_level, hi) in pairwise(bounds):
            assert lo is not None and hi is not None
            worse = hi < lo if self.direction is Direction.higher_is_better else hi > lo
            if worse:
                raise ValueError(f"level {hi_level} threshold {hi} is easier than level {lo_level} threshold {lo}")

    def ordered_levels(self) -> list[RubricLevel]:
        return list(self._ordered)

    @cached_property
    def _ordered(self) -> tuple[RubricLevel, ...]:
        """Sorted once per rubric: scoring a department evaluates the same rubrics thousands of times."""
        return tuple(sorted(self.levels, key=lambda lv: lv.level))

    def is_floor(self, lv: RubricLevel) -> bool:
        """A level whose operator points against the direction ("น้อยกว่าร้อยละ 80" for level 1).

        It catches every result worse than the level above, so any reported value earns it.
        """
        if lv.op is None:
            return False
        if self.direction is Direction.higher_is_better:
            return lv.op in ("<", "<=")
        return lv.op in (">", ">=")

    @property
    def checklist_total(self) -> float:
        return self.total if self.total is not None else sum(i.points for i in self.items)


class Formula(_Strict):
    """วิธีคำนวณ: a ratio numerator × multiplier / denominator, or a mean, with the printed text."""

    kind: Literal["ratio", "mean", "count", "sum", "text"] = "ratio"
    numerator: str | None = None
    denominator: str | None = None
    multiplier: float = 100
    text: str | None = None
    notes: str | None = None


class Step(_Strict):
    """A project step (ขั้นตอน) with its share of the work and the months it is planned in."""

    no: str
    text: str
    percent: float | None = None
    cumulative: float | None = None
    months: tuple[str, ...] = ()


class Project(_Strict):
    """โครงการ/กิจกรรม supporting an indicator, with its step table where the seed has one."""

    name: str
    budget: float | None = None
    owner: str | None = None
    steps: tuple[Step, ...] = ()


class QuarterProgress(_Strict):
    """Progress printed in a seed report for one quarter (seed 000's "(ไตรมาส 1) …")."""

    quarter: Annotated[int, Field(ge=1, le=4)]
    value: float | None = None
    text: str = ""


class Target(_Strict):
    value: float | None = None
    text: str


class Indicator(_Strict):
    """ตัวชี้วัด: what is measured, how it is scored and who reports it."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    type: Literal["ผลผลิต", "ผลลัพธ์"] | None = None
    unit: str | None = None  # หน่วยนับ: ร้อยละ, ครั้ง, โครงการ, ระบบ, แนวทาง, ระดับ, นาที, บาท
    baseline: dict[int, float | str | None] = Field(default_factory=dict)
    target: Target | None = None
    weight: float | None = None  # น้ำหนักคะแนน; None when the seed prints none
    scale: float | None = None  # own points scale where no weight is printed (e.g. 100 คะแนน)
    strategy_code: str | None = None
    formula: Formula | None = None
    definitions: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    assessor: str | None = None
    rubric: Rubric | None = None
    projects: tuple[Project, ...] = ()
    progress: tuple[QuarterProgress, ...] = ()
    notes: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("code", mode="before")
    @classmethod
    def _code_as_text(cls, v: object) -> object:
        return str(v) if isinstance(v, int | float) else v

    @field_validator("baseline", mode="before")
    @classmethod
    def _baseline_years(cls, v: object) -> object:
        if isinstance(v, dict):
            return {int(thai_to_arabic_digits(str(k))): val for k, val in v.items()}
        return v

    @field_validator("weight", "scale")
    @classmethod
    def _non_negative(cls, v: float | None) -> float | None:
        if v is not None and v < 0:
            raise ValueError("must not be negative")
        return v

    @model_validator(mode="after")
    def _rubric_points_fit(self) -> Indicator:
        if self.weight is not None and self.weight > 0 and self.rubric is None:
            raise ValueError("a weighted indicator needs a rubric")
        return self

    @property
    def counted(self) -> bool:
        """Only indicators with a printed weight add to their group's total."""
        return self.weight is not None


class Group(_Strict):
    """มิติ / องค์ประกอบ / sub-component: a weighted node of the plan tree."""

    code: str
    kind: str = "องค์ประกอบ"
    name: str
    weight: float | None = None
    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    @field_validator("code", mode="before")
    @classmethod
    def _code_as_text(cls, v: object) -> object:
        return str(v) if isinstance(v, int | float) else v

    @model_validator(mode="after")
    def _parts_match_printed_weight(self) -> Group:
        parts = self.weight_of_parts()
        if self.weight is not None and parts and abs(parts - self.weight) > 1e-9:
            raise ValueError(f"group {self.code} prints weight {self.weight:g} but its indicators sum to {parts:g}")
        return self

    def walk(self) -> Iterator[Indicator]:
        yield from self.indicators
        for g in self.groups:
            yield from g.walk()

    def weight_of_parts(self) -> float:
        """Sum of the counted weights beneath this group (the printed weight should match it)."""
        return sum(i.weight or 0 for i in self.walk())


class DeadlineRules(_Strict):
    """When reports are due; the defaults are seed 004's (20th monthly; 20 Dec, 20 Mar, 20 Jun, 15 Sep)."""

    monthly_day: Annotated[int, Field(ge=1, le=28)] = 20
    quarterly: tuple[str, str, str, str] = ("12-20", "03-20", "06-20", "09-15")

    @field_validator("quarterly")
    @classmethod
    def _month_day(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for md in v:
            month, _, day = md.partition("-")
            if not (month.isdigit() and day.isdigit() and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
                raise ValueError(f"{md!r} is not MM-DD")
        return v


class Plan(_Strict):
    """One unit's plan for one fiscal year (Buddhist Era)."""

    id: str
    title: str
    unit: str
    unit_aliases: tuple[str, ...] = ()
    fiscal_year: Annotated[int, Field(ge=2500, le=2700)]
    version: int = 1
    source: str | None = None
    interpolate: bool = False  # some assessors interpolate linearly between levels; default off
    deadlines: DeadlineRules = DeadlineRules()
    units: tuple[str, ...] = ()  # sub-units (ฝ่าย / กลุ่มงาน) that own indicators
    groups: tuple[Group, ...]
    notes: str | None = None

    @model_validator(mode="after")
    def _codes_unique(self) -> Plan:
        seen: set[str] = set()
        for ind in self.indicators():
            if ind.code in seen:
                raise ValueError(f"indicator code {ind.code!r} appears twice")
            seen.add(ind.code)
        return self

    def indicators(self) -> Iterator[Indicator]:
        for g in self.groups:
            yield from g.walk()

    def indicator(self, code: str) -> Indicator:
        for ind in self.indicators():
            if ind.code == code:
                return ind
        raise KeyError(code)

    def weight_sum(self) -> float:
        """Sum of the counted indicator weights: the maximum score of the plan."""
        return sum(g.weight_of_parts() for g in self.groups)

    def declared_weight(self) -> float | None:
        """Sum of the top groups' printed weights (มิติ 60/10/20/10 → 100), if every one is printed."""
        weights = [g.weight for g in self.groups]
        return None if any(w is None for w in weights) else sum(w or 0 for w in weights)
