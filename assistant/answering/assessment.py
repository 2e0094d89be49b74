"""One call for a chat: the turns so far in, the program, the facts and the decision out.

This is the path the eval conversations exercise: detect_program over the turns, extract_facts
from every turn (scoped to the detected program), then check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..eligibility.engine import Decision, check
from ..eligibility.facts import FactSheet
from ..eligibility.rules import Rules
from ..question.applicant import ProgramGuess, detect_program
from ..question.facts import facts_from_turns


@dataclass(frozen=True)
class Assessment:
    guess: ProgramGuess
    facts: FactSheet
    decision: Decision | None  # None until both the program and the applicant type are known
    question: str | None = None  # what to ask when the decision cannot be made yet


def assess(turns: Sequence[str], rules: Rules) -> Assessment:
    """Detect the program and applicant type from all turns, gather the facts, and decide."""
    guess: ProgramGuess | None = None
    for turn in turns:
        guess = detect_program(turn, rules, guess)
    guess = guess or ProgramGuess()
    facts = facts_from_turns(list(turns), rules, guess.program, guess.applicant_type)
    if guess.program is None:
        names = "、".join(p.name for p in rules.programs)
        return Assessment(guess, facts, None, f"请问您想核对哪个项目的申报条件？可选：{names}。")
    if guess.applicant_type is None:
        program = rules.program(guess.program)
        names = "、".join(t.name for t in program.types)
        return Assessment(guess, facts, None, f"请问申报主体属于哪一类：{names}？")
    return Assessment(guess, facts, check(rules, guess.program, guess.applicant_type, facts))
