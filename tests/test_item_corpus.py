"""The item matcher on the blind-written item corpora.

Each set was written by a labeller who never read the matcher. A dev part is tuned on; a sealed part
is scored once, by hand (``python -m tests.item_corpus_eval sealed6``), and from then on it is spent:
tuned on and guarded here like a dev part. The floors hold what was reached; no set may have an item
marked done without the reporter's tap that the message did not say.
"""

from __future__ import annotations

import functools

import pytest

from tests.item_corpus_eval import ItemScore, evaluate
from tests.item_floors import FLOORS


@functools.cache
def score_of(name: str) -> ItemScore:
    """Each set scored once a process, when its first test runs (not at collection: under pytest-xdist
    every worker collects the whole suite)."""
    return evaluate(name)


@pytest.mark.parametrize("name", list(FLOORS))
def test_the_blind_set_is_matched_as_labelled(name: str) -> None:
    score = score_of(name)
    misses = [f"{v.case['id']} {v.case['text']}" for v in score.failures()]
    assert score.accuracy >= FLOORS[name][0], misses


@pytest.mark.parametrize("name", list(FLOORS))
def test_nothing_is_marked_without_a_tap_unless_the_message_said_it(name: str) -> None:
    """Items marked straight away are only those named by number, and every one of them is right
    ("ขั้นตอนที่ 4 … นำเสนอผู้บริหารแล้ว" on KPI 5 asks before marking the report to the executives it ends in)."""
    assert [v.case["id"] for v in score_of(name).sure_wrong] == []


def test_the_whole_corpus_meets_the_bar() -> None:
    """The acceptance bar of items by chat: at least 95 % of every scored message, over all sets together,
    matched as labelled (each set's floor guards it from sliding; this guards the whole)."""
    verdicts = [v for name in FLOORS for v in score_of(name).verdicts]
    right = sum(v.right for v in verdicts)
    assert right / len(verdicts) >= 0.95, f"{right}/{len(verdicts)}"
