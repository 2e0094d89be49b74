"""The lexicon (knowledge/lexicon.yaml): places, applicant types and program defaults as data.

Read once; understanding, chunking and answering take their word lists from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..config import DEFAULT_KNOWLEDGE_DIR
from ..errors import ManifestError
from ..text.abbreviation import NameWords
from ..text.encoding import read_yaml

LEXICON_FILE = "lexicon.yaml"


# Chinese asks yes-or-no by saying a verb and its negation (「够不够」「有没有」「符不符合」): a
# question, not a negation. A pattern of the grammar, not a word list, so it lives here.
def either(words: tuple[str, ...]) -> str:
    """A regex alternation of the words, longest first (「没有」 before 「没」)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


GAP = "…"  # in a word list's phrase: some characters of anything but punctuation (「没…过」)
CLAUSE_GAP = r"[^，。；！？,;!?]{0,10}?"  # the gap of fact phrases and asking words: up to ten


def gapped(phrase: str, gap: str = CLAUSE_GAP) -> str:
    """The regex of a phrase whose 「…」 stands for `gap` (「怎么…申请」: 怎么, a gap, 申请)."""
    return gap.join(map(re.escape, phrase.split(GAP)))


A_NOT_A = re.compile(r"(?<![现正])([\u4e00-\u9fff])[不没]\1")  # not 「现在没在承担」
# 「没有被省、市确定为哪条重点产业链的所在地区」: which one, after a denial, is none; it asks nothing
INDEFINITE_WHICH = r"(?<=没|无)[^，,。；;？?]{0,10}?哪(?:条|个|家|项|一)"


@dataclass(frozen=True)
class ApplicantType:
    name: str  # as the manifest writes it: 设区市, 县（市、区）, 园区, 企业, 高校院所
    in_questions: tuple[str, ...]
    in_headings: tuple[str, ...]


@dataclass(frozen=True)
class FactCues:
    """The words that decide how a statement of fact reads (knowledge/lexicon.yaml: fact_reading)."""

    negations: tuple[str, ...]
    yet_another: tuple[str, ...]
    one_of_several: tuple[str, ...]
    falling_short: tuple[str, ...]
    middling: tuple[str, ...]  # 一般: right after a phrase, a no of a high level
    duration_openers: tuple[str, ...]  # 用了: right before 「25年」, a number of years, no calendar year
    exceeding: tuple[str, ...]
    averages: tuple[str, ...]
    equal_to: tuple[str, ...]
    not_negations: tuple[str, ...]
    doubts: tuple[str, ...]
    expected: tuple[str, ...]
    superseded: tuple[str, ...]  # 原本: a reading that was so once
    superseding: tuple[str, ...]  # 改报, 后来: a reading of what is so now
    questions: tuple[str, ...]
    yes_words: tuple[str, ...]
    under_way: tuple[str, ...]
    approvals: tuple[str, ...]
    not_yet: tuple[str, ...]
    not_being: tuple[str, ...]
    relations: tuple[str, ...]
    applied_for: tuple[str, ...]  # 申报了: applied, the outcome not said
    planned: tuple[str, ...]
    not_selected: tuple[str, ...]  # 没评上, 落选: an application's outcome, not given
    granted: tuple[str, ...]  # 建成, 评上: an application's outcome, given
    recent_periods: tuple[str, ...]  # 近三年, 去年: within a fact's window of years
    applying_verbs: tuple[str, ...]  # 指定, 拿: a plan of these is the application's
    finished: tuple[str, ...]
    lifted: tuple[str, ...]
    payments: tuple[str, ...]
    payment_settled: tuple[str, ...]  # 「尾款都结了」: a last payment received
    payment_pending: tuple[str, ...]  # 「尾款还挂着」: a last payment outstanding
    payment_partial: tuple[str, ...]  # 「尾款拿了一半」: part received, the rest outstanding
    corrections: tuple[str, ...]
    supplements: tuple[str, ...]  # 对了, 补充一下: more facts for a check already made
    summaries: tuple[str, ...]
    all_of: tuple[str, ...]
    any_one: tuple[str, ...]  # 任何, 哪个: 「没有任何学院牵头过」 denies what follows
    shared_use: tuple[str, ...]  # 「…我们县也能用」: another body's thing used, not had
    modals: tuple[str, ...]
    experienced: tuple[str, ...]
    other_bodies: tuple[str, ...]
    not_doubts: tuple[str, ...]
    hearsay: tuple[str, ...]
    quantity_hedges: tuple[str, ...]  # 「数量不多」: a figure doubted, not whether there is any
    application_dates: tuple[str, ...]  # 「2015年是提交注册申请的时间」: no date of a grant
    rule_effects: tuple[str, ...]  # 「小巨人好像不受这个限制？」: a rule asked, no fact in doubt
    hypotheticals: tuple[str, ...]
    limits: tuple[str, ...]
    held_instead: tuple[str, ...]
    events: tuple[str, ...]
    set_aside: tuple[str, ...]
    going_on: tuple[str, ...]  # 不过, 也: a clause going on about the doubted phrase before
    contrasts: tuple[str, ...]  # 不过: those of them that turn against it
    still_words: tuple[str, ...]  # 现在: a clause telling whether a project still runs
    having_verbs: tuple[str, ...]  # 有: before a thing the applicant has, not is
    partner_roles: tuple[str, ...]  # 合作单位: a project's partner, not its lead
    parent_before: tuple[str, ...]  # 挂靠在: before a body the applicant hangs under
    parent_after: tuple[str, ...]  # 下面: after a body the applicant hangs under
    clarifying: tuple[str, ...]  # 是指: what a message before meant, no answer
    levels: dict[str, tuple[str, ...]]
    not_levels: tuple[str, ...]
    county_city_self: tuple[str, ...]  # 里, 政府: 市里, 市政府 said by a 县级市 of itself
    other_city_heads: tuple[str, ...]  # 设区, 所在的: 市 closing another city's name
    other_levels: dict[str, tuple[str, ...]]
    year_parts: dict[str, tuple[str, ...]]  # 「0.75-1」: words right after a year for that part of it
    topic_markers: tuple[str, ...]
    joiners: tuple[str, ...]
    list_joiners: tuple[str, ...]
    never: tuple[str, ...]
    phrase_tails: tuple[str, ...]
    not_a_count_before_one: tuple[str, ...]
    figure_fillers: tuple[str, ...]
    figure_periods: tuple[str, ...]  # 近三年, 年均: the period of a bare figure
    spoken_particles: tuple[str, ...]
    departments: tuple[str, ...]  # 部, 科: a people count named by its department
    object_left_out_tails: tuple[str, ...]  # 过, 了: after a verb whose object is left out
    part_counts: tuple[str, ...]
    count_parts: tuple[str, ...]  # 专职, 兼职: parts of a count of 专兼职 staff, summed
    people_counted: tuple[str, ...]  # 人, 兼职: after 个, a count of people
    figure_counts_all: tuple[str, ...]
    totals: tuple[str, ...]
    member_bodies: tuple[str, ...]  # 子公司: a total may hold their figures
    left_out: tuple[str, ...]  # 不含: the body after it is left out of the figure
    other_amounts: tuple[str, ...]  # 纳税: another amount than a yearly list's
    reported_speech: tuple[str, ...]  # 刚才说: what was said before, no statement
    noun_prefixes: tuple[str, ...]  # 低, 高: a cue only when no word follows
    level_nouns: tuple[str, ...]  # 水平, 位: after 低/高 a level, the cue stands
    others_claims: tuple[str, ...]  # 有人说, 你们那边: another's claim or record, no statement
    taking_back: tuple[str, ...]  # 不对: the clause before is taken back
    earlier_said: tuple[str, ...]  # 之前: a correction of an earlier turn
    continuers: tuple[str, ...]
    bare_values: tuple[str, ...]
    attitude_verbs: tuple[str, ...]
    consequence_asks: tuple[str, ...]
    topic_ends: tuple[str, ...]
    problem_openers: tuple[str, ...]  # 问题是: the phrase after it is a topic, not a yes
    lacking_openers: tuple[str, ...]  # 就差: the phrase after it is not had
    new_items: tuple[str, ...]
    back_references: tuple[str, ...]  # 那次: a year's title said before, pointed back to
    predicate_verbs: tuple[str, ...]  # 出过, 建: what a negated clause may deny of a topic
    predicate_openers: tuple[str, ...]  # 就是, 一直, 已经: before a predicate, no subject of its own
    second_denials: tuple[str, ...]  # 「不是A也不是B」: where a second denial opens its own clause


@dataclass(frozen=True)
class OwnThings:
    """How applicants name the thing they apply with (knowledge/lexicon.yaml: own_things)."""

    use_verbs: tuple[str, ...]
    apply_verbs: tuple[str, ...]
    designate_verbs: tuple[str, ...]
    having_words: tuple[str, ...]  # 有个: 「有个紫砂的地理标志」 names the thing
    after_a_name: tuple[str, ...]  # 作为: 「指定本市的银杏作为…」 ends the name
    wish_words: tuple[str, ...]  # 想: 「想用本地的螃蟹」 names the thing
    kind_words: tuple[str, ...]
    not_names: tuple[str, ...]
    before_a_short_name: tuple[str, ...]
    not_applying: tuple[str, ...]  # 不, 不再: before an apply verb with no object
    facts: tuple[str, ...]  # the facts read with the stand-in
    stand_in: str
    before_a_college: tuple[str, ...]
    direction_before: tuple[str, ...]  # 方向是: 「方向是智能制造」 names a field
    earlier_words: tuple[str, ...]
    this_time_words: tuple[str, ...]
    college_facts: tuple[str, ...]  # the facts read with colleges compared
    college_head: str
    other_college: str
    same_college: str
    direction_head: str
    other_direction: str
    same_direction: str
    parent_words: tuple[str, ...]  # 母公司, 集团: the applicant, when it is the group's parent
    subsidiary_words: tuple[str, ...]  # 子公司: 「我们是集团下面的子公司」 is no parent
    subsidiaries_spoken_of: tuple[str, ...]  # 「子公司那边…」: spoken of as others, by the parent
    parent_selves: tuple[str, ...]  # 本公司: what the parent's 母公司 is read as (as long)
    branch_words: tuple[str, ...]  # 分公司: the applicant, when it asks to apply in its own name


@dataclass(frozen=True)
class AskingToApply:
    """Words of a question whether the applicant can apply (knowledge/lexicon.yaml)."""

    apply_verbs: tuple[str, ...]
    switch_words: tuple[str, ...]  # 改问, 换成: the program named after them is asked about
    instead_openers: tuple[str, ...]  # 换, 由: a follow-up naming the body that would apply instead
    program_name_ends: tuple[str, ...]  # 品牌, 项目: how a program's short name ends
    asked_about: tuple[str, ...]  # 问的是: the program named in its clause is the one asked
    intent_words: tuple[str, ...]
    fit_words: tuple[str, ...]
    before_verb: tuple[str, ...]
    tags: tuple[str, ...]
    standalone: tuple[str, ...]
    remaining_asks: tuple[str, ...]  # 还有别的要求: what an open check still needs
    which_words: tuple[str, ...]
    program_nouns: tuple[str, ...]
    project_life: tuple[str, ...]  # 立项, 验收: a program's project named by its life
    which_not_if: tuple[str, ...]
    together: tuple[str, ...]  # 「能联合申报吗」: applying together, a rule asked
    not_if: tuple[str, ...]
    channels: tuple[str, ...]  # with every pair of channel_verbs and channel_levels (see `load`)
    channel_verbs: tuple[str, ...]
    channel_levels: tuple[str, ...]
    lower_levels: tuple[str, ...]  # 「下面的县还能报吗」: the rule of one project per area
    upper_levels: tuple[str, ...]  # 「我们所在的市已经承担了」: the same rule, seen from below
    holding_verbs: tuple[str, ...]  # 承担, 立项: what the level above did
    held_project: tuple[str, ...]  # 「我们之前的…项目尾款还没拨」: a program named as the asker's own
    counting: tuple[str, ...]  # 「子公司的专利能算进去不」: what counts, a rule asked
    look_alikes: tuple[str, ...]
    yes_no_endings: tuple[str, ...]
    wh_words: tuple[str, ...]
    question_forms: tuple[str, ...]
    unable_complements: tuple[str, ...]  # 「是不是报不了」: whether the applicant can apply
    capacity_words: tuple[str, ...]
    being_verbs: tuple[str, ...]
    applicant_roles: tuple[str, ...]
    by_whom: tuple[str, ...]
    on_its_own: tuple[str, ...]
    condition_nouns: tuple[str, ...]
    sufficient_words: tuple[str, ...]
    bare_asks: tuple[str, ...]  # 「…。符合？」: alone before a question mark, asks if they qualify
    whether_words: tuple[str, ...]
    bearing_words: tuple[str, ...]


@dataclass(frozen=True)
class AskedDetail:
    """A detail a question asks for (knowledge/lexicon.yaml: asked_details): its words, and
    the regex a sentence that gives it matches."""

    name: str
    words: tuple[str, ...]
    evidence: str


@dataclass(frozen=True)
class Figures:
    """Words of a question that asks for a sum or a rate (knowledge/lexicon.yaml: figures)."""

    how_much: tuple[str, ...]
    money: tuple[str, ...]
    costs: tuple[str, ...]
    deposits: tuple[str, ...]  # 「保证金」「押金」: money held, a fee of its kind
    giving: tuple[str, ...]  # 「给予」「予以」: a sentence that gives the subject something
    limits: tuple[str, ...]  # 「上限」「最多」: a cap asked
    plain_verbs: tuple[str, ...]  # 「还有」「拿到」: verbs that name no act a sum is of
    money_units: tuple[str, ...]
    count_units: tuple[str, ...]  # 「多少年」「几件」: no sum asked
    rates: tuple[str, ...]
    thresholds: tuple[str, ...]
    ages: tuple[str, ...]
    requiring: tuple[str, ...]
    having: tuple[str, ...]
    paying: tuple[str, ...]
    given: tuple[str, ...]
    applicant_sections: tuple[str, ...]
    documents: tuple[str, ...]  # 报告, 执照: the last word of a document's name


@dataclass(frozen=True)
class ApplicantKinds:
    """How applicants name themselves (knowledge/lexicon.yaml: applicant_kinds)."""

    self_names: dict[str, str]
    pronouns: tuple[str, ...]  # 我们, 咱: the applicant speaking
    determiners: tuple[str, ...]  # 本: before a body word (「本县」「本高新区」)
    determiner_look_alikes: tuple[str, ...]  # 本地: no determiner
    self_bodies: tuple[str, ...]  # 本单位, 本县: the applicant named as a whole word
    reflexives: tuple[str, ...]  # 自己: after a body word, that body is the applicant
    county_titles: tuple[str, ...]  # 示范县: a title only a county holds
    not_self_verbs: tuple[str, ...]  # 有, 跟: between 我们 and a body word, the body is another
    self_look_alikes: tuple[str, ...]  # 有限, 有名: hold such a verb and still name the speaker
    verbs_in_names: tuple[str, ...]  # 服务: right before a kind word, part of a body's name
    not_applicants: tuple[str, ...]
    unadmitted: tuple[str, ...]
    unadmitted_heads: tuple[str, ...]
    intermediaries: tuple[str, ...]  # 代理机构, 事务所: speak for a client more often than apply
    client_words: tuple[str, ...]  # 客户, 委托: the client an intermediary speaks for
    partner_markers: tuple[str, ...]  # 和, 与: right before a kind word, a partner of the applicant
    kinds: dict[str, tuple[str, ...]]  # type id → words, in the order they are tried

    @property
    def self_words(self) -> tuple[str, ...]:
        """Every word by which the applicant names itself (我们, 本县, 我市)."""
        return (*self.pronouns, *self.self_bodies, *self.self_names)


@dataclass(frozen=True)
class ReferenceWords:
    """How staff write clause references: see `references` in the lexicon file."""

    units: dict[str, str]  # 条 → article, 款 → below, 项 → item, 目 → subitem
    filler: tuple[str, ...]
    trailers: dict[str, str]  # 联系方式 → contact
    preamble: tuple[str, ...]  # 开头那段, 导言: a guide's opening, before its first section


@dataclass(frozen=True)
class Procedures:
    """Words asking how a procedure is done, and the words that name only applying itself."""

    asking: tuple[str, ...]
    authorities: tuple[str, ...]
    contact_asks: tuple[str, ...]  # 「国家局那边谁负责，电话多少」: whom to ask at another authority
    generic: tuple[str, ...]
    funds: tuple[str, ...]
    fund_uses: tuple[str, ...]
    services: tuple[str, ...]  # 「帮我把申报书写出来」「哪家认证机构靠谱」: work no guide does
    exceptions: tuple[str, ...]  # 「过了截止日期还能补交吗」: leave from the rules no guide grants
    program_parts: tuple[str, ...]  # 「…项目任务里要去海关办啥手续」: a part of the program asked of
    inside_document: tuple[str, ...]  # 「《…办法》里…」: what a document the guides only name says
    inside_fillers: tuple[str, ...]  # 「《…办法》具体写了什么」: words between the title and them
    recognizing: tuple[str, ...]  # 「…是怎么评出来的」: how a title the guides name is recognized
    criteria: tuple[str, ...]  # 「…的评审标准」: what such a title is judged by...
    judging: tuple[str, ...]  # ...asked with a word of judging before it
    still_in_time: tuple[str, ...]  # 「现在补报还来得及不」: whether there is still time, the deadline
    own_cases: tuple[str, ...]  # 「我的商标被抢注了怎么办」: the asker's own case, which no guide handles
    askers: tuple[str, ...]  # words by which the asker names itself
    process_nouns: tuple[str, ...]  # 「流程」「时间节点」: the steps of an act asked
    application_acts: tuple[str, ...]  # the acts of applying, whose steps the guides set out
    process_fillers: tuple[str, ...]  # 「具体」「哪些」 between an act and its steps
    other_acts: tuple[str, ...]  # 「使用」「验收」: acts whose steps no guide sets out
    done_elsewhere: tuple[str, ...]  # 「登记怎么办」: other acts asked how or where they are done
    unstated_details: tuple[str, ...]  # 「邮编」「周末」「个税」: details of practice no guide gives


@dataclass(frozen=True)
class Outcomes:
    """Words asking what a round came to: verbs (asked with 了 and an asking word), result nouns."""

    verbs: tuple[str, ...]
    results: tuple[str, ...]
    member_lists: tuple[str, ...]  # 清单, 名单: lists whose members are asked (「…清单里有哪些」)
    title_holders: tuple[str, ...]  # 示范县: a title whose holders are asked (「…示范县有哪些」)
    founded: tuple[str, ...]  # 挂牌, 成立: when a body came to be
    achieved: tuple[str, ...]  # 完成, 实现: whether targets were met, asked with 了吗
    predictions: tuple[str, ...]  # 能评上吗, 更容易中: a forecast of the outcome
    future: tuple[str, ...]  # 出台, 发布: whether a new document will be issued, asked with 会
    now: tuple[str, ...]  # 目前, 至今: how many there are by now
    measures: tuple[str, ...]  # 授权量, 撤回率: what a place counts, asked as its actual figure
    measured_how_much: tuple[str, ...]
    not_measured_if: tuple[str, ...]  # words of requiring, a target or a document


@dataclass(frozen=True)
class Bureau:
    """A bureau an application passes through (knowledge/lexicon.yaml: duties)."""

    name: str
    in_questions: tuple[str, ...]
    in_text: tuple[str, ...]


@dataclass(frozen=True)
class Duties:
    """What a question asks of a bureau's part (「县局那一级要干什么活」)."""

    asks: tuple[str, ...]
    bureaus: tuple[Bureau, ...]


@dataclass(frozen=True)
class AskingWords:
    """Words a question asks with (knowledge/lexicon.yaml: asking_words): by intent, and the
    words that ask for a list, a comparison or a clause's own words."""

    intents: dict[str, tuple[str, ...]]
    lists: tuple[str, ...]
    compare: tuple[str, ...]
    lookup: tuple[str, ...]
    topic_markers: tuple[str, ...]  # 「…这块」「…方面」: the words before name a list's topic
    matter_asked: tuple[str, ...]  # 「对执法人员有啥要求」: the words between 对 and these name it
    asking_terms: tuple[str, ...]  # 「要做什么」「这块」: ask, and name no part of a section
    existence: tuple[str, ...]  # 「有没有…前提」: whether there are any (a list asked)
    existence_nouns: tuple[str, ...]  # 条件, 前提: what 有没有 asks as a list
    introductions: tuple[str, ...]  # 「我们是…」「…想报」: a clause that introduces the asker
    matterless: tuple[str, ...]  # 「截止时间呢」: nouns a follow-up asks with, naming no subject
    document_parts: tuple[str, ...]  # 「分几大部分」: a document's own parts asked (its sections)
    breaches: tuple[tuple[str, ...], ...]  # 不合格, 造假: what a consequence is asked of, by family
    request_tails: tuple[str, ...]  # 「申报条件说一下」: asking words after what is asked
    back_references: tuple[str, ...]  # 「它实施期多长」: the part the last answer was about
    other_direction: tuple[str, ...]  # 「另一个方向谁来报」: the direction the last answer was not about
    document_end: tuple[str, ...]  # 「文末」: the lines after a document's text, not its heading
    pointed_parts: tuple[str, ...]  # 「这个阶段」: a part of a document pointed back to


@dataclass(frozen=True)
class CountedBodies:
    """Words around a body word that make it bodies counted or served (「产业链企业数量」)."""

    after: tuple[str, ...]
    before: tuple[str, ...]
    measure_words: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    province: str
    jiangsu_places: tuple[str, ...]
    jiangsu_cities: tuple[str, ...]  # the 13 设区市, by name without 市
    jiangsu_county_cities: tuple[str, ...]  # the 县级市, by name without 市
    jiangsu_districts: tuple[str, ...]  # the 区 and 县, by name without 区/县
    other_places: tuple[str, ...]
    procedures: Procedures
    outcomes: Outcomes
    record_words: tuple[str, ...]
    round_parts: tuple[str, ...]  # 「24年设区市的绩效目标」: a guide's part after its year
    record_verbs: tuple[str, ...]
    record_adverbs: tuple[str, ...]  # 还 in 「去年还在做…项目」
    counted_bodies: CountedBodies  # 「产业链企业数量」: bodies counted, not the applicant
    deadline_words: tuple[str, ...]
    still_open_words: tuple[str, ...]  # 「现在还能报吗」: whether a round still takes applications
    applicant_types: tuple[ApplicantType, ...]
    compare_default_program: str
    short_program_names: dict[str, str]  # 示范区: a program's short name that ends other titles
    other_subject_matters: tuple[str, ...]  # 商业秘密: before a program's name, another program
    short_name_after: tuple[str, ...]  # what may stand right before such a short name
    relative_years: dict[str, int]
    relative_years_inside: tuple[str, ...]  # 发明年均, 目前年均: no year said
    fact_cues: FactCues
    own_things: OwnThings
    asking_to_apply: AskingToApply
    figures: Figures
    applicant_kinds: ApplicantKinds
    references: ReferenceWords
    name_heads: tuple[str, ...]  # words that close a guide's or program's name (指南, 项目)
    kind_words: dict[str, str]  # 政策 → 政策措施: a word for a kind of document → its manifest kind
    name_extensions: tuple[str, ...]  # after a short form, make it another noun (省专利项目奖)
    title_verbs: tuple[str, ...]  # open a task's title (加大知识产权保护): the rest names its matter
    asked_details: tuple[AskedDetail, ...]  # 邮箱, 手机号, 网址: what answers one
    duties: Duties  # 「市局在里面要干什么」: the sentences where that bureau acts
    asking_words: AskingWords

    @property
    def name_words(self) -> NameWords:
        """What bounds a short form of a guide's or program's name (text/abbreviation.py)."""
        return NameWords(self.name_heads, self.jiangsu_places, self.name_extensions)

    def heading_words(self, applicant_type: str) -> tuple[str, ...]:
        """How the guides' headings name an applicant type (the name itself when unlisted)."""
        found = next((t for t in self.applicant_types if t.name == applicant_type), None)
        return found.in_headings if found else (applicant_type,)

    def question_words(self, applicant_type: str) -> tuple[str, ...]:
        """How people name an applicant type in a question (the name itself when unlisted)."""
        found = next((t for t in self.applicant_types if t.name == applicant_type), None)
        return found.in_questions if found else (applicant_type,)


def _asking_to_apply(data: dict[str, Any]) -> AskingToApply:
    """The words of asking to apply; a channel is also every verb of sending followed by a level
    (「报给」「经过」 + 「省局」「区里」)."""
    words = {k: tuple(map(str, v)) for k, v in data.items()}
    pairs = tuple(v + level for v in words["channel_verbs"] for level in words["channel_levels"])
    return AskingToApply(**{**words, "channels": tuple(dict.fromkeys((*words["channels"], *pairs)))})


def _applicant_kinds(data: dict) -> ApplicantKinds:
    return ApplicantKinds(
        self_names={str(k): str(v) for k, v in data["self_names"].items()},
        pronouns=tuple(map(str, data["pronouns"])),
        determiners=tuple(map(str, data["determiners"])),
        determiner_look_alikes=tuple(map(str, data["determiner_look_alikes"])),
        self_bodies=tuple(map(str, data["self_bodies"])),
        reflexives=tuple(map(str, data["reflexives"])),
        county_titles=tuple(map(str, data["county_titles"])),
        not_self_verbs=tuple(map(str, data["not_self_verbs"])),
        self_look_alikes=tuple(map(str, data["self_look_alikes"])),
        verbs_in_names=tuple(map(str, data["verbs_in_names"])),
        not_applicants=tuple(map(str, data["not_applicants"])),
        unadmitted=tuple(map(str, data["unadmitted"])),
        unadmitted_heads=tuple(map(str, data["unadmitted_heads"])),
        intermediaries=tuple(map(str, data["intermediaries"])),
        client_words=tuple(map(str, data["client_words"])),
        partner_markers=tuple(map(str, data["partner_markers"])),
        kinds={str(k): tuple(map(str, v)) for k, v in data["kinds"].items()},
    )


def _fact_cues(data: dict) -> FactCues:
    maps = ("levels", "other_levels", "year_parts")
    by_name = {m: {str(k): tuple(map(str, v)) for k, v in data[m].items()} for m in maps}
    words = {k: tuple(map(str, v)) for k, v in data.items() if k not in maps}
    return FactCues(**words, **by_name)


def _asking_words(data: dict) -> AskingWords:
    words = {k: tuple(map(str, v)) for k, v in data.items() if k not in ("intents", "breaches")}
    return AskingWords(
        intents={str(k): tuple(map(str, v)) for k, v in data["intents"].items()},
        breaches=tuple(tuple(map(str, family)) for family in data["breaches"]),
        **words,
    )


@cache
def load_lexicon(path: Path = DEFAULT_KNOWLEDGE_DIR / LEXICON_FILE) -> Lexicon:
    try:
        data = read_yaml(path, "词表", ManifestError)
        return Lexicon(
            province=str(data["province"]),
            jiangsu_places=tuple(map(str, data["jiangsu_places"])),
            jiangsu_cities=tuple(map(str, data["jiangsu_cities"])),
            jiangsu_county_cities=tuple(map(str, data["jiangsu_county_cities"])),
            jiangsu_districts=tuple(map(str, data["jiangsu_districts"])),
            other_places=tuple(map(str, data["other_places"])),
            procedures=Procedures(**{k: tuple(map(str, v)) for k, v in data["procedures"].items()}),
            outcomes=Outcomes(**{k: tuple(map(str, v)) for k, v in data["outcomes"].items()}),
            record_words=tuple(map(str, data["record_words"])),
            round_parts=tuple(map(str, data["round_parts"])),
            record_verbs=tuple(map(str, data["record_verbs"])),
            record_adverbs=tuple(map(str, data["record_adverbs"])),
            counted_bodies=CountedBodies(
                *(tuple(map(str, data["counted_bodies"][k])) for k in ("after", "before", "measure_words"))
            ),
            deadline_words=tuple(map(str, data["deadline_words"])),
            still_open_words=tuple(map(str, data["still_open_words"])),
            applicant_types=tuple(
                ApplicantType(str(t["name"]), tuple(t["in_questions"]), tuple(t["in_headings"]))
                for t in data["applicant_types"]
            ),
            compare_default_program=str(data["compare_default_program"]),
            short_program_names={str(k): str(v) for k, v in data["short_program_names"].items()},
            other_subject_matters=tuple(map(str, data["other_subject_matters"])),
            short_name_after=tuple(map(str, data["short_name_after"])),
            relative_years={str(k): int(v) for k, v in data["relative_years"].items()},
            relative_years_inside=tuple(map(str, data["relative_years_inside"])),
            fact_cues=_fact_cues(data["fact_reading"]),
            figures=Figures(**{k: tuple(map(str, v)) for k, v in data["figures"].items()}),
            applicant_kinds=_applicant_kinds(data["applicant_kinds"]),
            own_things=OwnThings(
                **{k: tuple(map(str, v)) for k, v in data["own_things"].items() if isinstance(v, list)},
                **{k: str(v) for k, v in data["own_things"].items() if isinstance(v, str)},
            ),
            asking_to_apply=_asking_to_apply(data["asking_to_apply"]),
            references=ReferenceWords(
                units={str(k): str(v) for k, v in data["references"]["units"].items()},
                filler=tuple(map(str, data["references"]["filler"])),
                trailers={str(k): str(v) for k, v in data["references"]["trailers"].items()},
                preamble=tuple(map(str, data["references"]["preamble"])),
            ),
            name_heads=tuple(map(str, data["name_heads"])),
            kind_words={str(k): str(v) for k, v in data["kind_words"].items()},
            name_extensions=tuple(map(str, data["name_extensions"])),
            title_verbs=tuple(map(str, data["title_verbs"])),
            asked_details=tuple(
                AskedDetail(str(d["name"]), tuple(map(str, d["words"])), str(d["evidence"]))
                for d in data["asked_details"]
            ),
            duties=Duties(
                tuple(map(str, data["duties"]["asks"])),
                tuple(
                    Bureau(str(b["name"]), tuple(map(str, b["in_questions"])), tuple(map(str, b["in_text"])))
                    for b in data["duties"]["bureaus"]
                ),
            ),
            asking_words=_asking_words(data["asking_words"]),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ManifestError(
            f"词表文件 {path} 无法读取或格式不对（{exc}）：请对照 knowledge/lexicon.yaml 的说明修改。"
        ) from None


LEXICON = load_lexicon()
# Every word by which the applicant names itself (我们, 本县, 我市), as one pattern
SELF_WORDS = re.compile(either(LEXICON.applicant_kinds.self_words))


def lexicon_pairs() -> dict[str, tuple[str, ...]]:
    """The thesaurus pairs the lexicon implies: applicant words (_applicant_pairs) and the verbs
    of applying (「报」「申请」), which the guides write 申报."""
    verbs = {verb: ("申报",) for verb in LEXICON.asking_to_apply.apply_verbs if verb != "申报"}
    return {**verbs, **_applicant_pairs()}


def _applicant_pairs() -> dict[str, tuple[str, ...]]:
    """Each word people use for an applicant type (「县里」「管委会」) → the type's name in the
    guides, for the thesaurus: a clause that names the type covers the word. Single characters
    (「县」) are left out: they stand inside too many other words."""
    return {
        word: (kind.name,)
        for kind in LEXICON.applicant_types
        for word in kind.in_questions
        if len(word) > 1 and word != kind.name
    }
