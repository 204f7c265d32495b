"""Reading the plan workbook's sheets into rows of typed cell values, before any plan rule is checked.

A row keeps, for every key, the value as the model wants it and the column it came from, so that
whatever is wrong later (a cell, a rule of the model) is reported at the cell a person typed it in.
Cells are read leniently (Thai digits, "1,234", a code typed as a number, a month and day Excel made
a date of); a value that still does not fit is passed on unchanged for the model to refuse, so the
refusal names the cell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from scoring.thai import thai_to_arabic_digits
from store import plan_workbook_texts as T
from store.plan_workbook_layout import FIRST_DATA_ROW, HEADER, REQUIRED_SHEETS, TABLES, Column, Kind, Sheet


class CellError(ValueError):
    """A cell whose text cannot be read at all (a baseline that is not "year: value" lines)."""


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in the workbook, where a person finds it: sheet, row and column letter."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return T.AT_SHEET.format(sheet=self.sheet, message=self.message)
        if self.column is None:
            return T.AT_ROW.format(sheet=self.sheet, row=self.row, message=self.message)
        return T.AT_CELL.format(sheet=self.sheet, row=self.row, column=self.column, message=self.message)


@dataclass
class SheetRow:
    """One filled row: values by key (only the cells that hold something) and every key's column."""

    sheet: Sheet
    number: int
    values: dict[str, Any]
    letters: Mapping[str, str]  # key → column letter, for every key the sheet has

    def letter(self, key: str | None) -> str | None:
        return self.letters.get(key) if key is not None else None


@dataclass
class Problems:
    """Every problem found, in the order a person reads the workbook."""

    found: list[CellProblem] = field(default_factory=list)

    def at(self, row: SheetRow, key: str | None, message: str) -> None:
        self.found.append(CellProblem(row.sheet.title, row.number, row.letter(key), message))

    def in_sheet(self, sheet: Sheet, message: str) -> None:
        self.found.append(CellProblem(sheet.title, None, None, message))

    def sorted(self) -> list[CellProblem]:
        order = {title: i for i, title in enumerate(s.title for s in (HEADER, *TABLES))}

        def key(p: CellProblem) -> tuple[int, int, int, str]:
            column = column_index_from_string(p.column) if p.column else 0
            return (order.get(p.sheet, -1), p.row or 0, column, p.message)

        unique = list(dict.fromkeys(self.found))
        return sorted(unique, key=key)


_EMPTY = object()


@dataclass(frozen=True)
class WorkbookRows:
    """The workbook's header fields (key → row) and each table's filled rows, by layout name.

    ``complete`` is false when a sheet or a column the import cannot do without is missing: checking
    the rest would only report every row that refers to what could not be read.
    """

    header: dict[str, SheetRow]
    tables: dict[str, list[SheetRow]]
    complete: bool


def read_rows(book: Workbook, problems: Problems) -> WorkbookRows:
    missing = [s for s in REQUIRED_SHEETS if s.title not in book.sheetnames]
    for sheet in missing:
        problems.in_sheet(sheet, T.NO_SHEET.format(sheet=sheet.title))
    header = _header_rows(book[HEADER.title], problems) if HEADER.title in book.sheetnames else {}
    tables: dict[str, list[SheetRow]] = {}
    complete = not missing
    for sheet in TABLES:
        rows = _table_rows(book[sheet.title], sheet, problems) if sheet.title in book.sheetnames else []
        complete = complete and rows is not None
        tables[sheet.name] = rows or []
    return WorkbookRows(header, tables, complete)


def _header_rows(ws: Worksheet, problems: Problems) -> dict[str, SheetRow]:
    """The header sheet lists one field a row: its value in column B, its key in column C."""
    known = {c.key: c for c in HEADER.columns}
    out: dict[str, SheetRow] = {}
    for number, cells in enumerate(ws.iter_rows(min_row=2, max_col=3, values_only=True), start=2):
        key_cell = cells[2] if len(cells) > 2 else None
        key = str(key_cell).strip() if key_cell is not None else ""
        if not key:
            continue
        if key not in known:
            problems.at(SheetRow(HEADER, number, {}, {key: "C"}), key, T.UNKNOWN_FIELD.format(key=key))
            continue
        row = SheetRow(HEADER, number, {}, {key: "B"})
        if key in out:
            problems.at(row, key, T.FIELD_TWICE.format(label=known[key].label, other=out[key].number))
            continue
        out[key] = row
        _read_cell(row, known[key], cells[1] if len(cells) > 1 else None, problems)
    return out


def _table_rows(ws: Worksheet, sheet: Sheet, problems: Problems) -> list[SheetRow] | None:
    """The filled rows; None when a column the import cannot do without is missing."""
    columns = _key_columns(ws, sheet, problems)
    if columns is None:
        return None
    letters = {key: get_column_letter(index + 1) for key, index in columns.items()}
    by_key = {c.key: c for c in sheet.columns}
    rows = []
    for number, cells in enumerate(ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True), start=FIRST_DATA_ROW):
        if all(_blank(v) for v in cells):
            continue
        row = SheetRow(sheet, number, {}, letters)
        for key, index in columns.items():
            _read_cell(row, by_key[key], cells[index] if index < len(cells) else None, problems)
        if row.values:
            rows.append(row)
    return rows


def _key_columns(ws: Worksheet, sheet: Sheet, problems: Problems) -> dict[str, int] | None:
    """Key → column index, from row 2; None when a column the import cannot do without is missing."""
    known = {c.key for c in sheet.columns}
    columns: dict[str, int] = {}
    key_row = next(ws.iter_rows(min_row=2, max_row=2, values_only=True), ())
    for index, value in enumerate(key_row):
        key = str(value).strip() if value is not None else ""
        if not key:
            continue
        letter = get_column_letter(index + 1)
        where = SheetRow(sheet, 2, {}, {key: letter})
        if key not in known:
            problems.at(where, key, T.UNKNOWN_COLUMN.format(key=key))
        elif key in columns:
            problems.at(where, key, T.COLUMN_TWICE.format(key=key, other=get_column_letter(columns[key] + 1)))
        else:
            columns[key] = index
    lacking = [c for c in sheet.columns if c.required and c.key not in columns]
    for column in lacking:
        problems.in_sheet(sheet, T.NO_COLUMN.format(label=column.label, key=column.key))
    return None if lacking else columns


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_cell(row: SheetRow, column: Column, raw: Any, problems: Problems) -> None:
    try:
        value = cell_to_value(column, raw)
    except CellError as exc:
        problems.at(row, column.key, str(exc))
        return
    if value is not _EMPTY:
        row.values[column.key] = value


# --- cells ----------------------------------------------------------------------------------------

_BASELINE_ENTRY = re.compile(r"^\s*(\d{4})\s*[:=]\s*(.*?)\s*$")
_NONE_MARKS = ("", "-", "–", "—")


def cell_to_value(column: Column, raw: Any) -> Any:
    """The model value a cell holds, ``_EMPTY`` for an empty cell; what cannot be read is returned as
    it is, for the model to refuse (raises ``CellError`` only where no model field would see it)."""
    if isinstance(raw, str):
        raw = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _blank(raw):
        return _EMPTY
    match column.kind:
        case Kind.text:
            return _text(raw)
        case Kind.lines:
            return _split(_text(raw), "\n")
        case Kind.ids:
            return _split(_text(raw).replace(",", "\n"), "\n")
        case Kind.number:
            return _number(raw)
        case Kind.integer:
            number = _number(raw)
            return int(number) if isinstance(number, float) and number.is_integer() else number
        case Kind.choice | Kind.flag:
            return _choice(column, raw)
        case Kind.baseline:
            return _baseline(column, raw)
        case Kind.month_day:
            if isinstance(raw, datetime | date):
                return f"{raw.month:02d}-{raw.day:02d}"
            return thai_to_arabic_digits(_text(raw))
    raise AssertionError(column.kind)


def _text(raw: Any) -> str:
    """A cell as text: a code typed as a number (1, 2.1) is the code as typed, a date its ISO form."""
    if isinstance(raw, bool):
        return str(raw).upper()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)


def _split(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def _number(raw: Any) -> Any:
    if isinstance(raw, bool):
        return str(raw).upper()
    if isinstance(raw, int | float):
        return float(raw)
    text = thai_to_arabic_digits(str(raw)).replace(",", "").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        return str(raw)


def _choice(column: Column, raw: Any) -> Any:
    if isinstance(raw, bool) and column.kind is Kind.flag:
        return raw
    text = _text(raw)
    choices = column.choices or {}
    for value, label in choices.items():
        if text == label or text.casefold() == str(value).casefold():
            return value
    aliases = {"≥": ">=", "=>": ">=", "≤": "<=", "=<": "<="}
    return aliases.get(text, text)


def _baseline(column: Column, raw: Any) -> dict[int, float | str | None]:
    text = thai_to_arabic_digits(_text(raw))
    out: dict[int, float | str | None] = {}
    for entry in _split(text.replace(";", "\n"), "\n"):
        match = _BASELINE_ENTRY.match(entry)
        if match is None:
            raise CellError(T.BAD_BASELINE.format(label=column.label, value=entry))
        year = int(match[1])
        if year in out:
            raise CellError(T.BASELINE_YEAR_TWICE.format(label=column.label, year=year))
        value = match[2]
        number = _number(value) if value not in _NONE_MARKS else None
        out[year] = number
    return out
