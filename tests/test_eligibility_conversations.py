"""The plain-language conversations in eval/questions/eligibility.jsonl, run end to end:
detect the program from the turns, read the facts from the applicant's words, decide."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.answering.assessment import assess
from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Rules, check, load_rules
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.applicant import detect_program
from assistant.question.fact_turns import facts_from_turns

CONVERSATIONS = Path(__file__).resolve().parent.parent / "eval" / "questions" / "eligibility.jsonl"
ITEMS = [json.loads(line) for line in CONVERSATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def rules() -> Rules:
    kb = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


def test_the_set_is_large_and_varied(rules: Rules) -> None:
    assert len(ITEMS) >= 40
    for item in ITEMS:
        assert set(item) == {"id", "turns", "program", "applicant_type", "expected"}, item
        assert re.fullmatch(r"elig-\d{3}", item["id"])
        assert item["turns"] and all(isinstance(t, str) and t.strip() for t in item["turns"])
        assert item["expected"] in (True, False, None)
        rules.program(item["program"]).applicant_type(item["applicant_type"])  # valid ids
    assert [i["id"] for i in ITEMS] == sorted({i["id"] for i in ITEMS})
    outcomes = Counter(i["expected"] for i in ITEMS)
    assert min(outcomes[True], outcomes[False], outcomes[None]) >= 8
    assert sum(len(i["turns"]) > 1 for i in ITEMS) >= 10
    covered = {(i["program"], i["applicant_type"]) for i in ITEMS}
    assert covered == {(p.id, t.id) for p in rules.programs for t in p.types}


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_conversation(rules: Rules, item: dict) -> None:
    guess = None
    for turn in item["turns"]:
        guess = detect_program(turn, rules, guess)
    assert guess is not None
    assert (guess.program, guess.applicant_type) == (item["program"], item["applicant_type"])
    facts = facts_from_turns(item["turns"], rules, guess.program, guess.applicant_type)
    decision = check(rules, guess.program, guess.applicant_type, facts)
    assert decision.eligible is item["expected"], [
        (c.condition_id, c.status.value, c.reason) for c in decision.conditions
    ]


@pytest.mark.parametrize("item", ITEMS[:10], ids=[i["id"] for i in ITEMS[:10]])
def test_assess_takes_the_same_path(rules: Rules, item: dict) -> None:
    result = assess(item["turns"], rules)
    assert result.decision is not None and result.question is None
    assert result.decision.eligible is item["expected"]


def test_assess_asks_for_what_it_cannot_guess(rules: Rules) -> None:
    assert "哪个项目" in (assess(["我们是县里的"], rules).question or "")
    result = assess(["地理标志项目有什么条件"], rules)
    assert result.decision is None and result.question == "请问申报主体属于哪一类：设区市、县（市、区）？"
