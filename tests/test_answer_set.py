"""Schema checks of the answer question set eval/questions/answers.jsonl against the knowledge base.

Each line is one conversation: `turns` are successive user turns; `gold`, `key_facts` and `answerable`
hold one entry per turn. A key fact is a string a correct answer must contain, taken from the text of
one of the turn's gold clauses (spaces may be dropped).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import read_jsonl

from assistant.ingest.knowledge_base import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "eval" / "questions" / "answers.jsonl"
FIELDS = {"id", "turns", "gold", "key_facts", "answerable", "category", "note"}
CATEGORIES = {
    "fact",
    "number_date",
    "list",
    "comparison",
    "multi_turn",
    "lookup",
    "not_in_guides",
    "damaged",
    "chitchat",
    "injection",
}
UNANSWERABLE_CATEGORIES = {"not_in_guides", "chitchat"}
PROTECTION_ZONE = {"2022-protection-zone", "2024-protection-zone"}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return read_jsonl(ANSWERS)


def _turns(items: list[dict]):
    """(item, turn index, question, gold, key facts, answerable) for every turn of every item."""
    for item in items:
        for i, question in enumerate(item["turns"]):
            yield item, i, question, item["gold"][i], item["key_facts"][i], item["answerable"][i]


def test_every_line_has_the_schema(items: list[dict]) -> None:
    for item in items:
        assert set(item) == FIELDS, item.get("id")
        assert re.fullmatch(r"ans-\d{3}", item["id"]), item["id"]
        assert item["category"] in CATEGORIES, item["id"]
        assert isinstance(item["note"], str), item["id"]
        turns = item["turns"]
        assert isinstance(turns, list) and turns, item["id"]
        assert all(isinstance(t, str) and t.strip() for t in turns), item["id"]
        for field in ("gold", "key_facts", "answerable"):
            assert isinstance(item[field], list), (item["id"], field)
            assert len(item[field]) == len(turns), (item["id"], field)
        for gold, facts, answerable in zip(item["gold"], item["key_facts"], item["answerable"], strict=True):
            assert isinstance(answerable, bool), item["id"]
            assert isinstance(gold, list) and all(isinstance(g, str) for g in gold), item["id"]
            assert len(set(gold)) == len(gold), item["id"]
            assert isinstance(facts, list) and all(isinstance(f, str) and f.strip() for f in facts), item[
                "id"
            ]


def test_ids_are_unique_and_ordered(items: list[dict]) -> None:
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)


def test_conversations_are_unique(items: list[dict]) -> None:
    conversations = [tuple(item["turns"]) for item in items]
    duplicates = [c for c, n in Counter(conversations).items() if n > 1]
    assert not duplicates


def test_every_gold_clause_exists(kb: KnowledgeBase, items: list[dict]) -> None:
    missing = [
        (item["id"], g) for item in items for gold in item["gold"] for g in gold if not kb.has_clause(g)
    ]
    assert not missing


def test_answerable_turns_have_gold_and_one_to_three_facts(items: list[dict]) -> None:
    for item, i, _, gold, facts, answerable in _turns(items):
        if answerable:
            assert gold, (item["id"], i)
            assert 1 <= len(facts) <= 3, (item["id"], i)
        else:
            assert gold == [], (item["id"], i)
            assert facts == [], (item["id"], i)


def test_key_facts_appear_in_a_gold_clause(kb: KnowledgeBase, items: list[dict]) -> None:
    for item, i, _, gold, facts, _ in _turns(items):
        texts = [_squeeze(kb.full_text(kb.clause(g))) for g in gold]
        for fact in facts:
            assert any(_squeeze(fact) in text for text in texts), (item["id"], i, fact)


def test_gold_is_not_redundant(kb: KnowledgeBase, items: list[dict]) -> None:
    """No gold id of a turn is an ancestor of another gold id of the same turn."""
    for item, i, _, gold, _, _ in _turns(items):
        for g in gold:
            parent = kb.clause(g).parent_id
            while parent is not None:
                assert parent not in gold, (item["id"], i, g, parent)
                parent = kb.clause(parent).parent_id


def test_questions_are_not_copied_from_clause_text(kb: KnowledgeBase, items: list[dict]) -> None:
    """A paraphrase shares no long verbatim run with its gold clauses."""
    for item, i, question, gold, _, _ in _turns(items):
        gold_text = _squeeze("\n".join(kb.full_text(kb.clause(g)) for g in gold))
        squeezed = re.sub(r"[？?，,。！!\s]", "", question)
        for start in range(len(squeezed) - 15):
            assert squeezed[start : start + 16] not in gold_text, (
                item["id"],
                i,
                squeezed[start : start + 16],
            )


def test_category_counts(items: list[dict]) -> None:
    counts = Counter(item["category"] for item in items)
    assert len(items) >= 100
    assert set(counts) == CATEGORIES
    assert counts["multi_turn"] >= 15
    assert counts["comparison"] >= 10
    assert counts["lookup"] >= 10
    assert counts["damaged"] >= 8
    assert counts["injection"] >= 3
    unanswerable = sum(1 for *_, answerable in _turns(items) if not answerable)
    assert unanswerable >= 20


def test_multi_turn_items_have_follow_ups(items: list[dict]) -> None:
    for item in items:
        if item["category"] == "multi_turn":
            assert len(item["turns"]) >= 2, item["id"]


def test_unanswerable_categories(items: list[dict]) -> None:
    for item in items:
        if item["category"] in UNANSWERABLE_CATEGORIES:
            assert not any(item["answerable"]), item["id"]


def test_every_guide_is_covered(kb: KnowledgeBase, items: list[dict]) -> None:
    covered = {kb.clause(g).guide_id for item in items for gold in item["gold"] for g in gold}
    assert covered == {g.id for g in kb.guides}


def test_comparisons_span_both_protection_zone_guides(kb: KnowledgeBase, items: list[dict]) -> None:
    comparisons = [item for item in items if item["category"] == "comparison"]
    for item in comparisons:
        guides = {kb.clause(g).guide_id for gold in item["gold"] for g in gold}
        assert guides == PROTECTION_ZONE, item["id"]


def test_damaged_items_point_at_damaged_clauses(kb: KnowledgeBase, items: list[dict]) -> None:
    for item in items:
        if item["category"] == "damaged":
            assert any(kb.is_damaged(kb.clause(g)) for gold in item["gold"] for g in gold), item["id"]
