"""Thai texts of ``tidtam people export`` and ``tidtam people forget`` (personal data under the PDPA),
in one place for a Thai speaker to read and correct. As every terminal message: Thai, then English."""

from __future__ import annotations

EXPORT_HELP = "ส่งออกข้อมูลส่วนบุคคลทั้งหมดของบุคคลหนึ่งเป็นไฟล์ JSON (คำขอสำเนาตาม PDPA) / everything held about a person."
FORGET_HELP = (
    "ลบข้อมูลส่วนบุคคลของบุคคลหนึ่ง (คำขอลบตาม PDPA): รายงานยังอยู่แต่ไม่ระบุตัวบุคคล / erase a person's "
    "personal data: reports stay, anonymised. Safe to run again."
)
PERSON_HELP = "รหัสหรือชื่อเต็มของบุคคล (person id or exact name)."
OUT_HELP = "ไฟล์ JSON ที่จะเขียน (the JSON file to write)."
YES_HELP = "ไม่ต้องถามยืนยัน (do not ask for confirmation)."
WROTE = (
    "เขียนข้อมูลส่วนบุคคลของบุคคล #{person_id} ลงไฟล์ {out} แล้ว: รายงาน {reports} ฉบับ หลักฐาน {evidence} รายการ "
    "(wrote person {person_id}'s personal data to {out})"
)
CANNOT_WRITE = "ERROR เขียนไฟล์ไม่ได้ (cannot write {out}): {error}"
CONFIRM_FORGET = (
    "ลบข้อมูลส่วนบุคคลของบุคคล #{person_id} ({name}) ใช่ไหม? รายงานที่บันทึกแล้วจะยังอยู่แต่ไม่ระบุตัวบุคคล "
    "และย้อนกลับไม่ได้ (erase person {person_id}'s personal data? This cannot be undone)"
)
FORGOTTEN = "ลบข้อมูลส่วนบุคคลของบุคคล #{person_id} แล้ว (person {person_id} forgotten): {counts}"
MENU_UNLINKED = "ถอดเมนู LINE ของ {n} บัญชีแล้ว (rich menu unlinked for {n} LINE account(s))"
MENU_UNLINK_FAILED = (
    "⚠ ลบข้อมูลแล้ว แต่ถอดเมนู LINE ไม่สำเร็จ: {error} ถอดได้ในหน้า LINE Official Account Manager "
    "(the data is erased, but the rich menu could not be unlinked: {error}; unlink it in LINE OA Manager)"
)
NOTHING_LEFT = "ไม่มีข้อมูลส่วนบุคคลของบุคคล #{person_id} เหลือให้ลบแล้ว (nothing left to erase for person {person_id})"
AUDITED = "บันทึกการดำเนินการไว้ที่ {path} (audit line written to {path})"
