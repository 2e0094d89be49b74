"""Language-model answers, checked before they are shown.

The model sees only the numbered clauses the chain retrieved and the conversation; its
answer goes through `verify` (every [n] must name a given clause, every figure must be in a
cited clause). What fails is removed; when too little is left, or the model cannot be
reached, the deterministic answer is used and the reply's warnings say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..domain import Citation, WarningCode
from ..ingest.knowledge_base import KnowledgeBase
from ..question.turn import Turn
from ..thresholds import LLM_CITATIONS, LLM_CLAUSE_CHARS, LLM_ONE_CLAUSE_CHARS
from .base import Backend, LLMError, as_runnable, build_messages
from .verify import verify

CLAUSE_HEADER = re.compile(r"\[\d{1,2}\][^\n]{2,80} · ")  # how the prompt lists clauses
PROMPT_SCAFFOLDING = ("【条款】", "【对话记录】", "【问题】", "<<<", ">>>", "编号 [n]")
MARKER = re.compile(r"\[(\d{1,2})\]")


@dataclass(frozen=True)
class Written:
    answer: str
    citations: tuple[Citation, ...]
    warnings: tuple[WarningCode, ...]
    fallback: bool


class Writer:
    """Writes a fluent answer with a language model from the clauses the chain chose."""

    def __init__(self, kb: KnowledgeBase, backend: Backend) -> None:
        self.kb = kb
        self.backend = backend
        self.runnable = as_runnable(backend)

    def clauses(self, chosen: Sequence[str], retrieved: Sequence[str]) -> list[Citation]:
        """The clauses the model may cite: the composer's first, then the best retrieved."""
        picked = [self.kb.citation(clause_id) for clause_id in dict.fromkeys(chosen)]
        budget = LLM_CLAUSE_CHARS - sum(len(c.text) for c in picked)
        for clause_id in dict.fromkeys(retrieved):
            if len(picked) >= LLM_CITATIONS or clause_id in chosen:
                continue
            candidate = self.kb.citation(clause_id)
            if len(candidate.text) <= min(budget, LLM_ONE_CLAUSE_CHARS):
                picked.append(candidate)
                budget -= len(candidate.text)
        return picked

    def stream(
        self, turn: Turn, history: Sequence[tuple[str, str]], citations: list[Citation]
    ) -> Iterator[str]:
        messages = build_messages(turn.question, history, citations)
        yield from self.runnable.stream(messages)

    def finish(self, raw: str, citations: list[Citation]) -> Written:
        """Check the model's text; keep only the clauses it cites, renumbered from [1]."""
        if any(mark in raw for mark in PROMPT_SCAFFOLDING) or CLAUSE_HEADER.search(raw):  # prompt echoed
            return Written("", (), (WarningCode.LLM_PROMPT_ECHO,), True)
        checked = verify(raw, citations)
        if checked.fallback:
            return Written("", (), tuple(checked.warnings), True)
        order = {old: new for new, old in enumerate(checked.cited, start=1)}
        text = MARKER.sub(lambda m: f"[{order.get(int(m.group(1)), m.group(1))}]", checked.text)
        kept = tuple(citations[i - 1] for i in checked.cited)
        return Written(text.strip(), kept, tuple(checked.warnings), False)

    def run(self, turn: Turn, history: Sequence[tuple[str, str]], citations: list[Citation]) -> Written:
        try:
            raw = "".join(self.stream(turn, history, citations))
        except LLMError:
            return Written("", (), (WarningCode.LLM_UNAVAILABLE,), True)
        return self.finish(raw, citations)
