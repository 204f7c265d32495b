"""Thai texts of answers to questions (chat replies, Flex card labels and alt texts), in one place
for a Thai speaker to read and correct."""

from __future__ import annotations

from handlers.parse.questions import item_name, item_text, shown
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
IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
CONFIRMED_SCORE = "ตามผลที่ยืนยันแล้ว: ระดับ {level} · {points:g} คะแนน"
TREND = "แนวโน้ม: {trend}"
ALREADY = "ได้ระดับ {level} แล้วค่ะ 👍"
SUMMARY_TITLE = "{unit} · ปีงบประมาณ {fy}"
SCORE = "คะแนนถึงตอนนี้ {score:g} จาก {max:g}"
LATE_HEAD = "ผู้ที่ยังไม่ส่งรายงานรอบล่าสุด:"
LATE_LINE = "• {name}: ตัวชี้วัดที่ {codes} (กำหนดส่ง {due})"
NOBODY_LATE = "ทุกคนส่งรายงานรอบล่าสุดครบแล้วค่ะ ✅"
NEXT_DUE = "กำหนดส่งถัดไป {due} ({rounds})"
# --- who is late, asked by a reporter: their own indicators, and those they act for ---
OWN_LATE_HEAD = "ตัวชี้วัดที่คุณยังไม่ได้รายงานรอบล่าสุดค่ะ:"
OWN_LATE_LINE = "• ตัวชี้วัดที่ {codes} (กำหนดส่ง {due})"
ACTING_LATE_LINE = "• แทนคุณ{name}: ตัวชี้วัดที่ {codes} (กำหนดส่ง {due})"
OWN_NOTHING_LATE = "คุณรายงานตัวชี้วัดในความรับผิดชอบรอบล่าสุดครบแล้วค่ะ ✅"
CONFIRM = "ยืนยันผล"
RETURN = "ส่งกลับแก้ไข"
HELP_TITLE = "ถามสถานะได้ เช่น"
EXAMPLES = (
    ("ตัวชี้วัดที่ 3 ถึงไหน", "ตัวชี้วัดที่ 3 ถึงไหนแล้ว"),
    ("คะแนนตอนนี้", "คะแนนตอนนี้เท่าไร"),
    ("ใครยังไม่ส่ง", "ใครยังไม่ส่ง"),
    ("ไตรมาส 1 ได้กี่คะแนน", "ไตรมาส 1 ได้กี่คะแนน"),
)
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

# --- an indicator's card ---
LEVEL_POINTS = "ระดับ {level} · {points:g}/{max_points:g} คะแนน"
INDICATOR_ALT = "ตัวชี้วัดที่ {code}: ระดับ {level} ({points:g}/{max_points:g} คะแนน)"
INDICATOR_ALT_LATEST = " ล่าสุด {value} ({when})"
INDICATOR_ALT_ITEMS = " · งานเสร็จ {done}/{total} ข้อ"
# --- the items of an indicator (milestones, conditions, checklist items, project steps) ---
ITEMS_HEAD = "งานตามขั้นตอน/เงื่อนไข: เสร็จ {done} จาก {total}"
ITEM_DONE = "✓ {name} · {when}"
ITEM_DONE_UNDATED = "✓ {name}"
ITEM_OPEN = "○ {name}"
ITEM_EVIDENCE = " · 📎 {n}"
ITEM_EVIDENCE_MISSING = " · ยังขาดหลักฐาน"
ITEMS_MORE = "และอีก {n} ข้อ"
# --- a plan's score card ---
ITEMS_DONE = "งานตามขั้นตอน/เงื่อนไข เสร็จ {done} จาก {total}"
IN_QUARTER = " · ไตรมาส {quarter}"
CODE_SHORT = "ตช.{code}"
LEVEL = "ระดับ {level}"
SCORE_ALT = "{title}: {score:g}/{max:g} คะแนน"
# --- the committee's monthly/quarterly summary card (cards.py) ---
SUMMARY_CARD_TITLE = "สรุปผล{kind} · {period}"
SUMMARY_CARD_REPORTED = "ส่งรายงานแล้ว {reported} จาก {total} คน (กำหนดส่ง {due})"
SUMMARY_CARD_LATE = "ยังไม่ส่ง"
SUMMARY_CARD_LATE_LINE = "• {name}: ตัวชี้วัดที่ {codes}"
SUMMARY_CARD_AT_RISK = "ตัวชี้วัดที่เสี่ยงไม่ถึงเป้า"
SUMMARY_CARD_PROBLEMS = "ปัญหาที่รายงาน"
SUMMARY_CARD_ITEMS = "งานที่เสร็จในรอบนี้ ({first} – {last})"
SUMMARY_CARD_ITEM_LINE = "• ตช.{code} {name} ({when})"
SUMMARY_CARD_ALT_ITEMS = "\nงานที่เสร็จในรอบนี้: {n} ข้อ"
SUMMARY_CARD_MORE = "พิมพ์ @Tidtam สรุปผล เพื่อดูรายละเอียด"
SUMMARY_CARD_ALT = (
    "{title}\n{unit}: ส่งแล้ว {reported}/{total} คน · คะแนน {score:g}/{max_score:g}\n"
    "ยังไม่ส่ง: {late}\nเสี่ยงไม่ถึงเป้า: {at_risk}"
)


def shown_value(value: float | None, unit: str | None) -> str:
    """A reported value on a card: "ร้อยละ 85", "8 โครงการ"; a report without a number is in progress."""
    return IN_PROGRESS if value is None else shown(value, unit)


def item_label(kind: str, no: str | None, text: str, limit: int = 48) -> str:
    """An item as a list shows it: "ขั้นที่ 3 ตรวจสอบข้อมูล…", "ข้อ 2 …", a condition by its text."""
    text = item_text(no, text)
    short = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"{item_name(kind, no)} {short}".strip()
