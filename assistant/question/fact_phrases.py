"""Finding the phrases of facts in one clause of text, and the cues around them.

A clause is the text between two commas (or stops). A fact's phrase is one of its synonyms in
the rules data (「…」 in a synonym stands for up to ten characters). The cues of a phrase are
looked for in its clause with every fact phrase masked (so that 「计划项目」 is no plan and
「非正常专利申请」 no negation): negations before it back to the previous phrase (shared by
phrases joined with 和/与/、), negations and shortfalls after it up to the next phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..eligibility.rules import CHOICE, YES_NO, FactSpec, FactValue, Interval
from .lexicon import A_NOT_A, GAP, INDEFINITE_WHICH, LEXICON, either, gapped
from .numbers import calendar_year, find_numbers, to_fact_unit

# Between two joined phrases: a joiner, after a noun that may close the first phrase
_JOIN = re.compile(
    r"^\s*(?:{})?\s*(?:{})\s*$".format(
        "|".join(map(re.escape, LEXICON.fact_cues.phrase_tails)),
        "|".join(sorted(map(re.escape, LEXICON.fact_cues.joiners), key=len, reverse=True)),
    )
)
# (a year the next phrase is of may come first: 「快维中心和22年真抓实干都没有」)
_JOIN_MODIFIED = re.compile(
    rf"^\s*(?:{either(LEXICON.fact_cues.list_joiners)})\s*(?P<year>(?:19|20)?\d{{2}}\s*年度?)?"
    r"\s*(?P<word>[\u4e00-\u9fff]{1,3})?$"
)
# an aside (「（含学术不端）」), or its end after a phrase inside it
_ASIDE = re.compile(r"[（(][^（）()]*[）)]|^[^（）()]*[）)]")
_CONTRAST = re.compile(r"但是|但|不过|可是|而是|却")
_ZERO = re.compile(r"(?<!不是)(?<!并非)(?<!不)(没有|无|尚无|暂无|零)[^，。]{0,2}$")  # not 「不是没有」
_NONE_AT_ALL = re.compile(r"^\s*(?:都|也)(?:没有|没|无|不)")
_DECADE = re.compile(r"[零〇一二两三四五六七八九]几年")
_COUNT_LEAD = re.compile(r"^(?:有|共|约|是|为|:|达|总共|一共)?\s*$")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)(?!\s*[万亿元件个人家名项%余多千百])")  # not 「2000万」
# 「22年度」「23年撤回率」「19年以后」: a two-digit year; not 「22年了」「十几年」 (a number of years)
_SHORT_YEAR = re.compile(r"(?<![\d.])([12]\d)(?:年度|年(?=[以之]后)|年(?![了多以左前来之内间半]))")
# Look-alikes of asking words: 那么, and 什么/啥 after a denial, where they mean 「any」
# (「没出过什么质量…事故」「也没啥失信」)
# words holding a question word that ask nothing: 「这么」, 「什么」 after a denial (any), 「什么的」 (etc.)
# 「没出过什么事故」「没有获得过什么科学技术奖」: 什么 after a negation is 'any', no question
# 「没什么问题」「没有哪个学院…」: a question word after a negation asks nothing
_ASKING_WORDS = re.compile(
    r"那么|这么|多么|要么|什么的|啥的|(?<=没|无)[^，,。；;？?]{0,4}?"
    rf"(?:什么|啥|{either(LEXICON.fact_cues.any_one)})|{INDEFINITE_WHICH}"
)
MASK = "□"
_SUBJECT_GAP = 4  # characters (「没有」「都已经」) between a fact's phrase and its next one that say of it
_NEAR = 2  # characters (「》」「的」) between two phrases of one fact that make them one
AFTER_SPAN = 8  # characters after a phrase that can say it falls short or is negated
CLAUSE_END = 6  # the last characters of a clause: its predicate (「…试点也都不是」), however far
NUMBER_SPAN = 16  # characters after a phrase in which its figure is looked for


@dataclass(frozen=True)
class Match:
    spec: FactSpec
    start: int
    end: int
    synonym: str
    negative: bool = False  # matched a negative synonym: the fact is false / the option is not chosen
    option: str | None = None

    @property
    def contiguous(self) -> bool:
        return GAP not in self.synonym


# the gap of a cue word written with 「…」 (「已向…申请」 holds 「已向国家局申请」): a few characters
_CUE_GAP = r"[^，。；,;！!？?并和及且又还而]{0,6}?"  # 「正在运行并申请扩建」: a verb of its own first


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words as one pattern; a word ending in a numeral is not part of a larger number
    (「第二」 is not 「第二十名」, 「前五」 not 「前五十」)."""
    ends_in_numeral = "零〇一二两三四五六七八九十"
    alternatives = [
        gapped(w, _CUE_GAP)
        + (r"(?![零〇一二两三四五六七八九十百千\d])" if w[-1] in ends_in_numeral else "")
        + (_NOT_A_NOUN_PREFIX if w in LEXICON.fact_cues.noun_prefixes else "")
        for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile("|".join(alternatives))


# 「低」「高」 end a predicate (「撤回率低」「比全省低不少」「偏高了点」) or name a level (「处于低水平」),
# not a noun they open (「低功耗芯片」「高功率激光器」)
_NOT_A_NOUN_PREFIX = (
    r"(?:(?![\u4e00-\u9fff])|(?=[了的些点一不得啊呀吧呢很太多出过嘛也还且又而于])"
    rf"|(?=(?:{'|'.join(LEXICON.fact_cues.level_nouns)})))"
)


def alternatives_named(alternatives: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The alternatives of an 「A或B」 fact (FactSpec.either, each 「词|词」) whose words the text holds."""
    return tuple(alt for alt in alternatives if any(word in text for word in alt.split("|")))


def cues(kind: str, text: str) -> list[str]:
    """The cue words of a kind (negations, doubts, under_way …) found in a masked text."""
    return _alternation(getattr(LEXICON.fact_cues, kind)).findall(text)


def cue_spans(kind: str, text: str) -> list[re.Match[str]]:
    """Where the cue words of a kind stand in a masked text."""
    return list(_alternation(getattr(LEXICON.fact_cues, kind)).finditer(text))


def says_never(text: str) -> bool:
    """The text denies a thing at any time (lexicon: never; 「没…过」 up to four characters apart)."""
    return bool(_NEVER().search(text))


@cache
def _NEVER() -> re.Pattern[str]:
    return re.compile("|".join(gapped(w, r"[^，。；]{0,4}") for w in LEXICON.fact_cues.never))


def without(kind: str, text: str) -> str:
    """The text with the cue words of a kind taken out."""
    return _alternation(getattr(LEXICON.fact_cues, kind)).sub("", text)


def affirmed(kind: str, text: str) -> list[str]:
    """Cue words of a kind that no negation right before them denies (「没有在申报」「不打算」
    deny the cue: the negation is then read as any other)."""
    return [m.group() for m in affirmed_spans(kind, text)]


def affirmed_spans(kind: str, text: str) -> list[re.Match[str]]:
    """Where the cue words of a kind stand that no negation right before them denies."""
    return [m for m, negated in _cues_negated(kind, text) if not negated]


def denied(kind: str, text: str) -> list[str]:
    """Cue words of a kind with a negation right before them (「还没验收」「尾款还没拨」)."""
    return [m.group() for m, negated in _cues_negated(kind, text) if negated]


def _cues_negated(kind: str, text: str) -> list[tuple[re.Match[str], bool]]:
    """Each cue word of a kind, and whether a negation stands right before it; a negation
    itself negated right before it is none (「没有未验收的」「不是没验收」: double negation)."""
    found = _alternation(getattr(LEXICON.fact_cues, kind)).finditer(text)
    return [(m, _negated_before(text, m.start())) for m in found]


def _negated_before(text: str, end: int) -> bool:
    negation = _alternation(LEXICON.fact_cues.negations)
    start = max(0, end - _NEAR)
    near = negation.search(text, start, end)
    if near is None:
        return False
    return not negation.search(text, max(0, near.start() - _NEAR), near.start())


def negated_in_parallel(lead: str) -> bool:
    """「既不是…」「不是…」: the phrase is negated before it (with 既 or right before it), so a 也
    negation after it is the next item's (「不是示范县也不是试点县」)."""
    return bool(_PARALLEL().search(lead.replace(MASK, "")))


@cache
def _PARALLEL() -> re.Pattern[str]:
    negation = _alternation(LEXICON.fact_cues.negations).pattern
    return re.compile(f"既(?:{negation})|(?:{negation})$")


@lru_cache(maxsize=4096)
def _compile(synonym: str) -> re.Pattern[str]:
    return re.compile(gapped(synonym), re.IGNORECASE)


@cache
def _phrases(spec: FactSpec) -> tuple[tuple[str, tuple[str, ...], bool, str | None], ...]:
    """(synonym, its literal parts, negative, option) for each phrase of a fact."""
    phrases = [(s, False, None) for s in spec.synonyms]
    phrases += [(s, True, None) for s in spec.negative_synonyms]
    phrases += [(s, False, None) for s in spec.prerequisites]
    phrases += [(s, False, o.value) for o in spec.options for s in o.synonyms]
    return tuple(
        (s, tuple(p for p in s.split(GAP) if p), negative, option) for s, negative, option in phrases
    )


class PhraseIndex:
    """Every phrase of a set of facts, with one pass over a clause to find the words present
    (most phrases are in no clause: only those whose words are all present are matched). The
    pass is an Aho-Corasick automaton (pyahocorasick): one walk over the text finds every word,
    where a regular expression of 800 alternatives tried each at every character."""

    def __init__(self, specs: Sequence[FactSpec]) -> None:
        import ahocorasick

        self.entries = [(spec, *phrase) for spec in specs for phrase in _phrases(spec)]
        self.by_first: dict[str, list] = {}
        for entry in self.entries:
            self.by_first.setdefault(entry[2][0], []).append(entry)
        self.words = ahocorasick.Automaton()
        for word in {part for entry in self.entries for part in entry[2]}:
            self.words.add_word(word, (len(word), word))
        self.words.make_automaton()

    def present(self, segment: str) -> dict[str, None]:
        """The phrase words in a clause, in the order they start (of two starting together, the
        longer first). Ordered, so that readings never depend on hash order."""
        found = sorted((end - length, -length, word) for end, (length, word) in self.words.iter(segment))
        return dict.fromkeys(word for _, _, word in found)

    def candidates(self, segment: str) -> Iterator[tuple[FactSpec, str, bool, str | None]]:
        present = self.present(segment)
        for word in present:
            for spec, synonym, parts, negative, option in self.by_first.get(word, ()):
                if all(part in present for part in parts):
                    yield spec, synonym, negative, option


_INDEXES: dict[int, tuple[Sequence[FactSpec], PhraseIndex]] = {}


def phrase_index(specs: Sequence[FactSpec]) -> PhraseIndex:
    """The index of a set of facts, built once (keyed by the set's identity)."""
    held = _INDEXES.get(id(specs))
    if held is None or held[0] is not specs:
        held = _INDEXES[id(specs)] = (specs, PhraseIndex(specs))
    return held[1]


def find_matches(segment: str, specs: Sequence[FactSpec]) -> list[Match]:
    """Phrase matches in a clause, left to right; a match inside a longer unbroken phrase is
    dropped, and overlapping matches of one fact become one."""
    found: list[Match] = []
    for spec, synonym, negative, option in phrase_index(specs).candidates(segment):
        for m in _compile(synonym).finditer(segment):
            if spec.about_others and cues("yet_another", _gaps(m.group(), synonym)):
                continue  # 「市里另一个县承担过」: the gap names the body that did it, not 市里
            if negative and _compared_in_gap(m.group(), synonym):
                continue  # 「撤回率比全省均值高了差不多三个百分点」: 差不多 is the margin, not 持平
            found.append(Match(spec, m.start(), m.end(), synonym, negative, option))
    found = [m for m in found if not _had_not_been(segment, m) and not _reaches_past_item(segment, m, found)]
    dated = bool(years_in(segment))
    kept = [
        m
        for m in found
        if not any(_covers(other, m, dated) or _modifies(m, other) or _cut_short(m, other) for other in found)
    ]
    kept = [m for m in kept if not _argument(segment, m, kept)]
    kept.sort(key=lambda m: (m.start, -(m.end - m.start)))
    merged: list[Match] = []
    for m in kept:
        # 「纳入园区财政预算的知识产权资金」: a phrase of the fact before 的 and another of it is one
        same = next(
            (x for x in merged if x.spec.key == m.spec.key and m.start <= _joined_end(segment, x)), None
        )
        if same is None:
            merged.append(m)
        elif m.end > same.end and same.option == m.option and same.negative == m.negative:
            # what lies between stays readable; 「…的…」 marks a thing described (a noun phrase)
            between = f"{GAP}的{GAP}" if m.start == same.end + 1 else GAP
            joined = f"{same.synonym}{between}{m.synonym}"
            merged[merged.index(same)] = Match(m.spec, same.start, m.end, joined, same.negative, same.option)
    return [m for i, m in enumerate(merged) if not _subject_of_next(segment, m, merged[i + 1 :])]


def _reaches_past_item(segment: str, match: Match, found: list[Match]) -> bool:
    """A gapped phrase that begins inside another fact's phrase and reaches across an 、 to the
    words of another phrase of its own fact in the next item (「独立知识产权部3人、IP费用占研发6%」:
    知识产权…占研发 began in 知识产权部); not one that spans a list of its own fact's words
    (「通过转让、许可、作价入股转化专利」)."""
    cut = segment.rfind("、", match.start, match.end)
    return (
        GAP in match.synonym
        and cut >= 0
        and any(o.spec.key != match.spec.key and o.start <= match.start < o.end for o in found)
        and any(o.spec.key == match.spec.key and cut < o.start and o.end <= match.end for o in found)
    )


def _had_not_been(segment: str, match: Match) -> bool:
    """A phrase of what the applicant is, or where, that names a thing it has (「在苏州有研究院」
    said by a university: 研究院 is no kind of it, 苏州 no place of it)."""
    before, after = segment[: match.start], segment[match.end :].lstrip("了")
    # (「挂靠在高校下面」「依托南京大学建设」: the body it hangs under)
    hung_under = _PARENT_BEFORE.search(before) is not None or after.startswith(_PARENT_AFTER)
    if (
        match.spec.type == CHOICE
        and match.spec.named_in_question
        and (before.endswith(_HAVING_VERBS) or hung_under)
    ):
        return True
    return match.spec.type == YES_NO and before.endswith("在") and after.startswith(_HAVING_VERBS)


_HAVING_VERBS = tuple(LEXICON.fact_cues.having_verbs)
# Words after a phrase that say it falls short of what it names, or is middling (「低于」「一般」)
SHORTFALLS = frozenset((*LEXICON.fact_cues.falling_short, *LEXICON.fact_cues.middling))
# (its name may come between: 「依托南京大学」)
_PARENT_BEFORE = re.compile(f"(?:{either(LEXICON.fact_cues.parent_before)})[\u4e00-\u9fff]{{0,4}}$")
_PARENT_AFTER = tuple(LEXICON.fact_cues.parent_after)


def describes(match: Match) -> bool:
    """The phrase is a thing described by another phrase of its fact (「纳入园区财政预算的
    知识产权资金」): a noun phrase, which says nothing by itself of whether it holds."""
    return f"{GAP}的{GAP}" in match.synonym


def _joined_end(segment: str, match: Match) -> int:
    """Where a phrase ends for the next phrase of its fact: past a 的 that joins them."""
    return match.end + 1 if segment.startswith("的", match.end) else match.end


def _subject_of_next(segment: str, match: Match, after: list[Match]) -> bool:
    """「但知识产权资金没有纳入…预算」: a phrase that the same fact's next phrase follows closely,
    with a negation between and none before, is its subject; the next one says what holds."""
    nearest = next((n for n in after if n.spec.key == match.spec.key), None)
    if nearest is None or not 0 < nearest.start - match.end <= _SUBJECT_GAP:
        return False
    between, before = segment[match.end : nearest.start], mask_look_alikes(segment[: match.start])
    return bool(cues("negations", mask_look_alikes(between))) and not cues("negations", before)


def _gaps(matched: str, synonym: str) -> str:
    """What a gapped phrase's 「…」 stood for in the matched text (「另一个县」 of 「市里…承担」)."""
    parts, gaps, at = [p for p in synonym.split(GAP) if p], [], 0
    for part in parts:
        found = matched.lower().find(part.lower(), at)
        gaps.append(matched[at:found] if found > at else "")
        at = found + len(part)
    return " ".join(gaps[1:])


def _compared_in_gap(matched: str, synonym: str) -> bool:
    """A negative phrase of a measure (「撤回率…差不多」) whose gap already compares it (高了,
    低于): the words after the gap tell the margin, not that the measure is level."""
    gap = _gaps(matched, synonym) if GAP in synonym else ""
    return bool(cues("exceeding", gap) or cues("falling_short", gap))


# 经 of 已经/曾经 is an adverb (「已经贯标」), not 「经…认定」; 向 of 方向/面向/导向 ends a noun
# (「集成电路方向有效发明专利61件」), not 「向…申请」
_PREPOSITION = re.compile(
    r"(?:被|由|(?<![已曾])经|(?<![方面导走去转倾意取动])向|(?<=[没未不还已在要会将])(?:和|与|跟|同))"
    r"(?:国家|省|市|县)?级?$"
)


def _argument(segment: str, match: Match, kept: list[Match]) -> bool:
    """「从未被国家知识产权局通报过」「还没和高校建立」: a phrase after a preposition is an agent
    or a partner, not a statement about the applicant (和/与 after an adverb is a preposition;
    between two phrases it joins them)."""
    lead = segment[max(0, match.start - 4) : match.start]
    found = _PREPOSITION.search(lead)
    if found is None:
        return False
    at = match.start - (len(lead) - found.start())
    return not any(m.end == at for m in kept)


# 批量 (「小批量出货」) is a manner, not a measure
_MEASURE = re.compile(r"(?:率|(?<!批)量|额|数|比例|占比|人数|金额|总数|名次|排名)$")


def is_measure(match: Match) -> bool:
    """The phrase names a measure (撤回率, 比例, 销售额): by itself it says neither yes nor no."""
    return bool(_MEASURE.search(match.synonym.split(GAP)[-1]))


def names_measure(match: Match) -> bool:
    """Some part of the phrase names a measure (「撤回率…差不多」): a figure after it is its value."""
    return any(_MEASURE.search(part) for part in match.synonym.split(GAP))


def _modifies(first: Match, then: Match) -> bool:
    """「非正常专利申请撤回率」: a phrase right before another fact's measure (率, 量, 额 …)
    only says what is measured."""
    return first.end == then.start and first.spec.key != then.spec.key and bool(_MEASURE.search(then.synonym))


def _covers(big: Match, small: Match, dated: bool = False) -> bool:
    """A longer unbroken phrase hides a shorter one inside it, except that in a clause naming a
    year an event's phrase also dates it: 「2011年获批地理标志」 says it was approved, and when."""
    if dated and small.spec.since_year and big.spec.key != small.spec.key:
        return False
    longer = (big.end - big.start) > (small.end - small.start)
    return big.contiguous and longer and big.start <= small.start and small.end <= big.end


def _cut_short(negative: Match, phrase: Match) -> bool:
    """A negative phrase that ends inside a longer one going on past it (「不是地理标志」 in 「也不
    是地理标志产品保护示范区」): its words are the start of that thing's name, whose negation it
    is; the longer phrase is read, with the negation before it."""
    return (
        negative.negative
        and phrase.contiguous
        and negative.start < phrase.start < negative.end < phrase.end
        and phrase.spec.key != negative.spec.key
    )


def masked(segment: str, matches: list[Match]) -> str:
    """The clause with every fact phrase and every look-alike of a negation (无锡) masked."""
    # 「给不给经费」: the 不 of an A-not-A question asks, though the phrase 「给经费」 hides its second 给
    chars = list(_a_not_a_asked(segment) if "不" in segment or "没" in segment else segment)
    for m in matches:
        for i in _literal_positions(segment, m):  # a gap's own words (「还没有」 in 「市里还没有承担」) stay
            chars[i] = MASK
    return mask_look_alikes("".join(chars))


def _literal_positions(segment: str, m: Match) -> Iterable[int]:
    """Where the phrase's own words stand: all of it, or its pieces around each gap (a gap's
    word that shares a character with them, 「检查好像是良好」, is the gap's)."""
    pieces = m.synonym.split(GAP)
    if m.contiguous or len(pieces) == 1:
        return range(m.start, m.end)
    positions: list[int] = []
    at = m.start
    for number, piece in enumerate(pieces):
        found = m.end - len(piece) if number == len(pieces) - 1 else segment.find(piece, at, m.end)
        if found < at or segment[found : found + len(piece)] != piece:
            literal = set("".join(pieces))  # (a phrase read loosely: every character of its words)
            return [i for i in range(m.start, m.end) if segment[i] in literal]
        positions += range(found, found + len(piece))
        at = found + len(piece)
    return positions


def _joined(text: str, left: Match, right: Match) -> bool:
    """Two phrases joined by 和/与/、 (not merely side by side), or two phrases of one fact a
    character or two apart (「无失信无学术不端」「规范》贯标」): one negation serves both."""
    # an aside between two listed things (「严重失信（含学术不端）和非正常申请」) is no part of the list
    between = _ASIDE.sub("", text[left.end : right.start])
    if left.spec.key == right.spec.key and len(between) <= _NEAR:
        # 「无失信无学术不端」 repeats the negation; 「资金没有纳入预算」 says it between
        said_before = cues("negations", text[max(0, left.start - _NEAR) : left.start])
        return not cues("negations", between) or bool(said_before)
    if bool(between) and bool(_JOIN.match(between)):
        return True
    # a joiner, then a word of the next phrase's own (「没承担过省高价值和企业战略推进计划项目」)
    modified = _JOIN_MODIFIED.match(between)
    if not modified or not (modified["year"] or modified["word"]):
        return False
    word = modified["word"] or ""
    return not cues("negations", word) and not affirmed("yes_words", word)


def chain(segment: str, matches: list[Match], index: int) -> tuple[int, int]:
    """The first and last index of the phrases joined with `index` by 和/与/、 (phrases of other
    facts on the same words are passed over)."""
    first = last = index
    while (left := neighbour(matches, first, -1)) is not None and _linked(segment, matches, left, first):
        first = left
    while (right := neighbour(matches, last, 1)) is not None and _linked(segment, matches, last, right):
        last = right
    return first, last


def _linked(segment: str, matches: list[Match], left: int, right: int) -> bool:
    return _joined(segment, matches[left], matches[right]) or _side_by_side(segment, matches, left, right)


def _side_by_side(segment: str, matches: list[Match], left: int, right: int) -> bool:
    """Two yes/no things named side by side with nothing between, in a run that one negation
    before it or one 「都」 after it bears on (「没有事故失信」「事故失信都没有」); not a name that
    holds another's words (「江苏省知识产权建设示范园区也不是」) nor a thing and its verb."""
    if not _close_by(segment, matches[left], matches[right]):
        return False
    if matches[left].spec.type != YES_NO or matches[right].spec.type != YES_NO:
        return False
    first, last = left, right
    while first > 0 and _close_by(segment, matches[first - 1], matches[first]):
        first -= 1
    while last + 1 < len(matches) and _close_by(segment, matches[last], matches[last + 1]):
        last += 1
    negated_before = _NEGATION_AT_END().search(mask_look_alikes(segment[: matches[first].start]))
    return negated_before is not None or _EVERY_ONE.match(segment[matches[last].end :]) is not None


_MODIFIER = re.compile(r"[\u4e00-\u9fff]{1,2}")


def _close_by(segment: str, left: Match, right: Match) -> bool:
    """Nothing between two phrases, or only a noun that closes the first (「失信记录」) or a
    short modifier of the next (「事故严重失信」) that says nothing of its own."""
    between = segment[left.end : right.start]
    if not between or between in LEXICON.fact_cues.phrase_tails:
        return left.end <= right.start
    said = cues("negations", between) or cues("yes_words", between) or cues("joiners", between)
    return _MODIFIER.fullmatch(between) is not None and not said


@cache
def _NEGATION_AT_END() -> re.Pattern[str]:
    """A negation ending the text (「没有」, 「没…过」's 没过 or 没有 before the run)."""
    return re.compile(f"(?:{_alternation(LEXICON.fact_cues.negations).pattern})[过有]?$")


# 「都」「均」, after a quantifier that says 「any one of them」 (「一个都没有」「哪样都不是」)
EVERY_ONE = r"(?:一[个样项条件次]|哪[个样项一]|任何一?[个样项]?)?(?:也都|都|均|全都|全部|全|一概)"
_EVERY_ONE = re.compile(rf"\s*{EVERY_ONE}")


def neighbour(matches: list[Match], index: int, step: int) -> int | None:
    """The nearest phrase before (step -1) or after (step 1) this one, not on the same words."""
    here = matches[index]
    i = index + step
    while 0 <= i < len(matches):
        other = matches[i]
        if (step > 0 and other.start >= here.end) or (step < 0 and other.end <= here.start):
            return i
        i += step
    return None


def before(text: str, matches: list[Match], index: int) -> str:
    """The masked text a phrase's (or its chain's) leading negations are read in. A phrase of
    the same fact before it is part of its words (「没有未验收的战略推进项目」: 没有 is the
    project's), and so is one in the manner of its verb (「没有以任何学院牵头承担过…」: 学院), so
    the lead reaches past them."""
    here = matches[index]
    earlier = (
        m.end
        for m in matches[:index]
        if m.end <= here.start
        and m.spec.key != here.spec.key
        and not _in_manner(text, m, here)
        and not _denied_subject(text, m, here)
    )
    start = max(earlier, default=0)
    return text[start : matches[index].start]


_MANNER = re.compile(r"(?:以|作为|由)[^，,。；;、]{0,4}$")  # 「以任何学院」「以学院名义」「作为牵头单位」
_MANNER_SPAN = 6  # the longest lead it matches: 作为 and four characters
# 「不是以学院名义牵头承担的，是以学校名义」: a denial of the manner, not of what was done
_MANNER_DENIED = re.compile(r"(?:不是|并非|而非)(?:以|作为|由)[^，,。；;、]{0,4}$")


def _in_manner(text: str, phrase: Match, here: Match) -> bool:
    """The phrase stands in a 以/作为… phrase right before the other one: how its verb is done."""
    between = text[phrase.end : here.start]
    return (
        between in ("", "名义", "的名义", "身份", "的身份")
        and _MANNER.search(text[max(0, phrase.start - _MANNER_SPAN) : phrase.start]) is not None
        and not _MANNER_DENIED.search(text[max(0, phrase.start - _MANNER_SPAN - 2) : phrase.start])
    )


def _denied_subject(text: str, phrase: Match, here: Match) -> bool:
    """The phrase is a body's kind right before the other one, its subject, after a negation
    (「没有任何学院牵头过…」「没有哪个学院…」): the negation denies what the subject did."""
    if phrase.spec.type != CHOICE or text[phrase.end : here.start].strip():
        return False
    return _SUBJECT_DENIED().search(text[: phrase.start]) is not None


# the negations that deny there is one (没有, 无, 未…), not those that deny what it is (不是)
THERE_IS_NONE = either(tuple(n for n in LEXICON.fact_cues.negations if any(c in n for c in "没无未")))


@cache
def _SUBJECT_DENIED() -> re.Pattern[str]:
    # (「不是学院牵头过…，是学校」 denies what it is: the school led it)
    return re.compile(f"(?:{THERE_IS_NONE})有?(?:{either(LEXICON.fact_cues.any_one)})?$")  # 尚未有


def inside(text: str, match: Match) -> str:
    """What a gap synonym skipped over (「市里还没有承担」→「还没有」), masked elsewhere."""
    return text[match.start : match.end]


def before_own_item(window: str) -> str:
    """The words up to an 、 item that opens with a negation and goes on with its verb
    (「、没牵头过」). Callers cut there only after a phrase whose own item already said its no
    (「无失信、没牵头过」): after a bare phrase the negation is its predicate (「重大事故、没出过」)."""
    own_item = _OWN_ITEM().search(window)
    return window[: own_item.start()] if own_item else window


@cache
def _OWN_ITEM() -> re.Pattern[str]:  # 「、没牵头过」: an 、, a negation, and a verb of its own
    negation = _alternation(LEXICON.fact_cues.negations).pattern
    return re.compile(f"、(?:{negation})+(?=[\u4e00-\u9fff]{{2}})")


def after(text: str, matches: list[Match], index: int) -> str:
    """The masked text after a phrase's chain, up to the next phrase or a contrast (但是…)."""
    stop = min((m.start for m in matches[index + 1 :] if m.start >= matches[index].end), default=len(text))
    window = text[matches[index].end : stop]
    negation = _alternation(LEXICON.fact_cues.negations).pattern
    if stop < len(text):  # a negation right before the next phrase is that phrase's
        window = re.sub(f"(?:{negation})+$", "", window)
        # so is the next item's, with its modifier (「无重大事故、无严重失信」)
        window = re.sub(f"、(?:{negation})[^、，,]{{0,4}}$", "", window)
    cut = _CONTRAST.search(window)
    return window[: cut.start()] if cut else window


def tail_cues(tail: str, parallel: bool = False) -> list[str]:
    """Negations and shortfalls after a phrase, each counted once (「不够」 is one, 「不低于」 two).
    A plain negation followed by another named thing (「失信无非正常」, 非正常 masked) is that
    thing's, not this phrase's; so is one after 也 when the phrase was negated with 既
    (`parallel`)."""
    words = (*LEXICON.fact_cues.negations, *SHORTFALLS)
    found: list[str] = []
    last_end = None  # where the last plain negation counted ended
    for cue in _alternation(tuple(sorted(set(words)))).finditer(tail):
        rest = tail[cue.end() :]
        # 「既不是示范县也不是试点县」: the 也 negation is the next item's, said in parallel
        next_item = parallel and tail[max(0, cue.start() - 1) : cue.start()] in ("也", "又", "亦")
        if cue.group() in SHORTFALLS:
            found.append(cue.group())
        elif MASK not in rest and not next_item:
            # 「没建、没申报」: negations listed side by side say no once; only a negation that
            # bears on another (「不是没有」) cancels it
            if last_end is None or not _listed(tail[last_end : cue.start()]):
                found.append(cue.group())
            last_end = cue.end()
    return found


_LISTED = re.compile("[、，,和与或也又及]")
# 「没建没报」: a verb of its own between two negations lists two denials; a modal between them
# (「不能不报」「不是不重视」) makes them one that bears on the other
_OWN_VERB = re.compile(r"[\u4e00-\u9fff]{1,3}")


def _listed(between: str) -> bool:
    """Two negations said side by side, each of its own (「没建、没申报」「没建没报」)."""
    own_verb = _OWN_VERB.fullmatch(between) is not None and between not in LEXICON.fact_cues.modals
    return bool(_LISTED.search(between)) or own_verb


def topic_only(tail: str) -> bool:
    """Nothing after a phrase but words that name a topic (「…的话」「…这块」)."""
    rest = tail.replace(MASK, "").strip()
    # (「产学研合作机制这块」: a few more words of the topic's name before a marker that ends it)
    for end in LEXICON.fact_cues.topic_ends:
        if rest.endswith(end) and len(rest) - len(end) <= _TOPIC_NAME and not cues("negations", rest):
            return True
    for marker in sorted(LEXICON.fact_cues.topic_markers, key=len, reverse=True):
        rest = rest.replace(marker, "")
    return not rest.strip()


_TOPIC_NAME = 6  # characters of a topic's name after its phrase (「合作机制」 of 产学研合作机制这块)


def doubtful(text: str) -> list[str]:
    """Hedges in a masked clause (好像, 不清楚, 可能); 「想问问…」「国家高新区这边问一下」「问下
    高价值专利升级项目」 ask us, they doubt nothing; 「得问一下财务」「要问问领导」 do."""
    text = _ASKS_US.sub(MASK, _alternation(LEXICON.fact_cues.not_doubts).sub(MASK, text))
    return cues("doubts", text)


def of_a_rule(segment: str, hedges: list[str]) -> bool:
    """A clause's hedges are of a rule, not of the applicant's fact: what was heard
    (「听说专利数量可以减半」) or what a rule grants (「小巨人好像不受这个限制」)."""
    return bool(cues("rule_effects", segment)) or all(h in LEXICON.fact_cues.hearsay for h in hedges)


_ASKS_US = re.compile(r"(?<![得要去再先还需])(?:问一下|问一问|问下|问问|请教一下|请教下|咨询一下|咨询下)")


def of_the_average(text: str) -> bool:
    """A masked clause about the average a measure is compared with, that compares nothing
    (「全省平均是多少我记不清」): its doubt or question is the average's, not the applicant's."""
    compared = cues("falling_short", text) or cues("exceeding", text)
    unknown = doubtful(text) or asking(text)
    # 「不知道跟全省平均比怎么样」 doubts the comparison itself, not the average's figure
    against = _AGAINST_AVERAGE().search(text)
    return bool(cues("averages", text)) and bool(unknown) and not compared and not against


@cache
def _AGAINST_AVERAGE() -> re.Pattern[str]:
    return re.compile(f"(?:跟|和|与|同|较|比)[^，,。]{{0,3}}(?:{either(LEXICON.fact_cues.averages)})")


def asking(text: str) -> list[str]:
    """Question cues in a masked clause (吗, 是否, 能不能; 什么 is no 么)."""
    return cues("questions", _ASKING_WORDS.sub(MASK, text))


@cache
def _LEFT_OUT_BODY() -> re.Pattern[str]:
    """A member or other body left out of a figure (「不含子公司」「不包括下属的分公司」)."""
    cue = LEXICON.fact_cues
    return re.compile(
        f"(?:{either(cue.left_out)})[^，,。；;（）()]{{0,4}}?(?:{either((*cue.member_bodies, *cue.other_bodies))})"
    )


def payment_settled(words: str) -> bool | None:
    """Whether the words of a last payment say it received (「尾款都结了」: True), outstanding
    (「尾款还挂着」「尾款还没拿到」「尾款拿了一半」: False), or an outstanding one denied (「尾款也没有挂着的」「无未拨
    尾款」: True); None when they say neither (「尾款还没到」: the clause is asked)."""
    words = mask_look_alikes(words)
    negations = cue_spans("negations", words)
    pending = cue_spans("payment_pending", words)
    if pending:  # a negation apart from the pending word (「未拨」 holds one) denies it
        apart = [
            n for n in negations if not any(n.start() < p.end() and p.start() < n.end() for p in pending)
        ]
        return bool(apart)
    if settled := cue_spans("payment_settled", words):
        partly = bool(cue_spans("payment_partial", words))  # 「尾款拿了一半」: the rest is not
        return not partly and not any(n.end() <= settled[0].start() for n in negations)
    return None


def without_left_out(text: str) -> str:
    """The text with bodies left out of a figure masked (「一千二百件（不含子公司）」)."""
    return _LEFT_OUT_BODY().sub(lambda w: MASK * len(w.group()), text)


def mask_look_alikes(text: str) -> str:
    """The text with look-alikes of a negation (无锡, 不断, 非正常) masked, and the negation
    inside an A-not-A question (够不够, 行不行, 符不符合) turned into the question it is."""
    text = _alternation(LEXICON.fact_cues.not_negations).sub(lambda w: MASK * len(w.group()), text)
    text = without_left_out(text)  # 「（不含子公司）」 says nothing
    text = _ASKED_WITH_NOT.sub(lambda m: m.group(1) + "？", text)  # 「这样符合不」 asks
    text = _ASKED_WITH_MEIYOU.sub(lambda m: m.group(1) + "？", text)  # 「现在批下来没有」 asks
    return _a_not_a_asked(text)


def _a_not_a_asked(text: str) -> str:
    """The negation of each A-not-A question (「够不够」) turned into the question mark it is."""
    return A_NOT_A.sub(lambda m: m.group(1) + "？" + m.group(1), text)


# A verb done, then 没(有) at the clause's end (「现在批下来没有」「建了没」「评上没」): whether it
# was done is asked, nothing is denied (「我们还没有」 has no such verb before it, and denies)
_ASKED_WITH_MEIYOU = re.compile(r"(了|下来|出来|过|完|好|上)没有?(?=\s*[？?。！!]*\s*$)")
# A question tag ending in 不 (「符合不」「够不」「行不」): a verb asked, not denied
_ASKED_WITH_NOT = re.compile(
    "("
    + "|".join(t[:-1] for t in LEXICON.asking_to_apply.tags if t.endswith("不") and len(t) > 1)
    + r")不(?=\s*[？?。！!]*\s*$)"
)


def years_in(segment: str) -> set[int]:
    """The calendar years a clause names; a span (「2019-2021年」「19至21年」) names each year in it."""
    spans = {
        year
        for first, last in _YEAR_SPAN.findall(segment)
        if (lo := _full_year(first)) <= (hi := _full_year(last)) <= lo + _longest_span(first)
        for year in range(lo, hi + 1)
    }
    return (
        spans
        | {int(y) for y in _YEAR.findall(segment)}
        | {
            2000 + int(found.group(1))
            for found in _SHORT_YEAR.finditer(segment)
            if found.group().endswith("年度")
            or not segment[: found.start()].endswith(LEXICON.fact_cues.duration_openers)
        }
    )


def _full_year(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def _longest_span(first: str) -> int:
    # years: a wider 「A-B年」 is no span of calendar years; of two digits, 「19-21年」 (three years)
    # is, 「10-15年」 (a number of years) is not
    return 10 if len(first) == 4 else (4 if int(first) >= 15 else -1)


# 「2019-2021年」「19至21年」: not 「10-15年了」「十几年」 (a number of years)
_YEAR_SPAN = re.compile(
    r"(?<![\d.])((?:19|20)\d\d|[12]\d)\s*年?\s*[-—–~～至到]\s*((?:19|20)\d\d|[12]\d)\s*(?:年度|年(?![了多以左前来之内间半]))"
)


def _figure_end(text: str) -> int:
    """Where the window for a phrase's figure ends: NUMBER_SPAN characters, or the end of a
    figure that starts within them."""
    ends = [spoken.end for spoken in find_numbers(text) if spoken.start < NUMBER_SPAN]
    return max([NUMBER_SPAN, *ends])


_NUMERAL_CHAR = re.compile(r"[\d.零〇一二两三四五六七八九十百千万亿]")


def number_near(segment: str, matches: list[Match], index: int, adjacent: bool = False) -> FactValue | None:
    """The number said for a fact: right after its phrase, else right before; 「没有」 means 0.

    With `adjacent`, only a number directly after the phrase counts (「发明专利30件」).
    """
    spec = matches[index].spec
    stop = min((m.start for m in matches[index + 1 :] if m.start >= matches[index].end), default=len(segment))
    # a figure that starts within NUMBER_SPAN is read whole (「…县（市、区）排第十二」 is no 第十)
    following = segment[matches[index].end : stop]
    following = following[: _figure_end(following)]
    if not adjacent and not find_numbers(following):  # 「研发投入占销售收入4.8%」: past another phrase,
        wider = segment[matches[index].end :]  # a figure in this
        wider = wider[: _figure_end(wider)]
        for spoken in find_numbers(wider):  # fact's own unit (%, 件) still belongs to it
            value = to_fact_unit(spoken, spec.unit) if spoken.unit else None
            if value is not None:
                return value
    for spoken in find_numbers(following):
        if _NONE_AT_ALL.match(following[spoken.end :]):
            return 0.0  # 「一件都没有」
        if adjacent:  # a count said right after a yes/no phrase: any counting unit will do,
            counted = spoken.unit != "年" and _COUNT_LEAD.match(following[: spoken.start])
            if counted and spoken.bound in ("<", "<="):  # 「有效发明专利没有50件」: fewer, perhaps none
                return Interval(0.0, spoken.value, hi_open=spoken.bound == "<")
            return spoken.value if counted else None  # not a year (「真抓实干22年度没评上」)
        value = to_fact_unit(spoken, spec.unit)
        if value is not None:
            return value
    if adjacent:
        return None
    if GAP in matches[index].synonym:  # 「商标注册十年了一直在用」: the figure in the phrase's gap,
        inner = segment[matches[index].start : matches[index].end]  # in the fact's own unit
        for spoken in find_numbers(inner):
            decade = _DECADE.match(inner, spoken.start)  # 「九几年」: the 1990s, no count of years
            if (
                (
                    spoken.unit == spec.unit
                    or (spoken.unit and spec.unit == "人" and to_fact_unit(spoken, "人"))
                )
                and not decade
                and not calendar_year(inner, spoken.start, spoken.end, spoken)
            ):
                return to_fact_unit(spoken, spec.unit)
    start = max((m.end for m in matches[:index] if m.end <= matches[index].start), default=0)
    start = max(start, matches[index].start - 8)
    while start > 0 and _NUMERAL_CHAR.match(segment[start - 1]):  # 「2020年」 whole, never 「020年」
        start -= 1
    preceding = segment[start : matches[index].start]
    if preceding[-1:].isdigit() and segment[matches[index].start] == "年":
        preceding += "年"  # 「2021年销售额」 matched as 「年销售额」: its 年 ends a year, no figure
    for spoken in reversed(find_numbers(preceding)):
        if calendar_year(segment, start + spoken.start, start + spoken.end, spoken):
            continue  # 「20年注册」: what follows it says the year 2020
        if _A_WHOLE.match(preceding, spoken.end):
            continue  # 「这5个人里有几个是专职做转化的」: the whole a part is taken from
        value = to_fact_unit(spoken, spec.unit)
        if value is not None:
            return value
    if _of_a_department(matches[index]):
        return None  # 「没有知识产权部」: no department, not nobody
    if _ZERO.search(mask_look_alikes(preceding)) or re.match(
        r"^[^，。]{0,3}(没有|无)", mask_look_alikes(following)
    ):
        return 0.0
    return None


# a figure of a whole that a part is then taken from (「这5个人里」「100件当中」)
_A_WHOLE = re.compile(r"[个位名件家人项]{0,2}(?:里|里面|中|当中|之中)")


def _of_a_department(match: Match) -> bool:
    """A count of people named by the department they work in (「知识产权部4人」)."""
    return match.spec.unit == "人" and match.synonym.split(GAP)[-1].endswith(LEXICON.fact_cues.departments)
