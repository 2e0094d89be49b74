"""A correction of a year (「说错了，是2022年度被评上的，不是2021年度」) or of a figure (「说错了，
2019年利税是2800万，不是1800万」): the one clause told before with the old year or figure is read
again with the new one, and the correction itself is no new statement. When the old one is in
no clause told before, or in several, nothing is rewritten: the correction then puts in doubt
what it may correct (fact_turns), and that is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..eligibility.rules import YES_NO, FactSpec
from .fact_phrases import cue_spans, cues, find_matches, years_in
from .form_text import CLAUSE, normalize
from .lexicon import LEXICON

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


def with_dated_predicates(turns: Sequence[str], specs: Sequence[FactSpec]) -> list[str]:
    """A correction's clause that gives a year and what holds of it but names no fact (「说错了，
    …，22年度我们是评上了的」) is about the fact of the one clause told before with that year
    (「22年真抓实干没评上」): it is read with that fact's phrase as its topic. Where no clause, or
    several, or one naming several facts, has that year, nothing is added and the fact is asked."""
    turns = list(turns)
    for at, turn in enumerate(turns):
        text = normalize(turn)
        if not cues("corrections", text):
            continue
        for clause in CLAUSE.findall(text):
            topic = _topic_of_its_year(clause, turns[:at], specs)
            if topic:
                text = text.replace(clause, f"{topic}的话，{clause}", 1)
        turns[at] = text if text != normalize(turn) else turn
    return turns


def _topic_of_its_year(clause: str, told: Sequence[str], specs: Sequence[FactSpec]) -> str:
    """The phrase of the one fact told before in a clause of the clause's one year, or ""."""
    years = years_in(clause)
    if len(years) != 1 or find_matches(clause, specs) or cues("corrections", clause):
        return ""
    if cues("other_bodies", clause) or any(w in clause for w in _OTHER_LEVELS):
        return ""  # 「22年度评上的是市里」: whose the title is, not whether the applicant holds it
    if len(_BARE.sub("", clause)) > _BARE_PREDICATE:
        return ""  # 「2020年升为示范园区」: a thing of its own, not a yes or no of the one told
    said = [c for turn in told for c in CLAUSE.findall(normalize(turn)) if years_in(c) == years]
    found = find_matches(said[0], specs) if len(said) == 1 else []
    found = [m for m in found if m.spec.year in (None, *years)]  # 真抓实干 names the 2020 and 2022 titles
    if len({m.spec.key for m in found}) != 1 or not found[0].contiguous or found[0].spec.type != YES_NO:
        return ""
    return said[0][found[0].start : found[0].end]


def settled_wording(turn: str) -> str:
    """In a correction, 「应该是」 after the correction word says what is right (「不对，我写错了，
    应该是国际领先」), not a guess: it is read as 「是」."""
    text = normalize(turn)
    spans = cue_spans("corrections", text)
    if not spans:
        return turn
    at = spans[0].end()
    return text[:at] + _SHOULD_BE.sub("是", text[at:])


# what a clause of a bare yes or no holds besides its predicate (「22年度我们是评上了的」: 评上)
_BARE = re.compile(r"(?:20)?\d{2}\s*年度?|我们|我市|我县|我区|本单位|是|的|了|也|都|就|确实|其实|倒是|那次")
_BARE_PREDICATE = 4  # characters
_OTHER_LEVELS = tuple(w for words in LEXICON.fact_cues.other_levels.values() for w in words)
_SHOULD_BE = re.compile(r"应该是|应当是|应是")


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
