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
UNKNOWN_UNIT = "ขออภัยค่ะ ไม่พบหน่วยงาน “{name}” ในระบบ กรุณาตรวจสอบชื่อหน่วยงานอีกครั้งนะคะ"
NO_PLAN_OF_UNIT = "ยังไม่มีแผนของ{unit}ในระบบค่ะ"
WHICH_UNIT = "{what} มีในแผนของหลายหน่วยงาน ต้องการดูของหน่วยงานไหนคะ"
WHICH_UNIT_NAMED = "{what} มีในแผนของ {n} หน่วยงาน ขอชื่อหน่วยงานด้วยนะคะ เช่น “{what} ของ{unit} ถึงไหนแล้ว”"
ASKED_INDICATOR = "ตัวชี้วัดที่ถามถึง"
INDICATOR_IN = "ตัวชี้วัดที่ {code} ของ{unit}"
NEXT_DEADLINE = "ตัวชี้วัดที่ {code} ส่งรายงานรอบถัดไปภายใน {due} ({what}) ค่ะ"
PLAN_NEXT_DEADLINE = "{unit} ส่งรายงานรอบถัดไปภายใน {due} ({what}) ค่ะ"
NEXT_QUARTERLY = "รอบรายไตรมาสถัดไป: {period} ภายใน {due}"
MONTHLY_ROUND = "รายเดือน {period}"
QUARTERLY_ROUND = "ราย{period}"
AND = " และ"
TODAY = " (วันนี้)"
NO_MORE_DEADLINES = "แผนปีงบประมาณ {fy} ของ{unit} ส่งรายงานครบทุกรอบแล้วค่ะ (รอบสุดท้ายกำหนดส่ง {due})"
# --- a confirmed result changed after the committee confirmed it (store.progress, verification) ---
TOLD_COMMITTEE_CHANGED = (
    "แจ้งคณะกรรมการค่ะ: {unit} แก้ผลตัวชี้วัดที่ {code} ({period}) ที่ยืนยันไว้ {confirmed} เป็น {value} "
    "ผลนี้จึงกลับเป็นรอการยืนยัน ตรวจสอบและยืนยันอีกครั้งได้โดยพิมพ์ “@Tidtam ตัวชี้วัดที่ {code} {unit} ถึงไหนแล้ว” นะคะ"
)
TOLD_COMMITTEE_WITHDRAWN = (
    "แจ้งคณะกรรมการค่ะ: {unit} ยกเลิกรายงานตัวชี้วัดที่ {code} ({period}) ที่ยืนยันไว้ {confirmed} ผลที่ยืนยันนี้จึงไม่นับแล้วค่ะ"
)
REPORT_GONE = "รายงานนี้ถูกถอนหรือไม่มีอยู่แล้วค่ะ"
RETURN_CANCELLED = "ยกเลิกการส่งกลับแล้วค่ะ รายงานยังอยู่ในสถานะเดิม"
