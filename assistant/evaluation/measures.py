"""Retrieval metrics against gold clause ids.

A retrieved clause covers a gold clause when it is that clause or an ancestor of it (the
retrieved chunk then contains the gold clause's text)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from ..text.numerals import CN_DIGITS


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


def ndcg_at(retrieved: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    """Normalised discounted cumulative gain: a rank earns 1/log2(rank+1) for each gold clause
    it covers that no higher rank covered; the ideal ranking covers one gold clause per rank
    (an ancestor covering several at once can only reach 1.0, the cap)."""
    if not gold:
        return 0.0
    found: set[str] = set()
    dcg = 0.0
    for rank, clause_id in enumerate(retrieved[:k], start=1):
        new = {g for g in set(gold) - found if covers(clause_id, g)}
        if new:
            found |= new
            dcg += len(new) / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold), k) + 1))
    return min(1.0, dcg / ideal)


def precision_recall_f1(true_positives: int, predicted: int, actual: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where a denominator is zero."""
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * q
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# -- answers -----------------------------------------------------------------------------

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
