"""Questions in applicants' and staff's own words that session 66 found answered wrongly in the
blind sets opened then (13bp, 13bq, 13br), one mechanism a test, each with a counter-case: an
item of the list just shown by its place in brackets (「第（1）项」「其中第（6）」); the item just
quoted, asked of another applicant type's list or of another round (「县里的任务里对应的是哪条」
「24年同一条呢」); the same question asked of another place, declined for the same reason; the
sum of the support just quoted, though the search missed its clause; a place or a matter of a
list compared between applicant types, answered for each type; a word that marks a topic
(方面) names no other guide's; other places of a local plan's level, unnamed (「其他区」); who
leads a project, of a guide that assigns no units (its applicants); a condition by its place
(「第一条条件」), of the applicant type's or the part's conditions; who recommends (组织方式); a
target asked of two parts with 要求 (each part's target, not its conditions); a follow-up that
names another applicant type and a subject of its own (searched without the last type)."""

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


def test_the_item_just_quoted_in_another_types_list_is_the_one_of_its_title(assistant: Assistant) -> None:
    # 「推进知识产权执法“两法衔接”」 is 设区市's 6th task and 县's 5th
    turns = [TASKS_2024, "其中第（6）是什么？", "县里的任务里对应的是哪条"]
    assert cited(asked_in_turns(assistant, turns)) == ["2024-protection-zone:4.2.1.5"]
    # 「也有这一条吗」 of a list named: that list, which holds it
    turns = [TASKS_2024, "其中第（6）是什么？", "县的任务里也有这一条吗？"]
    assert cited(asked_in_turns(assistant, turns))[0] in (
        "2024-protection-zone:4.2.1",
        "2024-protection-zone:4.2.1.5",
    )


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


def test_a_place_compared_between_applicant_types_is_each_types(assistant: Assistant) -> None:
    reply = assistant.ask("24年保护示范区设区市和县的绩效目标第一条有什么区别？")
    assert cited(reply) == ["2024-protection-zone:4.1.2.1", "2024-protection-zone:4.2.2.1"]
    assert "设区市：" in reply.answer and "县（市、区）：" in reply.answer
    # one type named: its own place alone, no type said before it
    reply = assistant.ask("24年保护示范区县的绩效目标第一条是什么")
    assert cited(reply) == ["2024-protection-zone:4.2.2.1"] and "县（市、区）：" not in reply.answer


def test_a_matter_of_a_list_compared_between_applicant_types_is_each_types_item(assistant: Assistant) -> None:
    reply = assistant.ask("24年保护示范区绩效目标里，设区市和园区对执法案件的要求有什么区别")
    assert cited(reply) == ["2024-protection-zone:4.1.2.1", "2024-protection-zone:4.3.2.1"]
    assert "园区：" in reply.answer
    reply = assistant.ask("24年保护示范区设区市的绩效目标里对执法案件有什么要求")
    assert cited(reply) == ["2024-protection-zone:4.1.2.1"]


def test_a_word_that_marks_a_topic_names_no_other_guides(assistant: Assistant) -> None:
    # 「方面」 is in two guides' text, neither 工业品牌's: still no topic of theirs
    turns = ["工业品牌的绩效目标是什么？", "被认定“江苏精品”算吗？", "维权方面要做什么？"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-industrial-brand:4.1.6"]
    # a word of another guide's still is (「江苏专利奖」 after 地理标志)
    turns = ["地理标志项目谁能报", "江苏专利奖奖多少"]
    assert not any(c.startswith("2022-gi-brand") for c in cited(asked_in_turns(assistant, turns)))


@pytest.mark.parametrize(
    "asked", ["南通市区其他区的政策也一样吗？", "南通市其他县比如海门、如东的强县目标定的多少？"]
)
def test_other_places_of_a_local_plans_level_are_not_its(assistant: Assistant, asked: str) -> None:
    refused = asked_in_turns(assistant, ["通州区专利资助现在还有吗？", asked])
    assert not refused.answerable and "不涉及其他" in refused.answer
    # the plan's own other parts are its (「其他保障措施」 names no place)
    assert asked_in_turns(assistant, ["通州区专利资助现在还有吗？", "其他保障措施还有哪些"]).answerable


def test_who_leads_a_project_of_a_guide_that_assigns_no_units_is_who_applies(assistant: Assistant) -> None:
    assert cited(assistant.ask("高价值升级项目由谁牵头？")) == ["2022-high-value-patent:3.2"]
    # a plan that names units responsible for each task: the task's units
    assert cited(assistant.ask("通州方案里专利导航这项由谁牵头")) == ["2022-tongzhou-plan:4.1.2"]


@pytest.mark.parametrize(
    ("turns", "clause"),
    [
        (
            ["我们是县里的，有国家级知识产权快速维权中心，24年保护示范区第一条条件算满足吗？"],
            "2024-protection-zone:3.2.1",
        ),
        (["24年保护示范区县的申报条件第一条是什么"], "2024-protection-zone:3.2.1"),
        (["高价值专利新建项目企业的第二条条件"], "2022-high-value-patent:3.1.1.2"),
        (["高价值专利项目谁能报", "那报升级呢，第一条条件是什么"], "2022-high-value-patent:3.2.1"),
        (["工业品牌第三条条件是什么"], "2022-industrial-brand:3.3"),  # conditions of no parts
    ],
)
def test_a_condition_by_its_place_is_of_the_type_or_part_named(
    assistant: Assistant, turns: list[str], clause: str
) -> None:
    assert clause in cited(asked_in_turns(assistant, turns))


def test_a_condition_by_its_place_with_no_part_named_is_read_by_the_numbering(assistant: Assistant) -> None:
    # 「申报条件第一条」 of a guide whose conditions are split by type, no type named: （一）
    assert cited(assistant.ask("24年保护示范区申报条件第一条是什么")) == ["2024-protection-zone:3.1"]


@pytest.mark.parametrize("program", ["工业品牌", "高价值专利"])
def test_who_recommends_is_the_route_of_the_organisation(assistant: Assistant, program: str) -> None:
    # 「谁来推荐」: 组织方式 (县局出具推荐意见, 设区市局择优推荐), before the quota's line
    assert cited(assistant.ask(f"{program}项目谁来推荐"))[0].endswith(":5.1")


def test_a_target_asked_of_two_parts_with_yaoqiu_is_each_parts_target(assistant: Assistant) -> None:
    reply = assistant.ask("高价值新建和升级项目对专利实施率的要求有啥不一样？")
    assert cited(reply) == ["2022-high-value-patent:4.1.2.2", "2022-high-value-patent:4.2.2.2"]
    # the parts' conditions asked: each part's conditions
    reply = assistant.ask("高价值新建和升级项目的申报条件有啥不一样")
    assert cited(reply) == ["2022-high-value-patent:3.1", "2022-high-value-patent:3.2"]


def test_a_follow_up_of_another_type_with_a_subject_is_that_types(assistant: Assistant) -> None:
    turns = ["24年设区市的一审服判息诉率要多少？", "那园区的执法案件增长要求呢？"]
    assert cited(asked_in_turns(assistant, turns)) == ["2024-protection-zone:4.3.2.1"]
    # another type named with no subject of its own: the same goal of that type
    turns = ["24年设区市的一审服判息诉率要多少？", "县（市、区）也是这个数吗"]
    assert cited(asked_in_turns(assistant, turns)) == ["2024-protection-zone:4.2.2.2"]
