"""The assistant's public surface: questions in, replies out (the `ask --json` contract)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

from .chain import Conversation, TurnInput, build_chain, fluent_reply, writer_citations
from .compose import Composer
from .config import Settings
from .decide import EligibilityDesk
from .evidence import Relevance
from .index import Index, open_index
from .knowledge import KnowledgeBase
from .llm import LLMError, get_backend
from .model import Reply
from .retrieve import Retriever
from .wording import Thesaurus
from .writer import W_LLM_UNAVAILABLE, Writer, Written

HISTORY_TURNS = 6

__all__ = ["Assistant", "Conversation"]


class Assistant:
    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None, index: Index | None = None):
        self.settings = settings
        self.kb = kb or KnowledgeBase.load(settings.knowledge_dir)
        self.index = index or open_index(settings, self.kb)
        thesaurus = Thesaurus.load(settings.knowledge_dir)
        self.retriever = Retriever(self.index, settings.retrieval_mode, settings.rrf_k, thesaurus=thesaurus)
        relevance = Relevance(self.index.tokenizer, self.retriever.idf, thesaurus=thesaurus)
        self.composer = Composer(self.kb, relevance)
        self.desk = EligibilityDesk.load(settings.knowledge_dir, self.kb)
        backend = get_backend(settings)
        self.writer = Writer(self.kb, backend) if backend else None
        self.chain = build_chain(self.kb, self.retriever, self.composer, self.desk, self.writer)

    @property
    def mode(self) -> str:
        """Which answerer is active, for people: deterministic, or which language model."""
        return (
            f"语言模型（{self.writer.backend.name}，答案经条款核验）"
            if self.writer
            else "确定性答案（不使用语言模型）"
        )

    def ask(self, question: str, conversation: Conversation | None = None) -> Reply:
        started = time.perf_counter()
        conversation = conversation or Conversation()
        reply = self.chain.full.invoke(TurnInput(question, conversation))
        return self._done(reply, conversation, started)

    def stream(self, question: str, conversation: Conversation) -> Iterator[str | Reply]:
        """Text pieces as they come (from the language model, or the whole deterministic
        answer at once), then the final, checked Reply, which replaces what was shown."""
        started = time.perf_counter()
        state = self.chain.respond.invoke(self.chain.front.invoke(TurnInput(question, conversation)))
        if self.writer is None or not state.get("fluent"):
            reply = state["reply"]
            yield reply.answer
        else:
            citations = writer_citations(self.writer, state)
            pieces: list[str] = []
            try:
                for piece in self.writer.stream(state["turn"], conversation.history, citations):
                    pieces.append(piece)
                    yield piece
                written = self.writer.finish("".join(pieces), citations)
            except LLMError:
                written = Written("", (), (W_LLM_UNAVAILABLE,), True)
            reply = fluent_reply(self.kb, state, written)
        yield self._done(reply, conversation, started)

    def _done(self, reply: Reply, conversation: Conversation, started: float) -> Reply:
        conversation.history = [
            *conversation.history,
            (conversation.questions[-1] if conversation.questions else "", reply.answer),
        ][-HISTORY_TURNS:]
        return replace(reply, latency_ms=(time.perf_counter() - started) * 1000)
