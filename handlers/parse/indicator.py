"""Which indicator a message is about: explicit codes first, then aliases, then fuzzy names.

Fuzzy matching is IDF-weighted character-trigram containment over the reporter's own plan
(reference/thai-nlp.md §10): words every name shares (ร้อยละ, ความสำเร็จ, กรุงเทพมหานคร) weigh
nothing, and only trigrams that occur in some indicator name count, so a long narrative does
not dilute the score. Numbers inside names (12 โครงการ, 1555, 50 เขต) are never codes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from handlers.parse.normalize import match_key, normalize_text
from scoring.items import items_of
from scoring.plan import Group, Indicator, Plan
from scoring.thai import thai_to_arabic_digits

ABBREVIATIONS = {
    "ตชว.": "ตัวชี้วัด",
    "ตช.": "ตัวชี้วัด",
    "กก.กส.": "กก.กิจการสภา",  # the council affairs committee, shortened further
    "คกก.": "คณะกรรมการ",
    "ผว.กทม.": "ผู้ว่าราชการกรุงเทพมหานคร",
    "ผว.": "ผู้ว่าราชการ",
    "ผู้ว่าฯ": "ผู้ว่าราชการ",
    "กทม.": "กรุงเทพมหานคร",
    "ส.ก.": "สมาชิกสภากรุงเทพมหานคร",
    "ปชช.": "ประชาชน",
    "งปม.": "งบประมาณ",
    "สนง.": "สำนักงาน",
    "อปท.": "องค์กรปกครองส่วนท้องถิ่น",
    "คทง.": "คณะทำงาน",
    # The secretariats as their staff write them.
    "สพว.": "สำนักงานเลขานุการผู้ว่าราชการ",
    "สลป.": "สำนักงานเลขานุการปลัด",
}
ALIAS_SCORE = 1000.0  # an alias hit outranks any fuzzy score
PROJECT_SHARE, PROJECT_MARGIN = 0.45, 0.2  # of a project's name (by IDF weight) said, and its lead over the next
_PROJECT_SAID = re.compile(r"โครงการ|project", re.IGNORECASE)
_DENIED_WORDS = re.compile(r"ไม่ใช่(?:ของ)?\s*[^\s\d]\S*")  # "ไม่ใช่ก่อหนี้ผูกพัน": a name said not to be meant
NAME_WHOLE = 0.9  # the share of an indicator's own name said for it to be named whole
NAME_PART = 0.7  # ... while no rival's name is said more than this share
NAME_MOST, NAME_FAR = 0.6, 0.4  # or most of it said, and no rival's more than this part of that
FUZZY_FULL_MASS = 18.0  # IDF mass of roughly six distinctive trigrams: a phrase that clearly names one
_COUNTING_NOUN = r"[ ]?(?:โครงการ|เรื่อง|เขต|ครั้ง|คน|แห่ง|ด้าน|ประเด็น|ราย(?!งาน|ละเอียด|การ|ชื่อ)|ชุด|วัน|นาที|บาท|%|เปอร์|ปี)"
_CODE = re.compile(
    r"(?:ตัวชี้วัด(?:ที่)?|ตัวชีวัด(?:ที่)?|ตชว\.?|ตช\.?|kpi|ข้อที่|ข้อ|ตัวที่|indicator)\s*(?:ยุทธ(?:ศาสตร์)?\s*)?(?:ที่\s*)?"
    r"(?P<code>[kK]?\d+(?:\.\d+)*(?P<letter>\s*\([กขคง]\)|\s?[กขคง](?![ก-๙]))?|[กขคง]\.\d+(?:\.\d+)*)(?![\d.]*\d)"
    # "3 โครงการ" is a count, but "ตช.3.1 (ข) โครงการ…" a code and the project it names
    rf"(?(letter)|(?!{_COUNTING_NOUN}))(?![-–]\d+(?![\d.]|\s*%))",  # "ตช.1-4 รอยืนยัน": a range of codes
    re.IGNORECASE,
)
_WORD_CODE = re.compile(r"^([^\d\s]{2,})\s+\d")


def _said_word_code(m: re.Match[str]) -> str:
    """ "เจรจา3.1", "เจรจาข้อ 3.1" → "เจรจา 3.1", as plans write word codes."""
    return f"{m.group('word')} {m.group('number')}"


_FILLERS = re.compile(r"ของ|ที่|และ")  # "ภูมิปัญญาของผู้สูงอายุ" says "ภูมิปัญญาผู้สูงอายุ"
_MEASURING = re.compile(r"^(?:ผล)?(?:การ)?(?:สำรวจ|ระดับ|ร้อยละ|ค่า)")
_EITHER = re.compile(r"\s*(?:หรือ|/|,)\s*(?:ตัวชี้วัด(?:ที่)?|ตช\.?|kpi|ข้อ)?\s*(?P<code>[kK]?\d+(?:\.\d+)*)(?![\d.]*\d)")
_NAME_NUMBER = re.compile(r"(?:พ\.ศ\.\s?|ทั้ง\s?|ศูนย์\s?กทม\.\s?)?\d+(?:\s?(?:โครงการสำคัญ|เขต|ชุดข้อมูล|ด้าน|ประเด็น|ศูนย์))?")
_PROJECT_WORD = re.compile(r"^(?:โครงการ|กิจกรรม)\s*")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,40})[”\"]")
_CUT_SHORT = re.compile(r"([ก-๙a-z]{6,})ฯ")
_MIN_CUT = 6  # letters a name cut short must keep to say whose it is
_LETTER_CODE = re.compile(r"[ก-ฮ]\.\d+(?:\.\d+)*")
_LATIN_KEY_RUN = re.compile(r"[a-z]{7,}")
_LATIN_RUN = re.compile(r"[A-Za-z]{2,}(?:\s+[A-Za-z]{2,})+")


def _said_alone(alias: str, low: str) -> bool:
    """An acronym ("km") or a letter code ("ค.2") as a word of its own, not inside another or a date."""
    if _LETTER_CODE.fullmatch(alias):
        letter, number = alias.split(".", 1)
        return re.search(rf"(?<![ก-๙.\d]){letter}\.\s?{re.escape(number)}(?![\d.]*\d)", low) is not None
    return re.search(rf"(?<![a-z]){alias}(?![a-z])", low) is not None


_PROJECT_YEAR = re.compile(r"\s*(?:ประจำ)?ปี(?:งบประมาณ)?\s*(?:พ\.?\s?ศ\.?)?\s*\d{4}.*$")  # "… ประจำปีงบประมาณ พ.ศ. 2563"


_AFTER_ALIAS = 9  # letters after an alias that tell whose words it is in


def _follows(alias: str, after: str, key: str) -> bool:
    """``after`` comes within a few words after ``alias`` in ``key``."""
    return any(after in key[m.end() : m.end() + 50] for m in re.finditer(re.escape(alias), key))


def project_aliases(indicator: Indicator) -> list[str]:
    """How staff name an indicator by its project: a quoted name ("Happy life Happy Heart"), an
    English name ("Bangkok Brand", "Healthy Workplace"), or a short one-word Thai name
    ("สภากรุงเทพมหานครจำลอง"); long descriptive names are left to the indicator's own words."""
    out: list[str] = []
    for project in indicator.projects:
        name = _PROJECT_WORD.sub("", project.name).strip()
        out += [m.group(1) for m in _QUOTED.finditer(name)]
        out += [m.group(0) for m in _LATIN_RUN.finditer(name)]
        if " " not in name and 6 <= len(name) <= 30:
            out.append(name)
    return out


# Numbers that are part of a name whatever the plan: "โควิด-19", "COVID-19".
_NAMED_NUMBER = re.compile(r"(?:covid|โควิด|โคโรนา)\s*-?\s*19(?!\d)", re.IGNORECASE)
_CODE_ALIAS = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|kpi|ข้อ(?:ที่)?|ตัวที่|k)?(?P<code>\d+(?:\.\d+)*(?:\([กขคง]\))?)")
_BARE_CODE = re.compile(
    # "3.1 (ข)", and "3.1 ข" with the letter as a word of its own
    # "ขั้น1-3 ของK1": a K code glued to the Thai word before it
    r"(?:^|(?<=[\s(])|(?<=[ก-๙])(?=[kK]\d))(?P<code>[kK]\s?\d|[กขคง]\.?\d+(?:\.\d+)*|\d+\.\d+(?:\.\d+)*(?:\s*\([กขคง]\)|\s[กขคง](?=[\s)]|$))?)"
    r"(?=\s|:|$|\))"
)


def _all_groups(groups: Iterable[Group]) -> Iterator[Group]:
    for group in groups:
        yield from _all_groups(group.groups)  # the smallest group first: its members are the fewest
        yield group


def _find_group(group: Group, code: str, kind: str) -> Group | None:
    if group.code == code and group.kind.startswith(kind):
        return group
    for sub in group.groups:
        found = _find_group(sub, code, kind)
        if found is not None:
            return found
    return None


def canonical_code(code: str) -> str:
    """``3.1(ข)`` and ``๓.๑ (ข)`` → ``3.1 (ข)``; ``k 2`` → ``K2``."""
    c = thai_to_arabic_digits(code).strip()
    c = re.sub(r"^[kK]\s*", "K", c)
    c = re.sub(r"^([กขคง])(?=\d)", r"\1.", c)  # "ข2" typed for "ข.2"
    c = re.sub(r"\s*\(?([กขคง])\)?$", r" (\1)", c)
    return c


@dataclass(frozen=True)
class CodeMatch:
    code: str
    span: tuple[int, int]
    alternatives: tuple[str, ...] = ()  # a prefix or "5 หรือ 6": the code is one of these


@dataclass
class Candidates:
    """Scores 0–100 per indicator code, best first, and how the best was found."""

    ranked: list[tuple[str, float]] = field(default_factory=list)
    via: str = "none"  # code / alias / fuzzy / none

    @property
    def top(self) -> str | None:
        return self.ranked[0][0] if self.ranked else None

    def margin(self) -> float:
        if not self.ranked:
            return 0.0
        second = self.ranked[1][1] if len(self.ranked) > 1 else 0.0
        return self.ranked[0][1] - second


# English names the plans print, as staff spell them in Thai letters ("วันแพลตฟอร์ม" is One Platform):
# read as the English on both sides of every match. Tone marks are optional: staff drop them.
LOANWORDS = [
    (re.compile(p), english)
    for p, english in (
        (r"วัน\s*แพล[ตท]\s*ฟอร์ม", "one platform"),
        (r"จ็?อบ\s*โร(?:เท|เต)\s*ชั่?น", "job rotation"),
        (r"เบส[ทต]์?\s*เซอร์?\s*วิ[สซ]", "best service"),
        (r"(?:บางกอก|แบงค็?อก)\s*แบรนด์", "bangkok brand"),
        (r"ออนไลน์\s*มาร์เก็?[ตท]\s*เพล[สซ]", "online market place"),
        (r"ยูนิฟาย(?:ด์)?\s*คอมมิวนิเค\s*ชั่?น(?:ส์)?", "unified communications"),
        (r"แฮปปี้?\s*ไลฟ์\s*แฮปปี้?\s*ฮาร์[ทต]", "happy life happy heart"),
        (r"เฮล[ทธ]?์?\s*ตี้?\s*เวิร์[คก]\s*เพล[สซ]", "healthy workplace"),
        (r"อินโนเวชั่?น(?:ส์)?\s*เบส", "innovation base"),
        (r"อินโนเวชั่?น(?:ส์)?", "innovation"),
        (r"ทราฟฟี่?\s*ฟองดู(?:ว์)?", "traffy fondue"),
        (r"ทราฟฟี่?", "traffy"),
        (r"แดช\s*บอร์ด", "dashboard"),
        (r"อินโฟ\s*กราฟ(?:ฟ)?ิ[กค](?:ส์)?", "infographic"),
        (r"แอ[คก]็?ชั่?น\s*แพลน", "action plan"),
    )
]


def _expand(text: str) -> str:
    for short, full in ABBREVIATIONS.items():
        text = text.replace(short, full)
    for said, english in LOANWORDS:
        text = said.sub(english, text)
    return text


def _grams(key: str, n: int = 3) -> set[str]:
    return {key[i : i + n] for i in range(max(1, len(key) - n + 1))} if key else set()


class IndicatorMatcher:
    """One plan's indicators, ready to be matched against messages (built once per plan)."""

    def __init__(self, plan: Plan, extra_aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        self.plan = plan
        # Every item text of every indicator, as matched: an alias said inside one may be that item's word.
        self._item_keys = [
            (indicator.code, match_key(_expand(item.text)))
            for indicator in plan.indicators()
            for item in items_of(indicator)
        ]
        self.codes = {i.code for i in plan.indicators()}
        self._by_canonical = {canonical_code(c): c for c in self.codes}
        self.aliases: dict[str, set[str]] = {}
        # Two-letter acronyms a plan lists ("KM"): named only as a word of their own, never inside one.
        self._short_aliases: dict[str, set[str]] = {}
        self._code_alias_keys: dict[str, set[str]] = {}
        names: dict[str, list[str]] = {}
        for ind in plan.indicators():
            names[ind.code] = [ind.name, *ind.aliases]
            for alias in (*ind.aliases, *project_aliases(ind), *(extra_aliases or {}).get(ind.code, ())):
                key = match_key(_expand(alias))
                if _CODE_ALIAS.fullmatch(key):
                    self._code_alias_keys.setdefault(key, set()).add(ind.code)
                elif _LETTER_CODE.fullmatch(key):
                    # "ค.2", an old code kept as an alias: a code of its own, never the "ค. 25…" of "ก.ค. 2562"
                    self._short_aliases.setdefault(key, set()).add(ind.code)
                elif len(key) >= 3:
                    self.aliases.setdefault(key, set()).add(ind.code)
                elif re.fullmatch(r"[a-z]{2}", key):
                    self._short_aliases.setdefault(key, set()).add(ind.code)
        for code, phrases in (extra_aliases or {}).items():
            names.setdefault(code, []).extend(phrases)
        self._alias_codes = self._code_aliases()
        # Codes a plan writes with a word before the number ("เจรจา 3.1"): found as written, before a
        # bare "3.1" that may be another indicator's code.
        prefixes = sorted({m.group(1) for c in self.codes if (m := _WORD_CODE.match(c))}, key=len, reverse=True)
        self._word_codes = (
            # "ตช.เจรจาข้อ 1": a "ข้อ" between the word and the number is the same code
            re.compile(
                rf"(?P<word>{'|'.join(map(re.escape, prefixes))})\s*(?:ข้อ(?:ที่)?\s*|ที่\s*)?"
                r"(?P<number>\d+(?:\.\d+)*)(?![\d.]*\d)"
            )
            if prefixes
            else None
        )
        self._keys = {code: "|".join(match_key(_expand(n)) for n in ns) for code, ns in names.items()}
        # Every name and alias an indicator goes by, each once: what a name cut short ("…ฯ") may open.
        self._name_keys = {
            *((k, code) for code, ks in self._keys.items() for k in ks.split("|")),
            *((k, code) for k, codes in self.aliases.items() for code in codes),
        }
        self._name_numbers = sorted(
            {
                m.group(0).strip()
                for ns in names.values()
                for n in ns
                for m in _NAME_NUMBER.finditer(normalize_text(n).lower())
                if not _CODE_ALIAS.fullmatch(match_key(_expand(m.group(0))))
                and (not m.group(0).strip().isdigit() or len(m.group(0).strip()) >= 4)
            },
            key=len,
            reverse=True,
        )
        # "ทั้ง 12 โครงการ" is the name's "ทั้ง ๑๒ โครงการสำคัญ" said short: the whole, never the result
        self._name_numbers += [
            p.removesuffix("สำคัญ") for p in self._name_numbers if p.startswith("ทั้ง") and p.endswith("โครงการสำคัญ")
        ]
        self.grams = {code: set().union(*(_grams(match_key(_expand(n))) for n in ns)) for code, ns in names.items()}
        df: dict[str, int] = {}
        for gs in self.grams.values():
            for g in gs:
                df[g] = df.get(g, 0) + 1
        total = len(self.grams)
        self.idf = {g: math.log((total + 1) / (d + 0.5)) for g, d in df.items()}
        # Each indicator's own name, less the measure it opens with ("ร้อยละ…"): said nearly whole, it names
        # that indicator even when a longer name holds the same words.
        self._own_names = {
            ind.code: _grams(match_key(_expand(_MEASURING.sub("", match_key(ind.name))))) for ind in plan.indicators()
        }
        # Each project's name, apart: a project named ("โครงการลดการใช้ไฟฟ้าในศาลาว่าการฯ") tells the
        # indicator it serves when the indicators' own names leave the message torn.
        self._projects = [
            (ind.code, _grams(match_key(_expand(_PROJECT_YEAR.sub("", _PROJECT_WORD.sub("", p.name))))))
            for ind in plan.indicators()
            for p in ind.projects
        ]
        pdf: dict[str, int] = {}
        for _, gs in self._projects:
            for g in gs:
                pdf[g] = pdf.get(g, 0) + 1
        self._project_idf = {g: math.log((len(self._projects) + 1) / (d + 0.5)) for g, d in pdf.items()}

    def _code_aliases(self) -> dict[str, str]:
        """ "ตัวชี้วัดที่ 1" style aliases (seed 002's K1) resolve like codes."""
        out = {}
        for key, codes in self._code_alias_keys.items():
            m = _CODE_ALIAS.fullmatch(key)
            if m and len(codes) == 1:
                out[canonical_code(m.group("code"))] = next(iter(codes))
        return out

    def partial_code(self, raw: str) -> list[str]:
        """Codes a prefix stands for: "2.2" in a plan with 2.2.1 and 2.2.2, "5" for 5.1 and 5.2."""
        code = canonical_code(raw)
        if not code or not code[0].isdigit():
            return []
        return sorted(c for c in self.codes if c.startswith(code + "."))

    def resolve_code(self, raw: str) -> str | None:
        code = canonical_code(raw)
        if code in self._by_canonical:
            return self._by_canonical[code]
        if code in self._alias_codes:
            return self._alias_codes[code]
        if code.isdigit() and f"K{code}" in self.codes:
            return f"K{code}"
        return None

    def word_code_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the plan's word codes ("เจรจา 5") stand: their numbers are neither days nor values."""
        if self._word_codes is None:
            return []
        return [m.span() for m in self._word_codes.finditer(text) if self._word_code(m) is not None]

    def _word_code(self, m: re.Match[str]) -> str | None:
        word = _said_word_code(m)
        code = self._by_canonical.get(canonical_code(word))
        return code or (word if word in self.codes else None)

    def find_codes(self, text: str) -> list[CodeMatch]:
        """Explicit codes that exist in this plan, in text order (invalid codes are ignored)."""
        out: list[CodeMatch] = []
        word_spans: list[tuple[int, int]] = []
        for m in self._word_codes.finditer(text) if self._word_codes else ():
            code = self._word_code(m)
            if code:
                out.append(CodeMatch(code, m.span()))
                word_spans.append(m.span())
                continue
            members = self.group_members(_said_word_code(m), "")
            if len(members) >= 2:  # "เจรจา 3 หลักสูตรวิชาชีพ": a group of two indicators, asked which
                out.append(CodeMatch(members[0], m.span(), tuple(members[:3])))
                word_spans.append(m.span())
        for m in _CODE.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in word_spans):
                continue
            code = self.resolve_code(m.group("code"))
            either = _EITHER.match(text, m.end())
            if code and either:
                other = self.resolve_code(either.group("code"))
                if other and other != code:
                    out.append(CodeMatch(code, (m.start(), either.end()), (code, other)))
                    continue
            if code:
                twin = self._word_twin(code) if m.group(0).lstrip().startswith("ข้อ") else None
                out.append(CodeMatch(code, m.span(), (code, twin) if twin else ()))
                continue
            partial = self.partial_code(m.group("code"))
            if partial:
                out.append(CodeMatch(partial[0], m.span(), tuple(partial)))
        taken = [c.span for c in out]
        for m in _BARE_CODE.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            code = self.resolve_code(m.group("code")) or self._only_word_code(m.group("code"))
            # "3.1 ปี" counts years, but "K2 ปีนี้…" and "ก.2 เดือนนี้…" are codes: a lettered code counts nothing
            lettered = not m.group("code")[0].isdigit()
            if code and (lettered or not re.match(_COUNTING_NOUN, text[m.end() :])):
                twin = self._word_twin(code)
                out.append(CodeMatch(code, m.span(), (code, twin) if twin else ()))
        return sorted(out, key=lambda c: c.span)

    def _only_word_code(self, number: str) -> str | None:
        """ "ภูมิปัญญา: 1.1 = 70%": a sub-number only one word code of the plan ends in ("เจรจา 1.1")."""
        if "." not in number:
            return None
        found = [c for c in self.codes if c.endswith(" " + number)]
        return found[0] if len(found) == 1 else None

    def _word_twin(self, code: str) -> str | None:
        """ "ข้อ 3.2" in a plan with both 3.2 and เจรจา 3.2: either could be meant, so ask."""
        return next((c for c in sorted(self.codes) if c != code and c.endswith(" " + code)), None)

    def alias_hits(self, text: str) -> set[str]:
        """Indicators named by an alias in the text; when several are, those covered by the most aliases.

        "เว็บไซต์สภา … ความพึงพอใจ": the first alias names only indicator 5, the second names 3.3 but also
        occurs in 5's name, so 5 is covered twice and wins.
        """
        # "62.4% เป็นของเบิกจ่าย ไม่ใช่ก่อหนี้ผูกพัน": the one said not to be meant is not named
        key = match_key(_expand(_DENIED_WORDS.sub(" ", text)))
        found = [alias for alias in self.aliases if alias in key]
        found += self._misspelt_latin(key, found)
        # "เรื่องร้องเรียน" holds "ร้องเรียน": one mention, counted once
        found = [a for a in found if not any(a != b and a in b and self.aliases[a] <= self.aliases[b] for b in found)]
        found = [a for a in found if not self._inside_another_s_item(a, key)]
        low = text.lower()
        short = [a for a in self._short_aliases if _said_alone(a, low)]
        cut = self._cut_short(low)
        if not found and not short:
            return cut
        coverage: dict[str, int] = {}
        for alias in found:
            for code in self.aliases[alias] | {c for c, names in self._keys.items() if alias in names}:
                coverage[code] = coverage.get(code, 0) + 1
        for alias in short:
            for code in self._short_aliases[alias]:
                coverage[code] = coverage.get(code, 0) + 1
        best = max(coverage.values())
        return {c for c, n in coverage.items() if n == best}

    def _misspelt_latin(self, key: str, found: list[str]) -> list[str]:
        """ "One Platfrom": a long alias in Latin letters typed with a slip (a letter swapped, dropped or
        doubled) still names its indicator; Thai aliases are matched by their words elsewhere."""
        runs = _LATIN_KEY_RUN.findall(key)
        if not runs:
            return []
        return [
            alias
            for alias in self.aliases
            if alias not in found
            and len(alias) >= 8
            and alias.isascii()
            and alias.isalpha()
            and any(
                OSA.distance(run[: len(alias) + 1], alias) <= 1 or OSA.distance(run[: len(alias)], alias) <= 1
                for run in runs
            )
        ]

    def _inside_another_s_item(self, alias: str, key: str) -> bool:
        """ "นวัตกรรมจากชุดข้อมูล": the innovation indicator's alias said as the words of One Platform's item 5
        ("สร้างนวัตกรรม…จากชุดข้อมูล"): every time it is said, what follows it is what follows it in an item of
        another indicator, and in none of its own."""
        mine = self.aliases[alias]
        spots = [m.end() for m in re.finditer(re.escape(alias), key)]
        for end in spots:
            after = key[end : end + _AFTER_ALIAS]
            if len(after) < _AFTER_ALIAS:
                return False
            if not any(code not in mine and _follows(alias, after, k) for code, k in self._item_keys):
                return False
            if any(code in mine and _follows(alias, after, k) for code, k in self._item_keys):
                return False
        return bool(spots)

    def _cut_short(self, low: str) -> set[str]:
        """ "ระบบสารบรรณฯ": a name cut short by ไปยาลน้อย, when what is written opens one indicator's
        name or alias only ("ระบบสารบรรณอิเล็กทรอนิกส์" is ก.2's). Only when no whole alias is said: a
        whole one outweighs a guess from a name's opening."""
        found: set[str] = set()
        for m in _CUT_SHORT.finditer(low):
            run = m.group(1)
            for start in range(0, max(0, len(run) - _MIN_CUT) + 1):
                said = match_key(run[start:])
                if len(said) < _MIN_CUT:
                    break
                codes = {code for name, code in self._name_keys if name.startswith(said) and name != said}
                if codes:
                    if len(codes) == 1:
                        found |= codes
                    break
        return found

    def generic_alias(self, text: str, code: str) -> bool:
        """ "ผลสำรวจความพึงพอใจ ได้ 88.6%": 3.3's alias "สำรวจความพึงพอใจ" less its measuring words is
        "ความพึงพอใจ", which two other indicators' names also say; the alias alone is confirmed. So is
        one that another name says with a "ของ" between ("ภูมิปัญญา(ของ)ผู้สูงอายุ"), or that names a group."""
        key = match_key(_expand(text))
        found = [alias for alias in self.aliases if alias in key and code in self.aliases[alias]]
        if not found:
            return False
        others = [_FILLERS.sub("", names) for c, names in self._keys.items() if c != code]
        # The name of a group holding this indicator and others ("ความสำเร็จในการจัดหลักสูตรวิชาชีพ" holds
        # เจรจา 3.1 and 3.2) says no more than which group.
        others += [
            match_key(_expand(g.name))
            for g in _all_groups(self.plan.groups)
            if code in (members := [i.code for i in g.walk()]) and len(members) >= 2
        ]
        for alias in found:
            core = _FILLERS.sub("", _MEASURING.sub("", alias))
            if len(core) < 6 or not any(core in names for names in others):
                return False
        return True

    def group_members(self, group_code: str, kind: str) -> list[str]:
        """Indicators under a group (มิติที่ 2 → 2.1, 2.2.1, 2.2.2); ``kind`` is the word the writer used."""
        for group in self.plan.groups:
            found = _find_group(group, group_code, kind)
            if found is not None:
                return [i.code for i in found.walk()]
        return []

    def group_named(self, text: str) -> list[str]:
        """ "ความสำเร็จในการจัดหลักสูตรวิชาชีพ ได้ 92%": the name of a group of indicators (เจรจา 3 is
        3.1 and 3.2) says the group, not which of them; its members, to ask which. Empty when the text
        also names one member by an alias, or names no group."""
        key = match_key(_expand(text))
        for group in _all_groups(self.plan.groups):
            members = [i.code for i in group.walk()]
            # the group's name, or an English name it prints beside it ("(Quality of Work Life)")
            names = [match_key(_expand(group.name)), *(match_key(m.group(0)) for m in _LATIN_RUN.finditer(group.name))]
            name = next((n for n in names if len(n) >= 8 and n in key), "")
            if len(members) >= 2 and name:
                # an alias of one member said besides the group's name picks that member
                return [] if self.alias_hits(key.replace(name, " ")) & set(members) else members
        return []

    def name_number_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of number phrases copied from indicator names ("12 โครงการสำคัญ", "พ.ศ. 2562", "1555")."""
        spans = [m.span() for m in _NAMED_NUMBER.finditer(text)]
        for phrase in self._name_numbers:
            start = text.find(phrase)
            while start >= 0:
                spans.append((start, start + len(phrase)))
                start = text.find(phrase, start + 1)
        return spans

    def fuzzy(self, text: str) -> list[tuple[str, float]]:
        """0–100 per indicator: the IDF mass of the text's trigrams found in its names, saturating.

        Absolute evidence, not a share of the text: a long narrative neither dilutes a clear
        mention, nor does a two-word greeting that shares one common trigram look like one.
        """
        query = _grams(match_key(_expand(text)))
        relevant = [g for g in query if g in self.idf]
        if not relevant:
            return []
        scores = {
            code: 100 * math.fsum(self.idf[g] for g in relevant if g in grams) / FUZZY_FULL_MASS
            for code, grams in self.grams.items()
        }
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        return ranked if ranked and ranked[0][1] > 0 else []

    def named_whole(self, text: str, among: Iterable[str]) -> str | None:
        """ "หลักสูตรที่เปิดสอนตรงตามความต้องการของตลาดงาน 18/20": the one indicator among ``among`` whose
        own name the text says nearly whole, where the others' longer names it says only in part."""
        query = _grams(match_key(_expand(text)))
        shares = []
        for code in among:
            grams = self._own_names.get(code, set())
            own = math.fsum(self.idf.get(g, 0.0) for g in grams)
            said = math.fsum(self.idf.get(g, 0.0) for g in grams & query)
            shares.append((said / own if own else 0.0, code))
        shares.sort(reverse=True)
        if not shares:
            return None
        best, rival = shares[0][0], shares[1][0] if len(shares) > 1 else 0.0
        # nearly whole beside a rival said in part; or most of it ("ตรงกับความต้องการตลาดแรงงาน") far ahead
        whole = best >= NAME_WHOLE and rival <= NAME_PART
        most = best >= NAME_MOST and rival <= best * NAME_FAR
        return shares[0][1] if whole or most else None

    def by_project(self, text: str, among: Iterable[str]) -> str | None:
        """The one indicator among ``among`` whose project the text names: most of a project's name
        said, and clearly more than of any other of theirs."""
        if not _PROJECT_SAID.search(text):
            return None
        query = _grams(match_key(_expand(text)))
        among = set(among)
        scored = []
        for code, grams in self._projects:
            if code not in among:
                continue
            own = math.fsum(self._project_idf[g] for g in grams)
            said = math.fsum(self._project_idf[g] for g in grams & query)
            scored.append((said / own if own else 0.0, code))
        scored.sort(reverse=True)
        if not scored or scored[0][0] < PROJECT_SHARE:
            return None
        best, code = scored[0]
        rival = next((s for s, c in scored[1:] if c != code), 0.0)
        return code if best >= rival + PROJECT_MARGIN else None

    def candidates(self, text: str) -> Candidates:
        """Rank indicators for a text with no explicit code."""
        hits = self.alias_hits(text)
        fuzzy = self.fuzzy(_DENIED_WORDS.sub(" ", text))  # "… ไม่ใช่ก่อหนี้ผูกพัน": not evidence for it
        if hits:
            ranked = sorted(((c, ALIAS_SCORE) for c in hits), key=lambda kv: kv[0])
            rest = [(c, s) for c, s in fuzzy if c not in hits]
            if len(hits) > 1:
                # Several aliases hit: order them by the fuzzy score, the evidence of the whole text.
                by_fuzzy = dict(fuzzy)
                ranked = sorted(ranked, key=lambda kv: -by_fuzzy.get(kv[0], 0.0))
            return Candidates(ranked + rest, "alias")
        return Candidates(fuzzy, "fuzzy" if fuzzy else "none")
