"""Seed 003 (FY2567) scored by hand from its printed rubrics must equal ``tidtam score``.

Each row is a result and the level read off the seed's table; points are weight × level / 5.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.conftest import PLANS

PLAN = PLANS / "fy2567-governor-secretary.yaml"
WEIGHTS = {"1": 10, "2": 10, "3": 10, "4": 20, "5": 10, "6": 10}

# (KPI, result, level by hand from the seed's rubric)
CASES: list[tuple[str, Any, int]] = [
    # KPI 1: ≥95 → 5, 90 → 4, 85 → 3, 80 → 2, <80 → 1 ("ได้ร้อยละ 90" is the lower bound of [90, 95)).
    ("1", 95, 5),
    ("1", 94.99, 4),
    ("1", 90, 4),
    ("1", 89.99, 3),
    ("1", 85, 3),
    ("1", 80, 2),
    ("1", 79.99, 1),
    ("1", 0, 1),
    ("1", {"numerator": 19, "denominator": 20}, 5),  # 19 × 100 / 20 = 95 exactly
    ("1", {"numerator": 18, "denominator": 20}, 4),
    # KPI 2: projects carried out to plan, ≥12 → 5, ≥10 → 4, ≥8 → 3, ≥6 → 2, ≥4 → 1, else 0.
    ("2", 12, 5),
    ("2", 11, 4),
    ("2", 10, 4),
    ("2", 8, 3),
    ("2", 7, 2),
    ("2", 4, 1),
    ("2", 3, 0),
    # KPI 3: strictly more than 80 / 70 / 60 / 50 / 40.
    ("3", 80.01, 5),
    ("3", 80.0, 4),
    ("3", 70.0, 3),
    ("3", 40.0, 0),
    ("3", 40.5, 1),
    # KPI 4: level 5 needs ≥75 AND both reports; 70 → 4, 65 → 3, 60 → 2, <60 → 1.
    ("4", {"value": 80, "done": ["central-report", "district-report"]}, 5),
    ("4", {"value": 80, "done": ["central-report"]}, 4),
    ("4", 80, 4),
    ("4", {"value": 74.99, "done": ["central-report", "district-report"]}, 4),
    ("4", 65, 3),
    ("4", 59.99, 1),
    # KPI 5: level 5 needs ≥90 AND the report to executives.
    ("5", {"value": 90, "done": ["executive-report"]}, 5),
    ("5", 95, 4),
    ("5", 79.99, 3),
    ("5", 50, 1),
    # KPI 6: same shape as KPI 5; the seed's last line is its level 1, "น้อยกว่าร้อยละ 60".
    ("6", {"value": 92, "done": ["executive-report"]}, 5),
    ("6", 92, 4),
    ("6", 60, 2),
    ("6", 59.99, 1),
]


def run_score(tmp_path: Path, results: dict[str, Any]) -> dict[str, Any]:
    results_file = tmp_path / "results.json"
    results_file.write_text(json.dumps(results), encoding="utf-8")
    out = CliRunner().invoke(app, ["score", str(PLAN), str(results_file), "--json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


@pytest.mark.parametrize(("code", "result", "level"), CASES, ids=[f"kpi{c}-{r}" for c, r, _ in CASES])
def test_seed003_level_and_points_match_hand_scoring(tmp_path: Path, code: str, result: Any, level: int) -> None:
    scored = run_score(tmp_path, {code: result})
    row = next(i for i in scored["indicators"] if i["code"] == code)
    assert row["level"] == level
    assert row["points"] == pytest.approx(WEIGHTS[code] * level / 5)
    assert scored["total"] == pytest.approx(WEIGHTS[code] * level / 5)
    assert scored["max"] == 70


def test_kpi3_strict_threshold_80_is_level_4(tmp_path: Path) -> None:
    scored = run_score(tmp_path, {"3": 80.0})
    row = scored["indicators"][2]
    assert (row["code"], row["level"], row["points"]) == ("3", 4, 8)
    assert "มากกว่าร้อยละ 80" in row["next"]


def test_full_result_set_totals(tmp_path: Path) -> None:
    scored = run_score(
        tmp_path,
        {
            "1": 96,
            "2": 11,
            "3": "๘๕",  # Thai digits are numbers too
            "4": {"value": 76, "done": ["central-report"]},
            "5": {"numerator": 45, "denominator": 50, "done": ["executive-report"]},
            "6": 61,
        },
    )
    levels = {i["code"]: i["level"] for i in scored["indicators"]}
    assert levels == {"1": 5, "2": 4, "3": 5, "4": 4, "5": 5, "6": 2}
    assert scored["total"] == pytest.approx(10 + 8 + 10 + 16 + 10 + 4)
    assert scored["total"] == pytest.approx(sum(i["points"] for i in scored["indicators"]))


def test_next_level_advice(tmp_path: Path) -> None:
    scored = run_score(tmp_path, {"1": 92.5, "2": 7, "4": 80})
    advice = {i["code"]: i["next"] for i in scored["indicators"]}
    assert advice["1"] == "ถึงระดับ 5 ต้องได้อย่างน้อยร้อยละ 95 (อีกร้อยละ 2.5)"
    assert advice["2"] == "ถึงระดับ 3 ต้องได้อย่างน้อย 8 โครงการ (อีก 1 โครงการ)"
    assert advice["4"].startswith("ถึงระดับ 5 ต้องมี:")
    assert advice["3"] is not None and "มากกว่าร้อยละ 40" in advice["3"]  # nothing reported yet


def test_level_5_condition_not_yet_done_says_so(tmp_path: Path) -> None:
    scored = run_score(tmp_path, {"5": 93})
    row = next(i for i in scored["indicators"] if i["code"] == "5")
    assert row["level"] == 4
    assert "ต้องมี" in row["next"]


@pytest.mark.parametrize(
    ("results", "message"),
    [
        ({"9": 50}, "indicator 9: not in plan"),
        ({"1": "lots"}, "indicator 1: value must be a number"),
        ({"1": {"value": 50, "dones": []}}, "unknown field"),
        ({"1": {"numerator": 1, "denominator": 0}}, "denominator must not be 0"),
    ],
)
def test_bad_results_are_refused_with_the_indicator_named(tmp_path: Path, results: Any, message: str) -> None:
    results_file = tmp_path / "results.json"
    results_file.write_text(json.dumps(results), encoding="utf-8")
    out = CliRunner().invoke(app, ["score", str(PLAN), str(results_file), "--json"])
    assert out.exit_code == 1
    assert message in out.output
