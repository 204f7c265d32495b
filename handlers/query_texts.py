"""Thai texts of answers to questions, in one place for a Thai speaker to read and correct."""

from __future__ import annotations

from store.models import ReportStatus

OUT_OF_SCOPE = "ขออภัยค่ะ ข้อมูลของหน่วยงานนี้อยู่นอกสิทธิ์การดูของบัญชีนี้"
NO_PLAN = "ยังไม่พบแผนของหน่วยงานในความรับผิดชอบของบัญชีนี้ค่ะ"
NO_SUCH_INDICATOR = "ไม่พบตัวชี้วัดที่ {code} ในแผนที่ดูได้ค่ะ"
LAST_REPORT = "ล่าสุด {value} · {when} · {who} ({status})"
STATUS = {
    ReportStatus.reported: "รายงานเอง",
    ReportStatus.confirmed: "คณะกรรมการยืนยันแล้ว",
    ReportStatus.returned: "ส่งกลับให้แก้ไข",
    ReportStatus.withdrawn: "ถอนแล้ว",
}
NO_REPORT = "ยังไม่มีผลรายงาน"
CONFIRMED_SCORE = "ตามผลที่ยืนยันแล้ว: ระดับ {level} · {points:g} คะแนน"
TREND = "แนวโน้ม: {trend}"
ALREADY = "ได้ระดับ {level} แล้วค่ะ 👍"
SUMMARY_TITLE = "{unit} · ปีงบประมาณ {fy}"
SCORE = "คะแนนถึงตอนนี้ {score:g} จาก {max:g}"
LATE_HEAD = "ผู้ที่ยังไม่ส่งรายงานรอบล่าสุด:"
LATE_LINE = "• {name}: ตัวชี้วัดที่ {codes} (กำหนดส่ง {due})"
NOBODY_LATE = "ทุกคนส่งรายงานรอบล่าสุดครบแล้วค่ะ ✅"
CONFIRM = "ยืนยันผล"
RETURN = "ส่งกลับแก้ไข"
HELP_TITLE = "ถามสถานะได้ เช่น"
EXAMPLES = (
    ("ตัวชี้วัดที่ 3 ถึงไหน", "ตัวชี้วัดที่ 3 ถึงไหนแล้ว"),
    ("คะแนนตอนนี้", "คะแนนตอนนี้เท่าไร"),
    ("ใครยังไม่ส่ง", "ใครยังไม่ส่ง"),
    ("ไตรมาส 1 ได้กี่คะแนน", "ไตรมาส 1 ได้กี่คะแนน"),
)
CONFIRMED = "ยืนยันผลตัวชี้วัดที่ {code} ({value}) แล้วค่ะ ✅"
ASK_RETURN_REASON = "ขอเหตุผลที่ส่งกลับรายงานตัวชี้วัดที่ {code} สั้น ๆ ค่ะ (จะแจ้งผู้รายงาน)"
RETURNED = "ส่งกลับรายงานตัวชี้วัดที่ {code} แล้วค่ะ ผู้รายงานจะได้รับแจ้งเหตุผล"
TOLD_CONFIRMED = "คณะกรรมการยืนยันผลรายงานตัวชี้วัดที่ {code} ({value}) แล้วค่ะ ✅"
TOLD_RETURNED = "คณะกรรมการส่งกลับรายงานตัวชี้วัดที่ {code} ให้แก้ไขค่ะ เหตุผล: {reason}"
NOT_COMMITTEE = "ขออภัยค่ะ เฉพาะคณะกรรมการติดตามประเมินผลเท่านั้นที่ยืนยันหรือส่งกลับรายงานได้"
MORE_UNITS = "และอีก {n} หน่วยงาน (ระบุชื่อหน่วยงานเพื่อดูรายละเอียด)"
CONFIRMED_ONLY = " · เฉพาะผลที่ยืนยันแล้ว"
