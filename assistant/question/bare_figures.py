"""A clause of figures only (「有独立的知识产权部，专职4个人」「近3年利税：2600万、2900万、3500万」
「…，但19年只有一千五百万」): the figures of the one number fact whose words a clause before it
holds."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..eligibility.rules import YES_NO, FactSpec, FactValue, Interval
from .fact_phrases import cues, without, years_in
from .fact_sheet import Sheet
from .figure_reading import part_of_the_people, several_figures
from .lexicon import LEXICON, either
from .numbers import Spoken, find_numbers, normalize_numbers, to_fact_unit
from .reading import Reading

_NUMBER_CHARACTER = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")  # one of which every figure holds
_A_YEAR = re.compile(r"(?:20)?\d{2}\s*年度?|去年|前年")


@dataclass(frozen=True)
class _Figures:
    """The figures of a clause of figures only, as read."""

    text: str  # the clause, its numbers normalized and its periods' words dropped
    figures: list[Spoken]
    years: set[int]  # the years it names (「19年」: 2019, no figure)
    dated: bool  # it names a year besides its figures (「但19年只有一千五百万」)
    total: bool  # it opens with a total (「一共两个人」)


def bare_figure(segment: str, befores: list[str], specs: Sequence[FactSpec], sheet: Sheet) -> bool:
    """「有独立的知识产权部，专职4个人」「近3年利税：2600万、2900万、3500万」: a clause of figures
    only (and words of whom they count) gives the figures of the one number fact not read yet
    whose words the clause before holds, or else an earlier clause of the sentence that named a
    fact (「独立知识产权部，制度健全，6个人」). Read when exactly one fact fits, else nothing is read."""
    # 「…制度健全，专职2人兼职3人」: both parts of the staff name the count of all of it
    names_staff = all(part in segment for part in LEXICON.fact_cues.count_parts)
    befores = befores if any(befores) else ([segment] if names_staff else [])
    said = _figures_only(segment) if befores else None
    if said is None:
        return False
    for before in filter(None, befores):
        fitting = [f for spec in specs if (f := _fits(spec, before, befores[0], said, sheet, names_staff))]
        fitting = _of_the_period(fitting, segment)  # 「利税…，近三年每年都三千多万」: the three years'
        if len(fitting) == 1:
            if fitting[0][0].key in sheet.doubts:
                sheet.doubts.pop(fitting[0][0].key)  # the doubt before, settled by the figure said now
            sheet.add(fitting[0][0].key, fitting[0][1], f"{before}，{segment}")
            return True
        if fitting:
            return False  # several facts fit: none is read
    return False


def _figures_only(segment: str) -> _Figures | None:
    """The clause's figures, when it says nothing else but words of whom they count, its
    fillers and the year they are of."""
    if not _NUMBER_CHARACTER.search(segment):
        return None  # every figure holds a digit or a numeral: no need to look for one
    text = normalize_numbers(without("figure_periods", segment))
    years = years_in(segment)  # (「但19年只有…」: the year 2019 is no figure of nineteen years)
    undated = _A_YEAR.sub(lambda m: " " * len(m.group()) if _year_of(m.group()) in years else m.group(), text)
    figures = find_numbers(undated) or find_numbers(undated, default_unit="个")  # 「有一百出头」: a count
    rest = list(text)
    for figure in figures:
        rest[figure.start : figure.end] = " " * (figure.end - figure.start)
    leftover = without("figure_fillers", "".join(rest)).strip(" 、")
    # 「…，但19年只有一千五百万」: a year's figure, only for the lowest of several years (one_year)
    # or for a fact of that year (「销售额：21年大概八千万」)
    dated = bool(leftover) and not _A_YEAR.sub("", leftover).strip(" 、")
    if not figures or (leftover and not dated):
        return None
    total = _TOTAL_OPENING().match(segment) is not None
    return _Figures(text, figures, years, dated, total)


def _fits(
    spec: FactSpec, before: str, last: str, said: _Figures, sheet: Sheet, names_staff: bool
) -> tuple[FactSpec, Reading] | None:
    """The fact's reading from the figures, if they may be its: a number fact not read yet
    (`last`: the clause right before) whose words `before` holds."""
    # 「专职转化2人+其他管理3人，共5人」: a total settles a count its parts left in doubt, and a
    # figure said plainly one the clause right before left in doubt (「不是没有50家，有一百出头」)
    restated = said.total or sheet.doubts.get(spec.key) == last
    # (a total said after a lower bound settles it: 「专职1个，兼职1个，一共两个人」; so does a
    # figure after the bound of the clause right before: 「不是没有50家，有一百出头」)
    narrowed = said.total or sheet.evidence.get(spec.key) == last
    bounded = narrowed and _open_ended(sheet.values.get(spec.key))
    # (one year's figure bounds the lowest of several years from above, whatever was read of
    # the others: 「利税21年、20年都过了两千万，但19年只有一千五百万」)
    one_year = spec.of_several == "min" and len(said.years) == 1 and len(said.figures) == 1
    read = (spec.key in sheet.values and not bounded and not one_year) or (
        spec.key in sheet.doubts and not restated
    )
    holds = _holds_words(before, spec) or (names_staff and bool(cues("figure_counts_all", spec.label)))
    of_its_year = one_year or not said.dated or spec.year in said.years
    if spec.key not in sheet.keys or spec.type == YES_NO or read or not holds or not of_its_year:
        return None
    values = [to_fact_unit(figure, spec.unit) for figure in said.figures]
    if None in values:
        return None
    if one_year:
        return spec, Reading(Interval(0.0, _top(values[0])))
    return _figures_read(spec, values, said.text)  # type: ignore[arg-type]


def _year_of(said: str) -> int | None:
    """The calendar year a year's words name (「19年」 2019), if they are digits."""
    digits = re.match(r"\d+", said)
    return None if digits is None else int(digits.group()) + (2000 if len(digits.group()) == 2 else 0)


def _of_the_period(fitting: list, segment: str) -> list:
    """Of several facts a figure fits, those whose label names the period the clause names
    (「近三年」 of 近三年利税总额, not of 上一年度利税总额); all of them when it names none or
    when none or all have it."""
    said = [p for p in LEXICON.fact_cues.figure_periods if p in segment and p.startswith("近")]
    if not said:
        return fitting
    own = [f for f in fitting if any(p in f[0].label for p in said)]
    return own if 0 < len(own) < len(fitting) else fitting


@cache
def _TOTAL_OPENING() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{either(LEXICON.fact_cues.totals)}|共)")


def _open_ended(value: FactValue | None) -> bool:
    """A figure read only as at least some number (「专职3人」)."""
    return isinstance(value, Interval) and math.isinf(value.hi)


def _holds_words(text: str, spec: FactSpec) -> bool:
    """Whether the text holds one of the fact's phrases (「研发…占…收入」: its parts in order)."""
    for synonym in spec.synonyms:
        at = 0
        for part in synonym.split("…"):
            at = text.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return True
    return False


def _top(value: FactValue | None) -> float:
    """The highest a figure may be."""
    return value.hi if isinstance(value, Interval) else float(value)  # type: ignore[arg-type]


def _figures_read(spec: FactSpec, values: list[FactValue], text: str) -> tuple[FactSpec, Reading]:
    """Several figures (「2600万、2900万、3500万」) as the registry says; one figure of some of the
    people only (「专职4个」: part-time staff may come on top) is a lower bound."""
    if len(values) > 1:
        return spec, several_figures(spec, values, text)
    value = values[0]
    if isinstance(value, float) and part_of_the_people(spec, without("figure_counts_all", text)):
        value = Interval(value)
    return spec, Reading(value)
