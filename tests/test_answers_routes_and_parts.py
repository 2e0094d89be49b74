"""Questions in applicants' and staff's own words that session 46's blind set (13ao) found
answered wrongly, one mechanism a test: a short clause stated whole, the route an application
goes up and the province's review read from 组织方式, a document's parts, the direction of a
guide a question names, and matters the guides do not cover (a year after a plan's span, the
asker's own case, the assistant itself, another body's hotline)."""

from __future__ import annotations

import pytest
from conftest import cited, plain

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.question.intent import detect_intent
from assistant.question.scope import detect


@pytest.mark.parametrize(
    ("question", "clause_id", "fact"),
    [
        # a provision of up to 300 characters is stated whole: the sentence asked about is its
        # third, which the best-fitting first sentence would have left out
        (
            "24年保护示范区设区市的任务里，保护工作要纳入对谁的考核",
            "2024-protection-zone:4.1.1.1",
            "绩效考核",
        ),
        ("高价值新建，企业的专利数量要求多少", "2022-high-value-patent:3.1.1.4", "100件"),
    ],
)
def test_a_short_provision_is_stated_whole(
    assistant: Assistant, question: str, clause_id: str, fact: str
) -> None:
    reply = assistant.ask(question)
    assert clause_id in cited(reply) and fact in plain(reply.answer)


@pytest.mark.parametrize(
    ("turns", "clause_id", "fact"),
    [
        # the route up is the guide's 组织方式, not the line that says where the paper goes
        (["我们是县级市，24年保护示范区材料怎么报上去"], "2024-protection-zone:5.1", "推荐意见"),
        (["24年保护示范区怎么申报", "报送要经过谁"], "2024-protection-zone:5.1", "推荐意见"),
        (["工业品牌项目怎么个报送流程"], "2022-industrial-brand:5.1", "择优推荐"),
        # how the province chooses: its review, not the recommendation below it
        (["工业品牌项目怎么个报送流程", "省里怎么定"], "2022-industrial-brand:5.2", "组织评审"),
    ],
)
def test_the_route_up_and_the_review_are_read_from_the_guides_organisation(
    assistant: Assistant, turns: list[str], clause_id: str, fact: str
) -> None:
    conversation = Conversation()
    for turn in turns:
        reply = assistant.ask(turn, conversation)
    assert cited(reply)[:1] == [clause_id] and fact in reply.answer


def test_how_a_rule_is_set_is_no_review() -> None:
    """「怎么定的」 of a rule compares two rounds; only the province choosing is a review."""
    assert detect_intent("设区市示范区执法案件的绩效要求，22版和24版怎么定的") != "review"
    assert detect_intent("产业运营中心发展这个项目主攻方向怎么定") != "review"
    assert detect_intent("省里怎么定") == "review"


def test_a_documents_parts_are_its_sections_titles(assistant: Assistant) -> None:
    reply = assistant.ask("强省政策措施分成哪几大块")
    assert cited(reply) == ["2023-policy-measures", *(f"2023-policy-measures:{n}" for n in range(1, 7))]
    assert "高效益运用" in reply.answer and "高标准保护" in reply.answer
    # a document that says its parts itself answers with that line and its list
    directions = assistant.ask("专利转化专项计划分成哪几块")
    assert "包括两个方向" in directions.answer and cited(directions)[:1] == ["2022-patent-transfer"]
    # a part named besides the document is no question of the document's parts
    tasks = assistant.ask("高价值专利的任务分几个部分")
    assert "一、支持重点" not in tasks.answer


@pytest.mark.parametrize(
    ("turns", "clause_id"),
    [
        (["产业运营中心的实施期几年"], "2022-patent-transfer:2.4"),
        (["转化专项高校运营中心要做哪些机制创新", "它实施期多长"], "2022-patent-transfer:1.4"),
        # no direction named: the period the guide sets for every project
        (["专利转化项目实施期几年"], "2022-patent-transfer:3.3"),
    ],
)
def test_a_fact_is_read_from_the_direction_named(
    assistant: Assistant, turns: list[str], clause_id: str
) -> None:
    conversation = Conversation()
    for turn in turns:
        reply = assistant.ask(turn, conversation)
    assert cited(reply) == [clause_id] and "2年" in plain(reply.answer)


@pytest.mark.parametrize(
    "question",
    [
        "通州方案到2030年的目标是多少",  # after the span of the plan's title (2022-2025年)
        "通州区2026年知识产权工作要点有哪些",
        "我的商标被别人抢注了怎么办",  # the asker's own case
        "我们公司专利被人侵权了咋办",
        "你是哪个公司开发的？",  # the assistant itself
    ],
)
def test_matters_the_guides_do_not_cover_are_refused(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not reply.answerable and not cited(reply)


def test_a_year_within_a_plans_span_is_its_content(kb: KnowledgeBase) -> None:
    assert detect(kb, "通州方案2025年要达到什么目标").unknown_years == ()
    assert detect(kb, "通州方案到2030年的目标是多少").unknown_years == (2030,)


def test_a_hotline_of_a_body_no_contact_line_names_is_not_given(assistant: Assistant) -> None:
    reply = assistant.ask("知识产权维权援助热线是多少")
    assert "025-" not in reply.answer and "没有写明" in reply.answer


def test_shi_li_names_the_city(assistant: Assistant) -> None:
    """「那市里呢」 after a county's conditions asks the 设区市's."""
    conversation = Conversation()
    assistant.ask("22年保护示范区县里要满足什么条件", conversation)
    reply = assistant.ask("那市里呢", conversation)
    assert cited(reply)[:1] == ["2022-protection-zone:3.1"]


def test_what_a_document_follows_is_its_preambles_basis(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案是依据国知局哪个文件制定的")
    assert cited(reply) == ["2022-tongzhou-plan"] and "131号" in reply.answer


@pytest.mark.parametrize(
    ("turns", "fact"),
    [
        # a lower level of the asker's area asked whether it may apply too: the rule, no check
        (["我们市已经在做省保护示范区项目了，下面的开发区22年还能不能报这个"], "不得申报"),
        (["24年保护示范区申报条件", "市里立了项，下面县还能立吗"], "不同时立项"),
        # (until session 46 this one opened a check of the district, which asked for its facts;
        # the rule answers it whatever they are)
        (["22年保护示范区，如果我们市已经在做这个项目，下面的区还能申请吗？"], "不得申报"),
    ],
)
def test_one_project_per_area_is_the_rule_not_a_check(
    assistant: Assistant, turns: list[str], fact: str
) -> None:
    conversation = Conversation()
    for turn in turns:
        reply = assistant.ask(turn, conversation)
    assert reply.decision is None and fact in reply.answer


@pytest.mark.parametrize(
    ("question", "clause_id"),
    [
        # a list named by its first word at the end, before words of asking
        ("22年设区市报保护示范区条件", "2022-protection-zone:3.1"),
        ("转化专项高校那个方向申报条件说一下", "2022-patent-transfer:1.3"),  # the direction's own list
    ],
)
def test_a_list_named_at_the_end_is_asked(assistant: Assistant, question: str, clause_id: str) -> None:
    assert cited(assistant.ask(question))[:1] == [clause_id]


def test_paper_and_mailing_are_asked_of_the_mailing_line(assistant: Assistant) -> None:
    reply = assistant.ask("2024保护示范区纸质材料最后送到哪里")
    assert cited(reply)[:1] == ["2024-protection-zone:6.3"] and "汉中门大街145号" in reply.answer


def test_a_notices_basis_and_another_review(assistant: Assistant) -> None:
    reply = assistant.ask("140号文里说这批项目是根据什么安排的")
    assert cited(reply) == ["2022-notice"] and "预算安排" in reply.answer
    assert not assistant.ask("我在区市场监管局做申报工作，这个能算职称评审加分吗？").answerable


def test_an_authority_a_guide_names_is_asked_of_the_guide(assistant: Assistant) -> None:
    reply = assistant.ask("政策措施里南京知识产权法院是怎么提的")
    assert cited(reply) == ["2023-policy-measures:3.10"]
    # another court is still another authority's procedure
    assert not assistant.ask("我的专利被侵权了，去哪个法院起诉").answerable


@pytest.mark.parametrize(
    ("question", "clause_id"),
    [
        ("专利转化专项的钱是怎么发的", "2022-patent-transfer:3.3"),
        ("24年县里报保护示范区的话流程怎么走", "2024-protection-zone:5.1"),
    ],
)
def test_money_paid_and_the_route_in_other_words(assistant: Assistant, question: str, clause_id: str) -> None:
    assert cited(assistant.ask(question))[:1] == [clause_id]


def test_a_programs_name_inside_a_documents_own_terms_keeps_the_document(assistant: Assistant) -> None:
    conversation = Conversation()
    assistant.ask("强省政策里知识产权保护有哪些措施", conversation)
    reply = assistant.ask("中欧地标互认那个呢", conversation)
    assert cited(reply) == ["2023-policy-measures:3.12"]
    # the program itself asked for, with a word of its own, turns to the program
    conversation = Conversation()
    assistant.ask("通州方案的主要目标有哪些", conversation)
    reply = assistant.ask("保护示范区的申报条件呢", conversation)
    assert cited(reply)[0].startswith("2024-protection-zone:3")


@pytest.mark.parametrize(
    "question",
    ["园区报24年示范区，非正常专利撤回率看哪一年的数据", "24年保护示范区看的是哪一年的非正常专利撤回率"],
)
def test_the_year_a_condition_counts_is_the_conditions(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert "申报条件" in reply.answer.split("依据：")[-1] and "2023年度" in reply.answer


def test_what_counts_toward_a_figure_is_a_rule_not_a_check(assistant: Assistant) -> None:
    reply = assistant.ask("我们集团母公司报高价值专利，子公司的专利能算进去不")
    assert reply.decision is None and "不得计入集团母公司专利数量" in reply.answer
