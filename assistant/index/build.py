"""Building and opening the index: chunks embedded into Chroma, tokens for BM25.

A build takes the data directory's lock (a second build waits, and says so), writes a new
collection (embedded: in a new directory of its own), then switches the pointer file
(`data/index*.json`) with an atomic rename; only then are older builds removed. A failed or
interrupted build leaves the previous index as it was. Unchanged chunks reuse their stored
embeddings. Opening checks the pointer against the guides and the store, so that whatever
`ask` would fail on, `index` sees and repairs.
"""

from __future__ import annotations

import contextlib
import fcntl
import sys
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..domain import Chunk
from ..errors import AssistantError, IndexBuildError, IndexMissingError, VectorStoreError
from ..ingest.knowledge_base import KnowledgeBase
from ..text.tokens import DICTIONARY_PREFIX, TAGS_PREFIX, Tokenizer, dictionary_name, save_tags, tags_name
from ..thresholds import EXACT_SEARCH_MAX
from . import store
from .chunks import build_chunks
from .embedders import Embedder, get_embedder
from .pointer import REBUILD, Pointer, read_pointer, stamp, write_pointer

EMBED_BATCH = 32
SNAPSHOT_TRIES = 3  # a reader re-copies when a build switched the pointer during its copy


@dataclass(frozen=True)
class BuildReport:
    chunks: int
    embedded: int
    reused: int
    seconds: float
    up_to_date: bool
    collection: str
    changes: Changes | None = None  # against the build it replaced; None for a first build


@dataclass(frozen=True)
class Changes:
    """What a build changed against the one before, by chunk id, for the operator to review."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @classmethod
    def between(cls, old: Pointer, chunks: list[Chunk]) -> Changes:
        before = dict(zip(old.chunk_ids, old.hashes, strict=True))
        after = {c.id: c.metadata["hash"] for c in chunks}
        return cls(
            tuple(i for i in after if i not in before),
            tuple(i for i in before if i not in after),
            tuple(i for i in after if i in before and before[i] != after[i]),
        )


@dataclass(frozen=True)
class Index:
    """An opened index: the chunks, their BM25 tokens, and the live Chroma collection. For a
    collection of up to EXACT_SEARCH_MAX chunks, `vectors` holds its embeddings (unit length,
    in chunk order) for exact search in memory; for a larger one it is None and Chroma's HNSW
    index is queried."""

    chunks: tuple[Chunk, ...]
    tokens: tuple[tuple[str, ...], ...]
    collection: Any
    embedder: Embedder
    tokenizer: Tokenizer
    vectors: Any = None


@dataclass(frozen=True)
class _Opened:
    """A build's collection, opened for reading, and how to let it go."""

    collection: Any
    client: Any
    copy: Path | None  # the reader's private copy of an embedded build


def terms_file(settings: Settings) -> Path:
    return settings.knowledge_dir / "terms.txt"


def build_index(
    settings: Settings, kb: KnowledgeBase, rebuild: bool = False, progress: bool = False
) -> BuildReport:
    """Build (or refresh) the index for the knowledge base. Idempotent; one build at a time."""
    with _build_lock(settings, progress):
        return _build(settings, kb, rebuild, progress)


@contextlib.contextmanager
def _build_lock(settings: Settings, progress: bool) -> Iterator[None]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / ".index.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if progress:
                print("另一个索引构建正在进行，等待它完成……", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(settings: Settings, kb: KnowledgeBase, rebuild: bool, progress: bool) -> BuildReport:
    started = time.perf_counter()
    chunks = build_chunks(kb)
    tokenizer = Tokenizer(terms_file(settings))
    _save_dictionary(settings, tokenizer)
    tokens = [tokenizer(c.embed_text) for c in chunks]
    embedder = get_embedder(settings.embedding_model, settings.embed_threads)
    old = _previous(settings)
    opened = _open_quietly(settings, old, embedder) if old else None
    try:
        if old and opened and not rebuild and _same_build(old, settings, kb, chunks, tokens, opened):
            _tidy(settings, embedder, live=old)
            return BuildReport(len(chunks), 0, 0, time.perf_counter() - started, True, old.collection)
        reusable = {}
        if old and opened and not rebuild and old.embedding_model == embedder.name:
            reusable = store.embeddings_of(opened.collection, list(old.chunk_ids))
    finally:
        if opened:
            store.close(opened.client, opened.copy)
    name = f"{store.COLLECTION_PREFIX}{uuid.uuid4().hex[:12]}"
    pointer = _write_build(settings, kb, chunks, tokens, embedder, name, reusable, progress)
    _tidy(settings, embedder, live=pointer, previous=old)
    embedded = sum(c.metadata["hash"] not in reusable for c in chunks)
    changes = Changes.between(old, chunks) if old else None
    seconds = time.perf_counter() - started
    return BuildReport(len(chunks), embedded, len(chunks) - embedded, seconds, False, name, changes)


def _previous(settings: Settings) -> Pointer | None:
    """The live build's pointer; a damaged one counts as none, so the build starts afresh."""
    try:
        return read_pointer(settings)
    except IndexMissingError:
        return None


def _open_quietly(settings: Settings, pointer: Pointer, embedder: Embedder) -> _Opened | None:
    try:
        return _open_build(settings, pointer, embedder)
    except (VectorStoreError, OSError):
        return None  # a damaged or missing store: rebuild it


def _write_build(settings, kb, chunks, tokens, embedder, name, reusable, progress) -> Pointer:
    """Embed and store a new build, then switch the pointer to it (nothing is live before)."""
    embedded_dir = None if settings.chroma_url else settings.data_dir / store.STORES / name
    client = None
    try:
        client = store.connect(settings.chroma_url or embedded_dir)
        collection = store.VectorStore(client, embedder).create(name)
        _fill(collection, chunks, embedder, reusable, progress)
        store.close(client)
        pointer = Pointer(
            version=2,
            collection=name,
            store=f"{store.STORES}/{name}" if embedded_dir else None,
            embedding_model=embedder.name,
            chroma_url=settings.chroma_url,
            knowledge_fingerprint=kb.fingerprint,
            built_at=time.strftime("%Y-%m-%d %H:%M:%S"),
            chunk_ids=[c.id for c in chunks],
            hashes=[c.metadata["hash"] for c in chunks],
            tokens=tokens,
        )
        write_pointer(settings, pointer)
        return pointer
    except (AssistantError, Exception) as exc:
        _discard(embedder, name, embedded_dir, client)
        if isinstance(exc, IndexBuildError):
            raise
        raise IndexBuildError(f"索引构建失败，原索引保持不变：{exc}".splitlines()[0]) from exc


def _discard(embedder: Embedder, name: str, embedded_dir: Path | None, client: Any) -> None:
    if embedded_dir is not None:
        store.close(client, embedded_dir)
    elif client is not None:
        store.VectorStore(client, embedder).drop(name)


def _tidy(settings: Settings, embedder: Embedder, live: Pointer, previous: Pointer | None = None) -> None:
    """Remove what no reader can still need: embedded, every directory but the live build's
    (readers work on private copies); on a server, every build collection but the live one and
    the one it replaced (a running page switches at its next turn). Killed builds' leftovers go too."""
    if live.store is None:
        with contextlib.suppress(VectorStoreError):
            server = store.VectorStore(store.connect(settings.chroma_url), embedder)
            keep = {live.collection, previous.collection if previous else ""}
            for name in server.names():
                if name not in keep:
                    server.drop(name)
        return
    stores = settings.data_dir / store.STORES
    for path in stores.iterdir() if stores.is_dir() else ():
        if path.name != Path(live.store).name:
            store.remove(path)


def _same_build(old: Pointer, settings: Settings, kb: KnowledgeBase, chunks, tokens, opened: _Opened) -> bool:
    return (
        old.embedding_model == settings.embedding_model
        and old.chroma_url == settings.chroma_url
        and old.knowledge_fingerprint == kb.fingerprint
        and old.chunk_ids == [c.id for c in chunks]
        and old.hashes == [c.metadata["hash"] for c in chunks]
        and old.tokens == tokens
        and _count(opened.collection) == len(chunks)
    )


def _save_dictionary(settings: Settings, tokenizer: Tokenizer) -> None:
    """The tokenizer's dictionary, for readers to load quickly (`Tokenizer(…, dictionary)`);
    those of other terms files are removed. Written under the build lock, never by a reader."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    _save_once(settings.data_dir, DICTIONARY_PREFIX, dictionary_name(terms_file(settings)), tokenizer.save)
    _save_once(settings.data_dir, TAGS_PREFIX, tags_name(), save_tags)  # jieba's word tags


def _save_once(directory: Path, prefix: str, name: str, write: Callable[[Path], None]) -> None:
    """Write `name` unless it is there; older files of the same kind (`prefix`) are removed."""
    for old in directory.glob(f"{prefix}*"):
        if old.name != name:
            old.unlink(missing_ok=True)
    if not (directory / name).is_file():
        write(directory / name)


def _count(collection: Any) -> int:
    try:
        return collection.count()
    except Exception:
        return -1


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
        try:
            opened = _open_build(settings, pointer, embedder)
        except (OSError, VectorStoreError) as exc:  # copytree fails with shutil.Error, an OSError
            if stamp(settings) != before:
                continue  # a build replaced it while we copied: read the new pointer
            if isinstance(exc, VectorStoreError):
                raise
            raise VectorStoreError(f"无法读取索引目录（{type(exc).__name__}）：{REBUILD}。") from exc
        if stamp(settings) == before:
            return _index(settings, kb, pointer, opened, embedder)
        store.close(opened.client, opened.copy)
    raise IndexMissingError("索引正在频繁重建，暂时无法打开：请稍后重试。")


def _check_settings(pointer: Pointer, settings: Settings, kb: KnowledgeBase) -> None:
    if pointer.embedding_model != settings.embedding_model:
        raise IndexMissingError(
            f"现有索引使用嵌入模型「{pointer.embedding_model}」，当前配置为「{settings.embedding_model}」："
            "请运行 `python -m assistant index --rebuild`。"
        )
    if pointer.knowledge_fingerprint != kb.fingerprint:
        raise IndexMissingError("指南或清单已更新，索引已过期：请运行 `python -m assistant index`。")


def _open_build(settings: Settings, pointer: Pointer, embedder: Embedder) -> _Opened:
    """The build's collection: on the server, or in a private copy of its directory."""
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
    return _Opened(collection, client, copy)


def _index(
    settings: Settings, kb: KnowledgeBase, pointer: Pointer, opened: _Opened, embedder: Embedder
) -> Index:
    """The opened build checked against the guides; its copy is removed when the Index goes."""
    by_id = {c.id: c for c in build_chunks(kb)}
    count = _count(opened.collection)
    if any(i not in by_id for i in pointer.chunk_ids) or count != len(pointer.chunk_ids):
        store.close(opened.client, opened.copy)
        raise IndexMissingError(f"索引与指南或向量库不一致：{REBUILD}。")
    try:
        vectors = (
            store.unit_vectors(opened.collection, pointer.chunk_ids) if count <= EXACT_SEARCH_MAX else None
        )
    except (VectorStoreError, KeyError, ValueError) as exc:
        store.close(opened.client, opened.copy)
        raise IndexMissingError(f"索引的向量不完整：{REBUILD}。") from exc
    index = Index(
        tuple(by_id[i] for i in pointer.chunk_ids),
        tuple(tuple(t) for t in pointer.tokens),
        opened.collection,
        embedder,
        Tokenizer(terms_file(settings), settings.data_dir / dictionary_name(terms_file(settings))),
        vectors,
    )
    weakref.finalize(index, store.close, opened.client, opened.copy)
    return index
