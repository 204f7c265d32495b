"""Thai texts of the committee's confirming and returning of reports, in one place for a Thai
speaker to read and correct. (The Confirm and Return buttons are on the query's card: queries/texts.py.)"""

from __future__ import annotations

CONFIRMED = "ยืนยันผลตัวชี้วัดที่ {code} ({value}) แล้วค่ะ ✅"
ASK_RETURN_REASON = "ขอเหตุผลที่ส่งกลับรายงานตัวชี้วัดที่ {code} สั้น ๆ ค่ะ (จะแจ้งผู้รายงาน)"
RETURNED = "ส่งกลับรายงานตัวชี้วัดที่ {code} แล้วค่ะ ผู้รายงานจะได้รับแจ้งเหตุผล"
TOLD_CONFIRMED = "คณะกรรมการยืนยันผลรายงานตัวชี้วัดที่ {code} ({value}) แล้วค่ะ ✅"
TOLD_RETURNED = "คณะกรรมการส่งกลับรายงานตัวชี้วัดที่ {code} ให้แก้ไขค่ะ เหตุผล: {reason}"
NOT_COMMITTEE = "ขออภัยค่ะ เฉพาะคณะกรรมการติดตามประเมินผลเท่านั้นที่ยืนยันหรือส่งกลับรายงานได้"
# --- a confirmed result changed after the committee confirmed it (store.progress) ---
TOLD_COMMITTEE_CHANGED = (
    "แจ้งคณะกรรมการค่ะ: {unit} แก้ผลตัวชี้วัดที่ {code} ({period}) ที่ยืนยันไว้ {confirmed} เป็น {value} "
    "ผลนี้จึงกลับเป็นรอการยืนยัน ตรวจสอบและยืนยันอีกครั้งได้โดยพิมพ์ “@Tidtam ตัวชี้วัดที่ {code} {unit} ถึงไหนแล้ว” นะคะ"
)
TOLD_COMMITTEE_WITHDRAWN = (
    "แจ้งคณะกรรมการค่ะ: {unit} ยกเลิกรายงานตัวชี้วัดที่ {code} ({period}) ที่ยืนยันไว้ {confirmed} ผลที่ยืนยันนี้จึงไม่นับแล้วค่ะ"
)
REPORT_GONE = "รายงานนี้ถูกถอนหรือไม่มีอยู่แล้วค่ะ"
RETURN_CANCELLED = "ยกเลิกการส่งกลับแล้วค่ะ รายงานยังอยู่ในสถานะเดิม"
