"""Questions in applicants' and staff's own words that session 48's blind set (13ar) found
answered wrongly, one mechanism a test, each with a counter-case: a how-much word before a
unit that counts no money, which bodies are responsible, a look-alike of applying (报表), a
policy named with no one to check, a program named in a screening-shaped question, a
growth asked of, another applicant type asked 「一样吗」, a follow-up's own subject, a term's
definition, 「有没有…前提」 as a list asked, 「谁有资格报」, and references to a section and to
an attachment of the notice."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited, plain

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.question.intent import ELIGIBILITY, SCREENING, detect_intent
from assistant.question.understand import understand


def test_a_how_much_word_before_a_count_asks_no_sum(assistant: Assistant) -> None:
    question = "强省政策说财政资助的专利多少年内没转化就可以公开许可"
    assert detect_intent(question) != "amount"
    reply = assistant.ask(question)
    assert "2023-policy-measures:5.17" in cited(reply) and "三年内" in reply.answer
    assert detect_intent("保护示范区补助多少万") == "amount"  # a money unit: a sum asked


def test_which_bodies_are_responsible_is_asked_with_a_which_word(assistant: Assistant) -> None:
    assert detect_intent("通州精品版权培育工程由哪些单位负责？") == "responsible"
    reply = assistant.ask("通州精品版权培育工程由哪些单位负责？")
    assert "区新闻出版局" in reply.answer and "没有写明" not in reply.answer
    assert detect_intent("哪些单位可以申报工业品牌") != "responsible"


def test_a_look_alike_of_applying_asks_no_check(assistant: Assistant) -> None:
    """报表 holds 报; and a policy named has no rules to check an applicant against."""
    question = "企业的知识产权价值能进财务报表么，强省政策里怎么讲的"
    assert detect_intent(question) != ELIGIBILITY
    reply = assistant.ask(question)
    assert reply.decision is None and "财务报表" in reply.answer
    assert "请问您想核对" not in reply.answer
    assert detect_intent("我们企业能报工业品牌吗") == ELIGIBILITY


def test_a_program_named_in_a_screening_shaped_question_is_the_one_asked_of(
    assistant: Assistant, kb: KnowledgeBase
) -> None:
    asked = understand(kb, "专利转化专项里面向中小企业有提什么许可方式吗", Conversation())
    assert asked.turn is not None and asked.turn.intent != SCREENING
    screening = understand(kb, "我们是企业，能报哪些项目", Conversation())
    assert screening.turn is not None and screening.turn.intent == SCREENING


def test_a_growth_asked_of_is_a_target_not_the_conditions(assistant: Assistant) -> None:
    turns = ["2024保护示范区对设区市行政执法案件增长有啥要求", "县里一样吗", "园区呢"]
    conversation = Conversation()
    replies = [assistant.ask(turn, conversation) for turn in turns]
    expected = [
        "2024-protection-zone:4.1.2.1",
        "2024-protection-zone:4.2.2.1",
        "2024-protection-zone:4.3.2.1",
    ]
    assert [cited(r)[:1] for r in replies] == [[e] for e in expected]
    assert all("5%以上" in r.answer for r in replies)
    # a program's own 提升 is no growth asked
    assert detect_intent("高校运营能力提升对人员有啥要求") == "conditions"


def test_two_sides_asked_the_same_are_no_follow_up(assistant: Assistant) -> None:
    reply = assistant.ask("新建和升级项目对专利实施率的要求一样吗")
    assert "80%" in plain(reply.answer) and "请先说明" not in reply.answer


def test_a_follow_up_with_a_subject_of_its_own_answers_that_subject(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["产业知识产权运营中心每年要推送多少条供需信息", "培训人数呢"])
    assert cited(reply)[0] == "2022-patent-transfer:2.5.2.3" and "200" in reply.answer


@pytest.mark.parametrize(
    "question", ["22年保护示范区说的园区具体包括哪几种园区", "2022年保护示范区说的“园区”具体指哪几类园区"]
)
def test_a_term_asked_is_answered_with_its_definition(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert cited(reply)[:1] == ["2022-protection-zone:1"] and "经济技术开发区" in reply.answer


def test_a_definition_must_be_of_the_term_asked(assistant: Assistant) -> None:
    """No sentence defines 带动作用突出: the best sentence of the question, not another's (指…)."""
    reply = assistant.ask("产业运营中心申报里，带动作用突出指的是哪些企业落户园区？")
    assert cited(reply)[:1] == ["2022-patent-transfer:2.3.2"]


@pytest.mark.parametrize(
    ("turns", "clause_id"),
    [
        (["2022保护示范区对县（市、区）有没有身份上的前提？"], "2022-protection-zone:3.2"),
        (["高价值专利培育计划", "那升级项目有什么前提"], "2022-high-value-patent:3.2"),
    ],
)
def test_whether_there_are_preconditions_is_answered_with_them(
    assistant: Assistant, turns: list[str], clause_id: str
) -> None:
    assert cited(asked_in_turns(assistant, turns))[:1] == [clause_id]


def test_one_thing_asked_of_is_no_list(assistant: Assistant) -> None:
    assert detect_intent("地理标志项目里有没有要求搞产品溯源？") != "conditions"
    # (what follows a breach is asked, with 资格 in it: its sanction, not the conditions)
    assert detect_intent("工业品牌项目要是侵犯了别人知识产权被查实，除了取消资格还有啥后果") == "consequence"
    reply = assistant.ask("工业品牌项目要是侵犯了别人知识产权被查实，除了取消资格还有啥后果")
    assert cited(reply)[:1] == ["2022-industrial-brand:6.2"]  # not the conditions


@pytest.mark.parametrize(
    ("question", "clause_id"),
    [
        ("产业知识产权运营中心那个方向，谁有资格报", "2022-patent-transfer:2.2"),
        ("常州一家做电机的制造企业，想了解一下工业品牌项目谁能申报", "2022-industrial-brand:2"),
    ],
)
def test_who_may_apply_is_the_applicants_not_a_check(
    assistant: Assistant, question: str, clause_id: str
) -> None:
    assert detect_intent(question) == "applicants"
    reply = assistant.ask(question)
    assert reply.decision is None and cited(reply)[:1] == [clause_id]


def test_a_section_whose_text_is_its_heading_is_looked_up_with_its_items(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案 时序进度 原文")
    assert cited(reply) == [
        "2022-tongzhou-plan:5",
        "2022-tongzhou-plan:5.1",
        "2022-tongzhou-plan:5.2",
        "2022-tongzhou-plan:5.3",
    ]
    # a clause with text of its own is one citation
    assert cited(assistant.ask("2024年保护示范区申报指南 三、申报条件（三）原文")) == [
        "2024-protection-zone:3.3"
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("苏知发〔2021〕140号附件4", ["2022-notice", "2022-patent-transfer"]),
        ("140号文附件2是什么项目", ["2022-notice", "2022-gi-brand", "2022-industrial-brand"]),
    ],
)
def test_an_attachment_of_the_notice_is_named_by_the_notice(
    assistant: Assistant, question: str, expected: list[str]
) -> None:
    reply = assistant.ask(question)
    assert cited(reply) == expected and "附件" in reply.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # each part's targets, under its title (neither part named alone)
        (
            "新建vs升级，高价值专利的绩效指标差在哪",
            ["2022-high-value-patent:4.1.2", "2022-high-value-patent:4.2.2"],
        ),
        # one target of each part: that target's sentence in each
        (
            "新建和升级项目对专利实施率的要求一样吗",
            ["2022-high-value-patent:4.1.2.2", "2022-high-value-patent:4.2.2.2"],
        ),
    ],
)
def test_two_parts_of_a_guide_compared_are_answered_each(
    assistant: Assistant, question: str, expected: list[str]
) -> None:
    reply = assistant.ask(question)
    assert cited(reply) == expected
    assert reply.answer.index("【新建项目】") < reply.answer.index("【升级项目】")


def test_one_part_named_is_answered_alone(assistant: Assistant) -> None:
    reply = assistant.ask("高价值专利升级项目的绩效目标有哪些")
    assert "【新建项目】" not in reply.answer and cited(reply)[:1] == ["2022-high-value-patent:4.2.2"]


def test_a_question_of_the_programs_period_reads_no_fact(assistant: Assistant) -> None:
    """「实施期多长」 asks; 「地标项目…实施」 had been read as the applicant undertaking one, and a
    decision of 不符合 was given to a question that told nothing."""
    reply = assistant.ask("地标项目实施期多长")
    assert reply.decision is None and "2年" in plain(reply.answer)


def test_a_quota_asked_is_no_service(assistant: Assistant) -> None:
    """「推荐几家」 is a city's quota of recommendations; of firms (代理机构) it asks a service."""
    reply = assistant.ask("工业品牌每个市最多推荐几家企业呐")
    assert cited(reply)[:1] == ["2022-industrial-brand:6.4"] and "不超过5项" in reply.answer
    assert not assistant.ask("能推荐几家靠谱的专利代理机构吗").answerable


@pytest.mark.parametrize(
    ("question", "clause_id"),
    [
        # the asker's introduction names no part of the list asked in another clause
        ("宿迁沭阳县想报24保护示范区，县级的条件有哪些", "2024-protection-zone:3.2"),
        ("企业牵头报HVP新建项目条件列一下，我们是泰州的医药企业", "2022-high-value-patent:3.1.1"),
        ("苏州工业园区问下，24年园区报保护示范区要哪些条件", "2024-protection-zone:3.3"),
    ],
)
def test_a_list_asked_after_the_askers_introduction_is_given(
    assistant: Assistant, question: str, clause_id: str
) -> None:
    reply = assistant.ask(question)
    assert reply.answerable and cited(reply)[:1] == [clause_id]


@pytest.mark.parametrize(
    ("question", "clause_id"),
    [
        ("省政府21条 第（七）条", "2023-policy-measures:2.7"),
        ("强省21条 第（十九）条 自贸区那条", "2023-policy-measures:5.19"),
    ],
)
def test_the_measures_are_named_by_their_count(assistant: Assistant, question: str, clause_id: str) -> None:
    assert cited(assistant.ask(question)) == [clause_id]


def test_until_which_day_online_asks_the_deadline(assistant: Assistant) -> None:
    reply = assistant.ask("高价值专利网上报到几号")
    assert cited(reply)[:1] == ["2022-high-value-patent:6.5"] and "1月30日" in plain(reply.answer)
