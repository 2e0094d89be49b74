"""Retrieval: BM25 over jieba tokens, dense vectors (exact in memory, or Chroma's HNSW for a
larger build), fused by reciprocal rank.

Filters (guide ids, years, programs, applicant type) narrow both retrievers. The default
mode is hybrid; `eval/bench_retrieval.py` measures all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rank_bm25 import BM25Okapi

from ..config import DEFAULT_RRF_K
from ..domain import Chunk, Hit
from ..index.reader import Index
from ..text.thesaurus import Thesaurus
from ..thresholds import CANDIDATES, DENSE_WEIGHT


@dataclass(frozen=True)
class Filters:
    guide_ids: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    programs: tuple[str, ...] = ()
    applicant_type: str | None = None

    def allows(self, chunk: Chunk) -> bool:
        meta = chunk.metadata
        if self.guide_ids and meta["guide_id"] not in self.guide_ids:
            return False
        if self.years and meta["year"] not in self.years:
            return False
        if self.programs and meta["program"] not in self.programs:
            return False
        return not (self.applicant_type and self.applicant_type not in meta["applicant_types"].split("|"))

    def chroma_where(self) -> dict | None:
        clauses = []
        for key, values in (("guide_id", self.guide_ids), ("year", self.years), ("program", self.programs)):
            if values:
                clauses.append({key: {"$in": list(values)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass
class Retriever:
    """Ranks chunks for a query. Settings in `__init__`, one `run()`."""

    index: Index
    mode: str = "hybrid"
    rrf_k: int = DEFAULT_RRF_K
    dense_weight: float = DENSE_WEIGHT
    thesaurus: Thesaurus = field(default_factory=Thesaurus)
    _bm25: BM25Okapi = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._bm25 = BM25Okapi([list(t) for t in self.index.tokens])
        self._position = {c.id: i for i, c in enumerate(self.index.chunks)}
        # A turn may search more than once with the same words (each guide of a comparison, the
        # whole base for a follow-up); the question is embedded once. Safe across threads.
        self._embed = lru_cache(maxsize=64)(self.index.embedder.embed_query)
        self._token_scores = lru_cache(maxsize=8192)(self._one_token_scores)

    @property
    def idf(self) -> dict[str, float]:
        """Inverse document frequency of each token over the chunks (BM25's)."""
        return dict(self._bm25.idf)

    def run(self, question: str, top_k: int = 5, filters: Filters | None = None) -> list[Hit]:
        filters = filters or Filters()
        rankings: dict[str, list[str]] = {}
        if self.mode in ("hybrid", "keyword"):
            rankings["keyword"] = self.keyword(question, filters)
        if self.mode in ("hybrid", "dense"):
            rankings["dense"] = self.dense(question, filters)
        return self._fuse(rankings, top_k)

    def keyword(self, question: str, filters: Filters) -> list[str]:
        tokens = self.index.tokenizer(self.thesaurus.expand(question))
        if not tokens:
            return []
        scores = np.zeros(len(self.index.chunks))
        for token in tokens:  # in the query's order, as rank-bm25 sums them: the same floats
            scores += self._token_scores(token)
        order = np.argsort(-scores, kind="stable")
        chunks = self.index.chunks
        return [chunks[i].id for i in order if scores[i] > 0 and filters.allows(chunks[i])][:CANDIDATES]

    def dense(self, question: str, filters: Filters) -> list[str]:
        vector = self._embed(question)
        chunks = self.index.chunks
        if self.index.vectors is not None:  # exact: every chunk's cosine, nearest first
            similarity = self.index.vectors @ np.asarray(vector, dtype=np.float32)
            order = np.argsort(-similarity, kind="stable")
            return [chunks[i].id for i in order if filters.allows(chunks[i])][:CANDIDATES]
        from ..index.store import query as dense_query  # Chroma is imported only for a larger build

        limit = min(len(self.index.chunks), CANDIDATES * (3 if filters.applicant_type else 1))
        pairs = dense_query(self.index.collection, vector, limit, filters.chroma_where())
        allowed = [i for i, _ in pairs if i in self._position and filters.allows(chunks[self._position[i]])]
        return allowed[:CANDIDATES]

    def _one_token_scores(self, token: str) -> np.ndarray:
        """One token's BM25 score in every chunk, as rank-bm25 computes it, kept for the next
        query that holds the token: a query then costs a few vector additions."""
        scores = self._bm25.get_scores([token])
        scores.flags.writeable = False
        return scores

    def _fuse(self, rankings: dict[str, list[str]], top_k: int) -> list[Hit]:
        scores: dict[str, float] = {}
        ranks: dict[str, dict[str, int]] = {}
        for name, ranking in rankings.items():
            weight = self.dense_weight if name == "dense" and len(rankings) > 1 else 1.0
            for rank, chunk_id in enumerate(ranking, start=1):
                scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (self.rrf_k + rank)
                ranks.setdefault(chunk_id, {})[name] = rank
        best = sorted(scores, key=lambda i: (-scores[i], self._position[i]))[:top_k]
        return [Hit(self.index.chunks[self._position[i]], scores[i], ranks[i]) for i in best]
