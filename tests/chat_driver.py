"""Chatting through the real router (``dispatch``) and the real store, without HTTP.

Each step is one transaction in a fresh session, as each LINE event is in the worker, so whatever
survives between steps has survived a restart. Events are built as LINE sends them and decoded by
the SDK, so what the router sees is what it sees in production.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from linebot.v3.webhooks import Event

from handlers.dispatch import EventContext, dispatch
from handlers.replies import Reply
from store.db import session_scope

T0 = datetime(2024, 1, 15, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok, FY2567 Q2
_IDS = itertools.count(1)


class ChatDriver:
    """One LINE user in a 1:1 chat with the bot."""

    def __init__(self, engine: sa.Engine, line_user_id: str, evidence_dir: Path, now: datetime = T0) -> None:
        self.engine, self.user, self.evidence_dir, self.now = engine, line_user_id, evidence_dir, now
        self.last: Reply = Reply()

    def _event(self, kind: str, payload: dict[str, Any]) -> Event:
        body: dict[str, Any] = {
            "type": kind,
            "mode": "active",
            "timestamp": int(self.now.timestamp() * 1000),
            "source": {"type": "user", "userId": self.user},
            "webhookEventId": f"ev{next(_IDS):08d}",
            "deliveryContext": {"isRedelivery": False},
            "replyToken": "rt",
            **payload,
        }
        return Event.from_dict(body)

    def _run(self, event: Event) -> Reply:
        with session_scope(self.engine) as session:
            ctx = EventContext(session, self.now, self.evidence_dir, link_secret="k" * 32)
            self.last = dispatch(ctx, event)
        return self.last

    def say(self, text: str, *, after: timedelta = timedelta(minutes=1)) -> Reply:
        self.now += after
        message = {"type": "text", "id": f"m{next(_IDS)}", "quoteToken": "q", "text": text}
        return self._run(self._event("message", {"message": message}))

    def tap(self, label_start: str, *, after: timedelta = timedelta(seconds=20)) -> Reply:
        self.now += after
        quick = self.last.messages[-1].quick_replies if self.last.messages else ()
        labels = [q.label for q in quick]
        choice = next((q for q in quick if q.label.startswith(label_start)), None)
        assert choice is not None, f"no quick reply starting {label_start!r} in {labels}"
        return self._run(self._event("postback", {"postback": {"data": choice.data}}))

    def tap_data(self, data: str, *, after: timedelta = timedelta(seconds=20)) -> Reply:
        self.now += after
        return self._run(self._event("postback", {"postback": {"data": data}}))

    @property
    def text(self) -> str:
        return "\n".join(self.last.texts)
