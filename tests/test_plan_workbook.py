"""Plans to and from the Excel workbook: the template, a plan typed into it cell by cell, the sample
plans exported and imported again, and the errors a person gets for a workbook that is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner, Result

from bot.cli import app
from scoring.plan import RubricKind
from scoring.rubric import Result as Achieved
from scoring.totals import score_plan
from store.plan_files import load_plan
from store.plan_workbook import PlanWorkbookError, read_plan_workbook
from tests.conftest import PLANS

SAMPLE_PLANS = sorted(PLANS.glob("*.yaml"))
FY2567 = PLANS / "fy2567-governor-secretary.yaml"


def tidtam(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def template(tmp_path: Path) -> Path:
    out = tmp_path / "template.xlsx"
    result = tidtam("plans", "template", out)
    assert result.exit_code == 0, result.output
    return out


# --- filling the template as a person would -----------------------------------------------------------


def column_of(ws: Worksheet, header: str) -> str:
    """The column under a Thai header in row 1, the way a person finds where to type."""
    letters = [c.column_letter for c in ws[1] if c.value == header]
    assert len(letters) == 1, f"{ws.title}: no single column headed {header!r}"
    return letters[0]


def type_row(ws: Worksheet, row: int, cells: dict[str, Any]) -> None:
    for header, value in cells.items():
        ws[f"{column_of(ws, header)}{row}"] = value


def set_field(ws: Worksheet, label: str, value: Any) -> None:
    """The header sheet lists one field a row: the label in column A, the value in column B."""
    rows = [c.row for c in ws["A"] if c.value == label]
    assert len(rows) == 1, f"no single header field {label!r}"
    ws[f"B{rows[0]}"] = value


def clear_examples(book: Workbook) -> None:
    for ws in book.worksheets:
        if ws.title not in ("คำอธิบาย", "แผน") and ws.max_row >= 3:
            ws.delete_rows(3, ws.max_row)


def fill_small_plan(template: Path, out: Path) -> None:
    """A plan of two มิติ: a threshold rubric whose top level needs a condition, a milestone ladder,
    and a checklist with a project and its step table."""
    book = load_workbook(template)
    clear_examples(book)

    header = book["แผน"]
    set_field(header, "รหัสแผน", "fy2568-test-office")
    set_field(header, "ชื่อแผน/ชื่อเอกสาร", "แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    set_field(header, "หน่วยงาน", "สำนักงานทดสอบ")
    set_field(header, "ชื่ออื่นของหน่วยงาน", "สนท.\nสำนักทดสอบ")
    set_field(header, "ปีงบประมาณ (พ.ศ.)", "๒๕๖๘")  # typed in Thai digits
    set_field(header, "เอกสารต้นฉบับ", None)
    set_field(header, "กำหนดส่งไตรมาส 1 (เดือน-วัน)", datetime(2024, 12, 20))  # Excel made "12-20" a date
    set_field(header, "ฝ่าย/กลุ่มงานที่รับผิดชอบตัวชี้วัด", "ฝ่ายบริหารงานทั่วไป")
    set_field(header, "หมายเหตุ", None)

    groups = book["กลุ่ม"]
    type_row(groups, 3, {"กลุ่ม (เส้นทาง)": 1, "ประเภทกลุ่ม": "มิติ", "ชื่อกลุ่ม": "ประสิทธิผล", "น้ำหนักคะแนน": 60})
    type_row(groups, 4, {"กลุ่ม (เส้นทาง)": 2, "ประเภทกลุ่ม": "มิติ", "ชื่อกลุ่ม": "การพัฒนาองค์การ", "น้ำหนักคะแนน": 40})
    type_row(groups, 5, {"กลุ่ม (เส้นทาง)": "2 > 2.1", "ประเภทกลุ่ม": "องค์ประกอบย่อย", "ชื่อกลุ่ม": "นวัตกรรม"})

    indicators = book["ตัวชี้วัด"]
    type_row(
        indicators,
        3,
        {
            "กลุ่ม": 1,
            "รหัสตัวชี้วัด": "1.1",
            "ชื่อตัวชี้วัด": "ร้อยละของเรื่องร้องเรียนที่แก้ไขแล้วเสร็จ",
            "ชื่ออื่น/ชื่อย่อ": "เรื่องร้องเรียน\nตช.1",
            "ประเภทตัวชี้วัด": "ผลลัพธ์",
            "หน่วยนับ": "ร้อยละ",
            "ข้อมูลพื้นฐาน": "2565: -\n2566: -\n2567: 85",
            "ค่าเป้าหมาย (ตัวเลข)": 90,
            "เป้าหมาย (ตามที่พิมพ์)": "ร้อยละ ๙๐",
            "น้ำหนักคะแนน": 30,
            "วิธีคำนวณ": "อัตราส่วน",
            "ตัวตั้ง": "จำนวนเรื่องที่แก้ไขแล้วเสร็จ",
            "ตัวหาร": "จำนวนเรื่องที่ได้รับทั้งหมด",
            "ตัวคูณ": 100,
            "หลักฐาน": "๑. รายงานสรุปเรื่องร้องเรียน\n๒. หนังสือรายงานผู้บริหาร",
            "หน่วยงานรับผิดชอบ": "ฝ่ายบริหารงานทั่วไป",
            "ชนิดเกณฑ์": "เทียบเกณฑ์ค่า",
            "ทิศทาง": "ยิ่งมากยิ่งดี",
        },
    )
    type_row(
        indicators,
        4,
        {
            "กลุ่ม": "1",
            "รหัสตัวชี้วัด": "1.2",
            "ชื่อตัวชี้วัด": "ระดับความสำเร็จของการจัดทำแผนพัฒนาบุคลากร",
            "ประเภทตัวชี้วัด": "ผลผลิต",
            "หน่วยนับ": "ระดับ",
            "น้ำหนักคะแนน": "30",  # typed as text
            "ชนิดเกณฑ์": "ขั้นบันได",
        },
    )
    type_row(
        indicators,
        5,
        {
            "กลุ่ม": "2 > 2.1",
            "รหัสตัวชี้วัด": "2.1",
            "ชื่อตัวชี้วัด": "ความสำเร็จของการพัฒนานวัตกรรมการให้บริการ",
            "หน่วยนับ": "คะแนน",
            "น้ำหนักคะแนน": 40,
            "ชนิดเกณฑ์": "รายการสะสมคะแนน",
            "คะแนนเต็มของรายการ": 100,
        },
    )

    rubric = book["เกณฑ์"]
    rows: list[dict[str, Any]] = [
        {
            "ระดับ/รหัส": 5,
            "เครื่องหมาย": ">=",
            "ค่า": 90,
            "ต้องผ่านเงื่อนไข": "report",
            "ข้อความ/ผลการดำเนินงาน": "ร้อยละ ๙๐ ขึ้นไป และรายงานผู้บริหาร",
        },
        {"ระดับ/รหัส": 4, "เครื่องหมาย": ">=", "ค่า": 80, "ข้อความ/ผลการดำเนินงาน": "ร้อยละ ๘๐"},
        {"ระดับ/รหัส": 3, "เครื่องหมาย": ">=", "ค่า": 70, "ข้อความ/ผลการดำเนินงาน": "ร้อยละ ๗๐"},
        {"ระดับ/รหัส": 2, "เครื่องหมาย": ">=", "ค่า": 60, "ข้อความ/ผลการดำเนินงาน": "ร้อยละ ๖๐"},
        {"ระดับ/รหัส": 1, "เครื่องหมาย": "<", "ค่า": 60, "ข้อความ/ผลการดำเนินงาน": "น้อยกว่าร้อยละ ๖๐"},
    ]
    line = 3
    for cells in rows:
        type_row(rubric, line, {"รหัสตัวชี้วัด": "1.1", "ประเภทแถว": "ระดับ", **cells})
        line += 1
    type_row(
        rubric,
        line,
        {"รหัสตัวชี้วัด": "1.1", "ประเภทแถว": "เงื่อนไข", "ระดับ/รหัส": "report", "ข้อความ/ผลการดำเนินงาน": "รายงานผลต่อผู้บริหาร"},
    )
    line += 1
    for level, text in enumerate(("แต่งตั้งคณะทำงาน", "สำรวจความต้องการ", "ร่างแผน", "เสนอผู้บริหาร", "ประกาศใช้แผน"), 1):
        type_row(
            rubric, line, {"รหัสตัวชี้วัด": "1.2", "ประเภทแถว": "ระดับ", "ระดับ/รหัส": level, "ข้อความ/ผลการดำเนินงาน": text}
        )
        line += 1
    for item, points, due in (("a", 40, "ธันวาคม 2567"), ("b", 30, "มีนาคม 2568"), ("c", 30, "กันยายน 2568")):
        type_row(
            rubric,
            line,
            {
                "รหัสตัวชี้วัด": "2.1",
                "ประเภทแถว": "รายการ",
                "ระดับ/รหัส": item,
                "คะแนน": points,
                "ข้อความ/ผลการดำเนินงาน": f"กิจกรรม {item}",
                "กำหนดเวลา": due,
            },
        )
        line += 1

    projects = book["โครงการ"]
    type_row(
        projects,
        3,
        {
            "รหัสตัวชี้วัด": "2.1",
            "ชื่อโครงการ/กิจกรรม": "โครงการพัฒนาระบบบริการออนไลน์",
            "งบประมาณ (บาท)": "150,000",
            "ผู้รับผิดชอบ": "ฝ่ายบริหารงานทั่วไป",
        },
    )
    steps = book["ขั้นตอน"]
    for line, (no, text, percent, cumulative, months) in enumerate(
        (
            ("1", "ศึกษาความต้องการ", 30, 30, "ต.ค., พ.ย."),
            ("2", "พัฒนาระบบ", 40, 70, "ธ.ค., ม.ค., ก.พ."),
            ("3", "ประเมินผล", 30, 100, "ก.ย."),
        ),
        start=3,
    ):
        type_row(
            steps,
            line,
            {
                "รหัสตัวชี้วัด": "2.1",
                "ชื่อโครงการ/กิจกรรม": "โครงการพัฒนาระบบบริการออนไลน์",
                "ขั้นที่": no,
                "ขั้นตอนการดำเนินงาน": text,
                "ร้อยละของงาน": percent,
                "ร้อยละสะสม": cumulative,
                "เดือนที่ดำเนินการ": months,
            },
        )
    book.save(out)


def test_a_plan_typed_into_the_template_imports_and_scores(template: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_small_plan(template, filled)
    out = tmp_path / "fy2568-test-office.yaml"

    result = tidtam("plans", "import", filled, "--out", out)

    assert result.exit_code == 0, result.output
    assert "ตัวชี้วัด 3 ตัว น้ำหนักรวม 100 คะแนน" in result.stdout
    plan = load_plan(out)
    assert (plan.id, plan.fiscal_year, plan.unit_aliases) == ("fy2568-test-office", 2568, ("สนท.", "สำนักทดสอบ"))
    assert plan.deadlines.quarterly[0] == "12-20"
    assert [(g.code, g.weight) for g in plan.groups] == [("1", 60), ("2", 40)]
    assert [g.code for g in plan.groups[1].groups] == ["2.1"]
    kpi = plan.indicator("1.1")
    assert kpi.baseline == {2565: None, 2566: None, 2567: 85}
    assert kpi.rubric is not None and kpi.rubric.levels[0].requires == ("report",)
    assert plan.indicator("1.2").rubric.kind is RubricKind.ladder  # type: ignore[union-attr]
    (project,) = plan.indicator("2.1").projects
    assert project.budget == 150000
    assert [(s.no, s.percent, s.cumulative, s.months) for s in project.steps] == [
        ("1", 30, 30, ("ต.ค.", "พ.ย.")),
        ("2", 40, 70, ("ธ.ค.", "ม.ค.", "ก.พ.")),
        ("3", 30, 100, ("ก.ย.",)),
    ]

    results = {
        "1.1": Achieved.of(92),  # ≥ 90 but the report to executives is not done: level 4
        "1.2": Achieved.of(None, ["1", "2", "3"]),  # the first three milestones: level 3
        "2.1": Achieved.of(None, ["a", "b"]),  # 40 + 30 of 100 checklist points
    }
    scored = {e.code: (e.level, e.points) for e in score_plan(plan, results).indicators()}
    assert scored == {"1.1": (4, 24), "1.2": (3, 18), "2.1": (3, 28)}
    results["1.1"] = Achieved.of(92, ["report"])
    assert score_plan(plan, results).total == 30 + 18 + 28


# --- the sample plans, exported and imported again -----------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE_PLANS, ids=[p.stem for p in SAMPLE_PLANS])
def test_every_sample_plan_round_trips(path: Path, tmp_path: Path) -> None:
    workbook, out = tmp_path / "plan.xlsx", tmp_path / "plan.yaml"
    plan = load_plan(path)

    exported = tidtam("plans", "export", path, workbook)
    imported = tidtam("plans", "import", workbook, "--out", out)

    assert exported.exit_code == 0, exported.output
    assert imported.exit_code == 0, imported.output
    assert read_plan_workbook(workbook) == plan
    assert load_plan(out) == plan  # the YAML the import writes loads to the same plan


def test_there_are_sample_plans_to_round_trip() -> None:
    assert len(SAMPLE_PLANS) >= 5


# --- the template ------------------------------------------------------------------------------------


def keys(ws: Worksheet) -> dict[str, str]:
    """Column letter → the key in row 2."""
    return {c.column_letter: c.value for c in ws[2] if c.value}


def dropdowns(ws: Worksheet) -> dict[str, str]:
    """Column key → the list its dropdown offers, for every list validation on a data column."""
    by_letter = keys(ws)
    out = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type != "list":
            continue
        for cells in dv.sqref.ranges:
            if cells.min_row == 3 and cells.max_row > 500:
                out[by_letter[cells.coord.split(":")[0].rstrip("0123456789")]] = dv.formula1
    return out


def test_the_template_has_dropdowns_for_closed_lists(template: Path) -> None:
    book = load_workbook(template)
    assert book.sheetnames == ["คำอธิบาย", "แผน", "กลุ่ม", "ตัวชี้วัด", "เกณฑ์", "โครงการ", "ขั้นตอน", "ผลรายไตรมาส"]

    indicators = dropdowns(book["ตัวชี้วัด"])
    assert indicators["type"] == '"ผลผลิต,ผลลัพธ์"'
    assert indicators["rubric.kind"] == '"เทียบเกณฑ์ค่า,ขั้นบันได,รายการสะสมคะแนน"'
    assert indicators["rubric.direction"] == '"ยิ่งมากยิ่งดี,ยิ่งน้อยยิ่งดี"'
    assert indicators["formula.kind"] == '"อัตราส่วน,ค่าเฉลี่ย,นับจำนวน,ผลรวม,ข้อความ"'
    assert "ร้อยละ" in indicators["unit"] and "นาที" in indicators["unit"]
    assert indicators["group"].startswith("'กลุ่ม'!$A$3")  # the paths typed in the groups sheet
    rubric = dropdowns(book["เกณฑ์"])
    assert rubric["row"] == '"ระดับ,เงื่อนไข,รายการ"'
    assert rubric["op"] == '">=,>,<=,<"'
    assert rubric["indicator"].startswith("'ตัวชี้วัด'!$B$3")
    assert dropdowns(book["ขั้นตอน"])["project"].startswith("'โครงการ'!$B$3")

    quarter = [dv for dv in book["ผลรายไตรมาส"].data_validations.dataValidation if dv.type == "whole"]
    assert [(dv.formula1, dv.formula2) for dv in quarter] == [("1", "4")]
    header = book["แผน"]
    interpolate_row = next(c.row for c in header["C"] if c.value == "interpolate")
    (flag,) = [dv for dv in header.data_validations.dataValidation if f"B{interpolate_row}" in dv.sqref]
    assert flag.formula1 == '"ใช่,ไม่ใช่"'


def test_the_template_carries_the_fy2567_plan_as_its_example(template: Path) -> None:
    book = load_workbook(template)
    plan = load_plan(FY2567)
    header = book["แผน"]
    assert header["A1"].value == "หัวข้อ" and header["B2"].value == plan.id
    indicators = book["ตัวชี้วัด"]
    code, name = (column_of(indicators, h) for h in ("รหัสตัวชี้วัด", "ชื่อตัวชี้วัด"))
    assert keys(indicators)[code] == "code"
    rows = range(3, indicators.max_row + 1)
    assert [indicators[f"{code}{r}"].value for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert indicators[f"{name}3"].value == plan.indicator("1").name
    rubric = book["เกณฑ์"]
    kinds = [rubric[f"B{r}"].value for r in range(3, rubric.max_row + 1)]
    assert kinds.count("ระดับ") == sum(len(i.rubric.levels) for i in plan.indicators() if i.rubric)
    assert kinds.count("เงื่อนไข") == sum(len(i.rubric.conditions) for i in plan.indicators() if i.rubric)
    instructions = [c.value for row in book["คำอธิบาย"].iter_rows() for c in row if c.value]
    assert any(plan.title in str(text) and "ลบแถวตัวอย่าง" in str(text) for text in instructions)
    every_key = {str(k) for ws in book.worksheets[2:] for k in keys(ws).values()}
    assert every_key <= set(instructions)  # each column is explained
    assert read_plan_workbook(template) == plan  # the example rows are a working plan


# --- a workbook with mistakes ----------------------------------------------------------------------------


def find_row(ws: Worksheet, **by_header: Any) -> int:
    columns = {column_of(ws, h): v for h, v in by_header.items()}
    matches = [
        r for r in range(3, ws.max_row + 1) if all(str(ws[f"{c}{r}"].value) == str(v) for c, v in columns.items())
    ]
    assert len(matches) == 1, by_header
    return matches[0]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PlanWorkbookError) as caught:
        read_plan_workbook(path)
    return [str(p) for p in caught.value.problems]


def test_every_mistake_is_reported_at_its_cell_and_nothing_is_written(template: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_small_plan(template, filled)
    book = load_workbook(filled)
    rubric, indicators = book["เกณฑ์"], book["ตัวชี้วัด"]
    level_4 = find_row(rubric, **{"รหัสตัวชี้วัด": "1.1", "ระดับ/รหัส": 4})
    rubric[f"{column_of(rubric, 'ค่า')}{level_4}"] = 65  # below level 3's 70
    ladder = find_row(indicators, **{"รหัสตัวชี้วัด": "1.2"})
    indicators[f"{column_of(indicators, 'น้ำหนักคะแนน')}{ladder}"] = "สามสิบ"
    checklist = find_row(indicators, **{"รหัสตัวชี้วัด": "2.1"})
    indicators[f"{column_of(indicators, 'ชนิดเกณฑ์')}{checklist}"] = "แบบสะสม"  # typed over the dropdown
    indicators[f"{column_of(indicators, 'ชื่อตัวชี้วัด')}{checklist}"] = None
    step = find_row(book["ขั้นตอน"], **{"ขั้นที่": 2})
    book["ขั้นตอน"][f"{column_of(book['ขั้นตอน'], 'ร้อยละของงาน')}{step}"] = "สี่สิบ"
    bad = tmp_path / "bad.xlsx"
    book.save(bad)

    assert problems_of(bad) == [
        "แผ่น ตัวชี้วัด แถว 4 คอลัมน์ J: “น้ำหนักคะแนน” ต้องเป็นตัวเลข ไม่ใช่ “สามสิบ”",
        "แผ่น ตัวชี้วัด แถว 5 คอลัมน์ C: ต้องกรอก “ชื่อตัวชี้วัด”",
        "แผ่น ตัวชี้วัด แถว 5 คอลัมน์ W: “ชนิดเกณฑ์” ต้องเลือกจากรายการ: เทียบเกณฑ์ค่า, ขั้นบันได, รายการสะสมคะแนน ไม่ใช่ “แบบสะสม”",
        f"แผ่น เกณฑ์ แถว {level_4} คอลัมน์ E: ระดับ 4 ต้องมีค่าไม่น้อยกว่าระดับ 3 (70): ระดับที่สูงกว่าต้องทำได้ยากกว่า",
        f"แผ่น ขั้นตอน แถว {step} คอลัมน์ E: “ร้อยละของงาน” ต้องเป็นตัวเลข ไม่ใช่ “สี่สิบ”",
    ]
    out = tmp_path / "out.yaml"
    result = tidtam("plans", "import", bad, "--out", out)
    assert result.exit_code == 1
    assert "พบข้อผิดพลาด 5 รายการ" in result.stderr
    assert "แผ่น เกณฑ์ แถว" in result.stderr and "ระดับ 4 ต้องมีค่าไม่น้อยกว่าระดับ 3" in result.stderr
    assert not out.exists()
    assert list(tmp_path.glob("*.yaml")) == []


def test_the_plans_own_rules_are_reported_at_their_cells(template: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_small_plan(template, filled)
    book = load_workbook(filled)
    groups, indicators, rubric = book["กลุ่ม"], book["ตัวชี้วัด"], book["เกณฑ์"]
    groups["D3"] = 50  # มิติ 1 holds 30 + 30
    twin = indicators.max_row + 1
    type_row(indicators, twin, {"กลุ่ม": "1", "รหัสตัวชี้วัด": "1.1", "ชื่อตัวชี้วัด": "ตัวชี้วัดที่พิมพ์รหัสซ้ำ"})
    top = find_row(rubric, **{"รหัสตัวชี้วัด": "1.1", "ระดับ/รหัส": 5})
    rubric[f"G{top}"] = "report, reprot"
    level_2 = find_row(rubric, **{"รหัสตัวชี้วัด": "1.1", "ระดับ/รหัส": 2})
    rubric[f"E{level_2}"] = None  # ">=" without a value
    condition = find_row(rubric, **{"ประเภทแถว": "เงื่อนไข"})
    rubric[f"D{condition}"] = ">="  # an operator on a condition row
    book["แผน"]["B2"] = None  # no plan id
    bad = tmp_path / "bad.xlsx"
    book.save(bad)

    assert problems_of(bad) == [
        "แผ่น แผน แถว 2 คอลัมน์ B: ต้องกรอก “รหัสแผน”",
        "แผ่น กลุ่ม แถว 3 คอลัมน์ D: น้ำหนักของกลุ่ม 1 คือ 50 แต่น้ำหนักของตัวชี้วัดในกลุ่มรวมกันได้ 60",
        f"แผ่น ตัวชี้วัด แถว {twin} คอลัมน์ B: รหัสตัวชี้วัด “1.1” ซ้ำกับแถว 3",
        f"แผ่น เกณฑ์ แถว {top} คอลัมน์ G: ไม่พบเงื่อนไขรหัส “reprot” ของตัวชี้วัด 1.1: เพิ่มแถวประเภท “เงื่อนไข” ที่มีรหัสนี้",
        f"แผ่น เกณฑ์ แถว {level_2} คอลัมน์ E: ต้องกรอก “เครื่องหมาย” และ “ค่า” คู่กัน",
        f"แผ่น เกณฑ์ แถว {condition} คอลัมน์ D: แถวประเภท “เงื่อนไข” ไม่ใช้ช่อง “เครื่องหมาย” โปรดเว้นว่างไว้",
    ]


def test_references_to_rows_that_do_not_exist_are_reported(template: Path, tmp_path: Path) -> None:
    filled = tmp_path / "filled.xlsx"
    fill_small_plan(template, filled)
    book = load_workbook(filled)
    book["ตัวชี้วัด"]["A5"] = "2 > 2.2"
    book["เกณฑ์"].append(["9.9", "ระดับ", 1, ">=", 1])
    book["เกณฑ์"].append(["1.2", "ขั้น", 6])
    book["ขั้นตอน"]["B5"] = "โครงการอื่น"
    book["ตัวชี้วัด"]["AC2"] = "owner"  # a key the import does not know
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    last = book["เกณฑ์"].max_row

    problems = problems_of(bad)

    assert "แผ่น ตัวชี้วัด แถว 2 คอลัมน์ AC: ไม่รู้จักรหัสช่อง “owner” ในแถวที่ 2" in problems[0]
    assert "แผ่น ตัวชี้วัด แถว 5 คอลัมน์ A: ไม่พบกลุ่ม “2 > 2.2” ในแผ่น กลุ่ม" in problems
    assert f"แผ่น เกณฑ์ แถว {last - 1} คอลัมน์ A: ไม่พบตัวชี้วัดรหัส “9.9” ในแผ่น ตัวชี้วัด" in problems
    assert f"แผ่น เกณฑ์ แถว {last} คอลัมน์ B: “ประเภทแถว” ต้องเลือกจากรายการ: ระดับ, เงื่อนไข, รายการ ไม่ใช่ “ขั้น”" in problems
    assert "แผ่น ขั้นตอน แถว 5 คอลัมน์ B: ไม่พบโครงการ “โครงการอื่น” ของตัวชี้วัด 2.1 ในแผ่น โครงการ" in problems


def test_import_keeps_an_existing_plan_file_unless_forced(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("# hand-edited\n", encoding="utf-8")

    refused = tidtam("plans", "import", template, "--out", out)
    forced = tidtam("plans", "import", template, "--out", out, "--force")

    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert forced.exit_code == 0, forced.output
    assert load_plan(out) == load_plan(FY2567)


@pytest.fixture
def plans_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from bot.settings import get_settings

    plans = tmp_path / "plans"
    plans.mkdir()
    monkeypatch.setenv("PLANS_DIR", str(plans))
    get_settings.cache_clear()
    yield plans
    get_settings.cache_clear()


def test_import_names_the_file_after_the_plan_id_only_when_it_is_a_file_name(
    template: Path, plans_dir: Path, tmp_path: Path
) -> None:
    written = tidtam("plans", "import", template)
    book = load_workbook(template)
    book["แผน"]["B2"] = "../escape"
    climbing = tmp_path / "climbing.xlsx"
    book.save(climbing)
    refused = tidtam("plans", "import", climbing)

    assert written.exit_code == 0, written.output
    assert [p.name for p in plans_dir.iterdir()] == ["fy2567-governor-secretary.yaml"]
    assert refused.exit_code == 1 and "--out" in refused.stderr
    assert not (tmp_path / "escape.yaml").exists()


def test_a_file_that_is_not_a_workbook_is_refused_in_thai(tmp_path: Path) -> None:
    not_excel = tmp_path / "plan.xlsx"
    not_excel.write_text("id: x\n", encoding="utf-8")
    result = tidtam("plans", "import", not_excel, "--out", tmp_path / "out.yaml")
    assert result.exit_code == 1
    assert "อ่านไฟล์ plan.xlsx ไม่ได้" in result.stderr
    assert not (tmp_path / "out.yaml").exists()
