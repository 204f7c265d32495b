"""LINE identities: one-time link codes an admin issues, and binding a LINE user id to a person.

Codes are stored hashed; a code works once and expires. A LINE user id never gains a role by itself:
roles come only from ``RoleGrant`` rows an admin made for the bound person.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from store.models import LineIdentity, LinkCode, Person

CODE_TTL = timedelta(days=7)
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and typed on phones
CODE_RE = re.compile(r"\bTT-?([A-HJ-NP-Z2-9]{4})-?([A-HJ-NP-Z2-9]{4})\b", re.IGNORECASE)


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def issue_link_code(session: Session, person: Person, now: datetime) -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    code = f"TT-{raw[:4]}-{raw[4:]}"
    session.add(LinkCode(code_hash=_hash(code), person_id=person.id or 0, created_at=now, expires_at=now + CODE_TTL))
    session.flush()
    return code


def find_code(text: str) -> str | None:
    m = CODE_RE.search(text.upper())
    return f"TT-{m.group(1)}-{m.group(2)}".upper() if m else None


def redeem(
    session: Session, code: str, line_user_id: str, now: datetime, display_name: str | None = None
) -> Person | None:
    """Bind ``line_user_id`` to the code's person; None if the code is unknown, used or expired."""
    link = session.exec(
        select(LinkCode).where(LinkCode.code_hash == _hash(code), col(LinkCode.used_at).is_(None))
    ).first()
    if link is None or (link.expires_at is not None and link.expires_at <= now):
        return None
    person = session.get(Person, link.person_id)
    if person is None:
        return None
    link.used_at = now
    session.add(link)
    identity = session.exec(select(LineIdentity).where(LineIdentity.line_user_id == line_user_id)).first()
    if identity is None:
        identity = LineIdentity(line_user_id=line_user_id, person_id=person.id or 0, linked_at=now)
    identity.person_id, identity.display_name, identity.following = person.id or 0, display_name, True
    session.add(identity)
    session.flush()
    return person


def person_of(session: Session, line_user_id: str | None) -> Person | None:
    if not line_user_id:
        return None
    identity = session.exec(select(LineIdentity).where(LineIdentity.line_user_id == line_user_id)).first()
    if identity is None:
        return None
    person = session.get(Person, identity.person_id)
    return person if person is not None and person.active else None


def bind(session: Session, person: Person, line_user_id: str, now: datetime) -> None:
    """Bind directly (the demo loader and tests; real people redeem a code)."""
    identity = session.exec(select(LineIdentity).where(LineIdentity.line_user_id == line_user_id)).first()
    if identity is None:
        session.add(LineIdentity(line_user_id=line_user_id, person_id=person.id or 0, linked_at=now))
    session.flush()


def set_following(session: Session, line_user_id: str, following: bool) -> None:
    identity = session.exec(select(LineIdentity).where(LineIdentity.line_user_id == line_user_id)).first()
    if identity is not None:
        identity.following = following
        session.add(identity)
