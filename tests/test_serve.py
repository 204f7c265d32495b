"""``tidtam serve`` as a newcomer and as an operator start it: the console only when asked for and only
on loopback, production refusing to start without its secrets, and a supervised worker that comes
back after ``kill -9`` while ``/healthz`` tells the truth in between."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from store.db import make_engine
from store.demo import demo_line_id
from tests.live import free_port, serve_process, signed, text_event, wait_healthy

EXE = str(Path(sys.executable).with_name("tidtam"))
SECRET = "serve-test-channel-secret"


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LINE_", "LINK_", "TIDTAM_CONSOLE"))
    }
    return {**env, **extra}


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(c) for c in text]
    return found


def test_the_newcomer_command_serves_the_console_on_loopback_and_shows_strangers_nothing(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [EXE, "serve", "--port", str(port)],
        cwd=tmp_path,
        env=_clean_env(TIDTAM_CONSOLE="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, None)
        health = httpx.get(f"{base}/healthz", timeout=5)
        assert health.status_code == 200
        body = health.json()
        assert body["status"] == "ok" and body["worker"] == "alive" and body["inbox_lag_s"] >= 0
        index = httpx.get(f"{base}/", timeout=5)
        assert "Tidtam" in index.text
        assert "คะแนน" not in index.text and "สำนักงานเลขานุการ" not in index.text  # no scores, no unit names
        assert "server" not in index.headers
        assert httpx.get(f"{base}/console", timeout=5).status_code == 200
        assert (tmp_path / "tidtam.db").exists()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert "จาก 70 คะแนน" in out  # the operator's terminal does get the scorecard


def test_the_console_refuses_to_listen_beyond_loopback(tmp_path: Path) -> None:
    run = subprocess.run(
        [EXE, "serve", "--host", "0.0.0.0", "--port", str(free_port())],
        cwd=tmp_path,
        env=_clean_env(TIDTAM_CONSOLE="1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "127.0.0.1" in run.stderr and "TIDTAM_CONSOLE" in run.stderr


def test_production_refuses_to_start_without_its_secrets(tmp_path: Path) -> None:
    """A missing token once switched the console on; now missing secrets stop the start, clearly."""
    run = subprocess.run(
        [EXE, "serve", "--port", str(free_port())],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "LINK_SECRET" in run.stderr and "LINE_CHANNEL_SECRET" in run.stderr
    assert "ต้องตั้งค่า" in run.stderr  # Thai first, English after
    assert not (tmp_path / "tidtam.db").exists()


def test_without_a_token_it_acknowledges_webhooks_says_it_cannot_send_and_serves_no_console(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    db = f"sqlite:///{tmp_path / 'prod.db'}"
    env = {"DATABASE_URL": db, "LINE_CHANNEL_SECRET": SECRET, "LINK_SECRET": "k" * 40}
    with serve_process(port, {**env, "TIDTAM_CONSOLE": ""}, tmp_path) as proc:
        for path in ("/console", "/console/api/personas", "/_line/_fake/sent", "/_line/v2/bot/info"):
            assert httpx.get(f"{base}{path}", timeout=5).status_code == 404, path
        body, headers = signed(SECRET, [text_event("U" + "1" * 32, "สวัสดีค่ะ")])
        assert httpx.post(f"{base}/webhook", content=body, headers=headers, timeout=5).status_code == 200
        health = httpx.get(f"{base}/healthz", timeout=5).json()
        assert health["sending"].startswith("off")
        engine = make_engine(db)
        deadline = time.monotonic() + 20
        while True:
            with engine.connect() as conn:
                waiting = conn.execute(sa.text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).scalar_one()
                pending = conn.execute(
                    sa.text("SELECT count(*) FROM inbox_event WHERE processed_at IS NULL")
                ).scalar_one()
            if pending == 0 and waiting == 1:
                break
            assert time.monotonic() < deadline, "the event was not handled"
            time.sleep(0.2)
        engine.dispose()
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "LINE_CHANNEL_ACCESS_TOKEN" in err and "คำเตือน" in err


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_worker_turns_health_red_is_restarted_and_nothing_is_lost(
    db_url: str, tmp_path: Path, workers: int
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {"DATABASE_URL": db_url, "LINE_CHANNEL_SECRET": SECRET, "TIDTAM_CONSOLE": "1"}
    users = [demo_line_id("somsri"), demo_line_id("wichai"), "U" + "2" * 32]
    sent: list[str] = []

    def post(n: int) -> None:
        event = text_event(users[n % 3], f"ตช.1 ร้อยละ {50 + n % 40} ไตรมาส 2", message_id=f"k{n:04d}")
        body, headers = signed(SECRET, [event])
        assert httpx.post(f"{base}/webhook", content=body, headers=headers, timeout=5).status_code == 200
        sent.append(event["webhookEventId"])

    with serve_process(port, env, tmp_path, ("--workers", str(workers))) as proc:
        wait_healthy(base, proc)
        before = _children(proc.pid)
        assert len(before) == workers
        for n in range(20):
            post(n)
        os.kill(before[0], signal.SIGKILL)
        killed_at = time.monotonic()
        saw_503 = None
        while time.monotonic() - killed_at < 35:
            health = httpx.get(f"{base}/healthz", timeout=5)
            if health.status_code == 503:
                saw_503 = health.json()
                break
            time.sleep(0.05)
        assert saw_503 is not None, "/healthz stayed green with a dead worker"
        assert saw_503["worker"] == "down" and "exited" in saw_503["reason"]
        for n in range(20, 40):
            post(n)  # acknowledged while the worker is down
        wait_healthy(base, proc, timeout=60)
        after = _children(proc.pid)
        assert len(after) == workers and before[0] not in after, "the worker was not restarted"

        engine = make_engine(db_url)
        deadline = time.monotonic() + 60
        while True:
            with engine.connect() as conn:
                left = conn.execute(sa.text("SELECT count(*) FROM inbox_event WHERE processed_at IS NULL")).scalar_one()
            if left == 0:
                break
            assert time.monotonic() < deadline, f"{left} acknowledged events never handled"
            time.sleep(0.2)
        with engine.connect() as conn:
            stored = [
                r[0] for r in conn.execute(sa.text("SELECT webhook_event_id FROM inbox_event WHERE dead_at IS NULL"))
            ]
            replies = conn.execute(
                sa.text("SELECT count(*) FROM outbox WHERE key LIKE :first"), {"first": "reply:%:0"}
            ).scalar_one()
            drafts = conn.execute(sa.text("SELECT count(*) FROM draft")).scalar_one()
            reports = conn.execute(sa.text("SELECT count(*) FROM progress_report")).scalar_one()
        engine.dispose()
    assert sorted(stored) == sorted(sent)
    assert replies == len(sent), "one reply per event: nothing handled twice"
    assert drafts + reports >= 1


def test_a_stuck_worker_and_a_growing_backlog_turn_health_red(tmp_path: Path) -> None:
    """A worker that stops beating (here: SIGSTOP) is caught by the heartbeat, a backlog by its age."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}",
        "LINE_CHANNEL_SECRET": SECRET,
        "TIDTAM_CONSOLE": "1",
        "HEALTH_WORKER_TIMEOUT_S": "3",
        "HEALTH_INBOX_LAG_S": "2",
    }
    with serve_process(port, env, tmp_path) as proc:
        (worker,) = _children(proc.pid)
        os.kill(worker, signal.SIGSTOP)
        try:
            body, headers = signed(SECRET, [text_event(demo_line_id("somsri"), "ตช.1 ร้อยละ 70 ไตรมาส 2")])
            assert httpx.post(f"{base}/webhook", content=body, headers=headers, timeout=5).status_code == 200
            deadline = time.monotonic() + 15
            reasons = ""
            while time.monotonic() < deadline:
                health = httpx.get(f"{base}/healthz", timeout=5)
                if health.status_code == 503:
                    reasons = health.json()["reason"]
                    if "heartbeat" in reasons and "unhandled" in reasons:
                        break
                time.sleep(0.2)
            assert "no worker heartbeat for" in reasons and "oldest unhandled event is" in reasons, reasons
        finally:
            os.kill(worker, signal.SIGCONT)
        wait_healthy(base, proc, timeout=20)  # it catches up and the lag is gone
        assert httpx.get(f"{base}/healthz", timeout=5).json()["inbox_lag_s"] == 0


def test_a_local_env_file_with_secrets_is_never_committed() -> None:
    """Settings read ``.env``; git must ignore it wherever it is created in the tree."""
    root = Path(__file__).resolve().parent.parent
    for path in (".env", "bot/.env"):
        assert subprocess.run(["git", "check-ignore", "-q", path], cwd=root).returncode == 0, path
