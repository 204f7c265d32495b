"""Running the real service for tests: uvicorn on loopback with its lifespan, or ``tidtam serve`` as a process."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from bot.signature import sign
from bot.ulid import new_ulid

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Debian's Chromium as root, headless, without reaching for the (closed) network at start-up.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def http_client(timeout: float = 10) -> httpx.Client:
    """One client for many requests (thread-safe). ``httpx.post`` builds a client, and with it an SSL
    context (~20 ms of CPU), on every call, even for plain http. No keep-alive: as with ``httpx.post``,
    each request opens a connection of its own."""
    return httpx.Client(timeout=timeout, limits=httpx.Limits(max_keepalive_connections=0))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_app(app: FastAPI, port: int) -> Iterator[str]:
    """Run ``app`` (lifespan on) on 127.0.0.1:port in a thread; yields the base URL."""
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", access_log=False, server_header=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("service did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@contextmanager
def serve_process(
    port: int, env: dict[str, str], cwd: Path, args: tuple[str, ...] = ()
) -> Iterator[subprocess.Popen[str]]:
    """``tidtam serve --port P`` as a child process (so a test can ``kill -9`` it)."""
    exe = str(Path(sys.executable).with_name("tidtam"))
    proc = subprocess.Popen(
        [exe, "serve", "--port", str(port), *args],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the web process and its worker die together
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # a worker left behind must not outlive the test


def wait_healthy(base: str, proc: subprocess.Popen[str] | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with http_client(timeout=2) as client:
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"service exited: {proc.stderr.read() if proc.stderr else ''}")
            try:
                if client.get(f"{base}/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise RuntimeError("service not healthy in time")


def text_event(
    user_id: str,
    text: str,
    *,
    group_id: str | None = None,
    reply_token: str = "rt",
    mention_self: bool = False,
    event_id: str | None = None,
    message_id: str | None = None,
) -> dict[str, Any]:
    source: dict[str, str] = (
        {"type": "group", "groupId": group_id, "userId": user_id} if group_id else {"type": "user", "userId": user_id}
    )
    message: dict[str, Any] = {"type": "text", "id": message_id or str(time.time_ns()), "quoteToken": "q", "text": text}
    if mention_self:
        message["mention"] = {
            "mentionees": [{"index": 0, "length": 7, "type": "user", "userId": "Ubot", "isSelf": True}]
        }
    return {
        "type": "message",
        "mode": "active",
        "timestamp": int(time.time() * 1000),
        "source": source,
        "webhookEventId": event_id or new_ulid(),
        "deliveryContext": {"isRedelivery": False},
        "replyToken": reply_token,
        "message": message,
    }


def signed(secret: str, events: list[dict[str, Any]]) -> tuple[bytes, dict[str, str]]:
    body = json.dumps({"destination": "Ubot", "events": events}, ensure_ascii=False).encode("utf-8")
    return body, {"X-Line-Signature": sign(secret, body), "Content-Type": "application/json"}
