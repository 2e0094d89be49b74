"""Questions in, replies out. This first answerer returns the best clauses verbatim; the
answering chain (composed answers, language models) builds on the same Reply contract."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .config import Settings
from .index import Index, open_index
from .knowledge import KnowledgeBase
from .model import Citation, Clause, Hit, Reply
from .retrieve import Retriever
from .scope import Scope, detect

MAX_QUESTION_CHARS = 500
SHOWN_CLAUSES = 2
CITED_CLAUSES = 3

W_DAMAGED = "source_damaged"
W_SUPERSEDED = "guide_superseded"
W_TRUNCATED = "question_truncated"
W_OUT_OF_SCOPE = "out_of_scope"


@dataclass
class Conversation:
    """What earlier turns fixed; one per chat session."""

    scope: Scope = field(default_factory=Scope)
    turns: int = 0


class Assistant:
    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None, index: Index | None = None):
        self.settings = settings
        self.kb = kb or KnowledgeBase.load(settings.knowledge_dir)
        self.index = index or open_index(settings, self.kb)
        self.retriever = Retriever(self.index, settings.retrieval_mode, settings.rrf_k)

    def ask(self, question: str, conversation: Conversation | None = None) -> Reply:
        started = time.perf_counter()
        conversation = conversation or Conversation()
        reply = self._answer(question.strip(), conversation)
        conversation.turns += 1
        return Reply(**{**reply.__dict__, "latency_ms": (time.perf_counter() - started) * 1000})

    def _answer(self, question: str, conversation: Conversation) -> Reply:
        if not question:
            return Reply("请输入您想咨询的问题，例如：「2024年度保护示范区申报截止到哪天？」", False)
        warnings: list[str] = []
        if len(question) > MAX_QUESTION_CHARS:
            question, warnings = question[:MAX_QUESTION_CHARS], [W_TRUNCATED]
        scope = detect(self.kb, question).follow(conversation.scope)
        conversation.scope = scope
        if scope.unknown_years and not scope.years:
            return self._not_covered(scope, warnings)
        hits = self.retriever.run(question, self.settings.top_k, scope.filters(self.kb))
        if not hits:
            hits = self.retriever.run(question, self.settings.top_k)
        if not hits:
            return Reply("没有在已收录的指南中找到与该问题相关的条款。", False, warnings=tuple(warnings))
        return self._verbatim(hits, warnings)

    def _verbatim(self, hits: list[Hit], warnings: list[str]) -> Reply:
        citations = tuple(self.citation(h.chunk.clause_id, h.chunk.text) for h in hits[:CITED_CLAUSES])
        blocks = [f"[{n}]《{c.doc_title}》{c.clause_label}\n{c.text}" for n, c in enumerate(citations, 1)]
        answer = "以下是最相关的条款原文：\n\n" + "\n\n".join(blocks[:SHOWN_CLAUSES])
        if any(h.chunk.damaged for h in hits[:CITED_CLAUSES]):
            warnings.append(W_DAMAGED)
        if any(not self.kb.guide(c.doc_id).is_current for c in citations):
            warnings.append(W_SUPERSEDED)
        return Reply(answer, True, citations, None, tuple(dict.fromkeys(warnings)))

    def _not_covered(self, scope: Scope, warnings: list[str]) -> Reply:
        years = "、".join(str(y) for y in scope.unknown_years)
        covered = "；".join(f"{g.year}年度《{g.title}》" for g in self.kb.guides if g.kind != "通知")
        answer = f"已收录的指南中没有{years}年度的内容，无法据此回答。目前收录：{covered}。"
        return Reply(answer, False, warnings=(*warnings, W_OUT_OF_SCOPE))

    def citation(self, clause_id: str, text: str | None = None) -> Citation:
        clause: Clause = self.kb.clause(clause_id)
        guide = self.kb.guide(clause.guide_id)
        return Citation(guide.id, guide.title, clause.id, clause.label, text or self.kb.full_text(clause))
