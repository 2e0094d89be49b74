"""Eligibility in the chat, end to end on the real index: the round, program and applicant
said in passing (a year opening an apply question, a variant's project named alone, 「那…呢」
turning to another program or round, a pair of parent bodies, 「本地」), replies that answer
no question (「是指2024年度那批」), questions of the case (「是不是都满足」「还有别的要求吗」,
a case laid out after 「咨询…：」), and corrections read against what was told before.
From blind sets BO, BP and BQ (session 55)."""

from __future__ import annotations

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR, Settings
from assistant.eligibility import Rules, load_rules
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.question.applicant import detect_program
from assistant.question.fact_turns import facts_from_turns


@pytest.fixture(scope="module")
def assistant(built_settings: Settings, kb: KnowledgeBase) -> Assistant:
    return Assistant(built_settings, kb)


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase) -> Rules:
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


def ask(assistant: Assistant, *turns: str):
    conversation = Conversation()
    replies = [assistant.ask(turn, conversation) for turn in turns]
    return replies[-1]


def guess(rules: Rules, *turns: str):
    found = None
    for turn in turns:
        found = detect_program(turn, rules, found)
    return found


@pytest.mark.parametrize(
    "question",
    [
        "我们是国家知识产权强县工程示范县，所在的市没承担过保护示范区。22年县这一级能报吗？",
        "2022年的县区这一档能申报吗？",
    ],
)
def test_a_year_opening_an_apply_question_names_the_round(rules: Rules, question: str) -> None:
    assert guess(rules, "我们县想问保护示范区。", question).program == "2022-protection-zone"


def test_a_year_of_a_record_before_an_apply_question_is_no_round(rules: Rules) -> None:
    # 「报过」 tells what was done: the round asked is still the current one
    found = guess(rules, "我们县2022年报过保护示范区吗？")
    assert found.program != "2022-protection-zone" or found.year is None


def test_a_variant_named_alone_is_the_high_value_programs(assistant: Assistant) -> None:
    reply = ask(assistant, "2021年知识产权费用只占研发费用的3%，其他条件都符合，新建项目行不行？")
    assert reply.decision is not None
    assert reply.decision["program"] == "2022-high-value-patent-new"
    assert reply.decision["eligible"] is False  # 3% < 5%: one condition fails, whatever the rest


def test_that_program_then_is_the_one_asked(rules: Rules) -> None:
    found = guess(rules, "我们学校高价值专利新建报不了，那专利转化专项计划呢？", "学校在南京，独立法人。")
    assert found.program == "2022-patent-transfer"


def test_another_round_asked_after_a_decision_is_checked(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "2022年保护示范区创建那次，我们市保护工作检查只拿了良好，没报成。",
        "那2024年那一轮呢？我们是2022年度真抓实干成效明显地区，国家级保护中心一直都有，2023年度撤回率也高于全省平均。",
    )
    assert reply.decision["program"] == "2024-protection-zone"
    assert reply.decision["eligible"] is True


@pytest.mark.parametrize(
    "parents", ["我们市里和县里都没有承担过这个项目", "我们市和所在区都没有承担过保护示范区创建项目"]
)
def test_the_parents_named_together_are_not_the_applicant(rules: Rules, parents: str) -> None:
    found = guess(
        rules,
        "想咨询2022年度省知识产权保护示范区创建，园区申报要满足啥？",
        "我们是国家级经开区。",
        f"对了，{parents}。这样可以报吗？",
    )
    assert found.applicant_type == "park"


def test_a_local_thing_is_no_body_of_the_applicant(rules: Rules) -> None:
    found = guess(rules, "市政府这边准备用本地湖区的大闸蟹集体商标报2022年度地理标志培育和保护项目。")
    assert found.applicant_type == "city"


def test_an_agency_asks_of_itself_or_of_its_client(rules: Rules) -> None:
    itself = guess(
        rules, "我们是一家知识产权代理机构，想帮客户也顺便问问，我们机构自己能不能报2022年工业品牌项目？"
    )
    client = guess(
        rules, "我们是一家知识产权代理机构，客户是一家制造企业，想问它能不能报2022年工业品牌项目？"
    )
    assert itself.applicant_type is None and itself.kind == "代理机构"
    assert client.applicant_type == "enterprise"


def test_a_reply_saying_what_was_meant_answers_no_question(assistant: Assistant) -> None:
    reply = ask(
        assistant, "我们县已经建设了国家级知识产权快速维权中心，能报保护示范区吗？", "是指2024年度那批。"
    )
    assert reply.decision["program"] == "2024-protection-zone"
    assert reply.decision["eligible"] is None  # the 2023 rate is still asked, not read from 是
    assert "撤回率" in reply.answer.split("还需要了解")[1]


def test_whether_the_applicant_meets_them_all_is_a_check(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "想确认一下2022年度省知识产权保护示范区创建，设区市的条件我们是不是都满足：我们市是国家知识产权示范城市；"
        "国家级知识产权保护中心已经建成运行；2021年省委省政府对设区市知识产权保护工作检查，我们是优秀等次。",
    )
    assert reply.decision["eligible"] is True
    assert ask(assistant, "后面那几条要全部满足吗").decision is None  # how many items, no check


def test_what_else_an_open_check_needs(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "2022年度保护示范区创建，我们市是国家知识产权示范城市。",
        "国家级知识产权保护中心是2018年建成的。",
        "还有别的要求吗？",
    )
    assert reply.decision is not None and reply.decision["eligible"] is None
    assert "2021年" in reply.answer.split("还需要了解")[1]


def test_a_case_laid_out_after_consulting_is_checked(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "国家级高新技术产业开发区管委会咨询2022年度省知识产权保护示范区创建：有独立的知识产权管理机构，专利、商标、地理标志实行统一管理；"
        "2020年万人发明专利拥有量全省园区前五；是国家知识产权示范园区。园区由市里直管，不归哪个区，市里也没承担过本项目。",
    )
    assert reply.decision is not None
    assert (reply.decision["program"], reply.decision["applicant_type"]) == ("2022-protection-zone", "park")


def test_a_correction_of_parts_that_sum_to_the_whole_keeps_it(rules: Rules) -> None:
    facts = facts_from_turns(
        [
            "我们研究院是江苏注册的科研院所，独立法人，想报高校院所知识产权运营能力提升。知识产权管理人员6人，专职转化1人。",
            "说错了，专职转化的是2人，另外4人兼管。",
        ],
        rules,
        "2022-patent-transfer",
        "research",
    )
    assert facts.values["ip_staff"] == 6 and facts.values["transfer_staff"] == 2


def test_a_correction_gives_the_figure_of_its_own_sentence(rules: Rules) -> None:
    turns = [
        "知识产权制度健全，专兼职管理人员2人。",
        "不好意思，刚才人数说少了，专职2人，另外还有兼职2人，一共4人。相关领域有效专利150件。",
    ]
    facts = facts_from_turns(turns, rules, "2022-high-value-patent-new", "research")
    assert facts.values["ip_staff"] == 4 and facts.values["valid_patents"] == 150
    # 「少看了一位」 is a digit misread, not a count of people: the staff count is asked again
    turns = [
        "专兼职4人。相关领域有效专利80件，发明40件。",
        "说错了，刚才少看了一位，相关领域有效专利是180件，发明140件。",
    ]
    facts = facts_from_turns(turns, rules, "2022-high-value-patent-new", "research")
    assert facts.values["valid_patents"] == 180 and facts.values.get("ip_staff") != 1


def test_the_body_switched_to_is_checked(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们市想报2022年保护示范区创建，不过市里国家级保护中心还没建。",
        "那市里先不报了，换我们市下面的国家级高新区报呢？园区有独立的知识产权管理机构，专利商标地理标志统一管理，"
        "2020年万人发明专利拥有量全省园区第3，国家知识产权示范园区；市里、区里都没承担过保护示范区创建。",
    )
    assert (reply.decision["program"], reply.decision["applicant_type"]) == ("2022-protection-zone", "park")
    assert reply.decision["eligible"] is True  # the park's kind named in the switch is read


def test_a_title_denied_implies_nothing_when_the_program_is_inferred(assistant: Assistant) -> None:
    # 「不是单项冠军」 says nothing of being a 骨干: 龙头 still counts towards the program the facts are about
    reply = ask(
        assistant,
        "我们公司是做化工新材料的龙头企业，江苏注册独立法人，上一年度利税总额一千五百万，不是国家制造业单项冠军，"
        "也不是专精特新小巨人。知识产权和商标方面的条件都还行。",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-industrial-brand"
    assert reply.decision["eligible"] is False


def test_the_variant_applied_for_after_one_given_up(rules: Rules) -> None:
    found = guess(
        rules,
        "高价值专利升级项目能报吗？我们没做过高价值专利项目。",
        "明白了，升级不行。那就报新建：公司苏州注册独立法人，医疗影像设备领军企业。",
    )
    assert found.program == "2022-high-value-patent-new"
    assert guess(rules, "新建不让报。那升级项目行不行？").variant == "upgrade"  # 行不行 gives nothing up


def test_one_more_part_timer_is_no_count_of_the_whole_staff(rules: Rules) -> None:
    turns = [
        "工业品牌项目：我们有独立的知识产权部，专兼职2人。",
        "漏说了一个，知识产权部还有一个兼职的，总共专职1人兼职2人，是3个人。",
    ]
    facts = facts_from_turns(turns, rules, "2022-industrial-brand", "enterprise")
    assert facts.values["ip_staff"] == 3
