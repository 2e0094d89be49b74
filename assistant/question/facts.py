"""Reading applicants' facts from their own words, without a model. A fact is read only when
its reading is certain; where the words leave it in doubt, it is not read, and the checker
asks for it.

Each clause (the text between two commas) is read on its own. Within it, a fact's phrase (a
synonym in the rules data) takes the negations before it back to the previous phrase (phrases
joined by 和/与/、 share them: 「没有失信和非正常申请」「失信和非正常申请都没有」) and the negations
and shortfalls after it (「撤回率低于全省平均」); two negations cancel (「不是没有」「不低于」).
A clause that names no fact continues the one before: it gives the predicate of a topic
(「保护中心的话，还没建成」), or, when it contradicts what was just read (「…写进了规划，还没
申报」), puts that fact in doubt. Hedges and questions (好像, 不清楚, 吗), words about another
body (所在的区, 母公司), and things under way (正在申报, 递交了申请) are read as the fact's
registry entry says, or doubted. The cue words live in knowledge/lexicon.yaml.

The clause loop is here; what a clause that names no fact says of the ones before it is in
fact_clauses, and the sheet the readings go on (doubts, implications) in fact_sheet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..eligibility.facts import FactSheet
from ..eligibility.rules import CHOICE, YES_NO, FactSpec, Interval, Rules
from ..thresholds import BARE_FIGURE_LOOKBACK, ECHO_LEAD, SUBJECT_SPAN, SUM_REACH
from .asking import asks_to_apply
from .bare_figures import bare_figure
from .clause_reading import OF_AN_EVENT, another_body, progress_of, read_phrase
from .fact_clauses import (
    SELF,
    continuation,
    deny_the_rest,
    goes_on,
    of_another_body,
    of_another_year,
    of_years,
    opens_predicate,
    says_no,
    sets_aside,
    short_predicate,
    summary,
    sums_up,
    without_own_name,
)
from .fact_phrases import (
    MASK,
    SHORTFALLS,
    Match,
    affirmed,
    asking,
    cue_spans,
    cues,
    doubtful,
    find_matches,
    is_measure,
    mask_look_alikes,
    masked,
    of_a_rule,
    of_the_average,
    topic_only,
    years_in,
)
from .fact_sheet import Sheet, add_reading
from .figure_reading import lower_year_after, of_one_year, per_year
from .form_text import bodies_apart, parents_named, prepared
from .lexicon import GAP, LEXICON, either
from .numbers import find_numbers
from .own_things import Named, as_named, named_in
from .program_names import without_program_names
from .reading import Reading

# A round's applications close in its first months: 「2017年注册的」 counts to a quarter into the
# round's year (2022 → 2022.25), so that a year near the threshold stays uncertain.
ROUND_OPENS = 0.25
# A colon, a dash or a bar ends a clause too (「够不够：…」「——」「链主｜经营良好」), and so do a plus and a tick between
# the items of a list typed in short (「示范城市+保护中心已建成」「20年验收✔ 在研攻关✔」); a plus
# after a figure is 「多」 (「100+件」), and one in brackets joins words (「转化（转让+许可）」).
_SEGMENT = re.compile(r"(?:[^，。；：！？,;:!?\n—+＋✔✓√☑✅｜|]|(?<=\d)[+＋]|[+＋](?=[^（(，。]*[)）]))+")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "\n", "")  # "" : the message's end
_SENTENCE_REST = re.compile(r"[^。！？!?\n]*")  # the sentence after a clause


def scope_keys(rules: Rules, program: str | None, applicant_type: str | None) -> tuple[str, ...]:
    """The facts a program (and applicant type) uses; every fact when the program is not known."""
    if program is None:
        return tuple(f.key for f in rules.fact_specs)
    prog = rules.program(program)
    if applicant_type is None:
        return prog.facts
    return prog.applicant_type(applicant_type).facts


def extract_facts(
    text: str,
    rules: Rules,
    program: str | None = None,
    applicant_type: str | None = None,
    named: Named | None = None,
) -> FactSheet:
    """Facts stated in one message; limited to the program's facts when the program is known.
    `named`: what the conversation named of the applicant's own things (own_things), else what
    this message names."""
    keys = set(scope_keys(rules, program, applicant_type))
    reference = rules.program(program).year + ROUND_OPENS if program else None
    said = without_program_names(text, rules)
    named = named or named_in((text,), applicant_type, keys)
    said = as_named(said, named, keys, applicant_type)
    return read_facts(said, rules.fact_specs, keys, reference, applicant_type, named.home)


def _read_across_contrast(
    clauses: tuple[str, str],
    last_clause: list[Match],
    sheet: Sheet,
    known: tuple[set[str], Sequence[FactSpec]],
    round_and_type: tuple[float | None, str | None],
) -> bool:
    """A clause with no phrase of its own that goes on about the phrase the clause before left in
    doubt (see _goes_on_about): the two read as one settle it (「快速维权中心还没建成，不过已经向国家局
    递交了建设申请」 has applied to build one; 「快速维权中心没有，也没申请」 has neither; 「…牵头承担了
    省高价值专利培育计划项目，现在还在实施」 runs now), or leave the doubt as it was."""
    (before, segment), (keys, specs) = clauses, known
    doubted = [m for m in last_clause if sheet.doubts.get(m.spec.key) == before]
    how = _goes_on_about(segment, doubted)
    if how is None:
        return False
    joined = before + segment
    matches = _phrases(joined, specs, keys)
    doubted_keys = {m.spec.key for m in doubted}
    settled = False
    for index, match in enumerate(matches):
        if match.spec.key not in doubted_keys:
            continue
        reading = read_phrase(joined, masked(joined, matches), matches, index, keys, *round_and_type, "")
        if reading.value is not None and reading.doubt is None and not reading.of_another:
            if how == "also_denied" and reading.value is not False:
                continue  # (denied twice, a yes would be a misreading)
            sheet.doubts.pop(match.spec.key, None)
            sheet.running.discard(match.spec.key)
            add_reading(sheet, match, reading, joined, specs)
            settled = True
    return settled


def _goes_on_about(segment: str, doubted: list[Match]) -> str | None:
    """How a clause goes on about the doubted phrases before it: it tells how far the thing came
    after a contrast (「不过已经递交了申请」: "how_far"), denies another of its alternatives after 也
    (「也没申请」: "also_denied"), or tells whether a project undertaken still runs (「现在还在实施」
    「已经验收了」: "running"); None when it names another body or says none of these."""
    cues_of = LEXICON.fact_cues
    if not doubted or _A_BODY().search(segment):
        return None  # (「…，不过我们市的已经建了」 tells of another body)
    said = masked(segment, [])
    if segment.startswith(cues_of.contrasts) and any(
        cues(kind, said) for kind in ("under_way", "applied_for", "granted")
    ):
        return "how_far"
    alternatives = [w for m in doubted for alt in m.spec.either for w in alt.split("|")]
    if segment.startswith(cues_of.going_on) and says_no(said) and any(w in segment for w in alternatives):
        return "also_denied"
    running = [m for m in doubted if m.spec.ongoing]
    # (after the year it ended, 「…18年做过一个，20年已经验收」)
    now = _A_YEAR_FIRST.sub("", segment).startswith((*cues_of.going_on, *cues_of.still_words))
    if now and any(cues("finished", said) or any(w in segment for w in m.spec.yes_needs) for m in running):
        return "running"
    return None


_A_YEAR_FIRST = re.compile(r"^\s*(?:(?:20)?\d{2}\s*年度?(?:底|初|中|末)?|去年|前年)")


def _after_contrast(segment: str) -> str:
    """The clause without a contrast word opening it (「但我们县自己没评上」 as 「我们县自己没评上」)."""
    opener = next((w for w in _OPENERS if segment.startswith(w)), "")
    return segment[len(opener) :]


_OPENERS = tuple(sorted(LEXICON.fact_cues.going_on, key=len, reverse=True))  # longest first


@cache
def _A_BODY() -> re.Pattern[str]:
    """Any word naming a body (市, 园区, 企业, 隔壁 …)."""
    kinds = LEXICON.applicant_kinds
    words = [w for group in kinds.kinds.values() for w in group]
    return re.compile(
        either((*words, *kinds.self_names, *kinds.self_bodies, *LEXICON.fact_cues.other_bodies))
    )


_YEAR_IN_NUMERALS = re.compile(r"[〇零一二][〇零一二三四五六七八九]{3}年")  # 「二〇一九年验收的」


def read_facts(
    text: str,
    specs: Sequence[FactSpec],
    keys: set[str],
    reference: float | None = None,
    applicant_type: str | None = None,
    home: tuple[str, ...] = (),
) -> FactSheet:
    """The facts among `keys` that one message states; `specs` are every fact the rules know,
    so that a clause about a fact outside `keys` is not taken for a continuation. `reference`
    is the time of the round (a year with its fraction) that 「2017年注册的」 counts to; the
    applicant's type says who another body is (a county's 市里); `home`, the places of the
    province the conversation said the applicant is in."""
    sheet, by_key = Sheet(keys), {spec.key: spec for spec in specs}
    topics: list[Match] = []  # phrases whose predicate comes in the next clause
    plain: list[Match] = []  # topics the next clause did not go on about
    told: list[str] = []  # yes/no facts the last clause read as true
    applied: list[str] = []  # facts the last clause read from an application not decided yet
    sentence: list[Match] = []  # the phrases of the sentence so far (「这几样」 looks back at them)
    dated: list[Match] = []  # phrases the last clause said of another year than theirs
    dated_before: list[Match] = []  # and those of every clause before it
    announced: list[Match] = []  # topics named with a marker (「…这块」): no yes by themselves
    leads: dict[int, str] = {}  # each topic's sentence up to it (a word its yes needs may be there)
    rests: dict[int, str] = {}  # and after its clause (where the applicant is registered may be there)
    alone: set[int] = set()  # topics that are their clause's only words (「…推进计划项目，」)
    contrasted: list[Match] = []  # phrases the last clause said of another body (「隔壁县评上了…」)
    last_clause: list[Match] = []  # the phrases of the last clause that had any
    others, ended = False, True  # the sentence is about another body (「隔壁区是…，…也比全省高」)
    last_segment = ""  # the last clause that named a fact
    fact_clauses: list[str] = []  # the sentence's clauses that named one (「有独立部门，制度健全，6个人」)
    # 「我刚才说高于平均」: what was said before, being corrected, is no statement; nothing of it is read
    # (one that says it was wrong or of which year, 「刚才说研发占比3.2%说错了」, is a correction)
    text = _form_values_joined(parents_named(prepared(text), applicant_type), specs)
    text = _clause_holding("reported_speech").sub(_unless_taken_back, bodies_apart(text, applicant_type))
    text = _clause_holding("others_claims").sub(
        "", text
    )  # 「上次有人说我们没贯标是搞错了」: not the applicant's word
    opened = 0
    previous = ""  # the last clause (a phrase of it may go on in the next)
    retold: set[str] = set()  # facts taken back (「…，哦不，」) that the clause after it may say again
    for found in _SEGMENT.finditer(text):
        segment = found.group().strip()
        matches = _phrases(segment, specs, keys)
        if topics and _only_others_bare_words(matches, keys):
            # 「保护中心的话，2017年获批、2018年建成运行的」: 获批 (a GI's word) is the topic's predicate
            matches = []
        if not matches and previous and not ended and (opens_predicate(segment) or _a_bare_value(segment)):
            segment, matches = _across(previous, segment, specs, keys, retold)
        prior, previous, retold = previous, segment, set()
        # (the words of a fact about other bodies, 「园区落户了好几家链主企业」, name no subject)
        others = of_another_body(_without_others_facts(segment, matches), others, first=ended)
        echoed = ended and _mark_before(text, found.start()) in ("？", "?")  # after 「撤回率？」
        new_sentence, ended = ended, text[found.end() : found.end() + 1] in _SENTENCE_ENDS
        opened = found.start() if new_sentence else opened  # where the sentence begins
        fact_clauses = [] if new_sentence else fact_clauses
        if ended:
            sentence, looked_back = [], sentence + matches
        else:
            sentence, looked_back = sentence + matches, sentence
        if sets_aside(segment, matches):
            for match in looked_back:  # 「“XX梨”2010年就注册了，但这次不报它」: another thing's
                sheet.withdraw(match.spec.key)
            topics, told = [], []
            continue
        if not matches and asks_to_apply(segment):
            continue  # 「我市申报…是否符合条件」: the question asked, no comment on the facts before
        if not matches and not ended and _takes_back(segment):
            # 「2021年验收，不对，说错了，是2020年3月」: what the clause before said is taken back;
            # what follows says it (a clause before that named no fact, 「…，只做过合作单位……不对，」,
            # takes nothing back of the ones before it)
            last_clause = last_clause if prior == last_segment else []
            for match in last_clause:
                sheet.withdraw(match.spec.key)
            # 「规划去年……哦不，21年就出台了」: the clause after it says again what it took back
            previous, retold = prior, {m.spec.key for m in last_clause}
            topics, told, last_clause = [], [], []
            continue
        if not matches and (cues("summaries", masked(segment, [])) or sums_up(segment, looked_back)):
            summary(segment, looked_back, sheet, far=len(fact_clauses) > SUM_REACH)
            topics = []
            continue
        in_scope = any(m.spec.key in keys for m in matches)  # 「专职」 names transfer staff elsewhere
        measures = any(is_measure(m) for m in topics + last_clause)  # 「撤回率97%，全省平均好像九十出头」
        if not matches and measures and of_the_average(masked(segment, [])):
            continue  # 「撤回率，全省平均是多少我记不清，反正我们高于平均」: the average's doubt
        if not matches and (hedges := doubtful(masked(segment, []))):
            # 「市场占有率排第几没有数据，说不好」: the comment doubts the clause before it, in its
            # sentence or after the question it echoes (「撤回率？还没统计出来」); 「…国际领先。
            # 就是专利不多」 begins a sentence of its own; a rule heard (「听说…可以减半」) doubts none
            doubted_before = not (new_sentence and not echoed) and not of_a_rule(segment, hedges)
            of_amount = all(h in LEXICON.fact_cues.quantity_hedges for h in hedges)  # 「数量不多」
            for match in last_clause if doubted_before else []:
                if of_amount and match.spec.type == YES_NO:
                    continue
                sheet.doubt(match.spec.key, segment)
            topics, last_clause = [], []
            continue
        if matches and not new_sentence and _only_what_it_is(matches) and doubtful(masked(segment, matches)):
            # 「销售额按全市水产总口径是两亿多，但XX蟹地标产品单独是多少分不出来」: naming the
            # product (its class) the comment still doubts the figure of the clause before
            for match in last_clause:
                sheet.doubt(match.spec.key, segment)
        befores = list(dict.fromkeys([last_segment, *reversed(fact_clauses)]))[:BARE_FIGURE_LOOKBACK]
        if not in_scope and bare_figure(segment, befores, specs, sheet):
            # 「有独立的知识产权部，专职4个人」: the figure of the clause before, whose topics
            # (「独立IP部门，专职3人」) were named plainly
            plain += topics
            topics = []
            continue
        if (
            not matches
            and contrasted
            and SELF.match(own := without_own_name(_after_contrast(segment.strip())))
        ):
            # 「隔壁县评上了真抓实干，(但)我们县没评上」: the applicant's own of what another body has;
            # a clause with more to say is about something else (「我们县的企业维权也常去那边」)
            if short_predicate(own) and not cues("shared_use", own):
                said_of = [m for m in contrasted if m.spec.type == YES_NO]  # not 「…鸭蛋这个地标」's kind
                continuation(own, said_of, [], sheet, by_key, new_sentence)
            topics, contrasted = [], []
            continue
        contrasted = [] if matches else contrasted
        if not matches and _read_across_contrast(
            (last_segment, segment), last_clause, sheet, (keys, specs), (reference, applicant_type)
        ):
            continue  # 「快速维权中心还没建成，不过已经递交了建设申请」
        if not matches:  # 「2021年度拿过…，2022年度没评上」: the clause says the year's fact
            # a bare mention (「国家知识产权示范园区，…」) is continued only by a clause that goes
            # on about it (short, or 还/也/但…), not by one with a subject of its own (「市区两级都没承担过」)
            continued = topics if goes_on(segment, new_sentence) else [m for m in topics if m in announced]
            plain += [m for m in topics if m not in continued]  # said plainly, nothing said of it
            # (「…2023年度真抓实干评上了，…。22年度那次没评上」: a year pointed back to, said before)
            years_of = of_years(dated, segment) or of_years(_pointed_back(segment, dated_before), segment)
            # (a clause about another body, 「…，市里不报」, contradicts nothing told of the applicant)
            own_told = [] if _of_another_body(segment, applicant_type) else told
            continuation(segment, continued + years_of, own_told, sheet, by_key, new_sentence)
            # a topic the clause said yes of is told, for the next clause to go on about (「保护中心，
            # 获批了，还在建」: under way after all)
            told += [
                m.spec.key
                for m in continued
                if m.spec.type == YES_NO and sheet.values.get(m.spec.key) is True
            ]
            if not (continued or new_sentence):
                # 「…，2021年只有1500万」 (its year may open the sentence: 「2019年那年…，没到两千万」)
                lower_year_after(segment, text[opened : found.end()], looked_back, sheet, reference)
            # 「撤回率的话，2022年度是高于…的，2023年度并不高于」: the topic goes on to its own year
            dated += [m for m in continued if of_another_year(m.spec, segment)]
            deny_the_rest(segment, sheet, specs)
            _outcome(segment, applied, sheet, by_key)  # 「小巨人我们申报了，没评上」
            _part_of_another(segment, last_clause, sheet)  # 「其中一百件是子公司的」
            if not goes_on(segment, new_sentence):
                told = []  # 「市里这个项目没拿过，之前也没人报」: a clause of its own ends what was told
            if asking(masked(segment, [])):
                last_clause = []  # 「…验收了。那新建是不是不行了？要是改报升级呢？」: no fact echoed
            topics = []  # dated phrases wait for a clause naming their year (「…早就结项了，2020、2021年都没有承担」)
            continue
        matches = _needs_named_by(topics, matches)
        plain += topics
        # 「一共三百六十件，其中发明二百一十件」: a part of a total is a total too
        total = last_segment if segment.startswith("其中") and cues("totals", last_segment) else ""
        dated_before += dated
        topics, told, dated, last_clause, last_segment = [], [], [], matches, segment
        applied = []
        fact_clauses.append(segment)
        text_masked = masked(segment, matches)
        rest = _SENTENCE_REST.match(text, found.end()).group()  # 「…，全省平均90%」 compares
        for index, match in enumerate(matches):
            reading = read_phrase(segment, text_masked, matches, index, keys, reference, applicant_type, rest)
            # (the sentence before the phrase, and the places 「我们是常州的…」 said in any turn)
            if reading.wanting and (
                _says_affirmed("，".join((text[opened : found.start()], *home)), match.spec.yes_needs)
                or _registered_in(rest, match.spec.yes_needs)
            ):
                reading = Reading(True)  # 「2017年是牵头单位，做过…高价值专利培育项目」
            if (
                total
                and isinstance(reading.value, (int, float, Interval))
                and not isinstance(reading.value, bool)
            ):
                reading = per_year(match.spec, reading.value, total + segment)
            reading = of_one_year(match.spec, reading, text[opened : found.end()], reference, segment)
            if reading.value is not None and _of_another_project(
                match.spec, segment, text[opened : found.start()]
            ):
                reading = Reading()  # 「…战略推进计划项目，2020年验收了」: that project's acceptance
            if reading.value is not None and _IS_ANOTHER().match(segment, match.end):
                reading = Reading()  # 「2020年注册的是另一个图形商标」: what it says is of another thing
            # 「快速维权中心：筹备中」: a form's label says nothing by itself, its value does (the
            # phrase is the label, not 「院所（独立法人）：」); nor does a fact's name asked back
            mark = text[found.end() : found.end() + 1]
            labelled = (
                mark in ("：", ":") and match.spec.type == YES_NO and not segment[match.end :].strip()
            ) or _echoed_question(segment, match, mark)
            if reading.topic or (labelled and reading.value is True):
                topics.append(match)
                leads[id(match)] = text[opened : found.start() + match.start]
                rests[id(match)] = rest
                alone |= {id(match)} if topic_only(re.sub("^的?项目", "", segment[match.end :])) else set()
                announced += [match] if reading.announced or labelled else []
                continue
            if reading.other_year:
                dated.append(match)
                continue
            contrasted += [match] if reading.of_another else []
            if others and reading.value is not None and not match.spec.about_others:
                reading = Reading(doubt=segment, of_another=True)  # said of the body the sentence is about
                contrasted.append(match)
            if reading.denies:
                sheet.deny(match.spec, reading.denies, segment)
                if sheet.values.get(match.spec.key) is False:
                    continue  # 「不是同一学院，也不是同一学科方向」: every alternative now denied
            add_reading(sheet, match, reading, segment, specs)
            applied += [match.spec.key] if reading.applied else []
            if reading.undated:
                dated.append(match)  # 「真抓实干评上过两次，…，22年度的没有」: a clause may name its year
            if reading.value is True and match.spec.type == YES_NO and not progress_of(text_masked, segment):
                told.append(match.spec.key)
    _no_year_said(text, sheet, specs, reference)
    _after_the_round(sheet, specs, reference)
    # topics no clause went on about: the plain mention says yes (one with the words a yes
    # needs first: 「知识产权资金进了财政预算」)
    for match in sorted(plain + topics, key=lambda m: not _has_needs(m)):
        if (
            match not in announced
            and match.spec.key not in sheet.values
            and match.spec.key not in sheet.doubts
            and not is_measure(match)
        ):
            # 「获过不少奖项」: a yes needs its words (科技, 专利 …) said, in the phrase or in its
            # sentence before it (「公司在苏州注册，独立法人」); without them it is asked
            needs_said = (
                _has_needs(match)
                or _says_affirmed(leads.get(id(match), ""), match.spec.yes_needs)
                or _registered_in(rests.get(id(match), ""), match.spec.yes_needs)
            )
            # (a yes that fails the program, `adverse`, is not taken from a clause that only names
            # it: 「省企业知识产权战略推进计划项目，…」 may be running or done)
            if (match.spec.adverse and id(match) in alone) or not needs_said:
                reading = Reading(doubt=match.synonym, wanting=not needs_said)
            else:
                reading = Reading(True)
            add_reading(sheet, match, reading, match.synonym, specs)
    return sheet.sheet()


def _without_others_facts(segment: str, matches: list[Match]) -> str:
    """The clause without the whole phrases of facts about other bodies: their words
    (「园区落户了好几家链主企业」) name what the applicant has, not the clause's subject."""
    chars = list(segment)
    for m in matches:
        if m.spec.about_others:
            chars[m.start : m.end] = MASK * (m.end - m.start)
    return "".join(chars)


def _of_another_body(segment: str, applicant_type: str | None) -> bool:
    """The clause opens with another body (「隔壁县有」「市里不报」, said by a county) as its subject."""
    opening = segment.strip()[:SUBJECT_SPAN]
    other_level = LEXICON.fact_cues.other_levels.get(applicant_type or "", ())
    return another_body(opening, segment) or opening.startswith(other_level)


@cache
def _IS_ANOTHER() -> re.Pattern[str]:
    return re.compile(rf"[的者]?(?:是|为|属于)(?:{either(LEXICON.fact_cues.yet_another)})")


def _of_another_project(spec: FactSpec, segment: str, before: str) -> bool:
    """The clause names no project of the fact's own (project_words) and the project named last
    in it or before it in its sentence is another one (other_projects)."""
    if not spec.other_projects or any(w in segment for w in spec.project_words):
        return False
    said = before + segment
    last_other = max((said.rfind(w) for w in spec.other_projects), default=-1)
    return last_other >= 0 and last_other > max((said.rfind(w) for w in spec.project_words), default=-1)


def _has_needs(match: Match) -> bool:
    """The phrase holds a word a yes of its fact needs, or the fact needs none."""
    needs = match.spec.yes_needs
    return not needs or any(word in match.synonym for word in needs)


def _pointed_back(segment: str, dated: list[Match]) -> list[Match]:
    """The phrases said before of another year, when the clause points back to one (那次, 那届)."""
    return dated if cues("back_references", segment) else []


def _phrases(segment: str, specs: Sequence[FactSpec], keys: set[str]) -> list[Match]:
    found = _heads_only(_about_their_things(find_matches(segment, specs), segment, keys), segment, keys)
    found = _topic_named_first(found, segment)
    return [m for m in found if not _a_part_of_the_staff(m, segment, keys) and not _only_a_shortfall(m, keys)]


def _topic_named_first(matches: list[Match], segment: str) -> list[Match]:
    """A fact's name opening the clause, then a negation and a phrase of the same fact
    (「省企业知识产权战略推进计划项目我们没有没验收的」): the name is the clause's topic, only the
    later phrase, with the negation before it, is read."""

    def denied_after(m: Match) -> bool:
        return any(
            o.spec.key == m.spec.key and o.start >= m.end and cues("negations", segment[m.end : o.start])
            for o in matches
        )

    def opens_it(m: Match) -> bool:
        opening = segment[: m.start].strip()
        named = len(opening) <= _OPENING and not cues("negations", opening)  # not 「无失信无学术不端」
        return named and not m.negative and m.spec.type == YES_NO

    return [m for m in matches if not (opens_it(m) and denied_after(m))]


_OPENING = 2  # characters before a clause's topic (「省」「我们」)


def _needs_named_by(topics: list[Match], matches: list[Match]) -> list[Match]:
    """A clause going on about the topic named before it (「省企业知识产权战略推进计划项目，我们没有
    未验收的」): the topic said the thing its fact is about, so a phrase of that fact here needs no
    word of it (`needs`) in its own clause."""
    named = {t.spec.key for t in topics if not t.spec.needs or any(w in t.synonym for w in t.spec.needs)}
    return [
        replace(m, spec=replace(m.spec, needs=())) if m.spec.key in named and m.spec.needs else m
        for m in matches
    ]


def _only_others_bare_words(matches: list[Match], keys: set[str]) -> bool:
    """The clause's phrases are all other programs' facts named by a bare word of two characters
    (获批, 注册): words any clause may hold, that name no thing of their own."""
    return bool(matches) and all(
        m.spec.key not in keys and m.contiguous and len(m.synonym) <= 2 for m in matches
    )


def _only_a_shortfall(match: Match, keys: set[str]) -> bool:
    """A phrase of a fact outside the program's that is only a shortfall word (market share's
    「靠后」「中游」): in 「专利产出在全省靠后」 it says how the program's own fact falls short."""
    return match.spec.key not in keys and match.synonym in SHORTFALLS


def _form_values_joined(text: str, specs: Sequence[FactSpec]) -> str:
    """A form's label and its short value (「…保护工作检查——优秀」「商标：'宁电'使用了11年」) read
    as one clause when together they name a fact that neither names alone (检查…优秀); a label
    that is a fact's phrase by itself (「保护中心：已建成」) stays a topic its value says."""

    def joined(pair: re.Match[str]) -> str:
        label, value = pair["label"], pair["value"]
        together = {m.spec.key for m in find_matches(label + value, specs)}
        if not together:
            return pair.group()
        alone = {m.spec.key for part in (label, value) for m in find_matches(part, specs)}
        return label + value if together - alone else pair.group()

    return _FORM_PAIR.sub(joined, text)


_FORM_PAIR = re.compile(
    r"(?P<label>[^，,。；;：:—\n]+)(?:：|:|——|—)\s*(?P<value>[^，,。；;：:—\n]{1,12})(?=[，,。；;！!？?\n]|$)"
)


@cache
def _clause_holding(kind: str) -> re.Pattern[str]:
    """A clause (with its comma) that holds a cue word of a kind (reported_speech, others_claims)."""
    inside = r"[^，,。；;！!？?\n]*"
    return re.compile(rf"{inside}(?:{either(getattr(LEXICON.fact_cues, kind))}){inside}[，,；;]?")


def _unless_taken_back(clause: re.Match[str]) -> str:
    """The reported clause, kept when it says what was wrong with it (「…说错了」) or the year it
    was of (「刚才说的撤回率是2022年度的数据」): a correction, read as one."""
    said = clause.group()
    return said if cues("corrections", said) or years_in(said) else ""


def _takes_back(segment: str) -> bool:
    """A clause that only says the one before was wrong (「说错了」「哦不对」), not what was said in
    an earlier turn (「…其实是140件，之前记错了」: the clause before is the correction)."""
    said = segment.strip(" ，,。！!")
    if cues("earlier_said", said):
        return False
    taken_back = said in LEXICON.fact_cues.taking_back
    return taken_back or bool(cues("corrections", said) and len(said) <= len("不好意思说错了"))


def _only_what_it_is(matches: list[Match]) -> bool:
    """The clause's phrases only say what a thing is (a choice: 「XX蟹」 names the product's class)."""
    return all(m.spec.type == CHOICE for m in matches)


def _a_part_of_the_staff(match: Match, segment: str, keys: set[str]) -> bool:
    """A bare part word (「专职」) that counts part of the staff, not its own fact: the program
    does not ask that fact, or the other part follows (「专职3人兼职2人」)."""
    parts = LEXICON.fact_cues.count_parts
    if match.synonym not in parts:
        return False
    others = [p for p in parts if p != match.synonym]
    return match.spec.key not in keys or any(p in segment[match.end : match.end + 8] for p in others)


_OWNER_OPENING = re.compile(rf"^(?:{either(LEXICON.applicant_kinds.pronouns)})(?:的|这边的?|自己的?)?")


def _a_bare_value(segment: str) -> bool:
    """A clause that is only a value (「…检查，优秀」) or a short denial (「…，不太稳定」): the
    predicate of the clause before."""
    said = segment.strip(" 。！!")
    return said in LEXICON.fact_cues.bare_values or (len(said) <= _SHORT_DENIAL and said[:1] in "不没未")


_SHORT_DENIAL = 6  # characters of a denial that is a clause's whole predicate (「不太稳定」)


def _across(
    before: str, segment: str, specs: Sequence[FactSpec], keys: set[str], retold: set[str]
) -> tuple[str, list[Match]]:
    """A phrase split by a comma between a clause and the clause going on about it, naming no
    fact itself (「2021年省里对设区市知识产权保护工作检查，我们是优秀」「商标是自己的，“锡精”用了
    九年」): the two read as one clause, for a fact the clause before did not name (a clause
    naming only facts of other programs may open a phrase of this one's: 「商标2005年注册，用了
    十多年」, 注册 a GI's word)."""
    said = _phrases(before, specs, keys)
    named = {m.spec.key for m in said} - retold
    # (or, past a long clause, its subject and the predicate: 「研发经费主要是财政拨款加上横向项目，
    # 很稳定」 reads as 「研发经费…很稳定」; a phrase taken back, up to its first word: 「规划出台了，
    # 不对，还没出台」 reads as 「规划还没出台」)
    # (「我们的商标都是…」: 商标 is the subject; 「市本级不报」: 市本级, up to its negation)
    subject = _OWNER_OPENING.sub("", before.strip())[:SUBJECT_SPAN]
    denial = next(iter(cue_spans("negations", mask_look_alikes(subject))), None)
    heads = [before, (subject[: denial.start()] if denial else subject) + "…"]
    heads += [before[: m.start + len(m.synonym.split(GAP)[0])] for m in said if m.spec.key in retold][:1]
    for head in heads:
        if cues("negations", mask_look_alikes(head)):
            continue  # 「研发经费没减少，很稳定」: the clause before denies something of its own
        joined = head + segment
        matches = [m for m in _phrases(joined, specs, keys) if m.end > len(head)]
        if any(m.start < len(head) and m.spec.key in keys - named for m in matches):
            return joined, matches
    return segment, []


def _about_their_things(matches: list[Match], segment: str, keys: set[str]) -> list[Match]:
    """Of two facts whose phrases are the same words (「未验收」 of a 高价值 project and of a
    战略推进 one), the one the clause is not about (a word of its `not_with` is there: 「…未验收的
    企业知识产权战略推进计划项目」) is dropped, unless the other is no fact of the program's; a
    phrase of its own stays, read as nothing, so that the negations around it are read as before."""

    def yields(m: Match) -> bool:
        return any(
            o.spec.key != m.spec.key
            and (o.start, o.end) == (m.start, m.end)
            and (o.spec.key in keys or m.spec.key not in keys)
            for o in matches
        )

    return [
        m
        for m in matches
        if m.spec.type != YES_NO or not any(word in segment for word in m.spec.not_with) or not yields(m)
    ]


_OWNER_GAP = 4  # characters between 「的」 and the phrase it modifies (「省知识产权局的战略推进计划项目」)


def _heads_only(matches: list[Match], segment: str, keys: set[str]) -> list[Match]:
    """A phrase of a fact the program does not ask that only says whose or of what the next
    phrase is (「没有省知识产权局的战略推进计划项目」: 知识产权局, a park's department, is the
    project's owner) is dropped, so that the negation before it is the next phrase's; a phrase
    of the program's own (「没有在研未验收的…项目」) keeps its meaning."""
    return [
        m
        for m in matches
        if m.spec.type != YES_NO or m.spec.key in keys or not _owns_next(m, matches, segment)
    ]


def _owns_next(match: Match, matches: list[Match], segment: str) -> bool:
    """「的」 right after the phrase, and another fact's phrase within _OWNER_GAP after it."""
    gap = match.end + 1 + _OWNER_GAP
    return segment.startswith("的", match.end) and any(
        o.spec.key != match.spec.key and match.end < o.start <= gap for o in matches
    )


def _says_affirmed(text: str, words: tuple[str, ...]) -> bool:
    """One of the words stands in the text with no negation in the three characters before it
    (「是牵头单位」, not 「（不是牵头）」)."""
    return any(
        not cues("negations", mask_look_alikes(text[max(0, found.start() - 3) : found.start()]))
        for word in words
        for found in re.finditer(re.escape(word), text)
    )


def _registered_in(rest: str, words: tuple[str, ...]) -> bool:
    """The sentence goes on to say where the applicant is registered, one of the words
    (「我们是新型研发机构，独立法人，在苏州注册」), not denied."""
    return any(
        _says_affirmed(found.group(), words)
        for found in re.finditer(r"[^，,。；;]{0,6}注册(?:地|在)?[^，,。；;]{0,6}", rest)
    )


def _echoed_question(segment: str, match: Match, mark: str) -> bool:
    """A yes-or-no fact's name alone asked back (「重点产业链所在地区？园区没有被确定」): the
    question the applicant repeats says nothing; the clause after it answers."""
    # (the fact's words may end before the name does: 「重点产业链所在|地区」)
    alone = (
        len(segment[: match.start].strip()) <= ECHO_LEAD and len(segment[match.end :].strip()) <= ECHO_LEAD
    )
    return mark in ("？", "?") and match.spec.type == YES_NO and alone


def _mark_before(text: str, at: int) -> str:
    """The last character before `at` that is not white space (the mark that ended the clause
    before), without copying the text up to it."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[at - 1 : at]


_OWNED_BY = re.compile(r"名下|(?:是|归|属于)[^，,。；;]{0,8}的$")


def _part_of_another(segment: str, last_clause: list[Match], sheet: Sheet) -> None:
    """A clause with no phrase that gives a figure of another body (「…有效专利一百五十件，但其中
    一百件是下面子公司的」) or says whose the figure is (「…合起来260件，但都是子公司名下的」):
    part or all of the figure before it is not the applicant's, so it is asked."""
    figures = [m for m in last_clause if m.spec.is_numeric]
    said = masked(segment, [])
    # 「都是母公司本身的」: the applicant's own; 「都不是子公司的」: no part is another's (not 「不是
    # 母公司自己的，是子公司的」, a part that is)
    its_own = _ITS_OWN().search(said) is not None and not cues("negations", said)
    if not figures or not cues("other_bodies", said) or _NOT_OF().search(said) or its_own:
        return
    if _above_the_whole(segment, figures, sheet):
        return  # 「有效发明三十件；子公司那边还有一百多件」: the subsidiaries' own, no part of it
    if find_numbers(segment) or _OWNED_BY.search(segment):  # 「是子公司的」「在子公司名下」
        for match in figures:
            sheet.doubt(match.spec.key, segment)


def _above_the_whole(segment: str, figures: list[Match], sheet: Sheet) -> bool:
    """Another body's figure, in the unit of the figures before, above each of them: no part of
    them can be that large, so it is a figure of its own."""
    read = [m for m in figures if m.spec.key in sheet.values]  # (not those the clause left in doubt)
    wholes = [sheet.values[m.spec.key] for m in read]
    if any(isinstance(w, bool) or not isinstance(w, (int, float, Interval)) for w in wholes):
        return False
    said = [n for n in find_numbers(segment) if all(n.unit == m.spec.unit for m in read)]
    if not read or not said:
        return False
    tops = [w.hi if isinstance(w, Interval) else float(w) for w in wholes]
    return min(n.value for n in said) > max(tops)


@cache
def _ITS_OWN() -> re.Pattern[str]:  # 「母公司本身的」: the body named is the applicant itself
    return re.compile(rf"(?:{either(LEXICON.fact_cues.other_bodies)})(?:本身|自己|本部)")


@cache
def _NOT_OF() -> re.Pattern[str]:  # 「都不是子公司的」: a denial right before the other body
    denials = "不是|不在|不属于|不含|不包括|没有"
    return re.compile(rf"(?:{denials})(?:{either(LEXICON.fact_cues.other_bodies)})(?![^，,。；;]*是)")


def _no_year_said(text: str, sheet: Sheet, specs: Sequence[FactSpec], reference: float | None) -> None:
    """Facts bound to a year, read in a message that names none but the round's: 「验收通过了」
    (by 2021, or after? a year of another event, 「2019年立项」, dates no acceptance), and
    「万人发明专利拥有量全省第7」 (the figure of a year before the round's last one: 2020's, or a
    later year's?) are asked."""
    rounds = {int(reference)} if reference is not None else set()
    in_numerals = _YEAR_IN_NUMERALS.search(text) is not None
    undated = not years_in(text) - rounds and not in_numerals
    unbounded = not years_in(OF_AN_EVENT().sub("", text)) - rounds and not in_numerals
    for spec in specs:
        if spec.key not in sheet.values:
            continue
        bounded = unbounded and spec.year_until is not None and sheet.values[spec.key] is True
        if bounded or (undated and _before_the_latest(spec, reference)):
            sheet.doubt(spec.key, sheet.evidence[spec.key])


def _after_the_round(sheet: Sheet, specs: Sequence[FactSpec], reference: float | None) -> None:
    """A yes said in a clause dated only after the round (「快维中心是去年（2025年）才开始申报
    建设的」 for the 2022 round) says nothing sure of the applicant when the round was open: asked.
    Facts of their own year are read by theirs."""
    if reference is None:
        return
    for spec in specs:
        if sheet.values.get(spec.key) is not True or spec.year is not None or spec.years:
            continue
        named = years_in(sheet.evidence.get(spec.key, ""))
        if named and min(named) > int(reference):
            sheet.doubt(spec.key, sheet.evidence[spec.key])


def _before_the_latest(spec: FactSpec, reference: float | None) -> bool:
    """A figure of one year before the round's last one (2020's rank for the 2022 round)."""
    return (
        spec.is_numeric and spec.year is not None and reference is not None and spec.year < int(reference) - 1
    )


def _outcome(segment: str, applied: list[str], sheet: Sheet, specs: dict[str, FactSpec]) -> None:
    """A clause after an application (「小巨人我们申报了，…」) that says its outcome: not given
    (「没评上」) settles a doubt as no, and so does one not given yet (「还没批」) for a thing
    the registry counts only once it is had; given (「2020年建成」) leaves the fact in doubt, the
    application being another time's."""
    if not applied:
        return
    text = masked(segment, [])
    not_given = bool(cues("not_selected", text))
    pending = progress_of(text, segment) == "under_way"
    # (「明年才能建成」 is no outcome given: it is still under way)
    given = not not_given and not pending and bool(affirmed("granted", text))
    for key in applied:
        waiting = pending and specs[key].in_progress == "no"
        if key in sheet.applied and (not_given or waiting):
            sheet.add(key, Reading(False), segment)
        elif given:
            sheet.doubt(key, segment)
