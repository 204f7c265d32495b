"""``tidtam serve`` keeps its worker processes running: a worker that dies is started again.

A killed worker would otherwise leave every acknowledged event unhandled while the web process
goes on answering 200. Restarts back off (1 s, 2 s, 4 s … 30 s; back to 1 s after a minute of
uptime) so a worker that cannot start does not spin, and each restart is logged with its reason.
While a worker is down ``/healthz`` says so.
"""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

log = logging.getLogger("tidtam.supervisor")
FIRST_DELAY = 1.0
MAX_DELAY = 30.0
STABLE_AFTER = 60.0


@dataclass
class _Slot:
    number: int
    process: subprocess.Popen[bytes] | None = None
    down_reason: str | None = "starting"
    restarts: int = 0
    thread: threading.Thread | None = field(default=None, repr=False)


class WorkerSupervisor:
    def __init__(
        self,
        command: Sequence[str],
        workers: int = 1,
        *,
        spawn: Callable[[Sequence[str]], subprocess.Popen[bytes]] | None = None,
    ) -> None:
        self.command = list(command)
        self.slots = [_Slot(n) for n in range(workers)]
        self._spawn = spawn or (lambda cmd: subprocess.Popen(list(cmd)))
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> None:
        for slot in self.slots:
            slot.thread = threading.Thread(target=self._keep, args=(slot,), name=f"worker-{slot.number}", daemon=True)
            slot.thread.start()

    def _keep(self, slot: _Slot) -> None:
        delay = FIRST_DELAY
        while not self._stop.is_set():
            started = time.monotonic()
            with self._lock:
                if self._stop.is_set():
                    return
                slot.process = self._spawn(self.command)
                slot.down_reason = None
            code = slot.process.wait()
            if self._stop.is_set():
                return
            if time.monotonic() - started > STABLE_AFTER:
                delay = FIRST_DELAY
            slot.restarts += 1
            slot.down_reason = f"worker {slot.number} exited with code {code}; restarting in {delay:g} s"
            log.warning("%s (restart %d)", slot.down_reason, slot.restarts)
            self._stop.wait(delay)
            delay = min(delay * 2, MAX_DELAY)

    def problems(self) -> list[str]:
        """Why some worker is not running now (empty when all are)."""
        return [s.down_reason for s in self.slots if s.down_reason is not None]

    def pids(self) -> list[int]:
        return [s.process.pid for s in self.slots if s.process is not None and s.process.poll() is None]

    def stop(self, timeout: float = 20.0) -> None:
        with self._lock:
            self._stop.set()
        for slot in self.slots:
            proc = slot.process
            if proc is not None and proc.poll() is None:
                proc.terminate()
        for slot in self.slots:
            proc = slot.process
            if proc is None:
                continue
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
