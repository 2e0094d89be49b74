"""Answer quality of the deterministic composer on eval/questions/answers.jsonl: citation
recall and precision, key facts present, abstention precision/recall, and numbers stated
that appear in no cited clause. Writes the failures to a JSON file for reading.

    .venv/bin/python eval/evaluate_answers.py [--set FILE] [--failures FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer import Assistant, Conversation  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.metrics import covers, fact_present, percentile, unsupported_numbers  # noqa: E402

DEFAULT_SET = ROOT / "eval" / "questions" / "answers.jsonl"


def score_turn(question: str, reply, gold: list[str], facts: list[str], answerable: bool) -> dict:
    cited = [c.clause_id for c in reply.citations]
    related = [c for c in cited if any(covers(c, g) or covers(g, c) for g in gold)]
    return {
        "question": question,
        "answer": reply.answer,
        "cited": cited,
        "gold": gold,
        "gold_answerable": answerable,
        "answerable": reply.answerable,
        "citation_recall": sum(any(covers(c, g) for c in cited) for g in gold) / len(gold) if gold else None,
        "citation_precision": len(related) / len(cited) if gold and cited else None,
        "facts_missing": [f for f in facts if not fact_present(f, reply.answer)],
        "facts_total": len(facts),
        "unsupported_numbers": unsupported_numbers(
            reply.answer, [f"{c.doc_title}\n{c.text}" for c in reply.citations], question
        ),
        "latency_ms": reply.latency_ms,
        "warnings": list(reply.warnings),
    }


def run(settings: Settings, items: list[dict]) -> list[dict]:
    assistant = Assistant(settings)
    rows = []
    for item in items:
        conversation = Conversation()
        for i, question in enumerate(item["turns"]):
            reply = assistant.ask(question, conversation)
            row = score_turn(question, reply, item["gold"][i], item["key_facts"][i], item["answerable"][i])
            rows.append({"id": item["id"], "turn": i + 1, "category": item["category"], **row})
    return rows


def summarize(rows: list[dict]) -> dict[str, float]:
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    answered_gold = [r for r in rows if r["gold_answerable"]]
    abstained = [r for r in rows if not r["answerable"]]
    should_abstain = [r for r in rows if not r["gold_answerable"]]
    correct_abstain = [r for r in abstained if not r["gold_answerable"]]
    facts = sum(r["facts_total"] for r in rows)
    return {
        "turns": len(rows),
        "citation_recall": mean(
            [r["citation_recall"] for r in answered_gold if r["citation_recall"] is not None]
        ),
        "citation_precision": mean(
            [r["citation_precision"] for r in rows if r["citation_precision"] is not None]
        ),
        "key_facts": (facts - sum(len(r["facts_missing"]) for r in rows)) / facts if facts else 0.0,
        "abstention_precision": len(correct_abstain) / len(abstained) if abstained else 0.0,
        "abstention_recall": len(correct_abstain) / len(should_abstain) if should_abstain else 0.0,
        "false_refusals": sum(1 for r in answered_gold if not r["answerable"]),
        "false_answers": sum(1 for r in should_abstain if r["answerable"]),
        "unsupported_numbers": sum(len(r["unsupported_numbers"]) for r in rows),
        "latency_p50_ms": percentile([r["latency_ms"] for r in rows], 0.5),
        "latency_p95_ms": percentile([r["latency_ms"] for r in rows], 0.95),
    }


def failed(row: dict) -> bool:
    return bool(
        row["facts_missing"]
        or row["unsupported_numbers"]
        or row["answerable"] != row["gold_answerable"]
        or (row["citation_recall"] is not None and row["citation_recall"] < 1)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--failures", type=Path, default=ROOT / "eval" / "reports" / "answer_failures.json")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = run(Settings.from_env(), items)
    summary = summarize(rows)
    for name, value in summary.items():
        print(f"{name:22} {value:.3f}" if isinstance(value, float) else f"{name:22} {value}")
    args.failures.parent.mkdir(parents=True, exist_ok=True)
    args.failures.write_text(
        json.dumps([r for r in rows if failed(r)], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"failures written to {args.failures}")


if __name__ == "__main__":
    main()
