"""Speed and memory on this machine, in one run: index build (cold and warm), `ask` latency
p50/p95 in one warm process, process start-to-first-answer, and peak memory.

    .venv/bin/python eval/benchmark.py [--questions eval/questions/retrieval.jsonl]

Targets (issue #2): warm p50 ≤ 50 ms, p95 ≤ 150 ms; cold build ≤ 60 s; start-to-first-answer ≤ 5 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from assistant.config import Settings  # noqa: E402
from assistant.evaluation.measures import percentile  # noqa: E402
from assistant.ingest.knowledge_base import KnowledgeBase  # noqa: E402
from assistant.pipeline import Assistant, Conversation  # noqa: E402

DEFAULT_QUESTIONS = ROOT / "eval" / "questions" / "retrieval.jsonl"
FIRST_QUESTION = "2024年度保护示范区项目申报什么时候截止？"


def _questions(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return [json.loads(line)["question"] for line in lines if line.strip()] or [FIRST_QUESTION]


def _cli_index(data_dir: str) -> float:
    begin = time.perf_counter()
    command = [sys.executable, "-m", "assistant", "--data-dir", data_dir, "index"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the question set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings.from_env().with_(data_dir=Path(data_dir))
        started = time.perf_counter()
        kb = KnowledgeBase.load(settings.knowledge_dir)
        parse_s = time.perf_counter() - started
        cold_s = _cli_index(data_dir)  # as users build it: `index`, all cores
        warm_s = _cli_index(data_dir)
        assistant = Assistant(settings, kb)
        questions = _questions(args.questions)
        assistant.ask(FIRST_QUESTION)  # warm-up
        retrieval, latencies = [], []
        for _ in range(args.rounds):
            for question in questions:
                begin = time.perf_counter()
                assistant.retriever.run(question, settings.top_k)
                retrieval.append((time.perf_counter() - begin) * 1000)
                begin = time.perf_counter()
                assistant.ask(question, Conversation())
                latencies.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "assistant", "--data-dir", data_dir, "ask", "--json", FIRST_QUESTION],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        first_answer = time.perf_counter() - begin
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"guides parsed            {len(kb.guides)} guides, {len(kb.clauses)} clauses in {parse_s * 1000:.0f} ms"
    )
    print(f"index build, cold        {cold_s:.1f} s (`index` command, new process)   target ≤ 60 s")
    print(f"index build, warm        {warm_s:.1f} s (`index` command, nothing to embed)")
    print(
        f"retrieval, warm          p50 {percentile(retrieval, 0.5):.1f} ms, p95 {percentile(retrieval, 0.95):.1f} ms "
        f"over {len(retrieval)} questions ({settings.retrieval_mode})   target p50 ≤ 50, p95 ≤ 150"
    )
    print(
        f"ask (composed), warm     p50 {percentile(latencies, 0.5):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms "
        f"deterministic composer   target p50 ≤ 80, p95 ≤ 200"
    )
    print(f"start to first answer    {first_answer:.2f} s (new process, CLI)   target ≤ 5 s")
    print(f"peak memory (RSS)        benchmark process {own:.0f} MiB, CLI process {child:.0f} MiB")


if __name__ == "__main__":
    main()
