"""The deterministic answer composer: no language model, same answer every time.

It leads with the fact asked for (the date, the period, the list of conditions), marks each
statement with [n] tied to a citation, and closes with the guide and clause labels. Every
sentence it states is a sentence of a cited clause, so it cannot state a number the guides
do not. Sentences live in prompts/answer_templates.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path

from ..config import PROJECT_ROOT
from ..domain import ROOT, SECTION, TRAILER, Clause, Guide, Hit, WarningCode
from ..ingest.knowledge_base import KnowledgeBase
from ..question.asking import NAMED_PLACES
from ..question.intent import (
    BY_NAME,
    CHITCHAT,
    COMPARE,
    COMPARE_CUES,
    COST_ASKED,
    ELIGIBILITY,
    EXISTENCE,
    GENERAL,
    LIST_WORDS,
    LOOKUP,
    REQUESTER,
    SUM,
    Intent,
    asks_to_compare,
    greets,
    intent,
    named_intent,
)
from ..question.lexicon import LEXICON, either
from ..question.reference_grammar import clean
from ..question.references import names_opening
from ..question.scope import APPLICANT_WORDS, Scope, types_named, with_full_years, without_program_names
from ..question.turn import Turn
from ..question.understand import POINTS_BACK
from ..text.encoding import read_yaml
from ..thresholds import (
    ITEM_ALONE_COVERAGE,
    ITEM_ALONE_MARGIN,
    MAX_DUTIES,
    MIN_COMPARE_COVERAGE,
    MIN_CONDITION_FALLBACK,
    MIN_FACT_COVERAGE,
    MIN_GENERAL_COVERAGE,
    MIN_LIST_COVERAGE,
    MIN_NEAREST_COVERAGE,
    NEAREST_DEPTH,
    OFF_SUBJECT_COVERAGE,
    SANCTION_FIT,
    SHORT_CLAUSE,
    SPAN_COVERAGE,
    UNIT_MARGIN,
)
from . import evidence as ev
from .checker import Checked, decision_lines, screening_lines
from .draft import Composed, Draft, finish
from .selection import Reader

PROMPTS_DIR = PROJECT_ROOT / "prompts"
# A document's number as another cites it, after its issuer (「(苏政发?017?2号)」; damage may
# have taken digits and brackets), and the issuer a question names (「苏政发2017年第几号」)
CITED_NUMBER = r"[〔﹝(（?][\d?〔〕﹝﹞()（）]{3,10}号"
_ISSUER = re.compile(r"[苏国省][\u4e00-\u9fff]{0,3}?发(?=[\u4e00-\u9fff]{0,4}\s*[〔﹝(（\d])")
# Intents whose evidence any date or any sum satisfies: the sentence must also name the subject.
GENERIC_EVIDENCE = (
    "when",
    "amount",
    "rate",
    "days",
    "months",
    "materials",
    *(d.name for d in LEXICON.asked_details),
)
_HEADING_ASKED = ("issued", "issuer", "addressees", "basis")  # what only a document's heading says
DETAIL_NAMES = frozenset(d.name for d in LEXICON.asked_details)  # 邮箱, 地址: details asked by their word
# Words of what is asked for (no subject of a question): money, time, and the lexicon's rates.
ASKED_WORDS = re.compile(
    "金额|标准|时间|日期|时候|"
    + "|".join(
        (
            *LEXICON.figures.money,
            *LEXICON.figures.money_units,
            *LEXICON.figures.limits,
            *LEXICON.figures.rates,
            *(w for d in LEXICON.asked_details for w in d.words),
        )
    )
)
MONEY_WORDS = r"资金|奖励|补助|经费|奖补|元"
# (an area, 「方面」「这块」; not an item pointed at, 「那条」, which asks for that item)
_TOPIC_MARKERS = re.compile(
    either(tuple(w for w in LEXICON.asking_words.topic_markers if not re.search("[条项]", w)))
)
# 「指南出了没」「还组织吗」: whether a round is out or held at all
_ROUND_ASKED = re.compile(
    r"出了没|出了吗|出来了?[吗没]|发了没|发了吗|发布了?[吗没]|有没有出|还组织|还开展|还有没有|还搞不搞|还办不办"
)
# 「园区有没有息诉率的要求」「园区也有这个指标吗」: whether something is there too
_HAS_IT = re.compile(r"有没有|有无|是否有|也有|也要|也看|还看|有[^，,。？?]{0,12}吗")
_QUOTED_TERM = re.compile(r"[“\"「‘]([^”\"」’]{2,12})[”\"」’]")
_DOCUMENT_KIND = re.compile(r"行动计划|行动方案|规划|纲要|办法|意见|条例|决定|实施方案")
_POINTS_BACK = re.compile(r"这|它|此|该|上面|刚才")
_PROJECT_SPAN = re.compile(
    r"实施期|项目期|周期|执行期|实施多|执行多|实施几|执行几|做几年|干几年|做多|干多|为期"
)
_SPAN = r"[\d一二两三四五六七八九十]+\s*(?:个月|年|天|日|周)(?:内|以内|之内)"
_SUM_WRITTEN = re.compile(r"\??\d[\d.?]*\s*万?元")


def sums_erased(sentence: str) -> bool:
    """Every sum the sentence states lost a digit to the damage (「分别给?0万元?0万元」)."""
    sums = _SUM_WRITTEN.findall(sentence)
    return bool(sums) and all("?" in s for s in sums)


RATE_NOUNS = re.compile("|".join(map(re.escape, LEXICON.figures.rates)))
_NAMED_RATE = re.compile(r"[\u4e00-\u9fff]{2}率")  # 「实施率」「撤回率」: a rate the question names
Search = Callable[[], list[Hit]]  # a turn's hits, searched when first asked for


# 「带了哪些附件」「几个附件，都是什么」, but not 「附件3的申报主体」 (one attachment named) or
# 「正文（不是附件）怎么写的」
_ATTACHMENTS_ASKED = re.compile(r"(?<!不是)附件(?!\s*\d)")


# 「…140号附件3是什么」: an attachment named by its number, and nothing else asked of it
_ATTACHMENT_ALONE = re.compile(
    r"附件\s*(\d{1,2})\s*(?:是什么|是啥|是哪个|是哪份|是哪一个|指的是什么|是什么指南|是哪个指南|是什么文件"
    r"|是什么项目|是哪个项目|是啥项目|讲的什么|讲什么|说的什么"
    # 「附件2里面分成哪两个指南」: the guides it holds
    # (named by its title too: 「附件2商标品牌那个又分哪两个指南」)
    r"|(?:[\u4e00-\u9fff]{0,8}?(?:那个|这个|那份|的))?(?:里面?|中|下面?)?(?:又|还|都|一共|具体)*"
    r"(?:分成|分为|分|包括|包含|含|有)(?:哪|几|什么|啥)[^，,。？?]{0,6})?"
    r"\s*[？?。]?\s*$"
)


# 「对执法案卷评查有啥要求」「在执法队伍上有什么要求」: the matter a requirement is asked of
_MATTER_ASKED = re.compile(
    r"(?:对|在|关于)([\u4e00-\u9fff]{2,14}?)(?:上|方面|这块)?(?:有|提了|提出了)?(?:什么|啥|哪些|何)(?:具体)?(?:要求|规定)"
    # 「要求成立成什么性质的机构」: an act required
    r"|要求([\u4e00-\u9fff]{2,10}?)(?:什么|啥|哪些|哪种|哪类)"
    # 「装订有啥要求」: the matter opens the question
    r"|^(?:那|那么|还有)?([\u4e00-\u9fff]{2,8}?)(?:上|方面|这块)?(?:有|提了)?(?:什么|啥|哪些)(?:具体)?(?:要求|规定)"
)
# A list asked right after its title (「申报要求有哪些」「申报要求是什么」)
_ASKED_RIGHT_AFTER = r"(?:的|都|主要|具体|一共)*(?:有哪|有什么|有啥|有几|是什么|是啥|是哪|包括|哪些)"
# Before applying (「申报之前」「申报项目前」)
_BEFORE_APPLYING = re.compile(r"(?:申报|申请)(?:[\u4e00-\u9fff]{0,10}?项目)?之?前(?!期)")
# The words of a question that say its scope, not its matter: years, applicants, 申报, 项目
_SCOPE_WORDS = re.compile(
    r"(?:20)?\d{2}\s*(?:年度|年|版)|申报|项目|指南|"
    + either(tuple(w for _, words in APPLICANT_WORDS for w in words))
)
# 「…分成哪两个」「…包括哪几类」: the parts of something asked
_PARTS_ASKED = re.compile(r"(?:分成|分为|分了|包括|包含)(?:了)?(?:哪|几)")
# A matter named as the topic of a list question: the words before 方面/这块/这部分
_TOPIC = re.compile(
    rf"([\u4e00-\u9fff]{{2,8}}?)(?:{'|'.join(LEXICON.asking_words.topic_markers)})"
    rf"|对([\u4e00-\u9fff]{{2,8}}?)(?:{'|'.join(LEXICON.asking_words.matter_asked)})"
    # 「任务里的知识产权国际保护，主要是哪几块工作」: a matter inside the list
    r"|任务(?:里|中|当中)的([\u4e00-\u9fff]{2,10})(?=[，,]|$)"
    # 「园区的执法监管任务里，…」: the matter the list is named by
    r"|([\u4e00-\u9fff]{2,8}?)(?:任务|目标)(?:里|中|当中)(?!的)"
)
# 「重点强化哪些领域」: a phrase that asks names no topic
_ASKING_PHRASE = re.compile(r"哪|什么|啥|怎么|多少|几")
# A list of tasks or targets asked for itself (「要完成哪些重点工作任务」「任务都有啥」「干哪些事」)
_ASKS_THE_LIST = re.compile(
    r"(?:哪些|哪几|什么|啥|几)[^，,。？?]{0,4}(?:任务|目标|指标|工作|事|活)(?=[？?，,。！!呢吗啊呀]|$)"
    r"|(?:任务|目标|指标|绩效)[^，,。？?里中]{0,4}(?:有哪|有什么|有啥|都有|是什么|是啥|包括|列)"
)
# A request closing a question (「…有哪些？列个清单」「…条件给我捋一下」)
_REQUEST_TAIL = re.compile(
    rf"[？?，,。！!\s]*{REQUESTER}(?:{either(LEXICON.asking_words.request_tails)})[？?。！!\s]*$"
)
# Each of several parts asked for (「两个方向，申报主体分别是谁」)
_EACH = re.compile(r"分别|各自|各是|两个方向|两个都|各有|各要")


_PARTS_LISTS = ("goals", "tasks")  # the lists each part of a guide has of its own


def _compares_or_asks_each(question: str) -> bool:
    """The question compares (「比一比」「有啥区别」) or asks of each (「分别」)."""
    return asks_to_compare(question) or _EACH.search(question) is not None


# The asker's place and level (「无锡市级层面」): no matter a list must cover
_PLACES_AND_LEVELS = re.compile(f"(?:{either(LEXICON.jiangsu_places)})|[市县区]?级?层面|这边|我们这")
# Words of a list question that ask, and name no part (「要做什么」「这块」「方面」「任务」)
_ASKING_TERMS = LEXICON.asking_words.asking_terms


# A term defined in a guide's sentence: the words right before 「（指…）」「是指」
_DEFINED = re.compile(r"([\u4e00-\u9fff]{2,12})(?:[（(]\s*(?:指|包括|含)|是指|系指)")


def _defines_a_term_of(question: str, sentence: str) -> bool:
    """Whether the sentence defines a term the question names (「园区（指…）」 for 「说的园区」)."""
    return any(
        term[-size:] in question
        for term in (m.group(1) for m in _DEFINED.finditer(sentence))
        for size in range(2, len(term) + 1)
    )


def _unused_cues_out(text: str, spec: Intent, context: str) -> str:
    """The text without the word that asks for the list at its end when the list itself does
    not use it (「…有没有身份上的前提」: 前提 is no word of 申报条件): a list is not missed for the
    word it was asked with (but 「…取消资格还有啥后果」 asks of something else)."""
    unused = [cue for cue in spec.cues if cue not in context]
    if not unused:
        return text
    cue = either(unused)  # 「身份上的前提」: one such word after another
    return re.sub(
        rf"(?:(?:{cue})(?:上的|方面的|的)?)*(?:{cue})(?:吗|呢|啊|是什么|是啥|有哪些|有啥)?[？?。！!\s]*$",
        "",
        text,
    )


def _asks_attachments(question: str) -> bool:
    """A clause of the question asks which attachments a document has."""
    return any(
        _ATTACHMENTS_ASKED.search(clause) and any(w in clause for w in (*LIST_WORDS, "几"))
        for clause in re.split(r"[，,。？?；;]", question)
    )


def _of_its_own_type(question: str, before: str) -> str:
    """The words a list's part is named by (a follow-up's with the question before it), less
    the words of other applicant types than the one the question names (「…新建项目，企业申报条件
    有哪些」, then 「那高校呢」: 新建项目 and 高校, not 企业)."""
    named = types_named(question)
    others = sorted(
        (w for kind, words in APPLICANT_WORDS if kind not in named for w in words), key=len, reverse=True
    )
    return re.sub(either(others), " ", before) if named and others else before


def _applicant_section(clause: Clause) -> bool:
    """The clause sits in a section about what the applicant must do or have."""
    return any(w in title for title in clause.heading_path[1:] for w in LEXICON.figures.applicant_sections)


# A body whose telephone or contact is asked (「我们市知识产权维权援助中心的电话」), or its address
_BODY = r"([\u4e00-\u9fff]{2,14}(?:中心|局|法院|法庭|院|处|站|办|所|委员会|协会))的?"
_BODY_CONTACTED = re.compile(_BODY + r"(?:电话|联系方式|联系人|座机|热线)|([\u4e00-\u9fff]{2,14})热线")
# A place's own body whose people are asked for (「苏州市知识产权局负责这个项目的人电话多少」): no
# line of a guide that does not name the place gives them (the guides give the province's)
_PLACES = (*NAMED_PLACES, *LEXICON.other_places)
_PLACE_BODY_CONTACTED = re.compile(
    f"({either(_PLACES)})[市县区]?[\u4e00-\u9fff]{{0,8}}?(?:中心|局|法院|法庭|处|站|办|委员会|协会)"
    r"[^，,。？?]{0,10}?(?:电话|联系方式|联系人|座机|热线)"
)
_BODY_VISITED = re.compile(
    _BODY + r"(?:地址|在哪办公|办公地点|在哪里办公|在哪个区|在哪条路|位置在哪|在什么位置)"
)


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
# A measure asked (「办公场地至少要多少平方」「最高判几年」), and a figure that could answer one
_MEASURE_ASKED = re.compile(
    r"(?:多少|(?<![前这近好十]|哪)几)(平方|平米|字|页|个点|万|千|百|元|块|钱|年|天|人|件|家|次|倍|%|％)"
)
_AMOUNT = BY_NAME["amount"]  # a sum asked
# the units a guide may count the asked one in (「多少人」: 200 名)
_SAME_UNITS = {
    "人": ("人", "名", "人次"),
    "天": ("天", "日", "个工作日"),
    "钱": ("元", "万元"),
    "块": ("元",),
}
_ENDS_HOW_MUCH = re.compile(r"(?:上限|下限|额度|金额|数额|比例|标准)(?:是|为|有)?多少[？?。！!呢]*$")
_A_FIGURE = re.compile(r"\d|[一二两三四五六七八九十百千万]+\s*(?:个|家|件|项|万|元|倍|次|名|人|天|年|%|％)")


class Composer:
    def __init__(
        self,
        kb: KnowledgeBase,
        relevance: ev.Relevance,
        templates: Path | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.kb = kb
        self.today = today  # read per answer: whether a cited guide's round is over
        self.relevance = relevance
        self.reader = Reader(kb, relevance)
        self._templates_path = templates or PROMPTS_DIR / "answer_templates.yaml"

    @cached_property
    def t(self) -> dict:
        return read_yaml(self._templates_path, "回答模板")

    @cached_property
    def covered(self) -> str:
        return "；".join(f"《{g.title}》" for g in self.kb.guides if g.kind != "通知")

    def run(self, turn: Turn, search: Search) -> Composed:
        """The answer to a turn; `search` gives the hits, searched only when they are read."""
        if turn.intent == CHITCHAT:
            key = "chitchat" if greets(turn.question) else "off_topic"
            return Composed(self.t[key].format(covered=self.covered), False)
        # 「2024年度地理标志指南有吗？和22年比变了啥」: a side of a comparison that no guide holds
        if turn.scope.unknown_years and (not turn.scope.years or turn.intent == COMPARE):
            years = "、".join(str(y) for y in turn.scope.unknown_years)
            if held := self._programs_guides(turn):  # 「专利转化2024年还组织申报吗」: its rounds, named
                return self._no_round(years, held)
            return self._not_covered(self.t["not_covered_year"].format(years=years, covered=self.covered))
        if (stale := self._no_round_this_year(turn)) is not None:
            return stale
        attachment = self._attachment_asked(turn)
        if turn.reference is not None:
            # 「苏知发〔2021〕140号附件4」: the notice's line of it, then the guide's own words
            whole_guide = attachment is not None and turn.reference.id == turn.reference.guide_id
            notice_line = (
                Draft(attachment.lines[:1], attachment.cited[:1]) if attachment and whole_guide else None
            )
            # the same place in the other round or of the other applicant types, after it (each
            # type's named: 「设区市：…」「县（市、区）：…」)
            types = any(self.reader.type_of(c) != self.reader.type_of(turn.reference) for c in turn.compared)
            if turn.reference.kind == ROOT and names_opening(turn.question):
                return finish(self.kb, self.t, turn, self._opening(turn.reference, notice_line), self.today())
            looked = self._lookup(turn.reference, notice_line, self._whose(turn.reference) if types else "")
            for clause in turn.compared:
                looked = self._lookup(clause, looked, self._whose(clause) if types else "")
            return finish(self.kb, self.t, turn, looked, self.today())
        if attachment is not None:
            return finish(self.kb, self.t, turn, attachment, self.today())
        hits = search()
        if turn.intent == COMPARE:
            return finish(self.kb, self.t, turn, self._compare(turn, hits), self.today())
        parts = self._each_part(turn, hits)
        if parts is not None:
            return finish(self.kb, self.t, turn, parts, self.today())
        draft = (
            self._same_place_asked_again(turn, lists_only=True)
            or self._same_list_of_another_type(turn)
            or (self._each_ask(turn, hits) if turn.asks else None)
            or self._by_intent(turn, hits)
        )
        draft = draft or self._same_place_asked_again(turn)
        if draft is None:
            return self._not_found(turn, hits)
        return finish(self.kb, self.t, turn, draft, self.today())

    def _no_round_this_year(self, turn: Turn) -> Composed | None:
        """「今年地标指南出了没」「今年还组织吗」: whether this year's round is out, of a program
        whose newest guide is of an earlier year, is in no guide. (Its deadline asked is answered
        from the newest round, said to be closed: draft.finish.)"""
        today = self.today()
        if not turn.scope.current or today is None or not _ROUND_ASKED.search(turn.question):
            return None
        held = self._programs_guides(turn)
        if not held or any(g.year >= today.year for g in held):
            return None
        return self._no_round(str(today.year), held)

    def _programs_guides(self, turn: Turn) -> list[Guide]:
        return [g for g in self.kb.guides if g.program and g.program in turn.scope.programs]

    def _no_round(self, years: str, held: list[Guide]) -> Composed:
        """No guide of the program talked about for these years: the rounds held, named."""
        have = "、".join(f"《{g.title}》" for g in held)
        return self._not_covered(self.t["not_covered_program_year"].format(years=years, have=have))

    def _each_ask(self, turn: Turn, hits: list[Hit]) -> Draft | None:
        """Each ask of a question that asks two things, answered in turn into one draft (a
        line already given is not given again); None when an ask finds no answer."""
        draft = Draft()
        for ask in turn.asks:
            tried = self._by_intent(ask, hits, Draft(list(draft.lines), list(draft.cited)))
            if tried is None:
                return None
            draft = Draft(list(dict.fromkeys(tried.lines)), tried.cited)
        return draft

    def _each_part(self, turn: Turn, hits: list[Hit]) -> Draft | None:
        """「新建项目跟升级项目的专利绩效指标比一比」: a question that compares two parts of one
        guide (or asks of each) is answered for each part in turn, under its title. None when
        it names fewer than two, when they are applicant types (a list is given per type), or
        when a part's answer is not inside it (「新建和升级拨钱方式有啥区别」: one clause says both)."""
        if (
            len(turn.guides) > 1
            or turn.intent not in (GENERAL, "conditions", *_PARTS_LISTS)
            or not _compares_or_asks_each(turn.question)
        ):
            return None
        # of the guide talked about, or of the one guide whose parts they are (「新建和升级…」)
        guides = turn.guides or self.kb.guides
        named = [(g, t) for g in guides if len(t := self.reader.parts_named(g.id, turn.question)) >= 2]
        if len(named) != 1:
            return None
        guide, titles = named[0]
        if any(types_named(title) for title in titles):
            return None
        unasked = re.sub(either(COMPARE_CUES), " ", turn.question)  # each part asked without them
        # 「…的绩效指标差在哪」: the targets or tasks of each part (a bare 要求 names no list: 「实施率的
        # 要求一样吗」 asks one target of each)
        listed = named_intent(unasked)
        name = listed if turn.intent == GENERAL and listed in _PARTS_LISTS else turn.intent
        if name == "conditions" and not self._of_the_conditions(guide, unasked, titles):
            name = GENERAL  # 「…对专利实施率的要求有啥不一样」: a target's figure, asked with 要求
        own = [h for h in hits if h.chunk.guide_id == guide.id]
        draft = Draft()
        for title in titles:
            asked = unasked
            for other in titles:
                asked = asked.replace(re.sub(r"项目$", "", other), " ")
            asked = f"{title} {asked}"
            sub = replace(
                turn,
                question=asked,
                intent=name,
                guides=(guide,),
                search_text=with_full_years(self.kb, asked),
                asks=(),
            )
            part = self._part_answer(sub, title, titles, own, draft)
            if part is None:
                return None
            draft.lines.append(f"【{title}】" + "\n".join(part.lines))
        return draft

    def _of_the_conditions(self, guide: Guide, question: str, titles: list[str]) -> bool:
        """Whether the guide's conditions hold what a question asks of its parts, the parts'
        names left out: each run of three characters of the question that the guide's text
        holds is in its conditions (「新建和升级的申报条件」; not 「…专利实施率的要求」, a target's)."""
        question = without_program_names(self.kb, question)
        for title in titles:
            question = question.replace(re.sub(r"项目$", "", title), " ")
        whole = self.kb.guide_text(guide.id)
        held = "".join(
            self.kb.full_text(c) for c in self.kb.guide_clauses(guide.id) if clean(c.title) == "申报条件"
        )
        runs = re.findall(r"[\u4e00-\u9fff]{3,}", question)
        grams = {run[i : i + 3] for run in runs for i in range(len(run) - 2)}
        return all(g in held or g not in whole for g in grams)

    def _part_answer(
        self, sub: Turn, title: str, titles: list[str], hits: list[Hit], draft: Draft
    ) -> Draft | None:
        """One part's answer in a comparison of parts: from the guide's hits, else from the hits
        inside the part (「新建…实施率」: its own 绩效目标, not the other part's); None when the
        answer found is in neither part (「新建和升级拨钱方式」: one clause of 组织方式 says both)."""
        before = len(draft.cited)  # the parts' drafts share one list of citations
        part = self._by_intent(sub, hits, Draft(cited=draft.cited))
        found = [self.kb.clause(c) for c in draft.cited[before:]]
        if part is not None and all(title in c.heading_path for c in found):
            return part
        del draft.cited[before:]
        if part is not None and not any(t in c.heading_path for c in found for t in titles):
            return None
        inside = [h for h in hits if title in self.kb.clause(h.chunk.clause_id).heading_path]
        part = self._by_intent(sub, inside, Draft(cited=draft.cited)) if inside else None
        if part is None or not all(title in self.kb.clause(c).heading_path for c in draft.cited[before:]):
            return None
        return part

    def eligibility(self, turn: Turn, checked: Checked, search: Search) -> Composed:
        """The checker's decision, first, with each condition's clause cited. Before it can
        decide (the applicant type is not known yet), what the guide says, and its question."""
        if checked.decision is None:
            asked = "applicants" if named_intent(turn.question) == "applicants" else "conditions"
            draft = self._by_intent(replace(turn, intent=asked), search()) or Draft()
            draft.lines.append(checked.question or self.t["eligibility_pending"])
            return (
                finish(self.kb, self.t, turn, draft, self.today())
                if draft.cited
                else Composed(draft.lines[-1], True)
            )
        draft = Draft()
        draft.lines.extend(decision_lines(checked, lambda clause_id: draft.cite(self.kb.clause(clause_id))))
        return finish(self.kb, self.t, turn, draft, self.today())

    def screening(self, turn: Turn, screened: tuple[Checked, ...], ask_kind: str) -> Composed:
        """「我们能报哪些项目？」: one line per program open to the applicant, each with its clause."""
        if not screened:
            return Composed(ask_kind, True)
        draft = Draft()
        draft.lines.extend(screening_lines(screened, lambda clause_id: draft.cite(self.kb.clause(clause_id))))
        return finish(self.kb, self.t, turn, draft, self.today())

    def not_covered_place(self, places: list[str]) -> Composed:
        return self._not_covered(
            self.t["not_covered_place"].format(places="、".join(places), covered=self.covered)
        )

    def not_covered_outcome(self) -> Composed:
        return self._not_covered(self.t["not_covered_outcome"].format(covered=self.covered))

    def not_covered_service(self) -> Composed:
        return self._not_covered(self.t["not_covered_service"].format(covered=self.covered))

    def not_covered_detail(self, detail: str) -> Composed:
        return self._not_covered(self.t["not_covered_detail"].format(detail=detail, covered=self.covered))

    def not_covered_procedure(self) -> Composed:
        return self._not_covered(self.t["not_covered_procedure"].format(covered=self.covered))

    def not_covered_document(self, name: str) -> Composed:
        return self._not_covered(self.t["not_covered_document"].format(name=name, covered=self.covered))

    def not_covered_program(self, name: str) -> Composed:
        return self._not_covered(self.t["not_covered_program"].format(name=name, covered=self.covered))

    # -- the answer kinds: each writes lines into a draft, or returns None -------------

    def _by_intent(self, turn: Turn, hits: list[Hit], draft: Draft | None = None) -> Draft | None:
        draft = draft if draft is not None else Draft()
        spec = intent("conditions") if turn.intent == ELIGIBILITY else intent(turn.intent)
        titled = self._titled_list(turn, spec, draft)
        if titled is not None:
            lines = titled
        elif (each := self._each_direction(turn, spec, draft)) is not None:
            lines = each
        elif spec is None:  # 「140号文一共带了哪些附件」 asks for a list too
            listed = self._attachments(turn, hits, draft) if _asks_attachments(turn.question) else None
            lines = listed or self._before_applying(turn, hits, draft) or self._general(turn, hits, draft)
        elif spec.name == "conditions" and self._matter_beyond_conditions(turn):
            # 「对执法案卷评查有啥要求」: a target, not a condition; 「申报前要先做什么」: a requirement
            lines = self._before_applying(turn, hits, draft) or self._general(turn, hits, draft)
        elif spec.is_list:  # no list fits: the sentences that fit (a stricter bar for conditions)
            lines = (
                (self._attachments(turn, hits, draft) or self._document_parts(turn, spec, draft))
                if spec.name == "parts"
                else None
            ) or self._list(turn, hits, spec, draft)
            if lines is None:
                strict = spec.name in ("conditions", "applicants")
                lines = self._general(turn, hits, draft, MIN_CONDITION_FALLBACK if strict else None)
        elif spec.name == "materials":  # materials of the subject asked, then answered as any question
            of_it = self._fact(turn, hits, spec, Draft()) is not None
            lines = self._general(turn, hits, draft) if of_it else None
        elif spec.name in ("threshold", "data_year"):
            lines = self._threshold(turn, hits, spec, draft)
        elif spec.name == "consequence":
            lines = self._consequence(turn, hits, spec, draft)
        elif spec.name == "all_or_one":
            # (「条件是哪些？满足一条就行吗」, no list answered before: the conditions, whole)
            lines = self._all_or_one(turn, draft) or self._list(turn, hits, intent("conditions"), draft)
        else:
            lines = self._fact(turn, hits, spec, draft)
            if lines is None and spec.name in ("responsible", "definition"):
                lines = self._general(turn, hits, draft)  # 「纸质材料谁负责往省里报」: no task's units
        if lines is None:
            return None
        draft.lines.extend(lines)
        return draft

    def _before_applying(self, turn: Turn, hits: list[Hit], draft: Draft) -> list[str] | None:
        """「申报之前要先做什么功课」: the sentences that say what comes before applying."""
        if not _BEFORE_APPLYING.search(turn.question):
            return None
        return self._general(turn, hits, draft, keep=lambda s: _BEFORE_APPLYING.search(s) is not None)

    def _matter_beyond_conditions(self, turn: Turn) -> bool:
        """「24年保护示范区对设区市的执法案卷评查有啥要求」「申报前对技术检索有什么要求」: what is
        asked of (the words between 对/在 and the asking words, the round, program and applicant
        taken out) is said by no condition of the guides in scope, only by other sections."""
        if not turn.guides:
            return False
        clauses = [c for g in turn.guides for c in self.kb.guide_clauses(g.id)]
        # 「申报之前要先做什么功课」: what comes before applying, which a requirement says
        # (「申报单位在申报项目前须…」), not a condition
        if _BEFORE_APPLYING.search(turn.question):
            return any(_BEFORE_APPLYING.search(c.text) for c in clauses)
        matter = _MATTER_ASKED.search(turn.question)
        if matter is None:
            return False
        asked = next(g for g in matter.groups() if g)
        named = _SCOPE_WORDS.sub(" ", without_program_names(self.kb, asked))
        words = [w for w in self.relevance.tokens(named) if len(w) >= 2 and _CJK_WORD.fullmatch(w)]
        if not words:
            return False
        conditions = " ".join(c.text for c in clauses if ev.matches_intent(self.kb, c, intent("conditions")))
        elsewhere = " ".join(c.text for c in clauses)
        return not any(w in conditions for w in words) and any(w in elsewhere for w in words)

    def _fact(self, turn: Turn, hits: list[Hit], spec: Intent, draft: Draft) -> list[str] | None:
        per_guide = len(turn.guides) > 1
        query = turn.search_text or turn.question
        clauses = self.reader.candidates(turn, hits)
        if per_guide or not clauses:  # every guide in scope gets its say (「这几类…分别哪天截止」)
            clauses += [c for c in self.reader.scope_clauses(turn) if c not in clauses]
        clauses = self._in_section(clauses, spec)
        if spec.name == "responsible" and not self.relevance.names_things(spec.without_asking(turn.question)):
            held = [c for c in turn.previous if ev.matches_intent(self.kb, c, spec)]
            clauses = held or clauses  # 「这个谁牵头」: of the task just answered (the best fit of them)
        if spec.name == "doc_number":  # a document's number stands in its heading
            clauses = self.reader.preambles(clauses) or clauses
        named = _DOCUMENT_KIND.search(turn.question) if spec.name == "basis" else None
        held: list[Clause] = []
        if named and _POINTS_BACK.search(turn.question):  # 「这是依据哪个行动计划的」: the document
            # of that kind the last answer named (「围绕《…“产业强链”三年行动计划》…」)
            pattern = rf"《[^》]*{named.group()}[^》]*》"
            held = [c for c in turn.previous if re.search(pattern, self.kb.full_text(c))]
            clauses = held or clauses
            spec = replace(spec, evidence=pattern) if held else spec
        if spec.name in _HEADING_ASKED and not held:  # its date, issuer, addressees; a guide
            # attached to a notice has the notice's; 「文末…」 asks the lines after its text
            ends = any(w in turn.question for w in LEXICON.asking_words.document_end)
            trailers = [c for c in self.reader.scope_clauses(turn) if c.kind == TRAILER] if ends else []
            clauses = trailers or [*self.reader.preambles(clauses), *self._notices(turn)] or clauses
        if spec.name.startswith("duty_"):
            return self._duties(turn, clauses, spec, draft)
        preferred = []  # the section the intent prefers, of the hits and then of the whole guide
        if spec.prefer and not (spec.prefer_unless and re.search(spec.prefer_unless, turn.question)):
            near = dict.fromkeys([*clauses, *self.reader.scope_clauses(turn)])
            preferred = [c for c in near if ev.under_section(self.kb, c, spec.prefer)]
        # the direction named says it itself, in a list's opening line maybe (「…提升计划实施期 2 年，
        # 重点完成…：」): a figure it states comes before what the guide says of every direction (the
        # intent's preferred section); a sentence of no evidence of its own, after it
        focus = self.reader.direction(turn)
        inside = self._in_section([focus, *self.kb.descendants(focus)], spec) if focus else []
        searches = (
            [(inside, True), (preferred, False)] if spec.evidence else [(preferred, False), (inside, True)]
        )
        found = []
        for searched, openings in searches:
            found = found or ev.find_sentences(
                self.relevance, query, searched, spec.evidence or ".", per_guide, openings
            )
        found = found or ev.find_sentences(self.relevance, query, clauses, spec.evidence or ".", per_guide)
        # the hits missed it: the whole guide, the same section (a date of issue is the heading's)
        if not found and turn.guides and spec.name not in _HEADING_ASKED:
            rest = self._in_section(self.reader.scope_clauses(turn), spec)
            found = ev.find_sentences(self.relevance, query, rest, spec.evidence or ".", per_guide)
        if spec.name == "definition":  # 「说的园区指哪几类」: the sentence that defines a term asked
            found = [e for e in found if _defines_a_term_of(turn.question, e.sentence)]
            quoted = _QUOTED_TERM.findall(turn.question)
            if not found and quoted:  # 「“地理标志+”是什么意思」, defined nowhere: where it is used
                pool = self.reader.scope_clauses(turn) or clauses
                used = "|".join(re.escape(t) for t in quoted)
                found = ev.find_sentences(self.relevance, query, pool, used, per_guide)
        generic = spec.name in GENERIC_EVIDENCE
        # 「什么时候验收？」 of the guide talked about: the guide is its subject (a sum or a rate
        # asked so, 「具体补多少钱」, must still be of the thing talked about)
        subjectless = turn.guides and spec.name not in ("amount", "rate")
        # (its subject is sought without the words that ask: 「啥后果」 names none)
        # (nor is a program's name: its guide is the one answering, 「强省政策对PCT申请补助多少」)
        unasked = without_program_names(self.kb, spec.without_cues(query))
        subject = generic and not (subjectless and not self.relevance.has_subject(unasked, ASKED_WORDS))
        # 「网址呢」 of the guide talked about: a detail asked with no other word, its evidence suffices
        bare_detail = (
            spec.name in DETAIL_NAMES
            and turn.guides
            and not spec.without_asking(turn.question).strip(" ？?。！!呢吗啊呀")
        )
        if (generic and not bare_detail) or not (
            spec.section or turn.guides
        ):  # else the guide and evidence suffice
            # (a sum or a rate is of an act too: 「贯标认证补贴多少」 is no sum of 专利奖)
            acts = spec.name in ("amount", "rate")
            found = [e for e in found if self._on_topic(query, e, subject, unasked, acts)]
        if spec.name == "rate":  # a rate of the thing asked, not any rate of the same topic
            found = [e for e in found if self.relevance.holds_whose(query, ev.in_context(e), RATE_NOUNS)]
            named = _NAMED_RATE.findall(spec.without_cues(query))  # 「实施率」: that rate itself
            found = [e for e in found if all(r in e.sentence for r in named)]
        if spec.name == "amount" and COST_ASKED.search(query):  # a cost asked: a sum, not a share of it
            found = [e for e in found if re.search(SUM, e.sentence)]
        if spec.name == "amount" and (money := self._money_just_quoted(turn)) is not None:
            # 「补助具体多少钱」 of the support quoted: its sum, though the search missed the clause
            found = [e for e in found if e.clause == money] or ev.find_sentences(
                self.relevance, query, [money], spec.evidence or ".", per_guide
            )
        if spec.name == "amount" and subject:
            named = self._amount_subject(turn)
            found = [e for e in found if not self._money_of_another_sentence(named, e)]
        if spec.name == "span":  # a span of something else: the sentence must say the rest of it
            found = [e for e in found if self.relevance.coverage(query, e.sentence) >= SPAN_COVERAGE]
        reached = {"contact": _BODY_CONTACTED, "address": _BODY_VISITED}.get(spec.name)
        body = reached.search(turn.question) if reached else None
        if body:  # 「我们市维权援助中心的电话」「市场监管局在哪办公」: another body's, which no line gives
            named = next(g for g in body.groups() if g)
            found = [e for e in found if named[-3:] in e.sentence]
        if spec.name == "contact" and (place := _PLACE_BODY_CONTACTED.search(turn.question)):
            found = [e for e in found if place[1] in e.sentence]  # (not the province's body of that name)
        if spec.name == "doc_number":
            found = self._numbers(turn, hits, found, per_guide)
        if not found and spec.name == "period" and not _PROJECT_SPAN.search(turn.question):
            # 「专利多久没转化就可以开放许可」: a span of something else than the project
            return self._fact(turn, hits, replace(spec, name="span", evidence=_SPAN), draft)
        if not found:
            return None
        # 「分别给?0万元?0万元」: the sums asked were erased by the damage, said first
        lines = (
            [self.t["erased_amount"]]
            if spec.name == "amount" and all(sums_erased(e.sentence) for e in found)
            else []
        )
        for item in found:
            prefix = f"《{self._guide(item.clause).title}》：" if len(found) > 1 else ""
            said = (
                self.relevance.with_companions(query, item, self._guide(item.clause).title, self._whole(item))
                if len(found) == 1
                else [item.sentence]
            )
            lines.append(prefix + ev.joined(said) + draft.cite(item.clause))
        return lines

    def _consequence(self, turn: Turn, hits: list[Hit], spec: Intent, draft: Draft) -> list[str] | None:
        """「材料造假会咋样」: the sentences of a sanction that fit, when one fits nearly as well
        as any sentence does; else those that fit (「专利三年没用起来会怎样」: 开放许可, no sanction)."""
        sanction = re.compile(spec.evidence or ".")
        query = turn.search_text or turn.question
        clauses, ranks = self.reader.ranked(turn, hits)
        asked = [
            family for family in LEXICON.asking_words.breaches if any(w in turn.question for w in family)
        ]
        if asked:  # 「中期评估不合格会怎么处理」: no sentence says what follows that breach
            said = "".join(self.kb.full_text(c) for c in [*clauses, *self.reader.scope_clauses(turn)])
            if any(not any(w in said for w in family) for family in asked):
                return None
        best = self.relevance.rank(query, clauses, ranks=ranks)
        kept = [r for r in best if sanction.search(r[1].sentence)]  # ranked alike, kept or not
        if best and kept and kept[0][0] >= best[0][0] * SANCTION_FIT:
            return self._general(turn, hits, draft, keep=lambda s: bool(sanction.search(ev.strip_marker(s))))
        return self._general(turn, hits, draft)

    def _all_or_one(self, turn: Turn, draft: Draft) -> list[str] | None:
        """「后面那几条要全部满足吗」: the list just answered, whole, with its opening line
        (「…且符合下列条件之一：」); 「那设区市呢」 after it: the same list of that type."""
        lists = [c.id if self.kb.children(c) else c.parent_id for c in turn.previous]
        held = [self.kb.clause(i) for i in dict.fromkeys(lists) if i and self.kb.has_clause(i)]
        if not held:
            return None
        node, kind = held[0], turn.scope.applicant_type
        if kind and kind not in types_named(node.text) and node.parent_id:
            parent = self.kb.clause(node.parent_id)
            typed = [
                c for c in self.kb.children(parent) if self.kb.children(c) and kind in types_named(c.text)
            ]
            node = typed[0] if len(typed) == 1 else node
        lead = ev.strip_marker(node.text)
        return self._numbered(draft, node, node.label, ev.render_items(self.kb, node), lead)

    def _duties(self, turn: Turn, clauses: list[Clause], spec: Intent, draft: Draft) -> list[str] | None:
        """「县局那一级要干什么活」: every sentence where that bureau acts, in the guide's order, of
        the guide talked about (else of the best clause's guide); a notice's address line
        (「各设区市、县（市、区）知识产权局，各有关单位：」) says nothing it does."""
        query = turn.search_text or turn.question
        regex = re.compile(spec.evidence or ".")
        if len(turn.guides) == 1:
            guide_id = turn.guides[0].id
        else:
            best = ev.find_sentences(self.relevance, query, clauses, regex.pattern, per_guide=False)
            if not best:
                return None
            guide_id = best[0].clause.guide_id
        acting = [
            item
            for item in ev.matching(self.kb.guide_clauses(guide_id), regex)
            if not item.sentence.rstrip().endswith(("：", ":"))
        ]
        return [
            ev.strip_marker(item.sentence) + draft.cite(item.clause) for item in acting[:MAX_DUTIES]
        ] or None

    def _numbers(
        self, turn: Turn, hits: list[Hit], found: list[ev.Evidence], per_guide: bool
    ) -> list[ev.Evidence]:
        """A document's number: of the issuer the question names (「苏政发…第几号」) if it names
        one; else, when no heading holds one, the number another document is cited by
        (「…同时废止的老文件文号是多少」)."""
        query = turn.search_text or turn.question
        issuer = _ISSUER.search(query)
        found = [e for e in found if issuer.group() in e.sentence] if issuer else found
        if found:
            return found
        # a guide attached to a notice (「苏知发〔2021〕140号 附件1」) has the notice's number
        notices = self._notices(turn)
        if notices and not issuer:
            return ev.find_sentences(self.relevance, query, notices, intent("doc_number").evidence, per_guide)
        cited = (re.escape(issuer.group()) if issuer else "") + r"[\u4e00-\u9fff]{0,8}" + CITED_NUMBER
        return ev.find_sentences(self.relevance, query, self.reader.candidates(turn, hits), cited, per_guide)

    def _notices(self, turn: Turn) -> list[Clause]:
        """The notices the guides in scope are attached to (their preambles)."""
        return list(dict.fromkeys(self.kb.clause(n.id) for g in turn.guides for n in self._notice_of(g)))

    def _notice_of(self, guide: Guide) -> list[Guide]:
        """The notice a guide is attached to (its document number, before 「附件」)."""
        number = (guide.doc_number or "").split("附件")[0].strip()
        if not number or "附件" not in (guide.doc_number or ""):
            return []
        return [g for g in self.kb.guides if (g.doc_number or "").strip() == number]

    def _in_section(self, clauses: list[Clause], spec: Intent) -> list[Clause]:
        if not spec.section:
            return clauses
        return [c for c in clauses if ev.under_section(self.kb, c, spec.section)]

    def _on_topic(
        self, query: str, item: ev.Evidence, subject: bool, unasked: str | None = None, acts: bool = False
    ) -> bool:
        """Whether a sentence with the evidence is about the question; where any date or sum
        would do as evidence, it must also name the question's subject (「江苏专利奖」)."""
        text = f"{self._guide(item.clause).title} {ev.in_context(item)}"
        if self.relevance.coverage(query, text) < MIN_FACT_COVERAGE:
            return False
        return not subject or self.relevance.holds_subject(unasked or query, text, ASKED_WORDS, acts)

    def _list(self, turn: Turn, hits: list[Hit], spec: Intent, draft: Draft) -> list[str] | None:
        clauses = [c for c in self.reader.candidates(turn, hits) if ev.matches_intent(self.kb, c, spec)]
        if not clauses and len(turn.guides) == 1:  # the hits missed the section: the guide's own
            clauses = [c for c in self.reader.scope_clauses(turn) if ev.matches_intent(self.kb, c, spec)]
        if not clauses:
            return None
        query = turn.search_text or turn.question
        parts_named = _of_its_own_type(turn.question, query)
        # 「高价值专利新建项目要完成的任务」: the part the question names (新建项目) before another
        clauses.sort(key=lambda c: not ev.names_part(self.kb, parts_named, c, spec.section))
        if (focus := self.reader.direction(turn)) is not None:  # 「高校那个方向申报条件」: its own
            clauses.sort(key=lambda c: not c.id.startswith(f"{focus.id}."))
        if spec.section:  # 「（二）绩效目标」 before the 「四、项目任务和绩效目标」 around it
            clauses.sort(key=lambda c: not ev.under_section(self.kb, c, spec.section, depth=2))
            clauses = self.reader.own_section(clauses[0], spec.section, turn.scope.applicant_type) + clauses
            clauses = self.reader.typed_section(clauses[0], spec.section, turn.own_type) + clauses
        node = ev.list_node(self.kb, clauses[0], turn.scope.applicant_type, spec.section)
        section = ev.whole_section(self.kb, node, spec.section)  # 「主要任务」: the section
        node = ev.narrow(self.kb, section, parts_named)
        context = f"{self._guide(node).title} {' '.join(node.heading_path)} {self.kb.full_text(node)}"
        bar = MIN_COMPARE_COVERAGE if turn.default_year is None else MIN_LIST_COVERAGE
        # a question that names nothing but what it asks for (「考核指标呢」) is answered by the section
        names = self.relevance.names_things(spec.without_asking(turn.question))
        # what the question names besides its asking phrase (「立项后主要干哪些事」) must be the list's;
        # a follow-up that asks the list itself (「那22年县里的绩效目标呢」) by its own words
        if names and self.relevance.coverage(self._list_words(query, spec, context), context) < bar:
            own = with_full_years(self.kb, turn.question)
            asked_itself = query != own and spec.asked(own)
            if (
                not asked_itself
                or self.relevance.coverage(self._list_words(own, spec, context), context) < bar
            ):
                return None
        if not self.kb.children(node):  # a section of paragraphs (「三、主要目标」)
            return self._paragraphs(draft, node)
        item = ev.named_item(self.kb, node, query)
        if item is None and spec.name in ("tasks", "goals"):  # 「版权方面有啥任务」: the item about 版权
            item = ev.part_holding(self.kb, node, self._terms(turn, node))
            # 「任务里司法保护要建立哪些工作机制」: a matter inside the tasks, not the tasks asked
            # (「要完成哪些重点工作任务」): the item its nouns name
            if item is None and spec.name == "tasks" and not _ASKS_THE_LIST.search(query):
                item = self._item_alone(turn, node)
        if (
            item is not None
        ):  # one item named (「“两法衔接”要做什么」「维权援助这块」): it whole, not the list
            return self._items_of_each_type(turn, node, item, draft)
        lines = [self.t["eligibility_pending"]] if turn.intent == ELIGIBILITY else []
        for part in ev.per_type(self.kb, node, types_named(turn.question)):  # 「设区市和县的…」: each
            # the parts of a document (「分成哪几大块」) are its sections' headings, not their text
            sections = spec.name in ("parts", "tasks") and any(
                self.kb.children(i) for i in self.kb.children(part)
            )
            items = ev.render_items(self.kb, part, whole=spec.name != "tasks" and not sections)
            if not items:
                return None
            long_text = part.text and len(part.text) > len(part.title) + 2
            # a document's whole preamble is no lead to its headings; a short opening line is
            # (「…包括两个方向,分别是:」)
            lead = (
                ev.strip_marker(part.text)
                if long_text and not (sections and len(part.text) > SHORT_CLAUSE)
                else ""
            )
            lines += self._numbered(draft, part, part.label, items, lead)
        return lines

    def _items_of_each_type(self, turn: Turn, node: Clause, item: Clause, draft: Draft) -> list[str]:
        """The item named, whole; of each applicant type the question names when the list is split
        by type (「设区市和园区对执法案件的要求有什么区别」: the item of each type's goals that says
        执法案件, each said to be that type's)."""
        parts = ev.per_type(self.kb, node, types_named(turn.question))
        split = parts != [node]
        each = [one for part in parts if split and (one := self._same_item(turn, part, item)) is not None]
        found = each if split and len(each) == len(parts) else [item]
        lines = []
        for one in found:
            whose = self._whose(one) if len(found) > 1 else ""
            header = self.t["list_header"].format(title=self._guide(one).title, label=one.label)
            lines += [whose + header + draft.cite(one), ev.strip_marker(self.kb.full_text(one))]
        return lines

    def _same_item(self, turn: Turn, part: Clause, item: Clause) -> Clause | None:
        """The item of another type's list that says what the one found says of the question:
        the item its terms name, else the item of the same title."""
        if item.id.startswith(f"{part.id}."):
            return item
        if (found := ev.part_holding(self.kb, part, self._terms(turn, part))) is not None:
            return found
        titled = [c for c in self.kb.descendants(part) if c.title and c.title == item.title]
        return titled[0] if len(titled) == 1 else None

    def _document_parts(self, turn: Turn, spec: Intent, draft: Draft) -> list[str] | None:
        """「强省政策措施分成哪几大块」: the parts of a document asked with nothing named but the
        document (no word left that its title does not hold): its sections' titles, each cited."""
        if len(turn.guides) != 1 or not any(w in turn.question for w in LEXICON.asking_words.document_parts):
            return None
        guide = turn.guides[0]
        rest = without_program_names(self.kb, spec.without_asking(turn.question))
        left = " ".join(  # (「一共分几大块，分别是什么」: 一共, 分别 name nothing)
            sorted(
                t
                for t in self.relevance.tokens(rest)
                if t not in guide.title and not t.isdigit() and t not in _ASKING_TERMS
            )
        )
        root = self.kb.clause(guide.id)
        sections = [c for c in self.kb.children(root) if c.kind == SECTION]
        if any(len(c.title) >= 4 and c.title in turn.question for c in sections):
            return None  # 「“实施知识产权高标准保护”部分有哪几条」: one part named, its items asked
        # 「…包括两个方向,分别是:」: the document says its parts itself (the list's lead answers)
        says_its_parts = re.search(r"包括|分为|分别是", root.text)
        if self.relevance.names_things(left) or len(sections) < 2 or says_its_parts:
            return None
        header = self.t["parts_header"].format(title=guide.title) + draft.cite(root)
        return [header, *(c.text.splitlines()[0].strip() + draft.cite(c) for c in sections)]

    def _item_alone(self, turn: Turn, node: Clause) -> Clause | None:
        """「任务里讲海外维权的是第几条」: the one item that says what the question's own words
        (not those of the list's headings) name, far better than any other item does."""
        words = self._terms(turn, node, everything=True)
        if len(words) < 2:  # 「园区创建保护示范区…」: one word is no matter of its own
            return None
        said = " ".join(sorted(words))
        scored = sorted(
            (
                (self.relevance.coverage(said, self.kb.full_text(c)), c.order, c)
                for c in self.kb.children(node)
            ),
            key=lambda x: (-x[0], x[1]),
        )
        if len(scored) < 2:
            return None
        (best, _, item), (second, _, other) = scored[0], scored[1]
        if best < ITEM_ALONE_COVERAGE:
            return None
        if best - second >= ITEM_ALONE_MARGIN:
            return item
        # as well covered as another (「设维权援助什么机构」: 维权援助 in two items): the one that
        # says the words by far the most often
        said_in = [sum(self.kb.full_text(c).count(w) for w in words) for c in (item, other)]
        if best - second > 0.01 or said_in[0] == said_in[1]:
            return None
        most = item if said_in[0] > said_in[1] else other
        return most if max(said_in) >= 2 * min(said_in) else None

    def _threshold(self, turn: Turn, hits: list[Hit], spec: Intent, draft: Draft) -> list[str] | None:
        """The conditions' sentences that fit (with a figure; with a year for 「看哪一年的数据」),
        else any section's. Asked again of another applicant type by naming it alone, of a guide
        whose conditions are split by type, those of that type, each holding what was asked
        (「研发投入比例要多少」 of 企业, then 「那高校呢」: 高校's 「拥有稳定的研发经费来源」, which
        states no figure)."""
        section, figure = spec.section or spec.prefer or "", spec.evidence or r"\d"
        conditions = [
            h for h in hits if ev.under_section(self.kb, self.kb.clause(h.chunk.clause_id), section)
        ]
        kind = turn.scope.applicant_type
        # (a follow-up naming nothing but the type: 「那高校呢」)
        bare = kind and not self.relevance.names_things(
            _SCOPE_WORDS.sub(" ", spec.without_asking(turn.question))
        )
        typed = (
            [h for h in conditions if self.reader.type_of(self.kb.clause(h.chunk.clause_id)) == kind]
            if bare
            else []
        )
        asked = _SCOPE_WORDS.sub(" ", without_program_names(self.kb, turn.search_text or turn.question))

        def fits(sentence: str) -> bool:
            return not typed or self.relevance.holds_subject(asked, sentence, ASKED_WORDS)

        conditions = typed or conditions
        figured = self._general(
            turn,
            conditions,
            draft,
            keep=lambda s: re.search(figure, ev.strip_marker(s)) is not None and fits(s),
        )
        return (
            figured
            or self._general(turn, conditions, draft, keep=fits)
            or self._general(turn, conditions, draft)
            or self._general(turn, hits, draft)
        )

    def _each_direction(self, turn: Turn, spec: Intent | None, draft: Draft) -> list[str] | None:
        """「专利转化两个方向，申报主体分别是谁」: a guide split into directions, each with the same
        parts (申报主体, 申报条件, 项目任务), answers the part asked of every direction; a fact
        asked of both (「转化专项两个方向实施期一样长吗」) is each direction's own sentence."""
        if spec is None or len(turn.guides) != 1 or not _EACH.search(turn.question):
            return None
        guide = turn.guides[0].id
        if spec.section is None:  # (「方向」 said: 「…和专利转化专项，实施期各是几年」 asks of programs)
            asked = spec.evidence and "方向" in turn.question
            return self._each_directions_sentence(turn, spec, draft) if asked else None
        parts = [
            c
            for c in self.kb.guide_clauses(guide)
            if c.parent_id
            and self.kb.clause(c.parent_id).parent_id == guide
            and re.search(spec.section, c.title)
        ]
        if len({c.parent_id for c in parts}) < 2:
            return None
        lines = []
        for part in parts:
            text = self.kb.full_text(part).strip().split("\n")
            body = text[1:] if ev.strip_marker(text[0]) == part.title else text  # its heading said above
            lines.append(f"【{self.kb.clause(part.parent_id).title}】" + "\n".join(body) + draft.cite(part))
        return lines

    def _each_directions_sentence(self, turn: Turn, spec: Intent, draft: Draft) -> list[str] | None:
        """The sentence of the intent's evidence each direction holds (its list's opening line
        maybe: 「…提升计划实施期 2 年，重点完成以下任务：」), when every direction holds one."""
        directions = self.reader.directions(turn.guides[0].id)
        if len(directions) < 2:
            return None
        query, lines = turn.search_text or turn.question, []
        for direction in directions:
            inside = [direction, *self.kb.descendants(direction)]
            found = ev.find_sentences(self.relevance, query, inside, spec.evidence or ".", False, True)
            if not found:
                return None
            said = ev.strip_marker(found[0].sentence)
            lines.append(f"【{direction.title}】{said}{draft.cite(found[0].clause)}")
        return lines

    def _terms(self, turn: Turn, node: Clause, everything: bool = False) -> list[str]:
        """The question's own words that may name one part of a list: not its asking words, nor
        the words of the list's headings, guide and program, which every part shares. The
        matter named as the topic (「版权方面」「维权援助这块」), or with `everything` every word."""
        shared = f"{self._guide(node).title} {' '.join(node.heading_path)} {' '.join(turn.scope.programs)}"
        question = turn.search_text or turn.question
        if everything:
            words = set(self.relevance.tokens(_PLACES_AND_LEVELS.sub(" ", question)))
            words -= self.relevance.tokens(shared)
        else:
            topics = " ".join(
                [
                    turn.topic,
                    *(
                        named
                        for m in _TOPIC.finditer(question)
                        if not _ASKING_PHRASE.search(named := next(g for g in m.groups() if g))
                    ),
                ]
            )
            words = set(self.relevance.tokens(topics))
        words = {w for w in words if len(w) >= 2}
        return [
            w
            for w in words
            if _CJK_WORD.fullmatch(w)
            and w not in shared
            and not any(a in w for a in (*LIST_WORDS, *_ASKING_TERMS))
        ]

    def _paragraphs(self, draft: Draft, node: Clause) -> list[str]:
        """A section written in paragraphs (「三、主要目标」): every paragraph, each a matter of
        its own (a question naming one matter finds it among them)."""
        paragraphs = [p.strip() for p in node.text.splitlines()[1:] if p.strip()]
        return self._numbered(draft, node, node.label, paragraphs)

    def _numbered(
        self, draft: Draft, clause: Clause, label: str, items: list[str], lead: str = ""
    ) -> list[str]:
        """「《指南》标签：」 (and the list's own opening line), cited, then the items numbered."""
        header = self.t["list_header"].format(title=self._guide(clause).title, label=label)
        header += f"\n{lead}" if lead else ""
        return [header + draft.cite(clause), *(f"{n}. {ev.strip_marker(x)}" for n, x in enumerate(items, 1))]

    def _titled_list(self, turn: Turn, spec: Intent | None, draft: Draft) -> list[str] | None:
        """「列一下通州方案的保障措施有哪些」: a list asked of a section the question names by its
        title, in the guide it names (an intent with a section of its own reads that section)."""
        if not turn.scope.programs:
            return None
        node = ev.titled_section(self.kb, (g.id for g in turn.guides), turn.question)
        if node is None or (spec is not None and spec.name == "tasks" and "任务" not in node.title):
            return None  # tasks asked of a direction (「高校院所…提升要做哪些任务」): its task list
        # another list asked is answered by its own section, unless the question writes the title
        # of a section that is not its (「地标项目申报要求有哪些」: 六、申报要求, not 三、申报条件)
        own = spec is None or spec.name in ("parts", "tasks")
        if not own and not self._other_section_asked(node, spec, turn.question):
            return None
        node = ev.narrow(self.kb, node, turn.question)  # 「通州在知识产权保护上有哪些重点任务」
        bare = re.sub(r"[\s？?。！!呢吗\"'”」』]+$", "", turn.question).endswith(
            node.title
        )  # 「通州方案的基本原则」
        asked = any(word in turn.question for word in LIST_WORDS) or re.search(ev.ARRANGED, turn.question)
        if not (bare or asked):
            return None
        whole = not any(self.kb.children(item) for item in self.kb.children(node))  # sections: headings
        return self._numbered(draft, node, node.label, ev.render_items(self.kb, node, whole))

    def _other_section_asked(self, node: Clause, spec: Intent, question: str) -> bool:
        """「地标项目申报要求有哪些」: the title of a section that is not the list intent's own (nor
        holds it, nor is an applicant type's part), asked for right after it."""
        if spec.section is None or types_named(node.title):
            return False
        if any(re.search(spec.section, c.title) for c in (node, *self.kb.descendants(node))):
            return False
        after = re.search(re.escape(node.title) + _ASKED_RIGHT_AFTER, question)
        # (「…运营中心有哪几条条件」 asks the list of its own section after all)
        return after is not None and not spec.asked(question[after.end() :])

    def _attachments(self, turn: Turn, hits: list[Hit], draft: Draft) -> list[str] | None:
        """「通知附了哪几个指南」: the attachment list of a notice that fits the question."""
        query = turn.search_text or turn.question
        for root in self.reader.preambles(self.reader.candidates(turn, hits)):
            listed = ev.attachments(root)
            guide = self._guide(root)
            named = f"{guide.title} {guide.doc_number or ''} 附件 {' '.join(listed)}"
            if listed and self.relevance.coverage(query, named) >= MIN_LIST_COVERAGE:
                return self._numbered(draft, root, self.t["attachments"], listed)
        return None

    def _attachment_asked(self, turn: Turn) -> Draft | None:
        """「苏知发〔2021〕140号附件3是什么」「140号文 附件2」: which guide an attachment of a
        notice is, as the notice lists it, with the guides it holds; 「商标品牌那个附件分成哪两个」:
        an attachment of several guides named by its title, its parts asked."""
        asked = _ATTACHMENT_ALONE.search(turn.question)
        for notice in (g for g in self.kb.guides if g.doc_number and "附件" not in g.doc_number):
            listed = ev.attachments(self.kb.clause(notice.id))
            if asked is None:
                number = self._attachment_by_title(notice, listed, turn.question)
            else:
                names = [n for n in (notice.doc_number, *notice.aliases) if re.search(r"\d号", n)]
                before = re.sub(r"[\s的文]+$", "", turn.question[: asked.start()])
                named = any(before.endswith(n.replace(" ", "")) for n in names)
                # 「附件3是哪个」 of the notice talked about, or of one of its attachments
                talked_about = not before and any(
                    g.notice_number == notice.notice_number for g in turn.guides
                )
                number = int(asked.group(1)) if named or talked_about else 0
            if 0 < number <= len(listed):
                return self._attachment_draft(notice, number, listed[number - 1])
        return self._attachment_talked_about(turn)

    def _attachment_talked_about(self, turn: Turn) -> Draft | None:
        """「它下面分了几个指南」 after 「附件2是什么」: the parts asked of the guides in scope,
        when they are the guides of one attachment (of several guides): that attachment."""
        numbers = {g.doc_number for g in turn.guides}
        if turn.intent != "parts" or len(turn.guides) < 2 or len(numbers) != 1 or None in numbers:
            return None
        notice, _, number = numbers.pop().partition(" 附件")
        held = next((g for g in self.kb.guides if g.doc_number == notice), None)
        if held is None or not number.isdigit():
            return None
        listed = ev.attachments(self.kb.clause(held.id))
        if not 0 < int(number) <= len(listed) or len(self.kb.attachment(held, number)) != len(turn.guides):
            return None
        return self._attachment_draft(held, int(number), listed[int(number) - 1])

    def _attachment_draft(self, notice: Guide, number: int, line: str) -> Draft:
        """The notice's line of its attachment N, then each guide it holds, each cited."""
        draft = Draft()
        draft.lines.append(f"《{notice.title}》附件{number}：{line}" + draft.cite(self.kb.clause(notice.id)))
        for guide in self.kb.attachment(notice, number):
            draft.lines.append(f"《{guide.title}》" + draft.cite(self.kb.clause(guide.id)))
        return draft

    def _attachment_by_title(self, notice: Guide, listed: list[str], question: str) -> int:
        """The number of the attachment of several guides that a question asking its parts names by
        the first words of its title (「商标品牌那个附件又分了哪两个」), else 0."""
        if not _PARTS_ASKED.search(question):
            return 0
        for number, line in enumerate(listed, 1):
            core = re.sub(r"^\s*\d{4}\s*年度?\s*省?|项目?申报指南$", "", line).replace(" ", "")
            if len(self.kb.attachment(notice, number)) >= 2 and core[:4] in question:
                return number
        return 0

    def _general(
        self,
        turn: Turn,
        hits: list[Hit],
        draft: Draft,
        threshold: float | None = None,
        keep: Callable[[str], bool] | None = None,
    ) -> list[str] | None:
        """The sentences that fit the question best (of those `keep` keeps, the one that says
        most of it first), each cited to its own clause."""
        query = turn.search_text or turn.question
        clauses, ranks = self.reader.ranked(turn, hits)
        ranked = self.relevance.rank(
            query, clauses, keep or (lambda s: True), ranks=ranks, own_words=bool(keep)
        )
        if threshold is None:
            threshold = (
                MIN_COMPARE_COVERAGE
                if len(turn.scope.years) == 1 and turn.default_year is None
                else MIN_GENERAL_COVERAGE
            )
        if not ranked or ranked[0][0] < threshold:
            return None
        ranked = self._unit_first(turn, self._topic_first(turn, ranked))
        best = ranked[0][1]
        if (
            not turn.scope.programs
            and ranked[0][0] < OFF_SUBJECT_COVERAGE
            and not self._on_topic(query, best, subject=True)
        ):
            return None  # no program named, the best sentence is not about the question's subject
        if turn.intent == LOOKUP:  # 「…原文」 without a reference: the whole best clause, said to be a search
            return [self.t["lookup_search"], self.kb.full_text(best.clause) + draft.cite(best.clause)]
        node = self.reader.joint_list(turn, ranked)
        if node is not None:  # items of one list answer the parts of the question together
            return self._numbered(draft, node, node.label, ev.render_items(self.kb, node))
        lines, figures = [], False
        items = [best, *self.reader.peers(turn, ranked)]
        several_guides = len({item.clause.guide_id for item in items}) > 1
        for item in items:
            said = self.relevance.with_companions(
                query, item, self._guide(item.clause).title, self._whole(item)
            )
            figures = figures or _A_FIGURE.search(ev.joined(said)) is not None
            text = ev.joined(said) + draft.cite(item.clause)
            whose = self._whose(item.clause) if len(items) > 1 else ""
            if several_guides:  # say which program each part comes from
                whose = f"【{self._named(self._guide(item.clause))}】{whose}"
            lines.append(whose + text)
        if (
            turn.intent == GENERAL
            and keep is None
            and not figures
            and (
                (not turn.scope.programs and _MEASURE_ASKED.search(turn.question))
                or _ENDS_HOW_MUCH.search(turn.question)  # 「…单户贷款额度上限是多少」, of any
            )
        ):  # 「侵犯知识产权罪最高判几年」, of no program: sentences without a figure do not say it
            return None
        return lines

    def _list_words(self, query: str, spec: Intent, context: str) -> str:
        """What a question asking for a list names besides its asking words, who asks and where."""
        named = self._without_introductions(query, spec, context)
        named = _REQUEST_TAIL.sub("", named)  # 「…有哪些？列个清单」: the request names nothing
        named = re.sub(spec.pattern, " ", named) if spec.pattern else named
        # 「有没有身份上的前提」: the words it asks with that the list does not use ask, and name nothing
        named = re.sub(EXISTENCE, " ", _unused_cues_out(named, spec, context))
        named = _PLACES_AND_LEVELS.sub(" ", named)  # 「无锡市级层面报…」: who asks, not what
        return _TOPIC_MARKERS.sub(" ", named)  # 「商标方面有什么硬性要求」: 方面 names nothing

    def _without_introductions(self, text: str, spec: Intent, context: str) -> str:
        """The text with its clauses that introduce the asker and do not ask for the list
        (「我们宜兴市，想报24年保护示范区，」「…，我们是泰州的医药企业」) cut to the words the list
        uses (保护示范区): who asks is no part of the list asked."""
        have = self.relevance.tokens(context)
        kept = [
            clause
            if not any(w in clause for w in LEXICON.asking_words.introductions)
            or any(cue in clause for cue in spec.cues)
            else " ".join(self._words_in_order(clause, have)) + " "
            for clause in re.split(r"(?<=[，,。；;！!？?])", text)
        ]
        return "".join(kept).strip() or text

    def _words_in_order(self, clause: str, have: frozenset[str]) -> list[str]:
        """The clause's words that `have` holds, each once (not the parts of a longer one: 保护
        of 保护示范区), in the order the clause says them (a set's order changed with the
        process's string hashes, and with it the coverage of the words joined)."""
        words = {w for w in self.relevance.tokens(clause) if w in have}
        whole = [w for w in words if not any(w != other and w in other for other in words)]
        return sorted(whole, key=lambda w: (clause.find(w), w))

    def _topic_first(self, turn: Turn, ranked: list) -> list:
        """Of a follow-up that names a subject of its own (「培训人数呢」 after 「每年要推送多少条
        供需信息」), the best sentence that says that subject, before sentences that fit the last
        question's words better but not the subject."""
        words = [w for w in self.relevance.tokens(turn.topic) if len(w) >= 2 and _CJK_WORD.fullmatch(w)]
        on_topic = [r for r in ranked if any(w in r[1].sentence for w in words)]
        if not on_topic or on_topic[0] is ranked[0]:
            return ranked
        return [on_topic[0], *(r for r in ranked if r is not on_topic[0])]

    def _unit_first(self, turn: Turn, ranked: list) -> list:
        """「产业运营中心每年要培训多少人」: a count asked in a unit (人) is answered by a sentence
        that gives a figure in it (「不少于 200 名…参加…培训」) before one that fits the words as
        well but counts other things (「每年…推送信息 5000 条」), when it is close enough; a
        figure asked with no unit, by a close sentence with a figure before one with none."""
        asked = _MEASURE_ASKED.search(turn.question)
        if not ranked:
            return ranked
        if asked is not None:
            units = _SAME_UNITS.get(asked.group(1), (asked.group(1),))
            counted = re.compile(rf"\d+\s*(?:{'|'.join(map(re.escape, units))})")
        elif "多少" in turn.question and not re.search(r"\d", ranked[0][1].sentence):
            counted = re.compile(r"\d")  # 「…质押融资目标多少」: any figure, before none
        else:
            return ranked
        top = ranked[0][0]
        fits = [r for r in ranked if r[0] >= top - UNIT_MARGIN and counted.search(r[1].sentence)]
        if not fits or fits[0] is ranked[0]:
            return ranked
        return [fits[0], *(r for r in ranked if r is not fits[0])]

    @staticmethod
    def _named(guide: Guide) -> str:
        """「2022年工业品牌」; a text whose title gives no year (the 2023 measures) by name only,
        so that no figure is stated that its title and clauses do not hold."""
        return f"{guide.year}年{guide.short_name}" if str(guide.year) in guide.title else guide.short_name

    def _whose(self, clause: Clause) -> str:
        """「县（市、区）：」 before a provision of one applicant type's section, when several
        types' provisions are stated side by side."""
        kind = self.reader.type_of(clause)
        return f"{kind}：" if kind else ""

    def _whole(self, item: ev.Evidence) -> int:
        """How long a clause may be to be stated whole: a short item without sub-items."""
        return 0 if self.kb.children(item.clause) else SHORT_CLAUSE

    def _lookup(self, clause: Clause, draft: Draft | None = None, whose: str = "") -> Draft:
        """A clause's own words, whole. A section whose own text is only its heading (「五、时序
        进度」) is its items', each cited, so that each opens where it stands. `whose`: the
        applicant type it is of, said first when several types' are shown."""
        draft = draft if draft is not None else Draft()
        header = whose + self.t["lookup_header"].format(title=self._guide(clause).title, label=clause.label)
        draft.lines.append(header + draft.cite(clause))
        children = self.kb.children(clause)
        if not children or ev.strip_marker(clause.text.strip()) != ev.strip_marker(clause.title):
            draft.lines.append(self.kb.full_text(clause))
            return draft
        draft.lines.append(clause.text.strip())
        draft.lines.extend(self.kb.full_text(child) + draft.cite(child) for child in children)
        return draft

    def _opening(self, root: Clause, draft: Draft | None = None) -> Draft:
        """A guide's opening (「开头那段」「导言」): its own text, before its first section."""
        draft = draft if draft is not None else Draft()
        header = self.t["lookup_header"].format(title=self._guide(root).title, label=root.label)
        draft.lines.extend([header + draft.cite(root), root.text.strip()])
        return draft

    def _compare(self, turn: Turn, hits: list[Hit]) -> Draft:
        """The same question answered from each side, side by side: each year's guide of one
        program, or, when the question names several programs, each program's guide."""
        sides = self._sides(turn)
        cues = "|".join(map(re.escape, COMPARE_CUES))  # each side is asked without them
        asked = re.sub(cues, " ", turn.question)
        base = named_intent(asked)
        if base == GENERAL and turn.search_text != turn.question:  # 「这个号码跟…一样吗」: the last
            base = named_intent(re.sub(cues, " ", turn.search_text))  # question's topic, compared
        base = GENERAL if base in (COMPARE, LOOKUP, CHITCHAT, ELIGIBILITY) else base
        draft, parts = Draft(), []
        for guide in sides:
            scope = Scope((guide.program,), (guide.year,), turn.scope.applicant_type)
            sub = Turn(asked, base, scope, (guide,), default_year=None, search_text=turn.search_text)
            # another round of the same program: the clause at the same place, when the first
            # side's answer is one clause and this round has it under the same titles
            placed = self._same_place(draft.cited, guide) if parts and len(draft.cited) == 1 else None
            before = list(draft.cited)
            part = Draft(cited=draft.cited)
            found = self._by_intent(sub, [h for h in hits if h.chunk.guide_id == guide.id], part)
            # (its own answer is nothing, or its guide's title line: 「2022年度…申报指南」)
            weak = not found or set(draft.cited[len(before) :]) <= {guide.id}
            if placed is not None and weak:
                draft.cited[:] = before
                part = Draft([ev.strip_marker(self.kb.full_text(placed))], draft.cited)
                part.lines[0] += part.cite(placed)
                parts.append((guide, part.lines))
            elif found or self._closest(sub, part):
                parts.append((guide, part.lines))
        texts = {re.sub(r"\[\d+\]|\d{4}", "", "".join(lines)) for _, lines in parts}
        same = self.t["compare_same"] if len(texts) == 1 else self.t["compare_differ"]
        programs = len({g.program for g in sides}) > 1
        if programs:
            draft.lines.append(self.t["compare_programs_header"].format(same_or_not=same))
            draft.lines.extend(
                f"【{guide.year}年{guide.short_name}】" + "\n".join(lines) for guide, lines in parts
            )
        else:
            draft.lines.append(self.t["compare_header"].format(program=sides[0].program, same_or_not=same))
            draft.lines.extend(f"【{guide.year}年度】" + "\n".join(lines) for guide, lines in parts)
        return draft

    def _same_place(self, cited: list[str], guide: Guide) -> Clause | None:
        """The clause of `guide` at the place of the one clause cited in another round's guide
        of the same program: the same numbering, under sections of the same titles."""
        clause = self.kb.clause(cited[0])
        other = self._guide(clause)
        if other.program != guide.program or other.id == guide.id or not clause.parent_id:
            return None
        same = clause.id.replace(other.id, guide.id, 1)
        if not self.kb.has_clause(same):
            return None
        placed = self.kb.clause(same)
        return placed if self._titles_above(placed) == self._titles_above(clause) else None

    def _same_place_asked_again(self, turn: Turn, lists_only: bool = False) -> Draft | None:
        """「那24年还有这个排名要求吗」 after one clause of the 2022 guide quoted, when nothing of 2024
        answers it: the list at the same place of the round asked, whole (what that round
        requires there), so that the asker sees whether it is among them. After a whole list
        quoted (「县的呢，服判息诉率有要求吗」 answered by 2024's goals of 县), 「那22年县里有这个要求
        吗」 is that list of the round asked, before anything else (`lists_only`)."""
        quoted = self._one_quoted(turn)
        if quoted is None or len(turn.guides) != 1 or not POINTS_BACK.search(turn.question):
            return None
        parent = self.kb.clause(quoted.parent_id) if quoted.parent_id else None
        # (「22年设区市的绩效目标有这个指标吗」 after one goal of 2024 quoted: the list it names)
        named = parent is not None and bool(parent.title) and parent.title in turn.question
        if self.kb.children(quoted):
            placed = self._same_place([quoted.id], turn.guides[0])
        elif lists_only and not named:
            return None
        else:
            placed = self._same_place([parent.id], turn.guides[0]) if parent else None
        return self._lookup(placed) if placed is not None else None

    def _same_list_of_another_type(self, turn: Turn) -> Draft | None:
        """「园区有没有息诉率的要求」 after the 县's goals were quoted: whether another applicant
        type's list holds a matter is that type's list at the same place, whole."""
        quoted = self._one_quoted(turn)
        if quoted is None or len(turn.guides) != 1 or not _HAS_IT.search(turn.question):
            return None
        if not self.kb.children(quoted) and POINTS_BACK.search(turn.question):
            return None  # 「县里也有这条吗」 after one item: that item in the other list, not the list
        listed = (
            quoted if self.kb.children(quoted) or not quoted.parent_id else self.kb.clause(quoted.parent_id)
        )
        kind, their = turn.scope.applicant_type, self.reader.type_of(listed)
        if listed.guide_id != turn.guides[0].id or not kind or not their or kind == their:
            return None
        if types_named(turn.question) != [kind] or not listed.title:
            return None
        # (「县级的绩效目标里有…吗」 after the tasks quoted names a list of its own)
        lists = {c.title for c in self.kb.guide_clauses(listed.guide_id) if c.children and c.title}
        if any(t in turn.question for t in lists if t != listed.title and not types_named(t)):
            return None
        own = self.reader.typed_section(listed, re.escape(listed.title), kind)
        return self._lookup(own[0]) if len(own) == 1 else None

    def _one_quoted(self, turn: Turn) -> Clause | None:
        """The one clause the last answer quoted: alone, or a list with its items."""
        first = turn.previous[0] if turn.previous else None
        if first is None or any(not c.id.startswith(f"{first.id}.") for c in turn.previous[1:]):
            return None
        return first

    def _titles_above(self, clause: Clause) -> list[str]:
        titles = []
        while clause.parent_id:
            clause = self.kb.clause(clause.parent_id)
            titles.append(clause.title)
        return titles[:-1]  # (not the guide's own title)

    def _sides(self, turn: Turn) -> list[Guide]:
        """What a comparison sets side by side: the current guide of each program named, or
        every year's guide of the one program (the default program when none is named)."""
        programs, years = turn.scope.programs, turn.scope.years
        if len(programs) > 1:  # of the year named (「2022年这几个项目…」), else the current
            newest_first = sorted(self.kb.guides, key=lambda g: (g.year not in years, -g.year))
            return [next(g for g in newest_first if g.program == p) for p in programs]
        program = programs[0] if programs else LEXICON.compare_default_program
        return sorted((g for g in self.kb.guides if g.program == program), key=lambda g: -g.year)

    def _closest(self, turn: Turn, draft: Draft) -> bool:
        """One side of a comparison with nothing retrieved: its guide's closest sentence."""
        ranked = self.relevance.rank(turn.search_text or turn.question, self.reader.scope_clauses(turn))
        if not ranked:
            return False
        best = ranked[0][1]
        draft.lines.append(ev.strip_marker(best.sentence) + draft.cite(best.clause))
        return True

    # -- pieces -----------------------------------------------------------------------

    def _guide(self, clause: Clause) -> Guide:
        return self.kb.guide(clause.guide_id)

    def _not_covered(self, text: str) -> Composed:
        return Composed(text, False, (), (WarningCode.OUT_OF_SCOPE,))

    def _not_found(self, turn: Turn, hits: list[Hit]) -> Composed:
        spec = intent(turn.intent)
        nearest = self._nearest(turn, hits)
        if spec is None or nearest is None:
            return self._not_covered(self.t["not_covered"].format(covered=self.covered))
        key = "no_amount" if spec.name == "amount" else "no_evidence"
        what = self.t["what"].get(spec.name, "")
        draft = Draft([self.t[key].format(what=what, nearest=nearest[1])])
        draft.lines[0] += draft.cite(nearest[0])
        composed = finish(self.kb, self.t, turn, draft, self.today())
        return Composed(composed.answer, False, composed.clause_ids, composed.warnings)

    def _amount_subject(self, turn: Turn) -> str:
        """What a sum is asked of: the question without its asking words, where another program's
        name is a subject; the name of the document in scope (强省政策) and a place (江苏) are none."""
        unasked = _PLACES_AND_LEVELS.sub(" ", _AMOUNT.without_cues(turn.search_text or turn.question))
        for name in sorted({n for g in turn.guides for n in g.names}, key=len, reverse=True):
            unasked = unasked.replace(name, " ")
        return unasked

    def _money_of_another_sentence(self, unasked: str, item: ev.Evidence) -> bool:
        """The clause gives the subject's money (`unasked`: see _amount_subject) in another
        sentence than the sum found (1.1 of the 2023 measures: 「…对符合条件的高价值专利培育中心给予
        资金支持。开展江苏专利奖评选，…分别给?0万元」): the sum is another thing's, asked of
        高价值专利培育中心."""
        if self.relevance.holds_subject(unasked, item.sentence, ASKED_WORDS, True):
            return False
        return any(
            re.search(MONEY_WORDS, s) and self.relevance.holds_subject(unasked, s, ASKED_WORDS, True)
            for s in ev.sentences(item.clause.text)
            if s != item.sentence
        )

    def _money_just_quoted(self, turn: Turn) -> Clause | None:
        """The one clause the last answer quoted, when it gives money (「…给予适当补助」) and the
        question names nothing but the sum it asks (「补助具体多少钱，按什么标准」) or a subject the
        clause holds (「那真抓实干激励呢」 after the clause that gives it): its sum."""
        quoted = turn.previous[0] if len(turn.previous) == 1 else None
        if quoted is None or not re.search(MONEY_WORDS, quoted.text):
            return None
        unasked = without_program_names(self.kb, _AMOUNT.without_cues(turn.question))
        if not self.relevance.has_subject(unasked, ASKED_WORDS):
            return quoted
        return quoted if self.relevance.holds_subject(unasked, quoted.text, ASKED_WORDS) else None

    def _nearest(self, turn: Turn, hits: list[Hit]) -> tuple[Clause, str] | None:
        clauses = self.reader.candidates(turn, hits)[:NEAREST_DEPTH]
        if turn.guides and turn.intent == "amount":
            clauses += self.reader.scope_clauses(turn)
        quoted = self._money_just_quoted(turn) if turn.intent == "amount" else None
        if quoted is not None:
            clauses = [quoted]
        if turn.intent == "amount" and any(w in turn.question for w in LEXICON.figures.given):
            clauses = [c for c in clauses if not _applicant_section(c)]  # not the applicant's own money
        money, named = re.compile(MONEY_WORDS), self._amount_subject(turn)

        def keep(sentence: str) -> bool:  # a sentence of money, or one that gives the subject asked
            if turn.intent != "amount" or money.search(sentence):
                return True
            gives = quoted is not None or any(w in sentence for w in LEXICON.figures.giving)
            return gives and self.relevance.holds_subject(named, sentence, ASKED_WORDS)

        ranked = self.relevance.rank(turn.search_text or turn.question, clauses, keep)
        if turn.intent == "amount":  # (the sentence that gives the subject's money, not the one beside it)
            ranked = [(s, e) for s, e in ranked if not self._money_of_another_sentence(named, e)]
        if not ranked or ranked[0][0] < MIN_NEAREST_COVERAGE:
            return None
        best = ranked[0][1]
        return best.clause, ev.strip_marker(best.sentence)
