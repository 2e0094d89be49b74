"""Retrieval quality on the question set, through the real index, as `ask` retrieves."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index.build import open_index
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.scope import detect
from assistant.retrieval.for_turn import filters_for
from assistant.retrieval.retriever import Filters, Retriever

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
from assistant.evaluation.measures import covers, recall_at, reciprocal_rank  # noqa: E402

QUESTIONS = [
    json.loads(line)
    for line in (ROOT / "eval" / "questions" / "retrieval.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _ranked(retriever: Retriever, kb: KnowledgeBase, question: str) -> list[str]:
    hits = retriever.run(question, 10, filters_for(kb, detect(kb, question))) or retriever.run(question, 10)
    return [h.chunk.clause_id for h in hits]


def test_hybrid_recall_at_5_is_at_least_090(built_settings: Settings, kb: KnowledgeBase) -> None:
    retriever = Retriever(open_index(built_settings, kb))
    assert retriever.mode == "hybrid"
    ranked = {q["id"]: _ranked(retriever, kb, q["question"]) for q in QUESTIONS}
    recall5 = sum(recall_at(ranked[q["id"]], q["gold"], 5) for q in QUESTIONS) / len(QUESTIONS)
    mrr = sum(reciprocal_rank(ranked[q["id"]], q["gold"]) for q in QUESTIONS) / len(QUESTIONS)
    missed = [q["id"] for q in QUESTIONS if recall_at(ranked[q["id"]], q["gold"], 5) < 1]
    assert recall5 >= 0.90, f"hybrid recall@5 {recall5:.3f}; missed {missed}"
    assert mrr >= 0.80


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (Filters(years=(2022,)), lambda c: c.metadata["year"] == 2022),
        (Filters(guide_ids=("2022-gi-brand",)), lambda c: c.guide_id == "2022-gi-brand"),
        (Filters(programs=("保护示范区",)), lambda c: c.metadata["program"] == "保护示范区"),
        (Filters(applicant_type="园区"), lambda c: "园区" in c.metadata["applicant_types"].split("|")),
    ],
)
def test_filters_hold_in_every_mode(built_settings: Settings, kb: KnowledgeBase, filters, allowed) -> None:
    index = open_index(built_settings, kb)
    for mode in ("keyword", "dense", "hybrid"):
        hits = Retriever(index, mode).run("申报条件和截止日期", 10, filters)
        assert hits and all(allowed(h.chunk) for h in hits), mode


def test_covers_means_same_or_ancestor() -> None:
    assert covers("g:3.2", "g:3.2") and covers("g:3", "g:3.2.1") and covers("g", "g:3")
    assert not covers("g:3.2", "g:3") and not covers("g:3.1", "g:3.10") and not covers("g:3", "h:3")
