"""Chinese tokens for keyword search: jieba with the guides' own terms added.

Text is normalised first (full-width → half-width, spaces between digits and characters
dropped) so that 「2022 年 2 月」 and 「2022年2月」 tokenise alike; a count in Chinese numerals is
read in digits (「近三年」 as 「近 3 年」), see `counts_in_digits`.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ManifestError
from .encoding import read_utf8
from .numerals import chinese_to_int
from .words import WordTable

DICTIONARY_PREFIX = "dictionary-"
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


# A count in Chinese numerals before its measure word (「近三年」「五人」), as the guides also write
# it in digits (「近 3 年内」「5 人」): searched alike, in digits (jieba keeps a digit apart from the
# measure word, so 「人」 and 「件」 still match). Not 一 (一站式, 统一), not 两 or 二 (「两个都立吗」
# would meet every item marked 「2.」, whose digits search keeps: staff look items up by them), not a
# run that is no one number (十四五), nor an article or item (「十九条」 is headed 「（十九）」).
_COUNT = re.compile(
    r"(?<![〇零一二两三四五六七八九十百千万\d])[三四五六七八九十][二三四五六七八九十]{0,2}(?=[年个件人家次名份月天])"
)


def counts_in_digits(text: str) -> str:
    """「近三年内」 → 「近3年内」: counts in digits, for keyword search (see _COUNT)."""

    def digits(found: re.Match[str]) -> str:
        value = chinese_to_int(found.group())
        return found.group() if value is None else str(value)

    return _COUNT.sub(digits, text)


def normalize_lines(text: str) -> str:
    """`normalize` line by line: a line break between two words stays (it ends a sentence of a
    message typed as a list: 「…材料预计2月10日报\n请判断能否申报…」)."""
    return "\n".join(normalize(line) for line in text.split("\n"))


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
    """The name (a stem: the saved word table's files add their suffixes) of the dictionary,
    jieba's with the terms added, that `index` saves: named by jieba's version and the terms,
    so that a changed terms file is never read stale."""
    import jieba

    digest = hashlib.sha256(jieba.__version__.encode())
    digest.update(repr(_terms(str(terms_file) if terms_file else None)).encode())
    return f"{DICTIONARY_PREFIX}{digest.hexdigest()[:16]}"


@lru_cache(maxsize=4)
def _word_table(terms_file: str | None, dictionary: str | None = None) -> WordTable:
    """jieba's words with the terms added, and their tags: the table `index` saved at
    `dictionary` (memory-mapped, milliseconds), else built from jieba's own files (2 s)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    terms = _terms(terms_file)
    with _lock:
        for word in (word for word, freq in terms if freq == 0):  # as jieba's add_word does
            jieba.finalseg.add_force_split(word)
        saved = WordTable.open(Path(dictionary)) if dictionary else None
        if saved is not None:
            return saved
        import jieba.posseg

        built = jieba.Tokenizer()
        built.initialize()
        for word, freq in terms:
            built.add_word(word, freq)
        tags = jieba.posseg.POSTokenizer(built).word_tag_tab  # read from jieba's dictionary file
        return WordTable.build(built.FREQ, built.total, tags)


def _jieba(words: WordTable) -> Any:
    """jieba's tokenizer with `words` for its dictionary (see words.py)."""
    import jieba

    class JiebaOnWords(jieba.Tokenizer):
        def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # jieba's name for it
            return words.dag(sentence)

    tokenizer = JiebaOnWords()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = words, words.total, True
    return tokenizer


class Tokenizer:
    """Search-mode jieba tokens (words plus their sub-words), minus stopwords and punctuation.
    `dictionary`: where `index` wrote the word table (`WordTable.files`), read instead of building jieba's."""

    def __init__(self, terms_file: Path | None = None, dictionary: Path | None = None) -> None:
        self.words = _word_table(
            str(terms_file) if terms_file else None, str(dictionary) if dictionary else None
        )
        self._jieba = _jieba(self.words)

    def tag(self, word: str) -> str | None:
        """jieba's part-of-speech tag of a word it knows (None for one it does not)."""
        return self.words.tag(word)

    def __call__(self, text: str) -> list[str]:
        words = self._jieba.lcut_for_search(counts_in_digits(normalize(text)))
        return [w for w in words if w.strip() and w not in STOPWORDS and not PUNCT.match(w)]
