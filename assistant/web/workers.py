"""Answer workers: the page's chat turns answered in other processes.

A turn is mostly Python (reading the question, scoring clauses, embedding it). In the page's
own process, sessions take turns on its one interpreter lock however many cores the machine
has, alongside the web server's own work. With workers (ASSISTANT_UI_WORKERS, default 2) a
turn is sent with its conversation to a worker process, which answers it without changing
the conversation (`Assistant.answer`); the page then records the turn in the session's
Conversation, the one place a conversation changes. Session state stays in the page: a
worker keeps nothing between turns.

Workers are started by a forkserver, so they never inherit the page's threads (the web
server's, Chroma's). Each opens the index itself and follows a rebuild as the page does
(LiveAssistant). A worker that dies is replaced, and the turn it held is answered in the
page's process. A language model streams its answer piece by piece in the page's process:
with one configured, no workers are started.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import BrokenExecutor, ProcessPoolExecutor

from ..config import Settings
from ..pipeline import Answered, Assistant, Conversation, LiveAssistant

log = logging.getLogger(__name__)

PAGE_WATCH_SECONDS = 1.0  # how often a worker checks that the page is still running
_live: LiveAssistant | None = None  # in a worker process: its own assistant


def _load(settings: Settings, page: int) -> None:
    global _live
    threading.Thread(target=_exit_with, args=(page,), name="page-watch", daemon=True).start()
    _live = LiveAssistant(Assistant(settings), settings)


def _exit_with(page: int) -> None:
    """A worker ends when the page does, however it ended (even killed, with no time to say
    so): its parent is the forkserver, which outlives the page."""
    while True:
        time.sleep(PAGE_WATCH_SECONDS)
        try:
            os.kill(page, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass  # alive, another user's: not ours to signal


def _answer(question: str, conversation: Conversation) -> Answered:
    assert _live is not None, "the worker's assistant was not loaded"
    return _live.current.answer(question, conversation)


class AnswerWorkers:
    """A pool of worker processes, each with its own assistant on the live index."""

    def __init__(self, settings: Settings, count: int) -> None:
        self._settings, self._count = settings, count
        self._lock = threading.Lock()
        self._pool = self._start()
        atexit.register(self.close)

    @classmethod
    def for_page(cls, settings: Settings) -> AnswerWorkers | None:
        """The page's workers, each with its assistant loaded; None when none are asked for, a
        language model answers, or they cannot start (the page then answers in its process)."""
        if settings.ui_workers == 0 or settings.llm_backend != "none":
            return None
        workers = cls(settings, settings.ui_workers)
        try:
            workers.warm()
        except Exception:
            log.warning(
                "the answer workers could not start; turns are answered in the page's process", exc_info=True
            )
            workers.close()
            return None
        return workers

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["assistant.pipeline"])
        return ProcessPoolExecutor(
            self._count, mp_context=context, initializer=_load, initargs=(self._settings, os.getpid())
        )

    def warm(self) -> None:
        """Load every worker's assistant now, not on the first questions (a start-up error,
        such as a missing index, is raised here)."""
        futures = [self._pool.submit(_answer, "", Conversation()) for _ in range(self._count)]
        for future in futures:
            future.result()

    async def answer_async(self, question: str, conversation: Conversation, fallback: Assistant) -> Answered:
        """The turn answered by a worker, awaited on the event loop (no thread waits for it);
        by `fallback` in this process if the worker died."""
        pool = self._pool
        try:
            return await asyncio.wrap_future(pool.submit(_answer, question, conversation))
        except BrokenExecutor:
            self._restart(pool)
            return fallback.answer(question, conversation)

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        log.warning("an answer worker died; the pool is restarted and this turn answered in the page")
        with self._lock:
            if self._pool is broken:
                self._pool = self._start()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
