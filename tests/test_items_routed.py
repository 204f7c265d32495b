"""Item messages of the blind-written corpus sent through the real router, as their reporter sends them.

The item corpus scores the parser. The router decides first whether a text is a question, a request
for a link or a report; once, "สรุปผลแบบสอบถามเสร็จแล้วค่ะ" was answered with the indicator's status
and "ทำ Dashboard เสร็จแล้ว" with a dashboard link, and the report was lost while the corpus scored it
right. Here each message the reporter's parser reads as a report of items must reach the report
conversation: its first reply confirms, saves or asks back, never answers something else.
"""

from __future__ import annotations

import functools
import hashlib
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from handlers import texts as m
from handlers.accounts import texts as at
from handlers.parse.parser import MessageParser
from store.db import make_engine
from store.demo import demo_line_id
from store.plan_files import load_plan
from tests.chat_driver import ChatDriver
from tests.conftest import PLANS, ROOT
from tests.item_floors import FLOORS

# The demo's reporter of each plan (the demo has no FY2562 unit)
REPORTER = {"fy2567-governor-secretary": "somsri", "fy2565-council-secretariat": "anan"}
SAMPLE = 80  # cases, chosen by a hash of their ids: the same every run, spread over every set
_STATUS = re.compile(r"^ตัวชี้วัดที่ \S+: ระดับ \d \(")  # the query side's status card


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted((ROOT / "tests/data").glob("item_corpus_*.yaml")):
        if path.stem.removeprefix("item_corpus_") not in FLOORS:
            continue  # a sealed set not yet scored is read by nothing
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if case["plan"] in REPORTER and (case["done"] or case["undone"]):
                out.append((f"{path.stem}/{case['id']}", case))
    out.sort(key=lambda c: hashlib.sha256(c[0].encode()).hexdigest())
    return out[:SAMPLE]


CASES = _cases()


@functools.cache
def parser_for(plan: str) -> MessageParser:
    """Built when a test first needs it, not at collection (every pytest-xdist worker collects the suite)."""
    return MessageParser(load_plan(PLANS / f"{plan}.yaml"))


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_an_item_report_reaches_the_report_conversation(case: dict[str, Any], template: Path, tmp_path: Path) -> None:
    parsed = parser_for(case["plan"]).parse(case["text"], date(2024, 1, 15))
    if parsed.intent != "report" or all(i.claims.empty for i in parsed.items):
        pytest.skip("the parser reads no items in it: the item corpus scores that")
    db = tmp_path / "t.db"
    shutil.copy(template, db)
    engine = make_engine(f"sqlite:///{db}")
    try:
        reporter = ChatDriver(engine, demo_line_id(REPORTER[case["plan"]]), tmp_path)
        reply = reporter.say(case["text"]).texts[0]
    finally:
        engine.dispose()
    assert not _STATUS.match(reply), reply
    assert not reply.startswith(m.HELP[:20]), reply
    assert not reply.startswith(at.DASHBOARD_LINK[:20]) and reply != at.EXPORT_DENIED, reply
