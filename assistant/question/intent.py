"""What a question asks for: a date, a period, an amount, a list of conditions, a clause...

Each intent names the evidence an answer needs (a deadline needs a sentence with 截止; a
list of conditions needs a 申报条件 clause). When no clause in scope has that evidence, the
guides do not answer the question, and the composer says so instead of dressing up a
nearby clause as an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text.tokens import normalize, normalize_lines
from ..thresholds import WISH_WITH_FACTS
from .asking import (
    applies_together,
    asks,
    asks_to_apply,
    asks_which_programs,
    by_whom,
    last_asking_sentence,
    split_sentences,
    who_applies,
    without_look_alikes,
)
from .lexicon import INDEFINITE_WHICH, LEXICON, either

CHITCHAT = "chitchat"
LOOKUP = "lookup"
COMPARE = "compare"
ELIGIBILITY = "eligibility"
SCREENING = "screening"  # 「我们能报哪些项目？」
GENERAL = "general"
SUM = (
    r"(?:给予?|奖励|补助|资助|奖补|拨付)[^。；]*\d[\d.?]*\s*万?元|\d[\d.?]*\s*万?元[^。；]*(?:奖励|补助|资助)"
)
# A sum given, or a share of a cost given (「资助金额不超过专利授权实际缴纳官费的50%」): the share
# answers what is given, not what the cost is (Composer._fact keeps sums for a cost asked).
MONEY = SUM + r"|(?:奖励|补助|资助|奖补|补贴)[^。；]*\d+(?:\.\d+)?\s*[%％]"
# How many one area may put forward (「地理标志项目一个县可以报几个」): its quota, not which
# programs it may apply for nor whether it may
_PER_UNIT_QUOTA = r"(?:一个|每个)(?:设区市|市|县|区|园区|地区)[^，,。？?]{0,8}?(?:报|申报|推荐|推)(?:几|多少)"
WHEN = r"\d{1,2}\s*月|20\d\d\s*年|20\d\d\?\?|后(?:拨付|启动|开展|报送|组织|进行)|之日起|届满|期满|前(?:完成|报送|提交)"
FULL_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|20\d\d\?\?"
RATE = r"\d+(?:\.\d+)?\s*[%％]|百分之[一二三四五六七八九十\d]"


def _asks_figure(nouns: tuple[str, ...], units: tuple[str, ...] = ()) -> str:
    """A question's words that ask for a figure of these nouns (knowledge/lexicon.yaml: figures):
    the noun, then a how-much word in the same phrase (「补助金额是多少」), or the how-much word
    right before the noun or a unit (「多少比例」「补多少元」)."""
    figures = LEXICON.figures
    noun, how = either(nouns), either(figures.how_much)
    after = f"|(?:{how})(?:{either(units)})" if units else ""
    counted = f"(?!\\s*(?:{either(figures.count_units)}))"  # 「资助的专利多少年内」 asks a span
    return f"(?:{noun})[^，,。？?；;！!]{{0,6}}(?:{how}){counted}|(?:{how}).{{0,2}}(?:{noun}){after}"


_FIGURES = LEXICON.figures
_HOW = either(_FIGURES.how_much)
# 「年均要转化多少件或者多少钱」: a word of requiring, a verb (not of giving or paying), how much
_REQUIRED = (
    f"(?:{either(_FIGURES.requiring)})(?!{either((*_FIGURES.given, *_FIGURES.paying))})"
    + f"[\u4e00-\u9fff]{{1,3}}(?:{_HOW})"
)
# 「转化专利要多少件或多少钱」: a count required of the applicant's own things
_COUNT_REQUIRED = f"(?:{either(_FIGURES.requiring)})(?:{_HOW})\\s*(?:件|家|项|个)"
# 「知识产权费用占研发要多少」: a share of the applicant's own figures required
_SHARE_REQUIRED = f"占[\u4e00-\u9fff]{{1,8}}?(?:{either(_FIGURES.requiring)})?(?:{_HOW})"
# 「销售额」「利税」 or a figure required: a threshold the applicant must reach, no sum or rate asked
_THRESHOLDS = either(_FIGURES.thresholds) + "|" + _REQUIRED + "|" + _COUNT_REQUIRED + "|" + _SHARE_REQUIRED
# A threshold asked of the applicant (「销售额要多少」「得注册满几年」「得有多少专利才够」「地标
# 要注册多久」): a threshold noun, 满, 才够 or an age with how much. Not any figure required:
# 「执法案件每年要增长多少」「要组织多少人参加培训」 ask a target, which the tasks and goals state.
_GROWTH = r"涨|增长|增加|增幅|提高|提升"
_AGE_ASKED = (  # required of the applicant (「地标要注册多久」), not how long a procedure takes (「注册要多久能下来」)
    # (「要求至少一件商标持续使用多久」: what must have been used, a few words after the requiring)
    f"(?:{either(_FIGURES.requiring)})[^，,。？?；;]{{0,12}}?(?:{either(_FIGURES.ages)})[^，,。？?；;]{{0,3}}?(?:多久|多长时间|几年|多少年)"
)
_THRESHOLD_ASKED = (
    f"(?:{either(_FIGURES.thresholds)})[^，,。？?；;]{{0,8}}?(?:{_HOW})|满(?:{_HOW})"
    f"|(?:{_HOW})[^，,。？?；;]{{0,8}}?才(?:够|行|能报|可以)|{_AGE_ASKED}"
    f"|(?:{either(_FIGURES.requiring)})(?:{either(_FIGURES.having)})(?:{_HOW})|{_COUNT_REQUIRED}|{_SHARE_REQUIRED}"
)
# A cost itself asked (「PCT官费大概多少钱」「要交多少官费」), not a share of it (「补到官费的百分之几」).
_COST = either(_FIGURES.costs)
COST_ASKED = re.compile(f"(?:{_COST})[^，,。？?；;！!的]{{0,6}}(?:{_HOW})|(?:{_HOW}).{{0,2}}(?:{_COST})")


@dataclass(frozen=True)
class Intent:
    name: str
    cues: tuple[str, ...]  # words in a question that ask for it
    evidence: str | None = None  # a regex a supporting sentence must match
    section: str | None = None  # a heading the supporting clause must sit under
    is_list: bool = False
    pattern: str | None = None  # a regex over the question that also asks for it
    unless: str | None = None  # a regex over the question that rules it out
    prefer: str | None = None  # a heading the supporting clause sits under best (tried first)
    prefer_unless: str | None = None  # a regex over the question that asks of something else

    def asked(self, text: str) -> bool:
        """A cue in the question asks, unless it names a unit after 每 (「每个周期要形成几个组合」
        asks a count, not the period)."""
        said = any(c in text and _not_a_unit(c, text) for c in self.cues) or bool(
            self.pattern and re.search(self.pattern, text)
        )
        return said and not (self.unless and re.search(self.unless, text))

    def without_asking(self, text: str) -> str:
        """The text without the words that ask for this intent (「考核指标呢」 → 「呢」)."""
        return self.without_cues(re.sub(self.pattern, " ", text) if self.pattern else text)

    def without_cues(self, text: str) -> str:
        """The text without this intent's cue words, longest first (「啥后果」 → 「啥 」); what
        its pattern matches stays (「多少财政资金」 keeps the thing asked of)."""
        for cue in sorted(self.cues, key=len, reverse=True):
            text = text.replace(cue, " ")
        return text


def _not_a_unit(cue: str, text: str) -> bool:
    return re.search(rf"(?<!每)(?<!每个){re.escape(cue)}", text) is not None


_ASKING = LEXICON.asking_words.intents  # the words of each intent (knowledge/lexicon.yaml)
# 「下面的开发区22年还能不能报」: a lower level of the asker's area, asked whether it may apply too
SAME_AREA = (
    f"(?:{either(LEXICON.asking_to_apply.lower_levels)})的?[^，,。？?]{{0,6}}?"
    r"(?:还|也)(?:能|可以|可不可以|能不能)[^，,。？?]{0,2}(?:报|立|申报|申请)"
)
# 「要是我们所在的市已经承担了这个项目呢」: the same rule seen from below, when the question does
# not ask to apply (「…已经承担了…，县里还能报吗」 is a check, which the rules decide)
UPPER_LEVEL_HOLDS = (
    f"(?:{either(LEXICON.asking_to_apply.upper_levels)})[^，,。？?]{{0,4}}?"
    f"(?:已经|已)(?:{either(LEXICON.asking_to_apply.holding_verbs)})"
)
# Order matters: the first intent whose cue is in the question wins; a detail asked
# (「邮箱」「手机号」, knowledge/lexicon.yaml) before all, so that 「办公室电话一直占线」 beside
# 「手机号是多少」 is no contact question.
DETAILS = tuple(Intent(d.name, d.words, d.evidence) for d in LEXICON.asked_details)
# 「县局那一级要干什么活」: a bureau named and what it does asked; the answer is a sentence where
# that bureau acts (「县（市、区）知识产权局具体负责组织受理和材料审核」)
DUTIES = tuple(
    Intent(
        f"duty_{b.name}",
        (),
        either(b.in_text),
        pattern=f"(?:{either(b.in_questions)})[^，,。？?；;]{{0,10}}?(?:{either(LEXICON.duties.asks)})",
    )
    for b in LEXICON.duties.bureaus
)
INTENTS = (
    *DETAILS,
    # 「说的“园区”具体指哪几类」「讲的园区包括哪些」: the sentence defining the term (「园区（指…）」)
    Intent(
        "definition",
        _ASKING["definition"],
        r"[（(]\s*(?:指|包括|含)|是指|系指",
        pattern=r"(?:说的|所说的|讲的|提到的|所称的?)[“\"「‘]?[\u4e00-\u9fff]{2,8}[”\"」’]?(?:具体|到底|都)?(?:包括|包含)(?:哪|什么|啥)",
    ),
    # 「后面那几条要全部满足吗」: how many of a list's items must be met (its opening line)
    # (not 「其他条件都满足，可以吗」: the applicant's own facts)
    Intent(
        "all_or_one",
        (),
        r"之一|同时满足|同时符合|均应|全部满足|下列条件|以下条件",
        # (「条件是不是都满足了」 asks whether the applicant qualifies)
        pattern=r"(?:要|得|需要|必须|需|是否|是不是|应)(?:全部|都|全都|全|同时|每条都|每一条都|每项都)(?:要|得|需要)?(?:满足|符合)(?!了)"
        r"|(?:满足|符合)(?:其中)?(?:一条|一项|任一|任意一|其一|几条|几项)(?:(?:就|即)?(?:行|可以|够)?(?:吗|么|嘛|呢|[？?])|(?:就|即)(?:行|可以|够)$)"
        r"|(?:全部|都|同时)(?:满足|符合)(?:才|吗|么|嘛)",
        # 「设区市的条件我们是不是都满足：…」: whether the applicant meets them all (a check)
        unless=rf"(?:{either(LEXICON.applicant_kinds.self_words)})[^，,。？?；;：:]{{0,6}}(?:是不是|是否|都)",
    ),
    # (「被废止的那份…原来的奖励标准」: a document named by its repeal, something else asked of it)
    Intent("validity", _ASKING["validity"], r"有效期|施行", unless=r"(?:废止|作废)的"),
    Intent("deadline", _ASKING["deadline"], r"截止"),
    # (「落款是哪个单位」 asks who signed, not the date under the signature)
    Intent("issued", _ASKING["issued"], FULL_DATE, unless=r"落款(?:是|为)?(?:哪个|哪家|什么|谁)"),
    # who issued it (its signature, the meeting that passed it) and to whom: lines of its heading
    Intent(
        "issuer",
        _ASKING["issuer"],
        r"^[\u4e00-\u9fff]{2,16}(?:局|人民政府|人民政庛)(?:文件)?$|会议[^。]{0,6}通过",
    ),
    Intent("addressees", _ASKING["addressees"], r"[：:]$"),
    Intent("copied_to", _ASKING["copied_to"], r"抄送[：:]"),
    # 「撤回率看哪一年的数据」: the year of a condition's figure (the evidence: a year)
    Intent("data_year", _ASKING["data_year"], r"20\d\d\s*年", prefer="申报条件"),
    # 「通州方案是依据哪个文件制定的」: what its preamble says it follows (根据《…》, 根据…预算安排)
    Intent(
        "basis",
        _ASKING["basis"],
        r"根据|依据|按照",
        pattern=r"(?:依据|根据|按照)[^，,。？?]{0,6}(?:哪个|哪份|哪些|什么)(?:文件|文)",
    ),
    # 「材料造假会咋样」: what befalls a breach (the evidence: 取消…资格, 记入信用档案, 不得申报)
    Intent(
        "consequence",
        _ASKING["consequence"],
        r"取消|撤销|追回|收回|记入|不予|惩戒",
    ),
    Intent("address", _ASKING["address"], r"地址[：:]"),  # 「寄哪」: the mailing address
    # 「24年保护示范区主要想支持什么样的地方」: a sentence of the program's 支持重点 (支持对象);
    # not 「优先支持」, which is a condition
    Intent(
        "focus",
        _ASKING["focus"],
        None,
        "支持重点|支持对象",
        # 「重点扶持的是什么样的地方」: what is supported, asked after the verb
        pattern=r"(?:重点|主要)(?:支持|扶持)的?(?:是|为)?(?:什么|啥|哪)",
        unless="优先",
    ),
    # the number line of a document's heading (「苏知发〔2021〕140号」), not a number it cites
    Intent("doc_number", _ASKING["doc_number"], r"^\s*[\u4e00-\u9fff]{1,10}〔\d{4}〕\s*\d+\s*号\s*$"),
    Intent(
        "period",
        _ASKING["period"],
        r"实施期限?为?\s*\d+\s*年|期限为\s*\d+\s*年|每\s*\d+\s*年",
        # 「实施期内销售额要涨多少」 asks a target (not 「运营能力提升项目做几年」, a name's 提升)
        # (「每个评价周期要形成几个组合」 asks a target of the period, not the period)
        # (「发展规划要做几年期的」 asks the span of a plan the applicant writes, not the project's)
        unless=r"评价周期[^，,。？?]{0,6}(?:几个|多少|形成|要)|规划[^，,。？?]{0,6}(?:几|多少)年"
        r"|(?:几|多少)年期?的?[^，,。？?]{0,4}规划|"
        + _AGE_ASKED
        + rf"|(?:{_GROWTH})(?!项目|计划|工程)[^，,。？?]{{0,6}}?(?:多少|几)",
    ),
    # A span in days or months (「提异议的期限是多少天」): the answer needs such a figure.
    # (「哪几个月」「哪几天」 ask which, a when)
    Intent("days", _ASKING["days"], r"\d+\s*个?(?:工作)?[天日]", unless="哪几"),
    Intent("months", _ASKING["months"], r"(?:\d+|[一二三四五六七八九十]+)\s*个月", unless="哪几"),
    # Any other 「什么时候」: the answer needs a date or a point in the process (「立项后」).
    Intent("when", _ASKING["when"], WHEN),
    # 「经费是咋拨的」: how the project's money is paid (the evidence: 启动资金, 后续资金)
    Intent(
        "funding",
        _ASKING["funding"],
        r"启动资金|后续资金|运行资金|剩余资金",
        # 「钱是怎么发的」「经费拨付」: a fund word, then paying it
        pattern=r"(?:钱|经费|资金)(?:是|都)?(?:怎么|如何|咋|怎样)?(?:拨付|拨|发放|下达|发(?!展))",
        unless=r"多少|几万|几百万|金额|数额",  # 「启动资金具体是多少万」 asks an amount
    ),
    # A rate or a sum asked (「贴息比例是多少」「补助金额多少」, the lexicon's figures); but 「卖到多少钱」
    # 「利税多少万」 ask a condition's threshold.
    # (「年销售额要增长百分之多少」: a growth of a threshold's figure is a target, its rate asked)
    Intent(
        "rate",
        (),
        RATE,
        pattern=_asks_figure(LEXICON.figures.rates),
        unless=f"(?:{_THRESHOLDS})(?![^，,。？?；;]*(?:{_GROWTH}))",
    ),
    Intent(
        "amount",
        _ASKING["amount"],
        MONEY,
        # 「补助500万元」「补助金额是多少」「一件补多少元」
        pattern=r"(补助|奖励|资助|奖补|补贴|扶持)\D{0,6}\d+\s*万?元|"
        + _asks_figure((*LEXICON.figures.money, *LEXICON.figures.costs), LEXICON.figures.money_units),
        # 「多少钱才行」: what the applicant must reach, asked as a threshold
        unless=_THRESHOLDS + r"|(?:多少|几)[^，,。？?；;]{0,8}?才(?:够|行|能报|可以)",
    ),
    # 「一个市能推几个」「地理标志项目一个县可以报几个」: how many a city or county may recommend
    # (the evidence: a recommendation's limit)
    Intent(
        "quota",
        _ASKING["quota"],
        r"推荐[^。；]{0,50}(?:不超过|不得超过|限)|推荐项目数",
        pattern=_PER_UNIT_QUOTA,
        # 「精准推送要推多少条」: a target of the project's; 「推荐几家代理机构」: a firm asked for
        unless=r"推送|推荐[^，,。？?]{0,10}(?:机构|代理|公司|律所|事务所)",
    ),
    # 「纸质材料交几份」: how many copies (the evidence: 「一式一份」「各一份」)
    Intent("copies", _ASKING["copies"], r"一式|各[一二两三]份|\d+\s*份|[一二两三四五六]份"),
    # 「这个谁牵头」「哪个部门负责」: the units responsible for a task (the plan's 〔责任单位：…〕)
    Intent(
        "responsible",
        _ASKING["responsible"],
        r"责任单位|牵头|按职责分工负责",  # the plan's 〔责任单位：…〕, the measures' (…等按职责分工负责)
        # 「由哪些单位负责」「哪个部门来牵头」: who (or which body) does it
        pattern=r"(?:谁|哪个|哪些|哪家|哪几个|哪几家|什么)(?:单位|部门|机构)?(?:来|具体)?(?:负责|牵头)",
    ),
    *DUTIES,
    # 「要先过区县局吗」「能直接报省局吗」: the way an application goes up (the evidence: who
    # submits or recommends it to whom)
    # (「材料怎么报上去」: the route the guide's 组织方式 sets out, before the mailing line)
    Intent(
        "channel",
        LEXICON.asking_to_apply.channels,
        r"报送|推荐|审核|汇总|逐级|直接向|统一(?:报送|上报|寄送|提交|申报)",  # (not 「统一管理」)
        prefer="组织方式",
        # 「纸质材料最后送到哪」「谁汇总报到省里」: the mailing line, where the city gathers them
        prefer_unless=r"纸质|寄|送到|汇总",
        # 「…，不过县里有个…」: but, no channel; 「市里报省局的时候还要附什么」: the papers asked
        unless=r"(?:^|[，,。；;！!])不过(?:市里|县里|区县)|(?:附|交|带|准备|提供)(?:些|点)?(?:什么|哪些|啥)|几份",
    ),
    # 「省里怎么定」「谁来评」: how the province chooses the projects (the evidence: its review)
    Intent("review", _ASKING["review"], r"评审|研究确定立项", prefer="组织方式"),
    # 「市里立了项，下面县还能立吗」: the rule that one area has one project (the evidence: the
    # lower level 不得申报, 不立项, 不同时立项)
    Intent(
        "same_area",
        (),
        r"所属[^。]{0,12}不得申报|所辖[^。]{0,20}不立项|同辖区内不同时立项|不得指定同一",
        pattern=SAME_AREA,
    ),
    Intent("contact", _ASKING["contact"], r"联系人|电\s*话"),
    # 「要交哪些材料」: what is handed in (the evidence: materials named, or handed in); a gate on
    # the answer, which must be of the question's subject (「中期评估要交哪些材料」: no guide says)
    Intent(
        "materials", _ASKING["materials"], r"材料|申报书|承诺书|汇总表|证明|报送|提交|提供", prefer="申报要求"
    ),
    Intent(
        "applicants",
        _ASKING["applicants"],
        None,
        "申报主体|支持对象",
        pattern=f"{who_applies()}|{by_whom()}",  # 「什么样的公司能报」「能不能由管委会牵头报」
        unless=r"网上|线上|纸质|书面|邮寄|快递",  # 「是网上报还是交纸质」 asks how, not who
    ),
    Intent(
        "goals",
        _ASKING["goals"],
        None,
        "绩效目标|主要目标",
        True,
        # 「立项后高校的专利实施率要达到多少」: what a project must reach once approved
        pattern=r"立项(?:后|以后|之后)[^，,。？?]{0,12}(?:要|需要|得|应)(?:达到|实现)",
    ),
    # 「主要要干哪些事」「具体做些啥」: a verb of doing and a word asking what
    Intent(
        "tasks",
        _ASKING["tasks"],
        None,
        "任务",
        True,
        # 「要做哪几项工作」「立项后主要干哪些事」「要做哪几块工作」
        pattern=r"(?:立项(?:后|以后|之后)[^，,。？?]{0,4})?(?:做|干|搞)(?:些|一些)?(?:哪些|什么|啥|哪几)(?:[项件个类块]|方面)?(?:事|工作|活)",
    ),
    # 「手里得有多少专利才够」「地理标志得注册满几年」: a threshold the applicant must reach, which a
    # condition states (when none does, the answer is the best sentence of any section); growth
    # (「销售额要涨多少」) is a target, and goals and tasks come first
    Intent("threshold", (), None, "申报条件", pattern=_THRESHOLD_ASKED, unless=_GROWTH),
    Intent(
        "conditions",
        _ASKING["conditions"],
        None,
        "申报条件",
        True,
        # 「对行政执法案件增长有啥要求」: how much a figure must grow is a target, not the conditions
        # (「专利代理师资格考试」「资格证书」: an exam or a certificate, not the conditions to apply)
        # (「为了降低中小企业门槛试点什么付费方式」: a threshold a measure lowers is not asked)
        unless=r"(?:涨|增长|增加|增幅)(?:上|方面|幅度)?(?:有|的)?(?:啥|什么|哪些)?要求|资格(?:考试|证)"
        r"|(?:降低|提高|放宽|减少|降)[^，,。？?]{0,8}(?:门槛|要求)",
    ),
    Intent(
        "parts",
        _ASKING["parts"],
        None,
        None,
        True,
    ),
)
LIST_WORDS = LEXICON.asking_words.lists
REQUESTER = "(?:给我|帮我|帮忙|简单|大概)?"  # who a request tail asks for (「…条件给我捋一下」)
EXISTENCE = either(LEXICON.asking_words.existence)  # 「有没有」「有无」: whether there are any
_LISTED_NOUNS = either(LEXICON.asking_words.existence_nouns)
ELIGIBILITY_PATTERN = re.compile(
    r"(能|可以|可否|能否|够|有资格|符合)[^，。？?]{0,12}(报|申报|申请|条件|格)[^，。？?]{0,14}(吗|么|嘛|不)|能不能(?:自己|单独|直接|再|也|还)?(?:牵头|作为[^，。？?]{1,6}?|以[^，。？?]{1,6}?名义)?(报|申报|申请)|够不够|符不符合|有没有资格|还(有|差|需要)什么(要求|条件)|还差什么"
)
VERSION_WORDS = re.compile(
    r"(20\d\d|2\d年).*(20\d\d|2\d年)|(?<![\d.])2\d(?:年|版)?\s*(?:和|跟|与|同|、|对比|比)\s*2\d(?![\d.])|两版|两个版本|两年|两个年度|两个年份|两轮|两届|新版|旧版|那版|这版|今年和|去年和"
)
# Both rounds asked of by name, with no word of comparing (「两个年度实施期都几年」)
BOTH_ROUNDS = re.compile(r"(?:两个年度|两个版本|两版|两轮|两届|两年)(?:的)?[^，,。？?]{0,10}?(?:都|各|分别)")
COMPARE_CUES = LEXICON.asking_words.compare
LOOKUP_CUES = LEXICON.asking_words.lookup
_LOOKUP_CUE = re.compile(either(LOOKUP_CUES))
CHITCHAT_PATTERNS = re.compile(
    r"^(你好|您好|hi|hello|在吗|谢谢|多谢|再见|你是谁|你叫什么|你能做什么|早上好|晚上好)"
    # the assistant itself asked about (「你是哪个公司开发的」「你用的什么模型」)
    r"|^(?:你|您)(?:们)?(?:是|用的?|由)(?:哪|什么|谁)"
)
# Requests no guide can answer: writing (a poem, an application written for the applicant),
# weather, who holds an office, a template to send. (Results of a round are
# asked in words of their own: asking.asks_outcome.)
OFF_TOPIC = re.compile(
    r"写(一|首|篇|个|段).{0,14}(诗|绝句|律诗|对联|歌词|文章|作文|稿|总结|段子)"
    r"|(?:编|写|起草|代写|代拟)(?:一份|一个|一篇|份|个|篇)[^，。？?]{0,10}(?:申报书|申请书|实施方案|报告)"
    r"|天气|下雨|下雪|气温|笑话|(?:局长|处长|厅长)[^，。？?]{0,4}(?:是谁|叫什么|是哪位)|领导是谁"
    # a file sent or downloaded (a template, a form): the guides hold none
    r"|模板|模版|范本|(?:在哪|哪里|哪儿|怎么)下载|发我一份|发一份给我"
)
BY_NAME = {i.name: i for i in INTENTS}


def greets(text: str) -> bool:
    """A greeting or a question about the assistant itself, not a request no guide answers
    (「通州区知识产权局局长是谁」 is refused, not greeted)."""
    return CHITCHAT_PATTERNS.match(text) is not None


# The list intents a bare 「要求」 may stand for: after a question about goals or tasks, 「设区市比
# 县区多了哪些要求」 asks of those, not of the conditions to apply
_SECTION_INTENTS = ("goals", "tasks")


def generic_list_word(question: str, name: str, last: str | None) -> str:
    """The intent a question's generic list word means in its conversation: 「要求」 alone asks of
    the section the last question asked (goals or tasks) rather than of the conditions."""
    if name != "conditions" or last not in _SECTION_INTENTS:
        return name
    text = normalize(question)
    said = {c for c in _ASKING["conditions"] if c in text}
    return last if said == {"要求"} else name


def _names_a_breach(text: str) -> bool:
    """The text names a breach (lexicon: breaches): 不合格, 造假, 逾期…"""
    return any(w in text for family in LEXICON.asking_words.breaches for w in family)


_HANDLED = re.compile(r"处理|处置|处罚|追责|怎么办")


def named_intent(question: str) -> str:
    """The intent a short follow-up names by itself (「绩效目标呢？」), lists included; a
    breach named alone (「材料造假呢」「中期评估没通过呢」) asks what follows it."""
    text = normalize(question)
    named = next((spec.name for spec in INTENTS if spec.asked(text)), GENERAL)
    if named == GENERAL and _names_a_breach(text):
        return "consequence"
    return named


def detect_intent(question: str, has_reference: bool = False) -> str:
    """The intent name of a question (or GENERAL)."""
    text = normalize_lines(question).strip(" ？?！!。")
    if any(c in text for c in LOOKUP_CUES):
        return LOOKUP
    return _intent_of_words(question, text, has_reference)


def matter_intent(question: str) -> str:
    """What a question asking for the guide's own words asks with the rest of its words
    (「市里和县可以用同一个地理标志去报吗？指南原话怎么说」 asks a rule; 「真抓实干那条具体怎么写的」
    a condition), when it names no clause to open: LOOKUP when the rest asks nothing of its own."""
    text = normalize_lines(question).strip(" ？?！!。")
    rest = _LOOKUP_CUE.sub("", text).strip(" ，,？?！!。")
    rest = re.sub(r"(?:是|的|具体|到底|指南里?|文件里?|上面|里面)+$", "", rest)  # 「…的绩效要求是」
    if rest and not asks(rest):
        rest += "是什么"  # the cue was its asking word: 「…的绩效要求是怎么写的」 asks what they are
    name = _intent_of_words(rest, rest, False) if rest else GENERAL
    if name in (ELIGIBILITY, SCREENING):
        return GENERAL  # what the guide says of a case, quoted, not a check
    return LOOKUP if name in (GENERAL, CHITCHAT) else name


def _intent_of_words(question: str, text: str, has_reference: bool) -> str:
    """The intent of a question's words once a cue asking for a clause's text is ruled out."""
    if re.search(SAME_AREA, text) or (re.search(UPPER_LEVEL_HOLDS, text) and not asks_to_apply(text)):
        return "same_area"  # 「…下面县还能立吗」: the rule asked, whatever else would check
    if asks_what_counts(text):
        return GENERAL  # 「母公司报高价值专利，子公司的专利能算进去不」: what counts, no check
    if has_reference and not _last_question_asks_to_apply(text):
        # (「…2020年万人发明全省园区第3…。22年度保护示范区我们能报吗」: the facts' figures may
        # read as a reference; the last question asks to apply)
        return LOOKUP
    if _asks_who_first(text):
        return "applicants"
    if re.search(_PER_UNIT_QUOTA, text):
        return "quota"
    if (
        _last_question_asks_to_apply(text)
        or _names_a_program_after_facts(question)
        or _tells_a_wish(question)
    ):
        return ELIGIBILITY  # facts told, then 「…能报工业品牌项目吗？」: the question decides
    if (CHITCHAT_PATTERNS.match(text) and len(text) <= 12) or OFF_TOPIC.search(text):
        return CHITCHAT
    # (the message as written: its last sentence asks by its mark, 「…？两者区别？」)
    if (asks_to_compare(question) and VERSION_WORDS.search(text)) or BOTH_ROUNDS.search(text):
        return COMPARE  # 「两个年度实施期都几年」: each round asked, side by side
    if asks_which_programs(text):
        return SCREENING
    if (_pattern_asks(text) or asks_to_apply(text)) and not _asks_how_much_to_apply(text):
        return ELIGIBILITY
    if _names_a_breach(text) and _HANDLED.search(text):
        return "consequence"  # 「升级项目绩效评价不合格按什么文件处理」: what follows the breach
    asked = _asked(text)  # 「…管委会咨询：…。我们符合吗」: the statement's 咨询 asks no contact
    # 「…条件说一下」「…条件给我捋一下」
    named_last = re.sub(f"{REQUESTER}(?:{either(LEXICON.asking_words.request_tails)})+$", "", asked)
    for spec in INTENTS:
        # a list asked with a word that asks which, or by its section's name or its first word
        # alone (「专利转化的申报条件」「22年设区市报保护示范区条件」; not 「增幅要求」「纳入对谁的绩效考核」)
        listing = (
            not spec.is_list
            or spec.section is None
            or any(w in asked for w in LIST_WORDS)
            or bool(spec.pattern and re.search(spec.pattern, asked))  # 「立项后…要达到多少」
            or re.search(f"(?:{spec.section}|{spec.cues[0]})$", named_last)
            is not None  # 「…报保护示范区条件」
            # 「有没有身份上的前提」: whether there are any, answered with them (not 「有没有要求搞
            # 产品溯源」, one thing asked of)
            or re.search(rf"(?:{EXISTENCE})[^，,。？?]{{0,12}}?(?:{_LISTED_NOUNS})[吗呢啊]?$", named_last)
            is not None
        )
        if spec.asked(asked) and listing:
            return spec.name
    return GENERAL


def asks_what_counts(text: str) -> bool:
    """The message's last asking sentence asks what counts toward a figure (「…能算进去不」)."""
    return any(w in last_asking_sentence(text) for w in LEXICON.asking_to_apply.counting)


def _asks_how_much_to_apply(text: str) -> bool:
    """「专利授权量要多少才能报」: the threshold asked, not whether the applicant can apply."""
    return (
        re.search(_THRESHOLD_ASKED, text) is not None
        and re.search(r"(?:多少|几)[^，,。？?；;]{0,8}?才", text) is not None
    )


def _pattern_asks(text: str) -> bool:
    """A sentence in the words of ELIGIBILITY_PATTERN that asks none of the other topics
    (「能直接报省局吗」 asks the channel, a procedure; 「能联合申报吗」 the rule of applying together)."""
    return any(
        ELIGIBILITY_PATTERN.search(without_look_alikes(sentence))  # 「能进财务报表么」 applies for nothing
        and not any(w in sentence for w in LEXICON.asking_to_apply.channels)
        and not applies_together(sentence)
        for sentence in split_sentences(text)
    )


def asks_to_compare(text: str) -> bool:
    """A word of comparing in a sentence that asks (「制度比较健全。能报吗？」 compares nothing)."""
    return any(c in _asked(normalize(text)) for c in COMPARE_CUES)


def _asked(text: str) -> str:
    """The sentences of a message that ask something (all of it when none does): statements
    before a question (「保护中心运行两年多了。这就够了吧？」) name no comparison."""
    sentences = _WITH_ENDS.findall(text)  # each with its end: 「…实施期多长？」 asks by its mark
    asking = [s.rstrip("。！!；;？?\n") for s in sentences if asks(s)]
    return "。".join(asking) if len(sentences) > 1 and asking else text


_WITH_ENDS = re.compile(r"[^。！!；;？?\n]+[。！!；;？?\n]*")


def _last_question_asks_to_apply(text: str) -> bool:
    """A message of several sentences whose last one asks whether the applicant can apply: the
    statements before it (which may name versions, lists or other topics) are its facts."""
    sentences = split_sentences(text)
    return (
        len(sentences) > 1
        and (_pattern_asks(sentences[-1]) or asks_to_apply(sentences[-1]))
        and not asks_which_programs(sentences[-1])
    )


def _asks_who_first(text: str) -> bool:
    """「地标项目谁能报？县政府能报吗，协会呢」: who applies asked, then bodies as its examples."""
    sentences = split_sentences(text)
    if len(sentences) < 2 or named_intent(sentences[0]) != "applicants":
        return False
    first = sentences[0]  # (not 「协会能不能作为申报主体报…？」, a check; not which programs)
    return not (_pattern_asks(first) or asks_to_apply(first) or asks_which_programs(first))


# 「…无失信无非正常。升级项目？」: after the applicant's facts, a program's name asked by itself
# (「…。报2024年度保护示范区？」: the apply verb and the round's year may come with it)
_PROGRAM_ONLY = re.compile(
    r"[。；;！!\n]\s*[那就]?(?:报|申报|申请)?(?:20\d\d|\d\d)?\s*年?度?的?"
    rf"[\u4e00-\u9fff]{{0,14}}(?:{either(LEXICON.asking_to_apply.program_name_ends)})"
    r"(?:[（(][\u4e00-\u9fff]{1,6}[）)])?(?:怎么样|咋样|如何)?\s*[？?]+\s*$"  # 「…培育（新建）？」「…怎么样？」
)


def _tells_a_wish(text: str) -> bool:
    """「我们国家级高新区想报产业知识产权运营中心发展，产业链相关企业一百多家，…」: a wish to
    apply and what the applicant is like, with nothing asked or requested: it wants it checked."""
    said = re.sub(INDEFINITE_WHICH, "", normalize(text))  # 「没有被…确定为哪条…」 asks nothing
    if not _WISH_TO_APPLY().search(said) or any(w in said for w in LEXICON.asking_words.request_tails):
        return False
    if len(said) < WISH_WITH_FACTS or "？" in said or "?" in said:
        return False
    return not any(asks(s) for s in re.split(r"[。！!\n，,；;\s]", said) if s.strip())


@cache
def _WISH_TO_APPLY() -> re.Pattern[str]:
    words = LEXICON.own_things
    return re.compile(f"(?:{either(words.wish_words)})(?:{either(LEXICON.asking_to_apply.apply_verbs)})")


def _names_a_program_after_facts(question: str) -> bool:
    """The message's last sentence is a short program name and a question mark, nothing else."""
    found = _PROGRAM_ONLY.search(normalize(question).strip())
    return found is not None and not any(w in found.group() for w in LIST_WORDS)


def intent(name: str) -> Intent | None:
    return BY_NAME.get(name)
