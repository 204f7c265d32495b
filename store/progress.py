"""Progress: the one place where a report is changed and where "the latest result" is read.

When five modules each read the latest result their own way, and four change a report each with its
own idea of what that does to the committee's confirmation, they disagree: a corrected report still
showed as confirmed on the indicator card and was scored at its new value in the confirmed-only
summary. So the report table is used here only (a test keeps it so), and:

* Writes (``record``, ``correct``, ``confirm``, ``return_``, ``withdraw``) run under ``acting_as``, so
  the audit trail has who, when and old → new of every field. ``confirmed_value`` is set only while
  the report is confirmed: a new record of the period, a change to what is scored (value, numerator,
  denominator, done items, period), a return or a withdrawal clears it and puts the status back; the
  old number stays in the trail, and the returned ``Written`` says so, for the caller to tell the
  committee. Words added to the narrative do not undo a confirmation: the committee confirmed a number.
* Reads give frozen ``Report`` copies, never table rows, so nothing changes a report behind the trail.
* The latest result of an indicator is one rule, read in SQL by ``latest_results`` and over a history
  by ``latest``. Among the live reports of the plan's fiscal year (not withdrawn; on the confirmed
  basis, confirmed ones), up to a quarter if asked, that state a result (a value, a numerator or a
  done item): the one of the latest quarter, and within a quarter the one sent last. Values are
  cumulative (ผลสะสม), so a late report for an earlier quarter does not replace a later quarter's, and
  a report that only says "in progress" does not wipe the value before it. Reports made against an
  earlier version of the plan (an appeal creates a new version) count, matched by indicator code.
* Items done by chat (milestones, conditions, checklist items, steps) are marks of their own
  (``store.item_marks``): every result read here has the items' current states folded into its done
  set (``with_items``), so no reader scores a level the items do not support, or misses one they do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, col, select

from scoring.deadlines import Deadline
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.rubric import Result
from store import item_marks
from store.audit import acting_as
from store.item_marks import ItemState
from store.models import IndicatorRecord, PlanRecord, ProgressReport, ReportChange, ReportStatus

Basis = Literal["reported", "confirmed"]  # self-reported values, or the committee's confirmed ones


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # ``correct``: leave this field as it is (None is a value: "no numerator")


class ReportGone(LookupError):
    """No such report, or the reporter withdrew it (unsent the message): there is nothing to change."""


class PeriodTaken(ValueError):
    """The indicator already has a report for the period a correction would move this one to."""


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
    keeps_values: bool = False  # items only ("ขั้นที่ 3 เสร็จ"): the period's number stays as it was


def _result(
    value: float | None,
    done: Iterable[str] | None,
    numerator: float | None,
    denominator: float | None,
    confirmed_value: float | None,
    basis: Basis,
) -> Result:
    """The only place a report becomes a ``Result``: the confirmed basis scores the committee's number."""
    if basis == "confirmed" and confirmed_value is not None:
        value = confirmed_value
    return Result.of(value, done or (), numerator=numerator, denominator=denominator)


@dataclass(frozen=True)
class Report:
    """A report as read: a copy, so any change to it has to go through the writes here."""

    id: int
    indicator_id: int
    code: str
    fiscal_year: int
    quarter: int
    month: int | None
    period: str
    value: float | None
    numerator: float | None
    denominator: float | None
    done: tuple[str, ...]
    narrative: str
    problems: str
    status: ReportStatus
    status_reason: str | None
    confirmed_value: float | None
    reported_by: int
    reported_at: datetime
    source_message_id: str | None

    @property
    def fiscal_period(self) -> FiscalPeriod:
        return FiscalPeriod(self.fiscal_year, self.quarter, self.month)

    @property
    def states_result(self) -> bool:
        """Says how far the indicator got; "in progress" or "no progress" alone does not."""
        return self.value is not None or self.numerator is not None or bool(self.done)

    def counts_on(self, basis: Basis) -> bool:
        if basis == "confirmed":
            return self.status == ReportStatus.confirmed
        return self.status != ReportStatus.withdrawn

    def result(self, basis: Basis = "reported") -> Result:
        return _result(self.value, self.done, self.numerator, self.denominator, self.confirmed_value, basis)


@dataclass(frozen=True)
class Written:
    """What a write did: the report after it, and before it (None when the write created it)."""

    report: Report
    before: Report | None

    @property
    def unconfirmed(self) -> bool:
        """The committee had confirmed this report and the write undid that: the committee should hear."""
        return (
            self.before is not None
            and self.before.status == ReportStatus.confirmed
            and self.report.status != ReportStatus.confirmed
        )


def _copy(row: ProgressReport, code: str) -> Report:
    assert row.id is not None and row.reported_at is not None, "copied after the row was flushed"
    return Report(
        id=row.id,
        indicator_id=row.indicator_id,
        code=code,
        fiscal_year=row.fiscal_year,
        quarter=row.quarter,
        month=row.month,
        period=row.period,
        value=row.value,
        numerator=row.numerator,
        denominator=row.denominator,
        done=tuple(row.done or ()),
        narrative=row.narrative,
        problems=row.problems,
        status=ReportStatus(row.status),
        status_reason=row.status_reason,
        confirmed_value=row.confirmed_value,
        reported_by=row.reported_by,
        reported_at=row.reported_at,
        source_message_id=row.source_message_id,
    )


def _code_of(session: Session, indicator_id: int) -> str:
    indicator = session.get(IndicatorRecord, indicator_id)
    return indicator.code if indicator else "?"


def _live_row(session: Session, report_id: int) -> ProgressReport:
    row = session.get(ProgressReport, report_id)
    if row is None or row.status == ReportStatus.withdrawn:
        raise ReportGone(f"report {report_id} does not exist or was withdrawn")
    return row


def _unconfirm(row: ProgressReport, status: ReportStatus = ReportStatus.reported) -> None:
    row.status = status
    row.confirmed_value = None


# --- writes ------------------------------------------------------------------------------------


def record(session: Session, *, data: ReportInput, by: int, now: datetime, source: str) -> Written:
    """Create the period's report, or record the period again (the newest values replace the old).

    Two workers may record the same indicator and period at the same moment (two reporters of one
    unit). On PostgreSQL the insert runs in a savepoint: the one that loses the unique constraint
    records over the winner's row, as if it had come a moment later. (SQLite has one writer at a
    time, so the question does not arise there.)
    """
    code = _code_of(session, data.indicator_id)
    guarded = session.get_bind().dialect.name == "postgresql"
    for attempt in range(2):
        row = session.exec(
            select(ProgressReport).where(
                ProgressReport.indicator_id == data.indicator_id, ProgressReport.period == data.period.label
            )
        ).first()
        before = _copy(row, code) if row is not None else None
        if not guarded or row is not None:
            return Written(_write(session, row, data, code, by=by, now=now, source=source), before)
        try:
            with session.begin_nested():
                return Written(_write(session, None, data, code, by=by, now=now, source=source), None)
        except sa.exc.IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _write(
    session: Session, row: ProgressReport | None, data: ReportInput, code: str, *, by: int, now: datetime, source: str
) -> Report:
    with acting_as(session, by, source=source, now=now):
        if row is None:
            row = ProgressReport(
                indicator_id=data.indicator_id,
                fiscal_year=data.period.fiscal_year,
                quarter=data.period.quarter,
                month=data.period.month,
                period=data.period.label,
                reported_by=by,
            )
        if not data.keeps_values:
            row.value, row.numerator, row.denominator = data.value, data.numerator, data.denominator
        row.done = sorted(set(row.done) | set(data.done))
        if data.narrative:
            row.narrative = data.narrative
        if data.problems:
            row.problems = data.problems
        row.reported_by, row.reported_at = by, now
        row.source_message_id = data.source_message_id
        _unconfirm(row)
        session.add(row)
        session.flush()
    return _copy(row, code)


_SCORED = ("value", "numerator", "denominator", "done", "period")


def correct(
    session: Session,
    *,
    report_id: int,
    by: int,
    now: datetime,
    source: str,
    value: float | _Keep | None = KEEP,
    numerator: float | _Keep | None = KEEP,
    denominator: float | _Keep | None = KEEP,
    done: Sequence[str] | _Keep = KEEP,
    period: FiscalPeriod | _Keep = KEEP,
    narrative: str | _Keep = KEEP,
    problems: str | _Keep = KEEP,
) -> Written:
    """Change fields of a live report. A change to what is scored puts a confirmed or returned report
    back to "reported", for the committee to look again; words added to the narrative do not."""
    row = _live_row(session, report_id)
    if not isinstance(period, _Keep) and period.label != row.period:
        taken = session.exec(
            select(ProgressReport.id).where(
                ProgressReport.indicator_id == row.indicator_id, ProgressReport.period == period.label
            )
        ).first()
        if taken is not None:
            raise PeriodTaken(f"indicator {row.indicator_id} already has a report for {period.label}")
    before = _copy(row, _code_of(session, row.indicator_id))
    changes: dict[str, Any] = {
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "done": done if isinstance(done, _Keep) else sorted(set(done)),
        "narrative": narrative,
        "problems": problems,
    }
    with acting_as(session, by, source=source, now=now):
        for name, new in changes.items():
            if not isinstance(new, _Keep):
                setattr(row, name, new)
        if not isinstance(period, _Keep):
            row.fiscal_year, row.quarter, row.month = period.fiscal_year, period.quarter, period.month
            row.period = period.label
        after = _copy(row, before.code)
        rescored = any(getattr(before, f) != getattr(after, f) for f in _SCORED)
        if rescored and row.status in (ReportStatus.confirmed, ReportStatus.returned):
            _unconfirm(row)
        session.add(row)
        session.flush()
    return Written(_copy(row, before.code), before)


def confirm(
    session: Session, *, report_id: int, by: int, now: datetime, value: float | None = None, source: str = "line:verify"
) -> Written:
    """The committee confirms the report: its reported value, or the number it gives instead."""
    row = _live_row(session, report_id)
    before = _copy(row, _code_of(session, row.indicator_id))
    with acting_as(session, by, source=source, now=now):
        row.status = ReportStatus.confirmed
        row.confirmed_value = value if value is not None else row.value
        session.add(row)
        session.flush()
    return Written(_copy(row, before.code), before)


def return_(
    session: Session, *, report_id: int, by: int, now: datetime, reason: str, source: str = "line:verify"
) -> Written:
    """The committee sends the report back with a reason; a returned report is not confirmed."""
    row = _live_row(session, report_id)
    before = _copy(row, _code_of(session, row.indicator_id))
    with acting_as(session, by, source=source, now=now):
        _unconfirm(row, ReportStatus.returned)
        row.status_reason = reason
        session.add(row)
        session.flush()
    return Written(_copy(row, before.code), before)


def withdraw(
    session: Session,
    *,
    by: int,
    now: datetime,
    reason: str,
    report_id: int | None = None,
    source_message_id: str | None = None,
    source: str | None = None,
) -> list[Written]:
    """Withdraw one report, or those a person's unsent message created (and the items it marked);
    they count for nothing after."""
    if (report_id is None) == (source_message_id is None):
        raise TypeError("withdraw takes report_id or source_message_id, not both")
    if report_id is not None:
        rows = [_live_row(session, report_id)]
    else:
        rows = list(
            session.exec(
                select(ProgressReport).where(
                    ProgressReport.source_message_id == source_message_id,
                    ProgressReport.reported_by == by,
                    ProgressReport.status != ReportStatus.withdrawn,
                )
            ).all()
        )
    if source_message_id is not None:
        item_marks.withdraw_message(session, by=by, source_message_id=source_message_id, now=now)
    befores = [_copy(row, _code_of(session, row.indicator_id)) for row in rows]
    with acting_as(session, by, source=source or f"line:unsend:{source_message_id or report_id}", now=now):
        for row in rows:
            _unconfirm(row, ReportStatus.withdrawn)
            row.status_reason = reason
            session.add(row)
        session.flush()
    return [Written(_copy(row, b.code), b) for row, b in zip(rows, befores, strict=True)]


# --- reads -------------------------------------------------------------------------------------

_REPORT: sa.Table = ProgressReport.__table__  # type: ignore[attr-defined]
_INDICATOR: sa.Table = IndicatorRecord.__table__  # type: ignore[attr-defined]
_PLAN: sa.Table = PlanRecord.__table__  # type: ignore[attr-defined]
_NEWEST_FIRST = (_REPORT.c.quarter.desc(), _REPORT.c.reported_at.desc(), _REPORT.c.id.desc())


def _counts_on(basis: Basis) -> sa.ColumnElement[bool]:
    if basis == "confirmed":
        return _REPORT.c.status == ReportStatus.confirmed.value
    return _REPORT.c.status != ReportStatus.withdrawn.value


def _states_result() -> sa.ColumnElement[bool]:
    """``Report.states_result`` in SQL (``done`` is a JSON list, stored as "[]" when empty)."""
    return sa.or_(
        _REPORT.c.value.is_not(None), _REPORT.c.numerator.is_not(None), sa.cast(_REPORT.c.done, sa.Text) != "[]"
    )


def with_items(result: Result | None, states: dict[str, ItemState] | None) -> Result | None:
    """A report's result with the items' current states: marked done adds, marked not done removes."""
    if not states:
        return result
    base = result or Result()
    done = (base.done | item_marks.done_items(states)) - item_marks.undone_items(states)
    return Result(base.value, frozenset(done), base.numerator, base.denominator)


def get(session: Session, *, report_id: int) -> Report | None:
    row = session.get(ProgressReport, report_id)
    return _copy(row, _code_of(session, row.indicator_id)) if row is not None else None


def history(
    *, session: Session, plan: PlanRecord, until: int | None = None, withdrawn: bool = False
) -> dict[str, list[Report]]:
    """Each indicator's reports in the plan's fiscal year (up to quarter ``until``), oldest first in the
    order ``latest`` reads them: by quarter, then as sent. Withdrawn ones only when asked (the audit CSV)."""
    query = (
        select(ProgressReport, IndicatorRecord.code)
        .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
        .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
        .where(
            PlanRecord.key == plan.key,
            PlanRecord.fiscal_year == plan.fiscal_year,
            ProgressReport.fiscal_year == plan.fiscal_year,
        )
        .order_by(col(ProgressReport.quarter), col(ProgressReport.reported_at), col(ProgressReport.id))
    )
    if not withdrawn:
        query = query.where(ProgressReport.status != ReportStatus.withdrawn)
    if until is not None:
        query = query.where(col(ProgressReport.quarter) <= until)
    out: dict[str, list[Report]] = {}
    for row, code in session.exec(query).all():
        out.setdefault(code, []).append(_copy(row, code))
    return out


def latest(reports: Iterable[Report], basis: Basis = "reported") -> Report | None:
    """The latest result among one indicator's reports given in ``history`` order (the module's rule)."""
    found = None
    for report in reports:
        if report.counts_on(basis) and report.states_result:
            found = report
    return found


def latest_results(
    *, session: Session, plans: Sequence[PlanRecord], as_of: int | None = None, basis: Basis = "reported"
) -> dict[int, dict[str, Result]]:
    """The latest result of every indicator of several plans, up to quarter ``as_of``, in one query.

    Each indicator row's newest report is one index lookup (indicator_id), so a department of 30 units
    with years of monthly reports costs one round trip, not thousands of objects. Rows of other
    versions of a plan are read too and the newest wins, by code.
    """
    if not plans:
        return {}
    newest = sa.select(_REPORT.c.id).where(
        _REPORT.c.indicator_id == _INDICATOR.c.id,
        _REPORT.c.fiscal_year == _PLAN.c.fiscal_year,
        _counts_on(basis),
        _states_result(),
    )
    if as_of is not None:
        newest = newest.where(_REPORT.c.quarter <= as_of)
    newest_id = newest.order_by(*_NEWEST_FIRST).limit(1).correlate(_INDICATOR, _PLAN).scalar_subquery()
    r = _REPORT.c
    # Sent times are only compared with each other (which version's report is newer), so the driver's
    # value is enough: parsing 900 datetimes would cost more than the query.
    sent = sa.type_coerce(r.reported_at, sa.String())
    query = (
        sa.select(_PLAN.c.key, _PLAN.c.fiscal_year, _INDICATOR.c.code, r.quarter, sent, r.id)
        .add_columns(r.value, r.done, r.numerator, r.denominator, r.confirmed_value)
        .select_from(
            _INDICATOR.join(_PLAN, _PLAN.c.id == _INDICATOR.c.plan_id).join(_REPORT, _REPORT.c.id == newest_id)
        )
        .where(
            _PLAN.c.key.in_(sorted({p.key for p in plans})),
            _PLAN.c.fiscal_year.in_(sorted({p.fiscal_year for p in plans})),
        )
    )
    newest_of: dict[tuple[str, int], dict[str, tuple[tuple[Any, ...], Result]]] = {}
    for key, year, code, quarter, at, rid, value, done, numerator, denominator, confirmed in session.execute(query):
        codes = newest_of.setdefault((key, year), {})
        order = (quarter, at, rid)
        if code not in codes or order > codes[code][0]:
            codes[code] = (order, _result(value, done, numerator, denominator, confirmed, basis))
    marks = item_marks.plan_states(session, plans=plans, as_of=as_of)
    out: dict[int, dict[str, Result]] = {}
    for p in plans:
        results = {code: result for code, (_, result) in newest_of.get((p.key, p.fiscal_year), {}).items()}
        for code, states in marks.get(p.id or 0, {}).items():
            merged = with_items(results.get(code), states)
            if merged is not None:
                results[code] = merged
        out[p.id or 0] = results
    return out


def latest_report(
    *, session: Session, indicator_id: int, fiscal_year: int, as_of: int | None = None, basis: Basis = "reported"
) -> Report | None:
    """The latest result of one indicator row as a report (to compare a new value with)."""
    query = (
        sa.select(_REPORT.c.id)
        .where(_REPORT.c.indicator_id == indicator_id, _REPORT.c.fiscal_year == fiscal_year)
        .where(_counts_on(basis), _states_result())
    )
    if as_of is not None:
        query = query.where(_REPORT.c.quarter <= as_of)
    report_id = session.execute(query.order_by(*_NEWEST_FIRST).limit(1)).scalar()
    return get(session, report_id=report_id) if report_id is not None else None


def last_reported_by(
    *, session: Session, person_id: int, since: datetime, plan: PlanRecord | None = None, code: str | None = None
) -> Report | None:
    """The live report a person sent last since ``since`` (of a plan, of an indicator code): the one a
    correction or a photo sent right after is about."""
    query = (
        select(ProgressReport, IndicatorRecord.code)
        .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
        .join(PlanRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
        .where(
            ProgressReport.reported_by == person_id,
            col(ProgressReport.reported_at) >= since,
            ProgressReport.status != ReportStatus.withdrawn,
        )
        .order_by(col(ProgressReport.reported_at).desc(), col(ProgressReport.id).desc())
    )
    if plan is not None:
        query = query.where(PlanRecord.key == plan.key, PlanRecord.fiscal_year == plan.fiscal_year)
    if code is not None:
        query = query.where(IndicatorRecord.code == code)
    found = session.exec(query).first()
    return _copy(*found) if found is not None else None


def has_reports(*, session: Session, indicator_id: int) -> bool:
    """Any report at all, withdrawn ones too: an indicator with reports may not disappear from a plan."""
    query = select(ProgressReport.id).where(ProgressReport.indicator_id == indicator_id)
    return session.exec(query).first() is not None


def reported_for(reports: Iterable[Report], *, deadline: Deadline, previous_due: date | None) -> bool:
    """Has one indicator been reported for a deadline's period (its live reports of the year given)?

    A quarterly deadline wants a report of that quarter; a monthly one a report of that month, or a
    quarter-level report ("ไตรมาส 2") sent after the previous monthly deadline and by this one. A late
    report for last month (it carries that month) does not count for this one.
    """
    for report in reports:
        if report.status == ReportStatus.withdrawn:
            continue
        if deadline.kind == "quarterly" and report.quarter == deadline.period.quarter:
            return True
        if deadline.kind == "monthly":
            if report.month == deadline.period.month:
                return True
            when = report.reported_at.astimezone(BANGKOK).date()
            in_window = (previous_due is None or when > previous_due) and when <= deadline.due
            if report.month is None and report.quarter == deadline.period.quarter and in_window:
                return True
    return False


# --- personal data (PDPA) ----------------------------------------------------------------------


def reports_by(*, session: Session, person_id: int) -> list[Report]:
    """Every report a person sent last, withdrawn ones too, oldest first: their copy under the PDPA."""
    query = (
        select(ProgressReport, IndicatorRecord.code)
        .join(IndicatorRecord, col(ProgressReport.indicator_id) == col(IndicatorRecord.id))
        .where(ProgressReport.reported_by == person_id)
        .order_by(col(ProgressReport.reported_at), col(ProgressReport.id))
    )
    return [_copy(row, code) for row, code in session.exec(query).all()]


def owns(table: sa.Table) -> bool:
    """Is this the reports' table? A sweep over every table leaves it to ``anonymise``."""
    return table is _REPORT


_FREE_TEXT = ("narrative", "problems", "status_reason")  # what people type; the rest are numbers and ids


def anonymise(session: Session, *, replacements: Mapping[str, str], by: int | None, now: datetime, source: str) -> int:
    """Replace a forgotten person's name, phone or LINE id wherever it was typed into a report.

    The reports stay (the agency must keep them) and nothing scored changes. The trail gets one row
    per changed field with the new text and no old one: the old text is what had to go, so the change
    is written here rather than through the audit hook, which would copy it. Returns the reports changed.
    """
    if not replacements:
        return 0
    columns = [_REPORT.c[name] for name in _FREE_TEXT]
    mentions = sa.or_(*(c.contains(old, autoescape=True) for c in columns for old in replacements))
    olds = sorted(replacements, key=len, reverse=True)
    trail: list[dict[str, Any]] = []
    changed = 0
    for report_id, *texts in session.execute(sa.select(_REPORT.c.id, *columns).where(mentions)).all():
        new: dict[str, str] = {}
        for name, text in zip(_FREE_TEXT, texts, strict=True):
            cleaned = text or ""
            for old in olds:
                cleaned = cleaned.replace(old, replacements[old])
            if cleaned != (text or ""):
                new[name] = cleaned
        if not new:
            continue
        changed += 1
        session.execute(sa.update(_REPORT).where(_REPORT.c.id == report_id).values(**new))
        trail += [
            dict(report_id=report_id, field=name, old=None, new=text, changed_by=by, changed_at=now, source=source)
            for name, text in new.items()
        ]
    if trail:
        session.execute(sa.insert(ReportChange), trail)
    return changed
