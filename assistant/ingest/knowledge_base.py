"""The knowledge base: every guide in the manifest, parsed into clauses, with lookups.

Parsing all guides takes milliseconds, so the tree is rebuilt from the texts on each load;
the index (Chroma + BM25) is what gets persisted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..domain import ROOT, Citation, Clause, Guide
from ..errors import ManifestError, UnknownReferenceError
from ..thresholds import MIN_GUIDE_CHARS
from .manifest import load_manifest, read_source
from .parse import parse_guide


def _check_not_empty(guide: Guide, clauses: list[Clause]) -> None:
    """An empty or nearly empty source would silently replace a good guide in the index."""
    size = sum(len(c.text) for c in clauses)
    if size < MIN_GUIDE_CHARS:
        raise ManifestError(
            f"指南「{guide.id}」的原文只有 {size} 个字，几乎是空的：请检查文件 {guide.source} 是否完整。原索引保持不变。"
        )


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
            parsed = parse_guide(guide, read_source(manifest_path, entry))
            _check_not_empty(guide, parsed)
            clauses.extend(parsed)
        return cls(tuple(guides), tuple(clauses))

    @cached_property
    def _by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def all_text(self) -> str:
        """Every clause's text, one per line: to tell whether the guides use a phrase at all."""
        return "\n".join(c.text for c in self.clauses)

    @cached_property
    def quoted_titles(self) -> tuple[str, ...]:
        """The titles the texts quote in 《》, each once, in order of first quoting."""
        return tuple(dict.fromkeys(re.findall(r"《([^》]{4,40})》", self.all_text)))

    @cached_property
    def _guides_by_id(self) -> dict[str, Guide]:
        return {g.id: g for g in self.guides}

    def has_guide(self, guide_id: str) -> bool:
        return guide_id in self._guides_by_id

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

    def attachment(self, guide: Guide, number: int | str) -> list[Guide]:
        """The guides that are attachment `number` of the notice `guide` is or belongs to
        (「附件2」 of 苏知发〔2021〕140号: its 地理标志 and 工业品牌 guides)."""
        wanted = f"{guide.notice_number}附件{number}"
        return [
            g for g in self.guides if guide.notice_number and (g.doc_number or "").replace(" ", "") == wanted
        ]

    def guide_clauses(self, guide_id: str) -> list[Clause]:
        return [c for c in self.clauses if c.guide_id == guide_id]

    def guide_text(self, guide_id: str) -> str:
        """A guide's clause texts run together: to tell whether its own text uses a phrase."""
        return self._guide_texts.get(guide_id, "")

    @cached_property
    def _guide_texts(self) -> dict[str, str]:
        return {g.id: "".join(c.text for c in self.guide_clauses(g.id)) for g in self.guides}

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

    def deadline_clause(self, guide_id: str) -> Clause | None:
        """The clause that states the guide's deadline (the manifest's `deadline`), when its
        text holds that date, so that a note stating the date can cite it."""
        clause_id = self._deadline_clauses.get(guide_id)
        return self._by_id[clause_id] if clause_id else None

    @cached_property
    def _deadline_clauses(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for guide in self.guides:
            if not guide.deadline:
                continue
            year, month, day = (int(part) for part in guide.deadline.split("-"))
            # 「2024年2月29日」, 「2022 年 2 月 15 日」, and 「2022为1月30日」 (a damaged 年)
            written = re.compile(rf"{year}\s*\S?\s*0?{month}\s*月\s*0?{day}\s*日")
            stating = [c for c in self.guide_clauses(guide.id) if written.search(c.text)]
            best = next((c for c in stating if "截止" in c.text), stating[0] if stating else None)
            if best is not None:
                found[guide.id] = best.id
        return found

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
