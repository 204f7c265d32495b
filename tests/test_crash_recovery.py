"""``kill -9`` during a burst of 500 webhook events: after a restart, every event the service
acknowledged is processed exactly once (nothing lost, nothing handled twice)."""

from __future__ import annotations

import collections
import json
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from store.db import make_engine
from store.demo import demo_line_id
from tests.live import free_port, http_client, serve_process, signed, text_event

SECRET = "crash-test-secret"
REPORTERS = [demo_line_id("somsri"), demo_line_id("wichai")]


def _burst(base: str, total: int, acked: list[str], stop_after: threading.Event) -> None:
    client = http_client(timeout=5)  # shared by the 8 senders; still one connection per request

    def send(n: int) -> None:
        user = REPORTERS[n % 2]
        event = text_event(user, f"ตช.1 ร้อยละ {n % 100} ไตรมาส 2", message_id=f"m{n:04d}")
        body, headers = signed(SECRET, [event])
        try:
            response = client.post(f"{base}/webhook", content=body, headers=headers)
        except httpx.TransportError:
            return
        if response.status_code == 200:
            acked.append(event["webhookEventId"])
            if len(acked) >= total // 3:
                stop_after.set()

    with client, ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(send, range(total)))


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_during_a_burst_then_restart_processes_each_accepted_event_once(
    db_url: str, tmp_path: Path, workers: int
) -> None:
    """With two worker processes sharing the inbox too (SKIP LOCKED on PostgreSQL)."""
    env = {"DATABASE_URL": db_url, "LINE_CHANNEL_SECRET": SECRET, "TIDTAM_CONSOLE": "1"}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    acked: list[str] = []
    with serve_process(port, env, tmp_path, ("--workers", str(workers))) as proc:
        killed = threading.Event()

        def killer() -> None:
            killed.wait(timeout=60)
            os.killpg(proc.pid, signal.SIGKILL)  # the web process and its worker, mid-burst

        threading.Thread(target=killer, daemon=True).start()
        _burst(base, 500, acked, killed)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        time.sleep(0.5)
    assert 100 <= len(acked) < 500, f"the kill should land mid-burst ({len(acked)} acknowledged)"

    engine = make_engine(db_url)
    with engine.connect() as conn:
        unprocessed_at_kill = conn.execute(
            sa.text("SELECT count(*) FROM inbox_event WHERE processed_at IS NULL")
        ).scalar_one()
    with serve_process(free_port(), env, tmp_path, ("--workers", str(workers))):
        deadline = time.monotonic() + 120
        while True:
            with engine.connect() as conn:
                left = conn.execute(sa.text("SELECT count(*) FROM inbox_event WHERE processed_at IS NULL")).scalar_one()
            if left == 0:
                break
            assert time.monotonic() < deadline, f"{left} events still unprocessed"
            time.sleep(0.2)
    with engine.connect() as conn:
        stored = {r[0]: r[1] for r in conn.execute(sa.text("SELECT webhook_event_id, last_error FROM inbox_event"))}
        drafts = [r[0] for r in conn.execute(sa.text("SELECT data FROM draft"))]
        replies = conn.execute(
            sa.text("SELECT count(*) FROM outbox WHERE key LIKE :first"), {"first": "reply:%:0"}
        ).scalar_one()
    engine.dispose()

    assert set(acked) <= set(stored), "an acknowledged event was lost"
    assert all(error is None for error in stored.values()), sorted({e for e in stored.values() if e})
    per_message = collections.Counter((d if isinstance(d, dict) else json.loads(d))["message_id"] for d in drafts)
    assert len(per_message) == len(stored), "every stored event made exactly one draft"
    assert max(per_message.values()) == 1, "an event was handled twice"
    assert replies == len(stored)
    print(f"acknowledged {len(acked)}, unprocessed at the kill {unprocessed_at_kill}, stored {len(stored)}")
