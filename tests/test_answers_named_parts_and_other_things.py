"""Questions in applicants' and staff's own words that session 58's blind set 13be (and the older
sets opened before it) found answered wrongly, one mechanism a test: a part of a list named by its
title or its last words, a document the guides only name, a sum of another act, a year before a
guide's part, a matter of a document, what comes before applying, the conversation's direction,
and the same place of another round."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited, printed_in_processes

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant
from assistant.question.intent import detect_intent
from assistant.question.scope import detect, unheld_document, unknown_program


@pytest.mark.parametrize(
    "question",
    [
        "22年园区任务“加强执法监管”重点强化哪些领域的执法监管？",  # the item's title, quoted
        "2022年园区的执法监管任务里，重点强化哪些领域的监管？",  # its last words, before 任务里
    ],
)
def test_a_task_named_by_its_title_is_that_item(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert cited(reply) == ["2022-protection-zone:4.3.1.4"] and "互联网、展会、进出口" in reply.answer


def test_a_document_the_guides_only_name_is_not_answered_from_them(
    kb: KnowledgeBase, assistant: Assistant
) -> None:
    asked = "《江苏省高价值专利培育示范中心建设和管理办法（暂行）》里评价不合格的处理细则是什么？"
    assert unheld_document(kb, asked) == "江苏省高价值专利培育示范中心建设和管理办法（暂行）"
    reply = assistant.ask(asked)
    assert not reply.answerable and "办法（暂行）》的原文" in reply.answer
    # what the guide itself says of it is answered, and a guide's own title is no other document
    assert "2022-high-value-patent:5.3" in cited(
        assistant.ask("高价值专利升级项目评价不合格依据哪个文件处理？")
    )
    assert unheld_document(kb, "《2024年保护示范区申报指南》里县区的条件是什么") is None


@pytest.mark.parametrize(
    "question",
    [
        "企业做知识产权贯标认证，省里补贴多少钱",  # 贯标 (a verb to jieba) is what the sum is of
        "强省政策对企业PCT申请每件补助多少钱？",  # not the program's name, which every line holds
    ],
)
def test_a_sum_of_an_act_no_sentence_names_is_not_stated(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).answerable


def test_a_sum_of_what_the_sentence_names_is_still_answered(assistant: Assistant) -> None:
    reply = assistant.ask("拿了中国专利奖金奖，省里配套奖励多少")
    assert reply.answerable and cited(reply) == ["2023-policy-measures:1.1"]
    # a cap asked of the sum talked about (no subject but the sum itself)
    reply = asked_in_turns(assistant, ["通州方案里的专利资助政策是什么", "资助最多给多少"])
    assert reply.answerable and "50%" in reply.answer


def test_a_year_before_a_part_of_its_guide_is_the_round(kb: KnowledgeBase) -> None:
    assert detect(kb, "24年设区市的绩效目标一共几条，分别是什么？").years == (2024,)
    assert detect(kb, "22年园区的任务").years == (2022,)
    # the applicant's record is no round, nor a year of no round's guide
    assert detect(kb, "2021年发明专利授权量超过10000件的设区市，申报条件是什么").years == ()
    assert detect(kb, "2023年设区市的申报条件").years == ()


def test_how_many_items_and_which_is_the_list(assistant: Assistant) -> None:
    reply = assistant.ask("24年设区市的绩效目标一共几条，分别是什么？")
    assert cited(reply) == ["2024-protection-zone:4.1.2"]


def test_a_program_named_after_a_document_is_a_matter_of_it(kb: KnowledgeBase) -> None:
    assert detect(kb, "强省政策对高价值专利培育中心有什么支持？").programs == ("强省建设政策措施",)
    compared = detect(kb, "强省政策和高价值专利指南有什么区别").programs
    assert set(compared) == {"强省建设政策措施", "高价值专利培育"}


def test_the_document_talked_about_holds_for_follow_ups(assistant: Assistant) -> None:
    turns = ["强省政策对高价值专利培育中心有什么支持？", "专利导航呢"]
    assert cited(asked_in_turns(assistant, turns)) == ["2023-policy-measures:1.2"]


@pytest.mark.parametrize(
    "question",
    ["高价值项目申报之前指南要求先做什么功课？", "高价值专利项目申报前，申报单位必须先做什么功课？"],
)
def test_what_comes_before_applying_is_the_requirement_that_says_so(
    assistant: Assistant, question: str
) -> None:
    assert cited(assistant.ask(question)) == ["2022-high-value-patent:6.2"]


def test_a_section_asked_by_its_own_title_is_that_section(assistant: Assistant) -> None:
    assert cited(assistant.ask("地标项目申报要求有哪些？")) == ["2022-gi-brand:6"]
    assert cited(assistant.ask("地标项目申报条件有哪些？")) == ["2022-gi-brand:3"]
    # an applicant type's part or a direction named before the list asked is no such section
    assert cited(assistant.ask("2022年保护示范区创建，县（市、区）要哪些条件")) == [
        "2022-protection-zone:3.2"
    ]
    assert cited(assistant.ask("园区报产业知识产权运营中心，要具备哪些条件？")) == [
        "2022-patent-transfer:2.3"
    ]


def test_a_direction_said_without_its_filler_word_is_the_program(kb: KnowledgeBase) -> None:
    scope = detect(kb, "学校想报高校院所运营能力提升，对申报单位有什么要求？")
    assert scope.programs == ("专利转化",)


def test_the_direction_talked_about_holds_and_its_part_is_named_by_its_last_words(
    assistant: Assistant,
) -> None:
    school = ["学校想报高校院所运营能力提升，对申报单位有什么要求？", "运营中心要怎么设？"]
    assert cited(asked_in_turns(assistant, school))[0] == "2022-patent-transfer:1.4.1"
    park = ["产业知识产权运营中心发展项目谁来申报？", "园区得具备什么条件", "运营中心本身要完成哪些绩效"]
    assert cited(asked_in_turns(assistant, park)) == ["2022-patent-transfer:2.5.2"]


def test_an_attachment_by_number_and_title_in_the_notices_conversation(assistant: Assistant) -> None:
    turns = ["140号文是哪个单位发的？发给谁？", "一共带了几个附件", "附件2商标品牌那个又分哪两个指南"]
    reply = asked_in_turns(assistant, turns)
    assert {"2022-gi-brand", "2022-industrial-brand"} <= set(cited(reply))


def test_an_alias_that_is_a_section_title_stays_a_step_of_the_reference(assistant: Assistant) -> None:
    turns = ["高价值专利新建项目企业条件是什么", "那升级项目牵头单位的第一条条件是什么"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-high-value-patent:3.2.1"]
    assert cited(assistant.ask("升级项目 三（二）")) == ["2022-high-value-patent:3.2"]


def test_the_level_above_holding_the_project_asks_the_one_area_rule(assistant: Assistant) -> None:
    turns = ["22年保护示范区县（市、区）申报，先得是什么身份？", "要是我们所在的市已经承担了这个项目呢"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-protection-zone:3.p1"]
    # asked whether the applicant can still apply, it is a check, which the rules decide
    asked = "我们县是国家强县工程示范县。不过我们所在的市去年已经承担了省保护示范区创建项目。县里还能报吗"
    assert detect_intent(asked) == "eligibility"


def test_an_act_required_that_no_condition_names_is_answered_from_its_section(
    assistant: Assistant,
) -> None:
    reply = assistant.ask("产业知识产权运营中心要求成立成什么性质的机构？")
    assert cited(reply) == ["2022-patent-transfer:2.4.1"] and "独立法人资格" in reply.answer


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("中国专利奖申报需要满足什么条件", "中国专利奖"),
        ("江苏专利奖今年什么时候截止申报", "江苏专利奖"),
        ("国家知识产权保护示范区的遴选条件有哪些", "国家知识产权保护示范区"),
        ("我们企业的申报条件是什么", None),  # the asker, no program
        ("工业品牌项目申报需要满足什么条件", None),  # a program of the guides
    ],
)
def test_a_program_the_guides_only_name_asked_of_applying(
    kb: KnowledgeBase, question: str, name: str | None
) -> None:
    assert unknown_program(kb, question, bool(detect(kb, question).programs)) == name


def test_whether_all_items_must_be_met_is_asked_with_facts_after_it() -> None:
    asked = "后面那三条是都要满足还是满足一条就行？我们县2020年是真抓实干成效明显地区，但万人发明专利拥有量进不了前10"
    assert detect_intent(asked) == "all_or_one"
    assert detect_intent("我们满足一条") != "all_or_one"  # the applicant's fact, no question


def test_what_is_supported_asked_after_the_verb_is_the_focus(assistant: Assistant) -> None:
    reply = assistant.ask("2024年度保护示范区项目重点扶持的是什么样的地方？")
    assert cited(reply) == ["2024-protection-zone:1"] and "综合实力强" in reply.answer


def test_a_count_of_another_thing_is_no_question_which_programs(assistant: Assistant) -> None:
    reply = assistant.ask("地标项目申报要指定几个地理标志作重点培育对象？")
    assert cited(reply) == ["2022-gi-brand:3.1"] and reply.decision is None


def test_another_round_answers_from_the_same_place(assistant: Assistant) -> None:
    reply = assistant.ask("保护示范区项目24年和22年在资金拨付和评估安排上写法有什么不一样？")
    assert cited(reply) == ["2024-protection-zone:5.3", "2022-protection-zone:5.3"]
    assert "组织专家" in reply.answer


def test_a_list_asked_after_its_matter_is_one_ask(assistant: Assistant) -> None:
    reply = assistant.ask("24年设区市任务里的知识产权国际保护，主要是哪几块工作")
    assert cited(reply) == ["2024-protection-zone:4.1.1.10"]
    # a second ask of its own is still answered (发给谁: the notice's addressees)
    assert "各有关单位" in assistant.ask("140号文是哪个单位发的，发给谁").answer


def test_program_names_are_taken_out_alike_in_every_process(built_settings) -> None:
    """Program names of one length were taken out of a question in a set's order (the process's
    string hashes): 「强省政策措施」 lost 「强省政策」 or 「政策措施」 first, and the subject of
    「被废止的…那份强省政策措施，原来的奖励标准是多少」 with it; in some processes the 2023
    measures' erased sums were quoted as the answer."""
    script = (
        "from assistant.config import Settings\n"
        "from assistant.pipeline import Assistant, Conversation\n"
        "a = Assistant(Settings.from_env())\n"
        "q = '被废止的苏政发2017年那份强省政策措施，原来的奖励标准是多少？'\n"
        "print(a.ask(q, Conversation()).answerable)\n"
    )
    answered = printed_in_processes(script, (0, 1, 2), built_settings.data_dir)
    assert {printed.strip() for printed in answered} == {"False"}
