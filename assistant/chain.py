"""The answering chain, as LangChain runnables: prepare → retrieve → respond.

prepare   question + conversation → Turn (intent, scope carried across turns, reference)
retrieve  Turn → (Turn, hits), hybrid retrieval filtered by the scope
respond   (Turn, hits) → Reply, by the deterministic composer (or a language model
          whose answer is checked against the clauses; see assistant/llm.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from .compose import DEFAULT_COMPARE_PROGRAM, W_DAMAGED, Composed, Composer
from .decide import EligibilityDesk, is_statement
from .errors import UnknownReferenceError
from .intent import CHITCHAT, COMPARE, ELIGIBILITY, GENERAL, LOOKUP, detect_intent, named_intent
from .knowledge import KnowledgeBase
from .model import Hit, Reply
from .refs import find_reference
from .retrieve import Filters, Retriever
from .scope import Scope, detect, unknown_program
from .turn import Turn
from .verify import LLM_FALLBACK
from .writer import Writer, Written

MAX_QUESTION_CHARS = 500
RETRIEVE_K = 10
# 「那园区呢？」「今年的呢」「2022年那版也是这样吗」: a follow-up that keeps the last question's intent.
ELLIPTICAL = re.compile(
    r"^(?:那|那么|还有|如果是)?.{0,16}(?:呢|的呢|怎么样|如何|也是这样吗|也一样吗|也这样吗|也是吗)[？?。!！]*$"
)
NEW_TOPIC_MARGIN = 0.25  # how much better the whole base must fit a question to drop an inherited scope
W_TRUNCATED = "question_truncated"
OTHER_PLACES = (
    "浙江",
    "上海",
    "北京",
    "广东",
    "安徽",
    "山东",
    "福建",
    "深圳",
    "杭州",
    "天津",
    "重庆",
    "四川",
    "湖北",
    "湖南",
    "河南",
    "河北",
    "江西",
    "宁波",
    "广州",
    "成都",
    "武汉",
)
JIANGSU_WORDS = (
    "江苏",
    "南京",
    "苏州",
    "无锡",
    "常州",
    "南通",
    "通州",
    "扬州",
    "镇江",
    "泰州",
    "徐州",
    "盐城",
    "淮安",
    "连云港",
    "宿迁",
    "省知识产权局",
)


@dataclass
class Conversation:
    """What earlier turns fixed; one per chat session."""

    scope: Scope = field(default_factory=Scope)
    last_intent: str | None = None
    last_question: str = ""
    questions: list[str] = field(default_factory=list)  # every turn so far
    history: list[tuple[str, str]] = field(default_factory=list)  # (question, answer) turns
    eligibility_open: bool = False  # the last reply asked the applicant for facts

    @property
    def turns(self) -> int:
        """Questions answered so far (empty ones are not counted)."""
        return len(self.questions)


@dataclass(frozen=True)
class TurnInput:
    question: str
    conversation: Conversation


@dataclass(frozen=True)
class Chain:
    """The runnables: `front` (prepare → retrieve), `respond` (the deterministic reply, or the
    checker's), `write` (the language model's answer, checked, when one is configured)."""

    front: Runnable
    respond: Runnable
    write: Runnable
    writer: Writer | None

    @property
    def full(self) -> Runnable:
        return self.front | self.respond | self.write


def build_chain(
    kb: KnowledgeBase,
    retriever: Retriever,
    composer: Composer,
    desk: EligibilityDesk | None = None,
    writer: Writer | None = None,
) -> Chain:
    def prepare(data: TurnInput) -> dict[str, Any]:
        return _prepare(kb, data)

    def retrieve(state: dict[str, Any]) -> dict[str, Any]:
        turn: Turn | None = state["turn"]
        if turn is None or turn.intent == CHITCHAT:
            return {**state, "hits": []}
        if turn.intent == COMPARE:  # each year's guide gets its own search, side by side
            return {**state, "hits": _per_guide(kb, retriever, turn)}
        hits = retriever.run(turn.search_text, RETRIEVE_K, turn.scope.filters(kb))
        if state["inherited"]:
            return _drop_stale_scope(kb, retriever, composer, state, hits)
        return {**state, "hits": hits or retriever.run(turn.search_text, RETRIEVE_K)}

    def respond(state: dict[str, Any]) -> dict[str, Any]:
        return _respond(kb, composer, desk, state)

    def write(state: dict[str, Any]) -> Reply:
        if writer is None or not state.get("fluent"):
            return state["reply"]
        citations = writer_citations(writer, state)
        return fluent_reply(kb, state, writer.run(state["turn"], state["conversation"].history, citations))

    front = RunnableLambda(prepare) | RunnableLambda(retrieve)
    return Chain(front, RunnableLambda(respond), RunnableLambda(write), writer)


def _per_guide(kb: KnowledgeBase, retriever: Retriever, turn: Turn) -> list[Hit]:
    """A comparison's hits: each year's guide searched on its own, best of each first."""
    program = turn.scope.programs[0] if turn.scope.programs else DEFAULT_COMPARE_PROGRAM
    guides = [g for g in kb.guides if g.program == program]
    found = [retriever.run(turn.search_text, RETRIEVE_K, Filters(guide_ids=(g.id,))) for g in guides]
    return [hit for rank in zip_longest(*found) for hit in rank if hit is not None]


def writer_citations(writer: Writer, state: dict[str, Any]) -> list:
    return writer.clauses(state["reply"].citations_ids, [h.chunk.clause_id for h in state["hits"]])


def fluent_reply(kb: KnowledgeBase, state: dict[str, Any], written: Written) -> Reply:
    """The model's checked answer, or the deterministic one with the reason it was kept."""
    base: Reply = state["reply"]
    if written.fallback:
        return replace(base, warnings=tuple(dict.fromkeys([*base.warnings, *written.warnings, LLM_FALLBACK])))
    damaged = any(kb.is_damaged(kb.clause(c.clause_id)) for c in written.citations)
    extra = [W_DAMAGED] if damaged else []
    warnings = tuple(dict.fromkeys([*state["warnings"], *written.warnings, *extra]))
    return Reply(written.answer, True, written.citations, None, warnings)


def _prepare(kb: KnowledgeBase, data: TurnInput) -> dict[str, Any]:
    question, conversation = data.question.strip(), data.conversation
    warnings: list[str] = []
    if len(question) > MAX_QUESTION_CHARS:
        question, warnings = question[:MAX_QUESTION_CHARS], [W_TRUNCATED]
    if not question:
        return {
            "turn": None,
            "warnings": warnings,
            "conversation": conversation,
            "error": None,
            "inherited": False,
        }
    reference, error = _reference(kb, question)
    name = detect_intent(question, has_reference=reference is not None)
    follow_up = name == GENERAL and ELLIPTICAL.match(question) is not None and conversation.last_intent
    if follow_up:  # 「绩效目标呢？」 names its own intent; 「那园区呢？」 keeps the last one
        name = named_intent(question)
        name = conversation.last_intent or GENERAL if name == GENERAL else name
    said = detect(kb, question)
    # An answer to the checker's questions (「2022年被评为…」) gives facts, not a new scope.
    facts_turn = conversation.eligibility_open and name == GENERAL
    scope = conversation.scope if facts_turn else said.follow(conversation.scope)
    search = f"{conversation.last_question} {question}" if follow_up else question
    turn = Turn(
        question=question,
        intent=name,
        scope=scope,
        guides=scope.guides(kb),
        reference=reference,
        default_year=bool(
            scope.programs
            and not scope.years
            and len({g.year for g in kb.guides if g.program in scope.programs}) > 1
        ),
        search_text=search,
    )
    places = (
        [p for p in OTHER_PLACES if p in question] if not any(w in question for w in JIANGSU_WORDS) else []
    )
    inherited = bool(conversation.scope.programs) and not said.programs and not follow_up and not reference
    conversation.scope = scope
    if name not in (CHITCHAT,):
        conversation.last_intent = name if name != LOOKUP else conversation.last_intent
        conversation.last_question = question if not follow_up else conversation.last_question
    return {
        "turn": turn,
        "warnings": warnings,
        "conversation": conversation,
        "error": error,
        "places": places,
        "program": None if said.programs or reference else unknown_program(kb, question),
        "orphan": ELLIPTICAL.match(question) is not None and not conversation.questions and not said.programs,
        "said": said,
        "inherited": inherited,
    }


def _drop_stale_scope(
    kb: KnowledgeBase, retriever: Retriever, composer: Composer, state: dict[str, Any], hits: list[Hit]
) -> dict[str, Any]:
    """A question that names no program inherits the last one; but when the whole knowledge
    base answers it much better (「江苏专利奖奖多少」 after a 地理标志 question), it is a new
    topic, and the inherited scope is dropped."""
    turn: Turn = state["turn"]
    free = retriever.run(turn.question, RETRIEVE_K)

    def fit(found: list[Hit]) -> float:
        return composer.relevance.coverage(turn.question, found[0].chunk.embed_text) if found else 0.0

    if not free or fit(free) < fit(hits) + NEW_TOPIC_MARGIN:
        return {**state, "hits": hits or free}
    said: Scope = state["said"]
    fresh = replace(turn, scope=said, guides=said.guides(kb), search_text=turn.question, default_year=False)
    state["conversation"].scope = said
    return {**state, "turn": fresh, "hits": free}


def _reference(kb: KnowledgeBase, question: str) -> tuple[Any, str | None]:
    """The clause a question names by reference, or an error text when the reference is wrong."""
    try:
        return find_reference(kb, question), None
    except UnknownReferenceError as exc:
        return None, str(exc)


def _respond(
    kb: KnowledgeBase, composer: Composer, desk: EligibilityDesk | None, state: dict[str, Any]
) -> dict[str, Any]:
    turn: Turn | None = state["turn"]
    warnings = list(state["warnings"])
    if turn is None:
        return {**state, "reply": Reply(composer.t["empty_question"], False, warnings=tuple(warnings))}
    if state.get("orphan") and turn.intent == GENERAL:  # 「那2022年的呢？」 with nothing before it
        return {**state, "reply": Reply(composer.t["orphan_follow_up"], False, warnings=tuple(warnings))}
    if state.get("error") and detect_intent(turn.question) == LOOKUP:
        return {**state, "reply": Reply(state["error"], False, warnings=(*warnings, "unknown_reference"))}
    conversation: Conversation = state["conversation"]
    conversation.questions.append(turn.question)
    if desk is not None and _is_eligibility_turn(turn, conversation, desk):
        checked = desk.run(conversation.questions)
        conversation.eligibility_open = checked.decision is None or checked.decision["eligible"] is None
        return {
            **state,
            "reply": _reply(
                kb, composer.eligibility(turn, checked, state["hits"]), warnings, checked.decision
            ),
        }
    conversation.eligibility_open = False
    if state.get("places"):
        composed = composer.not_covered_place(state["places"])
    elif state.get("program"):
        composed = composer.not_covered_program(state["program"])
    else:
        composed = composer.run(turn, state["hits"])
    fluent = composed.answerable and bool(composed.clause_ids) and turn.intent != LOOKUP
    return {**state, "reply": _reply(kb, composed, warnings), "fluent": fluent}


def _is_eligibility_turn(turn: Turn, conversation: Conversation, desk: EligibilityDesk) -> bool:
    """「能报吗」 opens a check, and so does 「想报…」 with facts; while the checker waits for
    facts, plain answers continue it. The checker reads every turn of the conversation. A
    round of a year the rules do not cover (2022 保护示范区) gets the guide's conditions."""
    if turn.scope.years and not desk.has_rules_for(conversation.questions, {g.id for g in turn.guides}):
        return False
    if turn.intent == ELIGIBILITY:
        return True
    if conversation.eligibility_open and turn.intent in (GENERAL, COMPARE) and is_statement(turn.question):
        return True
    return turn.intent in (GENERAL, "conditions") and desk.wants_check(turn.question, conversation.questions)


def _reply(kb: KnowledgeBase, composed: Composed, warnings: list[str], decision: dict | None = None) -> Reply:
    citations = tuple(kb.citation(clause_id) for clause_id in composed.clause_ids)
    if W_TRUNCATED in warnings:
        composed_answer = f"（问题过长，只按前{MAX_QUESTION_CHARS}个字回答。）\n{composed.answer}"
    else:
        composed_answer = composed.answer
    all_warnings = tuple(dict.fromkeys([*warnings, *composed.warnings]))
    return Reply(composed_answer, composed.answerable, citations, decision, all_warnings)
