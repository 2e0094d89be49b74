"""The evaluation set eval/testset.jsonl: valid, large and varied enough (issue #6), and
malformed set files rejected with a message naming the line and the field."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Rules, load_rules
from assistant.errors import InputError
from assistant.evaluation.dataset import CATEGORIES, Item, load_set
from assistant.ingest.knowledge_base import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
TESTSET = ROOT / "eval" / "testset.jsonl"
PROTECTION_ZONE = {"2022-protection-zone", "2024-protection-zone"}


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase) -> Rules:
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


@pytest.fixture(scope="module")
def items(kb: KnowledgeBase, rules: Rules) -> list[Item]:
    return load_set(TESTSET, kb, [p.id for p in rules.programs])


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_set_is_large_and_covers_every_category(items: list[Item]) -> None:
    assert len(items) >= 150
    counts = Counter(item.category for item in items)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 10
    assert sum(1 for item in items if len(item.turns) > 1) >= 30


def test_every_guide_is_covered(kb: KnowledgeBase, rules: Rules, items: list[Item]) -> None:
    program_guides = {p.id: p.guide_id for p in rules.programs}
    covered = {kb.clause(g).guide_id for item in items for t in item.turns for g in t.gold}
    covered |= {program_guides[t.eligibility.program] for item in items for t in item.turns if t.eligibility}
    assert covered == {g.id for g in kb.guides}


def test_ids_and_conversations_are_unique(items: list[Item]) -> None:
    assert len({item.id for item in items}) == len(items)
    conversations = Counter(tuple(item.questions) for item in items)
    assert [c for c, n in conversations.items() if n > 1] == []


def test_key_facts_appear_in_a_gold_clause(kb: KnowledgeBase, items: list[Item]) -> None:
    for item in items:
        for turn in item.turns:
            texts = [_squeeze(kb.full_text(kb.clause(g))) for g in turn.gold]
            for fact in turn.key_facts:
                assert any(_squeeze(str(fact)) in text for text in texts), (item.id, fact)


def test_questions_are_not_copied_from_clause_text(kb: KnowledgeBase, items: list[Item]) -> None:
    """Questions are in applicants' words: no 16-character run of a gold clause verbatim
    (a guide's or a plan's name aside)."""
    titles = "\n".join(_squeeze(g.title) for g in kb.guides)
    for item in items:
        for turn in item.turns:
            gold_text = _squeeze("\n".join(kb.full_text(kb.clause(g)) for g in turn.gold))
            squeezed = re.sub(r"[？?，,。！!\s]", "", turn.question)
            runs = {squeezed[i : i + 16] for i in range(len(squeezed) - 15)}
            assert not [run for run in runs if run in gold_text and run not in titles], item.id


def test_answerable_turns_with_gold_have_key_facts(items: list[Item]) -> None:
    for item in items:
        for turn in item.turns:
            if turn.gold:
                assert turn.answerable and turn.key_facts, item.id


def test_eligibility_items_expect_every_outcome(items: list[Item], rules: Rules) -> None:
    expected = [t.eligibility for item in items for t in item.turns if t.eligibility]
    assert Counter(e.eligible for e in expected).keys() == {True, False, None}
    for e in expected:
        rules.program(e.program).applicant_type(e.applicant_type)


def test_distractors_differ_between_the_protection_zone_years(kb: KnowledgeBase, items: list[Item]) -> None:
    distractors = [item for item in items if "distractor" in item.tags]
    assert len(distractors) >= 20
    for item in distractors:
        guides = {kb.clause(g).guide_id for t in item.turns for g in t.gold}
        assert guides & PROTECTION_ZONE, item.id
    comparisons = [item for item in items if item.category == "comparison"]
    for item in comparisons:
        assert {kb.clause(g).guide_id for t in item.turns for g in t.gold} == PROTECTION_ZONE, item.id


def test_damaged_items_point_at_damaged_clauses(kb: KnowledgeBase, items: list[Item]) -> None:
    for item in items:
        if item.category == "damaged":
            assert any(kb.is_damaged(kb.clause(g)) for t in item.turns for g in t.gold), item.id


def test_the_build_script_reproduces_the_set() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "eval"))
    try:
        from build_testset import build
    finally:
        sys.path.remove(str(ROOT / "eval"))
    lines = [json.dumps(item, ensure_ascii=False) for item in build()]
    assert lines == TESTSET.read_text(encoding="utf-8").splitlines()


# -- malformed files ---------------------------------------------------------------------------------

GOOD = {
    "id": "t-001",
    "category": "fact",
    "turns": [{"question": "截止？", "gold": ["2024-protection-zone:6.3"]}],
}


def _bad(**changes: object) -> str:
    return json.dumps({**GOOD, "id": "t-002", **changes}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "第3行不是合法的 JSON"),
        ("[1, 2]", "第3行应为 JSON 对象"),
        (json.dumps({"id": "t-002", "category": "fact"}), "第3行：缺少字段 turns"),
        (_bad(category="facts"), '第3行：字段 category 的值 "facts" 无效'),
        (_bad(turns=[{"question": "q", "gold": "2024-protection-zone:6.3"}]), "字段 turns[0].gold"),
        (_bad(turns=[{"question": "q", "answerable": "yes"}]), "字段 turns[0].answerable"),
        (_bad(turns=[{"question": "q", "key_facts": [True]}]), "字段 turns[0].key_facts[0]"),
        (_bad(turns=[{"question": "q", "colour": 1}]), "未知字段 turns[0].colour"),
        (
            _bad(turns=[{"question": "q", "eligibility": {"program": "x", "applicant_type": "y"}}]),
            "缺少字段 turns[0].eligibility.eligible",
        ),
        (
            _bad(turns=[{"question": "q", "answerable": False, "key_facts": ["a"]}]),
            "不应有 gold 或 key_facts",
        ),
        (_bad(id="T2"), '字段 id 的值 "T2" 格式不对'),
        (_bad(category="multi_turn"), "multi_turn 类别至少要有两轮"),
        (_bad(turns=[]), "字段 turns 不能为空"),
        (_bad(id="t-001"), "第3行：id「t-001」与第1行重复"),
        (
            _bad(turns=[{"question": "q", "gold": ["2024-protection-zone:9.9"]}]),
            "条款编号「2024-protection-zone:9.9」不存在",
        ),
        (
            _bad(
                category="eligibility",
                turns=[
                    {
                        "question": "q",
                        "eligibility": {"program": "nope", "applicant_type": "city", "eligible": True},
                    }
                ],
            ),
            "turns[0].eligibility.program 的项目「nope」不存在",
        ),
    ],
)
def test_a_malformed_line_is_named(
    tmp_path: Path, kb: KnowledgeBase, rules: Rules, line: str, message: str
) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_set(path, kb, [p.id for p in rules.programs])
    text = str(caught.value)
    assert message in text, text
    assert str(path) in text and "第3行" in text and "\n" not in text


def test_a_missing_or_empty_set(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到评测集"):
        load_set(tmp_path / "none.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="是空的"):
        load_set(empty)
    binary = tmp_path / "gbk.jsonl"
    binary.write_bytes('{"id": "中文"}'.encode("gbk"))
    with pytest.raises(InputError, match="UTF-8"):
        load_set(binary)
