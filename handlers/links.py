"""Short-lived signed links for the dashboard and exported files: HMAC-signed, expiring, per person.

No password ever travels in a URL; a link names who it was made for (their scope applies) and dies
after ``ttl``. The signing key comes from the environment (``LINK_SECRET``, else the channel secret).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

DEFAULT_TTL = timedelta(hours=1)


class BadLink(ValueError):
    """Tampered, malformed or expired; ``expired`` tells which, for the message shown."""

    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


@dataclass(frozen=True)
class Grant:
    person_id: int
    path: str  # what the link opens: "dashboard" or "file:<name>"
    expires: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_link(secret: str, person_id: int, path: str, now: datetime, ttl: timedelta = DEFAULT_TTL) -> str:
    payload = _b64(json.dumps({"u": person_id, "p": path, "e": int((now + ttl).timestamp())}).encode())
    mac = _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{mac}"


def read_link(secret: str, token: str, now: datetime) -> Grant:
    payload, _, mac = token.partition(".")
    expected = _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())
    if not mac or not hmac.compare_digest(mac.encode(), expected.encode()):
        raise BadLink("signature does not match")
    try:
        data = json.loads(_unb64(payload))
        grant = Grant(int(data["u"]), str(data["p"]), datetime.fromtimestamp(int(data["e"]), tz=now.tzinfo))
    except (ValueError, KeyError, TypeError) as exc:
        raise BadLink("malformed link") from exc
    if grant.expires <= now:
        raise BadLink("link expired", expired=True)
    return grant
