"""Thai texts of the quarterly form สยป.3 written as xlsx (``bot/export_xlsx.py``): its title block,
column headers, cell wording and page footer. In one place for a Thai speaker to read and correct;
the wording follows the paper form people already file."""

from __future__ import annotations

from datetime import date

from handlers.queries.texts import item_label
from scoring.thai import thai_date

FORM_TITLE = "แบบรายงานผลการดำเนินงานตามตัวชี้วัด (สยป.3)"
FISCAL_YEAR = "ปีงบประมาณ พ.ศ. {fiscal_year}"
QUARTER_DATES = "ไตรมาสที่ {quarter} ({first} – {last})"
AS_OF = "ข้อมูล ณ วันที่ {day}"

# --- column headers, in the form's order ---
ORDER = "ลำดับ"
CODE = "รหัส"
INDICATOR = "ตัวชี้วัด"
STRATEGY_CODE = "รหัสยุทธศาสตร์"
TARGET = "ค่าเป้าหมาย"
UNIT = "หน่วยนับ"
RESULT = "ผลการดำเนินงาน (สะสม)"
CONFIRMED_RESULT = "ผลที่คณะกรรมการยืนยัน"
LEVEL_HEADER = "ความก้าวหน้า/ระดับ"
QUARTERLY_RESULTS = "ผลการดำเนินงานรายไตรมาส"
PROJECTS = "โครงการ/กิจกรรมสนับสนุน"
EVIDENCE = "หลักฐาน"

# --- cells ---
QUARTER_NARRATIVE = "(ไตรมาส {quarter}) {text}"
ATTACHMENTS = "ไฟล์แนบ: {files}"
LEVEL = "ระดับ {level}"
# an item done (a milestone, a condition, a checklist item, a project step), under its quarter
ITEM_DONE = "✓ {name} ({day})"

# --- the printed page and the file ---
FOOTER = "สยป.3 {plan} ไตรมาสที่ {quarter}/{fiscal_year}"
PAGE_NUMBER = "หน้า &P / &N"  # &P and &N: Excel's page number and page count
SHEET_TITLE = "สยป.3 ไตรมาส {quarter}-{fiscal_year}"
WORKBOOK_TITLE = "{form} {unit} ปีงบประมาณ พ.ศ. {fiscal_year} ไตรมาสที่ {quarter}"


def item_done(kind: str, no: str | None, text: str, day: date) -> str:
    """ "✓ ขั้นที่ 1 เสนอแนวทาง และกำหนดประเด็น… (15 พ.ย. 2564)": an item under the quarter it was done in."""
    return ITEM_DONE.format(name=item_label(kind, no, text, limit=60), day=thai_date(day))
