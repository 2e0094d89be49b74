"""Facts over a conversation: each turn's facts (facts.extract_facts) merged, later turns
overriding earlier ones, and corrections (「说错了」「哦不对，看错表了」) taking back what they
correct, or putting it in doubt when what they correct is not certain; a correction of what
the applicant is (「哦不对，我们是县级市」) leaves the facts told."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from ..eligibility.facts import FactSheet, checkable
from ..eligibility.rules import FactSpec, FactValue, Interval, Rules
from ..thresholds import REPEATED_PHRASE, SHARED_BY
from .applicant import names_itself, says_county_city
from .fact_clauses import opens_predicate
from .fact_phrases import cue_spans, cues, find_matches, masked, years_in
from .facts import extract_facts, scope_keys
from .form_text import CLAUSE, normalize
from .lexicon import LEXICON, either
from .numbers import Spoken, calendar_year, find_numbers, spoken_units, to_fact_unit
from .own_things import named_in
from .year_corrections import (
    settled_wording,
    with_dated_predicates,
    with_figures_corrected,
    with_years_corrected,
)


def facts_from_turns(
    turns: Sequence[str], rules: Rules, program: str | None = None, applicant_type: str | None = None
) -> FactSheet:
    """Facts accumulated over a conversation, later turns overriding earlier ones."""
    sheet, before = FactSheet(), FactSheet()
    # 「说错了，是2022年度…，不是2021年度」「…是2800万，不是1800万」: that clause again
    turns = with_figures_corrected(with_years_corrected(turns))
    # 「说错了，…22年度我们是评上了的」「不对，应该是国际领先」: what a correction says is right
    turns = [settled_wording(t) for t in with_dated_predicates(turns, rules.fact_specs)]
    keys = set(scope_keys(rules, program, applicant_type))
    if applicant_type == "county" and any(says_county_city(turn) for turn in turns):
        turns = [_own_city_words(turn, rules) for turn in turns]
    named = named_in(turns, applicant_type, keys)  # once for all turns
    last = ""
    for turn in turns:
        said = extract_facts(turn, rules, program, applicant_type, named)
        said = _going_on(
            said, last, turn, sheet, lambda text: extract_facts(text, rules, program, applicant_type, named)
        )
        sheet = sheet.merge(_corrected(sheet, said, turn, rules, before, keys))
        before, last = said, turn
    return checkable(_totals_with_members(sheet, turns, rules), rules)


def _going_on(
    said: FactSheet, last: str, turn: str, sheet: FactSheet, read: Callable[[str], FactSheet]
) -> FactSheet:
    """「我们隔壁县是22年真抓实干评上了。」 then 「我们自己没评上。」: a turn opening on a bare
    predicate of the applicant's (no fact named in its clause) says it of the thing the last
    clause of the turn before left in doubt; the two clauses are read as one, for those facts."""
    first = next(iter(CLAUSE.findall(normalize(turn))), "").strip()
    clauses = CLAUSE.findall(normalize(last))
    if not clauses or not sheet.doubts or not opens_predicate(first) or read(first):
        return said
    joined = read(f"{clauses[-1].strip()}，{first}")
    settled = {
        k: v for k, v in joined.items() if k in sheet.doubts and k not in said and k not in said.doubts
    }
    if not settled:
        return said
    return FactSheet({**said, **settled}, {**said.evidence, **{k: first for k in settled}}, said.doubts)


def _own_city_words(turn: str, rules: Rules) -> str:
    """A county-level city's words for itself (「市政府能给足经费」「是市里的主导产业」) read as
    县级市, which names no other level; not another city's (「设区市里」「所在的市」「盐城市政府」),
    nor in a clause about the city above (「市里（设区市）没有承担过」: a fact about others)."""
    others = (*LEXICON.fact_cues.other_city_heads, *LEXICON.jiangsu_cities)

    def own(found: re.Match[str]) -> str:
        said = found.group()
        return said if found.string[: found.start()].endswith(others) else "县级" + said

    def clause(found: re.Match[str]) -> str:
        said = found.group()
        if any(m.spec.about_others for m in find_matches(said, rules.fact_specs)):
            return said
        return _OWN_CITY_WORDS().sub(own, said)

    return CLAUSE.sub(clause, turn)


@cache
def _OWN_CITY_WORDS() -> re.Pattern[str]:
    return re.compile(rf"(?<!县级)市(?=(?:{either(LEXICON.fact_cues.county_city_self)}))")


def _totals_with_members(sheet: FactSheet, turns: Sequence[str], rules: Rules) -> FactSheet:
    """In a conversation that names the applicant's member bodies (「子公司名下还有40件」), a
    figure told as a total (「加起来70件发明」) may hold theirs, which the guides do not count:
    it is asked."""
    if not any(cues("member_bodies", normalize(turn)) for turn in turns):
        return sheet
    summed = {
        key: words
        for key, words in sheet.evidence.items()
        if rules.fact(key).is_numeric and cues("totals", words) and key in sheet.values
    }
    return sheet.merge(FactSheet({}, {}, summed))  # a doubt takes the value back


_CLAUSES = re.compile(r"[，,。；;！!？?]")
_ORDINAL = re.compile(r"第\s*[\d一二三四五六七八九十两]")  # 「第18」「第十八」


def _corrected(
    sheet: FactSheet, said: FactSheet, turn: str, rules: Rules, before: FactSheet, keys: set[str]
) -> FactSheet:
    """A correction (「刚核对了一下，真正算的只有三四十家」) whose figure no fact's words name
    puts in doubt each earlier figure of that unit it does not read again, and each earlier
    fact of a year it names; one from which no fact is read at all (「说错了，是高于全省平均，
    我刚才看反了」) puts in doubt what the turn before it said (`before`). When one earlier
    fact has the unit and the correction one figure in it (「哦不对，看错表了，是第19名」), that
    figure replaces it."""
    text = normalize(turn)
    if not cues("corrections", text):
        return said
    said = _taken_back(said, text, rules)
    # 「说错了，四千万只是线上的销售额，…一共是六千五百万元」: a fact read again at the figure
    # it had is the old figure named, not a new reading
    said = _without_repeats(said, sheet, rules)
    # the units of figures the correction says of no fact it reads anew (「4%是2020年的」 of the
    # fact it then reads is that fact's old figure)
    figures = [f for f in find_numbers(text) if not _a_year(text, f)]  # 「4%是2020年的」: 2020 is no figure
    units = {_counted(text, f) for f in figures if not _explained(f, said, sheet, rules)} - {""}
    units -= _summing_to_told(text, figures, sheet, rules)  # 「专职转化的是2人，另外4人兼管」 of 6 told
    if _ORDINAL.search(text):
        units.add("名")  # 「2020年我们排第13」: a rank
    # a figure told before, read or left in doubt (「…全省园区第11」 with no year), is what a figure
    # of its unit corrects
    specs = [rules.fact(key) for key in {**sheet.values, **sheet.doubts} if key not in said.values]
    found = find_matches(text, rules.fact_specs)
    named_here = {m.spec.key for m in found}
    # 「专职做转化的是2个人」: of the facts of the figure's unit, the one the correction names
    by_unit = [s for s in _said_in(units, specs) if s.key in named_here] or _said_in(units, specs)
    # 「说错了，12件是2021年一年的，…每年18件」: of those, the one whose old figure it names
    by_unit = _of_old_figure(by_unit, figures, sheet) or by_unit
    doubted = dict.fromkeys((spec.key for spec in by_unit), turn)
    # 「说错了，2019年那个我们是参与单位」: that year's facts; the year of a clause that names a
    # fact of its own (「…，2021年知识产权费用占研发5.6%」) is that fact's
    named = _years_of_nothing_named(text, rules)
    # (not a fact that a fact read anew implies: 「2020年那次是续展，最早注册是2008年」 reads the
    # years again, and a GI registered is registered still)
    implied = {k for key, value in said.items() if value not in (False, 0) for k in rules.fact(key).implies}
    for key in sheet.values:
        spec = rules.fact(key)
        # and a fact bounded by a year (「…2021年以前已验收」), which any year named may move
        bounded = spec.year_until is not None and bool(named)
        # and a fact told with a year the correction names (「说错了，2019年那个我们是参与单位」)
        told_of = named & years_in(sheet.evidence.get(key, ""))
        if (
            key not in said
            and key not in implied
            and (bounded or told_of or named & ({spec.year, *spec.years} - {None}))
        ):
            doubted[key] = turn
    # 「哦不对，试点县是隔壁灌南县」: a fact told before that the correction names again without
    # reading it anew is what it corrects
    named_again = set(named_here)
    # or by a part of the words it was told in (「试点园区是隔壁高新区评上的」 of 「…强国建设试点园区」)
    # words of no phrase the correction reads a fact from (a phrase of a fact outside the
    # program, 「强县」 of the 2024 round's title, leaves the words told before it standing)
    unnamed = masked(text, [m for m in found if m.spec.key in said.values or m.spec.key in said.doubts])
    named_again |= {
        k
        for k, words in sheet.evidence.items()
        if _repeats_phrase(rules.fact(k), words, unnamed, _common_spans(rules))
        or _names_its_alternative(rules.fact(k), words, unnamed)
    }
    doubted.update(dict.fromkeys((k for k in sheet.values if k in named_again and k not in said), turn))
    if not (said.values or said.doubts or doubted) and not names_itself(text):
        # what it corrects is named but not read (「记错了，验收是2019年底」): that fact is asked;
        # not named at all: what the last turn said
        named_in_scope = [m.spec.key for m in found if m.spec.key in keys]  # in the order said
        doubted.update(dict.fromkeys(named_in_scope or before.values, turn))
    values, evidence = dict(said.values), dict(said.evidence)
    # 「哦不对，看错表了，是第19名」: the one figure of the unit in the correction's sentence is the
    # one earlier fact's, unless the correction reads a fact of that unit itself (the figure is then
    # that fact's); sentences after it tell facts of their own (「刚才人数说少了，专职2人，…一共4人。
    # 相关领域有效专利150件。」)
    sentence = _corrected_sentence(text)
    spec = by_unit[0] if len(by_unit) == 1 else None
    own_units = {f.unit for f in find_numbers(sentence)} & set(spoken_units(spec.unit)) if spec else set()
    if spec and not _said_in(own_units, [rules.fact(key) for key in said.values]):
        after = sentence[
            cue_spans("corrections", sentence)[0].end() :
        ]  # 「3.2%说错了」 is the figure taken back
        after = _NOT_THAT.sub("", after)  # 「是第十八，不是第八」: the figure denied is the old one
        after = _clauses_of_its_year(
            after, spec
        )  # 「第14是2019年的排名，2020年是第9」: 2019's is no correction
        # (not the object of a verb done, 「刚才少看了一位」: how the mistake came about)
        figures = [
            v
            for f in find_numbers(after)
            if not _done_to(after[: f.start]) and (v := to_fact_unit(f, spec.unit)) is not None
        ]
        # 「七千万是前年的」「50家是规划的目标」(of 「50多家」): the old one named, no new figure
        figures = [v for v in figures if not _names_the_old(v, sheet.values.get(spec.key))]
        if len(figures) == 1:
            values[spec.key], evidence[spec.key] = figures[0], turn
            doubted.pop(spec.key, None)
    doubts = {k: v for k, v in {**said.doubts, **doubted}.items() if k not in values}
    return FactSheet(values, evidence, doubts)


def _names_the_old(figure: FactValue, old: FactValue | None) -> bool:
    """A figure of the correction that is the one told before, or the figure it was told with
    (50 of 「50多家」, the low end of a span said as 「N多」)."""
    if isinstance(old, Interval) and isinstance(figure, (int, float)):
        return old.lo <= figure <= old.hi
    return figure == old


def _done_to(before: str) -> bool:
    """The figure after these words is what a verb did (「刚才少看了一位」), not a figure reached
    (「2021年已经到了六千五百万」)."""
    return before.endswith("了") and not before.endswith(("到了", "达了"))


def _years_of_nothing_named(text: str, rules: Rules) -> set[int]:
    """The years of the correction's clauses that name no fact, no figure of their own
    (「2021年…一共是六千五百万元」 dates that figure) and go on about no fact of the clause before
    (「真抓实干是2020年度评上的，2021年度反而没有」: 2021 is 真抓实干's)."""
    years: set[int] = set()
    before_named = False
    for clause in _CLAUSES.split(text):
        named = bool(find_matches(clause, rules.fact_specs))
        figured = any(f.unit != "年" and not _a_year(clause, f) for f in find_numbers(clause))
        if not (named or figured or before_named):
            years |= years_in(clause)
        before_named = named
    return years


def _of_old_figure(specs: list[FactSpec], figures: list[Spoken], sheet: FactSheet) -> list[FactSpec]:
    """The one fact whose figure told before the correction names again, else none."""
    named = [
        spec
        for spec in specs
        if any(to_fact_unit(f, spec.unit) == sheet.values.get(spec.key) for f in figures)
    ]
    return named if len(named) == 1 else []


def _without_repeats(said: FactSheet, sheet: FactSheet, rules: Rules) -> FactSheet:
    """The readings of a correction less the figures it names again as they were told, when
    no other fact told has figures of their unit (「专职的还是2个，一共5个」: the 5 may be the
    other count's, so the 2 stays read)."""
    told = [rules.fact(k) for k in sheet.values]

    def alone(key: str) -> bool:
        return len(_said_in(set(spoken_units(rules.fact(key).unit)) - {""}, told)) == 1

    repeated = {
        k for k, v in said.values.items() if sheet.values.get(k) == v and not isinstance(v, bool) and alone(k)
    }
    if not repeated:
        return said
    values = {k: v for k, v in said.values.items() if k not in repeated}
    evidence = {k: v for k, v in said.evidence.items() if k not in repeated}
    return FactSheet(values, evidence, dict(said.doubts))


def _a_year(text: str, figure: Spoken) -> bool:
    """A figure that names a year of the calendar (「2020年」, 「20年注册」) or a year of
    account (「上一年度」)."""
    four_digits = figure.unit == "年" and 1900 <= figure.value <= 2100
    of_account = figure.unit == "年" and text.startswith("度", figure.end)
    return four_digits or of_account or calendar_year(text, figure.start, figure.end, figure)


def _explained(figure: Spoken, said: FactSheet, sheet: FactSheet, rules: Rules) -> bool:
    """A figure of the correction that a fact it reads anew holds, or that is the old figure of
    such a fact (「说错了，4%是2020年的，2021年…是5.6%」), or that says again the figure a fact
    already has (「专职的是2个人，…，总共还是5个人」): it corrects nothing."""
    for key in {**sheet.values, **said.values}:
        spec = rules.fact(key)
        value = to_fact_unit(figure, spec.unit) if spec.is_numeric and figure.unit else None
        if value is not None and value in (said.values.get(key), sheet.values.get(key)):
            return True
    return False


def _corrected_sentence(text: str) -> str:
    """The sentence of the text that holds its first correction word."""
    at = cue_spans("corrections", text)[0].start()
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return text[start : end.end() if end else len(text)]


_SENTENCE_END = re.compile(r"[。！!？?；;\n]")


def _summing_to_told(text: str, figures: list[Spoken], sheet: FactSheet, rules: Rules) -> set[str]:
    """The units whose figures in the correction (two or more) sum to a figure told before
    (「说错了，专职转化的是2人，另外4人兼管」 after 「管理人员6人」): the parts of that whole,
    which they leave as it was."""
    units = set()
    for unit in {_counted(text, f) for f in figures} - {""}:
        parts = [f for f in figures if _counted(text, f) == unit]
        if len(parts) < 2:
            continue
        for key, value in sheet.values.items():
            spec = rules.fact(key)
            sums = [to_fact_unit(f, spec.unit) for f in parts] if spec.is_numeric else []
            exact = [v for v in sums if isinstance(v, (int, float)) and not isinstance(v, bool)]
            if sums and len(exact) == len(sums) and isinstance(value, (int, float)) and sum(exact) == value:
                units.add(unit)
    return units


def _counted(text: str, figure: Spoken) -> str:
    """The unit a figure counts in: 个 before a word of people (「1个兼职的」) counts people."""
    if figure.unit == "个" and text.startswith(LEXICON.fact_cues.people_counted, figure.end):
        return "人"
    return figure.unit


def _clauses_of_its_year(text: str, spec: FactSpec) -> str:
    """The clauses of the text that name no year but the fact's own (for a fact of one year)."""
    if spec.year is None:
        return text
    return "，".join(c for c in re.split(r"[，,。；;]", text) if not years_in(c) - {spec.year})


def _repeats_phrase(spec: FactSpec, words: str, text: str, common: frozenset[str] = frozenset()) -> bool:
    """The text repeats REPEATED_PHRASE characters running of the phrase the fact was read from in
    `words` (「试点园区」 of 「国家强国建设试点园区」), none of them a digit, and not words that
    many facts' phrases share (`common`: 「知识产权」 of 「独立知识产权部」 and of 「知识产权专兼职人员」)."""
    for match in find_matches(words, _alone(spec)):
        phrase = words[match.start : match.end]
        spans = (phrase[i : i + REPEATED_PHRASE] for i in range(len(phrase) - REPEATED_PHRASE + 1))
        if any(not re.search(r"[\d\s，,。]", span) and span not in common and span in text for span in spans):
            return True
    return False


_COMMON: dict[int, tuple[tuple, frozenset[str]]] = {}


def _common_spans(rules: Rules) -> frozenset[str]:
    """Spans of REPEATED_PHRASE characters that the phrases of SHARED_BY facts or more hold."""
    held = _COMMON.get(id(rules.fact_specs))
    if held is None or held[0] is not rules.fact_specs:
        counts: dict[str, set[str]] = {}
        for spec in rules.fact_specs:
            for phrase in spec.synonyms:
                for i in range(len(phrase) - REPEATED_PHRASE + 1):
                    counts.setdefault(phrase[i : i + REPEATED_PHRASE], set()).add(spec.key)
        common = frozenset(span for span, keys in counts.items() if len(keys) >= SHARED_BY)
        held = _COMMON[id(rules.fact_specs)] = (rules.fact_specs, common)
    return held[1]


def _names_its_alternative(spec: FactSpec, words: str, text: str) -> bool:
    """The text names an alternative of an 「A或B」 fact with the character it was told with
    (「试点县是我们市下面另一个县」 of 「…强县建设试点县」): the title told is what it corrects."""
    for word in (w for alternative in spec.either for w in alternative.split("|")):
        for found in re.finditer(re.escape(word), words):
            told = words[found.start() : found.end() + 1]
            if len(told) > len(word) and not re.search(r"[\d\s，,。]", told[-1]) and told in text:
                return True
    return False


@cache
def _alone(spec: FactSpec) -> tuple[FactSpec]:
    """One fact as a set of its own, the same object each time: phrase indexes are built once per
    set (fact_phrases.phrase_index), so a new list on every call would build and keep a new one."""
    return (spec,)


_NOT_THAT = re.compile(r"(?:而)?(?:不是|并非)[^，,。；;！!？?]*")


def _said_in(units: set[str], specs: list[FactSpec]) -> list[FactSpec]:
    """The number facts whose figures may be said in one of these units."""
    return [spec for spec in specs if spec.is_numeric and units & set(spoken_units(spec.unit))]


_FIGURE = re.compile(r"[\d一二三四五六七八九十两百千万亿]")
_A_YEAR = re.compile(r"(?<![\d.])(?:(?:19|20)\d{2}|[12]\d)(?=\s*年)")


def _taken_back(said: FactSheet, text: str, rules: Rules) -> FactSheet:
    """A figure the message takes back (「研发占比3.2%说错了，正确的近三年是3.8%、4.0%、4.2%」):
    a value read with a correction word after its figure is not the applicant's. The figures
    in the fact's unit after that word replace it, when no other fact's words stand there;
    else the fact is asked."""
    values, evidence, doubts = dict(said.values), dict(said.evidence), dict(said.doubts)
    for key, words in said.evidence.items():
        # (a year is no figure: 「23年撤回率我看错表了，其实比全省平均还低」 takes back no 23)
        figures = list(_FIGURE.finditer(_A_YEAR.sub(lambda y: "年" * len(y.group()), words)))
        after = words[figures[-1].end() :] if figures else ""
        if key not in values or not cues("corrections", after) or words not in text:
            continue
        rest = text[text.find(words) + len(words) :]
        spec = rules.fact(key)
        others = any(w in rest for k, w in said.evidence.items() if k != key)
        readings = (
            [] if others or not spec.is_numeric else [to_fact_unit(f, spec.unit) for f in find_numbers(rest)]
        )
        readings = [r for r in readings if r is not None]
        del values[key], evidence[key]
        if readings:
            values[key], evidence[key] = _spanning(readings), rest.strip("，,。 ")
        else:
            doubts[key] = text
    return FactSheet(values, evidence, doubts)


def _spanning(readings: list[Interval | float]) -> Interval | float:
    """One figure as it is; several (one a year) as the span from the least to the most."""
    if len(readings) == 1:
        return readings[0]
    spans = [r if isinstance(r, Interval) else Interval.exact(r) for r in readings]
    return Interval(min(s.lo for s in spans), max(s.hi for s in spans))
