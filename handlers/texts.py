"""Thai texts that several features say (or that the router and the worker say), in one place for a
Thai speaker to read and correct.

Each feature folder keeps its own texts beside it (``reporting/texts.py``, ``queries/texts.py``,
``verification/texts.py``, ``nudges/texts.py``, ``accounts/texts.py``); this module holds only what
more than one of them, or the shared modules above them, show. Outside the texts modules the code
holds no Thai (``tests/test_texts_live_in_texts_modules.py`` checks).
"""

from __future__ import annotations

HELP = (
    "สวัสดีค่ะ 🙏 รายงานความก้าวหน้าได้เลย เช่น\n"
    "“ตัวชี้วัดที่ 4 แก้ไขแล้ว 1,234 จาก 1,500 เรื่อง ไตรมาส 2”\n"
    "“ตช.2 ได้ 9 โครงการ ประชุมติดตามกับสำนักงานเขตเมื่อ 15 ม.ค.”\n"
    "พิมพ์ “ยกเลิก” เพื่อยกเลิกรายงานที่ค้างอยู่ค่ะ"
)
# An indicator by its code: quick-reply texts, card headings, "which unit's ตัวชี้วัดที่ 4?".
INDICATOR = "ตัวชี้วัดที่ {code}"
# The two kinds of reporting round, as reminders and summary cards name them.
MONTHLY = "รายเดือน"
QUARTERLY = "รายไตรมาส"
# A quick-reply label of a reminder, and the first words of what a no-progress report saves.
NO_PROGRESS = "ยังไม่มีความก้าวหน้า"

# --- identities and events (handlers/dispatch.py) ---
ONBOARDING = (
    "สวัสดีค่ะ ยินดีต้อนรับสู่ Tidtam (ติดตาม) 🙏\n"
    "บัญชี LINE นี้ยังไม่ได้เชื่อมกับรายชื่อผู้รายงาน กรุณาส่งรหัสเชื่อมบัญชี (เช่น TT-AB12-CD34) "
    "ที่ได้รับจากกลุ่มงานแผนงานและประเมินผลมาในแชตนี้ได้เลยค่ะ"
)
CODE_INVALID = "ขออภัยค่ะ รหัสนี้ไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุ กรุณาขอรหัสใหม่จากผู้ดูแลระบบนะคะ"
LINKED = "เชื่อมบัญชีเรียบร้อยแล้วค่ะ สวัสดีคุณ{name} 🙏\n" + HELP
LEAVE_NOTED = "รับทราบค่ะ 🙏 บันทึกว่าลาถึง {until} ระหว่างนี้จะไม่ส่งการแจ้งเตือน และจะแจ้งผู้รักษาราชการแทนแทนนะคะ"
# The reason kept on a report withdrawn because its reporter unsent the message (the audit trail shows it).
UNSENT_REASON = "ผู้รายงานยกเลิกข้อความ"
# --- inbox and worker (hardening) ---
SORRY = "ขออภัยค่ะ ระบบขัดข้องชั่วคราว ข้อความของคุณยังไม่ได้บันทึก กรุณาลองส่งใหม่อีกครั้งนะคะ 🙏"
TEXT_TRUNCATED = (
    "ข้อความยาวเกิน {limit:,} ตัวอักษร (ยาว {length:,} ตัวอักษร) ระบบอ่านเฉพาะ {limit:,} ตัวอักษรแรกนะคะ "
    "ถ้ามีรายละเอียดสำคัญต่อจากนั้น กรุณาส่งแยกเป็นข้อความใหม่ค่ะ"
)
UNREADABLE_EVENT = "ขออภัยค่ะ ระบบอ่านข้อความนี้ไม่ได้ จึงยังไม่ได้บันทึก กรุณาพิมพ์ส่งใหม่อีกครั้งนะคะ 🙏"
# --- chat scope and buttons (groups, postbacks) ---
GROUP_ASK_PRIVATELY = (
    "ขออภัยค่ะ ในกลุ่มนี้ทุกคนเห็นข้อความ Tidtam จึงไม่แสดงคะแนนหรือรายชื่อ และไม่บันทึกรายงานในกลุ่มค่ะ "
    "กรุณาสอบถามหรือรายงานต่อในแชตส่วนตัวกับ Tidtam นะคะ 🙏"
)
BUTTON_INVALID = "ปุ่มนี้ใช้ไม่ได้แล้วค่ะ ยังไม่มีการบันทึกข้อมูลใด ๆ กรุณาพิมพ์ข้อความในแชตอีกครั้งนะคะ 🙏"
# --- a conversation that waits while another message comes (the router) ---
PENDING_KEPT = "รายงาน{what}ที่ค้างไว้ยังรออยู่นะคะ แตะ “กลับไปที่รายงาน” เพื่อทำต่อได้เลยค่ะ"
RESUME = "กลับไปที่รายงาน"
RETURN_REASON_KEPT = "ยังรอเหตุผลที่ส่งกลับรายงานตัวชี้วัดที่ {code} อยู่นะคะ พิมพ์เหตุผลได้เลย หรือพิมพ์ “ยกเลิก”"

# What the reporter's rich-menu button "รายงานผล" sends: answered with how to report, whatever waits.
MENU_REPORT = "รายงานผล"
