"""The domain, as frozen dataclasses. No I/O and no third-party imports here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

# Numbering kinds of Chinese official documents, shallowest first.
SECTION = "section"  # 一、
PAREN_CN = "paren_cn"  # （一）
NUM = "num"  # 1.
PAREN_NUM = "paren_num"  # （1）
CIRCLED = "circled"  # ①
PARA = "para"  # an unnumbered paragraph that closes a list
TRAILER = "trailer"  # 联系人 / 抄送 blocks at the end of a guide
ROOT = "root"

NUMBERED_KINDS = (SECTION, PAREN_CN, NUM, PAREN_NUM, CIRCLED)


@dataclass(frozen=True)
class Guide:
    """One logical guide (a file may hold several)."""

    id: str
    title: str
    short_name: str
    year: int
    issuer: str
    kind: str
    program: str
    applicant_types: tuple[str, ...]
    status: str
    source: str
    doc_number: str | None = None
    issue_date: str | None = None
    deadline: str | None = None
    status_note: str | None = None
    superseded_by: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def is_current(self) -> bool:
        return self.superseded_by is None


@dataclass(frozen=True)
class Clause:
    """A node of a guide's clause tree. `text` is the node's own text, verbatim after cleaning."""

    id: str
    guide_id: str
    kind: str
    number: int
    path: tuple[int, ...]
    kinds: tuple[str, ...]
    label: str
    ref: str
    title: str
    heading_path: tuple[str, ...]
    text: str
    parent_id: str | None
    children: tuple[str, ...] = ()
    order: int = 0
    damaged: bool = False
    damage_notes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chunk:
    """The unit of retrieval: a leaf clause, or a small clause with its items."""

    id: str
    clause_id: str
    guide_id: str
    text: str
    embed_text: str
    metadata: dict[str, Any] = field(hash=False, compare=False)
    damaged: bool = False


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks it had in each retriever."""

    chunk: Chunk
    score: float
    ranks: dict[str, int] = field(hash=False, compare=False)


class WarningCode(StrEnum):
    """The codes of a reply's `warnings` (part of the `ask --json` contract)."""

    SOURCE_DAMAGED = "source_damaged"  # a cited clause lost characters in conversion
    GUIDE_SUPERSEDED = "guide_superseded"  # the answer rests on a superseded guide
    QUESTION_TRUNCATED = "question_truncated"  # only the first part of a long question was read
    OUT_OF_SCOPE = "out_of_scope"  # the guides do not cover what was asked
    UNKNOWN_REFERENCE = "unknown_reference"  # a clause reference that names no clause
    LLM_FALLBACK = "llm_fallback"  # the model's answer failed its checks: the deterministic one is shown
    LLM_UNAVAILABLE = "llm_unavailable"  # the model could not be reached
    LLM_PROMPT_ECHO = "llm_prompt_echo"  # the model repeated its prompt
    UNVERIFIED_REMOVED = "unverified_removed"  # sentences with figures no cited clause holds were removed
    CITATION_INVALID = "citation_invalid"  # the model cited a clause it was not given


@dataclass(frozen=True)
class Citation:
    doc_id: str
    doc_title: str
    clause_id: str
    clause_label: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Reply:
    """One turn's answer. `to_dict()` is the `ask --json` contract: keep its fields stable."""

    answer: str
    answerable: bool
    citations: tuple[Citation, ...] = ()
    decision: dict[str, Any] | None = None
    warnings: tuple[WarningCode, ...] = ()
    latency_ms: float = 0.0
    decisions: tuple[dict[str, Any], ...] = ()  # one per program when several were checked (screening)

    @property
    def citations_ids(self) -> tuple[str, ...]:
        return tuple(c.clause_id for c in self.citations)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "answerable": self.answerable,
            "citations": [c.to_dict() for c in self.citations],
            "decision": self.decision,
            "decisions": list(self.decisions),
            "warnings": [str(w) for w in self.warnings],
            "latency_ms": round(self.latency_ms, 2),
        }
