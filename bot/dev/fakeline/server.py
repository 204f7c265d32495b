"""Run the fake on a real loopback socket, because the SDK's aiohttp client cannot be pointed at an ASGI app."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

LOOPBACK = "127.0.0.1"


@contextmanager
def serve_in_thread(app: FastAPI, *, start_timeout: float = 15.0) -> Iterator[str]:
    """Yield the base URL (no trailing slash, as the SDK's ``host`` wants) of ``app`` on a free port.

    Port 0 lets the kernel pick, so parallel test runs cannot race for a port between probe and bind.
    """
    config = uvicorn.Config(app, host=LOOPBACK, port=0, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="fake-line", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the fake LINE server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{LOOPBACK}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
