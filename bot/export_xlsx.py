"""The quarterly export as people already file it: form สยป.3 in Excel, and the reports' history as CSV.

The workbook follows seed 000 (one row per indicator: code, name, strategy code, target, unit,
result, per-quarter narrative "(ไตรมาส 1) … (ไตรมาส 2) -", supporting projects) so plan-and-evaluation
staff can print it or paste it into the form they send on, and it adds the committee-confirmed value
next to the self-reported one, which the assessor keeps apart.

Font: every cell uses "TH Sarabun New", the Thai government's standard font (installed with Office
on Thai Windows). Where it is missing the viewer substitutes: fontconfig maps it to Laksaman
(Debian ``fonts-thai-tlwg``, the same metrics), so LibreOffice prints the same layout; Excel without
it falls back to another Thai font (Tahoma / Leelawadee). No font file is embedded.

The CSV is the audit trail (every report and every change to it) for whoever checks a number later;
it is UTF-8 with a BOM because Excel reads a BOM-less CSV as the ANSI code page and garbles Thai.
"""

from __future__ import annotations

import csv
import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from bot import export_texts as xt
from scoring.fiscal import bangkok_date, quarter_bounds
from scoring.thai import thai_date
from store.export_quarterly import HistoryRow, IndicatorRow, QuarterlyReport, quarterly_report, report_history
from store.models import utcnow

FONT_NAME = "TH Sarabun New"
NONE = "-"  # what the form prints for "nothing reported"

_BODY = Font(name=FONT_NAME, size=14)
_BOLD = Font(name=FONT_NAME, size=14, bold=True)
_TITLE = Font(name=FONT_NAME, size=18, bold=True)
_SUBTITLE = Font(name=FONT_NAME, size=16, bold=True)
_THIN = Side(style="thin", color="808080")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")

Align = Literal["left", "center", "right"]

# Row heights are written, not left to the viewer: LibreOffice keeps an xlsx row without a stored
# height at one line, hiding wrapped text. Measured on a PDF of Laksaman (TH Sarabun metrics) 14 pt:
# a line takes 23 pt and a column of width w holds about 0.85 w letters (marks above and below the
# line take no room); 0.72 w leaves slack for Thai breaking lines only between words.
_BODY_PT = 14
_LINE_PT = 23.0  # at _BODY_PT; both scale with the font size
_LETTERS_PER_WIDTH = 0.72  # at _BODY_PT
_PAD_PT = 4.0
# Excel's row limit. A cell too long for it at 14 pt (a plan's long evidence list) is set smaller,
# down to 10 pt, rather than clipped on paper; beyond that it is clipped in print, whole in the cell.
_MAX_ROW_PT = 409.0
_SIZES = (14, 13, 12, 11, 10)


@dataclass(frozen=True)
class Column:
    """A column of the form: its Thai header, width in characters and horizontal alignment."""

    header: str
    width: float
    align: Align = "left"


COLUMNS = (
    Column(xt.ORDER, 6, "center"),
    Column(xt.CODE, 9, "center"),
    Column(xt.INDICATOR, 38),
    Column(xt.STRATEGY_CODE, 11, "center"),
    Column(xt.TARGET, 13, "center"),
    Column(xt.UNIT, 9, "center"),
    Column(xt.RESULT, 12, "right"),
    Column(xt.CONFIRMED_RESULT, 12, "right"),
    Column(xt.LEVEL_HEADER, 11, "center"),
    Column(xt.QUARTERLY_RESULTS, 50),
    Column(xt.PROJECTS, 30),
    Column(xt.EVIDENCE, 44),
)
TITLE_ROWS = 5
HEADER_ROW = TITLE_ROWS + 2  # one blank row between the title block and the table
CSV_HEADER = (
    "record",
    "report_id",
    "indicator_code",
    "period",
    "status",
    "value",
    "confirmed_value",
    "narrative",
    "field",
    "old",
    "new",
    "who",
    "when",
    "source",
)


def quarter_texts(row: IndicatorRow) -> tuple[str, ...]:
    """Each quarter's narrative, then a line for each item done in that quarter ("✓ ขั้นที่ 1 … (15 พ.ย. 2564)"):
    the assessor reads what was done where the unit wrote what it did."""
    return tuple(
        "\n".join(
            ([text] if text else []) + [xt.item_done(i.kind, i.no, i.text, i.on) for i in row.items if i.quarter == q]
        )
        for q, text in enumerate(row.narratives, start=1)
    )


def quarter_narrative(narratives: Sequence[str]) -> str:
    """Seed 000's cell: "(ไตรมาส 1) … (ไตรมาส 2) -", a dash for a quarter with nothing reported."""
    return " ".join(
        xt.QUARTER_NARRATIVE.format(quarter=q, text=text or NONE) for q, text in enumerate(narratives, start=1)
    )


def numbered(items: Sequence[str]) -> str:
    """Seed 000 numbers supporting projects "(1)…, (2)…"; one a line reads better in a wrapped cell."""
    return "\n".join(f"({n}) {item}" for n, item in enumerate(items, start=1)) or NONE


def evidence_text(row: IndicatorRow) -> str:
    """The plan's evidence list, then what reporters attached (by filename or document number)."""
    lines = list(row.evidence)
    if row.attachments:
        lines.append(xt.ATTACHMENTS.format(files=", ".join(row.attachments)))
    return "\n".join(lines) or NONE


def level_text(level: int | None) -> str:
    """The level as the rubric tables print it ("ระดับ 3"); a dash without a rubric or before any report."""
    return NONE if level is None else xt.LEVEL.format(level=level)


def _number_format(value: float) -> str:
    return "#,##0" if float(value).is_integer() else "#,##0.00"


def _clean(text: str) -> str:
    """Chat text may hold control characters that a workbook cannot store; drop them."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _letters(text: str) -> int:
    """Letters that take horizontal room: Thai vowel and tone marks (category Mn) stack, they add none."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def _height(text: str, width: float, size: float) -> float:
    """About how tall (pt) ``text`` wraps to in a column ``width`` characters wide at ``size`` pt."""
    per_line = max(1, int(width * _LETTERS_PER_WIDTH * _BODY_PT / size))
    lines = sum(max(1, math.ceil(_letters(part) / per_line)) for part in text.split("\n"))
    return lines * _LINE_PT * size / _BODY_PT + _PAD_PT


def _fitting_size(text: str, width: float) -> int:
    """The largest font size at which the text fits in Excel's tallest row (14 pt for nearly all)."""
    return next((size for size in _SIZES if _height(text, width, size) <= _MAX_ROW_PT), _SIZES[-1])


@dataclass(frozen=True)
class _Layout:
    """Font size per cell and the row height that shows every cell whole."""

    sizes: tuple[int, ...]
    height: float


def _layout(values: Sequence[str | float | None]) -> _Layout:
    """Each text cell at the largest size that fits; the row as tall as its tallest cell needs."""
    sizes = tuple(
        _fitting_size(v, c.width) if isinstance(v, str) else _BODY_PT for c, v in zip(COLUMNS, values, strict=True)
    )
    heights = [
        _height(v, c.width, size) if isinstance(v, str) else _LINE_PT + _PAD_PT
        for c, v, size in zip(COLUMNS, values, sizes, strict=True)
    ]
    return _Layout(sizes, min(_MAX_ROW_PT, max(heights)))


def _put(ws: Worksheet, row: int, column: int, value: str | float | None, *, font: Font = _BODY) -> Cell:
    """Write one cell in the Thai font; text stays text even when it starts with "=" (never a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, int | float):
            cell.number_format = _number_format(value)
    cell.font = font
    return cell


def _title_block(ws: Worksheet, report: QuarterlyReport, today: date) -> None:
    """Form name, unit, fiscal year, quarter (with its dates) and the export date, centred over the table."""
    first, last = quarter_bounds(report.fiscal_year, report.quarter)
    lines = (
        (xt.FORM_TITLE, _TITLE),
        (report.unit, _SUBTITLE),
        (xt.FISCAL_YEAR.format(fiscal_year=report.fiscal_year), _SUBTITLE),
        (xt.QUARTER_DATES.format(quarter=report.quarter, first=thai_date(first), last=thai_date(last)), _SUBTITLE),
        (xt.AS_OF.format(day=thai_date(today, abbreviated=False)), _BODY),
    )
    for n, (text, font) in enumerate(lines, start=1):
        cell = _put(ws, n, 1, text, font=font)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=len(COLUMNS))
        ws.row_dimensions[n].height = (font.size or _BODY_PT) * _LINE_PT / _BODY_PT + _PAD_PT


def _header(ws: Worksheet) -> None:
    for n, column in enumerate(COLUMNS, start=1):
        cell = _put(ws, HEADER_ROW, n, column.header, font=_BOLD)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = _HEAD_FILL
        cell.border = _GRID
        ws.column_dimensions[get_column_letter(n)].width = column.width
    ws.row_dimensions[HEADER_ROW].height = _layout([c.header for c in COLUMNS]).height


def _cells(row: IndicatorRow) -> tuple[str | float | None, ...]:
    """The row's values in COLUMNS order: numbers stay numbers so Excel can add them up."""
    return (
        row.order,
        row.code,
        row.name,
        row.strategy_code or NONE,
        row.target or NONE,
        row.unit or NONE,
        NONE if row.value is None else row.value,
        NONE if row.confirmed_value is None else row.confirmed_value,
        level_text(row.level),
        quarter_narrative(quarter_texts(row)),
        numbered(row.projects),
        evidence_text(row),
    )


def _rows(ws: Worksheet, rows: Sequence[IndicatorRow]) -> None:
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        values = _cells(row)
        layout = _layout(values)
        for n, (column, value, size) in enumerate(zip(COLUMNS, values, layout.sizes, strict=True), start=1):
            cell = _put(ws, r, n, value, font=_BODY if size == _BODY_PT else Font(name=FONT_NAME, size=size))
            cell.alignment = Alignment(horizontal=column.align, vertical="top", wrap_text=True)
            cell.border = _GRID
        ws.row_dimensions[r].height = layout.height


def _page_setup(ws: Worksheet, report: QuarterlyReport) -> None:
    """A4 landscape, one page wide, the header row repeated on every printed page, pages numbered."""
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.oddFooter.left.text = xt.FOOTER.format(
        plan=report.plan_key, quarter=report.quarter, fiscal_year=report.fiscal_year
    )
    ws.oddFooter.right.text = xt.PAGE_NUMBER
    for part in (ws.oddFooter.left, ws.oddFooter.right):
        part.font = FONT_NAME
        part.size = 12


def quarterly_workbook(report: QuarterlyReport, today: date) -> Workbook:
    """The สยป.3 workbook of a gathered report; ``today`` is the export date printed in the title."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = xt.SHEET_TITLE.format(quarter=report.quarter, fiscal_year=report.fiscal_year)
    wb.properties.title = xt.WORKBOOK_TITLE.format(
        form=xt.FORM_TITLE, unit=report.unit, fiscal_year=report.fiscal_year, quarter=report.quarter
    )
    wb.properties.creator = "Tidtam"
    _title_block(ws, report, today)
    _header(ws)
    _rows(ws, report.rows)
    _page_setup(ws, report)
    return wb


def write_quarterly_xlsx(
    session: Session,
    plan_key: str,
    fiscal_year: int,
    quarter: int,
    out_path: Path | str,
    *,
    today: date | None = None,
) -> QuarterlyReport:
    """Write form สยป.3 of a plan's quarter to ``out_path``; returns what was written.

    Raises ``ExportError`` when the plan or its fiscal year is not in the database.
    """
    report = quarterly_report(session, plan_key, fiscal_year, quarter)
    quarterly_workbook(report, today or bangkok_date(utcnow())).save(Path(out_path))
    return report


def _csv_text(text: str) -> str:
    """Chat text opened in Excel must not run as a formula: quote a leading =, +, -, @ (not numbers)."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and text != NONE:
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def _csv_value(value: Any) -> str:
    """Audit values are JSON (numbers, text, lists of milestones): print them the way a person reads them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return _csv_text(value)
    return _csv_text(json.dumps(value, ensure_ascii=False))


def _csv_line(row: HistoryRow) -> list[str]:
    return [
        row.record,
        str(row.report_id),
        row.indicator_code,
        row.period,
        row.status,
        _csv_value(row.value),
        _csv_value(row.confirmed_value),
        _csv_value(row.narrative),
        row.field,
        _csv_value(row.old),
        _csv_value(row.new),
        row.who,
        row.when.isoformat(timespec="seconds") if row.when else "",
        row.source,
    ]


def write_reports_csv(session: Session, plan_key: str, fiscal_year: int, out_path: Path | str) -> int:
    """Write every report of the plan's year and its audit trail; returns the number of lines written.

    One line per report (as it stands) followed by one per change (field, old → new, who, when in
    Bangkok time). Raises ``ExportError`` when the plan or its fiscal year is not in the database.
    """
    rows = report_history(session, plan_key, fiscal_year)
    with Path(out_path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        writer.writerows(_csv_line(r) for r in rows)
    return len(rows)
