"""Thai texts of the web dashboard's pages (``bot/dashboard.py``), in one place for a Thai speaker to
read and correct. Each is put into the page as it is (they hold no HTML); what comes from the store
is escaped by the page."""

from __future__ import annotations

# --- what a refused visitor reads ---
SORRY = "ขออภัยค่ะ"
LINK_EXPIRED = "ลิงก์นี้หมดอายุแล้ว กรุณาขอลิงก์ใหม่จากบอทในแชตค่ะ"
LINK_INVALID = "ลิงก์ไม่ถูกต้องค่ะ กรุณาขอลิงก์ใหม่จากบอทในแชตส่วนตัวนะคะ"
NO_LONGER_ALLOWED = "บัญชีนี้ไม่มีสิทธิ์ดูหน้านี้แล้วค่ะ หากคิดว่าไม่ถูกต้อง กรุณาติดต่อกลุ่มงานแผนงานและประเมินผลนะคะ"
OUT_OF_SCOPE = "หน่วยงานนี้อยู่นอกสิทธิ์การดูของบัญชีนี้ค่ะ"
ADMINS_ONLY = "ไฟล์รายงานนี้ดาวน์โหลดได้เฉพาะผู้ดูแลระบบค่ะ"
BAD_PLAN_ID = "ที่อยู่หน้านี้ระบุแผนไม่ถูกต้องค่ะ กรุณากลับไปเลือกจากหน้าแดชบอร์ดนะคะ"
BAD_CODE = "ที่อยู่หน้านี้ระบุตัวชี้วัดไม่ถูกต้องค่ะ กรุณากลับไปเลือกจากหน้าแดชบอร์ดนะคะ"
NO_SUCH_PLAN = "ไม่พบแผนนี้ค่ะ กรุณากลับไปเลือกจากหน้าแดชบอร์ดนะคะ"
NO_SUCH_INDICATOR = "ไม่พบตัวชี้วัดนี้ในแผนค่ะ กรุณากลับไปเลือกจากหน้าแดชบอร์ดนะคะ"
BAD_EXPORT = "ลิงก์ไฟล์นี้ระบุปีงบประมาณหรือไตรมาสไม่ถูกต้องค่ะ กรุณาขอลิงก์ใหม่จากบอทนะคะ"
NO_SUCH_EXPORT = "ไม่พบแผนหรือปีงบประมาณที่ลิงก์ไฟล์นี้ระบุค่ะ กรุณาขอลิงก์ใหม่จากบอทนะคะ"

# --- the dashboard ---
DASHBOARD_TITLE = "แดชบอร์ด Tidtam"
DASHBOARD_HEADING = "แดชบอร์ดตัวชี้วัด"
# ``name`` comes escaped; ``expires`` is a datetime in Bangkok time.
FOR_WHOM = "สำหรับ {name} · ลิงก์ใช้ได้ถึง {expires:%d/%m/%Y %H:%M} น."
LEVELS_LEGEND = "ระดับ 0–5 ตามเกณฑ์การให้คะแนน (สี: เทา=ยังไม่มีผล แดง=1–2 เหลือง=3 เขียว=4–5)"
LATE_HEADING = "ยังไม่ส่งรายงานรอบล่าสุด"
NOBODY_LATE = "ส่งครบแล้ว"
# the table of levels, one a plan
UNIT_HEADER = "หน่วยงาน"
CODE_HEADER = "ตช.{code}"
SCORE_HEADER = "คะแนน"
FISCAL_YEAR = "ปีงบประมาณ {fiscal_year}"

# --- one indicator's page ---
INDICATOR = "ตัวชี้วัดที่ {code}"
TREND_HEADING = "แนวโน้มรายเดือน"
NO_RESULTS = "ยังไม่มีผลรายงาน"
# the items of the indicator (milestones, conditions, checklist items, project steps)
ITEMS_HEADING = "งานตามขั้นตอน/เงื่อนไข (เสร็จ {done} จาก {total})"
ITEM_HEADER = "ขั้นตอน/เงื่อนไข"
ITEM_STATUS = "สถานะ"
ITEM_DONE_ON = "เสร็จเมื่อ"
ITEM_EVIDENCE = "หลักฐาน"
ITEM_DONE = "✓ เสร็จแล้ว"
ITEM_OPEN = "○ ยังไม่เสร็จ"
ITEM_FILES = "📎 {n} ไฟล์"
ITEM_MISSING = "ยังขาดหลักฐาน"
AUDIT_HEADING = "ประวัติการแก้ไข (audit trail)"
AUDIT_WHEN = "เมื่อ"
AUDIT_BY = "โดย"
AUDIT_FIELD = "ช่อง"
AUDIT_OLD = "เดิม"
AUDIT_NEW = "ใหม่"
# an item mark in the audit trail: the item, its state before and after, a mark taken back by unsending
MARK_DONE = "เสร็จแล้ว"
MARK_NOT_DONE = "ยังไม่เสร็จ"
MARK_WITHDRAWN = "{state} (ถอนแล้ว)"
# Who made a change that no person made (the audit listener, a migration).
SYSTEM = "ระบบ"
BACK = "← กลับ"
