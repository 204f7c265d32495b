"""Sending through LINE with the real ``line-bot-sdk`` v3 async client: reply first, push otherwise.

``LINE_API_BASE`` points the client at the fake platform in tests and in the local console. The
client must be created inside a running event loop (aiohttp), so ``LineClient.open`` is called from
the app's lifespan, never at import time.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    FlexContainer,
    FlexMessage,
    PostbackAction,
    PushMessageRequest,
    QuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.messaging.exceptions import ApiException

from store.models import OutboxMessage
from store.outbox import retry_key

log = logging.getLogger("tidtam.line")
REPLY_TOKEN_LIFETIME = timedelta(seconds=50)  # LINE honours tokens for about a minute
TEXT_LIMIT = 5000


@dataclass(frozen=True)
class SendOutcome:
    status: Literal["sent", "retry", "failed", "push"]
    note: str = ""


def to_sdk_message(item: dict[str, Any]) -> TextMessage | FlexMessage:
    """Our stored message → an SDK model (what the SDK then serialises is what LINE validates)."""
    quick = None
    if item.get("quick_replies"):
        quick = QuickReply(
            items=[
                QuickReplyItem(action=PostbackAction(label=q["label"], data=q["data"], display_text=q["display_text"]))
                for q in item["quick_replies"][:13]
            ]
        )
    text = str(item.get("text") or "")[:TEXT_LIMIT]
    if item.get("flex"):
        return FlexMessage(
            alt_text=text[:400] or "Tidtam", contents=FlexContainer.from_dict(item["flex"]), quick_reply=quick
        )
    return TextMessage(text=text or " ", quick_reply=quick)


LINE_API = "https://api.line.me"  # LINE_API_BASE's default: the real platform


def sdk_configuration(base_url: str, access_token: str) -> Configuration:
    """On LINE itself the SDK picks each endpoint's host (message content and rich menu images live on
    api-data.line.me); any other base (the fake platform) serves every endpoint at one host."""
    base = base_url.rstrip("/")
    return Configuration(host=None if base == LINE_API else base, access_token=access_token)


class LineClient:
    """The SDK's async API objects, opened and closed with the service."""

    def __init__(self, base_url: str, access_token: str) -> None:
        self._config = sdk_configuration(base_url, access_token)
        self._client: AsyncApiClient | None = None
        self.api: AsyncMessagingApi | None = None
        self.blob: AsyncMessagingApiBlob | None = None

    async def open(self) -> None:
        self._client = AsyncApiClient(self._config)
        self.api = AsyncMessagingApi(self._client)
        self.blob = AsyncMessagingApiBlob(self._client)

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def content(self, message_id: str) -> tuple[bytes, str | None]:
        assert self.blob is not None
        response = await self.blob.get_message_content_with_http_info(message_id)
        data = response.data if isinstance(response.data, bytes | bytearray) else bytes(response.raw_data or b"")
        headers = response.headers or {}
        return bytes(data), headers.get("Content-Type") or headers.get("content-type")

    async def send(self, row: OutboxMessage, now: datetime) -> SendOutcome:
        """Send one outbox row; the caller records the outcome in the store."""
        assert self.api is not None
        payload = row.payload or {}
        messages = [to_sdk_message(m) for m in payload.get("messages", [])][:5]
        if not messages:
            return SendOutcome("sent", "nothing to send")
        token = payload.get("reply_token")
        received = payload.get("received_at")
        fresh = bool(token) and received and now - datetime.fromisoformat(received) < REPLY_TOKEN_LIFETIME
        if row.kind == "reply" and fresh:
            try:
                await self.api.reply_message(ReplyMessageRequest(reply_token=token, messages=messages))
                return SendOutcome("sent", "reply")
            except ApiException as exc:
                if exc.status == 400 and "reply token" in (exc.body or "").lower():
                    if row.attempts > 0:
                        return SendOutcome("sent", "reply token already used: delivered by the earlier attempt")
                    return await self._push(row, messages, "reply token expired")
                return self._classify(exc)
            except Exception as exc:  # network errors: try again later
                return SendOutcome("retry", f"{type(exc).__name__}: {exc}")
        return await self._push(row, messages, "push")

    async def _push(self, row: OutboxMessage, messages: list[Any], why: str) -> SendOutcome:
        assert self.api is not None
        try:
            await self.api.push_message(
                PushMessageRequest(to=row.recipient, messages=messages), x_line_retry_key=retry_key(row.key)
            )
            return SendOutcome("push", why)
        except ApiException as exc:
            if exc.status == 409:
                return SendOutcome("push", "409: accepted before (retry key)")
            return self._classify(exc)
        except Exception as exc:
            return SendOutcome("retry", f"{type(exc).__name__}: {exc}")

    @staticmethod
    def _classify(exc: ApiException) -> SendOutcome:
        if exc.status == 429 or (exc.status or 0) >= 500:
            return SendOutcome("retry", f"{exc.status}: {exc.body}")
        log.error("LINE refused a message: %s %s", exc.status, exc.body)
        return SendOutcome("failed", f"{exc.status}: {exc.body}")
