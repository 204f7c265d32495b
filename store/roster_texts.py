"""Thai texts of the roster import (``store/roster.py``): the column names, the role names an admin
may write, every error naming a row and a column, and the list of changes. In one place for a Thai
speaker to read and correct.

The header and role synonyms are language data: what a roster made by hand is likely to say.
Matching ignores case, spaces and the punctuation ``- _ . / ( )``.
"""

from __future__ import annotations

# --- columns, as errors name them ---
NAME = "ชื่อ-สกุล"
SURNAME = "นามสกุล"
POSITION = "ตำแหน่ง"
UNIT = "หน่วยงาน"
ROLES = "บทบาท"
INDICATORS = "ตัวชี้วัดที่รับผิดชอบ"
ACTING = "ผู้รักษาราชการแทน"
PHONE = "โทรศัพท์"

# Headers recognised as they are (after normalising), by column key.
HEADERS_EXACT: dict[str, tuple[str, ...]] = {
    "name": ("ชื่อ", "ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "name", "fullname", "firstname", "ชื่อบุคลากร"),
    "surname": ("นามสกุล", "สกุล", "surname", "lastname", "familyname"),
}
# Headers recognised by a word they contain; the first column key whose word is found wins, so a
# header such as "ชื่อหน่วยงาน" is a unit and "ชื่อผู้รักษาราชการแทน" the acting officer.
HEADERS_CONTAINING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("acting", ("รักษาราชการแทน", "รักษาการแทน", "ปฏิบัติหน้าที่แทน", "acting", "deputy", "standin")),
    ("phone", ("โทร", "เบอร์", "มือถือ", "phone", "tel", "mobile")),
    ("indicators", ("ตัวชี้วัด", "indicator", "kpi")),
    ("roles", ("บทบาท", "สิทธิ์", "role")),
    ("position", ("ตำแหน่ง", "position", "jobtitle")),
    ("unit", ("หน่วยงาน", "ส่วนราชการ", "สังกัด", "สำนักงาน", "กลุ่มงาน", "unit", "department", "office", "org")),
    ("name", ("ชื่อ", "name")),
)

# --- roles: how they are shown, and what an admin may write for each ---
ROLE_NAMES = {
    "reporter": "ผู้รายงาน",
    "unit_head": "หัวหน้าส่วนราชการ",
    "committee": "คณะกรรมการติดตามประเมินผล",
    "manager": "ผู้บริหาร",
    "admin": "ผู้ดูแลระบบ",
}
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "reporter": ("ผู้รายงาน", "ผู้รับผิดชอบตัวชี้วัด", "ผู้รับผิดชอบ", "ผู้จัดเก็บข้อมูล", "ผู้รายงานผล"),
    "unit_head": ("หัวหน้าส่วนราชการ", "หัวหน้าหน่วยงาน", "หัวหน้า", "unithead", "head"),
    "committee": ("คณะกรรมการติดตามประเมินผล", "คณะกรรมการ", "กรรมการ", "คกก", "คกกติดตามประเมินผล"),
    "manager": ("ผู้บริหาร",),
    "admin": ("ผู้ดูแลระบบ", "แอดมิน", "administrator"),
}

# --- errors: one line each, naming the row and the column as the spreadsheet shows them ---
AT_CELL = "แถว {row} คอลัมน์ {column} ({header}): {message}"
AT_ROW = "แถว {row}: {message}"
EMPTY_NAME = "ไม่มีชื่อ"
EMPTY_UNIT = "ไม่ได้ระบุหน่วยงาน"
UNKNOWN_UNIT = "ไม่พบหน่วยงาน '{unit}' (เพิ่มหน่วยงานก่อน หรือนำเข้าด้วย --create-units)"
UNKNOWN_ROLE = "ไม่รู้จักบทบาท '{role}' (ใช้ได้: {choices})"
UNKNOWN_INDICATOR = "ไม่พบตัวชี้วัด '{code}' ในแผนของ{unit} ({plans})"
AMBIGUOUS_INDICATOR = "ตัวชี้วัด '{code}' มีในหลายแผน ({plans}) กรุณาระบุแผน เช่น '{example}'"
UNKNOWN_PLAN = "ไม่พบแผน '{plan}' ของ{unit} (แผนที่มี: {plans})"
NO_PLANS = "{unit}ยังไม่มีแผนที่นำเข้า จึงยังมอบหมายตัวชี้วัดไม่ได้"
BAD_PHONE = "หมายเลขโทรศัพท์ '{phone}' ไม่ถูกต้อง (เช่น 081-234-5678 หรือ 02-123-4567 ต่อ 1234)"
DUPLICATE_ROW = "ชื่อนี้ซ้ำกับแถว {other} ในหน่วยงานเดียวกัน"
ACTING_UNKNOWN = "ไม่พบผู้รักษาราชการแทนชื่อ '{name}' ทั้งในไฟล์และในระบบ"
ACTING_AMBIGUOUS = "มีผู้ชื่อ '{name}' หลายคน ({units}) กรุณาให้ผู้รักษาราชการแทนอยู่หน่วยงานเดียวกัน"
ACTING_SELF = "ผู้รักษาราชการแทนต้องเป็นคนอื่น"
ACTING_TAKEN = "'{name}' เป็นผู้รักษาราชการแทนของแถว {other} แล้ว (หนึ่งคนรักษาราชการแทนได้หนึ่งคน)"
ACTING_ROW_FAILED = "ผู้รักษาราชการแทน '{name}' อยู่ในแถว {other} ซึ่งนำเข้าไม่ได้"

# --- the file as a whole ---
UNSUPPORTED_FILE = "รองรับเฉพาะไฟล์ .xlsx และ .csv (ไม่ใช่ '{name}')"
UNREADABLE_FILE = "อ่านไฟล์ '{name}' ไม่ได้: {error}"
EMPTY_FILE = "ไฟล์ '{name}' ไม่มีข้อมูล"
MISSING_COLUMNS = "ไม่พบคอลัมน์ {columns} ในหัวตาราง (หัวตารางที่พบ: {found})"
SAME_COLUMN_TWICE = "คอลัมน์ {first} และ {second} เป็นข้อมูลเดียวกัน ({header}): กรุณาเหลือไว้คอลัมน์เดียว"

# --- what changed, one line per person ---
ADDED = "+ {name} ({unit})"
UPDATED = "~ {name} ({unit})"
CHANGE_SEPARATOR = "; "
POSITION_SET = "ตำแหน่ง: {old} → {new}"
PHONE_SET = "โทรศัพท์: {old} → {new}"
ROLE_GRANTED = "ให้บทบาท {role}"
ROLE_REVOKED = "ถอนบทบาท {role}"
INDICATOR_ASSIGNED = "มอบหมายตัวชี้วัด {code} ({plan})"
INDICATOR_UNASSIGNED = "ยกเลิกตัวชี้วัด {code} ({plan})"
ACTING_SET = "ผู้รักษาราชการแทน: {name}"
UNIT_CREATED = "+ หน่วยงานใหม่: {unit}"
NONE = "-"
# What a cell holding only this says: clear the field (an empty cell leaves it as it is).
CLEAR_MARKS = ("-", "–", "—", "ไม่มี")
PHONE_EXTENSION = "{number} ต่อ {extension}"
EXTENSION_WORDS = ("ต่อ",)  # "02-123-4567 ต่อ 12" as people write an extension

# --- warnings (the row is imported) ---
INACTIVE = "แถว {row}: {name} ถูกปิดการใช้งานอยู่ นำเข้าข้อมูลแล้ว แต่ไม่เปิดใช้งานให้ (ใช้ tidtam people activate)"
INDICATORS_WITHOUT_REPORTER = "แถว {row}: {name} ได้รับมอบหมายตัวชี้วัดแต่ไม่มีบทบาทผู้รายงาน จึงจะไม่ได้รับการแจ้งเตือนให้รายงาน"

# --- the summary ---
SUMMARY = "สรุป: เพิ่ม {added} คน · แก้ไข {updated} คน · ไม่เปลี่ยนแปลง {unchanged} คน · ผิดพลาด {errors} แถว"
NOTHING_CHANGED = "ไม่มีอะไรเปลี่ยนแปลง: ข้อมูลในไฟล์ตรงกับในระบบแล้ว"
ERRORS_HEADING = "แถวที่นำเข้าไม่ได้ ({count} แถว) แก้ไขแล้วนำเข้าไฟล์เดิมอีกครั้งได้เลย:"
CHANGES_HEADING = "การเปลี่ยนแปลง:"
WARNINGS_HEADING = "ข้อสังเกต:"

# --- people on and off the roster (tidtam people deactivate / activate / revoke) ---
NO_PERSON = "ไม่พบบุคคล '{key}' (ระบุหมายเลขหรือชื่อ-สกุลให้ตรง)"
AMBIGUOUS_PERSON = "มีผู้ชื่อ '{key}' หลายคน: {choices} กรุณาระบุหมายเลข"
PERSON_CHOICE = "{id} ({unit})"
NO_SUCH_GRANT = "{name} ไม่มีบทบาท {role}{scope} (บทบาทที่มี: {grants})"
GRANT_SCOPE = " ของ{unit}"
EVERY_UNIT = "ทุกหน่วยงาน"
DRY_RUN = "ทดลองเท่านั้น (--dry-run): ยังไม่ได้บันทึกอะไร"
DEACTIVATED = (
    "ปิดการใช้งาน {name} ({unit}) แล้ว: จะไม่ได้รับการแจ้งเตือน และบอทจะไม่รับข้อความจากบุคคลนี้ "
    "(บทบาท ตัวชี้วัด และบัญชี LINE ยังอยู่ครบ เปิดกลับได้ด้วย tidtam people activate)"
)
ALREADY_INACTIVE = "{name} ({unit}) ถูกปิดการใช้งานอยู่แล้ว"
ACTIVATED = "เปิดใช้งาน {name} ({unit}) อีกครั้งแล้ว"
ALREADY_ACTIVE = "{name} ({unit}) ใช้งานอยู่แล้ว"
REVOKED = "ถอนบทบาท {role}{scope} จาก {name} แล้ว"
