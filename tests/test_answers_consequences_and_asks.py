"""Questions in applicants' and staff's own words that session 50's blind sets (13as, 13at)
found answered wrongly, one mechanism a test, each with a counter-case: what follows a
breach, an exception word in a sentence that does not ask leave, 由 a body that applies or
does something else, a follow-up that names only a round, the other of two directions, two
asks joined by a comma, a measure asked of no program, which months, a section's items
counted, request tails, who applies asked before examples, an item said most often, a
program's name that holds a word of growth."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.question.asking import asks_outcome
from assistant.question.intent import ELIGIBILITY, detect_intent
from assistant.question.understand import _asks_of_two_intents, understand


def test_what_follows_a_breach_is_the_sanction(assistant: Assistant) -> None:
    reply = assistant.ask("2024年保护示范区报上去的材料要是查出来有假，啥后果")
    assert "2024-protection-zone:6.1" in cited(reply) and "取消立项资格" in reply.answer
    assert "没有写明" not in reply.answer
    reply = assistant.ask("有非正常专利申请的单位会被怎么处理")
    assert "2023-policy-measures:5.18" in cited(reply)


def test_a_consequence_asked_in_a_check_reads_no_fact(assistant: Assistant) -> None:
    reply = asked_in_turns(
        assistant, ["我们县的地理标志还在做2021年省级地标计划项目，22年还能再报吗", "弄虚作假会咋样"]
    )
    assert reply.decision is None
    assert "2022-gi-brand:6.2" in cited(reply) and "记入信用档案" in reply.answer


def test_an_exception_word_in_a_sentence_that_does_not_ask_leave(assistant: Assistant) -> None:
    reply = assistant.ask("工业品牌网上申报截止到哪天？我们想现在补报一下")
    assert "2022-industrial-brand:6.5" in cited(reply) and "1月30日" in reply.answer
    reply = assistant.ask("22年地标项目截止是哪天？现在补报还来得及不")
    assert "2022-gi-brand:6.4" in cited(reply)
    refused = assistant.ask("工业品牌纸质材料过了截止日期才寄到，还能补交吗")
    assert not refused.answerable and not refused.citations


def test_by_a_body_that_does_something_else_is_no_applicant_asked(assistant: Assistant) -> None:
    question = "知识产权纠纷调解服务能不能由政府来购买"
    assert detect_intent(question) != "applicants"
    reply = assistant.ask(question)
    assert "2023-policy-measures:3.11" in cited(reply) and "没有写明" not in reply.answer
    assert detect_intent("专利转化那个方向能不能由管委会牵头申报，谁有资格") in ("applicants", ELIGIBILITY)


def test_a_follow_up_naming_only_a_round_keeps_the_question(assistant: Assistant, kb: KnowledgeBase) -> None:
    reply = asked_in_turns(assistant, ["2022保护示范区有问题联系谁", "24年的呢，换人没"])
    assert "2024-protection-zone:contact" in cited(reply)
    conversation = Conversation()
    assistant.ask("工业品牌要交哪些材料", conversation)
    own_subject = understand(kb, "材料呢，怎么交", conversation)
    assert not own_subject.follow_up  # 材料 is a subject of its own


def test_the_other_of_two_directions(assistant: Assistant) -> None:
    reply = asked_in_turns(
        assistant, ["专利转化专项计划包括哪两块", "高校那块要什么条件", "另一个方向谁来报"]
    )
    assert "2022-patent-transfer:2.2" in cited(reply) and "管委会" in reply.answer
    reply = asked_in_turns(assistant, ["专利转化专项计划包括哪两块", "高校那块谁来报"])
    assert "2022-patent-transfer:1.2" in cited(reply)


def test_two_asks_joined_by_a_comma_are_each_answered(assistant: Assistant) -> None:
    reply = assistant.ask("苏知发〔2021〕140号这个文是哪个单位发的，发给谁？")
    assert "江苏省知识产权局" in reply.answer and "各有关单位" in reply.answer
    assert _asks_of_two_intents("工业品牌对利税有门槛吗，多少") == []  # one thing asked twice
    assert _asks_of_two_intents("多久评一次，评不过会怎样") == ["多久评一次", "评不过会怎样"]


def test_a_measure_asked_of_no_program_needs_a_figure(assistant: Assistant) -> None:
    refused = assistant.ask("侵犯商业秘密罪一般判几年")
    assert not refused.answerable
    reply = assistant.ask("通州专利奖补最多给到官费的百分之多少")
    assert "2022-tongzhou-plan:6.4" in cited(reply) and "50%" in reply.answer


def test_which_months_asks_when(assistant: Assistant) -> None:
    assert detect_intent("通州宣传动员阶段是哪几个月") == "when"
    assert detect_intent("公示期是几个月") == "months"
    reply = assistant.ask("通州宣传动员阶段是哪几个月")
    assert "2022-tongzhou-plan:5.1" in cited(reply) and "没有写明" not in reply.answer


def test_a_sections_items_counted_and_named(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案的基本原则一共几条，都是啥")
    assert "2022-tongzhou-plan:2" in cited(reply) and "坚持争先进位" in reply.answer


@pytest.mark.parametrize("question", ["工业品牌申报条件给我捋一下", "地标项目申报条件帮我梳理一下"])
def test_a_list_named_then_a_request_tail(question: str) -> None:
    assert detect_intent(question) == "conditions"


def test_who_applies_asked_before_examples_is_the_applicants(assistant: Assistant) -> None:
    question = "22年的地标项目谁能报？县政府能报吗，协会呢"
    assert detect_intent(question) == "applicants"
    reply = assistant.ask(question)
    assert reply.decision is None and "2022-gi-brand:2" in cited(reply)
    assert detect_intent("我们是县政府。22年地标项目我们能报吗") == ELIGIBILITY
    assert detect_intent("我们是园区管委会，想报产业知识产权运营中心，啥样的园区才行") == "applicants"


def test_an_item_that_says_the_matter_most_often(assistant: Assistant) -> None:
    reply = assistant.ask("24年县里保护示范区任务要设维权援助什么机构")
    assert cited(reply) == ["2024-protection-zone:4.2.1.6"]


def test_a_programs_name_with_a_word_of_growth_asks_its_period() -> None:
    assert detect_intent("高校院所运营能力提升项目做几年") == "period"
    assert detect_intent("实施期内销售额要提升多少") != "period"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("强省政策啥时候到期", "validity"),
        ("地标项目有问题打给谁", "contact"),
        ("知识产权诚信体系建设归哪个部门", "responsible"),
        ("2024年度保护示范区项目主要扶持啥样的地方", "focus"),
        ("材料造假会咋样", "consequence"),
    ],
)
def test_words_of_asking(question: str, intent: str) -> None:
    assert detect_intent(question) == intent
    assert detect_intent("到期后呢") != "validity"  # the project's period ending, no document's


def test_results_asked_after_the_verb() -> None:
    assert asks_outcome("2022年保护示范区最后立项的是哪几个地方")
    assert not asks_outcome("立项后要完成哪些任务")


def test_a_fee_refunded_is_a_fee_asked(assistant: Assistant) -> None:
    reply = assistant.ask("打知识产权官司的诉讼费，省里能报销一部分吗")
    assert not reply.answerable and not reply.citations


def test_who_applies_asked_by_an_applicant_of_itself_is_a_check() -> None:
    assert detect_intent("协会能不能作为申报主体报工业品牌项目？会员企业都挺支持的。") == ELIGIBILITY
    assert detect_intent("这几个指南里，设区市政府能当申报主体的都有哪些项目？帮列一下。") == "screening"


def test_a_consequence_with_no_sanction_is_the_best_fit(assistant: Assistant) -> None:
    reply = assistant.ask("财政资助项目出来的专利三年没用起来会怎么样")
    assert "2023-policy-measures:5.17" in cited(reply) and "开放许可" in reply.answer


def test_a_follow_up_of_this_year_is_no_round_alone(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["2024年保护示范区是网上报还是交纸质", "那今年的呢，已经开始报了吗"])
    assert not reply.answerable


def test_a_reference_compared_across_two_rounds(assistant: Assistant) -> None:
    reply = assistant.ask("22年和24年保护示范区设区市条件第3条有啥不一样")
    assert cited(reply) == ["2022-protection-zone:3.1.3", "2024-protection-zone:3.1.3"]
    assert "优秀等次" in reply.answer and "撤回率" in reply.answer
    one = assistant.ask("24年保护示范区设区市条件第3条原文")
    assert cited(one) == ["2024-protection-zone:3.1.3"]


def test_a_sections_parts_asked_with_its_title(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案重点任务分成哪几大块")
    assert cited(reply) == ["2022-tongzhou-plan:4"] and "培养知识产权人才" in reply.answer
    reply = assistant.ask("地标项目立项后重点任务都有哪些？列个清单")
    assert cited(reply) == ["2022-gi-brand:4.1"]


def test_each_part_compared_is_answered_from_inside_it(assistant: Assistant) -> None:
    reply = assistant.ask("高价值新建和升级项目对高校专利实施率要求一样吗？")
    assert cited(reply) == ["2022-high-value-patent:4.1.2.2", "2022-high-value-patent:4.2.2.2"]
