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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..eligibility.facts import FactSheet
from ..eligibility.rules import YES_NO, FactSpec, FactValue, Interval, Rules
from ..thresholds import BARE_FIGURE_LOOKBACK, SUBJECT_SPAN
from .asking import asks_to_apply
from .clause_reading import (
    Reading,
    another_body,
    denies_its_level,
    in_progress,
    lifting,
    per_year,
    progress_of,
    read_phrase,
    several_figures,
)
from .fact_phrases import (
    MASK,
    Match,
    asking,
    cue_spans,
    cues,
    denied,
    doubtful,
    find_matches,
    is_measure,
    mask_look_alikes,
    masked,
    of_the_average,
    without,
    years_in,
)
from .form_text import parents_named, prepared
from .lexicon import LEXICON, either
from .numbers import find_numbers, normalize_numbers, to_fact_unit

# A round's applications close in its first months: 「2017年注册的」 counts to a quarter into the
# round's year (2022 → 2022.25), so that a year near the threshold stays uncertain.
ROUND_OPENS = 0.25
# A colon, a dash or a bar ends a clause too (「够不够：…」「——」「链主｜经营良好」), and so do a plus and a tick between
# the items of a list typed in short (「示范城市+保护中心已建成」「20年验收✔ 在研攻关✔」); a plus
# after a figure is 「多」 (「100+件」), and one in brackets joins words (「转化（转让+许可）」).
_SEGMENT = re.compile(r"(?:[^，。；：！？,;:!?\n—+＋✔✓√☑✅｜|]|(?<=\d)[+＋]|[+＋](?=[^（(，。]*[)）]))+")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "\n", "")  # "" : the message's end
_SENTENCE_REST = re.compile(r"[^。！？!?\n]*")  # the sentence after a clause
_CONTINUES = re.compile(rf"^\s*(?:{either(LEXICON.fact_cues.continuers)})")
_SHORT_CONTINUATION = 6  # characters: a clause this short with a negation continues the one before


def scope_keys(rules: Rules, program: str | None, applicant_type: str | None) -> tuple[str, ...]:
    """The facts a program (and applicant type) uses; every fact when the program is not known."""
    if program is None:
        return tuple(f.key for f in rules.fact_specs)
    prog = rules.program(program)
    if applicant_type is None:
        return prog.facts
    return prog.applicant_type(applicant_type).facts


def extract_facts(
    text: str, rules: Rules, program: str | None = None, applicant_type: str | None = None
) -> FactSheet:
    """Facts stated in one message; limited to the program's facts when the program is known."""
    keys = set(scope_keys(rules, program, applicant_type))
    reference = rules.program(program).year + ROUND_OPENS if program else None
    return read_facts(_without_program_names(text, rules), rules.fact_specs, keys, reference, applicant_type)


def _without_program_names(text: str, rules: Rules) -> str:
    """The text with the name and the round of the program applied for masked (「想申请2024年度
    省知识产权建设示范（保护示范区）」 says nothing of a 江苏省知识产权建设示范（园区） title the
    applicant holds); a program named as the applicant's record (「已承担…创建项目」) stays."""
    applied = _applied_name(rules)
    if applied is not None and applied.search(text):
        text = applied.sub(lambda m: m.group(1) + "□" * len(m.group(2)), text)
    return _APPLIED_ROUND.sub(lambda m: m.group(1) + "□" * len(m.group(2)), text)


# 「（证明商标，2015年注册的）报2022年的地理标志项目」: the round applied for is no year of a fact
_APPLIED_ROUND = re.compile(r"((?:申请|申报|(?<![汇上通举])报))((?:20)?\d{2}\s*年度?)(?=的|[\u4e00-\u9fff])")


_APPLIED_NAMES: dict[int, tuple[tuple, re.Pattern[str] | None]] = {}


def _applied_name(rules: Rules) -> re.Pattern[str] | None:
    """A program's name right after an apply verb: each program's full name, with and without
    its round (「2024年度」), longest first; compiled once for a set of programs (keyed by its
    identity, as fact_phrases.phrase_index is)."""
    held = _APPLIED_NAMES.get(id(rules.programs))
    if held is None or held[0] is not rules.programs:
        held = _APPLIED_NAMES[id(rules.programs)] = (rules.programs, _compiled_names(rules))
    return held[1]


def _compiled_names(rules: Rules) -> re.Pattern[str] | None:
    names = {n for p in rules.programs for n in (p.name, re.sub(r"^\d{4}年度?", "", p.name))}
    longest_first = sorted((n for n in names if len(n) >= 8), key=lambda n: (-len(n), n))
    if not longest_first:
        return None
    return re.compile(
        rf"((?:申请|申报|报)[^，,。；;？?！!]{{0,4}}?)({'|'.join(map(re.escape, longest_first))})"
    )


_NUMBER_CHARACTER = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]")  # one of which every figure holds


class _Sheet:
    """Readings of one message as they come: a conflict between two readings is a doubt."""

    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.values: dict[str, FactValue] = {}
        self.evidence: dict[str, str] = {}
        self.doubts: dict[str, str] = {}
        self.denied: dict[str, set[str]] = {}
        self.either: dict[str, tuple[str, ...]] = {}  # 「A或B」 facts some of whose alternatives are denied
        self.denied_words: dict[str, set[str]] = {}  # the clauses that denied them
        self.of_others: dict[str, str] = {}  # facts said of another body: doubts unless settled
        self.implied: dict[str, str] = {}  # facts another one says too: yes unless said otherwise
        self.undated: set[str] = set()  # doubts only for want of a year: a dated reading settles them

    def add(self, key: str, reading: Reading, words: str) -> None:
        if key not in self.keys:
            return
        if reading.of_another:
            self.of_others.setdefault(key, words)
            return
        settles = key in self.undated and reading.value is not None and reading.doubt is None
        if key in self.doubts and not (
            settles or (reading.value is True and self._another_alternative(key, words))
        ):
            return
        self.doubts.pop(key, None)
        self.undated.discard(key)
        if (
            reading.doubt is not None
            and cues("not_being", words)
            and self.held_by_another(key, self.either.get(key, ()), reading.denies)
        ):
            return  # 「强市建设试点城市，不是示范城市」: the alternative held is not the one denied
        if reading.doubt is not None:
            self.doubt(key, reading.doubt)
            if reading.undated and key in self.doubts:
                self.undated.add(key)
        elif reading.value is not None and key in self.values and self.values[key] != reading.value:
            both = _both(self.values[key], reading.value)
            if both is None:
                self.doubt(key, words)  # the message says both
            else:
                self.values[key] = both
        elif reading.value is not None and key not in self.values:
            self.values[key], self.evidence[key] = reading.value, words

    def doubt(self, key: str, words: str) -> None:
        if self.values.get(key) is False and _only_expected(words):
            return  # 「规划还在起草，预计年底才出台」: not so yet, as read
        if key in self.keys:
            self.values.pop(key, None)
            self.evidence.pop(key, None)
            self.doubts[key] = words

    def held_by_another(self, key: str, alternatives: tuple[str, ...], denied: tuple[str, ...]) -> bool:
        """A yes already read for an 「A或B」 fact (its `alternatives`) from words naming an
        alternative that a later denial of the others (`denied`) leaves standing."""
        if not denied or self.values.get(key) is not True:
            return False
        held = self.evidence.get(key, "")
        named = {alt for alt in alternatives if any(w in held for w in alt.split("|"))}
        return bool(named - set(denied))

    def _another_alternative(self, key: str, words: str) -> bool:
        """A doubt only because some alternatives of an 「A或B」 fact were denied is settled by a
        yes that names another (「不是链主，是行业骨干企业」)."""
        if key not in self.either or self.doubts[key] not in self.denied_words.get(key, ()):
            return False
        named = {alt for alt in self.either[key] if any(w in words for w in alt.split("|"))}
        return bool(named) and not named & self.denied[key]

    def deny(self, spec: FactSpec, alternatives: tuple[str, ...], words: str) -> None:
        """Some alternatives of an 「A或B」 fact are not so: once all are, the fact is false."""
        self.either[spec.key] = spec.either
        self.denied_words.setdefault(spec.key, set()).add(words)
        denied = self.denied.setdefault(spec.key, set())
        denied.update(alternatives)
        if denied >= set(spec.either) and spec.key not in self.values:
            self.doubts.pop(spec.key, None)
            self.add(spec.key, Reading(False), words)

    def imply(self, key: str, words: str) -> None:
        """Another fact's yes says this one too (江苏注册的独立法人: in Jiangsu); what the message
        says of it in words of its own comes first."""
        self.implied.setdefault(key, words)

    def sheet(self) -> FactSheet:
        """The readings; a fact said only of another body is asked of the applicant; a fact
        only implied is so, with the words that implied it."""
        for key, words in self.implied.items():
            if key in self.keys and key not in self.values and key not in self.doubts:
                self.values[key], self.evidence[key] = True, words
        for key, words in self.of_others.items():
            if key not in self.values:
                self.doubts.setdefault(key, words)
        return FactSheet(self.values, self.evidence, self.doubts)


def read_facts(
    text: str,
    specs: Sequence[FactSpec],
    keys: set[str],
    reference: float | None = None,
    applicant_type: str | None = None,
) -> FactSheet:
    """The facts among `keys` that one message states; `specs` are every fact the rules know,
    so that a clause about a fact outside `keys` is not taken for a continuation. `reference`
    is the time of the round (a year with its fraction) that 「2017年注册的」 counts to; the
    applicant's type says who another body is (a county's 市里)."""
    sheet, by_key = _Sheet(keys), {spec.key: spec for spec in specs}
    topics: list[Match] = []  # phrases whose predicate comes in the next clause
    plain: list[Match] = []  # topics the next clause did not go on about
    told: list[str] = []  # yes/no facts the last clause read as true
    sentence: list[Match] = []  # the phrases of the sentence so far (「这几样」 looks back at them)
    dated: list[Match] = []  # phrases the last clause said of another year than theirs
    announced: list[Match] = []  # topics named with a marker (「…这块」): no yes by themselves
    contrasted: list[Match] = []  # phrases the last clause said of another body (「隔壁县评上了…」)
    last_clause: list[Match] = []  # the phrases of the last clause that had any
    others, ended = False, True  # the sentence is about another body (「隔壁区是…，…也比全省高」)
    last_segment = ""  # the last clause that named a fact
    fact_clauses: list[str] = []  # the sentence's clauses that named one (「有独立部门，制度健全，6个人」)
    text = parents_named(prepared(text), applicant_type)
    for found in _SEGMENT.finditer(text):
        segment = found.group().strip()
        matches = _heads_only(_about_their_things(find_matches(segment, specs), segment), segment, keys)
        others = _of_another_body(segment, others, first=ended)
        echoed = ended and _mark_before(text, found.start()) in ("？", "?")  # after 「撤回率？」
        new_sentence, ended = ended, text[found.end() : found.end() + 1] in _SENTENCE_ENDS
        fact_clauses = [] if new_sentence else fact_clauses
        if ended:
            sentence, looked_back = [], sentence + matches
        else:
            sentence, looked_back = sentence + matches, sentence
        if not matches and asks_to_apply(segment):
            continue  # 「我市申报…是否符合条件」: the question asked, no comment on the facts before
        if not matches and (cues("summaries", masked(segment, [])) or _sums_up(segment, looked_back)):
            _summary(segment, looked_back, sheet)
            topics = []
            continue
        in_scope = any(m.spec.key in keys for m in matches)  # 「专职」 names transfer staff elsewhere
        if not matches and any(is_measure(m) for m in topics) and of_the_average(masked(segment, [])):
            continue  # 「撤回率，全省平均是多少我记不清，反正我们高于平均」: the average's doubt
        if not in_scope and doubtful(masked(segment, [])):
            # 「市场占有率排第几没有数据，说不好」: the comment doubts the clause before it, in its
            # sentence or after the question it echoes (「撤回率？还没统计出来」); 「…国际领先。
            # 就是专利不多」 begins a sentence of its own
            for match in [] if new_sentence and not echoed else last_clause:
                sheet.doubt(match.spec.key, segment)
            topics, last_clause = [], []
            continue
        befores = list(dict.fromkeys([last_segment, *reversed(fact_clauses)]))[:BARE_FIGURE_LOOKBACK]
        if not in_scope and _bare_figure(segment, befores, specs, sheet):
            topics = []  # 「有独立的知识产权部，专职4个人」: the figure of the clause before
            continue
        if not matches and contrasted and _SELF.match(segment.strip()):
            # 「隔壁县评上了真抓实干，我们县没评上」: the applicant's own of what another body has
            _continuation(segment, contrasted, [], sheet, by_key, new_sentence)
            topics, contrasted = [], []
            continue
        contrasted = [] if matches else contrasted
        if not matches:  # 「2021年度拿过…，2022年度没评上」: the clause says the year's fact
            # a bare mention (「国家知识产权示范园区，…」) is continued only by a clause that goes
            # on about it (short, or 还/也/但…), not by one with a subject of its own (「市区两级都没承担过」)
            continued = topics if _continues(segment, new_sentence) else [m for m in topics if m in announced]
            plain += [m for m in topics if m not in continued]  # said plainly, nothing said of it
            _continuation(segment, continued + _of_years(dated, segment), told, sheet, by_key, new_sentence)
            # 「撤回率的话，2022年度是高于…的，2023年度并不高于」: the topic goes on to its own year
            dated += [m for m in continued if _of_another_year(m, segment)]
            _deny_the_rest(segment, sheet, specs)
            if not _continues(segment, new_sentence):
                told = []  # 「市里这个项目没拿过，之前也没人报」: a clause of its own ends what was told
            if asking(masked(segment, [])):
                last_clause = []  # 「…验收了。那新建是不是不行了？要是改报升级呢？」: no fact echoed
            topics = []  # dated phrases wait for a clause naming their year (「…早就结项了，2020、2021年都没有承担」)
            continue
        plain += topics
        # 「一共三百六十件，其中发明二百一十件」: a part of a total is a total too
        total = last_segment if segment.startswith("其中") and cues("totals", last_segment) else ""
        topics, told, dated, last_clause, last_segment = [], [], [], matches, segment
        fact_clauses.append(segment)
        text_masked = masked(segment, matches)
        rest = _SENTENCE_REST.match(text, found.end()).group()  # 「…，全省平均90%」 compares
        for index, match in enumerate(matches):
            reading = read_phrase(segment, text_masked, matches, index, keys, reference, applicant_type, rest)
            if (
                total
                and isinstance(reading.value, (int, float, Interval))
                and not isinstance(reading.value, bool)
            ):
                reading = per_year(match.spec, reading.value, total + segment)
            # 「快速维权中心：筹备中」: a form's label says nothing by itself, its value does
            labelled = (
                text[found.end() : found.end() + 1] in ("：", ":")
                and match.spec.type == YES_NO
                and not segment[match.end :].strip()  # the phrase is the label (not 「院所（独立法人）：」)
            )
            if reading.topic or (labelled and reading.value is True):
                topics.append(match)
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
            _add(sheet, match, reading, segment, specs)
            if reading.undated:
                dated.append(match)  # 「真抓实干评上过两次，…，22年度的没有」: a clause may name its year
            if reading.value is True and match.spec.type == YES_NO and not progress_of(text_masked, segment):
                told.append(match.spec.key)
    for match in plain + topics:  # topics no clause went on about: the plain mention says yes
        if (
            match not in announced
            and match.spec.key not in sheet.values
            and match.spec.key not in sheet.doubts
            and not is_measure(match)
        ):
            _add(sheet, match, Reading(True), match.synonym, specs)
    return sheet.sheet()


def _about_their_things(matches: list[Match], segment: str) -> list[Match]:
    """Of two facts whose phrases are the same words (「未验收」 of a 高价值 project and of a
    战略推进 one), the one the clause is not about (a word of its `not_with` is there: 「…未验收的
    企业知识产权战略推进计划项目」) is dropped; a phrase of its own stays, read as nothing, so that
    the negations around it are read as before."""
    return [
        m
        for m in matches
        if m.spec.type != YES_NO
        or not any(word in segment for word in m.spec.not_with)
        or not any(o.spec.key != m.spec.key and (o.start, o.end) == (m.start, m.end) for o in matches)
    ]


_OWNER_GAP = 4  # characters between 「的」 and the phrase it modifies (「省知识产权局的战略推进计划项目」)


def _heads_only(matches: list[Match], segment: str, keys: set[str]) -> list[Match]:
    """A phrase of a fact the program does not ask that only says whose or of what the next
    phrase is (「没有省知识产权局的战略推进计划项目」: 知识产权局, a park's department, is the
    project's owner) is dropped, so that the negation before it is the next phrase's; a phrase
    of the program's own (「没有在研未验收的…项目」) keeps its meaning."""
    kept = []
    for m in matches:
        after = segment[m.end : m.end + 1 + _OWNER_GAP]
        owner = after.startswith("的") and any(
            o.spec.key != m.spec.key
            and m.end < o.start <= m.end + 1 + _OWNER_GAP
            and "，" not in segment[m.end : o.start]
            for o in matches
        )
        if not owner or m.spec.type != YES_NO or m.spec.key in keys:
            kept.append(m)
    return kept


def _bare_figure(segment: str, befores: list[str], specs: Sequence[FactSpec], sheet: _Sheet) -> bool:
    """「有独立的知识产权部，专职4个人」「近3年利税：2600万、2900万、3500万」: a clause of figures
    only (and words of whom they count) gives the figures of the one number fact not read yet
    whose words the clause before holds, or else an earlier clause of the sentence that named a
    fact (「独立知识产权部，制度健全，6个人」). Read when exactly one fact fits, else nothing is read."""
    if not any(befores) or not _NUMBER_CHARACTER.search(segment):
        return False  # every figure holds a digit or a numeral: no need to look for one
    text = normalize_numbers(without("figure_periods", segment))
    figures = find_numbers(text)
    rest = list(text)
    for figure in figures:
        rest[figure.start : figure.end] = " " * (figure.end - figure.start)
    if not figures or without("figure_fillers", "".join(rest)).strip(" 、"):
        return False
    for before in filter(None, befores):
        fitting = []
        for spec in specs:
            read = spec.key in sheet.values or spec.key in sheet.doubts
            if spec.key in sheet.keys and spec.type != YES_NO and not read and _holds_words(before, spec):
                values = [to_fact_unit(figure, spec.unit) for figure in figures]
                if None not in values:
                    fitting.append(_figures_read(spec, values, text))  # type: ignore[arg-type]
        if len(fitting) == 1:
            sheet.add(fitting[0][0].key, fitting[0][1], f"{before}，{segment}")
            return True
        if fitting:
            return False  # several facts fit: none is read
    return False


def _holds_words(text: str, spec: FactSpec) -> bool:
    """Whether the text holds one of the fact's phrases (「研发…占…收入」: its parts in order)."""
    for synonym in spec.synonyms:
        at = 0
        for part in synonym.split("…"):
            at = text.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return True
    return False


def _figures_read(spec: FactSpec, values: list[FactValue], text: str) -> tuple[FactSpec, Reading]:
    """Several figures (「2600万、2900万、3500万」) as the registry says; one figure of some of the
    people only (「专职4个」: part-time staff may come on top) is a lower bound."""
    if len(values) > 1:
        return spec, several_figures(spec, values, text)
    value = values[0]
    if isinstance(value, float) and cues("part_counts", without("figure_counts_all", text)):
        value = Interval(value)
    return spec, Reading(value)


def _add(sheet: _Sheet, match: Match, reading: Reading, words: str, specs: Sequence[FactSpec]) -> None:
    """A phrase's reading, and the facts a yes of it says too (「江苏注册的独立法人」: in Jiangsu),
    each where the words hold one of its own (「独立法人」 alone says nothing of where)."""
    key = match.spec.key
    if match.spec.ongoing and _unpaid_outweighs(sheet, key, reading, words):
        return
    sheet.add(key, reading, words)
    figure = match.spec.type != YES_NO
    if reading.value is True or (figure and _above_zero(reading.value)):
        by_words = dict(match.spec.implied_by)
        for implied in (s for s in specs if s.key in match.spec.implies):
            if implied.key in by_words:  # the phrase read says it (「行业龙头」), not just the clause
                # (of a figure, its clause: 「商标持续使用二十年」)
                if any(word in (words if figure else match.synonym) for word in by_words[implied.key]):
                    sheet.imply(implied.key, words)
            elif any(word in words for word in implied.synonyms):
                sheet.imply(implied.key, words)


def _mark_before(text: str, at: int) -> str:
    """The last character before `at` that is not white space (the mark that ended the clause
    before), without copying the text up to it."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[at - 1 : at]


def _only_expected(words: str) -> bool:
    """Whether the only doubt words of a clause look forward (预计, 有望)."""
    found = doubtful(masked(words, []))
    return bool(found) and all(word in LEXICON.fact_cues.expected for word in found)


_SELF_WORDS = LEXICON.applicant_kinds
_SELF = re.compile(either(_SELF_WORDS.pronouns + _SELF_WORDS.self_bodies))
_ALL_OF = re.compile(
    rf"^(?:{either(_SELF_WORDS.pronouns + _SELF_WORDS.self_bodies)})?\s*(?:{either(LEXICON.fact_cues.all_of)})"
)


_SUM_SAYS = 4  # characters: the predicate after 「(我们)都」 (「没评上」「具备了」)


def _sums_up(segment: str, named: list[Match]) -> bool:
    """「国家级快维中心，还有2022年度的真抓实干，我们都没有」: a clause with no phrase that says
    「(我们)都…」 after two or more things of the sentence says it of each of them."""
    found = _ALL_OF.match(segment.strip())
    rest = segment.strip()[found.end() :].rstrip("了的啊呀") if found else ""
    # 「都没有」「都具备」: the sum's own short predicate, not a clause of its own (「都是临时申请」
    # 「都是代工」: 是 with what they are)
    said = not rest.startswith("是") and bool(cues("negations", rest) or cues("yes_words", rest))
    return len({m.spec.key for m in named}) >= 2 and found is not None and len(rest) <= _SUM_SAYS and said


def _of_another_body(segment: str, before: bool, first: bool) -> bool:
    """Whether a clause is about another body than the applicant: the sentence's first clause
    begins with one, as its subject (「隔壁区是…」), and the clauses after it go on about it
    (「…，23年撤回率也比全省高」) until one names the applicant (我们)."""
    if _SELF.search(segment):
        return False
    return another_body(segment[:SUBJECT_SPAN], segment) if first else before


def _both(first: FactValue, then: FactValue) -> FactValue | None:
    """Two figures for one fact in one message that can both be true narrow it (「2012年注册的，
    快十年了」); figures that contradict, and any other pair of values, are a doubt."""
    numbers = [v for v in (first, then) if isinstance(v, Interval | float | int) and not isinstance(v, bool)]
    if len(numbers) < 2:
        return None
    spans = [v if isinstance(v, Interval) else Interval.exact(float(v)) for v in numbers]
    both = spans[0].intersect(spans[1])
    if both is None:
        return None
    return both.lo if both.is_exact else both


def _deny_the_rest(segment: str, sheet: _Sheet, specs: Sequence[FactSpec]) -> None:
    """「还不是强县建设示范县，也不是试点县」: a clause that names no fact but denies the other
    alternatives of an 「A或B」 fact whose first ones were just denied completes the denial."""
    text = masked(segment, [])
    if not sheet.denied or not _says_no(text) or doubtful(text) or asking(text):
        return
    for spec in (s for s in specs if s.key in sheet.denied):
        named = tuple(alt for alt in spec.either if any(word in segment for word in alt.split("|")))
        if named:
            sheet.deny(spec, named, segment)


def _of_years(matches: list[Match], segment: str) -> list[Match]:
    """The phrases whose fact is about a year the clause names, when the clause says yes or no
    of it (「2022年度没评上」), not when it only names the year (「2022年度呢」)."""
    text = masked(segment, [])
    if not (cues("yes_words", text) or _says_no(text) or doubtful(text)):
        return []
    named = years_in(segment)
    return [m for m in matches if named & ({m.spec.year, *m.spec.years} - {None})]


def _of_another_year(match: Match, segment: str) -> bool:
    """The clause names years, none of them the one the phrase's fact is of."""
    named, about = years_in(segment), {match.spec.year, *match.spec.years} - {None}
    return bool(named and about) and not named & about


def _summary(segment: str, matches: list[Match], sheet: _Sheet) -> None:
    """「…，这几样我们一样都不具备」: a clause that sums up the things named before it in the
    sentence says the same of each (a yes read for one of them before is then in doubt)."""
    text = masked(segment, [])
    negated = _says_no(text)
    for match in matches:
        if match.spec.type != YES_NO:
            continue
        if _bare_mention(sheet.evidence.get(match.spec.key, ""), match):
            sheet.values.pop(match.spec.key, None)  # 「国家级快维中心，…」 named only: the sum says it
        if doubtful(text) or asking(text):
            sheet.doubt(match.spec.key, segment)
        else:
            sheet.add(match.spec.key, Reading(not negated), segment)


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


def _unpaid_outweighs(sheet: _Sheet, key: str, reading: Reading, words: str) -> bool:
    """A project accepted whose last payment is not made (「已经验收了，但尾款还没拨付」) is still
    running, as the guides count it (含尾款未拨付): the unpaid yes stands over the accepted no,
    in either order. True when this reading is settled so."""
    unpaid = reading.value is True and _says_unpaid(words)
    if unpaid and sheet.values.get(key) is False:
        sheet.values[key], sheet.evidence[key] = True, words
        return True
    held = sheet.values.get(key) is True and _says_unpaid(sheet.evidence.get(key, ""))
    return reading.value is False and held


_UNPAID_WINDOW = 8  # characters after 尾款 in which 没/未/待 says it is not paid (「尾款还没拨下来」)


def _says_unpaid(words: str) -> bool:
    """The words say a last payment is not made: 尾款 with a negation or 待 after it in its
    clause (「尾款还没拨付」「尾款待拨付」), and no denial right before it (「没有尾款没拨的」);
    「尾款已拨」 and 尾款 alone say nothing of it."""
    for found in cue_spans("payments", words):
        if cues("negations", mask_look_alikes(words[max(0, found.start() - 2) : found.start()])):
            continue  # 「没有尾款没拨的」: an unpaid one denied
        after = re.split(r"[，,。；;、]", words[found.end() : found.end() + _UNPAID_WINDOW])[0]
        if cues("negations", mask_look_alikes(after)) or "待" in after:
            return True
    return False


def _above_zero(value: FactValue | None) -> bool:
    """A figure that says the thing counted exists (「商标用了六年」 has a trademark)."""
    if isinstance(value, Interval):
        return value.lo > 0 or (value.lo == 0 and value.lo_open)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _own_subject(text: str) -> bool:
    """Words before a clause's first negation that are not words a predicate opens with
    (lexicon: predicate_openers, and years): a subject of the clause's own (「规模不大」)."""
    first = cue_spans("negations", text)
    if not first:
        return False
    lead = _YEARS_SAID.sub("", _OPENERS().sub("", text[: first[0].start()]))
    return len(re.findall(r"[\u4e00-\u9fff]", lead)) >= 2


_YEARS_SAID = re.compile(r"(?:20)?\d{2}\s*年度?|[一二两三四五六七八九十近前去今]+年(?:内|来|度)?")


@cache
def _OPENERS() -> re.Pattern[str]:
    return re.compile(either(LEXICON.fact_cues.predicate_openers))


def _says_no(text: str) -> bool:
    """A clause naming no fact says no: an odd count of negations and shortfalls."""
    return (len(cues("negations", text)) + len(cues("falling_short", text))) % 2 == 1


def _continues(segment: str, new_sentence: bool = False) -> bool:
    """A clause that goes on about the one before: short, or opening with 还/也/但… or the
    applicant's own 我们; a short
    question that opens a new sentence asks us, not of the phrase before (「独立法人。能报升级
    吗？」), while a short negation still denies it (「快维中心。没有。」)."""
    if _OWN_TOPIC.search(segment):
        return False  # 「…示范园区；不过知识产权这块没有独立机构」: a topic of its own
    opening = _YEAR_OPENING.sub("", segment)  # 「撤回率，2023年度比全省平均要高」: after its year
    if _CONTINUES.match(opening) or _SELF.match(opening.strip()):
        return True  # 「撤回率，我们是高于全省平均的」: the applicant says it of itself
    return len(opening) <= _SHORT_CONTINUATION and not (new_sentence and asking(masked(segment, [])))


_YEAR_OPENING = re.compile(r"^\s*(?:(?:20)?\d{2}\s*年度?的?|去年|前年|今年|后来|随后)")
# A clause that names a topic of its own (「知识产权这块」「人员方面」) is about that topic
_OWN_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,}(?:这块|这一块|方面|这方面)")


def _continuation(
    segment: str,
    topics: list[Match],
    told: list[str],
    sheet: _Sheet,
    specs: dict[str, FactSpec],
    new_sentence: bool = False,
) -> None:
    """A clause that names no fact: the predicate of the topics before it, or a contradiction.
    One about another body (「…试点园区，上级没承担过」) says nothing sure of the topics."""
    text = masked(segment, [])
    hedged, asks = doubtful(text), asking(text)
    negated = _says_no(text)
    # 「经营良好，就是规模不大」: a negation with a subject of its own is not the topic's
    doubt = hedged or asks or bool(cues("other_bodies", text)) or (negated and _own_subject(text))
    progress = progress_of(text, segment)
    compared = cues("falling_short", text) or cues("exceeding", text)
    named = years_in(segment)
    for match in topics:
        if named and not named & ({match.spec.year, *match.spec.years} - {None}) and match.spec.year:
            continue  # 「撤回率…，2022年度是高于全省平均的」: another year's, not this fact's
        if is_measure(match) and not (compared or doubt or negated) and cues("equal_to", text):
            sheet.add(match.spec.key, Reading(False), segment)  # level with it: not above, not below
        elif doubt or (is_measure(match) and not compared):
            sheet.add(match.spec.key, Reading(doubt=segment), segment)
        elif progress:
            sheet.add(match.spec.key, in_progress(match.spec, progress, segment), segment)
        else:
            sheet.add(match.spec.key, Reading(not negated), segment)
    continues = _continues(segment, new_sentence)
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
            others = tuple(alt for alt in specs[key].either if any(w in segment for w in alt.split("|")))
            if not (being and others and sheet.held_by_another(key, specs[key].either, others)):
                sheet.doubt(key, segment)  # (「示范城市，不是试点」 denies the other alternative)
