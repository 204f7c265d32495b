"""The quarterly export (form สยป.3) and the report-history CSV, on SQLite and PostgreSQL.

The data is built the way the bot builds it (``load_demo`` + ``store.progress``: reports, corrections,
the committee's confirmation and a withdrawal), so the audit trail the CSV prints is the real one.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from bot.export_xlsx import HEADER_ROW, quarterly_workbook, write_quarterly_xlsx, write_reports_csv
from bot.settings import get_settings
from scoring.fiscal import FiscalPeriod
from store import progress
from store.audit import acting_as
from store.db import session_scope
from store.demo import load_demo
from store.export_quarterly import ExportError, IndicatorRow, QuarterlyReport
from store.models import Evidence, IndicatorRecord, PlanRecord, ProgressReport, ReportStatus
from store.progress import ReportInput
from tests.conftest import PLANS

PLAN = "fy2567-governor-secretary"
FY = 2567
TODAY = date(2024, 4, 5)
LOADED = datetime(2023, 10, 2, 2, 0, tzinfo=UTC)
Q1_FIRST = datetime(2023, 12, 15, 3, 0, tzinfo=UTC)
Q1_FIX = datetime(2023, 12, 18, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok
CONFIRMED = datetime(2024, 1, 8, 7, 30, tzinfo=UTC)
Q2_REPORT = datetime(2024, 2, 19, 4, 0, tzinfo=UTC)
Q3_REPORT = datetime(2024, 5, 10, 4, 0, tzinfo=UTC)

NARRATIVE_Q1 = "ติดตามญัตติ 17 เรื่อง จาก 20 เรื่อง ส่งหนังสือ กท 0100/2796"
NARRATIVE_Q2 = "ติดตามครบ 37 จาก 40 เรื่อง รายงานประธานสภาแล้ว"
NARRATIVE_Q3 = "ติดตามครบทุกเรื่อง"
FORMULA_LIKE = "=SUM(1,2) ไม่ใช่สูตร แต่เป็นข้อความที่ผู้รายงานพิมพ์มา"


@dataclass(frozen=True)
class Seeded:
    """Ids the assertions need: the reports made and the people who made them."""

    kpi1_q1: int
    kpi2_withdrawn: int
    kpi1_q3: int
    somsri: int
    wichai: int
    committee: int


def _indicator(session: Session, code: str) -> int:
    plan = session.exec(select(PlanRecord).where(PlanRecord.key == PLAN)).one()
    row = session.exec(
        select(IndicatorRecord).where(IndicatorRecord.plan_id == plan.id, IndicatorRecord.code == code)
    ).one()
    assert row.id is not None
    return row.id


def _report(
    session: Session, code: str, period: FiscalPeriod, by: int, now: datetime, value: float, narrative: str
) -> int:
    data = ReportInput(_indicator(session, code), period, value=value, narrative=narrative)
    report = progress.record(session, data=data, by=by, now=now, source="line:test").report
    assert report.id is not None
    return report.id


def _committee(session: Session, report_id: int, by: int, **changes: object) -> None:
    """What the committee does to a report (confirm, withdraw on request), audited like any change."""
    report = session.get(ProgressReport, report_id)
    assert report is not None
    with acting_as(session, by, source="cli", now=CONFIRMED):
        for name, value in changes.items():
            setattr(report, name, value)
        session.add(report)
        session.flush()


def seed(engine: sa.Engine) -> Seeded:
    """KPI 1: Q1 reported, corrected and confirmed; Q2 by month; Q3 (after the exported quarter).

    KPI 2: a withdrawn report. KPI 3: a narrative that looks like a formula. KPI 4: evidence files.
    """
    with session_scope(engine) as s:
        people = load_demo(s, PLANS, LOADED)
        somsri, wichai, committee = (people[k].id for k in ("somsri", "wichai", "committee"))
        assert somsri is not None and wichai is not None and committee is not None
        q1 = FiscalPeriod(FY, 1)
        kpi1_q1 = _report(s, "1", q1, somsri, Q1_FIRST, value=80.0, narrative="ติดตามแล้ว 16 เรื่อง")
        _report(s, "1", q1, wichai, Q1_FIX, value=85.0, narrative=NARRATIVE_Q1)
        _committee(s, kpi1_q1, committee, status=ReportStatus.confirmed, confirmed_value=84.0)
        _report(s, "1", FiscalPeriod(FY, 2, 2), somsri, Q2_REPORT, value=92.5, narrative=NARRATIVE_Q2)
        kpi1_q3 = _report(s, "1", FiscalPeriod(FY, 3), somsri, Q3_REPORT, value=96.0, narrative=NARRATIVE_Q3)
        kpi2 = _report(s, "2", FiscalPeriod(FY, 2), wichai, Q2_REPORT, value=9.0, narrative="ส่งผิดตัวชี้วัด")
        _committee(s, kpi2, wichai, status=ReportStatus.withdrawn)
        _report(s, "3", FiscalPeriod(FY, 2), somsri, Q2_REPORT, value=55.0, narrative=FORMULA_LIKE)
        kpi4 = _report(s, "4", FiscalPeriod(FY, 1), wichai, Q1_FIRST, value=40.0, narrative="ประชุมสำนักงานเขต")
        s.add(Evidence(report_id=kpi4, person_id=wichai, kind="image", filename="ภาพประชุม.jpg"))
        s.add(Evidence(report_id=kpi4, person_id=wichai, kind="document-number", reference="กท 0100/2890"))
    return Seeded(kpi1_q1, kpi2, kpi1_q3, somsri, wichai, committee)


def _export(engine: sa.Engine, path: Path, quarter: int = 2) -> Worksheet:
    with Session(engine) as s:
        write_quarterly_xlsx(s, PLAN, FY, quarter, path, today=TODAY)
    return _sheet(path)


def _sheet(path: Path) -> Worksheet:
    ws = load_workbook(path).active
    assert isinstance(ws, Worksheet)
    return ws


def _table(ws: Worksheet) -> tuple[int, list[dict[str, object]]]:
    """The header row number and the data rows as header → value."""
    header_row = next(r for r in range(1, 20) if ws.cell(r, 1).value == "ลำดับ")
    headers = [c.value for c in ws[header_row]]
    rows = [dict(zip(headers, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=header_row + 1)]
    return header_row, rows


def _by_code(rows: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(r["รหัส"]): r for r in rows}


def test_xlsx_rows_match_the_database(engine: sa.Engine, tmp_path: Path) -> None:
    seed(engine)
    ws = _export(engine, tmp_path / "q2.xlsx")
    header_row, rows = _table(ws)
    with Session(engine) as s:
        plan = s.exec(select(PlanRecord).where(PlanRecord.key == PLAN)).one()
        indicators = s.exec(select(IndicatorRecord).where(IndicatorRecord.plan_id == plan.id)).all()
    assert [(str(r["รหัส"]), r["ตัวชี้วัด"]) for r in rows] == sorted(
        ((i.code, i.name) for i in indicators), key=lambda pair: int(pair[0])
    )
    assert [r["ลำดับ"] for r in rows] == list(range(1, len(indicators) + 1))
    kpi = _by_code(rows)
    one = kpi["1"]
    assert (one["รหัสยุทธศาสตร์"], one["ค่าเป้าหมาย"], one["หน่วยนับ"]) == ("7.5", "ร้อยละ ๙๕", "ร้อยละ")
    # Cumulative: the newest value up to the end of Q2 (not Q3's 96), and the committee's Q1 number apart.
    assert one["ผลการดำเนินงาน (สะสม)"] == 92.5
    assert one["ผลที่คณะกรรมการยืนยัน"] == 84
    assert one["ความก้าวหน้า/ระดับ"] == "ระดับ 4"  # ≥ 90 and < 95
    assert one["ผลการดำเนินงานรายไตรมาส"] == f"(ไตรมาส 1) {NARRATIVE_Q1} (ไตรมาส 2) {NARRATIVE_Q2}"
    # The withdrawn report counts for nothing.
    two = kpi["2"]
    assert two["ผลการดำเนินงาน (สะสม)"] == "-" and two["ผลที่คณะกรรมการยืนยัน"] == "-"
    assert two["ผลการดำเนินงานรายไตรมาส"] == "(ไตรมาส 1) - (ไตรมาส 2) -"
    assert two["ความก้าวหน้า/ระดับ"] == "-"
    assert str(two["โครงการ/กิจกรรมสนับสนุน"]).startswith("(1) ")
    # Text that looks like a formula stays text.
    three_cell = ws.cell(header_row + 3, 10)
    assert three_cell.value == f"(ไตรมาส 1) - (ไตรมาส 2) {FORMULA_LIKE}" and three_cell.data_type == "s"
    # Evidence: the plan's list, then what was attached, by filename or document number.
    four = str(kpi["4"]["หลักฐาน"])
    assert four.startswith("๑.") and four.endswith("ไฟล์แนบ: ภาพประชุม.jpg, กท 0100/2890")
    assert kpi["4"]["ผลการดำเนินงาน (สะสม)"] == 40


def test_xlsx_title_block_and_print_setup(engine: sa.Engine, tmp_path: Path) -> None:
    seed(engine)
    ws = _export(engine, tmp_path / "q2.xlsx")
    header_row, rows = _table(ws)
    title = [str(ws.cell(r, 1).value or "") for r in range(1, header_row)]
    assert title[0] == "แบบรายงานผลการดำเนินงานตามตัวชี้วัด (สยป.3)"
    assert "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร" in title
    assert "ปีงบประมาณ พ.ศ. 2567" in title
    assert any(t.startswith("ไตรมาสที่ 2 ") for t in title)
    assert "ข้อมูล ณ วันที่ 5 เมษายน 2567" in title
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"TH Sarabun New"}
    assert all(ws.cell(header_row + 1, n).alignment.wrap_text for n in range(1, ws.max_column + 1))
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert all((ws.row_dimensions[header_row + n].height or 0) > 20 for n in range(1, len(rows) + 1))


def test_earlier_quarter_omits_later_ones(engine: sa.Engine, tmp_path: Path) -> None:
    seed(engine)
    _, rows = _table(_export(engine, tmp_path / "q1.xlsx", quarter=1))
    one = _by_code(rows)["1"]
    assert one["ผลการดำเนินงาน (สะสม)"] == 85  # the corrected Q1 value
    assert one["ผลการดำเนินงานรายไตรมาส"] == f"(ไตรมาส 1) {NARRATIVE_Q1}"


def test_unknown_plan_or_year_is_refused(engine: sa.Engine, tmp_path: Path) -> None:
    seed(engine)
    with Session(engine) as s:
        with pytest.raises(ExportError, match="ไม่พบแผน"):
            write_quarterly_xlsx(s, "fy2599-nowhere", 2599, 1, tmp_path / "x.xlsx")
        with pytest.raises(ExportError, match="มีปี 2567"):
            write_reports_csv(s, PLAN, 2566, tmp_path / "x.csv")
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.csv").exists()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads the file as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_every_report_and_its_history(engine: sa.Engine, tmp_path: Path) -> None:
    ids = seed(engine)
    path = tmp_path / "history.csv"
    with Session(engine) as s:
        lines = write_reports_csv(s, PLAN, FY, path)
    rows = _csv_rows(path)
    assert len(rows) == lines
    reports = [r for r in rows if r["record"] == "report"]
    assert [(r["indicator_code"], r["period"]) for r in reports] == [
        ("1", "2567-Q1"),
        ("1", "2567-02"),
        ("1", "2567-Q3"),  # the whole year, not only the exported quarter
        ("2", "2567-Q2"),
        ("3", "2567-Q2"),
        ("4", "2567-Q1"),
    ]
    first = next(r for r in reports if r["report_id"] == str(ids.kpi1_q1))
    assert (first["status"], first["value"], first["confirmed_value"]) == ("confirmed", "85", "84")
    assert first["who"] == "วิชัย รักงาน" and first["when"] == "2023-12-18T10:00:00+07:00"
    assert next(r for r in reports if r["report_id"] == str(ids.kpi2_withdrawn))["status"] == "withdrawn"

    changes = [r for r in rows if r["record"] == "change" and r["report_id"] == str(ids.kpi1_q1)]
    trail = [(c["field"], c["old"], c["new"], c["who"], c["when"]) for c in changes]
    assert ("value", "", "80", "สมศรี ใจดี", "2023-12-15T10:00:00+07:00") in trail
    assert ("value", "80", "85", "วิชัย รักงาน", "2023-12-18T10:00:00+07:00") in trail
    assert ("status", "reported", "confirmed", "มาลี ติดตามผล", "2024-01-08T14:30:00+07:00") in trail
    assert ("confirmed_value", "", "84", "มาลี ติดตามผล", "2024-01-08T14:30:00+07:00") in trail
    # Every change line follows its report line.
    seen: set[str] = set()
    for r in rows:
        if r["record"] == "report":
            seen.add(r["report_id"])
        else:
            assert r["report_id"] in seen
    # A formula-looking narrative is quoted so a spreadsheet shows it as text.
    assert any(r["new"] == "'" + FORMULA_LIKE for r in rows)


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL for the command; the cached settings are dropped before and after."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def test_cli_export_writes_xlsx_and_csv(cli_env: str, engine: sa.Engine, tmp_path: Path) -> None:
    seed(engine)
    out = tmp_path / "สยป3-q2.xlsx"
    args = ["export", "--plan", PLAN, "--fiscal-year", "2567", "--quarter", "2", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    _, rows = _table(_sheet(out))
    assert _by_code(rows)["1"]["ผลการดำเนินงาน (สะสม)"] == 92.5
    history = _csv_rows(out.with_suffix(".csv"))
    assert sum(r["record"] == "report" for r in history) == 6
    assert "6 indicators" in result.output


@pytest.mark.parametrize(
    "named",
    [
        str(PLANS / f"{PLAN}.yaml"),  # a path
        f"plans/{PLAN}.yaml",  # a path from the repository's root, as the README shows it
        f"{PLAN}.yaml",  # a file name under plans/
        PLAN,  # the plan id
        "renamed.yaml",  # a file elsewhere whose name is not the id: its id is what counts
    ],
)
def test_cli_export_takes_the_plan_as_path_file_name_or_id(
    cli_env: str, engine: sa.Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    seed(engine)
    monkeypatch.chdir(PLANS.parent)
    if named == "renamed.yaml":
        shutil.copy(PLANS / f"{PLAN}.yaml", tmp_path / named)
        named = str(tmp_path / named)
    out = tmp_path / "q2.xlsx"
    args = ["export", "--plan", named, "--fiscal-year", "2567", "--quarter", "2", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _by_code(_table(_sheet(out))[1])["1"]["ผลการดำเนินงาน (สะสม)"] == 92.5


def test_cli_export_of_a_plan_file_not_loaded_names_its_id(cli_env: str, engine: sa.Engine, tmp_path: Path) -> None:
    seed(engine)
    out = tmp_path / "x.xlsx"
    plan_file = PLANS / "fy2562-permanent-secretary-office.yaml"
    args = ["export", "--plan", str(plan_file), "--fiscal-year", "2562", "--quarter", "1", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "ไม่พบแผน fy2562-permanent-secretary-office ในฐานข้อมูล" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("plan", "year", "message"),
    [("fy2599-nowhere", "2599", "ไม่พบแผน fy2599-nowhere"), (PLAN, "2024", "ไม่มีปีงบประมาณ พ.ศ. 2024")],
)
def test_cli_export_refuses_unknown_plan_or_year(
    cli_env: str, engine: sa.Engine, tmp_path: Path, plan: str, year: str, message: str
) -> None:
    seed(engine)
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(
        app, ["export", "--plan", plan, "--fiscal-year", year, "--quarter", "1", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert "not in the database" in result.output or "has no fiscal year" in result.output
    assert not out.exists()


def _soffice() -> str:
    """LibreOffice is a system package (``./dev test`` installs it); CI must have it, laptops may not."""
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing in CI: install libreoffice-calc-nogui")
        pytest.skip("soffice not installed (apt-get install libreoffice-calc-nogui fonts-thai-tlwg)")
    return found


def test_libreoffice_converts_the_xlsx_to_pdf(engine: sa.Engine, tmp_path: Path) -> None:
    soffice = _soffice()
    seed(engine)
    xlsx = tmp_path / "q2.xlsx"
    _export(engine, xlsx)
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: parallel runs do not share a lock
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    done = subprocess.run(
        [*cmd, "--outdir", str(tmp_path), str(xlsx)], capture_output=True, text=True, timeout=240, check=False
    )
    pdf = tmp_path / "q2.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "ไตรมาสที่ 2" in text and "2567" in text


def test_long_cells_shrink_instead_of_being_clipped() -> None:
    """Excel rows stop at 409 pt: a very long narrative is set smaller so it still prints whole."""
    long_text = "ดำเนินการประชุมคณะทำงานและลงพื้นที่ตรวจสอบข้อเท็จจริงร่วมกับสำนักงานเขต " * 12
    row = IndicatorRow(1, "1", "ตัวชี้วัด", None, None, None, None, None, None, (long_text, ""), (), (), ())
    report = QuarterlyReport(PLAN, "แผน", "หน่วยงาน", FY, 2, (row,))
    ws = quarterly_workbook(report, TODAY).active
    assert isinstance(ws, Worksheet)
    cell = ws.cell(HEADER_ROW + 1, 10)
    assert str(cell.value).startswith("(ไตรมาส 1) ดำเนินการ") and str(cell.value).endswith("(ไตรมาส 2) -")
    assert cell.font.size is not None and cell.font.size < 14
    assert ws.cell(HEADER_ROW + 1, 3).font.size == 14
    assert 300 < (ws.row_dimensions[HEADER_ROW + 1].height or 0) <= 409
