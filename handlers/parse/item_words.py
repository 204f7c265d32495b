"""The words of Thai progress reports that tell an item's state, and the phrasings rewritten before matching.

Staff say "done" in many ways ("เสร็จ", "เรียบร้อย", "ส่งไปเมื่อวาน", "✅"), and say "not yet" or "under way" in as
many ("ยังไม่", "กำลัง", "รอ…ลงนาม", "ร่างไว้"). These patterns are what the matcher knows of that language, kept apart
from the matching method so that each can be read and changed on its own. Each pattern carries the report wording it
was written for; the labelled item corpus guards them all.
"""

from __future__ import annotations

import re
from datetime import date

from handlers.parse.sections import DOC_NUMBER

# Words that say an item is finished, that it is only under way, or that it is not done.
DONE = re.compile(
    r"เสร็จ|(?<!ที่)แล้ว|เรียบร(?:้อ|อ้)|ไปเมื่อ\s*(?:วันที่\s*)?\d|"
    # a day gone by: "ประชุมคณะทำงานแจ้งผลไปเมื่อวาน", "ส่งไปเมื่อต้นเดือน"
    # ("ที่รายงานไปเมื่อวาน", "ที่ถามเมื่อวาน" is what was said then, not work done)
    r"ไปตั้งแต่\s*(?:วันที่\s*)?\d|"  # "ประสาน สยป. ทำระบบไปตั้งแต่ 3 ธ.ค.": done then
    r"(?<!ที่รายงาน)(?<!ที่แจ้ง)(?<!ที่ส่ง)(?<!ที่บอก)(?<!ที่พิมพ์)(?<!ที่ตอบ)"
    r"ไปเมื่อ\s*(?:วาน|สัปดาห์|อาทิตย์|ต้น|กลาง|ปลาย|เช้า|บ่าย)|(?<!ไป)(?<!ถาม)(?<!แจ้ง)(?<!รายงาน)(?<!บอก)เมื่อวาน|"
    r"(?<=[ก-๙.])(?<!ประชุม)\s*เมื่อ\s*(?:วันที่\s*)?\d{1,2}\s*(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.|ครบ(?!กำหนด)|ผ่าน(?!\s*(?:เว็บ|ทาง|ระบบ|ช่องทาง|line|ไลน์|เพจ|facebook|อีเมล|e-?mail|google|โปรแกรม|แอป|สื่อ))|(?<!ผล)(?<!ความ)สำเร็จ|(?<!ขอ)อนุมัติ|(?<!รอ)(?<!เสนอ)(?<!ขอ)ลงนาม|เห็นชอบ|ดำเนินการได้|ทำได้|done|ok\b|✅|✔|✓|"
    r"ใช้งาน(?:ได้)?จริง|ใช้\S{0,10}ตั้งแต่|"  # "ใช้งานจริงตั้งแต่ 15 มิ.ย.": in use, so done
    r"ทั้ง\s*\d+\s*(?:รอบ|ครั้ง)|"  # "แจ้งผลการตรวจให้ทุกหน่วยงานทราบทั้ง 2 รอบ": every round of it
    r"(?<![\d.])100\s*%",  # "1. จัดทำ Action plan ........ 100%": a step at its full share
    re.IGNORECASE,
)
# "ตอนนี้อยู่ขั้นที่ 3 ตรวจไปได้ 3 ครั้งแล้ว": the step the work is at, not one done
AT_STEP = re.compile(r"(?:ตอนนี้|ขณะนี้)\s*(?:อยู่|ถึง)(?:ที่)?\s*ขั้น(?:ตอน)?(?:ที่)?\s*\d")
UNDER_WAY = re.compile(
    # "น่าจะครบแล้วนะคะ", "น่าจะได้ 55 คะแนนแล้ว": a reporter's modesty about work done, not work to come
    r"กำลัง|อยู่ระหว่าง|ระหว่าง(?:การ)?ดำเนิน|คาดว่า|น่าจะ(?!\s*(?:ครบ(?!\s*ทุก)|ได้\s*\d+\s*คะแนน\s*แล้ว))|จะ(?:ดำเนิน|เสร็จ|ส่ง|จัด|ทำ|เริ่ม|เสนอ|รายงาน|แจ้ง|ประชุม)|(?<!ที่)จะ(?:ตาม|เอา|นำ|ขอ|ลง|เวียน|นัด|ขึ้น|โพสต์|ออก|ประกาศ|ทดสอบ|พัฒนา)|"
    # put off ("เสนอ กก.กิจการสภาไม่ทัน … เลื่อนไปประชุมครั้งหน้า"): still to come
    r"ไม่ทัน|(?<!ที่)(?<!ที่ถูก)เลื่อน(?:ไป|ออกไป)|(?<!ไม่)ค่อย(?=[ก-๙])|"  # "…แล้วค่อยสรุป": later
    r"ร่าง(?:เสร็จ|แล้ว)|ร่าง[^\n]{0,60}?ไว้|เตรียม|วางแผน(?![^\n]{0,50}?(?:เรียบร้อย|เสร็จ))|in progress|ongoing|pending|"
    rf"{AT_STEP.pattern}|"
    # "ข้อ 2 นำเสนอ คกก. … ได้คิวแล้ว 27 ม.ค.": a slot booked, not yet put forward
    r"ได้คิว|จองคิว|ร่างสัญญา|สัญญาร่าง|"
    r"นัด(?:หมาย)?\s*(?=ลงนาม|เซ็น|ส่งมอบ|ตรวจรับ|นำเสนอ|เสนอ)|"  # "นัดลงนาม 3 เม.ย.": booked, to come
    # set for a day to come ("กำหนดจัดวันที่ 22 พ.ย."), next in line ("ต่อไปจะเวียนหนังสือ…")
    r"กำหนดจัด|มีกำหนด|นัด(?:หมาย)?ไว้|กำหนด\s*(?:วันที่\s*)?\d{1,2}\s*[ก-ฮ]\.|"  # "ครั้งที่ 2 นัดไว้ 9 ก.พ."
    r"(?<!ปีงบประมาณ)(?:ต่อไป|ถัดไป|ขั้นต่อไป)\s*(?:จะ|คือ|ก็)|รอ(?:ผล|การ|อนุมัติ|ลงนาม|เสนอ|ผู้บริหาร|ฝ่าย|ทาง|คิว|ท่าน|ผอ|ผู้|หัวหน้า|รอง|ปลัด)|"
    # begun ("เริ่มลงทะเบียน…"), unless going since a date ("เริ่มโหลดข้อมูลตั้งแต่ เม.ย. … ครบแล้ว")
    r"เริ่ม(?:แล้ว)?แต่|เริ่มงาน|เริ่ม(?!\s*(?:ใช้|เปิด|แล้ว)|[^\n]{0,40}ตั้งแต่)[ก-๙]|ใกล้(?:เสร็จ|จะ)|ยังค้าง|"
    r"(?:^|(?<=\s))รอ(?![บงยด])|รออีก|ยังรอ|"  # "รอผู้รับจ้างมาลงนาม": waiting
    r"\.{3,}\s*[1-9]\d?(?:\.\d+)?\s*%|"  # "4. สรุปแบบสอบถาม ...... 60%": a step part of the way
    # "ต้องรวบรวมผลตรวจเดือน พ.ค. ให้ครบก่อน": what must come first, still to do
    r"(?<!ความ)ต้อง[^\n]{0,40}?(?:ให้ครบ|ให้เสร็จ)?(?<!ปี)(?<!ครั้ง)(?<!รอบ)(?<!เดือน)ก่อน(?![ก-๙])|"
    # "ดำเนินการตามแผน…ไปได้ 60% แล้ว", "คืบหน้า 40%": some way along
    r"(?:ไปได้|คืบหน้า(?:ไป)?(?:ได้)?)\s*(?:ประมาณ|ราว|กว่า|เกือบ)?\s*[1-9]\d?(?:\.\d+)?\s*(?:%|เปอร์เซ็นต์)|"
    # not started yet, what is left, a recurring step some months in: none of them is done
    # begun, some way along ("เริ่มแล้วตั้งแต่ เม.ย.", "ไปแล้วประมาณ 60%"), still at it ("ช่างยังทำอยู่")
    r"เริ่มแล้ว(?!\s*(?:ใช้|เปิด))|(?:ดำเนินการ|ทำ)\S{0,30}อยู่(?!\s*(?:ที่|ใน|แล้ว|ระดับ))|แล้ว\s*(?:ประมาณ|ราว|กว่า|เกือบ)?\s*[1-9]\d?(?:\.\d+)?\s*(?:%|เปอร์เซ็นต์)|ยัง\S{0,8}อยู่(?!\s*ระดับ)|"
    r"ยังไม่ได้|(?<!คัด)(?<!คัดเลือก)(?<!ให้)(?<!จน)(?:ยัง|คง)?เหลือ|ยังขาด|ขาดอีก|(?:ไป|มา)แล้ว\s*\d+\s*(?:เดือน|สัปดาห์|รอบ)|เริ่ม(?:ดำเนินการ|ทำ|เก็บ|นำเข้า|ทยอย)|ทยอย|⏳|มาแล้ว\s*\d+\s*(?:เดือน|สัปดาห์|วัน|รอบ)"
)
NOT_DONE = re.compile(
    r"ยังไม่(?!ค่อย|มี\s*(?:กำหนด|วัน|นัด))|ไม่ผ่าน|ไม่(?:แล้ว)?เสร็จ|ไม่ครบ|ยกเลิก(?!การ(?:ประกวด|ประมูล|จัดซื้อ|จ้าง))|ขอถอน|ถอน(?:ออก)?|(?:แจ้ง|กด|ส่ง|รายงาน)\S{0,4}ผิด|ไม่ใช่(?!\s*[\d๐-๙])|[❌✗✖✘✕]"
)
# Said plainly not done (a cross, "ยังไม่ครบ", "ยังไม่ผ่าน"), as against not started or under way.
MARKED_NOT_DONE = re.compile(
    r"[❌✗✖✘✕]|ยังไม่(?:ครบ|ผ่าน|เสร็จ|มี(?!ความ|\s*(?:กำหนด|วัน|นัด)))|ยังไม่ได้\S|"
    # "ส่งมอบงานงวดที่ 1 ยังไม่ได้ครับ", "ผู้รับจ้างยังส่งมอบไม่ได้": the item itself not done
    r"ยังไม่ได้(?=\s*(?:ค่ะ|คะ|ครับ|นะ|เลย|$))|ยัง[ก-๙]{1,12}ไม่ได้(?![ก-๙])"
)
LEVEL_STATED = re.compile(r"(?:อยู่|ได้|ถึง)(?:ที่)?\s*ระดับ(?:ที่)?\s*(\d)(?![\d.])")
ASKING_ITEM = re.compile(r"ประสาน")  # an item that is asking another office for something
ASKING_SAID = re.compile(
    r"ประสาน|ติดต่อ|ขอ(?:ให้|ความร่วมมือ)|หนังสือ|ส่งเรื่อง|คุย|แจ้ง\S{0,30}ให้|ให้\S{0,30}(?:ช่วย|จัดทำ|พัฒนา|ทำ)|"
    r"(?<!ส่ง)มอบ(?:หมาย|ให้)|ส่ง(?!มอบ)[^\n]{0,30}?ให้|coordinate",
    re.IGNORECASE,
)
SENT_BACK = re.compile(
    r"ตีกลับ|ส่ง(?:กลับ|คืน)\S{0,6}ให้\S{0,4}แก้|ให้กลับไปแก้|"
    r"ยัง\S{0,6}แก้\S{0,30}อยู่|กำลัง(?:ปรับ)?แก้"  # "ยังแก้ตามคอมเมนต์อยู่": still being reworked
)
PURPOSE = re.compile(r"(?<=\S)\s+สำหรับ(?:การ|ใช้)?\S[^\n]*")
# "เดิมกำหนด ก.ค.", "กำหนดไว้ 25 ม.ค.": when something is set for, no item's "กำหนดการ…"
SCHEDULE_SAID = re.compile(
    r"(?:เดิม|ตาม)?กำหนด(?:การ)?(?:เดิม|ไว้|ใหม่)?(?:เป็น)?\s*(?=(?:วันที่\s*)?\d|[ก-ฮ]{1,2}\.[ก-ฮ]\.|เดือน|ต้น|กลาง|ปลาย|ภายใน)"
)
# "เลื่อนเป็นต้น ส.ค. เพราะเกณฑ์ประเมินยังไม่นิ่ง": why, not another item (unless it names one by number)
BECAUSE = re.compile(r"(?<=\S)\s*(?:เพราะ|เนื่องจาก)(?![^\n]*(?:ขั้น|ข้อ)(?:ตอน)?(?:ที่)?\s*\d)\S[^\n]*")
# "ส่วนพัฒนาระบบจะคุยกับ…อาทิตย์หน้า", "ตอนนี้ประสาน…ให้พัฒนาระบบอยู่": to come, or going on now
TO_BE = re.compile(r"(?<!ที่)จะ|(?:อาทิตย์|สัปดาห์|เดือน|ปี)หน้า|ตอนนี้|อยู่\s*$")
RECIPIENTS = re.compile(r"(?:ให้|แก่)?\s*(?:ทุก|ทั้ง)\s*หน่วยงาน(?:ที่เกี่ยวข้อง|ในสังกัด)?\s*(?:ทราบ)?")
# The actions a condition may be made of, each said in these words
ACTIONS = ("สำรวจ", "วิเคราะห์", "ออกแบบ", "พัฒนา")
# Still at it ("ยังเก็บข้อมูลอยู่", "ระดมความคิดไปแล้ว 2 ครั้ง"): work going on, though a part is not done yet
# ("ยังรอผลพิจารณาการประกวดราคาอยู่"), which a cross beside it overrules
# "ไม่ใช่ 'รอลงนาม'", "ไม่ใช่ยังไม่ทำ": a "not done" denied
NOT_UNDONE = re.compile(
    r"ไม่ใช่\s*['\"‘’“”]?\s*(?:ยัง\s*ไม่(?:ได้)?\s*(?:ทำ|เสร็จ|ส่ง|ออก|ดำเนินการ|เริ่ม)?|รอ[ก-๙]{0,12})\s*['\"‘’“”]?"
)
# "(รอบก่อนผมแจ้งว่ายังไม่ออก)": what was told before, in brackets
SALUTATION = re.compile(r"(?m)^[^\S\n]*เรียน[^\S\n]*\S+")  # "เรียน หัวหน้ากลุ่มงาน…" opening a letter
# "(ยืนยันตามที่แจ้งในกลุ่มเมื่อวาน)": what was told before, confirmed, in brackets
EARLIER_SAID_ASIDE = re.compile(
    r"\([^()\n]{0,24}(?:แจ้ง|บอก|รายงาน|ลง)(?:ไป|ไว้)?ว่า[^()\n]{0,40}\)|\((?:ยืนยัน|ตาม)[^()\n]{0,12}ที่(?:แจ้ง|บอก|รายงาน)[^()\n]{0,30}\)"
)
STILL_GOING = re.compile(r"ยัง\S{0,30}อยู่|(?:ไป|มา)แล้ว\s*\d+\s*(?:ครั้ง|เดือน|รอบ|สัปดาห์)")
CROSS = re.compile(r"[❌✗✖✘✕]")
GOING_ON_NOW = re.compile(r"ตอนนี้\S{0,12}\s*(?:ทุกเดือน|เดือนละ|เป็นประจำ)")  # "ตอนนี้ติดตามทุกเดือน": still going
ALL_SUBSTEPS = re.compile(r"(?:ครบ)?ทุก(?:ข้อ|ขั้น)(?:ตอน)?ย่อย|ย่อยครบ|ขั้น(?:ตอน)?(?:ที่)?\s*\d+\s*ทั้งหมด")
MONTHLY_REPORT = re.compile(r"รายงาน\S{0,20}(?:ประจำเดือน|รายเดือน)")  # "รายงานผลการลงพื้นที่ประจำเดือน"
WHOLE_REPORT = re.compile(r"ภาพรวม|รายเขต")  # the reports KPI 4's conditions ask for, told beside a monthly one
RECURRING = re.compile(r"ทุกเดือน|เดือนละ|เป็นประจำ|ทุกไตรมาส|ครั้ง\s*/\s*ปี|ทุก\s*\d+\s*เดือน")
TIMES = re.compile(r"(?<![\d.])([2-9]|1[0-2])\s*ครั้ง")  # an item done in N rounds ("ครบ 2 ครั้ง")
NTH = re.compile(r"ครั้งที่\s*(\d+)")
# "ครบ" of the whole series, not "ครบ 72 ศูนย์" (every unit, in one round)
# nor "นำเข้าครบตามหัวข้อ" (every heading, in one round)
ALL_OF_IT = re.compile(
    r"ครบ(?!\s*(?:ทั้ง)?\s*\d+\s*(?:ศูนย์|เขต|หน่วยงาน|หน่วย|แห่ง|คน|ราย|ชุด|เรื่อง|โครงการ|คณะ|สำนัก|ข้อ)|ตาม(?:หัวข้อ|เกณฑ์))"
)
NTH_ROUND = re.compile(r"(ครั้ง|รอบ)ที่\s*(\d+)")
PLANNED_NEXT = re.compile(r"\s*(?:จะ|กำหนด|นัด|รอ|ยังไม่)")  # "ครั้งที่ 2 กำหนด 25 มี.ค.": a round to come
COUNT_OF_TIMES = re.compile(r"(?<![\d./])(\d+)\s*ครั้ง(?!ที่)")
# "… ทุกเรื่อง หรือเฉพาะเรื่องที่…แล้วคะ"; not "…ครบทุกขั้นหรือยังคะ", asked of the work told
EITHER_ASKED = re.compile(r"หรือ(?!ยัง).{0,80}คะ\s*$")
# "สอบถามค่ะ …", "พี่คะ ขอถามหน่อยค่ะ …": the whole message asks, whatever it names
ASKING = re.compile(r"\s*(?:\S{1,12}\s+)?(?:(?:ขอ)?สอบถาม|(?:ขอ)?ถามหน่อย)")
MONTHS_SHARE = re.compile(r"(?:ของ|รอบ|ประจำ)เดือน")  # "ของเดือน ม.ค.": a month's share ("เดือนนี้" is only when)
# "ครบทุกขั้นแล้ว", "รวมครบ 4 ขั้นตอน": the count, when said, must be the table's
ALL_STEPS = re.compile(
    r"ครบ(?:ทุก)?ขั้น(?:ตอน)?(?!ที่)|ทุกขั้น(?:ตอน)?(?:เสร็จ|ครบ|แล้ว)|(?:ทั้ง|ครบ(?:ทั้ง)?)\s*(?P<n>\d+)\s*ขั้น(?:ตอน)?(?!ที่)"
)
MONTH_SHORT = r"(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค)"  # a month, short
# "เวียนแจ้งกำหนดการตรวจไปแล้วตั้งแต่ ต.ค.": since when it was done is no item's words (step 3's "ตั้งแต่
# เดือนธันวาคม" shares the word and the month's ending)
DONE_SINCE = re.compile(
    rf"(?:(?<=แล้ว)|(?<=ไป)|(?<=เสร็จ))\s*ตั้งแต่\s*(?:เดือน)?\s*(?<![ก-๙]){MONTH_SHORT}\.?(?![ก-๙])(?:\s*(?:25)?\d{{2}}(?!\d))?"
)
ONE_ROUND = re.compile(
    r"รอบที่\s*\d|ครั้งที่\s*\d|ครั้งแรก|รอบแรก|รอบนี้|ครั้งนี้|รอบ\s*\d+\s*เดือนแรก|ประจำเดือน|รอบ(?:เดือน)?\s+(?:[ก-ฮ]\.|\S*\s*\d)|ไตรมาส(?:ที่)?\s*\d|"
    rf"(?:เดือน|\d{{1,2}}|รอบ)\s*{MONTH_SHORT}(?![ก-๙])"  # "แจ้งผลรอบ มค ไปแล้ว", typed without its dots
)
# "รอบ 3 เดือน (พ.ย.–ม.ค.)" of a step done every three months is its cadence; "รอบ 3 เดือนแรก" is its first round.
# "ทำไปแล้ว ม.ค.–มี.ค.": some months of a monthly step, unless the range is the whole year (ต.ค.–ก.ย.)
MONTHS_SO_FAR = re.compile(
    rf"(?<![ก-๙])({MONTH_SHORT})\.?\s*(?:\d{{2,4}}\s*)?(?:-|–|ถึง)\s*({MONTH_SHORT})\.?(?:\s*\d{{2,4}}(?!\s*(?:ชุด|ครั้ง|ศูนย์|เขต|หน่วย|%)))?"
)
# "ขั้น ๓ ติดตามรายเดือน ✓\nต.ค.–ธ.ค.": the months, on their own after the item they tell of
MONTH_SPAN_ONLY = re.compile(rf"[\s(]*(?:{MONTHS_SO_FAR.pattern})[\s).]*")
# "ติดตามรายเดือนทำไป 4 เดือนแล้ว": how many rounds of a recurring step are done so far
ROUNDS_SO_FAR = re.compile(r"(?:ไป|มา|ได้)\s*(?:แล้ว)?\s*(\d{1,2})\s*(?:เดือน|รอบ)(?!ที่|ละ|แรก)")
# "ทำไปแล้ว ม.ค.–มี.ค. …": the months belong with what was done, before the clause ends at "แล้ว"
DONE_THEN_MONTHS = re.compile(rf"(แล้ว)\s+({MONTHS_SO_FAR.pattern})")
# "รอบ ม.ค.", "ทั้งรอบ ม.ค. และ พ.ค.": the rounds of a recurring step named by their months
ROUND_MONTHS = re.compile(
    rf"รอบ(?:เดือน)?\s*{MONTH_SHORT}\.?(?:\s*(?:และ|กับ|/|,)\s*(?:รอบ(?:เดือน)?\s*)?{MONTH_SHORT}\.?)*"
)
CADENCE = re.compile(r"รอบ\s*\d+\s*เดือน(?!\s*แรก)(?:\s*\([^)]*\))?")
NAMES_A_NUMBER = re.compile(r"\d+\.\d+|(?:ขั้น(?:ตอน)?|ข้อ|step)\s*(?:ที่)?\s*\d", re.IGNORECASE)
WHOLES = r"(?:โครงการ|เรื่อง|หน่วยงาน|หน่วย|เขต|ชุด|ศูนย์|แห่ง|คน|ราย|ข้อ|ฉบับ|คณะ|จุด|กลุ่มงาน|สำนัก|ท่าน|ครั้ง|รอบ)"
MEASURED_COUNT = re.compile(r"\d\s*(?:ข้อ|เรื่อง)")  # directives, complaints: what KPIs 4–6 measure
# "ข้อสั่งการค้างเหลือ ๑๘ ข้อ", "เหลือ 4 ข้อสั่งการ": directives still open are the indicator's measure, not its step unfinished
MEASURED_LEFT = re.compile(r"(?:ข้อสั่งการ|เรื่องร้องเรียน)\S{0,12}\s*\d+\s*(?:ข้อ|เรื่อง)|\d+\s*(?:ข้อสั่งการ|เรื่องร้องเรียน)")
# "ทดสอบไปแล้ว 8 คณะ จาก 12 คณะ", "นำเข้าไปแล้ว 6 จาก 10 ชุด", "ได้ 9/12 โครงการ", "ตรวจไปแล้ว 5 จาก 6 ครั้ง":
# part of the whole the item is about
PART_OF_WHOLE = re.compile(
    rf"(?<![\d.])(\d+)\s*{WHOLES}?\s*(?:/|จาก|ใน)\s*(?:ทั้งหมด\s*)?(\d+)\s*{WHOLES}|"
    rf"(?<![\d.])(\d+)\s*{WHOLES}\s*(?:จาก|ใน)\s*(?:ทั้งหมด\s*)?(\d+)(?![\d.])"  # "ตรวจไปได้ ๔ ครั้งจาก ๖"
)
MEMO_SUBJECT = re.compile(r"(?m)^[^\S\n]*เรื่อง[^\S\n]+[^\n]+$")  # a letter's subject line, as pasted
AWAITING = re.compile(
    r"\s*(?:และ|แต่)?\s*(?:กำลัง)?รอ(?:ผล|การ)?\s*(?:การ)?(?:(?:คณะ)?กรรมการ\S{0,20}\s*(?:กทม\.?)?\s*)?"
    r"(?:พิจารณา|อนุมัติ|ตรวจ|ลงนาม|กลั่นกรอง|เห็นชอบ)|"
    r"\s*(?:และ|แต่)?\s*(?:กำลัง|ยัง)?รอ(?:ผล|ตอบ|คำตอบ)(?:อยู่)?\s*$"  # "ส่งไปสำนักงบฯ แล้ว / รอผลอยู่"
)
PART_COUNT_OPENS = re.compile(
    rf"\s*(?:ได้\s*)?\d+\s*(?:{WHOLES}\s*)?(?:/|จาก|ใน)\s*\d+"
)  # a clause that is only how far
# "จาก 2 วัน เหลือ 10 นาที", "เวลาเฉลี่ยเหลือ 48 นาที": a figure brought down to, not what is left to do
REDUCED_TO = re.compile(
    r"(จาก\s*[\d.,]+\s*[ก-๙a-z]{0,8}\s*|(?:เฉลี่ย|เวลา|ลด(?:ลง)?)\s*)เหลือ(?=\s*(?:แค่|เพียง)?\s*(?:\d|ครึ่ง))"
)
PART_HEADING = re.compile(r"(?m)^[^\S\n]*ส่วนที่\s*(\d+)[^\S\n]*:?[^\S\n]*\n((?:[^\S\n]*\d+\.\d+[^\n]*(?:\n|$))+)")
# A row of a table pasted with pipes: opening with a bar, or with two bars between its cells
PART_ITEM_LINE = re.compile(r"^\s*(?:[-•*]\s*)?ส่วนที่\s*(\d+)\s*ข้อ\s*\d+\.\d+")
ITEM_LINE = re.compile(r"^\s*(?:[-•*]\s*)?ข้อ\s*\d+\.\d+")
PIPE_ROW = re.compile(
    r"(?m)^[^\S\n]*(?:\|[^\n]*|[^\n|]*\|[^\n|]*\|[^\n]*|"
    r"[^\n|]*\|[^\S\n]*[✅✔✓❌✗✖✘✕⏳][^\n|]*)$"  # "ขั้น 9 ใช้งานระบบ | ✅": the item, then its mark
)
# "ระดับ | ผล\n1 | ✓\n2 | ✓", "ข้อ\tกิจกรรม\tผล\n๑\tแต่งตั้ง…\t✔": a table whose first column numbers what its
# heading names; each row's bare number is that level, step or item
TABLE_HEAD = re.compile(r"(?m)^[^\S\n]*(ระดับ|ขั้น(?:ตอน)?(?:ที่)?|ข้อ(?:ที่)?)[^\S\n]*[|\t]")
# "๑.✓ ๒.✓ ๓.✓ ๔.✓ ๕.✓ ๖.✗": bare numbers, each with its mark, in a row
MARKED_NUMBERS = re.compile(r"(?<![\d.])(\d{1,2})\s*[.)]\s*(?=[✅✔✓❌✗✖✘✕⏳])")
TABLE_ROW_NUMBER = re.compile(r"(?m)^[^\S\n]*(?=\d{1,2}(?:\.\d)?[^\S\n]*(?:[|\t]|\.?[^\S\n]))")
OTHERS_TO_DO = re.compile(r"ให้\S{0,40}?เตรียม")
# What is right now: "ขอแก้เป็นระดับ 3", "ตอนนี้ถือว่าอยู่ระดับ 3", "ที่ถูกต้องคือ…", "ที่เสร็จจริงคือ…"
RIGHT_NOW = (
    r"(?:ขอ)?แก้(?:ไข)?(?:ให้)?เป็น(?!\s*ยังไม่)|ตอนนี้\s*(?:ถือว่า)?\s*(?:ยัง)?(?:อยู่|ได้|จบ)?(?:ที่)?\s*(?=ระดับ)|"
    r"ที่ถูก(?:ต้อง)?(?:คือ|เป็น)|ที่(?:ทำ|เสร็จ|ดำเนินการ)(?:เสร็จ)?(?:จริง)?(?:แล้ว)?(?:จริง)?คือ|"
    # "… ที่แจ้งขั้นที่ 4 เสร็จ จริงๆ คือขั้นที่ 3", "พิมพ์ว่าขั้นที่ 2 จริงๆ หมายถึงขั้นที่ 1": the one meant
    r"(?:จริง\s*ๆ?\s*)?(?:คือ|หมายถึง)(?=\s*(?:ขั้น|ข้อ|ระดับ|ส่วน))"
)
CORRECTED_TO = re.compile(rf"\s*(?:{RIGHT_NOW})")
DATED_LINE = re.compile(
    r"(?m)^[^\S\n]*(?:[-•*▪·][^\S\n]*)?\d{1,2}[^\S\n]*"
    rf"{MONTH_SHORT}\.?[^\S\n][^\n]*$"
)
SINCE_DATE = r"ตั้งแต่\s*(?:วันที่\s*)?(?:\d|เดือน|[ก-๙]{1,3}\.)"
# "go-live ระบบจริงตั้งแต่ 1 มี.ค." (go-live read as "ใช้งานระบบ"), "ใช้งานจริงตั้งแต่ 15 มิ.ย.": in use since
IN_USE_SINCE = re.compile(rf"ใช้\S{{0,40}}{SINCE_DATE}|ใช้(?:งาน)?ระบบ\s+\S{{0,10}}จริง\s*{SINCE_DATE}")
# The system said to be in real use ("เปิดใช้งานจริงแล้ว", "ใช้ระบบจริงกับการประชุม…", "go-live"), not the
# letter announcing it ("หนังสือแจ้ง…เปิดใช้ระบบ"), which is a step of its own.
REAL_USE = re.compile(
    r"(?<!แจ้ง)(?<!แจ้งการ)(?:เปิด|เริ่ม)?ใช้(?:งาน)?(?:ระบบ)?\S{0,4}จริง|go[- ]?live|"
    r"(?<!แจ้ง)(?<!แจ้งการ)เปิดใช้(?:งาน)?(?:ระบบ)?(?:แล้ว|ได้แล้ว)|"
    r"ไปใช้ภายในปีงบประมาณ ใช้งานระบบ|"  # how the synonyms above write "เริ่มใช้งานจริง"
    # "ส.ก. ขอข้อมูลญัตติได้เองผ่านระบบแล้ว": the users' own work done through it
    r"(?<!ทดสอบ)(?<!ทดลอง)ผ่านระบบ(?:ใหม่)?\S{0,12}?\s*(?:แล้ว|ได้แล้ว|กันแล้ว|จริง)",
    re.IGNORECASE,
)
IN_USE_ITEM = re.compile(r"ใช้งานระบบ\S{0,2}$")  # an item that is the system in use and nothing more
USE_ITEM = re.compile(r"มีการนำ\S*ไปใช้")  # an item that is a thing put to use
LISTED_ACTION = re.compile(r"(?:^|\s)\d+\.\s+\S")  # "… 2. หน่วยงานทำการสำรวจ…" inside an item's text
# "ระดับ 4 ❌", "ระดับ 3 ยังไม่ผ่าน", "❌ ระดับ 5": the level itself said not reached
LEVEL_NOT_REACHED = re.compile(r"\s*(?:[❌✗✖✘✕]|ยังไม่|ไม่ผ่าน)")
OPENS_WITH_IT = re.compile(r"\s*(?:ส่วน|แต่|และ)?\s*")  # "ส่วนระดับ 5 …": nothing before the level but a link
MARK_BEFORE = re.compile(r"[❌✗✖✘✕]\s*$")
PROBLEMS_SAID = re.compile(r"ปัญหา\s*(?:,|/|\+|และ)?\s*อุปสรรค|ข้อเสนอแนะ")
# "จะเริ่มใช้จริงสัปดาห์หน้า", "เดือนหน้าเริ่มใช้งานจริงทุกคณะ": use to come
TO_COME = re.compile(r"(?:จะ|(?:อาทิตย์|สัปดาห์|เดือน|ปี)หน้า\s*(?:ก็|ถึง|ค่อย|จะ)?)\s*(?:เริ่ม|เปิด|นำ\S{0,10})?$")
# "หนังสือแจ้ง…", "ทำหนังสือแจ้งท่าน ส.ก. ว่า…", "แจ้ง ส.ก. เรื่อง…": the letter announcing what follows
ANNOUNCED = re.compile(r"(?:หนังสือ|แจ้ง|เวียน)(?:\S{0,30}|[^\n]{0,30}(?:ว่า|เรื่อง(?:การ)?))\s*$")
QUARTERLY = re.compile(r"ทุก\s*(?:3\s*เดือน|ไตรมาส)")
# A quarter as a step done every quarter counts its rounds: "ไตรมาส 1", "รอบ ม.ค.–มี.ค. 67"
QUARTER_SAID = re.compile(
    r"ไตรมาส(?:ที่)?\s*\d|(?:รอบ\s*)?(?:เดือน\s*)?[ก-๙]{1,3}\.?[ก-ฮ]\.?\s*[-–]\s*[ก-๙]{1,3}\.?[ก-ฮ]\.?(?:\s*\d{2,4})?"
)
SUB_REF = re.compile(r"ขั้น(?:ตอน)?(?:ที่)?\s*\d+\.\d")
LINE_SUB = re.compile(r"(?m)(?<=^)(?:[-•*]\s*)?(\d+\.\d+)(?=\s)")
LISTED_SUB = re.compile(
    r"(?m)^(\s*(?:[-•*]\s*)?)(\d+\.\d+)(?=\s)|((?:กับ|และ|,|ค่ะ|ครับ|นะคะ|นะครับ|ส่วน)\s*)(\d+\.\d+)(?=\s)"
)
# What the team told the head, passed on ("น้องแจ้งว่า…", "ที่ทีมติ๊กมาว่า…", "น้องบอกทำแล้ว")
TEAM_SAID = re.compile(r"(?:น้อง|ทีม|ลูกน้อง|เจ้าหน้าที่)\S{0,8}?(?:บอก|แจ้ง|ติ๊ก|รายงาน|ใส่|กรอก)(?:มา|ไว้|ไป)?")
RETRACT = re.compile(
    r"ขอแก้|ขออนุญาตแก้|แจ้งแก้|^\s*แก้(?:ไข|ข้อมูล)|แก้ไข(?:ข้อมูล|ที่แจ้ง|ค่ะ|ครับ)|ยกเลิก|ขอถอน|พิมพ์ผิด|ใส่ผิด|ที่(?:แจ้ง|ติ๊ก|ส่ง|ใส่)ไป|ที่(?:ใส่|บอก)(?:ไป)?ว่า|ขออภัย|ขอโทษ|"
    r"(?:แจ้ง|กด|ส่ง|รายงาน)\S{0,4}ผิด|"
    # a head not counting what the team told ("ที่น้องติ๊กมาว่าข้อ 4 เสร็จแล้ว ยังไม่นับนะคะ"): taken back, as by
    # the reporter
    r"ยังไม่นับ|ไม่นับ(?:นะ|ให้|ค่ะ|ครับ)"
)
# "…น้องบอกว่าประชุมคณะทำงานแล้ว / พี่เช็คแล้วยังไม่ได้จัด": the head, having checked, says the team's claim is
# not so
OVERRULED = re.compile(
    r"\s*(?:แต่)?\s*(?:(?:ผม|พี่|หนู|ดิฉัน|เรา)?\s*(?:เช็ค|ตรวจ|ดู)(?:แล้ว|ดู(?:แล้ว)?)?\s*)?(?:ผม|พี่|หนู)?\s*"
    r"(?:ยังไม่|ไม่ใช่|ไม่ถูก|ไม่นับ)"
)
NOT_STARTED = re.compile(r"ยังไม่ได้")
# "… รอบ พ.ค. แจ้งแล้ว ครบทั้ง 2 รอบ", and a count alone closing a line ("ตรวจรายเดือน ธ.ค.-พ.ค. ✅ ครบ 6");
# the count, when said, is the rounds
ALL_ROUNDS = re.compile(r"ครบ(?:ทั้ง|ทุก)?\s*(\d*)\s*(?:รอบ|ครั้ง|เดือน)|ครบ\s*(\d+)\s*(?=$|\n|[)✅✔])")
# The counts of rounds said, "ทั้ง ๒ รอบ" as well
ROUNDS_COUNTED = re.compile(rf"{ALL_ROUNDS.pattern}|ทั้ง\s*(\d+)\s*(?:รอบ|ครั้ง)")
EVERY_ROUND = re.compile(rf"{ALL_ROUNDS.pattern}|ทุกเดือน|ครบ(?:ถึง|ทั้งปี|ปี)|จบปี|ทั้งปี")
MONTHS_WORK = re.compile(r"งาน(?:ของ|ประจำ|ใน|ช่วง)?\s*เดือน")
# The work so far as a share of the step table ("สะสม 80%", "ทำได้ 20% ตามแผนแล้ว", "ความก้าวหน้าตามตาราง
# ขั้นตอนครบ 100%"); what the plan expected ("ตามแผนควรถึง 90%") is not what was done.
CUMULATIVE_SAID = re.compile(
    r"(?<!ควร)(?:สะสม(?:เป็น|ได้|อยู่ที่|แล้ว)?|ทำได้|ได้|ถึง|ครบ|อยู่ที่)\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|เปอร์เซ็นต์)"
)
CUMULATIVE_CUE = re.compile(r"สะสม|ตามแผน|ตามตาราง|ความก้าวหน้า")
ANY_DAY = date(2000, 1, 1)  # only the months said are wanted, not their years
# work going on; "ยังไม่ได้เริ่ม" is not begun at all
IN_PROGRESS = re.compile(r"กำลัง|อยู่ระหว่าง|in progress|ongoing|⏳|ทยอย|(?<!ไม่ได้)(?<!ไม่)เริ่ม", re.IGNORECASE)
STRONG_UNDER_WAY = re.compile(
    r"ร่าง(?:เสร็จ|แล้ว)|ร่าง[^\n]{0,60}?ไว้|ได้คิว|จองคิว|ร่างสัญญา|สัญญาร่าง|"
    r"นัด(?:หมาย)?\s*(?=ลงนาม|เซ็น|ส่งมอบ|ตรวจรับ|นำเสนอ|เสนอ)|"
    r"กำลัง|อยู่ระหว่าง|ระหว่าง(?:การ)?ดำเนิน|คาดว่า|น่าจะ|⏳|ยังไม่|จะ(?:เสร็จ|ส่ง|ทำ)|รอ|"
    r"(?:ไป|มา)แล้ว\s*\d+\s*(?:เดือน|สัปดาห์|รอบ)|เริ่ม|ทยอย|pending|กำหนดจัด|มีกำหนด|(?:ต่อไป|ถัดไป)\s*จะ|" + AT_STEP.pattern
)
# Another item by its number ("แต่ 3.2 …", "ขั้นที่ 4 …"), not "ข้อ" inside "ข้อมูล"
ANOTHER_NUMBERED = re.compile(r"\d+\.\d+|(?:ขั้น(?:ตอน)?|ข้อ|step)\s*(?:ที่)?\s*\d", re.IGNORECASE)
FORM = re.compile(r"(?:แบบ)?ฟอร์ม(?:ที่)?\s*(\d+)")
CITED_LETTER = re.compile(
    r"\(\s*(?:ตาม)?(?:หนังสือ(?:เวียน)?|บันทึก(?:ข้อความ)?)[^()]{0,60}\)|"  # "(หนังสือเวียน ว 233 ลว. …)": evidence
    rf"(?:ตาม)?(?:หนังสือ|บันทึก(?:ข้อความ)?)?\s*(?:เลขที่\s*)?{DOC_NUMBER.pattern}"
    r"(?:\s*[ก-๙]{0,4}\.?\s*[ก-ฮ]\.?[ก-ฮ]{0,2}\.\s*\d{2,4})?|"  # "… ลว. 5 ก.ย. 65": its date too
    r"(?:ตาม)?(?:สัญญา|คำสั่ง)\S{0,8}\s*(?:เลขที่|ที่)\s*[\d๐-๙]+\s*/\s*[\d๐-๙]+"  # "สัญญาเลขที่ 12/2562": its number
)
FIRST_TIME = re.compile(r"ครั้งแรก|รอบแรก")
# "1. …", "2) …" or "3 …" opening a line: the last only in a list numbered from 1 (checked where it is used)
NUMBERED_LINE = re.compile(r"(?m)^(?P<lead>[^\S\n]*)(?P<n>\d{1,2})[.)]?[^\S\n]+(?P<rest>[^\d\n][^\n]*)$")
# "ส่งมอบงวด 1 แล้ว ขณะนี้คณะกรรมการอยู่ระหว่างตรวจรับ", "…ยังไม่ได้ประชุมตรวจรับ", "นัดตรวจรับ ต.ค.": the
# inspection still to come is the next stage, not the delivery held back ("ยังไม่ผ่านการตรวจรับ", "ไม่รับ" and
# "ให้แก้" say the delivery failed, and a message taking it back keeps those words)
INSPECTION_TO_COME = re.compile(
    r"(?:อยู่ระหว่าง|ยังไม่ได้|(?<!ไม่)รอ|จะ|นัด|คาดว่า)(?:(?!ผ่าน|ไม่รับ|ให้แก้)[^\n]){0,25}?ตรวจรับ"
    r"|ตรวจรับ(?=(?:(?!ผ่าน|ไม่รับ|ให้แก้)[^\n]){0,25}?(?:อยู่ระหว่าง|ยังไม่ได้|นัดตรวจ))"
)

# A numbered installment or round ("งวดที่ ๑", "ครั้งที่ 2"); said, it may name several ("งวด 2 และ 3").
INSTALLMENT = re.compile(r"(งวด|ครั้ง|รอบ)(?:ที่)?\s*(\d+)")
INSTALLMENT_SAID = re.compile(rf"{INSTALLMENT.pattern}(?:\s*(?:,|และ|กับ|-|–)\s*\d+)*")
# "… ทดลองใช้ภายในฝ่ายอยู่ จะเปิดใช้จริงเดือน ส.ค.": the real thing is still to come, so what was just told is a trial
REAL_TO_COME = re.compile(r"จะ\S{0,25}จริง|(?:ทดลอง|นำร่อง)\S{0,25}อยู่")
WAITS_ON_SUPERIOR = re.compile(r"รอ\s*(?:ท่าน|ผู้บริหาร|ประธาน|ผอ|หัวหน้า|รอง|ปลัด|ผู้ว่า)")
NOT_YET = re.compile(r"\s*(?:แต่\s*)?ยังไม่(?:ได้)?")
HANDED_ON = re.compile(
    # "เสนอหัวหน้ากลุ่มงานลงนามผ่านแล้ว" is signed off, not handed on
    r"(?![^\n]*(?:ลงนาม|อนุมัติ|เห็นชอบ|ผ่าน))\s*(?:และ|แล้ว)?\s*(?:ส่ง|เสนอ|นำเรียน)"
    # "ส่งให้ สยป. ดูแล้ว"; with what was sent named ("ส่งสรุปให้ หน.กลุ่มงานแล้ว") only to a head: the summary
    # sent to สยป. is the request to build ("ส่งแบบให้ สยป. ประสานจัดทำระบบแล้ว")
    r"(?:(?:ให้|ต่อ|ไป(?:ให้|ยัง)?)?\s*(?:พี่\s*)?(?:หัวหน้า|หน\.|ผอ|ผู้อำนวยการ|สยป|ท่าน)"
    r"|\S{1,10}?(?:ให้|ต่อ|ไป(?:ให้|ยัง)?)\s*(?:พี่\s*)?(?:หัวหน้า|หน\.|ผอ|ผู้อำนวยการ|ท่าน))"
    r"\S*(?:\s+\S+)?\s*(?:ดู|พิจารณา|ตรวจ)?\s*แล้ว\s*$"
)
# "แนบภาพหน้าจอ Zoom กับรายชื่อผู้เข้าร่วมไว้ในอัลบั้มแล้ว": the evidence, not the work done again
# "เข้าร่วม 131 คน อัดวีดีโอไว้แล้ว": who came to the meeting told before, not an item of its own
ATTENDANCE = re.compile(
    r"\s*(?:มี)?(?:ผู้)?(?:เข้าร่วม|มาร่วม)(?:ประชุม)?\s*(?:ทั้งหมด|รวม)?\s*\d+\s*(?:คน|ราย|ท่าน|เขต|หน่วยงาน)"
)
ROUND_OF = re.compile(
    r"\s*\(?\s*(?:เป็น|นับเป็น)?\s*(?:ครั้งที่|รอบที่)\s*(\d+)\s*(?:จาก|/|ใน)\s*(\d{1,2})(?!\d)"
)  # not "ครั้งที่ 1/2565", "ครั้งที่ 1/65"
EVIDENCE_ATTACHED = re.compile(
    r"\s*(?:และ|ส่วน)?\s*(?:ได้)?แนบ(?!ท้าย)|"
    # "รายงานการประชุมอัปไว้ในไดรฟ์แล้ว", "รูปกิจกรรมอัปโหลดในอัลบั้มแล้ว": the evidence put where it is kept
    r"\s*(?:และ|ส่วน)?\s*(?:รายงานการประชุม|รูป|ภาพ|ไฟล์|หลักฐาน|ลิง[กค]์|link)[^\n]{0,25}?"
    r"(?:อัป|อัพ|upload|แนบ|ไว้ใน(?:ไดรฟ์|drive|กลุ่ม|โฟลเดอร์|อัลบั้ม))"
)
# "แนบหลักฐานข้อ ๑ ค่ะ คำสั่งแต่งตั้ง…", "ส่งหลักฐานขั้นที่ 2": the evidence of an item named by number tells
# it is done (for a tap: the evidence may be of work still going on)
EVIDENCE_OF_REF = re.compile(
    r"\s*(?:และ|ส่วน)?\s*(?:ได้|ขอ)?(?:แนบ|ส่ง)\s*(?:ไฟล์)?หลักฐาน\S{0,6}?\s*(?:ของ|สำหรับ|ประกอบ)?\s*(?=ข้อ|ขั้น|ระดับ|ส่วนที่)"
)
# "ปีที่แล้วเราทำถึงขั้น 3": last year's work, told to compare, is not this year's
LAST_YEAR = re.compile(r"\s*(?:แต่|ส่วน|เมื่อ)?\s*ปี(?:ที่แล้ว|ก่อน|กลาย|ที่ผ่านมา)(?!\S{0,3}มา(?:ดู|วิเคราะห์|ใช้))")
# "สำนักยุทธศาสตร์ฯ จัดเวที…ของเขาเองไปแล้ว อันนั้นไม่เกี่ยวกับเรานะคะ": another unit's work, not the plan's item
NOT_OURS_SAID = (
    r"(?:ไม่ใช่(?:งาน)?ของ(?:เรา|ทางเรา|หน่วยงานเรา|ฝ่ายเรา|กลุ่มเรา)|"
    r"ไม่เกี่ยว(?:ข้อง)?(?:กับ)?\s*(?:เรา|ของเรา|ตัวชี้วัด|kpi))"
)
NOT_OURS = re.compile(rf"\s*(?:อันนั้น|อันนี้|ตรงนั้น|ส่วนนั้น|งานนั้น|นั่น)?\s*{NOT_OURS_SAID}", re.I)
TOLD_BY = re.compile(r"^\s*(?:ทาง)?\S{1,14}?\s*(?:แจ้ง|บอก)(?:มา)?ว่า")  # "สยป.แจ้งว่า…": who tells it
THEIRS = re.compile(r"ของ(?:เขา|ทาง(?:นั้น|เขา))เอง")
# "แนบหนังสือเชิญ…ที่ส่งไปครบ 50 เขต": the evidence, and the work it tells of in passing
DONE_IN_PASSING = re.compile(r"ที่(?:ส่ง|ทำ|จัด|ออก)\S{0,6}?(?:ไป|มา)?\s*(?:แล้ว|ครบ)")
# "ที่แจ้งเมื่อวานว่าใช้งานระบบแล้ว", "เมื่อเช้าพิมพ์ไปว่า…": what was said before, quoted to be taken back
WEEKDAY = re.compile(r"(?:วัน)?(?:จันทร์|อังคาร|พุธ(?=\s|$|ที่|นี้|หน้า)|พฤหัส(?:บดี)?|ศุกร์|เสาร์|อาทิตย์(?!\s*(?:ก่อน|ที่แล้ว|หน้า)))")
LAST_WEEKDAY = re.compile(rf"เมื่อ\s*(?:{WEEKDAY.pattern})")
SAID_BEFORE = re.compile(
    r"(?:ที่|เมื่อวาน|เมื่อกี้|เมื่อเช้า)?(?:แจ้ง|รายงาน|ส่ง|ติ๊ก|พิมพ์|บอก|ใส่|กรอก)(?:ไป)?\S{0,14}ว่า|ที่ลง(?:ไว้)?ว่า|"
    r"(?:ระบบ|แฟ้ม|ฟอร์ม)\S{0,6}\s*(?:บันทึก|ลง)(?:ไว้)?ว่า|"
    # what was on record: "ในระบบบันทึกว่าขั้นที่ 4 เสร็จแล้ว", "พี่คนเดิมบันทึกในระบบว่า…", "ที่…ลงไว้ว่า…"
    r"(?:บันทึก|ลง)(?:ไว้|\s*ใน(?:ระบบ|แฟ้ม|ฟอร์ม)\S{0,6})\s*ว่า|"
    r"ที่(?:แจ้ง|รายงาน|ติ๊ก|พิมพ์|บอก|ใส่)(?:ไป)?\s*(?=(?:ขั้น|ข้อ|ระดับ|ส่วน)(?:ตอน)?(?:ที่)?\s*\d)"  # "ที่แจ้งขั้นที่ 4 เสร็จ"
)
# A plan's condition or step that is the report to the executives ("เสนอผู้บริหาร", "นำเรียนผู้ว่าฯ"); narrower
# than the message's words below, which plan texts use for other steps too ("…ให้ผู้ว่าฯ…").
TO_EXECUTIVES = re.compile(r"เสนอ(?:เรียน)?\s*ผู้บริหาร|นำเรียนผู้ว่า")
# A report told: its name, its sending, its readers
REPORTED = re.compile(r"รายงาน|report|เสนอ|นำเรียน|ส่ง|ผู้บริหาร|ผบห|ผู้ว่า|ปลัด", re.IGNORECASE)
# The executives' report said in the message: to them, or its problems and suggestions. Without it a
# step that ends in that report ("Dashboard วิเคราะห์ผล… เสร็จ") is the step alone.
EXECUTIVES_SAID = re.compile(
    r"(?:เสนอ|เรียน|ส่ง|ถึง|ให้)\s*(?:ท่าน|คณะ)?\s*(?:ผู้บริหาร|ผบห|ผู้ว่า)|ปัญหา\s*(?:,|/|\+|และ)?\s*อุปสรรค|ข้อเสนอแนะ"
)
EXECUTIVES_AWAITED = re.compile(r"(?:รอ|จะ|ยังไม่(?:ได้)?|กำลัง|เตรียม)\s*(?:นำ)?\s*$")
# What is still missing, said after the item ("ได้รับแล้ว 41 เขต ยังขาดอีก 9 เขต"): that item is not done.
# Only a clause with no subject of its own: "41 เขต ยังขาดอีก 9 เขต", not "รายเขต ❌ (ยังขาด 3 เขต)".
SHORTFALL = re.compile(
    r"\s*(?:[\d,]+\s*\S{0,8}\s*)?(?:ยังขาด|ขาดอีก|ยังไม่ครบ|(?:ยัง)?รออีก|อีก\s*\d+\s*\S{0,6}\s*(?:แจ้งว่า|บอกว่า)?\s*(?:รอ|จะ|ยัง|กำลัง|ทยอย)|(?<!คัด)(?:ยัง|คง|ที่)?เหลือ(?:อีก)?\s*(?:\d|จะ|ยัง|กำลัง|รอ|ทยอย|(?<=อีก)(?:ท่าน|คน|หน่วย|เขต|เรื่อง|ชุด|หนึ่ง)))"
)
QUESTION = re.compile(
    r"หรือยัง|หรือไม่|ไหม|มั้ย|รึยัง|(?<!เ)กี่|อะไร|เท่าไ|ยังไง|ส่วนไหน|ข้อไหน|ขั้นไหน|ระดับไหน|ไหน(?:คะ|ครับ|นะ)|ใคร(?!\s*ก็)|"
    r"(?:ต้อง|ควร)\S{0,12}(?:เมื่อไ[หร]|ตอนไหน|ยังไง)|"
    r"(?<!แบบ)(?:ขอ)?สอบถาม(?:ค่ะ|ครับ|หน่อย)|^\s*สอบถาม|(?:ขอ)?เรียนถาม|ขอถาม(?:ว่า|หน่อย|ค่ะ|ครับ)|\?|"
    # "แบบนี้ได้ระดับ 1 ยัง(ครับ)": whether it counts, its particle cut off with the clause
    r"^\s*(?:แบบนี้|อย่างนี้|ถือว่า)[^\n]*ยัง\s*$"
)
QUOTED_QUESTION = re.compile(r"ที่(?:ถาม|สอบถาม|ทวง)[^\n?]{0,20}?ว่า[^\n?]{0,60}?(?:หรือยัง|รึยัง|หรือไม่|ไหม|มั้ย)")
# "ทำแบบสอบถามถามเจ้าหน้าที่…ว่าระบบเดิมติดปัญหาอะไรบ้าง": what others were asked, not a question put to the bot
ASKED_OF_OTHERS = re.compile(
    r"(?<!ขอ)(?<!อยาก)(?:ถาม|สำรวจ)[^\n?]{2,60}?ว่า[^\n?]{0,60}?(?:อะไร|ไหน|ยังไง|อย่างไร|เท่าไ)(?:บ้าง)?|"
    # "ที่ถามเมื่อวานว่าสรุป…ครบหรือยัง ครบแล้วค่ะ": the question put earlier, quoted before its answer
    rf"{QUOTED_QUESTION.pattern}"
)
# Clauses: lines, semicolons, commas, " / ", a polite particle, "ส่วน…"/"แต่…" (as for, but), and the
# end of a statement ("…แล้ว", "…เสร็จ") followed by a space.
CLAUSE = re.compile(
    r"\n|;|\s*\|\s*|(?<=\S)\s*[,،](?!\s*\d)\s*|\s+/\s+|(?:ค่ะ|คะ|ครับ|คร้บ|คับ|นะคะ|นะครับ|จ้า|(?<=แล้ว)ค้า)(?:\s+|$)|"
    r"(?<=\S[✅✔✓❌✖✘✕⏳])\s*|(?<=[^\s\-•*] [✅✔✓])\s+|\s*[👍🙏🎉😊]+\s*|"
    # any other picture glued to the end of a statement ("ลงนามสัญญาแล้ว✍️ ผู้รับจ้างเริ่ม…", "สำรวจเสร็จแล้วค่ะ♿
    # กำลัง…"); the status marks (✅ ✔ ✓ ✗ ✘ ❌) are read above, and 🔄 is a status too (under way)
    "(?<=\\S)(?!\U0001f504)[\U0001f300-\U0001faff\u2600-\u26ff\u2700-\u2704\u2706-\u2712\u2719-\u274b\u274d-\u27bf\ufe0f]+\\s+|"
    # "ขั้นที่ 3 ⏳ ขั้นที่ 4 ❌": a cross or an hourglass after its item, then the next item
    r"(?<=[^\s\-•*] [❌✗✖✘✕⏳])\s+(?=ขั้น|ข้อ|ระดับ|ส่วนที่|step)|"
    # a mark glued before its item ("✅ขั้น 1 ✅ขั้น 2 ❌ขั้น 4"): each mark opens a clause
    r"\s*(?=[✅✔✓❌✗✖✘✕⏳](?:ขั้น|ข้อ|ส่วน|step|\d))|\s+(?=[✅✔✓❌✗✖✘✕⏳][ก-๙A-Za-z])|"
    r"\s+(?:ส่วน(?!\s*ที่\s*\d)|แต่(?!ง(?:ตั้ง|งาน|กาย)))|(?<!คัด)(?<!คัดเลือก)(?<!ที่)\s*(?=(?:ยัง|คง|ที่)?เหลือ)|(?:(?<=แล้ว)|(?<=เสร็จ)|(?<=เรียบร้อย)|(?<=ทำอยู่)|(?<=การอยู่)|(?<=สัญญาอยู่)|(?<=แล้วด้วย))(?<!ว่าแล้ว)(?<!ที่แล้ว)(?<!ว่าเสร็จ)(?<!ว่าเสร็จแล้ว)(?:\s+\+)?\s+(?!\d+\s*(?:เดือน|สัปดาห์|วัน|รอบ|ครั้ง|ชิ้น))|"
    r"\s+(?=(?:ได้)?แนบ(?!ท้าย))|"  # the evidence attached, its own clause
    # dictated with no spaces ("…พัฒนาระบบเสร็จครบแล้วแต่ที่แจ้งว่าใช้งานระบบแล้วขอยกเลิก"): what is taken back
    r"(?<=[ก-๙])(?=แต่ที่(?:แจ้ง|บอก|รายงาน))|"
    r"(?:(?<=เลย)|(?<=แล้ว)|(?<=อยู่))(?=ส่วน(?!\s*ที่\s*\d)[ก-๙])|"  # "…ยังไม่ได้ทำเลยส่วนขั้นสองเสร็จจริง"
    # "…ปีงบที่แล้วเสร็จแล้วก็คัดเลือกโครงการ…": done, and then the next, dictated on without a space
    r"(?:(?<=เสร็จแล้ว)|(?<=เรียบร้อยแล้ว)|(?<=ครบแล้ว))(?=(?:แล้ว)?ก็[ก-๙])|"
    # "…เสร็จครบแล้วค่ะได้มา 3 แนวคิด ส่วนที่ 2…": typed on without a space, the polite particle still ends it
    r"(?:(?<=ค่ะ)|(?<=ครับ)(?!ผม)|(?<=นะคะ))(?!เพราะ|เนื่องจาก)(?=[ก-๙])|"
    # "ปีที่แล้วเราทำถึงขั้น 3 ปีนี้ตอนนี้ทำถึงขั้น 2 แล้ว": this year, after last year, a statement of its own
    r"\s+(?=ปีนี้\s*\S)|"
    # "…พัฒนาระบบขึ้นมาใช้ได้ครบ พรุ่งนี้จะเริ่มลองทดสอบ": what comes tomorrow is a statement of its own
    r"\s+(?=(?:พรุ่งนี้|มะรืน|สัปดาห์หน้า|อาทิตย์หน้า|เดือนหน้า)\s*(?:ก็)?(?:จะ|น่าจะ|คง))|"
    # "…นำเรียนรองผู้ว่าฯ ครบทั้ง 4 ท่านแล้ว ถือว่าขั้นที่ 4 เสร็จไหมครับ": whether it counts, asked after what was
    # told, is a clause of its own; what was told stays told
    r"\s+(?=(?:ถือว่า|นับ(?:ว่า|เป็น|ได้)|แบบนี้|อย่างนี้|ขอถามว่า|ไม่ทราบว่า)[^\n]{0,60}?"
    r"(?:ไหม|มั้ย|หรือยัง|หรือเปล่า|หรือไม่|ยัง(?:ครับ|คะ|คับ)|\?))|"
    # "… ยังส่งมอบไม่ได้ ❌ ต้องรายงานยังไงคะ": a question after what was told, its own clause
    r"\s+(?=(?:ต้อง|ควร|ทำ)[^\n\s]{0,20}(?:ยังไง|อย่างไร|ได้ไหม|ไหม|มั้ย|หรือเปล่า|หรือไม่))|"
    # "…พิมพ์ว่าขั้นที่ 2 จริงๆ หมายถึงขั้นที่ 1…": the one meant, its own clause
    # "…ได้ 55 คะแนน จริงๆ ได้ 35": the right number too
    r"\s+(?=จริง\s*ๆ?\s*(?:(?:คือ|หมายถึง)\s*(?:ขั้น|ข้อ|ระดับ|ส่วน)|(?:ได้|คือ)\s*\d))|"
    # "ที่เสร็จคือขั้นตอนที่ 6 … ไม่ใช่ขั้นตอนที่ 7": the one said not to be meant, its own clause
    r"\s+(?=ไม่ใช่\s*(?:ขั้น|ข้อ|ระดับ|ส่วน))|"
    # "… ออกแบบระบบเสร็จ ขั้นต่อไปจะทำหนังสือประสาน…", "… เรียบร้อย จากนั้น…": what came next, its own clause
    r"\s+(?=(?:ขั้น(?:ตอน)?)?(?:ต่อไป|ถัดไป)\s*(?:จะ|คือ|ก็)|(?:หลัง)?จากนั้น|next\s*step)|"
    # "… เลื่อนไปเดือนหน้า ที่ถูกต้องคือขั้นที่ 1-3 เสร็จแล้ว": what is right opens its own clause
    rf"\s+(?=(?:{RIGHT_NOW}))|"
    # "… ได้ผู้ชนะแล้ว ตอนนี้รอลงนามสัญญา": what is going on now, not how far what is not done has got
    r"(?<!ไม่ครบ)(?<!ไม่เสร็จ)(?<!ไม่ผ่าน)\s+(?=ตอนนี้(?!\s*(?:ถือว่า|อยู่ระดับ|ได้ระดับ)))"
)
NUM = r"\d+(?:\.\d+)?"
STEP_REF_OPENS = re.compile(r"(?:ขั้น(?:ตอน)?|ข้อ)(?:ที่)?\s*\d")
JOIN = (
    r"(?:\s*(?:,|และ|กับ|&|\+|/)\s*(?:ข้อ(?:ที่)?|ขั้น(?:ตอน)?(?:ที่)?)?\s*"
    # "ขั้นตอนที่ 1 2 3": single numbers in a row, none of them a count
    r"|\s+(?=\d(?![\d.])(?!\s*(?:คน|ราย|เรื่อง|ครั้ง|โครงการ|%|เขต|ชุด)))"
    # "ขั้น3.1 3.2 เรียบร้อย": sub-steps in a row
    r"|\s+(?=\d\.\d(?![\d.])(?!\s*(?:%|คะแนน|นาที|ล))))"
)
RANGE = r"\s*(?:-|–|ถึง)\s*(?:ข้อ(?:ที่)?|ขั้น(?:ตอน)?(?:ที่)?)?\s*"
# Items counted from either end of the plan's order: "สองขั้นแรก(ของแผน)", "4 ขั้นแรก", "ข้อแรก", "ขั้นสุดท้าย",
# "ทุกขั้นยกเว้นขั้นสุดท้าย"
SMALL_NUMBERS = {"สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6}
FIRST_N = re.compile(
    r"(?:(?P<n>\d{1,2})\s*|(?P<nw>สอง|สาม|สี่|ห้า|หก))?(?P<word>ขั้นตอน|ขั้น|ข้อ)\s*แรก(?P<of>\s*ของ(?:แผน|โครงการ))?"
)
THE_ONE_LEFT = re.compile(
    r"(?:ที่|ซึ่ง)?(?:ยัง)?เหลือ(?:อยู่)?\s*(?:อีก)?\s*(?:ขั้น(?:ตอน)?|ข้อ|อัน|เรื่อง)\s*(?:เดียว|สุดท้าย)(?:\s*คือ)?"
)
FIRST_HALF = re.compile(r"ครึ่งแรก\s*(?:ของ)?\s*(?P<word>ขั้นตอน|ขั้น|ข้อ)(?:ทั้งหมด)?")
THE_LAST = re.compile(r"(?P<word>ขั้นตอน|ขั้น|ข้อ)\s*(?:ที่)?\s*สุดท้าย")
ALL_BUT_LAST = re.compile(
    r"ทุก\s*(?P<word>ขั้นตอน|ขั้น|ข้อ)\s*(?:ยกเว้น|เว้น|ยกเว้นแต่|เว้นแต่)\s*(?:ขั้นตอน|ขั้น|ข้อ)?\s*(?:ที่)?\s*สุดท้าย"
)
REF = re.compile(
    rf"(?P<upto>(?:ทำ)?ถึง\s*)?(?P<word>ขั้น(?:ตอน)?(?:ที่)?|steps?(?=\s*\d)|ข้อ(?:ที่)?|ส่วน(?:ที่)?|ระดับ(?:ที่)?|level|lv\.?)\s*"
    rf"(?P<nums>{NUM}(?:(?:{JOIN}|{RANGE}){NUM})*)",
    re.IGNORECASE,
)
# A clause that is only an item's number ("… สรุปผลเรียบร้อย ขั้นตอนที่ 10"): it says which, the clause before says how.
# "ทำ Infographic จากสถิติขั้นที่ 4": the step the work is made from, not one said to be finished
SOURCE_BEFORE = re.compile(r"(?:ต่อ)?จาก\s*(?:สถิติ|ผล(?:การดำเนินงาน)?|ข้อมูล)?\s*(?:ของ|ใน|ตาม)?\s*$")
ONLY_REF = re.compile(rf"[\s(\-•]*(?:{REF.pattern})[\s).]*$", re.IGNORECASE)
POINTS = re.compile(rf"(?<![\d./])(?P<n>{NUM})(?:\s*/\s*{NUM})?\s*คะแนน")  # "90/100 คะแนน" is 90
# "ที่รายงานไป 80 คะแนนผิด … ที่ถูกคือ 70 คะแนน": the points said to be right
RIGHT_POINTS = re.compile(rf"(?:ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ต้องเป็น|แก้เป็น|จริง\s*ๆ?\s*(?:ได้|คือ))\s*(?P<n>{NUM})\s*คะแนน")
# "ที่แจ้งว่าได้ 75 คะแนน ที่ถูกคือ 55 นะคะ": the right number, its unit said before it
RIGHT_BARE = re.compile(
    rf"(?:ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ต้องเป็น|แก้เป็น|จริง\s*ๆ?\s*(?:ได้|คือ))\s*{NUM}(?![\d.])(?=\s*(?:นะ|ค่ะ|คะ|ครับ|จ้า|$|\n|[,)]))",
    re.MULTILINE,
)
TOTAL_POINTS = re.compile(rf"(?<=รวม)\s*(?:ตอนนี้|ทั้งหมด|สะสม)?\s*(?:สะสม|ทั้งหมด|ทั้งสิ้น|เป็น|ได้)?\s*(?P<n>{NUM})\s*คะแนน")
PART = re.compile(r"ส่วนที่\s*(\d+)")
# The numbers a part prints before its items: "– 1. การพัฒนานวัตกรรม 1.1 ผลผลิต…" has 1 and 1.1.
ITEM_NUMBERS = re.compile(r"(?<=–\s)\d+(?=\.)|(?<![\d.])\d+\.\d+(?![\d.])")
PART_ITEM = re.compile(rf"ส่วน(?:ที่)?\s*(?P<part>\d+)\s*ข้อ(?:ที่)?\s*(?P<sub>{NUM})")
# A project named in one word ("โครงการเอาความต้องการของประชาชนเข้าสภา"): its name says which
# project, not which of its items.
HEAD_ENDS = re.compile(r"\sเพื่อ")  # an item's purpose follows its action
STEP_NUMBER_SAID = re.compile(r"ขั้น(?:ตอน)?(?:ที่)?\s*(\d{1,2})(?![\d.])")
PROJECT_NAMED = re.compile(r"(?:(?<=\s)|^)โครงการ[ก-๙]{6,}")
# Ways of saying an item's words that share no letters with them.
SYNONYMS = {
    # put to real use: an innovation used within the year, a system in use
    r"(?:(?:นำ\S{0,12})?ไป|(?:นำ|เอา)\S{0,12}มา|เริ่ม|เปิด)ใช้(?:งาน)?(?:จริง|ใน(?:หน่วยงาน|สำนักงาน)(?:จริง)?)|"
    r"(?<!แจ้ง)(?<!ทดลอง)(?<!ทดสอบ)(?<!ลอง)ใช้(?:งาน)?จริง|"
    r"(?<!ผลการ)(?:นำ|เอา)\S{0,12}ไปใช้(?:งาน)?(?=\s*(?:แล้ว|ได้|กับ|ตั้งแต่|✅)|[ก-๙]{0,12}จริง|ใน[ก-๙]{0,20}แล้ว)": (
        "นำนวัตกรรมไปใช้ภายในปีงบประมาณ ใช้งานระบบ"
    ),
    "ผู้ใช้(?:งาน)?ระบบ": "ผู้ใช้",  # the system's users, not the system in use
    "(?<!แจ้ง)เปิดใช้(?:งาน)?ระบบ": "ใช้งานระบบ",  # "แจ้งเปิดใช้ระบบ" is the letter announcing it
    "เปิดใช้งาน": "ใช้งานระบบ",
    "เปิดใช้จริง": "ใช้งานระบบ",
    "ไอเดีย": "แนวคิด",
    # "ตัวนวัตกรรมเสร็จแล้ว 1 ชิ้น", "(นวัตกรรมชิ้นที่ 1) พัฒนาเสร็จแล้ว": the innovation's output, told by its count
    r"(?<![\d.])(?:1|หนึ่ง)\s*ชิ้น(?:งาน)?|ชิ้น(?:งาน)?(?:ที่\s*1|แรก)(?![\d.])": "ผลผลิตนวัตกรรม 1 ชิ้น",
    r"(?<!คัด)(?<![ก-๙]ะ)เลือก(?!ตั้ง|ใช้)": "คัดเลือก",  # "รองผู้ว่าฯ ทั้ง 4 ท่านเลือกเรียบร้อย": chose the projects
    # a deadline ("จะส่ง สกก. ภายใน ส.ค."), not "ภายในปีงบประมาณ" of an item
    (
        r"ภายใน(?=\s*(?:วันที่\s*\d|\d{1,2}\s*[ก-ฮ]{1,2}\.[ก-ฮ]\.|[ก-ฮ]{1,2}\.[ก-ฮ]\."
        r"|เดือน|สัปดาห์|อาทิตย์|สิ้น|ต้น|ปลาย|กลาง|พรุ่งนี้|วันนี้))"
    ): "ก่อน",
    r"คัด(?!เลือก|เหลือ|กรอง|ลอก|ค้าน|แยก)": "คัดเลือก",  # "คัดโครงการสำคัญ…ได้ครบ 12 โครงการ"
    r"ผู้บริหาร(?:สำนักงาน)?เขต": "ผู้อำนวยการเขต",  # the district's heads, not the BMA executives a report goes to
    r"\btest\b": "ทดสอบ",
    r"\bsigned\b": "ลงนาม",
    r"เคาะ(?:แล้ว)?": "เห็นชอบแล้ว",  # the committee "knocked it through": approved
    r"\bonline\b": "ออนไลน์",
    r"แจ้งผล(?:การ)?ตรวจ(?:ติดตาม)?": "รายงานผลการตรวจติดตาม",  # the inspections' results told to the units
    r"(?<![ก-๙])หน\.\s*(?=เซ็น|อนุมัติ|เห็นชอบ|ลงนาม)": "หัวหน้า",  # the head approving
    r"เซ็น(?!สัญญา)(?:อนุมัติ|ผ่าน)?": "เห็นชอบ",  # the head signing the plan off
    r"ปี(?:งบ(?:ประมาณ)?)?\s*(?:หน้า|ถัดไป)": "ปีงบประมาณต่อไป",  # next year's plan
    # "แผนปี 63": a plan named by its year is next year's
    r"แผน\S{0,12}\s*ปี(?:งบ(?:ประมาณ)?)?\s*(?:พ\.?ศ\.?\s*)?(?:25)?\d\d(?!\d)": "แผนการดำเนินการในปีงบประมาณต่อไป",
    # the works done as the survey found ("ปรับปรุงครบ 23 จุดตามผลสำรวจแล้ว"): the survey's plan carried out
    r"(?:ปรับปรุง|ติดตั้ง|แก้ไข)[^\n]{0,30}?ตาม(?:ผล|แผน)(?:การ)?(?:ศึกษา)?สำรวจ": "ดำเนินการตามแผนการศึกษาสำรวจ",
    r"(?:เสนอ|ส่ง)(?=\s*(?:ท่าน)?\s*รอง\s*ผู้ว่า)": "นำเรียน",  # a summary put before the deputy governor
    r"\bevaluation\b": "ติดตามประเมินผล",
    r"\bimplementation\b": "ดำเนินการตามแผน",
    r"\bimport(?:ed)?\b": "นำเข้า",  # data brought into the platform
    r"\bapproved\b": "อนุมัติ เห็นชอบ",
    r"\bpublished\b": "เผยแพร่",
    # a circular telling every unit that the calendar is there: the calendar made known
    (
        r"(?:ส่ง|ทำ|มี)?\s*หนังสือ\s*เวียน\s*(?:แจ้ง|บอก)\s*(?:ทุก)?\s*(?:หน่วยงาน|สำนัก|สำนักงานเขต|เขต)"
        r"[^\n]{0,25}?(?:ว่ามี|ให้รู้|ให้ทราบ)"
    ): "ประชาสัมพันธ์ให้หน่วยงานภายในสังกัดทราบ",
    # a letter that tells the districts is telling them, not the letter inviting them to the meeting
    (
        r"หนังสือ(?:เวียน)?\s*(?:แจ้ง)?"
        r"(?=\s*(?:ผล\S{0,20}\s*)?(?:ให้)?\s*(?:สำนักงาน)?เขต|\s*\(?\s*(?:ที่\s*)?(?:กท|ว\s*\d))"
    ): "แจ้ง",
    r"(?:ผ่าน|ทาง|ใน|แบบ)?\s*(?:zoom|ซูม|ms teams|teams|webex|google meet)": "ออนไลน์",  # met online
    # a circular to every unit of the BMA about a new service is telling them of it
    r"(?:หนังสือ)?(?:เวียน)?แจ้ง(?:เวียน)?\s*(?:ทุก)?\s*หน่วยงาน\s*(?:ใน|ภายใน)\s*สังกัด": "ประชาสัมพันธ์ให้หน่วยงานภายในสังกัดทราบ",
    r"(?:หนังสือ)?เวียนแจ้ง\s*(?:ทุก)?\s*หน่วยงาน(?=\s*(?:เรื่อง|ให้ทราบ|ทราบ))": "ประชาสัมพันธ์ให้หน่วยงานภายในสังกัดทราบ",
    "(?:ตัว)?ชิ้นงาน(?:นวัตกรรม)?": "ผลผลิตนวัตกรรม 1 ชิ้น",  # the innovation built: its output
    "website": "เว็บไซต์",
    "เว็บ(?!ไซ)": "เว็บไซต์",
    "เซ็นสัญญา": "ลงนามสัญญา",
    "ผู้รับจ้าง": "ผู้รับเหมา",  # the contractor is a person, not the hiring ("ขออนุมัติจ้าง")
    # the tender over
    (
        r"(?<=[✅✔✓] )e-bidding|(?<=[✅✔✓])e-bidding|"
        r"e-bidding(?=[^\n]{0,25}?(?:เสร็จ|เรียบร้อย|ผ่าน|(?:ได้|ประกาศ)ผู้ชนะ|done|✅|✔))"
    ): "ประกวดราคาอิเล็กทรอนิกส์",
    # the contractor at work: the contract being carried out
    r"(?:เข้า)?เริ่มงานตามสัญญา|เข้า(?:ดำเนินการ|ทำงาน)ตามสัญญา": "เริ่มดำเนินการตามสัญญา",
    r"(?<!เริ่ม)(?<!เข้า)ทำ(?:งาน)?ตามสัญญา": "ดำเนินการตามสัญญา",  # "ผู้รับจ้างทำงานตามสัญญาอยู่"
    "เริ่มใช้งาน": "ใช้งาน",
    "ระบบใช้งาน": "ใช้งานระบบ",
    "ผู้ชนะ e-bidding": "ประกวดราคาอิเล็กทรอนิกส์",  # the tender decided: the procurement step done
    "ผู้ชนะการประกวดราคา": "ประกวดราคาอิเล็กทรอนิกส์",
    r"e-bidding\s*ได้ผู้ชนะ": "ประกวดราคาอิเล็กทรอนิกส์ได้ผู้ชนะ",
    "ใช้งานจริง": "ใช้งานระบบ",
    "(?<!การ)ใช้ระบบ": "ใช้งานระบบ",  # "ปัญหาการใช้ระบบเดิม" is the use spoken of, not the system in use
    # "ขั้นต่อไปจะ…": what is next, not the "…ดำเนินการต่อไป" that ends an item's text
    r"(?:ขั้น(?:ตอน)?)?(?<!ปีงบประมาณ)ต่อไป(?=\s*(?:จะ|คือ|ก็))": "ถัดไป",
    "ส่วนกลาง": "ภาพรวม",  # the central offices' report is the overall one, beside the districts'
    r"(?:รวม(?:เป็น)?\s*(?:ชุด|เล่ม))": "จัดเล่ม",  # the districts' reports bound together, not the overall one
    r"รายงาน(?:ผล)?(?:สรุป)?รวม(?!\s*\d)": "รายงานภาพรวม",  # "✅รายงานรวม ✅รายงานรายเขต": the overall one
    "เทส(?:ต์|ท์)?(?!โก)": "ทดสอบ",  # "เทสระบบเสร็จแล้ว"
    # "ตามแผนต้องเสร็จ ก.ค. ยังไม่ได้ประเมินเลย": when it should be finished is the plan, not work done
    r"(?:ต้อง|ควร(?:จะ)?|กำหนด(?:ให้)?)\s*(?:แล้ว)?เสร็จ(?:สิ้น)?": "ตามแผน",
    # "สรุปรายงานการประชุมส่งเมลให้พี่แล้ว": the minutes are evidence, not K1's letter inviting to the meeting
    r"(?:สรุป)?รายงานการประชุม(?!\s*\S{0,6}(?:คณะ|กก|ครั้ง|คกก))": "หลักฐาน",
    # "…เห็นชอบแนวทางแล้ว ในการประชุมครั้งที่ 4/2564": the meeting it was done at, not a meeting item
    r"(?:ใน|จาก)(?:ที่)?(?:การ)?ประชุม(?=\s*(?:ครั้งที่|เมื่อ|วันที่|\d))": " ",
    "ทดลองระบบ": "ทดสอบระบบ",  # "การทดลองระบบผ่านแล้ว": the system tried out is the system tested
    # "ทดสอบระบบกับการประชุม…2 ครั้ง ไม่มีปัญหา": a test that found nothing wrong has passed
    r"(?<=ทดสอบ)([^\n]{0,60}?)\s*(?:ก็)?(?:ไม่มีปัญหา|ไม่พบ(?:ปัญหา|ข้อผิดพลาด))": r"\1 ผ่านแล้ว",
    "use system": "ใช้งานระบบ",
    "go[- ]?live": "ใช้งานระบบ",
    r"\buat\b": "ทดสอบระบบ",  # user acceptance testing
    "ตรวจรับ(?:งาน)?": "ส่งมอบงาน",  # the inspection committee accepting a delivery is the delivery step
    # The governor's visits: "ลงพื้นที่ครบ 50 เขต" is the first step of each visit done for all of them;
    # the directives passed on to the units are the second.
    (
        r"(?:ลง(?:พื้นที่\s*(?:ชุมชน|เขต)?|ชุมชน|เขต)|สัญจร(?:\s*ประจำ)?(?:\s*(?:ชุมชน|เขต))?)\s*"
        r"ครบ(?!\s*ทุก\s*(?:เดือน|รอบ|ครั้ง))"  # "ครบทุกเดือน" is the monthly follow-up
    ): r"\g<0> ร่วมประชุมรับฟังสรุปประเด็นข้อสั่งการครบ",
    # "แจ้งสำนักงานเขตและสำนักที่รับผิดชอบ": the BMA's district offices and departments are its units
    (
        r"(?<=แจ้ง)\s*(?:สำนักงานเขต|เขต|สำนัก(?!งาน))(?:\s*(?:และ|กับ|/|,)\s*(?:สำนักงานเขต|เขต|สำนัก(?!งาน)))*"
        r"(?=\s*(?:ที่)?\s*(?:เกี่ยวข้อง|รับผิดชอบ))"
    ): "หน่วยงาน",
    r"แจ้ง\s*ข้อสั่งการ\S{0,12}?\s*(?:ไป|ให้|ถึง)?\s*(?:ยัง)?\s*หน่วยงาน": "แจ้งหน่วยงานที่เกี่ยวข้องพิจารณาดำเนินการ",
    r"แจ้งหน่วยงาน(?:ที่เกี่ยวข้อง|รับผิดชอบ)?\s*(?:ให้)?\s*(?:ดำเนินการ)?\s*ตามข้อสั่งการ": "แจ้งหน่วยงานที่เกี่ยวข้องพิจารณาดำเนินการ",
    r"ข้อสั่งการ\S{0,8}\s*แจ้งหน่วยงาน(?:ที่เกี่ยวข้อง|รับผิดชอบ)?": "แจ้งหน่วยงานที่เกี่ยวข้องพิจารณาดำเนินการ",
    r"แจ้งหน่วยงาน(?:ที่)?รับผิดชอบ": "แจ้งหน่วยงานที่เกี่ยวข้องพิจารณาดำเนินการ",
    # "ข้อสั่งการรวม 326 เรื่อง แจ้งหน่วยงานแล้วทุกเรื่อง": every directive passed on
    r"แจ้งหน่วยงาน(?=\s*(?:ไป)?\s*(?:แล้ว)?\s*(?:ครบ)?\s*ทุก\s*(?:เรื่อง|ข้อ))": "แจ้งหน่วยงานที่เกี่ยวข้องพิจารณาดำเนินการ",
    r"แจ้งหน่วยงาน\s*(?:ครบ)?\s*(?:ทุก)?\s*ข้อสั่งการ": "แจ้งหน่วยงานที่เกี่ยวข้องพิจารณาดำเนินการตามข้อสั่งการ",
    # A summary said of a questionnaire is the questionnaire's, not the system's use ("สรุปผลการใช้งาน").
    r"สรุ[ปบ]ผล(?:การ)?(?:ตอบ)?แบบสอบถา?ม": "สรุปข้อมูลที่ได้รับจากแบบสอบถาม",
    "แบบสอบถม": "แบบสอบถาม",  # the 'า' dropped
    r"(?:ทำ|มี|ส่ง)?\s*หนังสือ\s*(?=ประสาน)": "",  # a letter asking for help is the asking, not a circular
    r"รวบรวม(?=\s*(?:เป็น\S*\s*)?(?:เสนอ|นำเรียน))": "จัดเล่ม",  # collected and put up, not the overall report
    r"(?<=แจ้งผล)\s*(?:ให้|ถึง)\s*(?:ทุก|ทั้ง)?\s*(?:50\s*)?เขต": "ให้สำนักงานเขต",  # "แจ้งผลให้เขต": the district offices
    # a questionnaire sent, handed out or put online is the questionnaire put out ("ทอด")
    r"(?:ส่ง|แจก|เวียน)\s*(?:แบบสอบถาม|(?:online\s*)?survey|google\s*form)": "ทอดแบบสอบถาม",
    # a system put up on the website is developed there ("ระบบปฏิทินบนเว็บ สพว. ขึ้นแล้ว")
    r"(?<=ระบบ)([^\n]{0,24}?)(?:บน|ขึ้น)\s*(?:เว็บ(?:ไซต์)?|website)": r"\1 พัฒนาระบบออนไลน์ใน website",
}
QUESTIONNAIRE = re.compile(r"แบบสอบถาม")
ALSO = re.compile(r"ก็ยัง|ก็ไม่|เช่นกัน|(?:ยังไม่|ไม่ได้)\S{0,20}ด้วย")
DIGIT = re.compile(r"\d")
# forms sent out ("ส่งแบบสอบถาม", "ทอดไปครบ 12 คณะ", "ที่เวียนให้…"); papers "ส่งช้า" are a problem told, not a sending
SENT_OUT = re.compile(r"ส่ง(?!\s*(?:ช้า|ไม่ทัน|ล่าช้า))|ทอด|แจก|เวียน")
# Forms come back ("ได้คืนมา 38 ชุด", "ได้กลับมา 58 ชุด", "ตอบกลับ 45 ราย", "ทั้ง 12 คณะตอบแล้ว", "เก็บกลับมาได้ 38
# ชุด"): they went out.
CAME_BACK = re.compile(
    r"(?<!ยังไม่)(?<!ไม่)(?:ได้(?:รับ)?(?:กลับ)?(?:คืน|กลับ)(?:มา)?|ตอบ(?:กลับ)?(?:มา)?|เก็บ(?:คืน|กลับ)?(?:มา)?(?:ได้)?)"
    r"(?=\s*(?:ครบ|\d|แล้ว|ทุก))"
)
BARE_SUMMARY = re.compile(r"สรุป(?:คำตอบ|ผล)(?![\s(]*(?:การ)?(?:ใช้|ความพึง|ดำเนิน|วิเคราะห์|แบบ|ตอบ))")
CONTINUED = re.compile(r"ด้วย|เช่นกัน|ก็(?:เสร็จ|แล้ว)")
