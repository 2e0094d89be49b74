"""Opening the live index for reading: the pointer checked against the guides, the chunks and
their BM25 tokens, the vectors for exact search, and the Chroma collection.

Chroma is opened only when something needs it. A build that `index` wrote with its vectors
file (vectors.py) is searched exactly in memory from that file, so a reader never imports
Chroma for it; the collection is opened on first use. A build without the file (an older
build, a larger corpus) opens Chroma at once, as before: its vectors are read from it, or its
HNSW index is queried.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import IndexMissingError, VectorStoreError
from ..text.tokens import Tokenizer, dictionary_name
from ..thresholds import EXACT_SEARCH_MAX
from . import vectors as vector_file
from .chunks import build_chunks
from .embedders import Embedder, get_embedder
from .pointer import REBUILD, Pointer, read_pointer, stamp

if TYPE_CHECKING:
    from ..domain import Chunk
    from ..ingest.knowledge_base import KnowledgeBase

SNAPSHOT_TRIES = 3  # a reader re-copies when a build switched the pointer during its copy


@dataclass(frozen=True)
class Opened:
    """A build's collection, opened for reading, and how to let it go."""

    collection: Any
    client: Any
    copy: Path | None  # the reader's private copy of an embedded build


class Collection:
    """A build's Chroma collection, opened on first use (at most once, by one thread) and
    released with the index."""

    def __init__(
        self, settings: Settings, pointer: Pointer, embedder: Embedder, opened: Opened | None = None
    ):
        self._settings, self._pointer, self._embedder = settings, pointer, embedder
        self._opened: Opened | None = None
        self._lock = threading.Lock()
        if opened is not None:
            self._keep(opened)

    def get(self) -> Any:
        with self._lock:
            if self._opened is None:
                self._keep(open_build(self._settings, self._pointer, self._embedder))
            assert self._opened is not None
            return self._opened.collection

    def _keep(self, opened: Opened) -> None:
        from . import store

        self._opened = opened
        weakref.finalize(self, store.close, opened.client, opened.copy)


@dataclass(frozen=True)
class Index:
    """An opened index: the chunks, their BM25 tokens, and the build's Chroma collection. For
    a build of up to EXACT_SEARCH_MAX chunks, `vectors` holds its embeddings (unit length, in
    chunk order) for exact search in memory; for a larger one it is None and Chroma's HNSW
    index is queried."""

    chunks: tuple[Chunk, ...]
    tokens: tuple[tuple[str, ...], ...]
    embedder: Embedder
    tokenizer: Tokenizer
    vectors: Any = None
    store: Collection | None = field(default=None, repr=False)

    @property
    def collection(self) -> Any:
        """The Chroma collection (opened now if it was not yet)."""
        if self.store is None:
            raise VectorStoreError(f"索引没有向量库：{REBUILD}。")
        return self.store.get()


def terms_file(settings: Settings) -> Path:
    return settings.knowledge_dir / "terms.txt"


def open_index(settings: Settings, kb: KnowledgeBase) -> Index:
    """Open the live index; fail clearly when it is missing, damaged or built for other settings."""
    for _ in range(SNAPSHOT_TRIES):
        before = stamp(settings)
        pointer = read_pointer(settings)
        if pointer is None:
            raise IndexMissingError(
                "索引尚未建立：请先运行 `python -m assistant index`（或 make run 会自动建立）。"
            )
        _check_settings(pointer, settings, kb)
        embedder = get_embedder(settings.embedding_model, settings.embed_threads)
        saved = vector_file.load(
            settings.data_dir, pointer.collection, pointer.vectors, len(pointer.chunk_ids)
        )
        if saved is not None and stamp(settings) == before:
            return _index(settings, kb, pointer, saved, Collection(settings, pointer, embedder), embedder)
        try:
            opened = open_build(settings, pointer, embedder)
        except (OSError, VectorStoreError) as exc:  # copytree fails with shutil.Error, an OSError
            if stamp(settings) != before:
                continue  # a build replaced it while we copied: read the new pointer
            if isinstance(exc, VectorStoreError):
                raise
            raise VectorStoreError(f"无法读取索引目录（{type(exc).__name__}）：{REBUILD}。") from exc
        if stamp(settings) == before:
            return _index_from_store(settings, kb, pointer, opened, embedder)
        _close(opened)
    raise IndexMissingError("索引正在频繁重建，暂时无法打开：请稍后重试。")


def _check_settings(pointer: Pointer, settings: Settings, kb: KnowledgeBase) -> None:
    if pointer.embedding_model != settings.embedding_model:
        raise IndexMissingError(
            f"现有索引使用嵌入模型「{pointer.embedding_model}」，当前配置为「{settings.embedding_model}」："
            "请运行 `python -m assistant index --rebuild`。"
        )
    if pointer.knowledge_fingerprint != kb.fingerprint:
        raise IndexMissingError("指南或清单已更新，索引已过期：请运行 `python -m assistant index`。")


def open_build(settings: Settings, pointer: Pointer, embedder: Embedder) -> Opened:
    """The build's collection: on the server, or in a private copy of its directory."""
    from . import store

    copy = None
    if pointer.store is not None:
        source = settings.data_dir / pointer.store
        if not source.is_dir():
            raise VectorStoreError(f"索引目录 {source} 不存在：{REBUILD}。")
        copy = store.snapshot(source)
    try:
        client = store.connect(settings.chroma_url if copy is None else copy)
    except VectorStoreError:
        store.close(None, copy)
        raise
    collection = store.VectorStore(client, embedder).open(pointer.collection)
    if collection is None:
        store.close(client, copy)
        raise VectorStoreError(f"向量库中找不到索引集合「{pointer.collection}」：{REBUILD}。")
    return Opened(collection, client, copy)


def count(collection: Any) -> int:
    try:
        return collection.count()
    except Exception:
        return -1


def _index_from_store(
    settings: Settings, kb: KnowledgeBase, pointer: Pointer, opened: Opened, embedder: Embedder
) -> Index:
    """The build opened in Chroma, checked against the pointer; its vectors read from it."""
    from . import store

    stored = count(opened.collection)
    if stored != len(pointer.chunk_ids):
        _close(opened)
        raise IndexMissingError(f"索引与指南或向量库不一致：{REBUILD}。")
    try:
        vectors = (
            store.unit_vectors(opened.collection, pointer.chunk_ids) if stored <= EXACT_SEARCH_MAX else None
        )
    except (VectorStoreError, KeyError, ValueError) as exc:
        _close(opened)
        raise IndexMissingError(f"索引的向量不完整：{REBUILD}。") from exc
    return _index(settings, kb, pointer, vectors, Collection(settings, pointer, embedder, opened), embedder)


def _index(
    settings: Settings,
    kb: KnowledgeBase,
    pointer: Pointer,
    vectors: Any,
    collection: Collection,
    embedder: Embedder,
) -> Index:
    """The index, its chunks checked against the guides."""
    by_id = {c.id: c for c in build_chunks(kb)}
    if any(i not in by_id for i in pointer.chunk_ids):
        raise IndexMissingError(f"索引与指南或向量库不一致：{REBUILD}。")  # the collection closes with it
    return Index(
        tuple(by_id[i] for i in pointer.chunk_ids),
        tuple(tuple(t) for t in pointer.tokens),
        embedder,
        Tokenizer(terms_file(settings), settings.data_dir / dictionary_name(terms_file(settings))),
        vectors,
        collection,
    )


def _close(opened: Opened) -> None:
    from . import store

    store.close(opened.client, opened.copy)
