"""``tidtam serve`` as a newcomer starts it: embedded defaults, sample plans, a health check."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_starts_on_embedded_defaults(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LINE_"))}
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("tidtam")), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "service did not come up within 60 s"
                time.sleep(0.3)
        assert health.json() == {"status": "ok"}
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5).text
        assert "สำนักงานเลขานุการผู้ว่าราชการกรุงเทพมหานคร" in page
        assert "รวม" in page and "จาก 70 คะแนน" in page
        assert "กำหนดส่งที่ใกล้ที่สุด" in page
        assert (tmp_path / "tidtam.db").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
