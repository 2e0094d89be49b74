"""Load on the web page: N concurrent chat sessions against a running app on loopback.

    .venv/bin/python eval/load_test.py --url http://127.0.0.1:7860/ [--sessions 8] [--questions 400]
    .venv/bin/python eval/load_test.py --serve            # start a server on a free port, then stop it

    .venv/bin/python eval/load_test.py --serve --sessions 1,4,8,16 --questions 800

Each session is its own browser-like session (its own conversation) and walks the multi-turn
conversations of eval/questions/answers.jsonl, starting a new conversation before each with
the page's 「开始新对话」 (`--visitors conversation`: a new visitor, a new session, for each
conversation instead; Gradio sets up every new session's page state, which costs the page
about 5 ms). A run is bounded: it stops after --questions questions or --seconds, whichever
comes first. Only loopback addresses are accepted.

Reports, per number of sessions, throughput (questions/s over the run), client-side latency
p50/p95/max, the server's own time per turn (`latency_ms`) and errors; with --serve, the peak
memory of the page and of its answer workers. Target (issue #15): ≥ 50 questions/s at 8
sessions, p95 under 500 ms, no errors.
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


async def http_session(
    api: Endpoints, offset: int, budget: list[int], deadline: float, tally: Tally, visitors: str
) -> None:
    """One user: conversation after conversation, until the budget or the time is used up.
    visitors="session": one browser session that starts each conversation with 「开始新对话」;
    "conversation": a new visitor (a new session) for each conversation."""
    convs, index = conversations(), offset
    session_hash = uuid.uuid4().hex
    while time.monotonic() < deadline:
        if visitors == "conversation":
            session_hash = uuid.uuid4().hex
        else:
            await api.call("new_conversation", [], session_hash)
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


async def run_http(url: str, sessions: int, questions: int, seconds: float, visitors: str) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=2 * sessions + 4)
    async with httpx.AsyncClient(timeout=httpx.Timeout(60.0), limits=limits) as http:
        api = await Endpoints(http, url).open()
        await api.call("chat", ["2024年保护示范区什么时候截止？", []], uuid.uuid4().hex)  # warm up
        tally, budget = Tally(), [questions]
        started, deadline = time.perf_counter(), time.monotonic() + seconds
        runs = [http_session(api, i * 7, budget, deadline, tally, visitors) for i in range(sessions)]
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


def page_memory(pid: int) -> dict:
    """Peak RSS of the page process and of each process it started (its answer workers and
    their forkserver), and the proportional set size of them all (shared pages counted once)."""
    tree, frontier = [pid], [pid]
    while frontier:
        children = []
        for parent in frontier:
            path = Path(f"/proc/{parent}/task/{parent}/children")
            children += [int(c) for c in path.read_text().split()] if path.exists() else []
        tree, frontier = tree + children, children
    peaks, pss = {}, 0
    for member in tree:
        status = Path(f"/proc/{member}/status").read_text()
        peaks[member] = int(status.split("VmHWM:")[1].split()[0]) // 1024
        rollup = Path(f"/proc/{member}/smaps_rollup")
        pss += int(rollup.read_text().split("Pss:")[1].split()[0]) // 1024 if rollup.exists() else 0
    return {
        "page_peak_rss_mib": peaks[pid],
        "other_processes_peak_rss_mib": [peaks[m] for m in tree[1:]],
        "all_processes_pss_mib": pss,
    }


def run(args: argparse.Namespace, url: str, sessions: int) -> dict:
    questions, seconds = min(max(args.questions, 1), 5000), min(max(args.seconds, 1.0), 600.0)
    if args.driver == "http":
        result = asyncio.run(run_http(url, sessions, questions, seconds, args.visitors))
    else:
        result = run_client(url, sessions, questions, seconds)
    return {
        **result,
        "driver": args.driver,
        "visitors": args.visitors if args.driver == "http" else "session",
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:7860/")
    parser.add_argument("--serve", action="store_true", help="start a server on a free port for the run")
    parser.add_argument("--data-dir", help="with --serve: the index's data dir")
    parser.add_argument(
        "--workers", type=int, help="with --serve: ASSISTANT_UI_WORKERS (default: the page's)"
    )
    parser.add_argument(
        "--driver",
        choices=["http", "client"],
        default="http",
        help="http: the queue protocol over one asyncio connection pool (like browsers); client: gradio_client",
    )
    parser.add_argument(
        "--visitors",
        choices=["session", "conversation"],
        default="session",
        help="http: one browser session per user, 「开始新对话」 between conversations (session), "
        "or a new visitor for each conversation (conversation)",
    )
    parser.add_argument(
        "--sessions", default="8", help="concurrent chat sessions (1-64), or a list: 1,4,8,16"
    )
    parser.add_argument("--questions", type=int, default=400, help="questions in all, per run (at most 5000)")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per run (at most 600)")
    args = parser.parse_args()
    counts = [min(max(int(n), 1), 64) for n in args.sessions.split(",")]
    # Every session comes from this one address: the page's per-client join limit is off for it.
    env = {"ASSISTANT_UI_JOIN_RATE": "0"}
    env |= {"ASSISTANT_UI_WORKERS": str(args.workers)} if args.workers is not None else {}
    page = start_page(Path(args.data_dir) if args.data_dir else None, env=env) if args.serve else None
    url = page.url if page else loopback_only(args.url)
    try:
        results = [run(args, url, n) for n in counts]
        memory = page_memory(page.process.pid) if page else None
    finally:
        if page is not None:
            page.stop()
    report = {"runs": results, "memory": memory}
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    for r in results:
        print(
            f"{r['sessions']:>3} sessions: {r['questions_per_second']:6.1f} questions/s, "
            f"latency p50 {r['latency_ms']['p50']:.0f} ms / p95 {r['latency_ms']['p95']:.0f} ms, errors {r['errors']}"
        )
    if memory:
        print(
            f"memory: page peak RSS {memory['page_peak_rss_mib']} MiB, other processes "
            f"{memory['other_processes_peak_rss_mib']} MiB, all together (PSS) {memory['all_processes_pss_mib']} MiB"
        )
    return 0 if all(r["errors"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
