"""Finding what answers a question inside the clauses: the sentence with the date, the list
of conditions for an applicant type, the sentences that share the question's words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .intent import Intent
from .knowledge import KnowledgeBase
from .model import TRAILER, Clause, Hit
from .scope import APPLICANT_WORDS
from .tokens import Tokenizer

SENTENCE_END = re.compile(r"(?<=[。；;！？])|\n")
LEADING_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?:(?=\d{4}年)|(?!\d)))\s*"
)
ITEM_FULL_MAX = 100
RANK_PENALTY = 0.01  # between equally fitting sentences, the better-ranked clause wins
COMPANION_COVERAGE = 0.25


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
    seen: dict[str, Clause] = {}
    for hit in hits:
        clause = kb.clause(hit.chunk.clause_id)
        for c in (clause, *kb.descendants(clause)):
            seen.setdefault(c.id, c)
    return list(seen.values())


def find_sentences(
    relevance: Relevance, question: str, clauses: list[Clause], pattern: str, per_guide: bool
) -> list[Evidence]:
    """The sentences matching `pattern` that fit the question best: one overall, or the best
    of each guide (「2022年各项目什么时候截止」)."""
    regex = re.compile(pattern)
    scored = relevance.rank(question, clauses, lambda s: bool(regex.search(s)))
    best: dict[str, Evidence] = {}
    for _, item in scored:
        key = item.clause.guide_id if per_guide else ""
        best.setdefault(key, item)
    return list(best.values())


def _units(clause: Clause) -> list[str]:
    """The clause's sentences; a contact block stays whole (name and phone belong together)."""
    if clause.kind == TRAILER:
        return ["；".join(line.strip() for line in clause.text.splitlines() if line.strip())]
    return sentences(clause.text)


def under_section(kb: KnowledgeBase, clause: Clause, section: str) -> bool:
    return any(re.search(section, title) for title in clause.heading_path[1:])


def list_node(kb: KnowledgeBase, clause: Clause, applicant_type: str | None, section: str | None) -> Clause:
    """The node whose items answer a list question: the clause if it has items, else its
    parent; narrowed to the applicant type's own node when the list is split by type, and to
    the part the question asks for (「项目任务」 inside 「（一）设区市」)."""
    node = clause if clause.children or not clause.parent_id else kb.clause(clause.parent_id)
    if applicant_type:
        typed = [c for c in kb.children(node) if c.children and names_type(c, applicant_type)]
        if len(typed) == 1:
            node = typed[0]
    if section:
        parts = [c for c in kb.children(node) if c.children and re.search(section, c.title)]
        if len(parts) == 1:
            node = parts[0]
    return node


def names_type(clause: Clause, applicant_type: str) -> bool:
    words = dict(APPLICANT_WORDS).get(applicant_type, (applicant_type,))
    title = clause.title
    return any(w in title for w in words) and not (
        applicant_type != "设区市" and "设区市" in title and "县" not in title
    )


def type_rank(clause: Clause, applicant_type: str) -> int:
    """0 when the clause's headings name the applicant type, 2 when they name another, else 1."""
    path = " ".join(clause.heading_path[1:])
    ours = any(w in path for w in dict(APPLICANT_WORDS).get(applicant_type, (applicant_type,)))
    if ours:
        return 0
    others = any(any(w in path for w in words) for name, words in APPLICANT_WORDS if name != applicant_type)
    return 2 if others else 1


def render_items(kb: KnowledgeBase, node: Clause, whole: bool = True) -> list[str]:
    """Each item verbatim (conditions must be read in full), or, for long task lists, the
    heading of each long item."""
    items = []
    for child in kb.children(node):
        full = kb.full_text(child)
        short = whole or len(full) <= ITEM_FULL_MAX
        items.append(full if short else f"{child.text.split(child.title)[0]}{child.title}……")
    return items


def narrow(kb: KnowledgeBase, node: Clause, question: str) -> Clause:
    """Descend into the one sub-list the question names (「升级项目」, 「申报主体是企业的」)."""
    while True:
        named = [c for c in kb.children(node) if c.children and _names(question, c.title)]
        if len(named) != 1:
            return node
        node = named[0]


def _names(question: str, title: str) -> bool:
    core = re.sub(r"^申报主体是|的$|项目$", "", title)
    return len(core) >= 2 and core in question


class Relevance:
    """How much of a question a text covers: the share of the question's tokens it holds,
    each weighted by its inverse document frequency over the guides (rare words count)."""

    def __init__(
        self, tokenizer: Tokenizer, idf: dict[str, float], context: dict[str, str] | None = None
    ) -> None:
        self._tokenizer = tokenizer
        self._idf = idf
        self._unknown = max(idf.values(), default=1.0)  # a word the guides never use weighs most
        self._context = context or {}

    @lru_cache(maxsize=8192)  # noqa: B019 - one Relevance per assistant, texts repeat
    def tokens(self, text: str) -> frozenset[str]:
        return frozenset(self._tokenizer(text))

    def coverage(self, question: str, text: str) -> float:
        wanted = self.tokens(question)
        if not wanted:
            return 0.0
        # Sorted, so that float sums (and the ties they break) do not depend on hash order.
        weights = {t: max(self._idf.get(t, self._unknown), 0.0) for t in sorted(wanted)}
        total = sum(weights.values()) or 1.0
        have = self.tokens(text)
        return sum(w for t, w in weights.items() if t in have) / total

    def rank(self, question: str, clauses: list[Clause], keep=lambda s: True) -> list[tuple[float, Evidence]]:
        """Sentences of the clauses, best first; a sentence is read with its headings."""
        scored = []
        for rank, clause in enumerate(clauses):
            context = " ".join(clause.heading_path)
            for sentence in _units(clause):
                if keep(sentence) and strip_marker(sentence) != clause.title:
                    score = self.coverage(question, f"{context} {sentence}") - RANK_PENALTY * rank
                    scored.append((score, Evidence(clause, sentence)))
        return sorted(scored, key=lambda x: -x[0])

    def companions(self, question: str, first: Evidence, limit: int = 1) -> list[str]:
        """Other sentences of the same clause that answer what the first one leaves open."""
        rest_of_question = " ".join(sorted(self.tokens(question) - self.tokens(first.sentence)))
        extra = [s for s in _units(first.clause) if s != first.sentence]
        good = [s for s in extra if self.coverage(rest_of_question, s) >= COMPANION_COVERAGE]
        return good[:limit]


def matches_intent(kb: KnowledgeBase, clause: Clause, intent: Intent) -> bool:
    if intent.section and not under_section(kb, clause, intent.section):
        return False
    return not intent.evidence or any(re.search(intent.evidence, s) for s in sentences(kb.full_text(clause)))
