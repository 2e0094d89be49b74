"""An answer being written, and how every answer closes: notes on damaged or superseded
sources, the default year, and the 「依据」 line naming the cited clauses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain import Clause, Round, RoundState, WarningCode, chinese_date
from ..ingest.knowledge_base import KnowledgeBase
from ..question.intent import COMPARE
from ..question.turn import Turn
from .evidence import conflicting_deadlines


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


def finish(
    kb: KnowledgeBase, templates: dict[str, Any], turn: Turn, draft: Draft, today: date | None = None
) -> Composed:
    """The draft with its notes and the closing 「依据」 line."""
    warnings: list[WarningCode] = []
    rounds = _round_notes(kb, templates, turn, draft, today, warnings) if today else []
    cited = [kb.clause(i) for i in draft.cited]
    notes = [*_notes(kb, templates, turn, cited, warnings, draft.lines), *rounds]
    sources = "；".join(_sources(kb, cited))
    answer = "\n".join([*draft.lines, *notes, templates["closing"].format(sources=sources)])
    return Composed(answer, True, tuple(draft.cited), tuple(warnings))


def _quoted(span: str, said: str) -> bool:
    """The damaged span (「分别给?0万元」, 「段末字符「庛」) is in what the answer says."""
    return span.split("「")[-1] in said


def _notes(
    kb: KnowledgeBase,
    templates: dict[str, Any],
    turn: Turn,
    cited: list[Clause],
    warnings: list[WarningCode],
    lines: list[str],
) -> list[str]:
    notes = []
    damaged = [n for c in cited for d in (c, *kb.descendants(c)) for n in d.damage_notes]
    said = "\n".join(lines)
    # only the damage in what the answer quotes (「2023??9?」, not the rest of a long preamble)
    every = list(dict.fromkeys(n.split("」")[0].lstrip("「") for n in damaged))
    spans = [span for span in every if _quoted(span, said)] or (every if "?" in said else [])
    if spans:
        warnings.append(WarningCode.SOURCE_DAMAGED)
        notes.append(templates["damaged"].format(spans="；".join(spans)))
    notes += _manifest_notes(kb, templates, cited, warnings)
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


def _round_notes(
    kb: KnowledgeBase,
    templates: dict[str, Any],
    turn: Turn,
    draft: Draft,
    today: date,
    warnings: list[WarningCode],
) -> list[str]:
    """「注意：《…》的2024年度申报已于2024年2月29日截止[n]…」 for each cited guide whose round is
    over. The date is given when the answer cites the clause that states it; otherwise the
    note says the round is over and names that clause, so that no figure goes uncited and
    no clause is cited for a note alone. A clause read out for staff and a comparison of
    rounds need no note; a superseded guide has its own."""
    if turn.reference is not None or turn.intent == COMPARE:
        return []
    notes = []
    said = "\n".join(draft.lines)
    for guide in dict.fromkeys(kb.guide(kb.clause(i).guide_id) for i in draft.cited):
        current = Round.of(guide, today)
        if current.state is not RoundState.CLOSED:
            continue
        warnings.append(WarningCode.ROUND_CLOSED)
        if guide.superseded_by or current.describe().split("，")[0] in said:
            continue  # the superseded note says it, or the answer already does (a decision)
        deadline = kb.deadline_clause(guide.id)
        if deadline is not None and deadline.id in draft.cited:
            note = current.describe(draft.cite(deadline))
        else:
            where = f"（截止日期见{deadline.label}）" if deadline is not None else ""
            note = f"{guide.year}年度申报已截止{where}"
        notes.append(templates["round_closed"].format(title=guide.title, note=note))
    return notes


def _manifest_notes(
    kb: KnowledgeBase, templates: dict[str, Any], cited: list[Clause], warnings: list[WarningCode]
) -> list[str]:
    """A cited deadline the manifest does not register (a planted or mistyped date) is flagged."""
    notes = []
    for clause in cited:
        dates = conflicting_deadlines(kb, clause)
        if dates:
            warnings.append(WarningCode.MANIFEST_MISMATCH)
            deadline = kb.guide(clause.guide_id).deadline
            registered = chinese_date(date.fromisoformat(str(deadline)))
            notes.append(templates["manifest_mismatch"].format(dates="、".join(dates), deadline=registered))
    return notes


def _sources(kb: KnowledgeBase, cited: list[Clause]) -> list[str]:
    by_guide: dict[str, list[str]] = {}
    for clause in cited:
        by_guide.setdefault(clause.guide_id, []).append(clause.label)
    return [f"《{kb.guide(g).title}》{'、'.join(labels)}" for g, labels in by_guide.items()]
