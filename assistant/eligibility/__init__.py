"""Eligibility checking: rules as data (knowledge/rules/) and a three-valued engine. It never reads
words: the program, applicant type and facts come from assistant/question/ (or a form, or a file).

kb = KnowledgeBase.load(knowledge_dir)
rules = load_rules(knowledge_dir / "rules", kb)
decision = check(rules, "2024-protection-zone", "county", {"zhenzhua_2022": True})
decision.to_dict()  # the `decision` field of `ask --json`
"""

from .engine import ConditionResult, Decision, check
from .facts import FactSheet, merge_facts, validate_facts
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
    "ConditionResult",
    "Decision",
    "FactSheet",
    "Interval",
    "Rules",
    "Status",
    "check",
    "format_decision",
    "load_rules",
    "make_eligibility_tool",
    "merge_facts",
    "validate_facts",
]
