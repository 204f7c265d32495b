"""The webhook service over real HTTP: signatures, the durable inbox, the worker, the SDK client and
the fake LINE platform (every request our code sends is validated against LINE's OpenAPI spec)."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlmodel import Session, select

from store.db import session_scope
from store.demo import COMMITTEE_GROUP
from store.identities import issue_link_code
from store.models import ChatGroup, Evidence, InboxEvent, OutboxMessage, Person, ProgressReport, ReportStatus
from tests.live import signed
from tests.webhook_service import ADMIN, SECRET, SOMSRI, STRANGER, Service


def test_bad_signature_is_refused_and_nothing_stored(service: Service) -> None:
    assert service.post([service.event(SOMSRI, "ตช.1 ร้อยละ 90")], secret="wrong").status_code == 401
    body, headers = signed(SECRET, [service.event(SOMSRI, "x")])
    del headers["X-Line-Signature"]
    assert httpx.post(f"{service.base}/webhook", content=body, headers=headers).status_code == 400
    with Session(service.engine) as s:
        assert s.exec(select(InboxEvent)).all() == []


def test_verify_call_malformed_and_oversized_bodies(service: Service) -> None:
    assert service.post([]).status_code == 200  # the LINE console's "Verify"
    bad = b'{"events": [ not json'
    from bot.signature import sign

    response = httpx.post(f"{service.base}/webhook", content=bad, headers={"X-Line-Signature": sign(SECRET, bad)})
    assert response.status_code == 400
    assert service.post({"events": "nope"}).status_code == 400  # type: ignore[arg-type]
    deep = b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = httpx.post(f"{service.base}/webhook", content=deep, headers={"X-Line-Signature": sign(SECRET, deep)})
    assert response.status_code == 400
    # Signed by LINE but a shape the SDK refuses: acknowledged (else LINE retries it), dead-lettered by the worker.
    broken = {"type": "message", "mode": "active"}
    assert service.post([broken]).status_code == 200
    service.wait(service.idle)
    with Session(service.engine) as s:
        (row,) = s.exec(select(InboxEvent)).all()
    assert row.dead_at is not None
    assert row.last_error == "UndecodableEvent: message event without a user, group or room id"
    huge = b"{" + b" " * (1024 * 1024 + 10) + b"}"
    assert httpx.post(f"{service.base}/webhook", content=huge, headers={"X-Line-Signature": "x"}).status_code == 413


def test_a_report_travels_the_real_path_and_is_saved(service: Service) -> None:
    response = service.post([service.event(SOMSRI, "ตช.4 traffy แก้ไขแล้ว 1,234 จาก 1,500 เรื่อง ไตรมาส 2")])
    assert response.status_code == 200
    service.wait(lambda: bool(service.texts_to(SOMSRI)))
    assert service.texts_to(SOMSRI)[0].startswith("บันทึกแล้วค่ะ")
    record = service.fake.sent_to(SOMSRI)[0]
    assert record.endpoint == "reply"  # the free reply token first
    with Session(service.engine) as s:
        assert s.exec(select(ProgressReport.value)).all() == [82.27]


def test_a_redelivered_event_is_processed_once(service: Service) -> None:
    event = service.event(SOMSRI, "ตช.1 ร้อยละ 91 ไตรมาส 2")
    assert service.post([event]).status_code == 200
    redelivered = {**event, "deliveryContext": {"isRedelivery": True}}
    assert service.post([redelivered]).status_code == 200
    service.wait(service.idle)
    with Session(service.engine) as s:
        assert len(s.exec(select(InboxEvent)).all()) == 1
        assert len(s.exec(select(ProgressReport)).all()) == 1
    assert len(service.fake.sent_to(SOMSRI)) == 1


def test_an_unlinked_user_gets_onboarding_and_no_data(service: Service) -> None:
    service.post([service.event(STRANGER, "ตัวชี้วัดที่ 4 ถึงไหนแล้ว")])
    service.wait(lambda: bool(service.texts_to(STRANGER)))
    assert "ยังไม่ได้เชื่อมกับรายชื่อผู้รายงาน" in service.texts_to(STRANGER)[0]
    assert "ร้อยละ" not in service.texts_to(STRANGER)[0]


def test_a_link_code_binds_the_line_account_once(service: Service) -> None:
    with session_scope(service.engine) as s:
        person = s.exec(select(Person).where(Person.name == "วิชัย รักงาน")).one()
        code = issue_link_code(s, person, __import__("store.models", fromlist=["utcnow"]).utcnow())
    service.post([service.event(STRANGER, f"รหัสค่ะ {code.lower()}")])
    service.wait(lambda: bool(service.texts_to(STRANGER)))
    assert service.texts_to(STRANGER)[0].startswith("เชื่อมบัญชีเรียบร้อยแล้วค่ะ สวัสดีคุณวิชัย รักงาน")
    other = "U" + "e" * 32
    service.post([service.event(other, code)])
    service.wait(lambda: bool(service.texts_to(other)))
    assert "ไม่ถูกต้อง ถูกใช้ไปแล้ว" in service.texts_to(other)[0]


def test_in_a_group_the_bot_answers_only_when_mentioned(service: Service) -> None:
    group = "C" + "a" * 32
    service.post([service.event(SOMSRI, "ตช.1 ร้อยละ 90", group_id=group)])
    service.post([service.event(SOMSRI, "@Tidtam ตช.1 ร้อยละ 92 ไตรมาส 2", group_id=group, mention_self=True)])
    service.wait(lambda: bool(service.texts_to(group)))
    service.wait(service.idle)
    assert len(service.fake.sent_to(group)) == 1  # one reply, to the mention only
    texts = service.texts_to(group)
    # Not the committee group: the report is not saved there, the speaker is asked to continue 1:1.
    assert texts[0].startswith("ขออภัยค่ะ ในกลุ่มนี้") and "แชตส่วนตัว" in texts[0]


def test_only_an_admin_binds_the_committee_group(service: Service) -> None:
    group = "C" + "b" * 32
    service.post([service.event(SOMSRI, "@Tidtam ผูกกลุ่มคณะกรรมการ", group_id=group, mention_self=True)])
    service.wait(lambda: bool(service.texts_to(group)))
    assert service.texts_to(group)[0] == "ขออภัยค่ะ เฉพาะผู้ดูแลระบบเท่านั้นที่ผูกกลุ่มคณะกรรมการได้"
    service.post([service.event(ADMIN, "@Tidtam ผูกกลุ่มคณะกรรมการ", group_id=group, mention_self=True)])
    service.wait(lambda: len(service.texts_to(group)) == 2)
    with Session(service.engine) as s:
        bound = s.exec(select(ChatGroup).where(ChatGroup.kind == "committee")).all()
    assert {g.group_id for g in bound} == {group, COMMITTEE_GROUP}


def test_an_image_is_fetched_stored_and_attached_to_the_last_report(service: Service, tmp_path: Path) -> None:
    service.post([service.event(SOMSRI, "ตช.1 ร้อยละ 93 ไตรมาส 2")])
    service.wait(service.idle)
    photo = b"\x89PNG\r\n\x1a\n" + b"evidence" * 100
    service.fake.add_content("m-photo-1", photo, "image/png")
    image = service.event(SOMSRI, "")
    image["message"] = {"type": "image", "id": "m-photo-1", "quoteToken": "q", "contentProvider": {"type": "line"}}
    service.post([image])
    service.wait(lambda: len(service.texts_to(SOMSRI)) >= 3)
    assert any("ได้รับไฟล์หลักฐานแล้วค่ะ" in t for t in service.texts_to(SOMSRI))
    with Session(service.engine) as s:
        evidence = s.exec(select(Evidence)).one()
        report = s.exec(select(ProgressReport)).one()
    assert evidence.report_id == report.id and evidence.size == len(photo)
    assert Path(evidence.path or "").read_bytes() == photo


def test_unsend_withdraws_the_report(service: Service) -> None:
    event = service.event(SOMSRI, "ตช.1 ร้อยละ 94 ไตรมาส 2", message_id="m-unsend-1")
    service.post([event])
    service.wait(service.idle)
    unsend = {k: v for k, v in event.items() if k not in ("message", "replyToken")}
    unsend.update(
        type="unsend",
        webhookEventId=__import__("bot.ulid", fromlist=["new_ulid"]).new_ulid(),
        unsend={"messageId": "m-unsend-1"},
    )
    service.post([unsend])
    service.wait(service.idle)
    with Session(service.engine) as s:
        report = s.exec(select(ProgressReport)).one()
    assert report.status == ReportStatus.withdrawn


def test_an_expired_reply_token_falls_back_to_a_push_with_a_retry_key(service: Service) -> None:
    event = service.event(SOMSRI, "ตช.1 ร้อยละ 95 ไตรมาส 2")
    event["replyToken"] = "unknown-token"
    service.post([event])
    service.wait(lambda: bool(service.fake.sent_to(SOMSRI)))
    service.wait(service.idle)
    record = service.fake.sent_to(SOMSRI)[0]
    assert record.endpoint == "push" and record.retry_key is not None
    with Session(service.engine) as s:
        row = s.exec(select(OutboxMessage)).one()
    # Counted for the quota as recipients × messages (one user, the saved line and the 5W question).
    assert row.kind == "push" and row.payload["cost"] == len(record.messages) == 2


def test_429_is_retried_and_sent_once(service: Service) -> None:
    service.fake.add_fault("/v2/bot/message/reply", 429, count=1)
    service.post([service.event(SOMSRI, "ตช.1 ร้อยละ 96 ไตรมาส 2")])
    service.wait(lambda: bool(service.fake.sent_to(SOMSRI)), timeout=15)
    service.wait(service.idle)
    assert len(service.fake.sent_to(SOMSRI)) == 1
    assert service.fake.retry_conflicts == []
