"""Benchmark the Thai message parser on the labelled corpus (tests/data/parse_corpus.yaml).

Prints per-field accuracy, median and p99 µs per message after warm-up, start-up time (imports and
building the parsers), and the resident memory of a process that has loaded the parser. Never asserts.
Run: .venv/bin/python bench/parse.py [--rounds 20]
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
from tests.corpus_eval import evaluate_corpus, load_corpus, parsers_for  # noqa: E402

CASES = load_corpus()
PARSERS = parsers_for(CASES)
STARTUP = time.perf_counter() - T0


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
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
    score = evaluate_corpus(CASES)
    print(f"{'corpus messages':<38}{len(CASES):>12}")
    for field in ("indicator_ok", "value_ok", "period_ok"):
        print(f"{field.removesuffix('_ok') + ' accuracy':<38}{score.rate(field) * 100:>11.1f}%")
    print(f"{'wrong auto-accepts':<38}{len(score.wrong_auto_accepts):>12}")
    saved = sum(1 for v in score.verdicts if v.got["ask"] is None and v.case["expect"]["kind"] == "report")
    reports = sum(1 for c in CASES if c["expect"]["kind"] == "report")
    print(f"{'reports saved without asking':<38}{saved:>8}/{reports:<3}")
    print(f"{'median µs / message':<38}{statistics.median(timings):>12.1f}")
    print(f"{'p99 µs / message':<38}{timings[int(len(timings) * 0.99)]:>12.1f}")
    print(f"{'start-up (imports + 3 parsers) ms':<38}{STARTUP * 1000:>12.1f}")
    print(f"{'resident memory MiB':<38}{rss_mib():>12.1f}")


if __name__ == "__main__":
    main()
