"""Applicants' words and the guides' words.

Applicants say 「钱」「经开区」「批下来」 where the guides say 资金, 经济技术开发区, 立项. The
thesaurus (knowledge/synonyms.yaml, data that bureau staff can extend) maps the first to the
second, so that keyword search finds the clause and the answer composer sees that the clause
covers the question. `Weights` decides how much a question word counts when the guides never
use it: a noun names the subject (「官费」「医保」) and counts fully, a verb or adverb of
everyday speech (「到位」「拿到」「以后」) hardly at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import ManifestError
from ..thresholds import PLAIN_WORD_WEIGHT
from .encoding import read_yaml
from .tokens import normalize

SYNONYMS_FILE = "synonyms.yaml"
# jieba part-of-speech tags of words that name things: nouns, names, abbreviations, letters.
NOUN_TAGS = re.compile(r"^(n|j|eng|vn)")
# Words that ask rather than name: they weigh nothing (「什么时候」 leaves 「时候」 behind).
ASKING_WORDS = frozenset(
    [
        "时候",
        "多久",
        "多长",
        "哪里",
        "哪儿",
        "怎样",
        "怎么样",
        "啥",
        "咋",
        "是否",
        "有没有",
        "能不能",
        "具体",
        "原文",
        "原话",
        # 「一共几条，…」: how many, asked of a list
        "一共",
        "总共",
    ]
)
# Words that ask with every word inside them: 「建在哪些地方」 asks where, and its 地方 is no
# 地方 of the guides (「地方分中心」).
WHERE_WORDS = frozenset(["哪些地方", "什么地方", "哪个地方", "啥地方"])
ASKING_WORDS = ASKING_WORDS | WHERE_WORDS
SPEECH_TAGS = (
    "m",
    "r",
    "d",
    "u",
)  # numerals, pronouns, adverbs, particles  # an everyday word the guides never use (「到位」「以后」)


@dataclass(frozen=True)
class Concept:
    """A word of the question (`said`) and the guide words that say the same (`means`)."""

    said: str
    means: tuple[str, ...]


@dataclass(frozen=True)
class Thesaurus:
    pairs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, knowledge_dir: Path) -> Thesaurus:
        path = knowledge_dir / SYNONYMS_FILE
        if not path.is_file():
            return cls()
        try:
            raw = read_yaml(path, "同义词表", ManifestError) or {}
        except (OSError, yaml.YAMLError) as exc:  # another encoding is named by read_utf8
            raise ManifestError(f"同义词表 {path} 无法读取：{exc}".splitlines()[0]) from exc
        if not isinstance(raw, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and v and all(isinstance(x, str) for x in v)
            for k, v in raw.items()
        ):
            raise ManifestError(f"同义词表 {path} 格式不对：每行应为「用语: [指南用语, …]」")
        return cls({normalize(k): tuple(normalize(x) for x in v) for k, v in raw.items()})

    def with_pairs(self, pairs: dict[str, tuple[str, ...]]) -> Thesaurus:
        """This thesaurus and more pairs (its own win where both name a word)."""
        extra = {normalize(k): tuple(normalize(x) for x in v) for k, v in pairs.items()}
        return Thesaurus({**extra, **self.pairs})

    def concepts(self, question: str) -> tuple[Concept, ...]:
        """The thesaurus words in a question, longest first, none inside another."""
        text = normalize(question)
        found: list[Concept] = []
        for said in sorted(self.pairs, key=len, reverse=True):
            if said in text and not any(said in c.said for c in found):
                found.append(Concept(said, self.pairs[said]))
        return tuple(found)

    def expand(self, question: str) -> str:
        """The question with the guides' words added (for keyword search)."""
        extra = [word for concept in self.concepts(question) for word in concept.means]
        return f"{question} {' '.join(extra)}" if extra else question


class Weights:
    """How much each question word counts when measuring how much of a question a text covers."""

    def __init__(self, idf: dict[str, float], tag: Callable[[str], str | None]) -> None:
        self._idf, self._tag = idf, tag
        self._unknown = max(idf.values(), default=1.0)

    def __call__(self, token: str) -> float:
        if token in ASKING_WORDS:
            return 0.0
        if token in self._idf:
            return max(self._idf[token], 0.0)
        return self._unknown if is_noun(token, self._tag) else PLAIN_WORD_WEIGHT

    def strongest(self, tokens: frozenset[str]) -> float:
        return max((self(t) for t in sorted(tokens)), default=self._unknown)


@lru_cache(maxsize=4096)
def is_noun(word: str, tag: Callable[[str], str | None]) -> bool:
    """A word jieba's dictionary tags as a noun (`tag`: the tokenizer's); for a word it does
    not know, one whose last part is a noun (「江苏专利奖」「经开区」), unless a part shows it
    is a cut of everyday speech: a numeral, pronoun or adverb (「年县」「就行」) or a
    one-character verb (「县想报」)."""
    if not re.search(r"[\u4e00-\u9fff]", word):
        return True
    known = tag(word)
    if known is not None:
        return bool(NOUN_TAGS.match(known))
    pieces = _tagged_pieces(word, tag)
    if any(f[:1] in SPEECH_TAGS or (f.startswith("v") and len(w) == 1) for w, f in pieces):
        return False
    return bool(NOUN_TAGS.match(pieces[-1][1]))


def _tagged_pieces(word: str, tag: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """A word jieba does not know, cut into the longest words it does know, left to right, each
    with its tag (a character it does not know: "x"). jieba.posseg would cut it with its own
    dictionary and tagger, which a process loads in about 1.5 s and 190 MB for this alone."""
    pieces, start = [], 0
    while start < len(word):
        end = next(
            (
                e
                for e in range(min(len(word), start + LONGEST_PIECE), start, -1)
                if tag(word[start:e]) is not None
            ),
            start + 1,
        )
        pieces.append((word[start:end], tag(word[start:end]) or "x"))
        start = end
    return pieces


LONGEST_PIECE = 6  # characters of the longest known word looked for in an unknown one
