"""The build pointer (`data/index*.json`): which build is live, and what it was built from.

It is the index's JSON contract, so it is checked with Pydantic when read: a pointer that is
missing fields, of the wrong shape, or whose lists disagree in length is reported as damaged
(and `index` rebuilds), never met later as a KeyError. The pointer is replaced with an atomic
rename, so a reader sees the old build or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..config import Settings
from ..errors import IndexMissingError

REBUILD = "请运行 `python -m assistant index` 重建索引"


class Pointer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[2]
    collection: str
    store: str | None  # the build's own Chroma directory under the data dir; None on a server
    embedding_model: str
    chroma_url: str | None
    knowledge_fingerprint: str
    built_at: str
    chunk_ids: list[str]
    hashes: list[str]
    tokens: list[list[str]]
    vectors: str | None = None  # SHA-256 of the build's vectors file (vectors.py); None: read Chroma

    @model_validator(mode="after")
    def _lists_agree(self) -> Pointer:
        if not len(self.chunk_ids) == len(self.hashes) == len(self.tokens):
            raise ValueError("chunk_ids, hashes and tokens differ in length")
        if self.store is not None and not re.fullmatch(r"chroma/[A-Za-z0-9_-]+", self.store):
            raise ValueError("store is not a build directory")
        return self


def pointer_path(settings: Settings) -> Path:
    if not settings.chroma_url:
        return settings.data_dir / "index.json"
    safe = re.sub(r"[^A-Za-z0-9]+", "-", settings.chroma_url.split("://", 1)[-1]).strip("-")
    return settings.data_dir / f"index-server-{safe}.json"


def stamp(settings: Settings) -> tuple[int, int, int] | None:
    """What changes when the pointer is replaced (inode, size, mtime): a cheap test for a new build."""
    try:
        info = pointer_path(settings).stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def read_pointer(settings: Settings) -> Pointer | None:
    """The live build's pointer; None when no index was built. A damaged pointer raises."""
    path = pointer_path(settings)
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexMissingError(f"索引文件 {path} 无法读取（{type(exc).__name__}）：{REBUILD}。") from None
    if isinstance(raw, dict) and raw.get("version") == 1:
        raise IndexMissingError(f"索引文件 {path} 是旧版格式：{REBUILD}。")
    try:
        return Pointer.model_validate(raw)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"]) or "整体"
        raise IndexMissingError(f"索引文件 {path} 已损坏（{where} 不符合格式）：{REBUILD}。") from None


def write_pointer(settings: Settings, pointer: Pointer) -> None:
    """Replace the pointer atomically (write_atomically)."""
    path = pointer_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, pointer.model_dump_json().encode("utf-8"), prefix=".index-")


def write_atomically(path: Path, data: bytes, prefix: str) -> None:
    """Replace a file of the index (the pointer, the files it names) atomically: written beside
    it under a temporary name starting with `prefix`, flushed to disk, then renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
