"""Which figure is the result and which month is the period, when a message holds several: phone
numbers, attendance, the month something was done in, a pasted sheet. Read through the real parser on
the real plans."""

from __future__ import annotations

from datetime import date

from handlers.parse.parser import MessageParser


def _one(parser: MessageParser, text: str, today: date) -> tuple[str | None, float | None, tuple[int, int, int | None]]:
    result = parser.parse(text, today)
    assert result.intent == "report" and result.first is not None, result
    item = result.first
    period = item.period or result.period
    assert period is not None
    return item.indicator, item.value.value if item.value else None, (period.fiscal_year, period.quarter, period.month)


def test_a_phone_number_with_spaces_and_its_extension_is_not_a_ratio(fy2567: MessageParser) -> None:
    said = (
        "ขอส่งผล ตช.4 Traffy Fondue ประจำเดือน ธ.ค. 66 นะคะ\n"
        "ทั้งเดือนเขตรับเรื่องเข้ามา 1,284 เรื่อง แก้ไขเสร็จสิ้นแล้ว 1,027 เรื่อง\n"
        "ผู้ประสานงาน แพรวา โทร 0 2521 0560 ต่อ 6512"
    )
    assert _one(fy2567, said, date(2024, 1, 15)) == ("4", 79.98, (2567, 1, 12))


def test_received_and_closed_in_english_make_the_share(fy2567: MessageParser) -> None:
    assert _one(fy2567, "Traffy 50 เขต มีค 67 : rec'd 18,452 / closed 14,020", date(2024, 3, 20))[1] == 75.98


def test_those_who_took_the_test_however_far_from_their_number_are_the_whole(fy2562: MessageParser) -> None:
    said = (
        "อบรมป้องกันอัคคีภัยและอพยพหนีไฟ อาคารศาลาว่าการ กทม. จัดไปเมื่อ 21-22 มี.ค. 62 ค่ะ\n"
        "ผู้เข้าอบรม 180 คน ทำแบบทดสอบครบทั้ง pre-test และ post-test 172 คน\n"
        "คะแนน post-test สูงกว่า pre-test 151 คน"
    )
    assert _one(fy2562, said, date(2019, 3, 28))[1] == 87.79


def test_progress_said_with_words_between_beats_a_count_of_people(fy2563_council: MessageParser) -> None:
    said = "โครงการสัมมนาของสมาชิกสภาฯ เลื่อนออกไป ผู้เข้าร่วมเดิม 61 ท่าน\nสรุปความคืบหน้าตัวชี้วัดยุทธศาสตร์ 3 ไตรมาสนี้ประมาณ 30% ครับ"
    assert _one(fy2563_council, said, date(2020, 4, 20))[1] == 30


def test_a_mean_level_on_a_five_point_scale_is_the_level(fy2562: MessageParser) -> None:
    assert _one(fy2562, "ความพึงพอใจของผู้รับบริการ ผตร. แจ้งผลมาแล้ว ได้ระดับ 4.21 ครับ", date(2019, 8, 20))[1] == 4.21


def test_the_month_reported_beats_the_month_something_was_done_in(
    fy2565: MessageParser, fy2567: MessageParser, fy2563_social: MessageParser
) -> None:
    went_live = "K2 ระบบที่ขึ้นไปเมื่อ เม.ย. ใช้งานจริงแล้วครับ เดือน พ.ค. ใช้เวลาเฉลี่ย 41.5 นาที"
    assert _one(fy2565, went_live, date(2022, 6, 17))[2] == (2565, 3, 5)
    late = "ต.ค. 66 เพิ่งขึ้นปีงบ 67 นะครับ ขอส่งผล ตช.4 ของเดือน ก.ย. 66 ก่อน ปิดที่ 72.35%"
    assert _one(fy2567, late, date(2023, 10, 11))[2] == (2566, 4, 9)
    as_of = (
        "ตช.เจรจา 4 แผนพัฒนาชุมชน ชุมชนในเขตทั้งหมด 42 ชุมชน จัดทำแผนแล้ว 39 ชุมชน\n"
        "ช่วงเดือน พ.ค. จัดประชาคมไปแล้ว 3 ครั้ง\nข้อมูล ณ 15 มิ.ย. 63 ค่ะ"
    )
    assert _one(fy2563_social, as_of, date(2020, 6, 18))[2] == (2563, 3, 6)


def test_a_figure_brought_down_to_in_a_month_keeps_the_month(fy2565: MessageParser) -> None:
    assert _one(fy2565, "K2 ใช้งานระบบใหม่แล้ว เวลาเฉลี่ยลดเหลือ 42 นาที เดือน ส.ค.", date(2022, 8, 19))[2] == (2565, 4, 8)


def test_a_contract_s_installment_of_work_is_not_a_quarter(fy2562: MessageParser) -> None:
    said = "ก.2 ลงนามสัญญากับผู้รับจ้างแล้วเมื่อ 8 พ.ค. 62 ตอนนี้สำเร็จ 4 จาก 6 ขั้นตอนครับ รอส่งมอบงานงวดที่ 1"
    assert _one(fy2562, said, date(2019, 5, 20))[2][:2] == (2562, 3)


def test_a_pasted_sheet_of_results_is_a_report_not_a_question(fy2567: MessageParser) -> None:
    said = (
        "สรุปผลตัวชี้วัด สพว.กทม. ไตรมาส 2/2567\nตัวชี้วัด\tผลงาน\tฐาน\tร้อยละ\n"
        "ตช.1 มติสภา\t38\t41\t92.68\nตช.5 สัญจรประจำเขต\t146\t160\t91.25\nตช.6 สัญจรชุมชน\t203\t237\t85.65"
    )
    result = fy2567.parse(said, date(2024, 3, 20))
    assert result.intent == "report"
    assert [(i.indicator, i.value.value if i.value else None) for i in result.items] == [
        ("1", 92.68),
        ("5", 91.25),
        ("6", 85.65),
    ]


def test_an_alias_inside_a_longer_alias_is_one_mention(fy2567: MessageParser) -> None:
    """ "เรื่องร้องเรียน" holds "ร้องเรียน": said once in a problem line, it does not outweigh KPI 5 named
    in the heading; the two are asked about, never saved as KPI 4."""
    said = "สัญจรประจำเขต ต.ค.-ธ.ค. 66 ดำเนินการแล้วเสร็จ 88.6%\nปัญหาที่พบ: ข้อสั่งการเรื่องร้องเรียนน้ำท่วมขังยังแก้ไขไม่ได้"
    result = fy2567.parse(said, date(2023, 12, 20))
    assert result.first is not None and result.first.indicator != "4"
    assert result.ask is not None


def test_points_totalled_now_are_the_claim(fy2565: MessageParser) -> None:
    said = (
        "Innovation Base รอบ 6 เดือนค่ะ ส่วนที่ 1 ค้นหาและคัดเลือกแนวคิดครบ 20 คะแนน ส่วนที่ 2 "
        "ผ่านคณะกรรมการกลั่นกรองแล้ว 30 คะแนน รวมตอนนี้ได้ 50 คะแนน"
    )
    claims = fy2565.item_matcher.claims("4", said)
    assert claims.claim == "points" and claims.claimed == 50


def test_a_number_put_right_mid_message_is_a_correction_of_the_report_filed(
    fy2565: MessageParser, fy2562: MessageParser, fy2567: MessageParser
) -> None:
    """A correction's period is the report's it corrects, so none is read; "ไม่ใช่ 3 ครั้ง" is the wrong
    number, not an item said not done."""
    for parser, said, today, value in (
        (fy2565, "แก้ไข One Platform เป็น ５５％ นะคะ เมื่อกี้พิมพ์ 65", date(2022, 5, 20), 55),
        (fy2567, '↩️ ตอบกลับ "KPI 4 Traffy 71.2% ค่ะ"\nขอโทษค่ะ พิมพ์สลับ ที่ถูกต้องคือ 72.1% นะคะ', date(2024, 5, 20), 72.1),
        (fy2562, "แก้ไขครับ ก.1 ที่รายงานเดือนที่แล้วต้องเป็น 4 ครั้ง ไม่ใช่ 3 ครั้ง", date(2019, 4, 19), 4),
    ):
        result = parser.parse(said, today)
        assert result.intent == "correction" and result.period is None, said
        assert result.first is not None and result.first.value is not None and result.first.value.value == value
        assert result.first.claims.empty, said


def test_periods_said_in_words(fy2563_council: MessageParser, fy2562: MessageParser, fy2565: MessageParser) -> None:
    late = "ขอส่งย้อนหลังนะคะ ของไตรมาสแรกปีงบ 63 ความพึงพอใจต่อการปฏิบัติงานของสำนักงานเลขาฯ สภา ได้ 82.4%"
    assert _one(fy2563_council, late, date(2020, 4, 3))[2] == (2563, 1, None)
    as_of = "เบิกจ่ายงบประมาณในภาพรวม ได้ 50% แล้วค่ะ ณ สิ้นเม.ย."
    assert _one(fy2562, as_of, date(2019, 5, 3))[2] == (2562, 3, 4)
    span = "ยอดเบิกจ่ายสะสมตั้งแต่ ต.ค. 64 ถึงสิ้น มิ.ย. 65 = 73.25 %"
    assert _one(fy2565, span, date(2022, 7, 5))[2] == (2565, 3, None)
    nth = "5.2 One Platform ได้ 60% ค่ะ (ข้อมูลเดือนที่ 6 ของปีงบประมาณ)"
    assert _one(fy2565, nth, date(2022, 3, 21))[2] == (2565, 2, 3)


def test_a_correction_under_a_quoted_report_corrects_the_indicator_quoted(fy2567: MessageParser) -> None:
    result = fy2567.parse("> KPI 5 ไตรมาส 1 = 83%\nพิมพ์ผิดครับ ต้องเป็น 88 เปอร์เซ็นต์", date(2024, 1, 19))
    assert result.intent == "correction" and result.first is not None
    assert result.first.indicator == "5" and result.first.value is not None and result.first.value.value == 88


def test_a_project_named_names_the_indicator_it_serves(fy2563_council: MessageParser) -> None:
    said = "โครงการลดการใช้ไฟฟ้าในศาลาว่าการฯ (เสาชิงช้า) progress 60 percent ครับ Q3"
    indicator, value, _ = _one(fy2563_council, said, date(2020, 6, 19))
    assert (indicator, value) == ("3.2", 60)
    assert fy2563_council.parse(said, date(2020, 6, 19)).ask is not None  # found by its project: confirmed first


def test_a_meeting_notice_with_its_room_is_chat(fy2563_social: MessageParser) -> None:
    said = "สวัสดีวันจันทร์ค่ะทุกท่าน 🌼 วันนี้ประชุม คกก.ติดตามประเมินผล 13.30 น. ห้องประชุม 2 นะคะ"
    assert fy2563_social.parse(said, date(2020, 2, 17)).intent == "chat"


def test_the_wrong_figure_and_the_right_one_are_one_indicator_s(fy2565: MessageParser) -> None:
    said = 'Fw: จากคุณสมศรี กลุ่มงานญัตติฯ\n"ตัวเลขติดตามญัตติที่ส่งไปเมื่อ 20 พ.ค. เฉลี่ย 25 นาที ผิดค่ะ คำนวณใหม่ได้ 28.6 นาที"'
    result = fy2565.parse(said, date(2022, 5, 23))
    assert result.intent == "correction" and len(result.items) == 1
    assert result.first is not None and result.first.indicator == "K2"
    assert result.first.value is not None and result.first.value.value == 28.6


def test_lines_of_a_name_and_its_result_pasted_with_tabs_are_each_a_part(fy2562: MessageParser) -> None:
    """No header row: the first line is a name and its figure like the rest, never taken for a header."""
    said = "ฝ่ายการคลัง รายงานรอบ 9 เดือน (ต.ค.61-มิ.ย.62)\nก่อหนี้ผูกพัน\t87.30%\nเบิกจ่ายงบประมาณ\t64.15%\nกันเงินเหลื่อมปี\t-"
    result = fy2562.parse(said, date(2019, 7, 2))
    assert [(i.indicator, i.value.value if i.value else None) for i in result.items] == [
        ("2.1.1", 87.3),
        ("2.1.2", 64.15),
    ]
    assert result.ask is not None  # several parts: confirmed before saving


def test_a_round_spelled_out_and_the_indicator_said_not_to_be_meant(
    fy2563_council: MessageParser, fy2562: MessageParser
) -> None:
    spelled = fy2563_council.parse("ตช.2.1 เบิกจ่าบ รอบหกเดือน ได้สี่สิบเอ็ดเปอร์เซ็นต์ครับ", date(2020, 4, 20))
    assert spelled.period is not None and (spelled.period.fiscal_year, spelled.period.quarter) == (2563, 2)
    moved = fy2562.parse("Sorry ครับ ส่งผิดตัว 62.4% เมื่อกี้เป็นของเบิกจ่าย ไม่ใช่ก่อหนี้ผูกพันครับ", date(2019, 7, 2))
    assert moved.first is not None and moved.first.indicator == "2.1.2"


def test_asking_which_units_are_still_missing_names_no_indicator(fy2563_council: MessageParser) -> None:
    result = fy2563_council.parse("@Tidtam วันนี้ครบกำหนดส่งไตรมาส 2 แล้ว ยังขาดส่วนราชการไหนบ้างคะ", date(2020, 3, 20))
    assert result.intent == "query" and result.items == []  # the whole unit is asked about


def test_percent_misspelt_is_still_percent(fy2562: MessageParser) -> None:
    for said in ("บริหารความเสี่ยงและการควบคุมภายใน ส่งรายงานให้ สตน. แล้ว 100 เปอร์เซน", "2.3 ดำเนินการได้ 80 เปอร์เซ้น"):
        code, value, _ = _one(fy2562, said, date(2019, 9, 13))
        assert (code, value) == ("2.3", 100.0 if "100" in said else 80.0), said


def test_evidence_sent_by_email_is_not_a_report(fy2565: MessageParser) -> None:
    said = "ส่งไฟล์หลักฐานทางอีเมลแล้วนะครับ รายงานการประชุม + คลิปวีดีโอ 2 ไฟล์ 👍"
    assert fy2565.parse(said, date(2022, 6, 20)).intent == "chat"


def test_a_line_naming_another_indicator_ends_a_list_of_codes_without_bullets(fy2565: MessageParser) -> None:
    said = "สรุปไตรมาส 4 ปีงบ 65\nK1 ระดับ 5\nK2 เฉลี่ย 16.4 นาที\nK3 เฉลี่ย 43 นาที\nนวัตกรรม 100 คะแนน"
    result = fy2565.parse(said, date(2022, 9, 15))
    found = {i.indicator: i.value.value if i.value else i.claims.claimed for i in result.items}
    assert found == {"K1": 5.0, "K2": 16.4, "K3": 43.0, "4": 100.0}  # a level and points are claims of items


def test_the_part_done_closing_the_sentence_without_its_noun_is_out_of_the_total(fy2567: MessageParser) -> None:
    said = "ติดตามมติสภา ธ.ค.66 ญัตติที่ต้องรายงาน 20 เรื่อง หน่วยงานรายงานผลแล้ว 19 ค่ะ"
    assert _one(fy2567, said, date(2023, 12, 18))[:2] == ("1", 95.0)
    level = "ตช.๒ ๑๒ โครงการสำคัญ ดำเนินการได้ตามแผนครบแล้ว ๑๐ โครงการ คาดว่าได้ระดับ ๔ ค่ะ"
    assert _one(fy2567, level, date(2024, 6, 30))[:2] == ("2", 10.0)  # a level closing it is not a part


def test_figures_sent_swapped_are_a_correction(fy2567: MessageParser) -> None:
    result = fy2567.parse(
        "ตัวเลขสัญจรประจำเขตที่ส่งเมื่อเช้าสลับกันค่ะ ที่ถูกคือเสร็จ 14 จาก 16 ข้อสั่งการ ไม่ใช่ 16 จาก 14", date(2024, 5, 10)
    )
    assert result.intent == "correction"


def test_a_project_budget_in_brackets_is_not_a_result(fy2562: MessageParser) -> None:
    said = (
        "เรียน หัวหน้าส่วนบริหารกลาง\n"
        "รายงานความก้าวหน้าโครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ของกรุงเทพมหานคร (งบประมาณ ๑๔,๗๐๐,๐๐๐ บาท) "
        "ไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๒\n"
        "ขั้นตอนที่ ๒ ดำเนินการจัดทำ (วิธีประกวดราคาอิเล็กทรอนิกส์) อยู่ระหว่างพิจารณาผล\n"
        "ความก้าวหน้าสะสม ร้อยละ ๓๕"
    )
    assert _one(fy2562, said, date(2019, 3, 18))[:2] == ("ก.2", 35.0)


def test_a_centre_is_not_nought_and_the_total_may_stand_a_line_away(fy2562: MessageParser) -> None:
    said = (
        "ข.3 พัฒนาศักยภาพนักจัดการงานทั่วไป\n"
        "กลุ่มเป้าหมายทั้งหมด 46 คน (ส่วนเลขานุการ ศูนย์เรื่องราวร้องทุกข์ กลุ่มงานสารบรรณกลางฯ)\n"
        "ได้รับการพัฒนาแล้ว 31 คน"
    )
    assert _one(fy2562, said, date(2019, 8, 5))[:2] == ("ข.3", 67.39)


def test_really_before_a_figure_puts_it_right(fy2565: MessageParser) -> None:
    result = fy2565.parse("ขอโทษค่ะ K2 เมื่อวานพิมพ์ 82 นาที จริงๆ 28 นาทีค่ะ", date(2022, 3, 2))
    assert result.first is not None and result.first.value is not None and result.first.value.value == 28.0


def test_an_indicator_s_own_name_said_whole_names_it_over_a_longer_name_holding_it(
    fy2563_social: MessageParser,
) -> None:
    said = "หลักสูตรที่เปิดสอนตรงตามความต้องการของตลาดงาน 18/20 หลักสูตร"
    assert _one(fy2563_social, said, date(2020, 3, 20))[:2] == ("เจรจา 3.1", 90.0)


def test_the_month_a_running_count_is_up_to_is_the_month_reported(fy2562: MessageParser) -> None:
    said = "ตรวจติดตามการนำเข้าข้อมูลศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์ 72 ศูนย์ ถึงเดือน มี.ค. ตรวจไปแล้ว 4 ครั้ง (ธ.ค. ม.ค. ก.พ. มี.ค.)"
    assert _one(fy2562, said, date(2019, 3, 20)) == ("ก.1", 4.0, (2562, 2, 3))


def test_a_month_s_total_time_said_as_รวมเวลา_over_its_meetings_is_their_mean(fy2565: MessageParser) -> None:
    said = "ภารกิจการประชุม กก.สามัญ ม.ค.65 ทั้งเดือนประชุม 11 ครั้ง รวมเวลา 9 ชม. 10 นาที"
    assert _one(fy2565, said, date(2022, 2, 21))[:2] == ("K3", 50.0)


def test_sorry_for_sending_late_is_a_report_with_its_month(fy2565: MessageParser) -> None:
    assert _one(fy2565, "ขอโทษค่ะส่งช้า เเจ้งผลเบิกจ่าย ก.ค. 65 ได้ 78.25% ค่ะ", date(2022, 8, 22)) == (
        "5.1",
        78.25,
        (2565, 4, 7),
    )


def test_those_who_answered_said_as_คนตอบ_and_a_part_done_before_a_mark(fy2567: MessageParser) -> None:
    survey = "ปฏิทินเรียนเชิญ มิ.ย. ค่ะ คนตอบ 40 พอใจมาก-มากที่สุด 35 (ระดับ 5 ตามเกณฑ์แล้ว)"
    assert _one(fy2567, survey, date(2024, 7, 22))[:2] == ("3", 87.5)
    marked = "สัญจรชุมชน เม.ย. 📍 สั่งการ 25 เรื่อง ✅ เสร็จ 23 ⏳ ค้าง 2"
    assert _one(fy2567, marked, date(2024, 5, 17))[:2] == ("6", 92.0)


def test_most_of_an_indicator_s_name_said_far_ahead_of_a_rival_names_it(
    fy2563_social: MessageParser, fy2562: MessageParser
) -> None:
    said = "หลักสูตรที่เปิดสอนตรงกับความต้องการตลาดแรงงาน ไตรมาสนี้ 14 จาก 16 หลักสูตร"
    assert _one(fy2563_social, said, date(2020, 6, 18))[:2] == ("เจรจา 3.1", 87.5)
    fire = "อบรมหนีไฟศาลาว่าการ 10 เม.ย. 62 ผู้ทำแบบทดสอบ 120 คน คะแนน post-test สูงกว่า pre-test 103 คน"
    assert _one(fy2562, fire, date(2019, 4, 19))[:2] == ("ข.1", 85.83)


def test_thanks_after_a_question_leave_it_a_question(fy2563_social: MessageParser) -> None:
    asked = fy2563_social.parse("@Tidtam ตัวชี้วัดเจรจา 5 ชุมชนต้นแบบ ต้องมีกี่เขตถึงจะผ่านคะ ขอบคุณค่ะ", date(2020, 7, 10))
    assert asked.intent == "query"


def test_evidence_sent_by_a_channel_naming_its_indicator_is_chat(fy2565: MessageParser) -> None:
    said = "@พี่ต้อม ส่งไฟล์หลักฐาน K1 ทางอีเมลแล้วนะครับ รบกวนเช็คด้วยครับ ขอบคุณครับ"
    assert fy2565.parse(said, date(2022, 2, 21)).intent == "chat"
