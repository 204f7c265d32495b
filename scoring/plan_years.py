"""Next year's plan from this year's (rollover): the same indicators, targets and rubrics, re-dated.

Most of a performance agreement carries over from one fiscal year to the next. What is bound to the
year is the plan's id (``fy2567-…``), its fiscal year and the years written in its text: "ตุลาคม ๒๕๖๖
ถึง กันยายน ๒๕๖๗", a checklist item due "ธันวาคม 2564", "ธ.ค. 62". Only years inside the plan's own
fiscal year move (FY−1 for October–December, and FY): any other year is history or a long-range plan
("แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี (พ.ศ. 2561 – 2580)", "มติ ก.ก. ครั้งที่ ๔/๒๕๖๑") and stays. A year
keeps the digits it was written in (Thai or Arabic, four digits or two after a month or "ปี").

The numbers of the year that ended do not carry over: the progress a seed printed is dropped, and
baselines move to the years before the new one (a value is kept where its year is still among them,
the rest are left empty); notes on the plan and the indicators say both are to be reviewed. Notes
themselves and the ``source`` are not re-dated: they describe the document the plan was transcribed
from. Pure: reading and writing files is the caller's.
"""

from __future__ import annotations

import re
from typing import Any

from scoring import plan_years_texts as t
from scoring.plan import Plan
from scoring.thai import MONTHS_ABBR, MONTHS_FULL, arabic_to_thai_digits, thai_to_arabic_digits

_DIGIT = "0-9๐-๙"
# Four digits that are a whole number: not inside a longer one, a decimal ("1.2567"), a thousands
# group ("12,567") or a numbered reference ("ครั้งที่ ๔/๒๕๖๑", "กท 0100/2567").
_FULL_YEAR = re.compile(rf"(?<![{_DIGIT}/])(?<![{_DIGIT}][.,])([{_DIGIT}]{{4}})(?![{_DIGIT}]|[.,][{_DIGIT}])")
_SHORT_BEFORE = "|".join(re.escape(m) for m in (*MONTHS_FULL, *MONTHS_ABBR, "พ.ศ.", "ปี"))
_SHORT_YEAR = re.compile(rf"((?:{_SHORT_BEFORE})\s*)([{_DIGIT}]{{2}})(?![{_DIGIT}])")
# Identifiers and the transcriber's notes are never re-dated.
_KEPT = frozenset({"id", "code", "strategy_code", "no", "requires", "source", "notes", "baseline", "progress"})


def _written_like(original: str, number: int, width: int) -> str:
    text = f"{number % 10**width:0{width}d}"
    return arabic_to_thai_digits(text) if original[0] in "๐๑๒๓๔๕๖๗๘๙" else text


def shift_years(text: str, from_year: int, to_year: int) -> str:
    """``text`` with the years of fiscal year ``from_year`` (FY−1 and FY, พ.ศ.) moved to ``to_year``'s."""
    delta = to_year - from_year
    if not delta or not text:
        return text
    bound = {from_year - 1, from_year}

    def full(m: re.Match[str]) -> str:
        year = int(thai_to_arabic_digits(m.group(1)))
        return _written_like(m.group(1), year + delta, 4) if year in bound else m.group(0)

    def short(m: re.Match[str]) -> str:
        two = int(thai_to_arabic_digits(m.group(2)))
        year = next((y for y in bound if y % 100 == two), None)
        return m.group(1) + _written_like(m.group(2), year + delta, 2) if year is not None else m.group(0)

    return _SHORT_YEAR.sub(short, _FULL_YEAR.sub(full, text))


def _shift_tree(node: Any, from_year: int, to_year: int) -> Any:
    if isinstance(node, str):
        return shift_years(node, from_year, to_year)
    if isinstance(node, list):
        return [_shift_tree(x, from_year, to_year) for x in node]
    if isinstance(node, dict):
        return {k: v if k in _KEPT else _shift_tree(v, from_year, to_year) for k, v in node.items()}
    return node


def rolled_id(plan_id: str, to_year: int) -> str:
    """``fy2567-governor-secretary`` → ``fy2570-governor-secretary``; an id without the year gets it."""
    if re.match(r"fy[0-9]{4}(?![0-9])", plan_id):
        return f"fy{to_year}{plan_id[6:]}"
    return f"fy{to_year}-{plan_id}"


def _with_note(note: str, old: str | None) -> str:
    return f"{note}\n{old}" if old else note


def _roll_indicator(ind: dict[str, Any], from_year: int, to_year: int) -> dict[str, Any]:
    delta = to_year - from_year
    notes: list[str] = []
    baseline = {int(y): v for y, v in (ind.get("baseline") or {}).items()}
    if baseline:
        moved = {y + delta: baseline.get(y + delta) for y in sorted(baseline)}
        ind["baseline"] = moved
        unknown = [str(y) for y, v in moved.items() if v is None]
        if unknown:
            notes.append(t.BASELINE_NOTE.format(years=", ".join(unknown)))
    if ind.get("progress"):
        ind["progress"] = []
        notes.append(t.PROGRESS_NOTE.format(year=from_year))
    if notes:
        ind["notes"] = _with_note(" ".join(notes), ind.get("notes"))
    return ind


def _roll_groups(groups: list[dict[str, Any]], from_year: int, to_year: int) -> list[dict[str, Any]]:
    for group in groups:
        group["indicators"] = [_roll_indicator(i, from_year, to_year) for i in group.get("indicators", [])]
        group["groups"] = _roll_groups(group.get("groups", []), from_year, to_year)
    return groups


def rollover(plan: Plan, to_year: int) -> Plan:
    """The plan for fiscal year ``to_year``: re-dated, targets and rubrics kept, the past year's numbers
    left to review. Rolling a plan into its own year returns it unchanged."""
    source_year = plan.fiscal_year
    if to_year == source_year:
        return plan
    data = _shift_tree(plan.model_dump(mode="json", exclude={"version"}), source_year, to_year)
    data["groups"] = _roll_groups(data["groups"], source_year, to_year)
    delta = to_year - source_year
    note = t.PLAN_NOTE.format(
        source_id=plan.id,
        source_year=source_year,
        years=f"{source_year - 1}–{source_year}",
        new_years=f"{source_year - 1 + delta}–{to_year}",
    )
    data.update(id=rolled_id(plan.id, to_year), fiscal_year=to_year, notes=_with_note(note, plan.notes))
    return Plan.model_validate(data)
