"""A read-only web dashboard, reached only through a signed, expiring link from chat.

``/dashboard``: each plan's indicators with levels as colours and its score (one table a plan: plans
of different years share codes, not indicators), the late list.
``/dashboard/indicator``: the trend of one indicator over the months, its items (milestones,
conditions, checklist items, project steps: done when, evidence attached or missing), and the audit
trail of its reports and of its item marks (who marked which item done or not done, when).
``/files/export``: the quarterly xlsx an admin asked for in chat, made in memory when the link is opened.

A link outlives the chat it was sent in, so every page checks again, at every request, that the
person it was made for still exists, is active and still holds a role that shows the page; and
whatever the address or the link names is checked before it reaches the database, so a wrong value
gets a Thai page saying what is wrong (4xx), never a server error.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote

import sqlalchemy as sa
from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, col, select

from bot import dashboard_texts as dt
from handlers.accounts.links import BadLink, Grant, LinkSigner, NoLinkKey, Purpose
from handlers.queries import texts as qt
from handlers.queries.answers import QueryAnswerer, indicator_items, plans_in_scope
from handlers.queries.cards import ItemView
from scoring.fiscal import BANGKOK, bangkok_date
from scoring.items import item_of
from scoring.plan import Indicator, Plan
from scoring.rubric import Evaluation
from scoring.thai import thai_date
from scoring.totals import PlanScore, score_plan
from store import item_marks, progress
from store.export_quarterly import ExportError, quarterly_report
from store.models import IndicatorRecord, Person, PlanRecord, ReportChange, Role, utcnow
from store.people import has_role
from store.plans import plan_from_record

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ID = 2**31 - 1  # ids are 32-bit integer columns; a larger number cannot name a row
_PLAN_ID = re.compile(r"[0-9]{1,10}")
_FISCAL_YEAR = re.compile(r"[0-9]{4}")  # Buddhist Era, ASCII digits only
FISCAL_YEARS = range(2500, 2701)
_QUARTER = re.compile(r"[1-4]")

_STYLE = """
body{font-family:"Noto Sans Thai","Loma","Sarabun",sans-serif;margin:16px;color:#1d2433;background:#f4f6f9}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px}.muted{color:#6b7280;font-size:13px}
table{border-collapse:collapse;background:#fff;margin:6px 0}td,th{border:1px solid #d6dbe3;padding:6px 8px;
font-size:13px;text-align:center}th{background:#273246;color:#fff}td.unit{text-align:left;max-width:260px}
td.level{font-weight:700;min-width:34px}td.l0{background:#e5e7eb;color:#6b7280}td.l1,td.l2{background:#fde2e6}
td.l3{background:#fff1d6}td.l4,td.l5{background:#d8f5e3}a{color:#0b6bcb}.bar{fill:#06c755}
tr.done td.state{color:#0a7d3b}tr.open td{color:#6b7280}td.missing{background:#fff1d6;color:#8a5300}
ul{margin:4px 0 0 18px;padding:0}li{font-size:13px;margin:2px 0}
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>",
        status_code=status,
    )


class Refused(Exception):
    """A page is not shown: the status and the Thai sentence that tells the visitor why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message

    def page(self) -> HTMLResponse:
        return _page("Tidtam", f"<h1>{dt.SORRY}</h1><p id='refused'>{html.escape(self.message)}</p>", self.status)


def _is_name(text: str, longest: int) -> bool:
    """Could name a code or key: short, and no control characters (PostgreSQL refuses a NUL in text)."""
    return 0 < len(text) <= longest and text.isprintable()


def _plan_id(text: str) -> int:
    if not _PLAN_ID.fullmatch(text) or not 1 <= int(text) <= MAX_ID:
        raise Refused(400, dt.BAD_PLAN_ID)
    return int(text)


def _export_spec(path: str) -> tuple[str, int, int]:
    """(plan key, fiscal year, quarter) of an export link's path ``export:<key>:<year>:<quarter>``."""
    kind, _, spec = path.partition(":")
    parts = spec.rsplit(":", 2)
    if kind != "export":
        raise Refused(403, dt.LINK_INVALID)
    if len(parts) != 3 or not _is_name(parts[0], 200):
        raise Refused(400, dt.BAD_EXPORT)
    plan_key, year, quarter = parts
    if not _FISCAL_YEAR.fullmatch(year) or int(year) not in FISCAL_YEARS or not _QUARTER.fullmatch(quarter):
        raise Refused(400, dt.BAD_EXPORT)
    return plan_key, int(year), int(quarter)


def _attachment(filename: str) -> str:
    """A Content-Disposition that names the file in any script (RFC 6266), as Starlette's FileResponse does."""
    quoted = quote(filename)
    return f"attachment; filename*=utf-8''{quoted}" if quoted != filename else f'attachment; filename="{filename}"'


def _active_person(session: Session, grant: Grant) -> Person:
    person = session.get(Person, grant.person_id)
    if person is None or not person.active:
        raise Refused(403, dt.NO_LONGER_ALLOWED)
    return person


def dashboard_router(engine: sa.Engine, secret: Callable[[], str]) -> APIRouter:
    """``secret`` gives the raw ``LINK_SECRET`` string (keys newest first) at each request."""
    router = APIRouter()

    def grant_of(token: str, purpose: Purpose, path: str | None = None) -> Grant:
        try:
            grant = LinkSigner.from_secret(secret()).read(token, utcnow(), purpose=purpose)
        except BadLink as exc:
            raise Refused(403, dt.LINK_EXPIRED if exc.expired else dt.LINK_INVALID) from exc
        except NoLinkKey as exc:
            raise Refused(403, dt.LINK_INVALID) from exc
        if path is not None and grant.path != path:
            raise Refused(403, dt.LINK_INVALID)
        return grant

    def viewer(session: Session, grant: Grant) -> tuple[Person, QueryAnswerer, list[PlanRecord]]:
        """Who the link was made for, if they may still see the dashboard, and the plans their scope shows."""
        person = _active_person(session, grant)
        answerer = QueryAnswerer(session, person, "-", utcnow())
        if not (answerer.scope.everything or answerer.scope.unit_ids):
            raise Refused(403, dt.NO_LONGER_ALLOWED)
        return person, answerer, plans_in_scope(session, answerer.scope, answerer.today)

    @router.get("/dashboard", response_class=HTMLResponse)
    def dashboard(t: str = "") -> HTMLResponse:
        try:
            grant = grant_of(t, "dashboard", "dashboard")
            with Session(engine) as session:
                person, answerer, plans = viewer(session, grant)
                results = progress.latest_results(session=session, plans=plans)
                tables = []
                for record in plans:
                    plan = plan_from_record(record)
                    scored = score_plan(plan, results[record.id or 0])
                    tables.append(_levels_table(t, record, plan, scored))
                late = answerer.who_late(plans).texts[0] if plans else ""
        except Refused as refused:
            return refused.page()
        late_items = "".join(f"<li>{html.escape(line.lstrip('• '))}</li>" for line in late.splitlines()[1:])
        body = (
            f"<h1>{dt.DASHBOARD_HEADING}</h1><p class='muted'>"
            f"{dt.FOR_WHOM.format(name=html.escape(person.name), expires=grant.expires.astimezone(BANGKOK))}</p>"
            f"<div id='levels'>{''.join(tables)}</div>"
            f"<p class='muted'>{dt.LEVELS_LEGEND}</p>"
            f"<h2>{dt.LATE_HEADING}</h2><ul id='late'>{late_items or f'<li>{dt.NOBODY_LATE}</li>'}</ul>"
        )
        return _page(dt.DASHBOARD_TITLE, body)

    @router.get("/dashboard/indicator", response_class=HTMLResponse)
    def indicator(t: str = "", plan: str = "", code: str = "") -> HTMLResponse:
        try:
            grant = grant_of(t, "dashboard", "dashboard")
            plan_id = _plan_id(plan)
            if not _is_name(code, 40):  # codes are like "4", "2.1.1", "ก.1"
                raise Refused(400, dt.BAD_CODE)
            with Session(engine) as session:
                _, _, visible = viewer(session, grant)
                record = session.get(PlanRecord, plan_id)
                if record is None:
                    raise Refused(404, dt.NO_SUCH_PLAN)
                if record not in visible:
                    raise Refused(403, dt.OUT_OF_SCOPE)
                indicator_row = session.exec(
                    select(IndicatorRecord).where(IndicatorRecord.plan_id == plan_id, IndicatorRecord.code == code)
                ).first()
                if indicator_row is None:
                    raise Refused(404, dt.NO_SUCH_INDICATOR)
                reports = progress.history(session=session, plan=record).get(code, [])
                changes = session.exec(
                    select(ReportChange, Person.name)
                    .join(Person, col(ReportChange.changed_by) == col(Person.id), isouter=True)
                    .where(col(ReportChange.report_id).in_([r.id for r in reports]))
                    .order_by(col(ReportChange.changed_at))
                ).all()
                try:
                    indicator_plan = plan_from_record(record).indicator(code)
                except KeyError as exc:
                    raise Refused(404, dt.NO_SUCH_INDICATOR) from exc
                latest = progress.latest(reports) or (reports[-1] if reports else None)
                views = indicator_items(session, record, indicator_plan, latest).views
                marks = item_marks.log(session, plan=record, code=code)
                markers = _names(session, {mark.by for mark in marks})
        except Refused as refused:
            return refused.page()
        trail = [(_moment(c.changed_at), _audit_row(c, who)) for c, who in changes]
        trail += _mark_rows(marks, markers, indicator_plan)
        trail.sort(key=lambda row: row[0])
        body = (
            f"<h1>{dt.INDICATOR.format(code=html.escape(code))}</h1>"
            f"<p class='muted'>{html.escape(indicator_row.name)}</p>"
            f"<h2>{dt.TREND_HEADING}</h2>{_trend_svg(reports)}"
            f"{_items_table(views)}"
            f"<h2>{dt.AUDIT_HEADING}</h2><table id='audit'><tr><th>{dt.AUDIT_WHEN}</th><th>{dt.AUDIT_BY}</th>"
            f"<th>{dt.AUDIT_FIELD}</th><th>{dt.AUDIT_OLD}</th><th>{dt.AUDIT_NEW}</th></tr>"
            f"{''.join(row for _, row in trail)}</table>"
            f"<p><a href='/dashboard?t={html.escape(t)}'>{dt.BACK}</a></p>"
        )
        return _page(dt.INDICATOR.format(code=code), body)

    @router.get("/files/export")
    def export(t: str = "") -> Response:
        """The workbook is built in memory and sent: nothing of it is left on the server's disk."""
        from bot.export_xlsx import quarterly_workbook  # openpyxl: loaded on the first export, not at start-up

        try:
            grant = grant_of(t, "file")
            with Session(engine) as session:
                person = _active_person(session, grant)
                if not has_role(session, person.id or 0, Role.admin):
                    raise Refused(403, dt.ADMINS_ONLY)
                plan_key, fiscal_year, quarter = _export_spec(grant.path)
                try:
                    report = quarterly_report(session, plan_key, fiscal_year, quarter)
                except ExportError as exc:
                    raise Refused(404, dt.NO_SUCH_EXPORT) from exc
        except Refused as refused:
            return refused.page()
        content = io.BytesIO()
        quarterly_workbook(report, bangkok_date(utcnow())).save(content)
        filename = f"{plan_key}-{fiscal_year}-Q{quarter}.xlsx"
        return Response(content.getvalue(), media_type=XLSX, headers={"Content-Disposition": _attachment(filename)})

    return router


def _levels_table(token: str, record: PlanRecord, plan: Plan, scored: PlanScore) -> str:
    """One plan's row of levels under its own codes; an empty string when it has nothing to score.

    Every indicator that earns a level is shown, also those outside the plan's total (FY2565's 4, 5.1
    and 5.2 carry their own 100-point scale).
    """
    shown: list[Evaluation] = [e for e in scored.indicators() if e.counted or plan.indicator(e.code).rubric]
    if not shown:
        return ""
    header = "".join(f"<th>{dt.CODE_HEADER.format(code=html.escape(e.code))}</th>" for e in shown)
    cells = []
    for e in shown:
        link = f"/dashboard/indicator?t={html.escape(token)}&plan={record.id}&code={quote(e.code)}"
        cells.append(f"<td class='level l{e.level}'><a href='{link}'>{e.level}</a></td>")
    return (
        f"<table class='levels' data-plan='{record.id}'><tr><th>{dt.UNIT_HEADER}</th>{header}"
        f"<th>{dt.SCORE_HEADER}</th></tr><tr><td class='unit'>{html.escape(plan.unit)}<br><span class='muted'>"
        f"{dt.FISCAL_YEAR.format(fiscal_year=record.fiscal_year)}"
        f"</span></td>{''.join(cells)}<td>{scored.total:g}/{scored.max:g}</td></tr></table>"
    )


def _trend_svg(reports: list[progress.Report]) -> str:
    points = [(r.fiscal_period.thai, r.value) for r in reports if r.value is not None]
    if not points:
        return f"<p class='muted' id='trend'>{dt.NO_RESULTS}</p>"
    top = max(v for _, v in points) or 1.0
    width, height = 60 * len(points) + 20, 140
    bars = []
    for n, (label, value) in enumerate(points):
        h = 100 * value / top
        x = 20 + 60 * n
        bars.append(
            f"<rect class='bar' x='{x}' y='{110 - h:.1f}' width='36' height='{h:.1f}'/>"
            f"<text x='{x + 18}' y='{105 - h:.1f}' font-size='11' text-anchor='middle'>{value:g}</text>"
            f"<text x='{x + 18}' y='128' font-size='10' text-anchor='middle'>{html.escape(label)}</text>"
        )
    return f"<svg id='trend' width='{width}' height='{height}' role='img'>{''.join(bars)}</svg>"


def _when(moment: datetime | None) -> str:
    return moment.astimezone(BANGKOK).strftime("%d/%m/%Y %H:%M") if moment else "-"


def _moment(moment: datetime | None) -> datetime:
    """A sort key for the trail: a change without a time (none should be) goes first."""
    return moment if moment is not None else datetime.min.replace(tzinfo=UTC)


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    people = session.exec(select(Person).where(col(Person.id).in_(sorted(ids)))).all()
    return {p.id: p.name for p in people if p.id is not None}


def _audit_row(change: ReportChange, who: str | None) -> str:
    return (
        f"<tr><td>{_when(change.changed_at)}</td><td>{html.escape(who or dt.SYSTEM)}</td>"
        f"<td>{html.escape(change.field)}</td>"
        f"<td>{html.escape(str(change.old if change.old is not None else '-'))}</td>"
        f"<td>{html.escape(str(change.new if change.new is not None else '-'))}</td></tr>"
    )


def _item_name(indicator: Indicator, item_id: str) -> str:
    """An item as the page names it; a mark of an item the plan no longer has, by its id."""
    item = item_of(indicator, item_id)
    return qt.item_label(item.kind, item.no, item.text, limit=160) if item is not None else item_id


def _mark_rows(
    marks: list[item_marks.MarkLine], names: dict[int, str], indicator: Indicator
) -> list[tuple[datetime, str]]:
    """Each item mark as an audit row: the item, its state before (the last live mark, else not
    done) and after; a mark taken back by unsending says so and changes nothing."""
    state: dict[str, bool] = {}
    rows = []
    for mark in marks:
        before = state.get(mark.item, False)
        after = dt.MARK_DONE if mark.done else dt.MARK_NOT_DONE
        if mark.withdrawn:
            after = dt.MARK_WITHDRAWN.format(state=after)
        else:
            state[mark.item] = mark.done
        rows.append(
            (
                mark.at,
                f"<tr class='mark'><td>{_when(mark.at)}</td><td>{html.escape(names.get(mark.by, dt.SYSTEM))}</td>"
                f"<td class='unit'>{html.escape(_item_name(indicator, mark.item))}</td>"
                f"<td>{dt.MARK_DONE if before else dt.MARK_NOT_DONE}</td><td>{html.escape(after)}</td></tr>",
            )
        )
    return rows


def _items_table(views: list[ItemView]) -> str:
    """Every item of the indicator: done or open, when, the evidence attached or that it is missing."""
    if not views:
        return ""
    rows = []
    for view in views:
        item = view.item
        name = qt.item_label(item.kind, item.no, item.text, limit=160)
        if view.evidence:
            evidence = f"<td>{dt.ITEM_FILES.format(n=view.evidence)}</td>"
        elif view.missing:
            evidence = f"<td class='missing'>{dt.ITEM_MISSING}</td>"
        else:
            evidence = "<td>-</td>"
        rows.append(
            f"<tr class='{'done' if view.done else 'open'}' data-item='{html.escape(item.id)}'>"
            f"<td class='unit'>{html.escape(name)}</td>"
            f"<td class='state'>{dt.ITEM_DONE if view.done else dt.ITEM_OPEN}</td>"
            f"<td>{thai_date(view.on) if view.done and view.on else '-'}</td>{evidence}</tr>"
        )
    done = sum(v.done for v in views)
    return (
        f"<h2>{dt.ITEMS_HEADING.format(done=done, total=len(views))}</h2><table id='items'><tr>"
        f"<th>{dt.ITEM_HEADER}</th><th>{dt.ITEM_STATUS}</th><th>{dt.ITEM_DONE_ON}</th><th>{dt.ITEM_EVIDENCE}</th></tr>"
        f"{''.join(rows)}</table>"
    )
