"""The page in a child process: `python -m assistant serve` on a free loopback port, waited
for until it prints its URL, and stopped cleanly. Used by the load test and the page's tests.
No gradio import here."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from ..config import PROJECT_ROOT

START_TIMEOUT = 180.0  # a cold index build is part of the start
READY_MARK = "已启动："


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PageProcess:
    process: subprocess.Popen
    url: str
    output: deque = field(default_factory=lambda: deque(maxlen=200))

    def stop(self, timeout: float = 20.0) -> int:
        """SIGINT (like Ctrl-C) first, then SIGKILL if it does not exit in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        return self.process.returncode


def start_page(
    data_dir: Path | None = None,
    knowledge_dir: Path | None = None,
    port: int | None = None,
    env: dict[str, str] | None = None,
    timeout: float = START_TIMEOUT,
) -> PageProcess:
    """Start the page and return once it serves; RuntimeError with its output if it does not."""
    port = port or free_port()
    command = [sys.executable, "-m", "assistant"]
    command += ["--data-dir", str(data_dir)] if data_dir else []
    command += ["--knowledge-dir", str(knowledge_dir)] if knowledge_dir else []
    command += ["serve", "--host", "127.0.0.1", "--port", str(port)]
    environ = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    page = PageProcess(process, f"http://127.0.0.1:{port}/")
    ready = threading.Event()
    threading.Thread(target=_read, args=(page, ready), daemon=True).start()
    deadline = time.monotonic() + timeout
    while not ready.wait(0.2):
        if process.poll() is not None or time.monotonic() > deadline:
            page.stop()
            raise RuntimeError("the page did not start:\n" + "\n".join(page.output))
    return page


def _read(page: PageProcess, ready: threading.Event) -> None:
    """Keep the child's output drained (and the last lines kept); flag the ready line."""
    for line in page.process.stdout:
        page.output.append(line.rstrip())
        if READY_MARK in line:
            ready.set()
