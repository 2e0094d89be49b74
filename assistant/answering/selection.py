"""Which clauses a turn reads, in what order, and which of the best-fitting ones to state.

The composer (answering/compose.py) writes the answer; the reader chooses what it reads: the
clauses the hits bring, ranked by their hit (a section hit brings all its items at its own
rank) with the applicant's own provisions and the current guide first; a guide's preamble; the
one sub-list a section names; and, among the ranked sentences, the peers that answer as well as
the best one, or the list whose items answer a question of several parts together.
"""

from __future__ import annotations

import re

from ..domain import ROOT, Clause, Hit
from ..ingest.knowledge_base import KnowledgeBase
from ..question.intent import intent
from ..question.lexicon import LEXICON, either
from ..question.numbers import chinese_to_number
from ..question.scope import types_named
from ..question.turn import Turn
from ..thresholds import (
    DEMOTION,
    DIRECTION_SHARED_PARTS,
    GENERAL_HITS,
    JOINT_GAIN,
    MAX_PEERS,
    MIN_PART_COVERAGE,
    OTHER_TYPE,
    PEER_MARGIN,
    SAME_RULE_MARGIN,
)
from . import evidence as ev

ASKING = re.compile(r"多少|几[个项条件年名次]|什么|哪|怎么|如何|是否|吗")  # one per part of a question
_OTHER_DIRECTION = LEXICON.asking_words.other_direction
# 「第一个谁能报」 after the directions were listed: the direction in that place
_NTH = re.compile(r"^(?:那|那么)?第([一二两三四五六七八九十]|\d)(?:个|种|类)?(?:方向)?")

Ranked = list[tuple[float, ev.Evidence]]


class Reader:
    """Settings in `__init__`; each method answers one question the composer asks."""

    def __init__(self, kb: KnowledgeBase, relevance: ev.Relevance) -> None:
        self.kb = kb
        self.relevance = relevance
        self._direction_heads: dict[str, dict[Clause, str | None]] = {}  # by guide: _directions

    def candidates(self, turn: Turn, hits: list[Hit]) -> list[Clause]:
        """The hit clauses and their items in the turn's guides: the current guides' first when
        no year is said, the applicant type's own provisions first."""
        clauses = ev.clauses_of(self.kb, hits)
        if turn.guides:
            ids = {g.id for g in turn.guides}
            clauses = [c for c in clauses if c.guide_id in ids]
        if not turn.scope.years:  # no year said: the current guides first
            clauses.sort(key=lambda c: not self.kb.guide(c.guide_id).is_current)
        if turn.own_type:  # the applicant's own provisions first
            clauses.sort(key=lambda c: ev.type_rank(c, turn.own_type))
        return clauses

    def ranked(self, turn: Turn, hits: list[Hit]) -> tuple[list[Clause], dict[str, int]]:
        """The clauses of the first hits, each ranked by its hit (a section hit brings all its
        items at its own rank), lower for another applicant type's or a superseded guide."""
        ranks = ev.hit_ranks(self.kb, hits)
        clauses = [c for c in self.candidates(turn, hits) if ranks.get(c.id, 0) < GENERAL_HITS]
        focus = self.direction(turn)
        others = [d.id for d in self._directions(focus.guide_id) if d.id != focus.id] if focus else []
        for c in clauses:  # provisions for everyone (组织方式) stay where they are
            other_type = bool(turn.own_type) and ev.type_rank(c, turn.own_type) == OTHER_TYPE
            # (and another direction's, of a guide split into directions, than the one talked of)
            other_type = other_type or any(c.id.startswith(f"{d}.") for d in others)
            superseded = not (turn.scope.years or self.kb.guide(c.guide_id).is_current)
            ranks[c.id] = ranks.get(c.id, 0) + DEMOTION * (2 * other_type + superseded)
        best = min((ranks[c.id] for c in clauses), default=0)  # the best clause keeps its full score
        return clauses, {c.id: ranks[c.id] - best for c in clauses}

    def parts_named(self, guide_id: str, question: str) -> list[str]:
        """The titles of two parts or more of one level of a guide that the question names
        (「新建项目跟升级项目…比一比」: 新建项目, 升级项目), in the guide's order."""
        clauses = self.kb.guide_clauses(guide_id)
        parents = dict.fromkeys([self.kb.clause(guide_id), *(c for c in clauses if self.kb.children(c))])
        titles: list[str] = []
        for parent in parents:
            named = [c.title for c in self.kb.children(parent) if ev.names_title(question, c.title)]
            titles.extend(named if len(named) >= 2 else [])
        return list(dict.fromkeys(titles))

    def direction(self, turn: Turn) -> Clause | None:
        """The one direction of a guide split into directions (top sections with parts of the same
        titles: 专利转化's 高校院所… and 产业…运营中心) that the question, read with the one before
        when it follows on, names by a word of its title no other direction's title holds
        (「产业运营中心要定几年期的规划」); else, when it points back (「这个方向实施期几年」) or
        names nothing of its own (「要做几年」), the direction the last answer came from."""
        if len(turn.guides) != 1:
            return None
        heads = self._directions(turn.guides[0].id)
        directions = list(heads)
        if len(directions) < 2:
            return None
        cited = {d.id for c in turn.previous for d in directions if c.id.startswith(f"{d.id}.")}
        if len(directions) == 2 and len(cited) == 1 and any(w in turn.question for w in _OTHER_DIRECTION):
            return next(d for d in directions if d.id not in cited)  # 「另一个方向谁来报」
        named = [c for c in directions if heads[c] and heads[c] in turn.question]
        listed = any(c.kind == ROOT for c in turn.previous)  # the directions were just listed
        if not named and listed and (nth := _NTH.match(turn.question)) is not None:
            place = int(chinese_to_number(nth.group(1)) or 0)
            return directions[place - 1] if 0 < place <= len(directions) else None  # 「第一个谁能报」
        pointing = any(w in turn.question for w in LEXICON.asking_words.back_references)
        spec = intent(turn.intent)  # 「实施期几年」 names nothing but what it asks
        own = spec.without_asking(turn.question) if spec else turn.question
        own = re.sub(either(LEXICON.asking_to_apply.program_nouns), " ", own)  # 「项目实施期多久」
        if named:
            return named[0] if len(named) == 1 else None
        if not (pointing or not self.relevance.names_things(own)):
            # 「运营中心要怎么设」 after an answer of one direction, naming no applicant: that one
            held = [d for d in directions if d.id in cited]
            return held[0] if len(held) == 1 and not types_named(turn.question) else None
        # 「它实施期多长」「要做几年」: the direction the question before named, or the last answer's
        named = [c for c in directions if heads[c] and heads[c] in (turn.search_text or "")]
        named = named or [d for d in directions if d.id in cited]
        return named[0] if len(named) == 1 else None

    def directions(self, guide_id: str) -> list[Clause]:
        """A guide's directions, in order; none when it is not split into directions."""
        return list(self._directions(guide_id))

    def _directions(self, guide_id: str) -> dict[Clause, str | None]:
        """A guide's directions (top sections sharing DIRECTION_SHARED_PARTS parts' titles), each
        with its head word; read once per guide."""
        if guide_id not in self._direction_heads:
            tops = self.kb.top_sections(guide_id)
            titles = {c.id: {p.title for p in self.kb.children(c)} for c in tops}
            shared = [
                c
                for c in tops
                if any(len(titles[c.id] & titles[o.id]) >= DIRECTION_SHARED_PARTS for o in tops if o is not c)
            ]
            self._direction_heads[guide_id] = {c: self._head(c, shared) for c in shared}
        return self._direction_heads[guide_id]

    def _head(self, direction: Clause, directions: list[Clause]) -> str | None:
        """The first word of a direction's title that no other direction's title holds (高校 of
        「高校院所知识产权运营能力提升」, 产业 of 「产业知识产权运营中心发展」): whom it is for."""
        others = "".join(c.title for c in directions if c is not direction)
        words = [w for w in self.relevance.tokens(direction.title) if len(w) > 1 and w not in others]
        return min(words, key=lambda w: (direction.title.index(w), len(w)), default=None)

    def scope_clauses(self, turn: Turn) -> list[Clause]:
        """Every clause of the guides the turn is about."""
        ids = [g.id for g in turn.guides]
        return [c for c in self.kb.clauses if c.guide_id in ids]

    def preambles(self, clauses: list[Clause]) -> list[Clause]:
        """The opening text of each guide the clauses belong to, best-ranked guide first."""
        ids = dict.fromkeys(c.guide_id for c in clauses)
        return [self.kb.clause(i) for i in ids if self.kb.has_clause(i) and self.kb.clause(i).text]

    def own_section(self, clause: Clause, section: str, applicant_type: str | None) -> list[Clause]:
        """The guide's one sub-list named by the section (「（二）绩效目标」) when the best
        clause sits only under the top heading that names it among others."""
        if ev.under_section(self.kb, clause, section, depth=2):
            return []
        named = [c for c in self._lists_titled(clause.guide_id, section) if len(c.heading_path) > 2]
        if applicant_type and len(named) > 1:
            named = [c for c in named if ev.type_rank(c, applicant_type) == 0]
        return named if len(named) == 1 else []

    def typed_section(self, clause: Clause, section: str, applicant_type: str | None) -> list[Clause]:
        """When the best clause is another applicant type's (「园区」's 绩效目标 for a 高校院所),
        the guide's one sub-list of the section that is the applicant type's own."""
        node = clause if clause.children or not clause.parent_id else self.kb.clause(clause.parent_id)
        if not applicant_type or ev.type_rank(node, applicant_type) != OTHER_TYPE:
            return []  # (an item's own first words may name the type: its list's headings decide)
        own = [
            c for c in self._lists_titled(clause.guide_id, section) if ev.type_rank(c, applicant_type) == 0
        ]
        return own if len(own) == 1 else []

    def _lists_titled(self, guide_id: str, section: str) -> list[Clause]:
        """The guide's clauses with items whose title the section names (「绩效目标」)."""
        return [c for c in self.kb.guide_clauses(guide_id) if c.children and re.search(section, c.title)]

    def peers(self, turn: Turn, ranked: Ranked) -> list[ev.Evidence]:
        """Other clauses that answer as well as the best one, each once; and when the question
        names several applicant types (「设区市、县、园区都一样吗」), the same rule in theirs."""
        top, best = ranked[0]
        types = types_named(turn.question)
        every_type = len(types) > 1
        seen, peers, answered = {best.clause.id}, [], {self.type_of(best.clause)}
        for score, item in ranked[1:]:
            if score < top - SAME_RULE_MARGIN or len(peers) == MAX_PEERS:
                break
            close = score >= top - PEER_MARGIN
            same_rule = every_type and self.relevance.similar(item.sentence, best.sentence)
            # (「企业和高校在…上有什么区别」: the best of a type named that none answered yet)
            kind = self.type_of(item.clause)
            another_type = every_type and kind in types and kind not in answered
            if (
                (close or same_rule or another_type)
                and item.clause.id not in seen
                and not self._related(item.clause.id, seen)
            ):
                seen.add(item.clause.id)
                answered.add(kind)
                peers.append(item)
        return peers

    def type_of(self, clause: Clause) -> str | None:
        """The one applicant type whose section a clause is in (「申报主体是企业的」), if any."""
        named = types_named(" ".join(ev.section_headings(clause)))
        return named[0] if len(named) == 1 else None

    def joint_list(self, turn: Turn, ranked: Ranked) -> Clause | None:
        """The list whose items, together, answer a question of several parts (「每年推送多少条
        信息、许可多少件专利、培训多少人」) much better than its best item alone."""
        top, best = ranked[0]
        query, asks = turn.search_text or turn.question, len(ASKING.findall(turn.question))
        if asks < 2 or not best.clause.parent_id or self.kb.children(best.clause):
            return None
        parent = best.clause.parent_id
        near = [i for s, i in ranked if s >= MIN_PART_COVERAGE and i.clause.parent_id == parent]
        if len({i.clause.id for i in near}) < 2:
            return None
        together = self.relevance.coverage(query, " ".join(ev.in_context(i) for i in near))
        return self.kb.clause(best.clause.parent_id) if together >= top + JOINT_GAIN else None

    def _related(self, clause_id: str, others: set[str]) -> bool:
        """Whether a clause is an ancestor or a part of one already cited."""
        return any(clause_id.startswith(o + ".") or o.startswith(clause_id + ".") for o in others)
