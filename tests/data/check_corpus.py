"""Self-check of the labelled parser corpus (tests/data/parse_corpus.yaml).

Run from the repository root:  .venv/bin/python tests/data/check_corpus.py
Checks the labels for internal consistency against the plans and the calendar rules; it does not
parse any message. Exits 1 and lists the problems when a check fails.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().with_name("parse_corpus.yaml")
PLANS_DIR = ROOT / "plans"

KINDS = {"report", "multi", "chat", "question", "correction"}
UNITS = {"ร้อยละ", "โครงการ", "เรื่อง", "ครั้ง", "ระดับ", "นาที", "บาท", "คะแนน", None}
EXPECT_KEYS = {"indicator", "ambiguous", "value", "numerator", "denominator", "unit", "period", "kind"}
OPTIONAL_EXPECT_KEYS = {"candidates", "indicators", "stated_percent"}
CASE_KEYS = {"id", "plan", "today", "text", "expect"}
OPTIONAL_CASE_KEYS = {"tags", "note"}

# A labelled month lies at most this many months before today (a month or quarter without a year is its
# most recent occurrence; explicit older periods must be tagged old-period).
MAX_LAG_MONTHS = 11

MINIMUM = {"cases": 270, "chat+question": 25, "multi": 15, "ambiguous": 20, "correction": 10}

# Pitfalls of docs/reference/thai-nlp.md §13 -> tags that exercise them (every tag set must be used).
PITFALL_TAGS: dict[str, list[str]] = {
    "1 zero-width / NBSP": ["zwsp", "zwnj", "zwj", "bom", "nbsp", "ideographic-space"],
    "2 NFKC / Thai normalisation": ["nikhahit", "double-sara-e", "tone-order", "fullwidth"],
    "3 Thai digits": ["thai-digits"],
    "4 percent forms": [
        "percent-symbol",
        "percent-word",
        "percent-english",
        "percent-spelled",
        "percent-typo",
        "bare-number",
        "fraction",
        "reversed-fraction",
        "level",
        "hundred-percent",
        "half",
        "commas",
    ],
    "5 abbreviations": ["abbreviation"],
    "6 Buddhist Era / fiscal year": ["be-2digit", "ce-2digit", "be-4digit", "ce-4digit", "fy-boundary", "round-months"],
    "7 dot-less / truncated months": ["dotless-month", "dotless-collision", "truncated-month"],
    "8 slash ambiguity": ["slash-period", "slash-date", "slash-fraction"],
    "9 numbers inside names": ["numbers-in-name"],
    "10 ปัญหา inside names": ["problem-in-name"],
    "11 noisy names": ["noisy-name"],
    "12 transliterations / English": ["transliteration", "english-mixed"],
    "13 LINE mentions / emoji": ["mention", "emoji"],
    "15 long input": ["long"],
    "16 cumulative values": ["cumulative"],
}
# Characters a tag promises to be present in the text.
TAG_CHARS = {
    "zwsp": "\u200b",
    "zwnj": "\u200c",
    "zwj": "\u200d",
    "bom": "\ufeff",
    "nbsp": "\u00a0",
    "ideographic-space": "\u3000",
    "nikhahit": "\u0e4d\u0e32",
    "double-sara-e": "\u0e40\u0e40",
    "tone-order": "\u0e48\u0e35",
    "mention": "@",
}


def walk_indicators(groups: list[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for group in groups or []:
        for ind in group.get("indicators") or []:
            found[str(ind["code"])] = ind
        found.update(walk_indicators(group.get("groups") or []))
    return found


def fiscal(year_ce: int, month: int) -> tuple[int, int]:
    """(fiscal year BE, quarter) of a calendar month."""
    be = year_ce + 543
    return (be + 1 if month >= 10 else be), (month - 10) % 12 // 3 + 1


def month_of(fy: int, month: int) -> tuple[int, int]:
    """Calendar (CE year, month) of a month of fiscal year fy."""
    return (fy - 543 - 1 if month >= 10 else fy - 543), month


def quarter_start(fy: int, quarter: int) -> dt.date:
    first = {1: 10, 2: 1, 3: 4, 4: 7}[quarter]
    year, month = month_of(fy, first)
    return dt.date(year, month, 1)


def months_between(a: tuple[int, int], b: tuple[int, int]) -> int:
    return (b[0] - a[0]) * 12 + (b[1] - a[1])


def check() -> int:
    errors: list[str] = []
    cases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        print("corpus is not a YAML list")
        return 1

    plans: dict[str, dict] = {}
    ids: Counter[str] = Counter()
    per_plan_kind: Counter[tuple[str, str]] = Counter()
    tags_used: Counter[str] = Counter()
    ambiguous = 0

    for n, case in enumerate(cases):
        cid = str(case.get("id", f"#{n}"))
        ids[cid] += 1

        def err(msg: str, cid: str = cid) -> None:
            errors.append(f"{cid}: {msg}")

        extra = set(case) - CASE_KEYS - OPTIONAL_CASE_KEYS
        missing = CASE_KEYS - set(case)
        if extra or missing:
            err(f"case keys: missing {sorted(missing)}, unknown {sorted(extra)}")
            continue
        exp = case["expect"]
        extra = set(exp) - EXPECT_KEYS - OPTIONAL_EXPECT_KEYS
        missing = EXPECT_KEYS - set(exp)
        if extra or missing:
            err(f"expect keys: missing {sorted(missing)}, unknown {sorted(extra)}")
            continue

        tags = case.get("tags") or []

        # ---- plan and indicator codes
        plan_id = case["plan"]
        if plan_id not in plans:
            path = PLANS_DIR / f"{plan_id}.yaml"
            if not path.exists():
                err(f"plan file {path.name} does not exist")
                continue
            plan = yaml.safe_load(path.read_text(encoding="utf-8"))
            plans[plan_id] = {"fy": int(plan["fiscal_year"]), "codes": walk_indicators(plan["groups"])}
        codes = plans[plan_id]["codes"]
        plan_fy = plans[plan_id]["fy"]

        today = case["today"]
        if not isinstance(today, dt.date):
            err(f"today is not a date: {today!r}")
            continue
        today_fy, today_q = fiscal(today.year, today.month)
        if abs(today_fy - plan_fy) > 1:
            err(f"today {today} (FY{today_fy}) is not near the plan's FY{plan_fy}")
        if not isinstance(case["text"], str) or not case["text"].strip():
            err("empty text")

        kind = exp["kind"]
        if kind not in KINDS:
            err(f"unknown kind {kind!r}")
        per_plan_kind[(plan_id, kind)] += 1
        ind = exp["indicator"]
        for code in [ind, *(exp.get("candidates") or []), *(exp.get("indicators") or [])]:
            if code is not None and (not isinstance(code, str) or code not in codes):
                err(f"indicator code {code!r} is not in {plan_id} (codes: {sorted(codes)})")

        # ---- ambiguity
        if exp["ambiguous"] not in (True, False):
            err("ambiguous must be true or false")
        if exp["ambiguous"]:
            ambiguous += 1
            cands = exp.get("candidates") or []
            if ind is not None:
                err("ambiguous case must have indicator null")
            if not 2 <= len(cands) <= 3 or len(set(cands)) != len(cands):
                err(f"ambiguous case needs 2–3 distinct candidates, got {cands}")
        elif "candidates" in exp:
            err("candidates given but ambiguous is false")

        # ---- kind-specific rules
        value, num, den, unit, period = exp["value"], exp["numerator"], exp["denominator"], exp["unit"], exp["period"]
        if kind == "multi":
            inds = exp.get("indicators") or []
            if len(inds) < 2 or len(set(inds)) != len(inds):
                err(f"multi needs 2+ distinct indicators, got {inds}")
            elif inds[0] != ind:
                err(f"multi: indicator {ind!r} is not the first of {inds}")
        elif "indicators" in exp:
            err("indicators list only for kind multi")
        fields = (ind, value, num, den, unit, period)
        if kind == "chat" and (any(x is not None for x in fields) or exp["ambiguous"]):
            err("chat must have indicator, value, numerator, denominator, unit and period null")
        if kind == "question" and (value is not None or period is not None or unit is not None):
            err("question must have value, unit and period null")
        if kind == "correction":
            if period is not None:
                err("correction must have period null")
            if value is None:
                err("correction must state a value")
        if kind in ("report", "multi") and period is None:
            err("report needs a period (today's quarter when none is written)")

        # ---- value, fraction, unit
        if unit not in UNITS:
            err(f"unknown unit {unit!r}")
        if value is not None and not isinstance(value, (int, float)):
            err(f"value is not a number: {value!r}")
        if value is None and unit is not None:
            err("unit given without a value")
        if isinstance(value, float) and round(value, 2) != value:
            err(f"value {value} has more than 2 decimals")
        if (num is None) != (den is None):
            err("numerator and denominator go together")
        if num is not None and den is not None:
            if not den:
                err("denominator is zero")
            elif exp.get("stated_percent"):
                if abs(value - num * 100 / den) > 1.0:
                    err(f"stated percent {value} is far from {num}/{den} = {num * 100 / den:.2f}")
            elif value != round(num * 100 / den, 2):
                err(f"value {value} != round({num}*100/{den}, 2) = {round(num * 100 / den, 2)}")
            if unit != "ร้อยละ":
                err("a fraction's unit is ร้อยละ")
        elif exp.get("stated_percent"):
            err("stated_percent without a fraction")

        # ---- period
        if period is not None:
            if set(period) != {"fiscal_year", "quarter", "month"}:
                err(f"period keys {sorted(period)}")
                continue
            fy, q, month = period["fiscal_year"], period["quarter"], period["month"]
            if q not in (1, 2, 3, 4):
                err(f"quarter {q!r}")
                continue
            if abs(fy - plan_fy) > 1:
                err(f"period FY{fy} is not near the plan's FY{plan_fy}")
            if month is not None:
                if month not in range(1, 13):
                    err(f"month {month!r}")
                    continue
                if fiscal(2000, month)[1] != q:
                    err(f"month {month} is in quarter {fiscal(2000, month)[1]}, not {q}")
                cal = month_of(fy, month)
                lag = months_between(cal, (today.year, today.month))
                if lag < 0:
                    err(f"month {month} of FY{fy} ({cal[0]}-{cal[1]:02d}) is after today {today}")
                if lag > MAX_LAG_MONTHS and "old-period" not in tags:
                    err(f"month {month} of FY{fy} is {lag} months before today (most recent occurrence?)")
            else:
                start = quarter_start(fy, q)
                if start > today:
                    err(f"quarter {q}/FY{fy} starts {start}, after today {today}")
                lag = months_between((start.year, start.month), (today.year, today.month))
                if lag > MAX_LAG_MONTHS + 1 and "old-period" not in tags:
                    err(f"quarter {q}/FY{fy} starts {lag} months before today {today} (most recent one?)")
            if "default-period" in tags and (fy, q, month) != (today_fy, today_q, None):
                err(f"default period must be today's quarter {today_q}/FY{today_fy}")

        # ---- tags
        for tag in tags:
            tags_used[tag] += 1
            if tag in TAG_CHARS and TAG_CHARS[tag] not in case["text"]:
                err(f"tag {tag} but the text lacks {TAG_CHARS[tag]!r}")
        if "\u200b" in case["text"] and "zwsp" not in tags:
            err("text has a ZWSP but no zwsp tag")

    for cid, count in ids.items():
        if count > 1:
            errors.append(f"{cid}: id used {count} times")

    # ---- coverage and minimum counts
    kinds = Counter(kind for (_, kind) in per_plan_kind.elements())
    totals = {
        "cases": len(cases),
        "chat+question": kinds["chat"] + kinds["question"],
        "multi": kinds["multi"],
        "ambiguous": ambiguous,
        "correction": kinds["correction"],
    }
    for key, minimum in MINIMUM.items():
        if totals[key] < minimum:
            errors.append(f"corpus: {key} = {totals[key]} < {minimum}")
    for pitfall, tags in PITFALL_TAGS.items():
        missing_tags = [t for t in tags if not tags_used[t]]
        if missing_tags:
            errors.append(f"corpus: pitfall {pitfall} lacks cases tagged {missing_tags}")

    # ---- summary
    plan_ids = sorted({p for (p, _) in per_plan_kind})
    kind_order = ["report", "multi", "chat", "question", "correction"]
    print(f"{'plan':32}" + "".join(f"{k:>11}" for k in kind_order) + f"{'total':>8}{'ambig.':>8}")
    amb_per_plan = Counter(c["plan"] for c in cases if c.get("expect", {}).get("ambiguous"))
    for p in plan_ids:
        row = [per_plan_kind[(p, k)] for k in kind_order]
        print(f"{p:32}" + "".join(f"{x:>11}" for x in row) + f"{sum(row):>8}{amb_per_plan[p]:>8}")
    print(f"{'all':32}" + "".join(f"{kinds[k]:>11}" for k in kind_order) + f"{len(cases):>8}{ambiguous:>8}")
    print()
    print("pitfall coverage (docs/reference/thai-nlp.md §13):")
    for pitfall, tags in PITFALL_TAGS.items():
        print(f"  {pitfall:34} " + ", ".join(f"{t}={tags_used[t]}" for t in tags))
    other = sorted(t for t in tags_used if not any(t in ts for ts in PITFALL_TAGS.values()))
    print("  other tags: " + ", ".join(f"{t}={tags_used[t]}" for t in other))
    print()
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print(f"OK: {len(cases)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(check())
