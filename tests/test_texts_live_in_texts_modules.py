"""Every user-facing Thai text lives in a texts module, where a Thai speaker can read and correct it.

A Thai reviewer should not have to read Python to fix a word: chat replies, quick-reply and button
labels, Flex card labels and alt texts, dashboard pages, the quarterly form's headers and the
terminal's messages are named constants (or small format functions) in modules named ``texts.py``
or ``*_texts.py`` (``handlers/texts.py`` for what several features say, one per feature folder,
``bot/texts.py`` and its siblings for the web pages, the form and the terminal). So no other module
under ``bot/`` or ``handlers/`` may hold a string literal, or a literal part of an f-string, with a
Thai letter (U+0E00–U+0E7F) in it.

Not counted: docstrings (prose about Thai input is documentation), and the pattern argument of a
``re`` function (``re.compile(r"ไตรมาส\\s*([1-4])")`` matches input, it is never shown). The parser
(``handlers/parse/``) is left out whole: its regexes, abbreviations and keyword lists are language
data, and its questions already live in ``handlers/parse/questions.py``. The fake LINE platform
(``bot/dev/fakeline/``) imitates LINE's own servers and is left out too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.source_walk import docstrings

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers")
EXCLUDED_DIRS = ("handlers/parse/", "bot/dev/fakeline/")
TEXTS_MODULES = {"handlers/parse/questions.py"}
THAI = re.compile("[\u0e00-\u0e7f]")
# re's functions whose first argument (or ``pattern=``) is a pattern to match, not a text to show.
RE_FUNCTIONS = {"compile", "search", "match", "sub", "fullmatch", "finditer", "findall", "split"}


def is_texts_module(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name == "texts.py" or name.endswith("_texts.py") or path in TEXTS_MODULES


def _patterns(tree: ast.AST) -> set[int]:
    """Ids of every node inside the pattern argument of ``re.compile(...)``, ``re.search(...)`` and the like."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in RE_FUNCTIONS
        ):
            continue
        patterns = node.args[:1] + [k.value for k in node.keywords if k.arg == "pattern"]
        out |= {id(inner) for pattern in patterns for inner in ast.walk(pattern)}
    return out


def thai_literals(source: str) -> list[tuple[int, str]]:
    """(line, literal) for every string literal or f-string part with a Thai letter, outside
    docstrings and ``re`` patterns."""
    tree = ast.parse(source)
    allowed = docstrings(tree) | _patterns(tree)
    found = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and THAI.search(node.value)
        and id(node) not in allowed
    ]
    return sorted(set(found))


def _modules() -> list[str]:
    paths = sorted(str(p.relative_to(ROOT)) for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))
    return [p for p in paths if not p.startswith(EXCLUDED_DIRS)]


def test_thai_text_lives_in_texts_modules() -> None:
    offenders = [
        f"{path}:{line}: {text[:60]!r}"
        for path in _modules()
        if not is_texts_module(path)
        for line, text in thai_literals((ROOT / path).read_text(encoding="utf-8"))
    ]
    assert offenders == [], "move these Thai texts into the module's texts.py:\n" + "\n".join(offenders)


def test_the_rule_sees_what_it_forbids() -> None:
    """The checker is not vacuous: it finds Thai in the texts modules and in forged sources, and lets
    docstrings and patterns be."""
    assert thai_literals((ROOT / "handlers/texts.py").read_text(encoding="utf-8"))
    assert thai_literals('reply.say("บันทึกแล้วค่ะ")\n') == [(1, "บันทึกแล้วค่ะ")]
    assert [line for line, _ in thai_literals('x = 1\nlabel = f"ตัวชี้วัดที่ {code}"\n')] == [2]
    assert thai_literals('WORDS = ("ใช่", "yes")\n') == [(1, "ใช่")]
    assert thai_literals('def f():\n    return {"k": "ร้อยละ"}\n') == [(2, "ร้อยละ")]
    assert thai_literals('re.sub(r"ค่ะ$", "คะ", text)\n') == [(1, "คะ")]  # the replacement is shown
    assert thai_literals('"""คำอธิบาย (prose)."""\n') == []
    assert thai_literals('def f():\n    """ตัวชี้วัดที่ 2."""\n') == []
    assert thai_literals('_Q = re.compile(r"ไตรมาส\\s*([1-4])")\n') == []
    assert thai_literals('re.search(pattern=f"ตัวชี้วัด{n}", string=s)\n') == []
    assert not is_texts_module("handlers/reporting/conversation.py")
    assert is_texts_module("handlers/reporting/texts.py") and is_texts_module("bot/dashboard_texts.py")
    assert len(_modules()) > 40
