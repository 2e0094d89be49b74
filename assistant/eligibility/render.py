"""Readable Chinese text (and plain dicts) for decisions and the list of programs."""

from __future__ import annotations

import unicodedata
from typing import Any

from .engine import Decision
from .logic import Status
from .rules import TYPE_NAMES, Rules

MARKS = {Status.MET: "✓", Status.NOT_MET: "✗", Status.UNKNOWN: "？"}
QUESTIONS_AT_ONCE = 3


def format_decision(decision: Decision, note: str | None = None, questions: int = QUESTIONS_AT_ONCE) -> str:
    """Decision first, then each condition with its clause and reason, then what to ask next."""
    lines = [f"结论：{decision.verdict}", f"项目：{decision.program_name}（{decision.program}）"]
    lines.append(f"申报主体：{decision.applicant_type_name}（{decision.applicant_type}）")
    if note:
        lines.append(f"提示：{note}")
    lines.append("")
    lines.append("逐条核对：")
    for result in decision.conditions:
        extra = "（优先支持，不影响结论）" if not result.required else ""
        lines.append(f"  {MARKS[result.status]} {result.clause_label}｜{result.title}{extra}")
        lines.append(f"      {result.reason}")
    if decision.missing_facts:
        lines.append("")
        lines.append("还需要了解：")
        for number, spec in enumerate(decision.next_questions(questions), start=1):
            lines.append(f"  {number}. {spec.question}")
        rest = len(decision.missing_facts) - questions
        if rest > 0:
            lines.append(f"  （答完后可能还需补充另外 {rest} 项）")
    return "\n".join(lines)


def programs_dict(rules: Rules) -> list[dict[str, Any]]:
    """Every program with its applicant types, conditions and the facts each type needs."""
    return [
        {
            "id": program.id,
            "name": program.name,
            "guide_id": program.guide_id,
            "aliases": list(program.aliases),
            "applicant_types": [
                {
                    "id": atype.id,
                    "name": atype.name,
                    "aliases": list(atype.aliases),
                    "conditions": [
                        {"id": c.id, "title": c.title, "kind": c.kind, "clause_id": c.clause_id}
                        for c in atype.conditions
                    ],
                    "facts": [rules.fact(key).to_dict() for key in atype.facts],
                }
                for atype in program.types
            ],
        }
        for program in rules.programs
    ]


def format_programs(rules: Rules) -> str:
    """A readable table: program, applicant types, and the facts each needs."""
    lines: list[str] = []
    for program in rules.programs:
        lines.append(f"【{program.id}】{program.name}")
        if program.aliases:
            lines.append(f"  也可写作：{'、'.join(program.aliases)}")
        for atype in program.types:
            lines.append(f"  申报主体 {atype.id}（{atype.name}）：{len(atype.conditions)} 项条件，所需事实：")
            lines.append(f"    {_pad('事实', 28)}{_pad('类型', 8)}{_pad('单位', 6)}问题")
            for key in atype.facts:
                spec = rules.fact(key)
                kind = TYPE_NAMES[spec.type]
                lines.append(f"    {_pad(key, 28)}{_pad(kind, 8)}{_pad(spec.unit or '', 6)}{spec.question}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _pad(text: str, width: int) -> str:
    """Pad to a display width (CJK characters count as two columns)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - shown)
