"""A measure compared with the province's average (撤回率): where the applicant's words put it.

「高于全省平均」「比全省平均高了三个点」「是全省平均的1.2倍」「只有平均水平的八成」「跟平均一模一样」
「2023年没到全省平均水平」「撤回率97.6%，全省平均90%出头」: above, below, level with it, or not
settled by the words (the figures' ranges overlap, 「差不多」). The words are read around the
first average word of the text, in its clause; none of these, and the text says nothing of it.
"""

from __future__ import annotations

import re
from functools import cache

from .fact_phrases import cues, mask_look_alikes, years_in
from .lexicon import LEXICON, either
from .numbers import against_average, chinese_to_number

ABOVE, BELOW, LEVEL, UNSETTLED = "above", "below", "level", "overlap"

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
_COMPARING = re.compile(r"(?:比|较|跟|和|与|同)[^，,。；;]{0,3}$")  # 「比全省」 before the average word
_MULTIPLE = re.compile(
    r"^[^，,。；;]{0,4}?的\s*(?P<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?)\s*(?P<unit>倍|成)"
)


def compared_with_average(text: str, years: frozenset[int] = frozenset()) -> str | None:
    """Where the text puts the measure against the average: ABOVE, BELOW, LEVEL, UNSETTLED, or
    None when it says nothing of it. `years`: those the measure is of; a clause naming only
    other years (「2022年度是高于全省平均的」 of a 2023 rate) compares another year's."""
    by_figures = against_average(text)  # 「撤回率97.6%，全省平均90%出头」
    if by_figures is not None and by_figures != UNSETTLED:
        return by_figures
    # figures that overlap (「我们九十四点几，全省平均九十出头」) leave it to the words that follow
    # (「，高于平均」), if any
    # 「全省平均是多少我不记得了，反正我们比平均高」: the first average word that is compared
    for cue in _AVERAGE().finditer(text):
        start, end = _clause_of(text, cue)
        named = years_in(text[start : end.start() if end else len(text)])
        if years and named and not named & years:
            continue
        if found := _as_a_multiple(text[cue.end() :]) or _in_words(text, cue):
            return found
    if by_figures == UNSETTLED:
        return _way_said_after(text) or by_figures
    return by_figures


def _way_said_after(text: str) -> str | None:
    """Figures that overlap (「撤回率78%左右，全省平均81%」) and a next clause that says which
    way, with no negation (「，差了一点」「，略高一点」): ABOVE or BELOW, else None."""
    cue = _AVERAGE().search(text)
    end = _CLAUSE_END.search(text, cue.end()) if cue else None
    if end is None:
        return None
    following = _CLAUSE_END.split(text[end.end() :], 1)[0]
    if cues("negations", mask_look_alikes(following)):
        return None
    said = _said(following, (), _HIGHER, _LOWER)
    return said if said in (ABOVE, BELOW) else None


def _clause_of(text: str, cue: re.Match[str]) -> tuple[int, re.Match[str] | None]:
    """Where the clause of the average word starts, and the mark that ends it (None: the text's end)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, cue.start())), default=0)
    return start, _CLAUSE_END.search(text, cue.end())


def _as_a_multiple(after: str) -> str | None:
    """「是全省平均的1.3倍」「只有平均水平的八成」."""
    found = _MULTIPLE.match(after)
    if found is None:
        return None
    n = found["n"]
    value = float(n) if n[0].isdigit() else chinese_to_number(n)
    if value is None:
        return None
    whole = 1.0 if found["unit"] == "倍" else 10.0
    return ABOVE if value > whole else (BELOW if value < whole else LEVEL)


def _in_words(text: str, cue: re.Match[str]) -> str | None:
    """The words of the average's clause: a verb of comparing right before the average word
    (「高于全省平均」「没到平均水平」), or 比 before it and the comparison after it (「比全省平均
    要高」「跟平均一模一样」). An odd count of negations turns above into not above (level, at
    most) and below into not below (unsettled: it may be level)."""
    start, end = _clause_of(text, cue)
    lead, tail = text[start : cue.start()], text[cue.end() : end.start() if end else len(text)]
    words = LEXICON.fact_cues
    if _COMPARING.search(lead):
        said = _said(tail, words.equal_to, _HIGHER, _LOWER)
    elif position := _POSITION_AFTER.match(tail):  # 「在全省平均水平以下」
        said = ABOVE if position["above"] else BELOW
    else:
        said = _said(lead[-_VERB_SPAN:], words.equal_to, words.exceeding, words.falling_short)
    if said == UNSETTLED and end:  # 「跟全省平均差不多，略低一点」: the next clause says which way
        following = _CLAUSE_END.split(text[end.end() :], 1)[0]
        if not cues("negations", mask_look_alikes(following)):
            said = _said(following, (), _HIGHER, _LOWER) or said
    if said is None:
        return None
    # 「没达到」 is a shortfall, no denial; 「不少」「不但」 deny nothing
    window = _COMPARISON_WORDS().sub("", mask_look_alikes(lead[-_VERB_SPAN:] + tail))
    negated = len(cues("negations", window)) % 2 == 1
    if not negated:
        return said
    if said == BELOW and end and _GOES_HIGHER.match(text, end.end()):
        return ABOVE  # 「不但不低于全省平均，还高出不少」
    return {ABOVE: LEVEL, BELOW: UNSETTLED}.get(said, UNSETTLED)


def _said(words: str, level: tuple[str, ...], higher: tuple[str, ...], lower: tuple[str, ...]) -> str | None:
    words = _MARGIN.sub("", words)  # 「高了差不多三个百分点」: 差不多 is the margin's
    about = any(w in words for w in _ABOUT_LEVEL)
    for word in _ABOUT_LEVEL:
        words = words.replace(word, "")  # (「差不多」 holds 多, no word of more)
    if any(w in words for w in (*level, *_LEVEL_TOO)):
        return LEVEL  # 「跟平均正好一样」「一样高」
    up, down = any(w in words for w in higher), any(w in words for w in lower)
    if up != down:
        return ABOVE if up else BELOW  # 「跟平均差不多，略低一点」: the way it goes
    return UNSETTLED if about else None  # 「跟平均差不多」: a little either way


# a place above or below the average, said after it (「在全省平均水平以下」「处于平均线之上」)
_POSITION_AFTER = re.compile(r"^(?:水平|值|线)?(?:(?P<above>以上|之上)|以下|之下)")
_GOES_HIGHER = re.compile(r"\s*(?:而且|并且|甚至|反而|还|更)[^，,。；;]{0,3}(?:高|超)")
_MARGIN = re.compile(r"(?:差不多|大概|大约|将近|接近)(?=\s*[\d零〇一二两三四五六七八九十几])")
_VERB_SPAN = 6  # characters before the average word where 高于, 没到 … are looked for
_HIGHER = ("高", "多", "强", "超")
_LOWER = ("低", "少", "弱", "小", "不如", "不及", "差一", "差了", "差点")
_LEVEL_TOO = ("一模一样", "一个样", "持平", "打平")
_ABOUT_LEVEL = ("差不多", "差不太多", "相当", "接近")


@cache
def _AVERAGE() -> re.Pattern[str]:
    return re.compile(either(LEXICON.fact_cues.averages))


@cache
def _COMPARISON_WORDS() -> re.Pattern[str]:
    words = LEXICON.fact_cues
    said = {*words.falling_short, *words.exceeding, *words.equal_to, *_LOWER, *_ABOUT_LEVEL}
    return re.compile("|".join(map(re.escape, sorted(said, key=len, reverse=True))))
