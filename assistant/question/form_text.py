"""A statement's text made ready for the fact reader: the ways people type forms and lists.

Spoken particles out (「失信啊、非正常申请啊都没有」), a form's line joined to its answer or its
figure (「保障：有」「拥有量：全省园区第4位」), a year's figures listed (「2019年3,200万，2020年
…1,500万」), asides that ask us out, slash lists split. `normalize` is the characters' own
cleaning (full-width digits, thousands separators), shared with the rest of understanding.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import LEXICON, either
from .numbers import find_numbers

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# An aside that asks us (「（单项冠军应该不受限吧）」): a question of the rules, no fact of the applicant's
_ASKING_ASIDE = re.compile(r"[（(][^（）()]*[吗吧么？?][）)]")
# 「近三年利税，2019年2500万，2020年1600万，2021年3100万」: clauses that are each a year and a
# figure list one fact's yearly values, as 「…2019年2500万、2020年1600万…」 does
# a figure in digits or numerals with its magnitude (「1.2亿」「八千万」「两亿多」), before its unit
_AMOUNT = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*[万亿千百]?[多余]?"
_YEAR_FIGURE = rf"(?:20)?\d{{2}}\s*年度?\s*WORDS{_AMOUNT}[元件%％名个家人]?\s*"
_PER_YEAR = re.compile(
    r"[，,：:]\s*(?="
    + _YEAR_FIGURE.replace("WORDS", r"(?:是|为|有)?\s*")
    + r"(?:[，,、。；;]|$)"
    # 「…，2020年受疫情影响只有1,500万，2021年2,600万」: a few words between, in a list of such
    + r"|"
    + _YEAR_FIGURE.replace("WORDS", r"[^\d，,。；;！!？?]{0,10}?")
    + r"[，,、]\s*"
    + _YEAR_FIGURE.replace("WORDS", r"[^\d，,。；;！!？?]{0,10}?")
    + r"(?:[，,、。；;]|$))"
)


@cache
def _PARTICLES() -> re.Pattern[str]:
    """A spoken particle before a list's joiner or its 都/也 (「失信啊、非正常申请啊都没有」)."""
    particles = "".join(map(re.escape, LEXICON.fact_cues.spoken_particles))
    return re.compile(f"(?<=[\u4e00-\u9fff])[{particles}]+(?=[、，,]|都|也)")


# 「2020年万人发明专利拥有量：全省园区第4位」: a form's line and its figure are one clause
# (not a year, 「…保护示范区：2022年度我们被…」, nor a list's number, 「…的情况：1. 被省…」)
_COLON_FIGURE = re.compile(
    r"[：:]\s*(?=[^，,。；;！!？?\n：:\d]{0,10}?(?:\d+(?:\.\d+)?(?![\d.．、)）]|\s*年)|第))"
)


@cache
def _COLON_ANSWER() -> re.Pattern[str]:
    """The colon of a form's line answered yes or no (「保障：有」「事故、失信：都没有」「县里报同一
    件：不报」): the answer is read with the line's words, as if written after them."""
    cues = LEXICON.fact_cues
    answer = either(sorted({*cues.yes_words, *cues.negations, "高", "不报", "报"}, key=len, reverse=True))
    return re.compile(rf"[：:]\s*(?=(?:都|也|均)?(?:{answer})[了的]?\s*(?:[。；;，,！!\n]|$))")


# An aside (「地标（证明商标注册7年，…，市里不重复报）目前正在承担…」「我们学校（江苏注册独立法人）
# 体量不大」) ends a clause: its words are not read with what follows. A name's bracket
# (「县（市、区）人民政府」「示范（园区）」) holds no comma and is shorter.
# A list in brackets (「转化（转让+许可+作价入股）专利二十件」) goes on with its clause, and so does a
# bracket before 的 (「项目（含尾款未拨付）的」).
_ASIDE_OF_CLAUSES = re.compile(
    r"([（(](?:[^（）()]*[，,][^（）()]*|[^（）()，,+＋、/和与及]{6,})[）)])(?=[\u4e00-\u9fff])(?![的之等])"
)


@cache
def _SECOND_DENIAL() -> re.Pattern[str]:
    """A second denial after a first in one clause (「不是A也不是B」): a comma goes before it."""
    cues = LEXICON.fact_cues
    first = either(sorted(cues.not_being, key=len, reverse=True))
    second = either(sorted(cues.second_denials, key=len, reverse=True))
    return re.compile(rf"((?:{first})[^，,。；;：:！!？?、\n]{{2,}}?)(?=(?:{second}))")


# A figure denied beside the one affirmed (「专职的是3名不是4名」「不是4名，是3名」): the denied one
# is no figure of the fact
_FIGURE = rf"{_AMOUNT}[元件%％名个家人位年]?"
_DENIED_FIGURE = re.compile(
    rf"(?<=[\d零〇一二两三四五六七八九十百千万亿元件%％名个家人位年])\s*[，,]?\s*而?不是\s*{_FIGURE}(?![\d\u4e00-\u9fff])"
    rf"|(?<![并也都还])不是\s*{_FIGURE}\s*[，,]\s*而?(?=是)"
)


@cache
def _YEAR_ASIDE() -> re.Pattern[str]:
    """An aside that says a fact of a year of its own (「2020年度评上了（2021年度没评上）」): a
    clause of its own, not the words of the clause it stands in."""
    cues = LEXICON.fact_cues  # 「（2021年度没评上）」「（2017年拿过一个省科技奖）」「（2019年建成）」
    said = either(
        sorted({*cues.negations, *cues.yes_words, *cues.experienced, *cues.granted}, key=len, reverse=True)
    )
    return re.compile(rf"[（(]\s*((?:19|20)?\d{{2}}\s*年度?[^（）()，,]*?(?:{said})[^（）()，,]*)[）)]")


# 「一个经开区管委会，国家级的」: a park's level said after it is read as part of its name
_LEVEL_AFTER = re.compile(
    r"(高新区|经开区|开发区|新区)([^，,。；;！!？?]{0,6})[，,]\s*(?:是|属于)?(国家级|省级)的?(?=[，,。；;！!？?\s]|$)"
)


# 「商标2010年注册，一直在用」「2010年注册商标，一直在用」: the use that goes on from the registration is said of it
_USE_GOES_ON = re.compile(r"(注册(?:的|了)?(?:商标|品牌)?)\s*[，,]\s*(?=一直|持续|沿用|至今|用到)")

# 「经开区（国家级，在盐城）」「高新区这边（国家级的）」: a park's level said in brackets
_LEVEL_IN_BRACKETS = re.compile(
    r"(高新区|经开区|开发区|新区)([^，,。；;！!？?（(]{0,3})[（(](国家级|省级)的?(?:[，,、][^（）()]*)?[）)]"
)


# 「强县工程试点区，不是示范区」: the other level denied, short, is of the same title
_OTHER_LEVEL_DENIED = re.compile(
    r"([^\s，,。；;：:！!？?、是为和与及的]{2,12}?)(试点|示范)([县区市]|城市|园区)[，,]\s*"
    r"(不是|并非|而非|也不是|但不是)(示范|试点)(?=[县区市]|城市|园区)"
)


@cache
def _CLOSING_ASIDE() -> re.Pattern[str]:
    """An aside in brackets that closes its clause (punctuation or the end after it)."""
    return re.compile(r"[（(]([^（）()]{2,})[）)](?=\s*(?:[，,。；;！!？?]|$))")


def _aside_as_clause(aside: re.Match[str]) -> str:
    """「…没承担过（之前也没报过）」「省级高新区（还没升国家级）」「我们县没评上（隔壁县评上了）」:
    an aside that, closing its clause, says something of its own (a negation, a hedge, another
    body) is a clause of its own; one that says what the phrase before covers or leaves out
    (「（含尾款）」「（不含子公司）」) or only gives a figure stays an aside."""
    said = aside.group(1)
    if said.startswith(("含", "包括", "包含", *LEXICON.fact_cues.left_out)) or _ASKING_ASIDE.fullmatch(
        aside.group()
    ):
        return aside.group()  # (an aside that asks us is dropped below)
    return f"，{said}" if _OWN_SAYING().search(said) else aside.group()


@cache
def _OWN_SAYING() -> re.Pattern[str]:
    """Words with which an aside says something of its own: a negation, a hedge, another body."""
    cue = LEXICON.fact_cues
    return re.compile(either((*cue.negations, *cue.doubts, *cue.other_bodies)))


@cache
def _SELF_ASIDE() -> re.Pattern[str]:
    """「我们县（国家强县工程示范县）的快速维权中心…」: what the applicant is, in brackets after
    its own name, is a clause of its own (「我们县是…，我们县的…」): what the clause goes on to
    say (还没批) is not said of it."""
    selves = either(LEXICON.applicant_kinds.pronouns)
    return re.compile(
        rf"((?:{selves})(?:县|市|区|园区|公司|学校|高校|集团)?)[（(]([^（）()，,。\d]{{2,16}})[）)]"
    )


# 「试点县（不是示范县）」「省工程技术研究中心（不是重点实验室）」: a denial in brackets is a clause
# of its own, read as the same words after a comma
_DENIAL_ASIDE = re.compile(
    r"[（(]\s*((?:不是|并非|而非|并不是|但不是|非(?=[\u4e00-\u9fff]{2}))[^（）()，,。]*?)\s*[）)]"
)


# 「专兼职3个人（两个专职一个兼职）」: a bracket after a count that only breaks it down (its
# figures and words of people) says nothing more, and its figures are no other fact's
# 「有6个知识产权管理人员（有两个是那年年初新招的）」: an aside with a figure after a counted noun
# says something of some of them; its figure is not the count, so it is a clause of its own
_ASIDE_AFTER_A_COUNTED_NOUN = re.compile(
    r"((?:\d+|[一二两三四五六七八九十百]+)\s*[个名位人件家项][\u4e00-\u9fff]{1,10})"
    r"[（(]([^（）()]*?[\d一二两三四五六七八九十][^（）()]*?)[）)]"
)
# 「2019到2021年分别是4.1%、4.3%、4.6%」: a span of years and a figure for each, in order
_SPAN_OF_YEARS = re.compile(
    r"((?:20)?\d{2})\s*年?度?\s*(?:到|至|[-—~～])\s*((?:20)?\d{2})\s*年度?的?\s*(?:分别|依次|各)(?:是|为)?\s*"
    rf"((?:{_AMOUNT}[%％万元件]*\s*[、，,]\s*)+{_AMOUNT}[%％万元件]*)"
)


# 「都是3.5%左右（分别是3.5%、3.6%、3.5%）」: a rough figure, then the exact ones in brackets
_ROUGH_THEN_EXACT = re.compile(
    rf"(?:都是|均为|都在)?{_AMOUNT}[%％万元件]*\s*(?:左右|上下)\s*[（(]\s*((?:分别|具体|准确|精确)(?:是|为)?[^（）()]+)[）)]"
)


# 「全省园区前十（第八）」: a rank among the first N, then the exact rank in brackets
_TOP_THEN_RANK = re.compile(
    r"前\s*(?P<top>\d+|[一二两三四五六七八九十]+)\s*(?:名|位)?\s*[（(]\s*(?P<rank>第\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:名|位)?)\s*[）)]"
)


def _exact_rank(found: re.Match[str]) -> str:
    """The exact rank when it lies within the first N said before it; both, as said, when not."""
    top, rank = find_numbers(found.group("top") + "名"), find_numbers(found.group("rank").lstrip("第") + "名")
    if top and rank and 0 < rank[0].value <= top[0].value:
        return found.group("rank")
    return found.group()


def _years_spelt_out(found: re.Match[str]) -> str:
    """Each figure of a span of years with its year (「2019年4.1%、2020年4.3%、2021年4.6%」), when
    there are as many figures as years; the words as they were otherwise."""
    first, last = (int(y) % 100 + 2000 for y in found.group(1, 2))
    figures = re.split(r"\s*[、，,]\s*", found.group(3))
    if last - first + 1 != len(figures):
        return found.group()
    return "、".join(f"{first + i}年{figure}" for i, figure in enumerate(figures))


_AFTER_A_COUNT = re.compile(r"(?<=[个人名位])[（(]([^（）()]{1,24})[）)]")
_BREAKDOWN_FIGURES = re.compile(r"[\d零〇一二两三四五六七八九十]+|[个人名位、，,和及各]")


def _breakdown(found: re.Match[str]) -> str:
    words = _BREAKDOWN_FIGURES.sub("", found.group(1))
    for word in _breakdown_words():
        words = words.replace(word, "")
    return "" if not words.strip() else found.group()


@cache
def _breakdown_words() -> tuple[str, ...]:
    """Words of people and of a bare figure, longest first (sorted once, not per bracket)."""
    cues = LEXICON.fact_cues
    return tuple(sorted({*cues.people_counted, *cues.figure_fillers}, key=len, reverse=True))


def _joined_per_year(found: re.Match[str]) -> str:
    """The list of a year's figures joined to the clause before it, unless that clause is dated
    by a year of its own and holds no figure (「2013年获批地理标志产品保护，2020年销售额900万，
    2021年1300万」: the list is of another fact)."""
    before = found.string[: found.start()]
    clause = re.split(r"[，,、。；;：:！!？?\n]", before)[-1]
    dated = _EVENT_YEAR.search(clause)
    return found.group() if dated and not re.search(_AMOUNT, clause[dated.end() :]) else "、"


# staff written short: 「1专2兼」 for one full-time and two part-time
_STAFF_SHORT = re.compile(r"(\d+|[一二两三四五六七八九十])\s*专\s*(\d+|[一二两三四五六七八九十])\s*兼(?!职)")
_EVENT_YEAR = re.compile(r"(?:19|20)?\d{2}\s*年")


def prepared(text: str) -> str:
    """The text as the reader reads it."""
    text = _YEAR_SAID_TWICE.sub(
        r"\1", _digit_years(normalize(text))
    )  # 「前年（2020年）11件」: the year it names
    text = text.replace("、其中", "，其中")  # 「管理人员6人、其中2人专职」: a part, in a clause of its own
    text = _STAFF_SHORT.sub(r"\1个专职\2个兼职", text)  # 「3个人（1专2兼）」
    text = _ROUGH_THEN_EXACT.sub(r"\1", text)
    text = _TOP_THEN_RANK.sub(_exact_rank, text)  # 「全省园区前十（第八）」: eighth
    text = _ASIDE_AFTER_A_COUNTED_NOUN.sub(r"\1，\2，", _SPAN_OF_YEARS.sub(_years_spelt_out, text))
    text = _AFTER_A_COUNT.sub(_breakdown, _DENIAL_ASIDE.sub(r"，\1，", text))
    text = _SELF_ASIDE().sub(r"\1是\2，\1", text)
    text = _CLOSING_ASIDE().sub(_aside_as_clause, text)  # 「…项目（之前也没报过）。」
    text = _OTHER_LEVEL_DENIED.sub(r"\1\2\3，\4\1\5", text)
    text = _USE_GOES_ON.sub(r"\1", _LEVEL_IN_BRACKETS.sub(r"\3\1\2", text))
    text = _LEVEL_AFTER.sub(r"\3\1\2，\3的", _SECOND_DENIAL().sub(r"\1，", text))
    text = _YEAR_ASIDE().sub(r"，\1，", _DENIED_FIGURE.sub("", text))  # before the asides that end a clause
    text = _ASIDE_OF_CLAUSES.sub(r"\1，", _PARTICLES().sub("", text))
    text = _PER_YEAR.sub(_joined_per_year, _COLON_ANSWER().sub("", text))
    text = _ENUMERATOR.sub("", text)  # 「4) 主商标2008年注册」: an item's number is no figure of it
    text = _NOT_ONE.sub("", text)  # 「非正常专利申请一件没有」「…一个都没有」: none, not one of them
    text = _ROUGH_FIGURES.sub(_each_rough, text)  # 「大概是2.8%、3.0%」: each figure said roughly
    text = _SPACED_QUESTION.sub("，", text)  # 「撤回率 高于全省均值 够格吗」: the question typed apart
    text = _SPACED_CLAUSES.sub("，", text)  # 「事故没有 失信也没有」: a space between words ends a clause
    text = _YEAR_OF_PER_CAPITA.sub(r"\1年", text)  # 「2020万人发明专利拥有量」: 2020年, not 2020万
    text = _AMOUNT_BEFORE_SHARE.sub(r"\1", text)  # 「知识产权费用是900万，占研发4.5%」: one clause
    text = _TRAILING_CORRECTION.sub(
        "，", _TRAILING_NOT_SO.sub("，不对", text)
    )  # 「2021年验收……不对，说错了」「贯标去年…不是，是2020年」: the correction a clause of its own
    return _slash_lists(_ASKING_ASIDE.sub("", _COLON_FIGURE.sub("", text)))


_NUMERAL_YEAR = re.compile(
    r"(?<![〇零一二三四五六七八九十百千万])[〇零一二][〇零一二三四五六七八九]{3}(?=年)"
)
_NUMERAL_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


# 「一件没有」「一个也没有」「一次都没出过」: not one, said of a thing (none); not 「一个没有验收」
# (one of several, the clause going on after the negation)
_NOT_ONE = re.compile(
    r"(?<![\d一二两三四五六七八九十百千万第另其])一(?:件|个|次|项|起|例|家|条|回|宗|笔)"
    r"(?=(?:都|也)(?:没|无|未)|没有?(?:[，,。；;！!？?\s]|$))"
)


def _digit_years(text: str) -> str:
    """「二〇二〇年度」 as 「2020年度」: a year written digit by digit in numerals."""
    return _NUMERAL_YEAR.sub(lambda m: m.group().translate(_NUMERAL_DIGITS), text)


# A correction trailing off a clause (「2021年验收……不对，说错了，是2020年」): its own clause,
# no negation of the clause it breaks off
# ...and a bare 不是 after the break, before the words that say what is right (「贯标去年…不是，是2020年
# 就做了」): it takes back the words before it, it denies nothing
_TRAILING_NOT_SO = re.compile(r"(?:……|…|——|—|\.\.\.)\s*不是(?=\s*[，,]\s*是)")
_TRAILING_CORRECTION = re.compile(r"(?:……|…|——|—|\.\.\.)\s*(?=哦?不对|[哦噢呃啊]不\s*[，,]|说错|不是不是)")


# An amount of money, then its share of another (「研发投入2个亿，占销售收入的5%」): one clause, so
# that the share's phrase (「研发投入…占…收入」) reads across the amount
_AMOUNT_BEFORE_SHARE = re.compile(
    r"([\d.零〇一二两三四五六七八九十百千]+\s*个?多?(?:亿元|亿|千万元|千万|万元|万|元)(?:左右|多)?)\s*[，,]\s*(?=占)"
)


# 「比例大概是2.8%、3.0%、3.1%」: a hedge of figures is each figure's (numbers.py reads 「约2.8%」 as
# about 2.8 %, a span the checker weighs), not a doubt of the clause; a hedge of anything else
# (「大概是示范县」) stays one
_ROUGH_FIGURES = re.compile(
    rf"(?:大概|大约|大致)(?:是|在|为|有)?\s*(?!(?:19|20)\d\d\s*年)((?:{_FIGURE}\s*[、和/，,]\s*)*{_FIGURE})(?![\d\u4e00-\u9fff]*(?:年|月|号))"
)
_ONE_FIGURE = re.compile(_FIGURE)


def _each_rough(found: re.Match[str]) -> str:
    return "是" + _ONE_FIGURE.sub(lambda f: "约" + f.group(), found.group(1))


# a relative year with its calendar year in brackets after it (「前年（2020年）」「去年(21年)」)
# (and a bound of years made exact in brackets: 「2021年之前（20年底）验收的」 is 20年底)
_YEAR_SAID_TWICE = re.compile(
    r"(?:大前年|前年|去年|今年|上一年度|上一年|上年度|上年|(?:20)?\d{2}\s*年(?:之前|以前|前))"
    r"\s*[（(]\s*((?:19|20)?\d{2}\s*年(?:度|底|初|年底|年初|中)?)\s*[)）]"
)
# a year written without 年 right before a per-ten-thousand-people measure (万人发明专利拥有量)
_YEAR_OF_PER_CAPITA = re.compile(r"(?<![\d.])(20\d{2})(?=万人)")
_SPACED_QUESTION = re.compile(
    r"(?<=[\u4e00-\u9fff%）)])[ \t\u3000]+(?=[^ \t\u3000，,。；;]{0,8}?(?:吗|么|呢|[?？]|能不能|行不行|可不可以|够不够|有戏没))"
)
# typed in short, words set apart by spaces are clauses (「三年内没出过重大事故 没失信 没在做…」)
_SPACED_CLAUSES = re.compile(r"(?<=[\u4e00-\u9fff）)%])[ \t\u3000]+(?=[\u4e00-\u9fff（(])")
# the number of a list's item at the start of a line or after a stop (「1) 」「2、」「3.」「（4）」「⑤」),
# not a figure that starts a clause (「3.5%以上」)
_ENUMERATOR = re.compile(
    r"(?:^|(?<=[\n。；;：:]))\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）.、．](?![\d个人件项名家万亿%])|[（(]\d{1,2}[)）]|[①-⑳])\s*",
    re.MULTILINE,
)


CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")  # a clause of a message, between its stops and commas


def normalize(text: str) -> str:
    """Invisible characters out, full-width digits and signs to ASCII, thousands separators dropped."""
    table = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％．："}
    text = _INVISIBLE.sub("", text).translate(table)
    return re.sub(r"(?<=\d)[,，](?=\d{3}(?!\d))", "", text)


def _slash_lists(text: str) -> str:
    """「工业企业/江苏独立法人/经营良好/…」: a clause of items between slashes is a list, each
    item a clause of its own; one slash is a ratio (「研发/销售：4.2%」) and stays, one to a clause
    (「研发/营收：5.3%，IP费/研发：8%」)."""
    return "".join(
        part.replace("/", "，") if part.count("/") >= 2 else _RATIO_SLASH.sub("占", part)
        for part in re.split(r"([。！？!?；;\n，,｜|])", text)
    )


# the slash of a ratio with its figure after it (「知识产权费用/研发投入=5.2%」): A占B, so that the
# denominator (研发投入, a phrase of its own elsewhere) is read as the one it is
_RATIO_SLASH = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])/(?=[\u4e00-\u9fff]{2,}[^，。]{0,3}\d)")


def parents_named(text: str, applicant_type: str | None) -> str:
    """「苏州市没有承担过」 said by a county or a park: the city is its own city, written as the
    reader knows it (「所在市」, as long as the name, so the text keeps its length)."""
    if applicant_type not in ("county", "park"):
        return text
    text = _CITY_NAMED().sub(lambda m: "所在的市" if len(m.group(1)) == 3 else "所在市", text)
    if applicant_type == "county" and _SELF_DISTRICT.search(text):
        # 「我们市是国家知识产权示范城市…我们区…评上了」: a district that names itself calls its
        # city 我们市; that city's titles are not the district's
        text = _OUR_CITY.sub("所在市", text)
    if applicant_type == "park":  # 「常州市和武进区都没承担过」: the district beside it is the park's own
        text = _DISTRICT_BESIDE.sub(
            lambda m: m.group(1) + ("所在的区" if len(m.group(2)) == 4 else "所在区"), text
        )
    return text


# the applicant naming itself a district or county (not a county-level city: 「我们县级市」)
_SELF_DISTRICT = re.compile(r"(?:我们|咱们|我|本)(?:区|县)(?!级)")
_OUR_CITY = re.compile(r"(?:我们|咱们)市(?!级|里的?[区县]|下面)")


def bodies_apart(text: str, applicant_type: str | None) -> str:
    """「三年无事故、无失信、没在承担省级项目、市里不报」: an 、 item that opens with another body
    and says yes or no of its own, after an item that says no of its own, is a clause of its own:
    the body is its subject, not every item's. (After a bare item, 「事故、失信、市里都没有」, the
    item's no may be the list's; the 、 stays.)"""
    pattern = _BODY_ITEM(applicant_type)
    if "、" not in text or pattern is None:
        return text
    cut = list(text)
    for found in pattern.finditer(text):
        item_start = max(text.rfind(mark, 0, found.start()) for mark in "、，,。；;！!？?：:\n") + 1
        if _NEGATION().search(text, item_start, found.start()):
            cut[found.start()] = "，"
    return "".join(cut)


@cache
def _BODY_ITEM(applicant_type: str | None) -> re.Pattern[str] | None:
    cues = LEXICON.fact_cues
    bodies = (*cues.other_levels.get(applicant_type or "", ()), *cues.other_bodies)
    says = either(sorted({*cues.negations, *cues.yes_words}, key=len, reverse=True))
    # (a body word may open its name: 「隔壁县有」)
    body = f"(?:{either(bodies)})[\u4e00-\u9fff]{{0,2}}?"
    return re.compile(f"、(?={body}(?:也|都|还|就)?(?:{says}))") if bodies else None


@cache
def _NEGATION() -> re.Pattern[str]:
    return re.compile(either(LEXICON.fact_cues.negations))


_DISTRICT_BESIDE = re.compile(r"(所在的?市\s*[和、与及跟]\s*)([\u4e00-\u9fff]{2,3}[区县])")


@cache
def _CITY_NAMED() -> re.Pattern[str]:
    return re.compile(
        f"({either(LEXICON.jiangsu_cities)})市(?!(?:(?![和、与及跟])[\u4e00-\u9fff]){{1,4}}[区县])"
    )
