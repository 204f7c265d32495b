"""LINE's own SDK test bodies (tests/data/line_sdk_webhooks, copied verbatim), posted signed to the real service.

Every body is a JSON object with an ``events`` list, so every one is acknowledged with 200 whatever its
events look like (unknown types, old shapes without ``webhookEventId``/``deliveryContext``, shapes the
Python SDK refuses): LINE does not redeliver a 4xx, so refusing one would lose its other events. The
worker then handles, ignores or dead-letters each stored event, and none of them delays a stranger's
message for long. Each body is posted three ways: its exact bytes, with ``webhookEventId`` and
``deliveryContext`` removed from every event, and with both present (fresh ids, so every event is stored).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from sqlmodel import Session, select

from bot.signature import sign
from bot.ulid import new_ulid
from store.models import InboxEvent
from tests.webhook_service import SECRET, STRANGER, Service

DATA = Path(__file__).resolve().parent / "data" / "line_sdk_webhooks"
FIXTURES = sorted(DATA.glob("*/*.json"))
ANSWER_WITHIN = 5.0  # seconds for the stranger's text, posted after all the SDK bodies
SETTLE_WITHIN = 30.0  # seconds for every stored event to end processed or dead-lettered


def post_raw(service: Service, body: bytes) -> httpx.Response:
    headers = {"X-Line-Signature": sign(SECRET, body), "Content-Type": "application/json"}
    return service.post_body(body, headers)


def variants(path: Path) -> Iterator[tuple[str, bytes]]:
    """The file's exact bytes, then the same events without, and with fresh, ids and delivery contexts."""
    raw = path.read_bytes()
    yield "as-is", raw
    payload: dict[str, Any] = json.loads(raw)
    events: list[dict[str, Any]] = payload["events"]
    stripped = [{k: v for k, v in e.items() if k not in ("webhookEventId", "deliveryContext")} for e in events]
    yield "without ids", json.dumps({**payload, "events": stripped}, ensure_ascii=False).encode("utf-8")
    fresh = [{**e, "webhookEventId": new_ulid(), "deliveryContext": {"isRedelivery": False}} for e in events]
    yield "with ids", json.dumps({**payload, "events": fresh}, ensure_ascii=False).encode("utf-8")


def post_all(service: Service) -> tuple[list[str], set[tuple[str, str]]]:
    """Post every variant of every fixture; returns the wrong answers and the distinct events sent
    (by ``webhookEventId``, or by content for an event without one)."""
    wrong: list[str] = []
    distinct: set[tuple[str, str]] = set()
    for path in FIXTURES:
        for name, body in variants(path):
            response = post_raw(service, body)
            if response.status_code != 200:
                wrong.append(f"{path.relative_to(DATA)} ({name}): {response.status_code} {response.text[:200]}")
            for event in json.loads(body)["events"]:
                if "webhookEventId" in event:
                    distinct.add(("id", str(event["webhookEventId"])))
                else:
                    distinct.add(("content", json.dumps(event, sort_keys=True)))
    return wrong, distinct


def exception_names() -> set[str]:
    """Every exception class loaded in this process (the service runs in it): what ``last_error`` must name."""
    names: set[str] = set()
    todo: list[type[BaseException]] = [BaseException]
    while todo:
        cls = todo.pop()
        if cls.__name__ not in names:
            names.add(cls.__name__)
            todo.extend(cls.__subclasses__())
    return names


def message_texts(body: Any) -> list[str]:
    message = body.get("message") if isinstance(body, dict) else None
    text = message.get("text") if isinstance(message, dict) else None
    return [text.strip()] if isinstance(text, str) and len(text.strip()) >= 2 else []


def test_fixtures_are_there() -> None:
    assert len(FIXTURES) >= 60
    for folder in {p.parent for p in FIXTURES}:
        assert (folder / "LICENSE").read_text().lstrip().startswith("Apache License")


def test_every_sdk_body_is_acknowledged_and_a_stranger_is_still_answered(service: Service) -> None:
    started = time.monotonic()
    wrong, _ = post_all(service)
    posted = time.monotonic()
    assert not wrong, f"{len(wrong)} signed SDK bodies were not acknowledged with 200:\n" + "\n".join(wrong)

    before = len(service.fake.sent_to(STRANGER))
    assert service.post([service.event(STRANGER, "สวัสดีค่ะ ขอสมัครใช้งาน")]).status_code == 200
    asked = time.monotonic()
    while len(service.fake.sent_to(STRANGER)) == before:
        assert time.monotonic() - asked < ANSWER_WITHIN, (
            f"the stranger's text was not answered within {ANSWER_WITHIN} s of being posted "
            f"(after {3 * len(FIXTURES)} SDK bodies posted in {posted - started:.1f} s)"
        )
        time.sleep(0.05)
    answered = time.monotonic() - asked
    assert any("ยังไม่ได้เชื่อมกับรายชื่อผู้รายงาน" in t for t in service.texts_to(STRANGER))
    print(f"{3 * len(FIXTURES)} SDK bodies posted in {posted - started:.1f} s; stranger answered in {answered:.2f} s")


def test_every_stored_sdk_event_ends_processed_or_dead_lettered(service: Service) -> None:
    _, distinct = post_all(service)
    deadline = time.monotonic() + SETTLE_WITHIN
    while True:
        with Session(service.engine) as s:
            open_rows = s.exec(
                select(sa.func.count())
                .select_from(InboxEvent)
                .where(InboxEvent.processed_at == None, InboxEvent.dead_at == None)  # noqa: E711
            ).one()
        if not open_rows:
            break
        assert time.monotonic() < deadline, f"{open_rows} stored events neither processed nor dead-lettered"
        time.sleep(0.2)

    with Session(service.engine) as s:
        rows = s.exec(select(InboxEvent)).all()
    # An event without webhookEventId gets an id of its own: none of them is lost as a "duplicate".
    assert len(rows) >= len(distinct), f"{len(distinct)} distinct events posted, only {len(rows)} stored"

    known = exception_names()
    problems: list[str] = []
    for row in rows:
        label = f"event {row.webhook_event_id} ({row.body.get('type') if isinstance(row.body, dict) else '?'})"
        error = row.last_error or ""
        for text in message_texts(row.body):  # no one's words in an error or a note, dead-lettered or not
            if text in error:
                problems.append(f"{label}: last_error contains the message text {text!r}")
        if row.dead_at is None:
            continue
        if not error:
            problems.append(f"{label}: dead-lettered without a reason")
        elif not any(re.search(rf"\b{re.escape(name)}\b", error) for name in known):
            problems.append(f"{label}: last_error names no exception type: {error[:200]!r}")
    assert not problems, "\n".join(problems)
