"""Questions in applicants' and staff's own words that session 60's blind sets (13bf, 13bg
opened; 13bh written at its start) and the older sets found answered wrongly, one mechanism a
test, each with a counter-case: whether a body was chosen or targets were met, what will come
after a document, forecasts, how many a round chose, who holds a title of a year, a named
place's standing, the members of a list; another place compared with Jiangsu; a city's own
bureau asked for its contact; an examination; an act intended then asked how, and how or where
another act is done; how a thing is recognized; details of practice no guide gives; leave asked
beside a question the guides answer; a title of 省; a channel; applying together; the asker's own
records; a reference that names an applicant type; an item of the list just shown by its place;
the item before or after the one just quoted; 「还有啥要求」 of the program talked about; another
round asked whether it keeps what was just quoted; a year with no round of the program; a
comparison asked with 哪个要求高."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns, cited

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant
from assistant.question.asking import asks_outcome
from assistant.question.intent import ELIGIBILITY, detect_intent
from assistant.question.not_covered import asks_exception, unstated_detail


@pytest.mark.parametrize(
    "question",
    [
        "苏州工业园区有没有被认定为省知识产权保护示范区？",
        "这些目标2025年最后都完成了吗？",
        "到期以后会出台新版政策吗？",
    ],
)
def test_what_came_or_will_come_is_asked(question: str) -> None:
    assert asks_outcome(question)


@pytest.mark.parametrize(
    "question",
    [
        "园区被认定为国家级知识产权强国建设示范园区的，可以报吗",  # a condition, not a result
        "学校近三年平均每年授权一百二十件专利，其中发明六十件，达标了吗",  # the applicant's own check
        "通州方案要完成哪些任务",
    ],
)
def test_a_condition_or_a_target_is_no_outcome(question: str) -> None:
    assert not asks_outcome(question)


def test_another_place_compared_with_jiangsu_by_like(assistant: Assistant) -> None:
    refused = assistant.ask("上海有没有类似江苏高价值专利培育计划的项目，条件是什么？")
    assert not refused.answerable and "上海" in refused.answer
    answered = assistant.ask("江苏高价值专利培育计划的申报条件是什么")
    assert answered.answerable and "2022-high-value-patent:3" in cited(answered)


def test_a_citys_own_bureau_is_not_the_provinces(assistant: Assistant) -> None:
    refused = assistant.ask("苏州市知识产权局负责这个项目的人电话多少？")
    assert not refused.answerable
    province = assistant.ask("省知识产权局负责这个项目的人电话多少？")
    assert province.answerable and "025-83279961" in province.answer


def test_an_examination_is_in_no_guide(assistant: Assistant) -> None:
    refused = assistant.ask("专利代理师资格考试的报名条件是什么？")
    assert not refused.answerable and not refused.citations
    quoted = assistant.ask("强省政策里对专利代理师资格考试怎么说的")  # the measures name it
    assert "2023-policy-measures:4.14" in cited(quoted)


def test_an_act_intended_then_asked_how(assistant: Assistant) -> None:
    refused = assistant.ask("企业想用地理标志专用标志，具体怎么申请？")
    assert not refused.answerable
    applying = assistant.ask("我们县想报地标项目，具体怎么申请？")  # applying for the program
    assert applying.answerable


def test_a_detail_no_guide_gives_is_named_in_the_reply(assistant: Assistant) -> None:
    refused = assistant.ask("寄纸质材料到省政务服务中心，邮编填多少？")
    assert not refused.answerable and "没有写明具体的「邮编」" in refused.answer


def test_details_of_practice_no_guide_gives(kb: KnowledgeBase) -> None:
    for question in (
        "寄纸质材料到省政务服务中心，邮编填多少？",
        "受理窗口周末收材料吗？",
        "奖金要交个税吗？",
    ):
        assert unstated_detail(kb, question) is not None
    # the deadline is asked beside it; and a word the guides hold is no unstated detail
    assert unstated_detail(kb, "纸质材料寄到哪个地址？周末收不收？") is None
    assert unstated_detail(kb, "政策措施对保护中心的编制有没有说法") is None


def test_leave_asked_beside_a_question_the_guides_answer(kb: KnowledgeBase, assistant: Assistant) -> None:
    assert asks_exception(kb, "24年保护示范区过了截止日期还能补交材料吗？")
    assert not asks_exception(kb, "22年保护示范区截止到哪天？现在还能补报吗？")
    reply = assistant.ask("22年保护示范区截止到哪天？现在还能补报吗？")
    assert "2022-protection-zone:6.3" in cited(reply)


def test_a_places_own_ranking_and_a_title_awarded(assistant: Assistant) -> None:
    assert asks_outcome("我们区20年万人发明专利拥有量排第几？")
    assert not asks_outcome("万人发明专利拥有量要排到第几名以内？")  # the threshold
    refused = assistant.ask("省知识产权工作真抓实干成效明显地区是怎么评出来的？")
    assert not refused.answerable
    condition = assistant.ask("县里报24年保护示范区，真抓实干成效明显地区是哪年的？")
    assert "2024-protection-zone:3.2.1" in cited(condition)


def test_a_channel_and_applying_together_are_rules() -> None:
    assert detect_intent("我们是省属高校，高价值项目要先报县局吗？") == "channel"
    for question in ("可以几家一起报吗？", "高价值专利培育计划可以联合申报吗？牵头单位可以是哪些？"):
        assert detect_intent(question) != ELIGIBILITY
    assert detect_intent("我们是企业，能报高价值专利培育计划吗？") == ELIGIBILITY


def test_applying_together_is_answered_from_who_applies(assistant: Assistant) -> None:
    turns = ["苏知发〔2021〕140号附件3是哪个指南？", "谁能报？", "可以几家一起报吗？"]
    reply = asked_in_turns(assistant, turns)
    assert reply.decision is None and "2022-high-value-patent:2" in cited(reply)


def test_a_reference_that_names_an_applicant_type(assistant: Assistant) -> None:
    reply = assistant.ask("22年保护示范区县区条件第1项原文是什么？")
    assert cited(reply) == ["2022-protection-zone:3.2.1"]
    # a part of the guide named as well (条件) outweighs an item of the same type elsewhere
    reply = assistant.ask("园区没被认定为国家级知识产权强国建设示范园区，24年还有别的办法满足第二项条件吗？")
    assert "2024-protection-zone:3.3.2" in cited(reply)


def test_an_item_of_the_list_just_shown(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["通州方案加大知识产权保护这部分有哪些任务？", "第6条呢？"])
    assert cited(reply) == ["2022-tongzhou-plan:4.4.6"]
    reply = asked_in_turns(
        assistant, ["通州方案“加大知识产权保护”有哪些任务？", "第二项司法保护具体怎么写的？"]
    )
    assert cited(reply) == ["2022-tongzhou-plan:4.4.2"]
    # after a lookup of a section, the next number is the next section
    reply = asked_in_turns(assistant, ["通州方案 五、时序进度 原文", "第六条呢"])
    assert cited(reply)[0] == "2022-tongzhou-plan:6"


def test_the_item_before_or_after_the_one_just_quoted(assistant: Assistant) -> None:
    turns = ["通州方案总结验收阶段要做什么"]
    assert cited(asked_in_turns(assistant, [*turns, "它前面那个阶段呢？"])) == ["2022-tongzhou-plan:5.2"]
    turns = ["通州方案组织实施阶段是哪段时间"]
    assert cited(asked_in_turns(assistant, [*turns, "下一个阶段呢"])) == ["2022-tongzhou-plan:5.3"]


def test_what_else_the_program_talked_about_requires(assistant: Assistant) -> None:
    turns = ["我们公司主商标用了4年，工业品牌对商标使用年限怎么规定的？", "知识产权管理方面还有啥要求？"]
    reply = asked_in_turns(assistant, turns)
    assert all(c.startswith("2022-industrial-brand") for c in cited(reply))


def test_another_round_asked_whether_it_keeps_what_was_quoted(assistant: Assistant) -> None:
    turns = [
        "22年那批保护示范区，县（市、区）得先是什么身份才能报？",
        "万人发明专利拥有量要排到第几名以内？",
        "那24年还有这个排名要求吗？",
    ]
    reply = asked_in_turns(assistant, turns)  # no clause of 2024 speaks of a ranking
    assert reply.answerable and "2024-protection-zone:3.2" in cited(reply) and "撤回率" in reply.answer
    turns = [
        "22年保护示范区 设区市申报要满足啥",
        "如果设区市已经承担了，下面的县还能报吗",
        "24年还有这个限制吗",
    ]
    reply = asked_in_turns(assistant, turns)
    assert "2024-protection-zone:5.2" in cited(reply)  # a clause of 2024 that answers it


def test_a_comparison_asked_with_which_is_higher(assistant: Assistant) -> None:
    reply = assistant.ask("研发投入占比，工业品牌和高价值新建哪个要求高？")
    assert {"2022-industrial-brand:3.4", "2022-high-value-patent:3.1.1.2"} <= set(cited(reply))


def test_two_bodies_each_applying_with_the_same_thing_are_checked(assistant: Assistant) -> None:
    reply = assistant.ask("市和县能拿同一个地标一起报吗？")  # not applying together: the rule of one GI
    assert "2022-gi-brand:6.1" in cited(reply)


def test_which_kinds_of_bodies_may_apply() -> None:
    assert detect_intent("高价值专利培育计划项目，哪些类型的单位能申报？能不能联合报？") == "applicants"
    assert detect_intent("我们是企业，有哪些项目可以申报？") == "screening"


def test_how_a_thing_is_recognized(kb: KnowledgeBase, assistant: Assistant) -> None:
    turns = ["工业品牌项目的绩效目标有哪些", "“江苏精品”是怎么认定的？去哪申请？"]
    assert not asked_in_turns(assistant, turns).answerable
    # a clause says what it is judged by: answered
    reply = assistant.ask("工业品牌 非正常专利申请行为怎么认定，以谁的为准")
    assert "2022-industrial-brand:3.5" in cited(reply)


@pytest.mark.parametrize(
    "question",
    [
        "中欧地理标志互认互保清单里江苏有哪些产品？",  # the members of a list
        "你觉得我们县的条件报保护示范区能评上吗？给点建议",  # a forecast
        "22年地标项目全省一共立几个",  # how many a round chose
        "苏州工业园区是不是国家级知识产权强国建设示范园区？",  # a named place's own standing
    ],
)
def test_lists_forecasts_counts_and_standing_are_outcomes(question: str) -> None:
    assert asks_outcome(question)


@pytest.mark.parametrize(
    "question",
    [
        "工业品牌项目的任务清单有哪些？",  # a list of the guide's own
        "设区市推荐新建项目不超过几项",  # a quota
        "通州区的专利资助政策是不是要砍了？怎么调整的",  # of a policy, not a place's standing
        "我们县是不是国家级强县试点县",  # the asker's own fact
    ],
)
def test_the_guides_own_lists_and_quotas_are_no_outcomes(question: str) -> None:
    assert not asks_outcome(question)


@pytest.mark.parametrize(
    "question",
    ["研发费用加计扣除比例现在是多少", "工业品牌项目评审要现场答辩吗？", "商标恶意注册一般罚款多少"],
)
def test_more_details_no_guide_gives(kb: KnowledgeBase, question: str) -> None:
    assert unstated_detail(kb, question) is not None


def test_looking_up_the_askers_records_is_no_work_of_the_guides(assistant: Assistant) -> None:
    refused = assistant.ask("帮我查一下我们公司那件专利年费是不是快到期了")
    assert not refused.answerable and "不能查询" in refused.answer
    lookup = assistant.ask("通州方案 四（四）6 帮忙查一下")  # a staff lookup asked so
    assert "2022-tongzhou-plan:4.4.6" in cited(lookup)


@pytest.mark.parametrize(
    "question",
    [
        "作品版权登记怎么办，收费吗",
        "地理标志专用标志怎么申请使用？",
        "地理标志专用标志使用申请去哪里办，流程是啥",
    ],
)
def test_how_or_where_another_act_is_done(assistant: Assistant, question: str) -> None:
    assert not assistant.ask(question).answerable


def test_arrangements_the_guides_set_out_are_answered(assistant: Assistant) -> None:
    assert assistant.ask("2024年保护示范区立项后怎么评估？").answerable
    assert assistant.ask("强省政策对数据知识产权登记怎么安排的").answerable


def test_who_holds_a_title_of_a_year() -> None:
    assert asks_outcome("2023年度省知识产权工作真抓实干成效明显地区有哪些")
    assert asks_outcome("2023年江苏专利奖金奖都有哪些项目")
    assert not asks_outcome("2022年度保护示范区对城市有哪些要求")


def test_a_year_with_no_round_of_the_program_talked_about(assistant: Assistant) -> None:
    turns = ["2024年度专利转化专项计划还分两个方向吗", "那24年高校方向截止时间呢"]
    refused = asked_in_turns(assistant, turns)
    assert not refused.answerable and "2024年度" in refused.answer
    turns = ["22年保护示范区的截止日期", "那24年的呢"]  # a round there is
    assert "2024-protection-zone:6.3" in cited(asked_in_turns(assistant, turns))
