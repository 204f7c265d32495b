"""Scoring the parser against the labelled corpus: shared by the corpus test and ``bench/parse.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handlers.parse.parser import MessageParser
from store.plan_files import load_plan

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA = DATA_DIR / "parse_corpus.yaml"
PLANS = Path(__file__).resolve().parent.parent / "plans"
# The tuned corpus, and the blind one written by someone who never read the parser: its dev part is
# for tuning, its sealed part is scored once, at the end of the work.
CORPORA = (
    "parse_corpus",
    "blind_dev",
    "blind_sealed",
    "blind2_dev",
    "blind2_sealed",
    "blind3_dev",
    "blind3_sealed",
    "blind4_dev",
    "blind4_sealed",
    "blind5_sealed",
    "blind6_sealed",
    "blind7_sealed",
    "blind8_sealed",
    "blind9_sealed",
    "blind10_sealed",
    "blind11_sealed",
    "blind12_sealed",
    "blind13_sealed",
    "blind14_sealed",
    "blind15_sealed",
    "blind16_sealed",
    "blind17_sealed",
    "blind17_dev",
    "blind18_dev",
    "blind19_dev",
    "blind20_dev",
    "blind21_dev",
    "blind22_dev",
)


def load_corpus(name: str = "parse_corpus") -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    return cases


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
    all_indicators_ok: bool = True  # a message about several: every one found, in order


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
    all_ok = True
    if exp.get("indicators"):
        found = [i["indicator"] for i in got.get("items") or []] or [got["indicator"]]
        all_ok = found == list(exp["indicators"])
    return Verdict(case, got, indicator_ok, value_ok, period_ok, wrong, all_ok)


def evaluate_corpus(cases: list[dict[str, Any]] | None = None) -> Score:
    cases = cases if cases is not None else load_corpus()
    parsers = parsers_for(cases)
    score = Score()
    for case in cases:
        today = case["today"] if isinstance(case["today"], date) else date.fromisoformat(case["today"])
        got = parsers[case["plan"]].parse(case["text"], today).as_json()
        score.verdicts.append(judge(case, got))
    return score


def main(argv: list[str]) -> None:
    """``python -m tests.corpus_eval blind_dev``: the scores and every miss, to study (never the sealed part)."""
    name = argv[1] if len(argv) > 1 else "parse_corpus"
    score = evaluate_corpus(load_corpus(name))
    n = len(score.verdicts)
    multi = [v for v in score.verdicts if v.case["expect"].get("indicators")]
    print(
        f"{name}: {n} cases, indicator {score.rate('indicator_ok'):.1%}, value {score.rate('value_ok'):.1%},"
        f" period {score.rate('period_ok'):.1%}, wrong auto-saves {len(score.wrong_auto_accepts)},"
        f" multi all-found {sum(v.all_indicators_ok for v in multi)}/{len(multi)}"
    )
    if name.endswith("_sealed") and "--misses" not in argv:
        return
    for v in score.verdicts:
        bad = [f for f in ("indicator_ok", "value_ok", "period_ok", "all_indicators_ok") if not getattr(v, f)]
        if bad or v.wrong_auto_accept:
            e, g = v.case["expect"], v.got
            print(
                f"  {v.case['id']} {'WRONG-SAVE ' if v.wrong_auto_accept else ''}{','.join(b[:-3] for b in bad)}:"
                f" want {e['indicator']}/{e.get('indicators')} {e['value']} {e['period']}"
                f" got {g['indicator']}/{[i['indicator'] for i in g.get('items') or []]} {g['value']} {g['period']}"
                f" ask={g['ask']!r:.40}  | {v.case['text']!r:.160}"
            )


if __name__ == "__main__":
    import sys

    main(sys.argv)
