"""jieba's dictionary and word tags as one memory-mapped table.

jieba keeps its dictionary as a Python dict of half a million words and word prefixes (60 MB,
0.3 s to read back), and jieba.posseg its part-of-speech tags as another (60 MB, 0.2 s); every
process that tokenizes (the page, each answer worker, each CLI call) would hold both. A
WordTable holds the same words in a marisa trie (about 1.3 MB) and their frequencies and tags
in a numpy array, both memory-mapped from the files `index` writes: it opens in milliseconds,
and every process that reads it shares the same pages.

jieba reads it through the two things its tokenizer asks of a dictionary (see `JiebaOnWords` in
tokens.py): `get`, a word's frequency or a false value (what jieba's FREQ dict answers), and
`dag`, the words that start at each character of a sentence (what jieba's get_DAG finds by
walking its prefix entries, which the trie does not need).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

TRIE, TABLE, ABOUT = ".trie", ".npy", ".json"  # the three files of a saved table, by suffix
FREQ, TAG = 0, 1  # the table's columns; a tag is its index in `tags` + 1 (0: no tag)


class WordTable(Mapping[str, int]):
    """Words with their jieba frequency (0: known but never a word of its own) and tag."""

    def __init__(self, trie: Any, table: Any, total: int, tags: list[str], longest: int) -> None:
        self._trie, self._table = trie, table
        # The table's cells as Python ints, row by row: [freq, tag, freq, tag, …]. Read through
        # a memoryview, a cell costs a tenth of numpy's indexing (jieba reads one per word).
        self._cells = memoryview(table).cast("B").cast("q")
        self.total, self._tags, self._longest = total, tags, longest

    @classmethod
    def build(cls, freq: Mapping[str, int], total: int, tags: Mapping[str, str]) -> WordTable:
        """The table of jieba's `freq` (its FREQ dict: prefix entries, with 0 and no tag, are
        left out) and `tags` (jieba.posseg's word_tag_tab)."""
        import marisa_trie
        import numpy as np

        words = sorted({w for w, f in freq.items() if f} | set(tags))
        trie = marisa_trie.Trie(words)
        names = sorted(set(tags.values()))
        codes = {name: code for code, name in enumerate(names, start=1)}
        table = np.zeros((len(words), 2), dtype=np.int64)
        for word in words:
            table[trie.key_id(word)] = (freq.get(word) or 0, codes.get(tags.get(word, ""), 0))
        return cls(trie, table, total, names, max(map(len, words), default=1))

    @classmethod
    def open(cls, stem: Path) -> WordTable | None:
        """The table whose `files` `index` wrote at `stem`, memory-mapped; None if any part is
        missing or unreadable (the caller then builds it from jieba's own files)."""
        import marisa_trie
        import numpy as np

        try:
            about = json.loads(stem.with_suffix(ABOUT).read_text(encoding="utf-8"))
            trie = marisa_trie.Trie()
            trie.mmap(str(stem.with_suffix(TRIE)))
            table = np.load(stem.with_suffix(TABLE), mmap_mode="r", allow_pickle=False)
            if table.shape != (len(trie), 2):
                return None
            return cls(trie, table, int(about["total"]), list(about["tags"]), int(about["longest"]))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError):
            return None

    def files(self) -> dict[str, bytes]:
        """The table's three files, by suffix, for `open`; the index writes each atomically, the
        description last, so that a reader finding it finds the others complete."""
        import numpy as np

        table = io.BytesIO()
        np.save(table, self._table, allow_pickle=False)
        about = {"total": self.total, "tags": self._tags, "longest": self._longest}
        return {TRIE: self._trie.tobytes(), TABLE: table.getvalue(), ABOUT: json.dumps(about).encode("utf-8")}

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        key = self._trie.get(word)
        return default if key is None else self._cells[2 * key + FREQ]

    def tag(self, word: str) -> str | None:
        """jieba's part-of-speech tag of the word, or None for a word it does not tag."""
        key = self._trie.get(word)
        code = 0 if key is None else self._cells[2 * key + TAG]
        return self._tags[code - 1] if code else None

    def dag(self, sentence: str) -> dict[int, list[int]]:
        """jieba's word graph of a sentence: for each character, where the words that start
        there end (itself alone when no word does)."""
        graph, trie, cells = {}, self._trie, self._cells
        for start in range(len(sentence)):
            piece = sentence[start : start + self._longest]
            ends = [
                start + len(w) - 1 for w, key in trie.iter_prefixes_with_ids(piece) if cells[2 * key + FREQ]
            ]
            graph[start] = ends or [start]
        return graph

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)
