"""Answer quality on the developer set of issue #3 (eval/questions/answers.jsonl) alone: a thin
wrapper over the evaluation runner of `python -m assistant eval` (which runs the whole set,
eval/testset.jsonl, and writes the full report). Prints the figures and writes the failed
turns to a JSON file.

    .venv/bin/python eval/evaluate_answers.py [--config NAME ...] [--failures FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from build_testset import from_answers, read  # noqa: E402

from assistant.cli.evaluate import format_table  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.evaluation.runner import evaluate, failure_dict  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", action="append", help="default / keyword / dense / hybrid / llm")
    parser.add_argument("--failures", type=Path, default=ROOT / "eval" / "reports" / "answer_failures.json")
    args = parser.parse_args()
    items = [from_answers(item) for item in read("answers.jsonl")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "answers.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        evaluation = evaluate(Settings.from_env(), path, args.config or ["default"])
    print(f"{evaluation.items} conversations, {evaluation.turns} turns (eval/questions/answers.jsonl)")
    print(format_table(evaluation.results))
    failures = {r.name: [failure_dict(f) for f in r.failures] for r in evaluation.results}
    args.failures.parent.mkdir(parents=True, exist_ok=True)
    args.failures.write_text(json.dumps(failures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"failures written to {args.failures}")


if __name__ == "__main__":
    main()
