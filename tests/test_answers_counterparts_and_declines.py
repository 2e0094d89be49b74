"""Questions in applicants' and staff's own words that session 66 found answered wrongly in the
blind sets opened then (13bp, 13bq, 13br), one mechanism a test, each with a counter-case: an
item of the list just shown by its place in brackets (「第（1）项」「其中第（6）」); the item just
quoted, asked of another applicant type's list or of another round (「县的任务里也有这一条吗」
「24年同一条呢」); the same question asked of another place, declined for the same reason; the
sum of the support just quoted, though the search missed its clause."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited

from assistant.pipeline import Assistant

TASKS_2024 = "24年保护示范区设区市要做哪些任务？"


@pytest.mark.parametrize(
    ("turns", "clause"),
    [
        (["高价值升级项目要完成哪些任务？", "第（1）项具体说的什么？"], "2022-high-value-patent:4.2.1.1"),
        ([TASKS_2024, "其中第（6）是什么？"], "2024-protection-zone:4.1.1.6"),
        # one item quoted: the place is of the list it belongs to
        (
            ["24年设区市创建保护示范区，任务里对保护工作经费有什么要求", "第（6）条讲的啥"],
            "2024-protection-zone:4.1.1.6",
        ),
    ],
)
def test_an_item_of_the_list_shown_by_its_place_in_brackets(
    assistant: Assistant, turns: list[str], clause: str
) -> None:
    assert cited(asked_in_turns(assistant, turns)) == [clause]


def test_a_place_in_brackets_with_words_before_it_names_its_own_list(assistant: Assistant) -> None:
    # 「绩效目标第（1）项」 names a list of its own, not the tasks just shown
    reply = asked_in_turns(assistant, [TASKS_2024, "县的绩效目标第（1）项是什么"])
    assert "2024-protection-zone:4.1.1.1" not in cited(reply)


@pytest.mark.parametrize(
    "turns",
    [
        [TASKS_2024, "其中第（6）是什么？", "县的任务里也有这一条吗？"],
        [TASKS_2024, "其中第（6）是什么？", "县里的任务里对应的是哪条"],
    ],
)
def test_the_item_just_quoted_in_another_types_list_is_the_one_of_its_title(
    assistant: Assistant, turns: list[str]
) -> None:
    # 「推进知识产权执法“两法衔接”」 is 设区市's 6th task and 县's 5th
    assert cited(asked_in_turns(assistant, turns)) == ["2024-protection-zone:4.2.1.5"]


def test_an_item_no_other_types_list_holds_is_not_matched_by_place(assistant: Assistant) -> None:
    # 设区市's 10th task (国际保护) has no task of its title among 园区's: not 园区's 8th or any other
    turns = [TASKS_2024, "其中第（10）是什么？", "园区的任务里也有这一条吗？"]
    assert not any(
        c.startswith("2024-protection-zone:4.3.1.") for c in cited(asked_in_turns(assistant, turns))
    )


def test_the_item_just_quoted_in_another_round_is_the_one_at_its_place(assistant: Assistant) -> None:
    turns = [
        "22年设区市申报保护示范区，对保护工作检查有什么要求",
        "第一条说的是哪年的真抓实干",
        "24年同一条呢",
    ]
    assert cited(asked_in_turns(assistant, turns)) == ["2024-protection-zone:3.1.1"]


def test_the_same_question_of_another_place_is_declined_for_the_same_reason(assistant: Assistant) -> None:
    turns = ["通州区2023年实际万人高价值发明专利拥有量是多少", "那南通全市的呢"]
    assert not asked_in_turns(assistant, turns).answerable
    # a subject of its own is a question of its own (「那海外维权呢」 after a count no guide gives)
    turns = ["江苏现在已经设了多少个维权援助基金？", "那海外维权呢"]
    assert asked_in_turns(assistant, turns).answerable


def test_the_sum_of_the_support_just_quoted_is_its_clauses(assistant: Assistant) -> None:
    turns = ["通州那边专利申请资助还有吗", "奖补能给多少"]
    reply = asked_in_turns(assistant, turns)
    assert reply.answerable and cited(reply) == ["2022-tongzhou-plan:6.4"]
    assert "50%" in reply.answer and "没有写明具体金额" not in reply.answer
