"""Retrieval for one understood turn: the scope's guides, each year's guide on its own for a
comparison, and an inherited scope dropped when the whole base fits the question much better.

The search runs when its hits are first read, so a turn that the checker or a clause
reference answers never embeds its question. Only an inherited scope is searched at once,
because what the search finds decides whether the turn keeps that scope."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import zip_longest

from ..domain import Hit
from ..ingest.knowledge_base import KnowledgeBase
from ..question.intent import CHITCHAT, COMPARE, intent
from ..question.lexicon import LEXICON
from ..question.scope import Scope, types_named, with_full_years
from ..question.turn import Turn
from ..question.understand import POINTS_BACK, Understood
from ..text.tokens import normalize
from ..thresholds import NEW_TOPIC_MARGIN, RETRIEVE_K, TOPIC_WORD_GUIDES
from .retriever import Filters, Retriever

_YEARS = re.compile(r"\d+\s*年?度?")
# Words that mark a topic or ask (「维权方面要做什么」「具体情况呢」), naming none of their own
_WORDS = LEXICON.asking_words
_NO_TOPIC = frozenset((*_WORDS.topic_markers, *_WORDS.matterless, *_WORDS.asking_terms))
Fit = Callable[[str, Hit], float]  # how well a hit covers a question, 0..1
Words = Callable[[str], frozenset[str]]  # the words of a text, as the search tokenizes it


@dataclass(frozen=True)
class Retrieved:
    """An understood turn with its hits, best first (searched when first read). The turn may
    have lost an inherited scope."""

    understood: Understood
    search: Callable[[], tuple[Hit, ...]] = field(repr=False, compare=False)

    @classmethod
    def found(cls, understood: Understood, hits: tuple[Hit, ...]) -> Retrieved:
        return cls(understood, lambda: hits)

    @cached_property
    def hits(self) -> tuple[Hit, ...]:
        return self.search()


def filters_for(kb: KnowledgeBase, scope: Scope) -> Filters:
    """The search filters of a scope: its guides, or the province's documents for 「省里」."""
    ids = tuple(g.id for g in scope.guides(kb))
    if not ids and scope.provincial:  # 「省里有什么政策」: not a county's own plan
        ids = tuple(g.id for g in kb.guides if g.issuer.startswith(LEXICON.province))
    return Filters(guide_ids=ids)


class TurnRetriever:
    """`run(understood)` → Retrieved. `fit` scores how well a hit covers a question; `words`
    splits a text into the words the search uses; `names_thing` says whether a word names a
    thing (a noun), as only a thing can be another topic; `is_noun` whether it is a noun at all
    (「服务」, a verb used as one, is the subject of 「服务这块呢」)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        retriever: Retriever,
        fit: Fit,
        words: Words,
        names_thing: Callable[[str], bool] = lambda word: True,
        is_noun: Callable[[str], bool] = lambda word: True,
    ) -> None:
        self.kb, self.retriever, self.fit, self.words = kb, retriever, fit, words
        self.names_thing, self.is_noun = names_thing, is_noun
        self._guide_words: dict[str, frozenset[str]] | None = None  # built at the first new topic

    def run(self, understood: Understood) -> Retrieved:
        turn = understood.turn
        if turn is None or turn.intent == CHITCHAT:
            return Retrieved.found(understood, ())
        if turn.intent == COMPARE:  # each year's guide gets its own search, side by side
            return Retrieved(understood, lambda: tuple(self._per_guide(understood)))
        if understood.inherited:
            scoped = self.retriever.run(turn.search_text, RETRIEVE_K, filters_for(self.kb, turn.scope))
            return self._drop_stale_scope(understood, scoped)
        # a subject of its own, not a pointer back to the last one (「还有这个人数要求吗」)
        subjects = self._subjects(turn.question, turn) if understood.follow_up else []
        if subjects and not POINTS_BACK.search(turn.question):
            return self._new_subject(understood, subjects)
        return Retrieved(understood, lambda: self._in_scope(turn))

    def _new_subject(self, understood: Understood, subjects: list[str]) -> Retrieved:
        """A follow-up that names a subject of its own (「服务水平呢？」 after 「县区…产业方面要做
        什么？」) asks what the last question asked, of that subject: searched with the last
        question whose own subject is left out, unless the last question whole finds a clause
        that says more of the new subject (「海外专利呢？」 after 「…到2025年马德里商标要做到
        多少」: both targets stand in one paragraph). Either way the subject is the turn's topic."""
        turn = understood.turn
        assert turn is not None
        kept = replace(turn, topic=turn.question)
        framed = replace(
            kept, search_text=with_full_years(self.kb, f"{self._frame(understood)} {turn.question}")
        )
        found = {t: self._in_scope(t) for t in (kept, framed)}
        subject = " ".join(subjects)
        said = {t: self.fit(subject, hits[0]) if hits else 0.0 for t, hits in found.items()}
        chosen = kept if said[kept] > said[framed] else framed
        return Retrieved.found(replace(understood, turn=chosen), found[chosen])

    def _subjects(self, text: str, turn: Turn) -> list[str]:
        """The words of a text that name a thing of its own (「服务水平」「金融」「纸质材料」), once
        applicants, programs and guides, and the words questions ask with are left out
        (「园区」「截止时间」「什么时候」「方面」)."""
        said = _YEARS.sub(" ", with_full_years(self.kb, normalize(text)))
        rest = self._not_subjects(tuple(g.id for g in turn.guides)).sub(" ", said)
        return [
            word
            for word in self.words(rest)
            if len(word) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", word) and self.is_noun(word)
        ]

    def _frame(self, understood: Understood) -> str:
        """The last question with its own subject left out (「县区创建2024年保护示范区，方面要做
        什么？」): what it asked, and of whom, in which program. Names are kept whole."""
        turn = understood.turn
        assert turn is not None
        names = self._not_subjects(tuple(g.id for g in turn.guides))
        parts = re.split(f"({names.pattern})", normalize(understood.last_question))
        subjects = sorted(self._subjects(understood.last_question, turn), key=lambda w: (-len(w), w))
        for i in range(0, len(parts), 2):  # the text between names and asking words
            for word in subjects:
                parts[i] = parts[i].replace(word, " ")
        # (「那园区的执法案件增长要求呢」 after 设区市's: of the type it names, not the last one)
        if (asked := types_named(turn.question)) and types_named(understood.last_question) != asked:
            parts = [" " if types_named(part) else part for part in parts]
        return "".join(parts)

    @cache  # noqa: B019 - one per assistant, built on the first follow-up
    def _not_subjects(self, guide_ids: tuple[str, ...]) -> re.Pattern[str]:
        """What names no subject of a follow-up: applicants, the guides in scope (all when none
        is), and the words questions ask with (knowledge/lexicon.yaml: asking_words), longest
        first. Another program's name is a subject (「强省政策对专利转化有啥支持」)."""
        guides = [g for g in self.kb.guides if not guide_ids or g.id in guide_ids]
        asking = LEXICON.asking_words
        said = {
            *(w for t in LEXICON.applicant_types for w in (t.name, *t.in_questions)),
            *(n for g in guides for n in (g.title, *g.names) if n),
            *(c for cues in asking.intents.values() for c in cues),
            *asking.topic_markers,
            *asking.asking_terms,
            *asking.matterless,
            *LEXICON.asking_to_apply.program_name_ends,  # 「升级项目呢」: a part of the program
            *LEXICON.name_heads,  # 「24年的指南…」
        }
        words = sorted((normalize(w) for w in said if len(w) >= 2), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, words)))

    def _in_scope(self, turn: Turn) -> tuple[Hit, ...]:
        """The scope's hits; the whole base's when the scope holds nothing that matches."""
        hits = self.retriever.run(turn.search_text, RETRIEVE_K, filters_for(self.kb, turn.scope))
        return tuple(hits or self.retriever.run(turn.search_text, RETRIEVE_K))

    def _per_guide(self, understood: Understood) -> list[Hit]:
        """A comparison's hits: each year's guide searched on its own, best of each first."""
        turn = understood.turn
        assert turn is not None
        program = turn.scope.programs[0] if turn.scope.programs else LEXICON.compare_default_program
        guides = [g for g in self.kb.guides if g.program == program]
        found = [self.retriever.run(turn.search_text, RETRIEVE_K, Filters(guide_ids=(g.id,))) for g in guides]
        return [hit for rank in zip_longest(*found) for hit in rank if hit is not None]

    def _drop_stale_scope(self, understood: Understood, hits: list[Hit]) -> Retrieved:
        """A question that names no program inherits the last one; but when the whole knowledge
        base answers it much better (「江苏专利奖奖多少」 after a 地理标志 question), it is a new
        topic, and the inherited scope is dropped."""
        turn = understood.turn
        assert turn is not None
        # (「还有啥要求」 asks what else the same program requires: never a new topic, so the
        # whole base is not searched when the scope found anything)
        more = any(w in turn.question for w in LEXICON.asking_to_apply.remaining_asks)
        if more and hits:
            return Retrieved.found(understood, tuple(hits))
        free = self.retriever.run(turn.question, RETRIEVE_K)
        spec = intent(turn.intent)
        if spec is not None and spec.evidence:  # 「有问题找谁」: only a contact line elsewhere is a new topic
            free = [hit for hit in free if re.search(spec.evidence, hit.chunk.text)]

        def fit(found: list[Hit]) -> float:
            return self.fit(turn.question, found[0]) if found else 0.0

        if (
            more
            or not free
            or fit(free) < fit(hits) + NEW_TOPIC_MARGIN
            or not self._names_other_topic(turn, free[0])
        ):
            return Retrieved.found(understood, tuple(hits or free))
        said = understood.said
        fresh = replace(
            turn, scope=said, guides=said.guides(self.kb), search_text=turn.question, default_year=False
        )
        return Retrieved.found(replace(understood, turn=fresh), tuple(free))

    def _names_other_topic(self, turn: Turn, hit: Hit) -> bool:
        """The question names something of another guide: a word that the hit's guide holds,
        that at most TOPIC_WORD_GUIDES guides hold, none of them in scope (「江苏专利奖」 after a
        地理标志 question). Words of what is asked (「考核指标」「主要要干哪些事」) name no topic."""
        in_scope = {g.id for g in turn.guides}
        spec = intent(turn.intent)
        asked = " ".join(c for c in spec.cues if c in turn.question) if spec else ""
        for word in self.words(normalize(turn.question)):
            if len(word) < 2 or word in asked or word in _NO_TOPIC or not self.names_thing(word):
                continue  # 「是我们自己寄还是谁统一寄」: 统一 names nothing; 「维权方面」: 方面 neither
            holders = self._holders(word)
            if hit.chunk.guide_id in holders and len(holders) <= TOPIC_WORD_GUIDES and not holders & in_scope:
                return True
        return False

    def _holders(self, word: str) -> set[str]:
        """The guides whose text holds a word."""
        if self._guide_words is None:
            self._guide_words = {
                g.id: self.words(" ".join(self.kb.full_text(c) for c in self.kb.guide_clauses(g.id)))
                for g in self.kb.guides
            }
        return {guide for guide, words in self._guide_words.items() if word in words}
