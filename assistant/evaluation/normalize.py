"""Key facts compared after normalisation: full-width → half-width, no spaces, Chinese numerals
as digits (三年 → 3年, 二〇二四年 → 2024年, 百分之五 → 5%), 万/亿 amounts written out
(50万元 → 500000元, 1.5亿 → 150000000), thousands separators dropped and dates in one form
(2024-02-29, 2024/2/29, 2024年02月29号 → 2024年2月29日). Both the fact and the answer go through
the same function, so a fact matches however either side writes it."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..llm.verify import normalize_numbers
from ..text.numerals import chinese_to_int

_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_LEADING_ZERO = re.compile(r"(?<![\d.])0(\d)(?=[月日号])")
_DAY_HAO = re.compile(r"(?<=月)(\d{1,2})号")
_MAGNITUDE_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([千百万亿]*[万亿])")
_MAGNITUDE = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])")
# A Chinese numeral with a magnitude and no unit after it (利税一千五百万): still a figure.
_BARE_CN_NUMBER = re.compile(r"(?<!百分之)[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]+")


def canonical(text: str) -> str:
    """The normalised form used to compare key facts with answers."""
    return _MAGNITUDE_NUMBER.sub(_expand, digit_form(text))


def digit_form(text: str) -> str:
    """Figures as Arabic digits, 万/亿 kept (利税一千五百万 → 利税1500万), dates in one form,
    no spaces: the form in which an answer's figures are looked up in a text."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    text = normalize_numbers(_BARE_CN_NUMBER.sub(_bare_chinese, text))
    text = _ISO_DATE.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)
    text = _LEADING_ZERO.sub(r"\1", text)
    return _DAY_HAO.sub(r"\1日", text)


def _bare_chinese(match: re.Match[str]) -> str:
    numeral = match[0]
    if not any(ch in numeral for ch in "十百千万亿"):
        return numeral
    body, suffix = (numeral[:-1], numeral[-1]) if numeral[-1] in "万亿" else (numeral, "")
    if not body or any(ch in body for ch in "万亿"):
        body, suffix = numeral, ""
    value = chinese_to_int(body)
    return numeral if value is None else f"{value}{suffix}"


def _expand(match: re.Match[str]) -> str:
    value = Decimal(match[1])
    for ch in match[2]:
        value *= _MAGNITUDE[ch]
    return _plain(value)


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 500000, 0.5."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def numbers_in(text: str) -> set[str]:
    """Every number in the canonical form of a text, as plain decimals."""
    return {_plain(Decimal(n)) for n in _NUMBER.findall(canonical(text))}


_STATED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([千百万亿]*)")
_DAMAGED_FIGURE = re.compile(r"[\d.]*\?[\d.?]*[千百万亿]*")


def values_stated(text: str) -> dict[str, set[str]]:
    """Each number as written (12000) → the values it stands for there (12000万 → 120000000)."""
    found: dict[str, set[str]] = {}
    for match in _STATED.finditer(digit_form(text)):
        value = Decimal(match[1])
        for ch in match[2]:
            value *= _MAGNITUDE[ch]
        found.setdefault(match[1], set()).add(_plain(value))
    return found


def source_values(texts: list[str]) -> set[str]:
    """The values of every figure in the texts; figures touching a «?» (digits lost in a
    damaged source) stand for nothing."""
    return {v for text in texts for v in numbers_in(_DAMAGED_FIGURE.sub("?", text))}


def fact_matches(fact: str | int | float, answer: str) -> bool:
    """True when the answer states the fact. A number fact must appear as a whole number
    (93 is not found in 930); a string fact as a substring, verbatim or after normalisation."""
    if isinstance(fact, bool):
        raise TypeError("a key fact is a string or a number")
    if isinstance(fact, int | float):
        try:
            wanted = _plain(Decimal(str(fact)))
        except InvalidOperation:
            return False
        return wanted in numbers_in(answer)
    squeezed = _SPACE.sub("", fact)
    return squeezed in _SPACE.sub("", answer) or canonical(fact) in canonical(answer)
