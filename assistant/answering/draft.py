"""An answer being written, and how every answer closes: notes on damaged or superseded
sources, the default year, and the 「依据」 line naming the cited clauses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain import Clause, WarningCode
from ..ingest.knowledge_base import KnowledgeBase
from ..question.intent import COMPARE
from ..question.turn import Turn


@dataclass(frozen=True)
class Composed:
    """A finished deterministic answer: its text, and the clauses its [n] markers cite."""

    answer: str
    answerable: bool
    clause_ids: tuple[str, ...] = ()
    warnings: tuple[WarningCode, ...] = ()


@dataclass
class Draft:
    """An answer being written: its lines and the clauses its [n] markers point to."""

    lines: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)

    def cite(self, clause: Clause) -> str:
        if clause.id not in self.cited:
            self.cited.append(clause.id)
        return f"[{self.cited.index(clause.id) + 1}]"


def finish(kb: KnowledgeBase, templates: dict[str, Any], turn: Turn, draft: Draft) -> Composed:
    """The draft with its notes and the closing 「依据」 line."""
    cited = [kb.clause(i) for i in draft.cited]
    warnings: list[WarningCode] = []
    notes = _notes(kb, templates, turn, cited, warnings)
    sources = "；".join(_sources(kb, cited))
    answer = "\n".join([*draft.lines, *notes, templates["closing"].format(sources=sources)])
    return Composed(answer, True, tuple(draft.cited), tuple(warnings))


def _notes(
    kb: KnowledgeBase, templates: dict[str, Any], turn: Turn, cited: list[Clause], warnings: list[WarningCode]
) -> list[str]:
    notes = []
    damaged = [n for c in cited for d in (c, *kb.descendants(c)) for n in d.damage_notes]
    if damaged:
        warnings.append(WarningCode.SOURCE_DAMAGED)
        spans = "；".join(dict.fromkeys(n.split("」")[0].lstrip("「") for n in damaged))
        notes.append(templates["damaged"].format(spans=spans))
    guides = list(dict.fromkeys(kb.guide(c.guide_id) for c in cited))
    old = [g for g in guides if not g.is_current]
    if old:
        warnings.append(WarningCode.GUIDE_SUPERSEDED)
    if old and turn.intent != COMPARE:
        for g in old:
            newer = kb.guide(g.superseded_by).title if g.superseded_by else ""
            notes.append(templates["superseded"].format(title=g.title, newer=newer))
    if turn.default_year and guides and turn.intent != COMPARE:
        older = [g for g in kb.guides if g.superseded_by == guides[0].id]
        if older:
            notes.append(
                templates["default_year"].format(
                    title=guides[0].title, older=f"《{older[0].title}》", older_year=older[0].year
                )
            )
    return notes


def _sources(kb: KnowledgeBase, cited: list[Clause]) -> list[str]:
    by_guide: dict[str, list[str]] = {}
    for clause in cited:
        by_guide.setdefault(clause.guide_id, []).append(clause.label)
    return [f"《{kb.guide(g).title}》{'、'.join(labels)}" for g, labels in by_guide.items()]
