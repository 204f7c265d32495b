"""Which items a message says are finished, or not: milestones, conditions, checklist items, steps.

A reporter names an item by its number where the plan numbers its items ("ขั้นที่ 3", "ข้อ 1 และ 2",
"ส่วนที่ 1", "ทำถึงขั้น 3"), or in their own words ("ประชุมออนไลน์กับผู้แทน 50 เขตครบ 2 ครั้งแล้ว").
Numbers are exact: those items are taken as said. Words are matched to the item texts by IDF-weighted
character trigrams (the indicator matcher's method): words many items share weigh little, so "ประชุม"
alone names nothing, and two items that both fit are offered side by side rather than guessed. A
match by words, a stated level ("อยู่ระดับ 3") or stated points ("ได้ 35 คะแนน") is only proposed:
the reporter confirms it with a tap before anything is marked.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from pythainlp.tokenize import word_tokenize

from handlers.parse.indicator import _expand, _grams
from handlers.parse.item_words import (
    ACTIONS,
    ALL_BUT_LAST,
    ALL_OF_IT,
    ALL_ROUNDS,
    ALL_STEPS,
    ALL_SUBSTEPS,
    ALSO,
    ANNOUNCED,
    ANOTHER_NUMBERED,
    ANY_DAY,
    ASKED_OF_OTHERS,
    ASKING,
    ASKING_ITEM,
    ASKING_SAID,
    ATTENDANCE,
    AWAITING,
    BARE_SUMMARY,
    BECAUSE,
    CADENCE,
    CAME_BACK,
    CITED_LETTER,
    CLAUSE,
    CONTINUED,
    CORRECTED_TO,
    COUNT_OF_TIMES,
    CROSS,
    CUMULATIVE_CUE,
    CUMULATIVE_SAID,
    DATED_LINE,
    DIGIT,
    DONE,
    DONE_IN_PASSING,
    DONE_SINCE,
    DONE_THEN_MONTHS,
    EARLIER_SAID_ASIDE,
    EITHER_ASKED,
    EVERY_ROUND,
    EVIDENCE_ATTACHED,
    EVIDENCE_OF_REF,
    EXECUTIVES_AWAITED,
    EXECUTIVES_SAID,
    FIRST_HALF,
    FIRST_N,
    FIRST_TIME,
    FORM,
    GOING_ON_NOW,
    HANDED_ON,
    HEAD_ENDS,
    IN_PROGRESS,
    IN_USE_ITEM,
    IN_USE_SINCE,
    INSPECTION_TO_COME,
    INSTALLMENT,
    INSTALLMENT_SAID,
    ITEM_LINE,
    ITEM_NUMBERS,
    JOIN,
    LAST_WEEKDAY,
    LAST_YEAR,
    LEVEL_NOT_REACHED,
    LEVEL_STATED,
    LINE_SUB,
    LISTED_ACTION,
    LISTED_SUB,
    MARK_BEFORE,
    MARKED_NOT_DONE,
    MARKED_NUMBERS,
    MEASURED_COUNT,
    MEASURED_LEFT,
    MEMO_SUBJECT,
    MONTH_SHORT,
    MONTH_SPAN_ONLY,
    MONTHLY_REPORT,
    MONTHS_SHARE,
    MONTHS_SO_FAR,
    MONTHS_WORK,
    NAMES_A_NUMBER,
    NOT_DONE,
    NOT_OURS,
    NOT_STARTED,
    NOT_UNDONE,
    NOT_YET,
    NTH,
    NTH_ROUND,
    NUMBERED_LINE,
    ONE_ROUND,
    ONLY_REF,
    OPENS_WITH_IT,
    OTHERS_TO_DO,
    OVERRULED,
    PART,
    PART_COUNT_OPENS,
    PART_HEADING,
    PART_ITEM,
    PART_ITEM_LINE,
    PART_OF_WHOLE,
    PIPE_ROW,
    PLANNED_NEXT,
    POINTS,
    PROBLEMS_SAID,
    PROJECT_NAMED,
    PURPOSE,
    QUARTER_SAID,
    QUARTERLY,
    QUESTION,
    QUESTIONNAIRE,
    RANGE,
    REAL_TO_COME,
    REAL_USE,
    RECIPIENTS,
    RECURRING,
    REDUCED_TO,
    REF,
    REPORTED,
    RETRACT,
    RIGHT_BARE,
    RIGHT_POINTS,
    ROUND_MONTHS,
    ROUND_OF,
    ROUNDS_COUNTED,
    ROUNDS_SO_FAR,
    SAID_BEFORE,
    SALUTATION,
    SCHEDULE_SAID,
    SENT_BACK,
    SENT_OUT,
    SHORTFALL,
    SINCE_DATE,
    SMALL_NUMBERS,
    SOURCE_BEFORE,
    STEP_NUMBER_SAID,
    STEP_REF_OPENS,
    STILL_GOING,
    STRONG_UNDER_WAY,
    SUB_REF,
    SYNONYMS,
    TABLE_HEAD,
    TABLE_ROW_NUMBER,
    TEAM_SAID,
    THE_LAST,
    THE_ONE_LEFT,
    THEIRS,
    TIMES,
    TO_BE,
    TO_COME,
    TO_EXECUTIVES,
    TOLD_BY,
    TOTAL_POINTS,
    UNDER_WAY,
    USE_ITEM,
    WAITS_ON_SUPERIOR,
    WEEKDAY,
    WHOLE_REPORT,
)
from handlers.parse.normalize import match_key
from handlers.parse.period import find_periods, month_number
from handlers.parse.sections import DOC_NUMBER
from scoring.items import PlanItem, items_of, level_items, points_items, step_id
from scoring.plan import Indicator, Plan, RubricKind
from scoring.thai import MONTHS_FULL, thai_to_arabic_digits

Claim = Literal["level", "points"]

MIN_MASS = 6.0  # IDF mass of the text's trigrams an item must explain: about two distinctive words
ROUNDS_MASS = 2.0  # words enough to tie "ครบ 6 ครั้ง" to a recurring step when nothing else fits better
SHORT_ITEM = 15  # letters of an item told in a word or two ("ทดสอบระบบ")
MIN_SHARE = 0.45  # the share of the text (or of a short item) the item explains
MIN_RECALL = 0.05  # of a long item's own words, the least share a text must have unless it has many
SECOND_RECALL = 0.2  # of a second item's own words, the least share the rest of the text must say
NEAR_SHARE = 0.38  # a single item this close, far ahead of the rest, is proposed for a tap
CLEAR_MARGIN = 0.12
MARGIN = 0.12  # a rival closer than this is offered beside it, not ruled out
TWIN = 0.6  # Jaccard of a step's words and a scored item's at which the step's number names that item
RUN = 3  # trigrams in a chain: a word of six letters said whole
SHORT_FLOOR, SHORT_RECALL = 0.75, 0.2  # a clause said done, of few item words: most of one item's own
SIBLING_SHARED = 0.3  # a condition sharing this much of its words with another is told apart by the rest
SAME_FACT = 0.9  # a step whose text is this close to a scored item's is the same fact told twice


@dataclass(frozen=True)
class ItemClaims:
    """What one message says about one indicator's items."""

    done: tuple[str, ...] = ()  # named by number: taken as said
    undone: tuple[str, ...] = ()
    proposed: tuple[str, ...] = ()  # matched by words or making up a stated level/points: confirmed by tap
    proposed_undone: tuple[str, ...] = ()
    options: tuple[str, ...] = ()  # items that fit equally well: the reporter picks
    claim: Claim | None = None
    claimed: float | None = None  # the level or points stated

    @property
    def empty(self) -> bool:
        return not (self.done or self.undone or self.proposed or self.proposed_undone or self.options or self.claim)

    def confirmed_first(self) -> ItemClaims:
        """The same claims with every item, even one named by its number, waiting for the reporter's tap."""
        return replace(
            self,
            done=(),
            undone=(),
            proposed=(*self.done, *(i for i in self.proposed if i not in self.done)),
            proposed_undone=(*self.undone, *(i for i in self.proposed_undone if i not in self.undone)),
        )

    def as_json(self) -> dict[str, object]:
        return {
            "done": list(self.done),
            "undone": list(self.undone),
            "proposed": list(self.proposed),
            "proposed_undone": list(self.proposed_undone),
            "options": list(self.options),
            "claim": self.claim,
            "claimed": self.claimed,
        }


@dataclass
class _Acc:
    done: list[str] = field(default_factory=list)
    undone: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)
    proposed_undone: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # named in a clause that says they are not done yet
    whole_parts: list[str] = field(default_factory=list)  # done as part of a whole "ส่วนที่ 3 ครบแล้ว"
    last_numbered: list[str] = field(default_factory=list)  # named done by number in the clause before
    held: list[str] = field(default_factory=list)  # named done by number, then said to fall short
    last_words: list[str] = field(default_factory=list)  # matched by words in the clause before
    line_words: list[str] = field(default_factory=list)  # ``last_words`` as the line began
    line: str = ""  # the line being read, for what a clause cut short leaves to it
    clause_no: int = 0  # the clause being read
    words_at: int = -1  # the clause that set ``last_words``
    told_at: int = -1  # the last clause said done that named no item
    claim: Claim | None = None
    claimed: float | None = None
    retracts: bool = False
    all_rounds: bool = False  # "ครบทั้ง 2 รอบ" somewhere in the message: a recurring item is complete
    rounds_said: frozenset[int] = frozenset()  # the counts of those rounds, where said ("ครบ 6 ครั้ง")
    one_round: list[str] = field(default_factory=list)  # items told one round of, earlier in the message
    actions: frozenset[str] = frozenset()  # the actions ("สำรวจ", "ออกแบบ", …) said anywhere in the message
    first_undone: list[str] = field(default_factory=list)  # what the first clause saying "not done" named
    begun: list[str] = field(default_factory=list)  # named by number in a clause saying they are under way
    team_items: list[str] = field(default_factory=list)  # what the clause passing on the team's claim named
    team_at: int = -1  # that clause

    def add(self, kind: str, ids: list[str]) -> None:
        target: list[str] = getattr(self, kind)
        target.extend(i for i in ids if i not in target)

    def freeze(self) -> ItemClaims:
        if self.retracts and self.first_undone:
            # "ขอยกเลิกที่แจ้งว่าจัดทำสรุปผล…เสร็จแล้ว ตัวเล่มยังเป็น draft ผอ.ยังไม่ได้เห็นชอบ": what is taken
            # back is what the taking back named; the why after it is not more items undone
            self.proposed_undone = [i for i in self.proposed_undone if i in self.first_undone]
        # what is said not done by its number wins over it said done: in a message taking something back, and in
        # "ส่วนขั้น 5 ขึ้นเว็บแล้วก็จริง แต่… ขั้น 5 ยังไม่เสร็จ" (not marked done without a tap)
        self.done = [i for i in self.done if i not in self.undone]
        if self.retracts:  # a message that takes something back: what it says is not done wins
            not_done = set(self.undone) | set(self.proposed_undone)
            self.proposed = [i for i in self.proposed if i not in not_done]
        else:  # "แต่งตั้งทีมแล้ว ส่วนสำรวจแบบฟอร์มยังไม่ครบ" of one item: partly done, so neither
            both = set(self.proposed) & set(self.proposed_undone)
            self.proposed = [i for i in self.proposed if i not in both]
            self.proposed_undone = [i for i in self.proposed_undone if i not in both]
        # "ส่วนที่ 3 … เสร็จแล้ว … ส่วนแบบฟอร์ม 5 จะทำช่วง ส.ค.": the part less the item still to come
        self.done = [i for i in self.done if not (i in self.whole_parts and i in self.blocked) and i not in self.held]
        sure = set(self.done) | set(self.undone)
        proposed = [i for i in self.proposed if i not in sure and i not in self.blocked]
        proposed_undone = [i for i in self.proposed_undone if i not in sure]
        options = [i for i in self.options if i not in sure and i not in proposed]
        return ItemClaims(
            tuple(self.done),
            tuple(self.undone),
            tuple(proposed),
            tuple(proposed_undone),
            tuple(options) if len(options) > 1 else (),
            self.claim,
            self.claimed,
        )


def _numbers(nums: str) -> list[str]:
    """ "1 และ 2" → 1, 2; "1-3" → 1, 2, 3 (whole numbers only in a range)."""
    out: list[str] = []
    pieces = re.split(rf"({RANGE}|{JOIN})", nums)
    values = [p for p in pieces[0::2] if p.strip()]
    joins = pieces[1::2]
    for n, value in enumerate(values):
        value = value.strip()
        ranged = n and re.fullmatch(RANGE, joins[n - 1]) and out
        if ranged and out[-1].isdigit() and value.isdigit():
            out.extend(str(k) for k in range(int(out[-1]) + 1, int(value) + 1))
        elif ranged and _same_head(out[-1], value):
            head, lo, hi = value.rsplit(".", 1)[0], int(out[-1].rsplit(".", 1)[1]), int(value.rsplit(".", 1)[1])
            out.extend(f"{head}.{k}" for k in range(lo + 1, hi + 1))
        else:
            out.append(value)
    return out


def _part_carried(text: str) -> str:
    """ "ส่วนที่ 3 ข้อ 1.1 ผลผลิต ✔️\nข้อ 2.1 นำไปใช้จริง… ✔️\nข้อ 2.2 แบบฟอร์ม 5 … ยังไม่ได้ทำ": the lines that
    go on numbering items after a part's item are that part's too."""
    out: list[str] = []
    part: str | None = None
    for line in text.split("\n"):
        if (opened := PART_ITEM_LINE.match(line)) is not None:
            part = opened.group(1)
        elif part is not None and ITEM_LINE.match(line):
            line = f"ส่วนที่ {part} {line.strip()}"
        else:
            part = None
        out.append(line)
    return "\n".join(out)


def _part_heading_spread(m: re.Match[str]) -> str:
    """ "ส่วนที่3\n 1.1 ผลผลิต ✅\n 1.2 ผลลัพธ์ ❌": a part's heading says nothing itself; each line under it
    is that part's item ("ส่วนที่ 3 ข้อ 1.1 ผลผลิต ✅")."""
    part = m.group(1)
    return "".join(
        re.sub(r"^(\s*)(\d+\.\d+)", rf"\1ส่วนที่ {part} ข้อ \2", line) for line in m.group(2).splitlines(keepends=True)
    )


def _part_of_whole(low: str) -> bool:
    """Some of the whole, not all of it: the item is under way, not done."""
    return any(
        int(m.group(1) or m.group(3)) < int(m.group(2) or m.group(4))
        for m in PART_OF_WHOLE.finditer(thai_to_arabic_digits(low))
    )


def _memo_sent(m: re.Match[str]) -> str:
    """A letter's subject line pasted as it is: the letter was written and sent, unless it says otherwise."""
    line = m.group(0)
    return line if UNDER_WAY.search(line) or NOT_DONE.search(line) or DONE.search(line) else f"{line} แล้ว"


def _row_cells_joined(m: re.Match[str]) -> str:
    return " ".join(cell.strip() for cell in m.group(0).split("|") if cell.strip())


def _same_head(a: str, b: str) -> bool:
    """ "3.1" and "3.4" count on the same head (a range of sub-steps)."""
    return "." in a and "." in b and a.rsplit(".", 1)[0] == b.rsplit(".", 1)[0]


def _project_name_dropped(m: re.Match[str]) -> str:
    said = m.group(0)
    return said if DONE.search(said) or said.startswith("โครงการสำคัญ") else " โครงการ "


def _with_synonyms(text: str) -> str:
    for said, written in SYNONYMS.items():
        text = re.sub(
            rf"(?<!ต้องการ){said}", written, text, flags=re.IGNORECASE
        )  # "ความต้องการใช้ระบบ" is a need, not use
    return text


class ItemMatcher:
    """A plan's items, ready to be matched against messages (built once per plan, with the parser)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.items: dict[str, tuple[PlanItem, ...]] = {i.code: items_of(i) for i in plan.indicators()}
        self.indicators = {i.code: i for i in plan.indicators()}
        self._ids = {code: " ".join(i.id for i in items) for code, items in self.items.items()}
        self.grams: dict[tuple[str, str], set[str]] = {}
        for code, items in self.items.items():
            for item in items:
                self.grams[(code, item.id)] = _grams(match_key(_expand(_with_synonyms(_own_words(item.text)))))
        df: dict[str, int] = {}
        for gs in self.grams.values():
            for g in gs:
                df[g] = df.get(g, 0) + 1
        total = max(len(self.grams), 1)
        self.idf = {g: math.log((total + 1) / (d + 0.5)) for g, d in df.items()}
        self._mass = {k: math.fsum(self.idf[g] for g in gs) for k, gs in self.grams.items()}
        # What an item is, before what it is for ("จัดทำแผนปฏิบัติการ (Action Plan) เพื่อเป็นแนวทาง…"):
        # its words up to "เพื่อ".
        self._lead = {(code, item.id): _lead(item.text) for code, items in self.items.items() for item in items}
        # "แจ้งหน่วยงานแล้ว": a step named by its opening two words, which no other item of its indicator opens with.
        openings = {(code, item.id): _opening(item.text) for code, items in self.items.items() for item in items}
        self._opening = {
            k: o
            for k, o in openings.items()
            if o and sum(1 for j, p in openings.items() if j[0] == k[0] and p == o) == 1
        }
        self._head = {
            (code, item.id): _grams(match_key(_expand(_with_synonyms(HEAD_ENDS.split(_own_words(item.text), 1)[0]))))
            for code, items in self.items.items()
            for item in items
        }
        # A step printed with the same words as a milestone or condition is that item told twice
        # (K2's step 9 "ใช้งานระบบ" is the use-system condition): its number names the scored item.
        self.twin: dict[tuple[str, str], str] = {}
        # Twins that tell more than the step (a report to the executives): its number is confirmed by tap.
        self.loose_twins: set[tuple[str, str]] = set()
        for code, items in self.items.items():
            for step in (i for i in items if not i.scored):
                mine = self.grams[(code, step.id)]
                for other in (i for i in items if i.scored):
                    theirs = self.grams[(code, other.id)]
                    if mine and len(mine & theirs) / len(mine | theirs) >= TWIN:
                        self.twin[(code, step.id)] = other.id
                        break
        # A step that ends in the report to the executives a condition asks for (KPI 5's step 4
        # "…Dashboard… นำเสนอเรียนผู้บริหาร") is that condition's fact when done.
        for code, items in self.items.items():
            to_executives = [i for i in items if i.kind == "condition" and TO_EXECUTIVES.search(i.text)]
            if len(to_executives) != 1:
                continue
            for step in (i for i in items if i.kind == "step" and TO_EXECUTIVES.search(i.text)):
                if (code, step.id) not in self.twin:
                    self.twin[(code, step.id)] = to_executives[0].id
                    self.loose_twins.add((code, to_executives[0].id))
        # The rounds an item needs ("ครบ 2 ครั้ง", "(๒ ครั้ง/ปี)"), read once from its text.
        self._times: dict[tuple[str, str], int] = {
            (code, item.id): int(found.group(1))
            for code, items in self.items.items()
            for item in items
            if (found := TIMES.search(thai_to_arabic_digits(item.text)))
        }
        # The numbered forms the plan lists as an item's evidence ("(แบบฟอร์ม 2)"): a form said names its item.
        self._forms: dict[str, dict[str, str]] = {}
        for code, items in self.items.items():
            for item in items:
                for said in item.evidence:
                    for n in FORM.findall(thai_to_arabic_digits(said)):
                        self._forms.setdefault(code, {}).setdefault(n, item.id)
        # The item that is the system in use and nothing more ("ใช้งานระบบฯ"), where an indicator has one.
        self._in_use_item = {
            code: next((i.id for i in items if i.scored and IN_USE_ITEM.match(_own_words(i.text))), None)
            for code, items in self.items.items()
        }
        # Items that are a thing put to use ("มีการนำนวัตกรรมไปใช้…", "ใช้งานระบบฯ"): used by some is used, so a
        # part of a whole after them ("ใช้จริงแล้ว 3 จาก 5 กลุ่มงาน") is how widely, not how far.
        self._use_items = {
            (code, i.id)
            for code, items in self.items.items()
            for i in items
            if USE_ITEM.search(_own_words(i.text)) or IN_USE_ITEM.match(_own_words(i.text))
        }
        # Every word of an indicator's items: what in a text can be item words at all.
        self._code_grams = {
            code: set().union(*(self.grams[(code, i.id)] for i in items)) for code, items in self.items.items()
        }
        # Items printed as a numbered list of several actions: done only when all of them are.
        self._listed_actions = {
            (code, item.id)
            for code, items in self.items.items()
            for item in items
            if len(LISTED_ACTION.findall(item.text)) >= 2
        }
        # Conditions made of several actions ("วิเคราะห์กระบวนงาน ออกแบบ และพัฒนาระบบ"): done when all are said.
        self._action_conditions = {
            code: [
                (i.id, acts)
                for i in items
                if i.kind == "condition" and len(acts := frozenset(a for a in ACTIONS if a in i.text)) >= 2
            ]
            for code, items in self.items.items()
        }
        # The words that name an indicator say which one the message is about, not which item.
        self.name_grams = {
            i.code: set().union(*(_grams(match_key(_expand(n))) for n in (i.name, *i.aliases)))
            for i in plan.indicators()
        }
        # An item's words that are not its indicator's name: all a message can say of it once the
        # name is left out ("การศึกษาสำรวจสิ่งอำนวยความสะดวก" of "…การจัดสิ่งอำนวยความสะดวก…" is "ศึกษาสำรวจ").
        self._distinct_mass = {
            (code, item): math.fsum(self.idf[g] for g in gs - self.name_grams.get(code, set()))
            for (code, item), gs in self.grams.items()
        }

    def own_items_said(self, text: str, codes: list[str]) -> str | None:
        """The one of ``codes`` (indicators whose items all fit the text) whose items alone hold words the text
        says ("…ส่วนการพัฒนาระบบอยู่ระหว่างประสานฝ่ายบริหารงานทั่วไป": K2's step 6 names that office, K3's
        names สยป.), far ahead of any other's words of its own."""
        query = _grams(match_key(_expand(text)))
        own = {
            c: self._code_grams.get(c, set()) - set().union(*(self._code_grams.get(o, set()) for o in codes if o != c))
            for c in codes
        }
        mass = {c: math.fsum(self.idf.get(g, 0.0) for g in query & grams) for c, grams in own.items()}
        ahead = [c for c in codes if mass[c] >= MIN_MASS]
        if len(ahead) == 1 and all(3 * mass[c] <= mass[ahead[0]] for c in codes if c != ahead[0]):
            return ahead[0]
        return None

    def lacks_step_said(self, code: str, text: str) -> bool:
        """ "ขั้นตอนที่ 5 …" said of an indicator with no step 5 (and no level 5): not that indicator's work."""
        ids = self._ids.get(code, "").split()
        for m in STEP_NUMBER_SAID.finditer(thai_to_arabic_digits(text)):
            if step_id(m.group(1)) not in ids and m.group(1) not in ids:
                return True
        return False

    def has_items(self, code: str) -> bool:
        return bool(self.items.get(code))

    # --- the claims of one message ----------------------------------------------------------

    def claims(self, code: str, text: str) -> ItemClaims:
        indicator = self.indicators.get(code)
        if indicator is None or not self.items.get(code):
            return ItemClaims()
        either = EITHER_ASKED.search(text)
        if either and text.rfind("\n", 0, either.start()) > 0 and not ASKING.match(text):
            # "…เสร็จครบเมื่อ 31 มี.ค.\nสงสัยว่าข้อ 4 ต้อง…หรือเปล่าคะ": the work told, then a question on a
            # line of its own
            text, either = text[: text.rfind("\n", 0, either.start())], None
        if ASKING.match(text) or either:
            return ItemClaims()  # "สอบถามค่ะ …", "… หรือเฉพาะ…แล้วคะ": the whole message is a question
        before: tuple[bool, bool] = (False, False)
        retracts = bool(RETRACT.search(text))
        acc = _Acc(
            retracts=retracts,
            all_rounds=bool(ALL_ROUNDS.search(text)),
            rounds_said=frozenset(
                int(n) for m in ROUNDS_COUNTED.finditer(text) if (n := m.group(1) or m.group(2) or m.group(3))
            ),
            # "ออกแบบระบบเสร็จแล้ว ตอนนี้กำลังพัฒนาระบบอยู่": an action still going on is not said, nor one said
            # not done ("ส่วนพัฒนายังไม่เสร็จ"), nor what a correction takes back ("ที่แจ้งว่า…พัฒนาระบบเสร็จแล้ว")
            actions=frozenset(
                a
                for clause in _clauses(text)
                if not ((STRONG_UNDER_WAY.search(clause) or STILL_GOING.search(clause)) and not DONE.search(clause))
                and not NOT_DONE.search(clause)
                and not (retracts and SAID_BEFORE.search(clause))
                for a in ACTIONS
                if a in clause
            ),
        )
        text = CITED_LETTER.sub(" ", text)  # "ตามหนังสือที่ กท 0002/1187": evidence, not the words of an item
        # "ลงนามสัญญาแล้ว ไม่ใช่ 'รอลงนาม'", "หนังสือแจ้ง…ไม่ใช่ยังไม่ทำนะครับ": not "not done" is done; "(รอบก่อนผม
        # แจ้งว่ายังไม่ออก)": what was told before, set aside in brackets, is not what the message says now
        text = EARLIER_SAID_ASIDE.sub(" ", NOT_UNDONE.sub(" แล้ว ", text))
        text = SALUTATION.sub(" ", text)  # "เรียนหัวหน้ากลุ่มงาน…": to whom it is written, not the head's approval
        if not retracts:
            text = INSPECTION_TO_COME.sub(lambda m: m.group(0).replace("ตรวจรับ", "ตรวจ"), text)
        # "เมื่อวันจันทร์": a day gone by, like "เมื่อวาน"; a weekday's letters are no item's ("…หน่วยงานทราบ")
        text = WEEKDAY.sub(" ", LAST_WEEKDAY.sub("เมื่อวาน", text))
        text = thai_to_arabic_digits(text)
        if head := TABLE_HEAD.search(text):
            # a row's level is its milestone ("ขั้นที่ n" on a ladder), not a level claimed
            word = "ขั้นที่" if head.group(1) == "ระดับ" else head.group(1)
            text = text[: head.end()] + TABLE_ROW_NUMBER.sub(f"{word} ", text[head.end() :])
        if len(MARKED_NUMBERS.findall(text)) >= 3:
            numbered = any(i.kind == "checklist" and i.no is not None for i in self.items[code])
            text = MARKED_NUMBERS.sub(rf"{'ข้อ' if numbered else 'ขั้นที่'} \1 ", text)
        # "| 2 ประกวดราคา e-bidding | ✓ |", "1 เวียนแจ้งกำหนดการ/เกณฑ์ | 5 | ✅": one row, one clause
        text = PIPE_ROW.sub(_row_cells_joined, text)
        # "- 15 พ.ย. เก็บกลับ 48 ชุด": a line of a dated account tells what was done that day
        text = DATED_LINE.sub(r"\g<0> แล้ว", text)
        text = _done_as_follows(text)  # "ดำเนินการแล้ว ดังนี้\n- …\n- …": each line listed is done
        text = _five_questions(text)  # "ทำอะไร: …\nเมื่อไร: …\nเรียบร้อยค่ะ": the work asked about, said done
        text = _COUNTED_THEN_LISTED.sub(_counted_then_listed, text)
        text = MEMO_SUBJECT.sub(_memo_sent, text)  # "เรื่อง ขอเชิญผู้แทนประชาชน…": the letter pasted is the letter sent
        text = _part_carried(PART_HEADING.sub(_part_heading_spread, text))
        text = DONE_THEN_MONTHS.sub(_months_so_far, text)
        but_last = self._all_but_last_unnumbered(indicator, text)
        text = self._ordinals_numbered(indicator, text)
        text = THE_ONE_LEFT.sub(" ", text)  # "ที่เหลืออีกข้อเดียว ประเมินผล… เสร็จแล้ว": that one, done
        if "คะแนน" in text:
            text = RIGHT_BARE.sub(r"\g<0> คะแนน", text)  # "ได้ 75 คะแนน ที่ถูกคือ 55 นะคะ": 55 points
        text = "\n".join(_marks_leading(line) for line in text.split("\n"))
        # "ขั้น3.1✅ 3.2✅ 3.3✅": a bare number marked, on a line of marked steps, is the next step
        text = _BARE_MARKED.sub(r" ขั้นที่ \1", text)
        # "❌ เสนอ กก.กิจการสภา / นำเรียนประธานสภาฯ": a line a mark opens is one item, its parts joined by "/"
        text = _MARKED_LINE.sub(lambda m: _SLASH.sub(" และ ", m.group(0)), text)
        text = REDUCED_TO.sub(r"\1→", text)  # "ลดเวลาจาก 2 วัน เหลือ 10 นาที", "…เหลือครึ่งวัน": a result, not what is left
        lines = list(NUMBERED_LINE.finditer(text))
        # "1. ลงพื้นที่ชุมชน ✅\n2. แจ้งหน่วยงาน ✅\n3. …": the step table's status, a line a step, unless a
        # line's words name another step than its number
        on_ladder = indicator.rubric is not None and indicator.rubric.kind is RubricKind.ladder  # ขั้น n: milestone n
        if (
            len(lines) >= 3
            and not on_ladder
            and [int(m.group("n")) for m in lines] == list(range(1, len(lines) + 1))
            and False not in (fits := [self._line_is_step(indicator, m) for m in lines])
            and True in fits
        ):
            text = NUMBERED_LINE.sub(r"\g<lead>ขั้นที่ \g<n> \g<rest>", text)
        subs = {i.id.removeprefix("step-") for i in self.items[code] if i.kind == "step" and "." in i.id}
        if len([m for m in LINE_SUB.finditer(text) if m.group(1) in subs]) >= 2:
            # "3.3 ลงเว็บครั้งที่ 1 ✅\n3.4 …⏳\n3.5 ความพึงพอใจ ❌": the plan's sub-steps, a line each
            text = LINE_SUB.sub(lambda m: f"ขั้นที่ {m.group(1)}" if m.group(1) in subs else m.group(0), text)
        if SUB_REF.search(text):
            # "ขั้นที่ 3.1 …\n3.2 …", "ขั้นตอน 3.1 ลงทะเบียน… กับ 3.2 …": the list goes on
            text = LISTED_SUB.sub(_as_step_ref, text)
        if QUESTIONNAIRE.search(text):
            # "ทอดแบบสอบถามแล้ว … สรุปผลเสร็จแล้ว": the summary of that questionnaire
            text = BARE_SUMMARY.sub("สรุปข้อมูลที่ได้รับจากแบบสอบถาม", text)
            if any("ทอดแบบสอบถาม" in i.text for i in self.items[code]) and SENT_OUT.search(text):
                # "แบบสอบถามที่ส่งให้ ส.ก. … ได้คืนมา 38 ชุด": forms sent out and come back went out; "ได้คืน
                # 35 ชุด สรุปผลเสร็จ" alone tells the summary
                text = CAME_BACK.sub(r"ทอดแบบสอบถามแล้ว \g<0>", text, count=1)
        told: list[tuple[set[str], list[str], bool]] = []  # each clause's actions, its items, whether said done
        for line in _with_synonyms(PROJECT_NAMED.sub(_project_name_dropped, text)).split("\n"):
            acc.line_words = acc.last_words  # what a line's shortfall may hold back: its own items only
            acc.line = thai_to_arabic_digits(line.lower())
            for n_in_line, clause in enumerate(_clauses(line)):
                numbered_before = acc.last_numbered
                proposed_before = list(acc.proposed)
                undone_before = {*acc.undone, *acc.proposed_undone}
                acc.clause_no += 1
                low_clause = clause.lower()
                if acc.team_at == acc.clause_no - 1 and OVERRULED.match(low_clause):
                    # "ที่น้องบอกว่าประชุมคณะทำงานแล้ว / พี่เช็คแล้วยังไม่ได้จัด": the team's claim overruled
                    for kind in ("done", "proposed"):
                        setattr(acc, kind, [i for i in getattr(acc, kind) if i not in acc.team_items])
                    acc.add("proposed_undone", acc.team_items)
                    acc.last_words, acc.last_numbered = [], []
                    before = (False, True)
                    continue
                said_before = [*acc.done, *acc.proposed]
                before = self._clause(indicator, clause, acc, before, retracts)
                if TEAM_SAID.search(low_clause) and before[0] and not before[1]:
                    acc.team_items = [i for i in (*acc.done, *acc.proposed) if i not in said_before]
                    acc.team_at = acc.clause_no
                if before[0] and acc.words_at != acc.clause_no:
                    acc.told_at = acc.clause_no  # said done, naming no item: a statement of its own
                if not acc.first_undone or ALSO.search(clause):
                    # the first clause saying "not done", and any that says "also not yet" ("…ก็ยังไม่ได้ส่ง")
                    acc.first_undone += [i for i in (*acc.undone, *acc.proposed_undone) if i not in undone_before]
                told_on = (
                    n_in_line > 0
                    and before == (False, False)
                    and acc.proposed == proposed_before
                    and acc.words_at != acc.clause_no
                    and not ANOTHER_NUMBERED.search(clause)
                )
                if acc.last_numbered is numbered_before and not told_on:
                    # only the clause right before a shortfall is held back by it, or the one before a
                    # clause that only tells more of it ("ขั้นที่ 5 ประชุมไปแล้วเมื่อ 12 ม.ค. / ชี้แจงโครงการ…")
                    acc.last_numbered = []
                # actions said done, or told beside them as how it was done ("ทำตามผลสำรวจความต้องการ…")
                plain = not (
                    UNDER_WAY.search(clause)
                    or NOT_DONE.search(clause)
                    or QUESTION.search(clause)
                    or TO_BE.search(clause)
                )
                # "เพราะเกณฑ์เขียนว่าต้องพัฒนาระบบด้วย": a reason gives no action told
                reason = clause.lstrip().startswith(("เพราะ", "เนื่องจาก"))
                acts = (
                    {a for a in ACTIONS if a in clause}
                    # not what a clause says is not done, nor what a correction takes back ("ที่บอกว่าพัฒนาระบบเสร็จแล้ว")
                    if (before == (True, False) or (plain and not before[1])) and not reason
                    else set()
                )
                told.append((acts, [i for i in acc.proposed if i not in proposed_before], before == (True, False)))
        self._whole_condition(code, told, acc)
        if but_last and not acc.retracts:
            acc.add("proposed", [i for i in but_last if i not in acc.undone and i not in acc.proposed_undone])
        if said := list(EXECUTIVES_SAID.finditer(text)):
            # "Dashboard … ทำเสร็จแล้ว รอนำเสนอผู้บริหาร": the report to them still to come
            pending = all(EXECUTIVES_AWAITED.search(text[max(0, m.start() - 14) : m.start()]) for m in said)
            self._to_executives(code, acc, pending)
        return acc.freeze()

    def _all_but_last_unnumbered(self, indicator: Indicator, text: str) -> list[str]:
        """ "นวัตกรรมสภาฯ ทำครบทุกข้อยกเว้นข้อสุดท้ายค่ะ": on a checklist whose items carry no numbers to say,
        every item but the last in the plan's order, for a tap."""
        found = ALL_BUT_LAST.search(text)
        items = [i for i in self.items[indicator.code] if i.kind == "checklist"]
        if found is None or not found.group("word").startswith("ข้อ") or len(items) < 3:
            return []
        if any(i.no is not None for i in items):
            return []  # numbered: "ข้อ 1-4", read as the numbers
        return [i.id for i in items[:-1]]

    def _ordinals_numbered(self, indicator: Indicator, text: str) -> str:
        """ "สองขั้นแรก", "ขั้นสุดท้าย", "ทุกข้อยกเว้นข้อสุดท้าย": items counted from either end of the
        plan's order, said as the numbers they stand for ("ขั้นที่ 1-2") so that they read as numbered
        references do. The last is the last step of the table (for "ขั้นตอน", or on an indicator without a
        ladder), the top milestone of a ladder, the last numbered item of a checklist."""
        items = self.items[indicator.code]
        ladder = indicator.rubric is not None and indicator.rubric.kind is RubricKind.ladder
        steps = [i.id.removeprefix("step-") for i in items if i.kind == "step" and "(" not in i.id]
        numbered = [i.id for i in items if i.kind == "checklist" and i.no is not None]
        levels = [i.id for i in items if i.kind == "milestone"]

        def last(word: str) -> str | None:
            if word.startswith("ข้อ"):
                return numbered[-1] if numbered else None
            if ladder and not word.startswith("ขั้นตอน") and levels:
                return levels[-1]
            return steps[-1] if steps and steps[-1].isdigit() else None

        def first_n(m: re.Match[str]) -> str:
            word = "ขั้นตอน" if m.group("of") else m.group("word")
            n = int(m.group("n")) if m.group("n") else SMALL_NUMBERS.get(m.group("nw") or "", 1)
            lead = "ข้อ " if word.startswith("ข้อ") else f"{word}ที่ "
            return f"{lead}1" + (f"-{n}" if n > 1 else "") + (m.group("of") or "")

        def all_but_last(m: re.Match[str]) -> str:
            end = last(m.group("word"))
            if end is None or not end.isdigit() or int(end) < 3:
                return m.group(0)
            lead = "ข้อ " if m.group("word").startswith("ข้อ") else f"{m.group('word')}ที่ "
            return f"{lead}1-{int(end) - 1}"

        def the_last(m: re.Match[str]) -> str:
            end = last(m.group("word"))
            if end is None:
                return m.group(0)
            return ("ข้อ " if m.group("word").startswith("ข้อ") else f"{m.group('word')}ที่ ") + end

        def first_half(m: re.Match[str]) -> str:
            end = last(m.group("word"))
            if end is None or not end.isdigit() or int(end) % 2:
                return m.group(0)
            return ("ข้อ " if m.group("word").startswith("ข้อ") else "ขั้นตอนที่ ") + f"1-{int(end) // 2}"

        text = ALL_BUT_LAST.sub(all_but_last, text)
        text = FIRST_HALF.sub(first_half, text)
        text = FIRST_N.sub(first_n, text)
        return THE_LAST.sub(the_last, text)

    def _whole_condition(self, code: str, told: list[tuple[set[str], list[str], bool]], acc: _Acc) -> None:
        """ "สำรวจความต้องการแล้ว ออกแบบเสร็จ สยป.พัฒนาระบบเสร็จแล้ว": every action of a condition made of
        several, said done across the message, is that condition; the steps those clauses named are its
        parts, not news of their own."""
        for condition, actions in self._action_conditions.get(code, ()):
            telling = [(acts, added, done) for acts, added, done in told if acts & actions]
            if not any(done for *_, done in telling) or not set().union(*(acts for acts, *_ in telling)) >= actions:
                continue
            # its parts are the steps that are its actions ("วิเคราะห์กระบวนงาน… ออกแบบระบบ"), not another step told
            # in the same clause ("…พัฒนาระบบเสร็จ … ทดสอบระบบผ่านแล้ว")
            parts = {
                i
                for _, added, _ in telling
                for i in added
                if i != condition and i.startswith("step-") and any(a in self._text(code, i) for a in actions)
            }
            acc.proposed = [i for i in acc.proposed if i not in parts]
            acc.add("proposed", [condition])

    def _to_executives(self, code: str, acc: _Acc, pending: bool) -> None:
        """A message that tells of the report to the executives ("Dashboard … นำเสนอผู้บริหารแล้ว") makes
        the step ending in that report the condition itself, for a tap; without them the step is the
        analysis and Dashboard alone, as reporters count it. Told as still to come ("รอนำเสนอผู้บริหาร"),
        the step that ends in it is not done."""
        for (c, step), twin in self.twin.items():
            if c != code or (code, twin) not in self.loose_twins:
                continue
            for kind, to in (("done", "proposed"), ("proposed", "proposed"), ("undone", "proposed_undone")):
                found: list[str] = getattr(acc, kind)
                if step in found:
                    found.remove(step)
                    if not (pending and to == "proposed"):
                        acc.add(to, [twin])
            for kind in ("proposed_undone", "options", "blocked", "last_words", "first_undone"):
                found = getattr(acc, kind)
                if step in found:
                    found[found.index(step)] = twin
            if pending and not acc.retracts and twin not in acc.proposed:
                # "ทำ Dashboard เสร็จแล้ว แต่ยังไม่ได้นำเสนอผู้บริหาร": the step is not done, nor taken back
                acc.proposed_undone = [i for i in acc.proposed_undone if i != twin]

    def _clause(
        self, indicator: Indicator, clause: str, acc: _Acc, before: tuple[bool, bool], retracts: bool = False
    ) -> tuple[bool, bool]:
        """One clause; ``before`` is the previous clause's (finished, negated), for "ขั้นที่ 4 ด้วย".
        In a message that takes something back ("ขอแก้", "ยกเลิก"), "ยังไม่ได้…" says it is not done;
        elsewhere it says it has not started, which changes nothing."""
        low = clause.lower()
        negated = bool(NOT_DONE.search(low)) or (retracts and bool(SAID_BEFORE.search(low)))
        own = OTHERS_TO_DO.sub(" ", low)  # "ส่งรายชื่อให้หน่วยงานเตรียมรายงานแล้ว": theirs to prepare, not ours
        under_way = bool(UNDER_WAY.search(NOT_STARTED.sub(" ", own) if retracts else own))
        if under_way and REF.search(low) and DONE.search(low) and not STRONG_UNDER_WAY.search(low):
            under_way = False  # "ขั้นตอนที่ 4 วางแผนงานปีงบ 63 เสร็จแล้ว": the step's own words, said done
        if retracts and negated:
            under_way = False  # "ขอแก้ ขั้นที่ 5 ยังไม่เสร็จ เหลืออีก 9 หน่วยงาน": taken back, whatever is left
        # "ใช้จริง…ตั้งแต่ 1 ส.ค.", "ใช้ระบบจริงกับการประชุม…": in use
        if under_way and not negated and not retracts:
            acc.add("begun", [i for m in REF.finditer(low) for i in self._refs(indicator, m)[0]])
        in_use = self._in_real_use(indicator, low)
        # "เริ่มใช้จริงในการประชุมสภา… ตั้งแต่ 15 มิ.ย.": put to use on a day gone by
        real_since = self._real_use(low) and re.search(SINCE_DATE, low)
        finished = bool(DONE.search(low) or IN_USE_SINCE.search(low) or in_use or real_since)
        if CORRECTED_TO.match(low):
            # "ขอแก้เป็นระดับ 3": what is right now, said as done
            negated, under_way, finished = False, False, True
        if not (negated or finished or under_way) and (CONTINUED.search(low) or ONLY_REF.match(low)):
            finished, negated = before
        if QUESTION.search(ASKED_OF_OTHERS.sub(" ", low)):
            return False, False  # "ส่งแล้วหรือยัง": asked
        if (nth := ROUND_OF.match(thai_to_arabic_digits(low))) and int(nth.group(1)) < int(nth.group(2)) <= 12:
            acc.add("blocked", acc.last_words)  # "… นำเรียนผู้บริหารแล้ว / เป็นครั้งที่ 1 จาก 2 ครั้ง": one round
        if (
            SENT_BACK.search(low)
            and (negated or not finished)  # "…ที่ตีกลับไปรอบก่อน แก้ส่งครบแล้ว": sent back, then done
            and not self._names_another(indicator.code, low, acc.last_words, acc.last_numbered)
        ):
            # "ขั้นตอนที่ 4 สรุปนำเรียนท่านรองฯ ไปแล้ว / ท่านตีกลับให้แก้ ถือว่ายังไม่เสร็จ": the item before was
            # sent back, so it is not done; said so plainly, it is taken back
            acc.add("held", acc.last_numbered)
            acc.add("blocked", acc.last_words)
            if negated:
                acc.add("undone", acc.last_numbered)
                acc.add("proposed_undone", acc.last_words)
            acc.last_numbered, acc.last_words = [], []
            return False, negated
        if SHORTFALL.match(low):
            # "… แจ้งหน่วยงานไปแล้ว / 190 ข้อ / ที่เหลือรอ…": what falls short is what was told just before
            if (
                acc.last_words is not acc.line_words
                and acc.words_at > acc.told_at
                # "… เสนอผู้บริหารแล้ว / ส่วนติดตามรายเดือนยังเหลือรอบ ก.ย.": another item falls short
                and not self._names_another(indicator.code, low, acc.last_words)
                # "ติดตาม…ครบ ๑๒ ครั้งแล้ว ข้อสั่งการค้างเหลือ ๑๘ ข้อ": the directives still open are what the
                # indicator measures, not a shortfall of the work told
                and not (MEASURED_COUNT.search(thai_to_arabic_digits(low)) and MEASURED_LEFT.search(acc.line))
            ):  # "⏳ คัดเลือก… 10 โครงการ รออีก 2": not the line above's
                acc.add("blocked", acc.last_words)  # "… ได้รับแล้ว 41 เขต / ยังขาดอีก 9 เขต": the item before
            if not NAMES_A_NUMBER.search(low):
                acc.add("held", acc.last_numbered)  # "ขั้นตอนที่ 3 … แล้ว ที่เหลือรอ…": by number, not done either
        elif AWAITING.match(low) and not self._names_another(indicator.code, low, acc.last_words, acc.last_numbered):
            # "ส่วนที่ 2 ส่งแบบฟอร์ม 3 … ให้คณะกรรมการกลั่นกรองแล้ว / รอผลพิจารณา": sent, not yet passed
            # ("… ก็ผ่านแล้ว / รอลงนามสัญญา" awaits the next step, which its words name)
            acc.add("held", acc.last_numbered)
            acc.add("blocked", [i for i in acc.last_words if not self._purpose_awaited(indicator.code, i, low)])
        elif PART_COUNT_OPENS.match(thai_to_arabic_digits(low)) and _part_of_whole(low):
            # "ขั้นที่ 3 … ไปแล้ว / 9 จาก 12 โครงการ", "ทดสอบระบบ…ไปแล้ว / 8 คณะ จาก 12 คณะ": how far the item
            # in the clause right before has got, not all the way (a count of directives or complaints done
            # is the indicator's own measure)
            acc.add("held", acc.last_numbered)
            used = any((indicator.code, i) in self._use_items for i in acc.last_words)
            if acc.words_at == acc.clause_no - 1 and not MEASURED_COUNT.search(low) and not used:
                # "…1 ชิ้น … เอาไปใช้จริงแล้ว / 3 จาก 5 กลุ่มงาน": how widely it is used, not how far the rest got
                acc.add("blocked", acc.last_words)
        elif ANOTHER_NUMBERED.search(low):
            acc.last_words = []  # "… (3.1) ครบแล้ว แต่ 3.2 / ยังเหลือ 5 ฉบับ": what is left is another item's
        elif REAL_TO_COME.search(low) and acc.last_numbered:
            acc.add("held", acc.last_numbered)  # "ขั้นตอนที่ 3 แบบประเมินทดลองใช้…แล้ว / จะประเมินจริงเดือน ส.ค."
        elif (
            NOT_YET.match(low)
            and not self._says_other_words(indicator.code, low, acc.last_words)
            # "ระบบ…พัฒนาเสร็จแล้ว / แต่ยังไม่ได้ประชาสัมพันธ์ให้หน่วยงานทราบ": another item not done, named
            and not self._names_another(indicator.code, NOT_YET.sub(" ", low, count=1), acc.last_words)
        ):
            acc.add("blocked", acc.last_words)  # "infographic ทำเสร็จแล้ว แต่ยังไม่ได้เผยแพร่": half of it
        elif (
            acc.last_words
            and under_way
            and (not finished or STRONG_UNDER_WAY.search(low))
            and not INSTALLMENT.search(thai_to_arabic_digits(low))  # "ส่วนงวด ๒ กับ ๓ จะส่งมอบปี ๖๓": others
            and not low.lstrip().startswith("(")  # "ครบ 12 ชุดแล้ว (เริ่มนำเข้า เม.ย. …)": how it got there
            and not MEASURED_LEFT.search(thai_to_arabic_digits(low))
        ):
            # "แจ้งเขตทราบแล้ว ส่วนการประชาสัมพันธ์ผ่านเว็บไซต์ รอฝ่าย IT อัปโหลด": the other half of the
            # same milestone is still under way
            # "ประสาน สยป.ทำระบบแล้ว / สยป.แจ้งว่าจะเสร็จปลาย มี.ค.": who tells what comes is not what comes
            told = TOLD_BY.sub(" ", low)
            chosen, options = self.by_words(indicator.code, told)
            acts = [a for a in ACTIONS if a in low]
            # "…เสนอชุดข้อมูล 10 ชุด ครบแล้ว / นำเสนอ กก.ธรรมาภิบาลข้อมูล เลื่อนไปเดือนหน้า": another item put off
            another = (
                bool(chosen)
                and not set(chosen) & set(acc.last_words)
                and self._own_words_mass(indicator.code, told, chosen, acc.last_words) >= MIN_MASS / 2
            )
            acc.add(
                "blocked",
                [
                    i
                    for i in acc.last_words
                    if not another
                    and (i in chosen or self._words_within(indicator.code, i, told))
                    and not self._purpose_awaited(indicator.code, i, told)
                    # "ประสาน…ให้จัดทำระบบแล้ว / ตอนนี้ฝ่ายบริหารฯ กำลังพัฒนา": another action going on, by whom
                    # the item before went to, not that item
                    and not (acts and not any(a in self._text(indicator.code, i) for a in acts))
                ],
            )
        if (
            acc.last_numbered
            and under_way
            and not negated
            and not finished
            and not INSTALLMENT.search(thai_to_arabic_digits(low))
            and not REF.search(low)
            and not AWAITING.match(low)
            and not WAITS_ON_SUPERIOR.search(low)  # "ตอนนี้รอท่านประธานสภามอบ…": the next stage, theirs
        ):
            # "ขั้น ๕ แจ้งผลให้สำนักงานเขตทราบแล้ว / ส่วนประชาสัมพันธ์ผ่านเว็บไซต์สภา ยังรอ IT อัปโหลด": the rest of
            # the item named by its number is still under way, so it is not done
            chosen, options = self.by_words(indicator.code, low)
            named = {*chosen} | {self._twin_of(indicator.code, i, low) for i in chosen} if len(chosen) == 1 else set()
            acc.add("held", [i for i in acc.last_numbered if i in named])
        if LAST_YEAR.match(low):
            return False, False  # last year's, told to compare
        if acc.last_numbered and MONTH_SPAN_ONLY.fullmatch(low):
            # "ขั้น ๓ ติดตามรายเดือน ✓ / ต.ค.–ธ.ค.": those months of a recurring step, not the whole of it
            acc.add(
                "held",
                [
                    i
                    for i in acc.last_numbered
                    if not acc.all_rounds  # "ครบทุกรอบแล้ว (พ.ย.66–ส.ค.67)": the months of the whole series
                    and self._one_round_of_item(indicator, i, low)
                ],
            )
            return before
        if THEIRS.search(low):
            return False, False  # another unit's own work, whatever it shares with an item
        if NOT_OURS.match(low):
            if acc.words_at == acc.clause_no - 1:  # the clause right before is what is disowned
                acc.add("blocked", acc.last_words)
                acc.last_words = []
            return False, False
        if HANDED_ON.match(low):
            return before  # "ส่งให้หัวหน้ากลุ่มงานดูแล้ว": the item before handed on, not an item of its own
        if (evidence := EVIDENCE_OF_REF.match(low)) and not negated and (ref := REF.match(low, evidence.end())):
            evidenced, kind = self._refs(indicator, ref)
            if kind == "items" and evidenced:
                acc.add("proposed", evidenced)
                acc.last_words, acc.words_at = evidenced, acc.clause_no
            return before
        if (EVIDENCE_ATTACHED.match(low) and not DONE_IN_PASSING.search(low)) or ATTENDANCE.match(low):
            return before
        if negated and under_way:
            # "ยังไม่ได้เข้า กก.กิจการสภา": not there yet; an item these words name is not done in
            # this message even if another clause seemed to say so. One named by number ("ขั้น 5
            # infographic ❌ ยังไม่ได้ทำ") is said not done.
            if REF.search(low) and not IN_PROGRESS.search(low):
                self._stated(indicator, low, True, acc, finished)
                return False, True
            chosen, options = self.by_words(indicator.code, BECAUSE.sub(" ", low))
            chosen = list(dict.fromkeys([*chosen, *self._by_form(indicator, low)]))
            if (
                chosen
                and not retracts
                and MARKED_NOT_DONE.search(low)
                and not IN_PROGRESS.search(low)
                and (CROSS.search(low) or not STILL_GOING.search(low))
            ):
                # "❌ ประชุมออนไลน์กับผู้แทน 50 เขต (ยังไม่ได้จัด)", "รายงานรายเขต ยังไม่ครบ ขาดอีก 7 เขต":
                # said not done, for the reporter to confirm
                acc.add("proposed_undone", chosen)
                acc.last_words = []
                return False, True
            acc.add("blocked", chosen + options)
            return False, False
        rest = low
        numbered = False
        if not under_way:
            rest, numbered = self._stated(indicator, low, negated, acc, finished)
        if not negated and (under_way or not finished):
            if under_way and acc.whole_parts:
                chosen, options = self.by_words(indicator.code, low)
                acc.add(
                    "blocked", [i for i in (*chosen, *options, *self._by_form(indicator, low)) if i in acc.whole_parts]
                )
            return finished and not under_way, False
        if numbered:
            # "ส่วนที่ 3 ข้อ 1 การพัฒนานวัตกรรม…": the words describe the number, which is now the item a
            # wait or a shortfall after it holds back, not one named by words before it
            acc.last_words = []
            return finished, negated
        # A near fit only when nothing else in the message named an item: a clause after one that did
        # is more often the other half of it ("ลงเว็บแล้ว + มีหนังสือแจ้ง 50 เขตแล้ว" is milestone 5).
        # "…มีมติเห็นชอบแนวทางและประเด็น สำหรับการประชุมออนไลน์กับผู้แทน 50 เขต": what it is for is not done
        rest = DONE_SINCE.sub(" ", BECAUSE.sub(" ", PURPOSE.sub(" ", rest)))
        chosen, options = self.by_words(
            indicator.code, rest, near=not (acc.done or acc.proposed), short=finished and not negated
        )
        marks = acc.line.strip().replace("\ufe0f", "")
        if (
            not chosen
            and not options
            and (finished or negated)
            and marks
            and (marks[0] in _STATUS_MARK or marks[-1] in _STATUS_MARK)
        ):
            # "✅ ลงพื้นที่ชุมชน 50 เขต" on a status list: a line an item, told in words its indicator's name
            # holds too (KPI 6 is "…จากการลงพื้นที่ผู้ว่าฯ สัญจรชุมชน")
            chosen, _ = self._greedy(indicator.code, rest, with_name=True)
        # "แบบสอบถาม…ส่งให้เจ้าหน้าที่ประจำคณะกรรมการ…": a condition of several actions ("สำรวจความต้องการของ
        # เจ้าหน้าที่ … ออกแบบและพัฒนาระบบ") is not named by its other words when the message says at most
        # one of its actions
        chosen = [c for c in chosen if not self._only_shared_words(indicator.code, c, rest)]
        several = dict(self._action_conditions.get(indicator.code, ()))
        # the clause's own actions count too: "ที่บอกว่าพัฒนาระบบเสร็จแล้ว" taken back names the condition it claimed
        said_here = acc.actions | {a for a in ACTIONS if a in low}
        short = [c for c in chosen if c in several and not self._actions_said(several[c], said_here)]
        chosen = [c for c in chosen if c not in short]
        for c in short:
            # "วิเคราะห์กระบวนงาน+ออกแบบระบบ เสร็จแล้ว": analysis and design without the system developed are the
            # step that says them
            done_actions = several[c] & acc.actions
            steps = [
                i.id for i in self.items[indicator.code] if i.kind == "step" and all(a in i.text for a in done_actions)
            ]
            if len(done_actions) >= 2 and len(steps) == 1 and steps[0] not in chosen:
                chosen.append(steps[0])
        if options and any(o in several and len(several[o] & acc.actions) < 2 for o in options):
            options = [o for o in options if o not in several or len(several[o] & acc.actions) >= 2]
            chosen, options = (options, []) if len(options) == 1 and not chosen else (chosen, options)
        if not REPORTED.search(low):
            # "ภาพรวมเขตแก้เสร็จ 72%": the result, not the overall report to the executives ("มีรายงาน… ใน
            # ภาพรวม เสนอผู้บริหาร") whose other words it shares
            chosen = [c for c in chosen if not self._is_a_report(indicator.code, c)]
        elif MONTHLY_REPORT.search(low) and not WHOLE_REPORT.search(low):
            # "รายงานประจำเดือนนำเรียนผู้บริหารแล้ว": a month's report is not a report the plan asks for as a
            # whole ("…ในภาพรวม เสนอผู้บริหาร"), unless the plan's report is itself monthly
            chosen = [
                c
                for c in chosen
                if not self._is_a_report(indicator.code, c) or RECURRING.search(self._text(indicator.code, c))
            ]
        forms = self._by_form(indicator, rest)
        if forms:
            # "คัดเหลือ 3 แนวคิดตามแบบฟอร์ม 2 เรียบร้อย": the form the plan lists as that item's evidence; an item
            # whose evidence is another form ("ได้แนวคิด 5 เรื่อง ทำแบบฟอร์ม 1 เสร็จ" is not the screening of
            # form 3) is not the one told
            with_forms = set(self._forms.get(indicator.code, {}).values())
            chosen = [c for c in chosen if c not in with_forms or c in forms]
            chosen, options = list(dict.fromkeys([*chosen, *forms])), []
        if not chosen and not options and finished and not negated:
            # "แจ้งหน่วยงานให้ดำเนินการตามข้อสั่งการผู้ว่าฯ ครบแล้ว": the step is told in the indicator's
            # own name words, which are otherwise left out as naming the indicator
            chosen = [
                c
                for c in self._greedy(indicator.code, rest, with_name=True)[0]
                if self._recall(indicator.code, c, rest) >= 0.6
            ][:1]
        rounds = [
            c
            for c in chosen
            if not negated
            and not self._every_round_said(indicator, c, acc, low)
            and self._one_round_of(indicator, c, low)
        ]
        acc.one_round += rounds
        # "นำเรียนผู้ว่าฯ ครั้งที่ 1/2 แล้ว dashboard ก็อัปเดตแล้ว": the rest of that round, not the whole step
        # ("ครั้งที่ 2" of two, told after "ครั้งที่ 1", is its own round: the last)
        chosen = [c for c in chosen if c not in rounds and (c not in acc.one_round or "ครบ" in low or NTH.search(low))]
        chosen = [c for c in chosen if not self._another_installment(indicator, c, low)]
        if options and not chosen:
            # "ลงเว็บครั้งที่ 1 ✔" between step 3.3 "(ครั้งที่ ๑)" and 3.4 "(ครั้งที่ ๒)": the round said picks one
            left = [o for o in options if not self._another_installment(indicator, o, low)]
            chosen, options = (left, []) if len(left) == 1 else (chosen, options)
        taken_back = negated and acc.retracts and bool(SAID_BEFORE.search(low))
        if not chosen and (not negated or taken_back) and not GOING_ON_NOW.search(low):
            # "ที่แจ้งว่าตรวจครบ 6 ครั้ง … รอบ พ.ค. ยังไม่ได้ตรวจ": the whole series taken back is not done
            chosen = self._every_round_done(indicator, low) or chosen
        if not ASKING_SAID.search(low):
            # "ทดสอบระบบร่วมกับฝ่ายบริหารงานทั่วไป", "สยป.พัฒนาเสร็จ": the office that builds the system named as
            # doing it is not the step of asking it to ("ประสาน สยป. เพื่อจัดทำระบบฯ")
            chosen = [c for c in chosen if not ASKING_ITEM.match(_own_words(self._text(indicator.code, c)))]
        if (
            (said := LEVEL_STATED.search(thai_to_arabic_digits(low)))
            and indicator.rubric is not None
            and indicator.rubric.kind is RubricKind.ladder
        ):
            # "อยู่ที่ระดับ 3 … แยกตามกลุ่มภารกิจของคณะกรรมการสามัญ… เรียบร้อยแล้ว": the words tell how the
            # level stated was reached, not a milestone above it
            chosen = [c for c in chosen if not (c.isdigit() and int(c) > int(said.group(1)))]
        if not negated:
            chosen = [*chosen, *(i for i in in_use if i not in chosen)]
        elif not retracts:
            # "ข้อ 4 นำเข้าข้อมูลเริ่มแล้วตั้งแต่ เม.ย. แต่ยังปรับปรุงไม่ครบทุกชุด": begun and not yet complete is
            # under way, not said undone
            chosen = [c for c in chosen if c not in acc.begun]
        if chosen:
            acc.add("proposed_undone" if negated else "proposed", chosen)
            acc.last_words = [] if negated else chosen
            acc.words_at = acc.clause_no
        elif options:
            acc.add("options", options)
        return finished, negated

    @staticmethod
    def _actions_said(actions: frozenset[str], said: frozenset[str]) -> bool:
        """Enough of a condition's actions said in the message for its words to name it: two, and the last
        of them (the system developed) when there are three ("วิเคราะห์กับออกแบบเสร็จ" is still the step)."""
        return len(actions & said) >= 2 and (len(actions) < 3 or "พัฒนา" not in actions or "พัฒนา" in said)

    def _text(self, code: str, item_id: str) -> str:
        found = self._item((code, item_id))
        return found.text if found is not None else ""

    def _is_a_report(self, code: str, item_id: str) -> bool:
        """A condition that is a report to the executives."""
        found = self._item((code, item_id))
        return found is not None and found.kind == "condition" and bool(TO_EXECUTIVES.search(found.text))

    @staticmethod
    def _real_use(low: str) -> bool:
        return any(
            not ANNOUNCED.search(low[max(0, m.start() - 40) : m.start()])
            and not TO_COME.search(low[max(0, m.start() - 24) : m.start()])
            for m in REAL_USE.finditer(low)
        )

    def _in_real_use(self, indicator: Indicator, low: str) -> list[str]:
        """ "ระบบ…เปิดใช้งานจริงแล้วตั้งแต่ 1 มี.ค." beside the letter announcing it: the letter's step
        holds most of the words, so the short in-use item ("ใช้งานระบบฯ") is named by the use said."""
        item = self._in_use_item.get(indicator.code)
        if item is None or not (self._real_use(low) or IN_USE_SINCE.search(low)):
            return []
        return [item]

    def _stated(self, indicator: Indicator, low: str, negated: bool, acc: _Acc, finished: bool) -> tuple[str, bool]:
        """Items named by number, a stated level, stated points; returns the text left for words.

        A level or points is a claim even without "แล้ว" ("อยู่ระดับ 3"); a number names items as done
        only with a word that says so ("ขั้นที่ 3 เสร็จ"), or as not done with a negation.
        """
        rest = low
        numbered = False
        for m in PART_ITEM.finditer(low):
            ids = self._part_item(indicator, m.group("part"), m.group("sub"))
            if ids and (negated or finished):
                acc.add("undone" if negated else "done", ids)
                rest = rest.replace(m.group(0), " ")
                numbered = True
        for m in REF.finditer(rest):
            if (
                not m.group("upto")
                and m.group("word").startswith("ขั้น")
                and SOURCE_BEFORE.search(rest[max(0, m.start() - 20) : m.start()])
            ):
                continue
            ids, kind = self._refs(indicator, m)
            if ids and kind == "items" and ALL_SUBSTEPS.search(low):
                ids += self._substeps(indicator, ids)
            if kind == "level":
                if negated:
                    # "ระดับ 4 ❌", "ระดับ 3 ยังไม่ผ่านนะคะ": that level's own milestone is not done
                    level = int(float(_numbers(m.group("nums"))[0]))
                    said_of_it = (
                        acc.retracts  # "ขอแก้ … ระดับ 5 ที่แจ้งเมื่อวาน ยังไม่เสร็จนะคะ": taken back
                        or LEVEL_NOT_REACHED.match(low, m.end())
                        or MARK_BEFORE.search(low[: m.start()])
                        # "ระดับ 5 แจ้งผลเขตกับขึ้นเว็บไซต์ ยังไม่ได้ทำ": the clause opens with it
                        or (OPENS_WITH_IT.fullmatch(low[: m.start()]) and MARKED_NOT_DONE.search(low, m.end()))
                    )
                    if said_of_it and self._level_is_items(indicator, level):
                        acc.add("proposed_undone", [i.id for i in level_items(indicator, level)][-1:])
                    continue
                level = int(float(_numbers(m.group("nums"))[0]))
                acc.claim, acc.claimed = "level", float(level)
                if self._level_is_items(indicator, level):
                    acc.add("proposed", [i.id for i in level_items(indicator, level)])
            elif ids and (negated or finished) and m.group("word").startswith("ส่วน") and len(ids) > 1:
                # "ส่วนที่ 3 … ทั้งผลผลิตกับผลลัพธ์ครบแล้ว": the part's items the words name, for a tap
                named, _ = self.by_words(indicator.code, rest.replace(m.group(0), " "))
                named = [*named, *self._by_form(indicator, rest)]  # "แบบฟอร์ม 1 … กับแบบฟอร์ม 2": their items
                some = list(dict.fromkeys(i for i in named if i in ids))
                if some and len(some) < len(ids):
                    acc.add("proposed_undone" if negated else "proposed", some)
                elif negated and acc.retracts:
                    # "ที่พิมพ์ไปว่าส่วนที่ 3 ครบแล้ว จริงๆ ครบแค่…": the whole part taken back may be only
                    # some of its items; each is confirmed
                    acc.add("proposed_undone", ids)
                else:
                    acc.add("undone" if negated else "done", ids)
                    acc.add("whole_parts", ids)
                numbered = True
            elif ids and (negated or finished):
                if negated and m.group("upto"):
                    ids = ids[-1:]  # "ยกเลิกที่แจ้งว่าถึงระดับ 4": level 4 is not reached, 1–3 still are
                ids = [
                    i
                    for i in ids
                    if negated
                    or self._every_round_said(indicator, i, acc, low)
                    or not self._one_round_of(indicator, i, low)
                ]
                if not negated and _part_of_whole(low[m.end() :]):
                    ids = []  # "ขั้นตอนที่ 3 นำเข้าข้อมูลได้ 9/12 โครงการแล้ว": part of the way, not done
                # a twin that tells more, or a number the plan prints twice ("3." and "3. (ซ้ำ)"): for a tap
                loose = [
                    i for i in ids if (indicator.code, i) in self.loose_twins or f"{i} (" in self._ids[indicator.code]
                ]
                acc.add("undone" if negated else "done", [i for i in ids if i not in loose])
                acc.last_numbered = [] if negated else [i for i in ids if i not in loose]
                acc.add("proposed_undone" if negated else "proposed", loose)
                # A number the plan prints twice ("3." and "3. (ซ้ำ)") leaves the words to say which.
                numbered = numbered or not any(f"{i} (" in self._ids[indicator.code] for i in ids)
            else:
                continue
            rest = rest.replace(m.group(0), " ")
        if not negated and finished and not numbered and MONTHS_WORK.search(low):
            # "งานของเดือน ต.ค. กับ พ.ย. เสร็จหมดแล้ว": the steps planned in those months only
            said = {p.month for p in find_periods(low, ANY_DAY) if p.month is not None}
            planned = [
                i.id
                for i in self.items[indicator.code]
                if i.kind == "step" and i.months and {month_number(m) for m in i.months} <= said
            ]
            if planned:
                acc.add("proposed", planned)
                numbered = True
        if not negated and not numbered and CUMULATIVE_CUE.search(acc.line):
            acc.add("proposed", self._cumulative_run(indicator, low))
        every = ALL_STEPS.search(low) if not negated and finished and not numbered else None
        steps = [i.id for i in self.items[indicator.code] if i.kind == "step"]
        count = int(every.group("n")) if every is not None and every.group("n") else None
        ladder = indicator.rubric is not None and indicator.rubric.kind is RubricKind.ladder
        if count is not None and count != len(steps) and ladder and len(level_items(indicator, count)) == count:
            # "ตช.1 ครบทั้ง 5 ขั้นแล้ว" on a ladder of five: its five milestones
            acc.add("proposed", [i.id for i in level_items(indicator, count)])
        elif every is not None and (count is None or count == len(steps)):
            # "ครบทุกขั้นแล้ว": every step of the table, for the reporter to confirm
            acc.add("proposed", list(dict.fromkeys(self._twin_of(indicator.code, i, low) for i in steps)))
        if not negated and indicator.rubric is not None and indicator.rubric.kind is RubricKind.checklist:
            points = (
                RIGHT_POINTS.search(rest) or TOTAL_POINTS.search(rest) or POINTS.search(rest)
            )  # "… อีก 30 รวมสะสม 50 คะแนน": the total
            if points is not None:
                acc.claim, acc.claimed = "points", float(points.group("n"))
                acc.add("proposed", [i.id for i in points_items(indicator, float(points.group("n")))])
                rest = rest.replace(points.group(0), " ")
        return rest, numbered

    def _cumulative_run(self, indicator: Indicator, low: str) -> list[str]:
        """ "ตามตารางขั้นตอนตอนนี้สะสม 20% แล้ว": the steps whose cumulative share the step table prints
        reaches exactly the share said, each as the scored item it is where it is one; none when no
        step ends there (then the words alone tell)."""
        said = [float(m.group("n")) for m in CUMULATIVE_SAID.finditer(thai_to_arabic_digits(low))]
        steps = [i for i in self.items[indicator.code] if i.kind == "step" and i.cumulative is not None]
        if not said or not steps:
            return []
        shares = [(i.id, i.cumulative or 0.0) for i in steps]
        if not any(abs(share - said[-1]) < 1e-9 for _, share in shares):
            return []
        run = [i for i, share in shares if share <= said[-1] + 1e-9]
        return list(dict.fromkeys(self._twin_of(indicator.code, i, low) for i in run))

    def _another_installment(self, indicator: Indicator, item_id: str, low: str) -> bool:
        """ "ส่งมอบงวด 2 และ 3 แล้ว" is not step 6 "ส่งมอบงานงวดที่ ๑": the item numbers its installment,
        and the message says others of the same kind."""
        item = next((i for i in self.items[indicator.code] if i.id == item_id), None)
        if item is None:
            return False
        own = {(m.group(1), m.group(2)) for m in INSTALLMENT.finditer(thai_to_arabic_digits(item.text))}
        said: dict[str, set[str]] = {}
        for m in INSTALLMENT_SAID.finditer(thai_to_arabic_digits(low)):
            said.setdefault(m.group(1), set()).update(re.findall(r"\d+", m.group(0)))
        return any(noun in said and number not in said[noun] for noun, number in own)

    def _by_form(self, indicator: Indicator, low: str) -> list[str]:
        """Items whose evidence is a form the text names ("แบบฟอร์ม 5" is the follow-up report of the
        innovation's use)."""
        forms = self._forms.get(indicator.code, {})
        return list(dict.fromkeys(forms[n] for n in FORM.findall(thai_to_arabic_digits(low)) if n in forms))

    def _line_is_step(self, indicator: Indicator, m: re.Match[str]) -> bool | None:
        """Whether a numbered line's words fit the step of its number: None when they name no item."""
        step = step_id(m.group("n"))
        if step not in self._ids[indicator.code].split():
            return False
        chosen, options = self._greedy(indicator.code, m.group("rest"))
        fits = set(chosen) | set(options)
        if not fits:
            return None
        if step in fits or self.twin.get((indicator.code, step)) in fits:
            return True
        # "4. ประชุม คทง. ✔" on K3 (the meetings system): "ประชุม" is a word of its name, left out above,
        # and without it the line reads as step 2 (appointing the team) rather than step 4 (its meeting)
        named, rivals = self._greedy(indicator.code, m.group("rest"), with_name=True)
        return step in {*named, *rivals}

    def _every_round_done(self, indicator: Indicator, low: str) -> list[str]:
        """ "ตรวจติดตามการนำเข้าข้อมูลครบ 6 ครั้งแล้ว ธ.ค.–พ.ค.": a step the plan repeats, said done in
        every round. Its words are the ones the steps around it share ("ตรวจติดตามการนำเข้าข้อมูล" is in
        steps 1, 3 and 4), so the rounds say which: the only recurring step the words fit."""
        if not EVERY_ROUND.search(low):
            return []
        said = _grams(match_key(_expand(SAID_BEFORE.sub(" ", low))))  # "ที่แจ้งว่า…": the telling is not the work
        counted = ALL_ROUNDS.search(low)
        said_count = (counted.group(1) or counted.group(2)) if counted is not None else None
        rounds = int(said_count) if said_count else None
        recurring = [
            i
            for i in self.items[indicator.code]
            if i.kind == "step" and (RECURRING.search(i.text) or len(i.months) >= 2)
        ]
        # Without the indicator's own words first; with them when only they are said ("ตรวจติดตามครบ 6 รอบ")
        for query in (said - self.name_grams.get(indicator.code, set()), said):
            mass = {
                i.id: math.fsum(self.idf.get(g, 0.0) for g in query & self.grams[(indicator.code, i.id)])
                for i in self.items[indicator.code]
            }
            fits = [i for i in recurring if mass[i.id] >= ROUNDS_MASS]
            if len(fits) > 1 and rounds is not None:
                # "ครบ 6 รอบ": the step planned in six months, not the one reported twice a year
                fits = [i for i in fits if len(i.months) == rounds] or fits
            if fits:
                break
        if len(fits) != 1 or any(m > mass[fits[0].id] for m in mass.values()):
            return []
        return [fits[0].id]

    def _substeps(self, indicator: Indicator, ids: list[str]) -> list[str]:
        """ "ขั้นตอนที่ 3 ครบทุกข้อย่อย": the sub-steps 3.1, 3.2 … printed under step 3."""
        own = self.items[indicator.code]
        return [i.id for i in own for parent in ids if i.id.startswith(parent + ".") and i.id != parent]

    def _every_round_said(self, indicator: Indicator, item_id: str, acc: _Acc, low: str) -> bool:
        """ "… ครบทั้ง 2 รอบ" completes a recurring item. A count of rounds that is not this item's belongs to
        another item: then this one is complete unless the clause names one of its rounds before the last
        ("ตรวจติดตามครบ 6 ครั้งแล้ว รายงานผลให้หน่วยงานทราบรอบ ม.ค. แล้ว": the report is made in ม.ค. and
        พ.ค., and one has gone)."""
        if not acc.all_rounds:
            return False
        item = next((i for i in self.items[indicator.code] if i.id == item_id), None)
        if item is None:
            return True
        needed = self._times.get((indicator.code, item_id)) or (len(item.months) if len(item.months) >= 2 else None)
        if not acc.rounds_said or needed is None or needed in acc.rounds_said:
            return True
        last = item.months[-1].replace(".", "") if item.months else None
        named = [m.replace(".", "") for r in ROUND_MONTHS.finditer(low) for m in re.findall(MONTH_SHORT, r.group(0))]
        if named and last not in named:
            return False
        nth = [int(m.group(2)) for m in NTH_ROUND.finditer(low)]
        return not (nth and max(nth) < needed)

    def _one_round_of(self, indicator: Indicator, item_id: str, low: str) -> bool:
        """Also for a condition a recurring step tells ("นำเรียนผู้ว่าฯ ครั้งที่ 1/2567" of the
        twice-yearly report to the executives)."""
        item = next((i for i in self.items[indicator.code] if i.id == item_id), None)
        if item is not None and item.kind == "condition" and PROBLEMS_SAID.search(low):
            # "… ปัญหา อุปสรรค และข้อเสนอแนะ ครั้งที่ 1/2567 นำเรียนผู้ว่าฯ แล้ว": the condition asks for such a
            # report, and one has gone; the step's second round is the step's
            return False
        steps = [s for (code, s), target in self.twin.items() if code == indicator.code and target == item_id]
        return any(self._one_round_of_item(indicator, i, low) for i in (item_id, *steps))

    def _one_round_of_item(self, indicator: Indicator, item_id: str, low: str) -> bool:
        """ "ตรวจติดตามรอบที่ 3 เดือน ก.พ. เรียบร้อย": one round of a step the plan repeats (monthly
        checks, twice-yearly reports) is progress on it, not the step done; "ครบ" says the series is."""
        item = next((i for i in self.items[indicator.code] if i.id == item_id), None)
        if item is None or ALL_OF_IT.search(low):
            return False
        times = self._times.get((indicator.code, item_id))
        # "ครั้งที่ 1 (3 ก.พ.) ครั้งที่ 2 (24 ก.พ.)": the last round said is how far it has got
        held = [m for m in NTH.finditer(low) if not PLANNED_NEXT.match(low, m.end())]
        said = max(held, key=lambda m: int(m.group(1)), default=None)
        if times and said and int(said.group(1)) < times:
            return True  # "ครั้งที่ 1 จัดไปแล้ว" of a milestone that needs 2 meetings
        if times and said:
            return False  # "นำเรียนผู้ว่าฯ ครั้งที่ 2/2567" of a twice-yearly report: the last round
        count = COUNT_OF_TIMES.search(low)
        if times and count and int(count.group(1)) < times:
            return True  # "ประชุมไปแล้ว 1 ครั้ง" of the same milestone
        if times and times > 1 and FIRST_TIME.search(low):
            return True  # "จัดประชุมออนไลน์ครั้งแรกไปแล้ว" of a milestone of two meetings
        recurring = bool(RECURRING.search(item.text)) or len(item.months) >= 2
        so_far = ROUNDS_SO_FAR.search(low)
        if recurring and item.kind == "step" and so_far and int(so_far.group(1)) < (times or len(item.months) or 12):
            return True  # "ติดตามรายเดือนทำไป 4 เดือนแล้ว": four rounds of the year's
        if item.kind == "step" and MONTHS_SHARE.search(low):
            return True  # "นำเข้าข้อมูล… ของเดือน ม.ค. เรียบร้อย": a month's share of the step
        if QUARTERLY.search(thai_to_arabic_digits(item.text)):
            low = QUARTER_SAID.sub(" ", low)  # a step done every quarter: "ไตรมาส 1" is its round, done
        if recurring and item.kind == "step" and (months := MONTHS_SO_FAR.search(low)):
            whole_year = months.group(1).replace(".", "") == "ตค" and months.group(2).replace(".", "") == "กย"
            return not whole_year
        return recurring and bool(ONE_ROUND.search(CADENCE.sub(" ", low)))

    @staticmethod
    def _level_is_items(indicator: Indicator, level: int) -> bool:
        """A ladder's level is its milestones, and so is a threshold level with no number to reach
        (K3's level 1 is "the system designed"); elsewhere the number decides the level, and only the
        conditions the message names are items."""
        rubric = indicator.rubric
        if rubric is None:
            return False
        if rubric.kind is RubricKind.ladder:
            return True
        return any(lv.level == level and lv.op is None for lv in rubric.levels)

    def _part_item(self, indicator: Indicator, part: str, sub: str) -> list[str]:
        """ "ส่วนที่ 3 ข้อ 1.1": the item of that part printed with that number; "ข้อ 1" takes in its
        sub-items 1.1 and 1.2 as well."""
        out = []
        for item in self.items[indicator.code]:
            p = PART.search(item.text)
            if p is None or p.group(1) != part:
                continue
            numbers = set(ITEM_NUMBERS.findall(item.text[p.end() :]))
            if any(n == sub or n.startswith(sub + ".") for n in numbers):
                out.append(item.id)
        return out

    def _refs(self, indicator: Indicator, m: re.Match[str]) -> tuple[list[str], str]:
        """The items a numbered reference names; ``"level"`` when it states a level on a ladder."""
        word = m.group("word").lower()
        word = "ขั้น" if word.startswith("step") else word
        numbers = _numbers(m.group("nums"))
        if m.group("upto") and len(numbers) == 1 and numbers[0].isdigit():
            numbers = [str(k) for k in range(1, int(numbers[0]) + 1)]
        rubric = indicator.rubric
        ladder = rubric is not None and rubric.kind is RubricKind.ladder
        items = self.items[indicator.code]
        ids = {i.id for i in items}
        if word.startswith(("ระดับ", "level", "lv")):
            if ladder and m.group("upto") is None:
                return [], "level"
            if ladder:
                return [n for n in numbers if n in ids], "items"
            return [], "level" if rubric is not None and rubric.conditions else "none"
        if word.startswith("ขั้น"):
            # "ขั้นตอน 3 ซ้ำ", "ขั้นตอนที่ 3 ตัวที่สอง": the repeated one
            again = re.match(r"\s*\(?\s*(?:ซ้ำ|(?:ตัว|อัน)(?:ที่)?\s*(?:สอง|2|หลัง))", m.string[m.end() :]) is not None
            numbers = [f"{n} (ซ้ำ)" if again and step_id(f"{n} (ซ้ำ)") in ids else n for n in numbers]
            steps = [self._twin_of(indicator.code, step_id(n), m.string) for n in numbers if step_id(n) in ids]
            if word.startswith("ขั้นตอน") and steps:
                return steps, "items"  # "ขั้นตอนที่ 4": the project's step table, even beside a ladder
            if ladder:
                return [n for n in numbers if n in ids], "items"
            return steps, "items"
        if word.startswith("ส่วน"):
            found = [i.id for i in items for n in numbers if (p := PART.search(i.text)) and p.group(1) == n]
            return found, "items"
        numbered = [i.id for i in items if i.kind == "checklist" and i.no is not None]
        if numbered:
            return [n for n in numbers if n in numbered], "items"
        return [step_id(n) for n in numbers if step_id(n) in ids], "items"

    # --- matching by words ------------------------------------------------------------------

    def by_words(
        self, code: str | None, text: str, near: bool = False, short: bool = False
    ) -> tuple[list[str], list[str]]:
        """Items the words name (several when the text names several), or the close rivals to ask about.

        ``code`` None searches every indicator's items (the ids then read "code/item"). When the
        whole text fits two items equally, its parts around "และ" are tried one by one. ``near``: a
        single item that nearly fits, far ahead of the rest, is proposed too.
        """
        text = SCHEDULE_SAID.sub(" ", text)
        chosen, options = self._greedy(code, text, near=near, short=short)
        if not chosen and len(options) == 2 and (halves := self._told_apart(code, text, options)):
            return halves, []
        parts = [p for p in _AND.split(text) if p.strip()]
        if len(parts) < 2:
            return chosen, options
        found: list[str] = []
        news: list[str] = []
        for part in parts:
            got, rivals = self._greedy(code, part)
            if rivals:
                return (chosen, options) if chosen else ([], options or rivals)
            found += [g for g in got if g not in found]
            news += [g for g in got if g not in news and self._tells_more(code, part, chosen, g)]
        if not chosen:
            return (found, []) if found and all(found) else ([], options)
        return chosen + [f for f in news if f not in chosen], []

    def _only_shared_words(self, code: str, item: str, text: str) -> bool:
        """ "รายงานประจำเดือน ม.ค. นำเรียนผู้บริหารแล้ว" of KPI 4: the district report and the central one
        both "report … to the executives"; a condition is named only with words its sibling lacks ("รายเขต",
        "ภาพรวม"), not by the words they share."""
        mine = self._item((code, item))
        if mine is None or mine.kind != "condition":
            return False
        query = _grams(match_key(_expand(text)))
        name = self.name_grams.get(code, set())
        for sibling in (i for i in self.items[code] if i.kind == "condition" and i.id != item):
            own = self.grams[(code, item)] - self.grams[(code, sibling.id)] - name
            if len(self.grams[(code, item)] & self.grams[(code, sibling.id)]) < SIBLING_SHARED * len(
                self.grams[(code, item)]
            ):
                continue
            if math.fsum(self.idf[g] for g in own & query if not DIGIT.search(g)) < MIN_MASS / 2:
                return True
        return False

    def _told_apart(self, code: str | None, text: str, rivals: list[str]) -> list[str]:
        """ "ระบบปฏิทินบนเว็บ สพว. ขึ้นแล้วตั้งแต่ 1 พ.ย. ใช้ได้ปกติ ส่งหนังสือเวียนแจ้งทุกหน่วยงาน…แล้ว": two
        items the whole text fits alike, each told whole in its own half, with nothing between them to cut
        the clause at: both are named."""
        cuts = [m.start() for m in re.finditer(r"\s+", text)]
        for cut in cuts:
            if not all(_said_done_plainly(half) for half in (text[:cut], text[cut:])):
                continue
            left, right = self._greedy(code, text[:cut])[0], self._greedy(code, text[cut:])[0]
            if len(left) == 1 and len(right) == 1 and {*left, *right} == set(rivals):
                return [*left, *right]
        return []

    def _words_within(self, code: str, item: str, text: str) -> bool:
        """ "แต่งตั้งคณะทำงานแล้ว ส่วนสำรวจแบบฟอร์มกับทำเอกสารชุดข้อมูลยังทำอยู่": the clause's item words
        lie mostly inside one long item that lists several actions, so it tells the rest of that item,
        though it says too little of it to be matched on its own. Only for an item printed as a numbered
        list of actions ("1. แต่งตั้ง… 2. สำรวจ… 3. จัดทำเอกสาร…")."""
        if (code, item) not in self._listed_actions:
            return False
        query = _grams(match_key(_expand(text))) - self.name_grams.get(code, set())
        relevant = query & self._code_grams.get(code, set())
        total = math.fsum(self.idf[g] for g in relevant)
        inside = math.fsum(self.idf[g] for g in relevant if g in self.grams.get((code, item), set()))
        return inside >= MIN_MASS and inside >= 0.6 * total

    def _recall(self, code: str, item: str, text: str) -> float:
        """The share of an item's own words (by weight) the text says."""
        grams = self.grams.get((code, item), set())
        own = math.fsum(self.idf.get(g, 0.0) for g in grams)
        said = math.fsum(self.idf.get(g, 0.0) for g in grams & _grams(match_key(_expand(text))))
        return said / own if own else 0.0

    def _tells_more(self, code: str | None, part: str, chosen: list[str], item: str) -> bool:
        """ "ประชุมคณะทำงานชี้แจงโครงการ และแจ้งผลแบบสอบถามแล้ว": a part's item adds to what the whole
        text named only with words of its own; "แจ้งผลแบบสอบถาม" is the meeting's agenda, already said."""
        if code is None or (code, item) not in self.grams:
            return True
        said = set().union(*(self.grams.get((code, c), set()) for c in chosen))
        # its own words, not figures ("ออกครบ 50 เขต" beside the letter inviting the 50 districts)
        mine = {g for g in self.grams[(code, item)] - said - self.name_grams.get(code, set()) if not DIGIT.search(g)}

        def mass(text: str) -> float:
            return math.fsum(self.idf.get(g, 0.0) for g in _grams(match_key(_expand(text))) & mine)

        # "…เกณฑ์ให้ทุกหน่วยงานทราบแล้ว": to whom the item before went is no second item's own words; some
        # of its own must be left without them ("แจ้งผลการตรวจให้ทุกหน่วยงานทราบ" still tells step 4)
        return mass(part) >= MIN_MASS and mass(RECIPIENTS.sub(" ", part)) >= MIN_MASS / 2

    def _greedy(
        self, code: str | None, text: str, with_name: bool = False, near: bool = False, short: bool = False
    ) -> tuple[list[str], list[str]]:
        """``near``: a single item that nearly fits the whole text, far ahead of the rest, is proposed
        (never for a part of the text, whose few words fit some item nearly by chance). ``short``: a
        clause said done with too few item words for the usual floor may still name an item whose own
        words (its indicator's name left out) it says in good part ("สำรวจเสร็จแล้ว")."""
        query = _grams(match_key(_expand(text)))
        bare = _grams(match_key(_expand(RECIPIENTS.sub(" ", text)))) if RECIPIENTS.search(text) else query
        pool = [key for key in self.grams if code is None or key[0] == code]
        relevant = {g for g in query if g in self.idf and any(g in self.grams[k] for k in pool)}
        if code is not None and not with_name:
            relevant -= self.name_grams.get(code, set())
        chosen: list[str] = []
        picked: list[tuple[str, str]] = []
        for _ in range(3):
            total = math.fsum(self.idf[g] for g in relevant)
            if total <= 0:
                break
            floor = MIN_MASS * (2 if chosen else 1)  # a second item needs words of its own
            scored = self._merge_same_facts(
                sorted(((self._score(k, relevant, total, floor), k) for k in pool), key=lambda sk: -sk[0])
            )
            if short and not chosen and scored[0][0] == 0.0:
                scored = self._short_fits(pool, relevant, total, text)
            scored = self._inside_longer(scored, relevant)
            best_score, best = scored[0]
            if chosen and self._own_recall(best, relevant) < SECOND_RECALL:
                break  # a second item must be said in good part, not by two of its words
            if chosen and math.fsum(self.idf[g] for g in relevant & bare if g in self.grams[best]) < MIN_MASS:
                break  # "เวียนแจ้งกำหนดการ…ให้ทุกหน่วยงานทราบ": to whom the first went is no second item
            second = scored[1][0] if len(scored) > 1 else 0.0
            if best_score < MIN_SHARE and not (
                near and not chosen and best_score >= NEAR_SHARE and best_score - second >= CLEAR_MARGIN
            ):
                if not chosen:
                    close = [k for sc, k in scored[:3] if sc >= MIN_SHARE * 0.6 and sc >= 0.8 * best_score]
                    return [], [self._name(code, k) for k in close] if len(close) > 1 else []
                break
            if best_score - second < MARGIN:
                rivals = [k for sc, k in scored[:3] if best_score - sc < MARGIN]
                whole = self._said_whole(rivals, query, code) if code is not None else None
                if whole is None and code is not None and not chosen:
                    whole = self._said_in_head(rivals, relevant)
                if whole is None and code is not None and not chosen:
                    whole = self._lead_said(rivals, query, text)
                if whole is None and not chosen:
                    return [], [self._name(code, k) for k in rivals]
                if whole is None:
                    break
                best = whole
            chosen.append(self._name(code, best))
            picked.append(best)
            if best_score < MIN_SHARE:
                break  # a near fit names one item at most
            relevant -= self.grams[best]
            pool = [k for k in pool if k != best]
        # A short item whose words are all inside a longer one chosen too is that one's words, not news.
        inside = {
            a
            for a in picked
            for b in picked
            if a != b and _overlap(self.grams[a], self.grams[b]) >= SAME_FACT and self._mass[a] < self._mass[b]
        }
        named = [self._name(code, (k[0], self._twin_of(k[0], k[1], text))) for k in picked if k not in inside]
        return list(dict.fromkeys(named)), []

    def _twin_of(self, code: str, step: str, text: str) -> str:
        """The scored item a step's number or words name: its twin, but not the executives' report, which
        only the whole message can tell (``_to_executives``)."""
        twin = self.twin.get((code, step), step)
        return step if (code, twin) in self.loose_twins else twin

    def _purpose_awaited(self, code: str, item: str, text: str) -> bool:
        """ "เสนอ กก.กิจการสภา แล้ว + นำเรียนประธานสภาเรียบร้อย / รอท่านมอบ กก.สามัญ": K1's milestone 4 is the
        putting forward "เพื่อพิจารณามอบคณะกรรมการสามัญ…"; what is awaited is what it is for, not the item."""
        grams = self.grams.get((code, item), set())
        head = self._head.get((code, item), grams)
        said = {g for g in _grams(match_key(_expand(text))) if g in grams} - self.name_grams.get(code, set())
        purpose = grams - head
        return bool(said) and said <= purpose and math.fsum(self.idf.get(g, 0.0) for g in said) >= MIN_MASS

    def _own_words_mass(self, code: str, text: str, items: list[str], others: list[str]) -> float:
        """How much of the text is words of ``items`` that none of ``others`` has ("นำเสนอ กก.…" of One
        Platform's item 2, beside item 1's "เอกสารชุดข้อมูลสำคัญ" that both hold)."""
        query = _grams(match_key(_expand(text))) - self.name_grams.get(code, set())
        theirs = set().union(*(self.grams.get((code, i), set()) for i in others)) if others else set()
        mine = set().union(*(self.grams.get((code, i), set()) for i in items)) if items else set()
        return math.fsum(self.idf.get(g, 0.0) for g in query & (mine - theirs))

    def _names_another(self, code: str, text: str, *before: list[str]) -> bool:
        """A clause whose words name an item, none of those named before it."""
        chosen, _ = self.by_words(code, text)
        return bool(chosen) and not set(chosen) & {i for items in before for i in items}

    def _says_other_words(self, code: str, text: str, items: list[str]) -> bool:
        """ "ยังไม่ได้เริ่มพัฒนาระบบ" after "ออกแบบระบบ… แล้ว": words of the plan's items that the item
        before does not have, and hardly any it has, so the clause is about something else ("แต่ยังไม่ได้
        เข้า กก.กิจการสภา" after "นำเรียนประธานสภาแล้ว" names the other half of the same milestone)."""
        query = _grams(match_key(_expand(text))) - self.name_grams.get(code, set())
        # An item told twice (KPI 6's step 4 ends in the executives' report) has the words of both.
        told = {*items, *(k[1] for k, v in self.twin.items() if k[0] == code and v in items)}
        theirs = set().union(*(self.grams.get((code, i), set()) for i in told)) if told else set()
        other = (query - theirs) & self._code_grams.get(code, set())
        shared = {g for g in query & theirs if g in self.idf}
        mass = math.fsum(self.idf[g] for g in other)
        return mass >= MIN_MASS and math.fsum(self.idf[g] for g in shared) < MIN_MASS

    def _said_whole(self, rivals: list[tuple[str, str]], query: set[str], code: str | None) -> tuple[str, str] | None:
        """Of items the text fits equally ("ศึกษาสำรวจเสร็จ": step 1 "การศึกษาสำรวจ…" and step 2
        "ดำเนินการตามแผนการศึกษาสำรวจฯ"), the one that leaves clearly fewer of its own words unsaid:
        the others have distinctive words ("ดำเนินการตามแผน") the text does not say."""
        name = self.name_grams.get(code, set()) if code is not None else set()

        def unsaid(key: tuple[str, str]) -> float:
            return math.fsum(self.idf[g] for g in self.grams[key] - query - name)

        left = sorted((unsaid(k), k) for k in rivals)
        if len(left) > 1 and left[0][0] <= 0.6 * left[1][0] and left[1][0] >= left[0][0] + 1.5 * MIN_MASS:
            return left[0][1]
        return None

    def _said_in_head(self, rivals: list[tuple[str, str]], relevant: set[str]) -> tuple[str, str] | None:
        """ "✅ Action Plan": K1's step 1 "จัดทำแผนปฏิบัติการ (Action Plan) เพื่อ…" and step 3 "ประชุม
        คณะทำงานฯ เพื่อชี้แจง… แผนปฏิบัติการ (Action Plan)" both hold the words; the step that is the
        plan is the one whose leading clause says them, not the one that holds them as a purpose."""
        said = {k: math.fsum(self.idf[g] for g in relevant & self._head[k]) for k in rivals}
        full = {k: math.fsum(self.idf[g] for g in relevant & self.grams[k]) for k in rivals}
        if min(full.values()) < 0.95 * math.fsum(self.idf[g] for g in relevant):
            return None  # only where every rival holds all the words said
        heads = [k for k in rivals if full[k] > 0 and said[k] >= 0.9 * full[k]]
        tails = [k for k in rivals if k not in heads and said[k] <= 0.3 * full[k]]
        return heads[0] if len(heads) == 1 and len(tails) == len(rivals) - 1 else None

    def _lead_said(self, rivals: list[tuple[str, str]], query: set[str], text: str) -> tuple[str, str] | None:
        """ "12 โครงการ นำเข้าข้อมูลในระบบแล้ว": step 3 "นำเข้าข้อมูล…" and step 5 "…จัดเก็บรายงานผลในระบบ"
        fit alike, but only step 3's opening action is said: a step is told first by what is done in it."""
        if not all((found := self._item(k)) is not None and found.kind == "step" for k in rivals):
            return None  # a milestone opens with its forum ("เสนอ…", "ประชุม…"), not what was done
        said = [
            k
            for k in rivals
            if (lead := self._lead.get(k))
            # the action itself, not a name that holds the word ("กลุ่มงานประชุมสภา", "ห้องประชุม")
            and re.search(rf"(?<!งาน)(?<!ห้อง)(?<!กลุ่ม)(?<!ฝ่าย){re.escape(lead)}", text)
            # and more of its own words than the opening one ("(สงม. อนุมัติ 12 มี.ค.)" names no step)
            and math.fsum(self.idf[g] for g in (self.grams[k] - _grams(match_key(lead))) & query) >= MIN_MASS
        ]
        return said[0] if len(said) == 1 else None

    def _inside_longer(
        self, scored: list[tuple[float, tuple[str, str]]], relevant: set[str]
    ) -> list[tuple[float, tuple[str, str]]]:
        """A short item ("ใช้งานระบบฯ") found whole inside the words of a longer one the text fits
        better ("สรุปผลการใช้งานระบบ") is not what the text names: the longer one goes first."""
        if len(scored) < 2:
            return scored
        top_score, top = scored[0]
        top_hit = {g for g in relevant if g in self.grams[top]}
        top_mass = math.fsum(self.idf[g] for g in top_hit)
        for score, key in scored[1:4]:
            hit = {g for g in relevant if g in self.grams[key]}
            mass = math.fsum(self.idf[g] for g in hit)
            if top_hit <= hit and mass >= top_mass + MIN_MASS / 4 and score >= MIN_SHARE * 0.8:
                rest = [(s, k) for s, k in scored if k != key]
                return [(max(score, top_score), key), *rest]
        return scored

    def _short_fits(
        self, pool: list[tuple[str, str]], relevant: set[str], total: float, text: str
    ) -> list[tuple[float, tuple[str, str]]]:
        """Scores under the short floor, for items whose distinct words the text says in good part; a short item
        ("ทดสอบระบบ") only with its opening action said ("ส่งมอบระบบ" holds the letters of "…สอบระบบ")."""
        floor = MIN_MASS * SHORT_FLOOR
        said = match_key(_expand(text))
        fits = []
        for key in pool:
            if (
                (lead := self._lead.get(key))
                and len(_own_words(self._text(key[0], key[1]))) <= SHORT_ITEM
                and match_key(lead) not in said
            ):
                fits.append((0.0, key))
                continue
            if (opening := self._opening.get(key)) and opening in said:
                fits.append((MIN_SHARE, key))
                continue
            mass = math.fsum(self.idf[g] for g in relevant if g in self.grams[key])
            distinct = self._distinct_mass[key]
            fits.append(
                (self._score(key, relevant, total, floor) if distinct and mass / distinct >= SHORT_RECALL else 0.0, key)
            )
        return self._merge_same_facts(sorted(fits, key=lambda sk: -sk[0]))

    def _own_recall(self, key: tuple[str, str], relevant: set[str]) -> float:
        own = self._mass[key]
        return math.fsum(self.idf[g] for g in relevant if g in self.grams[key]) / own if own else 0.0

    def _score(self, key: tuple[str, str], relevant: set[str], total: float, floor: float) -> float:
        """0–1: the share of the text's item-like words the item explains, or of the item's own words
        the text has (a short item such as "ใช้งานระบบฯ" is named whole inside a long sentence)."""
        grams = self.grams[key]
        mass = math.fsum(self.idf[g] for g in relevant if g in grams)
        if mass < floor:
            return 0.0
        own = self._mass[key]
        recall = mass / own if own >= MIN_MASS else 0.0
        if recall < MIN_RECALL and (mass < 2 * floor or not _has_run({g for g in relevant if g in grams})):
            # one rare word ("หัวหน้า") of a long item is not that item, nor are scattered syllables of it
            # ("ใหม่", "เวลา", "นาที" of One Platform's long item 4)
            return 0.0
        return max(mass / total, min(recall, 1.0))

    def _merge_same_facts(self, scored: list[tuple[float, tuple[str, str]]]) -> list[tuple[float, tuple[str, str]]]:
        """A project step that repeats a milestone or condition (K1's step 7 is level 3 word for word)
        is the same fact: the scored item stands for both, so the two are not rivals."""
        by_key = {k: s for s, k in scored}
        out: list[tuple[float, tuple[str, str]]] = []
        for s, key in scored:
            item = self._item(key)
            if item is not None and not item.scored:
                twin = next(
                    (
                        k
                        for k in by_key
                        if k[0] == key[0]
                        and k != key
                        and (other := self._item(k)) is not None
                        and other.scored
                        and by_key[k] >= s - MARGIN  # it stands for the step only if the text fits it too
                        and _overlap(self.grams[k], self.grams[key]) >= SAME_FACT
                    ),
                    None,
                )
                if twin is not None:
                    continue
            out.append((s, key))
        return out or scored

    def _item(self, key: tuple[str, str]) -> PlanItem | None:
        return next((i for i in self.items[key[0]] if i.id == key[1]), None)

    @staticmethod
    def _name(code: str | None, key: tuple[str, str]) -> str:
        return key[1] if code is not None else f"{key[0]}/{key[1]}"


def takes_back(text: str) -> bool:
    """ "ขอแก้…", "ยกเลิกที่แจ้งไป…": the message takes back something reported before."""
    return bool(RETRACT.search(text.lower()))


def asks(text: str) -> bool:
    """ "ได้กี่คะแนนแล้ว", "ส่งแล้วหรือยัง": a question, whatever finished-words it has."""
    return bool(QUESTION.search(text))


def says_finished(text: str) -> bool:
    """Any word that says something is done, or is not, or a level or points stated."""
    return bool(
        DONE.search(text)
        or NOT_DONE.search(text)
        or REF.search(text)
        or POINTS.search(text)
        or IN_USE_SINCE.search(text)  # "เปิดใช้ระบบจริงตั้งแต่ 1 มิ.ย.": in use since
        # "เรื่อง ประชาสัมพันธ์ระบบปฏิทิน…\nหนังสือเวียน ที่ กท 0101/ว 58": a letter pasted with its number, sent
        or (MEMO_SUBJECT.search(text) and DOC_NUMBER.search(thai_to_arabic_digits(text)))
    )


_DONE_AS_FOLLOWS = re.compile(r"(?:ดำเนินการ|ทำ)(?:เสร็จ)?แล้ว\s*(?:ดัง(?:ต่อไป)?นี้|ตามนี้)\s*:?\s*$")
_BULLET = re.compile(r"^\s*(?:[-•*▪·]|\d{1,2}[.)])\s*\S")


# "ทำได้ 3 ใน 6 ขั้นแล้วค่ะ อนุมัติเผยแพร่แผน TOR / e-bidding / ขออนุมัติเงินประจำงวด": the count, then the steps
_COUNTED_THEN_LISTED = re.compile(
    r"(?:ทำ|เสร็จ|ผ่าน)(?:ได้|ไป)?(?:แล้ว)?\s*\d+\s*(?:ใน|จาก)\s*\d+\s*(?:ขั้น(?:ตอน)?|ข้อ)(?:แล้ว)?"
    r"(?:\s*(?:ค่ะ|ครับ|นะคะ|คือ))?\s*:?\s*(?P<list>[^\n]+)"
)


def _counted_then_listed(m: re.Match[str]) -> str:
    """The steps listed after the count of steps done are those done: each part, said with no status of its
    own, is said done."""
    parts = re.split(r"\s*/\s*", m.group("list"))
    if len(parts) < 2:
        return m.group(0)
    said = [p if DONE.search(p) or UNDER_WAY.search(p) or NOT_DONE.search(p) else f"{p} เสร็จ" for p in parts]
    return m.group(0)[: m.start("list") - m.start()] + "\n" + "\n".join(said)


def _done_as_follows(text: str) -> str:
    """ "…ดำเนินการแล้ว ดังนี้" heading a list: the heading names no item itself, and every line listed under
    it that says no status of its own is done."""
    lines = text.split("\n")
    out: list[str] = []
    under = False
    for line in lines:
        if _DONE_AS_FOLLOWS.search(line):
            under = True
            out.append("")
            continue
        if under and _BULLET.match(line):
            said = DONE.search(line) or UNDER_WAY.search(line) or NOT_DONE.search(line)
            out.append(line if said else f"{line} แล้ว")
            continue
        under = False
        out.append(line)
    return "\n".join(out)


_FIELD = re.compile(r"^[^\S\n]*(?:[-•*▪·]\s*)?(?P<field>ทำอะไร|กับใคร|ที่ไหน|เมื่อไ(?:ร|หร่)|อย่างไร|ยังไง)[^\S\n]*[:：]")


def _five_questions(text: str) -> str:
    """The committee's five questions answered line by line ("ทำอะไร: … / กับใคร: … / ที่ไหน: … / เมื่อไร: …
    / อย่างไร: …"): the work is on the "ทำอะไร" line, the rest tells about it. A status said in the other
    answers or on a closing line ("เรียบร้อยค่ะ", "เสร็จทั้งสองเรื่องแล้ว") is the work's; the answers' own
    words (who, where, how) are no items."""
    lines = text.split("\n")
    fields = [_FIELD.match(line) for line in lines]
    what = [(n, m) for n, m in enumerate(fields) if m is not None and m.group("field") == "ทำอะไร"]
    if len(what) != 1:
        return text
    n, head = what[0]
    work = lines[n][head.end() :]
    if UNDER_WAY.search(work) or NOT_DONE.search(work):
        return text  # its own status ("แล้ว" in it is as often "and then": "วิเคราะห์ผล…แล้วคัดเลือก…")
    status = [
        line[m.end() :] if m else line
        for line, m in zip(lines[n + 1 :], fields[n + 1 :], strict=True)
        if m is not None or line.strip()
    ]
    said = [
        part
        for line in status
        for part in re.split(r"\s*/\s*", line)
        for part in _clauses(part)
        if DONE.search(part) and not (UNDER_WAY.search(part) or NOT_DONE.search(part))
    ]
    if not said:
        return text
    out = list(lines)
    out[n] = f"{work} แล้ว"
    for k in range(n + 1, len(lines)):
        if fields[k] is not None:
            out[k] = ""  # who, where, when, how: about the work, not more of it
    return "\n".join(out)


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(min(len(a), len(b)), 1)


def _months_so_far(m: re.Match[str]) -> str:
    """ "ติดตามผลเดือนละครั้ง ทำไปแล้ว ม.ค.–มี.ค.": the months done so far stay in the clause that tells
    them; after "ครบ 6 ครั้งแล้ว" they only date a series said complete."""
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    return m.group(0) if "ครบ" in line else f" {m.group(2)} {m.group(1)}"


def _said_done_plainly(text: str) -> bool:
    """Said done, and not under way, not done, to come or asked."""
    return bool(DONE.search(text)) and not any(
        pattern.search(text) for pattern in (UNDER_WAY, NOT_DONE, TO_BE, QUESTION, SHORTFALL)
    )


def _has_run(grams: set[str], length: int = RUN) -> bool:
    """Do the trigrams chain into a run of ``length`` (a word of some six letters said whole)?"""
    follows = {g: [h for h in grams if h[:2] == g[1:]] for g in grams}

    def longest(g: str, depth: int) -> int:
        return 1 if depth >= length else 1 + max((longest(h, depth + 1) for h in follows[g]), default=0)

    return any(longest(g, 1) >= length for g in grams)


# Opening words too general to tell a step by ("จัดทำ…", "ดำเนินการ…", "มีการ…")
_GENERAL_LEADS = frozenset({"จัดทำ", "ดำเนินการ", "มี", "การ", "เมื่อ", "หน่วยงาน", "นำ", "ทำ", "ให้", "และ"})


@functools.cache
def _own_tokens(text: str) -> tuple[str, ...]:
    """An item's own words, tokenized once for its lead and its opening."""
    return tuple(w for w in word_tokenize(_own_words(text), engine="newmm", keep_whitespace=False) if w.strip())


def _lead(text: str) -> str:
    """An item's opening action word ("นำเข้า", "สรุป", "คัดเลือก"), unless it is a general one."""
    words = _own_tokens(text)
    if not words or words[0] in _GENERAL_LEADS or len(words[0]) < 3:
        return ""
    return words[0]


def _opening(text: str) -> str:
    """An item's opening action and its object ("แจ้งหน่วยงาน"), as matched; empty for a general lead."""
    words = _own_tokens(text)
    if not _lead(text) or len(words) < 2:
        return ""
    opening = match_key("".join(words[:2]))
    return opening if len(opening) >= 8 else ""


def _own_words(text: str) -> str:
    """An item's text without the numbering and part headings printed before it, and without the month
    it is due by ("เริ่มนำเข้าข้อมูลภายในเดือนเมษายน 2565"): "เดือนหน้าจะประชุม…" is not that item."""
    text = re.sub(r"^ส่วนที่\s*\d+\s*:\s*[^–]*–\s*", "", text.strip())
    text = _DUE_MONTH.sub(" ", text)
    return re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", text)


_DUE_MONTH = re.compile(rf"\s*(?:ภายใน)?\s*เดือน(?:{'|'.join(MONTHS_FULL)})\s*(?:พ\.ศ\.\s*)?\d{{4}}")


_AND = re.compile(r"\s*(?:และ|กับ|รวมทั้ง|พร้อมทั้ง|\+|/)\s*")


def _as_step_ref(m: re.Match[str]) -> str:
    lead, number = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    return f"{lead}ขั้นที่ {number}"


def item_clauses(text: str) -> list[str]:
    """The clauses a message is read in, its ways of saying item words put as the plan prints them."""
    return _clauses(_with_synonyms(text.lower()))


# "ทดสอบระบบเสร็จเมื่อ 20 เม.ย. 65 ทำหนังสือเวียน…": the day a thing was finished closes the statement, and
# the next words open another, unless they go on saying how it stands ("… 12 ม.ค. เรียบร้อย")
_DAY_THEN_NEXT = re.compile(
    r"((?:เมื่อ|วันที่)\s*\d{1,2}\s*(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\."
    r"(?:\s*(?:25)?\d{2}(?!\d))?)\s+"
    r"(?=(?!แล้ว|เรียบร้อย|เสร็จ|ค่ะ|คะ|ครับ|นะ|ที่|ถึง|จนถึง|เป็นต้นไป|ยัง|ครบ|ผ่าน|ด้วย|ก็|และ|กับ|หรือ|ไป|มา|เป็น|เวลา|เช่นกัน|ณ)[ก-๙])"
)


def _day_closes(m: re.Match[str]) -> str:
    """Only a statement said done before its day is closed by it: "ประชุม… เมื่อ 22 พ.ย. 61 ห้องประชุม…
    เรียบร้อย" goes on."""
    said = CLAUSE.split(m.string[: m.start()])[-1]
    done_after = DONE.search(m.string, m.end(), m.end() + 12)
    return f"{m.group(1)} ; " if DONE.search(said) and not done_after else m.group(0)


_STATUS_MARK = "✅✔✓❌✗✖✘✕⏳"
_MARK_THEN_WORDS = re.compile(rf"(?:^|\s+)([{_STATUS_MARK}])\s+(?=[ก-๙A-Za-z0-9])")


_MARKED_LINE = re.compile(rf"(?m)^[^\S\n]*(?:[-•*▪·]\s*)?[{_STATUS_MARK}][^\n]*")
_SLASH = re.compile(r"\s+/\s+")
_BARE_MARKED = re.compile(rf"(?<=[{_STATUS_MARK}\ufe0f])\s*(\d+\.\d+)(?=\s*[{_STATUS_MARK}])")


def _marks_leading(line: str) -> str:
    """ "ตช.3 สถานะค่ะ ✅ วิเคราะห์+ออกแบบระบบ ❌ ทดสอบระบบ (…)": a status line whose marks stand before their
    items (a short heading, then mark and item, mark and item, not ending on a mark) is one item a mark; read
    the other way the cross would fall on the item before it."""
    marks = list(_MARK_THEN_WORDS.finditer(line))
    if len(marks) < 2 or line.rstrip()[-1:] in _STATUS_MARK:
        return line
    heading = line[: marks[0].start()]
    if len(heading) > 40 or DONE.search(heading) or NOT_DONE.search(heading) or REF.search(heading):
        return line
    return heading + "".join(
        "\n" + m.group(1) + " " + line[m.end() : nxt.start() if nxt else len(line)]
        for m, nxt in zip(marks, [*marks[1:], None], strict=True)
    )


def _clauses(text: str) -> list[str]:
    text = _DAY_THEN_NEXT.sub(_day_closes, text)
    parts = [part for c in CLAUSE.split(text) if c and c.strip() for part in _at_next_step(c)]
    # "ขั้นที่ 2 ตอนนี้อยู่ระหว่างประกาศประกวดราคา": the step bare, then how it stands now, is one clause
    for n in range(len(parts) - 2, -1, -1):
        if ONLY_REF.match(parts[n]) and parts[n + 1].lstrip().startswith("ตอนนี้"):
            parts[n : n + 2] = [f"{parts[n]} {parts[n + 1]}"]
    return parts


def _at_next_step(clause: str) -> list[str]:
    """ "ขั้นที่ 1–4 เสร็จหมดตั้งแต่ มี.ค. ขั้นที่ 5 ผู้รับจ้างทำงานตามสัญญา…", "ข้อ3 เสร็จแล้ว(…) ข้อ4 กำลัง…": a
    step said done, then the next named with words of its own: two clauses, so the first one's "done" is not
    the second's."""
    refs = [m for m in STEP_REF_OPENS.finditer(clause) if m.start() > 0 and clause[m.start() - 1] in " \t)"]
    for m in refs:
        before = clause[: m.start()]
        first = REF.search(before)
        # "… ยังไม่ได้ส่ง ขอถอนที่รายงานไปก่อน ขั้นตอนที่ 5 …": what was taken back is said, the step is next
        if (
            (first is not None and DONE.search(before, first.end()))
            or (
                first is None
                and RETRACT.search(before)
                and NOT_DONE.search(before)
                and not before.rstrip().endswith("ว่า")  # "ขอยกเลิกที่แจ้งไปว่า ขั้นตอนที่ 10 เสร็จแล้ว": what was said
            )
            # "จริงๆ ยังไม่ได้เสนอเข้า คกก.กิจการสภาเลย … ขั้นที่ 3 เสร็จจริง": what is not done, then a step done
            or (
                first is None
                and NOT_DONE.search(before)
                and not before.rstrip().endswith("ว่า")
                and DONE.search(clause, m.end())
                and not NOT_DONE.search(clause, m.end())
            )
        ):
            return [before, *_at_next_step(clause[m.start() :])]
    return [clause]
