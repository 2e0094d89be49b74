"""Scope: which program, year and applicant type a question is about, carried across turns.

This first version detects what the words say and lets a follow-up inherit what earlier
turns fixed; understanding (understand.py) builds on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..domain import Guide
from ..ingest.knowledge_base import KnowledgeBase
from ..text.abbreviation import shortened_name
from ..text.tokens import normalize
from ..thresholds import CITED_TITLE_MIN, DIRECTION_MIN, RECORD_SPAN, SPOKEN_NAME_MIN
from .lexicon import LEXICON, either

# A year that names a guide's year (「2024年度」「2022年的」), not a date in its content
# (「到2025年」「2021年以前」「2023年9月」).
YEAR = re.compile(
    r"(?<![\d到至前近])(20\d{2})(?!\d)(?!\s*年度?(?:以前|之前|前|底|末|内|\d|[一二三四五六七八九十]+月|被|没|未|曾|获|评))\s*年?"
)
# 苏知发〔2021〕140号 is not a year asked about; 「今年（2024）的保护示范区」 is
DOC_NUMBER = re.compile(
    r"〔\s*20\d{2}\s*〕"
    r"|(?<=[发函字办])\s*[\[【(（]\s*20\d{2}\s*[\]】)）]"
    r"|[\[【(（]\s*20\d{2}\s*[\]】)）](?=\s*第?\d+\s*号)"
    # 「苏政发2017年的文件」「国办发2021」: the year of a document number written without brackets
    r"|(?<=[政知办国]发)\s*20\d{2}(?!\d)\s*年?"
)
TWO_DIGIT_YEAR = re.compile(r"(?<![\d.])(2\d)年(?=[那这版的度指申相和跟与比])")  # 「22年那版」「22年这个」
# 「专利导航服务基地的申报指南」「国家知识产权示范企业认定的条件」「专利导航服务基地怎么申报」
# 「江苏专利奖今年什么时候开始申报」: a program asked about by its name, with what applying takes.
_PROGRAM_NAME = (
    r"[\u4e00-\u9fff]{2,18}?(?:企业|基地|中心|奖|项目|计划|工程|示范区|城市|强县|强市|平台|联盟|商标)"
)
# (「省知识产权工作真抓实干成效明显地区是怎么评出来的」: a title of 省 too)
_TITLE_NAME = r"(?:国家级?|省级?|江苏省|市级|县级|区级)[\u4e00-\u9fff]{2,14}?(?:示范县|试点县|强县|城市|园区|集聚区|基地|企业|中心|单位|地区)"
_QUALIFICATION = r"[\u4e00-\u9fff]{2,14}?(?:职称|资格|称号|认证|备案)"
_EXAM = r"[\u4e00-\u9fff]{2,14}?考试"
_PLACES = either((*LEXICON.jiangsu_cities, *LEXICON.jiangsu_county_cities, *LEXICON.jiangsu_districts))
# A district or county by name (「崇川区」「沛县」「昆山市」), as a local plan's issuer names its own
COUNTY = re.compile(
    "|".join(
        (
            *(
                n if n.endswith("县") else f"{n}[区县]"
                for n in sorted(LEXICON.jiangsu_districts, key=len, reverse=True)
            ),
            *(f"{n}市?" for n in sorted(LEXICON.jiangsu_county_cities, key=len, reverse=True)),
        )
    )
)


# A city's or a county's own plan or policy (「无锡市知识产权强市建设方案」「海门区…工作方案」)
_PLACE_DOCUMENT = re.compile(
    f"((?:{_PLACES})[市县区]?(?:本级)?"
    r"[^，,。？?]{0,16}?(?:方案|规划|实施意见|实施办法))"
)
# ...or a policy it issued of a program's matter (「苏州有没有出台高价值专利培育的配套政策」)
_PLACE_POLICY = re.compile(
    f"(({_PLACES})[市县区]?(?:本级)?"
    r"[^，,。？?]{0,6}?(?:有没有|是否|有无|有啥|有什么|有哪些)(?:出台|制定|发布|印发)了?[^，,。？?]{0,16}?(?:政策|办法|措施))"
)
# ...or money of its own level (「苏州市对省保护示范区有没有市级配套奖励」): not the province's
_LEVEL_MONEY = re.compile(
    f"((?:{_PLACES})[市县区]?)[^，,。？?]{{0,16}}?((?:市级|县级|区级|市里|县里|区里)(?:的)?(?:配套)?"
    r"(?:奖励|补助|资金|政策|资助|扶持|补贴))"
)
ASKED_PROGRAM = re.compile(
    rf"({_PROGRAM_NAME})"
    r"(?:的?(?:申报指南|申报条件|认定|评选|评定|遴选)"
    r"|[^，,。？?]{0,10}?(?:怎么|如何|怎样|什么时候|啥时候|何时|哪天)(?:开始)?(?:申报|申请|报名|推荐|参评|报|截止)"
    # 「中国专利奖今年申报截止是哪天」: when applying for it opens or closes
    r"|[^，,。？?]{0,6}?(?:申报|申请|报名)的?(?:截止|开始|时间)"
    # 「中国专利奖申报需要满足什么条件」「…要通过什么渠道推荐申报」: what applying for it takes
    r"|(?:申报|申请|推荐)(?:需要|要|得)?(?:满足|具备|符合)?(?:什么|哪些|啥)(?:条件|要求|材料)"
    r"|[^，,。？?]{0,4}?(?:通过|走)(?:什么|哪个|哪些)(?:渠道|途径))"
    # 「申报国家知识产权示范企业需要满足哪些条件」: the verb before the name
    rf"|(?:申报|申请|评上|认定为|创建)({_PROGRAM_NAME})(?:需要|要|得|应|应当)?(?:满足|具备|符合)?"
    r"(?:什么|哪些|啥)(?:条件|要求|材料)"
    # 「国家知识产权强县建设示范县本身的申报条件」「省级知识产权服务业集聚区认定需要什么条件」:
    # a title of a level, then what becoming one takes
    rf"|({_TITLE_NAME})[^，,。？?]{{0,8}}?(?:申报条件|条件|评定标准|认定标准|评选标准|怎么评|怎么申报|怎么申请|怎么认定|申报通知)"
    rf"|(?:想|要|打算|准备)(?:报|申报|申请|创建|评)({_TITLE_NAME})[，,]"
    r"(?:需要|要|得)?(?:满足|具备|符合)?(?:什么|哪些|啥)(?:条件|要求|材料)"
    # 「知识产权师职称怎么评」「服务机构备案需要满足什么条件」: a title, a qualification or a filing
    # that no guide is about, and what obtaining it takes
    rf"|({_QUALIFICATION})[^，,。？?]{{0,6}}?(?:(?:需要|要|得)?(?:满足|具备|符合)?(?:什么|哪些|啥)(?:条件|要求|材料)"
    r"|(?:怎么|如何|怎样)(?:评|评审|认定|考|申请|办理|取得))"
    # 「我个人想评知识产权师职称，需要什么条件」: a wish to obtain it, then what it takes
    rf"|(?:想|要|打算|准备)(?:评|考|申请|拿|取得|办)({_QUALIFICATION})[，,]"
    r"(?:需要|要|得)?(?:满足|具备|符合)?(?:什么|哪些|啥)(?:条件|要求|材料)"
    # 「专利代理师资格考试的报名条件是什么」: an examination, and what sitting it takes
    rf"|({_EXAM})[^，,。？?]{{0,6}}?(?:(?:报名|报考)?条件|(?:怎么|如何|在哪|哪里)(?:报名|报考)|(?:什么时候|何时|啥时候)(?:考|报名))"
)
PROVINCIAL_WORDS = re.compile(r"省里|省级|省政府|省委|省财政|省局|省知识产权局")
ANNUAL_KINDS = ("申报指南", "通知")  # documents of one year's round; a year asked about names the round
CURRENT_WORDS = re.compile(r"今年|现在|新版|最新|现行|这一年")
# 「去年」, not 「去年（2021年）」: a calendar year the applicant wrote beside it is the one meant
RELATIVE_YEAR = re.compile(
    "(?:"
    + "|".join(map(re.escape, sorted(LEXICON.relative_years, key=len, reverse=True)))
    + r")(?!\s*[（(]\s*\d)"
)
APPLICANT_WORDS = tuple((t.name, t.in_questions) for t in LEXICON.applicant_types)


@dataclass(frozen=True)
class Scope:
    programs: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    applicant_type: str | None = None
    unknown_years: tuple[int, ...] = ()
    current: bool = False  # 「今年的呢」: the current guide, whatever year came before
    provincial: bool = False  # 「省里」: the province's documents

    def follow(self, previous: Scope) -> Scope:
        """A follow-up keeps what it does not say from the previous turn. A question that
        names another program starts afresh on years: without a year it means the current guide;
        naming the program talked about again (「所在的县已经是保护示范区了…」) keeps its year."""
        same_programs = set(self.programs) <= set(previous.programs)
        inherit_years = same_programs and not self.unknown_years and not self.current
        return Scope(
            self.programs or previous.programs,
            self.years or (previous.years if inherit_years else ()),
            self.applicant_type or previous.applicant_type,
            self.unknown_years,
            current=self.current,
            provincial=self.provincial,
        )

    def guides(self, kb: KnowledgeBase) -> tuple[Guide, ...]:
        """The guides in scope: the programs' guides of the years said, else the current ones."""
        chosen = [g for g in kb.guides if not self.programs or g.program in self.programs]
        if self.years:
            chosen = [g for g in chosen if g.year in self.years]
        elif self.programs:
            chosen = [g for g in chosen if g.is_current] or chosen
        return tuple(chosen) if (self.programs or self.years) else ()


# 「所在的县已经是保护示范区了，园区还能报吗」: the applicant's parent is not the applicant
_PARENT_BODY = re.compile(r"(?:所在|所属|上级|隶属)的?(?:设区市|县（市、区）|县|市|区)")


_BODY_WORD = re.compile(either(tuple(w for _, words in APPLICANT_WORDS for w in words)))
_COUNTED = LEXICON.counted_bodies
_COUNTED_BEFORE = re.compile(
    rf"(?:{either(_COUNTED.before)}|[\d几多两三四五六七八九十百]\s*(?:{either(_COUNTED.measure_words)}))$"
)


def _without_counted_bodies(text: str) -> str:
    """The text with the body words that name bodies counted or served taken out (「产业链企业
    数量有要求吗」「超过50家企业」): they are not the applicant."""

    def counted(found: re.Match[str]) -> str:
        before, after = text[: found.start()], text[found.end() :]
        if _COUNTED_BEFORE.search(before) or after.startswith(_COUNTED.after):
            return " " * len(found.group())
        return found.group()

    return _BODY_WORD.sub(counted, text)


def calendar_years(text: str, today: date) -> str:
    """「去年」「前年」 as the calendar years they are as of `today` (「去年的撤回率」 said in 2026
    is 2025's, not the year before a round's)."""

    def dated(found: re.Match[str]) -> str:
        if text[max(0, found.start() - 1) : found.start() + 1] in LEXICON.relative_years_inside:
            return found.group()  # 「发明年均40件」: 明年 inside 发明
        return f"{today.year + LEXICON.relative_years[found.group()]}年"

    return RELATIVE_YEAR.sub(dated, text)


def detect(kb: KnowledgeBase, question: str, today: date | None = None) -> Scope:
    """What a question names: programs, the rounds' years (「今年」 as of `today`), the applicant."""
    text = with_full_years(kb, DOC_NUMBER.sub(" ", normalize(question)))
    if today is not None:
        text = calendar_years(text, today)
    mentioned = sorted(
        _joined_years(text, {int(m.group(1)) for m in YEAR.finditer(text) if _names_a_round(kb, text, m)})
    )
    mentioned = [y for y in mentioned if y in _years_of_guides(kb) or y not in _quoted_years(kb, text)]
    # 「140号文附件1的联系人」: an attachment named by its number is that round's guide
    attached = {g.year for _, parts in _named_attachments(kb, normalize(question)) for g in parts}
    mentioned = mentioned or sorted(attached)
    programs = tuple(dict.fromkeys((*_programs(kb, text), *_kinds_of_years(kb, text))))
    programs = _the_document_saying(kb, text, programs)
    named = [g for g in kb.guides if not programs or g.program in programs]
    covered = {g.year for g in named}
    unknown = tuple(y for y in mentioned if y not in covered)
    if programs and not any(g.kind in ANNUAL_KINDS for g in named):
        # a policy or a plan: 「2017年那份」 is another document's year, not a round; but a year
        # after the span its title gives (「通州方案到2030年的目标」) is one it does not cover
        unknown = _beyond_spans(named, text)
    applicant = next(iter(types_named(_without_counted_bodies(_PARENT_BODY.sub(" ", text)))), None)
    return Scope(
        programs,
        tuple(y for y in mentioned if y in covered),
        applicant,
        unknown,
        current=CURRENT_WORDS.search(text) is not None and not mentioned,
        provincial=PROVINCIAL_WORDS.search(text) is not None,
    )


def _the_document_saying(kb: KnowledgeBase, text: str, programs: tuple[str, ...]) -> tuple[str, ...]:
    """「强省政策说高价值专利培育中心由谁组建」: a policy or plan named as the one that says, and
    programs whose names its own text holds, are that document and its terms."""
    if len(programs) < 2:
        return programs
    for guide in kb.guides:
        if guide.program not in programs or guide.kind in ANNUAL_KINDS:
            continue
        said = [n for n in guide.names if re.search(re.escape(n) + _SAYING, text)]
        own = kb.guide_text(guide.id)
        others = [g for g in kb.guides if g.program in programs and g.program != guide.program]
        if said and all(any(n in own and n in text for n in g.names) for g in others):
            return (guide.program,)
    return programs


_SAYING = r"(?:里|中|上)?(?:说|讲|提到|规定|写)"
_SPAN = re.compile(r"(20\d{2})\s*[-—–~至]\s*(20\d{2})\s*年")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)\s*年")


def _beyond_spans(named: list[Guide], text: str) -> tuple[int, ...]:
    """Years the text names that come after every span the documents' titles give (「（2022-2025年）」)."""
    ends = [int(m.group(2)) for g in named if (m := _SPAN.search(g.title))]
    if not ends or len(ends) < len(named):
        return ()
    return tuple(sorted({y for m in _ANY_YEAR.finditer(text) if (y := int(m.group(1))) > max(ends)}))


_YEAR_KIND = re.compile(
    r"(20\d{2})\s*年?度?(?:的|版|那个|那份|出的|发的)?\s*("
    + "|".join(map(re.escape, LEXICON.kind_words))
    + ")"
)


def _kinds_of_years(kb: KnowledgeBase, text: str) -> list[str]:
    """The programs of documents named by a year and a word for their kind (「2023政策」「23年政策里」
    name the 2023 measures): the one document of that year and kind, when there is one."""
    found = []
    for match in _YEAR_KIND.finditer(text):
        kind = LEXICON.kind_words[match.group(2)]
        guides = [g for g in kb.guides if g.year == int(match.group(1)) and g.kind == kind and g.program]
        if len(guides) == 1:
            found.append(guides[0].program)
    return found


def _years_of_guides(kb: KnowledgeBase) -> set[int]:
    return {g.year for g in kb.guides}


_QUOTED_SPAN = 3  # the characters after a year that must follow the same year in the guides' text


def _quoted_years(kb: KnowledgeBase, text: str) -> set[int]:
    """Years said with the words the guides' own text writes after them (「20年真抓实干激励的市」:
    the 2022 高价值专利 guide writes 「2020年度真抓实干激励地区」): the guides' content, not a
    round asked about."""
    squeezed = _squeezed_text(kb)
    found = set()
    for match in YEAR.finditer(text):
        after = re.sub(r"^\s*年?度?的?", "", text[match.end() :])[:_QUOTED_SPAN]
        if len(after) == _QUOTED_SPAN and re.fullmatch(r"[\u4e00-\u9fff]+", after):
            year = match.group(1)
            if f"{year}年{after}" in squeezed or f"{year}年度{after}" in squeezed:
                found.add(int(year))
    return found


_SQUEEZED: dict[str, str] = {}


def _squeezed_text(kb: KnowledgeBase) -> str:
    """Every clause's text as questions are read (`normalize`: no spaces between words)."""
    if kb.fingerprint not in _SQUEEZED:
        _SQUEEZED[kb.fingerprint] = normalize(kb.all_text)
    return _SQUEEZED[kb.fingerprint]


# What follows a year that names a round or a guide (「2024年保护示范区」「2022年的呢」「2025年什么
# 时候申报」), as opposed to the year of an applicant's record (「2021年发明专利授权量…」,
# 「2021年省委省政府…检查」).
# 「2022年度省…」 opens a round's title, unless its clause goes on to the applicant's record
# (「2020年度省真抓实干成效明显地区也评上了」)
_PROVINCIAL_ROUND = rf"省(?!委|政府)(?![^，,。；;？?]*(?:{'|'.join(LEXICON.record_words)}))"
ROUND_AFTER = re.compile(
    r"\s*年?度?(?:的|里|中)?\s*(?:指南|申报|申请|项目|版|那|这|呢|规定|要求|政策|文件|通知|条件|和|与|跟|比|、|还能|还可以|能报|能申报|能申请|可以报|可以申报|可报|行吗|行不行|"
    + _PROVINCIAL_ROUND
    + r"|江苏|什么|啥|哪|几|怎么|多少|有没有|能不能|是否|吗|$|[?？,，。!！]"
    # 「这个跟2022年的一样吗」: a round compared with another
    + r"|一样|相同|不同|不一样|区别|差别|差异|变化"
    # 「2025年还有这个项目吗」「明年还组织吗」: whether there is a round that year
    + r"|还有(?:这个|该|那个)(?:项目|计划|专项|指南)|还有没有|还(?:组织|开展)"
    # a clause's number right after (「24年 六、申报要求（二）」「2022年三（三）」)
    + r"|[一二三四五六七八九十]{1,3}[、（(]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十\d]{1,3}[条项款])"
)


def with_full_years(kb: KnowledgeBase, text: str) -> str:
    """The text with the two-digit years of rounds written out as the guides write them
    (「22年那版」「24年保护示范区」 → 2022年, 2024年)."""
    text = _before_a_program(kb).sub(r"20\1年", TWO_DIGIT_YEAR.sub(r"20\1年", text))
    # 「24年还有这一条吗？」: a follow-up that opens with a year and asks of it
    text = _OPENING_SHORT_YEAR.sub(r"\g<1>20\2年", text)
    # 「那22年设区市是怎么要求的」: a follow-up that opens with 那 and a year turns to that round
    text = _THAT_SHORT_YEAR.sub(r"\g<1>20\2年", text)
    # 「24年和22年两轮」: a short year joined to a round's year is a round's too
    text = _JOINED_SHORT_YEAR.sub(r"\g<1>20\2年", text)
    # 「22和24保护示范区」「22版和24版」: two short years joined, each a round's
    text = _PAIRED_SHORT_YEARS.sub(r"20\1年\2\g<3>20\4年", text)
    # 「24版指南」「24指南」: a version or a guide is a round's
    text = _SHORT_VERSION.sub(r"20\1年", text)
    # 「22年园区报保护示范区…」: a program's name later in the clause, as for a full year
    return _SHORT_YEAR.sub(lambda m: f"20{m.group(1)}年" if _names_a_round(kb, text, m) else m.group(), text)


_PAIRED_SHORT_YEARS = re.compile(
    r"(?<![\d.])(2\d)(?:年度?|版)?(\s*)(和|跟|与|同|、|还是|对比|比)\s*(2\d)(?:年度?|版)?(?![\d.%％件万个人项家])"
)
_SHORT_VERSION = re.compile(r"(?<![\d.])(2\d)(?=版|指南)")
_JOINED_TO = re.compile(r"(20\d{2})\s*年?度?\s*(?:和|与|跟|还是|同|、)\s*$")
_JOINED_SHORT_YEAR = re.compile(r"(20\d{2}\s*年?度?\s*(?:和|与|跟|及|、|还是|同)\s*)(2\d)年")
_SHORT_YEAR = re.compile(r"(?<![\d.])(2\d)年(?!度?[前底末内])")
# 「2024年还有这一条吗？」: a year that opens a question asking of it (no figure after it)
_OPENS_A_QUESTION = re.compile(r"^\s*(?:那|那么|在)?\s*#\s*年?度?[^，,。；;\d]*[吗呢？?]\s*$")
_OPENING_SHORT_YEAR = re.compile(r"^(\s*(?:那|那么|在)?\s*)(2\d)年(?=[^，,。；;\d]*[吗呢？?]\s*$)")
# a year that opens a follow-up with 那, no figure after it (「那22年设区市是怎么要求的」)
_THAT_YEAR = re.compile(r"^\s*(?:那|那么)\s*#\s*年?度?[^，,。；;\d]*$")
_THAT_SHORT_YEAR = re.compile(r"^(\s*(?:那|那么)\s*)(2\d)年(?=[^，,。；;\d]*$)")


_PROGRAM_YEARS: dict[str, re.Pattern[str]] = {}


def _before_a_program(kb: KnowledgeBase) -> re.Pattern[str]:
    """A two-digit year right before a program's name (「24年保护示范区」「22年度高价值专利」)."""
    if kb.fingerprint not in _PROGRAM_YEARS:
        names = sorted(_program_names(kb), key=lambda n: (-len(n), n))
        pattern = r"(?<![\d.])(2\d)年(?=度?的?(?:{}))".format("|".join(map(re.escape, names)))
        _PROGRAM_YEARS[kb.fingerprint] = re.compile(pattern)
    return _PROGRAM_YEARS[kb.fingerprint]


def _program_names(kb: KnowledgeBase) -> set[str]:
    names = {normalize(n) for g in kb.guides for n in g.names if len(n) >= 2}
    return names | set(LEXICON.short_program_names)


def _names_a_round(kb: KnowledgeBase, text: str, year: re.Match) -> bool:
    """Is this year the round asked about? Yes when round words or a question word follow
    it, a program's name comes right before it (or before its bracket), or a program's name
    follows later in the same clause with no figure or record word between (「2022年设区市保护示范区…」; but
    「2021年发明专利授权量超过10000件的设区市…」 and 「2019年就通过了…验收」 are the applicant's
    record)."""
    after = text[year.end() :]
    joined = _JOINED_TO.search(text[: year.start()])
    if joined and {int(joined.group(1)), int(year.group(1))} <= _years_of_guides(kb):
        return True  # 「22年和24年立项规则怎么定的」: two rounds' years joined, each a round's
    if _RECORD_BEFORE.search(text[: year.start()]):
        return False  # 「没在承担2020、2021年省级地标项目」: the applicant's record
    if _RECORD_AFTER.match(after):
        return False  # 「21年在做省级地标项目的那个还能报吗」「19年验收的」「去年还在做」: so is this
    if ROUND_AFTER.match(after) or _OPENS_A_QUESTION.match(text[: year.start()] + "#" + after):
        return True
    if _THAT_YEAR.match(text[: year.start()] + "#" + after):
        return True  # 「那22年设区市是怎么要求的」: a follow-up that turns to another round
    if opens_an_apply_question(text, year.start(), year.end()):
        return True  # 「22年县这一级能报吗？」
    clause = re.split(r"[，,。？?；;！!]", after, maxsplit=1)[0]
    if _a_part_of_its_guide(kb, 2000 + int(year.group(1)) % 100, clause):  # (「24年」 too)
        return True
    names = _program_names(kb)
    before = text[max(0, year.start() - 12) : year.start()]
    for name in names:
        if name in LEXICON.short_program_names and not bare_name(name, clause):
            continue  # 「2022年度国家知识产权强县建设示范区」: another title, the applicant's record
        at = clause.find(name)
        between = clause[:at]
        record = re.search(r"\d", between) or any(word in between for word in LEXICON.record_words)
        record = record and not _STILL_THERE.search(between)  # 「2024年还有没有工业品牌项目」
        # 「保护示范区（2022年度）」「专利转化专项计划2024年…」: the name, perhaps with its head noun
        right_before = _PROGRAM_HEADS.sub("", before.rstrip("的 (（[【")).endswith(name)
        if (at >= 0 and not record) or right_before:
            return True
    return False


def _a_part_of_its_guide(kb: KnowledgeBase, year: int, clause: str) -> bool:
    """「24年设区市的绩效目标一共几条」: a part of a guide (its conditions, tasks, targets) later in
    the year's clause, no figure or record word between, and a guide of that year's round."""
    part = ROUND_PART.search(clause)
    if part is None or not any(g.year == year and g.kind in ANNUAL_KINDS for g in kb.guides):
        return False
    between = clause[: part.start()]
    return not re.search(r"\d", between) and not any(w in between for w in LEXICON.record_words)


ROUND_PART = re.compile(either(LEXICON.round_parts))  # a part of a round's guide (条件, 任务…)
_STILL_THERE = re.compile(r"还有没有|有没有|还有")
# The rest of a clause asking whether one can apply, no figure in it (「…县这一级能报吗」), not
# of a record (「报过吗」)
_ASKS_TO_APPLY_AFTER = re.compile(
    rf"\s*年?度?的?[^，,。；;\d？?]*?(?:{either(LEXICON.asking_to_apply.apply_verbs)})(?![过了])"
    r"[^，,。；;\d？?]*(?:吗|呢|[？?])"
)
_OPENING = re.compile(r"(?:^|[，,。？?；;！!])\s*(?:那|那么|在)?\s*$")


def opens_an_apply_question(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] opens a clause that asks whether one can apply (「…。22年县这
    一级能报吗？」「2022年的县区这一档能申报吗」): it names the round asked."""
    return bool(_OPENING.search(text[:start])) and _ASKS_TO_APPLY_AFTER.match(text, end) is not None


_PROGRAM_HEADS = re.compile(f"(?:{either(LEXICON.asking_to_apply.program_nouns)})+$")
# A verb of the applicant's record right before a year, or before a year joined to it
# (「承担2020、2021年…」「2019年验收」 is after it; 「评为2022年度…」 before it)
_RECORD_BEFORE = re.compile(
    rf"(?:{'|'.join(LEXICON.record_verbs)})(?:20\d{{2}}\s*年?度?\s*(?:和|与|、|及|或)\s*)?\s*$"
)
# A record word right after a year, perhaps after an adverb (「2025年还在做…」「19年就验收了」)
_RECORD_AFTER = re.compile(
    rf"\s*年?度?的?\s*(?:{'|'.join(LEXICON.record_adverbs)})?\s*(?:{'|'.join(LEXICON.record_words)})"
)
_JOINED_YEARS = re.compile(r"(20\d{2})\s*年?度?\s*(?:和|与|跟|及|或|还是|、|同)\s*(20\d{2})(?!\d)")


def _joined_years(text: str, rounds: set[int]) -> set[int]:
    """The years of rounds, with those joined to one by 和/与/、 (「保护示范区2022年和2024年的
    截止日期」: 2024 is a round as 2022 is)."""
    for match in _JOINED_YEARS.finditer(text):
        after = text[match.end() : match.end() + RECORD_SPAN]
        if any(word in after for word in LEXICON.record_words):
            continue  # 「2021年和2022年都没评上」: the applicant's record
        pair = {int(match.group(1)), int(match.group(2))}
        if pair & rounds:
            rounds |= pair
    return rounds


def without_program_names(kb: KnowledgeBase, text: str) -> str:
    """The text with the programs' names in it taken out (「强省政策措施分成哪几大块」 → 「分成哪几大块」)."""
    text = normalize(text)
    for name in sorted(_program_names(kb), key=lambda n: (-len(n), n)):
        text = text.replace(name, " ")
    return text


def _programs(kb: KnowledgeBase, text: str) -> tuple[str, ...]:
    """Programs named in the text, longest names first: 「地理标志产品保护示范区」 names
    地理标志, and the 「保护示范区」 inside it then names nothing."""
    names = sorted(
        {(normalize(n), g.program) for g in kb.guides for n in g.names if len(n) >= 2},
        key=lambda pair: (-len(pair[0]), pair),
    )
    said = text
    found, text = _attachments_named(kb, text)
    spans: dict[str, tuple[int, int]] = {}  # where each program is named first
    for name, program in names:
        if name in text and not _a_longer_term(kb, name, text, [n for n, _ in names]):
            found.append(program)
            text = _taken_out(text, name, program, spans)
    for name, program in _spoken_names(kb).items():  # 「高校院所运营能力提升」
        if name in text:
            found.append(program)
            text = _taken_out(text, name, program, spans)
    short = shortened_name(text, _long_names(kb), LEXICON.name_words)  # 「强省措施」
    if short is not None:
        found.append(short[2])
        spans.setdefault(short[2], (short[0], short[1]))
    found.extend(p for name, p in LEXICON.short_program_names.items() if bare_name(name, said))
    return tuple(p for p in dict.fromkeys(found) if not _a_matter_of_a_document(kb, said, p, spans))


def _taken_out(text: str, name: str, program: str, spans: dict[str, tuple[int, int]]) -> str:
    """The text with a program's name blanked out (so that no shorter name inside it counts), its
    first place kept in `spans` when the program has none yet."""
    at = text.find(name)
    spans.setdefault(program, (at, at + len(name)))
    return text.replace(name, "\0" * len(name))


# 「强省政策对高价值专利培育中心有什么支持」: what joins a document's name to a matter inside it
_INSIDE_A_DOCUMENT = re.compile(r"(?:里|中|里面|当中)?的?(?:对|对于|关于|给)?")


def _a_matter_of_a_document(
    kb: KnowledgeBase, text: str, program: str, spans: dict[str, tuple[int, int]]
) -> bool:
    """A round's program named right after a document that is no round's (the measures, a plan)
    and 对/里/关于 (「强省政策对高价值专利培育中心有什么支持」): a matter the document speaks
    of, not a program asked about."""
    if program not in spans:
        return False
    start = spans[program][0]
    for other, (_, end) in spans.items():
        documents = [g for g in kb.guides if g.program == other]
        if other == program or not documents or any(g.kind in ANNUAL_KINDS for g in documents):
            continue
        if end < start and _INSIDE_A_DOCUMENT.fullmatch(text[end:start]):
            return True
    return False


_SHORT_ALIAS = 3  # an alias this short may begin a longer term of the guides (高价值 → 高价值发明专利)
_TERM_TAIL = 2  # the characters after it that make the longer term


def _a_longer_term(kb: KnowledgeBase, name: str, text: str, names: list[str]) -> bool:
    """A short alias that only begins a longer term the guides use (「高价值发明专利」 holds 高价值,
    the 2022 高价值专利 program's alias, but is a figure of the 2024 guide's goals) names no
    program: every time it is said, it goes on into such a term."""
    if len(name) > _SHORT_ALIAS:
        return False
    squeezed = _squeezed_text(kb)
    for at in (m.start() for m in re.finditer(re.escape(name), text)):
        longer = text[at : at + len(name) + _TERM_TAIL]
        named = any(n.startswith(longer) for n in names)
        if len(longer) < len(name) + _TERM_TAIL or named or longer not in squeezed:
            return False
    return True


# 「22年示范区」「县级示范区」「，示范区」, not 「版权示范区」「示范城市、示范区」: knowledge/lexicon.yaml,
# short_program_names
_BARE_NAMES = {
    name: re.compile(
        f"(?:^|(?<=[\\s\\d，,。？?！!：:])|(?<=[{''.join(LEXICON.short_name_after)}])){re.escape(name)}"
    )
    for name in LEXICON.short_program_names
}


def bare_name(name: str, text: str) -> bool:
    """Whether a short program name (示范区) stands in the text as the program's own."""
    return _BARE_NAMES[name].search(text) is not None


def _attachments_named(kb: KnowledgeBase, text: str) -> tuple[list[str], str]:
    """「140号文附件3」「苏知发〔2021〕140号附件2」: the programs of a notice's attachment, and
    the text with that name blanked out (the notice's own alias would name the notice)."""
    found: list[str] = []
    for match, parts in _named_attachments(kb, text):
        found.extend(g.program for g in parts)
        text = text[: match.start()] + "\0" * len(match.group(0)) + text[match.end() :]
    return found, text


def attachments_by_title(kb: KnowledgeBase, text: str) -> str:
    """The text with a notice's attachment named by number (「苏知发〔2021〕140号附件4」) written
    as its guide's title, the words its clauses share (what the question is searched with)."""
    for match, parts in reversed(_named_attachments(kb, text)):
        titles = "、".join(g.title for g in parts)
        text = text[: match.start()] + titles + text[match.end() :]
    return text


def attachment_talked_about(
    kb: KnowledgeBase, text: str, talked_about: tuple[Guide, ...]
) -> tuple[Guide, ...]:
    """「附件3的联系人是谁」「附件4那个截止到哪天」 in a conversation about a notice or one of its
    attachments: the guides of that notice's attachment N (none when the number is no
    attachment of it, or when no notice is talked about)."""
    match = _ATTACHMENT_NUMBER.search(normalize(text))
    if match is None:
        return ()
    notices = {g.notice_number: g for g in talked_about}  # one guide of each notice talked about
    return tuple(a for g in notices.values() for a in kb.attachment(g, match.group(1)))


_ATTACHMENT_NUMBER = re.compile(r"附件\s*(\d{1,2})(?!\d)")


def _named_attachments(kb: KnowledgeBase, text: str) -> list[tuple[re.Match[str], list[Guide]]]:
    """Each attachment of a notice the text names by the notice's number, with its guides."""
    named = []
    for notice in kb.guides:
        if not notice.doc_number or "附件" in notice.doc_number:
            continue
        names = {normalize(n) for n in (notice.doc_number, *notice.aliases) if re.search(r"\d号", n)}
        for name in sorted(names, key=lambda n: (-len(n), n)):
            match = re.search(re.escape(name) + r"文?的?\s*附件\s*(\d{1,2})(?!\d)", text)
            if match is None:
                continue
            wanted = normalize(f"{notice.doc_number}附件{match.group(1)}").replace(" ", "")
            parts = [
                g for g in kb.guides if g.doc_number and normalize(g.doc_number).replace(" ", "") == wanted
            ]
            if parts:
                named.append((match, parts))
            break
    return sorted(named, key=lambda pair: pair[0].start())


_LONG_NAMES: dict[str, dict[str, str]] = {}


def _long_names(kb: KnowledgeBase) -> dict[str, str]:
    """Every name of a program that people cut short, with its program: the guides' titles,
    names and aliases, and the directions of a program (the titles of a guide's sections that
    no other guide has, such as 专利转化's 「高校院所知识产权运营能力提升」)."""
    if kb.fingerprint not in _LONG_NAMES:
        names = {normalize(n): g.program for g in kb.guides for n in (g.title, g.short_name, *g.aliases) if n}
        for guide in kb.guides:
            if guide.kind == ANNUAL_KINDS[0]:
                names.update((normalize(t), guide.program) for t in _own_section_titles(kb, guide))
        _LONG_NAMES[kb.fingerprint] = {n: p for n, p in names.items() if p}
    return _LONG_NAMES[kb.fingerprint]


_SPOKEN_NAMES: dict[str, dict[str, str]] = {}


def _spoken_names(kb: KnowledgeBase) -> dict[str, str]:
    """The long names as people say them, without 「知识产权」 (「高校院所运营能力提升」 of
    「高校院所知识产权运营能力提升」), six characters or more; built once per knowledge base."""
    if kb.fingerprint not in _SPOKEN_NAMES:
        spoken = {n.replace("知识产权", ""): p for n, p in _long_names(kb).items() if "知识产权" in n}
        _SPOKEN_NAMES[kb.fingerprint] = {n: p for n, p in spoken.items() if len(n) >= SPOKEN_NAME_MIN}
    return _SPOKEN_NAMES[kb.fingerprint]


def _own_section_titles(kb: KnowledgeBase, guide: Guide) -> list[str]:
    others = {c.title for g in kb.guides if g.id != guide.id for c in kb.top_sections(g.id)}
    return [
        c.title for c in kb.top_sections(guide.id) if c.title not in others and len(c.title) >= DIRECTION_MIN
    ]


QUOTED_TITLE = re.compile(r"《([^《》]{2,40})》")


def unknown_program(kb: KnowledgeBase, question: str, names_covered: bool = False) -> str | None:
    """The name of a program the question asks about (its guide, its conditions, its
    recognition) when no guide is about it; None when the name holds a covered program. A
    document quoted by its title (「《江苏省知识产权促进和保护条例》」) that is no guide and that
    no guide quotes is such a name too. When the question names a covered program
    (`names_covered`), only a national title around its words (「国家地理标志产品保护示范区」) is."""
    for title in () if names_covered else QUOTED_TITLE.findall(normalize(question)):
        if not _programs(kb, title) and f"《{title}》" not in kb.all_text and not _a_guide_title(kb, title):
            return title
    place_document = _PLACE_DOCUMENT.search(normalize(question))
    if place_document and not _programs(kb, place_document.group(1)):
        # 「无锡市知识产权强市建设方案有哪些目标」: no guide's plan (named without the asking words)
        return re.sub(r"(?:有没有|是否|有无)?(?:出台|出|制定|印发)了?", "", place_document.group(1))
    place_policy = _PLACE_POLICY.search(normalize(question))
    if place_policy and not any(place_policy.group(2) in g.issuer for g in kb.guides):  # (not 通州's)
        return re.sub(r"(?:有没有|是否|有无)?(?:出台|制定|发布|印发)了?", "", place_policy.group(1))
    if level_money := _LEVEL_MONEY.search(normalize(question)):  # 「苏州市…有没有市级配套奖励」
        return level_money.group(1) + level_money.group(2)
    name = _asked_name(question)
    if name is None or _a_section_title(kb, name):
        return None  # 「升级项目申报条件有哪些」: a guide's own section (二、升级项目) is covered
    if not any(k in name for k in _program_names(kb)):  # no covered program's words in it
        return None if names_covered else name
    if _national(kb, name) or _another_of_the_guides(kb, name) or _of_another_subject(kb, name):
        return name
    # 「地理标志产品保护示范区国家级的怎么申报」: the level named right after it
    level = _LEVEL_AFTER.match(normalize(question), normalize(question).find(name) + len(name))
    return f"{level.group(1)}{name}" if level else None


# Another level than the province's, said right after a program's name
_LEVEL_AFTER = re.compile(r"(?:的)?(国家级|市级|县级|区级)")


def unheld_document(kb: KnowledgeBase, question: str) -> str | None:
    """The title of a document that no guide is, asked for what it says (「《江苏省高价值专利
    培育示范中心建设和管理办法（暂行）》里评价不合格的处理细则」): the guides may name it, but
    hold none of its text. Its title is followed by a word of its inside (里, 全文, 细则…)."""
    for match in QUOTED_TITLE.finditer(question):  # (the title as the question writes it)
        title = match.group(1)
        # (a guide's own title, or a program's name ending as a guide's name does: 「《2024年保护
        # 示范区申报指南》里」)
        named = normalize(title)
        guide = _a_guide_title(kb, named) or (_programs(kb, named) and _NAME_HEAD_LAST.search(named))
        if _INSIDE.match(question, match.end()) and not guide:
            return title
    # 「知识产权强省建设纲要的主要目标是什么」: a title the guides quote, written without 《》
    said = normalize(question)
    for title in (t for t in kb.quoted_titles if not _a_guide_title(kb, normalize(t))):
        core = _TITLE_FRAME.sub("", title)
        at = said.find(core)
        if len(core) >= CITED_TITLE_MIN and at >= 0 and _INSIDE.match(said, at + len(core)):
            return title
    # 「国知发运函字〔2022〕131号确定了哪些强县」: a document by its number, no guide's
    numbers = {g.notice_number for g in kb.guides if g.doc_number}
    for match in _NUMBERED.finditer(question):
        if _INSIDE.match(question, match.end()) and not any(n in match.group(0) for n in numbers):
            return match.group(0)
    # 「苏政发2017年那个强省政策措施具体有哪些条」: by its code and year, asked what it holds
    for match in _CODE_YEAR.finditer(question):
        code, year = match.groups()
        held = any(
            code in g.notice_number and year in g.notice_number if g.doc_number else str(g.year) == year
            for g in kb.guides
        )
        if not held and _INSIDE.search(question[match.end() : match.end() + _CODE_YEAR_REACH]):
            return match.group(0)
    return None


def document_pointed_at(kb: KnowledgeBase, question: str, quoted: str) -> str | None:
    """The document the last answer quoted by its title (`quoted`: its text) and the question
    points back to by its kind (「那个管理办法里不合格是不是直接摘牌」「这个办法是哪年发布的」),
    when no guide is that document: its title. None when the question points to none, or the
    answer quoted no such document, or several."""
    pointed = _POINTED_DOCUMENT.search(normalize(question))
    if pointed is None:
        return None
    kind = pointed.group(1)
    titles = {
        t for t in QUOTED_TITLE.findall(quoted) if kind in re.sub(r"[（(][^）)]*[）)]$", "", t)[-len(kind) :]
    }
    titles = {t for t in titles if not _a_guide_title(kb, normalize(t))}
    return titles.pop() if len(titles) == 1 else None


_POINTED_DOCUMENT = re.compile(
    r"^(?:那|那么)?(?:那个|这个|该|上面那个|刚才那个|这份|那份)(管理办法|办法|规定|细则|条例|意见|通知|纲要|规划|文件)"
)
_INSIDE = re.compile(
    f"\\s*的?(?:{either(LEXICON.procedures.inside_fillers)})?(?:{either(LEXICON.procedures.inside_document)})"
)
_NUMBERED = re.compile(r"[\u4e00-\u9fff]{2,8}〔20\d{2}〕\s*\d+\s*号(?:文件?)?")
# A document by its issuer's code and year alone (「苏政发2017年那个…」), and how far after it
# the words asking what it holds may stand (「那个强省政策措施具体有哪些条」)
_CODE_YEAR = re.compile(
    r"([\u4e00-\u9fff]{1,4}发)\s*[〔\[(（]?\s*(20\d{2})\s*[〕\])）]?(?!\s*\d+\s*号)\s*年?"
)
_CODE_YEAR_REACH = 16


# A quoted title's frame: the province before it, its years or 暂行 after it
_TITLE_FRAME = re.compile(r"^(?:江苏省|省)|[（(][^）)]*[）)]?$|\?[\d?]*[）)]?$")


_NAME_HEAD_LAST = re.compile(f"(?:{either(LEXICON.name_heads)})$")


def _another_of_the_guides(kb: KnowledgeBase, name: str) -> bool:
    """「省企业知识产权战略推进计划」 holds the notice's 「战略推进计划」 but is another program,
    one the guides name (a past one whose unfinished projects bar applying) and do not cover:
    a program's name the guides' text holds that no guide's title holds."""
    core = re.sub(r"^(?:20)?\d{0,2}年度?", "", name)
    core = re.sub(r"项目$", "", core)
    return (
        core.endswith("计划")
        and core in kb.all_text
        and not any(core in normalize(g.title) for g in kb.guides)
    )


_AFTER_APPLYING = re.compile(r"^.*(?:申请|申报|报|评上|认定为|创建)")


def _asked_name(question: str) -> str | None:
    match = ASKED_PROGRAM.search(normalize(question))
    name = None if match is None else next((g for g in match.groups() if g), None)
    if name and any(w in name for w in LEXICON.applicant_kinds.pronouns):
        # 「我们企业想申请高新技术企业认定」: the name after the verb of applying; 「我们企业的申报
        # 条件」: the asker, no program
        name = _AFTER_APPLYING.sub("", name)
        if len(name) < 4 or any(w in name for w in LEXICON.applicant_kinds.pronouns):
            return None
    # 「那国家…示范区」; 「2022年省企业…计划」: the year's 年 is no part of the name
    return re.sub(r"^(?:那么|那|如果是|要是|还有|年度|年)", "", name) if name else None


def _of_another_subject(kb: KnowledgeBase, name: str) -> bool:
    """「商业秘密保护示范区」「数据知识产权保护示范区」: a program's name right after another subject
    matter (the lexicon's), which no guide's text or title holds as a whole: another program."""
    covered = max((k for k in _program_names(kb) if k in name), key=len, default="")
    before = name[: name.find(covered)] if covered else ""
    subject = next((w for w in LEXICON.other_subject_matters if before.endswith(w)), None)
    if subject is None:
        return False
    whole = normalize(name[len(before) - len(subject) :])  # the subject and the program's name
    return whole not in kb.all_text and not any(whole in normalize(g.title) for g in kb.guides)


def _national(kb: KnowledgeBase, name: str) -> bool:
    """「国家地理标志产品保护示范区」 holds a provincial program's name but is the national one."""
    return name.startswith(("国家", "市级", "县级", "区级")) and not any(
        name in normalize(g.title) for g in kb.guides
    )


def types_named(text: str) -> list[str]:
    """The applicant types a text names (「设区市、县、园区」 names three)."""
    text = normalize(text)
    return [t for t, words in APPLICANT_WORDS if any(w in text for w in words)]


def _a_section_title(kb: KnowledgeBase, name: str) -> bool:
    """The name is a section's whole title in a guide (「（二）升级项目」)."""
    return any(
        re.sub(r"^\s*[(（][^)）]{1,3}[)）]\s*|^[一二三四五六七八九十]+、", "", c.text).strip() == name
        for c in kb.clauses
    )


def _a_guide_title(kb: KnowledgeBase, title: str) -> bool:
    """A title as a guide writes it, whole or in part (「2024年度省知识产权建设示范」)."""
    return any(title in normalize(g.title) for g in kb.guides)
