"""The privacy notice (PDPA, พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562): what is kept, why, how long, and
whom to ask for a copy or erasure. Sent with the greeting on follow, and again when asked for by name.

The notice states the retention the clock applies, so both read the same ``PrivacyTerms`` (built from
the settings by ``bot``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handlers.accounts import texts as at
from handlers.parse.normalize import normalize_text, remove_spans


@dataclass(frozen=True)
class PrivacyTerms:
    """Whom to ask, and the retention the notice promises (the clock's retention rules use the same days)."""

    contact: str = at.PRIVACY_CONTACT
    inbox_days: int = 30
    drafts_days: int = 30


def privacy_notice(terms: PrivacyTerms) -> str:
    return at.PRIVACY_NOTICE.format(contact=terms.contact, inbox_days=terms.inbox_days, drafts_days=terms.drafts_days)


# The whole message asks for the notice: "ข้อมูลส่วนบุคคล", "ขอดูนโยบายความเป็นส่วนตัวหน่อยค่ะ", "PDPA".
# Only the whole message: a report may well speak of personal data ("จัดทำประกาศคุ้มครองข้อมูลส่วนบุคคล 80%").
_ASKS_NOTICE = re.compile(
    r"(?:ขอ)?(?:ดู|อ่าน|ทราบ)?\s*"
    r"(?:(?:นโยบาย|ประกาศ)?\s*(?:การ)?(?:คุ้มครอง)?\s*ข้อมูลส่วนบุคคล|นโยบาย\s*ความเป็นส่วนตัว|pdpa|privacy(?:\s*policy)?)"
    r"\s*(?:หน่อย|ด้วย)?\s*(?:ค่ะ|คะ|ครับ|นะคะ|นะครับ)?\s*[?!.]*",
    re.IGNORECASE,
)


def asks_privacy_notice(text: str, spans: tuple[tuple[int, int], ...] = ()) -> bool:
    """Is the whole message (an @mention cut out) a request for the privacy notice?"""
    return _ASKS_NOTICE.fullmatch(normalize_text(remove_spans(text, spans)).strip()) is not None
