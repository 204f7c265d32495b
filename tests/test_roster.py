"""People come from a roster: ``tidtam people import``, its invite sheets, and taking people or roles off.

The roster is the one an admin would make: 200 people of the two demo units with Thai headers, five
of them wrong in five ways. The valid 195 are imported in one go and each bad row is named by row and
column; the same file again changes nothing; a dry run writes nothing; a CSV saved by Excel reads the
same. Invite cards carry codes that really link a LINE account and a QR code that decodes to the
bot's add-friend link. A deactivated person gets no reminders and is not reported late to the head.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
import zxingcpp
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader
from sqlmodel import Session, col, select
from typer.testing import CliRunner, Result

from bot.cli import app
from bot.invite_sheet import CARDS_PER_PAGE, FontFiles, InviteSheetError, write_invite_pdf
from bot.settings import get_settings
from store.db import make_engine, session_scope
from store.demo import COUNCIL, GOV, load_demo
from store.identities import redeem
from store.models import Assignment, IndicatorRecord, LinkCode, Person, PlanRecord, Role, RoleGrant, Unit, utcnow
from store.roster import Invite, normalise_phone, parse_role
from tests.conftest import PLANS

HEADER = ["ชื่อ-สกุล", "ตำแหน่ง", "หน่วยงาน", "บทบาท", "ตัวชี้วัดที่รับผิดชอบ", "ผู้รักษาราชการแทน", "โทรศัพท์"]
FIRST = [
    "สมชาย", "สมหญิง", "วิไล", "ประเสริฐ", "กมล", "จันทร์เพ็ญ", "ธีระ", "นภา", "บุญมี", "พรทิพย์",
    "สุรชัย", "อรุณี", "เกษม", "ลำดวน", "ชูชาติ", "รัตนา", "ไพโรจน์", "เยาวลักษณ์", "ทวีศักดิ์", "มณีรัตน์",
]  # fmt: skip
LAST = ["ศรีสุข", "ทองดี", "แก้วมณี", "บุญเรือง", "พูลสวัสดิ์", "เจริญผล", "สายทอง", "วงศ์ไทย", "ดวงแก้ว", "รุ่งเรือง"]
BASIC_ID = "@123abcde"
ADD_FRIEND = "https://line.me/R/ti/p/@123abcde"
# The five bad rows, by their row number in the sheet (the header is row 1): what is wrong, where.
BAD = {
    14: ("D", "บทบาท", "ไม่รู้จักบทบาท 'ผู้จัดการ'"),
    30: ("C", "หน่วยงาน", "ไม่พบหน่วยงาน 'สำนักงานที่ไม่มีอยู่จริง'"),
    51: ("E", "ตัวชี้วัดที่รับผิดชอบ", "ไม่พบตัวชี้วัด '99'"),
    77: ("A", "ชื่อ-สกุล", "ไม่มีชื่อ"),
    120: ("G", "โทรศัพท์", "หมายเลขโทรศัพท์ '12345' ไม่ถูกต้อง"),
}


def name_of(index: int) -> str:
    return f"{FIRST[index % 20]} {LAST[index // 20 % 10]}"


def roster_rows(count: int = 200) -> list[list[object]]:
    """``count`` people, half in each demo unit, with the five bad rows of ``BAD``."""
    rows: list[list[object]] = []
    for i in range(count):
        number = i + 2
        gov = i % 2 == 0
        name = name_of(i)
        roles = "ผู้รายงาน" if i % 7 else "reporter, หัวหน้าส่วนราชการ"
        indicators = ("1, 2" if i % 4 == 0 else "3") if gov else ("K1" if i % 3 else "K2, 4")
        partner = i + 2  # acts for this person; never one of the bad rows (that row would fail too)
        acting = name_of(partner) if i % 10 == 0 and partner < count and partner + 2 not in BAD else ""
        phone: object = f"081234{i:04d}" if i % 5 else int(f"81234{i:04d}")  # typed as a number: no leading 0
        row: list[object] = [name, "นักวิเคราะห์นโยบายและแผน", GOV if gov else COUNCIL, roles, indicators, acting, phone]
        if number in BAD:
            column = "ABCDEFG".index(BAD[number][0])
            row[column] = {
                "D": "ผู้รายงาน, ผู้จัดการ",
                "C": "สำนักงานที่ไม่มีอยู่จริง",
                "E": "99" if gov else "K1, 99",
                "A": None,
                "G": "12345",
            }[BAD[number][0]]
        rows.append(row)
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    """As Excel saves "CSV UTF-8": a BOM, CRLF line ends."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    return path


@pytest.fixture
def demo_db(cli_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LINE_BOT_BASIC_ID", BASIC_ID)
    get_settings.cache_clear()
    engine = make_engine(cli_db)
    with session_scope(engine) as s:
        load_demo(s, PLANS, datetime(2023, 9, 1, tzinfo=UTC))
    engine.dispose()
    return cli_db


def tidtam(*args: str, code: int = 0) -> str:
    out: Result = CliRunner().invoke(app, list(args))
    assert out.exit_code == code, out.output
    return out.stdout


def snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Everything an import may touch, as plain rows (ids included: nothing may be rewritten)."""
    engine = make_engine(url)
    tables = {
        "person": (Person, ("id", "name", "unit_id", "position", "phone", "active", "acting_for_id")),
        "grant": (RoleGrant, ("id", "person_id", "role", "unit_id")),
        "assignment": (Assignment, ("id", "person_id", "indicator_id")),
        "unit": (Unit, ("id", "name")),
        "code": (LinkCode, ("id", "person_id", "expires_at", "used_at")),
    }
    with Session(engine) as s:
        out = {
            name: [tuple(getattr(r, f) for f in fields) for r in s.exec(select(model).order_by(model.id))]
            for name, (model, fields) in tables.items()
        }
    engine.dispose()
    return out


def error_lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.strip().startswith("แถว ")]


def assert_the_five_bad_rows(output: str) -> None:
    errors = error_lines(output)
    assert len(errors) == 5, errors
    for (row, (column, header, message)), line in zip(sorted(BAD.items()), errors, strict=True):
        assert line.startswith(f"แถว {row} คอลัมน์ {column} ({header}): {message}"), line


# --- import -------------------------------------------------------------------------------------------


def test_a_roster_of_200_with_5_bad_rows_imports_195_and_names_each_bad_row(demo_db: str, tmp_path: Path) -> None:
    roster = write_xlsx(tmp_path / "roster.xlsx", roster_rows())
    out = tidtam("people", "import", str(roster), code=1)
    assert "แถว 14 คอลัมน์ D (บทบาท): ไม่รู้จักบทบาท 'ผู้จัดการ'" in out
    assert_the_five_bad_rows(out)
    assert "สรุป: เพิ่ม 195 คน · แก้ไข 0 คน · ไม่เปลี่ยนแปลง 0 คน · ผิดพลาด 5 แถว" in out

    engine = make_engine(demo_db)
    with Session(engine) as s:
        assert len(s.exec(select(Person)).all()) == 8 + 195
        units = {u.name: u.id for u in s.exec(select(Unit)).all()}
        assert "สำนักงานที่ไม่มีอยู่จริง" not in units
        # Row 2 (the first person): reporter and unit head of the governor's office, indicators 1 and 2,
        # a phone as typed, and the person of row 4 acting for them.
        first = s.exec(select(Person).where(Person.name == "สมชาย ศรีสุข")).one()
        assert first.unit_id == units[GOV] and first.phone == "081-234-0000" and first.position
        grants = {(g.role, g.unit_id) for g in s.exec(select(RoleGrant).where(RoleGrant.person_id == first.id))}
        assert grants == {(Role.reporter, units[GOV]), (Role.unit_head, units[GOV])}
        codes = s.exec(
            select(IndicatorRecord.code)
            .join(Assignment, col(Assignment.indicator_id) == col(IndicatorRecord.id))
            .where(Assignment.person_id == first.id)
        ).all()
        assert sorted(codes) == ["1", "2"]
        stand_in = s.exec(select(Person).where(Person.name == "วิไล ศรีสุข")).one()
        assert stand_in.acting_for_id == first.id
        # A number typed as a number lost its leading zero in Excel; it is read back as a phone.
        assert s.exec(select(Person).where(Person.name == name_of(5))).one().phone == "081-234-0005"
        # Row 14 names a valid role next to the unknown one: the whole row is refused, not half of it.
        assert s.exec(select(Person).where(Person.name == name_of(12))).first() is None
        # "4" is in both plans of the council secretariat: the newest fiscal year's is taken.
        plan_of_4 = s.exec(
            select(PlanRecord.key)
            .join(IndicatorRecord, col(IndicatorRecord.plan_id) == col(PlanRecord.id))
            .join(Assignment, col(Assignment.indicator_id) == col(IndicatorRecord.id))
            .join(Person, col(Person.id) == col(Assignment.person_id))
            .where(IndicatorRecord.code == "4", Person.name == name_of(3))
        ).all()
        assert plan_of_4 == ["fy2565-council-secretariat"]
    engine.dispose()


def test_importing_the_same_roster_again_changes_nothing_and_says_so(demo_db: str, tmp_path: Path) -> None:
    rows = roster_rows()
    roster = write_xlsx(tmp_path / "roster.xlsx", rows)
    tidtam("people", "import", str(roster), code=1)
    before = snapshot(demo_db)
    again = tidtam("people", "import", str(roster), code=1)
    assert "ไม่มีอะไรเปลี่ยนแปลง" in again
    assert "สรุป: เพิ่ม 0 คน · แก้ไข 0 คน · ไม่เปลี่ยนแปลง 195 คน · ผิดพลาด 5 แถว" in again
    assert snapshot(demo_db) == before

    # A corrected roster: the five bad rows replaced by new people, two people changed; only that is
    # applied, and listed.
    for number in BAD:
        rows[number - 2] = [f"{name_of(number - 4)} ใหม่", *roster_rows()[number - 4][1:5], "", ""]
    rows[0][1:5] = ["หัวหน้ากลุ่มงาน", GOV, "ผู้รายงาน", "1"]  # was a unit head too, of indicators 1 and 2
    rows[2][4] = "-"  # "-" clears: no indicators any more
    rows[2][6] = "+66 2 123 4567 ต่อ 89"
    fixed = write_xlsx(tmp_path / "fixed.xlsx", rows)
    out = tidtam("people", "import", str(fixed))
    assert "สรุป: เพิ่ม 5 คน · แก้ไข 2 คน · ไม่เปลี่ยนแปลง 193 คน · ผิดพลาด 0 แถว" in out
    assert (
        "~ สมชาย ศรีสุข (สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร): ตำแหน่ง: นักวิเคราะห์นโยบายและแผน → "
        "หัวหน้ากลุ่มงาน; ถอนบทบาท หัวหน้าส่วนราชการ; ยกเลิกตัวชี้วัด 2 (fy2567-governor-secretary)"
    ) in out
    assert (
        "~ วิไล ศรีสุข (สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร): โทรศัพท์: 081-234-0002 → 02-123-4567 ต่อ 89; "
        "ยกเลิกตัวชี้วัด 3 (fy2567-governor-secretary)"
    ) in out
    after = snapshot(demo_db)
    assert len(after["person"]) == len(before["person"]) + 5
    assert len(after["grant"]) == len(before["grant"]) + 5 - 1
    assert "ไม่มีอะไรเปลี่ยนแปลง" in tidtam("people", "import", str(fixed))


def test_a_dry_run_reports_the_same_and_writes_nothing(demo_db: str, tmp_path: Path) -> None:
    roster = write_xlsx(tmp_path / "roster.xlsx", roster_rows())
    before = snapshot(demo_db)
    out = tidtam("people", "import", str(roster), "--dry-run", "--invites", str(tmp_path / "invites"), code=1)
    assert_the_five_bad_rows(out)
    assert "สรุป: เพิ่ม 195 คน" in out and "(--dry-run)" in out
    assert "จะออกรหัสให้ 195 คน" in out
    assert snapshot(demo_db) == before
    assert not (tmp_path / "invites").exists()


def test_a_csv_saved_by_excel_reads_as_the_workbook_does(demo_db: str, tmp_path: Path) -> None:
    rows = roster_rows()
    data = write_csv(tmp_path / "roster.csv", rows).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM
    out = tidtam("people", "import", str(tmp_path / "roster.csv"), code=1)
    assert_the_five_bad_rows(out)
    assert "สรุป: เพิ่ม 195 คน" in out
    # The workbook of the same roster finds everything in place.
    again = tidtam("people", "import", str(write_xlsx(tmp_path / "roster.xlsx", rows)), code=1)
    assert "ไม่มีอะไรเปลี่ยนแปลง" in again


def test_english_headers_a_title_block_and_new_units(demo_db: str, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "Staff roster FY2567\n\nName,Unit,Role,KPI,Phone\n"
        "Somchai Jaidee,เขตบางรัก,Unit head,,02 123 4567\n"
        "Suda Tamdee,เขตบางรัก,reporter,1,\n",
        encoding="utf-8",
    )
    out = tidtam("people", "import", str(path), code=1)
    assert "แถว 4 คอลัมน์ B (Unit): ไม่พบหน่วยงาน 'เขตบางรัก'" in out
    assert "สรุป: เพิ่ม 0 คน" in out
    out = tidtam("people", "import", str(path), "--create-units", code=1)
    assert "+ หน่วยงานใหม่: เขตบางรัก" in out and "+ Somchai Jaidee (เขตบางรัก): ให้บทบาท หัวหน้าส่วนราชการ" in out
    # The new unit has no plan yet, so an indicator cannot be assigned there.
    assert "แถว 5 คอลัมน์ D (KPI): เขตบางรักยังไม่มีแผนที่นำเข้า" in out


def test_a_file_without_name_or_unit_columns_is_refused_whole(demo_db: str, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("ชื่อ-สกุล,ตำแหน่ง\nสมชาย ศรีสุข,นักวิเคราะห์\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["people", "import", str(path)])
    assert out.exit_code == 1 and "ไม่พบคอลัมน์ ชื่อ-สกุล, หน่วยงาน" in out.output
    out = CliRunner().invoke(app, ["people", "import", str(tmp_path / "roster.pdf")])
    assert out.exit_code == 1 and "รองรับเฉพาะไฟล์ .xlsx และ .csv" in out.output


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("ผู้รายงาน", Role.reporter),
        ("Unit head", Role.unit_head),
        ("unit_head", Role.unit_head),
        ("คกก.", Role.committee),
        ("ผู้บริหาร", Role.manager),
        ("ADMIN", Role.admin),
        ("ผู้จัดการ", None),
    ],
)
def test_roles_are_read_in_thai_or_english(written: str, role: Role | None) -> None:
    assert parse_role(written) == role


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("0812345678", "081-234-5678"),
        ("+66 81 234 5678", "081-234-5678"),
        ("812345678", "081-234-5678"),
        ("02-123-4567 ต่อ 1234", "02-123-4567 ต่อ 1234"),
        ("053 123 456", "053-123-456"),
    ],
)
def test_phones_are_written_as_thai_people_write_them(written: str, normalised: str) -> None:
    assert normalise_phone(written) == normalised


@pytest.mark.parametrize("written", ["12345", "0812345", "โทรหาได้"])
def test_a_phone_that_is_no_number_is_refused(written: str) -> None:
    with pytest.raises(ValueError):
        normalise_phone(written)


# --- invites ------------------------------------------------------------------------------------------


def test_invite_sheets_hold_one_working_code_per_person_and_the_add_friend_qr(demo_db: str, tmp_path: Path) -> None:
    roster = write_xlsx(tmp_path / "roster.xlsx", roster_rows())
    out = tidtam("people", "import", str(roster), "--invites", str(tmp_path / "invites"), code=1)
    assert "บัตรเชิญ 195 คน" in out
    xlsx = next((tmp_path / "invites").glob("*.xlsx"))
    pdf = next((tmp_path / "invites").glob("*.pdf"))

    sheet = load_workbook(xlsx).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 195
    codes = [str(r[4]) for r in rows]
    assert len(set(codes)) == 195 and all(r[5] == ADD_FRIEND for r in rows)

    reader = PdfReader(pdf)
    assert len(reader.pages) == -(-195 // CARDS_PER_PAGE)
    texts = [page.extract_text() for page in reader.pages]
    on_page = [[c for c in codes if c in text] for text in texts]
    assert [len(p) for p in on_page] == [CARDS_PER_PAGE] * 24 + [195 - 24 * CARDS_PER_PAGE]
    assert sorted(c for p in on_page for c in p) == sorted(codes)  # one card per person
    assert ADD_FRIEND in texts[0] and "เพิ่มเพื่อน" in texts[0] and "ใช้ได้ครั้งเดียว" in texts[0]
    decoded = {
        b.text for page in reader.pages[:2] for image in page.images for b in zxingcpp.read_barcodes(image.image)
    }
    assert decoded == {ADD_FRIEND}

    # A code on a card links its person's LINE account.
    engine = make_engine(demo_db)
    with session_scope(engine) as s:
        person = redeem(s, codes[0], "U" + "7" * 32, utcnow())
        assert person is not None and person.name == rows[0][1]
    engine.dispose()

    # Again: nobody gets a second code (they are on the sheet already), no sheet is written …
    again = tidtam("people", "import", str(roster), "--invites", str(tmp_path / "again"), code=1)
    assert "เชื่อมบัญชี LINE แล้ว 1 คน" in again and "อยู่แล้ว 194 คน" in again
    assert not (tmp_path / "again").exists()
    # … unless asked: new codes for the 194, and the old ones stop working.
    renewed = tidtam("people", "import", str(roster), "--invites", str(tmp_path / "new"), "--new-codes", code=1)
    assert "บัตรเชิญ 194 คน" in renewed
    engine = make_engine(demo_db)
    with session_scope(engine) as s:
        assert redeem(s, codes[1], "U" + "8" * 32, utcnow()) is None
    engine.dispose()


def test_invites_need_the_bots_basic_id(demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINE_BOT_BASIC_ID", "")
    get_settings.cache_clear()
    before = snapshot(demo_db)
    roster = write_xlsx(tmp_path / "roster.xlsx", roster_rows(10))
    out = CliRunner().invoke(app, ["people", "import", str(roster), "--invites", str(tmp_path / "invites")])
    assert out.exit_code == 1 and "LINE_BOT_BASIC_ID" in out.output
    assert snapshot(demo_db) == before


def test_a_sheet_that_cannot_be_written_leaves_no_code_behind(demo_db: str, tmp_path: Path) -> None:
    blocked = tmp_path / "invites"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    before = snapshot(demo_db)
    roster = write_xlsx(tmp_path / "roster.xlsx", roster_rows(10))
    out = CliRunner().invoke(app, ["people", "import", str(roster), "--invites", str(blocked)])
    assert out.exit_code == 1 and "เขียนไฟล์บัตรเชิญไม่ได้" in out.output
    assert snapshot(demo_db) == before  # the import waits for a sheet that can be written


def test_a_missing_thai_font_is_a_clear_error(tmp_path: Path) -> None:
    invite = Invite(1, "สมชาย ศรีสุข", GOV, "", "TT-ABCD-EFGH", datetime(2024, 1, 22, tzinfo=UTC))
    missing = FontFiles(tmp_path / "Laksaman.ttf", tmp_path / "Laksaman-Bold.ttf")
    with pytest.raises(InviteSheetError, match="fonts-thai-tlwg") as error:
        write_invite_pdf([invite], tmp_path / "cards.pdf", url=ADD_FRIEND, fonts=missing)
    assert str(tmp_path / "Laksaman.ttf") in str(error.value)
    assert not (tmp_path / "cards.pdf").exists()


# --- off the roster -----------------------------------------------------------------------------------


def reminded(moment: str) -> list[dict[str, object]]:
    return json.loads(tidtam("nudges", "preview", "--at", moment, "--json"))  # type: ignore[no-any-return]


def test_a_deactivated_reporter_is_neither_reminded_nor_reported_late(demo_db: str) -> None:
    assert {tuple(i["indicators"]) for i in reminded("2024-03-13T09:00")} == {("1", "2", "3"), ("4", "5", "6")}  # type: ignore[arg-type]
    head_note = reminded("2024-03-25T09:00")
    assert [i["kind"] for i in head_note] == ["head"] and "สมศรี ใจดี" in str(head_note[0]["text"])

    out = tidtam("people", "deactivate", "สมศรี ใจดี")
    assert out.startswith("ปิดการใช้งาน สมศรี ใจดี")
    assert [i["indicators"] for i in reminded("2024-03-13T09:00")] == [["4", "5", "6"]]
    head_note = reminded("2024-03-25T09:00")
    assert "สมศรี ใจดี" not in str(head_note[0]["text"]) and "วิชัย รักงาน" in str(head_note[0]["text"])
    assert "อยู่แล้ว" in tidtam("people", "deactivate", "สมศรี ใจดี")

    tidtam("people", "activate", "สมศรี ใจดี")
    assert len(reminded("2024-03-13T09:00")) == 2


def test_a_deactivated_head_or_acting_officer_hears_nothing(demo_db: str) -> None:
    tidtam("people", "deactivate", "ปราณี สุขสม")
    assert reminded("2024-03-25T09:00") == []
    tidtam("people", "leave", "สมศรี ใจดี", "--until", "2024-12-31", "--acting", "วิชัย รักงาน")
    on_behalf = reminded("2024-03-13T09:00")
    assert len({i["to"] for i in on_behalf}) == 1 and len(on_behalf) == 2  # both go to วิชัย
    tidtam("people", "deactivate", "วิชัย รักงาน")
    assert reminded("2024-03-13T09:00") == []


def test_revoke_removes_one_grant(demo_db: str) -> None:
    out = tidtam("people", "revoke", "ธนพล บริหารดี", "ผู้บริหาร", "--unit", COUNCIL)
    assert out.strip() == f"ถอนบทบาท ผู้บริหาร ของ{COUNCIL} จาก ธนพล บริหารดี แล้ว"
    engine = make_engine(demo_db)
    with Session(engine) as s:
        units = {u.id: u.name for u in s.exec(select(Unit)).all()}
        manager = s.exec(select(Person).where(Person.name == "ธนพล บริหารดี")).one()
        left = [(g.role, units[g.unit_id]) for g in s.exec(select(RoleGrant).where(RoleGrant.person_id == manager.id))]
        assert left == [(Role.manager, GOV)]
    engine.dispose()

    tidtam("people", "revoke", "สมศรี ใจดี", "reporter")
    assert [i["indicators"] for i in reminded("2024-03-13T09:00")] == [["4", "5", "6"]]
    again = CliRunner().invoke(app, ["people", "revoke", "สมศรี ใจดี", "reporter"])
    assert again.exit_code == 1 and "สมศรี ใจดี ไม่มีบทบาท ผู้รายงาน" in again.output
    unknown = CliRunner().invoke(app, ["people", "revoke", "สมศรี ใจดี", "ผู้จัดการ"])
    assert unknown.exit_code == 1 and "ไม่รู้จักบทบาท 'ผู้จัดการ'" in unknown.output


def test_a_name_shared_by_two_people_needs_the_id(demo_db: str) -> None:
    engine = make_engine(demo_db)
    with session_scope(engine) as s:
        council = s.exec(select(Unit).where(Unit.name == COUNCIL)).one()
        s.add(Person(name="สมศรี ใจดี", unit_id=council.id))
    engine.dispose()
    out = CliRunner().invoke(app, ["people", "deactivate", "สมศรี ใจดี"])
    assert out.exit_code == 1 and "มีผู้ชื่อ 'สมศรี ใจดี' หลายคน" in out.output


def test_a_code_may_name_its_plan(demo_db: str, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        f"ชื่อ,หน่วยงาน,บทบาท,ตัวชี้วัด\nกานดา ศรีสุข,{COUNCIL},ผู้รายงาน,2563:4\nกิตติ ศรีสุข,{COUNCIL},ผู้รายงาน,2560:4\n",
        encoding="utf-8",
    )
    out = tidtam("people", "import", str(path), code=1)
    assert "+ กานดา ศรีสุข" in out and "มอบหมายตัวชี้วัด 4 (fy2563-council-secretariat)" in out
    assert "แถว 3 คอลัมน์ D (ตัวชี้วัด): ไม่พบแผน '2560'" in out


NO_UNITS = {
    "sqlite": ["CREATE TRIGGER no_units BEFORE INSERT ON unit BEGIN SELECT RAISE(ABORT, 'no new units'); END"],
    "postgresql": [
        "CREATE FUNCTION no_units() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no'; END $$",
        "CREATE TRIGGER no_units BEFORE INSERT ON unit FOR EACH ROW EXECUTE FUNCTION no_units()",
    ],
}


def test_nothing_is_half_written_when_the_database_refuses(demo_db: str, tmp_path: Path) -> None:
    """A failure while applying (here the database refuses a new unit, after a valid row was applied)
    leaves nothing behind: the import is one transaction."""
    engine = make_engine(demo_db)
    with engine.begin() as conn:
        for statement in NO_UNITS[engine.dialect.name]:
            conn.execute(sa.text(statement))
    engine.dispose()
    before = snapshot(demo_db)
    path = tmp_path / "roster.csv"
    path.write_text(f"ชื่อ,หน่วยงาน\nกานดา ศรีสุข,{GOV}\nกิตติ ศรีสุข,หน่วยงานใหม่\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["people", "import", str(path), "--create-units"])
    assert out.exit_code != 0 and out.exception is not None
    assert snapshot(demo_db) == before
