"""The data of the quarterly export (form สยป.3) and of the report-history CSV, read from a Session.

Pure gathering: no file formats here, so the spreadsheet writer (``bot/export_xlsx.py``) and any
later output (a PDF, a LINE summary) share one reading of the rules:

* a plan is named by its key (``fy2567-governor-secretary``) and a fiscal year; reports attached to
  any version of that plan in that year count, matched by indicator code, because appeals (อุทธรณ์)
  create new versions while reports stay on the indicator rows they were made against;
* withdrawn reports count for nothing (the reporter unsent them), but the CSV still lists them,
  since it is the audit trail;
* values are cumulative (ผลสะสม): the value shown for a quarter is the newest one reported in the
  fiscal year up to the end of that quarter, not a sum;
* self-reported values and committee-confirmed values stay apart, as the assessor needs both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from scoring.fiscal import BANGKOK
from scoring.plan import Indicator, Plan
from scoring.rubric import Result, evaluate, result_value
from store.models import (
    Evidence,
    IndicatorRecord,
    Person,
    PlanRecord,
    ProgressReport,
    ReportChange,
    ReportStatus,
)
from store.plans import plan_from_record

SYSTEM = "ระบบ"  # who a change is by when a system job made it (``acting_as(session, None, …)``)


class ExportError(LookupError):
    """The plan or fiscal year asked for is not in the database; the message is Thai, then English."""


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator's line of the สยป.3 table, as plain values (no formatting decided here)."""

    order: int
    code: str
    name: str
    strategy_code: str | None
    target: str | None
    unit: str | None
    value: float | None  # newest self-reported value up to the quarter's end
    confirmed_value: float | None  # newest committee-confirmed value, if any
    level: int | None  # rubric level of ``value``; None without a rubric or without a report
    narratives: tuple[str, ...]  # quarter 1 … requested quarter; "" when that quarter has none
    projects: tuple[str, ...]
    evidence: tuple[str, ...]  # the plan's evidence list (what the assessor asks for)
    attachments: tuple[str, ...]  # files and document numbers attached to the reports (what was sent)


@dataclass(frozen=True)
class QuarterlyReport:
    """Everything the quarterly form shows: the title block and the indicator rows."""

    plan_key: str
    title: str
    unit: str
    fiscal_year: int
    quarter: int
    rows: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class HistoryRow:
    """One line of the history CSV: a report as it stands (``record == "report"``) or one change."""

    record: str  # "report" or "change"
    report_id: int
    indicator_code: str
    period: str
    status: str  # report lines only
    value: float | None  # report lines only
    confirmed_value: float | None  # report lines only
    narrative: str  # report lines only
    field: str  # change lines only
    old: Any
    new: Any
    who: str
    when: datetime | None  # aware, Asia/Bangkok
    source: str


@dataclass(frozen=True)
class _PlanScope:
    """The plan record to print and the ids of its indicator rows across versions, by code."""

    record: PlanRecord
    plan: Plan
    codes: dict[int, str]  # indicator row id → indicator code


def _find_scope(session: Session, plan_key: str, fiscal_year: int) -> _PlanScope:
    """The newest version of the plan in that fiscal year, or an ExportError saying what is missing."""
    records = session.exec(select(PlanRecord).where(PlanRecord.key == plan_key).order_by(col(PlanRecord.version))).all()
    if not records:
        raise ExportError(
            f"ไม่พบแผน {plan_key} ในฐานข้อมูล (plan {plan_key!r} is not in the database; load it with `tidtam plans load`)"
        )
    in_year = [r for r in records if r.fiscal_year == fiscal_year]
    if not in_year:
        years = ", ".join(str(y) for y in sorted({r.fiscal_year for r in records}))
        raise ExportError(
            f"แผน {plan_key} ไม่มีปีงบประมาณ พ.ศ. {fiscal_year} ในฐานข้อมูล (มีปี {years}) "
            f"(plan {plan_key!r} has no fiscal year {fiscal_year} in the database; it has {years})"
        )
    ids = [r.id for r in in_year if r.id is not None]
    indicators = session.exec(select(IndicatorRecord).where(col(IndicatorRecord.plan_id).in_(ids))).all()
    codes = {i.id: i.code for i in indicators if i.id is not None}
    return _PlanScope(in_year[-1], plan_from_record(in_year[-1]), codes)


def _reports(session: Session, scope: _PlanScope, fiscal_year: int) -> list[ProgressReport]:
    """All reports of the plan's indicators in the fiscal year, oldest first, withdrawn ones included."""
    if not scope.codes:
        return []
    return list(
        session.exec(
            select(ProgressReport)
            .where(
                col(ProgressReport.indicator_id).in_(list(scope.codes)),
                ProgressReport.fiscal_year == fiscal_year,
            )
            .order_by(col(ProgressReport.quarter), col(ProgressReport.reported_at), col(ProgressReport.id))
        ).all()
    )


def _report_value(indicator: Indicator, report: ProgressReport) -> float | None:
    """The value a report states: as given, or numerator/denominator through the plan's formula."""
    result = Result.of(report.value, report.done, numerator=report.numerator, denominator=report.denominator)
    return result_value(indicator, result)


def _confirmed(report: ProgressReport) -> float | None:
    """What the committee confirmed; a confirmation without its own number confirms the reported one."""
    if report.status != ReportStatus.confirmed:
        return None
    return report.confirmed_value if report.confirmed_value is not None else report.value


def _latest(values: Iterable[float | None]) -> float | None:
    """The last non-empty value of a chronological sequence (values are cumulative)."""
    found: float | None = None
    for v in values:
        if v is not None:
            found = v
    return found


def _narratives(reports: Sequence[ProgressReport], quarter: int) -> tuple[str, ...]:
    """Each quarter's newest non-empty narrative, quarters 1 … ``quarter``; "" where none was given."""
    out: list[str] = []
    for q in range(1, quarter + 1):
        texts = [r.narrative.strip() for r in reports if r.quarter == q and r.narrative.strip()]
        out.append(texts[-1] if texts else "")
    return tuple(out)


def _evidence_label(item: Evidence) -> str:
    """How a file is named in the form: its filename, else its document number, else what it is."""
    if item.filename:
        return item.filename
    if item.reference:
        return item.reference
    if item.path:
        return Path(item.path).name
    return f"{item.kind} #{item.id}"


def _evidence_files(session: Session, report_ids: Sequence[int]) -> dict[int, list[str]]:
    """Labels of the evidence attached to each report, in the order it arrived."""
    if not report_ids:
        return {}
    items = session.exec(
        select(Evidence)
        .where(col(Evidence.report_id).in_(list(report_ids)))
        .order_by(col(Evidence.created_at), col(Evidence.id))
    ).all()
    out: dict[int, list[str]] = {}
    for item in items:
        if item.report_id is not None:
            out.setdefault(item.report_id, []).append(_evidence_label(item))
    return out


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _indicator_row(
    order: int, indicator: Indicator, reports: Sequence[ProgressReport], files: dict[int, list[str]], quarter: int
) -> IndicatorRow:
    """One row from the indicator's live reports up to the quarter (oldest first)."""
    value = _latest(_report_value(indicator, r) for r in reports)
    level: int | None = None
    if indicator.rubric is not None and reports:
        done = {d for r in reports for d in r.done}  # milestones once done stay done
        level = evaluate(indicator, Result.of(value, done)).level
    attached = [name for r in reports if r.id is not None for name in files.get(r.id, [])]
    return IndicatorRow(
        order=order,
        code=indicator.code,
        name=indicator.name,
        strategy_code=indicator.strategy_code,
        target=indicator.target.text if indicator.target else None,
        unit=indicator.unit,
        value=value,
        confirmed_value=_latest(_confirmed(r) for r in reports),
        level=level,
        narratives=_narratives(reports, quarter),
        projects=tuple(p.name for p in indicator.projects),
        evidence=_unique(indicator.evidence),
        attachments=_unique(attached),
    )


def quarterly_report(session: Session, plan_key: str, fiscal_year: int, quarter: int) -> QuarterlyReport:
    """The สยป.3 content of a plan for quarter 1–4 of a fiscal year (BE), one row per indicator."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    scope = _find_scope(session, plan_key, fiscal_year)
    live = [
        r for r in _reports(session, scope, fiscal_year) if r.status != ReportStatus.withdrawn and r.quarter <= quarter
    ]
    by_code: dict[str, list[ProgressReport]] = {}
    for r in live:
        by_code.setdefault(scope.codes[r.indicator_id], []).append(r)
    files = _evidence_files(session, [r.id for r in live if r.id is not None])
    rows = tuple(
        _indicator_row(n, ind, by_code.get(ind.code, []), files, quarter)
        for n, ind in enumerate(scope.plan.indicators(), start=1)
    )
    return QuarterlyReport(
        plan_key=plan_key,
        title=scope.plan.title,
        unit=scope.plan.unit,
        fiscal_year=fiscal_year,
        quarter=quarter,
        rows=rows,
    )


def _people(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {p.id: p.name for p in session.exec(select(Person).where(col(Person.id).in_(wanted))) if p.id is not None}


def _bangkok(moment: datetime | None) -> datetime | None:
    return moment.astimezone(BANGKOK) if moment is not None else None


def _changes(session: Session, report_ids: Sequence[int]) -> dict[int, list[ReportChange]]:
    if not report_ids:
        return {}
    rows = session.exec(
        select(ReportChange)
        .where(col(ReportChange.report_id).in_(list(report_ids)))
        .order_by(col(ReportChange.changed_at), col(ReportChange.id))
    ).all()
    out: dict[int, list[ReportChange]] = {}
    for row in rows:
        out.setdefault(row.report_id, []).append(row)
    return out


def _report_line(report: ProgressReport, code: str, names: dict[int, str]) -> HistoryRow:
    """The report as it stands now: status, values and narrative, by whom and when it was last reported."""
    return HistoryRow(
        record="report",
        report_id=report.id or 0,
        indicator_code=code,
        period=report.period,
        status=str(report.status),
        value=report.value,
        confirmed_value=report.confirmed_value,
        narrative=report.narrative,
        field="",
        old=None,
        new=None,
        who=names.get(report.reported_by, ""),
        when=_bangkok(report.reported_at),
        source=report.source_message_id or "",
    )


def _change_line(report: ProgressReport, code: str, change: ReportChange, names: dict[int, str]) -> HistoryRow:
    """One audit row: which field went from what to what, by whom and when."""
    return HistoryRow(
        record="change",
        report_id=report.id or 0,
        indicator_code=code,
        period=report.period,
        status="",
        value=None,
        confirmed_value=None,
        narrative="",
        field=change.field,
        old=change.old,
        new=change.new,
        who=names.get(change.changed_by, "") if change.changed_by is not None else SYSTEM,
        when=_bangkok(change.changed_at),
        source=change.source or "",
    )


def report_history(session: Session, plan_key: str, fiscal_year: int) -> list[HistoryRow]:
    """Every report of the plan's year (withdrawn too) followed by its audit rows, in plan order."""
    scope = _find_scope(session, plan_key, fiscal_year)
    order = {ind.code: n for n, ind in enumerate(scope.plan.indicators())}
    reports = sorted(
        _reports(session, scope, fiscal_year),
        key=lambda r: (order.get(scope.codes[r.indicator_id], len(order)), r.quarter, r.period, r.id or 0),
    )
    changes = _changes(session, [r.id for r in reports if r.id is not None])
    who = [r.reported_by for r in reports] + [c.changed_by for cs in changes.values() for c in cs]
    names = _people(session, who)
    out: list[HistoryRow] = []
    for r in reports:
        code = scope.codes[r.indicator_id]
        out.append(_report_line(r, code, names))
        out.extend(_change_line(r, code, c, names) for c in changes.get(r.id or 0, []))
    return out
