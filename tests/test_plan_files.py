"""The five sample plans transcribed from the seeds, and the errors a plan author gets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bot.cli import app
from scoring.plan import Direction, RubricKind
from store.plan_files import PlanFileError, load_plan
from tests.conftest import PLANS

FILES = {
    "fy2562-permanent-secretary-office.yaml": 2562,
    "fy2563-council-secretariat.yaml": 2563,
    "fy2563-social-development.yaml": 2563,
    "fy2565-council-secretariat.yaml": 2565,
    "fy2567-governor-secretary.yaml": 2567,
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_sample_plan_validates(name: str) -> None:
    plan = load_plan(PLANS / name)
    assert plan.id == name.removesuffix(".yaml")
    assert plan.fiscal_year == FILES[name]
    assert sum(1 for _ in plan.indicators()) > 0


def test_plans_check_command_prints_a_summary() -> None:
    out = CliRunner().invoke(app, ["plans", "check", *(str(PLANS / n) for n in sorted(FILES))])
    assert out.exit_code == 0, out.output
    assert out.stdout.count("OK ") == 5
    assert "total weight 70, groups 70, 6 indicators" in out.stdout


def test_fy2567_weights() -> None:
    plan = load_plan(PLANS / "fy2567-governor-secretary.yaml")
    assert plan.weight_sum() == 70
    assert {i.code: i.weight for i in plan.indicators()} == {"1": 10, "2": 10, "3": 10, "4": 20, "5": 10, "6": 10}
    (component,) = plan.groups
    assert [(g.code, g.weight) for g in component.groups] == [("1.1", 30), ("1.2", 20), ("1.3", 20)]


def test_fy2563_social_development_dimensions_sum_to_100() -> None:
    plan = load_plan(PLANS / "fy2563-social-development.yaml")
    assert [g.weight for g in plan.groups] == [60, 10, 20, 10]
    assert plan.declared_weight() == 100
    assert plan.deadlines.quarterly == ("12-20", "03-20", "06-20", "09-15")


def test_fy2563_council_secretariat_has_its_15_indicators_with_q1_progress() -> None:
    plan = load_plan(PLANS / "fy2563-council-secretariat.yaml")
    indicators = list(plan.indicators())
    assert len(indicators) == 15
    assert all(any(p.quarter == 1 for p in i.progress) for i in indicators)


def test_every_rubric_printed_in_seed_003_is_in_the_plan() -> None:
    plan = load_plan(PLANS / "fy2567-governor-secretary.yaml")
    for ind in plan.indicators():
        assert ind.rubric is not None, ind.code
        assert sorted(lv.level for lv in ind.rubric.levels) == [1, 2, 3, 4, 5], ind.code
        assert all(lv.text for lv in ind.rubric.levels), ind.code
    kpi3 = plan.indicator("3").rubric
    assert kpi3 is not None and {lv.op for lv in kpi3.levels} == {">"}
    for code in ("4", "5", "6"):
        rubric = plan.indicator(code).rubric
        assert rubric is not None
        top = next(lv for lv in rubric.levels if lv.level == 5)
        assert top.requires, f"KPI {code} level 5 needs a condition besides the number"


def test_every_rubric_printed_in_seed_002_is_in_the_plan() -> None:
    plan = load_plan(PLANS / "fy2565-council-secretariat.yaml")
    rubrics = {i.code: i.rubric for i in plan.indicators()}
    assert set(rubrics) == {"K1", "K2", "K3", "4", "5.1", "5.2"}
    k1, k2, k3, c4, c51, c52 = (rubrics[c] for c in ("K1", "K2", "K3", "4", "5.1", "5.2"))
    assert k1 is not None and k1.kind is RubricKind.ladder and len(k1.levels) == 5
    for lower in (k2, k3):
        assert lower is not None and lower.direction is Direction.lower_is_better and len(lower.levels) == 5
    assert c4 is not None and c4.kind is RubricKind.checklist and c4.checklist_total == 100
    assert sum(i.points for i in c4.items) == 100
    assert c51 is not None and [lv.points for lv in c51.ordered_levels()] == [60, 70, 80, 90, 100]
    assert c52 is not None and c52.kind is RubricKind.checklist and sum(i.points for i in c52.items) == 100
    assert plan.weight_sum() == 70


def test_thai_digits_in_seeds_became_numbers() -> None:
    plan = load_plan(PLANS / "fy2567-governor-secretary.yaml")
    kpi1 = plan.indicator("1")
    assert kpi1.target is not None and kpi1.target.value == 95
    assert kpi1.baseline[2566] == 90
    assert "Traffy" in plan.indicator("4").aliases


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _good() -> dict:
    return yaml.safe_load((PLANS / "fy2567-governor-secretary.yaml").read_text(encoding="utf-8"))


def test_error_names_file_indicator_and_field(tmp_path: Path) -> None:
    data = _good()
    data["groups"][0]["groups"][0]["indicators"][2]["rubric"]["levels"][0]["value"] = "ไม่รู้"
    path = _write(tmp_path, data)
    with pytest.raises(PlanFileError) as err:
        load_plan(path)
    message = str(err.value)
    assert str(path) in message
    assert "indicator 3" in message
    assert "rubric.levels[0].value" in message


def test_unknown_key_is_refused(tmp_path: Path) -> None:
    data = _good()
    data["groups"][0]["groups"][1]["indicators"][0]["wieght"] = 20
    out = CliRunner().invoke(app, ["plans", "check", str(_write(tmp_path, data))])
    assert out.exit_code == 1
    assert "indicator 4" in out.output and "wieght" in out.output


def test_non_monotone_rubric_is_refused(tmp_path: Path) -> None:
    data = _good()
    levels = data["groups"][0]["groups"][0]["indicators"][0]["rubric"]["levels"]
    levels[1]["value"] = 99  # level 4 would be harder than level 5 (95)
    with pytest.raises(PlanFileError, match="easier than level"):
        load_plan(_write(tmp_path, data))


def test_group_weight_must_match_its_indicators(tmp_path: Path) -> None:
    data = _good()
    data["groups"][0]["groups"][0]["weight"] = 35
    with pytest.raises(PlanFileError, match="prints weight 35 but its indicators sum to 30"):
        load_plan(_write(tmp_path, data))


def test_duplicate_codes_and_bad_yaml(tmp_path: Path) -> None:
    data = _good()
    data["groups"][0]["groups"][2]["indicators"][1]["code"] = "5"
    with pytest.raises(PlanFileError, match="appears twice"):
        load_plan(_write(tmp_path, data))
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(PlanFileError, match="not valid YAML"):
        load_plan(broken)
    with pytest.raises(PlanFileError, match="cannot read"):
        load_plan(tmp_path / "missing.yaml")
