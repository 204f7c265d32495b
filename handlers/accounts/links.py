"""Short-lived signed links for the dashboard and exported files: per person, per purpose, expiring.

No password ever travels in a URL; a link names who it was made for (their scope applies, and the
page checks again that they may still see it) and dies after ``ttl``. Tokens are itsdangerous
signatures (HMAC-SHA256 over a key derived per purpose), so a dashboard link can never open a file
and a link can never pass for anything else signed with the same key.

The key string (``LINK_SECRET``) may hold several keys separated by commas, newest first: the
first signs, every one still opens the links it made, so a key is rotated by putting a new one in
front and dropping the old one an hour later (links live an hour).

The expiry is part of the signed payload and checked against the ``now`` the caller passes, not
against the wall clock, so the service's one clock (and the tests' injected time) decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from itsdangerous import BadSignature, URLSafeSerializer

DEFAULT_TTL = timedelta(hours=1)
Purpose = Literal["dashboard", "file"]
PURPOSES: tuple[Purpose, ...] = ("dashboard", "file")


class BadLink(ValueError):
    """Tampered, malformed or expired; ``expired`` tells which, for the message shown."""

    def __init__(self, message: str, *, expired: bool = False) -> None:
        super().__init__(message)
        self.expired = expired


class NoLinkKey(ValueError):
    """The key string holds no key: links can be neither made nor opened."""


@dataclass(frozen=True)
class Grant:
    person_id: int
    path: str  # what the link opens: "dashboard" or "export:<plan key>:<fiscal year>:<quarter>"
    expires: datetime


def link_keys(secret: str | None) -> list[str]:
    """The keys of a ``LINK_SECRET`` string, newest (the signing one) first; blanks dropped."""
    return [key.strip() for key in (secret or "").split(",") if key.strip()]


class LinkSigner:
    """Makes and reads link tokens with a list of keys, newest first."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise NoLinkKey("no link key configured")
        # itsdangerous signs with the last key of its list and verifies with any: newest last there.
        ordered = list(reversed(keys))
        self._serializers = {
            purpose: URLSafeSerializer(
                ordered,
                salt=f"tidtam.link.{purpose}",
                signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha256},
            )
            for purpose in PURPOSES
        }

    @classmethod
    def from_secret(cls, secret: str | None) -> LinkSigner:
        """From the raw ``LINK_SECRET`` string ("newest,older,…"); ``NoLinkKey`` when it is empty."""
        return cls(link_keys(secret))

    def _serializer(self, purpose: Purpose) -> URLSafeSerializer:
        if purpose not in self._serializers:
            raise ValueError(f"unknown link purpose {purpose!r}")
        return self._serializers[purpose]

    def sign(self, person_id: int, path: str, now: datetime, *, purpose: Purpose, ttl: timedelta = DEFAULT_TTL) -> str:
        expires = int((now + ttl).timestamp())
        token = self._serializer(purpose).dumps({"u": person_id, "p": path, "e": expires})
        return str(token)

    def read(self, token: str, now: datetime, *, purpose: Purpose) -> Grant:
        """The grant of a token made for ``purpose``; ``BadLink`` if forged, malformed or expired."""
        try:
            data: Any = self._serializer(purpose).loads(token)
        except BadSignature as exc:
            raise BadLink("signature does not match") from exc
        try:
            person_id, path, expires = data["u"], data["p"], data["e"]
            if not (isinstance(person_id, int) and isinstance(path, str) and isinstance(expires, int)):
                raise TypeError("unexpected field types")
            grant = Grant(person_id, path, datetime.fromtimestamp(expires, tz=now.tzinfo))
        except (ValueError, KeyError, TypeError, OverflowError, OSError) as exc:
            raise BadLink("malformed link") from exc
        if grant.expires <= now:
            raise BadLink("link expired", expired=True)
        return grant
