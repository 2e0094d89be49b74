"""Eligibility inside the chat: the conversation's turns → program, applicant type and
facts (no language model), then the checker, called as a LangChain structured tool.

The checker decides; this module only gathers its inputs and writes its answer: the
decision first, each condition ✓ / ✗ / ？ with the clause it comes from, then the few facts
still needed, asked in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..eligibility import Rules, load_rules
from ..ingest.knowledge_base import KnowledgeBase
from ..question.facts import facts_from_turns
from .assessment import assess

MARKS = {"met": "✓", "not_met": "✗", "unknown": "？"}
# Words of an applicant weighing an application (「我们县想报保护示范区」): they open a check.
APPLY_WORDS = re.compile(
    r"想.{0,8}(报|申报|申请)|还想报|(准备|打算|计划|拟).{0,12}(报|申报)|还差|够格|够条件|有没有戏|没戏"
)
QUESTION_WORDS = re.compile(
    r"[？?]|吗|多少|什么|哪|(?<![十百千万\d一二两三四五六七八九])几[个项条年件]|怎么|如何|是否|能否|有没有|是不是|还是"
)
VERDICTS = {True: "符合申报条件", False: "不符合申报条件", None: "尚不能确定（还缺少信息）"}
QUESTIONS_AT_ONCE = 3
STATED_FACTS = 2  # facts a statement must give to open a check when the applicant type is unknown


@dataclass(frozen=True)
class Checked:
    """What the checker said for a conversation: a decision, or a question to ask first."""

    decision: dict[str, Any] | None
    question: str | None
    program_name: str = ""
    type_name: str = ""
    quotes: dict[str, str] = field(default_factory=dict)  # condition id → the words it encodes


class EligibilityDesk:
    """Holds the rules and the tool; `run(turns)` checks a conversation."""

    def __init__(self, rules: Rules) -> None:
        from ..eligibility.tool import make_eligibility_tool, tool_facts

        self._tool_facts = tool_facts

        self.rules = rules
        self.tool = make_eligibility_tool(rules)

    @classmethod
    def load(cls, knowledge_dir: Path, kb: KnowledgeBase) -> EligibilityDesk | None:
        rules_dir = knowledge_dir / "rules"
        return cls(load_rules(rules_dir, kb)) if rules_dir.is_dir() else None

    def wants_check(self, question: str, turns: list[str]) -> bool:
        """「我们县想报保护示范区」, or facts about the applicant (two or more, or any once the
        program and type are known, named or inferred from the facts): an applicant weighing an
        application, to be checked. A question of its own (「有效专利要多少件？」) is answered."""
        if not is_statement(question):
            return False
        guess = assess(turns, self.rules).guess
        if APPLY_WORDS.search(question):
            return guess.program is not None
        if guess.program is None:
            return False
        stated = self.stated(question, turns)
        return stated > 0 if guess.applicant_type else stated >= STATED_FACTS

    def has_rules_for(self, turns: list[str]) -> bool:
        """Whether the round the conversation names (「2023年的保护示范区」) has rules; a
        conversation that names no year is checked against the current round."""
        guess = assess(turns, self.rules).guess
        if guess.year is None or guess.family is None:
            return True
        return any(p.family == guess.family and p.year == guess.year for p in self.rules.programs)

    def stated(self, question: str, turns: list[str]) -> int:
        """How many facts of the conversation's program this message states (or leaves in doubt)."""
        guess = assess(turns, self.rules).guess
        if guess.program is None:
            return 0
        said = facts_from_turns([question], self.rules, guess.program, guess.applicant_type)
        return len(said) + len(said.doubts)

    def run(self, turns: list[str]) -> Checked:
        assessment = assess(turns, self.rules)
        guess = assessment.guess
        if assessment.decision is None or guess.program is None or guess.applicant_type is None:
            return Checked(None, assessment.question)
        arguments = {
            "program": guess.program,
            "applicant_type": guess.applicant_type,
            "facts": self._tool_facts(dict(assessment.facts)),
        }
        decision = self.tool.invoke(arguments)
        program = self.rules.program(guess.program)
        atype = next(t for t in program.types if t.id == guess.applicant_type)
        quotes = {c.id: "……".join(c.quotes) for c in atype.conditions}
        return Checked(decision, None, program.name, atype.name, quotes)


def is_statement(text: str) -> bool:
    """Facts told (「我们2022年被评为…」), not a question asked."""
    return QUESTION_WORDS.search(text) is None


def decision_lines(checked: Checked, cite) -> list[str]:
    """The answer's lines; `cite(clause_id)` returns the [n] marker for a clause."""
    decision = checked.decision or {}
    verdict = VERDICTS[decision.get("eligible")]
    lines = [f"结论：{checked.type_name}申报《{checked.program_name}》——{verdict}。"]
    for condition in decision.get("conditions", []):
        mark = MARKS.get(condition["status"], "？")
        cited = cite(condition["clause_id"])
        lines.append(f"{mark} {condition['clause_label']}：{condition['reason']}{cited}")
        quote = checked.quotes.get(condition.get("condition_id", ""))
        if quote and condition["status"] != "met":
            lines.append(f"　　原文：「{quote}」")
    missing = decision.get("missing_facts", [])
    if missing and decision.get("eligible") is None:
        lines.append("还需要了解（直接回答即可）：")
        lines.extend(f"{n}. {fact['question']}" for n, fact in enumerate(missing[:QUESTIONS_AT_ONCE], 1))
    return lines
