"""A golden file of every answer: each question set's conversations through `ask --json --batch`.

A refactor proves itself by giving byte-identical output before and after:

    python eval/golden.py /tmp/before.jsonl
    ... change the code ...
    python eval/golden.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

`latency_ms` is dropped (it differs on every run); everything else of the `ask --json`
contract is kept. Extra question files (e.g. blind sets kept outside the repository) can be
added with `--extra FILE`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ROOT / "eval" / "testset.jsonl",
    *sorted((ROOT / "eval" / "questions").glob("*.jsonl")),
    *sorted((ROOT / "eval" / "blind").glob("*.jsonl")),
]


def conversations(path: Path) -> list[dict]:
    """Every conversation of a question set as a batch line {"id", "turns": [str]}."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        turns = item.get("turns") or [item["question"]]
        questions = [t["question"] if isinstance(t, dict) else t for t in turns]
        rows.append({"id": f"{path.stem}/{item['id']}", "turns": questions})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--extra", type=Path, action="append", default=[])
    args = parser.parse_args()
    batch = [row for path in [*SETS, *args.extra] for row in conversations(path)]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in batch)
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", "--batch", handle.name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    Path(handle.name).unlink()
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        return run.returncode
    with args.output.open("w", encoding="utf-8") as out:
        for line in run.stdout.splitlines():
            item = json.loads(line)
            for reply in item["replies"]:
                reply.pop("latency_ms", None)
            out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(batch)} conversations → {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
