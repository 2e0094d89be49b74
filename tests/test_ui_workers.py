"""The page's answer workers: turns answered in other processes give the page what answering in
its own process gives, a worker that dies costs no turn, and workers end with the page."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.pipeline import Assistant, Conversation
from assistant.web.process import start_page
from assistant.web.workers import AnswerWorkers

pytestmark = pytest.mark.slow

TURNS = [
    "我们县想报2024年保护示范区",
    "2022年度真抓实干评上了，撤回率也高于全省平均",
    "需要准备哪些材料？",
    "那园区呢？",
]


def _plain(reply) -> dict:
    return replace(reply, latency_ms=0.0).to_dict()


def test_workers_answer_as_the_page_would_and_the_page_records(built_settings: Settings) -> None:
    here = Assistant(built_settings)
    workers = AnswerWorkers(built_settings, 1)
    try:
        workers.warm()
        in_page, by_worker = Conversation(), Conversation()
        for turn in TURNS:
            expected = here.run_turn(turn, in_page).reply
            answered = asyncio.run(workers.answer_async(turn, by_worker, here))
            assert by_worker.turns == in_page.turns - 1  # the worker left the conversation alone
            answered.record(by_worker)
            assert _plain(answered.reply) == _plain(expected)
            assert by_worker == in_page
    finally:
        workers.close()


def test_a_dead_worker_costs_no_turn(built_settings: Settings) -> None:
    here = Assistant(built_settings)
    workers = AnswerWorkers(built_settings, 1)
    try:
        workers.warm()
        for pid in list(workers._pool._processes):
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
        answered = asyncio.run(workers.answer_async(TURNS[0], Conversation(), here))  # in this process
        assert answered.reply.decision is not None
        again = asyncio.run(workers.answer_async(TURNS[0], Conversation(), here))  # by the restarted pool
        assert _plain(again.reply) == _plain(answered.reply)
    finally:
        workers.close()


def _workers_of(page: int) -> set[int]:
    """The page's forkserver and the workers it forked (by parent pid, from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    servers = {pid for pid, parent in parents.items() if parent == page}
    return servers | {pid for pid, parent in parents.items() if parent in servers}


def test_workers_end_with_a_killed_page(built_settings: Settings) -> None:
    page = start_page(built_settings.data_dir, env={"ASSISTANT_UI_WORKERS": "2"})
    try:
        started = _workers_of(page.process.pid)
        assert len(started) >= 3  # the forkserver and two workers
    finally:
        page.process.kill()  # no Ctrl-C, no atexit: the workers must notice by themselves
        page.process.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in started):
        time.sleep(0.2)
    left = [pid for pid in started if Path(f"/proc/{pid}").exists()]
    assert not left, f"still running after the page was killed: {left}"
