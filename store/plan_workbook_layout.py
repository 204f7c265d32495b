"""The plan workbook's shape, shared by the writer and the reader: its sheets, their columns, the key
of each column and what kind of value it holds.

The import keys on the English key in row 2 of each sheet (column C of the header sheet), never on
the Thai header or the column's position: a Thai header can be reworded and a column moved without
breaking a workbook already filled in. Keys are the plan model's field paths (``target.text``,
``rubric.kind``) wherever a column maps to one field, so an error the model reports on a field
finds its column by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from store import plan_workbook_texts as T

GROUP_SEPARATOR = ">"
FIRST_DATA_ROW = 3  # row 1: Thai headers, row 2: keys
QUARTER_KEYS = tuple(f"deadlines.quarterly.{q}" for q in range(1, 5))


class Kind(StrEnum):
    """How a cell's value is read and written."""

    text = "text"  # free text, kept verbatim (a number typed in it becomes its text)
    lines = "lines"  # several texts, one a line within the cell
    ids = "ids"  # several short ids, separated by commas or lines
    number = "number"
    integer = "integer"
    choice = "choice"  # one of ``choices`` (model value → Thai label)
    flag = "flag"  # ใช่ / ไม่ใช่
    baseline = "baseline"  # "2566: 90" a line, "-" for none
    month_day = "month_day"  # "12-20"; a date Excel made of it is read back as its month and day


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one field of the header sheet)."""

    sheet: str  # layout name: "indicators", "rubric", …
    key: str
    kind: Kind = Kind.text
    width: float = 18
    choices: Mapping[Any, str] | None = None  # model value → label shown in the dropdown
    strict: bool = True  # the dropdown refuses values outside the list; False: it only warns
    required: bool = False  # every row fills it, so the import needs the column (or header field)
    whole: tuple[int, int] | None = None  # Excel's whole-number validation bounds

    @property
    def label(self) -> str:
        return T.COLUMNS[self.sheet][self.key][0]

    @property
    def help(self) -> str:
        return T.COLUMNS[self.sheet][self.key][1]

    @property
    def wraps(self) -> bool:
        return self.kind is Kind.lines or self.width >= 30


@dataclass(frozen=True)
class Sheet:
    """A sheet of the workbook: its layout name, Thai title and columns in their written order."""

    name: str
    title: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _sheet(name: str, title: str, *columns: tuple[Any, ...]) -> Sheet:
    built = []
    for spec in columns:
        key, kind, width, *rest = spec
        options: dict[str, Any] = rest[0] if rest else {}
        built.append(Column(name, key, kind, width, **options))
    return Sheet(name, title, tuple(built))


_TEXT, _LINES, _IDS, _NUM, _INT = Kind.text, Kind.lines, Kind.ids, Kind.number, Kind.integer
_CHOICE = Kind.choice

HEADER = _sheet(
    "header",
    T.SHEET_HEADER,
    ("id", _TEXT, 40, {"required": True}),
    ("title", _TEXT, 40, {"required": True}),
    ("unit", _TEXT, 40, {"required": True}),
    ("unit_aliases", _LINES, 40),
    ("fiscal_year", _INT, 40, {"required": True, "whole": (2500, 2700)}),
    ("version", _INT, 40, {"whole": (1, 999)}),
    ("source", _TEXT, 40),
    ("interpolate", Kind.flag, 40, {"choices": T.YES_NO}),
    ("deadlines.monthly_day", _INT, 40, {"whole": (1, 28)}),
    *((key, Kind.month_day, 40) for key in QUARTER_KEYS),
    ("units", _LINES, 40),
    ("notes", _TEXT, 40),
)

GROUPS = _sheet(
    "groups",
    T.SHEET_GROUPS,
    ("path", _TEXT, 16, {"required": True}),
    ("kind", _CHOICE, 18, {"choices": {k: k for k in T.GROUP_KINDS}, "strict": False}),
    ("name", _TEXT, 60, {"required": True}),
    ("weight", _NUM, 14),
)

INDICATORS = _sheet(
    "indicators",
    T.SHEET_INDICATORS,
    ("group", _TEXT, 12, {"required": True}),
    ("code", _TEXT, 12, {"required": True}),
    ("name", _TEXT, 50, {"required": True}),
    ("aliases", _LINES, 30),
    ("type", _CHOICE, 12, {"choices": T.INDICATOR_TYPES}),
    ("unit", _CHOICE, 12, {"choices": {u: u for u in T.UNITS}, "strict": False}),
    ("baseline", Kind.baseline, 16),
    ("target.value", _NUM, 12),
    ("target.text", _TEXT, 20),
    ("weight", _NUM, 12),
    ("scale", _NUM, 12),
    ("strategy_code", _TEXT, 12),
    ("formula.kind", _CHOICE, 14, {"choices": T.FORMULA_KINDS}),
    ("formula.numerator", _TEXT, 30),
    ("formula.denominator", _TEXT, 30),
    ("formula.multiplier", _NUM, 10),
    ("formula.text", _TEXT, 40),
    ("formula.notes", _TEXT, 30),
    ("definitions", _LINES, 50),
    ("evidence", _LINES, 50),
    ("owners", _LINES, 30),
    ("assessor", _TEXT, 24),
    ("rubric.kind", _CHOICE, 18, {"choices": T.RUBRIC_KINDS}),
    ("rubric.direction", _CHOICE, 14, {"choices": T.DIRECTIONS}),
    ("rubric.title", _TEXT, 40),
    ("rubric.total", _NUM, 12),
    ("rubric.notes", _TEXT, 30),
    ("notes", _TEXT, 40),
)

RUBRIC = _sheet(
    "rubric",
    T.SHEET_RUBRIC,
    ("indicator", _TEXT, 12, {"required": True}),
    ("row", _CHOICE, 12, {"choices": T.ROW_KINDS, "required": True}),
    ("id", _TEXT, 14),
    ("op", _CHOICE, 10, {"choices": {op: op for op in (">=", ">", "<=", "<")}}),
    ("value", _NUM, 10),
    ("points", _NUM, 10),
    ("requires", _IDS, 18),
    ("criterion", _TEXT, 16),
    ("text", _TEXT, 60),
    ("due", _TEXT, 16),
    ("evidence", _LINES, 40),
)

PROJECTS = _sheet(
    "projects",
    T.SHEET_PROJECTS,
    ("indicator", _TEXT, 12, {"required": True}),
    ("name", _TEXT, 60, {"required": True}),
    ("budget", _NUM, 16),
    ("owner", _TEXT, 30),
)

STEPS = _sheet(
    "steps",
    T.SHEET_STEPS,
    ("indicator", _TEXT, 12, {"required": True}),
    ("project", _TEXT, 40, {"required": True}),
    ("no", _TEXT, 8, {"required": True}),
    ("text", _TEXT, 60, {"required": True}),
    ("percent", _NUM, 12),
    ("cumulative", _NUM, 12),
    ("months", _IDS, 24),
)

PROGRESS = _sheet(
    "progress",
    T.SHEET_PROGRESS,
    ("indicator", _TEXT, 12, {"required": True}),
    ("quarter", _INT, 8, {"whole": (1, 4), "required": True}),
    ("value", _NUM, 12),
    ("text", _TEXT, 80),
)

TABLES = (GROUPS, INDICATORS, RUBRIC, PROJECTS, STEPS, PROGRESS)  # one row per thing, keys in row 2
REQUIRED_SHEETS = (HEADER, GROUPS, INDICATORS)  # the others may be left out of a workbook
