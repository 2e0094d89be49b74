"""The knowledge base: every guide in the manifest, parsed into clauses, with lookups.

Parsing all guides takes milliseconds, so the tree is rebuilt from the texts on each load;
the index (Chroma + BM25) is what gets persisted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..domain import ROOT, Citation, Clause, Guide
from ..errors import UnknownReferenceError
from .manifest import load_manifest, read_source
from .parse import parse_guide


@dataclass(frozen=True)
class KnowledgeBase:
    guides: tuple[Guide, ...]
    clauses: tuple[Clause, ...]

    @classmethod
    def load(cls, knowledge_dir: Path) -> KnowledgeBase:
        manifest_path = knowledge_dir / "manifest.yaml"
        manifest = load_manifest(manifest_path)
        guides: list[Guide] = []
        clauses: list[Clause] = []
        for entry in manifest.guides:
            guide = entry.to_guide()
            guides.append(guide)
            clauses.extend(parse_guide(guide, read_source(manifest_path, entry)))
        return cls(tuple(guides), tuple(clauses))

    @cached_property
    def _by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def _guides_by_id(self) -> dict[str, Guide]:
        return {g.id: g for g in self.guides}

    def guide(self, guide_id: str) -> Guide:
        try:
            return self._guides_by_id[guide_id]
        except KeyError:
            known = "、".join(self._guides_by_id)
            raise UnknownReferenceError(f"没有编号为「{guide_id}」的指南。已收录：{known}。") from None

    def clause(self, clause_id: str) -> Clause:
        try:
            return self._by_id[clause_id]
        except KeyError:
            raise UnknownReferenceError(
                f"没有编号为「{clause_id}」的条款：请用 `python -m assistant lookup 关键词` 查找正确的条款。"
            ) from None

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._by_id

    def guide_clauses(self, guide_id: str) -> list[Clause]:
        return [c for c in self.clauses if c.guide_id == guide_id]

    def children(self, clause: Clause) -> list[Clause]:
        return [self._by_id[i] for i in clause.children]

    def descendants(self, clause: Clause) -> Iterator[Clause]:
        for child in self.children(clause):
            yield child
            yield from self.descendants(child)

    def full_text(self, clause: Clause) -> str:
        """The clause with all its items, verbatim, one paragraph a line."""
        parts = [clause.text] if clause.text else []
        parts.extend(c.text for c in self.descendants(clause) if c.text)
        return "\n".join(parts)

    def citation(self, clause_id: str) -> Citation:
        """A citation a person can open: the clause with its items, verbatim."""
        clause = self.clause(clause_id)
        guide = self.guide(clause.guide_id)
        return Citation(guide.id, guide.title, clause.id, clause.label, self.full_text(clause))

    def is_damaged(self, clause: Clause) -> bool:
        return clause.damaged or any(c.damaged for c in self.descendants(clause))

    def top_sections(self, guide_id: str) -> list[Clause]:
        root = self.clause(guide_id)
        return self.children(root) if root.kind == ROOT else []

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever any clause's id or text changes."""
        digest = hashlib.sha256()
        for clause in self.clauses:
            digest.update(f"{clause.id}\x1f{clause.label}\x1f{clause.text}\x1e".encode())
        return digest.hexdigest()[:16]
