"""Understanding a question in its conversation: one step, one typed result.

question + Conversation → Understood: the turn (intent, scope carried across turns, a clause
reference), and what the answer must know besides (a reference that names no clause, places
or programs the guides do not cover, a follow-up with nothing before it). It reads the
conversation and never changes it (`Conversation.record` does, once the turn is answered).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..domain import Clause, Guide, WarningCode
from ..errors import UnknownReferenceError
from ..ingest.knowledge_base import KnowledgeBase
from ..text.tokens import visible
from ..thresholds import MAX_QUESTION_CHARS
from .asking import (
    asking_part,
    asks,
    asks_for_itself,
    asks_outcome,
    asks_service,
    asks_which_programs,
    last_sentence,
    split_asks,
)
from .conversation import Conversation
from .intent import (
    CHITCHAT,
    COMPARE,
    ELIGIBILITY,
    GENERAL,
    LOOKUP,
    SCREENING,
    asks_to_compare,
    asks_what_counts,
    detect_intent,
    generic_list_word,
    intent,
    matter_intent,
    named_intent,
)
from .lexicon import LEXICON, SELF_WORDS, either
from .not_covered import asks_exception, asks_own_case, other_matter, unstated_detail
from .pointers import (
    counterpart_item,
    named_sibling,
    next_item,
    nth_condition,
    ordinal_item,
    ordinal_of_kind,
    pointed_item,
    same_place_for_type,
    typed_ordinal_item,
)
from .references import find_in_guides, find_reference
from .scope import (
    ANNUAL_KINDS,
    APPLICANT_WORDS,
    COUNTY,
    Scope,
    attachment_talked_about,
    attachments_by_title,
    detect,
    document_pointed_at,
    types_named,
    unheld_document,
    unknown_program,
    with_full_years,
    without_program_names,
)
from .turn import Turn

# 「那园区呢？」「今年的呢」「2022年那版也是这样吗」: a follow-up that keeps the last question's intent.
# 「这条…吗」「这种排名要求吗」: what was just asked about, pointed back to
_POINTER = r"(?:这一?条|这个|这一?项|这些|这种|这类|这样的?|同样的?)[^，,。？?]{0,6}吗"
ELLIPTICAL = re.compile(
    # 「…会怎么样」 asks what follows (a consequence), not the last question of another thing
    r"^(?:那|那么|还有|如果是)?.{0,16}(?:呢|的呢|(?<![会将])(?:怎么样|如何)|也是这样吗|(?:也|都)(?:是)?一样(?:吗|么|嘛|不|的吗)|也这样吗|也是吗"
    # 「县里也有这条吗」「2024年还卡这个排名吗」「24年还有这种排名要求吗」: the last question's
    # topic, asked of another
    # (「县里也是这个数吗」: the same figure asked of another)
    rf"|(?:也|还)(?:有|要|需要|适用|卡|算|是){_POINTER})[？?。!！]*$"
)
POINTS_BACK = re.compile(rf"{_POINTER}[？?。!！]*$")
# 「县里一样吗」「那园区呢一样不」: a few words of another subject, the same asked again (not
# 「新建和升级…一样吗」, which compares two)
SAME_AGAIN = re.compile(
    r"^(?:那|那么)?[^，,。？?和跟与同]{1,6}?(?:是不是|是)?一样(?:吗|么|嘛|不|的吗)[？?。!！]*$"
)


@dataclass(frozen=True)
class Understood:
    """What understanding read from one question. Every field is always present."""

    question: str  # as read: stripped; of a long text, the part that asks (MAX_QUESTION_CHARS)
    turn: Turn | None  # None: the question was empty
    warnings: tuple[WarningCode, ...] = ()
    reference_error: str | None = None  # a clause reference was written but names no clause
    other_places: tuple[str, ...] = ()  # places outside Jiangsu the question asks about
    unknown_program: str | None = None  # a program asked about by name that no guide covers
    unheld_document: str | None = None  # a document asked for what it says, that no guide is
    orphan: bool = False  # a bare follow-up (「那2022年的呢？」) with nothing before it
    said: Scope = field(default_factory=Scope)  # what the question itself says, before anything is inherited
    # the program comes from earlier turns, not from this question, and may be a stale topic
    # (not after an eligibility turn: an applicant who asked to apply asks next about that program)
    inherited: bool = False
    follow_up: bool = False  # 「…呢？」: keeps the last question's intent and subject
    last_question: str = ""  # of a follow-up, the question it follows (what it asks, and of what)
    # how to do something the guides hold no procedure for (「驰名商标认定要走什么流程」): no
    # program in the conversation, and the question names more than applying itself
    other_procedure: bool = False
    asks_outcome: bool = False  # what a round came to (「最后立项了哪些地区」): in no guide
    asks_service: bool = False  # work no guide does (「帮我把申报书写出来」「哪家机构靠谱」)
    unstated_detail: str | None = None  # a detail of practice no guide gives (邮编, 周末, 个税)


def read_part(question: str) -> tuple[str, int]:
    """What of a question is read, and the length of the whole as seen: invisible characters
    and outer spaces dropped; of a long paste (beyond MAX_QUESTION_CHARS), its question with
    what comes just before it. The chat shows the same part (web/chat.py)."""
    whole = visible(question).strip()
    if len(whole) <= MAX_QUESTION_CHARS:
        return whole, len(whole)
    return asking_part(whole, MAX_QUESTION_CHARS), len(whole)


def understand(
    kb: KnowledgeBase, question: str, conversation: Conversation, today: date | None = None
) -> Understood:
    """One question read in its conversation; `today` dates 「今年」「去年」 (the rounds asked)."""
    question, length = read_part(question)
    cut = length > MAX_QUESTION_CHARS
    warnings: tuple[WarningCode, ...] = (WarningCode.QUESTION_TRUNCATED,) if cut else ()
    if not question:
        return Understood(question, None, warnings)
    said = detect(kb, question, today)
    if not said.programs and conversation.questions:  # 「附件3的联系人是谁」 of the notice talked about
        talked = (
            *conversation.scope.guides(kb),
            *(kb.guide(g) for g in conversation.cited_guides if kb.has_guide(g)),
        )
        if attached := attachment_talked_about(kb, question, talked):
            programs = tuple(dict.fromkeys(g.program for g in attached if g.program))
            said = replace(said, programs=programs, years=tuple(sorted({g.year for g in attached})))
    # a year alone (「24版指南 三（一）」) names the guide a reference is in when it has one guide
    said_guides = said.guides(kb)
    reference, error = _reference(kb, question, conversation, said_guides if said.years else (), said_guides)
    name = detect_intent(question, has_reference=reference is not None)
    if name == LOOKUP and reference is None:
        name = matter_intent(question)  # 「…真抓实干那条具体怎么写的」: no clause named, a matter asked
    # 「…快速维权中心也没有。那这样呢？」: facts, then the last question asked again of them
    # 「24年的呢，换人没」: a clause of a round alone opens the message, the rest naming no intent
    # (not 「材料呢，怎么交」, a subject of its own)
    elliptical = (
        ELLIPTICAL.match(question)
        or ELLIPTICAL.match(last_sentence(question))
        or _opens_with_a_round(kb, question)
        or SAME_AGAIN.match(question)
    )
    follow_up = bool(name == GENERAL and elliptical and conversation.last_intent)
    if follow_up:  # 「绩效目标呢？」 names its own intent; 「那园区呢？」 keeps the last one
        # 「还有这种排名要求吗」: what it names after 这种 is the last question's, asked again
        name = GENERAL if POINTS_BACK.search(question) else named_intent(question)
        name = conversation.last_intent or GENERAL if name == GENERAL else name
    name = generic_list_word(question, name, conversation.last_intent)  # 「多了哪些要求」 of goals
    if (
        name not in (ELIGIBILITY, LOOKUP, SCREENING)
        and asks_for_itself(question, conversation.questions)
        and not asks_what_counts(question)
    ):
        name = ELIGIBILITY  # 「能不能由协会自己申报…」 of the 协会 the applicant said it is
    if name == ELIGIBILITY and _A_CLASS.search(question) and not SELF_WORDS.search(question):
        name = GENERAL  # 「已经牵头做过…项目的企业还能报22年新建项目吗」: a rule asked of a class
    if name == ELIGIBILITY and not said.programs and asks_own_case(question):
        name = GENERAL  # 「商标被抢注了，帮我判断一下官司能不能赢」: a case of its own, no program to check
    if name == ELIGIBILITY and asks_exception(kb, question):
        name = GENERAL  # 「专利转化项目能申请延期结项吗」: what is applied for is leave, not the program
    if name == SCREENING and len(said.programs) == 1:
        # 「专利转化专项里面向中小企业有提什么许可方式吗」: the program named is the one asked of; what
        # the rest of the question asks decides (no screening unless it asks which programs)
        named_aside = without_program_names(kb, question)
        name = SCREENING if asks_which_programs(named_aside) else detect_intent(named_aside)
    if name == ELIGIBILITY and said.programs and not any(g.kind in ANNUAL_KINDS for g in said.guides(kb)):
        name = GENERAL  # 「…能进财务报表么，强省政策里怎么讲的」: a policy or plan has no one to check
    if name == ELIGIBILITY and len(said.programs) != 1 and asks_which_programs(question):
        # 「能申报哪些项目？保护示范区、地理标志这些都能报吗」: programs as examples; 「市政府能报哪些
        # 项目？…先看主体能不能报」: no program to check, the one asked which
        name = SCREENING
    if (
        len(said.programs) >= 2
        and name not in (LOOKUP, COMPARE)
        and (asks_to_compare(question) or _EACH.search(question))
    ):
        name = COMPARE  # 「地理标志和工业品牌的申报主体有啥不一样」「…的要求各是多少」: side by side
    if (
        (name == GENERAL or (name not in _ONE_ASK and _EACH.search(question)))
        and _JOINED_ROUNDS.search(with_full_years(kb, question))
        and len(said.years) == 2
    ):  # 「执法案件的绩效指标，22版和24版怎么要求的」「22年和24年…真抓实干分别看哪一年的」: each round's
        name = COMPARE
    # 「这个号码跟高价值专利那边的一样吗」 after 地标's contact: the last topic, compared with the
    # program named
    compared_back = _compares_with_another(question, said, conversation, name)
    if compared_back:
        name = COMPARE
    # An answer to the checker's questions (「2022年被评为…」) gives facts, not a new scope.
    # (「24年指南对同一辖区立项是怎么规定的？」 while the checker waits: a question of another round)
    other_round = bool(said.years) and said.years != conversation.scope.years and asks(question)
    facts_turn = conversation.eligibility_open and name == GENERAL and not other_round
    before = _scope_so_far(kb, conversation, question)
    scope = conversation.scope if facts_turn else said.follow(before)
    if name != ELIGIBILITY and (
        _a_term_of_the_document(kb, said, before, question, name)
        or (name == GENERAL and _a_term_just_quoted(kb, said, question, conversation))
    ):
        scope = before  # 「保护示范区方面有目标吗」 of the 通州 plan: its own term, not the program
    if _names_own_project(said, before, question):
        scope = replace(scope, programs=before.programs, years=before.years)  # a fact, not a switch
    scope = _admitted_type(kb, scope, before, name)
    if compared_back and said.programs:
        scope = replace(scope, programs=(*before.programs, *said.programs))
    if name != ELIGIBILITY and _no_round_that_year(kb, scope):
        # 「2024年度专利转化…」, then 「那24年高校方向截止时间呢」: no round of the program that year
        scope = replace(scope, years=(), unknown_years=tuple(sorted({*scope.unknown_years, *scope.years})))
    if reference is not None:  # the guide a reference names is what the conversation is about now
        guide = kb.guide(reference.guide_id)
        scope = replace(scope, programs=(guide.program,), years=(guide.year,), unknown_years=())
    guides = scope.guides(kb)
    if (
        name == "responsible"
        and _names_nothing(name, question)
        and _guides_say(kb, guides, "联系人")
        and not _guides_say(kb, guides, "责任单位")
    ):
        name = "contact"  # a bare 「谁负责」 of a guide with a contact and no units responsible
    if (
        name == "responsible"
        and "牵头" in question
        and guides
        and not _guides_say(kb, guides, "责任单位")
        and not _guides_say(kb, guides, "按职责分工负责")
    ):
        name = "applicants"  # 「高价值升级项目由谁牵头」 of a guide that assigns no units: who applies
    if name == "applicants" and _names_conditions_part(kb, guides, question):
        name = "conditions"  # 「高价值专利升级项目谁有资格报」: the conditions of that part
    if name == "conditions" and not _guides_say(kb, guides, "申报条件"):
        name = GENERAL  # 「通州方案里对快维中心有什么要求」: a plan has tasks, no conditions to apply
    turn = Turn(
        question=question,
        intent=name,
        scope=scope,
        guides=scope.guides(kb),
        reference=reference,
        compared=_compared_rounds(kb, question, said, reference) or _compared_types(kb, question, reference),
        default_year=_default_year(kb, scope),
        # a follow-up, or who is responsible for what was just answered (「谁负责？」), is read
        # with the question before it
        search_text=with_full_years(
            kb,
            attachments_by_title(  # 「苏知发〔2021〕140号附件4」: searched by its guide's title
                kb,
                f"{conversation.last_question} {question}"
                if follow_up
                or compared_back
                or (name == "responsible" and conversation.cited_clauses and _names_nothing(name, question))
                else question,
            ),
        ),
        previous=tuple(kb.clause(c) for c in conversation.cited_clauses if kb.has_clause(c)),
    )
    if name not in _ONE_ASK and reference is None and not follow_up:
        turn = replace(turn, asks=_each_ask(kb, turn))
    # 「那南通全市的呢」 after 「通州区2023年实际…拥有量是多少」: the same question of another place,
    # body or round, which no guide answers for the same reason
    asked = (
        f"{conversation.last_question} {question}" if follow_up and _scope_only(kb, question) else question
    )
    return Understood(
        question,
        turn,
        warnings,
        reference_error=error,
        other_places=(*_other_places(asked), *_other_counties(kb, question, guides)),
        unknown_program=None if reference else unknown_program(kb, question, bool(said.programs)),
        unheld_document=None if reference else _unheld_document(kb, question, conversation),
        orphan=bool(ELLIPTICAL.match(question)) and not conversation.questions and not said.programs,
        said=said,
        inherited=bool(before.programs)
        and not said.programs
        and not follow_up
        and not reference
        and conversation.last_intent != ELIGIBILITY,  # an applicant who asked to apply stays on it
        follow_up=follow_up,
        last_question=conversation.last_question if follow_up else "",
        # (「立项名单能发我一下吗」: a text asked for that no clause is)
        asks_outcome=name != ELIGIBILITY and (name != LOOKUP or reference is None) and asks_outcome(asked),
        # (「最多推荐几家企业」 asks a quota; 「帮我们写一份申报书正文」 no clause's text)
        asks_service=name != "quota" and (name != LOOKUP or reference is None) and asks_service(asked),
        other_procedure=reference is None
        and name not in (LOOKUP, COMPARE)
        and other_matter(kb, asked, scope),
        unstated_detail=None if reference or name in (LOOKUP, COMPARE) else unstated_detail(kb, asked),
    )


# A class of bodies described before the verb (「…的企业还能报吗」), not the asker itself
_BODIES = either(tuple(w for _, words in APPLICANT_WORDS for w in words if len(w) >= 2 or w == "县"))
_A_CLASS = re.compile(
    rf"[了过]?[\u4e00-\u9fff]{{2,}}的(?:{_BODIES})(?:还|也|就|都)?(?:能|可以|能否|能不能|可不可以)再?(?:报|申报|申请)"
)
# 「…的要求各是多少」: each asked (not 「分别为4.1%、4.6%」, the applicant's own figures)
_EACH = re.compile(r"(?:各是|各为|各自|各有|各要|分别)[^，,。；;]{0,6}?(?:多少|什么|哪|几|啥|如何|怎样|怎么)")
_ONE_ASK = (ELIGIBILITY, SCREENING, LOOKUP, COMPARE, CHITCHAT)


def _each_ask(kb: KnowledgeBase, turn: Turn) -> tuple[Turn, ...]:
    """The asks of a question that asks two things or more, each a turn of its own in the same
    scope (「县政府报的，纸质材料交给谁？市政府报的话呢」): an ask in a few words (「…呢」) is of
    the topic before it, for the applicant type it names. None when one asks to apply or compare."""
    parts = split_asks(turn.question)
    if len(parts) < 2:
        parts = _asks_of_two_intents(turn.question)
    if len(parts) < 2:
        return ()
    asked: list[Turn] = []
    for part in parts:
        name = detect_intent(part)
        if name in _ONE_ASK:
            return ()
        before = asked[-1] if asked else None
        elliptical = before is not None and ELLIPTICAL.match(part) is not None
        if elliptical and name == GENERAL:
            name = named_intent(part) if named_intent(part) != GENERAL else before.intent
        types = types_named(part)
        if before is not None and len(types) >= 2:
            continue  # 「…设区市、县、园区都一样吗」: the ask before it, answered for each type
        several = len(types_named(turn.question)) >= 2
        scope = turn.scope if not several else replace(turn.scope, applicant_type=None)
        scope = replace(scope, applicant_type=types[0]) if len(types) == 1 else scope
        search = f"{before.question} {part}" if elliptical else part
        asked.append(
            replace(turn, question=part, intent=name, scope=scope, search_text=with_full_years(kb, search))
        )
    return tuple(asked) if len(asked) >= 2 else ()


def _compared_rounds(
    kb: KnowledgeBase, question: str, said: Scope, reference: Clause | None
) -> tuple[Clause, ...]:
    """「22年和24年保护示范区设区市条件第3条有啥不一样」「…分别是啥」: a reference of one round
    compared with another named: the clause at the same place of the other round's guide, under a section of
    the same title."""
    if reference is None or len(said.years) != 2 or not (asks_to_compare(question) or _EACH.search(question)):
        return ()  # (「22年和24年第三条条件分别是啥」: each round's, side by side)
    program = kb.guide(reference.guide_id).program
    others = [g for g in said.guides(kb) if g.program == program and g.id != reference.guide_id]
    if len(others) != 1:
        return ()
    same = [
        c
        for c in kb.guide_clauses(others[0].id)
        if c.path == reference.path
        and c.kinds == reference.kinds
        and c.heading_path[1:2] == reference.heading_path[1:2]
    ]
    return tuple(same[:1])


def _compared_types(kb: KnowledgeBase, question: str, reference: Clause | None) -> tuple[Clause, ...]:
    """「24年设区市和县的绩效目标第一条有什么区别」: a reference inside one applicant type's list,
    compared with the others the question names (or asked of each): the item at the same place
    of each other type's list of the same title."""
    kinds = types_named(question)
    if reference is None or len(kinds) < 2 or not (asks_to_compare(question) or _EACH.search(question)):
        return ()
    own = types_named("".join(reference.heading_path))
    if len(own) != 1 or own[0] not in kinds:
        return ()
    others = [same_place_for_type(kb, reference, kind) for kind in kinds if kind != own[0]]
    return tuple(c for c in others if c is not None)


def _opens_with_a_round(kb: KnowledgeBase, question: str) -> bool:
    """「24年的呢，换人没」: an elliptical clause of a round alone, then words that ask nothing of
    their own (not 「那今年的呢，已经开始报了吗」, which asks whether a round is open)."""
    parts = re.split(r"[，,]", question, maxsplit=1)
    return len(parts) == 2 and _scope_only(kb, parts[0]) and detect_intent(parts[1]) == GENERAL


def _scope_only(kb: KnowledgeBase, clause: str) -> bool:
    """「24年的呢」「那县里的呢」: an elliptical clause naming only a round, a program or an
    applicant type, no subject of its own."""
    if not ELLIPTICAL.match(clause):
        return False
    rest = re.sub(r"(?:20)?\d{2}\s*(?:年度|年|版)?", "", without_program_names(kb, clause))
    rest = COUNTY.sub("", rest)  # (「那海门区的呢」「那南通全市的呢」: a place)
    for word in _PLACES_AND_BODIES:
        rest = rest.replace(word, "")
    return not rest.strip(" 那么的呢里度版全本级市省区县")


# Places and applicant words an elliptical clause may name alone, longest first
_PLACES_AND_BODIES = sorted(
    (*LEXICON.jiangsu_places, *LEXICON.other_places, *(w for _, words in APPLICANT_WORDS for w in words)),
    key=len,
    reverse=True,
)


def _asks_of_two_intents(question: str) -> list[str]:
    """「这个文是哪个单位发的，发给谁」「多久评一次，评不过会怎样」: asks joined by a comma, each
    naming an intent of its own (the words before the first are its context)."""
    pieces = [p.strip() for p in re.split(r"[，,]", question) if p.strip()]
    if len(pieces) < 2:
        return []
    last = named_intent(pieces[-1])
    first = named_intent("".join(pieces[:-1]))
    if GENERAL in (first, last) or first == last or _asks_only(last, pieces[-1]):
        return []
    return ["，".join(pieces[:-1]), pieces[-1]]


_ASKING_TERMS = re.compile(either(LEXICON.asking_words.asking_terms) + r"|[是的呢吗啊？?。！!\s]")


def _asks_only(name: str, piece: str) -> bool:
    """「…国际保护，主要是哪几块工作」: a last piece that asks for a list with nothing but its
    asking words asks for the matter before it, no second thing (「…，发给谁」 does)."""
    spec = intent(name)
    return spec is not None and spec.is_list and not _ASKING_TERMS.sub("", spec.without_asking(piece))


def _guides_say(kb: KnowledgeBase, guides: tuple, word: str) -> bool:
    """Whether a guide in scope uses a word (the plan's 〔责任单位：…〕, a guide's 申报条件); with no
    guide in scope, any may."""
    ids = {g.id for g in guides}
    return not ids or any(c.guide_id in ids and word in c.text for c in kb.clauses)


# 「这个号码…」「它…」: a question that opens by pointing at what was just answered
_OPENS_POINTING = re.compile(r"^(?:那|那么)?(?:这个|这一?条|这|它|上面这个|刚才这个)")


def _compares_with_another(question: str, said: Scope, conversation: Conversation, name: str) -> bool:
    """What was just answered, asked whether it is the same in another program or round named
    (「这个号码跟高价值专利那边的一样吗」「这个跟2022年的一样吗」): a comparison on that topic."""
    before = conversation.scope
    another_program = (
        len(said.programs) == 1 and len(before.programs) == 1 and said.programs[0] not in before.programs
    )
    another_round = (
        not said.programs
        and len(before.programs) == 1
        and len(said.years) == 1
        and said.years != before.years
    )
    return (
        name not in (COMPARE, LOOKUP, ELIGIBILITY)
        and bool(conversation.last_intent)
        and (another_program or another_round)
        and _OPENS_POINTING.match(question) is not None
        and asks_to_compare(question)
    )


def _names_nothing(name: str, question: str) -> bool:
    """Nothing but what the intent asks and a pointer back (「这个谁牵头」「哪个部门负责？」)."""
    spec = intent(name)
    rest = spec.without_asking(question) if spec else question
    return not re.sub(r"[这那]个|[这那]条|[这那]项|它|是|的|呢|吗|[\s？?。！!，,]", "", rest)


_JOINED_ROUNDS = re.compile(r"20\d\d\s*年?度?版?(?:的)?\s*(?:和|跟|与|同|、|对比|比|还是)\s*20\d\d")


def _names_own_project(said: Scope, before: Scope, question: str) -> bool:
    """「我们之前的省战略推进计划项目尾款还没拨，影响吗」 in a conversation about 工业品牌: the
    program named is the asker's own project, told by its state, not the program asked of."""
    if not (said.programs and before.programs) or set(said.programs) & set(before.programs):
        return False
    words = LEXICON.asking_to_apply
    return SELF_WORDS.search(question) is not None and any(w in question for w in words.held_project)


def _a_term_just_quoted(kb: KnowledgeBase, said: Scope, question: str, conversation: Conversation) -> bool:
    """A follow-up (「企业知识产权战略推进计划还没验收的呢」) names a program by words the last
    answer quoted (「尚未验收的省企业知识产权战略推进计划项目承担单位…」): a term of that answer,
    not a switch to the program (which a part of its own would name: 「保护示范区的申报条件呢」)."""
    if not said.programs or said.years or not question.rstrip("？?。").endswith("呢"):
        return False
    quoted = "".join(kb.clause(c).text for c in conversation.cited_clauses if kb.has_clause(c))
    quoted += conversation.questions[-1] if conversation.questions else ""  # (or the question named it)
    named = [g for g in kb.guides if g.program in said.programs]
    return all(any(n in question and n in quoted for n in g.names) for g in named)


def _names_conditions_part(kb: KnowledgeBase, guides: tuple[Guide, ...], question: str) -> bool:
    """The question names a part of a guide's conditions by its title, no applicant type
    (「升级项目」 of 三、申报条件（二）升级项目)."""
    return any(
        len(part.title) >= 2 and part.title in question and not types_named(part.title)
        for guide in guides
        for section in kb.guide_clauses(guide.id)
        if section.title == "申报条件"
        for part in kb.children(section)
    )


def _a_term_of_the_document(kb: KnowledgeBase, said: Scope, before: Scope, question: str, name: str) -> bool:
    """In a conversation about a policy or a plan, a program named with no year and no word of
    its own (项目, 指南, 申报…) is the document's own term when the document's text names it
    (「中欧地标互认那个呢」 of the 2023 measures, whose 3.12 names 地理标志)."""
    documents = before.guides(kb)
    if len(documents) != 1 or documents[0].kind in ANNUAL_KINDS or not said.programs or said.years:
        return False
    words = LEXICON.asking_to_apply
    if any(w in question for w in (*words.program_nouns, *words.apply_verbs, *words.project_life)):
        return False
    text = kb.guide_text(documents[0].id)
    named = [g for g in kb.guides if g.program in said.programs]
    spec = intent(name)  # 「…在高价值推荐名额上有好处吗」 asks what only the program's guide holds
    if spec and spec.evidence and not re.search(spec.evidence, text):
        return False
    return all(g.kind in ANNUAL_KINDS and any(n in text for n in g.names) for g in named)


def _admitted_type(kb: KnowledgeBase, scope: Scope, before: Scope, name: str) -> Scope:
    """A body no guide in scope admits as an applicant names someone served (「对中小企业许可有
    什么要求」 of 专利转化, whose applicants are 高校院所 and 园区): the applicant stays the one
    talked about. Whether it may apply is the checker's to say (eligibility, screening)."""
    guides = scope.guides(kb)
    said = scope.applicant_type
    if name in (ELIGIBILITY, SCREENING) or not said or not guides:
        return scope
    if any(said in g.applicant_types for g in guides):
        return scope
    return replace(scope, applicant_type=before.applicant_type)


def _scope_so_far(kb: KnowledgeBase, conversation: Conversation, question: str = "") -> Scope:
    """What the conversation is about: the scope of the last turn; when it named no program,
    the program of the one guide its answer came from (「高校运营能力提升项目，对管理人员有啥要求？」
    is answered from the 2022 专利转化 guide, and 「一个市能推几个？」 asks of it); 「分别是谁来
    申报？」 after an answer from several programs' guides asks of each of them."""
    scope = conversation.scope
    cited = [kb.guide(g) for g in conversation.cited_guides if kb.has_guide(g) and kb.guide(g).kind != "通知"]
    programs = tuple(dict.fromkeys(g.program for g in cited if g.program))
    if len(programs) >= 2 and _EACH_OF_THEM.search(question):
        return replace(
            scope, programs=programs, years=tuple(sorted({g.year for g in cited})), unknown_years=()
        )
    if (
        scope.programs
        or len(conversation.cited_guides) != 1
        or not kb.has_guide(conversation.cited_guides[0])
    ):
        return scope
    guide = kb.guide(conversation.cited_guides[0])
    if not guide.program:
        return scope
    return replace(scope, programs=(guide.program,), years=(guide.year,), unknown_years=())


_EACH_OF_THEM = re.compile(r"^(?:那|那么)?(?:它们|他们|这两个|这几个|两个|各个)?(?:分别|各自|各)")


def _unheld_document(kb: KnowledgeBase, question: str, conversation: Conversation) -> str | None:
    """A document no guide is, asked for what it says: by its title, or pointed back to by its
    kind after the last question or answer quoted its title (「这个办法是哪年发布的」)."""
    quoted = "".join(kb.clause(c).text for c in conversation.cited_clauses if kb.has_clause(c))
    quoted += conversation.questions[-1] if conversation.questions else ""
    return unheld_document(kb, question) or document_pointed_at(kb, question, quoted)


def _default_year(kb: KnowledgeBase, scope: Scope) -> bool:
    """The question names a program of several years but no year: the current guide is used."""
    years = {g.year for g in kb.guides if g.program in scope.programs}
    return bool(scope.programs and not scope.years and len(years) > 1)


# 「和江苏」「类似江苏…的」「像江苏这样」: Jiangsu named as what another place is compared with
_COMPARED_WITH = re.compile(
    f"(?:和|跟|与|同|比|对比|类似|类似于|像|参照)(?:咱们|我们|咱)?(?:{'|'.join(LEXICON.jiangsu_places)})省?(?:的)?"
)


def _other_places(question: str) -> tuple[str, ...]:
    """Places outside Jiangsu the question names (none when it also names a Jiangsu place, other
    than as what the other place is compared with: 「浙江的…条件和江苏一样吗」「上海有没有类似江苏
    …的项目」 ask of 浙江 and 上海)."""
    said = _COMPARED_WITH.sub(" ", question)
    if any(word in said for word in LEXICON.jiangsu_places):
        return ()
    return tuple(p for p in LEXICON.other_places if p in question)


def _other_counties(kb: KnowledgeBase, question: str, guides: tuple[Guide, ...]) -> tuple[str, ...]:
    """Districts and counties the question names other than the one whose local plan is in
    scope (「南通崇川区有没有类似的目标」 of the 通州 plan) or whose kind of plan it names (「崇川区
    的…工作方案」): no plan of theirs is held. None when a guide in scope is not a county's or
    district's own (its issuer a county or district)."""
    guides = guides or tuple(g for g in kb.guides if COUNTY.search(g.issuer) and g.kind in question)
    if not guides or not all(COUNTY.search(g.issuer) for g in guides):
        return ()
    named = dict.fromkeys(
        m.group() for m in (*COUNTY.finditer(question), *_OTHERS_OF_A_LEVEL.finditer(question))
    )
    return tuple(n for n in named if not any(n in g.issuer or n in g.names for g in guides))


# 「南通市区其他区的政策也一样吗」「其他县比如海门、如东…」: places of the plan's level, not named
_OTHERS_OF_A_LEVEL = re.compile(r"(?:其他|其它|别的|其余)的?(?:区县|县区|县市|县（市、区）|区|县)")


def _no_round_that_year(kb: KnowledgeBase, scope: Scope) -> bool:
    """Programs of annual rounds and years none of their guides is of (not a plan's or a policy's
    program, whose years are inside its text: 「通州方案…2023年以后呢」)."""
    held = [g for g in kb.guides if g.program in scope.programs]
    annual = bool(held) and all(g.kind in ANNUAL_KINDS for g in held)
    return annual and bool(scope.years) and not scope.guides(kb)


def _a_list_shown(conversation: Conversation) -> bool:
    """The last reply answered a question in words (no clause reference) with a list."""
    return (
        bool(conversation.cited_clauses)
        and conversation.last_reference not in conversation.cited_clauses
        and not conversation.eligibility_open
    )


def _reference(
    kb: KnowledgeBase,
    question: str,
    conversation: Conversation,
    named: tuple[Guide, ...] = (),
    programs: tuple[Guide, ...] = (),
) -> tuple[Clause | None, str | None]:
    """The clause a question names by reference, or an error text when the reference is wrong.
    A reference that names no guide is to the one guide the question's own words leave
    (「24版指南 三（一）」: the one guide of 2024), else to the one the conversation is about."""
    guides = (
        list(named) if len(named) == 1 else conversation.scope.guides(kb) if conversation.questions else []
    )
    near = kb.clause(conversation.last_reference) if conversation.last_reference else None
    if (item := ordinal_of_kind(kb, question, guides)) is not None:
        return item, None  # 「第二阶段是什么时候」: the plan's stages
    # 「我们是县里的，…第一条条件算满足吗」「那报升级呢，第一条条件是什么」: of the type's or the part's
    kinds = types_named(question)
    kind = kinds[0] if len(kinds) == 1 else None if kinds else conversation.scope.applicant_type
    held = guides if len(guides) == 1 else list(programs)  # (「高价值新建项目企业的第二条条件」: its guide)
    if len(held) == 1 and (item := nth_condition(kb, question, held[0], kind)) is not None:
        return item, None
    # 「第二条具体说了啥」 right after a list answered in words: its item, not the guide's 二、;
    # 「第4条原文」 right after a section looked up whole (「通州方案 六、保障措施」): its 4th item
    shown = not named and _a_list_shown(conversation)
    listed = not named and near is not None and near.id in conversation.cited_clauses and kb.children(near)
    if shown or listed:
        item = ordinal_item(kb, question, (near.id,) if listed and near else conversation.cited_clauses)
        if item is not None:
            return item, None
    # 「那县里的第五条呢」 after 设区市's 5th task; 「那22年园区任务的第四条呢」 after 2024's 4th
    rounds = [g for g in named if g.program in conversation.scope.programs]
    other_round = rounds[0] if len(rounds) == 1 else None
    if (item := typed_ordinal_item(kb, question, conversation.cited_clauses, other_round)) is not None:
        return item, None
    # 「县里的任务里对应的是哪条」「24年同一条呢」: the item just quoted, of another type or round
    if (item := counterpart_item(kb, question, conversation.cited_clauses, other_round)) is not None:
        return item, None
    try:
        # 「24版指南 三（一）」: a short year is a round's, not a number of the path
        said = with_full_years(kb, question)
        found = find_reference(kb, said, guides[0] if len(guides) == 1 else None, near)
        if found is None and len(guides) != 1:  # 「2022年三（三）原文」: of which guide?
            found = find_in_guides(kb, said, tuple(named or guides) or kb.guides, near)
        if (
            found is None
            and (asks(question) or ELLIPTICAL.match(question))
            and not conversation.eligibility_open
        ):
            found = ordinal_item(kb, question, conversation.cited_clauses)  # 「第二个阶段呢」
            found = found or next_item(kb, question, conversation.cited_clauses)  # 「它前面那个阶段呢」
            found = found or named_sibling(kb, question, conversation.cited_clauses)  # 「组织实施呢」
            # 「这个阶段主要干啥」: the one clause the last answer quoted (not 「那24年的指南在这点上
            # 怎么规定的」, which asks another round's)
            if not named:
                found = found or pointed_item(kb, question, conversation.cited_clauses)
        return found, None
    except UnknownReferenceError as exc:
        # 「第二项司法保护具体怎么写的」 after a list: its item, though other sections have a 2
        item = (
            None if conversation.eligibility_open else ordinal_item(kb, question, conversation.cited_clauses)
        )
        return (item, None) if item is not None else (None, str(exc))
