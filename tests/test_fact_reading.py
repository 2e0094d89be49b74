"""The fact reader on tests/data/fact_reading.yaml: one line of an applicant's words each, the
facts that must be read and those that must stay unknown (asked, not guessed). Bureau staff
can add cases to the YAML file; the keys and values follow knowledge/rules/facts.yaml."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Interval, Rules, load_rules
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.facts import extract_facts

CASES = yaml.safe_load((Path(__file__).parent / "data" / "fact_reading.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR))


def matches(expected: Any, got: Any) -> bool:
    """A read value against the case's: exact values, or the bound the words state."""
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
        }[kind]()
    if isinstance(expected, bool) or isinstance(expected, str):
        return got == expected
    if isinstance(got, Interval):
        return got.is_exact and got.lo == float(expected)
    return isinstance(got, int | float) and not isinstance(got, bool) and float(got) == float(expected)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_reading(case: dict, rules: Rules) -> None:
    sheet = extract_facts(case["text"], rules)
    for key, value in (case.get("facts") or {}).items():
        assert key in sheet, f"{key} not read (doubt: {sheet.doubts.get(key)})"
        assert matches(value, sheet[key]), f"{key}: read {sheet[key]!r}, expected {value!r}"
    for key in case.get("unknown") or []:
        assert key not in sheet, f"{key} should stay unknown, read {sheet[key]!r}"
