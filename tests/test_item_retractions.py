"""Taking back what was reported: nothing quoted from the earlier message is marked done, and a part
taken back whole is confirmed item by item. Read through the real item matcher on the real plans."""

from __future__ import annotations

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
