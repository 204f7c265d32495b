"""The plan built from the workbook's rows by the plan model itself, with every error at its cell.

Validating the whole plan in one call would stop at the first broken layer: Pydantic runs a model's
own rules (thresholds that rise, weights that add up, codes that do not repeat) only once all its
fields are valid, so a typo in one indicator would hide a group's weight sum. So the plan is built
bottom-up, a row at a time (a rubric level, a step), then each rubric, indicator, group and the plan,
each from the parts already built; a part that failed is stood in for by what its row did say, so
the rules above it still run on the rest. A level that breaks a rubric's rule is reported, left out,
and the rubric checked again, so a rubric with two wrong levels names both. Each error is turned into
Thai and placed on the row and column it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from scoring.plan import (
    ChecklistItem,
    Condition,
    Direction,
    Group,
    Indicator,
    Plan,
    Project,
    QuarterProgress,
    Rubric,
    RubricKind,
    RubricLevel,
    Step,
)
from scoring.thai import thai_to_arabic_digits
from store import plan_workbook_texts as T
from store.plan_workbook_errors import OnError, column_key, describe, field_errors, rule_message, validate
from store.plan_workbook_layout import GROUP_SEPARATOR, HEADER, INDICATORS, QUARTER_KEYS, RUBRIC
from store.plan_workbook_read import Problems, SheetRow, WorkbookRows

_M = TypeVar("_M", bound=BaseModel)
_P = TypeVar("_P")

# Pydantic runs a model's own rules even on a built object passed in, so a stand-in must keep them:
# a rubric that failed is stood in for by this valid one (its indicator "has a rubric").
_RUBRIC_STAND_IN = Rubric(kind=RubricKind.ladder, levels=(RubricLevel(level=1),))
_HEADER_PLACEHOLDER = {"id": "-", "title": "-", "unit": "-", "fiscal_year": 2500}


@dataclass
class _ProjectRows:
    row: SheetRow
    steps: list[SheetRow] = field(default_factory=list)


@dataclass
class _IndicatorRows:
    row: SheetRow
    code: str | None
    group: tuple[str, ...] | None
    rubric: defaultdict[str, list[SheetRow]] = field(default_factory=lambda: defaultdict(list))
    projects: dict[str, _ProjectRows] = field(default_factory=dict)
    progress: list[SheetRow] = field(default_factory=list)


@dataclass
class _Built:
    """A part of the plan: the model object, or a stand-in when ``ok`` is false."""

    obj: Any
    ok: bool
    tainted: bool = False  # its weight is unreadable, so no sum above it can be checked


def build_plan(rows: WorkbookRows, problems: Problems) -> Plan | None:
    """The validated plan, or None when ``problems`` holds anything (found here or before)."""
    if not rows.complete:
        _header_data(rows.header, problems)  # the header's own gaps are worth saying already
        return None
    groups = _group_rows(rows.tables["groups"], problems)
    indicators = _indicator_rows(rows.tables["indicators"], groups, problems)
    by_code = {i.code: i for i in reversed(indicators) if i.code is not None}  # the first row of a code
    _attach_rubric_rows(rows.tables["rubric"], by_code, problems)
    _attach_projects(rows.tables["projects"], rows.tables["steps"], by_code, problems)
    _attach_progress(rows.tables["progress"], by_code, problems)
    if not indicators:
        problems.in_sheet(INDICATORS, T.NO_INDICATORS)
    built = {id(entry): _indicator(entry, problems) for entry in indicators}
    roots = _tree(groups, indicators, built, problems)
    header = _header_data(rows.header, problems)
    plan = validate(
        Plan,
        {**header, "groups": [g.obj for g in roots]},
        _header_errors(rows.header, indicators, problems),
        rule_fields={"groups"},
        placeholder=_HEADER_PLACEHOLDER,
    )
    if problems.found or plan is None:
        return None
    return plan


def _nest(values: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """Dotted keys ("target.text") as the nested mapping the model reads."""
    out: dict[str, Any] = {}
    for key in keys:
        if key not in values:
            continue
        head, _, tail = key.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = values[key]
        else:
            out[key] = values[key]
    return out


def _path(row: SheetRow, key: str, problems: Problems) -> tuple[str, ...] | None:
    text = row.values.get(key)
    if text is None:
        problems.at(row, key, T.REQUIRED.format(label=row.sheet.column(key).label))
        return None
    parts = tuple(p.strip() for p in str(text).split(GROUP_SEPARATOR))
    if not all(parts):
        problems.at(row, key, T.BAD_PATH.format(label=row.sheet.column(key).label, value=text))
        return None
    return parts


def _path_text(path: tuple[str, ...]) -> str:
    return f" {GROUP_SEPARATOR} ".join(path)


# --- the rows, sorted under the indicator they belong to ---------------------------------------------


def _group_rows(rows: list[SheetRow], problems: Problems) -> dict[tuple[str, ...], SheetRow]:
    out: dict[tuple[str, ...], SheetRow] = {}
    for row in rows:
        path = _path(row, "path", problems)
        if path is None:
            continue
        if path in out:
            problems.at(row, "path", T.GROUP_TWICE.format(path=_path_text(path), other=out[path].number))
            continue
        out[path] = row
    for path, row in out.items():
        if len(path) > 1 and path[:-1] not in out:
            problems.at(row, "path", T.UNKNOWN_PARENT.format(path=_path_text(path[:-1])))
    return out


def _indicator_rows(
    rows: list[SheetRow], groups: Mapping[tuple[str, ...], SheetRow], problems: Problems
) -> list[_IndicatorRows]:
    out = []
    for row in rows:
        path = _path(row, "group", problems)
        if path is not None and path not in groups:
            problems.at(row, "group", T.UNKNOWN_GROUP.format(path=_path_text(path), sheet=T.SHEET_GROUPS))
        code = row.values.get("code")
        out.append(_IndicatorRows(row, code if isinstance(code, str) else None, path))
    return out


def _owner(row: SheetRow, by_code: Mapping[str, _IndicatorRows], problems: Problems) -> _IndicatorRows | None:
    code = row.values.get("indicator")
    if code is None:
        problems.at(row, "indicator", T.REQUIRED.format(label=row.sheet.column("indicator").label))
        return None
    entry = by_code.get(code)
    if entry is None:
        problems.at(row, "indicator", T.UNKNOWN_INDICATOR.format(code=code, sheet=T.SHEET_INDICATORS))
    return entry


def _attach_rubric_rows(rows: list[SheetRow], by_code: Mapping[str, _IndicatorRows], problems: Problems) -> None:
    for row in rows:
        entry = _owner(row, by_code, problems)
        kind = row.values.get("row")
        column = RUBRIC.column("row")
        if kind is None:
            problems.at(row, "row", T.REQUIRED.format(label=column.label))
        elif kind not in T.ROW_KINDS:
            choices = ", ".join(T.ROW_KINDS.values())
            problems.at(row, "row", T.NOT_A_CHOICE.format(label=column.label, choices=choices, value=kind))
        elif entry is not None:
            entry.rubric[kind].append(row)


def _attach_projects(
    projects: list[SheetRow], steps: list[SheetRow], by_code: Mapping[str, _IndicatorRows], problems: Problems
) -> None:
    for row in projects:
        entry = _owner(row, by_code, problems)
        name = row.values.get("name")
        if entry is None or not isinstance(name, str):
            continue  # a project without a name is refused when it is validated
        if name in entry.projects:
            problems.at(row, "name", T.PROJECT_TWICE.format(code=entry.code, other=entry.projects[name].row.number))
            continue
        entry.projects[name] = _ProjectRows(row)
    for row in steps:
        entry = _owner(row, by_code, problems)
        name = row.values.get("project")
        if entry is None:
            continue
        if name is None:
            problems.at(row, "project", T.REQUIRED.format(label=row.sheet.column("project").label))
        elif name not in entry.projects:
            problems.at(row, "project", T.UNKNOWN_PROJECT.format(name=name, code=entry.code, sheet=T.SHEET_PROJECTS))
        else:
            entry.projects[name].steps.append(row)


def _attach_progress(rows: list[SheetRow], by_code: Mapping[str, _IndicatorRows], problems: Problems) -> None:
    for row in rows:
        entry = _owner(row, by_code, problems)
        if entry is not None:
            entry.progress.append(row)


# --- an indicator and its rubric ----------------------------------------------------------------------

_INDICATOR_KEYS = tuple(c.key for c in INDICATORS.columns if c.key != "group" and not c.key.startswith("rubric."))
_RUBRIC_KEYS = tuple(c.key for c in INDICATORS.columns if c.key.startswith("rubric."))


def _fields(row: SheetRow, *skip: str) -> dict[str, Any]:
    return {k: v for k, v in row.values.items() if k not in ("indicator", "row", "project", *skip)}


def _indicator(entry: _IndicatorRows, problems: Problems) -> _Built:
    row = entry.row
    data = _nest(row.values, _INDICATOR_KEYS)
    rubric_header = {k.removeprefix("rubric."): v for k, v in row.values.items() if k in _RUBRIC_KEYS}
    parts_ok = True
    if rubric_header or any(entry.rubric.values()):
        rubric = _rubric(entry, rubric_header, problems)
        parts_ok = rubric is not None
        data["rubric"] = rubric if rubric is not None else _RUBRIC_STAND_IN
    projects = [_project(p, problems) for p in entry.projects.values()]
    progress = [validate(QuarterProgress, _fields(r), field_errors(r, problems)) for r in entry.progress]
    data["projects"] = [p for p in projects if p is not None]
    data["progress"] = [p for p in progress if p is not None]
    parts_ok = parts_ok and None not in projects and None not in progress

    def rules(err: ErrorDetails) -> None:
        if rule_message(err) == "a weighted indicator needs a rubric":
            message = T.WEIGHT_NEEDS_RUBRIC.format(code=entry.code, sheet=T.SHEET_RUBRIC)
            problems.at(row, "weight", message)
        else:
            problems.at(row, None, T.INVALID.format(label=entry.code, detail=rule_message(err)))

    on_error = field_errors(row, problems, rules=rules)
    indicator = validate(Indicator, data, on_error, rule_fields={"weight", "rubric"})
    weight = data.get("weight")
    readable = weight is None or (isinstance(weight, float) and weight >= 0)
    if indicator is not None and parts_ok:
        return _Built(indicator, ok=True)
    stand_in = Indicator.model_construct(
        code=entry.code if entry.code is not None else f"\x00{row.number}",
        name="",
        weight=weight if readable else None,
        rubric=_RUBRIC_STAND_IN,
    )
    return _Built(stand_in, ok=False, tainted=not readable)


def _project(entry: _ProjectRows, problems: Problems) -> Project | None:
    steps = [validate(Step, _fields(r), field_errors(r, problems)) for r in entry.steps]
    data = {**_fields(entry.row), "steps": [s for s in steps if s is not None]}
    project = validate(Project, data, field_errors(entry.row, problems))
    return project if None not in steps else None


def _level(row: SheetRow, problems: Problems) -> RubricLevel | None:
    data = _fields(row, "id")
    if "id" in row.values:
        data["level"] = thai_to_arabic_digits(str(row.values["id"]))

    def rules(err: ErrorDetails) -> None:
        missing = "value" if "op" in row.values else "op"
        op, value = RUBRIC.column("op").label, RUBRIC.column("value").label
        problems.at(row, missing, T.OP_AND_VALUE.format(op=op, value=value))

    on_error = field_errors(row, problems, aliases={"level": "id"}, row_kind=T.ROW_KINDS["level"], rules=rules)
    return validate(RubricLevel, data, on_error)


_LEVEL_RULES = (
    (re.compile(r"^level (\d+) has neither a threshold nor a condition$"), "op"),
    (re.compile(r"^level (\d+) threshold (\S+) is easier than level (\d+) threshold (\S+)$"), "value"),
)
_NEEDS_ROWS = re.compile(r"^a (?:checklist rubric needs items|(\w+) rubric needs levels)$")


def _rubric(entry: _IndicatorRows, header: dict[str, Any], problems: Problems) -> Rubric | None:
    """The indicator's rubric from its header cells and its rows; a level that breaks a rule is
    reported and left out, and the rest checked again, until no rule is broken."""
    row, code = entry.row, entry.code
    levels = [(r, lv) for r in entry.rubric["level"] if (lv := _level(r, problems)) is not None]
    conditions = [c for r in entry.rubric["condition"] if (c := _part(Condition, r, "condition", problems)) is not None]
    items = [(r, it) for r in entry.rubric["item"] if (it := _part(ChecklistItem, r, "item", problems)) is not None]
    dropped = len(levels) < len(entry.rubric["level"]) or len(items) < len(entry.rubric["item"])
    direction = header.get("direction", Direction.higher_is_better)
    ok = not dropped
    for _ in range(len(levels) + len(items) + 3):
        data = {
            **header,
            "levels": [lv for _, lv in levels],
            "conditions": conditions,
            "items": [it for _, it in items],
        }
        try:
            rubric = Rubric.model_validate(data)
            return rubric if ok else None
        except ValidationError as exc:
            errors = exc.errors()
        ok = False
        fields = [e for e in errors if e["loc"]]
        for err in fields:
            field_errors(row, problems, prefix="rubric.")(err)
        if any(e["loc"][0] in ("kind", "direction") for e in fields):
            return None  # the rules depend on the kind and the direction: no use checking them
        if fields:
            for err in fields:
                header.pop(str(err["loc"][0]), None)
            continue
        message = rule_message(errors[0])
        if message.startswith("levels repeat"):
            levels = _without_repeats(levels, lambda lv: lv.level, T.LEVEL_REPEATS, "id", code, problems)
        elif message == "checklist item ids repeat":
            items = _without_repeats(items, lambda it: it.id, T.ID_REPEATS, "id", code, problems)
        elif " requires unknown condition " in message:
            known = {c.id for c in conditions}
            broken = [(r, lv) for r, lv in levels if any(cid not in known for cid in lv.requires)]
            for r, lv in broken:
                for cid in (c for c in lv.requires if c not in known):
                    problems.at(r, "requires", T.UNKNOWN_CONDITION.format(cid=cid, code=code))
            levels = [pair for pair in levels if pair not in broken]
        elif (needs := _NEEDS_ROWS.match(message)) is not None:
            if not dropped:
                wanted = "level" if needs[1] else "item"
                kind = T.RUBRIC_KINDS.get(str(header.get("kind", "threshold")), "")
                text = T.NEEDS_ROWS.format(kind=kind, row=T.ROW_KINDS[wanted], code=code, sheet=T.SHEET_RUBRIC)
                problems.at(row, "rubric.kind", text)
            return None
        elif (broken_level := _broken_level(message, direction)) is not None:
            number, key, text = broken_level
            for r, lv in levels:
                if lv.level == number:
                    problems.at(r, key, text)
            levels = [(r, lv) for r, lv in levels if lv.level != number]
        else:
            problems.at(
                row, "rubric.kind", T.INVALID.format(label=INDICATORS.column("rubric.kind").label, detail=message)
            )
            return None
    return None


def _broken_level(message: str, direction: Any) -> tuple[int, str, str] | None:
    """(level, column key, Thai message) for a rule one level breaks."""
    for pattern, key in _LEVEL_RULES:
        match = pattern.match(message)
        if match is None:
            continue
        level = int(match[1])
        if key == "op":
            return level, key, T.LEVEL_EMPTY.format(level=level)
        template = T.LEVEL_EASIER_LOWER if Direction(direction) is Direction.lower_is_better else T.LEVEL_EASIER_HIGHER
        return level, key, template.format(level=level, lower=match[3], bound=f"{float(match[4]):g}")
    return None


def _without_repeats(
    pairs: list[tuple[SheetRow, _P]],
    key_of: Callable[[_P], object],
    template: str,
    column: str,
    code: str | None,
    problems: Problems,
) -> list[tuple[SheetRow, _P]]:
    first: dict[object, SheetRow] = {}
    kept = []
    for row, part in pairs:
        key = key_of(part)
        if key in first:
            problems.at(row, column, template.format(level=key, id=key, code=code, other=first[key].number))
            continue
        first[key] = row
        kept.append((row, part))
    return kept


def _part(model: type[_M], row: SheetRow, kind: str, problems: Problems) -> _M | None:
    """A condition or checklist item row; a condition that fails stands in by its id, so the levels
    that require it are not reported twice."""
    on_error = field_errors(row, problems, row_kind=T.ROW_KINDS[kind])
    built = validate(model, _fields(row), on_error)
    if built is None and model is Condition and isinstance(row.values.get("id"), str):
        return model.model_construct(id=row.values["id"], text="")
    return built


# --- the tree of groups --------------------------------------------------------------------------------


def _tree(
    groups: Mapping[tuple[str, ...], SheetRow],
    indicators: list[_IndicatorRows],
    built: Mapping[int, _Built],
    problems: Problems,
) -> list[_Built]:
    children: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for path in groups:
        children[path[:-1]].append(path)
    members: dict[tuple[str, ...], list[_Built]] = defaultdict(list)
    for entry in indicators:
        if entry.group is not None:
            members[entry.group].append(built[id(entry)])

    def group(path: tuple[str, ...]) -> _Built:
        subs = [group(p) for p in children[path]]
        inds = members[path]
        row = groups[path]
        fields = {"code": path[-1], **_fields(row, "path")}
        tainted = any(part.tainted for part in (*subs, *inds))

        def rules(err: ErrorDetails) -> None:
            match = re.match(r"^group (.+) prints weight (\S+) but its indicators sum to (\S+)$", rule_message(err))
            if match is None:
                problems.at(row, None, T.INVALID.format(label=_path_text(path), detail=rule_message(err)))
                return
            text = T.GROUP_WEIGHT.format(code=_path_text(path), weight=match[2], parts=match[3])
            problems.at(row, "weight", text)

        on_error = field_errors(row, problems, aliases={"code": "path"}, rules=rules)
        parts = {} if tainted else {"groups": [s.obj for s in subs], "indicators": [i.obj for i in inds]}
        obj = validate(Group, {**fields, **parts}, on_error, rule_fields={"weight", "groups", "indicators"})
        ok = obj is not None and all(part.ok for part in (*subs, *inds)) and not tainted
        if not ok:
            obj = Group.model_construct(
                code=path[-1], name="", groups=tuple(s.obj for s in subs), indicators=tuple(i.obj for i in inds)
            )
        return _Built(obj, ok=ok, tainted=tainted)

    tops = [p for p in groups if len(p) == 1]
    orphans = [p for p in groups if len(p) > 1 and p[:-1] not in groups]
    for path in orphans:
        group(path)  # reported as lacking its parent; its own rows are still checked
    return [group(p) for p in tops]


# --- the header sheet and the plan's own rules ------------------------------------------------------


def _header_data(header: Mapping[str, SheetRow], problems: Problems) -> dict[str, Any]:
    values = {key: row.values[key] for key, row in header.items() if key in row.values}
    data = _nest(values, [c.key for c in HEADER.columns if not c.key.startswith("deadlines.")])
    deadlines: dict[str, Any] = {}
    if "deadlines.monthly_day" in values:
        deadlines["monthly_day"] = values["deadlines.monthly_day"]
    quarters = [values.get(key) for key in QUARTER_KEYS]
    if all(q is not None for q in quarters):
        deadlines["quarterly"] = quarters
    elif any(q is not None for q in quarters):
        for key, q in zip(QUARTER_KEYS, quarters, strict=True):
            if q is None and key in header:
                problems.at(header[key], key, T.REQUIRED.format(label=HEADER.column(key).label))
    if deadlines:
        data["deadlines"] = deadlines
    for column in HEADER.columns:
        if column.required and column.key not in header:
            problems.in_sheet(HEADER, T.REQUIRED.format(label=column.label))
    return data


def _header_errors(header: Mapping[str, SheetRow], indicators: list[_IndicatorRows], problems: Problems) -> OnError:
    def on_error(err: ErrorDetails) -> None:
        loc = err["loc"]
        if not loc:
            _planrule_message(err, indicators, problems)
            return
        key = _header_key(loc, err)
        column = HEADER.column(key) if key else None
        label = column.label if column else ".".join(map(str, loc))
        message = describe(err, column, label)
        if key is not None and key in header:
            problems.at(header[key], key, message)
        elif err["type"] != "missing":  # a required field without its row is reported once, above
            problems.in_sheet(HEADER, message)

    return on_error


def _header_key(loc: Sequence[int | str], err: ErrorDetails) -> str | None:
    if tuple(loc[:2]) == ("deadlines", "quarterly"):
        if len(loc) > 2 and isinstance(loc[2], int):
            return QUARTER_KEYS[loc[2]] if loc[2] < len(QUARTER_KEYS) else None
        bad = rule_message(err).split("'")
        values = err.get("input")
        if len(bad) > 1 and isinstance(values, list | tuple) and bad[1] in values:
            return QUARTER_KEYS[list(values).index(bad[1])]
        return QUARTER_KEYS[0]
    return column_key(HEADER, loc)


def _planrule_message(err: ErrorDetails, indicators: list[_IndicatorRows], problems: Problems) -> None:
    if not re.match(r"^indicator code .+ appears twice$", rule_message(err)):
        problems.in_sheet(HEADER, T.INVALID.format(label=T.SHEET_HEADER, detail=rule_message(err)))
        return
    first: dict[str, SheetRow] = {}
    for entry in indicators:
        if entry.code is None:
            continue
        if entry.code in first:
            problems.at(entry.row, "code", T.CODE_REPEATS.format(code=entry.code, other=first[entry.code].number))
        else:
            first[entry.code] = entry.row
