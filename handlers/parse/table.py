"""A table pasted from a spreadsheet: one row an indicator, a column of results.

Staff copy their tracking sheet into the chat ("KPI\\tเป้า\\tผล\\n1\\t95\\t96.2…"). Cells are cut at tabs;
the header says which column holds the result (ผล, ความก้าวหน้า, ร้อยละ) and whether it is in percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RESULT = re.compile(r"ผล(?!ต่าง)|ความก้าวหน้า|ความคืบหน้า|ร้อยละ|%|result|progress", re.IGNORECASE)
_TARGET = re.compile(r"เป้า|target", re.IGNORECASE)
_PERCENT = re.compile(r"ร้อยละ|%|เปอร์เซ็น")
_FIGURE = re.compile(r"^\s*[\d,]+(?:\.\d+)?\s*%?\s*$")  # a cell that is a number: a row, not a header


@dataclass(frozen=True)
class Row:
    name: str  # the first cell: a code, a name, or both ("2.1.2 เบิกจ่ายงบประมาณ")
    result: str  # the result cell as written
    span: tuple[int, int]  # the row in the text
    result_at: int  # where the result cell starts


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    percent: bool  # the result column is headed in percent


def read_table(text: str) -> Table | None:
    """The rows of a tab-separated table with a header naming a result column, or None."""
    lines: list[tuple[str, int]] = []
    start = 0
    for line in text.split("\n"):
        lines.append((line, start))
        start += len(line) + 1
    tabbed = [(line, at) for line, at in lines if "\t" in line]
    if len(tabbed) < 2:
        return None
    header = tabbed[0][0].split("\t")
    if any(_FIGURE.search(cell) for cell in header[1:]):
        # "ก่อหนี้ผูกพัน\t87.30%\nเบิกจ่ายงบประมาณ\t64.15%": no header, each line a name and its result
        column, body, percent = len(header) - 1, tabbed, any("%" in line for line, _ in tabbed)
    else:
        results = [n for n, cell in enumerate(header) if _RESULT.search(cell) and not _TARGET.search(cell)]
        if not results or results[-1] == 0:
            return None
        column, body, percent = results[-1], tabbed[1:], bool(_PERCENT.search(header[results[-1]]))
    rows = []
    for line, at in body:
        cells = line.split("\t")
        if len(cells) <= column or not cells[0].strip():
            continue
        result_at = at + sum(len(c) + 1 for c in cells[:column])
        rows.append(Row(cells[0].strip(), cells[column].strip(), (at, at + len(line)), result_at))
    if not rows:
        return None
    return Table(tuple(rows), percent)
