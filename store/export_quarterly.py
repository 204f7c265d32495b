"""The data of the quarterly export (form สยป.3) and of the report-history CSV, read from a Session.

Pure gathering: no file formats here, so the spreadsheet writer (``bot/export_xlsx.py``) and any
later output (a PDF, a LINE summary) share one reading of the rules:

* a plan is named by its key (``fy2567-governor-secretary``) and a fiscal year; reports attached to
  any version of that plan in that year count, matched by indicator code, because appeals (อุทธรณ์)
  create new versions while reports stay on the indicator rows they were made against;
* withdrawn reports count for nothing (the reporter unsent them), but the CSV still lists them,
  since it is the audit trail;
* values are cumulative (ผลสะสม): the value shown for a quarter is the latest result up to the end of
  that quarter, not a sum, read by the one rule of ``store.progress`` that the chat answers, the
  dashboard and the reminders use too, so the form never disagrees with them;
* self-reported values and committee-confirmed values stay apart, as the assessor needs both;
* the items done (milestones, conditions, checklist items, project steps) up to the quarter are
  listed under the quarter they were done in, in the narrative column, with the day: those the
  level counts (``store.progress`` folds the item marks into the result), dated by their mark, or by
  the first report that named them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from scoring.fiscal import BANGKOK, bangkok_date
from scoring.items import items_of
from scoring.plan import Indicator, Plan
from scoring.rubric import Result, evaluate, result_value
from store import item_marks, progress
from store.item_marks import ItemState
from store.models import Evidence, Person, PlanRecord, ReportChange
from store.plans import plan_from_record

SYSTEM = "ระบบ"  # who a change is by when a system job made it (``acting_as(session, None, …)``)


class ExportError(LookupError):
    """The plan or fiscal year asked for is not in the database; the message is Thai, then English."""


@dataclass(frozen=True)
class DoneItem:
    """An item done by the quarter's end: which, in which quarter, on which (Bangkok) day."""

    item: str
    kind: str
    no: str | None
    text: str
    quarter: int
    on: date


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
    items: tuple[DoneItem, ...] = ()  # the items done up to the quarter, in plan order


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
    """The plan record to print (``store.progress`` reads the reports of all its versions)."""

    record: PlanRecord
    plan: Plan


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
    return _PlanScope(in_year[-1], plan_from_record(in_year[-1]))


def _value(indicator: Indicator, result: Result | None) -> float | None:
    """The value a result states: as given, or numerator/denominator through the plan's formula."""
    return result_value(indicator, result) if result is not None else None


def _narratives(reports: Sequence[progress.Report], quarter: int) -> tuple[str, ...]:
    """Each quarter's newest non-empty narrative, quarters 1 … ``quarter``; "" where none was given
    (the items done in each quarter travel apart, in ``IndicatorRow.items``, for the writer to word)."""
    out: list[str] = []
    for q in range(1, quarter + 1):
        texts = [r.narrative.strip() for r in reports if r.quarter == q and r.narrative.strip()]
        out.append(texts[-1] if texts else "")
    return tuple(out)


def _done_items(
    indicator: Indicator, result: Result | None, states: dict[str, ItemState], reports: Sequence[progress.Report]
) -> tuple[DoneItem, ...]:
    """The items the result counts as done, in plan order: when and in which quarter each was marked
    done, or (done by a report's list, not by a mark) the first report that named it."""
    if result is None:
        return ()
    out: list[DoneItem] = []
    for item in items_of(indicator):
        if item.id not in result.done:
            continue
        state = states.get(item.id)
        if state is not None and state.done:
            out.append(DoneItem(item.id, item.kind, item.no, item.text, state.quarter, bangkok_date(state.at)))
            continue
        first = next((r for r in reports if item.id in r.done), None)
        if first is not None:
            out.append(DoneItem(item.id, item.kind, item.no, item.text, first.quarter, bangkok_date(first.reported_at)))
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


def _mark_files(session: Session, mark_ids: Sequence[int]) -> dict[int, list[str]]:
    """Labels of the evidence attached to each item mark, in the order it arrived."""
    if not mark_ids:
        return {}
    items = session.exec(
        select(Evidence)
        .where(col(Evidence.item_mark_id).in_(sorted(set(mark_ids))))
        .order_by(col(Evidence.created_at), col(Evidence.id))
    ).all()
    out: dict[int, list[str]] = {}
    for item in items:
        if item.item_mark_id is not None:
            out.setdefault(item.item_mark_id, []).append(_evidence_label(item))
    return out


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


@dataclass(frozen=True)
class _Progress:
    """One indicator's progress up to the quarter: its live reports, its latest result on each basis,
    its items' states."""

    reports: Sequence[progress.Report]
    reported: Result | None
    confirmed: Result | None
    states: dict[str, ItemState]


def _indicator_row(
    order: int,
    indicator: Indicator,
    state: _Progress,
    files: dict[int, list[str]],
    quarter: int,
    mark_files: dict[int, list[str]] | None = None,
) -> IndicatorRow:
    """One row from the indicator's progress up to the quarter; ``files`` by report, ``mark_files`` by
    item mark (the evidence of an item done)."""
    reports = state.reports
    counted = bool(reports) or state.reported is not None  # items marked by chat count without a report
    level = evaluate(indicator, state.reported).level if indicator.rubric is not None and counted else None
    attached = [name for r in reports for name in files.get(r.id, [])]
    items = _done_items(indicator, state.reported, state.states, reports)
    marks = [state.states[i.item].mark_id for i in items if i.item in state.states]
    attached += [name for mark_id in marks for name in (mark_files or {}).get(mark_id, [])]
    return IndicatorRow(
        order=order,
        code=indicator.code,
        name=indicator.name,
        strategy_code=indicator.strategy_code,
        target=indicator.target.text if indicator.target else None,
        unit=indicator.unit,
        value=_value(indicator, state.reported),
        confirmed_value=_value(indicator, state.confirmed),
        level=level,
        narratives=_narratives(reports, quarter),
        projects=tuple(p.name for p in indicator.projects),
        evidence=_unique(indicator.evidence),
        attachments=_unique(attached),
        items=items,
    )


def quarterly_report(session: Session, plan_key: str, fiscal_year: int, quarter: int) -> QuarterlyReport:
    """The สยป.3 content of a plan for quarter 1–4 of a fiscal year (BE), one row per indicator."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    scope = _find_scope(session, plan_key, fiscal_year)
    plans, plan_id = [scope.record], scope.record.id or 0
    reported = progress.latest_results(session=session, plans=plans, as_of=quarter)[plan_id]
    confirmed = progress.latest_results(session=session, plans=plans, as_of=quarter, basis="confirmed")[plan_id]
    by_code = progress.history(session=session, plan=scope.record, until=quarter)
    files = _evidence_files(session, [r.id for reports in by_code.values() for r in reports])
    states = item_marks.plan_states(session, plans=plans, as_of=quarter).get(plan_id, {})
    mark_files = _mark_files(session, [s.mark_id for items in states.values() for s in items.values() if s.done])
    rows = tuple(
        _indicator_row(
            n,
            ind,
            _Progress(
                by_code.get(ind.code, []), reported.get(ind.code), confirmed.get(ind.code), states.get(ind.code, {})
            ),
            files,
            quarter,
            mark_files,
        )
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


def _report_line(report: progress.Report, names: dict[int, str]) -> HistoryRow:
    """The report as it stands now: status, values and narrative, by whom and when it was last reported."""
    return HistoryRow(
        record="report",
        report_id=report.id,
        indicator_code=report.code,
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


def _change_line(report: progress.Report, change: ReportChange, names: dict[int, str]) -> HistoryRow:
    """One audit row: which field went from what to what, by whom and when."""
    return HistoryRow(
        record="change",
        report_id=report.id,
        indicator_code=report.code,
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
    by_code = progress.history(session=session, plan=scope.record, withdrawn=True)
    reports = sorted(
        (r for rs in by_code.values() for r in rs),
        key=lambda r: (order.get(r.code, len(order)), r.quarter, r.period, r.id),
    )
    changes = _changes(session, [r.id for r in reports])
    who = [r.reported_by for r in reports] + [c.changed_by for cs in changes.values() for c in cs]
    names = _people(session, who)
    out: list[HistoryRow] = []
    for r in reports:
        out.append(_report_line(r, names))
        out.extend(_change_line(r, c, names) for c in changes.get(r.id, []))
    return out
