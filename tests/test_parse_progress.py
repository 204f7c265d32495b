"""The result the quarterly form asks for, among the other numbers a report gives. Read through the real
parser on the real plans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from handlers.parse.parser import MessageParser
from store.plan_files import load_plan

PLANS = Path(__file__).resolve().parent.parent / "plans"


@pytest.fixture(scope="module")
def fy2563() -> MessageParser:
    return MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))


def test_the_progress_percent_beats_a_count_in_another_unit(fy2563: MessageParser) -> None:
    parsed = fy2563.parse(
        "ตัวชี้วัดยุทธศาสตร์ 1 จัดสภากรุงเทพมหานครจำลองไปแล้ว 1 ครั้ง นักเรียน 120 คน จาก 12 โรงเรียน ความก้าวหน้าร้อยละ 30 ไตรมาส 2",
        date(2020, 3, 18),
    )
    assert parsed.as_json()["value"] == 30 and parsed.as_json()["unit"] == "ร้อยละ"


def test_a_lone_number_closing_a_report_named_by_alias_is_its_value_to_confirm(fy2563: MessageParser) -> None:
    parsed = fy2563.parse("เบิกจ่ายสะสมถึงสิ้นเดือนที่แล้ว 62.35 ครับ", date(2020, 7, 10))
    assert parsed.as_json()["indicator"] == "2.1" and parsed.as_json()["value"] == 62.35
    assert parsed.ask is not None  # no unit was written: the reporter confirms it


def test_a_year_or_a_room_closing_the_message_is_not_a_value(fy2563: MessageParser) -> None:
    for said in ("Best Service ประชุมสรุปสถิติค่าไฟฟ้าประจำปี 62", "เดี๋ยวบ่ายสองประชุม Best Service ห้อง 301"):
        assert fy2563.parse(said, date(2020, 1, 10)).as_json()["value"] is None, said


def test_the_total_beats_the_parts_listed_before_it(fy2565: MessageParser) -> None:
    parsed = fy2565.parse("One Platform ผ่านเกณฑ์ข้อ 1 (25%) ข้อ 2 (10%) และข้อ 3 (20%) แล้ว รวม 55% ค่ะ", date(2022, 2, 18))
    assert parsed.as_json()["value"] == 55


def test_resolved_out_of_received_in_english_is_the_complaints_share(fy2567: MessageParser) -> None:
    said = "Traffy update Mar 2024: resolved 9,812 / received 12,650 (50 districts) ครับ"
    parsed = fy2567.parse(said, date(2024, 4, 5))
    got = parsed.as_json()
    assert (got["value"], got["numerator"], got["denominator"]) == (77.57, 9812, 12650)


def test_a_target_group_is_the_whole_not_a_target(fy2562: MessageParser) -> None:
    said = "พัฒนาศักยภาพนักจัดการงานทั่วไป: กลุ่มเป้าหมาย 20 คน ได้รับการพัฒนาแล้ว 15 คน (ค่าเป้าหมายร้อยละ 70)"
    assert fy2562.parse(said, date(2019, 8, 20)).as_json()["value"] == 75


def test_two_counts_that_make_one_ratio_are_one_indicator_s() -> None:
    """เจรจา 1.1 counts the registered elders who passed their wisdom on, out of those registered; 1.2's
    name also says "ถ่ายทอด", but the two numbers are one ratio."""
    social = MessageParser(load_plan(PLANS / "fy2563-social-development.yaml"))
    said = "เรื่องผู้มีภูมิปัญญาค่ะ ตอนนี้ขึ้นทะเบียนไว้ 40 ท่าน ได้ไปถ่ายทอดแล้ว 28 ท่านค่ะ (นับถึงสิ้นเดือนมกราคม)"
    parsed = social.parse(said, date(2020, 2, 18))
    assert len(parsed.items) == 1 and parsed.as_json()["value"] == 70


def test_a_spelled_part_of_a_spelled_whole(fy2562: MessageParser) -> None:
    said = "ข. สาม พัฒนา ศักยภาพ นัก จัดการ งาน ทั่วไป ได้ รับ การ พัฒนา แล้ว เก้า ใน สิบ สอง คน ครับ"
    assert fy2562.parse(said, date(2019, 8, 20)).as_json()["value"] == 75


def test_the_month_just_past_is_last_month_but_the_past_three_months_are_no_period(fy2567: MessageParser) -> None:
    said = "รายงานเรื่องที่ประชาชนแจ้งเข้ามาในแอปทราฟฟี่ ของเดือนที่ผ่านมาค่ะ รับ 12,458 เรื่อง แก้เสร็จแล้ว 9,871 เรื่อง"
    assert fy2567.parse(said, date(2024, 3, 19)).as_json()["period"] == {"fiscal_year": 2567, "quarter": 2, "month": 2}
    past = "ตช.4 ในช่วง 3 เดือนที่ผ่านมา แก้ได้ 80%"
    assert fy2567.parse(past, date(2024, 3, 19)).as_json()["period"] == {
        "fiscal_year": 2567,
        "quarter": 2,
        "month": None,
    }


def test_money_spent_over_money_allotted_after_a_slash(fy2565: MessageParser) -> None:
    said = "เบิกจ่ายงบประมาณในภาพรวม ณ 31 พ.ค. 65\nเบิกได้ 18,456,200.50 บาท / ได้รับจัดสรร 31,200,000 บาท"
    assert fy2565.parse(said, date(2022, 6, 10)).as_json()["value"] == 59.15


def test_spelled_counts_glued_to_their_words_make_the_share(fy2567: MessageParser) -> None:
    said = (
        "ขออนุญาตรายงานผลการติดตามข้อสั่งการ ผู้ว่าฯ สัญจรประจำเขต ไตรมาสที่ ๓ ครับ ข้อสั่งการทั้งสิ้นสี่สิบแปดข้อ"
        " หน่วยงานดำเนินการแล้วเสร็จสี่สิบเอ็ดข้อ ที่เหลืออยู่ระหว่างติดตามเดือนละหนึ่งครั้ง"
    )
    assert fy2567.parse(said, date(2024, 6, 20)).as_json()["value"] == 85.42
    # A number word opening a word is the word: "ศูนย์ข้อมูลข่าวสาร" is no zero.
    assert (
        MessageParser(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
        .parse("ศูนย์ข้อมูลข่าวสาร 60%", date(2019, 5, 2))
        .as_json()["value"]
        == 60
    )


def test_a_figure_worked_out_again_in_the_same_message_is_the_value(fy2565: MessageParser) -> None:
    said = (
        "ระบบติดตามญัตติ เดือน ม.ค. 65 ส.ก. ร้องขอข้อมูล 14 ครั้ง ใช้เวลาส่งข้อมูลรวม 5 ชั่วโมง 22 นาที"
        " เฉลี่ยครั้งละ 24 นาที ขออภัยครับ คำนวณใหม่แล้วได้ 23 นาทีพอดีครับ"
    )
    assert fy2565.parse(said, date(2022, 2, 10)).as_json()["value"] == 23


def test_numbers_each_after_its_month_are_no_fraction() -> None:
    """ "ม.ค. 28.4 / ก.พ. 35.1": the slash parts months, it does not divide."""
    from handlers.parse.value import find_values

    assert all(v.denominator is None for v in find_values("เบิกจ่ายภาพรวมสะสม      28.4 /      35.1 /       43.9 (%)"))
    assert find_values("ได้ 12 / 20 โครงการ")[0].denominator == 20


def test_a_figure_put_right_within_the_message_replaces_the_one_before(fy2567: MessageParser) -> None:
    said = "โครงการสำคัญของท่านรองผู้ว่าฯ ไตรมาส ๓ ทำได้ตามแผนครบแล้ว ๘ โครงการ เอ้ย ไม่ใช่ค่ะ ๙ โครงการ"
    assert fy2567.parse(said, date(2024, 6, 20)).as_json()["value"] == 9
    fy2563 = MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))
    said = (
        "ผลสำรวจความพึงพอใจผู้ใช้เว็บไซต์สภากรุงเทพมหานคร ไตรมาส 3 มีผู้ตอบแบบสอบถามออนไลน์ 436 คน"
        " พึงพอใจระดับมากถึงมากที่สุด 317 คน ขอแก้ค่ะ 371 คน (พิมพ์สลับ)"
    )
    assert fy2563.parse(said, date(2020, 6, 20)).as_json()["value"] == 85.09


def test_the_progress_beats_a_saving_said_beside_it() -> None:
    fy2563 = MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))
    said = (
        "โครงการลดการใช้พลังงานไฟฟ้าภายในศาลาว่าการ (เสาชิงช้า) ค่าไฟเดือน ม.ค. 63 ลดลงจากปีก่อน 8.5%"
        " และโครงการ SBMC Unified Communications ติดตั้งระบบแล้ว รวมความก้าวหน้าตัวชี้วัดร้อยละ 55 ค่ะ (ไตรมาส 2)"
    )
    assert fy2563.parse(said, date(2020, 3, 18)).as_json()["value"] == 55


def test_points_out_of_the_hundred_and_a_percent_named_by_the_indicator_s_name(fy2565: MessageParser) -> None:
    said = "งานอินโนเวชั่นของสำนักงานฯ ไตรมาส ๓ ได้ผลผลิตนวัตกรรม ๑ ชิ้น คะแนนสะสมตอนนี้ ๗๐ เต็ม ๑๐๐ ครับ"
    got = fy2565.parse(said, date(2022, 6, 20)).as_json()
    assert got["value"] == 70 or (got["item_claims"] or {}).get("claimed") == 70
    fy2563 = MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))
    said = "ร้อยละความสำเร็จของแผนปฏิบัติราชการประจำปีของหน่วยงาน : 74.5 (สะสม ณ สิ้นเดือนมิถุนายน 2563)"
    assert fy2563.parse(said, date(2020, 7, 5)).as_json()["value"] == 74.5


def test_the_year_closed_as_of_its_last_day_is_that_month(fy2565: MessageParser) -> None:
    got = fy2565.parse("สรุปปิดปีงบ 65 นะครับ เบิกจ่ายภาพรวม ณ 30 ก.ย. 65 = 97.6%", date(2022, 10, 5)).as_json()
    assert got["period"] == {"fiscal_year": 2565, "quarter": 4, "month": 9}


def test_points_out_of_a_hundred_said_alone_are_read(fy2565: MessageParser) -> None:
    """ "ได้ 70 เต็ม 100": once read a group the pattern does not fill, and the message failed."""
    got = fy2565.parse("นวัตกรรม ได้ 70 เต็ม 100 ค่ะ", date(2022, 6, 20)).as_json()
    assert got["value"] == 70 or (got["item_claims"] or {}).get("claimed") == 70


def test_of_counts_in_the_plan_s_unit_the_one_said_done_or_running(
    fy2567: MessageParser, fy2562: MessageParser
) -> None:
    said = "KPI 2 โครงการสำคัญรองผู้ว่าฯ (12 โครงการ) Q3 ทำได้ตามแผน 100% แล้ว 8 โครงการ อีก 4 ยังช้ากว่าแผน"
    assert fy2567.parse(said, date(2024, 6, 20)).as_json()["value"] == 8
    running = fy2562.parse("ก.1 ตรวจติดตามนำเข้าข้อมูล เดือน มค 62 ตรวจแล้ว 1 ครั้ง สะสม 2 ครั้ง", date(2019, 1, 20))
    assert running.as_json()["value"] == 2


def test_progress_from_one_figure_to_another_is_the_second() -> None:
    fy2563 = MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))
    said = "ตชว.ยุทธศาสตร์ 3 งบประมาณแบบมีส่วนร่วม : จัดสัมมนาเรียบร้อยแล้ว ความคืบหน้าจาก 13% ขยับเป็น 45% ครับ"
    assert fy2563.parse(said, date(2020, 6, 20)).as_json()["value"] == 45


def test_a_running_total_after_its_parts_and_a_month_ahead_is_not_the_period(
    fy2565: MessageParser, fy2567: MessageParser
) -> None:
    said = (
        "One Platform (5.2) รอบ 6 เดือน\nข้อ 1 แต่งตั้งคณะทำงาน (25%) เสร็จ ธ.ค.64\nข้อ 2 เสนอ คกก.ธรรมาภิบาลข้อมูลฯ (10%)"
        " เสร็จ ม.ค.65\nข้อ 3 data cleansing (20%) เสร็จ มี.ค.\nรวมสะสม 55%"
    )
    assert fy2565.parse(said, date(2022, 3, 20)).as_json()["value"] == 55
    said = "สรุปผลเดือน ส.ค. 67 ค่ะ\n- ตช.4 Traffy 76.8%\n- ตช.5 สัญจรเขต 91.2%\nเดือน ก.ย. จะส่งพร้อมรอบ 12 เดือนนะคะ"
    assert fy2567.parse(said, date(2024, 9, 5)).as_json()["period"]["month"] == 8
