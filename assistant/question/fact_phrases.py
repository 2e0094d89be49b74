"""Finding the phrases of facts in one clause of text, and reading what is said around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..eligibility.rules import FactSpec, FactValue
from .numbers import find_numbers, to_fact_unit

GAP = "…"  # in a synonym: up to six characters of anything but punctuation
_GAP_PATTERN = r"[^，。；！？,;!?]{0,6}?"

# Words that contain a negation character but do not negate (masked before looking for cues).
_BENIGN = re.compile(
    r"无锡|不错|不断|不仅|不光|不少|不久|无论|非常|毫无疑问|差不多|不但|不过|不管|并且|非正常"
)
_BEFORE_NEGATION = re.compile(r"没有|没|未|尚未|不是|不属于|并非|无|不|从未|暂无|尚无|还没|还未|不曾|否")
_AFTER_NEGATION = re.compile(
    r"没有|没|未|不是|不够|不到|不足|低于|达不到|不高|不满足|尚未|不符合|不具备|不属于|偏低|一般|较低|很低|无|不"
)
_UNCERTAIN = re.compile(
    r"不知道|不清楚|不确定|不了解|不太清楚|是否|能不能|可不可以|有没有|要不要|需不需要|是不是|算不算"
    r"|需要|要求|必须|吗|么|\?|？"
)
_CUT = re.compile(r"但是|但|不过|而且|并且|同时|另外|此外|还有")
_ZERO = re.compile(r"(没有|无|尚无|暂无|零)[^，。]{0,2}$")
_COUNT_LEAD = re.compile(r"^(?:有|共|约|是|为|:|达|总共|一共)?\s*$")
_AND = re.compile(r"^\s*(和|与|及|以及|、|或|或者|也|跟)\s*$")
_NEXT_NEGATION = re.compile(r"(也|还|都|并|且|而)?(不是|不属于|并非|没有|没|未|无|不)$")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
BEFORE_SPAN = 8
AFTER_SPAN = 8


@dataclass(frozen=True)
class Match:
    spec: FactSpec
    start: int
    end: int
    synonym: str
    negative: bool = False  # matched a negative synonym: the fact is false / the option is not chosen
    option: str | None = None

    @property
    def contiguous(self) -> bool:
        return GAP not in self.synonym


@lru_cache(maxsize=4096)
def _compile(synonym: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in synonym.split(GAP)]
    return re.compile(_GAP_PATTERN.join(parts), re.IGNORECASE)


def _phrases(spec: FactSpec) -> list[tuple[str, bool, str | None]]:
    phrases = [(s, False, None) for s in spec.synonyms]
    phrases += [(s, True, None) for s in spec.negative_synonyms]
    phrases += [(s, False, o.value) for o in spec.options for s in o.synonyms]
    return phrases


def find_matches(segment: str, specs: list[FactSpec]) -> list[Match]:
    """Phrase matches in a clause, left to right; a match inside a longer unbroken phrase is dropped."""
    found: list[Match] = []
    for spec in specs:
        for synonym, negative, option in _phrases(spec):
            for m in _compile(synonym).finditer(segment):
                found.append(Match(spec, m.start(), m.end(), synonym, negative, option))
    kept = [m for m in found if not any(_covers(other, m) for other in found)]
    kept.sort(key=lambda m: (m.start, -(m.end - m.start)))
    unique: dict[tuple[str, int], Match] = {}
    for m in kept:
        unique.setdefault((m.spec.key, m.start), m)
    return list(unique.values())


def _covers(big: Match, small: Match) -> bool:
    longer = (big.end - big.start) > (small.end - small.start)
    return big.contiguous and longer and big.start <= small.start and small.end <= big.end


def _window_before(segment: str, matches: list[Match], index: int) -> str:
    match = matches[index]
    start = max((m.end for m in matches[:index] if m.end <= match.start), default=0)
    return segment[max(start, match.start - BEFORE_SPAN) : match.start]


def _window_after(segment: str, matches: list[Match], index: int, span: int = AFTER_SPAN) -> str:
    match = matches[index]
    stop = min((m.start for m in matches[index + 1 :] if m.start >= match.end), default=len(segment))
    text = segment[match.end : min(stop, match.end + span)]
    cut = _CUT.search(text)
    return text[: cut.start()] if cut else text


def _inner_gaps(segment: str, match: Match) -> str:
    """The text a gap synonym skipped over (「市里还没有承担」→「还没有」)."""
    if match.contiguous:
        return ""
    literal = set("".join(match.synonym.split(GAP)))
    return "".join(ch for ch in segment[match.start : match.end] if ch not in literal)


def negated(segment: str, matches: list[Match], index: int) -> bool:
    """Is the phrase negated (before, inside a gap, or right after it)? Two negations cancel.

    Phrases joined by 和/与/、 share a negation (「没有失信和非正常申请」「失信和非正常申请都没有」).
    """
    before = _negated_before(segment, matches, index) or _cue(
        _BEFORE_NEGATION, _inner_gaps(segment, matches[index])
    )
    after = _negated_after(segment, matches, index)
    return before != after


def _cue(pattern: re.Pattern[str], text: str) -> bool:
    return bool(pattern.search(_BENIGN.sub("□", text)))


def _negated_before(segment: str, matches: list[Match], index: int) -> bool:
    raw = _window_before(segment, matches, index)
    if index > 0 and _AND.match(raw) and matches[index - 1].end <= matches[index].start:
        return _negated_before(segment, matches, index - 1)
    return _cue(_BEFORE_NEGATION, raw)


def _negated_after(segment: str, matches: list[Match], index: int) -> bool:
    raw = _window_after(segment, matches, index)
    following = index + 1
    if following < len(matches) and matches[following].start >= matches[index].end:
        if _AND.match(raw):
            return _negated_after(segment, matches, following)
        if matches[index].end + len(raw) == matches[following].start:
            raw = _NEXT_NEGATION.sub("", raw)  # 「不是单项冠军也不是小巨人」: 「也不是」 belongs to the next
    return _cue(_AFTER_NEGATION, raw)


def uncertain(segment: str, matches: list[Match], index: int) -> bool:
    """Does the applicant ask or say they do not know, rather than state the fact?"""
    after = _window_after(segment, matches, index)
    numbers = find_numbers(after)
    if numbers:
        after = after[: numbers[0].start]
    return bool(_UNCERTAIN.search(_window_before(segment, matches, index) + "|" + after))


def years_in(segment: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(segment)}


def number_near(segment: str, matches: list[Match], index: int, adjacent: bool = False) -> FactValue | None:
    """The number said for a fact: right after its phrase, else right before; 「没有」 means 0.

    With `adjacent`, only a number directly after the phrase counts (「发明专利30件」).
    """
    spec = matches[index].spec
    after = _window_after(segment, matches, index, span=16)
    for spoken in find_numbers(after):
        if adjacent:  # a count said right after a yes/no phrase: any counting unit will do
            return spoken.value if _COUNT_LEAD.match(after[: spoken.start]) else None
        value = to_fact_unit(spoken, spec.unit)
        if value is not None:
            return value
    if adjacent:
        return None
    before = _window_before(segment, matches, index)
    for spoken in reversed(find_numbers(before)):
        value = to_fact_unit(spoken, spec.unit)
        if value is not None:
            return value
    if _ZERO.search(before) or re.match(r"^[^，。]{0,3}(没有|无)", after):
        return 0.0
    return None
