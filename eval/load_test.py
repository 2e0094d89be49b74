"""Load on the web page: N concurrent chat sessions against a running app on loopback.

    .venv/bin/python eval/load_test.py --url http://127.0.0.1:7860/ [--sessions 8] [--questions 400]
    .venv/bin/python eval/load_test.py --serve            # start a server on a free port, then stop it

Each session is its own gradio_client Client (its own browser-like session, so its own
conversation) and walks the multi-turn conversations of eval/questions/answers.jsonl,
starting a new conversation before each. The run is bounded: it stops after --questions
questions in all or --seconds, whichever comes first. Only loopback addresses are accepted.

Reports throughput (questions/s over the run), client-side latency p50/p95/max, the server's
own time per turn (`latency_ms`), and errors. Target (issue #5): ≥ 20 questions/s, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evaluation.measures import percentile  # noqa: E402
from assistant.web.process import start_page  # noqa: E402

CONVERSATIONS = ROOT / "eval" / "questions" / "answers.jsonl"
REPORT = ROOT / "eval" / "reports" / "load_test.json"


@dataclass
class Tally:
    """What all sessions measured; appended to under a lock."""

    latencies: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, reply: object) -> None:
        with self.lock:
            if isinstance(reply, dict) and "answer" in reply:
                self.latencies.append(seconds)
                self.server_ms.append(float(reply.get("latency_ms", 0.0)))
            else:
                self.errors.append(f"unexpected reply: {str(reply)[:200]}")

    def fail(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)

    @property
    def count(self) -> int:
        return len(self.latencies) + len(self.errors)


def loopback_only(url: str) -> str:
    host = urlparse(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SystemExit(f"refusing {url}: the load test only targets loopback (127.0.0.0/8, ::1, localhost)")
    return url


def conversations() -> list[list[str]]:
    lines = CONVERSATIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["turns"] for line in lines if line.strip()]


class Endpoints:
    """The page's queue protocol, as a browser speaks it: POST queue/join, then read the
    event's messages from the session's SSE stream (queue/data) until it completes."""

    def __init__(self, http, url: str) -> None:
        self.http, self.url = http, url

    async def open(self) -> Endpoints:
        config = (await self.http.get(self.url + "config")).json()
        self.prefix = self.url + config.get("api_prefix", "").strip("/") + "/"
        named = [d for d in config["dependencies"] if d.get("api_name")]
        self.fn = {d["api_name"]: d["id"] for d in named}
        self.inputs = {d["api_name"]: len(d.get("inputs", [])) for d in named}
        return self

    async def call(self, api_name: str, data: list, session_hash: str) -> list:
        """`data` for the inputs a browser fills; session state (gr.State) is sent as null."""
        data = [*data, *[None] * (self.inputs[api_name] - len(data))]
        body = {"data": data, "fn_index": self.fn[api_name], "session_hash": session_hash}
        joined = await self.http.post(self.prefix + "queue/join", json={**body, "trigger_id": None})
        joined.raise_for_status()
        event_id = joined.json()["event_id"]
        params = {"session_hash": session_hash}
        async with self.http.stream("GET", self.prefix + "queue/data", params=params) as stream:
            async for line in stream.aiter_lines():
                message = json.loads(line[5:]) if line.startswith("data:") else {}
                if message.get("event_id") == event_id and message.get("msg") == "process_completed":
                    if not message.get("success", True):
                        raise RuntimeError(str(message.get("output"))[:200])
                    return message["output"]["data"]
        raise RuntimeError("the stream ended before the answer")


async def http_session(api: Endpoints, offset: int, budget: list[int], deadline: float, tally: Tally) -> None:
    """One user: conversation after conversation, until the budget or the time is used up."""
    convs, index = conversations(), offset
    while time.monotonic() < deadline:
        session_hash = uuid.uuid4().hex  # a new visitor per conversation: a new Conversation
        for turn in convs[index % len(convs)]:
            if time.monotonic() >= deadline or budget[0] <= 0:
                return
            budget[0] -= 1
            started = time.perf_counter()
            try:
                data = await api.call("chat", [turn, []], session_hash)
                tally.record(time.perf_counter() - started, data[-1])
            except Exception as exc:  # a failed request is counted, the run goes on
                tally.fail(f"{type(exc).__name__}: {exc}"[:300])
        index += 1


async def run_http(url: str, sessions: int, questions: int, seconds: float) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=2 * sessions + 4)
    async with httpx.AsyncClient(timeout=httpx.Timeout(60.0), limits=limits) as http:
        api = await Endpoints(http, url).open()
        await api.call("chat", ["2024年保护示范区什么时候截止？", []], uuid.uuid4().hex)  # warm up
        tally, budget = Tally(), [questions]
        started, deadline = time.perf_counter(), time.monotonic() + seconds
        runs = [http_session(api, i * 7, budget, deadline, tally) for i in range(sessions)]
        await asyncio.wait_for(asyncio.gather(*runs), timeout=seconds + 30)
        return report(tally, sessions, time.perf_counter() - started)


def client_session(client, offset: int, budget: threading.Semaphore, deadline: float, tally: Tally) -> None:
    """The same user, through gradio_client (one Client per session, in its own thread)."""
    convs, index = conversations(), offset
    while time.monotonic() < deadline:
        client.predict(api_name="/new_conversation")
        for turn in convs[index % len(convs)]:
            if time.monotonic() >= deadline or not budget.acquire(blocking=False):
                return
            started = time.perf_counter()
            try:
                result = client.predict(turn, [], api_name="/chat")
                tally.record(time.perf_counter() - started, result[-1])
            except Exception as exc:
                tally.fail(f"{type(exc).__name__}: {exc}"[:300])
        index += 1


def run_client(url: str, sessions: int, questions: int, seconds: float) -> dict:
    from gradio_client import Client

    clients = [Client(url, verbose=False) for _ in range(sessions)]
    clients[0].predict("2024年保护示范区什么时候截止？", [], api_name="/chat")  # warm up
    tally, budget = Tally(), threading.Semaphore(questions)
    started, deadline = time.perf_counter(), time.monotonic() + seconds
    args = [(c, i * 7, budget, deadline, tally) for i, c in enumerate(clients)]
    threads = [threading.Thread(target=client_session, args=a, daemon=True) for a in args]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    elapsed = time.perf_counter() - started
    for client in clients:
        client.close()
    return report(tally, sessions, elapsed)


def report(tally: Tally, sessions: int, elapsed: float) -> dict:
    ms = [s * 1000 for s in tally.latencies]
    return {
        "sessions": sessions,
        "questions": tally.count,
        "answered": len(tally.latencies),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:5],
        "seconds": round(elapsed, 2),
        "questions_per_second": round(len(tally.latencies) / elapsed, 2) if elapsed else 0.0,
        "latency_ms": {
            "p50": round(percentile(ms, 0.5), 1),
            "p95": round(percentile(ms, 0.95), 1),
            "max": round(max(ms, default=0.0), 1),
        },
        "server_latency_ms": {
            "p50": round(percentile(tally.server_ms, 0.5), 1),
            "p95": round(percentile(tally.server_ms, 0.95), 1),
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--serve", action="store_true", help="start a server on a free port for the run")
    parser.add_argument("--data-dir", help="with --serve: the index's data dir")
    parser.add_argument(
        "--driver",
        choices=["http", "client"],
        default="http",
        help="http: the queue protocol over one asyncio connection pool (like browsers); client: gradio_client",
    )
    parser.add_argument("--sessions", type=int, default=8, help="concurrent chat sessions (1-64)")
    parser.add_argument("--questions", type=int, default=400, help="questions in all (at most 5000)")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit (at most 600)")
    args = parser.parse_args()
    sessions, questions = min(max(args.sessions, 1), 64), min(max(args.questions, 1), 5000)
    seconds = min(max(args.seconds, 1.0), 600.0)
    # Every session comes from this one address: the page's per-client join limit is off for it.
    no_limit = {"ASSISTANT_UI_JOIN_RATE": "0"}
    page = start_page(Path(args.data_dir) if args.data_dir else None, env=no_limit) if args.serve else None
    url = page.url if page else loopback_only(args.url)
    try:
        if args.driver == "http":
            result = asyncio.run(run_http(url, sessions, questions, seconds))
        else:
            result = run_client(url, sessions, questions, seconds)
        result["driver"] = args.driver
    finally:
        if page is not None:
            page.stop()
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
