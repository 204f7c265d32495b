"""A running service for webhook tests: the real app on loopback (inline worker) with the fake LINE
platform it mounts in console mode, demo people loaded; ``service`` is a fixture (see conftest)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from pydantic import SecretStr
from sqlmodel import Session, select

from bot.app import create_app
from bot.dev.fakeline.app import fake_of
from bot.dev.fakeline.state import FakeLine
from bot.settings import Settings
from store.db import session_scope
from store.demo import demo_line_id, load_demo
from store.models import InboxEvent, OutboxMessage
from tests.live import free_port, http_client, serve_app, signed, text_event

PLANS = Path(__file__).resolve().parent.parent / "plans"

SECRET = "test-channel-secret"
SOMSRI = demo_line_id("somsri")
ADMIN = demo_line_id("admin")
STRANGER = "U" + "f" * 32


@dataclass
class Service:
    base: str
    fake: FakeLine
    engine: sa.Engine
    http: httpx.Client = field(default_factory=http_client)  # one client, not one per request

    def post(self, events: list[dict[str, Any]], secret: str = SECRET) -> httpx.Response:
        body, headers = signed(secret, events)
        return self.post_body(body, headers)

    def post_body(self, body: bytes, headers: dict[str, str]) -> httpx.Response:
        return self.http.post(f"{self.base}/webhook", content=body, headers=headers)

    def event(self, user: str, text: str, **kw: Any) -> dict[str, Any]:
        chat = kw.get("group_id") or user
        return text_event(user, text, reply_token=self.fake.issue_reply_token(chat), **kw)

    def wait(self, until: Callable[[], bool], timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not until():
            assert time.monotonic() < deadline, "the worker did not finish in time"
            time.sleep(0.05)

    def idle(self) -> bool:
        with Session(self.engine) as s:
            pending = s.exec(select(InboxEvent).where(InboxEvent.processed_at == None)).all()  # noqa: E711
            unsent = s.exec(select(OutboxMessage).where(OutboxMessage.sent_at == None)).all()  # noqa: E711
        return not pending and not [o for o in unsent if o.attempts < 8]

    def texts_to(self, chat: str) -> list[str]:
        return [m.get("text", "") for r in self.fake.sent_to(chat) for m in r.messages]


@pytest.fixture
def service(db_url: str, tmp_path: Path) -> Iterator[Service]:
    settings = Settings(
        database_url=db_url,
        line_channel_secret=SecretStr(SECRET),
        plans_dir=PLANS,
        evidence_dir=tmp_path / "ev",
        console=True,  # LINE is the fake platform mounted at /_line
    )
    port = free_port()
    app = create_app(settings, port=port)
    runtime = app.state.runtime
    with session_scope(runtime.engine) as s:
        load_demo(s, PLANS, __import__("store.models", fromlist=["utcnow"]).utcnow())
    fake_app = next(r.app for r in app.routes if getattr(r, "path", "") == "/_line")
    with serve_app(app, port) as base, http_client() as http:
        yield Service(base, fake_of(fake_app), runtime.engine, http)
