"""Shortened names: how people cut a long name down to a few of its characters, in order.

「强省措施」 is 「知识产权强省建设的若干政策措施」, 「保护区指南」 the 保护示范区 guide,
「高校院所运营能力提升项目」 the 高校院所知识产权运营能力提升 direction of 专利转化. A short
form is read as a name only when it is unmistakable:

- it ends with a word that closes a name (指南, 措施, 方案, 项目…: the lexicon's `name_heads`),
  which the name holds too, or which is added after it (「…能力提升」 + 项目), and no
  character follows that makes it another noun (「省专利项目奖」: `name_extensions`);
- its characters are the name's, in order, in at most MAX_PIECES runs, the first of at least
  two characters (「强省」+「措施」); before an added closing word, at least MIN_CORE of them;
- it keeps the words of a name that must stay (`keep`: a place, 「通州」, since another
  place's 「强县工作方案」 is not this one);
- the names it fits all belong to one owner (a program, or a guide); 「知识产权项目」 fits
  every program and names none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MIN_CORE = 3  # characters before a closing word the name does not hold
MAX_PIECES = 3  # runs of the name's characters a short form is made of
MAX_SPAN = 16  # characters of the longest short form looked for
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class NameWords:
    """The words that bound a short form: those that close a name (指南, 项目), those a name
    must keep (a place), and those that, right after it, make it another noun (省专利项目奖)."""

    heads: tuple[str, ...]
    keep: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()


def shortened_name(text: str, names: Mapping[str, str], words: NameWords) -> tuple[int, int, str] | None:
    """The longest span of `text` that shortens the names of exactly one owner: (start, end,
    owner), or None. `names` maps each full name to its owner."""
    best: tuple[int, int, str] | None = None
    openings: set[str] = set()  # the two characters a short form starts with stand in a name
    for run in HAN_RUN.finditer(text):
        for head in words.heads:
            for at in _find_all(run.group(), head):
                end = run.start() + at + len(head)
                if text.startswith(words.extensions, end):
                    continue
                openings = openings or {name[i : i + 2] for name in names for i in range(len(name) - 1)}
                for start in range(max(run.start(), end - MAX_SPAN), end - len(head) - 1):
                    if text[start : start + 2] not in openings:
                        continue  # no name holds it: no owner
                    owners = _owners(text[start:end], head, names, words.keep)
                    if len(owners) == 1 and (best is None or end - start > best[1] - best[0]):
                        best = (start, end, owners.pop())
                    if owners:  # the longest from this end: a shorter one drops words it names
                        break  # (「知识产权项目」 fits every program; 「产权项目」 is no name)
    return best


def _owners(span: str, head: str, names: Mapping[str, str], keep: tuple[str, ...]) -> set[str]:
    """The owners of the names `span` shortens, keeping the words that must stay."""
    return {
        owner
        for name, owner in names.items()
        if span[:2] in name
        and not any(w in name and w not in span for w in keep)
        and _shortens(span, head, name)
    }


def _find_all(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _shortens(span: str, head: str, name: str) -> bool:
    """`span` is `name` cut short: its characters in order, the head word held or added."""
    core = span[: -len(head)]
    return _pieces(span, name) or (len(core) >= MIN_CORE and not name.endswith(head) and _pieces(core, name))


def _pieces(short: str, name: str) -> bool:
    """`short` is made of at most MAX_PIECES runs of `name`'s characters, in order, the first
    of two characters or more. Each run is taken where it goes on longest."""
    at, pieces, index = 0, 0, 0
    while index < len(short):
        runs = [
            (_run(short, index, name, found), -found)
            for found in _find_all(name, short[index])
            if found >= at
        ]
        if not runs:
            return False
        length, found = max(runs)
        if pieces == 0 and length < 2:
            return False
        pieces += 1
        index, at = index + length, -found + length
    return pieces <= MAX_PIECES


def _run(short: str, index: int, name: str, found: int) -> int:
    """How many characters of `short` from `index` stand in `name` from `found`."""
    length = 0
    while (
        index + length < len(short)
        and found + length < len(name)
        and short[index + length] == name[found + length]
    ):
        length += 1
    return length
