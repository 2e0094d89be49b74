"""Reading the figure said for a number fact in its clause: one figure, several (the lowest,
the span or the mean, as the registry says), a year since which (「2017年注册的」), a total over
several years said for a yearly average, and a negation outside the figure's own bound."""

from __future__ import annotations

import math
import re

from ..eligibility.rules import FactSpec, FactValue, Interval
from .fact_phrases import (
    GAP,
    MASK,
    Match,
    alternatives_named,
    cue_spans,
    cues,
    mask_look_alikes,
    number_near,
    topic_only,
    years_in,
)
from .fact_sheet import Sheet
from .lexicon import LEXICON
from .numbers import Spoken, find_numbers, mask_figures, normalize_numbers, to_fact_unit
from .reading import Reading

BARE_CLASSIFIERS = ("个", "名", "位")  # units that count whatever noun follows them


def several_figures(spec: FactSpec, figures: list[FactValue], segment: str) -> Reading:
    """「近三年利税分别是2500万、2300万、3100万」: the lowest, or the span, as the registry says."""
    lows = [_low(f) for f in figures]
    highs = [f.hi if isinstance(f, Interval) else float(f) for f in figures]  # type: ignore[arg-type]
    # (not a bound of every year and one year's figure of the lowest: 「近三年都在三千万以上、19年
    # 三千二百万」 puts the lowest between them)
    yearly = spec.of_several == "min" and bool(years_in(segment))
    # (nor a figure and its exact value in brackets: 「5%多一点（5.3%）」)
    bounded = any(isinstance(f, Interval) and math.isinf(f.hi) for f in figures) or _EXACT_ASIDE.search(
        segment
    )
    if len(figures) == 2 and bounded and not yearly:
        # 「5%以上（约6.3%）」: a bound and the figure within it say one figure, the narrower
        within = Interval(max(lows), min(highs))
        if within.lo <= within.hi:
            return Reading(within.lo if within.lo == within.hi else within)
    if spec.of_several == "min":  # the lowest of several lies between the lowest bounds
        return Reading(_lowest(figures))
    if len(figures) == _years_averaged(spec):  # 「近三年授权分别是100件、140件、190件」: their mean
        mean_lo, mean_hi = sum(lows) / len(lows), sum(highs) / len(highs)
        return Reading(
            round(mean_lo, 2) if mean_lo == mean_hi else Interval(round(mean_lo, 2), round(mean_hi, 2))
        )
    if spec.of_several == "range":
        return Reading(Interval(min(lows), max(highs)))
    if len(figures) == len(LEXICON.fact_cues.count_parts) and _whole_of_parts(spec, segment):
        return Reading(sum(lows) if lows == highs else Interval(sum(lows), sum(highs)))
    return Reading(doubt=segment)


# a figure alone in brackets after another (「5%多一点（5.3%）」「一千五百万左右（1523万）」)
_EXACT_ASIDE = re.compile(
    r"[\d一二三四五六七八九十百千万亿多点%右上下头余]\s*[（(]\s*(?:约|即|是)?\s*\d+(?:\.\d+)?\s*(?:%|万元|万|亿元|亿|件|人|家|个|名)?\s*[)）]"
)


def _whole_of_parts(spec: FactSpec, segment: str) -> bool:
    """「专职3人兼职5人」 of a count of full- and part-time staff together (专兼职): the sum."""
    parts = LEXICON.fact_cues.count_parts
    return bool(cues("figure_counts_all", spec.label)) and all(segment.count(part) == 1 for part in parts)


def _years_averaged(spec: FactSpec) -> int | None:
    """The years a yearly average is taken over (「近3年年均专利授权量」: 3), if it is one."""
    found = _AVERAGED.search(spec.label)
    return int(found.group(1)) if found else None


_AVERAGED = re.compile(r"近(\d)年年均")


def _lowest(figures: list[FactValue]) -> FactValue:
    """The lowest of several figures, some known only within bounds (「两亿多」)."""
    spans = [f if isinstance(f, Interval) else Interval(float(f), float(f)) for f in figures]  # type: ignore[arg-type]
    low = min(spans, key=lambda i: (i.lo, i.lo_open))
    high = min(spans, key=lambda i: (i.hi, not i.hi_open))
    if low.lo == high.hi and not (low.lo_open or high.hi_open):
        return low.lo  # the lowest is known exactly
    about = low.about or high.about  # 「20件左右」 stays a figure said roughly
    return Interval(low.lo, high.hi, lo_open=low.lo_open, hi_open=high.hi_open, about=about)


def since(segment: str, reference: float) -> Reading:
    """「2017年注册的」: the years from then to the round (the year itself is not known to the
    month, so the count is an interval)."""
    years = years_in(segment)
    decade = _DECADE.search(segment)
    if not years and decade and not cues("application_dates", segment):
        # 「从九几年一直用到现在」「90年代注册的」: some year of the decade
        start = 1900 + 10 * (_DIGITS.index(next(d for d in decade.groups() if d)) % 10)
        return Reading(Interval(max(reference - start - 10, 0.0), reference - start, lo_open=True))
    if len(years) != 1 or cues("application_dates", segment):
        return Reading()  # (「2015年是提交注册申请的时间」: the year an application was made)
    (year,) = years
    if year > math.floor(reference):
        return Reading(doubt=segment)  # 「去年（2025年）注册的」: after the round, which cannot count it
    if _AFTER_THE_YEAR.search(segment):  # 「19年以后才注册的」: in that year or later
        return Reading(Interval(0.0, reference - year))
    month = _MONTH.search(segment)  # 「2019年7月注册」: known to the month; the day the round
    # counts to is not (its deadline or the day of applying: from its year's start to `reference`)
    if month is not None and int(month.group(1)) == year and 1 <= int(month.group(2)) <= 12:
        start = year + (int(month.group(2)) - 1) / 12
        lo, hi = round(math.floor(reference) - start - 1 / 12, 2), round(reference - start, 2)
        return Reading(Interval(max(lo, 0.0), max(hi, 0.0), lo_open=True))
    part = _part_of_year(segment, year)  # 「2019年底」: from its last months
    if part is not None:
        lo, hi = math.floor(reference) - year - part[1], reference - year - part[0]
        return Reading(Interval(round(max(lo, 0.0), 2), round(max(hi, 0.0), 2), lo_open=True))
    # the round's own year (「2022年注册的」 for the 2022 round): under a year, never less than none
    return Reading(Interval(max(reference - year - 1, 0.0), reference - year, lo_open=True))


def _part_of_year(segment: str, year: int) -> tuple[float, float] | None:
    """The part of the year said right after it (「2019年底」「19年下半年」), as fractions of it."""
    found = re.search(rf"(?:{year}|{year % 100:02d})\s*年(?:度)?", segment)
    if found is None:
        return None
    after = segment[found.end() :]
    if after.startswith(("初步", "底下")):
        return None  # 「2019年初步建成」: a first stage, not the year's first months
    for span, words in LEXICON.fact_cues.year_parts.items():
        if after.startswith(tuple(w.removeprefix("年") for w in words)):
            first, last = (float(x) for x in span.split("-"))
            return first, last
    return None


def _alone(segment: str, match: Match) -> bool:
    """The phrase is all its clause says, but for a topic's marker (「万人发明专利拥有量这块，…」)."""
    rest = (segment[: match.start] + segment[match.end :]).strip()
    return not rest or topic_only(rest)


_DIGITS = "0123456789〇一二三四五六七八九"  # a digit's index, mod 10, is its value
_DECADE = re.compile(
    r"(?<![\d一二三四五六七八九十])(?:19)?([5-9])0年代|([五六七八九])十年代|([五六七八九])几年"
)
_MONTH = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月")
_AFTER_THE_YEAR = re.compile(r"年(?:以后|之后)")


def read_number(
    segment: str, text: str, matches: list[Match], index: int, reference: float | None = None
) -> Reading:
    """The figure said for a fact. Several figures (「分别是2500万、2300万」) or a negation
    outside the figure's own bound (「没有哪一年低于2000万」) leave it in doubt."""
    spec = matches[index].spec
    if _denied_within(segment, matches[index]) and find_numbers(segment[matches[index].end :]):
        return Reading(doubt=segment)  # 「商标没用到5年」: the figure is under a reach denied
    if _base_of_a_ratio(segment, matches, index):
        return Reading()  # 「知识产权费用是研发投入的7%」: the 7% is of 研发投入, not 研发投入's own
    segment = _within_its_aside(segment, matches[index])
    value = number_near(segment, matches, index)
    named = alternatives_named(spec.either, segment)
    if value == 0.0 and named and len(named) < len(spec.either):
        return Reading()  # 「没有获批地理标志产品保护」: none of one form, the other's not said
    if value is None and spec.since_year and reference is not None:
        return since(segment, reference)
    if value is None and _alone(segment, matches[index]):
        # 「万人发明专利拥有量，20年统计全省园区第二」: the figure comes in the next clause
        return Reading(topic=True, announced=True)
    if value is None or value == 0.0:
        return Reading(value)
    # the figures up to the next fact's phrase (「管理人员6人（专职转化3人）」: the 3 is the next one's)
    stop = min((m.start for m in matches if m.start >= matches[index].end), default=len(segment))
    figures = find_numbers(segment[matches[index].end : stop])
    if not figures and _figure_of_next(segment, matches, index, stop):
        return Reading(doubt=segment)  # 「知识产权部有专职2人兼职3人」: the 2 is 专职's, not the whole
    if figures and _counts_next(segment, matches[index].end + figures[-1].end, stop, figures[-1]):
        return Reading(doubt=segment)  # 「知识产权部有2个专职3个兼职」: the 2 counts 专职, not the whole
    several = [v for f in figures if (v := to_fact_unit(f, spec.unit)) is not None]
    if len(several) > 1 and figures[0].bound != "range":
        lead = segment[: matches[index].start]  # 「2020年利税2600万、2021年3100万」: the first year before
        own = _figure_of_its_year(lead, segment[matches[index].end : stop], figures, spec, reference)
        return Reading(own) if own is not None else several_figures(spec, several, segment)
    said = mask_figures(text)  # a figure's own bound words (不到, 没超过) are no negation
    if (denied := _bound_denied(said, value)) is not None:
        return Reading(denied)  # 「注册不是不到三年」: three years or more
    # a negation of another fact's phrase (「三千万（不是手工艺品）」) is that phrase's
    if any(not said[n.end() :].lstrip().startswith(MASK) for n in cue_spans("negations", said)):
        return Reading(doubt=segment)
    if spec.of_several == "min" and _of_one_year(segment):
        # 「2021年利税3000万」「20年、21年都超2000万」: some years' figure; the lowest of all
        # the years is at most that (and is not known when that has no top)
        top = value.hi if isinstance(value, Interval) else float(value)  # type: ignore[arg-type]
        return Reading(Interval(0.0, top)) if math.isfinite(top) else Reading(doubt=segment)
    # 「知识产权部专职3人」「知识产权专职的只有两个人」: part-time staff may come on top
    if isinstance(value, float) and part_of_the_people(
        spec, matches[index].synonym + segment[matches[index].end : stop]
    ):
        return Reading(Interval(value))
    return per_year(spec, value, segment)


# 「不是」「并非」: a statement denied (not 没, which denies a thing or an act)
_NOT_SO = re.compile(r"(?:并不是|也不是|不是|并非)$")
# 「不是没注册满三年」: a statement denied of a denial, the fact's phrase and the figure after it
_NOT_NOT = re.compile(rf"(?:并不是|也不是|不是|并非)(?:没有|没|未)[{MASK}]*$")


def _bound_denied(said: str, value: FactValue) -> Interval | None:
    """A clause's one figure with a bound (`said`: the clause, the figure masked by #) whose only
    negation denies the bound: 「不是不到三年」 is three years or more, 「并不是低于2000万」 2000 or
    more; 「不是没注册满三年」 (two negations side by side) is its bound, three years or more.
    None when the clause says anything else."""
    figure = said.find("#")
    negations = cue_spans("negations", said)
    if figure < 0 or not isinstance(value, Interval) or value.is_exact:
        return None
    lead = said[:figure].rstrip()
    if _NOT_NOT.search(lead) and len(negations) == 2 and all(n.end() <= figure for n in negations):
        return value  # the two negations cancel: the figure's own bound holds
    if len(negations) == 1 and _NOT_SO.search(lead):
        return value.complement()
    return None


def part_of_the_people(spec: FactSpec, said: str) -> bool:
    """A count of all the staff said with a word that counts only some of them (「专职3人」「还有
    一个兼职的」); not one limited to them (「管理人员只有一个兼职的」: that is all there is)."""
    whole = cues("figure_counts_all", spec.label) and not cues("figure_counts_all", said)
    parts = cue_spans("part_counts", said)
    limits = [*cue_spans("limits", said), *re.finditer("就(?!是)", said)]  # 「就2个兼职的」
    if parts and limits and min(m.start() for m in limits) < parts[0].start():
        return False
    if parts and _NONE_OF_A_PART.search(said):
        return False  # 「2个兼职的，没有专职的」: the other part is none
    if parts and any(t.start() > parts[-1].start() for t in cue_spans("totals", said)):
        return (
            False  # 「专职兼职加起来就2个人」「一个专职的，加上一个兼职的，一共2个人」: the sum of the parts
        )
    return bool(whole) and bool(parts)


_NONE_OF_A_PART = re.compile(r"(?:没有|没|无)(?:专职|全职|兼职)")


def _within_its_aside(segment: str, match: Match) -> str:
    """A phrase inside brackets (「茶叶地标（集体商标2014年注册）2021年销售额…」) has its
    figures there: the clause up to the bracket that closes it."""
    opened, closed = segment.rfind("（", 0, match.start), segment.rfind("）", 0, match.start)
    end = segment.find("）", match.end)
    return segment[:end] if opened > closed and end >= 0 else segment


def _figure_of_its_year(
    lead: str, words: str, figures: list[Spoken], spec: FactSpec, reference: float | None
) -> FactValue | None:
    """「销售额20年6000万、21年4800万」「2020年利税2600万、2021年3100万」: figures each said of
    a year (the first one's year may stand before the phrase, in `lead`), one of them the
    fact's own year: that one's figure."""
    if spec.year is None or reference is None:
        return None
    years, values, start = [], [], 0
    for figure in figures:
        value = to_fact_unit(figure, spec.unit)
        if value is None:
            continue  # 「20年」: the year, no figure of the fact's
        label = ("" if values else lead) + words[start : figure.start]
        relative = {int(reference) + LEXICON.relative_years[w] for w in LEXICON.relative_years if w in label}
        years.append(years_in(label) | relative)
        values.append(value)
        start = figure.end
    if len(values) < 2 or not all(len(named) == 1 for named in years):
        return None
    own = [value for named, value in zip(years, values, strict=True) if spec.year in named]
    return own[0] if len(own) == 1 else None


def _denied_within(segment: str, match: Match) -> bool:
    """A negation inside a gapped phrase (「商标没用到5年」 of 商标…用到): the figure after it is
    not the fact's value."""
    return GAP in match.synonym and bool(
        cues("negations", mask_look_alikes(segment[match.start : match.end]))
    )


def _of_one_year(segment: str) -> bool:
    """The clause says its figure of one year (「2021年」「前年」) or of two years it names
    (「20年、21年都超2000万」), not of every year (「近三年都」)."""
    if cues("figure_periods", segment):
        return False
    named = len(years_in(segment))
    if named == 2:
        return True
    return not _EVERY_YEAR.search(segment) and (named == 1 or _ONE_YEAR.search(segment) is not None)


_EVERY_YEAR = re.compile(r"每年|都|均|历年|连续|分别|各年|三年|3年")
_ONE_YEAR = re.compile(r"前年|大前年|上上年")


def per_year(spec: FactSpec, value: FactValue, segment: str) -> Reading:
    """A yearly average said as a total over several years (「三年加起来转化了四十件」): the
    total divided by the years said; asked when no span of years is said."""
    if "年均" not in spec.label or not cues("totals", segment):
        return Reading(value)
    span = _YEARS_SPAN.search(segment)
    years = {"三": 3, "3": 3, "两": 2, "二": 2, "2": 2, "五": 5, "5": 5}.get(span.group(1)) if span else None
    if years is None or not isinstance(value, (int, float, Interval)):
        return Reading(doubt=segment)
    if isinstance(value, Interval):
        return Reading(
            Interval(value.lo / years, value.hi / years, value.lo_open, value.hi_open, value.about)
        )
    return Reading(float(value) / years)


_YEARS_SPAN = re.compile(r"([三3两二2五5])\s*(?:个)?年")


def of_one_year(
    spec: FactSpec, reading: Reading, sentence: str, reference: float | None = None, clause: str = ""
) -> Reading:
    """「2021年学校专利授权500件，转化了30件」, of a yearly average over several years (近3年
    年均): one year's figure, with no word of a period, says only that the average is at least
    that figure over the years (a count is not negative): 500 in one year is at least 166.7 a year."""
    years = _years_averaged(spec)
    value = reading.value
    if years is None or not isinstance(value, (int, float, Interval)) or isinstance(value, bool):
        return reading
    # a period said in another clause (「近三年年均授权160件；转化的话2021年转了20件」) is that one's
    periods = cues("figure_periods", clause or sentence)
    if len(years_in(sentence)) != 1 or periods or cues("totals", sentence):
        return reading
    (year,) = years_in(sentence)
    if reference is not None and not math.floor(reference) - years <= year < math.floor(reference):
        return Reading()  # 「2025年转了20件」: a year the round's average does not cover
    low = value.lo if isinstance(value, Interval) else float(value)
    return Reading(Interval(round(low / years, 2), math.inf))


def _counts_next(segment: str, end: int, stop: int, figure: Spoken) -> bool:
    """Whether a figure with a bare classifier (个, 名, 位) stands right before the next fact's
    phrase, so that it counts that phrase's noun (「2个专职」), not the fact before it."""
    return figure.unit in BARE_CLASSIFIERS and stop < len(segment) and not segment[end:stop].strip()


def _figure_of_next(segment: str, matches: list[Match], index: int, stop: int) -> bool:
    """The figure read lies past the next phrase, another fact's that counts a part of the same
    (「知识产权部有专职2人兼职3人」: 专职): it is that part's figure, not the whole's."""
    here = matches[index]
    return any(
        m.start == stop and m.spec.key != here.spec.key and m.spec.unit == here.spec.unit for m in matches
    ) and bool(cues("part_counts", segment[stop : stop + _PART_SPAN]))


_PART_SPAN = 2  # characters of the next phrase where a part's word (专职, 全职) is looked for


_RATIO_BASE = re.compile(r"(?:是|占|为|相当于)了?$")


def _base_of_a_ratio(segment: str, matches: list[Match], index: int) -> bool:
    """A percentage fact's phrase after 是/占 and another percentage fact's phrase: it names what
    the other one is a share of (「知识产权费用是研发投入的7%」)."""
    here = matches[index]
    if here.spec.unit != "%" or not here.contiguous or not _RATIO_BASE.search(segment[: here.start]):
        return False
    # (the other phrase may reach into this one: 「知识产权…占研发」 of 「…只占研发投入的3%」)
    return any(m.start < here.start and m.spec.unit == "%" and m.spec.key != here.spec.key for m in matches)


def lower_year_after(
    segment: str, sentence: str, said_before: list[Match], sheet: Sheet, reference: float | None
) -> None:
    """「利税2019年2600万、2020年2500万，2021年受疫情影响只有1500万」: a clause naming no fact
    whose figure is lower than the lowest of the years just read for a fact of the lowest of
    several years: a year among the ones counted (the three before the round) joins the list;
    a figure with no year, or of another year, leaves the lowest in doubt. `sentence`: the
    sentence up to this clause, whose year the clause may go on about."""
    keys = {m.spec.key: m.spec for m in said_before if m.spec.of_several == "min"}
    if len(keys) != 1:
        return  # (most clauses: no figure is looked for)
    ((key, spec),) = keys.items()
    known = sheet.values.get(key)
    if known is None or isinstance(known, bool):
        return
    figures = [f for f in find_numbers(normalize_numbers(segment)) if f.unit != "年"]
    said = to_fact_unit(figures[0], spec.unit) if len(figures) == 1 else None
    if said is None:
        return
    if _low(said) >= _low(known):  # type: ignore[arg-type]
        return  # not lower: the lowest stands whatever year it is of
    lowest = _lowest([known, said])
    years = years_in(segment) or years_in(sentence)  # the clause's year, else its sentence's so far
    counted = reference is None or all(reference - 4 < year < reference for year in years)
    if years and counted and not cues("other_amounts", segment):  # not 「2021年纳税只有1500万」
        sheet.values[key], sheet.evidence[key] = lowest, f"{sheet.evidence.get(key, '')}，{segment}"
    else:
        sheet.doubt(key, segment)


def _low(value: FactValue) -> float:
    return value.lo if isinstance(value, Interval) else float(value)  # type: ignore[arg-type]
