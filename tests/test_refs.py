"""Clause references as staff write them, in a lookup or inside a sentence."""

from __future__ import annotations

import pytest

from assistant.errors import UnknownReferenceError
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.references import find_reference, resolve


@pytest.mark.parametrize(
    ("reference", "clause_id"),
    [
        ("2024 保护示范区 三（二）1", "2024-protection-zone:3.2.1"),
        ("2024保护示范区三(二)1", "2024-protection-zone:3.2.1"),
        ("2022 保护示范区 三、申报条件（二）第1项", "2022-protection-zone:3.2.1"),
        ("保护示范区 三（二）", "2024-protection-zone:3.2"),  # no year: the current guide
        ("2024 保护示范区 四（一）1（3）", "2024-protection-zone:4.1.1.3"),  # 「1. 设区市」 read as （一）
        ("2023 政策措施 （四）", "2023-policy-measures:2.4"),  # numbering that runs across sections
        ("高价值专利 三（一）1（3）", "2022-high-value-patent:3.1.1.3"),
        ("2022 地理标志 联系方式", "2022-gi-brand:contact"),
        ("2024-protection-zone:6.3", "2024-protection-zone:6.3"),
        ("2024 保护示范区", "2024-protection-zone"),
    ],
)
def test_references_resolve(kb: KnowledgeBase, reference: str, clause_id: str) -> None:
    assert resolve(kb, reference).id == clause_id


def test_a_label_and_the_short_reference_of_every_clause_resolve_back(kb: KnowledgeBase) -> None:
    for clause in kb.clauses:
        if clause.kind not in ("root",) and clause.guide_id != "2022-notice":
            assert resolve(kb, clause.ref).id == clause.id, clause.ref


def test_free_text_is_not_a_reference(kb: KnowledgeBase) -> None:
    assert resolve(kb, "申报截止日期") is None


def test_a_reference_to_nothing_fails_clearly(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownReferenceError, match="找不到"):
        resolve(kb, "2024 保护示范区 九（二）")


@pytest.mark.parametrize(
    ("sentence", "clause_id"),
    [
        ("调一下2024年保护示范区五（三）的原文，我要贴到材料里", "2024-protection-zone:5.3"),
        ("地理标志指南 三（三）原文是怎么写的？", "2022-gi-brand:3.3"),
        ("政策措施第（十七）条原文是什么", "2023-policy-measures:5.17"),
        ("高价值专利 六（四） 推荐名额那条原文", "2022-high-value-patent:6.4"),
    ],
)
def test_references_inside_sentences(kb: KnowledgeBase, sentence: str, clause_id: str) -> None:
    assert find_reference(kb, sentence).id == clause_id


def test_a_question_without_numbering_has_no_reference(kb: KnowledgeBase) -> None:
    assert find_reference(kb, "2024年保护示范区什么时候截止") is None
