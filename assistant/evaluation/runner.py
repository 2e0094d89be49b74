"""Runs named configurations over the set: every conversation through the assistant, turn by
turn, each turn scored against the set (see metrics.py). A progress bar goes to stderr."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..config import Settings
from ..domain import Reply
from ..eligibility import Rules, load_rules
from ..index.reader import Index, open_index
from ..ingest.knowledge_base import KnowledgeBase
from ..pipeline import Assistant, Conversation
from .configs import CONFIGS, config_settings
from .dataset import CATEGORIES, Item, Turn, load_set
from .metrics import Actual, Expected, Scores, confusion, score, summarize


@dataclass(frozen=True)
class TurnRecord:
    item_id: str
    turn: int  # 1-based
    category: str
    tags: tuple[str, ...]
    question: str
    expected: Expected
    actual: Actual
    scores: Scores
    gold_refs: tuple[str, ...]  # short references of the gold clauses, for people
    cited_refs: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ConfigResult:
    name: str
    description: str
    retrieval_mode: str
    llm_backend: str
    records: tuple[TurnRecord, ...]
    seconds: float

    @cached_property
    def metrics(self) -> dict[str, float | None]:
        return summarize([(r.expected, r.actual, r.scores) for r in self.records])

    def by_category(self) -> dict[str, dict[str, float | None]]:
        result: dict[str, dict[str, float | None]] = {}
        for category in CATEGORIES:
            records = [r for r in self.records if r.category == category]
            if records:
                summary = summarize([(r.expected, r.actual, r.scores) for r in records])
                passed = sum(1 for r in records if not r.scores.failed)
                result[category] = {"turns": len(records), "pass_rate": passed / len(records), **summary}
        return result

    def confusion(self) -> dict[str, dict[str, dict[str, int]]]:
        judged = [
            (r.expected.decision[0], r.scores.eligibility)
            for r in self.records
            if r.expected.decision is not None and r.scores.eligibility is not None
        ]
        return confusion(judged)

    @property
    def failures(self) -> list[TurnRecord]:
        return [r for r in self.records if r.scores.failed]


@dataclass(frozen=True)
class Evaluation:
    set_path: Path
    items: int
    turns: int
    categories: dict[str, int]
    guides: dict[str, int]
    results: tuple[ConfigResult, ...]


def evaluate(
    settings: Settings,
    set_path: Path,
    configs: Sequence[str] = ("default",),
    limit: int | None = None,
    progress: bool = True,
) -> Evaluation:
    """Load and validate the set, run every configuration over it, score every turn."""
    chosen = {name: config_settings(name, settings) for name in dict.fromkeys(configs)}
    kb = KnowledgeBase.load(settings.knowledge_dir)
    rules = load_rules(settings.knowledge_dir / "rules", kb)
    items = load_set(set_path, kb, [p.id for p in rules.programs])[:limit]
    index = open_index(settings, kb)
    results = tuple(run_config(name, config, items, kb, index, progress) for name, config in chosen.items())
    turns = sum(len(item.turns) for item in items)
    categories = Counter(item.category for item in items)
    guides = guide_counts(items, kb, rules)
    return Evaluation(set_path, len(items), turns, dict(categories), guides, results)


def guide_counts(items: Sequence[Item], kb: KnowledgeBase, rules: Rules) -> dict[str, int]:
    """How many items touch each guide, through a gold clause or an expected decision."""
    program_guides = {p.id: p.guide_id for p in rules.programs}
    counts: Counter[str] = Counter()
    for item in items:
        guides = {kb.clause(g).guide_id for t in item.turns for g in t.gold}
        guides |= {program_guides[t.eligibility.program] for t in item.turns if t.eligibility}
        counts.update(guides)
    return {g.id: counts[g.id] for g in kb.guides}


def run_config(
    name: str, settings: Settings, items: Sequence[Item], kb: KnowledgeBase, index: Index, progress: bool
) -> ConfigResult:
    assistant = Assistant(settings, kb=kb, index=index)
    started = time.perf_counter()
    records: list[TurnRecord] = []
    total = sum(len(item.turns) for item in items)
    with tqdm(total=total, desc=f"评测 {name}", unit="轮", file=sys.stderr, disable=not progress) as bar:
        for item in items:
            conversation = Conversation()
            for number, turn in enumerate(item.turns, 1):
                reply, retrieved = ask(assistant, turn.question, conversation)
                records.append(record(kb, item, number, turn, reply, retrieved))
                bar.update()
    seconds = time.perf_counter() - started
    description = CONFIGS[name]
    return ConfigResult(
        name, description, settings.retrieval_mode, settings.llm_backend, tuple(records), seconds
    )


def ask(assistant: Assistant, question: str, conversation: Conversation) -> tuple[Reply, tuple[str, ...]]:
    """One turn, with the clauses retrieval ranked for it."""
    result = assistant.run_turn(question, conversation)
    return result.reply, tuple(hit.chunk.clause_id for hit in result.hits)


def record(
    kb: KnowledgeBase, item: Item, number: int, turn: Turn, reply: Reply, retrieved: tuple[str, ...]
) -> TurnRecord:
    expected = Expected(
        turn.answerable,
        turn.gold,
        turn.key_facts,
        _expected_decision(turn),
    )
    actual = Actual(
        reply.answer,
        reply.answerable,
        reply.citations_ids,
        tuple(f"{c.doc_title}\n{c.clause_label}\n{c.text}" for c in reply.citations),
        retrieved,
        reply.decision,
        reply.latency_ms,
    )
    return TurnRecord(
        item.id,
        number,
        item.category,
        item.tags,
        turn.question,
        expected,
        actual,
        score(item.questions[:number], expected, actual),
        tuple(kb.clause(g).ref for g in turn.gold),
        tuple(kb.clause(c).ref if kb.has_clause(c) else c for c in reply.citations_ids),
        reply.warnings,
    )


def _expected_decision(turn: Turn) -> tuple[str, str, bool | None] | None:
    wanted = turn.eligibility
    return None if wanted is None else (wanted.program, wanted.applicant_type, wanted.eligible)


def result_dict(result: ConfigResult) -> dict[str, Any]:
    """One configuration, for `--json`: metrics, per category, confusion tables, failures."""
    return {
        "description": result.description,
        "retrieval": result.retrieval_mode,
        "llm": result.llm_backend,
        "seconds": round(result.seconds, 2),
        "metrics": result.metrics,
        "by_category": result.by_category(),
        "eligibility_confusion": result.confusion(),
        "failures": [failure_dict(r) for r in result.failures],
    }


def failure_dict(r: TurnRecord) -> dict[str, Any]:
    return {
        "id": r.item_id,
        "turn": r.turn,
        "category": r.category,
        "question": r.question,
        "reasons": list(r.scores.reasons),
        "expected": {
            "answerable": r.expected.answerable,
            "gold": list(r.expected.gold),
            "key_facts": list(r.expected.key_facts),
            "eligibility": None
            if r.expected.decision is None
            else dict(zip(("program", "applicant_type", "eligible"), r.expected.decision, strict=True)),
        },
        "eligibility_got": None if r.scores.eligibility is None else r.scores.eligibility[1],
        "answer": r.actual.answer,
        "answerable": r.actual.answerable,
        "citations": list(r.actual.cited),
        "warnings": list(r.warnings),
    }


def evaluation_dict(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "set": str(evaluation.set_path),
        "items": evaluation.items,
        "turns": evaluation.turns,
        "categories": evaluation.categories,
        "guides": evaluation.guides,
        "configs": {r.name: result_dict(r) for r in evaluation.results},
    }
