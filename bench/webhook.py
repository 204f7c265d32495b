"""Benchmark the webhook service on loopback: acknowledgement latency and throughput of signed webhook
calls (signature check + durable inbox), and end-to-end reply latency (message in → reply recorded by
the fake LINE platform). Starts the fake platform and ``tidtam serve`` as separate processes, as in
production, on a fresh SQLite file (or --database-url). Never asserts.

Scale-out: ``--workers N`` runs N worker processes on one inbox (``tidtam serve --workers N``); on
PostgreSQL they share it with SKIP LOCKED. "under load" latencies are per event of the burst, from
its arrival in the inbox to LINE accepting its reply (the outbox's sent_at).

Run: .venv/bin/python bench/webhook.py [--requests 2000] [--concurrency 8] [--replies 50]
     .venv/bin/python bench/webhook.py --database-url postgresql://… --reset-database --workers 4
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import sqlalchemy as sa

from store.db import make_engine
from store.demo import demo_line_id
from store.models import InboxEvent, OutboxMessage
from tests.live import free_port, serve_process, signed, text_event

SECRET = "bench-secret"
TOKEN = "bench-access-token"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--replies", type=int, default=50)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--reset-database", action="store_true", help="drop and recreate the PostgreSQL schema first (bench DBs only)"
    )
    args = parser.parse_args()
    if args.reset_database and args.database_url:
        reset = make_engine(args.database_url)
        with reset.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        reset.dispose()
    workdir = Path(tempfile.mkdtemp(prefix="tidtam-bench-"))
    fake_port = free_port()
    fake_base = f"http://127.0.0.1:{fake_port}"
    env = {
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.db'}",
        "LINE_CHANNEL_SECRET": SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
        "LINE_API_BASE": fake_base,
        "LINK_SECRET": "bench-link-key-" + "0" * 32,
    }
    tidtam = str(Path(sys.executable).with_name("tidtam"))
    subprocess.run([tidtam, "demo", "load"], env={**os.environ, **env}, cwd=workdir, check=True, capture_output=True)
    fake = subprocess.Popen(
        [sys.executable, "-m", "bot.dev.fakeline", "--port", str(fake_port), "--token", TOKEN],
        cwd=Path(__file__).resolve().parent.parent,
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with serve_process(port, env, workdir, ("--workers", str(args.workers))):
        local = threading.local()

        def client() -> httpx.Client:
            if not hasattr(local, "client"):
                local.client = httpx.Client(timeout=10)
            return local.client  # type: ignore[no-any-return]

        strangers = [f"U{n:032x}" for n in range(50)]  # unlinked users: each gets onboarding help

        def ack(n: int) -> float:
            body, headers = signed(SECRET, [text_event(strangers[n % 50], f"สวัสดีค่ะ {n}")])
            start = time.perf_counter()
            response = client().post(f"{base}/webhook", content=body, headers=headers)
            elapsed = time.perf_counter() - start
            if response.status_code != 200:
                raise RuntimeError(f"{response.status_code} {response.text}")
            return elapsed

        for n in range(50):  # warm-up
            ack(n)
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            latencies = list(pool.map(ack, range(args.requests)))
        wall = time.perf_counter() - start

        engine = make_engine(env["DATABASE_URL"])
        while True:
            with engine.connect() as conn:
                left = conn.execute(
                    sa.text(
                        "SELECT (SELECT count(*) FROM inbox_event WHERE processed_at IS NULL)"
                        " + (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts < 8)"
                    )
                ).scalar_one()
            if left == 0:
                break
            time.sleep(0.1)
        drain = time.perf_counter() - start
        inbox, outbox = InboxEvent.__table__, OutboxMessage.__table__  # type: ignore[attr-defined]
        with engine.connect() as conn:
            pairs = conn.execute(
                sa.select(outbox.c.sent_at, inbox.c.received_at)
                .join(inbox, outbox.c.key == sa.literal("reply:") + inbox.c.webhook_event_id + sa.literal(":0"))
                .where(outbox.c.sent_at.is_not(None))
            ).all()
        under_load = [(sent - received).total_seconds() for sent, received in pairs]
        engine.dispose()

        reporter = demo_line_id("somsri")
        e2e: list[float] = []
        with httpx.Client(timeout=10) as http:
            for n in range(args.replies):
                before = len(http.get(f"{fake_base}/_fake/sent", params={"to": reporter}).json())
                token = http.post(f"{fake_base}/_fake/reply-token", json={"to": reporter}).json()["replyToken"]
                event = text_event(reporter, f"ตช.1 ร้อยละ {50 + n % 50} ไตรมาส 2", reply_token=token)
                body, headers = signed(SECRET, [event])
                start = time.perf_counter()
                http.post(f"{base}/webhook", content=body, headers=headers)
                while len(http.get(f"{fake_base}/_fake/sent", params={"to": reporter}).json()) == before:
                    time.sleep(0.002)
                e2e.append(time.perf_counter() - start)

    fake.terminate()
    fake.wait(timeout=10)
    print(f"{'what':<44}{'value':>12}")
    print(f"{'signed webhook calls':<44}{args.requests:>12}")
    print(f"{'concurrency':<44}{args.concurrency:>12}")
    print(f"{'ack p50 ms':<44}{statistics.median(latencies) * 1000:>12.2f}")
    print(f"{'ack p99 ms':<44}{pct(latencies, 0.99) * 1000:>12.2f}")
    print(f"{'acks per second':<44}{args.requests / wall:>12.1f}")
    print(f"{'worker processes':<44}{args.workers:>12}")
    print(f"{'events handled and replied per second':<44}{args.requests / drain:>12.1f}")
    print(f"{'under load: inbox → reply sent p50 ms':<44}{statistics.median(under_load) * 1000:>12.1f}")
    print(f"{'under load: inbox → reply sent p99 ms':<44}{pct(under_load, 0.99) * 1000:>12.1f}")
    print(f"{'end-to-end reply median ms':<44}{statistics.median(e2e) * 1000:>12.1f}")
    print(f"{'end-to-end reply p99 ms':<44}{pct(e2e, 0.99) * 1000:>12.1f}")


if __name__ == "__main__":
    main()
