"""Building and opening the index: chunks embedded into Chroma, tokens for BM25.

A build writes a new collection, then switches the pointer file (`data/index*.json`) with
an atomic rename; only then is the old collection dropped. A failed or interrupted build
leaves the previous index as it was. Unchanged chunks reuse their stored embeddings.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..domain import Chunk
from ..errors import AssistantError, IndexBuildError, IndexMissingError
from ..ingest.knowledge_base import KnowledgeBase
from ..text.tokens import Tokenizer
from .chunks import build_chunks
from .embedders import Embedder, get_embedder
from .store import COLLECTION_PREFIX, VectorStore, connect, embeddings_of

POINTER_VERSION = 1
EMBED_BATCH = 32


@dataclass(frozen=True)
class BuildReport:
    chunks: int
    embedded: int
    reused: int
    seconds: float
    up_to_date: bool
    collection: str


@dataclass(frozen=True)
class Index:
    """An opened index: the chunks, their BM25 tokens, and the live Chroma collection."""

    chunks: tuple[Chunk, ...]
    tokens: tuple[tuple[str, ...], ...]
    collection: Any
    embedder: Embedder
    tokenizer: Tokenizer


def pointer_path(settings: Settings) -> Path:
    if not settings.chroma_url:
        return settings.data_dir / "index.json"
    safe = re.sub(r"[^A-Za-z0-9]+", "-", settings.chroma_url.split("://", 1)[-1]).strip("-")
    return settings.data_dir / f"index-server-{safe}.json"


def terms_file(settings: Settings) -> Path:
    return settings.knowledge_dir / "terms.txt"


def read_pointer(settings: Settings) -> dict[str, Any] | None:
    path = pointer_path(settings)
    if not path.is_file():
        return None
    try:
        pointer = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return pointer if pointer.get("version") == POINTER_VERSION else None


def _write_pointer(settings: Settings, pointer: dict[str, Any]) -> None:
    path = pointer_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(pointer, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_index(
    settings: Settings, kb: KnowledgeBase, rebuild: bool = False, progress: bool = False
) -> BuildReport:
    """Build (or refresh) the index for the knowledge base. Idempotent."""
    started = time.perf_counter()
    chunks = build_chunks(kb)
    tokenizer = Tokenizer(terms_file(settings))
    embedder = get_embedder(settings.embedding_model, settings.embed_threads)
    store = VectorStore(connect(settings.data_dir, settings.chroma_url), embedder)
    old = read_pointer(settings)
    old_collection = store.open(old["collection"]) if old else None
    hashes = [c.metadata["hash"] for c in chunks]
    if old_collection is not None and not rebuild and _same_build(old, settings, hashes, old_collection):
        return BuildReport(len(chunks), 0, 0, time.perf_counter() - started, True, old["collection"])

    reusable = {}
    if old_collection is not None and not rebuild and old.get("embedding_model") == embedder.name:
        reusable = embeddings_of(old_collection, [i for i in old["chunk_ids"] if i])
    name = f"{COLLECTION_PREFIX}{uuid.uuid4().hex[:12]}"
    try:
        collection = store.create(name)
        embedded = _fill(collection, chunks, embedder, reusable, progress)
        _write_pointer(settings, _pointer(settings, kb, chunks, name, embedder, tokenizer))
    except (AssistantError, Exception) as exc:
        store.drop(name)
        if isinstance(exc, IndexBuildError):
            raise
        raise IndexBuildError(f"索引构建失败，原索引保持不变：{exc}".splitlines()[0]) from exc
    for orphan in store.orphans(live=name):
        store.drop(orphan)
    return BuildReport(
        len(chunks), embedded, len(chunks) - embedded, time.perf_counter() - started, False, name
    )


def _same_build(old: dict, settings: Settings, hashes: list[str], collection: Any) -> bool:
    return (
        old.get("embedding_model") == settings.embedding_model
        and old.get("hashes") == hashes
        and collection.count() == len(hashes)
    )


def _fill(collection: Any, chunks: list[Chunk], embedder: Embedder, reusable: dict, progress: bool) -> int:
    from tqdm import tqdm

    missing = [c for c in chunks if c.metadata["hash"] not in reusable]
    vectors = dict(reusable)
    bar = tqdm(total=len(missing), desc="嵌入条款", unit="条", disable=not progress or not missing)
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        for chunk, vector in zip(batch, embedder.embed_passages([c.embed_text for c in batch]), strict=True):
            vectors[chunk.metadata["hash"]] = vector
        bar.update(len(batch))
    bar.close()
    for start in range(0, len(chunks), 256):
        batch = chunks[start : start + 256]
        collection.add(
            ids=[c.id for c in batch],
            embeddings=[vectors[c.metadata["hash"]] for c in batch],
            documents=[c.text for c in batch],
            metadatas=[c.metadata for c in batch],
        )
    return len(missing)


def _pointer(settings, kb, chunks, name, embedder, tokenizer) -> dict[str, Any]:
    return {
        "version": POINTER_VERSION,
        "collection": name,
        "embedding_model": embedder.name,
        "chroma_url": settings.chroma_url,
        "knowledge_fingerprint": kb.fingerprint,
        "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "chunk_ids": [c.id for c in chunks],
        "hashes": [c.metadata["hash"] for c in chunks],
        "tokens": [tokenizer(c.embed_text) for c in chunks],
    }


def open_index(settings: Settings, kb: KnowledgeBase) -> Index:
    """Open the live index; fail clearly when it is missing or was built for other settings."""
    pointer = read_pointer(settings)
    if pointer is None:
        raise IndexMissingError(
            "索引尚未建立：请先运行 `python -m assistant index`（或 make run 会自动建立）。"
        )
    if pointer["embedding_model"] != settings.embedding_model:
        raise IndexMissingError(
            f"现有索引使用嵌入模型「{pointer['embedding_model']}」，当前配置为「{settings.embedding_model}」："
            "请运行 `python -m assistant index --rebuild`。"
        )
    if pointer["knowledge_fingerprint"] != kb.fingerprint:
        raise IndexMissingError("指南或清单已更新，索引已过期：请运行 `python -m assistant index`。")
    embedder = get_embedder(settings.embedding_model, settings.embed_threads)
    store = VectorStore(connect(settings.data_dir, settings.chroma_url), embedder)
    collection = store.open(pointer["collection"])
    if collection is None:
        raise IndexMissingError(
            f"向量库中找不到索引集合「{pointer['collection']}」：请运行 `python -m assistant index --rebuild`。"
        )
    by_id = {c.id: c for c in build_chunks(kb)}
    chunks = tuple(by_id[i] for i in pointer["chunk_ids"])
    tokens = tuple(tuple(t) for t in pointer["tokens"])
    return Index(chunks, tokens, collection, embedder, Tokenizer(terms_file(settings)))
