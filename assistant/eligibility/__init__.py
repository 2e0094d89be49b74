"""Eligibility checking: rules as data (knowledge/rules/), a three-valued engine, and facts from words.

kb = KnowledgeBase.load(knowledge_dir)
rules = load_rules(knowledge_dir / "rules", kb)
guess = detect_program("我们是县里的，能报保护示范区吗？", rules)
facts = extract_facts("2022年被评为真抓实干成效明显地区", rules, guess.program, guess.applicant_type)
decision = check(rules, guess.program, guess.applicant_type, facts)
decision.to_dict()  # the `decision` field of `ask --json`
"""

from .conversation import Assessment, assess
from .detect import ProgramGuess, detect_program
from .engine import ConditionResult, Decision, check
from .facts import FactSheet, extract_facts, facts_from_turns, merge_facts, validate_facts
from .loader import load_rules
from .logic import Status
from .render import format_decision
from .rules import Interval, Rules


def __getattr__(name: str) -> object:
    # The tool pulls in langchain-core (about a second to import): load it only when asked for,
    # so that every CLI start (which registers the eligibility sub-commands) stays fast.
    if name == "make_eligibility_tool":
        from .tool import make_eligibility_tool

        return make_eligibility_tool
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Assessment",
    "ConditionResult",
    "Decision",
    "FactSheet",
    "Interval",
    "ProgramGuess",
    "Rules",
    "Status",
    "assess",
    "check",
    "detect_program",
    "extract_facts",
    "facts_from_turns",
    "format_decision",
    "load_rules",
    "make_eligibility_tool",
    "merge_facts",
    "validate_facts",
]
