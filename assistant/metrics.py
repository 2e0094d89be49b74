"""Retrieval metrics against gold clause ids.

A retrieved clause covers a gold clause when it is that clause or an ancestor of it (the
retrieved chunk then contains the gold clause's text)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def covers(retrieved: str, gold: str) -> bool:
    return gold == retrieved or gold.startswith(retrieved + ("." if ":" in retrieved else ":"))


def recall_at(retrieved: Sequence[str], gold: Sequence[str], k: int) -> float:
    top = retrieved[:k]
    return sum(any(covers(r, g) for r in top) for g in gold) / len(gold)


def reciprocal_rank(retrieved: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    for rank, clause_id in enumerate(retrieved[:k], start=1):
        if any(covers(clause_id, g) for g in gold):
            return 1.0 / rank
    return 0.0


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * q
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# -- answers -----------------------------------------------------------------------------

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUMBER = re.compile(r"\d+(?:\.\d+)?")
MARKER = re.compile(r"\[\d+\]")
LIST_NUMBER = re.compile(r"(?m)^\s*\d{1,2}\.\s")
TITLE = re.compile(r"《[^》]*》")
META_LINE = re.compile(r"(?m)^(?:（问题|注意：|依据：|（问题过长).*$")


def normalize_text(text: str) -> str:
    """For comparing facts: NFKC (full-width → half-width), no whitespace, 两/三… before units as digits."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    return re.sub(
        r"(?<![\d一二三四五六七八九十])([一二两三四五六七八九])(?=[年个件名家项])",
        lambda m: str(CN_DIGITS[m.group(1)]),
        text,
    )


def fact_present(fact: str, answer: str) -> bool:
    return normalize_text(fact) in normalize_text(answer)


def stated_numbers(answer: str) -> list[str]:
    """The numbers an answer states as facts: not its [n] markers, list numbering, guide
    titles or the template's meta lines (notes and the 依据 line)."""
    body = META_LINE.sub("", answer)
    body = TITLE.sub("", MARKER.sub("", LIST_NUMBER.sub("", body)))
    return NUMBER.findall(unicodedata.normalize("NFKC", body).replace(" ", ""))


def unsupported_numbers(answer: str, sources: list[str], question: str = "") -> list[str]:
    """Numbers stated in the answer that appear in no cited clause (nor in the question)."""
    texts = [normalize_text(text) for text in [*sources, question]]
    pool = {n for text in texts for n in (*NUMBER.findall(text), *re.findall(r"\d+", text))}
    return [n for n in stated_numbers(answer) if n not in pool]
