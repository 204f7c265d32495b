"""Thai texts of the report conversation, in one place for a Thai speaker to read and correct.

The questions the parser asks back live with the parser (``handlers/parse/questions.py``); the
texts that other features say too live in ``handlers/texts.py``.
"""

from __future__ import annotations

NOT_A_REPORTER = "ขออภัยค่ะ บัญชีนี้ยังไม่ได้รับมอบหมายให้รายงานตัวชี้วัด กรุณาติดต่อกลุ่มงานแผนงานและประเมินผลนะคะ"
NO_PLAN = "ขออภัยค่ะ ยังไม่พบแผนของหน่วยงานท่านในปีงบประมาณนี้ กรุณาติดต่อผู้ดูแลระบบนะคะ"
NOTHING_PENDING = "ตอนนี้ไม่มีรายงานที่ค้างอยู่ค่ะ"
CANCELLED = "ยกเลิกรายงานที่ค้างอยู่แล้วค่ะ ไม่มีการบันทึกข้อมูล"
EXPIRED = "รายงานที่ค้างไว้เมื่อ {when} หมดเวลาแล้ว จึงยังไม่ได้บันทึกค่ะ"
# The time of day in EXPIRED (a strftime format).
CLOCK = "%H:%M น."
SUPERSEDED = "รายงานที่ค้างไว้ก่อนหน้านี้ถูกแทนที่ด้วยข้อความล่าสุดค่ะ"
SAVED = "บันทึกแล้วค่ะ ✅ {summary}"
SAVED_ITEM = "ตัวชี้วัดที่ {code} {value} ({period})"
SAVED_NO_VALUE = "ตัวชี้วัดที่ {code} ความก้าวหน้า: อยู่ระหว่างดำเนินการ ({period})"
LEVEL_NOW = "ระดับ {level} ได้ {points:g}/{max_points:g} คะแนน"
LOWER_THAN_LAST = (
    "ตัวชี้วัดที่ {code} ครั้งก่อนรายงาน {last} (เมื่อ {when}) ครั้งนี้ {value} ซึ่งต่ำกว่า "
    "ผลเป็นค่าสะสมใช่ไหมคะ ยืนยันบันทึก {value} หรือแก้ไขตัวเลขได้ค่ะ"
)
ASK_AGAIN = "ขออภัยค่ะ ยังไม่เข้าใจคำตอบ {question}"
PICK_INDICATOR = "เลือกตัวชี้วัดได้เลยค่ะ"
CORRECTED = "แก้ไขแล้วค่ะ ✅ ตัวชี้วัดที่ {code} จาก {old} เป็น {new} ({period})"
NO_REPORT_TO_CORRECT = "ยังไม่พบรายงานล่าสุดที่จะแก้ไขค่ะ ช่วยระบุตัวชี้วัดด้วยนะคะ เช่น “ตัวชี้วัดที่ 2 แก้เป็น 80”"
NOT_YOUR_DRAFT = "ขออภัยค่ะ ตัวเลือกนี้เป็นของรายงานของผู้อื่น"
DRAFT_GONE = "รายงานนี้ไม่ได้รออยู่แล้วค่ะ (บันทึก ยกเลิก หรือหมดเวลาแล้ว)"
NOT_IN_PLAN = "ไม่พบตัวชี้วัดที่ {code} ในแผนของหน่วยงานค่ะ"

# --- quick-reply labels ---
YES = "ใช่"
NO = "ไม่ใช่"
CONFIRM_YES = "ยืนยัน"
EDIT = "แก้ไข"
ONLY_THIS = "เฉพาะ {code}"  # save one indicator of several now; the others are asked again
ONLY_THIS_SAID = "บันทึกเฉพาะตัวชี้วัดที่ {code}"
# The same indicator reported for several months: each part named by its month too
ONLY_THIS_IN = "เฉพาะ {code} {period}"
ONLY_THIS_IN_SAID = "บันทึกเฉพาะตัวชี้วัดที่ {code} ({period})"
CANCEL = "ยกเลิก"
OTHER = "อื่น ๆ"
QUARTER_OPTION = "ไตรมาส {n}/{fiscal_year}"

# --- words that answer a yes/no question (matched against what the reporter types) ---
YES_WORDS = ("ใช่", "ถูก", "ถูกต้อง", "ยืนยัน", "ok", "โอเค", "ครับ", "ค่ะ", "คะ", "yes", "y", "ตกลง", "บันทึก")
NO_WORDS = ("ไม่ใช่", "ไม่", "ผิด", "no", "n", "แก้ไข", "แก้")
# A yes-word after this is a no ("ไม่ใช่", "ไม่ถูก").
NEGATION_WORD = "ไม่"

# --- escapes and corrections ---
PENDING_KEPT_NEW = "เก็บรายงาน{what}ที่ค้างไว้ให้ก่อนนะคะ ทำรายงานนี้ต่อได้เลยค่ะ"
CORRECT_CONVERTED = (
    "ขอยืนยันก่อนแก้นะคะ: ตัวชี้วัดที่ {code} เป็น {new} ({numerator:g} จาก {denominator:g} {unit}) "
    "เดิม {old} ({period}) ถูกต้องไหมคะ"
)
CORRECT_UNIT_MISMATCH = (
    "ตัวชี้วัดที่ {code} ({period}) วัดเป็น{indicator_unit} แต่ค่าที่แก้เป็น{unit} "
    "ช่วยพิมพ์ค่าที่ถูกต้องตามหน่วยของตัวชี้วัดอีกครั้งนะคะ เช่น “ตัวชี้วัดที่ {code} แก้เป็น 80”"
)
CORRECTION_DROPPED = "ไม่ได้แก้ไขค่ะ รายงานยังเป็นค่าเดิม"
EDIT_HOW = "พิมพ์สิ่งที่ต้องการแก้ได้เลยค่ะ เช่น “แก้เป็น 80” หรือ “ไม่ใช่ ตัวชี้วัดที่ 5”"
DETAILS_ADDED = "ขอบคุณค่ะ เพิ่มรายละเอียดในรายงานแล้ว 🙏"
# A report the committee had confirmed is changed by its reporter (store.progress).
COMMITTEE_TOLD = "ตัวชี้วัดที่ {code} ({period}) คณะกรรมการยืนยันผลเดิมไว้แล้ว จึงแจ้งคณะกรรมการให้ตรวจสอบและยืนยันค่าใหม่อีกครั้งนะคะ"
CORRECT_AGAIN = "ยืนยันการแก้ไขที่ค้างไว้ไหมคะ"
DETAILS_SKIPPED = "รับทราบค่ะ รายงานบันทึกไว้แล้วโดยไม่เพิ่มรายละเอียด"

# --- "no progress yet", reached from a reminder's button ---
REPORT_HINT = "พิมพ์รายงานได้เลยค่ะ เช่น “ตัวชี้วัดที่ 1 ร้อยละ 85 ประชุมติดตามกับสำนักงานเขต เมื่อ 12 มี.ค.”"
ASK_REASON = "ขอทราบเหตุผลสั้น ๆ ว่ายังไม่มีความก้าวหน้าเพราะอะไรคะ (เช่น รอผลจัดซื้อจัดจ้าง)"
NO_PROGRESS_SAVED = "บันทึกแล้วค่ะ ✅ ตัวชี้วัดที่ {codes}: ยังไม่มีความก้าวหน้า ({reason})"

# --- items: milestones, conditions, checklist items, project steps ---
CONFIRM_ALL = "ยืนยันทั้งหมด"
NOT_THESE = "ไม่ใช่"
ITEMS_DONE = "ตัวชี้วัดที่ {code} เสร็จแล้ว ({period}):\n{lines}"
ITEMS_UNDONE = "ตัวชี้วัดที่ {code} ยังไม่เสร็จ ({period}):\n{lines}"
ITEM_LINE_DONE = "✓ {name}"
ITEM_LINE_UNDONE = "○ {name}"
NEXT_ITEM = "ถึงระดับ {level}: {text}"
NEXT_STEP = "ขั้นต่อไป: {text}"
DID_IT = "ทำแล้ว"  # under "ถึงระดับ n: …": one tap reports that item done
DID_IT_ITEM = "ทำแล้ว: {name}"
DID_IT_SAID = "{name} ทำแล้ว"
ITEMS_NOTHING = "รับทราบค่ะ ไม่ได้บันทึกขั้นตอนที่ระบุ"
EVIDENCE_ASK = "ถ้ามีหลักฐาน ส่งรูป ไฟล์ เลขที่หนังสือ หรือลิงก์มาได้เลยนะคะ 📎 ({evidence})"
