"""Taking back what was reported: nothing quoted from the earlier message is marked done, and a part
taken back whole is confirmed item by item. Read through the real item matcher on the real plans."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.parse.parser import MessageParser


def test_the_claim_quoted_to_be_taken_back_is_not_done(fy2567: MessageParser) -> None:
    claims = fy2567.item_matcher.claims("3", "แก้ข้อมูลค่ะ ตช.3 ขั้นตอน 3.5 ที่แจ้งว่าเสร็จ ยังไม่เสร็จนะคะ")
    assert claims.undone == ("step-3.5",) and claims.done == () and claims.proposed == ()


def test_a_part_taken_back_whole_is_confirmed_item_by_item(fy2565: MessageParser) -> None:
    said = "ขอแก้ข้อมูลค่ะ เมื่อเช้าพิมพ์ไปว่านวัตกรรมส่วนที่ 3 ครบแล้ว จริง ๆ ครบแค่ผลผลิตกับผลลัพธ์นะคะ"
    claims = fy2565.item_matcher.claims("4", said)
    assert claims.done == () and claims.undone == ()  # nothing marked either way without a tap
    assert "s3-2.2" in claims.proposed_undone


def test_the_part_said_done_after_a_retraction_is_done(fy2562: MessageParser) -> None:
    """ "ส่วนที่เสร็จแล้วคือขั้นตอนที่ ๓": "ส่วนที่" without a number opens a clause of its own."""
    claims = fy2562.item_matcher.claims(
        "ข.2",
        "ขออภัยค่ะ รายงานรอบที่แล้วสลับกัน ขั้นตอนที่ ๔ กำหนดแผนปีงบฯ ถัดไป ยังไม่ได้ทำ ส่วนที่เสร็จแล้วคือขั้นตอนที่ ๓ ติดตามประเมินผลค่ะ",
    )
    assert "step-3" not in (*claims.undone, *claims.proposed_undone)
    assert "step-3" in (*claims.done, *claims.proposed) and "step-4" in (*claims.undone, *claims.proposed_undone)


@pytest.mark.parametrize(
    "said",
    [
        "ขอแก้ไขรายงาน K1 เมื่อวานครับ ที่แจ้งว่าอยู่ระดับ 4 ขอแก้เป็นระดับ 3 ครับ"
        " เรื่องนำเสนอคณะกรรมการกิจการสภาและนำเรียนประธานสภายังไม่ได้เข้าที่ประชุม",
        "ขอแก้ข้อมูลตัวชี้วัดที่ 1 นะครับ เมื่อวานผมแจ้งว่าได้ระดับ 4 แต่จริง ๆ ยังไม่ได้นำเข้า กก.กิจการสภาเลย"
        " (เลื่อนประชุมไปสัปดาห์หน้า) ตอนนี้ถือว่าอยู่ระดับ 3 ครับ",
    ],
)
def test_a_level_put_right_proposes_its_milestones_and_takes_the_higher_back(fy2565: MessageParser, said: str) -> None:
    """ "ขอแก้เป็นระดับ 3", "ตอนนี้ถือว่าอยู่ระดับ 3": what follows is the level now."""
    claims = fy2565.item_matcher.claims("K1", said)
    assert claims.claimed == 3 and set(claims.proposed) == {"1", "2", "3"}
    assert "4" in (*claims.undone, *claims.proposed_undone)


def test_what_was_put_in_wrongly_and_what_is_really_done() -> None:
    """ "ที่ใส่ว่า … เสร็จแล้ว ผิดค่ะ" takes the step back; "ที่เสร็จจริงคือทดสอบระบบ" says what is done;
    "ขอแก้เป็นยังไม่เสร็จ" is not done."""
    from handlers.parse.items import ItemMatcher
    from store.plan_files import load_plan
    from tests.conftest import PLANS

    fy2562 = ItemMatcher(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    fy2565 = ItemMatcher(load_plan(PLANS / "fy2565-council-secretariat.yaml"))
    fy2567 = ItemMatcher(load_plan(PLANS / "fy2567-governor-secretary.yaml"))
    put_in = fy2562.claims("ก.1", "ขอแก้ไขรายงานเดือน มี.ค. ค่ะ ที่ใส่ว่าขั้นตอนที่ 3 ตรวจติดตามเสร็จแล้ว ผิดค่ะ ตรวจไปได้แค่ 4 ครั้ง")
    assert set(put_in.undone + put_in.proposed_undone) == {"step-3"} and not put_in.done
    really = fy2565.claims(
        "K3",
        "ขอแก้รายงานเมื่อวานค่ะ 🙏 หนังสือเวียนแจ้งผู้ใช้งานเข้าระบบ (ขั้นที่ 8) ยังไม่ได้ออกนะคะ รอ ผอ.ลงนามอยู่ ที่เสร็จจริงคือทดสอบระบบค่ะ",
    )
    assert "step-7" in really.proposed + really.done and "step-8" in really.undone + really.proposed_undone
    not_yet = fy2567.claims("2", "KPI 2 ขั้นตอนที่ 4 ขอแก้เป็นยังไม่เสร็จครับ สรุปข้อมูลนำเรียนรองผู้ว่าฯ ได้แค่ 2 ท่าน")
    assert "step-4" in not_yet.undone + not_yet.proposed_undone and "step-4" not in not_yet.done


def test_every_round_counted_at_a_line_s_end_and_work_still_going_on() -> None:
    from handlers.parse.items import ItemMatcher
    from store.plan_files import load_plan
    from tests.conftest import PLANS

    fy2562 = ItemMatcher(load_plan(PLANS / "fy2562-permanent-secretary-office.yaml"))
    table = fy2562.claims(
        "ก.1",
        "ก.1 ศูนย์ข้อมูลข่าวสาร\n1 เวียนแจ้งกำหนดการ ✅\n2 ประชุมซักซ้อม ✅\n3 ตรวจรายเดือน ธ.ค.-พ.ค. ✅ ครบ 6\n"
        "4 แจ้งผลให้หน่วยงาน ✅",
    )
    assert {"step-1", "step-2", "step-3", "step-4"} == set(table.done + table.proposed)
    going = fy2562.claims("ก.2", "สารบรรณอิเล็กทรอนิกส์ ดำเนินการตามสัญญาอยู่ ผู้รับจ้างส่งมอบงานงวดที่ ๑ แล้ว กก.ตรวจรับเมื่อ ๒๘ มิ.ย. ๖๒")
    assert "step-5" not in going.proposed + going.done


def test_an_item_taken_back_without_its_indicator_is_found_by_its_words(fy2565: MessageParser) -> None:
    """A retraction naming no indicator: the item's words ("นำเรียนประธานสภา"), or a part of the only
    checklist grouped in parts, name it, not a word of another indicator's name ("คณะกรรมการ")."""
    from datetime import date

    milestone = fy2565.parse(
        "ขอแก้ไขค่ะ 🙏 เมื่อวานแจ้งว่าขั้นที่ 4 เสร็จ จริงๆ ยังไม่ได้นำเรียนท่านประธานสภาเลยค่ะ "
        "เพิ่งผ่านคณะกรรมการกิจการสภาอย่างเดียว ขอยกเลิกที่แจ้งไปก่อนนะคะ",
        date(2022, 5, 10),
    ).first
    assert milestone is not None and milestone.indicator == "K1"
    assert "4" in (*milestone.claims.undone, *milestone.claims.proposed_undone)
    part = fy2565.parse(
        "แก้ไขค่ะ ส่วนที่ 2 ที่แจ้งไปว่าผ่านแล้ว ยังไม่ผ่านนะคะ คกก.ให้กลับไปปรับแผนการดำเนินการมาใหม่ 😢", date(2022, 3, 1)
    ).first
    assert part is not None and part.indicator == "4"


def test_the_why_after_a_taking_back_is_not_more_items_undone(fy2565: MessageParser) -> None:
    said = (
        "ขอยกเลิกรายการที่แจ้งเมื่อวานว่าจัดทำสรุปผลการใช้งานระบบติดตามญัตติเสร็จแล้วนะคะ 🙏 "
        "ตัวเล่มยังเป็น draft อยู่ ผอ.กลุ่มงานญัตติยังไม่ได้เห็นชอบ คาดว่าสัปดาห์หน้า"
    )
    claims = fy2565.item_matcher.claims("K2", said)
    assert set(claims.undone) | set(claims.proposed_undone) == {"step-10"}
    # "…ก็ยังไม่ได้ส่ง": also not yet, a second item taken back
    also = fy2565.item_matcher.claims(
        "K2",
        "ขอยกเลิกที่แจ้งว่าใช้งานระบบแล้วนะคะ 🙏 ระบบติดตามญัตติยังเปิดให้ ส.ก. ใช้ไม่ได้ ติดเรื่องย้าย server "
        "หนังสือแจ้งเปิดใช้ระบบก็ยังไม่ได้ส่งค่ะ",
    )
    assert set(also.undone) | set(also.proposed_undone) == {"use-system", "step-8"}


def test_a_letter_still_waiting_for_a_signature_is_not_signed(fy2567: MessageParser) -> None:
    said = "ขอถอนที่แจ้งไปว่าประชาสัมพันธ์ระบบปฏิทินให้หน่วยงานทราบแล้วนะคะ หนังสือเวียนยังรอท่านเลขาฯ ลงนามอยู่เลยค่ะ"
    claims = fy2567.item_matcher.claims("3", said)
    assert claims.proposed == () and claims.done == ()
    assert set(claims.undone) | set(claims.proposed_undone) == {"step-2"}


def test_a_step_number_the_item_words_indicator_lacks_keeps_the_one_named(fy2562: MessageParser) -> None:
    """ "ประเมินผล" fits ข.2's step 3, but ข.2 has no step 5: the words of ก.1's name stand, and its step 5
    is taken back."""
    said = "ตรวจติดตามศูนย์ข้อมูลข่าวสาร ขอแก้ค่ะ ขั้นตอนที่ 5 ประเมินผลทุกหน่วยงาน ยังไม่เสร็จ จะทำให้เสร็จ ก.ค.นี้"
    item = fy2562.parse(said, date(2019, 2, 15)).first
    assert item is not None and item.indicator == "ก.1"
    assert "step-5" in {*item.claims.undone, *item.claims.proposed_undone}


def test_a_step_done_then_the_next_named_with_a_shortfall_marks_only_the_first(fy2562: MessageParser) -> None:
    """ "ขั้นที่ 1–4 เสร็จหมด… ขั้นที่ 5 ผู้รับจ้างทำงานตามสัญญามาต่อเนื่อง แต่งวดที่ 1 ยังไม่ได้ส่งมอบ": steps 1–4
    are done; step 5 is going on, and "แต่งวด…" is "but the instalment", not "แต่ง" (to appoint)."""
    said = (
        "สรุปปีงบ 62 ของ ก.2 ค่ะ ขั้นที่ 1–4 เสร็จหมดตั้งแต่ มี.ค. ขั้นที่ 5 ผู้รับจ้างทำงานตามสัญญามาต่อเนื่อง "
        "แต่งวดที่ 1 ยังไม่ได้ส่งมอบค่ะ ผู้รับจ้างขอขยายเวลาไป ต.ค."
    )
    claims = fy2562.item_matcher.claims("ก.2", said)
    assert set(claims.done) == {"step-1", "step-2", "step-3", "step-4"}
    assert not {"step-1", "step-2", "step-3", "step-4", "step-5"} & {*claims.undone, *claims.proposed_undone}
    assert "step-5" not in {*claims.done, *claims.proposed}


@pytest.mark.parametrize(
    ("plan", "code", "said", "done", "undone"),
    [
        (
            "fy2565",
            "K3",
            "ขอแก้ค่ะ ที่แจ้งขั้นที่ 4 เสร็จ จริงๆ คือขั้นที่ 3 สรุปข้อมูลแบบสอบถามค่ะ "
            "ส่วนประชุมคณะทำงานชี้แจงโครงการยังไม่ได้จัดเลยค่ะ (ตช.3 ประชุมกรรมการสามัญ)",
            {"step-3 (ซ้ำ)"},
            {"step-4"},
        ),
        (
            "fy2567",
            "3",
            "ขอแก้ค่ะ เมื่อวานพิมพ์ว่าขั้นที่ 2 จริงๆ หมายถึงขั้นที่ 1 พัฒนาระบบปฏิทินเสร็จค่ะ ประชาสัมพันธ์ยังไม่ได้ทำเลย (ตช.3)",
            {"step-1"},
            {"step-2"},
        ),
    ],
)
def test_the_step_meant_instead_is_done_and_the_one_said_is_taken_back(
    request: pytest.FixtureRequest, plan: str, code: str, said: str, done: set[str], undone: set[str]
) -> None:
    parser: MessageParser = request.getfixturevalue(plan)
    claims = parser.item_matcher.claims(code, said)
    assert done <= {*claims.done, *claims.proposed} and not undone & {*claims.done, *claims.proposed}
    assert not done & {*claims.undone, *claims.proposed_undone}
    assert undone <= {*claims.undone, *claims.proposed_undone}
