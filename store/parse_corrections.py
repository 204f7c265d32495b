"""Parses a reporter corrected, kept as labelled cases for the parser's corpus.

When the bot read a message one way (indicator, value, period) and the report was saved another way
after the reporter's answers, the message and both readings are kept, so an admin can export them
(``tidtam parse export-corrections OUT.yaml``) in the corpus format and a labeller can review them.
Nothing ties a case to a person: no person, chat or message id is kept, and people's names, phone
numbers and LINE ids in the text are replaced before it is stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from store.models import ParseCorrection, Person

NAME_MARK = "<ชื่อ>"
PHONE_MARK = "<โทรศัพท์>"
LINE_MARK = "<LINE>"
_LINE_ID = re.compile(r"\b[UCR][0-9a-f]{32}\b")
_PHONE = re.compile(r"(?<!\d)(?:\+66|0)\d{1,2}[- ]?\d{3}[- ]?\d{3,4}(?!\d)")
_TITLES = ("นาย", "นาง", "นางสาว", "คุณ", "ดร.")


def _names(session: Session) -> list[str]:
    """Every person's full name and its words (a first or last name alone is still a name), longest first."""
    found: set[str] = set()
    for name in session.exec(select(Person.name)).all():
        words = name.split()
        found.add(name)
        found.update(w for w in words if len(w) >= 2 and w not in _TITLES)
    return sorted(found, key=len, reverse=True)


def scrub(text: str, names: Iterable[str]) -> str:
    """The text without people's names, phone numbers or LINE ids."""
    text = _LINE_ID.sub(LINE_MARK, text)
    text = _PHONE.sub(PHONE_MARK, text)
    for name in names:
        text = text.replace(name, NAME_MARK)
    return text


def record(
    session: Session,
    *,
    plan_key: str,
    said_on: date,
    text: str,
    parsed: dict[str, Any],
    settled: dict[str, Any],
    now: datetime,
) -> ParseCorrection | None:
    """Keep a corrected parse; nothing when the parser had read it as it was saved."""
    if parsed == settled or not text.strip():
        return None
    row = ParseCorrection(
        plan_key=plan_key,
        said_on=said_on,
        text=scrub(text, _names(session)),
        parsed=parsed,
        settled=settled,
        created_at=now,
    )
    session.add(row)
    return row


def as_cases(session: Session) -> list[dict[str, Any]]:
    """Every kept correction as a case of the parser's corpus (``expect`` is what was saved; ``note``
    says what the parser read), oldest first, for a labeller to review before it joins a corpus."""
    rows = session.exec(select(ParseCorrection).order_by(col(ParseCorrection.id))).all()
    cases: list[dict[str, Any]] = []
    for row in rows:
        settled = row.settled
        cases.append(
            {
                "id": f"fix-{row.id:04d}",
                "plan": row.plan_key,
                "today": row.said_on.isoformat(),
                "text": row.text,
                "expect": {
                    "indicator": settled.get("indicator"),
                    "ambiguous": False,
                    "value": settled.get("value"),
                    "numerator": settled.get("numerator"),
                    "denominator": settled.get("denominator"),
                    "unit": settled.get("unit"),
                    "period": settled.get("period"),
                    "kind": "report",
                },
                "tags": ["from-use"],
                "note": f"parser read {row.parsed}",
            }
        )
    return cases
