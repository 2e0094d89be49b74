"""Questions in applicants' and staff's own words that session 62 found answered wrongly in the
blind sets 13bi–13bl, one mechanism a test, each with a counter-case: how a title the guides
name is judged, a document named by its number or asked what it says, where something is to be
built, another authority's people, what only a program's guide holds asked in a conversation
about a policy, the program a check was made for, the way up asked with a level, the members of
a term no guide lists, another type's or another round's list asked whether it holds a matter,
an item of another type's list by its place, whether a round is open with nothing told, one
matter asked of each of two rounds, the sum of the support just quoted, the holders of a title,
a section of the guide talked about by its title, and a matter asked of its requirements."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited

from assistant.pipeline import Assistant
from assistant.question.asking import asks_outcome
from assistant.question.intent import detect_intent


@pytest.mark.parametrize(
    "question",
    [
        "真抓实干成效明显地区是怎么评出来的，评选标准是啥",
        "省知识产权工作真抓实干成效明显地区是按什么标准评的",
        "外观设计金奖的评审标准是什么",
        "“苏地优品”认定要什么条件？",
    ],
)
def test_how_a_title_the_guides_name_is_judged_is_not_theirs(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).answerable


def test_the_review_of_a_program_of_the_guides_is_answered(assistant: Assistant) -> None:
    reply = assistant.ask("保护示范区的评审标准是什么")  # 五、组织方式: the bureau reviews
    assert reply.answerable and "2024-protection-zone:5.2" in cited(reply)


@pytest.mark.parametrize(
    "question",
    [
        "国知发运函字〔2022〕131号确定了哪些强县示范县",  # cited by the 通州 plan, no guide
        "国知发运函字〔2022〕131号里江苏还有哪些县？",
        "《江苏省高价值专利培育示范中心建设和管理办法（暂行）》具体写了什么？",
    ],
)
def test_a_document_the_guides_only_name_is_not_read(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).answerable


def test_a_guide_named_by_its_own_number_is_read(assistant: Assistant) -> None:
    reply = assistant.ask("苏知发〔2021〕140号附件3的联系人是谁")
    assert cited(reply) == ["2022-high-value-patent:contact"]


def test_where_a_thing_is_built_asks_no_place_word(assistant: Assistant) -> None:
    # 「哪些地方」 asks where: 地方 of 「地方分中心」 (3.12) says nothing of it
    reply = assistant.ask("强省政策说知识产权工作站建在哪些地方")
    assert cited(reply)[0] == "2023-policy-measures:4.13"


def test_another_authoritys_people_are_not_the_guides(assistant: Assistant) -> None:
    turns = ["地标项目找谁问", "转化专项呢", "国家局那边这块谁负责，电话多少"]
    assert not asked_in_turns(assistant, turns).answerable
    reply = asked_in_turns(assistant, turns[:2])  # the program's own contact is answered
    assert cited(reply) == ["2022-patent-transfer:contact"]


def test_what_only_a_programs_guide_holds_is_asked_of_the_program(assistant: Assistant) -> None:
    # in a conversation about the 2023 measures, whose text names 高价值专利培育 but no quota
    turns = ["被认定为国家示范的县，省里有什么政策？", "真抓实干激励地区在高价值推荐名额上有好处吗？"]
    assert "2022-high-value-patent:6.4" in cited(asked_in_turns(assistant, turns))


def test_a_follow_up_after_a_check_asks_of_the_program_checked(assistant: Assistant) -> None:
    turns = ["工业品牌项目谁能报", "我们正在做省战略推进计划项目，尾款还没拨，能报吗", "做完了销售额要涨多少"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-industrial-brand:4.2.1"]


@pytest.mark.parametrize(
    "question",
    [
        "我们是省属高校，报高价值是不是要先经过区里？",  # a verb of passing and a level
        "新型研发机构报高价值能直接报给省局吗？",
    ],
)
def test_the_way_up_asked_with_a_level_is_the_route(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.decision is None and "2022-high-value-patent:5.1" in cited(reply)


def test_what_a_project_must_achieve_asked_as_its_effect(assistant: Assistant) -> None:
    assert cited(assistant.ask("工业品牌项目做完要达到什么效果？")) == ["2022-industrial-brand:4.2"]


@pytest.mark.parametrize(
    "question",
    [
        "行政执法“三项制度”具体是哪三项？",
        "通州方案里说的“五区五高”具体是哪五区、哪五高？",
        "“三项制度”包括哪些",
    ],
)
def test_the_members_of_a_term_no_guide_lists_are_not_theirs(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).answerable


def test_a_list_asked_with_a_count_is_still_answered(assistant: Assistant) -> None:
    assert assistant.ask("地理标志项目的绩效目标有哪三项").answerable  # 哪三项 asks, names no term


def test_whether_another_types_list_holds_a_matter_is_that_list(assistant: Assistant) -> None:
    turns = ["24年县区的绩效目标有哪些", "园区有没有息诉率的要求"]
    assert cited(asked_in_turns(assistant, turns))[0] == "2024-protection-zone:4.3.2"


def test_another_rounds_list_named_after_one_item_quoted(assistant: Assistant) -> None:
    turns = ["24年设区市的绩效目标里一审服判息诉率要多少", "22年设区市的绩效目标有这个指标吗"]
    assert cited(asked_in_turns(assistant, turns))[0] == "2022-protection-zone:4.1.2"
    turns = ["24年园区的绩效目标有哪些？", "县的呢，服判息诉率有要求吗？", "那22年县里有这个要求吗？"]
    assert cited(asked_in_turns(assistant, turns))[0] == "2022-protection-zone:4.2.2"


def test_a_follow_up_that_asks_a_list_by_its_own_words(assistant: Assistant) -> None:
    # the words of the question before (一审服判息诉率, no goal of 2022's 县) do not sink it
    turns = [
        "24年县里保护示范区的绩效目标有哪些？",
        "园区也有一审服判息诉率这个指标吗？",
        "那22年县里的绩效目标呢？",
    ]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-protection-zone:4.2.2"]


def test_whether_a_round_is_open_with_nothing_told_is_its_deadline(assistant: Assistant) -> None:
    reply = assistant.ask("工业品牌项目现在还能报吗？截止是哪天？")
    assert cited(reply) == ["2022-industrial-brand:6.5"] and "截止" in reply.answer
    told = assistant.ask("我们是无锡的工业企业，利税3000万，工业品牌项目现在还能报吗")
    assert "结论" in told.answer  # facts told: they are checked


def test_a_reference_asked_of_each_of_two_rounds(assistant: Assistant) -> None:
    reply = assistant.ask("设区市报保护示范区，22年和24年第三条条件分别是啥？")
    assert {"2022-protection-zone:3.1.3", "2024-protection-zone:3.1.3"} <= set(cited(reply))


@pytest.mark.parametrize(
    "question",
    [
        # 「不过省局…」「通过省里验收」: a level after 过, no way up asked
        "我们是国家知识产权强县建设示范县，想报24年省保护示范区。不过省局通报的数据，23年度我们的"
        "非正常专利申请撤回率比全省平均低了零点几个百分点，这个影响吗，能报吗？",
        "我校高价值专利培育项目2019年通过省里验收，正在承担国家重点研发计划项目，无失信、无非正常专利申请，升级项目能报吗",
    ],
)
def test_a_level_after_a_word_of_passing_in_the_facts_is_still_checked(
    assistant: Assistant, question: str
) -> None:
    assert assistant.ask(question).decision is not None


def test_an_item_of_another_types_list_by_its_place(assistant: Assistant) -> None:
    turns = ["24年保护示范区设区市的项目任务有哪些", "第五条说的啥", "那县里的第五条呢"]
    assert cited(asked_in_turns(assistant, turns)) == ["2024-protection-zone:4.2.1.5"]


def test_one_matter_asked_of_each_of_two_rounds(assistant: Assistant) -> None:
    reply = assistant.ask("22年和24年县区申报条件里真抓实干分别看哪一年的")
    assert {"2022-protection-zone:3.2.1", "2024-protection-zone:3.2.1"} <= set(cited(reply))


@pytest.mark.parametrize(
    "question",
    ["全国国家知识产权强县建设示范县有哪些？", "我们市的评审分数能查吗？"],  # a title's holders, a score
)
def test_what_a_round_or_a_title_came_to_is_an_outcome(question: str) -> None:
    assert asks_outcome(question)


def test_the_conditions_of_a_title_are_no_outcome() -> None:
    assert not asks_outcome("国家知识产权强县建设示范县的申报条件有哪些")


def test_the_sum_of_the_support_just_quoted_is_not_another_clauses(assistant: Assistant) -> None:
    turns = ["强省政策对知识产权服务业集聚区有啥支持", "补助具体多少钱，按什么标准"]
    reply = asked_in_turns(assistant, turns)  # 「给予适当补助」 says no sum; 1.1's erased sums are 专利奖's
    assert not reply.answerable and cited(reply) == ["2023-policy-measures:4.14"]


def test_the_sum_of_a_thing_is_in_the_sentence_that_names_it(assistant: Assistant) -> None:
    reply = assistant.ask("江苏强省政策里高价值专利培育中心具体资助多少万")
    assert not reply.answerable and "高价值专利培育中心给予资金支持" in reply.answer
    erased = assistant.ask("强省政策里江苏专利奖金奖奖励多少钱")  # its own sentence, its sums erased
    assert erased.answerable and "编码损坏" in erased.answer


def test_a_section_of_the_guide_talked_about_asked_for_by_its_title(assistant: Assistant) -> None:
    # 保障措施 is a title of the 通州 plan's alone: the conversation's guide is meant
    reply = asked_in_turns(assistant, ["通州方案的主要任务", "保障措施那部分也发一下"])
    assert cited(reply)[0] == "2022-tongzhou-plan:6"


def test_papers_asked_with_a_level_are_no_channel() -> None:
    assert detect_intent("市里报省局的时候还要附什么？") != "channel"
    assert detect_intent("能直接报省局吗") == "channel"


def test_a_matter_opening_the_question_asked_of_its_requirements(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["24年保护示范区怎么报，网上还是交纸质", "装订有啥要求"])
    assert cited(reply) == ["2024-protection-zone:6.2"]  # 装订 is said by no condition


def test_the_way_up_asked_as_an_order_of_levels_or_a_procedure(assistant: Assistant) -> None:
    reply = assistant.ask("我们是省属高校，报高价值要先交区里审吗？")
    assert cited(reply) == ["2022-high-value-patent:5.1"]
    reply = assistant.ask("22年保护示范区县里报走什么程序")  # (not 「统一管理」 of a condition)
    assert cited(reply) == ["2022-protection-zone:6.1"]


@pytest.mark.parametrize(
    "question", ["首台套认定要满足哪些条件，去哪申请", "北美大学技术经理人协会是个什么机构"]
)
def test_a_title_or_a_body_the_guides_only_name_is_not_explained(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).answerable


def test_a_body_the_guides_set_out_is_explained(assistant: Assistant) -> None:
    assert assistant.ask("产业知识产权运营中心是什么机构").answerable


def test_a_past_count_is_an_outcome_and_a_list_of_one_is_no_text() -> None:
    assert asks_outcome("省里知识产权证券化产品去年发了几单")
    assert not asks_outcome("园区要推送多少条信息")


def test_a_results_list_asked_to_be_sent_is_no_lookup(assistant: Assistant) -> None:
    assert not assistant.ask("22年高价值专利培育项目立项名单能发我一下吗").answerable


def test_a_document_pointed_back_to_by_its_kind(assistant: Assistant) -> None:
    turns = ["《江苏省高价值专利培育示范中心建设和管理办法（暂行）》具体写了什么？", "这个办法是哪年发布的？"]
    assert not asked_in_turns(assistant, turns).answerable
    turns = ["高价值升级项目评价不合格怎么办", "那个管理办法里不合格是不是直接摘牌？"]
    assert not asked_in_turns(assistant, turns).answerable


def test_another_item_of_the_list_named_by_its_title(assistant: Assistant) -> None:
    turns = ["通州强县创建宣传动员阶段是什么时候", "组织实施呢"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-tongzhou-plan:5.2"]


def test_the_document_named_as_saying_is_the_one_asked(assistant: Assistant) -> None:
    reply = assistant.ask("强省政策说高价值专利培育中心由谁组建，给不给钱")
    assert cited(reply) == ["2023-policy-measures:1.1"]


def test_two_short_years_joined_are_both_rounds(assistant: Assistant) -> None:
    reply = assistant.ask("市和下面县同时报，22年和24年立项规则怎么定的")
    assert {"2022-protection-zone:5.2", "2024-protection-zone:5.2"} <= set(cited(reply))


def test_a_count_in_a_unit_is_answered_by_the_figure_in_it(assistant: Assistant) -> None:
    reply = assistant.ask("产业运营中心每年要培训多少人")
    assert cited(reply)[0] == "2022-patent-transfer:2.5.2.3"


@pytest.mark.parametrize(
    "question",
    ["“江苏精品”认定又要满足什么条件？", "那诉前禁令要交多少担保金？", "那24年立项名单呢？"],
)
def test_recognition_a_sum_paid_and_a_results_list_asked_in_a_follow_up(
    assistant: Assistant, question: str
) -> None:
    assert not assistant.ask(question).answerable


def test_when_a_notice_was_sent_out(assistant: Assistant) -> None:
    assert "2021 年 12 月 24 日" in assistant.ask("140号文是啥时候发的？").answer


def test_an_item_of_the_same_list_of_another_round_by_its_place(assistant: Assistant) -> None:
    turns = ["24年园区创保护示范区要完成哪些任务？", "第四条呢？", "那22年园区任务的第四条呢？"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-protection-zone:4.3.1.4"]


def test_a_stage_by_its_place(assistant: Assistant) -> None:
    turns = ["通州方案到2025年有哪些产出目标？", "第二阶段是什么时候？"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-tongzhou-plan:5.2"]
