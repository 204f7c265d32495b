"""What the fake platform remembers, and the rules LINE enforces that the OpenAPI spec cannot express.

Everything here is plain Python so in-process tests can seed and inspect it directly; the HTTP layer
(``app.py``) only translates requests into these calls and ``LineError`` into responses.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.dev.fakeline.channel import BotProfile, Webhook
from bot.dev.fakeline.errors import LineError
from bot.dev.fakeline.richmenus import RichMenus

Clock = Callable[[], datetime]

DEFAULT_ACCESS_TOKEN = "fake-line-channel-access-token"
RETRY_KEY_LIFETIME = timedelta(hours=24)
_ID = re.compile(r"^[UCR][0-9a-f]{32}$")
_QUOTABLE = frozenset({"text", "textV2", "sticker", "image", "video"})
_FAULT_MESSAGES = {
    429: "The API rate limit has been exceeded. Try again later.",
    500: "Internal server error",
    503: "Service unavailable",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id(prefix: str = "U") -> str:
    """A realistic LINE ID (``U``/``C``/``R`` + 32 hex): the fake rejects recipients of any other shape."""
    return prefix + secrets.token_hex(16)


@dataclass
class SentRecord:
    """One accepted send; ``to`` is the reply token's chat for replies (empty if it was issued without one)."""

    endpoint: str
    to: list[str]
    messages: list[dict[str, Any]]
    at: datetime
    request_id: str
    retry_key: str | None = None
    reply_token: str | None = None
    notification_disabled: bool = False
    message_ids: list[str] = field(default_factory=list)
    charged: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "to": self.to,
            "messages": self.messages,
            "at": self.at.isoformat(),
            "requestId": self.request_id,
            "retryKey": self.retry_key,
            "replyToken": self.reply_token,
            "notificationDisabled": self.notification_disabled,
            "messageIds": self.message_ids,
            "charged": self.charged,
        }


@dataclass
class ReplyToken:
    token: str
    to: str | None
    expires_at: datetime
    used: bool = False


@dataclass
class AcceptedRetry:
    request_id: str
    body_digest: str
    at: datetime


@dataclass
class RetryConflict:
    """A 409 answered; ``same_body`` False means our code reused one key for two different sends."""

    retry_key: str
    same_body: bool
    at: datetime


@dataclass
class Group:
    group_id: str
    name: str
    members: dict[str, str] = field(default_factory=dict)
    picture_url: str | None = None


@dataclass
class Content:
    data: bytes
    content_type: str


@dataclass
class FakeLine:
    """The platform's state; one lock because uvicorn's loop thread and the test thread both touch it."""

    access_token: str = DEFAULT_ACCESS_TOKEN
    monthly_quota: int | None = 300
    reply_token_ttl: timedelta = timedelta(minutes=1)
    strict_recipients: bool = False
    quota_zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Bangkok"))
    clock: Clock = utc_now
    channel_secret: str | None = None  # signs the webhook test delivery, as LINE signs every webhook
    bot: BotProfile = field(default_factory=BotProfile)
    webhook: Webhook = field(default_factory=Webhook, init=False)
    rich_menus: RichMenus = field(default_factory=RichMenus, init=False)
    sent: list[SentRecord] = field(default_factory=list, init=False)
    retry_conflicts: list[RetryConflict] = field(default_factory=list, init=False)
    users: dict[str, dict[str, str]] = field(default_factory=dict, init=False)
    groups: dict[str, Group] = field(default_factory=dict, init=False)
    contents: dict[str, Content] = field(default_factory=dict, init=False)
    _reply_tokens: dict[str, ReplyToken] = field(default_factory=dict, init=False, repr=False)
    _retry_keys: dict[str, AcceptedRetry] = field(default_factory=dict, init=False, repr=False)
    _usage: list[tuple[datetime, int]] = field(default_factory=list, init=False, repr=False)
    _faults: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False)
    _message_seq: int = field(default=600_000_000_000_000_000, init=False, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False)

    # --- seeding, for tests and the console -------------------------------------------------------

    def add_user(self, user_id: str, display_name: str, **extra: str) -> None:
        """A friend of the bot: only friends have a ``/v2/bot/profile`` (extra: pictureUrl, language, …)."""
        self.users[user_id] = {"userId": user_id, "displayName": display_name, **extra}

    def add_group(
        self, group_id: str, name: str, members: Mapping[str, str] | None = None, picture_url: str | None = None
    ) -> None:
        """``members`` maps user ID to display name; a push to the group costs one message per member."""
        self.groups[group_id] = Group(group_id, name, dict(members or {}), picture_url)

    def add_content(self, message_id: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        self.contents[message_id] = Content(data, content_type)

    def issue_reply_token(self, to: str | None = None, ttl: timedelta | None = None) -> str:
        """What a webhook event would carry; ``to`` is the chat it came from, recorded with the reply."""
        token = secrets.token_hex(16)
        with self._lock:
            expires = self.clock() + (ttl if ttl is not None else self.reply_token_ttl)
            self._reply_tokens[token] = ReplyToken(token, to, expires)
        return token

    def add_fault(self, path: str, status: int, count: int = 1) -> None:
        """The next ``count`` requests to ``path`` (concrete or as routed, e.g. ``…/{messageId}/content``) fail."""
        with self._lock:
            self._faults.setdefault(path, []).extend([status] * count)

    def clear_sent(self) -> None:
        with self._lock:
            self.sent.clear()
            self.retry_conflicts.clear()

    def reset(self) -> None:
        """Forget everything sent and charged, the rich menus and the webhook endpoint; keep seeded
        users, groups and contents (and the routes a test gave webhook deliveries)."""
        with self._lock:
            self.clear_sent()
            self.rich_menus.clear()
            self.webhook.endpoint = None
            self.webhook.active = True
            self.webhook.tests.clear()
            self._reply_tokens.clear()
            self._retry_keys.clear()
            self._usage.clear()
            self._faults.clear()

    # --- inspection --------------------------------------------------------------------------------

    def sent_to(self, chat_id: str) -> list[SentRecord]:
        with self._lock:
            return [record for record in self.sent if chat_id in record.to]

    def usage(self) -> int:
        """Messages charged this calendar month (in ``quota_zone``); replies are free."""

        def month(at: datetime) -> tuple[int, int]:
            local = at.astimezone(self.quota_zone)
            return local.year, local.month

        current = month(self.clock())
        with self._lock:
            return sum(cost for at, cost in self._usage if month(at) == current)

    # --- platform rules, called by the routes ------------------------------------------------------

    def check_token(self, authorization: str | None) -> None:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or token.strip() != self.access_token:
            raise LineError(
                401, "Authentication failed. Confirm that the access token in the authorization header is valid."
            )

    def take_fault(self, paths: Iterable[str]) -> None:
        with self._lock:
            for path in paths:
                queue = self._faults.get(path)
                if queue:
                    status = queue.pop(0)
                    raise LineError(status, _FAULT_MESSAGES.get(status, "An error occurred"))

    def reply(self, body: dict[str, Any], request_id: str) -> SentRecord:
        with self._lock:
            token = self._reply_tokens.get(body["replyToken"])
            if token is None or token.used or self.clock() >= token.expires_at:
                raise LineError(400, "Invalid reply token")
            token.used = True
            record = self._record("reply", [token.to] if token.to else [], body, request_id, None, 0)
            record.reply_token = token.token
            return record

    def push(self, body: dict[str, Any], request_id: str, retry_key: str | None) -> SentRecord:
        with self._lock:
            self._check_retry_key(retry_key, body)
            to: str = body["to"]
            if not _ID.match(to):
                raise LineError(400, "The property, 'to', in the request body is invalid (line: -, column: -)")
            cost = self._recipients_cost(to)
            self._charge(cost)
            return self._record("push", [to], body, request_id, retry_key, cost)

    def multicast(self, body: dict[str, Any], request_id: str, retry_key: str | None) -> SentRecord:
        with self._lock:
            self._check_retry_key(retry_key, body)
            to: list[str] = body["to"]
            for index, user_id in enumerate(to):
                if not (_ID.match(user_id) and user_id.startswith("U")):
                    raise LineError(
                        400, f"The property, 'to[{index}]', in the request body is invalid (line: -, column: -)"
                    )
            cost = sum(self._recipients_cost(user_id) for user_id in dict.fromkeys(to))
            self._charge(cost)
            return self._record("multicast", list(to), body, request_id, retry_key, cost)

    def _check_retry_key(self, retry_key: str | None, body: dict[str, Any]) -> None:
        if retry_key is None:
            return
        now = self.clock()
        digest = _digest(body)
        accepted = self._retry_keys.get(retry_key.lower())
        if accepted is not None and now - accepted.at < RETRY_KEY_LIFETIME:
            self.retry_conflicts.append(RetryConflict(retry_key, accepted.body_digest == digest, now))
            raise LineError(
                409,
                "The retry key is already accepted",
                headers={"x-line-accepted-request-id": accepted.request_id},
            )

    def _recipients_cost(self, chat_id: str) -> int:
        """LINE charges per recipient reached, not per message object: a group costs its member count."""
        if chat_id.startswith("U"):
            if self.strict_recipients and chat_id not in self.users:
                raise LineError(400, "Failed to send messages")
            return 1
        group = self.groups.get(chat_id)
        if group is None:
            if self.strict_recipients:
                raise LineError(400, "Failed to send messages")
            return 1
        return len(group.members)

    def _charge(self, cost: int) -> None:
        if self.monthly_quota is not None and self.usage() + cost > self.monthly_quota:
            raise LineError(429, "You have reached your monthly limit.")

    def _record(
        self, endpoint: str, to: list[str], body: dict[str, Any], request_id: str, retry_key: str | None, cost: int
    ) -> SentRecord:
        now = self.clock()
        ids = []
        for _ in body["messages"]:
            self._message_seq += 1
            ids.append(str(self._message_seq))
        record = SentRecord(
            endpoint=endpoint,
            to=to,
            messages=body["messages"],
            at=now,
            request_id=request_id,
            retry_key=retry_key,
            notification_disabled=bool(body.get("notificationDisabled", False)),
            message_ids=ids,
            charged=cost,
        )
        self.sent.append(record)
        if cost:
            self._usage.append((now, cost))
        if retry_key is not None:
            self._retry_keys[retry_key.lower()] = AcceptedRetry(request_id, _digest(body), now)
        return record


def sent_messages(record: SentRecord) -> list[dict[str, str]]:
    """The ``sentMessages`` of a reply/push response: quotable types also get a ``quoteToken``."""
    out = []
    for message, message_id in zip(record.messages, record.message_ids, strict=True):
        item = {"id": message_id}
        if message.get("type") in _QUOTABLE:
            item["quoteToken"] = secrets.token_urlsafe(24)
        out.append(item)
    return out


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def new_request_id() -> str:
    return uuid.uuid4().hex
