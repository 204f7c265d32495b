"""Conversations declared as tables, in the manner of python-telegram-bot's ``ConversationHandler``.

Each conversation names its states (an enum), the kinds of input it understands, and for every
(state, input kind) pair the handler that runs, the states it may lead to and the kind of reply it
gives. What is not declared goes to the conversation's fallback. The runner checks each transition
against the table, so a handler cannot wander into a state nobody declared, and a test can walk the
whole table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum


class Input(StrEnum):
    """What a message or a tap is to a conversation waiting for something."""

    report = "report"  # names an indicator (or its candidates) and a value or a status: a new report
    answer = "answer"  # any other text while the conversation waits
    correction = "correction"  # "แก้เป็น 80", "ไม่ใช่ ตัวชี้วัดที่ 5"
    cancel = "cancel"  # "ยกเลิก", typed or tapped
    tap = "tap"  # a button answering the waiting question
    resume = "resume"  # the button back to a draft kept while something else was served
    stale = "stale"  # a button of another question, or of a draft no longer waiting


class Says(StrEnum):
    """The kind of reply a transition gives (what the table-driven test checks)."""

    question = "question"  # asks (again, or the next) question, with quick replies
    saved = "saved"  # something was written and the reporter is told what
    cancelled = "cancelled"
    refused = "refused"  # the input does not fit; nothing changed
    handed_on = "handed_on"  # the draft is left (kept or closed) and the input is served as new


@dataclass(frozen=True)
class Step:
    handler: str
    next: frozenset[str]
    says: frozenset[Says]


def step(handler: str, says: Says | tuple[Says, ...], *next_states: StrEnum) -> Step:
    kinds = says if isinstance(says, tuple) else (says,)
    return Step(handler, frozenset(s.value for s in next_states), frozenset(kinds))


@dataclass(frozen=True)
class Flow:
    """One conversation's declaration."""

    name: str
    states: type[StrEnum]
    table: Mapping[tuple[str, Input], Step]
    fallback: Step
    timeout: timedelta
    final: frozenset[str] = field(default_factory=frozenset)

    def step(self, state: str, kind: Input) -> Step:
        return self.table.get((state, kind), self.fallback)

    def check(self, before: str, kind: Input, after: str, says: Says) -> None:
        """A handler ended in a state, or replied in a way, its transition does not declare: a bug."""
        chosen = self.step(before, kind)
        if after not in chosen.next or says not in chosen.says:
            raise TransitionError(
                f"{self.name}: {before} --{kind}--> {after} ({says}), declared {sorted(chosen.next)} "
                f"({sorted(chosen.says)})"
            )

    def pairs(self) -> list[tuple[str, Input]]:
        return list(self.table)


class TransitionError(RuntimeError):
    pass
