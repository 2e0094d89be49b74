"""The assistant: a question and its conversation in, a checked reply out.

One turn travels through the steps, each with its own home, as a LangChain chain:

    understand (question/)  question + Conversation → Understood
    retrieve   (retrieval/) Understood → Retrieved (hits, filtered by the scope)
    respond    (answering/) Retrieved → Responded (the checker's decision, or the composer's answer)
    write      (llm/)       a language model's rewrite of a fluent reply, checked; optional

then `Conversation.record` keeps what the turn fixed. `run_turn` is the one path that
`ask`, `stream` and the evaluation runner take.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from langchain_core.runnables import Runnable, RunnableLambda

from .answering.checker import EligibilityDesk
from .answering.compose import Composer
from .answering.evidence import Relevance
from .answering.respond import Responded, Responder
from .config import Settings
from .domain import Hit, Reply, WarningCode
from .errors import AssistantError
from .index.pointer import stamp
from .index.reader import Index, open_index
from .ingest.knowledge_base import KnowledgeBase
from .llm.base import LLMError, get_backend
from .llm.writer import Writer, Written
from .question.conversation import Conversation
from .question.lexicon import lexicon_pairs
from .question.understand import Understood, understand
from .retrieval.for_turn import Retrieved, TurnRetriever
from .retrieval.retriever import Retriever
from .text.thesaurus import Thesaurus, is_noun

if TYPE_CHECKING:
    from .domain import Citation

__all__ = ["Answered", "Assistant", "Conversation", "LiveAssistant", "TurnResult"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TurnResult:
    """A finished turn: the reply, and what retrieval ranked for it (for evaluation: reading
    `hits` searches when the turn itself did not need to)."""

    reply: Reply
    retrieved: Retrieved

    @property
    def hits(self) -> tuple[Hit, ...]:
        return self.retrieved.hits


@dataclass(frozen=True)
class Answered:
    """A deterministic turn answered but not yet recorded: what an answer worker sends back to
    the page (web/workers.py), which records it in the session's conversation."""

    understood: Understood
    reply: Reply
    asked: bool
    eligibility_open: bool
    answered: dict[str, Any]

    @classmethod
    def of(cls, responded: Responded, reply: Reply) -> Answered:
        understood = responded.retrieved.understood
        return cls(understood, reply, responded.asked, responded.eligibility_open, responded.answered)

    def record(self, conversation: Conversation) -> None:
        conversation.record(
            self.understood,
            self.reply,
            asked=self.asked,
            eligibility_open=self.eligibility_open,
            answered=self.answered,
        )


class Assistant:
    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None, index: Index | None = None):
        self.settings = settings
        self.kb = kb or KnowledgeBase.load(settings.knowledge_dir)
        self.index = index or open_index(settings, self.kb)
        thesaurus = Thesaurus.load(settings.knowledge_dir).with_pairs(lexicon_pairs())
        self.retriever = Retriever(self.index, settings.retrieval_mode, settings.rrf_k, thesaurus=thesaurus)
        relevance = Relevance(self.index.tokenizer, self.retriever.idf, thesaurus=thesaurus)
        self.composer = Composer(self.kb, relevance, today=settings.today)
        self.desk = EligibilityDesk.load(settings.knowledge_dir, self.kb, settings.today)
        backend = get_backend(settings)
        self.writer = Writer(self.kb, backend) if backend else None
        turn_retriever = TurnRetriever(
            self.kb,
            self.retriever,
            lambda question, hit: relevance.coverage(question, hit.chunk.embed_text),
            relevance.tokens,
            # a noun, not a verb used as one (「统一」「保护」 name no topic of their own)
            lambda word: is_noun(word, self.index.tokenizer.tag) and self.index.tokenizer.tag(word) != "vn",
            lambda word: is_noun(word, self.index.tokenizer.tag),
        )
        self.responder = Responder(self.kb, self.composer, self.desk)
        self.chain: Runnable[tuple[str, Conversation], Responded] = (
            RunnableLambda(lambda given: (understand(self.kb, *given, today=settings.today()), given[1]))
            | RunnableLambda(lambda pair: (turn_retriever.run(pair[0]), pair[1]))
            | RunnableLambda(lambda pair: self.responder.run(*pair))
        )

    @property
    def mode(self) -> str:
        """Which answerer is active, for people: deterministic, or which language model."""
        return (
            f"语言模型（{self.writer.backend.name}，答案经条款核验）"
            if self.writer
            else "确定性答案（不使用语言模型）"
        )

    def ask(self, question: str, conversation: Conversation | None = None) -> Reply:
        return self.run_turn(question, conversation or Conversation()).reply

    def answer(self, question: str, conversation: Conversation) -> Answered:
        """One turn answered without a language model, the conversation left as it was (an
        answer worker's turn: the page records it)."""
        started = time.perf_counter()
        responded = self.chain.invoke((question, conversation))
        return Answered.of(
            responded, replace(responded.reply, latency_ms=(time.perf_counter() - started) * 1000)
        )

    def stream(self, question: str, conversation: Conversation) -> Iterator[str | Reply]:
        """Text pieces as they come (from the language model, or the whole deterministic
        answer at once), then the final, checked Reply, which replaces what was shown."""
        for event in self._turn(question, conversation, streaming=True):
            yield event.reply if isinstance(event, TurnResult) else event

    def run_turn(self, question: str, conversation: Conversation) -> TurnResult:
        """One turn, start to end; the conversation records it."""
        *_, result = self._turn(question, conversation, streaming=False)
        assert isinstance(result, TurnResult)
        return result

    def _turn(self, question: str, conversation: Conversation, streaming: bool) -> Iterator[str | TurnResult]:
        started = time.perf_counter()
        responded = self.chain.invoke((question, conversation))
        reply = responded.reply
        if self.writer is not None and responded.fluent:
            citations = self.writer.clauses(
                reply.citations_ids, [h.chunk.clause_id for h in responded.retrieved.hits]
            )
            written = yield from self._write(responded, conversation, citations, streaming)
            reply = self._fluent_reply(responded, written)
        elif streaming:
            yield reply.answer
        _record(conversation, responded, reply)
        reply = replace(reply, latency_ms=(time.perf_counter() - started) * 1000)
        yield TurnResult(reply, responded.retrieved)

    def replay(self, questions: Sequence[str]) -> Conversation:
        """The conversation these questions make, answered again without a language model: a
        page reloaded in the browser gets its context back from the questions it kept."""
        conversation = Conversation()
        for question in questions:
            responded = self.chain.invoke((question, conversation))
            _record(conversation, responded, responded.reply)
        return conversation

    def _write(
        self, responded: Responded, conversation: Conversation, citations: list[Citation], streaming: bool
    ) -> Iterator[str]:
        """The language model's answer, checked (yields its pieces when streaming)."""
        assert self.writer is not None
        turn = responded.retrieved.understood.turn
        if not streaming:
            return self.writer.run(turn, conversation.history, citations)
        pieces: list[str] = []
        try:
            for piece in self.writer.stream(turn, conversation.history, citations):
                pieces.append(piece)
                yield piece
            return self.writer.finish("".join(pieces), citations)
        except LLMError:
            return Written("", (), (WarningCode.LLM_UNAVAILABLE,), True)

    def _fluent_reply(self, responded: Responded, written: Written) -> Reply:
        """The model's checked answer, or the deterministic one with the reason it was kept."""
        base = responded.reply
        if written.fallback:
            warnings = [*base.warnings, *written.warnings, WarningCode.LLM_FALLBACK]
            return replace(base, warnings=tuple(dict.fromkeys(warnings)))
        damaged = any(self.kb.is_damaged(self.kb.clause(c.clause_id)) for c in written.citations)
        extra = [WarningCode.SOURCE_DAMAGED] if damaged else []
        warnings = [*responded.retrieved.understood.warnings, *written.warnings, *extra]
        return Reply(written.answer, True, written.citations, None, tuple(dict.fromkeys(warnings)))


def _record(conversation: Conversation, responded: Responded, reply: Reply) -> None:
    Answered.of(responded, reply).record(conversation)


class LiveAssistant:
    """The assistant a long-running page serves, switched to a new index once `index` builds one.

    Each request asks for `current`; when the build pointer has changed since the assistant
    was loaded, a new one is loaded from the guides and the new index, and replaces it. Until
    then, or when the new index cannot be opened, the old one keeps answering from its own
    copy of the old build, so a rebuild never breaks a running page. Without settings (a
    fixed assistant, as in unit tests) it never switches.
    """

    def __init__(self, assistant: Assistant, settings: Settings | None = None) -> None:
        self._assistant = assistant
        self._settings = settings
        self._stamp = stamp(settings) if settings else None
        self._lock = threading.Lock()

    @property
    def current(self) -> Assistant:
        if self._settings is None:
            return self._assistant
        now = stamp(self._settings)
        if now != self._stamp:
            with self._lock:
                if now != self._stamp:
                    self._switch(self._settings, now)
        return self._assistant

    def _switch(self, settings: Settings, now: tuple[int, int, int] | None) -> None:
        try:
            self._assistant = Assistant(settings)
            log.info("switched to the newly built index")
        except AssistantError as exc:
            log.warning("the new index could not be opened; the old one keeps answering: %s", exc)
        self._stamp = now
