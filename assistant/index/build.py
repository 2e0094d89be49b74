"""Building the index: chunks embedded into Chroma, tokens for BM25, vectors for exact search.

A build takes the data directory's lock (a second build waits, and says so), writes a new
collection (embedded: in a new directory of its own), then switches the pointer file
(`data/index*.json`) with an atomic rename; only then are older builds removed. A failed or
interrupted build leaves the previous index as it was. Unchanged chunks reuse their stored
embeddings. A build checks the live one against the guides and the store (reader.py opens
it), so that whatever `ask` would fail on, `index` sees and repairs.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..domain import Chunk
from ..errors import AssistantError, IndexBuildError, IndexMissingError, VectorStoreError
from ..ingest.knowledge_base import KnowledgeBase
from ..text.tokens import DICTIONARY_PREFIX, Tokenizer, dictionary_name
from ..text.words import ABOUT, TABLE, TRIE, WordTable
from ..thresholds import EXACT_SEARCH_MAX
from . import store
from . import vectors as vector_file
from .chunks import build_chunks
from .embedders import Embedder, get_embedder
from .pointer import Pointer, read_pointer, write_atomically, write_pointer
from .reader import Opened, count, open_build, terms_file

EMBED_BATCH = 32


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
    tokenizer = _tokenizer(settings)
    tokens = [tokenizer(c.embed_text) for c in chunks]
    embedder = get_embedder(settings.embedding_model, settings.embed_threads)
    old = _previous(settings)
    opened = _open_quietly(settings, old, embedder) if old else None
    try:
        if old and opened and not rebuild and _same_build(old, settings, kb, chunks, tokens, opened):
            _tidy(settings, embedder, live=_with_vectors(settings, old, opened))
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


def _with_vectors(settings: Settings, pointer: Pointer, opened: Opened) -> Pointer:
    """The live build with its vectors file: written from Chroma when it is missing or not the
    one the pointer names (a build made before the file existed, or a deleted file)."""
    rows = len(pointer.chunk_ids)
    if (
        rows > EXACT_SEARCH_MAX
        or vector_file.load(settings.data_dir, pointer.collection, pointer.vectors, rows) is not None
    ):
        return pointer
    matrix = store.unit_vectors(opened.collection, tuple(pointer.chunk_ids))
    pointer = pointer.model_copy(
        update={"vectors": vector_file.save(settings.data_dir, pointer.collection, matrix)}
    )
    write_pointer(settings, pointer)
    return pointer


def _open_quietly(settings: Settings, pointer: Pointer, embedder: Embedder) -> Opened | None:
    try:
        return open_build(settings, pointer, embedder)
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
        digest = None
        if len(chunks) <= EXACT_SEARCH_MAX:  # the floats Chroma stored, as a reader would read them
            matrix = store.unit_vectors(collection, tuple(c.id for c in chunks))
            digest = vector_file.save(settings.data_dir, name, matrix)
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
            vectors=digest,
        )
        write_pointer(settings, pointer)
        return pointer
    except (AssistantError, Exception) as exc:
        _discard(embedder, name, embedded_dir, client)
        vector_file.path_of(settings.data_dir, name).unlink(missing_ok=True)
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
    the one it replaced (a running page switches at its next turn). Killed builds' leftovers go too,
    and the vectors files of builds no pointer names (a reader loads its file whole when it opens)."""
    vector_file.remove_others(settings.data_dir, keep=_live_collections(settings) | {live.collection})
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


def _live_collections(settings: Settings) -> set[str]:
    """The builds the data dir's pointers name (embedded and server indexes may share it)."""
    names = set()
    for path in settings.data_dir.glob("index*.json"):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            names.add(json.loads(path.read_text(encoding="utf-8")).get("collection"))
    return {n for n in names if isinstance(n, str)}


def _same_build(old: Pointer, settings: Settings, kb: KnowledgeBase, chunks, tokens, opened: Opened) -> bool:
    return (
        old.embedding_model == settings.embedding_model
        and old.chroma_url == settings.chroma_url
        and old.knowledge_fingerprint == kb.fingerprint
        and old.chunk_ids == [c.id for c in chunks]
        and old.hashes == [c.metadata["hash"] for c in chunks]
        and old.tokens == tokens
        and count(opened.collection) == len(chunks)
    )


def _tokenizer(settings: Settings) -> Tokenizer:
    """The tokenizer on the word table saved for this terms file (jieba's words, the terms and
    the words' tags), written first when it is missing or damaged, for readers to open quickly;
    the tables of other terms files, and older formats, are removed. Written under the build
    lock, never by a reader."""
    directory, stem = settings.data_dir, dictionary_name(terms_file(settings))
    directory.mkdir(parents=True, exist_ok=True)
    current = {f"{stem}{suffix}" for suffix in (TRIE, TABLE, ABOUT)}
    for old in [*directory.glob(f"{DICTIONARY_PREFIX}*"), *directory.glob("tags-*.marshal")]:
        if old.name not in current:
            old.unlink(missing_ok=True)
    if WordTable.open(directory / stem) is None:
        for suffix, data in Tokenizer(terms_file(settings)).words.files().items():
            write_atomically((directory / stem).with_suffix(suffix), data, prefix=f".{stem}")
    return Tokenizer(terms_file(settings), directory / stem)


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
