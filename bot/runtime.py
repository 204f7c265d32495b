"""What the running service shares between its routes (the console reads it too)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import sqlalchemy as sa

from bot.line_client import LineClient
from bot.supervisor import WorkerSupervisor
from bot.worker import Worker


@dataclass
class Runtime:
    """What the running service shares between routes: engine, secret, client, worker."""

    engine: sa.Engine
    channel_secret: str
    line: LineClient
    worker: Worker
    port: int
    console: bool
    supervisor: WorkerSupervisor | None = None
    ready: bool = False
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
