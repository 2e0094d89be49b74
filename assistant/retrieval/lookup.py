"""Clause lookup for bureau staff: a reference returns that clause verbatim; free text
returns the best matching clauses."""

from __future__ import annotations

from typing import Any

from ..config import Settings
from ..domain import Clause
from ..ingest.knowledge_base import KnowledgeBase
from ..question.references import resolve
from ..thresholds import MAX_LOOKUP_CHARS

LONG_LOOKUP = f"（查找内容过长，只按前{MAX_LOOKUP_CHARS}个字查找。）"


def capped(text: str) -> tuple[str, bool]:
    """The part of a lookup that is read, and whether the rest was cut (MAX_LOOKUP_CHARS)."""
    return text[:MAX_LOOKUP_CHARS], len(text) > MAX_LOOKUP_CHARS


def lookup(settings: Settings, text: str, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """A reference's clause, or the best matching clauses; `truncated` when the text was cut."""
    text, truncated = capped(text)
    kb = kb or KnowledgeBase.load(settings.knowledge_dir)
    result = _found(settings, text, kb)
    return {**result, "truncated": True} if truncated else result


def _found(settings: Settings, text: str, kb: KnowledgeBase) -> dict[str, Any]:
    clause = resolve(kb, text)
    if clause is not None:
        return {"type": "clause", "results": [describe(kb, clause)]}
    from ..pipeline import Assistant

    hits = Assistant(settings, kb).retriever.run(text, settings.top_k)
    return {"type": "search", "results": [describe(kb, kb.clause(h.chunk.clause_id)) for h in hits]}


def describe(kb: KnowledgeBase, clause: Clause) -> dict[str, Any]:
    guide = kb.guide(clause.guide_id)
    return {
        "doc_id": guide.id,
        "doc_title": guide.title,
        "clause_id": clause.id,
        "clause_label": clause.label,
        "ref": clause.ref,
        "heading_path": list(clause.heading_path),
        "text": kb.full_text(clause),
        "damaged": kb.is_damaged(clause),
        "damage_notes": [n for c in (clause, *kb.descendants(clause)) for n in c.damage_notes],
        "notes": list(clause.notes),
    }
