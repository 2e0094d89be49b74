"""Responding to a retrieved turn: the eligibility checker, a refusal, or the composer.

Retrieved → Responded: the deterministic reply, and what the conversation must remember
(whether the question joins the applicant's statements, whether a check waits for facts).
A language model, when one is configured, may then rewrite a fluent reply (pipeline.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..domain import Guide, Reply, WarningCode
from ..ingest.knowledge_base import KnowledgeBase
from ..question.answers import read_answers
from ..question.applicant import follows_up_on_another, turns_to_another_round
from ..question.asking import (
    asks_if_it_bears,
    asks_if_qualifies,
    asks_still_open,
    asks_yes_no,
    corrects,
    names_applying,
)
from ..question.conversation import Conversation
from ..question.intent import COMPARE, ELIGIBILITY, GENERAL, LOOKUP, SCREENING, asks_what_counts, intent
from ..question.lexicon import LEXICON, SELF_WORDS, either
from ..question.scope import APPLICANT_WORDS
from ..question.turn import Turn
from ..question.understand import Understood
from ..retrieval.for_turn import Retrieved
from ..thresholds import CASE_FACTS, TOPIC_CHARS
from .checker import STATED_FACTS, Checked, EligibilityDesk, is_statement
from .compose import Composed, Composer


@dataclass(frozen=True)
class Responded:
    """The reply to a turn, and what the conversation keeps of it."""

    retrieved: Retrieved
    reply: Reply
    asked: bool  # the question joins the statements the checker reads
    eligibility_open: bool  # a check waits for the applicant's facts
    fluent: bool  # a language model may rewrite the reply (a plain answer with citations)
    answered: dict[str, Any] = field(default_factory=dict)  # facts given as short answers this turn


class Responder:
    """`run(retrieved, conversation)` → Responded. Reads the conversation, never changes it."""

    def __init__(self, kb: KnowledgeBase, composer: Composer, desk: EligibilityDesk) -> None:
        self.kb, self.composer, self.desk = kb, composer, desk

    def run(self, retrieved: Retrieved, conversation: Conversation) -> Responded:
        understood = retrieved.understood
        turn, warnings = understood.turn, understood.warnings
        still_open = conversation.eligibility_open

        def unasked(text: str, *extra: WarningCode) -> Responded:
            return Responded(
                retrieved, Reply(text, False, warnings=(*warnings, *extra)), False, still_open, False
            )

        if turn is None:
            return unasked(self.composer.t["empty_question"])
        if understood.orphan and turn.intent == GENERAL:  # 「那2022年的呢？」 with nothing before it
            return unasked(self.composer.t["orphan_follow_up"])
        if understood.reference_error:  # numbering was written (「九、」「第三十条」) but names no clause
            return unasked(understood.reference_error, WarningCode.UNKNOWN_REFERENCE)
        statements = [*conversation.questions, turn.question]
        # 「企业能报哪几个项目」, then 「我们是无锡的工业企业，有一百多件专利…」: facts told after a
        # screening of no program screen again on them, unless they name a program to apply for
        # (「想报工业品牌」); after 「报2022年保护示范区要看哪些」 they are that program's
        after_screening = (
            conversation.last_intent == SCREENING
            and not conversation.scope.programs
            and not (understood.said.programs and names_applying(turn.question))
        )
        elsewhere = _of_another_place(understood, conversation)  # refused below, never screened
        screening = turn.intent == SCREENING or (after_screening and is_statement(turn.question))
        if screening and not elsewhere:
            if turn.intent != SCREENING:  # recorded as a screening: the next facts screen again too
                turn = replace(turn, intent=SCREENING)
                understood = replace(understood, turn=turn)
                retrieved = replace(retrieved, understood=understood)
            # 「专利转化专项哪个方向适合我们」: the directions of the program named
            within = understood.said.programs if "方向" in turn.question else ()
            screened = self.desk.screen(statements, within)
            composed = self.composer.screening(turn, screened, self.desk.kind_question())
            decisions = tuple(c.decision for c in screened if c.decision)
            reply = replace(self._reply(composed, understood), decisions=decisions)
            return Responded(retrieved, reply, True, False, False)
        # 「第十五届江苏专利奖申报截止时间」: a program no guide covers, asked of by name, is refused
        # below, though its words (专利, 申报) would open a check
        other_program = (
            understood.unknown_program is not None and not understood.said.programs
        ) or understood.unheld_document is not None
        # after a check, 「哦忘了说，是2024年度的那批」: the round named, the same check in it
        rescoped = bool(understood.said.years) and conversation.decided and self._only_scope(turn)
        if not (other_program or elsewhere) and (
            rescoped
            or self._is_eligibility_turn(
                turn, conversation, statements, understood.inherited, understood.follow_up
            )
        ):
            answers = dict(read_answers(turn.question, conversation.asked_facts, self.desk.rules))
            checked = self.desk.run(statements, {**conversation.answered, **answers})
            waiting = checked.decision is None or checked.decision["eligible"] is None
            told = bool(checked.said or checked.doubted or conversation.answered or answers)
            if (checked.decision is None or not told) and asks_still_open(turn.question):
                # 「保护示范区现在还能报吗」 with no facts to check: when the round closes (the
                # round checked, when there is one: 「22年县里报…」, then 「现在还能报吗」)
                asked = self._round_checked(turn, checked.decision)
                composed = self.composer.run(replace(asked, intent="deadline"), lambda: list(retrieved.hits))
            else:
                composed = self.composer.eligibility(turn, checked, lambda: list(retrieved.hits))
            if still_open and not answers and self._nothing_read(turn, statements, checked, conversation):
                said = turn.question if len(turn.question) <= 20 else turn.question[:20] + "……"
                note = self.composer.t["nothing_read"].format(said=said)
                composed = replace(composed, answer=f"{note}\n{composed.answer}")
            reply = self._reply(composed, understood, checked.decision)
            return Responded(
                self._of_checked(retrieved, checked.decision), reply, True, waiting, False, answers
            )
        if understood.other_places:
            composed = self.composer.not_covered_place(list(understood.other_places))
        elif understood.unheld_document:
            composed = self.composer.not_covered_document(understood.unheld_document)
        elif understood.unknown_program:
            composed = self.composer.not_covered_program(understood.unknown_program)
        elif understood.asks_outcome:
            composed = self.composer.not_covered_outcome()
        elif understood.asks_service:
            composed = self.composer.not_covered_service()
        elif understood.unstated_detail:
            composed = self.composer.not_covered_detail(understood.unstated_detail)
        elif understood.other_procedure:
            composed = self.composer.not_covered_procedure()
        else:
            composed = self.composer.run(turn, lambda: list(retrieved.hits))
        fluent = composed.answerable and bool(composed.clause_ids) and turn.intent != LOOKUP
        return Responded(retrieved, self._reply(composed, understood), True, False, fluent)

    def _guide_checked(self, decision: dict[str, Any] | None) -> Guide | None:
        """The guide of the round the checker checked, if it checked one."""
        guide_id = (decision or {}).get("round", {}).get("guide_id", "")
        return self.kb.guide(guide_id) if self.kb.has_guide(guide_id) else None

    def _round_checked(self, turn: Turn, decision: dict[str, Any] | None) -> Turn:
        """The turn asked of the one round the checker checked, if it checked one."""
        guide = self._guide_checked(decision)
        if guide is None:
            return turn
        scope = replace(turn.scope, programs=(guide.program,), years=(guide.year,), current=False)
        return replace(turn, scope=scope, guides=(guide,))

    def _of_checked(self, retrieved: Retrieved, decision: dict[str, Any] | None) -> Retrieved:
        """The turn recorded as about the program checked (「我们正在做省战略推进计划项目，尾款
        还没拨，能报吗」 of 工业品牌 names a project the applicant holds, not the one asked)."""
        turn, guide = retrieved.understood.turn, self._guide_checked(decision)
        if turn is None or guide is None:
            return retrieved
        if guide.program is None or turn.scope.programs == (guide.program,):
            return retrieved
        years = (guide.year,) if guide.year in turn.scope.years else ()
        scope = replace(turn.scope, programs=(guide.program,), years=years)
        turn = replace(turn, scope=scope, guides=scope.guides(self.kb))
        return replace(retrieved, understood=replace(retrieved.understood, turn=turn))

    def _is_eligibility_turn(
        self,
        turn: Turn,
        conversation: Conversation,
        statements: list[str],
        inherited: bool = False,
        follow_up: bool = False,
    ) -> bool:
        """「能报吗」 opens a check, whatever its length; so does a statement of the applicant's
        facts or 「想报…」. While the checker waits for facts, a message that gives some continues
        it. The checker reads every turn of the conversation. A round the rules do not cover
        (a year named with the program) gets the guide's conditions instead."""
        desk = self.desk
        comparing = turn.intent == COMPARE and not is_statement(turn.question)  # a statement compares nothing
        if turn.intent == LOOKUP or comparing or not desk.has_rules_for(statements):
            return False
        if turn.intent == ELIGIBILITY:
            return True
        if follow_up and self._asks_its_own_topic(turn, conversation, statements):
            return False
        if asks_what_counts(turn.question) and not conversation.eligibility_open:
            return False  # 「母公司报高价值专利，子公司的专利能算进去不」: a rule asked
        if conversation.eligibility_open and desk.stated(turn.question, statements) > 0:
            return True
        if conversation.eligibility_open and any(w in turn.question for w in _REMAINING):
            return True  # 「还有别的要求吗？」 while a check waits: what it still needs
        if conversation.eligibility_open and desk.doubts_asked(turn.question, conversation.asked_facts):
            return True  # 「…结果还没查到，不知道是什么等次」: the fact asked stays asked
        if conversation.eligibility_open and is_statement(turn.question):
            # a short answer (「有的」「没评上」) continues the check; a topic asked in a few words
            # (「联系电话」「材料清单」) is a question of its own when no fact of it was read
            few_words = len(turn.question) <= TOPIC_CHARS
            return (
                turn.intent == GENERAL
                or not few_words
                or bool(read_answers(turn.question, conversation.asked_facts, desk.rules))
            )
        amending = is_statement(turn.question) or corrects(turn.question)
        if conversation.decided and amending and desk.amends(turn.question, statements):
            return True  # after a decision, 「说错了，18件是三年加起来的(，结果不变吧？)」 checks again
        after_check = conversation.eligibility_open or conversation.decided
        another = follows_up_on_another(turn.question, desk.rules)
        if after_check and another:
            return True  # after a check, 「那我们区呢？…」「那园区呢」: the same check for it
        if another and _told_after_it(turn.question, desk, statements):
            return True  # 「那我们下面的XX县呢？它是…示范县，撤回率也高于…」: that one's facts, to be checked
        if (
            after_check
            and turns_to_another_round(turn.question, desk.rules)
            and desk.stated(turn.question, statements)
        ):
            return True  # 「那2024年那一轮呢？我们是…」: the check of that round, on the facts it tells
        if after_check and asks_if_qualifies(turn.question):
            # after a check, 「那我们符合吗」「说错了，…这样还行吗」 asks it again; 「网上申报可以吗」
            # (applying, with no fact of the applicant's) asks something else
            return not names_applying(turn.question) or desk.stated(turn.question, statements) > 0
        bears = asks_if_it_bears(turn.question)
        asks = asks_yes_no(turn.question) or bears
        told = desk.stated(turn.question, statements) if turn.intent == GENERAL else 0
        stated = told if asks else 0
        if asks and stated >= STATED_FACTS:
            # facts, then 「这样行不行？」「有影响吗？」: whether they qualify (「…3月20号报，来得及吧？」
            # asks the deadline)
            return True
        if bears and stated and desk.names_program(turn.question):
            return True  # 「22年工业品牌，我们去年被通报过非正常专利申请，会影响吗」: one fact, named program
        if told >= CASE_FACTS:
            return True  # a case told at length (「…听说数量可以减半？无失信，…」) is checked
        if told >= STATED_FACTS and is_statement(turn.question) and _laid_before_us(turn.question):
            return True  # 「…管委会咨询2022年度…创建：有独立的…；…」: a case laid before us
        # (the programs the turn inherited from the answer before, 「HVP新建推荐名额按什么定」 then
        # 「我们21年发明授权三千出头」, when the conversation's own scope names none)
        talked_of = conversation.scope.programs or (turn.scope.programs if inherited else ())
        if desk.checks_another_program(statements, talked_of):
            return False
        if (
            turn.intent != GENERAL
            and is_statement(turn.question)
            and (not desk.stated(turn.question, statements) or _ends_on_its_topic(turn))
            and not SELF_WORDS.search(turn.question)
        ):
            # 「高价值专利2022年网上申报截止日期」: a topic named, no fact of its own told;
            # 「南京市知识产权局的联系电话」: a phrase ending on the topic asked names no fact
            return False
        return desk.wants_check(turn.question, statements)

    def _asks_its_own_topic(self, turn: Turn, conversation: Conversation, statements: list[str]) -> bool:
        """A follow-up that asks the topic it names or inherits, not a check: 「那高校呢」 after the
        conditions asks the conditions of 高校; 「那转化专项高校方向的绩效目标呢」 after a check asks
        the goals. Not one that tells facts with it (「无失信无非正常。升级呢？」), nor, after a
        check or as a general question, one telling a fact of the applicant's rather than naming
        another type (「…战略推进计划没验收的呢」)."""
        told = self.desk.stated(turn.question, statements)
        if told >= STATED_FACTS or _told_after_it(turn.question, self.desk, statements):
            return False
        if turn.intent != GENERAL:
            return True
        after_check = conversation.eligibility_open or conversation.decided
        return not after_check and not (told and not _names_only_a_type(turn.question))

    def _only_scope(self, turn: Turn) -> bool:
        """A statement that tells no fact and asks nothing (「是2024年度的那批」), not a
        follow-up asked with 呢 (「那2022年的呢」)."""
        question = turn.question.strip(" 。！!")
        return (
            turn.intent == GENERAL
            and is_statement(question)
            and not question.endswith("呢")
            and self.desk.stated(question, [question]) == 0
            and self.desk.has_rules_for([question])
        )

    def _nothing_read(
        self, turn: Turn, statements: list[str], checked: Checked, conversation: Conversation
    ) -> bool:
        """A reply to the checker's questions from which nothing was read (「否」 when three were
        asked, 「没评上」 when two titles were): the check is the same as without it. Said so,
        rather than the same answer again unexplained."""
        if not is_statement(turn.question) or checked.decision is None:  # no check yet to compare
            return False
        before = self.desk.run(statements[:-1], dict(conversation.answered))
        return (checked.decision, checked.said, checked.doubted) == (
            before.decision,
            before.said,
            before.doubted,
        )

    def _reply(self, composed: Composed, understood: Understood, decision: dict | None = None) -> Reply:
        answer, warnings = composed.answer, understood.warnings
        if WarningCode.QUESTION_TRUNCATED in warnings:  # say which part was read
            read = understood.question
            answer = f"（内容过长，只读了其中{len(read)}字：从「{read[:12]}」到「{read[-12:]}」。）\n{answer}"
        all_warnings = tuple(dict.fromkeys([*warnings, *composed.warnings]))
        citations = tuple(self.kb.citation(clause_id) for clause_id in composed.clause_ids)
        return Reply(answer, composed.answerable, citations, decision, all_warnings)


_REMAINING = LEXICON.asking_to_apply.remaining_asks


# The applicant consulting about a program, then laying out its case after a colon
# (「…管委会咨询2022年度省知识产权保护示范区创建：有独立的…；…」)
_CONSULTING = re.compile(
    rf"(?:{either((*LEXICON.asking_to_apply.asked_about, '咨询'))})[^，,。；;？?]{{0,30}}[：:]"
)


def _told_after_it(question: str, desk: EligibilityDesk, statements: list[str]) -> bool:
    """After a follow-up's question (「那我们下面的XX县呢？」), a statement of facts of the
    program talked about (two or more): the one followed up on is weighing an application."""
    rest = re.split(r"[？?]", question, maxsplit=1)[1:]
    told = rest[0].strip(" 。，,") if rest else ""
    return bool(told) and is_statement(told) and desk.stated(told, statements) >= STATED_FACTS


_TYPE_WORDS = re.compile(
    either(sorted((w for _, words in APPLICANT_WORDS for w in words), key=len, reverse=True))
)


def _names_only_a_type(question: str) -> bool:
    """「那高校呢」「园区的呢」: a follow-up that names an applicant type and nothing else."""
    said = _TYPE_WORDS.sub(
        "", re.sub(r"^\s*(?:那么|那|如果是|要是)|(?:的)?(?:呢|的话)?[？?。！!\s]*$", "", question)
    )
    return said != question and not said.strip()


def _ends_on_its_topic(turn: Turn) -> bool:
    """The message is a phrase that ends on a word asking its intent (「…的联系电话」)."""
    spec = intent(turn.intent)
    said = turn.question.rstrip("？?。！! ")
    return spec is not None and any(said.endswith(cue) for cue in spec.cues)


def _laid_before_us(question: str) -> bool:
    """A message that consults about a program and tells its case after a colon, asking nothing."""
    return _CONSULTING.search(question) is not None


def _of_another_place(understood: Understood, conversation: Conversation) -> bool:
    """Another place's policy asked with no applicant to screen or check (「上海对PCT申请有什么
    资助政策」); not 「我们是上海的企业，能报哪些项目」, an applicant screened, nor facts told while
    a check waits (「PCT已进入美国、日本国家阶段」)."""
    turn = understood.turn
    return (
        turn is not None
        and bool(understood.other_places)
        and turn.intent != ELIGIBILITY
        and not conversation.eligibility_open
        and not is_statement(turn.question)
        and not any(w in turn.question for w in LEXICON.applicant_kinds.pronouns)
    )
