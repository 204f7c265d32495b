"""Thai texts of ``tidtam plans load`` (versions) and ``tidtam plans rollover``: Thai first, then English,
as the other terminal messages."""

from __future__ import annotations

NOT_A_DAY = "ERROR --effective {text!r} ไม่ใช่วันที่ (is not a date: YYYY-MM-DD)"
VERSION_FROM = "  ฉบับที่ {version} มีผลตั้งแต่ {day} (version {version} from {iso})"
MOVED_HEAD = "  ตัวชี้วัดที่ย้ายกลุ่ม (moved): "
MOVED_ONE = "{code} ({old} → {new})"
REMOVED = "  ตัวชี้วัดที่นำออกจากแผน (removed): {codes}"
ADDED = "  ตัวชี้วัดที่เพิ่มในแผน (added): {codes}"
CHANGED = "  ตัวชี้วัดที่ปรับชื่อ ค่าเป้าหมาย เกณฑ์ หรือน้ำหนัก (changed): {codes}"
KEEPS_HISTORY = (
    "ERROR ตัวชี้วัดที่ {codes} ของแผน {key} มีรายงานผลหรือรายการที่ทำแล้ว จึงนำออกจากแผนไม่ได้: "
    "ให้คงไว้ในไฟล์ (ถ้าอุทธรณ์ยกเลิกตัวชี้วัด ให้คงไว้โดยไม่ใส่น้ำหนัก) ({english})"
)
EFFECTIVE_REFUSED = "ERROR ฉบับใหม่ของแผน {key} ต้องมีผลระหว่าง {earliest} ถึง {latest} ไม่ใช่ {effective} ({english})"

ROLLOVER_HELP = "Next year's plan file from this year's (ยกแผนไปปีงบประมาณถัดไป)."
TO_HELP = "ปีงบประมาณ พ.ศ. ของแผนใหม่ (the new fiscal year, Buddhist Era), e.g. 2570."
OUT_HELP = "ไฟล์ที่จะเขียน (default: plans/<new id>.yaml next to the source plan)."
SAME_YEAR = "ERROR แผน {key} เป็นปีงบประมาณ {year} อยู่แล้ว (the plan is already for FY{year})"
OUT_EXISTS = "ERROR มีไฟล์ {out} อยู่แล้ว: ใช้ --out หรือ --force (exists; give --out or --force)"
CANNOT_WRITE = "ERROR เขียนไฟล์ไม่ได้ (cannot write) {out}: {error}"
HEADER = (
    "# ยกมาจาก {source} ด้วยคำสั่ง tidtam plans rollover --to {year}: ต้องทบทวนค่าฐานและผลการดำเนินงานก่อนโหลด\n"
    "# (rolled over from {source}; review baselines and past results before loading)\n"
)
WROTE = "wrote {out}: {key} (FY{year}), {indicators} indicators; ต้องทบทวนค่าฐานของตัวชี้วัด {review}"
WROTE_NOTHING_TO_REVIEW = "wrote {out}: {key} (FY{year}), {indicators} indicators"
