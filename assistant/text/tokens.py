"""Chinese tokens for keyword search: jieba with the guides' own terms added.

Text is normalised first (full-width → half-width, spaces between digits and characters
dropped) so that 「2022 年 2 月」 and 「2022年2月」 tokenise alike.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..errors import ManifestError
from .encoding import read_utf8

DICTIONARY_PREFIX = "dictionary-"
TAGS_PREFIX = "tags-"
_saved_tags: list[Path] = []  # where `index` saved jieba's word tags, once a dictionary was read
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "是",
        "在",
        "和",
        "与",
        "及",
        "或",
        "等",
        "对",
        "为",
        "把",
        "被",
        "有",
        "我",
        "我们",
        "你",
        "你们",
        "他们",
        "这",
        "那",
        "哪",
        "什么",
        "怎么",
        "如何",
        "请问",
        "一下",
        "能",
        "能否",
        "可以",
        "要",
        "需要",
        "应",
        "应当",
        "哪些",
        "多少",
        "几",
        "个",
        "项",
        "条",
        "还",
        "就",
        "都",
        "也",
        "并",
        "其",
        "之",
        "中",
        "上",
        "下",
        "以",
        "于",
        "由",
        "从",
        "到",
        "按",
        "将",
        "该",
        "本",
        "各",
        "其他",
        "相关",
        "进行",
        "开展",
        "一个",
    ]
)
PUNCT = re.compile(r"^[\W_]+$", re.UNICODE)
SPACE_BETWEEN = re.compile(r"(?<=[\d\u4e00-\u9fff%])\s+(?=[\d\u4e00-\u9fff%])")
_lock = threading.Lock()


def visible(text: str) -> str:
    """The text without invisible format characters (zero-width space and joiners, BOM, soft
    hyphen): 「有\u200b效专利」 reads as 「有效专利」."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def normalize(text: str) -> str:
    """NFKC (full-width digits, letters and brackets to half-width), no inner spaces, lowercase."""
    text = unicodedata.normalize("NFKC", text)
    return SPACE_BETWEEN.sub("", text).lower()


def _terms(terms_file: str | None) -> list[tuple[str, int | None]]:
    """The guides' own terms (knowledge/terms.txt): a word a line, with an optional frequency."""
    if not terms_file or not Path(terms_file).is_file():
        return []
    found = []
    for line in read_utf8(Path(terms_file), "术语表", ManifestError).splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            word, _, freq = term.partition(" ")
            found.append((normalize(word), int(freq) if freq.strip().isdigit() else None))
    return found


def dictionary_name(terms_file: Path | None) -> str:
    """The file name of the dictionary (jieba's, with the terms added) that `index` saves:
    named by jieba's version and the terms, so that a changed terms file is never read stale."""
    import jieba

    digest = hashlib.sha256(jieba.__version__.encode())
    digest.update(repr(_terms(str(terms_file) if terms_file else None)).encode())
    return f"{DICTIONARY_PREFIX}{digest.hexdigest()[:16]}.marshal"


@lru_cache(maxsize=4)
def _tokenizer(terms_file: str | None, dictionary: str | None = None):
    """jieba with the terms added. Built from jieba's own dictionary (0.7 s), or read from the
    dictionary `index` saved (`dictionary`, 0.3 s), which holds the same words and frequencies."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    terms = _terms(terms_file)
    with _lock:
        if dictionary and Path(dictionary).is_file():
            tokenizer.FREQ, tokenizer.total = marshal.loads(Path(dictionary).read_bytes())
            tokenizer.initialized = True
            for word in (word for word, freq in terms if freq == 0):  # as add_word does
                jieba.finalseg.add_force_split(word)
            return tokenizer
        tokenizer.initialize()
        for word, freq in terms:
            tokenizer.add_word(word, freq)
    return tokenizer


def tags_name() -> str:
    """The file name of jieba's part-of-speech table that `index` saves beside the dictionary."""
    import jieba

    return f"{TAGS_PREFIX}{jieba.__version__}.marshal"


def save_tags(path: Path) -> None:
    """Write jieba's word → part-of-speech table (what jieba.posseg loads in 0.9 s), atomically."""
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.posseg.dt.tokenizer.initialize()
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(marshal.dumps(jieba.posseg.dt.word_tag_tab))
    os.replace(partial, path)


def saved_tags() -> dict[str, str] | None:
    """The table `save_tags` wrote beside the dictionary last read (0.15 s), or None."""
    for path in _saved_tags:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            table = marshal.loads(path.read_bytes())
            if isinstance(table, dict):
                return table
    return None


class Tokenizer:
    """Search-mode jieba tokens (words plus their sub-words), minus stopwords and punctuation.
    `dictionary`: the file `save` wrote, read instead of building jieba's (when it exists)."""

    def __init__(self, terms_file: Path | None = None, dictionary: Path | None = None) -> None:
        self._jieba = _tokenizer(
            str(terms_file) if terms_file else None, str(dictionary) if dictionary else None
        )
        if dictionary is not None:
            _saved_tags[:] = [dictionary.with_name(tags_name())]

    def save(self, path: Path) -> None:
        """Write the dictionary for `Tokenizer(terms_file, path)`, atomically."""
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps((self._jieba.FREQ, self._jieba.total)))
        os.replace(partial, path)

    def __call__(self, text: str) -> list[str]:
        words = self._jieba.lcut_for_search(normalize(text))
        return [w for w in words if w.strip() and w not in STOPWORDS and not PUNCT.match(w)]
