"""Retrieval quality: recall@1/@5 and MRR@10 for keyword, dense and hybrid retrieval, each
with and without the scope filters that `ask` applies. Prints a table; run after `index`.

    .venv/bin/python eval/bench_retrieval.py [--questions eval/questions/retrieval.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from assistant.config import Settings
from assistant.evaluation.measures import recall_at, reciprocal_rank
from assistant.index.reader import open_index
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.scope import detect
from assistant.retrieval.for_turn import filters_for
from assistant.retrieval.retriever import Retriever

DEFAULT_QUESTIONS = Path(__file__).parent / "questions" / "retrieval.jsonl"


def evaluate(settings: Settings, questions: list[dict]) -> dict[str, dict[str, float]]:
    kb = KnowledgeBase.load(settings.knowledge_dir)
    index = open_index(settings, kb)
    results: dict[str, dict[str, float]] = {}
    for mode in ("keyword", "dense", "hybrid"):
        retriever = Retriever(index, mode, settings.rrf_k)
        for scoped in (False, True):
            r1 = r5 = mrr = 0.0
            for item in questions:
                filters = filters_for(kb, detect(kb, item["question"])) if scoped else None
                hits = retriever.run(item["question"], 10, filters)
                if scoped and not hits:
                    hits = retriever.run(item["question"], 10)
                ids = [h.chunk.clause_id for h in hits]
                r1 += recall_at(ids, item["gold"], 1)
                r5 += recall_at(ids, item["gold"], 5)
                mrr += reciprocal_rank(ids, item["gold"], 10)
            n = len(questions)
            results[f"{mode}{'+scope' if scoped else ''}"] = {
                "recall@1": r1 / n,
                "recall@5": r5 / n,
                "mrr@10": mrr / n,
            }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    questions = [
        json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    results = evaluate(Settings.from_env(), questions)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"retrieval on {len(questions)} questions ({args.questions.name})")
    print(f"{'configuration':16} {'recall@1':>9} {'recall@5':>9} {'MRR@10':>8}")
    for name, row in results.items():
        print(f"{name:16} {row['recall@1']:9.3f} {row['recall@5']:9.3f} {row['mrr@10']:8.3f}")


if __name__ == "__main__":
    main()
