"""A correction of a year (「说错了，是2022年度被评上的，不是2021年度」): the one clause told
before with the old year is read again with the new one, and the correction itself is no new
statement. When the old year is in no clause told before, or in several, nothing is rewritten:
the correction then puts in doubt what it may correct (fact_turns), and that is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .fact_phrases import cue_spans, cues, years_in
from .form_text import CLAUSE, normalize

_YEAR = r"(?:20)?\d{2}\s*年度?"
_ENDS = "。；;！!？?"
# 「是2022年度…，不是2021年度」 and 「不是2021年度，是2022年度」
_SWAPS = (
    re.compile(rf"是\s*(?P<new>{_YEAR})[^{_ENDS}]*?[，,]\s*(?:而)?不是\s*(?P<old>{_YEAR})"),
    re.compile(rf"不是\s*(?P<old>{_YEAR})[^{_ENDS}]*?[，,]\s*(?:而)?是\s*(?P<new>{_YEAR})[^，,{_ENDS}]*"),
)
_YEAR_TOKEN = re.compile(r"(?<!\d)(?:20)?(\d{2})\s*年(度?)")


def with_years_corrected(turns: Sequence[str]) -> list[str]:
    """The turns with each year correction applied to the clause it corrects."""
    turns = list(turns)
    for at, turn in enumerate(turns):
        text = normalize(turn)
        swap = next((m for p in _SWAPS if (m := p.search(text))), None)
        if swap is None or not cues("corrections", text):
            continue
        old, new = _calendar(swap["old"]), _calendar(swap["new"])
        told = [(i, c) for i, t in enumerate(turns[:at]) for c in CLAUSE.findall(t) if old in years_in(c)]
        if len(told) != 1 or old == new:
            continue  # which clause it corrects is not certain
        i, clause = told[0]
        turns[i] = turns[i].replace(clause, _with_year(clause, old, new), 1)
        spans = [m.span() for m in cue_spans("corrections", text)] + [swap.span()]
        turns[at] = _without(text, spans)
    return turns


def _with_year(clause: str, old: int, new: int) -> str:
    return _YEAR_TOKEN.sub(lambda m: f"{new}年{m[2]}" if _calendar(m[0]) == old else m[0], clause)


def _calendar(year: str) -> int:
    digits = re.match(r"\d+", year.strip())
    value = int(digits.group()) if digits else 0
    return value if value >= 100 else 2000 + value


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text
