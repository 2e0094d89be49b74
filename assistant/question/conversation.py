"""The conversation: what earlier turns fixed. One per chat session, changed in one place.

Understanding reads it (to carry program, year and applicant type into a follow-up);
`Conversation.record` is the only method that changes it, once a turn is answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..thresholds import HISTORY_TURNS, QUESTIONS_AT_ONCE, STATEMENT_TURNS
from .intent import CHITCHAT, LOOKUP
from .scope import Scope

if TYPE_CHECKING:
    from ..domain import Reply
    from .understand import Understood


@dataclass
class Conversation:
    """What earlier turns fixed; one per chat session."""

    scope: Scope = field(default_factory=Scope)
    last_intent: str | None = None
    last_question: str = ""  # the last question that was not a follow-up (「那园区呢？」 adds to it)
    questions: list[str] = field(default_factory=list)  # the applicant's statements the checker reads
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, answer), for a language model
    eligibility_open: bool = False  # the last reply asked the applicant for facts
    decided: bool = False  # the last reply carried the checker's decision (any verdict)
    asked_facts: tuple[str, ...] = ()  # the facts the last reply asked about, in its order
    answered: dict[str, Any] = field(default_factory=dict)  # facts given in short answers (「没评上」)
    last_reference: str | None = None  # the clause last referred to (「五（一）」), for 「那（三）呢」
    cited_guides: tuple[str, ...] = ()  # the guides the last reply cited (none after a new topic)
    cited_clauses: tuple[str, ...] = ()  # the clauses the last reply cited (「这个谁牵头」 asks of them)

    @property
    def turns(self) -> int:
        """Questions answered so far (empty ones are not counted)."""
        return len(self.questions)

    def record(
        self,
        understood: Understood,
        reply: Reply,
        *,
        asked: bool,
        eligibility_open: bool,
        answered: dict[str, Any] | None = None,
    ) -> None:
        """A finished turn: the one place the conversation changes.

        An empty question changes nothing. Any other turn fixes the scope it was answered in,
        and its intent (a lookup or chit-chat keeps the last one) for the next 「…呢？」.
        `asked`: the question joins the statements the checker reads (a bare follow-up with
        nothing before it, and a clause reference that names no clause, do not).
        """
        turn = understood.turn
        if turn is None:
            return
        self.scope = turn.scope
        self.last_reference = turn.reference.id if turn.reference else self.last_reference
        if turn.intent != CHITCHAT:
            self.last_intent = self.last_intent if turn.intent == LOOKUP else turn.intent
            # a follow-up adds to the last question; one that names its own subject (「服务水平
            # 呢？」) is the last question now, with that subject (turn.search_text)
            followed = turn.search_text if turn.topic else self.last_question
            self.last_question = followed if understood.follow_up else turn.question
        if asked:
            self.questions = [*self.questions, turn.question][-STATEMENT_TURNS:]
        self.eligibility_open = eligibility_open
        self.decided = reply.decision is not None
        self.answered = {**self.answered, **(answered or {})}
        missing = (reply.decision or {}).get("missing_facts", []) if eligibility_open else []
        self.asked_facts = tuple(fact["key"] for fact in missing[:QUESTIONS_AT_ONCE])
        self.history = [*self.history, (turn.question, reply.answer)][-HISTORY_TURNS:]
        # the guides an answer came from, unless it left a scope the conversation had (a new topic)
        cited = tuple(dict.fromkeys(c.doc_id for c in reply.citations))
        self.cited_guides = () if understood.inherited else cited
        self.cited_clauses = tuple(c.clause_id for c in reply.citations)
