"""Benchmark the Thai message parser on its labelled corpora.

Prints, for the tuned corpus (tests/data/parse_corpus.yaml) and each part of the blind one
(blind_dev, blind_sealed), per-field accuracy, wrong auto-saves and the share of reports saved
without a question; then accuracy against the ask rate as the auto-save threshold moves; then median
and p99 µs per message after warm-up, start-up time and resident memory. Never asserts.
Run: .venv/bin/python bench/parse.py [--rounds 20] [--no-sealed]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

T0 = time.perf_counter()
import handlers.parse.parser as parser_module  # noqa: E402
from tests.corpus_eval import CORPORA, Score, evaluate_corpus, load_corpus, parsers_for  # noqa: E402

CASES = load_corpus()
PARSERS = parsers_for(CASES)
STARTUP = time.perf_counter() - T0


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ask_rate(score: Score) -> tuple[int, int]:
    """Reports (one indicator or several) the parser asks about before saving, of all reports."""
    reports = [v for v in score.verdicts if v.case["expect"]["kind"] in ("report", "multi")]
    return sum(1 for v in reports if v.got["ask"] is not None), len(reports)


def report(name: str, cases: list[dict[str, object]], score: Score) -> None:
    print(f"{name} ({len(cases)} messages)")
    for field in ("indicator_ok", "value_ok", "period_ok"):
        print(f"  {field.removesuffix('_ok') + ' accuracy':<36}{score.rate(field) * 100:>11.1f}%")
    print(f"  {'wrong auto-saves':<36}{len(score.wrong_auto_accepts):>12}")
    asked, reports = ask_rate(score)
    print(f"  {'reports saved without asking':<36}{reports - asked:>8}/{reports:<3}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--no-sealed", action="store_true", help="leave out the sealed blind corpora")
    args = parser.parse_args()
    jobs = [(PARSERS[c["plan"]], c["text"], date.fromisoformat(str(c["today"]))) for c in CASES]
    for p, text, today in jobs:  # warm-up
        p.parse(text, today)
    timings: list[float] = []
    for _ in range(args.rounds):
        for p, text, today in jobs:
            start = time.perf_counter_ns()
            p.parse(text, today)
            timings.append((time.perf_counter_ns() - start) / 1000)
    timings.sort()
    names = [n for n in CORPORA if not (args.no_sealed and n.endswith("_sealed"))]
    for name in names:
        cases = CASES if name == "parse_corpus" else load_corpus(name)
        report(name, cases, evaluate_corpus(cases))
    print("\nauto-save threshold (value confidence) → reports asked, wrong auto-saves")
    chosen = parser_module.SURE_VALUE
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        parser_module.SURE_VALUE = threshold
        cells = []
        for name in names:
            score = evaluate_corpus(CASES if name == "parse_corpus" else load_corpus(name))
            asked, reports = ask_rate(score)
            cells.append(f"{name} {asked}/{reports} asked, {len(score.wrong_auto_accepts)} wrong")
        mark = "  ← in use" if threshold == chosen else ""
        print(f"  {threshold:.1f}: " + "; ".join(cells) + mark)
    parser_module.SURE_VALUE = chosen
    print()
    print(f"{'median µs / message':<38}{statistics.median(timings):>12.1f}")
    print(f"{'p99 µs / message':<38}{timings[int(len(timings) * 0.99)]:>12.1f}")
    print(f"{'start-up (imports + 3 parsers) ms':<38}{STARTUP * 1000:>12.1f}")
    print(f"{'resident memory MiB':<38}{rss_mib():>12.1f}")


if __name__ == "__main__":
    main()
