"""A plan written as the Thai workbook plan-and-evaluation staff fill in Excel (template and export).

Every sheet has its Thai headers in row 1 (with the column's help as a comment), the keys the import
reads in row 2 in small grey letters, and one thing a row from row 3. Closed lists get a dropdown;
text columns are formatted as text so Excel keeps "1.10" a code and "12-20" a month and day rather
than turning them into a number or a date.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from scoring.plan import DeadlineRules, Group, Indicator, Plan
from store import plan_workbook_texts as T
from store.plan_workbook_layout import (
    FIRST_DATA_ROW,
    GROUP_SEPARATOR,
    GROUPS,
    HEADER,
    INDICATORS,
    PROGRESS,
    PROJECTS,
    QUARTER_KEYS,
    RUBRIC,
    STEPS,
    TABLES,
    Column,
    Kind,
    Sheet,
)

FONT_NAME = "TH Sarabun New"  # the Thai government's standard font, as in the quarterly export
_BODY = Font(name=FONT_NAME, size=14)
_HEAD = Font(name=FONT_NAME, size=14, bold=True)
_KEY = Font(name=FONT_NAME, size=9, italic=True, color="808080")
_TITLE = Font(name=FONT_NAME, size=18, bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
_KEY_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_TEXT_FORMAT = "@"
_VALIDATED_ROWS = 1000  # dropdowns reach this far below the last written row
_TEXT_KINDS = (Kind.text, Kind.ids, Kind.month_day, Kind.baseline)

Row = Mapping[str, Any]  # column key → model value


def write_plan_workbook(path: Path | str, plan: Plan | None, *, example: bool = False) -> None:
    """Write ``plan`` in the template (``example``: as the template's example rows); no plan: empty."""
    book = Workbook()
    for default in book.worksheets:
        book.remove(default)
    _instructions(book.create_sheet(T.SHEET_INSTRUCTIONS), plan, example=example)
    _header(book.create_sheet(HEADER.title), plan)
    rows: dict[str, list[Row]] = {sheet.name: [] for sheet in TABLES}
    if plan is not None:
        rows = _plan_rows(plan)
    for sheet in TABLES:
        _table(book.create_sheet(sheet.title), sheet, rows[sheet.name])
    book.active = 1
    book.save(path)


# --- the plan as rows -----------------------------------------------------------------------------


def _plan_rows(plan: Plan) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {sheet.name: [] for sheet in TABLES}
    for path, group in _walk_groups(plan.groups, ()):
        rows["groups"].append(
            {"path": _path_text(path), "kind": group.kind, "name": group.name, "weight": group.weight}
        )
        for indicator in group.indicators:
            rows["indicators"].append(_indicator_row(_path_text(path), indicator))
            rows["rubric"].extend(_rubric_rows(indicator))
            for project in indicator.projects:
                rows["projects"].append(
                    {
                        "indicator": indicator.code,
                        "name": project.name,
                        "budget": project.budget,
                        "owner": project.owner,
                    }
                )
                for step in project.steps:
                    rows["steps"].append(
                        {"indicator": indicator.code, "project": project.name, **step.model_dump(exclude_defaults=True)}
                    )
            for progress in indicator.progress:
                rows["progress"].append({"indicator": indicator.code, **progress.model_dump()})
    return rows


def _walk_groups(groups: Sequence[Group], parent: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Group]]:
    for group in groups:
        path = (*parent, group.code)
        yield path, group
        yield from _walk_groups(group.groups, path)


def _path_text(path: tuple[str, ...]) -> str:
    return f" {GROUP_SEPARATOR} ".join(path)


def _indicator_row(path: str, indicator: Indicator) -> Row:
    fields = indicator.model_dump(exclude={"rubric", "projects", "progress", "target", "formula"})
    row: dict[str, Any] = {"group": path, **fields}
    if indicator.target is not None:
        row |= {"target.value": indicator.target.value, "target.text": indicator.target.text}
    if indicator.formula is not None:
        row |= {f"formula.{k}": v for k, v in indicator.formula.model_dump().items()}
    if indicator.rubric is not None:
        header = indicator.rubric.model_dump(include={"kind", "direction", "title", "total", "notes"})
        row |= {f"rubric.{k}": v for k, v in header.items()}
    return row


def _rubric_rows(indicator: Indicator) -> list[Row]:
    rubric = indicator.rubric
    if rubric is None:
        return []
    code = indicator.code
    rows: list[Row] = []
    for lv in rubric.levels:
        fields = lv.model_dump(exclude={"level"})
        rows.append({"indicator": code, "row": "level", "id": lv.level, **fields})
    rows.extend({"indicator": code, "row": "condition", **c.model_dump()} for c in rubric.conditions)
    rows.extend({"indicator": code, "row": "item", **i.model_dump()} for i in rubric.items)
    return rows


# --- cells ----------------------------------------------------------------------------------------


def cell_value(column: Column, value: Any) -> Any:
    """A model value as the cell shows it; the import reads it back to the same value."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    match column.kind:
        case Kind.lines:
            return "\n".join(value) or None
        case Kind.ids:
            return ", ".join(value) or None
        case Kind.number | Kind.integer:
            return _number(value)
        case Kind.choice | Kind.flag:
            return (column.choices or {}).get(value, value)
        case Kind.baseline:
            return "\n".join(f"{year}: {'-' if v is None else _number(v)}" for year, v in value.items()) or None
        case _:
            return value if value != "" else None


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _put(cell: Cell, column: Column, value: Any) -> None:
    cell.value = cell_value(column, value)
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"  # a text that starts with "=" is a text, not a formula
    cell.font = _BODY
    cell.alignment = _WRAP if column.wraps else _TOP
    if column.kind in _TEXT_KINDS:
        cell.number_format = _TEXT_FORMAT


# --- sheets ---------------------------------------------------------------------------------------


def _instructions(ws: Worksheet, plan: Plan | None, *, example: bool) -> None:
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 34
    ws.column_dimensions["C"].width = 22
    ws.column_dimensions["D"].width = 90
    ws["A1"] = T.INSTRUCTIONS_TITLE
    ws["A1"].font = _TITLE
    paragraphs = list(T.INSTRUCTIONS)
    if plan is not None:
        about = T.INSTRUCTIONS_EXAMPLE if example else T.INSTRUCTIONS_EXPORTED
        paragraphs.insert(1, about.format(title=plan.title, unit=plan.unit, fiscal_year=plan.fiscal_year))
    row = 3
    for text in paragraphs:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        cell = ws.cell(row, 1, text)
        cell.font = _BODY
        cell.alignment = _WRAP
        ws.row_dimensions[row].height = 21 * (1 + len(text) // 150)
        row += 1
    row += 1
    for col, head in enumerate(T.INSTRUCTIONS_TABLE, start=1):
        cell = ws.cell(row, col, head)
        cell.font = _HEAD
        cell.fill = _HEAD_FILL
    for sheet in (HEADER, *TABLES):
        for column in sheet.columns:
            row += 1
            label = column.label + (T.REQUIRED_MARK if column.required else "")
            for col, value in enumerate((sheet.title, label, column.key, column.help), start=1):
                cell = ws.cell(row, col, value)
                cell.font = _KEY if col == 3 else _BODY
                cell.alignment = _WRAP


def _header(ws: Worksheet, plan: Plan | None) -> None:
    for col, (head, width) in enumerate(((T.HEADER_FIELD, 36), (T.HEADER_VALUE, 80), (T.HEADER_KEY, 24)), start=1):
        cell = ws.cell(1, col, head)
        cell.font = _HEAD
        cell.fill = _HEAD_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    values = _header_values(plan)
    for row, column in enumerate(HEADER.columns, start=2):
        label = ws.cell(row, 1, column.label)
        label.font = _HEAD if column.required else _BODY
        label.comment = Comment(column.help, "Tidtam")
        _put(ws.cell(row, 2), column, values.get(column.key))
        key = ws.cell(row, 3, column.key)
        key.font = _KEY
        key.fill = _KEY_FILL
        _validate(ws, column, f"B{row}")
    ws.freeze_panes = "B2"


def _header_values(plan: Plan | None) -> dict[str, Any]:
    """The plan's header fields by key; without a plan, the model's defaults (version, deadlines)."""
    if plan is None:
        values = {k: f.default for k, f in Plan.model_fields.items() if not f.is_required() and f.default is not None}
        deadlines = DeadlineRules()
    else:
        values = plan.model_dump(exclude={"groups", "deadlines"})
        deadlines = plan.deadlines
    values["deadlines.monthly_day"] = deadlines.monthly_day
    values |= dict(zip(QUARTER_KEYS, deadlines.quarterly, strict=True))
    return values


def _table(ws: Worksheet, sheet: Sheet, rows: Sequence[Row]) -> None:
    for col, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col)
        head = ws.cell(1, col, column.label)
        head.font = _HEAD
        head.fill = _HEAD_FILL
        head.alignment = Alignment(wrap_text=True, vertical="center")
        head.comment = Comment(column.help, "Tidtam")
        key = ws.cell(2, col, column.key)
        key.font = _KEY
        key.fill = _KEY_FILL
        ws.column_dimensions[letter].width = column.width
        if column.kind in _TEXT_KINDS:
            ws.column_dimensions[letter].number_format = _TEXT_FORMAT
    ws.row_dimensions[1].height = 42
    for r, values in enumerate(rows, start=FIRST_DATA_ROW):
        for col, column in enumerate(sheet.columns, start=1):
            _put(ws.cell(r, col), column, values.get(column.key))
    last = FIRST_DATA_ROW + len(rows) + _VALIDATED_ROWS
    for col, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col)
        _validate(ws, column, f"{letter}{FIRST_DATA_ROW}:{letter}{last}", last=last)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3 if sheet in (INDICATORS, RUBRIC) else 2)
    ws.auto_filter.ref = f"A2:{get_column_letter(len(sheet.columns))}2"


# References from one sheet to another: the dropdown offers what the other sheet holds.
_REFERENCES = {
    (INDICATORS.name, "group"): (GROUPS, "path"),
    (RUBRIC.name, "indicator"): (INDICATORS, "code"),
    (PROJECTS.name, "indicator"): (INDICATORS, "code"),
    (STEPS.name, "indicator"): (INDICATORS, "code"),
    (STEPS.name, "project"): (PROJECTS, "name"),
    (PROGRESS.name, "indicator"): (INDICATORS, "code"),
}


def _validate(ws: Worksheet, column: Column, cells: str, *, last: int = 0) -> None:
    """Add the column's dropdown or whole-number check to ``cells``, if it has one."""
    rule: DataValidation | None = None
    if column.choices is not None:
        labels = ",".join(column.choices.values())
        rule = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
        rule.showErrorMessage = True
        rule.errorStyle = "stop" if column.strict else "warning"
        rule.error = T.PICK_FROM_LIST if column.strict else T.PICK_OR_TYPE
    elif column.whole is not None:
        low, high = column.whole
        rule = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high))
        rule.allow_blank = True
        rule.showErrorMessage = True
        rule.error = T.WHOLE_NUMBER.format(low=low, high=high)
    elif (column.sheet, column.key) in _REFERENCES:
        target, key = _REFERENCES[(column.sheet, column.key)]
        letter = get_column_letter(target.columns.index(target.column(key)) + 1)
        source = f"{quote_sheetname(target.title)}!${letter}${FIRST_DATA_ROW}:${letter}${last}"
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
        rule.showErrorMessage = True
        rule.errorStyle = "warning"
        rule.error = T.PICK_OR_TYPE
    if rule is None:
        return
    rule.errorTitle = T.PICK_TITLE
    ws.add_data_validation(rule)
    rule.add(cells)
