"""A correction of a year (「说错了，是2022年度被评上的，不是2021年度」) or of a figure (「说错了，
2019年利税是2800万，不是1800万」): the one clause told before with the old year or figure is read
again with the new one, and the correction itself is no new statement. When the old one is in
no clause told before, or in several, nothing is rewritten: the correction then puts in doubt
what it may correct (fact_turns), and that is asked."""

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
        turns[at] = _said_without(text, swap)
    return turns


# a figure with its magnitude and unit (「2800万」「4.5%」「120件」)
_FIGURE = r"\d+(?:\.\d+)?\s*[万亿千]?\s*(?:元|件|人|家|个|%|％|名)?"
_FIGURE_SWAPS = (
    re.compile(rf"是\s*(?P<new>{_FIGURE})\s*[，,]?\s*(?:而)?不是\s*(?P<old>{_FIGURE})"),
    re.compile(rf"不是\s*(?P<old>{_FIGURE})\s*[，,]\s*(?:而)?是\s*(?P<new>{_FIGURE})"),
)


def with_figures_corrected(turns: Sequence[str]) -> list[str]:
    """The turns with each figure correction applied to the one clause told before that holds
    the old figure (with its unit), as it was typed."""
    turns = list(turns)
    for at, turn in enumerate(turns):
        text = normalize(turn)
        swap = next((m for p in _FIGURE_SWAPS if (m := p.search(text))), None)
        if swap is None or not cues("corrections", text):
            continue
        old, new = swap["old"].strip(), swap["new"].strip()
        if old == new or _unit(old) != _unit(new) or not _unit(old):
            continue  # (a bare number may be anything: 「是3，不是5」)
        token = re.compile(rf"(?<![\d.]){re.escape(old)}(?![\d.])")
        told = [
            (i, c) for i, t in enumerate(turns[:at]) for c in CLAUSE.findall(normalize(t)) if token.search(c)
        ]
        if len(told) != 1:
            continue  # which clause it corrects is not certain
        i, clause = told[0]
        turns[i] = normalize(turns[i]).replace(clause, token.sub(new, clause, count=1), 1)
        turns[at] = _said_without(text, swap)
    return turns


def _unit(figure: str) -> str:
    return re.sub(r"[\d.\s]", "", figure)


def _with_year(clause: str, old: int, new: int) -> str:
    return _YEAR_TOKEN.sub(lambda m: f"{new}年{m[2]}" if _calendar(m[0]) == old else m[0], clause)


def _calendar(year: str) -> int:
    digits = re.match(r"\d+", year.strip())
    value = int(digits.group()) if digits else 0
    return value if value >= 100 else 2000 + value


def _said_without(text: str, swap: re.Match[str]) -> str:
    """The correcting message without its correction words and the swap it made: no new statement."""
    return _without(text, [m.span() for m in cue_spans("corrections", text)] + [swap.span()])


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text
