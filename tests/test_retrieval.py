"""Retrieval quality on the question set, through the real index, as `ask` retrieves."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index.reader import open_index
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


def test_dense_search_is_exact_and_large_collections_use_chroma(
    built_settings: Settings, kb: KnowledgeBase
) -> None:
    """Up to EXACT_SEARCH_MAX chunks, the dense ranking is every chunk's cosine, nearest first
    (HNSW once missed the second-nearest clause in one process of eight); beyond, Chroma's
    HNSW index answers, through the same filters."""
    import dataclasses

    import numpy as np

    index = open_index(built_settings, kb)
    assert index.vectors is not None and index.vectors.shape[0] == len(index.chunks)
    question = "知识产权质押融资贴息比例是多少"
    query = np.asarray(index.embedder.embed_query(question), dtype=np.float32)
    stored = index.collection.get(include=["embeddings"])
    by_id = dict(zip(stored["ids"], stored["embeddings"], strict=True))
    cosine = {c.id: float(np.dot(by_id[c.id], query) / np.linalg.norm(by_id[c.id])) for c in index.chunks}
    expected = sorted(cosine, key=lambda i: -cosine[i])[:40]
    exact = Retriever(index, "dense").dense(question, Filters())
    assert exact == expected
    by_hnsw = Retriever(dataclasses.replace(index, vectors=None), "dense")
    found = by_hnsw.dense(question, Filters(years=(2022,)))
    assert found and all(cosine[i] <= cosine[found[0]] for i in found)
    assert all(index.chunks[[c.id for c in index.chunks].index(i)].metadata["year"] == 2022 for i in found)


def test_keyword_scores_are_rank_bm25s(built_settings: Settings, kb: KnowledgeBase) -> None:
    """Each token's scores are kept from rank-bm25: a query's scores are the same floats."""
    import numpy as np

    index = open_index(built_settings, kb)
    retriever = Retriever(index, "keyword")
    for question in ("2024年保护示范区申报条件", "专利 专利 转化 运营中心", "没有这个词汇xyz"):
        tokens = index.tokenizer(retriever.thesaurus.expand(question))
        ours = np.zeros(len(index.chunks))
        for token in tokens:
            ours += retriever._token_scores(token)
        assert np.array_equal(ours, retriever._bm25.get_scores(tokens))
