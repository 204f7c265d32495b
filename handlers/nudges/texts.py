"""Thai texts of reminders, unit-head notes and quota alerts, in one place for a Thai speaker to read."""

from __future__ import annotations

BEFORE5 = "สวัสดีค่ะ คุณ{name} 🙏 อีก 5 วันทำการจะถึงกำหนดส่งรายงาน{kinds} ({due}) ตัวชี้วัดที่ยังไม่ได้รายงาน:"
LASTDAY = "สวัสดีค่ะ คุณ{name} 🙏 พรุ่งนี้ ({due}) เป็นวันครบกำหนดส่งรายงาน{kinds} ตัวชี้วัดที่ยังไม่ได้รายงาน:"
OVERDUE = "สวัสดีค่ะ คุณ{name} 🙏 เลยกำหนดส่งรายงาน{kinds} ({due}) มาแล้ว ขอความกรุณารายงานโดยเร็วนะคะ:"
# Joins the kinds of round due together ("รายเดือนและรายไตรมาส").
KINDS_JOIN = "และ"
ON_BEHALF = "(แจ้งในฐานะผู้รักษาราชการแทนคุณ{name} ซึ่งอยู่ระหว่างลา)"
INDICATOR_LINE = "• ตัวชี้วัดที่ {code} {name}: {last}"
NO_REPORT_YET = "ยังไม่มีผลรายงาน"
LAST_VALUE = "ล่าสุด {value} ({when})"
CLOSING = "รายงานได้ทันทีโดยพิมพ์ในแชตนี้ หรือกดปุ่มด้านล่างค่ะ"
REPORT_NOW = "รายงานเลย"
STEP_PLANNED = "☐ แผนเดือน {month}: {name}"  # a project step planned this month and not yet done
STEP_DONE = "ทำแล้ว: {name}"
STEP_DONE_SAID = "ตัวชี้วัดที่ {code} {name} ทำแล้ว"
HEAD_NOTE = "เรียน คุณ{name} 🙏 รายงานกำหนดส่ง {due} ยังขาดอยู่ {count} คน ขอความกรุณาช่วยติดตามค่ะ\n{lines}"
HEAD_LINE = "• {name}: ตัวชี้วัดที่ {codes}"
QUOTA_ALERT = (
    "แจ้งผู้ดูแลระบบ: โควตาข้อความ LINE เดือนนี้ ({quota} ข้อความ) ใกล้หมด "
    "ระบบงดส่งการแจ้งเตือนลำดับความสำคัญต่ำไป {dropped} รายการ กรุณาพิจารณาเพิ่มแพ็กเกจค่ะ"
)


def short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
