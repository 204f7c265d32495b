"""The Thai questions the parser asks back, in one place for a Thai speaker to read and correct."""

from __future__ import annotations

import re

from scoring.items import PlanItem

WHICH_INDICATOR = "รายงานนี้เป็นของตัวชี้วัดไหนคะ"
WHICH_INDICATOR_OF = "รายงานนี้หมายถึงตัวชี้วัดไหนคะ: {options}"
CODE_CONFLICT = "ข้อความระบุตัวชี้วัดที่ {code} แต่เนื้อหาดูเหมือนตัวชี้วัดที่ {other} ขอยืนยันว่าเป็นตัวชี้วัดไหนคะ"
WHAT_VALUE = "ตัวชี้วัดที่ {code} ได้ผลเท่าไรแล้วคะ (เช่น ร้อยละ 80 หรือ 8 จาก 10)"
BARE_NUMBER = "{value} หมายถึง{unit_phrase} ใช่ไหมคะ"
UNIT_MISMATCH = "ตัวชี้วัดที่ {code} วัดเป็น{expected} แต่ข้อความให้ค่าเป็น{given} ขอตัวเลขตามหน่วยของตัวชี้วัดค่ะ"
OVER_100 = "ร้อยละ {value} เกิน 100 ค่ะ ขอตรวจสอบตัวเลขอีกครั้งนะคะ"
PERIOD_CONFLICT = "ข้อความระบุทั้ง {first} และ {second} รายงานนี้เป็นของช่วงไหนคะ"
PERIOD_OUTSIDE = "ช่วงเวลา {period} อยู่นอกปีงบประมาณ {fiscal_year} ของแผน ขอยืนยันช่วงเวลาค่ะ"
CONFIRM = "ขอยืนยันก่อนบันทึกนะคะ: {summary} ถูกต้องไหมคะ"
CONFIRM_CLAUSES = "ขอยืนยันก่อนบันทึกนะคะ\n{lines}\nถูกต้องไหมคะ"  # each indicator with its own period


# The unit of a percentage as plans name it; a percentage is written before its number.
PERCENT = "ร้อยละ"


def shown(value: float | None, unit: str | None) -> str:
    """A value as the chat shows it: "ร้อยละ 85", "8 โครงการ", "-"."""
    if value is None:
        return "-"
    return f"{PERCENT} {value:g}" if unit == PERCENT else f"{value:g} {unit or ''}".strip()


def confirm_question(parts: list[tuple[str, str, float | None, str | None, str | None]], period: str | None) -> str:
    """The question before saving what was matched by name: (code, name, value, unit, its own period)
    each, and the period; the bot asks exactly this, and ``tidtam parse`` prints it. Parts with periods
    of their own show each one's, one part a line."""
    own = len({p for *_, p in parts if p}) > 1
    shown_parts = [
        f"ตัวชี้วัดที่ {code}"
        + (f" ({name[:40]})" if name else "")
        + f" {shown(value, unit)}"
        + (f" ({part_period})" if own and part_period else "")
        for code, name, value, unit, part_period in parts
    ]
    if own:
        return CONFIRM_CLAUSES.format(lines="\n".join(f"• {p}" for p in shown_parts))
    return CONFIRM.format(summary=", ".join(shown_parts) + (f" ({period})" if period else ""))


FIVE_W_NAMES = {
    "what": "ทำอะไร",
    "with_whom": "ร่วมกับใคร",
    "where": "ที่ไหน",
    "when": "เมื่อไร",
    "how": "ทำอย่างไร",
}
FIVE_W_FOLLOW_UP = "ขอรายละเอียดเพิ่มอีกนิดนะคะ 🙏 ช่วยเล่าว่า {missing} เพื่อให้คณะกรรมการเห็นภาพครบค่ะ"


# --- items (milestones, conditions, checklist items, steps) ------------------------------------
CONFIRM_DONE = "ตัวชี้วัดที่ {code}: ขอยืนยันว่าเสร็จแล้วนะคะ\n{lines}\nถูกต้องไหมคะ"
CONFIRM_LEVEL = "ตัวชี้วัดที่ {code}: ระดับ {level} ต้องเสร็จครบตามนี้ค่ะ\n{lines}\nเสร็จแล้วทั้งหมดใช่ไหมคะ"
CONFIRM_POINTS = "ตัวชี้วัดที่ {code}: {points} คะแนน มาจากข้อเหล่านี้ค่ะ\n{lines}\nเสร็จแล้วทั้งหมดใช่ไหมคะ"
POINTS_WHICH = "ตัวชี้วัดที่ {code}: {points} คะแนน ไม่ตรงกับข้อใดข้อหนึ่งพอดีค่ะ ข้อไหนเสร็จแล้วบ้างคะ\n{lines}"
CONFIRM_UNDONE = "ตัวชี้วัดที่ {code}: ขอยืนยันว่ายังไม่เสร็จนะคะ\n{lines}\nถูกต้องไหมคะ"
# Done and not done in one message: both are shown, since one tap confirms both
CONFIRM_DONE_AND_UNDONE = "ตัวชี้วัดที่ {code}: ขอยืนยันว่าเสร็จแล้วนะคะ\n{lines}\nและยังไม่เสร็จ\n{undone}\nถูกต้องไหมคะ"
WHICH_ITEM = "ตัวชี้วัดที่ {code}: ข้อความนี้หมายถึงข้อไหนคะ (แตะข้อที่เสร็จแล้ว)\n{lines}"


def item_name(kind: str, no: str | None) -> str:
    """How a reporter names an item: "ขั้นที่ 3" (a milestone), "ข้อ 2", "ขั้นตอนที่ 4" (a step)."""
    if no is None:
        return ""
    if kind == "milestone":
        return f"ขั้นที่ {no}"
    if kind == "checklist":
        return f"ข้อ {no}"
    return f"ขั้นตอนที่ {no}"


def item_text(no: str | None, text: str) -> str:
    """The plan's text without the number the item's name already says ("1. แต่งตั้ง…" is "ข้อ 1")."""
    if no is not None and text.startswith(f"{no}."):
        return text[len(no) + 1 :].lstrip()
    return text


def item_lines(items: list[tuple[str, str | None, str]]) -> str:
    """(kind, no, text) each → "• ขั้นที่ 1 เสนอแนวทาง…" lines, the full text for the reporter to check."""
    return "\n".join(f"• {(item_name(kind, no) + ' ').lstrip()}{item_text(no, text)}" for kind, no, text in items)


LABEL_MAX = 20  # LINE quick-reply labels stop at 20 characters
_LEAD = re.compile(r"^(?:ส่วนที่\s*\d+\s*:\s*[^–]*–\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?:เมื่อ)?")
_SUB = re.compile(r".*\s\d+\.\d+\s+")  # "… 1. การพัฒนานวัตกรรม 1.1 ผลผลิต…": the sub-item's own words


def _own_words(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    words = _SUB.sub("", _LEAD.sub("", first)).strip()
    return words or first


def item_label(item: PlanItem, full: bool = False) -> str:
    """An item as the chat names it: the full "ขั้นที่ 3 ตรวจสอบข้อมูล…" in text, or a quick-reply label
    of at most 20 characters ("ขั้น 3 ตรวจสอบข้อมูล…") made from its number and first words."""
    words = _own_words(item.text)
    if full:
        return f"{item_name(item.kind, item.no)} {words}".strip()
    prefix = ""
    if item.no is not None:
        prefix = f"ข้อ {item.no} " if item.kind == "checklist" else f"ขั้น {item.no} "
    room = LABEL_MAX - len(prefix)
    if len(words) <= room:
        return (prefix + words).strip()
    cut = words[: room - 1]
    space = cut.rfind(" ")
    if space >= room // 2:
        cut = cut[:space]
    return (prefix + cut.rstrip(" ,(-–") + "…").strip()
