"""From a LINE webhook event (the SDK's model) to what the bot does and says.

A dispatch table, like python-telegram-bot's handlers: (event type → handler). Every handler first
finds out who is speaking from the store (LINE user → person → role grants); an unknown LINE user
gets onboarding help and no data. Knows nothing about HTTP: content bytes for images and files
are fetched by the caller and passed in.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from linebot.v3.webhooks import (
    Event,
    FileMessageContent,
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    MemberLeftEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnfollowEvent,
    UnsendEvent,
    UserMentionee,
)
from sqlmodel import col, select

from handlers import texts as m
from handlers.accounts.evidence import on_file
from handlers.accounts.follows import on_follow, on_unfollow
from handlers.accounts.groups import bind_group, on_join, on_leave, on_members
from handlers.accounts.leave import leave_until
from handlers.accounts.link_requests import link_request
from handlers.accounts.privacy import asks_privacy_notice, privacy_notice
from handlers.accounts.texts import BIND_WORDS
from handlers.context import EventContext, chat_id_of, is_group, user_id_of
from handlers.drafts import LISTENING_STATES, ReportState
from handlers.parse.intent import looks_like_query
from handlers.postbacks import BadPostback, PickQueryUnit, Verify, decode_postback
from handlers.queries.answers import QueryAnswerer, committee_chat
from handlers.replies import QuickReply, Reply
from handlers.reporting.conversation import ReportConversation, Speaker, draft_label, pending_draft
from handlers.verification.verify import finish_return, on_verify, pending_return, tell_committee
from scoring.thai import thai_date
from store import progress
from store.identities import find_code, person_of, redeem
from store.models import Draft, Person
from store.people import reporting_unit

log = logging.getLogger("tidtam.dispatch")
_MENU_REPORT = re.compile(rf"{re.escape(m.MENU_REPORT)}\s*(?:ค่ะ|คะ|ครับ|จ้า)?")


def needs_content(event: Event) -> bool:
    """Images and files sent to us in a 1:1 chat (not hosted elsewhere) must be fetched before dispatch.

    Files posted in a group are other people's conversation: never fetched, never kept.
    """
    if not isinstance(event, MessageEvent) or is_group(event):
        return False
    message = event.message
    if isinstance(message, ImageMessageContent):
        provider = getattr(message, "content_provider", None)
        return getattr(provider, "type", "line") == "line"
    return isinstance(message, FileMessageContent)


def dispatch(ctx: EventContext, event: Event) -> Reply:
    """Handle one event; the caller commits (with the inbox row) and sends the reply."""
    handler = _HANDLERS.get(type(event))
    if handler is None:
        log.info("ignored event type %s", type(event).__name__)
        return Reply()
    return handler(ctx, event)


# --- messages --------------------------------------------------------------------------------


def _on_message(ctx: EventContext, event: Any) -> Reply:
    message = event.message
    if isinstance(message, TextMessageContent):
        return _on_text(ctx, event, message)
    if isinstance(message, ImageMessageContent | FileMessageContent):
        return on_file(ctx, event, message)
    return Reply()  # stickers, locations, audio: friendly noise, nothing to record


def _mention_spans(message: TextMessageContent) -> tuple[bool, tuple[tuple[int, int], ...]]:
    mention = getattr(message, "mention", None)
    mentionees = getattr(mention, "mentionees", None) or []
    spans = tuple(
        (mt.index, mt.length) for mt in mentionees if isinstance(mt, UserMentionee) and getattr(mt, "is_self", False)
    )
    return bool(spans), spans


@dataclass
class TextTurn:
    """A text message as the router sees it: who, where, what, and the facts routes match on."""

    ctx: EventContext
    event: Any
    text: str
    spans: tuple[tuple[int, int], ...]
    message_id: str | None
    group: bool
    mentioned: bool
    user_id: str | None
    person: Person | None

    @property
    def chat_id(self) -> str:
        return str(chat_id_of(self.event))

    @cached_property
    def leave(self) -> date | None:
        return None if self.group else leave_until(self.text, self.ctx.now)

    @cached_property
    def query(self) -> bool:
        if not looks_like_query(self.text):
            return False
        if self.person is None:
            return True
        # "ตช.2 สรุปผลแบบสอบถามเสร็จแล้วค่ะ": a reporter's work told done is theirs to confirm, not a status asked
        return not self.conversation.reads_as_report(self.text, self.spans)

    @cached_property
    def conversation(self) -> ReportConversation:
        """One per turn: what the router reads of a text, the report route reuses."""
        assert self.person is not None
        return ReportConversation(self.ctx.session, Speaker(self.person, self.chat_id), self.ctx.now)

    @cached_property
    def link(self) -> Reply | None:
        assert self.person is not None
        return link_request(self.ctx, self.person, self.text, group=self.group)

    @cached_property
    def returning(self) -> Draft | None:
        assert self.person is not None
        return pending_return(self.ctx.session, self.person, self.chat_id, self.ctx.now)


@dataclass(frozen=True)
class Route:
    """One kind of text and what it gets; the first route that matches handles the message."""

    name: str
    match: Callable[[TextTurn], bool]
    handle: Callable[[TextTurn], Reply]


def _onboard(t: TextTurn) -> Reply:
    code = find_code(t.text)
    if code and t.user_id and not t.group:
        linked = redeem(t.ctx.session, code, t.user_id, t.ctx.now)
        return Reply().say(m.LINKED.format(name=linked.name) if linked else m.CODE_INVALID)
    return Reply().say(m.ONBOARDING)


def _person(t: TextTurn) -> Person:
    assert t.person is not None
    return t.person


def _query(t: TextTurn) -> Reply:
    answer = QueryAnswerer(t.ctx.session, _person(t), t.chat_id, t.ctx.now).answer(t.text)
    return _keep_pending(t.ctx, _person(t), t.chat_id, answer)


def _leave(t: TextTurn) -> Reply:
    person = _person(t)
    person.on_leave_until = t.leave
    t.ctx.session.add(person)
    assert t.leave is not None
    noted = Reply().say(m.LEAVE_NOTED.format(until=thai_date(t.leave)))
    return _keep_pending(t.ctx, person, t.chat_id, noted)


def _privacy_notice(t: TextTurn) -> Reply:
    notice = Reply().say(privacy_notice(t.ctx.privacy))
    return notice if t.person is None else _keep_pending(t.ctx, t.person, t.chat_id, notice)


def _how_to(t: TextTurn) -> Reply:
    hint = Reply().say(m.HELP)
    return _keep_pending(t.ctx, _person(t), t.chat_id, hint)


def _report(t: TextTurn) -> Reply:
    return t.conversation.on_text(t.text, message_id=t.message_id, spans=t.spans)


# In order: in a group the bot speaks only when addressed; anyone, linked or not, who asks for the
# privacy notice by name gets it (unless a return reason they are typing waits for that text);
# strangers get onboarding and no data; a waiting return reason takes the committee member's next
# text unless it is clearly a question; links never go into groups; groups other than the
# committee's get no answers; then questions and leave are served whatever conversation waits (it is
# kept), and what is left is reporting.
TEXT_ROUTES: tuple[Route, ...] = (
    Route("group-unaddressed", lambda t: t.group and not t.mentioned, lambda t: Reply()),
    Route(
        "privacy-notice",
        lambda t: asks_privacy_notice(t.text, t.spans) and (t.person is None or t.returning is None),
        _privacy_notice,
    ),
    Route("stranger", lambda t: t.person is None, _onboard),
    Route(
        "bind-group",
        lambda t: t.group and any(cmd in t.text.lower() for cmd in BIND_WORDS),
        lambda t: bind_group(t.ctx, t.event, _person(t)),
    ),
    Route(
        "return-reason",
        lambda t: t.returning is not None,
        lambda t: finish_return(t.ctx.session, _person(t), t.returning, t.text, t.ctx.now),  # type: ignore[arg-type]
    ),
    Route("link", lambda t: t.link is not None, lambda t: t.link or Reply()),
    # The menu's "รายงานผล": how to report, never the answer to a waiting question.
    Route("how-to-report", lambda t: not t.group and _MENU_REPORT.fullmatch(t.text.strip()) is not None, _how_to),
    Route(
        "group-elsewhere",
        lambda t: t.group and not committee_chat(t.ctx.session, t.chat_id),
        # Everyone in the group reads the answer: no scores, names or saved reports outside the
        # committee's own group; the speaker continues 1:1, where their own scope applies.
        lambda t: Reply().say(m.GROUP_ASK_PRIVATELY),
    ),
    Route("query", lambda t: t.query, _query),
    Route("leave", lambda t: t.leave is not None, _leave),
    Route(
        "not-a-reporter",
        lambda t: reporting_unit(t.ctx.session, _person(t)) is None,
        _query,  # managers and the committee report nothing: whatever they type is a question
    ),
    Route("report", lambda t: True, _report),
)


def route_of(turn: TextTurn) -> Route:
    return next(r for r in TEXT_ROUTES if r.match(turn))


def _on_text(ctx: EventContext, event: Any, message: TextMessageContent) -> Reply:
    mentioned, spans = _mention_spans(message)
    user_id = user_id_of(event)
    turn = TextTurn(
        ctx,
        event,
        message.text or "",
        spans,
        message.id,
        is_group(event),
        mentioned,
        user_id,
        person_of(ctx.session, user_id),
    )
    route = route_of(turn)
    log.debug("text routed to %s", route.name)
    return route.handle(turn)


def _keep_pending(ctx: EventContext, person: Person, chat_id: str, reply: Reply) -> Reply:
    """Another intent was served while a question waits: say in one line that the report is kept,
    with a button back to it (the next answer still goes to it, too)."""
    draft = pending_draft(ctx.session, person.id or 0, chat_id, ctx.now)
    if draft is None:
        return reply
    if (draft.data or {}).get("kind") == "return":  # the committee's reason: the next text still is it
        return reply.say(m.RETURN_REASON_KEPT.format(code=(draft.data or {}).get("code", "?")))
    return reply.say(
        m.PENDING_KEPT.format(what=draft_label(draft)),
        (QuickReply.of(m.RESUME, f="resume", d=draft.id or 0),),
    )


# --- postbacks, follows, groups, unsend --------------------------------------------------------


def _on_postback(ctx: EventContext, event: Any) -> Reply:
    person = person_of(ctx.session, user_id_of(event))
    if person is None:
        return Reply() if is_group(event) else Reply().say(m.ONBOARDING)
    chat_id = chat_id_of(event)
    if is_group(event) and not committee_chat(ctx.session, chat_id):
        return Reply().say(m.GROUP_ASK_PRIVATELY)  # our buttons are only shown 1:1 and in the committee group
    try:
        tap = decode_postback(event.postback.data or "")
    except BadPostback as exc:
        log.info("refused postback data from person %s: %s", person.id, exc)
        return Reply().say(m.BUTTON_INVALID)
    if isinstance(tap, Verify):
        return on_verify(ctx.session, person, chat_id, tap.action, tap.report_id, ctx.now)
    if isinstance(tap, PickQueryUnit):
        return QueryAnswerer(ctx.session, person, chat_id, ctx.now).on_tap(tap)
    convo = ReportConversation(ctx.session, Speaker(person, chat_id), ctx.now)
    return convo.on_tap(tap)


def _on_unsend(ctx: EventContext, event: Any) -> Reply:
    """An unsent message withdraws its draft, or marks the report it created as withdrawn (audited)."""
    message_id = event.unsend.message_id
    person = person_of(ctx.session, user_id_of(event))
    if person is None:
        return Reply()
    for draft in ctx.session.exec(
        select(Draft).where(Draft.person_id == person.id, col(Draft.state).in_(LISTENING_STATES))
    ).all():
        if (draft.data or {}).get("message_id") == message_id:
            draft.state = ReportState.withdrawn
            ctx.session.add(draft)
    withdrawn = progress.withdraw(
        ctx.session, source_message_id=message_id, by=person.id or 0, now=ctx.now, reason=m.UNSENT_REASON
    )
    for written in withdrawn:
        tell_committee(ctx.session, written, ctx.now)
    return Reply()


_HANDLERS: dict[type, Callable[[EventContext, Any], Reply]] = {
    MessageEvent: _on_message,
    PostbackEvent: _on_postback,
    FollowEvent: on_follow,
    UnfollowEvent: on_unfollow,
    JoinEvent: on_join,
    LeaveEvent: on_leave,
    MemberJoinedEvent: on_members(+1),
    MemberLeftEvent: on_members(-1),
    UnsendEvent: _on_unsend,
}
