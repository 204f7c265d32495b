"""The channel's own settings a bot can read or change: its profile, its webhook endpoint, and LINE's
test of that endpoint (an empty, signed webhook, like the console's "Verify" button).

The fake never leaves the machine: a test delivery reaches only loopback addresses, or a public
origin that a test mapped to one in ``Webhook.routes`` (the fake's stand-in for DNS and TLS). Anything
else is reported as LINE reports an endpoint it cannot reach.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from bot.dev.fakeline.errors import LineError
from bot.signature import sign

MAX_ENDPOINT = 500
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass
class BotProfile:
    """What ``GET /v2/bot/info`` answers: the bot's user id, its basic id (@…) and name."""

    user_id: str = field(default_factory=lambda: "U" + secrets.token_hex(16))
    basic_id: str = field(default_factory=lambda: "@" + secrets.token_hex(4))
    display_name: str = "Tidtam (fake LINE)"

    def to_json(self) -> dict[str, str]:
        return {
            "userId": self.user_id,
            "basicId": self.basic_id,
            "displayName": self.display_name,
            "chatMode": "bot",
            "markAsReadMode": "auto",
        }


@dataclass
class Webhook:
    endpoint: str | None = None
    # "Use webhook" in the LINE Developers Console: only a person can switch it, never the API.
    active: bool = True
    routes: dict[str, str] = field(default_factory=dict)  # public origin → loopback base URL
    tests: list[dict[str, Any]] = field(default_factory=list)  # every test delivery's outcome

    def set(self, endpoint: str) -> None:
        if urlsplit(endpoint).scheme != "https" or not urlsplit(endpoint).netloc:
            raise LineError(400, "Invalid webhook endpoint URL: it must start with https://")
        if len(endpoint) > MAX_ENDPOINT:
            raise LineError(400, f"The webhook endpoint URL must be at most {MAX_ENDPOINT} characters")
        self.endpoint = endpoint

    def info(self) -> dict[str, Any]:
        if self.endpoint is None:
            raise LineError(404, "Not found")
        return {"endpoint": self.endpoint, "active": self.active}

    def reachable(self, endpoint: str) -> str | None:
        """The loopback URL a delivery to ``endpoint`` goes to, or None: the fake reaches nothing else."""
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self.routes:
            return self.routes[origin].rstrip("/") + endpoint[len(origin) :]
        return endpoint if parts.hostname in LOOPBACK_HOSTS else None


async def test_delivery(webhook: Webhook, endpoint: str | None, secret: str | None, destination: str) -> dict[str, Any]:
    """Send ``{"destination": …, "events": []}`` signed with the channel secret, and say how it went."""
    target_endpoint = endpoint or webhook.endpoint
    if not target_endpoint:
        raise LineError(400, "The webhook endpoint URL is not set")
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    target = webhook.reachable(target_endpoint)
    if target is None:
        result = _result(False, now, 0, "COULD_NOT_CONNECT", f"{target_endpoint}: no route from the fake")
    else:
        body = json.dumps({"destination": destination, "events": []}).encode()
        headers = {"Content-Type": "application/json", "User-Agent": "LineBotWebhook/2.0"}
        if secret:
            headers["X-Line-Signature"] = sign(secret, body)
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.post(target, content=body, headers=headers)
            ok = response.status_code == 200
            reason = "OK" if ok else "ERROR_STATUS_CODE"
            result = _result(ok, now, response.status_code, reason, f"{response.status_code} {response.reason_phrase}")
        except httpx.TimeoutException:
            result = _result(False, now, 0, "REQUEST_TIMEOUT", "no answer within 10 s")
        except httpx.HTTPError as exc:
            result = _result(False, now, 0, "COULD_NOT_CONNECT", f"{type(exc).__name__}")
    webhook.tests.append({"endpoint": target_endpoint, **result})
    return result


def _result(success: bool, timestamp: str, status: int, reason: str, detail: str) -> dict[str, Any]:
    return {"success": success, "timestamp": timestamp, "statusCode": status, "reason": reason, "detail": detail}
