"""One bad event never stops the bot: shapes the SDK refuses, failures that repeat, text that one
database would refuse, and the dead letters an admin handles with ``tidtam inbox``."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.signature import sign
from handlers.parse.normalize import normalize_text
from store.db import make_engine
from store.inbox import MAX_ATTEMPTS
from store.models import Draft, Evidence, InboxEvent, OutboxMessage, ProgressReport
from store.text_safety import MAX_TEXT
from tests.webhook_service import ADMIN, SECRET, SOMSRI, STRANGER, Service

WICHAI = __import__("store.demo", fromlist=["demo_line_id"]).demo_line_id("wichai")


def _rows(svc: Service) -> list[InboxEvent]:
    with Session(svc.engine) as s:
        return list(s.exec(select(InboxEvent).order_by(col(InboxEvent.id))).all())


def _post_raw(svc: Service, body: bytes) -> httpx.Response:
    headers = {"X-Line-Signature": sign(SECRET, body), "Content-Type": "application/json"}
    return svc.post_body(body, headers)


def _answered(svc: Service, chat: str, within: float = 5.0) -> list[str]:
    svc.wait(lambda: bool(svc.texts_to(chat)), timeout=within)
    return svc.texts_to(chat)


def _shapes(svc: Service) -> dict[str, dict[str, Any]]:
    """Events LINE may send that today's SDK refuses or that no handler knows."""
    edited = svc.event(SOMSRI, "ข้อความที่แก้ไขแล้ว")
    del edited["message"]["quoteToken"]  # as in the SDK's own fixtures of edited/older text messages
    unknown_event = {**svc.event(SOMSRI, "x"), "type": "messageEdited"}
    unknown_message = svc.event(SOMSRI, "x")
    unknown_message["message"] = {"type": "hologram", "id": "9001"}
    unknown_source = svc.event(SOMSRI, "x")
    unknown_source["source"] = {"type": "club", "clubId": "K1", "userId": SOMSRI}
    no_id = svc.event(SOMSRI, "ตช.1 ร้อยละ 70")
    del no_id["message"]["id"]
    wrong_text = svc.event(SOMSRI, "x")
    wrong_text["message"]["text"] = 12345
    wrong_id = svc.event(SOMSRI, "x")
    wrong_id["message"]["id"] = {"nested": True}
    return {
        "edited": edited,
        "unknown_event": unknown_event,
        "unknown_message": unknown_message,
        "unknown_source": unknown_source,
        "no_id": no_id,
        "wrong_text": wrong_text,
        "wrong_id": wrong_id,
    }


def test_events_the_sdk_refuses_never_block_anyone(service: Service, caplog: pytest.LogCaptureFixture) -> None:
    """Each shape once got a 200 and then blocked every chat behind it, retried for ever."""
    caplog.set_level(logging.INFO)
    shapes = _shapes(service)
    for event in shapes.values():
        assert service.post([event]).status_code == 200
    assert service.post([service.event(STRANGER, "สวัสดีค่ะ")]).status_code == 200
    assert "ยังไม่ได้เชื่อมกับรายชื่อผู้รายงาน" in _answered(service, STRANGER)[0]
    service.post([service.event(SOMSRI, "ตช.1 ร้อยละ 88 ไตรมาส 2")])  # her own chat goes on too
    service.wait(lambda: any(t.startswith("บันทึกแล้วค่ะ") for t in service.texts_to(SOMSRI)))
    service.wait(service.idle)

    rows = {r.webhook_event_id: r for r in _rows(service)}
    by_shape = {name: rows[e["webhookEventId"]] for name, e in shapes.items()}
    assert all(r.processed_at is not None for r in rows.values())
    # An edited text without quoteToken is still a text we can read: handled, not buried.
    assert by_shape["edited"].dead_at is None and by_shape["edited"].last_error is None
    for name in ("unknown_event", "unknown_message"):
        assert by_shape[name].dead_at is None and "not handled" in (by_shape[name].last_error or "")
    assert by_shape["unknown_source"].dead_at is None  # answered by the user id it carries
    for name in ("no_id", "wrong_text", "wrong_id"):
        row = by_shape[name]
        assert row.dead_at is not None and row.attempts == 0, name
        assert (row.last_error or "").startswith("ValidationError: "), row.last_error
    assert "id:" in (by_shape["no_id"].last_error or "")
    assert "text:" in (by_shape["wrong_text"].last_error or "")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "12345" not in logged and "ร้อยละ 70" not in logged  # reasons name fields, never content
    assert logged.count("dead-lettered") == 3


def test_a_failing_event_is_retried_with_backoff_then_dead_lettered(service: Service) -> None:
    """An image whose content LINE cannot give: the count must survive each failure, then the event is
    buried, the chat apologised to, admins told once, and later events of the same chat go on."""
    image = service.event(SOMSRI, "x")
    image["message"] = {"type": "image", "id": "404404", "quoteToken": "q", "contentProvider": {"type": "line"}}
    second = service.event(SOMSRI, "x")
    second["message"] = {"type": "image", "id": "404405", "quoteToken": "q", "contentProvider": {"type": "line"}}
    content_path = "/v2/bot/message/{messageId}/content"
    service.fake.add_fault(content_path, 500, count=2 * MAX_ATTEMPTS)  # LINE's content API is down
    assert service.post([image, second]).status_code == 200
    after = service.event(SOMSRI, "ตช.1 ร้อยละ 77 ไตรมาส 2")
    service.post([after])
    service.post([service.event(STRANGER, "สวัสดีค่ะ")])
    _answered(service, STRANGER)  # another chat is not held back by the failing one
    with Session(service.engine) as s:
        saved = s.exec(select(ProgressReport).where(ProgressReport.value == 77)).all()
    assert saved == [], "her later report waits behind her failing image (order within a chat)"

    service.wait(service.idle, timeout=60)
    rows = {r.webhook_event_id: r for r in _rows(service)}
    dead = rows[image["webhookEventId"]]
    assert dead.dead_at is not None and dead.attempts == MAX_ATTEMPTS
    assert dead.last_error is not None and "Exception" in dead.last_error  # the SDK's ApiException
    assert rows[after["webhookEventId"]].dead_at is None
    with Session(service.engine) as s:
        assert len(s.exec(select(ProgressReport).where(ProgressReport.value == 77)).all()) == 1
        alerts = s.exec(select(OutboxMessage).where(col(OutboxMessage.key).startswith("alert:dead-letter:"))).all()
    assert [a.recipient for a in alerts] == [ADMIN], "two dead letters, one alert to the one admin"
    texts = service.texts_to(SOMSRI)
    assert sum("ยังไม่ได้บันทึก" in t for t in texts) == 2  # one apology per lost image
    assert any("tidtam inbox failed" in t for t in service.texts_to(ADMIN))


def test_admins_list_retry_and_discard_dead_letters(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = _shapes(service)["no_id"]
    other = _shapes(service)["wrong_text"]
    service.post([bad, other])
    service.wait(service.idle)
    monkeypatch.setenv("DATABASE_URL", str(service.engine.url.render_as_string(hide_password=False)))
    __import__("bot.settings", fromlist=["get_settings"]).get_settings.cache_clear()
    runner = CliRunner()
    listed = runner.invoke(cli, ["inbox", "failed", "--json"])
    assert listed.exit_code == 0, listed.output
    failed = json.loads(listed.output)
    assert [f["event"] for f in failed] == [bad["webhookEventId"], other["webhookEventId"]]
    assert all(f["chat"] == SOMSRI and f["type"] == "message" for f in failed)
    assert "ร้อยละ 70" not in listed.output

    assert runner.invoke(cli, ["inbox", "retry"]).exit_code == 2  # an id or --all
    assert runner.invoke(cli, ["inbox", "retry", "999999"]).exit_code == 1
    retried = runner.invoke(cli, ["inbox", "retry", str(failed[0]["id"])])
    assert retried.exit_code == 0 and "queued again: 1" in retried.output
    service.wait(lambda: _rows(service)[0].dead_at is not None)  # still undecodable: buried again
    discarded = runner.invoke(cli, ["inbox", "discard", str(failed[1]["id"])])
    assert discarded.exit_code == 0, discarded.output
    with Session(service.engine) as s:
        row = s.get(InboxEvent, failed[1]["id"])
        assert row is not None and row.body == {} and row.discarded_at is not None
    again = json.loads(runner.invoke(cli, ["inbox", "failed", "--json"]).output)
    assert [f["id"] for f in again] == [failed[0]["id"]]
    assert runner.invoke(cli, ["inbox", "discard", str(failed[1]["id"])]).exit_code == 1


def test_nul_and_lone_surrogates_are_removed_so_both_databases_keep_the_report(service: Service) -> None:
    """NUL once failed the insert on PostgreSQL (report lost) and a lone surrogate got the apology on both."""
    nul = service.event(SOMSRI, "ตช.1 ร้อยละ 81\u0000 ไตรมาส 2")
    lone = service.event(WICHAI, "placeholder")
    body = json.dumps({"destination": "Ubot", "events": [nul, lone]}, ensure_ascii=True)
    body = body.replace("placeholder", "\\ud83d ตช.1 ร้อยละ 91 ไตรมาส 3")  # half an emoji, as a broken client sends
    assert _post_raw(service, body.encode()).status_code == 200
    service.wait(service.idle)
    with Session(service.engine) as s:
        values = sorted(r.value for r in s.exec(select(ProgressReport)).all() if r.value is not None)
    assert values == [81.0, 91.0]
    rows = _rows(service)
    assert all(r.dead_at is None and r.last_error is None for r in rows)
    assert "\u0000" not in json.dumps(rows[0].body) and "\\u0000" not in json.dumps(rows[0].body)
    assert not any("ขัดข้อง" in t for t in service.texts_to(SOMSRI) + service.texts_to(WICHAI))


def test_a_text_longer_than_line_allows_is_cut_with_a_note(service: Service) -> None:
    long = service.event(SOMSRI, "ตช.1 ร้อยละ 85 ไตรมาส 2 " + "รายละเอียด" * 10_000)
    assert service.post([long]).status_code == 200
    texts = _answered(service, SOMSRI)
    assert "ยาวเกิน 5,000 ตัวอักษร" in texts[0]
    (row,) = _rows(service)
    assert len(row.body["message"]["text"]) == MAX_TEXT
    with Session(service.engine) as s:
        draft_texts = [json.dumps(d.data, ensure_ascii=False) for d in s.exec(select(Draft)).all()]
    assert all(len(t) < 20_000 for t in draft_texts)


def test_zero_width_joiners_stay_inside_emoji_and_go_between_thai_letters() -> None:
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    assert normalize_text(f"ครอบครัว {family} มาร่วมงาน") == f"ครอบครัว {family} มาร่วมงาน"
    assert normalize_text("ตัว\u200dชี้วัด ร้อยละ 8\u200d0") == "ตัวชี้วัด ร้อยละ 80"
    assert normalize_text("🏳️\u200d🌈") == "🏳️\u200d🌈"


def test_database_errors_never_show_parameters(db_url: str) -> None:
    engine = make_engine(db_url)
    secret_text = "ข้อความลับของผู้รายงาน"
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO inbox_event (webhook_event_id, chat_id, body, received_at, attempts) "
                "VALUES ('dup', 'U1', '{}', CURRENT_TIMESTAMP, 0)"
            )
        )
    with pytest.raises(sa.exc.IntegrityError) as caught, engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO inbox_event (webhook_event_id, chat_id, body, received_at, attempts) "
                "VALUES ('dup', :chat, '{}', CURRENT_TIMESTAMP, 0)"
            ),
            {"chat": secret_text},
        )
    engine.dispose()
    assert secret_text not in str(caught.value)


def test_the_worker_log_is_one_line_per_failure_and_traces_are_rate_limited(
    service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="tidtam.worker")
    images = []
    for n in range(3):
        ev = service.event(f"U{n:032x}", "x")
        ev["message"] = {"type": "image", "id": f"missing{n}", "quoteToken": "q", "contentProvider": {"type": "line"}}
        images.append(ev)
    service.fake.add_fault("/v2/bot/message/{messageId}/content", 503, count=3 * MAX_ATTEMPTS)
    service.post(images)
    service.wait(service.idle, timeout=60)
    failures = [r for r in caplog.records if "failed" in r.getMessage() and r.name == "tidtam.worker"]
    assert len(failures) == 3 * MAX_ATTEMPTS  # one line per failure, no retry storm
    with_trace = [r for r in failures if "\n" in r.getMessage()]
    assert len(with_trace) == 1, "one stack trace a minute for the same kind of failure"
    assert all(time.time() - r.created < 120 for r in failures)


def test_photos_posted_in_a_group_are_neither_fetched_nor_kept(service: Service) -> None:
    """They were stored and attached to the poster's latest report, and answered in the group."""
    group = "C" + "b" * 32
    photo = service.event(SOMSRI, "x", group_id=group)
    photo["message"] = {"type": "image", "id": "55501", "quoteToken": "q", "contentProvider": {"type": "line"}}
    service.fake.add_content("55501", b"\x89PNG group photo", "image/png")
    service.post([photo])
    service.wait(service.idle)
    with Session(service.engine) as s:
        assert s.exec(select(Evidence)).all() == []
    assert service.texts_to(group) == []
    (row,) = _rows(service)
    assert row.processed_at is not None and row.dead_at is None


def test_content_line_no_longer_has_is_buried_at_once(service: Service) -> None:
    """A 404 from the content API will not change on retry: no backoff, the chat goes on at once."""
    image = service.event(SOMSRI, "x")
    image["message"] = {"type": "image", "id": "gone1", "quoteToken": "q", "contentProvider": {"type": "line"}}
    service.post([image, service.event(SOMSRI, "ตช.1 ร้อยละ 66 ไตรมาส 2")])
    service.wait(lambda: any(t.startswith("บันทึกแล้วค่ะ") for t in service.texts_to(SOMSRI)), timeout=5)
    first = _rows(service)[0]
    assert first.dead_at is not None and first.attempts == 0
    assert first.last_error == "ContentUnavailable: LINE answered 404"
