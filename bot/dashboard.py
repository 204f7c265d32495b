"""A read-only web dashboard, reached only through a signed, expiring link from chat.

``/dashboard``: units × indicators with levels as colours, each unit's score, the late list.
``/dashboard/indicator``: the trend of one indicator over the months and the audit trail of its reports.
``/files/export``: the quarterly xlsx an admin asked for in chat, made when the link is opened.
Every page re-checks the scope of the person the link was made for.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse, Response
from sqlmodel import Session, col, select

from handlers.links import BadLink, Grant, read_link
from handlers.queries import QueryAnswerer, plans_in_scope, reports_of, results_of
from scoring.fiscal import BANGKOK, FiscalPeriod
from scoring.totals import score_plan
from store.models import IndicatorRecord, Person, PlanRecord, ProgressReport, ReportChange, Role, utcnow
from store.people import has_role
from store.plans import plan_from_record

_STYLE = """
body{font-family:"Noto Sans Thai","Loma","Sarabun",sans-serif;margin:16px;color:#1d2433;background:#f4f6f9}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px}.muted{color:#6b7280;font-size:13px}
table{border-collapse:collapse;background:#fff;margin:6px 0}td,th{border:1px solid #d6dbe3;padding:6px 8px;
font-size:13px;text-align:center}th{background:#273246;color:#fff}td.unit{text-align:left;max-width:260px}
td.level{font-weight:700;min-width:34px}td.l0{background:#e5e7eb;color:#6b7280}td.l1,td.l2{background:#fde2e6}
td.l3{background:#fff1d6}td.l4,td.l5{background:#d8f5e3}a{color:#0b6bcb}.bar{fill:#06c755}
ul{margin:4px 0 0 18px;padding:0}li{font-size:13px;margin:2px 0}
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang='th'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>",
        status_code=status,
    )


def _refused(exc: BadLink) -> HTMLResponse:
    message = "ลิงก์นี้หมดอายุแล้ว กรุณาขอลิงก์ใหม่จากบอทในแชตค่ะ" if exc.expired else "ลิงก์ไม่ถูกต้องค่ะ"
    return _page("Tidtam", f"<h1>ขออภัยค่ะ</h1><p id='refused'>{message}</p>", status=403)


def dashboard_router(engine: sa.Engine, secret: Callable[[], str]) -> APIRouter:
    router = APIRouter()

    def asker(session: Session, grant: Grant) -> tuple[Person | None, QueryAnswerer, list[PlanRecord]]:
        """Who the link was made for, and the plans their scope lets them see (checked on every page)."""
        person = session.get(Person, grant.person_id)
        answerer = QueryAnswerer(session, person, "-", utcnow())
        return person, answerer, plans_in_scope(session, answerer.scope, answerer.today)

    def grant_of(token: str, path: str) -> Grant:
        grant = read_link(secret(), token, utcnow())
        if grant.path != path:
            raise BadLink("this link opens something else")
        return grant

    @router.get("/dashboard", response_class=HTMLResponse)
    def dashboard(t: str = "") -> HTMLResponse:
        try:
            grant = grant_of(t, "dashboard")
        except BadLink as exc:
            return _refused(exc)
        with Session(engine) as session:
            person, answerer, plans = asker(session, grant)
            rows: list[tuple[PlanRecord, Any, Any, dict[str, Any]]] = []
            codes: list[str] = []
            for record in plans:
                plan = plan_from_record(record)
                scored = score_plan(plan, results_of(reports_of(session, record), False))
                evaluations = {e.code: e for e in scored.indicators() if e.counted}
                if not evaluations:
                    continue
                codes = list(dict.fromkeys([*codes, *evaluations]))
                rows.append((record, plan, scored, evaluations))
            late = answerer.who_late(plans).texts[0] if plans else ""
        header = "".join(f"<th>ตช.{html.escape(c)}</th>" for c in codes)
        body_rows = []
        for record, plan, scored, evaluations in rows:
            cells = []
            for code in codes:
                e = evaluations.get(code)
                if e is None:
                    cells.append("<td></td>")
                    continue
                link = f"/dashboard/indicator?t={html.escape(t)}&plan={record.id}&code={html.escape(code)}"
                cells.append(f"<td class='level l{e.level}'><a href='{link}'>{e.level}</a></td>")
            body_rows.append(
                f"<tr><td class='unit'>{html.escape(plan.unit)}<br><span class='muted'>ปีงบประมาณ "
                f"{record.fiscal_year}</span></td>{''.join(cells)}<td>{scored.total:g}/{scored.max:g}</td></tr>"
            )
        late_items = "".join(f"<li>{html.escape(line.lstrip('• '))}</li>" for line in late.splitlines()[1:])
        body = (
            f"<h1>แดชบอร์ดตัวชี้วัด</h1><p class='muted'>สำหรับ {html.escape(person.name if person else '-')} · "
            f"ลิงก์ใช้ได้ถึง {grant.expires.astimezone(BANGKOK):%d/%m/%Y %H:%M} น.</p>"
            f"<table id='levels'><tr><th>หน่วยงาน</th>{header}<th>คะแนน</th></tr>{''.join(body_rows)}</table>"
            f"<p class='muted'>ระดับ 0–5 ตามเกณฑ์การให้คะแนน (สี: เทา=ยังไม่มีผล แดง=1–2 เหลือง=3 เขียว=4–5)</p>"
            f"<h2>ยังไม่ส่งรายงานรอบล่าสุด</h2><ul id='late'>{late_items or '<li>ส่งครบแล้ว</li>'}</ul>"
        )
        return _page("แดชบอร์ด Tidtam", body)

    @router.get("/dashboard/indicator", response_class=HTMLResponse)
    def indicator(t: str = "", plan: int = 0, code: str = "") -> HTMLResponse:
        try:
            grant = grant_of(t, "dashboard")
        except BadLink as exc:
            return _refused(exc)
        with Session(engine) as session:
            _, _, visible = asker(session, grant)
            record = session.get(PlanRecord, plan)
            if record is None or record not in visible:
                return _page("Tidtam", "<h1>ขออภัยค่ะ</h1><p id='refused'>อยู่นอกสิทธิ์การดูของบัญชีนี้</p>", 403)
            indicator_row = session.exec(
                select(IndicatorRecord).where(IndicatorRecord.plan_id == plan, IndicatorRecord.code == code)
            ).first()
            reports = reports_of(session, record).get(code, [])
            changes = session.exec(
                select(ReportChange, Person.name)
                .join(Person, col(ReportChange.changed_by) == col(Person.id), isouter=True)
                .where(col(ReportChange.report_id).in_([r.id for r in reports]))
                .order_by(col(ReportChange.changed_at))
            ).all()
        name = indicator_row.name if indicator_row else code
        body = (
            f"<h1>ตัวชี้วัดที่ {html.escape(code)}</h1><p class='muted'>{html.escape(name)}</p>"
            f"<h2>แนวโน้มรายเดือน</h2>{_trend_svg(reports)}"
            f"<h2>ประวัติการแก้ไข (audit trail)</h2><table id='audit'><tr><th>เมื่อ</th><th>โดย</th><th>ช่อง</th>"
            f"<th>เดิม</th><th>ใหม่</th></tr>{''.join(_audit_row(c, who) for c, who in changes)}</table>"
            f"<p><a href='/dashboard?t={html.escape(t)}'>← กลับ</a></p>"
        )
        return _page(f"ตัวชี้วัดที่ {code}", body)

    @router.get("/files/export")
    def export(t: str = "") -> Response:
        try:
            grant = read_link(secret(), t, utcnow())
        except BadLink as exc:
            return _refused(exc)
        kind, _, spec = grant.path.partition(":")
        if kind != "export":
            return _refused(BadLink("this link opens something else"))
        plan_key, fiscal_year, quarter = spec.rsplit(":", 2)
        with Session(engine) as session:
            if not has_role(session, grant.person_id, Role.admin):
                return _page("Tidtam", "<h1>ขออภัยค่ะ</h1><p id='refused'>เฉพาะผู้ดูแลระบบ</p>", 403)
            from bot.export_xlsx import write_quarterly_xlsx

            out = Path(tempfile.mkdtemp(prefix="tidtam-export-")) / f"{plan_key}-{fiscal_year}-Q{quarter}.xlsx"
            write_quarterly_xlsx(session, plan_key, int(fiscal_year), int(quarter), out)
        return FileResponse(
            out, filename=out.name, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    return router


def _trend_svg(reports: list[ProgressReport]) -> str:
    points = [(FiscalPeriod(r.fiscal_year, r.quarter, r.month).thai, r.value) for r in reports if r.value is not None]
    if not points:
        return "<p class='muted' id='trend'>ยังไม่มีผลรายงาน</p>"
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


def _audit_row(change: ReportChange, who: str | None) -> str:
    when = change.changed_at.astimezone(BANGKOK).strftime("%d/%m/%Y %H:%M") if change.changed_at else "-"
    return (
        f"<tr><td>{when}</td><td>{html.escape(who or 'ระบบ')}</td><td>{html.escape(change.field)}</td>"
        f"<td>{html.escape(str(change.old if change.old is not None else '-'))}</td>"
        f"<td>{html.escape(str(change.new if change.new is not None else '-'))}</td></tr>"
    )
