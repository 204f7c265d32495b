"""The labelled corpus (tests/data/parse_corpus.yaml): table-driven, and the acceptance rates."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from handlers.parse.parser import MessageParser
from tests.corpus_eval import CORPORA, Score, evaluate_corpus, judge, load_corpus, parsers_for

CASES = load_corpus()


# Scored once a process, when a test first needs it (not at collection: under pytest-xdist every
# worker collects the whole suite).
@functools.cache
def parsers() -> dict[str, MessageParser]:
    return parsers_for(CASES)


@functools.cache
def score() -> Score:
    return evaluate_corpus(CASES)


def _explain(verdicts: list[Any]) -> str:
    return "\n".join(
        f"{v.case['id']}: {v.case['text']!r}\n   expect {v.case['expect']}\n   got    {v.got}" for v in verdicts[:15]
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_corpus_case_is_never_a_wrong_auto_accept(case: dict[str, Any]) -> None:
    """Every message: if the bot would save without asking, indicator and value are right."""
    from datetime import date

    today = case["today"] if isinstance(case["today"], date) else date.fromisoformat(case["today"])
    got = parsers()[case["plan"]].parse(case["text"], today).as_json()
    verdict = judge(case, got)
    assert not verdict.wrong_auto_accept, _explain([verdict])


def test_corpus_has_enough_realistic_messages() -> None:
    assert len(CASES) >= 250
    kinds = {c["expect"]["kind"] for c in CASES}
    assert {"report", "multi", "chat", "question", "correction"} <= kinds


@pytest.mark.parametrize("field", ["indicator_ok", "value_ok", "period_ok"])
def test_field_accuracy_at_least_97_percent(field: str) -> None:
    rate = score().rate(field)
    assert rate >= 0.97, f"{field} {rate:.1%}\n" + _explain(score().failures(field))


# The blind corpora, written by people who never read the parser. Their dev parts guard what was
# reached on them (the thresholds of auto-save were chosen there); the sealed parts are scored by
# hand, once, at the end of a round of work (``python -m tests.corpus_eval blind2_sealed``), never here.
# A sealed part once scored is spent: from then on it is tuned on and guarded like a dev part.
# The first two sealed parts were scored once and kept out of tuning; every later one is spent.
SPENT = tuple(n for n in CORPORA if n.endswith("_sealed") and n not in ("blind_sealed", "blind2_sealed"))
BLIND = (*(n for n in CORPORA if n.endswith("_dev")), *SPENT)


@functools.cache
def blind(name: str) -> Score:
    assert name in BLIND, f"{name} is neither a dev part nor a spent sealed part"
    return evaluate_corpus(load_corpus(name))


FLOORS = {
    "blind_dev": {"indicator_ok": 0.98, "value_ok": 0.98, "period_ok": 0.99},
    "blind2_dev": {"indicator_ok": 0.98, "value_ok": 0.99, "period_ok": 0.99},
    "blind3_dev": {"indicator_ok": 0.975, "value_ok": 0.99, "period_ok": 0.99},
    "blind3_sealed": {"indicator_ok": 0.97, "value_ok": 0.99, "period_ok": 0.98},
    "blind4_dev": {"indicator_ok": 0.96, "value_ok": 0.99, "period_ok": 0.98},
    "blind4_sealed": {"indicator_ok": 0.96, "value_ok": 0.99, "period_ok": 0.96},
    "blind5_sealed": {"indicator_ok": 0.965, "value_ok": 0.985, "period_ok": 0.985},
    "blind6_sealed": {"indicator_ok": 0.98, "value_ok": 0.98, "period_ok": 0.99},
    "blind7_sealed": {"indicator_ok": 0.99, "value_ok": 0.98, "period_ok": 0.98},
    "blind8_sealed": {"indicator_ok": 0.975, "value_ok": 0.99, "period_ok": 0.99},
    "blind9_sealed": {"indicator_ok": 0.98, "value_ok": 0.975, "period_ok": 0.98},
    "blind10_sealed": {"indicator_ok": 0.995, "value_ok": 0.985, "period_ok": 0.985},
    "blind11_sealed": {"indicator_ok": 0.98, "value_ok": 0.98, "period_ok": 0.98},
    "blind12_sealed": {"indicator_ok": 0.985, "value_ok": 0.995, "period_ok": 0.97},
    "blind13_sealed": {"indicator_ok": 0.99, "value_ok": 0.99, "period_ok": 0.995},
    "blind14_sealed": {"indicator_ok": 0.985, "value_ok": 0.985, "period_ok": 0.99},
    "blind15_sealed": {"indicator_ok": 0.975, "value_ok": 0.985, "period_ok": 0.985},
    "blind16_sealed": {"indicator_ok": 0.975, "value_ok": 0.985, "period_ok": 0.99},
    # the ninth session's sealed set, scored once on its final code: 99.0 / 98.5 / 98.0 %, none saved wrongly
    "blind17_sealed": {"indicator_ok": 0.99, "value_ok": 0.985, "period_ok": 0.98},
    # written at the start of the ninth session: 98.0 / 99.0 / 99.0 % when first scored, then tuned on
    "blind17_dev": {"indicator_ok": 1.0, "value_ok": 1.0, "period_ok": 1.0},
    "blind18_dev": {"indicator_ok": 0.99, "value_ok": 0.99, "period_ok": 1.0},  # 98.0 / 98.0 / 99.0 % first
    "blind19_dev": {"indicator_ok": 0.97, "value_ok": 1.0, "period_ok": 1.0},  # 96.0 / 97.0 / 100 % first
    "blind20_dev": {"indicator_ok": 0.97, "value_ok": 0.99, "period_ok": 1.0},  # 95.0 / 97.0 / 98.0 % first
    "blind21_dev": {"indicator_ok": 0.98, "value_ok": 1.0, "period_ok": 1.0},  # 98.0 / 100 / 100 % first
    "blind22_dev": {"indicator_ok": 0.98, "value_ok": 0.98, "period_ok": 0.97},  # 97.0 / 98.0 / 95.0 % first
}


@pytest.mark.parametrize(
    ("name", "field"), [(n, f) for n, floors in FLOORS.items() for f in floors], ids=lambda x: str(x)
)
def test_blind_dev_accuracy_holds(name: str, field: str) -> None:
    rate = blind(name).rate(field)
    assert rate >= FLOORS[name][field], f"{field} {rate:.1%}\n" + _explain(blind(name).failures(field))


# Saved without asking, against the label, and kept: "เรื่องร้องเรียนจากชุมชน แก้ได้ 70%" names Traffy's
# complaints (indicator 4) by its alias and nothing else scores near it; the labeller read it as torn.
# "ตช.3.2 ได้ 90.5%" in the social development plan: the plan lists "ตช.3.2" as 3.2's alias; the labeller
# read it as torn between 3.2 and เจรจา 3.2.
DISPUTED_SAVES = {"b4d-206", "b8d-068"}


@pytest.mark.parametrize("name", list(BLIND))
def test_blind_dev_has_no_wrong_auto_save(name: str) -> None:
    wrong = [v for v in blind(name).wrong_auto_accepts if v.case["id"] not in DISPUTED_SAVES]
    assert wrong == [], _explain(wrong)


# Messages about several indicators in which every one is found; the rest are asked about.
MULTI_FLOORS = {
    "blind3_sealed": 0.8,
    "blind4_dev": 0.84,
    "blind5_sealed": 0.8,
    "blind6_sealed": 1.0,
    "blind8_sealed": 0.85,
    "blind9_sealed": 0.9,
    "blind10_sealed": 0.94,
    "blind11_sealed": 0.9,
    "blind12_sealed": 0.94,
    "blind13_sealed": 1.0,
    "blind14_sealed": 0.9,
    "blind15_sealed": 0.94,
    "blind16_sealed": 1.0,
    "blind17_sealed": 0.84,
    "blind17_dev": 0.88,
    "blind18_dev": 0.87,
}


@pytest.mark.parametrize("name", list(BLIND))
def test_blind_dev_messages_about_several_indicators_find_each(name: str) -> None:
    multi = [v for v in blind(name).verdicts if v.case["expect"].get("indicators")]
    found = sum(v.all_indicators_ok for v in multi) / len(multi)
    assert found >= MULTI_FLOORS.get(name, 1.0), _explain([v for v in multi if not v.all_indicators_ok])
