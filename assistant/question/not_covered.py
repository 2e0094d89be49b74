"""Questions the guides do not answer though their words overlap the guides' (how to do
another matter, a case of one's own, leave from the rules, the steps of acts no guide sets out,
fees, spending rules and documents no guide names, another authority's business): each test
reads the question, and the guides' own text where a word might be theirs after all.
`understand` refuses a question any of them holds for (Understood.other_procedure)."""

from __future__ import annotations

import re

from ..domain import Guide
from ..ingest.knowledge_base import KnowledgeBase
from ..text.tokens import normalize
from .asking import asks, asks_other_procedure, at_other_authority, split_sentences
from .lexicon import LEXICON, either
from .scope import Scope, without_program_names

_PROCESS_WORDS = LEXICON.procedures


def other_matter(kb: KnowledgeBase, question: str, scope: Scope) -> bool:
    """How to do something else, in a conversation about no program of the guides or at
    another authority (「驰名商标认定要走什么流程」「国家局那边怎么走程序」); or anything asked
    of another authority in a conversation about no program (「法院一般判赔多少」). A year of one
    guide names its program (「纸质件送省里哪个窗口？2024的」 asks the 2024 guide's own procedure)."""
    guides = scope.guides(kb)
    programs = scope.programs or (tuple(g.program for g in guides if g.program) if len(guides) == 1 else ())
    # (an authority the program's own guide names is its matter: 「工业品牌任务里要去海关办啥手续」)
    elsewhere = (
        at_other_authority(question)
        and not _authority_of_guides(kb, question)
        and not _named_by_guides(kb, question, guides if programs else ())
    )
    if (
        (not programs or elsewhere)
        and asks_other_procedure(question)
        and not _IN_THE_DOCUMENTS.search(question)
    ):
        return True
    if elsewhere and asks(question) and any(w in question for w in _PROCESS_WORDS.contact_asks):
        return True  # 「国家局那边这块谁负责，电话多少」: another authority's people
    if not programs and (_asks_other_authority(kb, question) or asks_own_case(question)):
        return True
    return (
        _asks_steps_of_another_act(question)
        or _asks_how_of_an_unnamed_act(kb, question)
        or _asks_how_recognized(kb, question)
        or _asks_what_body(kb, question)
        or _asks_unknown_fee(kb, question)
        or _asks_use_of_funds(kb, question)
        or _asks_unknown_thing(kb, question)
        or _asks_members_unlisted(kb, question)
        or asks_exception(kb, question)
    )


# 「行政执法“三项制度”具体是哪三项」「“五区五高”具体是哪五区、哪五高」: the members of a term
_COUNTED_TERM = re.compile(r"(?<![哪几])[一二三四五六七八九十两双]+[\u4e00-\u9fff]{2,6}")
_MEMBERS_ASKED = re.compile(r"哪([一二三四五六七八九十两几]+)[\u4e00-\u9fff]")
_QUOTED = re.compile(r"[“\"「‘]([^”\"」’]{2,12})[”\"」’]")
_QUOTED_MEMBERS = re.compile(r"(?:是|有|指)哪(?:些|几)|(?:包括|包含|都有)(?:哪|什么|啥)")
# a term the guides list the members of: before it in its sentence (「专利权、版权和商标权“三合一”」
# 「管理标准化和产品质量标准化“两标融合”」), or right after it (「三项制度（…）」「即…」)
_LISTED_BEFORE = r"[^。；，,;]*?(?:、|和|与|及)[^。；，,;]*?[“\"「‘]?"
_LISTED_AFTER = r"[”\"」’]?\s*(?:（|\(|：|:|即|是指|包括|指)"


def _asks_members_unlisted(kb: KnowledgeBase, question: str) -> bool:
    """The members of a term the guides only use (「“三项制度”具体是哪三项」): a quoted term asked
    what it holds, or a term with a number asked for that many; no guide lists them beside the
    term. A part of a guide quoted by its title (「“实施知识产权高标准保护”包括哪几条」) is no term."""
    said = normalize(question)
    counted = {m.group(1) for m in _MEMBERS_ASKED.finditer(said)}
    terms = [t for t in _COUNTED_TERM.findall(said) if any(t.startswith(n) for n in counted)]
    if _QUOTED_MEMBERS.search(said):
        terms += _QUOTED.findall(said)
    terms = [t for t in terms if t in kb.all_text and not any(t in c.title for c in kb.clauses)]
    return bool(terms) and not any(
        re.search(_LISTED_BEFORE + re.escape(t), c.text) or re.search(re.escape(t) + _LISTED_AFTER, c.text)
        for t in terms
        for c in kb.clauses
        if t in c.text
    )


# 「22年指南里园区怎么提升企业自我保护能力」: how the documents say to do something, not how to do
# another matter
_IN_THE_DOCUMENTS = re.compile(f"(?:{either(tuple(LEXICON.kind_words))}|文件)(?:里|中|上|内)")

# 「被别人抢注」「被侵权」: a harm that befell (knowledge/lexicon.yaml: procedures.own_cases)
_BEFELL = re.compile(f"被[\u4e00-\u9fff]{{0,4}}?(?:{either(LEXICON.procedures.own_cases)})")


def asks_own_case(question: str) -> bool:
    """The asker's own right that something befell (「我的商标被别人抢注了怎么办」): a case to
    handle, which no guide does."""
    said = normalize(question)
    befell = _BEFELL.search(said)
    return (
        befell is not None
        and any(w in said[: befell.start()] for w in LEXICON.procedures.askers)
        and asks(said)
    )


# 「“江苏精品”是怎么认定的」「真抓实干成效明显地区是按什么标准评的」: how a thing comes to be
# recognized; 「外观设计金奖的评审标准」「“苏地优品”认定要什么条件」: what it is judged by
_RECOGNIZING, _CRITERIA = either(_PROCESS_WORDS.recognizing), either(_PROCESS_WORDS.criteria)
_HOW_RECOGNIZED = re.compile(
    r"([\u4e00-\u9fff]{2,16})[”\"」’]?的?(?:是|要)?"
    f"(?:(?:怎么|如何|怎样)被?(?:{_RECOGNIZING})|按(?:什么|啥|哪些|哪个)(?:{_CRITERIA})来?(?:{_RECOGNIZING})"
    f"|(?:{either(_PROCESS_WORDS.judging)})的?(?:又|还|都|具体|一般)?(?:要|需要|有|要求|是|用)?(?:满足|具备|符合|达到)?"
    f"(?:什么|啥|哪些)?(?:{_CRITERIA}))"
)
# what a guide says a thing is judged by (「非正常专利申请行为（以国家知识产权局通报为准）」)
_JUDGED_BY = re.compile(r"为准|是指|（指|\(指")


# 「北美大学技术经理人协会是个什么机构」: what kind of body a body the guides name in passing is
_WHAT_BODY = re.compile(
    r"([\u4e00-\u9fff]{3,20}?)[”\"」’]?(?:到底|究竟)?是(?:个|一个)?(?:什么|啥|哪种|哪类|哪个|哪家)(?:性质的?)?"
    r"(?:机构|组织|单位|部门|协会|团体|平台|公司)"
)
# what a guide says a body is: 「…（以下简称…）」「…是指…」「…，即…」
_SAYS_WHAT_IT_IS = r"\s*(?:（|\(|是指|即|系)"


def _asks_what_body(kb: KnowledgeBase, question: str) -> bool:
    """What kind of body one the guides name in passing is (「转化专项里说的北美大学技术经理人协会
    是什么机构」): no guide says, unless a clause goes on from its name to say what it is. A body
    of the programs (保护中心, 运营中心) is described by its guide's own tasks and is answered."""
    asked = _WHAT_BODY.search(normalize(question))
    if asked is None:
        return False
    body = re.sub(r"^.*?(?:里说的|说的|提到的|里的|中的)", "", asked.group(1))
    if len(body) < 3 or body not in kb.all_text or without_program_names(kb, body) != body:
        return False
    titled = any(body in c.title for c in kb.clauses)  # a body a clause is about
    return not titled and not any(re.search(re.escape(body) + _SAYS_WHAT_IT_IS, c.text) for c in kb.clauses)


def _asks_how_recognized(kb: KnowledgeBase, question: str) -> bool:
    """How a title or a status is recognized (「“江苏精品”是怎么认定的」): the guides name such
    things as conditions (「被认定为…」) and never say how they are recognized, unless a clause
    that names the thing says what it is judged by (「…怎么认定，以谁的为准」 of 非正常专利申请)."""
    asked = _HOW_RECOGNIZED.search(normalize(question))
    if asked is None or not asks(question):
        return False
    if without_program_names(kb, asked.group(1)) != asked.group(1):
        return False  # 「保护示范区怎么认定」: a program of the guides, chosen as they say
    thing = asked.group(1)[-4:]
    return not any(thing in c.text and _JUDGED_BY.search(c.text) for c in kb.clauses)


def unstated_detail(kb: KnowledgeBase, question: str) -> str | None:
    """A detail of practice no guide gives (「邮编填多少」「受理窗口周末收材料吗」「奖金要交个税吗」),
    asked in a sentence that asks nothing the guides hold besides: the lexicon's word, in no
    guide's text; None when the question asks none."""
    details = _unstated(kb)
    asking = [s for s in split_sentences(question) if asks(s)]
    named = [next((w for w in details if w in s), None) for s in asking]
    return named[0] if named and all(named) else None


_UNSTATED: dict[str, tuple[str, ...]] = {}


def _unstated(kb: KnowledgeBase) -> tuple[str, ...]:
    """The lexicon's details of practice that no guide's text holds (found once per knowledge base)."""
    if kb.fingerprint not in _UNSTATED:
        text = _guide_text(kb)
        _UNSTATED[kb.fingerprint] = tuple(w for w in LEXICON.procedures.unstated_details if w not in text)
    return _UNSTATED[kb.fingerprint]


def asks_exception(kb: KnowledgeBase, question: str) -> bool:
    """Leave from the rules (「过了截止日期还能补交吗」「验收能延期吗」): no guide grants any, so a
    question asking it is not theirs, unless a guide's clause holds its word. The sentence with
    the word must ask it (「截止到哪天？我们想补报一下」 asks the deadline), and not whether
    there is still time (「现在补报还来得及不」: the deadline, which has passed)."""
    text = _guide_text(kb)
    sentences = split_sentences(question)
    leave = [
        sentence
        for sentence in sentences
        if (words := [w for w in LEXICON.procedures.exceptions if w in sentence])
        and asks(sentence)
        and not any(w in text for w in words)
        and not any(w in sentence for w in LEXICON.procedures.still_in_time)
    ]
    # (「22年保护示范区截止到哪天？现在还能补报吗？」 asks the deadline too: answered)
    return bool(leave) and not any(asks(s) for s in sentences if s not in leave)


_STEPS = re.compile(either(_PROCESS_WORDS.process_nouns))
_APPLYING_ACT = re.compile(f"(?:{either(_PROCESS_WORDS.application_acts)})+$")
_FILLERS = re.compile(either(_PROCESS_WORDS.process_fillers))
_OTHER_ACT = re.compile(f"(?:{either(_PROCESS_WORDS.other_acts)})$")
_OTHER_ACT_FIRST = re.compile(either(_PROCESS_WORDS.other_acts))
# (「想用…专用标志」: 用 said for 使用)
_INTENDED_ACT = re.compile(
    f"(?:{either(LEXICON.asking_to_apply.intent_words)})(?:{either(_PROCESS_WORDS.other_acts)}|用(?![于来]))"
)
# 「具体怎么申请」「要怎么办理」: how to do it, with no act of its own
_HOW_TO = re.compile(f"^(?:{either(_PROCESS_WORDS.process_fillers)})*(?:申请|办理|办|申领|操作)[？?吗呢]*$")


_DONE = either(_PROCESS_WORDS.done_elsewhere)
# 「作品版权登记怎么办」「专用标志使用申请去哪里办」「怎么申请使用」: how or where the act is done
_ACT_DONE_HOW = re.compile(
    f"(?:{_DONE})(?:申请)?(?:(?:怎么|如何|怎样)(?:办理|办|申请|操作|弄|走)|去哪|在哪|找谁|向谁)"
    f"|(?:怎么|如何|怎样)申请(?:{_DONE})"
)
# 「被驳回了怎么复审」: how an act is done, asked right before it
_HOW_ACT = re.compile(f"(?:怎么|如何|怎样)({_DONE})")


def _asks_how_of_an_unnamed_act(kb: KnowledgeBase, question: str) -> bool:
    """「专利申请被驳回了怎么复审」: how an act is done that no guide names at all (not 「项目
    怎么验收」, whose time the guides set: 实施期满后进行评价和验收)."""
    text = _guide_text(kb)
    return any(m.group(1) not in text for m in _HOW_ACT.finditer(normalize(question)))


def _asks_steps_of_another_act(question: str) -> bool:
    """The steps of an act other than applying for a program (「地理标志专用标志的使用申请流程」
    「示范中心验收的具体流程和时间节点」): the guides set out only how to apply, so the question
    is not theirs. The act is the word right before the steps (asking words and applying words
    taken off: 「使用申请要走什么流程」 is 使用), one of the lexicon's other acts."""
    if not asks(question):
        return False
    if _ACT_DONE_HOW.search(normalize(question)):
        return True
    before = ""
    for clause in re.split(r"[，,。？?；;！!\s]", normalize(question)):
        steps = _STEPS.search(clause)
        if steps is not None:
            act = _APPLYING_ACT.sub("", _FILLERS.sub("", clause[: steps.start()]).rstrip("的"))
            # the act right before its steps (not 「验收以后的流程」, what follows it), opening the
            # clause before its object (「注册地理标志证明商标要准备哪些材料」), or, with none of its
            # own, the act the clause before says the asker intends (「企业想使用…专用标志，要走什么
            # 申请程序」)
            if (
                _OTHER_ACT.search(act)
                or _OTHER_ACT_FIRST.match(act)
                or (not act and _INTENDED_ACT.search(before))
            ):
                return True
        elif _HOW_TO.match(clause) and _INTENDED_ACT.search(before):
            return True  # 「企业想用地理标志专用标志，具体怎么申请」: how to do that act
        before = clause
    return False


def _asks_use_of_funds(kb: KnowledgeBase, question: str) -> bool:
    """How a program's money may be spent or paid back (「经费能不能用来发工资」「启动资金要
    全退吗」): a fund word and a word of using it in the question, which no clause of the
    guides says together."""
    words = LEXICON.procedures
    funds = [w for w in words.funds if w in question]
    uses = [w for w in words.fund_uses if w in question]
    if not (funds and uses and asks(question)):
        return False
    return not any(any(f in c.text for f in funds) and any(u in c.text for u in uses) for c in kb.clauses)


# 「要交申报费吗」「诉讼费谁出」「年费能减吗」「要交保证金吗」: a fee or a deposit (not 质押金额, a
# pledge's sum), asked of paying or how much
# (费用 is the applicant's own cost, 「知识产权费用占研发」, unless asked of reducing it: 「申请费用能减缓吗」)
_FEE = re.compile(
    rf"([一-鿿]{{1,3}}费)(?:(?!用)|用(?=[^，,。？?]{{0,4}}(?:减|免|缓|退)))|(?<!质)({either(LEXICON.figures.deposits)})"
)
_ABOUT_PAYING = re.compile(f"{'|'.join((*LEXICON.figures.paying, *LEXICON.figures.how_much))}|收|免|减|谁出")
_VOCABULARY: dict[str, str] = {}
_PAYING_A_FEE = ("付费", "缴费", "交费", "收费", "免费", "花费")
_PAYING_HOW_MUCH = re.compile(
    f"(?:{'|'.join(LEXICON.figures.paying)})[^，,。？?]{{0,3}}(?:多少钱|多少费用|几块钱|多少万)"
    # 「诉前禁令要交多少担保金」: a sum paid of some money word
    f"|(?:{'|'.join(LEXICON.figures.paying)})多少[\u4e00-\u9fff]{{0,4}}(?:金|费|款)"
)


def _asks_unknown_fee(kb: KnowledgeBase, question: str) -> bool:
    """A fee no guide names (申报费, 评审费, 诉讼费; 官费 and 许可费 are named), asked of paying
    it or its amount: the guides say nothing of it, so the question is not theirs."""
    text = _guide_text(kb)
    if _PAYING_HOW_MUCH.search(question):
        return True  # 「备案要交多少钱」: no guide states a sum the applicant pays
    # (「试点什么付费方式」: 付费 pays a fee and names none; an asking word is no part of a fee's name)
    fees = [
        re.sub(r"^.*?(?:什么|啥|哪种|哪些|哪个)", "", m.group(1) or m.group(2))
        for m in _FEE.finditer(question)
    ]
    fees = [f for f in fees if len(f) >= 2 and f not in _PAYING_A_FEE]
    unknown = [f for f in fees if not any(f[i:] in text for i in range(len(f) - 1))]
    return bool(unknown) and bool(_ABOUT_PAYING.search(question))


# 「要附近三年审计报告吗」: a document asked for
_DOCUMENT = re.compile(f"([\u4e00-\u9fff]{{2,4}}(?:{'|'.join(LEXICON.figures.documents)}))")
_REQUIRING = re.compile(r"要|需要|得|附|提供|提交|交|准备|带")
_WHAT = re.compile(r"什么|哪些|哪种|哪个|啥|相关|有关|的")


def _asks_unknown_thing(kb: KnowledgeBase, question: str) -> bool:
    """A document that no guide names, asked for (「工业品牌申报要附近三年审计报告吗」): the
    guides say nothing of it, so the question is not theirs."""
    if not asks(question):
        return False
    text = _guide_text(kb)
    # (「证明商标」: a document word at the head of a longer term of the guides names no document)
    things = (
        [
            m.group(1)
            for m in _DOCUMENT.finditer(question)
            if question[m.start(1) : m.end(1) + 2][-4:] not in text
        ]
        if _REQUIRING.search(question)
        else []
    )
    named = [t for t in (_WHAT.split(t)[-1] for t in things) if len(t) >= 4]  # 「什么证明」 names none
    return any(not any(t[i:] in text for i in range(len(t) - 2)) for t in named)


def _guide_text(kb: KnowledgeBase) -> str:
    if kb.fingerprint not in _VOCABULARY:
        _VOCABULARY[kb.fingerprint] = "".join(c.text for g in kb.guides for c in kb.guide_clauses(g.id))
    return _VOCABULARY[kb.fingerprint]


def _asks_other_authority(kb: KnowledgeBase, question: str) -> bool:
    """A question asked of another authority (「法院一般判赔多少」), not of one the guides name
    in their own words (「南京知识产权法院」 of the 2023 measures): the authority's name with at
    least two of the characters before it is in no guide."""
    if not (asks(question) and at_other_authority(question)):
        return False
    return not _authority_of_guides(kb, question)


def _named_by_guides(kb: KnowledgeBase, question: str, guides: tuple[Guide, ...]) -> bool:
    """An authority the question names, asked of a part of the program (its 任务, 条件), that
    these guides' own text names too (海关 of the 工业品牌 guide's 「知识产权海关保护备案」)."""
    said = normalize(question)
    if not any(part in said for part in LEXICON.procedures.program_parts):
        return False  # 「省科技厅的成果转化专项资金怎么申报」: the authority's own procedure
    named = [w for w in LEXICON.procedures.authorities if w in said]
    return any(w in c.text for g in guides for c in kb.guide_clauses(g.id) for w in named)


def _authority_of_guides(kb: KnowledgeBase, question: str) -> bool:
    """An authority named as a guide names it (「南京知识产权法院」 of the 2023 measures): its
    name with at least two of the characters before it is in a guide's text."""
    said = normalize(question)
    for word in LEXICON.procedures.authorities:
        for m in re.finditer(re.escape(word), said):
            before = said[max(0, m.start() - 6) : m.start()]
            if any(before[i:] + word in kb.all_text for i in range(len(before) - 1)):
                return True
    return False
