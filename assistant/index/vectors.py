"""A build's unit vectors in a file of their own, so that exact search needs no Chroma.

A build of up to EXACT_SEARCH_MAX chunks is searched exactly, in memory: every chunk's
cosine with the question. The matrix that search needs is written by `index` beside the
pointer (`data/<collection>.vectors.npy`, its SHA-256 in the pointer), so that a reader loads
it in a millisecond instead of importing Chroma, copying the build's directory and reading
every embedding back (about 0.7 s of a cold `ask`). Chroma stays the store: it is opened when
something queries it (a larger build), and `index` checks and repairs it as before. A file
that is missing, or is not the one the pointer names, is ignored: the vectors are then read
from Chroma, as they were before the file existed.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .pointer import write_atomically

SUFFIX = ".vectors.npy"


def path_of(directory: Path, collection: str) -> Path:
    return directory / f"{collection}{SUFFIX}"


def unit_rows(rows: Sequence[Sequence[float]]) -> Any:
    """The vectors as a float32 matrix, each row scaled to unit length (a zero row stays zero)."""
    import numpy as np

    matrix = np.array(rows, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def save(directory: Path, collection: str, matrix: Any) -> str:
    """Write the matrix atomically; returns its digest for the pointer."""
    import numpy as np

    buffer = io.BytesIO()
    np.save(buffer, matrix, allow_pickle=False)
    data = buffer.getvalue()
    write_atomically(path_of(directory, collection), data, prefix=".vectors-")
    return hashlib.sha256(data).hexdigest()


def load(directory: Path, collection: str, digest: str | None, rows: int) -> Any | None:
    """The saved matrix when it is the one the pointer names and has a row per chunk; else None.
    The file is read once: its bytes are checked, then parsed."""
    import numpy as np

    target = path_of(directory, collection)
    if digest is None or not target.is_file():
        return None
    try:
        data = target.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        matrix = np.load(io.BytesIO(data), allow_pickle=False)
    except (OSError, ValueError):
        return None
    if matrix.ndim != 2 or matrix.shape[0] != rows or matrix.dtype != np.float32:
        return None
    matrix.flags.writeable = False
    return matrix


def remove_others(directory: Path, keep: set[str]) -> None:
    """Delete the vector files of builds other than `keep` (collection names)."""
    for path in directory.glob(f"*{SUFFIX}"):
        if path.name[: -len(SUFFIX)] not in keep:
            path.unlink(missing_ok=True)
