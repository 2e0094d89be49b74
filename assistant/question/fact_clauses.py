"""Clauses that name no fact of their own, read with the ones before them: the predicate of a
topic (「保护中心的话，还没建成」), a sum of the things named (「…，我们都没有」), a year's own
clause (「2022年度没评上」), the rest of an 「A或B」 denied, whether a clause goes on about the
one before or is about another body, and a clause that sets aside what was said before it
(「但这次不报它」)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..eligibility.rules import NUMBER, YES_NO, FactSpec
from ..thresholds import PREDICATE_SPAN, SUBJECT_SPAN
from .clause_reading import (
    against_average_of,
    another_body,
    denies_its_level,
    in_progress,
    lifting,
    progress_of,
)
from .fact_phrases import (
    MASK,
    Match,
    alternatives_named,
    asking,
    cue_spans,
    cues,
    denied,
    doubtful,
    is_measure,
    masked,
    topic_only,
    years_in,
)
from .fact_sheet import Sheet
from .lexicon import LEXICON, either
from .numbers import find_numbers, to_fact_unit
from .reading import Reading

_CONTINUES = re.compile(rf"^\s*(?:{either(LEXICON.fact_cues.continuers)})")
_SHORT_CONTINUATION = 6  # characters: a clause this short with a negation continues the one before
_SELF_NAMES = either(LEXICON.applicant_kinds.pronouns + LEXICON.applicant_kinds.self_bodies)
SELF = re.compile(_SELF_NAMES)  # the applicant's own words
_ALL_OF = re.compile(rf"^(?:{_SELF_NAMES})?\s*(?:{either(LEXICON.fact_cues.all_of)})")
_SUM_SAYS = 4  # characters: the predicate after 「(我们)都」 (「没评上」「具备了」)


def sums_up(segment: str, named: list[Match]) -> bool:
    """「国家级快维中心，还有2022年度的真抓实干，我们都没有」: a clause with no phrase that says
    「(我们)都…」 after two or more things of the sentence says it of each of them."""
    found = _ALL_OF.match(segment.strip())
    rest = segment.strip()[found.end() :].rstrip("了的啊呀") if found else ""
    # 「都没有」「都具备」: the sum's own short predicate, not a clause of its own (「都是临时申请」
    # 「都是代工」: 是 with what they are)
    said = not rest.startswith("是") and bool(cues("negations", rest) or cues("yes_words", rest))
    return len({m.spec.key for m in named}) >= 2 and found is not None and len(rest) <= _SUM_SAYS and said


def of_another_body(segment: str, before: bool, first: bool) -> bool:
    """Whether a clause is about another body than the applicant: the sentence's first clause
    begins with one, as its subject (「隔壁区是…」), and the clauses after it go on about it
    (「…，23年撤回率也比全省高」) until one names the applicant (我们)."""
    if SELF.search(segment):
        return False
    return another_body(segment[:SUBJECT_SPAN], segment) if first else before


def deny_the_rest(segment: str, sheet: Sheet, specs: Sequence[FactSpec]) -> None:
    """「还不是强县建设示范县，也不是试点县」: a clause that names no fact but denies the other
    alternatives of an 「A或B」 fact whose first ones were just denied completes the denial."""
    text = masked(segment, [])
    if not sheet.denied or not says_no(text) or doubtful(text) or asking(text):
        return
    for spec in (s for s in specs if s.key in sheet.denied):
        named = alternatives_named(spec.either, segment)
        if named:
            sheet.deny(spec, named, segment)


def of_years(matches: list[Match], segment: str) -> list[Match]:
    """The phrases whose fact is about a year the clause names, when the clause says yes or no
    of it (「2022年度没评上」), not when it only names the year (「2022年度呢」)."""
    text = masked(segment, [])
    if not (cues("yes_words", text) or says_no(text) or doubtful(text)):
        return []
    named = years_in(segment)
    # 「2019年承担过一次…，21年已经验收结束了」: the year a project ended is not the year of a
    # project under way
    ended = bool(cues("finished", text)) and not says_no(text)
    return [
        m
        for m in matches
        if named & ({m.spec.year, *m.spec.years} - {None}) and not (ended and m.spec.ongoing)
    ]


def of_another_year(spec: FactSpec, segment: str) -> bool:
    """The clause names years, none of them the one the fact is of."""
    named, about = years_in(segment), {spec.year, *spec.years} - {None}
    return bool(named and about) and not named & about


def summary(segment: str, matches: list[Match], sheet: Sheet, far: bool = False) -> None:
    """「…，这几样我们一样都不具备」: a clause that sums up the things named before it in the
    sentence denies each (a yes read for one of them before is then in doubt); one that says
    they are fine (「这些都没问题」) confirms what each item said; one `far` from some of them
    (more clauses than it surely covers) leaves each in doubt."""
    text = masked(segment, [])
    negated = says_no(text)
    for match in matches:
        if match.spec.type != YES_NO:
            continue
        if _bare_mention(sheet.evidence.get(match.spec.key, ""), match):
            sheet.values.pop(match.spec.key, None)  # 「国家级快维中心，…」 named only: the sum says it
        if doubtful(text) or asking(text) or far:
            sheet.doubt(match.spec.key, segment)
        elif negated:
            sheet.add(match.spec.key, Reading(False), segment)
        elif not sheet.said(match.spec.key):
            # 「无事故无失信、…，这些都没问题」: what each item said holds (or stays in doubt); a
            # phrase that denies (无事故) is a no, only a thing named (「政府保障、…」) a yes
            sheet.add(match.spec.key, Reading(not match.negative), segment)


# What a clause may hold besides a phrase and still only name it: years, levels, list words, 的
_LEVEL_WORDS = tuple(w for words in LEXICON.fact_cues.levels.values() for w in words)


_NAMING_ONLY = re.compile(
    rf"(?:(?:19|20)?\d{{2}}\s*年度?|{either(LEXICON.fact_cues.joiners + _LEVEL_WORDS)}|还有|的|[（）()\s{MASK}])+"
)


def _bare_mention(words: str, match: Match) -> bool:
    """The clause a yes was read from only names the phrase (「还有2022年度的真抓实干」)."""
    if not words or match.synonym not in words:
        return False
    return not _NAMING_ONLY.sub("", words.replace(match.synonym, ""))


def _own_subject(text: str) -> bool:
    """Words before a clause's first negation that are not words a predicate opens with
    (lexicon: predicate_openers, and years): a subject of the clause's own (「规模不大」)."""
    first = cue_spans("negations", text)
    if not first:
        return False
    lead = _YEARS_SAID.sub("", _OPENERS().sub("", text[: first[0].start()]))
    return len(re.findall(r"[\u4e00-\u9fff]", lead)) >= 2


def _own_object(text: str, spec: FactSpec) -> bool:
    """Words of its own after a clause's last negation: not a verb a negation may deny of a
    topic (lexicon: predicate_verbs), nor a word of the topic's own phrases, nor the cues any
    clause may hold (「特色主导产业，近三年没出事」: 出事 is another matter)."""
    spans = cue_spans("negations", text)
    rest = _CLAUSE_WORDS().sub("", text[spans[-1].end() :] if spans else "")
    own = "".join(re.findall(r"[\u4e00-\u9fff]", rest))
    phrases = "|".join((spec.yes_text, spec.question, *spec.synonyms))
    return len([c for c in own if c not in phrases]) >= 2


@cache
def _CLAUSE_WORDS() -> re.Pattern[str]:
    cues = LEXICON.fact_cues
    words = {
        *cues.predicate_verbs,
        *cues.negations,
        *cues.yes_words,
        *cues.granted,
        *cues.not_selected,
        *cues.approvals,
        *cues.finished,
        *cues.experienced,
        *cues.applied_for,
        *cues.not_yet,
        *cues.spoken_particles,
        *cues.falling_short,
        *cues.exceeding,
        *cues.equal_to,
        *cues.all_of,
        *cues.phrase_tails,
        *cues.continuers,
        *cues.recent_periods,
    }
    return re.compile(
        "|".join(map(re.escape, sorted((w for w in words if "…" not in w), key=len, reverse=True)))
    )


_YEARS_SAID = re.compile(r"(?:20)?\d{2}\s*年度?|[一二两三四五六七八九十近前去今]+年(?:内|来|度)?")


@cache
def _OPENERS() -> re.Pattern[str]:
    return re.compile(either(LEXICON.fact_cues.predicate_openers))


def says_no(text: str) -> bool:
    """A clause naming no fact says no: an odd count of negations and shortfalls. A shortfall
    that holds a negation (没达到, 不够, 达不到) is one, not two (「保护中心，没达到建设标准」 had read yes)."""
    shortfalls = cue_spans("falling_short", text)
    rest = text
    for span in shortfalls:
        rest = rest[: span.start()] + MASK * (span.end() - span.start()) + rest[span.end() :]
    return (len(cues("negations", rest)) + len(shortfalls)) % 2 == 1


def opens_predicate(segment: str) -> bool:
    """The clause opens with the applicant's own words or a word a predicate opens with
    (「…，我们是优秀」「…，还没建成」), after its year if it names one."""
    opening = _YEAR_OPENING.sub("", segment)
    return bool(_CONTINUES.match(opening) or SELF.match(opening.strip()))


def _says_yes(text: str) -> bool:
    """Words of a yes (「有」「是」「发生过一次」「出过」), or a figure (「两起」)."""
    return bool(
        cues("yes_words", text) or cues("experienced", text) or _DONE.search(text) or find_numbers(text)
    )


_DONE = re.compile(r"(?<![不超经通])过")  # 「出过」「发生过」, not 不过, 超过, 经过, 通过


def goes_on(segment: str, new_sentence: bool = False) -> bool:
    """A clause that goes on about the one before: short, or opening with 还/也/但… or the
    applicant's own 我们; a short
    question that opens a new sentence asks us, not of the phrase before (「独立法人。能报升级
    吗？」), while a short negation still denies it (「快维中心。没有。」)."""
    if _OWN_TOPIC.search(segment) or segment.strip().startswith(LEXICON.fact_cues.new_items):
        return False  # 「…示范园区；不过知识产权这块没有独立机构」「还有就是…」: a topic of its own
    if opens_predicate(segment):
        return True  # 「撤回率，我们是高于全省平均的」「撤回率，2023年度比全省平均要高」
    opening = _YEAR_OPENING.sub("", segment)
    return len(opening) <= _SHORT_CONTINUATION and not (new_sentence and asking(masked(segment, [])))


# (and a quoted name: 「商标是自己的，“锡精”用了九年」, the name of the thing the clause before is about)
_YEAR_OPENING = re.compile(
    r"^\s*(?:(?:20)?\d{2}\s*年度?的?|去年|前年|今年|后来|随后|[“「\"][^”」\"]{1,12}[”」\"])"
)


# A clause that names a topic of its own (「知识产权这块」「人员方面」) is about that topic
_OWN_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,}(?:这块|这一块|方面|这方面)")


# 「还没建的是…」: a predicate, then 的是 and the thing it is said of
_CLEFT = re.compile(r"[^，,。的]{1,8}的(?:是|为)(?!我们|我)")
_NOT_UNDER_WAY = re.compile(r"(?:不是|并非|并不是)(?:在|正在|还在)?(?:筹建|筹备|在建|建设中|申请中|申报中)")


def continuation(
    segment: str,
    topics: list[Match],
    told: list[str],
    sheet: Sheet,
    specs: dict[str, FactSpec],
    new_sentence: bool = False,
) -> None:
    """A clause that names no fact: the predicate of the topics before it, or a contradiction.
    One about another body (「…试点园区，上级没承担过」) says nothing sure of the topics."""
    text = masked(segment, [])
    if cues("consequence_asks", text):
        return  # 「…项目没验收，这个影响吗？」: what the fact means is asked, the fact stands
    if _CLEFT.match(text.strip()) or _NOT_UNDER_WAY.search(text):
        # 「…，还没建的是海外纠纷分中心」: said of the thing it names; 「…建好运行了，不是在筹建」:
        # not under way, so done, as told
        return
    hedged, asks = doubtful(text), asking(text)
    negated = says_no(text)
    # 「经营良好，就是规模不大」: a negation with a subject of its own is not the topic's
    doubt = hedged or asks or bool(cues("other_bodies", text)) or (negated and _own_subject(text))
    progress = progress_of(text, segment)
    short, high = cues("falling_short", text) or cues("middling", text), cues("exceeding", text)
    compared = short or high
    for match in topics:
        if match.spec.year and of_another_year(match.spec, segment):
            continue  # 「撤回率…，2022年度是高于全省平均的」: another year's, not this fact's
        if match.spec.type == NUMBER and not (doubt or negated or progress):
            if find_numbers(segment):  # 「…第8，2020年是第14」 (「知识产权管理机构：独立设置」: no figure)
                sheet.add(match.spec.key, _its_figure(match.spec, segment), segment)
            continue
        if negated and not (doubt or progress or compared) and _own_object(text, match.spec):
            sheet.add(match.spec.key, Reading(doubt=segment), segment)  # 「特色主导产业，近三年没出事」
            continue
        if is_measure(match) and not (doubt or negated):
            against = against_average_of(match.spec, segment, Reading())
            if against.value is not None:  # 「撤回率我们是98.7%，全省平均96%左右」: by the figures
                sheet.add(match.spec.key, against, segment)
                continue
        if is_measure(match) and not (compared or doubt or negated) and cues("equal_to", text):
            sheet.add(match.spec.key, Reading(False), segment)  # level with it: not above, not below
        elif doubt or (is_measure(match) and not compared):
            sheet.add(match.spec.key, Reading(doubt=segment), segment)
        elif progress:
            sheet.add(match.spec.key, in_progress(match.spec, progress, segment), segment)
        elif short:  # 「知识产权综合实力这个，排中下游」「…，不到1%」: no high level; 「不算靠后」 unsure
            contrary = says_no(_without_shortfalls(text))
            sheet.add(match.spec.key, Reading(doubt=segment) if contrary or high else Reading(False), segment)
        elif match.spec.adverse and not negated and not _says_yes(text):
            continue  # 「事故：生产规范」: no yes said of it, nothing read
        else:
            sheet.add(match.spec.key, Reading(not negated), segment)
    continues = goes_on(segment, new_sentence)
    if continues and denied("finished", text) and not hedged:
        return  # 「正在承担…，还没结束」: not finished confirms what is still running
    if continues and not (hedged or asks):  # 「…，不是国家级的」「…，是省级的」
        for key in [k for k in told if denies_its_level(specs[k], text)]:
            sheet.values[key], sheet.evidence[key] = False, segment
            told.remove(key)
    lifted = lifting(text) is True  # 「被列入失信名单，去年已经移出了」
    if continues and (negated or progress or hedged or lifted):  # a question after a statement denies nothing
        being = negated and bool(cues("not_being", text))  # 「不是试点」, not 「没有申报」 (a plan's)
        for key in told:
            if of_another_year(specs[key], segment):
                continue  # 「2020年度评上了，2021年度没评上」: the other year's, not this fact's
            if specs[key].about_others and SELF.match(segment.strip()):
                continue  # 「市里承担过…，我们县没有」: the applicant's own, not the other body's fact
            if progress and in_progress(specs[key], progress, segment).value is True:
                continue  # 「已经在申报建设了，还没批下来」: under way, as the fact counts it
            others = alternatives_named(specs[key].either, segment)
            if not (being and others and sheet.held_by_another(key, specs[key].either, others)):
                sheet.doubt(key, segment)  # (「示范城市，不是试点」 denies the other alternative)


def _without_shortfalls(text: str) -> str:
    """The text with its words of falling short masked (不到, 靠后: their 不 denies nothing else)."""
    for kind in ("falling_short", "middling"):
        for found in cue_spans(kind, text):
            text = text[: found.start()] + MASK * (found.end() - found.start()) + text[found.end() :]
    return text


def _its_figure(spec: FactSpec, segment: str) -> Reading:
    """The one figure in the fact's unit that a clause going on about a number fact gives."""
    values = [v for f in find_numbers(segment) if (v := to_fact_unit(f, spec.unit)) is not None]
    return Reading(values[0]) if len(values) == 1 else Reading(doubt=segment)


def sets_aside(segment: str, matches: list[Match]) -> bool:
    """The clause opens by setting aside what was said before (「但这次不报它」「不过我们问的是
    化工学院这个」), naming no fact before those words (「报…它」 of another fact may overlap
    them; the thing asked about, named after them, is no fact of its own)."""
    found = _SET_ASIDE().match(segment)
    return found is not None and all(m.end > found.start(1) for m in matches)


@cache
def _SET_ASIDE() -> re.Pattern[str]:
    # at the clause's start, after a contrast word: 「县里这次不报这个」 says what another level does
    return re.compile(rf"\s*(?:但是|但|不过|可是|只是)?\s*(?:我们)?({either(LEXICON.fact_cues.set_aside)})")


_SELF_KIND = re.compile(r"^[县市区园校院所]?")


def short_predicate(segment: str) -> bool:
    """After the applicant's name (「我们县」), only a short predicate of what was named before."""
    named = SELF.match(segment.strip())
    rest = segment.strip()[named.end() :] if named else segment
    rest = re.sub(either(LEXICON.applicant_kinds.reflexives), "", _SELF_KIND.sub("", rest))
    if topic_only(rest):
        return False  # 「我们县自己嘛，…」: the applicant named as the topic, its predicate to come
    return len(rest) <= PREDICATE_SPAN  # (「自己」 counts for nothing)


def without_own_name(segment: str) -> str:
    """The clause after the applicant's name without the kind it names itself by and the quoted
    name of its thing (「我们园区没有」 as 「我们没有」, 「我们县的‘南湖莲子’不是」 as 「我们不是」):
    the subject, however it and its thing are called."""
    named = SELF.match(segment)
    if named is None:
        return segment
    rest = _OWN_QUOTED_NAME.sub("", _OWN_KIND.sub("", segment[named.end() :], count=1), count=1)
    return segment[: named.end()] + rest


_OWN_KIND = re.compile(
    r"^(?:园区|开发区|高新区|学校|高校|公司|企业|单位|集团|研究所|研究院|[县市区园校院所])"
)
_OWN_QUOTED_NAME = re.compile(r"^的?[‘“「『\"'][^’”」』\"'，。]{1,12}[’”」』\"']")
