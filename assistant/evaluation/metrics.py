"""Deterministic scores of one turn, and their aggregates (no judge model).

A retrieved or cited clause covers a gold clause when it is that clause or an ancestor of it
(`assistant.metrics.covers`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .measures import (
    covers,
    ndcg_at,
    percentile,
    precision_recall_f1,
    recall_at,
    reciprocal_rank,
    unsupported_numbers,
)
from .normalize import digit_form, fact_matches, source_values, values_stated

ELIGIBLE, NOT_ELIGIBLE, PENDING = "符合", "不符合", "待补充"
OTHER_PROGRAM, NO_DECISION = "其他项目", "无结论"
EXPECTED_LABELS = (ELIGIBLE, NOT_ELIGIBLE, PENDING)
GOT_LABELS = (ELIGIBLE, NOT_ELIGIBLE, PENDING, OTHER_PROGRAM, NO_DECISION)

# Every aggregate, in report order; the value is the share (0..1) or milliseconds.
METRICS = (
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr@10",
    "ndcg@10",
    "citation_precision",
    "citation_recall",
    "key_fact_accuracy",
    "number_fidelity",
    "abstention_precision",
    "abstention_recall",
    "abstention_f1",
    "eligibility_accuracy",
    "latency_p50_ms",
    "latency_p95_ms",
)
METRIC_NAMES = {
    "recall@1": "检索 recall@1",
    "recall@5": "检索 recall@5",
    "recall@10": "检索 recall@10",
    "mrr@10": "检索 MRR@10",
    "ndcg@10": "检索 nDCG@10",
    "citation_precision": "引用准确率",
    "citation_recall": "引用召回率",
    "key_fact_accuracy": "要点命中率",
    "number_fidelity": "数字有据率",
    "abstention_precision": "拒答准确率",
    "abstention_recall": "拒答召回率",
    "abstention_f1": "拒答 F1",
    "eligibility_accuracy": "资格判断准确率",
    "latency_p50_ms": "耗时 p50（毫秒）",
    "latency_p95_ms": "耗时 p95（毫秒）",
}
LATENCY_METRICS = ("latency_p50_ms", "latency_p95_ms")


@dataclass(frozen=True)
class Expected:
    """What a turn should get, from the set."""

    answerable: bool
    gold: tuple[str, ...] = ()
    key_facts: tuple[str | int | float, ...] = ()
    decision: tuple[str, str, bool | None] | None = None  # (program, applicant_type, eligible)


@dataclass(frozen=True)
class Actual:
    """What the assistant did on a turn (the parts of the reply the scores use)."""

    answer: str
    answerable: bool
    cited: tuple[str, ...]
    # each cited clause's doc title, label and text: where numbers may come from (the label
    # 「四、…（二）第1项（3）」 heading a quoted clause is its citation, not a figure)
    sources: tuple[str, ...]
    retrieved: tuple[str, ...]
    decision: dict[str, Any] | None = None
    latency_ms: float = 0.0


@dataclass(frozen=True)
class Scores:
    retrieval: dict[str, float] | None  # recall@1/@5/@10, mrr@10, ndcg@10; None without gold
    citation_recall: float | None
    citation_precision: float | None
    facts_found: int
    facts_missing: tuple[str, ...]
    unsupported: tuple[str, ...]
    eligibility: tuple[str, str] | None  # (expected label, got label)
    reasons: tuple[str, ...] = field(default=())

    @property
    def failed(self) -> bool:
        return bool(self.reasons)


def score(asked: Sequence[str], expected: Expected, actual: Actual) -> Scores:
    """Score one turn. `asked` holds the conversation's questions up to this turn: figures the
    applicant stated (「有效专利80件」) may be repeated by the answer without a clause."""
    retrieval = retrieval_scores(actual.retrieved, expected.gold) if expected.gold else None
    c_recall, c_precision = citation_scores(actual.cited, expected.gold)
    missing = tuple(str(f) for f in expected.key_facts if not fact_matches(f, actual.answer))
    unsupported = unsupported_figures(actual, asked) if actual.answerable else ()
    eligibility = None
    if expected.decision is not None:
        eligibility = (label(expected.decision[2]), decision_label(actual.decision, expected.decision))
    partial = Scores(
        retrieval,
        c_recall if expected.answerable else None,
        c_precision,
        len(expected.key_facts) - len(missing),
        missing,
        unsupported,
        eligibility,
    )
    return replace(partial, reasons=failure_reasons(expected, actual, partial))


def unsupported_figures(actual: Actual, asked: Sequence[str]) -> tuple[str, ...]:
    """Numbers the answer states that neither a cited clause (nor its guide title) nor the
    conversation holds: first as digits (`assistant.metrics.unsupported_numbers`), then by
    value, so that 1.2亿元 in a question supports 12000万元 in the answer."""
    said = "\n".join([*asked, *(digit_form(q) for q in asked)])
    candidates = unsupported_numbers(actual.answer, list(actual.sources), said)
    if not candidates:
        return ()
    pool = source_values([*actual.sources, *asked])
    stated = values_stated(actual.answer)
    return tuple(n for n in candidates if not stated.get(n, set()) & pool)


def retrieval_scores(retrieved: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    return {
        "recall@1": recall_at(retrieved, gold, 1),
        "recall@5": recall_at(retrieved, gold, 5),
        "recall@10": recall_at(retrieved, gold, 10),
        "mrr@10": reciprocal_rank(retrieved, gold, 10),
        "ndcg@10": ndcg_at(retrieved, gold, 10),
    }


def citation_scores(cited: Sequence[str], gold: Sequence[str]) -> tuple[float | None, float | None]:
    """Recall: share of gold clauses a citation covers. Precision: share of citations that are
    a gold clause, an ancestor or a part of one. None where undefined (no gold, no citation)."""
    if not gold:
        return None, None
    recall = sum(any(covers(c, g) for c in cited) for g in gold) / len(gold)
    related = [c for c in cited if any(covers(c, g) or covers(g, c) for g in gold)]
    return recall, (len(related) / len(cited) if cited else None)


def label(eligible: bool | None) -> str:
    return {True: ELIGIBLE, False: NOT_ELIGIBLE, None: PENDING}[eligible]


def decision_label(decision: dict[str, Any] | None, expected: tuple[str, str, bool | None]) -> str:
    if decision is None:
        return NO_DECISION
    if (decision.get("program"), decision.get("applicant_type")) != expected[:2]:
        return OTHER_PROGRAM
    return label(decision.get("eligible"))


def failure_reasons(expected: Expected, actual: Actual, scores: Scores) -> tuple[str, ...]:
    reasons: list[str] = []
    if expected.answerable and not actual.answerable:
        reasons.append("误拒答：指南能回答，却答「未涉及」")
    if not expected.answerable and actual.answerable:
        reasons.append("应拒答却作答")
    if scores.citation_recall is not None and scores.citation_recall < 1 and actual.answerable:
        missing = [g for g in expected.gold if not any(covers(c, g) for c in actual.cited)]
        reasons.append(f"未引用标准条款：{'、'.join(missing)}")
    if scores.facts_missing:
        reasons.append(f"缺少要点：{'、'.join(scores.facts_missing)}")
    if scores.unsupported:
        reasons.append(f"引用条款中没有的数字：{'、'.join(scores.unsupported)}")
    if scores.eligibility is not None and scores.eligibility[0] != scores.eligibility[1]:
        reasons.append(f"资格判断：应为「{scores.eligibility[0]}」，实为「{scores.eligibility[1]}」")
    return tuple(reasons)


# -- aggregates -------------------------------------------------------------------------------


def summarize(turns: Sequence[tuple[Expected, Actual, Scores]]) -> dict[str, float | None]:
    """Every metric of METRICS over the turns; None where nothing was measured."""
    ranked = [s.retrieval for _, _, s in turns if s.retrieval is not None]
    result: dict[str, float | None] = {m: _mean([r[m] for r in ranked]) for m in METRICS[:5]}
    result["citation_precision"] = _mean([s.citation_precision for *_, s in turns])
    result["citation_recall"] = _mean([s.citation_recall for *_, s in turns])
    facts = sum(len(e.key_facts) for e, _, _ in turns)
    result["key_fact_accuracy"] = sum(s.facts_found for *_, s in turns) / facts if facts else None
    answered = [s for _, a, s in turns if a.answerable]
    result["number_fidelity"] = _mean([0.0 if s.unsupported else 1.0 for s in answered])
    result.update(abstention(turns))
    judged = [s.eligibility for *_, s in turns if s.eligibility is not None]
    result["eligibility_accuracy"] = _mean([1.0 if e == g else 0.0 for e, g in judged])
    latencies = [a.latency_ms for _, a, _ in turns]
    result["latency_p50_ms"] = percentile(latencies, 0.5) if latencies else None
    result["latency_p95_ms"] = percentile(latencies, 0.95) if latencies else None
    return result


def abstention(turns: Sequence[tuple[Expected, Actual, Scores]]) -> dict[str, float | None]:
    """Abstaining (answerable=false) is the positive class."""
    predicted = sum(1 for _, a, _ in turns if not a.answerable)
    actual = sum(1 for e, _, _ in turns if not e.answerable)
    if not predicted and not actual:
        return dict.fromkeys(("abstention_precision", "abstention_recall", "abstention_f1"))
    hits = sum(1 for e, a, _ in turns if not e.answerable and not a.answerable)
    precision, recall, f1 = precision_recall_f1(hits, predicted, actual)
    return {"abstention_precision": precision, "abstention_recall": recall, "abstention_f1": f1}


def confusion(judged: Sequence[tuple[str, tuple[str, str]]]) -> dict[str, dict[str, dict[str, int]]]:
    """Per program: expected label → got label → count, from (program, (expected, got)) pairs."""
    counts: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for program, pair in judged:
        counts[program][pair] += 1
    return {
        program: {e: {g: pairs[(e, g)] for g in GOT_LABELS} for e in EXPECTED_LABELS}
        for program, pairs in sorted(counts.items())
    }


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
