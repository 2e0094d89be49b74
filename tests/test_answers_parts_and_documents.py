"""Questions in applicants' and staff's own words that session 52's blind set (13av) found
answered wrongly, one mechanism a test, each with a counter-case: bodies counted are not the
applicant, a plan's span is not the project's period, a body no guide in scope admits is
someone served, a bare 「要求」 after goals, what a document was copied to and who signed it,
what the documents say of how to do something, references by whole titles and by titles in
any order, a part asked for whole, how many there are by now, appeals and spending rules."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited, plain

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant
from assistant.question.asking import asks_outcome
from assistant.question.intent import detect_intent
from assistant.question.scope import detect


def test_bodies_counted_are_not_the_applicant(assistant: Assistant, kb: KnowledgeBase) -> None:
    assert detect(kb, "产业链企业数量有要求吗？").applicant_type is None
    assert detect(kb, "园区要有超过50家企业吗").applicant_type == "园区"
    assert detect(kb, "企业能报工业品牌吗").applicant_type == "企业"  # the applicant itself
    reply = asked_in_turns(
        assistant, ["产业知识产权运营中心发展，申报主体是哪些园区的管委会？", "产业链企业数量有要求吗？"]
    )
    assert cited(reply) == ["2022-patent-transfer:2.3.2"] and "50家" in plain(reply.answer)


def test_the_span_of_a_plan_is_not_the_projects_period(assistant: Assistant) -> None:
    assert detect_intent("发展规划要做几年期的？") != "period"
    assert detect_intent("项目期多长？") == "period"
    reply = asked_in_turns(assistant, ["产业知识产权运营中心要成立什么样的中心？", "发展规划要做几年期的？"])
    assert "2022-patent-transfer:2.4.1" in cited(reply) and "3年期" in plain(reply.answer)


def test_a_body_no_guide_in_scope_admits_is_someone_served(assistant: Assistant) -> None:
    """专利转化's applicants are 高校院所 and 园区: 「中小企业」 are licensed to, the applicant stays."""
    conversation_turns = ["高校运营中心要完成哪些任务", "对中小企业许可有什么要求"]
    reply = asked_in_turns(assistant, conversation_turns)
    assert cited(reply) == ["2022-patent-transfer:1.4.4"]
    # whether a company may apply is the checker's to say: the type is kept for it
    checked = assistant.ask("我们是一家企业，能报专利转化专项吗？")
    assert checked.decision is not None and checked.decision["applicant_type"] == "enterprise"
    assert checked.decision["eligible"] is False


def test_a_bare_requirement_after_goals_asks_of_the_goals(assistant: Assistant) -> None:
    reply = asked_in_turns(
        assistant,
        ["24年县区保护示范区的绩效目标有哪些？", "设区市比县区多了哪些要求？", "园区的执法案件增长要求呢？"],
    )
    assert cited(reply) == ["2024-protection-zone:4.3.2.1"] and "5%以上" in reply.answer
    assert detect_intent("设区市比县区多了哪些要求？") == "conditions"  # with nothing before: conditions


def test_whom_a_document_was_copied_to_and_who_signed_it(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案抄送给了哪些单位？")
    assert cited(reply) == ["2022-tongzhou-plan:cc"] and "区政协办公室" in reply.answer
    assert detect_intent("通知发给哪些单位？") == "addressees"
    assert detect_intent("通知落款是哪个单位？") == "issuer"
    assert detect_intent("落款日期呢") == "issued"
    assert detect_intent("强省政策措施是哪个单位、哪天印发的？") == "issued"


def test_how_the_documents_say_to_do_something_is_theirs(assistant: Assistant) -> None:
    reply = assistant.ask("22年指南里园区怎么提升企业自我保护能力？")
    assert reply.answerable and cited(reply) == ["2022-protection-zone:4.3.1.5"]
    assert not assistant.ask("驰名商标认定要走什么流程？").answerable  # another matter


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        # 项目任务 is a heading of its own, not only a part of 项目任务和绩效目标
        ("24年保护示范区 四、设区市 项目任务（7）", "2024-protection-zone:4.1.1.7"),
        # titles alone, the child's first
        ("高价值专利指南里“升级项目”申报条件那一段贴一下", "2022-high-value-patent:3.2"),
    ],
)
def test_references_by_whole_titles_and_titles_in_any_order(
    assistant: Assistant, question: str, clause: str
) -> None:
    reply = assistant.ask(question)
    assert reply.answerable and cited(reply)[0] == clause


def test_a_part_asked_for_whole_is_looked_up(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案“时序进度”那一部分帮我调出来")
    assert cited(reply)[:2] == ["2022-tongzhou-plan:5", "2022-tongzhou-plan:5.1"]
    writing = assistant.ask("帮我们写一份保护示范区的申报书正文，3000字左右")
    assert not writing.answerable and "不能代写" in writing.answer  # work no guide does


def test_how_many_there_are_by_now_is_no_guides_to_say(assistant: Assistant) -> None:
    assert asks_outcome("江苏目前一共有多少个省级知识产权保护示范区？")
    assert not asks_outcome("现在园区要有多少家企业才能报？")  # a threshold asked
    assert not assistant.ask("江苏目前一共有多少个省级知识产权保护示范区？").answerable


@pytest.mark.parametrize(
    "question",
    ["工业品牌项目评审落选了，可以申请复议吗？", "培训费能从省里拨的项目经费里列支吗？"],
)
def test_appeals_and_spending_rules_are_no_guides_to_say(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not reply.answerable and reply.decision is None
