"""Scoring the item matcher against the blind-written item corpus (tests/data/item_corpus_*.yaml).

A case is right when the items the bot would mark after the reporter confirms (numbered ones as
said, matched ones once tapped) are exactly the labelled done and undone sets, for the labelled
indicator. Offering rivals to pick from is not right (the reporter has to choose), but is safe.
An item marked without a tap must be one the message named by number.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handlers.parse.parser import MessageParser
from scoring.fiscal import fiscal_year_bounds
from store.plan_files import load_plan

DATA = Path(__file__).resolve().parent / "data"
PLANS = Path(__file__).resolve().parent.parent / "plans"


def load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((DATA / f"item_corpus_{name}.yaml").read_text(encoding="utf-8"))
    return cases


def parsers_for(cases: list[dict[str, Any]]) -> dict[str, MessageParser]:
    return {name: MessageParser(load_plan(PLANS / f"{name}.yaml")) for name in {c["plan"] for c in cases}}


@dataclass
class ItemVerdict:
    case: dict[str, Any]
    got_done: set[str]
    got_undone: set[str]
    sure_done: set[str]
    options: list[str]
    indicator: str | None
    right: bool
    sure_wrong: bool  # marked without a tap, and not what the message said


@dataclass
class ItemScore:
    verdicts: list[ItemVerdict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(v.right for v in self.verdicts) / len(self.verdicts)

    @property
    def sure_wrong(self) -> list[ItemVerdict]:
        return [v for v in self.verdicts if v.sure_wrong]

    def failures(self) -> list[ItemVerdict]:
        return [v for v in self.verdicts if not v.right]


def day_in(fiscal_year: int) -> date:
    """A day in the plan's year (the second quarter): the corpus messages carry no date of their own."""
    start, _ = fiscal_year_bounds(fiscal_year)
    return date(start.year + 1, 2, 15)


def judge(case: dict[str, Any], parser: MessageParser) -> ItemVerdict:
    parsed = parser.parse(case["text"], day_in(parser.plan.fiscal_year))
    item = next((i for i in parsed.items if i.indicator == case["indicator"]), None)
    if item is None:
        item = parsed.first
    claims = item.claims if item is not None else None
    done = set(claims.done) | set(claims.proposed) if claims else set()
    undone = set(claims.undone) | set(claims.proposed_undone) if claims else set()
    sure = set(claims.done) | set(claims.undone) if claims else set()
    want_done, want_undone = set(case["done"]), set(case["undone"])
    labelled = bool(want_done or want_undone)
    indicator = item.indicator if item is not None else None
    right = done == want_done and undone == want_undone and (not labelled or indicator == case["indicator"])
    # Marked without a tap, and not as labelled: an item named done that is not labelled done, or named
    # not done that is not labelled not done (the direction counts), or on another indicator.
    wrong_way = (set(claims.done) - want_done) | (set(claims.undone) - want_undone) if claims else set()
    sure_wrong = bool(wrong_way) or (bool(sure) and indicator != case["indicator"])
    return ItemVerdict(case, done, undone, sure, list(claims.options) if claims else [], indicator, right, sure_wrong)


def evaluate(name: str) -> ItemScore:
    cases = load(name)
    parsers = parsers_for(cases)
    return ItemScore([judge(c, parsers[c["plan"]]) for c in cases])


def main(argv: list[str]) -> None:
    name = argv[1] if len(argv) > 1 else "dev"
    score = evaluate(name)
    print(
        f"{name}: {len(score.verdicts)} cases, item matching {score.accuracy:.1%},"
        f" sure-but-wrong {len(score.sure_wrong)}"
    )
    for v in score.failures():
        print(
            f"  {v.case['id']} {v.case['indicator']} want {sorted(v.case['done'])}/{sorted(v.case['undone'])}"
            f" got {v.indicator} {sorted(v.got_done)}/{sorted(v.got_undone)} options {v.options}: {v.case['text']}"
        )


if __name__ == "__main__":
    main(sys.argv)
