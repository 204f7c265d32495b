"""Scoring the parser against the labelled corpus: shared by the corpus test and ``bench/parse.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handlers.parse.parser import MessageParser
from store.plan_files import load_plan

DATA = Path(__file__).resolve().parent / "data" / "parse_corpus.yaml"
PLANS = Path(__file__).resolve().parent.parent / "plans"


def load_corpus() -> list[dict[str, Any]]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def parsers_for(cases: list[dict[str, Any]]) -> dict[str, MessageParser]:
    return {name: MessageParser(load_plan(PLANS / f"{name}.yaml")) for name in {c["plan"] for c in cases}}


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 0.011


@dataclass
class Verdict:
    case: dict[str, Any]
    got: dict[str, Any]
    indicator_ok: bool
    value_ok: bool
    period_ok: bool
    wrong_auto_accept: bool


@dataclass
class Score:
    verdicts: list[Verdict] = field(default_factory=list)

    def rate(self, attr: str) -> float:
        return sum(getattr(v, attr) for v in self.verdicts) / len(self.verdicts)

    @property
    def wrong_auto_accepts(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.wrong_auto_accept]

    def failures(self, attr: str) -> list[Verdict]:
        return [v for v in self.verdicts if not getattr(v, attr)]


def _claimed(got: dict[str, Any], exp: dict[str, Any]) -> bool:
    """A level on a ladder or points on a checklist is read as a claim about items, asked to be
    confirmed item by item, not saved as a number: the stated number is the claim's."""
    claims = got.get("item_claims") or {}
    return got["value"] is None and claims.get("claim") is not None and _same(claims.get("claimed"), exp["value"])


def judge(case: dict[str, Any], got: dict[str, Any]) -> Verdict:
    exp = case["expect"]
    if exp.get("ambiguous"):
        # The bot must ask, offering at least one of the plausible indicators.
        offered = set(got["candidates"]) | ({got["indicator"]} if got["indicator"] else set())
        indicator_ok = got["ask"] is not None and bool(offered & set(exp["candidates"]))
    else:
        indicator_ok = got["indicator"] == exp["indicator"]
    value_ok = _same(got["value"], exp["value"]) or _claimed(got, exp)
    period_ok = got["period"] == exp["period"]
    saved = exp["kind"] in ("report", "multi") and got["ask"] is None and got["indicator"] is not None
    wrong = saved and (got["indicator"] != exp["indicator"] or not value_ok)
    return Verdict(case, got, indicator_ok, value_ok, period_ok, wrong)


def evaluate_corpus(cases: list[dict[str, Any]] | None = None) -> Score:
    cases = cases if cases is not None else load_corpus()
    parsers = parsers_for(cases)
    score = Score()
    for case in cases:
        today = case["today"] if isinstance(case["today"], date) else date.fromisoformat(case["today"])
        got = parsers[case["plan"]].parse(case["text"], today).as_json()
        score.verdicts.append(judge(case, got))
    return score
