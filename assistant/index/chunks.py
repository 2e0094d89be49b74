"""Chunking: the clause tree → retrieval units.

A small clause with its items becomes one chunk (so 「县（市、区）应符合下列条件」 travels with
its conditions); a large one is split into its children, keeping its own text as a chunk
when it says more than a heading. Each chunk carries its guide title and heading path for
embedding and metadata for filters.
"""

from __future__ import annotations

import hashlib

from ..domain import ROOT, TRAILER, Chunk, Clause, Guide
from ..ingest.knowledge_base import KnowledgeBase
from ..question.lexicon import LEXICON
from ..thresholds import MAX_CHUNK_CHARS, MIN_OWN_TEXT


def build_chunks(kb: KnowledgeBase) -> list[Chunk]:
    chunks: list[Chunk] = []
    for guide in kb.guides:
        _visit(kb, guide, kb.clause(guide.id), chunks)
    return chunks


def _visit(kb: KnowledgeBase, guide: Guide, clause: Clause, out: list[Chunk]) -> None:
    full = kb.full_text(clause)
    if not clause.children or (len(full) <= MAX_CHUNK_CHARS and clause.kind != ROOT):
        if full.strip():
            out.append(_chunk(kb, guide, clause, full))
        return
    if len(clause.text) > MIN_OWN_TEXT:
        out.append(_chunk(kb, guide, clause, clause.text))
    elif clause.kind != ROOT:
        out.append(_overview(kb, guide, clause, full))
    for child in kb.children(clause):
        _visit(kb, guide, child, out)


def _overview(kb: KnowledgeBase, guide: Guide, clause: Clause, full: str) -> Chunk:
    """A list too long for one chunk: searched by its heading and its items' titles, cited
    in full (「要完成哪些任务」 is answered by the whole list)."""
    items = "；".join(child.title for child in kb.children(clause))
    return _chunk(kb, guide, clause, full, search_text=f"{clause.text}\n{items}")


def _chunk(
    kb: KnowledgeBase, guide: Guide, clause: Clause, text: str, search_text: str | None = None
) -> Chunk:
    if clause.kind == TRAILER and clause.id.endswith(":contact"):
        search_text = f"咨询联系人、处室和电话：{text}"
    context = " > ".join(clause.heading_path[1:-1])
    head = f"{guide.title}\n{clause.label} {context}".rstrip()
    embed_text = f"{head}\n{search_text or text}"
    damaged = kb.is_damaged(clause) if text != clause.text else clause.damaged
    metadata = {
        "guide_id": guide.id,
        "year": guide.year,
        "program": guide.program,
        "kind": guide.kind,
        "status": guide.status,
        "applicant_types": "|".join(applicant_types(guide, clause)),
        "clause_id": clause.id,
        "clause_label": clause.label,
        "damaged": damaged,
        "hash": hashlib.sha256(embed_text.encode()).hexdigest()[:16],
    }
    return Chunk(clause.id, clause.id, guide.id, text, embed_text, metadata, damaged)


def applicant_types(guide: Guide, clause: Clause) -> tuple[str, ...]:
    """The applicant types a clause is about: those its heading path names, else the guide's."""
    path = " ".join(clause.heading_path[1:])
    named = tuple(t for t in guide.applicant_types if any(w in path for w in LEXICON.heading_words(t)))
    return named or guide.applicant_types
