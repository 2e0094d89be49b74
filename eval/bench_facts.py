"""Benchmark: reading an applicant's facts from a 500-character statement.

    python eval/bench_facts.py [--repeat 200]

Statements are cut from the plain-language eligibility questions (eval/questions/eligibility.jsonl
and the blind sets under eval/blind/), 500 characters each. Prints the median and p95 time of
`extract_facts` for a program, and, as the floor measured in the same run, one scan of the same
text for every phrase word the rules know (the least work that can find a fact at all), with the
ratio of the two. The target is under 5 ms a statement.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from assistant.eligibility import load_rules  # noqa: E402
from assistant.ingest.knowledge_base import KnowledgeBase  # noqa: E402
from assistant.question.fact_phrases import phrase_index  # noqa: E402
from assistant.question.facts import extract_facts  # noqa: E402

LENGTH = 500
PROGRAMS = ("2022-industrial-brand", "2022-high-value-patent-new", "2024-protection-zone", None)


def statements() -> list[str]:
    """500-character statements made of the conversations' own turns, joined in order."""
    files = [
        ROOT / "eval" / "questions" / "eligibility.jsonl",
        *sorted((ROOT / "eval" / "blind").glob("*.jsonl")),
    ]
    turns = [
        t if isinstance(t, str) else t["question"]  # answer sets hold turns as objects
        for f in files
        if f.exists()
        for line in f.read_text("utf-8").splitlines()
        if line.strip()
        for t in json.loads(line)["turns"]
    ]
    text = "".join(turns)
    return [text[i : i + LENGTH] for i in range(0, len(text) - LENGTH, LENGTH)][:40]


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each statement")
    args = parser.parse_args()
    rules = load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR))
    index = phrase_index(rules.fact_specs)
    texts = statements()
    extract_facts(texts[0], rules, PROGRAMS[0])  # warm: the phrase index is built once
    reading, floor = [], []
    for text in texts:
        for program in PROGRAMS:
            reading += timed(
                lambda text=text, program=program: extract_facts(text, rules, program), args.repeat
            )
        floor += timed(lambda text=text: index.present(text), args.repeat * len(PROGRAMS))

    def p95(values: list[float]) -> float:
        return sorted(values)[int(0.95 * (len(values) - 1))]

    read_p50, floor_p50 = statistics.median(reading), statistics.median(floor)
    print(f"statements: {len(texts)} of {LENGTH} characters, {len(reading)} readings")
    print(f"floor (one scan for every phrase word): p50 {floor_p50:.3f} ms, p95 {p95(floor):.3f} ms")
    print(f"reading the facts:                      p50 {read_p50:.3f} ms, p95 {p95(reading):.3f} ms")
    print(
        f"ratio to the floor: p50 {read_p50 / floor_p50:.1f}x, p95 {p95(reading) / p95(floor):.1f}x; target < 5 ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
