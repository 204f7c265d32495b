"""Plans across an appeal and across years.

An appeal (อุทธรณ์) changes a plan during its year: loaded again, the changed file becomes version 2,
effective from a day; the reports sent before stay with the indicators whose codes persist, the
indicators that moved group or left the plan are listed, and the same file loaded again changes
nothing. A rollover writes next year's plan file from this year's: re-dated, targets and rubrics
kept, the past year's numbers left for review, and it loads and validates as any plan file.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app
from scoring.deadlines import deadlines_for
from scoring.fiscal import FiscalPeriod, fiscal_year_bounds
from scoring.plan import Group, Indicator, Plan
from scoring.plan_years import rolled_id, rollover, shift_years
from scoring.thai import thai_to_arabic_digits
from scoring.totals import score_plan
from store import item_marks, progress
from store.db import session_scope
from store.demo import load_demo
from store.models import Assignment, IndicatorRecord, PlanRecord, PlanVersion
from store.plan_files import load_plan
from store.plans import (
    EffectiveDateRefused,
    IndicatorsWithHistory,
    Moved,
    import_plan,
    latest_plan,
    plan_from_record,
)
from store.progress import ReportInput
from tests.conftest import PLANS

GOV = "fy2567-governor-secretary"
LOADED = datetime(2023, 9, 1, tzinfo=UTC)
APPEAL_DAY = date(2024, 4, 1)  # the second-half appeal of FY2567
FY = 2567


def _at(month: int, day: int) -> datetime:
    return datetime(2023 if month >= 10 else 2024, month, day, 3, tzinfo=UTC)


def _group(plan: Plan, code: str) -> Group:
    return next(g for g in plan.groups[0].groups if g.code == code)


def appealed(plan: Plan) -> Plan:
    """The appeal: indicator 3 is cancelled and its weight goes to 1; indicator 6 moves from 1.3 to
    1.2 (with the groups' weights); a new indicator 7 is added, not scored."""
    g11, g12, g13 = (_group(plan, c) for c in ("1.1", "1.2", "1.3"))
    one = plan.indicator("1").model_copy(update={"weight": 20.0})
    six = plan.indicator("6")
    seven = Indicator(code="7", name="ร้อยละความสำเร็จของการจัดทำคู่มือการเรียนเชิญผู้ว่าราชการกรุงเทพมหานคร")
    groups = (
        g11.model_copy(update={"indicators": (one, plan.indicator("2"))}),
        g12.model_copy(update={"weight": 30.0, "indicators": (*g12.indicators, six)}),
        g13.model_copy(update={"weight": 10.0, "indicators": (plan.indicator("5"), seven)}),
    )
    return Plan.model_validate(
        {**plan.model_dump(), "groups": [plan.groups[0].model_copy(update={"groups": groups}).model_dump()]}
    )


def _rows(session: Session, key: str = GOV) -> dict[str, IndicatorRecord]:
    record = latest_plan(session, key)
    assert record is not None
    return {r.code: r for r in session.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == record.id))}


def _seed(engine: sa.Engine) -> dict[str, int]:
    """The demo in FY2567 with reports on 1, 4 and 6 and an item of 4 marked done; indicator row ids."""
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, LOADED)
        somsri, wichai = people["somsri"].id or 0, people["wichai"].id or 0
        rows = _rows(s)
        for code, value, by in (("1", 82.0, somsri), ("4", 68.6, wichai), ("6", 58.0, wichai)):
            data = ReportInput(rows[code].id or 0, FiscalPeriod(FY, 2, 2), value=value, narrative="ประชุมติดตามผล")
            progress.record(s, data=data, by=by, now=_at(2, 12), source="test")
        item_marks.mark(
            s,
            indicator=rows["4"],
            items=["central-report"],
            done=True,
            period=FiscalPeriod(FY, 2, 2),
            by=wichai,
            now=_at(2, 12),
            source="test",
        )
        return {code: row.id or 0 for code, row in rows.items()}


def _versions(session: Session) -> list[PlanVersion]:
    record = latest_plan(session, GOV)
    assert record is not None
    return list(
        session.exec(select(PlanVersion).where(PlanVersion.plan_id == record.id).order_by(col(PlanVersion.version)))
    )


def test_an_appeal_loaded_again_is_version_2_and_the_reports_stay_with_the_codes_that_persist(
    engine: sa.Engine,
) -> None:
    ids = _seed(engine)
    plan = appealed(load_plan(PLANS / f"{GOV}.yaml"))
    with session_scope(engine) as s:
        outcome = import_plan(s, plan, now=_at(4, 2), effective=APPEAL_DAY)
    assert (outcome.action, outcome.version, outcome.effective_from) == ("updated", 2, APPEAL_DAY)
    assert (outcome.removed, outcome.added, outcome.moved) == (("3",), ("7",), (Moved("6", "1/1.3", "1/1.2"),))
    assert outcome.changed == ("1",)  # its weight went from 10 to 20
    with Session(engine) as s:
        (record,) = s.exec(select(PlanRecord).where(PlanRecord.key == GOV)).all()  # one plan row, newest content
        assert record.version == 2 and plan_from_record(record).indicator("1").weight == 20
        versions = _versions(s)
        assert [(v.version, v.effective_from) for v in versions] == [(1, date(2023, 10, 1)), (2, APPEAL_DAY)]
        assert versions[1].changes["removed"] == ["3"] and versions[1].changes["moved"][0]["to"] == "1/1.2"
        assert Plan.model_validate(versions[0].content).indicator("3").weight == 10  # version 1 kept as it was
        rows = _rows(s)
        # The same rows, so every report, mark and assignment stays with its indicator.
        assert {c: rows[c].id for c in ("1", "4", "6")} == {c: ids[c] for c in ("1", "4", "6")}
        assert "3" not in rows and rows["6"].group_path == "1/1.2" and rows["7"].id not in ids.values()
        assert s.exec(select(Assignment).where(Assignment.indicator_id == ids["3"])).first() is None
        results = progress.latest_results(session=s, plans=[record])[record.id or 0]
        assert {c: results[c].value for c in ("1", "4", "6")} == {"1": 82.0, "4": 68.6, "6": 58.0}
        assert "central-report" in results["4"].done
        scored = {e.code: e.points for e in score_plan(plan_from_record(record), results).indicators()}
    assert scored["1"] == 8  # level 2 of the new weight 20, not 4 of the old 10: the newest version scores


def test_the_same_appeal_loaded_again_changes_nothing(engine: sa.Engine) -> None:
    _seed(engine)
    plan = appealed(load_plan(PLANS / f"{GOV}.yaml"))
    with session_scope(engine) as s:
        import_plan(s, plan, now=_at(4, 2), effective=APPEAL_DAY)
    with session_scope(engine) as s:
        again = import_plan(s, plan, now=_at(5, 2))
        before = s.exec(select(IndicatorRecord.id, IndicatorRecord.code).order_by(col(IndicatorRecord.id))).all()
    assert (again.action, again.version) == ("unchanged", 2)
    with Session(engine) as s:
        assert len(_versions(s)) == 2
        assert (
            s.exec(select(IndicatorRecord.id, IndicatorRecord.code).order_by(col(IndicatorRecord.id))).all() == before
        )


def test_an_indicator_with_reports_may_not_leave_and_nothing_changes(engine: sa.Engine) -> None:
    _seed(engine)
    plan = load_plan(PLANS / f"{GOV}.yaml")
    g12 = _group(plan, "1.2")
    without_4 = Plan.model_validate(
        {
            **plan.model_dump(),
            "groups": [
                plan.groups[0]
                .model_copy(
                    update={
                        "weight": 50.0,
                        "groups": tuple(
                            g.model_copy(update={"indicators": (), "weight": None}) if g is g12 else g
                            for g in plan.groups[0].groups
                        ),
                    }
                )
                .model_dump()
            ],
        }
    )
    with pytest.raises(IndicatorsWithHistory) as refused, session_scope(engine) as s:
        import_plan(s, without_4, now=_at(4, 2), effective=APPEAL_DAY)
    assert refused.value.codes == ("4",)
    with Session(engine) as s:
        record = latest_plan(s, GOV)
        assert record is not None and record.version == 1
        assert "4" in _rows(s) and len(_versions(s)) == 1


def test_a_new_version_takes_effect_inside_its_year_and_never_before_the_last(engine: sa.Engine) -> None:
    _seed(engine)
    source = load_plan(PLANS / f"{GOV}.yaml")
    plan = appealed(source)
    with pytest.raises(EffectiveDateRefused), session_scope(engine) as s:
        import_plan(s, plan, now=_at(4, 2), effective=date(2024, 10, 1))  # FY2568 already
    with session_scope(engine) as s:
        import_plan(s, plan, now=_at(4, 2), effective=APPEAL_DAY)
    retitled = plan.model_copy(update={"title": plan.title + " (ฉบับปรับปรุง)"})
    with pytest.raises(EffectiveDateRefused) as refused, session_scope(engine) as s:
        import_plan(s, retitled, now=_at(4, 3), effective=date(2024, 2, 1))
    assert refused.value.earliest == APPEAL_DAY
    with session_scope(engine) as s:  # without a day: today, as the operator loads it
        third = import_plan(s, retitled, now=_at(6, 5))
    assert (third.version, third.effective_from) == (3, date(2024, 6, 5))


def _write(plan: Plan, path: Path) -> Path:
    path.write_text(yaml.safe_dump(plan.model_dump(mode="json"), allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_plans_load_effective_names_the_version_and_the_moved_and_removed_indicators(
    cli_db: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["plans", "load", str(PLANS / f"{GOV}.yaml")])
    assert first.exit_code == 0, first.output
    changed = _write(appealed(load_plan(PLANS / f"{GOV}.yaml")), tmp_path / f"{GOV}.yaml")
    run = runner.invoke(app, ["plans", "load", str(changed), "--effective", "2024-04-01"])
    assert run.exit_code == 0, run.output
    assert f"updated {GOV} v2" in run.output
    assert "ฉบับที่ 2 มีผลตั้งแต่ 1 เม.ย. 2567" in run.output
    assert "ตัวชี้วัดที่ย้ายกลุ่ม (moved): 6 (1/1.3 → 1/1.2)" in run.output
    assert "ตัวชี้วัดที่นำออกจากแผน (removed): 3" in run.output
    assert "ตัวชี้วัดที่เพิ่มในแผน (added): 7" in run.output
    again = runner.invoke(app, ["plans", "load", str(changed), "--effective", "2024-05-01"])
    assert again.exit_code == 0 and f"unchanged {GOV} v2" in again.output and "ฉบับที่" not in again.output
    bad = runner.invoke(app, ["plans", "load", str(changed), "--effective", "1 เม.ย. 67"])
    assert bad.exit_code == 1 and "ไม่ใช่วันที่" in bad.output


def test_plans_load_refuses_in_thai_to_drop_an_indicator_with_reports(
    cli_db: str, engine: sa.Engine, tmp_path: Path
) -> None:
    _seed(engine)
    plan = load_plan(PLANS / f"{GOV}.yaml")
    g12 = _group(plan, "1.2")
    moved_away = g12.model_copy(update={"indicators": (), "weight": None})
    trimmed = plan.model_copy(
        update={
            "groups": (
                plan.groups[0].model_copy(
                    update={
                        "weight": 50.0,
                        "groups": tuple(moved_away if g is g12 else g for g in plan.groups[0].groups),
                    }
                ),
            )
        }
    )
    path = _write(Plan.model_validate(trimmed.model_dump()), tmp_path / "trimmed.yaml")
    run = CliRunner().invoke(app, ["plans", "load", str(path)])
    assert run.exit_code == 1
    assert "ตัวชี้วัดที่ 4 ของแผน fy2567-governor-secretary มีรายงานผล" in run.output


# --- rollover ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "from_year", "expected"),
    [
        ("ตั้งแต่เดือนตุลาคม ๒๕๖๖ ถึง กันยายน ๒๕๖๗", 2567, "ตั้งแต่เดือนตุลาคม ๒๕๖๙ ถึง กันยายน ๒๕๗๐"),
        ("ประจำปีงบประมาณ พ.ศ. 2567", 2567, "ประจำปีงบประมาณ พ.ศ. 2570"),
        ("พ.ศ.2566", 2567, "พ.ศ.2569"),
        ("ภายใน ๒๐ ธ.ค. ๖๒, ๒๐ มี.ค. ๖๓", 2563, "ภายใน ๒๐ ธ.ค. ๖๙, ๒๐ มี.ค. ๗๐"),
        ("โครงการ (ดำเนินการปี ๖๓)", 2563, "โครงการ (ดำเนินการปี ๗๐)"),
        ("ธันวาคม 2564", 2565, "ธันวาคม 2569"),
        ("มติ ก.ก. ครั้งที่ ๔/๒๕๖๖", 2567, "มติ ก.ก. ครั้งที่ ๔/๒๕๖๖"),  # a numbered reference, not a date
        ("แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี (พ.ศ. 2561 – 2580)", 2567, "แผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี (พ.ศ. 2561 – 2580)"),
        ("ค่าฐาน พ.ศ. 2563", 2567, "ค่าฐาน พ.ศ. 2563"),  # history stays
        ("1,2567 เรื่อง และ 12.2567", 2567, "1,2567 เรื่อง และ 12.2567"),  # numbers that only look like years
        ("ระยะเวลา 3 ปี 10 เดือน", 2567, "ระยะเวลา 3 ปี 10 เดือน"),
    ],
)
def test_only_the_years_of_the_plans_own_fiscal_year_move(text: str, from_year: int, expected: str) -> None:
    assert shift_years(text, from_year, 2570) == expected


def test_a_rolled_id_carries_the_new_year() -> None:
    assert rolled_id("fy2567-governor-secretary", 2570) == "fy2570-governor-secretary"
    assert rolled_id("council-secretariat", 2570) == "fy2570-council-secretariat"


def _years_of(node: Any, skip: frozenset[str] = frozenset({"notes", "source"})) -> set[int]:
    if isinstance(node, str):
        return {int(y) for y in re.findall(r"(?<![0-9/])(25[0-9]{2})(?![0-9])", thai_to_arabic_digits(node))}
    if isinstance(node, list):
        return {y for x in node for y in _years_of(x, skip)}
    if isinstance(node, dict):
        return {y for k, v in node.items() if k not in skip for y in _years_of(v, skip)}
    return set()


SAMPLE_PLANS = sorted(PLANS.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=[p.stem for p in SAMPLE_PLANS])
def test_every_sample_plan_rolls_over_into_a_file_that_loads_in_the_new_year(path: Path, tmp_path: Path) -> None:
    source = load_plan(path)
    out = tmp_path / "next.yaml"
    run = CliRunner().invoke(app, ["plans", "rollover", str(path), "--to", "2570", "--out", str(out)])
    assert run.exit_code == 0, run.output
    rolled = load_plan(out)  # through the plan file reader, as `plans load` reads it
    assert rolled == rollover(source, 2570)
    assert (rolled.id, rolled.fiscal_year, rolled.version) == (rolled_id(source.id, 2570), 2570, 1)
    start, end = fiscal_year_bounds(2570)
    assert all(start <= d.due <= end for d in deadlines_for(rolled.fiscal_year, rolled.deadlines))
    before, after = list(source.indicators()), list(rolled.indicators())
    assert [(i.code, i.weight, i.target and i.target.value) for i in after] == [
        (i.code, i.weight, i.target and i.target.value) for i in before
    ]
    assert [i.rubric and i.rubric.levels for i in after] == [i.rubric and i.rubric.levels for i in before]
    assert all(not i.progress for i in after)  # last year's printed results do not carry over
    for old, new in zip(before, after, strict=True):
        assert sorted(new.baseline) == [y + 2570 - source.fiscal_year for y in sorted(old.baseline)]
        if old.baseline or old.progress:
            assert new.notes is not None and ("ต้องทบทวนค่าฐาน" in new.notes or "ไม่ได้ยกมา" in new.notes)
    assert rolled.notes and "ต้องทบทวนค่าฐาน" in rolled.notes and source.id in rolled.notes
    old_span = {source.fiscal_year - 1, source.fiscal_year}
    assert not _years_of(rolled.model_dump(mode="json", exclude={"groups"})) & old_span
    for group in rolled.model_dump(mode="json")["groups"]:
        assert not _years_of(group, frozenset({"notes", "baseline"})) & old_span
    assert out.read_text("utf-8").startswith("# ยกมาจาก")


def test_a_rolled_plan_loads_as_a_plan_of_its_own(engine: sa.Engine) -> None:
    source = load_plan(PLANS / f"{GOV}.yaml")
    with session_scope(engine) as s:
        import_plan(s, source, now=LOADED)
        created = import_plan(s, rollover(source, 2570), now=datetime(2026, 11, 30, tzinfo=UTC))
    assert (created.action, created.key, created.effective_from) == (
        "created",
        "fy2570-governor-secretary",
        date(2026, 10, 1),
    )
    with Session(engine) as s:
        assert {r.key: r.fiscal_year for r in s.exec(select(PlanRecord))} == {GOV: 2567, created.key: 2570}


def test_rollover_refuses_the_same_year_and_an_existing_file(tmp_path: Path) -> None:
    runner = CliRunner()
    same = runner.invoke(app, ["plans", "rollover", GOV, "--to", "2567", "--out", str(tmp_path / "x.yaml")])
    assert same.exit_code == 1 and "ปีงบประมาณ 2567 อยู่แล้ว" in same.output
    taken = tmp_path / "taken.yaml"
    taken.write_text("keep me", "utf-8")
    run = runner.invoke(app, ["plans", "rollover", GOV, "--to", "2570", "--out", str(taken)])
    assert run.exit_code == 1 and taken.read_text("utf-8") == "keep me"
