"""Numbers in applicants' words: 「2500万」「1.2亿元」「百分之四」「超过150件」「前10位」「五年多」.

A number is read with its unit and any bound word around it, then converted to a fact's unit
(money to 万元). Bounds become intervals: 「超过2000万」 is (2000, ∞), 「前10位」 is [1, 10].
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..eligibility.rules import Interval
from ..text.numerals import CN_DIGITS, CN_SMALL_UNITS

_DIGITS = CN_DIGITS
_UNITS = CN_SMALL_UNITS

_GT = "超过|多于|高于|大于|不止|逾"
_GE = "不低于|不少于|至少|起码|最少|达到|满"
_LT = "不到|不足|低于|少于|小于|未满|不满"
_LE = "不超过|不高于|最多|至多"
NUMBER_PATTERN = re.compile(
    rf"(?P<pre>{_LE}|{_GE}|{_LT}|{_GT}|第|前)?"
    r"(?P<pct>百分之)?"
    r"(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
    r"(?P<more>多|余)?"
    r"(?P<unit>亿元|亿|千万元|千万|万元|万|元|个百分点|个点|件|个|项|人|名|位|家|%|年)?"
    r"(?P<more2>多)?"
    r"(?P<post>以上|以下|左右|以内|之内)?"
)

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
    """One number as said: its value in the spoken unit, the unit, and the bound it states."""

    value: float
    unit: str
    bound: str  # "=", ">", ">=", "<", "<=", "top"
    start: int
    end: int


def chinese_to_number(text: str) -> float | None:
    """「十二」→12, 「两千五百」→2500, 「三点五」→3.5; None when it is not a plain numeral."""
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = chinese_to_number(whole) if whole else 0.0
        digits = "".join(str(_DIGITS.get(ch, "x")) for ch in frac)
        return None if head is None or not digits.isdigit() else float(f"{int(head)}.{digits}")
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return float(total + current)


def _bound(match: re.Match[str]) -> str:
    pre, post = match["pre"] or "", match["post"] or ""
    if match["more"] or match["more2"] or re.fullmatch(_GT, pre):
        return ">"
    if post == "以上" or re.fullmatch(_GE, pre):
        return ">="
    if re.fullmatch(_LT, pre):
        return "<"
    if post in ("以下", "以内", "之内") or re.fullmatch(_LE, pre):
        return "<="
    return "top" if pre == "前" else "="


def find_numbers(text: str) -> list[Spoken]:
    """Every number in `text` with its unit and bound, left to right."""
    found = []
    for match in NUMBER_PATTERN.finditer(text):
        raw = match["num"]
        is_arabic = raw[0].isdigit()
        value = float(raw) if is_arabic else chinese_to_number(raw)
        marked = match["unit"] or match["pct"] or match["pre"] in ("第", "前")
        if value is None or not (is_arabic or marked):
            continue  # 「一定」「三年内」-like words are not numbers without a unit
        unit = "%" if match["pct"] else (match["unit"] or "")
        found.append(Spoken(value, unit, _bound(match), match.start(), match.end()))
    return found


def to_fact_unit(spoken: Spoken, unit: str | None) -> Interval | float | None:
    """The number in the fact's unit (exact float or an Interval), or None if the units differ."""
    factors = _COMPATIBLE.get(unit or "", {"": 1})
    if spoken.unit not in factors:
        return None
    value = spoken.value * factors[spoken.unit]
    if unit == "年" and value >= 1900:
        return None  # a calendar year, not a number of years
    if unit == "名" and spoken.bound == "top":
        return Interval(1.0, value)
    return _interval(value, spoken.bound)


def _interval(value: float, bound: str) -> Interval | float:
    if bound == ">":
        return Interval(value, math.inf, lo_open=True)
    if bound == ">=":
        return Interval(value, math.inf)
    if bound == "<":
        return Interval(0.0, value, hi_open=True)
    if bound == "<=":
        return Interval(0.0, value)
    return value
