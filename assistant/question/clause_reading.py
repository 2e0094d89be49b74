"""Reading one fact's phrase in its clause: the value it states, a doubt, or only a topic.

The negations that bear on the phrase (before it back to the previous phrase, shared along a
和/、 chain; after it up to the next phrase), shortfalls and comparisons (低于, 高于), things
under way or planned, hedges, another body, another level or year, a limit (只是), an 「A或B」
fact denied on one side; the figure said for a number fact is figure_reading's. See facts.py
for how a message's clauses are read together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..eligibility.rules import CHOICE, YES_NO, FactSpec, Interval
from ..thresholds import INTENDING_SPAN
from .asking import asks_to_apply
from .averages import ABOVE, BELOW, UNSETTLED, compared_with_average
from .fact_phrases import (
    AFTER_SPAN,
    CLAUSE_END,
    EVERY_ONE,
    MASK,
    SHORTFALLS,
    THERE_IS_NONE,
    Match,
    affirmed,
    affirmed_spans,
    after,
    alternatives_named,
    asking,
    before,
    before_own_item,
    chain,
    cue_spans,
    cues,
    denied,
    describes,
    doubtful,
    inside,
    is_measure,
    mask_look_alikes,
    masked,
    names_measure,
    negated_in_parallel,
    neighbour,
    number_near,
    of_a_rule,
    of_the_average,
    payment_settled,
    says_never,
    tail_cues,
    topic_only,
    without,
    without_left_out,
    years_in,
)
from .figure_reading import read_number
from .lexicon import LEXICON, either
from .numbers import Spoken, mask_figures
from .reading import Reading

_BEING_SPAN = 8  # characters before a phrase where 「不是」 says what the applicant is (「不是省级重点」)


@cache
def _APPLYING_INSIDE(deeds: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A wish to apply, or to do what the fact says was done (`deeds`: 「高价值专利培育新建，我们
    企业想牵头」), inside a phrase (「牵头单位想报…高价值」): the phrase names the application,
    not a record."""
    words = LEXICON.asking_to_apply
    verbs = either((*words.apply_verbs, *deeds))
    return re.compile(f"(?:{either(words.intent_words)})(?:来|去)?(?:{verbs})")


@cache
def _INTENDING() -> re.Pattern[str]:
    # 「想牵头…报高价值专利」「打算作为牵头单位申报」: the application intended now, not a fact; the
    # capacity it is intended in may come between (「想以电子学院牵头报…」)
    words = LEXICON.asking_to_apply
    capacity = f"(?:(?:{either(words.capacity_words)})[^，。；、]{{1,8}}?)?"
    return re.compile(f"(?:{either(words.intent_words)}){capacity}[^，。；、]{{0,{INTENDING_SPAN}}}$")


@cache
def _SELF_ASIDE() -> re.Pattern[str]:
    # the applicant naming itself, then a short aside in brackets about what it is
    kinds = LEXICON.applicant_kinds
    return re.compile(
        f"((?:{either((*kinds.pronouns, *kinds.determiners))})[\u4e00-\u9fff]{{0,3}})[（(][^（）()]{{1,5}}[）)]"
    )


def _of_experience(spec: FactSpec) -> bool:
    """The fact asks what the applicant has done (「是否…承担过」): an intention says nothing of it."""
    return any(word in spec.question for word in LEXICON.fact_cues.experienced)


@cache
def _RELATED() -> re.Pattern[str]:
    return re.compile(f"(?:企业|单位)?的[^，。；、]{{0,4}}?(?:{either(LEXICON.fact_cues.relations)})")


@cache
def _NOT_BEING() -> re.Pattern[str]:
    # not 「不是没有重点实验室」: a negation after 不是 makes it a double negation of owning
    between = f"(?:(?!{either(LEXICON.fact_cues.negations)})[^，。；、]){{0,{_BEING_SPAN - 2}}}"
    return re.compile(f"(?:{either(LEXICON.fact_cues.not_being)}){between}$")


def progress_of(text: str, clause: str = "") -> str | None:
    """ "under_way" (「正在申报」「递交了申请」「还没批」), "applied" (「申报了」: the outcome not
    said), "planned" (「写进了规划」「打算」), or
    None; a denied cue (「没有在申报」「不打算」) is none. An approval not yet given is read in
    the unmasked `clause`: its word may be another fact's phrase (「获批」 of a GI's years)."""
    if affirmed("under_way", text) or _not_yet_approved(clause or text):
        return "under_way"
    if affirmed("applied_for", text) or _APPLIED_LAST.search(text):
        return "applied"
    # a plan to apply with the thing (「打算指定一个…证明商标」) is no plan of the thing
    applying = LEXICON.fact_cues.applying_verbs
    planned = [m for m in affirmed_spans("planned", text) if not text.startswith(applying, m.end())]
    return "planned" if planned else None


# An apply verb closing the clause, its object the thing named before (「保护中心我们去年申请了」),
# not 「申请了一批专利」, which applied for something else
_APPLIED_LAST = re.compile(r"(?:申请|申报)(?:了|过)+的?[。！!，,；;\s]*$")


def _waited_for(words: str) -> str | None:
    """A thing under way within a phrase's own words (「高价值项目还在等验收」), where the
    phrase's words mask the cue; not a plan (「产业规划已经出台」 holds 规划 as its noun)."""
    return "under_way" if affirmed("under_way", words) else None


def _not_yet_approved(text: str) -> bool:
    """An approval with a not-yet word right before it (「还没批」「尚未获批」)."""
    not_yet = LEXICON.fact_cues.not_yet
    return any(text[: m.start()].endswith(not_yet) for m in cue_spans("approvals", text))


def in_progress(spec: FactSpec, progress: str, words: str) -> Reading:
    """A thing under way or planned is not done: no for a fact about a thing done; an
    application counts where the registry says so; anything else is asked."""
    applied = progress in ("under_way", "applied")
    if applied and cues("not_selected", words):
        return Reading(False)  # 「小巨人申报过，没评上」: applied for, and not given
    if spec.in_progress == "plan" or (spec.in_progress == "yes" and applied):
        return Reading(True, applied=applied)
    if progress == "applied":  # 「小巨人我们申报了」: given since, or not?
        return Reading(doubt=words, applied=True)
    if spec.in_progress == "no":
        return Reading(False, applied=applied)
    return Reading(doubt=words, applied=applied)


_ATTITUDE_SPAN = 4  # characters before a phrase where an attitude verb stands (「不重视」)


def read_phrase(
    segment: str,
    text: str,
    matches: list[Match],
    index: int,
    keys: set[str],
    reference: float | None = None,
    applicant_type: str | None = None,
    rest: str = "",
) -> Reading:
    """`rest`: the sentence after the clause (「…撤回率97.6%，全省平均90%」 compares across it)."""
    match = matches[index]
    spec = match.spec
    text = _unmask_nested(segment, text, matches, match)
    if is_measure(match) and of_the_average(text[match.end :]):
        # 「撤回率全省平均是多少我不记得了，反正我们比平均高」: the comparison, if the sentence makes one
        return against_average_of(spec, text[match.end :] + "，" + rest, Reading(topic=True))
    if _modifies_next(segment, matches, index):
        # 「国家知识产权强市的示范城市、试点城市也都不是」: 强市 only says whose titles follow; what
        # is said is said of them (read as a plain mention, it had been a yes)
        return Reading(doubt=segment)
    if segment[max(0, match.start - _ATTITUDE_SPAN) : match.start].endswith(LEXICON.fact_cues.attitude_verbs):
        return Reading()  # 「不是我们不重视发明专利」: how the thing is regarded, not whether it is had
    hedges = doubtful(text)
    # what was heard (「但听说重点联系指导项目不受销售额限制」) or what a rule grants, hedged
    # (「不过小巨人好像不受这个限制」), is a rule: it says nothing of the applicant's own fact
    of_the_rule = of_a_rule(segment, hedges)
    if asking(text) and not _names_itself_asking(spec, segment, match):
        # a question states nothing; what was said before stands, unless the applicant asks
        # it of itself (「不知道算不算专职」): then what was said is in doubt
        return Reading(doubt=segment) if hedges and not of_the_rule else Reading()
    other_level = LEXICON.fact_cues.other_levels.get(applicant_type or "", ())
    # 「县级市政府给人给钱给物」: a county-level city names itself, not the city above it
    named_other_level = any(word in without("not_levels", segment) for word in other_level)
    if spec.actors and not named_other_level:
        return Reading()  # not about the body the fact is about (a county's 市里)
    if hedges:
        return Reading() if of_the_rule else Reading(doubt=segment)
    mentioned = years_in(segment)
    about = {spec.year, *spec.years} - {None}
    if about and mentioned and not about & mentioned:
        return Reading(other_year=True)  # the clause is about another year
    if spec.year is not None and not mentioned and _other_years(matches, index):
        if spec.type == YES_NO and _never(text, matches, index):
            return Reading(False)  # 「真抓实干没评上过」: no year's title, so not this year's
        if spec.type == YES_NO and _read_yes_no(segment, text, matches, index).value is False:
            return Reading(False)  # 「真抓实干和快速维权中心都没有」: a title denied, of no year, is not held
        return Reading(doubt=segment, undated=True)  # 「被评为过真抓实干」: the 2020 or the 2022 title?
    if (
        not spec.about_others
        and not _switched_to(spec, segment)
        and another_body(_only_this_masked(segment, match))
    ):
        return Reading(doubt=segment, of_another=True)
    if not spec.about_others and named_other_level:
        # 「快维中心是市里建的」, said by a district: a thing built may serve it too, so even 「我们区
        # 自己没有建」 leaves it asked; another level's title is not the applicant's, whose own
        # clause then settles it (「市里是22年真抓实干先进，我们县没评上」)
        # (「只有个市里设的工作站」: that is all there is, and a later 「不是国家级的」 settles it)
        return Reading(doubt=segment, of_another=spec.in_progress == "ask", limited=_limited(text))
    if (
        spec.needs
        and not any(word in segment for word in spec.needs)
        and not _object_left_out(segment, match)
    ):
        return Reading()  # not the thing the fact is about
    if _RELATED().match(segment, match.end):
        return Reading(doubt=segment)  # 「链主的配套企业」: a body related to the one named
    # (asked of facts of what was done only: their yes_needs are its verbs, 牵头 …)
    intended = _of_experience(spec) and (
        _INTENDING().search(segment[: match.start])
        or _APPLYING_INSIDE(spec.yes_needs).search(inside(segment, match))
    )
    if intended and not progress_of(text):
        # 「想牵头…报高价值专利」「作为牵头单位想报…高价值专利培育新建项目」: what is intended says
        # nothing of what was done
        return Reading()
    if spec.owned and _NOT_BEING().search(segment[max(0, match.start - _BEING_SPAN) : match.start]):
        return Reading()  # 「我们也不是重点实验室」: what the applicant is, not what it owns
    if any(word in segment for word in spec.not_with):
        # another period (近三年 for a last-year figure) or another thing; a project the applicant
        # took part in as a partner is another body's it led (「作为合作单位参加过…高校牵头的…项目，
        # 我们自己没有牵头过」: the applicant's own clause may follow)
        partner = cues("partner_roles", segment) and spec.type == YES_NO
        return Reading(of_another=True) if partner else Reading()
    if _other_level(spec, segment[match.start : match.end] + _level_scope(segment, text, match)):
        if match.synonym in spec.prerequisites:
            return Reading()  # 「省…保护示范区」: another title than the one it presupposes
        if spec.type == YES_NO and _only_another_level(spec, text):
            return Reading(False)  # 「只有省级的保护中心」: none of the level the fact asks
        if spec.type == YES_NO and _denies_wanted_level(spec, text + "，" + _first_clause(rest)):
            return Reading(False)  # 「保护中心是省级的，不是国家级」: not of the level the fact asks
        return Reading(doubt=segment)
    if spec.type == YES_NO and match.synonym in spec.prerequisites:
        # read with only its own words masked: another fact's phrase may hold its 过; a title
        # denied (「也不是…联系指导项目或保护示范区」) is not the title it presupposes either
        denied = _never(masked(segment, [match]), [match], 0)
        # 「没有在承担省知识产权项目」: none now, so not this one now; 「重点联系指导项目和保护示范区都
        # 不是」: a title listed with another is denied with it
        listed = match.synonym.startswith(_LIST_JOINS)
        if (spec.ongoing or listed) and not denied:
            denied = _read_yes_no(segment, text, matches, index).value is False
        if listed and not denied:  # 「没被列为A或者保护示范区」: the item before it is denied, so is it
            before_it = [j for j, m in enumerate(matches) if m.end == match.start and m.spec.type == YES_NO]
            denied = any(_read_yes_no(segment, text, matches, j).value is False for j in before_it)
        before = cues("not_being", text[: match.start])  # 「不是A或保护示范区」: its 或 is in the phrase
        not_being = before and _read_yes_no(segment, text, matches, index).value is not True
        # 「牵头的省高价值专利培育项目还在建设期」: the thing presupposed is under way, so not done
        under_way = spec.in_progress == "no" and progress_of(text, segment) == "under_way"
        return Reading(False) if denied or not_being or under_way else Reading()
    aside = _PAYMENT_ASIDE.search(segment) if spec.ongoing else None
    closing = aside is not None and not segment[aside.end() :].strip(" 。，,；;！!")
    if aside and closing and match.end <= aside.start() and not _names_payment(match):
        # 「未承担…项目（无未拨尾款）」: the bracket's negations are the last payment's, read of its
        # own; the phrase is read on the clause before it
        kept = [m for m in matches if m.end <= aside.start()]
        cut = aside.start()
        return read_phrase(
            segment[:cut], text[:cut], kept, kept.index(match), keys, reference, applicant_type, rest
        )
    if spec.type == YES_NO:
        dated = _years_of_this_event(segment) if spec.year_until is not None else set()
        if dated and min(dated) > spec.year_until:  # type: ignore[operator]
            return Reading(False)  # 「2019年立项的…是2022年6月才验收通过的」
        if spec.year_until is not None and not dated and _LATE.search(segment):
            return Reading()  # 「要到今年下半年才验收」: late, but of no year said; nothing of before it
        # another fact's phrase may hold the words (「尾款…拨付了」), and so may this fact's phrases of the
        # other sense (「…战略推进计划项目已验收」): read them around this fact's phrases of this sense
        own = [m for m in matches if m.spec.key == spec.key and m.negative == match.negative]
        if spec.ongoing and _unpaid_phrase(segment, match):
            return Reading(True)  # 「已经验收了但尾款还没拨下来」: still running, as the guides count it
        if spec.ongoing and (finished := _finished(masked(segment, own))) is not None:
            return Reading(not finished)  # 「已经验收」: no longer running; 「还没验收」: still running
        if spec.ongoing and _names_payment(match) and (paid := _read_payment(segment, match)) is not None:
            return paid
        if spec.ongoing and match.synonym in LEXICON.fact_cues.payments:
            return Reading(doubt=segment)  # 「尾款还没到」: paid or not, the words do not say
        if spec.ongoing and affirmed("experienced", text) and not progress_of(text):
            return Reading(doubt=segment, running=True)  # 「承担过」: perhaps not now (「没承担过」: never)
        if (lifted := lifting(text[match.end :])) is not None:  # 「被列入失信名单（至今未移出）」
            return Reading(doubt=segment) if lifted else Reading(True)
        reading = _read_yes_no(segment, text, matches, index)
        if reading.value is True and _when_not_said(spec, mentioned, text):
            return Reading(doubt=segment)  # 「拿过中国专利奖」: within the three years, or before?
        if reading.value is True and spec.yes_needs and not any(w in segment for w in spec.yes_needs):
            # 「承担过省高价值专利项目」: as its lead, or a partner? (a clause before may say)
            return Reading(doubt=segment, wanting=True)
        if is_measure(match):  # 「撤回率97.6%，全省平均90%出头」「撤回率不比全省平均低」: as it compares
            reading = against_average_of(spec, segment[match.end :] + rest, reading)
        # (a negative phrase naming no alternative, 「不是地理标志」, denies them all)
        whole = match.negative and not alternatives_named(spec.either, match.synonym)
        return _checked_yes_no(reading, spec, segment, text, whole=whole)
    if spec.type == CHOICE:
        if progress_of(text, segment) in ("under_way", "applied"):
            return Reading()  # 「国家级高新区正在申请升格，还没批」: not what it is yet
        return _read_choice(segment, text, matches, index)
    if _same_words_other_figure(matches, index, keys):
        return Reading(doubt=segment)  # 「研发投入占销售收入4.2%」: last year's, or three years'?
    return read_number(segment, text, matches, index, reference)


def lifting(text: str) -> bool | None:
    """Whether a listing named before the text was lifted: True (「已经移出了」), False when
    it stands (「至今未移出」「还在修复中」: the negation is the lifting's, not the listing's), None
    when the words say nothing of it."""
    spans = cue_spans("lifted", text)
    under_way = any(
        text[: m.start()].endswith(("正在", "还在", "在")) or text.startswith("中", m.end()) for m in spans
    )
    if affirmed("lifted", text) and not under_way:
        return True
    return False if under_way or denied("lifted", text) else None


def against_average_of(spec: FactSpec, said: str, reading: Reading) -> Reading:
    """A measure said as a figure and the average's figure, compared the way the fact asks
    (its yes_text says 高于 or 低于, not both); figures whose ranges overlap are asked."""
    found = compared_with_average(said, frozenset({spec.year, *spec.years} - {None}))
    above, below = "高于" in spec.yes_text, "低于" in spec.yes_text
    if found is None or above == below:  # neither, or both: the fact's direction is not clear
        return reading
    if found == UNSETTLED:
        return Reading(doubt=said)
    return Reading(found == (ABOVE if above else BELOW))  # level with it is neither


def _unmask_nested(segment: str, text: str, matches: list[Match], match: Match) -> str:
    """A gap phrase read with another fact's phrase inside it (「高价值项目还没验收」 holds
    「还没验收」): that phrase's words are this one's own, its negation included."""
    nested = [m for m in matches if m is not match and match.start <= m.start and m.end <= match.end]
    if not nested or match.contiguous:
        return text
    return masked(segment, [m for m in matches if m not in nested])


def _unpaid_phrase(segment: str, match: Match) -> bool:
    """The phrase itself says a last payment is not made (「尾款…没拨」), with no denial before
    or after it in its clause (「没有正在承担（含尾款没拨）的…项目」「含尾款没拨的也没有」)."""
    paid_words = any(word in match.synonym for word in LEXICON.fact_cues.payments)
    unpaid = paid_words and bool(cues("negations", match.synonym))
    around = mask_look_alikes(segment[: match.start] + MASK + segment[match.end :])
    return unpaid and not cues("negations", around)


_PAYMENT_LEAD = 4  # characters before 尾款 that are its own words (「无未拨尾款」「以前的尾款」)


def _read_payment(segment: str, match: Match) -> Reading | None:
    """A last payment's words, for a fact of a project still running: settled (「尾款都结了」
    「尾款也没有挂着的」) is no project running on its account, outstanding (「尾款还挂着」) is one;
    in brackets (「没有在承担…项目（含尾款）」「没有正在承担（含尾款没拨）的…」) they say what the
    phrase covers, which says whether there is one. None: read as any other phrase (a denial
    further before scopes over it: 「没有正在承担或尾款未拨的…项目」)."""
    settled = payment_settled(_payment_words(segment, match))
    if _in_brackets(segment, match):
        return Reading(False) if settled is True else Reading()
    denied_before = cues("negations", mask_look_alikes(segment[: max(0, match.start - _PAYMENT_LEAD)]))
    return Reading(not settled) if settled is not None and not denied_before else None


def _payment_words(segment: str, match: Match) -> str:
    """Where a last payment's state is said: the bracket that holds 尾款 (「（无未拨尾款）」), else
    its clause from 尾款 on, with what stands right before it (「无未拨尾款」「以前的尾款也都拿了」)."""
    if _in_brackets(segment, match):
        end = segment.find("）", match.end)
        return segment[segment.rfind("（", 0, match.start) + 1 : end if end >= 0 else len(segment)]
    return segment[max(0, match.start - _PAYMENT_LEAD) :]


_PAYMENT_ASIDE = re.compile(f"（[^（）]*(?:{either(LEXICON.fact_cues.payments)})[^（）]*）")


def _names_payment(match: Match) -> bool:
    """The phrase is one of a last payment (「尾款」「尾款…没拨」)."""
    return any(word in match.synonym for word in LEXICON.fact_cues.payments)


def _in_brackets(segment: str, match: Match) -> bool:
    return segment.rfind("（", 0, match.start) > segment.rfind("）", 0, match.start)


def _finished(text: str) -> bool | None:
    """Whether the clause says a project is finished (「已经验收」), not finished (「还没结项」),
    or neither; a clause that says both is neither."""
    done, not_done = bool(affirmed("finished", text)), bool(denied("finished", text))
    return done if done != not_done else None


def _same_words_other_figure(matches: list[Match], index: int, keys: set[str]) -> bool:
    """The same words name another figure asked for, in the same unit (利税 of last year and the
    lowest of three years): without a period named, it is not known which."""
    match = matches[index]
    return any(
        m.start == match.start
        and m.spec.key in keys
        and m.spec.key != match.spec.key
        and m.spec.unit == match.spec.unit
        for m in matches
    )


def another_body(text: str, clause: str = "") -> bool:
    """The clause names another body than the applicant (「母公司有…」); a body word after 是
    names the applicant itself (「苏州这边是分公司」), and so does one that applies (「集团公司想报
    高价值专利培育新建」); `clause` is the whole clause of which `text` opens."""
    text = without_left_out(text)  # 「一千二百件（不含子公司）」: not the subsidiaries' figure
    return any(
        not _named_as_self(text[: m.start()])
        and not _APPLIES.match(clause or text, m.end())
        and not text.startswith(_ITSELF, m.end())  # 「母公司本部自己有效专利130件」: the applicant's own
        for m in cue_spans("other_bodies", text)
    )


_ITSELF = (*LEXICON.applicant_kinds.reflexives, "本部", "本身")


def _named_as_self(lead: str) -> bool:
    """「苏州这边是分公司」「我们是集团下面的子公司」: the body after 是 (in its noun phrase) is the
    applicant; not when the phrase, or what was done of it, stands before 是 (「示范县是隔壁县」
    「真抓实干评上的是隔壁县」: who holds it)."""
    found = _NAMED_AS_SELF.search(lead)
    return found is not None and not _HELD_BY.search(lead[: found.start()])


# 「示范县是隔壁县」「真抓实干评上的是隔壁县」「真抓实干22年是隔壁县评上了」: the phrase, or what
# was done of it, or its year, before 是
_HELD_BY = re.compile(
    rf"{MASK}(?:[^，,。；;{MASK}]{{0,4}}的|\s*(?:(?:20)?\d{{2}}\s*年度?|去年|前年|今年)(?:那次|那回|的)?)?$"
)


# (not the 是 of 但是/可是/还是/倒是: 「但是同集团的兄弟公司2019年验收过」 names another body)
_NAMED_AS_SELF = re.compile(r"(?:(?<![但可还倒])是|属于)[^，,。；;！!？?、有和与跟]{0,6}$")


_APPLIES = re.compile(r"(?:想|要|准备|打算|拟|计划)?(?:申报|申请|报|牵头)")


def _only_this_masked(segment: str, match: Match) -> str:
    """The clause with only this phrase masked: words of another body inside another fact's
    phrase (「所在的区…承担」) still say whose the clause is."""
    return segment[: match.start] + MASK * (match.end - match.start) + segment[match.end :]


def _when_not_said(spec: FactSpec, mentioned: set[int], text: str) -> bool:
    """A thing done within some years (a fact of `years`, not one still running) said with no
    year and no word of a recent period."""
    return bool(spec.years) and not spec.ongoing and not mentioned and not cues("recent_periods", text)


def _object_left_out(segment: str, match: Match) -> bool:
    """Another body's record said with its verb last (「市里没承担过」): the object left out is
    the program spoken of, so the thing the fact needs named is named by the conversation."""
    tails = "".join(LEXICON.fact_cues.object_left_out_tails)
    return match.spec.about_others and not segment[match.end :].strip(tails + "，。,.；;！! ")


def _other_years(matches: list[Match], index: int) -> bool:
    """The same words name the same fact of another year (真抓实干 of 2020 and of 2022)."""
    match = matches[index]
    return any(
        m.start == match.start and m.spec.year not in (None, match.spec.year)
        for m in matches
        if m is not match
    )


_LIST_JOINS = ("和", "与", "及", "、", "或")  # 「没被列为A或者保护示范区」: denied with A
_NONE_OF_IT = re.compile(r"(?:没有|没|无)(?=也|又|，|,|$)")  # 「没有也没申报」: none of it, and then
_LATE = re.compile(r"才|要到|预计|将要|将于")  # an event later than hoped, or still to come


def _years_of_this_event(segment: str) -> set[int]:
    """The years a clause names, but those of another event it dates (「2019年立项」)."""
    return years_in(OF_AN_EVENT().sub("", segment))


@cache
def OF_AN_EVENT() -> re.Pattern[str]:
    # a year and the event it dates (「2019年立项」「20年获批」): that event's year
    return re.compile(rf"(?:19|20)?\d{{2}}\s*年度?的?(?:{either(LEXICON.fact_cues.events)})")


def _never(text: str, matches: list[Match], index: int) -> bool:
    """The phrase is denied once, for every time (「没评上过」「从未评上」), nothing else said of it."""
    said = _negations(text, matches, index)
    gap = inside(text, matches[index])
    # a phrase that ends in 过 holds the 过 of 「没…过」 (「高价值项目我们没做过」)
    past = matches[index].synonym.endswith("过") and bool(cues("negations", gap.replace(MASK, "")))
    return said.count == 1 and (past or says_never((said.lead + gap + said.tail).replace(MASK, "")))


def _level_scope(segment: str, text: str, match: Match) -> str:
    """Where a level word bears on a phrase: the clause, or only the phrase's own 、 item when
    the phrase names its level itself (「独立机构统一管理、…全省园区第2、国家知识产权示范园区都满足」:
    省 is the rank's)."""
    if not any(
        w in segment[match.start : match.end] for words in LEXICON.fact_cues.levels.values() for w in words
    ):
        return _up_to_own_item(text, match)
    start = text.rfind("、", 0, match.start) + 1
    end = text.find("、", match.end)
    return text[start : end if end >= 0 else len(text)]


def _up_to_own_item(text: str, match: Match) -> str:
    """The words of a clause that bear on a phrase's level: its own 、 item, the list's first
    (a level there may be the whole list's: 「国家级的示范、试点园区」) and its last when that sums
    the list up (「示范、试点都是国家级的」); not another item's own level (「江苏独立法人、行业龙头、
    在研国家项目」)."""
    start, end = text.rfind("、", 0, match.start) + 1, text.find("、", match.end)
    if start == 0 and end < 0:
        return text
    first = text[: text.find("、")] if start > 0 else ""
    own = text[start : end if end >= 0 else len(text)]
    last = text[text.rfind("、") + 1 :] if end >= 0 else ""
    return "、".join((first, own, last if re.search(EVERY_ONE, last) else ""))


def _other_level(spec: FactSpec, text: str) -> bool:
    """The clause names a level (国家, 省, 市, 县) that the fact's question does not."""
    levels = LEXICON.fact_cues.levels
    wanted = {name for name, words in levels.items() if any(w in spec.question for w in words)}
    if not wanted:
        return False
    text = without("not_levels", text)  # 「县级市」 names a city, not a level
    text = _SELF_ASIDE().sub(r"\1", text)  # 「我们市（县级）」 says what the applicant is
    said = {name for name, words in levels.items() if any(w in text for w in words)}
    return bool(said - wanted)


def _only_another_level(spec: FactSpec, text: str) -> bool:
    """「只有省级的知识产权保护中心」「只是市级的」: a limit right before another level than the
    fact's, in a clause with no negation: the applicant has that level's thing only."""
    _, others = _levels_of(spec)
    limited = re.search(f"(?:{either(LEXICON.fact_cues.limits)})[^，,。、]{{0,3}}(?:{either(others)})", text)
    return bool(limited) and not cues("negations", text)


def _limited_to_its_level(spec: FactSpec, text: str) -> bool:
    """「（不是重点实验室，）只有省工程技术研究中心」: the limit is right before a level the fact
    asks for (国家或省…平台), and no other level is named: what there is meets it."""
    wanted, others = _levels_of(spec)
    words = [w for name, level in LEXICON.fact_cues.levels.items() if name in wanted for w in level]
    if not words or any(w in text for w in others):
        return False
    limit = either(LEXICON.fact_cues.limits)
    return re.search(f"(?:{limit})[个一]?(?:{either(tuple(words))})", text) is not None


def _levels_of(spec: FactSpec) -> tuple[set[str], list[str]]:
    """The levels the fact's question names (国家, 省 …), and every word of the other levels."""
    levels = LEXICON.fact_cues.levels
    wanted = {name for name, words in levels.items() if any(w in spec.question for w in words)}
    return wanted, [w for name, words in levels.items() if name not in wanted for w in words]


def denies_its_level(spec: FactSpec, text: str) -> bool:
    """「（保护中心我们有一个，）不过是市里自己建的，不是国家级的」「是省级的，不是国家级」: a
    clause that denies the level the fact names, or says the thing is of another level."""
    wanted, others = _levels_of(spec)
    if len(wanted) != 1:  # 「国家或省重点实验室」: denying one level leaves the other
        return False
    another = re.search(f"(?<![不非])(?:是|属于)(?:{either(tuple(others))})", text)
    return _denies_wanted_level(spec, text) or bool(another)


def _modifies_next(segment: str, matches: list[Match], index: int) -> bool:
    """The phrase is followed by 的 and another fact's phrase, and the clause denies after
    them: what is denied is the phrase it modifies (「强市的示范城市…都不是」), not it; a yes of
    both stands (「江苏的科研院所」)."""
    match = matches[index]
    head = next((m for m in matches if m.start == match.end + 1 and m.spec.key != match.spec.key), None)
    if head is None or not segment.startswith("的", match.end):
        return False
    return bool(cues("negations", mask_look_alikes(segment[head.end :])))


def _names_itself_asking(spec: FactSpec, segment: str, match: Match) -> bool:
    """「国家级经开区能报2024年度保护示范区吗」: the applicant's kind, the subject of its own
    question whether it can apply (named before the apply verb, with no hedge), is said."""
    if doubtful(segment):
        return False
    return _switched_to(spec, segment) or (spec.named_in_question and asks_to_apply(segment[match.end :]))


# A follow-up naming the body that would apply instead (「换…高新区报呢」「那由园区管委会来报呢」)
_SWITCHED_TO = re.compile(
    rf"^\s*(?:那|那么)?\s*(?:{either(LEXICON.asking_to_apply.instead_openers)})[^，。；？?]{{0,30}}呢"
)


def _switched_to(spec: FactSpec, segment: str) -> bool:
    """The applicant's own kind named in a follow-up that switches to it (「换我们市下面的国家级
    高新区报呢」): the body switched to is the applicant now."""
    return spec.named_in_question and _SWITCHED_TO.match(segment) is not None


def _denies_wanted_level(spec: FactSpec, text: str) -> bool:
    """The text denies the one level the fact names (「不是国家级」)."""
    wanted, _ = _levels_of(spec)
    if len(wanted) != 1:
        return False
    words = either(LEXICON.fact_cues.levels[next(iter(wanted))])
    if re.search(f"(?:不是|并非|不属于|非)(?:{words})", text):
        return True
    # 「保护中心是省级的，国家级的还在申请 / 还没建成」: a clause of the level asked alone
    # (「国家级的」) denies it, or says it is not there yet, where a thing under way counts as
    # none (in_progress: no)
    clauses = (c.strip() for c in re.split(r"[，,。；;]", text))
    elliptic = [m["rest"] for c in clauses if (m := re.fullmatch(f"(?:{words})的(?P<rest>.{{1,6}})", c))]
    denied = any(len(cues("negations", rest)) % 2 == 1 for rest in elliptic)
    return denied or (spec.in_progress == "no" and any(progress_of(rest) for rest in elliptic))


def _first_clause(rest: str) -> str:
    """The clause that opens the rest of a sentence."""
    return re.split(r"[，,；;。]", rest.lstrip("，,；; "), maxsplit=1)[0]


def _checked_yes_no(
    reading: Reading, spec: FactSpec, segment: str, text: str, whole: bool = False
) -> Reading:
    """A yes limited by 只是/只有, or a no that names only some alternatives of an 「A或B」
    fact (「不是示范城市」 may still be 试点), is asked instead; not a no said in words that deny
    the whole (`whole`: a negative phrase, 「它不是地理标志」「地理标志证明商标还在申请中」)."""
    if reading.value is True and _limited(text) and not _limited_to_its_level(spec, text):
        return Reading(doubt=segment, limited=True)
    if reading.value is False and spec.either and not whole:
        if _held_instead(spec, segment):
            return Reading(True)  # 「不是强县示范县而是试点县」: the other alternative is held
        named = alternatives_named(spec.either, segment)
        if named and spec.in_progress == "yes" and _NONE_OF_IT.search(segment):
            # 「快速维权中心没有也没申报」: 没有 alone denies having one (built), the rest the application
            named = (spec.either[0], *(alt for alt in named if alt != spec.either[0]))
        # 「不是强县」 names no alternative and denies the title whole; 「没有快维中心」 says nothing
        # of an application where one counts (in_progress: yes)
        generic = not named and spec.in_progress != "yes"
        if len(named) < len(spec.either) and not generic:
            return Reading(doubt=segment, denies=named)
    return reading


# 「只是2020年立项的…项目还在实施」「只是还有一个…项目没验收」: a limit word opening the clause
# before a time, the applicant's name or 还/也 joins the clause as 「but」, limiting nothing
_JOINING = re.compile(
    r"^\s*(?:只是|只不过)(?=\s*(?:(?:20)?\d{2}\s*年|去年|前年|今年|目前|现在|我们|公司|企业|学校|还|也))"
)


def _limited(text: str) -> bool:
    """A limit word (只是, 只有) in the clause that limits what follows it."""
    return bool(cues("limits", _JOINING.sub("", text)))


def _held_instead(spec: FactSpec, segment: str) -> bool:
    """「不是A而是B」: after a contrast (而是, 只是 …), the clause names an alternative of the
    fact as what the applicant is."""
    words = either(tuple(word for alt in spec.either for word in alt.split("|")))
    return (
        re.search(f"(?:{either(LEXICON.fact_cues.held_instead)})[^，,。；;]{{0,6}}?(?:{words})", segment)
        is not None
    )


@cache
def _NEXT_NEGATED() -> re.Pattern[str]:
    return re.compile(f"^(?:{either(LEXICON.fact_cues.negations)})[^、，,]{{0,4}}$")


@dataclass(frozen=True)
class Negations:
    """The negations that bear on a phrase (with its 和/、 chain), and the text around it."""

    count: int
    lead: str
    tail: str
    # Which phrase a no is of is not certain: one before the phrase and one after it (「没有X
    # 没评上」 repeats the no rather than cancelling it; 「不是没有」, side by side, still cancels);
    # a no shared along the chain and a yes of the last phrase's own (「没有失信、非正常申请有过
    # 一次」); or a bare no between two phrases neither of which says anything else (「事故没有失信」)
    unsure: bool


def _negations(text: str, matches: list[Match], index: int) -> Negations:
    first, last = chain(text, matches, index)
    lead, tail = _own_item(before(text, matches, first)), after(text, matches, last)
    earlier = neighbour(matches, first, -1)
    if earlier is not None and _takes_between(text, matches, earlier, first):
        lead = ""  # 「事故没有失信也没有」: the 没有 before 失信 is 事故's predicate
    # A negation after a phrase that another phrase follows is that phrase's (「无事故无失信」):
    # only a shortfall (「撤回率低于…」) is read back.
    followed = any(m.start >= matches[last].end for m in matches[last + 1 :])
    parallel = negated_in_parallel(lead)  # 既不是…也不是…
    said_before = len(cues("negations", _own_item(lead + inside(text, matches[index]))))
    if _item_said(bool(said_before), tail):  # 「无失信、没牵头过」: the next item's negation is its own
        tail = before_own_item(tail)
    # 「没事故没严重失信」: after a phrase denied before it, a negation with a short modifier right
    # before the next phrase is the next one's; 「快维中心没建成保护中心也没有」: without one before,
    # the negation after the phrase is its own, though another phrase follows
    parallel_next = followed and said_before % 2 == 1 and _NEXT_NEGATED().match(tail) is not None
    said_after = [] if parallel_next else _negated_after(tail, parallel)
    following = neighbour(matches, last, 1)
    takes = None if following is None else _takes_between(text, matches, last, following)
    if takes and not said_after:  # 「失信记录没有非正常申请也没有」: the 没有 was kept for the next phrase
        said_after = [_bare_negation(text, matches, last, following)]
    shortfall = cues("falling_short", tail) + cues("middling", tail) + said_after
    count = said_before + len(shortfall) + int(matches[index].negative)
    listed_before_a_no = False
    if count == 0 and _denied_for_every(text, matches, last):
        count = 1  # 「强县示范试点、快维中心都没有」: the list's 都没有 denies this item too
    elif count == 0:
        listed_before_a_no = _listed_before_a_no(text, matches, last)  # 「A、B一个也没有」: asked
    denied_before = said_before % 2 == 1
    # a yes of its own after it, where the negation before it may be the chain's (「没有失信、非正常
    # 申请有过一次」) or the phrase's before it (「保护中心没建成快维中心有」)
    own_yes = (first != index == last or first > 0) and bool(affirmed("yes_words", tail))
    # 「有事故失信都没有」: 有 right before the phrase (no phrase before it whose 有 it is) and a no after it
    contradicted = earlier is None and not said_before and bool(said_after) and _yes_right_before(lead)
    unsure = (
        (denied_before and (bool(said_after) or own_yes))
        or (following is not None and takes is None)
        or listed_before_a_no
    )
    return Negations(count, lead, tail, unsure or contradicted)


def _bare_negation(text: str, matches: list[Match], left: int, right: int | None) -> str:
    """The negation between two phrases with nothing else there but a noun that closes the
    first (「失信记录没有…」) and a short modifier of the next (「…没有严重失信」), or ""."""
    if right is None:
        return ""
    found = _BARE_NEGATION().fullmatch(text[matches[left].end : matches[right].start])
    if not found or cues("yes_words", found["modifier"]) or cues("negations", found["modifier"]):
        return ""
    return found["negation"]


# 「我们是…」「有…」, not the 是 of a connective (「就是…」「还是…」「但是…」) nor 没有
_YES_AT_END = re.compile(r"(?<![没沒无未])有$|(?<![不就但还可只而要倒总或])是$")


def _yes_right_before(lead: str) -> bool:
    return _YES_AT_END.search(lead) is not None


@cache
def _BARE_NEGATION() -> re.Pattern[str]:
    tails, negations = either(LEXICON.fact_cues.phrase_tails), either(LEXICON.fact_cues.negations)
    return re.compile(
        f"(?:{tails})?(?P<negation>(?:{negations})+过?)[的啊呀哦]?(?P<modifier>[\u4e00-\u9fff]{{0,2}})"
    )


def _takes_between(text: str, matches: list[Match], left: int, right: int) -> bool | None:
    """Whose a bare negation between two phrases is: False (or no such negation) when the next
    phrase's (「无事故无失信」「有独立机构没有失信」: the left one has its own word before it);
    True when the left one's predicate (「事故没有失信也没有」「事故没有失信有」: nothing before the
    left one, and the right one has its own predicate after it); None when it cannot be told
    (「事故没有失信」)."""
    things = (matches[left].spec, matches[right].spec)
    if not _bare_negation(text, matches, left, right) or things[0].type != YES_NO:
        return False
    if things[0].key == things[1].key:
        return False  # 「无失信无学术不端」: one fact's two phrases
    if matches[right].synonym in LEXICON.fact_cues.approvals:
        return True  # 「保护中心没获批」: the approval of the thing before it
    if things[1].type != YES_NO:
        return False  # a figure's word (「没有发明专利」 is none)
    first, _ = chain(text, matches, left)
    lead = _own_item(before(text, matches, first)) + inside(text, matches[left])
    if cues("negations", lead) or affirmed("yes_words", lead) or matches[left].negative:
        return False
    _, last = chain(text, matches, right)
    predicate = after(text, matches, last)
    return True if cues("negations", predicate) or affirmed("yes_words", predicate) else None


# 都 (均, 全都 …) and a negation ending a clause: what it says holds for every item before it
_EVERY_DENIED = re.compile(
    rf"(?:{EVERY_ONE}|一[个样项条件次]也)(?:还|从来)?(?:没有|没|不是|无|不具备|不属于|未|不)"
)


def _denied_for_every(text: str, matches: list[Match], last: int) -> bool:
    """The items of the clause after this phrase are followed by 都没有 (「强县示范试点、快维
    中心都没有」) and nothing between says yes of this one: the negation is this item's too,
    though words not of a phrase (试点) broke the list."""
    end = _end_of_its_list(text, matches, last)
    return end is not None and bool(_EVERY_DENIED.match(_SUMMED_UP().sub("", end.lstrip(MASK))))


def _listed_before_a_no(text: str, matches: list[Match], last: int) -> bool:
    """An item of an 、 list with no predicate of its own, the clause ending in a negation
    (「强县示范试点、快维中心一个也没有」): the no may be every item's, so this one is not a yes."""
    end = _end_of_its_list(text, matches, last)
    if end is None:
        return False
    final = max(range(len(matches)), key=lambda i: matches[i].end)
    if _item_said(bool(cues("negations", _own_item(before(text, matches, final)))), end):
        end = before_own_item(end)  # 「国际领先、无失信、没牵头过」: the last item said its own no
    return bool(cues("negations", end))


def _item_said(denied_before: bool, tail: str) -> bool:
    """The phrase's 、 item says something of it already: a no before it (「无失信、…」) or words
    after it up to the 、 (「发明专利上百件、…」). Then an 、 item opening with a negation and its
    verb is an item of its own (「、没牵头过」); after a bare phrase it is the phrase's predicate
    (「重大事故、没出过」)."""
    own = tail.split("、", 1)[0].replace(MASK, "")
    for word in LEXICON.fact_cues.phrase_tails:
        own = own.replace(word, "")
    return denied_before or bool(own.strip(" 的了啊呀"))


def _end_of_its_list(text: str, matches: list[Match], last: int) -> str | None:
    """What the clause says after its last phrase, when this phrase is an item of an 、 list
    (phrases follow it, an 、 between, no yes of its own there); None otherwise."""
    following = [m.start for m in matches if m.start >= matches[last].end]
    if not following:
        return None
    between = text[matches[last].end : min(following)]
    if "、" not in between or affirmed("yes_words", between):
        return None
    return text[max(m.end for m in matches) :]


@cache
def _SUMMED_UP() -> re.Pattern[str]:
    # 「…、快维中心这些（我们）都没有」: a word that sums the list up, and the applicant, before 都
    summing = r"这些|这几[样项个条]|这两[样项个条]|这三[样项个条]|以上这些|上面这些|以上|上述"
    return re.compile(f"^(?:{summing})?(?:(?:{either(LEXICON.applicant_kinds.pronouns)})[县市区园校院]?)?")


def _own_item(lead: str) -> str:
    """The lead of a phrase that is an item of an 、 list, or the second of 「没A也没B」, with a
    negation of its own (「没承担省项目、县里不报同一个」「没报过也没承担过这个项目」): only its
    own item; a negation of an earlier item, whose words are no fact phrase, is that item's."""
    cuts = sorted((i + 1 for i, c in enumerate(lead) if c in "、也"), reverse=True)
    return next((lead[cut:] for cut in cuts if cues("negations", lead[cut:])), lead)


def _negated_after(tail: str, parallel: bool) -> list[str]:
    """The negations after a phrase that bear on it: right after it (「…还没建成」), else the
    predicate that ends its clause (「国家知识产权强县的示范、试点也都不是」)."""
    end = tail[max(AFTER_SPAN, len(tail) - CLAUSE_END) :]
    for window in (tail[:AFTER_SPAN], end):
        plain = [c for c in tail_cues(window, parallel) if c not in SHORTFALLS]
        if plain:
            return plain
    return []


def _names_a_problem(lead: str) -> bool:
    """The words right before the phrase name it as what is wanting (「唯一的问题是」)."""
    return _right_before(lead, LEXICON.fact_cues.problem_openers, 0)


def _right_before(lead: str, words: tuple[str, ...], gap: int = 5) -> bool:
    """One of the words just before the phrase, `gap` characters at most between them
    (「只差一个国家级保护中心」)."""
    return (
        re.search(f"(?:{either(words)})[^，,。、；;]{{0,{gap}}}$", lead.replace(MASK, "").rstrip())
        is not None
    )


def _read_yes_no(segment: str, text: str, matches: list[Match], index: int) -> Reading:
    match = matches[index]
    # 「有3件」 counts things; a figure after a measure (「撤回率…低了3个百分点」) is no count
    counts = not match.negative and not names_measure(match)
    count = number_near(segment, matches, index, adjacent=True) if counts else None
    if isinstance(count, Interval):
        if count.lo == 0 and not count.lo_open and count.hi > 0:
            return Reading(doubt=segment)  # 「有效发明专利没有50件」: fewer, perhaps none
        return Reading(count.lo > 0 or count.lo_open)
    if count is not None:
        return Reading(float(count) > 0)
    said = _negations(_bounds_masked(text, matches), matches, index)
    negations, lead, tail = said.count, said.lead, said.tail
    if said.unsure:
        return Reading(doubt=segment)  # 「其他的也没有…真抓实干没评上」: said twice, not cancelled
    # 「保护中心今年刚获批筹建」: under way, wherever in the clause, within a gapped phrase too
    # (「高价值项目还在等验收」)
    progress = progress_of(text, segment) or _waited_for(inside(segment, matches[index]))
    if progress and negations == 1 and match.negative and progress_of(inside(segment, match)):
        return Reading(False)  # 「地理标志还在申请」: its own phrase (the one negation) says not given yet
    if progress:
        return in_progress(matches[index].spec, progress, segment)
    described = describes(matches[index])  # 「纳入…预算的知识产权资金」: only its lead and tail say
    said = (lead + ("" if described else inside(text, matches[index])) + tail).replace(MASK, "").strip()
    bare = said in ("", *LEXICON.fact_cues.phrase_tails)  # the phrase alone (「失信记录」)
    if negations == 0 and bare:
        return Reading(topic=True)
    if negations == 0 and topic_only(tail) and tail.replace(MASK, "").strip():
        return Reading(topic=True, announced=True)
    if negations == 0 and _right_before(lead, LEXICON.fact_cues.lacking_openers):
        return Reading(False)  # 「就差保护中心（没建）」: what is still wanting is not had
    if negations == 0 and match.contiguous and not tail.replace(MASK, "").strip() and _names_a_problem(lead):
        return Reading(topic=True, announced=True)  # 「唯一的问题是保护中心，…」: what follows says
    compared = cues("falling_short", lead + tail) or cues("exceeding", lead + tail)
    # 「国内市场占有率一般」: a rank's middling word is its no (a rate's is not: 一般 may be level)
    compared = compared or (match.spec.graded_negatives and cues("middling", tail))
    if is_measure(matches[index]) and not matches[index].negative and not compared:
        return Reading(topic=True)  # 「…撤回率，我们在全省垫底」: the comparison comes after
    if match.negative and match.spec.graded_negatives and negations > 1:
        return Reading(doubt=segment)  # 「市场份额也不是排不上号」: ranked, not said to be near the top
    if match.spec.graded_negatives and negations % 2 == 1 and _A_RANK.search(lead + tail):
        return Reading(doubt=segment)  # 「市场份额不是第一」「排不到前三」: second may still be near the top
    if negations == 0 and _NONE_IN_MANNER().search(text[: match.start]):
        return Reading(doubt=segment)  # 「没有以材料学院…牵头承担过」: not so; otherwise, not said
    return Reading(negations % 2 == 0)


@cache
def _NONE_IN_MANNER() -> re.Pattern[str]:
    """A negation that there is any, then a manner (以/由/作为…) right before the phrase: what was
    not done that way may have been done another way (「以任何学院」 denies it all: fact_phrases)."""
    return re.compile(f"(?:{THERE_IS_NONE})有?(?:以|由|作为)[^，,。；;！!？?]{{1,14}}$")


_A_RANK = re.compile(r"[第前]\s*(?:\d+|[一二两三四五六七八九十]+)")


def _bounds_masked(text: str, matches: list[Match]) -> str:
    """The text with each figure said as under a bound masked (「用了不到5年」「没有50件」): its
    negation is the figure's, not a denial of a phrase; the phrases' own words stay."""

    def under_a_bound(spoken: Spoken) -> bool:
        inside_phrase = any(m.start < spoken.end and spoken.start < m.end for m in matches)
        return spoken.bound in ("<", "<=") and not inside_phrase

    return mask_figures(text, under_a_bound)


def _read_choice(segment: str, text: str, matches: list[Match], index: int) -> Reading:
    """The option named; a denial names the other one of two only when it says what the thing
    is not (「不是手工艺品」), not when the option's word sits in a list the clause denies
    (「没出过质量、食品安全事故」 says nothing of the product's class)."""
    match = matches[index]
    if _EITHER_OR_AFTER.match(text, match.end) or _EITHER_OR_BEFORE.search(text[: match.start]):
        return Reading(doubt=segment)  # 「算手工艺品类还是其他类」: which, the applicant does not say
    said = _negations(text, matches, index)
    if said.count % 2 == 0:
        return Reading(match.option)
    others = [v for v in match.spec.option_values if v != match.option]
    being_denied = cues("not_being", said.lead[-_BEING_SPAN:])
    return Reading(others[0]) if len(others) == 1 and being_denied else Reading()


# 「手工艺品类还是其他类」「是农产品还是手工艺品」: an option asked against another
_EITHER_OR_AFTER = re.compile(r"[类的]?\s*还是\s*(?:算|属于)?\s*(?:其他|其它|别的|[^，,。；;]{1,8}?[类品区])")
_EITHER_OR_BEFORE = re.compile(r"[类品区]\s*还是\s*(?:算|属于)?$")  # not 「目前还是」 (still)
