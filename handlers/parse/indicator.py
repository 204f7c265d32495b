"""Which indicator a message is about: explicit codes first, then aliases, then fuzzy names.

Fuzzy matching is IDF-weighted character-trigram containment over the reporter's own plan
(reference/thai-nlp.md §10): words every name shares (ร้อยละ, ความสำเร็จ, กรุงเทพมหานคร) weigh
nothing, and only trigrams that occur in some indicator name count, so a long narrative does
not dilute the score. Numbers inside names (12 โครงการ, 1555, 50 เขต) are never codes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from handlers.parse.normalize import match_key
from scoring.plan import Plan
from scoring.thai import thai_to_arabic_digits

ABBREVIATIONS = {
    "ตชว.": "ตัวชี้วัด",
    "ตช.": "ตัวชี้วัด",
    "คกก.": "คณะกรรมการ",
    "ผว.กทม.": "ผู้ว่าราชการกรุงเทพมหานคร",
    "ผว.": "ผู้ว่าราชการ",
    "ผู้ว่าฯ": "ผู้ว่าราชการ",
    "กทม.": "กรุงเทพมหานคร",
    "ส.ก.": "สมาชิกสภากรุงเทพมหานคร",
    "ปชช.": "ประชาชน",
    "งปม.": "งบประมาณ",
}
_COUNTING_NOUN = r"\s*(?:โครงการ|เรื่อง|เขต|ครั้ง|คน|แห่ง|ด้าน|ประเด็น|ราย|ชุด|วัน|นาที|บาท|%|เปอร์|ปี)"
_CODE = re.compile(
    r"(?:ตัวชี้วัด(?:ที่)?|ตัวชีวัด(?:ที่)?|ตชว\.?|ตช\.?|kpi|ข้อที่|ข้อ|ตัวที่|indicator)\s*(?:ที่\s*)?"
    r"(?P<code>[kK]?\d+(?:\.\d+)*(?:\s*\([กขคง]\)|\s?[กขคง](?![ก-๙]))?)(?![\d.]*\d)"
    rf"(?!{_COUNTING_NOUN})",
    re.IGNORECASE,
)
_CODE_ALIAS = re.compile(r"(?:ตัวชี้วัด(?:ที่)?|kpi|ข้อ(?:ที่)?|ตัวที่|k)?(?P<code>\d+(?:\.\d+)*(?:\([กขคง]\))?)")
_BARE_CODE = re.compile(r"(?:^|(?<=\s))(?P<code>[kK]\s?\d|\d+\.\d+(?:\.\d+)*(?:\s*\([กขคง]\))?)(?=\s|:|$|\))")


def canonical_code(code: str) -> str:
    """``3.1(ข)`` and ``๓.๑ (ข)`` → ``3.1 (ข)``; ``k 2`` → ``K2``."""
    c = thai_to_arabic_digits(code).strip()
    c = re.sub(r"^[kK]\s*", "K", c)
    c = re.sub(r"\s*\(?([กขคง])\)?$", r" (\1)", c)
    return c


@dataclass(frozen=True)
class CodeMatch:
    code: str
    span: tuple[int, int]


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


def _expand(text: str) -> str:
    for short, full in ABBREVIATIONS.items():
        text = text.replace(short, full)
    return text


def _grams(key: str, n: int = 3) -> set[str]:
    return {key[i : i + n] for i in range(max(1, len(key) - n + 1))} if key else set()


class IndicatorMatcher:
    """One plan's indicators, ready to be matched against messages (built once per plan)."""

    def __init__(self, plan: Plan, extra_aliases: Mapping[str, Iterable[str]] | None = None) -> None:
        self.plan = plan
        self.codes = {i.code for i in plan.indicators()}
        self._by_canonical = {canonical_code(c): c for c in self.codes}
        self.aliases: dict[str, set[str]] = {}
        self._code_alias_keys: dict[str, set[str]] = {}
        names: dict[str, list[str]] = {}
        for ind in plan.indicators():
            names[ind.code] = [ind.name, *ind.aliases]
            for alias in (*ind.aliases, *(extra_aliases or {}).get(ind.code, ())):
                key = match_key(_expand(alias))
                if _CODE_ALIAS.fullmatch(key):
                    self._code_alias_keys.setdefault(key, set()).add(ind.code)
                elif len(key) >= 3:
                    self.aliases.setdefault(key, set()).add(ind.code)
        for code, phrases in (extra_aliases or {}).items():
            names.setdefault(code, []).extend(phrases)
        self._alias_codes = self._code_aliases()
        self.grams = {code: set().union(*(_grams(match_key(_expand(n))) for n in ns)) for code, ns in names.items()}
        df: dict[str, int] = {}
        for gs in self.grams.values():
            for g in gs:
                df[g] = df.get(g, 0) + 1
        total = len(self.grams)
        self.idf = {g: math.log((total + 1) / (d + 0.5)) for g, d in df.items()}

    def _code_aliases(self) -> dict[str, str]:
        """ "ตัวชี้วัดที่ 1" style aliases (seed 002's K1) resolve like codes."""
        out = {}
        for key, codes in self._code_alias_keys.items():
            m = _CODE_ALIAS.fullmatch(key)
            if m and len(codes) == 1:
                out[canonical_code(m.group("code"))] = next(iter(codes))
        return out

    def resolve_code(self, raw: str) -> str | None:
        code = canonical_code(raw)
        if code in self._by_canonical:
            return self._by_canonical[code]
        if code in self._alias_codes:
            return self._alias_codes[code]
        if code.isdigit() and f"K{code}" in self.codes:
            return f"K{code}"
        return None

    def find_codes(self, text: str) -> list[CodeMatch]:
        """Explicit codes that exist in this plan, in text order (invalid codes are ignored)."""
        out: list[CodeMatch] = []
        for m in _CODE.finditer(text):
            code = self.resolve_code(m.group("code"))
            if code:
                out.append(CodeMatch(code, m.span()))
        taken = [c.span for c in out]
        for m in _BARE_CODE.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            code = self.resolve_code(m.group("code"))
            if code and not re.match(_COUNTING_NOUN, text[m.end() :]):
                out.append(CodeMatch(code, m.span()))
        return sorted(out, key=lambda c: c.span)

    def alias_hits(self, text: str) -> set[str]:
        key = match_key(_expand(text))
        hits: set[str] = set()
        for alias, codes in self.aliases.items():
            if alias in key:
                hits |= codes
        return hits

    def fuzzy(self, text: str) -> list[tuple[str, float]]:
        query = _grams(match_key(_expand(text)))
        relevant = [g for g in query if g in self.idf]
        mass = sum(self.idf[g] for g in relevant)
        if mass < 1.0:
            return []
        scores = {
            code: 100 * sum(self.idf[g] for g in relevant if g in grams) / mass for code, grams in self.grams.items()
        }
        return sorted(scores.items(), key=lambda kv: -kv[1])

    def candidates(self, text: str) -> Candidates:
        """Rank indicators for a text with no explicit code."""
        hits = self.alias_hits(text)
        fuzzy = self.fuzzy(text)
        if hits:
            ranked = sorted(((c, 100.0) for c in hits), key=lambda kv: kv[0])
            rest = [(c, s) for c, s in fuzzy if c not in hits]
            if len(hits) > 1:
                # Several aliases hit: order them by the fuzzy score, the evidence of the whole text.
                by_fuzzy = dict(fuzzy)
                ranked = sorted(ranked, key=lambda kv: -by_fuzzy.get(kv[0], 0.0))
            return Candidates(ranked + rest, "alias")
        return Candidates(fuzzy, "fuzzy" if fuzzy else "none")
