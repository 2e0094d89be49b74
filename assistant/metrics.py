"""Retrieval metrics against gold clause ids.

A retrieved clause covers a gold clause when it is that clause or an ancestor of it (the
retrieved chunk then contains the gold clause's text)."""

from __future__ import annotations

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
