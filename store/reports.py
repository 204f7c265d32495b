"""Progress reports: record one (creating or correcting it) and read the latest results of a plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from scoring.fiscal import FiscalPeriod
from scoring.rubric import Result
from store.audit import acting_as
from store.models import IndicatorRecord, PlanRecord, ProgressReport, ReportStatus


@dataclass(frozen=True)
class ReportInput:
    """What a reporter said for one indicator and period (already parsed and confirmed)."""

    indicator_id: int
    period: FiscalPeriod
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    done: tuple[str, ...] = ()
    narrative: str = ""
    problems: str = ""
    source_message_id: str | None = None


def record_report(session: Session, data: ReportInput, *, by: int, now: datetime, source: str) -> ProgressReport:
    """Create the period's report or correct it; the audit trail records every changed field."""
    report = session.exec(
        select(ProgressReport).where(
            ProgressReport.indicator_id == data.indicator_id, ProgressReport.period == data.period.label
        )
    ).first()
    with acting_as(session, by, source=source, now=now):
        if report is None:
            report = ProgressReport(
                indicator_id=data.indicator_id,
                fiscal_year=data.period.fiscal_year,
                quarter=data.period.quarter,
                month=data.period.month,
                period=data.period.label,
                reported_by=by,
            )
        report.value, report.numerator, report.denominator = data.value, data.numerator, data.denominator
        report.done = sorted(set(report.done) | set(data.done))
        if data.narrative:
            report.narrative = data.narrative
        if data.problems:
            report.problems = data.problems
        report.reported_by, report.reported_at = by, now
        report.source_message_id = data.source_message_id
        report.status = ReportStatus.reported
        session.add(report)
        session.flush()
    return report


def latest_results(session: Session, plan: PlanRecord, *, confirmed_only: bool = False) -> dict[str, Result]:
    """The newest report of each indicator in the plan's fiscal year (values are cumulative)."""
    rows: Iterable[tuple[ProgressReport, IndicatorRecord]] = session.exec(
        select(ProgressReport, IndicatorRecord)
        .join(IndicatorRecord, ProgressReport.indicator_id == IndicatorRecord.id)  # type: ignore[arg-type]
        .where(IndicatorRecord.plan_id == plan.id, ProgressReport.fiscal_year == plan.fiscal_year)
        .order_by(ProgressReport.reported_at)  # type: ignore[arg-type]
    ).all()
    out: dict[str, Result] = {}
    for report, indicator in rows:
        if report.status == ReportStatus.withdrawn:
            continue
        if confirmed_only and report.status != ReportStatus.confirmed:
            continue
        value = report.confirmed_value if confirmed_only and report.confirmed_value is not None else report.value
        out[indicator.code] = Result.of(value, report.done, numerator=report.numerator, denominator=report.denominator)
    return out
