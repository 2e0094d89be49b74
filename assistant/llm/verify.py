"""Checks of a language model's answer against the clauses it was given.

Every [n] marker must point at a given clause; every number, date, percentage and amount must
appear in a clause the answer cites. Sentences that fail are removed; when nothing useful is
left the caller falls back to the deterministic answer. No third-party imports here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..domain import Citation, WarningCode
from ..text.numerals import CN_DIGITS, CN_SMALL_UNITS, chinese_to_int

# A marker group: [1], [1][2] are separate groups; [1,2] / [1、2] / 【1】 are one group.
_MARKER = re.compile(r"[\[【]\s*(\d{1,2}(?:\s*[,，、]\s*\d{1,2})*)\s*[\]】]")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_LEADING_MARKERS = re.compile(r"^(?:[ \t]*[\[【]\s*\d{1,2}(?:\s*[,，、]\s*\d{1,2})*\s*[\]】])+")
# Enumeration labels are not figures: "1." / "1、" opening a line, "(1)" anywhere (after NFKC).
_LIST_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?\d{1,2}[.、)](?!\d)|\(\d{1,2}\)")
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")

# Number normalisation.
_SPACE_IN_NUMBER = re.compile(r"(?<=[\d年月日万亿千百.%])\s+(?=[\d年月日万亿千百元.%])")
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])")
_CN_DIGITS = CN_DIGITS
_CN_SMALL = CN_SMALL_UNITS
_CN_UNITS = "年|月|日|号|天|周|个|项|件|家|名|人|次|倍|岁|条|款|批|期|届|元|所|份|篇|套|台|种|类|位|小时|分钟|星期|季度|%"
_CN_NUMBER = re.compile(
    r"(?P<pre>第|百分之)?(?P<num>[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*)"
    rf"(?P<unit>{_CN_UNITS})?"
)
# A lone 一 before a classifier is usually the article "a/one" (一个、一项), not a figure to check.
_CN_ONE_COUNTED = ("年", "月", "日", "号", "天", "周", "元", "%", "倍", "岁", "小时")
_DATE = re.compile(
    r"(?<![\d?])(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?(?![\d?])"
    r"|(?<![\d.?])(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?![\d?])"
)
_NUMBER = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?P<mag>[千百万亿]*)(?P<pct>%?)")
_MAGNITUDE = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8}

Fact = tuple[str, object]  # ("num", Decimal) | ("pct", Decimal) | ("date", (y, m, d))


@dataclass(frozen=True)
class Verified:
    """A checked answer. `cited` holds the 1-based citation indexes the kept text uses."""

    text: str
    cited: tuple[int, ...]
    removed: tuple[str, ...]
    warnings: tuple[str, ...]
    fallback: bool


def verify(answer: str, citations: Sequence[Citation]) -> Verified:
    """Drop invalid markers and sentences whose figures the cited clauses do not contain."""
    warnings: list[str] = []
    text = _clean_markers(answer, len(citations), warnings)
    sentences = _split_sentences(text)
    supports = [_facts(" ".join((c.doc_title, c.clause_label, c.text)), source=True) for c in citations]
    removed: list[str] = []
    while True:  # removing a sentence may remove the only marker of a clause others relied on
        cited = _cited(sentences)
        allowed = _union(supports[i - 1] for i in cited)
        verdicts = [_supported(s, allowed) for s in sentences]
        if all(verdicts):
            break
        removed.extend(s.strip() for s, ok in zip(sentences, verdicts, strict=True) if not ok)
        sentences = [s for s, ok in zip(sentences, verdicts, strict=True) if ok]
    if removed:
        warnings.append(WarningCode.UNVERIFIED_REMOVED)
    final = _join(sentences)
    cited = _cited(sentences)
    fallback = not cited or not _CONTENT.search(_MARKER.sub("", final))
    if fallback:
        warnings.append(WarningCode.LLM_FALLBACK)
    return Verified(final, tuple(cited), tuple(removed), tuple(warnings), fallback)


def _clean_markers(answer: str, count: int, warnings: list[str]) -> str:
    """Keep markers that name a given citation; drop the others (warning once)."""

    def rewrite(match: re.Match[str]) -> str:
        numbers = [int(n) for n in re.findall(r"\d+", match.group(1))]
        valid = [n for n in numbers if 1 <= n <= count]
        if len(valid) < len(numbers) and WarningCode.CITATION_INVALID not in warnings:
            warnings.append(WarningCode.CITATION_INVALID)
        return "".join(f"[{n}]" for n in dict.fromkeys(valid))

    return _MARKER.sub(rewrite, answer)


def _split_sentences(text: str) -> list[str]:
    """Split after 。！？； and newlines; a marker right after 。 belongs to the sentence before."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text):
        lead = _LEADING_MARKERS.match(piece)
        if lead and sentences and not sentences[-1].endswith("\n"):  # a marker opening a line stays
            sentences[-1] += lead.group(0).strip()
            piece = piece[lead.end() :]
        if piece:
            sentences.append(piece)
    return sentences


def _cited(sentences: Iterable[str]) -> list[int]:
    found = (int(n) for s in sentences for m in _MARKER.finditer(s) for n in re.findall(r"\d+", m.group(1)))
    return sorted(set(found))


def _union(fact_sets: Iterable[set[Fact]]) -> set[Fact]:
    result: set[Fact] = set()
    for facts in fact_sets:
        result |= facts
    return result


def _supported(sentence: str, allowed: set[Fact]) -> bool:
    body = _LIST_LABEL.sub("", unicodedata.normalize("NFKC", _MARKER.sub("", sentence)))
    return all(_fact_allowed(fact, allowed) for fact in _facts(body))


def _fact_allowed(fact: Fact, allowed: set[Fact]) -> bool:
    kind, value = fact
    if kind == "date":
        return any(k == "date" and _date_matches(value, v) for k, v in allowed)  # type: ignore[arg-type]
    return fact in allowed


def _date_matches(wanted: tuple[int | None, ...], source: tuple[int | None, ...]) -> bool:
    return all(w is None or w == s for w, s in zip(wanted, source, strict=True))


def _join(sentences: list[str]) -> str:
    text = "".join(sentences)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --- figures ---------------------------------------------------------------------------------


def normalize_numbers(text: str) -> str:
    """Full-width to half-width, no spaces or thousands separators inside figures, Chinese
    numerals that count something as Arabic digits (三年 → 3年, 百分之五 → 5%)."""
    text = unicodedata.normalize("NFKC", text)
    text = _SPACE_IN_NUMBER.sub("", text)
    text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
    return _CN_NUMBER.sub(_convert_chinese, text)


def _convert_chinese(match: re.Match[str]) -> str:
    pre, num, unit = match.group("pre") or "", match.group("num"), match.group("unit") or ""
    if not unit and pre != "百分之":  # 二十大、十四五、第二（secondly）: not figures
        return match.group(0)
    if num == "一" and unit not in _CN_ONE_COUNTED:
        return match.group(0)
    value = chinese_to_int(num)
    if value is None:
        return match.group(0)
    if pre == "百分之":
        return f"{value}%{unit}" if unit != "%" else f"{value}%"
    return f"{pre}{value}{unit}"


def _facts(text: str, source: bool = False) -> set[Fact]:
    """The figures in a text: dates, percentages and (scaled) numbers. In a source, figures
    touching a «?» (digits lost in a damaged source) are left out: they support nothing."""
    text = normalize_numbers(text)
    facts: set[Fact] = set()
    for match in _DATE.finditer(text):
        y, m, d = (match.group(g) or match.group(g + "2") for g in ("y", "m", "d"))
        if 1 <= int(m) <= 12 and (d is None or 1 <= int(d) <= 31):
            parts = tuple(int(p) if p else None for p in (y, m, d))
            facts.add(("date", parts))
            facts.update(("num", Decimal(p)) for p in parts if p is not None)
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    for match in _NUMBER.finditer(text):
        if source and _damaged(text, match):
            continue
        value = Decimal(match.group("num"))
        for ch in match.group("mag"):
            value *= _MAGNITUDE[ch]
        facts.add(("pct" if match.group("pct") else "num", value.normalize()))
    return facts


def _damaged(text: str, match: re.Match[str]) -> bool:
    before = text[match.start() - 1] if match.start() else ""
    after_digits = text[match.end("num") : match.end("num") + 1]
    after_all = text[match.end() : match.end() + 1]
    return "?" in (before, after_digits, after_all)
