"""The domain, as frozen dataclasses. No I/O and no third-party imports here."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
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

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a question may call the guide's program by (「高价值」「140号文」)."""
        return tuple(n for n in (self.short_name, self.program, *self.aliases) if n)

    @property
    def notice_number(self) -> str:
        """The number of the notice this guide is, or is an attachment of, without spaces
        (「苏知发〔2021〕140号」 for 「苏知发〔2021〕140号 附件3」); "" when it has none."""
        return re.sub(r"附件\d+$", "", (self.doc_number or "").replace(" ", ""))


class RoundState(StrEnum):
    """Where a guide's application round stands on a given day."""

    OPEN = "open"  # its deadline is ahead
    CLOSED = "closed"  # its deadline has passed, or the manifest says the round is over
    IN_FORCE = "in_force"  # not an application round: policy measures, a plan


# Manifest statuses that say a round without a deadline is over.
CLOSED_STATUSES = ("已过申报期", "已截止", "已结束")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Round:
    """A guide's round as of `today`: the date is an input (`Settings.today()`), never the
    manifest's status alone, so that a guide is not called current after its deadline."""

    guide: Guide
    state: RoundState
    deadline: date | None

    @classmethod
    def of(cls, guide: Guide, today: date) -> Round:
        deadline = date.fromisoformat(guide.deadline) if guide.deadline else None
        if deadline is not None:
            return cls(guide, RoundState.OPEN if today <= deadline else RoundState.CLOSED, deadline)
        closed = guide.status in CLOSED_STATUSES or guide.superseded_by is not None
        return cls(guide, RoundState.CLOSED if closed else RoundState.IN_FORCE, None)

    @property
    def note(self) -> str:
        """「2024年度申报已于2024年2月29日截止」; empty for a text that is not a round."""
        return self.describe()

    def describe(self, source: str = "") -> str:
        """The note, with `source` (a citation marker) right after the date it supports."""
        year = f"{self.guide.year}年度申报"
        if self.state is RoundState.IN_FORCE:
            return ""
        if self.deadline is None:
            text = f"{year}已结束"
        elif self.state is RoundState.CLOSED:
            text = f"{year}已于{chinese_date(self.deadline)}截止{source}"
        else:
            text = f"{year}截止日期为{chinese_date(self.deadline)}{source}"
        return text + ("，指南已被新版替代" if self.guide.superseded_by else "")

    @property
    def warning(self) -> str | None:
        """A sentence for a decision on this round, or None when nothing needs saying."""
        if self.state is RoundState.IN_FORCE:
            return None
        if self.state is RoundState.OPEN:
            return f"{self.note}。"
        return f"{self.note}，以上对照仅供参考，新一年度的条件以届时发布的指南为准。"

    def to_dict(self) -> dict[str, str | None]:
        """The `round` of a decision in the `ask --json` contract."""
        deadline = self.deadline.isoformat() if self.deadline else None
        return {"guide_id": self.guide.id, "state": str(self.state), "deadline": deadline, "note": self.note}


def with_round(decision: dict[str, Any], guide: Guide, today: date) -> dict[str, Any]:
    """A decision (the checker's dict) with the round it was made for, as of `today`."""
    return {**decision, "round": Round.of(guide, today).to_dict()}


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
    ROUND_CLOSED = "round_closed"  # the answer or decision is for a round whose deadline has passed
    QUESTION_TRUNCATED = "question_truncated"  # only the first part of a long question was read
    OUT_OF_SCOPE = "out_of_scope"  # the guides do not cover what was asked
    UNKNOWN_REFERENCE = "unknown_reference"  # a clause reference that names no clause
    LLM_FALLBACK = "llm_fallback"  # the model's answer failed its checks: the deterministic one is shown
    LLM_UNAVAILABLE = "llm_unavailable"  # the model could not be reached
    LLM_PROMPT_ECHO = "llm_prompt_echo"  # the model repeated its prompt
    UNVERIFIED_REMOVED = "unverified_removed"  # sentences with figures no cited clause holds were removed
    CITATION_INVALID = "citation_invalid"  # the model cited a clause it was not given
    MANIFEST_MISMATCH = "manifest_mismatch"  # a cited clause states a deadline the manifest does not


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
