"""Links asked for by chat: "ขอแดชบอร์ด" gives a signed 1-hour link to the dashboard, "ขอไฟล์รายงาน
ไตรมาส 2" (admins) a link to the quarterly xlsx; never into a group, where others would read them."""

from __future__ import annotations

import re

from sqlmodel import col, select

from handlers.accounts import texts as at
from handlers.accounts.links import LinkSigner, link_keys
from handlers.context import EventContext
from handlers.parse.normalize import normalize_text
from handlers.replies import Reply
from store.models import Person, PlanRecord, Role
from store.people import has_role

# Asked for, not told of: "ขอแดชบอร์ด", "แดชบอร์ดค่ะ", "ดู dashboard ได้ที่ไหนคะ". A report of KPI 5/6's work
# ("ทำ Dashboard สรุปผลเสร็จแล้ว", "export ข้อมูลแนบมาครับ") names the same words and is the report's.
_DASHBOARD = re.compile(
    r"(?:ขอ|ดู|เปิด|เข้า|ลิงก์|ลิ้งค์|link)\S{0,10}?\s*(?:แดชบอร์ด|dashboard|แดชบอด)|"
    r"^\s*(?:แดชบอร์ด|dashboard|แดชบอด)\s*(?:หน่อย|ด้วย|ค่ะ|คะ|ครับ|นะ|\?)*\s*$|"
    r"(?:แดชบอร์ด|dashboard|แดชบอด)[^\n]{0,20}(?:ไหม|มั้ย|ที่ไหน|ตรงไหน|ยังไง|อย่างไร|\?)",
    re.IGNORECASE,
)

_EXPORT = re.compile(
    r"^(?![^\n]*แนบ)(?:[^\n]*ขอ\S{0,6}?\s*(?:ไฟล์|export|ส่งออก)|[^\n]*ดาวน์โหลด\S{0,6}?ไฟล์|\s*(?:ไฟล์รายงาน|export|ส่งออก))|"
    r"(?:ไฟล์รายงาน|export|ส่งออก)[^\n]{0,30}(?:ไหม|มั้ย|ที่ไหน|ยังไง|อย่างไร|\?)",
    re.IGNORECASE,
)

_EXPORT_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])")


def link_request(ctx: EventContext, person: Person, text: str, *, group: bool) -> Reply | None:
    """ "ขอแดชบอร์ด" → a signed link (1 hour); "ขอไฟล์รายงานไตรมาส 2" (admins) → a link to the xlsx.

    A link opens that person's view to whoever holds it, so it goes only into their 1:1 chat: asked
    in a group or room, the bot asks them to continue there instead.
    """
    norm = normalize_text(text)
    keys = link_keys(ctx.link_secret)
    if not keys:
        return None
    if _DASHBOARD.search(norm):
        if group:
            return Reply().say(at.LINK_ONLY_IN_PRIVATE.format(what=at.DASHBOARD_WHAT, ask=at.DASHBOARD_ASK))
        token = LinkSigner(keys).sign(person.id or 0, "dashboard", ctx.now, purpose="dashboard")
        return Reply().say(at.DASHBOARD_LINK.format(url=f"{ctx.public_url}/dashboard?t={token}"))
    if _EXPORT.search(norm):
        if not has_role(ctx.session, person.id or 0, Role.admin):
            return Reply().say(at.EXPORT_DENIED)
        record = ctx.session.exec(select(PlanRecord).order_by(col(PlanRecord.fiscal_year).desc())).first()
        quarter = _EXPORT_QUARTER.search(norm)
        if group:
            ask = at.EXPORT_ASK.format(quarter=quarter.group(1) if quarter else 2)
            return Reply().say(at.LINK_ONLY_IN_PRIVATE.format(what=at.EXPORT_WHAT, ask=ask))
        if record is None or quarter is None:
            return Reply().say(at.EXPORT_HOW)
        path = f"export:{record.key}:{record.fiscal_year}:{quarter.group(1)}"
        token = LinkSigner(keys).sign(person.id or 0, path, ctx.now, purpose="file")
        return Reply().say(
            at.EXPORT_LINK.format(
                q=quarter.group(1), fy=record.fiscal_year, url=f"{ctx.public_url}/files/export?t={token}"
            )
        )
    return None
