"""Which units and which indicator a question names, written the way people write them.

Units: a name, an alias or a short name anywhere in the question (spaces, tone marks, "กทม." for
"กรุงเทพมหานคร" do not matter); an abbreviation ending in ฯ that is part of one unit's name ("สภาฯ",
"สำนักงานเลขาฯ ผู้ว่าฯ"); or a name's beginning, from its first word ("สำนักงานเลขานุการสภา"). A
phrase that looks like a unit ("สำนักงานเขตบางรัก") but is none the bot knows is returned too, so
that the caller never answers it with the asker's own unit.

Indicators: the report parser's own matcher (codes with or without a prefix, aliases, phrases learnt
from reporters, fuzzy names) over each plan the question may be about. Only the question's own words
("ถึงไหนแล้ว", "คะแนน", "ไตรมาส 2") and the units it names are blanked first: "คะแนน" is also in an
indicator's name, and a unit's name shares words with many indicators'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlmodel import Session, col, select

from handlers import texts as m
from handlers.parse.indicator import ABBREVIATIONS, canonical_code
from handlers.parse.normalize import blank, match_key
from handlers.parse.parser import MessageParser
from handlers.replies import LABEL_MAX
from store.models import IndicatorRecord, PlanRecord, Unit, UnitAlias
from store.plans import plan_from_record

ASKING = re.compile(
    r"ถึงไหน(?:แล้ว)?|เป็น(?:ยัง|อย่าง)?ไง(?:บ้าง)?|เป็นอย่างไร(?:บ้าง)?|ยังไง(?:บ้าง)?|อย่างไร(?:บ้าง)?|"
    r"คืบหน้า(?:แค่ไหน|ยังไง|ไหม|มั้ย)?|ต้อง(?:ทำ|ได้)อีก(?:เท่าไร|เท่าไหร่|แค่ไหน)?|ถึงระดับ\s*(?:[1-5]|ไหน)?|"
    r"ได้ระดับ(?:ไหน|อะไร)?|(?:ได้)?กี่(?:คะแนน|เปอร์(?:เซ็นต์)?)|ได้กี่|เท่าไร|เท่าไหร่|คะแนน|ตอนนี้|สรุปผล|ภาพรวม|"
    r"สถานะ|ไตรมาส(?:ที่)?\s*[1-4]|เฉพาะ|(?:ผล)?(?:ที่)?ยืนยันแล้ว|ที่ยืนยัน|ผลยืนยัน|confirmed|"
    r"(?:กำหนด)?ส่ง(?:ภายใน)?(?:วันไหน|วันอะไร|วันที่?เท่าไร|วันที่?เท่าไหร่|เมื่อไร|เมื่อไหร่)|กำหนดส่ง(?:คือ)?|"
    r"ภายใน(?:วันไหน|วันอะไร|วันที่?เท่าไร|วันที่?เท่าไหร่|เมื่อไร|เมื่อไหร่)|หน่วยงานไหน|หรือยัง|"
    r"ใคร|ยังไม่(?:ส่ง|รายงาน)|ค้างส่ง|บ้าง|แล้ว|(?:นะ)?(?:คะ|ค่ะ|ครับ)|จ้า|ล่ะ|หน่อย|ขอดู|\?",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(r"(?:[^\sฯ]+ฯ(?!ล)[ ]*)+")  # "สำนักงานเลขาฯ ผู้ว่าฯ", not "ฯลฯ"
_BEFORE_MARK = re.compile(r"(?:ของ|ใน|จาก|กับ|แห่ง)?([^\sฯ]+)ฯ")  # "ของสภาฯ": the council, not "ของสภา"
# A word that starts a unit's name (ฯ and Thai digits excluded: ฯ starts an abbreviation).
_UNIT_WORD = re.compile(
    r"(?:(?<![\u0e01-\u0e4e])|(?<=ของ))(?P<head>สำนักงาน|สำนัก(?!งาน)|กลุ่มงาน)[\u0e01-\u0e2e\u0e30-\u0e4e.]{2,}"
)
_LONE_CODE = re.compile(r"[kK]?\s?\d+(?:\.\d+)*")
_WRITTEN_CODE = re.compile(r"[kK]?\s?\d+(?:\.\d+)*(?:\s*\([กขคง]\))?")
MIN_STEM = 3  # "สภา": shorter pieces of a name are in too many names
NAME_BEYOND_HEAD = 4  # "สำนักงานเขตบ": a unit word must say more than "สำนักงาน" before it names a unit


@dataclass(frozen=True)
class UnitMention:
    """Where the question names a unit, and every unit that piece of text can stand for."""

    units: tuple[Unit, ...]
    span: tuple[int, int]


@dataclass(frozen=True)
class NamedUnits:
    mentions: tuple[UnitMention, ...]
    unknown: str | None  # a unit-like phrase that names no unit the bot knows


@dataclass(frozen=True)
class IndicatorHit:
    """An indicator the question names in one plan; ``rank`` orders the evidence across plans.

    3: the code as the plan writes it ("ตช.4" in a plan with a 4); 2: a code through an alias or a
    prefix (FY2565 calls K1 "ตัวชี้วัดที่ 1"); 1: an alias; 0: a fuzzy name.
    """

    record: PlanRecord
    code: str
    rank: int


def without_asking(text: str) -> str:
    return ASKING.sub(lambda found: " " * len(found.group(0)), text)


@lru_cache(maxsize=8192)
def name_keys(name: str) -> frozenset[str]:
    """Match keys of a name as people write it: with "กรุงเทพมหานคร" or "กทม.", "ผู้ว่าราชการ" or "ผว."."""
    variants = {name}
    for short, full in ABBREVIATIONS.items():
        for variant in list(variants):
            if full in variant:
                variants.add(variant.replace(full, short))
            if short in variant:
                variants.add(variant.replace(short, full))
    return frozenset(k for v in variants if len(k := match_key(v)) >= MIN_STEM)


def _keyed(text: str) -> tuple[str, list[int]]:
    """``match_key(text)`` and, for each of its characters, its index in ``text``."""
    key: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for k in match_key(ch):
            key.append(k)
            where.append(i)
    return "".join(key), where


def _in_order(key: str, stems: list[str]) -> bool:
    at = 0
    for stem in stems:
        found = key.find(stem, at)
        if found < 0:
            return False
        at = found + len(stem)
    return True


def _overlaps(span: tuple[int, int], taken: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in taken)


def named_units(session: Session, text: str, indicator_keys: Callable[[], str]) -> NamedUnits:
    """The units ``text`` names; ``indicator_keys`` (the asker's indicators' names, as match keys)
    keeps "มติสภาฯ", an indicator, from being read as "สภาฯ", a unit."""
    forms: list[tuple[Unit, frozenset[str]]] = [
        (unit, name_keys(form))
        for unit in session.exec(select(Unit).order_by(col(Unit.id))).all()
        for form in (unit.name, *(unit.aliases or ()), unit.short_name)
        if form
    ]

    known: list[str] = []

    def an_indicators(key: str) -> bool:
        if not known:
            known.append(indicator_keys())  # read the plans only when a phrase needs it
        return key in known[0]

    def containing(stems: list[str]) -> tuple[Unit, ...]:
        units = {u.id: u for u, keys in forms if any(_in_order(k, stems) for k in keys)}
        return tuple(units.values())

    found: dict[tuple[int, int], list[Unit]] = {}
    key, where = _keyed(text)
    for unit, keys in forms:
        for k in keys:
            start = key.find(k)
            while start >= 0:
                span = (where[start], where[start + len(k) - 1] + 1)
                if all(u.id != unit.id for u in found.setdefault(span, [])):
                    found[span].append(unit)
                start = key.find(k, start + 1)
    whole = [span for span in found if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in found)]
    mentions = [UnitMention(tuple(found[span]), span) for span in sorted(whole)]

    asked = without_asking(text)
    for chain in _ABBREVIATED.finditer(asked):
        end = chain.start() + len(chain.group(0).rstrip())
        runs = [(chain.start() + r.start(1), chain.start() + r.end(1)) for r in _BEFORE_MARK.finditer(chain.group(0))]
        if _overlaps((runs[0][0], end), (mn.span for mn in mentions)):
            continue
        first, first_at = _keyed(asked[runs[0][0] : runs[0][1]])
        rest = [match_key(asked[a:b]) for a, b in runs[1:]]
        for cut in range(len(first) - MIN_STEM + 1):
            units = containing([first[cut:], *rest])
            if units:
                break
        else:
            continue
        if cut > 0 and an_indicators(first):
            continue  # "มติสภาฯ" is an indicator's name; "คะแนนสภาฯ" asks about the council
        mentions.append(UnitMention(units, (runs[0][0] + first_at[cut], end)))

    unknown = None
    for word in _UNIT_WORD.finditer(asked):
        if _overlaps(word.span(), (mn.span for mn in mentions)):
            continue
        run, run_at = _keyed(word.group(0))
        shortest = len(match_key(word.group("head"))) + NAME_BEYOND_HEAD
        for length in range(len(run), shortest - 1, -1):
            units = containing([run[:length]])
            if units:
                mentions.append(UnitMention(units, (word.start(), word.start() + run_at[length - 1] + 1)))
                break
        else:
            if not an_indicators(run):
                unknown = unknown or word.group(0)
    return NamedUnits(tuple(sorted(mentions, key=lambda mn: mn.span)), unknown)


def indicator_keys(plans: Iterable[PlanRecord]) -> str:
    """The plans' indicator names and aliases as one string of match keys (to search in)."""
    return "|".join(
        k
        for record in plans
        for ind in plan_from_record(record).indicators()
        for n in (ind.name, *ind.aliases)
        for k in name_keys(n)
    )


def subject_of(text: str, mentions: Iterable[UnitMention]) -> str:
    """What the question is about once its own words and the units it names are taken out.

    A bare number left alone ("4 ถึงไหนแล้ว") is a code, as "ตัวชี้วัดที่ 4" would be.
    """
    subject = " ".join(without_asking(blank(text, (mn.span for mn in mentions))).split())
    return m.INDICATOR.format(code=subject) if _LONE_CODE.fullmatch(subject) else subject


_PARSERS: dict[tuple[str, frozenset[tuple[str, str]]], MessageParser] = {}


def _parser(record: PlanRecord, learnt: Mapping[str, list[str]]) -> MessageParser:
    """The plan's report parser (with what reporters taught it); kept, since it indexes every name."""
    key = (record.content_hash, frozenset((c, p) for c, ps in learnt.items() for p in ps))
    parser = _PARSERS.get(key)
    if parser is None:
        if len(_PARSERS) > 64:
            _PARSERS.clear()
        parser = _PARSERS[key] = MessageParser(plan_from_record(record), learnt)
    return parser


def _learnt(session: Session, plans: list[PlanRecord]) -> dict[int, dict[str, list[str]]]:
    """Phrases reporters confirmed for the plans' indicators, by plan (one query for every plan)."""
    rows = session.exec(
        select(UnitAlias.phrase, IndicatorRecord.code, IndicatorRecord.plan_id)
        .join(IndicatorRecord, col(UnitAlias.indicator_id) == col(IndicatorRecord.id))
        .where(col(IndicatorRecord.plan_id).in_([r.id for r in plans]))
        .order_by(col(UnitAlias.id))
    ).all()
    out: dict[int, dict[str, list[str]]] = {}
    for phrase, code, plan_id in rows:
        out.setdefault(plan_id, {}).setdefault(code, []).append(phrase)
    return out


def indicator_hits(session: Session, subject: str, plans: list[PlanRecord], today: date) -> list[IndicatorHit]:
    """The indicator ``subject`` names in each plan, keeping only the plans with the best evidence.

    The parser reads the subject as a question (the trailing "?"), so a name alone is still matched
    fuzzily rather than taken for chat.
    """
    if not subject or not plans:
        return []
    written = {canonical_code(c) for c in _WRITTEN_CODE.findall(subject)}
    learnt = _learnt(session, plans)
    hits: list[IndicatorHit] = []
    for record in plans:
        item = _parser(record, learnt.get(record.id or 0, {})).parse(subject + " ?", today).first
        if item is None:
            continue
        if item.via == "conflict":  # a code, and words that sound like another indicator: the code
            code, rank = item.candidates[0], 2
        elif item.indicator is None:
            continue
        else:
            code, rank = item.indicator, {"code": 2, "alias": 1, "fuzzy": 0}.get(item.via, -1)
        if rank == 2 and canonical_code(code) in written:
            rank = 3
        if rank >= 0:
            hits.append(IndicatorHit(record, code, rank))
    best = max((h.rank for h in hits), default=None)
    return [h for h in hits if h.rank == best]


def unit_label(unit: Unit | None, fallback: str) -> str:
    """A button's label for a unit: its short name, else its shortest alias that fits, else its name."""
    if unit is not None and unit.short_name:
        return unit.short_name
    short = sorted((a for a in (unit.aliases if unit else ()) if len(a) <= LABEL_MAX), key=len)
    return short[0] if short else fallback
