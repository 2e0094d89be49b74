"""The assistant's public surface: questions in, replies out (the `ask --json` contract)."""

from __future__ import annotations

import time

from .chain import Conversation, TurnInput, build_chain
from .compose import Composer
from .config import Settings
from .decide import EligibilityDesk
from .evidence import Relevance
from .index import Index, open_index
from .knowledge import KnowledgeBase
from .model import Reply
from .retrieve import Retriever

__all__ = ["Assistant", "Conversation"]


class Assistant:
    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None, index: Index | None = None):
        self.settings = settings
        self.kb = kb or KnowledgeBase.load(settings.knowledge_dir)
        self.index = index or open_index(settings, self.kb)
        self.retriever = Retriever(self.index, settings.retrieval_mode, settings.rrf_k)
        relevance = Relevance(self.index.tokenizer, self.retriever.idf)
        self.composer = Composer(self.kb, relevance)
        self.desk = EligibilityDesk.load(settings.knowledge_dir, self.kb)
        self.chain = build_chain(self.kb, self.retriever, self.composer, self.desk)

    def ask(self, question: str, conversation: Conversation | None = None) -> Reply:
        started = time.perf_counter()
        reply = self.chain.invoke(TurnInput(question, conversation or Conversation()))
        return Reply(**{**reply.__dict__, "latency_ms": (time.perf_counter() - started) * 1000})
