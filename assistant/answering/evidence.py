"""Finding what answers a question inside the clauses: the sentence with the date, the list
of conditions for an applicant type, the sentences that share the question's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..domain import TRAILER, Clause, Hit
from ..ingest import numbering
from ..ingest.knowledge_base import KnowledgeBase
from ..question.intent import Intent
from ..question.lexicon import LEXICON, either
from ..question.scope import APPLICANT_WORDS, ROUND_PART, types_named
from ..text.thesaurus import WHERE_WORDS, Thesaurus, Weights, is_noun
from ..text.tokens import Tokenizer
from ..thresholds import (
    COMPANION_COVERAGE,
    HEADING_TITLE_MAX,
    ITEM_FULL_MAX,
    RANK_PENALTY,
    SHORTENED_TITLE_MIN,
    SIMILAR_SENTENCES,
    TASKS_WHOLE_MAX,
)

SENTENCE_END = re.compile(r"(?<=[。；;！？])|\n")
LEADING_MARKER = re.compile(
    rf"^\s*(?:{numbering.SECTION}|{numbering.PAREN_CN}|{numbering.PAREN_NUM}|{numbering.NUM})\s*"
)
ATTACHMENTS = re.compile(r"^附\s*件\s*[:：]\s*")


@dataclass(frozen=True)
class Evidence:
    clause: Clause
    sentence: str


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def strip_marker(sentence: str) -> str:
    return LEADING_MARKER.sub("", sentence).strip()


def clauses_of(kb: KnowledgeBase, hits: Iterable[Hit]) -> list[Clause]:
    """The hit clauses and their items, best hit first, without repeats."""
    return [kb.clause(clause_id) for clause_id in hit_ranks(kb, hits)]


def hit_ranks(kb: KnowledgeBase, hits: Iterable[Hit]) -> dict[str, int]:
    """For each clause the hits bring (a hit and its items), the rank of its best hit."""
    ranks: dict[str, int] = {}
    for rank, hit in enumerate(hits):
        clause = kb.clause(hit.chunk.clause_id)
        for c in (clause, *kb.descendants(clause)):
            ranks.setdefault(c.id, rank)
    return ranks


def find_sentences(
    relevance: Relevance,
    question: str,
    clauses: list[Clause],
    pattern: str,
    per_guide: bool,
    openings: bool = False,
) -> list[Evidence]:
    """The sentences matching `pattern` that fit the question best: one overall, or the best
    of each guide (「2022年各项目什么时候截止」); with `openings`, a list's opening line too
    (「…提升计划实施期 2 年，重点完成以下任务：」)."""
    regex = re.compile(pattern)
    scored = relevance.rank(question, clauses, lambda s: bool(regex.search(s)), openings=openings)
    best: dict[str, Evidence] = {}
    for _, item in scored:
        key = item.clause.guide_id if per_guide else ""
        best.setdefault(key, item)
    return list(best.values())


def joined(said: list[str]) -> str:
    """Sentences of one clause run together; a line with no end mark of its own (a document's
    heading: 「江苏省知识产权局文件」「苏知发〔2021〕140号」) is set off from the next by 「，」."""
    text = ""
    for sentence in said:
        bare = strip_marker(sentence)
        text += "，" if text and not text.endswith(_ENDS_ITSELF) else ""
        text += bare
    return text


_ENDS_ITSELF = tuple("。；;！!？?：:，,、）)」”》")


def in_context(item: Evidence) -> str:
    """A sentence as `Relevance.rank` reads it: after its clause's headings."""
    return f"{' '.join(item.clause.heading_path)} {item.sentence}"


def attachments(clause: Clause) -> list[str]:
    """The attachment list a notice ends with (「附件：1. …」 and the numbered lines after it)."""
    lines = [line.strip() for line in clause.text.splitlines()]
    start = next((i for i, line in enumerate(lines) if ATTACHMENTS.match(line)), None)
    if start is None:
        return []
    found = [ATTACHMENTS.sub("", lines[start])]
    for line in lines[start + 1 :]:
        if not re.match(r"^\d{1,2}\s*[.．、]", line):
            break
        found.append(line)
    return [strip_marker(x) for x in found]


def _heading(clause: Clause, sentence: str, openings: bool = False) -> bool:
    """A clause's bare title, or (unless `openings` are read) the line that opens its list
    (「…应符合下列条件：」); a preamble's line ending in 「：」 names whom a document is sent
    to, and opens no list."""
    bare = strip_marker(sentence)
    opening = (
        not openings and bool(clause.children) and clause.parent_id is not None and bare.endswith(("：", ":"))
    )
    return bare == clause.title or opening


def _titles(item: Evidence) -> bool:
    """The sentence is its clause's title (「7. 强化地理标志维权保护。」), which says nothing of
    what the clause provides: a question it fits names the clause."""
    return strip_marker(item.sentence).rstrip("。.；;") == item.clause.title


def matching(clauses: Iterable[Clause], regex: re.Pattern[str]) -> list[Evidence]:
    """Every sentence of the clauses that the pattern matches, in their order (a clause's title
    and the line that opens its list left out, as `Relevance.rank` leaves them out)."""
    return [Evidence(c, s) for c in clauses for s in _units(c) if regex.search(s) and not _heading(c, s)]


def _units(clause: Clause) -> list[str]:
    """The clause's sentences; a contact block stays whole (name and phone belong together)."""
    if clause.kind == TRAILER:
        return ["；".join(line.strip() for line in clause.text.splitlines() if line.strip())]
    return sentences(clause.text)


def under_section(kb: KnowledgeBase, clause: Clause, section: str, depth: int = 1) -> bool:
    """Whether a heading of the clause (from `depth` down: 1 is the top section) names it; a
    heading that says what it is (「申报主体是企业的」, the conditions of one kind) does not."""
    named = re.compile(f"(?:{section})(?![是为])")
    return any(named.search(title) for title in (*clause.heading_path[depth:], clause.title))


def list_node(kb: KnowledgeBase, clause: Clause, applicant_type: str | None, section: str | None) -> Clause:
    """The node whose items answer a list question: the clause if it has items, else its
    parent; narrowed to the applicant type's own node when the list is split by type, and to
    the part the question asks for (「项目任务」 inside 「（一）设区市」)."""
    is_section = bool(section and re.search(section, clause.title))  # 「三、主要目标」 of paragraphs
    node = clause if clause.children or not clause.parent_id or is_section else kb.clause(clause.parent_id)
    if applicant_type:
        typed = [c for c in kb.children(node) if c.children and names_type(c, applicant_type)]
        if len(typed) == 1:
            node = typed[0]
    if section:
        parts = [c for c in kb.children(node) if c.children and re.search(section, c.title)]
        if len(parts) == 1:
            node = parts[0]
    return node


def whole_section(kb: KnowledgeBase, node: Clause, section: str | None) -> Clause:
    """The section a list question asks for, when the node found is one of its parts and
    every part is a list of its own (「通州方案 主要任务」: 四、重点任务, not its （一）); a
    question naming one part narrows to it again (`narrow`)."""
    if not section or not node.parent_id or re.search(section, node.title):
        return node
    parent = kb.clause(node.parent_id)
    parts = kb.children(parent)
    typed = any(names_type(c, name) for c in parts for name, _ in APPLICANT_WORDS)
    if re.search(section, parent.title) and all(c.children for c in parts) and not typed:
        return parent
    return node


def per_type(kb: KnowledgeBase, node: Clause, types: list[str]) -> list[Clause]:
    """The same part of a list for each applicant type a question names (「设区市和县（市、区）的
    绩效目标」: 四（一）2 and 四（二）2), when the list is split by type; else the node alone."""
    if len(types) < 2:
        return [node]
    chain = [node]
    while chain[-1].parent_id and not any(names_type(chain[-1], t) for t in types):
        chain.append(kb.clause(chain[-1].parent_id))
    typed, below = chain[-1], [c.title for c in reversed(chain[:-1])]
    if not typed.parent_id or not any(names_type(typed, t) for t in types):
        return [node]
    found = []
    for atype in types:
        part = next((c for c in kb.children(kb.clause(typed.parent_id)) if names_type(c, atype)), None)
        for title in below:
            part = next((c for c in kb.children(part) if c.title == title), None) if part else None
        if part is not None and part not in found:
            found.append(part)
    return found if len(found) == len(types) else [node]


def names_type(clause: Clause, applicant_type: str) -> bool:
    words = dict(APPLICANT_WORDS).get(applicant_type, (applicant_type,))
    title = clause.title
    return any(w in title for w in words) and not (
        applicant_type != "设区市" and "设区市" in title and "县" not in title
    )


def section_headings(clause: Clause) -> tuple[str, ...]:
    """The headings of the sections a clause sits in (an item's own first words left out)."""
    return clause.heading_path[1:] if clause.children else clause.heading_path[1:-1]


def type_rank(clause: Clause, applicant_type: str) -> int:
    """0 when the clause's headings name the applicant type, 2 when a section above it names
    another, else 1. An item's own first words may name an actor (「各设区市…局推荐…」)
    rather than whom the provision is for: they can raise a clause, not lower it."""
    path = " ".join(clause.heading_path[1:])
    if any(w in path for w in dict(APPLICANT_WORDS).get(applicant_type, (applicant_type,))):
        return 0
    sections = " ".join(section_headings(clause))
    others = any(
        any(w in sections for w in words) for name, words in APPLICANT_WORDS if name != applicant_type
    )
    return 2 if others else 1


def render_items(kb: KnowledgeBase, node: Clause, whole: bool = True) -> list[str]:
    """Each item verbatim (conditions must be read in full), or, for long task lists, the
    heading of each long item."""
    children = kb.children(node)
    fulls = [kb.full_text(c) for c in children]
    whole = whole or (  # a short list of tasks, not of sections, whole
        not any(c.children for c in children) and sum(map(len, fulls)) <= TASKS_WHOLE_MAX
    )
    items = []
    for child, full in zip(children, fulls, strict=True):
        short = whole or len(full) <= ITEM_FULL_MAX
        items.append(full if short else f"{child.text.split(child.title)[0]}{child.title}……")
    return items


# 「时序进度是怎么安排的」: how a section lays out its items, asked of the whole section
ARRANGED = r"(?:怎么|如何|怎样)(?:安排|规定|部署|划分|分)"


def titled_section(kb: KnowledgeBase, guide_ids: Iterable[str], question: str) -> Clause | None:
    """「列一下通州方案的保障措施有哪些」: the one section with items, in the guides named, whose
    whole title (four characters or more) the question writes."""
    named = [
        clause
        for guide_id in guide_ids
        for clause in kb.guide_clauses(guide_id)
        if len(clause.title) >= 4 and _asks_the_list(question, clause.title) and kb.children(clause)
    ]
    return named[0] if len(named) == 1 else None


def _asks_the_list(question: str, title: str) -> bool:
    """The title is what the question asks to list (「保障措施有哪些」「基本原则？列一下」「知识产权
    运用这块要做哪些」: by its matter too), not a name before something else asked
    (「产业知识产权运营中心优先支持哪些产业链」)."""
    matter = _TITLE_VERB.sub("", title)
    names = {title, matter} if len(matter) >= 4 else {title}
    for name in {*names, *(short for whole in names for short in _qualifier_left_out(whole))}:
        at = question.find(name)
        if at >= 0 and _LIST_AFTER_TITLE.match(question, at + len(name)):
            return True
    return False


def _qualifier_left_out(title: str) -> set[str]:
    """The title as people shorten it, a qualifier of two or three characters inside it left
    out (「促进知识产权运用」 of 「促进知识产权高效益运用」): six characters or more remain."""
    return {
        title[:at] + title[at + run :]
        for run in (2, 3)
        for at in range(2, len(title) - run - 1)
        if len(title) - run >= SHORTENED_TITLE_MIN and _CJK_ONLY.fullmatch(title[at : at + run])
    }


_LIST_AFTER_TITLE = re.compile(
    # (the title may be quoted: 「“时序进度”」「“实施知识产权高效能管理”部分包括哪几条」)
    rf"[\"'”」』]?(?:{either(LEXICON.asking_words.topic_markers)}|部分|上)?(?:的|都|主要|具体|一共|要|需要|得)*"
    r"(?:有哪|有什么|有啥|有几|分几|分哪|是哪|是什么|是啥|几条|几项|几个|哪些|哪几|分成|分为|包括|包含|做哪|做什么|干啥|做啥|[？?，,。！!]|$|"
    + "|".join(
        map(re.escape, sorted(LEXICON.asking_words.request_tails, key=len, reverse=True))
    )  # 「…列一下」
    + "|是?"
    + ARRANGED
    + ")"
)


def narrow(kb: KnowledgeBase, node: Clause, question: str) -> Clause:
    """Descend into the one sub-list the question names (「升级项目」, 「申报主体是企业的」), by
    its title or by the one applicant type the question names (「高校」 of 「申报主体是高校、科研
    院所…的」)."""
    types = types_named(question)
    while True:
        lists = [c for c in kb.children(node) if c.children]
        named = [c for c in lists if names_title(question, c.title)]
        if not named and len(types) == 1:
            named = [c for c in lists if names_type(c, types[0])]
        if len(named) != 1:
            return node
        node = named[0]


_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,12})[”\"」]")


def named_item(kb: KnowledgeBase, node: Clause, question: str) -> Clause | None:
    """The one item of a list whose title (else whose text) holds a quoted term the question
    names too (「“两法衔接”要做什么」 names 「推进知识产权执法“两法衔接”」): asked for itself."""
    terms = set(_QUOTED.findall(question))
    for text_of in (lambda c: c.title, kb.full_text):  # its title, else its text
        named = [c for c in kb.children(node) if terms & set(_QUOTED.findall(text_of(c)))]
        if len(named) == 1:
            return named[0]
    # a term quoted that is an item's own title (「园区任务“加强执法监管”」), at any depth
    titled = [c for c in kb.descendants(node) if c.title in terms]
    return titled[0] if len(titled) == 1 else None


def part_holding(kb: KnowledgeBase, node: Clause, terms: Iterable[str]) -> Clause | None:
    """The one item (at any depth) of a list whose text holds a term of the question, longest
    and rarest term first (「版权方面有啥任务」: the item on 版权; 「维权援助这块要做什么」: the one
    that says 维权援助)."""
    parts = [c for c in kb.descendants(node) if not c.children]
    # longest first, then the rarest among the parts (「企业遇到纠纷」: 纠纷 before 企业), then by
    # the term itself, so that the choice never depends on the order of a set
    for term in sorted(terms, key=lambda t: (-len(t), sum(t in c.text for c in parts), t)):
        scored = sorted(((_says(c, term), c) for c in parts if term in c.text), key=lambda x: -x[0])
        if not scored:
            continue
        best = scored[0][0]
        second = scored[1][0] if len(scored) > 1 else 0
        if best >= 2 * max(second, 1):  # the item about it: in its title, or said most by far
            return scored[0][1]
    return None


def _says(clause: Clause, term: str) -> int:
    return clause.text.count(term) + (10 if term in clause.title else 0)


def names_part(kb: KnowledgeBase, question: str, clause: Clause, section: str | None = None) -> bool:
    """The question names a part the clause sits in by its title (「新建项目」), and no other
    part beside it (「新建和升级」 prefers neither); the section an intent asks for (「绩效目标」)
    is no part."""
    node = clause
    while node.parent_id:
        node, child = kb.clause(node.parent_id), node
        if names_title(question, child.title) and not (section and re.search(section, child.title)):
            siblings = [c for c in kb.children(node) if c.id != child.id]
            return not any(names_title(question, c.title) for c in siblings)
    return False


def names_title(question: str, title: str) -> bool:
    """The question names a part by its title (「新建项目」 by 新建, 「加大知识产权保护」 by 知识产权保护)."""
    core = re.sub(r"^申报主体是|的$|项目$", "", title)
    matter = _TITLE_VERB.sub("", core)  # 「加大知识产权保护」 is named by 「知识产权保护」
    return (
        (len(core) >= 2 and core in question)
        or (len(matter) >= 4 and matter != core and matter in question)
        or _named_by_its_end(question, core)
    )


def _named_by_its_end(question: str, title: str) -> bool:
    """A long title named by its last words, as people shorten it (「运营中心本身」 of
    「产业知识产权运营中心」): four characters or more, none of a guide's part (「绩效目标」); the
    title a heading's, not a sentence's (a condition written as its item's title)."""
    if not 6 <= len(title) <= HEADING_TITLE_MAX:
        return False
    end = next((title[i:] for i in range(len(title) - 4, 0, -1) if title[i:] in question), "")
    return bool(end) and _CJK_ONLY.fullmatch(end) is not None and not ROUND_PART.search(end)


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


_TITLE_VERB = re.compile(f"^(?:{'|'.join(LEXICON.title_verbs)})")


class Relevance:
    """How much of a question a text covers: the share of the question's tokens it holds,
    each weighted by its inverse document frequency over the guides (rare words count)."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        idf: dict[str, float],
        thesaurus: Thesaurus | None = None,
    ) -> None:
        self._tokenizer = tokenizer
        self._weight = Weights(idf, tokenizer.tag)
        self._thesaurus = thesaurus or Thesaurus()

    @lru_cache(maxsize=8192)  # noqa: B019 - one Relevance per assistant, texts repeat
    def tokens(self, text: str) -> frozenset[str]:
        return frozenset(self._tokenizer(text))

    @lru_cache(maxsize=2048)  # noqa: B019
    def _wanted(self, question: str) -> tuple[tuple[float, tuple[frozenset[str], ...]], ...]:
        """What a text must hold to cover the question: per question word, its weight and the
        token sets that count as saying it (the word itself, or a thesaurus equivalent)."""
        concepts = self._thesaurus.concepts(question)
        plain = set(self.tokens(question))
        plain -= {t for t in plain for a in plain & WHERE_WORDS if t != a and t in a}  # 「哪些地方」
        wanted = []
        for concept in concepts:
            plain -= self.tokens(concept.said)
            means = tuple(self.tokens(m) for m in concept.means if self.tokens(m))
            weight = max(self._weight.strongest(m) for m in means) if means else 0.0
            wanted.append((weight, (frozenset([concept.said]), *means)))
        # Sorted, so that float sums (and the ties they break) do not depend on hash order.
        wanted.extend((self._weight(t), (frozenset([t]),)) for t in sorted(plain))
        return tuple(wanted)

    def coverage(self, question: str, text: str) -> float:
        wanted = self._wanted(question)
        total = sum(w for w, _ in wanted)
        if not total:
            return 0.0
        have = self.tokens(text)
        return sum(w for w, ways in wanted if any(way <= have for way in ways)) / total

    def similar(self, one: str, other: str) -> bool:
        """Whether two sentences say nearly the same (one rule repeated for another type)."""
        a, b = self.tokens(strip_marker(one)), self.tokens(strip_marker(other))
        return bool(a and b) and len(a & b) / len(a | b) >= SIMILAR_SENTENCES

    def names_things(self, text: str) -> bool:
        """Whether a text names anything of its own: a noun that weighs (「主要要」 names nothing)."""
        return any(
            w > 0 and is_noun(next(iter(ways[0])), self._tokenizer.tag) for w, ways in self._wanted(text)
        )

    def holds_subject(
        self, question: str, text: str, asked: re.Pattern | None = None, acts: bool = False
    ) -> bool:
        """Whether the text holds the question's weightiest noun, its subject (「江苏专利奖」).
        Words of what is asked for (`asked`: 「钱」 in 「补多少钱」) are no subject; a question
        with no subject of its own has none that a text could hold. With `acts`, a verb of two
        characters or more names a subject too (「贯标」 of 「贯标认证补贴多少钱」)."""

        # (with nothing but what is asked, the sum asked is its own subject: 「资助最多给多少」)
        wanted = self._subjects(question, asked, acts) or self._subjects(question, None, acts)
        if not wanted:
            return False
        top = max(w for w, _ in wanted)
        have, written = self.tokens(text), text.lower()
        # (a word inside a longer one of the text counts: 「通州」 of 「通州区」)
        return any(
            any(way <= have or (len(way) == 1 and len(min(way)) >= 2 and min(way) in written) for way in ways)
            for w, ways in wanted
            if w == top
        )

    def has_subject(self, question: str, asked: re.Pattern | None = None) -> bool:
        """Whether the question names a subject of its own (「什么时候验收」 names none)."""
        return bool(self._subjects(question, asked))

    def _subjects(
        self, question: str, asked: re.Pattern | None, acts: bool = False
    ) -> list[tuple[float, tuple[frozenset[str], ...]]]:
        def subject(word: str) -> bool:
            act = (
                acts
                and len(word) >= 2
                and (self._tokenizer.tag(word) or "").startswith("v")
                and word not in LEXICON.figures.plain_verbs
            )
            return (is_noun(word, self._tokenizer.tag) or act) and not (asked and asked.fullmatch(word))

        return [(w, ways) for w, ways in self._wanted(question) if subject(next(iter(ways[0])))]

    def holds_whose(self, question: str, text: str, figure: re.Pattern) -> bool:
        """Whether the text holds what a figure asked is of: the word right before the figure's
        word in the question (「贴息」 of 「贴息比例是多少」, 「贷款」 of 「贷款利率」). A sentence
        with some other rate (「融资金额增幅不少于20%」) does not answer. True when there is none."""
        words = list(self._tokenizer(question))
        for at, word in enumerate(words):
            if figure.fullmatch(word):  # (the words before it not inside it: 「百分」 of 「百分之」)
                before = next((w for w in reversed(words[:at]) if w not in word), "")
                if len(before) > 1:  # 「贴息」 is a verb to jieba
                    return before in self.tokens(text)
        return True

    def rank(
        self,
        question: str,
        clauses: list[Clause],
        keep=lambda s: True,
        ranks: dict[str, int] | None = None,
        own_words: bool = False,
        openings: bool = False,
    ) -> list[tuple[float, Evidence]]:
        """Sentences of the clauses, best first; a sentence is read with its headings. Ties go
        to the better-ranked clause: by its place in `clauses`, or by `ranks`; with `own_words`,
        first to the sentence that itself says more of the question (the items of one list share
        their headings: 「企业要有多少专利」 is the item that says 专利)."""
        scored = []
        for place, clause in enumerate(clauses):
            rank = ranks.get(clause.id, place) if ranks else place
            for sentence in _units(clause):
                if keep(sentence) and not _heading(clause, sentence, openings):
                    item = Evidence(clause, sentence)
                    score = self.coverage(question, in_context(item)) - RANK_PENALTY * rank
                    own = self.coverage(question, sentence) if own_words else 0.0
                    scored.append((score, own, item))
        return [(score, item) for score, _, item in sorted(scored, key=lambda x: (-x[0], -x[1]))]

    def companions(self, question: str, first: Evidence, title: str = "", limit: int = 1) -> list[str]:
        """Other sentences of the same clause that answer what the first one leaves open (the
        guide's title answers nothing: it only places the clause)."""
        said = self.tokens(f"{title} {first.sentence}")
        rest_of_question = " ".join(sorted(self.tokens(question) - said))
        extra = [s for s in _units(first.clause) if s != first.sentence]
        scored = sorted(
            ((self.coverage(rest_of_question, s), -i, s) for i, s in enumerate(extra)), reverse=True
        )
        return [s for score, _, s in scored if score >= COMPANION_COVERAGE][:limit]

    def with_companions(
        self, question: str, first: Evidence, title: str = "", whole_max: int = 0
    ) -> list[str]:
        """The first sentence and its companions, in the order the clause has them; the whole
        clause when it is a short provision (up to `whole_max` characters), which reads best
        unbroken (「立项后拨付启动资金，中期评估后拨付后续资金」)."""
        units = [u for u in _units(first.clause) if not _heading(first.clause, u)]
        if first.clause.kind != TRAILER and len(first.clause.text) <= whole_max:
            return units
        if _titles(first) and not first.clause.children:  # 「“强化地理标志维权保护”这条」: named by its title
            return units
        said = [first.sentence, *self.companions(question, first, title)]
        return sorted(said, key=lambda x: units.index(x) if x in units else 0)


def matches_intent(kb: KnowledgeBase, clause: Clause, intent: Intent) -> bool:
    if intent.section and not under_section(kb, clause, intent.section):
        return False
    return not intent.evidence or any(re.search(intent.evidence, s) for s in sentences(kb.full_text(clause)))


_ROUND_YEAR = re.compile(r"(\d{4})\s*年度")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def conflicting_deadlines(kb: KnowledgeBase, clause: Clause) -> tuple[str, ...]:
    """What a sentence of the clause states as a deadline (knowledge/lexicon.yaml
    `deadline_words`) that the manifest does not register: a date other than its `deadline`,
    or a round (「2025年度」) other than its `year`."""
    guide = kb.guide(clause.guide_id)
    if not guide.deadline:
        return ()
    found = []
    for sentence in sentences(kb.full_text(clause)):
        if not any(word in sentence for word in LEXICON.deadline_words):
            continue
        for match in _DATE.finditer(sentence):
            year, month, day = (int(g) for g in match.groups())
            if f"{year:04d}-{month:02d}-{day:02d}" != str(guide.deadline):
                found.append(f"{year}年{month}月{day}日")
        found += [f"{y}年度" for y in _ROUND_YEAR.findall(sentence) if int(y) != guide.year]
    return tuple(dict.fromkeys(found))
