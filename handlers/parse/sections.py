"""Narrative, problems, suggestions and evidence cues; and whether the narrative says the 5W.

Headers at line start (ผล: / ดำเนินการ: / ปัญหา/อุปสรรค: / ข้อเสนอแนะ:) split a message first;
inline keywords are the fallback. ``ปัญหา`` after แก้(ไข) is part of a name or a narrative
("แก้ไขปัญหาข้อร้องเรียน"), not the start of the problems section (reference/thai-nlp.md §11).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADERS = {
    "result": r"ผล(?:การดำเนินงาน|การดำเนินการ|งาน)?|ความคืบหน้า|ความก้าวหน้า",
    "narrative": r"ดำเนินการ|การดำเนินการ|กิจกรรม|รายละเอียด|สิ่งที่ทำ",
    "problems": r"ปัญหา\s*/\s*อุปสรรค|ปัญหาและอุปสรรค|ปัญหา|อุปสรรค",
    "suggestions": r"ข้อเสนอแนะ|แนวทางแก้ไข|แนวทางแก้ปัญหา",
    "evidence": r"หลักฐาน|เอกสารแนบ|เอกสาร/หลักฐาน",
}
_HEADER_LINE = re.compile(
    r"^\s*[-•*]?\s*(?P<h>" + "|".join(f"(?P<{k}>{v})" for k, v in _HEADERS.items()) + r")\s*[:：]\s*(?P<rest>.*)$"
)
_INLINE_PROBLEM = re.compile(
    r"(?<!แก้)(?<!แก้ไข)(?<!แก้ไข )(?<!แก้ )(?:ปัญหา\s*/?\s*อุปสรรค|ติดปัญหา|ปัญหาคือ|ปัญหา|อุปสรรค)\s*(?:คือ|:)?\s*"
)
_NO_PROBLEM = re.compile(r"ไม่มีปัญหา|ปัญหา\s*/?\s*(?:อุปสรรค)?\s*[:：]?\s*(?:-|ไม่มี)\s*$|ไม่พบปัญหา|ไม่มีอุปสรรค")
_EVIDENCE_CUE = re.compile(r"แนบ(?:ไฟล์|รูป|เอกสาร|หลักฐาน)?|ตามรูป|ตามไฟล์|ตามเอกสาร|ดูรูป|รูปภาพ|ภาพถ่าย|หลักฐาน|ลิงก์|link")
# A BMA letter's number: "ที่ กท 0100/2796", a circular "กท 0101/ว 58", with its date "ลว. 9/11/66"
DOC_NUMBER = re.compile(r"(?:ที่\s*)?กท\.?\s*\d{3,4}(?:\.\d+)*\s*/\s*(?:ว\s*)?\d+(?:\s*ลว\.?\s*[\d/.]+)?")

_FIVE_W = {
    "what": re.compile(
        r"จัด|ประชุม|ลงพื้นที่|ติดตาม|ตรวจสอบ|แจ้ง|รายงาน|พัฒนา|อบรม|สำรวจ|ประสาน|วิเคราะห์|จัดทำ|ดำเนินการ|แก้ไข|เบิกจ่าย|"
        r"ส่ง|ออกแบบ|ทดสอบ|เผยแพร่|ประชาสัมพันธ์|สรุป|นำเสนอ|เก็บข้อมูล|บันทึก|อัปเดต|update|ปรับปรุง|รวบรวม"
    ),
    "with_whom": re.compile(
        r"ร่วมกับ|กับ(?!ดัก)|ผู้แทน|หน่วยงาน|สำนักงานเขต|สำนัก|เขต\S+|ชุมชน|คณะกรรมการ|คกก|ทีม|เจ้าหน้าที่|ประชาชน|"
        r"ส\.ก\.|สมาชิกสภา|ผู้บริหาร|ผู้ว่า|รองผู้ว่า|ปลัด|ผอ\.|ฝ่าย|กลุ่มงาน"
    ),
    "where": re.compile(
        r"(?<![ก-๙])ที่(?!\s*\d)(?!แล้ว)|ณ\s|ห้อง|ศาลาว่าการ|สำนักงานเขต|เขต\S+|ชุมชน\S*|พื้นที่|ออนไลน์|online|zoom|onsite"
    ),
    "when": re.compile(
        r"วันที่|เมื่อ|\d{1,2}\s*/\s*\d{1,2}|\d{1,2}\s+(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)|"
        r"สัปดาห์|เช้า|บ่าย|เมื่อวาน|วันนี้|ครั้งที่|ทุกเดือน|เดือนละ|ต้นเดือน|ปลายเดือน|กลางเดือน"
    ),
    "how": re.compile(
        r"โดย|ผ่าน|ด้วย|ทาง(?:ระบบ|ไลน์|line|อีเมล|หนังสือ)|ระบบ|ออนไลน์|หนังสือ|e-saraban|แบบสอบถาม|แอป|เว็บไซต์|dashboard"
    ),
}


@dataclass
class Sections:
    narrative: str = ""
    problems: str = ""
    suggestions: str = ""
    no_problem: bool = False
    evidence_cues: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    five_w: dict[str, bool] = field(default_factory=dict)

    def missing_five_w(self) -> list[str]:
        return [k for k, ok in self.five_w.items() if not ok]

    @property
    def has_substance(self) -> bool:
        """Does the message tell what was done, beyond naming the indicator? ("ตัวชี้วัดที่ 1 ค่ะ" does
        not): without a value, only such a message is saved without asking for one."""
        return len(re.sub(r"\s+", "", _CODE_WORDS.sub(" ", self.narrative))) >= 12


_CODE_WORDS = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|kpi|ข้อ)\s*\S+|ค่ะ|ครับ|คะ|นะ|จ้า|[^\wก-๙ ]", re.IGNORECASE)


def split_sections(text: str) -> Sections:
    """Split a normalised message into its parts; the narrative keeps the writer's words."""
    buckets: dict[str, list[str]] = {k: [] for k in _HEADERS}
    current = "narrative"
    saw_header = False
    for line in text.split("\n"):
        m = _HEADER_LINE.match(line)
        if m:
            saw_header = True
            current = next(k for k in _HEADERS if m.group(k))
            rest = m.group("rest").strip()
            if rest:
                buckets[current].append(rest)
            continue
        buckets[current].append(line.strip())
    narrative = "\n".join(buckets["narrative"] + buckets["result"]).strip()
    problems = "\n".join(buckets["problems"]).strip()
    if not saw_header or not problems:
        inline = _INLINE_PROBLEM.search(narrative)
        if inline and not _NO_PROBLEM.search(narrative[inline.start() :]):
            problems = narrative[inline.end() :].strip()
            narrative = narrative[: inline.start()].strip()
    out = Sections(
        narrative=narrative,
        problems=problems,
        suggestions="\n".join(buckets["suggestions"]).strip(),
        no_problem=bool(_NO_PROBLEM.search(text)),
        evidence_cues=sorted({m.group(0) for m in _EVIDENCE_CUE.finditer(text)} | set(buckets["evidence"])),
        documents=[re.sub(r"\s+", " ", m.group(0)).strip() for m in DOC_NUMBER.finditer(text)],
    )
    if out.no_problem:
        out.problems = ""
    body = out.narrative
    out.five_w = {k: bool(rx.search(body)) for k, rx in _FIVE_W.items()}
    return out


_LINK = re.compile(r"https?://\S+", re.IGNORECASE)


def references(text: str) -> list[tuple[str, str]]:
    """Letter numbers ("ที่ กท 0100/2796 ลว. 12 มี.ค. 67") and links in a message: (kind, reference)."""
    found = [("document-number", re.sub(r"\s+", " ", m.group(0)).strip()) for m in DOC_NUMBER.finditer(text)]
    return found + [("link", m.group(0).rstrip(".,)")) for m in _LINK.finditer(text)]
