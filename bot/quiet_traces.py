"""Failure logging that stays readable and private when something fails many times a second.

Every failure is one line: what failed and the exception's type (``describe_error``), never the
exception's text, which for the SDK, pydantic and the database drivers carries message text and SQL
parameters. The stack (frames only, no values) is added at most once a minute per kind of failure.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable

from bot.events import describe_error

TRACE_EVERY = 60.0


class QuietTraces:
    def __init__(self, log: logging.Logger, clock: Callable[[], float] = time.monotonic) -> None:
        self.log = log
        self.clock = clock
        self._last: dict[tuple[str, str], float] = {}

    def error(self, what: str, exc: BaseException) -> None:
        key = (what.split(" ", 1)[0], type(exc).__name__)
        now = self.clock()
        last = self._last.get(key)
        if last is not None and now - last < TRACE_EVERY:
            self.log.error("%s: %s", what, describe_error(exc))
            return
        self._last[key] = now
        frames = "".join(traceback.format_tb(exc.__traceback__))
        self.log.error("%s: %s\n%s", what, describe_error(exc), frames.rstrip())
