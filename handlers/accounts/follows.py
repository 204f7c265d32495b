"""Follow and unfollow: a welcome (or onboarding help) with the privacy notice, and no pushes to someone
who blocked the bot."""

from __future__ import annotations

from typing import Any

from handlers import texts as m
from handlers.accounts import texts as at
from handlers.accounts.privacy import privacy_notice
from handlers.context import EventContext, user_id_of
from handlers.replies import Reply
from store.identities import person_of, set_following


def on_follow(ctx: EventContext, event: Any) -> Reply:
    user_id = user_id_of(event)
    person = person_of(ctx.session, user_id)
    if user_id:
        set_following(ctx.session, user_id, True)
    greeting = at.WELCOME_BACK.format(name=person.name) if person else m.ONBOARDING
    # The notice goes with the greeting in the one reply (two of LINE's five messages): PDPA wants it
    # given when the data starts to be collected, and a follow is that moment.
    return Reply().say(greeting).say(privacy_notice(ctx.privacy))


def on_unfollow(ctx: EventContext, event: Any) -> Reply:
    user_id = user_id_of(event)
    if user_id:
        set_following(ctx.session, user_id, False)
    return Reply()
