"""One client may not fill the queue that every visitor shares.

Gradio's queue is first come, first served, with one bound for everyone (QUEUE_MAX_SIZE): a
client sending thousands of requests gets the page to refuse ordinary users. This ASGI
middleware gives each client address a bucket of queue joins (BURST at once, refilled at RATE
a second); a join beyond it is refused at once with HTTP 429 and a Chinese message, before it
takes a place in the queue. A person typing never comes near it. Behind a reverse proxy every
visitor has the proxy's address: raise the rate there (ASSISTANT_UI_JOIN_RATE, 0 = off).
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any

JOIN_PATH = "/queue/join"
REFUSED = "请求过于频繁：请等几秒再提问。"
FORGET_AFTER = 600.0  # seconds a client's bucket is kept after its last join


class JoinLimit:
    """ASGI middleware: a token bucket of queue joins per client address."""

    def __init__(self, app: Any, rate: float, burst: int) -> None:
        self.app, self.rate, self.burst = app, rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}  # client → (tokens, when)
        self._lock = threading.Lock()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].endswith(JOIN_PATH) and self.rate > 0:
            client = (scope.get("client") or ("unknown",))[0]
            if not self._take(client):
                await _refuse(send)
                return
        await self.app(scope, receive, send)

    def _take(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > 10_000:  # forget clients long gone
                self._buckets = {c: b for c, b in self._buckets.items() if now - b[1] < FORGET_AFTER}
            tokens, when = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - when) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
        return allowed


async def _refuse(send: Any) -> None:
    body = json.dumps({"error": REFUSED}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json; charset=utf-8"), (b"retry-after", b"5")]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})
