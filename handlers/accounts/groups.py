"""Groups the bot is in: joins and leaves, member counts (the push quota counts each member), and
binding the committee group by an admin's command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session, select

from handlers.accounts import texts as at
from handlers.context import EventContext, chat_id_of
from handlers.replies import Reply
from store.models import ChatGroup, Person, Role
from store.people import has_role


def bind_group(ctx: EventContext, event: Any, person: Person) -> Reply:
    if not has_role(ctx.session, person.id or 0, Role.admin):
        return Reply().say(at.GROUP_BIND_DENIED)
    group_id = chat_id_of(event)
    group = group_of(ctx.session, group_id)
    group.kind, group.bound_by, group.bound_at, group.active = "committee", person.id, ctx.now, True
    ctx.session.add(group)
    return Reply().say(at.GROUP_BOUND)


def group_of(session: Session, group_id: str) -> ChatGroup:
    group = session.exec(select(ChatGroup).where(ChatGroup.group_id == group_id)).first()
    if group is None:
        group = ChatGroup(group_id=group_id)
        session.add(group)
        session.flush()
    return group


def on_join(ctx: EventContext, event: Any) -> Reply:
    group = group_of(ctx.session, chat_id_of(event))
    group.active = True
    ctx.session.add(group)
    return Reply().say(at.JOINED_GROUP)


def on_leave(ctx: EventContext, event: Any) -> Reply:
    group = group_of(ctx.session, chat_id_of(event))
    group.active = False
    ctx.session.add(group)
    return Reply()


def on_members(delta: int) -> Callable[[EventContext, Any], Reply]:
    def handle(ctx: EventContext, event: Any) -> Reply:
        group = group_of(ctx.session, chat_id_of(event))
        change = event.joined if delta > 0 else event.left
        group.members = max(1, group.members + delta * len(getattr(change, "members", []) or []))
        ctx.session.add(group)
        return Reply()

    return handle
