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
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from linebot.v3.webhooks import (
    Event,
    FileMessageContent,
    FollowEvent,
    GroupSource,
    ImageMessageContent,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    MemberLeftEvent,
    MessageEvent,
    PostbackEvent,
    RoomSource,
    TextMessageContent,
    UnfollowEvent,
    UnsendEvent,
    UserMentionee,
)
from sqlmodel import Session, col, select

from handlers import messages as m
from handlers.conversation import ReportConversation, Speaker, draft_label, open_draft, pending_draft
from handlers.drafts import LISTENING_STATES, QUESTION_STATES, ReportState
from handlers.links import LinkSigner, link_keys
from handlers.parse.normalize import normalize_text
from handlers.parse.period import month_number, resolve_year
from handlers.postbacks import BadPostback, Verify, decode_postback
from handlers.queries import QueryAnswerer, committee_chat, looks_like_query
from handlers.replies import QuickReply, Reply
from handlers.verification import finish_return, on_verify, pending_return, tell_committee
from scoring.fiscal import bangkok_date
from scoring.thai import thai_date
from store import progress
from store.evidence import MAX_BYTES, EvidenceTooLarge, store_file
from store.identities import find_code, person_of, redeem, set_following
from store.models import ChatGroup, Draft, Evidence, Person, PlanRecord, Role
from store.people import has_role, reporting_unit

_DAY_MONTH_YEAR = re.compile(r"(?P<d>[0-3]?\d)\s*(?P<m>[^\d\s]+\.?\s?[^\d\s]*?\.?)\s*(?P<y>\d{2,4})?\s*$")

log = logging.getLogger("tidtam.dispatch")
BIND_COMMANDS = ("ผูกกลุ่มคณะกรรมการ", "ผูกกลุ่ม", "bind committee")
_RECENT = timedelta(minutes=30)


@dataclass
class EventContext:
    """What a handler needs besides the event: the transaction, the time, and fetched content."""

    session: Session
    now: datetime
    evidence_dir: Path
    content: bytes | None = None
    content_type: str | None = None
    link_secret: str | None = None  # signs dashboard and file links sent in chat
    public_url: str = "http://127.0.0.1:8000"


def chat_id_of(event: Any) -> str:
    source = getattr(event, "source", None)
    if isinstance(source, GroupSource):
        return source.group_id
    if isinstance(source, RoomSource):
        return source.room_id
    return getattr(source, "user_id", None) or "-"


def _is_group(event: Any) -> bool:
    return isinstance(getattr(event, "source", None), GroupSource | RoomSource)


def _user_id(event: Any) -> str | None:
    return getattr(getattr(event, "source", None), "user_id", None)


def needs_content(event: Event) -> bool:
    """Images and files sent to us in a 1:1 chat (not hosted elsewhere) must be fetched before dispatch.

    Files posted in a group are other people's conversation: never fetched, never kept.
    """
    if not isinstance(event, MessageEvent) or _is_group(event):
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
        return _on_file(ctx, event, message)
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
        return looks_like_query(self.text)

    @cached_property
    def link(self) -> Reply | None:
        assert self.person is not None
        return _link_request(self.ctx, self.person, self.text, group=self.group)

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


def _report(t: TextTurn) -> Reply:
    convo = ReportConversation(t.ctx.session, Speaker(_person(t), t.chat_id), t.ctx.now)
    return convo.on_text(t.text, message_id=t.message_id, spans=t.spans)


# In order: in a group the bot speaks only when addressed; strangers get onboarding and no data; a
# waiting return reason takes the committee member's next text unless it is clearly a question;
# links never go into groups; groups other than the committee's get no answers; then questions and
# leave are served whatever conversation waits (it is kept), and what is left is reporting.
TEXT_ROUTES: tuple[Route, ...] = (
    Route("group-unaddressed", lambda t: t.group and not t.mentioned, lambda t: Reply()),
    Route("stranger", lambda t: t.person is None, _onboard),
    Route(
        "bind-group",
        lambda t: t.group and any(cmd in t.text.lower() for cmd in BIND_COMMANDS),
        lambda t: _bind_group(t.ctx, t.event, _person(t)),
    ),
    Route(
        "return-reason",
        lambda t: not t.query and t.returning is not None,
        lambda t: finish_return(t.ctx.session, _person(t), t.returning, t.text, t.ctx.now),  # type: ignore[arg-type]
    ),
    Route("link", lambda t: t.link is not None, lambda t: t.link or Reply()),
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
        lambda t: Reply().say(m.NOT_A_REPORTER_ROLE_HELP.format(name=_person(t).name)),
    ),
    Route("report", lambda t: True, _report),
)


def route_of(turn: TextTurn) -> Route:
    return next(r for r in TEXT_ROUTES if r.match(turn))


def _on_text(ctx: EventContext, event: Any, message: TextMessageContent) -> Reply:
    mentioned, spans = _mention_spans(message)
    user_id = _user_id(event)
    turn = TextTurn(
        ctx,
        event,
        message.text or "",
        spans,
        message.id,
        _is_group(event),
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


_LEAVE = re.compile(r"^\s*(?:ขอ)?ลา(?:พักผ่อน|ป่วย|กิจ|คลอด|ศึกษาต่อ)?\s*(?:จนถึงวันที่|ถึงวันที่|จนถึง|ถึง|-)\s*")


_PARTICLES = re.compile(r"(?:\s*(?:นะคะ|นะครับ|ค่ะ|คะ|ครับ|นะ|จ้า|จ้ะ|ฮะ|[.!🙏]))+\s*$")


def leave_until(text: str, now: datetime) -> date | None:
    """ "ลาถึง 15 ธ.ค. ค่ะ" / "ลาพักผ่อนถึงวันที่ 3 ม.ค. 67": the last day of leave (the next such date)."""
    norm = _PARTICLES.sub("", normalize_text(text))
    m_ = _LEAVE.match(norm)
    if m_ is None:
        return None
    rest = norm[m_.end() :].lower()
    found = _DAY_MONTH_YEAR.match(rest)
    if found is None:
        return None
    day, month = int(found.group("d")), month_number(found.group("m"))
    if month is None:
        return None
    today = bangkok_date(now)
    year = resolve_year(found.group("y"), today) - 543 if found.group("y") else today.year
    try:
        until = date(year, month, day)
    except ValueError:
        return None
    if not found.group("y") and until < today:
        until = date(year + 1, month, day)
    return until


_DASHBOARD = re.compile(r"แดชบอร์ด|dashboard|แดชบอด", re.IGNORECASE)
_EXPORT = re.compile(r"ขอไฟล์|ส่งออก|export|ไฟล์รายงาน", re.IGNORECASE)
_EXPORT_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*([1-4])")


def _link_request(ctx: EventContext, person: Person, text: str, *, group: bool) -> Reply | None:
    """ "ขอแดชบอร์ด" → a signed link (1 hour); "ขอไฟล์รายงานไตรมาส 2" (admins) → a link to the xlsx.

    A link opens that person's view to whoever holds it, so it goes only into their 1:1 chat: asked
    in a group or room, the bot asks them to continue there instead.
    """
    norm = normalize_text(text)
    keys = link_keys(ctx.link_secret)
    if not keys:
        return None
    if _DASHBOARD.search(norm):
        if group:
            return Reply().say(m.LINK_ONLY_IN_PRIVATE.format(what="แดชบอร์ด", ask="ขอแดชบอร์ด"))
        token = LinkSigner(keys).sign(person.id or 0, "dashboard", ctx.now, purpose="dashboard")
        return Reply().say(m.DASHBOARD_LINK.format(url=f"{ctx.public_url}/dashboard?t={token}"))
    if _EXPORT.search(norm):
        if not has_role(ctx.session, person.id or 0, Role.admin):
            return Reply().say(m.EXPORT_DENIED)
        record = ctx.session.exec(select(PlanRecord).order_by(col(PlanRecord.fiscal_year).desc())).first()
        quarter = _EXPORT_QUARTER.search(norm)
        if group:
            ask = f"ขอไฟล์รายงานไตรมาส {quarter.group(1) if quarter else 2}"
            return Reply().say(m.LINK_ONLY_IN_PRIVATE.format(what="ไฟล์รายงาน", ask=ask))
        if record is None or quarter is None:
            return Reply().say(m.EXPORT_HOW)
        path = f"export:{record.key}:{record.fiscal_year}:{quarter.group(1)}"
        token = LinkSigner(keys).sign(person.id or 0, path, ctx.now, purpose="file")
        return Reply().say(
            m.EXPORT_LINK.format(
                q=quarter.group(1), fy=record.fiscal_year, url=f"{ctx.public_url}/files/export?t={token}"
            )
        )
    return None


def _bind_group(ctx: EventContext, event: Any, person: Person) -> Reply:
    if not has_role(ctx.session, person.id or 0, Role.admin):
        return Reply().say(m.GROUP_BIND_DENIED)
    group_id = chat_id_of(event)
    group = _group(ctx.session, group_id)
    group.kind, group.bound_by, group.bound_at, group.active = "committee", person.id, ctx.now, True
    ctx.session.add(group)
    return Reply().say(m.GROUP_BOUND)


def _on_file(ctx: EventContext, event: Any, message: Any) -> Reply:
    if _is_group(event):
        return Reply()  # evidence is sent in a 1:1 chat; a group's photos are not ours to keep
    person = person_of(ctx.session, _user_id(event))
    if person is None:
        return Reply().say(m.ONBOARDING)
    if ctx.content is None:
        return Reply()
    filename = getattr(message, "file_name", None)
    try:
        stored = store_file(ctx.evidence_dir, ctx.content, ctx.content_type, filename)
    except EvidenceTooLarge:
        return Reply().say(m.EVIDENCE_TOO_LARGE.format(limit=MAX_BYTES // (1024 * 1024)))
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
        target = "รายงานที่กำลังบันทึก"
    else:
        report = progress.last_reported_by(session=ctx.session, person_id=person.id or 0, since=ctx.now - _RECENT)
        if report is not None:
            evidence.report_id = report.id
            target = "รายงานล่าสุด"
    ctx.session.add(evidence)
    return Reply().say(m.EVIDENCE_ATTACHED.format(target=target) if target else m.EVIDENCE_KEPT)


# --- postbacks, follows, groups, unsend --------------------------------------------------------


def _on_postback(ctx: EventContext, event: Any) -> Reply:
    person = person_of(ctx.session, _user_id(event))
    if person is None:
        return Reply() if _is_group(event) else Reply().say(m.ONBOARDING)
    chat_id = chat_id_of(event)
    if _is_group(event) and not committee_chat(ctx.session, chat_id):
        return Reply().say(m.GROUP_ASK_PRIVATELY)  # our buttons are only shown 1:1 and in the committee group
    try:
        tap = decode_postback(event.postback.data or "")
    except BadPostback as exc:
        log.info("refused postback data from person %s: %s", person.id, exc)
        return Reply().say(m.BUTTON_INVALID)
    if isinstance(tap, Verify):
        return on_verify(ctx.session, person, chat_id, tap.action, tap.report_id, ctx.now)
    convo = ReportConversation(ctx.session, Speaker(person, chat_id), ctx.now)
    return convo.on_tap(tap)


def _on_follow(ctx: EventContext, event: Any) -> Reply:
    user_id = _user_id(event)
    person = person_of(ctx.session, user_id)
    if user_id:
        set_following(ctx.session, user_id, True)
    return Reply().say(m.WELCOME_BACK.format(name=person.name) if person else m.ONBOARDING)


def _on_unfollow(ctx: EventContext, event: Any) -> Reply:
    user_id = _user_id(event)
    if user_id:
        set_following(ctx.session, user_id, False)
    return Reply()


def _group(session: Session, group_id: str) -> ChatGroup:
    group = session.exec(select(ChatGroup).where(ChatGroup.group_id == group_id)).first()
    if group is None:
        group = ChatGroup(group_id=group_id)
        session.add(group)
        session.flush()
    return group


def _on_join(ctx: EventContext, event: Any) -> Reply:
    group = _group(ctx.session, chat_id_of(event))
    group.active = True
    ctx.session.add(group)
    return Reply().say(m.JOINED_GROUP)


def _on_leave(ctx: EventContext, event: Any) -> Reply:
    group = _group(ctx.session, chat_id_of(event))
    group.active = False
    ctx.session.add(group)
    return Reply()


def _on_members(delta: int) -> Callable[[EventContext, Any], Reply]:
    def handle(ctx: EventContext, event: Any) -> Reply:
        group = _group(ctx.session, chat_id_of(event))
        change = event.joined if delta > 0 else event.left
        group.members = max(1, group.members + delta * len(getattr(change, "members", []) or []))
        ctx.session.add(group)
        return Reply()

    return handle


def _on_unsend(ctx: EventContext, event: Any) -> Reply:
    """An unsent message withdraws its draft, or marks the report it created as withdrawn (audited)."""
    message_id = event.unsend.message_id
    person = person_of(ctx.session, _user_id(event))
    if person is None:
        return Reply()
    for draft in ctx.session.exec(
        select(Draft).where(Draft.person_id == person.id, col(Draft.state).in_(LISTENING_STATES))
    ).all():
        if (draft.data or {}).get("message_id") == message_id:
            draft.state = ReportState.withdrawn
            ctx.session.add(draft)
    withdrawn = progress.withdraw(
        ctx.session, source_message_id=message_id, by=person.id or 0, now=ctx.now, reason="ผู้รายงานยกเลิกข้อความ"
    )
    for written in withdrawn:
        tell_committee(ctx.session, written, ctx.now)
    return Reply()


_HANDLERS: dict[type, Callable[[EventContext, Any], Reply]] = {
    MessageEvent: _on_message,
    PostbackEvent: _on_postback,
    FollowEvent: _on_follow,
    UnfollowEvent: _on_unfollow,
    JoinEvent: _on_join,
    LeaveEvent: _on_leave,
    MemberJoinedEvent: _on_members(+1),
    MemberLeftEvent: _on_members(-1),
    UnsendEvent: _on_unsend,
}
