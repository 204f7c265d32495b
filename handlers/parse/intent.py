"""What a message is, decided once: the router, the report parser and ``tidtam parse`` all ask here.

A question goes to the query side, a report to the report conversation. The question words decide,
unless the text also states a value: "5.2 ได้ 55 คะแนน" reports a score, "ไตรมาส 1 ได้กี่คะแนน" asks
one.
"""

from __future__ import annotations

import re
from datetime import date

from handlers.parse.item_words import QUOTED_QUESTION
from handlers.parse.items import asks, says_finished
from handlers.parse.normalize import blank, normalize_text, without_quoted
from handlers.parse.numbers import spell_out_numbers
from handlers.parse.period import find_dates, find_periods
from handlers.parse.sections import DOC_NUMBER
from handlers.parse.table import read_table
from handlers.parse.value import find_value

_WHEN = r"(?:วันไหน|วันอะไร|วันที่?เท่าไร|วันที่?เท่าไหร่|เมื่อไร|เมื่อไหร่)"
DEADLINE_ASKED = (
    rf"(?:กำหนด)?ส่ง(?:ภายใน)?{_WHEN}|กำหนดส่ง(?:คือ)?{_WHEN}|ภายใน{_WHEN}|"
    r"ส่ง(?:ภายใน)?\s*(?:วันที่)?\s*\d{1,2}[^\n]{0,30}(?:ใช่ไหม|ใช่มั้ย|หรือเปล่า)"  # "ส่งภายในวันที่ 20 ธ.ค. ใช่ไหมคะ"
)
# A question by the way it ends: "…กี่เขตถึงจะได้เต็มคะ", "…เลยไหมคะ", "…ได้เลย หรือต้องส่งในไลน์ด้วยคะ",
# "…ภายในเดือนไหนครับ" ("คะ", not "ค่ะ": the tone asks), "…ห้ามข้ามขั้นใช่ไหมครับ ถ้า…".
_ASKED_AT_END = (
    r"(?:(?<!เ)(?<!ไม่)กี่[^\n]{0,40}(?:คะ|ครับ|คับ)|(?:ไหม|มั้ย|หรือเปล่า|รึเปล่า|ไหน|อะไร(?:บ้าง)?)\s*(?:คะ|ครับ|คับ|นะ(?:คะ|ครับ)?)|"
    r"หรือ[^\n]{0,80}คะ|ถ้า[^\n]{0,80}หรือ[^\n]{0,20}(?:คะ|ครับ)|(?:อะไร|ไหน|ใคร)[^\n]{0,30}บ้าง\s*(?:คะ|ครับ|คับ)?)\s*\??\s*$|(?:ไหม|มั้ย)\s*(?:คะ|ครับ)\s*(?:หรือ|แล้ว|ถ้า)"
)
# Asked without a particle: "…ต้องแนบหลักฐานอะไรบ้าง", "…ภายในวันที่ 20 เลยไหม" ("ส่งรายงานยังไง" asks for
# the help on reporting, not the query side)
_ENDS_ASKING = (
    r"(?:อะไรบ้าง|เลยไหม|เลยมั้ย|ด้วยไหม|ด้วยมั้ย|คืออะไร)\s*(?:คะ|ครับ|คับ)?\s*\??\s*$|(?<!เ)(?<!ไม่)กี่\s*[ก-๙]{1,8}\s*\??\s*$"
)
# Asked anywhere: "สอบถามหน่อยครับ K3 ถ้า…", "ต้องแนบหลักฐานอะไรบ้างคะ แบบสำรวจ…"
_ASKS_OPENLY = (
    r"(?<!แบบ)(?:ขอ)?สอบถาม(?:หน่อย|ค่ะ|ครับ|คับ|นะคะ|นะครับ)|(?:ขอ)?ถาม(?:หน่อย|นิดนึง)|อะไรบ้าง\s*(?:คะ|ครับ|คับ)(?!\S)|"
    r"(?:มา|ไป|ส่ง|แล้ว)(?:หรือ)?ยัง\s*คะ(?!\S)|หรือยัง\s*(?:คะ|ครับ)(?!\S)|"  # "ส่งตัวเลข…มายังคะ ท่านเลขาฯ จะ…"
    # "…นับยังไงคะ ต้องครบ…", "…เป็นหน่วยอะไรครับ ในแผน…", "…ต้องมีรายงานอะไรเพิ่มคะ", "…ร้อยละหรือเป็นจำนวนระบบคะ 🤔"
    r"(?:ยังไง|อย่างไร|อะไร\S{0,6}|ตอนไหน|เมื่อไหร่|เมื่อไร)\s*(?:คะ|ครับ|คับ)(?!\S)|หรือ(?:เป็น)?\S{1,20}\s*คะ(?!\S)"
)
_QUERY = re.compile(
    r"ถึงไหน|เท่าไร|เท่าไหร่|กี่คะแนน|กี่เปอร์|ได้กี่|ใครยังไม่ส่ง|ใครยังไม่รายงาน|ยังไม่ส่ง|สรุปผล|สถานะ|คะแนน|"
    r"ใคร(?:เป็นผู้)?รับผิดชอบ|รบกวน(?:ช่วย)?ส่ง|ช่วยส่ง(?:ผล|รายงาน)?\S{0,20}ด้วย|ขั้นไหน|ระดับไหน|"
    r"\Sยัง\s*(?:คะ|ครับ|คับ)\s*\??\s*$|(?:ระดับ|คะแนน)[^\n]{0,12}(?:ไหม|มั้ย)\s*(?:คะ|ครับ|คับ)?\s*\??\s*$|"
    r"ต้องทำอีก|ต้องได้อีก|ถึงระดับ|เป็น(?:ยัง|อย่าง)?ไง|เป็นอย่างไร|คืบหน้า(?:แค่ไหน|ยังไง|ไหม|มั้ย)|"
    rf"{DEADLINE_ASKED}|หรือยัง|(?<!เ)กี่\S{{0,10}}?(?:แล้ว|คะ|ครับ|\?)|\?\s*$|{_ASKED_AT_END}|{_ENDS_ASKING}|{_ASKS_OPENLY}"
)
# How to report, asked beside the report itself: "แบบนี้ต้องรายงานตรงไหนคะ", "ถือว่าได้ระดับไหนแล้ว",
# "ไม่แน่ใจว่านับเป็นขั้นไหน", "รายงานแบบนี้ถูกไหม".
_HOW_TO_REPORT = re.compile(
    r"(?:(?:แบบนี้|อย่างนี้)?\s*(?:ต้อง|จะ|ควร)?(?:รายงาน|กรอก|แจ้ง|บันทึก|ใส่|เรียก)(?:ข้อมูล)?(?:แบบนี้)?\s*"
    r"(?:ตรงไหน|ที่ไหน|ยังไง|อย่างไร|แบบไหน|ถูกไหม|ถูกมั้ย|ถูกหรือเปล่า)|"
    r"(?:ถือว่า|นับเป็น|นับว่า)\S{0,20}?(?:ระดับ|ขั้น(?:ตอน)?|ข้อ)(?:ไหน|อะไร)(?:แล้ว)?|"
    r"(?:ต้อง)?(?:กรอก|ติ๊ก)\S{0,6}(?:ตรงไหน|ที่ไหน)|"
    # "ไม่แน่ใจว่าต้องรายงานเป็นขั้นไหน", "ไม่แน่ใจว่าเรียกถูกไหมนะคะ": a doubt beside the work told, not a question
    # for the query side
    r"ไม่แน่ใจ(?:ว่า)?[^\n?]{0,40}?(?:ไหน|ไหม|มั้ย|หรือเปล่า|รึเปล่า)"
    r")(?:\s*(?:คะ|ครับ|คับ|ดี|นะคะ|นะครับ))?\s*\??"
)
# Statements: lines, and sentences closed by a polite particle
SENTENCE = re.compile(r"\n|(?<=ค่ะ)\s+|(?<=ครับ)\s+|(?<=คะ)\s+")
# A question opened in the middle of a run-on report ("… ไปแล้ว งวด 1 กำหนดส่งมอบ ส.ค. ขอถามว่าต้องแนบ…ไหมครับ")
# "…ครบทั้ง 4 ท่านแล้ว ถือว่าขั้นที่ 4 เสร็จไหมครับ", "สำรวจเสร็จแล้ว … นับได้ไหมคะ": whether the work told counts
_ASKING_OPENS = re.compile(
    r"\s+(?=(?:ขอ|รบกวน)(?:สอบ)?ถาม|อยากทราบ|ไม่ทราบว่า|"
    r"(?:ถือว่า|นับ(?:ได้|เป็น|ว่า)|แบบนี้|อย่างนี้)[^\n]{0,60}?(?:ไหม|มั้ย|หรือยัง|หรือเปล่า|ยัง\s*(?:ครับ|คะ|คับ)))"
)
# What the query side answers: the score, the level or the status asked for outright ("ได้กี่คะแนน",
# "อยู่ระดับไหน"), not a question that only mentions them ("หลักฐานระดับ 1 ใช้…ได้มั้ย", "จะกระทบคะแนนไหม")
_SCORE_OR_STATUS = re.compile(
    # "ต้องใช้งานกี่เดือนถึงจะนับ": how long a rule asks, not the score
    r"(?<!เ)กี่(?!\s*(?:เดือน|วัน|ครั้ง|ปี|สัปดาห์|อาทิตย์|ชั่วโมง))|(?:คะแนน|ระดับ|ผล)\S{0,12}(?:เท่าไ|ไหน|อะไร)|สถานะ|"
    r"ถึงไหน|(?:ใคร|หน่วยงานไหน)\S{0,6}ยังไม่ส่ง"
)
# A sentence put as a question: its question words, or the questioning "คะ" closing it
_PUT_AS_QUESTION = re.compile(r"หรือเปล่า|หรือไม่|ใช่ไหม|ใช่มั้ย|(?<!ให้นะ)คะ\s*$|\?")  # "ขอไล่สถานะให้นะคะ" offers
_A_NUMBER = re.compile(r"[\d,]+(?:\.\d+)?\s*%?")
_DONE_SAID = re.compile(r"เสร็จ|เรียบร้อย|ครบ|แล้ว")
# A statement closed by "ค่ะ"/"ครับ" before whatever follows it
_STATED_FIRST = re.compile(r"(.+?(?:ค่ะ|ครับ))\s+\S")
# Codes as written, to blank before looking for a value: "ตช.4", "K1", a number opening the text.
_CODE_WRITTEN = re.compile(
    r"(?:ตัวชี้วัด(?:ที่)?|ตชว?\.?|kpi|ข้อ(?:ที่)?|ตัวที่)\s*(?:ที่\s*)?[kK]?\d+(?:\.\d+)*|(?<![\w.])[kK]\s?\d+(?![\d.])"
    r"|^\s*\d+(?:\.\d+)*(?=\s)",
    re.IGNORECASE,
)
_THANKS_AFTER = re.compile(r"(?:(?<=คะ)|(?<=ครับ))\s*(?:ขอบคุณ(?:มาก)?\s*(?:ค่ะ|ครับ|คับ|นะคะ|นะครับ)?|🙏)+\s*$")
_ANY_DAY = date(2000, 1, 1)  # period spans do not depend on the day; only their years would
_LEVEL = re.compile(r"ถึง(?:จะ)?(?:ได้)?\s*ระดับ\s*([1-5])")
_ASKED = re.compile(
    r"(?<!เ)กี่\s*(?:เปอร์|%|คะแนน|ครั้ง|เรื่อง|โครงการ|ระดับ|นาที)|หรือยัง\s*(?:คะ|ครับ|คับ|จ้า)?\s*\??\s*$|"
    r"\Sยัง\s*(?:คะ|ครับ|คับ)\s*\??\s*$|(?:ไหม|มั้ย)\s*(?:คะ|ครับ|คับ)?\s*\??\s*$|ขั้นไหน|ระดับไหน|"
    rf"เท่าไหร่\s*(?:นะ|คะ|ครับ)|เท่า(?:ไหร่|ไร)\s*ถึง|{_ASKED_AT_END}|{_ENDS_ASKING}|{_ASKS_OPENLY}"
)


def looks_like_query(text: str) -> bool:
    """Is this a question for the query side, rather than a report for the report conversation?

    The question words decide, unless the text also states a value: "5.2 ได้ 55 คะแนน" reports a
    score, "ไตรมาส 1 ได้กี่คะแนน" asks one. Values are found the way the report parser finds them,
    once periods, dates, document numbers, codes and a level asked about are blanked ("ตช.4",
    "ไตรมาส 2" and "ถึงระดับ 5" are not values).
    """
    # "…ต้องมีกี่เขตถึงจะผ่านคะ ขอบคุณค่ะ": thanks closing a question leave it a question
    norm = _THANKS_AFTER.sub("", normalize_text(said_by_sender(text)))
    norm = QUOTED_QUESTION.sub(" ", norm)  # "ที่ถามเมื่อวานว่า…ครบหรือยัง ครบแล้วค่ะ": the answer to it
    if not _QUERY.search(norm):
        return False
    table = read_table(norm)
    if table is not None and any(_A_NUMBER.fullmatch(row.result) for row in table.rows):
        return False  # "สรุปผลตัวชี้วัด …\nตัวชี้วัด\tผลงาน\tฐาน\tร้อยละ\n…": a sheet of results pasted, not asked
    unsure = _HOW_TO_REPORT.sub(" ", norm.lower())
    if unsure != norm.lower() and says_finished(unsure) and not asks(unsure):
        # "ขั้นตอน 3.1 กับ 3.2 ทำแล้วนะคะ … แบบนี้ต้องรายงานตรงไหนคะ": a report from someone unsure how to
        # report; confirming its items is the answer
        return False
    if _reported_then_asked(norm):
        return False
    said = _STATED_FIRST.match(norm)
    if said and not _QUERY.search(said.group(1)) and _states_a_value(said.group(1)):
        return False  # "One Platform ไตรมาส 2 ได้ 55% ค่ะ ต้องแนบหลักฐานด้วยไหมคะ": a report, then a question
    if _ASKED.search(norm):
        return True  # "ต้องได้กี่เปอร์เซ็นต์คะ", "ตรวจครบ 6 ครั้งหรือยังคะ": asked, whatever numbers it holds
    return not _states_a_value(norm)


def asked_outright(text: str) -> bool:
    """Put as a question ("ตัวไหนบ้าง", "หรือยังคะ", "กี่คะแนน"), not only holding words a question also uses
    ("สรุปผล", "สถานะ")."""
    return _ASKED.search(normalize_text(text)) is not None


def _reported_then_asked(norm: str) -> bool:
    """ "…ทำ Action Plan เสร็จแล้ว … มีคำสั่งแต่งตั้งคณะทำงานแล้วด้วยค่ะ ไม่แน่ใจว่าต้องแนบอะไรเพิ่มไหมคะ": work
    said done first, then a question on how to send it (its evidence, its form). Confirming the work
    is the answer; a question on the score or the status ("ได้กี่คะแนน") still goes to the query side."""
    parts = [q for p in SENTENCE.split(norm) for q in _ASKING_OPENS.split(p) if q.strip()]
    first_asked = next(
        (n for n, p in enumerate(parts) if _QUERY.search(p) and (asks(p) or _PUT_AS_QUESTION.search(p))), None
    )
    if not first_asked:
        return False
    before, asked = " ".join(parts[:first_asked]), " ".join(parts[first_asked:])
    return (
        says_finished(before)
        and not asks(before)
        and not _SCORE_OR_STATUS.search(asked)
        and _DONE_SAID.search(before) is not None
    )


def said_by_sender(text: str) -> str:
    """The message less the lines it quotes ("> หัวหน้า: KPI 2 ได้กี่โครงการแล้วครับ") when the sender's
    own lines state a value: then the quote is the question answered. A forward whose own lines only
    pass it on ("Fwd: …\n> … = 88.4%\nส่งต่อให้ลงระบบ") is read whole."""
    mine = without_quoted(text)
    return mine if mine != text and _states_a_value(normalize_text(mine)) else text


def _states_a_value(norm: str) -> bool:
    low = spell_out_numbers(norm).lower()
    spans = [
        *(p.span for p in find_periods(low, _ANY_DAY)),
        *find_dates(low),
        *(found.span() for pattern in (DOC_NUMBER, _CODE_WRITTEN, _LEVEL) for found in pattern.finditer(low)),
    ]
    return find_value(blank(low, spans)) is not None
