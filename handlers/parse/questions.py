"""The Thai questions the parser asks back, in one place for a Thai speaker to read and correct."""

from __future__ import annotations

WHICH_INDICATOR = "รายงานนี้เป็นของตัวชี้วัดไหนคะ"
WHICH_INDICATOR_OF = "รายงานนี้หมายถึงตัวชี้วัดไหนคะ: {options}"
CODE_CONFLICT = "ข้อความระบุตัวชี้วัดที่ {code} แต่เนื้อหาดูเหมือนตัวชี้วัดที่ {other} ขอยืนยันว่าเป็นตัวชี้วัดไหนคะ"
WHAT_VALUE = "ตัวชี้วัดที่ {code} ได้ผลเท่าไรแล้วคะ (เช่น ร้อยละ 80 หรือ 8 จาก 10)"
BARE_NUMBER = "{value} หมายถึง{unit_phrase} ใช่ไหมคะ"
UNIT_MISMATCH = "ตัวชี้วัดที่ {code} วัดเป็น{expected} แต่ข้อความให้ค่าเป็น{given} ขอตัวเลขตามหน่วยของตัวชี้วัดค่ะ"
OVER_100 = "ร้อยละ {value} เกิน 100 ค่ะ ขอตรวจสอบตัวเลขอีกครั้งนะคะ"
PERIOD_CONFLICT = "ข้อความระบุทั้ง{first} และ{second} รายงานนี้เป็นของช่วงไหนคะ"
PERIOD_OUTSIDE = "ช่วงเวลา{period}อยู่นอกปีงบประมาณ {fiscal_year} ของแผน ขอยืนยันช่วงเวลาค่ะ"
CONFIRM = "ขอยืนยันก่อนบันทึกนะคะ: {summary} ถูกต้องไหมคะ"


# The unit of a percentage as plans name it; a percentage is written before its number.
PERCENT = "ร้อยละ"


def shown(value: float | None, unit: str | None) -> str:
    """A value as the chat shows it: "ร้อยละ 85", "8 โครงการ", "-"."""
    if value is None:
        return "-"
    return f"{PERCENT} {value:g}" if unit == PERCENT else f"{value:g} {unit or ''}".strip()


def confirm_question(parts: list[tuple[str, str, float | None, str | None]], period: str | None) -> str:
    """The question before saving what was matched by name: (code, name, value, unit) each, and the
    period; the bot asks exactly this, and ``tidtam parse`` prints it."""
    summary = ", ".join(
        f"ตัวชี้วัดที่ {code}" + (f" ({name[:40]})" if name else "") + f" {shown(value, unit)}"
        for code, name, value, unit in parts
    )
    return CONFIRM.format(summary=summary + (f" ({period})" if period else ""))


FIVE_W_NAMES = {
    "what": "ทำอะไร",
    "with_whom": "ร่วมกับใคร",
    "where": "ที่ไหน",
    "when": "เมื่อไร",
    "how": "ทำอย่างไร",
}
FIVE_W_FOLLOW_UP = "ขอรายละเอียดเพิ่มอีกนิดนะคะ 🙏 ช่วยเล่าว่า {missing} เพื่อให้คณะกรรมการเห็นภาพครบค่ะ"
