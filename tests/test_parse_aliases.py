"""The names staff use for an indicator: English names spelled in Thai letters name the same indicator or
item; an old code kept as an alias is a code, not letters inside a date. Read through the real parser on the
real plans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from handlers.parse.parser import MessageParser
from store.plan_files import load_plan

PLANS = Path(__file__).resolve().parent.parent / "plans"


def test_one_platform_in_thai_letters_is_the_one_platform_indicator(fy2565: MessageParser) -> None:
    parsed = fy2565.parse("วันแพลตฟอร์ม ทำไปแล้ว 55% (ข้อ 1–3 เสร็จ)", date(2022, 2, 18))
    assert parsed.first is not None and parsed.first.indicator == "5.2"


def test_job_rotation_and_best_service_in_thai_letters() -> None:
    parser = MessageParser(load_plan(PLANS / "fy2563-council-secretariat.yaml"))
    rotation = parser.parse("จ็อบโรเตชั่น หมุนเวียนงานรอบแรก 8 คน จาก 2 กลุ่มงาน เสร็จแล้วค่ะ ความก้าวหน้า 45%", date(2020, 3, 18))
    assert rotation.first is not None and rotation.first.indicator == "3.1 (ข)"
    service = parser.parse("โครงการ SBMC ยูนิฟายด์ คอมมิวนิเคชั่นส์ ติดตั้งเครื่องแล้ว 9 เครื่อง คืบหน้า 75% ค่ะ", date(2020, 3, 18))
    assert service.first is not None and service.first.indicator == "3.2"


def test_a_dropped_tone_mark_still_names_traffy(fy2567: MessageParser) -> None:
    parsed = fy2567.parse("ทราฟฟี ก.พ. ๖๗ ได้ ๗๓.๔๕%", date(2024, 2, 19))
    assert parsed.first is not None and parsed.first.indicator == "4"


def test_a_dashboard_in_thai_letters_is_the_step_that_builds_it(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("5", "สัญจรประจำเขต ทำแดชบอร์ดวิเคราะห์ผลการดำเนินการตามข้อสั่งการเสร็จแล้วค่ะ")
    assert claims.proposed == ("step-4",)


def test_an_old_letter_code_kept_as_an_alias_is_not_read_inside_a_month(fy2562: MessageParser) -> None:
    """ข.3 keeps its old code "ค.2" as an alias; "ก.ค. 2562" holds the same letters and digits."""
    said = "ตัวชี้วัด ก.1 ได้ดำเนินการขั้นตอนที่ 1–4 แล้วเสร็จ คงเหลือขั้นตอนที่ 5 ซึ่งจะดำเนินการในเดือน ก.ค. 2562"
    parsed = fy2562.parse(said, date(2019, 5, 2))
    assert parsed.first is not None and parsed.first.indicator == "ก.1"
    assert fy2562.parse("ค.2 พัฒนาศักยภาพได้ 80%", date(2019, 5, 2)).as_json()["indicator"] == "ข.3"


def test_an_alias_another_name_or_a_group_also_says_is_confirmed_before_saving() -> None:
    """ "ภูมิปัญญาผู้สูงอายุ" is เจรจา 1.1's alias but 1.2's name says "ภูมิปัญญาของผู้สูงอายุ";
    "หลักสูตรวิชาชีพ" is 3.1's alias and the name of the group holding 3.1 and 3.2."""
    social = MessageParser(load_plan(PLANS / "fy2563-social-development.yaml"))
    for said in ("ภูมิปัญญาผู้สูงอายุ ไตรมาสสอง ได้ 85% ค่ะ", "หลักสูตรวิชาชีพ ผลประเมินไตรมาส 3 ได้ 88% ค่ะ"):
        assert social.parse(said, date(2020, 7, 18)).ask is not None, said
    assert social.parse("จดทะเบียนภูมิปัญญา ไตรมาสสอง ได้ 85% ค่ะ", date(2020, 7, 18)).ask is None


def test_a_name_cut_short_by_paiyannoi_names_the_one_indicator_it_opens(fy2562: MessageParser) -> None:
    said = "ขอแก้ไขครับ ระบบสารบรรณฯ ส่งมอบงานงวดที่ 1 ที่รายงานไปเมื่อ 20 ส.ค. ยังไม่ผ่านการตรวจรับ"
    parsed = fy2562.parse(said, date(2019, 8, 25))
    assert parsed.first is not None and parsed.first.indicator == "ก.2"
    assert parsed.first.claims.proposed_undone == ("step-6",)
    # "ผู้ว่าฯ" opens many names: it names none.
    assert fy2562.matcher.alias_hits("ผู้ว่าฯ มาเยี่ยม") == set()


def test_the_governor_s_district_visits_by_their_short_name(fy2567: MessageParser) -> None:
    parsed = fy2567.parse("ผู้ว่าฯ สัญจรเขตลาดพร้าว 17 ต.ค. 66 ข้อสั่งการ 12 ข้อ ดำเนินการแล้ว 9 ข้อ", date(2023, 11, 20))
    assert parsed.first is not None and parsed.first.indicator == "5"


def test_an_english_name_a_group_prints_beside_its_own_asks_which_member(fy2562: MessageParser) -> None:
    """4.2 "…คุณภาพชีวิตในการทำงาน (Quality of Work Life)" holds 4.2.1 and 4.2.2."""
    parsed = fy2562.parse("Quality of Work Life ไตรมาส 3 ได้ร้อยละ 80 ค่ะ", date(2019, 6, 20))
    assert parsed.ask is not None and set(parsed.first.candidates if parsed.first else []) >= {"4.2.1", "4.2.2"}


def test_a_numbered_line_naming_another_indicator_after_a_code_s_line_is_its_part(fy2565: MessageParser) -> None:
    said = (
        "สรุปความก้าวหน้าประจำเดือน ก.ค. 65\n1) ตัวชี้วัดที่ 1 อยู่ระดับ 4 นำเสนอคณะกรรมการกิจการสภาแล้ว\n"
        "2) การเบิกจ่ายงบประมาณ 84.21% (ได้รับจัดสรร 7.41 ล้านบาท)"
    )
    parsed = fy2565.parse(said, date(2022, 8, 10))
    assert [i.indicator for i in parsed.items] == ["K1", "5.1"]


def test_disbursement_alone_names_the_budget_indicator_and_its_bare_figure(fy2565: MessageParser) -> None:
    got = fy2565.parse("เบิกจ่ายได้ 11.23 ครับ ไตรมาส 1", date(2021, 12, 20)).as_json()
    assert (got["indicator"], got["value"]) == ("5.1", 11.23)


def test_one_line_that_names_an_indicator_clearly_names_the_message(fy2565: MessageParser) -> None:
    """The work's words ("ประชุม", "คณะกรรมการ") are shared by several names, so the whole message leans
    nowhere; its heading names K1, and the reporter's own work group named in passing weighs far less."""
    listed = fy2565.parse(
        "อัปเดตงานนำข้อมูลความต้องการประชาชนเข้าสภาค่ะ\n"
        "- ประชุมคณะทำงานชี้แจงรายละเอียดโครงการ+แผน เสร็จ 19 พ.ย. 64\n"
        "- คณะกรรมการกิจการสภาเห็นชอบแนวทางและประเด็นที่จะรับฟังความต้องการ ปชช. แล้ว ในการประชุม 7 ธ.ค. 64",
        date(2022, 2, 15),
    )
    assert listed.intent == "report" and listed.first is not None and listed.first.indicator == "K1"
    assert "1" in listed.first.claims.proposed and listed.first.claims.done == ()  # guessed: confirmed by tap
    told = fy2565.parse(
        "สวัสดีค่ะ หนูเพิ่งย้ายมาอยู่กลุ่มงานประชุมสภาและกรรมการวิสามัญได้อาทิตย์นึงค่ะ "
        "พี่ให้มาแจ้งความคืบหน้าโครงการนำข้อมูลความต้องการของประชาชนเข้าสภาฯ นะคะ ตอนนี้มีคำสั่งแต่งตั้ง"
        "คณะทำงานออกมาแล้วด้วยค่ะ ไม่แน่ใจว่าต้องแนบอะไรเพิ่มไหมคะ",
        date(2022, 2, 15),
    )
    assert told.intent == "report" and told.first is not None and told.first.indicator == "K1"
    assert told.first.claims.proposed == ("step-2",)
    # two lines that name two indicators as clearly pick neither; one of them alone picks its own
    k1, k2 = "อัปเดตงานนำข้อมูลความต้องการประชาชนเข้าสภาค่ะ", "อัปเดตงานรายงานติดตามญัตติสมาชิกสภาค่ะ"
    assert fy2565._named_by_one_line(f"{k1}\n{k2}\nเสร็จแล้วค่ะ", ["K1", "K2", "K3"]) is None
    assert fy2565._named_by_one_line(f"{k1}\nเสร็จแล้วค่ะ", ["K1", "K2", "K3"]) == "K1"


def test_a_code_with_its_letter_as_a_word_is_that_code() -> None:
    """ "3.1 ข" is the social development plan's "3.1 (ข)", not เจรจา 3.1 with a stray letter."""
    parser = MessageParser(load_plan(PLANS / "fy2563-social-development.yaml"))
    for said in (
        "3.1 ข การจัดการความรู้ (KM) ด้านพัฒนาสังคมเชิงบูรณาการ Q3 ดำเนินการแล้ว 4 ขั้นตอน จาก 5 ขั้นตอน",
        "KM ด้านพัฒนาสังคมเชิงบูรณาการ (3.1 ข) ได้ 40%",
    ):
        result = parser.parse(said, date(2020, 6, 1))
        assert result.first is not None and result.first.indicator == "3.1 (ข)", said
    assert parser.parse("เจรจา 3.1 ได้ 40%", date(2020, 6, 1)).first.indicator == "เจรจา 3.1"  # type: ignore[union-attr]


def test_a_lettered_code_before_the_project_it_names_is_a_code(fy2563_social: MessageParser) -> None:
    """ "ตช.3.1 (ข) โครงการ…": "โครงการ" after a number is a count ("3 โครงการ"), not after a lettered code."""
    said = (
        "เรียน คกก.ติดตามประเมินผล\nกองนโยบายและแผนงาน (กน.) ขอรายงานผลการดำเนินงานรอบ 12 เดือน ปีงบประมาณ พ.ศ. 2563\n"
        "1. ตช.3.1 (ข) โครงการการจัดการความรู้ (KM) ด้านพัฒนาสังคมเชิงบูรณาการ ผลการดำเนินงาน ร้อยละ 100 "
        "จัดเวทีแลกเปลี่ยนเรียนรู้ครบ 3 ครั้ง\n"
        "2. ตช.4.1 การพัฒนาฐานข้อมูลของสำนักพัฒนาสังคม ผลการดำเนินงาน ร้อยละ 95 นำเข้าข้อมูลชุมชนครบ 50 เขต\n"
        "ปัญหา/อุปสรรค: สถานการณ์โควิด-19 ทำให้ต้องเลื่อนกิจกรรมจาก เม.ย. ไป ก.ค. 63"
    )
    found = {
        i.indicator: i.value.value if i.value else None for i in fy2563_social.parse(said, date(2020, 9, 18)).items
    }
    assert found == {"3.1 (ข)": 100.0, "4.1": 95.0}
