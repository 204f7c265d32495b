"""Messages that report several things at once: a status list of steps, a value for each month, an
indicator a listed line. Read through the real parser on the real plans."""

from __future__ import annotations

from datetime import date

from handlers.parse.parser import MessageParser


def test_a_numbered_status_list_is_the_step_table(fy2567: MessageParser) -> None:
    said = (
        "สัญจรชุมชน (ตช.6) สถานะ ณ 15 มิ.ย. 67\n1. ลงพื้นที่ชุมชน ✅ ครบ 50 เขต\n2. แจ้งหน่วยงาน ✅\n"
        "3. ติดตามรายเดือน ✅\n4. วิเคราะห์+Dashboard ❌\n5. Infographic ❌"
    )
    claims = fy2567.item_matcher.claims("6", said)
    assert claims.done == ("step-1", "step-2", "step-3")
    assert "step-5" in claims.undone


def test_a_status_list_numbered_without_dots_is_the_step_table_too(fy2567: MessageParser) -> None:
    said = (
        "KPI 2 progress update (มี.ค. 67)\n1 วิเคราะห์ข้อมูลผลโครงการ ✅\n2 คัดเลือกโครงการตามนโยบาย ✅\n"
        "3 นำเข้าข้อมูลรายงานผลในระบบ ✅ ครบ 12 โครงการ\n4 สรุปนำเรียนรองผู้ว่าฯ ⏳ รอคิวท่าน\n"
        "5 ข้อสั่งการ/ติดตาม/ลงพื้นที่ + บันทึกในระบบ ⏳"
    )
    claims = fy2567.item_matcher.claims("2", said)
    assert set(claims.done) == {"step-1", "step-2", "step-3"} and not {"step-4", "step-5"} & set(claims.done)


def test_numbers_that_do_not_run_from_one_are_not_the_step_table(fy2567: MessageParser) -> None:
    said = "ตช.6\n2. แจ้งหน่วยงาน ✅\n3. ติดตามรายเดือน ✅\n5. Infographic ❌"
    assert fy2567.item_matcher.claims("6", said).undone == ()


def test_a_numbered_list_whose_words_name_other_steps_is_not_read_by_number(fy2567: MessageParser) -> None:
    said = "ตช.6 อัปเดต\n1. ติดตามรายเดือน ✅\n2. ลงพื้นที่ชุมชน ✅\n3. Infographic ❌"
    claims = fy2567.item_matcher.claims("6", said)
    assert "step-1" not in claims.done and "step-2" not in claims.done


def test_each_month_said_with_its_value_is_a_part(fy2565: MessageParser) -> None:
    parsed = fy2565.parse("K2 รายงานย้อนหลังค่ะ เม.ย. 28 นาที / พ.ค. 26 นาที / มิ.ย. 24.5 นาที", date(2022, 7, 5))
    said = [
        (i.indicator, i.value.value if i.value else None, i.period.month if i.period else None) for i in parsed.items
    ]
    assert said == [("K2", 28.0, 4), ("K2", 26.0, 5), ("K2", 24.5, 6)]
    assert parsed.ask is not None and parsed.ask.count("•") == 3  # confirmed, one line a month


def test_listed_lines_after_a_code_name_their_own_indicators(fy2565: MessageParser) -> None:
    parsed = fy2565.parse(
        "รายงานไตรมาส 2 (ม.ค.-มี.ค. 65)\n- K2 เฉลี่ย 24.6 นาที\n- K3 เฉลี่ย 51 นาที\n- นวัตกรรม 50 คะแนน", date(2022, 3, 25)
    )
    assert [i.indicator for i in parsed.items] == ["K2", "K3", "4"]
    assert parsed.items[1].value is not None and parsed.items[1].value.value == 51.0


def test_a_mean_on_a_five_point_scale_is_asked_about_not_saved_as_a_share(fy2567: MessageParser) -> None:
    parsed = fy2567.parse("ตช.3 ความพึงพอใจไตรมาส 2 ได้ 4.21 จาก 5 คะแนนค่ะ", date(2024, 1, 15))
    item = parsed.items[0]
    assert item.value is not None and item.value.value == 4.21 and item.value.unit == "คะแนน"
    assert parsed.ask is not None


def test_a_form_named_as_evidence_proposes_its_item(fy2565: MessageParser) -> None:
    """The plan lists "(แบบฟอร์ม 2)" as the evidence of the innovation's idea selection: saying the form
    names the item, for the reporter to confirm; a form still being filled in names nothing."""
    claims = fy2565.item_matcher.claims("4", "นวัตกรรม คัดเหลือ 3 แนวคิดตามแบบฟอร์ม 2 เรียบร้อยแล้วครับ")
    assert "s1-2" in claims.proposed and claims.done == ()
    assert fy2565.item_matcher.claims("4", "นวัตกรรม กำลังทำแบบฟอร์ม 5 อยู่ค่ะ").empty


def test_a_quoted_question_answered_is_a_report(fy2567: MessageParser) -> None:
    parsed = fy2567.parse(
        "> หัวหน้าต้อม: KPI 2 ตอนนี้ได้กี่โครงการแล้วครับ เป้า 12\n"
        "ตอบพี่ต้อมค่ะ KPI 2 (12 โครงการสำคัญของรองผู้ว่าฯ) ทำได้ตามแผน 100% แล้ว 7 โครงการค่ะ",
        date(2024, 2, 15),
    )
    assert parsed.intent == "report"
    assert parsed.items[0].value is not None and parsed.items[0].value.value == 7.0


def test_a_forward_that_only_passes_a_report_on_is_read_whole(fy2567: MessageParser) -> None:
    parsed = fy2567.parse("Fwd: ตช.4 ไตรมาส 2\n> แก้ไขแล้ว 1,234 จาก 1,500 เรื่อง\nส่งต่อให้ลงระบบด้วยนะคะ", date(2024, 2, 15))
    assert parsed.items[0].indicator == "4" and parsed.items[0].value is not None


def test_a_table_pasted_with_pipes_is_read_a_row_a_step(fy2562: MessageParser) -> None:
    said = (
        "โครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ กทม.\n| ขั้นตอน | สถานะ |\n| 1 อนุมัติเผยแพร่แผน TOR | ✓ 12 ต.ค. 61 |\n"
        "| 2 ประกวดราคา e-bidding | ✓ |\n| 3 ขออนุมัติเงินงวด | ✓ |\n| 4 อนุมัติจ้าง/ลงนามสัญญา | รอ |\n"
        "| 5 ดำเนินการตามสัญญา | - |"
    )
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert claims.done == ("step-1", "step-2", "step-3") and claims.undone == ()


def test_a_heavy_cross_marks_a_step_not_done(fy2567: MessageParser) -> None:
    said = "ตช.5 ขั้นตอนการดำเนินการ\nขั้นตอนที่ 1 ✔\nขั้นตอนที่ 2 ✔\nขั้นตอนที่ 4 ✘\nขั้นตอนที่ 5 ✕"
    claims = fy2567.item_matcher.claims("5", said)
    assert set(claims.done) == {"step-1", "step-2"} and set(claims.undone) == {"step-4", "step-5"}


def test_bullet_lines_each_naming_an_indicator_are_its_parts_whatever_the_lines_around(fy2567: MessageParser) -> None:
    said = (
        "สรุปจากที่ประชุมกลุ่มงานเมื่อเช้า (ประชุมครั้งที่ 3/2567 ผู้เข้าร่วม 14 คน) นะคะ\n"
        "- มติสภา: หน่วยงานรายงานผลแล้ว 37 จาก 38 ญัตติ\n- Traffy: เขตแก้ไขปัญหาเสร็จ 81.2%\n"
        "- สัญจรประจำเขต: ข้อสั่งการ 50 ข้อ เสร็จ 44 ข้อ\nอีกเรื่องนะคะ พี่ๆ ที่ยังไม่ได้ลงชื่อ OT เดือนนี้ ลงด้วยนะคะ"
    )
    parsed = fy2567.parse(said, date(2024, 6, 5))
    assert [(i.indicator, i.value.value if i.value else None) for i in parsed.items] == [
        ("1", 97.37),
        ("4", 81.2),
        ("5", 88.0),
    ]
    assert parsed.ask is not None  # several at once: confirmed together


def test_running_totals_month_by_month_put_the_latest_first(fy2567: MessageParser) -> None:
    said = "ส่งย้อนหลังให้ครบนะคะ สัญจรประจำเขต (สะสม) / ต.ค. 62.5% / พ.ย. 70% / ธ.ค. 78.9%"
    parsed = fy2567.parse(said, date(2024, 1, 10))
    got = parsed.as_json()
    assert (got["value"], got["period"]["month"]) == (78.9, 12)
    assert [i["period"]["month"] for i in got["items"]] == [12, 11, 10]  # each month still saved as its own


def test_a_range_of_codes_still_to_come_reports_none_of_them(fy2567: MessageParser) -> None:
    said = (
        "@ทุกคน สรุปไตรมาส 1/67 ของกลุ่มงานเลขาฯ นะคะ\nตช.5 สัญจรเขต 88.5%\nตช.6 สัญจรชุมชน 91%\n(ตช.1-4 รอยืนยันตัวเลขจากเขตค่ะ)"
    )
    assert [i.indicator for i in fy2567.parse(said, date(2023, 12, 20)).items] == ["5", "6"]


def test_a_month_named_beats_one_only_pointed_at(fy2567: MessageParser) -> None:
    said = (
        "สรุปจากที่ประชุมกลุ่มงานนะคะ\n- มติสภา: หน่วยงานรายงานผลแล้ว 37 จาก 38 ญัตติ\n- Traffy: เขตแก้ไขปัญหาเสร็จ 81.2%\n"
        "ทุกตัวเป็นข้อมูลสะสมถึงสิ้นเดือน พ.ค. ค่ะ\nอีกเรื่องนะคะ ใครยังไม่ได้ลงชื่อ OT เดือนนี้ ลงด้วยนะคะ"
    )
    assert fy2567.parse(said, date(2024, 6, 5)).as_json()["period"]["month"] == 5


def test_a_bare_name_two_steps_print_is_the_step_it_leads(fy2565: MessageParser) -> None:
    """K1's step 1 is the action plan ("จัดทำแผนปฏิบัติการ (Action Plan) เพื่อ…"); step 3 is a meeting held
    to explain it ("ประชุมคณะทำงานฯ เพื่อชี้แจง… แผนปฏิบัติการ (Action Plan)"). A ticked "Action Plan"
    is the first, not a choice between the two."""
    said = "ตช.1 สถานะ ณ 20 มิ.ย.65\n✅ Action Plan\n✅ แต่งตั้ง คทง.\n✅ ประชุม คทง."
    claims = fy2565.item_matcher.claims("K1", said)
    assert {"step-1", "step-2", "step-3"} <= {*claims.done, *claims.proposed}
    assert fy2565.item_matcher.by_words("K1", "Action Plan") == (["step-1"], [])


def test_a_numbered_line_in_the_indicator_s_name_words_is_still_its_step(fy2565: MessageParser) -> None:
    """ "4. ประชุม คทง. ✔" on K3, the committee meetings system: "ประชุม" is a word of its name, yet the
    line is step 4 (the team's meeting), so the list is the step table."""
    said = (
        "K3 (ไตรมาส 3)\n1. Action plan ✔\n2. แต่งตั้ง คทง. ✔\n3. ทอดแบบสอบถาม ✔\n4. ประชุม คทง. ✔\n"
        "5. วิเคราะห์+ออกแบบ ✔\n6. ประสาน สยป. ✔\n7. ทดสอบระบบ ✔\n8. หนังสือเวียนแจ้งผู้ใช้ ✘"
    )
    claims = fy2565.item_matcher.claims("K3", said)
    assert {"step-2", "step-4"} <= {*claims.done, *claims.proposed}
    assert "step-8" in {*claims.undone, *claims.proposed_undone}


def test_marks_glued_to_their_items_open_a_clause_each(fy2565: MessageParser, fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("4", "ตช.4 ✅รายงานรวม ✅รายงานรายเขต 50เขต เสนอผู้บริหารครบค่ะ")
    assert set(claims.proposed) == {"central-report", "district-report"}
    one_platform = "OnePlatform ข้อ3 เสร็จแล้ว(ชุดข้อมูล/พจนานุกรม/cleansing) ข้อ4 กำลังนำเข้าค่ะ"
    claims = fy2565.item_matcher.claims("5.2", one_platform)
    assert claims.done == ("3",) and "4" not in {*claims.proposed, *claims.undone}


def test_ticked_ballot_boxes_are_ticks(fy2565: MessageParser) -> None:
    said = (
        "ตช.3 ประชุม กก.สามัญ ฝากหัวหน้าส่งต่อค่ะ\n☑️ แผนปฏิบัติการ หน.เห็นชอบ\n☑️ แต่งตั้งคณะทำงาน\n"
        "☑️ ทอดแบบสอบถามผู้ใช้ระบบเดิม\n☑️ สรุปผลแบบสอบถาม\n⏳ ประชุมคณะทำงานแจ้งผลแบบสอบถาม 20 ม.ค."
    )
    item = fy2565.parse(said, date(2022, 1, 10)).first
    assert item is not None and item.indicator == "K3"
    assert set(item.claims.proposed) == {"step-1", "step-2", "step-3", "step-3 (ซ้ำ)"}
