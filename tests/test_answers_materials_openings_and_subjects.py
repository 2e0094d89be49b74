"""Questions in applicants' and staff's own words that session 68's blind set (13bv) and the
older sets found answered wrongly, one mechanism a test, each with a counter-case: a comparison
asked in a last sentence of its own, two rounds asked as 「两年的」, a document's validity asked
as 「还管用吗」, the free trade zone by its short name, tasks asked as 「完成哪些工作」, a bureau's
own work not read as a screening, a joint application asked as the rule it is, counts in Chinese
numerals searched as digits, the guide's 申报主体 and the list of
the type's conditions shown in a decision, a guide's opening asked for, the guides of an
attachment talked about, materials asked of another act, a program's name after another subject
matter, the last answer compared with another program or round, a direction by its place, and
an item by its bracketed number alone."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited

from assistant.eligibility.engine import check
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant
from assistant.question.asking import applies_together, asks_which_programs
from assistant.question.intent import COMPARE, detect_intent
from assistant.question.scope import unknown_program
from assistant.text.tokens import counts_in_digits


def test_a_comparison_asked_in_a_last_sentence_of_its_own(assistant: Assistant) -> None:
    question = "2022年规定市立项了县就不立项，2024年的说法是什么？两者区别？"
    assert detect_intent(question) == COMPARE
    reply = assistant.ask(question)
    assert {"2022-protection-zone:5.2", "2024-protection-zone:5.2"} <= set(cited(reply))
    # a statement after the question compares nothing
    assert detect_intent("2024年保护示范区截止日期是哪天？") != COMPARE


def test_two_rounds_asked_as_the_same_or_not(assistant: Assistant) -> None:
    reply = assistant.ask("两年的保护示范区网上申报用的是同一个系统吗？")
    assert {"2022-protection-zone:6.2", "2024-protection-zone:6.2"} <= set(cited(reply))
    assert "江苏省知识产权项目管理信息系统" in reply.answer and "江苏省知识产权综合服务平台" in reply.answer
    one = assistant.ask("2024年保护示范区网上申报用的是哪个系统？")  # one round: no comparison
    assert cited(one) == ["2024-protection-zone:6.2"]


@pytest.mark.parametrize("asked", ["还管用吗", "管不管用", "什么时候生效的"])
def test_a_documents_validity_in_plain_words(assistant: Assistant, asked: str) -> None:
    reply = assistant.ask(f"强省政策出台后，老的强省政策文件{asked}")
    assert reply.answerable and "2023-policy-measures:p1" in cited(reply)


def test_the_free_trade_zone_by_its_short_name(assistant: Assistant) -> None:
    reply = assistant.ask("强省政策里自贸区那条主要讲了什么？")
    assert "2023-policy-measures:5.19" in cited(reply)


def test_tasks_asked_as_the_work_to_complete(assistant: Assistant) -> None:
    reply = assistant.ask("工业品牌项目立项后需要完成哪些工作？")
    assert "2022-industrial-brand:4.1" in cited(reply) and "开展商标品牌战略规划" in reply.answer


def test_a_bureaus_own_work_is_no_screening(assistant: Assistant) -> None:
    question = "作为县知识产权局，工业品牌项目企业报上来以后我们要干什么？"
    assert not asks_which_programs(question)
    assert "2022-industrial-brand:5.1" in cited(assistant.ask(question))
    assert asks_which_programs("我们企业能报什么项目？")


def test_a_joint_application_asked_as_the_rule() -> None:
    assert applies_together("我们企业想和高校一起报高价值专利，可以联合申报吗")
    # the asker's own joint application, asked whether it may: checked
    assert not applies_together("我们是协会，想牵头几家会员企业一起报高价值专利，可以吗")


def test_counts_in_numerals_are_searched_as_digits(assistant: Assistant) -> None:
    assert counts_in_digits("近三年的转化业绩") == "近3年的转化业绩"
    assert counts_in_digits("三十二个") == "32个" and counts_in_digits("十五件") == "15件"
    for kept in ("十四五规划", "二〇二四年", "三大主导产业", "统一", "第十二条", "十九条"):
        assert counts_in_digits(kept) == kept
    reply = assistant.ask("2022年专利转化高校院所近三年的转化业绩要求多少")
    assert "2022-patent-transfer:1.3.3" in cited(reply)
    # 两 stays: 「两个」 asked is no item marked 「2.」 (whose digits staff look items up by)
    assert counts_in_digits("两个都立吗") == "两个都立吗"
    same_area = assistant.ask("如果市里和下面一个区今年都报了保护示范区，省里会两个都立吗")
    assert "2024-protection-zone:5.2" in cited(same_area)
    assert cited(assistant.ask("强县方案 保障措施第4条")) == ["2022-tongzhou-plan:6.4"]


def test_a_decision_shows_the_guides_own_subject_section(kb: KnowledgeBase, assistant: Assistant) -> None:
    rules = assistant.desk.rules
    decision = check(rules, "2024-protection-zone", "park", {})
    assert decision.conditions[0].clause_id == "2024-protection-zone:2"
    assert "园区管委会" in decision.conditions[0].reason
    # where the section is itself a condition, it is checked as one, never shown met
    patent = check(rules, "2022-high-value-patent-new", "enterprise", {})
    subject_rows = [c for c in patent.conditions if c.clause_id == "2022-high-value-patent:2"]
    assert len(subject_rows) == 1 and subject_rows[0].status.value != "met"


def test_a_guides_opening_asked_for(assistant: Assistant) -> None:
    reply = assistant.ask("苏知发〔2021〕140号 附件4 开头那段")
    assert cited(reply) == ["2022-patent-transfer"]
    assert "产业知识产权运营中心发展" in reply.answer and "（一）" not in reply.answer
    assert cited(assistant.ask("通州方案的开头")) == ["2022-tongzhou-plan"]
    # an opening of something else than a guide is no reference
    assert "2024-protection-zone" not in cited(assistant.ask("申报材料开头要写什么"))


def test_the_guides_of_an_attachment_talked_about(assistant: Assistant) -> None:
    turns = ["苏知发〔2021〕140号是个什么文件？", "附件2是什么", "它下面分了几个指南？"]
    reply = asked_in_turns(assistant, turns)
    assert {"2022-gi-brand", "2022-industrial-brand"} <= set(cited(reply))


def test_materials_asked_of_another_act_are_not_the_applications(assistant: Assistant) -> None:
    for question in ("高价值专利中期评估要交哪些材料", "江苏专利奖申报需要准备哪些材料"):
        assert not assistant.ask(question).answerable, question
    reply = assistant.ask("高价值专利申报要提交哪些材料？")
    assert reply.answerable and any(c.startswith("2022-high-value-patent:6") for c in cited(reply))


def test_a_programs_name_with_another_subject_before_it(kb: KnowledgeBase) -> None:
    assert unknown_program(kb, "商业秘密保护示范区怎么申报", True) == "商业秘密保护示范区"
    assert unknown_program(kb, "数据知识产权保护示范区申报条件", True) == "数据知识产权保护示范区"
    for own in (
        "苏州工业园区保护示范区申报条件",
        "我们高新区保护示范区怎么申报",
        "产业知识产权运营中心怎么申报",
    ):
        assert unknown_program(kb, own, True) is None, own


def test_what_was_just_answered_compared_with_another_program(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["2022年地标项目联系电话多少", "这个号码跟高价值专利那边的一样吗？"])
    assert {"2022-gi-brand:contact", "2022-high-value-patent:contact"} <= set(cited(reply))
    rounds = asked_in_turns(assistant, ["2024年保护示范区截止日期是哪天", "这个跟2022年的一样吗"])
    assert {"2024-protection-zone:6.3", "2022-protection-zone:6.3"} <= set(cited(rounds))
    # another program asked with no word of comparing: that program's own answer
    other = asked_in_turns(assistant, ["2022年地标项目联系电话多少", "那高价值专利的呢"])
    assert "2022-gi-brand:contact" not in cited(other)


def test_a_direction_named_by_its_place_after_the_directions_were_listed(assistant: Assistant) -> None:
    first = asked_in_turns(assistant, ["转化专项有哪几个方向？", "第一个谁能报"])
    assert cited(first) == ["2022-patent-transfer:1.2"]
    second = asked_in_turns(assistant, ["专利转化项目分几个方向", "第二个谁能报"])
    assert cited(second) == ["2022-patent-transfer:2.2"]


def test_a_decision_cites_the_list_of_the_types_conditions(assistant: Assistant) -> None:
    reply = assistant.ask("我们是县里的，24年保护示范区能报吗，要什么条件？")
    assert reply.decision is not None and "2024-protection-zone:3.2" in cited(reply)
    # a type whose clause is the 申报主体 line has no list to cite
    assert "对照的条款" not in assistant.ask("地标项目县政府能报吗").answer


def test_an_item_named_by_its_bracketed_number_alone(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["24年县（市、区）的项目任务有哪些？", "（6）是啥？"])
    assert cited(reply) == ["2024-protection-zone:4.2.1.6"]
    typed = asked_in_turns(
        assistant, ["24年县（市、区）的项目任务有哪些？", "（6）是啥？", "那设区市的（6）呢？"]
    )
    assert cited(typed) == ["2024-protection-zone:4.1.1.6"]
