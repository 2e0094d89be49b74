"""The fact reader on tests/data/fact_reading.yaml: one line of an applicant's words each, the
facts that must be read and those that must stay unknown (asked, not guessed). Bureau staff
can add cases to the YAML file; the keys and values follow knowledge/rules/facts.yaml.

A reading that contradicts a case (a yes for a no, a figure outside the one said, a fact read
that must stay unknown) fails its case: a wrong fact can make a wrong decision. A fact left
unread where the case expects one means a question more for the applicant; those are counted
against a floor. Cases marked known_gap are reported as expected failures, with their reason.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import printed_in_processes

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Interval, Rules, load_rules
from assistant.eligibility.rules import YES_NO
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.fact_phrases import GAP
from assistant.question.fact_turns import facts_from_turns
from assistant.question.facts import extract_facts

CASES = yaml.safe_load((Path(__file__).parent / "data" / "fact_reading.yaml").read_text(encoding="utf-8"))
# Share of the facts the cases expect that the reader reads exactly; measured 2026-12-01 at 0.78.
MIN_RECALL = 0.76


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR))


def _bounds(got: Any) -> tuple[float, float]:
    if isinstance(got, Interval):
        return got.lo, got.hi
    return float(got), float(got)


def exact(expected: Any, got: Any) -> bool:
    """The value the case states, or the bound its words state."""
    if isinstance(expected, dict):
        if not isinstance(got, Interval):
            return False
        ((kind, bound),) = expected.items()
        return {
            "gt": lambda: got.lo == bound and got.lo_open,
            "ge": lambda: got.lo == bound and not got.lo_open and math.isinf(got.hi),
            "lt": lambda: got.hi == bound and got.hi_open,
            "le": lambda: got.hi == bound and not got.hi_open,
            "between": lambda: (got.lo, got.hi) == (bound[0], bound[1]),
            "about": lambda: 0.8 * bound <= got.lo <= bound <= got.hi <= 1.2 * bound,
        }[kind]()
    if isinstance(expected, bool | str):
        return got == expected
    if isinstance(got, Interval):
        return got.is_exact and got.lo == float(expected)
    return isinstance(got, int | float) and not isinstance(got, bool) and float(got) == float(expected)


def contradicts(expected: Any, got: Any) -> bool:
    """A reading that cannot be true if the case is: a figure outside what was said."""
    if isinstance(expected, bool | str) or isinstance(got, bool | str):
        return got != expected
    lo, hi = _bounds(got)
    if isinstance(expected, dict):
        ((kind, bound),) = expected.items()
        if kind == "between":
            want = (float(bound[0]), float(bound[1]))
        elif kind == "about":
            want = (0.8 * bound, 1.2 * bound)
        else:
            want = (bound, math.inf) if kind in ("gt", "ge") else (0.0, bound)
        return hi < want[0] or lo > want[1]
    return not lo <= float(expected) <= hi


def _read(case: dict, rules: Rules):
    """A case's facts, read for the program and applicant type it names, if any (facts about
    another body, such as the other level's choice of a 地理标志, need the applicant's type);
    a case of several turns (`turns`) is read as a conversation."""
    if "turns" in case:
        return facts_from_turns(case["turns"], rules, case.get("program"), case.get("applicant_type"))
    return extract_facts(case["text"], rules, case.get("program"), case.get("applicant_type"))


def _marks(case: dict) -> list:
    return [pytest.mark.xfail(reason=case["known_gap"], strict=True)] if case.get("known_gap") else []


def _id(case: dict) -> str:
    return (case.get("text") or " / ".join(case["turns"]))[:40]


@pytest.mark.parametrize("case", [pytest.param(c, marks=_marks(c), id=_id(c)) for c in CASES])
def test_no_wrong_reading(case: dict, rules: Rules) -> None:
    sheet = _read(case, rules)
    for key, value in (case.get("facts") or {}).items():
        if key in sheet:
            assert not contradicts(value, sheet[key]), f"{key}: read {sheet[key]!r}, the words say {value!r}"
    for key in case.get("unknown") or []:
        assert key not in sheet, f"{key} must be asked, but was read as {sheet[key]!r}"


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=_marks(c), id=_id(c)) for c in CASES if c.get("exact")]
)
def test_exact_cases_are_read(case: dict, rules: Rules) -> None:
    sheet = _read(case, rules)
    for key, value in case["facts"].items():
        assert key in sheet and exact(value, sheet[key]), (
            f"{key}: read {sheet.get(key)!r}, the words say {value!r}"
        )


def test_a_denied_name_is_never_read_as_a_yes(rules: Rules) -> None:
    """「不是X」「没有X」「也不是X」, X any unbroken name of a yes-or-no fact of a program: no yes of
    that fact, nor of any other (but those the denied fact's own readings imply) — a name's
    negation must not be taken by a neighbour phrase overlapping it (「也不是地理标志产品保护示范区」
    had read 不是地理标志 and left 保护示范区 a yes)."""
    wrong = []
    for program in rules.programs:
        for atype in program.types:
            for spec in (rules.fact(key) for key in atype.facts):
                if spec.type != YES_NO:
                    continue
                # (not a name that is itself a denial, 「尚未验收」: denied, it is a double negation)
                names = (
                    s for s in spec.synonyms if GAP not in s and len(s) >= 3 and s[0] not in "没未尚还无不非"
                )
                for synonym in names:
                    for negation in ("不是", "没有", "也不是"):
                        sheet = extract_facts(negation + synonym, rules, program.id, atype.id)
                        implied = {k for key in sheet for k in rules.fact(key).implies}
                        wrong += [
                            f"{program.id}/{atype.id} {negation}{synonym} -> {key}"
                            for key, value in sheet.items()
                            if value is True and key not in implied and rules.fact(key).type == YES_NO
                        ]
    assert not wrong, wrong[:10]


def test_most_stated_facts_are_read(rules: Rules) -> None:
    expected = read = 0
    for case in CASES:
        sheet = _read(case, rules)
        for key, value in (case.get("facts") or {}).items():
            expected += 1
            read += key in sheet and exact(value, sheet[key])
    assert read / expected >= MIN_RECALL, f"read {read} of {expected} stated facts"


def test_reading_does_not_depend_on_hash_order() -> None:
    """The facts read, and their order in 「您提到的情况」, are the same in every process
    (Python salts string hashes per process; a set iterated once put them in another order)."""
    script = (
        "import json\n"
        "from assistant.config import Settings\n"
        "from assistant.ingest.knowledge_base import KnowledgeBase\n"
        "from assistant.eligibility.loader import load_rules\n"
        "from assistant.question.facts import extract_facts\n"
        "s = Settings.from_env(); kb = KnowledgeBase.load(s.knowledge_dir)\n"
        "rules = load_rules(s.knowledge_dir / 'rules', kb)\n"
        "text = '江苏注册的独立法人，行业领军企业、技术领先，经营良好，独立知识产权管理机构，"
        "专兼职4人，制度健全。无严重失信、无非正常专利申请。'\n"
        "sheet = extract_facts(text, rules, '2022-high-value-patent-new', 'enterprise')\n"
        "print(json.dumps([list(sheet.values), list(sheet.doubts)], ensure_ascii=False))\n"
    )
    outputs = printed_in_processes(script, (1, 2, 3, 4))
    assert len(outputs) == 1, outputs


def test_every_case_names_facts_the_rules_know(rules: Rules) -> None:
    """A misspelt key would make its case pass whatever is read: each must be a registered fact."""
    known = {spec.key for program in rules.programs for spec in map(rules.fact, program.facts)}
    named = {key for case in CASES for key in [*(case.get("facts") or {}), *(case.get("unknown") or [])]}
    assert not named - known, f"unknown fact keys: {sorted(named - known)}"
