"""Plans to and from the Excel workbook plan-and-evaluation staff fill in (``tidtam plans template``,
``import``, ``export``).

The workbook has a sheet for the plan's header, its groups, indicators, rubric rows, projects, project
steps and quarterly progress, with Thai headers and an instructions sheet; the layout is in
``plan_workbook_layout``, writing in ``plan_workbook_write``, reading in ``plan_workbook_read`` and
building the plan with the plan model in ``plan_workbook_build``, its errors put into Thai at their
cells in ``plan_workbook_errors``. A plan exported and imported again is the same plan.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from scoring.plan import Plan
from store import plan_workbook_texts as T
from store.plan_workbook_build import build_plan
from store.plan_workbook_read import CellProblem, Problems, read_rows
from store.plan_workbook_write import write_plan_workbook

__all__ = ["CellProblem", "PlanWorkbookError", "read_plan_workbook", "write_plan_workbook"]


class PlanWorkbookError(Exception):
    """A workbook that does not make a valid plan; ``problems`` says every cell that is wrong."""

    def __init__(self, problems: list[CellProblem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def read_plan_workbook(path: Path | str) -> Plan:
    """The plan a workbook holds; raises ``PlanWorkbookError`` with every problem, in Thai, by cell."""
    path = Path(path)
    try:
        book = load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        problem = CellProblem(path.name, None, None, T.NOT_A_WORKBOOK.format(name=path.name, error=exc))
        raise PlanWorkbookError([problem]) from exc
    problems = Problems()
    try:
        plan = build_plan(read_rows(book, problems), problems)
    finally:
        book.close()
    if plan is None:
        raise PlanWorkbookError(problems.sorted())
    return plan
