"""The item matcher on the blind-written item corpus (dev part; the sealed part is read once, by hand)."""

from __future__ import annotations

from tests.item_corpus_eval import evaluate

DEV = evaluate("dev")


def test_dev_items_are_matched_as_labelled() -> None:
    misses = [f"{v.case['id']} {v.case['text']}" for v in DEV.failures()]
    assert DEV.accuracy >= 0.88, misses


def test_nothing_is_marked_without_a_tap_unless_the_message_numbered_it() -> None:
    """Items marked straight away are only those named by number; every one of them is right."""
    assert [v.case["id"] for v in DEV.sure_wrong] == []
