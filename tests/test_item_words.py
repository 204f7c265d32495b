"""Work told in the reporter's own words names the plan's item: the ways of saying it that share few
letters with the item's text. Read through the real matcher on the real plans."""

from __future__ import annotations

from datetime import date

from handlers.parse.parser import MessageParser


def test_a_summary_told_after_a_questionnaire_is_that_questionnaire_s(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K2", "ตช.2 ญัตติ: ทอดแบบสอบถามผู้รับบริการแล้ว ตอบกลับ 41 ราย สรุปผลเสร็จแล้วครับ")
    assert set(claims.proposed) == {"step-3", "step-4"}


def test_the_summary_of_the_system_s_use_is_still_its_own_step(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K2", "K2 จัดทำสรุปผลการใช้งานระบบเสร็จแล้วครับ เสนอหัวหน้ากลุ่มงานแล้ว")
    assert "step-10" in claims.proposed and "step-4" not in claims.proposed


def test_a_system_opened_or_gone_live_is_in_use_but_the_letter_announcing_it_is_not(
    fy2565: MessageParser,
) -> None:
    for said in ("K2 เปิดใช้ระบบติดตามญัตติจริงตั้งแต่ 1 มิ.ย. 65 แล้วครับ", "K2 go-live ระบบติดตามญัตติแล้ว 1 เม.ย."):
        assert fy2565.item_matcher.claims("K2", said).proposed == ("use-system",), said
    letter = fy2565.item_matcher.claims("K2", "K2 ทำหนังสือแจ้งผู้รับบริการเรื่องเปิดใช้ระบบแล้วครับ")
    assert letter.proposed == ("step-8",)


def test_a_step_s_cadence_is_not_one_round_of_it(fy2567: MessageParser) -> None:
    """Step 3.5 is done every three months: "รอบ 3 เดือน" and "ไตรมาส 1" name its round, done; "รอบ 3
    เดือนแรก" reads as the first of several (writers differ on it; most read it so)."""
    cadence = fy2567.item_matcher.claims("3", "สรุปผลความพึงพอใจรอบ 3 เดือน (พ.ย.–ม.ค.) เสร็จแล้วครับ ผู้ตอบ 97 หน่วยงาน")
    assert cadence.proposed == ("step-3.5",)
    quarter = fy2567.item_matcher.claims("3", "สรุปผลความพึงพอใจปฏิทินเรียนเชิญไตรมาส 1 เรียบร้อยค่ะ")
    assert quarter.proposed == ("step-3.5",)  # its round is a quarter: the quarter's summary is the step
    months = fy2567.item_matcher.claims("3", "สรุปผลความพึงพอใจผู้ใช้ปฏิทินเรียนเชิญ รอบ ม.ค.–มี.ค. 67 เสร็จแล้วค่ะ")
    assert months.proposed == ("step-3.5",)
    first = fy2567.item_matcher.claims("3", "KPI 3 สรุปผลความพึงพอใจรอบ 3 เดือนแรกแล้วค่ะ ได้ 78%")
    assert first.proposed == () and first.done == ()
    glued = fy2567.item_matcher.claims("3", "ปฏิทินผู้ว่าฯ สรุปพึงพอใจรอบ3เดือนแรกแล้ว ได้85%ค่ะ")
    assert glued.proposed == () and glued.done == ()  # typed without spaces, still the first round


def test_one_item_that_nearly_fits_far_ahead_of_the_rest_is_proposed_alone(fy2567: MessageParser) -> None:
    said = "ตช.3 ทำหนังสือเวียนแจ้งทุกหน่วยงานในสังกัด กทม. ให้รู้จักระบบปฏิทินฯ แล้ว ที่ กท 0100/2796 ลว. 14 พ.ย. 66"
    claims = fy2567.item_matcher.claims("3", said)
    assert claims.proposed == ("step-2",) and claims.done == ()


def test_the_governor_s_visits_told_as_done_are_the_first_two_steps(fy2567: MessageParser) -> None:
    """KPI 6's steps say "ลงพื้นที่" and "ข้อสั่งการ", which are also its name's words; said the way staff
    say them they still name the steps."""
    for said in (
        "สัญจรชุมชน ลงพื้นที่ชุมชนครบ 50 เขตแล้วค่ะ แจ้งข้อสั่งการไปหน่วยงานครบแล้ว",
        "ตช.6\n- ผู้ว่าฯ ลงชุมชนครบทั้ง 50 เขตแล้ว\n- ข้อสั่งการทั้งหมดแจ้งหน่วยงานรับผิดชอบไปครบแล้ว",
    ):
        assert set(fy2567.item_matcher.claims("6", said).proposed) == {"step-1", "step-2"}, said


def test_what_others_are_asked_to_prepare_does_not_hold_our_step_back(fy2567: MessageParser) -> None:
    said = (
        "ตช.2 12 โครงการสำคัญ: วิเคราะห์ผลการดำเนินโครงการปีงบ 66 เสร็จแล้ว และคัดเลือกโครงการตามนโยบายสำคัญ"
        "ได้ครบ 12 โครงการ ส่งรายชื่อให้หน่วยงานที่เกี่ยวข้องเตรียมรายงานแล้วครับ"
    )
    assert set(fy2567.item_matcher.claims("2", said).proposed) == {"step-1", "step-2"}


def test_a_time_cut_down_to_a_new_figure_is_a_result_not_what_is_left(fy2565: MessageParser) -> None:
    said = (
        'สรุปนวัตกรรม "ระบบจองห้องประชุมออนไลน์" ค่ะ\n- ผลผลิต: ระบบใช้งานได้ 1 ชิ้น ✅\n'
        "- ผลลัพธ์: ลดเวลาจองห้องจาก 2 วัน เหลือ 10 นาที ✅"
    )
    assert set(fy2565.item_matcher.claims("4", said).proposed) == {"s3-1.1", "s3-1.2"}


def test_a_second_item_must_be_said_in_good_part(fy2565: MessageParser) -> None:
    """Milestone 5 "แจ้งผล…ให้สำนักงานเขตทราบ" said with its letter: step 5's "จัดทำหนังสือเรียนเชิญ…ผู้แทน
    สำนักงานเขต" shares only "หนังสือ" and "เขต" with what is left, so it is not proposed beside it."""
    said = "ตช.1 งานสุดท้ายเรียบร้อยครับ แจ้งผลการดำเนินการตามความต้องการของประชาชนให้ 50 เขตทราบแล้ว (หนังสือเวียน ว 233)"
    assert fy2565.item_matcher.claims("K1", said).proposed == ("5",)


def test_the_system_s_users_are_not_the_system_in_use(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K3", "K3 ทอดแบบสอบถามผู้ใช้งานระบบฯ ครบแล้วค่ะ")
    assert claims.proposed == ("step-3",)


def test_an_accepted_delivery_is_the_delivery_step_not_the_contract(fy2562: MessageParser) -> None:
    claims = fy2562.item_matcher.claims("ก.2", "ส่งมอบงานงวดที่ ๑ แล้วค่ะ คกก.ตรวจรับลงนามเมื่อ 15 ส.ค. 62")
    assert claims.proposed == ("step-6",)


def test_uat_is_testing_the_system(fy2565: MessageParser) -> None:
    assert fy2565.item_matcher.claims("K3", "K3 update ครับ: UAT ระบบประชุมเสร็จแล้ว ✔️").proposed == ("step-7",)


def test_lines_under_a_part_s_heading_are_that_part_s_items(fy2565: MessageParser) -> None:
    said = (
        "Innovation Base ค่ะ\nส่วนที่1 ✅✅\nส่วนที่2 ✅ (ผ่านกลั่นกรอง 3 แนวคิด)\nส่วนที่3\n 1.1 ผลผลิต ✅ ระบบจองห้องประชุมออนไลน์\n"
        " 1.2 ผลลัพธ์ ❌ ยังไม่ได้วัด\n 2.1 ✅ ใช้จริงตั้งแต่ มิ.ย.\n 2.2 ❌"
    )
    claims = fy2565.item_matcher.claims("4", said)
    assert set(claims.done) == {"s1-1", "s1-2", "s2", "s3-1.1", "s3-2.1"}
    assert set(claims.undone) == {"s3-1.2", "s3-2.2"}


def test_a_total_of_points_said_as_รวมเป็น_is_the_claim(fy2565: MessageParser) -> None:
    said = "Innovation Base ตอนนี้ได้ส่วนที่ 1 ครบ 20 คะแนน + ส่วนที่ 2 อีก 30 รวมเป็น 50 คะแนนค่ะ"
    claims = fy2565.item_matcher.claims("4", said)
    assert (claims.claim, claims.claimed) == ("points", 50)


def test_lines_of_a_dated_account_tell_what_was_done(fy2567: MessageParser) -> None:
    said = (
        "ตช.5 ผู้ว่าฯสัญจรประจำเขต สรุป ม.ค. 67 ค่ะ\n• 9 ม.ค. เข้าร่วมประชุมผู้ว่าฯ สัญจรเขตบางแค สรุปข้อสั่งการได้ 14 ข้อ\n"
        "• 12 ม.ค. ทำหนังสือแจ้งหน่วยงานที่เกี่ยวข้อง 6 หน่วยแล้ว\n• ปลายเดือนจะติดตามผลรอบแรก\n• ก.พ. เริ่มทำ dashboard"
    )
    assert set(fy2567.item_matcher.claims("5", said).proposed) == {"step-1", "step-2"}


def test_put_to_real_use_is_an_innovation_used_in_the_year_or_a_system_in_use(fy2565: MessageParser) -> None:
    innovation = fy2565.item_matcher.claims("4", "นำนวัตกรรมไปใช้จริงแล้วตั้งแต่ มิ.ย. ค่ะ ใช้จองห้องประชุมไป 57 ครั้ง")
    assert innovation.proposed == ("s3-2.1",)
    inside = fy2565.item_matcher.claims("4", "✘ นำไปใช้ในหน่วยงาน ยังไม่ได้ใช้จริง")
    assert "s3-2.1" in inside.proposed_undone and "s3-2.2" not in inside.proposed_undone
    system = fy2565.item_matcher.claims("K2", "K2 นำระบบติดตามญัตติไปใช้งานจริงแล้วตั้งแต่ 1 มิ.ย.")
    assert system.proposed == ("use-system",)


def test_the_points_said_to_be_right_are_the_claim(fy2565: MessageParser) -> None:
    said = "ที่รายงานไป 80 คะแนนผิด ผลลัพธ์ของนวัตกรรม (ข้อ 1.2 ส่วนที่ 3) ยังวัดไม่เสร็จ ที่ถูกคือ 70 คะแนนค่ะ"
    claims = fy2565.item_matcher.claims("4", said)
    assert (claims.claim, claims.claimed) == ("points", 70)


def test_the_rest_still_to_come_holds_the_item_back(fy2567: MessageParser) -> None:
    said = "ตช.4 รายงานรายเขตตอนนี้เขตส่งมาแล้ว 44/50 เขตค่ะ ที่เหลือจะตามให้ครบภายในศุกร์นี้"
    claims = fy2567.item_matcher.claims("4", said)
    assert "district-report" not in (*claims.done, *claims.proposed)


def test_every_round_counted_names_the_step_planned_in_that_many_months(fy2562: MessageParser) -> None:
    """ก.1's monthly checks run Dec–May (6 months); its reports to the units run twice: "ครบ 6 รอบ" is the checks."""
    said = "ก.1 ตรวจติดตามครบ 6 รอบแล้วค่ะ (ธ.ค. 61 – พ.ค. 62) และแจ้งผลการตรวจรอบที่ 2 ให้ทุกหน่วยงานทราบแล้ว"
    assert set(fy2562.item_matcher.claims("ก.1", said).proposed) == {"step-3", "step-4"}


def test_a_part_said_done_with_the_forms_of_its_items(fy2565: MessageParser) -> None:
    said = "Innovation Base ส่วนที่ 1 เสร็จครบแล้วค่า แบบฟอร์ม 1 เสนอแนวคิด กับแบบฟอร์ม 2 สรุปการคัดเลือก 3 แนวคิด ส่งกลุ่มงานแผนแล้ว"
    claims = fy2565.item_matcher.claims("4", said)
    assert {"s1-1", "s1-2"} <= {*claims.done, *claims.proposed}


def test_in_use_since_a_date_is_in_use(fy2565: MessageParser) -> None:
    said = "นวัตกรรม QR จองห้องประชุมของเรา ผลิตเสร็จ 1 ชิ้นแล้วค่ะ เริ่มใช้จริงในสำนักงานตั้งแต่ มิ.ย. 65"
    assert set(fy2565.item_matcher.claims("4", said).proposed) == {"s3-1.1", "s3-2.1"}
    parsed = fy2565.parse("เปิดใช้ระบบติดตามญัตติจริงตั้งแต่ 1 มิ.ย. 65 ครับ ส่งได้เฉลี่ย 37 นาที/เรื่อง", date(2022, 7, 5))
    assert parsed.first is not None and "use-system" in parsed.first.claims.proposed


def test_the_units_responsible_told_of_the_directives_are_step_two(fy2567: MessageParser) -> None:
    said = "สัญจรชุมชน: ผู้ว่าฯ ลงพื้นที่ชุมชนครบทั้ง 50 เขตแล้วครับ สั่งการทั้งหมด 210 ข้อ แจ้งหน่วยงานที่รับผิดชอบครบทุกข้อแล้ว"
    assert set(fy2567.item_matcher.claims("6", said).proposed) == {"step-1", "step-2"}
    letter = "สัญจรชุมชนค่ะ ผู้ว่าฯ ลงชุมชนครบ 50 เขตแล้ว ได้ข้อสั่งการรวม 212 เรื่อง และทำหนังสือแจ้งหน่วยงานรับผิดชอบครบทุกเรื่องแล้วค่ะ"
    assert set(fy2567.item_matcher.claims("6", letter).proposed) == {"step-1", "step-2"}


def test_real_use_said_beside_the_letter_names_both(fy2565: MessageParser) -> None:
    """The letter's step holds most of the words ("หนังสือแจ้ง…เปิดใช้ระบบ"), so the short in-use item
    is named by the use said; use only to come ("จะเริ่มใช้จริง") names the letter alone."""
    both = fy2565.item_matcher.claims(
        "K2",
        "ระบบติดตามญัตติออนไลน์เปิดใช้งานจริงแล้วครับตั้งแต่ 1 มี.ค. 65 ออกหนังสือแจ้ง ส.ก. ทุกท่านเรื่องการเปิดใช้ระบบแล้ว ที่ กท 0100/412",
    )
    assert set(both.proposed) == {"step-8", "use-system"} and both.done == ()
    plain = fy2565.item_matcher.claims(
        "K3", "แจ้งค่ะ ส่งหนังสือเวียนแจ้งฝ่ายเลขาฯ ให้เข้าใช้ระบบแล้ว และใช้ระบบจริงกับการประชุมทุกคณะตั้งแต่ 1 เม.ย."
    )
    assert set(plain.proposed) == {"step-8", "use-system"}
    to_come = fy2565.item_matcher.claims("K3", "ออกหนังสือเวียนแจ้งผู้ใช้งานเข้าใช้ระบบแล้วครับ จะเริ่มใช้จริงกับการประชุมสัปดาห์หน้า")
    assert to_come.proposed == ("step-8",)


def test_an_average_brought_down_is_not_what_is_left(fy2565: MessageParser) -> None:
    said = "K3 ทดสอบระบบผ่านแล้ว และเริ่มใช้งานจริงกับทั้ง 12 คณะตั้งแต่ 9 พ.ค. เวลาเฉลี่ยเหลือ 48 นาที/ครั้ง"
    assert set(fy2565.item_matcher.claims("K3", said).proposed) == {"step-7", "use-system"}


def test_all_steps_counted_are_the_table_s_steps_only_when_the_count_is_its_own(fy2562: MessageParser) -> None:
    said = "ข.2 ครับ\nดำเนินการตามแผนสำรวจครบแล้ว ✅\nติดตามประเมินผลแล้ว ✅\nรวมครบ 4 ขั้นตอน 100% ครับ"
    assert set(fy2562.item_matcher.claims("ข.2", said).proposed) == {"step-1", "step-2", "step-3", "step-4"}
    short = fy2562.item_matcher.claims("ข.2", "ข.2 ติดตามประเมินผลแล้ว รวมครบ 3 ขั้นตอนครับ")
    assert "step-1" not in short.proposed


def test_work_handed_to_the_head_or_begun_or_part_way_is_not_done(fy2565: MessageParser, fy2562: MessageParser) -> None:
    handed = fy2565.item_matcher.claims(
        "K2", "ทำแบบสอบถามความต้องการผู้รับบริการส่งไปแล้ว สรุปผลแบบสอบถามเสร็จแล้วค่ะ ส่งพี่หัวหน้าดูแล้ว"
    )
    assert set(handed.proposed) == {"step-3", "step-4"}
    begun = fy2565.item_matcher.claims(
        "5.2", "ทำ data dictionary + data cleansing ครบ 10 ชุดข้อมูลแล้ว ส่วนการนำเข้าข้อมูลเริ่มแล้วตั้งแต่ เม.ย. นำเข้าได้ 6 ชุด"
    )
    assert begun.proposed == ("3",)
    part = fy2562.item_matcher.claims("ข.2", "สิ่งอำนวยความสะดวกคนพิการ ติดตั้งราวจับห้องน้ำไปแล้วประมาณ 60% ค่ะ ช่างยังทำอยู่")
    assert part.proposed == () and part.done == ()


def test_an_innovation_brought_into_use_is_put_to_use(fy2565: MessageParser) -> None:
    said = "นวัตกรรม ทำตัวผลผลิตเสร็จแล้ว 1 ชิ้นค่ะ แล้วก็เอามาใช้จริงในสำนักงานตั้งแต่ มิ.ย. แล้วด้วยค่ะ"
    assert set(fy2565.item_matcher.claims("4", said).proposed) == {"s3-1.1", "s3-2.1"}


def test_a_level_said_not_reached_is_its_own_milestone_not_done(fy2565: MessageParser) -> None:
    table = fy2565.item_matcher.claims(
        "K1", "สรุปสถานะ ตช.1\nระดับ 1 ✅ กก.กิจการสภาเห็นชอบประเด็นแล้ว\nระดับ 4 ❌\nระดับ 5 ❌\nสรุปตอนนี้อยู่ระดับ 1 ค่ะ"
    )
    assert set(table.proposed_undone) == {"4", "5"} and "1" in table.proposed
    taken_back = fy2565.item_matcher.claims("K1", "K1 ขอแก้ครับ ระดับ 4 ยังไม่ผ่าน ประธานสภายังไม่ได้รับเรื่อง ตอนนี้จบที่ระดับ 3")
    assert set(taken_back.proposed) == {"1", "2", "3"} and set(taken_back.undone + taken_back.proposed_undone) == {"4"}
    # "ยังไม่" about something else in the clause says nothing of the level named
    other = fy2565.item_matcher.claims("K1", "K1 ตอนนี้อยู่ระดับ 3 ค่ะ ประธานสภายังไม่ได้รับเรื่อง")
    assert "3" not in other.proposed_undone


def test_one_of_an_item_s_listed_actions_with_the_rest_under_way_is_not_the_item(fy2565: MessageParser) -> None:
    """One Platform's item 1 prints three actions (1. แต่งตั้ง… 2. สำรวจ… 3. จัดทำเอกสาร…): the team
    appointed while the survey and the document are still being done is not item 1 done."""
    part = fy2565.item_matcher.claims(
        "5.2",
        "One Platform : แต่งตั้งคณะทำงานธรรมาภิบาลข้อมูลและทีมบริกรข้อมูลแล้ว (คำสั่งที่ 45/2564) "
        "ส่วนสำรวจแบบฟอร์มกับทำเอกสารชุดข้อมูลสำคัญยังทำอยู่ค่ะ",
    )
    assert "1" not in part.proposed and part.done == ()
    whole = fy2565.item_matcher.claims(
        "5.2",
        "One Platform ค่ะ มีคำสั่งแต่งตั้งคณะทำงานธรรมาภิบาลข้อมูลกับทีมบริกรข้อมูลแล้ว สำรวจแบบฟอร์มที่ทุกกลุ่มงานใช้ "
        "ทำเอกสารชุดข้อมูลสำคัญเสนอไป 12 ชุด ทัน ธ.ค. พอดีเลยค่ะ",
    )
    assert "1" in whole.proposed


def test_the_step_that_leaves_fewer_of_its_words_unsaid_is_the_one_named(fy2562: MessageParser) -> None:
    said = (
        "ขอรายงานว่า ได้ประเมินผลการนำเข้าข้อมูลข่าวสารของหน่วยงานทั้ง 72 ศูนย์ เสร็จสิ้นเมื่อวันที่ 26 ก.ค. 62 "
        "และจัดอันดับศูนย์ข้อมูลข่าวสารฯ เรียบร้อยแล้ว"
    )
    assert fy2562.item_matcher.claims("ก.1", said).proposed == ("step-5",)


def test_last_year_and_a_deadline_due_are_not_work_done(fy2567: MessageParser, fy2562: MessageParser) -> None:
    """ "ปีที่แล้ว" is last year, "ครบกำหนดส่ง" is due: neither says anything is finished."""
    year = fy2567.item_matcher.claims("2", "วิเคราะห์ผลปีที่แล้ว + เลือกโครงการตามนโยบายเรียบร้อย 👌 KPI2")
    assert set(year.proposed) == {"step-1", "step-2"}
    due = fy2562.parse(
        "เรียนทุกท่าน พรุ่งนี้ 20 ธ.ค. ครบกำหนดส่งผลไตรมาส 1 นะคะ ส่งทาง LINE หรือ e-mail ก็ได้ค่ะ", date(2018, 12, 19)
    )
    assert due.intent == "chat" and due.items == []  # a reminder of the deadline, nothing reported


def test_all_five_steps_of_a_ladder_are_its_five_milestones(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K1", "ตช.1 ครบทั้ง 5 ขั้นแล้วค่ะ 🎉 ล่าสุดแจ้งผลให้ 50 เขตทราบแล้ว")
    assert {"1", "2", "3", "4", "5"} <= set(claims.proposed)


def test_the_innovation_built_and_the_calendar_announced(fy2565: MessageParser, fy2567: MessageParser) -> None:
    built = fy2565.item_matcher.claims("4", "นวัตกรรม ชิ้นงานเสร็จแล้ว 1 ชิ้นค่ะ (แอปจองห้องประชุม) ส่วนผลลัพธ์ยังไม่ผ่าน รอเก็บข้อมูล")
    assert "s3-1.1" in built.proposed and "s3-1.2" not in built.proposed
    told = fy2567.item_matcher.claims(
        "3",
        "ปฏิทินเรียนเชิญผู้ว่าฯ ออนไลน์ ขึ้นเว็บ สพว.กทม. เรียบร้อยค่ะ (เมนู ปฏิทินเรียนเชิญ) "
        "และทำหนังสือเวียนแจ้งทุกหน่วยงานในสังกัดแล้ว ที่ กท 0101/ว 215 ลว. 8 พ.ย. 66",
    )
    assert set(told.proposed) == {"step-1", "step-2"}


def test_a_first_report_with_its_problems_and_suggestions_meets_the_condition(fy2567: MessageParser) -> None:
    """The condition asks for a report of results, problems and suggestions to the executives: the first
    of the twice-yearly reports, said with them, meets it; said bare, it is the step's first round."""
    told = fy2567.item_matcher.claims(
        "6",
        "สัญจรชุมชน: สรุปผลการดำเนินการตามข้อสั่งการ ครั้งที่ 1/2567 พร้อมปัญหาอุปสรรคและข้อเสนอแนะ นำเรียนผู้ว่าฯ แล้ว 28 มี.ค. ค่ะ",
    )
    assert "executive-report" in told.proposed
    bare = fy2567.item_matcher.claims("6", "วิเคราะห์สรุปผลข้อสั่งการสัญจรชุมชน นำเรียนผู้ว่าฯ ครั้งที่ 1/2567 แล้วค่ะ")
    assert "executive-report" not in bare.proposed + bare.done


def test_a_letter_s_subject_pasted_and_marks_glued_to_steps(fy2562: MessageParser, fy2565: MessageParser) -> None:
    letter = fy2562.item_matcher.claims(
        "ก.1", "เรื่อง แจ้งกำหนดการตรวจติดตามและเกณฑ์การตรวจการนำเข้าข้อมูลในศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์ ปี ๒๕๖๒"
    )
    assert "step-1" in letter.proposed and letter.done == ()
    marks = fy2562.item_matcher.claims("ก.1", "ก.1 ✅ขั้น 1 ✅ขั้น 2 ⏳ขั้น 3 (ตรวจไป 4/6 ครั้ง)")
    assert set(marks.done) == {"step-1", "step-2"}
    waiting = fy2565.item_matcher.claims(
        "4",
        "นวัตกรรม ส่วนที่ 1 ครบแล้ว ส่วนที่ 2 ส่งแบบฟอร์ม 3 กับแบบฟอร์ม 4 ให้คณะกรรมการกลั่นกรองแล้ว รอผลพิจารณาค่ะ",
    )
    assert "s2" not in waiting.done + waiting.proposed and {"s1-1", "s1-2"} <= set(waiting.done)


def test_what_comes_next_or_is_set_for_a_day_to_come_is_not_done(fy2565: MessageParser, fy2562: MessageParser) -> None:
    """Work told as done, then what is next ("ต่อไปจะเวียนหนังสือ…") or set for a date ("กำหนดจัดวันที่ 22"):
    only the first is finished."""
    next_up = fy2565.item_matcher.claims(
        "K3",
        "ออกแบบและพัฒนาระบบสนับสนุนภารกิจการประชุมคณะกรรมการสามัญเสร็จแล้วครับ มีจองห้อง ขอรถ ครบ ต่อไปจะเวียนหนังสือแจ้งผู้ใช้งานครับ",
    )
    assert set(next_up.proposed) == {"design-system"}
    scheduled = fy2562.item_matcher.claims(
        "ก.1",
        "ก.๑ ได้เวียนแจ้งกำหนดการตรวจและเกณฑ์การตรวจติดตามแล้ว "
        "ส่วนการประชุมซักซ้อมความเข้าใจเจ้าหน้าที่นำเข้าข้อมูล กำหนดจัดวันที่ ๒๒ พฤศจิกายน ๒๕๖๑ ณ ห้องประชุมกองกลาง",
    )
    assert set(scheduled.proposed) == {"step-1"}


def test_a_step_still_pending_beside_one_ticked_is_not_done(fy2562: MessageParser) -> None:
    said = "e-saraban update: เงินงวด approved แล้วค่ะ (ขั้นตอนที่ 3) ✔️ ขั้นตอนที่ 4 ขออนุมัติจ้าง/ลงนามสัญญา still pending นะคะ"
    parsed = fy2562.parse(said, date(2019, 3, 18))
    claims = parsed.first.claims if parsed.first else None
    assert claims is not None and set(claims.done) | set(claims.proposed) == {"step-3"}


def test_a_step_not_begun_is_said_not_done(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K1", "ตัวชี้วัดที่ ๑ ทำถึงขั้น ๒ แล้วค่ะ ขั้น ๓ ยังไม่ได้เริ่มเลยค่ะ")
    assert claims.done == ("1", "2") and claims.undone == ("3",)


def test_a_contractor_who_has_begun_is_not_the_contract_step_done_nor_undone(fy2562: MessageParser) -> None:
    """The contract's number is evidence, not the words of the contract step; work begun under it is not
    the delivery."""
    said = (
        "สารบรรณฯ ลงนามสัญญาจ้างกับผู้รับจ้างเรียบร้อยแล้ว สัญญาเลขที่ 12/2562 ลว. 15 พ.ค. 62 ผู้รับจ้างเข้าเริ่มงานตามสัญญาแล้วตั้งแต่ 20 พ.ค."
    )
    assert fy2562.item_matcher.claims("ก.2", said).proposed == ("step-4",)


def test_when_a_step_should_be_done_is_asked(fy2562: MessageParser) -> None:
    said = "งานตรวจศูนย์ข้อมูลข่าวสาร 72 ศูนย์ ตรวจครบ 6 ครั้งแล้วนะคะ แล้วประเมินผลหน่วยงานต้องทำเมื่อไหร่"
    assert "step-5" not in fy2562.item_matcher.claims("ก.1", said).proposed


def test_every_action_of_a_condition_said_across_a_message_is_the_condition_alone(fy2565: MessageParser) -> None:
    """Survey, design and development said in three clauses are K3's design-system condition, not also the
    design step; K2's analysis and design, then development by the general affairs unit, are K2's."""
    k3 = fy2565.item_matcher.claims(
        "K3", "ระบบนัดหมายประชุม กก.สามัญ : สำรวจความต้องการ จนท.ที่เกี่ยวข้องแล้ว ออกแบบเสร็จ สยป.พัฒนาระบบเสร็จแล้วครับ"
    )
    assert k3.proposed == ("design-system",)
    k2 = fy2565.item_matcher.claims(
        "K2",
        "ตัวชี้วัดที่ 2 ค่ะ คณะทำงานฯ วิเคราะห์กระบวนงานและออกแบบระบบเสร็จตั้งแต่ประชุม 15 ก.พ. แล้ว "
        "ฝ่ายบริหารงานทั่วไปพัฒนาระบบให้เสร็จเรียบร้อยเมื่อ 31 มี.ค. ตอนนี้อยู่ระหว่างทดสอบระบบค่ะ",
    )
    assert k2.proposed == ("design-system",)
    design_only = fy2565.item_matcher.claims("K2", "คณะทำงานวิเคราะห์กระบวนงานและออกแบบระบบเสร็จแล้วค่ะ")
    assert design_only.proposed == ("step-5",)  # development not said: the step that says what was


def test_a_part_said_plainly_not_done_is_undone_but_one_still_going_is_neither(fy2565: MessageParser) -> None:
    measured = fy2565.item_matcher.claims(
        "4", "ผลผลิตนวัตกรรมเสร็จแล้ว 1 ชิ้นค่ะ คือระบบจองห้องประชุมผ่าน LINE OA ส่วนผลลัพธ์ยังไม่ได้วัดเลย ยังไม่มีข้อมูลค่ะ"
    )
    assert measured.proposed == ("s3-1.1",) and measured.proposed_undone == ("s3-1.2",)
    going = fy2565.item_matcher.claims("4", "นวัตกรรม ทำตัวผลผลิตเสร็จแล้ว 1 ชิ้นค่ะ ส่วนผลลัพธ์ยังเก็บข้อมูลอยู่เลย ยังไม่ได้สรุปค่ะ")
    assert going.proposed == ("s3-1.1",) and going.proposed_undone == ()


def test_what_is_going_on_now_is_its_own_clause(fy2562: MessageParser) -> None:
    said = "ก.2 e-bidding เสร็จ ได้ผู้ชนะแล้วค่ะ ขออนุมัติเงินประจำงวดแล้วด้วย ตอนนี้รอลงนามสัญญา"
    assert set(fy2562.item_matcher.claims("ก.2", said).proposed) == {"step-2", "step-3"}


def test_work_told_in_one_line_and_its_evidence_in_another_names_the_indicator(fy2565: MessageParser) -> None:
    said = (
        "ประชุม zoom ครั้งที่ 2 กับตัวแทนประชาชน 50 เขตเมื่อวาน (10 มี.ค.) เรียบร้อยครับ ครบ 2 ครั้งตามแผนแล้ว\n"
        "คลิปบันทึกกับสรุปรายงานการประชุมอยู่ใน drive ครับ https://drive.google.com/drive/folders/1kQx"
    )
    first = fy2565.parse(said, date(2022, 3, 11)).first
    assert first is not None and first.indicator == "K1" and first.claims.proposed == ("2",)


def test_a_letter_telling_the_districts_is_the_telling_not_the_invitation_letter(fy2565: MessageParser) -> None:
    """K1's step 5 is the letter inviting representatives; a letter telling the districts the results is
    milestone 5, and a letter cited in brackets is its evidence. A circular that is itself the step
    ("หนังสือเวียน…แจ้งเจ้าหน้าที่…เข้าใช้ระบบ") still names it."""
    told = fy2565.item_matcher.claims(
        "K1",
        "ตช.1 งานสุดท้ายเรียบร้อยครับ แจ้งผลการดำเนินการตามความต้องการของประชาชนให้ 50 เขตทราบแล้ว "
        "(หนังสือเวียน ว 233 ลว. 15 ส.ค. 65) และขึ้นข่าวบนเว็บไซต์สภาแล้ว",
    )
    assert told.proposed == ("5",)
    level = fy2565.item_matcher.claims("K1", "ตช.๑ ครบระดับ ๕ แล้วครับ ส่งหนังสือแจ้งเขตแล้วและลงเว็บสภาเรียบร้อย")
    assert "step-5" not in level.proposed
    circular = fy2565.item_matcher.claims(
        "K3",
        "สำนักงานเลขานุการสภากรุงเทพมหานครได้มีหนังสือเวียนที่ กท 0004/ว 27 ลงวันที่ 7 เม.ย. 2565 "
        "แจ้งเจ้าหน้าที่ทุกกลุ่มงานเข้าใช้ระบบสนับสนุนการประชุมคณะกรรมการสามัญ "
        "และเริ่มใช้งานจริงในการประชุมคณะกรรมการการโยธาและผังเมือง เมื่อวันที่ 19 เม.ย. 2565",
    )
    assert set(circular.proposed) == {"step-8", "use-system"}


def test_district_heads_are_not_the_executives_a_report_goes_to(fy2567: MessageParser) -> None:
    said = "ผู้ว่าฯ ลงพื้นที่ประชุมร่วมกับผู้บริหารเขตครบ 50 เขตแล้ว สรุปประเด็นข้อสั่งการได้ 412 ข้อ\nตอนนี้ติดตามทุกเดือน ดำเนินการแล้ว 288 ข้อ"
    claims = fy2567.item_matcher.claims("5", said)
    assert claims.proposed == ("step-1",)  # nor the monthly follow-up, still going


def test_the_rest_awaited_holds_the_item_back_and_a_system_tested_in_english_is_tested(
    fy2567: MessageParser, fy2565: MessageParser
) -> None:
    awaited = fy2567.item_matcher.claims(
        "4", "ตช.4 ส่วนรายงานรายเขต: สำนักงานเขตส่งรายงานผลการแก้ไขเรื่องร้องเรียน Traffy รายเขตเข้ามาแล้ว 38 เขต รออีก 12 เขตค่ะ"
    )
    assert awaited.proposed == () and awaited.done == ()
    tested = fy2565.item_matcher.claims("K2", "ระบบติดตามญัตติ test ระบบกับ จนท. 5 คน 2 รอบ แก้บั๊กหน้า search แล้ว ผ่านครับ")
    assert tested.proposed == ("step-7",)


def test_a_shortfall_holds_back_its_own_line_s_item_not_the_line_above(fy2567: MessageParser) -> None:
    said = (
        "ตช.2 ๑๒ โครงการ รายงานเดือน ต.ค. 66 ค่ะ\n"
        "✅ วิเคราะห์ข้อมูลผลการดำเนินโครงการปีงบ 66 เสร็จแล้ว\n"
        "⏳ คัดเลือกโครงการ: รองผู้ว่าฯ ส่งรายชื่อมาแล้ว 10 โครงการ รออีก 2"
    )
    assert fy2567.item_matcher.claims("2", said).proposed == ("step-1",)


def test_a_sub_step_after_ส่วน_is_named_by_its_number(fy2567: MessageParser) -> None:
    said = (
        "ตช.3 ขอรายงานค่ะ ขั้นตอน 3.1 ลงทะเบียนรับหนังสือเรียนเชิญ และ 3.2 เสนอหัวหน้ากลุ่มงานลงนามผ่าน เรียบร้อยค่ะ "
        "ส่วน 3.3 ลงเว็บครั้งที่ 1 ยังไม่ได้ทำค่ะ เว็บไซต์ปิดปรับปรุงอยู่"
    )
    claims = fy2567.item_matcher.claims("3", said)
    assert claims.done == ("step-3.1", "step-3.2") and claims.undone == ("step-3.3",)


def test_steps_said_in_english_or_still_being_done_at_length(fy2562: MessageParser) -> None:
    evaluated = fy2562.item_matcher.claims("ข.2", "ค.1 update ค่ะ Evaluation เสร็จแล้ว: สัมภาษณ์ + แบบสอบถามผู้ใช้บริการ 40 คน")
    assert evaluated.proposed == ("step-3",)
    doing = fy2562.item_matcher.claims("ก.2", "ประกาศ e-bidding ได้ผู้ชนะแล้วค่ะ\nตอนนี้ทำเรื่องขออนุมัติเงินประจำงวดอยู่ค่ะ")
    assert "step-3" not in doing.proposed


def test_what_is_to_follow_is_not_done_but_what_is_to_be_brought_is_the_item_s_words(fy2565: MessageParser) -> None:
    follows = fy2565.item_matcher.claims(
        "K1",
        "ประชุมออนไลน์ ส.ก. กับผู้แทน ปชช. 50 เขต ครั้งที่ 2 จบไปเมื่อวาน 24 ก.พ. ครบ 2 ครั้งตามประเด็นที่ตั้งไว้แล้วค่ะ "
        "คลิปอัดไว้ครบ สรุปรายงานการประชุมจะตามมาค่ะ",
    )
    assert follows.proposed == ("2",)
    brought = fy2565.item_matcher.claims(
        "K1",
        "คณะกรรมการกิจการสภากรุงเทพมหานครได้พิจารณาให้ความเห็นชอบแนวทางและประเด็นความต้องการของประชาชน"
        "ที่จะนำเข้าสู่การประชุมออนไลน์แล้ว",
    )
    assert "1" in brought.proposed


def test_work_begun_is_not_done_but_work_done_since_a_date_is(fy2567: MessageParser, fy2565: MessageParser) -> None:
    begun = fy2567.item_matcher.claims("3", "ปฏิทินเรียนเชิญผู้ว่าฯ ค่ะ\nธ.ค. เริ่มลงทะเบียนรับหนังสือเชิญผ่านระบบค่ะ")
    assert begun.proposed == ()
    since = fy2565.item_matcher.claims(
        "5.2", "One Platform: เริ่มโหลดข้อมูลเข้าชุดข้อมูลตั้งแต่ เม.ย. 65 ตามกำหนด และอัปเดตให้เป็นปัจจุบันครบทั้ง 10 ชุดแล้วนะคะ"
    )
    assert since.proposed == ("4",)


def test_how_far_a_part_not_yet_complete_has_got_is_work_going_on(fy2567: MessageParser) -> None:
    said = (
        "ตช.4 สพว. ทำรายงานภาพรวมผลการแก้ไขเรื่องร้องเรียน Traffy/1555 พร้อมปัญหาอุปสรรคและข้อเสนอแนะร่วมกับ สลป. "
        "เสนอผู้บริหาร กทม. แล้วค่ะ ส่วนรายงานรายเขตยังได้ไม่ครบ ตอนนี้ส่งมา 41 เขต กำลังตามอีก 9 เขต"
    )
    claims = fy2567.item_matcher.claims("4", said)
    assert claims.proposed == ("central-report",) and claims.proposed_undone == ()


def test_works_done_as_the_survey_found_and_next_year_s_plan_awaited(fy2562: MessageParser) -> None:
    said = (
        "สิ่งอำนวยความสะดวกศาลาฯ ปรับปรุงครบ 23 จุดตามผลสำรวจแล้ว ✅ ติดตามประเมินผลก็ทำแล้ว "
        "แจกแบบประเมินผู้สูงอายุ/คนพิการที่มาติดต่อ 60 คน พอใจ 92% ส่วนแผนปีหน้าเสนอ ผอ. ไปแล้ว รออนุมัติครับ"
    )
    assert set(fy2562.item_matcher.claims("ข.2", said).proposed) == {"step-2", "step-3"}


def test_a_particle_mistyped_still_ends_a_clause(fy2567: MessageParser) -> None:
    said = "ลงพื้นที่ชุมชนครบ 50 เขตแล้วคร้บ ข้อสั่งการแจ้งหน่วยงานไปหมดแล้ว"
    assert set(fy2567.item_matcher.claims("6", said).proposed) == {"step-1", "step-2"}


def test_online_in_english_and_the_head_signing_the_plan_off(fy2565: MessageParser) -> None:
    listed = fy2565.item_matcher.claims(
        "K1", "ตช.1 อัพเดทค่ะ\n✅ กก.กิจการสภาเห็นชอบแนวทาง+ประเด็นแล้ว\n❌ ประชุม online กับผู้แทนเขต (เลื่อนไปก่อนเพราะโควิด)"
    )
    assert listed.proposed == ("1",) and listed.proposed_undone == ("2",)
    signed = fy2565.item_matcher.claims(
        "K1", "โครงการนำข้อมูลความต้องการ ปชช.: action plan หน.เซ็นอนุมัติแล้ว + คำสั่งแต่งตั้งคณะทำงานออกแล้ว"
    )
    assert set(signed.proposed) == {"step-1", "step-2"}


def test_to_whom_a_step_was_sent_is_not_a_second_step_but_results_told_to_them_are(fy2562: MessageParser) -> None:
    circulated = fy2562.item_matcher.claims(
        "ก.1", "ก.1 ศูนย์ข้อมูลข่าวสาร 72 ศูนย์ เวียนแจ้งกำหนดการตรวจ+เกณฑ์ให้ทุก หน่วยงานแล้วครับ"
    )
    assert circulated.proposed == ("step-1",)
    results = fy2562.item_matcher.claims(
        "ก.1",
        "ก.๑ ตรวจติดตามการนำเข้าข้อมูลครบ ๖ ครั้งแล้ว (ธ.ค.๖๑–พ.ค.๖๒) แจ้งผลการตรวจให้ทุกหน่วยงานทราบครบทั้ง ๒ รอบ "
        "และประเมินผลการนำเข้าข้อมูลของทุกหน่วยงานเสร็จเมื่อ ๒๖ ก.ค. ๖๒ ครับ",
    )
    assert set(results.proposed) == {"step-3", "step-4", "step-5"}


def test_a_topic_heading_picks_the_indicator_of_a_step_two_print(fy2565: MessageParser) -> None:
    """K2 and K3 both print the questionnaire and the working-group meeting; "ญัตติ:" or "กก.สามัญ:"
    heading the message is a word of one name only. A development said only as planned is not done, so
    analysis and design stay the step they are."""
    motions = fy2565.parse(
        "ญัตติ: ประชุมคณะทำงาน แจ้งผลแบบสอบถาม วิเคราะห์กระบวนงาน+ออกแบบระบบเสร็จแล้วค่ะ ส่วนพัฒนาระบบจะคุยกับฝ่ายบริหารฯ อาทิตย์หน้า",
        date(2022, 1, 20),
    ).first
    assert motions is not None and motions.indicator == "K2" and motions.claims.proposed == ("step-5",)
    committees = fy2565.parse(
        "กก.สามัญ: ทอดแบบสอบถามผู้ใช้ระบบแล้ว และสรุปผลแบบสอบถามเรียบร้อยค่ะ ได้คืน 57 ชุด", date(2022, 1, 20)
    ).first
    assert committees is not None and committees.indicator == "K3"
    # the topic said with a particle and a dash, and steps three indicators print: still the topic's
    dashed = fy2565.parse(
        "ญัตติครับ — Action Plan หัวหน้าเห็นชอบแล้ว, มีคำสั่งแต่งตั้งคณะทำงานแล้ว ที่ 3/2565", date(2022, 1, 20)
    ).first
    assert dashed is not None and dashed.indicator == "K2" and set(dashed.claims.proposed) == {"step-1", "step-2"}


def test_the_community_visits_all_done_keep_their_own_words(fy2567: MessageParser) -> None:
    said = "ปีนี้ผู้ว่าฯ กับคณะผู้บริหารลงพื้นที่ชุมชนครบ 50 เขต รับฟังปัญหาชาวบ้านได้ข้อสั่งการรวม 356 เรื่อง แจ้งหน่วยงานที่รับผิดชอบไปครบทุกเรื่องแล้ว"
    assert set(fy2567.item_matcher.claims("6", said).proposed) == {"step-1", "step-2"}


def test_a_letter_pasted_with_its_subject_and_number_is_the_letter_sent(fy2567: MessageParser) -> None:
    said = (
        "เรื่อง ประชาสัมพันธ์ระบบปฏิทินข้อมูลการเรียนเชิญผู้ว่าราชการกรุงเทพมหานครออนไลน์\n"
        "เรียน หัวหน้าส่วนราชการในสังกัดกรุงเทพมหานคร\n"
        "หนังสือเวียน ที่ กท 0101/ว 58 ลว. 2 ต.ค. 66"
    )
    result = fy2567.parse(said, date(2023, 10, 5))
    assert result.intent == "report" and result.first is not None
    assert result.first.indicator == "3" and result.first.claims.proposed == ("step-2",)


def test_what_an_approval_is_for_is_not_done(fy2565: MessageParser) -> None:
    said = (
        "ตช.1 ค่ะ\n> รายงานการประชุมคณะกรรมการกิจการสภากรุงเทพมหานคร ครั้งที่ 3/2565 วาระที่ 4.2 "
        "ที่ประชุมมีมติเห็นชอบแนวทางและประเด็นความต้องการของประชาชน สำหรับการประชุมออนไลน์กับผู้แทน 50 เขต"
    )
    assert fy2565.item_matcher.claims("K1", said).proposed == ("1",)


def test_no_progress_yet_and_coordination_going_on_now_mark_nothing(
    fy2562: MessageParser, fy2565: MessageParser
) -> None:
    waiting = fy2562.item_matcher.claims(
        "ก.2", "ต้องรายงาน ก.2 ทุกเดือนไหมคะ เดือนนี้ยังไม่มีความคืบหน้าเลย ยังรอผลพิจารณาการประกวดราคาอยู่ค่ะ"
    )
    assert waiting.proposed_undone == () and waiting.undone == ()
    designed = fy2565.item_matcher.claims(
        "K2",
        "ตช.2 วิเคราะห์กระบวนงาน + ออกแบบระบบในที่ประชุมคณะทำงานเมื่อ 20 ม.ค. เรียบร้อยครับ "
        "ตอนนี้ประสานฝ่ายบริหารงานทั่วไปให้พัฒนาระบบอยู่",
    )
    assert designed.proposed == ("step-5",)


def test_both_rounds_told_the_tender_won_and_the_contractor_at_work(fy2562: MessageParser) -> None:
    rounds = fy2562.item_matcher.claims(
        "ก.1", "ตรวจติดตามครบ 6 ครั้งแล้วครับ ธ.ค.61–พ.ค.62 และแจ้งผลการตรวจให้ทุกหน่วยงานทราบทั้ง 2 รอบ (ม.ค./พ.ค.)"
    )
    assert set(rounds.proposed) == {"step-3", "step-4"}
    won = fy2562.item_matcher.claims(
        "ก.2",
        "e-bidding ระบบสารบรรณฯ ได้ผู้ชนะแล้วครับ เสนอราคา 14.35 ล้าน ขออนุมัติเงินประจำงวดก็ผ่านแล้ว รอลงนามสัญญา",
    )
    assert set(won.proposed) == {"step-2", "step-3"}
    at_work = fy2562.item_matcher.claims(
        "ก.2", "ก.2 ลงนามสัญญาแล้ว ผู้รับจ้างเข้าดำเนินการตามสัญญาแล้ว กำลังติดตั้ง server กับลงระบบทดลองค่ะ"
    )
    assert at_work.proposed == ("step-4",)


def test_a_question_on_when_an_item_is_due_marks_nothing(fy2565: MessageParser) -> None:
    """ "ข้อ 3 ต้องเสร็จภายในเดือนไหนนะ": asked, with "นะ" for a particle; item 3 is not reported done."""
    result = fy2565.parse("@Tidtam One Platform ข้อ 3 ต้องเสร็จภายในเดือนไหนนะ", date(2022, 3, 10))
    assert result.intent == "query"
    assert all(not i.claims.done and not i.claims.proposed for i in result.items)


def test_how_a_finished_item_got_there_in_brackets_does_not_hold_it_back(fy2565: MessageParser) -> None:
    said = (
        "ฐานข้อมูล One Platform ได้ 75 คะแนนครับ นำเข้าข้อมูลครบ 12 ชุดแล้ว (เริ่มนำเข้า เม.ย. อัปเดตทุกเดือน) "
        "เหลือแค่นวัตกรรมจากชุดข้อมูล กำหนด ส.ค. ครับ"
    )
    claims = fy2565.item_matcher.claims("5.2", said)
    assert claims.claim == "points" and set(claims.proposed) == {"1", "2", "3", "4"}


def test_lines_listed_under_done_as_follows_are_done(fy2565: MessageParser) -> None:
    said = (
        "เรียน หัวหน้ากลุ่มงานประชุมสภาฯ\n"
        "โครงการนำข้อมูลความต้องการจากประชาชนเข้าสู่การพิจารณาของสภา กทม. ดำเนินการแล้ว ดังนี้\n"
        "- Action Plan ผ่านความเห็นชอบหัวหน้าหน่วยงาน เมื่อ 5 พ.ย. 64\n"
        "- คำสั่งแต่งตั้งคณะทำงานดำเนินโครงการ ที่ 12/2564 ลว. 9 พ.ย. 64\n"
        "- ประชุมคณะทำงานชี้แจงรายละเอียดโครงการและแผนฯ เมื่อ 1 ธ.ค. 64 เรียบร้อยแล้ว\n"
        "ลำดับต่อไปจะนำเสนอแนวทางและประเด็นต่อ กก.กิจการสภา ในการประชุมเดือน ม.ค. ครับ"
    )
    assert set(fy2565.item_matcher.claims("K1", said).proposed) == {"step-1", "step-2", "step-3"}


def test_who_is_asked_and_the_second_meeting_set_for_a_day_is_not_done(fy2565: MessageParser) -> None:
    asked = fy2565.item_matcher.claims("K1", "K1 ขั้นที่ ๑-๓ เสร็จครบแล้วนะคะ ขั้นที่ ๔ ต้องทำหนังสือเสนอ กก.กิจการสภาผ่านใครคะ 🙏")
    assert asked.done == ("1", "2", "3")
    first = fy2565.item_matcher.claims(
        "K1", "ประชุมออนไลน์กับผู้แทน ปชช. 50 เขต ครั้งแรกจบไปเมื่อวานครับ (zoom 12 ม.ค.) มาครบ 48 เขต ครั้งที่ 2 นัดไว้ 9 ก.พ."
    )
    assert first.proposed == () and first.done == ()


def test_a_step_at_its_full_share_is_done_one_part_way_is_not(fy2565: MessageParser) -> None:
    said = (
        "ความคืบหน้า โครงการใช้เทคโนโลยีรายงานติดตามญัตติ ม.ค.65\n"
        "1. จัดทำ Action plan ........ 100%\n2. แต่งตั้ง คทง. ............... 100%\n"
        "3. ทอดแบบสอบถามผู้รับบริการ ... 100% (ตอบกลับ 38 ชุด)\n4. สรุปแบบสอบถาม ............. 60%\nรวมทั้งโครงการ 18%"
    )
    claims = fy2565.item_matcher.claims("K2", said)
    assert set(claims.done) | set(claims.proposed) == {"step-1", "step-2", "step-3"}


def test_a_table_row_without_outer_bars_is_one_clause(fy2562: MessageParser) -> None:
    said = (
        "ก.1 ศูนย์ข้อมูลข่าวสารฯ ความก้าวหน้า ณ 31 ก.ค. 62\nขั้นตอน | น้ำหนัก | สถานะ\n"
        "1 เวียนแจ้งกำหนดการ/เกณฑ์ | 5 | ✅\n2 ประชุมซักซ้อม จนท. | 15 | ✅\n3 ตรวจติดตามรายเดือน | 60 | ✅ 6/6\n"
        "4 แจ้งผลให้หน่วยงาน | 10 | ✅\n5 ประเมินผลทุกหน่วยงาน | 10 | ⏳\nสะสม 90%"
    )
    claims = fy2562.item_matcher.claims("ก.1", said)
    assert set(claims.done) | set(claims.proposed) == {"step-1", "step-2", "step-3", "step-4"}


def test_a_question_after_a_greeting_marks_nothing_and_signed_is_signed(
    fy2565: MessageParser, fy2562: MessageParser
) -> None:
    asked = fy2565.item_matcher.claims(
        "K1",
        "พี่คะ ขอถามหน่อยค่ะ หนูเพิ่งย้ายมาช่วยงาน ตัวชี้วัดที่ 1 ระดับ 5 ต้องมีทั้งหนังสือแจ้งเขตและลงเว็บไซต์สภา "
        "หรืออย่างใดอย่างหนึ่งก็ได้คะ จะได้เตรียมหลักฐานถูก",
    )
    assert asked.empty
    said = "พี่คะ ขอถามหน่อยค่ะ ตัวชี้วัดที่ 1 ระดับ 5 ต้องมีทั้งหนังสือแจ้งเขตและลงเว็บไซต์สภา หรืออย่างใดอย่างหนึ่งก็ได้คะ"
    assert fy2565.parse(said, date(2022, 8, 1)).intent == "query"  # not a level 5 reported
    signed = fy2562.item_matcher.claims(
        "ก.2", "signed แล้วครับ สัญญาจ้างพัฒนาระบบสารบรรณอิเล็กทรอนิกส์ เลขที่ 15/2562 ลว. 2 เม.ย. 62 ระยะเวลา 540 วัน"
    )
    assert signed.proposed == ("step-4",)


def test_an_appointment_after_a_tick_is_not_cut_at_but(fy2565: MessageParser) -> None:
    """ "แต่งตั้ง" (appoint) begins with "แต่" (but): a list line "✅ แต่งตั้ง คทง." is one clause, ticked."""
    said = "ตช.3 ประชุม กก.สามัญ\n✅ Action Plan\n✅ แต่งตั้ง คทง.\n✅ ทอดแบบสอบถามผู้ใช้งานระบบ\n✅ สรุปผลแบบสอบถาม"
    claims = fy2565.item_matcher.claims("K3", said)
    assert set(claims.done) | set(claims.proposed) == {"step-1", "step-2", "step-3", "step-3 (ซ้ำ)"}


def test_a_time_cut_down_to_a_figure_is_a_result_not_what_is_left(fy2565: MessageParser) -> None:
    said = "ใช้งานจริงครบทั้ง 12 คณะแล้วครับ และจัดทำสรุปผลการใช้งานระบบเสนอ ผอ.กลุ่มงานเรียบร้อย เวลาเฉลี่ยลดเหลือ 41 นาที/ครั้ง"
    claims = fy2565.item_matcher.claims("K3", said)
    assert set(claims.proposed) == {"use-system", "step-10"}


def test_a_step_said_in_the_one_word_its_indicator_s_name_leaves_it(fy2562: MessageParser) -> None:
    """ข.2's step 1 is "การศึกษาสำรวจสิ่งอำนวยความสะดวก": with the indicator's name left out, "สำรวจ…เสร็จ"
    is most of what it says. Said not done, or in a clause not about the step, it marks nothing."""
    for said in (
        "สิ่งอำนวยความสะดวกผู้สูงอายุ/คนพิการ ศาลาว่าการฯ ค่ะ สำรวจทางลาด ห้องน้ำ ที่จอดรถ ลิฟต์ ครบทั้ง 2 แห่ง "
        "(เสาชิงช้า + ดินแดง) เสร็จแล้ว",
        "โครงการสิ่งอำนวยความสะดวกผู้สูงอายุ/คนพิการในศาลาว่าการฯ สำรวจเสร็จแล้วค่ะ พบต้องปรับ 34 จุด",
    ):
        assert fy2562.item_matcher.claims("ข.2", said).proposed == ("step-1",), said
    assert fy2562.item_matcher.claims("ข.2", "ข.2 ยังไม่ได้สำรวจเลยค่ะ").proposed == ()


def test_scattered_syllables_of_a_long_item_are_not_that_item(fy2565: MessageParser) -> None:
    """One Platform's item 4 is a long paragraph: "ใหม่", "เวลา" and "นาที" strewn through a time
    reported are not its words; "import" of the data is its import."""
    assert fy2565.item_matcher.claims("5.2", "หลังเปิดใช้ระบบใหม่ เวลาเฉลี่ยลดเหลือ 48 นาทีแล้วค่ะ ไตรมาสนี้").empty
    claims = fy2565.item_matcher.claims("5.2", "One Platform เริ่ม import ข้อมูลเข้าระบบ 5 เม.ย. ครบทั้ง 10 ชุดแล้วครับ")
    assert claims.proposed == ("4",)


def test_work_told_then_an_either_or_question_on_its_own_line_keeps_the_work(fy2565: MessageParser) -> None:
    said = (
        "ฐานข้อมูล One Platform ฝ่ายบริหารงานทั่วไปค่ะ\n"
        "สร้างชุดข้อมูล + คำอธิบายข้อมูล + พจนานุกรมข้อมูล และทำ data cleansing เสร็จครบเมื่อ 31 มี.ค. สรุปคือข้อ 3 เสร็จนะคะ\n"
        "สงสัยว่าข้อ 4 ต้องนำเข้าครบ 11 ชุดก่อนถึงจะนับหรือเปล่าคะ"
    )
    claims = fy2565.item_matcher.claims("5.2", said)
    assert set(claims.done) | set(claims.proposed) == {"3"}
    # asked alone, the either-or question marks nothing
    assert fy2565.item_matcher.claims("5.2", "ข้อ 3 ทำเสร็จแล้ว หรือต้องรอ สยป. ตรวจก่อนคะ").empty


def test_some_months_of_a_monthly_step_are_not_the_step(fy2567: MessageParser) -> None:
    """ "ทำไปแล้ว ม.ค.–มี.ค." of a step done every month is how far it has got; "ครบ 6 ครั้งแล้ว ธ.ค.–พ.ค."
    dates a series said complete."""
    said = "ตช.6\nแจ้งหน่วยงานที่รับผิดชอบพิจารณาดำเนินการครบทุกข้อแล้ว\nติดตามผลเดือนละครั้ง ทำไปแล้ว ม.ค.–มี.ค."
    claims = fy2567.item_matcher.claims("6", said)
    assert "step-3" not in claims.proposed and "step-2" in claims.proposed


def test_a_status_list_in_english_names_its_steps(fy2562: MessageParser) -> None:
    said = "Update ค่ะ: TOR approved & published ✔ / e-bidding done ✔ / contract signed ✔ / now in implementation phase"
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert set(claims.done) | set(claims.proposed) == {"step-1", "step-2", "step-4"}


def test_a_part_sent_and_awaiting_its_committee_holds_back_only_that_part(fy2565: MessageParser) -> None:
    """ "ส่วนที่ 2 ส่ง…ไปแล้ว รอคณะกรรมการ กทม. พิจารณา…": part 2 is not through; part 1, said complete
    on the line before with its forms, stays done."""
    said = (
        "นวัตกรรม ส่วนที่ 1 ครบแล้วนะคะ ระดมความคิดกันเมื่อ 14 ม.ค. ได้แนวคิดมา 9 เรื่อง (แบบฟอร์ม 1) "
        "แล้วคัดเหลือ 3 แนวคิดตามแบบฟอร์ม 2\n"
        "ส่วนที่ 2 ส่งแบบฟอร์ม 3 กับ 4 ให้ สกก. ไปแล้ว รอคณะกรรมการ กทม. พิจารณากลั่นกรองอยู่ค่ะ"
    )
    claims = fy2565.item_matcher.claims("4", said)
    assert set(claims.done) | set(claims.proposed) == {"s1-1", "s1-2"}


def test_words_of_use_rounds_and_a_ticked_tender(fy2565: MessageParser, fy2562: MessageParser) -> None:
    used = fy2565.item_matcher.claims("4", "ตัวผลผลิตเสร็จแล้ว 1 ชิ้น เปิดใช้ในสำนักงานจริงตั้งแต่ 1 ก.ค. 65")
    assert set(used.proposed) == {"s3-1.1", "s3-2.1"}
    both = fy2565.item_matcher.claims("K1", "✅ ประชุมออนไลน์กับผู้แทน 50 เขต ครั้งที่ 1 (3 ก.พ.) ครั้งที่ 2 (24 ก.พ.)")
    assert set(both.done) | set(both.proposed) == {"2"}
    one = fy2565.item_matcher.claims("K1", "ประชุมออนไลน์กับผู้แทน 50 เขต ครั้งที่ 1 เสร็จแล้ว (3 ก.พ.)")
    assert one.empty
    tender = fy2562.item_matcher.claims("ก.2", "e-Saraban\n✅ อนุมัติเผยแพร่แผน TOR\n✅ e-bidding\n✅ ลงนามสัญญา")
    assert set(tender.done) | set(tender.proposed) == {"step-1", "step-2", "step-4"}
    typo = fy2565.item_matcher.claims("K3", "กก.สามัญ สรุบผลแบบสอบถามผู้ใช้ระบบเสร็จแล้วค่ะ")
    assert typo.proposed == ("step-3 (ซ้ำ)",)


def test_a_condition_of_several_actions_is_not_named_by_its_other_words(fy2565: MessageParser) -> None:
    """K3's design-system is "สำรวจความต้องการของเจ้าหน้าที่… ออกแบบและพัฒนาระบบ": a questionnaire sent to
    the committees' officers says none of its actions but the survey, so it is the questionnaire's step.
    "ยังไม่ค่อยคล่อง" (not very fluent) says nothing is undone."""
    said = (
        "หนูเพิ่งย้ายมาดูแลตัวชี้วัดที่ 3 ยังไม่ค่อยคล่องศัพท์ ขอรายงานตามที่เข้าใจนะคะ\n"
        "แบบสอบถามผู้ใช้ระบบ ทำเสร็จและส่งออกไปให้เจ้าหน้าที่ประจำคณะกรรมการทั้ง 12 คณะแล้วเมื่อ 15 ธ.ค."
    )
    claims = fy2565.item_matcher.claims("K3", said)
    assert claims.proposed == ("step-3",) and claims.proposed_undone == ()


def test_work_held_on_a_past_day_is_done_and_a_round_set_for_later_is_not(fy2565: MessageParser) -> None:
    said = (
        "แจ้งความคืบหน้า K1\n- Action Plan หัวหน้าหน่วยงานเห็นชอบแล้ว 8 ต.ค. 64\n"
        "- คำสั่งแต่งตั้งคณะทำงานฯ ลงนามแล้ว\n- ประชุมคณะทำงานชี้แจงโครงการ+AP ไปเมื่อ 3 พ.ย. ค่ะ"
    )
    claims = fy2565.item_matcher.claims("K1", said)
    assert set(claims.done) | set(claims.proposed) == {"step-1", "step-2", "step-3"}
    first = fy2565.item_matcher.claims("K1", "ครั้งแรกจัดผ่าน Zoom ไปเมื่อ 18 ก.พ. เข้าร่วม 41 เขต ครั้งที่ 2 กำหนด 25 มี.ค. ค่ะ")
    assert "2" not in first.proposed and "2" not in first.done


def test_two_steps_told_in_one_run_of_words_are_both_named(fy2567: MessageParser) -> None:
    said = "ปฏิทินเรียนเชิญผู้ว่าฯ ค่ะ ระบบปฏิทินบนเว็บ สพว. ขึ้นแล้วตั้งแต่ 1 พ.ย. 66 ใช้ได้ปกติ ส่งหนังสือเวียนแจ้งทุกหน่วยงานในสังกัด กทม. แล้ว"
    claims = fy2567.item_matcher.claims("3", said)
    assert set(claims.proposed) == {"step-1", "step-2"}
    # the second half only planned: the first alone
    planned = fy2567.item_matcher.claims("3", "ระบบปฏิทินบนเว็บ สพว. ขึ้นแล้วค่ะ ส่วนหนังสือเวียนแจ้งหน่วยงานจะส่งสัปดาห์หน้า")
    assert planned.proposed == ("step-1",)


def test_the_visits_and_the_directives_in_other_words(fy2567: MessageParser, fy2565: MessageParser) -> None:
    six = fy2567.item_matcher.claims("6", "ลงพื้นที่ชุมชนครบ 50 เขตแล้ว ✅\nแจ้งหน่วยงานครบทุกข้อสั่งการ ✅")
    assert set(six.done) | set(six.proposed) == {"step-1", "step-2"}
    five = fy2567.item_matcher.claims("5", "ผู้ว่าฯสัญจรครบ 50 เขตแล้ว ร่วมประชุมสรุปประเด็นข้อสั่งการทุกเขต")
    assert five.proposed == ("step-1",)
    # the use of the old system asked about in a questionnaire is not the system in use
    asked = fy2565.item_matcher.claims("K3", "แบบสอบถามความต้องการ/ปัญหาการใช้ระบบเดิม ทอดไปแล้ว ตอบกลับ 58 คน สรุปผลเสร็จแล้ว")
    assert "use-system" not in asked.proposed
    # "approved" by the head is the action plan's approval; a questionnaire typed "แบบสอบถม" is a questionnaire
    approved = fy2565.item_matcher.claims("K1", "K1 update Q1 ค่ะ: action plan approved แล้ว by หัวหน้ากลุ่มงาน")
    assert approved.proposed == ("step-1",)
    typed = fy2565.item_matcher.claims("K3", "กก.สามัญ\n3) ทอดแบบสอบถมเจ้าหน้าที่ฝ่ายประชุม 12 คณะ ✔ ได้คืน 58 ชุด")
    assert set(typed.done) | set(typed.proposed) == {"step-3"}


def test_a_number_the_plan_prints_twice_is_confirmed_not_marked(fy2565: MessageParser) -> None:
    """K3 prints step 3 twice ("3." and "3. (ซ้ำ)"): "ขั้นตอนที่ 3 ตัวที่สอง" names the repeated one, and a
    bare "ขั้นตอนที่ 3" is put to the reporter rather than marked straight away."""
    second = fy2565.item_matcher.claims("K3", "ตัวชี้วัดที่ 3 ครับ ขั้นตอนที่ 3 ตัวที่สอง (สรุปผลแบบสอบถาม) เสร็จแล้ว")
    assert set(second.done) | set(second.proposed) == {"step-3 (ซ้ำ)"}
    bare = fy2565.item_matcher.claims("K3", "ตัวชี้วัดที่ 3 ขั้นตอนที่ 3 เสร็จแล้วค่ะ")
    assert "step-3" not in bare.done and "step-3" in bare.proposed


def test_a_letter_code_typed_without_its_dot_and_a_selection_said_short(
    fy2562: MessageParser, fy2567: MessageParser
) -> None:
    parsed = fy2562.parse("ข2 ขั้นตอนที่ 4 เสร็จแล้วค่ะ แผนปีงบ 63 ผอ.ลงนามแล้ว 11 ก.ย.", date(2019, 9, 12)).first
    assert parsed is not None and parsed.indicator == "ข.2" and parsed.claims.done == ("step-4",)
    picked = fy2567.item_matcher.claims(
        "2", "ตช.2 ค่ะ ทีมวิเคราะห์ผลโครงการปี 66 เสร็จแล้ว คัดโครงการสำคัญของรองผู้ว่าฯ ได้ครบ 12 โครงการ"
    )
    assert set(picked.proposed) == {"step-1", "step-2"}


def test_questionnaires_sent_out_and_come_back_went_out(fy2565: MessageParser) -> None:
    sent = fy2565.item_matcher.claims("K2", "ญัตติฯ ค่ะ แบบสอบถามที่ส่งให้ ส.ก. กับผู้ช่วย ได้คืนมา 38 ชุด สรุปผลเสร็จเมื่อวาน")
    assert set(sent.proposed) == {"step-3", "step-4"}
    # come back, with no word of sending: the summary alone
    summary = fy2565.item_matcher.claims("K3", "กก.สามัญ (K3) แบบสอบถามผู้ใช้ระบบได้คืนมา 35 ชุด สรุปผลเสร็จแล้วครับ")
    assert summary.proposed == ("step-3 (ซ้ำ)",)


def test_one_more_left_holds_the_step_back(fy2567: MessageParser) -> None:
    said = "KPI2 สรุปข้อมูลโครงการนำเรียนรองผู้ว่าฯ ไปแล้ว 3 ท่าน เหลืออีกท่านนึงยังไม่ว่างค่ะ"
    assert fy2567.item_matcher.claims("2", said).proposed == ()


def test_the_figures_beside_a_letter_are_not_a_second_item(fy2565: MessageParser) -> None:
    """ "ผู้แทนเขต ออกครบ 50 เขตแล้ว" after the invitation letter tells to whom it went: milestone 2's "50
    เขต" is a figure, not words of its own for the online meetings."""
    said = "หนังสือเชิญผู้แทน ปชช. เขตละ 2 คนกับผู้แทนเขต ออกครบ 50 เขตแล้วค่ะ"
    assert fy2565.item_matcher.claims("K1", said).proposed == ("step-5",)


def test_a_condition_is_told_from_its_sibling_by_the_words_they_do_not_share(fy2567: MessageParser) -> None:
    """KPI 4's central and district reports both go "to the executives": a month's field-check report says
    neither's own words, the districts' report says "รายเขต"."""
    monthly = fy2567.item_matcher.claims("4", "KPI 4 เดือนนี้ลงพื้นที่ตรวจ 5 ครั้งค่ะ รายงานประจำเดือน ม.ค. นำเรียนผู้บริหารแล้ว")
    assert monthly.empty
    districts = fy2567.item_matcher.claims("4", "Traffy ค่ะ รายงานผลการแก้ไขเรื่องร้องเรียนรายเขต เสนอผู้บริหาร กทม. แล้ว")
    assert districts.proposed == ("district-report",)


def test_what_a_questionnaire_asked_others_is_no_question_to_the_bot(fy2565: MessageParser) -> None:
    """ "…ถามเจ้าหน้าที่…ว่าระบบเดิมติดปัญหาอะไรบ้าง ส่งให้ครบทุกคณะแล้ว": the questionnaire's own question,
    told as what was sent; its answers summed up ("สรุปคำตอบ") are the questionnaire's summary."""
    said = (
        "ทำแบบสอบถามถามเจ้าหน้าที่ที่ดูแลประชุมกรรมการสามัญ ว่าระบบนัดประชุมเดิมติดปัญหาอะไรบ้าง ส่งให้ครบทุกคณะแล้ว แล้วก็สรุปคำตอบเสร็จแล้วค่ะ"
    )
    parsed = fy2565.parse(said, date(2022, 2, 15))
    item = parsed.first
    assert item is not None and item.indicator == "K3"
    assert set(item.claims.proposed) == {"step-3", "step-3 (ซ้ำ)"}


def test_a_question_put_to_the_bot_stays_one(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K3", "ตช.3 ขอถามว่าถ้าทดสอบระบบยังไม่ครบทุกคณะ นับยังไงคะ")
    assert claims.empty


def test_steps_two_indicators_print_alike_go_to_the_one_the_name_words_lean_to(fy2567: MessageParser) -> None:
    """KPI 5 and 6 print the same first steps; "ลงชุมชน" is a word of 6's name (สัญจรชุมชน), though not
    enough to name it alone. The steps are proposed on 6, with 5 left as the other choice."""
    said = "ผู้ว่าฯ ลงชุมชนครบทั้ง 50 เขตแล้วนะคะ ข้อสั่งการที่ได้มาทุกข้อ หนูทำหนังสือแจ้งหน่วยงานที่เกี่ยวข้องไปหมดแล้วค่ะ"
    item = fy2567.parse(said, date(2024, 2, 15)).first
    assert item is not None and item.indicator == "6" and item.candidates[1:] == ["5"]
    assert set(item.claims.proposed) == {"step-1", "step-2"} and item.claims.done == ()


def test_steps_two_indicators_print_alike_stay_a_choice_when_nothing_leans(fy2565: MessageParser) -> None:
    said = "ขอแก้ไขนะคะ ที่แจ้งว่าทดสอบระบบเสร็จแล้ว จริงๆยังไม่ผ่านค่ะ ต้องแก้แล้วเทสใหม่"
    item = fy2565.parse(said, date(2022, 2, 15)).first
    assert item is None or item.indicator is None


def test_the_indicator_whose_items_are_said_done_beats_name_words_in_work_under_way(fy2565: MessageParser) -> None:
    """ "กรรมการสามัญ" (K3's name) is in the clause still under way; the meetings said done are K1's."""
    said = (
        "ประชุมออนไลน์กับตัวแทนเขตรอบที่สองจบไปเมื่อเช้าครับ ครบ 2 ครั้งตามแผนแล้ว "
        "ตอนนี้ผมกำลังไล่อ่านความเห็นที่ได้มา แยกตามคณะกรรมการสามัญอยู่ครับ"
    )
    item = fy2565.parse(said, date(2022, 2, 15)).first
    assert item is not None and item.indicator == "K1"
    assert set(item.claims.proposed) == {"2"} and item.claims.done == ()


def test_an_overall_result_is_not_the_overall_report(fy2567: MessageParser) -> None:
    """KPI 4's central report is "มีรายงานผล… ในภาพรวม เสนอผู้บริหาร"; "ภาพรวมเขตแก้เสร็จ 72%" is the result."""
    said = "เดือนนี้ลงพื้นที่ตรวจเรื่องร้องเรียน Traffy ไป 5 ครั้งครับ ที่บางแค ภาษีเจริญ หนองแขม ภาพรวมเขตแก้เสร็จ 72% ครับ"
    claims = fy2567.item_matcher.claims("4", said)
    assert "central-report" not in {*claims.done, *claims.proposed}
    reported = fy2567.item_matcher.claims("4", "Traffy ค่ะ รายงานภาพรวมเสนอผู้บริหารแล้วค่ะ")
    assert "central-report" in {*reported.done, *reported.proposed}


def test_part_of_the_whole_right_after_an_item_is_how_far_it_has_got(
    fy2565: MessageParser, fy2567: MessageParser
) -> None:
    testing = "K3 ครับ ทดสอบระบบนัดหมายการประชุมกับ กก.สามัญไปแล้ว 8 คณะ จาก 12 คณะ อีก 4 คณะจะทดสอบต้นเดือนหน้าครับ"
    assert "step-7" not in {*fy2565.item_matcher.claims("K3", testing).proposed}
    districts = "ตช.4 Traffy ค่ะ เขตส่งรายงานผลการแก้ไขเรื่องร้องเรียนรายเขตมาแล้ว 30 จาก 50 เขต อีก 20 เขตกำลังตามอยู่ค่ะ"
    assert "district-report" not in {*fy2567.item_matcher.claims("4", districts).proposed}
    # the whole of it is all the way
    everyone = "ตช.4 Traffy ค่ะ เขตส่งรายงานผลการแก้ไขเรื่องร้องเรียนรายเขตเสนอผู้บริหารแล้ว 50 จาก 50 เขต"
    assert "district-report" in {*fy2567.item_matcher.claims("4", everyone).proposed}


def test_a_count_that_follows_another_clause_holds_back_nothing_said_before_it(fy2565: MessageParser) -> None:
    """ "…data cleansing เสร็จแล้ว ตอนนี้เริ่มนำเข้าข้อมูลแล้ว 6 จาก 12 ชุด": the count is the import's, under
    way; item 3, said done two clauses before, stands."""
    said = (
        "ฐานข้อมูล One Platform: ทำคำอธิบายข้อมูล + data dictionary แล้วก็ data cleansing เสร็จแล้วค่ะ "
        "ตอนนี้เริ่มนำเข้าข้อมูลแล้ว 6 จาก 12 ชุด"
    )
    claims = fy2565.item_matcher.claims("5.2", said)
    assert "3" in {*claims.done, *claims.proposed} and "4" not in {*claims.done, *claims.proposed}


def test_analysis_and_design_without_development_are_the_step_not_the_condition(fy2565: MessageParser) -> None:
    said = (
        "การติดตามญัตติ: ประชุมคณะทำงานแจ้งผลแบบสอบถามแล้ว วิเคราะห์กระบวนงานกับออกแบบหน้าจอระบบเสร็จเรียบร้อยครับ "
        "ตอนนี้กำลังประสานฝ่ายบริหารงานทั่วไปให้จัดทำระบบ"
    )
    claims = fy2565.item_matcher.claims("K2", said)
    assert "step-5" in claims.proposed and "design-system" not in {*claims.done, *claims.proposed}


def test_the_other_half_of_a_milestone_to_go_up_next_month_holds_it_back(fy2565: MessageParser) -> None:
    said = (
        "K1 ค่ะ แจ้งผลการดำเนินการตามความต้องการ ปชช. ให้สำนักงานเขตทราบแล้ว 50/50 เขต "
        "ส่วนประชาสัมพันธ์ผลลงเว็บไซต์สภา กทม. จะขึ้นเดือนหน้าค่ะ"
    )
    claims = fy2565.item_matcher.claims("K1", said)
    assert "5" not in {*claims.done, *claims.proposed}


def test_short_phone_messages_name_their_steps(fy2565: MessageParser, fy2567: MessageParser) -> None:
    """A K code glued to the word before it, a tone mark typed in the wrong place, sub-steps in a row."""
    item = fy2565.parse("ขั้น1-3 ของK1 เรียบรอ้ยค่ะ🙏", date(2022, 2, 15)).first
    assert item is not None and item.indicator == "K1"
    assert set(item.claims.done) == {"1", "2", "3"}
    assert set(fy2567.item_matcher.claims("3", "ตช.3 ขั้น3.1 3.2 เรียบร้อยค่า").done) == {"step-3.1", "step-3.2"}


def test_what_comes_next_is_its_own_clause(fy2565: MessageParser) -> None:
    """A narrative: steps said done, then "ขั้นต่อไปจะ…" and "ตอนนี้ฝ่ายบริหารฯ กำลังพัฒนา". What is next
    holds back nothing said done before it."""
    k1 = (
        "อัปเดต K1 ค่ะ หลังประชุมออนไลน์ครบ 2 ครั้งเมื่อ ก.พ. ทีมตรวจสอบ/วิเคราะห์ความเห็นประชาชนเสร็จ "
        "แยกเล่มตามกรรมการสามัญทั้ง 12 คณะเรียบร้อยเมื่อ 18 มี.ค. จากนั้น 5 เม.ย. นำเข้า กก.กิจการสภาและเรียนประธานสภาแล้ว "
        "ท่านมอบกรรมการสามัญที่เกี่ยวข้องพิจารณาต่อ ขั้นต่อไปจะแจ้งผลให้เขตและขึ้นเว็บสภาค่ะ"
    )
    claims = fy2565.item_matcher.claims("K1", k1)
    assert set(claims.proposed) == {"2", "3", "4"}
    k2 = (
        "K2 ต่อนะคะ วันที่ 21 ม.ค. ประชุมคณะทำงานแจ้งผลแบบสอบถาม วิเคราะห์กระบวนงานและออกแบบระบบที่ต้องการเรียบร้อย "
        "จากนั้นทำบันทึกประสานฝ่ายบริหารงานทั่วไปให้จัดทำระบบแล้ว ตอนนี้ฝ่ายบริหารฯ กำลังพัฒนาค่ะ"
    )
    assert {"step-5", "step-6"} <= set(fy2565.item_matcher.claims("K2", k2).proposed)


def test_evidence_attached_is_not_the_work_told_again(fy2565: MessageParser) -> None:
    said = (
        "K1 ครับ ประชุมออนไลน์ระหว่างสภา กทม. กับผู้แทนประชาชน 50 เขต ครั้งที่ 1 จัดไปแล้วเมื่อ 18 ก.พ. 65 เรียบร้อยดีครับ "
        "ครั้งที่ 2 กำหนดกลาง มี.ค. แนบภาพหน้าจอ Zoom กับรายชื่อผู้เข้าร่วมไว้ในอัลบั้มกลุ่มแล้วครับ"
    )
    claims = fy2565.item_matcher.claims("K1", said)
    assert claims.empty


def test_a_test_typed_as_spoken_is_a_test(fy2565: MessageParser) -> None:
    said = "K2 อัปเดตครับ\n- เทสระบบเสร็จแล้ว ✅\n- หนังสือแจ้งผู้รับบริการเปิดใช้ระบบ ❌ ยังไม่ได้ทำ"
    claims = fy2565.item_matcher.claims("K2", said)
    assert "step-7" in claims.proposed and "step-8" in {*claims.undone, *claims.proposed_undone}


def test_the_contract_signed_and_the_work_under_it_are_two_steps(fy2562: MessageParser) -> None:
    said = "โครงการพัฒนาระบบสารบรรณฯ ลงนามสัญญาจ้างแล้ว 5 ก.พ. 62 สัญญาเลขที่ 12/2562 ตอนนี้ผู้รับจ้างทำงานตามสัญญาอยู่ครับ"
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert "step-4" in claims.proposed and "step-5" not in claims.proposed
    tender = fy2562.item_matcher.claims("ก.2", "e-bidding ระบบสารบรรณฯ ประกาศผู้ชนะแล้วครับ ตอนนี้รอเงินประจำงวด")
    assert tender.proposed == ("step-2",)


def test_a_guessed_indicator_is_named_in_the_items_question(fy2567: MessageParser) -> None:
    """KPI 5 and 6 print the same steps, and their names open alike; the question says what people call
    the one guessed, so a wrong guess shows. One named by its code is not guessed."""
    guessed = fy2567.parse("ผู้ว่าฯ ลงชุมชนครบทั้ง 50 เขตแล้วนะคะ ข้อสั่งการแจ้งหน่วยงานไปหมดแล้วค่ะ", date(2024, 2, 15))
    assert guessed.ask is not None and guessed.ask.startswith("ตัวชี้วัดที่ 6 (สัญจรชุมชน):")
    named = fy2567.parse("ตช.6 ลงชุมชนครบทั้ง 50 เขตแล้วนะคะ ข้อสั่งการแจ้งหน่วยงานไปหมดแล้วค่ะ", date(2024, 2, 15))
    assert named.ask is not None and named.ask.startswith("ตัวชี้วัดที่ 6:")


def test_numbers_dictated_as_words_name_the_indicator_and_its_steps(fy2565: MessageParser) -> None:
    """Typed by voice, every number comes as a word: "ตช สาม", "ขั้นที่หก"."""
    said = "ตช สามครับ ขั้นที่หกประสาน สยป ให้ทำระบบเรียบร้อยแล้ว แต่ขั้นที่เจ็ดทดสอบระบบยังไม่ได้ทำเลยครับ"
    parsed = fy2565.parse(said, date(2022, 2, 15))
    assert parsed.first is not None and parsed.first.indicator == "K3"
    claims = parsed.first.claims
    assert claims is not None and claims.done == ("step-6",) and claims.undone == ("step-7",)


def test_a_cross_on_the_same_line_as_an_hourglass_is_its_own_step_s(fy2562: MessageParser) -> None:
    claims = fy2562.item_matcher.claims("ข.2", "ข.2 ขั้นที่ 1 ✅ ขั้นที่ 2 ✅ ขั้นที่ 3 ⏳ ขั้นที่ 4 ❌")
    assert claims.done == ("step-1", "step-2") and claims.undone == ("step-4",)


def test_rounds_done_out_of_the_series_are_not_the_step_done(fy2562: MessageParser) -> None:
    claims = fy2562.item_matcher.claims("ก.1", "ก.๑ ขั้นตอนที่ ๑–๒ เสร็จแล้ว ขั้นตอนที่ ๓ ตรวจไปแล้ว ๕ จาก ๖ ครั้ง")
    assert claims.done == ("step-1", "step-2")


def test_a_series_said_complete_and_taken_back_is_not_done(fy2562: MessageParser) -> None:
    said = "ขออภัยค่ะ ที่แจ้งว่าตรวจติดตามศูนย์ข้อมูลข่าวสารครบ 6 ครั้งแล้ว ยังไม่ครบนะคะ รอบ พ.ค. ยังไม่ได้ตรวจค่ะ"
    claims = fy2562.item_matcher.claims("ก.1", said)
    assert claims.proposed_undone == ("step-3",) and claims.proposed == ()


def test_a_reporter_s_modest_probably_is_still_done_but_not_a_guess_at_every_step(fy2565: MessageParser) -> None:
    done = fy2565.item_matcher.claims("K1", "ตช.1 ประชุมออนไลน์กับผู้แทน 50 เขตรอบที่สองไปแล้ว น่าจะครบ 2 ครั้งตามแผนแล้วนะคะ")
    assert done.proposed == ("2",)
    later = fy2565.item_matcher.claims("K1", "ตช.1 กำลังวิเคราะห์ความคิดเห็นอยู่ น่าจะเสร็จปลายเดือนค่ะ")
    assert later.empty


def test_what_was_told_is_taken_back_by_saying_so(fy2562: MessageParser) -> None:
    said = "ที่บอกว่าเสร็จ ยังไม่เสร็จนะครับ ระบบสารบรรณฯ งวดที่ 1 ผู้รับจ้างยังไม่ได้ส่งมอบ เลื่อนไป ต.ค."
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert "step-6" in {*claims.undone, *claims.proposed_undone}


def test_next_year_s_plan_named_by_its_year_is_the_plan_step(fy2562: MessageParser) -> None:
    said = "ติดตามประเมินผลทางลาดกับห้องน้ำคนพิการแล้ว แผนปี 63 ก็ทำเสร็จ เสนอ ผอ.ส่วนบริหารกลางอนุมัติแล้วค่ะ"
    assert set(fy2562.item_matcher.claims("ข.2", said).proposed) == {"step-3", "step-4"}


def test_the_districts_reports_bound_together_are_not_the_overall_report(fy2567: MessageParser) -> None:
    said = "ตช.4 สำนักงานเขตส่งรายงานผลแก้ไขเรื่องร้องเรียน traffy รายเขต ครบ 50 เขตแล้ว รวมเล่มเสนอผู้บริหาร กทม. แล้วค่ะ"
    assert fy2567.item_matcher.claims("4", said).proposed == ("district-report",)


def test_the_governor_s_district_visits_all_held_and_every_directive_passed_on(fy2567: MessageParser) -> None:
    said = "ตช.5 ท่านผู้ว่าฯ ลงสัญจรประจำเขตครบ 50 เขตแล้ว ข้อสั่งการรวม 310 เรื่อง แจ้งหน่วยงานแล้วทุกเรื่องค่ะ"
    assert set(fy2567.item_matcher.claims("5", said).proposed) == {"step-1", "step-2"}
    monthly = fy2567.item_matcher.claims("6", "ติดตามหน่วยงานเรื่องข้อสั่งการผู้ว่าฯ สัญจรชุมชน ครบทุกเดือนแล้วครับ")
    assert monthly.proposed == ("step-3",)


def test_not_sent_and_cannot_deliver_yet_say_the_item_is_not_done(fy2562: MessageParser, fy2565: MessageParser) -> None:
    """Said plainly, without taking anything back: for the reporter to confirm, as a cross would."""
    delivery = fy2562.item_matcher.claims("ก.2", "ก.2 ตอนนี้อยู่ระหว่างดำเนินการตามสัญญาครับ ส่งมอบงานงวดที่ 1 ยังไม่ได้ครับ")
    assert delivery.proposed_undone == ("step-6",) and delivery.undone == ()
    letter = fy2565.item_matcher.claims(
        "K3", "ตช.3 ใช้ระบบนัดประชุมกันมา 2 เดือนแล้วค่ะ ส่วนหนังสือเวียนแจ้งให้ทุกคนเข้าใช้ระบบ ยังไม่ได้ส่งเลยค่ะ"
    )
    assert letter.proposed == ("use-system",) and letter.proposed_undone == ("step-8",)


def test_a_question_after_the_news_does_not_swallow_it(fy2562: MessageParser) -> None:
    said = "ก.2 ค่ะ เงินงวดได้รับอนุมัติแล้วนะคะ แต่งานงวดที่ 1 ผู้รับจ้างยังส่งมอบไม่ได้ ❌ เขาขอขยายเวลา ต้องรายงานยังไงคะ"
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert claims.proposed == ("step-3",) and claims.proposed_undone == ("step-6",)


def test_ideas_selected_down_to_three_is_the_selection_done(fy2565: MessageParser) -> None:
    said = "นวัตกรรมค่ะ ระดมความคิดได้แนวคิด 5 เรื่อง ทำแบบฟอร์ม 1 เสร็จ / คัดเลือกเหลือ 3 แนวคิด (แบบฟอร์ม 2) เรียบร้อยค่ะ"
    assert set(fy2565.item_matcher.claims("4", said).proposed) == {"s1-1", "s1-2"}


def test_put_to_the_head_and_signed_off_is_the_step_not_handed_on(fy2567: MessageParser) -> None:
    said = "ปฏิทินเชิญค่ะ ลงทะเบียนรับหนังสือเชิญเสร็จ เสนอหัวหน้ากลุ่มงานเลขาลงนามผ่านแล้ว"
    assert fy2567.item_matcher.claims("3", said).proposed == ("step-3.1", "step-3.2")
    handed = fy2567.item_matcher.claims("3", "ลงทะเบียนรับหนังสือเชิญเสร็จ ส่งให้หัวหน้ากลุ่มงานดูแล้ว")
    assert handed.proposed == ("step-3.1",)


def test_a_long_account_of_one_indicator_s_milestones_names_it(fy2565: MessageParser) -> None:
    """Three of K1's milestones fit about as well as each other: rivals within one indicator still name it."""
    said = (
        "ตามที่บอทถามมาค่ะ ตั้งแต่รายงานครั้งที่แล้ว ได้ตรวจสอบและวิเคราะห์ความคิดเห็นของประชาชนจากการประชุมทั้ง 2 ครั้ง"
        "เสร็จแล้ว แยกเอกสารตามภารกิจของ กก.สามัญเรียบร้อย จากนั้นเสนอ คกก.กิจการสภาและนำเรียนประธานสภาฯ แล้วค่ะ "
        "ส่วนการแจ้งผลให้สำนักงานเขตและลงเว็บไซต์สภา ยังไม่ได้ทำนะคะ เพราะต้องรอผลพิจารณาของ กก.สามัญก่อนค่ะ"
    )
    parsed = fy2565.parse(said, date(2022, 3, 15))
    assert parsed.first is not None and parsed.first.indicator == "K1"
    assert parsed.first.claims is not None and set(parsed.first.claims.proposed) == {"3", "4"}


def test_how_many_came_is_not_an_item(fy2565: MessageParser) -> None:
    said = "K1 zoom ครั้งแรกกับผู้แทน 50 เขต จบไปเมื่อเช้าค่ะ เข้าร่วม 131 คน อัดวีดีโอไว้แล้ว ครั้งที่สอง 12 ก.พ. นะคะ"
    assert fy2565.item_matcher.claims("K1", said).empty


def test_the_day_a_thing_was_finished_closes_what_was_said_of_it(fy2565: MessageParser) -> None:
    """ "…ครั้งที่ 1 จบไปแล้วเมื่อ 26 ม.ค. เข้าร่วม 47 เขต": who came belongs to that meeting, one of two, not
    to an item of its own; "…เมื่อ 22 พ.ย. 64 ห้องประชุม… เรียบร้อย" is one statement still."""
    said = "ประชุมออนไลน์สภา กทม. กับผู้แทนเขต ครั้งที่ 1 จบไปแล้วเมื่อ 26 ม.ค. เข้าร่วม 47 เขตค่ะ ครั้งที่ 2 กำหนด 23 ก.พ."
    assert fy2565.item_matcher.claims("K1", said).empty
    one = "K1 ประชุมคณะทำงานชี้แจงรายละเอียดโครงการ เมื่อ 22 พ.ย. 64 ห้องประชุมสภา มากันครบ เรียบร้อยค่ะ"
    assert fy2565.item_matcher.claims("K1", one).proposed == ("step-3",)


def test_a_form_named_is_its_own_item_not_one_whose_evidence_is_another_form(fy2565: MessageParser) -> None:
    said = "นวัตกรรมค่ะ ระดมความคิดเห็นในสำนักงานได้แนวคิด 5 เรื่อง ทำแบบฟอร์ม 1 เสร็จแล้วค่ะ"
    assert fy2565.item_matcher.claims("4", said).proposed == ("s1-1",)


def test_sent_off_and_awaiting_the_answer_is_not_approved(fy2562: MessageParser) -> None:
    said = "สารบรรณฯ ประกวดราคาอิเล็กทรอนิกส์จบแล้ว ได้ผู้ชนะแล้วค่ะ ส่วนเรื่องขออนุมัติเงินงวด ส่งไปสำนักงบฯ แล้ว รอผลอยู่ค่ะ"
    assert fy2562.item_matcher.claims("ก.2", said).proposed == ("step-2",)


def test_the_rest_of_one_round_is_not_the_whole_step(fy2567: MessageParser) -> None:
    said = "ตช.6 สรุปผลนำเรียนผู้ว่าฯ รอบแรก (ครั้งที่ 1/2) เรียบร้อยค่ะ Dashboard ก็อัปเดตแล้ว"
    assert fy2567.item_matcher.claims("6", said).empty


def test_a_first_round_of_three_months_spelled_out_is_one_round(fy2567: MessageParser) -> None:
    parsed = fy2567.parse("ตช สาม สรุปผลความพึงพอใจรอบสามเดือนแรกเสร็จแล้วครับ", date(2024, 2, 15))
    assert parsed.first is not None and parsed.first.indicator == "3"
    assert parsed.first.claims is None or parsed.first.claims.empty


def test_directives_passed_on_and_the_calendar_made_known_in_staff_words(
    fy2567: MessageParser, fy2565: MessageParser
) -> None:
    status = "ตช.6 สัญจรชุมชน\n✅ ลงพื้นที่ชุมชนครบ 50 เขต\n✅ แจ้งหน่วยงานตามข้อสั่งการ (หนังสือ 50 ฉบับ)\n⏳ Infographic"
    assert set(fy2567.item_matcher.claims("6", status).proposed) == {"step-1", "step-2"}
    said = "ปฏิทินเรียนเชิญผู้ว่าฯ บนเว็บสำนักงานทำเสร็จใช้ได้แล้วค่ะ แล้วก็ทำหนังสือเวียนบอกทุกสำนัก/เขตว่ามีปฏิทินนี้ ส่งไปแล้ว"
    assert set(fy2567.item_matcher.claims("3", said).proposed) == {"step-1", "step-2"}
    sent = "ส่งแบบสอบถามถึงเจ้าหน้าที่ฝ่ายประชุมทั้ง 12 คณะแล้ว และสรุปผลที่ได้กลับมาเสร็จ"
    assert set(fy2565.item_matcher.claims("K3", sent).proposed) == {"step-3", "step-3 (ซ้ำ)"}


def test_a_level_not_done_opening_its_clause_and_the_districts_told(fy2565: MessageParser) -> None:
    said = "ตช.1 อยู่ระดับ 4 แล้วนะคะ ส่วนระดับ 5 แจ้งผลเขตกับขึ้นเว็บไซต์ ยังไม่ได้ทำค่ะ รอผลจากกรรมการสามัญก่อน"
    claims = fy2565.item_matcher.claims("K1", said)
    assert claims.proposed == ("1", "2", "3", "4") and claims.proposed_undone == ("5",)
    status = (
        "อัพเดต K1 ค่ะ\n✅ วิเคราะห์ความคิดเห็น ทำเอกสารตามภารกิจ คกก.สามัญแล้ว\n"
        "❌ นำเสนอ กก.กิจการสภา + นำเรียนประธานสภา\n❌ แจ้งผลให้เขต / ลงเว็บ"
    )
    assert fy2565.item_matcher.claims("K1", status).proposed_undone == ("4", "5")


def test_one_round_of_two_told_after_the_report_holds_it_back(fy2567: MessageParser) -> None:
    said = "ตช.4 สรุปภาพรวมการลงพื้นที่ตรวจสอบข้อเท็จจริง Traffy พร้อมปัญหาอุปสรรคข้อเสนอแนะ นำเรียนผู้บริหารแล้ว เป็นครั้งที่ 1 จาก 2 ครั้ง"
    assert fy2567.item_matcher.claims("4", said).empty
    meeting = fy2567.item_matcher.claims("4", "สรุปรายงานภาพรวม ปัญหา อุปสรรค เสนอผู้บริหาร กทม. แล้ว ครั้งที่ 2/2567")
    assert meeting.proposed == ("central-report",)
    collected = "ตช.4 เขตส่งรายงานผลการแก้ไขเรื่องร้องเรียนรายเขตครบ 50 เขตแล้ว รวบรวมเสนอผู้บริหาร กทม. ทราบเรียบร้อย"
    assert fy2567.item_matcher.claims("4", collected).proposed == ("district-report",)


def test_a_letter_asking_for_the_system_is_the_asking_not_the_circular_to_users(fy2565: MessageParser) -> None:
    said = "K3 คณะทำงานวิเคราะห์กระบวนงาน แล้วออกแบบระบบเสร็จแล้ว ทำหนังสือประสาน สยป. ให้ช่วยจัดทำระบบแล้วครับ"
    assert fy2565.item_matcher.claims("K3", said).proposed == ("step-5", "step-6")


def test_an_innovation_used_by_some_groups_or_since_a_day_is_put_to_use(fy2565: MessageParser) -> None:
    """ "Used in real" without "นำ…ไป" still names the use item, a part of a whole after it is how widely
    it is used (used by some is used), and "เริ่มใช้จริง… ตั้งแต่ 15 มิ.ย." is done though no "แล้ว" says so."""
    plain = "อินโนเวชั่น ให้คนในสำนักงานใช้จริงแล้วตั้งแต่ ก.ค. ส่วนแบบฟอร์ม 5 ยังไม่ได้ทำค่ะ"
    claims = fy2565.item_matcher.claims("4", plain)
    assert claims.proposed == ("s3-2.1",) and claims.proposed_undone == ("s3-2.2",)
    some = "อินโนเวชั่นค่ะ ผลผลิตนวัตกรรมออกมาแล้ว 1 ชิ้น เอาไปใช้จริงแล้ว 3 จาก 5 กลุ่มงาน"
    assert set(fy2565.item_matcher.claims("4", some).proposed) == {"s3-1.1", "s3-2.1"}
    since = "นวัตกรรม ผลผลิต 1 ชิ้นทำเสร็จแล้ว และเริ่มใช้จริงในการประชุมสภา กทม. สมัยสามัญที่ 2 ตั้งแต่ 15 มิ.ย. 65 ค่ะ"
    assert set(fy2565.item_matcher.claims("4", since).proposed) == {"s3-1.1", "s3-2.1"}


def test_to_whom_a_circular_went_is_not_a_second_item(fy2562: MessageParser) -> None:
    """Step 1 of ก.1 is the circular of the schedule and criteria; step 4 is the results sent "ให้ทุก
    หน่วยงานทราบ". The circular sent to every unit names step 1 alone; the results sent to them, step 4."""
    circular = "ศูนย์ข้อมูลข่าวสาร 72 ศูนย์: เวียนแจ้งกำหนดการและเกณฑ์การตรวจให้ทุกหน่วยงานทราบแล้วค่ะ (ต.ค. 61)"
    assert fy2562.item_matcher.claims("ก.1", circular).proposed == ("step-1",)
    results = "ก.1 แจ้งผลการตรวจติดตามรอบ ม.ค. และ พ.ค. ให้ทุกหน่วยงานทราบครบทั้ง 2 รอบแล้วค่ะ"
    assert fy2562.item_matcher.claims("ก.1", results).proposed == ("step-4",)


def test_a_part_waiting_for_a_date_is_neither_done_nor_said_not_done(fy2565: MessageParser) -> None:
    said = "นวัตกรรม ส่วนที่ 1 ครบแล้วนะคะ ส่วนที่ 2 ยังรอคณะกรรมการพัฒนานวัตกรรม กทม. นัดกลั่นกรอง ยังไม่มีกำหนดค่ะ"
    claims = fy2565.item_matcher.claims("4", said)
    assert set(claims.done) == {"s1-1", "s1-2"} and claims.undone == () and claims.proposed_undone == ()


def test_a_step_sent_back_is_not_done_and_said_so_it_is_taken_back(fy2567: MessageParser) -> None:
    said = (
        "KPI 2 ขั้นตอนที่ 3 นำเข้าข้อมูลเข้าระบบครบทั้ง ๑๒ โครงการแล้วครับ แต่ขั้นตอนที่ 4 ที่สรุปนำเรียนท่านรองฯ ไปแล้ว"
        " ท่านตีกลับให้แยกปัญหาอุปสรรครายโครงการ ถือว่ายังไม่เสร็จนะครับ"
    )
    claims = fy2567.item_matcher.claims("2", said)
    assert claims.done == ("step-3",) and claims.undone == ("step-4",)
    fixed = "ตช.4 รายงานรายเขตเสนอผู้บริหารเรียบร้อยแล้ว รายเขตที่ตีกลับไปรอบก่อนแก้ส่งครบแล้วค่ะ"
    assert fy2567.item_matcher.claims("4", fixed).proposed == ("district-report",)


def test_waiting_on_a_person_put_off_or_a_bidding_cancelled_is_neither_done_nor_undone(
    fy2562: MessageParser, fy2565: MessageParser
) -> None:
    """ "รอท่านปลัดฯ อนุมัติจ้าง" waits for the approval its words name; "เสนอ…ไม่ทัน … เลื่อนไป" puts a
    level off; "ยกเลิกการประกวดราคา" cancels the bidding, not an earlier report."""
    waiting = "ก.2 ขออนุมัติเงินประจำงวดผ่านแล้วค่ะ อนุมัติเมื่อ 12 มี.ค. 62 ตอนนี้รอท่านปลัดฯ อนุมัติจ้างและลงนามสัญญา"
    assert fy2562.item_matcher.claims("ก.2", waiting).proposed == ("step-3",)
    put_off = "K1 ตอนนี้อยู่ระดับ 3 ค่ะ ส่วนระดับ 4 เสนอ กก.กิจการสภาไม่ทันค่ะ วาระเต็ม เลื่อนไปประชุมครั้งหน้า 14 มี.ค."
    claims = fy2565.item_matcher.claims("K1", put_off)
    assert claims.proposed == ("1", "2", "3") and claims.claimed == 3
    cancelled = (
        "สารบรรณอิเล็กทรอนิกส์: แผน/ขอบเขตงาน อนุมัติเผยแพร่แล้วค่ะ ส่วน e-bidding ประกาศไปแล้วแต่ไม่มีรายไหนผ่าน"
        "คุณสมบัติ ต้องยกเลิกการประกวดราคา จะประกาศใหม่ต้น มี.ค."
    )
    claims = fy2562.item_matcher.claims("ก.2", cancelled)
    assert claims.proposed == ("step-1",) and claims.proposed_undone == ()


def test_the_words_of_a_level_stated_name_no_milestone_above_it(fy2565: MessageParser) -> None:
    said = (
        "ผลการดำเนินงานตัวชี้วัดที่ ๑ อยู่ที่ระดับ ๓ (ร้อยละ ๘๐ ตามเกณฑ์) โดยกลุ่มงานประชุมสภาและกรรมการวิสามัญได้"
        "ตรวจสอบและวิเคราะห์ความคิดเห็นของประชาชนที่ได้รับ และจัดทำเอกสารแยกตามกลุ่มภารกิจของคณะกรรมการสามัญทั้ง ๑๒ คณะ"
        "เรียบร้อยแล้ว"
    )
    assert fy2565.item_matcher.claims("K1", said).proposed == ("1", "2", "3")


def test_another_group_s_system_said_not_ours_does_not_take_the_report(fy2565: MessageParser) -> None:
    said = (
        "ตามที่พี่ฝ่ายแผนทวงค่ะ ตช.3 ใช้งานระบบนัดประชุมกรรมการสามัญจริงแล้วตั้งแต่ พ.ค. ค่ะ ส่วนระบบติดตามญัตติของ"
        "กลุ่มงานญัตติฯ เขายังทดสอบอยู่นะคะ อันนั้นไม่ใช่ของเรา"
    )
    (item,) = fy2565.parse(said, date(2022, 6, 10)).items
    assert item.indicator == "K3" and item.claims.proposed == ("use-system",)


def test_the_office_that_builds_the_system_named_as_doing_it_is_not_the_step_of_asking_it(
    fy2565: MessageParser,
) -> None:
    """K2's step 6 is "ประสานฝ่ายบริหารงานทั่วไปเพื่อจัดทำระบบฯ": the office tested with, or building, is not
    the asking; the asking said ("ส่งแบบ…ให้ฝ่ายบริหารงานทั่วไป", "coordinate กับ สยป.") still is."""
    tested = "ตช.2 ทดสอบระบบร่วมกับฝ่ายบริหารงานทั่วไปเมื่อวันที่ 28 ก.พ. 2565 เรียบร้อย ไม่พบข้อผิดพลาด"
    assert fy2565.item_matcher.claims("K2", tested).proposed == ("step-7",)
    asked = "K3 coordinate กับ สยป. เรื่องทำระบบเรียบร้อยแล้ว ส่ง requirement ไปแล้ว"
    assert fy2565.item_matcher.claims("K3", asked).proposed == ("step-6",)


def test_a_thing_done_on_a_day_gone_by_is_done_and_a_system_live_since_a_day_is_in_use(
    fy2565: MessageParser,
) -> None:
    letter = "ระบบติดตามญัตติ ทดสอบผ่านแล้วค้า ส่งหนังสือแจ้ง ส.ก. เรื่องเปิดใช้ระบบเมื่อ 1 มี.ค. (กท 0002/588)"
    assert set(fy2565.item_matcher.claims("K2", letter).proposed) == {"step-7", "step-8"}
    live = "ตช.2 go-live ระบบจริงตั้งแต่ 1 มี.ค. ครับ ทำหนังสือแจ้ง ส.ก. เรื่องเปิดใช้ระบบไปแล้ว"
    assert set(fy2565.item_matcher.claims("K2", live).proposed) == {"step-8", "use-system"}
    meeting = "ตัวชี้วัดที่ 1 กก.กิจการสภาเห็นชอบแนวทางกับประเด็นแล้วค่ะ ในการประชุมเมื่อ 14 ม.ค.65 (ประเด็นน้ำท่วมขัง)"
    assert fy2565.item_matcher.claims("K1", meeting).proposed == ("1",)


def test_of_steps_that_fit_alike_the_one_whose_opening_action_is_said_is_named(fy2567: MessageParser) -> None:
    """KPI 2's step 3 "นำเข้าข้อมูลการรายงานผลโครงการ…" and step 5 "…จัดเก็บรายงานผลในระบบสารสนเทศ" share
    their words; the data put into the system opens step 3. An opening word alone names nothing, nor does
    a later summary ("…แล้วค่อยสรุป")."""
    said = "แทนพี่ต้อมนะครับ ตช.2 ข้อมูลรายงานผลของ 12 โครงการนำเข้าระบบครบทุกโครงการแล้วครับ"
    assert fy2567.item_matcher.claims("2", said).proposed == ("step-3",)
    later = "ตช.3 ตอนนี้มีหน่วยงานตอบแบบสอบถามความพึงพอใจมาแล้ว 57 หน่วยงาน จะเก็บถึงสิ้น มี.ค. แล้วค่อยสรุปค่ะ"
    assert fy2567.item_matcher.claims("3", later).empty


def test_what_falls_short_is_what_was_told_just_before_and_a_use_told_plainly(
    fy2565: MessageParser, fy2567: MessageParser
) -> None:
    """ "ที่เหลือรอ…" holds back the statement right before it (the directives sent), not the visits told
    two statements earlier, nor an item when the shortfall names another; "นวัตกรรมนำไปใช้แล้ว" is the use."""
    visits = "ผู้ว่าฯ สัญจรชุมชน ลงพื้นที่ชุมชนครบ 50 เขตแล้วค่ะ ข้อสั่งการ 214 ข้อ แจ้งหน่วยงานไปแล้ว 190 ข้อ ที่เหลือรอรองปลัดฯ ลงนามหนังสือ"
    assert fy2567.item_matcher.claims("6", visits).proposed == ("step-1",)
    used = fy2565.item_matcher.claims("4", "นวัตกรรมนำไปใช้แล้ว✅ ติดตามผล(แบบฟอร์ม5) ⏳")
    assert used.proposed == ("s3-2.1",)


def test_an_innovation_from_the_data_sets_is_one_platform_s_item_not_the_innovation_indicator(
    fy2565: MessageParser,
) -> None:
    said = "นำเข้าข้อมูลในชุดข้อมูลเริ่มตั้งแต่ 18 เม.ย. ครบทั้ง 12 ชุดแล้วค่ะ ส่วนนวัตกรรมจากชุดข้อมูลยังไม่ได้เริ่มเลยค่ะ ❌"
    (item,) = fy2565.parse(said, date(2022, 5, 10)).items
    assert item.indicator == "5.2"
    innovation = "นวัตกรรม ส่วนที่ 1 ค้นหาแนวคิดและคัดเลือกแนวคิดเสร็จแล้ว"
    (item,) = fy2565.parse(innovation, date(2022, 5, 10)).items
    assert item.indicator == "4"


def test_a_short_step_is_named_by_its_action_not_by_letters_another_word_shares(fy2565: MessageParser) -> None:
    """ "ส่งมอบระบบ" holds the letters of "…สอบระบบ" (step 7 "ทดสอบระบบ"); handing over the system is no test."""
    said = "ทีม IT ส่งมอบระบบให้กลุ่มงานญัตติฯ เมื่อ 15 ก.พ. 65 ค่ะ"
    assert "step-7" not in fy2565.item_matcher.claims("K2", said).proposed
    assert fy2565.item_matcher.claims("K2", "K2 ทดสอบระบบเสร็จแล้วค่ะ").proposed == ("step-7",)


def test_a_step_named_as_the_source_of_the_work_is_not_said_done(fy2567: MessageParser) -> None:
    """ "ทำ Infographic จากสถิติขั้นที่ 4 เผยแพร่แล้ว": step 4's statistics are what the infographic
    (step 5) is made from; the number tells where from, not what is finished."""
    said = "ผู้ว่าฯสัญจรชุมชน ครับ ทำ Infographic จากสถิติขั้นที่ 4 เผยแพร่ทางเว็บ + Facebook สำนักงานแล้วครับ (12 ก.ย. 67)"
    claims = fy2567.item_matcher.claims("6", said)
    assert "step-4" not in claims.done and "step-4" not in claims.proposed
    assert fy2567.item_matcher.claims("6", "ตช.6 ขั้นที่ 4 จัดทำสถิติเสร็จแล้วครับ").done == ("step-4",)


def test_a_count_of_rounds_belongs_to_the_step_repeated_that_many_times(fy2562: MessageParser) -> None:
    """ก.1 checks every month (six rounds) and reports to the units in ม.ค. and พ.ค.: "ครบ 6 ครั้ง" completes
    the checks, not the report of which only the January round has gone."""
    said = "ก.๑ ตรวจติดตามครบ ๖ ครั้งแล้วค่ะ (ธ.ค.๖๑–พ.ค.๖๒) รายงานผลให้หน่วยงานทราบ รอบ ม.ค. ส่งแล้ว รอบ พ.ค. กำลังทำ"
    assert set(fy2562.item_matcher.claims("ก.1", said).proposed) == {"step-3"}
    last = "ก.1 ตรวจติดตามครบ 6 ครั้งแล้ว (ธ.ค.61–พ.ค.62) และแจ้งผลการตรวจให้ทุกหน่วยงานทราบรอบ พ.ค. แล้วค่ะ"
    assert set(fy2562.item_matcher.claims("ก.1", last).proposed) == {"step-3", "step-4"}


def test_items_counted_from_either_end_of_the_plan_s_order(fy2565: MessageParser, fy2567: MessageParser) -> None:
    """ "สองขั้นแรก", "4 ขั้นแรก", "ขั้นสุดท้าย", "ทุกขั้นยกเว้นขั้นสุดท้าย" name steps as surely as their
    numbers do; the last is the table's last step (K2's is step 10, KPI 6's step 5)."""
    first = fy2565.item_matcher.claims("K2", "ตช.2 ติดตามญัตติ ทำไปแล้ว 4 ขั้นแรกค่ะ")
    assert set(first.done) | set(first.proposed) == {"step-1", "step-2", "step-3", "step-4"}
    spelled = fy2565.item_matcher.claims("K2", "ระบบติดตามญัตติ สองขั้นแรกเรียบร้อยครับ")
    assert set(spelled.done) | set(spelled.proposed) == {"step-1", "step-2"}
    half = fy2565.item_matcher.claims("K2", "ระบบติดตามญัตติ ครึ่งแรกของขั้นตอนเสร็จแล้วครับ 5 จาก 10 ขั้น")
    assert set(half.done) | set(half.proposed) == {f"step-{n}" for n in range(1, 6)}
    last = fy2565.item_matcher.claims("K2", "ตช.2 ขั้นสุดท้ายเสร็จแล้วค่ะ")
    assert set(last.done) | set(last.proposed) == {"step-10"}
    but_last = fy2567.item_matcher.claims("6", "ตช.6 ทำครบทุกขั้นยกเว้นขั้นสุดท้ายค่ะ infographic ลงเว็บ/FB ยังไม่ได้ทำ")
    assert set(but_last.done) | set(but_last.proposed) == {"step-1", "step-2", "step-3", "step-4"}
    assert set(but_last.undone) | set(but_last.proposed_undone) == {"step-5"}


def test_work_told_as_happening_yesterday_is_done(fy2565: MessageParser) -> None:
    said = "ตช.3 สรุปข้อมูลจากแบบสอบถามเสร็จแล้ว และประชุมคณะทำงานแจ้งผลแบบสอบถามไปเมื่อวานค่ะ"
    claims = fy2565.item_matcher.claims("K3", said)
    assert set(claims.done) | set(claims.proposed) == {"step-3 (ซ้ำ)", "step-4"}
    earlier = fy2565.item_matcher.claims("K1", "ขอแก้ไขครับ K1 ที่รายงานไปเมื่อวาน ผลสะสมต้องเป็น 50% ไม่ใช่ 60% ครับ")
    assert earlier.empty  # what was reported yesterday is put right, not done


def test_marks_standing_before_their_items_mark_those_items(fy2565: MessageParser) -> None:
    """A status line that puts each mark before its item: the cross is the test's, not the design's."""
    claims = fy2565.item_matcher.claims(
        "K3", "ตช.3 สถานะค่ะ ✅ คณะทำงานวิเคราะห์กระบวนงาน+ออกแบบระบบ ❌ ทดสอบระบบ (สยป.ยังทำระบบไม่เสร็จ)"
    )
    assert set(claims.done) | set(claims.proposed) == {"step-5"}
    assert set(claims.undone) | set(claims.proposed_undone) == {"step-7"}
    after = fy2565.item_matcher.claims("K1", "ตช.1 ขั้น 1 ✅ ขั้น 2 ✅ ขั้น 3 ⏳ รอวิเคราะห์ข้อมูลให้ครบก่อนค่ะ")
    assert set(after.done) == {"1", "2"}  # marks after their items, as most lines put them


def test_points_put_right_beside_the_item_that_made_them_wrong_are_its_items(fy2565: MessageParser) -> None:
    said = "ฐานข้อมูล One Platform ขอแก้ค่ะ ที่แจ้งว่าได้ 75 คะแนน ที่ถูกคือ 55 นะคะ ข้อ 4 นำเข้าข้อมูลยังไม่ครบ"
    parsed = fy2565.parse(said, date(2022, 2, 15))
    claims = parsed.first.claims if parsed.first is not None else None
    assert claims is not None and claims.claim == "points"
    assert set(claims.proposed) == {"1", "2", "3"} and set(claims.undone) | set(claims.proposed_undone) == {"4"}


def test_a_question_quoted_before_its_answer_is_not_asked_again(fy2567: MessageParser) -> None:
    said = "ที่ถามเมื่อวานว่าสรุปความพึงพอใจปฏิทินฯ ครบหรือยัง ครบทุกรอบ 3 เดือนแล้วค่ะ รอบสุดท้ายสรุปเสร็จ 5 ก.ย. 67"
    parsed = fy2567.parse(said, date(2024, 9, 6))
    assert parsed.intent == "report"
    assert parsed.first is not None and set(parsed.first.claims.proposed) == {"step-3.5"}


def test_a_series_said_complete_on_monday_and_taken_back_is_the_series(fy2562: MessageParser) -> None:
    """The day named and the telling ("เมื่อวันจันทร์แจ้งว่า") are not the words of an item: the monthly
    checks said complete are what is taken back, not the report to the units."""
    said = "ศูนย์ข้อมูลข่าวสาร ขอแก้ค่ะ เมื่อวันจันทร์แจ้งว่าตรวจติดตามครบ 6 ครั้ง ที่ถูกคือ 5 ครั้ง รอบ พ.ค. ยังไม่ได้ตรวจค่ะ"
    claims = fy2562.item_matcher.claims("ก.1", said)
    assert set(claims.undone) | set(claims.proposed_undone) == {"step-3"}
    assert not claims.done and not claims.proposed


def test_one_round_across_every_unit_the_one_left_and_work_since_a_day(
    fy2562: MessageParser, fy2565: MessageParser
) -> None:
    """ "ครบ 72 ศูนย์" in the December round is every centre checked once, not every round; "ที่เหลืออีก
    ข้อเดียว" opens the step said done; "ทำระบบไปตั้งแต่ 3 ธ.ค." is the coordination done on that day."""
    one_round = fy2562.item_matcher.claims("ก.1", "ก.1 ตรวจติดตามรอบเดือน ธ.ค. 61 ครบ 72 ศูนย์แล้วค่ะ")
    assert one_round.empty
    left = fy2562.item_matcher.claims("ก.1", "ก.1 ที่เหลืออีกข้อเดียว ประเมินผลการนำเข้าข้อมูลของทุกหน่วยงาน เสร็จแล้วค่ะ ก.ค. 62")
    assert set(left.done) | set(left.proposed) == {"step-5"}
    since = fy2565.item_matcher.claims("K3", "ตช.3 ประสาน สยป. ทำระบบไปตั้งแต่ 3 ธ.ค. (กท 1602/1234) ครับ")
    assert set(since.done) | set(since.proposed) == {"step-6"}


def test_the_steps_listed_after_a_count_of_steps_done_are_done(fy2562: MessageParser) -> None:
    said = "สารบรรณอิเล็กทรอนิกส์ ทำได้ 3 ใน 6 ขั้นแล้วค่ะ อนุมัติเผยแพร่แผน TOR / e-bidding / ขออนุมัติเงินประจำงวด"
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert set(claims.done) | set(claims.proposed) == {"step-1", "step-2", "step-3"}


def test_a_summary_put_before_the_deputy_governor_is_the_summary_step(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("2", "12โครงการ นำเข้าข้อมูลในระบบแล้ว สรุปเสนอรองผู้ว่าฯ ยังไม่ได้ทำค่ะ")
    assert set(claims.proposed) == {"step-3"} and set(claims.proposed_undone) == {"step-4"}


def test_one_platform_shortened_to_op_is_named(fy2565: MessageParser) -> None:
    parsed = fy2565.parse("OP ได้ 35 คะแนนแล้วค่ะ", date(2022, 2, 15))
    assert parsed.first is not None and parsed.first.indicator == "5.2"
    assert set(parsed.first.claims.proposed) == {"1", "2"}


def test_an_item_named_in_one_clause_of_a_long_correction_names_its_indicator(fy2567: MessageParser) -> None:
    said = (
        "ขอแก้ไขรายงานเมื่อวานครับ ขั้นตอนที่ 2 คัดเลือกโครงการ ยังไม่เสร็จนะครับ ท่านรองฯ ท่านหนึ่งขอเปลี่ยนโครงการ 1 ตัว"
        " ตอนนี้ยืนยันมาแล้ว 11 โครงการ รออีก 1 ครับ"
    )
    parsed = fy2567.parse(said, date(2024, 2, 15))
    assert parsed.first is not None and parsed.first.indicator == "2"
    claims = parsed.first.claims
    assert set(claims.proposed_undone) == {"step-2"} and not claims.undone  # the indicator was guessed: a tap


def test_asking_for_approval_or_a_signature_is_not_having_it(fy2562: MessageParser) -> None:
    """ "ขออนุมัติเงินประจำงวด" is step 3's own name: said as what comes next, it is not done."""
    for said in (
        "e-bidding ระบบสารบรรณฯ ปิดแล้ว ได้ผู้ชนะแล้วครับ ตอนนี้รอขออนุมัติเงินประจำงวด",
        "ก.2 ประกวดราคาอิเล็กทรอนิกส์เสร็จสิ้นแล้วครับ ได้ผู้ชนะการเสนอราคาแล้ว ต่อไปขออนุมัติเงินประจำงวด",
    ):
        claims = fy2562.item_matcher.claims("ก.2", said)
        assert set(claims.done) | set(claims.proposed) == {"step-2"}, said


def test_a_letter_drafted_and_kept_is_not_sent(fy2565: MessageParser) -> None:
    said = "ข้อมูลความต้องการจากประชาชน: ขั้นสุดท้ายจะทำหนังสือแจ้งผลให้ 50 เขต ภายใน ส.ค. นี้ครับ ร่างหนังสือไว้แล้ว รอเสนอลงนาม"
    assert fy2565.item_matcher.claims("K1", said).empty


def test_analysis_and_design_done_while_the_system_is_being_built_are_the_step(fy2565: MessageParser) -> None:
    said = "ตช.2 ติดตามญัตติ: วิเคราะห์กระบวนงาน+ออกแบบระบบ เสร็จแล้วค่ะ ตอนนี้ ฝบท. กำลังพัฒนาระบบอยู่"
    claims = fy2565.item_matcher.claims("K2", said)
    assert set(claims.done) | set(claims.proposed) == {"step-5"}  # not design-system: the system is not built yet


def test_the_letter_telling_councillors_the_system_is_open_is_not_the_system_in_use(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K2", "ทำหนังสือแจ้งท่าน ส.ก. ว่าเปิดใช้ได้แล้ว ส่งออกไปวันนี้ค่ะ")
    assert set(claims.proposed) == {"step-8"}


def test_every_item_but_the_last_of_a_checklist_without_numbers(fy2565: MessageParser) -> None:
    said = "นวัตกรรมสภาฯ ทำครบทุกข้อยกเว้นข้อสุดท้ายค่ะ ติดตามผลการนำนวัตกรรมไปใช้ (แบบฟอร์ม 5) ยังไม่ได้ทำ"
    claims = fy2565.item_matcher.claims("4", said)
    assert set(claims.proposed) == {"s1-1", "s1-2", "s2", "s3-1.1", "s3-1.2", "s3-2.1"} and not claims.done
    assert set(claims.undone) | set(claims.proposed_undone) == {"s3-2.2"}


def test_sub_steps_listed_a_line_each_by_their_numbers(fy2567: MessageParser) -> None:
    said = "ตอบบอทนะคะ ตช.3\n3.1 ลงทะเบียนรับหนังสือเชิญ ✅\n3.4 ลงผลพิจารณาครั้งที่ 2 ⏳\n3.5 ความพึงพอใจ ❌"
    claims = fy2567.item_matcher.claims("3", said)
    assert set(claims.done) == {"step-3.1"} and set(claims.undone) == {"step-3.5"}


def test_a_latin_alias_typed_with_a_slip_still_names_its_indicator(fy2565: MessageParser) -> None:
    said = "One Platfrom ข้อ 4 นำเข้าครบ 12 ชุดแล้ว อัปเดตตามรอบทุกเดือน / ข้อ 5 นวัตกรรมจากชุดข้อมูล ยังไม่ได้ทำเลยค่ะ"
    parsed = fy2565.parse(said, date(2022, 2, 15))
    assert parsed.first is not None and parsed.first.indicator == "5.2"
    assert set(parsed.first.claims.done) == {"4"} and set(parsed.first.claims.undone) == {"5"}
    other = fy2565.parse("Platinum ข้อ 4 เสร็จแล้วค่ะ", date(2022, 2, 15))  # too far from "One Platform"
    assert other.first is None or other.first.indicator != "5.2"


def test_lines_numbering_items_after_a_part_s_item_are_that_part_s(fy2565: MessageParser) -> None:
    said = (
        "Innovation update ส.ค. 65\nส่วนที่ 3 ข้อ 1.1 ผลผลิต : ระบบจองห้องผ่าน QR เสร็จ 1 ชิ้น ✔️\n"
        "ข้อ 2.1 นำไปใช้จริงในสำนักงานแล้วตั้งแต่ 1 มิ.ย. ✔️\nข้อ 2.2 แบบฟอร์ม 5 ติดตามผลการใช้ประโยชน์ ยังไม่ได้ทำเลยค่ะ"
    )
    claims = fy2565.item_matcher.claims("4", said)
    assert set(claims.done) | set(claims.proposed) == {"s3-1.1", "s3-2.1"}
    assert set(claims.undone) == {"s3-2.2"}


def test_item_n_of_a_checklist_named_by_its_words_is_not_indicator_n(fy2565: MessageParser) -> None:
    """ "ข้อ 3" would be K3's number; beside One Platform's item 3 in its own words it is that item's."""
    said = "แก้ไขค่ะ ข้อ 3 ที่ติ๊กไปเมื่อวาน ยังไม่เสร็จนะคะ ทำ data dictionary ยังไม่ครบ cleansing ก็ยังค้าง"
    parsed = fy2565.parse(said, date(2022, 2, 15))
    assert parsed.first is not None and parsed.first.indicator == "5.2"
    assert set(parsed.first.claims.undone) | set(parsed.first.claims.proposed_undone) == {"3"}


def test_the_step_said_not_to_be_meant_is_not_done(fy2565: MessageParser, fy2562: MessageParser) -> None:
    """ "ที่เสร็จคือขั้นตอนที่ 6 … ไม่ใช่ขั้นตอนที่ 7": the step put right is done, the one it replaces is not."""
    said = "ขอแก้ไขค่ะ ตช.2 เมื่อวานพิมพ์ผิด ที่เสร็จคือขั้นตอนที่ 6 ประสาน ฝบท. ไม่ใช่ขั้นตอนที่ 7 นะคะ ทดสอบระบบยังไม่เสร็จค่ะ"
    claims = fy2565.item_matcher.claims("K2", said)
    assert set(claims.done) == {"step-6"} and set(claims.undone) | set(claims.proposed_undone) == {"step-7"}
    other = "เมื่อวานพิมพ์ผิดค่ะ สารบรรณฯ ที่เสร็จคือขั้นตอนที่ 2 ประกวดราคา ไม่ใช่ขั้นตอนที่ 4 ยังไม่ได้ลงนามสัญญาค่ะ"
    claims = fy2562.item_matcher.claims("ก.2", other)
    assert "step-4" not in claims.done and "step-4" in set(claims.undone) | set(claims.proposed_undone)


def test_an_item_begun_and_not_yet_complete_is_under_way_not_undone(fy2565: MessageParser) -> None:
    said = "ข้อ 4 นำเข้าข้อมูลเริ่มแล้วตั้งแต่ เม.ย. แต่ยังปรับปรุงไม่ครบทุกชุดค่ะ"
    assert fy2565.item_matcher.claims("5.2", said).empty


def test_forms_that_came_back_went_out(fy2565: MessageParser) -> None:
    """ "ได้กลับมา 30 ชุด", "ตอบกลับ 20 ราย": answers came back, so the questionnaire was sent out; a paper
    "ส่งช้า" in the same message is a problem told, not the sending."""
    back = fy2565.item_matcher.claims("K3", "ตช.3 แจกแบบสอบถามให้ 12 คณะ 40 ชุด ได้กลับมา 30 ชุด สรุปผลเรียบร้อยค่ะ")
    assert set(back.proposed) == {"step-3", "step-3 (ซ้ำ)"}
    answered = fy2565.item_matcher.claims("K3", "ตช.3 แบบสอบถามที่เวียนให้ทุกคณะ ตอบกลับ 20 ราย ครับ")
    assert answered.proposed == ("step-3",)
    late = fy2565.item_matcher.claims("K3", "ตช.3 สรุปข้อมูลจากแบบสอบถามแล้วค่ะ ตอบกลับ 30/40 ชุด ส่วนใหญ่บ่นว่าเอกสารประชุมส่งช้า")
    assert late.proposed == ("step-3 (ซ้ำ)",)


def test_directives_still_open_are_the_measure_not_the_follow_up_left_undone(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims(
        "6", "ตช.6 ติดตามหน่วยงานตามข้อสั่งการสัญจรชุมชนเดือนละครั้ง ครบ 12 ครั้งแล้วค่ะ ข้อสั่งการค้างเหลือ 9 ข้อ"
    )
    assert claims.proposed == ("step-3",)


def test_the_words_after_the_last_value_are_not_lost(fy2562: MessageParser) -> None:
    """A message cut into parts at its values: what follows the last value still tells its items."""
    said = "ติดตามประเมินผลสิ่งอำนวยความสะดวกเสร็จแล้ว ผู้ใช้ตอบแบบประเมิน 90 คน พึงพอใจ 85% และกำหนดแผนการดำเนินการปีงบ 63 แล้วครับ"
    parsed = fy2562.parse(said, date(2019, 2, 15))
    item = next(i for i in parsed.items if i.indicator == "ข.2")
    assert set(item.claims.done) | set(item.claims.proposed) == {"step-3", "step-4"}


def test_the_month_an_item_is_due_by_is_not_its_words(fy2565: MessageParser) -> None:
    """Item 4 of One Platform is due "ภายในเดือนเมษายน 2565": a plan for next month is not that item."""
    claims = fy2565.item_matcher.claims(
        "5.2",
        "One Platform นำเข้าข้อมูลครบ 10 ชุดแล้วครับ ส่วนข้อ 5 นวัตกรรมจากชุดข้อมูล ยังไม่ผ่านนะครับ ยังไม่มีผลงาน เดือนหน้าจะประชุมหาไอเดีย",
    )
    assert claims.undone == ("5",) and claims.proposed == ("4",) and not claims.proposed_undone


def test_what_is_left_to_come_holds_back_the_item_before(fy2565: MessageParser) -> None:
    for said in (
        "One Platform นำเข้าข้อมูลแล้ว 7 ชุด อีก 3 ชุดจะนำเข้าเดือนหน้าค่ะ",
        "One Platform นำเข้าข้อมูลไปแล้ว 7 จาก 10 ชุด ที่เหลือทยอยใส่ค่ะ",
    ):
        claims = fy2565.item_matcher.claims("5.2", said)
        assert "4" not in claims.proposed and "4" not in claims.done, said


def test_forms_gathered_back_went_out(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K2", "ตช.2 แบบสอบถามที่ส่งให้ ส.ก. เก็บกลับมาได้ 30 ชุด สรุปผลเรียบร้อยแล้วครับ")
    assert set(claims.proposed) == {"step-3", "step-4"}


def test_use_that_starts_next_month_is_to_come(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("K3", "ตช.3 หนังสือเวียนแจ้งผู้ใช้งานให้เข้าใช้ระบบออกแล้วครับ เดือนหน้าเริ่มใช้งานจริงทุกคณะ")
    assert claims.proposed == ("step-8",)


def test_the_office_that_owns_an_indicator_tells_apart_the_steps_two_print(fy2565: MessageParser) -> None:
    """K2 and K3 print the same analysis-and-design step; the reporter's own office (K2 is the
    กลุ่มงานญัตติและกระทู้'s) says which, for a tap."""
    work = (
        "ประชุมคณะทำงานเมื่อ 3 ก.พ. วิเคราะห์กระบวนงานและออกแบบระบบที่ต้องการเสร็จแล้วค่ะ"
        " ส่วนการพัฒนาระบบอยู่ระหว่างประสานฝ่ายบริหารงานทั่วไปค่ะ"
    )
    unowned = fy2565.parse(work, date(2022, 2, 15)).first
    assert unowned is not None and unowned.indicator != "K2" and set(unowned.candidates) == {"K2", "K3"}
    owned = fy2565.parse(f"กลุ่มงานญัตติฯ แจ้งค่ะ {work}", date(2022, 2, 15)).first
    assert owned is not None and owned.indicator == "K2" and owned.via == "item"
    assert not owned.claims.done and owned.claims.proposed == ("step-5",)


def test_the_five_questions_answered_tell_the_work_and_its_status(fy2562: MessageParser) -> None:
    """ "ทำอะไร: … / กับใคร: … / ที่ไหน: … / เมื่อไร: …" then "เรียบร้อยค่ะ": the work on the ทำอะไร line is said
    done by the closing line ("…แล้ว…" in the work is "and then"); the answers about who and where are
    no items."""
    said = (
        "สิ่งอำนวยความสะดวกค่ะ\n"
        "ทำอะไร: ลงพื้นที่ดูทางลาดกับห้องน้ำ แล้วติดตามประเมินผลการใช้งานจากผู้ใช้\n"
        "กับใคร: ส่วนบริหารกลาง + สำนักการโยธา\n"
        "ที่ไหน: ศาลาว่าการ กทม.\n"
        "เมื่อไร: ม.ค. 62\n"
        "เรียบร้อยค่ะ เดือนหน้าจะกำหนดแผนปีต่อไป"
    )
    assert fy2562.item_matcher.claims("ข.2", said).proposed == ("step-3",)
    going = said.replace("เรียบร้อยค่ะ เดือนหน้าจะกำหนดแผนปีต่อไป", "ยังทำอยู่ค่ะ คาดว่าเสร็จ มี.ค.")
    assert fy2562.item_matcher.claims("ข.2", going).empty


def test_a_part_each_for_several_indicators_named_by_code_or_alias(fy2565: MessageParser) -> None:
    """ "ตช.1 … / One Platform … / เบิกจ่าย … 48.75%": each part opens with the indicator it is about, by code
    or alias; its items and value are that indicator's alone."""
    said = (
        "ตช.1 ทำ Action Plan หัวหน้าเห็นชอบแล้ว แต่งตั้งคณะทำงานแล้วค่ะ / One Platform ข้อ 1 ผ่านแล้ว"
        " / เบิกจ่ายงบประมาณภาพรวมได้ 48.75% ค่ะ"
    )
    parsed = fy2565.parse(said, date(2022, 4, 5))
    by_code = {i.indicator: i for i in parsed.items}
    assert set(by_code) == {"K1", "5.2", "5.1"}
    assert set(by_code["K1"].claims.done) | set(by_code["K1"].claims.proposed) == {"step-1", "step-2"}
    assert by_code["5.2"].claims.done == ("1",)
    five_one = by_code["5.1"].value
    assert five_one is not None and five_one.value == 48.75 and by_code["5.1"].claims.empty


def test_an_indicator_s_lines_before_another_s_part_stay_its_own(fy2565: MessageParser) -> None:
    said = "สถานะ ตช.1 ค่ะ\nขั้นที่ 1 ✅\nขั้นที่ 2 ✅\n---\nตช.3 ทดสอบระบบแล้ว\nนวัตกรรม ได้ 20 คะแนน"
    parsed = fy2565.parse(said, date(2022, 4, 5))
    k1 = next(i for i in parsed.items if i.indicator == "K1")
    assert set(k1.claims.done) == {"1", "2"}
    assert all("1" not in i.claims.done for i in parsed.items if i.indicator != "K1")


def test_when_work_was_set_for_and_why_it_slipped_name_no_item(fy2562: MessageParser) -> None:
    """ "เดิมกำหนด ก.ค. เลื่อนเป็น ส.ค. เพราะเกณฑ์ยังไม่นิ่ง": the schedule and the reason are about the item
    said before, not step 1's "เวียนแจ้งกำหนดการตรวจและเกณฑ์"."""
    claims = fy2562.item_matcher.claims(
        "ก.1",
        "ศูนย์ข้อมูลข่าวสารฯ ครับ การประเมินผลการนำเข้าข้อมูลของทุกหน่วยงาน ยังไม่ได้ทำนะครับ"
        " เดิมกำหนด ก.ค. เลื่อนเป็นต้น ส.ค. เพราะเกณฑ์ประเมินยังไม่นิ่ง",
    )
    assert claims.proposed_undone == ("step-5",) and not claims.proposed


def test_a_reason_given_tells_no_action_done(fy2565: MessageParser) -> None:
    """ "…เพราะเกณฑ์เขียนว่าต้องพัฒนาระบบด้วย": developing the system is what the rubric asks, not work
    told; analysis and design alone are step 5, not the design-system condition."""
    claims = fy2565.item_matcher.claims(
        "K2",
        "ระบบติดตามญัตติ คณะทำงานประชุมแจ้งผลแบบสอบถาม วิเคราะห์กระบวนงานและออกแบบหน้าจอเสร็จแล้วครับ\n"
        "ส่วนการพัฒนาระบบอยู่ระหว่างประสานฝ่ายบริหารงานทั่วไป\n"
        "ขอตรวจสอบว่ายังไม่นับเป็นระดับ 1 ใช่ไหมครับ\nเพราะเกณฑ์เขียนว่าต้องพัฒนาระบบด้วย",
    )
    assert claims.proposed == ("step-5",)


def test_a_success_rate_is_the_measure_not_work_said_done(fy2567: MessageParser) -> None:
    """ "ผลสำเร็จสะสม 84%": the indicator's success so far, not the monthly follow-up said done."""
    claims = fy2567.item_matcher.claims(
        "6", "ตช.6 ลงพื้นที่ชุมชนครบ 50 เขตแล้ว ✔\n- ติดตามหน่วยงานทุกเดือนตามปกติ ผลสำเร็จสะสม 84%"
    )
    assert claims.proposed == ("step-1",)
    left = fy2567.item_matcher.claims(
        "5", "สัญจรเขต ติดตามหน่วยงานเดือนละครั้ง ครบทั้ง 12 รอบแล้วค่ะ ผลสำเร็จ 87% เหลือ 4 ข้อสั่งการที่ติดงบ"
    )
    assert left.proposed == ("step-3",)


def test_a_slot_booked_or_a_trial_run_is_not_the_item_done(fy2565: MessageParser, fy2562: MessageParser) -> None:
    """ "ข้อ 2 … จองคิวแล้ว": the meeting is booked, not held; "ทดลองใช้…แล้ว / จะประเมินจริง…": a trial,
    the real step still to come. Both named by number, so a wrong reading would be marked without a tap."""
    booked = fy2565.item_matcher.claims(
        "5.2", "One Platform ข้อ 1 เสร็จแล้วครับ ข้อ 2 เสนอคณะกรรมการธรรมาภิบาลข้อมูล จองคิวแล้ว 3 ก.พ."
    )
    assert booked.done == ("1",)
    trial = fy2562.item_matcher.claims("ข.2", "ข.2 ขั้นตอนที่ 3 แบบประเมินทดลองใช้กับผู้สูงอายุ 8 คนแล้ว จะประเมินจริงเดือน ก.ย.")
    assert "step-3" not in trial.done and "step-3" not in trial.proposed


def test_a_step_named_after_a_take_back_is_not_taken_back_with_it(fy2562: MessageParser) -> None:
    claims = fy2562.item_matcher.claims(
        "ก.1",
        "ขอแก้ค่ะ ก.1 ขั้นตอนที่ 4 ยังไม่ครบ แจ้งผลให้หน่วยงานแค่รอบแรก ขอถอนไว้ก่อน ขั้นตอนที่ 5 ร่างแบบประเมินไว้แล้ว",
    )
    assert claims.undone == ("step-4",) and "step-5" not in claims.done


def test_district_offices_and_departments_told_are_the_units(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("6", "สัญจรชุมชน ข้อสั่งการทุกเรื่องแจ้งสำนักงานเขตกับสำนักที่เกี่ยวข้องไปครบแล้วค่ะ")
    assert claims.proposed == ("step-2",)


def test_work_still_being_reworked_is_not_done(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("6", "ตช.6 ทำ Dashboard สรุปผลส่งให้ ผอ. ดูแล้ว ยังแก้ตามข้อสังเกตอยู่ครับ")
    assert claims.proposed == () and claims.done == ()


def test_the_contractor_at_work_is_not_the_hiring(fy2562: MessageParser) -> None:
    """ "ผู้รับจ้าง" shares "จ้าง" with "ขออนุมัติจ้าง/ลงนามสัญญา"; the contractor starting work does not
    take back the contract signed just before."""
    claims = fy2562.item_matcher.claims(
        "ก.2", "ก.2 ลงนามสัญญาจ้างแล้ว 10 เม.ย. 62 ผู้รับจ้างเริ่มทำงานตามสัญญาแล้ว กำลังเก็บความต้องการผู้ใช้"
    )
    assert claims.proposed == ("step-4",)


def test_a_run_on_report_ending_in_a_question_on_evidence_is_a_report(fy2562: MessageParser) -> None:
    parsed = fy2562.parse(
        "สารบรรณอิเล็กทรอนิกส์ ลงนามสัญญาจ้างแล้ว 10 เม.ย. 62 ผู้รับจ้างเริ่มงานแล้ว ขอถามว่าต้องแนบสำเนาสัญญาด้วยไหมครับ",
        date(2019, 4, 20),
    )
    assert parsed.intent == "report" and parsed.first is not None and parsed.first.indicator == "ก.2"
    assert "step-4" in parsed.first.claims.proposed


def test_an_innovation_taken_into_real_use_for_a_task_is_put_to_use(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims(
        "4", "นวัตกรรมระบบยืมเอกสาร ชิ้นงานเสร็จแล้ว กลุ่มงานสารบรรณเอาไปใช้ยืมเอกสารจริงตั้งแต่ ส.ค."
    )
    assert "s3-2.1" in claims.proposed


def test_a_time_cut_from_one_length_to_another_is_not_what_is_left(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims(
        "4", "นวัตกรรมค่ะ วัดผลลัพธ์แล้ว ลดเวลาจัดเอกสารจาก 3 วันเหลือครึ่งวัน และนำไปใช้จริงในกลุ่มงานตั้งแต่ มิ.ย. แล้ว"
    )
    assert "s3-2.1" in claims.proposed


def test_a_deadline_within_a_month_is_not_within_the_fiscal_year(fy2565: MessageParser) -> None:
    """ "ภายใน ก.ย." is when something will be sent; "ภายในปีงบประมาณ" is part of item 2.1's text."""
    claims = fy2565.item_matcher.claims(
        "4", "นวัตกรรม นำไปใช้จริงในกลุ่มงานแล้วค่ะ ส่วนแบบฟอร์ม 5 ร่างไว้แล้ว จะส่ง สกก. ภายใน ก.ย."
    )
    assert claims.proposed == ("s3-2.1",)


def test_a_step_ending_in_the_report_to_the_executives_awaits_that_report(fy2567: MessageParser) -> None:
    """KPI 5's step 4 ends in the report to the executives: "รอนำเสนอผู้บริหาร" says it is not done yet,
    and takes nothing back either."""
    claims = fy2567.item_matcher.claims(
        "5", "ตช.5 วิเคราะห์ผลตามข้อสั่งการและทำ Dashboard เสร็จแล้วครับ รอนำเสนอผู้บริหารในที่ประชุมเดือนหน้า"
    )
    assert claims.proposed == () and claims.proposed_undone == () and claims.done == ()


def test_the_rest_said_to_come_later_holds_back_the_report(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("4", "Traffy ครับ รายงานรายเขตได้มาแล้ว 45 เขต อีก 5 เขตแจ้งว่าจะส่งสัปดาห์หน้าครับ")
    assert claims.proposed == ()


def test_a_contract_drafted_and_a_signing_booked_are_not_the_signing(fy2562: MessageParser) -> None:
    claims = fy2562.item_matcher.claims("ก.2", "ก.2 ได้ผู้ชนะการประกวดราคาแล้วครับ ส่วนสัญญาร่างผ่านนิติกรแล้ว นัดลงนาม 10 เม.ย.")
    assert claims.proposed == ("step-2",)


def test_projects_chosen_are_projects_selected(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("2", "KPI 2 ครับ ได้โครงการสำคัญครบ 12 โครงการ ท่านรองผู้ว่าฯ ทั้ง 4 ท่านเลือกเรียบร้อย")
    assert claims.proposed == ("step-2",)


def test_an_innovation_taken_into_use_in_a_section_is_put_to_use(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims("4", "นวัตกรรมค่ะ ชิ้นงานเสร็จแล้ว และเอาไปใช้ในกลุ่มงานสารบรรณแล้วตั้งแต่ 1 ส.ค. ✔")
    assert set(claims.proposed) == {"s3-1.1", "s3-2.1"}


def test_the_share_of_the_step_table_done_is_the_steps_up_to_it(fy2565: MessageParser, fy2562: MessageParser) -> None:
    """The step tables print each step's cumulative share: "สะสม 30%" is the steps up to the one that
    ends there, for a tap (a step the plan prints as a milestone is that milestone); a share no step
    ends at, or what the plan expected, names none."""
    k3 = fy2565.item_matcher.claims("K3", "ตช.3 ตามตารางขั้นตอนตอนนี้สะสม 30% แล้วครับ")
    assert k3.proposed == ("step-1", "step-2", "step-3", "step-3 (ซ้ำ)") and k3.done == ()
    k1 = fy2565.item_matcher.claims("K1", "K1 ความก้าวหน้าตามตารางขั้นตอนสะสม 60% ค่ะ")
    assert set(k1.proposed) == {"step-1", "step-2", "step-3", "1", "step-5", "2", "3"}
    behind = fy2562.item_matcher.claims("ก.1", "ก.1 ตามแผนควรถึง 90% แล้ว แต่ตอนนี้ทำได้ 80% ค่ะ")
    assert behind.proposed == ("step-1", "step-2", "step-3")
    between = fy2565.item_matcher.claims("K2", "ญัตติ สะสม 35% ตามแผนครับ")
    assert between.proposed == ()


def test_the_rest_of_a_step_named_by_number_still_under_way_holds_it(fy2565: MessageParser) -> None:
    """ "ขั้น 5 แจ้งเขตแล้ว ส่วนประชาสัมพันธ์ผ่านเว็บไซต์ ยังรอ IT อัปโหลด": milestone 5 is both; "ผ่าน"
    there is "by way of", not "passed"."""
    claims = fy2565.item_matcher.claims(
        "K1",
        "ตช.1 ขั้น 1–4 เสร็จแล้วค่ะ\nขั้น 5 แจ้งผลให้สำนักงานเขตทราบแล้ว ส่วนประชาสัมพันธ์ผ่านเว็บไซต์สภา ยังรอ IT อัปโหลดให้อยู่ค่ะ",
    )
    assert claims.done == ("1", "2", "3", "4")


def test_a_part_sent_and_awaiting_a_long_named_committee_is_not_passed(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims(
        "4", "นวัตกรรมครับ ส่วนที่ 2 ส่งแบบฟอร์ม 3–4 ไปแล้ว รอคณะกรรมการพัฒนานวัตกรรม กทม. พิจารณากลั่นกรองอยู่ครับ"
    )
    assert "s2" not in claims.done and "s2" not in claims.proposed


def test_a_step_named_by_number_then_told_more_of_then_still_under_way_is_not_done(fy2565: MessageParser) -> None:
    claims = fy2565.item_matcher.claims(
        "K2",
        "ตช.2 ขั้นที่ 5 ประชุมคณะทำงานไปแล้วเมื่อ 3 ก.พ. ชี้แจงโครงการกับผลแบบสอบถาม แต่การออกแบบระบบยังคุยกันอยู่ครับ",
    )
    assert "step-5" not in claims.done


def test_an_offer_to_go_over_the_status_then_work_done_then_a_doubt_is_a_report(fy2565: MessageParser) -> None:
    """ "ขอไล่สถานะให้นะคะ" offers a report; the doubt at the end ("…เสนอไปแล้วหรือยังคะ") is the
    reporter's, and confirming the items told is the answer."""
    parsed = fy2565.parse(
        "ดิฉันรับตัวชี้วัดที่ 2 ระบบติดตามญัตติต่อจากพี่ที่ย้ายไปค่ะ ขอไล่สถานะให้นะคะ\n"
        "1) ทอดแบบสอบถามผู้รับบริการไปแล้ว สรุปผลแบบสอบถามก็เสร็จแล้ว\n"
        "เรื่องแผนที่ต้องให้หัวหน้าเห็นชอบ ไม่แน่ใจว่าเสนอไปแล้วหรือยังคะ",
        date(2022, 2, 15),
    )
    assert parsed.intent == "report" and parsed.first is not None and parsed.first.indicator == "K2"
    assert set(parsed.first.claims.proposed) == {"step-3", "step-4"}


def test_what_the_previous_owner_put_on_record_taken_back_is_not_done(fy2562: MessageParser) -> None:
    claims = fy2562.item_matcher.claims(
        "ก.2", "ก.2 ขอแก้นะคะ งวดที่ 1 ที่พี่คนเดิมลงไว้ว่าส่งมอบแล้ว ยังไม่เสร็จค่ะ ผู้รับจ้างขอขยายเวลาถึง 30 ต.ค."
    )
    assert "step-6" in (*claims.undone, *claims.proposed_undone) and "step-6" not in claims.proposed


def test_a_step_filled_in_or_put_on_record_as_done_then_cancelled_is_not_done(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims(
        "2", "แก้ไขข้อมูลครับ ตช.2 ขั้นตอนที่ 5 ที่ลงว่าเสร็จไปแล้ว ขอยกเลิกก่อนครับ ยังติดตามไม่ครบทุกโครงการ"
    )
    assert claims.done == () and "step-5" in (*claims.undone, *claims.proposed_undone)


def test_a_delivery_whose_inspection_is_still_to_come_is_delivered(fy2562: MessageParser) -> None:
    """The inspection committee's work is the next stage: pending, it does not hold the delivery back; failed
    ("ยังไม่ผ่านการตรวจรับ") or taken back, it does."""
    for said in (
        "ก.2 ผู้รับจ้างได้ส่งมอบงานงวดที่ ๑ แล้ว ขณะนี้คณะกรรมการตรวจรับพัสดุอยู่ระหว่างตรวจรับครับ",
        "ก.2 ส่งมอบงานงวดแรกแล้วเมื่อ 20 ก.ย. 62 แต่คณะกรรมการยังไม่ได้ประชุมตรวจรับ คาดว่าจะตรวจรับต้น ต.ค.",
    ):
        assert fy2562.item_matcher.claims("ก.2", said).proposed == ("step-6",), said
    failed = fy2562.item_matcher.claims("ก.2", "ก.2 ส่งมอบงานงวดที่ 1 แล้ว แต่ยังไม่ผ่านการตรวจรับ ต้องแก้ 3 รายการ")
    assert "step-6" not in failed.proposed
    taken_back = fy2562.item_matcher.claims("ก.2", "ขอแก้ค่ะ ที่แจ้งว่าส่งมอบงานงวดที่ 1 แล้ว กรรมการยังไม่ได้ตรวจรับ ถือว่ายังไม่เสร็จ")
    assert "step-6" not in taken_back.proposed


def test_evidence_put_where_it_is_kept_and_a_question_put_politely_name_no_item(fy2565: MessageParser) -> None:
    """ "รายงานการประชุมอัปไว้ในไดรฟ์แล้ว" is the evidence of the meeting told before, not K1's step 5 (a
    letter inviting to a meeting); "ขอเรียนถามว่า…" asks, and "เรียน" there is no letter's word."""
    kept = fy2565.item_matcher.claims(
        "K1", "K1 ประชุมคณะทำงานครั้งที่ 1/2565 ชี้แจงรายละเอียดโครงการเรียบร้อยค่ะ รายงานการประชุมอัปไว้ในไดรฟ์แล้วนะคะ"
    )
    assert kept.proposed == ("step-3",)
    asked = fy2565.item_matcher.claims(
        "K1",
        "ลงประชาสัมพันธ์ผลบนเว็บไซต์สภาและแจ้งสำนักงานเขตทั้ง 50 เขตแล้วครับ\nขอเรียนถามว่า เมื่อทำส่วนนี้เสร็จ ถือว่าผ่านระดับ 5 เลยหรือไม่ครับ",
    )
    assert asked.proposed == ("5",)


def test_work_another_unit_did_on_its_own_is_not_the_plan_s_item(fy2565: MessageParser) -> None:
    said = (
        "ตช.1 นะคะ สำนักยุทธศาสตร์ฯ จัดเวทีรับฟังความเห็นประชาชนของเขาเองไปแล้ว อันนั้นไม่เกี่ยวกับเรานะคะ "
        "ของเรา: วิเคราะห์ความคิดเห็นจากที่ประชุมออนไลน์เสร็จแล้วค่ะ"
    )
    assert fy2565.item_matcher.claims("K1", said).proposed == ("3",)
    disowned = "K1 ทีมประชาสัมพันธ์ส่งหนังสือเชิญผู้แทนเขตไปแล้วค่ะ อันนั้นไม่ใช่งานของเรา"
    assert fy2565.item_matcher.claims("K1", disowned).proposed == ()


def test_a_test_that_found_nothing_wrong_has_passed(fy2565: MessageParser) -> None:
    said = "ตช.3 เทสระบบนัดหมายกับการประชุมกรรมการการโยธาและผังเมือง 2 ครั้ง ไม่มีปัญหาครับ"
    assert fy2565.item_matcher.claims("K3", said).proposed == ("step-7",)
    going = "ตช.3 กำลังทดสอบระบบนัดหมายกับการประชุมกรรมการการโยธาอยู่ครับ ยังไม่มีปัญหาอะไร"
    assert fy2565.item_matcher.claims("K3", going).proposed == ()


def test_a_system_tried_out_is_the_system_tested(fy2565: MessageParser) -> None:
    said = "K2 ทดลองระบบผ่านแล้ว ✅ ออกหนังสือเวียนแจ้ง ส.ก. ว่าเปิดระบบแล้ว ที่ กท 1603/112 ✅"
    assert set(fy2565.item_matcher.claims("K2", said).proposed) == {"step-7", "step-8"}


def test_what_comes_tomorrow_is_a_statement_of_its_own(fy2565: MessageParser) -> None:
    said = (
        "ระบบติดตามญัตติ ฝ่ายบริหารงานทั่วไปทำเสร็จแล้วครับ ตั้งแต่ไล่วิเคราะห์ขั้นตอนงานเดิม ออกแบบหน้าจอ "
        "จนพัฒนาระบบขึ้นมาใช้ได้ครบ พรุ่งนี้จะเริ่มลองทดสอบกันในกลุ่มครับ"
    )
    (item,) = fy2565.parse(said, date(2022, 3, 1)).items
    assert item.indicator == "K2" and item.claims.proposed == ("design-system",)


def test_when_a_step_should_be_finished_is_the_plan_not_work_done(fy2562: MessageParser) -> None:
    said = "ก.๑ ขั้นที่ ๕ ประเมินผลการนำเข้าข้อมูลของทุกหน่วยงาน ตามแผนต้องเสร็จ ก.ค. ยังไม่ได้ประเมินเลยค่ะ"
    claims = fy2562.item_matcher.claims("ก.1", said)
    assert "step-5" not in claims.done and "step-5" not in claims.proposed


def test_last_year_s_level_told_to_compare_is_not_this_year_s(fy2565: MessageParser, fy2567: MessageParser) -> None:
    said = "ตัวชี้วัดที่ 1 ค่ะ ปีที่แล้วเราทำถึงขั้น 3 ปีนี้ตอนนี้ทำถึงขั้น 2 แล้ว"
    assert fy2565.item_matcher.claims("K1", said).done == ("1", "2")
    assert fy2565.item_matcher.claims("K1", "K1 ปีที่แล้วได้ระดับ 5 ค่ะ").done == ()
    # last year's results put to use are this year's work: KPI 2 of FY2567 starts by analysing them
    used = fy2567.item_matcher.claims("2", "ตช.2 ดึงผลปีที่แล้วมาวิเคราะห์ว่าแต่ละโครงการไปถึงไหน เสร็จแล้วค่ะ")
    assert used.proposed == ("step-1",)


def test_the_evidence_of_an_item_named_by_number_proposes_it(fy2567: MessageParser, fy2562: MessageParser) -> None:
    """Proposed, for a tap: evidence may be sent for work still going on."""
    said = "สัญจรชุมชนค่ะ แนบหลักฐานขั้นที่ ๒ ที่แจ้งไปแล้วนะคะ หนังสือแจ้งหน่วยงานตามข้อสั่งการ ๓ ฉบับ"
    claims = fy2567.item_matcher.claims("6", said)
    assert claims.proposed == ("step-2",) and claims.done == ()
    file_only = fy2562.item_matcher.claims("ก.1", "แนบหลักฐานขั้นที่ ๑ ค่ะ 📎 หนังสือเวียน_กำหนดการตรวจ.pdf")
    assert file_only.proposed == ("step-1",)
    asked = fy2562.item_matcher.claims("ข.2", "ข.2 ตอนส่งหลักฐานขั้นตอนการสำรวจ ต้องแนบรูปถ่ายทุกจุดไหมคะ")
    assert asked.proposed == () and asked.done == ()


def test_since_when_a_step_was_done_is_no_other_step_s_words(fy2562: MessageParser) -> None:
    """ก.1's step 3 runs "ตั้งแต่เดือนธันวาคม": a step done "ตั้งแต่ ต.ค." does not name it."""
    said = "ก.1 เวียนแจ้งกำหนดการตรวจ+เกณฑ์ไปแล้วตั้งแต่ ต.ค. ตามแผนค่ะ"
    assert fy2562.item_matcher.claims("ก.1", said).proposed == ("step-1",)


def test_some_months_of_a_monthly_step_named_by_number_are_not_the_step(fy2567: MessageParser) -> None:
    """Not marked without a tap: a few months of the monthly follow-up are rounds of it, done so far."""
    table = "ผู้ว่าฯ สัญจรประจำเขต\nขั้น ๑ ร่วมประชุม/สรุปข้อสั่งการ ✓\nขั้น ๒ แจ้งหน่วยงาน ✓\nขั้น ๓ ติดตามรายเดือน ✓ ต.ค.–ธ.ค."
    claims = fy2567.item_matcher.claims("5", table)
    assert claims.done == ("step-1", "step-2")
    told = "ตช.5 ขั้น 1 กับขั้น 2 เรียบร้อยแล้ว ขั้น 3 ติดตามรายเดือนทำไป 4 เดือนแล้วค่ะ"
    assert fy2567.item_matcher.claims("5", told).done == ("step-1", "step-2")
    whole = "ตช.5 ขั้น 3 ติดตามรายเดือน ✓ ต.ค.–ก.ย. ครบทุกเดือน"
    assert fy2567.item_matcher.claims("5", whole).done == ("step-3",)


def test_a_status_table_s_rows_name_what_its_heading_numbers(fy2565: MessageParser, fy2562: MessageParser) -> None:
    """A table's first column numbers levels (a ladder's milestones), steps or items; a row's mark after a
    pipe is that row's; bare numbers with their marks in a row are the step table's."""
    levels = "ขอแก้ไขตาราง ตช.1 ค่ะ\nระดับ | ผล\n1 | ✓\n2 | ✓\n3 | ✓\n4 นำเสนอ กก.กิจการสภา | ✗ ยังไม่ได้บรรจุวาระ\n5 | ✗"
    claims = fy2565.item_matcher.claims("K1", levels)
    assert claims.done == ("1", "2", "3") and claims.undone == ("4", "5") and claims.claim is None
    tabbed = "ตช.1\nระดับ\tกิจกรรม\tสถานะ\n๑\tเสนอแนวทาง\t✅\n๒\tประชุมออนไลน์\t✅\n๓\tวิเคราะห์ความเห็น\t⏳\n๔\tเสนอ กก.\t-"
    assert fy2565.item_matcher.claims("K1", tabbed).done == ("1", "2")
    piped = "แก้ตารางญัตติค่ะ\nขั้น 9 ใช้งานระบบ | ✅\nขั้น 10 สรุปผลการใช้งาน | ❌ ยังไม่เสร็จ"
    (item,) = fy2565.parse(piped, date(2022, 9, 1)).items
    assert item.indicator == "K2" and item.claims.proposed == ("use-system",)
    assert item.claims.proposed_undone == ("step-10",)
    row = fy2562.item_matcher.claims("ก.2", "โครงการพัฒนาระบบสารบรรณอิเล็กทรอนิกส์\n๑.✓ ๒.✓ ๓.✓ ๔.✓ ๕.✓ ๖.✗")
    assert row.done == ("step-1", "step-2", "step-3", "step-4", "step-5") and row.undone == ("step-6",)


def test_rounds_told_as_so_many_of_the_whole_or_by_a_month_typed_without_dots(fy2562: MessageParser) -> None:
    said = "ก.1 ขั้น ๑ ขั้น ๒ เสร็จ ขั้น ๓ ตรวจไปได้ ๔ ครั้งจาก ๖ แล้วก็ขั้น ๔ แจ้งผลรอบ มค ไปแล้ว ส่วนขั้น ๕ ยังไม่ได้ทำค่ะ"
    claims = fy2562.item_matcher.claims("ก.1", said)
    assert claims.done == ("step-1", "step-2") and claims.proposed == ()
    since = "ก.1 เวียนแจ้งกำหนดการตรวจกับเกณฑ์ไปตั้งแต่ ตค แล้วครับ"
    assert fy2562.item_matcher.claims("ก.1", since).proposed == ("step-1",)


def test_a_polite_particle_typed_on_without_a_space_still_ends_the_statement(fy2565: MessageParser) -> None:
    said = (
        "Innovation Base ส่วนที่ 1 ค้นหาและคัดเลือกแนวคิดเสร็จครบแล้วค่ะได้มา 3 แนวคิด ส่วนที่ 2 ส่งแบบฟอร์ม 3 "
        "ให้คณะกรรมการพัฒนานวัตกรรมกทมกลั่นกรองแล้วรอผลอยู่ค่ะ"
    )
    claims = fy2565.item_matcher.claims("4", said)
    assert claims.done == ("s1-1", "s1-2") and "s2" not in claims.proposed


def test_the_minutes_and_the_meeting_work_was_done_at_are_no_meeting_item(fy2565: MessageParser) -> None:
    """K1's step 5 is the letter inviting to the online meetings, and its milestone 2 the meetings: the minutes
    sent on ("สรุปรายงานการประชุมส่งเมลให้พี่แล้ว") and the meeting a decision was taken at ("ในการประชุมครั้งที่
    4/2564") are neither."""
    minutes = "ตช.1 ทำถึงขั้น ๒ แล้วค่ะ ประชุมออนไลน์กับผู้แทน 50 เขตครบ 2 ครั้งเรียบร้อย สรุปรายงานการประชุมส่งเมลให้พี่แล้วนะคะ"
    claims = fy2565.item_matcher.claims("K1", minutes)
    assert claims.done == ("1", "2") and claims.proposed == ()
    at = (
        "ตัวชี้วัดที่ 1 คกก.กิจการสภาพิจารณาเห็นชอบแนวทางกับประเด็นที่จะรับฟังความเห็นประชาชนแล้วค่ะ ในการประชุมครั้งที่ 4/2564 เมื่อ 15 ธ.ค. 64"
    )
    assert fy2565.item_matcher.claims("K1", at).proposed == ("1",)


def test_a_whole_series_said_with_its_months_is_done(fy2567: MessageParser) -> None:
    said = "ปฏิทินเรียนเชิญผู้ว่าฯ ขั้น 3.5 เก็บ+สรุปความพึงพอใจทุก 3 เดือน ครบทุกรอบแล้วครับ (พ.ย.66–ส.ค.67)"
    assert fy2567.item_matcher.claims("3", said).done == ("step-3.5",)


def test_office_shorthands_name_the_committee_and_the_indicator(fy2565: MessageParser) -> None:
    (item,) = fy2565.parse("IB เอาระบบที่ทำไปใช้จริงในกลุ่มงานแล้วตั้งแต่ มิ.ย. ค่ะ", date(2022, 8, 1)).items
    assert item.indicator == "4" and item.claims.proposed == ("s3-2.1",)
    said = "ขอแก้ข้อมูลค่ะ ระดับ 4 ที่แจ้งไปเมื่อเช้า ยังไม่เสร็จนะคะ เข้า กก.กส. แล้วแต่ยังไม่ได้นำเรียน ปธ.สภาฯ เลย"
    (item,) = fy2565.parse(said, date(2022, 8, 1)).items
    assert item.indicator == "K1"


def test_the_users_own_work_done_through_the_system_puts_it_in_use(fy2565: MessageParser) -> None:
    said = "ตอนนี้ ส.ก. ขอข้อมูลญัตติกันผ่านระบบใหม่จริงๆ แล้วค่ะ เฉลี่ยส่งข้อมูลได้ 27 นาทีต่อเรื่อง"
    assert fy2565.item_matcher.claims("K2", said).proposed == ("use-system",)
    tested = "ตช.2 ทดสอบผ่านระบบแล้ว ยังไม่เปิดให้ ส.ก. ใช้นะคะ"
    assert "use-system" not in fy2565.item_matcher.claims("K2", tested).proposed


def test_a_head_overruling_what_the_team_told_takes_it_back(fy2565: MessageParser, fy2567: MessageParser) -> None:
    """Not marked without a tap: the team's claim, passed on and overruled, is not done; passed on and
    confirmed, it stays."""
    overruled = "สรุปจากทีม One Platform ได้ 55 คะแนนแล้วค่ะ ส่วนที่น้องติ๊กมาว่าข้อ 4 นำเข้าข้อมูลเสร็จแล้ว ยังไม่นับนะคะ นำเข้ายังไม่ครบทุกชุด"
    claims = fy2565.item_matcher.claims("5.2", overruled)
    assert "4" not in claims.done and "4" not in claims.proposed
    not_seen = "ตช.5 ส่วน Infographic ขั้นที่ 5 น้องบอกทำแล้ว ผมยังไม่เห็นในเพจเลย ยังไม่เสร็จครับ"
    assert "step-5" not in fy2567.item_matcher.claims("5", not_seen).done
    going = "การประชุม กก.สามัญ ทีมแจ้งว่ากำลังประสาน สยป. เรื่องทำระบบ ยังไม่ได้คำตอบเลย"
    assert fy2565.item_matcher.claims("K3", going).proposed_undone == ()


def test_an_item_said_done_and_not_done_by_its_number_is_not_marked_done(fy2565: MessageParser) -> None:
    said = (
        "ทีมสรุปว่า ตช.1 ทำถึงขั้น 4 แล้ว ผมตรวจหลักฐานแล้วถูกต้องครับ ส่วนขั้น 5 ผลการดำเนินการขึ้นเว็บสภาแล้วก็จริง "
        "แต่หนังสือแจ้งสำนักงานเขตยังไม่ได้ส่งเลย ขั้น 5 ยังไม่เสร็จนะครับ"
    )
    claims = fy2565.item_matcher.claims("K1", said)
    assert claims.done == ("1", "2", "3", "4") and "5" not in claims.done


def test_status_words_typed_in_a_hurry_still_say_done(fy2565: MessageParser) -> None:
    """No tone mark, no short vowel: "แลว", "เสรจ", "ขอมูล", "นวตกรรม" are no other Thai words."""
    (item,) = fy2565.parse("ตช.2 ทอดแบบสอบถามผู้รับบริการแลว สรุปผลแบบสอบถามเสรจดวยค่ะ📊", date(2022, 2, 1)).items
    assert item.claims.proposed == ("step-3", "step-4")
    (item,) = fy2565.parse("นวตกรรม ได้๕๐คะแนนแลวครับ", date(2022, 6, 1)).items
    assert item.indicator == "4" and item.claims.claim == "points"


def test_the_team_s_claim_overruled_in_the_next_breath_is_not_done(fy2565: MessageParser) -> None:
    said = (
        "น้องแจ้งว่า Action Plan โครงการนำความต้องการ ปชช. เข้าสภา ผอ.เห็นชอบแล้ว คำสั่งแต่งตั้งคณะทำงานก็ออกแล้วค่ะ "
        "แต่ที่น้องบอกว่าประชุมคณะทำงานชี้แจงแผนแล้ว พี่เช็คแล้วยังไม่ได้จัด เลื่อนไปอาทิตย์หน้าค่ะ"
    )
    claims = fy2565.item_matcher.claims("K1", said)
    assert set(claims.proposed) == {"step-1", "step-2"} and claims.proposed_undone == ("step-3",)


def test_a_picture_glued_to_a_statement_ends_it(fy2562: MessageParser, fy2567: MessageParser) -> None:
    """ "ลงนามสัญญาแล้ว✍️ ผู้รับจ้างเริ่มงาน…": what follows the picture is another statement; 🔄 beside a step is
    its status, under way, and ends nothing."""
    signed = fy2562.item_matcher.claims("ก.2", "ก.2 ลงนามสัญญาแล้ววันที่๒๐มี.ค.✍️ ผู้รับจ้างเริ่มงานตามสัญญาแล้ว")
    assert signed.proposed == ("step-4",)
    status = "ตช.6 สถานะ\nขั้นตอนที่ 1 ✅\nขั้นตอนที่ 2 ✅\nขั้นตอนที่ 3 🔄 ติดตามทุกเดือน"
    assert fy2567.item_matcher.claims("6", status).done == ("step-1", "step-2")
