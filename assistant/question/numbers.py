"""Numbers in applicants' words: 「2500万」「1.2亿元」「6个亿」「两亿多」「百分之四」「超过150件」
「70到90件」「七八十家」「前10位」「五年多」.

A number is read with its unit and any bound word around it, then converted to a fact's unit
(money to 万元). Numerals go through cn2an (Chinese numerals with their magnitudes, mixed forms
such as 8千万). Bounds and vague amounts become intervals: 「超过2000万」 is (2000, ∞),
「两百多家」 is (200, 300), 「70到90件」 is [70, 90], 「5000万左右」 is [4500, 5500], 「前10位」 is
[1, 10]. An interval lets the checker decide only what the words settle.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from ..eligibility.rules import COUNT_UNITS, Interval
from ..thresholds import APPROXIMATE_POINTS, APPROXIMATE_SHARE, LITTLE_OVER
from .lexicon import LEXICON, SELF_WORDS, either

_GT = (
    "超过|超出|多于|高于|大于|不止|不只|逾|超"  # 「过5000万」「过亿」 are rewritten to 逾 (normalize_numbers)
)
_GE = "不低于|不少于|不下于|不下|至少|起码|最少|达到|满"
# a negated reach (「没满3人」「商标没用到5年」「没有50件」) is under the figure, not the thing denied
_LT = (
    "不到|不足|不够|低于|少于|小于|未满|不满|没满|没有满|没到|没有到|未到|未达到|未达|没达到|没有达到"
    "|没[用做干]到|没有[用做干]到|没[用做干]满|没有"
)
_NEAR = "快|将近|接近"  # 「快十年了」: just under ten
_LE = "不超过|不高于|最多|至多|没超过|没有超过"
_ABOUT = "大概|大约|约莫|大致|差不多|约"  # 「大概六十家」: about, as 「六十家左右」
_NUMERAL = (
    r"\d+(?:\.\d+)?(?:[十百千万亿]+)?|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
)
_RANGE_JOIN = r"\s*(?:到|至|-|－|~|～|—)\s*"
NUMBER_PATTERN = re.compile(
    rf"(?P<pre>{_LE}|{_GE}|{_LT}|{_GT}|{_NEAR}|{_ABOUT}|第|前)?"
    r"(?P<pct>百分之)?"
    rf"(?:(?P<tens>[一二三四五六七八九]?十|[一二两三四五六七八九][百千万])?(?P<pair>[一二两三四五六七八九])(?P<pair2>[二两三四五六七八九])"
    r"(?P<pairunit>十|百|千|万|(?=个|件|人|家|名|位|项|年|%|的样子|左右|上下|$|[，。,；;！？）)]))"
    rf"|(?P<some>几(?=[十百千万亿]))?(?P<num>{_NUMERAL})(?:{_RANGE_JOIN}(?P<num2>{_NUMERAL}))?)"
    r"(?P<more>多|余|[.点]?几|来(?=[个件项人名位家万亿千百年%]))?"  # 「两百多」「96.几」: a little over; 「十来个」: about
    r"(?P<unit>亿元|亿|千万元|千万|万元|万|元|个百分点|个点|件|个|项|人|名|位|家|%|年)?"
    r"(?P<more2>多|出头)?"
    r"(?P<post>以上|以下|左右|以内|之内|上下|以后|之后|开外|不到|不足|\+)?"  # 「3000万+」: at least
)
SIGNS = ("-", "－", "负", "−")
# Beyond these a figure is no real applicant's: 10 billion of a count, 10 trillion yuan, 1000 %.
LARGEST = {"件": 1e10, "人": 1e10, "家": 1e10, "名": 1e10, "万元": 1e9, "%": 1000, "年": 200}

# What each fact unit accepts, and the factor that converts the spoken unit into it.
_COMPATIBLE: dict[str, dict[str, float]] = {
    "万元": {
        "亿元": 10000,
        "亿": 10000,
        "千万元": 1000,
        "千万": 1000,
        "万元": 1,
        "万": 1,
        "元": 0.0001,
        "": 1,
    },
    "%": {"%": 1, "个百分点": 1, "个点": 1, "": 1},
    "件": {"件": 1, "个": 1, "项": 1, "": 1},
    "人": {"人": 1, "个": 1, "名": 1, "位": 1, "": 1},
    "家": {"家": 1, "个": 1, "": 1},
    "名": {"名": 1, "位": 1, "": 1},
    "年": {"年": 1, "": 1},
}


@dataclass(frozen=True)
class Spoken:
    """One number as said: its value (or range) in the spoken unit, the unit, and its bound."""

    value: float
    unit: str
    bound: str  # "=", ">", ">=", "<", "<=", "top", "range", "about"
    start: int
    end: int
    upper: float | None = None  # the top of a range or of 「两百多」
    suspect: bool = False  # written with a minus sign or inside Latin text (「-120件」「1e308」)


@lru_cache(maxsize=4096)
def chinese_to_number(text: str) -> float | None:
    """「十二」→12, 「两千五百」→2500, 「三点五」→3.5, 「8千万」→80000000; None when it is no numeral."""
    import cn2an  # a well-kept converter of Chinese numerals; imported where it is used

    text = _ELIDED_PLACE.sub(r"\1千万", text)  # 「两亿三」: 两亿三千万 (cn2an reads 「两万三」 itself)
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


_ELIDED_PLACE = re.compile(r"(?<=亿)([一二两三四五六七八九])$")


def _magnitude(raw: str) -> tuple[str, str]:
    """「8千万」→ ("8", "千万"), 「两亿」→ ("两", "亿"): the numeral and a trailing magnitude word,
    so that the magnitude converts like a unit (「8千万」 is 8000 万元)."""
    match = re.fullmatch(r"(.+?)(千万|亿|万)", raw)
    if match and match.group(1) and not re.search(r"[万亿]", match.group(1)):
        return match.group(1), match.group(2)
    return raw, ""


def _step(value: float) -> float:
    """The place of a number's last significant digit: 200 → 100, 4500 → 100, 1.2 → 0.1."""
    if value <= 0:
        return 1.0
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    digits = text.rstrip("0")
    return 10.0 ** (len(text) - len(digits))


_MAGNITUDES = {"万": 1e4, "千万": 1e7, "亿": 1e8}


def _with_magnitude(value: float, unit: str, magnitude: str, compound: bool) -> tuple[float, str]:
    """A magnitude (万, 千万, 亿) said with money converts like a unit (8千万 is 8000 万元); with a
    count it multiplies (两万件). A compound numeral (一亿三千万) is read whole, in 万 for money."""
    money = unit in ("", "元")
    if magnitude:
        return (value, magnitude + unit) if money else (value * _MAGNITUDES[magnitude], unit)
    if compound and money:
        return value / 1e4, "万" + unit
    return value, unit


def _bound(match: re.Match[str]) -> str:
    pre, post = match["pre"] or "", match["post"] or ""
    if match["num2"] or match["pair"]:
        return "range"
    if match["more"] == "来":
        return "about"  # 「一千来万」「十来个」: about the figure, a little more or less
    if match["more"] or match["more2"]:
        return "more"
    if re.fullmatch(_GT, pre):
        return ">"
    if post in ("以后", "之后", "开外"):
        return ">"
    if post in ("以上", "+") or re.fullmatch(_GE, pre):
        return ">="
    if re.fullmatch(_LT, pre) or post in ("不到", "不足"):
        return "<"  # 「不到三年」「三年不到」
    if re.fullmatch(_NEAR, pre):
        return "near"
    if post in ("以下", "以内", "之内") or re.fullmatch(_LE, pre):
        return "<="
    if post in ("左右", "上下") or re.fullmatch(_ABOUT, pre):
        return "about"
    return "top" if pre == "前" else "="


# a Chinese numeral with a digit and a place (三百, 一百五十, 两千五), no word (一定, 千万, 十分)
_PLACED = re.compile(r"[一二两三四五六七八九](?:[十百千万亿][零〇一二两三四五六七八九]?)+")
_ORDINAL_OF = tuple("次批届期轮代回")  # what 第N before them orders (events), not a rank or count
_NEXT_LOWER = {"百": "十", "千": "百", "万": "千"}  # the place a pair after 「一百」「两千」 fills


def _spoken(match: re.Match[str], default_unit: str = "") -> Spoken | None:
    unit = "%" if match["pct"] else (match["unit"] or default_unit)
    if match["pair"]:  # 「七八十」: between 70 and 80; 「九十一二」: 91 or 92; 「一百六七十」: 160 to 170
        lead = match["tens"] or ""
        if lead and match["pairunit"] and _NEXT_LOWER.get(lead[-1:]) != match["pairunit"]:
            return None  # 「十二三十」 is no number
        if lead and not match["pairunit"] and not lead.endswith("十"):
            return None  # 「一百六七」: no place says what the pair counts
        if not (match["tens"] or match["pairunit"] or unit):
            return None  # 「七八」 alone: no unit says what it counts
        scale = chinese_to_number("一" + match["pairunit"]) if match["pairunit"] else 1
        low, high = chinese_to_number(match["pair"]), chinese_to_number(match["pair2"])
        if low is None or high is None or high <= low or (lead and high != low + 1):
            return None
        base = chinese_to_number(match["tens"]) if match["tens"] else 0.0
        return Spoken(base + low * scale, unit, "range", match.start(), match.end(), base + high * scale)
    num = "一百" if match["pct"] and match["num"] == "百" else match["num"]  # 「百分之百」
    raw, magnitude = _magnitude(num)
    if raw in _MAGNITUDES and (
        match["pre"] or match["some"]
    ):  # 「逾亿」「满千万」「几万」: one of the magnitude
        raw, magnitude = "1", raw
    if match["some"] and raw in ("十", "百", "千"):
        raw = "一" + raw  # 「几百万」: some times a hundred 万
    value = chinese_to_number(raw)
    if value is None:
        return None
    is_arabic = raw[0].isdigit()
    top, top_magnitude = _magnitude(match["num2"]) if match["num2"] else ("", "")
    if top_magnitude and magnitude and top_magnitude != magnitude:
        # 「8000万到1个亿」: the lower end in the upper end's magnitude (0.8 亿)
        value, magnitude = value * _MAGNITUDES[magnitude] / _MAGNITUDES[top_magnitude], top_magnitude
    elif top_magnitude and not magnitude:
        magnitude = top_magnitude  # 「2到3万件」「七到八千万」: both ends in the upper end's
    said_unit = unit
    value, unit = _with_magnitude(value, unit, magnitude, compound=bool(re.search("[万亿]", raw)))
    # 「三百出头」「一百五」: a numeral with a digit and its place is a figure without a unit too
    marked = unit or match["pre"] in ("第", "前") or _PLACED.fullmatch(raw) is not None
    if not (is_arabic or marked):
        return None  # 「一定」「三年内」-like words are not numbers without a unit
    if match["pre"] == "第" and not unit and match.string[match.end() : match.end() + 1] in _ORDINAL_OF:
        return None  # 「第一次核准注册」「第二批」: an event's order, no figure
    bound = _bound(match)
    upper = None
    if match["some"]:  # 「几十件」「几百万」: some tens, some hundreds (not ten, not a hundred)
        if bound != "=":
            return None
        bound, upper = "more", value * 10
    elif bound == "range":
        upper = chinese_to_number(top)
        if upper is not None and top_magnitude:  # 「2万到3万件」: the upper end's magnitude too
            upper = _with_magnitude(upper, said_unit, top_magnitude, compound=False)[0]
        if upper is None or upper < value:
            return None
    elif bound == "more":  # 「两百多」 below the next hundred; 「90%出头」 a little over 90
        upper = value + _step(value) * (LITTLE_OVER if match["more2"] == "出头" else 1)
    return Spoken(value, unit, bound, match.start(), match.end(), upper)


def normalize_numbers(text: str) -> str:
    """「6个亿」→「6亿」, 「6个多亿」→「6多亿」; what cn2an cannot read is rewritten first. 「过」
    or 「破」 before a figure is 「超过」 (「利税都过亿」「过5000万」, not 「不过」「通过」), and 「上亿」
    「上千万」 at least that much; each rewrite keeps the text's length."""
    text = _PAST_A_FIGURE.sub(
        lambda m: "了逾" if m.group().endswith("了") else "逾", text
    )  # (「过了」: 了逾)
    text = _AT_LEAST_A_MAGNITUDE.sub("满", text)
    text = text.replace("个多点", "多个点")  # 「五个多点」: a little over five points
    text = _MIXED_NUMERAL.sub(lambda m: m.group().translate(_AS_NUMERALS), text)  # 「4千5百万」
    return re.sub(r"个(?=多?(?:亿|万))", "", text)


# Digits between magnitudes (「4千5百万」「1千2」): one figure, read as its numerals (四千五百万)
_MIXED_NUMERAL = re.compile(r"(?<![\d.])\d[千百]\d(?:[千百十]\d?)*(?![\d.])")
_AS_NUMERALS = str.maketrans("0123456789", "〇一二三四五六七八九")


# 过 after a measure's name or 都/均/已 (「利税都过亿」「销售额过5000万」), not the aspect 过 after a
# verb (「承担过2022年的项目」「做过3个」)
_PAST_A_FIGURE = re.compile(
    r"(?<=[都均已早刚也总税额量入润值数])[过破]了?(?=\d|[一二两三四五六七八九十百千]|亿)"
)
_AT_LEAST_A_MAGNITUDE = re.compile(r"(?<![以之马路线])上(?=亿|千万)")


def _one_in_a_word(text: str, match: re.Match[str]) -> bool:
    before = text[match.start() - 1 : match.start()] if match.start() else ""
    return match["num"] == "一" and not match["pre"] and before in LEXICON.fact_cues.not_a_count_before_one


_DATE_PART = re.compile(r"\s*(?:月|日|号)")  # right after a number with no unit: a date's month or day
# Right after 「NN年」 of two digits: a part of that year (「20年下半年才注册下来」「21年底」) or
# what happened in it (「是20年注册的」「20年获批」), so the NN is a year of the calendar, not a
# count of years (「注册20年了」「近20年」)
_PART_OF_YEAR = re.compile(
    r"度|上半年|下半年|年中|年初|年底|年末|底|初|末|\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"|(?:就|才|正式|刚)?(?:注册|获批|批|认定|成立|建成|通过|立项|验收|评上|被评|开始|启用|投用|投入使用)"
)
# 「（到22年五年多了）」「截至22年」: a point in time before the two digits (not 「达到22年」)
_POINT_BEFORE = re.compile(r"(?:(?<![达满用])到|截至|截止到?|直到)\s*$")
_SPAN_BEFORE = re.compile(r"(?:近|过去|这|前|最近|已|已经|有|了)\s*$")  # 「近20年」「已经20年」: a span


def find_numbers(text: str, default_unit: str = "") -> list[Spoken]:
    """Every number in `text` with its unit and bound, left to right; a number said with no
    unit takes `default_unit` (the average's 「八十几」 after the applicant's 「97%」)."""
    found = []
    text = normalize_numbers(text)
    for match in NUMBER_PATTERN.finditer(text):
        spoken = _spoken(match, default_unit)
        if spoken is not None and _one_in_a_word(text, match):
            continue  # 「另一个同事」「同一个」: 一 is part of a word, not a count
        if spoken is not None and not match.group("unit") and _DATE_PART.match(text, match.end()):
            continue  # 「2020年5月才注册下来」: a month of a date, no figure of five
        if spoken is not None and calendar_year(text, match.start(), match.end(), spoken):
            continue  # 「20年下半年」: the year 2020, no twenty years
        if spoken is not None and spoken.unit == "年" and text.startswith("代", match.end()):
            continue  # 「90年代」: a decade, no ninety years
        if spoken is not None and _after_a_year(match):
            continue  # 「19年以后才注册的」: after the year 2019, no more than nineteen years
        if spoken is not None and spoken.unit == "年" and text.startswith("半", match.end()):
            upper = spoken.upper + 0.5 if spoken.upper is not None else None  # 「两年半」: 2.5 years
            spoken = replace(spoken, value=spoken.value + 0.5, upper=upper, end=match.end() + 1)
        if spoken is not None:
            before, after = (
                text[max(0, match.start() - 1) : match.start()],
                text[match.end() : match.end() + 1],
            )
            suspect = (
                before in SIGNS
                or bool(re.match(r"[A-Za-z]", before + " "))
                or bool(re.match(r"[A-Za-z]", after))
            )
            found.append(replace(spoken, suspect=suspect) if suspect else spoken)
    return found


def mask_figures(text: str, which: Callable[[Spoken], bool] = lambda spoken: True) -> str:
    """The text with each figure `which` picks (with its bound words: 不到, 没有) masked by #,
    so that a negation in a figure's bound is not read as a denial of anything else."""
    for spoken in find_numbers(text):
        if which(spoken):
            text = text[: spoken.start] + "#" * (spoken.end - spoken.start) + text[spoken.end :]
    return text


def _after_a_year(match: re.Match[str]) -> bool:
    """「19年以后」「2019年之后」: a point in time after a calendar year, not a span of years."""
    year = match["num"] or ""
    return (
        match["unit"] == "年"
        and match["post"] in ("以后", "之后")
        and re.fullmatch(r"[12]\d|(?:19|20)\d\d", year) is not None
    )


def calendar_year(text: str, start: int, end: int, spoken: Spoken) -> bool:
    """「20年下半年」「是20年注册的」: two digits and 年 (text[start:end]) that name a year of
    the calendar, by what follows them in the text."""
    if spoken.unit != "年" or not re.fullmatch(r"[12]\d\s*年", text[start:end].strip()):
        return False
    named = _PART_OF_YEAR.match(text, end) or _POINT_BEFORE.search(text[:start])
    return bool(named) and not _SPAN_BEFORE.search(text[:start])


def plausible(spoken: Spoken, unit: str | None, value: float) -> bool:
    """Could this be a fact's figure? Not with a minus sign or inside Latin text, not a
    fraction of a count (60.5件), not beyond any real applicant (a trillion patents)."""
    if spoken.suspect or value < 0:
        return False
    exact = spoken.bound not in ("about", "more", "range")
    if unit in COUNT_UNITS and exact and value != int(value):
        return False
    return value <= LARGEST.get(unit or "", math.inf)


def spoken_units(unit: str | None) -> tuple[str, ...]:
    """The units a figure of a fact in `unit` may be said in (万元: 亿, 千万, 万, 元 …)."""
    return tuple(_COMPATIBLE.get(unit or "", {"": 1}))


def to_fact_unit(spoken: Spoken, unit: str | None) -> Interval | float | None:
    """The number in the fact's unit (exact float or an Interval), or None if the units differ."""
    factors = _COMPATIBLE.get(unit or "", {"": 1})
    if spoken.unit not in factors:
        return None
    factor = factors[spoken.unit]
    value = spoken.value * factor
    if not plausible(spoken, unit, value):
        return None  # read as not said: the checker asks for it
    if unit == "年" and value >= 1900:
        return None  # a calendar year, not a number of years
    if unit == "名" and spoken.bound == "top":
        return Interval(1.0, value)
    upper = spoken.upper * factor if spoken.upper is not None else None
    return _interval(value, spoken.bound, upper, unit)


def _interval(value: float, bound: str, upper: float | None, unit: str | None) -> Interval | float:
    if bound == "range" and upper is not None:
        return Interval(value, upper)
    if bound == "more" and upper is not None:
        return Interval(value, upper, lo_open=True, hi_open=True)
    if bound == "about":
        # a percentage within a few points; a count or sum no rougher than its last digit
        bar = APPROXIMATE_POINTS if unit == "%" else _half_last_place(value)
        margin = min(value * APPROXIMATE_SHARE, bar)
        return Interval(value - margin, value + margin, about=True)
    if bound == ">":
        return Interval(value, math.inf, lo_open=True)
    if bound == ">=":
        return Interval(value, math.inf)
    if bound == "<":
        return Interval(0.0, value, hi_open=True)
    if bound == "near":
        return Interval(value * (1 - APPROXIMATE_SHARE), value, hi_open=True, about=True)
    if bound == "<=":
        return Interval(0.0, value)
    return value


def _half_last_place(value: float) -> float:
    """Half the place of a figure's last digit that is not zero, when it has two digits or more
    (「一百一十件左右」 is said to the ten: 105 to 115, not 99 to 121); a figure of one digit
    (「八千万左右」) is no more precise than the share either way."""
    digits = Decimal(repr(float(value))).normalize().as_tuple()
    if len(digits.digits) < 2 or not isinstance(digits.exponent, int):
        return math.inf
    return 10.0**digits.exponent / 2


_AVERAGE = re.compile(either(LEXICON.fact_cues.averages))


def against_average(text: str) -> str | None:
    """「撤回率97.6%，全省平均90%出头」: the applicant's percentage (before the average word, or
    the second after it: 「全省平均89%，我们是93.5%」) against the average's (the first after
    it): "above", "below", "overlap" (the words do not settle it), or None when the text does
    not compare two such figures."""
    cue = _AVERAGE.search(text)
    if cue is None:
        return None
    # 「撤回率九十六点几，全省平均八十九左右」: a rate's figures, said with or without 「%」 (not a
    # lone numeral, 「查了一下」, nor a year, 「2023全年」)
    before = find_numbers(text[: cue.start()], default_unit="%")
    own = [f for f in before if f.unit == "%" and f.end - f.start > 1 and to_fact_unit(f, "%") is not None]
    after = normalize_numbers(text[cue.end() :])
    average = [f for f in find_numbers(after, default_unit="%") if f.unit == "%"]
    if not own and len(average) == 2 and SELF_WORDS.search(after[average[0].end : average[1].start]):
        own, average = average[1:], average[:1]  # 「全省平均89%，我们是93.5%」: the average first
    if len(own) != 1 or not average:
        return None
    mine, theirs = (_span(to_fact_unit(f, "%")) for f in (own[0], average[0]))
    if mine is None or theirs is None:
        return None
    if _wholly_above(mine, theirs):
        return "above"
    return "below" if _wholly_above(theirs, mine) else "overlap"


def _span(value: Interval | float | None) -> Interval | None:
    if value is None:
        return None
    return value if isinstance(value, Interval) else Interval.exact(float(value))


def _wholly_above(one: Interval, other: Interval) -> bool:
    """Every number of `one` is above every number of `other`: 「十几」 is below 「二十多」
    though both touch 20, for neither holds it."""
    return one.lo > other.hi or (one.lo == other.hi and (one.lo_open or other.hi_open))
