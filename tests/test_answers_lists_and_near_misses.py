"""Questions in applicants' and staff's own words that session 54's blind sets (13ax, 13ay)
found answered wrongly, one mechanism a test, each with a counter-case: what is applied for
at another authority, a topic named without a question mark, a list asked with a request
word, a span of something else than the project, sums the damage erased, what follows a
breach no guide names, figures asked as done, how long until an outcome, the direction the
last answer came from, the document of a kind the last answer named, a quoted term used but
never defined, a matter inside a task list, an item named by its place in the list just
answered, whether a list's items must all be met, a class of bodies asked of, a program's
words quoted by the last answer, comparisons asked with 各/分别, two asks listed with 、, this
year's round of a program whose newest guide is older, qualifications and other places' plans."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited

from assistant.answering.checker import _kinds_in
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant
from assistant.question.asking import asks_outcome, asks_which_programs, split_asks
from assistant.question.intent import ELIGIBILITY, SCREENING, detect_intent


def test_what_is_applied_for_at_another_authority_asks_no_programs() -> None:
    assert not asks_which_programs("地理标志项目里要到商标局申请什么")
    assert not asks_which_programs("任务中企业要向海关申请什么备案")
    assert asks_which_programs("我们企业可以申请什么项目")


def test_the_kinds_asked_for_a_screening_are_each_named_once() -> None:
    assert _kinds_in("高校、科研院所、重点实验室、新型研发机构") == [
        "高校",
        "科研院所",
        "重点实验室",
        "新型研发机构",
    ]
    assert _kinds_in("园区（产业知识产权运营中心发展）") == ["园区"]
    assert _kinds_in("县（市、区）") == ["县（市、区）"]


def test_a_topic_named_without_a_question_mark_is_answered(assistant: Assistant) -> None:
    reply = assistant.ask("2022年工业品牌项目网上申报截止日期")
    assert reply.decision is None and "2022-industrial-brand:6.5" in cited(reply)
    checked = assistant.ask("我们县想报2024年保护示范区")  # an applicant weighing it: checked
    assert checked.decision is not None


@pytest.mark.parametrize("tail", ["帮我列全", "汇总一下", "简单归纳一下"])
def test_a_list_asked_with_a_request_word(assistant: Assistant, tail: str) -> None:
    reply = assistant.ask(f"地理标志项目申报条件{tail}")
    assert "2022-gi-brand:3" in cited(reply) and "1000 万元以上" in reply.answer


def test_a_span_of_something_else_than_the_project(assistant: Assistant) -> None:
    reply = assistant.ask("财政资助形成的专利几年没有转化就会向社会公开许可")
    assert "2023-policy-measures:5.17" in cited(reply) and "三年内" in reply.answer
    refused = assistant.ask("发明专利从提交申请到拿证一般要多久")  # another office's duration
    assert not refused.answerable


def test_sums_the_damage_erased_are_said_to_be_lost(assistant: Assistant) -> None:
    reply = assistant.ask("获得江苏专利奖银奖的能拿多少奖金")
    assert "2023-policy-measures:1.1" in cited(reply)
    assert reply.answer.startswith("原文中所问的具体金额因编码损坏缺失")
    intact = assistant.ask("高价值专利升级项目立项后给什么资金")
    assert "编码损坏缺失" not in intact.answer


def test_a_breach_no_guide_names_has_no_consequence(assistant: Assistant) -> None:
    refused = asked_in_turns(assistant, ["2024年保护示范区实施期几年", "中期评估没通过会被怎么处理"])
    assert not refused.answerable
    reply = assistant.ask("高价值专利升级项目每3年的绩效评价不合格会被怎么处理")
    assert "2022-high-value-patent:5.3" in cited(reply) and "管理办法" in reply.answer


def test_figures_asked_as_done_are_results() -> None:
    assert asks_outcome("南通市2024年实际新增海外专利授权达到多少了")
    assert asks_outcome("通州区人民法院2023年审结了多少件专利案件")
    assert asks_outcome("地理标志专用标志申请多长时间能批下来")
    assert not asks_outcome("2022年地标和保护示范区截止日期差了多少")
    assert not asks_outcome("通州方案要求2025年万人高价值发明专利拥有量达到多少")


def test_the_direction_the_last_answer_came_from(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["专利转化的产业知识产权运营中心要完成哪些任务", "项目实施期多长"])
    assert "2022-patent-transfer:2.4" in cited(reply)
    reply = asked_in_turns(assistant, ["专利转化高校院所方向对人员有什么要求", "项目实施期多长"])
    assert "2022-patent-transfer:1.4" in cited(reply)


def test_the_document_of_a_kind_the_last_answer_named(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["产业知识产权运营中心优先支持哪些产业链", "这个是依据哪个行动计划"])
    assert "2022-patent-transfer:2.1" in cited(reply) and "产业强链" in reply.answer
    notice = assistant.ask("2022年战略推进计划的通知是依据什么文件")
    assert "2022-notice" in cited(notice)


def test_a_quoted_term_used_but_never_defined(assistant: Assistant) -> None:
    reply = assistant.ask("地理标志指南里的“地理标志+”指的是什么")
    assert "2022-gi-brand:4.1.6" in cited(reply) and "旅游、文创" in reply.answer


def test_a_matter_inside_a_task_list(assistant: Assistant) -> None:
    reply = assistant.ask("2024年保护示范区设区市任务里的国际保护，具体有哪些工作")
    assert cited(reply) == ["2024-protection-zone:4.1.1.10"]
    listed = assistant.ask("2024年保护示范区设区市要完成哪些任务")
    assert "2024-protection-zone:4.1.1" in cited(listed)


def test_an_item_named_by_its_place_in_the_list_just_answered(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["通州方案分几个阶段推进", "第二个阶段要做什么"])
    assert cited(reply) == ["2022-tongzhou-plan:5.2"]
    reply = asked_in_turns(assistant, ["通州方案宣传动员阶段是什么时候", "最后一个阶段呢，干什么"])
    assert cited(reply) == ["2022-tongzhou-plan:5.3"]


def test_whether_every_item_must_be_met(assistant: Assistant) -> None:
    turns = ["2022年保护示范区县（市、区）要满足什么条件", "这几条是不是都得满足"]
    reply = asked_in_turns(assistant, turns)
    assert "2022-protection-zone:3.2" in cited(reply) and "条件之一" in reply.answer
    reply = asked_in_turns(assistant, [*turns, "那设区市呢"])
    assert "2022-protection-zone:3.1" in cited(reply) and "优秀等次" in reply.answer


def test_a_class_of_bodies_asked_of_is_a_rule(assistant: Assistant) -> None:
    question = "牵头承担过省高价值专利培育项目的高校还能报22年新建项目吗"
    assert detect_intent(question) == ELIGIBILITY
    reply = assistant.ask(question)
    assert reply.decision is None and "2022-high-value-patent:6.1" in cited(reply)
    own = assistant.ask("我们高校牵头承担过省高价值专利培育项目，还能报22年新建项目吗")
    assert own.decision is not None


def test_a_program_named_by_words_the_last_answer_quoted(assistant: Assistant) -> None:
    turns = ["高价值专利新建项目有哪些单位不能报", "省企业知识产权战略推进计划没验收的呢"]
    reply = asked_in_turns(assistant, turns)
    assert "2022-high-value-patent:6.1" in cited(reply)


def test_a_comparison_asked_with_each(assistant: Assistant, kb: KnowledgeBase) -> None:
    reply = assistant.ask("工业品牌和高价值专利对企业研发投入占销售收入的比例分别是多少")
    assert {"2022-industrial-brand:3.4", "2022-high-value-patent:3.1.1.2"} <= set(cited(reply))
    reply = assistant.ask("高价值新建项目，企业和高校各在什么情况下专利数量可以减半")
    assert {"2022-high-value-patent:3.1.1.4", "2022-high-value-patent:3.1.2.4"} <= set(cited(reply))


def test_two_asks_listed_with_a_pause_mark() -> None:
    assert len(split_asks("保护示范区要交哪些材料、纸质件怎么装订")) == 2
    assert len(split_asks("设区市、县分别要满足什么条件")) == 1


def test_screening_within_a_program_named(assistant: Assistant) -> None:
    reply = assistant.ask("我们是省内高校，专利转化专项哪个方向适合我们")
    assert detect_intent("我们是省内高校，专利转化专项哪个方向适合我们") == SCREENING
    assert all(c.startswith("2022-patent-transfer") for c in cited(reply))


def test_whether_every_item_must_be_met_with_no_list_before(assistant: Assistant) -> None:
    reply = assistant.ask("县里报24年保护示范区要哪些条件？满足一条就行吗")
    assert "2024-protection-zone:3.2" in cited(reply) and "应符合下列条件" in reply.answer


def test_this_years_round_of_an_older_guide_is_in_no_guide(assistant: Assistant) -> None:
    refused = assistant.ask("今年工业品牌的申报指南发布了吗")
    assert not refused.answerable and "2022年度省商标品牌培育和保护项目（工业品牌）" in refused.answer
    deadline = assistant.ask("今年保护示范区什么时候截止")  # the newest round's, said to be closed
    assert "2024-protection-zone:6.3" in cited(deadline) and "截止" in deadline.answer
    refused = assistant.ask("专利转化专项2025年还组织吗")
    assert not refused.answerable and "2025" in refused.answer


@pytest.mark.parametrize(
    "question",
    [
        "专利代理师资格怎么考",
        "知识产权服务机构备案要满足什么条件",
        "常州市知识产权强市建设实施方案有哪些目标",
    ],
)
def test_a_qualification_or_another_places_plan_is_in_no_guide(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not reply.answerable and not reply.citations
    covered = assistant.ask("通州区强县建设工作方案有哪些目标")
    assert covered.answerable and cited(covered)[0].startswith("2022-tongzhou-plan")
