"""Chroma, embedded (one directory per build under `data/chroma/`) or a server (`chroma run`).

We always pass our own embeddings and our own embedding function, so Chroma never fetches
its default model; telemetry is off.

Reading never writes to the data directory. Chroma writes to its files even when it is only
opened (a row in SQLite, the HNSW header), so a reader opens a private copy of the live
build's directory, made under the system's temporary directory and removed when the index is
closed. A build directory is never changed once the pointer names it: a build writes a new one.
The copy costs a few milliseconds for these guides (about 4 MB); a corpus a hundred times
larger would want a server (`ASSISTANT_CHROMA_URL`) instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

from ..errors import VectorStoreError
from .embedders import Embedder
from .vectors import unit_rows

COLLECTION_PREFIX = "clauses-"
STORES = "chroma"  # under the data directory: one Chroma directory per build
SNAPSHOT_PREFIX = "jsip-index-"  # private copies a reader opens: jsip-index-<pid>-…


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


def connect(where: Path | str) -> Any:
    """A Chroma client: HTTP for a URL, else persistent in the directory `where`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if isinstance(where, str):
            url = urlparse(where)
            client = chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=settings,
            )
            client.heartbeat()
            return client
        where.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(where), settings=settings)
    except Exception as exc:
        remedy = (
            "" if isinstance(where, str) else "：文件可能已损坏，请运行 `python -m assistant index --rebuild`"
        )
        raise VectorStoreError(
            f"无法打开向量库 {where}（{type(exc).__name__}: {exc}".splitlines()[0] + f"）{remedy}"
        ) from exc


def snapshot(build_dir: Path) -> Path:
    """A private copy of a build's directory for reading (see the module's docstring)."""
    _remove_stale_snapshots()
    copy = Path(tempfile.mkdtemp(prefix=f"{SNAPSHOT_PREFIX}{os.getpid()}-"))
    try:
        shutil.copytree(build_dir, copy, dirs_exist_ok=True)
    except BaseException:
        shutil.rmtree(copy, ignore_errors=True)
        raise
    return copy


def close(client: Any, copy: Path | None = None) -> None:
    """Release a client (and remove the reader's private copy it was opened on)."""
    if client is not None:
        with contextlib.suppress(Exception):
            client.close()
    if copy is not None:
        remove(copy)


def remove(path: Path) -> None:
    """Delete a build directory, a reader's copy, or a stray file (best effort)."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _remove_stale_snapshots() -> None:
    """Copies left by readers that were killed (their process is gone)."""
    for path in Path(tempfile.gettempdir()).glob(f"{SNAPSHOT_PREFIX}*-*"):
        pid = path.name.removeprefix(SNAPSHOT_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class VectorStore:
    """The collections of one Chroma client (a build directory, or a server)."""

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

    def names(self) -> list[str]:
        """The build collections this client holds."""
        names = [c if isinstance(c, str) else c.name for c in self._call("list_collections")]
        return [n for n in names if n.startswith(COLLECTION_PREFIX)]

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


def unit_vectors(collection: Any, ids: tuple[str, ...]) -> Any:
    """Every stored embedding, in the order of `ids`, scaled to unit length: a numpy matrix
    for exact search in memory."""
    try:
        found = collection.get(include=["embeddings"])
    except Exception as exc:
        raise VectorStoreError(f"读取向量失败：{type(exc).__name__}: {exc}".splitlines()[0]) from exc
    by_id = dict(zip(found["ids"], found["embeddings"], strict=True))
    return unit_rows([by_id[i] for i in ids])


def query(collection: Any, vector: list[float], limit: int, where: dict | None) -> list[tuple[str, float]]:
    """(chunk id, cosine distance) pairs, nearest first."""
    try:
        result = collection.query(
            query_embeddings=[vector], n_results=limit, where=where or None, include=["distances"]
        )
    except Exception as exc:
        raise VectorStoreError(f"向量检索失败：{type(exc).__name__}: {exc}".splitlines()[0]) from exc
    return list(zip(result["ids"][0], result["distances"][0], strict=True))
