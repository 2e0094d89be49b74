"""Which program and applicant type a question is about, from its words (no model).

Programs are recognised by the keywords in the rules data (保护示范区, 地理标志, 工业品牌, 高价值专利,
专利转化 ...), the year by a year said right before them (「2022年的保护示范区」; 保护示范区 defaults
to 2024), 升级/新建 by the variant keywords, and the applicant by words such as 县/区/市/园区/企业/
高校, preferring the one the applicant says of themselves (「我们县」「我们是一家企业」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..eligibility.rules import Program, Rules
from .asking import CAPACITY, asks, asks_to_apply, names_who_applies
from .fact_phrases import cues, find_matches, topic_only
from .lexicon import LEXICON, either
from .scope import ROUND_AFTER, TWO_DIGIT_YEAR, YEAR, opens_an_apply_question

# Words whose meaning depends on their neighbours: 「3个人」 counts staff, 「乡镇工业园」 is a park.
# 「我所」 is a research institute, not 「我所在的市」「我们所有的专利」 (所 as a particle).
_PARTICLE_SUO = r"(?!在|属|处|有|说|以|谓|需|得|做|提|知|了解|能)"
_IN_CONTEXT = {
    "个人": r"(?<![\d一二两三四五六七八九十几])个人",
    "乡镇": r"乡镇(?!工业园|园区|产业园|开发区)",
    # 「江阴下面的一个镇」: a town said as one, not 镇江, 古镇 (a product's name) or a 镇区
    "镇": r"(?:(?<=一个)|(?<=下面的)|(?<=下属的))镇(?![江区])",
    **{word: word + _PARTICLE_SUO for word in ("我所", "本所", "我们所")},
    # 「一所211」「985高校」 name a university; 「有效专利211件」 counts patents
    **{n: rf"(?<=所){n}(?!\d)|(?<!\d){n}(?=高校|大学|院校|工程|名校)" for n in ("211", "985")},
}


def _words(words: tuple[str, ...]) -> str:
    return "|".join(_IN_CONTEXT.get(w, re.escape(w)) for w in words)


def _kinds_pattern() -> re.Pattern[str]:
    """One alternation of every self-naming word, a named group per kind (lexicon order)."""
    lexicon = LEXICON.applicant_kinds
    groups = [
        ("self", tuple(lexicon.self_names)),
        ("none", lexicon.not_applicants),
        ("other", lexicon.unadmitted),
        *lexicon.kinds.items(),
    ]
    return re.compile("|".join(f"(?P<{name}>{_words(words)})" for name, words in groups))


_KINDS = _kinds_pattern()
_KIND_WORDS = LEXICON.applicant_kinds
_SELF_KIND = _KIND_WORDS.self_names
# (after 是 a longer noun phrase: 「我们是一家知识产权运营服务公司」)
_SELF_WORDS = re.compile(
    f"({either(_KIND_WORDS.pronouns)}|(?!{either(_KIND_WORDS.determiner_look_alikes)})"
    f"{either(_KIND_WORDS.determiners)})(?:[^，。；！？]{{0,10}}|是[^，。；！？]{{0,16}})$"
)
_NOT_SELF = re.compile(either(_KIND_WORDS.not_self_verbs))
_SELF_LOOK_ALIKES = re.compile(either(_KIND_WORDS.self_look_alikes))


def _said_of_self(before: str) -> bool:
    """A pronoun some words before the body word, with no verb between that makes the body
    another (「我们是一家企业」, not 「我们有单项冠军和优势企业落户」)."""
    found = _SELF_WORDS.search(before)
    if found is None:
        return False
    between = _SELF_LOOK_ALIKES.sub("", before[found.end(1) :])
    if between.startswith("是"):  # 「我们是一家知识产权运营服务公司」: 服务 begins the body's name
        between = _VERB_IN_NAME.sub("", between)
    return not _NOT_SELF.search(between)


_VERB_IN_NAME = re.compile(f"(?:{either(_KIND_WORDS.verbs_in_names)})$")


_CITY_OF_DISTRICT = re.compile(r"^(?:(?![的和与及下])[\u4e00-\u9fff]){1,4}[区县]")
# A year before a program's name, with words of its full name between (「22年的省知识产权保护示范区」)
# A year right before a program's name, with filler, an applicant's kind or an apply verb and
# its word of possibility or intent between (「2022年的省级保护示范区」「22年园区报保护示范区」
# 「22年能报保护示范区吗」「22年想申报工业品牌」)
_BETWEEN = either(
    (
        *("的", "那个", "这个", "省级", "省", "江苏省", "江苏", "知识产权", "创建"),
        *LEXICON.asking_to_apply.apply_verbs,
        *LEXICON.asking_to_apply.before_verb,
        *LEXICON.asking_to_apply.intent_words,
        *(word for t in LEXICON.applicant_types for word in t.in_questions),
    )
)
_YEAR_BEFORE = re.compile(rf"(20(\d\d)|(?<!\d)(\d\d))\s*年?度?[)）]?\s*(?:{_BETWEEN}|\s)*$")
# 「不是22年的保护示范区创建」: a round the applicant says it does not mean
_DENIED_BEFORE = re.compile(r"(?:不是|并非|不报|而不是)[^，,。；;？?！!]{0,4}$")
# A year in brackets right after it (「保护示范区创建（22年度的）」)
_YEAR_AFTER = re.compile(r"^[^，。？！（(]{0,12}[（(]\s*(?:(20\d\d)|(\d\d))\s*年?度?的?\s*[)）]")
# 「那园区呢？」「如果是高校的话呢」: a short follow-up naming another applicant asks about it
_SWITCH = re.compile(
    r"^\s*(?:那|那么|如果是|要是|换成|换作)?[^，。；]{0,12}(?:呢|的话|怎么样)[？?。！!，,\s]*$"
)
# A body no program admits, later in the same noun phrase (「市新材料行业协会」): the head noun
# (its words read in their context, as _KINDS reads them: 「3个人」 counts staff, 「乡镇工业园」 is a park)
_HEAD_BODY = re.compile(
    r"[^，,。；;？?！!、是在有和与及]{0,10}?(" + _words(LEXICON.applicant_kinds.unadmitted) + ")"
)


@cache
def _UNADMITTED_HEAD() -> re.Pattern[str]:
    # the noun phrase right after a kind word, ending in a body that is no applicant (「我们是县里的
    # 知识产权保护中心」: 的 within the phrase)
    return re.compile(
        f"[^，,。；;？?！!、和与及（(]{{0,8}}?({_words(LEXICON.applicant_kinds.unadmitted_heads)})"
    )


# A kind later in the same noun phrase, after 的, of what the applicant says it is
# (「我们是苏州工业园区的半导体设备企业」): its head noun
# (or of the body named as the one to apply instead: 「换成区里的国家级高新区管委会」「以我们市里的
# 国家级经开区管委会报」)
_BEING_BEFORE = re.compile(r"(?:是|以|由|换成|改由|改成|换作)(?:一[家个所])?[^，,。；;？?！!]{0,10}$")
_HEAD_KIND = re.compile(
    # 能 as a modal (「…的企业能报吗」), not inside a word (「新能源企业」「智能制造企业」)
    r"(?:(?!能[报申不否够])[^，,。；;？?！!、是在有和与及报请想要\d]){0,16}?的"
    r"(?:(?!能[报申不否够])[^，,。；;？?！!、是在有和与及的报请想要\d]){0,8}?("
    + "|".join(_words(words) for words in LEXICON.applicant_kinds.kinds.values())
    + r")(?=[，,。；;？?！!、（(]|$|来?(?:报|申报|申请))"  # (an aside in brackets after it: 「…的运营公司（国有平台公司）」)
)
# 「不是…」 before a program's name, in its clause and within _DENIAL_SPAN characters: the name
# is of a title denied (「也不是国家地理标志运用促进重点联系指导项目或保护示范区」)
_NOT_THIS = re.compile(r"(?:不是|并非|不属于)[^，,。；;？?！!]*$")
_DENIAL_SPAN = 32
# A kind that is the subject of applying (「县政府能不能报…」): the applicant, whatever the program's
# words name later (its direction 「产业知识产权运营中心」 is a park's)
_APPLYING_NEXT = re.compile(  # 「县政府能不能报」「让吴江区政府来报」
    rf"[^，,。？?！!没不未别]{{0,4}}?(?:{either((*LEXICON.asking_to_apply.before_verb, '来', '负责'))})"
    rf"(?:{either(LEXICON.asking_to_apply.apply_verbs)})"
)
# 「县政府想报…」「镇政府想牵头申报」: a body that wishes to apply is the applicant, when the
# message names no other as itself
_WISHING_NEXT = re.compile(
    rf"[^，,。？?！!没不未别]{{0,2}}?(?:{either(LEXICON.own_things.wish_words)})(?:牵头|自己)?"
    rf"(?:{either(LEXICON.asking_to_apply.apply_verbs)})"
)
_FIRST_CLAUSE = re.compile(r"[^，,。；;？?！!]*[，,。；;？?！!]*")
# 「那改由县政府申报呢」「换成市里报」: the applicant now is the one named next
_BY_INSTEAD = re.compile(r"(?:改由|改成由|改成|换成|换由|换作)[\u4e00-\u9fff]{0,4}$")  # 「换成徐州市」
# 「说错了，我们是设区市」「我们其实是市政府」: a county that says it is a city after all
_CALLS_ITSELF_A_CITY = re.compile(r"(?:我们|我方|本单位)(?:其实|实际上|就)?(?:是|为)[^，,。；;]{0,10}市")
# 「那就县里不报了，只由市政府来报」: the city named as the one that applies now
_CITY_APPLIES = re.compile(r"由(?:我们)?(?:设区)?市(?:政府|里|本级)?(?:来|去)?(?:申报|申请|报)")
# 「我们所在的市」「我们所在的区（县级）」: the applicant's parent, with what a bracket says of it
# (each item of a list after it too: 「我们所在的市、县都没承担过」)
_PARENT = re.compile(
    r"(所在|所属|归属|上级|上面|隶属|下面|管我们)的?(?:[\u4e00-\u9fff]{1,3}[（(])?(?:[\u4e00-\u9fff]{1,4}[、和与及])*$"
)
_UNDER = re.compile(r"(?:下面|下属|所辖|辖下|底下|辖区内)的?[\u4e00-\u9fff]{0,4}$")
_LOCATES = re.compile(r"(?:所在|所属|所处)的?")  # 「学校所在的高新区」: where the body named before is
_WITHIN = re.compile(
    r"(?:里|内|下面|下属|辖区内?|境内)?的"
)  # 「我们区里的经开区」「我们县的经济开发区」: a body within it
# 「我们被市里确定为…」「经省、市认定」: a body after a word of agency acts on the applicant
_AGENT = re.compile(r"(?:被|受到?|经过?|(?<!自)给)(?:[^，,。；;？?！!]{0,3}[、和与及])?$")
# 「我们是市里确定的重点产业链所在地区」: a body, then what it decided of the applicant
_ACTS_ON = re.compile(r"(?:里|政府|级)?(?:确定|认定|批准|评定|命名|认可|授予|列为|评为)(?:的|为)")
_INTENT = re.compile(r"报|申请|项目|指南|条件|专项|计划|方向|资格")
_CLAUSES = re.compile(r"[，,；;。？?！!\n]")
_ONLY_PUNCTUATION = re.compile(r"\s*年?度?(?:的|里|中)?\s*(?:[?？,，。!！]|$)")
_ASKING = LEXICON.asking_to_apply
_APPLIES = re.compile(f"\\s*(?:{either(_ASKING.apply_verbs)})")  # a clause that opens by applying
_INTENDS = re.compile(
    f"(?:{either(_ASKING.intent_words)})(?:[^，,。？?]{{0,4}}?|{CAPACITY})(?:{either(_ASKING.apply_verbs)})"
)
_SWITCH_TO = re.compile(either(_ASKING.switch_words))
_TOLD_OF = re.compile(either(LEXICON.record_verbs))
_RECORD_BEFORE = re.compile(f"(?:{either(LEXICON.record_verbs)})[^，,。；;？?！!]*$")
_APPLY_BEFORE = re.compile("(?:{})的?$".format("|".join(LEXICON.asking_to_apply.apply_verbs)))
# 「24年还能吗」: a short year asked of right after it
_ASKED_AFTER = f"(?=还?(?:{either(_ASKING.before_verb)})|{either(_ASKING.tags)}|呢|吗)"
_SHORT_YEAR = re.compile(r"(?<![\d.])(2\d)(?=年)")
_SHORT_ASKED = re.compile(rf"(?<![\d.])(2\d)年{_ASKED_AFTER}")
_YEAR_ASKED = re.compile(rf"(?<![\d.])(20\d\d|2\d)年度?{_ASKED_AFTER}")


def _years_asked(text: str) -> list[int]:
    """The years asked of right after them (「24年还能吗」「2024年度呢」), in order."""
    return [int(y) if len(y) == 4 else 2000 + int(y) for y in _YEAR_ASKED.findall(text)]


_SHORT_APPLIED = re.compile(
    "((?:{}))(2\\d)年(?![\\d前底末内])".format("|".join(LEXICON.asking_to_apply.apply_verbs))
)


@dataclass(frozen=True)
class ProgramGuess:
    """What a conversation is about: resolved ids (or None) and the signals they came from."""

    program: str | None = None
    applicant_type: str | None = None
    family: str | None = None
    year: int | None = None
    variant: str | None = None
    kind: str | None = None
    asked: bool = False  # the program was named in the clause that asks to apply (「能报…吗」)
    county_city: bool = False  # the applicant said it is a 县级市: its 「我们市」 is a county


def detect_program(text: str, rules: Rules, previous: ProgramGuess | None = None) -> ProgramGuess:
    """The program and applicant type `text` is about, merged with what earlier turns said."""
    prev = previous or ProgramGuess()
    family, spans = _asked_family(text, rules, prev.family)
    variant = _variant(text, rules)
    if family is None and prev.family is None and variant:
        family = _family_of_variant(text, variant, rules)
    signals = ProgramGuess(
        family=family,
        year=_year(text, spans, rules, family or prev.family),
        variant=variant,
        kind=None,
    )
    if family and prev.family and family != prev.family:
        prev = ProgramGuess(
            kind=prev.kind, county_city=prev.county_city
        )  # another program: its year and variant do not carry over
    merged = ProgramGuess(
        family=signals.family or prev.family,
        year=signals.year or prev.year,
        variant=signals.variant or prev.variant,
        kind=prev.kind,
    )
    program = _resolve_program(merged, rules)
    asked = signals.family is not None and signals.family in _asked_families(text, rules)
    merged = replace(merged, asked=asked or (prev.asked and merged.family == prev.family))
    kind, said_of_self = _kind(text, program)
    county_city = prev.county_city or (kind in ("city", "county") and says_county_city(text))
    if kind == "city" and county_city:
        kind = "county"  # 「我们是江阴市，县级市」; 「县级市能报吗？」 then 「我们市…」
    if (
        kind == "city"
        and prev.kind == "county"
        and not _CALLS_ITSELF_A_CITY.search(text)
        and not _CITY_APPLIES.search(text)
        and not follows_up_on_another(text, rules)  # 「那如果换成徐州市来报呢？」 asks of the city
    ):
        kind = "county"  # a county's 「我们市没有承担过」 speaks of its city, not of itself
    if kind is None or (merged.kind and not said_of_self):
        kind = merged.kind or kind
    return replace(
        merged,
        program=program.id if program else None,
        kind=kind,
        applicant_type=resolve_type(program, kind),
        county_city=county_city,
    )


def _asked_family(text: str, rules: Rules, before: str | None) -> tuple[str | None, list[tuple[int, str]]]:
    """The program family the text asks about, and where each family's words stand: the one
    named after a switch (「改问专利转化专项」), else the one applied for in its clause, else the
    one named most; a passing mention of another family than the one `before` switches nothing."""
    family, spans = _family(text, rules)
    switched = [m.end() for m in _SWITCH_TO.finditer(text)]
    if switched and (turned := _family(text[switched[-1] :], rules)[0]) is not None:
        family = turned  # 「…今年先不报了。改问专利转化专项计划的高校院所方向」
        spans = [(at, f) for at, f in spans if at >= switched[-1]]
    start, end = _switching_clause(text)
    if end and (turned := _family(text[start:end], rules)[0]) is not None:
        family = turned  # 「我们学校高价值专利新建报不了，那专利转化专项计划呢？」
        spans = [(at, f) for at, f in spans if start <= at < end]
    asked_for = _applied_for(text, rules)
    if len(asked_for) == 1 and family not in asked_for:
        family = asked_for.pop()  # 「正在承担…高价值专利培育项目。同时想报2022年工业品牌，可以吗」
    if (
        family
        and before
        and family != before
        and not switched
        and _family(text, rules, intent=True, titles=False)[0] != family
        and not follows_up_on_another(text, rules)  # 「那…工业品牌呢？我们情况：…」 asks of it
        and not _opens_on(text, rules, family)  # 「工业品牌那边，以前被通报过…还能报吗」
    ):
        family = None  # a passing mention (「专利、商标、地理标志统一管理」) does not switch programs
    return family, spans


def _opens_on(text: str, rules: Rules, family: str) -> bool:
    """The message opens on the family as its topic: a first clause of its name and words that
    name a topic only (「工业品牌那边，…」「高价值专利的话，…」)."""
    first = _CLAUSES.split(text.strip(), maxsplit=1)[0]
    if _family(first, rules)[0] != family:
        return False
    words = sorted((w for w, f, _ in _keywords(rules) if f == family), key=len, reverse=True)
    rest = first
    for word in words:
        rest = rest.replace(word, "")
    return topic_only(rest) or topic_only(re.sub(r"^\s*(?:那么|那|至于|关于)", "", rest))


def _family_of_variant(text: str, variant: str, rules: Rules) -> str | None:
    """「升级项目申报条件有哪些」「能牵头报新建吗」: a variant's project, or the variant applied for,
    that only one program family has names it."""
    families = {
        p.family
        for p in rules.programs
        if p.variant == variant
        and any(re.search(f"{w}.{{0,2}}项目|(?:报|申请){w}", text) for w in p.variant_keywords)
    }
    return families.pop() if len(families) == 1 else None


def says_county_city(text: str) -> bool:
    """「我们是江阴市，县级市」「县级市能报吗」: the applicant is a county-level city; not one
    under it (「我们市下面的县级市」)."""
    below = LEXICON.fact_cues.other_levels.get("city", ())
    return any(
        not any(word in text[max(0, m.start() - 6) : m.start()] for word in below)
        for m in re.finditer("县级市", text)
    )


def _asked_families(text: str, rules: Rules) -> set[str]:
    """The program families named in the clause that asks whether the applicant can apply
    (「…，能报2024年度保护示范区吗」), not elsewhere in its sentence (「…统一管专利、商标、地理
    标志，…，能报2022年度吗」 asks about no program by name)."""
    clauses = _CLAUSES.split(text)
    asking = asks_to_apply(text)
    # 「24年的知识产权保护示范区是支持谁的？」: a one-clause question of the program asks of it too
    of_itself = sum(bool(c.strip()) for c in clauses) == 1 and asks(text)
    families = set()
    for at, clause in enumerate(clauses):
        # 「…，报22年专利转化专项，行吗」: applying, then a bare tag that asks it
        tagged = at + 1 < len(clauses) and clauses[at + 1].strip() in _ASKING.tags and _APPLIES.match(clause)
        # (「我们是…管委会，能不能由管委会牵头报…」: the clause asks it of the applicant)
        intends = _INTENDS.search(clause) or tagged or names_who_applies(clause)
        if not (asks_to_apply(clause) or (asking and intends) or of_itself):
            continue
        family = _family(clause, rules)[0]
        before = clauses[at - 1] if at > 0 else ""
        if family is None and _INTENT.search(before):  # 「22年那个地理标志培育和保护项目，企业能报吗」
            family = _family(before, rules)[0]
        if family is not None:
            families.add(family)
    return families


def _applied_for(text: str, rules: Rules) -> set[str]:
    """The program families named in a clause that applies for them (「同时想报2022年工业品牌」
    「能报地理标志项目吗」) or says it asks of them (「问的是…」), none denied in it (「不是…
    保护示范区」)."""
    families = set()
    for clause in _CLAUSES.split(text):
        asked = any(w in clause for w in _ASKING.asked_about)  # 「问的是22年保护示范区创建」
        if not (asks_to_apply(clause) or _INTENDS.search(clause) or asked) or _NOT_THIS.search(clause):
            continue
        named = {family for _, family in _family(clause, rules)[1]}
        if len(named) == 1:  # 「高价值专利和专利转化都想报」 applies for no one of them
            families |= named
    return families


def _keywords(rules: Rules) -> list[tuple[str, str, int]]:
    words = {}
    for program in rules.programs:
        for word in program.keywords:
            words[word] = (program.family, 2)
        for word in program.weak_keywords:
            words.setdefault(word, (program.family, 1))
    return sorted(((w, f, s) for w, (f, s) in words.items()), key=lambda x: -len(x[0]))


def _family(
    text: str, rules: Rules, intent: bool = False, titles: bool = True
) -> tuple[str | None, list[tuple[int, str]]]:
    """The program family with the most keyword weight (longest keywords first, no overlaps).

    With `intent`, only keywords said next to words of applying (报/申报/项目/指南 ...) count;
    without `titles`, a name denied as a title (「也不是…或保护示范区」) counts for nothing.
    """
    taken = [False] * len(text)
    scores: dict[str, int] = {}
    denied: dict[str, int] = {}  # named after 「不是」: a title denied (「不是…保护示范区」)
    first: dict[str, int] = {}
    spans: list[tuple[int, str]] = []
    for word, family, weight in _keywords(rules):
        for m in re.finditer(re.escape(word), text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            if intent and (
                not _INTENT.search(text[max(0, m.start() - 6) : m.end() + 6])
                or _RECORD_BEFORE.search(text[: m.start()])
            ):
                continue  # named without applying, or as the applicant's record (「正在承担…项目」)
            not_this = _NOT_THIS.search(text[max(0, m.start() - _DENIAL_SPAN) : m.start()])
            # 「保护示范区先不管了，就看产业运营中心这个」: a program given up in its clause
            given_up = _GIVEN_UP.search(text, m.end(), _clause_end(text, m.end()))
            counts = denied if not_this or given_up else scores
            counts[family] = counts.get(family, 0) + weight
            first[family] = min(first.get(family, m.start()), m.start())
            spans.append((m.start(), family))
    scores = scores or (denied if titles else {})  # a denied title counts when no program is named otherwise
    if not scores:
        return None, spans
    best = max(scores, key=lambda f: (scores[f], -first[f]))
    return best, spans


def _year(text: str, spans: list[tuple[int, str]], rules: Rules, family: str | None) -> int | None:
    years = {p.year for p in rules.programs if p.family == family}
    for start, span_family in spans:
        if span_family != family:
            continue
        before = text[max(0, start - 16) : start]
        m = _YEAR_BEFORE.search(before)
        after = _YEAR_AFTER.match(text[start:])
        if m and _DENIED_BEFORE.search(before[: m.start()]):
            continue
        if m:
            year = int(m.group(1)) if m.group(2) else 2000 + int(m.group(3))
        elif after:
            year = int(after.group(1)) if after.group(1) else 2000 + int(after.group(2))
        else:
            continue
        if year in years:
            # 「22年能报保护示范区，24年还能吗」: a round asked after it is the one asked now
            later = [y for y in _years_asked(text[start:]) if y in years]
            return later[-1] if later else year
    return next((year for year in _round_years(text, rules) if year in years), None)


def _round_years(text: str, rules: Rules) -> list[int]:
    """The years that name the round applied for, read as the chat's scope reads them (round
    words or a question after the year: 「能报2022年度的吗」「22年度的申报条件」), or right
    after an apply verb (「想报22年度」). A year whose clause goes on to name one of the
    applicant's own facts is that fact's (「2022年度省…真抓实干…评上了」), not a round."""
    text = _SHORT_APPLIED.sub(r"\g<1>20\2年", TWO_DIGIT_YEAR.sub(r"20\1年", text))  # 「想报22年这个」
    text = _SHORT_ASKED.sub(r"20\1年", text)  # 「…，24年还能吗」
    text = _SHORT_YEAR.sub(
        lambda m: f"20{m[1]}" if opens_an_apply_question(text, m.start(), m.end()) else m[0], text
    )
    found = []
    for m in YEAR.finditer(text):
        if opens_an_apply_question(text, m.start(), m.end()):
            found.append(int(m.group(1)))  # 「22年县这一级能报吗？」
            continue
        after, lead = text[m.end() :], text[max(0, m.start() - 3) : m.start()]
        clause = _CLAUSES.split(after, maxsplit=1)[0]
        named = ROUND_AFTER.match(after) and not _ONLY_PUNCTUATION.match(after)
        # a fact read only with another body's words (「这个…报」 of the city's choice) is no record,
        # nor is a program's own name (「保护示范区」, which a GI title presupposes)
        names = {word for word, _, _ in _keywords(rules)}
        record = [
            f for f in find_matches(clause, rules.fact_specs) if not f.spec.actors and f.synonym not in names
        ]
        # 「2022年度那次没评上」: a year whose clause tells what came of the applicant is a record's
        told = _TOLD_OF.search(clause) is not None
        if (named or _APPLY_BEFORE.search(lead)) and not record and not told:
            found.append(int(m.group(1)))
    return found


# 「那新建就不报了」: a variant the applicant gives up is not the one asked about
_GIVEN_UP = re.compile(
    r"不(?:报|申报|申请|考虑|弄|管|看)了|先不(?:管|看|考虑|报)|放一放|放弃|算了|(?<!行)不行(?![吗呢么])|报不了|不能报(?![吗呢么])"
)
_RECORD = re.compile(r"做过|承担过|搞过|牵头过|立项|验收")  # a project done; not 牵头报 (applying)
_HEADING_AFTER = re.compile(r"[^，,。；;：:]{0,4}[：:]")  # 「升级项目：…验收」: the message's heading
# 「报升级」「报一个2022年的升级项目」: applied for, whatever the clause tells
_APPLIED_BEFORE = re.compile(r"(?:报|申报|申请)(?:的|个|一个|一项)?(?:(?:20)?\d\d年度?)?的?$")


def _variant(text: str, rules: Rules) -> str | None:
    """The variant named (新建, 升级): of several, the one named after a switch word (「新建就
    不报了，改报升级项目」), else the last in a clause that asks and gives nothing up (「新建不让
    报。那升级项目呢？」「子公司想报新建…那我们报升级项目有问题吗」), else the first named."""
    named = sorted(
        (m.start(), program.variant)
        for program in rules.programs
        if program.variant
        for word in program.variant_keywords
        for m in re.finditer(re.escape(word), text)
    )
    # 「我们做过高价值专利培育的新建项目」「新建项目是2016年立项、2019年验收的」: the applicant's record,
    # not the variant asked about
    named = [
        (at, v)
        for at, v in named
        if _APPLIED_BEFORE.search(text[:at])
        or _HEADING_AFTER.match(text, at)
        or not _of_record(_clause_at(text, at))
    ]
    if not named:
        return None
    switched = [(at, v) for at, v in named if _SWITCH_TO.search(text[max(0, at - 4) : at])]
    starts = [at for at, _ in named]
    asking = [
        (at, v) for at, v in named if _asks_about(_clause_at(text, at)) and not _given_up(text, at, starts)
    ]
    if switched or asking:
        return max(switched or asking)[1]
    # 「升级不行。那就报新建：…」: the variant applied for, over one given up
    kept = [(at, v) for at, v in named if not _given_up(text, at, starts)]
    applied = [(at, v) for at, v in kept if _APPLIED_BEFORE.search(text[:at])]
    return max(applied)[1] if applied else (kept or named)[0][1]


def _given_up(text: str, at: int, starts: list[int]) -> bool:
    """The variant named at `at` is given up by the words after it in its clause, up to the next
    variant named, or before it when it is named first (「新建不行的话升级项目呢」 gives up 新建
    only; 「放弃新建」)."""
    clause_start = max((m.end() for m in _CLAUSES.finditer(text, 0, at)), default=0)
    clause_end = found.end() if (found := _CLAUSES.search(text, at)) else len(text)
    first = not any(clause_start <= s < at for s in starts)
    before = clause_start if first else at  # words before it are its own when it is named first
    after = min([clause_end, *(s for s in starts if s > at)])
    return _GIVEN_UP.search(text, before, after) is not None


def _clause_end(text: str, at: int) -> int:
    found = _CLAUSES.search(text, at)
    return found.start() if found else len(text)


def _of_record(clause: str) -> bool:
    """A clause that tells what the applicant did (做过, 立项, 验收) and asks nothing."""
    return _RECORD.search(clause) is not None and not _asks_about(clause)


def _clause_at(text: str, at: int) -> str:
    """The clause of the text holding position `at`, with its closing mark."""
    start = max((m.end() for m in _CLAUSES.finditer(text, 0, at)), default=0)
    end = _CLAUSES.search(text, at)
    return text[start : end.end() if end else len(text)]


def _asks_about(clause: str) -> bool:
    """A clause that asks of the thing it names: whether one can apply, or 「那…呢」."""
    asks = asks_to_apply(clause) or bool(_SWITCH.match(clause) or _INTENDS.search(clause))
    return asks or clause.rstrip("？?。 ").endswith("呢")


def _resolve_program(guess: ProgramGuess, rules: Rules) -> Program | None:
    candidates = [p for p in rules.programs if p.family == guess.family]
    for attribute in ("year", "variant"):
        wanted = getattr(guess, attribute)
        narrowed = [p for p in candidates if getattr(p, attribute) == wanted]
        if wanted is not None and narrowed:
            candidates = narrowed
    if not candidates:
        return None
    return next((p for p in candidates if p.default), candidates[0])


_FOLLOW_UP_CLAUSES = 3  # 「明白了，新建不让报。那升级项目呢？」: the follow-up may come after a reply to us


# The longer follow-up opens with 那 or 如果 (「那如果换成徐州市来报呢？」「那由我们园区管委会来报
# 呢？」「那专利转化专项计划里面高校院所知识产权运营能力提升呢？」)
_SWITCH_LONG = re.compile(
    rf"^\s*(?:那|那么|如果|要是|{either(_ASKING.instead_openers)})[^，。；？?]{{0,30}}(?:呢|的话|怎么样)[？?。！!，,\s]*$"
)


def _switching_clause(text: str) -> tuple[int, int]:
    """Where the clause that asks of another applicant lies (「那我们下面的区呢？」), among the
    first clauses of a follow-up; (0, 0) when none does."""
    for found in list(_FIRST_CLAUSE.finditer(text))[:_FOLLOW_UP_CLAUSES]:
        if _FAILED_IF.search(found.group()):
            continue  # 「那县里不行的话，我们县的经济开发区呢？」: the condition, then the one asked
        if _SWITCH.match(found.group()) or _SWITCH_LONG.match(found.group()):
            return found.start(), found.end()
    return 0, 0


# 「县里不行的话」「要是市里报不了的话」: if the one before fails (a condition, not the one asked)
_FAILED_IF = re.compile(r"(?:不|没|未)[^，,。；;？?！!]{0,6}的话")  # 「市里不是申报主体的话」


def follows_up_on_another(text: str, rules: Rules) -> bool:
    """「那我们区呢？…」「那园区呢」「那升级项目呢」: a follow-up that opens (in its first clauses)
    by naming another applicant or program, to be checked as the one before was."""
    clauses = _FIRST_CLAUSE.findall(text)[:_FOLLOW_UP_CLAUSES]
    heads = _follow_up_heads(clauses)
    # 「新建就不报了，改报升级项目」: a program or variant named after a switch word
    switched = [c[m.end() :] for c in clauses if (m := _SWITCH_TO.search(c))]
    return any(
        _KINDS.search(head) or _family(head, rules)[0] is not None or _variant(head, rules) for head in heads
    ) or any(_family(rest, rules)[0] is not None or _variant(rest, rules) for rest in switched)


def turns_to_another_round(text: str, rules: Rules) -> bool:
    """「那2024年那一轮呢？…」: a follow-up that opens by naming another round."""
    heads = _follow_up_heads(_FIRST_CLAUSE.findall(text)[:_FOLLOW_UP_CLAUSES])
    return any(_round_years(head, rules) for head in heads)


def _follow_up_heads(clauses: list[str]) -> list[str]:
    """The first clauses that ask of another thing (「那园区呢」), not on a condition (「…不行的话」)."""
    return [c for c in clauses if (_SWITCH.match(c) or _SWITCH_LONG.match(c)) and not _FAILED_IF.search(c)]


def names_itself(text: str) -> bool:
    """The applicant says what kind it is (「哦不对，我们是县级市，不是设区市」), not merely
    speaks of its body (「我们市没有承担过」)."""
    return _kind(text, None)[1] and bool(_SAYS_IT_IS.search(text))


_SAYS_IT_IS = re.compile(
    f"(?:{either(LEXICON.applicant_kinds.pronouns)})(?:其实|实际上|就|也|本身)?(?:是|属于|为)"
)


def names_applicant(text: str) -> bool:
    """The message says who applies: a kind said of the applicant itself (「我们是企业」), or
    named in an applicant's role (「就是市政府作为牵头单位」)."""
    kind, of_itself = _kind(text, None)
    return kind is not None and (of_itself or any(w in text for w in LEXICON.asking_to_apply.applicant_roles))


def _kind(text: str, program: Program | None) -> tuple[str | None, bool]:
    """The applicant's kind (and whether they said it of themselves): what they say of themselves,
    else the program's words, else the first such word."""
    if asked := _asked_of_another(text):
        return asked, True
    if helped := _helped(text):
        return helped, True
    first_any: str | None = None
    intermediary: tuple[str, bool] | None = None  # 「我们事务所」: the applicant only if none other
    # 「那园区呢？」「那我们下面的区呢？区里是…」: a follow-up clause names the applicant asked about
    # (after a reply to us or a condition: 「明白。如果市里今年不报，那我们下面的区呢？」)
    switched = _switching_clause(text)
    for m in _KINDS.finditer(text):
        kind = _kind_named(m)
        if m.group() in _KIND_WORDS.intermediaries:  # 「要问代理机构」: one the applicant asks
            before = text[: m.start()]
            said = _said_of_self(before)
            for_a_client = any(w in text for w in _KIND_WORDS.client_words)
            # 「我们是一家知识产权代理机构，…我们机构自己能不能报」: it names itself and asks of itself
            # (a client named, it asks of itself only with 自己: 「…客户…，想问它能不能报」 asks of the client)
            of_itself = not for_a_client or _ASKS_OF_ITSELF.search(text) is not None
            if (
                said
                and _BEING_BEFORE.search(before)
                and of_itself
                and not before.endswith(_KIND_WORDS.not_self_verbs)
            ):
                return m.group(), True
            if before.endswith(_KIND_WORDS.not_self_verbs) or for_a_client:
                continue
            intermediary = intermediary or (m.group(), said)
            continue
        body = _HEAD_BODY.match(text, m.end())
        being = _BEING_BEFORE.search(text[: m.start()]) is not None
        head = _HEAD_KIND.match(text, m.end()) if being else None
        if being and kind not in ("none", None) and (unit := _UNADMITTED_HEAD().match(text, m.end())):
            kind = unit.group(1)  # 「我们是市知识产权保护中心」: a body no program admits
        elif body and kind not in ("none", None):
            kind = body.group(1)  # 「市知识产权保护协会」: the body named last is the applicant
        elif head and kind not in ("none", None) and (named := _KINDS.fullmatch(head.group(1))):
            # 「苏州工业园区的半导体设备企业」: the kind of the noun the phrase ends in
            kind = _kind_named(named) or kind
        elif kind == "other":
            kind = m.group()  # a kind no program admits (协会, 个人, 镇政府): named by its word
        if kind in (None, "none") or _in_body_pair(text, m):
            continue
        if kind == "city" and _CITY_OF_DISTRICT.match(text[m.end() :]):
            continue  # 「南京市江宁区」: the applicant is the district
        if kind == "city" and text[: m.start()].endswith(LEXICON.jiangsu_county_cities):
            kind = "county"  # 「我们是江阴市」: a county-level city by name
        if kind == "city" and _UNDER.search(text[max(0, m.start() - 8) : m.start()]):
            kind = "county"  # 「那我们下面的邳州市呢」: a 市 under the applicant's city is a county-level one
        switching = switched[0] <= m.start() < switched[1]
        if switching and _LOCATES.match(text, m.end()):
            continue  # 「那我们学校所在的高新区呢」: the body named after it is the one asked
        if switching and _WITHIN.match(text, m.end()) and _KINDS.search(text, m.end(), switched[1]):
            continue  # 「那我们区里的国家级经开区呢」: the body within it is the one asked
        if _PARENT.search(text[max(0, m.start() - 8) : m.start()]) and not switching:
            continue  # 「我们所在的市」: the applicant's parent, not the applicant
        if text[max(0, m.start() - 4) : m.start()].endswith(LEXICON.fact_cues.yet_another):
            continue  # 「另一个市里的科技项目」「别的园区」: yet another body
        acted_on = text[: m.start()].endswith("是") and _ACTS_ON.match(text, m.end())  # 「…是市里确定的」
        if _AGENT.search(text[max(0, m.start() - 6) : m.start()]) or acted_on:
            continue  # 「我们被市里确定为…」「我们是市里确定的…地区」: the body that acts on the applicant
        reflexive = text.startswith(_KIND_WORDS.reflexives, m.end())  # 「企业自己作为申报主体」
        switching = switching or bool(_BY_INSTEAD.search(text[: m.start()]))  # 「那改由县政府申报呢」
        # 「县政府能不能报…运营中心」「县政府想报…」
        applying = bool(_APPLYING_NEXT.match(text, m.end()) or _WISHING_NEXT.match(text, m.end()))
        # 「以市政府的名义申报」: the capacity one applies in
        applying = applying or (
            text[: m.start()].endswith("以") and _IN_CAPACITY.match(text, m.end()) is not None
        )
        if m.lastgroup == "self" or _said_of_self(text[: m.start()]) or switching or reflexive or applying:
            if kind == "city" and not switching and (lower := _lower_level_of_self(text, m.end())):
                return lower, True  # 「我们市去年已承担…我们园区还能报吗」: the park speaks of its city
            return kind, True
        # a body no program admits that the applicant asks or works with (「要问代理机构」) is another
        another = kind not in KIND_NAMES and text[: m.start()].endswith(_KIND_WORDS.not_self_verbs)
        if not another:
            first_any = first_any or kind
    bureau = _own_bureau(text)  # 「我是市知识产权局的，…打算拿山羊报」: asking for its own city
    if bureau is not None and (program is None or bureau in {t.id for t in program.types}):
        return bureau, True
    if program is not None:
        for atype in program.types:
            if any(_named_not_as_partner(text, word) for word in atype.keywords):
                return atype.id, False
    return (first_any, False) if first_any or not intermediary else intermediary


def _named_not_as_partner(text: str, word: str) -> bool:
    """The word stands in the text once at least not right after a partner's marker (「和企业
    建立产学研合作」 names whom a university works with, not the applicant)."""
    return any(
        not text[: found.start()].endswith(_KIND_WORDS.partner_markers)
        for found in re.finditer(re.escape(word), text)
    )


def _own_bureau(text: str) -> str | None:
    """The level of the office the asker says it is from (「我是市知识产权局的」「区局这边」), when
    it names no applicant of its own: the city or county it works for is the one asking."""
    found = _OWN_BUREAU.search(text)
    return None if found is None else ("city" if found.group(1) == "市" else "county")


# 「我是市局的」「我们是区知识产权局」「县局这边」, at the start of a clause
_OWN_BUREAU = re.compile(
    r"(?:^|[，,。；;！!？?\s])(?:我是|我们是|我们)?([市县区])(?:知识产权|市场监管)?局(?:的|这边|这里)"
)


# 「我们市、县都没承担过」「市县两级都…」: two kinds of body said of together are the applicant's
# surroundings, never the one applicant
_PAIR_JOINS = "(?:、|和|与|及|跟|/)?"
_ALL_AFTER_PAIR = re.compile(f"{_PAIR_JOINS}(?:两级)?(?:{either(LEXICON.fact_cues.all_of)})")


def _in_body_pair(text: str, m: re.Match[str]) -> bool:
    """The kind word `m` is one of two kinds named side by side and then summed up by 都/均
    (「我们市里和县里都没有承担过」「我们市和所在区都没有」: each perhaps with its 里 or 所在)."""
    end = _tail_end(text, m)
    second = _PAIR_JOIN.match(text, end).end()
    after = _KINDS.match(text, second)
    if after and _kind_named(after) in KIND_NAMES and _ALL_AFTER_PAIR.match(text, _tail_end(text, after)):
        return True
    before = [
        b
        for b in _KINDS.finditer(text, max(0, m.start() - 8), m.start())
        if _PAIR_JOIN.match(text, _tail_end(text, b)).end() == m.start()
    ]
    return (
        bool(before)
        and _kind_named(before[-1]) in KIND_NAMES
        and _ALL_AFTER_PAIR.match(text, end) is not None
    )


# The applicant asking of itself with a reflexive (「我们机构自己能不能报」)
# 「我们机构自己能不能报」「能帮客户以我们名义报…吗」: the intermediary asks of itself
_ASKS_OF_ITSELF = re.compile(
    f"(?:{either(_KIND_WORDS.pronouns)})[^，,。；;？?！!]{{0,4}}(?:{either(_KIND_WORDS.reflexives)})"
    f"|(?:以|用)(?:{either(_KIND_WORDS.pronouns + _KIND_WORDS.reflexives)})(?:自己)?的?名义"
)
_BODY_TAIL = re.compile(r"(?:里|这边|那边)?")
_PAIR_JOIN = re.compile(r"(?:、|和|与|及|跟|/)?(?:所在的?|所属的?)?")


def _tail_end(text: str, m: re.Match[str]) -> int:
    return _BODY_TAIL.match(text, m.end()).end()


# After a body's word, the capacity one applies in (「以市政府的名义申报」): the body is the applicant
_IN_CAPACITY = re.compile(r"(?:政府|人民政府|管委会)?的?(?:名义|身份)")


_OBJECT_OF_BA = re.compile(r"[把将][^，,。；;？?！!]{0,16}$")


def _asked_of_another(text: str) -> str | None:
    """「如果我们市已经在做这个项目，下面的区还能申请吗」: a body of an admitted kind that is the
    subject of the last apply question, after the applicant named itself as another kind, is the
    applicant asked about."""
    # (a body no program admits too: 「我们是某县下面的一个镇，镇政府想牵头申报…」)
    found = [m for m in _KINDS.finditer(text) if _kind_named(m) in (*KIND_NAMES, "other")]
    own = [m for m in found if m.lastgroup == "self" or _said_of_self(text[: m.start()])]
    # (not the object of 把/将: 「把县里几个…的企业整合起来报」 names what the applicant gathers)
    applying = [
        m
        for m in found
        if _APPLYING_NEXT.match(text, m.end())
        and m not in own
        and not _OBJECT_OF_BA.search(text[: m.start()])
    ]
    if not applying or _AGENT.search(text[max(0, applying[-1].start() - 6) : applying[-1].start()]):
        return None
    asked = _kind_named(applying[-1])
    asked = applying[-1].group() if asked == "other" else asked  # named by its own word, as in _kind
    selves = {_kind_named(m) for m in own if m.start() < applying[-1].start()}
    return asked if selves and asked not in selves else None


def _helped(text: str) -> str | None:
    """「我是区局的，帮辖区一家做纺织的企业问一下」「市局这边帮一家企业咨询」: the body someone asks
    for (帮/替/代 it, then asks) is the applicant, not the asker's own office."""
    for m in _KINDS.finditer(text):
        kind = _kind_named(m)
        if kind in KIND_NAMES and _HELPING.search(text[: m.start()]) and _ASKING_AFTER.match(text, m.end()):
            return kind
    return None


# 帮/替/代 (not 代理, 代表) a few words before the body, in its clause; an asking verb right after it
_HELPING = re.compile(r"(?:帮|替|代(?!理|表|管))忙?[^，,。；;？?！!帮替]{0,12}$")
_ASKING_AFTER = re.compile(r"[^，,。；;？?！!]{0,4}?(?:问|咨询|了解|看看|打听)")


def _kind_named(m: re.Match[str]) -> str | None:
    """The kind a match of _KINDS names: a self name's (我县: county), else its group's."""
    return _SELF_KIND[m.group()] if m.lastgroup == "self" else m.lastgroup


def _lower_level_of_self(text: str, after: int) -> str | None:
    """A county or a park the applicant calls itself later in the text (「我们园区」「我们县」),
    or a title only a county holds that it says it has (「国家强县工程示范县，…我们市没承担过」),
    whose own city its 「我们市」 named."""
    for m in _KINDS.finditer(text, after):
        kind = _kind_named(m)
        if kind in ("county", "park") and (m.lastgroup == "self" or _said_of_self(text[: m.start()])):
            return kind
    for m in _COUNTY_TITLE().finditer(text):
        lead = text[max(0, m.start() - 8) : m.start()]
        clause_lead = re.split(r"[，,。；;！!？?]", lead)[-1]
        if cues("other_bodies", clause_lead) or cues("negations", clause_lead + m.group()):
            continue  # 「隔壁县是示范县」「我们不是示范县」
        if not _COUNTED.search(clause_lead):  # (not 「我们市有3个示范县」)
            return "county"
    return None


_COUNTED = re.compile(r"[有\d几两三四五六七八九十]|下辖|下面|所辖")


@cache
def _COUNTY_TITLE() -> re.Pattern[str]:
    return re.compile(either(LEXICON.applicant_kinds.county_titles))


KIND_NAMES = {
    "city": "设区市",
    "county": "县（市、区）",
    "park": "园区",
    "enterprise": "企业",
    "research": "高校院所",
}


def kind_name(kind: str) -> str:
    """How a kind is named to people (a kind no program admits is named by its own word)."""
    return KIND_NAMES.get(kind, kind)


def resolve_type(program: Program | None, kind: str | None) -> str | None:
    if program is None:
        return None
    ids = [t.id for t in program.types]
    if kind in ids:
        return kind
    return ids[0] if len(ids) == 1 and kind is None else None  # a kind said that is not admitted stays so
