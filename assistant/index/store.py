"""Chroma, embedded (persistent under the data directory) or a server (`chroma run`).

We always pass our own embeddings and our own embedding function, so Chroma never fetches
its default model; telemetry is off.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

from ..errors import VectorStoreError
from .embedders import Embedder

COLLECTION_PREFIX = "clauses-"


class GuideEmbeddingFunction(EmbeddingFunction[Documents]):
    """Hands Chroma our embedder, so it never reaches for its own default model."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return self._embedder.embed_passages(list(input))  # type: ignore[return-value]

    def embed_query(self, input: Documents) -> Embeddings:
        return [self._embedder.embed_query(text) for text in input]  # type: ignore[misc]

    @staticmethod
    def name() -> str:
        return "jsip-guide-assistant"

    def get_config(self) -> dict[str, Any]:
        return {"model": self._embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> GuideEmbeddingFunction:
        from .embedders import get_embedder

        return GuideEmbeddingFunction(get_embedder(config["model"]))  # used only if Chroma must embed


def connect(data_dir: Path, chroma_url: str | None) -> Any:
    """A Chroma client: HTTP when a URL is configured, else persistent under data_dir/chroma."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if chroma_url:
            url = urlparse(chroma_url)
            client = chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=settings,
            )
            client.heartbeat()
            return client
        (data_dir / "chroma").mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)
    except Exception as exc:
        where = chroma_url or str(data_dir / "chroma")
        raise VectorStoreError(
            f"无法连接向量库 {where}：{type(exc).__name__}: {exc}".splitlines()[0]
        ) from exc


class VectorStore:
    """One collection per index build; the build pointer says which one is live."""

    def __init__(self, client: Any, embedder: Embedder) -> None:
        self._client = client
        self._function = GuideEmbeddingFunction(embedder)

    def create(self, name: str) -> Any:
        return self._call(
            "create_collection",
            name=name,
            embedding_function=self._function,
            metadata={"hnsw:space": "cosine"},
        )

    def open(self, name: str) -> Any | None:
        try:
            return self._client.get_collection(name=name, embedding_function=self._function)
        except Exception:
            return None

    def drop(self, name: str) -> None:
        # Best effort: an orphan collection costs disk, not correctness.
        with contextlib.suppress(Exception):
            self._client.delete_collection(name=name)

    def orphans(self, live: str | None) -> list[str]:
        names = [c if isinstance(c, str) else c.name for c in self._call("list_collections")]
        return [n for n in names if n.startswith(COLLECTION_PREFIX) and n != live]

    def _call(self, method: str, **kwargs: Any) -> Any:
        try:
            return getattr(self._client, method)(**kwargs)
        except Exception as exc:
            raise VectorStoreError(
                f"向量库操作 {method} 失败：{type(exc).__name__}: {exc}".splitlines()[0]
            ) from exc


def embeddings_of(collection: Any, ids: list[str]) -> dict[str, list[float]]:
    """Stored embeddings by id (for reuse when a clause has not changed)."""
    if not ids:
        return {}
    found = collection.get(ids=ids, include=["embeddings", "metadatas"])
    return {
        meta["hash"]: list(vector)
        for meta, vector in zip(found["metadatas"], found["embeddings"], strict=True)
    }


def query(collection: Any, vector: list[float], limit: int, where: dict | None) -> list[tuple[str, float]]:
    """(chunk id, cosine distance) pairs, nearest first."""
    try:
        result = collection.query(
            query_embeddings=[vector], n_results=limit, where=where or None, include=["distances"]
        )
    except Exception as exc:
        raise VectorStoreError(f"向量检索失败：{type(exc).__name__}: {exc}".splitlines()[0]) from exc
    return list(zip(result["ids"][0], result["distances"][0], strict=True))
