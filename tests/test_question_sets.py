"""Checks of the evaluation question sets in eval/questions/ against the knowledge base."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import read_jsonl

from assistant.evaluation.dataset import load_set
from assistant.ingest.knowledge_base import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
RETRIEVAL = ROOT / "eval" / "questions" / "retrieval.jsonl"
FIELDS = {"id", "question", "gold", "guide", "category"}
CATEGORIES = {"fact", "number_date", "list", "lookup", "damaged", "comparison"}
PROTECTION_ZONE = {"2022-protection-zone", "2024-protection-zone"}
CURRENT_PROTECTION_ZONE = "2024-protection-zone"


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return read_jsonl(RETRIEVAL)


def test_every_line_has_the_schema(items: list[dict]) -> None:
    for item in items:
        assert set(item) == FIELDS, item
        assert re.fullmatch(r"ret-\d{3}", item["id"]), item["id"]
        assert isinstance(item["question"], str) and len(item["question"].strip()) >= 5, item["id"]
        assert isinstance(item["gold"], list) and item["gold"], item["id"]
        assert all(isinstance(g, str) for g in item["gold"]), item["id"]
        assert len(set(item["gold"])) == len(item["gold"]), item["id"]
        assert item["guide"] is None or isinstance(item["guide"], str), item["id"]
        assert item["category"] in CATEGORIES, item["id"]


def test_ids_and_questions_are_unique(items: list[dict]) -> None:
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
    questions = [item["question"] for item in items]
    assert len(questions) == len(set(questions))


def test_at_least_sixty_items(items: list[dict]) -> None:
    assert len(items) >= 60


def test_every_gold_clause_exists(kb: KnowledgeBase, items: list[dict]) -> None:
    missing = [(item["id"], g) for item in items for g in item["gold"] if not kb.has_clause(g)]
    assert not missing


def test_guide_matches_gold(kb: KnowledgeBase, items: list[dict]) -> None:
    guide_ids = {g.id for g in kb.guides}
    for item in items:
        if item["guide"] is None:
            continue
        assert item["guide"] in guide_ids, item["id"]
        assert all(kb.clause(g).guide_id == item["guide"] for g in item["gold"]), item["id"]


def test_gold_is_not_redundant(kb: KnowledgeBase, items: list[dict]) -> None:
    """No gold id is an ancestor of another gold id of the same question (the specific one suffices)."""
    for item in items:
        for gold in item["gold"]:
            parent = kb.clause(gold).parent_id
            while parent is not None:
                assert parent not in item["gold"], (item["id"], gold, parent)
                parent = kb.clause(parent).parent_id


def test_every_guide_is_covered(kb: KnowledgeBase, items: list[dict]) -> None:
    covered = {kb.clause(g).guide_id for item in items for g in item["gold"]}
    assert covered == {g.id for g in kb.guides}


def test_questions_are_not_copied_from_clause_text(kb: KnowledgeBase, items: list[dict]) -> None:
    """A paraphrase shares no long verbatim run with its gold clause."""
    for item in items:
        gold_text = "\n".join(kb.full_text(kb.clause(g)) for g in item["gold"])
        question = re.sub(r"[？?，,。！!\s]", "", item["question"])
        for start in range(len(question) - 15):
            assert question[start : start + 16] not in gold_text, (item["id"], question[start : start + 16])


def test_category_mix(items: list[dict]) -> None:
    counts = Counter(item["category"] for item in items)
    assert set(counts) == CATEGORIES
    assert counts["damaged"] >= 5


def test_damaged_questions_point_at_damaged_clauses(kb: KnowledgeBase, items: list[dict]) -> None:
    for item in items:
        if item["category"] == "damaged":
            assert any(kb.is_damaged(kb.clause(g)) for g in item["gold"]), item["id"]


def test_year_comparison_questions(items: list[dict]) -> None:
    """At least 8 questions whose answer differs between the 2022 and 2024 保护示范区 guides, each naming
    its year so that the gold is in one guide; both years are asked."""
    comparisons = [item for item in items if item["category"] == "comparison"]
    assert len(comparisons) >= 8
    for item in comparisons:
        assert item["guide"] in PROTECTION_ZONE, item["id"]
        year = item["guide"][:4]
        assert year in item["question"], item["id"]
        other = "2022" if year == "2024" else "2024"
        assert other not in item["question"], item["id"]
    assert {item["guide"] for item in comparisons} == PROTECTION_ZONE


def test_questions_without_year_mean_the_current_guide(items: list[dict]) -> None:
    no_year = [
        item
        for item in items
        if item["guide"] == CURRENT_PROTECTION_ZONE and not re.search(r"20\d\d", item["question"])
    ]
    assert len(no_year) >= 5


def test_special_topics_are_covered(items: list[dict]) -> None:
    gold = {g for item in items for g in item["gold"]}
    for clause_id in (
        "2024-protection-zone:6.3",  # deadline
        "2022-protection-zone:6.3",
        "2024-protection-zone:5.3",  # implementation period
        "2024-protection-zone:3.2",  # conditions per applicant type
        "2022-protection-zone:3.p1",  # exclusion
        "2022-high-value-patent:3.1.1.3",  # 利税 threshold
        "2022-industrial-brand:3.4",  # 研发费用占比
        "2022-gi-brand:3.3",  # 销售额
        "2024-protection-zone:6.2",  # submission method
        "2024-protection-zone:contact",  # contact
        "2023-policy-measures:1.1",  # damaged funding amounts
        "2022-tongzhou-plan:5",  # timeline stages
        "2022-notice",
    ):
        assert clause_id in gold, clause_id


# --- the held-out set: written without seeing the assistant, run once, not tuned on -------

HELDOUT = ROOT / "eval" / "questions" / "heldout.jsonl"


def test_the_held_out_set_loads_and_its_key_facts_are_in_its_gold_clauses(kb: KnowledgeBase) -> None:
    items = load_set(HELDOUT, kb)
    assert len(items) == 40
    for item in items:
        for turn in item.turns:
            text = re.sub(r"\s", "", "".join(kb.full_text(kb.clause(g)) for g in turn.gold))
            missing = [f for f in turn.key_facts if re.sub(r"\s", "", str(f)) not in text]
            assert not missing, (item.id, missing)
