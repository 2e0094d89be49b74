"""Scope detection: programs, years and programs the guides do not cover (assistant/question/scope.py)."""

from __future__ import annotations

import pytest

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.scope import detect, unknown_program


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("国家知识产权示范企业认定需要满足什么条件？", "国家知识产权示范企业"),
        ("专利导航服务基地的申报指南哪里有？", "专利导航服务基地"),
        ("高价值专利培育示范中心的申报条件", None),  # a covered program
        ("产业知识产权运营中心的申报条件是什么", None),
        ("我们园区被认定为国家级示范园区，能报吗", None),  # 认定 here is a fact, not a program
    ],
)
def test_a_program_asked_about_by_name_that_no_guide_covers(
    kb: KnowledgeBase, question: str, name: str | None
) -> None:
    assert unknown_program(kb, question) == name


def test_a_year_outside_the_annual_rounds_is_unknown(kb: KnowledgeBase) -> None:
    scope = detect(kb, "2025年度保护示范区什么时候截止")
    assert scope.unknown_years == (2025,) and not scope.years


def test_a_year_next_to_a_policy_names_another_document_not_a_round(kb: KnowledgeBase) -> None:
    scope = detect(kb, "2017年那个知识产权强省建设若干政策措施还有效吗")
    assert scope.programs and scope.unknown_years == ()


@pytest.mark.parametrize(
    "question", ["我们县2022年被评为真抓实干成效明显地区，想报保护示范区", "我们2022年没评上真抓实干"]
)
def test_a_year_of_the_applicants_record_is_not_the_round_asked_about(
    kb: KnowledgeBase, question: str
) -> None:
    assert detect(kb, question).years == ()
