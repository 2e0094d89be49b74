"""What a question asks for: a date, a period, an amount, a list of conditions, a clause...

Each intent names the evidence an answer needs (a deadline needs a sentence with 截止; a
list of conditions needs a 申报条件 clause). When no clause in scope has that evidence, the
guides do not answer the question, and the composer says so instead of dressing up a
nearby clause as an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.tokens import normalize
from .lexicon import A_NOT_A, LEXICON

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
WHEN = r"\d{1,2}\s*月|20\d\d\s*年|20\d\d\?\?|后(?:拨付|启动|开展|报送)|之日起|届满|期满|前(?:完成|报送|提交)"
FULL_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|20\d\d\?\?"
RATE = r"\d+(?:\.\d+)?\s*[%％]|百分之[一二三四五六七八九十\d]"


def _asks_figure(nouns: tuple[str, ...], units: tuple[str, ...] = ()) -> str:
    """A question's words that ask for a figure of these nouns (knowledge/lexicon.yaml: figures):
    the noun, then a how-much word in the same phrase (「补助金额是多少」), or the how-much word
    right before the noun or a unit (「多少比例」「补多少元」)."""
    figures = LEXICON.figures
    noun, how = _either(nouns), _either(figures.how_much)
    after = f"|(?:{how})(?:{_either(units)})" if units else ""
    return f"(?:{noun})[^，,。？?；;！!]{{0,6}}(?:{how})|(?:{how}).{{0,2}}(?:{noun}){after}"


def _either(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_THRESHOLDS = _either(LEXICON.figures.thresholds)
# A cost itself asked (「PCT官费大概多少钱」「要交多少官费」), not a share of it (「补到官费的百分之几」).
_COST, _HOW = _either(LEXICON.figures.costs), _either(LEXICON.figures.how_much)
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

    def asked(self, text: str) -> bool:
        said = any(c in text for c in self.cues) or bool(self.pattern and re.search(self.pattern, text))
        return said and not (self.unless and re.search(self.unless, text))


# Order matters: the first intent whose cue is in the question wins.
INTENTS = (
    Intent("deadline", ("截止", "截至", "最晚", "来得及", "deadline"), r"截止"),
    Intent("validity", ("有效期", "施行", "什么时候废止", "还有效吗", "失效"), r"有效期|施行"),
    Intent("issued", ("印发", "发文日期", "落款", "哪天发", "什么时候发", "成文"), FULL_DATE),
    Intent(
        "period",
        ("实施期", "周期", "做几年", "干几年", "多长时间", "多久"),
        r"实施期|每\s*\d+\s*年",
        unless=r"评价周期",
    ),
    # Any other 「什么时候」: the answer needs a date or a point in the process (「立项后」).
    Intent("when", ("什么时候", "啥时候", "何时", "哪天", "几号", "几月份", "哪一天"), WHEN),
    # A rate or a sum asked (「贴息比例是多少」「补助金额多少」, the lexicon's figures); but 「卖到多少钱」
    # 「利税多少万」 ask a condition's threshold.
    Intent("rate", (), RATE, pattern=_asks_figure(LEXICON.figures.rates), unless=_THRESHOLDS),
    Intent(
        "amount",
        ("多少钱", "多少万", "奖多少", "给多少"),
        MONEY,
        # 「补助500万元」「补助金额是多少」「一件补多少元」
        pattern=r"(补助|奖励|资助|奖补|补贴|扶持)\D{0,6}\d+\s*万?元|"
        + _asks_figure((*LEXICON.figures.money, *LEXICON.figures.costs), LEXICON.figures.money_units),
        unless=_THRESHOLDS,
    ),
    Intent("contact", ("联系人", "电话", "咨询", "找谁", "联系谁", "哪个处", "处室"), r"联系人|电\s*话"),
    Intent(
        "applicants",
        (
            "申报主体",
            "谁可以报",
            "谁能报",
            "哪些单位",
            "什么单位",
            "谁来报",
            "支持对象",
            "能不能由",
            "可以由",
            "能否由",
            "谁能当",
            "能不能自己报",
            "可以自己报",
        ),
        None,
        "申报主体|支持对象",
    ),
    Intent("goals", ("绩效", "考核", "目标"), None, "绩效目标|主要目标", True),
    Intent("tasks", ("任务", "要做什么", "要干什么", "重点工作"), None, "任务", True),
    Intent("conditions", ("条件", "门槛", "资格", "要求"), None, "申报条件", True),
    Intent(
        "parts", ("分几个", "几个阶段", "哪几个", "包括哪些", "有哪几", "哪几项", "哪几类"), None, None, True
    ),
)
LIST_WORDS = (
    "哪些",
    "什么",
    "几条",
    "几项",
    "哪一条",
    "哪条",
    "哪一项",
    "哪项",
    "有何",
    "都有",
    "清单",
    "列出",
    "列一下",
    "啥",
)
ELIGIBILITY_PATTERN = re.compile(
    r"(能|可以|可否|能否|够|有资格|符合)[^，。？?]{0,12}(报|申报|申请|条件|格)[^，。？?]{0,14}(吗|么|嘛|不)|能不能(报|申报|申请)|够不够|符不符合|有没有资格|还(有|差|需要)什么(要求|条件)|还差什么"
)
VERSION_WORDS = re.compile(
    r"(20\d\d|2\d年).*(20\d\d|2\d年)|两版|两个版本|两年|新版|旧版|那版|这版|今年和|去年和"
)
COMPARE_CUES = (
    "区别",
    "变化",
    "不同",
    "不一样",
    "一样吗",
    "相比",
    "对比",
    "比较",
    "差异",
    "差别",
    "变了",
    "换了",
    "多了",
    "少了",
    "新增",
    "还是这样",
    "还有这个",
)
LOOKUP_CUES = ("原文", "全文", "条款内容", "写的什么", "怎么写的", "原话")
CHITCHAT_PATTERNS = re.compile(
    r"^(你好|您好|hi|hello|在吗|谢谢|多谢|再见|你是谁|你叫什么|你能做什么|早上好|晚上好)"
)
# Requests no guide can answer: writing, weather, who holds an office, results of a round.
OFF_TOPIC = re.compile(
    r"写(一|首|篇|个|段).{0,14}(诗|文章|作文|稿|总结)|天气|笑话|局长是谁|领导是谁|"
    r"(立项|批|评上|入选)(了没|没有|了吗)|批下来了|名单|公示了|结果出来"
)
BY_NAME = {i.name: i for i in INTENTS}
_SENTENCES = re.compile(r"[。！!；;？?\n]")
_BEFORE_VERB = re.compile(
    "(?:"
    + "|".join(map(re.escape, sorted(LEXICON.asking_to_apply.before_verb, key=len, reverse=True)))
    + ")[^，。？?、]{0,3}?(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.apply_verbs))
    + ")"
)

# 「能不能以公司名义申请…」: a possibility word that asks by itself, the capacity the applicant
# would apply in, then an apply verb in the same clause.
_QUESTION_FORM = re.compile(
    "(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.question_forms))
    + ")(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.capacity_words))
    + ")[^，,。？?、；]{1,10}?(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.apply_verbs))
    + ")"
)
# 「条件够吗」「资格满足不满足」: a condition noun, a word of meeting it, a yes-or-no ending.
_CONDITION_MET = re.compile(
    "(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.condition_nouns))
    + ")[^，,。、；]{0,3}?(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.sufficient_words))
    + ")[^，,。、；]{0,4}?(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.yes_no_endings))
    + "|不(?:"
    + "|".join(map(re.escape, LEXICON.asking_to_apply.sufficient_words))
    + "))[？?]?$"
)


def named_intent(question: str) -> str:
    """The intent a short follow-up names by itself (「绩效目标呢？」), lists included."""
    text = normalize(question)
    return next((spec.name for spec in INTENTS if spec.asked(text)), GENERAL)


def detect_intent(question: str, has_reference: bool = False) -> str:
    """The intent name of a question (or GENERAL)."""
    text = normalize(question).strip(" ？?！!。")
    if has_reference or any(c in text for c in LOOKUP_CUES):
        return LOOKUP
    if _last_question_asks_to_apply(text):
        return ELIGIBILITY  # facts told, then 「…能报工业品牌项目吗？」: the question decides
    if (CHITCHAT_PATTERNS.match(text) and len(text) <= 12) or OFF_TOPIC.search(text):
        return CHITCHAT
    if any(c in _asked(text) for c in COMPARE_CUES) and VERSION_WORDS.search(text):
        return COMPARE
    if asks_which_programs(text):
        return SCREENING
    if ELIGIBILITY_PATTERN.search(text) or asks_to_apply(text):
        return ELIGIBILITY
    for spec in INTENTS:
        listing = not spec.is_list or spec.section is None or any(w in text for w in LIST_WORDS)
        if spec.asked(text) and listing:
            return spec.name
    return GENERAL


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCES.split(text) if s.strip()]


def last_sentence(text: str) -> str:
    """The message's last sentence (all of it when it has one)."""
    sentences = split_sentences(text)
    return sentences[-1].strip() if sentences else text


def _asked(text: str) -> str:
    """The sentences of a message that ask something (all of it when none does): statements
    before a question (「保护中心运行两年多了。这就够了吧？」) name no comparison."""
    sentences = split_sentences(text)
    asking = [s for s in sentences if asks(s)]
    return "。".join(asking) if len(sentences) > 1 and asking else text


def asks_to_apply(text: str) -> bool:
    """A sentence that asks whether the applicant can apply: a word of possibility right before
    an apply verb (「能申报地理标志商标品牌培育和保护项目吗」「能不能报」), a question tag on a
    sentence that names applying (「想报2024年的保护示范区，可以吗？」), or a word that asks it by
    itself (「够格吗」); not a list or who-applies question (「能报哪些」「可以由市政府申报吗」)."""
    words = LEXICON.asking_to_apply
    for sentence in _SENTENCES.split(normalize(text)):
        if any(w in sentence for w in words.not_if):
            continue
        if any(w in sentence for w in words.standalone) or _BEFORE_VERB.search(sentence):
            return True
        if _QUESTION_FORM.search(sentence) or _CONDITION_MET.search(sentence):
            return True
        if any(v in sentence for v in words.apply_verbs) and any(tag in sentence for tag in words.tags):
            return True
    return False


def _last_question_asks_to_apply(text: str) -> bool:
    """A message of several sentences whose last one asks whether the applicant can apply: the
    statements before it (which may name versions, lists or other topics) are its facts."""
    sentences = split_sentences(text)
    return (
        len(sentences) > 1
        and (bool(ELIGIBILITY_PATTERN.search(sentences[-1])) or asks_to_apply(sentences[-1]))
        and not asks_which_programs(sentences[-1])
    )


def asks_yes_no(text: str) -> bool:
    """The message ends with a yes-or-no question (「有影响吗？」「这样行不行？」「可以的吧」) and
    asks no wh-question anywhere (「实施率目标是多少？跟高校一样吗？」 asks a figure) and
    nothing of the other topics (materials, dates, who applies)."""
    text = normalize(text)
    sentences = split_sentences(text)
    words = LEXICON.asking_to_apply
    if not sentences or any(w in text for w in (*words.wh_words, *words.not_if)):
        return False
    last = sentences[-1].strip()
    return last.endswith(words.yes_no_endings) or bool(A_NOT_A.search(last))


def asks_if_qualifies(text: str) -> bool:
    """A yes-or-no question whether it is enough (「那我们符合吗」「这样还行吗」「够不够」), with
    nothing else asked: after a check, it asks the check again on what is known now."""
    words = LEXICON.asking_to_apply
    said = normalize(text)
    return asks_yes_no(said) and any(w in said for w in (*words.tags, *words.sufficient_words))


def names_applying(text: str) -> bool:
    """The message names applying itself (「网上申报」「报材料」)."""
    return any(v in normalize(text) for v in LEXICON.asking_to_apply.apply_verbs)


def asks(sentence: str) -> bool:
    """A sentence that asks something: a question mark, a yes-or-no ending, an A-not-A
    (「能不能」) or an asking word (「多少」「哪些」)."""
    words, said = LEXICON.asking_to_apply, normalize(sentence).strip()
    return (
        said.endswith(("?", "？"))
        or said.rstrip("。!！").endswith(words.yes_no_endings)
        or bool(A_NOT_A.search(said))
        or any(w in said for w in words.wh_words)
    )


def asking_part(text: str, limit: int) -> str:
    """Of a text longer than `limit`, the part to read: the `limit` characters that end with its
    last asking sentence (a pasted background comes before the question), from the first
    sentence that starts within them; with no asking sentence, its start."""
    if len(text) <= limit:
        return text
    starts = [0, *(m.end() for m in _SENTENCES.finditer(text))]
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if text[a:b].strip()]
    asking = [(a, b) for a, b in spans if asks(text[a:b])]
    if not asking:
        return text[:limit]
    end = asking[-1][1]
    begin = next((a for a, _ in spans if end - limit <= a < end), end - limit)
    return text[begin:end].strip()


# 「好几个亿」「十几个」「几百件」「几千万」: 几 inside an amount, not a question word.
_APPROXIMATE = re.compile(
    r"[好十百千万\d]几[个十百千万亿]*[亿万千百件人项个家]?|几[十百千万亿]+[亿万千百件人项个家元]?"
)


def asks_which_programs(text: str) -> bool:
    """「我们能报哪些项目？」「有哪些项目可以报」「请帮我们梳理一下可以申报的项目」: a sentence with
    an apply verb, an asking word and a program noun, that asks for no condition or date."""
    words = LEXICON.asking_to_apply
    for sentence in _SENTENCES.split(normalize(text)):
        sentence = _APPROXIMATE.sub("", sentence)  # 「销售额好几个亿」 asks nothing
        if any(w in sentence for w in words.which_not_if):
            continue
        if all(
            any(w in sentence for w in group)
            for group in ((*words.apply_verbs, *words.fit_words), words.which_words, words.program_nouns)
        ):
            return True
        if any(v + w in sentence for v in words.apply_verbs for w in words.which_words):
            return True  # 「区里能报什么？」: what to apply for, with no object
    return False


def intent(name: str) -> Intent | None:
    return BY_NAME.get(name)
