"""Photos and files sent 1:1 as evidence: stored with their hash and attached to the report being
written or the one just saved."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from linebot.v3.webhooks import FileMessageContent

from handlers import texts as m
from handlers.accounts import texts as at
from handlers.context import EventContext, chat_id_of, is_group, user_id_of
from handlers.drafts import QUESTION_STATES
from handlers.replies import Reply
from handlers.reporting.conversation import open_draft
from store import item_marks, progress
from store.evidence import MAX_BYTES, EvidenceTooLarge, store_file
from store.identities import person_of
from store.models import Evidence

_RECENT = timedelta(minutes=30)


def on_file(ctx: EventContext, event: Any, message: Any) -> Reply:
    if is_group(event):
        return Reply()  # evidence is sent in a 1:1 chat; a group's photos are not ours to keep
    person = person_of(ctx.session, user_id_of(event))
    if person is None:
        return Reply().say(m.ONBOARDING)
    if ctx.content is None:
        return Reply()
    filename = getattr(message, "file_name", None)
    try:
        stored = store_file(ctx.evidence_dir, ctx.content, ctx.content_type, filename)
    except EvidenceTooLarge:
        return Reply().say(at.EVIDENCE_TOO_LARGE.format(limit=MAX_BYTES // (1024 * 1024)))
    evidence = Evidence(
        person_id=person.id or 0,
        kind="file" if isinstance(message, FileMessageContent) else "image",
        filename=filename,
        content_type=ctx.content_type,
        size=stored.size,
        sha256=stored.sha256,
        path=stored.path,
        line_message_id=message.id,
        created_at=ctx.now,
    )
    draft = open_draft(ctx.session, person.id or 0, chat_id_of(event))
    target = None
    if draft is not None and draft.state in QUESTION_STATES:
        evidence.draft_id = draft.id
        target = at.EVIDENCE_TO_DRAFT
    else:
        report = progress.last_reported_by(session=ctx.session, person_id=person.id or 0, since=ctx.now - _RECENT)
        if report is not None:
            evidence.report_id = report.id
            target = at.EVIDENCE_TO_LATEST
        mark = item_marks.last_done_mark(ctx.session, person_id=person.id or 0, since=ctx.now - _RECENT)
        if mark is not None and (report is None or mark.report_id == report.id):
            evidence.item_mark_id = mark.id
            evidence.report_id = mark.report_id
            target = at.EVIDENCE_TO_ITEM
    ctx.session.add(evidence)
    return Reply().say(at.EVIDENCE_ATTACHED.format(target=target) if target else at.EVIDENCE_KEPT)
