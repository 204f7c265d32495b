"""Thai texts of the invite sheets (``bot/invite_sheet.py``): the workbook's headers and the printed
cards people receive with their one-time code, and what the terminal says about them. In one place
for a Thai speaker to read and correct; a card is read once by someone who has never seen the bot,
so its steps are short and concrete."""

from __future__ import annotations

# --- the workbook ---
SHEET_TITLE = "รหัสเชื่อมบัญชี"
ORDER = "ลำดับ"
NAME = "ชื่อ-สกุล"
UNIT = "หน่วยงาน"
POSITION = "ตำแหน่ง"
CODE = "รหัสเชื่อมบัญชี (ใช้ได้ครั้งเดียว)"
LINK = "ลิงก์เพิ่มเพื่อน"
VALID_UNTIL = "ใช้ได้ถึง"

# --- a card ---
PDF_TITLE = "บัตรเชิญเชื่อมบัญชี LINE กับ Tidtam"
CODE_LABEL = "รหัสเชื่อมบัญชีของคุณ"
STEP_ADD_FRIEND = "1. สแกน QR หรือเปิดลิงก์นี้ แล้วกด “เพิ่มเพื่อน” บอท Tidtam ใน LINE"
STEP_SEND_CODE = "2. พิมพ์รหัสด้านบนส่งในแชตกับบอท ก็เชื่อมบัญชีเรียบร้อยค่ะ"
ONE_TIME = "รหัสนี้ใช้ได้ครั้งเดียวและเป็นของคุณคนเดียว ใช้ได้ถึง {until}"
CUT_HERE = "✂"

# --- the terminal (tidtam people import --invites) ---
FONT_MISSING = (
    "ERROR ไม่พบไฟล์ฟอนต์ไทย {path} สำหรับพิมพ์บัตรเชิญ: ติดตั้งด้วย `apt-get install fonts-thai-tlwg` "
    "(the Thai font {path} is missing: install the Debian package fonts-thai-tlwg)"
)
NEED_BASIC_ID = (
    "ERROR ต้องตั้งค่า LINE_BOT_BASIC_ID (เช่น @123abcde จาก LINE Official Account Manager) "
    "เพื่อพิมพ์ลิงก์และ QR เพิ่มเพื่อนบนบัตรเชิญ "
    "(LINE_BOT_BASIC_ID is required to print the add-friend link and QR code on the invite cards)"
)
BAD_BASIC_ID = "ERROR LINE_BOT_BASIC_ID ต้องขึ้นต้นด้วย @ เช่น @123abcde (not {value!r})"
SHEET_EXISTS = "ERROR มีไฟล์ {path} อยู่แล้ว ไม่เขียนทับ (it may hold codes issued earlier)"
CANNOT_WRITE = "ERROR เขียนไฟล์บัตรเชิญไม่ได้ (cannot write the invite sheets): {error}"
WROTE = "บัตรเชิญ {count} คน: {xlsx} และ {pdf}"
NONE_TO_ISSUE = "ไม่มีใครต้องออกรหัสใหม่ในรอบนี้ จึงไม่ได้เขียนไฟล์บัตรเชิญ"
WOULD_ISSUE = "บัตรเชิญ: จะออกรหัสให้ {count} คน (--dry-run: ยังไม่ได้ออกรหัส)"
ALREADY_LINKED = "เชื่อมบัญชี LINE แล้ว {count} คน (ไม่ต้องออกรหัส)"
PENDING = (
    "มีรหัสที่ยังไม่ได้ใช้และยังไม่หมดอายุอยู่แล้ว {count} คน: ไม่ออกรหัสซ้ำ "
    "(รหัสเดิมอยู่ในบัตรเชิญรอบก่อน หากทำหาย ใช้ --new-codes เพื่อออกรหัสใหม่แทนรหัสเดิม)"
)
INACTIVE = "ปิดการใช้งานอยู่ {count} คน (ไม่ออกรหัส)"
