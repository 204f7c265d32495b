"""Normalising chat text before any regex: LINE spans, Unicode, Thai digits, odd spaces.

Order matters (reference/thai-nlp.md §5, §13): LINE mention/emoji spans are cut by index from the
raw text first, because NFKC and zero-width removal change lengths; NFKC decomposes ``ำ`` so
pythainlp's normalize must run after it; zero-width *spaces* become spaces (some keyboards use them
as separators), zero-width joiners and BOMs are deleted, except a joiner inside an emoji sequence
(👩‍👩‍👧‍👦 is one picture; without its joiners it becomes four).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pythainlp.util import normalize as thai_normalize

from scoring.thai import thai_to_arabic_digits

# Tabs stay: they are the cells of a table pasted from a spreadsheet.
_AS_SPACE = dict.fromkeys(map(ord, "\u200b\u2060\u00a0\u3000\u2009\u202f\u2007\u2002\u2003"), " ")
_DELETE = dict.fromkeys(map(ord, "\u200c\ufeff\u00ad\u200e\u200f"), None)
_MARK_STYLE = re.compile("(?<=[\u2705\u2713\u2714\u2716\u2717\u274c\u2611])\ufe0f")  # "✔️" is "✔"; 🏳️‍🌈 stays whole
_AS_TICK = {ord("\u2611"): "\u2705"}  # a ticked ballot box ("☑️ แต่งตั้งคณะทำงาน") is a tick
_ZWJ = "\u200d"
_EMOJI_TAIL = re.compile("[\ufe0f\U0001f3fb-\U0001f3ff]+$")  # variation selector, skin tones
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SPACES = re.compile(r"[ ]+")


def remove_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Cut (index, length) spans counted in UTF-16 code units, as LINE counts them, out of ``text``."""
    ordered = sorted(spans, reverse=True)
    if not ordered:
        return text
    units = text.encode("utf-16-le")
    for index, length in ordered:
        start, end = 2 * index, 2 * (index + length)
        if 0 <= start <= end <= len(units):
            units = units[:start] + b" " + b"\x00" + units[end:]
    return units.decode("utf-16-le", errors="ignore")


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So"


def _drop_joiners(text: str) -> str:
    """Zero-width joiners go, except between two emoji (a joiner between Thai letters or digits is noise)."""
    if _ZWJ not in text:
        return text
    parts = text.split(_ZWJ)
    out = [parts[0]]
    for part in parts[1:]:
        before = _EMOJI_TAIL.sub("", out[-1])
        if before and part and _is_emoji(before[-1]) and _is_emoji(part[0]):
            out.append(_ZWJ + part)
        else:
            out.append(part)
    return "".join(out)


def normalize_text(text: str) -> str:
    """Display-safe normal form: Thai digits → Arabic, no thousands commas, tidy spaces, lines kept."""
    t = _drop_joiners(_MARK_STYLE.sub("", text.translate(_AS_SPACE).translate(_DELETE)).translate(_AS_TICK))
    t = unicodedata.normalize("NFKC", t)
    t = _hurried(thai_normalize(t))
    t = thai_to_arabic_digits(t)
    t = _THOUSANDS.sub("", t)
    lines = [_SPACES.sub(" ", line).strip() for line in t.replace("\r", "\n").split("\n")]
    return _DICTATED_SPLIT.sub(lambda m: m.group(0).replace(" ", ""), "\n".join(line for line in lines if line))


# Status words typed in a hurry without their tone mark or short vowel ("ทอดแบบสอบถามแลว สรุปผลเสรจดวยค่ะ"):
# none of these spellings is another Thai word
_HURRIED = (
    (re.compile(r"แลว(?![\u0e31-\u0e3a\u0e47-\u0e4e])"), "แล้ว"),
    (re.compile(r"เสรจ"), "เสร็จ"),
    (re.compile(r"เรียบรอย|เรียบรอ้ย|เรียบร้อบ"), "เรียบร้อย"),
    (re.compile(r"(?<![ก-ฮ])ดวย(?![\u0e31-\u0e3a\u0e47-\u0e4e])"), "ด้วย"),
    (re.compile(r"(?<![ก-ฮ])ขอมูล"), "ข้อมูล"),
    (re.compile(r"นวตกรรม|นวัตกำ(?!ลัง)"), "นวัตกรรม"),
    (re.compile(r"(?<![ก-ฮ])ปสาน"), "ประสาน"),
    # what a phone's voice typing hears for the words of a report
    (re.compile(r"คั่น(?=ที่|ตอน)"), "ขั้น"),
    (re.compile(r"(?<![ก-ฮ])คนะ(?=กรรมการ|ทำงาน)"), "คณะ"),
    (re.compile(r"แบบสอบ(?:ตาม|ถม)"), "แบบสอบถาม"),
    (re.compile(r"กลั่นกลอง"), "กลั่นกรอง"),
    (re.compile(r"ทำมาภิบาล"), "ธรรมาภิบาล"),
)


def _hurried(text: str) -> str:
    for typed, meant in _HURRIED:
        text = typed.sub(meant, text)
    return text


# Words a speech-to-text keyboard splits ("ร้อย ละ 95", "ไตร มาส ที่ 4"), joined again
_DICTATED_SPLIT = re.compile(r"ร้อย ละ|ไตร มาส|เปอร์ เซ็นต์|ตัว ชี้ วัด|ตัวชี้ วัด")


_MATCH_DROP = re.compile(r"[ฯ\"'“”‘’`()\[\]{}*_~!?…\u0e47-\u0e4c]")  # also tone marks: typos drop them


# "> …", and LINE's reply as staff paste it: "↩️ ตอบกลับ: "2.1 เบิกจ่าย ธ.ค. 11.23%""
_QUOTED = re.compile(r"^\s*(?:>|＞|↩\ufe0f?\s*ตอบกลับ|ตอบกลับ\s*[:：]).*$", re.MULTILINE)


def without_quoted(text: str) -> str:
    """The message less the lines it quotes from another ("> …", LINE's reply and e-mail style)."""
    mine = _QUOTED.sub("", text)
    return mine if mine.strip() else text


def quoted_lines(text: str) -> str:
    """The lines a message quotes from another, the others left out."""
    return "\n".join(m.group(0) for m in _QUOTED.finditer(text))


def match_key(text: str) -> str:
    """A key for fuzzy matching only: lower case, no spaces, no ฯ, tone marks or punctuation."""
    return _MATCH_DROP.sub("", text.lower()).replace(" ", "").replace("\n", "")


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Spaces over the spans (line breaks kept), so every other index still points at the same character."""
    chars = list(text)
    for a, b in spans:
        for i in range(a, min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
